/* Datelines ("BRUSSELS —", "LONDON, Jan 12 (Reuters) -", "(CNN)"). */
#ifndef ABRIDGE_DATELINE_H
#define ABRIDGE_DATELINE_H

#include <glib.h>

/* If text[0, len) starts with a dateline, returns the number of bytes it
 * takes (separator and following spaces included) and sets *place to a
 * newly allocated copy of the dateline as metadata ("BRUSSELS"); returns
 * 0 otherwise. The rules are data/datelines.rules. Thread-safe. */
gsize abr_dateline_match (const char *text, gsize len, char **place);

#endif
