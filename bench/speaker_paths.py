#!/usr/bin/env python3
"""Speaker right by the way the core found the speaker, for every label set.

Usage: bench/speaker_paths.py [--trace TOOL] [CORPUS_DIR]

Runs bench/speaker-trace over the labelled articles and matches each
labelled quotation with a speaker to the core's quotation at its place
(byte spans, as bench/quotes_score.py matches). Each is counted under
the way its speaker came: a clause of its own ("said X", "X said:"), a
pronoun ("he said", resolved), the sentences around it (no clause: a
quotation-only paragraph carrying on the last speaker), or none given;
and right when bench/quotes_score.py's speaker_right() holds. Counts
only, so it may be run on the held-out sets: no quotation or article is
printed. The tool links the core in: run `make bench/speaker-trace`
after every change to libabridge/, or it counts the old core's
speakers.
"""
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quote_articles import labelled_traced  # noqa: E402
from quotes_score import HELD_OUT, TUNING, label_spans, speaker_right  # noqa: E402

PRONOUN, CONTEXT = 1 << 1, 1 << 2  # ABRIDGE_QUOTE_PRONOUN, ABRIDGE_QUOTE_CONTEXT
PATHS = ("clause", "pronoun", "context")


def path_of(quote):
    if not quote.get("speaker"):
        return "none"
    if quote["flags"] & PRONOUN:
        return "pronoun"
    return "context" if quote["flags"] & CONTEXT else "clause"


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    _, articles = labelled_traced(argv, "--trace", os.path.join(here, "speaker-trace"))
    counts = Counter()
    for group, art, text, row in articles:
        for q in art["quotes"]:
            if not q.get("speaker"):
                continue
            spans = label_spans(text, q)
            if spans is None:
                continue
            a, b = spans[0]
            hit = [x for x in row["quotes"] if x["start"] < b and a < x["end"]]
            counts[group, "labelled"] += 1
            if not hit:
                counts[group, "not found"] += 1
                continue
            way = path_of(hit[0])
            counts[group, way] += 1
            counts[group, way + " right"] += speaker_right(q["speaker"], hit[0].get("speaker"))
    print("%-8s %6s %6s %-18s %-18s %-18s %s" % ("set", "quotes", "unfound", "clause: right/given",
                                                "pronoun", "context", "none given"))
    for group in TUNING + HELD_OUT:
        n = counts[group, "labelled"]
        if not n:
            continue
        cells = ["%3d/%-3d %5.1f%%" % (counts[group, p + " right"], counts[group, p],
                                       100.0 * counts[group, p + " right"] / max(1, counts[group, p]))
                 for p in PATHS]
        print("%-8s %6d %6d %-18s %-18s %-18s %d" % (group, n, counts[group, "not found"], *cells,
                                                    counts[group, "none"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
