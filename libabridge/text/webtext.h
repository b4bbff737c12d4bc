/* Text scraped from the web: paragraphs that blank lines do not mark. */
#ifndef ABRIDGE_WEBTEXT_H
#define ABRIDGE_WEBTEXT_H

#include <abridge/abridge.h>

/* PARAS holds [start, end) byte pairs (uint32_t) of blank-line separated
 * blocks of DATA; splits each block where a hard-wrapped paragraph ends
 * (a short line ending a sentence) or where one long line a paragraph
 * follows another, in place. */
void abr_webtext_split (const char *data, GArray *paras);

#endif
