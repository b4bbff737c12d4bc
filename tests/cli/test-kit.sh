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
. "$top_srcdir/tests/cli/tap.sh"
tap_use_built_abridge

# The example must find <abridge/plugin.h> through pkg-config alone.
unset CPATH C_INCLUDE_PATH PKG_CONFIG_SYSROOT_DIR
# A nested make must not inherit the caller's jobserver or command line.
unset MAKEFLAGS MFLAGS MAKELEVEL
MAKE_PROG=${MAKE:-make}
CC_PROG=${CC:-cc}

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
  is "$(exports "$PARSERS")" "abr_parsers" "the parsers module exports only abr_parsers"
  is "$(nm -D --undefined-only "$PARSERS" 2>/dev/null | grep -c ' abr\(idge\)\?_')" "0" \
    "the parsers module uses nothing of the core"
else
  skip "the parsers module exports only abr_parsers" "nm not found"
fi
no_libabridge "$PARSERS" "the parsers module"
# The libraries only the parsers module may need, as NEEDED entries.
heavy='lib(xml2|json-glib|gio|gobject|gmodule)'
if have readelf; then
  for f in "$top_builddir/abridge" "$top_builddir/bin/.libs/abridge" "$top_builddir/libabridge/.libs/libabridge.so"; do
    [ -f "$f" ] || continue
    unlike "$(readelf -d "$f" | grep NEEDED)" "$heavy" "$(basename "$f") links none of libxml2, json-glib, GIO, gobject"
  done
  # LAPACK (with BLAS and libgfortran) is opened by the lsa plugin when it
  # is used: linked, every abridge that discovers plugins relocates it.
  [ -f "$top_builddir/plugins/.libs/lsa.so" ] \
    && unlike "$(readelf -d "$top_builddir/plugins/.libs/lsa.so" | grep NEEDED)" "lapack|blas|gfortran" \
              "the lsa plugin links no LAPACK (it opens it when first used)"
else
  skip "abridge links none of libxml2, json-glib, GIO, gobject" "readelf not found"
fi

# libabridge exports what its public headers declare, nothing more: the
# core's internal functions (abr_*) stay inside it.
LIBABRIDGE=$top_builddir/libabridge/.libs/libabridge.so
if have nm && [ -f "$LIBABRIDGE" ]; then
  declared=$(cat "$top_srcdir"/include/abridge/abridge.h "$top_srcdir"/include/abridge/batch.h \
               "$top_srcdir"/include/abridge/eval.h \
             | sed -n 's/^ABRIDGE_API .*[ *]\(abridge_[a-z0-9_]*\) (.*/\1/p' | sort -u)
  is "$(exports "$LIBABRIDGE" | grep -v '^_' )" "$declared" \
    "libabridge exports exactly the functions its public headers declare"
  is "$(exports "$LIBABRIDGE" | grep -c '^abr_')" "0" "libabridge exports no internal (abr_) function"
else
  skip "libabridge exports exactly the functions its public headers declare" "nm not found"
  skip "libabridge exports no internal (abr_) function" "nm not found"
fi

# ---- install into a staging directory --------------------------------------

tap_need_commands "install, build the example out of tree, run it" "$MAKE_PROG" pkg-config "$CC_PROG"

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
unlike "$CFLAGS_PC" "-I($top_srcdir|$top_builddir)/include( |$)" "pkg-config --cflags names no source or build tree"
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

# The rest of the author's kit: the guide, the example, Valgrind's
# suppressions where abridge-plugin.pc says.
DOCDIR=$(pkg-config --variable=docdir abridge-plugin)
ok "the plugin guide is installed in pkg-config's docdir" cmp -s "$DOCDIR/PLUGINS.md" "$top_srcdir/docs/PLUGINS.md"
ok "… and the example plugin beside it" \
  cmp -s "$DOCDIR/examples/plugin/title-overlap.c" "$top_srcdir/examples/plugin/title-overlap.c"
ok "… with its Makefile" test -f "$DOCDIR/examples/plugin/Makefile"
SUPP=$(pkg-config --variable=valgrind_suppressions abridge-plugin)
ok "the Valgrind suppressions are installed where pkg-config says" test -f "$SUPP"

# The man page (when help2man made one): every command, the environment,
# the files.
MAN=$(find "$STAGE" -path '*/man1/abridge.1' | head -n 1)
if [ -n "$MAN" ]; then
  for section in ENVIRONMENT FILES PLUGINS COMMANDS; do
    ok "abridge(1) has a $section section" grep -q "^\.SH \"\{0,1\}$section" "$MAN"
  done
  for c in split extract plugins eval batch help; do
    ok "abridge(1) describes abridge $c" grep -q "^abridge $c\$" "$MAN"
  done
  for v in ABRIDGE_PLUGIN_PATH ABRIDGE_PLUGIN_SYSTEM_PATH ABRIDGE_PLUGIN_VERBOSE ABRIDGE_TEXTCAT_DIR TMPDIR; do
    ok "abridge(1) ENVIRONMENT names $v" grep -q "^\.B $v\$" "$MAN"
  done
else
  skip "abridge(1) is installed with its sections" "no man page (help2man not found at configure)"
fi

