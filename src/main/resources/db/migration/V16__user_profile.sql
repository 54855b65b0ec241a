-- A user's profile, free-form attributes (a JSON object's text) and directly granted permissions
-- (space-separated): columns of users, so that loading a user stays one statement.
ALTER TABLE users ADD COLUMN email VARCHAR(320);
ALTER TABLE users ADD COLUMN email_verified BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE users ADD COLUMN name VARCHAR(200);
ALTER TABLE users ADD COLUMN given_name VARCHAR(100);
ALTER TABLE users ADD COLUMN family_name VARCHAR(100);
ALTER TABLE users ADD COLUMN attributes VARCHAR(16384);
ALTER TABLE users ADD COLUMN permissions VARCHAR(8192);
