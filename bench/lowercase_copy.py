#!/usr/bin/env python3
"""The labelled BBC and web articles rewritten the way CNN/DailyMail's
tokenised copy is written, with their labels moved to match: a check of
the lower-cased reading of names and spaced marks on text whose speakers
are known, beyond the few CNN/DailyMail articles the rules were tuned on.

Usage: bench/lowercase_copy.py CORPUS_DIR OUT_ARTICLES OUT_LABELS LABELS...

The copy keeps each sentence's first letter and lower-cases every other
one ("Margrethe vestager, the eu's competition commissioner"), and writes
every quotation mark as a straight single mark set off by a space on its
inner side ("' we have no plans ', he said"), as that copy does. An
apostrophe inside a word stays one. The copy has no paragraph breaks:
each becomes one space, so a quotation over two paragraphs reads as the
copy's does ("' … end. ' next paragraph …, ' he said"). Only the BBC and web articles are
rewritten (the CNN/DailyMail ones already are); each label's offset and
continuation fragments are mapped onto the copy, and its row keeps its
set, so bench/quotes_score.py reports the copy set by set.
"""
import json
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quote_articles import write_articles  # noqa: E402
from quotes_score import load_jsonl  # noqa: E402

OPEN = "\u201c\u2018"
CLOSE = "\u201d"
SENTENCE_END = ".!?"


def put(out, s):
    out.append(s)
    return len(s)


def rewrite(text):
    """TEXT as lower-cased tokenised copy, and where each of its
    characters went (a list one longer than TEXT)."""
    out = []
    where = []
    n = 0  # the length of the copy so far
    start = True  # the next letter opens a sentence
    straight_open = False  # a straight double mark is open in this paragraph
    for i, c in enumerate(text):
        where.append(n)
        prev = text[i - 1] if i > 0 else "\n"
        nxt = text[i + 1] if i + 1 < len(text) else "\n"
        if c == "\n":
            straight_open = False
            start = True
            if out and out[-1] not in " \n":
                n += put(out, " ")
            continue
        # a straight double mark opens after a space or a bracket, as the
        # tokeniser that wrote the copy read it ("Britain. "We want" in a
        # text whose paragraph breaks were lost); one between two spaces
        # takes turns
        if c == '"':
            if (prev.isspace() or prev in "([{") and not nxt.isspace():
                straight_open = True
            elif not (prev.isspace() or prev in "([{"):
                straight_open = False
            else:
                straight_open = not straight_open
        opening = c in OPEN or (c == '"' and straight_open)
        closing = c in CLOSE or (c == '"' and not straight_open) or (
            c == "\u2019" and not (prev.isalpha() and nxt.isalpha()))
        if opening:
            n += put(out, "' ")
            continue
        if closing:
            n += put(out, " '")
            continue
        if c == "\u2019":
            n += put(out, "'")
            continue
        if c.isalpha():
            n += put(out, c if start else c.lower())
            start = False
            continue
        if c in SENTENCE_END and (nxt.isspace() or nxt in "\"\u201d\u2019"):
            start = True
        n += put(out, c)
    where.append(n)
    return "".join(out), where


def main(argv):
    if len(argv) < 4:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    corpus, out_articles, out_labels, labels = argv[0], argv[1], argv[2], argv[3:]
    with tempfile.TemporaryDirectory() as tmp:
        articles = os.path.join(tmp, "articles.jsonl")
        write_articles(corpus, articles, None, labels)
        texts = {r["id"]: r["text"] for r in load_jsonl(articles)}
    copies = {}
    with open(out_labels, "w", encoding="utf-8") as fl:
        for path in labels:
            old = os.path.basename(path) == "quotes-labels.jsonl"
            for art in load_jsonl(path):
                if art["corpus"].startswith("cnndm"):
                    continue
                text = texts[art["id"]]
                if art["id"] not in copies:
                    copies[art["id"]] = rewrite(text)
                copy, where = copies[art["id"]]
                row = dict(art, split="old" if old else art["split"], quotes=[])
                for q in art["quotes"]:
                    q = dict(q)
                    if "offset" in q:
                        a, b = q["offset"], q["offset"] + len(q["text"])
                        q["offset"] = where[a]
                        q["text"] = copy[where[a]:where[b]].strip(" '")
                        q["offset"] = copy.index(q["text"], where[a]) if q["text"] else where[a]
                        pos, frags = b, []
                        for frag in q.get("continuation") or []:
                            i = text.find(frag, pos)
                            if i < 0:
                                break
                            frags.append(copy[where[i]:where[i + len(frag)]].strip(" '"))
                            pos = i + len(frag)
                        if frags:
                            q["continuation"] = frags
                    row["quotes"].append(q)
                fl.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(out_articles, "w", encoding="utf-8") as fa:
        for i, (copy, _) in copies.items():
            fa.write(json.dumps({"id": i, "text": copy}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
