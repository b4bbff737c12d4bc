/* The engine: plugin instances, score fusion by normalised rank, and
 * selection within a budget. */
#include "config.h"
#include "engine/engine.h"
#include "text/scored.h"

#include <math.h>
#include <string.h>

#include "text/document.h"
#include "engine/host.h"
#include "engine/options.h"
#include "engine/registry.h"
#include "engine/similarity.h"
#include "text/paragraphs.h"
#include "engine/watch.h"

typedef struct {
  const abridge_plugin_entry *entry;
  abr_host_context host; /* its address is what the plugin holds */
  abridge_options *options;
  void *instance;
  double weight;
} Member;

struct abridge_engine {
  char *name;
  GPtrArray *members; /* Member* */
};

/* Plugins flagged SERIAL never rank concurrently, whatever the instance. */
static GMutex serial_lock;

static void
member_free (gpointer data)
{
  Member *m = data;
  if (m->instance != NULL && m->entry->descriptor->cleanup != NULL)
    {
      abr_registry_lock ();
      abr_watch_plugin (m->entry->descriptor->id);
      m->entry->descriptor->cleanup (m->instance);
      abr_watch_plugin (NULL);
      abr_registry_unlock ();
    }
  abr_options_free (m->options);
  g_free (m);
}

/* The "key=value" parts of the "-O plugin.key=value" strings for ID. */
static void
options_for (const char *id, const char *const *options, GPtrArray *out)
{
  gsize id_len = strlen (id);
  for (const char *const *o = options; o != NULL && *o != NULL; o++)
    if (strncmp (*o, id, id_len) == 0 && (*o)[id_len] == '.')
      g_ptr_array_add (out, (gpointer) (*o + id_len + 1));
}

/* An option for a plugin that is not in the engine is a usage error: most
 * likely a typo. */
static gboolean
check_option_targets (const char *const *options, GPtrArray *members, GError **error)
{
  for (const char *const *o = options; o != NULL && *o != NULL; o++)
    {
      const char *dot = strchr (*o, '.');
      const char *eq = strchr (*o, '=');
      if (dot == NULL || (eq != NULL && eq < dot) || dot == *o)
        {
          g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                       "plugin option '%s' is not PLUGIN.KEY=VALUE", *o);
          return FALSE;
        }
      gboolean found = FALSE;
      for (guint i = 0; i < members->len && !found; i++)
        {
          const char *id = ((Member *) members->pdata[i])->entry->descriptor->id;
          found = strlen (id) == (gsize) (dot - *o) && strncmp (id, *o, (gsize) (dot - *o)) == 0;
        }
      if (!found)
        {
          g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                       "option '%s' is for plugin '%.*s', which is not selected (-p)", *o,
                       (int) (dot - *o), *o);
          return FALSE;
        }
    }
  return TRUE;
}

static Member *
member_new (abridge_registry *registry, const char *spec, const char *const *options,
            GError **error)
{
  /* "id" or "id:weight" */
  char **parts = g_strsplit (spec, ":", 2);
  char *id = g_strstrip (parts[0]);
  double weight = 1.0;
  if (parts[1] != NULL)
    {
      char *end = NULL;
      weight = g_ascii_strtod (parts[1], &end);
      if (end == parts[1] || *end != '\0' || !isfinite (weight) || weight <= 0)
        {
          g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                       "plugin weight in '%s' must be a positive number", spec);
          g_strfreev (parts);
          return NULL;
        }
    }
  const abridge_plugin_entry *entry = abridge_registry_find (registry, id);
  if (entry == NULL)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "no plugin '%s' (abridge plugins lists those found)", id);
      g_strfreev (parts);
      return NULL;
    }
  g_strfreev (parts);

  Member *m = g_new0 (Member, 1);
  m->entry = entry;
  m->weight = weight;
  abr_host_context_init (&m->host, entry->descriptor->id);

  GPtrArray *mine = g_ptr_array_new ();
  options_for (entry->descriptor->id, options, mine);
  m->options = abr_options_new (entry->descriptor, mine, error);
  guint n_set = mine->len;
  g_ptr_array_unref (mine);
  if (m->options == NULL)
    {
      member_free (m);
      return NULL;
    }

  abridge_error plugin_error = { NULL };
  abr_registry_lock ();
  abr_watch_plugin (entry->descriptor->id);
  m->instance = entry->descriptor->instantiate (&m->host.table, m->options, &plugin_error);
  abr_watch_plugin (NULL);
  abr_registry_unlock ();
  if (m->instance == NULL)
    {
      /* The options the user set are all a plugin is given when it
       * starts: refusing to start with some is refusing a value out of
       * its range, a usage error like a value of the wrong type. */
      g_set_error (error, ABRIDGE_ERROR, n_set > 0 ? ABRIDGE_ERROR_USAGE : ABRIDGE_ERROR_PLUGIN,
                   "plugin '%s': %s", entry->descriptor->id,
                   plugin_error.message != NULL ? plugin_error.message : "failed to start");
      g_free (plugin_error.message);
      member_free (m);
      return NULL;
    }
  g_free (plugin_error.message);
  return m;
}

