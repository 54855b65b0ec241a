-- The revocation feed (GET /oauth2/revocations) serves revocations in the order of their place in
-- it. A revocation gets its place after its own transaction has committed, from the one counter
-- row, which the assigning transaction holds locked until it commits: places are committed in
-- their order, so a reader that has seen place n has seen every place below it (identity columns
-- and sequences hand out numbers at insert, and a lower number may commit after a higher one).
ALTER TABLE revocations ADD COLUMN feed_seq BIGINT;
CREATE UNIQUE INDEX ux_revocations_feed_seq ON revocations (feed_seq);
CREATE TABLE revocation_feed (
  id       INT    NOT NULL PRIMARY KEY,
  last_seq BIGINT NOT NULL
);
INSERT INTO revocation_feed (id, last_seq) VALUES (1, 0);
-- Clients allowed to read the feed (confidential only).
ALTER TABLE oauth_clients ADD COLUMN revocation_feed BOOLEAN DEFAULT FALSE NOT NULL;
