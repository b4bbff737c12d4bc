/* centrality: sentences central to the article's similarity graph.
 * TextRank (Mihalcea & Tarau 2004) and LexRank (Erkan & Radev 2004) by
 * PageRank over the graph; PacSum (Zheng & Lapata 2019) by directed degree,
 * where similarity to the sentences that follow counts for a sentence and
 * similarity to those before it counts against it (news states first what
 * it later elaborates).
 *
 * Nodes are the candidate sentences (not boilerplate, not the title), and
 * unless skip_headings is off, prose only: headings and list items are
 * fragments whose few words make strong overlap edges, so they rank after
 * every prose sentence, in article order, as with the lead plugin;
 * edges their similarity over stemmed content words (stop words and
 * numbers out): TextRank's word overlap, or the cosine of tf-idf vectors
 * with idf from the host's background table.
 *
 * Cost: O(k^2 (w + i)) time for a graph of k sentences of w content words
 * and i power iterations (PageRank only; at most MAX_ITERATIONS), O(k^2)
 * memory, kept in the instance from article to article. A news article
 * (k ~ 20-60) costs microseconds. Articles of more than MAX_GRAPH
 * candidates are cut into consecutive graphs of BLOCK sentences, each
 * ranked on its own: linear in the article beyond that, so an input of
 * millions of sentences stays bounded (BLOCK^2 doubles, and
 * BLOCK (w + i) operations a sentence). */
#include <abridge/plugin.h>

#include "grow.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_GRAPH 512
#define BLOCK 128
/* PageRank's error after k steps is at most 2 d^k in L1; 100 steps of
 * d = 0.85 leave less than 1e-7, well past any ranking difference. */
#define MAX_ITERATIONS 100
#define TOLERANCE 1e-9

typedef enum { VARIANT_TEXTRANK, VARIANT_LEXRANK, VARIANT_PACSUM } Variant;
typedef enum { SIMILARITY_COSINE, SIMILARITY_OVERLAP } Similarity;

typedef struct {
  uint32_t stem;
  double weight;
} Entry;

typedef struct {
  const abridge_host *host;
  Variant variant;
  Similarity similarity;
  double damping;
  double threshold;
  double beta;
  double preceding;
  double following;
  int skip_headings;
  int64_t lead;

  /* Scratch reused from article to article: rank() never runs
   * concurrently on one instance, and articles mostly fit what the
   * previous ones needed, so ranking allocates nothing in the steady
   * state. */
  uint32_t *nodes;  /* sentence index of each node */
  uint32_t *row;    /* node -> its first Entry; one more than nodes */
  Entry *entries;   /* the sentence vectors: tf-idf of unit length, or 1 a stem */
  double *dense;    /* by stem id: a sentence's counts, or one vector; all 0 between uses */
  double *idf;      /* background idf by stem, 0 = not looked up yet */
  double *loglen;   /* ln (content words) of each node, for overlap */
  double *sim;      /* a block's similarity matrix, k x k */
  double *work;     /* 4 k: scores, p/degree, 1/degree, next iterate */
  size_t nodes_cap, row_cap, loglen_cap, entries_cap, dense_cap, idf_cap, sim_cap, work_cap;
} Centrality;

static const abridge_option centrality_options[] = {
  { "variant", ABRIDGE_OPTION_STRING, "pacsum",
    "pacsum (directed degree, position-aware), textrank (weighted PageRank) or lexrank "
    "(PageRank over edges above threshold)" },
  { "similarity", ABRIDGE_OPTION_STRING, "overlap",
    "overlap (shared words over ln |Si| + ln |Sj|, TextRank's own) or cosine (of tf-idf "
    "vectors)" },
  { "damping", ABRIDGE_OPTION_DOUBLE, "0.85",
    "textrank, lexrank: PageRank's damping factor, in (0, 1)" },
  { "threshold", ABRIDGE_OPTION_DOUBLE, "0.1",
    "lexrank: similarity an edge needs (edges are then unweighted); 0 = continuous LexRank, "
    "which is textrank" },
  { "beta", ABRIDGE_OPTION_DOUBLE, "0",
    "pacsum: edges count by how much they exceed min + beta (max - min) of the article's "
    "similarities, in [0, 1]" },
  { "preceding", ABRIDGE_OPTION_DOUBLE, "-1",
    "pacsum: weight of a sentence's edges to earlier sentences (lambda1), in [-1000, 1000]" },
  { "following", ABRIDGE_OPTION_DOUBLE, "1",
    "pacsum: weight of its edges to later sentences (lambda2), in [-1000, 1000]" },
  { "skip_headings", ABRIDGE_OPTION_BOOL, "true",
    "rank headings and list items (lines without final punctuation) after prose, outside "
    "the graph" },
  { "lead", ABRIDGE_OPTION_INT, "0",
    "the first N prose sentences rank first, in article order; centrality orders the rest "
    "(1 keeps the lede)" },
  { NULL, 0, NULL, NULL },
};

