/* libFuzzer target: one line of a JSONL corpus.
 *
 * abridge_record_parse() on the raw bytes, as the CLI calls it (the line
 * without its newline); an accepted record must hold text the document
 * builder takes (valid UTF-8, no NUL, text_len right), strings that are
 * valid UTF-8, and must build a document with its title, as cli/common.c
 * and cmd-summarize.c do. A refused one must say why, as INPUT errors.
 * The reader is hand-written (libabridge/record.c), so json-glib checks it:
 * what it accepts, json-glib must parse to the same text. The same line
 * also goes to batch --merge's result reader (parsers/results.c). */
#include "config.h"

#include <abridge/abridge.h>
#include <json-glib/json-glib.h>

#include "parsers/parsers.h"

#include "fuzz-common.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  fuzz_init_glib ();
  return 0;
}

static void
check_string (const char *name, const char *s)
{
  if (s != NULL)
    FUZZ_CHECK (fuzz_is_text (s, strlen (s)), "record \"%s\" is not valid UTF-8", name);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* An exact-size copy: any read past the line is an ASan report. */
  char *line = g_malloc (size + 1);
  memcpy (line, data, size);

  /* The same bytes as a line of `batch --merge` (parsers/results.c,
   * json-glib behind a nesting limit): an answer, never a crash. */
  abr_result_line result = { .brief = abridge_brief_new (0) };
  char *why = NULL;
  if (!abr_results_read_line (line, size, &result, &why))
    FUZZ_CHECK (why != NULL && *why != '\0', "a refused result line without a reason");
  g_free (why);
  char **fields[] = { &result.id, &result.title, &result.source, &result.date, &result.url,
                      &result.dateline, &result.error };
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    g_free (*fields[i]);
  abridge_brief_free (result.brief);

  abridge_record record;
  GError *error = NULL;
  gboolean ok = abridge_record_parse (line, size, &record, &error);
  FUZZ_CHECK (ok == (error == NULL), "record_parse: result and error disagree");
  if (!ok)
    {
      FUZZ_CHECK (error->domain == ABRIDGE_ERROR && error->code == ABRIDGE_ERROR_INPUT
                      && *error->message != '\0',
                  "unclear record error");
      FUZZ_CHECK (fuzz_is_text (error->message, strlen (error->message)),
                  "record error message is not valid UTF-8");
      FUZZ_CHECK (record.id == NULL && record.title == NULL && record.text == NULL
                      && record.summary == NULL,
                  "refused record keeps fields");
      g_error_free (error);
      g_free (line);
      return 0;
    }
  FUZZ_CHECK (record.text != NULL && record.text_len == strlen (record.text),
              "text_len %zu, strlen %zu", record.text_len,
              record.text != NULL ? strlen (record.text) : 0);
  check_string ("id", record.id);
  check_string ("title", record.title);
  check_string ("text", record.text);
  check_string ("summary", record.summary);

  JsonParser *parser = json_parser_new ();
  FUZZ_CHECK (json_parser_load_from_data (parser, line, (gssize) size, NULL),
              "record reader accepted what json-glib refuses");
  JsonNode *root = json_parser_get_root (parser);
  FUZZ_CHECK (root != NULL && JSON_NODE_HOLDS_OBJECT (root), "accepted a non-object");
  const char *text = json_object_get_string_member (json_node_get_object (root), "text");
  FUZZ_CHECK (text != NULL && strcmp (text, record.text) == 0,
              "record text differs from json-glib's");
  g_object_unref (parser);

  /* What `abridge corpus.jsonl` does next. */
  abridge_document *doc = abridge_document_new (record.text, record.text_len, record.title, &error);
  FUZZ_CHECK (doc != NULL, "document_new refused a parsed record: %s",
              error != NULL ? error->message : "?");
  size_t title_len;
  const char *title = abridge_document_title (doc, &title_len);
  if (title != NULL)
    FUZZ_CHECK (fuzz_is_text (title, title_len), "document title is not valid UTF-8");
  (void) abridge_document_sentence_count (doc);
  abridge_document_free (doc);
  abridge_record_clear (&record);
  FUZZ_CHECK (record.text == NULL && record.text_len == 0, "record_clear left text");
  g_free (line);
  return 0;
}
