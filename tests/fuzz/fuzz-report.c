/* libFuzzer target: batch reports (libabridge/report.c).
 *
 * The input is a settings byte and NUL-separated fields: an entry's id,
 * title, source, date, url, dateline and error (empty: none), then brief
 * items (every third an extract with the next two fields as its speaker
 * and title). Two entries are added, the second failed when the first is
 * not, and the report is finished to a file in the format the settings
 * byte picks, grouped and sorted as it says. Whatever the bytes (invalid
 * UTF-8, markup, newlines, control characters): the report is valid UTF-8
 * with no control character but the newline (C1 included);
 * JSON is one document and JSONL one object a line, each with the entry's
 * id (made valid) and seq; HTML holds no element but the report's own
 * (article text is escaped, never markup). */
#include "config.h"

#include <abridge/abridge.h>
#include <json-glib/json-glib.h>

#include "output/report.h"

#include "fuzz-common.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *out_path;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  fuzz_init_glib ();
  char *dir = g_dir_make_tmp ("abridge-fuzz-report-XXXXXX", NULL);
  FUZZ_CHECK (dir != NULL, "no temporary directory");
  out_path = g_build_filename (dir, "report", NULL);
  g_free (dir);
  return 0;
}

/* Field I of the NUL-separated FIELDS, or "" past the last. */
static const char *
field (char **fields, guint n, guint i)
{
  return i < n ? fields[i] : "";
}

static abridge_brief *
brief_from (char **fields, guint n, guint first)
{
  abridge_brief *brief = abridge_brief_new (0);
  for (guint i = first, k = 0; i < n && k < 16; i++, k++)
    {
      abridge_brief_item item = { .sentence = k, .score = k * 0.25, .text = g_strdup (fields[i]) };
      if (k % 3 == 2)
        {
          item.extract = TRUE;
          item.annotations = g_ptr_array_new_with_free_func (g_free);
          const char *keys[] = { "speaker", "speaker_title" };
          for (guint j = 0; j < 2; j++)
            {
              g_ptr_array_add (item.annotations, g_strdup (keys[j]));
              g_ptr_array_add (item.annotations, g_strdup (field (fields, n, ++i)));
            }
        }
      g_array_append_val (brief->items, item);
    }
  return brief;
}

/* The elements the HTML report itself writes; any other is article text
 * that escaped escaping. */
static void
check_html_elements (const char *html)
{
  static const char *const own[] = { "html", "head", "meta", "title", "style", "body", "header",
                                     "main", "nav", "section", "article", "h1", "h2", "h3", "p",
                                     "span", "b", "code", "ul", "ol", "li", "a", "time", "footer" };
  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      const char *name = p + 1 + (p[1] == '/');
      if (p[1] == '!')
        {
          FUZZ_CHECK (g_str_has_prefix (p, "<!DOCTYPE html>"), "a '<!' of the input: %.40s", p);
          continue;
        }
      gsize len = strspn (name, "abcdefghijklmnopqrstuvwxyz0123456789");
      gboolean known = FALSE;
      for (gsize i = 0; i < G_N_ELEMENTS (own) && !known; i++)
        known = strlen (own[i]) == len && strncmp (own[i], name, len) == 0;
      FUZZ_CHECK (known && (name[len] == '>' || name[len] == ' '), "not the report's own markup: %.40s", p);
    }
}

static void
check_json_entry (JsonNode *node, guint64 seq, const char *id)
{
  FUZZ_CHECK (node != NULL && JSON_NODE_HOLDS_OBJECT (node), "a report entry is not an object");
  JsonObject *o = json_node_get_object (node);
  FUZZ_CHECK (json_object_get_int_member (o, "seq") == (gint64) seq, "entry seq is not %" G_GUINT64_FORMAT, seq);
  char *valid = g_utf8_make_valid (id, -1);
  FUZZ_CHECK (g_strcmp0 (json_object_get_string_member (o, "id"), valid) == 0, "entry id changed");
  g_free (valid);
}

/* No control character but the newline in any report: C0, DEL and C1
 * (U+0080-U+009F) are escaped (JSON) or become spaces (Markdown, HTML),
 * so that article text cannot drive the terminal that shows a report. */
static void
check_no_controls (const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];
      FUZZ_CHECK ((c >= 0x20 && c != 0x7F) || c == '\n', "control byte 0x%02X at %zu", c, i);
      FUZZ_CHECK (!(c == 0xC2 && i + 1 < len && (guchar) text[i + 1] <= 0x9F),
                  "C1 control at %zu", i);
    }
}

