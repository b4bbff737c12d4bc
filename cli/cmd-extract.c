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
        {
          g_string_append (out, run->done > 0 ? "\n==> " : "==> ");
          abridge_append_printable (out, article->id, -1, ABRIDGE_PRINTABLE_LINE);
          g_string_append (out, " <==\n");
        }
      abridge_append_printable (out, text, (gssize) len, ABRIDGE_PRINTABLE_TEXT);
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

static char *format;

static const GOptionEntry entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
    "Output as text (default) or json (title and metadata too; one line an article)",
    "FORMAT" },
  G_OPTION_ENTRY_NULL,
};

static int
extract_exec (char **files)
{
  if (format != NULL && strcmp (format, "json") != 0 && strcmp (format, "jsonl") != 0
      && strcmp (format, "text") != 0)
    {
      cli_error ("--format must be text or json, not '%s'", format);
      return CLI_EXIT_USAGE;
    }
  Run run = { 0 };
  run.json = format != NULL && strcmp (format, "text") != 0;
  abridge_reader_options reader;
  cli_reader_options (files, &reader);
  run.many = abridge_read_is_many (&reader);
  int status = cli_for_each_article (files, extract_one, &run);
  if (!cli_flush () || run.write_failed)
    status = CLI_EXIT_INPUT;
  return status;
}

static void
extract_clear (void)
{
  g_free (format);
}

const cli_command cli_cmd_extract = {
  .name = "extract",
  .args = "[FILE...]",
  .summary = "Prints the article text of each web page.",
  .description
  = "The main content without navigation, comments, share bars, related stories\n"
    "or ads, paragraphs separated by a blank line (like trafilatura). Plain text\n"
    "is printed as abridge reads it: decoded, NFC, hard-wrapped lines re-joined.\n"
    "FILE may be - for standard input.",
  .options = entries,
  .groups = CLI_INPUT | CLI_PLUGIN_DIRS | CLI_LANG,
  .exec = extract_exec,
  .clear = extract_clear,
};
