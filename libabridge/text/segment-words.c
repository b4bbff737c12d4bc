/* The segmenter's words: where each one ends (a run of non-space
 * characters, or part of one where a period glues two sentences), what
 * its end looks like (final punctuation inside closing marks), and
 * whether it can open a sentence. */
#include "config.h"
#include "text/segment-private.h"
#include "text/swar.h"

#include <stdlib.h>
#include <string.h>

/* Where the word starting at START ends inside its token: after a period
 * that glues two sentences together ("world.Today", "1,000.That"), else at
 * the token's end. A lower-case letter or digit before the period and a
 * capitalised word after it rule out initials ("U.S.A"), decimals and
 * domain names. */
static uint32_t
word_end (const abr_seg_para *p, uint32_t start, uint32_t tok_end, bool can_glue)
{
  if (!can_glue)
    return tok_end;
  const unsigned char *t = (const unsigned char *) p->text;
  uint32_t k = start + 2;
  while (k + 2 < tok_end)
    {
      const unsigned char *dot = memchr (t + k, '.', tok_end - 2 - k);
      if (dot == NULL)
        break;
      k = (uint32_t) (dot - t);
      if ((abr_seg_is_ascii_lower (t[k - 1]) || abr_seg_is_ascii_digit (t[k - 1]))
          && abr_seg_is_ascii_alnum (t[k - 2])
          && abr_seg_is_ascii_upper (t[k + 1]) && abr_seg_is_ascii_lower (t[k + 2]))
        return k + 1;
      k++;
    }
  return tok_end;
}

/* ASCII bytes the token scan must look at: white space ends a token, a
 * period may glue two sentences (or end a "www."), the others may start a
 * URL or an e-mail address. */
static const bool token_stop[128] = {
  ['\t'] = true, ['\n'] = true, ['\v'] = true, ['\f'] = true, ['\r'] = true,
  [' '] = true, ['@'] = true, [':'] = true, ['.'] = true,
};

/* Eight bytes at a time (SWAR): the high bit of each byte of the result
 * is set where X holds a byte the token scan must look at (one of
 * token_stop, another byte up to a space, or one past ASCII). Only the
 * lowest is exact: a borrow or carry may set bits above it. */
static inline uint64_t
token_stops (uint64_t x)
{
  const uint64_t ones = ABR_SWAR_ONES, highs = ABR_SWAR_HIGHS;
  uint64_t at, dot, colon;
  at = x ^ (ones * '@');
  colon = x ^ (ones * ':');
  dot = x ^ (ones * '.');
  uint64_t zero = ((at - ones) & ~at) | ((colon - ones) & ~colon) | ((dot - ones) & ~dot);
  uint64_t up_to_space = ~(x + ones * (0x80 - 0x21));
  return (zero | up_to_space | x) & highs;
}

bool
abr_seg_next_word (const abr_seg_para *p, const abr_seg_word *prev, abr_seg_word *w)
{
  uint32_t i = prev != NULL ? prev->end : p->lo;
  if (prev != NULL && prev->end < prev->tok_end)
    {
      w->start = i;
      w->tok_end = prev->tok_end;
      w->can_glue = prev->can_glue;
      w->breaks = 0;
      w->end = word_end (p, w->start, w->tok_end, w->can_glue);
      return true;
    }

  uint8_t breaks = 0;
  bool last_cr = false;
  const unsigned char *t = (const unsigned char *) p->text;
  /* One space, then a word: most of the time. */
  if (i + 1 < p->hi && t[i] == ' ' && t[i + 1] > ' ' && t[i + 1] < 0x80)
    i++;
  while (i < p->hi)
    {
      uint32_t next;
      gunichar c;
      if (t[i] > ' ' && t[i] < 0x80)
        break;
      c = abr_seg_char_at (p, i, p->hi, &next);
      if (!abr_seg_is_space (c))
        break;
      if (abr_seg_is_line_break (c))
        {
          /* CR LF is one line break. */
          if (!(c == '\n' && last_cr) && breaks < 2)
            breaks++;
          last_cr = c == '\r';
        }
      else
        last_cr = false;
      i = next;
    }
  if (i >= p->hi)
    return false;

  w->start = i;
  w->breaks = breaks;

  /* Find the token's end; URLs and e-mail addresses hold periods before
   * capitals that are not sentence ends ("Jane.Doe@example.com"). */
  bool url = false, dot = false;
  while (i < p->hi)
    {
      if (i + 8 <= p->hi)
        {
          uint64_t stops = token_stops (abr_swar_load ((const char *) t + i));
          if (stops == 0)
            {
              i += 8;
              continue;
            }
          i += (uint32_t) __builtin_ctzll (stops) / 8;
        }
      unsigned char b = t[i];
      if (b < 0x80)
        {
          if (!token_stop[b])
            {
              i++;
              continue;
            }
          if (b == ' ' || (b >= '\t' && b <= '\r'))
            break;
          if (b == '.')
            {
              dot = true;
              /* "www." in any case, found at its period: a stop at every
               * w was a tenth of the words sent down this path. */
              if (i >= w->start + 3 && (t[i - 1] | 0x20) == 'w' && (t[i - 2] | 0x20) == 'w'
                  && (t[i - 3] | 0x20) == 'w')
                url = true;
            }
          else if (b == '@')
            url = true;
          else if (b == ':' && i + 2 < p->hi && t[i + 1] == '/' && t[i + 2] == '/')
            url = true;
          i++;
          continue;
        }
      uint32_t next;
      gunichar c = abr_seg_char_at (p, i, p->hi, &next);
      if (abr_seg_is_space (c))
        break;
      i = next;
    }
  w->tok_end = i;
  w->can_glue = !url;
  /* Most tokens hold no period: nothing to glue. */
  w->end = dot ? word_end (p, w->start, w->tok_end, w->can_glue) : w->tok_end;
  return true;
}

