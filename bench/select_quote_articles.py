#!/usr/bin/env python3
"""Print the draw order of articles for the unseen quote labels (issue 18).

Usage: bench/select_quote_articles.py [CORPUS_DIR] [--corpus NAME] [-n N]

For bbc-dev.jsonl and html-dev.jsonl.gz (text = "text", resp. "body"), the
pool is every article that
  - is not labelled in bench/data/quotes-labels.jsonl, and whose text is not
    the same as a labelled article's text (bbc-dev repeats 133 bodies);
  - is the first of its text in the corpus (later duplicates are left out);
  - has at least 3 quotation marks (see count_marks).
The pool's ids are sorted, shuffled with random.Random(18) (a fresh generator
for each corpus) and printed in that order with a running number, the mark
count and (bbc) the category. The labeller takes articles in this order and
skips one only when it holds no direct quotation (or, for html, when the page
is not in English); bench/data/README.md lists the skips.

Needs only the Python 3 standard library.
"""

import argparse
import gzip
import json
import os
import random
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(REPO, os.pardir, "shared", "corpus")
OLD_LABELS = os.path.join(REPO, "bench", "data", "quotes-labels.jsonl")
SEED = 18
FIELD = {"bbc-dev.jsonl": "text", "html-dev.jsonl.gz": "body"}

# A straight or curly apostrophe between two letters or digits is part of a
# word (don't, O'Neill, 1990's); anywhere else it may be a quote mark. This
# over-counts (possessive plurals, '90s) but never misses a mark, so the
# filter can only let extra articles in, which the "no direct quote" skip
# then deals with.
_DOUBLED = re.compile(r"''")
_SINGLE = re.compile(r"(?<![^\W_])['\u2019]|['\u2019](?![^\W_])")


def count_marks(text):
    """Number of quotation marks in text; '' (two apostrophes) counts once."""
    n = len(_DOUBLED.findall(text))
    text = _DOUBLED.sub(" ", text)
    n += sum(text.count(c) for c in '"\u201c\u201d\u2018')
    n += len(_SINGLE.findall(text))
    return n


def read_corpus(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def draw_order(rows, field, labelled, min_marks, seed):
    """(id, marks) of the ROWS whose id is not in LABELLED, whose text
    (FIELD) is no labelled row's and the first of its kind, with MIN_MARKS
    marks or more: sorted, then shuffled with random.Random(SEED)."""
    labelled_texts = {r[field] for r in rows if r["id"] in labelled}
    seen, out = set(), []
    for r in rows:
        t = r[field]
        first = t not in seen
        seen.add(t)
        if r["id"] in labelled or t in labelled_texts or not first:
            continue
        n = count_marks(t)
        if n >= min_marks:
            out.append((r["id"], n))
    out.sort()
    random.Random(seed).shuffle(out)
    return out


def labelled_in(paths, name):
    """Ids of corpus NAME labelled in the label files PATHS."""
    out = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    obj = json.loads(line)
                    if obj["corpus"] == name:
                        out.add(obj["id"])
    return out


def pool(corpus_dir, name):
    rows = list(read_corpus(os.path.join(corpus_dir, name)))
    return draw_order(rows, FIELD[name], labelled_in([OLD_LABELS], name), 3, SEED)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus_dir", nargs="?", default=DEFAULT_CORPUS)
    ap.add_argument("--corpus", choices=sorted(FIELD), action="append",
                    help="corpus to draw from (repeatable; default: both)")
    ap.add_argument("-n", type=int, default=60, help="how many to print per corpus")
    args = ap.parse_args()
    for name in args.corpus or sorted(FIELD):
        order = pool(args.corpus_dir, name)
        print("# %s: %d articles in the pool" % (name, len(order)))
        for i, (aid, n) in enumerate(order[:args.n], 1):
            cat = aid.split("-")[1] if aid.startswith("bbc-") else ""
            print("%3d %s %s marks=%d" % (i, aid, cat, n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
