/* How text is made safe for each output. Every number is written with
 * g_ascii_* so the output does not change with the locale. */
#include "config.h"
#include "output/escape.h"
#include "text/append.h"
#include "text/swar.h"

#include <math.h>
#include <string.h>

/* The length of the control character at P (of the N bytes left): a C0
 * control or DEL (1), a C1 control U+0080-U+009F, C2 80-9F in UTF-8 (2);
 * 0 for anything else. A terminal acts on any of them (ESC starts CSI and
 * OSC sequences, U+009B is CSI itself in some), so none reaches one from
 * an article. */
static gsize
control_length (const char *p, gsize n)
{
  guchar c = (guchar) *p;
  if (c < 0x20 || c == 0x7F)
    return 1;
  if (c == 0xC2 && n > 1 && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x9F)
    return 2;
  return 0;
}

/* Whether any of the 8 bytes at P may need an escape (the stops below):
 * the usual SWAR zero-byte test on X xor each stop byte, and a less-than
 * test for the controls. For a stop below 0x80 the high bit of X xor it
 * is X's, so ~X masks those tests; 0xC2 and 0xE2 need their own. */
#define ONES ABR_SWAR_ONES
#define HIGHS ABR_SWAR_HIGHS
static inline gboolean
json_word_may_stop (const char *p)
{
  guint64 x = abr_swar_load (p);
  guint64 quote = x ^ (ONES * '"'), backslash = x ^ (ONES * '\\'), del = x ^ (ONES * 0x7F);
  guint64 c2 = x ^ (ONES * 0xC2), e2 = x ^ (ONES * 0xE2);
  guint64 ascii = ((x - ONES * 0x20) | (quote - ONES) | (backslash - ONES) | (del - ONES)) & ~x;
  return ((ascii | ((c2 - ONES) & ~c2) | ((e2 - ONES) & ~e2)) & HIGHS) != 0;
}

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
   * lead bytes of C1 controls and of U+2028/U+2029. One load a byte, not
   * five comparisons. */
  static const guint8 stops[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* U+0000 to U+001F */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['\\'] = 1, [0x7F] = 1, [0xC2] = 1, [0xE2] = 1,
  };
  gsize run = 0; /* start of the bytes not yet copied: they need no escape */
  for (gsize i = 0; i < n; i++)
    {
      /* Most of a text needs no escape: skip it a word at a time. */
      while (n - i >= 8 && !json_word_may_stop (text + i))
        i += 8;
      if (i >= n)
        break;
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
      /* C1 controls (C2 80-9F) are escaped like C0: a terminal showing
       * the JSON would act on them. Other C2 sequences are Latin-1 text. */
      gboolean c1 = c == 0xC2 && control_length (text + i, n - i) == 2;
      if (c == 0xC2 && !c1)
        continue;
      abr_string_append (out, text + run, i - run);
      if (escape != NULL)
        g_string_append (out, escape);
      else if (c1)
        {
          g_string_append_printf (out, "\\u%04x", (guchar) text[i + 1]);
          i++;
        }
      else if (separator)
        {
          g_string_append_printf (out, "\\u%04x", 0x2000 + ((guchar) text[i + 2] - 0x80));
          i += 2;
        }
      else
        g_string_append_printf (out, "\\u%04x", c);
      run = i + 1;
    }
  abr_string_append (out, text + run, n - run);
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
abridge_append_printable (GString *out, const char *text, gssize len, AbridgePrintable mode)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  gsize run = 0;
  for (gsize i = 0; i < n;)
    {
      gsize k = control_length (text + i, n - i);
      char c = text[i];
      if (k == 0 || (mode == ABRIDGE_PRINTABLE_TEXT && (c == '\n' || c == '\t')))
        {
          i++;
          continue;
        }
      abr_string_append (out, text + run, i - run);
      if (mode == ABRIDGE_PRINTABLE_TEXT)
        g_string_append_c (out, ' ');
      else if (c == '\n' || c == '\t' || c == '\r')
        g_string_append (out, c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\r");
      else if (k == 1)
        g_string_append_printf (out, "\\x%02X", (guchar) c);
      else
        g_string_append_printf (out, "\\u%04X", (guchar) text[i + 1]);
      i += k;
      run = i;
    }
  abr_string_append (out, text + run, n - run);
}

char *
abr_printable_line (const char *text)
{
  GString *out = g_string_new (NULL);
  if (text != NULL)
    abridge_append_printable (out, text, -1, ABRIDGE_PRINTABLE_LINE);
  return g_string_free (out, FALSE);
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
  GString *flat = g_string_new (NULL);
  /* A newline in a title would end the heading; tabs are flattened too. */
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (flat, *p == '\n' || *p == '\t' ? ' ' : *p);
  GString *shown = g_string_new (NULL);
  abridge_append_printable (shown, flat->str, (gssize) flat->len, ABRIDGE_PRINTABLE_TEXT);
  abr_markdown_escape (out, shown->str, (gssize) shown->len);
  g_string_free (shown, TRUE);
  g_string_free (flat, TRUE);
}

void
abr_html_escape (GString *out, const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      if (control_length (p, 2) == 2)
        {
          /* A C1 control: HTML forbids them as it does C0. */
          g_string_append_c (out, ' ');
          p++;
          continue;
        }
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
