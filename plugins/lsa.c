/* lsa: latent semantic analysis (Steinberger & Ježek 2004), as sumy's
 * LsaSummarizer builds it. A is the term-sentence matrix of the article's
 * stemmed non-stop words (numbers included), each sentence's counts
 * divided by its largest and smoothed, a + (1 - a) f / max, in every cell
 * of a sentence that has words (sumy smooths the zeros too: an absent
 * word weighs a). With A = U S V^T, sentence j scores
 *
 *   sqrt (sum over the kept dimensions i of s_i^2 v_ji^2),
 *
 * its length in the latent space of the strongest topics.
 *
 * Only S and V are needed, and they are the eigen-decomposition of the
 * k x k matrix A^T A = V S^2 V^T (LAPACK's dsyevd through LAPACKE): it
 * costs the sentences' words to form and k^2 memory, whatever the size of
 * the vocabulary, where an SVD of A itself would hold (words x k). The
 * smoothed zeros are folded in analytically: with z_j = 1 when sentence j
 * has words, x_wj = f_wj / max_j and V words in the block,
 *
 *   (A^T A)_jl = a^2 z_j z_l V + a (1-a) (z_j X_l + z_l X_j) + (1-a)^2 x_j . x_l,
 *
 * X_j the sum of x_wj. Articles of more than MAX_BLOCK candidates are cut
 * into consecutive blocks of BLOCK sentences, each decomposed on its own,
 * so the cost stays linear beyond that (BLOCK^2 a sentence). */
#include <abridge/plugin.h>

#include "grow.h"

#include <dlfcn.h>
#include <lapacke.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* LAPACKE is opened when the plugin is first instantiated, not linked: a
 * linked LAPACK (with BLAS and libgfortran behind it) is relocated by
 * every abridge that merely discovers the plugins, which doubled the
 * start-up of `abridge FILE` (bench/README.md). lapacke.h still checks
 * the call against the prototype. */
#ifndef LAPACKE_SONAME
#define LAPACKE_SONAME "liblapacke.so.3"
#endif
static __typeof__ (LAPACKE_dsyevd) *dsyevd;

/* A news article (20-60 sentences) is decomposed whole; the eigen-
 * decomposition costs about 10 k^3, so a block of 256 takes tens of ms
 * and beyond that blocks of 32 keep it near 4 us a sentence. */
#define MAX_BLOCK 256
#define BLOCK 32

typedef struct {
  uint32_t stem;
  double x; /* f / max of its sentence */
} Entry;

typedef struct {
  const abridge_host *host;
  double smooth;
  int64_t dimensions;

  /* Scratch reused from article to article (rank() never runs
   * concurrently on one instance). */
  uint32_t *nodes;  /* sentence index of each candidate */
  uint32_t *row;    /* node -> its first Entry; one more than nodes */
  Entry *entries;
  double *dense;    /* by stem: counts, then one sentence's x; 0 between uses */
  uint32_t *seen;   /* by stem: the last block that counted it, + 1 */
  double *gram;     /* k x k */
  double *work;     /* 2 k: eigenvalues, column sums */
  size_t nodes_cap, row_cap, entries_cap, dense_cap, seen_cap, gram_cap, work_cap;
} Lsa;

static const abridge_option lsa_options[] = {
  { "dimensions", ABRIDGE_OPTION_INT, "0",
    "latent dimensions kept: 0 = those whose singular value is at least half the largest "
    "(Steinberger & Jezek); N = the N strongest (sumy keeps them all: a large N)" },
  { "smooth", ABRIDGE_OPTION_DOUBLE, "0.4",
    "a in a + (1 - a) f / max, the weight of a word in a sentence, in [0, 1) (sumy: 0.4)" },
  { NULL, 0, NULL, NULL },
};

static void
lsa_cleanup (void *instance)
{
  Lsa *l = instance;
  if (l == NULL)
    return;
  free (l->nodes);
  free (l->row);
  free (l->entries);
  free (l->dense);
  free (l->seen);
  free (l->gram);
  free (l->work);
  free (l);
}

/* Instantiation is serialised by the host (the discovery thread class),
 * so the first one opens LAPACKE alone. */
