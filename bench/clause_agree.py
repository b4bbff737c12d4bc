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
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quotes_score import label_files, load_jsonl  # noqa: E402

VERB = r"(?:said|says|added|adds|told|tells|explained|insisted|warned|argued|stated)"
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you"}
WORD = re.compile(r"[A-Za-z][\w'’-]*")


def clause_of(text, start, end):
    """The attributing clause of the quotation text[start:end], or None."""
    inner = text[start:end].rstrip(" \"”'’")
    after = text[end:end + 120]
    if inner.endswith((",", "?", "!")) or after.lstrip(" \"”'’").startswith(","):
        m = re.match(r"^[\s,.?!\"”']*(.*?)(?:\.\s|\n|$|[\"“])", after, re.S)
        words = WORD.findall(m.group(1)) if m else []
        if len(words) > 1 and re.fullmatch(VERB, words[0]) and words[1].lower() not in PRONOUNS:
            return words
        verbs = [k for k, w in enumerate(words[:5]) if re.fullmatch(VERB, w)]
        if verbs and verbs[0] > 0 and words[0].lower() not in PRONOUNS and words[verbs[0] - 1].lower() not in PRONOUNS:
            return words[:verbs[0]]
    before = text[max(0, start - 150):start]
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

    labelled = {a["id"] for p in label_files(os.path.join(here, "data")) for a in load_jsonl(p)}
    order = subprocess.run([sys.executable, os.path.join(here, "select_fresh_quote_articles.py"), args.corpus,
                            "--corpus", "bbc-dev.jsonl", "-n", str(args.reserve)],
                           capture_output=True, text=True, check=True).stdout
    reserved = {line.split()[1] for line in order.splitlines() if line.strip()}
    seen, arts = set(), []
    for a in load_jsonl(os.path.join(args.corpus, "bbc-dev.jsonl")):
        if a["id"] in labelled or a["id"] in reserved or a["text"] in seen:
            continue
        seen.add(a["text"])
        arts.append({"id": a["id"], "text": a["text"]})
    run = subprocess.run([args.abridge, "-p", "quotes", "-n", "1000", "-f", "jsonl", "-"],
                         input="".join(json.dumps(a) + "\n" for a in arts), capture_output=True, text=True, check=True)
    text = {a["id"]: a["text"] for a in arts}
    total = agree = 0
    for row in map(json.loads, run.stdout.splitlines()):
        for e in row.get("extracts") or []:
            words = clause_of(text[row["id"]], e["start"], e["end"])
            if not words or not any(w[0].isupper() for w in words):
                continue
            total += 1
            speaker = [w.lower().strip("'’s") for w in WORD.findall(e.get("speaker") or "")]
            if speaker and speaker[-1] in {w.lower().strip("'’s") for w in words}:
                agree += 1
            elif args.list:
                print("%s | %s | %s | %s" % (row["id"], e.get("speaker"), " ".join(words), e["text"][:60]))
    print("%d unlabelled bbc-dev articles: the speaker holds the clause's name for %d of %d quotations (%.1f%%)"
          % (len(arts), agree, total, 100.0 * agree / total if total else 0.0))


if __name__ == "__main__":
    main()
