/* title-overlap: an example abridge plugin, built outside the abridge tree.
 *
 * Scores each sentence by how many of the title's words it carries (as
 * stems, so "strike" in the text counts for "strikes" in the title), with
 * the article's order as a tie-break; an article without a title, or whose
 * title shares no word with its text, is ranked like the lead plugin.
 *
 * The host never tokenizes the title, so the plugin splits it into words
 * itself and finds their stems through the document's own words:
 *   1. a title word, lower-cased, equal to term_text() of some token of the
 *      text takes that token's stem (the host folds case the same way for
 *      ASCII; "Zürich" and "zürich" only match when the title is already
 *      lower-case);
 *   2. with prefix_match, a title word also matches a stem of the text that
 *      is a prefix of the word, at least 4 bytes long and at most 4 bytes
 *      shorter ("terminals" ~ "termin", "collapse" ~ "collaps"): the
 *      Snowball stemmer only removes suffixes, so this finds most words whose
 *      exact form is not in the text.
 *
 * Only <abridge/plugin.h> and the C library: build it with
 *   cc $(pkg-config --cflags abridge-plugin) -shared -fPIC -o title-overlap.so title-overlap.c
 */
#include <abridge/plugin.h>

#include <stdlib.h>
#include <string.h>

/* A title longer than this many words is cut: headlines are short. */
#define MAX_TITLE_WORDS 64

typedef struct {
  const abridge_host *host; /* valid until cleanup() */
  int prefix_match;
  double lead_weight;
} TitleOverlap;

static const abridge_option title_overlap_options[] = {
  { "prefix_match", ABRIDGE_OPTION_BOOL, "true",
    "also match a title word to a stem of the text that is its prefix (terminals ~ termin)" },
  { "lead_weight", ABRIDGE_OPTION_DOUBLE, "0.5",
    "tie-break in [0, 1): the k-th sentence gets lead_weight/k on top of its overlap" },
  { NULL, 0, NULL, NULL },
};

/* ---- the title's words ------------------------------------------------- */

typedef struct {
  char *text; /* the lower-cased words, NUL-separated */
  const char *words[MAX_TITLE_WORDS];
  size_t lens[MAX_TITLE_WORDS];
  unsigned n;
} TitleWords;

/* Letters and digits, in ASCII or anywhere in Unicode (any byte of a
 * multi-byte character), except the punctuation of U+2000-U+206F (dashes,
 * curly quotes) and of U+0080-U+00BF (non-breaking space, guillemets). */
static size_t
word_char (const unsigned char *p, const unsigned char *end)
{
  if (*p < 0x80)
    return ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))
               ? 1 : 0;
  if (*p == 0xE2 && p + 2 < end && (p[1] == 0x80 || p[1] == 0x81))
    return 0; /* U+2000-U+207F */
  if (*p == 0xC2)
    return 0; /* U+0080-U+00BF */
  size_t n = (*p >= 0xF0) ? 4 : (*p >= 0xE0) ? 3 : (*p >= 0xC0) ? 2 : 1;
  return p + n <= end ? n : (size_t) (end - p);
}

/* An apostrophe (' or U+2019) or a period between two word characters
 * joins them, as in the host's tokenizer ("union's", "U.S."); returns its
 * length, 0 when P is no joiner. */
static size_t
joiner (const unsigned char *p, const unsigned char *end)
{
  size_t n = 0;
  if (*p == '\'' || *p == '.')
    n = 1;
  else if (p + 2 < end && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99)
    n = 3;
  return n > 0 && p + n < end && word_char (p + n, end) > 0 ? n : 0;
}

