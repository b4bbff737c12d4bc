/* A descriptor exactly as large as ABI 1.0 defines it, the way every 1.0
 * plugin's is, seen by a core that may be newer: the host must take it as
 * complete, and treat any member a later minor appended as absent without
 * reading it. The descriptor ends right where a PROT_NONE page begins, so
 * a host that reads past struct_size crashes instead of reading junk.
 * The test reads it as a hypothetical 1.1 host would (test-abi.c). */
#include <abridge/plugin.h>

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* What ABI 1.0 defines: up to and including extension_data. */
#define DESCRIPTOR_SIZE_1_0 \
  (offsetof (abridge_plugin, extension_data) + sizeof (((abridge_plugin *) 0)->extension_data))

static const abridge_host *older_host;

static const abridge_option older_options[] = {
  { "unused", ABRIDGE_OPTION_BOOL, "false", "an option, to read the table through the host" },
  { NULL, 0, NULL, NULL },
};

static void *
older_instantiate (const abridge_host *host, const abridge_options *options, abridge_error *error)
{
  (void) options;
  (void) error;
  older_host = host;
  return calloc (1, 1);
}

/* The lead: first sentences first. */
static int
older_rank (void *instance, const abridge_document *doc, abridge_result *result)
{
  (void) instance;
  double *scores = older_host->result_scores (result);
  uint32_t n = older_host->sentence_count (doc);
  for (uint32_t i = 0; i < n; i++)
    scores[i] = (double) (n - i);
  return 0;
}

static void
older_cleanup (void *instance)
{
  free (instance);
}

static const abridge_plugin older_template = {
  .struct_size = DESCRIPTOR_SIZE_1_0,
  .abi_version = (1u << 16) | 0u, /* 1.0, whatever the header says now */
  .id = "older",
  .name = "A 1.0-sized descriptor",
  .version = "1.0.0",
  .description = "test plugin: a descriptor of exactly the 1.0 size, before a guard page",
  .options = older_options,
  .instantiate = older_instantiate,
  .rank = older_rank,
  .cleanup = older_cleanup,
};

static void *pages;
static size_t page_size;

/* Discovery class: the host serialises calls, so lazy set-up is safe. */
static const abridge_plugin *
guarded_descriptor (void)
{
  static const abridge_plugin *placed;
  if (placed != NULL)
    return placed;
  page_size = (size_t) sysconf (_SC_PAGESIZE);
  pages = mmap (NULL, 2 * page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (pages == MAP_FAILED)
    return pages = NULL;
  char *guard = (char *) pages + page_size;
  char *at = guard - DESCRIPTOR_SIZE_1_0;
  memcpy (at, &older_template, DESCRIPTOR_SIZE_1_0);
  if (mprotect (guard, page_size, PROT_NONE) != 0 || mprotect (pages, page_size, PROT_READ) != 0)
    return NULL;
  return placed = (const abridge_plugin *) (void *) at;
}

__attribute__ ((destructor)) static void
unmap_descriptor (void)
{
  if (pages != NULL)
    munmap (pages, 2 * page_size);
}

ABRIDGE_PLUGIN_EXPORT const abridge_plugin *
abridge_plugin_descriptor (uint32_t host_abi, uint32_t index)
{
  (void) host_abi;
  return index == 0 ? guarded_descriptor () : NULL;
}
