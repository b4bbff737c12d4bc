/* libFuzzer target: the sentence segmenter on its own
 * (libabridge/segment.h abr_segment_paragraph).
 *
 * The bytes are made valid UTF-8 (invalid sequences become U+FFFD), copied
 * into a buffer of exactly that size (no NUL after it, so any read past the
 * paragraph is an ASan report) and segmented whole, then again from a
 * character boundary about a third in.
 *
 * Checks: spans lie in the paragraph, in order, never empty, never
 * overlapping, on character boundaries, trimmed of white space, and
 * together cover every non-space character (no text is lost). */
#include "config.h"

#include "fuzz-common.h"
#include "text/segment.h"

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

/* The segmenter's notion of white space. */
static gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0x85 || g_unichar_isspace (c);
}

static void
check (const char *text, uint32_t lo, uint32_t hi)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (abr_span));
  abr_segment_paragraph (text, lo, hi, spans);

  uint32_t prev_end = lo;
  for (guint k = 0; k < spans->len; k++)
    {
      const abr_span *s = &g_array_index (spans, abr_span, k);
      FUZZ_CHECK (s->start < s->end, "span %u [%u, %u) is empty", k, s->start, s->end);
      FUZZ_CHECK (s->start >= prev_end && s->end <= hi,
                  "span %u [%u, %u) out of order or outside [%u, %u) (previous end %u)", k,
                  s->start, s->end, lo, hi, prev_end);
      FUZZ_CHECK (fuzz_is_boundary (text, hi, s->start) && fuzz_is_boundary (text, hi, s->end),
                  "span %u [%u, %u) not on character boundaries", k, s->start, s->end);
      FUZZ_CHECK ((s->flags & ~(uint32_t) ABR_SPAN_LINE) == 0, "span %u: flags %#x", k,
                  s->flags);
      const char *first = text + s->start;
      const char *last = g_utf8_find_prev_char (text + s->start, text + s->end);
      FUZZ_CHECK (!is_space (g_utf8_get_char (first)) && !is_space (g_utf8_get_char (last)),
                  "span %u [%u, %u) is not trimmed", k, s->start, s->end);
      prev_end = s->end;
    }

  /* Nothing lost: every non-space character lies in a span. */
  guint k = 0;
  for (const char *p = text + lo; p < text + hi; p = g_utf8_next_char (p))
    {
      uint32_t at = (uint32_t) (p - text);
      while (k < spans->len && g_array_index (spans, abr_span, k).end <= at)
        k++;
      gboolean inside = k < spans->len && g_array_index (spans, abr_span, k).start <= at;
      FUZZ_CHECK (inside || is_space (g_utf8_get_char (p)),
                  "character at byte %u (U+%04X) is in no sentence", at,
                  (unsigned) g_utf8_get_char (p));
    }
  g_array_unref (spans);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *valid = g_utf8_make_valid ((const char *) data, (gssize) size);
  size_t len = strlen (valid);
  char *text = g_malloc (len > 0 ? len : 1);
  memcpy (text, valid, len);
  g_free (valid);

  check (text, 0, (uint32_t) len);
  uint32_t from = (uint32_t) (len / 3);
  while (from < len && !fuzz_is_boundary (text, len, from))
    from++;
  if (from > 0 && from < len)
    check (text, from, (uint32_t) len);
  g_free (text);
  return 0;
}
