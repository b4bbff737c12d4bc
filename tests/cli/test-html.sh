#!/bin/sh
# Web pages and messy text end to end: abridge extract, briefs of HTML pages
# with their metadata in JSON, pages found by content, encodings converted
# with a warning, pages without text refused with one line, HTML in batch.
: "${top_srcdir:=.}"
. "$top_srcdir/tests/cli/tap.sh"
tap_use_built_abridge

FIX=$top_srcdir/tests/fixtures/html

have_python=no
command -v python3 >/dev/null 2>&1 && have_python=yes

# json_get FILE KEY: a top-level member of the one JSON object in FILE.
json_get () {
  python3 -c 'import json, sys
v = json.load(open(sys.argv[1], encoding="utf-8")).get(sys.argv[2])
print("" if v is None else v if isinstance(v, str) else json.dumps(v))' "$1" "$2"
}

# ---- abridge extract ------------------------------------------------------------

run "$ABRIDGE" extract "$FIX/news-nav.html"
is "$rc" 0 "extract: exit status 0"
is "$err" "" "extract: nothing on stderr"
like "$out" "^The four container cranes at the north quay" "extract: the article's first paragraph first"
like "$out" "^Backlog of ships\$" "extract: the subheading is kept, as a paragraph of its own"
unlike "$out" "cookies|Accept all|Advertisement|Share on|Copyright|By Mara Quill|Weather" \
  "extract: no cookie banner, ad, share bar, byline, navigation or footer"
is "$(printf '%s\n' "$out" | sed -n 2p)" "" "extract: paragraphs are separated by a blank line"

run_in "$FIX/news-comments.html" "$ABRIDGE" extract -
is "$rc" 0 "extract -: reads standard input"
like "$out" "^The Millbrook public library" "extract -: the article"
unlike "$out" "Finally|clever idea|My daughter|Leave a Reply" "extract -: no comment section"

run "$ABRIDGE" extract -f json "$FIX/news-nav.html"
is "$rc" 0 "extract -f json: exit status 0"
if [ "$have_python" = yes ]; then
  printf '%s\n' "$out" >page.json
  is "$(json_get page.json title)" "Harbour cranes return to work after storm" "extract -f json: title"
  is "$(json_get page.json author)" "Mara Quill" "extract -f json: author"
  is "$(json_get page.json date)" "2026-03-14T08:30:00Z" "extract -f json: date"
  is "$(json_get page.json site_name)" "The Tidewater Gazette" "extract -f json: site name"
  is "$(json_get page.json url)" "https://tidewater.example/news/harbour-cranes" "extract -f json: canonical url"
  like "$(json_get page.json text)" "^The four container cranes" "extract -f json: text"
else
  skip "extract -f json: members" "python3 is not available"
fi

run "$ABRIDGE" extract -f yaml "$FIX/news-nav.html"
is "$rc" 2 "extract -f yaml: usage error, exit 2"
like "$err" "^abridge: --format must be text or json" "extract -f yaml: says what is allowed"

# ---- summarizing a page -------------------------------------------------------------

run "$ABRIDGE" -f json "$FIX/news-nav.html"
is "$rc" 0 "summarize a page: exit status 0"
if [ "$have_python" = yes ]; then
  printf '%s\n' "$out" >brief.json
  is "$(json_get brief.json title)" "Harbour cranes return to work after storm" "summarize -f json: title"
  is "$(json_get brief.json author)" "Mara Quill" "summarize -f json: author"
  is "$(json_get brief.json date)" "2026-03-14T08:30:00Z" "summarize -f json: date"
  is "$(json_get brief.json site_name)" "The Tidewater Gazette" "summarize -f json: site name"
  is "$(json_get brief.json url)" "https://tidewater.example/news/harbour-cranes" "summarize -f json: url"
  brief=$(json_get brief.json brief)
  like "$brief" "^The four container cranes" "summarize -f json: the brief starts with the lead"
  unlike "$brief" "cookies|Advertisement|Share on|Copyright|Mara Quill|Sport|<" \
    "summarize -f json: no page furniture and no markup in the brief"
else
  skip "summarize -f json: members" "python3 is not available"
fi

