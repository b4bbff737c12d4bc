/* Sentence segmentation of one paragraph of news text: English, and the
 * other languages through their abbreviations and function words. */
#include "config.h"
#include "text/segment.h"

#include <string.h>

#include "text/lang.h"
#include "text/segment-private.h"

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

/* A spaced ellipsis is three lone periods (". . ."); a fourth is a full
 * stop. */
#define SPACED_ELLIPSIS_DOTS 3

typedef struct state {
  bool open;
  uint32_t sent_start;
  uint32_t last_end;     /* end of the sentence's last word so far */
  bool last_terminal;    /* that word ended in . ? ! or an ellipsis */
  abr_word_kind last_kind;
  bool prefix_only;      /* the sentence so far is only list markers */
  bool upper_start;      /* its first word starts with a capital */
  uint32_t line_start;   /* first word of the current line */
  unsigned spaced_dots;  /* consecutive words that are a lone period */
  /* The list item marker that would start the next item. */
  gunichar expect_bullet;
  abr_list_kind expect_kind;
  abr_list_style expect_style;
  unsigned expect_value;
} state;

/* ---- decisions ----------------------------------------------------------- */

static bool
is_lone_opening_quote (const abr_seg_para *p, const abr_seg_word *w)
{
  uint32_t i = w->start, next;
  while (i < w->end)
    {
      gunichar c = abr_seg_char_at (p, i, w->end, &next);
      if (!abr_seg_is_quote_opener (c) || abr_seg_is_closer (c))
        return false;
      i = next;
    }
  return true;
}

/* Like abr_seg_starts_sentence, but a lone dash or bullet after a full stop opens
 * the next sentence when a capital follows it: list items run together
 * ("stage. - While Blackburn have"). */
static bool
starts_sentence_after (const abr_seg_para *p, const abr_seg_word *next)
{
  if (next == NULL)
    return false;
  abr_seg_word after;
  if (abr_seg_is_lone_bullet (p, next))
    return abr_seg_next_word (p, next, &after) && abr_seg_starts_sentence (p, &after);
  /* A detached opening quotation mark ("roads. ‘ nobody wants"), from
   * tokenised text; a straight quote standing alone is taken as closing. */
  if (is_lone_opening_quote (p, next))
    {
      if (!abr_seg_next_word (p, next, &after))
        return false;
      gunichar second;
      bool quoted;
      gunichar c = abr_seg_first_char (p, &after, &second, &quoted, NULL);
      return g_unichar_isalnum (c);
    }
  return abr_seg_starts_sentence (p, next);
}

static bool
is_expected_marker (const abr_seg_para *p, const state *s, const abr_seg_word *w)
{
  if (s->expect_bullet == 0 && s->expect_kind == ABR_LIST_NONE)
    return false;
  abr_seg_marker m;
  if (!abr_seg_parse_marker (p, w, &m))
    return false;
  if (s->expect_bullet != 0)
    return m.bullet == s->expect_bullet;
  return m.whole_word && m.bullet == 0 && m.kind == s->expect_kind
         && m.style == s->expect_style && m.value == s->expect_value;
}

/* A number of one to three digits before a single period: in languages
 * that write ordinals so ("3. Oktober", "19. Jahrhundert"), it ends a
 * sentence only as an abbreviation would. Years keep ending them. */
static bool
is_ordinal (const abr_seg_para *p, const abr_seg_tail *t)
{
  uint32_t n = t->punct_start - t->stem_start;
  if (n == 0 || n > 3)
    return false;
  for (uint32_t i = t->stem_start; i < t->punct_start; i++)
    if (!abr_seg_is_ascii_digit ((unsigned char) p->text[i]))
      return false;
  return true;
}

/* Whether the sentence ends after W, the word before NEXT (NULL at the end
 * of the paragraph). */
