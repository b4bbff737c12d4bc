/* What the subcommands share: reading articles, writing output, loading
 * plugins, saying what went wrong. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Standard output has failed, and said so: a full disk or a closed pipe
 * is one line, and the run stops (cli_for_each_article() reads no more). */
static gboolean stdout_failed;

void
cli_error (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  fflush (stdout); /* keep stdout and stderr in order on a terminal */
  /* A message names files and records: their bytes reach the terminal. */
  GString *line = g_string_new ("abridge: ");
  abridge_append_printable (line, msg, -1, ABRIDGE_PRINTABLE_LINE);
  g_string_append_c (line, '\n');
  fputs (line->str, stderr);
  g_string_free (line, TRUE);
  g_free (msg);
}

void
cli_report (GError *error)
{
  if (error == NULL)
    return;
  cli_error ("%s", error->message);
  g_error_free (error);
}

int
cli_status_of (const GError *error)
{
  return g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE) ? CLI_EXIT_USAGE
                                                                     : CLI_EXIT_INPUT;
}

void
cli_reader_options (char **files, abridge_reader_options *reader)
{
  *reader = (abridge_reader_options) {
    .inputs = (const char *const *) files,
    .max_bytes = (gsize) cli_shared.max_bytes,
    .page_limits = { (guint) cli_shared.max_depth, (guint) cli_shared.max_attributes },
  };
  if (cli_shared.input_format != NULL)
    abridge_input_format_parse (cli_shared.input_format, &reader->format);
}

gboolean
cli_check_output (const abridge_reader_options *reader, const char *output, const char *what,
                  GError **error)
{
  if (output != NULL && *output == '\0')
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--output must name a file ('-' for standard output)");
      return FALSE;
    }
  const char *input;
  gboolean in_directory;
  if (output != NULL && strcmp (output, "-") != 0
      && abridge_read_would_read (reader, output, &input, &in_directory))
    {
      char *out = g_filename_display_name (output);
      char *in = strcmp (input, "-") == 0 ? g_strdup ("standard input")
                                          : g_filename_display_name (input);
      if (in_directory)
        g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                     "--output %s is inside the input directory %s: the next run would read "
                     "%s as an article (write it elsewhere, or leave it out with --glob)",
                     out, in, what);
      else
        g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                     "--output %s is the input %s: %s would replace it", out, in,
                     what);
      g_free (in);
      g_free (out);
      return FALSE;
    }
  return TRUE;
}

/* Whether NAME reads as a URL, "scheme://...": a scheme of a letter then
 * letters, digits, '+', '-' or '.' (RFC 3986). */
static gboolean
looks_like_url (const char *name)
{
  if (!g_ascii_isalpha (name[0]))
    return FALSE;
  const char *p = name + 1;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  return g_str_has_prefix (p, "://") && p[3] != '\0';
}

gboolean
cli_refuse_urls (char **operands)
{
  gboolean any = FALSE;
  for (char **op = operands; *op != NULL; op++)
    /* A file may be named so (a directory "http:"): it is read. */
    if (looks_like_url (*op) && !g_file_test (*op, G_FILE_TEST_EXISTS))
      {
        char *quoted = g_shell_quote (*op);
        cli_error ("%s: abridge reads files and standard input, not URLs; try: curl -s %s | "
                   "abridge -",
                   *op, quoted);
        g_free (quoted);
        any = TRUE;
      }
  return any;
}

typedef struct {
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
                             cli_shared.lang != NULL ? cli_shared.lang : "auto", item };
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
  return !stdout_failed;
}

int
cli_for_each_article (char **files, CliArticleFunc func, gpointer user_data)
{
  abridge_reader_options reader;
  cli_reader_options (files, &reader);
  ForEach each = { func, user_data, CLI_EXIT_OK };
  abridge_read (&reader, each_item, &each);
  return each.status;
}

static gboolean
stdout_fail (int saved)
{
  if (!stdout_failed)
    cli_error ("cannot write standard output: %s", g_strerror (saved != 0 ? saved : EIO));
  stdout_failed = TRUE;
  return FALSE;
}

gboolean
cli_write (const GString *out)
{
  if (stdout_failed)
    return FALSE;
  errno = 0;
  if (out->len > 0 && fwrite (out->str, 1, out->len, stdout) != out->len)
    return stdout_fail (errno);
  return TRUE;
}

gboolean
cli_flush (void)
{
  if (stdout_failed)
    return FALSE;
  errno = 0;
  if (fflush (stdout) != 0 || ferror (stdout))
    return stdout_fail (errno);
  return TRUE;
}

int
cli_print (const GString *out)
{
  return cli_write (out) && cli_flush () ? CLI_EXIT_OK : CLI_EXIT_INPUT;
}

char *
cli_search_path_text (const abridge_registry *registry)
{
  GString *dirs = g_string_new (NULL);
  for (const char *const *d = abridge_registry_search_path (registry); *d != NULL; d++)
    {
      char *display = g_filename_display_name (*d);
      g_string_append_printf (dirs, "%s%s", dirs->len > 0 ? ", " : "", display);
      g_free (display);
    }
  return g_string_free (dirs, FALSE);
}

abridge_registry *
cli_registry (gboolean need_one, int *status)
{
  GError *error = NULL;
  abridge_registry *registry
      = abridge_registry_new_full ((const char *const *) cli_shared.plugin_dirs,
                                   cli_shared.allow_unsafe ? ABRIDGE_REGISTRY_ALLOW_UNSAFE : 0,
                                   &error);
  if (registry == NULL)
    {
      cli_error ("%s", error->message);
      g_error_free (error);
      *status = CLI_EXIT_INPUT;
      return NULL;
    }
  /* Not one plugin is an installation's problem, not the user's: said as
   * such (with where abridge looked), not as "no plugin 'lead'" and a
   * usage error. */
  if (need_one && abridge_registry_count (registry) == 0)
    {
      char *dirs = cli_search_path_text (registry);
      cli_error ("no plugin found in %s (an incomplete installation? --plugin-dir or "
                 "ABRIDGE_PLUGIN_PATH name other directories)",
                 dirs);
      g_free (dirs);
      abridge_registry_free (registry);
      *status = CLI_EXIT_NO_PLUGINS;
      return NULL;
    }
  return registry;
}
