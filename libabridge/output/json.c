/* JSON: a brief as one object (pretty for one article, a line each for
 * several), or a report: a header object and an array of entries (json),
 * or one entry a line (jsonl). */
#include "config.h"
#include "output/escape.h"
#include "output/writer.h"

#include <string.h>

static void
member (GString *out, const char *name, const char *value)
{
  g_string_append (out, ",\"");
  g_string_append (out, name);
  g_string_append (out, "\":");
  abridge_json_append_string (out, value, -1);
}

/* One item. Annotations are members of their own ("speaker": …); the
 * core's keys are never overridden. A brief gives each item's byte span
 * in the input. */
static void
json_item (GString *out, const abr_write_context *ctx, const abridge_brief_item *item,
           gboolean spans)
{
  g_string_append (out, item->extract ? "{\"sentence_index\":" : "{\"index\":");
  abridge_json_append_uint (out, item->sentence);
  member (out, "text", abr_write_valid (ctx, item->text));
  g_string_append (out, ",\"score\":");
  abr_json_append_number (out, item->score);
  if (spans)
    {
      g_string_append (out, ",\"start\":");
      abridge_json_append_uint (out, item->start);
      g_string_append (out, ",\"end\":");
      abridge_json_append_uint (out, item->end);
    }
  static const char *const reserved[] = { "index", "sentence_index", "text", "score", "start", "end" };
  for (guint k = 0; item->annotations != NULL && k + 1 < item->annotations->len; k += 2)
    {
      const char *key = item->annotations->pdata[k];
      gboolean taken = FALSE;
      for (gsize r = 0; r < G_N_ELEMENTS (reserved); r++)
        taken |= strcmp (key, reserved[r]) == 0;
      if (taken)
        continue;
      g_string_append_c (out, ',');
      abridge_json_append_string (out, abr_write_valid (ctx, key), -1);
      g_string_append_c (out, ':');
      abridge_json_append_string (out, abr_write_valid (ctx, item->annotations->pdata[k + 1]), -1);
    }
  g_string_append_c (out, '}');
}

/* "sentences" then, when there are any, "extracts". */
static void
json_items (GString *out, const abr_write_context *ctx, const abridge_brief *brief,
            gboolean spans)
{
  guint n = abr_brief_length (brief), extracts = 0;
  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1 && extracts == 0)
        break;
      g_string_append (out, pass == 0 ? ",\"sentences\":[" : ",\"extracts\":[");
      for (guint i = 0, written = 0; i < n; i++)
        {
          const abridge_brief_item *item = &g_array_index (brief->items, abridge_brief_item, i);
          extracts += pass == 0 && item->extract;
          if (item->extract != (pass == 1))
            continue;
          if (written++ > 0)
            g_string_append_c (out, ',');
          json_item (out, ctx, item, spans);
        }
      g_string_append_c (out, ']');
    }
}

static void
json_keywords (GString *out, const abr_write_context *ctx, char **keywords)
{
  if (keywords == NULL)
    return;
  g_string_append (out, ",\"keywords\":[");
  for (char **w = keywords; *w != NULL; w++)
    {
      if (w != keywords)
        g_string_append_c (out, ',');
      abridge_json_append_string (out, abr_write_valid (ctx, *w), -1);
    }
  g_string_append_c (out, ']');
}

/* A brief, as `abridge -f json FILE` writes it. */
static void
brief_object (GString *out, const abr_write_context *ctx, const abridge_report_entry *entry)
{
  if (entry->record)
    {
      g_string_append (out, "{\"id\":");
      abridge_json_append_string (out, entry->id, -1);
    }
  else
    {
      g_string_append (out, "{\"file\":");
      abridge_json_append_string (out, entry->file != NULL ? entry->file : "-", -1);
    }
  member (out, "title", entry->title);
  member (out, "dateline", entry->dateline);
  member (out, "language", entry->language);
  if (entry->page)
    {
      const char *keys[] = { "author", "date", "site_name", "url" };
      const char *values[] = { entry->author, entry->date, entry->site_name, entry->url };
      for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
        if (values[i] != NULL)
          member (out, keys[i], values[i]);
    }
  member (out, "plugin", entry->plugin);
  json_items (out, ctx, entry->brief, TRUE);
  GString *joined = g_string_new (NULL);
  for (guint i = 0; i < abr_brief_length (entry->brief); i++)
    {
      if (i > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, g_array_index (entry->brief->items, abridge_brief_item, i).text);
    }
  g_string_append (out, ",\"brief\":");
  abridge_json_append_string (out, joined->str, (gssize) joined->len);
  g_string_free (joined, TRUE);
  json_keywords (out, ctx, entry->brief->keywords);
  g_string_append (out, "}\n");
}

