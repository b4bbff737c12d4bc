/* Unit tests of html.c and extract.c: a web page's article, title and
 * metadata, on small pages written for these tests
 * (tests/fixtures/html/), each with the furniture that must not come out. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <glib.h>

#include <abridge/abridge.h>

/* Reads tests/fixtures/html/NAME, decodes it as the CLI does, extracts. */
static abridge_article *
extract_fixture (const char *name)
{
  char *path = g_build_filename (TEST_SRCDIR, "tests", "fixtures", "html", name, NULL);
  char *raw = NULL;
  gsize raw_len = 0, len = 0;
  assert_true (g_file_get_contents (path, &raw, &raw_len, NULL));
  GError *error = NULL;
  char *warning = NULL;
  char *html = abridge_input_decode (raw, raw_len, ABRIDGE_DECODE_HTML, &len, &warning, &error);
  assert_null (error);
  assert_non_null (html);
  abridge_article *article = abridge_extract_html (html, len, &error);
  assert_null (error);
  assert_non_null (article);
  assert_non_null (article->text);
  assert_int_equal (article->len, strlen (article->text));
  assert_true (g_utf8_validate (article->text, -1, NULL));
  g_free (warning);
  g_free (html);
  g_free (raw);
  g_free (path);
  return article;
}

static abridge_article *
extract_string (const char *html)
{
  GError *error = NULL;
  abridge_article *article = abridge_extract_html (html, strlen (html), &error);
  assert_null (error);
  assert_non_null (article);
  assert_non_null (article->text);
  return article;
}

#define assert_has(text, needle) assert_non_null (strstr ((text), (needle)))
#define assert_lacks(text, needle) assert_null (strstr ((text), (needle)))

/* Paragraphs are separated by exactly one blank line, with no white
 * space at either end of any. */
static void
assert_paragraph_layout (const char *text)
{
  assert_lacks (text, "\n\n\n");
  assert_lacks (text, " \n");
  assert_lacks (text, "\n ");
  gsize n = strlen (text);
  if (n > 0)
    {
      assert_false (g_ascii_isspace (text[0]));
      assert_false (g_ascii_isspace (text[n - 1]));
    }
}

/* ---- detection ---------------------------------------------------------------- */

