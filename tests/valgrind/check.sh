#!/bin/sh
# make check-valgrind: the CLI tests (summarize, batch, HTML) again, every abridge run under
# valgrind memcheck (--leak-check=full, errors and leaks fail the run with
# status 99). Passes when every test passes and no log reports an error.
#
#   tests/valgrind/check.sh [TEST-SCRIPT...]   (default: tests/cli/test-*.sh)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${ABRIDGE_BUILD_DIR:-$PWD}
[ -x "$build/abridge" ] || build=$top
command -v valgrind >/dev/null || { echo "check-valgrind: valgrind not found (Debian: apt-get install valgrind)" >&2; exit 1; }
logs=$(mktemp -d "${TMPDIR:-/tmp}/abridge-memcheck.XXXXXX")
trap 'rm -rf "$logs"' EXIT
[ $# -gt 0 ] || set -- "$top"/tests/cli/test-cli.sh "$top"/tests/cli/test-batch.sh "$top"/tests/cli/test-html.sh
status=0
for t in "$@"; do
  out=$logs/$(basename "$t").tap
  ABRIDGE="$top/tests/valgrind/abridge-memcheck.sh" ABRIDGE_BUILD_DIR=$build VALGRIND_LOG_DIR=$logs \
    top_srcdir=$top top_builddir=$build sh "$t" >"$out" 2>&1
  rc=$?
  failed=$(grep -c '^not ok' "$out")
  passed=$(grep -c '^ok' "$out")
  echo "check-valgrind: $(basename "$t"): $passed passed, $failed failed under memcheck"
  if [ "$rc" != 0 ] || [ "$failed" != 0 ]; then
    grep -A6 '^not ok' "$out" | head -n 40
    status=1
  fi
done
runs=$(ls "$logs"/memcheck.*.log 2>/dev/null | wc -l)
bad=0
for log in "$logs"/memcheck.*.log; do
  [ -s "$log" ] || continue
  bad=$((bad + 1))
  [ "$bad" -le 3 ] && { echo "--- $log"; head -n 40 "$log"; }
done
echo "check-valgrind: $runs abridge runs under memcheck, $bad with errors or leaks"
[ "$bad" = 0 ] || status=1
exit $status
