#!/bin/sh
# Builds the deterministic benchmark corpus: about N MB (10^6 bytes) of
# article text made by repeating the articles of the shared bbc-dev.jsonl.
#
#   bench/corpus.sh [--shared DIR] [--jsonl-only] [--articles K] N [OUTDIR]
#
# OUTDIR (default: ${TMPDIR:-/tmp}/abridge-bench-corpus-N) receives
#   corpus.jsonl  one {"id","title","text"} article a line
#   txt/NNNNNN.txt  the same texts, one file per article (not with --jsonl-only)
#   corpus.txt    the same texts concatenated, for `wc -w` (= cat txt/*)
#   corpus.info   articles=, text_bytes=, jsonl_bytes=, ... (shell syntax)
# The articles are bbc-dev's, ordered by the SHA-256 of their id (so any
# prefix mixes the five sections), repeated round after round (a repeat's id
# gets "#ROUND") until the text reaches N MB, or K articles with --articles.
# Each text file and each corpus.txt entry is the article's text and "\n".
# Same N, same source: same bytes; the SHA-256 sums are printed.
#
# The source directory is --shared DIR, else $ABRIDGE_SHARED, else
# $top/../shared/corpus. The articles belong to the BBC: the corpus is made at
# run time, outside the repository, and never committed. Needs python3.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${ABRIDGE_SHARED:-$top/../shared/corpus}
jsonl_only=0
max_articles=0

usage () {
  sed -n '2,/^set -eu/p' "$0" | sed -e '/^set -eu/d' -e 's/^# \{0,1\}//'
  exit "${1:-2}"
}

while [ $# -gt 0 ]; do
  case $1 in
    --shared) [ $# -ge 2 ] || usage; shared=$2; shift 2 ;;
    --shared=*) shared=${1#--shared=}; shift ;;
    --jsonl-only) jsonl_only=1; shift ;;
    --articles) [ $# -ge 2 ] || usage; max_articles=$2; shift 2 ;;
    --articles=*) max_articles=${1#--articles=}; shift ;;
    -h|--help) usage 0 ;;
    --) shift; break ;;
    -*) echo "corpus.sh: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] && [ $# -le 2 ] || usage
size_mb=$1
out=${2:-${TMPDIR:-/tmp}/abridge-bench-corpus-$size_mb}
echo "$size_mb" | grep -Eq '^[0-9]+(\.[0-9]+)?$' || { echo "corpus.sh: N must be a number of MB, not '$size_mb'" >&2; exit 2; }
echo "$max_articles" | grep -Eq '^[0-9]+$' || { echo "corpus.sh: --articles must be a whole number" >&2; exit 2; }
src=$shared/bbc-dev.jsonl
[ -r "$src" ] || { echo "corpus.sh: cannot read $src (set ABRIDGE_SHARED or --shared DIR)" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || { echo "corpus.sh: needs python3" >&2; exit 2; }

# Never into the repository's tracked data.
case $(mkdir -p "$out" && cd "$out" && pwd) in
  "$top"/bench/data|"$top"/bench/data/*) echo "corpus.sh: not into bench/data" >&2; exit 2 ;;
esac
rm -rf "$out/txt" "$out/corpus.jsonl" "$out/corpus.txt" "$out/corpus.info"
[ "$jsonl_only" = 1 ] || mkdir "$out/txt"

python3 - "$src" "$out" "$size_mb" "$jsonl_only" "$max_articles" <<'EOF'
import hashlib, json, os, sys

src, out, size_mb, jsonl_only, max_articles = sys.argv[1:6]
target = int(round(float(size_mb) * 1_000_000))
jsonl_only = jsonl_only == "1"
max_articles = int(max_articles)

articles = []
with open(src, encoding="utf-8") as f:
    for line in f:
        if line.strip():
            r = json.loads(line)
            articles.append((str(r["id"]), r.get("title"), r["text"]))
if not articles:
    sys.exit("corpus.sh: no articles in " + src)
articles.sort(key=lambda a: hashlib.sha256(a[0].encode("utf-8")).hexdigest())

n = text_bytes = 0
rounds = 0
with open(os.path.join(out, "corpus.jsonl"), "wb") as jf, \
     open(os.path.join(out, "corpus.txt"), "wb") as tf:
    while (text_bytes < target or target == 0) and (max_articles == 0 or n < max_articles):
        rounds += 1
        for aid, title, text in articles:
            if (target and text_bytes >= target) or (max_articles and n >= max_articles):
                break
            rid = aid if rounds == 1 else "%s#%d" % (aid, rounds)
            rec = {"id": rid, "title": title, "text": text}
            jf.write(json.dumps(rec, ensure_ascii=False).encode("utf-8") + b"\n")
            body = text.encode("utf-8") + b"\n"
            tf.write(body)
            if not jsonl_only:
                with open(os.path.join(out, "txt", "%06d.txt" % n), "wb") as af:
                    af.write(body)
            n += 1
            text_bytes += len(body)
        if target == 0 and max_articles == 0:
            break

with open(os.path.join(out, "corpus.info"), "w") as f:
    f.write("articles=%d\ntext_bytes=%d\njsonl_bytes=%d\nrounds=%d\nsource_articles=%d\n"
            % (n, text_bytes, os.path.getsize(os.path.join(out, "corpus.jsonl")),
               rounds, len(articles)))
EOF

. "$out/corpus.info"
sha_jsonl=$(sha256sum "$out/corpus.jsonl" | cut -d' ' -f1)
sha_txt=$(sha256sum "$out/corpus.txt" | cut -d' ' -f1)
printf 'sha_jsonl=%s\nsha_txt=%s\nsource=%s\n' "$sha_jsonl" "$sha_txt" "$src" >>"$out/corpus.info"

echo "corpus: $articles articles ($source_articles of $src, $rounds round(s)), text $text_bytes bytes"
echo "corpus: $out/corpus.jsonl  $jsonl_bytes bytes  sha256 $sha_jsonl"
echo "corpus: $out/corpus.txt  $text_bytes bytes  sha256 $sha_txt"
[ "$jsonl_only" = 1 ] || echo "corpus: $out/txt/  $articles files (000000.txt ...), together = corpus.txt"