static void
test_html_detect_by_content (void **state)
{
  (void) state;
  const char *pages[] = {
    "<!DOCTYPE html><html><body><p>x</p></body></html>",
    "\xEF\xBB\xBF  \n<html lang=\"en\"><p>x</p>",
    "<!-- saved from url --><HTML><HEAD><TITLE>x</TITLE>",
    "<div class=\"story\"><p>A fragment of a page.</p></div>",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (pages); i++)
    assert_true (abridge_html_detect (pages[i], strlen (pages[i])));
  const char *texts[] = {
    "Harbour reopens\n\nShips moved again on <Friday>.",
    "<3 to everyone who came to the fair.",
    "",
    "   ",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_false (abridge_html_detect (texts[i], strlen (texts[i])));
}

/* ---- the test pages ---------------------------------------------------------------- */

static void
test_html_news_page_keeps_the_story_without_furniture (void **state)
{
  (void) state;
  abridge_article *a = extract_fixture ("news-nav.html");
  const char *t = a->text;
  /* the story, its subheading, in order */
  assert_has (t, "The four container cranes at the north quay");
  assert_has (t, "\n\nBacklog of ships\n\n");
  assert_has (t, "drivers slept in their cabs.");
  assert_true (strstr (t, "four container cranes") < strstr (t, "Hauliers said"));
  /* navigation, cookie banner, inline ad, share bar, byline, footer, scripts */
  assert_lacks (t, "Sport");
  assert_lacks (t, "cookies");
  assert_lacks (t, "Accept all");
  assert_lacks (t, "Advertisement");
  assert_lacks (t, "garden furniture");
  assert_lacks (t, "Share on");
  assert_lacks (t, "By Mara Quill");
  assert_lacks (t, "Copyright");
  assert_lacks (t, "About us");
  assert_lacks (t, "tracker");
  assert_lacks (t, "position: fixed");
  /* the headline is the title, not a paragraph of the body */
  assert_lacks (t, "Harbour cranes return");
  assert_paragraph_layout (t);
  abridge_article_free (a);
}

static void
test_html_news_page_metadata (void **state)
{
  (void) state;
  abridge_article *a = extract_fixture ("news-nav.html");
  assert_string_equal (a->title, "Harbour cranes return to work after storm");
  assert_string_equal (a->author, "Mara Quill");
  assert_string_equal (a->date, "2026-03-14T08:30:00Z");
  assert_string_equal (a->site_name, "The Tidewater Gazette");
  assert_string_equal (a->url, "https://tidewater.example/news/harbour-cranes");
  assert_string_equal (a->language, "en-GB");
  abridge_article_free (a);
}

static void
test_html_comment_section_is_left_out (void **state)
{
  (void) state;
  abridge_article *a = extract_fixture ("news-comments.html");
  const char *t = a->text;
  assert_has (t, "The Millbrook public library will open until nine");
  assert_has (t, "by seven votes to two.");
  assert_has (t, "left them nowhere to go.");
  /* the comments are long prose too, but they are comments */
  assert_lacks (t, "Finally!");
  assert_lacks (t, "clever idea");
  assert_lacks (t, "My daughter");
  assert_lacks (t, "comments on this story");
  assert_lacks (t, "Leave a Reply");
  assert_lacks (t, "Post Comment");
  assert_paragraph_layout (t);
  /* metadata from JSON-LD */
  assert_string_equal (a->title, "Library extends its opening hours");
  assert_string_equal (a->author, "Idris Fenwick");
  assert_string_equal (a->date, "2025-11-02");
  assert_string_equal (a->site_name, "Millbrook Courier");
  abridge_article_free (a);
}

static void
test_html_related_links_and_sidebar_are_left_out (void **state)
{
  (void) state;
  abridge_article *a = extract_fixture ("news-related.html");
  const char *t = a->text;
  /* text straight in a div, paragraphs made by <br><br> */
  assert_has (t, "Growers in the upper valley lost as much as half");
  assert_has (t, "on Monday.\n\nThe cold arrived");
  assert_has (t, "\"We have not seen damage like this in twenty years,\" said Lena Hartsell");
  assert_has (t, "before the harvest begins in September.");
  assert_lacks (t, "Related stories");
  assert_lacks (t, "Cherry harvest");
  assert_lacks (t, "cold store");
  assert_lacks (t, "Most read");
  assert_lacks (t, "Bridge closed");
  assert_lacks (t, "Farming");
  assert_paragraph_layout (t);
  assert_string_equal (a->title, "Orchard growers count the cost of late frost");
  assert_string_equal (a->site_name, "Valley Post");
  assert_string_equal (a->url, "https://valleypost.example/orchard-frost");
  assert_null (a->author);
  abridge_article_free (a);
}

/* Each of the first paragraphs in a box of its own (<div class=
 * "firstPar"><p>…</p></div>), a related-links box, then the rest: the
 * boxed paragraphs are the article's too, as single paragraphs are. */
static void
test_html_paragraphs_boxed_one_by_one_are_kept (void **state)
{
  (void) state;
  abridge_article *a = extract_fixture ("news-boxed-paragraphs.html");
  const char *t = a->text;
  assert_has (t, "The island ferry will run four crossings a day");
  assert_has (t, "said its manager, Ruth Penhale");
  assert_has (t, "check the new times before they travel");
  assert_true (strstr (t, "four crossings") < strstr (t, "Islanders who commute"));
  assert_lacks (t, "Related articles");
  assert_lacks (t, "Harbour wall repairs to start");
  assert_lacks (t, "Lifeboat crew");
  assert_paragraph_layout (t);
  abridge_article_free (a);
}

/* After the article, a box that is all links, however long ("Back to
 * Main", the previous and the next stories' titles), and inside it a
 * carousel of teasers: no paragraphs of the article. */
static void
test_html_long_line_of_links_is_left_out (void **state)
{
  (void) state;
  abridge_article *a = extract_fixture ("news-story-links.html");
  const char *t = a->text;
  assert_has (t, "The island's community choir has won the national final");
  assert_has (t, "whether or not they have sung before.");
  assert_lacks (t, "Back to Main");
  assert_lacks (t, "Lighthouse keeper's cottage");
  assert_lacks (t, "Regatta returns");
  /* a carousel of other stories' teasers inside the article */
  assert_lacks (t, "Fishermen");
  assert_lacks (t, "Village fete");
  assert_paragraph_layout (t);
  abridge_article_free (a);
}

static void
test_html_declared_latin1_page_is_read (void **state)
{
  (void) state;
  abridge_article *a = extract_fixture ("latin1.html");
  assert_has (a->text, "The caf\xC3\xA9 on the market square");
  assert_has (a->text, "Ren\xC3\xA9" "e Duval");
  assert_string_equal (a->title, "Caf\xC3\xA9 reopens");
  abridge_article_free (a);
}

static void
test_html_utf16_page_is_read (void **state)
{
  (void) state;
  abridge_article *a = extract_fixture ("utf16.html");
  assert_has (a->text, "The four container cranes at the north quay");
  assert_lacks (a->text, "cookies");
  assert_string_equal (a->author, "Mara Quill");
  abridge_article_free (a);
}

static void
test_html_page_without_text_gives_empty_text (void **state)
{
  (void) state;
  abridge_article *a = extract_fixture ("no-text.html");
  assert_string_equal (a->text, "");
  assert_int_equal (a->len, 0);
  assert_string_equal (a->title, "Gallery");
  abridge_article_free (a);

  a = extract_string ("");
  assert_string_equal (a->text, "");
  assert_null (a->title);
  abridge_article_free (a);
}

/* ---- dates and site names ---------------------------------------------------------- */

/* A page whose <head> is HEAD and whose body is a short article. */
static abridge_article *
extract_head (const char *head)
{
  char *html = g_strdup_printf (
      "<html><head>%s</head><body><article><p>The council approved the budget for next year "
      "on Tuesday, after a debate that lasted well into the night.</p></article></body></html>",
      head);
  abridge_article *a = extract_string (html);
  g_free (html);
  return a;
}

static void
assert_date (const char *head, const char *expected)
{
  abridge_article *a = extract_head (head);
  if (g_strcmp0 (a->date, expected) != 0)
    {
      char message[1024];
      g_snprintf (message, sizeof message, "date of <head>%s</head> is %s, expected %s", head,
                  a->date != NULL ? a->date : "(none)", expected != NULL ? expected : "(none)");
      abridge_article_free (a);
      fail_msg ("%s", message);
    }
  abridge_article_free (a);
}

static void
test_html_placeholder_dates_are_dropped (void **state)
{
  (void) state;
  assert_date ("<meta property=\"article:published_time\" content=\"0001-01-01T00:00:00Z\">",
               NULL);
  assert_date ("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
               "\"datePublished\": \"0001-01-01T00:00:00Z\"}</script>",
               NULL);
  assert_date ("<meta name=\"date\" content=\"1601-01-01\">", NULL);
  /* The placeholder gives way to the page's real date, wherever it is. */
  assert_date ("<meta property=\"article:published_time\" content=\"0001-01-01T00:00:00Z\">"
               "<meta name=\"pubdate\" content=\"2019-11-19T16:55:00Z\">",
               "2019-11-19T16:55:00Z");
  assert_date ("<meta property=\"article:published_time\" content=\"0001-01-01T00:00:00Z\">"
               "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
               "\"datePublished\": \"2014-12-16\"}</script>",
               "2014-12-16");
  /* ISO 8601's basic format, its zone no year. */
  assert_date ("<meta name=\"date\" content=\"20180619T055000+0900\">", "20180619T055000+0900");
  /* Old, but a date a page can have. */
  assert_date ("<meta name=\"date\" content=\"1851-09-18\">", "1851-09-18");
  /* No four-digit year to judge: passed on as given. */
  assert_date ("<meta name=\"date\" content=\"yesterday\">", "yesterday");
}

static void
test_html_dates_in_the_future_are_dropped (void **state)
{
  (void) state;
  assert_date ("<meta property=\"article:published_time\" content=\"2999-01-01T00:00:00Z\">",
               NULL);
  assert_date ("<meta name=\"date\" content=\"Tue, 1 Jan 9999 00:00:00 GMT\">", NULL);
  /* A week ahead is too far; tomorrow (time zones, an embargo) is not. */
  GDateTime *now = g_date_time_new_now_utc ();
  GDateTime *week = g_date_time_add_days (now, 7), *tomorrow = g_date_time_add_days (now, 1);
  char *week_s = g_date_time_format (week, "%Y-%m-%d");
  char *tomorrow_s = g_date_time_format (tomorrow, "%Y-%m-%dT%H:%M:%SZ");
  char *head = g_strdup_printf ("<meta name=\"date\" content=\"%s\">", week_s);
  assert_date (head, NULL);
  g_free (head);
  head = g_strdup_printf ("<meta name=\"date\" content=\"%s\">", tomorrow_s);
  assert_date (head, tomorrow_s);
  g_free (head);
  g_free (week_s);
  g_free (tomorrow_s);
  g_date_time_unref (week);
  g_date_time_unref (tomorrow);
  g_date_time_unref (now);
}

static void
test_html_article_published_is_read (void **state)
{
  (void) state;
  assert_date ("<meta property=\"article:published\" content=\"2018-05-03T10:00:00Z\">",
               "2018-05-03T10:00:00Z");
}

static void
assert_site (const char *head, const char *expected)
{
  abridge_article *a = extract_head (head);
  if (g_strcmp0 (a->site_name, expected) != 0)
    {
      char message[1024];
      g_snprintf (message, sizeof message, "site of <head>%s</head> is %s, expected %s", head,
                  a->site_name != NULL ? a->site_name : "(none)",
                  expected != NULL ? expected : "(none)");
      abridge_article_free (a);
      fail_msg ("%s", message);
    }
  abridge_article_free (a);
}

static void
test_html_site_name_prefers_a_proper_name_to_a_handle (void **state)
{
  (void) state;
  assert_site ("<meta property=\"og:site_name\" content=\"usatoday\">"
               "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
               "\"publisher\": {\"@type\": \"Organization\", \"name\": \"USA TODAY\"}}</script>",
               "USA TODAY");
  assert_site ("<meta property=\"og:site_name\" content=\"dailypost\">"
               "<meta name=\"application-name\" content=\"The Daily Post\">",
               "The Daily Post");
  /* A proper og:site_name stays first. */
  assert_site ("<meta property=\"og:site_name\" content=\"The Daily Beast\">"
               "<meta name=\"application-name\" content=\"Daily Beast App\">",
               "The Daily Beast");
  /* A handle alone is still the page's word for itself. */
  assert_site ("<meta property=\"og:site_name\" content=\"usatoday\">", "usatoday");
  /* Never made up from the address. */
  assert_site ("<link rel=\"canonical\" href=\"https://www.usatoday.com/story/1\">"
               "<meta name=\"twitter:site\" content=\"@usatoday\">",
               NULL);
}

/* ---- titles, entities, broken and hostile markup ---------------------------------- */

static void
test_html_title_loses_its_site_suffix (void **state)
{
  (void) state;
  abridge_article *a = extract_string (
      "<html><head><title>Council approves budget for next year | Town Post</title></head>"
      "<body><p>The council approved the budget for next year on Tuesday, after a debate that "
      "lasted well into the night and ended with a narrow vote.</p></body></html>");
  assert_string_equal (a->title, "Council approves budget for next year");
  abridge_article_free (a);
  /* The site's name first: it goes too. */
  a = extract_string ("<html><head><title>Town Post - Council approves budget</title>"
                      "<meta property=\"og:site_name\" content=\"Town Post\"></head><body></body></html>");
  assert_string_equal (a->title, "Council approves budget");
  abridge_article_free (a);
}

static void
test_html_entities_and_invisible_characters (void **state)
{
  (void) state;
  abridge_article *a = extract_string (
      "<html><body><article><p>Fish&nbsp;&amp;&nbsp;chips cost &pound;9 at the news&shy;agent "
      "near the zero&#8203;width quay, &ldquo;they said&rdquo;, and that&#39;s that, which "
      "everyone in the town agreed was far too much.</p></article></body></html>");
  assert_has (a->text, "Fish & chips cost \xC2\xA3" "9 at the newsagent near the zerowidth quay, "
                       "\xE2\x80\x9Cthey said\xE2\x80\x9D, and that's that");
  abridge_article_free (a);
}

/* Classes that mark furniture elsewhere do not drop the page's own html
 * or body element (they once freed the tree the extraction then walked). */
static void
test_html_root_and_body_with_furniture_classes_keep_the_article (void **state)
{
  (void) state;
  abridge_article *a = extract_string (
      "<html class=\"comment\"><body class=\"sidebar comment\"><article><p>The harbour "
      "cranes returned to work on Monday after the storm had kept them idle for a week, "
      "and the port said the backlog of ships would clear by Friday.</p></article>"
      "</body></html>");
  assert_non_null (strstr (a->text, "The harbour cranes returned to work on Monday"));
  abridge_article_free (a);
}

static void
test_html_broken_markup_never_fails (void **state)
{
  (void) state;
  const char *pages[] = {
    "<<<>>><div",
    "<html><body><p>Unclosed <b>bold <i>italic <p>next",
    "</p></div></body></html>",
    "<table><tr><td><table><tr><td>cell</td></tr></table>",
    "<!DOCTYPE html><html><head><script>document.write('<p>x</p>')",
    "<p>\xE2\x80\x9C</p><p>&#0;&#xD800;&#x110000;</p>",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      abridge_article *a = extract_string (pages[i]);
      assert_true (g_utf8_validate (a->text, -1, NULL));
      assert_int_equal (a->len, strlen (a->text));
      abridge_article_free (a);
    }
}

static void
test_html_deep_nesting_is_read_without_recursion (void **state)
{
  (void) state;
  GString *page = g_string_new ("<html><body>");
  for (int i = 0; i < 100000; i++)
    g_string_append (page, "<div>");
  g_string_append (page, "<p>The innermost paragraph of a page nested a hundred thousand deep, "
                         "which the extractor must read without running out of stack.</p>");
  /* Beyond the default depth: refused, saying which limit and where. */
  GError *error = NULL;
  assert_null (abridge_extract_html (page->str, page->len, &error));
  assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
  assert_non_null (strstr (error->message, "nested deeper than 512 at byte offset 2566"));
  assert_non_null (strstr (error->message, "--max-depth"));
  g_clear_error (&error);
  /* Within a raised limit: read whole, with no recursion anywhere. */
  abridge_page_limits limits = { 200000, 0 };
  abridge_article *a = abridge_extract_html_full (page->str, page->len, &limits, &error);
  assert_null (error);
  assert_non_null (a);
  assert_non_null (strstr (a->text, "innermost paragraph"));
  abridge_article_free (a);
  g_string_free (page, TRUE);
}

static void
test_html_nesting_to_the_default_limit_keeps_the_article (void **state)
{
  (void) state;
  /* A comment thread 400 boxes deep before the article: libxml2 alone
   * stops at 256 and loses what follows. */
  GString *page = g_string_new ("<html><body><div class=\"thread\">");
  for (int i = 0; i < 400; i++)
    g_string_append (page, "<div>");
  g_string_append (page, "<p>A reply.</p>");
  for (int i = 0; i < 400; i++)
    g_string_append (page, "</div>");
  g_string_append (page, "</div><article><p>The council met on Monday to discuss the harbour, "
                         "and approved the budget after a long debate that ran late into the "
                         "night.</p><p>The mayor said the vote was a turning point for the town, "
                         "whose port has been losing trade to its neighbours.</p></article>");
  abridge_article *a = extract_string (page->str);
  assert_non_null (strstr (a->text, "The council met on Monday"));
  abridge_article_free (a);
  g_string_free (page, TRUE);
}

static void
test_html_too_many_attributes_are_refused_before_parsing (void **state)
{
  (void) state;
  GString *page = g_string_new ("<html><body><p>Before.</p><div");
  for (int i = 0; i < 257; i++)
    g_string_append_printf (page, " data-a%d=\"%d\"", i, i);
  g_string_append (page, "></div><p>After.</p></body></html>");
  GError *error = NULL;
  assert_null (abridge_extract_html (page->str, page->len, &error));
  assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
  assert_non_null (strstr (error->message, "more than 256 attributes at byte offset 26"));
  assert_non_null (strstr (error->message, "--max-attributes"));
  g_clear_error (&error);
  abridge_page_limits limits = { 0, 257 };
  abridge_article *a = abridge_extract_html_full (page->str, page->len, &limits, &error);
  assert_null (error);
  assert_non_null (a);
  abridge_article_free (a);
  /* Attribute-like text in a script, a style or a comment is not counted. */
  GString *quiet = g_string_new ("<html><head><script>if (a<b");
  for (int i = 0; i < 300; i++)
    g_string_append (quiet, " x");
  g_string_append (quiet, ") {}</script><style>a<b");
  for (int i = 0; i < 300; i++)
    g_string_append (quiet, " y");
  g_string_append (quiet, "{}</style></head><body><!-- <i");
  for (int i = 0; i < 300; i++)
    g_string_append (quiet, " z");
  g_string_append (quiet, "> --><p>The council met on Monday.</p></body></html>");
  a = abridge_extract_html (quiet->str, quiet->len, &error);
  assert_null (error);
  assert_non_null (strstr (a->text, "The council met on Monday."));
  abridge_article_free (a);
  g_string_free (quiet, TRUE);
  g_string_free (page, TRUE);
}

static void
test_html_invalid_utf8_is_refused (void **state)
{
  (void) state;
  GError *error = NULL;
  const char bad[] = "<p>Caf\xE9</p>";
  assert_null (abridge_extract_html (bad, sizeof bad - 1, &error));
  assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
  assert_non_null (strstr (error->message, "offset 6"));
  g_error_free (error);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_html_detect_by_content),
    cmocka_unit_test (test_html_news_page_keeps_the_story_without_furniture),
    cmocka_unit_test (test_html_news_page_metadata),
    cmocka_unit_test (test_html_comment_section_is_left_out),
    cmocka_unit_test (test_html_related_links_and_sidebar_are_left_out),
    cmocka_unit_test (test_html_paragraphs_boxed_one_by_one_are_kept),
    cmocka_unit_test (test_html_long_line_of_links_is_left_out),
    cmocka_unit_test (test_html_declared_latin1_page_is_read),
    cmocka_unit_test (test_html_utf16_page_is_read),
    cmocka_unit_test (test_html_page_without_text_gives_empty_text),
    cmocka_unit_test (test_html_title_loses_its_site_suffix),
    cmocka_unit_test (test_html_entities_and_invisible_characters),
    cmocka_unit_test (test_html_root_and_body_with_furniture_classes_keep_the_article),
    cmocka_unit_test (test_html_broken_markup_never_fails),
    cmocka_unit_test (test_html_placeholder_dates_are_dropped),
    cmocka_unit_test (test_html_dates_in_the_future_are_dropped),
    cmocka_unit_test (test_html_article_published_is_read),
    cmocka_unit_test (test_html_site_name_prefers_a_proper_name_to_a_handle),
    cmocka_unit_test (test_html_deep_nesting_is_read_without_recursion),
    cmocka_unit_test (test_html_nesting_to_the_default_limit_keeps_the_article),
    cmocka_unit_test (test_html_too_many_attributes_are_refused_before_parsing),
    cmocka_unit_test (test_html_invalid_utf8_is_refused),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
