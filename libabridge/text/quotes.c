/* Direct quotations: a small state machine over quotation marks. */
#include "config.h"
#include "text/quotes.h"

typedef enum { MARK_NONE, MARK_OPEN, MARK_CLOSE, MARK_EITHER } MarkRole;
typedef enum { FAMILY_DOUBLE, FAMILY_SINGLE } MarkFamily;

static gunichar
prev_char (const char *text, const char *p, const char *floor)
{
  if (p <= floor)
    return 0;
  return g_utf8_get_char (g_utf8_find_prev_char (text, p));
}

static gboolean
is_wordish (gunichar c)
{
  return c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c));
}

/* What the mark at P can do, judged by its neighbours. */
static MarkRole
classify (gunichar c, gunichar before, gunichar after, MarkFamily *family)
{
  gboolean word_before = is_wordish (before), word_after = is_wordish (after);
  gboolean space_before = before == 0 || g_unichar_isspace (before)
                          || before == '(' || before == '[' || before == 0x2014 || before == 0x2013;
  switch (c)
    {
    case 0x201C: /* “ */
    case 0x201E: /* „ */
    case 0x00AB: /* « */
    case 0x300C: /* 「 */
    case 0x300E: /* 『 */
      *family = FAMILY_DOUBLE;
      return MARK_OPEN;
    case 0x201D: /* ” */
    case 0x00BB: /* » */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
      *family = FAMILY_DOUBLE;
      return MARK_CLOSE;
    case 0x201A: /* ‚ */
      *family = FAMILY_SINGLE;
      return MARK_OPEN;
    case '"':
      *family = FAMILY_DOUBLE;
      if (space_before && !g_unichar_isspace (after) && after != 0)
        return MARK_OPEN;
      if (!space_before)
        return MARK_CLOSE;
      return MARK_EITHER;
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case '\'':
      *family = FAMILY_SINGLE;
      if (word_before && word_after)
        return MARK_NONE; /* it's, rock'n'roll */
      if (space_before && word_after)
        return c != 0x2018 && g_unichar_isdigit (after) ? MARK_NONE /* ’90s, '90s */ : MARK_OPEN;
      if (!space_before && !word_after)
        return MARK_CLOSE; /* the ministers’ possessive too; only an open quote uses it */
      return MARK_NONE;
    default:
      return MARK_NONE;
    }
}

typedef struct {
  gboolean open;
  MarkFamily family;
  uint32_t start;
  gboolean has_space; /* single quotes: a one-word 'term' is not a quotation */
  guint depth;        /* marks of the same family opened inside, still open */
  uint32_t reopen;    /* offset of the mark that continues it in a new paragraph */
  gunichar closer;    /* a mark that closes it though it opens others: “ after „ */
} QuoteState;

/* The mark that closes a quotation opened with C when the language's
 * closing mark is another language's opening one: German „…“ and ‚…‘,
 * Danish »…«; 0 when the usual roles hold. */
static gunichar
reversed_closer (gunichar c)
{
  switch (c)
    {
    case 0x201E: return 0x201C; /* „ “ */
    case 0x201A: return 0x2018; /* ‚ ‘ */
    case 0x00BB: return 0x00AB; /* » « */
    default: return 0;
    }
}

/* A closing mark used as an opening one, when no quotation is open and
 * it stands before a word after a space: Danish »…«, Swedish and Finnish
 * ”…”. */
static gboolean
opens_reversed (gunichar c, gunichar before, gunichar after)
{
  return (c == 0x00BB || c == 0x201D) && (before == 0 || g_unichar_isspace (before))
         && g_unichar_isalnum (after);
}

static void
emit (GArray *quotes, uint32_t start, uint32_t end)
{
  abr_quote q = { start, end };
  g_array_append_val (quotes, q);
}

void
abr_quotes_find (const char *text, const GArray *paragraphs, GArray *quotes)
{
  QuoteState st = { FALSE, FAMILY_DOUBLE, 0, FALSE, 0, G_MAXUINT32, 0 };

  guint n_paragraphs = paragraphs->len / 2;
  for (guint i = 0; i < n_paragraphs; i++)
    {
      uint32_t pstart = g_array_index (paragraphs, uint32_t, 2 * i);
      uint32_t pend = g_array_index (paragraphs, uint32_t, 2 * i + 1);
      const char *floor = text + pstart, *limit = text + pend;

      for (const char *p = floor; p < limit; p = g_utf8_next_char (p))
        {
          guchar b = (guchar) *p;
          /* Fast path: quotation marks are ", ', or start with 0xC2, 0xE2
           * or 0xE3 (「」). */
          if (b != '"' && b != '\'' && b != 0xC2 && b != 0xE2 && b != 0xE3)
            {
              if (st.open && (b == ' ' || b == '\n'))
                st.has_space = TRUE;
              continue;
            }
          gunichar c = g_utf8_get_char (p);
          const char *next = g_utf8_next_char (p);
          gunichar after = next < limit ? g_utf8_get_char (next) : 0;
          MarkFamily family;
          MarkRole role = classify (c, prev_char (text, p, floor), after, &family);
          uint32_t at = (uint32_t) (p - text);

          if (!st.open && role == MARK_CLOSE
              && opens_reversed (c, prev_char (text, p, floor), after))
            {
              st = (QuoteState) { TRUE, family, at, FALSE, 0, G_MAXUINT32,
                                  c == 0x00BB ? 0x00AB : c };
              continue;
            }
          if (st.open && c == st.closer && family == st.family && st.depth == 0 && at != st.reopen)
            role = MARK_CLOSE;
          if (role == MARK_NONE)
            continue;
          if (!st.open)
            {
              if (role == MARK_OPEN || (role == MARK_EITHER && family == FAMILY_DOUBLE))
                st = (QuoteState) { TRUE, family, at, FALSE, 0, G_MAXUINT32, reversed_closer (c) };
              continue;
            }
          if (family != st.family)
            continue; /* a quote of the other family nests: only outermost ones count */
          if (at == st.reopen)
            continue; /* the wire-style reopening of a continued quote */
          /* The same family nests too (“… “no” …”, ‘… ’n’ …’): count depth. */
          if (role == MARK_OPEN)
            {
              st.depth++;
              continue;
            }
          if (st.depth > 0)
            {
              st.depth--;
              continue;
            }
          if (role == MARK_CLOSE || role == MARK_EITHER)
            {
              uint32_t end = (uint32_t) (next - text);
              if (family == FAMILY_DOUBLE || st.has_space)
                emit (quotes, st.start, end);
              st.open = FALSE;
            }
        }

      if (!st.open)
        continue;
      /* Open at the paragraph's end: wire style continues it when the next
       * paragraph opens with a quotation mark (which the open quote then
       * skips); otherwise it was unbalanced. */
      gboolean continues = FALSE;
      if (i + 1 < n_paragraphs && st.family == FAMILY_DOUBLE)
        {
          const char *np = text + g_array_index (paragraphs, uint32_t, 2 * (i + 1));
          gunichar c = g_utf8_get_char (np);
          continues = c == 0x201C || c == '"' || c == 0x00AB || c == 0x201E || c == 0x300C;
          st.reopen = (uint32_t) (np - text);
        }
      if (!continues)
        {
          if (st.family == FAMILY_DOUBLE || st.has_space)
            emit (quotes, st.start, pend);
          st.open = FALSE;
        }
      else
        st.has_space = TRUE;
    }
}
