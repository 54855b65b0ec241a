#!/usr/bin/env bash
# Builds the WAR and starts the token service on Payara Micro (fetched from Maven Central by the build).
#   PORT              HTTP port (default 8080)
#   AUTH_SKIP_BUILD=1 start the WAR already in target/ without building
#   JAVA_OPTS         JVM options (default -Xmx512m)
# Every other AUTH_* variable is passed on to the service (see the README's configuration table).
# The connection pool (jdbc/auth) and server settings come from payara-config/; the JDBC drivers
# from target/payara/lib.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-8080}"
if [ "${AUTH_SKIP_BUILD:-}" != "1" ]; then
  mvn -B -q -DskipTests package
fi

# The issuer names the address clients reach; follow PORT unless it is set explicitly.
export AUTH_ISSUER="${AUTH_ISSUER:-http://127.0.0.1:${PORT}}"
mkdir -p data

# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx512m} -jar target/payara/payara-micro.jar \
  --deploy target/auth.war \
  --contextroot / \
  --port "$PORT" \
  --nohazelcast \
  --disablephonehome \
  --prebootcommandfile payara-config/pre-boot-commands.asadmin \
  --postbootcommandfile payara-config/post-boot-commands.asadmin \
  --addlibs target/payara/lib
