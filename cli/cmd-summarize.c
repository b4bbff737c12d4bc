/* abridge [FILE...]: the brief of each article. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Keywords -f keywords prints when -k does not say how many. */
#define DEFAULT_KEYWORDS 10

static struct {
  char *plugins, *format, *order, *output;
  char **options;
  gboolean version, html;
  gint keywords;
} o;

static const GOptionEntry entries[] = {
  { "plugin", 'p', 0, G_OPTION_ARG_STRING, &o.plugins,
    "Plugins to rank with, fused by rank: lead+frequency, lead:2+frequency (default "
    ABRIDGE_DEFAULT_PLUGINS ")", "NAME[+NAME]" },
  { "option", 'O', 0, G_OPTION_ARG_STRING_ARRAY, &o.options, "Set a plugin option (repeatable)",
    "PLUGIN.KEY=VALUE" },
  { "format", 'f', 0, G_OPTION_ARG_STRING, &o.format,
    "Output as text, json, jsonl, markdown, html (the whole article, the brief marked) or "
    "keywords (one a line) (default text)",
    "FORMAT" },
  { "html", 0, 0, G_OPTION_ARG_NONE, &o.html, "Same as -f html (OTS's --html)", NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
    "Write to FILE, replaced only once complete (default stdout)", "FILE" },
  { "order", 0, 0, G_OPTION_ARG_STRING, &o.order, "Order the brief by article (default) or score",
    "ORDER" },
  { "keywords", 'k', 0, G_OPTION_ARG_INT, &o.keywords,
    "Also report the article's N top keywords (-f keywords: " G_STRINGIFY (DEFAULT_KEYWORDS) ")",
    "N" },
  { "version", 'V', 0, G_OPTION_ARG_NONE, &o.version, "Print the version and exit", NULL },
  G_OPTION_ENTRY_NULL,
};

static int
print_version (void)
{
  GString *text = g_string_new (NULL);
  g_string_printf (text, "abridge %s (plugin ABI %u.%u)\n", PACKAGE_VERSION, ABRIDGE_ABI_MAJOR,
                   ABRIDGE_ABI_MINOR);
  int status = cli_print (text);
  g_string_free (text, TRUE);
  return status;
}

/* The batch options from the command line; FALSE on a usage error. */
static gboolean
batch_options (abridge_batch_options *run, AbridgeFormat *format, GError **error)
{
  *run = (abridge_batch_options) {
    .threads = 1,
    .plugins = o.plugins != NULL ? o.plugins : ABRIDGE_DEFAULT_PLUGINS,
    .options = (const char *const *) o.options,
    .budget = cli_shared.budget,
    .lang = cli_shared.lang,
    .isolate = cli_shared.isolation,
    .timeout = cli_shared.timeout_seconds,
  };
  if (o.keywords < 0 || o.keywords > 1000)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE, "--keywords must be 0 to 1000");
      return FALSE;
    }
  run->keywords = (guint) o.keywords;
  *format = o.html ? ABRIDGE_FORMAT_HTML : ABRIDGE_FORMAT_TEXT;
  if (o.format != NULL && !abridge_format_parse (o.format, format))
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--format must be text, json, jsonl, markdown, html or keywords, not '%s'",
                   o.format);
      return FALSE;
    }
  if (o.html && *format != ABRIDGE_FORMAT_HTML)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--html is -f html: not with -f %s", o.format);
      return FALSE;
    }
  if (*format == ABRIDGE_FORMAT_KEYWORDS && run->keywords == 0)
    run->keywords = DEFAULT_KEYWORDS;
  if (o.order != NULL && strcmp (o.order, "score") == 0)
    run->order = ABRIDGE_ORDER_SCORE;
  else if (o.order != NULL && strcmp (o.order, "article") != 0)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--order must be article or score, not '%s'", o.order);
      return FALSE;
    }
  return TRUE;
}

/* A batch of one worker whose report is the briefs, written as they are
 * made: the same reading, documents and writers as `abridge batch`. */
