-- SQLSpec Migration
-- Version: 0001
-- Description: the demo schema of SQLSpec's documentation examples

-- name: migrate-0001-up
CREATE TABLE users (
    id         bigserial PRIMARY KEY,
    name       text        NOT NULL,
    email      text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE posts (
    id         bigserial PRIMARY KEY,
    title      text        NOT NULL,
    content    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Login accounts; passwords are stored as PBKDF2 hashes, never in clear.
CREATE TABLE accounts (
    id            bigserial PRIMARY KEY,
    username      text NOT NULL UNIQUE,
    password_hash text NOT NULL
);

-- name: migrate-0001-down
DROP TABLE accounts;
DROP TABLE posts;
DROP TABLE users;
