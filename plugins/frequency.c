/* frequency: sentences carrying the article's most frequent content words
 * (SumBasic, Nenkova & Vanderwende 2005; tf-idf centroid), with redundancy
 * handled by SumBasic's weight update; and sumy's frequency methods, Luhn's
 * clusters of significant words (frequency-luhn.c) and KL-Sum
 * (frequency-klsum.c). */
#include "frequency.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Greedy re-weighting costs a pass over the article per pick; past this
 * many picks the rest keep their first-round scores (bounded time on
 * hostile inputs, and no brief is this long). */
#define MAX_GREEDY_PICKS 64

typedef enum { VARIANT_SUMBASIC, VARIANT_TFIDF, VARIANT_LUHN, VARIANT_KLSUM } Variant;

typedef struct {
  const abridge_host *host;
  Variant variant;
  int use_idf;
  double length_power;
  double redundancy;
  double lead;
  double norm[256]; /* words^length_power for short sentences, without pow() */
  FrequencyArena arena;
} Frequency;

static const abridge_option frequency_options[] = {
  { "variant", ABRIDGE_OPTION_STRING, "tfidf",
    "tfidf (term frequency x background idf), sumbasic (word probability), luhn (clusters "
    "of significant words) or klsum (smallest KL divergence from the article's words)" },
  { "idf", ABRIDGE_OPTION_BOOL, "true",
    "tfidf: weight words by their background inverse document frequency" },
  { "length_power", ABRIDGE_OPTION_DOUBLE, "0.3",
    "tfidf, sumbasic: a sentence's weight is its words' sum over (content words)^p: 1 = "
    "mean, 0 = sum" },
  { "redundancy", ABRIDGE_OPTION_DOUBLE, "2",
    "tfidf, sumbasic: after a pick, its words' weights are raised to this power (SumBasic: "
    "2; 1 = off), in [1, 1000]" },
  { "lead", ABRIDGE_OPTION_DOUBLE, "10",
    "tfidf, sumbasic: a word's occurrence in the k-th candidate sentence counts 1 + lead/k: "
    "news states its topic first (0 = position-blind), in [0, 1000]" },
  { NULL, 0, NULL, NULL },
};

static void *
frequency_instantiate (const abridge_host *host, const abridge_options *options,
                       abridge_error *error)
{
  const char *variant = host->option_string (options, "variant");
  Variant v;
  if (strcmp (variant, "sumbasic") == 0)
    v = VARIANT_SUMBASIC;
  else if (strcmp (variant, "tfidf") == 0)
    v = VARIANT_TFIDF;
  else if (strcmp (variant, "luhn") == 0)
    v = VARIANT_LUHN;
  else if (strcmp (variant, "klsum") == 0)
    v = VARIANT_KLSUM;
  else
    {
      host->set_error (error, "variant must be tfidf, sumbasic, luhn or klsum, not '%s'",
                       variant);
      return NULL;
    }
  double power = host->option_double (options, "length_power");
  double redundancy = host->option_double (options, "redundancy");
  if (!(power >= 0 && power <= 1 && redundancy >= 1 && redundancy <= 1000))
    {
      host->set_error (error, "length_power must be in [0, 1] and redundancy in [1, 1000]");
      return NULL;
    }
  Frequency *f = calloc (1, sizeof *f);
  if (f == NULL)
    {
      host->set_error (error, "out of memory");
      return NULL;
    }
  f->host = host;
  f->variant = v;
  f->use_idf = host->option_bool (options, "idf");
  f->length_power = power;
  f->redundancy = redundancy;
  f->lead = host->option_double (options, "lead");
  for (int k = 0; k < 256; k++)
    f->norm[k] = pow (k, power);
  /* Beyond 1000 the weights of a long article's first words may overflow. */
  if (!(f->lead >= 0 && f->lead <= 1000))
    {
      host->set_error (error, "lead must be in [0, 1000]");
      free (f);
      return NULL;
    }
  return f;
}

static int
is_content (const abridge_token *t)
{
  return !(t->flags & (ABRIDGE_TOKEN_STOP | ABRIDGE_TOKEN_NUMBER));
}

/* The content words of the candidate sentences, as stems, read from the
 * tokens once: every pass below walks these instead of the tokens. */
typedef struct {
  uint32_t *stems;          /* sentence after sentence */
  uint32_t *at;             /* sentence i's are stems[at[i], at[i + 1]) */
  unsigned char *candidate; /* a candidate may have no content word */
} Content;