abridge_engine *
abridge_engine_new (abridge_registry *registry, const char *plugins, const char *const *options,
                    GError **error)
{
  abridge_engine *engine = g_new0 (abridge_engine, 1);
  engine->name = g_strdup (plugins);
  engine->members = g_ptr_array_new_with_free_func (member_free);

  /* One separator: in `abridge eval`, ',' separates the systems compared. */
  if (strchr (plugins, ',') != NULL)
    {
      char *fused = g_strdelimit (g_strdup (plugins), ",", '+');
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "plugins are fused with '+', not ',': -p %s", fused);
      g_free (fused);
      abridge_engine_free (engine);
      return NULL;
    }
  char **specs = g_strsplit (plugins, "+", -1);
  for (char **spec = specs; *spec != NULL; spec++)
    {
      if (g_strstrip (*spec)[0] == '\0')
        continue;
      Member *m = member_new (registry, *spec, options, error);
      if (m == NULL)
        break;
      g_ptr_array_add (engine->members, m);
    }
  g_strfreev (specs);

  if ((error != NULL && *error != NULL) || engine->members->len == 0
      || !check_option_targets (options, engine->members, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE, "no plugin selected");
      abridge_engine_free (engine);
      return NULL;
    }
  return engine;
}

void
abridge_engine_free (abridge_engine *engine)
{
  if (engine == NULL)
    return;
  g_ptr_array_unref (engine->members);
  g_free (engine->name);
  g_free (engine);
}

const char *
abridge_engine_name (const abridge_engine *engine)
{
  return engine->name;
}

/* ---- ranking ------------------------------------------------------------- */

/* The normalised rank of a sentence a plugin has no opinion of. */
#define ABSTAINED_RANK 0.5

/* The candidate sentences with their SCORES, best first (those scored
 * NaN left out when SKIP_NAN). Written in place, then cut to size: an
 * append a sentence was a call and a copy of a size GLib does not know. */
static GArray *
candidates_best_first (const abridge_document *doc, const double *scores, gboolean skip_nan)
{
  uint32_t n = abridge_document_sentence_count (doc);
  GArray *c = g_array_sized_new (FALSE, FALSE, sizeof (abr_scored), n);
  g_array_set_size (c, n);
  guint m = 0;
  for (uint32_t i = 0; i < n; i++)
    if (abridge_document_sentence_is_candidate (doc, i) && !(skip_nan && isnan (scores[i])))
      g_array_index (c, abr_scored, m++) = (abr_scored) { i, scores[i] };
  g_array_set_size (c, m);
  g_array_sort (c, abr_scored_best_first);
  return c;
}

void
abr_normalised_rank (const abridge_document *doc, const double *scores, double *ranked)
{
  uint32_t n = abridge_document_sentence_count (doc);
  for (uint32_t i = 0; i < n; i++)
    ranked[i] = NAN;
  GArray *c = candidates_best_first (doc, scores, TRUE);
  for (guint r = 0; r < c->len;)
    {
      guint tie_end = r + 1;
      double here = g_array_index (c, abr_scored, r).score;
      while (tie_end < c->len && g_array_index (c, abr_scored, tie_end).score == here)
        tie_end++;
      double mean_rank = (r + tie_end - 1) / 2.0;
      double value = c->len > 1 ? 1.0 - mean_rank / (c->len - 1) : 1.0;
      for (guint k = r; k < tie_end; k++)
        ranked[g_array_index (c, abr_scored, k).index] = value;
      r = tie_end;
    }
  g_array_unref (c);
}

