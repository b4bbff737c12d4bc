/* abridge batch: many articles in, one report out, on every core. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Exit status when some articles failed but the report was written. */
#define CLI_EXIT_SOME_FAILED 3

static gboolean
parse_choice (const char *option, const char *value, const char *const *names, int *out,
              GError **error)
{
  for (int i = 0; names[i] != NULL; i++)
    if (strcmp (value, names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  char *choices = g_strjoinv (", ", (char **) names);
  g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE, "%s must be one of %s, not '%s'",
               option, choices, value);
  g_free (choices);
  return FALSE;
}

static char *
describe_budget (const abridge_budget *b)
{
  switch (b->kind)
    {
    case ABRIDGE_BUDGET_WORDS: return g_strdup_printf ("at most %u words", b->n);
    case ABRIDGE_BUDGET_CHARS: return g_strdup_printf ("at most %u characters", b->n);
    case ABRIDGE_BUDGET_RATIO:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup_printf ("%s of the sentences", g_ascii_formatd (buf, sizeof buf, "%g", b->ratio));
      }
    default: return g_strdup_printf ("%u sentence%s", b->n, b->n == 1 ? "" : "s");
    }
}

/* "I/K" with 0 <= I < K. */
static gboolean
parse_shard (const char *text, guint *index, guint *count, GError **error)
{
  guint64 i, k;
  char **parts = g_strsplit (text, "/", 3);
  gboolean ok = g_strv_length (parts) == 2
                && g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT32, &i, NULL)
                && g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXUINT32, &k, NULL) && i < k;
  g_strfreev (parts);
  if (!ok)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--shard must be I/K with 0 <= I < K (e.g. 0/4), not '%s'", text);
      return FALSE;
    }
  *index = (guint) i;
  *count = (guint) k;
  return TRUE;
}

