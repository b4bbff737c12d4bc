/* Direct quotations by their marks: one pass over the paragraphs, a small
 * state machine that knows which marks open, close, nest, or are only
 * apostrophes. */
#include "config.h"
#include "text/quotes/marks.h"

#include <string.h>

#include "text/lang.h"
#include "text/swar.h"
#include "text/quotes/marks-private.h"

static Mark
mark_at (const char *p, const char *limit, gunichar *cp, size_t *len)
{
  guchar b = (guchar) *p;
  *len = 1;
  *cp = b;
  if (b == '"')
    return MK_DOUBLE;
  if (b == '\'')
    {
      if (p + 1 < limit && p[1] == '\'')
        {
          *len = 2;
          return MK_DOUBLE;
        }
      return MK_SINGLE;
    }
  if (b < 0x80)
    return MK_NONE;
  *cp = g_utf8_get_char (p);
  *len = (size_t) (g_utf8_next_char (p) - p);
  switch (*cp)
    {
    case 0x201C: case 0x201E: case 0x00AB: case 0x300C: case 0x300E:
      return MK_DOUBLE_OPEN;
    case 0x201D: case 0x00BB: case 0x300D: case 0x300F:
      return MK_DOUBLE_CLOSE;
    case 0x2018: case 0x201A:
      return MK_SINGLE_OPEN;
    case 0x2019:
      return MK_SINGLE_CLOSE;
    default:
      return MK_NONE;
    }
}

static void
emit (Scan *s, uint32_t start, uint32_t end, uint32_t flags)
{
  if (end <= start || start < s->last_end)
    return;
  abr_quote_mark m = { start, end, flags };
  g_array_append_val (s->out, m);
  s->last_end = end;
}

/* Where the sentence holding byte AT starts (0 without sentences). */
static uint32_t
sentence_start (const Scan *s, uint32_t at)
{
  guint lo = 0, hi = s->n_sentences;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (s->sentence_starts[mid] <= at)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 ? s->sentence_starts[lo - 1] : 0;
}

/* A closing double mark with no quotation open: the quotation lost its
 * opening mark, and began where its sentence did, if a verb of saying
 * follows. */
static void
orphan (Scan *s, uint32_t para, uint32_t at, size_t len, const char *limit)
{
  if (s->sentence_starts == NULL || !abr_qm_cue_follows (s, s->text + at + len, limit))
    return;
  uint32_t from = MAX (MAX (sentence_start (s, at), para), s->last_end);
  while (from < at && g_ascii_isspace (s->text[from]))
    from++;
  if (from < at)
    emit (s, from, at + (uint32_t) len, ABR_QMARK_ORPHAN);
}

/* Straight double marks that stand apart from every word they close
 * ("… hard, "said koirala"): the tokenised copy, where they alternate. */
static gboolean
tokenised_style (const char *text, size_t len)
{
  guint total = 0, glued = 0;
  for (const char *p = memchr (text, '"', len); p != NULL;
       p = memchr (p + 1, '"', len - (size_t) (p + 1 - text)))
    {
      total++;
      glued += !opens_after (char_before (text, p));
    }
  return total >= 2 && glued * 20 < total;
}

