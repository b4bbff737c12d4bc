/* The host side of the plugin ABI: the function table and the objects a
 * plugin writes into. */
#ifndef ABRIDGE_HOST_H
#define ABRIDGE_HOST_H

#include <abridge/abridge.h>

/* Each plugin instance gets its own copy of the table, so that log() can
 * name the plugin: the table is the first member, and the pointer the
 * plugin holds is the context's. */
typedef struct abr_host_context {
  abridge_host table;
  const char *plugin_id;
} abr_host_context;

void abr_host_context_init (abr_host_context *ctx, const char *plugin_id);

struct abridge_error {
  char *message;
};

typedef struct abr_extract {
  uint32_t start, end;
  double score;
  GPtrArray *annotations; /* alternating key, value */
} abr_extract;

struct abridge_result {
  const abridge_document *doc;
  double *scores;
  uint32_t n_scores;
  GArray *extracts; /* abr_extract */
  char *error;
};

abridge_result *abr_result_new (const abridge_document *doc);
void abr_result_free (abridge_result *result);

/* Whether log() messages below WARNING are shown
 * (ABRIDGE_PLUGIN_VERBOSE=1). */
gboolean abr_host_verbose (void);

#endif