static void
centrality_cleanup (void *instance)
{
  Centrality *c = instance;
  if (c == NULL)
    return;
  free (c->nodes);
  free (c->row);
  free (c->loglen);
  free (c->entries);
  free (c->dense);
  free (c->idf);
  free (c->sim);
  free (c->work);
  free (c);
}

static void *
centrality_instantiate (const abridge_host *host, const abridge_options *options,
                        abridge_error *error)
{
  const char *variant = host->option_string (options, "variant");
  Variant v;
  if (strcmp (variant, "textrank") == 0)
    v = VARIANT_TEXTRANK;
  else if (strcmp (variant, "lexrank") == 0)
    v = VARIANT_LEXRANK;
  else if (strcmp (variant, "pacsum") == 0)
    v = VARIANT_PACSUM;
  else
    {
      host->set_error (error, "variant must be pacsum, textrank or lexrank, not '%s'", variant);
      return NULL;
    }
  const char *similarity = host->option_string (options, "similarity");
  Similarity sim;
  if (strcmp (similarity, "cosine") == 0)
    sim = SIMILARITY_COSINE;
  else if (strcmp (similarity, "overlap") == 0)
    sim = SIMILARITY_OVERLAP;
  else
    {
      host->set_error (error, "similarity must be cosine or overlap, not '%s'", similarity);
      return NULL;
    }
  double damping = host->option_double (options, "damping");
  double threshold = host->option_double (options, "threshold");
  double beta = host->option_double (options, "beta");
  if (!(damping > 0 && damping < 1))
    {
      host->set_error (error, "damping must be in (0, 1)");
      return NULL;
    }
  if (threshold < 0 || beta < 0 || beta > 1)
    {
      host->set_error (error, "threshold must not be negative, and beta must be in [0, 1]");
      return NULL;
    }
  Centrality *c = calloc (1, sizeof *c);
  if (c == NULL)
    {
      host->set_error (error, "out of memory");
      return NULL;
    }
  c->host = host;
  c->variant = v;
  c->similarity = sim;
  c->damping = damping;
  c->threshold = threshold;
  c->beta = beta;
  c->preceding = host->option_double (options, "preceding");
  c->following = host->option_double (options, "following");
  /* Beyond this a sum of weighted similarities may overflow to an infinity. */
  if (fabs (c->preceding) > 1000 || fabs (c->following) > 1000)
    {
      host->set_error (error, "preceding and following must be in [-1000, 1000]");
      free (c);
      return NULL;
    }
  c->skip_headings = host->option_bool (options, "skip_headings");
  c->lead = host->option_int (options, "lead");
  if (c->lead < 0)
    {
      host->set_error (error, "lead must not be negative");
      free (c);
      return NULL;
    }
  return c;
}

static int
is_content (const abridge_token *t)
{
  return !(t->flags & (ABRIDGE_TOKEN_STOP | ABRIDGE_TOKEN_NUMBER));
}

/* Each node's vector, one entry per distinct stem (in order of first
 * occurrence): for cosine its tf-idf scaled to unit length, for overlap 1
 * a stem, with the log of its number of content words beside it. A
 * sentence without content words has no entries, and no edges. Counting
 * goes through the dense array, so a sentence costs its length and takes
 * memory for its distinct stems only, however long it runs. */