static void
double_mark (Scan *s, State *st, Mark m, gunichar cp, uint32_t at, size_t len, gunichar before,
             gunichar after, gboolean toggle, uint32_t para, const char *limit)
{
  const char *floor = s->text + para;
  gboolean space_before = opens_after (before), space_after = is_space (after);
  Role role;
  if (m == MK_DOUBLE_OPEN)
    role = st->open && st->fam == FAM_DOUBLE && st->closer == cp && st->depth == 0 ? ROLE_CLOSE
                                                                                   : ROLE_OPEN;
  else if (m == MK_DOUBLE_CLOSE)
    {
      /* Danish »…«, Swedish ”…”: a closing mark that opens */
      if (!st->open && (cp == 0x00BB || cp == 0x201D) && is_space (before) && is_word (after))
        {
          *st = (State) { TRUE, FAM_DOUBLE, at, (uint32_t) len, cp == 0x00BB ? 0x00AB : cp, FALSE, 0, 0 };
          return;
        }
      role = ROLE_CLOSE;
    }
  else if (toggle && len == 1)
    role = ROLE_EITHER;
  else
    role = space_before && !space_after ? ROLE_OPEN : !space_before ? ROLE_CLOSE : ROLE_EITHER;

  if (st->open && st->fam != FAM_DOUBLE)
    {
      /* Curly double marks nest inside single ones (British style); a
       * straight one ends a glued single quotation, which was more likely
       * an apostrophe. */
      if (m != MK_DOUBLE || st->fam == FAM_SPACED)
        return;
      st->open = FALSE;
    }
  if (!st->open)
    {
      if (role != ROLE_CLOSE)
        *st = (State) { TRUE, FAM_DOUBLE, at, (uint32_t) len, cp == 0x201E ? 0x201C : 0, FALSE, 0, 0 };
      else if (!space_before)
        orphan (s, para, at, len, limit);
      return;
    }
  if (role == ROLE_OPEN)
    {
      if (m == MK_DOUBLE_OPEN)
        st->depth++; /* “… “no” …” */
      return;
    }
  if (m == MK_DOUBLE_CLOSE && st->depth > 0)
    {
      st->depth--;
      return;
    }
  if (toggle && m == MK_DOUBLE && len == 1
      && abr_qm_reopens_inside (s, floor, s->text + at, len, limit, FALSE, FALSE))
    return;
  emit (s, st->start, at + (uint32_t) len, 0);
  st->open = FALSE;
}

/* The bytes the scan stops at: the first byte of a mark, and inside a
 * quotation the spaces that count its words. */
enum { LEAD_MARK = 1, LEAD_SPACE = 2 };
static const guint8 mark_lead[256] = {
  ['"'] = LEAD_MARK, ['\''] = LEAD_MARK, [0xC2] = LEAD_MARK, [0xE2] = LEAD_MARK, [0xE3] = LEAD_MARK,
  [' '] = LEAD_SPACE, ['\n'] = LEAD_SPACE,
};

/* The bytes of X that may lead a mark: " ' and every byte past ASCII
 * (0xC2, 0xE2 and 0xE3 among them, told apart by mark_lead). */
static inline guint64
mark_candidates (guint64 x)
{
  return abr_swar_bytes_equal (x, '"') | abr_swar_bytes_equal (x, '\'') | (x & ABR_SWAR_HIGHS);
}

/* Whether a spaced straight mark comes next after P ("thinking, 'aren't
 * we clever?' ' said"): the mark before it closed a nested quotation, and
 * this one closes the outer. */
static gboolean
spaced_mark_follows (const char *p, const char *limit)
{
  while (p < limit && *p == ' ')
    p++;
  return p < limit && *p == '\'' && is_space (char_at (p + 1, limit));
}

