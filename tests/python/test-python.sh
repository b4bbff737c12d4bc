#!/bin/sh
# The Python module (bindings/python) with Python's unittest
# (tests/python/test_*.py), against the build tree's libabridge and
# plugins, reported as TAP. Skipped, with the reason, when configure found
# no python3.
#
# Run by `make check` with PYTHON, ABRIDGE, top_srcdir and top_builddir in
# the environment; by hand:
#   PYTHON=python3 top_srcdir=$PWD top_builddir=$PWD sh tests/python/test-python.sh

: "${top_srcdir:=.}"
: "${top_builddir:=$top_srcdir}"
case $top_srcdir in /*) ;; *) top_srcdir=$(cd "$top_srcdir" && pwd) ;; esac
case $top_builddir in /*) ;; *) top_builddir=$(cd "$top_builddir" && pwd) ;; esac

if [ -z "${PYTHON:-}" ] || [ "$PYTHON" = : ]; then
  echo "1..0 # SKIP python3 not found by configure (the Python module is optional)"
  exit 0
fi

bail_out () { echo "Bail out! $*"; exit 99; }
LIB=$top_builddir/libabridge/.libs/libabridge.so.0
[ -f "$LIB" ] || bail_out "no libabridge at $LIB"

# A libabridge built with AddressSanitizer (make distcheck in
# tests/run-all.sh) needs the ASan runtime loaded first; Python's own
# allocations are not leak-checked (the last detect_leaks wins). Preloaded
# into the interpreter itself, not into a wrapper script (pyenv's shims).
if command -v readelf >/dev/null && readelf -d "$LIB" | grep -q 'NEEDED.*libasan'; then
  PYTHON=$("$PYTHON" -c 'import sys; print(sys.executable)') || bail_out "$PYTHON does not run"
  asan=$(${CC:-cc} -print-file-name=libasan.so)
  LD_PRELOAD=$asan${LD_PRELOAD:+:$LD_PRELOAD}
  ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
  export LD_PRELOAD ASAN_OPTIONS
fi

ABRIDGE_LIBRARY=$LIB
# Only the tree's plugins, wherever an abridge may be installed.
ABRIDGE_PLUGIN_SYSTEM_PATH=$top_builddir/plugins/.libs
ABRIDGE_PLUGIN_PATH=
ABRIDGE_TEST_FIXTURE_PLUGINS=$top_builddir/tests/fixtures/plugins/.libs
PYTHONPATH=$top_srcdir/bindings/python
PYTHONDONTWRITEBYTECODE=1
: "${ABRIDGE:=$top_builddir/abridge}"
export ABRIDGE_LIBRARY ABRIDGE_PLUGIN_SYSTEM_PATH ABRIDGE_PLUGIN_PATH ABRIDGE_TEST_FIXTURE_PLUGINS \
  PYTHONPATH PYTHONDONTWRITEBYTECODE ABRIDGE top_srcdir
unset ABRIDGE_PLUGIN_VERBOSE
exec "$PYTHON" "$top_srcdir/tests/python/tap.py" "$top_srcdir/tests/python"
