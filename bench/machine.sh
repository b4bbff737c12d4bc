#!/bin/sh
# Whether the cores of this machine slow each other down, and through what:
# bench/machine.c's random reads over 4 KiB (arithmetic), 256 KiB (the
# core's own caches) and 16 MiB (shared cache and memory), on each CPU
# alone and on all of them at once (taskset). On a virtual machine the
# answer changes by the hour; read it next to bench/batch.sh's scaling,
# on an otherwise idle machine.
#
#   bench/machine.sh [ROUNDS]     (default 4; needs cc and taskset)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
have taskset || die "needs taskset (util-linux)"
rounds=${1:-4}
work=$(mktemp -d "${TMPDIR:-/tmp}/abridge-machine.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
"${CC:-cc}" -O2 -o "$work/machine" "$bench/machine.c" || die "cannot compile bench/machine.c"
cpus=$(seq 0 $(($(nproc) - 1)))

echo "random reads, 10^8 a run; seconds: each CPU alone, then all at once (median of $rounds rounds)"
for words in 1024 65536 4194304; do
  : >"$work/alone"
  i=0
  while [ "$i" -lt "$rounds" ]; do
    for c in $cpus; do
      taskset -c "$c" "$work/machine" "$words" | awk -v c="$c" '{ print c, $1 }' >>"$work/alone"
    done
    for c in $cpus; do
      taskset -c "$c" "$work/machine" "$words" | awk -v c="$c" '{ print c, $1 }' >>"$work/together.$c" &
    done
    wait
    i=$((i + 1))
  done
  for c in $cpus; do
    a=$(awk -v c="$c" '$1 == c { print $2 }' "$work/alone" | median)
    t=$(awk '{ print $2 }' "$work/together.$c" | median)
    rm -f "$work/together.$c"
    echo "$words $c $a $t"
  done | awk '{ kib = $1 * 4 / 1024; printf "%8d KiB  cpu %s  alone %.3f s  together %.3f s  x%.2f\n", kib, $2, $3, $4, $4 / $3 }'
done
