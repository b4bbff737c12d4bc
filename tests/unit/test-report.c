/* Unit tests of report.c: batch reports in Markdown, HTML, JSON and JSONL, their order, escaping and failures. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include <abridge/abridge.h>

#include "output/report.h"
#include "output/wording.h"

/* ---- building briefs as the engine does ------------------------------------ */

/* The engine's item_clear(): a brief owns its items' text and annotations. */
static void
item_clear (gpointer data)
{
  abridge_brief_item *item = data;
  g_free (item->text);
  if (item->annotations != NULL)
    g_ptr_array_unref (item->annotations);
}

static abridge_brief *
brief_new (void)
{
  abridge_brief *brief = g_new0 (abridge_brief, 1);
  brief->items = g_array_new (FALSE, TRUE, sizeof (abridge_brief_item));
  g_array_set_clear_func (brief->items, item_clear);
  return brief;
}

static void
brief_add_sentence (abridge_brief *brief, uint32_t index, const char *text, double score)
{
  abridge_brief_item item = { .extract = FALSE, .sentence = index, .score = score,
                              .text = g_strdup (text) };
  g_array_append_val (brief->items, item);
}

static void
brief_add_quote (abridge_brief *brief, uint32_t sentence, const char *text, const char *speaker,
                 const char *speaker_title)
{
  abridge_brief_item item = { .extract = TRUE, .sentence = sentence, .score = 0.5,
                              .text = g_strdup (text) };
  item.annotations = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (item.annotations, g_strdup ("speaker"));
  g_ptr_array_add (item.annotations, g_strdup (speaker));
  if (speaker_title != NULL)
    {
      g_ptr_array_add (item.annotations, g_strdup ("speaker_title"));
      g_ptr_array_add (item.annotations, g_strdup (speaker_title));
    }
  /* A key the core does not know: a report passes it through. */
  g_ptr_array_add (item.annotations, g_strdup ("cue"));
  g_ptr_array_add (item.annotations, g_strdup ("said"));
  g_array_append_val (brief->items, item);
}

/* ---- a small batch: three briefs and one failure ---------------------------------- */

#define N_STANDARD 4

typedef struct {
  abridge_report_entry entries[N_STANDARD];
  abridge_brief *briefs[N_STANDARD];
} Batch;

static void
batch_init (Batch *b)
{
  memset (b, 0, sizeof *b);
  b->briefs[0] = brief_new ();
  brief_add_sentence (b->briefs[0], 0, "The port reopened on Monday after a two-week strike.", 1.0);
  brief_add_sentence (b->briefs[0], 3, "Ships queued for days.", 0.75);
  brief_add_quote (b->briefs[0], 4, "“We are back to work,”", "Jane Doe", "port director");
  b->briefs[0]->keywords = g_strsplit ("port,strike", ",", -1);
  b->entries[0] = (abridge_report_entry) {
    .seq = 0, .id = "port-2024", .title = "Port reopens after strike", .source = "Harbour Times",
    .date = "2024-03-05", .url = "https://example.com/port", .dateline = "ROTTERDAM",
    .brief = b->briefs[0],
  };
  b->entries[1] = (abridge_report_entry) {
    .seq = 1, .id = "bad-1", .error = "invalid UTF-8 at byte 12",
  };
  b->briefs[2] = brief_new ();
  brief_add_sentence (b->briefs[2], 0, "Rail fares rise by 4% in April.", 0.9);
  b->entries[2] = (abridge_report_entry) {
    .seq = 2, .id = "rail-7", .title = "Rail fares rise", .source = "Daily Ledger",
    .date = "2024-03-04", .brief = b->briefs[2],
  };
  b->briefs[3] = brief_new ();
  brief_add_sentence (b->briefs[3], 1, "A sentence without a title above it.", NAN);
  b->entries[3] = (abridge_report_entry) { .seq = 3, .id = "untitled.txt", .brief = b->briefs[3] };
}

static void
batch_clear (Batch *b)
{
  for (gsize i = 0; i < N_STANDARD; i++)
    abridge_brief_free (b->briefs[i]);
}

static abridge_report_options
options_for (AbridgeReportFormat format)
{
  return (abridge_report_options) { .format = format, .title = "Morning report",
                                    .plugin = "lead", .budget = "3 sentences" };
}

/* ---- rendering to a file ---------------------------------------------------- */

/* Renders ENTRIES[0, N) with OPTIONS into a file of a fresh directory and
 * returns the file's bytes; asserts that nothing but the report is left in
 * the directory (no temporary file). */
static char *
render (const abridge_report_options *options, const abridge_report_entry *entries, gsize n)
{
  GError *error = NULL;
  char *dir = g_dir_make_tmp ("test-report-XXXXXX", &error);
  assert_non_null (dir);
  char *path = g_build_filename (dir, "report.out", NULL);
  abridge_report *report = abridge_report_new (options, &error);
  if (report == NULL)
    fail_msg ("abridge_report_new: %s", error->message);
  for (gsize i = 0; i < n; i++)
    if (!abridge_report_add (report, &entries[i], &error))
      fail_msg ("abridge_report_add: %s", error->message);
  if (!abridge_report_finish (report, path, 1.5, &error))
    fail_msg ("abridge_report_finish: %s", error->message);

  char *contents = NULL;
  gsize len = 0;
  assert_true (g_file_get_contents (path, &contents, &len, NULL));
  assert_int_equal (strlen (contents), len);
  assert_true (g_utf8_validate (contents, (gssize) len, NULL));

  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint files = 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (strcmp (name, "report.out") != 0)
        fail_msg ("left behind in the output directory: %s", name);
      files++;
    }
  g_dir_close (d);
  assert_int_equal (files, 1);
  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
  return contents;
}

static char *
render_batch (AbridgeReportFormat format, AbridgeReportGroup group, AbridgeReportSort sort)
{
  Batch b;
  batch_init (&b);
  abridge_report_options options = options_for (format);
  options.group_by = group;
  options.sort = sort;
  char *out = render (&options, b.entries, N_STANDARD);
  batch_clear (&b);
  return out;
}

