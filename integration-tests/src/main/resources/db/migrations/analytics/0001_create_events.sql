-- SQLSpec Migration
-- Version: 0001
-- Description: page events, counted by the combined report (DuckDB)

-- name: migrate-0001-up
CREATE SEQUENCE events_id;
CREATE TABLE events (
    id          BIGINT    PRIMARY KEY DEFAULT nextval('events_id'),
    name        VARCHAR   NOT NULL,
    occurred_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- name: migrate-0001-down
DROP TABLE events;
DROP SEQUENCE events_id;
