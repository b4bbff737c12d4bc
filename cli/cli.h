/* The abridge command: what the subcommands share. */
#ifndef ABRIDGE_CLI_H
#define ABRIDGE_CLI_H

#include <abridge/abridge.h>

/* Exit codes. */
#define CLI_EXIT_OK 0
#define CLI_EXIT_INPUT 1 /* an input could not be read or summarized */
#define CLI_EXIT_USAGE 2

/* The plugin set used without -p (README.md, "Quality"): the article's
 * opening sentences. No other candidate beat it on CNN/DailyMail by more
 * than its spread across folds (bench/select_default.py). */
#define CLI_DEFAULT_PLUGINS "lead"

int cmd_summarize (int argc, char **argv);
int cmd_split (int argc, char **argv);
int cmd_plugins (int argc, char **argv);
int cmd_eval (int argc, char **argv);
int cmd_batch (int argc, char **argv);
int cmd_extract (int argc, char **argv);

/* Merges the results files of a sharded batch (each `batch --shard I/K
 * --report jsonl`, of articles up to MAX_BYTES) into REPORT in article
 * order; fails on a malformed, missing or repeated result. */
typedef struct abridge_report abridge_report;
gboolean cli_merge_results (char **paths, gsize max_bytes, abridge_report *report,
                            guint64 *articles, guint64 *failures, GError **error);

/* The budget options of summarize and eval, as given (NULL: not given). */
typedef struct {
  char *sentences, *words, *chars, *ratio;
} CliBudgetOptions;

#define CLI_BUDGET_ENTRIES(b)                                                               \
  { "sentences", 'n', 0, G_OPTION_ARG_STRING, &(b)->sentences,                              \
    "Brief of N sentences (default 3)", "N" },                                              \
  { "words", 'w', 0, G_OPTION_ARG_STRING, &(b)->words, "Brief of at most N words", "N" },   \
  { "chars", 'c', 0, G_OPTION_ARG_STRING, &(b)->chars, "Brief of at most N characters",     \
    "N" },                                                                                  \
  { "ratio", 'r', 0, G_OPTION_ARG_STRING, &(b)->ratio,                                      \
    "Brief of this share of the sentences, rounded up", "F" }

/* Checks and converts them: one budget at most, counts from 1, a ratio in
 * (0, 1]; none given means 3 sentences. */
gboolean cli_parse_budget (const CliBudgetOptions *opts, abridge_budget *budget, GError **error);
void cli_budget_options_clear (CliBudgetOptions *opts);

/* "abridge: MESSAGE" on stderr. */
void cli_error (const char *fmt, ...) G_GNUC_PRINTF (1, 2);

/* Parses ARGV with ENTRIES and MORE (may be NULL). SUMMARY is the
 * description under --help. */
gboolean cli_parse (int *argc, char ***argv, const char *parameters, const char *summary,
                    const GOptionEntry *entries, const GOptionEntry *more, GError **error);

/* Options every command that reads articles takes. */
typedef struct {
  char **plugin_dirs;
  char *input_format; /* "text", "html", "jsonl" or NULL (by file name and content) */
  gint64 max_bytes;
  char *lang; /* --lang: an ISO 639-1 code or "auto" (NULL: auto) */
} CliInputOptions;

/* The GOptionEntry list for CliInputOptions, terminated. */
const GOptionEntry *cli_input_entries (CliInputOptions *opts);
gboolean cli_input_check (const CliInputOptions *opts, GError **error);
/* Checks --lang (NULL: not given): an unknown code is a usage error
 * listing the known ones; a language without stop words gets a warning. */
gboolean cli_lang_check (const char *lang, GError **error);

/* One article as the commands see it. */
typedef struct {
  const char *file;  /* the path given, "-" for stdin */
  const char *id;    /* a JSONL record's id, or NULL */
  const char *title; /* a JSONL record's title, or NULL */
  const char *text;
  gsize len;
  gboolean from_jsonl;
  const char *summary; /* a JSONL record's reference summary, or NULL */
  const char *lang;    /* --lang as given, "auto" by default */
  const abridge_article *page; /* a web page's article and metadata, or NULL */
} CliArticle;

/* Called for each article; returns FALSE and sets ERROR when it cannot be
 * summarized (the run goes on with the next article). */
typedef gboolean (*CliArticleFunc) (const CliArticle *article, gpointer user_data, GError **error);

/* Reads FILES (or stdin when there are none) as plain text, HTML or JSONL and
 * calls FUNC for each article. Returns CLI_EXIT_OK, or CLI_EXIT_INPUT when
 * any input or article failed: each failure is reported as
 * "abridge: FILE[:LINE]: what is wrong" and the rest still run. */
int cli_for_each_article (char **files, const CliInputOptions *opts, CliArticleFunc func,
                          gpointer user_data);

/* Whether the inputs are more than one article (several files, or JSONL). */
gboolean cli_many_articles (char **files, const CliInputOptions *opts);

/* Writes OUT to stdout; returns FALSE after reporting a write error. */
gboolean cli_write (const GString *out);
/* Flushes stdout; returns FALSE after reporting a write error. */
gboolean cli_flush (void);

/* Set by --allow-unsafe-plugins (CLI_UNSAFE_ENTRY), read by cli_registry(). */
extern gboolean cli_allow_unsafe_plugins;
#define CLI_UNSAFE_ENTRY                                                                    \
  { "allow-unsafe-plugins", 0, 0, G_OPTION_ARG_NONE, &cli_allow_unsafe_plugins,             \
    "Load plugins that other users can write to (refused by default)", NULL }

/* Loads the plugins, reporting a failure. */
abridge_registry *cli_registry (char **plugin_dirs);

#endif
