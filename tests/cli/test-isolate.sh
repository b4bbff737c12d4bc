#!/bin/sh
# Plugins that end the process or never return (tests/fixtures/fatal):
# in a batch, or several articles, each fails only the article it was
# ranking (a failure entry and one line naming the article, the plugin
# and the signal or reason; exit 3) and the run goes on; one article
# alone dies by the signal after one line naming plugin and file. Worker
# processes give the same bytes as threads; -j N runs N slow articles at
# once.
: "${top_srcdir:=.}"
. "$top_srcdir/tests/cli/tap.sh"
tap_use_built_abridge

FATAL=$top_builddir/tests/fixtures/fatal/.libs
FIXDIR=$top_builddir/tests/fixtures/plugins/.libs
FIX=$top_srcdir/tests/fixtures/articles
[ -f "$FATAL/fatal.so" ] || bail_out "fixture plugins not built in $FATAL (run make check)"

# 200 records; the 77th holds the word that sets the plugins off.
i=1
while [ "$i" -le 200 ]; do
  if [ "$i" = 77 ]; then word=TRIGGER; else word=Monday; fi
  printf '{"id": "r%d", "title": "Port %d reopens", "text": "The port of city %d reopened on %s. Ships queued for days. Dock workers returned to work. The union agreed to talks."}\n' \
    "$i" "$i" "$i" "$word"
  i=$((i + 1))
done >corpus.jsonl
run "$ABRIDGE" batch -q -j 2 --no-isolate -R jsonl -o threads.jsonl -p crash --plugin-dir "$FATAL" \
  -O crash.trigger=NOTHING corpus.jsonl
is "$rc" 0 "a fatal plugin that is not set off works in threads"

# ---- a batch goes on ------------------------------------------------------------

what_crash='crashed \(SIGSEGV, invalid memory access\)'
what_abort='aborted \(SIGABRT\)'
what_exit='ended the process: exit\(0\)'
for p in crash abort exit; do
  eval "what=\$what_$p"
  run "$ABRIDGE" batch -q -j 2 -R jsonl -o "$p.jsonl" -p "$p" -O "$p.trigger=TRIGGER" \
    --plugin-dir "$FATAL" corpus.jsonl
  is "$rc" 3 "$p in one of 200 articles, -j 2: exit 3"
  is "$err" "abridge: r77: plugin '$p' $(printf '%s' "$what" | tr -d '\\')" \
    "$p: one line on stderr naming the article, the plugin and the signal or reason"
  is "$(wc -l <"$p.jsonl" | tr -d ' ')" 200 "$p: all 200 articles are in the report"
  like "$(grep '"id":"r77"' "$p.jsonl")" "\"error\":\"plugin '$p' $what\"" \
    "$p: the article is a failure entry with the same reason"
  ok "$p: every other article is the same bytes as in threads" \
    sh -c "grep -v '\"id\":\"r77\"' $p.jsonl >a; grep -v '\"id\":\"r77\"' threads.jsonl >b; cmp -s a b"
done

run "$ABRIDGE" batch -q -j 2 -R markdown -p crash -O crash.trigger=TRIGGER --plugin-dir "$FATAL" \
  corpus.jsonl
like "$out" "^- r77: plugin 'crash' crashed \\(SIGSEGV, invalid memory access\\)\$" \
  "markdown: the crash is listed in the report's failures section"

# A hang: stopped at the time limit, the batch goes on.
run "$ABRIDGE" batch -q -j 2 -R jsonl -o hang.jsonl -p hang -O hang.trigger=TRIGGER --timeout 1 \
  --plugin-dir "$FATAL" corpus.jsonl
is "$rc" 3 "a plugin that hangs on one article, --timeout 1: exit 3"
is "$err" "abridge: r77: plugin 'hang' did not finish within 1 s (--timeout) and was stopped" \
  "… one line naming the article, the plugin and the time limit"
is "$(wc -l <hang.jsonl | tr -d ' ')" 200 "… all 200 articles are in the report"

# Every article: every worker process dies, each article fails alone.
run "$ABRIDGE" batch -q -j 2 -R jsonl -o all.jsonl -p abort --plugin-dir "$FATAL" \
  "$FIX/plain.txt" "$FIX/dateline-reuters.txt" "$FIX/plain.txt"
is "$rc" 3 "a plugin that aborts on every article: exit 3"
is "$(nlines "$err")" 3 "… one line per article"
is "$(grep -c '"error":"plugin .abort. aborted (SIGABRT)"' all.jsonl)" 3 "… three failure entries"

# Worker processes stop with the run: none is left behind.
run "$ABRIDGE" batch -q -j 2 -R jsonl -o /dev/null -p exit --plugin-dir "$FATAL" \
  -O exit.trigger=TRIGGER corpus.jsonl
sleep 1
if command -v pgrep >/dev/null 2>&1; then
  is "$(pgrep -f "abridge.*exit.trigger=TRIGGER" | wc -l | tr -d ' ')" 0 "no worker process outlives the run"
else
  skip "no worker process outlives the run" "pgrep not found"
fi

# ---- several articles, one article ------------------------------------------------

printf 'The port reopened on Monday. Ships queued TRIGGER for days. The union agreed.\n' >bad.txt
printf 'The port reopened on Monday. Ships queued for days. The union agreed.\n' >good.txt
run "$ABRIDGE" -p crash -O crash.trigger=TRIGGER --plugin-dir "$FATAL" good.txt bad.txt good.txt
is "$rc" 1 "abridge FILE... with a plugin that crashes on one: exit 1"
is "$err" "abridge: bad.txt: plugin 'crash' crashed (SIGSEGV, invalid memory access)" "… one line"
is "$(printf '%s\n' "$out" | grep -c '^==> good.txt <==')" 2 "… the other articles' briefs are there"

