#!/usr/bin/env python3
"""Check the hand-made quote-extraction labels against the corpora.

Usage: bench/check_quote_labels.py [CORPUS_DIR] [--labels FILE]...

CORPUS_DIR defaults to ../shared/corpus relative to the repository root (the
directory above bench/); FILE defaults to bench/data/quotes-labels.jsonl.
--labels may be repeated; an article may be labelled only once over all files.

Every label line must name a known corpus and an article id that exists in
it, and every quote's "text" (and each "continuation" fragment) must be an
exact substring of that article's "text" field. An article's optional
"split" must be "tune" or "test". The field values are checked
against the definitions in bench/data/README.md. Prints a summary and exits 0
when everything holds, 1 otherwise. Needs only the Python 3 standard library.
"""

import argparse
import fileinput
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(REPO, os.pardir, "shared", "corpus")
DEFAULT_LABELS = os.path.join(REPO, "bench", "data", "quotes-labels.jsonl")

JSONL_CORPORA = ("bbc-dev.jsonl", "cnndm-dev.jsonl")
TEXT_CORPORA = {"seed-nato-talks.txt": "seed-nato-talks"}  # file -> article id
ATTRIBUTIONS = ("said-after", "said-before", "pronoun", "according-to", "other")
SPLITS = ("tune", "test")
MARKS = ("double", "curly-double", "single", "curly-single",
         "doubled-apostrophe", "mixed")


def load_corpus(corpus_dir, name):
    """Return {id: text} for one corpus file."""
    path = os.path.join(corpus_dir, name)
    if name in TEXT_CORPORA:
        with open(path, encoding="utf-8") as f:
            return {TEXT_CORPORA[name]: f.read()}
    articles = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                articles[row["id"]] = row["text"]
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus_dir", nargs="?", default=DEFAULT_CORPUS,
                    help="directory holding the corpora (default: %(default)s)")
    ap.add_argument("--labels", action="append",
                    help="labels file, repeatable (default: %s)" % DEFAULT_LABELS)
    args = ap.parse_args()
    label_files = args.labels or [DEFAULT_LABELS]
    for path in label_files:
        if not os.path.isfile(path):
            print("FAIL %s: no such labels file" % path)
            return 1

    corpora = {}
    errors = []
    seen = set()
    n_articles = n_quotes = 0
    by_corpus = {}
    by_split = {}
    with fileinput.input(label_files, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            where = "%s:%d" % (os.path.basename(f.filename()), f.filelineno())
            try:
                obj = json.loads(line)
            except ValueError as e:
                errors.append("%s: invalid JSON: %s" % (where, e))
                continue
            corpus, aid = obj.get("corpus"), obj.get("id")
            where += " (%s)" % aid
            if corpus not in JSONL_CORPORA and corpus not in TEXT_CORPORA:
                errors.append("%s: unknown corpus %r" % (where, corpus))
                continue
            if corpus not in corpora:
                try:
                    corpora[corpus] = load_corpus(args.corpus_dir, corpus)
                except OSError as e:
                    errors.append("%s: cannot read corpus: %s" % (where, e))
                    corpora[corpus] = {}
                    continue
            if aid not in corpora[corpus]:
                errors.append("%s: id %r not found in %s" % (where, aid, corpus))
                continue
            if (corpus, aid) in seen:
                errors.append("%s: article labelled twice" % where)
            seen.add((corpus, aid))
            split = obj.get("split")
            if "split" in obj and split not in SPLITS:
                errors.append("%s: split %r not one of %s" % (where, split, ", ".join(SPLITS)))
            quotes = obj.get("quotes")
            if not isinstance(quotes, list) or not quotes:
                errors.append("%s: quotes must be a non-empty list" % where)
                continue
            text = corpora[corpus][aid]
            for i, q in enumerate(quotes):
                check_quote("%s quote %d" % (where, i + 1), q, text, errors)
            n_articles += 1
            n_quotes += len(quotes)
            a, b = by_corpus.get(corpus, (0, 0))
            by_corpus[corpus] = (a + 1, b + len(quotes))
            key = split if split in SPLITS else None
            a, b = by_split.get(key, (0, 0))
            by_split[key] = (a + 1, b + len(quotes))

    for e in errors:
        print("FAIL " + e)
    for corpus in sorted(by_corpus):
        print("%-22s %3d articles %4d quotes" % ((corpus,) + by_corpus[corpus]))
    for split in SPLITS + (None,):
        if split in by_split:
            print("split %-16s %3d articles %4d quotes" % ((split or "(none)",) + by_split[split]))
    print("%d articles, %d quotes, %d errors" % (n_articles, n_quotes, len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
