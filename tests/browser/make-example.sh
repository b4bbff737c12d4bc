#!/bin/sh
# Renders the example report (five short articles, one broken record) to HTML, checks it in Chromium and keeps the screenshot for docs/.
#
# Usage: tests/browser/make-example.sh [ABRIDGE [OUT.png [OUT.html]]]
#   ABRIDGE   the built command (default: ./abridge of the build tree, or $ABRIDGE)
#   OUT.png   default docs/report-example.png
#   OUT.html  where the report is kept (default: a temporary file, removed)
# Exit status: that of check-html-report.sh (abridge batch exits 3 here, by
# design: the broken record is the report's one failure).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
abridge=${1:-${ABRIDGE:-$top/abridge}}
abridge=$(cd "$(dirname "$abridge")" && pwd)/$(basename "$abridge")
png=${2:-$top/docs/report-example.png}
html=${3:-}
if [ -z "$html" ]; then
  html=${TMPDIR:-/tmp}/abridge-report-example.$$.html
  trap 'rm -f "$html"' EXIT
fi
case $png in /*) ;; *) png=$(pwd)/$png ;; esac
case $html in /*) ;; *) html=$(pwd)/$html ;; esac

# From the corpus's own directory, so the failure is named by a short id.
status=0
(cd "$here" && ABRIDGE_PLUGIN_PATH= "$abridge" batch example-articles.jsonl -q -n 2 -k 3 \
  -R html --group-by source --sort date --title "Regional news — example report" -o "$html") \
  2>/dev/null || status=$?
if [ "$status" != 3 ]; then
  echo "make-example: abridge batch exited $status, expected 3 (one failed record)" >&2
  exit 1
fi
"$here/check-html-report.sh" "$html" "$png"
