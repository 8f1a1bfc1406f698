#!/usr/bin/env bash
# Where the time goes: CPU profiles of benchmark variants, taken one variant at a time on a warmed-up application.
# benchmark/profile.sh sqlspec-get jdbc-get      (default: sqlspec-get jdbc-get; DURATION=10s; WARMUP=20s; INTERVAL=500us; SKIP_BUILD=1; EVENT=alloc;
#   WARM="hello orm-get ..." to also warm up variants that are not profiled, as run.sh warms them all)
# Writes benchmark/target/profiles/VARIANT.html (flame graph) and VARIANT.collapsed (one stack per line, for diffs).
# Uses async-profiler from Maven Central; the same PostgreSQL, application and wrk scripts as run.sh.
set -euo pipefail
WARMUP=${WARMUP:-20s}
source "$(dirname "$0")/run.sh"
DURATION=${DURATION:-10s}
EVENT=${EVENT:-cpu}
AP_VERSION=4.2
OUT="$(pwd)/target/profiles"

install_profiler() {
  AP_LIB="$(pwd)/target/async-profiler/linux-x64/libasyncProfiler.so"
  [ -f "$AP_LIB" ] && return
  log "downloading async-profiler $AP_VERSION"
  mkdir -p target/async-profiler
  curl -sfL "https://repo1.maven.org/maven2/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION-linux-x64.jar" \
    -o target/async-profiler/async-profiler.jar
  (cd target/async-profiler && unzip -qo async-profiler.jar)
}

profiler() { jcmd "$APP_PID" JVMTI.agent_load "$AP_LIB" "\"$1\"" >/dev/null; }

profile_main() {
  local variants=("$@")
  [ ${#variants[@]} -gt 0 ] || variants=(sqlspec-get jdbc-get)
  install_tools
  install_profiler
  [ -n "${SKIP_BUILD:-}" ] || build
  start_postgres
  # loaded at startup, not attached later: attaching deoptimizes compiled code, and the JIT would be profiled instead
  JAVA_OPTS="$JAVA_OPTS -agentpath:$AP_LIB"
  start_app
  declare_variants
  mkdir -p "$OUT"
  local warm
  read -r -a warm <<<"${WARM:-}"
  log "warming up ${warm[*]} ${variants[*]}"
  for v in "${warm[@]}" "${variants[@]}"; do run_variant "$v" "$WARMUP" >/dev/null; done
  for v in "${variants[@]}"; do
    database_maintenance
    profiler "start,event=$EVENT$([ "$EVENT" = cpu ] && echo ,interval=${INTERVAL:-500us})"
    log "  $v: $(run_variant "$v" "$DURATION")"
    profiler "dump,file=$OUT/$v.collapsed,collapsed"
    profiler "stop,file=$OUT/$v.html"
  done
  log "profiles in $OUT"
}

profile_main "$@"
