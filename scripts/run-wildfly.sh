#!/usr/bin/env bash
# Builds the WAR and WildFly (unpacked into target/ and configured by wildfly-config/ through the
# wildfly profile) and starts the token service on WildFly at the root context.
#   PORT              HTTP port (default 8080)
#   MANAGEMENT_PORT   WildFly's management port: health at /health, deployments (default 9990)
#   AUTH_SKIP_BUILD=1 start the WAR and server already in target/ without building
#   JAVA_OPTS         JVM options (default -Xmx512m)
#   AUTH_WAR          the WAR to deploy (default target/auth.war)
#   AUTH_EXTRA_WARS   more WARs to deploy beside it (space-separated paths; each at /<its name>)
#   AUTH_READY_TEXT   the log line that says the WAR is ready (default the token service's)
#   AUTH_BIND_ADDRESS the address the HTTP port listens on (default 127.0.0.1); the management
#                     interface stays on 127.0.0.1
#   AUTH_LOG_FILE     the server's full log, stack traces included (default logs/wildfly-$PORT.log);
#                     the console shows it without stack traces
# Every other AUTH_* variable is passed on to the service (see the README's configuration table), the
# connection pool's included: the datasource reads AUTH_DB_* when the server starts
# (wildfly-config/configure.cli). WildFly counts the pool's idle timeout in minutes:
# AUTH_DB_POOL_IDLE_TIMEOUT_MINUTES, or AUTH_DB_POOL_IDLE_TIMEOUT_SECONDS rounded up.
# Each run gets its own copy of the server's standalone/ directory (target/wildfly-runs/$PORT), so
# the installation under target/ stays as the build made it.
# If the application cannot deploy (a bad setting, a missing secret, an unreachable database), the
# server is stopped and this script exits with status 1, the cause as its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
script_name=run-wildfly.sh
# shellcheck source=scripts/lib/service.sh
source scripts/lib/service.sh

PORT="${PORT:-8080}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-9990}"
wildfly_home="$(ls -d target/wildfly-*/ 2>/dev/null | head -n 1 || true)"
if [ "${AUTH_SKIP_BUILD:-}" != "1" ] || [ ! -f "${wildfly_home}jboss-modules.jar" ]; then
  ./mvnw -B -q -Pwildfly -DskipTests -Dspotbugs.skip=true package
  wildfly_home="$(ls -d target/wildfly-*/ | head -n 1)"
fi
wildfly_home="$(cd "$wildfly_home" && pwd)"
prepare_service_environment
choose_bind_address
if [ -z "${AUTH_DB_POOL_IDLE_TIMEOUT_MINUTES:-}" ] && [ -n "${AUTH_DB_POOL_IDLE_TIMEOUT_SECONDS:-}" ]; then
  if [[ "$AUTH_DB_POOL_IDLE_TIMEOUT_SECONDS" =~ ^[0-9]+$ ]]; then
    export AUTH_DB_POOL_IDLE_TIMEOUT_MINUTES=$(((AUTH_DB_POOL_IDLE_TIMEOUT_SECONDS + 59) / 60))
  else
    export AUTH_DB_POOL_IDLE_TIMEOUT_MINUTES="$AUTH_DB_POOL_IDLE_TIMEOUT_SECONDS" # refused below
  fi
fi
prepare_log_file "${AUTH_LOG_FILE:-logs/wildfly-${PORT}.log}"

base_dir="$PWD/target/wildfly-runs/$PORT"
rm -rf "$base_dir"
mkdir -p "$(dirname "$base_dir")"
cp -r "$wildfly_home/standalone" "$base_dir"
rm -rf "$base_dir/deployments/"* "$base_dir/data" "$base_dir/tmp" "$base_dir/log"
# WildFly writes its boot log's absolute path into logging.properties once it has run.
if [ -f "$base_dir/configuration/logging.properties" ]; then
  sed -i "s|$wildfly_home/standalone/|$base_dir/|g" "$base_dir/configuration/logging.properties"
