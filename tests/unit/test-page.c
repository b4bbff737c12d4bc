/* Unit tests of page.c (-f html: the whole article, the brief marked) and
 * keyword-lines.c (-f keywords), through abridge_render(). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <glib.h>

#include <abridge/abridge.h>

/* The -f FORMAT rendering of TEXT (titled TITLE, may be NULL) with a
 * brief of the spans START[i], END[i] (N of them); to g_free(). */
static char *
render (AbridgeFormat format, const char *text, const char *title, const uint32_t *start,
        const uint32_t *end, guint n, char **keywords)
{
  GError *error = NULL;
  abridge_document *doc = abridge_document_new (text, strlen (text), title, &error);
  assert_non_null (doc);
  abridge_brief *brief = abridge_brief_new (abridge_document_sentence_count (doc));
  for (guint i = 0; i < n; i++)
    {
      abridge_brief_item item = { .start = start[i], .end = end[i],
                                  .text = g_strndup (text + start[i], end[i] - start[i]) };
      g_array_append_val (brief->items, item);
    }
  brief->keywords = keywords;
  GString *out = g_string_new (NULL);
  abridge_source source = { "article.txt", NULL };
  abridge_render (out, format, &source, doc, "lead", brief);
  abridge_brief_free (brief);
  abridge_document_free (doc);
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    fail_msg ("'%s' not in:\n%s", needle, haystack);
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static const char two_paragraphs[] = "First one here. Second one here.\n\nThird one here. Fourth one.\n";

static void
test_page_marks_the_brief_where_it_stands (void **state)
{
  (void) state;
  uint32_t start[] = { 16 }, end[] = { 32 };
  char *page = render (ABRIDGE_FORMAT_HTML, two_paragraphs, "A title", start, end, 1, NULL);
  assert_true (g_str_has_prefix (page, "<!DOCTYPE html>\n"));
  assert_true (g_str_has_suffix (page, "</html>\n"));
  assert_contains (page, "<p>First one here. <mark>Second one here.</mark></p>\n");
  assert_contains (page, "<p>Third one here. Fourth one.</p>\n");
  assert_int_equal (count (page, "<mark>"), 1);
  assert_contains (page, "<h1>A title</h1>");
  g_free (page);
}

static void
test_page_span_across_paragraphs_is_closed_and_reopened (void **state)
{
  (void) state;
  /* From "Second" to the end of "Third one here.": the marks must nest
   * inside the paragraphs. */
  uint32_t start[] = { 16 }, end[] = { 49 };
  char *page = render (ABRIDGE_FORMAT_HTML, two_paragraphs, "T", start, end, 1, NULL);
  assert_contains (page, "<p>First one here. <mark>Second one here.</mark></p>\n"
                         "<p><mark>Third one here.</mark> Fourth one.</p>\n");
  assert_int_equal (count (page, "<mark>"), count (page, "</mark>"));
  g_free (page);
}

static void
test_page_overlapping_and_unsorted_spans_are_merged (void **state)
{
  (void) state;
  /* Given in score order, one inside another, one past the text. */
  uint32_t start[] = { 34, 0, 4, 200 }, end[] = { 49, 15, 10, 210 };
  char *page = render (ABRIDGE_FORMAT_HTML, two_paragraphs, "T", start, end, 4, NULL);
  assert_contains (page, "<p><mark>First one here.</mark> Second one here.</p>\n"
                         "<p><mark>Third one here.</mark> Fourth one.</p>\n");
  assert_int_equal (count (page, "<mark>"), 2);
  g_free (page);
}

static void
test_page_escapes_the_article_and_its_title (void **state)
{
  (void) state;
  const char text[] = "Tom & <b>Jerry</b> said \"hi\". Then 'bye' <script>x</script>.\n";
  uint32_t start[] = { 0 }, end[] = { 29 };
  char *page = render (ABRIDGE_FORMAT_HTML, text, "<i>T</i> & co", start, end, 1, NULL);
  assert_null (strstr (page, "<b>"));
  assert_null (strstr (page, "<script>"));
  assert_null (strstr (page, "<i>"));
  assert_contains (page, "<mark>Tom &amp; &lt;b&gt;Jerry&lt;/b&gt; said &quot;hi&quot;.</mark>");
  assert_contains (page, "<title>&lt;i&gt;T&lt;/i&gt; &amp; co</title>");
  g_free (page);
}

static void
test_page_title_found_in_the_text_is_shown_once (void **state)
{
  (void) state;
  const char text[] = "Storm hits the coast\n\nA storm hit the coast on Monday. Trees fell.\n";
  char *page = render (ABRIDGE_FORMAT_HTML, text, NULL, NULL, NULL, 0, NULL);
  assert_int_equal (count (page, "Storm hits the coast"), 2); /* <title> and <h1> */
  assert_contains (page, "<h1>Storm hits the coast</h1>");
  assert_contains (page, "<p>A storm hit the coast on Monday. Trees fell.</p>");
  g_free (page);
}

static void
test_keywords_are_one_a_line (void **state)
{
  (void) state;
  char **words = g_strsplit ("strike,port,ships", ",", -1);
  char *out = render (ABRIDGE_FORMAT_KEYWORDS, two_paragraphs, "T", NULL, NULL, 0, words);
  assert_string_equal (out, "strike\nport\nships\n");
  g_free (out);
  out = render (ABRIDGE_FORMAT_KEYWORDS, two_paragraphs, "T", NULL, NULL, 0, NULL);
  assert_string_equal (out, "");
  g_free (out);
}

static void
test_format_names_html_and_keywords (void **state)
{
  (void) state;
  AbridgeFormat format;
  assert_true (abridge_format_parse ("html", &format));
  assert_int_equal (format, ABRIDGE_FORMAT_HTML);
  assert_true (abridge_format_parse ("keywords", &format));
  assert_int_equal (format, ABRIDGE_FORMAT_KEYWORDS);
  assert_false (abridge_format_parse ("keyword", &format));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_page_marks_the_brief_where_it_stands),
    cmocka_unit_test (test_page_span_across_paragraphs_is_closed_and_reopened),
    cmocka_unit_test (test_page_overlapping_and_unsorted_spans_are_merged),
    cmocka_unit_test (test_page_escapes_the_article_and_its_title),
    cmocka_unit_test (test_page_title_found_in_the_text_is_shown_once),
    cmocka_unit_test (test_keywords_are_one_a_line),
    cmocka_unit_test (test_format_names_html_and_keywords),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
