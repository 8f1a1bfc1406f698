-- SQLSpec Migration
-- Version: 0002
-- Description: a week of sample page events

-- name: migrate-0002-up
INSERT INTO events (name, occurred_at)
SELECT CASE WHEN n % 3 = 0 THEN 'signup' ELSE 'page_view' END, TIMESTAMP '2026-11-26 09:00:00' + n * INTERVAL 1 HOUR
FROM range(42) AS t(n);

-- name: migrate-0002-down
DELETE FROM events WHERE occurred_at BETWEEN TIMESTAMP '2026-11-26 09:00:00' AND TIMESTAMP '2026-11-28 02:00:00';
