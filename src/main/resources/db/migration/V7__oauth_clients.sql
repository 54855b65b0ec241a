-- The OAuth client registry. Lists are space-separated values; a secret is stored only as its hash.
CREATE TABLE oauth_clients (
  id                        VARCHAR(100)  NOT NULL PRIMARY KEY,
  confidential              BOOLEAN       NOT NULL,
  secret_hash               VARCHAR(200),
  grant_types               VARCHAR(1000) NOT NULL,
  scopes                    VARCHAR(1000) NOT NULL,
  audiences                 VARCHAR(1000) NOT NULL,
  roles                     VARCHAR(1000) NOT NULL,
  access_token_ttl_seconds  BIGINT,
  created_at                BIGINT        NOT NULL
);
