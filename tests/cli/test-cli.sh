#!/bin/sh
# Command-line tests of abridge: what a user sees (output, messages, exit
# status) for good and bad articles, options and plugin directories.
#
# Run by `make check` through the TAP driver with ABRIDGE (the built
# ./abridge), top_srcdir and top_builddir in the environment; by hand:
#   ABRIDGE=$PWD/abridge top_srcdir=$PWD top_builddir=$PWD sh tests/cli/test-cli.sh

: "${top_srcdir:=.}"
. "$top_srcdir/tests/cli/tap.sh"
tap_use_built_abridge

ARTICLES=$top_srcdir/tests/fixtures/articles
PORT=$top_srcdir/data/samples/port-strike.txt
FIXDIR=$top_builddir/tests/fixtures/plugins/.libs
VERSION=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "$top_builddir/config.h" 2>/dev/null)
: "${VERSION:=0.1.0}"

PORT_TITLE='Dock strike shuts Rotterdam container terminals as pay talks collapse'
PORT_LEAD='Thousands of dock workers walked off the job in Rotterdam on Tuesday, shutting the main container terminals at the busiest port in Europe and leaving more than 40 cargo ships waiting at anchor in the North Sea.'
BOILERPLATE='Source link|Leave a Reply|Share|contributed to this report|PETER HALVORSEN|^By [A-Z]{2,}|Be the first to comment|Required fields|AP Photo'

# ---- helpers ----------------------------------------------------------------

HAVE_PYTHON=
command -v python3 >/dev/null 2>&1 && HAVE_PYTHON=yes

# JSON checks, reading the last run's stdout; diagnostics come out as "# ".
PY=$TAP_TMP/check.py
cat >"$PY" <<'EOF'
import json, re, sys

def say(msg):
    for line in str(msg).splitlines() or [""]:
        print("# " + line)

WORD = re.compile(r"\w+")

