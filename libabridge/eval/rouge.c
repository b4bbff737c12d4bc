/* ROUGE-1, -2, -L and -Lsum F1 exactly as Google's rouge_score computes them. */
#include "config.h"
#include <abridge/eval.h>

#include <string.h>

#include "eval/porter.h"

/* Past this many distinct words the cache starts over (at the start of a
 * call, so ids stay consistent within one). About 100 MB at worst. */
#define CACHE_MAX_WORDS (1u << 20)

/* Scratch buffers larger than this are given back after the call that
 * needed them, so one pathological input doesn't pin memory for the run. */
#define SCRATCH_KEEP_BYTES ((gsize) 16 << 20)

/* word_ids value of a word whose stem is not a valid token (rouge_score
 * drops it). Valid words store their stem id + 1. */
#define INVALID_WORD G_MAXUINT

/* One text, tokenized: stem ids in order, and where each line that has
 * tokens starts, plus a final entry equal to ids->len. */
typedef struct text {
  GArray *ids;   /* guint32 */
  GArray *lines; /* guint32 token offsets */
} text;

struct abridge_rouge {
  GHashTable *word_ids; /* word (owned) -> stem id + 1, or INVALID_WORD */
  GHashTable *stem_ids; /* stem (owned) -> stem id + 1 */
  guint32 n_ids;
  GString *word;
  text ref, pred;
  GArray *keys_ref, *keys_pred; /* guint64 n-gram keys */
  GArray *count_ref, *count_pred; /* guint32 per stem id; all zero between uses */
  GArray *row;                    /* guint32 LCS row */
  guint8 *dirs;                   /* LCS backtracking bits */
  gsize dirs_size;
  GByteArray *in_union;           /* per reference-line token: in the union LCS? */
};

abridge_rouge *
abridge_rouge_new (void)
{
  abridge_rouge *r = g_new0 (abridge_rouge, 1);
  r->word_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->stem_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->word = g_string_sized_new (32);
  r->ref.ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  r->ref.lines = g_array_new (FALSE, FALSE, sizeof (guint32));
  r->pred.ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  r->pred.lines = g_array_new (FALSE, FALSE, sizeof (guint32));
  r->keys_ref = g_array_new (FALSE, FALSE, sizeof (guint64));
  r->keys_pred = g_array_new (FALSE, FALSE, sizeof (guint64));
  r->count_ref = g_array_new (FALSE, TRUE, sizeof (guint32));
  r->count_pred = g_array_new (FALSE, TRUE, sizeof (guint32));
  r->row = g_array_new (FALSE, FALSE, sizeof (guint32));
  r->in_union = g_byte_array_new ();
  return r;
}

void
abridge_rouge_free (abridge_rouge *r)
{
  if (r == NULL)
    return;
  g_hash_table_destroy (r->word_ids);
  g_hash_table_destroy (r->stem_ids);
  g_string_free (r->word, TRUE);
  g_array_free (r->ref.ids, TRUE);
  g_array_free (r->ref.lines, TRUE);
  g_array_free (r->pred.ids, TRUE);
  g_array_free (r->pred.lines, TRUE);
  g_array_free (r->keys_ref, TRUE);
  g_array_free (r->keys_pred, TRUE);
  g_array_free (r->count_ref, TRUE);
  g_array_free (r->count_pred, TRUE);
  g_array_free (r->row, TRUE);
  g_free (r->dirs);
  g_byte_array_free (r->in_union, TRUE);
  g_free (r);
}

