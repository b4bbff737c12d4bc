#!/bin/sh
# Hostile pages, corpora and file systems (issue 20): each ends in one
# clear line or a correct result, and nothing else is lost. The heavy
# cases (megabytes of attributes, minutes of quadratic work) are in
# bench/hostile.sh.
: "${top_srcdir:=.}"
. "$top_srcdir/tests/cli/tap.sh"
tap_use_built_abridge

FIX=$top_srcdir/tests/fixtures/articles

# N copies of STRING, no line break.
repeat () {
  awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}
story='<p>The council met on Monday to discuss the harbour, and approved the budget after a long debate that ran late into the night.</p><p>The mayor said the vote was a turning point for the town, whose port has been losing trade to its neighbours for a decade.</p>'

# ---- 1: JSON nested deeper than json-glib's recursion can take -------------
{
  printf '<html><head><title>Harbour</title><script type="application/ld+json">'
  repeat 100000 '['
  repeat 100000 ']'
  printf '</script></head><body><article>%s</article></body></html>\n' "$story"
} > ld-deep.html
run "$ABRIDGE" ld-deep.html
is "$rc" 0 "a page whose JSON-LD nests 100,000 deep is summarized (no stack overflow)"
like "$out" "^The council met on Monday" "… from its article text"
{
  printf '<html><head><script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"Jane Doe"},"x":'
  repeat 600 '['
  repeat 600 ']'
  printf '}</script><script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"Ann Lee"}}</script></head><body><article>%s</article></body></html>\n' "$story"
} > ld-600.html
run "$ABRIDGE" extract -f json ld-600.html
like "$out" '"author":"Ann Lee"' "JSON-LD nested deeper than 512 is ignored, the page's other JSON-LD is read"
cp "$FIX/plain.txt" plain.txt
run "$ABRIDGE" batch -q -j 2 -R jsonl ld-deep.html plain.txt
is "$rc" 0 "batch: the deep JSON-LD page and the article after it are both summarized"
is "$(nlines "$out")" 2 "… two result lines"
{
  printf '{"seq":0,"id":"deep","sentences":'
  repeat 100000 '['
  repeat 100000 ']'
  printf '}\n'
} > deep-result.jsonl
run "$ABRIDGE" batch --merge -R markdown deep-result.jsonl
is "$rc" 1 "batch --merge refuses a line nested 100,000 deep (exit 1, no crash)"
like "$err" "^abridge: deep-result.jsonl:1: not a result line \(nested deeper than 512\)" "… naming the line"
{
  printf '{"seq":0,"id":"ok","sentences":[{"index":0,"text":"A sentence with '
  repeat 1000 '['
  printf ' brackets.","score":1}]}\n'
} > brackets.jsonl
run "$ABRIDGE" batch --merge -R jsonl brackets.jsonl
is "$rc" 0 "batch --merge takes a line whose text holds 1,000 brackets (in a string, no nesting)"

# ---- 2: an element with more attributes than libxml2 checks cheaply --------
{
  printf '<html><body><div'
  awk 'BEGIN { for (i = 0; i < 2000; i++) printf " a%d=\"%d\"", i, i }'
  printf '></div><article>%s</article></body></html>\n' "$story"
} > attributes.html
run "$ABRIDGE" attributes.html
is "$rc" 1 "an element with 2,000 attributes: the page is refused (exit 1)"
like "$err" "^abridge: attributes.html: an element with more than 256 attributes at byte offset 12 \(raise --max-attributes to read it\)$" \
  "… in one line naming the limit, where, and the option"
run "$ABRIDGE" --max-attributes 2000 attributes.html
is "$rc" 0 "--max-attributes 2000 reads it"
run "$ABRIDGE" batch -q -R jsonl attributes.html plain.txt
is "$rc" 3 "batch: the page fails, the run goes on (exit 3)"
like "$out" '"id":"plain.txt".*"sentences":\[\{' "… and the next article is summarized"