void
abr_seg_word_tail (const abr_seg_para *p, const abr_seg_word *w, abr_seg_tail *t)
{
  const unsigned char *text = (const unsigned char *) p->text;
  unsigned char last = text[w->end - 1];
  if (abr_seg_is_ascii_alnum (last) || last == ',')
    {
      /* Most words: nothing to set aside at the end. */
      t->core_end = t->punct_start = w->end;
      t->dots = 0;
      t->strong = false;
      t->stem_start = w->start;
      if (!abr_seg_is_ascii_alnum (text[w->start]))
        {
          uint32_t s = w->start, next;
          while (s < w->end && abr_seg_is_opener (abr_seg_char_at (p, s, w->end, &next)))
            s = next;
          t->stem_start = s;
        }
      return;
    }

  uint32_t i = w->end, prev;
  for (;;)
    {
      if (i <= w->start)
        break;
      gunichar c = abr_seg_char_before (p, w->start, i, &prev);
      if (!abr_seg_is_closer (c) && !(p->foreign_marks && (c == 0x201C || c == 0x2018)))
        break;
      i = prev;
    }
  t->core_end = i;

  t->dots = 0;
  t->strong = false;
  while (i > w->start)
    {
      gunichar c = abr_seg_char_before (p, w->start, i, &prev);
      if (c == '.')
        t->dots++;
      else if (c == 0x2026) /* … */
        t->dots += 3;
      else if (abr_seg_is_strong_terminal (c))
        t->strong = true;
      else
        break;
      if (t->dots > 1000)
        t->dots = 1000;
      i = prev;
    }
  t->punct_start = i;

  uint32_t s = w->start, next;
  while (s < t->punct_start && abr_seg_is_opener (abr_seg_char_at (p, s, t->punct_start, &next)))
    s = next;
  t->stem_start = s;
}

bool
abr_seg_is_lone_period (const abr_seg_para *p, const abr_seg_word *w)
{
  abr_seg_tail t;
  abr_seg_word_tail (p, w, &t);
  return t.dots == 1 && !t.strong && t.stem_start == t.punct_start;
}

/* The first character of W after opening quotes and brackets, with the
 * one after it (0 if none), and whether a quotation mark was skipped. */
gunichar
abr_seg_first_char (const abr_seg_para *p, const abr_seg_word *w, gunichar *second, bool *quoted,
                    uint32_t *at)
{
  uint32_t i = w->start, next;
  *quoted = false;
  *second = 0;
  while (i < w->end)
    {
      gunichar c = abr_seg_char_at (p, i, w->end, &next);
      if (!abr_seg_is_opener (c)
          && !(p->foreign_marks && (c == 0x00BB || c == 0x203A || c == 0x201D)))
        {
          if (next < w->end)
            {
              uint32_t after;
              *second = abr_seg_char_at (p, next, w->end, &after);
            }
          if (at != NULL)
            *at = i;
          return c;
        }
      if (abr_seg_is_quote_opener (c))
        *quoted = true;
      i = next;
    }
  if (at != NULL)
    *at = w->end;
  return 0;
}


/* Whether W can begin a sentence after an ordinary full stop, question
 * mark or ellipsis: a capital, a number, a currency amount, a letter of a
 * script without case, or an opening quotation in any case. */
bool
abr_seg_starts_sentence (const abr_seg_para *p, const abr_seg_word *w)
{
  if (w == NULL)
    return false;
  gunichar second;
  bool quoted;
  gunichar c = abr_seg_first_char (p, w, &second, &quoted, NULL);
  if (c == 0)
    return false;
  if (abr_seg_is_capital (c, second) || g_unichar_isdigit (c)
      || g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL)
    return true;
  if (g_unichar_isalpha (c) && !g_unichar_islower (c))
    return true;
  return quoted && g_unichar_isalpha (c);
}

