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
} abridge_word_facts;

typedef struct abridge_vocab abridge_vocab;

/* LANG's vocabulary, held until abridge_vocab_release(). When it has grown
 * past its bound, a new one is started: a corpus of made-up words cannot
 * exhaust memory, and one that is still held stays valid. */
abridge_vocab *abridge_vocab_acquire (const abridge_language *lang);
void abridge_vocab_release (abridge_vocab *vocab);

/* The facts of the folded word FOLDED[0, LEN) (NUL-terminated at LEN, at
 * most 65,535 bytes), HASH being any hash of those bytes that the caller
 * always computes the same way. Added on first sight. Any thread may call
 * this at any time; the result is valid while VOCAB is held. */
const abridge_word_facts *abridge_vocab_word (abridge_vocab *vocab, const char *folded, gsize len,
                                              uint32_t hash);

/* Hints that abridge_vocab_word() will soon be asked for the word with
 * HASH: the first starts fetching its slot, the second (once the slot has
 * had time to arrive) the entry the slot points to. Neither waits or
 * changes anything; a word in no slot yet costs nothing more. */
void abridge_vocab_prefetch (abridge_vocab *vocab, uint32_t hash);
void abridge_vocab_prefetch_entry (abridge_vocab *vocab, uint32_t hash);

#endif
