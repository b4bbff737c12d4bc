/* Words of a sentence: case folding, stop words, Snowball stems, term ids. */
#ifndef ABRIDGE_TOKENIZE_H
#define ABRIDGE_TOKENIZE_H

#include <glib.h>

#include <abridge/plugin.h>

#include "text/lang.h"

/* The document's own ids for the vocabulary's stems: open addressing on
 * the vocabulary id, each slot document id << 32 | (vocabulary id + 1), 0
 * when empty. A document has hundreds of words, so this stays in the
 * core's first-level cache; arrays indexed by vocabulary id (the
 * vocabulary has up to 200,000 words) missed every cache for each rare
 * word, and more so with every core busy. */
typedef struct {
  uint64_t *slots;
  uint32_t mask;         /* capacity - 1, a power of two */
  uint32_t n;
} abr_id_map;

/* The document's words by the hash of their folded text: half the words
 * of an article were seen earlier in it, and finding them here, in the
 * first-level cache, spares the vocabulary's megabytes. Each slot is
 * hash << 32 | (document id + 1), 0 when empty. */
typedef struct {
  uint64_t *slots;
  uint32_t mask;
} abr_term_map;

/* One document's words and stems as dense ids. Once the last
 * abr_tokenize() is done it is read-only. Its strings are the
 * vocabulary's, which it holds: valid as long as the lexicon. */
typedef struct abr_lexicon {
  const char **terms;    /* id -> folded word */
  uint16_t *term_len;    /* id -> its length in bytes */
  uint32_t *term_stem;   /* id -> stem id */
  guint8 *term_stop;     /* id -> stop word? */
  uint32_t n_terms, terms_cap;
  const char **stems;    /* id -> stem */
  double *stem_idf;      /* id -> background idf, looked up once per vocabulary (vocab.h) */
  uint32_t n_stems, stems_cap;
  struct abr_vocab *vocab; /* held while the lexicon lives (vocab.h) */
  abr_term_map term_ids;   /* folded word -> the document's id */
  abr_id_map stem_ids;     /* vocabulary stem id -> the document's */
  char *fold;              /* scratch: a batch of folded words */
  gsize fold_cap;
} abr_lexicon;

void abr_lexicon_init (abr_lexicon *lex);
/* The same for a document in LANG: its stemmer, stop words and a
 * vocabulary of its own (English: abr_lexicon_init). TEXT_LEN, the bytes
 * it will tokenize (0: unknown), sizes its maps. */
void abr_lexicon_init_lang (abr_lexicon *lex, const abr_language *lang, gsize text_len);
void abr_lexicon_clear (abr_lexicon *lex);

/* Appends the words of text[start, end) to TOKENS (a GArray of
 * abridge_token) with offsets relative to TEXT. A word is a run of letters
 * and digits; an apostrophe or a period between two of them stays inside
 * (don't, U.S, 3.5), a hyphen splits. */
void abr_tokenize (abr_lexicon *lex, const char *text, uint32_t start, uint32_t end,
                       GArray *tokens);

#endif
