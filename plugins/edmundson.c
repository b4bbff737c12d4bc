/* edmundson: Edmundson's (1969) linear combination of four sentence
 * features, as sumy's EdmundsonSummarizer defines them, each counted over
 * the sentence's words:
 *   cue      bonus words minus stigma words (edmundson-cues.h; English only)
 *   key      words whose stem is among the article's most frequent, those
 *            occurring more than half as often as the most frequent stem
 *            (sumy takes them from its bonus list only)
 *   title    words whose stem is a non-stop word of the title or a heading
 *   location the title count again, plus 1 in the first paragraph, 1 in the
 *            last, 1 as a paragraph's first sentence, 1 as its last
 * score = cue_weight cue + key_weight key + title_weight title +
 * location_weight location; sumy's defaults, 1, 0, 1, 1, add them up.
 * Headings and list items rank after prose, in article order (sumy ranks
 * sentences, not headings).
 *
 * The ABI gives the title as text, not as words: its words are found
 * among the article's own words and stems (term_text, stem_text), folded
 * to lower case for ASCII letters only, so a title word with a capital
 * outside ASCII, or inflected unlike any word of the article and unlike
 * its stem ("alarms" for "alarming"), is missed. */
#include <abridge/plugin.h>

#include <stdlib.h>
#include <string.h>

#include "edmundson-cues.h"

/* A title has at most this many words looked at: a headline is short. */
#define MAX_TITLE_WORDS 64
#define TITLE_SLOTS 128 /* a power of two, twice the words */

typedef struct {
  const abridge_host *host;
  double cue, key, title, location;
} Edmundson;

static const abridge_option edmundson_options[] = {
  { "cue_weight", ABRIDGE_OPTION_DOUBLE, "1",
    "weight of bonus minus stigma words (English cue words), in [0, 1000]" },
  { "key_weight", ABRIDGE_OPTION_DOUBLE, "0",
    "weight of words among the article's most frequent, in [0, 1000]" },
  { "title_weight", ABRIDGE_OPTION_DOUBLE, "1", "weight of words of the title and headings, in [0, 1000]" },
  { "location_weight", ABRIDGE_OPTION_DOUBLE, "1",
    "weight of the position: title words, first and last paragraph, first and last "
    "sentence of a paragraph; in [0, 1000]" },
  { NULL, 0, NULL, NULL },
};

static void *
edmundson_instantiate (const abridge_host *host, const abridge_options *options,
                       abridge_error *error)
{
  Edmundson e = { host, host->option_double (options, "cue_weight"),
                  host->option_double (options, "key_weight"),
                  host->option_double (options, "title_weight"),
                  host->option_double (options, "location_weight") };
  /* Beyond 1000 a sum of weighted counts may overflow to an infinity. */
  if (!(e.cue >= 0 && e.cue <= 1000 && e.key >= 0 && e.key <= 1000 && e.title >= 0
        && e.title <= 1000 && e.location >= 0 && e.location <= 1000))
    {
      host->set_error (error, "weights must be in [0, 1000]");
      return NULL;
    }
  Edmundson *p = malloc (sizeof *p);
  if (p == NULL)
    {
      host->set_error (error, "out of memory");
      return NULL;
    }
  *p = e;
  return p;
}

static void
edmundson_cleanup (void *instance)
{
  free (instance);
}

static uint32_t
hash_bytes (const char *s, size_t n)
{
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char) s[i]) * 16777619u;
  return h;
}

/* The title's words, ASCII-lowercased, in an open-addressing table of
 * (offset, length) into BUF. A word is a run of letters and digits
 * (bytes past ASCII count as letters) with inner apostrophes and dots, as
 * the host's tokenizer reads them. */
typedef struct {
  char buf[512];
  uint16_t at[TITLE_SLOTS], len[TITLE_SLOTS]; /* len 0 = empty */
} TitleWords;

