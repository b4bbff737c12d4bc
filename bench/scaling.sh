#!/bin/sh
# Memory must stay flat and time grow linearly with the corpus: peak RSS and
# wall time of `abridge [-p SET] -f jsonl corpus.jsonl >/dev/null` on
# bench/corpus.sh corpora of 1x, 10x and 100x a base size.
#
#   bench/scaling.sh [BASE_MB]      (default 2: 2, 20 and 200 MB of text)
#
# Each size is timed $RUNS times (default 3; once at the largest factor) and
# the median wall time is kept, with the largest peak RSS (GNU time's %M).
# Environment: ABRIDGE, ABRIDGE_SHARED, RUNS, FACTORS (default "1 10 100"),
# SETS (the -p values, default "frequency default"; "default" means no -p),
# BENCH_LOCALE (default C.UTF-8). Needs /usr/bin/time (Debian package time,
# installed when missing and root). Corpora go to a temporary directory,
# removed at exit.
set -eu
. "$(dirname "$0")/lib.sh"

case ${1:-} in -h|--help) sed -n '2,/^set -eu/p' "$0" | sed -e '/^set -eu/d' -e 's/^# \{0,1\}//'; exit 0 ;; esac
base=${1:-2}
runs=${RUNS:-3}
factors=${FACTORS:-1 10 100}
sets=${SETS:-frequency default}
LC_ALL=${BENCH_LOCALE:-C.UTF-8}
export LC_ALL

resolve_abridge
try_install /usr/bin/time time || die "needs /usr/bin/time (Debian package time)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/abridge-scaling.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
TMPDIR=$tmp
export TMPDIR

largest=$(for f in $factors; do echo "$f"; done | sort -g | tail -n 1)
results=$tmp/results
: >"$results"
for f in $factors; do
  size=$(awk -v b="$base" -v f="$f" 'BEGIN { print b * f }')
  c=$tmp/corpus
  "$bench/corpus.sh" --jsonl-only "$size" "$c" | sed -n 1p
  . "$c/corpus.info"
  k=$runs
  [ "$f" != "$largest" ] || k=1
  for set in $sets; do
    if [ "$set" = default ]; then opt=; else opt="-p $set"; fi
    printf '  %-10s %4sx  %s run(s) ...' "$set" "$f" "$k" >&2
    : >"$tmp/runs"
    i=0
    while [ "$i" -lt "$k" ]; do
      t0=$(now_ns)
      # shellcheck disable=SC2086
      /usr/bin/time -f '%M %U %S' -o "$tmp/time" "$abx" $opt -f jsonl "$c/corpus.jsonl" >/dev/null \
        || die "failed: $abx $opt -f jsonl corpus.jsonl"
      t1=$(now_ns)
      echo "$t0 $t1 $(tail -n 1 "$tmp/time")" \
        | awk '{ printf "%.6f %s %.2f\n", ($2 - $1) / 1e9, $3, $4 + $5 }' >>"$tmp/runs"
      i=$((i + 1))
    done
    wall=$(cut -d' ' -f1 "$tmp/runs" | median)
    cpu=$(cut -d' ' -f3 "$tmp/runs" | median)
    rss=$(cut -d' ' -f2 "$tmp/runs" | sort -g | tail -n 1)
    printf ' %.2f s\n' "$wall" >&2
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$set" "$f" "$text_bytes" "$articles" "$wall" "$cpu" "$rss" "$k" >>"$results"
  done
  rm -rf "$c"
done

echo
machine_note
note "$("$abx" --version) at $abx"
echo "Scaling: abridge [-p SET] -f jsonl corpus.jsonl, base $base MB; median wall time of the runs, largest peak RSS"
awk -F'\t' '
  BEGIN {
    f = "%-10s %6s %9s %9s %5s %9s %8s %7s %12s %9s\n"
    printf f, "set", "scale", "text MB", "articles", "runs", "median s", "CPU s", "MB/s", "us/article", "peak MiB"
    printf f, "----------", "------", "---------", "---------", "-----", "---------", "--------", "-------", "------------", "---------"
  }
  {
    printf "%-10s %5sx %9.1f %9d %5d %9.2f %8.2f %7.2f %12.0f %9.1f\n", $1, $2, $3 / 1e6, $4, $8, $5, $6, $3 / 1e6 / $5, 1e6 * $5 / $4, $7 / 1024
    if (!($1 in first)) { first[$1] = NR; order[++nsets] = $1 }
    last[$1] = NR; t[NR] = $5; c[NR] = $6; n[NR] = $4; rss[NR] = $7; sc[NR] = $2
  }
  END {
    print ""
    for (i = 1; i <= nsets; i++) {
      s = order[i]; a = first[s]; b = last[s]
      if (a == b) continue
      tr = t[b] / t[a]; cr = c[b] / c[a]; nr = n[b] / n[a]; rr = rss[b] / rss[a]
      # CPU time decides: wall time moves with the load of a shared machine.
      printf "%-10s %sx -> %sx: articles x%.1f, CPU time x%.1f (per article x%.2f: %s; wall x%.1f), peak RSS x%.2f (%.1f -> %.1f MiB: %s)\n", \
        s, sc[a], sc[b], nr, cr, cr / nr, (cr / nr < 1.25) ? "linear" : "NOT linear", tr, \
        rr, rss[a] / 1024, rss[b] / 1024, (rr < 1.5) ? "flat" : "NOT flat"
    }
  }' "$results"

note "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
