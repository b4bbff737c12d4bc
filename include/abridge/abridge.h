/* libabridge: the public API of the abridge engine.
 *
 * The engine turns an article into a read-only document (the text model),
 * runs summarizer plugins over it and selects, orders and renders a brief.
 * This API may use GLib types; the plugin ABI (<abridge/plugin.h>) does not.
 *
 * Thread-safety: what a document says never changes once it is built, and
 * any number of threads may read it at once. One part of it is made
 * later, not changed: its words (tokens, terms, stems and their counts,
 * keywords: the accessors marked below) are made on the first call of any
 * of them, which tokenizes the whole article under a lock of that
 * document while other threads asking for them wait; what they return
 * then stays valid and the same until abridge_document_free(). So a first
 * call costs about what building the document did, and a program that
 * never asks for words (`abridge split`) never pays for them. Freeing a
 * document must wait for its readers. A registry is built once and then
 * shared. An engine holds plugin instances and is used by one thread at a
 * time: give each worker thread its own engine over the shared registry.
 */
#ifndef ABRIDGE_H
#define ABRIDGE_H

#include <glib.h>
#include <stdint.h>

#include <abridge/plugin.h>

G_BEGIN_DECLS

#if defined(ABRIDGE_COMPILATION)
#define ABRIDGE_API __attribute__ ((visibility ("default")))
#else
#define ABRIDGE_API
#endif

/* ---- errors ------------------------------------------------------------- */

#define ABRIDGE_ERROR (abridge_error_quark ())
ABRIDGE_API GQuark abridge_error_quark (void);

typedef enum {
  ABRIDGE_ERROR_INPUT,  /**< unreadable or malformed input: exit 1 */
  ABRIDGE_ERROR_USAGE,  /**< bad option, unknown plugin or option: exit 2 */
  ABRIDGE_ERROR_PLUGIN, /**< a plugin failed or misbehaved */
} AbridgeErrorCode;

/* ---- input -------------------------------------------------------------- */

/** Default for --max-bytes: larger articles are refused. */
#define ABRIDGE_DEFAULT_MAX_BYTES ((gsize) 16 * 1024 * 1024)

/** Reads PATH ("-" is standard input) whole, up to MAX_BYTES, and checks that
 * it is text: valid UTF-8 without NUL bytes. Returns a NUL-terminated
 * buffer to g_free(), or NULL with an error whose message names the problem
 * and its byte offset (not the file: the caller prefixes that). */
ABRIDGE_API char *abridge_input_read (const char *path, gsize max_bytes, gsize *len, GError **error);

/** Checks that DATA is valid UTF-8 without NUL bytes. */
ABRIDGE_API gboolean abridge_input_check (const char *data, gsize len, GError **error);

/** Reads PATH ("-" is standard input) whole, up to MAX_BYTES, as bytes in
 * any encoding, for abridge_input_decode(). Returns a NUL-terminated buffer
 * to g_free(), or NULL with an error. */
ABRIDGE_API char *abridge_input_read_bytes (const char *path, gsize max_bytes, gsize *len,
                                            GError **error);

typedef enum {
  ABRIDGE_DECODE_HTML = 1 << 0, /**< DATA is a web page: honour its <meta charset> */
} AbridgeDecodeFlags;

/** Turns the bytes of a file into the text abridge reads: a UTF-8 byte
 * order mark is dropped; UTF-16 with a byte order mark is converted; with
 * ABRIDGE_DECODE_HTML, a page that is not UTF-8 is read in the charset its
 * <meta> declares; text without a single UTF-8 sequence is read as
 * Windows-1252 (Latin-1 where that has no character). Those two set
 * *WARNING (when not NULL) to a message to g_free() ("not UTF-8: read as
 * …"); UTF-8 damaged in places, and NUL bytes, are refused as
 * abridge_input_check() refuses them. The result passes through
 * abridge_text_clean(). Returns a NUL-terminated string to g_free(). */
ABRIDGE_API char *abridge_input_decode (const char *data, gsize len, AbridgeDecodeFlags flags,
                                        gsize *out_len, char **warning, GError **error);