/* rouge_score keeps a token only if it matches ^[a-z0-9]+$ after stemming. */
static gboolean
valid_token (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_islower (*s) && !g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

/* The word_ids value of the word in r->word, stemming it on first sight. */
static guint
word_id (abridge_rouge *r)
{
  gpointer v = g_hash_table_lookup (r->word_ids, r->word->str);
  if (v != NULL)
    return GPOINTER_TO_UINT (v);

  char *stem = r->word->len > 3 ? abr_porter_stem (r->word->str, r->word->len)
                                : g_strndup (r->word->str, r->word->len);
  guint value;
  if (!valid_token (stem))
    {
      value = INVALID_WORD;
      g_free (stem);
    }
  else
    {
      gpointer id = g_hash_table_lookup (r->stem_ids, stem);
      if (id != NULL)
        g_free (stem);
      else
        {
          id = GUINT_TO_POINTER (++r->n_ids);
          g_hash_table_insert (r->stem_ids, stem, id);
        }
      value = GPOINTER_TO_UINT (id);
    }
  g_hash_table_insert (r->word_ids, g_strndup (r->word->str, r->word->len),
                       GUINT_TO_POINTER (value));
  return value;
}

static void
flush_word (abridge_rouge *r, text *t)
{
  if (r->word->len == 0)
    return;
  guint v = word_id (r);
  if (v != INVALID_WORD)
    {
      guint32 id = v - 1;
      g_array_append_val (t->ids, id);
    }
  g_string_truncate (r->word, 0);
}

static void
end_line (text *t, guint32 *line_start)
{
  if (t->ids->len > *line_start)
    g_array_append_val (t->lines, *line_start);
  *line_start = t->ids->len;
}

/* rouge_score's tokenizer, on bytes: see rouge.h for the case folding. */
static void
tokenize (abridge_rouge *r, const char *s, text *t)
{
  const guchar *p = (const guchar *) s;
  guint32 line_start = 0;
  g_array_set_size (t->ids, 0);
  g_array_set_size (t->lines, 0);
  g_string_truncate (r->word, 0);
  for (; *p; p++)
    {
      guchar c = *p;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        g_string_append_c (r->word, (char) c);
      else if (c >= 'A' && c <= 'Z')
        g_string_append_c (r->word, (char) (c - 'A' + 'a'));
      else if (c == 0xC4 && p[1] == 0xB0)
        {
          /* U+0130 lowers to "i" + U+0307, and the combining dot breaks */
          g_string_append_c (r->word, 'i');
          flush_word (r, t);
          p++;
        }
      else if (c == 0xE2 && p[1] == 0x84 && p[2] == 0xAA)
        {
          g_string_append_c (r->word, 'k'); /* U+212A KELVIN SIGN */
          p += 2;
        }
      else
        {
          flush_word (r, t);
          if (c == '\n')
            end_line (t, &line_start);
        }
    }
  flush_word (r, t);
  end_line (t, &line_start);
  g_array_append_val (t->lines, line_start);
}

/* Python's 2pr / (p + r), operation for operation, so the doubles agree. */
static double
f1 (gsize hits, gsize n_pred, gsize n_ref)
{
  double p = (double) hits / (double) MAX (n_pred, 1);
  double rc = (double) hits / (double) MAX (n_ref, 1);
  return p + rc > 0 ? 2 * p * rc / (p + rc) : 0.0;
}

static gint
compare_keys (gconstpointer a, gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;
  return x < y ? -1 : x > y;
}

/* The n-grams (n = 1 or 2) of IDS as sorted integer keys. */
static void
ngram_keys (const GArray *ids, guint n, GArray *keys)
{
  const guint32 *t = (const guint32 *) ids->data;
  g_array_set_size (keys, 0);
  for (guint i = 0; i + n <= ids->len; i++)
    {
      guint64 k = n == 1 ? t[i] : ((guint64) t[i] << 32) | t[i + 1];
      g_array_append_val (keys, k);
    }
  g_array_sort (keys, compare_keys);
}

/* Clipped n-gram overlap: merging two sorted key lists, each shared n-gram
 * counts min(occurrences in reference, occurrences in prediction). */
static double
rouge_n (abridge_rouge *r, guint n)
{
  ngram_keys (r->ref.ids, n, r->keys_ref);
  ngram_keys (r->pred.ids, n, r->keys_pred);
  const guint64 *a = (const guint64 *) r->keys_ref->data;
  const guint64 *b = (const guint64 *) r->keys_pred->data;
  guint na = r->keys_ref->len, nb = r->keys_pred->len, i = 0, j = 0;
  gsize hits = 0;
  while (i < na && j < nb)
    {
      if (a[i] < b[j])
        i++;
      else if (a[i] > b[j])
        j++;
      else
        {
          guint64 k = a[i];
          gsize ca = 0, cb = 0;
          for (; i < na && a[i] == k; i++)
            ca++;
          for (; j < nb && b[j] == k; j++)
            cb++;
          hits += MIN (ca, cb);
        }
    }
  return f1 (hits, nb, na);
}

/* LCS length with one row of the table, over the shorter side, so whole
 * articles cost O(n·m) time but only O(min(n, m)) memory. */
static double
rouge_l (abridge_rouge *r)
{
  const GArray *x = r->ref.ids, *y = r->pred.ids;
  if (x->len == 0 || y->len == 0)
    return 0.0;
  if (y->len > x->len)
    {
      const GArray *tmp = x;
      x = y;
      y = tmp;
    }
  const guint32 *a = (const guint32 *) x->data, *b = (const guint32 *) y->data;
  guint n = x->len, m = y->len;
  g_array_set_size (r->row, m + 1);
  guint32 *row = (guint32 *) r->row->data;
  memset (row, 0, (m + 1) * sizeof *row);
  for (guint i = 1; i <= n; i++)
    {
      guint32 diag = 0, ai = a[i - 1];
      for (guint j = 1; j <= m; j++)
        {
          guint32 up = row[j];
          if (ai == b[j - 1])
            row[j] = diag + 1;
          else if (row[j - 1] > up)
            row[j] = row[j - 1];
          diag = up;
        }
    }
  return f1 (row[m], r->pred.ids->len, r->ref.ids->len);
}

/* Marks in IN_UNION the positions of A that rouge_score's LCS of A and B
 * uses. Which LCS matters (ties are common), so this walks the table back
 * exactly as rouge_score's _lcs_ind does: diagonal on a match, else left
 * when t[i][j-1] > t[i-1][j], else up. The only thing the walk needs beyond
 * the match test is that comparison, so the table is one bit a cell. */
static void
lcs_union (abridge_rouge *r, const guint32 *a, guint n, const guint32 *b, guint m,
           guint8 *in_union)
{
  if (n == 0 || m == 0)
    return;
  if ((gsize) n > (G_MAXSIZE - 7) / m)
    g_error ("rouge: a line pair of %u x %u tokens is too large", n, m);
  gsize bytes = ((gsize) n * m + 7) / 8;
  if (bytes > r->dirs_size)
    {
      g_free (r->dirs);
      r->dirs = g_malloc (bytes);
      r->dirs_size = bytes;
    }
  guint8 *dirs = r->dirs;
  g_array_set_size (r->row, m + 1);
  guint32 *row = (guint32 *) r->row->data;
  memset (row, 0, (m + 1) * sizeof *row);
  for (guint i = 1; i <= n; i++)
    {
      guint32 diag = 0, ai = a[i - 1];
      gsize base = (gsize) (i - 1) * m;
      for (guint j = 1; j <= m; j++)
        {
          guint32 up = row[j];
          if (ai == b[j - 1])
            row[j] = diag + 1;
          else
            {
              gsize bit = base + j - 1;
              if (row[j - 1] > up)
                {
                  row[j] = row[j - 1];
                  dirs[bit >> 3] |= (guint8) (1u << (bit & 7));
                }
              else
                dirs[bit >> 3] &= (guint8) ~(1u << (bit & 7));
            }
          diag = up;
        }
    }
  guint i = n, j = m;
  while (i > 0 && j > 0)
    {
      if (a[i - 1] == b[j - 1])
        {
          in_union[i - 1] = 1;
          i--;
          j--;
          continue;
        }
      gsize bit = (gsize) (i - 1) * m + j - 1;
      if (dirs[bit >> 3] & (1u << (bit & 7)))
        j--;
      else
        i--;
    }
}

static void
count_ids (const GArray *ids, GArray *counts, guint32 n_ids)
{
  if (counts->len < n_ids)
    g_array_set_size (counts, n_ids); /* zero-filled */
  guint32 *c = (guint32 *) counts->data;
  for (guint i = 0; i < ids->len; i++)
    c[g_array_index (ids, guint32, i)]++;
}

static void
uncount_ids (const GArray *ids, GArray *counts)
{
  guint32 *c = (guint32 *) counts->data;
  for (guint i = 0; i < ids->len; i++)
    c[g_array_index (ids, guint32, i)] = 0;
}

/* Summary-level LCS, rouge_score's _summary_level_lcs: for each reference
 * line, the union of its LCS positions against every prediction line, taken
 * in reference order, each hit spending one occurrence of the token on both
 * sides. Lines without tokens can be skipped: they add no hit. */
static double
rouge_lsum (abridge_rouge *r)
{
  const text *ref = &r->ref, *pred = &r->pred;
  if (ref->ids->len == 0 || pred->ids->len == 0)
    return 0.0;
  count_ids (ref->ids, r->count_ref, r->n_ids);
  count_ids (pred->ids, r->count_pred, r->n_ids);
  guint32 *cnt_ref = (guint32 *) r->count_ref->data;
  guint32 *cnt_pred = (guint32 *) r->count_pred->data;
  const guint32 *rl = (const guint32 *) ref->lines->data;
  const guint32 *pl = (const guint32 *) pred->lines->data;
  const guint32 *rt = (const guint32 *) ref->ids->data;
  const guint32 *pt = (const guint32 *) pred->ids->data;
  gsize hits = 0;
  for (guint k = 0; k + 1 < ref->lines->len; k++)
    {
      const guint32 *a = rt + rl[k];
      guint n = rl[k + 1] - rl[k];
      g_byte_array_set_size (r->in_union, n);
      memset (r->in_union->data, 0, n);
      for (guint l = 0; l + 1 < pred->lines->len; l++)
        lcs_union (r, a, n, pt + pl[l], pl[l + 1] - pl[l], r->in_union->data);
      for (guint i = 0; i < n; i++)
        if (r->in_union->data[i] && cnt_pred[a[i]] > 0 && cnt_ref[a[i]] > 0)
          {
            hits++;
            cnt_pred[a[i]]--;
            cnt_ref[a[i]]--;
          }
    }
  uncount_ids (ref->ids, r->count_ref);
  uncount_ids (pred->ids, r->count_pred);
  return f1 (hits, pred->ids->len, ref->ids->len);
}

static void
trim_scratch (abridge_rouge *r)
{
  if (r->dirs_size > SCRATCH_KEEP_BYTES)
    {
      g_clear_pointer (&r->dirs, g_free);
      r->dirs_size = 0;
    }
  if ((gsize) r->row->len * sizeof (guint32) > SCRATCH_KEEP_BYTES)
    {
      g_array_free (r->row, TRUE);
      r->row = g_array_new (FALSE, FALSE, sizeof (guint32));
    }
}

void
abridge_rouge_score (abridge_rouge *r, const char *reference, const char *prediction,
                     abridge_rouge_scores *out)
{
  g_return_if_fail (r != NULL && reference != NULL && prediction != NULL && out != NULL);
  if (g_hash_table_size (r->word_ids) > CACHE_MAX_WORDS)
    {
      g_hash_table_remove_all (r->word_ids);
      g_hash_table_remove_all (r->stem_ids);
      r->n_ids = 0;
      g_array_set_size (r->count_ref, 0);
      g_array_set_size (r->count_pred, 0);
    }
  tokenize (r, reference, &r->ref);
  tokenize (r, prediction, &r->pred);
  out->rouge1 = rouge_n (r, 1);
  out->rouge2 = rouge_n (r, 2);
  out->rougeL = rouge_l (r);
  out->rougeLsum = rouge_lsum (r);
  trim_scratch (r);
}
