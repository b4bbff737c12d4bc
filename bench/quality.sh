#!/bin/sh
# ROUGE of the shipped plugins and the default set on the shared dev corpora
# (../shared/corpus), and the gate CI applies: the default must not fall
# below lead-3 on ROUGE-1 on cnndm-dev.jsonl.
#   bench/quality.sh [CORPUS_DIR]      (ABRIDGE=path/to/abridge to choose the binary)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-${ABRIDGE_SHARED:-$top/../shared/corpus}}
abridge=${ABRIDGE:-$top/abridge}
systems="lead,frequency,quotes,default"
[ -f "$corpus/cnndm-dev.jsonl" ] || { echo "quality: no $corpus/cnndm-dev.jsonl" >&2; exit 2; }

# "default" is whatever abridge runs without -p.
default=$("$abridge" --help | grep -e '--plugin=' | sed -n 's/.*(default \(.*\))$/\1/p')
[ -n "$default" ] || { echo "quality: cannot read the default plugin set from --help" >&2; exit 2; }
systems=$(echo "$systems" | sed "s/default/$default/")

echo "== 3 sentences"
"$abridge" eval -p "$systems" "$corpus/cnndm-dev.jsonl" "$corpus/bbc-dev.jsonl"
echo "== budget: the reference's sentence count"
"$abridge" eval -p "$systems" --budget reference "$corpus/cnndm-dev.jsonl" "$corpus/bbc-dev.jsonl"

# The gate, on the machine-readable form.
"$abridge" eval -p "lead,$default" -f json "$corpus/cnndm-dev.jsonl" | python3 -c '
import json, sys
rows = {r["system"]: r for r in json.load(sys.stdin)["results"]}
default = sys.argv[1]
lead, best = rows["lead"]["rouge1"], rows[default]["rouge1"]
print("gate: default (%s) R-1 %.2f vs lead-3 %.2f on cnndm-dev" % (default, best, lead))
sys.exit(0 if best >= lead else 1)
' "$default"
