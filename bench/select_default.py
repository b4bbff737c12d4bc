#!/usr/bin/env python3
"""Which plugin set should abridge run without -p? A choice that cannot fit noise.

  bench/select_default.py [--abridge PATH] [--rouge PATH] [--folds K] [--seed S] [CORPUS_DIR]

A small, fixed set of candidates (CANDIDATES below: lead, the PacSum
default of issue #10 and a few one-parameter alternatives) is scored
article by article on the dev corpora: cnndm-dev.jsonl at 3 sentences (the
test of the default: human highlights) and bbc-dev.jsonl at each
reference's length (its references are long extracts). The selection
procedure, applied to some articles:

  1. each candidate's gain over lead in ROUGE-1 on CNN/DM at 3 sentences
     is measured on each of the given folds: its mean and its spread (the
     standard deviation across the folds);
  2. a candidate is eligible when its mean gain is larger than its
     spread (a gain inside the spread is noise), it keeps the lede (the
     first candidate sentence) in at least 98% of the articles of both
     corpora, and it is not below lead on BBC at the reference's length;
  3. the eligible candidate with the largest mean gain is chosen; with
     none eligible, lead.

K-fold cross-validation (fixed seed) measures the procedure: for each
fold it chooses on the other K - 1 folds and scores the choice on the
held-out one. The naive procedure (the best mean on the training folds,
no spread test, no lede or BBC condition) is measured the same way for
comparison. Then the procedure is applied to all K folds: that is the
default it recommends. Paired bootstrap intervals (bench/compare.py's
method) of every candidate against lead on all dev articles are printed
beside. Markdown tables on standard output; Python 3 standard library
only.
"""
import argparse
import os
import random
import statistics
import sys

sys.dont_write_bytecode = True  # no __pycache__ in bench/ (it ships in the tarball)
import briefs as runs  # noqa: E402

# (name, -p, -O options). Few, and each with at most one parameter that
# looks at the position: lead=N (centrality's first N prose sentences
# first), λ1 (PacSum's weight of edges to earlier sentences) or a fusion
# weight.
CANDIDATES = [
    ("lead", "lead", []),
    ("pacsum (issue 10 default)", "centrality", []),
    ("pacsum λ1=-2", "centrality", ["centrality.preceding=-2"]),
    ("pacsum lead=1", "centrality", ["centrality.lead=1"]),
    ("lead:1+textrank", "lead:1+centrality", ["centrality.variant=textrank"]),
    ("textrank lead=1", "centrality", ["centrality.variant=textrank", "centrality.lead=1"]),
    ("textrank lead=3", "centrality", ["centrality.variant=textrank", "centrality.lead=3"]),
]
SETTINGS = [("cnn", "cnndm-dev.jsonl", 3), ("cnn", "cnndm-dev.jsonl", "reference"),
            ("bbc", "bbc-dev.jsonl", 3), ("bbc", "bbc-dev.jsonl", "reference")]
LEDE_BAR = 0.98


def measure(corpus_dir, abridge, rouge_path):
    """{(corpus key, budget): {candidate: {"r1": {id: x}, "r2": {...}, "lede": {id: bool}}}}"""
    backend = runs.load_rouge(rouge_path)
    corpora, ledes, table = {}, {}, {}
    for key, name, budget in SETTINGS:
        if key not in corpora:
            corpora[key] = runs.Corpus(os.path.join(corpus_dir, name))
            ledes[key] = runs.ledes(corpora[key], abridge)
        corpus = corpora[key]
        for cname, plugins, options in CANDIDATES:
            got = runs.briefs(corpus, plugins, options, budget, abridge)
            s = runs.rouge(backend, corpus, got)
            kept = {i: ledes[key][i] is None or ledes[key][i] in {x for x, _ in got[i]}
                    for i in corpus.ids}
            table.setdefault((key, budget), {})[cname] = {"r1": s["rouge1"], "r2": s["rouge2"],
                                                          "lede": kept}
            print("measured %-28s %-16s %-9s R-1 %.2f" % (cname, name, budget,
                                                         mean(s["rouge1"], corpus.ids)),
                  file=sys.stderr)
    return corpora, table


def mean(d, ids):
    return sum(d[i] for i in ids) / len(ids)


def folds_of(ids, k, seed):
    order = list(ids)
    random.Random(seed).shuffle(order)
    return [order[f::k] for f in range(k)]


def gains(table, setting, cname, folds):
    """Per fold, the candidate's mean R-1 minus lead's."""
    c, lead = table[setting][cname]["r1"], table[setting]["lead"]["r1"]
    return [mean(c, f) - mean(lead, f) for f in folds]