static JsonParser *
parse_json (const char *json)
{
  JsonParser *parser = json_parser_new ();
  GError *error = NULL;
  if (!json_parser_load_from_data (parser, json, -1, &error))
    fail_msg ("not valid JSON (%s): %s", error->message, json);
  return parser;
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;
  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* Where NEEDLE first occurs in HAYSTACK; fails the test when it does not. */
static gsize
position (const char *haystack, const char *needle)
{
  const char *p = strstr (haystack, needle);
  if (p == NULL)
    fail_msg ("\"%s\" not found in:\n%s", needle, haystack);
  return (gsize) (p - haystack);
}

static void
assert_in_order (const char *text, const char *const *needles, gsize n)
{
  for (gsize i = 1; i < n; i++)
    if (position (text, needles[i - 1]) >= position (text, needles[i]))
      fail_msg ("\"%s\" is not before \"%s\" in:\n%s", needles[i - 1], needles[i], text);
}

/* The values of every ATTR="…" in HTML, in order. */
static GPtrArray *
attribute_values (const char *html, const char *attr)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  char *prefix = g_strdup_printf (" %s=\"", attr);
  for (const char *p = html; (p = strstr (p, prefix)) != NULL;)
    {
      p += strlen (prefix);
      const char *end = strchr (p, '"');
      assert_non_null (end);
      g_ptr_array_add (values, g_strndup (p, (gsize) (end - p)));
      p = end;
    }
  g_free (prefix);
  return values;
}

/* ---- Markdown ------------------------------------------------------------------ */

static void
test_report_markdown_has_header_sections_and_failures (void **state)
{
  (void) state;
  char *md = render_batch (ABRIDGE_REPORT_MARKDOWN, ABRIDGE_GROUP_NONE, ABRIDGE_SORT_INPUT);
  assert_true (g_str_has_prefix (md, "# Morning report\n\n"));
  const char *order[] = {
    "4 articles: 3 summarized, 1 failed.\n\n", "- Plugins: lead\n", "- Budget: 3 sentences\n",
    "## Port reopens after strike\n",
    "*port-2024* · Harbour Times · 2024-03-05 · ROTTERDAM · https://example.com/port\n",
    "- The port reopened on Monday after a two-week strike.\n",
    "- “We are back to work,” — Jane Doe, port director\n",
    "*Keywords:* port, strike\n",
    "## Rail fares rise\n", "## untitled.txt\n", "## Failures\n\n- bad-1: invalid UTF-8 at byte 12\n",
  };
  assert_in_order (md, order, G_N_ELEMENTS (order));
  /* A failed article is listed, not given a section of its own. */
  assert_int_equal (count (md, "bad-1"), 1);
  assert_int_equal (count (md, "\n## "), 4);
  /* No time without a timestamp. */
  assert_null (strstr (md, "Generated"));
  g_free (md);
}

static void
test_report_markdown_quote_gets_marks_and_speaker_without_title (void **state)
{
  (void) state;
  abridge_brief *brief = brief_new ();
  brief_add_quote (brief, 2, "we will not give up", "Ann Lee", NULL);
  abridge_report_entry entry = { .seq = 0, .id = "q", .title = "Quotes", .brief = brief };
  abridge_report_options options = options_for (ABRIDGE_REPORT_MARKDOWN);
  char *md = render (&options, &entry, 1);
  position (md, "- “we will not give up” — Ann Lee\n");
  g_free (md);
  abridge_brief_free (brief);
}

static void
test_report_markdown_newlines_and_specials_stay_inline (void **state)
{
  (void) state;
  abridge_brief *brief = brief_new ();
  brief_add_sentence (brief, 0, "Line one\n# not a heading", 1);
  abridge_report_entry entries[] = {
    { .seq = 0, .id = "a*b", .title = "Title\n## Injected", .brief = brief },
    { .seq = 1, .id = "bad_[x]", .error = "reason\nspread over\nlines" },
  };
  abridge_report_options options = options_for (ABRIDGE_REPORT_MARKDOWN);
  char *md = render (&options, entries, G_N_ELEMENTS (entries));
  position (md, "## Title \\#\\# Injected\n");
  position (md, "- Line one \\# not a heading\n");
  position (md, "*a\\*b*");
  position (md, "- bad\\_\\[x\\]: reason spread over lines\n");
  assert_null (strstr (md, "\n## Injected"));
  g_free (md);
  abridge_brief_free (brief);
}

static void
test_report_markdown_groups_by_source (void **state)
{
  (void) state;
  char *md = render_batch (ABRIDGE_REPORT_MARKDOWN, ABRIDGE_GROUP_SOURCE, ABRIDGE_SORT_INPUT);
  /* Groups sorted by key, the group without a source last; articles one level down. */
  const char *order[] = {
    "## Daily Ledger\n\n### Rail fares rise\n", "## Harbour Times\n\n### Port reopens after strike\n",
    "## Unknown source\n\n### untitled.txt\n", "## Failures\n",
  };
  assert_in_order (md, order, G_N_ELEMENTS (order));
  g_free (md);
}

static void
test_report_markdown_timestamp_shows_time (void **state)
{
  (void) state;
  Batch b;
  batch_init (&b);
  abridge_report_options options = options_for (ABRIDGE_REPORT_MARKDOWN);
  options.timestamp = "2024-03-06T08:00:00Z";
  char *md = render (&options, b.entries, N_STANDARD);
  position (md, "- Generated: 2024-03-06T08:00:00Z in 1.5 s\n");
  g_free (md);
  batch_clear (&b);
}

/* ---- HTML ------------------------------------------------------------------- */

#define HOSTILE "<script>alert(1)</script> & \"q\" 'a'"

static char *
render_hostile_html (void)
{
  abridge_brief *brief = brief_new ();
  brief_add_sentence (brief, 0, "Sentence " HOSTILE, 1);
  brief_add_quote (brief, 1, "Quote " HOSTILE, "Speaker " HOSTILE, "Role " HOSTILE);
  brief->keywords = g_strsplit ("kw<script>,b&c", ",", -1);
  abridge_report_entry entries[] = {
    { .seq = 0, .id = "id " HOSTILE, .title = "Title " HOSTILE, .source = "Source " HOSTILE,
      .date = "Date " HOSTILE, .url = "javascript:alert(1)\" onclick=\"x", .dateline = "DL " HOSTILE,
      .brief = brief },
    { .seq = 1, .id = "failed " HOSTILE, .error = "Reason " HOSTILE },
  };
  abridge_report_options options = options_for (ABRIDGE_REPORT_HTML);
  options.title = "Report " HOSTILE;
  options.plugin = "plugin " HOSTILE;
  options.budget = "budget " HOSTILE;
  options.group_by = ABRIDGE_GROUP_SOURCE;
  char *html = render (&options, entries, G_N_ELEMENTS (entries));
  abridge_brief_free (brief);
  return html;
}

