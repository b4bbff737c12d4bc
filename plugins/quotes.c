/* quotes: a quote-centric brief. The article's most important direct
 * quotations, one extract each, annotated with who said them:
 *
 *   “We will not slam the door shut on NATO’s open-door policy,”
 *     — Wendy Sherman, U.S. Deputy Secretary of State
 *
 * The core finds the quotations and their speakers (ABI 1.2: quote_text,
 * quote_speaker …); this plugin only chooses among them. Scare quotes,
 * nicknames and titles of works are left out, near-duplicates dropped,
 * and the rest scored by the speaker's prominence in the article and the
 * quotation's topicality, every attributed quotation before every
 * unattributed one.
 *
 * All state of one rank() call lives on its stack or in memory it frees
 * before returning, so instances may rank concurrently. */
#include <abridge/plugin.h>

#include <stdlib.h>
#include <string.h>

typedef struct {
  const abridge_host *host;
  int64_t min_words;
  int pronouns;
  int unattributed;
  double duplicate;
  int64_t max_extracts;
} Quotes;

static const abridge_option quotes_options[] = {
  { "min_words", ABRIDGE_OPTION_INT, "3",
    "quotes of fewer words are scare quotes or titles unless a verb of saying next to them "
    "names the speaker (0-1000)" },
  { "pronouns", ABRIDGE_OPTION_BOOL, "true",
    "keep speakers found through he/she/it/they (false: such quotes get no speaker)" },
  { "unattributed", ABRIDGE_OPTION_BOOL, "true",
    "keep quotes whose speaker is not found (ranked after attributed ones)" },
  { "duplicate", ABRIDGE_OPTION_DOUBLE, "0.8",
    "drop a quote when this share of its content words is in another, fuller quote (0-1; "
    "1 drops only quotes wholly repeated)" },
  { "max_extracts", ABRIDGE_OPTION_INT, "2000",
    "at most this many quotes, the best (bounds the core's work on hostile articles; 1-1000000)" },
  { NULL, 0, NULL, NULL },
};

#define MAX_STEMS 4096
#define ALL_PAIRS_LIMIT 1500
#define DEDUP_WINDOW 64
#define DEDUP_BUDGET 50000000u /* stem comparisons, all pairs together */

/* One quotation: its first fragment and how many follow. */
typedef struct {
  uint32_t q, n_frags;
  uint32_t start, end; /* all fragments */
  uint32_t first_sentence, last_sentence;
  uint32_t words;
  const char *speaker; /* NULL: none (or a pronoun's, when pronouns=false) */
  uint32_t flags;
  int dropped;
  double score;
  uint32_t stems, n_stems; /* content stems: offset and count in the pool */
} Unit;

typedef struct {
  const abridge_host *host;
  const abridge_document *doc;
  const char *text;
  size_t len;
} View;

/* Calls F on each token of fragment Q; stops when F returns non-zero.
 * Tokens are found by binary search: one sentence may hold thousands of
 * quotations. */
