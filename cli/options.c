/* Parsing a subcommand's options: its own from the command table, and
 * the groups of options several commands share. */
#include "config.h"

#include <string.h>

#include "cli.h"

CliShared cli_shared = {
  .max_bytes = (gint64) ABRIDGE_DEFAULT_MAX_BYTES,
  .max_depth = (gint) ABRIDGE_DEFAULT_MAX_DEPTH,
  .max_attributes = (gint) ABRIDGE_DEFAULT_MAX_ATTRIBUTES,
};

static const GOptionEntry plugin_dir_entries[] = {
  { "plugin-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &cli_shared.plugin_dirs,
    "Look for plugins in DIR first (repeatable)", "DIR" },
  { "allow-unsafe-plugins", 0, 0, G_OPTION_ARG_NONE, &cli_shared.allow_unsafe,
    "Load plugins that other users can write to (refused by default)", NULL },
  G_OPTION_ENTRY_NULL,
};

static const GOptionEntry input_entries[] = {
  { "input-format", 0, 0, G_OPTION_ARG_STRING, &cli_shared.input_format,
    "Read input as text, html or jsonl (default: by name and content)", "FORMAT" },
  { "max-bytes", 0, 0, G_OPTION_ARG_INT64, &cli_shared.max_bytes,
    "Refuse articles larger than N bytes (default 16 MiB)", "N" },
  { "max-depth", 0, 0, G_OPTION_ARG_INT, &cli_shared.max_depth,
    "Refuse web pages nesting elements deeper than N (default 512)", "N" },
  { "max-attributes", 0, 0, G_OPTION_ARG_INT, &cli_shared.max_attributes,
    "Refuse web pages with an element of more than N attributes (default 256)", "N" },
  G_OPTION_ENTRY_NULL,
};

static const GOptionEntry lang_entries[] = {
  { "lang", 0, 0, G_OPTION_ARG_STRING, &cli_shared.lang,
    "Articles are in language CODE (ISO 639-1), or auto: guessed per article (default)",
    "CODE" },
  G_OPTION_ENTRY_NULL,
};

static const GOptionEntry isolate_entries[] = {
  { "isolate", 0, 0, G_OPTION_ARG_NONE, &cli_shared.isolate,
    "Run the plugins in worker processes, even abridge's own: one that crashes, exits or hangs "
    "fails only its article (the default for plugins abridge does not ship)",
    NULL },
  { "no-isolate", 0, 0, G_OPTION_ARG_NONE, &cli_shared.no_isolate,
    "Run every plugin in the worker threads (a crash then ends the run; for a debugger)", NULL },
  { "timeout", 0, 0, G_OPTION_ARG_STRING, &cli_shared.timeout,
    "Stop an article after SECONDS in a worker process and fail it (default 60; 0: no limit); "
    "implies --isolate",
    "SECONDS" },
  G_OPTION_ENTRY_NULL,
};

static const GOptionEntry budget_entries[] = {
  { "sentences", 'n', 0, G_OPTION_ARG_STRING, &cli_shared.sentences,
    "Brief of N sentences (default 3)", "N" },
  { "words", 'w', 0, G_OPTION_ARG_STRING, &cli_shared.words, "Brief of at most N words", "N" },
  { "chars", 'c', 0, G_OPTION_ARG_STRING, &cli_shared.chars, "Brief of at most N characters",
    "N" },
  { "ratio", 'r', 0, G_OPTION_ARG_STRING, &cli_shared.ratio,
    "Brief of this share of the sentences, rounded up: 0.2 or 20%", "F|N%" },
  G_OPTION_ENTRY_NULL,
};

static const struct {
  CliOptionGroups group;
  const GOptionEntry *entries;
} groups[] = {
  { CLI_BUDGET, budget_entries },
  { CLI_INPUT, input_entries },
  { CLI_PLUGIN_DIRS, plugin_dir_entries },
  { CLI_LANG, lang_entries },
  { CLI_ISOLATE, isolate_entries },
};

/* --help is ours, not GOption's: GOption prints with g_print and exits 0
 * even when stdout is full. */