static int
build_vectors (Centrality *c, const abridge_document *doc, uint32_t n_nodes)
{
  const abridge_host *host = c->host;
  size_t used = 0;
  /* Never NULL, even when no sentence has a content word: the rows are
   * offsets from it, and an offset from NULL is undefined even when 0. */
  if (!grow ((void **) &c->entries, &c->entries_cap, 1, sizeof (Entry), 0))
    return 0;
  for (uint32_t k = 0; k < n_nodes; k++)
    {
      c->row[k] = (uint32_t) used;
      uint32_t n, m = 0;
      const abridge_token *tokens = host->sentence_tokens (doc, c->nodes[k], &n);
      for (uint32_t t = 0; t < n; t++)
        {
          if (!is_content (&tokens[t]))
            continue;
          uint32_t s = tokens[t].stem;
          m++;
          if (c->dense[s]++ > 0)
            continue;
          if (!grow ((void **) &c->entries, &c->entries_cap, used + 1, sizeof (Entry), 0))
            {
              for (uint32_t u = 0; u <= t; u++) /* leave dense all 0 */
                c->dense[tokens[u].stem] = 0;
              return 0;
            }
          c->entries[used++].stem = s;
        }
      Entry *e = c->entries + c->row[k];
      uint32_t distinct = (uint32_t) (used - c->row[k]);
      c->loglen[k] = m > 0 ? log (m) : 0;
      double norm = 0;
      for (uint32_t t = 0; t < distinct; t++)
        {
          uint32_t s = e[t].stem;
          if (c->similarity == SIMILARITY_OVERLAP)
            e[t].weight = 1.0;
          else
            {
              if (c->idf[s] == 0)
                c->idf[s] = host->background_idf (doc, s);
              e[t].weight = c->dense[s] * c->idf[s];
              norm += e[t].weight * e[t].weight;
            }
          c->dense[s] = 0;
        }
      norm = sqrt (norm);
      for (uint32_t t = 0; t < distinct && norm > 0; t++)
        e[t].weight /= norm;
    }
  c->row[n_nodes] = (uint32_t) used;
  return 1;
}

/* The similarity matrix of nodes [first, first + k), diagonal 0. */
static void
similarities (Centrality *c, uint32_t first, uint32_t k)
{
  double *sim = c->sim;
  for (uint32_t a = 0; a < k; a++)
    {
      const Entry *ea = c->entries + c->row[first + a], *end_a = c->entries + c->row[first + a + 1];
      for (const Entry *e = ea; e < end_a; e++)
        c->dense[e->stem] = e->weight;
      sim[(size_t) a * k + a] = 0;
      for (uint32_t b = a + 1; b < k; b++)
        {
          double dot = 0;
          for (const Entry *e = c->entries + c->row[first + b],
                           *end_b = c->entries + c->row[first + b + 1];
               e < end_b; e++)
            dot += c->dense[e->stem];
          if (c->similarity == SIMILARITY_OVERLAP)
            {
              /* two one-word sentences: their overlap is 0 or 1 as it is */
              double norm = c->loglen[first + a] + c->loglen[first + b];
              dot = norm > 1e-9 ? dot / norm : dot;
            }
          else /* rounding may carry identical sentences a hair past 1 */
            dot = dot > 1 ? 1 : dot;
          sim[(size_t) a * k + b] = dot;
          sim[(size_t) b * k + a] = dot;
        }
      for (const Entry *e = ea; e < end_a; e++)
        c->dense[e->stem] = 0;
    }
}

/* Weighted PageRank over the symmetric matrix W (k x k, zero diagonal):
 * p' = (1 - d)/k + d (W D^-1 p + dangling/k), D the diagonal of row sums;
 * the rank of sentences without edges (dangling) is spread over all, so p
 * stays a distribution. Starts uniform, stops when a step moves less than
 * TOLERANCE in L1, or after MAX_ITERATIONS. Writes k scores summing to 1
 * into OUT; WORK holds 3 k doubles. */
