-- Analytics database of the demo: page events counted by the combined report.
CREATE TABLE IF NOT EXISTS events (
    id          bigserial PRIMARY KEY,
    name        text        NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now()
);
