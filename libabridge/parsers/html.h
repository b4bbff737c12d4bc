/* Web pages: libxml2's DOM, walked without recursion, and the main
 * content found in it. Only the parsers module (parsers.h) includes this:
 * the core does not link libxml2. */
#ifndef ABRIDGE_HTML_H
#define ABRIDGE_HTML_H

#include <abridge/abridge.h>
#include <libxml/HTMLparser.h>

/* Called on entering each node of a walk; returns FALSE to skip the
 * node's children. It must not unlink or free the node (collect it and do
 * so after the walk). */
typedef gboolean (*abr_html_enter_func) (xmlNode *node, gpointer data);
/* Called on leaving each node, children done. */
typedef void (*abr_html_leave_func) (xmlNode *node, gpointer data);

/* Walks the subtree of ROOT in document order with an explicit cursor, so
 * that a page nested a million deep needs no stack. LEAVE may be NULL. */
void abr_html_walk (xmlNode *root, abr_html_enter_func enter,
                        abr_html_leave_func leave, gpointer data);

/* The lower-case name of an element, or "" for any other node. */
const char *abr_html_tag (const xmlNode *node);

/* Whether NODE is an element named NAME, or one of NAMES (NULL-terminated),
 * in any case. */
gboolean abr_html_tag_is (const xmlNode *node, const char *name);
gboolean abr_html_tag_in (const xmlNode *node, const char *const *names);

/* The attribute NAME of NODE, or NULL; xmlFree() it. */
char *abr_html_attr (const xmlNode *node, const char *name);

/* Whether an element is phrasing content (text-level: a, span, em, img…)
 * rather than a block that breaks a paragraph. */
gboolean abr_html_is_inline (const xmlNode *node);

/* Appends the text of the subtree of ROOT to OUT as paragraphs separated
 * by a blank line: block elements break paragraphs, white space is folded,
 * two <br> in a row break a paragraph. */
void abr_html_render_text (GString *out, xmlNode *root);

/* Where the article is in the page DOC: the nodes to render, in document
 * order (they may be siblings of each other). TITLES (NULL-terminated, may
 * be NULL) are the page's titles, whose duplicate headings are left out. Unlinks and frees
 * nodes of DOC that are not the article. */
GPtrArray *abr_html_find_content (htmlDocPtr doc, const char *const *titles, guint flags);

/* The passes of abr_html_find_content(), all on by default; a page
 * whose article comes out too short is tried again with fewer. */
#define ABR_CONTENT_STRIP_UNLIKELY (1u << 0)
#define ABR_CONTENT_WEIGHT_CLASSES (1u << 1)
#define ABR_CONTENT_CLEAN (1u << 2)
#define ABR_CONTENT_ALL 7u

/* The module's side of abridge_extract_html() (abr_parser_table's
 * read_page): the article of HTML, its strings not yet cleaned. */
gboolean abr_html_read_page (const char *html, gsize len, const abridge_page_limits *limits,
                             abridge_article *article, char **why);

/* Whether VALUE, a page's publication date, can be one at NOW_US (as
 * g_get_real_time()): not a placeholder before 1800, not more than two
 * days ahead. A value without a four-digit year is not judged (TRUE). */
gboolean abr_html_date_is_plausible (const char *value, gint64 now_us);

/* HTML (LEN <= INT_MAX) parsed by libxml2 within LIMITS (none 0): the
 * document to xmlFreeDoc(), or NULL with *WHY (to g_free) saying which
 * limit the page is beyond, and the option that raises it. */
htmlDocPtr abr_html_parse (const char *html, gsize len, const abridge_page_limits *limits,
                           char **why);

#endif
