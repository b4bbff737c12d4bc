/* How text is made safe for each output. Every number is written with
 * g_ascii_* so the output does not change with the locale. */
#include "config.h"
#include "output/escape.h"

#include <math.h>
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
  /* The bytes that may need an escape: controls, '"', '\\', DEL, and the
   * lead byte of U+2028/U+2029. One load a byte, not five comparisons. */
  static const guint8 stops[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* U+0000 to U+001F */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['\\'] = 1, [0x7F] = 1, [0xE2] = 1,
  };
  gsize run = 0; /* start of the bytes not yet copied: they need no escape */
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) text[i];
      if (!stops[c])
        continue;
      const char *escape = NULL;
      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default: break;
        }
      /* U+2028 and U+2029 end lines in JavaScript: escaped for JSONP and
       * <script> embedding. Other E2 sequences are copied as they are. */
      gboolean separator = c == 0xE2 && i + 2 < n && (guchar) text[i + 1] == 0x80
                           && ((guchar) text[i + 2] == 0xA8 || (guchar) text[i + 2] == 0xA9);
      if (c == 0xE2 && !separator)
        continue;
      g_string_append_len (out, text + run, (gssize) (i - run));
      if (escape != NULL)
        g_string_append (out, escape);
      else if (separator)
        {
          g_string_append_printf (out, "\\u%04x", 0x2000 + ((guchar) text[i + 2] - 0x80));
          i += 2;
        }
      else
        g_string_append_printf (out, "\\u%04x", c);
      run = i + 1;
    }
  g_string_append_len (out, text + run, (gssize) (n - run));
  g_string_append_c (out, '"');
}

void
abridge_json_append_uint (GString *out, guint64 value)
{
  char digits[20];
  int n = 0;
  do
    digits[sizeof digits - ++n] = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  g_string_append_len (out, digits + sizeof digits - n, n);
}

void
abr_json_append_number (GString *out, double value)
{
  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.6g", value));
}

void
abr_markdown_escape (GString *out, const char *text, gssize len)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  for (gsize i = 0; i < n; i++)
    {
      if (strchr ("\\`*_[]<>#|", text[i]) != NULL && text[i] != '\0')
        g_string_append_c (out, '\\');
      g_string_append_c (out, text[i]);
    }
}

void
abr_markdown_inline (GString *out, const char *text)
{
  gsize len = strlen (text);
  char *flat = g_strndup (text, len);
  for (gsize i = 0; i < len; i++)
    if ((guchar) flat[i] < 0x20 || flat[i] == 0x7F)
      flat[i] = ' ';
  abr_markdown_escape (out, flat, (gssize) len);
  g_free (flat);
}

void
abr_html_escape (GString *out, const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        default:
          g_string_append_c (out, (c < 0x20 || c == 0x7F) ? ' ' : (char) c);
        }
    }
}
