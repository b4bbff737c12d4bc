#!/bin/sh
# Runs the built abridge under valgrind memcheck: the CLI tests use it as
# $ABRIDGE (tests/valgrind/check.sh). Each run logs to VALGRIND_LOG_DIR;
# an error or a leak makes the run exit 99, a status no abridge run has,
# so the test that made it fails, and check.sh lists the logs.
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${ABRIDGE_BUILD_DIR:-$top}
exec "$build/libtool" --mode=execute valgrind --quiet --tool=memcheck \
  --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
  --errors-for-leak-kinds=definite,indirect,possible \
  --suppressions="$top/tests/valgrind/abridge.supp" --num-callers=30 \
  --log-file="${VALGRIND_LOG_DIR:-/tmp}/memcheck.%p.log" \
  "$build/abridge" "$@"
