/* One brief rendered on its own, as the public abridge_render() gives it:
 * the briefs writers' entry for a single article. */
#include "config.h"
#include "output/writer.h"

#include <abridge/batch.h>

gboolean
abridge_format_parse (const char *name, AbridgeFormat *format)
{
  static const struct { const char *name; AbridgeFormat format; } names[] = {
    { "text", ABRIDGE_FORMAT_TEXT },         { "json", ABRIDGE_FORMAT_JSON },
    { "jsonl", ABRIDGE_FORMAT_JSONL },       { "markdown", ABRIDGE_FORMAT_MARKDOWN },
    { "md", ABRIDGE_FORMAT_MARKDOWN },       { "html", ABRIDGE_FORMAT_HTML },
    { "keywords", ABRIDGE_FORMAT_KEYWORDS },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].name) == 0)
      {
        *format = names[i].format;
        return TRUE;
      }
  return FALSE;
}

AbridgeReportFormat
abridge_format_briefs (AbridgeFormat format)
{
  switch (format)
    {
    case ABRIDGE_FORMAT_JSON: return ABRIDGE_REPORT_JSON;
    case ABRIDGE_FORMAT_JSONL: return ABRIDGE_REPORT_JSONL;
    case ABRIDGE_FORMAT_MARKDOWN: return ABRIDGE_REPORT_MARKDOWN;
    case ABRIDGE_FORMAT_HTML: return ABRIDGE_REPORT_PAGE;
    case ABRIDGE_FORMAT_KEYWORDS: return ABRIDGE_REPORT_KEYWORDS;
    case ABRIDGE_FORMAT_TEXT: break;
    }
  return ABRIDGE_REPORT_TEXT;
}

void
abridge_render (GString *out, AbridgeFormat format, const abridge_source *source,
                const abridge_document *doc, const char *plugin, const abridge_brief *brief)
{
  abridge_render_page (out, format, source, NULL, doc, plugin, brief);
}

void
abridge_render_page (GString *out, AbridgeFormat format, const abridge_source *source,
                     const abridge_article *page, const abridge_document *doc,
                     const char *plugin, const abridge_brief *brief)
{
  abridge_report_entry entry = {
    .id = source->id != NULL ? source->id : source->file != NULL ? source->file : "Article",
    .file = source->file,
    .record = source->id != NULL,
    .title = abridge_document_title (doc, NULL),
    .dateline = abridge_document_dateline (doc),
    .language = abridge_document_language (doc),
    .page = page != NULL,
    .author = page != NULL ? page->author : NULL,
    .date = page != NULL ? page->date : NULL,
    .site_name = page != NULL ? page->site_name : NULL,
    .url = page != NULL ? page->url : NULL,
    .plugin = plugin,
    .brief = brief,
  };
  entry.text = abridge_document_text (doc, &entry.text_len);
  abr_write_context ctx = { .scratch = g_ptr_array_new_with_free_func (g_free) };
  abr_writer_for (abridge_format_briefs (format))->entry (out, NULL, &ctx, &entry);
  g_ptr_array_unref (ctx.scratch);
}
