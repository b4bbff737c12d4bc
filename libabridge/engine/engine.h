/* Running plugins over a document, fusing their scores and selecting. */
#ifndef ABRIDGE_ENGINE_H
#define ABRIDGE_ENGINE_H

#include <abridge/abridge.h>

/* Sentences sharing this share of their content stems (Jaccard) say the
 * same thing; the brief keeps only the better one. */
#define ABR_REDUNDANCY_JACCARD 0.6

/* Jaccard similarity of the content stems (stop words out) of sentences A
 * and B of DOC, in [0, 1]. */
double abr_sentence_similarity (const abridge_document *doc, uint32_t a, uint32_t b);

/* Fills RANKED with each candidate's normalised rank in [0, 1] under
 * SCORES (1 = best; ties share their mean rank) among the candidates whose
 * score is not NaN; NaN for non-candidates and NaN scores (a plugin that
 * has no opinion of the sentence). */
void abr_normalised_rank (const abridge_document *doc, const double *scores, double *ranked);

#endif