static void
single_mark (Scan *s, State *st, Mark m, gunichar cp, const char *floor, const char *p, size_t len,
             gunichar before, gunichar after, const char *limit)
{
  uint32_t at = (uint32_t) (p - s->text);
  gboolean word_before = is_word (before), word_after = is_word (after);
  if ((word_before && word_after) || (st->open && st->fam == FAM_DOUBLE))
    return; /* it's, don’t; or nested in a double quotation */
  gboolean space_before = opens_after (before), space_after = is_space (after);
  gboolean may_open = m != MK_SINGLE_CLOSE && space_before;
  gboolean may_close = m != MK_SINGLE_OPEN && !space_after ? !word_after : TRUE;
  if (m == MK_SINGLE_CLOSE && space_before && word_after)
    may_close = FALSE; /* ’90s */
  if (!st->open)
    {
      if (may_open && word_after && !abr_qm_decade_follows (p + len, limit))
        *st = (State) { TRUE, FAM_TIGHT, at, (uint32_t) len, cp == 0x201A ? 0x2018 : 0,
                        m == MK_SINGLE_OPEN, 0, 0 };
      else if (may_open && space_after && m != MK_SINGLE_CLOSE
               && (!abr_qm_spaced_possessive (s, floor, p) || abr_qm_encloses_few_words (s, p + len, limit)))
        {
          const char *q = p + len;
          while (q < limit && *q == ' ')
            q++;
          if (opens_words (char_at (q, limit))
              && !(m == MK_SINGLE && abr_qm_stray_before_narration (s, floor, p, len, limit)))
            *st = (State) { TRUE, FAM_SPACED, at, (uint32_t) len, 0, m == MK_SINGLE_OPEN, 0, 0 };
        }
      return;
    }
  gboolean family = st->closer != 0 ? cp == st->closer || m == MK_SINGLE_CLOSE
                    : st->curly     ? m == MK_SINGLE_CLOSE
                                    : m == MK_SINGLE;
  if (st->fam == FAM_TIGHT)
    {
      /* ‘He said ‘no’ twice,’ and ‘rock ’n’ roll’: a mark of its family
       * between a space and a word opens a nested one; after the end of
       * a sentence it reopens this one, whose paragraph break was lost. */
      if (space_before && word_after && !abr_qm_decade_follows (p + len, limit)
          && (m == MK_SINGLE_OPEN ? st->curly : family))
        {
          size_t n;
          gunichar end = abr_qm_word_ending_at (floor, p, &n) == NULL ? char_before (floor, p - (p > floor)) : 0;
          if (!(end == '.' || end == '?' || end == '!' || end == 0x2026))
            st->depth++;
          return;
        }
      if (!family)
        return;
      /* closes glued ("…wait,’") or, in copy whose marks were split off
       * the words, spaced ("'single-figure thousands '") */
      if ((!space_before || (is_space (before) && !abr_qm_contraction_follows (p + len, limit)))
          && !word_after && (m != MK_SINGLE_OPEN || cp == st->closer))
        {
          if (st->depth > 0)
            {
              st->depth--;
              return;
            }
          /* rock 'n' roll, Ant 'n' Dec */
          uint32_t inner = at - st->start - st->open_len;
          const char *w = s->text + st->start + st->open_len;
          if (!(inner == 1 && (*w == 'n' || *w == 'N')))
            emit (s, st->start, at + (uint32_t) len, ABR_QMARK_SINGLE);
          st->open = FALSE;
        }
      else if (at - st->start > TIGHT_MAX_BYTES)
        st->open = FALSE;
      return;
    }
  if (st->curly && m == MK_SINGLE && is_space (before) && is_space (after)
      && abr_qm_closes_mixed (s, floor, p, len, limit))
    {
      emit (s, st->start, at + (uint32_t) len, ABR_QMARK_SINGLE);
      st->open = FALSE;
      return;
    }
  if (!family || m == MK_SINGLE_OPEN)
    return;
  if ((space_before && may_close && (space_after || !word_after)
       && !abr_qm_contraction_follows (p + len, limit))
      || (!space_before && !word_after && !word_before && space_after && !spaced_mark_follows (p + len, limit)))
    {
      /* ' we can … ' and "… unfortunate.’", but not a mark that reopens
       * the quotation */
      if (abr_qm_reopens_inside (s, floor, p, len, limit, TRUE, st->curly))
        return;
      emit (s, st->start, at + (uint32_t) len, ABR_QMARK_SINGLE);
      st->open = FALSE;
    }
}

/* Whether the paragraph at P opens with a mark of family FAM, which then
 * continues a quotation left open (the wire convention). */
static gboolean
reopens (const char *p, const char *limit, Family fam, size_t *len)
{
  gunichar cp;
  Mark m = mark_at (p, limit, &cp, len);
  if (fam == FAM_DOUBLE)
    return m == MK_DOUBLE || m == MK_DOUBLE_OPEN;
  return m == MK_SINGLE || m == MK_SINGLE_OPEN;
}

