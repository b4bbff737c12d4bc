#!/bin/sh
# What users of other summarizers (OTS, sumy, newspaper) and new users
# type, and what abridge answers (issue 21, items 5, 7 and 10): empty
# input, no plugin at all, -o FILE, -r N%, URLs, -f html, -f keywords.
#
# Run by `make check` with ABRIDGE, top_srcdir and top_builddir in the
# environment; by hand:
#   ABRIDGE=$PWD/abridge top_srcdir=$PWD top_builddir=$PWD sh tests/cli/test-peers.sh

: "${top_srcdir:=.}"
. "$top_srcdir/tests/cli/tap.sh"
tap_use_built_abridge

PORT=$top_srcdir/data/samples/port-strike.txt
PORT_LEAD='Thousands of dock workers walked off the job in Rotterdam on Tuesday, shutting the main container terminals at the busiest port in Europe and leaving more than 40 cargo ships waiting at anchor in the North Sea.'

cp "$PORT" port.txt
: >empty.txt
printf ' \n\t\n  \n' >blank.txt
printf 'The council met on Monday. Members argued for three hours. The vote passed by nine to four. The mayor welcomed the result. Work will start in spring.\n' >five.txt

HAVE_SCRIPT=
command -v script >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1 && HAVE_SCRIPT=yes

# at_terminal TYPED CMD...: runs CMD with a terminal as stdin, stdout and
# stderr (script(1)), the file TYPED typed at it; $out is what the
# terminal showed, $rc the command's exit status.
at_terminal () {
  _typed=$1
  shift
  _cmd=
  for _a in "$@"; do _cmd="$_cmd '$_a'"; done
  timeout 30 script -qec "$_cmd" /dev/null <"$_typed" >"$TAP_OUT" 2>&1
  rc=$?
  out=$(tr -d '\r' <"$TAP_OUT")
}

# ---- item 5: empty input, the same everywhere --------------------------------------

run "$ABRIDGE" empty.txt
is "$rc:$out" "1:" "an empty file: exit status 1, nothing on stdout"
is "$err" "abridge: empty.txt: no text" "an empty file: 'abridge: FILE: no text'"
run "$ABRIDGE" blank.txt
is "$rc:$err" "1:abridge: blank.txt: no text" "a file of white space: no text, exit status 1"
run_in empty.txt "$ABRIDGE"
is "$rc:$err" "1:abridge: -: no text" "empty standard input: named '-', exit status 1"
run "$ABRIDGE" -n 1 empty.txt five.txt
is "$rc" 1 "an empty file among others: exit status 1"
like "$out" "^The council met on Monday\\.\$" "an empty file among others: the others are still summarized"
is "$err" "abridge: empty.txt: no text" "an empty file among others: one line for it"
printf '{"id":"blank","text":"  "}\n{"id":"ok","text":"One sentence here. And another one."}\n' >records.jsonl
run "$ABRIDGE" records.jsonl
is "$rc:$err" "1:abridge: blank: no text" "a blank JSONL record: no text, named by its id"

run "$ABRIDGE" batch -q -R jsonl empty.txt five.txt
is "$rc" 3 "batch: an empty file is a failed article (exit status 3)"
like "$out" '"id":"empty.txt",.*"error":"no text"' "batch: the report lists it as failed with 'no text'"
is "$err" "abridge: empty.txt: no text" "batch: the failure is said on stderr as in summarize"

: >none.jsonl
run "$ABRIDGE" batch -q -o report.md none.jsonl
is "$rc:$out" "1:" "batch of no article: exit status 1"
is "$err" "abridge: no articles in the input: no report written" "batch of no article: says so"
ok "batch of no article: no report is written" test ! -e report.md
mkdir -p dir && cp five.txt dir/
run "$ABRIDGE" batch -q --glob '*.md' -R jsonl dir
is "$rc" 3 "batch of a directory where --glob matches nothing: a failure, as before"
run "$ABRIDGE" batch -q --shard 1/2 -R jsonl -o shard.jsonl five.txt
is "$rc:$err" "0:" "batch --shard of an empty shard: exit status 0, nothing said"
ok "batch --shard of an empty shard: its (empty) results file is written" test -f shard.jsonl
run "$ABRIDGE" none.jsonl
is "$rc:$err" "1:abridge: no articles in the input" "summarize of no article: exit status 1, said"

