/* The text model of one article, built once and read-only afterwards. */
#ifndef ABRIDGE_DOCUMENT_H
#define ABRIDGE_DOCUMENT_H

#include <abridge/abridge.h>

#include "text/tokenize.h"

typedef struct abr_sentence {
  uint32_t start, end;          /* byte span in data, dateline cut */
  uint32_t text_off, text_len;  /* the folded text, in texts */
  uint32_t paragraph;
  uint32_t flags;               /* ABRIDGE_SENTENCE_* */
  uint32_t tok_off, n_tok;      /* in tokens */
} abr_sentence;

typedef struct abr_doc_quote {
  uint32_t start, end;
  uint32_t first_sentence, last_sentence;
  uint32_t flags; /* ABR_QMARK_* (text/quotes/marks.h) */
} abr_doc_quote;

struct abridge_document {
  char *data; /* the input, NUL-terminated */
  gsize len;
  char *title; /* NUL-terminated, or NULL */
  char *dateline;
  GString *texts;       /* every sentence's folded text, back to back */
  GArray *sentences;    /* abr_sentence */
  GArray *tokens;       /* abridge_token; it and the stem counts and lex are
                           made on first use (tokenized()): `abridge split`
                           never needs them */
  GArray *quotes;       /* abr_doc_quote */
  GArray *stem_sf;      /* uint32_t per stem: candidate sentences holding it */
  GArray *stem_tf;      /* uint32_t per stem: occurrences in candidates */
  abr_lexicon lex;
  uint32_t n_paragraphs;
  const abr_language *lang; /* given, or guessed from the text */
  gint tokenized;       /* tokens, stem_sf, stem_tf and lex are made (atomic) */
  GMutex tokenizing;    /* held while they are made */
  struct abr_quote_facts *quote_facts; /* speakers …, made on first use
                                          (text/quotes/facts.c) */
  gint attributed;      /* quote_facts is made (atomic) */
  GMutex attributing;   /* held while it is made */
};

/* Sentence flags that keep a sentence from being a candidate. */
#define ABR_SENTENCE_NOT_CANDIDATE (ABRIDGE_SENTENCE_BOILERPLATE | ABRIDGE_SENTENCE_TITLE)

/* Appends text[start, end) to OUT with every run of white space folded
 * into one space and none at either end. */
void abr_fold_whitespace (GString *out, const char *text, gsize start, gsize end);

/* Space within a line: what a blank line may hold besides its break. */
static inline gboolean
abr_is_blank_byte (guchar c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Paragraphs are runs of non-blank lines: appends their trimmed [start,
 * end) pairs (uint32_t) of data[from, len) to PARAS. */
void abr_find_paragraphs (const char *data, gsize from, gsize len, GArray *paras);

#endif
