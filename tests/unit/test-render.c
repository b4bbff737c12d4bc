/* Unit tests of render.c and json.c: JSON escaping, format names, JSONL records, briefs. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include <abridge/abridge.h>

#include "output/escape.h"

#define ARTICLES TEST_SRCDIR "/tests/fixtures/articles/"

/* ---- helpers ------------------------------------------------------------- */

/* TEXT[0, LEN) as a JSON string literal, to g_free(). */
static char *
json_string (const char *text, gssize len)
{
  GString *out = g_string_new ("junk:");
  abridge_json_append_string (out, text, len);
  /* It appends: what was there stays. */
  assert_true (g_str_has_prefix (out->str, "junk:"));
  char *literal = g_strdup (out->str + 5);
  g_string_free (out, TRUE);
  return literal;
}

/* Parses JSON with json-glib; fails the test when it is not valid. */
static JsonParser *
parse_json (const char *json)
{
  JsonParser *parser = json_parser_new ();
  GError *error = NULL;
  if (!json_parser_load_from_data (parser, json, -1, &error))
    fail_msg ("not valid JSON (%s): %s", error->message, json);
  return parser;
}

/* Escapes TEXT[0, LEN), parses the literal back and asserts the same bytes return. */
static void
assert_round_trip (const char *text, gsize len)
{
  char *literal = json_string (text, (gssize) len);
  JsonParser *parser = parse_json (literal);
  JsonNode *root = json_parser_get_root (parser);
  assert_true (JSON_NODE_HOLDS_VALUE (root));
  assert_int_equal (json_node_get_value_type (root), G_TYPE_STRING);
  const char *back = json_node_get_string (root);
  if (strlen (back) != len || memcmp (back, text, len) != 0)
    fail_msg ("%s parsed back as \"%s\"", literal, back);
  g_object_unref (parser);
  g_free (literal);
}

static void
assert_escapes (const char *text, const char *expected)
{
  char *literal = json_string (text, -1);
  assert_string_equal (literal, expected);
  g_free (literal);
}

/* ---- abridge_json_append_string ------------------------------------------------ */

/* The writer skips 8-byte words that hold no byte needing an escape:
 * each escaped sequence, and each lookalike copied as it is (a curly
 * apostrophe E2 80 99, a no-break space C2 A0, a lone E2 at the end), at
 * every offset into and across a word. */
static void
test_render_json_escapes_at_every_offset (void **state)
{
  (void) state;
  static const struct {
    const char *raw, *escaped;
  } pieces[] = {
    { "\"", "\\\"" },
    { "\\", "\\\\" },
    { "\n", "\\n" },
    { "\t", "\\t" },
    { "\r", "\\r" },
    { "\b", "\\b" },
    { "\f", "\\f" },
    { "\x01", "\\u0001" },
    { "\x1f", "\\u001f" },
    { "\x7f", "\\u007f" },
    { "\xc2\x85", "\\u0085" },
    { "\xe2\x80\xa8", "\\u2028" },
    { "\xe2\x80\xa9", "\\u2029" },
    { "\xe2\x80\x99", "\xe2\x80\x99" },
    { "\xc2\xa0", "\xc2\xa0" },
    { "\xc3\xa9", "\xc3\xa9" },
    { " ", " " },
  };
  const char *words = "abcdefghijklmnopqrstuvwxyz";
  for (gsize i = 0; i < G_N_ELEMENTS (pieces); i++)
    for (gsize before = 0; before < 20; before++)
      for (gsize after = 0; after < 12; after++)
        {
          GString *raw = g_string_new_len (words, (gssize) before);
          g_string_append (raw, pieces[i].raw);
          g_string_append_len (raw, words, (gssize) after);
          GString *want = g_string_new ("\"");
          g_string_append_len (want, words, (gssize) before);
          g_string_append (want, pieces[i].escaped);
          g_string_append_len (want, words, (gssize) after);
          g_string_append_c (want, '"');
          char *got = json_string (raw->str, (gssize) raw->len);
          assert_string_equal (got, want->str);
          g_free (got);
          g_string_free (want, TRUE);
          g_string_free (raw, TRUE);
        }
  /* A separator's lead byte cut off at the end of the text is copied. */
  char *got = json_string ("abcdefghij\xe2\x80", 12);
  assert_string_equal (got, "\"abcdefghij\xe2\x80\"");
  g_free (got);
}

