#!/bin/sh
# Hostile and broken inputs through the built `abridge` (default plugins,
# and the quotes plugin on the quote-heavy ones): each must get a clear
# error (exit 1 or 2, stderr "abridge: …") or a correct brief (exit 0,
# valid UTF-8, every sentence found in the input) in bounded time and
# memory. Prints one row per input:
#
#   input, size, seconds, peak RSS, exit status, first line of stderr, verdict
#
# A row FAILs on a crash (exit >= 128), more than $HOSTILE_MAX_SECONDS
# (60) seconds (a run is killed at twice that), a peak RSS above 20 x the
# input + 50 MB, an unclear error, or a wrong answer. The long line, the
# sentences and the long word also run at 1/10 of the size, and the ratios
# of time and memory show how they grow (linear: about 10).
# Exits 1 if any row FAILs.
#
#   bench/hostile.sh        (ABRIDGE=path/to/abridge to choose the binary,
#                            HOSTILE_TMP=DIR for the ~170 MB of inputs)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
abridge=${ABRIDGE:-$top/abridge}
case $abridge in /*) ;; *) abridge=$(pwd)/$abridge ;; esac
max_seconds=${HOSTILE_MAX_SECONDS:-60}
[ -x "$abridge" ] || { echo "hostile: no $abridge (build first, or set ABRIDGE)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "hostile: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
killer=
if command -v timeout >/dev/null 2>&1; then killer="timeout -s KILL $((2 * max_seconds))"; fi

tmp=$(mktemp -d "${HOSTILE_TMP:-${TMPDIR:-/tmp}}/hostile.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# ---- the inputs -------------------------------------------------------------
# One line of MB megabytes of words, no punctuation, no line break.
gen_line () {
  yes 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod' \
    | tr '\n' ' ' | head -c "$(($1 * 1000 * 1000))"
}
# N x 10 one-word sentences in one paragraph.
gen_sentences () {
  yes 'Alpha. Bravo. Charlie. Delta. Echo. Foxtrot. Golf. Hotel. India. Juliet.' \
    | head -n "$1" | tr '\n' ' '
  echo
}
# 100,000 curly double quotes opened inside each other, then all closed.
gen_nested () {
  awk 'BEGIN { printf "Officials said "
    for (i = 0; i < 100000; i++) printf "\342\200\234word "
    printf "core"
    for (i = 0; i < 100000; i++) printf "\342\200\235"
    printf ".\n" }'
}
# 100,000 straight quotes opened and never closed, then 100,000 paragraphs
# that each open a curly quote (wire style: it continues) and never close.
gen_unbalanced () {
  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "\"Never closed %d, he said. ", i
    printf "\n\n"
    for (i = 0; i < 100000; i++) printf "\342\200\234Still open %d, she said.\n\n", i }'
}
# 100,000 quotations, each with its speaker.
gen_balanced () {
  awk 'BEGIN { for (i = 0; i < 100000; i++)
      printf "\342\200\234We will act on item %d now,\342\200\235 said Minister Jane Doe. ", i
    printf "\n" }'
}
# One token of 1,000,000 nested parentheses, and 1,000,000 spaced ones.
gen_parens () {
  awk 'BEGIN { printf "It began "
    for (i = 0; i < 1000000; i++) printf "("
    printf "core"
    for (i = 0; i < 1000000; i++) printf ")"
    printf " and ended.\n\nThen "
    for (i = 0; i < 1000000; i++) printf "( "
    printf "spaced"
    for (i = 0; i < 1000000; i++) printf " )"
    printf " too.\n" }'
}
# One word of N x "é" (2 bytes each).
gen_word () {
  printf 'The word is '
  yes "$(printf '\303\251')" | head -n "$1" | tr -d '\n'
  printf '.\n'
}
gen_over () {
  yes 'A plain sentence of text.' | head -c "$((16 * 1024 * 1024 + 1))"
}
# One JSONL record of 20 MB.
gen_jsonl () {
  printf '{"id":"big","title":"A very large record","text":"'
  yes 'A sentence of the big record.' | tr '\n' ' ' | head -c 20000000
  printf '"}\n'
}

# Web pages: an article of MB megabytes of paragraphs in one box, behind
# a navigation bar.
gen_page () {
  printf '<html><head><title>A very large page</title></head><body><nav><a href="/">Home</a></nav><div class="story">\n'
  yes '<p>The council met on Monday to discuss the harbour, and approved the budget after a long debate.</p>' \
    | head -c "$(($1 * 1000 * 1000))"
  printf '</div></body></html>\n'
}
# 100,000 <div> opened inside each other around one paragraph.
gen_page_nested () {
  awk 'BEGIN { printf "<html><body>"
    for (i = 0; i < 100000; i++) printf "<div class=\"c%d\">", i
    printf "<p>The innermost paragraph of a page nested a hundred thousand deep.</p>\n" }'
}
# A page of scripts, styles, navigation and a million empty elements (10 MB).
gen_page_empty () {
  printf '<html><head><style>p { color: red }</style><script>var a = 1;</script></head><body><nav><a href="/">Home</a></nav>'
  yes '<span></span><b></b>' | head -n 500000 | tr -d '\n'
  printf '</body></html>\n'
}

# Issue 20: what libxml2 and json-glib would choke on.
story='<p>The council met on Monday to discuss the harbour, and approved the budget after a long debate that ran late into the night.</p>'
# One element with 300,000 attributes (4.9 MB): quadratic in libxml2.
gen_page_attributes () {
  awk -v story="$story" 'BEGIN { printf "<html><body><div"
    for (i = 0; i < 300000; i++) printf " a%x", i
    printf "></div><article>%s</article></body></html>\n", story }'
}
# 15 MB of elements of 256 attributes each: the most the default allows.
gen_page_attributes_max () {
  awk -v story="$story" 'BEGIN { printf "<html><body><article>%s</article>", story
    el = "<i"; for (i = 0; i < 256; i++) el = el sprintf(" a%x", i); el = el "></i>"
    for (n = 0; n * length(el) < 15000000; n++) printf "%s", el
    printf "</body></html>\n" }'
}
# Elements 510 deep, then 3.5 million end tags of no open element (each
# costs a look through the open elements), around text in a comment box
# that makes the extraction try again.
gen_page_stray_ends () {
  awk -v story="$story" 'BEGIN { printf "<html><body>"
    for (i = 0; i < 508; i++) printf "<div>"
    printf "<div class=\"comment-footer\">%s%s</div>", story, story
    for (i = 0; i < 3500000; i++) printf "</x>"
    printf "</body></html>\n" }'
}
# A comment thread 400 boxes deep before the article (libxml2 alone stops at 256).
gen_page_thread () {
  awk -v story="$story" 'BEGIN { printf "<html><body>"
    for (i = 0; i < 400; i++) printf "<div class=\"reply\">"
    printf "<p>A reply.</p>"
    for (i = 0; i < 400; i++) printf "</div>"
    printf "<article>%s</article></body></html>\n", story }'
}
# JSON-LD nesting 100,000 arrays (json-glib recurses a level at a time).
gen_page_ld () {
  awk -v story="$story" 'BEGIN { printf "<html><head><script type=\"application/ld+json\">"
    for (i = 0; i < 100000; i++) printf "["
    for (i = 0; i < 100000; i++) printf "]"
    printf "</script></head><body><article>%s</article></body></html>\n", story }'
}
# A results line for batch --merge nesting 1,000,000 arrays.
gen_merge_deep () {
  awk 'BEGIN { printf "{\"seq\":0,\"id\":\"deep\",\"sentences\":"
    for (i = 0; i < 1000000; i++) printf "["
    for (i = 0; i < 1000000; i++) printf "]"
    printf "}\n" }'
}

echo "hostile: generating inputs in $tmp" >&2
gen_line 50 >"$tmp/line-50MB"
gen_line 5 >"$tmp/line-5MB"
gen_sentences 100000 >"$tmp/sentences-1M"
gen_sentences 10000 >"$tmp/sentences-100k"
gen_nested >"$tmp/quotes-nested-100k"
gen_unbalanced >"$tmp/quotes-unbalanced-100k"
gen_balanced >"$tmp/quotes-100k"
gen_parens >"$tmp/parens-deep-1M"
gen_word 50000 >"$tmp/word-100KB"
gen_word 500000 >"$tmp/word-1MB"
gen_word 2000000 >"$tmp/word-4MB"
gen_over >"$tmp/over-16MiB+1"
gen_jsonl >"$tmp/jsonl-20MB.jsonl"
gen_page 50 >"$tmp/page-50MB.html"
gen_page 5 >"$tmp/page-5MB.html"
gen_page_nested >"$tmp/page-nested-100k.html"
gen_page_empty >"$tmp/page-no-text.html"
gen_page_attributes >"$tmp/page-attributes-300k.html"
gen_page_attributes_max >"$tmp/page-attributes-256.html"
gen_page_stray_ends >"$tmp/page-stray-ends.html"
gen_page_thread >"$tmp/page-thread-400.html"
gen_page_ld >"$tmp/page-ld-100k.html"
gen_merge_deep >"$tmp/merge-deep-1M.jsonl"
# Endless input without a line break: a JSONL reader must neither grow
# without bound nor read forever.
ln -s /dev/zero "$tmp/dev-zero.jsonl"

# ---- running them -----------------------------------------------------------
fails=0
: >"$tmp/results"
printf '%-26s %11s %8s %10s %4s  %-7s %s\n' input bytes seconds "peak RSS" exit verdict "stderr (first line)"

# run LABEL FILE EXPECT [ABRIDGE OPTIONS...]; EXPECT is brief, error, either,
# or loose: either, without looking for the brief's lines in the input (the
# quotes plugin adds speakers and joins the paragraphs of a quote).
run () {
  name=$1 in=$tmp/$2 expect=$3
  shift 3
  # A device (/dev/zero) has no size to count.
  if [ -c "$in" ]; then size=0; else size=$(wc -c <"$in"); fi
  set +e
  # A run is killed at twice the limit, so that a hang costs minutes, not hours.
  (cd "$tmp" && exec /usr/bin/time -f '%e %M' -o "$tmp/time" $killer "$abridge" "$@" \
    "$(basename "$in")" >"$tmp/out" 2>"$tmp/err")
  status=$?
  set -e
  secs=$(tail -n 1 "$tmp/time" | cut -d' ' -f1)
  rss=$(tail -n 1 "$tmp/time" | cut -d' ' -f2)
  case $secs in [0-9]*) ;; *) secs=999 rss=0 ;; esac # killed: time printed no numbers
  err=$(grep -v '^Command ' "$tmp/err" | head -n 1 | cut -c1-70)
  verdict=ok why=
  limit_kb=$(( (20 * size + 50 * 1000 * 1000) / 1024 ))
  if awk -v s="$secs" -v m="$max_seconds" 'BEGIN { exit !(s > m) }'; then
    why="slower than ${max_seconds}s"
    [ "$status" != 137 ] || why="$why (killed at $((2 * max_seconds))s)"
  elif [ "$status" -ge 128 ]; then why="crash (signal $((status - 128)))"
  elif [ "$rss" -gt "$limit_kb" ]; then why="RSS above 20 x input + 50 MB"
  elif [ "$status" -eq 0 ]; then
    if [ "$expect" = error ]; then why="no error"
    elif [ ! -s "$tmp/out" ]; then why="empty brief"
    elif ! iconv -f UTF-8 -t UTF-8 <"$tmp/out" >/dev/null 2>&1; then why="brief is not valid UTF-8"
    elif [ "$expect" != loose ]; then
      # Each sentence of the brief (its first 100 bytes) is in the input.
      grep -v -e '^$' -e '^==> .* <==$' "$tmp/out" | cut -c1-100 | head -n 20 >"$tmp/pats" || true
      while IFS= read -r p; do
        grep -qF -- "$p" "$in" || { why="brief sentence not in the input: $(echo "$p" | cut -c1-30)"; break; }
      done <"$tmp/pats"
    fi
  elif [ "$status" -le 2 ] || { [ "$status" = 3 ] && [ "$expect" = error ]; }; then
    if [ "$expect" = brief ]; then why="error instead of a brief"
    else case $err in "abridge: "?*) ;; *) why="unclear error" ;; esac
    fi
  else why="exit status $status"
  fi
  [ -z "$why" ] || { verdict=FAIL fails=$((fails + 1)); }
  printf '%-26s %11s %8s %7s MB %4s  %-7s %s\n' "$name" "$size" "$secs" "$((rss / 1024))" \
    "$status" "$verdict" "$err"
  [ -z "$why" ] || echo "  FAIL: $why"
  printf '%s\t%s\t%s\n' "$name" "$secs" "$rss" >>"$tmp/results"
}

big="--max-bytes 64000000" # two words: used unquoted
# shellcheck disable=SC2086
run line-50MB line-50MB either $big
# shellcheck disable=SC2086
run line-5MB line-5MB either $big
run sentences-1M sentences-1M either
run sentences-100k sentences-100k either
run quotes-nested-100k quotes-nested-100k either
run quotes-unbalanced-100k quotes-unbalanced-100k either
run "quotes-100k -p quotes" quotes-100k loose -p quotes -O quotes.max_extracts=1000000
run "nested-100k -p quotes" quotes-nested-100k loose -p quotes
run "unbalanced-100k -p quotes" quotes-unbalanced-100k loose -p quotes
run parens-deep-1M parens-deep-1M either
run word-100KB word-100KB either
run word-1MB word-1MB either
run word-4MB word-4MB either
run "word-100KB -k 5" word-100KB loose -k 5
run over-16MiB+1 over-16MiB+1 error
run jsonl-20MB jsonl-20MB.jsonl error
# shellcheck disable=SC2086
run jsonl-20MB-max64MB jsonl-20MB.jsonl either $big
# shellcheck disable=SC2086
run page-50MB page-50MB.html either $big
# shellcheck disable=SC2086
run page-5MB page-5MB.html either $big
# shellcheck disable=SC2086
run "page-50MB extract" page-50MB.html loose extract $big
run page-nested-100k page-nested-100k.html either
run page-no-text page-no-text.html error
run page-attributes-300k page-attributes-300k.html error
run page-attributes-256 page-attributes-256.html either
run page-stray-ends page-stray-ends.html either
run page-thread-400 page-thread-400.html brief
run page-ld-100k page-ld-100k.html brief
run "page-ld-100k, batch" page-ld-100k.html loose batch -q -R jsonl
run "merge-deep-1M, batch --merge" merge-deep-1M.jsonl error batch --merge
run "/dev/zero as JSONL" dev-zero.jsonl error
run "/dev/zero as JSONL, batch" dev-zero.jsonl error batch -q -R jsonl
run "/dev/zero, batch --merge" dev-zero.jsonl error batch --merge

# growth BIG SMALL LABEL: the ratios of time and peak RSS of two rows.
growth () {
  awk -F '\t' -v big="$1" -v small="$2" -v label="$3" '
    $1 == big { bt = $2; br = $3 } $1 == small { st = $2; sr = $3 }
    function r(a, b) { return b > 0 ? sprintf("x%.1f", a / b) : "n/a" }
    END { printf "  %-30s time %s, peak RSS %s\n", label ":", r(bt, st), r(br, sr) }' "$tmp/results"
}
echo
echo "growth at 10 x the input (linear: about 10; RSS includes the ~10 MB baseline):"
growth line-50MB line-5MB "one line, 5 -> 50 MB"
growth sentences-1M sentences-100k "sentences, 100k -> 1M"
growth word-1MB word-100KB "one word, 100 KB -> 1 MB"
growth page-50MB page-5MB "web page, 5 -> 50 MB"
if [ "$fails" -gt 0 ]; then
  echo "hostile: $fails FAIL"
  exit 1
fi
echo "hostile: all rows ok"
