#!/bin/sh
# The third-party plugin kit, end to end, as an author meets it: abridge
# installed (into a staging directory, with DESTDIR), the example plugin
# (examples/plugin) copied elsewhere and built with nothing but
# `pkg-config abridge-plugin`, then run by the installed abridge. Also:
# every plugin library exports exactly one dynamic symbol, and so does the
# internal parsers module, which the installed abridge looks for where it
# was installed, never in the build tree; neither abridge nor libabridge
# links libxml2, json-glib, GIO or gobject (start-up time).
#
# Run by `make check` through the TAP driver with ABRIDGE, top_srcdir and
# top_builddir in the environment (CC and MAKE are used when set); by hand:
#   ABRIDGE=$PWD/abridge top_srcdir=$PWD top_builddir=$PWD sh tests/cli/test-kit.sh
#
# Why DESTDIR: a `make install prefix=DIR` keeps the .pc files configure
# wrote for the configured prefix, and a fresh ./configure is too slow here.
# The staged abridge-plugin.pc is read with its prefix= line pointing into
# the staging directory (what pkg-config --define-prefix does), so the
# example builds against the staged header and nothing else.

: "${top_srcdir:=.}"
: "${top_builddir:=$top_srcdir}"
: "${ABRIDGE:=$top_builddir/abridge}"
case $top_srcdir in /*) ;; *) top_srcdir=$(cd "$top_srcdir" && pwd) ;; esac
case $top_builddir in /*) ;; *) top_builddir=$(cd "$top_builddir" && pwd) ;; esac
case $ABRIDGE in /*) ;; *) ABRIDGE=$PWD/$ABRIDGE ;; esac

. "$top_srcdir/tests/cli/tap.sh"

[ -x "$ABRIDGE" ] || bail_out "no abridge to test at $ABRIDGE"

# Only the plugin directories a test names.
ABRIDGE_PLUGIN_PATH=
export ABRIDGE_PLUGIN_PATH
unset ABRIDGE_PLUGIN_SYSTEM_PATH ABRIDGE_PLUGIN_VERBOSE
# The example must find <abridge/plugin.h> through pkg-config alone.
unset CPATH C_INCLUDE_PATH PKG_CONFIG_SYSROOT_DIR
# A nested make must not inherit the caller's jobserver or command line.
unset MAKEFLAGS MFLAGS MAKELEVEL
MAKE_PROG=${MAKE:-make}
CC_PROG=${CC:-cc}

cd "$TAP_TMP" || bail_out "cannot cd to $TAP_TMP"

have () { command -v "$1" >/dev/null 2>&1; }

# The defined dynamic symbols of a shared object, one a line.
exports () {
  nm -D --defined-only "$1" 2>/dev/null | awk 'NF >= 3 { print $3 }' | sort -u
}

one_symbol () { # FILE WHAT
  if ! have nm; then
    skip "$2 exports only abridge_plugin_descriptor" "nm not found"
    return
  fi
  is "$(exports "$1")" "abridge_plugin_descriptor" "$2 exports only abridge_plugin_descriptor"
}

# ---- the shipped plugins, as built ---------------------------------------

# Plugins never link against libabridge: no NEEDED entry for it.
no_libabridge () { # FILE WHAT
  if ! have readelf; then
    skip "$2 does not link against libabridge" "readelf not found"
    return
  fi
  unlike "$(readelf -d "$1" 2>/dev/null | grep NEEDED)" "libabridge" "$2 does not link against libabridge"
}

for so in "$top_builddir"/plugins/.libs/*.so; do
  [ -f "$so" ] || continue
  one_symbol "$so" "built plugin $(basename "$so")"
  no_libabridge "$so" "built plugin $(basename "$so")"
done

# ---- the parsers module and what abridge links ------------------------------

PARSERS=$top_builddir/libabridge/.libs/parsers.so
ok "the parsers module is built" test -f "$PARSERS"
if have nm; then
  is "$(exports "$PARSERS")" "abridge_parsers" "the parsers module exports only abridge_parsers"
  is "$(nm -D --undefined-only "$PARSERS" 2>/dev/null | grep -c ' abridge_')" "0" \
    "the parsers module uses nothing of the core"
else
  skip "the parsers module exports only abridge_parsers" "nm not found"
fi
no_libabridge "$PARSERS" "the parsers module"
# The libraries only the parsers module may need, as NEEDED entries.
heavy='lib(xml2|json-glib|gio|gobject|gmodule)'
if have readelf; then
  for f in "$top_builddir/abridge" "$top_builddir/bin/.libs/abridge" "$top_builddir/libabridge/.libs/libabridge.so"; do
    [ -f "$f" ] || continue
    unlike "$(readelf -d "$f" | grep NEEDED)" "$heavy" "$(basename "$f") links none of libxml2, json-glib, GIO, gobject"
  done
else
  skip "abridge links none of libxml2, json-glib, GIO, gobject" "readelf not found"
fi

# ---- install into a staging directory --------------------------------------

missing=
have "$MAKE_PROG" || missing="$missing $MAKE_PROG"
have pkg-config || missing="$missing pkg-config"
have "$CC_PROG" || missing="$missing $CC_PROG"
if [ -n "$missing" ]; then
  skip "install, build the example out of tree, run it" "not found:$missing"
  done_testing
fi

STAGE=$TAP_TMP/stage
run "$MAKE_PROG" -C "$top_builddir" install DESTDIR="$STAGE"
if [ "$rc" != 0 ]; then
  fail "make install DESTDIR=... succeeds"
  diag "make install exit status $rc"
  tail -n 20 "$TAP_ERR" | diag
  done_testing
fi
pass "make install DESTDIR=... succeeds"

PC=$(find "$STAGE" -path '*/pkgconfig/abridge-plugin.pc' | head -n 1)
BIN=$(find "$STAGE" -path '*/bin/abridge' -type f | head -n 1)
LIBSO=$(find "$STAGE" -name 'libabridge.so.*' | head -n 1)
HEADER=$(find "$STAGE" -path '*/include/abridge/plugin.h' | head -n 1)
ok "abridge-plugin.pc is installed" test -n "$PC"
ok "the abridge command is installed" test -n "$BIN"
ok "libabridge is installed" test -n "$LIBSO"
ok "abridge/plugin.h is installed, unchanged" cmp -s "$HEADER" "$top_srcdir/include/abridge/plugin.h"
[ -n "$PC" ] && [ -n "$BIN" ] && [ -n "$LIBSO" ] && [ -n "$HEADER" ] || done_testing

