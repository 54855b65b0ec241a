-- When a user's profile (names, email, attributes) last changed: the OpenID Connect claim
-- updated_at. Existing users count from their creation.
ALTER TABLE users ADD COLUMN profile_updated_at BIGINT;
UPDATE users SET profile_updated_at = created_at;
