/* Words of a sentence: case folding, stop words, Snowball stems, term ids. */
#ifndef ABRIDGE_TOKENIZE_H
#define ABRIDGE_TOKENIZE_H

#include <glib.h>

#include <abridge/plugin.h>

#include "text/lang.h"

/* The document's own ids for the vocabulary's: open addressing on the
 * vocabulary id, each slot document id << 32 | (vocabulary id + 1), 0 when
 * empty. A document has hundreds of words, so this stays in the core's
 * first-level cache; arrays indexed by vocabulary id (the vocabulary has
 * up to 200,000 words) missed every cache for each rare word, and more so
 * with every core busy. */
typedef struct {
  uint64_t *slots;
  uint32_t mask;         /* capacity - 1, a power of two */
  uint32_t n;
} abr_id_map;

/* One document's words and stems as dense ids. Once the last
 * abr_tokenize() is done it is read-only and owns every string it
 * hands out. */
typedef struct abr_lexicon {
  GPtrArray *terms;      /* id -> folded word (in chunk) */
  GArray *term_stem;     /* id -> stem id (uint32_t) */
  GArray *term_stop;     /* id -> stop word? (guint8) */
  GPtrArray *stems;      /* id -> stem (in chunk) */
  GArray *stem_idf;      /* id -> background idf (double), looked up once per vocabulary (vocab.h) */
  GStringChunk *chunk;   /* owns every string above */
  struct abr_vocab *vocab; /* held while the lexicon lives (vocab.h) */
  abr_id_map word_ids, stem_ids; /* vocabulary word / stem id -> the document's */
} abr_lexicon;

void abr_lexicon_init (abr_lexicon *lex);
/* The same for a document in LANG: its stemmer, stop words and a
 * vocabulary of its own (English: abr_lexicon_init). */
void abr_lexicon_init_lang (abr_lexicon *lex, const abr_language *lang);
void abr_lexicon_clear (abr_lexicon *lex);

/* Appends the words of text[start, end) to TOKENS (a GArray of
 * abridge_token) with offsets relative to TEXT. A word is a run of letters
 * and digits; an apostrophe or a period between two of them stays inside
 * (don't, U.S, 3.5), a hyphen splits. */
void abr_tokenize (abr_lexicon *lex, const char *text, uint32_t start, uint32_t end,
                       GArray *tokens);

#endif