fi
# ROOT.war: the root context, as run.sh gives it on Payara.
cp "${AUTH_WAR:-target/auth.war}" "$base_dir/deployments/ROOT.war"
for war in ${AUTH_EXTRA_WARS:-}; do
  cp "$war" "$base_dir/deployments/"
done

# A datasource setting WildFly refused when it read the configuration, named as the service's
# setting (its pool sizes and timeouts are the service's auth.db.* settings; configure.cli).
refused_pool_setting() {
  local attributes="min-pool-size|initial-pool-size|max-pool-size|blocking-timeout-wait-millis|idle-timeout-minutes|query-timeout"
  local line attribute setting variable value
  line="$(grep -m 1 -E "WFLYCTL0[0-9]+: .*($attributes)" "$log_file" | sed -E 's/.*(WFLYCTL0[0-9]+: )/\1/; s/"$//' || true)"
  [ -n "$line" ] || return 0
  attribute="$(grep -o -E "$attributes" <<< "$line" | head -n 1)"
  case "$attribute" in
    min-pool-size | initial-pool-size) setting=auth.db.pool.min-size ;;
    max-pool-size) setting=auth.db.pool.max-size ;;
    blocking-timeout-wait-millis) setting=auth.db.pool.max-wait-millis ;;
    idle-timeout-minutes) setting=auth.db.pool.idle-timeout-seconds ;;
    query-timeout) setting=auth.db.statement-timeout-seconds ;;
  esac
  variable="$(tr 'a-z.-' 'A-Z__' <<< "$setting")"
  value="$(sed -n -E 's/.*Couldn.t convert \\"(.*)\\" to .*/\1/p' <<< "$line")"
  if [ -n "$value" ]; then
    echo "$setting (environment variable $variable) must be a whole number, not '$value'"
  else
    echo "$setting (environment variable $variable) was refused by WildFly: ${line#*: }"
  fi
}

# WildFly's transaction manager wants an identifier of its own on every server (at most 23 bytes;
# its default, 1, is the same everywhere): host name and port. A -Djboss.tx.node.id in JAVA_OPTS
# comes later and wins.
host="${HOSTNAME:-auth}"
tx_node_id="${host%%.*}"
tx_node_id="${tx_node_id:0:17}-$PORT"
# LAUNCH_JBOSS_IN_BACKGROUND: standalone.sh passes a TERM on to the server's JVM.
LAUNCH_JBOSS_IN_BACKGROUND=1 \
  JAVA_OPTS="-Djboss.tx.node.id=$tx_node_id ${JAVA_OPTS:--Xmx512m} -Dorg.jboss.logmanager.nocolor=true" \
  "$wildfly_home/bin/standalone.sh" \
  -c standalone-microprofile.xml \
  -Djboss.server.base.dir="$base_dir" \
  -Djboss.http.port="$PORT" \
  -Djboss.bind.address="$bind_address" \
  -Djboss.management.http.port="$MANAGEMENT_PORT" \
  >> "$log_file" 2>&1 &
server=$!
stop_server_on_signals
start_console

# Wait for the application's verdict: its "ready" line, its one-line cause, or a deployment that
# failed before the application's own start-up ran (WildFly marks it ROOT.war.failed).
failed="$base_dir/deployments/ROOT.war.failed"
while ! application_verdict; do
  if ! kill -0 "$server" 2>/dev/null; then
    wait "$console" 2>/dev/null || true
    echo "run-wildfly.sh: the server stopped while starting; see $log_file"
    exit 1
  fi
  if [ -f "$failed" ] || grep -q "WFLYSRV0026" "$log_file"; then
    sleep 1
    application_verdict && break
    database="$(database_failure)"
    if [ -n "$database" ]; then
      stop_with "the database (AUTH_DB_URL, AUTH_DB_USER, AUTH_DB_PASSWORD) cannot be used: $database"
    fi
    refused="$(refused_pool_setting)"
    if [ -n "$refused" ]; then
      stop_with "$refused"
    fi
    stop_with "the application failed to deploy; see $log_file"
  fi
  sleep 0.5
done

wait_for_server
