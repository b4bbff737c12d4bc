#!/usr/bin/env python3
"""Blind pairs of quote speakers, to judge a change on unlabelled articles.

The labelled quote sets are small and the held-out ones may be run only
once, so a change to attribution is also checked on articles no label
covers: every quotation that two builds both put in their briefs but give
different speakers becomes a pair, the two speakers in random order, with
the article text around the quotation. Someone who does not know which
build is which (a helper, a colleague) judges each pair; --score then
counts which build was right.

  bench/quote_pairs.py make [--unlabelled] BASE_ABRIDGE NEW_ABRIDGE OUT_DIR [CORPUS_DIR]
      writes OUT_DIR/pairs.json (for the judge) and OUT_DIR/key.json (not
      for the judge: which of A and B is the new build's); --unlabelled
      leaves out every labelled article, tuning ones too (for a rule or
      model learned from the tuning labels)
  bench/quote_pairs.py score OUT_DIR
      reads OUT_DIR/verdicts.json, a list of {"n": N, "verdict": "A" | "B"
      | "both" | "neither" | "unclear"}, and prints the counts

Articles of bench/data's held-out splits (test, fresh, fresh2) are left out, so
that this never reads them. CORPUS_DIR defaults to ../shared/corpus.
"""
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPORA = ("bbc-dev.jsonl", "cnndm-dev.jsonl")
sys.path.insert(0, HERE)
from quotes_score import HELD_OUT, label_files, load_jsonl  # noqa: E402


def held_out_ids(every_label=False):
    """The held-out articles; with EVERY_LABEL, every labelled one (a check
    on articles nothing was tuned or learned on)."""
    return {row["id"] for path in label_files(os.path.join(HERE, "data")) for row in load_jsonl(path)
            if every_label or row.get("split") in HELD_OUT}


def speakers(abridge, path):
    out = subprocess.run([abridge, "-p", "quotes", "-k", "5", "-f", "jsonl", path],
                         check=True, capture_output=True, text=True).stdout
    result = {}
    for line in out.splitlines():
        row = json.loads(line)
        key = row.get("id") or row.get("file")
        result[key] = {e["quote"]: e.get("speaker") for e in row.get("extracts", []) if "quote" in e}
    return result


def make(base, new, out, corpus, unlabelled=False):
    skip = held_out_ids(unlabelled)
    rng = random.Random(7)
    pairs, key = [], []
    for name in CORPORA:
        path = os.path.join(corpus, name)
        texts = {}
        for line in open(path, encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                texts[row["id"]] = row["text"]
        a, b = speakers(base, path), speakers(new, path)
        for article in sorted(a):
            if article in skip or article not in b:
                continue
            for quote, old in a[article].items():
                if quote not in b[article] or b[article][quote] == old:
                    continue
                text = texts[article]
                at = text.find(quote.split(" … ")[0][:60])
                context = text[max(0, at - 900):at + len(quote) + 300] if at >= 0 else ""
                both = [old, b[article][quote]]
                flip = rng.random() < 0.5
                if flip:
                    both.reverse()
                n = len(pairs) + 1
                pairs.append({"n": n, "article": article, "quote": quote, "context": context,
                              "A": both[0], "B": both[1]})
                key.append({"n": n, "new": "A" if flip else "B"})
    os.makedirs(out, exist_ok=True)
    json.dump(pairs, open(os.path.join(out, "pairs.json"), "w", encoding="utf-8"),
              indent=1, ensure_ascii=False)
    json.dump(key, open(os.path.join(out, "key.json"), "w"))
    print("%d pairs in %s/pairs.json (key: %s/key.json)" % (len(pairs), out, out))


def score(out):
    key = {k["n"]: k["new"] for k in json.load(open(os.path.join(out, "key.json")))}
    counts = {"new right": 0, "old right": 0, "both": 0, "neither": 0, "unclear": 0}
    for v in json.load(open(os.path.join(out, "verdicts.json"))):
        verdict = v["verdict"]
        if verdict in ("both", "neither", "unclear"):
            counts[verdict] += 1
        else:
            counts["new right" if verdict == key[v["n"]] else "old right"] += 1
    missing = len(key) - sum(counts.values())
    print(", ".join("%s %d" % kv for kv in counts.items()) + (", not judged %d" % missing if missing else ""))


def main(argv):
    unlabelled = len(argv) > 1 and argv[0] == "make" and argv[1] == "--unlabelled"
    if unlabelled:
        argv = argv[:1] + argv[2:]
    if len(argv) >= 4 and argv[0] == "make":
        corpus = argv[4] if len(argv) > 4 else os.path.join(HERE, "..", "..", "shared", "corpus")
        make(argv[1], argv[2], argv[3], corpus, unlabelled)
    elif len(argv) == 2 and argv[0] == "score":
        score(argv[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
