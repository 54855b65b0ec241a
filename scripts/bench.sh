#!/usr/bin/env bash
# Micro-benchmarks (not part of the test suite or CI): the in-memory revocation check with 0, 10k and
# 1M denied jtis, and a whole token verification on top of it. Results belong in docs/benchmarks.md.
#   JAVA_HOME  the JDK to measure with (default: the java on PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xms2g -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  dev.jwtauth.bench.RevocationBench
