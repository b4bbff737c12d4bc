#!/bin/sh
# Quote finding and speaker attribution against the hand labels: found,
# speaker right and precision for the old labels, the tuning half and the
# test half of the unseen sets, and the fresh held-out set, each by source
# (bench/quotes_score.py says how each is counted).
#
# Usage: bench/quotes.sh [ABRIDGE] [SHARED_CORPUS_DIR]
#   ABRIDGE            the abridge binary (default ./abridge of the build
#                      tree in the current directory, else `abridge`)
#   SHARED_CORPUS_DIR  where bbc-dev.jsonl, cnndm-dev.jsonl,
#                      html-dev.jsonl.gz and seed-nato-talks.txt are
#                      (default ../shared/corpus from the repository root)
# QUOTES_LABELS: label files, space-separated (default every
# bench/data/quotes-*.jsonl). Extra scorer flags go in QUOTES_SCORE_FLAGS
# ("--verbose" lists the errors of the old and tuning sets, never of the
# test half or the fresh set; "--hide-test" leaves those two out of the
# tables; "--breakdown" counts by attribution kind and marks).
#
# A last table reads the BBC and web articles again, rewritten as
# CNN/DailyMail's lower-cased copy (bench/lowercase_copy.py).
#
# Two routes for the web pages: their reference "body" text, read as a
# plain article like the others (the labels are against it, so the
# numbers measure quotes, not extraction), and the page's html through
# abridge's extractor, as a user would run it (a second table).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
abridge=${1:-}
if [ -z "$abridge" ]; then
  if [ -x ./abridge ]; then abridge=./abridge; else abridge=abridge; fi
fi
corpus=${2:-$root/../shared/corpus}
labels=${QUOTES_LABELS:-$(ls "$root"/bench/data/quotes-*.jsonl)}

for f in bbc-dev.jsonl cnndm-dev.jsonl html-dev.jsonl.gz seed-nato-talks.txt; do
  [ -r "$corpus/$f" ] || { echo "quotes.sh: no $corpus/$f" >&2; exit 2; }
done
for f in $labels; do
  [ -r "$f" ] || { echo "quotes.sh: no labels at $f" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/abridge-quotes.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/pages"

# The labelled articles, one JSONL record each (a web page's body as its
# text), and each labelled web page's html as a file.
# shellcheck disable=SC2086
python3 "$here/quote_articles.py" "$corpus" "$tmp/articles.jsonl" "$tmp/pages" $labels

"$abridge" -p quotes -n 1000 -f jsonl "$tmp/articles.jsonl" > "$tmp/text.jsonl"
set -- --route "text=$tmp/text.jsonl"
if ls "$tmp"/pages/*.html >/dev/null 2>&1; then
  "$abridge" -p quotes -n 1000 -f jsonl "$tmp"/pages/*.html > "$tmp/html.jsonl"
  set -- "$@" --route "html=$tmp/html.jsonl"
fi
# Fusion: how often lead's first choice survives -p lead+quotes -n 3.
"$abridge" -p lead -n 1 -f jsonl "$tmp/articles.jsonl" > "$tmp/lead.jsonl"
"$abridge" -p lead+quotes -n 3 -f jsonl "$tmp/articles.jsonl" > "$tmp/fused.jsonl"
python3 - "$tmp/lead.jsonl" "$tmp/fused.jsonl" <<'PY'
import json, sys
lead = {}
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if r.get("sentences"):
        lead[r["id"]] = r["sentences"][0]["index"]
kept = total = quoted = 0
for line in open(sys.argv[2], encoding="utf-8"):
    r = json.loads(line)
    if r["id"] not in lead:
        continue
    total += 1
    kept += any(s["index"] == lead[r["id"]] for s in r.get("sentences") or [])
    quoted += any(c in s["text"] for s in r.get("sentences") or [] for c in "\"\u201c\u2018'")
print("fusion: -p lead+quotes -n 3 keeps lead's first sentence in %d of %d articles; "
      "%d briefs hold a quotation mark" % (kept, total, quoted))
print()
PY
for f in $labels; do set -- "$@" --labels "$f"; done
# shellcheck disable=SC2086
python3 "$here/quotes_score.py" --articles "$tmp/articles.jsonl" "$@" ${QUOTES_SCORE_FLAGS:-}

# The BBC and web articles rewritten as CNN/DailyMail's lower-cased
# tokenised copy, labels moved with them: the lower-cased reading of
# names and marks on many more articles than that copy's own.
# shellcheck disable=SC2086
python3 "$here/lowercase_copy.py" "$corpus" "$tmp/lower.jsonl" "$tmp/lower-labels.jsonl" $labels
"$abridge" -p quotes -n 1000 -f jsonl "$tmp/lower.jsonl" > "$tmp/lower-out.jsonl"
echo
echo "the same articles as lower-cased tokenised copy (bench/lowercase_copy.py; no cnndm rows):"
# shellcheck disable=SC2086
python3 "$here/quotes_score.py" --articles "$tmp/lower.jsonl" --labels "$tmp/lower-labels.jsonl" \
  --route "text=$tmp/lower-out.jsonl" ${QUOTES_SCORE_FLAGS:-}
