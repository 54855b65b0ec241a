#!/usr/bin/env bash
# Builds the WAR and starts the token service on Payara Micro (fetched from Maven Central by the build).
#   PORT              HTTP port (default 8080)
#   AUTH_SKIP_BUILD=1 start the WAR already in target/ without building
#   JAVA_OPTS         JVM options (default -Xmx512m)
#   AUTH_LOG_FILE     the server's full log, stack traces included (default logs/server-$PORT.log);
#                     the console shows it without stack traces
# Every other AUTH_* variable is passed on to the service (see the README's configuration table).
# The connection pool (jdbc/auth) and server settings come from payara-config/; the JDBC drivers
# from target/payara/lib.
# If the application cannot deploy (a bad setting, a missing secret, an unreachable database), the
# server is stopped and this script exits with status 1, the cause as its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-8080}"
if [ "${AUTH_SKIP_BUILD:-}" != "1" ]; then
  mvn -B -q -DskipTests package
fi

# The issuer names the address clients reach; follow PORT unless it is set explicitly.
export AUTH_ISSUER="${AUTH_ISSUER:-http://127.0.0.1:${PORT}}"

# Everything the service writes is for its owner only: the embedded H2 file holds the private signing
# key (in plaintext until AUTH_KEYS_ENCRYPTION_SECRET is set), and the log names users.
umask 077
db_url="${AUTH_DB_URL:-jdbc:h2:file:./data/auth}"
if [[ "$db_url" == jdbc:h2:file:* ]]; then
  db_path="${db_url#jdbc:h2:file:}"
  db_path="${db_path%%;*}"
  db_path="${db_path/#\~/$HOME}"
  data_dir="$(dirname "$db_path")"
  mkdir -p "$data_dir"
  chmod 700 "$data_dir"
  # Files made before this script restricted them.
  find "$data_dir" -maxdepth 1 -type f -exec chmod 600 {} +
fi

log_file="${AUTH_LOG_FILE:-logs/server-${PORT}.log}"
mkdir -p "$(dirname "$log_file")"
if [ -f "$log_file" ]; then
  mv -f "$log_file" "$log_file.1"
fi
: > "$log_file"

# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx512m} -jar target/payara/payara-micro.jar \
  --deploy target/auth.war \
  --contextroot / \
  --port "$PORT" \
  --nohazelcast \
  --disablephonehome \
  --prebootcommandfile payara-config/pre-boot-commands.asadmin \
  --postbootcommandfile payara-config/post-boot-commands.asadmin \
  --addlibs target/payara/lib \
  >> "$log_file" 2>&1 &
server=$!
trap 'kill -TERM "$server" 2>/dev/null || true' TERM INT HUP

# The console: the log as it grows, without stack-trace lines (they stay in the log file).
tail --pid="$server" -n +1 -F "$log_file" 2>/dev/null | awk '
  /^[ \t]+at [A-Za-z_$]/ { next }
  /^[ \t]*\.\.\. [0-9]+ (more|common frames omitted)/ { next }
  /^[ \t]*(Caused by|Suppressed): / { next }
  /^[ \t]*[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_$]+)+(Exception|Error|Throwable)(:|$)/ { next }
  { print; fflush() }' &
console=$!

stop_with() {
  kill -TERM "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  wait "$console" 2>/dev/null || true
  echo "run.sh: the service did not start: $1"
  exit 1
}

# Wait for the application's verdict: its "ready" line, its one-line cause, or a server that is up
# without it (a deployment failure before the application's own start-up ran).
while :; do
  if grep -q "Token service ready" "$log_file"; then
    break
  fi
  cause="$(grep -o "Token service cannot start: .*" "$log_file" | head -n 1 || true)"
  if [ -n "$cause" ]; then
    cause="${cause#Token service cannot start: }"
    stop_with "${cause%]]}"
  fi
  if ! kill -0 "$server" 2>/dev/null; then
    wait "$console" 2>/dev/null || true
    echo "run.sh: the server stopped while starting; see $log_file"
    exit 1
  fi
  if grep -q "Payara Micro .* ready in" "$log_file"; then
    # Our ready line comes before Payara's; give a slow log writer a moment, then decide.
    sleep 1
    grep -q "Token service ready" "$log_file" && break
    # JPA opens the pool while the WAR deploys, before the application's own start-up can say why.
    database="$(grep -o "Connection could not be allocated because: .*" "$log_file" | head -n 1 \
      | sed -e 's/.*because: //' -e 's/\. .*//' -e 's/\.$//' || true)"
    if [ -n "$database" ]; then
      stop_with "the database (AUTH_DB_URL, AUTH_DB_USER, AUTH_DB_PASSWORD) cannot be used: $database"
    fi
    stop_with "the application failed to deploy; see $log_file"
  fi
  sleep 0.5
done

status=0
wait "$server" || status=$?
# A TERM/INT trapped above interrupts wait; wait again for the server to finish stopping.
if kill -0 "$server" 2>/dev/null; then
  wait "$server" || status=$?
fi
wait "$console" 2>/dev/null || true
exit "$status"
