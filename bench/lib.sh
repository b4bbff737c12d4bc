# shellcheck shell=sh
# Shared by the bench/*.sh scripts (sourced, not run). Sets:
#   top      the repository root (found from this file's location)
#   abridge  the command as given: $ABRIDGE, else $top/abridge
#   abx      the program to time: for an uninstalled libtool build, the real
#            binary behind the wrapper script (with LD_LIBRARY_PATH exported),
#            so that no bash start-up is timed; else the same as $abridge
# and defines the helpers below. Needs: sh, awk, date, sort.

top=$(cd "$(dirname "$0")/.." && pwd)
bench=$top/bench
abridge=${ABRIDGE:-$top/abridge}

die () { echo "$(basename "$0"): $*" >&2; exit 2; }
note () { echo "# $*"; }

resolve_abridge () {
  [ -x "$abridge" ] || die "no abridge at $abridge (build it, or set ABRIDGE)"
  abx=$abridge
  # A libtool wrapper names itself in its first lines.
  if head -c 400 "$abridge" 2>/dev/null | grep -q 'temporary wrapper script'; then
    lt=$(dirname "$abridge")/libtool
    if [ -x "$lt" ]; then
      resolved=$("$lt" --mode=execute sh -c 'printf "%s\n%s\n" "$LD_LIBRARY_PATH" "$1"' sh "$abridge") || resolved=
      ld=$(printf '%s\n' "$resolved" | sed -n 1p)
      bin=$(printf '%s\n' "$resolved" | sed -n 2p)
      if [ -n "$bin" ] && [ -x "$bin" ]; then
        abx=$bin
        LD_LIBRARY_PATH=$ld
        export LD_LIBRARY_PATH
      fi
    fi
  fi
  "$abx" --version >/dev/null 2>&1 || die "$abx --version failed"
}

# have CMD: whether CMD is on PATH.
have () { command -v "$1" >/dev/null 2>&1; }

# try_install PROGRAM DEBIAN_PACKAGE: installs the package with apt-get when
# PROGRAM (a name on PATH, or a path) is missing and we are root; quiet; never fatal.
try_install () {
  have "$1" && return 0
  if [ "$(id -u)" = 0 ] && have apt-get; then
    note "installing Debian package $2 (for $1)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 \
           && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1; } || true
  fi
  have "$1"
}

# now_ns: a monotonic-enough clock in nanoseconds (GNU date).
now_ns () { date +%s%N; }

# median: the median of the numbers on stdin, one a line.
median () {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1;
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# time_median RUNS CMD: runs the shell command CMD (its stdout and stderr to
# /dev/null) once as a warm-up and then RUNS times, and prints "WALL CPU":
# the median wall time and the user+system CPU time in seconds (hyperfine
# reports the mean CPU time; "-" when it cannot be measured). With hyperfine
# installed (and BENCH_NO_HYPERFINE unset) hyperfine does the timing; else a
# plain loop. Fails when CMD fails.
time_median () {
  runs=$1
  shift
  if [ -z "${BENCH_NO_HYPERFINE:-}" ] && have hyperfine; then
    csv=$(mktemp)
    if ! hyperfine --style none --warmup 1 --runs "$runs" --export-csv "$csv" \
           -- "$1" >/dev/null 2>&1; then
      rm -f "$csv"
      return 1
    fi
    # command,mean,stddev,median,user,system,min,max (command may hold commas)
    awk -F, 'NR == 2 { printf "%.6f %.6f\n", $(NF - 4), $(NF - 3) + $(NF - 2) }' "$csv"
    rm -f "$csv"
  else
    sh -c "$1" >/dev/null 2>&1 || return 1
    tl=$(mktemp)
    tf=$(mktemp)
    i=0
    while [ "$i" -lt "$runs" ]; do
      t0=$(now_ns)
      if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%U %S' -o "$tf" sh -c "$1" >/dev/null 2>&1 || { rm -f "$tl" "$tf"; return 1; }
      else
        sh -c "$1" >/dev/null 2>&1 || { rm -f "$tl" "$tf"; return 1; }
        echo "- -" >"$tf"
      fi
      t1=$(now_ns)
      echo "$t0 $t1 $(tail -n 1 "$tf")" \
        | awk '{ printf "%.6f %s\n", ($2 - $1) / 1e9, ($3 == "-") ? "-" : $3 + $4 }' >>"$tl"
      i=$((i + 1))
    done
    wall=$(cut -d' ' -f1 "$tl" | median)
    cpu=$(cut -d' ' -f2 "$tl" | grep -v '^-$' | median) || cpu=-
    rm -f "$tl" "$tf"
    echo "$wall $cpu"
  fi
}

timer_name () {
  if [ -z "${BENCH_NO_HYPERFINE:-}" ] && have hyperfine; then
    hyperfine --version | head -n 1
  else
    echo "a shell loop (date +%s%N)"
  fi
}

# peak_rss_kb CMD: the peak resident set size in KiB of the shell command
# CMD (largest of it and its children, as GNU time reports it), or "-".
peak_rss_kb () {
  if [ -x /usr/bin/time ]; then
    out=$(mktemp)
    if /usr/bin/time -f %M -o "$out" sh -c "$1" >/dev/null 2>&1; then
      tail -n 1 "$out"
    else
      echo "-"
    fi
    rm -f "$out"
  else
    echo "-"
  fi
}

# kib_to_mb KIB: KiB as MiB with one decimal, or "-".
kib_to_mb () {
  case $1 in
    -|'') echo "-" ;;
    *) echo "$1" | awk '{ printf "%.1f", $1 / 1024 }' ;;
  esac
}

# machine_note: one comment line on the date, machine, and load (timings on a
# loaded machine are slower and noisier: compare the CPU column then).
machine_note () {
  note "$(date -u '+%Y-%m-%d %H:%M UTC'); $(uname -srm); $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //') x $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null); LC_ALL=${LC_ALL:-}"
}
