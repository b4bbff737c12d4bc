"""Briefs of a shared corpus by one system, scored article by article.

Shared by bench/compare.py, bench/select_default.py and bench/lede.py
(Python 3 standard library only). A system is a plugin set as `-p` takes it
("lead", "lead:2+centrality") with its `-O PLUGIN.KEY=VALUE` options; a
budget is a sentence count or "reference" (each article as many sentences
as its reference has lines, as `abridge eval --budget reference` does).
Scores are ROUGE F1 x100 from ../shared/tools/rouge.py, the numbers
`abridge eval` prints.
"""
import importlib.util
import json
import os
import random
import re
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
DEFAULT_ABRIDGE = os.environ.get("ABRIDGE", os.path.join(TOP, "abridge"))
DEFAULT_ROUGE = os.environ.get("ABRIDGE_ROUGE",
                               os.path.join(TOP, "..", "shared", "tools", "rouge.py"))


class Corpus:
    """The articles of a JSONL corpus: ids in file order, references, raw lines."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        self.ids, self.refs, self.lines = [], {}, {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rec = json.loads(line)
                    self.ids.append(rec["id"])
                    self.refs[rec["id"]] = rec["summary"]
                    self.lines[rec["id"]] = line if line.endswith("\n") else line + "\n"

    def reference_length(self, i):
        return max(1, len([l for l in self.refs[i].split("\n") if l.strip()]))


def _run(abridge, plugins, options, path, n):
    cmd = [abridge, "-p", plugins, "-f", "jsonl", "--input-format", "jsonl", "-n", str(n)]
    # an option for a plugin the set does not use is a usage error
    ids = {spec.split(":")[0].strip() for spec in re.split("[+,]", plugins)}
    for o in options:
        if o.split(".", 1)[0] in ids:
            cmd += ["-O", o]
    cmd.append(path)
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
    got = {}
    for line in out.splitlines():
        rec = json.loads(line)
        got[rec["id"]] = [(s["index"], s["text"]) for s in rec["sentences"]]
    return got


def briefs(corpus, plugins, options=(), budget=3, abridge=DEFAULT_ABRIDGE):
    """{id: [(sentence index, text), ...]} of every article of CORPUS."""
    if budget != "reference":
        got = _run(abridge, plugins, options, corpus.path, int(budget))
    else:
        by_n = {}
        for i in corpus.ids:
            by_n.setdefault(corpus.reference_length(i), []).append(i)
        got = {}
        with tempfile.TemporaryDirectory(prefix="abridge-briefs-") as tmp:
            for n, ids in sorted(by_n.items()):
                path = os.path.join(tmp, "%d.jsonl" % n)
                with open(path, "w", encoding="utf-8") as f:
                    f.writelines(corpus.lines[i] for i in ids)
                got.update(_run(abridge, plugins, options, path, n))
    missing = [i for i in corpus.ids if i not in got]
    if missing:
        raise SystemExit("briefs: %s gave no brief for %s" % (plugins, missing[0]))
    return got


def load_rouge(path=DEFAULT_ROUGE):
    if not os.path.exists(path):
        raise SystemExit("briefs: no %s (ABRIDGE_ROUGE=PATH or --rouge PATH)" % path)
    spec = importlib.util.spec_from_file_location("abridge_rouge", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.make_backend("auto")[0]


def rouge(backend, corpus, got, types=("rouge1", "rouge2")):
    """{type: {id: F1 x100}} of the briefs GOT against CORPUS's references."""
    out = {t: {} for t in types}
    for i in corpus.ids:
        text = "\n".join(t for _, t in got[i])
        s = backend.score(corpus.refs[i], text, list(types))
        for t in types:
            v = s[t]
            out[t][i] = 100 * (v.fmeasure if hasattr(v, "fmeasure") else v)
    return out


def ledes(corpus, abridge=DEFAULT_ABRIDGE):
    """{id: index of the article's lede}: its first candidate prose
    sentence, the one the lead plugin ranks first."""
    return {i: b[0][0] if b else None
            for i, b in _run(abridge, "lead", [], corpus.path, 1).items()}


def bootstrap(d, resamples=10000, seed=20261127):
    """Mean of the paired differences D, its 95% bootstrap interval and the
    share of resamples whose mean is not above 0 (Koehn 2004)."""
    n = len(d)
    rng = random.Random(seed)
    means = []
    for _ in range(resamples):
        s = 0.0
        for _ in range(n):
            s += d[rng.randrange(n)]
        means.append(s / n)
    means.sort()
    lo, hi = means[int(0.025 * resamples)], means[int(0.975 * resamples) - 1]
    return sum(d) / n, lo, hi, sum(1 for m in means if m <= 0) / resamples
