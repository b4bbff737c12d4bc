/* Markdown: a brief or a whole report, for reading as text or rendering. */
#include "config.h"
#include "output/escape.h"
#include "output/wording.h"
#include "output/writer.h"

static gboolean
is_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

static void
md_begin (GString *out, const abr_write_context *ctx)
{
  g_string_append (out, "# ");
  abr_markdown_inline (out, ctx->title);
  g_string_append (out, "\n\n");
  /* The same sentence as the HTML report's. */
  abr_append_outcome (out, ctx->articles, ctx->failures);
  g_string_append (out, ".\n\n");
  if (ctx->plugin != NULL)
    {
      g_string_append (out, "- Plugins: ");
      abr_markdown_inline (out, ctx->plugin);
      g_string_append_c (out, '\n');
    }
  if (ctx->budget != NULL)
    {
      g_string_append (out, "- Budget: ");
      abr_markdown_inline (out, ctx->budget);
      g_string_append_c (out, '\n');
    }
  if (ctx->timestamp != NULL)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append (out, "- Generated: ");
      abr_markdown_inline (out, ctx->timestamp);
      g_string_append_printf (out, " in %s s\n", g_ascii_formatd (buf, sizeof buf, "%.1f", ctx->seconds));
    }
  if (ctx->plugin != NULL || ctx->budget != NULL || ctx->timestamp != NULL)
    g_string_append_c (out, '\n');
}

static void
md_group (GString *out, const abr_write_context *ctx, const char *label, guint number)
{
  (void) ctx;
  (void) number;
  if (label == NULL)
    return; /* the end of the last group */
  g_string_append (out, "## ");
  abr_markdown_inline (out, label);
  g_string_append (out, "\n\n");
}

/* The line under an entry's heading. A report shows every piece of
 * metadata it has; a brief names its file or record when the heading is
 * a title. */
static void
md_metadata (GString *out, const abr_write_context *ctx, const abridge_report_entry *entry)
{
  const char *meta[ABR_N_META];
  abr_entry_metadata (entry, meta);
  gsize n = ctx->report ? ABR_N_META : 1;
  if (!ctx->report && is_empty (entry->title))
    return;
  for (gsize i = 0, shown = 0; i < n; i++)
    {
      const char *value = abr_write_valid (ctx, meta[i]);
      if (is_empty (value))
        continue;
      g_string_append (out, shown++ > 0 ? " · " : "");
      g_string_append (out, i == ABR_META_AUTHOR ? "by " : "");
      g_string_append (out, i == 0 ? "*" : "");
      abr_markdown_inline (out, value);
      g_string_append (out, i == 0 ? "*" : "");
    }
  g_string_append (out, "\n\n");
}

/* A report shows a quote extract as the quotation in marks, then its
 * speaker; a brief shows the extract's text as the article has it. */
static void
md_item (GString *out, const abr_write_context *ctx, const abridge_brief_item *item)
{
  g_string_append (out, "- ");
  gboolean quoted = item->extract && ctx->report;
  const char *text = abr_write_valid (ctx, quoted ? abr_item_quote (item) : item->text);
  gboolean mark = quoted && !abr_starts_quoted (text);
  g_string_append (out, mark ? "“" : "");
  abr_markdown_inline (out, text);
  g_string_append (out, mark ? "”" : "");
  char *who = item->extract ? abr_item_attribution (item) : NULL;
  if (who != NULL)
    {
      g_string_append (out, " — ");
      abr_markdown_inline (out, abr_write_valid (ctx, who));
    }
  g_free (who);
  g_string_append_c (out, '\n');
}

static void
md_entry (GString *out, GString *toc, const abr_write_context *ctx,
          const abridge_report_entry *entry)
{
  (void) toc;
  if (entry->error != NULL)
    {
      if (!ctx->report)
        return;
      /* A line of the failures list; the heading-level section is for briefs. */
      g_string_append (out, "- ");
      abr_markdown_inline (out, abr_write_valid (ctx, entry->id));
      g_string_append (out, ": ");
      abr_markdown_inline (out, abr_write_valid (ctx, entry->error));
      g_string_append_c (out, '\n');
      return;
    }
  const char *title = abr_write_valid (ctx, entry->title);
  g_string_append (out, ctx->grouped ? "### " : "## ");
  abr_markdown_inline (out, !is_empty (title) ? title : abr_write_valid (ctx, entry->id));
  g_string_append (out, "\n\n");
  md_metadata (out, ctx, entry);

  const abridge_brief *brief = entry->brief;
  guint n = abr_brief_length (brief);
  if (ctx->report && n == 0)
    g_string_append (out, "*No sentence was selected.*\n");
  for (guint i = 0; i < n; i++)
    md_item (out, ctx, &g_array_index (brief->items, abridge_brief_item, i));
  if (brief != NULL && brief->keywords != NULL && (brief->keywords[0] != NULL || !ctx->report))
    {
      g_string_append (out, "\n*Keywords:* ");
      abr_write_words (out, ctx, brief->keywords, abr_markdown_inline);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static void
md_failures (GString *out, const abr_write_context *ctx)
{
  (void) ctx;
  g_string_append (out, "## Failures\n\n");
}

static void
md_end (GString *out, const abr_write_context *ctx)
{
  if (ctx->failures > 0)
    g_string_append_c (out, '\n');
}

const abr_writer abr_writer_markdown = {
  .begin = md_begin,
  .group = md_group,
  .entry = md_entry,
  .failures = md_failures,
  .end = md_end,
};