# (The shell of libtool's wrapper script may add its own "Segmentation
# fault": only abridge's lines are abridge's.)
run "$ABRIDGE" -p crash -O crash.trigger=TRIGGER --plugin-dir "$FATAL" bad.txt
is "$rc" 139 "one article, a plugin that crashes: abridge dies by SIGSEGV (status 139)"
is "$(printf '%s\n' "$err" | grep '^abridge')" \
  "abridge: bad.txt: plugin 'crash' crashed (SIGSEGV, invalid memory access)" \
  "… after one line naming the plugin and the file"
run "$ABRIDGE" -p abort -O abort.trigger=TRIGGER --plugin-dir "$FATAL" bad.txt
is "$rc" 134 "one article, a plugin that aborts: abridge dies by SIGABRT (status 134)"
is "$(printf '%s\n' "$err" | grep '^abridge')" "abridge: bad.txt: plugin 'abort' aborted (SIGABRT)" \
  "… after one line"
run "$ABRIDGE" -p exit -O exit.trigger=TRIGGER --plugin-dir "$FATAL" bad.txt
is "$rc" 1 "one article, a plugin that calls exit(0): exit status 1, not 0"
is "$err" "abridge: bad.txt: plugin 'exit' called exit(0)" "… and one line naming it"
run "$ABRIDGE" -p crash -O crash.trigger=TRIGGER --plugin-dir "$FATAL" --isolate bad.txt
is "$rc" 1 "one article with --isolate: the crash fails the article (exit 1)"
is "$err" "abridge: bad.txt: plugin 'crash' crashed (SIGSEGV, invalid memory access)" "… one line"
run "$ABRIDGE" -p hang -O hang.trigger=TRIGGER --plugin-dir "$FATAL" --timeout 0.5 bad.txt
is "$rc" 1 "one article, --timeout 0.5 (implies --isolate): a hang fails the article"
is "$err" "abridge: bad.txt: plugin 'hang' did not finish within 0.5 s (--timeout) and was stopped" \
  "… one line"

# ---- the same bytes ---------------------------------------------------------------

for f in markdown html json jsonl; do
  run "$ABRIDGE" batch -q -j 2 -k 3 -R "$f" -o "thr.$f" -p lead+frequency "$FIX"
  t=$rc
  cp "$TAP_ERR" thr.err
  run "$ABRIDGE" batch -q -j 2 -k 3 -R "$f" -o "iso.$f" -p lead+frequency --isolate "$FIX"
  ok "-R $f: worker processes write the same bytes as threads" cmp -s "thr.$f" "iso.$f"
  ok "-R $f: … and say the same on stderr" cmp -s thr.err "$TAP_ERR"
  is "$rc" "$t" "-R $f: … and exit with the same status"
done
run "$ABRIDGE" batch -q -j 2 -R jsonl -o iso-quotes.jsonl -p quotes --isolate "$FIX"
run "$ABRIDGE" batch -q -j 2 -R jsonl -o thr-quotes.jsonl -p quotes "$FIX"
ok "extracts and their annotations: the same bytes" cmp -s thr-quotes.jsonl iso-quotes.jsonl
run "$ABRIDGE" batch -q -j 2 -R jsonl -o iso-default.jsonl -p crash -O crash.trigger=NOTHING \
  --plugin-dir "$FATAL" corpus.jsonl
ok "a plugin not shipped is isolated by default, and writes the bytes threads do" \
  cmp -s threads.jsonl iso-default.jsonl

# ---- starting -------------------------------------------------------------------------

run "$ABRIDGE" batch -q --isolate -p hostile -O hostile.mode=refuse --plugin-dir "$FIXDIR" "$FIX/plain.txt"
is "$rc" 2 "isolated: a plugin that refuses an option the user set is a usage error (exit 2)"
is "$(printf '%s\n' "$err" | tail -n 1)" "abridge: plugin 'hostile': refusing to start, as asked" \
  "… with the plugin's message"
run "$ABRIDGE" batch -q --isolate -p nosuch "$FIX/plain.txt"
is "$rc" 2 "isolated: an unknown plugin is a usage error"
run "$ABRIDGE" batch -q --timeout abc "$FIX/plain.txt"
is "$rc" 2 "--timeout abc: usage error"
like "$err" "^abridge: --timeout must be a number of seconds" "… saying what it must be"
run "$ABRIDGE" batch -q --timeout -1 "$FIX/plain.txt"
is "$rc" 2 "--timeout -1: usage error"
run "$ABRIDGE" batch -q --timeout 1 --no-isolate "$FIX/plain.txt"
is "$rc" 2 "--timeout with --no-isolate: usage error"

# ---- how work reaches the workers -------------------------------------------------------

# "barrier" waits in rank() until COUNT ranks are in progress at once, or
# fails after 20 s: four articles, read as one chunk, must all be ranked at
# once by -j 4, in threads and in processes.
for i in 1 2 3 4; do
  printf 'Slow article %d. It takes its time. Then it ends.\n' "$i" >"slow$i.txt"
done
for mode in --no-isolate --isolate; do
  rm -rf "meet$mode"
  mkdir "meet$mode"
  run "$ABRIDGE" batch -q -j 4 $mode -R jsonl -p barrier -O "barrier.dir=$TAP_TMP/meet$mode" \
    -O barrier.count=4 --plugin-dir "$FATAL" slow1.txt slow2.txt slow3.txt slow4.txt
  is "$rc" 0 "$mode: -j 4 ranks four articles of one chunk at once"
  is "$err" "" "$mode: … none waited in vain"
done

done_testing
