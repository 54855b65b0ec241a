-- A session is one login: the family of refresh tokens that rotate from it. Its id is the sid claim.
-- user_id has no foreign key: users may come from another identity store.
CREATE TABLE sessions (
  id             VARCHAR(36)   NOT NULL PRIMARY KEY,
  user_id        VARCHAR(100)  NOT NULL,
  username       VARCHAR(100)  NOT NULL,
  client_id      VARCHAR(100)  NOT NULL,
  scope          VARCHAR(1000) NOT NULL,
  created_at     BIGINT        NOT NULL,
  last_used_at   BIGINT        NOT NULL,
  expires_at     BIGINT        NOT NULL,
  revoked_at     BIGINT,
  revoked_reason VARCHAR(50)
);
CREATE INDEX ix_sessions_user ON sessions (user_id);
CREATE INDEX ix_sessions_expires ON sessions (expires_at);

-- Refresh tokens: only the SHA-256 of the token is stored. state is ACTIVE, ROTATED or REVOKED;
-- the ACTIVE -> ROTATED step is a conditional UPDATE, so exactly one of concurrent refreshes wins.
CREATE TABLE refresh_tokens (
  id           VARCHAR(36) NOT NULL PRIMARY KEY,
  token_hash   VARCHAR(64) NOT NULL,
  session_id   VARCHAR(36) NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  issued_at    BIGINT      NOT NULL,
  expires_at   BIGINT      NOT NULL,
  state        VARCHAR(16) NOT NULL,
  rotated_at   BIGINT,
  successor_id VARCHAR(36),
  CONSTRAINT uq_refresh_tokens_hash UNIQUE (token_hash)
);
CREATE INDEX ix_refresh_tokens_session ON refresh_tokens (session_id);
CREATE INDEX ix_refresh_tokens_expires ON refresh_tokens (expires_at);
