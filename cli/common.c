/* What the subcommands share: option parsing, reading articles, output. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "source/input.h"

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
  if (opts->input_format != NULL && strcmp (opts->input_format, "text") != 0
      && strcmp (opts->input_format, "jsonl") != 0 && strcmp (opts->input_format, "html") != 0)
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

static gboolean
is_jsonl (const char *file, const CliInputOptions *opts)
{
  if (opts->input_format != NULL)
    return strcmp (opts->input_format, "jsonl") == 0;
  return g_str_has_suffix (file, ".jsonl");
}

gboolean
cli_many_articles (char **files, const CliInputOptions *opts)
{
  guint n = files != NULL ? g_strv_length (files) : 0;
  return n > 1 || (n == 1 && is_jsonl (files[0], opts))
         || (n == 0 && opts->input_format != NULL && strcmp (opts->input_format, "jsonl") == 0);
}

static gboolean
run_one (CliArticleFunc func, const CliArticle *article, gpointer user_data, const char *where)
{
  GError *error = NULL;
  if (func (article, user_data, &error))
    return TRUE;
  cli_error ("%s: %s", where, error != NULL ? error->message : "failed");
  g_clear_error (&error);
  return FALSE;
}

/* JSON Lines, one record at a time, so a corpus never sits in memory. */
static int
read_jsonl (const char *file, const CliInputOptions *opts, CliArticleFunc func, gpointer user_data)
{
  gboolean is_stdin = strcmp (file, "-") == 0;
  FILE *fp = is_stdin ? stdin : fopen (file, "re");
  if (fp == NULL)
    {
      cli_error ("%s: %s", file, g_strerror (errno));
      return CLI_EXIT_INPUT;
    }
  char *iobuf = abridge_line_buffer (fp);
  int status = CLI_EXIT_OK;
  GString *buf = g_string_new (NULL);
  gboolean too_long;
  guint64 lineno = 0;
  errno = 0;
  int got;
  while ((got = abridge_read_line (fp, buf, (gsize) opts->max_bytes, &too_long)) > 0)
    {
      lineno++;
      char *where = g_strdup_printf ("%s:%" G_GUINT64_FORMAT, file, lineno);
      const char *line = buf->str;
      gsize len = buf->len;
      GError *error = NULL;
      abridge_record record;
      if (len == 0 && !too_long)
        ; /* blank lines between records are harmless */
      else if (too_long)
        {
          cli_error ("%s: record larger than %" G_GINT64_FORMAT " bytes (raise --max-bytes)",
                     where, opts->max_bytes);
          status = CLI_EXIT_INPUT;
        }
      else if (!abridge_record_parse (line, len, &record, &error))
        {
          cli_error ("%s: %s", where, error->message);
          g_error_free (error);
          status = CLI_EXIT_INPUT;
        }
      else
        {
          CliArticle article = { file,        record.id,       record.title, record.text,
                                 record.text_len, TRUE, record.summary,
                                 opts->lang != NULL ? opts->lang : "auto", NULL };
          if (record.id == NULL)
            article.id = where;
          if (!run_one (func, &article, user_data, where))
            status = CLI_EXIT_INPUT;
          abridge_record_clear (&record);
        }
      g_free (where);
    }
  if (got < 0)
    {
      cli_error ("%s: %s", file,
                 errno == EFBIG ? "a line with no end in sight (not JSONL?)" : g_strerror (errno));
      status = CLI_EXIT_INPUT;
    }
  g_string_free (buf, TRUE);
  if (!is_stdin)
    fclose (fp);
  g_free (iobuf);
  return status;
}

/* Whether FILE is a web page: by --input-format, else by its content
 * (the name says little: pages are saved as .php, .aspx, or nothing). */
static gboolean
is_html (const char *data, gsize len, const CliInputOptions *opts)
{
  if (opts->input_format != NULL)
    return strcmp (opts->input_format, "html") == 0;
  return abridge_html_detect (data, len);
}

static int
read_text (const char *file, const CliInputOptions *opts, CliArticleFunc func, gpointer user_data)
{
  GError *error = NULL;
  gsize raw_len = 0, len = 0;
  char *warning = NULL, *data = NULL;
  char *raw = abridge_input_read_bytes (file, (gsize) opts->max_bytes, &raw_len, &error);
  gboolean html = raw != NULL && is_html (raw, raw_len, opts);
  if (raw != NULL)
    data = abridge_input_decode (raw, raw_len, html ? ABRIDGE_DECODE_HTML : 0, &len, &warning,
                                 &error);
  g_free (raw);
  if (data == NULL)
    {
      cli_error ("%s: %s", file, error->message);
      g_error_free (error);
      return CLI_EXIT_INPUT;
    }
  if (warning != NULL)
    cli_error ("%s: warning: %s", file, warning);
  g_free (warning);
  /* UTF-16 is only recognisable as HTML once decoded. */
  if (!html && opts->input_format == NULL)
    html = abridge_html_detect (data, len);

  CliArticle article = { file, NULL, NULL, data, len, FALSE, NULL,
                         opts->lang != NULL ? opts->lang : "auto", NULL };
  abridge_article *page = NULL;
  if (html)
    {
      page = abridge_extract_html (data, len, &error);
      if (page == NULL)
        {
          cli_error ("%s: %s", file, error->message);
          g_error_free (error);
          g_free (data);
          return CLI_EXIT_INPUT;
        }
      if (page->len == 0)
        {
          cli_error ("%s: no article text found in the page", file);
          abridge_article_free (page);
          g_free (data);
          return CLI_EXIT_INPUT;
        }
      article.text = page->text;
      article.len = page->len;
      article.title = page->title;
      article.page = page;
    }
  gboolean ok = run_one (func, &article, user_data, file);
  abridge_article_free (page);
  g_free (data);
  return ok ? CLI_EXIT_OK : CLI_EXIT_INPUT;
}

int
cli_for_each_article (char **files, const CliInputOptions *opts, CliArticleFunc func,
                      gpointer user_data)
{
  static char *stdin_only[] = { "-", NULL };
  if (files == NULL || files[0] == NULL)
    files = stdin_only;
  int status = CLI_EXIT_OK;
  for (char **f = files; *f != NULL; f++)
    {
      int one = is_jsonl (*f, opts) ? read_jsonl (*f, opts, func, user_data)
                                    : read_text (*f, opts, func, user_data);
      if (one != CLI_EXIT_OK)
        status = one;
    }
  return status;
}

gboolean
cli_write (const GString *out)
{
  if (out->len > 0 && fwrite (out->str, 1, out->len, stdout) != out->len)
    {
      cli_error ("write error: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
cli_flush (void)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      cli_error ("write error: %s", g_strerror (errno != 0 ? errno : EIO));
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
