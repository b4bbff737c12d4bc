#!/bin/sh
# abridge batch end to end: reports in every format, failures that never
# stop the run (exit 3), the same bytes whatever -j is, output written
# whole or not at all, article ids that never become paths.
: "${top_srcdir:=.}"
: "${top_builddir:=$top_srcdir}"
: "${ABRIDGE:=$top_builddir/abridge}"
case $top_srcdir in /*) ;; *) top_srcdir=$(cd "$top_srcdir" && pwd) ;; esac
case $ABRIDGE in /*) ;; *) ABRIDGE=$PWD/$ABRIDGE ;; esac
. "$top_srcdir/tests/cli/tap.sh"
[ -x "$ABRIDGE" ] || bail_out "no abridge to test at $ABRIDGE"
ABRIDGE_PLUGIN_PATH=
export ABRIDGE_PLUGIN_PATH
unset ABRIDGE_PLUGIN_SYSTEM_PATH

FIX=$top_srcdir/tests/fixtures/articles
cd "$TAP_TMP" || bail_out "cannot cd to $TAP_TMP"

# A corpus of 60 records: the fixture articles over and over, one broken
# line, one empty text, and an id that looks like a path.
i=0
while [ "$i" -lt 20 ]; do
  cat "$FIX/articles.jsonl"
  i=$((i + 1))
done > corpus.jsonl
printf '%s\n' '{"id": "broken", "text": ' >> corpus.jsonl
printf '%s\n' '{"id": "empty", "text": ""}' >> corpus.jsonl
printf '%s\n' '{"id": "../../etc/passwd", "title": "<script>alert(1)</script> & co", "text": "The council met on Monday. It approved the budget."}' >> corpus.jsonl

run "$ABRIDGE" batch -q -j 1 -R jsonl -o one.jsonl corpus.jsonl
is "$rc" 3 "a batch with failed articles exits 3"
is "$(wc -l < one.jsonl | tr -d ' ')" 63 "every record, failed or not, is in the JSONL report"
like "$err" "abridge: empty: " "a failed article is reported on stderr with its id"
ok "the broken line is a failure, not the end of the run" grep -q '"id":"corpus.jsonl:61"' one.jsonl
ok "no file is made from an article id" test ! -e ../../etc/passwd.html -a ! -e passwd

run "$ABRIDGE" batch -q -j 2 -R jsonl -o two.jsonl corpus.jsonl
ok "the report is the same bytes with -j 1 and -j 2" cmp -s one.jsonl two.jsonl
run "$ABRIDGE" batch -q -j 4 -R jsonl -o four.jsonl corpus.jsonl
ok "… and with -j 4" cmp -s one.jsonl four.jsonl

run "$ABRIDGE" batch -q -R html -o report.html corpus.jsonl
is "$rc" 3 "html: exit 3 with failures"
ok "html: article text is escaped" grep -q '&lt;script&gt;alert(1)&lt;/script&gt; &amp; co' report.html
ok "html: no raw <script> anywhere" sh -c '! grep -qi "<script" report.html'
ok "html: no leftover temporary file" sh -c '! ls -a | grep -q "^\.report.html"'

run "$ABRIDGE" batch -q -R markdown "$FIX/plain.txt" "$FIX/dateline-reuters.txt"
is "$rc" 0 "markdown to stdout: exit 0 when every article succeeded"
like "$out" "^# " "markdown: a title"
like "$out" "plain.txt" "markdown: a section per article"

run "$ABRIDGE" batch -q -R json -o report.json "$FIX"
if command -v python3 >/dev/null 2>&1; then
  ok "json: one valid document" python3 -c 'import json,sys; json.load(open("report.json"))'
else
  skip "json: one valid document" "python3 not found"
fi

run "$ABRIDGE" batch -q -R json -o /nonexistent-dir/report.json "$FIX/plain.txt"
is "$rc" 1 "an unwritable report is exit 1"
like "$err" "^abridge: " "… with a message"

run "$ABRIDGE" batch -q -R nosuch "$FIX/plain.txt"
is "$rc" 2 "an unknown report format is a usage error"

done_testing
