-- name: migrate-0001-up
CREATE TABLE greetings (
    id      bigserial PRIMARY KEY,
    message text NOT NULL
);
INSERT INTO greetings (message) VALUES ('Hello from SQLSpec');

-- name: migrate-0001-down
DROP TABLE greetings;
