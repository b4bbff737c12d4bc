/* Languages: what abridge knows of each (stemmer, stop words,
 * abbreviations) and the guess of an article's language. */
#ifndef ABRIDGE_LANG_H
#define ABRIDGE_LANG_H

#include <glib.h>

#include "text/english.h"

/* One language abridge can read: every language Snowball has a stemmer
 * for. The table is static; the word sets are loaded on first use and
 * shared read-only across threads. */
typedef struct abr_language {
  const char *code;          /* ISO 639-1: "de" */
  const char *name;          /* "German" */
  const char *stemmer;       /* libstemmer's algorithm: "german" */
  const char *stopwords;     /* data file, or NULL: Snowball has no list */
  const char *abbreviations; /* data file, or NULL: generic rules only */
  const char *fingerprint;   /* libexttextcat's model file: "de.lm" */
  /* "am 3. Oktober": a period after a number marks an ordinal, so a
   * number ends a sentence only before a sentence opener. */
  gboolean ordinal_dots;
  GUnicodeScript script;     /* the script its news is written in */
  guint index;               /* position in the table, for per-thread arrays */
} abr_language;

/* How many languages the table holds. */
#define ABR_N_LANGUAGES 28

/* The language of CODE ("de"; "nb" is Norwegian), or NULL. */
const abr_language *abr_language_find (const char *code);
/* English: what abridge falls back to. */
const abr_language *abr_language_english (void);
const abr_language *abr_language_nth (guint i);

/* The language's stop words / abbreviations (abr_data_word_set), or
 * an empty set. */
GHashTable *abr_language_stopwords (const abr_language *lang);
GHashTable *abr_language_abbreviations (const abr_language *lang);

/* Articles shorter than this (in bytes of letters) are too short for a
 * reliable guess. */
#define ABR_DETECT_MIN_BYTES 120
/* Only this many bytes of an article's letters are read to guess its
 * language: libexttextcat finds a few hundred bytes enough, and building
 * the n-gram profile is most of the cost (about 0.1 ms for 1 KB). */
#define ABR_DETECT_MAX_BYTES 1024

/* Guesses the language of TEXT[0, LEN) with libexttextcat's fingerprints
 * of the languages of the table: the best-scoring one. Returns FALLBACK
 * when the text has fewer than ABR_DETECT_MIN_BYTES of letters, or
 * when more than five languages score within 3% of the best, as
 * libexttextcat answers "UNKNOWN" (then *SURE, if not NULL, is FALSE).
 * Thread-safe; the fingerprints are read once per process. */
const abr_language *abr_language_detect (const char *text, gsize len,
                                                 const abr_language *fallback,
                                                 gboolean *sure);

/* What detection's stop-word count says of TEXT[0, LEN) before any
 * n-gram profile: read straight from the text (the shortcut it takes
 * first, english.h), and whether it settles English from the
 * letters-only sample (the way it takes when the shortcut is undecided,
 * which the shortcut must agree with). */
abr_english_answer abr_language_english_settled (const char *text, gsize len);
gboolean abr_language_english_by_sample (const char *text, gsize len);

#endif
