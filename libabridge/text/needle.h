/* A literal every match of a pattern holds: a cheap test in front of a
 * regular expression that can match anywhere in a sentence. */
#ifndef ABRIDGE_NEEDLE_H
#define ABRIDGE_NEEDLE_H

#include <glib.h>

/* The ASCII letters, digits and spaces (in lower case) that every match
 * of a pattern compiled caseless must hold. */
typedef struct {
  char *text;
  gsize len;
  gsize pivot;               /* the byte memchr() looks for (the rarest) */
  char pivot_upper;          /* that byte in upper case, or 0 */
  gboolean folds_past_ascii; /* holds k or s, caselessly U+212A and U+017F */
} abr_needle;

/* The needle of PATTERN, or NULL when it cannot be proven from the
 * pattern's text: the literal that opens the pattern (after an optional
 * \b) when the pattern has one top-level branch and no \Q, (? or (*.
 * Conservative: a pattern it does not understand has no needle. */
abr_needle *abr_needle_of_pattern (const char *pattern);
void abr_needle_free (abr_needle *needle);

/* Whether TEXT[0, LEN) may hold NEEDLE as a caseless match would: FALSE
 * only when it surely does not. The search sees ASCII case only, so a
 * needle that folds past ASCII may match any TEXT past ASCII. */
gboolean abr_needle_may_match (const abr_needle *needle, const char *text, gsize len);

#endif
