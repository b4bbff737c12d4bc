/* Sentence segmentation of one paragraph of news text: English, and the
 * other languages through their abbreviations and function words. */
#include "config.h"
#include "text/segment.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "text/data.h"
#include "text/lang.h"

/* The scanner walks the paragraph once, word by word (a word is a run of
 * non-space characters), and decides after each word whether a sentence
 * ends there, looking at most a few words ahead. Every decision reads a
 * bounded number of words, each a bounded number of times, so the whole
 * pass is linear in the paragraph length and allocates nothing but the
 * output spans. */

/* Below this many characters, a line that ends without punctuation is taken
 * as a line of its own (a heading, a byline, a list item); at or above it,
 * as hard-wrapped prose whose line break is only a soft space. Hard-wrapped
 * news text wraps at 60-80 columns, headings are rarely this long. */
#define SOFT_WRAP_MIN_CHARS 40

/* Longer stems are never looked up: no abbreviation is this long. */
#define MAX_ABBREV_BYTES 24

/* A spaced ellipsis is three lone periods (". . ."); a fourth is a full
 * stop. */
#define SPACED_ELLIPSIS_DOTS 3

typedef struct para {
  const char *text;
  uint32_t lo, hi;
  GHashTable *abbrevs;
  /* Case-folded words that open sentences after an abbreviation: the
   * language's stop words; NULL for English's own list below. */
  GHashTable *openers;
  bool ordinal_dots; /* "am 3. Oktober" */
  /* Not English: „…“ and ‚…‘ close with marks English opens with, and
   * »…« and ”…” open with marks English closes with. */
  bool foreign_marks;
} para;

typedef struct word {
  uint32_t start, end;
  /* End of the white-space-delimited token holding the word: a token
   * splits into several words where a sentence was glued to the next one
   * ("world.Today"). */
  uint32_t tok_end;
  bool can_glue;           /* no URL or e-mail address in the token */
  uint8_t breaks; /* line breaks before the word, saturating at 2 */
} word;

/* What the end of a word looks like once closing quotes and brackets are
 * set aside: "engineer.)" ends in a period, "'This" starts with a letter. */
typedef struct tail {
  uint32_t stem_start;  /* after opening quotes and brackets */
  uint32_t punct_start; /* start of the final run of . ? ! and ellipses */
  uint32_t core_end;    /* before closing quotes and brackets */
  unsigned dots;        /* periods in that run; an ellipsis counts three */
  bool strong;          /* the run holds ? or ! */
} tail;

typedef enum word_kind {
  KIND_WORD,     /* an ordinary word or number: its period ends a sentence */
  KIND_ABBREV,   /* may end a sentence, before a sentence opener */
  KIND_INITIAL,  /* a single letter: behaves like KIND_ABBREV */
  KIND_TITLE,    /* precedes a name: never ends a sentence */
  KIND_NUMBERED, /* an abbreviation before a number, a word otherwise */
} word_kind;

typedef enum list_kind {
  LIST_NONE,
  LIST_NUMBER, /* 1. 1) 1.) (1) */
  LIST_LETTER, /* a. a) a.) */
} list_kind;

typedef enum list_style {
  STYLE_PERIOD,       /* 1. */
  STYLE_PAREN,        /* 1) */
  STYLE_PERIOD_PAREN, /* 1.) */
  STYLE_ENCLOSED,     /* (1) */
} list_style;

/* A list item marker at the start of a word: bullets, then a number or a
 * letter with its punctuation, and nothing after. */
typedef struct marker {
  gunichar bullet; /* 0 if none */
  list_kind kind;
  list_style style;
  unsigned value;
  bool whole_word; /* the marker is the whole word ("2." but not "2.5") */
} marker;

typedef struct state {
  bool open;
  uint32_t sent_start;
  uint32_t last_end;     /* end of the sentence's last word so far */
  bool last_terminal;    /* that word ended in . ? ! or an ellipsis */
  word_kind last_kind;
  bool prefix_only;      /* the sentence so far is only list markers */
  bool upper_start;      /* its first word starts with a capital */
  uint32_t line_start;   /* first word of the current line */
  unsigned spaced_dots;  /* consecutive words that are a lone period */
  /* The list item marker that would start the next item. */
  gunichar expect_bullet;
  list_kind expect_kind;
  list_style expect_style;
  unsigned expect_value;
} state;

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