static void
pagerank (const double *w, uint32_t k, double d, double *out, double *work)
{
  double *scaled = work, *inv_degree = work + k, *next = work + 2 * k;
  for (uint32_t i = 0; i < k; i++)
    {
      double sum = 0;
      for (uint32_t j = 0; j < k; j++)
        sum += w[(size_t) i * k + j];
      inv_degree[i] = sum > 0 ? 1.0 / sum : 0.0;
      out[i] = 1.0 / k;
    }
  for (int it = 0; it < MAX_ITERATIONS; it++)
    {
      double dangling = 0;
      for (uint32_t j = 0; j < k; j++)
        {
          if (inv_degree[j] == 0)
            dangling += out[j];
          scaled[j] = out[j] * inv_degree[j];
        }
      double base = (1.0 - d + d * dangling) / k, moved = 0;
      for (uint32_t i = 0; i < k; i++)
        {
          /* W is symmetric: row i holds the edges into i */
          const double *wi = w + (size_t) i * k;
          double sum = 0;
          for (uint32_t j = 0; j < k; j++)
            sum += wi[j] * scaled[j];
          next[i] = base + d * sum;
          moved += fabs (next[i] - out[i]);
        }
      memcpy (out, next, k * sizeof *out);
      if (moved < TOLERANCE)
        break;
    }
}

/* PacSum's directed degree over the block's matrix: edges above min +
 * beta (max - min) of the off-diagonal similarities count by their excess,
 * towards later sentences with weight following, towards earlier ones
 * with weight preceding. */
static void
pacsum (const Centrality *c, const double *w, uint32_t k, double *out)
{
  double lo = INFINITY, hi = -INFINITY;
  for (uint32_t i = 0; i < k; i++)
    for (uint32_t j = i + 1; j < k; j++)
      {
        double v = w[(size_t) i * k + j];
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
      }
  double cut = k > 1 ? lo + c->beta * (hi - lo) : 0;
  for (uint32_t i = 0; i < k; i++)
    out[i] = 0;
  for (uint32_t i = 0; i < k; i++)
    for (uint32_t j = i + 1; j < k; j++)
      {
        double excess = w[(size_t) i * k + j] - cut;
        if (excess > 0)
          {
            out[i] += c->following * excess; /* j follows i */
            out[j] += c->preceding * excess; /* i precedes j */
          }
      }
}

static void
rank_block (Centrality *c, uint32_t first, uint32_t k, double *scores)
{
  double *w = c->sim, *rank = c->work;
  similarities (c, first, k);
  if (c->variant == VARIANT_LEXRANK && c->threshold > 0)
    for (size_t x = 0; x < (size_t) k * k; x++)
      w[x] = w[x] >= c->threshold ? 1.0 : 0.0;
  if (c->variant == VARIANT_PACSUM)
    pacsum (c, w, k, rank);
  else
    {
      pagerank (w, k, c->damping, rank, c->work + k);
      /* k times the stationary probability: 1 on average in every block */
      for (uint32_t i = 0; i < k; i++)
        rank[i] *= k;
    }
  for (uint32_t i = 0; i < k; i++)
    scores[c->nodes[first + i]] = rank[i];
}

/* The lead option: the first prose sentences above every other, the
 * earlier first. The inverted pyramid puts the news in the opening
 * sentences, which centrality can miss (an opening that shares few words
 * with the quotes and detail after it); the rest keep their centrality
 * order below them. */
static void
place_lead (const Centrality *c, uint32_t n_nodes, double *scores)
{
  uint32_t lead = c->lead < (int64_t) n_nodes ? (uint32_t) c->lead : n_nodes;
  double hi = scores[c->nodes[0]];
  for (uint32_t k = 1; k < n_nodes; k++)
    hi = scores[c->nodes[k]] > hi ? scores[c->nodes[k]] : hi;
  for (uint32_t k = 0; k < lead; k++)
    scores[c->nodes[k]] = hi + 1.0 + (double) (lead - k);
}

/* Headings and list items, when skipped: below every one of the N_NODES
 * prose sentences, the earlier first. */
