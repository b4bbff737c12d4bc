/* The text model of one article: built by abridge_document_new() and not
 * changed after, but for its words, made on first use (see below). */
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
  GArray *quotes;       /* abr_doc_quote */
  uint32_t n_paragraphs;
  const abr_language *lang; /* given, or guessed from the text */
  /* The document's words, made by the first caller of a word accessor
   * (tokenized() in document.c) under TOKENIZING and never changed after:
   * `abridge split` needs none, and tokenizing costs about what the rest
   * of the document does. With the sentences' tok_off and n_tok they are
   * the only fields written after abridge_document_new() returns, all
   * before TOKENIZED is set; they are read only after it is. */
  GArray *tokens;       /* abridge_token */
  GArray *stem_sf;      /* uint32_t per stem: candidate sentences holding it */
  GArray *stem_tf;      /* uint32_t per stem: occurrences in candidates */
  abr_lexicon lex;
  gint tokenized;       /* the words are made (atomic) */
  GMutex tokenizing;    /* held while they are made */
  struct abr_quote_facts *quote_facts; /* speakers …, made on first use
                                          (text/quotes/facts.c) */
  /* How quote_facts is freed, set with it: the document is built below
   * the quote facts and does not call into them. */
  void (*quote_facts_free) (struct abr_quote_facts *facts);
  gint attributed;      /* quote_facts is made (atomic) */
  GMutex attributing;   /* held while it is made */
};

/* Sentence flags that keep a sentence from being a candidate. */
#define ABR_SENTENCE_NOT_CANDIDATE (ABRIDGE_SENTENCE_BOILERPLATE | ABRIDGE_SENTENCE_TITLE)

#endif
