/* Rendering a brief: text for people, JSON for programs, Markdown for
 * reports. Every number is written with g_ascii_* so the output does not
 * change with the locale. */
#include "config.h"
#include "output/render.h"

#include <math.h>
#include <string.h>

#include <abridge/abridge.h>

gboolean
abridge_format_parse (const char *name, AbridgeFormat *format)
{
  static const struct { const char *name; AbridgeFormat format; } names[] = {
    { "text", ABRIDGE_FORMAT_TEXT },         { "json", ABRIDGE_FORMAT_JSON },
    { "jsonl", ABRIDGE_FORMAT_JSONL },       { "markdown", ABRIDGE_FORMAT_MARKDOWN },
    { "md", ABRIDGE_FORMAT_MARKDOWN },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].name) == 0)
      {
        *format = names[i].format;
        return TRUE;
      }
  return FALSE;
}

void
abridge_json_append_number (GString *out, double value)
{
  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.6g", value));
}

static const char *
annotation (const abridge_brief_item *item, const char *key)
{
  for (guint i = 0; item->annotations != NULL && i + 1 < item->annotations->len; i += 2)
    if (strcmp (item->annotations->pdata[i], key) == 0)
      return item->annotations->pdata[i + 1];
  return NULL;
}

/* "— Speaker, title" for a quote extract, or NULL. */
static char *
attribution (const abridge_brief_item *item)
{
  const char *speaker = annotation (item, "speaker");
  const char *title = annotation (item, "speaker_title");
  if (speaker == NULL)
    return NULL;
  return title != NULL ? g_strdup_printf ("%s, %s", speaker, title) : g_strdup (speaker);
}

static void
append_joined (GString *out, char **words, const char *sep, gboolean markdown)
{
  for (char **w = words; *w != NULL; w++)
    {
      if (w != words)
        g_string_append (out, sep);
      if (markdown)
        abridge_markdown_escape (out, *w, -1);
      else
        g_string_append (out, *w);
    }
}

static void
render_text (GString *out, const abridge_brief *brief)
{
  for (guint i = 0; i < brief->items->len; i++)
    {
      const abridge_brief_item *item = &g_array_index (brief->items, abridge_brief_item, i);
      g_string_append (out, item->text);
      char *who = attribution (item);
      if (who != NULL)
        g_string_append_printf (out, " — %s", who);
      g_free (who);
      g_string_append_c (out, '\n');
    }
  if (brief->keywords != NULL)
    {
      g_string_append (out, "Keywords: ");
      append_joined (out, brief->keywords, ", ", FALSE);
      g_string_append_c (out, '\n');
    }
}

void
abridge_markdown_escape (GString *out, const char *text, gssize len)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  for (gsize i = 0; i < n; i++)
    {
      if (strchr ("\\`*_[]<>#|", text[i]) != NULL && text[i] != '\0')
        g_string_append_c (out, '\\');
      g_string_append_c (out, text[i]);
    }
}