/* Extract plugins score spans; as a sentence score, a sentence takes the
 * best extract that overlaps it, and NONE when none does. Each extract
 * visits only the sentences it spans, found by binary search: linear in
 * the output, whatever the number of quotes. */
static void
extracts_to_scores (const abridge_document *doc, abridge_result *result, double none)
{
  uint32_t n = result->n_scores;
  unsigned char *seen = g_malloc0 (n + 1);
  for (guint e = 0; e < result->extracts->len; e++)
    {
      abr_extract *x = &g_array_index (result->extracts, abr_extract, e);
      uint32_t lo = 0, hi = n;
      while (lo < hi) /* the first sentence ending after the extract's start */
        {
          uint32_t mid = lo + (hi - lo) / 2, end;
          abridge_document_sentence_span (doc, mid, NULL, &end);
          if (end <= x->start)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (uint32_t i = lo; i < n; i++)
        {
          uint32_t start;
          abridge_document_sentence_span (doc, i, &start, NULL);
          if (start >= x->end)
            break;
          if (!seen[i] || x->score > result->scores[i])
            result->scores[i] = x->score;
          seen[i] = 1;
        }
    }
  for (uint32_t i = 0; i < n; i++)
    if (!seen[i])
      result->scores[i] = none;
  g_free (seen);
}

static abridge_result *
run_member (Member *m, const abridge_document *doc, GError **error)
{
  const abridge_plugin *d = m->entry->descriptor;
  abridge_result *result = abr_result_new (doc);
  gboolean serial = (d->flags & ABRIDGE_PLUGIN_SERIAL) != 0;
  if (serial)
    g_mutex_lock (&serial_lock);
  abr_watch_plugin (d->id);
  int rc = d->rank (m->instance, doc, result);
  abr_watch_plugin (NULL);
  if (serial)
    g_mutex_unlock (&serial_lock);

  if (rc != 0)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_PLUGIN, "plugin '%s': %s", d->id,
                   result->error != NULL ? result->error : "ranking failed");
      abr_result_free (result);
      return NULL;
    }
  if (d->flags & ABRIDGE_PLUGIN_EXTRACTS)
    return result;
  for (uint32_t i = 0; i < result->n_scores; i++)
    if (abridge_document_sentence_is_candidate (doc, i) && !isfinite (result->scores[i]))
      {
        g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_PLUGIN,
                     "plugin '%s': sentence %u has no valid score (%g)", d->id, i,
                     result->scores[i]);
        abr_result_free (result);
        return NULL;
      }
  return result;
}

/* ---- selection ------------------------------------------------------------ */

static guint
count_words (const char *text, gsize len)
{
  guint words = 0;
  gboolean in_word = FALSE;
  for (gsize i = 0; i < len; i++)
    {
      gboolean space = text[i] == ' ';
      words += !space && !in_word;
      in_word = !space;
    }
  return words;
}

static gint
by_sentence (gconstpointer a, gconstpointer b)
{
  const abridge_brief_item *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start;
}

static gint
by_item_score (gconstpointer a, gconstpointer b)
{
  const abridge_brief_item *x = a, *y = b;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return by_sentence (a, b);
}

/* A unit's size in the budget's measure: its words, its characters, or
 * nothing for a count of sentences (measuring every pick anyway was 1.5%
 * of a run). */
static guint
size_in (const abridge_budget *budget, const char *text, gsize len)
{
  switch (budget->kind)
    {
    case ABRIDGE_BUDGET_WORDS:
      return count_words (text, len);
    case ABRIDGE_BUDGET_CHARS:
      return (guint) g_utf8_strlen (text, (gssize) len);
    default:
      return 0;
    }
}

/* Whether one more unit of SIZE fits in the budget after N units using
 * USED; the first always does. Characters count a space between units. */
