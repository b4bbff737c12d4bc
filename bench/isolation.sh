#!/bin/sh
# What worker processes cost, and how work reaches the workers.
#
#   bench/isolation.sh [N_MB]     (default 20; ABRIDGE, ABRIDGE_SHARED as in lib.sh)
#   PLUGINS=centrality bench/isolation.sh     (the -p of part 1; default: the default)
#
# 1. `abridge batch -R jsonl` over the benchmark corpus (bench/corpus.sh N,
#    the default plugin), -j 1 and -j 2, with the plugins in the worker
#    threads (as for the shipped plugins) and in worker processes
#    (--isolate, as for any other): wall and CPU (user + system, the worker
#    processes included) seconds, medians of ROUNDS (default 5)
#    interleaved rounds, and the reports compared byte for byte. With
#    BASELINE=/path/to/another/abridge, its threaded runs join each round
#    (the work distribution before and after).
# 2. Eight slow articles (the test plugin "slow", 1 s a rank(), from
#    tests/fixtures/fatal: run `make check` first) at -j 1, 2, 4 and 8, in
#    threads and in processes (and BASELINE's threads): N slow articles
#    must take about 8/N s, not 8 s.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
abridge=${ABRIDGE:-$top/abridge}
resolve_abridge
mb=${1:-20}

work=$(mktemp -d "${TMPDIR:-/tmp}/abridge-isolation.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
base=${BASELINE:-}
[ -z "$base" ] || [ -x "$base" ] || die "no baseline abridge at $base"
have /usr/bin/time || try_install /usr/bin/time time || die "needs GNU time (Debian: time)"

"$top/bench/corpus.sh" --jsonl-only "$mb" "$work/speed" >/dev/null
. "$work/speed/corpus.info"
corpus=$work/speed/corpus.jsonl
rounds=${ROUNDS:-5} # after corpus.info, which has a rounds= of its own

# timed NAME CMD...: runs CMD, appends "WALL CPU" to $work/NAME.
timed () {
  name=$1
  shift
  /usr/bin/time -f '%e %U %S' -o "$work/t" "$@" >/dev/null 2>&1 || die "failed: $*"
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$work/t" >>"$work/$name"
}

plugin=${PLUGINS:+-p $PLUGINS}
configs="threads iso"
[ -n "$base" ] && configs="$configs base"
run_config () { # CONFIG J OUT
  case $1 in
    # shellcheck disable=SC2086
    threads) timed "$1-$2" "$abx" batch -q -j "$2" $plugin -R jsonl -o "$3" "$corpus" ;;
    # shellcheck disable=SC2086
    iso) timed "$1-$2" "$abx" batch -q -j "$2" $plugin --isolate -R jsonl -o "$3" "$corpus" ;;
    # shellcheck disable=SC2086
    base) timed "$1-$2" "$base" batch -q -j "$2" $plugin -R jsonl -o "$3" "$corpus" ;;
  esac
}

run_config threads 2 "$work/warm.jsonl"
i=0
while [ "$i" -lt "$rounds" ]; do
  for j in 1 2; do
    for c in $configs; do run_config "$c" "$j" "$work/$c-$j.jsonl"; done
  done
  i=$((i + 1))
done

echo "abridge batch ${plugin:--p (default)} -R jsonl over $articles articles, $text_bytes bytes (bench/corpus.sh $mb), median of $rounds interleaved rounds"
printf '%-34s %8s %8s %10s %9s\n' "" "wall s" "CPU s" "articles/s" "vs threads"
for j in 1 2; do
  tw=$(cut -d' ' -f1 "$work/threads-$j" | median)
  tc=$(cut -d' ' -f2 "$work/threads-$j" | median)
  for c in $configs; do
    w=$(cut -d' ' -f1 "$work/$c-$j" | median)
    cpu=$(cut -d' ' -f2 "$work/$c-$j" | median)
    case $c in
      threads) label="-j $j, threads" ;;
      iso) label="-j $j, worker processes (--isolate)" ;;
      base) label="-j $j, threads, BASELINE" ;;
    esac
    echo "$label|$w|$cpu|$articles|$tw|$tc" | awk -F'|' '{ printf "%-34s %8.2f %8.2f %10.0f %+8.1f%% wall, %+.1f%% CPU\n", $1, $2, $3, $4 / $2, 100 * ($2 / $5 - 1), 100 * ($3 / $6 - 1) }'
  done
  if cmp -s "$work/threads-$j.jsonl" "$work/iso-$j.jsonl"; then
    echo "  -j $j: the two reports are the same bytes"
  else
    echo "  -j $j: THE REPORTS DIFFER"
  fi
done

# ---- slow articles ------------------------------------------------------------------
fatal=$top/tests/fixtures/fatal/.libs
if [ ! -f "$fatal/fatal.so" ]; then
  note "no $fatal/fatal.so (run make check): slow articles skipped"
  exit 0
fi
mkdir "$work/slow"
for n in 1 2 3 4 5 6 7 8; do
  printf 'Slow article %d. It takes a second to rank. Then it ends.\n' "$n" >"$work/slow/$n.txt"
done
echo
echo "eight articles of 1 s each (-p slow), wall seconds"
printf '%-8s %9s %9s' "" threads processes
[ -n "$base" ] && printf ' %9s' BASELINE
echo
for j in 1 2 4 8; do
  printf '%-8s' "-j $j"
  for c in $configs; do
    case $c in
      threads) set -- "$abx" batch --no-isolate ;;
      iso) set -- "$abx" batch --isolate ;;
      base) set -- "$base" batch ;;
    esac
    /usr/bin/time -f '%e' -o "$work/t" "$@" -q -j "$j" -R jsonl -o /dev/null -p slow \
      --plugin-dir "$fatal" "$work/slow" >/dev/null 2>&1 || die "failed: $*"
    printf ' %9.2f' "$(cat "$work/t")"
  done
  echo
done
