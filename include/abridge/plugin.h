/* abridge plugin ABI: the only header a summarizer plugin includes.
 *
 * A plugin is a shared object that exports exactly one symbol,
 * abridge_plugin_descriptor(). It never links against libabridge and sees
 * no core structure: everything it reads or writes goes through the
 * abridge_host function table it is handed at instantiation.
 *
 * Versioning. ABRIDGE_ABI_MAJOR changes only for an incompatible change; a
 * plugin built for another major is refused and never called. Within one
 * major, structures and the host table only grow at their end, and each
 * side checks struct_size before touching a member (ABRIDGE_HAS_MEMBER).
 * "Since: 1.0" on a member is the ABI minor that added it.
 *
 * A plugin runs inside abridge: a crash, abort(), exit() or a rank() that
 * never returns is abridge's too. abridge runs plugins it does not ship in
 * worker processes in batches, where such a plugin fails only the article
 * it was ranking; a single article dies, naming the plugin. Never end the
 * process: report errors through set_error() and result_set_error().
 *
 * Thread classes (after LV2):
 *   - Discovery class: abridge_plugin_descriptor(), instantiate(),
 *     cleanup(). The host serialises these across all plugins.
 *   - Rank class: rank(). Never called concurrently on one instance; may
 *     run concurrently on different instances of one plugin, one per host
 *     thread, unless the plugin sets ABRIDGE_PLUGIN_SERIAL.
 *   - Host functions are safe to call from rank() on any thread.
 *
 * This header uses only the C standard library: no GLib, no libabridge.
 */
#ifndef ABRIDGE_PLUGIN_H
#define ABRIDGE_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ABRIDGE_ABI_MAJOR 1
#define ABRIDGE_ABI_MINOR 2
/** The version a plugin reports in abridge_plugin.abi_version. */
#define ABRIDGE_ABI_VERSION ((uint32_t) ((ABRIDGE_ABI_MAJOR << 16) | ABRIDGE_ABI_MINOR))
#define ABRIDGE_ABI_VERSION_MAJOR(v) ((uint32_t) (v) >> 16)
#define ABRIDGE_ABI_VERSION_MINOR(v) ((uint32_t) (v) & 0xffffu)

/** True when a structure whose first field is uint32_t struct_size, as
 * received from the other side, is large enough to hold MEMBER. Use it
 * before reading any member added after 1.0 (libssh's idiom). */
#define ABRIDGE_HAS_MEMBER(ptr, type, member)                                \
  ((ptr) != NULL && (ptr)->struct_size >= offsetof (type, member) + sizeof ((ptr)->member))

#if defined(_WIN32)
#define ABRIDGE_PLUGIN_EXPORT __declspec (dllexport)
#else
#define ABRIDGE_PLUGIN_EXPORT __attribute__ ((visibility ("default")))
#endif

#if defined(__GNUC__) || defined(__clang__)
#define ABRIDGE_PRINTF(fmt, args) __attribute__ ((format (printf, fmt, args)))
#else
#define ABRIDGE_PRINTF(fmt, args)
#endif

/* Opaque host objects: a plugin only ever holds pointers to them. */
typedef struct abridge_document abridge_document; /**< one article's text model */
typedef struct abridge_options abridge_options;   /**< validated option values */
typedef struct abridge_result abridge_result;     /**< where rank() writes */
typedef struct abridge_error abridge_error;       /**< where instantiate() reports */
typedef struct abridge_host abridge_host;         /**< the function table, below */

/** Sentence flags, from abridge_host.sentence_flags(). */
enum {
  /** The sentence holds (part of) a direct quotation. Since: 1.0 */
  ABRIDGE_SENTENCE_QUOTE = 1u << 0,
  /** Page furniture (byline, "Share", "Leave a Reply" …). Never a candidate:
   * the host ignores scores a plugin writes for it. Since: 1.0 */
  ABRIDGE_SENTENCE_BOILERPLATE = 1u << 1,
  /** First sentence of its paragraph. Since: 1.0 */
  ABRIDGE_SENTENCE_PARAGRAPH_START = 1u << 2,
  /** A dateline ("BRUSSELS —") was cut from the front of this sentence;
   * sentence_text() no longer contains it. Since: 1.0 */
  ABRIDGE_SENTENCE_DATELINE = 1u << 3,
  /** A line without final punctuation standing alone: a heading or list
   * item. Since: 1.0 */
  ABRIDGE_SENTENCE_HEADING = 1u << 4,
  /** The sentence repeats the article's title. Never a candidate. Since: 1.0 */
  ABRIDGE_SENTENCE_TITLE = 1u << 5,
};

