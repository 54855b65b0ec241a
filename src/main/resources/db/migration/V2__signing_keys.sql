-- Signing keys shared by every node. public_jwk is served in the JWKS; private_jwk never leaves the service.
CREATE TABLE signing_keys (
  kid         VARCHAR(64)    NOT NULL PRIMARY KEY,
  algorithm   VARCHAR(16)    NOT NULL,
  status      VARCHAR(16)    NOT NULL,
  public_jwk  VARCHAR(16000) NOT NULL,
  private_jwk VARCHAR(16000) NOT NULL,
  created_at  BIGINT         NOT NULL
);

CREATE INDEX ix_signing_keys_status ON signing_keys (status);
