/* Sentence segmentation of one paragraph. */
#ifndef ABRIDGE_SEGMENT_H
#define ABRIDGE_SEGMENT_H

#include <glib.h>
#include <stdint.h>

/* A sentence found by the segmenter: byte span [start, end) into the
 * document buffer, trimmed of surrounding white space, never empty. */
typedef struct abr_span {
  uint32_t start;
  uint32_t end;
  uint32_t flags; /* ABR_SPAN_* */
} abr_span;

enum {
  /* The span is a line of its own without final punctuation (a heading,
   * a list item, a byline): the line break ended it, not punctuation. */
  ABR_SPAN_LINE = 1u << 0,
};

/* Splits the paragraph text[start, end) of valid UTF-8 into sentences and
 * appends them, in order, to SPANS (a GArray of abr_span). Single
 * newlines inside the paragraph are soft (hard-wrapped text) unless the
 * line is a list item or a short line without final punctuation. Runs in
 * time linear in end - start. Thread-safe. */
void abr_segment_paragraph (const char *text, uint32_t start, uint32_t end, GArray *spans);

/* The same for a paragraph in LANG: its abbreviations, its function words
 * as sentence openers after an abbreviation, ordinal numbers ("3.") where
 * the language writes them. abr_segment_paragraph() is English. */
struct abr_language;
void abr_segment_paragraph_lang (const char *text, uint32_t start, uint32_t end,
                                     const struct abr_language *lang, GArray *spans);

#endif