static void
test_report_html_escapes_every_piece_of_text (void **state)
{
  (void) state;
  char *html = render_hostile_html ();
  char *lower = g_ascii_strdown (html, -1);
  assert_null (strstr (lower, "<script"));
  assert_null (strstr (lower, "onclick=\""));
  assert_null (strstr (html, "\"q\""));
  assert_null (strstr (html, "'a'"));
  assert_null (strstr (html, " & "));
  const char *escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;";
  const char *pieces[] = { "Report ", "plugin ", "budget ", "Title ", "id ", "Source ", "Date ",
                           "DL ", "Sentence ", "Quote ", "Speaker ", "Role ", "failed ", "Reason " };
  for (gsize i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      char *expected = g_strconcat (pieces[i], escaped, NULL);
      position (html, expected);
      g_free (expected);
    }
  position (html, "kw&lt;script&gt;, b&amp;c");
  g_free (lower);
  g_free (html);
}

static void
test_report_html_is_self_contained (void **state)
{
  (void) state;
  char *html = render_batch (ABRIDGE_REPORT_HTML, ABRIDGE_GROUP_NONE, ABRIDGE_SORT_INPUT);
  char *lower = g_ascii_strdown (html, -1);
  assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"en\">\n"));
  position (html, "<meta charset=\"utf-8\">");
  position (html, "<style>");
  position (html, "@media print");
  assert_null (strstr (lower, "<script"));
  assert_null (strstr (lower, " src="));
  assert_null (strstr (lower, "url("));
  assert_null (strstr (lower, "@import"));
  assert_null (strstr (lower, "<link"));
  assert_null (strstr (lower, "<img"));
  /* The article's URL is its one link out, opening nothing of this page. */
  position (html, "<a class=\"url\" href=\"https://example.com/port\" rel=\"noopener "
                  "noreferrer\">https://example.com/port</a>");
  GPtrArray *hrefs = attribute_values (html, "href");
  assert_true (hrefs->len > 0);
  guint out = 0;
  for (guint i = 0; i < hrefs->len; i++)
    if (((char *) hrefs->pdata[i])[0] != '#')
      out++;
  assert_int_equal (out, 1);
  g_ptr_array_unref (hrefs);
  assert_true (g_str_has_suffix (html, "</html>\n"));
  g_free (lower);
  g_free (html);
}

/* Every TOC link has exactly one target, and every article id one link. */
static void
assert_anchors_match (const char *html)
{
  GPtrArray *hrefs = attribute_values (html, "href");
  GPtrArray *ids = attribute_values (html, "id");
  for (guint i = 0; i < hrefs->len; i++)
    {
      const char *href = hrefs->pdata[i];
      if (g_str_has_prefix (href, "http"))
        continue; /* an article's own URL */
      assert_int_equal (href[0], '#');
      guint targets = 0;
      for (guint j = 0; j < ids->len; j++)
        targets += strcmp (ids->pdata[j], href + 1) == 0;
      if (targets != 1)
        fail_msg ("%s has %u targets", href, targets);
    }
  for (guint j = 0; j < ids->len; j++)
    {
      char *href = g_strconcat ("#", (char *) ids->pdata[j], NULL);
      guint links = 0;
      for (guint i = 0; i < hrefs->len; i++)
        links += strcmp (hrefs->pdata[i], href) == 0;
      if (links != 1)
        fail_msg ("id %s has %u links", (char *) ids->pdata[j], links);
      g_free (href);
    }
  g_ptr_array_unref (hrefs);
  g_ptr_array_unref (ids);
}

static void
test_report_html_toc_anchors_match_section_ids (void **state)
{
  (void) state;
  char *html = render_batch (ABRIDGE_REPORT_HTML, ABRIDGE_GROUP_NONE, ABRIDGE_SORT_TITLE);
  assert_anchors_match (html);
  /* Anchors come from seq; the failure is reached through its section. */
  position (html, "<a href=\"#a-0\">Port reopens after strike</a>");
  position (html, "<article id=\"a-2\">");
  position (html, "<a href=\"#a-3\">untitled.txt</a>");
  position (html, "<a href=\"#failures\">Failures (1)</a>");
  assert_null (strstr (html, "a-1\""));
  /* The TOC comes before the sections and follows their order. */
  const char *order[] = { "href=\"#a-0\"", "href=\"#a-2\"", "href=\"#a-3\"", "<main>",
                          "id=\"a-0\"", "id=\"a-2\"", "id=\"a-3\"", "id=\"failures\"" };
  assert_in_order (html, order, G_N_ELEMENTS (order));
  g_free (html);

  /* Hostile ids never reach an id attribute. */
  html = render_hostile_html ();
  assert_anchors_match (html);
  g_free (html);
}

static void
test_report_html_groups_have_headings_and_toc_entries (void **state)
{
  (void) state;
  char *html = render_batch (ABRIDGE_REPORT_HTML, ABRIDGE_GROUP_SOURCE, ABRIDGE_SORT_INPUT);
  assert_anchors_match (html);
  const char *order[] = {
    "<a href=\"#g-1\">Daily Ledger</a>", "<a href=\"#g-2\">Harbour Times</a>",
    "<a href=\"#g-3\">Unknown source</a>", "<main>",
    "<section class=\"group\" id=\"g-1\">\n<h2>Daily Ledger</h2>\n<article id=\"a-2\">\n<h3>",
    "<section class=\"group\" id=\"g-2\">\n<h2>Harbour Times</h2>\n<article id=\"a-0\">",
    "<h2>Unknown source</h2>\n<article id=\"a-3\">", "<h2>Failures</h2>",
  };
  assert_in_order (html, order, G_N_ELEMENTS (order));
  /* Sections are balanced. */
  assert_int_equal (count (html, "<section"), count (html, "</section>"));
  assert_int_equal (count (html, "<article"), count (html, "</article>"));
  assert_int_equal (count (html, "<ol"), count (html, "</ol>"));
  g_free (html);
}

static void
test_report_html_summary_shows_counts_and_time_only_with_timestamp (void **state)
{
  (void) state;
  char *html = render_batch (ABRIDGE_REPORT_HTML, ABRIDGE_GROUP_NONE, ABRIDGE_SORT_INPUT);
  position (html, "<p class=\"summary\">4 articles: 3 summarized, 1 failed.</p>");
  assert_null (strstr (html, "generated"));
  g_free (html);

  Batch b;
  batch_init (&b);
  abridge_report_options options = options_for (ABRIDGE_REPORT_HTML);
  options.timestamp = "2024-03-06T08:00:00Z";
  html = render (&options, b.entries, 1);
  position (html, "<p class=\"summary\">1 article; generated 2024-03-06T08:00:00Z in 1.5 s.</p>");
  assert_null (strstr (html, "id=\"failures\""));
  g_free (html);
  batch_clear (&b);
}