# ---- 3: nesting deeper than libxml2's 255, and deeper than the limit -----
nested_page () { # DEPTH: a comment thread DEPTH boxes deep, then the article
  printf '<html><body><div class="thread">'
  repeat "$1" '<div>'
  printf '<p>A reply.</p>'
  repeat "$1" '</div>'
  printf '</div><article>%s</article></body></html>\n' "$story"
}
nested_page 400 > nested-400.html
run "$ABRIDGE" nested-400.html
is "$rc" 0 "a comment thread 400 boxes deep before the article: summarized"
like "$out" "^The council met on Monday" "… the article is not lost"
nested_page 600 > nested-600.html
run "$ABRIDGE" nested-600.html
is "$rc" 1 "elements nested 600 deep: refused (exit 1)"
like "$err" "^abridge: nested-600.html: elements nested deeper than 512 at byte offset [0-9]+ \(raise --max-depth to read it\)$" \
  "… in one line naming the limit and the option"
run "$ABRIDGE" --max-depth 700 nested-600.html
is "$rc" 0 "--max-depth 700 reads it"
like "$out" "^The council met on Monday" "… the article"
for bad in 0 -1 x; do
  run "$ABRIDGE" --max-depth "$bad" nested-400.html
  is "$rc" 2 "--max-depth $bad is a usage error"
done
run "$ABRIDGE" batch -q --max-attributes 0 nested-400.html
is "$rc" 2 "batch --max-attributes 0 is a usage error"

# ---- 4: closed standard output or input ----------------------------------
"$ABRIDGE" batch -q -R jsonl plain.txt >&- 2>closed.err
is "$?" 1 "batch with standard output closed: exit 1 (the report went nowhere)"
like "$(cat closed.err)" "^abridge: cannot write standard output: Bad file descriptor$" "… said in one line"
"$ABRIDGE" plain.txt >&- 2>closed.err
is "$?" 1 "a brief with standard output closed: exit 1"
"$ABRIDGE" batch -q -R jsonl - <&- >closed.out 2>closed.err
is "$?" 3 "batch - with standard input closed: the input fails (exit 3)"
like "$(cat closed.err)" "^abridge: -: Bad file descriptor$" "… as unreadable, not read from the report's spool"

# ---- 5: rewriting an existing report ---------------------------------------
umask 022
printf 'old\n' > kept.md
chmod 600 kept.md
ln kept.md kept-link.md
run "$ABRIDGE" batch -q -o kept.md plain.txt
is "$rc" 0 "rewriting a report: exit 0"
is "$(stat -c %a kept.md)" 600 "… its mode stays 0600 (never widened to 0644)"
ok "… and its hard link still shows the new report" cmp -s kept.md kept-link.md
like "$(cat kept-link.md)" "^# abridge report" "… which is the report"
printf 'old\n' > alone.md
chmod 600 alone.md
run "$ABRIDGE" batch -q -o alone.md plain.txt
is "$(stat -c %a alone.md)" 600 "a report of one name, replaced under a temporary name, keeps mode 0600"
printf 'old\n' > real.md
chmod 640 real.md
ln -s real.md link.md
run "$ABRIDGE" batch -q -o link.md plain.txt
ok "a symbolic link given as -o stays a link" test -L link.md
like "$(cat real.md)" "^# abridge report" "… and the file it names holds the report"
is "$(stat -c %a real.md)" 640 "… with that file's mode"
run "$ABRIDGE" batch -q -o new.md plain.txt
is "$(stat -c %a new.md)" 644 "a new report is made as the umask says"
if [ -e /dev/stdout ]; then
  is "$("$ABRIDGE" batch -q -R jsonl -o /dev/stdout plain.txt | wc -l | tr -d ' ')" 1 \
    "-o /dev/stdout into a pipe (a link to no path) is written in place"
fi