static bool
ends_after (const abr_seg_para *p, const abr_seg_word *w, const abr_seg_tail *t,
            const abr_seg_word *next, unsigned spaced_dots, abr_word_kind *kind)
{
  *kind = ABR_KIND_WORD;
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
          gunichar c = abr_seg_char_before (p, w->start, t->punct_start, &prev);
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
  if (abr_seg_is_lone_period (p, next))
    {
      abr_seg_word ahead = *next, after;
      unsigned lone = 1;
      while (lone < SPACED_ELLIPSIS_DOTS + 1 && abr_seg_next_word (p, &ahead, &after)
             && abr_seg_is_lone_period (p, &after))
        {
          ahead = after;
          lone++;
        }
      if (lone == SPACED_ELLIPSIS_DOTS && abr_seg_next_word (p, &ahead, &after)
          && abr_seg_starts_sentence (p, &after))
        return true;
    }

  *kind = abr_seg_classify_stem (p, t->stem_start, t->punct_start);
  switch (*kind)
    {
    case ABR_KIND_TITLE:
      return false;
    case ABR_KIND_ABBREV:
    case ABR_KIND_INITIAL:
      return abr_seg_is_sentence_opener (p, next);
    case ABR_KIND_NUMBERED:
      if (abr_seg_starts_with_digit (p, next))
        return false;
      *kind = ABR_KIND_WORD;
      return starts_sentence_after (p, next);
    case ABR_KIND_WORD:
    default:
      if (p->ordinal_dots && t->dots == 1 && is_ordinal (p, t))
        return abr_seg_is_sentence_opener (p, next);
      return starts_sentence_after (p, next);
    }
}

/* Counts the characters of [from, to), stopping at LIMIT. */
static unsigned
count_chars (const abr_seg_para *p, uint32_t from, uint32_t to, unsigned limit)
{
  unsigned n = 0;
  for (uint32_t i = from; i < to && n < limit; i++)
    if (((unsigned char) p->text[i] & 0xC0) != 0x80)
      n++;
  return n;
}