/* ---- JSON and JSONL ----------------------------------------------------------------- */

static JsonObject *
article_at (JsonObject *root, guint i)
{
  JsonArray *articles = json_object_get_array_member (root, "articles");
  return json_array_get_object_element (articles, i);
}

static void
test_report_json_has_header_counts_and_members (void **state)
{
  (void) state;
  char *json = render_batch (ABRIDGE_REPORT_JSON, ABRIDGE_GROUP_NONE, ABRIDGE_SORT_INPUT);
  JsonParser *parser = parse_json (json);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *header = json_object_get_object_member (root, "report");
  assert_string_equal (json_object_get_string_member (header, "title"), "Morning report");
  assert_string_equal (json_object_get_string_member (header, "plugin"), "lead");
  assert_string_equal (json_object_get_string_member (header, "budget"), "3 sentences");
  assert_int_equal (json_object_get_int_member (header, "articles"), 4);
  assert_int_equal (json_object_get_int_member (header, "failures"), 1);
  assert_false (json_object_has_member (header, "timestamp"));
  assert_int_equal (json_array_get_length (json_object_get_array_member (root, "articles")), 4);

  JsonObject *port = article_at (root, 0);
  assert_int_equal (json_object_get_int_member (port, "seq"), 0);
  assert_string_equal (json_object_get_string_member (port, "id"), "port-2024");
  assert_string_equal (json_object_get_string_member (port, "title"), "Port reopens after strike");
  assert_string_equal (json_object_get_string_member (port, "source"), "Harbour Times");
  assert_string_equal (json_object_get_string_member (port, "date"), "2024-03-05");
  assert_string_equal (json_object_get_string_member (port, "url"), "https://example.com/port");
  assert_string_equal (json_object_get_string_member (port, "dateline"), "ROTTERDAM");
  assert_false (json_object_has_member (port, "error"));
  assert_false (json_object_has_member (port, "group"));
  JsonArray *sentences = json_object_get_array_member (port, "sentences");
  assert_int_equal (json_array_get_length (sentences), 2);
  JsonObject *s1 = json_array_get_object_element (sentences, 1);
  assert_int_equal (json_object_get_int_member (s1, "index"), 3);
  assert_string_equal (json_object_get_string_member (s1, "text"), "Ships queued for days.");
  assert_true (fabs (json_object_get_double_member (s1, "score") - 0.75) < 1e-9);
  /* Extracts are the items a plugin chose as spans, with every annotation
   * it gave them, as `abridge -f json` writes them. */
  assert_false (json_object_has_member (port, "quotes"));
  JsonArray *extracts = json_object_get_array_member (port, "extracts");
  assert_int_equal (json_array_get_length (extracts), 1);
  JsonObject *q = json_array_get_object_element (extracts, 0);
  assert_false (json_object_has_member (q, "quote"));
  assert_true (fabs (json_object_get_double_member (q, "score") - 0.5) < 1e-9);
  assert_string_equal (json_object_get_string_member (q, "cue"), "said");
  assert_string_equal (json_object_get_string_member (q, "speaker"), "Jane Doe");
  assert_string_equal (json_object_get_string_member (q, "speaker_title"), "port director");
  assert_int_equal (json_object_get_int_member (q, "sentence_index"), 4);
  assert_string_equal (json_object_get_string_member (q, "text"), "“We are back to work,”");
  JsonArray *keywords = json_object_get_array_member (port, "keywords");
  assert_int_equal (json_array_get_length (keywords), 2);
  assert_string_equal (json_array_get_string_element (keywords, 1), "strike");

  JsonObject *bad = article_at (root, 1);
  assert_string_equal (json_object_get_string_member (bad, "error"), "invalid UTF-8 at byte 12");
  assert_true (json_object_get_null_member (bad, "title"));
  assert_int_equal (json_array_get_length (json_object_get_array_member (bad, "sentences")), 0);

  /* A non-finite score is null, not "nan". */
  JsonObject *untitled = article_at (root, 3);
  JsonObject *s = json_array_get_object_element (json_object_get_array_member (untitled, "sentences"), 0);
  assert_true (json_object_get_null_member (s, "score"));
  assert_false (json_object_has_member (untitled, "keywords"));
  g_object_unref (parser);
  g_free (json);
}

static void
test_report_json_survives_quotes_control_characters_and_bad_utf8 (void **state)
{
  (void) state;
  const char *nasty = "say \"hi\"\\ \x01\x1f\t\n\r\x7f end\xE2\x80\xA8";
  abridge_brief *brief = brief_new ();
  brief_add_sentence (brief, 0, nasty, 1);
  brief_add_quote (brief, 1, nasty, nasty, nasty);
  abridge_report_entry entries[] = {
    { .seq = 0, .id = nasty, .title = nasty, .source = nasty, .date = nasty, .url = nasty,
      .dateline = nasty, .brief = brief },
    { .seq = 1, .id = "bytes", .title = "broken \xff\xfe UTF-8", .error = nasty },
  };
  for (int format = ABRIDGE_REPORT_JSON; format <= ABRIDGE_REPORT_JSONL; format++)
    {
      abridge_report_options options = options_for ((AbridgeReportFormat) format);
      options.title = nasty;
      options.group_by = ABRIDGE_GROUP_DATE;
      char *json = render (&options, entries, G_N_ELEMENTS (entries));
      char **lines = g_strsplit (json, "\n", -1);
      for (char **line = lines; format == ABRIDGE_REPORT_JSONL && **line != '\0'; line++)
        {
          JsonParser *parser = parse_json (*line);
          JsonObject *o = json_node_get_object (json_parser_get_root (parser));
          if (json_object_get_int_member (o, "seq") == 0)
            {
              assert_string_equal (json_object_get_string_member (o, "title"), nasty);
              assert_string_equal (json_object_get_string_member (o, "group"), nasty);
              JsonObject *q = json_array_get_object_element (json_object_get_array_member (o, "extracts"), 0);
              assert_string_equal (json_object_get_string_member (q, "speaker_title"), nasty);
            }
          else
            {
              assert_string_equal (json_object_get_string_member (o, "error"), nasty);
              assert_true (g_str_has_prefix (json_object_get_string_member (o, "title"), "broken "));
            }
          g_object_unref (parser);
        }
      if (format == ABRIDGE_REPORT_JSON)
        {
          JsonParser *parser = parse_json (json);
          JsonObject *root = json_node_get_object (json_parser_get_root (parser));
          JsonObject *header = json_object_get_object_member (root, "report");
          assert_string_equal (json_object_get_string_member (header, "title"), nasty);
          g_object_unref (parser);
        }
      g_strfreev (lines);
      g_free (json);
    }
  abridge_brief_free (brief);
}