/** Cleans valid UTF-8 TEXT as web pages leave it: CRLF and CR become LF;
 * soft hyphens, zero-width spaces, word joiners and byte order marks go;
 * no-break spaces become spaces; the result is NFC. Quotes are kept as
 * written (curly or straight: the quote finder reads both). Returns a
 * NUL-terminated string to g_free(). */
ABRIDGE_API char *abridge_text_clean (const char *text, gsize len, gsize *out_len);

/** TEXT (valid UTF-8) as paragraphs, one a line, separated by a blank
 * line: the document's paragraphs (blank lines, hard-wrapped lines
 * re-joined, one long line a paragraph), white space folded. Returns a
 * NUL-terminated string to g_free(). */
ABRIDGE_API char *abridge_text_paragraphs (const char *text, gsize len, gsize *out_len);

/* ---- web pages -------------------------------------------------------------- */

/** Whether DATA (any encoding) looks like an HTML page by its content: it
 * starts, after a byte order mark and white space, with a doctype, an
 * <html>, <head> or <body> tag, a comment or a tag, and a known HTML tag
 * appears in its first 4 KB. */
ABRIDGE_API gboolean abridge_html_detect (const char *data, gsize len);

/** The article of a web page: its main text, title and metadata. Every
 * string is NUL-terminated valid NFC UTF-8, or NULL when the page has none. */
typedef struct abridge_article {
  char *text;      /**< paragraphs (headings, list items too) separated by a blank line */
  gsize len;       /**< of TEXT */
  char *title;     /**< og:title, else the first <h1>, else <title>, without a site suffix */
  char *author;    /**< from the usual meta tags or JSON-LD */
  char *date;      /**< as the page writes it (usually ISO 8601) */
  char *site_name; /**< og:site_name, application-name or JSON-LD publisher */
  char *url;       /**< the canonical link, else og:url */
  char *description;
  char *language;  /**< <html lang> */
} abridge_article;

/** Extracts the article of the page HTML (UTF-8, as abridge_input_decode()
 * gives it) with libxml2's HTML parser and a main-content scorer in the
 * spirit of Readability: scripts, styles, navigation, comment sections,
 * share bars, related-story boxes and ads are left out. Never fails on a
 * page libxml2 can read at all; TEXT is empty ("") for a page without
 * article text. Returns NULL with an error only when HTML is not text
 * (ABRIDGE_ERROR_INPUT), or when the module that reads pages, loaded on
 * first use, cannot be (ABRIDGE_ERROR_PLUGIN: an incomplete installation).
 * Thread-safe. */
ABRIDGE_API abridge_article *abridge_extract_html (const char *html, gsize len, GError **error);

/** Defaults of abridge_page_limits (README.md, "Reliability"). Chromium's
 * HTML parser nests at most 512 elements deep too. */
#define ABRIDGE_DEFAULT_MAX_DEPTH 512u
#define ABRIDGE_DEFAULT_MAX_ATTRIBUTES 256u

/** What a page may hold before reading it would cost more than its size
 * says (libxml2's parser is quadratic in both): a page beyond a limit is
 * refused with a reason naming the option that raises it. 0: the default. */
typedef struct abridge_page_limits {
  guint max_depth;      /**< elements nested inside each other */
  guint max_attributes; /**< attributes of one element */
} abridge_page_limits;

/** abridge_extract_html() within LIMITS (NULL: the defaults). A page
 * beyond them is an ABRIDGE_ERROR_INPUT error: "elements nested deeper
 * than 512 at byte offset N (raise --max-depth to read it)". */
ABRIDGE_API abridge_article *abridge_extract_html_full (const char *html, gsize len,
                                                        const abridge_page_limits *limits,
                                                        GError **error);
ABRIDGE_API void abridge_article_free (abridge_article *article);

/* ---- the document ------------------------------------------------------- */

/** Builds the text model of one article from DATA (checked with
 * abridge_input_check()). TITLE, when not NULL, is the article's title as
 * given by its container (a JSONL record); otherwise the title is detected
 * in the text. The document keeps a copy of DATA. */
ABRIDGE_API abridge_document *abridge_document_new (const char *data, gsize len, const char *title,
                                                    GError **error);
