/* The abridge command: its command table and what the subcommands share. */
#ifndef ABRIDGE_CLI_H
#define ABRIDGE_CLI_H

#include <abridge/abridge.h>
#include <abridge/batch.h>

/* Exit codes. */
#define CLI_EXIT_OK 0
#define CLI_EXIT_INPUT 1 /* an input could not be read or summarized */
#define CLI_EXIT_USAGE 2
#define CLI_EXIT_SOME_FAILED 3 /* batch: some articles failed, the report was written */
#define CLI_EXIT_NO_PLUGINS 4  /* no plugin at all in the search path: an installation problem */

/* Option groups several subcommands take, parsed into cli_shared. */
typedef enum {
  CLI_PLUGIN_DIRS = 1 << 0, /* --plugin-dir, --allow-unsafe-plugins */
  CLI_INPUT = 1 << 1,       /* --input-format, --max-bytes, --max-depth, --max-attributes */
  CLI_LANG = 1 << 2,        /* --lang */
  CLI_BUDGET = 1 << 3,      /* -n, -w, -c, -r */
  CLI_ISOLATE = 1 << 4,     /* --isolate, --no-isolate, --timeout */
} CliOptionGroups;

/* One subcommand (tmux's cmd_entry): everything help, the man page and
 * dispatch need. Its options are file-scope in its own file: one command
 * runs per process. */
typedef struct cli_command {
  const char *name;
  const char *args;        /* the operands, as --help shows them: "[FILE...]" */
  const char *summary;     /* one line: `abridge help`, the man page */
  const char *description; /* under Usage in --help; may be NULL */
  const GOptionEntry *options; /* its own, NULL-terminated; may be NULL */
  guint groups;            /* CliOptionGroups it takes too */
  /* Runs with the options parsed and checked; OPERANDS is NULL-terminated. */
  int (*exec) (char **operands);
  /* Frees what parsing its options allocated, whether or not it ran; may
   * be NULL. */
  void (*clear) (void);
} cli_command;

extern const cli_command cli_cmd_summarize;
extern const cli_command cli_cmd_split;
extern const cli_command cli_cmd_extract;
extern const cli_command cli_cmd_plugins;
extern const cli_command cli_cmd_eval;
extern const cli_command cli_cmd_batch;
extern const cli_command cli_cmd_help;

/* Every command, the default (summarize) first; NULL-terminated. */
extern const cli_command *const cli_commands[];
/* The command named NAME, or NULL. */
const cli_command *cli_find_command (const char *name);

/* Parses a --ratio: a number in (0, 1], or N% with N in (0, 100]. */
gboolean cli_parse_ratio (const char *text, double *ratio);

/* The shared options, as parsed for the running command. */
typedef struct {
  char **plugin_dirs;
  gboolean allow_unsafe;
  char *input_format; /* "text", "html", "jsonl" or NULL (by name and content) */
  gint64 max_bytes;
  gint max_depth, max_attributes; /* web pages: --max-depth, --max-attributes */
  char *lang;         /* an ISO 639-1 code or "auto" (NULL: auto) */
  char *sentences, *words, *chars, *ratio; /* as given, NULL: not given */
  abridge_budget budget; /* checked: one at most, 3 sentences when none */
  gboolean help;         /* --help: show the command's help instead */
  gboolean isolate, no_isolate;
  char *timeout;         /* as given, NULL: not given */
  AbridgeIsolation isolation; /* checked: ALWAYS with --isolate or --timeout */
  double timeout_seconds;     /* checked: the default when not given */
} CliShared;
extern CliShared cli_shared;

/* Parses ARGV for COMMAND (its own options and groups) and checks the
 * shared ones; on success ARGV holds the operands after argv[0]. */
gboolean cli_parse_options (const cli_command *command, int *argc, char ***argv, GError **error);
/* The --help text of COMMAND (to g_free). */
char *cli_command_help (const cli_command *command);
/* Writes the --help of COMMAND to stdout; the exit status. */
int cli_show_help (const cli_command *command);
void cli_shared_clear (void);

/* "abridge: MESSAGE" on stderr. */
void cli_error (const char *fmt, ...) G_GNUC_PRINTF (1, 2);
/* Says ERROR's message with cli_error() and frees it; NULL: nothing. */
void cli_report (GError *error);

/* Checks --lang (NULL: not given): an unknown code is a usage error
 * listing the known ones; a language without stop words gets a warning. */
gboolean cli_lang_check (const char *lang, GError **error);

/* One article as the commands see it. */
typedef struct {
  const char *file;  /* the path given, "-" for stdin */
  const char *id;    /* a record's id, FILE:LINE, or the path */
  const char *title; /* a record's or page's title, or NULL */
  const char *text;
  gsize len;
  gboolean from_jsonl;
  const char *summary; /* a JSONL record's reference summary, or NULL */
  const char *lang;    /* --lang as given, "auto" by default */
  const abridge_item *item; /* the item read: a web page's metadata too */
} CliArticle;

/* Called for each article; returns FALSE and sets ERROR when it cannot be
 * handled (the run goes on with the next article). */
typedef gboolean (*CliArticleFunc) (const CliArticle *article, gpointer user_data, GError **error);

/* Reads FILES (NULL or empty: stdin) as the reader's rule says and calls
 * FUNC for each article, one after the other. Returns CLI_EXIT_OK, or
 * CLI_EXIT_INPUT when any input or article failed: each failure is
 * reported as "abridge: ID: what is wrong" and the rest still run. */
int cli_for_each_article (char **files, CliArticleFunc func, gpointer user_data);

/* The reader's options for FILES, as the shared options say. */
void cli_reader_options (char **files, abridge_reader_options *reader);

/* Checks --output OUTPUT (NULL: not given) against the inputs of READER:
 * a usage error when it is empty, is an input, or lies in an input
 * directory the next run would read it from. WHAT names what would be
 * written there ("the report"). */
gboolean cli_check_output (const abridge_reader_options *reader, const char *output,
                           const char *what, GError **error);

/* Says, for each of OPERANDS that is a URL ("https://...") and no file,
 * that abridge reads files and standard input, and how to fetch it;
 * whether there was any (nothing is read then: exit status 1). */
gboolean cli_refuse_urls (char **operands);

/* Writes OUT to stdout; returns FALSE after reporting a write error. */
gboolean cli_write (const GString *out);
/* Flushes stdout; returns FALSE after reporting a write error. */
gboolean cli_flush (void);
/* Writes OUT to stdout and flushes it: the exit status. */
int cli_print (const GString *out);

/* Loads the plugins (--plugin-dir, --allow-unsafe-plugins). NULL after
 * reporting a failure, with *STATUS its exit status: CLI_EXIT_NO_PLUGINS
 * when NEED_ONE and not one plugin was found, naming the directories
 * searched. */
abridge_registry *cli_registry (gboolean need_one, int *status);

/* "DIR, DIR": the directories REGISTRY searched, for a message; g_free(). */
char *cli_search_path_text (const abridge_registry *registry);

/* The exit status of an error from the library: 2 for a usage error. */
int cli_status_of (const GError *error);

#endif
