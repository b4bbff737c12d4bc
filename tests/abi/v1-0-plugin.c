/* A plugin built against the frozen ABI 1.0 header, as a third party
 * built it the day 1.0 was released: every later 1.x core must load and
 * run it unchanged. It reaches every kind of host member (options, text,
 * tokens, term and stem tables, scores, errors) and checks what it gets, so
 * that a moved member or a changed token layout makes rank() fail with a
 * message rather than pass by luck. Ranks the last sentences first. */
#include "plugin-1.0.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  const abridge_host *host;
  int64_t bonus_sentence; /* option: this sentence (1-based) ranks first */
} V10;

static const abridge_option v10_options[] = {
  { "bonus_sentence", ABRIDGE_OPTION_INT, "0", "rank this sentence (1-based) first; 0 = none" },
  { "label", ABRIDGE_OPTION_STRING, "frozen", "must read back as set" },
  { NULL, 0, NULL, NULL },
};

static void *
v10_instantiate (const abridge_host *host, const abridge_options *options, abridge_error *error)
{
  if (ABRIDGE_ABI_VERSION_MAJOR (host->abi_version) != 1
      || host->struct_size < offsetof (abridge_host, result_set_error) + sizeof (void *))
    {
      host->set_error (error, "host table of ABI %#x, %u bytes: not a 1.x host",
                       (unsigned) host->abi_version, (unsigned) host->struct_size);
      return NULL;
    }
  const char *label = host->option_string (options, "label");
  if (label == NULL || strcmp (label, "frozen") != 0)
    {
      host->set_error (error, "option label reads '%s', not its default", label ? label : "(null)");
      return NULL;
    }
  V10 *self = calloc (1, sizeof *self);
  if (self == NULL)
    {
      host->set_error (error, "out of memory");
      return NULL;
    }
  self->host = host;
  self->bonus_sentence = host->option_int (options, "bonus_sentence");
  return self;
}

/* The token's bytes in the input, case-folded (ASCII), equal its term. */
static int
token_matches_term (const abridge_host *host, const abridge_document *doc, const abridge_token *t)
{
  size_t len;
  const char *text = host->document_text (doc, &len);
  const char *term = host->term_text (doc, t->term);
  const char *stem = host->stem_text (doc, t->stem);
  if (term == NULL || stem == NULL || (size_t) t->start + t->len > len || t->stem >= host->stem_count (doc))
    return 0;
  if (strlen (term) != t->len)
    return 1; /* non-ASCII folding may change the length: nothing to compare */
  for (size_t i = 0; i < t->len; i++)
    {
      char c = text[t->start + i];
      if (c >= 'A' && c <= 'Z')
        c = (char) (c - 'A' + 'a');
      if ((unsigned char) c < 0x80 && c != term[i])
        return 0;
    }
  return 1;
}

static int
v10_rank (void *instance, const abridge_document *doc, abridge_result *result)
{
  const V10 *self = instance;
  const abridge_host *host = self->host;
  uint32_t n = host->sentence_count (doc);
  double *scores = host->result_scores (result);
  if (scores == NULL || host->paragraph_count (doc) == 0 || host->term_count (doc) == 0)
    {
      host->result_set_error (result, "empty host answers: the host table moved");
      return 1;
    }
  for (uint32_t i = 0; i < n; i++)
    {
      uint32_t flags = host->sentence_flags (doc, i);
      size_t len;
      uint32_t start, end, k;
      const char *text = host->sentence_text (doc, i, &len);
      host->sentence_span (doc, i, &start, &end);
      const abridge_token *tokens = host->sentence_tokens (doc, i, &k);
      if (text == NULL || len == 0 || start >= end || (k > 0 && tokens == NULL))
        {
          host->result_set_error (result, "sentence %u: empty text or span", i);
          return 1;
        }
      for (uint32_t t = 0; t < k; t++)
        if (tokens[t].start < start || tokens[t].start >= end
            || !token_matches_term (host, doc, &tokens[t]))
          {
            host->result_set_error (result, "sentence %u token %u: layout of abridge_token", i, t);
            return 1;
          }
      if (flags & (ABRIDGE_SENTENCE_BOILERPLATE | ABRIDGE_SENTENCE_TITLE))
        continue;
      scores[i] = (i + 1 == self->bonus_sentence) ? 2.0 * n : (double) i;
    }
  host->log (host, ABRIDGE_LOG_DEBUG, "ranked %u sentences", n);
  return 0;
}

static void
v10_cleanup (void *instance)
{
  free (instance);
}

static const abridge_plugin v10_descriptor = {
  .struct_size = sizeof (abridge_plugin),
  .abi_version = ABRIDGE_ABI_VERSION, /* 1.0, from the frozen header */
  .id = "v1-0",
  .name = "Built against ABI 1.0",
  .version = "1.0.0",
  .description = "test plugin: compiled with the frozen 1.0 header; the last sentences first",
  .flags = 0,
  .options = v10_options,
  .instantiate = v10_instantiate,
  .rank = v10_rank,
  .cleanup = v10_cleanup,
  .extension_data = NULL,
};

ABRIDGE_PLUGIN_EXPORT const abridge_plugin *
abridge_plugin_descriptor (uint32_t host_abi, uint32_t index)
{
  if (ABRIDGE_ABI_VERSION_MAJOR (host_abi) != ABRIDGE_ABI_MAJOR || index > 0)
    return NULL;
  return &v10_descriptor;
}