ABRIDGE_API void abridge_document_free (abridge_document *doc);

/** abridge_document_new() for an article in language LANG: an ISO 639-1
 * code of abridge_language_codes() (its Snowball stemmer, stop words,
 * abbreviations), or "auto" to guess it from the first few KB of the text
 * (English when the text is too short or the guess too close to call).
 * abridge_document_new() is LANG "en". An unknown code is an
 * ABRIDGE_ERROR_USAGE error. */
ABRIDGE_API abridge_document *abridge_document_new_lang (const char *data, gsize len,
                                                         const char *title, const char *lang,
                                                         GError **error);
/** The ISO 639-1 code of the language DOC was read in ("de"). */
ABRIDGE_API const char *abridge_document_language (const abridge_document *doc);

/* ---- languages ---------------------------------------------------------- */

/** The codes --lang accepts besides "auto", space-separated ("ar ca da …");
 * g_free() it. */
ABRIDGE_API char *abridge_language_codes (void);
/** TRUE when CODE is "auto" or a supported code; otherwise a usage error
 * listing the supported ones. */
ABRIDGE_API gboolean abridge_language_check (const char *code, GError **error);
/** Whether abridge has a stop-word list for CODE (Snowball has 15). */
ABRIDGE_API gboolean abridge_language_has_stopwords (const char *code);

/** The dateline cut from the first sentence ("BRUSSELS"), or NULL. */
ABRIDGE_API const char *abridge_document_dateline (const abridge_document *doc);

/* Accessors with the contracts of the abridge_host members of the same name. */
ABRIDGE_API const char *abridge_document_title (const abridge_document *doc, size_t *len);
ABRIDGE_API const char *abridge_document_text (const abridge_document *doc, size_t *len);
ABRIDGE_API uint32_t abridge_document_sentence_count (const abridge_document *doc);
ABRIDGE_API uint32_t abridge_document_paragraph_count (const abridge_document *doc);
ABRIDGE_API const char *abridge_document_sentence_text (const abridge_document *doc, uint32_t i,
                                                        size_t *len);
ABRIDGE_API void abridge_document_sentence_span (const abridge_document *doc, uint32_t i,
                                                 uint32_t *start, uint32_t *end);
ABRIDGE_API uint32_t abridge_document_sentence_paragraph (const abridge_document *doc, uint32_t i);
ABRIDGE_API uint32_t abridge_document_sentence_flags (const abridge_document *doc, uint32_t i);
/* The document's words, made on the first call of any of these (through
 * abridge_document_background_idf() and abridge_document_keywords()): see
 * Thread-safety above. */
ABRIDGE_API const abridge_token *abridge_document_sentence_tokens (const abridge_document *doc,
                                                                   uint32_t i, uint32_t *n);
ABRIDGE_API uint32_t abridge_document_term_count (const abridge_document *doc);
ABRIDGE_API uint32_t abridge_document_stem_count (const abridge_document *doc);
ABRIDGE_API const char *abridge_document_term_text (const abridge_document *doc, uint32_t term);
ABRIDGE_API const char *abridge_document_stem_text (const abridge_document *doc, uint32_t stem);
ABRIDGE_API uint32_t abridge_document_stem_sentence_frequency (const abridge_document *doc,
                                                               uint32_t stem);
ABRIDGE_API uint32_t abridge_document_stem_frequency (const abridge_document *doc, uint32_t stem);
ABRIDGE_API double abridge_document_background_idf (const abridge_document *doc, uint32_t stem);
ABRIDGE_API uint32_t abridge_document_quote_count (const abridge_document *doc);
ABRIDGE_API void abridge_document_quote_span (const abridge_document *doc, uint32_t q,
                                              uint32_t *start, uint32_t *end,
                                              uint32_t *first_sentence, uint32_t *last_sentence);
ABRIDGE_API uint32_t abridge_document_quote_flags (const abridge_document *doc, uint32_t q);
ABRIDGE_API const char *abridge_document_quote_speaker (const abridge_document *doc, uint32_t q,
                                                        size_t *len);
ABRIDGE_API const char *abridge_document_quote_speaker_title (const abridge_document *doc,
                                                              uint32_t q, size_t *len);
