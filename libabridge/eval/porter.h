/* The Porter stemmer exactly as rouge_score applies it (NLTK-extensions flavour). */
#ifndef ABRIDGE_PORTER_H
#define ABRIDGE_PORTER_H

#include <glib.h>

/* Porter stem of an ASCII lower-case word (NLTK-extensions flavour, as
 * rouge_score uses); returns a newly allocated string, free with g_free().
 *
 * This is not the Snowball stemmer of tokenize.h: ROUGE numbers are only
 * comparable with published ones when the stems are the ones rouge_score
 * gets from nltk's PorterStemmer, so this reproduces, rule for rule, the
 * embedded stemmer of ../shared/tools/rouge.py (Porter 1980, plus nltk's
 * irregular forms, its step 1a/1b/1c/2 extensions and short-word cvc rule).
 *
 * WORD[0, LEN) need not be NUL-terminated. Upper-case ASCII is folded first,
 * as nltk does; any other byte that is not a vowel counts as a consonant, so
 * digits behave as in Python. Words of one or two characters come back
 * unchanged. Thread-safe: no state. */
char *abr_porter_stem (const char *word, gsize len);

#endif