if [ -n "$HAVE_SCRIPT" ]; then
  at_terminal /dev/null "$ABRIDGE" batch -q
  is "$rc" 2 "batch with no INPUT at a terminal: a usage error"
  like "$out" "^abridge: batch: no INPUT, and standard input is a terminal" "batch with no INPUT at a terminal: says why"
  printf 'Typed at the terminal. It is an article.\n\004' >typed.txt
  at_terminal typed.txt "$ABRIDGE"
  is "$rc" 0 "abridge at a terminal reads what is typed (exit status 0)"
  like "$out" "^abridge: reading an article from standard input: .*Ctrl-D.*abridge --help" \
    "abridge at a terminal: one hint line: it reads standard input, how to end it, --help"
  like "$out" "^Typed at the terminal\\.\$" "abridge at a terminal: then summarizes what was typed"
  at_terminal /dev/null "$ABRIDGE" port.txt
  unlike "$out" "reading an article" "abridge FILE at a terminal: no hint"
else
  skip "terminal tests" "no script(1) or timeout(1) here" 6
fi
run "$ABRIDGE" batch -q -R jsonl
is "$rc:$err" "3:abridge: -: no text" "batch with no INPUT and stdin not a terminal reads it (empty: no text)"

# ---- item 7: no plugin at all ----------------------------------------------------------

mkdir -p noplugins
chmod 755 noplugins
NOPLUG=$TAP_TMP/noplugins
for cmd in "" "batch -q" "plugins"; do
  # shellcheck disable=SC2086
  run env ABRIDGE_PLUGIN_SYSTEM_PATH="$NOPLUG" "$ABRIDGE" $cmd ${cmd:+${cmd%%plugins}} port.txt
  [ "$cmd" = plugins ] && run env ABRIDGE_PLUGIN_SYSTEM_PATH="$NOPLUG" "$ABRIDGE" plugins
  is "$rc:$out" "4:" "abridge ${cmd:-FILE} without any plugin: exit status 4, nothing on stdout"
  like "$err" "^abridge: no plugin found in .*noplugins" "abridge ${cmd:-FILE} without any plugin: names the directories searched"
done
run env ABRIDGE_PLUGIN_SYSTEM_PATH="$NOPLUG" "$ABRIDGE" plugins --verbose
is "$rc" 4 "plugins --verbose without any plugin: exit status 4"
like "$out" "^  $(printf '%s' "$NOPLUG" | sed 's/[][\.*^$+?(){}|/]/\\&/g')\$" "plugins --verbose without any plugin: still shows the search path"
like "$err" "^abridge: no plugin found in " "plugins --verbose without any plugin: says so on stderr"
run "$ABRIDGE" --help
like "$out" "4 when no plugin was found" "--help documents exit status 4"

run "$ABRIDGE" --plugin-dir "$top_builddir/plugins/.libs" plugins
is "$rc" 0 "--plugin-dir of the build tree's plugins: exit status 0"
unlike "$err" "duplicate" "--plugin-dir of the build tree's plugins: none is a duplicate of itself"
like "$out" "^lead " "--plugin-dir of the build tree's plugins: they are listed"
is "$(printf '%s\n' "$out" | grep -c '^lead ')" 1 "--plugin-dir of the build tree's plugins: each once"

# ---- item 10: -o FILE ----------------------------------------------------------------------

