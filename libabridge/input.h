/* Reading articles: bytes from files or stdin, checked to be text. */
#ifndef ABRIDGE_INPUT_H
#define ABRIDGE_INPUT_H

#include <abridge/abridge.h>

/* Byte length of a UTF-8 byte order mark at the start of DATA, or 0. */
gsize abridge_input_bom_length (const char *data, gsize len);

#endif