static void
each_token (const View *v, uint32_t q, int (*f) (const abridge_token *t, void *arg), void *arg)
{
  uint32_t start, end, first, last;
  v->host->quote_span (v->doc, q, &start, &end, &first, &last);
  for (uint32_t s = first; s <= last; s++)
    {
      uint32_t n = 0;
      const abridge_token *t = v->host->sentence_tokens (v->doc, s, &n);
      if (t == NULL)
        continue;
      uint32_t lo = 0, hi = n;
      while (lo < hi)
        {
          uint32_t mid = lo + (hi - lo) / 2;
          if (t[mid].start < start)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (uint32_t k = lo; k < n && t[k].start < end; k++)
        if (f (&t[k], arg) != 0)
          return;
    }
}

static int
count_token (const abridge_token *t, void *arg)
{
  (void) t;
  ++*(uint32_t *) arg;
  return 0;
}

typedef struct {
  uint32_t caps, lower, seen;
} Shape;

static int
shape_token (const abridge_token *t, void *arg)
{
  Shape *s = arg;
  if (t->flags & ABRIDGE_TOKEN_CAPITALISED)
    s->caps++;
  else if (!(t->flags & ABRIDGE_TOKEN_STOP))
    s->lower++;
  return ++s->seen >= 12;
}

/* A title in Title Case ("Million Dollar Baby"), not a quotation. */
static int
looks_like_a_title (const View *v, const Unit *u)
{
  Shape s = { 0, 0, 0 };
  each_token (v, u->q, shape_token, &s);
  return s.caps >= 2 && s.lower == 0 && s.caps + s.lower < 12;
}

/* Whether the quoted words end as a sentence or clause does (. , ! ? :). */
static int
ends_a_sentence (const View *v, const Unit *u)
{
  uint32_t start, end;
  v->host->quote_span (v->doc, u->q + u->n_frags - 1, &start, &end, NULL, NULL);
  for (uint32_t i = end; i > start && end - i < 8; i--)
    {
      char c = v->text[i - 1];
      if (strchr (".,!?:;", c) != NULL)
        return 1;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return 0;
    }
  return 0;
}

static int
cmp_double_desc (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x > y ? -1 : x < y;
}

static int
cmp_u32 (const void *a, const void *b)
{
  uint32_t x = *(const uint32_t *) a, y = *(const uint32_t *) b;
  return x < y ? -1 : x > y;
}

/* How many of the sorted sets' members they share. */
static uint32_t
shared (const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb)
{
  uint32_t i = 0, j = 0, n = 0;
  while (i < na && j < nb)
    {
      if (a[i] == b[j])
        {
          n++;
          i++;
          j++;
        }
      else if (a[i] < b[j])
        i++;
      else
        j++;
    }
  return n;
}

/* ---- the speaker's prominence: how often the article names them ---------- */

typedef struct {
  const char *word; /* the speaker's last word, not NUL-terminated */
  size_t len;
  uint32_t count;
} Surname;

static int
surname_cmp (const void *a, const void *b)
{
  const Surname *x = a, *y = b;
  size_t n = x->len < y->len ? x->len : y->len;
  int c = memcmp (x->word, y->word, n);
  return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

static void
last_word (const char *s, const char **word, size_t *len)
{
  size_t n = strlen (s), e = n;
  while (e > 0 && s[e - 1] == ' ')
    e--;
  size_t b = e;
  while (b > 0 && s[b - 1] != ' ')
    b--;
  *word = s + b;
  *len = e - b;
}

/* Counts, for every distinct speaker surname, the words of the article
 * written the same; returns the sorted table (NULL when out of memory). */
static Surname *
surnames_count (const View *v, const Unit *units, uint32_t nu, uint32_t *n_out)
{
  Surname *names = malloc (((size_t) nu + 1) * sizeof *names);
  if (names == NULL)
    return NULL;
  uint32_t n = 0;
  for (uint32_t i = 0; i < nu; i++)
    if (!units[i].dropped && units[i].speaker != NULL)
      {
        last_word (units[i].speaker, &names[n].word, &names[n].len);
        names[n].count = 0;
        n += names[n].len > 0;
      }
  qsort (names, n, sizeof *names, surname_cmp);
  uint32_t m = 0;
  for (uint32_t i = 0; i < n; i++)
    if (m == 0 || surname_cmp (&names[m - 1], &names[i]) != 0)
      names[m++] = names[i];
  uint32_t ns = v->host->sentence_count (v->doc);
  for (uint32_t s = 0; s < ns && m > 0; s++)
    {
      uint32_t nt = 0;
      const abridge_token *t = v->host->sentence_tokens (v->doc, s, &nt);
      for (uint32_t k = 0; t != NULL && k < nt; k++)
        {
          Surname key = { v->text + t[k].start, t[k].len, 0 };
          Surname *hit = bsearch (&key, names, m, sizeof *names, surname_cmp);
          if (hit != NULL)
            hit->count++;
        }
    }
  *n_out = m;
  return names;
}

static double
prominence (const Surname *names, uint32_t n, const char *speaker)
{
  Surname key = { NULL, 0, 0 };
  last_word (speaker, &key.word, &key.len);
  const Surname *hit = n > 0 ? bsearch (&key, names, n, sizeof *names, surname_cmp) : NULL;
  double mentions = hit != NULL ? hit->count : 1;
  return mentions / (mentions + 2.0);
}

static double
clamp01 (double x)
{
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/* ---- rank ------------------------------------------------------------------ */

/* The quotations as units, fragments of one joined; NULL when out of
 * memory. */
static Unit *
units_make (const Quotes *self, const View *v, uint32_t *nu_out)
{
  const abridge_host *host = v->host;
  uint32_t nq = host->quote_count (v->doc);
  Unit *units = calloc ((size_t) nq + 1, sizeof *units);
  if (units == NULL)
    return NULL;
  uint32_t nu = 0;
  for (uint32_t q = 0; q < nq;)
    {
      Unit *u = &units[nu];
      u->q = q;
      u->n_frags = 1;
      host->quote_span (v->doc, q, &u->start, &u->end, &u->first_sentence, &u->last_sentence);
      while (q + u->n_frags < nq
             && (host->quote_flags (v->doc, q + u->n_frags) & ABRIDGE_QUOTE_CONTINUES))
        {
          host->quote_span (v->doc, q + u->n_frags, NULL, &u->end, NULL, &u->last_sentence);
          u->n_frags++;
        }
      q += u->n_frags;
      uint32_t sflags = host->sentence_flags (v->doc, u->first_sentence);
      if (sflags & (ABRIDGE_SENTENCE_BOILERPLATE | ABRIDGE_SENTENCE_TITLE))
        continue;
      u->flags = host->quote_flags (v->doc, u->q);
      u->speaker = host->quote_speaker (v->doc, u->q, NULL);
      if (u->speaker != NULL && !self->pronouns && (u->flags & ABRIDGE_QUOTE_PRONOUN))
        u->speaker = NULL;
      for (uint32_t f = 0; f < u->n_frags; f++)
        each_token (v, u->q + f, count_token, &u->words);
      /* Scare quotes, nicknames and titles of works are no quotations: a
       * quote of fewer than min_words words counts only when a verb of
       * saying next to it names its speaker ("Southcorp said the offer was
       * “opportunistic”"). */
      int adjacent = u->speaker != NULL && !(u->flags & ABRIDGE_QUOTE_CONTEXT);
      if (u->words == 0 || ((int64_t) u->words < self->min_words && !adjacent))
        u->dropped = 1;
      else if (looks_like_a_title (v, u)) /* “White Zombie,” whoever named it */
        u->dropped = 1;
      else if (u->speaker == NULL && u->words <= 4 && !ends_a_sentence (v, u))
        u->dropped = 1;
      nu++;
    }
  *nu_out = nu;
  return units;
}

typedef struct {
  const abridge_host *host;
  const abridge_document *doc;
  uint32_t *pool;
  uint32_t used, cap, n_stems;
  uint32_t content;
  double sum;
} Stems;

static int
stem_token (const abridge_token *t, void *arg)
{
  Stems *s = arg;
  if (t->flags & (ABRIDGE_TOKEN_STOP | ABRIDGE_TOKEN_NUMBER) || t->stem >= s->n_stems)
    return 0;
  if (s->used >= s->cap)
    return 1;
  uint32_t freq = s->host->stem_frequency (s->doc, t->stem);
  double others = freq > 0 ? (double) (freq - 1) : 0;
  s->sum += others / (others + 2.0); /* saturating: 0, .33, .5, .6 … */
  s->content++;
  s->pool[s->used++] = t->stem;
  return 0;
}

/* Near-duplicates: a quote whose content words are mostly in another,
 * longer (or attributed, or earlier) quote is dropped. */
static void
drop_duplicates (const Quotes *self, Unit *units, uint32_t nu, const uint32_t *pool)
{
  uint64_t budget = DEDUP_BUDGET;
  for (uint32_t i = 0; i < nu && budget > 0; i++)
    {
      Unit *u = &units[i];
      if (u->dropped || u->n_stems == 0)
        continue;
      uint32_t j0 = nu <= ALL_PAIRS_LIMIT ? 0 : (i > DEDUP_WINDOW ? i - DEDUP_WINDOW : 0);
      for (uint32_t j = j0; j < i && !u->dropped && budget > 0; j++)
        {
          Unit *w = &units[j];
          if (w->dropped || w->n_stems == 0)
            continue;
          uint32_t small = u->n_stems < w->n_stems ? u->n_stems : w->n_stems;
          uint32_t large = u->n_stems + w->n_stems - small;
          if (2 * small < large && small != large)
            continue;
          uint64_t cost = (uint64_t) u->n_stems + w->n_stems;
          budget = budget > cost ? budget - cost : 0;
          uint32_t common = shared (pool + u->stems, u->n_stems, pool + w->stems, w->n_stems);
          int exact = common == u->n_stems && common == w->n_stems;
          if (!(exact || (small >= 3 && 2 * small >= large && common >= self->duplicate * small)))
            continue;
          /* keep the fuller one; on a tie the attributed, then the earlier */
          int keep_u = u->n_stems > w->n_stems
                       || (u->n_stems == w->n_stems && u->speaker != NULL && w->speaker == NULL);
          if (keep_u)
            w->dropped = 1;
          else
            u->dropped = 1;
        }
    }
}

static void
emit (const Quotes *self, const View *v, Unit *units, uint32_t nu, double *scores,
      abridge_result *result)
{
  const abridge_host *host = v->host;
  uint32_t kept = 0;
  for (uint32_t i = 0; i < nu; i++)
    if (!units[i].dropped)
      scores[kept++] = units[i].score;
  /* At most max_extracts, the best: the core's work grows with them. */
  double floor_score = -1.0;
  if (kept > (uint64_t) self->max_extracts)
    {
      qsort (scores, kept, sizeof *scores, cmp_double_desc);
      floor_score = scores[self->max_extracts - 1];
    }
  uint32_t emitted = 0;
  for (uint32_t i = 0; i < nu; i++)
    {
      Unit *u = &units[i];
      if (u->dropped || u->score < floor_score || emitted >= (uint64_t) self->max_extracts)
        continue;
      emitted++;
      int32_t x = host->result_add_extract (result, u->start, u->end, u->score);
      if (x < 0)
        continue;
      host->result_annotate (result, x, ABRIDGE_ANNOTATION_QUOTE,
                             host->quote_text (v->doc, u->q, NULL));
      if (u->speaker == NULL)
        continue;
      host->result_annotate (result, x, ABRIDGE_ANNOTATION_SPEAKER, u->speaker);
      const char *title = host->quote_speaker_title (v->doc, u->q, NULL);
      if (title != NULL)
        host->result_annotate (result, x, ABRIDGE_ANNOTATION_SPEAKER_TITLE, title);
    }
}

static int
quotes_rank (void *instance, const abridge_document *doc, abridge_result *result)
{
  const Quotes *self = instance;
  const abridge_host *host = self->host;
  View v = { host, doc, NULL, 0 };
  v.text = host->document_text (doc, &v.len);
  uint32_t nu = 0;
  Unit *units = units_make (self, &v, &nu);
  uint64_t pool_size = 0;
  for (uint32_t i = 0; units != NULL && i < nu; i++)
    if (!units[i].dropped)
      pool_size += units[i].words < MAX_STEMS ? units[i].words : MAX_STEMS;
  uint32_t *pool = units != NULL ? malloc ((size_t) (pool_size + 1) * sizeof *pool) : NULL;
  double *topic = units != NULL ? calloc ((size_t) nu + 1, sizeof *topic) : NULL;
  uint32_t n_names = 0;
  Surname *names = units != NULL ? surnames_count (&v, units, nu, &n_names) : NULL;
  if (units == NULL || pool == NULL || topic == NULL || names == NULL)
    {
      free (units);
      free (pool);
      free (topic);
      free (names);
      host->result_set_error (result, "out of memory");
      return 1;
    }

  /* Content stems of each quote, for topicality and near-duplicates. */
  Stems st = { host, doc, pool, 0, (uint32_t) pool_size, host->stem_count (doc), 0, 0 };
  double best_topic = 0, best_prominence = 0;
  for (uint32_t i = 0; i < nu; i++)
    {
      Unit *u = &units[i];
      if (u->dropped)
        continue;
      u->stems = st.used;
      st.content = 0;
      st.sum = 0;
      st.cap = st.used + (u->words < MAX_STEMS ? u->words : MAX_STEMS);
      for (uint32_t f = 0; f < u->n_frags; f++)
        each_token (&v, u->q + f, stem_token, &st);
      u->n_stems = st.used - u->stems;
      qsort (pool + u->stems, u->n_stems, sizeof *pool, cmp_u32);
      uint32_t m = 0;
      for (uint32_t k = 0; k < u->n_stems; k++)
        if (m == 0 || pool[u->stems + m - 1] != pool[u->stems + k])
          pool[u->stems + m++] = pool[u->stems + k];
      u->n_stems = m;
      st.used = u->stems + m;
      topic[i] = st.content > 0 ? st.sum / st.content * clamp01 (st.content / 6.0) : 0;
      if (topic[i] > best_topic)
        best_topic = topic[i];
      if (u->speaker != NULL)
        {
          u->score = prominence (names, n_names, u->speaker); /* for now */
          if (u->score > best_prominence)
            best_prominence = u->score;
        }
    }
  drop_duplicates (self, units, nu, pool);

  /* The score: the speaker's prominence, the quote's topicality, a little
   * for coming early; every attributed quote before every unattributed. */
  for (uint32_t i = 0; i < nu; i++)
    {
      Unit *u = &units[i];
      if (u->dropped)
        continue;
      int named = u->speaker != NULL;
      if (!named && !self->unattributed)
        {
          u->dropped = 1;
          continue;
        }
      double prom = named && best_prominence > 0 ? u->score / best_prominence : 0;
      double topical = best_topic > 0 ? topic[i] / best_topic : 0;
      double position = v.len > 0 ? 1.0 - (double) u->start / (double) v.len : 0;
      double score = 0.45 * prom + 0.4 * topical + 0.15 * clamp01 (position);
      u->score = named ? 1.0 + score : score * 0.9;
    }
  emit (self, &v, units, nu, topic, result);
  free (units);
  free (pool);
  free (topic);
  free (names);
  return 0;
}

/* ---- the plugin ------------------------------------------------------------ */

static void
quotes_cleanup (void *instance)
{
  free (instance);
}

static void *
quotes_instantiate (const abridge_host *host, const abridge_options *options, abridge_error *error)
{
  if (!ABRIDGE_HAS_MEMBER (host, abridge_host, quote_text))
    {
      host->set_error (error, "needs a host of ABI 1.2 or later (quote speakers); this one speaks %u.%u",
                       (unsigned) ABRIDGE_ABI_VERSION_MAJOR (host->abi_version),
                       (unsigned) ABRIDGE_ABI_VERSION_MINOR (host->abi_version));
      return NULL;
    }
  Quotes *self = calloc (1, sizeof *self);
  if (self == NULL)
    {
      host->set_error (error, "out of memory");
      return NULL;
    }
  self->host = host;
  self->min_words = host->option_int (options, "min_words");
  self->pronouns = host->option_bool (options, "pronouns");
  self->unattributed = host->option_bool (options, "unattributed");
  self->duplicate = host->option_double (options, "duplicate");
  self->max_extracts = host->option_int (options, "max_extracts");
  int bad = 1;
  if (self->min_words < 0 || self->min_words > 1000)
    host->set_error (error, "min_words must be 0 to 1000, not %lld", (long long) self->min_words);
  else if (self->max_extracts < 1 || self->max_extracts > 1000000)
    host->set_error (error, "max_extracts must be 1 to 1000000, not %lld",
                     (long long) self->max_extracts);
  else if (!(self->duplicate >= 0 && self->duplicate <= 1))
    host->set_error (error, "duplicate must be 0 to 1, not %g", self->duplicate);
  else
    bad = 0;
  if (bad)
    {
      free (self);
      return NULL;
    }
  if (self->duplicate == 0)
    self->duplicate = 1e-9; /* 0 would make every pair a duplicate */
  return self;
}

static const abridge_plugin quotes_descriptor = {
  .struct_size = sizeof (abridge_plugin),
  .abi_version = ABRIDGE_ABI_VERSION,
  .id = "quotes",
  .name = "Quotes and speakers",
  .version = "2.0.0",
  .description = "the article's key direct quotes, each with its speaker and title",
  .flags = ABRIDGE_PLUGIN_EXTRACTS,
  .options = quotes_options,
  .instantiate = quotes_instantiate,
  .rank = quotes_rank,
  .cleanup = quotes_cleanup,
  .extension_data = NULL,
};

ABRIDGE_PLUGIN_EXPORT const abridge_plugin *
abridge_plugin_descriptor (uint32_t host_abi, uint32_t index)
{
  if (ABRIDGE_ABI_VERSION_MAJOR (host_abi) != ABRIDGE_ABI_MAJOR || index > 0)
    return NULL;
  return &quotes_descriptor;
}
