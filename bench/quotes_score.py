#!/usr/bin/env python3
"""Score the quotes plugin's extracts against the hand labels.

Usage: bench/quotes_score.py --labels FILE [--labels FILE]... --articles ARTICLES
                             [--route NAME=OUTPUT]... [--verbose] [--breakdown]

Each --labels file is one of bench/data/quotes-*.jsonl (format in
bench/data/README.md). ARTICLES is the JSONL the articles were read from
({"id", "text"}; byte offsets of the extracts index into "text"). Each
--route names one run of `abridge -p quotes -n 1000 -f jsonl` and its
output: "text" (every article as a JSONL record) and, optionally, "html"
(the web pages as pages, through abridge's extractor). Rows are keyed by
"id", or for files by "file" whose base name without .html is the id.

An article belongs to one set: "old" (quotes-labels.jsonl, the labels the
rules were first tuned on), "tune" or "test" (its "split" in the unseen
sets), "fresh" and "fresh2" to "fresh5" (quotes-fresh*.jsonl, held out like
"test") or "tune2" (quotes-tune2.jsonl, a second tuning set,
listed like "tune"; "tune3", quotes-tune3.jsonl, a third, web pages; "tune4",
quotes-tune4.jsonl, a fourth, BBC articles and web pages; "tune5",
quotes-tune5.jsonl, a fifth, the same sources; "tune6",
quotes-tune6.jsonl, a sixth, BBC articles). Every set is
reported as a whole and by source (bbc, cnndm, html, seed). The measures, as issue 18 defines them:

- found: a label is found when one extract's quote (its "quote"
  annotation, else its text) holds at least half of the label's words,
  counted with repeats, continuation fragments included; where offsets
  exist, that extract must also overlap the label in the article, or hold
  the label's text whole (a quote the article repeats).
- speaker right, over found labels with a speaker: the labelled surname is
  a word of the predicted speaker. The surname is the label's last word
  (after dropping a trailing qc, jr, sr, ii, iii); for an organisation or
  group whose last word is a common noun ("police department", "harris
  family", "the prime minister") every word but articles and determiners
  must be there.
- precision: an extract is a real quote when at least half of its words
  are words of the labels it overlaps (all labels of the article where
  offsets do not exist); otherwise it is invented.
- no speaker kept: of the labels whose speaker is null (a sign, words with
  no source in the article), how many got no speaker.

Words are runs of letters and digits, case-folded, with ’ read as '.
--verbose lists the misses, wrong speakers and invented extracts of the
"old" and "tune*" sets only: errors of the held-out sets ("test", "fresh*")
are counted, never shown, so that no rule is written from them;
--hide-test leaves the held-out sets out of the tables too, for runs made
while rules are chosen. Needs only the Python 3 standard
library.
"""

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict

WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
GENERIC_HEADS = {
    "department", "office", "family", "council", "service", "executive", "palace",
    "fans", "reports", "role", "passer-by", "neighbour", "hoard", "patrons", "experts",
    "coroner", "minister", "party", "association", "festival", "times", "police",
    "government", "club", "union", "ministry", "company", "spokesman", "spokeswoman",
}
DETERMINERS = {"the", "a", "an", "some", "one", "its", "his", "her", "their", "of",
               "and", "mr", "mrs", "ms", "miss", "dr"}
SUFFIXES = {"qc", "jr", "sr", "ii", "iii"}
SOURCES = ("bbc", "cnndm", "html", "seed")
TUNING = ("old", "tune", "tune2", "tune3", "tune4", "tune5", "tune6")
HELD_OUT = ("test", "fresh", "fresh2", "fresh3", "fresh4", "fresh5")  # scored, never listed by --verbose


def label_files(data_dir):
    """Every label set in DATA_DIR (bench/data/quotes-*.jsonl), sorted."""
    return sorted(os.path.join(data_dir, f) for f in os.listdir(data_dir)
                  if f.startswith("quotes-") and f.endswith(".jsonl"))


def labelled_ids(data_dir):
    """The ids of every article a label set in DATA_DIR names."""
    return {a["id"] for p in label_files(data_dir) for a in load_jsonl(p)}


