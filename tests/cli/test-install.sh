#!/bin/sh
# What `make install` gives a user (issue 21): the command, the library and
# its pkg-config file, staged with DESTDIR, then used from the configured
# prefix as if installed there:
#   - the installed abridge is an executable linked to the shared
#     libabridge, whose rpath names $(libdir) (unless the dynamic loader
#     searches it anyway) and no build directory; the in-tree ./abridge is
#     an executable too (no libtool wrapper script), bound to the tree's
#     library;
#   - run from the prefix, with LD_LIBRARY_PATH and the plugin variables
#     unset, it finds its library, its plugins and its parsers module
#     there. The staged tree is put at the prefix in a private mount
#     namespace (unshare); where namespaces are not allowed, those checks
#     are skipped and the compiled-in directories are checked instead;
#   - so does the Python module installed with it;
#   - examples/library/brief.c, built with `pkg-config --cflags --libs
#     abridge` alone, prints the brief `abridge` prints.
#
# Run by `make check` through the TAP driver with ABRIDGE, top_srcdir,
# top_builddir, CC, CFLAGS, LDFLAGS and the install directories
# (install_prefix, install_bindir, install_libdir, install_plugindir,
# install_internaldir, install_pythondir), and PYTHON, in the environment.

: "${top_srcdir:=.}"
. "$top_srcdir/tests/cli/tap.sh"
tap_use_built_abridge

[ -n "${install_prefix:-}" ] && [ -n "${install_libdir:-}" ] && [ -n "${install_plugindir:-}" ] \
  || bail_out "install_prefix, install_libdir, install_plugindir … unset: run by make check"

unset LD_LIBRARY_PATH ABRIDGE_PLUGIN_PATH ABRIDGE_PLUGIN_SYSTEM_PATH ABRIDGE_PLUGIN_VERBOSE
unset CPATH C_INCLUDE_PATH LIBRARY_PATH PKG_CONFIG_SYSROOT_DIR
unset MAKEFLAGS MFLAGS MAKELEVEL
MAKE_PROG=${MAKE:-make}
CC_PROG=${CC:-cc}

have () { command -v "$1" >/dev/null 2>&1; }

# The rpath of an ELF file (DT_RPATH or DT_RUNPATH), and which of the two.
rpath_of () { readelf -d "$1" 2>/dev/null | sed -n 's/.*(R\(UN\)\{0,1\}PATH).*\[\(.*\)\]$/\2/p'; }
rpath_tag () { readelf -d "$1" 2>/dev/null | sed -n 's/.*(\(R\(UN\)\{0,1\}PATH\)).*/\1/p'; }
is_elf () { [ "$(head -c 4 "$1" 2>/dev/null | od -An -c | tr -d ' \n')" = '177ELF' ]; }

cat >plain.txt <<'EOF'
Council approves new river bridge

Residents of the old town gathered at the market on Monday morning to hear the plans.

After a long debate, the city council approved a new bridge over the river on Monday evening. The bridge will carry trams, cyclists and pedestrians, but no cars.

Work should start next spring and take three years. The council expects the bridge to cost about 40 million euros, most of it from a regional fund.

Shop owners on both banks welcomed the decision. Several said the old ferry had been too slow for years.
EOF
printf '<html><head><title>A page</title></head><body><p>%s</p></body></html>\n' \
  "The council approved a new bridge over the river on Monday evening after a long debate." >page.html

# ---- the in-tree abridge ------------------------------------------------------

TREE_BIN=$top_builddir/abridge
ok "the in-tree abridge is an executable, not a libtool wrapper script" is_elf "$TREE_BIN"
if have readelf; then
  like "$(rpath_of "$TREE_BIN")" "^$top_builddir/libabridge/\\.libs(:|\$)" \
    "… whose rpath is the build tree's libabridge"
  is "$(rpath_tag "$TREE_BIN")" "RPATH" "… as DT_RPATH, which LD_LIBRARY_PATH does not override"
else
  skip "the in-tree abridge's rpath is the build tree's libabridge" "readelf not found"
fi

# ---- install into a staging directory ------------------------------------------

STAGE=$TAP_TMP/stage
run "$MAKE_PROG" -C "$top_builddir" install DESTDIR="$STAGE"
if [ "$rc" != 0 ]; then
  fail "make install DESTDIR=... succeeds"
  tail -n 20 "$TAP_ERR" | diag
  done_testing
fi
pass "make install DESTDIR=... succeeds"

BIN=$STAGE$install_bindir/abridge
LIB=$STAGE$install_libdir/libabridge.so.0
ok "abridge is installed in \$(bindir)" test -x "$BIN"
ok "libabridge.so.0 is installed in \$(libdir)" test -f "$LIB"
[ -x "$BIN" ] && [ -f "$LIB" ] || done_testing
ok "the installed abridge is an executable, not a libtool wrapper script" is_elf "$BIN"

