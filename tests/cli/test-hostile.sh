#!/bin/sh
# Hostile pages, corpora and file systems (issue 20): each ends in one
# clear line or a correct result, and nothing else is lost. The heavy
# cases (megabytes of attributes, minutes of quadratic work) are in
# bench/hostile.sh.
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

done_testing
