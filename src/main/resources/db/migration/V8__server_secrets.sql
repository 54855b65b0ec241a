-- Secrets the nodes share besides the signing keys, e.g. the key that derives CSRF tokens from session ids.
-- The value is encrypted like private signing keys once auth.keys.encryption-secret is set.
CREATE TABLE server_secrets (
  name       VARCHAR(32)   NOT NULL PRIMARY KEY,
  secret     VARCHAR(1000) NOT NULL,
  created_at BIGINT        NOT NULL
);
