#!/usr/bin/env python3
"""Learn the speaker model of libabridge/text/quotes/candidates.c from the
tuning labels, and write its weights.

Usage: bench/train_speakers.py [--tool bench/speaker-features]
                               [--corpus ../shared/corpus] [--write HEADER]

Only the tuning sets are read: the old labels (quotes-labels.jsonl), the
"tune" split of the unseen sets, tune2 and tune3. The held-out sets (test,
fresh, fresh2) are never read here; bench/quotes.sh measures the model on
them.

For each quotation the rules leave without a speaker, bench/speaker-features
lists the people named around it with their features. The label says
which of them is right (bench/quotes_score.py's speaker_right()); when
none is, or the label has no speaker, or the quotation is not labelled at
all (a title, a scare quote the labellers left out), "nobody" is right.
The model is log-linear: each candidate and "nobody" get a score w·f, and
the best one is the speaker. It is fit by maximising the conditional
log-likelihood of the right answers with an L2 penalty, whose strength is
chosen by leave-one-article-out-group cross-validation (five folds by
article) on the tuning sets. The cross-validated accuracy is printed: the
number to set against the held-out sets' in bench/quotes.sh.
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quote_articles import write_articles  # noqa: E402
from quotes_score import HELD_OUT, label_spans, load_jsonl, speaker_right, words  # noqa: E402

CANDIDATE_FEATURES = [
    "bias", "same sentence", "sentence before", "earlier", "sentence after", "same paragraph",
    "subject", "speaks", "possessive only", "mentions", "salience", "nearest",
    "previous speaker", "body", "wrong gender", "speaks here", "speaks before", "adjacent",
    "only", "rules", "rules pronoun", "rules context",
]
NOBODY_FEATURES = ["bias", "words", "opens paragraph", "rules none"]
# What the rules find next to a verb of saying, before or after the
# quotation (ABR_QSRC_AFTER, ABR_QSRC_BEFORE), naming the speaker
# (ABR_QA_NAMED, ABR_QA_UNNAMED): the attributions --scope implicit leaves
# to the rules.
EXPLICIT_SOURCES = (1, 2)
EXPLICIT_KINDS = (1, 3)
PENALTIES = (1.0, 3.0, 10.0, 30.0, 100.0)
FOLDS = 5


def set_of(path, row):
    return "old" if os.path.basename(path) == "quotes-labels.jsonl" else row["split"]


def examples(tool, corpus, labels_dir, held_out=False):
    """Each labelled quotation of the tuning articles (with HELD_OUT, of
    the held-out ones instead) with its candidates and their features, the
    right answers, and what the rules chose."""
    paths = sorted(os.path.join(labels_dir, f) for f in os.listdir(labels_dir)
                   if f.startswith("quotes-") and f.endswith(".jsonl"))
    keep = lambda path, row: (set_of(path, row) in HELD_OUT) == held_out  # noqa: E731
    arts, sets = {}, {}
    for path in paths:
        for row in load_jsonl(path):
            if keep(path, row):
                arts[row["id"]] = row
                sets[row["id"]] = set_of(path, row)
    with tempfile.TemporaryDirectory() as tmp:
        articles = os.path.join(tmp, "articles.jsonl")
        write_articles(corpus, articles, None, paths, keep)
        texts = {r["id"]: r["text"] for r in load_jsonl(articles)}
        out = subprocess.run([tool, articles], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        u = json.loads(line)
        text = texts[u["id"]]
        raw = text.encode("utf-8")[u["start"]:u["end"]].decode("utf-8", "replace")
        uw = set(words(raw))
        label = None
        for q in arts[u["id"]]["quotes"]:
            spans = label_spans(text, q)
            if spans is not None:
                hit = any(u["start"] < b and a < u["end"] for a, b in spans)
            else:
                lw = words(" ".join([q["text"]] + (q.get("continuation") or [])))
                hit = bool(lw) and 2 * sum(w in uw for w in lw) >= len(lw)
            if hit:
                label = q
                break
        if label is None:
            continue  # not a quotation the labellers took: no answer to learn
        right = []
        if label["speaker"]:
            right = [1 + i for i, c in enumerate(u["candidates"]) if speaker_right(label["speaker"], c["name"])]
        if not right:
            right = [0]
        rules_at = CANDIDATE_FEATURES.index("rules")
        rows.append({
            "id": u["id"], "set": sets[u["id"]], "cands": [c["f"] for c in u["candidates"]], "nobody": u["nobody"],
            "right": right, "has_speaker": label["speaker"] is not None, "label": label,
            "names": [c["name"] for c in u["candidates"]],
            "anywhere": label["speaker"] is not None and any(speaker_right(label["speaker"], n) for n in u["people"]),
            "rules": next((1 + i for i, c in enumerate(u["candidates"]) if c["f"][rules_at]), 0),
            "explicit": u["rules_source"] in EXPLICIT_SOURCES and u["rules_kind"] in EXPLICIT_KINDS,
        })
    return rows


def scores(w, v, cands, nobody):
    return [sum(a * b for a, b in zip(v, nobody))] + [sum(a * b for a, b in zip(w, f)) for f in cands]


def fit(rows, penalty, steps=1000, rate=0.5):
    nw, nv = len(CANDIDATE_FEATURES), len(NOBODY_FEATURES)
    w, v = [0.0] * nw, [0.0] * nv
    n = max(1, len(rows))
    for _ in range(steps):
        gw, gv = [penalty * x / n for x in w], [penalty * x / n for x in v]
        gv[0] -= penalty * v[0] / n  # the biases are not penalised
        gw[0] -= penalty * w[0] / n
        for r in rows:
            cands, nobody, right = r["cands"], r["nobody"], r["right"]
            s = scores(w, v, cands, nobody)
            m = max(s)
            e = [math.exp(x - m) for x in s]
            z = sum(e)
            zr = sum(e[i] for i in right)
            # d(-log sum_right p)/ds_i = p_i - [i right] e_i / zr
            for i, ei in enumerate(e):
                g = (ei / z - (ei / zr if i in right else 0.0)) / n
                if i == 0:
                    for k in range(nv):
                        gv[k] += g * nobody[k]
                else:
                    for k in range(nw):
                        gw[k] += g * cands[i - 1][k]
        w = [a - rate * b for a, b in zip(w, gw)]
        v = [a - rate * b for a, b in zip(v, gv)]
    return w, v


def decide(w, v, r):
    """The model's pick: the likeliest candidate when it is likelier than
    not (a wrong speaker costs a brief as much as a right one gains), else
    nobody (0)."""
    s = scores(w, v, r["cands"], r["nobody"])
    m = max(s)
    e = [math.exp(x - m) for x in s]
    best = max(range(1, len(s)), key=lambda i: s[i], default=0)
    return best if best and e[best] / sum(e) > 0.5 else 0


def accuracy(w, v, rows):
    """Counts over the labelled quotations: with a speaker, the model's and
    the rules' picks right; over all, their picks wrong (a speaker named
    who is not the labelled one); how often the model departs from the
    rules."""
    c = {"labelled": 0, "model right": 0, "rules right": 0, "model wrong": 0, "rules wrong": 0,
         "changed": 0}
    for r in rows:
        pick = decide(w, v, r)
        c["changed"] += pick != r["rules"]
        if r["has_speaker"]:
            c["labelled"] += 1
        for who, k in (("model", pick), ("rules", r["rules"])):
            if k != 0 and r["has_speaker"] and k in r["right"]:
                c[who + " right"] += 1
            elif k != 0:
                c[who + " wrong"] += 1
    return c


def report(c):
    return ("model right %d/%d, wrong %d; rules right %d, wrong %d; %d picks changed"
            % (c["model right"], c["labelled"], c["model wrong"], c["rules right"], c["rules wrong"],
               c["changed"]))


def cross_validate(rows, penalty):
    ids = sorted({r["id"] for r in rows})
    random.Random(18).shuffle(ids)
    fold = {a: i % FOLDS for i, a in enumerate(ids)}
    totals = Counter()
    for k in range(FOLDS):
        train = [r for r in rows if fold[r["id"]] != k]
        test = [r for r in rows if fold[r["id"]] == k]
        w, v = fit(train, penalty)
        totals.update(accuracy(w, v, test))
    return totals


def header(w, v, n_rows):
    lines = [
        "/* Generated by bench/train_speakers.py from the tuning labels (old, tune,",
        " * tune2, tune3: %d labelled quotations); do not edit. The" % n_rows,
        " * weights of candidates.c's log-linear speaker model, in the order of",
        " * ABR_QF_* and ABR_QN_* (view.h). */",
        "static const double abr_q_candidate_weights[] = {",
    ]
    lines += ["  %.6f, /* %s */" % (x, name) for x, name in zip(w, CANDIDATE_FEATURES)]
    lines += ["};", "static const double abr_q_nobody_weights[] = {"]
    lines += ["  %.6f, /* %s */" % (x, name) for x, name in zip(v, NOBODY_FEATURES)]
    lines += ["};", ""]
    return "\n".join(lines)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tool", default=os.path.join(here, "speaker-features"))
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus"))
    ap.add_argument("--write", metavar="HEADER")
    ap.add_argument("--scope", choices=("all", "implicit"), default="all",
                    help="implicit: learn only for quotations without a verb of saying "
                         "that names their speaker next to them")
    ap.add_argument("--no-rules", action="store_true",
                    help="learn without the features that say what the rules chose")
    ap.add_argument("--held-out-coverage", action="store_true",
                    help="only count, on the held-out sets, how often the right speaker is "
                         "among the candidates and how often the rules pick him; learn nothing")
    args = ap.parse_args()
    rows = examples(args.tool, args.corpus, os.path.join(here, "data"), args.held_out_coverage)
    if args.held_out_coverage:
        for name in sorted({r["set"] for r in rows}):
            part = [r for r in rows if r["set"] == name]
            c = accuracy([0.0] * len(CANDIDATE_FEATURES), [1.0] * len(NOBODY_FEATURES), part)
            print("%-7s %d with a speaker, %d with the right one among the candidates, %d among the "
                  "article's people; rules right %d, wrong %d"
                  % (name, c["labelled"], sum(1 for r in part if r["has_speaker"] and r["right"] != [0]),
                     sum(1 for r in part if r["anywhere"]), c["rules right"], c["rules wrong"]))
        return 0
    if args.scope == "implicit":
        rows = [r for r in rows if not r["explicit"]]
    if args.no_rules:
        drop = {CANDIDATE_FEATURES.index(x) for x in CANDIDATE_FEATURES if x.startswith("rules")}
        drop_n = {NOBODY_FEATURES.index("rules none")}
        for r in rows:
            r["cands"] = [[0.0 if k in drop else x for k, x in enumerate(f)] for f in r["cands"]]
            r["nobody"] = [0.0 if k in drop_n else x for k, x in enumerate(r["nobody"])]
    labelled = sum(r["has_speaker"] for r in rows)
    reachable = sum(1 for r in rows if r["has_speaker"] and r["right"] != [0])
    print("%d labelled quotations, %d with a speaker, %d of them with the right speaker "
          "among the candidates" % (len(rows), labelled, reachable))
    best = None
    for penalty in PENALTIES:
        c = cross_validate(rows, penalty)
        print("penalty %-5g cross-validated: %s" % (penalty, report(c)))
        gain = c["model right"] - c["model wrong"]
        if best is None or gain > best[1]:
            best = (penalty, gain)
    w, v = fit(rows, best[0])
    print("penalty %g on all tuning rows: %s" % (best[0], report(accuracy(w, v, rows))))
    for x, name in zip(w, CANDIDATE_FEATURES):
        print("  candidate %-18s %8.4f" % (name, x))
    for x, name in zip(v, NOBODY_FEATURES):
        print("  nobody    %-18s %8.4f" % (name, x))
    if args.write:
        with open(args.write, "w", encoding="utf-8") as f:
            f.write(header(w, v, len(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
