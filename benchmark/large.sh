#!/usr/bin/env bash
# Big results and batches: benchmark/large.sh   (ROUNDS=5 EXPORT_ROWS=1000000 BATCH_ROWS=10000 HEAP=64m SKIP_BUILD=1)
# - export: every row of a 1,000,000-row table as one JSON array, streamed by SQLSpec (a returned RowStream) and by
#   hand-written JDBC with the same fetch size (1000), in an application limited to HEAP of heap; rows/s and the
#   heap's peak (the JVM's own memory pools, reset before each export); then the same export materialized as a list,
#   which the heap cannot hold.
# - batch: BATCH_ROWS inserts in one request by executeMany and by a hand-written JDBC batch, both in one transaction,
#   without and with pgjdbc's reWriteBatchedInserts (3 x ROUNDS rounds of 3 batches each: one batch is short), in an
#   application with run.sh's heap.
# Uses the PostgreSQL, application and helpers of run.sh; loopback only; stops what it starts.
set -euo pipefail
# before run.sh, whose defaults are for its own table
ROUNDS=${ROUNDS:-5}
source "$(dirname "$0")/run.sh"
EXPORT_ROWS=${EXPORT_ROWS:-1000000}
BATCH_ROWS=${BATCH_ROWS:-10000}
HEAP=${HEAP:-64m}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# timed METHOD PATH -> "status bytes seconds"
timed() { curl -s -o /dev/null -X "$1" -w '%{http_code} %{size_download} %{time_total}\n' "http://127.0.0.1:$APP_PORT$2"; }

restart_app() {
  kill "$APP_PID" && wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
  start_app
}

export_rounds() {
  local round v status bytes seconds peak
  for round in $(seq 1 "$ROUNDS"); do
    local order=(sqlspec jdbc)
    (( round % 2 )) || order=(jdbc sqlspec)
    for v in "${order[@]}"; do
      curl -sf -X POST "http://127.0.0.1:$APP_PORT/memory/peak" >/dev/null
      read -r status bytes seconds < <(timed GET "/$v/export")
      peak=$(curl -sf "http://127.0.0.1:$APP_PORT/memory/peak")
      [ "$status" = 200 ] || { log "  $v export answered $status"; tail -20 "$WORK/app.log" >&2; exit 1; }
      log "  round $round $v: $bytes bytes in ${seconds}s, heap peak $((peak / 1048576)) MB"
      echo "$v $(awk -v r="$EXPORT_ROWS" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }') $peak $bytes" >>"$WORK/export"
    done
  done
}

# a batch takes a tenth of a second: the JIT needs several before the figures settle
warm_batches() {
  for _ in $(seq 1 10); do
    timed POST "/sqlspec/batch?rows=$BATCH_ROWS" >/dev/null; timed POST "/jdbc/batch?rows=$BATCH_ROWS" >/dev/null
  done
  psql -d bench -c "TRUNCATE batch_users" >/dev/null
}

batch_rounds() { # LABEL
  local round v status seconds took
  for round in $(seq 1 $((ROUNDS * 3))); do
    local order=(sqlspec jdbc)
    (( round % 2 )) || order=(jdbc sqlspec)
    for v in "${order[@]}"; do
      # three batches per sample: one takes tens of milliseconds, less than the machine's own jitter
      seconds=0
      for _ in 1 2 3; do
        read -r status _ took < <(timed POST "/$v/batch?rows=$BATCH_ROWS")
        [ "$status" = 200 ] || { log "  $v batch answered $status"; exit 1; }
        seconds=$(awk -v a="$seconds" -v b="$took" 'BEGIN { print a + b }')
      done
      log "  round $round $v ($1): 3 batches in ${seconds}s"
      echo "$1 $v $(awk -v r="$BATCH_ROWS" -v s="$seconds" 'BEGIN { printf "%.0f", 3 * r / s }') $round" >>"$WORK/batch"
    done
    psql -d bench -c "TRUNCATE batch_users" >/dev/null
  done
}

