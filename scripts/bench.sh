#!/usr/bin/env bash
# Benchmarks (not part of the test suite or CI); results belong in docs/benchmarks.md.
#   scripts/bench.sh            the in-memory revocation check with 0, 10k and 1M denied jtis, and a
#                               whole token verification on top of it
#   scripts/bench.sh login      server CPU per password login (scripts/run.sh, embedded mode, demo user
#                               alice) next to a bare Argon2id hash measured in the same run, interleaved
#                               (it warms the server up with 6000 logins first: about three minutes)
#   JAVA_HOME  the JDK to measure with (default: the java on PATH)
#   BENCH_OPTS JVM options of the harness, e.g. -Dwarmup=500 -Drounds=3 -Dpairs=40
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"

if [ "${1:-}" != "login" ]; then
  exec "$JAVA" -Xms2g -Xmx2g -cp "$CP" dev.jwtauth.bench.RevocationBench
fi

PORT="${PORT:-18181}"
work="$(mktemp -d target/bench-login.XXXXXX)"
PORT="$PORT" AUTH_SKIP_BUILD=1 AUTH_DB_URL="jdbc:h2:file:$PWD/$work/data/auth" \
  AUTH_LOG_FILE="$work/server.log" scripts/run.sh > "$work/console.log" 2>&1 &
runner=$!
trap 'kill -TERM $runner 2>/dev/null || true; wait $runner 2>/dev/null || true' EXIT
# Ready when the JWKS answers (the start-up log line comes before the web module is in place).
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/.well-known/jwks.json" && break
  sleep 1
done
server="$(pgrep -f -- "payara-micro.jar.*--port $PORT" | head -n 1)"
"$JAVA" -cp "$CP" ${BENCH_OPTS:-} dev.jwtauth.bench.LoginBench "http://127.0.0.1:$PORT" "$server" "$(getconf CLK_TCK)"
