#!/usr/bin/env python3
"""How often a labelled quotation's speaker is named in the article near
it, by set: a property of the articles and labels, not of abridge.

Usage: bench/speaker_reach.py [CORPUS_DIR]

For every labelled quotation with a speaker and an offset, the speaker's
key words (bench/quotes_score.py's speaker_key(): the surname, or every
word of a body's name) are looked for, case-folded, in the article's
text outside quotation marks: anywhere, and near the quotation (from
three sentences before it to the sentence after, sentences cut at . ! ?
and line breaks). Set against how often abridge's own candidates hold the
speaker (bench/README.md, "A learned speaker model"), it tells a speaker
the article does not name near the quotation from one abridge does not
see there. Counts only: no quotation or article is printed, so it may be
run on the held-out sets.
"""
import os
import re
import sys
import tempfile
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quote_articles import write_articles  # noqa: E402
from quotes_score import load_jsonl, speaker_key, words  # noqa: E402

BACK = 3
SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019]*\s+|\n+")
MARKS = re.compile(r"[\"\u201c\u201d\u2018\u2019]|(?<![A-Za-z])'|'(?![A-Za-z])")


def outside_quotes(text):
    """TEXT with what stands between paired marks blanked (a rough pairing
    of each paragraph's marks, two at a time)."""
    out = list(text)
    for para in re.finditer(r"[^\n]+", text):
        marks = [m.start() + para.start() for m in MARKS.finditer(para.group())]
        for a, b in zip(marks[0::2], marks[1::2]):
            for i in range(a, b + 1):
                out[i] = " "
    return "".join(out)


def sentence_bounds(text):
    starts = [0] + [m.end() for m in SENTENCE_END.finditer(text)]
    return starts


def named(key, text):
    have = set(words(text))
    return bool(key) and all(k in have for k in key)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    corpus = argv[0] if argv else os.path.join(here, "..", "..", "shared", "corpus")
    data = os.path.join(here, "data")
    paths = sorted(os.path.join(data, f) for f in os.listdir(data)
                   if f.startswith("quotes-") and f.endswith(".jsonl"))
    with tempfile.TemporaryDirectory() as tmp:
        articles = os.path.join(tmp, "articles.jsonl")
        write_articles(corpus, articles, None, paths)
        texts = {r["id"]: r["text"] for r in load_jsonl(articles)}
    counts = Counter()
    for path in paths:
        old = os.path.basename(path) == "quotes-labels.jsonl"
        for art in load_jsonl(path):
            group = "old" if old else art["split"]
            text = texts[art["id"]]
            plain = outside_quotes(text)
            starts = sentence_bounds(text)
            for q in art["quotes"]:
                if not q.get("speaker") or "offset" not in q:
                    continue
                key = speaker_key(q["speaker"])
                at = q["offset"]
                s = max(i for i, st in enumerate(starts) if st <= at)
                end = at + len(q["text"])
                e = max(i for i, st in enumerate(starts) if st <= end)
                lo = starts[max(0, s - BACK)]
                hi = starts[e + 2] if e + 2 < len(starts) else len(text)
                counts[group, "with a speaker"] += 1
                counts[group, "named anywhere"] += named(key, plain)
                counts[group, "named near"] += named(key, plain[lo:hi])
    print("%-8s %8s %16s %16s" % ("set", "quotes", "named near", "named anywhere"))
    for group in ("old", "tune", "tune2", "tune3", "test", "fresh", "fresh2"):
        n = counts[group, "with a speaker"]
        if not n:
            continue
        near, anywhere = counts[group, "named near"], counts[group, "named anywhere"]
        print("%-8s %8d %9d %5.1f%% %9d %5.1f%%" % (group, n, near, 100.0 * near / n, anywhere,
                                                  100.0 * anywhere / n))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
