#!/usr/bin/env python3
"""How often does each plugin leave the lede out of its brief?

  bench/lede.py [--abridge PATH] [--gate] [--default-only] [CORPUS_DIR]

The lede is an article's first candidate sentence (not furniture, not the
title, not a heading): the one `-p lead -n 1` gives. For every shipped
plugin and variant, and for the default set, on cnndm-dev.jsonl and
bbc-dev.jsonl, at 3 sentences and at each reference's length, prints the
share of articles whose brief keeps it, as a markdown table. With --gate,
exits 1 when the default keeps it in less than 98% of the articles of
either corpus at 3 sentences; --default-only measures the default alone.
Python 3 standard library only.
"""
import argparse
import os
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in bench/ (it ships in the tarball)
import briefs as runs  # noqa: E402

BAR = 0.98
SYSTEMS = [
    ("lead", "lead", []),
    ("frequency (tfidf)", "frequency", []),
    ("frequency variant=sumbasic", "frequency", ["frequency.variant=sumbasic"]),
    ("frequency variant=luhn", "frequency", ["frequency.variant=luhn"]),
    ("frequency variant=klsum", "frequency", ["frequency.variant=klsum"]),
    ("centrality (pacsum)", "centrality", []),
    ("centrality variant=textrank", "centrality", ["centrality.variant=textrank"]),
    ("centrality variant=lexrank", "centrality",
     ["centrality.variant=lexrank", "centrality.similarity=cosine"]),
    ("centrality variant=textrank lead=1", "centrality",
     ["centrality.variant=textrank", "centrality.lead=1"]),
    ("lsa", "lsa", []),
    ("edmundson", "edmundson", []),
    ("quotes", "quotes", []),
]


def default_set(abridge):
    out = subprocess.run([abridge, "--help"], check=True, stdout=subprocess.PIPE, text=True).stdout
    for line in out.splitlines():
        if "--plugin=" in line and "(default " in line:
            return line.rsplit("(default ", 1)[1].rstrip(")").strip()
    sys.exit("lede: cannot read the default plugin set from --help")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus_dir", nargs="?",
                    default=os.environ.get("ABRIDGE_SHARED",
                                           os.path.join(runs.TOP, "..", "shared", "corpus")))
    ap.add_argument("--abridge", default=runs.DEFAULT_ABRIDGE)
    ap.add_argument("--gate", action="store_true")
    ap.add_argument("--default-only", action="store_true")
    args = ap.parse_args()
    default = default_set(args.abridge)
    systems = [] if args.default_only else SYSTEMS
    systems = systems + [("**default** (%s)" % default, default, [])]
    corpora = [runs.Corpus(os.path.join(args.corpus_dir, name))
               for name in ("cnndm-dev.jsonl", "bbc-dev.jsonl")]
    ledes = [runs.ledes(c, args.abridge) for c in corpora]

    print("| system | CNN/DM, 3 sentences | CNN/DM, ref. length | BBC, 3 sentences "
          "| BBC, ref. length |")
    print("| --- | --- | --- | --- | --- |")
    kept_by_default = {}
    for name, plugins, options in systems:
        cells = []
        for corpus, lede in zip(corpora, ledes):
            for budget in (3, "reference"):
                got = runs.briefs(corpus, plugins, options, budget, args.abridge)
                with_lede = [i for i in corpus.ids if lede[i] is not None]
                dropped = sum(1 for i in with_lede if lede[i] not in {x for x, _ in got[i]})
                share = 1 - dropped / len(with_lede)
                cells.append("%.1f%% (%d dropped)" % (100 * share, dropped))
                if plugins == default and budget == 3:
                    kept_by_default[corpus.name] = share
        print("| %s | %s |" % (name, " | ".join(cells)))
    if args.gate:
        ok = True
        for name, share in kept_by_default.items():
            good = share >= BAR
            ok = ok and good
            print("gate: the default (%s) keeps the lede in %.1f%% of %s briefs (>= %.0f%%): %s"
                  % (default, 100 * share, name, 100 * BAR, "ok" if good else "FAILED"))
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