static gboolean want_help;
static const GOptionEntry help_entries[] = {
  { "help", 'h', 0, G_OPTION_ARG_NONE, &want_help, "Show this help", NULL },
  G_OPTION_ENTRY_NULL,
};

/* The commands, a line each, for the main --help and `abridge help`. */
static void
append_command_list (GString *out)
{
  g_string_append (out, "\n\nCommands:");
  for (const cli_command *const *c = cli_commands; *c != NULL; c++)
    {
      char *usage = g_strdup_printf ("abridge %s%s%s", *c == &cli_cmd_summarize ? "" : (*c)->name,
                                     *c == &cli_cmd_summarize ? "" : " ", (*c)->args);
      g_string_append_printf (out, "\n  %-34s %s", usage, (*c)->summary);
      g_free (usage);
    }
}

static GOptionContext *
context_for (const cli_command *command)
{
  GOptionContext *ctx = g_option_context_new (command->args);
  g_option_context_set_help_enabled (ctx, FALSE);
  g_option_context_add_main_entries (ctx, help_entries, NULL);
  GString *summary = g_string_new (command->summary);
  if (command->description != NULL)
    g_string_append_printf (summary, "\n\n%s", command->description);
  if (command == &cli_cmd_summarize)
    append_command_list (summary);
  g_option_context_set_summary (ctx, summary->str);
  g_string_free (summary, TRUE);
  if (command->options != NULL)
    g_option_context_add_main_entries (ctx, command->options, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (groups); i++)
    if (command->groups & groups[i].group)
      g_option_context_add_main_entries (ctx, groups[i].entries, NULL);
  return ctx;
}

/* GOption's usage line names g_get_prgname(): "abridge split" for a
 * subcommand, while its options are parsed or its help is made. */
static void
name_program (const cli_command *command)
{
  if (command == &cli_cmd_summarize)
    g_set_prgname ("abridge");
  else
    {
      char *name = g_strdup_printf ("abridge %s", command->name);
      g_set_prgname (name);
      g_free (name);
    }
}

char *
cli_command_help (const cli_command *command)
{
  name_program (command);
  GOptionContext *ctx = context_for (command);
  char *help = g_option_context_get_help (ctx, TRUE, NULL);
  g_option_context_free (ctx);
  g_set_prgname ("abridge");
  /* GOption writes "[OPTION…]" in a UTF-8 locale; ASCII reads the same
   * on every terminal and in the man page ("…" and "..." are both three
   * bytes). */
  char *ellipsis = strstr (help, "[OPTION…]");
  if (ellipsis != NULL)
    memcpy (ellipsis + strlen ("[OPTION"), "...", 3);
  return help;
}

/* A budget count: a whole number from 1 up, nothing else. */
static gboolean
parse_count (const char *name, const char *text, guint *n, GError **error)
{
  guint64 value;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT32, &value, NULL))
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "%s must be a whole number of at least 1, not '%s'", name, text);
      return FALSE;
    }
  *n = (guint) value;
  return TRUE;
}

gboolean
cli_parse_ratio (const char *text, double *ratio)
{
  /* N%, as OTS's -r takes it: a share of N hundredths. */
  gsize len = strlen (text);
  gboolean percent = len > 0 && text[len - 1] == '%';
  char *number = g_strndup (text, percent ? len - 1 : len);
  char *end = NULL;
  double value = g_ascii_strtod (number, &end);
  /* Written so that NaN fails too. */
  gboolean ok = end != number && *end == '\0' && !g_ascii_isspace (number[0]);
  g_free (number);
  if (percent)
    value /= 100;
  if (!ok || !(value > 0 && value <= 1))
    return FALSE;
  *ratio = value;
  return TRUE;
}

