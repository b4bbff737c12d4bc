/* abridge batch: many articles in, one report out, on every core. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

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

static struct {
  char *plugins, *report, *output, *group, *sort, *glob, *title, *shard;
  char **options;
  gint threads, keywords;
  gboolean quiet, timestamp, merge;
} o;

static const GOptionEntry entries[] = {
  { "jobs", 'j', 0, G_OPTION_ARG_INT, &o.threads, "Worker threads (default: one per core)", "N" },
  { "report", 'R', 0, G_OPTION_ARG_STRING, &o.report,
    "markdown (default), html, json or jsonl", "FORMAT" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, "Write the report to FILE (default stdout)",
    "FILE" },
  { "plugin", 'p', 0, G_OPTION_ARG_STRING, &o.plugins,
    "Plugins to rank with, fused by rank: lead+frequency (default " ABRIDGE_DEFAULT_PLUGINS ")",
    "NAME[+NAME]" },
  { "option", 'O', 0, G_OPTION_ARG_STRING_ARRAY, &o.options, "Set a plugin option (repeatable)",
    "PLUGIN.KEY=VALUE" },
  { "keywords", 'k', 0, G_OPTION_ARG_INT, &o.keywords, "Report each article's N top keywords",
    "N" },
  { "glob", 0, 0, G_OPTION_ARG_STRING, &o.glob,
    "Take only files matching PATTERN from directories (e.g. '*.txt')", "PATTERN" },
  { "group-by", 0, 0, G_OPTION_ARG_STRING, &o.group, "Group articles by source or date", "KEY" },
  { "sort", 0, 0, G_OPTION_ARG_STRING, &o.sort, "Order articles by input (default), title or date",
    "KEY" },
  { "title", 0, 0, G_OPTION_ARG_STRING, &o.title, "The report's title", "TEXT" },
  { "timestamp", 0, 0, G_OPTION_ARG_NONE, &o.timestamp,
    "Put the date and the run's duration in the report (it is then not reproducible)", NULL },
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, "No progress line", NULL },
  { "shard", 0, 0, G_OPTION_ARG_STRING, &o.shard,
    "Summarize only articles N with N mod K = I (0 <= I < K): one job of a sharded run", "I/K" },
  { "merge", 0, 0, G_OPTION_ARG_NONE, &o.merge,
    "Inputs are shards' results (--shard ... --report jsonl): merge them into one report",
    NULL },
  G_OPTION_ENTRY_NULL,
};

/* The report's and the run's options from the command line; FALSE on a
 * usage error. */
static gboolean
batch_options (char **inputs, abridge_report_options *ro, abridge_batch_options *bo,
               GError **error)
{
  static const char *const formats[] = { "markdown", "html", "json", "jsonl", NULL };
  static const char *const groups[] = { "none", "source", "date", NULL };
  static const char *const sorts[] = { "input", "title", "date", NULL };
  int format_i = 0, group_i = 0, sort_i = 0;
  if ((o.report != NULL && !parse_choice ("--report", o.report, formats, &format_i, error))
      || (o.group != NULL && !parse_choice ("--group-by", o.group, groups, &group_i, error))
      || (o.sort != NULL && !parse_choice ("--sort", o.sort, sorts, &sort_i, error)))
    return FALSE;
  if (o.threads < 0 || o.threads > 1024 || o.keywords < 0 || o.keywords > 1000)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--jobs must be 1 to 1024 and --keywords 0 to 1000");
      return FALSE;
    }
  *bo = (abridge_batch_options) {
    .threads = o.threads > 0 ? (guint) o.threads : g_get_num_processors (),
    .plugins = o.plugins != NULL ? o.plugins : ABRIDGE_DEFAULT_PLUGINS,
    .options = (const char *const *) o.options,
    .budget = cli_shared.budget,
    .keywords = (guint) o.keywords,
    .progress = !o.quiet && isatty (STDERR_FILENO),
    .lang = cli_shared.lang,
    .empty_fails = TRUE,
    .isolate = cli_shared.isolation,
    .timeout = cli_shared.timeout_seconds,
  };
  cli_reader_options (inputs, &bo->input);
  bo->input.glob = o.glob;
  if (o.shard != NULL
      && !parse_shard (o.shard, &bo->input.shard_index, &bo->input.shard_count, error))
    return FALSE;
  /* A shard's results are merged by article number: they must be JSONL in
   * input order; grouping and sorting are the merge's to do. */
  if (o.shard != NULL && (format_i != ABRIDGE_REPORT_JSONL || group_i != 0 || sort_i != 0))
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--shard writes results for --merge: use --report jsonl, and give --group-by "
                   "and --sort to --merge");
      return FALSE;
    }
  if (o.merge && (o.shard != NULL || inputs[0] == NULL))
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--merge takes the shards' results files, and no --shard");
      return FALSE;
    }
  if (!cli_check_output (&bo->input, o.output, "the report", error))
    return FALSE;
  *ro = (abridge_report_options) {
    .format = (AbridgeReportFormat) format_i,
    .group_by = (AbridgeReportGroup) group_i,
    .sort = (AbridgeReportSort) sort_i,
    .title = o.title,
    .plugin = bo->plugins,
  };
  return TRUE;
}

