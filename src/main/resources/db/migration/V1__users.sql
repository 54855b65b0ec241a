-- Users who log in with a password. Times are epoch milliseconds (see InstantConverter).
CREATE TABLE users (
  id            VARCHAR(36)  NOT NULL PRIMARY KEY,
  username      VARCHAR(100) NOT NULL,
  password_hash VARCHAR(512) NOT NULL,
  enabled       BOOLEAN      NOT NULL,
  created_at    BIGINT       NOT NULL,
  CONSTRAINT uq_users_username UNIQUE (username)
);

CREATE TABLE user_roles (
  user_id VARCHAR(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role    VARCHAR(50) NOT NULL,
  PRIMARY KEY (user_id, role)
);
