/* KL-Sum (Haghighi & Vanderwende 2009) as sumy's KLSummarizer scores it:
 * greedily, the sentence whose words, joined to the summary so far, give
 * the smallest divergence
 *
 *   KL = sum over words w of the joint summary of P_D(w) ln (P_D(w) / P_S(w))
 *
 * where P_D is the article's distribution of (stemmed, non-stop) words and
 * P_S the joint summary's. Unlike sumy, the summary's stop words are not
 * counted in the joint length (sumy joins the candidate's content words
 * with all the summary's words), and a sentence without content words
 * ranks last (sumy's divergence is 0 for it, so it is picked first).
 *
 * A candidate's divergence is computed from the summary's running sums,
 *   A = sum P_D ln P_D,  B = sum P_D ln c_S,  P = sum P_D   (over w in S)
 * as KL = A - B + P ln |S| with the candidate's words folded in, so a
 * round costs the article's words, not the summary's times the
 * article's. */
#include "frequency.h"

#include <math.h>
#include <stdlib.h>

typedef struct {
  double a, b, p; /* the running sums above */
  double length;  /* |S|: content words in the summary */
} Summary;

/* The divergence of SUMMARY joined with the sentence TOKENS; COUNT holds
 * the summary's count of each stem and SCRATCH zeros (left zero). */
static double
joined_divergence (const Summary *summary, const abridge_token *tokens, uint32_t n,
                   const double *p_doc, const double *count, double *scratch)
{
  double a = summary->a, b = summary->b, p = summary->p, length = summary->length;
  for (uint32_t t = 0; t < n; t++)
    if (frequency_is_word (&tokens[t]))
      {
        scratch[tokens[t].stem] += 1;
        length += 1;
      }
  for (uint32_t t = 0; t < n; t++)
    {
      uint32_t s = tokens[t].stem;
      if (!frequency_is_word (&tokens[t]) || scratch[s] == 0)
        continue;
      double pd = p_doc[s], c = count[s];
      if (c > 0)
        b += pd * (log (c + scratch[s]) - log (c));
      else
        {
          a += pd * log (pd);
          b += pd * log (scratch[s]);
          p += pd;
        }
      scratch[s] = 0; /* once per distinct stem */
    }
  return a - b + p * log (length);
}

static void
add_to_summary (Summary *summary, const abridge_token *tokens, uint32_t n, const double *p_doc,
                double *count)
{
  for (uint32_t t = 0; t < n; t++)
    {
      if (!frequency_is_word (&tokens[t]))
        continue;
      uint32_t s = tokens[t].stem;
      double pd = p_doc[s];
      if (count[s] == 0)
        {
          summary->a += pd * log (pd);
          summary->p += pd;
        }
      else
        summary->b -= pd * log (count[s]);
      count[s] += 1;
      summary->b += pd * log (count[s]);
      summary->length += 1;
    }
}

int
frequency_klsum (const abridge_host *host, const abridge_document *doc, double *scores,
                 uint32_t max_picks)
{
  uint32_t n = host->sentence_count (doc), n_stems = host->stem_count (doc);
  double *p_doc = calloc ((size_t) n_stems + 1, sizeof *p_doc);
  double *count = calloc ((size_t) n_stems + 1, sizeof *count);
  double *scratch = calloc ((size_t) n_stems + 1, sizeof *scratch);
  double *divergence = calloc ((size_t) n + 1, sizeof *divergence);
  unsigned char *state = calloc ((size_t) n + 1, 1); /* 1 = rankable, 2 = picked */
  if (p_doc == NULL || count == NULL || scratch == NULL || divergence == NULL || state == NULL)
    {
      free (p_doc);
      free (count);
      free (scratch);
      free (divergence);
      free (state);
      return -1;
    }

  double total = 0;
  uint32_t rankable = 0;
  for (uint32_t i = 0; i < n; i++)
    {
      if (!frequency_is_candidate (host, doc, i))
        continue;
      uint32_t k, words = 0;
      const abridge_token *tokens = host->sentence_tokens (doc, i, &k);
      for (uint32_t t = 0; t < k; t++)
        if (frequency_is_word (&tokens[t]))
          {
            p_doc[tokens[t].stem] += 1;
            words++;
          }
      total += words;
      state[i] = words > 0;
      rankable += words > 0;
    }
  for (uint32_t s = 0; s < n_stems && total > 0; s++)
    p_doc[s] /= total;

  Summary summary = { 0, 0, 0, 0 };
  uint32_t picks = rankable < max_picks ? rankable : max_picks;
  for (uint32_t round = 0; round < picks; round++)
    {
      uint32_t best = UINT32_MAX;
      for (uint32_t i = 0; i < n; i++)
        {
          if (state[i] != 1)
            continue;
          uint32_t k;
          const abridge_token *tokens = host->sentence_tokens (doc, i, &k);
          divergence[i] = joined_divergence (&summary, tokens, k, p_doc, count, scratch);
          if (best == UINT32_MAX || divergence[i] < divergence[best])
            best = i;
        }
      state[best] = 2;
      scores[best] = 1.0 + (double) (picks - round);
      uint32_t k;
      const abridge_token *tokens = host->sentence_tokens (doc, best, &k);
      add_to_summary (&summary, tokens, k, p_doc, count);
    }

  /* Past the picks (a very long article), the rest by the divergence of
   * the last round, below every pick; then the sentences without words. */
  double lowest = 0;
  for (uint32_t i = 0; i < n; i++)
    if (state[i] == 1)
      {
        scores[i] = -1.0 / (1.0 + exp (-divergence[i])); /* in (-1, 0), smaller KL higher */
        lowest = scores[i] < lowest ? scores[i] : lowest;
      }
  for (uint32_t i = 0; i < n; i++)
    if (state[i] == 0 && frequency_is_candidate (host, doc, i))
      scores[i] = lowest - 1.0;

  free (p_doc);
  free (count);
  free (scratch);
  free (divergence);
  free (state);
  return 0;
}