static int
content_read (const abridge_host *host, const abridge_document *doc, uint32_t n,
              FrequencyArena *arena, Content *c)
{
  c->at = frequency_arena_take (arena, n + 1, sizeof *c->at, 0);
  c->candidate = frequency_arena_take (arena, n + 1, 1, 0);
  c->stems = NULL;
  if (c->at == NULL || c->candidate == NULL)
    return 0;
  size_t tokens_total = 0;
  for (uint32_t i = 0; i < n; i++)
    {
      c->candidate[i] = (unsigned char) frequency_is_candidate (host, doc, i);
      uint32_t k = 0;
      if (c->candidate[i])
        host->sentence_tokens (doc, i, &k);
      tokens_total += k;
    }
  c->stems = frequency_arena_take (arena, tokens_total + 1, sizeof *c->stems, 0);
  if (c->stems == NULL)
    return 0;
  uint32_t m = 0;
  for (uint32_t i = 0; i < n; i++)
    {
      c->at[i] = m;
      if (!c->candidate[i])
        continue;
      uint32_t k;
      const abridge_token *tokens = host->sentence_tokens (doc, i, &k);
      /* Stored always, kept when content: a branch on the flags guesses
       * wrong on about every other word. The array has room for all. */
      for (uint32_t t = 0; t < k; t++)
        {
          c->stems[m] = tokens[t].stem;
          m += (uint32_t) is_content (&tokens[t]);
        }
    }
  c->at[n] = m;
  return 1;
}

/* Initial word weights in [0, 1]: SumBasic's probabilities, or tf-idf
 * scaled by its maximum so that squaring always lowers a weight. */
static void
initial_weights (const Frequency *f, const abridge_document *doc, double *w, uint32_t n_stems,
                 const double *tf)
{
  const abridge_host *host = f->host;
  double total = 0, max = 0;
  for (uint32_t s = 0; s < n_stems; s++)
    {
      w[s] = 0;
      if (tf[s] <= 0)
        continue;
      w[s] = f->variant == VARIANT_TFIDF && f->use_idf ? tf[s] * host->background_idf (doc, s) : tf[s];
      total += w[s];
      if (w[s] > max)
        max = w[s];
    }
  double scale = f->variant == VARIANT_SUMBASIC ? total : max;
  for (uint32_t s = 0; s < n_stems && scale > 0; s++)
    w[s] /= scale;
}

/* A sentence's score from its content words' weights: their SUM over
 * WORDS^length_power. */
static double
weight_of (const Frequency *f, double sum, uint32_t words)
{
  if (words == 0)
    return 0.0;
  return sum / (words < 256 ? f->norm[words] : pow (words, f->length_power));
}

/* SumBasic's loop over an inverted index (stem -> its occurrences). Each
 * candidate's first score is its sum of word weights, summed while the
 * index is counted: one pass over the words fewer than scoring first. */
static int
greedy (Frequency *f, const Content *c, uint32_t n, uint32_t n_stems, double *scores,
        double *w, uint32_t picks)
{
  FrequencyArena *arena = &f->arena;
  uint32_t total = c->at[n];
  uint32_t *start = frequency_arena_take (arena, n_stems + 2, sizeof *start, 1);
  double *sum = frequency_arena_take (arena, n + 1, sizeof *sum, 1);
  unsigned char *done_stem = frequency_arena_take (arena, n_stems + 1, 1, 1);
  uint32_t *occurs = frequency_arena_take (arena, total + 1, sizeof *occurs, 0);
  uint32_t *fill = frequency_arena_take (arena, n_stems + 1, sizeof *fill, 0);
  /* The candidates not picked yet, in sentence order (ties go to the
   * earlier): a round scans these alone, where a test of each sentence
   * for "picked" was a branch the predictor missed more each round. */
  uint32_t *live = frequency_arena_take (arena, n + 1, sizeof *live, 0);
  if (start == NULL || sum == NULL || done_stem == NULL || occurs == NULL || fill == NULL
      || live == NULL)
    return 0;
  uint32_t n_live = 0;
  for (uint32_t i = 0; i < n; i++)
    {
      live[n_live] = i;
      n_live += c->candidate[i] != 0;
    }

  for (uint32_t i = 0; i < n; i++)
    {
      if (!c->candidate[i])
        continue;
      for (uint32_t o = c->at[i]; o < c->at[i + 1]; o++)
        {
          start[c->stems[o] + 1]++;
          sum[i] += w[c->stems[o]];
        }
      scores[i] = weight_of (f, sum[i], c->at[i + 1] - c->at[i]);
    }
  for (uint32_t s = 0; s < n_stems; s++)
    start[s + 1] += start[s];
  memcpy (fill, start, n_stems * sizeof *fill);
  for (uint32_t i = 0; i < n; i++)
    for (uint32_t o = c->at[i]; o < c->at[i + 1]; o++)
      occurs[fill[c->stems[o]]++] = i;

  for (uint32_t round = 0; round < picks; round++)
    {
      uint32_t best = UINT32_MAX, best_at = 0;
      double best_score = -1;
      for (uint32_t k = 0; k < n_live; k++)
        {
          uint32_t i = live[k];
          double value = weight_of (f, sum[i], c->at[i + 1] - c->at[i]);
          if (value > best_score)
            {
              best_score = value;
              best = i;
              best_at = k;
            }
        }
      if (best == UINT32_MAX)
        break;
      memmove (live + best_at, live + best_at + 1, (n_live - best_at - 1) * sizeof *live);
      n_live--;
      scores[best] = 2.0 + (double) (picks - round); /* above any weight (<= 1) */
      if (round + 1 == picks)
        break; /* no round left to read the lowered weights */
      for (uint32_t o = c->at[best]; o < c->at[best + 1]; o++)
        {
          uint32_t stem = c->stems[o];
          if (done_stem[stem])
            continue;
          /* SumBasic lowers each word of the pick once, however often it
           * occurs in it. */
          done_stem[stem] = 1;
          /* The default squares: no pow() for it. */
          double lowered = f->redundancy == 2 ? w[stem] * w[stem] : pow (w[stem], f->redundancy);
          double delta = lowered - w[stem];
          w[stem] = lowered;
          for (uint32_t at = start[stem]; at < start[stem + 1]; at++)
            sum[occurs[at]] += delta;
        }
      for (uint32_t o = c->at[best]; o < c->at[best + 1]; o++)
        done_stem[c->stems[o]] = 0;
    }
  return 1;
}