/** Quotation flags, from abridge_host.quote_flags(). Every fragment of
 * one quotation has the same flags but CONTINUES. Since: 1.2 */
enum {
  /** This fragment continues the quotation before it, across the
   * attribution that splits them ("We will not," he said, "agree to
   * this."): the same speaker, one quotation. Since: 1.2 */
  ABRIDGE_QUOTE_CONTINUES = 1u << 0,
  /** The attribution is a pronoun (he, she, it, they); the speaker, when
   * there is one, is the person or body it was resolved to. Since: 1.2 */
  ABRIDGE_QUOTE_PRONOUN = 1u << 1,
  /** No attributing clause of its own: the speaker comes from the
   * sentences around it (a quotation-only paragraph carries on the last
   * speaker's words). Since: 1.2 */
  ABRIDGE_QUOTE_CONTEXT = 1u << 2,
};

/** Annotation keys the core renders (text, Markdown, JSON, HTML) when a
 * plugin attaches them to an extract with result_annotate(). Since: 1.2 */
#define ABRIDGE_ANNOTATION_QUOTE "quote"                 /**< the quoted words, marks dropped */
#define ABRIDGE_ANNOTATION_SPEAKER "speaker"             /**< who said it */
#define ABRIDGE_ANNOTATION_SPEAKER_TITLE "speaker_title" /**< the speaker's role */

/** Token flags, in abridge_token.flags.
 *
 * A token is a word: a run of letters, digits and combining marks, which
 * may hold an apostrophe (' or U+2019) or a full stop between two such
 * characters ("don't", "U.S", "3.5"). Anything else ends it: a comma, a
 * hyphen, a slash, "$" or "%". So "100,000" is two tokens, "100" and
 * "000", "$1,234.56" is "1" and "234.56", and "e-mail" is "e" and
 * "mail". */
enum {
  /** The word is on the stop-word list of the document's language. Since: 1.0 */
  ABRIDGE_TOKEN_STOP = 1u << 0,
  /** The word is made of digits, with any full stops between them
   * ("2024", "3.5", "234.56"); a comma ends a token, so "100,000" is two
   * NUMBER tokens. Since: 1.0 */
  ABRIDGE_TOKEN_NUMBER = 1u << 1,
  /** The word starts with an upper-case letter in the text. Since: 1.0 */
  ABRIDGE_TOKEN_CAPITALISED = 1u << 2,
};

/** One word of a sentence. Layout frozen for ABI major 1: new per-token
 * facts arrive as new host functions, never as new members here. */
typedef struct abridge_token {
  uint32_t term;  /**< id of the case-folded word, 0 … term_count-1 */
  uint32_t stem;  /**< id of its stem, 0 … stem_count-1 */
  uint32_t start; /**< byte offset of the word in the input */
  uint16_t len;   /**< byte length of the word in the input (capped at 65535, on a
                       character boundary) */
  uint16_t flags; /**< ABRIDGE_TOKEN_* */
} abridge_token;

/** Option value types, in abridge_option.type. Since: 1.0 */
typedef enum abridge_option_type {
  ABRIDGE_OPTION_BOOL = 1,   /**< "true"/"false"/"1"/"0"/"yes"/"no" */
  ABRIDGE_OPTION_INT = 2,    /**< decimal int64 */
  ABRIDGE_OPTION_DOUBLE = 3, /**< decimal, finite */
  ABRIDGE_OPTION_STRING = 4, /**< any UTF-8 */
} abridge_option_type;

/** One entry of a plugin's option table, which ends with an entry whose key
 * is NULL. The host walks the table as an array, so this layout is frozen
 * for ABI major 1, like abridge_token's. The host accepts only these keys (anything else is a usage error
 * before instantiate() runs), parses values to the declared type and
 * supplies default_value for keys the user did not set. All strings are
 * owned by the plugin and must live as long as the library is loaded. */