# The installed abridge, with its library from the staging directory.
LD_LIBRARY_PATH=$(dirname "$LIBSO")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export LD_LIBRARY_PATH

# The staged .pc, its prefix moved into the staging directory.
prefix=$(sed -n 's/^prefix=//p' "$PC")
mkdir -p pc
sed "s|^prefix=.*|prefix=$STAGE$prefix|" "$PC" >pc/abridge-plugin.pc
PKG_CONFIG_LIBDIR=$TAP_TMP/pc
PKG_CONFIG_PATH=
export PKG_CONFIG_LIBDIR PKG_CONFIG_PATH

run pkg-config --cflags abridge-plugin
CFLAGS_PC=$out
like "$CFLAGS_PC" "^-I$STAGE/[^ ]*include( |$)" "pkg-config --cflags names the installed include directory"
like "$CFLAGS_PC" "-fvisibility=hidden" "pkg-config --cflags hides all but the entry point"
unlike "$CFLAGS_PC" "-I$top_srcdir|-I$top_builddir" "pkg-config --cflags names no source or build tree"
run pkg-config --libs abridge-plugin
is "$(echo $out)" "" "pkg-config --libs is empty: plugins never link against libabridge"
run pkg-config --variable=plugindir abridge-plugin
PLUGINDIR=$out
ok "pkg-config's plugindir holds the installed plugins" test -f "$PLUGINDIR/lead.so"
header_abi () { sed -n "s/^#define ABRIDGE_ABI_$1 \([0-9]*\)$/\1/p" "$HEADER"; }
is "$(pkg-config --variable=abi_major abridge-plugin).$(pkg-config --variable=abi_minor abridge-plugin)" \
  "$(header_abi MAJOR).$(header_abi MINOR)" "abridge-plugin.pc's ABI version is the header's"

