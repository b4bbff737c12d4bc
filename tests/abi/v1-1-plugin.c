/* A plugin built against the frozen ABI 1.1 header: it reads the member
 * 1.1 appended (document_language), after checking that the host has it,
 * as the header tells a plugin to. Every later 1.x core must load and run
 * it unchanged. Ranks the first sentences first; rank() fails with a
 * message when the member is missing or answers nonsense. */
#include "plugin-1.1.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  const abridge_host *host;
} V11;

static void *
v11_instantiate (const abridge_host *host, const abridge_options *options, abridge_error *error)
{
  (void) options;
  if (!ABRIDGE_HAS_MEMBER (host, abridge_host, document_language)
      || ABRIDGE_ABI_VERSION_MINOR (host->abi_version) < 1)
    {
      host->set_error (error, "host table of ABI %#x, %u bytes: no document_language",
                       (unsigned) host->abi_version, (unsigned) host->struct_size);
      return NULL;
    }
  V11 *self = calloc (1, sizeof *self);
  if (self == NULL)
    {
      host->set_error (error, "out of memory");
      return NULL;
    }
  self->host = host;
  return self;
}

static int
v11_rank (void *instance, const abridge_document *doc, abridge_result *result)
{
  const V11 *self = instance;
  const abridge_host *host = self->host;
  const char *lang = host->document_language (doc);
  if (lang == NULL || strcmp (lang, "en") != 0)
    {
      host->result_set_error (result, "document_language says '%s', not en", lang ? lang : "(null)");
      return 1;
    }
  uint32_t n = host->sentence_count (doc);
  double *scores = host->result_scores (result);
  for (uint32_t i = 0; i < n; i++)
    scores[i] = (double) (n - i);
  return 0;
}

static void
v11_cleanup (void *instance)
{
  free (instance);
}

static const abridge_plugin v11_descriptor = {
  .struct_size = sizeof (abridge_plugin),
  .abi_version = ABRIDGE_ABI_VERSION, /* 1.1, from the frozen header */
  .id = "v1-1",
  .name = "Built against ABI 1.1",
  .version = "1.1.0",
  .description = "test plugin: compiled with the frozen 1.1 header; the first sentences first",
  .flags = 0,
  .options = NULL,
  .instantiate = v11_instantiate,
  .rank = v11_rank,
  .cleanup = v11_cleanup,
  .extension_data = NULL,
};

ABRIDGE_PLUGIN_EXPORT const abridge_plugin *
abridge_plugin_descriptor (uint32_t host_abi, uint32_t index)
{
  if (ABRIDGE_ABI_VERSION_MAJOR (host_abi) != ABRIDGE_ABI_MAJOR || index > 0)
    return NULL;
  return &v11_descriptor;
}
