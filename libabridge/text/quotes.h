/* Direct quotations: where they start and end in the text. */
#ifndef ABRIDGE_QUOTES_H
#define ABRIDGE_QUOTES_H

#include <glib.h>
#include <stdint.h>

typedef struct abr_quote {
  uint32_t start; /* byte offset of the opening mark */
  uint32_t end;   /* byte offset just past the closing mark (or the text) */
} abr_quote;

/* Finds the direct quotations in text[0, len) whose paragraphs are the
 * spans in PARAGRAPHS (a GArray of uint32_t: start, end, start, end … in
 * order), appending abr_quote spans to QUOTES. Double quotes (straight,
 * curly, guillemets) and single quotes (curly or straight, as British
 * outlets use them) are recognised; apostrophes are told apart by their
 * neighbours. A quote left open at the end of a paragraph continues when
 * the next paragraph opens with a quotation mark (wire style), and ends
 * with the paragraph otherwise. Only outermost quotes are reported.
 * Linear in LEN. */
void abr_quotes_find (const char *text, const GArray *paragraphs, GArray *quotes);

#endif