static void
test_report_jsonl_is_one_object_a_line_without_header (void **state)
{
  (void) state;
  char *jsonl = render_batch (ABRIDGE_REPORT_JSONL, ABRIDGE_GROUP_NONE, ABRIDGE_SORT_INPUT);
  assert_true (g_str_has_suffix (jsonl, "}\n"));
  char **lines = g_strsplit (jsonl, "\n", -1);
  assert_int_equal (g_strv_length (lines), N_STANDARD + 1);
  assert_string_equal (lines[N_STANDARD], "");
  for (guint i = 0; i < N_STANDARD; i++)
    {
      JsonParser *parser = parse_json (lines[i]);
      JsonObject *o = json_node_get_object (json_parser_get_root (parser));
      assert_non_null (o);
      assert_false (json_object_has_member (o, "report"));
      assert_int_equal (json_object_get_int_member (o, "seq"), i);
      assert_true (json_object_has_member (o, "sentences"));
      g_object_unref (parser);
    }
  g_strfreev (lines);
  g_free (jsonl);
}

static void
test_report_json_group_is_a_member (void **state)
{
  (void) state;
  char *json = render_batch (ABRIDGE_REPORT_JSON, ABRIDGE_GROUP_SOURCE, ABRIDGE_SORT_INPUT);
  JsonParser *parser = parse_json (json);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  /* Grouped: by source, the failure (no source) among the last, seq breaking ties. */
  const char *ids[] = { "rail-7", "port-2024", "bad-1", "untitled.txt" };
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    assert_string_equal (json_object_get_string_member (article_at (root, i), "id"), ids[i]);
  assert_string_equal (json_object_get_string_member (article_at (root, 0), "group"), "Daily Ledger");
  assert_true (json_object_get_null_member (article_at (root, 3), "group"));
  g_object_unref (parser);
  g_free (json);
}

/* ---- order ------------------------------------------------------------------- */

/* The ids of a JSONL report, in order, joined by spaces. */
static char *
ids_of (const abridge_report_options *options, const abridge_report_entry *entries, gsize n)
{
  char *jsonl = render (options, entries, n);
  GString *ids = g_string_new (NULL);
  char **lines = g_strsplit (jsonl, "\n", -1);
  for (char **line = lines; **line != '\0'; line++)
    {
      JsonParser *parser = parse_json (*line);
      JsonObject *o = json_node_get_object (json_parser_get_root (parser));
      g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "",
                              json_object_get_string_member (o, "id"));
      g_object_unref (parser);
    }
  g_strfreev (lines);
  g_free (jsonl);
  return g_string_free (ids, FALSE);
}

static void
test_report_sort_by_title_is_stable_with_missing_titles_last (void **state)
{
  (void) state;
  abridge_report_entry entries[] = {
    { .seq = 0, .id = "e0", .title = "banana" },
    { .seq = 1, .id = "e1" },
    { .seq = 2, .id = "e2", .title = "Apple" },
    { .seq = 3, .id = "e3", .title = "banana" },
    { .seq = 4, .id = "e4", .title = "apple" },
    { .seq = 5, .id = "e5", .title = "" },
    { .seq = 6, .id = "e6", .title = "Cherry", .error = "failed" },
  };
  abridge_report_options options = options_for (ABRIDGE_REPORT_JSONL);
  options.sort = ABRIDGE_SORT_TITLE;
  char *ids = ids_of (&options, entries, G_N_ELEMENTS (entries));
  /* Case-insensitive; "Apple" and "apple" tie and keep input order. */
  assert_string_equal (ids, "e2 e4 e0 e3 e6 e1 e5");
  g_free (ids);

  options.format = ABRIDGE_REPORT_MARKDOWN;
  char *md = render (&options, entries, G_N_ELEMENTS (entries));
  const char *order[] = { "## Apple\n", "## apple\n", "## banana\n\n*e0*", "## banana\n\n*e3*",
                          "## e1\n", "## e5\n", "## Failures\n" };
  assert_in_order (md, order, G_N_ELEMENTS (order));
  g_free (md);
}

static void
test_report_sort_by_date_is_stable_with_missing_dates_last (void **state)
{
  (void) state;
  abridge_report_entry entries[] = {
    { .seq = 0, .id = "e0", .date = "2024-03-05" },
    { .seq = 1, .id = "e1" },
    { .seq = 2, .id = "e2", .date = "2024-03-04" },
    { .seq = 3, .id = "e3", .date = "2024-03-05" },
    { .seq = 4, .id = "e4", .date = "2023-12-31" },
    { .seq = 5, .id = "e5", .date = "2024-03-04" },
  };
  abridge_report_options options = options_for (ABRIDGE_REPORT_JSONL);
  options.sort = ABRIDGE_SORT_DATE;
  char *ids = ids_of (&options, entries, G_N_ELEMENTS (entries));
  assert_string_equal (ids, "e4 e2 e5 e0 e3 e1");
  g_free (ids);
  options.sort = ABRIDGE_SORT_INPUT;
  ids = ids_of (&options, entries, G_N_ELEMENTS (entries));
  assert_string_equal (ids, "e0 e1 e2 e3 e4 e5");
  g_free (ids);
}

static void
test_report_group_by_date_uses_the_day_and_sorts_within (void **state)
{
  (void) state;
  abridge_report_entry entries[] = {
    { .seq = 0, .id = "late", .title = "Zebra", .date = "2024-03-05T18:00:00Z" },
    { .seq = 1, .id = "undated", .title = "Alpha" },
    { .seq = 2, .id = "early", .title = "Moose", .date = "2024-03-04" },
    { .seq = 3, .id = "morning", .title = "Aardvark", .date = "2024-03-05T06:00:00Z" },
  };
  abridge_report_options options = options_for (ABRIDGE_REPORT_MARKDOWN);
  options.group_by = ABRIDGE_GROUP_DATE;
  options.sort = ABRIDGE_SORT_TITLE;
  char *md = render (&options, entries, G_N_ELEMENTS (entries));
  const char *order[] = { "## 2024-03-04\n\n### Moose\n", "## 2024-03-05\n\n### Aardvark\n",
                          "### Zebra\n", "## Undated\n\n### Alpha\n" };
  assert_in_order (md, order, G_N_ELEMENTS (order));
  assert_int_equal (count (md, "\n## "), 3);
  g_free (md);

  /* HTML heads the days as people write them, in the TOC too. */
  options.format = ABRIDGE_REPORT_HTML;
  char *html = render (&options, entries, G_N_ELEMENTS (entries));
  const char *days[] = { "<a href=\"#g-1\">4 March 2024</a>", "<a href=\"#g-2\">5 March 2024</a>",
                         "<a href=\"#g-3\">Undated</a>", "<h2>4 March 2024</h2>",
                         "<h2>5 March 2024</h2>", "<h2>Undated</h2>" };
  assert_in_order (html, days, G_N_ELEMENTS (days));
  g_free (html);
}

