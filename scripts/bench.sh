#!/usr/bin/env bash
# Benchmarks (not part of the test suite or CI); results belong in docs/benchmarks.md.
#   scripts/bench.sh            the in-memory revocation check with 0, 10k and 1M denied jtis, and a
#                               whole token verification on top of it
#   scripts/bench.sh verify     JMH: the bearer check uncached and cached against a bare Nimbus and a
#                               bare JCA RS256 verification of the same token (about 3 minutes)
#   scripts/bench.sh http       server CPU per request under wrk: /api/me with our bearer check, its
#                               unprotected twin, the same resource behind Payara's stock MP-JWT (a
#                               second server), refresh, introspection, JWKS, login (about 15 minutes;
#                               installs Debian's wrk when it is missing)
#   scripts/bench.sh guard      server CPU per request of the bearer check in another WAR: the
#                               example (examples/notes, the guard library) against the same
#                               resource behind Payara's stock MP-JWT, beside /api/me against its
#                               stock twin (about 10 minutes)
#   scripts/bench.sh login      server CPU per password login (scripts/run.sh, embedded mode, demo user
#                               alice) next to a bare Argon2id hash measured in the same run, interleaved
#                               (it warms the server up with 6000 logins first: about three minutes)
#   scripts/bench.sh writes     what durable embedded writes cost: task creations on two services on H2
#                               files, as shipped (WRITE_DELAY=0) and with H2's 500-ms write delay,
#                               interleaved: server CPU per request and latency (about three minutes)
#   BENCH_SERVER=wildfly  run the service (http, login) on WildFly with scripts/run-wildfly.sh
#              instead of Payara Micro; the http reference stays Payara's stock MP-JWT
#   JAVA_HOME  the JDK to measure with (default: the java on PATH)
#   BENCH_OPTS JVM options of the harness, e.g. -Dwarmup=500 -Drounds=3 -Dpairs=40 (login),
#              -Dseconds=10 -Drounds=3 -Dconnections=16 (http)
set -euo pipefail
cd "$(dirname "$0")/.."
# Two runs: with test-compile after package in one run, Maven resolves the guard module to its
# classes directory when the service is packaged, and the WAR goes out without the guard's jar.
./mvnw -B -q -DskipTests -Dspotbugs.skip=true package
./mvnw -B -q -Dspotbugs.skip=true -Djacoco.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"

case "${1:-}" in
  "") exec "$JAVA" -Xms2g -Xmx2g -cp "$CP" dev.jwtauth.bench.RevocationBench ;;
  verify) exec "$JAVA" -cp "$CP" ${BENCH_OPTS:-} dev.jwtauth.bench.VerifierBench ;;
  login|http|guard|writes) ;;
  *) echo "usage: scripts/bench.sh [verify|http|guard|login|writes]" >&2; exit 2 ;;
esac

# Ready when the URL answers with the status (the start-up log line comes before the web module is
# in place, and a server answers 404 before its application is deployed).
await() {
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = "$2" ] && return 0
    sleep 1
  done
  echo "bench.sh: nothing answered at $1" >&2
  exit 1
}

PORT="${PORT:-18181}"
work="$(mktemp -d "target/bench-$1.XXXXXX")"
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

war=target/auth.war
if [ "$1" = "http" ] || [ "$1" = "guard" ]; then
  if ! command -v wrk > /dev/null; then
    echo "bench.sh: installing wrk (Debian package)" >&2
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk; else sudo apt-get install -y -qq wrk; fi
  fi
  "$JAVA" -cp "$CP" dev.jwtauth.bench.BenchWars "http://127.0.0.1:$PORT"
  war=target/bench/auth-bench.war
fi

case "${BENCH_SERVER:-payara}" in
  payara) run_script=scripts/run.sh; server_pattern="payara-micro.jar.*--port $PORT" ;;
  # standalone.sh's own command line names the port too; the server JVM's starts with -D[Standalone].
  wildfly) run_script=scripts/run-wildfly.sh; server_pattern="-D\[Standalone\].*-Djboss.http.port=$PORT" ;;
  *) echo "bench.sh: BENCH_SERVER is payara or wildfly" >&2; exit 2 ;;
