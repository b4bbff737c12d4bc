#!/usr/bin/env python3
"""How often abridge's speaker holds the name its quotation's own clause
gives ('"…," said Jones', '"…," Jones said', 'Jones said: "…"'): a check
of attribution that needs no labels, on BBC articles nobody labelled.

Usage: bench/clause_agree.py [--list] [--reserve N] ABRIDGE [CORPUS_DIR]

Reads every bbc-dev.jsonl article that no label file names and that is
not among the first N (default 100) of the fresh draw order
(bench/select_fresh_quote_articles.py), so the articles later label sets
will draw stay unread. For each extract of `abridge -p quotes`, the
clause is the words between the closing mark and the sentence's end when
the quotation ends in a comma, ? or ! and a verb of saying opens them or
follows one to four words ('said Mr Kim', 'the SFA said'), or the words
from the sentence's start to 'said:' or 'said,' right before the opening
mark. Clauses with a pronoun subject or no capitalised word are left out.
A quotation "agrees" when its speaker's last word is a word of the
clause. Right answers can disagree: a description for the one named
before ('said the Tory leader'), an acronym read out ('said a METI
official'); --list prints each disagreement to read.

Needs only the Python 3 standard library.
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lowercase_agree import extracts  # noqa: E402
from quotes_score import labelled_ids, load_jsonl  # noqa: E402
from select_fresh_quote_articles import pool  # noqa: E402

VERB = r"(?:said|says|added|adds|told|tells|explained|insisted|warned|argued|stated)"
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you"}
WORD = re.compile(r"[A-Za-z][\w'’-]*")


def clause_of(text, start, end):
    """The attributing clause of the quotation at bytes [START, END) of
    TEXT (UTF-8 bytes), or None."""
    inner = text[start:end].decode("utf-8", "ignore").rstrip(" \"”'’")
    after = text[end:end + 360].decode("utf-8", "ignore")[:120]
    if inner.endswith((",", "?", "!")) or after.lstrip(" \"”'’").startswith(","):
        m = re.match(r"^[\s,.?!\"”']*(.*?)(?:\.\s|\n|$|[\"“])", after, re.S)
        words = WORD.findall(m.group(1)) if m else []
        if len(words) > 1 and re.fullmatch(VERB, words[0]) and words[1].lower() not in PRONOUNS:
            return words
        verbs = [k for k, w in enumerate(words[:5]) if re.fullmatch(VERB, w)]
        if verbs and verbs[0] > 0 and words[0].lower() not in PRONOUNS and words[verbs[0] - 1].lower() not in PRONOUNS:
            return words[:verbs[0]]
    before = text[max(0, start - 450):start].decode("utf-8", "ignore")[-150:]
    m = re.search(r"(?:^|[.!?]\s|\n)([^.!?\n]*?)\s" + VERB + r"\s*[:,]\s*[\"“']?\s*$", before)
    if m:
        words = WORD.findall(m.group(1))
        if words and words[-1].lower() not in PRONOUNS and len(words) <= 8:
            return words
    return None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("abridge")
    ap.add_argument("corpus", nargs="?", default=os.path.join(here, "..", "..", "shared", "corpus"))
    ap.add_argument("--reserve", type=int, default=100)
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()

    labelled = labelled_ids(os.path.join(here, "data"))
    reserved = {aid for aid, _ in pool(args.corpus, "bbc-dev.jsonl")[:args.reserve]}
    seen, arts = set(), []
    for a in load_jsonl(os.path.join(args.corpus, "bbc-dev.jsonl")):
        if a["id"] in labelled or a["id"] in reserved or a["text"] in seen:
            continue
        seen.add(a["text"])
        arts.append({"id": a["id"], "text": a["text"]})
    found = extracts(args.abridge, arts)
    # extracts give byte offsets
    text = {a["id"]: a["text"].encode("utf-8") for a in arts}
    total = agree = 0
    for aid, found_here in found.items():
        for e in found_here:
            words = clause_of(text[aid], e["start"], e["end"])
            if not words or not any(w[0].isupper() for w in words):
                continue
            total += 1
            speaker = [w.lower().strip("'’s") for w in WORD.findall(e.get("speaker") or "")]
            if speaker and speaker[-1] in {w.lower().strip("'’s") for w in words}:
                agree += 1
            elif args.list:
                print("%s | %s | %s | %s" % (aid, e.get("speaker"), " ".join(words), e["text"][:60]))
    print("%d unlabelled bbc-dev articles: the speaker holds the clause's name for %d of %d quotations (%.1f%%)"
          % (len(arts), agree, total, 100.0 * agree / total if total else 0.0))


if __name__ == "__main__":
    main()