/* Splits TITLE into lower-cased words. Returns 0, or -1 out of memory. */
static int
title_words_split (TitleWords *tw, const char *title, size_t len)
{
  tw->n = 0;
  tw->text = malloc (len + 1);
  if (tw->text == NULL)
    return -1;
  const unsigned char *p = (const unsigned char *) title, *end = p + len;
  char *out = tw->text;
  while (p < end && tw->n < MAX_TITLE_WORDS)
    {
      size_t n = word_char (p, end);
      if (n == 0)
        {
          p++;
          continue;
        }
      char *word = out;
      for (;;)
        {
          if ((n = word_char (p, end)) > 0)
            {
              for (size_t i = 0; i < n; i++, p++)
                *out++ = (char) ((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
            }
          else if ((n = joiner (p, end)) > 0)
            {
              *out++ = n == 3 ? '\'' : (char) *p; /* U+2019 folds to ', as the host's does */
              p += n;
            }
          else
            break;
          if (p >= end)
            break;
        }
      tw->words[tw->n] = word;
      tw->lens[tw->n] = (size_t) (out - word);
      tw->n++;
      *out++ = '\0';
    }
  return 0;
}

/* ---- ranking ------------------------------------------------------------ */

static int
is_content (const abridge_token *t)
{
  return !(t->flags & (ABRIDGE_TOKEN_STOP | ABRIDGE_TOKEN_NUMBER));
}

static int
is_candidate (uint32_t flags)
{
  return !(flags & (ABRIDGE_SENTENCE_BOILERPLATE | ABRIDGE_SENTENCE_TITLE));
}

/* Marks in IN_TITLE (one byte per stem id) the stems of the title's words;
 * returns how many it marked. */
static unsigned
mark_title_stems (const TitleOverlap *self, const abridge_document *doc, const TitleWords *tw,
                  unsigned char *in_title)
{
  const abridge_host *host = self->host;
  uint32_t n_sentences = host->sentence_count (doc), n_stems = host->stem_count (doc);
  unsigned marked = 0;

  /* 1. Exact words: the title word is the token's case-folded text. */
  for (uint32_t i = 0; i < n_sentences; i++)
    {
      uint32_t n;
      const abridge_token *tokens = host->sentence_tokens (doc, i, &n);
      for (uint32_t t = 0; t < n; t++)
        {
          if (!is_content (&tokens[t]) || in_title[tokens[t].stem])
            continue;
          const char *term = host->term_text (doc, tokens[t].term);
          for (unsigned w = 0; term != NULL && w < tw->n; w++)
            if (strcmp (term, tw->words[w]) == 0)
              {
                in_title[tokens[t].stem] = 1;
                marked++;
                break;
              }
        }
    }
  if (!self->prefix_match)
    return marked;

  /* 2. Stems that are a word's prefix, short of at most 4 bytes. */
  for (uint32_t s = 0; s < n_stems; s++)
    {
      const char *stem = host->stem_text (doc, s);
      size_t len = stem != NULL ? strlen (stem) : 0;
      if (in_title[s] || len < 4)
        continue;
      for (unsigned w = 0; w < tw->n; w++)
        if (tw->lens[w] >= len && tw->lens[w] - len <= 4 && memcmp (stem, tw->words[w], len) == 0)
          {
            in_title[s] = 1;
            marked++;
            break;
          }
    }
  return marked;
}

/* Scores the sentences by the number of distinct title stems among their
 * content words, plus lead_weight/k for the k-th candidate. */
static int
title_overlap_rank (void *instance, const abridge_document *doc, abridge_result *result)
{
  const TitleOverlap *self = instance;
  const abridge_host *host = self->host;
  double *scores = host->result_scores (result);
  uint32_t n_sentences = host->sentence_count (doc), n_stems = host->stem_count (doc);

  size_t title_len = 0;
  const char *title = host->document_title (doc, &title_len);
  TitleWords tw = { NULL, { NULL }, { 0 }, 0 };
  unsigned char *in_title = calloc ((size_t) n_stems + 1, 1);
  unsigned char *seen = calloc ((size_t) n_stems + 1, 1); /* per sentence */
  if (in_title == NULL || seen == NULL
      || (title != NULL && title_words_split (&tw, title, title_len) != 0))
    {
      free (in_title);
      free (seen);
      free (tw.text);
      host->result_set_error (result, "out of memory");
      return 1;
    }

  unsigned title_stems = title != NULL ? mark_title_stems (self, doc, &tw, in_title) : 0;
  if (title_stems == 0)
    host->log (host, ABRIDGE_LOG_DEBUG, "%s: ranking by position",
               title == NULL ? "no title" : "no title word in the text");

  uint32_t position = 0;
  for (uint32_t i = 0; i < n_sentences; i++)
    {
      if (!is_candidate (host->sentence_flags (doc, i)))
        continue; /* the host ignores these scores: leave them NaN */
      position++;
      if (title_stems == 0)
        {
          scores[i] = 1.0 / position; /* the lead */
          continue;
        }
      uint32_t n;
      const abridge_token *tokens = host->sentence_tokens (doc, i, &n);
      unsigned overlap = 0;
      for (uint32_t t = 0; t < n; t++)
        if (in_title[tokens[t].stem] && !seen[tokens[t].stem] && is_content (&tokens[t]))
          {
            seen[tokens[t].stem] = 1;
            overlap++;
          }
      for (uint32_t t = 0; t < n; t++)
        seen[tokens[t].stem] = 0;
      scores[i] = overlap + self->lead_weight / position;
    }

  free (in_title);
  free (seen);
  free (tw.text);
  return 0;
}

/* ---- life cycle --------------------------------------------------------- */

static void *
title_overlap_instantiate (const abridge_host *host, const abridge_options *options,
                           abridge_error *error)
{
  double lead_weight = host->option_double (options, "lead_weight");
  if (!(lead_weight >= 0 && lead_weight < 1))
    {
      host->set_error (error, "lead_weight must be in [0, 1), not %g", lead_weight);
      return NULL;
    }
  TitleOverlap *self = calloc (1, sizeof *self);
  if (self == NULL)
    {
      host->set_error (error, "out of memory");
      return NULL;
    }
  self->host = host;
  self->prefix_match = host->option_bool (options, "prefix_match");
  self->lead_weight = lead_weight;
  return self;
}

static void
title_overlap_cleanup (void *instance)
{
  free (instance);
}

static const abridge_plugin title_overlap_descriptor = {
  .struct_size = sizeof (abridge_plugin),
  .abi_version = ABRIDGE_ABI_VERSION,
  .id = "title-overlap",
  .name = "Title overlap",
  .version = "1.0.0",
  .description = "sentences sharing the most words with the title (the lead without one)",
  .flags = 0, /* rank() keeps no state outside its call: instances may run in parallel */
  .options = title_overlap_options,
  .instantiate = title_overlap_instantiate,
  .rank = title_overlap_rank,
  .cleanup = title_overlap_cleanup,
  .extension_data = NULL,
};

ABRIDGE_PLUGIN_EXPORT const abridge_plugin *
abridge_plugin_descriptor (uint32_t host_abi, uint32_t index)
{
  /* Any 1.x host: this plugin uses nothing added after 1.0. */
  if (ABRIDGE_ABI_VERSION_MAJOR (host_abi) != ABRIDGE_ABI_MAJOR || index > 0)
    return NULL;
  return &title_overlap_descriptor;
}
