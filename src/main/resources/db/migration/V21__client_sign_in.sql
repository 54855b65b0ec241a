-- Clients that sign users in through the browser (OpenID Connect): a display name, and the
-- addresses the browser may be sent back to, space-separated (a URI has no spaces).
ALTER TABLE oauth_clients ADD COLUMN name VARCHAR(100);
ALTER TABLE oauth_clients ADD COLUMN redirect_uris VARCHAR(4000);
ALTER TABLE oauth_clients ADD COLUMN post_logout_redirect_uris VARCHAR(4000);
