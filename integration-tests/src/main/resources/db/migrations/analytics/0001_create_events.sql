-- SQLSpec Migration
-- Version: 0001
-- Description: page events, counted by the combined report

-- name: migrate-0001-up
CREATE TABLE events (
    id          bigserial PRIMARY KEY,
    name        text        NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now()
);

-- name: migrate-0001-down
DROP TABLE events;