ABRIDGE_API const char *abridge_document_quote_cue (const abridge_document *doc, uint32_t q,
                                                    size_t *len);
ABRIDGE_API const char *abridge_document_quote_text (const abridge_document *doc, uint32_t q,
                                                     size_t *len);
/** Whether sentence I may be offered to plugins and chosen for a brief. */
ABRIDGE_API gboolean abridge_document_sentence_is_candidate (const abridge_document *doc,
                                                             uint32_t i);

/** The article's N most characteristic content words (tf x background
 * idf of their stems), best first, each in the form it first appears in
 * the text. Returns a NULL-terminated vector to g_strfreev(). Makes the
 * document's words if no call has yet (see Thread-safety above). */
ABRIDGE_API char **abridge_document_keywords (const abridge_document *doc, guint n);

/* ---- plugins -------------------------------------------------------------- */

typedef struct abridge_registry abridge_registry;

/** A plugin the registry accepted. */
typedef struct abridge_plugin_entry {
  const abridge_plugin *descriptor; /**< as the plugin returned it */
  const char *file;                 /**< the library it came from */
  /** One of abridge's own plugins, from the directory abridge installed
   * them in (or its build tree's): batch runs it in threads, where any
   * other plugin is isolated in a process of its own by default. */
  gboolean shipped;
  /** The file of a shipped plugin of the same id that this one hides
   * (it comes first in the search path), or NULL. */
  const char *replaces;
} abridge_plugin_entry;

/** Discovers plugins: each of DIRS (NULL-terminated, may be NULL) in order,
 * then $ABRIDGE_PLUGIN_PATH, then $ABRIDGE_PLUGIN_SYSTEM_PATH if set, else
 * the installed plugin directory (or the build tree's, for an uninstalled
 * abridge). Relative entries are refused. A directory is searched, and a
 * file loaded, only when it and every directory above it are owned by
 * root or the effective user and writable by no one else. Every symbol of
 * a library is bound when it is opened; its descriptors and their option
 * tables are checked (defaults must parse). Plugins that cannot be used
 * are refused with a warning on stderr naming the file and the reason;
 * the rest load. When two libraries offer one id, the first in the
 * search path wins. */
ABRIDGE_API abridge_registry *abridge_registry_new (const char *const *dirs, GError **error);

typedef enum {
  /** Load plugins whose file, or a directory above it, another user owns
   * or can write to (refused by default, as OpenSSH's StrictModes refuses
   * such keys). */
  ABRIDGE_REGISTRY_ALLOW_UNSAFE = 1 << 0,
  /** Search DIRS only: not $ABRIDGE_PLUGIN_PATH, not the system
   * directory; an entry may be a plugin file. For checking plugins
   * (`abridge plugins --check`). */
  ABRIDGE_REGISTRY_ONLY_DIRS = 1 << 1,
} AbridgeRegistryFlags;

/** abridge_registry_new() with FLAGS. */
ABRIDGE_API abridge_registry *abridge_registry_new_full (const char *const *dirs,
                                                         AbridgeRegistryFlags flags,
                                                         GError **error);
ABRIDGE_API void abridge_registry_free (abridge_registry *registry);
ABRIDGE_API guint abridge_registry_count (const abridge_registry *registry);
ABRIDGE_API const abridge_plugin_entry *abridge_registry_get (const abridge_registry *registry,
                                                              guint i);
ABRIDGE_API const abridge_plugin_entry *abridge_registry_find (const abridge_registry *registry,
                                                               const char *id);
/** The refusals of the discovery, "FILE: reason" strings. */
ABRIDGE_API const GPtrArray *abridge_registry_rejections (const abridge_registry *registry);
/** A plugin's option table (NULL-key terminated), or NULL when it has none
 * or its descriptor is too old to carry one. */
ABRIDGE_API const abridge_option *abridge_plugin_get_options (const abridge_plugin *plugin);
/** The directories searched, in order, for diagnostics. */
ABRIDGE_API const char *const *abridge_registry_search_path (const abridge_registry *registry);

/* ---- the engine ----------------------------------------------------------- */

