/* Unit tests of boilerplate.c: page furniture is recognised, prose resembling it is not. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <glib.h>

#include "text/boilerplate.h"

/* ---- helpers ------------------------------------------------------------- */

static const char *
kind_name (AbridgeBoilerplate kind)
{
  switch (kind)
    {
    case ABR_BOILERPLATE_NONE: return "NONE";
    case ABR_BOILERPLATE_LINE: return "LINE";
    case ABR_BOILERPLATE_TAIL: return "TAIL";
    }
  return "?";
}

static void
assert_kind (const char *text, AbridgeBoilerplate expected)
{
  AbridgeBoilerplate got = abr_boilerplate_classify (text, strlen (text));
  if (got != expected)
    fail_msg ("\"%s\" is classified %s, expected %s", text, kind_name (got), kind_name (expected));
}

/* ---- furniture ------------------------------------------------------------- */

static void
test_boilerplate_agency_byline_is_furniture (void **state)
{
  (void) state;
  assert_kind ("By JANE DOE Associated Press", ABR_BOILERPLATE_LINE);
  assert_kind ("By Jane Doe, Reuters", ABR_BOILERPLATE_LINE);
  assert_kind ("By Jane Doe", ABR_BOILERPLATE_LINE);
}

static void
test_boilerplate_author_line_is_furniture (void **state)
{
  (void) state;
  assert_kind ("Author: Newsdesk", ABR_BOILERPLATE_LINE);
  assert_kind ("Author: Jane Doe", ABR_BOILERPLATE_LINE);
}

static void
test_boilerplate_contributed_credit_is_furniture (void **state)
{
  (void) state;
  assert_kind ("Jane Doe contributed to this report.", ABR_BOILERPLATE_LINE);
  assert_kind ("Jane Doe in Brussels and John Roe in London contributed to this report.",
               ABR_BOILERPLATE_LINE);
  assert_kind ("Jane Doe contributed reporting to this story", ABR_BOILERPLATE_LINE);
}

static void
test_boilerplate_source_link_ends_the_article (void **state)
{
  (void) state;
  assert_kind ("Source link", ABR_BOILERPLATE_TAIL);
  assert_kind ("SOURCE LINK", ABR_BOILERPLATE_TAIL);
}

static void
test_boilerplate_comment_widgets_end_the_article (void **state)
{
  (void) state;
  /* The rules make these a page's trailer: they and all after are furniture. */
  assert_kind ("Be the first to comment", ABR_BOILERPLATE_TAIL);
  assert_kind ("Leave a Reply", ABR_BOILERPLATE_TAIL);
}

static void
test_boilerplate_share_widgets_are_furniture (void **state)
{
  (void) state;
  assert_kind ("Share", ABR_BOILERPLATE_LINE);
  assert_kind ("Share this:", ABR_BOILERPLATE_LINE);
  assert_kind ("share", ABR_BOILERPLATE_LINE);
  assert_kind ("Facebook", ABR_BOILERPLATE_LINE);
  assert_kind ("Share on Twitter", ABR_BOILERPLATE_LINE);
}

static void
test_boilerplate_comment_form_notices_are_furniture (void **state)
{
  (void) state;
  assert_kind ("Your email address will not be published.", ABR_BOILERPLATE_LINE);
  assert_kind ("Required fields are marked *", ABR_BOILERPLATE_LINE);
  assert_kind ("Leave a comment", ABR_BOILERPLATE_LINE);
}

static void
test_boilerplate_read_more_is_furniture (void **state)
{
  (void) state;
  assert_kind ("Read more", ABR_BOILERPLATE_LINE);
  assert_kind ("Read more: Port strike enters second day", ABR_BOILERPLATE_LINE);
}

static void
test_boilerplate_photo_credit_is_furniture (void **state)
{
  (void) state;
  assert_kind ("(AP Photo/Jane Doe)", ABR_BOILERPLATE_LINE);
  assert_kind ("(AP Photo/Jan de Boer)", ABR_BOILERPLATE_LINE);
  assert_kind ("Photo: Jane Doe", ABR_BOILERPLATE_LINE);
}

static void
test_boilerplate_line_without_letters_is_furniture (void **state)
{
  (void) state;
  assert_kind ("*", ABR_BOILERPLATE_LINE);
  assert_kind ("* * *", ABR_BOILERPLATE_LINE);
  assert_kind ("—", ABR_BOILERPLATE_LINE);
}

