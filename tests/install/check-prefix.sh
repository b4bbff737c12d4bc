#!/bin/sh
# A new prefix on a tree already built (issue 21), as a user does it after
# the quick start: ./configure --prefix=P (the tree's other configure
# arguments kept) && make install; then P/bin/abridge, run with
# LD_LIBRARY_PATH and the plugin variables unset, must find its library,
# its plugins and its parsers module under P. The tree's configuration is
# restored (and rebuilt) afterwards.
#
# It reconfigures and rebuilds the tree twice (a few minutes), so it is not
# part of make check (tests/cli/test-install.sh checks a staged install
# there); CI runs it (.ci/run).
#
#   tests/install/check-prefix.sh [BUILD_DIR]      (default: the source tree)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$top}" && pwd) || exit 2
cd "$build" || exit 2
[ -f config.status ] && [ -f Makefile ] || { echo "check-prefix: $build is not a configured tree" >&2; exit 2; }
srcdir=$(sed -n 's/^abs_top_srcdir = //p' Makefile)
jobs=$(nproc 2>/dev/null || echo 2)

passed=0 failed=0
check () { # NAME CMD...: passes when CMD succeeds
  name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "check-prefix: ok: $name"
  else failed=$((failed + 1)); echo "check-prefix: FAILED: $name"; fi
}
contains () { printf '%s\n' "$1" | grep -Eq -- "$2"; }

# The tree's own configure arguments, to add --prefix to and to restore.
config=$(./config.status --config)
reconfigure () { # EXTRA-ARGS...: configure as before, plus EXTRA-ARGS
  eval "set -- $config \"\$@\""
  "$srcdir/configure" --quiet "$@"
}

# Inside the build tree, not under $TMPDIR: abridge refuses plugins under a
# directory others can write (/tmp is one, sticky or not), as it should.
mkdir -p "$build/test-tmp" || exit 2
work=$(mktemp -d "$build/test-tmp/prefix.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
P=$work/prefix
log=$work/make.log

echo "check-prefix: ./configure --prefix=$P && make install"
if ! { reconfigure --prefix="$P" && make -j"$jobs" install; } >"$log" 2>&1; then
  tail -n 30 "$log"
  failed=$((failed + 1))
else
  installed () { env -u LD_LIBRARY_PATH -u ABRIDGE_PLUGIN_PATH -u ABRIDGE_PLUGIN_SYSTEM_PATH "$@"; }
  out=$(installed "$P/bin/abridge" "$srcdir/data/samples/port-strike.txt" 2>"$work/err")
  check "the installed abridge runs with LD_LIBRARY_PATH unset and summarizes the sample" \
    test "$(printf '%s\n' "$out" | grep -c .)" = 3
  [ -s "$work/err" ] && sed 's/^/  stderr: /' "$work/err"
  out=$(installed "$P/bin/abridge" plugins --verbose 2>&1)
  check "it searches $P/lib/abridge/plugins" contains "$out" "^  $P/lib/abridge/plugins\$"
  check "it finds the plugins there" contains "$out" "^centrality +.*$P/lib/abridge/plugins/centrality\\.so\$"
  printf '<html><head><title>A page</title></head><body><p>%s</p></body></html>\n' \
    "The council approved a new bridge over the river on Monday evening after a long debate." >"$work/page.html"
  out=$(installed env ABRIDGE_PLUGIN_VERBOSE=1 "$P/bin/abridge" extract "$work/page.html" 2>&1)
  check "it reads a web page with the parsers module of $P/lib/abridge/internal" \
    contains "$out" "parsers module $P/lib/abridge/internal/parsers\\.so: loaded"
  if command -v readelf >/dev/null; then
    check "its rpath names $P/lib" contains "$(readelf -d "$P/bin/abridge")" "R(UN)?PATH.*\\[(.*:)?$P/lib(:.*)?\\]"
  fi
  check "the installed libtool files name $P/lib" \
    grep -q "^libdir='$P/lib'" "$P/lib/libabridge.la" "$P/lib/abridge/plugins/lead.la"
fi

echo "check-prefix: restoring the configuration: ./configure $config"
if { reconfigure && make -j"$jobs"; } >"$log" 2>&1; then
  out=$(env -u ABRIDGE_PLUGIN_PATH -u ABRIDGE_PLUGIN_SYSTEM_PATH ./abridge plugins --verbose 2>&1)
  check "the rebuilt ./abridge uses the tree's plugins again" contains "$out" "^  $build/plugins/\\.libs\$"
  check "and no longer names $P" test -z "$(grep -rl "$P" abridge-paths.h libabridge/libabridge.la 2>/dev/null)"
else
  tail -n 30 "$log"
  failed=$((failed + 1))
fi

echo "check-prefix: $passed passed, $failed failed"
[ "$failed" = 0 ]
