/* Batch runs: many articles through one plugin set on every core, into one
 * report, in input order and in bounded memory. */
#ifndef ABRIDGE_BATCH_H
#define ABRIDGE_BATCH_H

#include <abridge/abridge.h>

#include "output/report.h"

typedef struct abridge_batch_options {
  char **inputs;            /* files, directories, JSONL corpora, "-" (JSONL on stdin) */
  const char *glob;         /* file names taken from directories; NULL: every file */
  const char *input_format; /* "text", "html", "jsonl" or NULL (by file name and content) */
  gsize max_bytes;
  guint threads;            /* workers, at least 1 */
  const char *plugins;
  const char *const *options; /* "plugin.key=value" */
  abridge_budget budget;
  guint keywords;
  gboolean progress;        /* a progress line on stderr */
  guint shard_index;        /* with shard_count > 1: summarize only the articles */
  guint shard_count;        /* whose number mod shard_count is shard_index */
  const char *lang;         /* an ISO 639-1 code, or "auto"/NULL: guessed per article */
} abridge_batch_options;

typedef struct abridge_batch_stats {
  guint64 articles;  /* summarized */
  guint64 failures;  /* reported as failed */
  guint64 bytes;     /* of article text read */
  double seconds;
} abridge_batch_stats;

/* Summarizes every article of OPTIONS->inputs with OPTIONS->threads
 * workers, each with its own engine over REGISTRY, and adds the outcomes to
 * REPORT in input order. A bad article (unreadable, invalid UTF-8, empty,
 * a plugin error) becomes a failure entry and a line "abridge: ID: reason"
 * on stderr; it never stops the run. Returns FALSE only when the run could
 * not go on at all (the plugins could not start, the report could not be
 * written). */
ABRIDGE_API gboolean abridge_batch_run (abridge_registry *registry, const abridge_batch_options *options,
                            abridge_report *report, abridge_batch_stats *stats, GError **error);

#endif