# libtool leaves out of an rpath the directories the loader searches anyway.
loader_searches () { # DIR
  spec=$("$top_builddir/libtool" --config 2>/dev/null | sed -n 's/^sys_lib_dlsearch_path_spec="\(.*\)"$/\1/p')
  case " $spec " in *" $1 "*) return 0 ;; esac
  return 1
}
if have readelf; then
  like "$(readelf -d "$BIN" | grep NEEDED)" '\[libabridge\.so\.0\]' \
    "the installed abridge is linked to the shared libabridge"
  BIN_RPATH=$(rpath_of "$BIN")
  if loader_searches "$install_libdir"; then
    pass "the installed abridge finds \$(libdir) ($install_libdir): the loader searches it"
  else
    like ":$BIN_RPATH:" ":$install_libdir:" "the installed abridge's rpath names \$(libdir)"
  fi
  for f in "$BIN" "$LIB"; do
    unlike "$(rpath_of "$f")" "$top_builddir|$TAP_TMP" "installed $(basename "$f"): no build or staging directory in its rpath"
  done
else
  skip "the installed abridge is linked to the shared libabridge, rpath \$(libdir)" "readelf not found"
fi

# The directories compiled in are the configured ones (no DESTDIR), with
# the library from the staging directory.
run env LD_LIBRARY_PATH="$STAGE$install_libdir" "$BIN" plugins --verbose
like "$out" "^search path:\$" "abridge plugins --verbose lists its search path"
like "$out" "^  $install_plugindir\$" "… \$(plugindir) as configured"

# ---- run from the prefix ---------------------------------------------------------

