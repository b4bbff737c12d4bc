#!/bin/sh
# Instruction counts of the hot path, free of timing noise: callgrind runs
#   abridge -p frequency -f jsonl corpus.jsonl >/dev/null
# over a small fixed corpus (the first 200 articles of bench/corpus.sh's
# order) and once over its first article alone, and prints total Ir, the
# fixed cost (start-up, plugins, the data tables loaded with the first
# article: what one process per article pays each time), Ir per article and
# per byte of text beyond it, the cost of JSON input (the same run over the
# same texts as plain files, which have no titles), and the top 15 functions
# by inclusive and by self cost.
#
#   bench/callgrind.sh [-o FILE] [--branches] [--max-ir-per-byte N]
#                      [--max-misses-per-byte N] [ARTICLES]     (default ARTICLES: 200)
#
# -o FILE keeps the callgrind output (for callgrind_annotate or kcachegrind).
# --branches adds callgrind's branch simulation: mispredicted conditional
# branches per article and the top functions by them (a mispredicted
# branch costs some 15-20 cycles, where an instruction costs a fraction of
# one: at that price, an estimated third of the frequency path's time in
# issue 23's fourth round). The simulated predictor is not the CPU's, and
# moving code moves its counts by a few per cent: compare large
# differences only.
# --max-ir-per-byte N: exit 1 when the Ir per byte of text beyond the fixed
# cost is above N. Instruction counts are exact where times are noisy, so
# this is the regression check CI runs on the text pass (issue 23).
# --max-misses-per-byte N (implies --branches): the same for mispredicted
# conditional branches per byte of text beyond the first article.
# Environment: ABRIDGE, ABRIDGE_SHARED, PLUGINS (the -p value, default
# frequency; "default" for no -p), TOP (default 15). Installs the Debian
# package valgrind when missing and root.
set -eu
. "$(dirname "$0")/lib.sh"

keep=
max_per_byte=
max_misses=
branches=
while [ $# -gt 0 ]; do
  case $1 in
    -o) [ $# -ge 2 ] || die "-o needs a file"; keep=$2; shift 2 ;;
    --max-ir-per-byte) [ $# -ge 2 ] || die "--max-ir-per-byte needs a number"; max_per_byte=$2; shift 2 ;;
    --branches) branches=--branch-sim=yes; shift ;;
    --max-misses-per-byte) [ $# -ge 2 ] || die "--max-misses-per-byte needs a number"
      max_misses=$2; branches=--branch-sim=yes; shift 2 ;;
    -h|--help) sed -n '2,/^set -eu/p' "$0" | sed -e '/^set -eu/d' -e 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1" ;;
    *) break ;;
  esac
done
n=${1:-200}
plugins=${PLUGINS:-frequency}
top_n=${TOP:-15}
LC_ALL=${BENCH_LOCALE:-C.UTF-8}
export LC_ALL

resolve_abridge
try_install valgrind valgrind || die "needs valgrind (Debian package valgrind)"
have callgrind_annotate || die "needs callgrind_annotate (Debian package valgrind)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/abridge-callgrind.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
c=$tmp/corpus
"$bench/corpus.sh" --articles "$n" 1000 "$c"
. "$c/corpus.info"
[ "$articles" = "$n" ] || die "the corpus has $articles articles, not $n"
[ "$n" -ge 2 ] || die "ARTICLES must be at least 2"
head -n 1 "$c/corpus.jsonl" >"$tmp/one.jsonl"

if [ "$plugins" = default ]; then set -- -f jsonl; else set -- -p "$plugins" -f jsonl; fi
cmdline="abridge $* corpus.jsonl"

