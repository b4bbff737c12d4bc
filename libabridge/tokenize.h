/* Words of a sentence: case folding, stop words, Snowball stems, term ids. */
#ifndef ABRIDGE_TOKENIZE_H
#define ABRIDGE_TOKENIZE_H

#include <glib.h>

#include <abridge/plugin.h>

/* Interns one document's words and stems as dense ids. */
typedef struct abridge_lexicon {
  GHashTable *term_ids;  /* folded word -> id + 1 */
  GPtrArray *terms;      /* id -> folded word (in chunk) */
  GArray *term_stem;     /* id -> stem id (uint32_t) */
  GArray *term_stop;     /* id -> stop word? (guint8) */
  GHashTable *stem_ids;  /* stem -> id + 1 */
  GPtrArray *stems;      /* id -> stem (in chunk) */
  GStringChunk *chunk;   /* owns every string above */
} abridge_lexicon;

void abridge_lexicon_init (abridge_lexicon *lex);
void abridge_lexicon_clear (abridge_lexicon *lex);

/* Appends the words of text[start, end) to TOKENS (a GArray of
 * abridge_token) with offsets relative to TEXT. A word is a run of letters
 * and digits; an apostrophe or a period between two of them stays inside
 * (don't, U.S, 3.5), a hyphen splits. */
void abridge_tokenize (abridge_lexicon *lex, const char *text, uint32_t start, uint32_t end,
                       GArray *tokens);

/* The Snowball English stem of a case-folded word, in a buffer owned by
 * the calling thread and valid until its next call. */
const char *abridge_stem (const char *folded, gsize len, gsize *stem_len);

#endif
