-- Key lifecycle (issue 14). A key is NEXT (published in the JWKS, signs from activate_at), ACTIVE (signs
-- new tokens; exactly one), or RETIRED (still published and verifying until unpublish_at, when every
-- token it signed has expired). Instants are epoch milliseconds, like every other table.
ALTER TABLE signing_keys ADD COLUMN activate_at BIGINT;
ALTER TABLE signing_keys ADD COLUMN activated_at BIGINT;
ALTER TABLE signing_keys ADD COLUMN retired_at BIGINT;
ALTER TABLE signing_keys ADD COLUMN unpublish_at BIGINT;
-- 1 on the active key, NULL on every other: the unique index lets the database hold at most one
-- active key whatever the nodes do (a partial index would say it more directly, but H2 has none).
ALTER TABLE signing_keys ADD COLUMN active_slot INTEGER;
CREATE UNIQUE INDEX ux_signing_keys_one_active ON signing_keys (active_slot);

UPDATE signing_keys SET activated_at = created_at WHERE status = 'ACTIVE';
-- Two nodes starting together could each have created an active key before this migration: the newest
-- stays active, the others are retired (the service sets when they leave the JWKS).
UPDATE signing_keys SET active_slot = 1
 WHERE kid = (SELECT MAX(k.kid) FROM signing_keys k
               WHERE k.status = 'ACTIVE'
                 AND k.created_at = (SELECT MAX(n.created_at) FROM signing_keys n WHERE n.status = 'ACTIVE'));
UPDATE signing_keys SET status = 'RETIRED', retired_at = created_at
 WHERE status = 'ACTIVE' AND active_slot IS NULL;

-- The change feed the nodes poll (sync/SharedStateSync): one row per kind of shared state, whose
-- version goes up in the same transaction as every change of that state. A key change also locks the
-- row, so that key changes on different nodes happen one after the other.
CREATE TABLE shared_state_versions (
  topic   VARCHAR(32) NOT NULL PRIMARY KEY,
  version BIGINT      NOT NULL
);
INSERT INTO shared_state_versions (topic, version) VALUES ('keys', 0);