void
abr_quote_marks_find (const char *text, size_t len, const GArray *paragraphs,
                      const uint32_t *sentence_starts, guint n_sentences, const char *lang,
                      GArray *marks)
{
  const abr_language *language = lang != NULL ? abr_language_find (lang) : NULL;
  Scan s = { text, marks, 0, sentence_starts, n_sentences, abr_q_lexicon (lang),
             abr_language_stopwords (language != NULL ? language : abr_language_english ()) };
  gboolean toggle = tokenised_style (text, len);
  State st = { FALSE, FAM_DOUBLE, 0, 0, 0, FALSE, 0, 0 };
  size_t skip = 0; /* the reopening mark that starts this paragraph */
  guint n = paragraphs->len / 2;
  for (guint i = 0; i < n; i++)
    {
      uint32_t pstart = g_array_index (paragraphs, uint32_t, 2 * i);
      uint32_t pend = g_array_index (paragraphs, uint32_t, 2 * i + 1);
      const char *floor = text + pstart, *limit = text + MIN (pend, len);
      const char *p = floor + skip;
      skip = 0;
      while (p < limit)
        {
          /* Fast path: every mark is ", ' or starts with 0xC2, 0xE2 or
           * 0xE3; outside a quotation nothing else matters. */
          if (!st.open)
            {
              for (;;)
                {
                  if (p + 8 <= limit)
                    {
                      guint64 hit = mark_candidates (abr_swar_load (p));
                      if (hit == 0)
                        {
                          p += 8;
                          continue;
                        }
                      p += __builtin_ctzll (hit) / 8;
                    }
                  if (p >= limit || (mark_lead[(guchar) *p] & LEAD_MARK))
                    break;
                  p++;
                }
              if (p == limit)
                break;
            }
          else if (p > floor && p + 8 <= limit)
            {
              /* Inside a quotation, eight bytes without a mark: count the
               * spaces that follow a word, as the byte loop below does. */
              guint64 x = abr_swar_load (p);
              if (mark_candidates (x) == 0)
                {
                  guint64 space = abr_swar_bytes_equal (x, ' ') | abr_swar_bytes_equal (x, '\n');
                  guint64 after_space = (space << 8) | (p[-1] == ' ' || p[-1] == '\n' ? 0x80 : 0);
                  st.spaces += (guint) __builtin_popcountll (space & ~after_space);
                  p += 8;
                  continue;
                }
            }
          guchar b = (guchar) *p;
          if (!(mark_lead[b] & LEAD_MARK))
            {
              if ((mark_lead[b] & LEAD_SPACE) && p > floor && p[-1] != ' ' && p[-1] != '\n')
                st.spaces++;
              p++;
              continue;
            }
          gunichar cp;
          size_t ml;
          Mark m = mark_at (p, limit, &cp, &ml);
          if (m == MK_NONE)
            {
              p += ml;
              continue;
            }
          gunichar before = char_before (floor, p), after = char_at (p + ml, limit);
          if (m == MK_DOUBLE || m == MK_DOUBLE_OPEN || m == MK_DOUBLE_CLOSE)
            double_mark (&s, &st, m, cp, (uint32_t) (p - text), ml, before, after, toggle, pstart,
                         limit);
          else
            single_mark (&s, &st, m, cp, floor, p, ml, before, after, limit);
          p += ml;
        }
      if (!st.open)
        continue;
      if (i + 1 < n)
        {
          uint32_t next = g_array_index (paragraphs, uint32_t, 2 * i + 2);
          const char *nlimit = text + MIN (g_array_index (paragraphs, uint32_t, 2 * i + 3), len);
          if (reopens (text + next, nlimit, st.fam, &skip))
            {
              st.spaces++;
              continue;
            }
          skip = 0;
        }
      if (st.fam == FAM_DOUBLE)
        emit (&s, st.start, pend, ABR_QMARK_OPEN_END);
      else if (st.spaces >= SINGLE_OPEN_END_SPACES)
        emit (&s, st.start, pend, ABR_QMARK_OPEN_END | ABR_QMARK_SINGLE);
      st.open = FALSE;
    }
}
