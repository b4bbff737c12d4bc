/* Text scraped from the web: where its paragraphs are when blank lines do
 * not say. Hard-wrapped text (every line about as long as the widest)
 * ends a paragraph at a short line that ends a sentence; text with one
 * paragraph a line and no blank lines (the usual copy from a browser)
 * ends one at every long line that ends a sentence. Lists and short
 * headings stay as they are. Spans only: the text itself is not changed,
 * so byte offsets still point into the input. */
#include "config.h"
#include "text/webtext.h"

#include <string.h>

#include "text/paragraphs.h"

/* Hard wrapping: columns between these, most lines near the widest. */
#define WRAP_MIN_WIDTH 40
#define WRAP_MAX_WIDTH 100
#define WRAP_FULL_SHARE 0.75 /* of the lines but the last, at least FULL of the width */
#define WRAP_FULL 0.8
#define WRAP_SHORT 0.6 /* a line shorter than this ends its paragraph */
/* A line longer than any wrap width is a paragraph of its own. */
#define LONG_LINE_CHARS 100
#define LABEL_MAX_CHARS 40

typedef struct {
  uint32_t start, end; /* trimmed */
  glong chars;
} Line;

/* Whether the line ends as a sentence does: . ! ? … or a closing quote or
 * bracket after one. */
static gboolean
ends_sentence (const char *data, const Line *line)
{
  const char *p = data + line->end;
  while (p > data + line->start)
    {
      p = g_utf8_find_prev_char (data + line->start, p);
      gunichar c = g_utf8_get_char (p);
      if (c == '.' || c == '!' || c == '?' || c == 0x2026)
        return TRUE;
      if (!(c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0x00BB || c == ')'))
        return FALSE;
    }
  return FALSE;
}

/* A short line that ends no sentence and is no list item: a heading or
 * a label of the page ("Source link", "3 Comments"). */
static gboolean
is_label (const char *data, const Line *line)
{
  const char *p = data + line->start;
  gboolean numbered = g_ascii_isdigit (p[0]) && (p[1] == '.' || p[1] == ')');
  char last = data[line->end - 1];
  return line->chars < LABEL_MAX_CHARS && !ends_sentence (data, line) && p[0] != '-' && p[0] != '*'
         && !numbered && strncmp (p, "\u2022", 3) != 0 && last != ':' && last != ',';
}

static void
split_block (const char *data, uint32_t start, uint32_t end, GArray *out)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  for (uint32_t p = start; p < end;)
    {
      const char *nl = memchr (data + p, '\n', end - p);
      uint32_t line_end = nl != NULL ? (uint32_t) (nl - data) : end;
      Line l = { p, line_end, 0 };
      while (l.start < l.end && abr_is_blank_byte ((guchar) data[l.start]))
        l.start++;
      while (l.end > l.start && abr_is_blank_byte ((guchar) data[l.end - 1]))
        l.end--;
      l.chars = g_utf8_strlen (data + l.start, l.end - l.start);
      if (l.end > l.start)
        g_array_append_val (lines, l);
      p = line_end + 1;
    }
  guint n = lines->len;
  glong width = 0;
  for (guint i = 0; i < n; i++)
    width = MAX (width, g_array_index (lines, Line, i).chars);
  guint full = 0;
  for (guint i = 0; i + 1 < n; i++)
    full += g_array_index (lines, Line, i).chars >= WRAP_FULL * width;
  gboolean wrapped = n >= 3 && width >= WRAP_MIN_WIDTH && width <= WRAP_MAX_WIDTH
                     && full >= WRAP_FULL_SHARE * (n - 1);

  uint32_t para_start = start;
  for (guint i = 0; i + 1 < n; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);
      const Line *next = &g_array_index (lines, Line, i + 1);
      gboolean ends = ends_sentence (data, l);
      gboolean cut = wrapped ? ends && l->chars < WRAP_SHORT * width
                             : ends && l->chars > LONG_LINE_CHARS && next->chars > LONG_LINE_CHARS;
      /* A label after a sentence stands alone, and so does what follows it. */
      if ((ends && is_label (data, next))
          || (is_label (data, l) && (i == 0 || ends_sentence (data, l - 1) || is_label (data, l - 1))))
        cut = TRUE;
      if (cut)
        {
          uint32_t pair[2] = { para_start, l->end };
          g_array_append_vals (out, pair, 2);
          para_start = next->start;
        }
    }
  uint32_t pair[2] = { para_start, end };
  g_array_append_vals (out, pair, 2);
  g_array_unref (lines);
}

void
abr_webtext_split (const char *data, GArray *paras)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (uint32_t), paras->len);
  for (guint i = 0; i + 1 < paras->len; i += 2)
    {
      uint32_t start = g_array_index (paras, uint32_t, i);
      uint32_t end = g_array_index (paras, uint32_t, i + 1);
      if (memchr (data + start, '\n', end - start) == NULL)
        g_array_append_vals (out, &g_array_index (paras, uint32_t, i), 2);
      else
        split_block (data, start, end, out);
    }
  g_array_set_size (paras, 0);
  g_array_append_vals (paras, out->data, out->len);
  g_array_unref (out);
}

char *
abridge_text_paragraphs (const char *text, gsize len, gsize *out_len)
{
  /* Blank lines first, as the document finds paragraphs. */
  GArray *paras = g_array_new (FALSE, FALSE, sizeof (uint32_t));
  abr_find_paragraphs (text, 0, len, paras);
  abr_webtext_split (text, paras);

  GString *out = g_string_sized_new (len + 1);
  for (guint i = 0; i + 1 < paras->len; i += 2)
    {
      if (out->len > 0)
        g_string_append (out, "\n\n");
      abr_fold_whitespace (out, text, g_array_index (paras, uint32_t, i),
                               g_array_index (paras, uint32_t, i + 1));
    }
  g_array_unref (paras);
  if (out_len != NULL)
    *out_len = out->len;
  return g_string_free (out, FALSE);
}
