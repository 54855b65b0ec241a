-- The client registry is kept in memory on every node (issue 15); its changes go through the change feed.
INSERT INTO shared_state_versions (topic, version) VALUES ('clients', 0);
