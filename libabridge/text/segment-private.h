/* The sentence segmenter's private half, shared by segment.c (the
 * decisions), segment-words.c (words and their shape) and segment-marks.c
 * (abbreviations and list markers): the paragraph and word types, and the
 * character classes as static inline functions, since the scanner asks
 * them of every character. */
#ifndef ABRIDGE_SEGMENT_PRIVATE_H
#define ABRIDGE_SEGMENT_PRIVATE_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

/* Longer stems are never looked up: no abbreviation is this long. */
#define ABR_SEG_MAX_ABBREV_BYTES 24

typedef struct abr_seg_para {
  const char *text;
  uint32_t lo, hi;
  GHashTable *abbrevs;
  GHashTable *stem_kinds; /* abr_seg_stem_kinds_new (abbrevs), or NULL: not yet */
  /* Case-folded words that open sentences after an abbreviation: the
   * language's stop words; NULL for English's own list below. */
  GHashTable *openers;
  bool ordinal_dots; /* "am 3. Oktober" */
  /* Not English: „…“ and ‚…‘ close with marks English opens with, and
   * »…« and ”…” open with marks English closes with. */
  bool foreign_marks;
} abr_seg_para;

typedef struct abr_seg_word {
  uint32_t start, end;
  /* End of the white-space-delimited token holding the word: a token
   * splits into several words where a sentence was glued to the next one
   * ("world.Today"). */
  uint32_t tok_end;
  bool can_glue;           /* no URL or e-mail address in the token */
  uint8_t breaks; /* line breaks before the word, saturating at 2 */
} abr_seg_word;

/* What the end of a word looks like once closing quotes and brackets are
 * set aside: "engineer.)" ends in a period, "'This" starts with a letter. */
typedef struct abr_seg_tail {
  uint32_t stem_start;  /* after opening quotes and brackets */
  uint32_t punct_start; /* start of the final run of . ? ! and ellipses */
  uint32_t core_end;    /* before closing quotes and brackets */
  unsigned dots;        /* periods in that run; an ellipsis counts three */
  bool strong;          /* the run holds ? or ! */
} abr_seg_tail;

typedef enum abr_word_kind {
  ABR_KIND_WORD,     /* an ordinary word or number: its period ends a sentence */
  ABR_KIND_ABBREV,   /* may end a sentence, before a sentence opener */
  ABR_KIND_INITIAL,  /* a single letter: behaves like ABR_KIND_ABBREV */
  ABR_KIND_TITLE,    /* precedes a name: never ends a sentence */
  ABR_KIND_NUMBERED, /* an abbreviation before a number, a word otherwise */
} abr_word_kind;

typedef enum abr_list_kind {
  ABR_LIST_NONE,
  ABR_LIST_NUMBER, /* 1. 1) 1.) (1) */
  ABR_LIST_LETTER, /* a. a) a.) */
} abr_list_kind;

typedef enum abr_list_style {
  ABR_STYLE_PERIOD,       /* 1. */
  ABR_STYLE_PAREN,        /* 1) */
  ABR_STYLE_PERIOD_PAREN, /* 1.) */
  ABR_STYLE_ENCLOSED,     /* (1) */
} abr_list_style;

/* A list item marker at the start of a word: bullets, then a number or a
 * letter with its punctuation, and nothing after. */
typedef struct abr_seg_marker {
  gunichar bullet; /* 0 if none */
  abr_list_kind kind;
  abr_list_style style;
  unsigned value;
  bool whole_word; /* the marker is the whole word ("2." but not "2.5") */
} abr_seg_marker;

/* ---- characters ---------------------------------------------------------- */

/* The character at I, never reading at or past LIMIT; bytes that do not
 * form a character (impossible in validated input, but the bounds must
 * hold anyway) read as U+FFFD one byte at a time. */
static inline gunichar
abr_seg_char_at (const abr_seg_para *p, uint32_t i, uint32_t limit, uint32_t *next)
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
static inline gunichar
abr_seg_char_before (const abr_seg_para *p, uint32_t lo, uint32_t i, uint32_t *prev)
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
  gunichar c = abr_seg_char_at (p, j, i, &after);
  if (after != i)
    {
      j = i - 1;
      c = 0xFFFD;
    }
  *prev = j;
  return c;
}

static inline bool
abr_seg_is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static inline bool
abr_seg_is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0x85 || g_unichar_isspace (c);
}

static inline bool
abr_seg_is_opener (gunichar c)
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
static inline bool
abr_seg_is_quote_opener (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == 0x201E
         || c == 0x00AB || c == 0x2039 || c == 0x201A || c == 0x300C || c == 0x300E;
}

