/* The frequency plugin's ranking methods from sumy (Luhn, KL-Sum), each
 * in its own file (frequency-luhn.c, frequency-klsum.c); frequency.c
 * holds the options and tf-idf / SumBasic. Internal to the plugin: none
 * of these symbols is exported. */
#ifndef ABRIDGE_PLUGIN_FREQUENCY_H
#define ABRIDGE_PLUGIN_FREQUENCY_H

#include <abridge/plugin.h>
#include <stddef.h>

/* Sentences a plugin ranks: everything but furniture and the title. */
static inline int
frequency_is_candidate (const abridge_host *host, const abridge_document *doc, uint32_t i)
{
  return !(host->sentence_flags (doc, i) & (ABRIDGE_SENTENCE_BOILERPLATE | ABRIDGE_SENTENCE_TITLE));
}

/* sumy counts every word that is not a stop word, numbers included. */
static inline int
frequency_is_word (const abridge_token *t)
{
  return !(t->flags & ABRIDGE_TOKEN_STOP);
}

/* Scratch memory an instance keeps for its rank() calls
 * (frequency-arena.c). Zeroed, it is empty. */
typedef struct FrequencyArena {
  char *block;
  size_t cap, used;
  void *spills;   /* pieces that did not fit, freed at the next reset */
  size_t spilled; /* their bytes */
} FrequencyArena;

/* Gives back everything taken since the last reset, and sizes the block
 * for what the last call needed. */
void frequency_arena_reset (FrequencyArena *a);
/* N elements of SIZE bytes, aligned for any type, zeroed when ZERO; NULL
 * when out of memory. Valid until the next reset. */
void *frequency_arena_take (FrequencyArena *a, size_t n, size_t size, int zero);
void frequency_arena_free (FrequencyArena *a);

/* Luhn (1958): a sentence scores its best cluster of significant words.
 * Writes every candidate's score; returns 0, or -1 when out of memory. */
int frequency_luhn (const abridge_host *host, const abridge_document *doc, double *scores);

/* KL-Sum (Haghighi & Vanderwende 2009), greedy: the first MAX_PICKS
 * picks in order, then the rest by divergence. Returns 0, or -1 when out
 * of memory. */
int frequency_klsum (const abridge_host *host, const abridge_document *doc, double *scores,
                     uint32_t max_picks);

#endif