def span_has_words(data, start, end, text, where):
    """The bytes [start, end) of DATA hold the words of TEXT, in order."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(data)):
        say("%s: span [%r, %r) is not inside the %d input bytes" % (where, start, end, len(data)))
        return False
    try:
        piece = data[start:end].decode("utf-8")
    except UnicodeDecodeError:
        say("%s: span [%d, %d) cuts a UTF-8 character" % (where, start, end))
        return False
    want, have = WORD.findall(text), WORD.findall(piece)
    if not want:
        say("%s: sentence without words: %r" % (where, text))
        return False
    for i in range(len(have) - len(want) + 1):
        if have[i:i + len(want)] == want:
            return True
    say("%s: bytes [%d, %d) are %r,\n  not the sentence %r" % (where, start, end, piece, text))
    return False

def objects(raw):
    """One JSON document, or JSON Lines."""
    try:
        return [json.loads(raw)]
    except ValueError:
        return [json.loads(line) for line in raw.splitlines() if line.strip()]

def main():
    mode, args = sys.argv[1], sys.argv[2:]
    raw = sys.stdin.read()
    if mode == "valid":                      # one JSON document
        json.loads(raw)
        return True
    if mode == "lines":                      # JSON Lines: N lines, each JSON
        lines = raw.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        for n, line in enumerate(lines, 1):
            try:
                json.loads(line)
            except ValueError as e:
                say("line %d is not JSON (%s): %r" % (n, e, line[:200]))
                return False
        if len(lines) != int(args[0]):
            say("%d lines, expected %s" % (len(lines), args[0]))
            return False
        return True
    if mode == "shape":                      # a brief's keys and types
        doc = json.loads(raw)
        good = True
        for key in ("file", "title", "plugin", "sentences", "brief", "dateline"):
            if key not in doc:
                say("no key %r in %s" % (key, sorted(doc)))
                good = False
        for s in doc.get("sentences") or []:
            for key, kind in (("index", int), ("text", str), ("score", (int, float)),
                              ("start", int), ("end", int)):
                if not isinstance(s.get(key), kind) or isinstance(s.get(key), bool):
                    say("sentence %r: %r is not a %s" % (s, key, kind))
                    good = False
        if not doc.get("sentences"):
            say("no sentences")
            good = False
        if doc.get("brief") != " ".join(s["text"] for s in doc.get("sentences") or []):
            say("brief %r is not the sentences joined" % doc.get("brief"))
            good = False
        return good
    if mode == "spans":                      # byte spans against FILE
        data = open(args[0], "rb").read()
        good = True
        for obj in objects(raw):
            for s in obj.get("sentences", [obj]):
                good &= span_has_words(data, s.get("start"), s.get("end"), s.get("text", ""),
                                       "sentence %s" % s.get("index"))
        return good
    if mode == "records":                    # one brief per record of a JSONL FILE
        records = [json.loads(l) for l in open(args[0], encoding="utf-8") if l.strip()]
        briefs = [json.loads(l) for l in raw.splitlines() if l.strip()]
        ids = [b.get("id") for b in briefs]
        if ids != [r.get("id") for r in records]:
            say("ids %r, expected %r" % (ids, [r.get("id") for r in records]))
            return False
        good = True
        for r, b in zip(records, briefs):
            if b.get("title") != r.get("title"):
                say("%s: title %r, expected %r" % (r["id"], b.get("title"), r.get("title")))
                good = False
            data = r["text"].encode("utf-8")
            for s in b.get("sentences", []):
                good &= span_has_words(data, s["start"], s["end"], s["text"],
                                       "%s sentence %s" % (r["id"], s["index"]))
        return good
    if mode == "order":                      # article: index ascending; score: descending
        sentences = json.loads(raw)["sentences"]
        key = "index" if args[0] == "article" else "score"
        values = [s[key] for s in sentences]
        wanted = sorted(values, reverse=(key == "score"))
        if values != wanted or len(sentences) < 2:
            say("%s order %r, expected %r" % (key, values, wanted))
            return False
        return True
    if mode == "get":                        # print a top-level value
        value = json.loads(raw).get(args[0])
        print("null" if value is None else value)
        return True
    if mode == "len":                        # print the length (characters) of a value
        value = json.loads(raw)
        for key in args:
            value = value[key]
        print(len(value))
        return True
    if mode == "flags":                      # split -f jsonl: every line has flags
        good = True
        for n, line in enumerate(raw.splitlines(), 1):
            obj = json.loads(line)
            if not isinstance(obj.get("flags"), list) or not isinstance(obj.get("text"), str):
                say("line %d has no flags list or text: %r" % (n, line[:200]))
                good = False
        return good
    raise SystemExit("unknown mode " + mode)

try:
    sys.exit(0 if main() else 1)
except (ValueError, KeyError, TypeError) as e:
    say("%s: %s" % (type(e).__name__, e))
    say("in: " + sys.stdin.name)
    sys.exit(1)
EOF

# py MODE [ARG...]: runs a check of check.py on the last run's stdout.
py () {
  python3 "$PY" "$@" <"$TAP_OUT"
}

# json_ok NAME MODE [ARG...]: a check.py check as a test (skipped without python3).
json_ok () {
  _name=$1
  shift
  if [ -n "$HAVE_PYTHON" ]; then
    ok "$_name" py "$@"
  else
    skip "$_name" "python3 is not available"
  fi
}

# The last run's stdout, as check.py reads it, into a file of its own.
save_out () {
  cp "$TAP_OUT" "$1"
}

# Escapes a string for use in grep -E.
re_quote () {
  printf '%s\n' "$1" | sed 's/[][\.*^$+?(){}|/]/\\&/g'
}

words () {
  printf '%s\n' "$1" | wc -w | tr -d ' '
}

# in_order TEXT SPLIT asc|desc: whether the lines of TEXT appear in the
# file SPLIT (`abridge split` output) in that order.
in_order () {
  printf '%s\n' "$1" >"$TAP_TMP/.order"
  _prev=
  while IFS= read -r _line; do
    _pos=$(grep -nxF -- "$_line" "$2" | head -n 1 | cut -d: -f1)
    if [ -z "$_pos" ]; then
      diag "not a sentence of the article: $_line"
      return 1
    fi
    if [ -n "$_prev" ]; then
      if { [ "$3" = asc ] && [ "$_pos" -le "$_prev" ]; } \
        || { [ "$3" = desc ] && [ "$_pos" -ge "$_prev" ]; }; then
        diag "sentence $_pos of the article after sentence $_prev: $_line"
        return 1
      fi
    fi
    _prev=$_pos
  done <"$TAP_TMP/.order"
}

# refused WHAT FILE: the last run refused FILE cleanly: exit 1, no crash,
# nothing on stdout, one line "abridge: FILE: ..." on stderr.
refused () {
  is "$rc" 1 "$1: exit status 1"
  cmp_ok "$rc" -lt 128 "$1: no crash (exit status below 128)"
  is "$out" "" "$1: nothing on stdout"
  is "$(nlines "$err")" 1 "$1: exactly one line on stderr"
  like "$err" "^abridge: $(re_quote "$2"): [^ ]" "$1: the message is 'abridge: $2: ...'"
}

# usage_error WHAT [ERE]: the last run was refused as a usage error.
usage_error () {
  is "$rc" 2 "$1: exit status 2"
  like "$err" "^abridge: ${2:-}" "$1: 'abridge:' message${2:+ naming $2} on stderr"
  is "$out" "" "$1: nothing on stdout"
}

# Articles made here.
printf 'Hello world. This is fine.\n' >ok.txt
printf '%s\n' 'The council met on Monday to vote on the plan. Members argued for three hours. The vote passed by nine to four. The mayor welcomed the result. Work will start in spring.' >five.txt
printf 'Caf\303\251 na\303\257ve r\303\251sum\303\251 d\303\251j\303\240 vu. \303\211t\303\251 \303\240 Z\303\274rich \303\251t\303\251. Third one here.\n' >accents.txt

# ---- 1. the default brief ---------------------------------------------------

run "$ABRIDGE" "$PORT"
is "$rc" 0 "summary of port-strike.txt: exit status 0"
is "$(nlines "$out")" 3 "default brief is 3 sentences (-n 3)"
is "$err" "" "summary of a good article: nothing on stderr"
unlike "$out" "$BOILERPLATE" "brief has no boilerplate (byline, credits, share, comments)"
unlike "$out" "^ROTTERDAM" "brief does not start with the dateline"
is "$(printf '%s\n' "$out" | head -n 1)" "$PORT_LEAD" "first line of the brief is the lead sentence, dateline cut"
unlike "$out" "^$(re_quote "$PORT_TITLE")\$" "the title is not a sentence of the brief"
PORT_BRIEF=$out

run "$ABRIDGE" summarize "$PORT"
is "$out" "$PORT_BRIEF" "'abridge summarize FILE' is 'abridge FILE'"

cp "$PORT" split
run "$ABRIDGE" ./split
is "$out" "$PORT_BRIEF" "a file named like a subcommand is summarized as ./split"

# ---- 2. budgets --------------------------------------------------------------

run "$ABRIDGE" "$ARTICLES/plain.txt"
PLAIN_BRIEF=$out
run "$ABRIDGE" split "$ARTICLES/plain.txt"
PLAIN_SPLIT=$out
run "$ABRIDGE" -n 1 "$ARTICLES/plain.txt"
is "$(nlines "$out")" 1 "-n 1 prints one sentence"
is "$out" "$(printf '%s\n' "$PLAIN_BRIEF" | head -n 1)" "-n 1 prints the first sentence of the -n 3 brief"

run "$ABRIDGE" -n 100 "$ARTICLES/plain.txt"
is "$rc" 0 "-n 100 on a short article: exit status 0"
is "$(nlines "$out")" "$(nlines "$PLAIN_SPLIT")" "-n 100 on a short article prints every candidate sentence (as many as split)"
is "$out" "$PLAIN_SPLIT" "-n 100 on a short article prints the sentences of split, in order"

run "$ABRIDGE" split "$ARTICLES/repeated.txt"
REPEATED_SPLIT=$out
run "$ABRIDGE" -n 100 "$ARTICLES/repeated.txt"
is "$(nlines "$out")" "$(($(nlines "$REPEATED_SPLIT") - 1))" "-n 100 drops the one near-duplicate sentence of repeated.txt"
unlike "$out" "around 300 homes" "the near-duplicate (second) sentence is the one dropped"
like "$out" "about 300 homes" "the original (first) sentence is kept"

run "$ABRIDGE" -w 30 "$PORT"
is "$rc" 0 "-w 30: exit status 0"
if [ "$(nlines "$out")" -gt 1 ]; then
  cmp_ok "$(words "$out")" -le 30 "-w 30 never exceeds 30 words unless one sentence is printed"
else
  is "$(nlines "$out")" 1 "-w 30 prints one sentence when the first is longer than 30 words"
fi
run "$ABRIDGE" -w 20 five.txt
cmp_ok "$(words "$out")" -le 20 "-w 20 on short sentences stays within 20 words"
cmp_ok "$(nlines "$out")" -ge 2 "-w 20 on short sentences uses the budget (more than one sentence)"
run "$ABRIDGE" -w 1 "$PORT"
is "$rc" 0 "-w 1: exit status 0"
is "$out" "$PORT_LEAD" "-w 1 still prints exactly one sentence (a brief is never empty)"

run "$ABRIDGE" -c 50 "$PORT"
is "$rc" 0 "-c 50: exit status 0"
is "$out" "$PORT_LEAD" "-c 50 still prints exactly one sentence (a brief is never empty)"
run "$ABRIDGE" -c 1 five.txt
is "$out" "The council met on Monday to vote on the plan." "-c 1 prints the first sentence"
# accents.txt: sentences of 26 and 17 characters (32 and 23 bytes).
run "$ABRIDGE" -c 44 -f json accents.txt
if [ -n "$HAVE_PYTHON" ]; then
  cmp_ok "$(py len brief)" -le 44 "-c 44 never exceeds 44 characters"
  is "$(py len sentences)" 2 "-c counts characters, not bytes (26+1+17 characters fit in 44)"
else
  skip "-c 44 never exceeds 44 characters" "python3 is not available"
  skip "-c counts characters, not bytes" "python3 is not available"
fi
run "$ABRIDGE" -c 43 accents.txt
is "$(nlines "$out")" 1 "-c 43 is one character short of two sentences: one sentence"

run "$ABRIDGE" split five.txt
is "$(nlines "$out")" 5 "five.txt has 5 candidate sentences"
run "$ABRIDGE" -r 0.5 five.txt
is "$rc" 0 "-r 0.5: exit status 0"
is "$(nlines "$out")" 3 "-r 0.5 of 5 sentences rounds up to 3"
run "$ABRIDGE" -r 0.21 five.txt
is "$(nlines "$out")" 2 "-r 0.21 of 5 sentences rounds up to 2"
run "$ABRIDGE" -r 0.2 five.txt
is "$(nlines "$out")" 1 "-r 0.2 of 5 sentences is exactly 1"
run "$ABRIDGE" -r 1 five.txt
is "$(nlines "$out")" 5 "-r 1 prints every sentence"
run "$ABRIDGE" -r 0.001 five.txt
is "$(nlines "$out")" 1 "a tiny -r still prints one sentence"

run "$ABRIDGE" -n 2 -w 10 "$PORT"
usage_error "conflicting budgets -n 2 -w 10" "choose one budget|budget"
run "$ABRIDGE" -r 0.5 -c 100 "$PORT"
usage_error "conflicting budgets -r 0.5 -c 100"
run "$ABRIDGE" -n 0 "$PORT"
usage_error "-n 0"
run "$ABRIDGE" -w 0 "$PORT"
usage_error "-w 0"
run "$ABRIDGE" -r 1.5 "$PORT"
usage_error "-r 1.5" ".*ratio"
run "$ABRIDGE" -r 0 "$PORT"
usage_error "-r 0"
run "$ABRIDGE" -n abc "$PORT"
usage_error "-n abc"
# Negative budgets are not "no budget given".
run "$ABRIDGE" -n -3 "$PORT"
usage_error "-n -3 (negative budget)"
run "$ABRIDGE" -w -1 "$PORT"
usage_error "-w -1 (negative budget)"
run "$ABRIDGE" -r -0.5 "$PORT"
usage_error "-r -0.5 (negative ratio)"
run "$ABRIDGE" -r nan "$PORT"
usage_error "-r nan"
run "$ABRIDGE" -n -1 -w 10 "$PORT"
usage_error "conflicting budgets -n -1 -w 10"

# ---- 3. order ---------------------------------------------------------------

run "$ABRIDGE" split "$PORT"
save_out port.split
PORT_SPLIT=$out
run "$ABRIDGE" -p lead -n 6 -O lead.per_paragraph=true "$PORT"
is "$rc" 0 "-O lead.per_paragraph=true -n 6: exit status 0"
ok "brief sentences appear in article order (per_paragraph, -n 6)" in_order "$out" port.split asc
run "$ABRIDGE" -r 0.5 "$PORT"
ok "brief sentences appear in article order (-r 0.5)" in_order "$out" port.split asc
run "$ABRIDGE" --order score "$PORT"
is "$rc" 0 "--order score exists: exit status 0"
is "$(nlines "$out")" 3 "--order score prints the same number of sentences"
run "$ABRIDGE" --order article "$PORT"
is "$out" "$PORT_BRIEF" "--order article is the default"
run "$ABRIDGE" --order bogus "$PORT"
usage_error "--order bogus" ".*bogus"
run "$ABRIDGE" -f json --order score -n 4 "$PORT"
json_ok "--order score: JSON sentences best score first" order score
run "$ABRIDGE" -p lead -f json -n 4 -O lead.per_paragraph=true "$PORT"
json_ok "default order: JSON sentence indexes ascending" order article

# ---- 4. standard input ------------------------------------------------------

run_in "$PORT" "$ABRIDGE"
is "$rc" 0 "abridge < FILE: exit status 0"
is "$out" "$PORT_BRIEF" "abridge < FILE is abridge FILE"
run_in "$PORT" "$ABRIDGE" -
is "$out" "$PORT_BRIEF" "abridge - < FILE is abridge FILE"
run_in "$PORT" "$ABRIDGE" split -
is "$out" "$PORT_SPLIT" "abridge split - < FILE is abridge split FILE"

# One reading rule for every command: standard input that starts with '{'
# is JSON Lines, as a *.jsonl file is, for abridge and abridge batch alike.
printf '\n  {"id":"one","text":"The port reopened on Monday. Ships queued for days."}\n{"id":"two","text":"A ferry was cancelled. Crews were short."}\n' >stdin.jsonl
run_in stdin.jsonl "$ABRIDGE" -f jsonl -
is "$rc" 0 "JSON Lines on stdin: exit status 0"
json_ok "JSON Lines on stdin: one brief a record" lines 2
like "$out" '"id":"two"' "JSON Lines on stdin: records named by their ids"
run_in stdin.jsonl "$ABRIDGE" batch -q -R jsonl -
is "$rc:$(nlines "$out")" "0:2" "batch reads JSON Lines on stdin the same way"
printf '{"text": "no id here. A second sentence."}\n\n{"oops"\n' >noid.jsonl
run_in noid.jsonl "$ABRIDGE" -
is "$rc" 1 "a bad record on stdin: exit status 1"
like "$err" "^abridge: stdin:3: " "a bad record on stdin is named stdin:LINE"
like "$out" "^==> stdin:1 <==" "a record without an id on stdin is named stdin:LINE"
run_in "$PORT" "$ABRIDGE" batch -q -R jsonl -
is "$rc:$(nlines "$out")" "0:1" "batch reads prose on stdin as one article"

# A directory is every file in it, in name order, for abridge as for batch.
mkdir -p tree/sub
cp "$PORT" tree/b.txt
cp "$ARTICLES/plain.txt" tree/sub/a.txt
run "$ABRIDGE" -n 1 tree
is "$rc" 0 "a directory: exit status 0"
is "$(printf '%s\n' "$out" | grep '^==> ')" "==> tree/b.txt <==
==> tree/sub/a.txt <==" "a directory: each file, in name order, under its name"

# Briefs of a slow stream come out as they are made, not at its end: the
# first brief is read back before the second record is written.
if command -v mkfifo >/dev/null 2>&1; then
  mkfifo in.fifo out.fifo
  "$ABRIDGE" -f jsonl - <in.fifo >out.fifo 2>/dev/null &
  pid=$!
  exec 7>in.fifo 8<out.fifo
  printf '{"id":"first","text":"The first record arrives alone. It has two sentences."}\n' >&7
  first=$(timeout 20 head -n 1 <&8)
  exec 7>&-
  wait $pid
  status=$?
  exec 8<&-
  like "$first" '"id":"first"' "a stream's first brief is written before the stream ends"
  is "$status" 0 "a stream's briefs: exit status 0"
else
  skip "a stream's first brief is written before the stream ends" "no mkfifo"
  skip "a stream's briefs: exit status 0" "no mkfifo"
fi

# ---- 5. JSON ----------------------------------------------------------------

run "$ABRIDGE" -p lead -f json "$PORT"
save_out port.json
is "$rc" 0 "-f json: exit status 0"
json_ok "-f json output is valid JSON" valid
json_ok "-f json has file, title, dateline, plugin, sentences (index, text, score, start, end), brief" shape
json_ok "-f json byte offsets [start,end) hold each sentence's words" spans "$PORT"
if [ -n "$HAVE_PYTHON" ]; then
  is "$(py get title)" "$PORT_TITLE" "-f json title is the headline line"
  like "$(py get dateline)" "^ROTTERDAM" "-f json dateline is the cut dateline"
  is "$(py get plugin)" "lead" "-f json plugin is lead"
  is "$(py get file)" "$PORT" "-f json file is the path given"
else
  for t in title dateline plugin file; do skip "-f json $t" "python3 is not available"; done
fi

run "$ABRIDGE" -p lead -f json "$ARTICLES/dateline-unspaced.txt"
if [ -n "$HAVE_PYTHON" ]; then
  is "$(py get dateline)" "VATICAN CITY" "-f json: a dateline before an em dash without spaces"
  like "$(py get brief)" "^Six years ago the Vatican" "the brief starts after the unspaced dateline"
else
  for t in dateline brief; do skip "-f json unspaced dateline $t" "python3 is not available"; done
fi

for f in hardwrapped.txt dateline-washington.txt quotes-british.txt dateline-reuters.txt list-headings.txt \
    dateline-unspaced.txt; do
  run "$ABRIDGE" -f json -n 100 "$ARTICLES/$f"
  json_ok "-f json byte offsets hold the sentences of $f" spans "$ARTICLES/$f"
done

run "$ABRIDGE" -f json "$PORT" "$ARTICLES/plain.txt"
is "$rc" 0 "-f json on two files: exit status 0"
json_ok "-f json on two files gives JSON Lines: 2 lines, each valid JSON" lines 2

run "$ABRIDGE" -f jsonl "$PORT"
json_ok "-f jsonl on one file: 1 line of JSON" lines 1

run "$ABRIDGE" -f json "$ARTICLES/articles.jsonl"
is "$rc" 0 "JSONL input: exit status 0"
json_ok "JSONL input gives JSON Lines, one per record" lines 3
json_ok "JSONL input: each line carries its record's id and title, spans index the record text" records "$ARTICLES/articles.jsonl"

run_in "$ARTICLES/articles.jsonl" "$ABRIDGE" -f json --input-format jsonl
json_ok "--input-format jsonl on stdin: one line per record" lines 3

run "$ABRIDGE" -n 1 "$ARTICLES/articles.jsonl"
like "$out" "^==> zurich-tram-2024 <==\$" "text output of JSONL input names each record by id"

# Quotes, backslashes, tabs, control characters and </script> in the input.
printf 'He said "hi" and a \\ backslash\tand a tab here. A control \001 char and </script> tag appear. Third \037 sentence \177 is here.\n' >escapes.txt
run "$ABRIDGE" -f json escapes.txt
is "$rc" 0 "-f json of quotes, backslashes, tabs, control characters: exit status 0"
json_ok "-f json stays valid JSON with quotes, backslashes, tabs, control characters, </script>" valid
json_ok "-f json offsets still hold the sentences of the escapes article" spans escapes.txt
if [ -n "$HAVE_PYTHON" ]; then
  like "$(py get brief)" '"hi" and a \\ backslash' "-f json round-trips quotes and backslashes"
else
  skip "-f json round-trips quotes and backslashes" "python3 is not available"
fi
run "$ABRIDGE" -f jsonl escapes.txt "$PORT"
json_ok "-f jsonl stays one line per article with control characters" lines 2
run "$ABRIDGE" split -f jsonl escapes.txt
json_ok "split -f jsonl stays valid JSON Lines with control characters" lines 3

# A JSONL record whose text holds \u0000 must not lose what follows silently.
printf '{"id":"nul","text":"One sentence here. Two sentences\\u0000 three."}\n' >nul.jsonl
run "$ABRIDGE" -n 5 nul.jsonl
if [ "$rc" = 1 ]; then
  like "$err" "^abridge: nul\\.jsonl:1: " "a \\u0000 in a JSONL record is refused with 'abridge: FILE:LINE: ...'"
else
  like "$out" "three" "a \\u0000 in a JSONL record does not cut the text short silently"
fi

# ---- 6. Markdown --------------------------------------------------------------

run "$ABRIDGE" -f markdown "$PORT"
is "$rc" 0 "-f markdown: exit status 0"
is "$(printf '%s\n' "$out" | head -n 1)" "## $PORT_TITLE" "-f markdown starts with '## ' and the title"
like "$out" "^- $(re_quote "$PORT_LEAD")\$" "-f markdown lists the lead sentence"
run "$ABRIDGE" -f md "$PORT"
like "$out" "^## " "-f md is markdown too"

# ---- 7. bad inputs ------------------------------------------------------------

printf 'Z\303\274rich is fine. Caf\303\251 ok. ' >prefix
BAD_AT=$(wc -c <prefix | tr -d ' ')
{ cat prefix; printf '\377 more text here.\n'; } >bad-utf8.txt
run "$ABRIDGE" bad-utf8.txt
refused "invalid UTF-8" bad-utf8.txt
like "$err" "UTF-8" "invalid UTF-8: the message says UTF-8"
like "$err" "offset $BAD_AT([^0-9]|\$)" "invalid UTF-8: the message names the byte offset ($BAD_AT)"

{ cat prefix; printf '\303'; } >truncated.txt
run "$ABRIDGE" truncated.txt
refused "UTF-8 sequence cut at end of file" truncated.txt
like "$err" "offset $BAD_AT([^0-9]|\$)" "cut UTF-8 sequence: the message names the byte offset ($BAD_AT)"

{ cat prefix; printf '\300\257 overlong.\n'; } >overlong.txt
run "$ABRIDGE" overlong.txt
refused "overlong UTF-8 encoding" overlong.txt

{ cat prefix; printf '\355\240\200 surrogate.\n'; } >surrogate.txt
run "$ABRIDGE" surrogate.txt
refused "UTF-8 encoded surrogate" surrogate.txt

{ printf 'Some text before'; printf '\000'; printf 'the NUL byte.\n'; } >nul.txt
run "$ABRIDGE" nul.txt
refused "NUL byte" nul.txt
like "$err" "NUL" "NUL byte: the message says NUL"
like "$err" "offset 16([^0-9]|\$)" "NUL byte: the message names the byte offset (16)"

if [ -r /bin/ls ]; then
  head -c 2000 /bin/ls >binary.dat
else
  { printf '\177ELF\002\001\001'; head -c 2000 /dev/zero; } >binary.dat
fi
run "$ABRIDGE" binary.dat
refused "binary file" binary.dat

mkdir adir
run "$ABRIDGE" adir
refused "an empty directory" adir
like "$err" "no file in the directory" "an empty directory: the message says so"

run "$ABRIDGE" missing.txt
refused "a missing file" missing.txt

cp ok.txt unreadable.txt
chmod 000 unreadable.txt
if [ "$(id -u)" = 0 ]; then
  for t in "exit status 1" "no crash" "nothing on stdout" "one line on stderr" "the message names the file"; do
    skip "an unreadable file: $t" "running as root, which reads anything"
  done
else
  run "$ABRIDGE" unreadable.txt
  refused "an unreadable file" unreadable.txt
fi
chmod 644 unreadable.txt

cp "$PORT" port.txt
run "$ABRIDGE" --max-bytes 100 port.txt
refused "--max-bytes 100 on a larger file" port.txt
like "$err" "100" "--max-bytes: the message names the limit"
PORT_SIZE=$(wc -c <port.txt | tr -d ' ')
run "$ABRIDGE" --max-bytes "$PORT_SIZE" port.txt
is "$rc" 0 "--max-bytes equal to the file size reads it"
run "$ABRIDGE" --max-bytes "$((PORT_SIZE - 1))" port.txt
is "$rc" 1 "--max-bytes one byte short of the file size refuses it"
run "$ABRIDGE" --max-bytes 0 port.txt
usage_error "--max-bytes 0"
run "$ABRIDGE" --input-format bogus port.txt
usage_error "--input-format bogus" ".*bogus"

run "$ABRIDGE" ok.txt bad-utf8.txt port.txt
is "$rc" 1 "several files, one bad: exit status 1"
like "$out" "^Hello world\\.\$" "several files, one bad: the good file before it is summarized"
like "$out" "^$(re_quote "$PORT_LEAD")\$" "several files, one bad: the good file after it is summarized"
is "$(nlines "$err")" 1 "several files, one bad: one line on stderr"
like "$err" "^abridge: bad-utf8\\.txt: " "several files, one bad: the message names the bad file"
like "$out" "^==> port\\.txt <==\$" "several files: text output names each file"

run "$ABRIDGE" missing.txt port.txt
is "$rc" 1 "a missing file then a good one: exit status 1"
like "$out" "^$(re_quote "$PORT_LEAD")\$" "a missing file then a good one: the good one is summarized"

J=$ARTICLES/articles.jsonl
{ sed -n 1p "$J"; echo 'not json'; echo '{"id":"x"}'; echo '[1]'; sed -n 3p "$J"; } >mixed.jsonl
run "$ABRIDGE" -n 1 mixed.jsonl
is "$rc" 1 "JSONL with bad records: exit status 1"
cmp_ok "$rc" -lt 128 "JSONL with bad records: no crash"
is "$(nlines "$err")" 3 "JSONL with bad records: one line on stderr per bad record"
like "$err" "^abridge: mixed\\.jsonl:2: " "JSONL: not JSON is reported as FILE:LINE"
like "$err" "^abridge: mixed\\.jsonl:3: .*text" "JSONL: a record without text is reported as FILE:LINE"
like "$err" "^abridge: mixed\\.jsonl:4: " "JSONL: a record that is not an object is reported as FILE:LINE"
like "$out" "^==> chip-plant-jobs <==\$" "JSONL with bad records: the good records are still summarized"

# ---- 8. empty articles ------------------------------------------------------------

# An empty or blank article is an error, "abridge: FILE: no text", for
# every command that reads articles, as batch has it
# (tests/cli/test-peers.sh covers the rest). An article with text but no
# sentence (only page furniture) is not: it prints an empty brief
# (nothing in text, "sentences": [] in JSON) and exits 0.
: >empty.txt
printf '  \n\n\t \n \n' >blank.txt
for f in empty.txt blank.txt; do
  run "$ABRIDGE" "$f"
  is "$rc:$out" "1:" "$f: exit status 1, nothing on stdout"
  is "$err" "abridge: $f: no text" "$f: one line saying there is no text"
  for cmd in split extract; do
    run "$ABRIDGE" $cmd "$f"
    is "$rc:$out:$err" "1::abridge: $f: no text" "$f: $cmd says there is no text, exit status 1"
  done
done
printf '{"id":"blank","text":"  "}\n{"id":"fine","text":"The port reopened on Monday."}\n' >blank.jsonl
run "$ABRIDGE" split blank.jsonl
is "$rc:$err" "1:abridge: blank: no text" "split: a blank record is 'no text', exit status 1"
like "$out" '^The port reopened on Monday\.$' "split: the record after a blank one is still split"
run "$ABRIDGE" split "$ARTICLES/boilerplate-only.txt"
is "$rc:$out:$err" "0::" "boilerplate-only.txt (no sentence): split prints nothing, exit status 0"
f=$ARTICLES/boilerplate-only.txt
run "$ABRIDGE" "$f"
is "$rc" 0 "boilerplate-only.txt (no sentence): exit status 0"
is "$out" "" "boilerplate-only.txt (no sentence): empty brief"
is "$err" "" "boilerplate-only.txt (no sentence): nothing on stderr"
run "$ABRIDGE" -f json "$f"
json_ok "boilerplate-only.txt (no sentence): -f json is still valid JSON" valid
run_in empty.txt "$ABRIDGE"
is "$rc:$out:$err" "1::abridge: -: no text" "empty standard input: exit status 1, said as '-: no text'"

# ---- 9. help, version, option errors --------------------------------------------

run "$ABRIDGE" --help
is "$rc" 0 "--help: exit status 0"
like "$out" "^Usage:" "--help goes to stdout"
is "$err" "" "--help: nothing on stderr"
run "$ABRIDGE" split --help
is "$rc" 0 "split --help: exit status 0"
like "$out" "^Usage:" "split --help goes to stdout"
run "$ABRIDGE" plugins --help
is "$rc" 0 "plugins --help: exit status 0"
like "$out" "^Usage:" "plugins --help goes to stdout"

# Every command's help comes from the command table: its usage names it,
# and the main help lists every command.
for c in split extract plugins eval batch help; do
  run "$ABRIDGE" "$c" --help
  like "$out" "^  abridge $c \\[OPTION\\.\\.\\.\\]" "$c --help: the usage line names '$c'"
  run "$ABRIDGE" --help
  like "$out" "^  abridge $c " "--help lists '$c'"
done
run "$ABRIDGE" help batch
is "$rc:$(printf '%s\n' "$out" | sed -n 2p)" "0:  abridge batch [OPTION...] [INPUT...]" "help batch is batch --help"
run "$ABRIDGE" help
like "$out" "^Commands:" "help alone is the main help"
run "$ABRIDGE" help nosuch
usage_error "help for a command that does not exist" ".*nosuch"
run "$ABRIDGE" help --all
is "$(printf '%s\n' "$out" | grep -c '^Usage:')" 7 "help --all: the help of every command"
if [ -w /dev/full ]; then
  run_out /dev/full "$ABRIDGE" --help
  is "$rc" 1 "--help to a full disk: exit status 1"
  run_out /dev/full "$ABRIDGE" batch --help
  is "$rc" 1 "batch --help to a full disk: exit status 1"
fi

# Options may come before the command: they are the command's.
run "$ABRIDGE" --plugin-dir "$FIXDIR" plugins
is "$rc" 0 "--plugin-dir DIR plugins: exit status 0"
like "$out" "^last " "--plugin-dir DIR plugins: the command sees the option"
run "$ABRIDGE" -p lead split "$PORT"
like "$out" "^==> .*port-strike.txt <==" "an option split does not take, then 'split': files to summarize"
mkdir -p cmdname && cp "$PORT" cmdname/split
run "$ABRIDGE" -n 1 cmdname/split
is "$rc:$(nlines "$out")" "0:1" "a file named like a command, given as a path, is summarized"

run "$ABRIDGE" --version
is "$rc" 0 "--version: exit status 0"
like "$out" "^abridge $(re_quote "$VERSION")( |\$)" "--version prints 'abridge $VERSION' on stdout"
is "$err" "" "--version: nothing on stderr"

run "$ABRIDGE" --bogus "$PORT"
usage_error "unknown option" ".*bogus"
run "$ABRIDGE" split --bogus "$PORT"
usage_error "split: unknown option" ".*bogus"
run "$ABRIDGE" plugins --bogus
usage_error "plugins: unknown option" ".*bogus"
run "$ABRIDGE" plugins extra
usage_error "plugins with an argument"

run "$ABRIDGE" -p nosuch "$PORT"
usage_error "-p nosuch" ".*nosuch"
run "$ABRIDGE" -p , "$PORT"
usage_error "-p with no plugin id"
run "$ABRIDGE" -p lead -O lead.nosuch=1 "$PORT"
usage_error "-O lead.nosuch=1 (no such option)" ".*nosuch"
run "$ABRIDGE" -p lead -O lead.skip_headings=maybe "$PORT"
usage_error "-O lead.skip_headings=maybe (not a boolean)" ".*(maybe|skip_headings)"
run "$ABRIDGE" -p lead -O lead.skip_headings "$PORT"
usage_error "-O without a value"
run "$ABRIDGE" -O garbage "$PORT"
usage_error "-O not PLUGIN.KEY=VALUE" ".*garbage"
run "$ABRIDGE" -O nosuch.key=1 "$PORT"
usage_error "-O for a plugin not selected" ".*nosuch"
# A value out of a plugin's range is a usage error like one of the wrong
# type, whether the plugin would overflow on it (an infinite score) or not.
for bad in centrality.preceding=1e308 centrality.following=-1e308 centrality.damping=2 \
  edmundson.key_weight=1e308 frequency.lead=1e308 frequency.redundancy=1e308 lsa.smooth=1e308 \
  quotes.duplicate=2; do
  run "$ABRIDGE" -p "${bad%%.*}" -O "$bad" "$PORT"
  usage_error "-O $bad (out of range)" "plugin '${bad%%.*}': .*must be"
done
run "$ABRIDGE" -p centrality -O centrality.damping=1e-320 "$PORT"
is "$rc" 0 "-O centrality.damping=1e-320: a number that underflows is still a number"
run "$ABRIDGE" -p lead,frequency "$PORT"
usage_error "-p lead,frequency: plugins are fused with '+'" "plugins are fused with '\\+', not ',': -p lead\\+frequency"
run "$ABRIDGE" -p lead+frequency "$PORT"
is "$rc" 0 "-p lead+frequency: exit status 0"
run "$ABRIDGE" -p lead -O lead.per_paragraph=true "$PORT"
is "$rc" 0 "-O lead.per_paragraph=true works: exit status 0"
is "$(nlines "$out")" 3 "-O lead.per_paragraph=true: 3 sentences"
like "$out" "^The United Port Workers union called" "-O lead.per_paragraph=true takes the first sentence of the third paragraph"
unlike "$out" "^By midday" "-O lead.per_paragraph=true skips second sentences of paragraphs"
run "$ABRIDGE" -p lead -O lead.skip_headings=false "$PORT"
is "$rc" 0 "-O lead.skip_headings=false works"
run "$ABRIDGE" -f nosuch "$PORT"
usage_error "-f nosuch" ".*nosuch"
run "$ABRIDGE" split -f nosuch "$PORT"
usage_error "split -f nosuch" ".*nosuch"

# ---- 10. split ------------------------------------------------------------------------

run "$ABRIDGE" split "$PORT"
is "$rc" 0 "split: exit status 0"
cmp_ok "$(nlines "$out")" -gt 20 "split prints one sentence a line (many lines)"
unlike "$out" "$BOILERPLATE" "split prints no boilerplate"
unlike "$out" "^$(re_quote "$PORT_TITLE")\$" "split: the title is not among the sentences"
is "$(printf '%s\n' "$out" | head -n 1)" "$PORT_LEAD" "split: the dateline is gone from the first sentence"
like "$out" "^By midday, the port authority said, almost no containers were moving\\.\$" "split: a paragraph's second sentence is a line of its own"
like "$out" "^She estimated that a full week .*\\(\\\$1\\.5 billion\\)\\.\$" "split: 'Dr.' and '\$1.5' do not end sentences"
like "$out" "^Hallberg Line, .* the U\\.S\\. to expect delays of up to a week\\.\$" "split: 'U.S.' mid-sentence does not end it"

run "$ABRIDGE" split --all "$PORT"
is "$rc" 0 "split --all: exit status 0"
like "$out" "^\\[boilerplate\\] Source link\$" "split --all marks 'Source link' as [boilerplate]"
like "$out" "^\\[boilerplate\\] By PETER HALVORSEN" "split --all marks the byline as [boilerplate]"
like "$out" "^\\[boilerplate\\] .*contributed to this report" "split --all marks the credit line as [boilerplate]"
is "$(printf '%s\n' "$out" | grep -v '^\[[a-z]*\] ')" "$PORT_SPLIT" "split --all without the marked lines is split"
unlike "$out" "^$(re_quote "$PORT_TITLE")\$" "split --all: the title is not an unmarked sentence"

run "$ABRIDGE" split -f jsonl "$PORT"
is "$rc" 0 "split -f jsonl: exit status 0"
json_ok "split -f jsonl: one valid JSON line per sentence" lines "$(nlines "$PORT_SPLIT")"
json_ok "split -f jsonl: every line has flags and text" flags
json_ok "split -f jsonl: byte spans hold each sentence" spans "$PORT"
like "$out" '"flags":\[[^]]*"dateline"' "split -f jsonl flags the sentence that had the dateline"
unlike "$out" "\"text\":\"$(re_quote "$PORT_TITLE")\"" "split -f jsonl: the title is not among the sentences"
unlike "$out" '"text":"ROTTERDAM' "split -f jsonl: the dateline is gone from the first sentence"
run "$ABRIDGE" split --all -f jsonl "$PORT"
like "$out" '"flags":\[[^]]*"boilerplate"' "split --all -f jsonl flags boilerplate"
json_ok "split --all -f jsonl: every line has flags and text" flags

# ---- 11. plugins ------------------------------------------------------------------------

run "$ABRIDGE" plugins
is "$rc" 0 "plugins: exit status 0"
like "$out" "^lead +[^ ]+ +ABI 1\\.2 " "plugins lists lead with ABI 1.2"
is "$err" "" "plugins: no warnings for the shipped plugins"
run "$ABRIDGE" plugins --verbose
is "$rc" 0 "plugins --verbose: exit status 0"
like "$out" "skip_headings" "plugins --verbose shows lead's option skip_headings"
like "$out" "per_paragraph" "plugins --verbose shows lead's option per_paragraph"
like "$out" "^search path:" "plugins --verbose shows the search path"

# ---- 12. plugin directories -------------------------------------------------------

if [ -f "$FIXDIR/good.so" ] || ls "$FIXDIR"/good.* >/dev/null 2>&1; then
  run "$ABRIDGE" plugins --plugin-dir "$FIXDIR"
  is "$rc" 0 "plugins --plugin-dir FIXTURES: exit status 0 despite broken plugins"
  like "$out" "^last +[^ ]+ +ABI 1\\.2 " "plugins --plugin-dir lists the fixture plugin 'last'"
  unlike "$out" "^(future|short) " "plugins --plugin-dir lists no refused plugin"
  for f in wrong-abi no-entry short-descriptor null-descriptor; do
    is "$(printf '%s\n' "$err" | grep -c "/$f\\.")" 1 "plugins --plugin-dir: one warning line naming $f"
  done
  unlike "$err" "/good\\." "plugins --plugin-dir: no warning about the good plugin"
  like "$err" "^abridge: .*wrong-abi\\.[a-z]+.*built for ABI 2, this abridge speaks 1" "wrong-abi warning: built for ABI 2, this abridge speaks 1"
  like "$err" "^abridge: .*no-entry\\.[a-z]+.*abridge_plugin_descriptor" "no-entry warning names abridge_plugin_descriptor"
  like "$err" "^abridge: .*short-descriptor\\.[a-z]+: " "short-descriptor warning"
  like "$err" "^abridge: .*null-descriptor\\.[a-z]+: " "null-descriptor warning"
  like "$err" "duplicate-lead\\.[a-z]+.*[/ ]lead\\.[a-z]+|[/ ]lead\\.[a-z]+.*duplicate-lead\\.[a-z]+" "duplicate id 'lead': the warning names both files"
  is "$(printf '%s\n' "$err" | grep -c "'lead'")" 1 "duplicate id 'lead': one warning line"
  is "$(printf '%s\n' "$out" | grep -c '^lead ')" 1 "duplicate id 'lead': listed once"
  like "$out" "^lead .*duplicate-lead\\.[a-z]+\$" "--plugin-dir comes first: the fixture's 'lead' wins over the shipped one"
  like "$out" "^  replaces the shipped lead \\(.*[^-]lead\\.[a-z]+\\)\$" "plugins says the fixture's 'lead' replaces the shipped one, and where that is"
  like "$err" "^abridge: .*undefined-symbol\\.[a-z]+: cannot be loaded: undefined symbol: abridge_fixture_nowhere\$" \
    "a plugin using a symbol nothing defines is refused at discovery, naming the symbol"
  unlike "$out" "^undefined " "… and not listed"
  like "$err" "bad-options\\.[a-z]+: plugin 'bad-default': option 'count': default 'three' is not an integer\$" \
    "an option default that does not parse is a refusal at discovery"
  like "$err" "bad-options\\.[a-z]+: plugin 'options-twice': option 'weight' is declared twice\$" \
    "an option key declared twice is a refusal"
  like "$err" "bad-options\\.[a-z]+: plugin 'bad-type': option 'mode' has unknown type 99\$" \
    "an unknown option type is a refusal"
  like "$err" "bad-options\\.[a-z]+: plugin 'bad-key': option 0: key is not \\[a-z0-9_\\]\\+" \
    "an option key outside [a-z0-9_] is a refusal"
  like "$out" "^options-ok " "a sound option table beside them is accepted"
  is "$(nlines "$err")" 10 "plugins --plugin-dir: exactly 10 warning lines (5 broken files, 4 option tables, 1 duplicate)"

  run "$ABRIDGE" plugins --verbose --plugin-dir "$FIXDIR"
  like "$out" "^refused: .*wrong-abi" "plugins --verbose lists the refusals"
  is "$(printf '%s\n' "$out" | sed -n '/^search path:/{n;p;}' | sed 's/^ *//')" "$FIXDIR" "plugins --verbose: --plugin-dir is first in the search path"

  run "$ABRIDGE" -p last --plugin-dir "$FIXDIR" "$PORT"
  is "$rc" 0 "-p last --plugin-dir: exit status 0"
  is "$out" "$(printf '%s\n' "$PORT_SPLIT" | tail -n 3)" "-p last selects the last sentences, in article order"
  run "$ABRIDGE" -p last --order score --plugin-dir "$FIXDIR" "$PORT"
  is "$(printf '%s\n' "$out" | head -n 1)" "$(printf '%s\n' "$PORT_SPLIT" | tail -n 1)" "-p last --order score puts the last sentence first"
  ok "-p last --order score: sentences in reverse article order" in_order "$out" port.split desc
  run "$ABRIDGE" -p lead --plugin-dir "$FIXDIR" "$PORT"
  is "$out" "$(printf '%s\n' "$PORT_SPLIT" | tail -n 3)" "with --plugin-dir FIXTURES, 'lead' is the fixture's (last sentences)"
  run "$ABRIDGE" -f json -p last --plugin-dir "$FIXDIR" "$PORT"
  if [ -n "$HAVE_PYTHON" ]; then
    is "$(py get plugin)" "last" "-f json names the plugin used (last)"
  else
    skip "-f json names the plugin used (last)" "python3 is not available"
  fi
  run "$ABRIDGE" -p last "$PORT"
  usage_error "-p last without --plugin-dir: no such plugin" ".*last"

  # The current directory is never searched implicitly.
  cd "$FIXDIR" || bail_out "cannot cd to $FIXDIR"
  run "$ABRIDGE" plugins
  R1=$out
  run env ABRIDGE_PLUGIN_PATH=: "$ABRIDGE" plugins
  R2=$out
  run env ABRIDGE_PLUGIN_PATH=/nonexistent: "$ABRIDGE" plugins
  R3=$out
  run "$ABRIDGE" -p last "$PORT"
  R4=$rc
  cd "$TAP_TMP" || bail_out "cannot cd to $TAP_TMP"
  unlike "$R1" "^last " "plugins run inside a plugin directory does not load from the current directory"
  like "$R1" "^lead .*[^-]lead\\.[a-z]+\$" "plugins run inside the fixtures directory: the shipped lead is used"
  unlike "$R2" "^last " "an empty element of ABRIDGE_PLUGIN_PATH is not the current directory"
  unlike "$R3" "^last " "a trailing empty element of ABRIDGE_PLUGIN_PATH is not the current directory"
  is "$R4" 2 "-p last inside the fixtures directory: not found (exit status 2)"

  run env ABRIDGE_PLUGIN_PATH="$FIXDIR" "$ABRIDGE" plugins
  like "$out" "^last " "ABRIDGE_PLUGIN_PATH is searched"

  # A relative entry would be searched from wherever abridge runs: refused.
  cd "$FIXDIR/.." || bail_out "cannot cd to $FIXDIR/.."
  run env ABRIDGE_PLUGIN_PATH=.libs "$ABRIDGE" plugins
  RA=$out EA=$err
  run "$ABRIDGE" plugins --plugin-dir .libs
  RB=$out EB=$err
  run "$ABRIDGE" plugins --plugin-dir .
  RC=$out EC=$err
  cd "$TAP_TMP" || bail_out "cannot cd to $TAP_TMP"
  unlike "$RA" "^last " "a relative ABRIDGE_PLUGIN_PATH entry is not searched"
  is "$EA" "abridge: plugin directory .libs: a relative path is never searched (the current directory is not a plugin directory): give it as an absolute path" \
    "… and says so in one line"
  unlike "$RB" "^last " "a relative --plugin-dir is not searched"
  like "$EB" "^abridge: plugin directory \\.libs: a relative path is never searched" "… and says so"
  unlike "$RC" "^last " "--plugin-dir . is not searched either"
  is "$(nlines "$EC")" 1 "… one line"
else
  skip "plugin directory tests" "fixture plugins not built in $FIXDIR (run make check)"
fi

# ---- 13. write errors -----------------------------------------------------------------

if [ -w /dev/full ]; then
  run_out /dev/full "$ABRIDGE" "$PORT"
  is "$rc" 1 "output to a full disk: exit status 1"
  like "$err" "^abridge: cannot write standard output: " "output to a full disk: 'abridge: cannot write standard output' message"
  is "$(nlines "$err")" 1 "output to a full disk: one line on stderr"
  run_out /dev/full "$ABRIDGE" -f json "$PORT" "$PORT"
  is "$rc" 1 "-f json to a full disk: exit status 1"
  run_out /dev/full "$ABRIDGE" split "$PORT"
  is "$rc" 1 "split to a full disk: exit status 1"
  like "$err" "^abridge: cannot write standard output: " "split to a full disk: 'abridge: cannot write standard output' message"
  run_out /dev/full "$ABRIDGE" plugins
  is "$rc" 1 "plugins to a full disk: exit status 1"
  run_out /dev/full "$ABRIDGE" --version
  cmp_ok "$rc" -ne 0 "--version to a full disk: exit status not 0"
else
  skip "output to a full disk" "no /dev/full"
fi

# ---- 14. no plugins at all -------------------------------------------------------------

# Not one plugin: an installation problem (exit status 4), said with the
# directories searched, not a usage error naming 'lead'.
run env ABRIDGE_PLUGIN_SYSTEM_PATH=/nonexistent "$ABRIDGE" "$PORT"
is "$rc:$out" "4:" "no plugin directory: exit status 4, nothing on stdout"
like "$err" "^abridge: no plugin found in /nonexistent " "no plugin directory: the message names the directory searched"
is "$(nlines "$err")" 1 "no plugin directory: one line on stderr"
run env ABRIDGE_PLUGIN_SYSTEM_PATH=/nonexistent "$ABRIDGE" plugins
is "$rc:$out" "4:" "plugins with no plugin directory: exit status 4, lists nothing"
like "$err" "^abridge: no plugin found in /nonexistent " "plugins with no plugin directory: says so on stderr"

# ---- robustness ----------------------------------------------------------------------

sed 's/$/\r/' "$PORT" >crlf.txt
run "$ABRIDGE" crlf.txt
is "$out" "$PORT_BRIEF" "CRLF line ends give the same brief"
printf '\357\273\277%s\n\nBody sentence one. Body sentence two.\n' "A title" >bom.txt
run "$ABRIDGE" -f json bom.txt
if [ -n "$HAVE_PYTHON" ]; then
  is "$(py get title)" "A title" "a UTF-8 byte order mark is not part of the title"
else
  skip "a UTF-8 byte order mark is not part of the title" "python3 is not available"
fi
printf 'No final newline here. Second one.' >nonl.txt
run "$ABRIDGE" nonl.txt
is "$out" "No final newline here.
Second one." "an article without a final newline"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "Sentence number %d is here. ", i; print "" }' >long.txt
run "$ABRIDGE" -n 2 long.txt
is "$rc" 0 "an article of 20000 sentences on one line: exit status 0"
is "$(nlines "$out")" 2 "an article of 20000 sentences: -n 2 prints 2"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "word "; print "" }' >oneword.txt
run "$ABRIDGE" oneword.txt
is "$rc" 0 "a 500 kB sentence without punctuation: exit status 0"
is "$(nlines "$out")" 1 "a 500 kB sentence without punctuation: printed as one sentence"

# ---- languages -------------------------------------------------------------------------

run "$ABRIDGE" --lang xx "$PORT"
is "$rc" 2 "--lang with an unknown code: exit status 2"
like "$err" "^abridge: --lang: unknown language 'xx': use auto or one of .*\bde\b.*\ben\b.*\bru\b" \
  "--lang with an unknown code: one line listing the supported codes"
run "$ABRIDGE" --lang el "$PORT"
is "$rc" 0 "--lang el (a stemmer, no stop list): exit status 0"
like "$err" "^abridge: warning: no stop-word list for 'el'" "--lang el: a warning says there is no stop list"
run "$ABRIDGE" --lang de "$PORT"
is "$err" "" "--lang de: no warning (German has a stop list)"
run "$ABRIDGE" -f json "$ARTICLES/german.txt"
if [ -n "$HAVE_PYTHON" ]; then
  is "$(py get language)" "de" "-f json reports the detected language (German)"
else
  skip "-f json reports the detected language (German)" "python3 is not available"
fi
run "$ABRIDGE" -f json "$ARTICLES/french.txt" "$PORT"
like "$out" '"language": ?"fr"' "a French article is read as French"
like "$out" '"language": ?"en"' "an English article is read as English"
run "$ABRIDGE" -f json --lang fr "$PORT"
like "$out" '"language": ?"fr"' "an explicit --lang is reported as given, not guessed"
run "$ABRIDGE" split "$ARTICLES/german.txt"
is "$(nlines "$out")" 6 "German: 6 sentences (ordinal '3.', 'z.B.', 'Dr.', 'Mio.' do not end one)"
like "$out" "^Die Reedereien rechnen mit Verlusten von 5 Mio\\. Euro pro Tag\\.$" \
  "German: 'Mio.' before a noun does not end the sentence"
run "$ABRIDGE" -p quotes -f json "$ARTICLES/german.txt"
like "$out" '"speaker": ?"Klaus Müller"' "quotes: the speaker of a German quotation („…“, sagte X)"
run "$ABRIDGE" -p quotes -f json "$ARTICLES/french.txt"
like "$out" '"speaker": ?"Jean Dupont"' "quotes: the speaker of a French quotation (« … », a déclaré X)"
run "$ABRIDGE" eval --lang xx "$ARTICLES/articles.jsonl"
is "$rc" 2 "eval --lang with an unknown code: exit status 2"

done_testing
