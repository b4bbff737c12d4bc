/* Direct quotations by their marks: one pass over the paragraphs, a small
 * state machine that knows which marks open, close, nest, or are only
 * apostrophes. */
#include "config.h"
#include "text/quotes/marks.h"

#include <string.h>

#include "text/lang.h"
#include "text/swar.h"
#include "text/quotes/lexicon.h"

typedef enum {
  MK_NONE,
  MK_DOUBLE,       /* " or '': its neighbours say what it does */
  MK_DOUBLE_OPEN,  /* “ „ « 「 『 */
  MK_DOUBLE_CLOSE, /* ” » 」 』 */
  MK_SINGLE,       /* ' */
  MK_SINGLE_OPEN,  /* ‘ ‚ */
  MK_SINGLE_CLOSE, /* ’, also the apostrophe */
} Mark;

typedef enum {
  FAM_DOUBLE,
  FAM_TIGHT,  /* single marks glued to the words: ‘We can’t,’ */
  FAM_SPACED, /* single marks standing apart: ' we can ' (tokenised copy) */
} Family;

typedef enum { ROLE_OPEN, ROLE_CLOSE, ROLE_EITHER } Role;

typedef struct {
  gboolean open;
  Family fam;
  uint32_t start;
  uint32_t open_len; /* bytes of the opening mark */
  gunichar closer;   /* the mark that closes it when that is another
                        language's opening one: “ after „, ‘ after ‚, « after » */
  gboolean curly;    /* single: opened with ‘, so only ’ closes it */
  guint depth;       /* curly marks of its family opened inside, still open */
  guint spaces;      /* runs of white space inside */
} State;

typedef struct {
  const char *text;
  GArray *out;
  uint32_t last_end; /* no span may start before it */
  const uint32_t *sentence_starts;
  guint n_sentences;
  const abr_qlexicon *lex;
  GHashTable *stop; /* the language's stop words */
} Scan;

/* A single quotation of so many words or more survives a missing closing
 * mark at its paragraph's end; a shorter one was more likely an
 * apostrophe read as a mark. */
#define SINGLE_OPEN_END_SPACES 3
/* A single quotation glued to its words is given up after this many bytes
 * without a mark that can close it. */
#define TIGHT_MAX_BYTES 300
/* How far ahead a mark that may close a quotation or reopen it (the
 * tokenised copy has lost its paragraph breaks) looks for the next one. */
#define REOPEN_LOOKAHEAD 800

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

static gboolean
is_word (gunichar c)
{
  return c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c));
}

static gboolean
is_space (gunichar c)
{
  return c == 0 || g_unichar_isspace (c) || c == 0x00A0;
}

/* What may stand right before an opening mark. */
static gboolean
opens_after (gunichar c)
{
  return is_space (c) || c == '(' || c == '[' || c == '{' || c == 0x2014 || c == 0x2013 || c == '-'
         || c == '/';
}

static gunichar
char_before (const char *floor, const char *p)
{
  return p > floor ? g_utf8_get_char (g_utf8_find_prev_char (floor, p)) : 0;
}

static gunichar
char_at (const char *p, const char *limit)
{
  return p < limit ? g_utf8_get_char (p) : 0;
}

/* After a spaced apostrophe: "england ’ s", "you ’ re", "don ' t". */
static gboolean
contraction_follows (const char *p, const char *limit)
{
  while (p < limit && *p == ' ')
    p++;
  static const char *const tails[] = { "s", "t", "re", "ve", "ll", "d", "m" };
  for (size_t i = 0; i < G_N_ELEMENTS (tails); i++)
    {
      size_t n = strlen (tails[i]);
      if ((size_t) (limit - p) >= n && memcmp (p, tails[i], n) == 0 && !is_word (char_at (p + n, limit)))
        return TRUE;
    }
  return FALSE;
}

/* ’90s, '60s: the apostrophe of a decade. */
static gboolean
decade_follows (const char *p, const char *limit)
{
  return limit - p >= 2 && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1])
         && (limit - p == 2 || p[2] == 's' || !is_word (char_at (p + 2, limit)));
}

/* Whether a verb of saying follows P within four words of its sentence:
 * ‘…out of the blue," he said’. */