static int
is_word_byte (unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static void
title_words (const char *title, size_t n, TitleWords *w)
{
  memset (w->len, 0, sizeof w->len);
  size_t used = 0, i = 0;
  for (int words = 0; i < n && words < MAX_TITLE_WORDS;)
    {
      if (!is_word_byte ((unsigned char) title[i]))
        {
          i++;
          continue;
        }
      size_t start = used;
      while (i < n && used < sizeof w->buf)
        {
          unsigned char c = (unsigned char) title[i];
          if (is_word_byte (c))
            w->buf[used++] = (char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
          else if ((c == '\'' || c == '.') && i + 1 < n && is_word_byte ((unsigned char) title[i + 1]))
            w->buf[used++] = (char) c;
          else
            break;
          i++;
        }
      if (used == sizeof w->buf)
        break; /* the rest of a title this long would be cut anyway */
      size_t len = used - start;
      uint32_t h = hash_bytes (w->buf + start, len) & (TITLE_SLOTS - 1);
      while (w->len[h] != 0)
        h = (h + 1) & (TITLE_SLOTS - 1);
      w->at[h] = (uint16_t) start;
      w->len[h] = (uint16_t) len;
      words++;
    }
}

static int
in_title (const TitleWords *w, const char *word)
{
  size_t n = strlen (word);
  for (uint32_t h = hash_bytes (word, n) & (TITLE_SLOTS - 1); w->len[h] != 0;
       h = (h + 1) & (TITLE_SLOTS - 1))
    if (w->len[h] == n && memcmp (w->buf + w->at[h], word, n) == 0)
      return 1;
  return 0;
}

static int
compare_word (const void *key, const void *entry)
{
  return strcmp (key, *(const char *const *) entry);
}

/* +1 for a bonus word, -1 for a stigma word, 0 otherwise. */
static signed char
cue_of (const char *word)
{
  if (bsearch (word, EDMUNDSON_BONUS, sizeof EDMUNDSON_BONUS / sizeof *EDMUNDSON_BONUS,
               sizeof *EDMUNDSON_BONUS, compare_word) != NULL)
    return 1;
  if (bsearch (word, EDMUNDSON_STIGMA, sizeof EDMUNDSON_STIGMA / sizeof *EDMUNDSON_STIGMA,
               sizeof *EDMUNDSON_STIGMA, compare_word) != NULL)
    return -1;
  return 0;
}

static int
is_candidate (uint32_t flags)
{
  return !(flags & (ABRIDGE_SENTENCE_BOILERPLATE | ABRIDGE_SENTENCE_TITLE));
}

static int
is_english (const abridge_host *host, const abridge_document *doc)
{
  return !ABRIDGE_HAS_MEMBER (host, abridge_host, document_language)
         || strcmp (host->document_language (doc), "en") == 0;
}

/* Per term: its cue; per stem: title word (bit 0), key word (bit 1). */
static void
word_classes (const Edmundson *e, const abridge_document *doc, signed char *cue,
              unsigned char *stem_class, uint32_t *count)
{
  const abridge_host *host = e->host;
  uint32_t n = host->sentence_count (doc), n_terms = host->term_count (doc),
           n_stems = host->stem_count (doc);
  int english = is_english (host, doc);
  TitleWords *title = NULL;
  size_t title_len = 0;
  const char *title_text = host->document_title (doc, &title_len);
  unsigned char *title_term = (unsigned char *) cue + n_terms + 1; /* after the cues */
  if (title_text != NULL && (title = malloc (sizeof *title)) != NULL)
    title_words (title_text, title_len, title);
  for (uint32_t t = 0; t < n_terms; t++)
    {
      const char *word = host->term_text (doc, t);
      cue[t] = english && e->cue > 0 ? cue_of (word) : 0;
      title_term[t] = title != NULL && in_title (title, word);
    }
  /* A title word in the form of a stem ("retreat" for "retreated") */
  for (uint32_t s = 0; s < n_stems && title != NULL; s++)
    if (in_title (title, host->stem_text (doc, s)))
      stem_class[s] |= 1;
  free (title);
  /* Title words from the title text, and from the title and headings as
   * sentences; stop words are sumy's null words. */
  uint32_t max = 0;
  for (uint32_t i = 0; i < n; i++)
    {
      uint32_t flags = host->sentence_flags (doc, i), k;
      if (flags & ABRIDGE_SENTENCE_BOILERPLATE)
        continue;
      int heading = (flags & (ABRIDGE_SENTENCE_TITLE | ABRIDGE_SENTENCE_HEADING)) != 0;
      const abridge_token *tokens = host->sentence_tokens (doc, i, &k);
      for (uint32_t t = 0; t < k; t++)
        {
          if (tokens[t].flags & ABRIDGE_TOKEN_STOP)
            continue;
          if (heading || title_term[tokens[t].term])
            stem_class[tokens[t].stem] |= 1;
          if (is_candidate (flags) && ++count[tokens[t].stem] > max)
            max = count[tokens[t].stem];
        }
    }
  for (uint32_t s = 0; s < n_stems; s++)
    if (2 * count[s] > max)
      stem_class[s] |= 2;
}

static int
edmundson_rank (void *instance, const abridge_document *doc, abridge_result *result)
{
  const Edmundson *e = instance;
  const abridge_host *host = e->host;
  uint32_t n = host->sentence_count (doc), n_terms = host->term_count (doc),
           n_stems = host->stem_count (doc);
  double *scores = host->result_scores (result);
  signed char *cue = calloc (2 * ((size_t) n_terms + 1), 1); /* cues, then title terms */
  unsigned char *stem_class = calloc ((size_t) n_stems + 1, 1);
  uint32_t *count = calloc ((size_t) n_stems + 1, sizeof *count);
  uint32_t *prose = malloc (((size_t) n + 1) * sizeof *prose);
  if (cue == NULL || stem_class == NULL || count == NULL || prose == NULL)
    {
      free (prose);
      free (cue);
      free (stem_class);
      free (count);
      host->result_set_error (result, "out of memory");
      return 1;
    }
  word_classes (e, doc, cue, stem_class, count);

  /* Prose candidates in order, for the paragraph positions. */
  uint32_t m = 0, headings = 0;
  for (uint32_t i = 0; i < n; i++)
    {
      uint32_t flags = host->sentence_flags (doc, i);
      if (is_candidate (flags) && !(flags & ABRIDGE_SENTENCE_HEADING))
        prose[m++] = i;
      else if (is_candidate (flags))
        headings++;
    }
  uint32_t first_paragraph = m > 0 ? host->sentence_paragraph (doc, prose[0]) : 0;
  uint32_t last_paragraph = m > 0 ? host->sentence_paragraph (doc, prose[m - 1]) : 0;
  double lowest = 0;
  for (uint32_t j = 0; j < m; j++)
    {
      uint32_t i = prose[j], k;
      const abridge_token *tokens = host->sentence_tokens (doc, i, &k);
      double cues = 0, keys = 0, titles = 0;
      for (uint32_t t = 0; t < k; t++)
        {
          cues += cue[tokens[t].term];
          if (tokens[t].flags & ABRIDGE_TOKEN_STOP)
            continue;
          keys += (stem_class[tokens[t].stem] & 2) != 0;
          titles += (stem_class[tokens[t].stem] & 1) != 0;
        }
      uint32_t p = host->sentence_paragraph (doc, i);
      double place = titles;
      if (p == first_paragraph)
        place += 1;
      else if (p == last_paragraph)
        place += 1;
      if (j == 0 || host->sentence_paragraph (doc, prose[j - 1]) != p)
        place += 1; /* its paragraph's first sentence */
      else if (j + 1 == m || host->sentence_paragraph (doc, prose[j + 1]) != p)
        place += 1; /* its last */
      scores[i] = e->cue * cues + e->key * keys + e->title * titles + e->location * place;
      lowest = j == 0 || scores[i] < lowest ? scores[i] : lowest;
    }
  /* Headings and list items after every prose sentence, the earlier first. */
  for (uint32_t i = 0, h = 0; i < n && headings > 0; i++)
    {
      uint32_t flags = host->sentence_flags (doc, i);
      if (is_candidate (flags) && (flags & ABRIDGE_SENTENCE_HEADING))
        scores[i] = lowest - 1.0 - (double) h++ / headings;
    }
  free (prose);
  free (cue);
  free (stem_class);
  free (count);
  return 0;
}

static const abridge_plugin edmundson_descriptor = {
  .struct_size = sizeof (abridge_plugin),
  .abi_version = ABRIDGE_ABI_VERSION,
  .id = "edmundson",
  .name = "Edmundson",
  .version = "1.0.0",
  .description = "cue words, key words, title words and position, added up (Edmundson 1969)",
  .flags = 0,
  .options = edmundson_options,
  .instantiate = edmundson_instantiate,
  .rank = edmundson_rank,
  .cleanup = edmundson_cleanup,
  .extension_data = NULL,
};

ABRIDGE_PLUGIN_EXPORT const abridge_plugin *
abridge_plugin_descriptor (uint32_t host_abi, uint32_t index)
{
  if (ABRIDGE_ABI_VERSION_MAJOR (host_abi) != ABRIDGE_ABI_MAJOR || index > 0)
    return NULL;
  return &edmundson_descriptor;
}
