/* The page: one article whole, as a standalone HTML page with its brief's
 * sentences marked where they stand, as Open Text Summarizer's --html
 * shows a summary. Its own style, no script, nothing loaded; every piece
 * of text is escaped. */
#include "config.h"
#include "output/escape.h"
#include "output/writer.h"

#include <stdlib.h>
#include <string.h>

static const char page_style[] =
  ":root{color-scheme:light}\n"
  "body{font:17px/1.55 Georgia,\"Times New Roman\",serif;color:#1b1b1b;background:#fff;"
  "max-width:44em;margin:2.5em auto;padding:0 1.2em;overflow-wrap:break-word}\n"
  "h1{font-size:1.8em;line-height:1.2;margin:0 0 .6em}\n"
  "mark{background:#fff2a8;color:inherit;padding:0 .1em}\n"
  ".keywords{color:#555;font:.85em system-ui,sans-serif}\n"
  "@media print{body{max-width:none;margin:0}mark{background:none;font-weight:bold}}\n";

typedef struct {
  guint32 start, end;
} Span;

static int
compare_spans (const void *a, const void *b)
{
  const Span *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start;
}

/* The brief's spans within LEN bytes, in text order, overlaps merged. */
static GArray *
marked_spans (const abridge_brief *brief, gsize len)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  for (guint i = 0; i < abr_brief_length (brief); i++)
    {
      const abridge_brief_item *item = &g_array_index (brief->items, abridge_brief_item, i);
      if (item->start < item->end && item->end <= len)
        g_array_append_val (spans, ((Span) { item->start, item->end }));
    }
  if (spans->len > 1) /* an empty GArray's data is NULL, which qsort may not take */
    qsort (spans->data, spans->len, sizeof (Span), compare_spans);
  guint kept = 0;
  for (guint i = 0; i < spans->len; i++)
    {
      Span s = g_array_index (spans, Span, i);
      Span *last = kept > 0 ? &g_array_index (spans, Span, kept - 1) : NULL;
      if (last != NULL && s.start <= last->end)
        last->end = MAX (last->end, s.end);
      else
        g_array_index (spans, Span, kept++) = s;
    }
  g_array_set_size (spans, kept);
  return spans;
}

static void
escape_range (GString *out, const abr_write_context *ctx, const char *text, gsize from, gsize to)
{
  char *piece = g_strndup (text + from, to - from);
  abr_html_escape (out, abr_write_valid (ctx, piece));
  g_free (piece);
}

/* Where the paragraph at or after *POS starts and ends: paragraphs are
 * separated by lines of white space. FALSE when none is left. */
static gboolean
next_paragraph (const char *text, gsize len, gsize *pos, gsize *start, gsize *end)
{
  gsize p = *pos;
  while (p < len && g_ascii_isspace (text[p]))
    p++;
  if (p >= len)
    return FALSE;
  *start = p;
  for (;;)
    {
      const char *nl = memchr (text + p, '\n', len - p);
      if (nl == NULL)
        {
          p = len;
          break;
        }
      gsize q = (gsize) (nl - text) + 1;
      while (q < len && text[q] != '\n' && g_ascii_isspace (text[q]))
        q++;
      p = (gsize) (nl - text);
      if (q >= len || text[q] == '\n')
        break;
      p = q;
    }
  *end = p;
  while (*end > *start && g_ascii_isspace (text[*end - 1]))
    (*end)--;
  *pos = p;
  return TRUE;
}

/* One paragraph [START, END) with the spans from *NEXT on marked; a span
 * that goes on past the paragraph is closed there and reopened in the
 * next one, so that the elements nest. */
static void
write_paragraph (GString *out, const abr_write_context *ctx, const char *text, gsize start,
                 gsize end, const GArray *spans, guint *next)
{
  g_string_append (out, "<p>");
  gsize cur = start;
  while (cur < end)
    {
      while (*next < spans->len && g_array_index (spans, Span, *next).end <= cur)
        (*next)++;
      const Span *s = *next < spans->len ? &g_array_index (spans, Span, *next) : NULL;
      if (s == NULL || s->start >= end)
        {
          escape_range (out, ctx, text, cur, end);
          break;
        }
      if (s->start > cur)
        {
          escape_range (out, ctx, text, cur, s->start);
          cur = s->start;
        }
      gsize to = MIN ((gsize) s->end, end);
      g_string_append (out, "<mark>");
      escape_range (out, ctx, text, cur, to);
      g_string_append (out, "</mark>");
      cur = to;
    }
  g_string_append (out, "</p>\n");
}

static void
page_entry (GString *out, GString *toc, const abr_write_context *ctx,
            const abridge_report_entry *entry)
{
  (void) toc;
  if (entry->error != NULL)
    return;
  const char *text = entry->text != NULL ? entry->text : "";
  gsize len = entry->text != NULL ? entry->text_len : 0;
  const char *title = entry->title != NULL ? abr_write_valid (ctx, entry->title) : entry->id;
  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  abr_html_escape (out, entry->language != NULL ? entry->language : "en");
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                        "'none'; style-src 'unsafe-inline'\">\n"
                        "<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
  abr_html_escape (out, abr_write_valid (ctx, title));
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, page_style);
  g_string_append (out, "</style>\n</head>\n<body>\n<article>\n<h1>");
  abr_html_escape (out, abr_write_valid (ctx, title));
  g_string_append (out, "</h1>\n");

  GArray *spans = marked_spans (entry->brief, len);
  guint next = 0;
  gsize pos = 0, start, end;
  gboolean first = TRUE;
  while (next_paragraph (text, len, &pos, &start, &end))
    {
      /* A title found in the text is its first paragraph: shown once, as
       * the heading, unless the brief chose it. */
      gboolean is_title = first && entry->title != NULL && end - start == strlen (entry->title)
                          && memcmp (text + start, entry->title, end - start) == 0
                          && (spans->len == 0 || g_array_index (spans, Span, 0).start >= end);
      first = FALSE;
      if (!is_title)
        write_paragraph (out, ctx, text, start, end, spans, &next);
    }
  g_array_unref (spans);
  if (entry->brief != NULL && entry->brief->keywords != NULL)
    {
      g_string_append (out, "<p class=\"keywords\">Keywords: ");
      abr_write_words (out, ctx, entry->brief->keywords, abr_html_escape);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</article>\n</body>\n</html>\n");
}

const abr_writer abr_writer_page = { .entry = page_entry, .text = TRUE };