static void
test_report_entries_added_out_of_order_are_ordered_by_seq (void **state)
{
  (void) state;
  abridge_report_entry entries[] = {
    { .seq = 2, .id = "two" }, { .seq = 0, .id = "zero" }, { .seq = 1, .id = "one" },
  };
  abridge_report_options options = options_for (ABRIDGE_REPORT_JSONL);
  char *ids = ids_of (&options, entries, G_N_ELEMENTS (entries));
  assert_string_equal (ids, "zero one two");
  g_free (ids);
}

static void
test_report_duplicate_seq_is_an_error (void **state)
{
  (void) state;
  abridge_report_options options = options_for (ABRIDGE_REPORT_HTML);
  GError *error = NULL;
  abridge_report *report = abridge_report_new (&options, &error);
  abridge_report_entry a = { .seq = 7, .id = "a" }, b = { .seq = 7, .id = "b" };
  assert_true (abridge_report_add (report, &a, &error));
  assert_true (abridge_report_add (report, &b, &error));
  char *dir = g_dir_make_tmp ("test-report-XXXXXX", NULL);
  char *path = g_build_filename (dir, "r.html", NULL);
  assert_false (abridge_report_finish (report, path, 0, &error));
  assert_non_null (strstr (error->message, "seq 7"));
  assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_error_free (error);
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
}

/* ---- reproducibility and ownership ------------------------------------------------------- */

static void
test_report_identical_runs_are_byte_identical (void **state)
{
  (void) state;
  for (int format = ABRIDGE_REPORT_MARKDOWN; format <= ABRIDGE_REPORT_JSONL; format++)
    for (int group = ABRIDGE_GROUP_NONE; group <= ABRIDGE_GROUP_DATE; group++)
      {
        char *a = render_batch ((AbridgeReportFormat) format, (AbridgeReportGroup) group,
                                ABRIDGE_SORT_DATE);
        char *b = render_batch ((AbridgeReportFormat) format, (AbridgeReportGroup) group,
                                ABRIDGE_SORT_DATE);
        assert_string_equal (a, b);
        g_free (a);
        g_free (b);
      }
}

static void
test_report_keeps_nothing_of_an_entry (void **state)
{
  (void) state;
  /* Everything an entry points to is freed right after the add: the sanitizer
   * would see any later read of it. */
  abridge_report_options options = options_for (ABRIDGE_REPORT_HTML);
  options.group_by = ABRIDGE_GROUP_SOURCE;
  options.sort = ABRIDGE_SORT_TITLE;
  GError *error = NULL;
  abridge_report *report = abridge_report_new (&options, &error);
  for (guint i = 0; i < 200; i++)
    {
      Batch b;
      batch_init (&b);
      abridge_report_entry entry = b.entries[i % N_STANDARD];
      entry.seq = i;
      char *id = g_strdup_printf ("article-%u", i);
      char *title = g_strdup_printf ("Title %03u", 199 - i);
      char *source = g_strdup_printf ("Source %u", i % 3);
      entry.id = id;
      entry.title = title;
      entry.source = source;
      assert_true (abridge_report_add (report, &entry, &error));
      g_free (id);
      g_free (title);
      g_free (source);
      batch_clear (&b);
    }
  char *dir = g_dir_make_tmp ("test-report-XXXXXX", NULL);
  char *path = g_build_filename (dir, "r.html", NULL);
  assert_true (abridge_report_finish (report, path, 0, &error));
  char *html = NULL;
  assert_true (g_file_get_contents (path, &html, NULL, NULL));
  assert_anchors_match (html);
  position (html, "200 articles: 150 summarized, 50 failed.");
  /* Sorted by title within each group: Title 000 (article-199) first of Source 1. */
  const char *order[] = { "<h2>Source 0</h2>", "<h2>Source 1</h2>\n<article id=\"a-199\">",
                          "<h2>Source 2</h2>" };
  assert_in_order (html, order, G_N_ELEMENTS (order));
  g_free (html);
  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
}

static void
test_report_empty_report_is_valid (void **state)
{
  (void) state;
  abridge_report_options options = { .format = ABRIDGE_REPORT_JSON };
  char *json = render (&options, NULL, 0);
  JsonParser *parser = parse_json (json);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *header = json_object_get_object_member (root, "report");
  assert_string_equal (json_object_get_string_member (header, "title"), "abridge report");
  assert_true (json_object_get_null_member (header, "plugin"));
  assert_int_equal (json_object_get_int_member (header, "articles"), 0);
  assert_int_equal (json_array_get_length (json_object_get_array_member (root, "articles")), 0);
  g_object_unref (parser);
  g_free (json);

  options.format = ABRIDGE_REPORT_JSONL;
  char *jsonl = render (&options, NULL, 0);
  assert_string_equal (jsonl, "");
  g_free (jsonl);

  options.format = ABRIDGE_REPORT_HTML;
  char *html = render (&options, NULL, 0);
  position (html, "<p class=\"summary\">0 articles.</p>");
  assert_anchors_match (html);
  g_free (html);
}

/* ---- where the report goes, and failing to get it there ----------------------------------- */

static abridge_report *
filled_report (AbridgeReportFormat format, Batch *b)
{
  abridge_report_options options = options_for (format);
  GError *error = NULL;
  abridge_report *report = abridge_report_new (&options, &error);
  assert_non_null (report);
  for (gsize i = 0; i < N_STANDARD; i++)
    assert_true (abridge_report_add (report, &b->entries[i], &error));
  return report;
}

static void
assert_finish_fails (const char *path, const char *expected)
{
  Batch b;
  batch_init (&b);
  abridge_report *report = filled_report (ABRIDGE_REPORT_MARKDOWN, &b);
  GError *error = NULL;
  assert_false (abridge_report_finish (report, path, 0, &error));
  assert_non_null (error);
  if (strstr (error->message, expected) == NULL)
    fail_msg ("\"%s\" does not mention \"%s\"", error->message, expected);
  g_error_free (error);
  batch_clear (&b);
}

