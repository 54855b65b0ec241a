-- Security events (reuse detected, logout, password change, ...), also written to the log.
CREATE TABLE audit_events (
  id          VARCHAR(36)   NOT NULL PRIMARY KEY,
  occurred_at BIGINT        NOT NULL,
  event_type  VARCHAR(50)   NOT NULL,
  actor       VARCHAR(100),
  subject     VARCHAR(100),
  session_id  VARCHAR(36),
  detail      VARCHAR(1000)
);
CREATE INDEX ix_audit_events_time ON audit_events (occurred_at);
CREATE INDEX ix_audit_events_subject ON audit_events (subject);
