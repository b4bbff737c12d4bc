/* Offsets in a text made from another (decoded, cleaned) mapped back to
 * the other's: so that `-f json` offsets index plain text input as given,
 * CRLF, byte order marks, no-break spaces and Latin-1 included. */
#ifndef ABRIDGE_OFFSETS_H
#define ABRIDGE_OFFSETS_H

#include <glib.h>

/* A map from offsets in OUT, a text made from IN, to offsets in IN. Text
 * copied as it was costs nothing: only the places where the two part ways
 * are kept, so a clean UTF-8 input has an empty map. */
typedef struct abr_offsets abr_offsets;

/* A new empty map (OUT is IN); THEN (may be NULL, taken) maps IN further
 * back, to an earlier stage. */
abr_offsets *abr_offsets_new (abr_offsets *then);
void abr_offsets_free (abr_offsets *map);

/* From OUT_AT on, OUT continues as IN does from IN_AT (after a character
 * written in other bytes: a converted character, CRLF made LF). */
void abr_offsets_mark (abr_offsets *map, gsize out_at, gsize in_at);

/* IN[IN_FROM, IN_TO) was left out at OUT_AT (a byte order mark, a soft
 * hyphen): a span starting at OUT_AT starts after it in IN, one ending
 * there ends before it. */
void abr_offsets_drop (abr_offsets *map, gsize out_at, gsize in_from, gsize in_to);

/* MAP without its stages that change nothing: NULL when the text is its
 * input byte for byte. */
abr_offsets *abr_offsets_prune (abr_offsets *map);

/* Where a span [start, end) of OUT is in the first stage's input (MAP
 * may be NULL: the identity). */
gsize abr_offsets_start (const abr_offsets *map, gsize out);
gsize abr_offsets_end (const abr_offsets *map, gsize out);

#endif
