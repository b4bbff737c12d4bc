#!/bin/sh
# Call cycles between the source files of libabridge/: file A calls a
# function defined in file B and B (directly or through others) calls one
# of A's. Read from the built objects, so only real calls count (macros and
# static inline helpers of a header are no calls; a prototype alone is not
# one either): each object's defined functions (nm: T) against the ones it
# needs (nm: U); an edge A -> B for every function A needs that B defines;
# tsort(1) names the files of every loop.
#
#   bench/cycles.sh [BUILD_DIR]     (default: the repository root)
#
# Prints the edges with -v. Exits 0 when there is no cycle, 1 when there
# is one, 2 when the objects are missing (run make first).
set -eu
. "$(dirname "$0")/lib.sh"

verbose=
case ${1:-} in
  -v) verbose=1; shift ;;
  -h|--help) sed -n '2,/^set -eu/p' "$0" | sed -e '/^set -eu/d' -e 's/^# \{0,1\}//'; exit 0 ;;
esac
build=${1:-$top}
have nm || die "needs nm (Debian package binutils)"
have tsort || die "needs tsort (Debian package coreutils)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/abridge-cycles.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# libtool's objects: libabridge/DIR/[.libs/]LIBRARY_la-NAME.o is
# libabridge/DIR/NAME.c (PIC in .libs, or beside it with --disable-shared).
find "$build/libabridge" -name '*la-*.o' | sort >"$tmp/objects"
[ -s "$tmp/objects" ] || die "no objects under $build/libabridge (run make first)"
while read -r o; do
  dir=$(dirname "$o")
  dir=${dir%/.libs}
  dir=${dir#"$build"/}
  name=$(basename "$o" .o)
  file=$dir/${name#*la-}.c
  # An object left behind by a source file since removed does not count.
  [ -f "$build/$file" ] || [ -f "$top/$file" ] || continue
  echo "$file" >>"$tmp/files"
  nm "$o" | awk -v f="$file" '$(NF - 1) == "T" { print "def", f, $NF } $1 == "U" { print "use", f, $2 }'
done <"$tmp/objects" >"$tmp/symbols"

awk '$1 == "def" { by[$3] = $2; next }
     $1 == "use" && ($3 in by) && by[$3] != $2 { print $2, by[$3], $3 }' "$tmp/symbols" "$tmp/symbols" \
  | sort -u >"$tmp/calls"
awk '{ print $1, $2 }' "$tmp/calls" | sort -u >"$tmp/edges"
[ -z "$verbose" ] || cat "$tmp/calls"

if tsort "$tmp/edges" >/dev/null 2>"$tmp/loops"; then
  echo "cycles: none among $(sort -u "$tmp/files" | wc -l) files ($(wc -l <"$tmp/edges") file-to-file call edges)"
  exit 0
fi
echo "cycles: files that call each other (tsort), with the calls along each loop:"
# tsort prints "tsort: -: input contains a loop:" and then the loop's
# files, one a line, each after "tsort: ".
awk 'NR == FNR {
       if ($0 ~ /input contains a loop/) { n++; next }
       sub(/^tsort: /, ""); files[n] = files[n] " " $0; next }
     { for (k = 1; k <= n; k++)
         if (index(files[k] " ", " " $1 " ") && index(files[k] " ", " " $2 " "))
           out[k] = out[k] "  " $1 " -> " $2 ": " $3 "\n" }
     END { for (k = 1; k <= n; k++) printf "loop %d:%s\n%s", k, files[k], out[k] }' "$tmp/loops" "$tmp/calls"
exit 1
