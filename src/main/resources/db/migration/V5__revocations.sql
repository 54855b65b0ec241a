-- Revocation lists in one append-only table (ids are UUIDs: no database-specific sequences): kind JTI (a denied access token), SID (a revoked session)
-- or USER (tokens issued before not_before are revoked). Every node loads the rows at start-up and
-- polls recently created ones; rows are purged after keep_until, when no token they concern is valid.
CREATE TABLE revocations (
  id          VARCHAR(36)  NOT NULL PRIMARY KEY,
  kind        VARCHAR(8)   NOT NULL,
  subject_key VARCHAR(100) NOT NULL,
  not_before  BIGINT,
  keep_until  BIGINT       NOT NULL,
  reason      VARCHAR(50)  NOT NULL,
  created_at  BIGINT       NOT NULL
);
CREATE INDEX ix_revocations_created ON revocations (created_at);
CREATE INDEX ix_revocations_keep_until ON revocations (keep_until);