def choose(table, cnn_folds, bbc_folds, guarded=True):
    """The procedure of the module's docstring on the given folds; returns
    (name, why) of its choice."""
    best, why = "lead", "nothing eligible"
    best_gain = None
    cnn_ids = [i for f in cnn_folds for i in f]
    bbc_ids = [i for f in bbc_folds for i in f]
    for cname, _, _ in CANDIDATES[1:]:
        g = gains(table, ("cnn", 3), cname, cnn_folds)
        m, sd = statistics.mean(g), statistics.stdev(g) if len(g) > 1 else 0.0
        if guarded:
            lede = min(mean(table[("cnn", 3)][cname]["lede"], cnn_ids),
                       mean(table[("bbc", 3)][cname]["lede"], bbc_ids))
            bbc = (mean(table[("bbc", "reference")][cname]["r1"], bbc_ids)
                   - mean(table[("bbc", "reference")]["lead"]["r1"], bbc_ids))
            if m <= sd or lede < LEDE_BAR or bbc < 0:
                continue
        if best_gain is None or m > best_gain:
            best, best_gain = cname, m
            why = "gain %+.2f, spread %.2f" % (m, sd)
    if not guarded and best_gain is not None and best_gain <= 0:
        best, why = "lead", "no mean above lead"
    return best, why


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus_dir", nargs="?",
                    default=os.environ.get("ABRIDGE_SHARED",
                                           os.path.join(runs.TOP, "..", "shared", "corpus")))
    ap.add_argument("--abridge", default=runs.DEFAULT_ABRIDGE)
    ap.add_argument("--rouge", default=runs.DEFAULT_ROUGE)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=20261127)
    args = ap.parse_args()
    if args.folds < 2:
        sys.exit("select_default: --folds must be at least 2")
    corpora, table = measure(args.corpus_dir, args.abridge, args.rouge)
    cnn, bbc = corpora["cnn"], corpora["bbc"]
    k = args.folds

    print("#### All dev articles (R-1 / R-2; lede kept: share of articles whose brief "
          "holds the first candidate sentence)\n")
    print("| candidate | CNN/DM 3 | CNN/DM ref. length | BBC 3 | BBC ref. length "
          "| lede kept CNN/DM 3 / BBC 3 | lede kept CNN/DM ref. / BBC ref. |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for cname, _, _ in CANDIDATES:
        row = []
        for key, _, budget in SETTINGS:
            ids = corpora[key].ids
            t = table[(key, budget)][cname]
            row.append("%.2f / %.2f" % (mean(t["r1"], ids), mean(t["r2"], ids)))
        lede = ["%.1f%%" % (100 * mean(table[(key, b)][cname]["lede"], corpora[key].ids))
                for key, _, b in SETTINGS]
        print("| %s | %s | %s / %s | %s / %s |" % (cname, " | ".join(row), lede[0], lede[2],
                                                   lede[1], lede[3]))

    print("\n#### Paired bootstrap against lead, all dev articles (R-1 gain, 95% interval, "
          "10,000 resamples)\n")
    print("| candidate | CNN/DM 3 | CNN/DM ref. length | BBC ref. length |")
    print("| --- | --- | --- | --- |")
    for cname, _, _ in CANDIDATES[1:]:
        cells = []
        for setting, corpus in ((("cnn", 3), cnn), (("cnn", "reference"), cnn),
                                (("bbc", "reference"), bbc)):
            c, lead = table[setting][cname]["r1"], table[setting]["lead"]["r1"]
            m, lo, hi, p = runs.bootstrap([c[i] - lead[i] for i in corpus.ids])
            cells.append("%+.2f (%+.2f .. %+.2f)" % (m, lo, hi))
        print("| %s | %s |" % (cname, " | ".join(cells)))

    cnn_folds = folds_of(cnn.ids, k, args.seed)
    bbc_folds = folds_of(bbc.ids, k, args.seed)
    print("\n#### Each candidate's R-1 gain over lead on each of %d folds (seed %d): "
          "mean ± spread (standard deviation across folds)\n" % (k, args.seed))
    print("| candidate | CNN/DM 3, folds 1-%d | mean ± spread | BBC ref. length, folds 1-%d "
          "| mean ± spread |" % (k, k))
    print("| --- | --- | --- | --- | --- |")
    for cname, _, _ in CANDIDATES[1:]:
        g = gains(table, ("cnn", 3), cname, cnn_folds)
        b = gains(table, ("bbc", "reference"), cname, bbc_folds)
        print("| %s | %s | %+.2f ± %.2f | %s | %+.2f ± %.2f |" % (
            cname, " ".join("%+.2f" % x for x in g), statistics.mean(g), statistics.stdev(g),
            " ".join("%+.2f" % x for x in b), statistics.mean(b), statistics.stdev(b)))

    print("\n#### Cross-validation of the procedure: chosen on %d folds, scored on the "
          "held-out one (R-1 gain over lead)\n" % (k - 1))
    print("| held-out fold | procedure's choice (why) | CNN/DM 3 gain | BBC ref. gain "
          "| naive choice | CNN/DM 3 gain |")
    print("| --- | --- | --- | --- | --- | --- |")
    held, held_bbc, naive = [], [], []
    for f in range(k):
        tc = [cnn_folds[j] for j in range(k) if j != f]
        tb = [bbc_folds[j] for j in range(k) if j != f]
        pick, why = choose(table, tc, tb)
        npick, _ = choose(table, tc, tb, guarded=False)
        g = gains(table, ("cnn", 3), pick, [cnn_folds[f]])[0]
        gb = gains(table, ("bbc", "reference"), pick, [bbc_folds[f]])[0]
        gn = gains(table, ("cnn", 3), npick, [cnn_folds[f]])[0]
        held.append(g)
        held_bbc.append(gb)
        naive.append(gn)
        print("| %d | %s (%s) | %+.2f | %+.2f | %s | %+.2f |" % (f + 1, pick, why, g, gb, npick,
                                                              gn))
    print("| mean ± spread | | %+.2f ± %.2f | %+.2f ± %.2f | | %+.2f ± %.2f |" % (
        statistics.mean(held), statistics.stdev(held), statistics.mean(held_bbc),
        statistics.stdev(held_bbc), statistics.mean(naive), statistics.stdev(naive)))

    pick, why = choose(table, cnn_folds, bbc_folds)
    print("\nThe procedure on all %d folds chooses: **%s** (%s)." % (k, pick, why))
    return 0


if __name__ == "__main__":
    sys.exit(main())
