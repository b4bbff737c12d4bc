/* A plugin from a newer minor of the ABI than this core speaks (one past
 * ABRIDGE_ABI_MINOR): its descriptor is the current one followed by
 * members this core has never heard of. The host must accept it, reading
 * nothing past what it knows, and run it; the extra members must never be
 * called. */
#include <abridge/plugin.h>

#include <stdlib.h>

/* What a future header appends; test-abi.c reads `license` as a newer host
 * would, so the two files share this layout. */
typedef struct {
  abridge_plugin current;
  const char *license;
  uint64_t future_bits;
  void (*future_hook) (void);
} newer_plugin;

static const abridge_host *newer_host;

static void *
newer_instantiate (const abridge_host *host, const abridge_options *options, abridge_error *error)
{
  (void) options;
  (void) error;
  newer_host = host;
  return calloc (1, 1);
}

/* Middle sentences first: tells it apart from lead and from "last". */
static int
newer_rank (void *instance, const abridge_document *doc, abridge_result *result)
{
  (void) instance;
  double *scores = newer_host->result_scores (result);
  uint32_t n = newer_host->sentence_count (doc);
  /* Distance from the middle, the earlier of two equals first. */
  for (uint32_t i = 0; i < n; i++)
    {
      double d = 2.0 * i - (n - 1.0);
      scores[i] = -(d < 0 ? -d : d) - i / (4.0 * n);
    }
  return 0;
}

static void
newer_cleanup (void *instance)
{
  free (instance);
}

static void
never_called (void)
{
  abort ();
}

static const newer_plugin descriptor = {
  .current = {
    .struct_size = sizeof (newer_plugin),
    .abi_version = (ABRIDGE_ABI_MAJOR << 16) | (ABRIDGE_ABI_MINOR + 1),
    .id = "newer",
    .name = "A descriptor from the next minor ABI",
    .version = "1.1.0",
    .description = "test plugin: a larger descriptor, with members this core does not know",
    .instantiate = newer_instantiate,
    .rank = newer_rank,
    .cleanup = newer_cleanup,
  },
  .license = "MIT",
  .future_bits = UINT64_MAX,
  .future_hook = never_called,
};

ABRIDGE_PLUGIN_EXPORT const abridge_plugin *
abridge_plugin_descriptor (uint32_t host_abi, uint32_t index)
{
  (void) host_abi;
  return index == 0 ? &descriptor.current : NULL;
}