static gboolean
fits (const abridge_budget *budget, guint target, guint n, guint used, guint size)
{
  switch (budget->kind)
    {
    case ABRIDGE_BUDGET_WORDS:
      return n == 0 || used + size <= budget->n;
    case ABRIDGE_BUDGET_CHARS:
      return n == 0 || used + 1 + size <= budget->n;
    default:
      return n < target;
    }
}

/* USED once a unit of SIZE is the N-th of the brief. */
static guint
used_after (const abridge_budget *budget, guint n, guint used, guint size)
{
  return used + size + (budget->kind == ABRIDGE_BUDGET_CHARS && n > 1);
}

/* How many units a count or ratio budget allows out of N: a ratio rounds
 * up and never gives 0. */
static guint
budget_target (const abridge_budget *budget, guint n)
{
  if (budget->kind == ABRIDGE_BUDGET_RATIO)
    return (guint) MAX (1.0, ceil (budget->ratio * n - 1e-9));
  return budget->n;
}

static void
select_sentences (const abridge_document *doc, const double *scores, const abridge_budget *budget,
                  GArray *items)
{
  GArray *c = candidates_best_first (doc, scores, FALSE);

  guint target = budget_target (budget, c->len);
  guint used = 0;
  abr_stem_sets *stems = abr_stem_sets_new (doc);
  for (guint k = 0; k < c->len; k++)
    {
      uint32_t i = g_array_index (c, abr_scored, k).index;
      if (budget->kind != ABRIDGE_BUDGET_WORDS && budget->kind != ABRIDGE_BUDGET_CHARS
          && items->len >= target)
        break;
      gboolean redundant = FALSE;
      for (guint j = 0; j < items->len && !redundant; j++)
        redundant = abr_stem_sets_similarity (stems, i,
                                              g_array_index (items, abridge_brief_item, j).sentence)
                    >= ABR_REDUNDANCY_JACCARD;
      if (redundant)
        continue;
      size_t len;
      const char *text = abridge_document_sentence_text (doc, i, &len);
      guint size = size_in (budget, text, len);
      if (!fits (budget, target, items->len, used, size))
        break;
      abridge_brief_item item = { .sentence = i, .score = g_array_index (c, abr_scored, k).score };
      abridge_document_sentence_span (doc, i, &item.start, &item.end);
      item.text = g_strndup (text, len);
      g_array_append_val (items, item);
      used = used_after (budget, items->len, used, size);
    }
  abr_stem_sets_free (stems);
  g_array_unref (c);
}