static void
test_render_json_plain_text_is_quoted (void **state)
{
  (void) state;
  assert_escapes ("Port reopens", "\"Port reopens\"");
  assert_escapes ("", "\"\"");
}

static void
test_render_json_quotes_and_backslashes_are_escaped (void **state)
{
  (void) state;
  assert_escapes ("He said \"go\"", "\"He said \\\"go\\\"\"");
  assert_escapes ("C:\\ports\\", "\"C:\\\\ports\\\\\"");
  assert_round_trip ("\"\\\"\\", 4);
}

static void
test_render_json_control_characters_are_escaped (void **state)
{
  (void) state;
  assert_escapes ("a\x01z", "\"a\\u0001z\"");
  assert_escapes ("line\nnext", "\"line\\nnext\"");
  assert_escapes ("col\tcol", "\"col\\tcol\"");
  assert_escapes ("cr\rlf", "\"cr\\rlf\"");
  assert_escapes ("\x1F", "\"\\u001f\"");
  /* No raw control byte is left in the output. */
  char all[33];
  for (int c = 1; c < 32; c++)
    all[c - 1] = (char) c;
  all[31] = 0x7F;
  all[32] = '\0';
  char *literal = json_string (all, -1);
  for (const char *p = literal; *p != '\0'; p++)
    assert_true ((guchar) *p >= 0x20 && (guchar) *p != 0x7F);
  g_free (literal);
  assert_round_trip (all, 32);
}

static void
test_render_json_line_and_paragraph_separators_are_escaped (void **state)
{
  (void) state;
  /* U+2028 and U+2029 are valid in JSON but end lines in JavaScript. */
  assert_escapes ("a\xE2\x80\xA8" "b", "\"a\\u2028b\"");
  assert_escapes ("a\xE2\x80\xA9" "b", "\"a\\u2029b\"");
  /* Also as the very last character. */
  assert_escapes ("end\xE2\x80\xA8", "\"end\\u2028\"");
  assert_round_trip ("x\xE2\x80\xA8y\xE2\x80\xA9", 8);
}

static void
test_render_json_non_ascii_passes_through (void **state)
{
  (void) state;
  const char *text = "Zürich — “quoted” ’90s £1.2 € 🚢";
  char *literal = json_string (text, -1);
  char *expected = g_strdup_printf ("\"%s\"", text);
  assert_string_equal (literal, expected);
  g_free (expected);
  g_free (literal);
  assert_round_trip (text, strlen (text));
  /* Other characters of the E2 80 xx block are not mistaken for U+2028. */
  assert_escapes ("\xE2\x80\xA6", "\"\xE2\x80\xA6\"");
}

static void
test_render_json_length_bounds_the_text (void **state)
{
  (void) state;
  char *literal = json_string ("abcdef", 3);
  assert_string_equal (literal, "\"abc\"");
  g_free (literal);
  /* An embedded NUL inside the length is escaped, not a terminator. */
  literal = json_string ("a\0b", 3);
  assert_string_equal (literal, "\"a\\u0000b\"");
  g_free (literal);
  /* A separator cut by the length is not read past it. */
  literal = json_string ("a\xE2\x80\xA8", 3);
  assert_memory_equal (literal, "\"a\xE2\x80\"", 5);
  g_free (literal);
}

static void
test_render_json_null_is_null (void **state)
{
  (void) state;
  char *literal = json_string (NULL, -1);
  assert_string_equal (literal, "null");
  g_free (literal);
}

static void
test_render_json_round_trips_a_mixed_sentence (void **state)
{
  (void) state;
  const char *text = "“We can’t wait,” she said.\n\t\"Next\" \\ step\x01\x7F ünïcödé\xE2\x80\xA8 end";
  assert_round_trip (text, strlen (text));
}

/* ---- abridge_format_parse ------------------------------------------------------ */

