/* Rendering a brief: text, JSON, JSON Lines, Markdown. */
#ifndef ABRIDGE_RENDER_H
#define ABRIDGE_RENDER_H

#include <abridge/abridge.h>

/* Appends TEXT with Markdown's inline specials escaped. */
void abridge_markdown_escape (GString *out, const char *text, gssize len);

/* Appends VALUE as a JSON number with six significant digits, in the C
 * locale whatever the user's; null when not finite (JSON has no NaN). */
void abridge_json_append_number (GString *out, double value);

#endif