/* ---- characters ---------------------------------------------------------- */

/* The character at I, never reading at or past LIMIT; bytes that do not
 * form a character (impossible in validated input, but the bounds must
 * hold anyway) read as U+FFFD one byte at a time. */
static gunichar
char_at (const para *p, uint32_t i, uint32_t limit, uint32_t *next)
{
  unsigned char b = (unsigned char) p->text[i];
  if (b < 0x80)
    {
      *next = i + 1;
      return b;
    }
  gunichar c = g_utf8_get_char_validated (p->text + i, (gssize) (limit - i));
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *next = i + 1;
      return 0xFFFD;
    }
  *next = i + (uint32_t) g_utf8_skip[b];
  return c;
}

/* The character ending at I, never reading before LO. */
static gunichar
char_before (const para *p, uint32_t lo, uint32_t i, uint32_t *prev)
{
  uint32_t j = i - 1;
  if ((unsigned char) p->text[j] < 0x80)
    {
      *prev = j;
      return (unsigned char) p->text[j];
    }
  while (j > lo && i - j < 4 && ((unsigned char) p->text[j] & 0xC0) == 0x80)
    j--;
  uint32_t after;
  gunichar c = char_at (p, j, i, &after);
  if (after != i)
    {
      j = i - 1;
      c = 0xFFFD;
    }
  *prev = j;
  return c;
}

static bool
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static bool
is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0x85 || g_unichar_isspace (c);
}

static bool
is_opener (gunichar c)
{
  switch (c)
    {
    case '"': case '\'': case '(': case '[': case '{':
    case 0x201C: case 0x2018: case 0x201E: case 0x201A: /* “ ‘ „ ‚ */
    case 0x00AB: case 0x2039:                           /* « ‹ */
    case 0x00BF: case 0x00A1:                           /* ¿ ¡ */
    case 0x300C: case 0x300E:                           /* 「 『 */
      return true;
    default:
      return false;
    }
}

/* Opening quotation marks (not brackets): a quotation opening after a full
 * stop starts a sentence even in lower case, as in text that was
 * lower-cased by a tokenizer. */
static bool
is_quote_opener (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == 0x201E
         || c == 0x00AB || c == 0x2039 || c == 0x201A || c == 0x300C || c == 0x300E;
}

static bool
is_closer (gunichar c)
{
  switch (c)
    {
    case '"': case '\'': case ')': case ']': case '}':
    case 0x201D: case 0x2019: /* ” ’ */
    case 0x00BB: case 0x203A: /* » › */
    case 0x300D: case 0x300F: /* 」 』 */
      return true;
    default:
      return false;
    }
}

/* Bullets that mark a list item wherever they stand. */
static bool
is_symbol_bullet (gunichar c)
{
  switch (c)
    {
    case 0x2022: case 0x2043: case 0x25E6: case 0x25AA: case 0x25CF:
    case 0x25A0: case 0x2023: case 0x25BA: case 0x25B6: case 0x27A2:
    case 0x2219: case 0x25CB: case 0x25A1: case 0x2713: case 0x2714:
      return true;
    default:
      return false;
    }
}

/* Dashes and the like mark a list item only at the start of a line: inside
 * a sentence they are punctuation. */
static bool
is_line_bullet (gunichar c)
{
  return c == '-' || c == '*' || c == '+' || c == 0x2013 || c == 0x2014
         || c == 0x00B7 || is_symbol_bullet (c);
}

static bool
is_strong_terminal (gunichar c)
{
  switch (c)
    {
    case '?': case '!':
    case 0x203C: case 0x2047: case 0x2048: case 0x2049: case 0x203D: /* ‼ ⁇ ⁈ ⁉ ‽ */
    case 0xFF01: case 0xFF1F: case 0x3002:                           /* ！ ？ 。 */
      return true;
    default:
      return false;
    }
}

static bool
is_ascii_lower (unsigned char b)
{
  return b >= 'a' && b <= 'z';
}

static bool
is_ascii_upper (unsigned char b)
{
  return b >= 'A' && b <= 'Z';
}