# The parsers module is installed in $(pkglibdir)/internal, and the
# installed abridge looks for it there (without DESTDIR: where `make
# install` without it puts it), not in the build tree, although the build
# tree's is right there.
INTERNAL=$(dirname "$PLUGINDIR")/internal
ok "the parsers module is installed in \$(pkglibdir)/internal" test -f "$INTERNAL/parsers.so"
[ -f "$INTERNAL/parsers.so" ] && have nm \
  && is "$(exports "$INTERNAL/parsers.so")" "abr_parsers" "the installed module exports only abr_parsers"
WANT=${INTERNAL#"$STAGE"}/parsers.so
printf '<html><head><title>A page</title></head><body><p>%s</p></body></html>\n' \
  "The council approved a new bridge over the river on Monday evening after a long debate." >page.html
run env ABRIDGE_PLUGIN_VERBOSE=1 "$BIN" extract page.html
like "$err" "parsers module $WANT: " "the installed abridge looks for the module in its own \$(pkglibdir)/internal"
unlike "$err" "$top_builddir/(libabridge|plugins)/" "the installed abridge never looks in the build tree"
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
is "$rc" 2 "a value out of the plugin's range is a usage error"
like "$err" "title-overlap.*lead_weight must be in \\[0, 1\\), not 2" "with the plugin's message"
run "$BIN" -p title-overlap --plugin-dir "$EXDIR" -O title-overlap.nope=1 bridge.txt
is "$rc" 2 "an option the plugin does not declare is a usage error"

# ---- the same plugin built against an older SDK ------------------------------

# The SDK of ABI 1.0: its header frozen in tests/abi, its .pc saying 1.0.
# The example built against it loads in this abridge and gives the same
# briefs as the one built against the current header.
mkdir -p old/include/abridge old/pc
cp "$top_srcdir/tests/abi/plugin-1.0.h" old/include/abridge/plugin.h
sed -e "s|^includedir=.*|includedir=$TAP_TMP/old/include|" -e 's/^abi_minor=.*/abi_minor=0/' \
  pc/abridge-plugin.pc >old/pc/abridge-plugin.pc
cp -R "$top_srcdir/examples/plugin" example-1.0
chmod -R u+w example-1.0
rm -f example-1.0/title-overlap.so
run env PKG_CONFIG_LIBDIR="$TAP_TMP/old/pc" "$MAKE_PROG" -C example-1.0 CC="$CC_PROG" \
  CFLAGS="-O2 -g -Wall -Wextra -Werror"
is "$rc" 0 "the example builds against the ABI 1.0 SDK"
ok "… against its header, not the current one" \
  sh -c "env PKG_CONFIG_LIBDIR='$TAP_TMP/old/pc' pkg-config --cflags abridge-plugin | grep -q '$TAP_TMP/old/include'"
OLDDIR=$TAP_TMP/example-1.0
run "$BIN" plugins --plugin-dir "$OLDDIR"
like "$out" "^title-overlap +1\\.0\\.0 +ABI 1\\.0 +$OLDDIR/title-overlap\\.so\$" "the 1.0 build loads in this abridge, as ABI 1.0"
for args in "-n 1 bridge.txt" "-n 2 --order score bridge.txt" "-n 1 -f json records.jsonl" \
  "-n 1 --order score untitled.txt" "-O title-overlap.prefix_match=false -n 2 -f json bridge.txt"; do
  # shellcheck disable=SC2086
  run "$BIN" -p title-overlap --plugin-dir "$EXDIR" $args
  new=$out
  # shellcheck disable=SC2086
  run "$BIN" -p title-overlap --plugin-dir "$OLDDIR" $args
  is "$out" "$new" "built against 1.0 or $(header_abi MAJOR).$(header_abi MINOR), the same brief: $args"
done

# ---- under Valgrind, as an author runs it ---------------------------------------

# With the installed suppressions, Valgrind reports nothing of the host:
# neither for one article nor for a batch in worker processes.
if ! have valgrind; then
  skip "the host runs clean under Valgrind" "valgrind not found"
elif ldd "$BIN" "$LIBSO" 2>/dev/null | grep -q 'lib[at]san'; then
  skip "the host runs clean under Valgrind" "a sanitizer build: Valgrind cannot run it"
else
  vg () { valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
            --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
            --suppressions="$SUPP" "$@"; }
  run vg "$BIN" -p title-overlap --plugin-dir "$EXDIR" -n 1 bridge.txt
  is "$rc" 0 "one article under Valgrind with the installed suppressions: no error, no leak"
  is "$err" "" "… and not a word from Valgrind"
  run vg "$BIN" batch -q -j 2 -R jsonl -o vg.jsonl -p title-overlap --plugin-dir "$EXDIR" \
    bridge.txt records.jsonl untitled.txt
  is "$rc" 0 "a batch in worker processes under Valgrind: no error, no leak in any process"
  is "$err" "" "… and not a word from Valgrind"
fi

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
run env ABRIDGE_PLUGIN_SYSTEM_PATH="$PLUGINDIR" "$BIN" -p title-overlap+lead -n 1 bridge.txt
is "$rc" 0 "the installed plugin fuses with a shipped one"

for so in "$PLUGINDIR"/*.so; do
  one_symbol "$so" "installed $(basename "$so")"
done

done_testing
