#!/usr/bin/env bash
# Builds the WAR and starts the token service on Payara Micro (fetched from Maven Central by the build).
#   PORT              HTTP port (default 8080)
#   AUTH_SKIP_BUILD=1 start the WAR already in target/ without building
#   JAVA_OPTS         JVM options (default -Xmx512m)
#   AUTH_WAR          the WAR to deploy (default target/auth.war; scripts/bench.sh deploys its own)
#   AUTH_EXTRA_WARS   more WARs to deploy beside it (space-separated paths; each at /<its name>)
#   AUTH_READY_TEXT   the log line that says the WAR is ready (default the token service's)
#   AUTH_BIND_ADDRESS the address the HTTP port listens on (default 127.0.0.1; 0.0.0.0 for every one)
#   AUTH_LOG_FILE     the server's full log, stack traces included (default logs/server-$PORT.log);
#                     the console shows it without stack traces
# Every other AUTH_* variable is passed on to the service (see the README's configuration table).
# The connection pool (jdbc/auth) and server settings come from payara-config/; the JDBC drivers
# from target/payara/lib. scripts/run-wildfly.sh does the same on WildFly.
# If the application cannot deploy (a bad setting, a missing secret, an unreachable database), the
# server is stopped and this script exits with status 1, the cause as its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
script_name=run.sh
# shellcheck source=scripts/lib/service.sh
source scripts/lib/service.sh

PORT="${PORT:-8080}"
if [ "${AUTH_SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -q -DskipTests -Dspotbugs.skip=true package
fi
prepare_service_environment
choose_bind_address
prepare_log_file "${AUTH_LOG_FILE:-logs/server-${PORT}.log}"
# The server's pre-boot commands, and the HTTP listener's address (Payara Micro's --port leaves it
# on every interface).
pre_boot="target/payara/pre-boot-commands-${PORT}.asadmin"
{
  cat payara-config/pre-boot-commands.asadmin
  echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=${bind_address}"
} > "$pre_boot"

extra_deploys=()
for war in ${AUTH_EXTRA_WARS:-}; do
  extra_deploys+=(--deploy "$war:/$(basename "$war" .war)")
done

# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx512m} -jar target/payara/payara-micro.jar \
  --deploy "${AUTH_WAR:-target/auth.war}" \
  --contextroot / \
  "${extra_deploys[@]}" \
  --port "$PORT" \
  --nohazelcast \
  --disablephonehome \
  --prebootcommandfile "$pre_boot" \
  --postbootcommandfile payara-config/post-boot-commands.asadmin \
  --addlibs target/payara/lib \
  >> "$log_file" 2>&1 &
server=$!
stop_server_on_signals
start_console

# Wait for the application's verdict: its "ready" line, its one-line cause, or a server that is up
# without it (a deployment failure before the application's own start-up ran).
while ! application_verdict; do
  if ! kill -0 "$server" 2>/dev/null; then
    wait "$console" 2>/dev/null || true
    echo "run.sh: the server stopped while starting; see $log_file"
    exit 1
  fi
  if grep -q "Payara Micro .* ready in" "$log_file"; then
    # Our ready line comes before Payara's; give a slow log writer a moment, then decide.
    sleep 1
    application_verdict && break
    # JPA opens the pool while the WAR deploys, before the application's own start-up can say why.
    database="$(database_failure)"
    if [ -n "$database" ]; then
      stop_with "the database (AUTH_DB_URL, AUTH_DB_USER, AUTH_DB_PASSWORD) cannot be used: $database"
    fi
    stop_with "the application failed to deploy; see $log_file"
  fi
  sleep 0.5
done

wait_for_server
