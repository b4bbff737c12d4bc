#!/bin/sh
# Quote extraction against the hand labels: recall, speaker accuracy,
# precision, by attribution kind.
#
# Usage: bench/quotes.sh [ABRIDGE] [SHARED_CORPUS_DIR]
#   ABRIDGE            the abridge binary (default ./abridge of the build
#                      tree in the current directory, else `abridge`)
#   SHARED_CORPUS_DIR  where bbc-dev.jsonl, cnndm-dev.jsonl and
#                      seed-nato-talks.txt are (default ../shared/corpus
#                      relative to the repository root)
# Extra scorer flags go in QUOTES_SCORE_FLAGS (e.g. "--verbose").
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
abridge=${1:-}
if [ -z "$abridge" ]; then
  if [ -x ./abridge ]; then abridge=./abridge; else abridge=abridge; fi
fi
corpus=${2:-$root/../shared/corpus}
labels=${QUOTES_LABELS:-$root/bench/data/quotes-labels.jsonl}

for f in bbc-dev.jsonl cnndm-dev.jsonl seed-nato-talks.txt; do
  [ -r "$corpus/$f" ] || { echo "quotes.sh: no $corpus/$f" >&2; exit 2; }
done
[ -r "$labels" ] || { echo "quotes.sh: no labels at $labels" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/abridge-quotes.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# The labelled articles, one JSONL record each, as the corpora have them.
python3 - "$labels" "$corpus" "$tmp/articles.jsonl" <<'PY'
import json, os, sys
labels, corpus, out = sys.argv[1:4]
wanted = {}
for line in open(labels, encoding="utf-8"):
    if line.strip():
        row = json.loads(line)
        wanted.setdefault(row["corpus"], []).append(row["id"])
with open(out, "w", encoding="utf-8") as f:
    for name, ids in wanted.items():
        path = os.path.join(corpus, name)
        if not name.endswith(".jsonl"):
            text = open(path, encoding="utf-8").read()
            for i in ids:
                f.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
            continue
        need = set(ids)
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            row = json.loads(line)
            if row["id"] in need:
                rec = {"id": row["id"], "text": row["text"]}
                if row.get("title"):
                    rec["title"] = row["title"]
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                need.discard(row["id"])
        if need:
            sys.exit("quotes.sh: not in %s: %s" % (name, ", ".join(sorted(need))))
PY

"$abridge" -p quotes -n 1000 -f jsonl "$tmp/articles.jsonl" > "$tmp/out.jsonl"
# shellcheck disable=SC2086
python3 "$here/quotes_score.py" --labels "$labels" --articles "$tmp/articles.jsonl" \
  ${QUOTES_SCORE_FLAGS:-} "$tmp/out.jsonl"
