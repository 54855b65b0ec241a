#!/usr/bin/env bash
# Applies configure.cli to a WildFly installation (the wildfly profile of pom.xml runs it after
# unpacking the server into target/). Runs the CLI again only when configure.cli has changed since,
# on the server's original standalone-microprofile.xml (kept beside it as *.original).
#   wildfly-config/configure.sh <WildFly home>
set -euo pipefail
home="$1"
script="$(cd "$(dirname "$0")" && pwd)/configure.cli"
config="$home/standalone/configuration/standalone-microprofile.xml"
marker="$home/standalone/configuration/.configured-by-$(sha256sum "$script" | cut -c1-16)"
if [ -f "$marker" ]; then
  exit 0
fi
if [ -f "$config.original" ]; then
  cp "$config.original" "$config"
else
  cp "$config" "$config.original"
fi
rm -f "$home"/standalone/configuration/.configured-by-*
# Offline (embed-server): no running server, no management user. The caller's JAVA_OPTS (Maven's,
# say) are not the CLI's.
JAVA_OPTS="" "$home/bin/jboss-cli.sh" --file="$script"
grep -q 'pool-name="AuthDS"' "$config"
cp "$(dirname "$script")/malformed-request.json" "$home/standalone/configuration/"
touch "$marker"