static void
place_headings (const Centrality *c, const abridge_document *doc, uint32_t n_nodes,
                uint32_t n_headings, double *scores)
{
  const abridge_host *host = c->host;
  double lo = 0;
  for (uint32_t k = 0; k < n_nodes; k++)
    lo = k == 0 || scores[c->nodes[k]] < lo ? scores[c->nodes[k]] : lo;
  uint32_t n = host->sentence_count (doc), h = 0;
  for (uint32_t i = 0; i < n; i++)
    {
      uint32_t flags = host->sentence_flags (doc, i);
      if ((flags & ABRIDGE_SENTENCE_HEADING)
          && !(flags & (ABRIDGE_SENTENCE_BOILERPLATE | ABRIDGE_SENTENCE_TITLE)))
        scores[i] = lo - 1.0 - (double) h++ / n_headings;
    }
}

static int
centrality_rank (void *instance, const abridge_document *doc, abridge_result *result)
{
  Centrality *c = instance;
  const abridge_host *host = c->host;
  uint32_t n = host->sentence_count (doc), n_stems = host->stem_count (doc);
  double *scores = host->result_scores (result);

  if (!grow ((void **) &c->nodes, &c->nodes_cap, (size_t) n + 1, sizeof *c->nodes, 0)
      || !grow ((void **) &c->row, &c->row_cap, (size_t) n + 2, sizeof *c->row, 0)
      || !grow ((void **) &c->loglen, &c->loglen_cap, (size_t) n + 1, sizeof *c->loglen, 0)
      || !grow ((void **) &c->dense, &c->dense_cap, (size_t) n_stems + 1, sizeof *c->dense, 1)
      || (c->similarity == SIMILARITY_COSINE
          && !grow ((void **) &c->idf, &c->idf_cap, (size_t) n_stems + 1, sizeof *c->idf, 0)))
    goto oom;
  /* stem ids are the document's own: forget the previous article's idf */
  if (c->similarity == SIMILARITY_COSINE)
    memset (c->idf, 0, ((size_t) n_stems + 1) * sizeof *c->idf);

  uint32_t n_nodes = 0, n_headings = 0;
  uint32_t skip = ABRIDGE_SENTENCE_BOILERPLATE | ABRIDGE_SENTENCE_TITLE;
  for (uint32_t i = 0; i < n; i++)
    {
      uint32_t flags = host->sentence_flags (doc, i);
      if (flags & skip)
        continue;
      if (c->skip_headings && (flags & ABRIDGE_SENTENCE_HEADING))
        n_headings++;
      else
        c->nodes[n_nodes++] = i;
    }
  if (n_nodes > 0 && !build_vectors (c, doc, n_nodes))
    goto oom;

  uint32_t block = n_nodes <= MAX_GRAPH ? n_nodes : BLOCK;
  if (n_nodes > 0
      && (!grow ((void **) &c->sim, &c->sim_cap, (size_t) block * block, sizeof *c->sim, 0)
          || !grow ((void **) &c->work, &c->work_cap, (size_t) 4 * block, sizeof *c->work,
                       0)))
    goto oom;
  for (uint32_t first = 0; first < n_nodes; first += block)
    rank_block (c, first, n_nodes - first < block ? n_nodes - first : block, scores);
  if (c->lead > 0 && n_nodes > 0)
    place_lead (c, n_nodes, scores);
  if (n_headings > 0)
    place_headings (c, doc, n_nodes, n_headings, scores);
  return 0;

oom:
  host->result_set_error (result, "out of memory");
  return 1;
}

static const abridge_plugin centrality_descriptor = {
  .struct_size = sizeof (abridge_plugin),
  .abi_version = ABRIDGE_ABI_VERSION,
  .id = "centrality",
  .name = "Graph centrality",
  .version = "1.0.0",
  .description = "sentences central to the article's similarity graph (PacSum, TextRank, "
                 "LexRank)",
  .flags = 0,
  .options = centrality_options,
  .instantiate = centrality_instantiate,
  .rank = centrality_rank,
  .cleanup = centrality_cleanup,
  .extension_data = NULL,
};

ABRIDGE_PLUGIN_EXPORT const abridge_plugin *
abridge_plugin_descriptor (uint32_t host_abi, uint32_t index)
{
  if (ABRIDGE_ABI_VERSION_MAJOR (host_abi) != ABRIDGE_ABI_MAJOR || index > 0)
    return NULL;
  return &centrality_descriptor;
}
