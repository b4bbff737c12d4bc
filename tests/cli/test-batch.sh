#!/bin/sh
# abridge batch end to end: reports in every format, failures that never
# stop the run (exit 3), the same bytes whatever -j is, output written
# whole or not at all, article ids that never become paths.
: "${top_srcdir:=.}"
. "$top_srcdir/tests/cli/tap.sh"
tap_use_built_abridge

FIX=$top_srcdir/tests/fixtures/articles

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
# Articles travel between the threads 64 at a time: over many chunks the
# workers finish out of order, and the report must not.
i=0
while [ "$i" -lt 30 ]; do cat corpus.jsonl; i=$((i + 1)); done > long.jsonl
run "$ABRIDGE" batch -q -j 1 -R jsonl -o long1.jsonl long.jsonl
run "$ABRIDGE" batch -q -j 4 -R jsonl -o long4.jsonl long.jsonl
is "$(wc -l < long4.jsonl | tr -d ' ')" 1890 "1,890 records (30 chunks) with -j 4: every one in the report"
ok "… the same bytes as with -j 1" cmp -s long1.jsonl long4.jsonl

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

# Sharding (the map step of a cluster run) and merging (the reduce step):
# K shards merged give the single-machine report, whatever K and format.
for fmt in markdown html json; do
  run "$ABRIDGE" batch -q -p lead+quotes -R "$fmt" -o "single.$fmt" --group-by source corpus.jsonl "$FIX"
  single=$rc
  for i in 0 1 2; do
    run "$ABRIDGE" batch -q -p lead+quotes --shard "$i/3" -R jsonl -o "shard-$i.jsonl" corpus.jsonl "$FIX"
  done
  run "$ABRIDGE" batch --merge -p lead+quotes -R "$fmt" -o "merged.$fmt" --group-by source \
    shard-2.jsonl shard-0.jsonl shard-1.jsonl
  is "$rc" "$single" "--merge of 3 shards exits as the single run does ($fmt)"
  ok "--merge of 3 shards writes the single run's $fmt report byte for byte" cmp -s "single.$fmt" "merged.$fmt"
done
run "$ABRIDGE" batch -q -p lead+quotes -R jsonl -o single.jsonl corpus.jsonl "$FIX"
is "$(cat shard-0.jsonl shard-1.jsonl shard-2.jsonl | wc -l | tr -d ' ')" "$(wc -l < single.jsonl | tr -d ' ')" \
  "the shards hold every article once between them"
run "$ABRIDGE" batch --merge -R markdown shard-0.jsonl shard-2.jsonl
is "$rc" 1 "--merge with a shard missing fails"
like "$err" "article 1 is in no results file" "… and says which article is missing"
run "$ABRIDGE" batch --merge -R markdown -o never.md shard-0.jsonl shard-1.jsonl shard-2.jsonl shard-1.jsonl
is "$rc" 1 "--merge with a shard given twice fails"
ok "… and writes no report" test ! -e never.md
printf 'not json\n' > garbage.jsonl
run "$ABRIDGE" batch --merge garbage.jsonl
like "$err" "^abridge: garbage.jsonl:1: not a result line" "--merge names the line that is not a result"
for bad in 3/3 1 a/2 -1/2 1/0; do
  run "$ABRIDGE" batch -q --shard "$bad" -R jsonl corpus.jsonl
  is "$rc" 2 "--shard $bad is a usage error"
done
run "$ABRIDGE" batch -q --shard 0/2 -R markdown corpus.jsonl
is "$rc" 2 "--shard with a report other than jsonl is a usage error (merge makes the report)"
run "$ABRIDGE" batch -q --shard 0/2 -R jsonl --sort title corpus.jsonl
is "$rc" 2 "--shard with --sort is a usage error (the merge sorts)"

# Progress: on a terminal only (script(1) gives the run one), with an ETA
# once the total of the inputs is known; never with --quiet.
if command -v script >/dev/null; then
  script -qc "'$ABRIDGE' batch -j 1 -R jsonl -o tty.jsonl long.jsonl" /dev/null > tty.out 2>&1
  like "$(tr '\r' '\n' < tty.out | grep 'articles' | tail -n 1)" \
    "^abridge: 1890 articles: 1830 summarized, 60 failed \([0-9]+:[0-9]{2}, [0-9.]+/s\)" \
    "on a terminal, the last progress line counts every article and failure"
  script -qc "'$ABRIDGE' batch -q -j 1 -R jsonl -o tty.jsonl long.jsonl" /dev/null > quiet.out 2>&1
  unlike "$(cat quiet.out)" "articles" "--quiet shows no progress line"
  run "$ABRIDGE" batch -j 1 -R jsonl -o notty.jsonl long.jsonl
  unlike "$err" "articles.*/s" "no progress line when stderr is not a terminal"
else
  skip "script(1) not installed: no terminal to test the progress line on" 3
fi

done_testing
