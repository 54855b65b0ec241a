-- Refresh token values now carry a tag (the session, the expiry and a MAC): 98 characters, so the
-- successor sealed under the old value takes 168.
ALTER TABLE refresh_tokens ALTER COLUMN successor_sealed SET DATA TYPE VARCHAR(256);
