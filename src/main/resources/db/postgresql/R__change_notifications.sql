-- PostgreSQL only (SchemaMigration adds this location there): every commit that moves the change
-- feed (keys, clients) or adds revocations NOTIFYs channel jwtauth_changes, so every node's
-- listener catches up at once instead of at its next poll. NOTIFY is delivered at commit and not at
-- all on a rollback; the payload is the table, for the log only (a node re-reads what changed).
CREATE OR REPLACE FUNCTION jwtauth_notify_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('jwtauth_changes', TG_TABLE_NAME);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS notify_change_feed ON shared_state_versions;
CREATE TRIGGER notify_change_feed AFTER UPDATE ON shared_state_versions
  FOR EACH STATEMENT EXECUTE FUNCTION jwtauth_notify_change();

DROP TRIGGER IF EXISTS notify_revocations ON revocations;
CREATE TRIGGER notify_revocations AFTER INSERT ON revocations
  FOR EACH STATEMENT EXECUTE FUNCTION jwtauth_notify_change();