run "$BIN" --version
is "$rc" 0 "the installed abridge runs"

# The parsers module is installed in $(pkglibdir)/internal, and the
# installed abridge looks for it there (without DESTDIR: where `make
# install` without it puts it), not in the build tree, although the build
# tree's is right there.
INTERNAL=$(dirname "$PLUGINDIR")/internal
ok "the parsers module is installed in \$(pkglibdir)/internal" test -f "$INTERNAL/parsers.so"
[ -f "$INTERNAL/parsers.so" ] && have nm \
  && is "$(exports "$INTERNAL/parsers.so")" "abridge_parsers" "the installed module exports only abridge_parsers"
WANT=${INTERNAL#"$STAGE"}/parsers.so
printf '<html><head><title>A page</title></head><body><p>%s</p></body></html>\n' \
  "The council approved a new bridge over the river on Monday evening after a long debate." >page.html
run env ABRIDGE_PLUGIN_VERBOSE=1 "$BIN" extract page.html
like "$err" "parsers module $WANT: " "the installed abridge looks for the module in its own \$(pkglibdir)/internal"
unlike "$err" "$top_builddir" "the installed abridge never looks in the build tree"
if [ -f "$WANT" ]; then
  is "$rc" 0 "with abridge installed there too, the page is read"
else
  is "$rc" 1 "without the module, a page fails"
  like "$err" "^abridge: page\.html: cannot load the HTML reader \($WANT\): No such file or directory\$" \
    "… with one line naming the module"
  run "$BIN" batch --merge /dev/null
  like "$err" "^abridge: cannot load the result reader \($WANT\): " "… and so does batch --merge"
fi

# ---- build the example out of tree ------------------------------------------

cp -R "$top_srcdir/examples/plugin" example || bail_out "cannot copy examples/plugin"
chmod -R u+w example
rm -f example/title-overlap.so
run "$MAKE_PROG" -C example CC="$CC_PROG" CFLAGS="-O2 -g -Wall -Wextra -Werror"
is "$rc" 0 "the example builds with pkg-config alone"
[ -f example/title-overlap.so ] || { diag "$out"; done_testing; }
one_symbol example/title-overlap.so "the example plugin"

# ---- articles ----------------------------------------------------------------

cat >bridge.txt <<'EOF'
Council approves new river bridge

Residents of the old town gathered at the market on Monday morning.

Shops opened late because of a delivery strike. The weather stayed dry.

After a long debate, the city council approved a new bridge over the river on Monday evening.

Work should start next spring.
EOF
BRIDGE='After a long debate, the city council approved a new bridge over the river on Monday evening.'
FIRST='Residents of the old town gathered at the market on Monday morning.'

cat >untitled.txt <<'EOF'
The river rose by two metres overnight. Farmers moved their cattle to higher ground. The council opened a shelter in the school.
EOF

printf '%s\n' '{"id": "r1", "title": "Shelter opened in school", "text": "The river rose by two metres overnight. Farmers moved their cattle to higher ground. The council opened a shelter in the school."}' >records.jsonl

# ---- run it ------------------------------------------------------------------

EXDIR=$TAP_TMP/example
ABRIDGE_PLUGIN_SYSTEM_PATH=
export ABRIDGE_PLUGIN_SYSTEM_PATH

run "$BIN" -p title-overlap --plugin-dir "$EXDIR" -n 1 bridge.txt
is "$out" "$BRIDGE" "title-overlap picks the sentence sharing the title's words"
run "$BIN" -p title-overlap --plugin-dir "$EXDIR" -n 2 --order score bridge.txt
is "$(printf '%s\n' "$out" | head -n 1)" "$BRIDGE" "--order score: the best overlap comes first"
is "$(printf '%s\n' "$out" | sed -n 2p)" "$FIRST" "--order score: then the lead breaks the tie"
run "$BIN" -p title-overlap --plugin-dir "$EXDIR" -O title-overlap.prefix_match=false -n 1 bridge.txt
is "$out" "$BRIDGE" "exact words alone (prefix_match=false) find it too"

run "$BIN" -p title-overlap --plugin-dir "$EXDIR" -n 1 --format json bridge.txt
like "$out" '"plugin": "title-overlap"' "--format json names the plugin"
like "$out" '"title": "Council approves new river bridge"' "--format json shows the title it matched"

run "$BIN" -p title-overlap --plugin-dir "$EXDIR" -n 1 records.jsonl
is "$(printf '%s\n' "$out" | sed -n 2p)" "The council opened a shelter in the school." \
  "a JSONL record's title is used"

run env ABRIDGE_PLUGIN_VERBOSE=1 "$BIN" -p title-overlap --plugin-dir "$EXDIR" -n 1 --order score untitled.txt
is "$out" "The river rose by two metres overnight." "without a title, the lead"
like "$err" "no title: ranking by position" "ABRIDGE_PLUGIN_VERBOSE=1 shows the plugin's debug log"
like "$err" "title-overlap\\.so: accepted 'title-overlap' \\(ABI $(header_abi MAJOR)\\.$(header_abi MINOR)\\)" \
  "ABRIDGE_PLUGIN_VERBOSE=1 traces the loading"

run "$BIN" -p title-overlap --plugin-dir "$EXDIR" -O title-overlap.lead_weight=2 bridge.txt
is "$rc" 1 "a value the plugin refuses fails the run"
like "$err" "title-overlap.*lead_weight must be in \\[0, 1\\), not 2" "with the plugin's message"
run "$BIN" -p title-overlap --plugin-dir "$EXDIR" -O title-overlap.nope=1 bridge.txt
is "$rc" 2 "an option the plugin does not declare is a usage error"

# ---- install it where pkg-config says, and list it ------------------------

run "$MAKE_PROG" -C example install
is "$rc" 0 "make install puts the example in pkg-config's plugindir"
ok "it is there" test -f "$PLUGINDIR/title-overlap.so"
run env ABRIDGE_PLUGIN_SYSTEM_PATH="$PLUGINDIR" "$BIN" plugins --verbose
like "$out" "^title-overlap +1\\.0\\.0 +ABI $(header_abi MAJOR)\\.$(header_abi MINOR) +$PLUGINDIR/title-overlap\\.so$" \
  "abridge plugins: id, version, ABI and file"
like "$out" "^  name: +Title overlap$" "abridge plugins --verbose: the name"
like "$out" "^  description: +sentences sharing the most words with the title" \
  "abridge plugins --verbose: the description"
like "$out" "^  -O title-overlap\\.prefix_match=bool \\(default true\\): " \
  "abridge plugins --verbose: a bool option"
like "$out" "^  -O title-overlap\\.lead_weight=double \\(default 0\\.5\\): " \
  "abridge plugins --verbose: a double option"
like "$out" "^lead +" "the shipped plugins are listed beside it"
unlike "$out" "^refused:" "nothing in the plugin directory is refused"
run env ABRIDGE_PLUGIN_SYSTEM_PATH="$PLUGINDIR" "$BIN" -p title-overlap,lead -n 1 bridge.txt
is "$rc" 0 "the installed plugin fuses with a shipped one"

for so in "$PLUGINDIR"/*.so; do
  one_symbol "$so" "installed $(basename "$so")"
done

done_testing