static void
test_render_format_names_are_parsed (void **state)
{
  (void) state;
  static const struct { const char *name; AbridgeFormat format; } cases[] = {
    { "text", ABRIDGE_FORMAT_TEXT },         { "json", ABRIDGE_FORMAT_JSON },
    { "jsonl", ABRIDGE_FORMAT_JSONL },       { "markdown", ABRIDGE_FORMAT_MARKDOWN },
    { "md", ABRIDGE_FORMAT_MARKDOWN },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AbridgeFormat format = (AbridgeFormat) 99;
      assert_true (abridge_format_parse (cases[i].name, &format));
      assert_int_equal (format, cases[i].format);
    }
}

static void
test_render_unknown_format_names_are_refused (void **state)
{
  (void) state;
  const char *bad[] = { "", "htm", "jso", "jsonlines", "text ", "mark", "xml", "keyword" };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      AbridgeFormat format = ABRIDGE_FORMAT_TEXT;
      if (abridge_format_parse (bad[i], &format))
        fail_msg ("format name \"%s\" was accepted", bad[i]);
    }
}

/* ---- abridge_record_parse ------------------------------------------------------- */

static gboolean
parse_record (const char *line, abridge_record *record, GError **error)
{
  return abridge_record_parse (line, strlen (line), record, error);
}

static void
assert_record_refused (const char *line, const char *what)
{
  abridge_record record;
  GError *error = NULL;
  if (parse_record (line, &record, &error))
    {
      abridge_record_clear (&record);
      fail_msg ("record %s was accepted", line);
    }
  assert_non_null (error);
  assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
  if (strstr (error->message, what) == NULL)
    fail_msg ("the error for %s is \"%s\", which does not mention \"%s\"", line, error->message,
              what);
  assert_null (record.id);
  assert_null (record.title);
  assert_null (record.text);
  g_error_free (error);
}

static void
test_render_record_valid_is_parsed (void **state)
{
  (void) state;
  abridge_record record;
  GError *error = NULL;
  assert_true (parse_record ("{\"id\": \"harbour-1\", \"title\": \"Harbour reopens\", "
                             "\"text\": \"Ships moved again.\\n\\nTugs worked \\\"normally\\\".\", "
                             "\"source\": \"test\"}",
                             &record, &error));
  assert_null (error);
  assert_string_equal (record.id, "harbour-1");
  assert_string_equal (record.title, "Harbour reopens");
  assert_string_equal (record.text, "Ships moved again.\n\nTugs worked \"normally\".");
  assert_int_equal (record.text_len, strlen (record.text));
  abridge_record_clear (&record);
  assert_null (record.text);
  assert_int_equal (record.text_len, 0);
}

/* The reader copies a string's bytes eight at a time until one needs
 * decoding: each escape, and each byte whose high bit makes it look like
 * '"', '\\' or a control to a careless word test (C3 A2 "â", DC 90 "ܐ",
 * C2 A0 no-break space), at every offset of a word and across its end. */
