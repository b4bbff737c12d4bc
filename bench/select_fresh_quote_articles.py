#!/usr/bin/env python3
"""Print the draw order for the fresh held-out quote labels (issue 18).

Usage: bench/select_fresh_quote_articles.py [CORPUS_DIR] [--corpus NAME] [-n N]

For cnndm-dev.jsonl, bbc-dev.jsonl and html-dev.jsonl.gz (text = "text",
resp. "body"), the pool is every article that
  - is labelled in no bench/data/quotes-*.jsonl other than
    quotes-fresh.jsonl and quotes-tune2.jsonl (the two sets drawn in this
    order: fresh took the first draws, tune2 the next ones), and whose text
    is not a labelled article's text;
  - is the first of its text in the corpus (later duplicates are left out);
  - has at least 2 quotation marks, counted as bench/select_quote_articles.py
    counts them (enough for one quotation).
The pool's ids are sorted, shuffled with random.Random(SEED) (a fresh
generator for each corpus) and printed in that order. The labeller takes
articles in this order and skips one only when it holds no direct quotation
(or, for html, when the page is not in English); bench/data/README.md lists
the skips. The seed differs from the earlier draws' 18, so the order is new.

Needs only the Python 3 standard library.
"""

import argparse
import glob
import os
import sys

from select_quote_articles import draw_order, labelled_in, read_corpus

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(REPO, os.pardir, "shared", "corpus")
LABELS = os.path.join(REPO, "bench", "data", "quotes-*.jsonl")
# Sets drawn in this order (the fresh set, then the second tuning set): their
# own articles stay in the pool, so the order does not change as they grow.
DRAWN = ("quotes-fresh.jsonl", "quotes-tune2.jsonl", "quotes-fresh2.jsonl", "quotes-tune3.jsonl",
         "quotes-tune4.jsonl", "quotes-fresh3.jsonl", "quotes-fresh4.jsonl", "quotes-tune5.jsonl",
         "quotes-fresh5.jsonl", "quotes-tune6.jsonl")
SEED = 1803
FIELD = {"cnndm-dev.jsonl": "text", "bbc-dev.jsonl": "text", "html-dev.jsonl.gz": "body"}


def labelled_ids(name):
    """Ids of NAME already labelled in an earlier set (not one drawn here)."""
    earlier = [p for p in sorted(glob.glob(LABELS)) if os.path.basename(p) not in DRAWN]
    return labelled_in(earlier, name)


def pool(corpus_dir, name):
    rows = list(read_corpus(os.path.join(corpus_dir, name)))
    return draw_order(rows, FIELD[name], labelled_ids(name), 2, SEED)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus_dir", nargs="?", default=DEFAULT_CORPUS)
    ap.add_argument("--corpus", choices=sorted(FIELD), action="append",
                    help="corpus to draw from (repeatable; default: all three)")
    ap.add_argument("-n", type=int, default=40, help="how many to print per corpus")
    args = ap.parse_args()
    for name in args.corpus or sorted(FIELD):
        order = pool(args.corpus_dir, name)
        print("# %s: %d articles in the pool" % (name, len(order)))
        for i, (aid, n) in enumerate(order[:args.n], 1):
            print("%3d %s marks=%d" % (i, aid, n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
