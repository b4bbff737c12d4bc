#!/usr/bin/env python3
"""How often a labelled quotation's speaker is named in the article near
it, by set: a property of the articles and labels, not of abridge.

Usage: bench/speaker_reach.py [--people TOOL] [CORPUS_DIR]

For every labelled quotation with a speaker and an offset, the speaker's
key words (bench/quotes_score.py's speaker_key(): the surname, or every
word of a body's name) are looked for, case-folded, in the article's
text outside quotation marks: anywhere, and near the quotation (from
three sentences before it to the sentence after, sentences cut at . ! ?
and line breaks). Set against how often abridge's own candidates hold the
speaker, it tells a speaker the article does not name from one abridge
does not see. With --people bench/speaker-trace (make
bench/speaker-trace), a last column counts the quotations whose speaker
is among the people abridge's attribution chooses from (speaker_right()
against each). Counts only: no quotation or article is printed, so it
may be run on the held-out sets.
"""
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quote_articles import labelled_traced  # noqa: E402
from quotes_score import HELD_OUT, TUNING, speaker_key, speaker_right, words  # noqa: E402

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


def named(key, have):
    """Whether every one of KEY's words is in the set HAVE."""
    return bool(key) and all(k in have for k in key)


def main(argv):
    tool, articles = labelled_traced(argv, "--people", None)
    counts = Counter()
    for group, art, text, row in articles:
        plain = outside_quotes(text)
        everywhere = set(words(plain))
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
            counts[group, "named anywhere"] += named(key, everywhere)
            counts[group, "named near"] += named(key, set(words(plain[lo:hi])))
            counts[group, "among abridge's people"] += any(
                speaker_right(q["speaker"], name) for name in row.get("people", []))
    print("%-8s %8s %16s %16s%s" % ("set", "quotes", "named near", "named anywhere",
                                    " %16s" % "abridge's people" if tool else ""))
    for group in TUNING + HELD_OUT:
        n = counts[group, "with a speaker"]
        if not n:
            continue
        cells = [counts[group, k] for k in ("named near", "named anywhere", "among abridge's people")]
        print("%-8s %8d" % (group, n) + "".join(" %9d %5.1f%%" % (c, 100.0 * c / n)
                                                 for c in cells[:3 if tool else 2]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
