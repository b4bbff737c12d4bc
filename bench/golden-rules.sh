#!/bin/sh
# Sentence splitting against the Golden Rules of pragmatic_segmenter / pySBD
# in other languages than English (bench/data/golden-rules.jsonl; English
# has its own in tests/unit/test-segment.c): pass rate per language.
#   bench/golden-rules.sh [ABRIDGE] [-v]     (-v lists every failure)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
abridge=${1:-$here/../abridge}
verbose=${2:-}
exec python3 - "$abridge" "$here/data/golden-rules.jsonl" "$verbose" <<'PY'
import collections, json, re, subprocess, sys, tempfile, os
abridge, data, verbose = sys.argv[1], sys.argv[2], sys.argv[3] == "-v"
norm = lambda s: re.sub(r"\s+", " ", s).strip()
passed, total = collections.Counter(), collections.Counter()
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "case.txt")
    for line in open(data, encoding="utf-8"):
        case = json.loads(line)
        with open(path, "w", encoding="utf-8") as f:
            f.write(case["text"] + "\n")
        out = subprocess.run([abridge, "split", "--lang", case["lang"], path],
                             capture_output=True, text=True, check=True).stdout
        got = [norm(s) for s in out.splitlines() if s.strip()]
        want = [norm(s) for s in case["sentences"]]
        total[case["lang"]] += 1
        if got == want:
            passed[case["lang"]] += 1
        elif verbose:
            print("FAIL %s #%d\n  want: %s\n  got:  %s" % (case["lang"], case["n"], want, got))
print("%-6s %6s %6s %7s" % ("lang", "pass", "cases", "rate"))
for lang in total:
    print("%-6s %6d %6d %6.1f%%" % (lang, passed[lang], total[lang], 100.0 * passed[lang] / total[lang]))
print("%-6s %6d %6d %6.1f%%" % ("all", sum(passed.values()), sum(total.values()),
                                 100.0 * sum(passed.values()) / sum(total.values())))
PY
