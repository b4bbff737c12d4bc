#!/bin/sh
# Rebuilds data/idf-en.tsv from the BBC News Summary dev corpus (2,225
# BBC articles, 2004-2005; see ../shared/corpus/README.md). Run from a
# configured build tree: data/build-idf.sh [CORPUS.jsonl]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$top/../shared/corpus/bbc-dev.jsonl}
make -C "$top" -s data/idf-build
# The table is compiled into the library; the old one must not feed the new.
"$top/data/idf-build" "$corpus" > "$top/data/idf-en.tsv.new"
mv "$top/data/idf-en.tsv.new" "$top/data/idf-en.tsv"
wc -l "$top/data/idf-en.tsv"
