#!/bin/sh
# Main-content extraction on the shared HTML dev pages: `abridge extract`
# on every page, scored with the article-extraction-benchmark's own metric
# (4-word shingle precision, recall, F1) by ../shared/tools/extraction_score.py,
# separately for the benchmark pages (article-extraction-benchmark, the
# number to compare with the published table) and newspaper's test pages
# (weaker references).
#
# Usage: bench/extraction.sh [ABRIDGE] [CORPUS]
#   ABRIDGE  the abridge binary (default ./abridge, else `abridge`)
#   CORPUS   default ../shared/corpus/html-dev.jsonl.gz (from the repository root)
# Environment:
#   EXTRACTION_MIN_F1=0.93    exit 1 when the benchmark pages' F1 is lower (CI gate)
#   EXTRACTION_PER_DOC=FILE   keep each page's scores (JSONL, with the page's url)
#   EXTRACTION_KEEP=DIR       keep the pages and predictions in DIR
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
abridge=${1:-}
if [ -z "$abridge" ]; then
  if [ -x ./abridge ]; then abridge=./abridge; else abridge=abridge; fi
fi
corpus=${2:-$root/../shared/corpus/html-dev.jsonl.gz}
scorer=${EXTRACTION_SCORER:-$root/../shared/tools/extraction_score.py}
[ -r "$corpus" ] || { echo "extraction.sh: no corpus $corpus" >&2; exit 2; }
[ -r "$scorer" ] || { echo "extraction.sh: no scorer $scorer" >&2; exit 2; }

if [ -n "${EXTRACTION_KEEP:-}" ]; then
  tmp=$EXTRACTION_KEEP
  mkdir -p "$tmp"
else
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/abridge-extraction.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT INT TERM
fi

python3 "$here/extraction_run.py" "$abridge" "$corpus" "$scorer" "$tmp" \
  "${EXTRACTION_MIN_F1:-0}" "${EXTRACTION_PER_DOC:-}"
