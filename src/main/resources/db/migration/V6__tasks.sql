-- The sample protected resource: tasks owned by a user (owner = the sub of their tokens).
CREATE TABLE tasks (
  id          VARCHAR(36)   NOT NULL PRIMARY KEY,
  owner       VARCHAR(100)  NOT NULL,
  title       VARCHAR(200)  NOT NULL,
  description VARCHAR(2000),
  done        BOOLEAN       NOT NULL,
  created_at  BIGINT        NOT NULL,
  updated_at  BIGINT        NOT NULL
);
CREATE INDEX ix_tasks_owner ON tasks (owner);
