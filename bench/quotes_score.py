#!/usr/bin/env python3
"""Score the quotes plugin's extracts against hand labels.

Usage: bench/quotes_score.py --labels LABELS [--articles ARTICLES] [--verbose] OUTPUT

OUTPUT is what `abridge -p quotes -n 1000 -f jsonl` wrote for the labelled
articles; LABELS is bench/data/quotes-labels.jsonl (format in
bench/data/README.md); ARTICLES is the JSONL the articles were read from
(only needed to tell repeated quotes apart by their offsets).

- Recall: a label is found when some extract's "quote" or "text" contains
  the label's text, white space folded.
- Speaker accuracy, over found labels whose speaker is not null: right when
  the predicted speaker equals the label's after case folding and dropping
  a leading Mr/Mrs/Ms/Miss/Dr/Prof/Rev/Father/"the" (the labels leave those
  out of names, see the README). "Surname match" only compares last words.
- Precision: the share of extracts that contain a labelled quote or one of
  its continuation fragments, or lie inside one.
Needs only the Python 3 standard library.
"""

import argparse
import json
import sys
from collections import defaultdict

DROPPED = ("mr", "mrs", "ms", "miss", "dr", "prof", "rev", "father", "the")


def fold(s):
    return " ".join(s.split())


def speaker_key(s):
    if s is None:
        return None
    words = fold(s).casefold().replace(".", " ").split()
    while words and words[0] in DROPPED:
        words = words[1:]
    return " ".join(words)


def surname(s):
    key = speaker_key(s)
    return key.split()[-1] if key else None


def load_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def pct(a, b):
    return "%5.1f%% (%d/%d)" % (100.0 * a / b, a, b) if b else "    - (0/0)"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("output")
    ap.add_argument("--labels", required=True)
    ap.add_argument("--articles")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()

    labels = load_jsonl(args.labels)
    out = {}
    for row in load_jsonl(args.output):
        out[row.get("id") or row.get("file")] = row.get("extracts") or []
    texts = {}
    if args.articles:
        for row in load_jsonl(args.articles):
            texts[row["id"]] = row["text"]

    total = found = spk_total = spk_right = spk_surname = 0
    n_extracts = n_matched = 0
    by = defaultdict(lambda: [0, 0, 0, 0])  # labels, found, with speaker, right
    misses, wrong, spurious = [], [], []

    for art in labels:
        aid = art["id"]
        extracts = out.get(aid)
        if extracts is None:
            misses.append((aid, "(article missing from the output)"))
            extracts = []
        folded = [(fold(x.get("quote") or ""), fold(x.get("text") or ""), x) for x in extracts]
        text = texts.get(aid)
        matched = [False] * len(extracts)
        for q in art["quotes"]:
            total += 1
            want = fold(q["text"])
            cands = [i for i, (fq, ft, _) in enumerate(folded) if want in fq or want in ft]
            pick = None
            if cands and text is not None and "offset" in q:
                b0 = len(text[:q["offset"]].encode("utf-8"))
                for i in cands:
                    x = extracts[i]
                    if x.get("start", -1) <= b0 < x.get("end", -1):
                        pick = i
                        break
            if pick is None and cands:
                pick = cands[0]
            keys = ["all", "attribution=" + q["attribution"],
                    "corpus=" + art["corpus"].split("-")[0].split(".")[0],
                    "partial" if q.get("partial") else "whole",
                    "one word" if len(q["text"].split()) == 1 else "several words"]
            if q.get("continues"):
                keys.append("continues")
            if q.get("multi_paragraph"):
                keys.append("multi_paragraph")
            for k in keys:
                by[k][0] += 1
            if pick is None:
                misses.append((aid, q["text"][:90]))
                continue
            found += 1
            for k in keys:
                by[k][1] += 1
            if q["speaker"] is None:
                continue
            spk_total += 1
            for k in keys:
                by[k][2] += 1
            got = extracts[pick].get("speaker")
            if got is not None and speaker_key(got) == speaker_key(q["speaker"]):
                spk_right += 1
                for k in keys:
                    by[k][3] += 1
            else:
                wrong.append((aid, q["attribution"], q["speaker"], got, q["text"][:60]))
            if got is not None and surname(got) == surname(q["speaker"]):
                spk_surname += 1
        # precision: each extract against every fragment of every label
        frags = []
        for q in art["quotes"]:
            frags.append(fold(q["text"]))
            frags.extend(fold(c) for c in q.get("continuation") or [])
        wholes = [fold(" ".join([q["text"]] + (q.get("continuation") or []))) for q in art["quotes"]]
        for i, (fq, ft, x) in enumerate(folded):
            n_extracts += 1
            ok = any(f in fq or f in ft for f in frags) or (
                fq and any(fq in w or fq in f for w in wholes for f in frags))
            if ok:
                n_matched += 1
            else:
                spurious.append((aid, ft[:90]))

    print("quotes found (recall):   %s" % pct(found, total))
    print("speaker right:           %s" % pct(spk_right, spk_total))
    print("speaker surname matches: %s" % pct(spk_surname, spk_total))
    print("extracts that are labelled quotes (precision): %s" % pct(n_matched, n_extracts))
    print()
    print("%-28s %-22s %s" % ("breakdown", "found", "speaker right"))
    order = sorted(by, key=lambda k: (k != "all", k.split("=")[0], k))
    for k in order:
        n, f, s, r = by[k]
        print("%-28s %-22s %s" % (k, pct(f, n), pct(r, s)))
    if args.verbose:
        print("\nnot found:")
        for aid, t in misses:
            print("  %s: %s" % (aid, t))
        print("\nwrong speaker (label / got):")
        for aid, kind, want, got, t in wrong:
            print("  %s [%s] %r / %r: %s" % (aid, kind, want, got, t))
        print("\nextracts matching no label:")
        for aid, t in spurious:
            print("  %s: %s" % (aid, t))
    return 0


if __name__ == "__main__":
    sys.exit(main())
