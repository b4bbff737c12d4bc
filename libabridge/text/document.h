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
};

/* Sentence flags that keep a sentence from being a candidate. */
#define ABR_SENTENCE_NOT_CANDIDATE (ABRIDGE_SENTENCE_BOILERPLATE | ABRIDGE_SENTENCE_TITLE)

#endif