static int
summarize (abridge_batch_options *run, AbridgeFormat format, char **files, GError **error)
{
  cli_reader_options (files, &run->input);
  if (!cli_check_output (&run->input, o.output, "the brief", error))
    return CLI_EXIT_USAGE;
  abridge_report_options briefs = {
    .format = abridge_format_briefs (format),
    .briefs = TRUE,
    .briefs_to = o.output != NULL ? o.output : "-",
    .many = abridge_read_is_many (&run->input),
  };
  if (briefs.many && briefs.format == ABRIDGE_REPORT_JSON)
    briefs.format = ABRIDGE_REPORT_JSONL; /* a stream of articles is a stream of lines */
  /* One article: a plugin that crashes takes abridge down, saying which
   * (abridge_report_plugin_crashes()); several: as in batch, it fails only
   * its article. */
  if (!briefs.many && run->isolate == ABRIDGE_ISOLATE_AUTO)
    run->isolate = ABRIDGE_ISOLATE_NEVER;

  /* An option that cannot work is said before any plugin is loaded. */
  if (briefs.format == ABRIDGE_REPORT_PAGE && briefs.many)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "-f html shows one article as a page: give one file (batch -R html reports "
                   "many)");
      return CLI_EXIT_USAGE;
    }
  int status;
  abridge_registry *registry = cli_registry (TRUE, &status);
  if (registry == NULL)
    return status;
  abridge_report *report = abridge_report_new (&briefs, error);
  abridge_batch_stats stats = { 0 };
  if (report == NULL || !abridge_batch_run (registry, run, report, &stats, error))
    status = cli_status_of (*error);
  else
    {
      status = stats.failures > 0 ? CLI_EXIT_INPUT : CLI_EXIT_OK;
      if (stats.articles + stats.failures == 0)
        {
          cli_error ("no articles in the input");
          status = CLI_EXIT_INPUT;
        }
      if (!abridge_report_finish (g_steal_pointer (&report), NULL, 0, error))
        status = CLI_EXIT_INPUT;
    }
  abridge_report_free (report);
  abridge_registry_free (registry);
  return status;
}

static int
summarize_exec (char **files)
{
  GError *error = NULL;
  abridge_batch_options run;
  AbridgeFormat format;
  int status;
  if (o.version)
    status = print_version ();
  else if (!batch_options (&run, &format, &error))
    status = CLI_EXIT_USAGE;
  else if (cli_refuse_urls (files))
    status = CLI_EXIT_INPUT;
  else
    {
      /* At a terminal, what looks like a hang is abridge waiting for the
       * article: say so, and how to end it. */
      if (files[0] == NULL && isatty (STDIN_FILENO))
        cli_error ("reading an article from standard input: type or paste it, then Ctrl-D on "
                   "a line of its own (abridge --help for more)");
      status = summarize (&run, format, files, &error);
    }
  cli_report (error);
  return status;
}

static void
summarize_clear (void)
{
  g_strfreev (o.options);
  g_free (o.plugins);
  g_free (o.format);
  g_free (o.order);
  g_free (o.output);
}

const cli_command cli_cmd_summarize = {
  .name = "summarize",
  .args = "[FILE...]",
  .summary = "Writes a short extractive brief of each news article.",
  .description
  = "Whole sentences, in article order, without page furniture. FILE may be - for\n"
    "standard input; *.jsonl files (and standard input that starts with '{') hold\n"
    "one {\"id\",\"title\",\"text\"} article a line; a directory is every file in it;\n"
    "web pages (HTML, found by their content) are summarized from their main text.\n"
    "\n"
    "Several articles with a plugin abridge does not ship: it runs in a worker\n"
    "process, and one that crashes, exits or hangs fails only its article.\n"
    "\n"
    "An empty or blank input is an error (\"no text\"). A URL is not read: fetch\n"
    "it first (curl -s URL | abridge -).\n"
    "\n"
    "Exit status: 0 on success, 1 when an input could not be summarized,\n"
    "2 on a usage error, 4 when no plugin was found.",
  .options = entries,
  .groups = CLI_BUDGET | CLI_INPUT | CLI_PLUGIN_DIRS | CLI_LANG | CLI_ISOLATE,
  .exec = summarize_exec,
  .clear = summarize_clear,
};