typedef struct abridge_option {
  const char *key;           /**< [a-z0-9_]+, unique within the plugin */
  uint32_t type;             /**< abridge_option_type */
  const char *default_value; /**< in the syntax of type; NULL means none */
  const char *help;          /**< one line, for `abridge plugins --verbose` */
} abridge_option;

/** Log levels for abridge_host.log(). Since: 1.0 */
enum {
  ABRIDGE_LOG_DEBUG = 0,   /**< shown with ABRIDGE_PLUGIN_VERBOSE=1 */
  ABRIDGE_LOG_INFO = 1,
  ABRIDGE_LOG_WARNING = 2, /**< always shown, on stderr */
};

/** The host function table. Owned by the host, valid from instantiate()
 * until cleanup() returns; a plugin keeps the pointer in its instance and
 * passes that very pointer to log() (the host finds the plugin's name
 * beside its table), never a copy of the table.
 * Members are only ever appended; before calling a member added after 1.0,
 * check ABRIDGE_HAS_MEMBER(host, abridge_host, member).
 *
 * Document accessors take the document passed to rank() and are valid only
 * during that call; returned pointers are owned by the host and stay valid
 * until rank() returns. A sentence index i is 0 … sentence_count-1; an
 * out-of-range index returns 0/NULL. All text is valid UTF-8; spans into
 * document_text() are not NUL-terminated, so use the returned length. */
struct abridge_host {
  uint32_t struct_size; /**< sizeof (abridge_host) as the host was built. Since: 1.0 */
  uint32_t abi_version; /**< ABRIDGE_ABI_VERSION of the host. Since: 1.0 */

  /** Writes a message attributed to the calling plugin. printf format.
   * Since: 1.0 */
  void (*log) (const abridge_host *host, int level, const char *fmt, ...)
      ABRIDGE_PRINTF (3, 4);
  /** instantiate(): report why it failed. The host copies the message;
   * the plugin then returns NULL. Since: 1.0 */
  void (*set_error) (abridge_error *error, const char *fmt, ...)
      ABRIDGE_PRINTF (2, 3);

  /* Option values, already validated against the plugin's option table.
   * A key not in the table, or of another type, yields 0/0.0/NULL. */
  int (*option_bool) (const abridge_options *options, const char *key); /**< Since: 1.0 */
  int64_t (*option_int) (const abridge_options *options, const char *key); /**< Since: 1.0 */
  double (*option_double) (const abridge_options *options, const char *key); /**< Since: 1.0 */
  /** Owned by the host; valid until cleanup(). May be NULL. Since: 1.0 */
  const char *(*option_string) (const abridge_options *options, const char *key);

  /** The article's title, or NULL when it has none. Since: 1.0 */
  const char *(*document_title) (const abridge_document *doc, size_t *len);
  /** The whole input as read (UTF-8 checked, not normalised): byte offsets
   * of sentences, tokens and quotes index into it. Since: 1.0 */
  const char *(*document_text) (const abridge_document *doc, size_t *len);
  uint32_t (*sentence_count) (const abridge_document *doc);  /**< Since: 1.0 */
  uint32_t (*paragraph_count) (const abridge_document *doc); /**< Since: 1.0 */
  /** The sentence as a reader sees it: dateline cut, line breaks and runs
   * of white space folded into one space. Since: 1.0 */
  const char *(*sentence_text) (const abridge_document *doc, uint32_t i, size_t *len);
  /** Byte span [start, end) of the sentence in document_text(). Since: 1.0 */
  void (*sentence_span) (const abridge_document *doc, uint32_t i, uint32_t *start, uint32_t *end);
  uint32_t (*sentence_paragraph) (const abridge_document *doc, uint32_t i); /**< Since: 1.0 */
  uint32_t (*sentence_flags) (const abridge_document *doc, uint32_t i);     /**< Since: 1.0 */
  /** The sentence's words (tokens, above), in order; *n receives their
   * number. Since: 1.0 */
  const abridge_token *(*sentence_tokens) (const abridge_document *doc, uint32_t i, uint32_t *n);

