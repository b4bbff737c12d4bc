/* Whether a text is obviously English, by its share of English stop words:
 * the count language detection (lang.c) settles most articles with, and
 * the same answer read straight from plain ASCII text. Internal. */
#ifndef ABRIDGE_TEXT_ENGLISH_H
#define ABRIDGE_TEXT_ENGLISH_H

#include <glib.h>

/* The share of English stop words above which a text is English without
 * asking libexttextcat: English news prose runs at 40-50% (all but 8 of
 * the 2,225 bbc-dev articles above 25%), German, French or Spanish news at
 * 1-4% (the words they share: in, an, was, a). */
#define ABR_ENGLISH_STOP_SHARE 0.25
#define ABR_ENGLISH_MIN_WORDS 20
/* After this many words, a share this high settles it early (prose in
 * German, French or Spanish never comes near it). */
#define ABR_ENGLISH_EARLY_WORDS 60
#define ABR_ENGLISH_EARLY_SHARE 0.35
/* Longer words are never stop words, nor looked up. */
#define ABR_ENGLISH_STOP_MAX 32

/* The English stop words, for the lookups below. */
typedef struct abr_stop_table abr_stop_table;

/* A table of the words of STOP (a set of lower-case strings, kept by the
 * caller as long as the table). */
abr_stop_table *abr_stop_table_new (GHashTable *stop);
void abr_stop_table_free (abr_stop_table *t);

/* Whether WORD[0, N), ASCII letters in any case, N below
 * ABR_ENGLISH_STOP_MAX, is one of T's words. READABLE (at least N) bytes
 * may be read from WORD: with 8 or more, it is read at once. */
gboolean abr_english_stop_word (const abr_stop_table *t, const char *word, gsize n,
                                gsize readable);

/* What language detection's stop-word count says of TEXT[0, LEN) (valid
 * UTF-8; T: the English stop words), read without building its sample
 * (ABR_DETECT_MAX_BYTES of letters and single spaces). */
typedef enum {
  /* A letter of a script other than Latin, which detection weighs
   * against the Latin ones, or broken UTF-8: the sample must say. */
  ABR_ENGLISH_UNDECIDED,
  /* The sample is not obviously English, or too short to be a sample:
   * detection goes on to the n-gram profile (or the fallback). */
  ABR_ENGLISH_NOT_BY_COUNT,
  /* Obviously English, Latin, long enough: detection answers English. */
  ABR_ENGLISH_SETTLED,
} abr_english_answer;

abr_english_answer abr_english_settled (const abr_stop_table *t, const char *text, gsize len);

#endif
