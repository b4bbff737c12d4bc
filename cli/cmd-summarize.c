/* abridge [FILE...]: the brief of each article. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct {
  abridge_engine *engine;
  abridge_budget budget;
  AbridgeOrder order;
  AbridgeFormat format;
  gboolean many;       /* several articles: headers in text, JSON Lines */
  guint keywords;      /* 0: none */
  guint done;
  gboolean write_failed;
} Run;

static gboolean
summarize_one (const CliArticle *article, gpointer user_data, GError **error)
{
  Run *run = user_data;
  abridge_document *doc = abridge_document_new_lang (article->text, article->len, article->title,
                                                      article->lang, error);
  if (doc == NULL)
    return FALSE;
  abridge_brief *brief = abridge_engine_summarize (run->engine, doc, &run->budget, run->order, error);
  if (brief == NULL)
    {
      abridge_document_free (doc);
      return FALSE;
    }

  if (run->keywords > 0)
    brief->keywords = abridge_document_keywords (doc, run->keywords);
  GString *out = g_string_new (NULL);
  abridge_source source = { article->file, article->from_jsonl ? article->id : NULL };
  if (run->format == ABRIDGE_FORMAT_TEXT && run->many)
    g_string_append_printf (out, "%s==> %s <==\n", run->done > 0 ? "\n" : "",
                            article->from_jsonl ? article->id : article->file);
  abridge_render_page (out, run->format, &source, article->page, doc,
                       abridge_engine_name (run->engine), brief);
  run->done++;
  if (!cli_write (out))
    run->write_failed = TRUE;
  g_string_free (out, TRUE);
  abridge_brief_free (brief);
  abridge_document_free (doc);
  return TRUE;
}

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
  Run run = { 0 };
  abridge_registry *registry = NULL;

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
  run.format = ABRIDGE_FORMAT_TEXT;
  if (format_name != NULL && !abridge_format_parse (format_name, &run.format))
    {
      g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--format must be text, json, jsonl or markdown, not '%s'", format_name);
      goto out;
    }
  run.order = ABRIDGE_ORDER_ARTICLE;
  if (order_name != NULL && strcmp (order_name, "score") == 0)
    run.order = ABRIDGE_ORDER_SCORE;
  else if (order_name != NULL && strcmp (order_name, "article") != 0)
    {
      g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--order must be article or score, not '%s'", order_name);
      goto out;
    }

  char **files = argv + 1;
  run.many = cli_many_articles (files, &input);
  if (run.many && run.format == ABRIDGE_FORMAT_JSON)
    run.format = ABRIDGE_FORMAT_JSONL; /* a stream of articles is a stream of lines */

  registry = cli_registry (input.plugin_dirs);
  if (registry == NULL)
    {
      status = CLI_EXIT_INPUT;
      goto out;
    }
  run.engine = abridge_engine_new (registry, plugins != NULL ? plugins : CLI_DEFAULT_PLUGINS,
                                   (const char *const *) options, &error);
  if (run.engine == NULL)
    {
      if (error->code != ABRIDGE_ERROR_USAGE)
        status = CLI_EXIT_INPUT;
      goto out;
    }

  status = cli_for_each_article (files, &input, summarize_one, &run);
  if (!cli_flush () || run.write_failed)
    status = CLI_EXIT_INPUT;

out:
  if (error != NULL)
    {
      cli_error ("%s", error->message);
      g_error_free (error);
    }
  abridge_engine_free (run.engine);
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