def set_of(path, row):
    """The set a labelled article of the file PATH belongs to."""
    return "old" if os.path.basename(path) == "quotes-labels.jsonl" else row["split"]


def words(s):
    return WORD.findall((s or "").replace("\u2019", "'").replace("\u2018", "'").casefold())


def fold(s):
    return " ".join((s or "").split())


def speaker_key(speaker):
    """The words a predicted speaker must hold for the label to be right."""
    w = [x for x in words(speaker.replace(".", " "))]
    while w and w[-1] in SUFFIXES:
        w.pop()
    if not w:
        return []
    if w[-1] in GENERIC_HEADS:
        return [x for x in w if x not in DETERMINERS]
    return [w[-1]]


def speaker_right(label, got):
    if not got:
        return False
    have = set(words(got.replace(".", " ")))
    key = speaker_key(label)
    return bool(key) and all(k in have for k in key)


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def source_of(corpus):
    return corpus.split("-")[0].split(".")[0]


def pct(a, b):
    return "%5.1f%% (%d/%d)" % (100.0 * a / b, a, b) if b else "    -"


def byte_offset(text, index):
    return len(text[:index].encode("utf-8"))


def label_spans(text, q):
    """Byte spans [start, end) of a label's fragments in TEXT, or None."""
    if text is None or "offset" not in q:
        return None
    spans = []
    start = q["offset"]
    spans.append((byte_offset(text, start), byte_offset(text, start + len(q["text"]))))
    pos = start + len(q["text"])
    for frag in q.get("continuation") or []:
        i = text.find(frag, pos)
        if i < 0:
            break
        spans.append((byte_offset(text, i), byte_offset(text, i + len(frag))))
        pos = i + len(frag)
    return spans


def overlaps(x, spans):
    s, e = x.get("start"), x.get("end")
    if s is None or e is None:
        return False
    return any(s < b and a < e for a, b in spans)


def score_article(art, extracts, text, use_offsets):
    """Per-article counts and the errors, as a dict."""
    r = Counter()
    errs = {"missed": [], "wrong": [], "invented": []}
    quotes = art["quotes"]
    xwords = [Counter(words(x.get("quote") or x.get("text"))) for x in extracts]
    xfold = [fold(x.get("quote") or x.get("text")) for x in extracts]
    spans = [label_spans(text, q) if use_offsets else None for q in quotes]
    for qi, q in enumerate(quotes):
        whole = " ".join([q["text"]] + (q.get("continuation") or []))
        lw = Counter(words(whole))
        need = sum(lw.values())
        r["labels"] += 1
        best, best_rank = None, None
        for i, xw in enumerate(xwords):
            hit = sum((lw & xw).values())
            if need == 0 or 2 * hit < need:
                continue
            sp = spans[qi]
            if sp is not None and not overlaps(extracts[i], sp) and fold(q["text"]) not in xfold[i]:
                continue
            # prefer the extract at the label's place, then the fuller match
            rank = (sp is not None and overlaps(extracts[i], sp), hit)
            if best is None or rank > best_rank:
                best, best_rank = i, rank
        if best is None:
            errs["missed"].append(q["text"][:100])
            continue
        r["found"] += 1
        got = extracts[best].get("speaker")
        if q["speaker"] is None:
            r["null"] += 1
            r["null_kept"] += got is None
            if got is not None:
                errs["wrong"].append((None, got, q["attribution"], q["text"][:60]))
            continue
        r["with_speaker"] += 1
        if speaker_right(q["speaker"], got):
            r["right"] += 1
        else:
            r["wrong_none" if got is None else "wrong_other"] += 1
            errs["wrong"].append((q["speaker"], got, q["attribution"], q["text"][:60]))
    # precision
    for i, x in enumerate(extracts):
        r["extracts"] += 1
        near = [qi for qi in range(len(quotes))
                if spans[qi] is None or overlaps(x, spans[qi])]
        pool = Counter()
        for qi in near:
            q = quotes[qi]
            pool |= Counter(words(" ".join([q["text"]] + (q.get("continuation") or []))))
        xw = xwords[i]
        n = sum(xw.values())
        if n > 0 and 2 * sum((xw & pool).values()) >= n:
            r["real"] += 1
        else:
            errs["invented"].append(xfold[i][:100])
    return r, errs


