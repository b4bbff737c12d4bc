#!/bin/sh
# Checks an HTML report in a real browser: nothing is loaded from elsewhere, every TOC link lands on its section, nothing scrolls sideways at a phone's width, and a screenshot is not blank.
#
# Usage: tests/browser/check-html-report.sh REPORT.html OUT.png
#
# Installs nothing: it needs chromium, node (>= 18) and python3 (CI installs
# Debian's chromium and nodejs). Three checks, each printing why it failed:
#  1. static (check-report.py static): no src=, no href= outside "#…" but an
#     article's http(s) URL with rel="noopener noreferrer", no element that
#     loads or embeds, no url()/@import in the CSS, no <script>,
#     <meta charset="utf-8">, a viewport meta tag, lang="en", @media print,
#     links and ids one to one.
#  2. in Chromium (cdp-check.js), over the DevTools protocol on a pipe: every
#     request the page makes (Network.requestWillBeSent) must be the report
#     itself, and no load may be refused (Log.entryAdded, which is where a
#     blocked load shows when no request is made); every TOC link is clicked
#     and its target must then be at the top of the viewport. The browser runs
#     behind a dead proxy and resolver, so nothing could leave anyway.
#     The DOM is checked after the browser parsed it, which a grep cannot do.
#     Then, laid out as on a 360 px phone, the page must be no wider than the
#     screen (the elements that stick out are named).
#  3. the screenshot (1000x1400, taken by the same browser) is decoded
#     (check-report.py png) and must have many colours and some ink.
# Exit status: 0 when all pass, 1 when a check fails, 2 on a usage or setup error.
set -u

here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ne 2 ]; then
  echo "usage: $0 REPORT.html OUT.png" >&2
  exit 2
fi
report=$1
png=$2
[ -r "$report" ] || { echo "check-html-report: cannot read $report" >&2; exit 2; }

chromium=${CHROMIUM:-}
if [ -z "$chromium" ]; then
  for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then chromium=$(command -v "$c"); break; fi
  done
fi
missing=
[ -n "$chromium" ] || missing="$missing chromium"
command -v node >/dev/null 2>&1 || missing="$missing node"
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
if [ -n "$missing" ]; then
  echo "check-html-report: not found:$missing (Debian: apt-get install chromium nodejs python3)" >&2
  exit 2
fi

status=0
echo "== static check of $report"
python3 "$here/check-report.py" static "$report" || status=1

echo "== in Chromium: requests, TOC links, screenshot"
rm -f "$png"
node "$here/cdp-check.js" "$chromium" "$report" "$png" || status=1

echo "== screenshot $png"
if [ -s "$png" ]; then
  python3 "$here/check-report.py" png "$png" || status=1
else
  echo "FAIL: no screenshot was written" >&2
  status=1
fi

if [ "$status" = 0 ]; then
  echo "check-html-report: $report passed"
else
  echo "check-html-report: $report FAILED" >&2
fi
exit "$status"