static gboolean
cue_follows (const Scan *s, const char *p, const char *limit)
{
  for (int words = 0; words < 4 && p < limit;)
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '"' || c == 0x201C)
        return FALSE;
      if (!is_word (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      const char *w = p;
      while (p < limit && is_word (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      char *folded = g_utf8_casefold (w, p - w);
      gboolean verb = (abr_q_lexicon_class (s->lex, folded) & ABR_QW_VERB) != 0;
      g_free (folded);
      if (verb)
        return TRUE;
      words++;
    }
  return FALSE;
}

/* The word ending at P, white space before P skipped, no further back than
 * FLOOR: its first byte, or NULL when punctuation stands there. */
static const char *
word_ending_at (const char *floor, const char *p, size_t *n)
{
  const char *e = p;
  while (e > floor && (e[-1] == ' ' || e[-1] == '\t'))
    e--;
  const char *b = e;
  while (b > floor && is_word (char_before (floor, b)))
    b = g_utf8_find_prev_char (floor, b);
  *n = (size_t) (e - b);
  return b < e ? b : NULL;
}

/* The class bits of the word W[0, N) (0 when it is too long to be one). */
static uint32_t
word_class (const Scan *s, const char *w, size_t n, gboolean *stop)
{
  char *folded = g_utf8_casefold (w, (gssize) n);
  uint32_t bits = abr_q_lexicon_class (s->lex, folded);
  if (stop != NULL)
    *stop = g_hash_table_contains (s->stop, folded);
  g_free (folded);
  return bits;
}

/* The tokenised copy's possessive: "the lawyers ' association", "warriors
 * ' 30-20": a spaced mark after a plural noun (no stop word, no verb of
 * saying: "says ' …" opens a quotation). */
static gboolean
spaced_possessive (const Scan *s, const char *floor, const char *p)
{
  if (p <= floor || p[-1] != ' ')
    return FALSE;
  size_t n;
  const char *w = word_ending_at (floor, p, &n);
  if (w == NULL || n < 3 || (w[n - 1] != 's' && w[n - 1] != 'S'))
    return FALSE;
  gboolean stop;
  uint32_t bits = word_class (s, w, n, &stop);
  return !stop && !(bits & ABR_QW_VERB);
}

/* Whether W[0, N) is an auxiliary that may stand between "we" and a verb
 * of saying ("we are told", "you have said", "i would say"). */
static gboolean
auxiliary (const char *w, size_t n)
{
  static const char *const aux[] = { "am", "are", "was", "were", "have", "had", "will", "would",
                                     "can", "could", "should", "must", "may", "might", "be",
                                     "been", "keep", "always", "never", "often", "just" };
  for (size_t i = 0; i < G_N_ELEMENTS (aux); i++)
    if (strlen (aux[i]) == n && g_ascii_strncasecmp (w, aux[i], n) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the text between two marks, A to B, reads as the reporter's:
 * it holds a verb of saying not said by i, we or you ("Ms todner said
 * she …"). Otherwise the marks around it reopened one quotation whose
 * paragraph breaks were lost (' … sentence. ' I am confident … '). */
static gboolean
narrative_between (const Scan *s, const char *a, const char *b)
{
  gboolean first_person = FALSE, first = TRUE;
  while (a < b)
    {
      gunichar c = g_utf8_get_char (a);
      if (!is_word (c))
        {
          a = g_utf8_next_char (a);
          continue;
        }
      const char *w = a;
      while (a < b && is_word (g_utf8_get_char (a)))
        a = g_utf8_next_char (a);
      size_t n = (size_t) (a - w);
      if (n > 24)
        continue;
      gboolean lower = !g_unichar_isupper (g_utf8_get_char (w));
      uint32_t bits = word_class (s, w, n, NULL);
      /* ". ' Mr smith went on to …": the reporter's courtesy title opening
       * the sentence after the mark, the Daily Mail's way of naming */
      if (first && !lower && n <= 4 && (bits & ABR_QW_HONORIFIC) && !(bits & ABR_QW_KEEP)
          && (w[0] == 'M' || w[0] == 'm'))
        return TRUE;
      first = FALSE;
      /* "said", "told": "saying" and "telling" are as often quoted words */
      gboolean participle = n > 4 && memcmp (w + n - 3, "ing", 3) == 0;
      if ((bits & ABR_QW_VERB) && lower && !first_person && !participle)
        return TRUE;
      /* "we are told", "i was told": the speaker's own words, through an
       * auxiliary */
      if (first_person && auxiliary (w, n))
        continue;
      first_person = (n == 1 && (*w == 'i' || *w == 'I')) || (n == 2 && g_ascii_strncasecmp (w, "we", 2) == 0)
                     || (n == 3 && g_ascii_strncasecmp (w, "you", 3) == 0);
    }
  return FALSE;
}

/* Whether the mark at P (LEN bytes) that could close an open quotation
 * rather reopens it: it stands between the end of one sentence and the
 * start of the next, and what follows up to the next mark of its family
 * is no narration. */
static gboolean
reopens_inside (const Scan *s, const char *floor, const char *p, size_t len, const char *limit,
                gboolean single, gboolean curly)
{
  const char *b = p;
  while (b > floor && b[-1] == ' ')
    b--;
  gunichar end = char_before (floor, b);
  if (!(end == '.' || end == '?' || end == '!' || end == 0x2026))
    return FALSE;
  const char *q = p + len;
  while (q < limit && *q == ' ')
    q++;
  if (!is_word (char_at (q, limit)))
    return FALSE;
  const char *stop = limit - q > REOPEN_LOOKAHEAD ? q + REOPEN_LOOKAHEAD : limit;
  for (const char *r = q; r < stop; r++)
    {
      guchar c = (guchar) *r;
      /* a quotation opened by ‘ reopens only with a curly mark: the
       * straight ones in between are nicknames and scare quotes */
      gboolean mark = single ? (c == '\'' && !curly)
                                   || (c == 0xE2 && r + 2 < stop && r[1] == (char) 0x80
                                       && (r[2] == (char) 0x98 || r[2] == (char) 0x99))
                             : c == '"';
      if (!mark || (single && is_word (char_before (q, r)) && is_word (char_at (r + 1, stop))))
        continue;
      /* "… vice-chair of the lawyers ' association, said": no mark of a quotation */
      if (single && c == '\'' && is_space (char_at (r + 1, stop)) && spaced_possessive (s, q, r))
        continue;
      return !narrative_between (s, q, r);
    }
  return FALSE;
}

/* The Daily Mail's mixed marks: ‘ … cut. ' Miss begum added: ‘ …. A
 * straight mark standing apart after the end of a sentence closes a
 * quotation opened by ‘ when what follows it up to the next mark is
 * narration; otherwise the curly quotation would run on to some far ’. */
static gboolean
closes_mixed (const Scan *s, const char *floor, const char *p, size_t len, const char *limit)
{
  const char *b = p;
  while (b > floor && b[-1] == ' ')
    b--;
  gunichar end = char_before (floor, b);
  if (!(end == '.' || end == '?' || end == '!' || end == 0x2026))
    return FALSE;
  const char *q = p + len;
  while (q < limit && *q == ' ')
    q++;
  if (!is_word (char_at (q, limit)))
    return FALSE;
  const char *stop = limit - q > REOPEN_LOOKAHEAD ? q + REOPEN_LOOKAHEAD : limit;
  for (const char *r = q; r < stop; r++)
    {
      guchar c = (guchar) *r;
      gboolean mark = c == '\'' || c == '"'
                      || (c == 0xE2 && r + 2 < stop && r[1] == (char) 0x80
                          && (guchar) r[2] >= 0x98 && (guchar) r[2] <= 0x9D);
      if (!mark || (is_word (char_before (q, r)) && is_word (char_at (r + 1, stop))))
        continue;
      return narrative_between (s, q, r);
    }
  return FALSE;
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
  if (s->sentence_starts == NULL || !cue_follows (s, s->text + at + len, limit))
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
      && reopens_inside (s, floor, s->text + at, len, limit, FALSE, FALSE))
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
      if (may_open && word_after && !decade_follows (p + len, limit))
        *st = (State) { TRUE, FAM_TIGHT, at, (uint32_t) len, cp == 0x201A ? 0x2018 : 0,
                        m == MK_SINGLE_OPEN, 0, 0 };
      else if (may_open && space_after && m != MK_SINGLE_CLOSE && !spaced_possessive (s, floor, p))
        {
          const char *q = p + len;
          while (q < limit && *q == ' ')
            q++;
          if (is_word (char_at (q, limit)))
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
      if (space_before && word_after && !decade_follows (p + len, limit)
          && (m == MK_SINGLE_OPEN ? st->curly : family))
        {
          size_t n;
          gunichar end = word_ending_at (floor, p, &n) == NULL ? char_before (floor, p - (p > floor)) : 0;
          if (!(end == '.' || end == '?' || end == '!' || end == 0x2026))
            st->depth++;
          return;
        }
      if (!family)
        return;
      /* closes glued ("…wait,’") or, in copy whose marks were split off
       * the words, spaced ("'single-figure thousands '") */
      if ((!space_before || (is_space (before) && !contraction_follows (p + len, limit)))
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
      && closes_mixed (s, floor, p, len, limit))
    {
      emit (s, st->start, at + (uint32_t) len, ABR_QMARK_SINGLE);
      st->open = FALSE;
      return;
    }
  if (!family || m == MK_SINGLE_OPEN)
    return;
  if ((space_before && may_close && (space_after || !word_after)
       && !contraction_follows (p + len, limit))
      || (!space_before && !word_after && !word_before && space_after))
    {
      /* ' we can … ' and "… unfortunate.’", but not a mark that reopens
       * the quotation */
      if (reopens_inside (s, floor, p, len, limit, TRUE, st->curly))
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
