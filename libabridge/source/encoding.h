/* Encodings: from the bytes of a file to clean, NFC UTF-8 text. */
#ifndef ABRIDGE_ENCODING_H
#define ABRIDGE_ENCODING_H

#include <abridge/abridge.h>

/* The charset a page declares in a <meta> of its first 4 KB (lower case),
 * or NULL. */
char *abr_html_declared_charset (const char *data, gsize len);

#endif
