-- What a client's access tokens carry beyond the fixed claims (space-separated); null: the default.
ALTER TABLE oauth_clients ADD COLUMN claims VARCHAR(2000);
