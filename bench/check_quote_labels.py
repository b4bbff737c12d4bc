#!/usr/bin/env python3
"""Check the hand-made quote-extraction labels against the corpora.

Usage: bench/check_quote_labels.py [CORPUS_DIR] [--labels FILE]...

CORPUS_DIR defaults to ../shared/corpus relative to the repository root (the
directory above bench/). --labels may be given several times; without it every
bench/data/quotes-*.jsonl is checked.

Every label line must name a known corpus and an article id that exists in
it, and every quote's "text" (and each "continuation" fragment) must be an
exact substring of that article's text: the "text" field of bbc-dev.jsonl and
cnndm-dev.jsonl, the "body" field of html-dev.jsonl.gz, the whole file for
seed-nato-talks.txt. No article may be labelled twice, in one file or across
files, nor under two ids whose text is the same (bbc-dev repeats bodies). A
file either gives every article a "split" or none; a split must be the one
the rule in bench/data/README.md gives, except in the sets drawn whole
(WHOLE_FILE_SPLITS: quotes-fresh.jsonl, quotes-tune2.jsonl, …), whose
articles are all (and alone) of the file's own split ("fresh", "tune2",
…). The field values are checked against
the definitions in bench/data/README.md. Prints counts for each file and
exits 0 when everything holds, 1 otherwise. Needs only the Python 3 standard
library.
"""

import argparse
import glob
import gzip
import hashlib
import json
import os
import sys
from collections import Counter

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(REPO, os.pardir, "shared", "corpus")
DEFAULT_LABELS_GLOB = os.path.join(REPO, "bench", "data", "quotes-*.jsonl")

# corpus file -> field holding the article text
JSONL_CORPORA = {"bbc-dev.jsonl": "text", "cnndm-dev.jsonl": "text",
                 "html-dev.jsonl.gz": "body"}
TEXT_CORPORA = {"seed-nato-talks.txt": "seed-nato-talks"}  # file -> article id
ATTRIBUTIONS = ("said-after", "said-before", "pronoun", "according-to", "other")
MARKS = ("double", "curly-double", "single", "curly-single",
         "doubled-apostrophe", "mixed")
# Sets whose every article (and no other) has one split: the held-out fresh
# sets and the later tuning sets.
WHOLE_FILE_SPLITS = {"quotes-fresh.jsonl": "fresh", "quotes-tune2.jsonl": "tune2",
                     "quotes-fresh2.jsonl": "fresh2", "quotes-tune3.jsonl": "tune3",
                     "quotes-tune4.jsonl": "tune4", "quotes-fresh3.jsonl": "fresh3",
                     "quotes-tune5.jsonl": "tune5", "quotes-fresh4.jsonl": "fresh4",
                     "quotes-fresh5.jsonl": "fresh5", "quotes-tune6.jsonl": "tune6"}
SPLITS = ("tune", "test") + tuple(WHOLE_FILE_SPLITS.values())


def split_of(corpus, aid):
    """The split bench/data/README.md fixes for an article."""
    h = int(hashlib.sha256((corpus + ":" + aid).encode("utf-8")).hexdigest()[:8], 16)
    return "tune" if h % 2 == 0 else "test"


def load_corpus(corpus_dir, name):
    """Return {id: text} for one corpus file."""
    path = os.path.join(corpus_dir, name)
    if name in TEXT_CORPORA:
        with open(path, encoding="utf-8") as f:
            return {TEXT_CORPORA[name]: f.read()}
    field = JSONL_CORPORA[name]
    opener = gzip.open if name.endswith(".gz") else open
    articles = {}
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                articles[row["id"]] = row[field]
    return articles


def check_quote(where, q, text, errors):
    def err(msg):
        errors.append("%s: %s" % (where, msg))

    if not isinstance(q, dict):
        err("quote is not an object")
        return
    for key in ("text", "speaker", "speaker_title", "attribution", "partial"):
        if key not in q:
            err("missing field %r" % key)
    t = q.get("text")
    if not isinstance(t, str) or not t:
        err("text must be a non-empty string")
        return
    if t != t.strip():
        err("text has leading or trailing whitespace: %r" % t[:40])
    pos = text.find(t)
    if pos < 0:
        err("text is not a substring of the article: %r" % t[:60])
    if "offset" in q:
        off = q["offset"]
        if not isinstance(off, int) or text[off:off + len(t)] != t:
            err("offset %r does not point at the text" % (off,))
        else:
            pos = off
    for key in ("speaker", "speaker_title"):
        if key in q and q[key] is not None and not isinstance(q[key], str):
            err("%s must be a string or null" % key)
    if "attribution" in q and q["attribution"] not in ATTRIBUTIONS:
        err("attribution %r not one of %s" % (q["attribution"], ", ".join(ATTRIBUTIONS)))
    for key in ("partial", "continues", "multi_paragraph", "nested_quote"):
        if key in q and not isinstance(q[key], bool):
            err("%s must be true or false" % key)
    if "marks" in q and q["marks"] not in MARKS:
        err("marks %r not one of %s" % (q["marks"], ", ".join(MARKS)))
    cont = q.get("continuation")
    if q.get("continues") and cont is None:
        err("continues is true but there is no continuation")
    if cont is not None:
        if not q.get("continues"):
            err("continuation given but continues is not true")
        if not isinstance(cont, list) or not cont:
            err("continuation must be a non-empty list")
            return
        start = pos + len(t) if pos >= 0 else 0
        for frag in cont:
            if not isinstance(frag, str) or not frag or frag != frag.strip():
                err("bad continuation fragment %r" % (frag,))
                continue
            p = text.find(frag, start)
            if p < 0:
                err("continuation is not a substring after the first fragment: %r" % frag[:60])
            else:
                start = p + len(frag)