static gint
extract_by_score (gconstpointer a, gconstpointer b)
{
  const abr_extract *x = a, *y = b;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

/* The sentence holding byte OFFSET, or the last one before it. */
static uint32_t
sentence_at (const abridge_document *doc, uint32_t offset)
{
  uint32_t lo = 0, hi = abridge_document_sentence_count (doc);
  while (lo + 1 < hi)
    {
      uint32_t mid = lo + (hi - lo) / 2, start;
      abridge_document_sentence_span (doc, mid, &start, NULL);
      if (start <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static void
select_extracts (const abridge_document *doc, abridge_result *result,
                 const abridge_budget *budget, GArray *items)
{
  GArray *x = result->extracts;
  g_array_sort (x, extract_by_score);
  guint target = budget_target (budget, x->len);
  guint used = 0;
  for (guint k = 0; k < x->len; k++)
    {
      abr_extract *e = &g_array_index (x, abr_extract, k);
      gboolean overlaps = FALSE;
      for (guint j = 0; j < items->len && !overlaps; j++)
        {
          abridge_brief_item *it = &g_array_index (items, abridge_brief_item, j);
          overlaps = e->start < it->end && e->end > it->start;
        }
      if (overlaps)
        continue;
      GString *text = g_string_new (NULL);
      abr_fold_whitespace (text, abridge_document_text (doc, NULL), e->start, e->end);
      guint size = size_in (budget, text->str, text->len);
      if (!fits (budget, target, items->len, used, size))
        {
          g_string_free (text, TRUE);
          break;
        }
      abridge_brief_item item = { .extract = TRUE, .sentence = sentence_at (doc, e->start),
                                  .start = e->start, .end = e->end,
                                  .score = e->score, .text = g_string_free (text, FALSE),
                                  .annotations = e->annotations };
      e->annotations = NULL; /* moved into the item */
      g_array_append_val (items, item);
      used = used_after (budget, items->len, used, size);
    }
}

static void
item_clear (gpointer data)
{
  abridge_brief_item *item = data;
  g_free (item->text);
  if (item->annotations != NULL)
    g_ptr_array_unref (item->annotations);
}

abridge_brief *
abridge_engine_summarize (abridge_engine *engine, const abridge_document *doc,
                          const abridge_budget *budget, AbridgeOrder order, GError **error)
{
  uint32_t n = abridge_document_sentence_count (doc);
  abridge_brief *brief = abridge_brief_new (n);

  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) abr_result_free);
  for (guint k = 0; k < engine->members->len; k++)
    {
      abridge_result *r = run_member (engine->members->pdata[k], doc, error);
      if (r == NULL)
        {
          g_ptr_array_unref (results);
          abridge_brief_free (brief);
          return NULL;
        }
      g_ptr_array_add (results, r);
    }

  Member *only = engine->members->pdata[0];
  if (results->len == 1 && (only->entry->descriptor->flags & ABRIDGE_PLUGIN_EXTRACTS))
    {
      select_extracts (doc, results->pdata[0], budget, brief->items);
      extracts_to_scores (doc, results->pdata[0], 0.0);
      memcpy (brief->scores, ((abridge_result *) results->pdata[0])->scores, n * sizeof (double));
      /* An article without quotes still gets a brief: sentences, the ones
       * holding the best extracts first, else in article order. */
      if (brief->items->len == 0)
        {
          for (uint32_t i = 0; i < n; i++)
            if (!abridge_document_sentence_is_candidate (doc, i))
              brief->scores[i] = NAN;
          select_sentences (doc, brief->scores, budget, brief->items);
        }
    }
  else
    {
      if (results->len == 1) /* one plugin: its own scores mean most to a reader */
        memcpy (brief->scores, ((abridge_result *) results->pdata[0])->scores, n * sizeof (double));
      else
        {
          /* Fusion by normalised rank. An extract plugin (quotes) ranks
           * only the sentences its extracts touch and abstains on the
           * rest, which take the middle rank, 0.5: a sentence holding
           * no quotation is neither pushed down nor up by the quotes
           * plugin, so lead's best sentence stays near the top. */
          double *ranked = g_new (double, n + 1), total_weight = 0;
          for (guint k = 0; k < results->len; k++)
            {
              Member *m = engine->members->pdata[k];
              abridge_result *r = results->pdata[k];
              if (m->entry->descriptor->flags & ABRIDGE_PLUGIN_EXTRACTS)
                extracts_to_scores (doc, r, NAN);
              abr_normalised_rank (doc, r->scores, ranked);
              for (uint32_t i = 0; i < n; i++)
                brief->scores[i] += m->weight * (isnan (ranked[i]) ? ABSTAINED_RANK : ranked[i]);
              total_weight += m->weight;
            }
          for (uint32_t i = 0; i < n; i++)
            brief->scores[i] /= total_weight;
          g_free (ranked);
        }
      for (uint32_t i = 0; i < n; i++)
        if (!abridge_document_sentence_is_candidate (doc, i))
          brief->scores[i] = NAN;
      select_sentences (doc, brief->scores, budget, brief->items);
    }
  g_ptr_array_unref (results);

  g_array_sort (brief->items, order == ABRIDGE_ORDER_SCORE ? by_item_score : by_sentence);
  return brief;
}

abridge_brief *
abridge_brief_new (uint32_t n_scores)
{
  abridge_brief *brief = g_new0 (abridge_brief, 1);
  brief->items = g_array_new (FALSE, FALSE, sizeof (abridge_brief_item));
  g_array_set_clear_func (brief->items, item_clear);
  brief->n_scores = n_scores;
  brief->scores = g_new0 (double, n_scores + 1);
  return brief;
}

void
abridge_brief_free (abridge_brief *brief)
{
  if (brief == NULL)
    return;
  g_array_unref (brief->items);
  g_free (brief->scores);
  g_strfreev (brief->keywords);
  g_free (brief);
}

const char *
abridge_default_plugins (void)
{
  return ABRIDGE_DEFAULT_PLUGINS;
}
