#!/usr/bin/env python3
"""The labelled articles as JSONL records, for bench/quotes.sh, and run
through a tool, for bench/speaker_reach.py and bench/speaker_paths.py.

Usage: bench/quote_articles.py CORPUS_DIR OUT.jsonl PAGES_DIR LABELS...

Writes one record {"id", "text"[, "title"]} for each article the label
files name (a web page's reference body as its text), and each labelled
web page's html as PAGES_DIR/ID.html.
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile

from quotes_score import label_files, load_jsonl, set_of


def write_articles(corpus, out, pages, labels, keep=None):
    """KEEP, when given, says which label rows to take."""
    wanted = {}
    for path in labels:
        for line in open(path, encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                if keep is None or keep(path, row):
                    wanted.setdefault(row["corpus"], []).append(row["id"])
    with open(out, "w", encoding="utf-8") as f:
        for name, ids in wanted.items():
            path = os.path.join(corpus, name)
            if not name.endswith((".jsonl", ".jsonl.gz")):
                text = open(path, encoding="utf-8").read()
                for i in ids:
                    f.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
                continue
            need = set(ids)
            opener = gzip.open if name.endswith(".gz") else open
            for line in opener(path, "rt", encoding="utf-8"):
                if not line.strip():
                    continue
                row = json.loads(line)
                if row["id"] not in need:
                    continue
                if "body" in row:
                    f.write(json.dumps({"id": row["id"], "text": row["body"]}, ensure_ascii=False) + "\n")
                    if pages is not None:
                        with open(os.path.join(pages, row["id"] + ".html"), "w", encoding="utf-8") as p:
                            p.write(row["html"])
                else:
                    rec = {"id": row["id"], "text": row["text"]}
                    if row.get("title"):
                        rec["title"] = row["title"]
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                need.discard(row["id"])
            if need:
                sys.exit("quote_articles.py: not in %s: %s" % (name, ", ".join(sorted(need))))


def traced(corpus, labels, tool):
    """The labelled articles' texts by id, and TOOL's JSON line for each
    (bench/speaker-trace), by id; TOOL None: no lines."""
    with tempfile.TemporaryDirectory() as tmp:
        articles = os.path.join(tmp, "articles.jsonl")
        write_articles(corpus, articles, None, labels)
        with open(articles, encoding="utf-8") as f:
            texts = {r["id"]: r["text"] for r in map(json.loads, f)}
        rows = {}
        if tool is not None:
            out = subprocess.run([tool, articles], check=True, capture_output=True, text=True).stdout
            rows = {r["id"]: r for r in map(json.loads, out.splitlines())}
    return texts, rows


def labelled_traced(argv, flag, tool):
    """The command line of bench/speaker_paths.py and speaker_reach.py,
    ARGV = [FLAG TOOL] [CORPUS_DIR] (TOOL the default; None runs none):
    the tool, and for every article of bench/data's label files in order
    its set, its label row, its text and TOOL's JSON line for it ({} with
    no tool)."""
    here = os.path.dirname(os.path.abspath(__file__))
    if argv[:1] == [flag] and len(argv) > 1:
        tool, argv = argv[1], argv[2:]
    corpus = argv[0] if argv else os.path.join(here, "..", "..", "shared", "corpus")
    paths = label_files(os.path.join(here, "data"))
    texts, rows = traced(corpus, paths, tool)
    return tool, [(set_of(path, art), art, texts[art["id"]], rows.get(art["id"], {}))
                  for path in paths for art in load_jsonl(path)]


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__.strip().splitlines()[2])
    write_articles(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
