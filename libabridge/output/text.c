/* Text: a brief for people at a terminal, one sentence a line. */
#include "config.h"
#include "output/writer.h"

static void
text_entry (GString *out, GString *toc, const abr_write_context *ctx,
            const abridge_report_entry *entry)
{
  (void) toc;
  if (entry->error != NULL)
    return;
  /* Everything from the article is made printable: a terminal shows it. */
  abr_write_header (out, ctx, entry);
  const abridge_brief *brief = entry->brief;
  for (guint i = 0; i < abr_brief_length (brief); i++)
    {
      const abridge_brief_item *item = &g_array_index (brief->items, abridge_brief_item, i);
      abridge_append_printable (out, item->text, -1, ABRIDGE_PRINTABLE_TEXT);
      char *who = abr_item_attribution (item);
      if (who != NULL)
        {
          g_string_append (out, " — ");
          abridge_append_printable (out, who, -1, ABRIDGE_PRINTABLE_LINE);
        }
      g_free (who);
      g_string_append_c (out, '\n');
    }
  if (brief != NULL && brief->keywords != NULL)
    {
      g_string_append (out, "Keywords: ");
      for (char **w = brief->keywords; *w != NULL; w++)
        {
          g_string_append (out, w != brief->keywords ? ", " : "");
          abridge_append_printable (out, *w, -1, ABRIDGE_PRINTABLE_LINE);
        }
      g_string_append_c (out, '\n');
    }
}

const abr_writer abr_writer_text = { .entry = text_entry };
