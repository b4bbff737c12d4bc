#!/bin/sh
# abridge batch on all cores: articles/s and MB/s with -j 1 and -j 2 (the
# scaling must be at least 1.7x on a 2-core machine), and peak RSS for 1,000
# and 100,000 articles (within 2x: memory must not grow with the corpus).
#
#   bench/batch.sh [--gate] [N_MB]     (default 20; ABRIDGE, ABRIDGE_SHARED as in lib.sh)
# --gate exits 1 when a target is missed. The corpora are built at run time
# by bench/corpus.sh and removed afterwards.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
abridge=${ABRIDGE:-$top/abridge}
resolve_abridge
gate=0
[ "${1:-}" = --gate ] && { gate=1; shift; }
mb=${1:-20}
work=$(mktemp -d "${TMPDIR:-/tmp}/abridge-batch.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

"$top/bench/corpus.sh" --jsonl-only "$mb" "$work/speed" >/dev/null
. "$work/speed/corpus.info"
run () { echo "$abridge batch -q -j $1 -R jsonl -o /dev/null $2"; }

echo "abridge batch over $articles articles, $text_bytes bytes of text (bench/corpus.sh $mb)"
printf '%-6s %9s %9s %10s %9s\n' jobs "wall s" "MB/s" "articles/s" "peak MiB"
w1=
for j in 1 2; do
  t=$(time_median 3 "$(run "$j" "$work/speed/corpus.jsonl")" | cut -d' ' -f1)
  rss=$(peak_rss_kb "$(run "$j" "$work/speed/corpus.jsonl")")
  [ -n "$w1" ] || w1=$t
  echo "$j $t $text_bytes $articles $rss" | awk '{ printf "-j %-3s %9.3f %9.2f %10.0f %9.1f\n", $1, $2, $3 / $2 / 1e6, $4 / $2, $5 / 1024 }'
  w2=$t
done
scaling=$(echo "$w1 $w2" | awk '{ printf "%.2f", $1 / $2 }')
echo "scaling -j 1 -> -j 2: ${scaling}x (target >= 1.7 on 2 cores; nproc here: $(nproc))"

# Memory against corpus size: 1,000 and 100,000 articles, all cores.
"$top/bench/corpus.sh" --jsonl-only --articles 1000 1000 "$work/small" >/dev/null
"$top/bench/corpus.sh" --jsonl-only --articles 100000 1000 "$work/large" >/dev/null
r1=$(peak_rss_kb "$(run 2 "$work/small/corpus.jsonl")")
r2=$(peak_rss_kb "$(run 2 "$work/large/corpus.jsonl")")
ratio=$(echo "$r1 $r2" | awk '{ printf "%.2f", $2 / $1 }')
echo "peak RSS, -j 2: 1,000 articles $(kib_to_mb "$r1") MiB, 100,000 articles $(kib_to_mb "$r2") MiB: ${ratio}x (target <= 2)"

if [ "$gate" = 1 ]; then
  echo "$scaling $ratio" | awk '{ exit !($1 >= 1.7 && $2 <= 2) }' || { echo "batch: target missed"; exit 1; }
fi
