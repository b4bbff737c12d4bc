/* Running plugins over a document, fusing their scores and selecting. */
#ifndef ABRIDGE_ENGINE_H
#define ABRIDGE_ENGINE_H

#include <abridge/abridge.h>

/* Fills RANKED with each candidate's normalised rank in [0, 1] under
 * SCORES (1 = best; ties share their mean rank) among the candidates whose
 * score is not NaN; NaN for non-candidates and NaN scores (a plugin that
 * has no opinion of the sentence). */
void abr_normalised_rank (const abridge_document *doc, const double *scores, double *ranked);

#endif
