-- Events that repeat at attack rates (a throttled login) are one row per locked pair or address and
-- window: occurrences counts them, last_occurred_at is the latest (null while there is only one).
ALTER TABLE audit_events ADD COLUMN occurrences INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE audit_events ADD COLUMN last_occurred_at BIGINT;
