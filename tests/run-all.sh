#!/bin/sh
# The whole test suite, as CI runs it: the plain build with -Werror, then a
# `make distcheck` (every file a test needs is in the tarball, install and
# uninstall work) whose tests run under AddressSanitizer and
# UndefinedBehaviorSanitizer. Prints "N passed, N failed" last.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
jobs=$(nproc 2>/dev/null || echo 2)

[ -f configure ] || autoreconf -fi
echo "== plain build (-Werror), make check"
./configure --quiet --enable-werror CFLAGS="-O2 -g"
status=0
make -j"$jobs" >/dev/null
make -j"$jobs" check || status=1

echo "== make distcheck under AddressSanitizer + UndefinedBehaviorSanitizer"
san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
  make -j"$jobs" distcheck \
  DISTCHECK_CONFIGURE_FLAGS="--enable-werror CFLAGS='-O1 -g $san' LDFLAGS='$san'" \
  >distcheck.out 2>&1 || status=1
grep -E '^(PASS|FAIL|XFAIL|XPASS|ERROR|SKIP):|^# (TOTAL|PASS|FAIL|ERROR)|distcheck|ERROR|runtime error|Sanitizer' distcheck.out | grep -v '^PASS:' || true

# Counts over both runs, from automake's logs.
count () { grep -h "^# $1:" test-suite.log distcheck.out 2>/dev/null | awk '{s += $3} END {print s + 0}'; }
passed=$(count PASS)
failed=$(( $(count FAIL) + $(count ERROR) ))
[ "$status" = 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "run-all: $passed passed, $failed failed"
[ "$status" = 0 ]
