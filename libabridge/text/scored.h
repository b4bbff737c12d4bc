/* Things ranked by a score: sentences by their plugins' scores, stems by
 * their weight as keywords. */
#ifndef ABR_TEXT_SCORED_H
#define ABR_TEXT_SCORED_H

#include <glib.h>
#include <stdint.h>

typedef struct {
  uint32_t index;
  double score;
} abr_scored;

/* For g_array_sort(): best first; ties in index order, so that a ranking
 * never depends on the sort's stability. */
static inline gint
abr_scored_best_first (gconstpointer a, gconstpointer b)
{
  const abr_scored *x = a, *y = b;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

#endif
