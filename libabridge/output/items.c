/* What every writer reads off a brief and its items. */
#include "config.h"
#include "output/writer.h"
#include "source/input.h"

#include <string.h>

const char *
abr_write_valid (const abr_write_context *ctx, const char *s)
{
  if (s == NULL || abr_utf8_validate (s, strlen (s), NULL))
    return s;
  char *fixed = g_utf8_make_valid (s, -1);
  g_ptr_array_add (ctx->scratch, fixed);
  return fixed;
}

const char *
abr_item_annotation (const abridge_brief_item *item, const char *key)
{
  for (guint i = 0; item->annotations != NULL && i + 1 < item->annotations->len; i += 2)
    if (g_strcmp0 (item->annotations->pdata[i], key) == 0)
      return item->annotations->pdata[i + 1];
  return NULL;
}

const char *
abr_item_quote (const abridge_brief_item *item)
{
  const char *quote = abr_item_annotation (item, "quote");
  return quote != NULL ? quote : item->text;
}

char *
abr_item_attribution (const abridge_brief_item *item)
{
  const char *speaker = abr_item_annotation (item, "speaker");
  const char *title = abr_item_annotation (item, "speaker_title");
  if (speaker == NULL || *speaker == '\0')
    return NULL;
  return title != NULL && *title != '\0' ? g_strdup_printf ("%s, %s", speaker, title)
                                         : g_strdup (speaker);
}

gboolean
abr_starts_quoted (const char *text)
{
  static const char *const marks[] = { "\"", "'", "“", "‘", "«", "‹", "„", "‚", "»" };
  for (gsize i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_str_has_prefix (text, marks[i]))
      return TRUE;
  return FALSE;
}

void
abr_entry_metadata (const abridge_report_entry *entry, const char *meta[ABR_N_META])
{
  const char *fields[ABR_N_META] = { entry->id,   entry->source,   entry->author,
                                     entry->date, entry->dateline, entry->url };
  memcpy (meta, fields, sizeof fields);
}

void
abr_write_words (GString *out, const abr_write_context *ctx, char **keywords,
                 void (*escape) (GString *out, const char *text))
{
  for (char **w = keywords; *w != NULL; w++)
    {
      g_string_append (out, w != keywords ? ", " : "");
      escape (out, abr_write_valid (ctx, *w));
    }
}

void
abr_write_header (GString *out, const abr_write_context *ctx, const abridge_report_entry *entry)
{
  if (!ctx->many)
    return;
  /* One line, whatever the id holds: a newline would forge a header. */
  g_string_append (out, ctx->written > 0 ? "\n==> " : "==> ");
  abridge_append_printable (out, entry->id, -1, ABRIDGE_PRINTABLE_LINE);
  g_string_append (out, " <==\n");
}