# A kicker and a sub-headline before the lead: its dateline is still cut.
run "$ABRIDGE" -f json -n 5 "$FIX/kicker-dateline.html"
is "$rc" 0 "summarize a page with a kicker: exit status 0"
if [ "$have_python" = yes ]; then
  printf '%s\n' "$out" >kicker.json
  is "$(json_get kicker.json dateline)" "HARBOR CITY" "a page's dateline after a kicker and a sub-headline"
  like "$(json_get kicker.json brief)" " Two ferry inspectors were charged on Tuesday" \
    "the lead after a kicker loses its dateline in the brief"
  unlike "$(json_get kicker.json brief)" "HARBOR CITY" "the dateline is not in the brief"
else
  skip "summarize a page with a kicker: members" "python3 is not available"
fi

for page in news-comments news-related; do
  run "$ABRIDGE" -n 5 "$FIX/$page.html"
  is "$rc" 0 "summarize $page: exit status 0"
  unlike "$out" "Finally|clever idea|Leave a Reply|Related stories|Cherry harvest|Most read|Bridge closed|Home" \
    "summarize $page: no comments, related links or sidebar"
done

# Found by content, whatever the name; --input-format text reads markup as text.
cp "$FIX/news-related.html" saved-page.txt
run "$ABRIDGE" extract saved-page.txt
like "$out" "^Growers in the upper valley" "a page saved as .txt is found by its content"
run "$ABRIDGE" extract --input-format text saved-page.txt
like "$out" "<div" "--input-format text: markup read as text"
printf '<p>A fragment with one paragraph that says enough to be an article of its own, surely.</p>' >fragment
run "$ABRIDGE" extract --input-format html fragment
like "$out" "^A fragment with one paragraph" "--input-format html: a fragment is read as a page"
run "$ABRIDGE" extract --input-format pdf fragment
is "$rc" 2 "--input-format pdf: usage error"

# ---- bad pages: one line, exit 1 ----------------------------------------------------

run "$ABRIDGE" extract "$FIX/no-text.html"
is "$rc" 1 "a page without text: exit status 1"
is "$err" "abridge: $FIX/no-text.html: no article text found in the page" \
  "a page without text: one line naming the file"
run "$ABRIDGE" "$FIX/no-text.html" "$FIX/news-nav.html"
is "$rc" 1 "a page without text among others: exit status 1"
like "$out" "four container cranes" "a page without text among others: the others are summarized"

printf '<html><body><p>Caf\303\251 \377 broken</p></body></html>' >damaged.html
run "$ABRIDGE" extract damaged.html
is "$rc" 1 "damaged UTF-8 in a page: exit status 1"
like "$err" "^abridge: damaged.html: invalid UTF-8 at byte offset 21 " "damaged UTF-8: names the offset"

# ---- encodings ------------------------------------------------------------------------

run "$ABRIDGE" extract "$FIX/latin1.html"
is "$rc" 0 "a page declared ISO-8859-1: exit status 0"
like "$err" "^abridge: .*latin1.html: warning: not UTF-8: read as WINDOWS-1252, as the page declares\$" \
  "a page declared ISO-8859-1: a one-line warning"
like "$out" "The café on the market square" "a page declared ISO-8859-1: converted"

run "$ABRIDGE" extract "$FIX/utf16.html"
is "$rc" 0 "a UTF-16 page with a BOM: exit status 0"
like "$out" "^The four container cranes" "a UTF-16 page: found by content and extracted"

printf '\223Caf\351 society\224 is back, the owner said on Monday.\r\n\r\nIt had been closed for a year \226 since the fire.\r\n' >cp1252.txt
run "$ABRIDGE" extract cp1252.txt
is "$rc" 0 "Windows-1252 text: exit status 0"
like "$err" "^abridge: cp1252.txt: warning: not UTF-8: read as Windows-1252\$" "Windows-1252 text: a one-line warning"
is "$out" "“Café society” is back, the owner said on Monday.

It had been closed for a year – since the fire." "Windows-1252 text: converted, CRLF made LF"
run "$ABRIDGE" cp1252.txt
is "$rc" 0 "Windows-1252 text: summarized"
like "$out" "^“Café society” is back" "Windows-1252 text: the brief is UTF-8"

printf 'The news\302\255paper\342\200\213s sold 10\302\240000 copies, officials said.\n' >invisible.txt
run "$ABRIDGE" extract invisible.txt
is "$out" "The newspapers sold 10 000 copies, officials said." "soft hyphens and zero-width spaces go, no-break spaces become spaces"
printf 'Cafe\314\201 owners met.\n' >nfd.txt
run "$ABRIDGE" extract nfd.txt
is "$out" "Café owners met." "text is normalised to NFC"