# ---- 6: a report that would destroy its input or be read back --------------
cp "$FIX/articles.jsonl" corpus.jsonl
run "$ABRIDGE" batch -q -R jsonl -o corpus.jsonl corpus.jsonl
is "$rc" 2 "-o equal to an input: a usage error (exit 2)"
like "$err" "^abridge: --output corpus.jsonl is the input corpus.jsonl: the report would replace it$" "… in one line"
ok "… and the corpus is untouched" cmp -s corpus.jsonl "$FIX/articles.jsonl"
ln -s corpus.jsonl corpus-link.jsonl
run "$ABRIDGE" batch -q -R jsonl -o corpus-link.jsonl corpus.jsonl
is "$rc" 2 "-o a link to an input: refused too"
run_in corpus.jsonl "$ABRIDGE" batch -q -R jsonl -o corpus.jsonl -
is "$rc" 2 "-o the file standard input reads: refused too"
run "$ABRIDGE" batch --merge -R jsonl -o corpus.jsonl corpus.jsonl
is "$rc" 2 "--merge -o one of the results files: refused"
mkdir -p articles/sub
cp plain.txt articles/
run "$ABRIDGE" batch -q -o articles/sub/report.md articles
is "$rc" 2 "-o inside an input directory: a usage error (exit 2)"
like "$err" "^abridge: --output articles/sub/report.md is inside the input directory articles: the next run would read the report as an article" "… in one line"
ok "… and nothing is written" test ! -e articles/sub/report.md
run "$ABRIDGE" batch -q --glob '*.txt' -o articles/report.md articles
is "$rc" 0 "… unless --glob leaves the report out"

# ---- 7: interrupted while the report is written ----------------------------
i=0
while [ "$i" -lt 2000 ]; do cat "$FIX/articles.jsonl"; i=$((i + 1)); done > big.jsonl
# interrupt SIG: runs a batch, stops it while its temporary report exists,
# sends SIG; prints "caught STATUS LEFT" or "missed" when the run ended first.
# (SIGINT cannot be tested so: a background job of sh starts with it ignored,
# and an ignored signal stays ignored, as nohup wants.)
interrupt () {
  sig=$1
  rm -f .interrupted.html.*
  "$ABRIDGE" batch -q -j 2 -R html -o interrupted.html big.jsonl 2>/dev/null &
  pid=$!
  caught=
  while kill -0 "$pid" 2>/dev/null; do
    set -- .interrupted.html.*
    if [ -e "$1" ]; then
      kill -STOP "$pid"
      set -- .interrupted.html.*
      [ -e "$1" ] && caught=yes
      kill "-$sig" "$pid" 2>/dev/null
      kill -CONT "$pid"
      break
    fi
  done
  wait "$pid"
  status=$?
  set -- .interrupted.html.*
  if [ -n "$caught" ]; then echo "caught $status $(ls -a | grep -c '^\.interrupted\.html\.')"; else echo missed; fi
}
for sig in TERM HUP; do
  got=missed tries=0
  while [ "$got" = missed ] && [ "$tries" -lt 10 ]; do
    got=$(interrupt "$sig")
    tries=$((tries + 1))
  done
  case $sig in TERM) want=143 ;; HUP) want=129 ;; esac
  if [ "$got" = missed ]; then
    skip "SIG$sig while the report is written" "the run never stopped with its temporary file present"
  else
    is "$got" "caught $want 0" "SIG$sig while the report is written: the run dies of it, no temporary file left"
  fi
done

