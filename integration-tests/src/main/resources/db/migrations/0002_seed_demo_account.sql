-- SQLSpec Migration
-- Version: 0002
-- Description: the demo account of SQLSpec's session example, alice / secret

-- name: migrate-0002-up
INSERT INTO accounts (username, password_hash)
VALUES ('alice', 'pbkdf2$120000$pozjr3UvcuUV3pszk2sPUA==$UVQZYph5OJtHfVACWBUHCn7efXff7bByIMraUv7cTEc=');

-- name: migrate-0002-down
DELETE FROM accounts WHERE username = 'alice';
