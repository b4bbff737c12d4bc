#!/usr/bin/env python3
"""Is system A better than system B on a corpus, or is it noise?

  bench/compare.py [--abridge PATH] [-O PLUGIN.KEY=VALUE ...] [-n N | --budget reference]
                   [--rouge PATH/rouge.py] [--min-delta D] CORPUS.jsonl SYSTEM_A SYSTEM_B

Runs `abridge -p SYSTEM -f jsonl` over the corpus for both systems, scores
every article's brief against its reference with ../shared/tools/rouge.py
(ROUGE-1 F1, Porter stemming, the same numbers as `abridge eval`), and
compares them article by article:

  - the mean difference A - B in ROUGE-1 and a 95% paired bootstrap
    interval for it (10,000 resamples of the articles, fixed seed);
  - the paired bootstrap p-value, the share of resamples where A does not
    beat B (Koehn 2004);
  - the sign test over the articles where the two differ (exact binomial,
    one-sided: A wins more often than chance).

Exits 0 when A beats B with bootstrap p < 0.05 and a mean gain of at least
--min-delta (default 0), else 1; 2 on a usage error. Needs Python 3 only.
"""
import argparse
import math
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in bench/ (it ships in the tarball)
import briefs as runs  # noqa: E402


def sign_test(wins, losses):
    """One-sided exact binomial p of at least WINS successes in WINS + LOSSES fair trials."""
    n = wins + losses
    if n == 0:
        return 1.0
    # exact integers: 2.0 ** n overflows a float past n = 1023
    return sum(math.comb(n, k) for k in range(wins, n + 1)) / 2 ** n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--abridge", default=runs.DEFAULT_ABRIDGE)
    ap.add_argument("-O", "--option", action="append", default=[])
    ap.add_argument("-n", "--sentences")
    ap.add_argument("--budget", choices=["reference"])
    ap.add_argument("--rouge", default=runs.DEFAULT_ROUGE)
    ap.add_argument("--min-delta", type=float, default=0.0)
    ap.add_argument("--resamples", type=int, default=10000)
    args = ap.parse_args()
    corpus = runs.Corpus(args.corpus)
    rouge = runs.load_rouge(args.rouge)
    budget = "reference" if args.budget == "reference" else (args.sentences or 3)
    per = [runs.rouge(rouge, corpus, runs.briefs(corpus, system, args.option, budget, args.abridge),
                      ["rouge1"])["rouge1"] for system in (args.a, args.b)]

    ids = corpus.ids
    d = [per[0][i] - per[1][i] for i in ids]
    n = len(d)
    mean, lo, hi, p_boot = runs.bootstrap(d, args.resamples)
    wins = sum(1 for x in d if x > 1e-9)
    losses = sum(1 for x in d if x < -1e-9)
    p_sign = sign_test(wins, losses)
    ma = sum(per[0].values()) / n
    mb = sum(per[1].values()) / n
    print("%s: %d articles; R-1 %s %.2f vs %s %.2f: %+.2f (95%% CI %+.2f .. %+.2f), "
          "bootstrap p %.4f; A wins %d, loses %d, ties %d: sign test p %.4f"
          % (os.path.basename(args.corpus), n, args.a, ma, args.b, mb, mean, lo, hi, p_boot,
             wins, losses, n - wins - losses, p_sign))
    return 0 if p_boot < 0.05 and mean >= args.min_delta else 1


if __name__ == "__main__":
    sys.exit(main())
