#!/bin/sh
# The batch report as a reader sees it: article URLs as links (http and
# https only), author and readable dates, counts that say what happened
# in every format, a page that fits a phone, and the progress line with
# its total and ETA.
: "${top_srcdir:=.}"
. "$top_srcdir/tests/cli/tap.sh"
tap_use_built_abridge

FATAL=$top_builddir/tests/fixtures/fatal/.libs

# record ID URL DATE: a JSONL record of three sentences.
record () {
  printf '{"id": "%s", "title": "Story %s", "url": "%s", "date": "%s", "text": "The port of %s reopened on Monday. Ships queued for days. Dock workers returned to work."}\n' \
    "$1" "$1" "$2" "$3" "$1"
}

# ---- links: http and https only ----------------------------------------------------
{
  record s1 "https://example.org/port?a=1&b=2" "2026-12-05"
  record s2 "http://example.org/old" "2026-12-05T23:30:00-05:00"
  record s3 "javascript:alert(1)" "Fri, 5 Dec 2026"
  record s4 "data:text/html,<b>x</b>" "2026-02-30"
  record s5 "file:///etc/passwd" ""
  record s6 "ftp://example.org/f" "yesterday <b>noon</b>"
  record s7 "//example.org/no-scheme" "2026-12-05"
  record s8 "https://example.org/\\\"><script>alert(1)</script>" "2026-12-05"
} > links.jsonl
run "$ABRIDGE" batch -q -R html -o links.html links.jsonl
is "$rc" 0 "a report of eight articles with all kinds of URLs is written"
html=$(cat links.html)
like "$html" '<a class="url" href="https://example.org/port\?a=1&amp;b=2" rel="noopener noreferrer">https://example.org/port\?a=1&amp;b=2</a>' \
  "an https URL is a link, escaped, with rel=\"noopener noreferrer\""
like "$html" '<a class="url" href="http://example.org/old" rel="noopener noreferrer">' "an http URL is a link"
for url in 'javascript:alert\(1\)' 'data:text/html,&lt;b&gt;x&lt;/b&gt;' 'file:///etc/passwd' \
  'ftp://example.org/f' '//example.org/no-scheme'; do
  like "$html" "<span class=\"url\">$url</span>" "$(echo "$url" | tr -d '\\') stays text"
