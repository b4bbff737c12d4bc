#!/usr/bin/env python3
"""How often abridge gives a quotation the same speaker when it reads an
article as written and as CNN/DailyMail's lower-cased tokenised copy
(bench/lowercase_copy.py's rewrite): a check of the lower-cased reading
that needs no labels, on BBC articles nobody labelled.

Usage: bench/lowercase_agree.py [--list] [--articles N] ABRIDGE [CORPUS_DIR]

Reads the first N (default 1200) articles of bbc-dev.jsonl that no label
file names, so no held-out article is read. A quotation counts when the
cased reading gives it a speaker: "agree" when the lower-cased reading's
extract at the same place has a speaker that holds the cased one's key
word (bench/quotes_score.py's speaker_right), "differ" when it has
another speaker or none, "unmatched" when it has no extract there.
--list prints each quotation that differs with the text before it.
"""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lowercase_copy import rewrite  # noqa: E402
from quotes_score import label_files, load_jsonl, speaker_right  # noqa: E402


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
    args = ap.parse_args()

    labelled = {a["id"] for p in label_files(os.path.join(here, "data")) for a in load_jsonl(p)}
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
    print("%d unlabelled bbc-dev articles: speakers agree on %d of %d quotations (%.1f%%), "
          "differ on %d; %d unmatched" % (len(arts), agree, n, 100.0 * agree / n if n else 0,
                                          differ, unmatched))
    return 0


if __name__ == "__main__":
    sys.exit(main())