static bool
is_ascii_digit (unsigned char b)
{
  return b >= '0' && b <= '9';
}

static bool
is_ascii_alnum (unsigned char b)
{
  return is_ascii_lower (b) || is_ascii_upper (b) || is_ascii_digit (b);
}

/* ---- words --------------------------------------------------------------- */

/* Where the word starting at START ends inside its token: after a period
 * that glues two sentences together ("world.Today", "1,000.That"), else at
 * the token's end. A lower-case letter or digit before the period and a
 * capitalised word after it rule out initials ("U.S.A"), decimals and
 * domain names. */
static uint32_t
word_end (const para *p, uint32_t start, uint32_t tok_end, bool can_glue)
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
      if ((is_ascii_lower (t[k - 1]) || is_ascii_digit (t[k - 1])) && is_ascii_alnum (t[k - 2])
          && is_ascii_upper (t[k + 1]) && is_ascii_lower (t[k + 2]))
        return k + 1;
      k++;
    }
  return tok_end;
}

/* ASCII bytes the token scan must look at: white space ends a token, the
 * others may start a URL or an e-mail address. */
static const bool token_stop[128] = {
  ['\t'] = true, ['\n'] = true, ['\v'] = true, ['\f'] = true, ['\r'] = true,
  [' '] = true, ['@'] = true, [':'] = true, ['w'] = true, ['W'] = true,
};

/* The word after PREV (the first word if PREV is NULL), into W; false at
 * the end of the paragraph. */
static bool
next_word (const para *p, const word *prev, word *w)
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
  while (i < p->hi)
    {
      uint32_t next;
      gunichar c;
      if (t[i] > ' ' && t[i] < 0x80)
        break;
      c = char_at (p, i, p->hi, &next);
      if (!is_space (c))
        break;
      if (is_line_break (c))
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
  bool url = false;
  while (i < p->hi)
    {
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
          if (b == '@')
            url = true;
          else if (b == ':' && i + 2 < p->hi && t[i + 1] == '/' && t[i + 2] == '/')
            url = true;
          else if ((b == 'w' || b == 'W') && i + 3 < p->hi
                   && g_ascii_strncasecmp ((const char *) t + i, "www.", 4) == 0)
            url = true;
          i++;
          continue;
        }
      uint32_t next;
      gunichar c = char_at (p, i, p->hi, &next);
      if (is_space (c))
        break;
      i = next;
    }
  w->tok_end = i;
  w->can_glue = !url;
  w->end = word_end (p, w->start, w->tok_end, w->can_glue);
  return true;
}

