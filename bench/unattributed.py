#!/usr/bin/env python3
"""Quotations with a verb of saying next to them but no speaker, in BBC
articles nobody labelled: where the attribution rules give up on a cue
they found, a list to read rules off that needs no labels.

Usage: bench/unattributed.py [--list] [--articles N] SPEAKER_TRACE [CORPUS_DIR]

SPEAKER_TRACE is bench/speaker-trace (make bench/speaker-trace), which
prints every quotation the core finds with its speaker and cue verb.
Reads the first N (default all) articles of bbc-dev.jsonl that no label
file names, so no held-out article is read. Prints how many quotations
there are and how many have a cue but no speaker; --list prints each of
those with the words around it, and a count of the two words after it
("he said.", "a spokesman"), the commonest first.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quotes_score import labelled_ids, load_jsonl  # noqa: E402


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trace")
    ap.add_argument("corpus", nargs="?", default=os.path.join(here, "..", "..", "shared", "corpus"))
    ap.add_argument("--articles", type=int, default=None)
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()

    labelled = labelled_ids(os.path.join(here, "data"))
    arts = [a for a in load_jsonl(os.path.join(args.corpus, "bbc-dev.jsonl")) if a["id"] not in labelled]
    arts = arts[:args.articles]
    # speaker-trace reads a file, by its .jsonl name
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps({"id": a["id"], "text": a["text"]}) + "\n")
        f.flush()
        out = subprocess.run([args.trace, f.name], capture_output=True, text=True, check=True).stdout

    texts = {a["id"]: a["text"].encode("utf-8") for a in arts}
    total = 0
    after = Counter()
    lines = []
    for row in map(json.loads, out.splitlines()):
        text = texts[row["id"]]
        for q in row["quotes"]:
            total += 1
            if not q.get("cue") or q.get("speaker") is not None:
                continue
            before = text[max(0, q["start"] - 150):q["start"]].decode("utf-8", "ignore")
            quote = text[q["start"]:q["end"]].decode("utf-8", "ignore")
            rest = text[q["end"]:q["end"] + 100].decode("utf-8", "ignore")
            after[" ".join(rest.split()[:2]).lower()] += 1
            lines.append("%s (%s): …%s <<%s>> %s…" % (row["id"], q["cue"], " ".join(before.split()),
                                                       " ".join(quote.split())[:60], " ".join(rest.split())))
    if args.list:
        print("\n".join(lines))
        print()
        for words, n in after.most_common(30):
            print("%4d %s" % (n, words))
    print("%d unlabelled bbc-dev articles: %d quotations, %d with a verb of saying but no speaker"
          % (len(arts), total, len(lines)))


if __name__ == "__main__":
    main()