# ---- 8: terminal control sequences from articles ----------------------------
# How many lines of stdin hold a control character other than tab and
# newline: C0, DEL, or a C1 control (U+0080-U+009F).
controls () {
  LC_ALL=C grep -c -E "$(printf '[\001-\010\013-\037\177]|\302[\200-\237]')" || true
}
printf 'The council met on Monday \033[31mred\033[0m and approved it.\007 The mayor spoke \033]0;pwned\007 at length today. Officials \302\233 31m agreed with him. \033]52;c;ZXZpbA==\007 It was done here.\n' > escapes.txt
printf '{"id":"one\\n==> forged <==\\u001b[31m","text":"The council met on Monday. It approved the budget \\u001b[2J at last."}\n{"id":"two","text":"The port reopened on Tuesday."}\n' > escapes.jsonl
run "$ABRIDGE" escapes.txt
is "$rc" 0 "an article with escape sequences, BEL and a C1 CSI: summarized"
is "$(printf '%s\n' "$out" | controls)" 0 "… text output without a control character"
like "$out" "^The council met on Monday  \[31mred" "… the sentence kept, its controls made spaces"
run "$ABRIDGE" -f markdown escapes.txt
is "$(printf '%s\n' "$out" | controls)" 0 "markdown output without a control character"
run "$ABRIDGE" -f json escapes.txt
like "$out" 'Officials \\u009b 31m' "json: a C1 control is escaped like C0"
run "$ABRIDGE" escapes.jsonl
is "$(printf '%s\n' "$out" | controls)" 0 "several articles: no control character in headers or briefs"
is "$(printf '%s\n' "$out" | grep -c '^==> ')" 2 "… an id with a newline forges no header (2 articles, 2 headers)"
like "$out" '^==> one\\n==> forged <==\\x1B\[31m <==$' "… it is shown escaped on its header's line"
run "$ABRIDGE" split escapes.txt
is "$(printf '%s\n' "$out" | controls)" 0 "split: no control character"
run "$ABRIDGE" extract escapes.jsonl
is "$(printf '%s\n' "$out" | controls)" 0 "extract: no control character, headers included"
printf '{"id":"bad\\u001b]0;title\\u0007","text":""}\n' > escape-id.jsonl
run "$ABRIDGE" batch -q -R jsonl escape-id.jsonl
is "$(printf '%s\n' "$err" | controls)" 0 "stderr: an id's controls never reach the terminal"
like "$err" '^abridge: bad\\x1B\]0;title\\x07: no text$' "… shown escaped, on one line"
run "$ABRIDGE" "$(printf 'no\033[2Jsuch.txt')"
is "$(printf '%s\n' "$err" | controls)" 0 "stderr: a file name's controls are escaped too"

# ---- 9: write errors stop the run at the first, with one line -------------
cp big.jsonl ends-broken.jsonl
printf '{"id":"last", "text": \n' >> ends-broken.jsonl
if [ -w /dev/full ]; then
  for cmd in "-f json" "split" "extract"; do
    # shellcheck disable=SC2086
    "$ABRIDGE" $cmd ends-broken.jsonl >/dev/full 2>full.err
    st=$?
    is "$st $(wc -l < full.err | tr -d ' ')" "1 1" "abridge $cmd >/dev/full: exit 1, one line on stderr"
  done
  "$ABRIDGE" batch -q -R jsonl big.jsonl >/dev/full 2>full.err
  st=$?
  is "$st $(wc -l < full.err | tr -d ' ')" "1 1" "abridge batch >/dev/full: exit 1, one line on stderr"
else
  skip "write errors to /dev/full" "no /dev/full"
fi
for cmd in "" "split" "extract"; do
  # SIGPIPE ignored, as some shells and services leave it: the first write
  # after head has gone fails with EPIPE, and the run stops there (it never
  # reaches the broken last record, which would be a second line).
  # shellcheck disable=SC2086
  (trap '' PIPE; "$ABRIDGE" $cmd ends-broken.jsonl 2>pipe.err | head -n 1 >/dev/null)
  is "$(cat pipe.err)" "abridge: cannot write standard output: Broken pipe" \
    "abridge $cmd | head -1 with SIGPIPE ignored: one line, and the run stops"
done