run_cg () {
  out=$1
  shift
  valgrind --tool=callgrind ${branches:+"$branches"} --callgrind-out-file="$out" "$abx" "$@" \
    >/dev/null 2>"$tmp/vg.log" \
    || { cat "$tmp/vg.log" >&2; die "valgrind failed: $abx $*"; }
}
run_cg "$tmp/cg.one" "$@" "$tmp/one.jsonl"
run_cg "$tmp/cg.out" "$@" "$c/corpus.jsonl"
(cd "$c/txt" && run_cg "$tmp/cg.txt" "$@" --input-format text ./*.txt)
valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.wc" wc -w "$c/corpus.txt" >/dev/null 2>&1 \
  || die "valgrind failed on wc -w"
[ -z "$keep" ] || cp "$tmp/cg.out" "$keep"

total_of () { callgrind_annotate --auto=no "$1" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1; exit }'; }
total=$(total_of "$tmp/cg.out")
one=$(total_of "$tmp/cg.one")
txt=$(total_of "$tmp/cg.txt")
wc_ir=$(total_of "$tmp/cg.wc")

# "IR (PCT%)  FILE:FUNCTION [OBJECT]" -> "IR<TAB>FUNCTION<TAB>WHERE", the
# same function once (the plugins show up both with and without a file).
table () {
  callgrind_annotate --auto=no "$@" 2>/dev/null | awk '
    /^-+$/ { dash++; next }
    /PROGRAM TOTALS/ { next }
    dash >= 4 && /^ *[0-9][0-9,]* / {
      ir = $1; gsub(",", "", ir)
      line = $0; sub(/^ *[0-9,]+ +\( *[0-9.]+%\) +/, "", line)
      obj = ""
      if (match(line, / \[[^]]*\]$/)) { obj = substr(line, RSTART + 2, RLENGTH - 3); line = substr(line, 1, RSTART - 1) }
      fn = line; file = ""
      if ((i = index(line, ":")) > 0 && line !~ /^0x/) { file = substr(line, 1, i - 1); fn = substr(line, i + 1) }
      sub(/.*\//, "", file); sub(/.*\//, "", obj)
      where = (file != "" && file != "???") ? file : obj
      if (fn in seen) next
      seen[fn] = 1
      print ir "\t" fn "\t" where
    }'
}
# Start-up frames that say nothing: the loader's entry, libc start, main.
skip='^(\(below main\)|__libc_start_main.*|__libc_start_call_main|main|_start)$'

echo
note "$(date -u '+%Y-%m-%d %H:%M UTC'); $(uname -srm); $(valgrind --version)"
note "$("$abx" --version) at $abx"
note "corpus: $articles articles, $text_bytes bytes of text, jsonl sha256 $sha_jsonl"
echo
echo "callgrind: $cmdline"
per=$(awk -v t="$total" -v o="$one" -v n="$articles" 'BEGIN { printf "%.0f", (t - o) / (n - 1) }')
fixed=$(awk -v o="$one" -v p="$per" 'BEGIN { printf "%.0f", o - p }')
awk -v t="$total" -v f="$fixed" -v p="$per" -v n="$articles" -v b="$text_bytes" 'BEGIN {
  printf "  total Ir                 %15.0f   (%d articles)\n", t, n
  printf "  Ir per article           %15.0f   ((total - Ir of the first article alone) / %d)\n", p, n - 1
  printf "  fixed Ir per process     %15.0f   (first article alone - Ir per article: start-up, data tables)\n", f
  printf "  Ir per byte of text      %15.1f   (beyond the fixed cost)\n", (t - f) / b
}'
awk -v t="$total" -v w="$wc_ir" -v b="$text_bytes" 'BEGIN {
  printf "  wc -w, same text         %15.0f   (%.1f Ir per byte; abridge runs %.1fx as many instructions;\n", w, w / b, t / w
  printf "                                             1/5 of wc -w'"'"'s speed is about 5x at the same IPC)\n"
}'
incl () { table --inclusive=yes "$tmp/cg.out" | awk -F'\t' -v f="$1" '$2 == f { print $1; found = 1; exit } END { if (!found) print 0 }'; }
parse=$(incl abridge_record_parse)
title=$(incl comparable)
awk -v p="$parse" -v c="$title" -v t="$total" -v x="$txt" 'BEGIN {
  printf "  same texts as files      %15.0f   (--input-format text, no titles)\n", x
  printf "  JSONL input costs        %15.0f   (%.1f%% of the JSONL run), of which JSON parsing\n", t - x, 100 * (t - x) / t
  printf "                                             (abridge_record_parse) %.1f%% and title-repeat checks (comparable,\n", 100 * p / t
  printf "                                             only with titles) %.1f%%, less the cost of opening files\n", 100 * c / t
}'

show () {
  awk -F'\t' -v t="$total" -v k="$top_n" -v skip="$skip" '
    $2 ~ skip || ($2 ~ /^0x/ && $3 ~ /^ld-linux/) { next }
    ++m <= k { printf "  %15s %6.2f%%  %-44s %s\n", $1, 100 * $1 / t, $2, $3 }'
}
echo
echo "top $top_n by inclusive Ir (share of total):"
table --inclusive=yes "$tmp/cg.out" | show
echo
echo "top $top_n by self Ir (share of total):"
table "$tmp/cg.out" | show

if [ -n "$branches" ]; then
  # The columns: Ir, Bc, Bcm, Bi, Bim, each with its share, which goes.
  bcm_of () { callgrind_annotate --auto=no "$1" 2>/dev/null | awk '/PROGRAM TOTALS/ {
    gsub(/\( *[0-9.]+%\)/, ""); $0 = $0; gsub(",", "", $3); print $3; exit }'; }
  bcm=$(bcm_of "$tmp/cg.out")
  bcm_one=$(bcm_of "$tmp/cg.one")
  echo
  awk -v t="$bcm" -v o="$bcm_one" -v n="$articles" -v b="$text_bytes" 'BEGIN {
    printf "mispredicted conditional branches: %.0f in all, %.0f per article beyond the first (%.3f per byte)\n",
           t, (t - o) / (n - 1), (t - o) / (n - 1) * n / b
  }'
  echo "top $top_n by mispredicted conditional branches (self):"
  callgrind_annotate --auto=no --sort=Bcm "$tmp/cg.out" 2>/dev/null | awk -v k="$top_n" '
    /^-+$/ { dash++; next }
    /PROGRAM TOTALS/ { next }
    dash >= 4 && /^ *[0-9][0-9,]* / && ++m <= k {
      gsub(/\( *[0-9.]+%\)/, ""); $0 = $0
      bcm = $3; gsub(",", "", bcm); f = $NF; obj = ""
      if (f ~ /^\[/) { obj = f; f = $(NF - 1); gsub(/^\[.*\/|\]$/, "", obj) }
      sub(/.*\//, "", f)
      if (f ~ /^\?\?\?/) f = f " " obj
      printf "  %12s  %s\n", bcm, f
    }'
fi

if [ -n "$max_misses" ]; then
  echo
  awk -v t="$bcm" -v o="$bcm_one" -v n="$articles" -v b="$text_bytes" -v m="$max_misses" 'BEGIN {
    r = (t - o) / (n - 1) * n / b
    printf "gate: %.3f mispredicted branches per byte of text, must be <= %s: %s\n", r, m, r <= m ? "pass" : "FAIL"
    exit r <= m ? 0 : 1
  }' || exit 1
fi

if [ -n "$max_per_byte" ]; then
  echo
  awk -v t="$total" -v f="$fixed" -v b="$text_bytes" -v m="$max_per_byte" 'BEGIN {
    r = (t - f) / b
    printf "gate: %.1f Ir per byte of text, must be <= %s: %s\n", r, m, r <= m ? "pass" : "FAIL"
    exit r <= m ? 0 : 1
  }'
fi