static inline bool
abr_seg_is_closer (gunichar c)
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
static inline bool
abr_seg_is_symbol_bullet (gunichar c)
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
static inline bool
abr_seg_is_line_bullet (gunichar c)
{
  return c == '-' || c == '*' || c == '+' || c == 0x2013 || c == 0x2014
         || c == 0x00B7 || abr_seg_is_symbol_bullet (c);
}

static inline bool
abr_seg_is_strong_terminal (gunichar c)
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

static inline bool
abr_seg_is_ascii_lower (unsigned char b)
{
  return b >= 'a' && b <= 'z';
}

static inline bool
abr_seg_is_ascii_upper (unsigned char b)
{
  return b >= 'A' && b <= 'Z';
}

static inline bool
abr_seg_is_ascii_digit (unsigned char b)
{
  return b >= '0' && b <= '9';
}

static inline bool
abr_seg_is_ascii_alnum (unsigned char b)
{
  /* GLib's table, one load: three range tests joined by || were branches
   * the predictor missed at every word's end. */
  return g_ascii_isalnum (b);
}

/* Whether a word opening with C, then SECOND (0 if none), is
 * capitalised. */
static inline bool
abr_seg_is_capital (gunichar c, gunichar second)
{
  if (g_unichar_isupper (c) || g_unichar_istitle (c))
    return true;
  /* iPhone, eBay: a brand starting a sentence keeps its small letter. */
  return g_unichar_islower (c) && second != 0 && g_unichar_isupper (second);
}

/* ---- words (segment-words.c) --------------------------------------------- */

/* The word after PREV (the first word if PREV is NULL), into W; false at
 * the end of the paragraph. */
bool abr_seg_next_word (const abr_seg_para *p, const abr_seg_word *prev, abr_seg_word *w);

/* The shape of W's end, into T. */
void abr_seg_word_tail (const abr_seg_para *p, const abr_seg_word *w, abr_seg_tail *t);

/* A word that is nothing but one period, as in a spaced ellipsis ". . .". */
bool abr_seg_is_lone_period (const abr_seg_para *p, const abr_seg_word *w);

/* The first character of W after opening quotes and brackets, with the
 * one after it (0 if none), whether a quotation mark was skipped, and
 * (AT, may be NULL) where it is. */
gunichar abr_seg_first_char (const abr_seg_para *p, const abr_seg_word *w, gunichar *second,
                             bool *quoted, uint32_t *at);

/* Whether W (may be NULL) can begin a sentence after an ordinary full
 * stop, question mark or ellipsis. */
bool abr_seg_starts_sentence (const abr_seg_para *p, const abr_seg_word *w);

/* Whether W starts with a digit or "#" (after opening marks). */
bool abr_seg_starts_with_digit (const abr_seg_para *p, const abr_seg_word *w);

/* Whether W starts with a small letter that is no brand's ("iPhone"). */
bool abr_seg_starts_lower (const abr_seg_para *p, const abr_seg_word *w);

/* Whether W (may be NULL) is a capitalised sentence opener ("The", "He"),
 * or a quotation opening with a capital: after an abbreviation, only
 * these end the sentence. */
bool abr_seg_is_sentence_opener (const abr_seg_para *p, const abr_seg_word *w);

/* ---- abbreviations and list markers (segment-marks.c) -------------------- */

/* What the word text[start, end) is, its final periods set aside: an
 * abbreviation of the paragraph's language, a title, an initial... */
abr_word_kind abr_seg_classify_stem (const abr_seg_para *p, uint32_t start, uint32_t end);
/* The abbreviation set ABBREVS (an abbreviation "mr", a title "+mr", one
 * before a number "=no") keyed by the stem each entry is asked for, with
 * what the stem is: one lookup a stem instead of three. Its keys point
 * into ABBREVS, which must outlive it. */
GHashTable *abr_seg_stem_kinds_new (GHashTable *abbrevs);

/* Parses a list item marker at the start of W into M; false if there is
 * none. */
bool abr_seg_parse_marker (const abr_seg_para *p, const abr_seg_word *w, abr_seg_marker *m);

/* Whether W is a bullet or dash alone. */
bool abr_seg_is_lone_bullet (const abr_seg_para *p, const abr_seg_word *w);

/* Whether W, first on its line, starts a list item, so that the line
 * before it ends whatever its length. */
bool abr_seg_starts_list_item (const abr_seg_para *p, const abr_seg_word *w);

#endif
