#!/bin/sh
# Builds the libFuzzer targets tests/fuzz/fuzz-*.c with clang, compiling
# the core sources directly (not through libtool):
#
#   tests/fuzz/build.sh BUILD_DIR [OUT_DIR]
#
# BUILD_DIR is a configured tree: it holds config.h and
# libabridge/text/data-files.c (made here if missing). The plugins
# (plugins/*.c) are built instrumented into OUT_DIR/plugins, where
# fuzz-document loads them from. OUT_DIR defaults to
# BUILD_DIR/tests/fuzz/out. The core's sources are the .c files of
# libabridge_libabridge_core_la_SOURCES in Makefile.am, and with them those
# of the parsers module (libabridge_parsers_la_SOURCES), linked in so that
# a target fuzzes it instrumented (fuzz-html: abr_parsers_use()); so a
# file added to either is fuzzed without touching this script.
#
# Environment: CC (default clang), FUZZ_CFLAGS (default -O1 -g), FUZZ_TARGETS
# (default: every tests/fuzz/fuzz-NAME.c; names, e.g. "document record").
set -eu

srcdir=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR [OUT_DIR]" >&2; exit 2; }
build=$(cd "$1" && pwd)
out=${2:-$build/tests/fuzz/out}
CC=${CC:-clang}
FUZZ_CFLAGS=${FUZZ_CFLAGS:--O1 -g}

[ -f "$build/config.h" ] || { echo "$0: $build/config.h missing: run configure first" >&2; exit 2; }
command -v "$CC" >/dev/null 2>&1 || { echo "$0: $CC not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
if [ ! -f "$build/libabridge/text/data-files.c" ]; then
  make -C "$build" libabridge/text/data-files.c >/dev/null
fi

# The core's .c files, from the convenience library's SOURCES, and the module's.
core=$(awk '/^(nodist_)?libabridge_(libabridge_core|parsers)_la_SOURCES[ \t]*[+]?=/ { on = 1 }
  on { print; if ($0 !~ /\\$/) on = 0 }' "$srcdir/Makefile.am" \
  | tr ' \t\\' '\n\n\n' | grep '\.c$' | sort -u)
[ -n "$core" ] || { echo "$0: no core sources found in $srcdir/Makefile.am" >&2; exit 2; }

san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
deps="glib-2.0 json-glib-1.0 libpcre2-8 libexttextcat libxml-2.0"
cppflags="-I$build -I$srcdir/include -I$srcdir/libabridge -I$build/libabridge \
-DABRIDGE_PLUGIN_DIR=\"/nonexistent\" -DABRIDGE_PARSERS_DIR=\"/nonexistent\" -DABRIDGE_BUILD_DIR=\"$build\" \
-DABRIDGE_TEXTCAT_DATADIR=\"$(pkg-config --variable=pkgdatadir libexttextcat)\" \
-std=c11 -D_GNU_SOURCE -DABRIDGE_COMPILATION $(pkg-config --cflags $deps)"
libs="$(pkg-config --libs $deps) -lltdl -lstemmer -lm"

mkdir -p "$out/obj"
objs=
for f in $core; do
  if [ -f "$build/$f" ]; then src="$build/$f"; else src="$srcdir/$f"; fi
  # Named by the whole path: source/html.c and output/html.c are two files.
  o="$out/obj/$(printf '%s' "${f%.c}" | tr '/' '_').o"
  # shellcheck disable=SC2086
  $CC $FUZZ_CFLAGS $san -fsanitize=fuzzer-no-link $cppflags -w -c "$src" -o "$o"
  objs="$objs $o"
done

# The plugins, instrumented too, as modules of their own: fuzz-document
# loads them from here (a plugin that does not build yet is left out).
# A plugin is plugins/NAME.c with its helpers plugins/NAME-*.c (as in
# Makefile.am); the lsa plugin needs LAPACKE.
mkdir -p "$out/plugins"
rm -f "$out/plugins"/*.so
plugin_libs="-Wl,--as-needed -lm $(pkg-config --libs lapacke 2>/dev/null || echo -llapacke)"
for src in "$srcdir"/plugins/*.c; do
  [ -f "$src" ] || continue
  name=$(basename "$src" .c)
  case $name in *-*) continue ;; esac # a helper, built into its plugin
  helpers=$(ls "$srcdir/plugins/$name"-*.c 2>/dev/null || true)
  # shellcheck disable=SC2086
  $CC $FUZZ_CFLAGS $san -fsanitize=fuzzer-no-link -fPIC -shared -fvisibility=hidden \
    -std=c11 -D_GNU_SOURCE -I"$build" -I"$srcdir/include" "$src" $helpers \
    -o "$out/plugins/$name.so" $plugin_libs \
    || echo "$0: plugin $name does not build: left out" >&2
done

targets=${FUZZ_TARGETS:-$(cd "$srcdir/tests/fuzz" && ls fuzz-*.c | sed 's/^fuzz-//; s/\.c$//')}
for t in $targets; do
  t=fuzz-${t#fuzz-}
  # shellcheck disable=SC2086
  $CC $FUZZ_CFLAGS $san -fsanitize=fuzzer $cppflags -Wall -Wextra \
    -DFUZZ_PLUGIN_DIR="\"$out/plugins\"" \
    "$srcdir/tests/fuzz/$t.c" $objs $libs -o "$out/$t"
  echo "built $out/$t"
done