echo old >out.txt
chmod 640 out.txt
run "$ABRIDGE" -n 1 -o out.txt port.txt
is "$rc:$out:$err" "0::" "-o FILE: exit status 0, nothing on stdout or stderr"
is "$(cat out.txt)" "$PORT_LEAD" "-o FILE: the brief is in FILE"
is "$(stat -c %a out.txt)" 640 "-o FILE: the file replaced keeps its mode"
run "$ABRIDGE" -o port.txt port.txt
is "$rc" 2 "-o naming the input: a usage error"
like "$err" "^abridge: --output port\\.txt is the input port\\.txt" "-o naming the input: says so"
is "$(cmp port.txt "$PORT" && echo same)" same "-o naming the input: the input is untouched"
run "$ABRIDGE" -o out.txt empty.txt
is "$rc" 1 "-o FILE of an empty input: exit status 1"
is "$(cat out.txt)" "$PORT_LEAD" "-o FILE of an empty input: FILE is left as it was"
run "$ABRIDGE" -o '' port.txt
is "$rc" 2 "-o '': a usage error"
run "$ABRIDGE" -f json -o out.json port.txt
like "$(cat out.json)" '"title": "Dock strike' "-o FILE with -f json"
mkdir -p ro && chmod 555 ro
if [ "$(id -u)" != 0 ]; then
  run "$ABRIDGE" -o ro/out.txt port.txt
  is "$rc" 1 "-o in a directory not writable: exit status 1"
  like "$err" "^abridge: .*ro" "-o in a directory not writable: says where"
else
  skip "-o in a directory not writable" "running as root" 2
fi
chmod 755 ro
# Interrupted while it waits for its input: no temporary file is left.
if command -v mkfifo >/dev/null 2>&1; then
  mkdir -p sig && mkfifo sig/in
  "$ABRIDGE" -o sig/out.txt - <sig/in 2>/dev/null &
  pid=$!
  exec 3>sig/in
  printf 'A sentence that was typed. ' >&3
  n=0
  while [ "$(ls -A sig | wc -l)" -lt 2 ] && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
  like "$(ls -A sig)" "^\\.out\\.txt\\." "-o FILE: written under a temporary name while it runs"
  kill -TERM "$pid"
  wait "$pid"
  sig_rc=$?
  exec 3>&-
  is "$sig_rc" 143 "-o FILE: SIGTERM ends the run by the signal"
  is "$(ls -A sig)" "in" "-o FILE: the temporary file is removed on SIGTERM, no FILE made"
else
  skip "-o FILE on a signal" "no mkfifo" 3
fi

# ---- item 10: -r N% ---------------------------------------------------------------------------

run "$ABRIDGE" -r 0.4 five.txt
r04=$out
run "$ABRIDGE" -r 40% five.txt
is "$rc" 0 "-r 40%: accepted"
is "$out" "$r04" "-r 40% is -r 0.4"
is "$(nlines "$out")" 2 "-r 40% of five sentences: two"
run "$ABRIDGE" -r 100% five.txt
is "$(nlines "$out")" 5 "-r 100%: every sentence"
for bad in 0% 101% -5% abc% % 20%% 0.5%x; do
  run "$ABRIDGE" -r "$bad" five.txt
  is "$rc:$out" "2:" "-r $bad: a usage error"
  like "$err" "^abridge: --ratio must be a number in \\(0, 1\\] or a percentage" "-r $bad: the message says what is accepted"
done

# ---- item 10: URLs ----------------------------------------------------------------------------

run "$ABRIDGE" 'https://example.com/news/story?id=1&x=2'
is "$rc:$out" "1:" "a URL operand: exit status 1, nothing on stdout"
is "$err" "abridge: https://example.com/news/story?id=1&x=2: abridge reads files and standard input, not URLs; try: curl -s 'https://example.com/news/story?id=1&x=2' | abridge -" \
  "a URL operand: says abridge reads files and stdin, and shows curl -s URL | abridge -"
run "$ABRIDGE" port.txt http://example.com/a
is "$rc:$out" "1:" "a URL among files: nothing is read"
run "$ABRIDGE" batch -q ftp://example.com/x
is "$rc" 1 "batch with a URL: exit status 1"
like "$err" "not URLs; try: curl -s" "batch with a URL: says so"
mkdir -p 'http:' && cp five.txt 'http:/five.txt'
run "$ABRIDGE" -n 1 'http://five.txt'
is "$rc" 0 "a file whose name looks like a URL is read"

