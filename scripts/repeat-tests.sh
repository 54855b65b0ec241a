#!/usr/bin/env bash
# Flake check: runs one integration-test class N times (default 5) and reports how many runs
# passed. Any further arguments go to Maven, e.g. the server and the database:
#   scripts/repeat-tests.sh MultiNodeIT 5 -Ppostgres
#   scripts/repeat-tests.sh RefreshFlowIT 5 -Pwildfly,postgres
# A method: scripts/repeat-tests.sh 'RefreshFlowIT#aRefreshSendsFourStatements'. Each run's Maven
# log is kept in target/repeat-tests/<class>-<n>.log; the first failing run's failure is printed.
# Exit status: 0 when every run passed.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || [[ "$1" == -* ]]; then
  echo "usage: scripts/repeat-tests.sh CLASS [N] [maven arguments...]" >&2
  exit 2
fi
class="$1"
shift
runs=5
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then
  runs="$1"
  shift
fi
if [ "$runs" -lt 1 ]; then
  echo "repeat-tests.sh: N must be at least 1" >&2
  exit 2
fi

logs="target/repeat-tests"
mkdir -p "$logs"
name="${class//[^A-Za-z0-9_]/_}"
passed=0
first_failure=""
for run in $(seq 1 "$runs"); do
  log="$logs/$name-$run.log"
  start=$SECONDS
  # The unit tests, the formatter and the enforcer are not what is being repeated.
  if ./mvnw -B verify "$@" -Dit.test="$class" -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true -Denforcer.skip=true -Dspotbugs.skip=true > "$log" 2>&1; then
    passed=$((passed + 1))
    outcome=pass
  else
    outcome=FAIL
    first_failure="${first_failure:-$log}"
  fi
  summary="$(grep -E 'Tests run: [0-9]+, Failures' "$log" | tail -n 1 | sed 's/^\[[A-Z]*\] //')"
  echo "run $run/$runs: $outcome in $((SECONDS - start)) s: ${summary:-no tests ran; see $log}"
done

echo "$class: $passed of $runs runs passed${*:+ (with $*)}"
if [ -n "$first_failure" ]; then
  echo "first failing run: $first_failure"
  grep -E '^\[ERROR\] (Tests run|  [A-Za-z]+IT\.|Failures|Errors)' "$first_failure" | head -n 20
  exit 1
fi
