/* What the words around a quotation mark say: an apostrophe (a
 * contraction, a decade, a spaced possessive), a verb of saying after a
 * lost opening mark, whether a mark closes a quotation or reopens it
 * (narration between two marks), and whether a mark with none open is a
 * stray closing one. The scanner in marks.c asks these. */
#include "config.h"

#include <string.h>

#include "text/quotes/marks-private.h"

/* The end of the word that starts at P, no further than LIMIT. */
static const char *
word_end (const char *p, const char *limit)
{
  while (p < limit && is_word (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

gboolean
abr_qm_contraction_follows (const char *p, const char *limit)
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

gboolean
abr_qm_decade_follows (const char *p, const char *limit)
{
  return limit - p >= 2 && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1])
         && (limit - p == 2 || p[2] == 's' || !is_word (char_at (p + 2, limit)));
}

gboolean
abr_qm_cue_follows (const Scan *s, const char *p, const char *limit)
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
      p = word_end (p, limit);
      char *folded = g_utf8_casefold (w, p - w);
      gboolean verb = (abr_q_lexicon_class (s->lex, folded) & ABR_QW_VERB) != 0;
      g_free (folded);
      if (verb)
        return TRUE;
      words++;
    }
  return FALSE;
}

const char *
abr_qm_word_ending_at (const char *floor, const char *p, size_t *n)
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

gboolean
abr_qm_spaced_possessive (const Scan *s, const char *floor, const char *p)
{
  if (p <= floor || p[-1] != ' ')
    return FALSE;
  size_t n;
  const char *w = abr_qm_word_ending_at (floor, p, &n);
  if (w == NULL || n < 3 || (w[n - 1] != 's' && w[n - 1] != 'S'))
    return FALSE;
  gboolean stop;
  uint32_t bits = word_class (s, w, n, &stop);
  return !stop && !(bits & ABR_QW_VERB);
}

/* A quoted word or two after a plural, not a quotation's worth; and how
 * far the look for its closing mark goes. */
#define FEW_WORDS 4
#define FEW_WORDS_BYTES 160

gboolean
abr_qm_encloses_few_words (const Scan *s, const char *p, const char *limit)
{
  guint words = 0;
  gboolean in_word = FALSE;
  if (limit - p > FEW_WORDS_BYTES)
    limit = p + FEW_WORDS_BYTES; /* bounds the look on a hostile page */
  const char *w = NULL;
  for (const char *q = p; q < limit; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);
      if (is_word (c) || (in_word && (c == '-' || c == '\'')))
        {
          if (!in_word)
            {
              if (++words > FEW_WORDS)
                return FALSE;
              w = q;
            }
          in_word = TRUE;
          continue;
        }
      if (in_word)
        {
          gboolean stop;
          if (word_class (s, w, (size_t) (q - w), &stop) & ABR_QW_VERB)
            return FALSE; /* "the lawyers ' association said ' we …" */
        }
      in_word = FALSE;
      if (c == '\'')
        return words > 0 && q > p && q[-1] == ' ' && !is_word (char_at (q + 1, limit));
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '"' || c == ';' || c == ':')
        return FALSE;
    }
  return FALSE;
}

/* The words of the text from A to B, one at a time (none over 24 bytes),
 * and whether the one given is in the text's first sentence. */
typedef struct {
  const char *a, *b;
  gboolean first_sentence;
} Words;

static gboolean
next_word (Words *it, const char **w, size_t *n)
{
  while (it->a < it->b)
    {
      gunichar c = g_utf8_get_char (it->a);
      if (!is_word (c))
        {
          it->first_sentence = it->first_sentence && !(c == '.' || c == '!' || c == '?');
          it->a = g_utf8_next_char (it->a);
          continue;
        }
      *w = it->a;
      it->a = word_end (it->a, it->b);
      *n = (size_t) (it->a - *w);
      if (*n <= 24)
        return TRUE;
    }
  return FALSE;
}

/* Whether W[0, N) is an auxiliary: "were denied" is no one's saying. */
static gboolean
auxiliary (const char *w, size_t n)
{
  static const char *const aux[] = { "was", "were", "is", "has", "have", "had", "would", "will",
                                     "did", "does" };
  for (size_t i = 0; i < G_N_ELEMENTS (aux); i++)
    if (strlen (aux[i]) == n && g_ascii_strncasecmp (w, aux[i], n) == 0)
      return TRUE;
  return FALSE;
}