# ---- offsets ---------------------------------------------------------------------------

# spans_hold FILE ENCODING JSON: every sentence of JSON is FILE's bytes
# [start, end), decoded and cleaned as abridge cleans (CRLF, no-break
# spaces, soft hyphens and zero-width spaces, NFC, white space folded).
spans_hold () {
  python3 -c 'import json, re, sys, unicodedata
raw = open(sys.argv[1], "rb").read()
doc = json.load(open(sys.argv[3], encoding="utf-8"))
def clean(t):
    t = t.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    for c in "\u00a0\u202f\u2007":
        t = t.replace(c, " ")
    for c in "\u00ad\u200b\u2060":
        t = t.replace(c, "")
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", t)).strip()
bad = [(s["start"], s["end"], s["text"]) for s in doc["sentences"]
       if clean(raw[s["start"]:s["end"]].decode(sys.argv[2])) != s["text"]]
for b in bad:
    print("# %d-%d does not hold %r" % b)
sys.exit(1 if bad or len(doc["sentences"]) < 3 else 0)' "$@"
}

printf 'Harbour fees rise\r\n\r\nThe port raised its fees by 4\302\240per cent on Monday. Shipping lines said the rise would be passed on.\r\n\r\nThe mayor\302\240said the council would review the fees. Dred\302\255ging goes on.\r\n' >offsets-utf8.txt
printf '\357\273\277' >offsets-bom.txt
cat offsets-utf8.txt >>offsets-bom.txt
printf 'Harbour fees rise\r\n\r\nCaf\351 owners near the quay said trade had slowed. The port raised its fees by 4 per cent.\r\n\r\n\223We will pay,\224 the mayor said. The council will review the fees.\r\n' >offsets-latin1.txt
for f in offsets-utf8:utf-8 offsets-bom:utf-8 offsets-latin1:cp1252; do
  name=${f%%:*}
  run "$ABRIDGE" -f json -n 10 "$name.txt"
  printf '%s\n' "$out" >"$name.json"
  if [ "$have_python" = yes ]; then
    ok "-f json offsets index the bytes of $name.txt as given" spans_hold "$name.txt" "${f#*:}" "$name.json"
  else
    skip "-f json offsets index the bytes of $name.txt as given" "python3 is not available"
  fi
done
run "$ABRIDGE" -f json -n 10 offsets-bom.txt
is "$(printf '%s\n' "$out" | grep -m 1 '"start"')" '      "start": 24,' \
  "-f json: the first sentence starts after the BOM and the CRLF title line"

# ---- text scraped from the web ---------------------------------------------------------

run "$ABRIDGE" extract "$FIX/scraped.txt"
is "$rc" 0 "scraped text: exit status 0"
is "$(printf '%s\n' "$out" | sed -n 3p)" "The island ferry will run every forty minutes instead of every hour from Monday, the operator said on Friday, after passenger numbers rose by a third over the summer." \
  "scraped text: hard-wrapped lines re-joined into one paragraph"
like "$out" "^The first crossing will leave" "scraped text: a paragraph ended by a short line without a blank line"
is "$(printf '%s\n' "$out" | grep -c '^$')" "$(( $(printf '%s\n' "$out" | grep -c .) - 1 ))" \
  "scraped text: repeated blank lines become one"
run "$ABRIDGE" -n 10 "$FIX/scraped.txt"
is "$(nlines "$out")" 3 "scraped text: the brief holds the three sentences of the article"
unlike "$out" "Source link|About the author|Brightwater|Comments|Great news|Leave a Reply" \
  "scraped text: the author box and the comment section are furniture"

# ---- batch ---------------------------------------------------------------------------

mkdir pages
cp "$FIX/news-nav.html" "$FIX/news-comments.html" pages/
cp "$top_srcdir/tests/fixtures/articles/plain.txt" pages/
run "$ABRIDGE" batch -q -j 2 -R jsonl pages
is "$rc" 0 "batch over pages and text: exit status 0"
like "$out" "Harbour cranes return to work after storm" "batch: a page's title comes from its metadata"
like "$out" "four container cranes" "batch: a page's brief comes from its article"
unlike "$out" "cookies|Accept all|Finally!" "batch: no page furniture"

done_testing
