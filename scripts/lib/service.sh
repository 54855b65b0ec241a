# Shared by scripts/run.sh (Payara Micro) and scripts/run-wildfly.sh: the environment, files and
# console of a token service started from the repository. Sourced, not run.

# The issuer names the address clients reach; follow PORT unless it is set explicitly. Everything
# the service writes is for its owner only: the embedded H2 file holds the private signing key (in
# plaintext until AUTH_KEYS_ENCRYPTION_SECRET is set), and the log names users.
prepare_service_environment() {
  export AUTH_ISSUER="${AUTH_ISSUER:-http://127.0.0.1:${PORT}}"
  umask 077
  local db_url="${AUTH_DB_URL:-jdbc:h2:file:./data/auth}"
  if [[ "$db_url" == jdbc:h2:file:* ]]; then
    local db_path="${db_url#jdbc:h2:file:}"
    db_path="${db_path%%;*}"
    db_path="${db_path/#\~/$HOME}"
    local data_dir
    data_dir="$(dirname "$db_path")"
    mkdir -p "$data_dir"
    chmod 700 "$data_dir"
    # Files made before this script restricted them.
    find "$data_dir" -maxdepth 1 -type f -exec chmod 600 {} +
  fi
}

# The address the HTTP port listens on, in $bind_address: AUTH_BIND_ADDRESS, by default 127.0.0.1
# (the embedded mode's demo users must not be reachable from the network). An IP address or host
# name; anything else stops the script.
choose_bind_address() {
  bind_address="${AUTH_BIND_ADDRESS:-127.0.0.1}"
  if ! [[ "$bind_address" =~ ^[A-Za-z0-9.:-]+$ ]]; then
    echo "${script_name}: AUTH_BIND_ADDRESS must be an IP address or a host name, not '$bind_address'"
    exit 1
  fi
}

# A fresh log file (the previous one kept as *.1); its path in $log_file.
prepare_log_file() {
  log_file="$1"
  mkdir -p "$(dirname "$log_file")"
  if [ -f "$log_file" ]; then
    mv -f "$log_file" "$log_file.1"
  fi
  : > "$log_file"
}

# The console: the log as it grows, without stack-trace lines (they stay in the log file), for as
# long as process $server runs; its pid in $console.
start_console() {
  tail --pid="$server" -n +1 -F "$log_file" 2>/dev/null | awk '
    /^[ \t]+at [A-Za-z_$]/ { next }
    /^[ \t]*\.\.\. [0-9]+ (more|common frames omitted)/ { next }
    /^[ \t]*(Caused by|Suppressed): / { next }
    /^[ \t]*[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_$]+)+(Exception|Error|Throwable)(:|$)/ { next }
    { print; fflush() }' &
  console=$!
}

# Stops the server and exits with status 1, the cause as the last line.
stop_with() {
  kill -TERM "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  wait "$console" 2>/dev/null || true
  echo "${script_name}: the service did not start: $1"
  exit 1
}

# The application's own verdict on its start, from the log: 0 when it said it is ready; the cause
# (stop_with) when it said it cannot start; 1 while it has said neither.
application_verdict() {
  # AUTH_READY_TEXT: another application's ready line (the tests start the guard's example WAR).
  if grep -q "${AUTH_READY_TEXT:-Token service ready}" "$log_file"; then
    return 0
  fi
  local cause
  cause="$(grep -o "Token service cannot start: .*" "$log_file" | head -n 1 || true)"
  if [ -n "$cause" ]; then
    cause="${cause#Token service cannot start: }"
    cause="${cause%]]}"       # Payara's text format
    stop_with "${cause%\"\}}" # a JSON line (AUTH_LOG_FORMAT=json)
  fi
  return 1
}

# The cause a JDBC pool gave when it could not open a connection, or nothing.
database_failure() {
  grep -o -E "Connection could not be allocated because: .*|Caused by: (org\.postgresql\.util\.PSQLException|org\.h2\.jdbc\.JdbcSQL[A-Za-z]*Exception|java\.sql\.SQLException): .*" "$log_file" \
    | head -n 1 \
    | sed -e 's/.*because: //' -e 's/^Caused by: [A-Za-z0-9_.$]*: //' -e 's/\. .*//' -e 's/\.$//' || true
}

# A TERM/INT/HUP to the script stops the server (call right after starting it).
stop_server_on_signals() {
  trap 'kill -TERM "$server" 2>/dev/null || true' TERM INT HUP
}

# Runs until the server stops; exits with its status.
wait_for_server() {
  local status=0
  wait "$server" || status=$?
  # A TERM/INT trapped above interrupts wait; wait again for the server to finish stopping.
  if kill -0 "$server" 2>/dev/null; then
    wait "$server" || status=$?
  fi
  wait "$console" 2>/dev/null || true
  exit "$status"
}