# ---- 10: worker threads the system refuses -----------------------------------
# Each thread reserves its stack (here 100 MB) out of the address space
# `ulimit -v` allows: -j 64 gets only a few. AddressSanitizer reserves
# terabytes of shadow memory and cannot run under ulimit -v at all.
asan=
for lib in "$top_builddir"/libabridge/.libs/libabridge.so*; do
  [ -f "$lib" ] && grep -q -a __asan_init "$lib" && asan=yes
done
if [ -n "$asan" ]; then
  skip "-j 64 under ulimit -v" "an AddressSanitizer build cannot run under ulimit -v"
else
  "$ABRIDGE" batch -q -j 1 -R jsonl big.jsonl > threads-1.jsonl 2>/dev/null
  verdict="no run got only some of its threads"
  for kb in 700000 1000000 1500000 2500000 4000000; do
    (ulimit -s 102400 && ulimit -v "$kb" && exec "$ABRIDGE" batch -q -j 64 -R jsonl big.jsonl) \
      > threads.jsonl 2> threads.err
    st=$?
    if [ "$st" -eq 0 ] && grep -q '^abridge: warning: cannot start worker thread [0-9]* of 64 (.*): going on with [0-9]*$' threads.err; then
      if [ "$(wc -l < threads.err | tr -d ' ')" = 1 ] && cmp -s threads.jsonl threads-1.jsonl; then
        verdict=ok
      else
        verdict="ulimit -v $kb: fewer workers, but not the report of -j 1 or more than one line"
      fi
      break
    fi
    if [ "$st" -eq 133 ] || grep -q 'GLib-ERROR.*creating thread' threads.err; then
      verdict="ulimit -v $kb: aborted when a thread could not start (exit $st)"
      break
    fi
  done
  is "$verdict" ok "-j 64 with room for a few threads: a warning, the whole report, exit 0"
fi

# ---- 11: symbolic links inside input directories ---------------------------
mkdir -p tree/sub outside
cp plain.txt tree/a.txt
printf 'The secret plan was approved in private. Nobody else was told about it.\n' > outside/secret.txt
ln -s ../outside/secret.txt tree/b.txt
ln -s ../outside tree/sub/elsewhere
run "$ABRIDGE" batch -q -R jsonl tree
is "$rc" 0 "a directory holding symbolic links: exit 0"
is "$(nlines "$out")" 1 "… only its regular file is read"
unlike "$out" "secret plan" "… a link to a file outside is not followed"
run "$ABRIDGE" tree/b.txt
like "$out" "^The secret plan was approved" "a link named on the command line is followed"
ln -s tree tree-link
run "$ABRIDGE" batch -q -R jsonl tree-link
is "$(nlines "$out")" 1 "a directory named through a link is walked"

# ---- 12: odd output names, help to a full device ----------------------------
run "$ABRIDGE" batch -q -o '' big.jsonl
is "$rc" 2 "-o '': a usage error (exit 2)"
is "$err" "abridge: --output must name a file ('-' for standard output)" "… said before any article is read"
long=$(repeat 250 n)
run "$ABRIDGE" batch -q -o "$long" plain.txt
is "$rc" 0 "a report named with 250 bytes is written (its temporary name is cut to fit)"
like "$(cat "$long")" "^# abridge report" "… whole"
is "$(ls -a | grep -c '^\.nnnn')" 0 "… and no temporary file is left"
if [ -w /dev/full ]; then
  "$ABRIDGE" --help >/dev/full 2>full.err
  is "$?" 1 "--help to a full device: exit 1"
  like "$(cat full.err)" "^abridge: cannot write standard output: No space left on device$" "… with one line"
  "$ABRIDGE" batch --help >/dev/full 2>/dev/null
  is "$?" 1 "batch --help to a full device: exit 1"
else
  for t in "--help" "… one line" "batch --help"; do skip "$t to a full device" "no /dev/full"; done
fi

done_testing