static void
check_report (AbridgeReportFormat format, const char *text, gsize len, const char *id,
              AbridgeReportSort sort)
{
  FUZZ_CHECK (fuzz_is_text (text, len) && strlen (text) == len, "the report is not valid UTF-8");
  check_no_controls (text, len);
  if (format == ABRIDGE_REPORT_HTML)
    check_html_elements (text);
  if (format == ABRIDGE_REPORT_JSON)
    {
      JsonParser *parser = json_parser_new ();
      GError *error = NULL;
      FUZZ_CHECK (json_parser_load_from_data (parser, text, (gssize) len, &error),
                  "the JSON report does not parse: %s", error->message);
      JsonObject *root = json_node_get_object (json_parser_get_root (parser));
      JsonArray *articles = json_object_get_array_member (root, "articles");
      FUZZ_CHECK (articles != NULL && json_array_get_length (articles) == 2, "not two articles");
      if (sort == ABRIDGE_SORT_INPUT)
        for (guint i = 0; i < 2; i++)
          check_json_entry (json_array_get_element (articles, i), i, id);
      g_object_unref (parser);
    }
  if (format == ABRIDGE_REPORT_JSONL)
    {
      char **lines = g_strsplit (text, "\n", -1);
      FUZZ_CHECK (g_strv_length (lines) == 3 && *lines[2] == '\0', "not two lines");
      for (guint i = 0; i < 2; i++)
        {
          JsonParser *parser = json_parser_new ();
          FUZZ_CHECK (json_parser_load_from_data (parser, lines[i], -1, NULL),
                      "JSONL line %u does not parse", i);
          if (sort == ABRIDGE_SORT_INPUT)
            check_json_entry (json_parser_get_root (parser), i, id);
          g_object_unref (parser);
        }
      g_strfreev (lines);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 1 || size > 64 * 1024)
    return 0;
  guint8 settings = data[0];
  GPtrArray *parts = g_ptr_array_new ();
  const char *p = (const char *) data + 1, *end = (const char *) data + size;
  while (p <= end)
    {
      const char *nul = memchr (p, '\0', (size_t) (end - p));
      const char *stop = nul != NULL ? nul : end;
      g_ptr_array_add (parts, g_strndup (p, (gsize) (stop - p)));
      p = stop + 1;
    }
  g_ptr_array_add (parts, NULL);
  char **fields = (char **) g_ptr_array_free (parts, FALSE);
  guint n = g_strv_length (fields);

  abridge_report_options options = {
    .format = (AbridgeReportFormat) (settings & 3),
    .group_by = (AbridgeReportGroup) ((settings >> 2) % 3),
    .sort = (AbridgeReportSort) ((settings >> 4) % 3),
    .title = settings & 0x80 ? field (fields, n, 7) : NULL,
    .plugin = "lead",
    .budget = "3 sentences",
  };
  GError *error = NULL;
  abridge_report *report = abridge_report_new (&options, &error);
  FUZZ_CHECK (report != NULL, "report_new: %s", error != NULL ? error->message : "?");

  const char *failure = field (fields, n, 6);
  abridge_brief *brief = brief_from (fields, n, 7);
  for (guint64 seq = 0; seq < 2; seq++)
    {
      /* The second entry fails when the first does not, and succeeds
       * when it does: both kinds in every report. */
      gboolean failed = (*failure != '\0') != (seq == 1);
      abridge_report_entry entry = {
        .seq = seq, .id = field (fields, n, 0), .title = field (fields, n, 1),
        .source = field (fields, n, 2), .date = field (fields, n, 3), .url = field (fields, n, 4),
        .dateline = field (fields, n, 5), .error = failed ? (*failure ? failure : "failed") : NULL,
        .brief = failed ? NULL : brief,
      };
      FUZZ_CHECK (abridge_report_add (report, &entry, &error), "report_add: %s", error->message);
    }
  abridge_brief_free (brief);
  FUZZ_CHECK (abridge_report_finish (report, out_path, 0.5, &error), "report_finish: %s",
              error->message);

  char *text = NULL;
  gsize len = 0;
  FUZZ_CHECK (g_file_get_contents (out_path, &text, &len, NULL), "no report written");
  check_report (options.format, text, len, field (fields, n, 0), options.sort);
  g_free (text);
  g_strfreev (fields);
  return 0;
}