def by_kind(art, extracts, text, use_offsets):
    """found / right per attribution kind, for the breakdown."""
    out = defaultdict(Counter)
    for q in art["quotes"]:
        one = dict(art, quotes=[q])
        r, _ = score_article(one, extracts, text, use_offsets)
        for k in ("attribution=" + q["attribution"], "marks=" + q.get("marks", "?")):
            out[k]["labels"] += 1
            out[k]["found"] += r["found"]
            out[k]["with_speaker"] += r["with_speaker"]
            out[k]["right"] += r["right"]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", action="append", required=True)
    ap.add_argument("--articles", required=True)
    ap.add_argument("--route", action="append", required=True, metavar="NAME=OUTPUT")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--breakdown", action="store_true")
    ap.add_argument("--hide-test", action="store_true",
                    help="leave the held-out sets (test, fresh) out of every table "
                         "(while rules are tuned)")
    args = ap.parse_args()

    texts = {row["id"]: row["text"] for row in load_jsonl(args.articles)}
    labelled = []  # (set, source, article)
    for path in args.labels:
        for art in load_jsonl(path):
            labelled.append((set_of(path, art), source_of(art["corpus"]), art))

    for route in args.route:
        name, _, path = route.partition("=")
        out = {}
        for row in load_jsonl(path):
            key = row.get("id")
            if key is None and row.get("file"):
                key = os.path.basename(row["file"])
                if key.endswith(".html"):
                    key = key[: -len(".html")]
            out[key] = row.get("extracts") or []
        use_offsets = name == "text"
        totals = defaultdict(Counter)
        kinds = defaultdict(lambda: defaultdict(Counter))
        shown = []
        for group, source, art in labelled:
            if name == "html" and source != "html":
                continue
            extracts = out.get(art["id"])
            if extracts is None:
                print("quotes_score.py: %s: no output for %s" % (name, art["id"]), file=sys.stderr)
                return 1
            r, errs = score_article(art, extracts, texts.get(art["id"]), use_offsets)
            for key in (group, group + "/" + source):
                totals[key].update(r)
            if args.breakdown:
                for k, c in by_kind(art, extracts, texts.get(art["id"]), use_offsets).items():
                    kinds[group][k].update(c)
            if group not in HELD_OUT:
                shown.append((group, art["id"], errs))

        print("route: %s" % ("article text (JSONL records)" if name == "text"
                             else "web pages through the extractor"))
        print("%-14s %-20s %-20s %-20s %s" % ("set", "found", "speaker right", "precision",
                                            "no speaker kept"))
        groups = TUNING + (() if args.hide_test else HELD_OUT)
        for group in groups:
            keys = [group] + ["%s/%s" % (group, s) for s in SOURCES]
            for key in keys:
                c = totals.get(key)
                if not c:
                    continue
                print("%-14s %-20s %-20s %-20s %s" % (
                    key, pct(c["found"], c["labels"]), pct(c["right"], c["with_speaker"]),
                    pct(c["real"], c["extracts"]), pct(c["null_kept"], c["null"])))
        if args.breakdown:
            for group in groups:
                if group not in kinds:
                    continue
                c = totals[group]
                print("\n%s: %-26s %-20s %s" % (group, "breakdown", "found", "speaker right"))
                print("      %-26s %d given none, %d given another" % (
                    "speaker wrong", c["wrong_none"], c["wrong_other"]))
                for k in sorted(kinds[group]):
                    c = kinds[group][k]
                    print("      %-26s %-20s %s" % (k, pct(c["found"], c["labels"]),
                                                  pct(c["right"], c["with_speaker"])))
        if args.verbose:
            for group, aid, errs in shown:
                for t in errs["missed"]:
                    print("  [%s] %s missed: %s" % (group, aid, t))
                for want, got, kind, t in errs["wrong"]:
                    print("  [%s] %s speaker %r got %r [%s]: %s" % (group, aid, want, got, kind, t))
                for t in errs["invented"]:
                    print("  [%s] %s invented: %s" % (group, aid, t))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
