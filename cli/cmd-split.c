/* abridge split: the sentences of an article, one a line, as the core
 * segmented them (for checking segmentation and writing plugins). */
#include "config.h"

#include <string.h>

#include "cli.h"

typedef struct {
  gboolean all;
  gboolean json;
  gboolean write_failed;
  GString *out; /* one article's lines; kept, so its buffer grows once a run */
} Split;

/* A JSON Lines record's fields before its text, written into a buffer of
 * their own and appended at once: a GString call per field and number was
 * a tenth of `split -f jsonl`. */
typedef struct {
  char buf[256]; /* the longest: five numbers and every flag, some 200 bytes */
  gsize n;
} Head;

static void
put (Head *h, const char *s, gsize n)
{
  memcpy (h->buf + h->n, s, n);
  h->n += n;
}
#define PUT_LITERAL(h, s) put ((h), (s), sizeof (s) - 1)

static void
put_uint (Head *h, uint32_t value)
{
  char digits[10];
  gsize n = 0;
  do
    digits[sizeof digits - ++n] = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  put (h, digits + sizeof digits - n, n);
}

static void
put_flags (Head *h, uint32_t flags)
{
  static const struct { uint32_t bit; const char *name; } names[] = {
    { ABRIDGE_SENTENCE_QUOTE, "quote" },
    { ABRIDGE_SENTENCE_BOILERPLATE, "boilerplate" },
    { ABRIDGE_SENTENCE_PARAGRAPH_START, "paragraph_start" },
    { ABRIDGE_SENTENCE_DATELINE, "dateline" },
    { ABRIDGE_SENTENCE_HEADING, "heading" },
    { ABRIDGE_SENTENCE_TITLE, "title" },
  };
  gboolean first = TRUE;
  PUT_LITERAL (h, "[");
  for (gsize k = 0; k < G_N_ELEMENTS (names); k++)
    if (flags & names[k].bit)
      {
        put (h, first ? "\"" : ",\"", first ? 1 : 2);
        put (h, names[k].name, strlen (names[k].name));
        PUT_LITERAL (h, "\"");
        first = FALSE;
      }
  PUT_LITERAL (h, "]");
}

static gboolean
split_one (const CliArticle *article, gpointer user_data, GError **error)
{
  Split *split = user_data;
  abridge_document *doc = abridge_document_new_lang (article->text, article->len, article->title,
                                                      article->lang, error);
  if (doc == NULL)
    return FALSE;
  GString *out = split->out;
  g_string_truncate (out, 0);
  uint32_t n = abridge_document_sentence_count (doc);
  for (uint32_t i = 0; i < n; i++)
    {
      uint32_t flags = abridge_document_sentence_flags (doc, i);
      gboolean candidate = abridge_document_sentence_is_candidate (doc, i);
      if (!candidate && !split->all)
        continue;
      size_t len;
      const char *text = abridge_document_sentence_text (doc, i, &len);
      if (split->json)
        {
          uint32_t start, end;
          abridge_document_sentence_span (doc, i, &start, &end);
          Head h = { .n = 0 };
          PUT_LITERAL (&h, "{\"index\":");
          put_uint (&h, i);
          PUT_LITERAL (&h, ",\"paragraph\":");
          put_uint (&h, abridge_document_sentence_paragraph (doc, i));
          PUT_LITERAL (&h, ",\"start\":");
          put_uint (&h, start);
          PUT_LITERAL (&h, ",\"end\":");
          put_uint (&h, end);
          PUT_LITERAL (&h, ",\"flags\":");
          put_flags (&h, flags);
          PUT_LITERAL (&h, ",\"text\":");
          g_string_append_len (out, h.buf, (gssize) h.n);
          abridge_json_append_string (out, text, (gssize) len);
          g_string_append_c (out, '}');
          g_string_append_c (out, '\n');
        }
      else
        {
          if (!candidate)
            g_string_append (out, (flags & ABRIDGE_SENTENCE_TITLE) ? "[title] " : "[boilerplate] ");
          abridge_append_printable (out, text, (gssize) len, ABRIDGE_PRINTABLE_TEXT);
          g_string_append_c (out, '\n');
        }
    }
  if (!cli_write (out))
    split->write_failed = TRUE;
  abridge_document_free (doc);
  return TRUE;
}

static struct {
  gboolean all;
  char *format;
} o;

static const GOptionEntry entries[] = {
  { "all", 'a', 0, G_OPTION_ARG_NONE, &o.all,
    "Also print boilerplate, marked [boilerplate] (and title repeats, [title])", NULL },
  { "format", 'f', 0, G_OPTION_ARG_STRING, &o.format,
    "text (default) or jsonl: index, paragraph, byte span, flags, text", "FORMAT" },
  G_OPTION_ENTRY_NULL,
};

static int
split_exec (char **files)
{
  if (o.format != NULL && strcmp (o.format, "text") != 0 && strcmp (o.format, "jsonl") != 0
      && strcmp (o.format, "json") != 0)
    {
      cli_error ("--format must be text or jsonl, not '%s'", o.format);
      return CLI_EXIT_USAGE;
    }
  Split split = { o.all, o.format != NULL && strcmp (o.format, "text") != 0, FALSE,
                  g_string_new (NULL) };
  int status = cli_for_each_article (files, split_one, &split);
  g_string_free (split.out, TRUE);
  if (!cli_flush () || split.write_failed)
    status = CLI_EXIT_INPUT;
  return status;
}

static void
split_clear (void)
{
  g_free (o.format);
}

const cli_command cli_cmd_split = {
  .name = "split",
  .args = "[FILE...]",
  .summary = "Prints the sentences of each article, one a line.",
  .description = "As the core segmented them: for checking segmentation and writing plugins.",
  .options = entries,
  .groups = CLI_INPUT | CLI_PLUGIN_DIRS | CLI_LANG,
  .exec = split_exec,
  .clear = split_clear,
};
