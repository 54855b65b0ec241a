-- Revocations of a trusted issuer's tokens (POST /admin/revocations): the issuer they hold for;
-- null for the token service's own tokens.
ALTER TABLE revocations ADD COLUMN issuer VARCHAR(500);