static void
test_render_record_escapes_at_every_offset_are_decoded (void **state)
{
  (void) state;
  static const struct {
    const char *json, *text;
  } pieces[] = {
    { "\\\"", "\"" },
    { "\\\\", "\\" },
    { "\\n", "\n" },
    { "\\/", "/" },
    { "\\u00e9", "\xc3\xa9" },
    { "\\ud83d\\ude00", "\xf0\x9f\x98\x80" },
    { "\xc3\xa2", "\xc3\xa2" },
    { "\xdc\x90", "\xdc\x90" },
    { "\xc2\xa0", "\xc2\xa0" },
    { "\x7f", "\x7f" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (pieces); i++)
    for (gsize before = 0; before < 20; before++)
      {
        GString *line = g_string_new ("{\"title\": \"");
        GString *want = g_string_new (NULL);
        for (gsize k = 0; k < before; k++)
          g_string_append_c (want, (char) ('a' + k % 26));
        g_string_append (want, pieces[i].text);
        g_string_append (want, "tail");
        g_string_append_len (line, want->str, (gssize) before);
        g_string_append (line, pieces[i].json);
        g_string_append (line, "tail\", \"text\": \"");
        g_string_append_len (line, want->str, (gssize) before);
        g_string_append (line, pieces[i].json);
        g_string_append (line, "tail\"}");
        abridge_record record;
        GError *error = NULL;
        if (!parse_record (line->str, &record, &error))
          fail_msg ("%s: %s", line->str, error->message);
        assert_string_equal (record.text, want->str);
        assert_string_equal (record.title, want->str);
        assert_int_equal (record.text_len, want->len);
        abridge_record_clear (&record);
        g_string_free (want, TRUE);
        g_string_free (line, TRUE);
      }
}

static void
test_render_record_control_or_end_at_every_offset_is_refused (void **state)
{
  (void) state;
  for (gsize before = 0; before < 20; before++)
    {
      GString *line = g_string_new ("{\"text\": \"");
      for (gsize k = 0; k < before; k++)
        g_string_append_c (line, 'x');
      gsize cut = line->len;
      g_string_append (line, "\ttab\"}");
      assert_record_refused (line->str, "control character");
      g_string_truncate (line, cut);
      assert_record_refused (line->str, "unterminated string");
      g_string_append (line, "\\");
      assert_record_refused (line->str, "unterminated string");
      g_string_free (line, TRUE);
    }
}

static void
test_render_record_without_id_or_title_is_parsed (void **state)
{
  (void) state;
  abridge_record record;
  GError *error = NULL;
  assert_true (parse_record ("{\"text\": \"Only a body.\"}", &record, &error));
  assert_null (record.id);
  assert_null (record.title);
  assert_string_equal (record.text, "Only a body.");
  abridge_record_clear (&record);
  assert_true (parse_record ("{\"id\": null, \"title\": null, \"text\": \"Body.\"}", &record,
                             &error));
  assert_null (record.id);
  assert_null (record.title);
  abridge_record_clear (&record);
}

static void
test_render_record_numeric_id_is_a_string (void **state)
{
  (void) state;
  abridge_record record;
  GError *error = NULL;
  assert_true (parse_record ("{\"id\": 42, \"text\": \"Body.\"}", &record, &error));
  assert_null (error);
  assert_string_equal (record.id, "42");
  abridge_record_clear (&record);
  assert_true (parse_record ("{\"id\": -7, \"text\": \"Body.\"}", &record, &error));
  assert_string_equal (record.id, "-7");
  abridge_record_clear (&record);
}

static void
test_render_record_missing_text_is_refused (void **state)
{
  (void) state;
  assert_record_refused ("{\"id\": \"a\", \"title\": \"No body\"}", "text");
  assert_record_refused ("{\"id\": \"a\", \"text\": null}", "text");
}

static void
test_render_record_text_not_a_string_is_refused (void **state)
{
  (void) state;
  assert_record_refused ("{\"id\": \"a\", \"text\": [\"para\"]}", "text");
  assert_record_refused ("{\"id\": \"a\", \"text\": {\"body\": \"x\"}}", "text");
  assert_record_refused ("{\"id\": \"a\", \"text\": true}", "text");
  /* Only the id may be a number; a numeric text is no article. */
  assert_record_refused ("{\"id\": \"a\", \"text\": 5}", "text");
}

static void
test_render_record_title_not_a_string_is_refused (void **state)
{
  (void) state;
  assert_record_refused ("{\"title\": [1], \"text\": \"Body.\"}", "title");
}

static void
test_render_record_not_an_object_is_refused (void **state)
{
  (void) state;
  assert_record_refused ("[\"text\", \"Body.\"]", "object");
  assert_record_refused ("\"Body.\"", "object");
  assert_record_refused ("42", "object");
}

static void
test_render_record_invalid_json_is_refused (void **state)
{
  (void) state;
  assert_record_refused ("{\"text\": \"unterminated", "JSON");
  assert_record_refused ("{text: 'single'}", "JSON");
  assert_record_refused ("", "JSON");
}

/* What strict JSON (RFC 8259) refuses, the record reader refuses too, with
 * where it stopped. */
static void
test_render_record_malformed_json_is_refused_with_its_offset (void **state)
{
  (void) state;
  const char *bad[] = {
    "{\"text\": \"a\",}",            /* trailing comma */
    "{\"text\": \"a\"} x",           /* text after the object */
    "{\"text\": \"a\" \"id\": 1}",   /* missing comma */
    "{\"text\": \"tab\there\"}",    /* raw control character */
    "{\"text\": \"\\x\"}",          /* unknown escape */
    "{\"text\": \"\\u12\"}",        /* short \u escape */
    "{\"text\": \"a\", \"n\": 01}",  /* leading zero */
    "{\"text\": \"a\", \"n\": 1.}",  /* no digits after the point */
    "{\"text\": \"a\", \"n\": [1 2]}",
    "{\"text\": \"a\", \"n\": tru}",
    "{\"text\": \"a\", \"n\": {\"k\" 1}}",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_record_refused (bad[i], "byte offset");
}

static void
test_render_record_escapes_are_decoded (void **state)
{
  (void) state;
  abridge_record record;
  GError *error = NULL;
  assert_true (parse_record ("{\"text\": \"\\u00e9t\\u00E9 \\ud83d\\ude00 a\\/b \\\\ \\t.\"}",
                             &record, &error));
  assert_string_equal (record.text, "\u00e9t\u00e9 \U0001F600 a/b \\ \t.");
  abridge_record_clear (&record);
}

static void
test_render_record_lone_surrogate_is_refused (void **state)
{
  (void) state;
  assert_record_refused ("{\"text\": \"a \\udc00 b\"}", "surrogate");
  assert_record_refused ("{\"text\": \"a \\ud83d b\"}", "surrogate");
  /* Anywhere in the line, not only in the members a record keeps. */
  assert_record_refused ("{\"text\": \"a\", \"x\": [\"\\ud83d\"]}", "surrogate");
}

static void
test_render_record_other_members_are_skipped (void **state)
{
  (void) state;
  abridge_record record;
  GError *error = NULL;
  assert_true (parse_record ("{\"meta\": {\"a\": [1, -2.5e3, true, false, null, {}, []]}, "
                             "\"text\": \"Body.\", \"tags\": [\"x\", {\"text\": \"inner\"}], "
                             "\"date\": 20260101, \"source\": \"wire\"}",
                             &record, &error));
  assert_null (error);
  /* A nested "text" is not the record's. */
  assert_string_equal (record.text, "Body.");
  /* Metadata of another type is left out. */
  assert_null (record.date);
  assert_string_equal (record.source, "wire");
  abridge_record_clear (&record);
  /* A member given twice: the last one counts, as in json-glib. */
  assert_true (parse_record ("{\"text\": \"first\", \"text\": \"second\"}", &record, &error));
  assert_string_equal (record.text, "second");
  abridge_record_clear (&record);
}

static void
test_render_record_deep_nesting_is_refused_not_recursed (void **state)
{
  (void) state;
  GString *line = g_string_new ("{\"text\": \"a\", \"x\": ");
  for (int i = 0; i < 100000; i++)
    g_string_append_c (line, '[');
  for (int i = 0; i < 100000; i++)
    g_string_append_c (line, ']');
  g_string_append_c (line, '}');
  assert_record_refused (line->str, "nesting");
  g_string_free (line, TRUE);
}

static void
test_render_record_invalid_utf8_is_refused (void **state)
{
  (void) state;
  assert_record_refused ("{\"text\": \"caf\xE9\"}", "UTF-8");
}

static void
test_render_record_fixture_lines_parse (void **state)
{
  (void) state;
  char *data = NULL;
  gsize len = 0;
  assert_true (g_file_get_contents (ARTICLES "articles.jsonl", &data, &len, NULL));
  char **lines = g_strsplit (data, "\n", -1);
  guint parsed = 0;
  for (char **line = lines; *line != NULL; line++)
    {
      if (**line == '\0')
        continue;
      abridge_record record;
      GError *error = NULL;
      if (!parse_record (*line, &record, &error))
        fail_msg ("fixture record %u refused: %s", parsed + 1, error->message);
      assert_non_null (record.id);
      assert_non_null (record.title);
      assert_true (record.text_len > 0);
      if (parsed == 0)
        assert_non_null (strstr (record.title, "Zürich"));
      abridge_record_clear (&record);
      parsed++;
    }
  assert_int_equal (parsed, 3);
  g_strfreev (lines);
  g_free (data);
}

/* ---- abridge_render with a hand-built brief ---------------------------------------- */

typedef struct {
  abridge_document *doc;
  abridge_brief brief;
} Rendered;

/* A brief of sentences 0 and 2 of a small article, and one quote extract. */
static int
setup_brief (void **state)
{
  static const char text[] = "Harbour reopens after strike\n"
                             "\n"
                             "BRUSSELS — Ships moved again on Friday. Tugs worked \"normally\".\n"
                             "\n"
                             "“We are back,” a pilot said.\n";
  Rendered *r = g_new0 (Rendered, 1);
  GError *error = NULL;
  r->doc = abridge_document_new (text, sizeof text - 1, NULL, &error);
  if (r->doc == NULL)
    return -1;
  r->brief.items = g_array_new (FALSE, TRUE, sizeof (abridge_brief_item));
  const uint32_t chosen[] = { 0, 2 };
  for (gsize k = 0; k < G_N_ELEMENTS (chosen); k++)
    {
      abridge_brief_item item = { 0 };
      size_t len = 0;
      const char *s = abridge_document_sentence_text (r->doc, chosen[k], &len);
      item.sentence = chosen[k];
      abridge_document_sentence_span (r->doc, chosen[k], &item.start, &item.end);
      item.score = 1.0 / (double) (k + 1);
      item.text = g_strndup (s, len);
      g_array_append_val (r->brief.items, item);
    }
  uint32_t qs, qe, first;
  /* The last quote: “We are back,” (the first is "normally"). */
  uint32_t n_quotes = abridge_document_quote_count (r->doc);
  if (n_quotes == 0)
    return -1;
  abridge_document_quote_span (r->doc, n_quotes - 1, &qs, &qe, &first, NULL);
  abridge_brief_item extract = { 0 };
  extract.extract = TRUE;
  extract.sentence = first;
  extract.start = qs;
  extract.end = qe;
  extract.score = 0.25;
  extract.text = g_strndup (abridge_document_text (r->doc, NULL) + qs, qe - qs);
  extract.annotations = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (extract.annotations, g_strdup ("speaker"));
  g_ptr_array_add (extract.annotations, g_strdup ("a pilot"));
  /* A plugin's annotation cannot override what the core writes. */
  g_ptr_array_add (extract.annotations, g_strdup ("text"));
  g_ptr_array_add (extract.annotations, g_strdup ("forged"));
  g_array_append_val (r->brief.items, extract);
  *state = r;
  return 0;
}

static int
teardown_brief (void **state)
{
  Rendered *r = *state;
  for (guint i = 0; i < r->brief.items->len; i++)
    {
      abridge_brief_item *item = &g_array_index (r->brief.items, abridge_brief_item, i);
      g_free (item->text);
      if (item->annotations != NULL)
        g_ptr_array_unref (item->annotations);
    }
  g_array_unref (r->brief.items);
  abridge_document_free (r->doc);
  g_free (r);
  return 0;
}

static void
test_render_json_brief_parses_back (void **state)
{
  Rendered *r = *state;
  const AbridgeFormat formats[] = { ABRIDGE_FORMAT_JSON, ABRIDGE_FORMAT_JSONL };
  for (gsize f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      GString *out = g_string_new (NULL);
      abridge_source source = { "harbour \"1\".txt", NULL };
      abridge_render (out, formats[f], &source, r->doc, "lead", &r->brief);
      assert_true (g_str_has_suffix (out->str, "\n"));
      JsonParser *parser = parse_json (out->str);
      JsonObject *obj = json_node_get_object (json_parser_get_root (parser));
      assert_non_null (obj);
      assert_string_equal (json_object_get_string_member (obj, "file"), "harbour \"1\".txt");
      assert_string_equal (json_object_get_string_member (obj, "title"),
                           "Harbour reopens after strike");
      assert_string_equal (json_object_get_string_member (obj, "dateline"), "BRUSSELS");
      assert_string_equal (json_object_get_string_member (obj, "plugin"), "lead");

      JsonArray *sentences = json_object_get_array_member (obj, "sentences");
      assert_int_equal (json_array_get_length (sentences), 2);
      JsonObject *second = json_array_get_object_element (sentences, 1);
      assert_int_equal (json_object_get_int_member (second, "index"), 2);
      assert_string_equal (json_object_get_string_member (second, "text"),
                           "“We are back,” a pilot said.");
      assert_true (fabs (json_object_get_double_member (second, "score") - 0.5) < 1e-9);

      JsonArray *extracts = json_object_get_array_member (obj, "extracts");
      assert_int_equal (json_array_get_length (extracts), 1);
      JsonObject *extract = json_array_get_object_element (extracts, 0);
      /* An extract names the sentence it starts in, not as a sentence index. */
      assert_false (json_object_has_member (extract, "index"));
      assert_int_equal (json_object_get_int_member (extract, "sentence_index"), 2);
      assert_string_equal (json_object_get_string_member (extract, "text"), "“We are back,”");
      assert_string_equal (json_object_get_string_member (extract, "speaker"), "a pilot");

      const char *brief = json_object_get_string_member (obj, "brief");
      assert_true (g_str_has_prefix (brief, "Ships moved again on Friday. “We are back,”"));
      g_object_unref (parser);
      g_string_free (out, TRUE);
    }
}

static void
test_render_jsonl_brief_is_one_line (void **state)
{
  Rendered *r = *state;
  GString *out = g_string_new (NULL);
  abridge_source source = { NULL, "rec-7" };
  abridge_render (out, ABRIDGE_FORMAT_JSONL, &source, r->doc, "lead", &r->brief);
  assert_true (g_str_has_suffix (out->str, "\n"));
  assert_null (memchr (out->str, '\n', out->len - 1));
  JsonParser *parser = parse_json (out->str);
  JsonObject *obj = json_node_get_object (json_parser_get_root (parser));
  assert_string_equal (json_object_get_string_member (obj, "id"), "rec-7");
  assert_false (json_object_has_member (obj, "file"));
  g_object_unref (parser);
  g_string_free (out, TRUE);
}

/* abridge.h: JSON is "one pretty object per article", JSONL "one compact
 * object per line". */
static void
test_render_json_format_is_pretty_printed (void **state)
{
  Rendered *r = *state;
  GString *out = g_string_new (NULL);
  abridge_source source = { NULL, "rec-7" };
  abridge_render (out, ABRIDGE_FORMAT_JSON, &source, r->doc, "lead", &r->brief);
  guint lines = 0;
  for (const char *p = out->str; *p != '\0'; p++)
    lines += *p == '\n';
  if (lines < 2)
    fail_msg ("--format json wrote one line: %s", out->str);
  g_string_free (out, TRUE);
}

static void
test_render_non_finite_score_is_json_null (void **state)
{
  Rendered *r = *state;
  g_array_index (r->brief.items, abridge_brief_item, 0).score = NAN;
  GString *out = g_string_new (NULL);
  abridge_source source = { NULL, "rec" };
  abridge_render (out, ABRIDGE_FORMAT_JSONL, &source, r->doc, "lead", &r->brief);
  JsonParser *parser = parse_json (out->str);
  JsonObject *obj = json_node_get_object (json_parser_get_root (parser));
  JsonArray *sentences = json_object_get_array_member (obj, "sentences");
  JsonObject *first = json_array_get_object_element (sentences, 0);
  assert_true (json_object_get_null_member (first, "score"));
  g_object_unref (parser);
  g_string_free (out, TRUE);
}

static void
test_render_text_brief_is_one_line_per_item (void **state)
{
  Rendered *r = *state;
  GString *out = g_string_new (NULL);
  abridge_source source = { "harbour.txt", NULL };
  abridge_render (out, ABRIDGE_FORMAT_TEXT, &source, r->doc, "lead", &r->brief);
  assert_string_equal (out->str, "Ships moved again on Friday.\n"
                                 "“We are back,” a pilot said.\n"
                                 "“We are back,” — a pilot\n");
  g_string_free (out, TRUE);
}

static void
test_render_markdown_escapes_specials (void **state)
{
  (void) state;
  GString *out = g_string_new (NULL);
  abr_markdown_escape (out, "a*b_c [d] `e` #f <g> |h| \\i", -1);
  assert_string_equal (out->str, "a\\*b\\_c \\[d\\] \\`e\\` \\#f \\<g\\> \\|h\\| \\\\i");
  g_string_free (out, TRUE);
}

/* Integers in JSON output: every digit, no sign, no padding. */
static void
test_render_json_uint_is_decimal (void **state)
{
  (void) state;
  static const struct { guint64 v; const char *text; } cases[] = {
    { 0, "0" }, { 7, "7" }, { 10, "10" }, { 4294967295u, "4294967295" },
    { G_MAXUINT64, "18446744073709551615" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GString *out = g_string_new ("x");
      abridge_json_append_uint (out, cases[i].v);
      assert_string_equal (out->str + 1, cases[i].text);
      g_string_free (out, TRUE);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_render_json_uint_is_decimal),
    cmocka_unit_test (test_render_json_plain_text_is_quoted),
    cmocka_unit_test (test_render_json_quotes_and_backslashes_are_escaped),
    cmocka_unit_test (test_render_json_control_characters_are_escaped),
    cmocka_unit_test (test_render_json_line_and_paragraph_separators_are_escaped),
    cmocka_unit_test (test_render_json_non_ascii_passes_through),
    cmocka_unit_test (test_render_json_length_bounds_the_text),
    cmocka_unit_test (test_render_json_null_is_null),
    cmocka_unit_test (test_render_json_round_trips_a_mixed_sentence),
    cmocka_unit_test (test_render_format_names_are_parsed),
    cmocka_unit_test (test_render_unknown_format_names_are_refused),
    cmocka_unit_test (test_render_record_valid_is_parsed),
    cmocka_unit_test (test_render_json_escapes_at_every_offset),
    cmocka_unit_test (test_render_record_escapes_at_every_offset_are_decoded),
    cmocka_unit_test (test_render_record_control_or_end_at_every_offset_is_refused),
    cmocka_unit_test (test_render_record_without_id_or_title_is_parsed),
    cmocka_unit_test (test_render_record_numeric_id_is_a_string),
    cmocka_unit_test (test_render_record_missing_text_is_refused),
    cmocka_unit_test (test_render_record_text_not_a_string_is_refused),
    cmocka_unit_test (test_render_record_title_not_a_string_is_refused),
    cmocka_unit_test (test_render_record_not_an_object_is_refused),
    cmocka_unit_test (test_render_record_invalid_json_is_refused),
    cmocka_unit_test (test_render_record_malformed_json_is_refused_with_its_offset),
    cmocka_unit_test (test_render_record_escapes_are_decoded),
    cmocka_unit_test (test_render_record_lone_surrogate_is_refused),
    cmocka_unit_test (test_render_record_other_members_are_skipped),
    cmocka_unit_test (test_render_record_deep_nesting_is_refused_not_recursed),
    cmocka_unit_test (test_render_record_invalid_utf8_is_refused),
    cmocka_unit_test (test_render_record_fixture_lines_parse),
    cmocka_unit_test_setup_teardown (test_render_json_brief_parses_back, setup_brief,
                                     teardown_brief),
    cmocka_unit_test_setup_teardown (test_render_jsonl_brief_is_one_line, setup_brief,
                                     teardown_brief),
    cmocka_unit_test_setup_teardown (test_render_json_format_is_pretty_printed, setup_brief,
                                     teardown_brief),
    cmocka_unit_test_setup_teardown (test_render_non_finite_score_is_json_null, setup_brief,
                                     teardown_brief),
    cmocka_unit_test_setup_teardown (test_render_text_brief_is_one_line_per_item, setup_brief,
                                     teardown_brief),
    cmocka_unit_test (test_render_markdown_escapes_specials),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