typedef enum {
  ABRIDGE_BUDGET_SENTENCES, /**< at most N sentences */
  ABRIDGE_BUDGET_WORDS,     /**< at most N words; the first sentence always */
  ABRIDGE_BUDGET_CHARS,     /**< at most N characters; the first sentence always */
  ABRIDGE_BUDGET_RATIO,     /**< ceil(ratio x candidate sentences) */
} AbridgeBudgetKind;

typedef struct abridge_budget {
  AbridgeBudgetKind kind;
  guint n;      /**< for SENTENCES, WORDS, CHARS */
  double ratio; /**< for RATIO, in (0, 1] */
} abridge_budget;

typedef enum {
  ABRIDGE_ORDER_ARTICLE, /**< the brief follows the article (default) */
  ABRIDGE_ORDER_SCORE,   /**< best first */
} AbridgeOrder;

typedef struct abridge_engine abridge_engine;

/** The plugin set abridge ranks with when none is named: the article's
 * opening sentences. Five-fold cross-validation over the dev corpora found
 * no other candidate whose gain over it was outside its spread across
 * folds (README.md, "Quality"; bench/select_default.py). */
#define ABRIDGE_DEFAULT_PLUGINS "lead"

/** ABRIDGE_DEFAULT_PLUGINS, for bindings that cannot read a macro. */
ABRIDGE_API const char *abridge_default_plugins (void);

/** Instantiates the plugins named in PLUGINS ("id[:weight]" joined by "+";
 * several are fused by normalised rank) from REGISTRY, which must outlive
 * the engine. OPTIONS holds "plugin.key=value" strings (NULL-terminated, may
 * be NULL), validated against each plugin's option table. A plugin that
 * refuses to start with options the user set (a value out of its range)
 * is an ABRIDGE_ERROR_USAGE error; without any, ABRIDGE_ERROR_PLUGIN. */
ABRIDGE_API abridge_engine *abridge_engine_new (abridge_registry *registry, const char *plugins,
                                                const char *const *options, GError **error);
ABRIDGE_API void abridge_engine_free (abridge_engine *engine);
/** The plugin ids as given, e.g. "lead" or "lead,frequency". */
ABRIDGE_API const char *abridge_engine_name (const abridge_engine *engine);

/** One chosen unit of a brief. */
typedef struct abridge_brief_item {
  gboolean extract;  /**< an extract (a span a plugin chose) rather than a sentence */
  uint32_t sentence; /**< the sentence, or for an extract the first it touches */
  uint32_t start;    /**< byte span in the document's text; abridge_batch_run() maps
                          it back to a plain text input's bytes as given */
  uint32_t end;
  double score;      /**< the fused score that chose it */
  char *text;        /**< what a reader sees */
  GPtrArray *annotations; /**< extracts: alternating key, value strings, or NULL */
} abridge_brief_item;

typedef struct abridge_brief {
  GArray *items;    /**< abridge_brief_item, in the chosen order */
  double *scores;   /**< fused score per sentence (NaN for non-candidates) */
  uint32_t n_scores;
  char **keywords;  /**< rendered when set (abridge_document_keywords()); freed with the brief */
} abridge_brief;

/** Makes the process say which plugin ended it: on a fatal signal
 * (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGSYS, SIGTRAP) raised while
 * a plugin's code runs, one line "abridge: ARTICLE: plugin 'ID' crashed
 * (SIGSEGV, …)" on stderr, written with async-signal-safe calls, before
 * the process dies by the signal as it would have; when a plugin calls
 * exit(), "abridge: ARTICLE: plugin 'ID' called exit(N)" and the process
 * ends with N, or 1 for 0. For programs that run plugins in their own
 * process (`abridge` does); call it once, early. */
ABRIDGE_API void abridge_report_plugin_crashes (void);

/** Runs the engine's plugins over DOC and selects a brief within BUDGET:
 * whole candidate sentences, no near-duplicates, never empty when the
 * document has a candidate. */
ABRIDGE_API abridge_brief *abridge_engine_summarize (abridge_engine *engine,
                                                     const abridge_document *doc,
                                                     const abridge_budget *budget,
                                                     AbridgeOrder order, GError **error);
