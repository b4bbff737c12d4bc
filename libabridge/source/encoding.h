/* Encodings: from the bytes of a file to clean, NFC UTF-8 text. */
#ifndef ABRIDGE_ENCODING_H
#define ABRIDGE_ENCODING_H

#include <abridge/abridge.h>

#include "source/offsets.h"

/* The charset a page declares in a <meta> of its first 4 KB (lower case),
 * or NULL. */
char *abr_html_declared_charset (const char *data, gsize len);

/* abridge_input_decode() that also gives, in *MAP (when MAP is not NULL,
 * and DATA is plain text: not FLAGS' HTML), where offsets of the result
 * are in DATA: NULL when they are the same, else to abr_offsets_free(). */
char *abr_input_decode_mapped (const char *data, gsize len, AbridgeDecodeFlags flags,
                               gsize *out_len, char **warning, abr_offsets **map,
                               GError **error);

/* abridge_text_clean() that also maps its offsets back to TEXT's: *MAP
 * (when MAP is not NULL) is the map of an earlier stage to TEXT's (or
 * NULL), and becomes the map all the way back. */
char *abr_text_clean_mapped (const char *text, gsize len, gsize *out_len, abr_offsets **map);

#endif
