-- Login throttling shared by every node (PRODUCT.md §8 "Brute force"): one row per failed credential
-- check, and the lockouts they lead to. pair_key is a hash of (username, client address), so a password
-- typed into the username field is never stored.
CREATE TABLE login_failures (
  id          VARCHAR(36) NOT NULL PRIMARY KEY,
  pair_key    VARCHAR(64) NOT NULL,
  address     VARCHAR(64) NOT NULL,
  occurred_at BIGINT      NOT NULL
);
CREATE INDEX ix_login_failures_pair ON login_failures (pair_key, occurred_at);
CREATE INDEX ix_login_failures_address ON login_failures (address, occurred_at);

CREATE TABLE login_lockouts (
  pair_key     VARCHAR(64) NOT NULL PRIMARY KEY,
  strikes      INTEGER     NOT NULL,
  locked_until BIGINT      NOT NULL
);