  /** Distinct case-folded words and distinct stems in the document. */
  uint32_t (*term_count) (const abridge_document *doc); /**< Since: 1.0 */
  uint32_t (*stem_count) (const abridge_document *doc); /**< Since: 1.0 */
  /** NUL-terminated case-folded word / stem for an id. */
  const char *(*term_text) (const abridge_document *doc, uint32_t term); /**< Since: 1.0 */
  const char *(*stem_text) (const abridge_document *doc, uint32_t stem); /**< Since: 1.0 */
  /** In how many candidate (non-boilerplate) sentences the stem occurs.
   * Since: 1.0 */
  uint32_t (*stem_sentence_frequency) (const abridge_document *doc, uint32_t stem);
  /** How often the stem occurs in candidate sentences. Since: 1.0 */
  uint32_t (*stem_frequency) (const abridge_document *doc, uint32_t stem);

  /** How specific the stem is to this article against news at large: its
   * inverse document frequency in the background corpus shipped with
   * abridge, ln((N + 1) / (df + 1)) + 1, at least 1. Since: 1.0 */
  double (*background_idf) (const abridge_document *doc, uint32_t stem);

  /** Direct quotations: count, then each one's byte span in
   * document_text() including its quotation marks, and the first and last
   * sentence it touches. */
  uint32_t (*quote_count) (const abridge_document *doc); /**< Since: 1.0 */
  void (*quote_span) (const abridge_document *doc, uint32_t q, uint32_t *start, uint32_t *end,
                      uint32_t *first_sentence, uint32_t *last_sentence); /**< Since: 1.0 */

  /** rank(): the score array, one double per sentence, preset to NaN. A
   * plugin that scores sentences sets every candidate's entry to a finite
   * value; higher is better (only the order counts; equal scores tie, and
   * ties go to the earlier sentence). Owned by the host. Since: 1.0 */
  double *(*result_scores) (abridge_result *result);
  /** rank(): add an extract, a byte span [start, end) of document_text()
   * with a finite score, for plugins whose units are not sentences (a
   * quote may be part of a sentence or run over several). Returns the
   * extract's index, or -1 when the span is invalid. A plugin that adds
   * no valid extract to an article gets the article's first sentences as
   * its brief. Since: 1.0 */
  int32_t (*result_add_extract) (abridge_result *result, uint32_t start, uint32_t end,
                                 double score);
  /** rank(): attach a string annotation (e.g. ABRIDGE_ANNOTATION_SPEAKER)
   * to an extract. Key and value are copied. Returns 0, or -1 for a bad
   * index. Since: 1.0 */
  int (*result_annotate) (abridge_result *result, int32_t extract, const char *key,
                          const char *value);
  /** rank(): report why ranking failed; the plugin then returns non-zero.
   * The host copies the message. Since: 1.0 */
  void (*result_set_error) (abridge_result *result, const char *fmt, ...)
      ABRIDGE_PRINTF (2, 3);

  /** The language the document was read in, as an ISO 639-1 code ("en",
   * "de", "fr"): given by the user or guessed from the text; it chose the
   * stemmer, the stop words and the sentence rules. NUL-terminated, owned
   * by the host, never NULL. Check ABRIDGE_HAS_MEMBER first: a 1.0 host
   * lacks it (and reads English). Since: 1.1 */
  const char *(*document_language) (const abridge_document *doc);

  /* Who said each quotation (quote_count(), quote_span()), as the core
   * attributes it: a named speaker before or after the quotation ("said
   * Jones", "Jones told reporters:", "according to Jones"), with an
   * appositive or a title ("Sen. Ben Sasse"), an organisation or group
   * ("police said"), a pronoun resolved to the person or body it refers
   * to, or the speaker of the quotation before when a quotation stands
   * alone. When none can be found the speaker is NULL: the core never
   * guesses the nearest name. Made once per document on first use, then
   * read-only. Check ABRIDGE_HAS_MEMBER first: a 1.0 or 1.1 host lacks
   * these. An out-of-range q gives 0 / NULL. Returned strings are
   * NUL-terminated UTF-8, white space folded, owned by the host and valid
   * until rank() returns; *len (when not NULL) receives the byte length,
   * 0 for NULL. */