esac
# The management port (WildFly) clear of the reference server's port, PORT + 1.
# The login scenario logs alice in thousands of times: with the default cap of 50 sessions per user
# the session of the token the other scenarios present would be ended (and its token refused).
AUTH_WAR="$war" PORT="$PORT" MANAGEMENT_PORT=$((PORT + 2)) AUTH_SKIP_BUILD=1 \
  AUTH_SESSION_MAX_PER_USER=100000000 \
  AUTH_DB_URL="jdbc:h2:file:$PWD/$work/data/auth" AUTH_LOG_FILE="$work/server.log" \
  "$run_script" > "$work/console.log" 2>&1 &
pids+=($!)
await "http://127.0.0.1:$PORT/.well-known/jwks.json" 200
server="$(pgrep -f -- "$server_pattern" | head -n 1)"

if [ "$1" = "writes" ]; then
  DELAYED_PORT=$((PORT + 1))
  AUTH_WAR="$war" PORT="$DELAYED_PORT" MANAGEMENT_PORT=$((PORT + 3)) AUTH_SKIP_BUILD=1 \
    AUTH_DB_URL="jdbc:h2:file:$PWD/$work/delayed/auth;WRITE_DELAY=500" \
    AUTH_LOG_FILE="$work/delayed-server.log" "$run_script" > "$work/delayed-console.log" 2>&1 &
  pids+=($!)
  await "http://127.0.0.1:$DELAYED_PORT/.well-known/jwks.json" 200
  delayed="$(pgrep -f -- "${server_pattern/$PORT/$DELAYED_PORT}" | head -n 1)"
  "$JAVA" -cp "$CP" ${BENCH_OPTS:-} dev.jwtauth.bench.WriteBench "http://127.0.0.1:$PORT" "$server" \
    "http://127.0.0.1:$DELAYED_PORT" "$delayed" "$(getconf CLK_TCK)"
  exit 0
fi

if [ "$1" = "login" ]; then
  "$JAVA" -cp "$CP" ${BENCH_OPTS:-} dev.jwtauth.bench.LoginBench "http://127.0.0.1:$PORT" "$server" "$(getconf CLK_TCK)"
  exit 0
fi

# The reference: the same resources behind Payara's stock MP-JWT, in their own server, same heap.
STOCK_PORT=$((PORT + 1))
"$JAVA" -Xmx512m -jar target/payara/payara-micro.jar --deploy target/bench/stock-me.war \
  --contextroot / --deploy target/bench/stock-notes.war \
  --port "$STOCK_PORT" --nohazelcast --disablephonehome > "$work/stock.log" 2>&1 &
stock=$!
pids+=("$stock")
await "http://127.0.0.1:$STOCK_PORT/api/me" 401
await "http://127.0.0.1:$STOCK_PORT/stock-notes/notes" 401

example_args=()
if [ "$1" = "guard" ]; then
  # The example follows the service's feed as a registered client would.
  admin="$(curl -s -X POST "http://127.0.0.1:$PORT/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"admin-password"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/')"
  secret="$(curl -s -X POST "http://127.0.0.1:$PORT/admin/clients" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' \
    -d '{"client_id":"bench-notes","grant_types":["client_credentials"],"revocation_feed":true}' |
    sed 's/.*"client_secret":"\([^"]*\)".*/\1/')"
  EXAMPLE_PORT=$((PORT + 3))
  issuer="http://127.0.0.1:$PORT"
  AUTH_WAR=target/bench/notes-bench.war PORT="$EXAMPLE_PORT" MANAGEMENT_PORT=$((PORT + 4)) \
    AUTH_SKIP_BUILD=1 AUTH_READY_TEXT="Guard ready for" AUTH_LOG_FILE="$work/example.log" \
    JWTAUTH_GUARD_ISSUER="$issuer" JWTAUTH_GUARD_REVOCATION_FEED_CLIENT_ID=bench-notes \
    JWTAUTH_GUARD_REVOCATION_FEED_CLIENT_SECRET="$secret" \
    "$run_script" > "$work/example-console.log" 2>&1 &
  pids+=($!)
  await "http://127.0.0.1:$EXAMPLE_PORT/notes" 401
  example="$(pgrep -f -- "${server_pattern/$PORT/$EXAMPLE_PORT}" | head -n 1)"
  example_args=("http://127.0.0.1:$EXAMPLE_PORT" "$example")
fi
"$JAVA" -cp "$CP" ${BENCH_OPTS:-} dev.jwtauth.bench.HttpBench \
  "http://127.0.0.1:$PORT" "$server" "http://127.0.0.1:$STOCK_PORT" "$stock" "$(getconf CLK_TCK)" \
  "${example_args[@]}"
