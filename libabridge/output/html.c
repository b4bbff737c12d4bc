/* HTML: a report as one self-contained page (its own style, no script,
 * nothing loaded). Every piece of text is escaped; the one way out of the
 * page is an article's own http(s) URL, as a link. */
#include "config.h"
#include "output/escape.h"
#include "output/wording.h"
#include "output/writer.h"

static gboolean
is_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

static const char html_style[] =
  ":root{color-scheme:light}\n"
  "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
  /* Long URLs, ids and words break anywhere rather than widen the page:
   * at phone width a wider page scrolls sideways. */
  "body{font:17px/1.55 Georgia,\"Times New Roman\",serif;color:#1b1b1b;background:#fff;"
  "max-width:44em;margin:2.5em auto;padding:0 1.2em;word-wrap:break-word;"
  "overflow-wrap:anywhere}\n"
  "pre,table{display:block;max-width:100%;overflow-x:auto}\n"
  "pre{white-space:pre-wrap}\n"
  "h1{font-size:2em;line-height:1.2;margin:0 0 .3em}\n"
  "h2{font-size:1.4em;border-bottom:1px solid #d5d5d0;padding-bottom:.15em;margin:2em 0 .6em}\n"
  "h3{font-size:1.15em;margin:1.6em 0 .3em}\n"
  "article h2,article h3{line-height:1.3}\n"
  ".summary{font-size:1.1em;margin:.2em 0}\n"
  ".params,.meta,nav.toc,.failures ul{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,"
  "\"Helvetica Neue\",Arial,sans-serif}\n"
  ".params{color:#555;font-size:.85em;margin:.2em 0 1.5em}\n"
  ".meta{color:#5a5a5a;font-size:.82em;margin:0 0 .6em}\n"
  ".meta .id{font-family:ui-monospace,Menlo,Consolas,monospace}\n"
  "nav.toc{background:#f6f5f1;border:1px solid #e2e0d8;border-radius:6px;padding:.6em 1.2em;"
  "font-size:.92em}\n"
  "nav.toc h2{font-size:1em;border:0;margin:.2em 0;padding:0}\n"
  "nav.toc ol{margin:.2em 0;padding-left:1.6em}\n"
  "a{color:#1d4f91;text-decoration:none}\n"
  "a:hover{text-decoration:underline}\n"
  "ul.brief{padding-left:1.2em;margin:.4em 0}\n"
  "ul.brief li{margin:.35em 0}\n"
  "li.quote .who{color:#555;font-style:italic}\n"
  ".keywords{color:#555;font-size:.9em}\n"
  ".empty{color:#777;font-style:italic}\n"
  ".failures ul{font-size:.92em}\n"
  ".failures li{margin:.3em 0}\n"
  ".failures code{background:#f3f1ec;padding:0 .25em;border-radius:3px}\n"
  "@media print{\n"
  "body{font-size:11pt;max-width:none;margin:0;padding:0;color:#000}\n"
  "nav.toc{background:none;border:0;padding:0}\n"
  "a{color:#000}\n"
  "article,li{break-inside:avoid}\n"
  "h1,h2,h3{break-after:avoid}\n"
  "}\n"
  "@media (max-width:30em){\n"
  "body{font-size:16px;margin:1.2em auto;padding:0 .8em}\n"
  "h1{font-size:1.6em}\n"
  "nav.toc{padding:.5em .8em}\n"
  "nav.toc ol{padding-left:1.2em}\n"
  "}\n";

static void
html_begin (GString *s, const abr_write_context *ctx)
{
  g_string_append (s, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      /* Belt and braces: even an escaping bug could load nothing. */
                      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                      "style-src 'unsafe-inline'\">\n"
                      "<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
  abr_html_escape (s, ctx->title);
  g_string_append (s, "</title>\n<style>\n");
  g_string_append (s, html_style);
  g_string_append (s, "</style>\n</head>\n<body>\n<header>\n<h1>");
  abr_html_escape (s, ctx->title);
  g_string_append (s, "</h1>\n<p class=\"summary\">");
  abr_append_outcome (s, ctx->articles, ctx->failures);
  if (ctx->timestamp != NULL)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append (s, "; generated ");
      abr_html_escape (s, ctx->timestamp);
      g_string_append_printf (s, " in %s s", g_ascii_formatd (buf, sizeof buf, "%.1f", ctx->seconds));
    }
  g_string_append (s, ".</p>\n<p class=\"params\">");
  if (ctx->plugin != NULL)
    {
      g_string_append (s, "Plugins: <b>");
      abr_html_escape (s, ctx->plugin);
      g_string_append (s, "</b>");
    }
  if (ctx->budget != NULL)
    {
      g_string_append (s, ctx->plugin != NULL ? " · Budget: <b>" : "Budget: <b>");
      abr_html_escape (s, ctx->budget);
      g_string_append (s, "</b>");
    }
  g_string_append (s, "</p>\n</header>\n");
}