static void
test_report_unwritable_paths_fail_with_a_message (void **state)
{
  (void) state;
  assert_finish_fails ("/proc/nonexistent/x.md", "/proc/nonexistent");
  char *dir = g_dir_make_tmp ("test-report-XXXXXX", NULL);
  char *missing = g_build_filename (dir, "no-such-dir", "r.md", NULL);
  assert_finish_fails (missing, "no-such-dir");
  /* A directory is not a report. */
  assert_finish_fails (dir, "directory");
  g_free (missing);
  /* Nothing left behind. */
  GDir *d = g_dir_open (dir, 0, NULL);
  assert_null (g_dir_read_name (d));
  g_dir_close (d);
  g_rmdir (dir);
  g_free (dir);
}

static void
test_report_full_device_fails_cleanly (void **state)
{
  (void) state;
  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    skip ();
  assert_finish_fails ("/dev/full", "/dev/full");
  /* The device is written in place, never replaced by a renamed file. */
  GStatBuf st;
  assert_int_equal (g_stat ("/dev/full", &st), 0);
  assert_true (S_ISCHR (st.st_mode));
}

static void
test_report_replaces_an_existing_file_whole (void **state)
{
  (void) state;
  char *dir = g_dir_make_tmp ("test-report-XXXXXX", NULL);
  char *path = g_build_filename (dir, "r.json", NULL);
  assert_true (g_file_set_contents (path, "old and much longer contents than the new ones? no", -1, NULL));
  Batch b;
  batch_init (&b);
  abridge_report *report = filled_report (ABRIDGE_REPORT_JSON, &b);
  GError *error = NULL;
  assert_true (abridge_report_finish (report, path, 0, &error));
  char *json = NULL;
  assert_true (g_file_get_contents (path, &json, NULL, NULL));
  assert_true (g_str_has_prefix (json, "{\"report\":"));
  g_object_unref (parse_json (json));
  g_free (json);
  batch_clear (&b);
  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
}

static void
test_report_dash_writes_to_standard_output (void **state)
{
  (void) state;
  char *dir = g_dir_make_tmp ("test-report-XXXXXX", NULL);
  char *path = g_build_filename (dir, "stdout", NULL);
  Batch b;
  batch_init (&b);
  abridge_report *report = filled_report (ABRIDGE_REPORT_JSONL, &b);

  fflush (stdout);
  int saved = dup (STDOUT_FILENO);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  assert_true (saved >= 0 && fd >= 0);
  dup2 (fd, STDOUT_FILENO);
  close (fd);
  GError *error = NULL;
  gboolean ok = abridge_report_finish (report, "-", 0, &error);
  fflush (stdout);
  dup2 (saved, STDOUT_FILENO);
  close (saved);
  assert_true (ok);

  char *out = NULL;
  assert_true (g_file_get_contents (path, &out, NULL, NULL));
  assert_int_equal (count (out, "\n"), N_STANDARD);
  assert_true (g_str_has_prefix (out, "{\"seq\":0,"));
  g_free (out);
  batch_clear (&b);
  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
}

static void
test_report_free_without_finish_and_bad_options (void **state)
{
  (void) state;
  Batch b;
  batch_init (&b);
  abridge_report_free (filled_report (ABRIDGE_REPORT_HTML, &b));
  abridge_report_free (NULL);
  batch_clear (&b);

  abridge_report_options options = { .format = (AbridgeReportFormat) 42 };
  GError *error = NULL;
  assert_null (abridge_report_new (&options, &error));
  assert_non_null (error);
  g_clear_error (&error);

  options.format = ABRIDGE_REPORT_MARKDOWN;
  abridge_report *report = abridge_report_new (&options, NULL);
  abridge_report_entry no_id = { .seq = 0 };
  assert_false (abridge_report_add (report, &no_id, &error));
  assert_non_null (strstr (error->message, "no id"));
  g_error_free (error);
  abridge_report_free (report);
}


/* ---- how counts and dates read (wording.c) ------------------------------------------ */

static char *
outcome (guint64 articles, guint64 failures)
{
  GString *s = g_string_new (NULL);
  abr_append_outcome (s, articles, failures);
  return g_string_free (s, FALSE);
}