static void
word_tail (const para *p, const word *w, tail *t)
{
  const unsigned char *text = (const unsigned char *) p->text;
  unsigned char last = text[w->end - 1];
  if (is_ascii_alnum (last) || last == ',')
    {
      /* Most words: nothing to set aside at the end. */
      t->core_end = t->punct_start = w->end;
      t->dots = 0;
      t->strong = false;
      t->stem_start = w->start;
      if (!is_ascii_alnum (text[w->start]))
        {
          uint32_t s = w->start, next;
          while (s < w->end && is_opener (char_at (p, s, w->end, &next)))
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
      gunichar c = char_before (p, w->start, i, &prev);
      if (!is_closer (c) && !(p->foreign_marks && (c == 0x201C || c == 0x2018)))
        break;
      i = prev;
    }
  t->core_end = i;

  t->dots = 0;
  t->strong = false;
  while (i > w->start)
    {
      gunichar c = char_before (p, w->start, i, &prev);
      if (c == '.')
        t->dots++;
      else if (c == 0x2026) /* … */
        t->dots += 3;
      else if (is_strong_terminal (c))
        t->strong = true;
      else
        break;
      if (t->dots > 1000)
        t->dots = 1000;
      i = prev;
    }
  t->punct_start = i;

  uint32_t s = w->start, next;
  while (s < t->punct_start && is_opener (char_at (p, s, t->punct_start, &next)))
    s = next;
  t->stem_start = s;
}

/* A word that is nothing but one period, as in a spaced ellipsis ". . .". */
static bool
is_lone_period (const para *p, const word *w)
{
  tail t;
  word_tail (p, w, &t);
  return t.dots == 1 && !t.strong && t.stem_start == t.punct_start;
}

/* The first character of W after opening quotes and brackets, with the
 * one after it (0 if none), and whether a quotation mark was skipped. */
static gunichar
first_char (const para *p, const word *w, gunichar *second, bool *quoted, uint32_t *at)
{
  uint32_t i = w->start, next;
  *quoted = false;
  *second = 0;
  while (i < w->end)
    {
      gunichar c = char_at (p, i, w->end, &next);
      if (!is_opener (c) && !(p->foreign_marks && (c == 0x00BB || c == 0x203A || c == 0x201D)))
        {
          if (next < w->end)
            {
              uint32_t after;
              *second = char_at (p, next, w->end, &after);
            }
          if (at != NULL)
            *at = i;
          return c;
        }
      if (is_quote_opener (c))
        *quoted = true;
      i = next;
    }
  if (at != NULL)
    *at = w->end;
  return 0;
}

static bool
is_capital (gunichar c, gunichar second)
{
  if (g_unichar_isupper (c) || g_unichar_istitle (c))
    return true;
  /* iPhone, eBay: a brand starting a sentence keeps its small letter. */
  return g_unichar_islower (c) && second != 0 && g_unichar_isupper (second);
}

/* Whether W can begin a sentence after an ordinary full stop, question
 * mark or ellipsis: a capital, a number, a currency amount, a letter of a
 * script without case, or an opening quotation in any case. */
static bool
starts_sentence (const para *p, const word *w)
{
  if (w == NULL)
    return false;
  gunichar second;
  bool quoted;
  gunichar c = first_char (p, w, &second, &quoted, NULL);
  if (c == 0)
    return false;
  if (is_capital (c, second) || g_unichar_isdigit (c)
      || g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL)
    return true;
  if (g_unichar_isalpha (c) && !g_unichar_islower (c))
    return true;
  return quoted && g_unichar_isalpha (c);
}

static bool is_lone_bullet (const para *p, const word *w);

static bool
is_lone_opening_quote (const para *p, const word *w)
{
  uint32_t i = w->start, next;
  while (i < w->end)
    {
      gunichar c = char_at (p, i, w->end, &next);
      if (!is_quote_opener (c) || is_closer (c))
        return false;
      i = next;
    }
  return true;
}

/* Like starts_sentence, but a lone dash or bullet after a full stop opens
 * the next sentence when a capital follows it: list items run together
 * ("stage. - While Blackburn have"). */
static bool
starts_sentence_after (const para *p, const word *next)
{
  if (next == NULL)
    return false;
  word after;
  if (is_lone_bullet (p, next))
    return next_word (p, next, &after) && starts_sentence (p, &after);
  /* A detached opening quotation mark ("roads. ‘ nobody wants"), from
   * tokenised text; a straight quote standing alone is taken as closing. */
  if (is_lone_opening_quote (p, next))
    {
      if (!next_word (p, next, &after))
        return false;
      gunichar second;
      bool quoted;
      gunichar c = first_char (p, &after, &second, &quoted, NULL);
      return g_unichar_isalnum (c);
    }
  return starts_sentence (p, next);
}

static bool
starts_with_digit (const para *p, const word *w)
{
  gunichar second;
  bool quoted;
  gunichar c = first_char (p, w, &second, &quoted, NULL);
  return g_unichar_isdigit (c) || c == '#';
}

static bool
starts_lower (const para *p, const word *w)
{
  gunichar second;
  bool quoted;
  gunichar c = first_char (p, w, &second, &quoted, NULL);
  return g_unichar_islower (c) && !is_capital (c, second);
}

static int
compare_opener (const void *key, const void *member)
{
  return strcmp (key, *(const char *const *) member);
}

/* Whether the letters of W from I on are a function word of the
 * paragraph's language ("Die", "Le", "Это"), and not an initial. */
static bool
is_language_opener (const para *p, const word *w, uint32_t i)
{
  if (g_hash_table_size (p->openers) == 0)
    return true; /* no list of function words: any capital may open */
  uint32_t from = i, next;
  while (i < w->end && g_unichar_isalpha (char_at (p, i, w->end, &next)))
    i = next;
  if (i == from || i - from > MAX_ABBREV_BYTES || (i < w->end && p->text[i] == '.'))
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
static bool
is_sentence_opener (const para *p, const word *w)
{
  if (w == NULL)
    return false;
  gunichar second;
  bool quoted;
  uint32_t i;
  gunichar c = first_char (p, w, &second, &quoted, &i);
  if (!is_capital (c, second))
    return false;
  if (quoted)
    return true;
  if (p->openers != NULL)
    return is_language_opener (p, w, i);
  char buf[16];
  size_t n = 0;
  const unsigned char *t = (const unsigned char *) p->text;
  while (i < w->end && (is_ascii_lower (t[i]) || is_ascii_upper (t[i])))
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
      if (g_unichar_isalpha (char_at (p, i, w->end, &after)))
        return false; /* a longer word: "Thérèse" */
    }
  buf[n] = '\0';
  return bsearch (buf, sentence_openers, G_N_ELEMENTS (sentence_openers),
                  sizeof sentence_openers[0], compare_opener) != NULL;
}

/* ---- abbreviations and list markers -------------------------------------- */

static word_kind
classify_stem (const para *p, uint32_t start, uint32_t end)
{
  if (start >= end)
    return KIND_WORD;

  char buf[MAX_ABBREV_BYTES + 8];
  size_t n = 1;
  unsigned chars = 0, letters = 0, periods = 0, capitals = 0;
  bool alternating = true, prev_letter = false, too_long = false;
  uint32_t i = start, next;
  while (i < end)
    {
      gunichar c = char_at (p, i, end, &next);
      i = next;
      chars++;
      if (c == '.')
        {
          periods++;
          if (!prev_letter)
            alternating = false;
          prev_letter = false;
        }
      else if (g_unichar_isalpha (c))
        {
          letters++;
          capitals += g_unichar_isupper (c);
          if (prev_letter)
            alternating = false;
          prev_letter = true;
        }
      else
        alternating = false;
      if (!too_long)
        {
          if (n + 6 > MAX_ABBREV_BYTES)
            too_long = true;
          else
            n += (size_t) g_unichar_to_utf8 (g_unichar_tolower (c), buf + n);
        }
    }
  /* MS, SEC, NO: an acronym in capitals is a word, not the abbreviation
   * spelled the same ("patients with MS. Final approval"). */
  if (letters >= 2 && capitals == letters && periods == 0)
    return KIND_WORD;
  if (!too_long && p->foreign_marks)
    {
      /* "l'Ing.", "dell'Avv.": an elided article or preposition before
       * the abbreviation (French, Italian) is not part of it. */
      buf[n] = '\0';
      char *elided = strrchr (buf + 1, '\'');
      if (elided == NULL)
        elided = g_strrstr (buf + 1, "\u2019");
      if (elided != NULL)
        {
          gsize skip = *elided == '\'' ? 1 : 3;
          memmove (buf + 1, elided + skip, strlen (elided + skip) + 1);
          n = strlen (buf);
        }
    }
  if (!too_long)
    {
      buf[n] = '\0';
      if (g_hash_table_contains (p->abbrevs, buf + 1))
        return KIND_ABBREV;
      buf[0] = '+';
      if (g_hash_table_contains (p->abbrevs, buf))
        return KIND_TITLE;
      buf[0] = '=';
      if (g_hash_table_contains (p->abbrevs, buf))
        return KIND_NUMBERED;
    }
  if (chars == 1 && letters == 1)
    return KIND_INITIAL;
  /* U.S.A, E.U, N.Y: letters and periods taking turns. */
  if (alternating && periods > 0 && letters == periods + 1 && prev_letter)
    return KIND_ABBREV;
  return KIND_WORD;
}

/* Parses a list item marker at the start of W: "•", "-", "1.", "2)", "3.)",
 * "(4)", "a.", "b)", "⁃9.". */
static bool
parse_marker (const para *p, const word *w, marker *m)
{
  memset (m, 0, sizeof *m);
  const unsigned char *t = (const unsigned char *) p->text;
  uint32_t i = w->start, next;
  while (i < w->end)
    {
      gunichar c = char_at (p, i, w->end, &next);
      if (!is_line_bullet (c))
        break;
      if (m->bullet == 0)
        m->bullet = c;
      i = next;
    }
  if (i == w->end)
    {
      m->whole_word = m->bullet != 0;
      return m->bullet != 0;
    }
  if (m->bullet != 0 && !is_symbol_bullet (m->bullet))
    return false; /* "-5" is a number, "--" a dash */

  bool enclosed = false;
  if (t[i] == '(')
    {
      enclosed = true;
      i++;
    }
  uint32_t body = i;
  unsigned value = 0;
  while (i < w->end && is_ascii_digit (t[i]) && i - body < 3)
    value = value * 10 + (unsigned) (t[i++] - '0');
  if (i > body)
    m->kind = LIST_NUMBER;
  else if (i < w->end && (is_ascii_lower (t[i]) || (enclosed && is_ascii_upper (t[i]))))
    {
      m->kind = LIST_LETTER;
      value = (unsigned) t[i++];
    }
  else
    return m->bullet != 0;
  m->value = value;

  if (enclosed)
    {
      if (i >= w->end || t[i] != ')')
        goto not_a_marker;
      i++;
      m->style = STYLE_ENCLOSED;
    }
  else if (i < w->end && t[i] == '.')
    {
      i++;
      m->style = STYLE_PERIOD;
      if (i < w->end && t[i] == ')')
        {
          i++;
          m->style = STYLE_PERIOD_PAREN;
        }
    }
  else if (i < w->end && t[i] == ')')
    {
      i++;
      m->style = STYLE_PAREN;
    }
  else
    goto not_a_marker;

  m->whole_word = i == w->end;
  if (m->whole_word)
    return true;

not_a_marker:
  m->kind = LIST_NONE;
  m->whole_word = false;
  return m->bullet != 0;
}

static bool
is_lone_bullet (const para *p, const word *w)
{
  marker m;
  return parse_marker (p, w, &m) && m.whole_word && m.kind == LIST_NONE;
}

/* Whether W, first on its line, starts a list item, so that the line
 * before it ends whatever its length. */
static bool
starts_list_item (const para *p, const word *w)
{
  marker m;
  if (!parse_marker (p, w, &m))
    return false;
  return m.whole_word || m.bullet != 0;
}

static bool
is_expected_marker (const para *p, const state *s, const word *w)
{
  if (s->expect_bullet == 0 && s->expect_kind == LIST_NONE)
    return false;
  marker m;
  if (!parse_marker (p, w, &m))
    return false;
  if (s->expect_bullet != 0)
    return m.bullet == s->expect_bullet;
  return m.whole_word && m.bullet == 0 && m.kind == s->expect_kind
         && m.style == s->expect_style && m.value == s->expect_value;
}

/* ---- decisions ----------------------------------------------------------- */

/* A number of one to three digits before a single period: in languages
 * that write ordinals so ("3. Oktober", "19. Jahrhundert"), it ends a
 * sentence only as an abbreviation would. Years keep ending them. */
static bool
is_ordinal (const para *p, const tail *t)
{
  uint32_t n = t->punct_start - t->stem_start;
  if (n == 0 || n > 3)
    return false;
  for (uint32_t i = t->stem_start; i < t->punct_start; i++)
    if (!is_ascii_digit ((unsigned char) p->text[i]))
      return false;
  return true;
}

/* Whether the sentence ends after W, the word before NEXT (NULL at the end
 * of the paragraph). */
static bool
ends_after (const para *p, const word *w, const tail *t, const word *next,
            unsigned spaced_dots, word_kind *kind)
{
  *kind = KIND_WORD;
  if (t->dots == 0 && !t->strong)
    return false;
  if (next == NULL)
    return true;
  /* "Yahoo! in", "'Why?' he asked": a question or exclamation mark ends a
   * sentence only before something that can start one. */
  if (t->strong)
    return starts_sentence_after (p, next);

  if (t->dots >= 3)
    {
      uint32_t prev;
      if (t->punct_start > w->start)
        {
          gunichar c = char_before (p, w->start, t->punct_start, &prev);
          if (c == '[' || c == '(')
            return false; /* an omission inside a quotation: "[...]" */
        }
      return starts_sentence_after (p, next);
    }

  if (t->stem_start == t->punct_start)
    {
      /* A lone period: three of them are a spaced ellipsis inside a
       * sentence, a fourth is its full stop. */
      if (spaced_dots == SPACED_ELLIPSIS_DOTS)
        return false;
      return starts_sentence_after (p, next);
    }

  /* "compounds. . . . The practice": a full stop followed by a spaced
   * ellipsis that opens the next sentence. */
  if (is_lone_period (p, next))
    {
      word ahead = *next, after;
      unsigned lone = 1;
      while (lone < SPACED_ELLIPSIS_DOTS + 1 && next_word (p, &ahead, &after)
             && is_lone_period (p, &after))
        {
          ahead = after;
          lone++;
        }
      if (lone == SPACED_ELLIPSIS_DOTS && next_word (p, &ahead, &after)
          && starts_sentence (p, &after))
        return true;
    }

  *kind = classify_stem (p, t->stem_start, t->punct_start);
  switch (*kind)
    {
    case KIND_TITLE:
      return false;
    case KIND_ABBREV:
    case KIND_INITIAL:
      return is_sentence_opener (p, next);
    case KIND_NUMBERED:
      if (starts_with_digit (p, next))
        return false;
      *kind = KIND_WORD;
      return starts_sentence_after (p, next);
    case KIND_WORD:
    default:
      if (p->ordinal_dots && t->dots == 1 && is_ordinal (p, t))
        return is_sentence_opener (p, next);
      return starts_sentence_after (p, next);
    }
}

/* Counts the characters of [from, to), stopping at LIMIT. */
static unsigned
count_chars (const para *p, uint32_t from, uint32_t to, unsigned limit)
{
  unsigned n = 0;
  for (uint32_t i = from; i < to && n < limit; i++)
    if (((unsigned char) p->text[i] & 0xC0) != 0x80)
      n++;
  return n;
}

/* Whether the line break before CUR ends the open sentence. */
static bool
line_break_ends (const para *p, const state *s, const word *cur)
{
  if (cur->breaks >= 2)
    return true;
  if (s->prefix_only)
    return false; /* a bullet alone on its line goes with the item text */
  if (starts_list_item (p, cur))
    return true;
  unsigned line_chars = count_chars (p, s->line_start, s->last_end, SOFT_WRAP_MIN_CHARS);
  if (s->last_terminal)
    {
      /* Punctuation declined to end the sentence here. On a short line,
       * an abbreviation before a capitalised line most likely did end it
       * ("Acme Corp.\nShares rose"); initials and titles never do. */
      return s->last_kind == KIND_ABBREV && line_chars < SOFT_WRAP_MIN_CHARS
             && starts_sentence (p, cur);
    }
  uint32_t prev;
  gunichar last = char_before (p, s->line_start, s->last_end, &prev);
  if (last == ',' || last == ';' || last == '-' || last == 0x2013 || last == 0x2014)
    return false;
  if (line_chars >= SOFT_WRAP_MIN_CHARS)
    return false;
  /* "This is a sentence\ncut off": a capitalised line going on in lower
   * case was wrapped; a lower-case line before another is a list. */
  if (s->upper_start && starts_lower (p, cur))
    return false;
  return true;
}

static void
emit (GArray *spans, state *s, uint32_t end, uint32_t flags)
{
  abr_span span = { s->sent_start, end, flags };
  g_array_append_val (spans, span);
  s->open = false;
}

/* Sets the list expectation from a word at the start of a sentence; false
 * if the word is not a bare list marker ("•", "2.", "⁃9."). */
static bool
take_marker (const para *p, state *s, const word *w)
{
  marker m;
  if (!parse_marker (p, w, &m) || !m.whole_word)
    return false;
  if (m.bullet != 0)
    s->expect_bullet = is_symbol_bullet (m.bullet) ? m.bullet : 0;
  if (m.kind != LIST_NONE)
    {
      s->expect_kind = m.kind;
      s->expect_style = m.style;
      s->expect_value = m.value + 1;
    }
  return true;
}

void
abr_segment_paragraph (const char *text, uint32_t start, uint32_t end, GArray *spans)
{
  abr_segment_paragraph_lang (text, start, end, abr_language_english (), spans);
}

void
abr_segment_paragraph_lang (const char *text, uint32_t start, uint32_t end,
                                const abr_language *lang, GArray *spans)
{
  g_return_if_fail (spans != NULL && lang != NULL);
  if (text == NULL || start >= end)
    return;

  /* Looked up once per language: the sets are built once and never
   * change, so a race only stores the same pointer twice. */
  static GHashTable *abbreviations[ABR_N_LANGUAGES], *openers[ABR_N_LANGUAGES];
  GHashTable *abbrevs = g_atomic_pointer_get (&abbreviations[lang->index]);
  if (abbrevs == NULL)
    {
      abbrevs = abr_language_abbreviations (lang);
      g_atomic_pointer_set (&abbreviations[lang->index], abbrevs);
    }
  gboolean english = lang == abr_language_english ();
  GHashTable *opens = NULL;
  if (!english)
    {
      opens = g_atomic_pointer_get (&openers[lang->index]);
      if (opens == NULL)
        {
          opens = abr_language_stopwords (lang);
          g_atomic_pointer_set (&openers[lang->index], opens);
        }
    }
  para p = { text, start, end, abbrevs, opens, lang->ordinal_dots, !english };
  state s;
  memset (&s, 0, sizeof s);

  /* LAST is the sentence's last word other than a detached closing mark,
   * whose punctuation such a mark inherits. */
  word cur, nxt, last;
  tail last_tail;
  memset (&last, 0, sizeof last);
  memset (&last_tail, 0, sizeof last_tail);
  bool have = next_word (&p, NULL, &cur);
  if (have)
    s.line_start = cur.start;
  while (have)
    {
      bool have_next = next_word (&p, &cur, &nxt);

      if (cur.breaks > 0)
        {
          if (s.open && line_break_ends (&p, &s, &cur))
            emit (spans, &s, s.last_end, s.last_terminal ? 0 : ABR_SPAN_LINE);
          s.line_start = cur.start;
        }
      /* "1) The first item 2) The second item": the next marker of a list
       * that runs on inside one line starts a new item. */
      if (s.open && !s.prefix_only && is_expected_marker (&p, &s, &cur))
        emit (spans, &s, s.last_end, 0);

      if (!s.open)
        {
          s.open = true;
          s.sent_start = cur.start;
          s.prefix_only = true;
          s.upper_start = false;
          s.expect_bullet = 0;
          s.expect_kind = LIST_NONE;
        }

      bool is_marker = false;
      if (s.prefix_only)
        {
          is_marker = take_marker (&p, &s, &cur);
          if (!is_marker)
            {
              s.prefix_only = false;
              gunichar second;
              bool quoted;
              gunichar c = first_char (&p, &cur, &second, &quoted, NULL);
              s.upper_start = is_capital (c, second);
            }
        }

      tail t;
      word_tail (&p, &cur, &t);
      word_kind kind = KIND_WORD;
      bool ends;
      if (t.core_end == cur.start && s.last_terminal && cur.start > s.sent_start)
        {
          /* A closing quotation mark standing apart ("a great year. \"
           * Hayes said") closes the sentence before it, which ends or not
           * as if the mark were attached. */
          ends = ends_after (&p, &last, &last_tail, have_next ? &nxt : NULL, s.spaced_dots,
                             &kind);
          t = last_tail;
        }
      else
        {
          bool lone = t.dots == 1 && !t.strong && t.stem_start == t.punct_start;
          s.spaced_dots = lone ? s.spaced_dots + (s.spaced_dots < 1000) : 0;
          ends = !is_marker
                 && ends_after (&p, &cur, &t, have_next ? &nxt : NULL, s.spaced_dots, &kind);
          last = cur;
        }
      last_tail = t;
      s.last_end = cur.end;
      s.last_terminal = t.dots > 0 || t.strong;
      s.last_kind = kind;
      if (ends)
        emit (spans, &s, cur.end, 0);

      cur = nxt;
      have = have_next;
    }
  if (s.open)
    emit (spans, &s, s.last_end, s.last_terminal ? 0 : ABR_SPAN_LINE);
}