static gboolean
parse_budget (const CliShared *opts, abridge_budget *budget, GError **error)
{
  int given = (opts->sentences != NULL) + (opts->words != NULL) + (opts->chars != NULL)
              + (opts->ratio != NULL);
  if (given > 1)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "choose one budget: -n, -w, -c or -r");
      return FALSE;
    }
  *budget = (abridge_budget) { ABRIDGE_BUDGET_SENTENCES, 3, 0 };
  if (opts->sentences != NULL)
    return parse_count ("--sentences", opts->sentences, &budget->n, error);
  if (opts->words != NULL)
    {
      budget->kind = ABRIDGE_BUDGET_WORDS;
      return parse_count ("--words", opts->words, &budget->n, error);
    }
  if (opts->chars != NULL)
    {
      budget->kind = ABRIDGE_BUDGET_CHARS;
      return parse_count ("--chars", opts->chars, &budget->n, error);
    }
  if (opts->ratio != NULL)
    {
      budget->kind = ABRIDGE_BUDGET_RATIO;
      if (!cli_parse_ratio (opts->ratio, &budget->ratio))
        {
          g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                       "--ratio must be a number in (0, 1] or a percentage in (0%%, 100%%] "
                       "(0.2 or 20%%), not '%s'",
                       opts->ratio);
          return FALSE;
        }
    }
  return TRUE;
}

/* --isolate, --no-isolate, --timeout into the batch's isolation and time
 * limit. */
static gboolean
parse_isolation (CliShared *opts, GError **error)
{
  opts->isolation = ABRIDGE_ISOLATE_AUTO;
  opts->timeout_seconds = ABRIDGE_DEFAULT_TIMEOUT;
  if (opts->timeout != NULL)
    {
      char *end = NULL;
      double t = g_ascii_strtod (opts->timeout, &end);
      /* written so that NaN fails too */
      if (end == opts->timeout || *end != '\0' || !(t >= 0 && t <= 1e6))
        {
          g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                       "--timeout must be a number of seconds from 0 (no limit) to 1000000, not "
                       "'%s'",
                       opts->timeout);
          return FALSE;
        }
      opts->timeout_seconds = t;
    }
  if (opts->no_isolate && (opts->isolate || opts->timeout != NULL))
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--no-isolate runs plugins in threads, which cannot be stopped: not with "
                   "--isolate or --timeout");
      return FALSE;
    }
  if (opts->isolate || opts->timeout != NULL)
    opts->isolation = ABRIDGE_ISOLATE_ALWAYS;
  else if (opts->no_isolate)
    opts->isolation = ABRIDGE_ISOLATE_NEVER;
  return TRUE;
}

static gboolean
check_shared (const cli_command *command, GError **error)
{
  AbridgeInputFormat format;
  if (cli_shared.input_format != NULL && !abridge_input_format_parse (cli_shared.input_format, &format))
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--input-format must be text, html or jsonl, not '%s'", cli_shared.input_format);
      return FALSE;
    }
  if (cli_shared.max_bytes <= 0)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE, "--max-bytes must be positive");
      return FALSE;
    }
  if (cli_shared.max_depth <= 0 || cli_shared.max_attributes <= 0)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--max-depth and --max-attributes must be positive");
      return FALSE;
    }
  return cli_lang_check (cli_shared.lang, error)
         && (!(command->groups & CLI_BUDGET) || parse_budget (&cli_shared, &cli_shared.budget, error))
         && (!(command->groups & CLI_ISOLATE) || parse_isolation (&cli_shared, error));
}

gboolean
cli_parse_options (const cli_command *command, int *argc, char ***argv, GError **error)
{
  name_program (command);
  GOptionContext *ctx = context_for (command);
  gboolean ok = g_option_context_parse (ctx, argc, argv, error);
  g_option_context_free (ctx);
  g_set_prgname ("abridge");
  cli_shared.help = want_help;
  return ok && (want_help || check_shared (command, error));
}

gboolean
cli_lang_check (const char *lang, GError **error)
{
  if (lang == NULL)
    return TRUE;
  if (!abridge_language_check (lang, error))
    {
      g_prefix_error (error, "--lang: ");
      return FALSE;
    }
  if (strcmp (lang, "auto") != 0 && !abridge_language_has_stopwords (lang))
    cli_error ("warning: no stop-word list for '%s': every word counts as a content word", lang);
  return TRUE;
}

void
cli_shared_clear (void)
{
  g_clear_pointer (&cli_shared.plugin_dirs, g_strfreev);
  char **strings[] = { &cli_shared.input_format, &cli_shared.lang, &cli_shared.sentences,
                       &cli_shared.words, &cli_shared.chars, &cli_shared.ratio,
                       &cli_shared.timeout };
  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
}