done
is "$(grep -o 'href="[^#][^"]*"' links.html | wc -l | tr -d ' ')" 3 \
  "only the three http(s) URLs are links out of the report"
unlike "$html" '<script|<b>x|<b>noon' "a hostile URL or date injects no element"
like "$html" 'href="https://example.org/&quot;&gt;&lt;script&gt;alert\(1\)&lt;/script&gt;" rel=' \
  "a URL with a quote stays inside its attribute"

# ---- dates -------------------------------------------------------------------------
like "$html" '<time datetime="2026-12-05" title="2026-12-05">5 December 2026</time>' "an ISO date reads as a date"
like "$html" '<time datetime="2026-12-05" title="2026-12-05T23:30:00-05:00">5 December 2026</time>' \
  "a timestamp reads as the day it was written on, the full value kept as a title"
like "$html" '<span class="date">Fri, 5 Dec 2026</span>' "a date in another form is shown as given"
like "$html" '<span class="date">2026-02-30</span>' "a date that does not exist is shown as given"
like "$html" '<span class="date">yesterday &lt;b&gt;noon&lt;/b&gt;</span>' "… escaped"
run "$ABRIDGE" batch -q -R html --group-by date -o bydate.html links.jsonl
like "$(cat bydate.html)" '<h2>5 December 2026</h2>' "--group-by date heads each day as people write it"

# ---- author (web pages) --------------------------------------------------------------
cat > page.html <<'PAGE'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour cranes return</title>
<meta name="author" content="Mara &quot;Q&quot; Quill &amp; <i>Co</i>">
<meta property="article:published_time" content="2026-03-14T08:30:00Z">
<link rel="canonical" href="https://tidewater.example/news/harbour-cranes">
</head><body><article><h1>Harbour cranes return</h1>
<p>The four container cranes at the north quay of Tidewater harbour lifted their first boxes on Thursday morning, eleven days after a storm tore the roof from the control building.</p>
<p>Engineers worked through the weekend to dry the switchgear and replace the damaged cables that feed the cranes from the harbour power station.</p>
<p>The harbour master said ships waiting at anchor would be unloaded in the order they arrived, and that the backlog should clear within a week.</p>
</article></body></html>
PAGE
run "$ABRIDGE" batch -q -R html -o page-report.html page.html
is "$rc" 0 "a report of a web page is written"
page=$(cat page-report.html)
like "$page" '<span class="author">by Mara &quot;Q&quot; Quill &amp; &lt;i&gt;Co&lt;/i&gt;</span>' \
  "the page's author is shown, escaped"
like "$page" '<time datetime="2026-03-14" title="2026-03-14T08:30:00Z">14 March 2026</time>' \
  "the page's date reads as a date"
like "$page" '<a class="url" href="https://tidewater.example/news/harbour-cranes" rel="noopener noreferrer">' \
  "the page's canonical URL is a link"
run "$ABRIDGE" batch -q -R markdown page.html
like "$out" '^\*page.html\* · by Mara "Q" Quill & \\<i\\>Co\\</i\\> · 2026-03-14' \
  "the Markdown report names the author too, escaped"

# ---- counts that say what happened ---------------------------------------------------
record ok1 "https://a.example/1" 2026-12-05 > one.jsonl
{ record ok1 "https://a.example/1" 2026-12-05; record ok2 "https://a.example/2" 2026-12-06; } > two.jsonl
printf '{"id": "bad1"}\n' > onebad.jsonl
{ cat one.jsonl; printf '{"id": "bad1"}\n{"id": "bad2"}\n{"id": "bad3"}\n'; } > threebad.jsonl
{ cat two.jsonl; printf '{"id": "bad1"}\n'; } > twoonebad.jsonl

# summary FILE FORMAT: the sentence that counts the articles of the report.
summary () {
  "$ABRIDGE" batch -q -R "$2" "$1" 2>/dev/null \
    | sed -n -e 's/.*<p class="summary">\([^<]*\)<\/p>.*/\1/p' -e '3{/^[0-9]/p}' | head -n 1
}
for f in markdown html; do
  is "$(summary one.jsonl $f)" "1 article." "$f: one article summarized is \"1 article\""
  is "$(summary two.jsonl $f)" "2 articles." "$f: two summarized are \"2 articles\""
  is "$(summary onebad.jsonl $f)" "1 article: 0 summarized, 1 failed." "$f: one article that failed"
  is "$(summary threebad.jsonl $f)" "4 articles: 1 summarized, 3 failed." \
    "$f: one summarized and three failed is four articles, and says so"
  is "$(summary twoonebad.jsonl $f)" "3 articles: 2 summarized, 1 failed." "$f: two summarized, one failed"
done
run "$ABRIDGE" batch -q -R json threebad.jsonl
like "$out" '"articles":4,"failures":3' "json counts the same: every article read, and the failures"
run "$ABRIDGE" batch -q -R html threebad.jsonl
is "$rc" 3 "a report with failures exits 3"
is "$(printf '%s\n' "$err" | grep -c '^abridge: threebad.jsonl:[0-9]: ')" 3 \
  "each failed article gets one line on stderr naming it"

# ---- a phone's width -------------------------------------------------------------------
long=$(printf 'https://example.org/%0300d' 0)
record wide "$long" 2026-12-05 > wide.jsonl
run "$ABRIDGE" batch -q -R html -o wide.html wide.jsonl
wide=$(cat wide.html)
like "$wide" '<meta name="viewport" content="width=device-width, initial-scale=1">' \
  "the page is laid out for the device's width"
like "$wide" 'body\{[^}]*overflow-wrap:anywhere' "long URLs, ids and words break rather than widen the page"

# ---- the progress line -------------------------------------------------------------------
if command -v script >/dev/null && [ -f "$FATAL/fatal.so" ]; then
  i=1
  while [ "$i" -le 200 ]; do record "p$i" "https://a.example/$i" 2026-12-05; i=$((i + 1)); done > slow.jsonl
  # 200 articles at 10 ms each, written 64 at a time: the line is shown
  # after a second, so with an ETA.
  script -qc "'$ABRIDGE' batch -j 1 -p slow -O slow.ms=10 --plugin-dir '$FATAL' -R jsonl -o slow.out slow.jsonl" \
    /dev/null > tty.out 2>&1
  lines=$(tr '\r' '\n' < tty.out | sed 's/\x1b\[K//g')
  like "$lines" '^abridge: [0-9]+/200 articles, 0 failed, [0-9.]+/s, [0-9]+:[0-9]{2} left$' \
    "on a terminal, the progress line shows done/total, the rate and the time left"
  like "$lines" '^abridge: 200 articles \([0-9]+:[0-9]{2}, [0-9.]+/s\)$' "… and ends with what became of the run"
  unlike "$lines" '1 articles' "… never \"1 articles\""
  head -n 20 slow.jsonl > slow20.jsonl
  script -qc "'$ABRIDGE' batch -j 1 -p slow -O slow.ms=100 --plugin-dir '$FATAL' -R jsonl -o slow.out - < slow20.jsonl" \
    /dev/null > stdin.out 2>&1
  lines=$(tr '\r' '\n' < stdin.out | sed 's/\x1b\[K//g')
  like "$lines" '^abridge: [0-9]+ articles?, 0 failed, [0-9.]+/s$' "from standard input: no total, no ETA"
  unlike "$lines" '/20|left' "… and nothing that would need the total"
  head -n 1 slow.jsonl > single.jsonl
  script -qc "'$ABRIDGE' batch -j 1 -R jsonl -o single.out single.jsonl" /dev/null > single.out.tty 2>&1
  lines=$(tr '\r' '\n' < single.out.tty | sed 's/\x1b\[K//g')
  like "$lines" '^abridge: 1 article \([0-9]+:[0-9]{2}, [0-9.]+/s\)$' "one article: \"1 article\""
  script -qc "'$ABRIDGE' batch -j 1 -R jsonl -o three.out threebad.jsonl" /dev/null > three.tty 2>&1
  lines=$(tr '\r' '\n' < three.tty | sed 's/\x1b\[K//g')
  like "$lines" '^abridge: 4 articles: 1 summarized, 3 failed \([0-9]+:[0-9]{2}, [0-9.]+/s\)$' \
    "the last line says what failed, in the reports' words"
  like "$lines" '^abridge: threebad.jsonl:2: ' "a failure's line is a line of its own"
else
  skip "script(1) or the slow fixture plugin missing: no terminal to test the progress line on" 9
fi

done_testing