void
abr_html_toc_begin (GString *out)
{
  g_string_append (out, "<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
}

/* A group's name: a day as people write it when grouped by date. */
static void
group_label (GString *out, const char *label, gboolean dates)
{
  if (!dates || !abr_append_readable_date (out, label, NULL))
    abr_html_escape (out, label);
}

void
abr_html_toc_group (GString *out, const char *label, gboolean dates, guint number,
                    gboolean first)
{
  g_string_append (out, first ? "" : "</ol></li>\n");
  g_string_append_printf (out, "<li><a href=\"#g-%u\">", number);
  group_label (out, label, dates);
  g_string_append (out, "</a>\n<ol>\n");
}

void
abr_html_toc_end (GString *out, guint groups, guint64 failures)
{
  if (groups > 0)
    g_string_append (out, "</ol></li>\n");
  if (failures > 0)
    g_string_append_printf (out, "<li><a href=\"#failures\">Failures (%" G_GUINT64_FORMAT
                                 ")</a></li>\n", failures);
  g_string_append (out, "</ol>\n</nav>\n<main>\n");
}

static void
html_group (GString *out, const abr_write_context *ctx, const char *label, guint number)
{
  if (label == NULL)
    {
      g_string_append (out, "</section>\n"); /* the end of the last group */
      return;
    }
  g_string_append_printf (out, "%s<section class=\"group\" id=\"g-%u\">\n<h2>",
                          number == 1 ? "" : "</section>\n", number);
  group_label (out, label, ctx->dated_groups);
  g_string_append (out, "</h2>\n");
}

static void
html_item (GString *out, const abr_write_context *ctx, const abridge_brief_item *item)
{
  if (!item->extract)
    {
      g_string_append (out, "<li>");
      abr_html_escape (out, abr_write_valid (ctx, item->text));
      g_string_append (out, "</li>\n");
      return;
    }
  const char *quote = abr_write_valid (ctx, abr_item_quote (item));
  gboolean mark = !abr_starts_quoted (quote);
  g_string_append (out, "<li class=\"quote\">");
  g_string_append (out, mark ? "“" : "");
  abr_html_escape (out, quote);
  g_string_append (out, mark ? "”" : "");
  char *who = abr_item_attribution (item);
  if (who != NULL)
    {
      g_string_append (out, " <span class=\"who\">— ");
      abr_html_escape (out, abr_write_valid (ctx, who));
      g_string_append (out, "</span>");
    }
  g_free (who);
  g_string_append (out, "</li>\n");
}

/* Whether URL is a web address a link may go to: http or https, a host,
 * and nothing a browser would strip or reinterpret (white space, control
 * characters). Anything else (javascript:, data:, file:, a relative path)
 * stays text. */
static gboolean
is_web_url (const char *url)
{
  gsize skip = g_ascii_strncasecmp (url, "https://", 8) == 0  ? 8
               : g_ascii_strncasecmp (url, "http://", 7) == 0 ? 7
                                                                : 0;
  if (skip == 0 || url[skip] == '\0' || url[skip] == '/')
    return FALSE;
  for (const guchar *p = (const guchar *) url; *p != '\0'; p++)
    if (*p <= 0x20 || *p == 0x7F || *p == '\\')
      return FALSE;
  return TRUE;
}

/* DATE as a reader wants it, in <time> with the day for machines and the
 * full value as a tooltip, when it is an ISO date; else as given. */
static void
html_date (GString *out, const char *date)
{
  GString *readable = g_string_new (NULL);
  char day[11];
  if (abr_append_readable_date (readable, date, day))
    {
      g_string_append_printf (out, "<time datetime=\"%s\" title=\"", day);
      abr_html_escape (out, date);
      g_string_append_printf (out, "\">%s</time>", readable->str);
    }
  else
    abr_html_escape (out, date);
  g_string_free (readable, TRUE);
}

/* The line under an entry's heading: id, source, author, date, dateline,
 * URL, those it has. The date reads as a date when it is an ISO one (the
 * machine-readable form kept in <time>), else as given. */
static void
html_metadata (GString *out, const abr_write_context *ctx, const abridge_report_entry *entry)
{
  static const char *const classes[ABR_N_META] = { "id", "source", "author", "date", "dateline",
                                                   "url" };
  const char *meta[ABR_N_META];
  abr_entry_metadata (entry, meta);
  g_string_append (out, "<p class=\"meta\">");
  for (gsize i = 0, shown = 0; i < ABR_N_META; i++)
    {
      const char *value = abr_write_valid (ctx, meta[i]);
      if (is_empty (value))
        continue;
      g_string_append (out, shown++ > 0 ? " · " : "");
      if (i == ABR_META_URL && is_web_url (value))
        {
          /* The one link out: no referrer, no handle on this page. */
          g_string_append (out, "<a class=\"url\" href=\"");
          abr_html_escape (out, value);
          g_string_append (out, "\" rel=\"noopener noreferrer\">");
          abr_html_escape (out, value);
          g_string_append (out, "</a>");
          continue;
        }
      g_string_append_printf (out, "<span class=\"%s\">", classes[i]);
      if (i == ABR_META_AUTHOR)
        g_string_append (out, "by ");
      if (i == ABR_META_DATE)
        html_date (out, value);
      else
        abr_html_escape (out, value);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</p>\n");
}

static void
html_entry (GString *out, GString *toc, const abr_write_context *ctx,
            const abridge_report_entry *entry)
{
  if (entry->error != NULL)
    {
      g_string_append (out, "<li><code>");
      abr_html_escape (out, abr_write_valid (ctx, entry->id));
      g_string_append (out, "</code> — ");
      abr_html_escape (out, abr_write_valid (ctx, entry->error));
      g_string_append (out, "</li>\n");
      return;
    }
  /* The anchor comes from seq, never the id: ids are arbitrary text and
   * need not be unique. */
  const char *title = abr_write_valid (ctx, entry->title);
  const char *heading = !is_empty (title) ? title : abr_write_valid (ctx, entry->id);
  const char *h = ctx->grouped ? "h3" : "h2";
  g_string_append_printf (toc, "<li><a href=\"#a-%" G_GUINT64_FORMAT "\">", entry->seq);
  abr_html_escape (toc, heading);
  g_string_append (toc, "</a></li>\n");

  g_string_append_printf (out, "<article id=\"a-%" G_GUINT64_FORMAT "\">\n<%s>", entry->seq, h);
  abr_html_escape (out, heading);
  g_string_append_printf (out, "</%s>\n", h);

  html_metadata (out, ctx, entry);

  const abridge_brief *brief = entry->brief;
  guint n = abr_brief_length (brief);
  if (n == 0)
    g_string_append (out, "<p class=\"empty\">No sentence was selected.</p>\n");
  else
    {
      g_string_append (out, "<ul class=\"brief\">\n");
      for (guint i = 0; i < n; i++)
        html_item (out, ctx, &g_array_index (brief->items, abridge_brief_item, i));
      g_string_append (out, "</ul>\n");
    }
  if (brief != NULL && brief->keywords != NULL && brief->keywords[0] != NULL)
    {
      g_string_append (out, "<p class=\"keywords\"><b>Keywords:</b> ");
      abr_write_words (out, ctx, brief->keywords, abr_html_escape);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</article>\n");
}

static void
html_failures (GString *out, const abr_write_context *ctx)
{
  (void) ctx;
  g_string_append (out, "<section id=\"failures\" class=\"failures\">\n<h2>Failures</h2>\n<ul>\n");
}

static void
html_end (GString *out, const abr_write_context *ctx)
{
  if (ctx->failures > 0)
    g_string_append (out, "</ul>\n</section>\n");
  g_string_append (out, "</main>\n</body>\n</html>\n");
}

const abr_writer abr_writer_html = {
  .begin = html_begin,
  .group = html_group,
  .entry = html_entry,
  .failures = html_failures,
  .end = html_end,
};
