/* libFuzzer target: quotations and their speakers.
 *
 * The bytes are made valid UTF-8 and copied into a buffer of exactly that
 * size (no NUL after it); paragraphs are runs of non-blank lines, trimmed,
 * as document.c finds them.
 *
 * Checks, for the marks scanner alone (text/quotes/marks.h
 * abr_quote_marks_find): quotations lie in the text, in order, never
 * overlapping (only the outermost are reported), on character boundaries,
 * each opening with a quotation mark inside a paragraph. Then, for the
 * same bytes as a document: every quotation's facts (abridge_document_quote_*,
 * the host's quote_* functions) are valid UTF-8 of the length given, a
 * title never comes without a speaker, the first quotation continues no
 * other, and the fragments of one quotation share their speaker. */
#include "config.h"

#include "fuzz-common.h"
#include "text/quotes/marks.h"

#include <abridge/abridge.h>

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
    /* The other languages' marks (text/quotes/marks.c's mark_at()). */
    case 0x201A: case 0x300C: case 0x300D: case 0x300E: case 0x300F:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
check_string (const char *what, uint32_t q, const char *s, size_t n)
{
  if (s == NULL)
    {
      FUZZ_CHECK (n == 0, "quote %u: %s NULL with length %zu", q, what, n);
      return;
    }
  FUZZ_CHECK (strlen (s) == n && fuzz_is_text (s, n), "quote %u: %s not valid text of length %zu",
              q, what, n);
}

/* The same bytes as an article: the facts of every quotation. */
static void
check_document (const char *text, size_t len)
{
  abridge_document *doc = abridge_document_new (text, len, NULL, NULL);
  if (doc == NULL)
    return;
  uint32_t nq = abridge_document_quote_count (doc), prev_end = 0;
  const char *prev_speaker = NULL;
  for (uint32_t q = 0; q < nq; q++)
    {
      uint32_t start, end, first, last;
      abridge_document_quote_span (doc, q, &start, &end, &first, &last);
      FUZZ_CHECK (start < end && end <= len && start >= prev_end, "quote %u [%u, %u)", q, start, end);
      FUZZ_CHECK (first <= last && last < abridge_document_sentence_count (doc),
                  "quote %u sentences %u-%u", q, first, last);
      prev_end = end;
      size_t n;
      uint32_t flags = abridge_document_quote_flags (doc, q);
      const char *speaker = abridge_document_quote_speaker (doc, q, &n);
      check_string ("speaker", q, speaker, n);
      FUZZ_CHECK (speaker == NULL || n > 0, "quote %u: empty speaker", q);
      const char *title = abridge_document_quote_speaker_title (doc, q, &n);
      check_string ("title", q, title, n);
      FUZZ_CHECK (title == NULL || speaker != NULL, "quote %u: a title without a speaker", q);
      const char *cue = abridge_document_quote_cue (doc, q, &n);
      check_string ("cue", q, cue, n);
      const char *words = abridge_document_quote_text (doc, q, &n);
      FUZZ_CHECK (words != NULL, "quote %u: no text", q);
      check_string ("text", q, words, n);
      FUZZ_CHECK (q > 0 || !(flags & ABRIDGE_QUOTE_CONTINUES), "the first quote continues");
      if (flags & ABRIDGE_QUOTE_CONTINUES)
        FUZZ_CHECK ((speaker == NULL) == (prev_speaker == NULL)
                        && (speaker == NULL || strcmp (speaker, prev_speaker) == 0),
                    "quote %u continues the one before with another speaker", q);
      prev_speaker = speaker;
    }
  FUZZ_CHECK (abridge_document_quote_speaker (doc, nq, NULL) == NULL
                  && abridge_document_quote_text (doc, nq, NULL) == NULL
                  && abridge_document_quote_flags (doc, nq) == 0,
              "quote %u past the end has facts", nq);
  abridge_document_free (doc);
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
  GArray *quotes = g_array_new (FALSE, FALSE, sizeof (abr_quote_mark));
  abr_quote_marks_find (text, len, paras, NULL, 0, "en", quotes);

  uint32_t prev_end = 0;
  guint para = 0, n_paras = paras->len / 2;
  for (guint q = 0; q < quotes->len; q++)
    {
      const abr_quote_mark *quote = &g_array_index (quotes, abr_quote_mark, q);
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
  check_document (text, len);
  g_free (text);
  return 0;
}