/* Summarizes (or merges) INPUTS into REPORT and writes it. */
static int
run (char **inputs, abridge_report *report, abridge_batch_options *bo, GError **error)
{
  abridge_batch_stats stats = { 0 };
  if (o.merge)
    {
      if (!abridge_report_merge (report, inputs, (gsize) cli_shared.max_bytes, &stats.articles,
                                 &stats.failures, error))
        {
          abridge_report_free (report);
          return CLI_EXIT_INPUT;
        }
      stats.seconds = NAN;
    }
  else
    {
      int status = CLI_EXIT_OK;
      abridge_registry *registry = cli_registry (TRUE, &status);
      gboolean ok = registry != NULL && abridge_batch_run (registry, bo, report, &stats, error);
      abridge_registry_free (registry);
      if (!ok)
        {
          abridge_report_free (report);
          return registry == NULL ? status : cli_status_of (*error);
        }
    }
  /* A report of nothing would read as a run that went well; a shard may
   * hold no article when there are fewer than its K. */
  if (stats.articles + stats.failures == 0 && o.shard == NULL)
    {
      abridge_report_free (report);
      cli_error ("no articles in the input: no report written");
      return CLI_EXIT_INPUT;
    }
  if (!abridge_report_finish (report, o.output != NULL ? o.output : "-", stats.seconds, error))
    return CLI_EXIT_INPUT;
  return stats.failures > 0 ? CLI_EXIT_SOME_FAILED : CLI_EXIT_OK;
}

static int
batch_exec (char **inputs)
{
  GError *error = NULL;
  abridge_report_options ro;
  abridge_batch_options bo;
  int status = CLI_EXIT_USAGE;
  char *budget_text = NULL, *stamp = NULL;
  /* Articles typed at a terminal are not what a batch is for: without an
   * INPUT it would wait there without a word. */
  if (inputs[0] == NULL && !o.merge && isatty (STDIN_FILENO))
    cli_error ("batch: no INPUT, and standard input is a terminal: name files or directories, "
               "or '-' to read standard input (abridge batch --help)");
  else if (!o.merge && cli_refuse_urls (inputs))
    status = CLI_EXIT_INPUT;
  else if (batch_options (inputs, &ro, &bo, &error))
    {
      budget_text = describe_budget (&bo.budget);
      ro.budget = budget_text;
      if (o.timestamp)
        {
          GDateTime *now = g_date_time_new_now_utc ();
          ro.timestamp = stamp = g_date_time_format_iso8601 (now);
          g_date_time_unref (now);
        }
      abridge_report *report = abridge_report_new (&ro, &error);
      status = report != NULL ? run (inputs, report, &bo, &error) : CLI_EXIT_INPUT;
    }
  cli_report (error);
  g_free (budget_text);
  g_free (stamp);
  return status;
}

static void
batch_clear (void)
{
  char **strings[] = { &o.plugins, &o.report, &o.output, &o.group, &o.sort,
                       &o.glob,    &o.title,  &o.shard };
  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    g_free (*strings[i]);
  g_strfreev (o.options);
}

const cli_command cli_cmd_batch = {
  .name = "batch",
  .args = "[INPUT...]",
  .summary = "Summarizes many articles on all cores into one report.",
  .description
  = "INPUT: text files and web pages, directories (recursively), JSONL corpora\n"
    "({\"id\",\"title\",\"text\",…} a line; \"source\", \"date\", \"url\" kept), '-' for\n"
    "standard input; the report keeps input order. A bad article is listed as\n"
    "failed and never stops the run. Plugins abridge does not ship run in worker\n"
    "processes: one that crashes, aborts, calls exit() or overruns --timeout fails\n"
    "only the article it was ranking, listed with the plugin and the signal or reason.\n"
    "A run split over machines: each job runs with --shard I/K --report jsonl on the\n"
    "same inputs; --merge with the same options then turns the K results files into\n"
    "the report a single run would have written (contrib/slurm/ does it with Slurm).\n"
    "\n"
    "An empty or blank article fails (\"no text\"); input without any article\n"
    "writes no report (except with --shard: a shard may be empty).\n"
    "\n"
    "Exit status: 0 when every article was summarized, 3 when some failed,\n"
    "1 when the input held no article or the report could not be written,\n"
    "2 on a usage error, 4 when no plugin was found.",
  .options = entries,
  .groups = CLI_BUDGET | CLI_INPUT | CLI_PLUGIN_DIRS | CLI_LANG | CLI_ISOLATE,
  .exec = batch_exec,
  .clear = batch_clear,
};
