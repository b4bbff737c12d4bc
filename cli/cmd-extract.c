/* abridge extract [FILE...]: a web page's article text, as abridge reads it. */
#include "config.h"

#include <string.h>

#include "cli.h"

typedef struct {
  gboolean json;
  gboolean many;
  guint done;
  gboolean write_failed;
} Run;

static void
member (GString *out, const char *key, const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, ",\"%s\":", key);
  abridge_json_append_string (out, value, -1);
}

static gboolean
extract_one (const CliArticle *article, gpointer user_data, GError **error)
{
  Run *run = user_data;
  const abridge_item *page = article->item->page ? article->item : NULL;
  GString *out = g_string_new (NULL);
  /* Plain text: its paragraphs as the document finds them. */
  gsize len = article->len;
  char *own = page == NULL ? abridge_text_paragraphs (article->text, article->len, &len) : NULL;
  const char *text = own != NULL ? own : article->text;
  if (run->json)
    {
      g_string_append (out, article->from_jsonl ? "{\"id\":" : "{\"file\":");
      abridge_json_append_string (out, article->from_jsonl ? article->id : article->file, -1);
      member (out, "title", article->title);
      if (page != NULL)
        {
          member (out, "author", page->author);
          member (out, "date", page->date);
          member (out, "site_name", page->site_name);
          member (out, "url", page->url);
          member (out, "description", page->description);
          member (out, "language", page->language);
        }
      g_string_append (out, ",\"text\":");
      abridge_json_append_string (out, text, (gssize) len);
      g_string_append (out, "}\n");
    }
  else
    {
      if (run->many)
        g_string_append_printf (out, "%s==> %s <==\n", run->done > 0 ? "\n" : "",
                                article->id);
      g_string_append_len (out, text, (gssize) len);
      if (len > 0 && text[len - 1] != '\n')
        g_string_append_c (out, '\n');
    }
  g_free (own);
  run->done++;
  if (!cli_write (out))
    run->write_failed = TRUE;
  g_string_free (out, TRUE);
  (void) error;
  return TRUE;
}

int
cmd_extract (int argc, char **argv)
{
  char *format_name = NULL;
  CliInputOptions input = { NULL, NULL, (gint64) ABRIDGE_DEFAULT_MAX_BYTES, NULL };
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      "Output as text (default) or json (title and metadata too; one line an article)",
      "FORMAT" },
    G_OPTION_ENTRY_NULL,
  };
  const char *summary
      = "Prints the article text of each web page: the main content without\n"
        "navigation, comments, share bars, related stories or ads, paragraphs\n"
        "separated by a blank line (like trafilatura). Plain text is printed as\n"
        "abridge reads it: decoded, NFC, hard-wrapped lines re-joined. FILE may\n"
        "be - for standard input.";
  GError *error = NULL;
  int status = CLI_EXIT_USAGE;
  Run run = { 0 };
  if (!cli_parse (&argc, &argv, "[FILE...]", summary, entries, cli_input_entries (&input), &error)
      || !cli_input_check (&input, &error))
    goto out;
  if (format_name != NULL && strcmp (format_name, "json") != 0 && strcmp (format_name, "jsonl") != 0
      && strcmp (format_name, "text") != 0)
    {
      g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "--format must be text or json, not '%s'", format_name);
      goto out;
    }
  run.json = format_name != NULL && strcmp (format_name, "text") != 0;
  char **files = argv + 1;
  run.many = cli_many_articles (files, &input);
  status = cli_for_each_article (files, &input, extract_one, &run);
  if (!cli_flush () || run.write_failed)
    status = CLI_EXIT_INPUT;

out:
  if (error != NULL)
    {
      cli_error ("%s", error->message);
      g_error_free (error);
    }
  g_strfreev (input.plugin_dirs);
  g_free (input.input_format);
  g_free (input.lang);
  g_free (format_name);
  return status;
}
