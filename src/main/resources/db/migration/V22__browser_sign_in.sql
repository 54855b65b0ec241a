-- A browser session is one sign-in on the login page: the __Host-sso cookie, stored as its SHA-256.
-- Its id is the sid of the ID tokens issued through it. Shared by every node like refresh sessions.
CREATE TABLE browser_sessions (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  token_hash     VARCHAR(64)  NOT NULL,
  user_id        VARCHAR(100) NOT NULL,
  username       VARCHAR(100) NOT NULL,
  auth_time      BIGINT       NOT NULL,
  last_used_at   BIGINT       NOT NULL,
  expires_at     BIGINT       NOT NULL,
  revoked_at     BIGINT,
  revoked_reason VARCHAR(50),
  CONSTRAINT uq_browser_sessions_hash UNIQUE (token_hash)
);
CREATE INDEX ix_browser_sessions_user ON browser_sessions (user_id);
CREATE INDEX ix_browser_sessions_expires ON browser_sessions (expires_at);

-- The refresh-token sessions started through a browser session end with it; auth_time is when its
-- user typed their password (the auth_time of the ID tokens its refreshes return).
ALTER TABLE sessions ADD COLUMN browser_session_id VARCHAR(36);
ALTER TABLE sessions ADD COLUMN auth_time BIGINT;
CREATE INDEX ix_sessions_browser ON sessions (browser_session_id);

-- Authorization codes, stored as their SHA-256: single use (used_at is set by a conditional
-- UPDATE), bound to what the authorization request said. session_id is the refresh-token session
-- the exchange starts, chosen when the code is used, so a replay can end it.
CREATE TABLE authorization_codes (
  code_hash          VARCHAR(64)   NOT NULL PRIMARY KEY,
  client_id          VARCHAR(100)  NOT NULL,
  redirect_uri       VARCHAR(2000) NOT NULL,
  code_challenge     VARCHAR(128),
  nonce              VARCHAR(1000),
  scope              VARCHAR(1000) NOT NULL,
  browser_session_id VARCHAR(36)   NOT NULL,
  user_id            VARCHAR(100)  NOT NULL,
  auth_time          BIGINT        NOT NULL,
  expires_at         BIGINT        NOT NULL,
  used_at            BIGINT,
  session_id         VARCHAR(36)
);
CREATE INDEX ix_authorization_codes_expires ON authorization_codes (expires_at);