static int
open_lapacke (const abridge_host *host, abridge_error *error)
{
  if (dsyevd != NULL)
    return 1;
  void *lib = dlopen (LAPACKE_SONAME, RTLD_NOW | RTLD_LOCAL);
  void *fn = lib != NULL ? dlsym (lib, "LAPACKE_dsyevd") : NULL;
  if (fn == NULL)
    {
      const char *why = dlerror ();
      host->set_error (error, why != NULL ? why : "no LAPACKE_dsyevd in " LAPACKE_SONAME);
      if (lib != NULL)
        dlclose (lib);
      return 0;
    }
  /* Kept open for the life of the process: the plugin is never unloaded
   * while an instance lives, and reopening costs the relocations again. */
  memcpy (&dsyevd, &fn, sizeof fn);
  return 1;
}

static void *
lsa_instantiate (const abridge_host *host, const abridge_options *options, abridge_error *error)
{
  if (!open_lapacke (host, error))
    return NULL;
  double smooth = host->option_double (options, "smooth");
  int64_t dimensions = host->option_int (options, "dimensions");
  if (!(smooth >= 0 && smooth < 1) || dimensions < 0)
    {
      host->set_error (error, "smooth must be in [0, 1) and dimensions not negative");
      return NULL;
    }
  Lsa *l = calloc (1, sizeof *l);
  if (l == NULL)
    {
      host->set_error (error, "out of memory");
      return NULL;
    }
  l->host = host;
  l->smooth = smooth;
  l->dimensions = dimensions;
  return l;
}

static int
is_word (const abridge_token *t)
{
  return !(t->flags & ABRIDGE_TOKEN_STOP);
}

/* Each node's distinct stems with f / max, in order of first occurrence. */
static int
build_columns (Lsa *l, const abridge_document *doc, uint32_t n_nodes)
{
  const abridge_host *host = l->host;
  size_t used = 0;
  if (!grow ((void **) &l->entries, &l->entries_cap, 1, sizeof (Entry), 0))
    return 0;
  for (uint32_t k = 0; k < n_nodes; k++)
    {
      l->row[k] = (uint32_t) used;
      uint32_t n;
      const abridge_token *tokens = host->sentence_tokens (doc, l->nodes[k], &n);
      for (uint32_t t = 0; t < n; t++)
        {
          if (!is_word (&tokens[t]))
            continue;
          uint32_t s = tokens[t].stem;
          if (l->dense[s]++ > 0)
            continue;
          if (!grow ((void **) &l->entries, &l->entries_cap, used + 1, sizeof (Entry), 0))
            {
              for (uint32_t u = 0; u <= t; u++) /* leave dense all 0 */
                l->dense[tokens[u].stem] = 0;
              return 0;
            }
          l->entries[used++].stem = s;
        }
      Entry *e = l->entries + l->row[k];
      uint32_t distinct = (uint32_t) (used - l->row[k]);
      double max = 0;
      for (uint32_t t = 0; t < distinct; t++)
        max = l->dense[e[t].stem] > max ? l->dense[e[t].stem] : max;
      for (uint32_t t = 0; t < distinct; t++)
        {
          e[t].x = l->dense[e[t].stem] / max;
          l->dense[e[t].stem] = 0;
        }
    }
  l->row[n_nodes] = (uint32_t) used;
  return 1;
}

/* A^T A of nodes [first, first + k), into l->gram (row-major, full). */
static void
gram_matrix (Lsa *l, uint32_t first, uint32_t k, uint32_t block_id)
{
  double a = l->smooth, b = 1.0 - a, *g = l->gram, *colsum = l->work + k;
  double vocabulary = 0;
  for (uint32_t j = 0; j < k; j++)
    {
      colsum[j] = 0;
      for (uint32_t e = l->row[first + j]; e < l->row[first + j + 1]; e++)
        {
          colsum[j] += l->entries[e].x;
          if (l->seen[l->entries[e].stem] != block_id)
            {
              l->seen[l->entries[e].stem] = block_id;
              vocabulary++;
            }
        }
    }
  for (uint32_t j = 0; j < k; j++)
    {
      const Entry *ej = l->entries + l->row[first + j], *end_j = l->entries + l->row[first + j + 1];
      for (const Entry *e = ej; e < end_j; e++)
        l->dense[e->stem] = e->x;
      int zj = ej < end_j;
      for (uint32_t m = j; m < k; m++)
        {
          const Entry *em = l->entries + l->row[first + m], *end_m = l->entries + l->row[first + m + 1];
          int zm = em < end_m;
          double dot = 0;
          for (const Entry *e = em; e < end_m; e++)
            dot += l->dense[e->stem];
          double v = a * a * zj * zm * vocabulary + a * b * (zj * colsum[m] + zm * colsum[j])
                     + b * b * dot;
          g[(size_t) j * k + m] = v;
          g[(size_t) m * k + j] = v;
        }
      for (const Entry *e = ej; e < end_j; e++)
        l->dense[e->stem] = 0;
    }
}

