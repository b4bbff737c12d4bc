/* Paragraphs and white space of plain text: where blank lines break it
 * into paragraphs, and its white space folded for display. Used by the
 * document and by web text (webtext.h), which splits further what blank
 * lines do not. */
#ifndef ABRIDGE_PARAGRAPHS_H
#define ABRIDGE_PARAGRAPHS_H

#include <glib.h>
#include <stdint.h>

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