# ---- item 10: -f html ---------------------------------------------------------------------------

printf 'A <b>bold</b> & "quoted" title\n\nThe first sentence has <script>alert(1)</script> in it. The second sentence is plain.\n\nA second paragraph starts here. It ends here.\n' >tags.txt
run "$ABRIDGE" -n 2 -f html tags.txt
is "$rc" 0 "-f html: exit status 0"
like "$out" "^<!DOCTYPE html>" "-f html: a standalone page"
like "$out" "^</html>\$" "-f html: the page is complete"
unlike "$out" "<script>|<b>" "-f html: the article's markup is escaped"
like "$out" "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" "-f html: the article's text is shown, escaped"
is "$(printf '%s\n' "$out" | grep -o '<mark>' | wc -l | tr -d ' ')" 2 "-f html -n 2: two sentences marked"
like "$out" "<mark>The first sentence has &lt;script&gt;alert\\(1\\)&lt;/script&gt; in it\\.</mark>" "-f html: the brief's sentence is marked where it stands"
like "$out" "<p>A second paragraph starts here\\. It ends here\\.</p>" "-f html: the sentences not chosen are shown unmarked, in their paragraphs"
like "$out" "<title>A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title</title>" "-f html: the title, escaped"
# -f json's offsets index such input as given; the page shows the cleaned
# text, so its marks must not move by the bytes cleaning removed.
printf 'The council met on Monday.\r\nIt approved\302\240a new bridge after a long debate.\r\nWork starts in May.\r\n' >crlf.txt
run "$ABRIDGE" -n 2 -f html crlf.txt
like "$out" "<mark>It approved.a new bridge after a long debate\\.</mark>" "-f html: CRLF and a no-break space do not shift the marks"
run "$ABRIDGE" --html -n 2 tags.txt
html_out=$out
run "$ABRIDGE" -f html -n 2 tags.txt
is "$html_out" "$out" "--html is -f html"
run "$ABRIDGE" --html -f json tags.txt
is "$rc" 2 "--html with -f json: a usage error"
run "$ABRIDGE" -f html tags.txt five.txt
is "$rc:$out" "2:" "-f html of two articles: a usage error (one page is one article)"
run "$ABRIDGE" -f html -o page.html port.txt
like "$(cat page.html)" "<mark>$(printf '%s' "$PORT_LEAD" | sed 's/[][\.*^$+?(){}|/]/\\&/g')</mark>" "-f html -o FILE: the page in FILE, the lead marked"
run "$ABRIDGE" batch -q -R html five.txt
like "$out" "^<!DOCTYPE html>" "batch -R html is still the report"

# ---- item 10: -f keywords ------------------------------------------------------------------------

run "$ABRIDGE" -f keywords port.txt
is "$rc" 0 "-f keywords: exit status 0"
is "$(nlines "$out")" 10 "-f keywords: ten keywords by default, one a line"
like "$out" "^strike\$" "-f keywords: the article's keywords (strike)"
unlike "$out" "^(the|and|of)\$" "-f keywords: no stop words"
run "$ABRIDGE" -f keywords -k 3 port.txt
is "$(nlines "$out")" 3 "-f keywords -k 3: three"
run "$ABRIDGE" -k 3 port.txt
is "$(printf '%s\n' "$out" | sed -n 's/^Keywords: //p' | tr -d ' ' | tr ',' '\n')" "$(printf '%s\n' "$(cat <<EOK
$("$ABRIDGE" -f keywords -k 3 port.txt)
EOK
)")" "-f keywords gives the keywords -k shows"
run "$ABRIDGE" -f keywords port.txt five.txt
like "$out" "^==> five\\.txt <==\$" "-f keywords of several articles: each headed by its name"
run "$ABRIDGE" -f bogus port.txt
like "$err" "html or keywords" "-f bogus: the message lists html and keywords"

done_testing
