#!/usr/bin/env bash
# How throughput and latency hold as connections grow: benchmark/sweep.sh
# (LEVELS="32 256 1024" SWEEP_VARIANTS="sqlspec-get jdbc-get sqlspec-post jdbc-tx-post" DURATION=8s ROUNDS=3 SKIP_BUILD=1)
# Each level runs every variant ROUNDS times, interleaved, with wrk -c LEVEL (bounded by DURATION, loopback); prints
# req/s, p50, p99, non-2xx and socket errors (connect, read, write, timeout) per level, sqlspec / jdbc per level, and
# each variant's throughput at the highest level against its best level. Same PostgreSQL, application and settings as
# run.sh (Agroal max-size 32, Quarkus's default worker pool).
set -euo pipefail
# before run.sh, whose defaults are for its own table
DURATION=${DURATION:-8s}
ROUNDS=${ROUNDS:-3}
source "$(dirname "$0")/run.sh"
LEVELS=${LEVELS:-32 256 1024}
read -r -a sweep_variants <<<"${SWEEP_VARIANTS:-sqlspec-get jdbc-get sqlspec-post jdbc-tx-post}"

sweep_main() {
  install_tools
  [ -n "${SKIP_BUILD:-}" ] || build
  start_postgres
  start_app
  declare_variants
  log "warming up ${sweep_variants[*]}"
  for v in "${sweep_variants[@]}"; do run_variant "$v" "$WARMUP" >/dev/null; done
  declare -gA results
  local level v
  for level in $LEVELS; do
    CONNECTIONS=$level
    log "$level connections"
    results=()
    run_rounds "$ROUNDS" "${sweep_variants[@]}"
    for v in "${sweep_variants[@]}"; do swept[$level $v]=${results[$v]}; done
  done

  column_median() { tr ';' '\n' <<<"$1" | grep -v '^$' | awk -v c="$2" '{ print $c }' | sort -n \
    | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  column_sum() { tr ';' '\n' <<<"$1" | awk -v c="$2" '{ sum += $c } END { print sum + 0 }'; }
  echo
  echo "SQLSpec concurrency sweep — $(nproc) cores, $(date -u +%Y-%m-%d), $ROUNDS rounds x $DURATION per level, wrk -t$THREADS (medians; errors summed)"
  printf '%-14s %6s %10s %10s %10s %8s %8s\n' variant conns "req/s" "p50 ms" "p99 ms" non-2xx "sock err"
  declare -A rps peak
  for v in "${sweep_variants[@]}"; do
    for level in $LEVELS; do
      local line=${swept[$level $v]}
      rps[$level $v]=$(column_median "$line" 1)
      printf '%-14s %6s %10.0f %10.3f %10.3f %8s %8s\n' "$v" "$level" "${rps[$level $v]}" "$(column_median "$line" 2)" \
        "$(column_median "$line" 3)" "$(column_sum "$line" 4)" "$(column_sum "$line" 6)"
      peak[$v]=$(awk -v a="${peak[$v]:-0}" -v b="${rps[$level $v]}" 'BEGIN { print (b > a ? b : a) }')
    done
  done
  echo
  local highest=${LEVELS##* }
  # per_round LEVEL A B -> the median over rounds of A's throughput / B's in the same round
  per_round() {
    paste -d' ' <(tr ';' '\n' <<<"${swept[$1 $2]:-}" | grep -v '^$' | awk '{ print $1 }') \
      <(tr ';' '\n' <<<"${swept[$1 $3]:-}" | grep -v '^$' | awk '{ print $1 }') \
      | awk 'NF == 2 && $2 > 0 { print $1 / $2 }' | sort -n \
      | awk '{ v[NR] = $1 } END { if (NR) printf "%.2f", v[int((NR + 1) / 2)]; else printf "n/a" }'
  }
  ratio() { awk -v a="${rps[$1 $2]:-0}" -v b="${rps[$1 $3]:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
  echo "sqlspec / jdbc, ratio of the medians (median of the per-round ratios)"
  for level in $LEVELS; do
    printf '  at %5s connections:   GET %s (%s)   POST against jdbc-tx %s (%s)\n' "$level" \
      "$(ratio "$level" sqlspec-get jdbc-get)" "$(per_round "$level" sqlspec-get jdbc-get)" \
      "$(ratio "$level" sqlspec-post jdbc-tx-post)" "$(per_round "$level" sqlspec-post jdbc-tx-post)"
  done
  for v in "${sweep_variants[@]}"; do
    printf '%-14s at %s connections / its peak: %s\n' "$v" "$highest" \
      "$(awk -v a="${rps[$highest $v]}" -v b="${peak[$v]}" 'BEGIN { printf "%.2f", a / b }')"
  done
}

declare -A swept
sweep_main "$@"
