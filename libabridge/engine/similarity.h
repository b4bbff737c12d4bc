/* How much two sentences of a document say the same thing. */
#ifndef ABRIDGE_SIMILARITY_H
#define ABRIDGE_SIMILARITY_H

#include <abridge/abridge.h>

/* Sentences sharing this share of their content stems (Jaccard) say the
 * same thing; the brief keeps only the better one. */
#define ABR_REDUNDANCY_JACCARD 0.6

/* The content stems of a document's sentences, each sentence's made once,
 * for comparing sentences while a brief is selected. */
typedef struct abr_stem_sets abr_stem_sets;

abr_stem_sets *abr_stem_sets_new (const abridge_document *doc);
void abr_stem_sets_free (abr_stem_sets *sets);

/* Jaccard similarity of the content stems (stop words out) of sentences A
 * and B, in [0, 1]. */
double abr_stem_sets_similarity (abr_stem_sets *sets, uint32_t a, uint32_t b);

/* The same for one pair. */
double abr_sentence_similarity (const abridge_document *doc, uint32_t a, uint32_t b);

#endif
