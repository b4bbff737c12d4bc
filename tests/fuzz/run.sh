#!/bin/sh
# Builds the libFuzzer targets and runs each for SECONDS:
#
#   tests/fuzz/run.sh SECONDS [BUILD_DIR]
#
# BUILD_DIR (default: the current directory if it holds config.h, else the
# source tree) is a configured and built tree. For each target, first
# every input of tests/fuzz/regressions/TARGET/ is replayed (past findings
# stay fixed), then the target fuzzes for SECONDS from a corpus kept in
# BUILD_DIR/tests/fuzz/work/corpus/TARGET, seeded at run time from the test
# data (tests/fixtures/articles, data/samples; tests/fixtures/html for the
# html target) and tests/fuzz/seeds/TARGET.
# Exits non-zero on any finding, printing the reproducer's path; make each
# finding a regression input: copy it to tests/fuzz/regressions/TARGET/ and
# describe it in tests/fuzz/regressions/README.md.
#
# Targets run one at a time. Environment: FUZZ_TARGETS (default: all, e.g.
# "document record"), FUZZ_ARGS (extra libFuzzer flags), FUZZ_NO_BUILD=1
# (reuse the binaries).
set -u

srcdir=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
if [ $# -ge 2 ]; then build=$2
elif [ -f config.h ]; then build=.
else build=$srcdir
fi
build=$(cd "$build" && pwd)
out=$build/tests/fuzz/out
work=$build/tests/fuzz/work
fuzzdir=$srcdir/tests/fuzz

case $seconds in *[!0-9]*|'') echo "usage: $0 SECONDS [BUILD_DIR]" >&2; exit 2 ;; esac

if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  "$fuzzdir/build.sh" "$build" "$out" || { echo "fuzz: build failed" >&2; exit 2; }
fi
targets=${FUZZ_TARGETS:-$(cd "$fuzzdir" && ls fuzz-*.c | sed 's/^fuzz-//; s/\.c$//')}

# ---- seeds, built from the test data at run time ----------------------------
seeds=$work/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
articles=$(ls "$srcdir"/tests/fixtures/articles/*.txt "$srcdir"/data/samples/*.txt 2>/dev/null)
for t in $targets; do
  mkdir -p "$seeds/$t"
  [ -d "$fuzzdir/seeds/$t" ] && cp "$fuzzdir/seeds/$t"/* "$seeds/$t/" 2>/dev/null
  case $t in
    document|segment|quotes)
      for a in $articles; do cp "$a" "$seeds/$t/"; done ;;
  esac
  case $t in
    segment|quotes)
      # Each paragraph of each article on its own, too.
      for a in $articles; do
        awk -v dir="$seeds/$t" -v base="$(basename "$a" .txt)" '
          /^[ \t\r]*$/ { if (n) close(f); n = 0; next }
          { if (!n) { p++; f = sprintf("%s/%s-p%03d", dir, base, p) } print > f; n++ }
        ' "$a"
      done ;;
    html)
      # The test pages (tests/fixtures/html) are the seeds' start.
      cp "$srcdir"/tests/fixtures/html/* "$seeds/$t/" 2>/dev/null ;;
    record)
      # Each line of the JSONL fixtures is a record.
      for j in "$srcdir"/tests/fixtures/articles/*.jsonl; do
        [ -f "$j" ] || continue
        awk -v dir="$seeds/$t" -v base="$(basename "$j" .jsonl)" \
          'length($0) { f = sprintf("%s/%s-%03d", dir, base, NR); printf "%s", $0 > f; close(f) }' "$j"
      done ;;
  esac
done

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export ABRIDGE_PLUGIN_PATH=

status=0
summary=
for t in $targets; do
  bin=$out/fuzz-$t
  corpus=$work/corpus/$t
  artifacts=$work/artifacts/$t
  log=$work/fuzz-$t.log
  mkdir -p "$corpus" "$artifacts"
  rm -f "$artifacts"/*
  case $t in segment|quotes) d=document ;; *) d=$t ;; esac
  dict=
  [ -f "$fuzzdir/$d.dict" ] && dict=-dict=$fuzzdir/$d.dict

  # Past findings first: one that fails again fails the run, but the target
  # still fuzzes, to look for others.
  regressed='' n_regs=0
  : >"$work/regress-$t.log"
  for r in "$fuzzdir/regressions/$t"/*; do
    [ -f "$r" ] || continue
    n_regs=$((n_regs + 1))
    if ! "$bin" -timeout=10 -rss_limit_mb=2048 "$r" >>"$work/regress-$t.log" 2>&1; then
      echo "FAIL fuzz-$t: regression input $r fails again:"
      grep -E 'ERROR|runtime error|fuzz invariant' "$work/regress-$t.log" | tail -2
      status=1
      regressed="$regressed (REGRESSION: $(basename "$r") fails again)"
    fi
  done
  [ "$n_regs" -eq 0 ] || [ -n "$regressed" ] || echo "fuzz-$t: $n_regs regression input(s) pass"

  echo "fuzz-$t: fuzzing for ${seconds}s (log $log)"
  # shellcheck disable=SC2086
  # Pages and lines long enough to nest past every limit (512 levels of
  # JSON or elements, 256 attributes) many times over.
  case $t in html|record) max_len=${FUZZ_MAX_LEN:-262144} ;; *) max_len=${FUZZ_MAX_LEN:-65536} ;; esac
  "$bin" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" $dict ${FUZZ_ARGS:-} \
    "$corpus" "$seeds/$t" >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  found=$(ls "$artifacts" 2>/dev/null | head -1)
  if [ $rc -ne 0 ] || [ -n "$found" ]; then
    status=1
    echo "FAIL fuzz-$t (exit $rc):"
    grep -E '^(==[0-9]+==ERROR|SUMMARY)|runtime error|fuzz invariant|Test unit written' "$log" | head -6
    for a in "$artifacts"/*; do
      [ -f "$a" ] && echo "  reproducer: $a  (replay: $bin $a)"
    done
    summary="$summary
fuzz-$t: FAIL after ${execs:-?} runs (${rate:-?}/s)$regressed"
  else
    summary="$summary
fuzz-$t: ok, ${execs:-?} runs in ${seconds}s (${rate:-?}/s), corpus $(ls "$corpus" | wc -l)$regressed"
  fi
done
echo "== fuzz summary$summary"
exit $status
