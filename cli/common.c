/* What the subcommands share: option parsing, reading articles, output. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

void
cli_error (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  fflush (stdout); /* keep stdout and stderr in order on a terminal */
  fprintf (stderr, "abridge: %s\n", msg);
  g_free (msg);
}

gboolean
cli_parse (int *argc, char ***argv, const char *parameters, const char *summary,
           const GOptionEntry *entries, const GOptionEntry *more, GError **error)
{
  GOptionContext *ctx = g_option_context_new (parameters);
  g_option_context_set_summary (ctx, summary);
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (more != NULL)
    g_option_context_add_main_entries (ctx, more, NULL);
  gboolean ok = g_option_context_parse (ctx, argc, argv, error);
  g_option_context_free (ctx);
  return ok;
}

const GOptionEntry *
cli_input_entries (CliInputOptions *opts)
{
  static GOptionEntry entries[6];
  GOptionEntry e[] = {
    { "plugin-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts->plugin_dirs,
      "Look for plugins in DIR first (repeatable)", "DIR" },
    { "input-format", 0, 0, G_OPTION_ARG_STRING, &opts->input_format,
      "Read input as text, html or jsonl (default: jsonl for *.jsonl, html for a web page)",
      "FORMAT" },
    { "max-bytes", 0, 0, G_OPTION_ARG_INT64, &opts->max_bytes,
      "Refuse articles larger than N bytes (default 16 MiB)", "N" },
    CLI_UNSAFE_ENTRY,
    { "lang", 0, 0, G_OPTION_ARG_STRING, &opts->lang,
      "Articles are in language CODE (ISO 639-1), or auto: guessed per article (default)",
      "CODE" },
    G_OPTION_ENTRY_NULL,
  };
  G_STATIC_ASSERT (sizeof e == sizeof entries);
  memcpy (entries, e, sizeof e);
  return entries;
}

gboolean
cli_input_check (const CliInputOptions *opts, GError **error)
{
  AbridgeInputFormat format;
  if (opts->input_format != NULL && !abridge_input_format_parse (opts->input_format, &format))
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--input-format must be text, html or jsonl, not '%s'", opts->input_format);
      return FALSE;
    }
  if (opts->max_bytes <= 0)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE, "--max-bytes must be positive");
      return FALSE;
    }
  return cli_lang_check (opts->lang, error);
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
cli_reader_options (const CliInputOptions *opts, char **files, abridge_reader_options *reader)
{
  *reader = (abridge_reader_options) {
    .inputs = (const char *const *) files,
    .max_bytes = (gsize) opts->max_bytes,
  };
  if (opts->input_format != NULL)
    abridge_input_format_parse (opts->input_format, &reader->format);
}

gboolean
cli_many_articles (char **files, const CliInputOptions *opts)
{
  abridge_reader_options reader;
  cli_reader_options (opts, files, &reader);
  return abridge_read_is_many (&reader);
}

typedef struct {
  const CliInputOptions *opts;
  CliArticleFunc func;
  gpointer user_data;
  int status;
} ForEach;

/* Prepares ITEM and hands it to the command, reporting what fails as
 * "abridge: ID: what is wrong". */
static gboolean
each_item (abridge_item *item, gpointer data)
{
  ForEach *each = data;
  if (item->warning != NULL)
    cli_error ("%s: warning: %s", item->file, item->warning);
  GError *error = NULL;
  if (abridge_item_prepare (item))
    {
      CliArticle article = { item->file, item->id, item->title, item->text, item->len,
                             item->record, item->summary,
                             each->opts->lang != NULL ? each->opts->lang : "auto", item };
      if (!each->func (&article, each->user_data, &error))
        item->error = g_strdup (error != NULL ? error->message : "failed");
      g_clear_error (&error);
    }
  if (item->error != NULL)
    {
      cli_error ("%s: %s", item->id, item->error);
      each->status = CLI_EXIT_INPUT;
    }
  abridge_item_free (item);
  return TRUE;
}

int
cli_for_each_article (char **files, const CliInputOptions *opts, CliArticleFunc func,
                      gpointer user_data)
{
  abridge_reader_options reader;
  cli_reader_options (opts, files, &reader);
  ForEach each = { opts, func, user_data, CLI_EXIT_OK };
  abridge_read (&reader, each_item, &each);
  return each.status;
}

gboolean
cli_write (const GString *out)
{
  if (out->len > 0 && fwrite (out->str, 1, out->len, stdout) != out->len)
    {
      cli_error ("cannot write standard output: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
cli_flush (void)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      cli_error ("cannot write standard output: %s", g_strerror (errno != 0 ? errno : EIO));
      return FALSE;
    }
  return TRUE;
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
cli_parse_budget (const CliBudgetOptions *opts, abridge_budget *budget, GError **error)
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
      char *end = NULL;
      budget->kind = ABRIDGE_BUDGET_RATIO;
      budget->ratio = g_ascii_strtod (opts->ratio, &end);
      /* written so that NaN fails too */
      if (end == opts->ratio || *end != '\0' || !(budget->ratio > 0 && budget->ratio <= 1))
        {
          g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                       "--ratio must be a number in (0, 1], not '%s'", opts->ratio);
          return FALSE;
        }
    }
  return TRUE;
}

void
cli_budget_options_clear (CliBudgetOptions *opts)
{
  g_clear_pointer (&opts->sentences, g_free);
  g_clear_pointer (&opts->words, g_free);
  g_clear_pointer (&opts->chars, g_free);
  g_clear_pointer (&opts->ratio, g_free);
}

gboolean cli_allow_unsafe_plugins = FALSE;

abridge_registry *
cli_registry (char **plugin_dirs)
{
  GError *error = NULL;
  abridge_registry *registry
      = abridge_registry_new_full ((const char *const *) plugin_dirs,
                                   cli_allow_unsafe_plugins ? ABRIDGE_REGISTRY_ALLOW_UNSAFE : 0,
                                   &error);
  if (registry == NULL)
    {
      cli_error ("%s", error->message);
      g_error_free (error);
    }
  return registry;
}
