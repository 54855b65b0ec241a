-- Issue 16: every audit row says which client and address it came from and which request it was
-- (the X-Request-Id also in the log lines); GET /admin/audit filters by type and subject, newest first.
ALTER TABLE audit_events ADD COLUMN client_id VARCHAR(100);
ALTER TABLE audit_events ADD COLUMN address VARCHAR(64);
ALTER TABLE audit_events ADD COLUMN request_id VARCHAR(128);
CREATE INDEX ix_audit_events_type_time ON audit_events (event_type, occurred_at);
