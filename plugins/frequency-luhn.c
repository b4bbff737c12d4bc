/* Luhn (1958), as sumy's LuhnSummarizer defines it: the significant words
 * of an article are the stems of its non-stop words that occur more than
 * once; a cluster is a run of the sentence's words (stop words included)
 * that starts and ends with a significant word and has fewer than
 * LUHN_GAP non-significant words in a row; it scores (significant
 * words)^2 / (its words), or 0 with a single significant word, and the
 * sentence its best cluster. */
#include "frequency.h"

#include <stdlib.h>

/* Luhn's limit of four or five insignificant words between significant
 * ones; sumy's max_gap_size. */
#define LUHN_GAP 4

static double
cluster_score (uint32_t words, uint32_t significant)
{
  return significant > 1 ? (double) significant * significant / words : 0.0;
}

static double
sentence_score (const abridge_token *tokens, uint32_t n, const unsigned char *significant)
{
  double best = 0;
  uint32_t words = 0, sig = 0, gap = 0;
  int in_cluster = 0;
  for (uint32_t t = 0; t < n; t++)
    {
      int s = frequency_is_word (&tokens[t]) && significant[tokens[t].stem];
      if (!in_cluster)
        {
          if (!s)
            continue;
          in_cluster = 1;
          words = sig = 1;
          gap = 0;
          continue;
        }
      words++;
      if (s)
        {
          sig++;
          gap = 0;
        }
      else if (++gap == LUHN_GAP)
        {
          /* the cluster ends at its last significant word */
          double v = cluster_score (words - gap, sig);
          best = v > best ? v : best;
          in_cluster = 0;
        }
    }
  if (in_cluster)
    {
      double v = cluster_score (words - gap, sig);
      best = v > best ? v : best;
    }
  return best;
}

int
frequency_luhn (const abridge_host *host, const abridge_document *doc, double *scores)
{
  uint32_t n = host->sentence_count (doc), n_stems = host->stem_count (doc);
  uint32_t *count = calloc ((size_t) n_stems + 1, sizeof *count);
  unsigned char *significant = calloc ((size_t) n_stems + 1, 1);
  if (count == NULL || significant == NULL)
    {
      free (count);
      free (significant);
      return -1;
    }
  for (uint32_t i = 0; i < n; i++)
    {
      if (!frequency_is_candidate (host, doc, i))
        continue;
      uint32_t k;
      const abridge_token *tokens = host->sentence_tokens (doc, i, &k);
      for (uint32_t t = 0; t < k; t++)
        if (frequency_is_word (&tokens[t]))
          count[tokens[t].stem]++;
    }
  for (uint32_t s = 0; s < n_stems; s++)
    significant[s] = count[s] > 1;
  for (uint32_t i = 0; i < n; i++)
    {
      if (!frequency_is_candidate (host, doc, i))
        continue;
      uint32_t k;
      const abridge_token *tokens = host->sentence_tokens (doc, i, &k);
      scores[i] = sentence_score (tokens, k, significant);
    }
  free (count);
  free (significant);
  return 0;
}
