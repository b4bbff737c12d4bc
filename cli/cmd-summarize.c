/* abridge [FILE...]: the brief of each article. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

int
cmd_summarize (int argc, char **argv)
{
  CliBudgetOptions budget = { 0 };
  char *plugins = NULL, *format_name = NULL, *order_name = NULL;
  char **options = NULL;
  gboolean version = FALSE;
  gint keywords = 0;
  CliInputOptions input = { NULL, NULL, (gint64) ABRIDGE_DEFAULT_MAX_BYTES, NULL };
  GOptionEntry entries[] = {
    CLI_BUDGET_ENTRIES (&budget),
    { "plugin", 'p', 0, G_OPTION_ARG_STRING, &plugins,
      "Plugins to rank with, fused by rank: lead+frequency, lead:2,frequency (default " CLI_DEFAULT_PLUGINS ")",
      "NAME[,NAME]" },
    { "option", 'O', 0, G_OPTION_ARG_STRING_ARRAY, &options, "Set a plugin option (repeatable)",
      "PLUGIN.KEY=VALUE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      "Output as text, json, jsonl or markdown (default text)", "FORMAT" },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order_name,
      "Order the brief by article (default) or score", "ORDER" },
    { "keywords", 'k', 0, G_OPTION_ARG_INT, &keywords,
      "Also report the article's N top keywords", "N" },
    { "version", 'V', 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    G_OPTION_ENTRY_NULL,
  };
  const char *summary
      = "Writes a short extractive brief of each news article: whole sentences, in\n"
        "article order, without page furniture. FILE may be - for standard input;\n"
        "*.jsonl files hold one {\"id\",\"title\",\"text\"} article a line; web pages\n"
        "(HTML, found by their content) are summarized from their main text.\n"
        "\n"
        "Commands:\n"
        "  abridge [OPTION...] [FILE...]   summarize (the default)\n"
        "  abridge split [FILE|-]          one sentence a line\n"
        "  abridge extract [FILE|-]        a web page's article text\n"
        "  abridge plugins [--verbose]     the plugins found\n"
        "  abridge eval CORPUS.jsonl...    ROUGE against human summaries\n"
        "  abridge batch INPUT...          many articles into one report\n"
        "\n"
        "Exit status: 0 on success, 1 when an input could not be summarized,\n"
        "2 on a usage error.";

  GError *error = NULL;
  int status = CLI_EXIT_USAGE;
  abridge_batch_options run = { .threads = 1 };
  AbridgeFormat format = ABRIDGE_FORMAT_TEXT;
  abridge_registry *registry = NULL;
  abridge_report *report = NULL;

  if (!cli_parse (&argc, &argv, "[FILE...]", summary, entries, cli_input_entries (&input), &error)
      || !cli_input_check (&input, &error)
      || !cli_parse_budget (&budget, &run.budget, &error))
    goto out;
  if (version)
    {
      GString *text = g_string_new (NULL);
      g_string_printf (text, "abridge %s (plugin ABI %u.%u)\n", PACKAGE_VERSION,
                       ABRIDGE_ABI_MAJOR, ABRIDGE_ABI_MINOR);
      status = cli_write (text) && cli_flush () ? CLI_EXIT_OK : CLI_EXIT_INPUT;
      g_string_free (text, TRUE);
      goto out;
    }
  if (keywords < 0 || keywords > 1000)
    {
      g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE, "--keywords must be 0 to 1000");
      goto out;
    }
  run.keywords = (guint) keywords;
  if (format_name != NULL && !abridge_format_parse (format_name, &format))
    {
      g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--format must be text, json, jsonl or markdown, not '%s'", format_name);
      goto out;
    }
  if (order_name != NULL && strcmp (order_name, "score") == 0)
    run.order = ABRIDGE_ORDER_SCORE;
  else if (order_name != NULL && strcmp (order_name, "article") != 0)
    {
      g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--order must be article or score, not '%s'", order_name);
      goto out;
    }

  /* A batch of one worker whose report is the briefs, written as they
   * are made: the same reading, documents and writers as `abridge batch`. */
  char **files = argv + 1;
  cli_reader_options (&input, files, &run.input);
  abridge_report_options briefs = {
    .format = abridge_format_briefs (format),
    .briefs = TRUE,
    .briefs_to = "-",
    .many = abridge_read_is_many (&run.input),
  };
  if (briefs.many && briefs.format == ABRIDGE_REPORT_JSON)
    briefs.format = ABRIDGE_REPORT_JSONL; /* a stream of articles is a stream of lines */
  run.plugins = plugins != NULL ? plugins : CLI_DEFAULT_PLUGINS;
  run.options = (const char *const *) options;
  run.lang = input.lang;

  registry = cli_registry (input.plugin_dirs);
  if (registry == NULL)
    {
      status = CLI_EXIT_INPUT;
      goto out;
    }
  report = abridge_report_new (&briefs, &error);
  abridge_batch_stats stats = { 0 };
  if (report == NULL || !abridge_batch_run (registry, &run, report, &stats, &error))
    {
      if (!g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE))
        status = CLI_EXIT_INPUT;
      goto out;
    }
  status = stats.failures > 0 ? CLI_EXIT_INPUT : CLI_EXIT_OK;
  if (!abridge_report_finish (g_steal_pointer (&report), NULL, 0, &error))
    status = CLI_EXIT_INPUT;

out:
  if (error != NULL)
    {
      cli_error ("%s", error->message);
      g_error_free (error);
    }
  abridge_report_free (report);
  abridge_registry_free (registry);
  g_strfreev (options);
  cli_budget_options_clear (&budget);
  g_strfreev (input.plugin_dirs);
  g_free (input.input_format);
  g_free (input.lang);
  g_free (plugins);
  g_free (format_name);
  g_free (order_name);
  return status;
}
