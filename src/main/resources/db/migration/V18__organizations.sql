-- Organizations (tenants): a user belongs to at most one; a task records its owner's at creation.
CREATE TABLE organizations (
  id         VARCHAR(63)  NOT NULL PRIMARY KEY,
  name       VARCHAR(200) NOT NULL,
  created_at BIGINT       NOT NULL
);
-- The foreign key makes the database decide a delete racing a new member: the delete fails.
ALTER TABLE users ADD COLUMN org_id VARCHAR(63) REFERENCES organizations (id);
CREATE INDEX ix_users_org ON users (org_id);
-- No foreign key: a task keeps the organization it was made in, as its tokens said.
ALTER TABLE tasks ADD COLUMN org_id VARCHAR(63);
CREATE INDEX ix_tasks_org ON tasks (org_id);
