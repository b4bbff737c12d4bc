/* JSON: string escaping for the renderers, and JSONL record parsing with
 * json-glib. */
#include "config.h"
#include <abridge/abridge.h>

#include <json-glib/json-glib.h>
#include <string.h>

#include <abridge/abridge.h>

void
abridge_json_append_string (GString *out, const char *text, gssize len)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  g_string_append_c (out, '"');
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) text[i];
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20 || c == 0x7F)
            g_string_append_printf (out, "\\u%04x", c);
          else if (c == 0xE2 && i + 2 < n && (guchar) text[i + 1] == 0x80
                   && ((guchar) text[i + 2] == 0xA8 || (guchar) text[i + 2] == 0xA9))
            {
              g_string_append_printf (out, "\\u%04x", 0x2000 + ((guchar) text[i + 2] - 0x80));
              i += 2;
            }
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static char *
member_string (JsonObject *obj, const char *name, gboolean number_ok, GError **error)
{
  JsonNode *node = json_object_get_member (obj, name);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);
      if (type == G_TYPE_STRING)
        {
          /* json-glib turns a lone surrogate escape (\udc00) into bytes that
           * are not UTF-8; nothing downstream may see them. */
          const char *value = json_node_get_string (node);
          if (!g_utf8_validate (value, -1, NULL))
            {
              g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT,
                           "\"%s\" is not valid UTF-8 (a lone surrogate escape?)", name);
              return NULL;
            }
          return g_strdup (value);
        }
      if (type == G_TYPE_INT64 && number_ok)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    }
  g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "\"%s\" is not a string", name);
  return NULL;
}

/* Offset of a \u0000 escape in LINE, or -1. JSON strings may hold NUL;
 * C strings, and so articles, may not. */
static gssize
escaped_nul (const char *line, gsize len)
{
  for (const char *p = line; (p = memchr (p, '\\', len - (gsize) (p - line))) != NULL;)
    {
      const char *run = p;
      while (p < line + len && *p == '\\')
        p++;
      /* An odd run of backslashes escapes the next character. */
      if ((p - run) % 2 == 1 && line + len - p >= 5 && (*p == 'u' || *p == 'U')
          && memcmp (p + 1, "0000", 4) == 0)
        return (gssize) (p - 1 - line);
    }
  return -1;
}

gboolean
abridge_record_parse (const char *line, gsize len, abridge_record *record, GError **error)
{
  memset (record, 0, sizeof *record);
  if (!g_utf8_validate_len (line, len, NULL))
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "invalid UTF-8");
      return FALSE;
    }
  gssize nul = escaped_nul (line, len);
  if (nul >= 0)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT,
                   "NUL character (\\u0000) at byte offset %" G_GSSIZE_FORMAT, nul);
      return FALSE;
    }
  JsonParser *parser = json_parser_new_immutable ();
  GError *local = NULL;
  gboolean ok = FALSE;
  if (!json_parser_load_from_data (parser, line, (gssize) len, &local))
    {
      /* The parser quotes the input, which may hold broken escapes. */
      char *message = g_utf8_make_valid (local->message, -1);
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "not valid JSON: %s", message);
      g_free (message);
      g_error_free (local);
      goto out;
    }
  JsonNode *root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "not a JSON object");
      goto out;
    }
  JsonObject *obj = json_node_get_object (root);
  GError *field_error = NULL;
  /* Corpora number their articles: an integer id is an id. */
  record->id = member_string (obj, "id", TRUE, &field_error);
  if (field_error == NULL)
    record->title = member_string (obj, "title", FALSE, &field_error);
  if (field_error == NULL)
    record->text = member_string (obj, "text", FALSE, &field_error);
  if (field_error == NULL)
    record->summary = member_string (obj, "summary", FALSE, &field_error);
  /* Metadata is a courtesy: a field of another type is left out, not an error. */
  record->source = member_string (obj, "source", FALSE, NULL);
  record->date = member_string (obj, "date", FALSE, NULL);
  record->url = member_string (obj, "url", FALSE, NULL);
  if (field_error != NULL)
    {
      g_propagate_error (error, field_error);
      abridge_record_clear (record);
      goto out;
    }
  if (record->text == NULL)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "no \"text\" string");
      abridge_record_clear (record);
      goto out;
    }
  record->text_len = strlen (record->text);
  ok = TRUE;
out:
  g_object_unref (parser);
  return ok;
}

void
abridge_record_clear (abridge_record *record)
{
  g_clear_pointer (&record->id, g_free);
  g_clear_pointer (&record->title, g_free);
  g_clear_pointer (&record->text, g_free);
  g_clear_pointer (&record->summary, g_free);
  g_clear_pointer (&record->source, g_free);
  g_clear_pointer (&record->date, g_free);
  g_clear_pointer (&record->url, g_free);
  record->text_len = 0;
}
