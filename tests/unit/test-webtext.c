/* Unit tests of webtext.c: paragraphs of scraped text that blank lines do
 * not mark, and the trailer of a scraped page flagged as furniture. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <glib.h>

#include <abridge/abridge.h>

static void
assert_paragraphs (const char *text, const char *expected)
{
  gsize len = 0;
  char *out = abridge_text_paragraphs (text, strlen (text), &len);
  assert_string_equal (out, expected);
  assert_int_equal (len, strlen (expected));
  g_free (out);
}

static void
test_webtext_hard_wrapped_paragraphs_are_rejoined (void **state)
{
  (void) state;
  assert_paragraphs ("The harbour reopened on Friday after a storm closed it for a\n"
                     "week, the port authority said in a statement issued late on\n"
                     "Thursday night.\n"
                     "Ships began moving again at dawn, with the first ferry leaving\n"
                     "for the islands at six, and the cargo terminal expects to clear\n"
                     "its backlog by Monday.\n",
                     "The harbour reopened on Friday after a storm closed it for a week, the port "
                     "authority said in a statement issued late on Thursday night.\n\n"
                     "Ships began moving again at dawn, with the first ferry leaving for the islands "
                     "at six, and the cargo terminal expects to clear its backlog by Monday.");
}

static void
test_webtext_one_long_line_a_paragraph (void **state)
{
  (void) state;
  assert_paragraphs ("The first paragraph was typed on one long line by someone who pasted it "
                     "from a browser window, as people do.\n"
                     "The second paragraph followed on the very next line without any blank "
                     "line, which is what scrapers often give.\n",
                     "The first paragraph was typed on one long line by someone who pasted it from "
                     "a browser window, as people do.\n\n"
                     "The second paragraph followed on the very next line without any blank line, "
                     "which is what scrapers often give.");
}

static void
test_webtext_blank_lines_and_white_space_fold (void **state)
{
  (void) state;
  assert_paragraphs ("\n\n  One   paragraph.  \n\n\n\n\tTwo\tparagraphs.\n\n\n",
                     "One paragraph.\n\nTwo paragraphs.");
  assert_paragraphs ("", "");
}

static void
test_webtext_lists_and_prose_ending_mid_line_stay (void **state)
{
  (void) state;
  /* A list under its lead-in, and short lines of prose: no cut. */
  const char *list = "The rules require landlords to:\n"
                     "- register every rental property with the council\n"
                     "- fit smoke alarms in each unit\n"
                     "1. return deposits within 14 days";
  assert_paragraphs (list, "The rules require landlords to: - register every rental property with "
                           "the council - fit smoke alarms in each unit 1. return deposits within "
                           "14 days");
  assert_paragraphs ("It rained.\nIt stopped.\n", "It rained. It stopped.");
}

static void
test_webtext_labels_stand_alone (void **state)
{
  (void) state;
  assert_paragraphs ("The council met on Monday and approved the budget.\n"
                     "Source link\n"
                     "About the author\n"
                     "Nell Brightwater covers transport for the paper.\n"
                     "3 Comments\n",
                     "The council met on Monday and approved the budget.\n\nSource link\n\n"
                     "About the author\n\nNell Brightwater covers transport for the paper.\n\n"
                     "3 Comments");
}

/* The scraped page of tests/fixtures/html/scraped.txt: its trailer
 * (source link, author box, comment section) is furniture. */
static void
test_webtext_scraped_trailer_is_boilerplate (void **state)
{
  (void) state;
  char *path = g_build_filename (TEST_SRCDIR, "tests", "fixtures", "html", "scraped.txt", NULL);
  char *text = NULL;
  gsize len = 0;
  assert_true (g_file_get_contents (path, &text, &len, NULL));
  GError *error = NULL;
  abridge_document *doc = abridge_document_new (text, len, NULL, &error);
  assert_non_null (doc);
  assert_string_equal (abridge_document_title (doc, NULL), "Ferry timetable changes from Monday");
  /* three paragraphs of article, then the trailer's paragraphs */
  assert_true (abridge_document_paragraph_count (doc) >= 4);
  guint candidates = 0;
  for (uint32_t i = 0; i < abridge_document_sentence_count (doc); i++)
    {
      size_t n = 0;
      const char *text_i = abridge_document_sentence_text (doc, i, &n);
      char *s = g_strndup (text_i, n); /* sentence texts are not NUL-terminated */
      gboolean trailer = strstr (s, "Source link") != NULL || strstr (s, "About the author") != NULL
                         || strstr (s, "Brightwater") != NULL || strstr (s, "Comments") != NULL
                         || strstr (s, "Great news") != NULL || strstr (s, "Leave a Reply") != NULL;
      if (trailer)
        assert_false (abridge_document_sentence_is_candidate (doc, i));
      else
        {
          assert_true (abridge_document_sentence_is_candidate (doc, i));
          candidates++;
        }
      g_free (s);
    }
  assert_int_equal (candidates, 3);
  assert_int_equal (abridge_document_sentence_paragraph (doc, 0), 0);
  assert_int_equal (abridge_document_sentence_paragraph (doc, 1), 1);
  assert_int_equal (abridge_document_sentence_paragraph (doc, 2), 2);
  abridge_document_free (doc);
  g_free (text);
  g_free (path);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_webtext_hard_wrapped_paragraphs_are_rejoined),
    cmocka_unit_test (test_webtext_one_long_line_a_paragraph),
    cmocka_unit_test (test_webtext_blank_lines_and_white_space_fold),
    cmocka_unit_test (test_webtext_lists_and_prose_ending_mid_line_stay),
    cmocka_unit_test (test_webtext_labels_stand_alone),
    cmocka_unit_test (test_webtext_scraped_trailer_is_boilerplate),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