  /** ABRIDGE_QUOTE_* flags of quotation q. Since: 1.2 */
  uint32_t (*quote_flags) (const abridge_document *doc, uint32_t q);
  /** The speaker's fullest name in the article ("Jens Stoltenberg" where
   * the attribution says "Stoltenberg"; "Highways England" for "a
   * Highways England spokesman"), or NULL when no speaker was found.
   * Since: 1.2 */
  const char *(*quote_speaker) (const abridge_document *doc, uint32_t q, size_t *len);
  /** The speaker's title or role as the article gives it next to the
   * name ("U.S. Deputy Secretary of State", "the union's chairman"), or
   * NULL. Never set without a speaker. Since: 1.2 */
  const char *(*quote_speaker_title) (const abridge_document *doc, uint32_t q, size_t *len);
  /** The verb of saying that attributes it, as written ("said", "told",
   * "according to"), or NULL when none does. Since: 1.2 */
  const char *(*quote_cue) (const abridge_document *doc, uint32_t q, size_t *len);
  /** The words of the whole quotation q belongs to: quotation marks
   * dropped, white space folded, the fragments an attribution splits
   * joined with " … " (U+2026 between spaces), a trailing comma dropped.
   * Never NULL for a valid q; may be "". Since: 1.2 */
  const char *(*quote_text) (const abridge_document *doc, uint32_t q, size_t *len);
};

/** Plugin flags, in abridge_plugin.flags. */
enum {
  /** rank() must never run concurrently, even on different instances.
   * Since: 1.0 */
  ABRIDGE_PLUGIN_SERIAL = 1u << 0,
  /** The plugin writes extracts rather than sentence scores. Since: 1.0 */
  ABRIDGE_PLUGIN_EXTRACTS = 1u << 1,
};

/** A plugin's descriptor: static, owned by the plugin, valid while the
 * library stays loaded. The host reads struct_size first and treats any
 * member beyond it as absent (NULL / 0). */
typedef struct abridge_plugin {
  uint32_t struct_size; /**< sizeof (abridge_plugin) as the plugin was built. Since: 1.0 */
  uint32_t abi_version; /**< ABRIDGE_ABI_VERSION the plugin was built with. Since: 1.0 */
  /** Stable identifier used with -p: [a-z0-9_-]+, at most 64 bytes.
   * Required. When two libraries offer one id, the first in the search
   * path wins; the other is refused with a warning naming both, and a
   * shipped plugin replaced so is said by `abridge plugins`. Since: 1.0 */
  const char *id;
  const char *name;        /**< human-readable name. Since: 1.0 */
  const char *version;     /**< the plugin's own version string. Since: 1.0 */
  const char *description; /**< one line. Since: 1.0 */
  uint32_t flags;          /**< ABRIDGE_PLUGIN_*. Since: 1.0 */
  uint32_t reserved;       /**< 0. Since: 1.0 */
  /** Option table ending with a NULL key, or NULL for none. A table with
   * a bad key, a key twice, an unknown type or a default that does not
   * parse as its type is refused at discovery. Since: 1.0 */
  const abridge_option *options;

  /** Creates an instance. Discovery class. host stays valid until
   * cleanup(). On failure calls host->set_error(error, …) and returns
   * NULL. Required. Since: 1.0 */
  void *(*instantiate) (const abridge_host *host, const abridge_options *options,
                        abridge_error *error);
  /** Scores one document. Rank class. Returns 0 on success; otherwise
   * calls host->result_set_error() and returns non-zero. Required.
   * Since: 1.0 */
  int (*rank) (void *instance, const abridge_document *doc, abridge_result *result);
  /** Frees an instance. Discovery class. May be NULL. Since: 1.0 */
  void (*cleanup) (void *instance);
  /** Optional interfaces by URI, or NULL. May itself be NULL. Since: 1.0 */
  const void *(*extension_data) (const char *uri);
} abridge_plugin;

/** The one symbol a plugin library exports. The host calls it with its
 * ABRIDGE_ABI_VERSION and index 0, 1, … until it returns NULL. A plugin
 * may return NULL at once for a host major it does not support.
 * Discovery class. */
typedef const abridge_plugin *(*abridge_plugin_descriptor_fn) (uint32_t host_abi, uint32_t index);
#define ABRIDGE_PLUGIN_ENTRY "abridge_plugin_descriptor"

ABRIDGE_PLUGIN_EXPORT const abridge_plugin *abridge_plugin_descriptor (uint32_t host_abi,
                                                                      uint32_t index);

#ifdef __cplusplus
}
#endif
#endif /* ABRIDGE_PLUGIN_H */