static void
test_wording_counts_agree_and_say_what_failed (void **state)
{
  (void) state;
  struct { guint64 articles, failures; const char *says; } cases[] = {
    { 0, 0, "0 articles" },
    { 1, 0, "1 article" },
    { 2, 0, "2 articles" },
    { 1, 1, "1 article: 0 summarized, 1 failed" },
    { 4, 1, "4 articles: 3 summarized, 1 failed" },
    { 4, 3, "4 articles: 1 summarized, 3 failed" },
    { 500, 500, "500 articles: 0 summarized, 500 failed" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *got = outcome (cases[i].articles, cases[i].failures);
      assert_string_equal (got, cases[i].says);
      g_free (got);
    }
  GString *s = g_string_new (NULL);
  abr_append_count (s, 1, "failure", "failures");
  g_string_append (s, ", ");
  abr_append_count (s, 0, "failure", "failures");
  assert_string_equal (s->str, "1 failure, 0 failures");
  g_string_free (s, TRUE);
}

static void
test_wording_iso_dates_read_as_dates_and_others_are_refused (void **state)
{
  (void) state;
  struct { const char *date, *reads, *day; } cases[] = {
    { "2026-12-05", "5 December 2026", "2026-12-05" },
    { "2026-12-05T23:30:00-05:00", "5 December 2026", "2026-12-05" },
    { "2024-02-29 08:00", "29 February 2024", "2024-02-29" },
    { "2031-01-01t00:00z", "1 January 2031", "2031-01-01" },
    { "2023-02-29", NULL, NULL },     /* no such day */
    { "2026-13-01", NULL, NULL },
    { "2026-00-10", NULL, NULL },
    { "2026-12-5", NULL, NULL },
    { "2026-12-05x", NULL, NULL },
    { "20261205", NULL, NULL },
    { "Fri, 5 Dec 2026", NULL, NULL },
    { "", NULL, NULL },
    { "0000-01-01", NULL, NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GString *s = g_string_new (NULL);
      char day[11] = "unchanged";
      gboolean ok = abr_append_readable_date (s, cases[i].date, day);
      if (cases[i].reads == NULL)
        {
          if (ok || s->len > 0)
            fail_msg ("%s read as a date: %s", cases[i].date, s->str);
          assert_string_equal (day, "unchanged");
        }
      else
        {
          if (!ok)
            fail_msg ("%s not read as a date", cases[i].date);
          assert_string_equal (s->str, cases[i].reads);
          assert_string_equal (day, cases[i].day);
        }
      g_string_free (s, TRUE);
    }
  GString *none = g_string_new (NULL);
  assert_false (abr_append_readable_date (none, NULL, NULL));
  assert_int_equal (none->len, 0);
  g_string_free (none, TRUE);
}

static void
test_wording_durations_read_as_a_clock (void **state)
{
  (void) state;
  struct { double seconds; const char *reads; } cases[] = {
    { 0, "0:00" }, { 42.4, "0:42" }, { 59.6, "1:00" }, { 725, "12:05" },
    { 3723, "1:02:03" }, { -5, "0:00" }, { NAN, "0:00" }, { INFINITY, "0:00" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GString *s = g_string_new (NULL);
      abr_append_duration (s, cases[i].seconds);
      assert_string_equal (s->str, cases[i].reads);
      g_string_free (s, TRUE);
    }
}

/* The metadata line of one entry with URL, AUTHOR and DATE. */
static char *
html_meta_of (const char *url, const char *author, const char *date)
{
  abridge_brief *brief = brief_new ();
  brief_add_sentence (brief, 0, "One sentence.", 1);
  abridge_report_entry entry = { .seq = 0, .id = "e", .title = "T", .url = url,
                                 .author = author, .date = date, .brief = brief };
  abridge_report_options options = options_for (ABRIDGE_REPORT_HTML);
  char *html = render (&options, &entry, 1);
  abridge_brief_free (brief);
  const char *start = html + position (html, "<p class=\"meta\">");
  char *line = g_strndup (start, (gsize) (strchr (start, '\n') - start));
  g_free (html);
  return line;
}

static void
test_report_html_links_only_web_urls (void **state)
{
  (void) state;
  const char *links[] = { "https://example.org/a", "http://example.org/", "HTTPS://EXAMPLE.ORG/x" };
  for (gsize i = 0; i < G_N_ELEMENTS (links); i++)
    {
      char *meta = html_meta_of (links[i], NULL, NULL);
      char *expected = g_strdup_printf ("<a class=\"url\" href=\"%s\" rel=\"noopener noreferrer\">%s</a>",
                                        links[i], links[i]);
      position (meta, expected);
      g_free (expected);
      g_free (meta);
    }
  const char *texts[] = { "javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd",
                          "ftp://example.org/", "//example.org/x", "/relative/path", "https://",
                          "https:///x", "https://exa mple.org/", "https://x.org/\tjavascript:",
                          " https://x.org/", "mailto:a@b.c" };
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      char *meta = html_meta_of (texts[i], NULL, NULL);
      if (strstr (meta, "href") != NULL || strstr (meta, "<a") != NULL)
        fail_msg ("%s became a link: %s", texts[i], meta);
      position (meta, "<span class=\"url\">");
      g_free (meta);
    }
  /* A hostile URL and author stay inside their attribute and element. */
  char *meta = html_meta_of ("https://x.org/\"><script>alert(1)</script>",
                             "<img src=x onerror=alert(1)> & \"Jo\"", NULL);
  position (meta, "href=\"https://x.org/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\" rel=");
  position (meta, "<span class=\"author\">by &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Jo&quot;</span>");
  assert_null (strstr (meta, "<script"));
  assert_null (strstr (meta, "<img"));
  g_free (meta);
}

static void
test_report_html_shows_author_and_a_readable_date (void **state)
{
  (void) state;
  char *meta = html_meta_of (NULL, "Jane Doe", "2026-12-05T10:00:00Z");
  const char *order[] = { "<span class=\"id\">e</span>", "<span class=\"author\">by Jane Doe</span>",
                          "<span class=\"date\"><time datetime=\"2026-12-05\" "
                          "title=\"2026-12-05T10:00:00Z\">5 December 2026</time></span>" };
  assert_in_order (meta, order, G_N_ELEMENTS (order));
  g_free (meta);
  /* A date in another form is shown as given, escaped. */
  meta = html_meta_of (NULL, NULL, "Fri, 5 Dec 2026 <b>");
  position (meta, "<span class=\"date\">Fri, 5 Dec 2026 &lt;b&gt;</span>");
  assert_null (strstr (meta, "<time"));
  assert_null (strstr (meta, "author"));
  g_free (meta);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_report_markdown_has_header_sections_and_failures),
    cmocka_unit_test (test_report_markdown_quote_gets_marks_and_speaker_without_title),
    cmocka_unit_test (test_report_markdown_newlines_and_specials_stay_inline),
    cmocka_unit_test (test_report_markdown_groups_by_source),
    cmocka_unit_test (test_report_markdown_timestamp_shows_time),
    cmocka_unit_test (test_report_html_escapes_every_piece_of_text),
    cmocka_unit_test (test_report_html_is_self_contained),
    cmocka_unit_test (test_report_html_toc_anchors_match_section_ids),
    cmocka_unit_test (test_report_html_groups_have_headings_and_toc_entries),
    cmocka_unit_test (test_report_html_summary_shows_counts_and_time_only_with_timestamp),
    cmocka_unit_test (test_report_json_has_header_counts_and_members),
    cmocka_unit_test (test_report_json_survives_quotes_control_characters_and_bad_utf8),
    cmocka_unit_test (test_report_jsonl_is_one_object_a_line_without_header),
    cmocka_unit_test (test_report_json_group_is_a_member),
    cmocka_unit_test (test_report_sort_by_title_is_stable_with_missing_titles_last),
    cmocka_unit_test (test_report_sort_by_date_is_stable_with_missing_dates_last),
    cmocka_unit_test (test_report_group_by_date_uses_the_day_and_sorts_within),
    cmocka_unit_test (test_report_entries_added_out_of_order_are_ordered_by_seq),
    cmocka_unit_test (test_report_duplicate_seq_is_an_error),
    cmocka_unit_test (test_report_identical_runs_are_byte_identical),
    cmocka_unit_test (test_report_keeps_nothing_of_an_entry),
    cmocka_unit_test (test_report_empty_report_is_valid),
    cmocka_unit_test (test_report_unwritable_paths_fail_with_a_message),
    cmocka_unit_test (test_report_full_device_fails_cleanly),
    cmocka_unit_test (test_report_replaces_an_existing_file_whole),
    cmocka_unit_test (test_report_dash_writes_to_standard_output),
    cmocka_unit_test (test_report_free_without_finish_and_bad_options),
    cmocka_unit_test (test_wording_counts_agree_and_say_what_failed),
    cmocka_unit_test (test_wording_iso_dates_read_as_dates_and_others_are_refused),
    cmocka_unit_test (test_wording_durations_read_as_a_clock),
    cmocka_unit_test (test_report_html_links_only_web_urls),
    cmocka_unit_test (test_report_html_shows_author_and_a_readable_date),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