# in_prefix CMD…: CMD in a private mount namespace in which the staged
# $(prefix) is at $(prefix), with LD_LIBRARY_PATH unset. When $(libdir) is
# one the loader searches, it finds libraries there through its cache:
# the namespace gets a cache of its own (ldconfig -X -C, no link written),
# as `make install` followed by ldconfig gives.
CACHE=
loader_searches "$install_libdir" && CACHE=$TAP_TMP/ld.so.cache
in_prefix () {
  unshare -rm sh -c '
    stage=$1 prefix=$2 cache=$3; shift 3
    mount --bind "$stage" "$prefix" || exit 125
    if [ -n "$cache" ]; then
      { ldconfig -X -C "$cache" && mount --bind "$cache" /etc/ld.so.cache; } || exit 125
    fi
    exec env -u LD_LIBRARY_PATH "$@"' sh "$STAGE$install_prefix" "$install_prefix" "$CACHE" "$@"
}
why=
case $install_bindir/ in "$install_prefix"/*) ;; *) why="\$(bindir) is not under \$(prefix)" ;; esac
case $install_libdir/ in "$install_prefix"/*) ;; *) why="\$(libdir) is not under \$(prefix)" ;; esac
[ -d "$install_prefix" ] || why="\$(prefix) $install_prefix does not exist"
have unshare || why="unshare not found"
if [ -z "$why" ]; then
  run in_prefix true
  [ "$rc" = 0 ] || why="no private mount namespace here (unshare -rm: $(printf '%s' "$err" | head -n 1))"
fi

REFERENCE=$("$ABRIDGE" -n 2 plain.txt 2>/dev/null)
if [ -z "$why" ]; then
  run in_prefix "$install_bindir/abridge" -n 2 plain.txt
  is "$out" "$REFERENCE" "from \$(prefix), LD_LIBRARY_PATH unset: the installed abridge summarizes with its plugins"
  is "$err" "" "… without a word on stderr"
  run in_prefix env ABRIDGE_PLUGIN_VERBOSE=1 "$install_bindir/abridge" plugins
  like "$out" "^centrality " "… lists the plugins of \$(plugindir)"
  unlike "$err" "skipped|refused" "… every search directory readable, no plugin refused"
  run in_prefix env ABRIDGE_PLUGIN_VERBOSE=1 "$install_bindir/abridge" extract page.html
  is "$rc" 0 "… reads a web page"
  like "$err" "parsers module $install_internaldir/parsers\\.so: loaded" \
    "… with the parsers module of \$(pkglibdir)/internal"
else
  skip "the installed abridge, run from \$(prefix), finds its library, plugins, parsers" "$why"
fi

# The Python module, installed in $(pkgpythondir) with the $(libdir) it
# loads libabridge from. A sanitized libabridge needs the ASan runtime
# preloaded into python.
if [ -z "${PYTHON:-}" ] || [ "$PYTHON" = : ] || [ -z "${install_pythondir:-}" ]; then
  skip "the installed Python module, from \$(prefix): the brief abridge prints" "configure found no python3"
elif [ -n "$why" ]; then
  skip "the installed Python module, from \$(prefix): the brief abridge prints" "$why"
else
  preload= py=$PYTHON
  if have readelf && readelf -d "$LIB" | grep -q 'NEEDED.*libasan'; then
    preload=$("$CC_PROG" -print-file-name=libasan.so)
    py=$("$PYTHON" -c 'import sys; print(sys.executable)')
  fi
  ok "the Python module is installed in \$(pkgpythondir)" test -f "$STAGE$install_pythondir/abridge/_paths.py"
  run in_prefix env ${preload:+LD_PRELOAD="$preload" ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"} \
    PYTHONPATH="$install_pythondir" PYTHONDONTWRITEBYTECODE=1 "$py" -c '
import sys, abridge
print(abridge.summarize(open(sys.argv[1]).read(), sentences=2))
print(abridge.plugins()[0].file, file=sys.stderr)' plain.txt
  is "$out" "$REFERENCE" "the installed Python module, from \$(prefix): the brief abridge prints"
  like "$err" "^$install_plugindir/[^/]*\.so\$" "… with the plugins of \$(plugindir)"
fi

# ---- the library example, built with pkg-config alone ----------------------------

tap_need_commands "examples/library builds against the installed libabridge" "$MAKE_PROG" pkg-config "$CC_PROG"

# The staged abridge.pc with its prefix moved into the staging directory
# (what pkg-config --define-prefix does), found before any other; GLib's
# where pkg-config finds it by default.
PC=$STAGE$install_libdir/pkgconfig/abridge.pc
ok "abridge.pc is installed in \$(libdir)/pkgconfig" test -f "$PC"
[ -f "$PC" ] || done_testing
mkdir -p pc
sed "s|^prefix=.*|prefix=$STAGE$(sed -n 's/^prefix=//p' "$PC")|" "$PC" >pc/abridge.pc
unset PKG_CONFIG_LIBDIR
PKG_CONFIG_PATH=$TAP_TMP/pc
export PKG_CONFIG_PATH

run pkg-config --libs abridge
like "$out" "(^| )-labridge( |\$)" "pkg-config --libs abridge: -labridge"
like "$out" "(^| )-lglib-2\\.0( |\$)" "… and GLib, whose types the API hands out (Requires, not Requires.private)"
run pkg-config --cflags abridge
like "$out" "^-I$STAGE/" "pkg-config --cflags abridge names the installed include directory"
unlike "$(printf '%s\n' "$out" | sed "s|-I$STAGE/[^ ]*||g")" "-I$top_srcdir/|-I$top_builddir/" "… and no source or build tree"

cp -R "$top_srcdir/examples/library" example || bail_out "cannot copy examples/library"
chmod -R u+w example
rm -f example/brief
# CFLAGS and LDFLAGS as configured: a sanitized libabridge needs a program
# built with the same sanitizers. An rpath to $(libdir) when the loader
# does not search it, as docs/LIBRARY.md says.
rpath=
loader_searches "$install_libdir" || rpath="-Wl,-rpath,$install_libdir"
run "$MAKE_PROG" -C example CC="$CC_PROG" CFLAGS="${CFLAGS:--O2 -g} -Wall -Wextra -Werror" \
  LDFLAGS="${LDFLAGS:-} $rpath"
is "$rc" 0 "examples/library builds with pkg-config alone, -Wall -Wextra -Werror"
[ -x example/brief ] || { printf '%s\n' "$out" | tail -n 20 | diag; done_testing; }

EXAMPLE=$TAP_TMP/example/brief
if [ -z "$why" ]; then
  run in_prefix "$EXAMPLE" plain.txt 2
else
  run env LD_LIBRARY_PATH="$STAGE$install_libdir" ABRIDGE_PLUGIN_SYSTEM_PATH="$STAGE$install_plugindir" \
    "$EXAMPLE" plain.txt 2
fi
is "$out" "$REFERENCE" "the example prints the brief abridge prints"
is "$err" "" "… without a word on stderr"

# The rest with the staged library and plugins on the variables.
LD_LIBRARY_PATH=$STAGE$install_libdir
ABRIDGE_PLUGIN_SYSTEM_PATH=$STAGE$install_plugindir
export LD_LIBRARY_PATH ABRIDGE_PLUGIN_SYSTEM_PATH

run env BRIEF_VERBOSE=1 "$EXAMPLE" plain.txt 2
is "$(printf '%s\n' "$out" | cut -f 4)" "$REFERENCE" "BRIEF_VERBOSE=1: the same sentences"
is "$(printf '%s\n' "$out" | grep -Evc '^[0-9]+	-?[0-9]+\.[0-9]{4}	[0-9]+-[0-9]+	')" "0" \
  "… each after its number, score and byte span"
SPANS=$("$ABRIDGE" -n 2 -f json plain.txt | tr -d ' \n' | grep -o '"start":[0-9]*,"end":[0-9]*' \
  | sed 's/"start":\([0-9]*\),"end":\([0-9]*\)/\1-\2/')
is "$(printf '%s\n' "$out" | cut -f 3)" "$SPANS" "… the spans abridge -f json gives"

run "$EXAMPLE" "$TAP_TMP/missing.txt"
is "$rc" 1 "a missing file: exit status 1"
like "$err" "^brief: $TAP_TMP/missing\\.txt: " "… and one line naming it"
is "$(nlines "$err")" 1 "… only one"
run "$EXAMPLE"
is "$rc" 2 "no file: a usage error"
run "$EXAMPLE" plain.txt zero
is "$rc" 2 "a budget that is not a number: a usage error"

done_testing