bool
abr_seg_starts_with_digit (const abr_seg_para *p, const abr_seg_word *w)
{
  gunichar second;
  bool quoted;
  gunichar c = abr_seg_first_char (p, w, &second, &quoted, NULL);
  return g_unichar_isdigit (c) || c == '#';
}

bool
abr_seg_starts_lower (const abr_seg_para *p, const abr_seg_word *w)
{
  gunichar second;
  bool quoted;
  gunichar c = abr_seg_first_char (p, w, &second, &quoted, NULL);
  return g_unichar_islower (c) && !abr_seg_is_capital (c, second);
}

/* Capitalised words that open sentences far more often than they follow an
 * abbreviation inside one: after "U.S." or "Co.", "The" starts a sentence,
 * "Government" does not. Function words only; names such as "Will" and words
 * that follow "U.S." in titles ("Under Secretary", "First Lady") are left
 * out. Sorted for bsearch. */
static const char *const sentence_openers[] = {
  "a", "about", "according", "after", "afterward", "again", "all", "also",
  "although", "among", "an", "and", "another", "any", "are", "as", "at",
  "because", "before", "being", "besides", "both", "but", "by", "could",
  "despite", "did", "do", "does", "during", "each", "earlier", "either",
  "even", "every", "few", "finally", "for", "from", "furthermore", "had", "has",
  "have", "he", "her", "here", "his", "how", "however", "hundreds", "i",
  "if", "in", "indeed", "instead", "is", "it", "its", "just", "last",
  "later", "let", "many", "meanwhile", "millions", "more", "moreover",
  "most", "much", "my", "neither", "nevertheless", "next", "no", "nor",
  "not", "now", "of", "on", "once", "one", "only", "or", "other", "our",
  "perhaps", "please", "rather", "several", "she", "should", "since", "so",
  "some", "still", "such", "that", "the", "their", "then", "there", "these",
  "they", "this", "those", "though", "thousands", "thus", "to", "today",
  "unlike", "until", "was", "we", "were", "what", "whatever", "when",
  "where", "whether", "which", "while", "who", "whom", "whose", "why",
  "with", "within", "without", "would", "yes", "yet", "you", "your",
};

static int
compare_opener (const void *key, const void *member)
{
  return strcmp (key, *(const char *const *) member);
}

/* Whether the letters of W from I on are a function word of the
 * paragraph's language ("Die", "Le", "Это"), and not an initial. */
static bool
is_language_opener (const abr_seg_para *p, const abr_seg_word *w, uint32_t i)
{
  if (g_hash_table_size (p->openers) == 0)
    return true; /* no list of function words: any capital may open */
  uint32_t from = i, next;
  while (i < w->end && g_unichar_isalpha (abr_seg_char_at (p, i, w->end, &next)))
    i = next;
  if (i == from || i - from > ABR_SEG_MAX_ABBREV_BYTES || (i < w->end && p->text[i] == '.'))
    return false;
  char *folded = g_utf8_casefold (p->text + from, (gssize) (i - from));
  bool found = g_hash_table_contains (p->openers, folded);
  if (!found)
    {
      /* ">les": an opener the stop list lacks, in the abbreviations file */
      char *marked = g_strconcat (">", folded, NULL);
      found = g_hash_table_contains (p->abbrevs, marked);
      g_free (marked);
    }
  g_free (folded);
  return found;
}

/* Whether W is a capitalised sentence opener ("The", "He", "How's"), or a
 * quotation opening with a capital: after an abbreviation, only these end
 * the sentence. */
bool
abr_seg_is_sentence_opener (const abr_seg_para *p, const abr_seg_word *w)
{
  if (w == NULL)
    return false;
  gunichar second;
  bool quoted;
  uint32_t i;
  gunichar c = abr_seg_first_char (p, w, &second, &quoted, &i);
  if (!abr_seg_is_capital (c, second))
    return false;
  if (quoted)
    return true;
  if (p->openers != NULL)
    return is_language_opener (p, w, i);
  char buf[16];
  size_t n = 0;
  const unsigned char *t = (const unsigned char *) p->text;
  while (i < w->end && (abr_seg_is_ascii_lower (t[i]) || abr_seg_is_ascii_upper (t[i])))
    {
      if (n + 1 >= sizeof buf)
        return false;
      buf[n++] = (char) g_ascii_tolower (t[i]);
      i++;
    }
  if (n == 0 || (i < w->end && t[i] == '.'))
    return false; /* "A." is an initial, not the article */
  if (i < w->end && t[i] >= 0x80)
    {
      uint32_t after;
      if (g_unichar_isalpha (abr_seg_char_at (p, i, w->end, &after)))
        return false; /* a longer word: "Thérèse" */
    }
  buf[n] = '\0';
  return bsearch (buf, sentence_openers, G_N_ELEMENTS (sentence_openers),
                  sizeof sentence_openers[0], compare_opener) != NULL;
}
