#!/usr/bin/env bash
# Dev Services start times: the embedded PostgreSQL with initdb on every start (as before the cluster cache), cold (the
# cache made first), warm (the spare copy made after the previous start) and warm without a spare (the cache copied
# at start), STARTS of each (default 10), interleaved; median and range. Each time is the start of the server and the
# datasource's database (Quarkus's default user and database).
# One command from a clean clone: benchmark/devservices-start.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q install -DskipTests -pl bom,.,runtime,deployment
./mvnw -B -ntp -q -pl deployment test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/devservices-start.classpath -Dmdep.includeScope=test
java -cp "deployment/target/test-classes:deployment/target/classes:$(cat deployment/target/devservices-start.classpath)" \
  io.quarkiverse.sqlspec.deployment.devservices.DevServicesStartTimes "${STARTS:-10}"
