/* Rendering a brief: text, JSON, JSON Lines, Markdown. */
#ifndef ABRIDGE_RENDER_H
#define ABRIDGE_RENDER_H

#include <abridge/abridge.h>

/* Appends TEXT with Markdown's inline specials escaped. */
void abridge_markdown_escape (GString *out, const char *text, gssize len);

#endif
