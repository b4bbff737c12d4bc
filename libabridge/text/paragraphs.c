/* Paragraphs and white space of plain text (paragraphs.h). */
#include "config.h"
#include "text/paragraphs.h"
#include "text/append.h"
#include "text/swar.h"

#include <string.h>

void
abr_find_paragraphs (const char *data, gsize from, gsize len, GArray *paras)
{
  gsize p = from;
  gboolean in_para = FALSE;
  uint32_t para_start = 0, para_end = 0;

  while (p < len)
    {
      const char *nl = memchr (data + p, '\n', len - p);
      gsize line_end = nl != NULL ? (gsize) (nl - data) : len;
      gsize a = p, b = line_end;
      while (a < b && abr_is_blank_byte ((guchar) data[a]))
        a++;
      while (b > a && abr_is_blank_byte ((guchar) data[b - 1]))
        b--;
      if (a == b)
        {
          if (in_para)
            {
              uint32_t span[2] = { para_start, para_end };
              g_array_append_vals (paras, span, 2);
              in_para = FALSE;
            }
        }
      else
        {
          if (!in_para)
            para_start = (uint32_t) a;
          in_para = TRUE;
          para_end = (uint32_t) b;
        }
      p = line_end + 1;
    }
  if (in_para)
    {
      uint32_t span[2] = { para_start, para_end };
      g_array_append_vals (paras, span, 2);
    }
}

static inline gboolean
is_plain_byte (guchar c)
{
  return c > ' ' && c < 0x7F;
}

/* Whether the 8 bytes at P are printable ASCII or spaces with no two
 * spaces side by side: a word the run below would take byte by byte
 * (given that a space at either end is checked against its neighbour).
 * The usual SWAR tests for a byte below 0x20 or above 0x7E, and an exact
 * per-byte mask of the spaces (no carry crosses a byte) for the pairs. */
#define ONES ABR_SWAR_ONES
#define LOWS G_GUINT64_CONSTANT (0x7F7F7F7F7F7F7F7F)
#define HIGHS ABR_SWAR_HIGHS
static inline gboolean
plain_word (const char *p)
{
  guint64 x = abr_swar_load (p);
  if ((((x - ONES * 0x20) & ~x) | (x + ONES) | x) & HIGHS)
    return FALSE;
  guint64 m = x ^ (ONES * ' ');
  guint64 spaces = ~(((m & LOWS) + LOWS) | m) & HIGHS;
  return (spaces & (spaces >> 8)) == 0;
}

void
abr_fold_whitespace (GString *out, const char *text, gsize start, gsize end)
{
  gboolean pending_space = FALSE;
  gsize before = out->len;
  const char *p = text + start, *limit = text + end;
  while (p < limit)
    {
      /* Copy a run of printable ASCII at once, single spaces between
       * words included (they fold to themselves): most of the text. */
      const char *run = p;
      while (limit - p > 8 && plain_word (p) && (p > run || *p != ' ')
             && (p[7] != ' ' || is_plain_byte ((guchar) p[8])))
        p += 8;
      while (p < limit)
        {
          guchar c = (guchar) *p;
          if (c > ' ' && c < 0x7F)
            p++;
          else if (c == ' ' && p > run && p + 1 < limit && (guchar) p[1] > ' ' && (guchar) p[1] < 0x7F)
            p++;
          else
            break;
        }
      if (p > run)
        {
          if (pending_space)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          abr_string_append (out, run, (gsize) (p - run));
          continue;
        }
      gboolean space;
      gsize n = 1;
      if ((guchar) *p < 0x80)
        space = g_ascii_isspace (*p);
      else
        {
          gunichar c = g_utf8_get_char (p);
          space = g_unichar_isspace (c) || c == 0x00A0;
          n = (gsize) (g_utf8_next_char (p) - p);
        }
      if (space)
        pending_space = out->len > before;
      else
        {
          if (pending_space)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          abr_string_append (out, p, n);
        }
      p += n;
    }
}
