/* The marks scanner's own types and the questions it asks of a mark's
 * neighbours (mark-context.c): internal to libabridge/text/quotes. */
#ifndef ABRIDGE_QUOTES_MARKS_PRIVATE_H
#define ABRIDGE_QUOTES_MARKS_PRIVATE_H

#include <glib.h>
#include <stdint.h>

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

static inline gboolean
is_word (gunichar c)
{
  return c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c));
}

/* Whether C may start a quotation's words: a word, or the editor's
 * bracket or a currency sign before one ("' [Oil prices] will weigh",
 * "' £5m is too much"). */
static inline gboolean
opens_words (gunichar c)
{
  return is_word (c) || c == '[' || c == '(' || c == '$' || c == 0x00A3 || c == 0x20AC;
}

static inline gboolean
is_space (gunichar c)
{
  return c == 0 || g_unichar_isspace (c) || c == 0x00A0;
}

/* What may stand right before an opening mark. */
static inline gboolean
opens_after (gunichar c)
{
  return is_space (c) || c == '(' || c == '[' || c == '{' || c == 0x2014 || c == 0x2013 || c == '-'
         || c == '/';
}

static inline gunichar
char_before (const char *floor, const char *p)
{
  return p > floor ? g_utf8_get_char (g_utf8_find_prev_char (floor, p)) : 0;
}

static inline gunichar
char_at (const char *p, const char *limit)
{
  return p < limit ? g_utf8_get_char (p) : 0;
}

/* After a spaced apostrophe: "england ’ s", "you ’ re", "don ' t". */
gboolean abr_qm_contraction_follows (const char *p, const char *limit);

/* ’90s, '60s: the apostrophe of a decade. */
gboolean abr_qm_decade_follows (const char *p, const char *limit);

/* Whether a verb of saying follows P within four words of its sentence:
 * ‘…out of the blue," he said’. */
gboolean abr_qm_cue_follows (const Scan *s, const char *p, const char *limit);

/* The word ending at P, white space before P skipped, no further back than
 * FLOOR: its first byte, or NULL when punctuation stands there. */
const char *abr_qm_word_ending_at (const char *floor, const char *p, size_t *n);

/* The tokenised copy's possessive: "the lawyers ' association", "warriors
 * ' 30-20": a spaced mark after a plural noun (no stop word, no verb of
 * saying: "says ' …" opens a quotation). */
gboolean abr_qm_spaced_possessive (const Scan *s, const char *floor, const char *p);
/* Whether from P a spaced mark closes a few words with no verb of saying
 * among them, in the same sentence: "told crews ' someone ' had been run
 * down" is a quoted word after a plural, not "crews'" possessive. */
gboolean abr_qm_encloses_few_words (const Scan *s, const char *p, const char *limit);

/* Whether the mark at P (LEN bytes) that could close an open quotation
 * rather reopens it: it stands between the end of one sentence and the
 * start of the next, and what follows up to the next mark of its family
 * is no narration. */
gboolean abr_qm_reopens_inside (const Scan *s, const char *floor, const char *p, size_t len,
                                const char *limit, gboolean single, gboolean curly);

/* Whether the spaced mark at P (LEN bytes), with no quotation open,
 * stands after the end of a sentence before narration up to the next
 * mark ("… her. ' But he admits that he can't tell …"): a closing mark
 * whose opening one was lost, not the start of a quotation. */
gboolean abr_qm_stray_before_narration (const Scan *s, const char *floor, const char *p, size_t len,
                                        const char *limit);

/* The Daily Mail's mixed marks: ‘ … cut. ' Miss begum added: ‘ …. A
 * straight mark standing apart after the end of a sentence closes a
 * quotation opened by ‘ when what follows it up to the next mark is
 * narration; otherwise the curly quotation would run on to some far ’. */
gboolean abr_qm_closes_mixed (const Scan *s, const char *floor, const char *p, size_t len,
                              const char *limit);

#endif