/* Whether the line break before CUR ends the open sentence. */
static bool
line_break_ends (const abr_seg_para *p, const state *s, const abr_seg_word *cur)
{
  if (cur->breaks >= 2)
    return true;
  if (s->prefix_only)
    return false; /* a bullet alone on its line goes with the item text */
  if (abr_seg_starts_list_item (p, cur))
    return true;
  unsigned line_chars = count_chars (p, s->line_start, s->last_end, SOFT_WRAP_MIN_CHARS);
  if (s->last_terminal)
    {
      /* Punctuation declined to end the sentence here. On a short line,
       * an abbreviation before a capitalised line most likely did end it
       * ("Acme Corp.\nShares rose"); initials and titles never do. */
      return s->last_kind == ABR_KIND_ABBREV && line_chars < SOFT_WRAP_MIN_CHARS
             && abr_seg_starts_sentence (p, cur);
    }
  uint32_t prev;
  gunichar last = abr_seg_char_before (p, s->line_start, s->last_end, &prev);
  if (last == ',' || last == ';' || last == '-' || last == 0x2013 || last == 0x2014)
    return false;
  if (line_chars >= SOFT_WRAP_MIN_CHARS)
    return false;
  /* "This is a sentence\ncut off": a capitalised line going on in lower
   * case was wrapped; a lower-case line before another is a list. */
  if (s->upper_start && abr_seg_starts_lower (p, cur))
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
take_marker (const abr_seg_para *p, state *s, const abr_seg_word *w)
{
  abr_seg_marker m;
  if (!abr_seg_parse_marker (p, w, &m) || !m.whole_word)
    return false;
  if (m.bullet != 0)
    s->expect_bullet = abr_seg_is_symbol_bullet (m.bullet) ? m.bullet : 0;
  if (m.kind != ABR_LIST_NONE)
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

#define STEM_KINDS_AFTER 256

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
  static GHashTable *stem_kinds[ABR_N_LANGUAGES];
  static gint paragraphs[ABR_N_LANGUAGES];
  GHashTable *abbrevs = g_atomic_pointer_get (&abbreviations[lang->index]);
  if (abbrevs == NULL)
    {
      abbrevs = abr_language_abbreviations (lang);
      g_atomic_pointer_set (&abbreviations[lang->index], abbrevs);
    }
  /* The one-lookup table costs ~140,000 instructions to build, what
   * three lookups a stem cost in some 40 articles: a process builds it
   * once it has segmented this many paragraphs of the language. */
  GHashTable *kinds = g_atomic_pointer_get (&stem_kinds[lang->index]);
  if (kinds == NULL && g_atomic_int_add (&paragraphs[lang->index], 1) >= STEM_KINDS_AFTER)
    {
      /* Threads that race each build one; the loser's is freed. */
      GHashTable *mine = abr_seg_stem_kinds_new (abbrevs);
      if (g_atomic_pointer_compare_and_exchange (&stem_kinds[lang->index], NULL, mine))
        kinds = mine;
      else
        {
          g_hash_table_unref (mine);
          kinds = g_atomic_pointer_get (&stem_kinds[lang->index]);
        }
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
  abr_seg_para p = { text, start, end, abbrevs, kinds, opens, lang->ordinal_dots, !english };
  state s;
  memset (&s, 0, sizeof s);

  /* LAST is the sentence's last word other than a detached closing mark,
   * whose punctuation such a mark inherits. Words and tails live in small
   * arrays and are passed on by pointer: copying a struct just written
   * field by field (with wider loads) stalled on store forwarding, a
   * tenth of segmenting. */
  abr_seg_word words[3];
  abr_seg_tail tails[2];
  memset (words, 0, sizeof words);
  memset (tails, 0, sizeof tails);
  abr_seg_word *cur = &words[0], *nxt = &words[1], *last = &words[2];
  abr_seg_tail *last_tail = &tails[0];
  bool have = abr_seg_next_word (&p, NULL, cur);
  if (have)
    s.line_start = cur->start;
  while (have)
    {
      bool have_next = abr_seg_next_word (&p, cur, nxt);

      if (cur->breaks > 0)
        {
          if (s.open && line_break_ends (&p, &s, cur))
            emit (spans, &s, s.last_end, s.last_terminal ? 0 : ABR_SPAN_LINE);
          s.line_start = cur->start;
        }
      /* "1) The first item 2) The second item": the next marker of a list
       * that runs on inside one line starts a new item. */
      if (s.open && !s.prefix_only && is_expected_marker (&p, &s, cur))
        emit (spans, &s, s.last_end, 0);

      if (!s.open)
        {
          s.open = true;
          s.sent_start = cur->start;
          s.prefix_only = true;
          s.upper_start = false;
          s.expect_bullet = 0;
          s.expect_kind = ABR_LIST_NONE;
        }

      bool is_marker = false;
      if (s.prefix_only)
        {
          is_marker = take_marker (&p, &s, cur);
          if (!is_marker)
            {
              s.prefix_only = false;
              gunichar second;
              bool quoted;
              gunichar c = abr_seg_first_char (&p, cur, &second, &quoted, NULL);
              s.upper_start = abr_seg_is_capital (c, second);
            }
        }

      abr_seg_tail *t = last_tail == &tails[0] ? &tails[1] : &tails[0];
      abr_seg_word_tail (&p, cur, t);
      abr_word_kind kind = ABR_KIND_WORD;
      bool ends;
      if (t->core_end == cur->start && s.last_terminal && cur->start > s.sent_start)
        {
          /* A closing quotation mark standing apart ("a great year. \"
           * Hayes said") closes the sentence before it, which ends or not
           * as if the mark were attached. */
          ends = ends_after (&p, last, last_tail, have_next ? nxt : NULL, s.spaced_dots, &kind);
          t = last_tail;
        }
      else
        {
          bool lone = t->dots == 1 && !t->strong && t->stem_start == t->punct_start;
          s.spaced_dots = lone ? s.spaced_dots + (s.spaced_dots < 1000) : 0;
          ends = !is_marker
                 && ends_after (&p, cur, t, have_next ? nxt : NULL, s.spaced_dots, &kind);
          last = cur;
        }
      last_tail = t;
      s.last_end = cur->end;
      s.last_terminal = t->dots > 0 || t->strong;
      s.last_kind = kind;
      if (ends)
        emit (spans, &s, cur->end, 0);

      /* The next word's buffer: neither the new current word nor LAST. */
      cur = nxt;
      nxt = &words[3 - (cur - words) - (last - words)];
      have = have_next;
    }
  if (s.open)
    emit (spans, &s, s.last_end, s.last_terminal ? 0 : ABR_SPAN_LINE);
}
