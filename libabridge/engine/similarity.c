/* Sentence similarity for the selection (similarity.h).
 *
 * When no plugin has read the document's words (lead ranks by position),
 * the stems come from a lexicon of the selection's own over only the
 * sentences compared: tokenizing the whole article to compare a handful
 * of its sentences was a third of a lead run. Two words share a stem in
 * that lexicon exactly when they do in the document's (the same
 * vocabulary, stemmer and stop words), so the similarities, and the
 * briefs, are the same. */
#include "config.h"
#include "engine/similarity.h"

#include <stdlib.h>

#include "text/document.h"

#define NOT_YET G_MAXUINT32

struct abr_stem_sets {
  const abridge_document *doc;
  gboolean own;       /* the document has no words yet: LEX is ours */
  abr_lexicon lex;
  GArray *tokens;     /* scratch for LEX */
  uint32_t *off, *n;  /* per sentence: its stems in POOL; off NOT_YET until made */
  GArray *pool;       /* uint32_t */
};

abr_stem_sets *
abr_stem_sets_new (const abridge_document *doc)
{
  abr_stem_sets *sets = g_new0 (abr_stem_sets, 1);
  uint32_t n = abridge_document_sentence_count (doc);
  sets->doc = doc;
  sets->own = !g_atomic_int_get (&((abridge_document *) doc)->tokenized);
  if (sets->own)
    {
      abr_lexicon_init_lang (&sets->lex, doc->lang, 0);
      sets->tokens = g_array_new (FALSE, FALSE, sizeof (abridge_token));
    }
  sets->off = g_new (uint32_t, n + 1);
  for (uint32_t i = 0; i <= n; i++)
    sets->off[i] = NOT_YET;
  sets->n = g_new0 (uint32_t, n + 1);
  /* Room from the start: a first sentence without a word would take its
   * (empty) stems from a NULL array, NULL + 0. */
  sets->pool = g_array_sized_new (FALSE, FALSE, sizeof (uint32_t), 64);
  return sets;
}

void
abr_stem_sets_free (abr_stem_sets *sets)
{
  if (sets == NULL)
    return;
  if (sets->own)
    {
      abr_lexicon_clear (&sets->lex);
      g_array_unref (sets->tokens);
    }
  g_free (sets->off);
  g_free (sets->n);
  g_array_unref (sets->pool);
  g_free (sets);
}

static int
by_stem (const void *a, const void *b)
{
  uint32_t x = *(const uint32_t *) a, y = *(const uint32_t *) b;
  return (x > y) - (x < y);
}

/* The distinct content stems of tokens T[0, N) into OUT (room for N),
 * sorted: returns how many. */
static uint32_t
content_stems (const abridge_token *t, uint32_t n, uint32_t *out)
{
  uint32_t k = 0;
  /* Kept, and the intersection below walked, without branches on the
   * words: a stop word or not, a stem shared or not, is a coin toss to
   * the predictor. */
  for (uint32_t i = 0; i < n; i++)
    {
      out[k] = t[i].stem;
      k += !(t[i].flags & ABRIDGE_TOKEN_STOP);
    }
  /* Insertion sort for a sentence's few dozen stems, where qsort()'s
   * calls back cost more than the sorting; qsort() for a sentence of
   * thousands of words (a page without punctuation). */
  if (k > 64)
    qsort (out, k, sizeof *out, by_stem);
  else
    for (uint32_t i = 1; i < k; i++)
      {
        uint32_t v = out[i], j = i;
        for (; j > 0 && out[j - 1] > v; j--)
          out[j] = out[j - 1];
        out[j] = v;
      }
  uint32_t u = k > 0;
  for (uint32_t i = 1; i < k; i++)
    {
      out[u] = out[i];
      u += out[u - 1] != out[i];
    }
  return u;
}

/* Makes sentence I's sorted content stems on first use (I is valid);
 * returns how many. They are read from the pool after, which making
 * another sentence's may move. */
static uint32_t
stems_of (abr_stem_sets *sets, uint32_t i)
{
  if (sets->off[i] == NOT_YET)
    {
      const abridge_token *t;
      uint32_t k;
      if (sets->own)
        {
          const abr_sentence *s = &g_array_index (sets->doc->sentences, abr_sentence, i);
          g_array_set_size (sets->tokens, 0);
          abr_tokenize (&sets->lex, sets->doc->data, s->start, s->end, sets->tokens);
          t = (const abridge_token *) (const void *) sets->tokens->data;
          k = sets->tokens->len;
        }
      else
        t = abridge_document_sentence_tokens (sets->doc, i, &k);
      guint at = sets->pool->len;
      g_array_set_size (sets->pool, at + k);
      sets->off[i] = at;
      sets->n[i] = content_stems (t, k, &g_array_index (sets->pool, uint32_t, at));
      g_array_set_size (sets->pool, at + sets->n[i]);
    }
  return sets->n[i];
}

double
abr_stem_sets_similarity (abr_stem_sets *sets, uint32_t a, uint32_t b)
{
  uint32_t count = abridge_document_sentence_count (sets->doc);
  if (a >= count || b >= count)
    return 0.0;
  uint32_t ka = stems_of (sets, a), kb = stems_of (sets, b);
  const uint32_t *sa = &g_array_index (sets->pool, uint32_t, sets->off[a]);
  const uint32_t *sb = &g_array_index (sets->pool, uint32_t, sets->off[b]);
  uint32_t inter = 0;
  for (uint32_t i = 0, j = 0; i < ka && j < kb;)
    {
      uint32_t x = sa[i], y = sb[j];
      inter += x == y;
      i += x <= y;
      j += y <= x;
    }
  uint32_t uni = ka + kb - inter;
  return uni > 0 ? (double) inter / uni : 0.0;
}

double
abr_sentence_similarity (const abridge_document *doc, uint32_t a, uint32_t b)
{
  abr_stem_sets *sets = abr_stem_sets_new (doc);
  double similarity = abr_stem_sets_similarity (sets, a, b);
  abr_stem_sets_free (sets);
  return similarity;
}
