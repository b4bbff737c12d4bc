/* The words met so far in one language, shared by every thread: for each
 * case-folded word its stem, whether it is a stop word, and ids for both. */
#ifndef ABRIDGE_VOCAB_H
#define ABRIDGE_VOCAB_H

#include <glib.h>
#include <stdint.h>

#include "text/lang.h"

typedef struct {
  uint32_t word;          /* ids, dense from 0 in their vocabulary */
  uint32_t stem;
  const char *stem_text;  /* NUL-terminated, in this entry; lives as long as the vocabulary */
  double idf;             /* the stem's background idf (idf.h); 1 outside English */
  uint16_t len;           /* of the word */
  uint16_t stem_len;
  guint8 stop;
  char word_text[];       /* the folded word, NUL-terminated, then the stem's text: a word
                           * new to a document needs both, and one fetch brings them */
} abr_word_facts;

typedef struct abr_vocab abr_vocab;

/* LANG's vocabulary, held until abr_vocab_release(). When it has grown
 * past its bound, a new one is started: a corpus of made-up words cannot
 * exhaust memory, and one that is still held stays valid. */
abr_vocab *abr_vocab_acquire (const abr_language *lang);
void abr_vocab_release (abr_vocab *vocab);

/* The facts of the folded word FOLDED[0, LEN) (NUL-terminated at LEN, at
 * most 65,535 bytes, readable for 8 bytes past LEN), HASH being any hash
 * of those bytes that the caller always computes the same way. Added on
 * first sight. Any thread may call this at any time; the result is valid
 * while VOCAB is held. */
const abr_word_facts *abr_vocab_word (abr_vocab *vocab, const char *folded, gsize len,
                                              uint32_t hash);

/* Hints that abr_vocab_word() will soon be asked for the word with
 * HASH: the first starts fetching its slot, the second (once the slot has
 * had time to arrive) the entry the slot points to. Neither waits or
 * changes anything; a word in no slot yet costs nothing more. */
void abr_vocab_prefetch (abr_vocab *vocab, uint32_t hash);
void abr_vocab_prefetch_entry (abr_vocab *vocab, uint32_t hash);

#endif
