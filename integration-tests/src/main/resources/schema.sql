-- Demo schema, created at startup when missing (SQLSpec's documentation examples).
CREATE TABLE IF NOT EXISTS users (
    id         bigserial PRIMARY KEY,
    name       text        NOT NULL,
    email      text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS posts (
    id         bigserial PRIMARY KEY,
    title      text        NOT NULL,
    content    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Login accounts of the demo; passwords are stored as PBKDF2 hashes, never in clear.
CREATE TABLE IF NOT EXISTS accounts (
    id            bigserial PRIMARY KEY,
    username      text NOT NULL UNIQUE,
    password_hash text NOT NULL
);
