/* How text is made safe for each output: JSON literals, Markdown inline
 * text, HTML text and attribute values. */
#ifndef ABRIDGE_OUTPUT_ESCAPE_H
#define ABRIDGE_OUTPUT_ESCAPE_H

#include <abridge/abridge.h>

/* Appends VALUE as a JSON number with six significant digits, in the C
 * locale whatever the user's; null when not finite (JSON has no NaN). */
void abr_json_append_number (GString *out, double value);

/* Appends TEXT with Markdown's inline specials escaped. */
void abr_markdown_escape (GString *out, const char *text, gssize len);

/* TEXT as one line of Markdown: control characters (a newline in a title
 * would end the heading and start a block of its own) become spaces, then
 * the specials are escaped. */
void abr_markdown_inline (GString *out, const char *text);

/* TEXT (may be NULL: "") as one printable line
 * (ABRIDGE_PRINTABLE_LINE), to g_free. */
char *abr_printable_line (const char *text);

/* TEXT for HTML text or a quoted attribute value. Control characters, C1
 * too (which HTML forbids, and which would only garble a line), become
 * spaces. */
void abr_html_escape (GString *out, const char *text);

#endif
