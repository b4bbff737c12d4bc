/* The internal parsers module (parsers.so, in $(pkglibdir)/internal):
 * the code that needs libxml2 (web pages) or json-glib (JSON-LD in pages,
 * the result lines of `batch --merge`), loaded with libltdl on first use.
 * Linking those libraries into libabridge cost every run of abridge,
 * plain text included, milliseconds of dynamic loading (ICU, libstdc++,
 * gobject, ffi). Not a summarizer plugin and not part of the plugin ABI:
 * the core and the module are built together, and the core refuses a
 * module of another version. This header includes neither library. */
#ifndef ABRIDGE_PARSERS_H
#define ABRIDGE_PARSERS_H

#include <abridge/abridge.h>

/* The one symbol the module exports: a const abr_parser_table. */
#define ABR_PARSERS_SYMBOL "abr_parsers"
/* Raised whenever abr_parser_table or what its functions mean changes. */
#define ABR_PARSERS_VERSION 3u

/* One line of `abridge batch --report jsonl`, as batch/merge.c needs it. */
typedef struct abr_result_line {
  gint64 seq; /* the "seq" member; -1 when the line is JSON but no result
                 line (not an object, no non-negative integer "seq") */
  char *id, *title, *source, *date, *url, *dateline, *error; /* string members, or NULL */
  abridge_brief *brief; /* in: an empty brief (abridge_brief_new (0)), or NULL;
                           out: the line's sentences, then its extracts, and its keywords */
} abr_result_line;

typedef struct abr_parser_table {
  uint32_t version; /* ABR_PARSERS_VERSION: checked before anything else */
  uint32_t size;    /* sizeof (abr_parser_table) */
  /* Reads the page HTML (valid UTF-8, at most INT_MAX bytes) into ARTICLE,
   * whose fields are NULL: its text (never NULL) and len, title and
   * metadata as the page has them. abridge_extract_html() then cleans
   * every string with abridge_text_clean() (the module does not link the
   * core). FALSE with *WHY (to g_free) for a page beyond LIMITS (none of
   * them 0), ARTICLE then untouched. */
  gboolean (*read_page) (const char *html, gsize len, const abridge_page_limits *limits,
                         abridge_article *article, char **why);
  /* Parses LINE (LEN bytes) into RESULT, whose strings are NULL. FALSE
   * when LINE is not JSON, with *WHY (to g_free) the parser's message. */
  gboolean (*read_result) (const char *line, gsize len, abr_result_line *result, char **why);
} abr_parser_table;

/* ---- in the core (engine/registry.c) ------------------------------------------------ */

/* The module's table, loaded on the first call (thread-safe), or NULL
 * with an ABRIDGE_ERROR_PLUGIN error: "cannot load the WHAT (FILE):
 * REASON", WHAT naming what the caller needed ("HTML reader"). */
const abr_parser_table *abr_parsers_get (const char *what, GError **error);

/* Where the module is looked for (to g_free). */
char *abr_parsers_module_path (void);

/* Opens FILE and checks its table; NULL with *WHY (to g_free) when it
 * cannot be used. For tests: abr_parsers_get() does this once. */
const abr_parser_table *abr_parsers_open (const char *file, char **why);

/* Makes abr_parsers_get() return TABLE instead of loading the module:
 * for programs linked with the module's sources (the fuzz targets), so
 * that they run, instrumented, their own copy. Call it before any use. */
void abr_parsers_use (const abr_parser_table *table);

/* ---- in the module ------------------------------------------------------------- */

extern const abr_parser_table abr_parsers;

gboolean abr_results_read_line (const char *line, gsize len, abr_result_line *result,
                                    char **why);

/* JSON given to json-glib nests at most this deep. Its parser recurses a
 * level at a time: far deeper would overflow a thread's stack, and
 * neither a result line (four levels) nor a page's JSON-LD (a handful)
 * comes near it. The JSON Lines reader (source/record.c) refuses the
 * same depth. */
#define ABR_JSON_MAX_DEPTH 512

/* Whether the LEN bytes of TEXT, given to json-glib, nest at most LIMIT
 * arrays and objects deep: exactly for strict JSON, and for anything else
 * (comments, single quotes, which a lenient parser may take) when TEXT
 * holds at most LIMIT brackets. */
gboolean abr_json_depth_ok (const char *text, gsize len, guint limit);

#endif
