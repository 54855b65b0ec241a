#!/usr/bin/env bash
# Puts the project's H2 into the Payara Micro jar in place of the one it bundles
# (MICRO-INF/runtime/h2.jar, H2 2.2.224): Payara loads its own before anything in --addlibs, so
# without this the embedded mode ran on 2.2.224 whatever the pom said. Run by the build (package
# phase) after the jar and the drivers are copied; idempotent.
#   payara-config/use-our-h2.sh target/payara/payara-micro.jar target/payara/lib/h2-<version>.jar
set -euo pipefail
micro_jar="$1"
h2_jar="$2"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/MICRO-INF/runtime"
cp "$h2_jar" "$staging/MICRO-INF/runtime/h2.jar"
# Stored, not deflated, like every nested jar of Payara Micro.
"${JAVA_HOME:+$JAVA_HOME/bin/}jar" --update --no-compress --file "$micro_jar" \
  -C "$staging" MICRO-INF/runtime/h2.jar
