#!/usr/bin/env bash
# JMH microbenchmarks: statement cache lookup vs parse, and the cost of statement events with no listener.
# Usage: benchmark/jmh.sh [JMH options, e.g. -f 1 -wi 3 -i 5]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp install -DskipTests -pl runtime -am
./mvnw -B -q -ntp -f benchmark/pom.xml package -pl jmh
cp="benchmark/jmh/target/classes:$(cat benchmark/jmh/target/classpath.txt)"
args=("$@")
if [ ${#args[@]} -eq 0 ]; then args=(-f 1 -wi 3 -w 1s -i 5 -r 1s); fi
exec java -cp "$cp" org.openjdk.jmh.Main "${args[@]}" \
  -jvmArgsAppend "-Djava.util.logging.manager=org.jboss.logmanager.LogManager" 'io.quarkiverse.sqlspec.benchmark.*'