/* tf-idf and SumBasic; 0, or 1 when out of memory. */
static int
rank_by_weights (Frequency *f, const abridge_document *doc, double *scores)
{
  const abridge_host *host = f->host;
  uint32_t n = host->sentence_count (doc), n_stems = host->stem_count (doc);
  Content c;
  double *w = frequency_arena_take (&f->arena, n_stems + 1, sizeof *w, 0);
  double *tf = frequency_arena_take (&f->arena, n_stems + 1, sizeof *tf, 1);
  if (w == NULL || tf == NULL || !content_read (host, doc, n, &f->arena, &c))
    return 1;

  /* Content-word frequencies over candidate sentences, earlier ones
   * counting more when the lead option asks. */
  uint32_t position = 0;
  for (uint32_t i = 0; i < n; i++)
    {
      if (!c.candidate[i])
        continue;
      double weight = 1.0 + f->lead / ++position;
      for (uint32_t o = c.at[i]; o < c.at[i + 1]; o++)
        tf[c.stems[o]] += weight;
    }
  initial_weights (f, doc, w, n_stems, tf);

  /* Greedy picks: the best sentence, then its words count for less.
   * Picked sentences score above every unpicked one, in pick order. Each
   * sentence keeps its sum of word weights; a pick changes only the sums
   * of the sentences sharing its words, found through an inverted index,
   * so a round costs the pick's words, not the whole article. */
  uint32_t picks = position < MAX_GREEDY_PICKS ? position : MAX_GREEDY_PICKS;
  if (f->redundancy > 1 && picks > 0)
    return greedy (f, &c, n, n_stems, scores, w, picks) ? 0 : 1;
  for (uint32_t i = 0; i < n; i++)
    if (c.candidate[i])
      {
        double sum = 0;
        for (uint32_t o = c.at[i]; o < c.at[i + 1]; o++)
          sum += w[c.stems[o]];
        scores[i] = weight_of (f, sum, c.at[i + 1] - c.at[i]);
      }
  return 0;
}

static int
frequency_rank (void *instance, const abridge_document *doc, abridge_result *result)
{
  Frequency *f = instance;
  const abridge_host *host = f->host;
  double *scores = host->result_scores (result);
  frequency_arena_reset (&f->arena);
  int failed = f->variant == VARIANT_LUHN    ? frequency_luhn (host, doc, scores)
               : f->variant == VARIANT_KLSUM ? frequency_klsum (host, doc, scores, MAX_GREEDY_PICKS)
                                             : rank_by_weights (f, doc, scores);
  if (failed)
    host->result_set_error (result, "out of memory");
  return failed ? 1 : 0;
}

static void
frequency_cleanup (void *instance)
{
  Frequency *f = instance;
  frequency_arena_free (&f->arena);
  free (f);
}

static const abridge_plugin frequency_descriptor = {
  .struct_size = sizeof (abridge_plugin),
  .abi_version = ABRIDGE_ABI_VERSION,
  .id = "frequency",
  .name = "Word frequency",
  .version = "1.0.0",
  .description = "sentences dense in the article's frequent content words (tf-idf, SumBasic, "
                 "Luhn, KL-Sum)",
  .flags = 0,
  .options = frequency_options,
  .instantiate = frequency_instantiate,
  .rank = frequency_rank,
  .cleanup = frequency_cleanup,
  .extension_data = NULL,
};

ABRIDGE_PLUGIN_EXPORT const abridge_plugin *
abridge_plugin_descriptor (uint32_t host_abi, uint32_t index)
{
  if (ABRIDGE_ABI_VERSION_MAJOR (host_abi) != ABRIDGE_ABI_MAJOR || index > 0)
    return NULL;
  return &frequency_descriptor;
}