large_main() {
  install_tools
  [ -n "${SKIP_BUILD:-}" ] || build
  start_postgres
  log "creating the export table: $EXPORT_ROWS rows"
  psql -d bench -c "CREATE TABLE big (id bigint PRIMARY KEY, name text NOT NULL, email text NOT NULL)" \
    -c "INSERT INTO big SELECT g, 'User ' || g, 'user' || g || '@example.com' FROM generate_series(1, $EXPORT_ROWS) g" \
    -c "VACUUM ANALYZE big"
  JAVA_OPTS="$JAVA_OPTS -Xmx$HEAP"
  start_app
  log "warming up both exports"
  timed GET /sqlspec/export >/dev/null; timed GET /jdbc/export >/dev/null
  log "exports: $ROUNDS interleaved rounds, heap limited to $HEAP"
  export_rounds
  log "the same export materialized as a list (select().all()) with $HEAP of heap"
  local listed
  listed=$(timed GET /sqlspec/export-list)
  listed="$listed, $(grep -c 'OutOfMemoryError' "$WORK/app.log" || true) OutOfMemoryError line(s) in the application's log"
  log "  $listed"

  log "batches of $BATCH_ROWS rows, $((ROUNDS * 3)) interleaved rounds (the application's usual heap)"
  JAVA_OPTS=${JAVA_OPTS% -Xmx$HEAP}
  restart_app
  warm_batches
  batch_rounds default
  local counts_default counts_rewrite
  counts_default=$(curl -sf -X POST "http://127.0.0.1:$APP_PORT/sqlspec/batch?rows=3")
  JAVA_OPTS="$JAVA_OPTS -Dquarkus.datasource.jdbc.additional-jdbc-properties.reWriteBatchedInserts=true"
  restart_app
  warm_batches
  batch_rounds rewrite
  counts_rewrite=$(curl -sf -X POST "http://127.0.0.1:$APP_PORT/sqlspec/batch?rows=3")

  echo
  echo "SQLSpec large results — $(nproc) cores, $(date -u +%Y-%m-%d), $ROUNDS rounds (medians)"
  local s j
  s=$(awk '$1 == "sqlspec" { print $2 }' "$WORK/export" | median); j=$(awk '$1 == "jdbc" { print $2 }' "$WORK/export" | median)
  printf 'export of %s rows, heap -Xmx%s: sqlspec %s rows/s, jdbc %s rows/s, sqlspec / jdbc %s\n' "$EXPORT_ROWS" "$HEAP" \
    "$s" "$j" "$(awk -v a="$s" -v b="$j" 'BEGIN { printf "%.2f", a / b }')"
  for v in sqlspec jdbc; do
    printf '  %-8s heap peak: max %d MB over the rounds (body %d bytes)\n' "$v" \
      "$(awk -v v=$v '$1 == v { print $3 }' "$WORK/export" | sort -n | tail -1 | awk '{ print int($1 / 1048576) }')" \
      "$(awk -v v=$v '$1 == v { print $4 }' "$WORK/export" | head -1)"
  done
  echo "  materialized list (select().all()): HTTP status, bytes, seconds = $listed"
  for label in default rewrite; do
    s=$(awk -v l=$label '$1 == l && $2 == "sqlspec" { print $3 }' "$WORK/batch" | median)
    j=$(awk -v l=$label '$1 == l && $2 == "jdbc" { print $3 }' "$WORK/batch" | median)
    printf 'batch of %s rows (%s): executeMany %s rows/s, jdbc batch %s rows/s, sqlspec / jdbc %s (per round %s)\n' \
      "$BATCH_ROWS" "$([ $label = rewrite ] && echo reWriteBatchedInserts=true || echo driver defaults)" "$s" "$j" \
      "$(awk -v a="$s" -v b="$j" 'BEGIN { printf "%.2f", a / b }')" \
      "$(awk -v l=$label '$1 == l { rate[$4 " " $2] = $3; rounds[$4] = 1 }
          END { for (r in rounds) print rate[r " sqlspec"] / rate[r " jdbc"] }' "$WORK/batch" | median \
          | awk '{ printf "%.2f", $1 }')"
  done
  echo "executeMany of 3 rows reports: $counts_default (driver defaults), $counts_rewrite (reWriteBatchedInserts)"
}

large_main "$@"