static void
test_boilerplate_credit_lines_are_furniture (void **state)
{
  (void) state;
  assert_kind ("Reporting by Jane Doe; Editing by John Roe", ABR_BOILERPLATE_LINE);
  assert_kind ("Copyright 2024 Example Media. All rights reserved.", ABR_BOILERPLATE_LINE);
}

static void
test_boilerplate_parenthesised_wire_credit_is_furniture (void **state)
{
  (void) state;
  /* Reuters closes an article with its credit line in parentheses. */
  assert_kind ("(Reporting by Jane Doe; Editing by John Roe)", ABR_BOILERPLATE_LINE);
  assert_kind ("(Reporting by Jane Doe in Oslo; additional reporting by John Roe)",
               ABR_BOILERPLATE_LINE);
}

/* ---- prose that only looks like furniture ----------------------------------- */

static void
test_boilerplate_sentence_starting_with_by_is_prose (void **state)
{
  (void) state;
  assert_kind ("By the end of the year, prices had doubled.", ABR_BOILERPLATE_NONE);
  assert_kind ("By Tuesday, the river had risen two metres.", ABR_BOILERPLATE_NONE);
}

static void
test_boilerplate_sentence_about_shares_is_prose (void **state)
{
  (void) state;
  assert_kind ("Shares in the company fell 5% on Monday.", ABR_BOILERPLATE_NONE);
  assert_kind ("Readers can share their views at the town hall, the mayor said.",
               ABR_BOILERPLATE_NONE);
}

static void
test_boilerplate_prose_mentioning_comments_and_reports_is_prose (void **state)
{
  (void) state;
  assert_kind ("The minister declined to comment on the report.", ABR_BOILERPLATE_NONE);
  assert_kind ("Residents were asked to leave a reply card at the library.",
               ABR_BOILERPLATE_NONE);
  assert_kind ("The author of the report said the source of the leak was unknown.",
               ABR_BOILERPLATE_NONE);
  assert_kind ("Police said the photo was taken on Sunday.", ABR_BOILERPLATE_NONE);
}

static void
test_boilerplate_ordinary_news_sentence_is_prose (void **state)
{
  (void) state;
  assert_kind ("Thousands of dock workers walked off the job on Tuesday.",
               ABR_BOILERPLATE_NONE);
  assert_kind ("The council will vote again in March.", ABR_BOILERPLATE_NONE);
}

static void
test_boilerplate_classify_reads_only_len_bytes (void **state)
{
  (void) state;
  /* "Share" followed by more text outside the given length. */
  const char *text = "Share prices rose.";
  assert_int_equal (abr_boilerplate_classify (text, 5), ABR_BOILERPLATE_LINE);
  assert_int_equal (abr_boilerplate_classify (text, strlen (text)), ABR_BOILERPLATE_NONE);
}

static void
test_boilerplate_long_sentence_is_prose (void **state)
{
  (void) state;
  /* Over 400 bytes: prose, even though it opens like a byline. */
  GString *text = g_string_new ("By");
  while (text->len < 500)
    g_string_append (text, " and");
  AbridgeBoilerplate got = abr_boilerplate_classify (text->str, text->len);
  assert_int_equal (got, ABR_BOILERPLATE_NONE);
  g_string_free (text, TRUE);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_boilerplate_agency_byline_is_furniture),
    cmocka_unit_test (test_boilerplate_author_line_is_furniture),
    cmocka_unit_test (test_boilerplate_contributed_credit_is_furniture),
    cmocka_unit_test (test_boilerplate_source_link_ends_the_article),
    cmocka_unit_test (test_boilerplate_comment_widgets_end_the_article),
    cmocka_unit_test (test_boilerplate_share_widgets_are_furniture),
    cmocka_unit_test (test_boilerplate_comment_form_notices_are_furniture),
    cmocka_unit_test (test_boilerplate_read_more_is_furniture),
    cmocka_unit_test (test_boilerplate_photo_credit_is_furniture),
    cmocka_unit_test (test_boilerplate_line_without_letters_is_furniture),
    cmocka_unit_test (test_boilerplate_credit_lines_are_furniture),
    cmocka_unit_test (test_boilerplate_parenthesised_wire_credit_is_furniture),
    cmocka_unit_test (test_boilerplate_sentence_starting_with_by_is_prose),
    cmocka_unit_test (test_boilerplate_sentence_about_shares_is_prose),
    cmocka_unit_test (test_boilerplate_prose_mentioning_comments_and_reports_is_prose),
    cmocka_unit_test (test_boilerplate_ordinary_news_sentence_is_prose),
    cmocka_unit_test (test_boilerplate_classify_reads_only_len_bytes),
    cmocka_unit_test (test_boilerplate_long_sentence_is_prose),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