/* Words that speak in the first or second person, so the speaker's own:
 * not "us", which lower-cased copy spells the US with. */
static gboolean
first_person (const char *w, size_t n)
{
  static const char *const words[] = { "i", "we", "our", "ours", "me", "my", "mine", "myself",
                                       "ourselves", "you", "your", "yours" };
  for (size_t i = 0; i < G_N_ELEMENTS (words); i++)
    if (strlen (words[i]) == n && g_ascii_strncasecmp (w, words[i], n) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the text between two marks, A to B, reads as the reporter's
 * rather than the speaker's. The speaker's says I, we or you in its first
 * sentence ("we are told"); the reporter's holds a verb of saying ("Ms
 * todner said she …") or opens with a courtesy title. Otherwise the
 * marks around it reopened one quotation whose paragraph breaks were
 * lost (' … sentence. ' I am confident … '). */
static gboolean
narrative_between (const Scan *s, const char *a, const char *b)
{
  gboolean said = FALSE, first = TRUE;
  Words it = { a, b, TRUE };
  const char *w;
  size_t n;
  while (next_word (&it, &w, &n))
    {
      if (it.first_sentence && first_person (w, n))
        return FALSE;
      gboolean lower = !g_unichar_isupper (g_utf8_get_char (w));
      uint32_t bits = word_class (s, w, n, NULL);
      /* ". ' Mr smith went on to …": the reporter's courtesy title opening
       * the sentence after the mark, the Daily Mail's way of naming */
      if (first && !lower && n <= 4 && (bits & ABR_QW_HONORIFIC) && !(bits & ABR_QW_KEEP)
          && (w[0] == 'M' || w[0] == 'm'))
        said = TRUE;
      first = FALSE;
      /* "said", "told": "saying" and "telling" are as often quoted words */
      gboolean participle = n > 4 && memcmp (w + n - 3, "ing", 3) == 0;
      if ((bits & ABR_QW_VERB) && lower && !participle)
        said = TRUE;
    }
  return said;
}

/* Where the next sentence starts when the mark at P (LEN bytes) stands
 * between the end of one sentence and a word: its first byte, or NULL;
 * *STOP is how far past it the next mark is looked for. */
static const char *
sentence_after (const char *floor, const char *p, size_t len, const char *limit,
                const char **stop)
{
  const char *b = p;
  while (b > floor && b[-1] == ' ')
    b--;
  gunichar end = char_before (floor, b);
  if (!(end == '.' || end == '?' || end == '!' || end == 0x2026))
    return NULL;
  const char *q = p + len;
  while (q < limit && *q == ' ')
    q++;
  *stop = limit - q > REOPEN_LOOKAHEAD ? q + REOPEN_LOOKAHEAD : limit;
  return opens_words (char_at (q, limit)) ? q : NULL;
}

/* Whether the straight mark at R is glued to the word before it ("when
 * reporters' suggested", "blazin' squad"): in copy whose quotation marks
 * stand apart, a possessive or a dropped letter, not a closing mark. */
static gboolean
glued_to_word (const char *q, const char *r)
{
  return r > q && is_word (char_before (q, r));
}

/* Whether a colon stands right before R, white space skipped, after Q:
 * the mark at R opens a quotation the text before it introduces. */
static gboolean
colon_before (const char *q, const char *r)
{
  while (r > q && r[-1] == ' ')
    r--;
  return r > q && r[-1] == ':';
}

/* Whether the mark at R stands between a stop word ("the", "and", "of")
 * and a word: it opens a quotation, since none ends on such a word. */
static gboolean
opens_after_stop_word (const Scan *s, const char *q, const char *r, const char *stop)
{
  size_t n;
  const char *w = abr_qm_word_ending_at (q, r, &n);
  const char *a = r + 1;
  while (a < stop && *a == ' ')
    a++;
  if (w == NULL || w + n == r || !is_word (char_at (a, stop)) || abr_qm_contraction_follows (r + 1, stop))
    return FALSE;
  gboolean stop_word;
  word_class (s, w, n, &stop_word);
  return stop_word;
}

/* Whether the straight mark at R, set apart, opens a quotation of a few
 * words that another mark closes: ' drilling ', not "company ' s". */
static gboolean
opens_few_words (const Scan *s, const char *r, const char *stop)
{
  return is_space (char_before (s->text, r)) && is_space (char_at (r + 1, stop))
         && !abr_qm_contraction_follows (r + 1, stop) && abr_qm_encloses_few_words (s, r + 1, stop);
}

gboolean
abr_qm_reopens_inside (const Scan *s, const char *floor, const char *p, size_t len,
                       const char *limit, gboolean single, gboolean curly)
{
  const char *stop, *q = sentence_after (floor, p, len, limit, &stop);
  if (q == NULL)
    return FALSE;
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
      if (single && c == '\'' && is_space (char_at (r + 1, stop))
          && (abr_qm_spaced_possessive (s, q, r) || (!curly && glued_to_word (q, r))))
        continue;
      /* "… incident. ' In response to … the ' drilling ' noises": the next
       * mark opens a word or two of their own, so what stands before it
       * is the reporter's */
      if (single && c == '\'' && opens_few_words (s, r, stop))
        return FALSE;
      /* "… ' jose rosas told wfaa: ' we're …": a colon opens the next;
       * "… the ' international icon we knew '": so does a word no
       * quotation ends on */
      if (colon_before (q, r) || (single && c == '\'' && opens_after_stop_word (s, q, r, stop)))
        return FALSE;
      return !narrative_between (s, q, r);
    }
  return FALSE;
}

/* Whether the text from A to B reports someone's words in the third
 * person: a verb of saying right after he, she or they, or after a
 * courtesy title and a name ("he admits", "mr grange said"), with no I,
 * we or you in its first sentence. A stronger sign of the reporter than
 * narrative_between's, since quotations hold verbs of saying too. */
static gboolean
reported_between (const Scan *s, const char *a, const char *b)
{
  uint32_t prev = 0, before_prev = 0;
  Words it = { a, b, TRUE };
  const char *w;
  size_t n;
  while (next_word (&it, &w, &n))
    {
      if (it.first_sentence && first_person (w, n))
        return FALSE;
      uint32_t bits = word_class (s, w, n, NULL);
      if ((bits & ABR_QW_VERB) && !g_unichar_isupper (g_utf8_get_char (w))
          && ((prev & (ABR_QW_PRONOUN | ABR_QW_THEY)) || (before_prev & ABR_QW_HONORIFIC)))
        return TRUE;
      /* "mr bianchi also denied", but not "they were denied" */
      if ((bits & ABR_QW_ADVERB) && !auxiliary (w, n))
        continue;
      before_prev = prev;
      prev = bits;
    }
  return FALSE;
}

/* Whether the sentence before the mark at P ends "… she said." (he,
 * she or they and a verb of saying): the mark then opens the same
 * speaker's next words ("' As lord woolf also acknowledged, …"). */
static gboolean
cue_ends_sentence (const Scan *s, const char *floor, const char *p)
{
  const char *e = p;
  while (e > floor && (e[-1] == ' ' || e[-1] == '.'))
    e--;
  size_t n, m;
  const char *verb = abr_qm_word_ending_at (floor, e, &n);
  const char *who = verb != NULL ? abr_qm_word_ending_at (floor, verb, &m) : NULL;
  return who != NULL && (word_class (s, verb, n, NULL) & ABR_QW_VERB)
         && (word_class (s, who, m, NULL) & (ABR_QW_PRONOUN | ABR_QW_THEY));
}

gboolean
abr_qm_stray_before_narration (const Scan *s, const char *floor, const char *p, size_t len,
                               const char *limit)
{
  const char *stop, *q = sentence_after (floor, p, len, limit, &stop);
  if (q == NULL)
    return FALSE;
  const char *r = q;
  for (; r < stop; r++)
    {
      if (*r != '\'' || (is_word (char_before (q, r)) && is_word (char_at (r + 1, stop))))
        continue;
      if (is_space (char_at (r + 1, stop)) && (abr_qm_spaced_possessive (s, q, r) || glued_to_word (q, r)))
        continue;
      break;
    }
  if (r < stop && abr_qm_cue_follows (s, r + 1, stop))
    return FALSE;
  if (r < stop && colon_before (q, r))
    return TRUE;
  return !cue_ends_sentence (s, floor, p) && reported_between (s, q, r);
}

gboolean
abr_qm_closes_mixed (const Scan *s, const char *floor, const char *p, size_t len, const char *limit)
{
  const char *stop, *q = sentence_after (floor, p, len, limit, &stop);
  if (q == NULL)
    return FALSE;
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
