/* lead: the article's opening sentences, the baseline news editors write
 * for (the inverted pyramid). */
#include <abridge/plugin.h>

#include <stdlib.h>

typedef struct {
  const abridge_host *host;
  int skip_headings;
  int per_paragraph;
} Lead;

static const abridge_option lead_options[] = {
  { "skip_headings", ABRIDGE_OPTION_BOOL, "true",
    "rank headings and list items (lines without final punctuation) after prose" },
  { "per_paragraph", ABRIDGE_OPTION_BOOL, "false",
    "take the first sentence of each paragraph before any second sentence" },
  { NULL, 0, NULL, NULL },
};

static void *
lead_instantiate (const abridge_host *host, const abridge_options *options, abridge_error *error)
{
  (void) error;
  Lead *lead = calloc (1, sizeof *lead);
  if (lead == NULL)
    {
      host->set_error (error, "out of memory");
      return NULL;
    }
  lead->host = host;
  lead->skip_headings = host->option_bool (options, "skip_headings");
  lead->per_paragraph = host->option_bool (options, "per_paragraph");
  return lead;
}

static int
lead_rank (void *instance, const abridge_document *doc, abridge_result *result)
{
  const Lead *lead = instance;
  const abridge_host *host = lead->host;
  double *scores = host->result_scores (result);
  uint32_t n = host->sentence_count (doc);
  /* Position among prose sentences; within its paragraph when per_paragraph. */
  double position = 0, in_paragraph = 0;
  uint32_t paragraph = UINT32_MAX;

  for (uint32_t i = 0; i < n; i++)
    {
      uint32_t flags = host->sentence_flags (doc, i);
      if (flags & (ABRIDGE_SENTENCE_BOILERPLATE | ABRIDGE_SENTENCE_TITLE))
        continue;
      uint32_t p = host->sentence_paragraph (doc, i);
      if (p != paragraph)
        {
          paragraph = p;
          in_paragraph = 0;
        }
      double key = lead->per_paragraph ? in_paragraph * n + p : position;
      if (lead->skip_headings && (flags & ABRIDGE_SENTENCE_HEADING))
        key += 2.0 * n * n; /* after every prose sentence */
      else
        {
          position++;
          in_paragraph++;
        }
      scores[i] = 1.0 / (1.0 + key);
    }
  return 0;
}

static void
lead_cleanup (void *instance)
{
  free (instance);
}

static const abridge_plugin lead_descriptor = {
  .struct_size = sizeof (abridge_plugin),
  .abi_version = ABRIDGE_ABI_VERSION,
  .id = "lead",
  .name = "Lead sentences",
  .version = "1.0.0",
  .description = "the article's first sentences, in order (the news baseline)",
  .flags = 0,
  .options = lead_options,
  .instantiate = lead_instantiate,
  .rank = lead_rank,
  .cleanup = lead_cleanup,
  .extension_data = NULL,
};

ABRIDGE_PLUGIN_EXPORT const abridge_plugin *
abridge_plugin_descriptor (uint32_t host_abi, uint32_t index)
{
  if (ABRIDGE_ABI_VERSION_MAJOR (host_abi) != ABRIDGE_ABI_MAJOR || index > 0)
    return NULL;
  return &lead_descriptor;
}
