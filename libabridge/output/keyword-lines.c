/* Keywords alone, one a line: what a shell pipeline (sort, grep, a tag
 * file) takes, like the keyword output of other summarizers. */
#include "config.h"
#include "output/writer.h"

static void
keywords_entry (GString *out, GString *toc, const abr_write_context *ctx,
                const abridge_report_entry *entry)
{
  (void) toc;
  if (entry->error != NULL)
    return;
  /* As the text output heads each article. */
  abr_write_header (out, ctx, entry);
  if (entry->brief == NULL || entry->brief->keywords == NULL)
    return;
  for (char **w = entry->brief->keywords; *w != NULL; w++)
    {
      abridge_append_printable (out, abr_write_valid (ctx, *w), -1, ABRIDGE_PRINTABLE_LINE);
      g_string_append_c (out, '\n');
    }
}

const abr_writer abr_writer_keywords = { .entry = keywords_entry };
