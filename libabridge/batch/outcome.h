/* What summarizing one article gives, made in a worker thread or in a
 * worker process (isolate.c), and its form on the wire between them. */
#ifndef ABRIDGE_OUTCOME_H
#define ABRIDGE_OUTCOME_H

#include <abridge/batch.h>

typedef struct {
  abridge_brief *brief;
  char *title;          /* the given one with its white space folded, or the one found */
  char *dateline;
  const char *language; /* static: an ISO 639-1 code */
  char *error;          /* the article failed: why (then nothing else is set) */
} abr_outcome;

void abr_outcome_clear (abr_outcome *out);

/* Summarizes TEXT (LEN bytes; TITLE may be NULL) as O says with ENGINE. */
void abr_summarize_text (abridge_engine *engine, const abridge_batch_options *o, const char *text,
                         gsize len, const char *title, abr_outcome *out);

/* Byte strings with a length before each field: a request (the article)
 * and a reply (its outcome). The reader fails on anything malformed, so a
 * worker process that wrote garbage fails its article, not its parent. */
void abr_wire_put_request (GByteArray *buf, const char *text, gsize len, const char *title);
gboolean abr_wire_get_request (const guint8 *data, gsize size, const char **text, gsize *len,
                               char **title);
void abr_wire_put_outcome (GByteArray *buf, const abr_outcome *out);
gboolean abr_wire_get_outcome (const guint8 *data, gsize size, abr_outcome *out);

#endif