/* A report's entry: the same object a line in "articles" (json) and a
 * line of its own (jsonl). */
static void
report_object (GString *out, const abr_write_context *ctx, const abridge_report_entry *entry)
{
  g_string_append (out, "{\"seq\":");
  abridge_json_append_uint (out, entry->seq);
  const char *names[] = { "id", "title", "source", "date", "url", "dateline" };
  const char *values[] = { entry->id, entry->title, entry->source, entry->date, entry->url,
                           entry->dateline };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    member (out, names[i], abr_write_valid (ctx, values[i]));
  if (ctx->grouped)
    member (out, "group", ctx->group);
  const abridge_brief *brief = entry->error == NULL ? entry->brief : NULL;
  json_items (out, ctx, brief, FALSE);
  if (brief != NULL)
    json_keywords (out, ctx, brief->keywords);
  if (entry->error != NULL)
    member (out, "error", abr_write_valid (ctx, entry->error));
  g_string_append_c (out, '}');
}

/* Appends COMPACT, one JSON value as brief_object() writes it, indented
 * by two spaces a level for people reading -f json. */
static void
indent_json (GString *out, const char *compact)
{
  int depth = 0;
  gboolean in_string = FALSE;
  for (const char *p = compact; *p; p++)
    {
      char c = *p;
      if (in_string)
        {
          g_string_append_c (out, c);
          if (c == '\\' && p[1] != '\0')
            g_string_append_c (out, *++p);
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      switch (c)
        {
        case '"':
          in_string = TRUE;
          g_string_append_c (out, c);
          break;
        case '{':
        case '[':
          g_string_append_c (out, c);
          if (p[1] == '}' || p[1] == ']')
            g_string_append_c (out, *++p); /* {} and [] stay on one line */
          else
            g_string_append_printf (out, "\n%*s", 2 * ++depth, "");
          break;
        case '}':
        case ']':
          g_string_append_printf (out, "\n%*s%c", 2 * --depth, "", c);
          break;
        case ',':
          g_string_append_printf (out, ",\n%*s", 2 * depth, "");
          break;
        case ':':
          g_string_append (out, ": ");
          break;
        default:
          g_string_append_c (out, c);
        }
    }
}

static void
json_begin (GString *out, const abr_write_context *ctx)
{
  g_string_append (out, "{\"report\":{\"title\":");
  abridge_json_append_string (out, ctx->title, -1);
  member (out, "plugin", ctx->plugin);
  member (out, "budget", ctx->budget);
  g_string_append_printf (out, ",\"articles\":%" G_GUINT64_FORMAT ",\"failures\":%" G_GUINT64_FORMAT,
                          ctx->articles, ctx->failures);
  if (ctx->timestamp != NULL)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      member (out, "timestamp", ctx->timestamp);
      g_string_append_printf (out, ",\"seconds\":%s",
                              g_ascii_formatd (buf, sizeof buf, "%.1f", ctx->seconds));
    }
  g_string_append (out, "},\n\"articles\":[");
}

/* A report's entry, or a brief: pretty for one article (json), a line
 * for each of several (jsonl). */
static void
entry (GString *out, const abr_write_context *ctx, const abridge_report_entry *entry,
       gboolean pretty)
{
  if (ctx->report)
    report_object (out, ctx, entry);
  else if (entry->error == NULL && !pretty)
    brief_object (out, ctx, entry);
  else if (entry->error == NULL)
    {
      GString *compact = g_string_new (NULL);
      brief_object (compact, ctx, entry);
      indent_json (out, compact->str);
      g_string_free (compact, TRUE);
    }
}

static void
json_entry (GString *out, GString *toc, const abr_write_context *ctx,
            const abridge_report_entry *e)
{
  (void) toc;
  entry (out, ctx, e, TRUE);
}

static void
jsonl_entry (GString *out, GString *toc, const abr_write_context *ctx,
             const abridge_report_entry *e)
{
  (void) toc;
  entry (out, ctx, e, FALSE);
}

static void
json_end (GString *out, const abr_write_context *ctx)
{
  (void) ctx;
  g_string_append (out, "\n]}\n");
}

const abr_writer abr_writer_json = {
  .begin = json_begin, .entry = json_entry, .end = json_end, .array = TRUE,
};
const abr_writer abr_writer_jsonl = { .entry = jsonl_entry, .lines = TRUE };