static int
rank_block (Lsa *l, uint32_t first, uint32_t k, uint32_t block_id, double *scores)
{
  double *g = l->gram, *eigen = l->work;
  gram_matrix (l, first, k, block_id);
  /* eigenvalues ascending; eigenvector i is column i of g */
  if (dsyevd (LAPACK_ROW_MAJOR, 'V', 'U', (lapack_int) k, g, (lapack_int) k, eigen) != 0)
    return 0;
  double largest = eigen[k - 1] > 0 ? eigen[k - 1] : 0;
  uint32_t lowest = 0; /* the first kept eigenvalue */
  if (l->dimensions > 0)
    lowest = (int64_t) k > l->dimensions ? k - (uint32_t) l->dimensions : 0;
  else
    while (lowest < k && eigen[lowest] < largest / 4) /* s_i >= s_max / 2 */
      lowest++;
  for (uint32_t j = 0; j < k; j++)
    {
      double sum = 0;
      for (uint32_t i = lowest; i < k; i++)
        {
          double v = g[(size_t) j * k + i], lambda = eigen[i] > 0 ? eigen[i] : 0;
          sum += lambda * v * v;
        }
      scores[l->nodes[first + j]] = sqrt (sum);
    }
  return 1;
}

static int
lsa_rank (void *instance, const abridge_document *doc, abridge_result *result)
{
  Lsa *l = instance;
  const abridge_host *host = l->host;
  uint32_t n = host->sentence_count (doc), n_stems = host->stem_count (doc);
  double *scores = host->result_scores (result);

  if (!grow ((void **) &l->nodes, &l->nodes_cap, (size_t) n + 1, sizeof *l->nodes, 0)
      || !grow ((void **) &l->row, &l->row_cap, (size_t) n + 2, sizeof *l->row, 0)
      || !grow ((void **) &l->dense, &l->dense_cap, (size_t) n_stems + 1, sizeof *l->dense, 1)
      || !grow ((void **) &l->seen, &l->seen_cap, (size_t) n_stems + 1, sizeof *l->seen, 1))
    goto oom;
  /* stem ids are the document's own: forget the previous article's blocks */
  memset (l->seen, 0, ((size_t) n_stems + 1) * sizeof *l->seen);

  uint32_t n_nodes = 0;
  for (uint32_t i = 0; i < n; i++)
    if (!(host->sentence_flags (doc, i) & (ABRIDGE_SENTENCE_BOILERPLATE | ABRIDGE_SENTENCE_TITLE)))
      l->nodes[n_nodes++] = i;
  if (n_nodes == 0)
    return 0;
  if (!build_columns (l, doc, n_nodes))
    goto oom;
  uint32_t block = n_nodes <= MAX_BLOCK ? n_nodes : BLOCK;
  if (!grow ((void **) &l->gram, &l->gram_cap, (size_t) block * block, sizeof *l->gram, 0)
      || !grow ((void **) &l->work, &l->work_cap, (size_t) 2 * block, sizeof *l->work, 0))
    goto oom;
  uint32_t id = 1;
  for (uint32_t first = 0; first < n_nodes; first += block, id++)
    if (!rank_block (l, first, n_nodes - first < block ? n_nodes - first : block, id, scores))
      {
        host->result_set_error (result, "the eigen-decomposition did not converge");
        return 1;
      }
  return 0;

oom:
  host->result_set_error (result, "out of memory");
  return 1;
}

static const abridge_plugin lsa_descriptor = {
  .struct_size = sizeof (abridge_plugin),
  .abi_version = ABRIDGE_ABI_VERSION,
  .id = "lsa",
  .name = "Latent semantic analysis",
  .version = "1.0.0",
  .description = "sentences strongest in the article's main latent topics (LSA, Steinberger & "
                 "Jezek)",
  .flags = 0,
  .options = lsa_options,
  .instantiate = lsa_instantiate,
  .rank = lsa_rank,
  .cleanup = lsa_cleanup,
  .extension_data = NULL,
};

ABRIDGE_PLUGIN_EXPORT const abridge_plugin *
abridge_plugin_descriptor (uint32_t host_abi, uint32_t index)
{
  if (ABRIDGE_ABI_VERSION_MAJOR (host_abi) != ABRIDGE_ABI_MAJOR || index > 0)
    return NULL;
  return &lsa_descriptor;
}
