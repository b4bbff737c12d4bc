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
import importlib.util
import json
import math
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)


def load_rouge(path):
    spec = importlib.util.spec_from_file_location("abridge_rouge", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.make_backend("auto")[0]


def briefs(abridge, system, corpus, options, budget):
    cmd = [abridge, "-p", system, "-f", "jsonl", "--input-format", "jsonl"]
    # an option for a plugin the system does not use is a usage error
    ids = {spec.split(":")[0].strip() for spec in re.split("[+,]", system)}
    for o in options:
        if o.split(".", 1)[0] in ids:
            cmd += ["-O", o]
    cmd += budget + [corpus]
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
    result = {}
    for line in out.splitlines():
        rec = json.loads(line)
        result[rec["id"]] = "\n".join(s["text"] for s in rec["sentences"])
    return result


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
    ap.add_argument("--abridge", default=os.environ.get("ABRIDGE", os.path.join(TOP, "abridge")))
    ap.add_argument("-O", "--option", action="append", default=[])
    ap.add_argument("-n", "--sentences")
    ap.add_argument("--budget", choices=["reference"])
    ap.add_argument("--rouge", default=os.path.join(TOP, "..", "shared", "tools", "rouge.py"))
    ap.add_argument("--min-delta", type=float, default=0.0)
    ap.add_argument("--resamples", type=int, default=10000)
    args = ap.parse_args()
    if not os.path.exists(args.rouge):
        sys.exit("compare: no %s (--rouge PATH)" % args.rouge)
    refs = {}
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                refs[rec["id"]] = rec["summary"]

    rouge = load_rouge(args.rouge)
    per = []
    for system in (args.a, args.b):
        budget = []
        if args.budget == "reference":
            budget = None
        elif args.sentences:
            budget = ["-n", args.sentences]
        if budget is None:
            # as many sentences as the reference has lines, article by article
            got = {}
            by_n = {}
            for i, ref in refs.items():
                by_n.setdefault(max(1, len([l for l in ref.split("\n") if l.strip()])), []).append(i)
            tmp = os.path.join(os.environ.get("TMPDIR", "/tmp"), "abridge-compare-%d.jsonl" % os.getpid())
            lines = {}
            with open(args.corpus, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        lines[json.loads(line)["id"]] = line
            try:
                for n, ids in by_n.items():
                    with open(tmp, "w", encoding="utf-8") as f:
                        f.writelines(lines[i] for i in ids)
                    got.update(briefs(args.abridge, system, tmp, args.option, ["-n", str(n)]))
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        else:
            got = briefs(args.abridge, system, args.corpus, args.option, budget)
        scores = {}
        for i, ref in refs.items():
            if i not in got:
                sys.exit("compare: %s gave no brief for %s" % (system, i))
            s = rouge.score(ref, got[i], ["rouge1"])["rouge1"]
            scores[i] = 100 * (s.fmeasure if hasattr(s, "fmeasure") else s)
        per.append(scores)

    ids = list(refs)
    d = [per[0][i] - per[1][i] for i in ids]
    n = len(d)
    mean = sum(d) / n
    rng = random.Random(20261127)
    means = []
    for _ in range(args.resamples):
        s = 0.0
        for _ in range(n):
            s += d[rng.randrange(n)]
        means.append(s / n)
    means.sort()
    lo, hi = means[int(0.025 * len(means))], means[int(0.975 * len(means)) - 1]
    p_boot = sum(1 for m in means if m <= 0) / len(means)
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
