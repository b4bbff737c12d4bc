/* What the document knows about each quotation: who said it, with what
 * title and verb, whether through a pronoun, and its words. Made on first
 * use (it needs the tokens), once per document. */
#ifndef ABRIDGE_QUOTES_FACTS_H
#define ABRIDGE_QUOTES_FACTS_H

#include <glib.h>
#include <stdint.h>

typedef struct abr_quote_fact {
  uint32_t flags;   /* ABRIDGE_QUOTE_* */
  uint32_t speaker; /* offsets of NUL-terminated strings in abr_quote_facts.strings, */
  uint32_t title;   /* or ABR_QUOTE_NO_STRING */
  uint32_t cue;
  uint32_t text;
} abr_quote_fact;

#define ABR_QUOTE_NO_STRING UINT32_MAX

typedef struct abr_quote_facts {
  GArray *facts;    /* abr_quote_fact, one a quotation of the document */
  GString *strings;
} abr_quote_facts;

/* The facts are made on the first call of an abridge_document_quote_*
 * accessor of abridge.h (facts.c); the document frees them. */
void abr_quote_facts_free (abr_quote_facts *facts);

#endif