class Checker:
    def __init__(self, corpus_dir):
        self.corpus_dir = corpus_dir
        self.corpora = {}
        self.errors = []
        self.seen = {}        # (corpus, id) -> where first labelled
        self.texts = {}       # (corpus, text) -> (id, where)

    def corpus(self, name, where):
        if name not in self.corpora:
            try:
                self.corpora[name] = load_corpus(self.corpus_dir, name)
            except (OSError, ValueError, KeyError) as e:
                self.errors.append("%s: cannot read corpus %s: %s" % (where, name, e))
                self.corpora[name] = None
        return self.corpora[name]

    def check_file(self, path):
        """Check one labels file; return its per-article rows for the counts."""
        name = os.path.basename(path)
        rows = []
        with_split = without_split = 0
        try:
            f = open(path, encoding="utf-8")
        except OSError as e:
            self.errors.append("%s: cannot read: %s" % (name, e))
            return rows
        with f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                where = "%s:%d" % (name, lineno)
                try:
                    obj = json.loads(line)
                except ValueError as e:
                    self.errors.append("%s: invalid JSON: %s" % (where, e))
                    continue
                if not isinstance(obj, dict):
                    self.errors.append("%s: line is not an object" % where)
                    continue
                corpus, aid = obj.get("corpus"), obj.get("id")
                where += " (%s)" % aid
                if corpus not in JSONL_CORPORA and corpus not in TEXT_CORPORA:
                    self.errors.append("%s: unknown corpus %r" % (where, corpus))
                    continue
                articles = self.corpus(corpus, where)
                if articles is None:
                    continue
                if aid not in articles:
                    self.errors.append("%s: id %r not found in %s" % (where, aid, corpus))
                    continue
                if (corpus, aid) in self.seen:
                    self.errors.append("%s: article already labelled at %s"
                                       % (where, self.seen[(corpus, aid)]))
                    continue
                self.seen[(corpus, aid)] = where
                text = articles[aid]
                twin = self.texts.get((corpus, text))
                if twin:
                    self.errors.append("%s: same text as %s, labelled at %s"
                                       % (where, twin[0], twin[1]))
                self.texts[(corpus, text)] = (aid, where)
                split = obj.get("split")
                if "split" in obj:
                    with_split += 1
                    if split not in SPLITS:
                        self.errors.append("%s: split %r not one of %s"
                                           % (where, split, ", ".join(SPLITS)))
                    elif WHOLE_FILE_SPLITS.get(name) not in (None, split):
                        self.errors.append("%s: split %r, but every article of %s is %r"
                                           % (where, split, name, WHOLE_FILE_SPLITS[name]))
                    elif (split in WHOLE_FILE_SPLITS.values()
                          and WHOLE_FILE_SPLITS.get(name) != split):
                        self.errors.append("%s: split %r belongs to %s alone"
                                           % (where, split, ", ".join(
                                               f for f, v in WHOLE_FILE_SPLITS.items()
                                               if v == split)))
                    elif name not in WHOLE_FILE_SPLITS and split != split_of(corpus, aid):
                        self.errors.append("%s: split is %r, the rule gives %r"
                                           % (where, split, split_of(corpus, aid)))
                else:
                    without_split += 1
                quotes = obj.get("quotes")
                if not isinstance(quotes, list) or not quotes:
                    self.errors.append("%s: quotes must be a non-empty list" % where)
                    continue
                for i, q in enumerate(quotes):
                    check_quote("%s quote %d" % (where, i + 1), q, text, self.errors)
                rows.append((corpus, split, quotes))
        if with_split and without_split:
            self.errors.append("%s: %d articles have a split and %d do not"
                               % (name, with_split, without_split))
        return rows


def print_counts(name, rows):
    per = Counter()
    art = Counter()
    attr = Counter()
    for corpus, split, quotes in rows:
        art[(corpus, split)] += 1
        per[(corpus, split)] += len(quotes)
        for q in quotes:
            if isinstance(q, dict):
                attr[q.get("attribution")] += 1
    n_q = sum(per.values())
    print("%s: %d articles, %d quotes" % (name, sum(art.values()), n_q))
    for corpus, split in sorted(art, key=lambda k: (k[0], k[1] or "")):
        print("  %-20s %-5s %3d articles %4d quotes"
              % (corpus, split or "-", art[(corpus, split)], per[(corpus, split)]))
    if n_q:
        print("  attribution: " + ", ".join(
            "%s %d" % (a, attr[a]) for a in ATTRIBUTIONS)
            + " (pronoun %.1f%%)" % (100.0 * attr["pronoun"] / n_q))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus_dir", nargs="?", default=DEFAULT_CORPUS,
                    help="directory holding the corpora (default: %(default)s)")
    ap.add_argument("--labels", action="append", metavar="FILE",
                    help="labels file, repeatable (default: bench/data/quotes-*.jsonl)")
    args = ap.parse_args()
    files = args.labels or sorted(glob.glob(DEFAULT_LABELS_GLOB))
    if not files:
        print("FAIL no labels files (%s)" % DEFAULT_LABELS_GLOB)
        return 1

    checker = Checker(args.corpus_dir)
    counts = [(os.path.basename(p), checker.check_file(p)) for p in files]
    for e in checker.errors:
        print("FAIL " + e)
    for name, rows in counts:
        print_counts(name, rows)
    n_a = sum(len(rows) for _, rows in counts)
    n_q = sum(len(q) for _, rows in counts for _, _, q in rows)
    print("%d files, %d articles, %d quotes, %d errors"
          % (len(files), n_a, n_q, len(checker.errors)))
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main())