/** An empty brief with room for N_SCORES sentence scores (all 0): for
 * code that builds briefs itself (e.g. from stored results). Its items
 * own their text and annotations. */
ABRIDGE_API abridge_brief *abridge_brief_new (uint32_t n_scores);
ABRIDGE_API void abridge_brief_free (abridge_brief *brief);

/* ---- rendering ------------------------------------------------------------ */

typedef enum {
  ABRIDGE_FORMAT_TEXT,
  ABRIDGE_FORMAT_JSON,  /**< one pretty object per article */
  ABRIDGE_FORMAT_JSONL, /**< one compact object per line */
  ABRIDGE_FORMAT_MARKDOWN,
  /* Since 0.4 */
  ABRIDGE_FORMAT_HTML,     /**< the whole article as a web page, the brief marked in it */
  ABRIDGE_FORMAT_KEYWORDS, /**< the brief's keywords, one a line (set them to have any) */
} AbridgeFormat;

/** Parses "text", "json", "jsonl", "markdown" (or "md"), "html",
 * "keywords". */
ABRIDGE_API gboolean abridge_format_parse (const char *name, AbridgeFormat *format);

/** What the renderer names the article by: a file path or a record id. */
typedef struct abridge_source {
  const char *file; /**< or NULL */
  const char *id;   /**< or NULL */
} abridge_source;

/** Appends the rendering of BRIEF of DOC to OUT. */
ABRIDGE_API void abridge_render (GString *out, AbridgeFormat format, const abridge_source *source,
                                 const abridge_document *doc, const char *plugin,
                                 const abridge_brief *brief);

/** abridge_render() of a web page: PAGE's metadata (author, date, site
 * name, canonical URL; may be NULL) is rendered too, in JSON as members
 * "author", "date", "site_name", "url" when the page has them. */
ABRIDGE_API void abridge_render_page (GString *out, AbridgeFormat format,
                                      const abridge_source *source, const abridge_article *page,
                                      const abridge_document *doc, const char *plugin,
                                      const abridge_brief *brief);

/** Appends TEXT (valid UTF-8; LEN < 0 for NUL-terminated, NULL for null)
 * to OUT as a JSON string literal. */
ABRIDGE_API void abridge_json_append_string (GString *out, const char *text, gssize len);

typedef enum {
  ABRIDGE_PRINTABLE_TEXT, /**< text: each control character becomes a space,
                               tab and newline stay */
  ABRIDGE_PRINTABLE_LINE, /**< one line (a heading, a message): every control
                               character is shown escaped, \\n, \\t, \\x1B, \\u009B */
} AbridgePrintable;

/** Appends TEXT (LEN < 0: NUL-terminated) to OUT as it may reach a
 * terminal: C0 controls, DEL and C1 controls (U+0080 to U+009F), which a
 * terminal would act on (escape sequences, window titles, the clipboard),
 * are made harmless as MODE says. The text and markdown outputs, headings
 * and messages of the abridge command all go through it. */
ABRIDGE_API void abridge_append_printable (GString *out, const char *text, gssize len,
                                           AbridgePrintable mode);

/** Appends VALUE in decimal to OUT: the integers of JSON output without
 * printf's parsing of a format (a tenth of `abridge split -f jsonl`). */
ABRIDGE_API void abridge_json_append_uint (GString *out, guint64 value);

/* ---- JSON Lines input ------------------------------------------------------ */

/** One article record of a JSONL corpus: {"id", "title", "text", …}. */
typedef struct abridge_record {
  char *id;    /**< or NULL */
  char *title; /**< or NULL */
  char *text;
  gsize text_len;
  char *summary; /**< a reference summary, one sentence a line, or NULL */
  char *source;  /**< metadata kept for reports when they are strings, or NULL */
  char *date;
  char *url;
} abridge_record;

/** Parses one line of JSONL. Returns FALSE with an error naming what is
 * wrong (not JSON, not an object, no "text" string). */
ABRIDGE_API gboolean abridge_record_parse (const char *line, gsize len, abridge_record *record,
                                           GError **error);
ABRIDGE_API void abridge_record_clear (abridge_record *record);

G_END_DECLS
#endif /* ABRIDGE_H */
