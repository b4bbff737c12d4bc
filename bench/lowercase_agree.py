#!/usr/bin/env python3
"""How often abridge gives a quotation the same speaker when it reads an
article as written and as CNN/DailyMail's lower-cased tokenised copy
(bench/lowercase_copy.py's rewrite): a check of the lower-cased reading
that needs no labels, on BBC articles nobody labelled.

Usage: bench/lowercase_agree.py [--list] [--list-marks] [--articles N] ABRIDGE [CORPUS_DIR]

Reads the first N (default 1200) articles of bbc-dev.jsonl that no label
file names, so no held-out article is read. A quotation counts when the
cased reading gives it a speaker: "agree" when the lower-cased reading's
extract at the same place has a speaker that holds the cased one's key
word (bench/quotes_score.py's speaker_right), "differ" when it has
another speaker or none, "unmatched" when it has no extract there.
--list prints each quotation that differs with the text before it.

It also checks how the copy's spaced marks pair, against the marks of
the text as written: a cased quotation is "kept" when a lower-cased
extract at its place holds half its words, and
a lower-cased extract "matches" when half its words are words of the
cased quotations it overlaps (bench/quotes_score.py's found and
precision, with the cased reading for labels).
--list-marks prints each cased quotation not kept ("lost") and each
lower-cased extract that matches none ("extra").
"""
import argparse
import json
import os
import subprocess
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lowercase_copy import rewrite  # noqa: E402
from quotes_score import labelled_ids, load_jsonl, speaker_right, words  # noqa: E402


def extracts(abridge, records):
    run = subprocess.run([abridge, "-p", "quotes", "-n", "1000", "-f", "jsonl", "-"],
                         input="".join(json.dumps(r) + "\n" for r in records),
                         capture_output=True, text=True, check=True)
    return {row["id"]: row.get("extracts") or [] for row in map(json.loads, run.stdout.splitlines())}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("abridge")
    ap.add_argument("corpus", nargs="?", default=os.path.join(here, "..", "..", "shared", "corpus"))
    ap.add_argument("--articles", type=int, default=1200)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--list-marks", action="store_true")
    args = ap.parse_args()

    labelled = labelled_ids(os.path.join(here, "data"))
    arts = [a for a in load_jsonl(os.path.join(args.corpus, "bbc-dev.jsonl")) if a["id"] not in labelled]
    arts = arts[:args.articles]
    copies = {a["id"]: rewrite(a["text"]) for a in arts}
    cased = extracts(args.abridge, [{"id": a["id"], "text": a["text"]} for a in arts])
    lower = extracts(args.abridge, [{"id": i, "text": c[0]} for i, c in copies.items()])

    agree = differ = unmatched = 0
    for a in arts:
        text = a["text"].encode("utf-8")
        copy, where = copies[a["id"]]
        for x in cased.get(a["id"], []):
            if not x.get("speaker") or x.get("start") is None:
                continue
            at = len(text[:x["start"]].decode("utf-8", "ignore"))
            lat = len(copy[:where[at]].encode("utf-8"))
            # the copy's opening mark is "' " where the text had one character
            there = [y for y in lower.get(a["id"], [])
                     if y.get("start") is not None and y["start"] <= lat + 3 and y["end"] > lat]
            if not there:
                unmatched += 1
            elif there[0].get("speaker") and speaker_right(x["speaker"], there[0]["speaker"]):
                agree += 1
            else:
                differ += 1
                if args.list:
                    print("%s: %r as written, %r lower-cased: …%s" % (
                        a["id"], x["speaker"], there[0].get("speaker"),
                        a["text"][max(0, at - 160):at + 60].replace("\n", " / ")))
    n = agree + differ
    kept, extra, cased_n, lower_n = marks_agree(arts, copies, cased, lower, args.list_marks)
    print("%d unlabelled bbc-dev articles: speakers agree on %d of %d quotations (%.1f%%), "
          "differ on %d; %d unmatched" % (len(arts), agree, n, 100.0 * agree / n if n else 0,
                                          differ, unmatched))
    print("marks: the lower-cased copy keeps %d of %d cased quotations (%.1f%%); %d of its %d "
          "extracts match none (%.1f%% match)" % (
              kept, cased_n, 100.0 * kept / cased_n if cased_n else 0, extra, lower_n,
              100.0 * (lower_n - extra) / lower_n if lower_n else 0))
    return 0


def marks_agree(arts, copies, cased, lower, show):
    """Cased extracts as labels, scored as bench/quotes_score.py scores
    found and precision: kept when a lower-cased extract at its place
    holds half its words; a lower-cased extract matches when half its
    words are words of the cased extracts it overlaps."""
    kept = extra = cased_n = lower_n = 0
    for a in arts:
        text = a["text"].encode("utf-8")
        copy, where = copies[a["id"]]
        cbytes = copy.encode("utf-8")
        xs = []
        for x in cased.get(a["id"], []):
            if x.get("start") is None:
                continue
            s, e = (len(copy[:where[len(text[:o].decode("utf-8", "ignore"))]].encode("utf-8"))
                    for o in (x["start"], x["end"]))
            xs.append((s, e, Counter(words(x.get("quote") or x["text"]))))
        ys = [(y["start"], y["end"], Counter(words(y.get("quote") or y["text"])))
              for y in lower.get(a["id"], []) if y.get("start") is not None]
        cased_n += len(xs)
        lower_n += len(ys)
        for x in xs:
            need = sum(x[2].values())
            if any(y[0] < x[1] and x[0] < y[1] and 2 * sum((x[2] & y[2]).values()) >= need for y in ys):
                kept += 1
            elif show:
                print("%s: lost: %s" % (a["id"], cbytes[x[0]:x[1]].decode("utf-8", "ignore")[:160]))
        for y in ys:
            pool = Counter()
            for x in xs:
                if y[0] < x[1] and x[0] < y[1]:
                    pool |= x[2]
            n = sum(y[2].values())
            if n == 0 or 2 * sum((y[2] & pool).values()) < n:
                extra += 1
                if show:
                    print("%s: extra: %s" % (a["id"], cbytes[y[0]:y[1]].decode("utf-8", "ignore")[:160]))
    return kept, extra, cased_n, lower_n


if __name__ == "__main__":
    sys.exit(main())