int
cmd_batch (int argc, char **argv)
{
  CliBudgetOptions budget_opts = { 0 };
  CliInputOptions input = { NULL, NULL, (gint64) ABRIDGE_DEFAULT_MAX_BYTES, NULL };
  char *plugins = NULL, *report_name = NULL, *output = NULL, *group = NULL, *sort = NULL;
  char *glob = NULL, *title = NULL, *shard = NULL;
  char **options = NULL;
  gint threads = 0, keywords = 0;
  gboolean quiet = FALSE, timestamp = FALSE, merge = FALSE;
  GOptionEntry entries[] = {
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &threads, "Worker threads (default: one per core)", "N" },
    { "report", 'R', 0, G_OPTION_ARG_STRING, &report_name,
      "markdown (default), html, json or jsonl", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the report to FILE (default stdout)",
      "FILE" },
    { "plugin", 'p', 0, G_OPTION_ARG_STRING, &plugins,
      "Plugins to rank with (default " CLI_DEFAULT_PLUGINS ")", "NAME[+NAME]" },
    { "option", 'O', 0, G_OPTION_ARG_STRING_ARRAY, &options, "Set a plugin option (repeatable)",
      "PLUGIN.KEY=VALUE" },
    CLI_BUDGET_ENTRIES (&budget_opts),
    { "keywords", 'k', 0, G_OPTION_ARG_INT, &keywords, "Report each article's N top keywords", "N" },
    { "glob", 0, 0, G_OPTION_ARG_STRING, &glob,
      "Take only files matching PATTERN from directories (e.g. '*.txt')", "PATTERN" },
    { "group-by", 0, 0, G_OPTION_ARG_STRING, &group, "Group articles by source or date", "KEY" },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort, "Order articles by input (default), title or date",
      "KEY" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, "The report's title", "TEXT" },
    { "timestamp", 0, 0, G_OPTION_ARG_NONE, &timestamp,
      "Put the date and the run's duration in the report (it is then not reproducible)", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress line", NULL },
    { "shard", 0, 0, G_OPTION_ARG_STRING, &shard,
      "Summarize only articles N with N mod K = I (0 <= I < K): one job of a sharded run", "I/K" },
    { "merge", 0, 0, G_OPTION_ARG_NONE, &merge,
      "Inputs are shards' results (--shard ... --report jsonl): merge them into one report",
      NULL },
    G_OPTION_ENTRY_NULL,
  };
  const char *summary
      = "Summarizes every article of the inputs -- text files, directories (recursively),\n"
        "JSONL corpora ({\"id\",\"title\",\"text\",…} a line; \"source\", \"date\", \"url\" kept),\n"
        "'-' for standard input -- on all cores, into one report, in input order.\n"
        "A bad article is listed as failed and never stops the run.\n"
        "A run split over machines: each job runs with --shard I/K --report jsonl on the\n"
        "same inputs; --merge with the same options then turns the K results files into\n"
        "the report a single run would have written (contrib/slurm/ does it with Slurm).\n"
        "\n"
        "Exit status: 0 when every article was summarized, 3 when some failed,\n"
        "1 when the report could not be written, 2 on a usage error.";

  GError *error = NULL;
  int status = CLI_EXIT_USAGE;
  abridge_registry *registry = NULL;
  abridge_report *report = NULL;
  char *budget_text = NULL, *stamp = NULL;
  abridge_batch_options bo = { 0 };
  abridge_report_options ro = { 0 };

  static const char *const formats[] = { "markdown", "html", "json", "jsonl", NULL };
  static const char *const groups[] = { "none", "source", "date", NULL };
  static const char *const sorts[] = { "input", "title", "date", NULL };
  int format_i = 0, group_i = 0, sort_i = 0;

  if (!cli_parse (&argc, &argv, "[FILE|DIR|CORPUS.jsonl|-]...", summary, entries,
                  cli_input_entries (&input), &error)
      || !cli_input_check (&input, &error) || !cli_parse_budget (&budget_opts, &bo.budget, &error)
      || (report_name != NULL && !parse_choice ("--report", report_name, formats, &format_i, &error))
      || (group != NULL && !parse_choice ("--group-by", group, groups, &group_i, &error))
      || (sort != NULL && !parse_choice ("--sort", sort, sorts, &sort_i, &error)))
    goto out;
  if (threads < 0 || threads > 1024 || keywords < 0 || keywords > 1000)
    {
      g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--jobs must be 1 to 1024 and --keywords 0 to 1000");
      goto out;
    }
  cli_reader_options (&input, argv + 1, &bo.input);
  bo.input.glob = glob;
  if (shard != NULL && !parse_shard (shard, &bo.input.shard_index, &bo.input.shard_count, &error))
    goto out;
  /* A shard's results are merged by article number: they must be JSONL in
   * input order; grouping and sorting are the merge's to do. */
  if (shard != NULL && (format_i != ABRIDGE_REPORT_JSONL || group_i != 0 || sort_i != 0))
    {
      g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--shard writes results for --merge: use --report jsonl, and give --group-by "
                   "and --sort to --merge");
      goto out;
    }
  if (merge && (shard != NULL || argc < 2))
    {
      g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--merge takes the shards' results files, and no --shard");
      goto out;
    }

  registry = merge ? NULL : cli_registry (input.plugin_dirs);
  if (registry == NULL && !merge)
    {
      status = CLI_EXIT_INPUT;
      goto out;
    }

  budget_text = describe_budget (&bo.budget);
  if (timestamp)
    {
      GDateTime *now = g_date_time_new_now_utc ();
      stamp = g_date_time_format_iso8601 (now);
      g_date_time_unref (now);
    }
  ro = (abridge_report_options) {
    .format = (AbridgeReportFormat) format_i, .group_by = (AbridgeReportGroup) group_i,
    .sort = (AbridgeReportSort) sort_i, .title = title,
    .plugin = plugins != NULL ? plugins : CLI_DEFAULT_PLUGINS, .budget = budget_text,
    .timestamp = stamp,
  };
  report = abridge_report_new (&ro, &error);
  if (report == NULL)
    {
      status = CLI_EXIT_INPUT;
      goto out;
    }

  bo.lang = input.lang;
  bo.empty_fails = TRUE;
  bo.threads = threads > 0 ? (guint) threads : g_get_num_processors ();
  bo.plugins = ro.plugin;
  bo.options = (const char *const *) options;
  bo.keywords = (guint) keywords;
  bo.progress = !quiet && isatty (STDERR_FILENO);

  abridge_batch_stats stats = { 0 };
  if (merge)
    {
      if (!abridge_report_merge (report, argv + 1, (gsize) input.max_bytes, &stats.articles,
                                 &stats.failures, &error))
        {
          status = CLI_EXIT_INPUT;
          goto out;
        }
      stats.seconds = NAN;
    }
  else if (!abridge_batch_run (registry, &bo, report, &stats, &error))
    {
      status = g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE) ? CLI_EXIT_USAGE
                                                                           : CLI_EXIT_INPUT;
      goto out;
    }
  gboolean written = abridge_report_finish (g_steal_pointer (&report),
                                            output != NULL ? output : "-", stats.seconds, &error);
  if (!written)
    status = CLI_EXIT_INPUT;
  else
    status = stats.failures > 0 ? CLI_EXIT_SOME_FAILED : CLI_EXIT_OK;

out:
  if (error != NULL)
    {
      cli_error ("%s", error->message);
      g_error_free (error);
    }
  abridge_report_free (report);
  abridge_registry_free (registry);
  cli_budget_options_clear (&budget_opts);
  g_strfreev (input.plugin_dirs);
  g_free (input.input_format);
  g_free (input.lang);
  g_strfreev (options);
  g_free (plugins);
  g_free (report_name);
  g_free (output);
  g_free (group);
  g_free (sort);
  g_free (glob);
  g_free (title);
  g_free (shard);
  g_free (budget_text);
  g_free (stamp);
  return status;
}
