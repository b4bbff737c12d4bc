/* libFuzzer target: the quote finder on its own
 * (libabridge/quotes.h abr_quotes_find).
 *
 * The bytes are made valid UTF-8 and copied into a buffer of exactly that
 * size (no NUL after it); paragraphs are runs of non-blank lines, trimmed,
 * as document.c finds them.
 *
 * Checks: quotes lie in the text, in order, never overlapping (only the
 * outermost are reported), on character boundaries, each opening with a
 * quotation mark inside a paragraph. */
#include "config.h"

#include "fuzz-common.h"
#include "text/quotes.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  fuzz_init_glib ();
  return 0;
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Runs of non-blank lines, trimmed: start, end, start, end … */
static GArray *
paragraphs (const char *text, size_t len)
{
  GArray *paras = g_array_new (FALSE, FALSE, sizeof (uint32_t));
  size_t p = 0;
  gboolean in_para = FALSE;
  uint32_t ps = 0, pe = 0;
  while (p < len)
    {
      const char *nl = memchr (text + p, '\n', len - p);
      size_t line_end = nl != NULL ? (size_t) (nl - text) : len, a = p, b = line_end;
      while (a < b && is_blank (text[a]))
        a++;
      while (b > a && is_blank (text[b - 1]))
        b--;
      if (a == b)
        {
          if (in_para)
            {
              g_array_append_val (paras, ps);
              g_array_append_val (paras, pe);
            }
          in_para = FALSE;
        }
      else
        {
          if (!in_para)
            ps = (uint32_t) a;
          in_para = TRUE;
          pe = (uint32_t) b;
        }
      p = line_end + 1;
    }
  if (in_para)
    {
      g_array_append_val (paras, ps);
      g_array_append_val (paras, pe);
    }
  return paras;
}

static gboolean
is_quotation_mark (gunichar c)
{
  switch (c)
    {
    case '"': case '\'':
    case 0x201C: case 0x201D: case 0x201E: case 0x2018: case 0x2019:
    case 0x00AB: case 0x00BB:
    /* The other languages' marks (libabridge/quotes.c's classify()). */
    case 0x201A: case 0x300C: case 0x300D: case 0x300E: case 0x300F:
      return TRUE;
    default:
      return FALSE;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *valid = g_utf8_make_valid ((const char *) data, (gssize) size);
  size_t len = strlen (valid);
  char *text = g_malloc (len > 0 ? len : 1);
  memcpy (text, valid, len);
  g_free (valid);

  GArray *paras = paragraphs (text, len);
  GArray *quotes = g_array_new (FALSE, FALSE, sizeof (abr_quote));
  abr_quotes_find (text, paras, quotes);

  uint32_t prev_end = 0;
  guint para = 0, n_paras = paras->len / 2;
  for (guint q = 0; q < quotes->len; q++)
    {
      const abr_quote *quote = &g_array_index (quotes, abr_quote, q);
      FUZZ_CHECK (quote->start < quote->end && quote->end <= len, "quote %u [%u, %u) of %zu", q,
                  quote->start, quote->end, len);
      FUZZ_CHECK (quote->start >= prev_end, "quote %u [%u, %u) overlaps the one before (end %u)",
                  q, quote->start, quote->end, prev_end);
      FUZZ_CHECK (fuzz_is_boundary (text, len, quote->start)
                      && fuzz_is_boundary (text, len, quote->end),
                  "quote %u [%u, %u) not on character boundaries", q, quote->start, quote->end);
      FUZZ_CHECK (is_quotation_mark (g_utf8_get_char (text + quote->start)),
                  "quote %u opens with U+%04X", q, (unsigned) g_utf8_get_char (text + quote->start));
      while (para < n_paras && g_array_index (paras, uint32_t, 2 * para + 1) <= quote->start)
        para++;
      FUZZ_CHECK (para < n_paras && g_array_index (paras, uint32_t, 2 * para) <= quote->start,
                  "quote %u starts outside every paragraph", q);
      prev_end = quote->end;
    }
  g_array_unref (quotes);
  g_array_unref (paras);
  g_free (text);
  return 0;
}
