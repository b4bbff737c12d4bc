/* JSON: string escaping for the renderers; records (record.c) are freed here. */
#include "config.h"
#include <abridge/abridge.h>

#include <string.h>

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