static void
render_markdown (GString *out, const abridge_source *source, const abridge_document *doc,
                 const abridge_brief *brief)
{
  const char *title = abridge_document_title (doc, NULL);
  const char *name = source->id != NULL ? source->id : source->file;
  g_string_append (out, "## ");
  abridge_markdown_escape (out, title != NULL ? title : name != NULL ? name : "Article", -1);
  g_string_append (out, "\n\n");
  if (name != NULL && title != NULL)
    {
      g_string_append (out, "*");
      abridge_markdown_escape (out, name, -1);
      g_string_append (out, "*\n\n");
    }
  for (guint i = 0; i < brief->items->len; i++)
    {
      const abridge_brief_item *item = &g_array_index (brief->items, abridge_brief_item, i);
      g_string_append (out, "- ");
      abridge_markdown_escape (out, item->text, -1);
      char *who = attribution (item);
      if (who != NULL)
        {
          g_string_append (out, " — ");
          abridge_markdown_escape (out, who, -1);
        }
      g_free (who);
      g_string_append_c (out, '\n');
    }
  if (brief->keywords != NULL)
    {
      g_string_append (out, "\n*Keywords:* ");
      append_joined (out, brief->keywords, ", ", TRUE);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static void
render_item_json (GString *out, const abridge_brief_item *item)
{
  g_string_append_c (out, '{');
  g_string_append (out, item->extract ? "\"sentence_index\":" : "\"index\":");
  abridge_json_append_uint (out, item->sentence);
  g_string_append_c (out, ',');
  g_string_append (out, "\"text\":");
  abridge_json_append_string (out, item->text, -1);
  g_string_append (out, ",\"score\":");
  abridge_json_append_number (out, item->score);
  g_string_append (out, ",\"start\":");
  abridge_json_append_uint (out, item->start);
  g_string_append (out, ",\"end\":");
  abridge_json_append_uint (out, item->end);
  /* Annotations are members of their own ("speaker": …); the core's keys
   * above are never overridden. */
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
      abridge_json_append_string (out, key, -1);
      g_string_append_c (out, ':');
      abridge_json_append_string (out, item->annotations->pdata[k + 1], -1);
    }
  g_string_append_c (out, '}');
}

static void
render_json (GString *out, const abridge_source *source, const abridge_article *page,
             const abridge_document *doc, const char *plugin, const abridge_brief *brief)
{
  g_string_append_c (out, '{');
  if (source->id != NULL)
    {
      g_string_append (out, "\"id\":");
      abridge_json_append_string (out, source->id, -1);
    }
  else
    {
      g_string_append (out, "\"file\":");
      abridge_json_append_string (out, source->file != NULL ? source->file : "-", -1);
    }
  g_string_append (out, ",\"title\":");
  abridge_json_append_string (out, abridge_document_title (doc, NULL), -1);
  g_string_append (out, ",\"dateline\":");
  abridge_json_append_string (out, abridge_document_dateline (doc), -1);
  g_string_append (out, ",\"language\":");
  abridge_json_append_string (out, abridge_document_language (doc), -1);
  if (page != NULL)
    {
      const char *keys[] = { "author", "date", "site_name", "url" };
      const char *values[] = { page->author, page->date, page->site_name, page->url };
      for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
        if (values[i] != NULL)
          {
            g_string_append_printf (out, ",\"%s\":", keys[i]);
            abridge_json_append_string (out, values[i], -1);
          }
    }
  g_string_append (out, ",\"plugin\":");
  abridge_json_append_string (out, plugin, -1);

  gboolean extracts = FALSE;
  g_string_append (out, ",\"sentences\":[");
  guint written = 0;
  for (guint i = 0; i < brief->items->len; i++)
    {
      const abridge_brief_item *item = &g_array_index (brief->items, abridge_brief_item, i);
      if (item->extract)
        {
          extracts = TRUE;
          continue;
        }
      if (written++ > 0)
        g_string_append_c (out, ',');
      render_item_json (out, item);
    }
  g_string_append_c (out, ']');
  if (extracts)
    {
      g_string_append (out, ",\"extracts\":[");
      written = 0;
      for (guint i = 0; i < brief->items->len; i++)
        {
          const abridge_brief_item *item = &g_array_index (brief->items, abridge_brief_item, i);
          if (!item->extract)
            continue;
          if (written++ > 0)
            g_string_append_c (out, ',');
          render_item_json (out, item);
        }
      g_string_append_c (out, ']');
    }

  GString *joined = g_string_new (NULL);
  for (guint i = 0; i < brief->items->len; i++)
    {
      if (i > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, g_array_index (brief->items, abridge_brief_item, i).text);
    }
  g_string_append (out, ",\"brief\":");
  abridge_json_append_string (out, joined->str, (gssize) joined->len);
  g_string_free (joined, TRUE);
  if (brief->keywords != NULL)
    {
      g_string_append (out, ",\"keywords\":[");
      for (char **w = brief->keywords; *w != NULL; w++)
        {
          if (w != brief->keywords)
            g_string_append_c (out, ',');
          abridge_json_append_string (out, *w, -1);
        }
      g_string_append_c (out, ']');
    }
  g_string_append (out, "}\n");
}

/* Appends COMPACT, one JSON value as render_json() writes it, indented
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
  switch (format)
    {
    case ABRIDGE_FORMAT_TEXT:
      render_text (out, brief);
      break;
    case ABRIDGE_FORMAT_MARKDOWN:
      render_markdown (out, source, doc, brief);
      break;
    case ABRIDGE_FORMAT_JSONL:
      render_json (out, source, page, doc, plugin, brief);
      break;
    case ABRIDGE_FORMAT_JSON:
      {
        GString *compact = g_string_new (NULL);
        render_json (compact, source, page, doc, plugin, brief);
        indent_json (out, compact->str);
        g_string_free (compact, TRUE);
      }
      break;
    }
}
