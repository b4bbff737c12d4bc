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

/* ---- the prefilter of sentence openings ------------------------------------ */

static void
test_boilerplate_odd_case_and_non_ascii_openings_still_match (void **state)
{
  (void) state;
  /* The openings' tables know ASCII bytes only: these are for PCRE to tell. */
  assert_kind ("sHaRe ThIs:", ABR_BOILERPLATE_LINE);
  assert_kind ("FACEBOOK", ABR_BOILERPLATE_LINE);
  assert_kind ("\xc5\xbf" "hare", ABR_BOILERPLATE_LINE); /* long s: caseless "s" */
  assert_kind ("\xc2\xa9 2024 Example Media", ABR_BOILERPLATE_LINE);
  assert_kind ("sOURCE lINK", ABR_BOILERPLATE_TAIL);
  assert_kind ("12 Comments", ABR_BOILERPLATE_TAIL);
  assert_kind ("\xc3\x89" "ditorial: the port strike", ABR_BOILERPLATE_NONE);
  /* The same opening classified after prose with it was excluded. */
  assert_kind ("Shore defences were raised.", ABR_BOILERPLATE_NONE);
  assert_kind ("Shares", ABR_BOILERPLATE_NONE);
  assert_kind ("Share", ABR_BOILERPLATE_LINE);
  assert_kind ("Sh", ABR_BOILERPLATE_NONE);
  assert_kind ("S", ABR_BOILERPLATE_NONE);
}

/* Rules a user might write, chosen to defeat a prefilter that guessed from
 * the rules' text: case-sensitive classes under caseless matching, look-
 * arounds, a match shorter than two bytes, word boundaries and $ right
 * after the opening, non-ASCII letters that fold to ASCII ones. */
static const char *const edited_rules[] = {
  "line\t^(?=\\p{Lu})\\p{L}+ said$",
  "line\t^a$",
  "line\t^.?b\\b",
  "tail\t^\\d+\\s*comments?$",
  "line\t^(?!th)\\w{2}$",
  "line\t^\xc5\xbf\\w",           /* long s: matches "s" and "S" caselessly */
  "line\t^\\x{212A}\\d",          /* Kelvin sign: matches "k" and "K" */
  "tail\t^(*COMMIT)x?y",
  "line\t^[^a-z]{3}",
  "line\tnot anchored\\.?$",
  /* Floating rules, for the needles of literal openings (needle.h). */
  "line\t\\bkeep out$",          /* k: caselessly also the Kelvin sign */
  "line\t\\bstop\\b",             /* s: caselessly also the long s */
  "line\tabc d|xyz",               /* a second branch without the literal */
  "line\tpipe[|)]x|wxyz",          /* a | in a class is no branch; this one is */
  "tail\twords?+ here",            /* the quantifier makes the s optional */
  "line\t(?x)lo ng word",          /* extended: the spaces are not text */
  "line\tquoted\\Q(\\E|vwxyz",    /* \Q: the ( is text, the | a branch */
  "line\tremark(?#()|uvwxy",      /* a comment's ( opens no group */
  "line\tdigit 42\\d",
  NULL,
};

static const char *const suffixes[] = {
  "", "y", " said", "aul said", "9", " comments", "\xc3\xa9t\xc3\xa9", NULL,
};

/* Whether RULES classify TEXT the same with the prefilter and without. */
static void
assert_prefilter_agrees (abr_furniture_rules *rules, const char *rule, const char *text, gsize len)
{
  AbridgeBoilerplate with = abr_furniture_rules_classify (rules, text, len, TRUE);
  AbridgeBoilerplate without = abr_furniture_rules_classify (rules, text, len, FALSE);
  if (with != without)
    fail_msg ("rules %s, \"%s\": %s with the prefilter, %s without", rule, text,
              kind_name (with), kind_name (without));
}

/* Every two-byte ASCII opening, alone and followed by more, and openings
 * of one byte and of non-ASCII letters. */
static void
assert_prefilter_agrees_everywhere (abr_furniture_rules *rules, const char *rule)
{
  GString *text = g_string_new (NULL);
  for (int a = 0x21; a < 0x7F; a++)
    for (int b = 0x20; b < 0x7F; b++)
      for (const char *const *tail = suffixes; *tail; tail++)
        {
          g_string_printf (text, "%c%c%s", a, b, *tail);
          assert_prefilter_agrees (rules, rule, text->str, text->len);
        }
  static const char *const others[] = {
    "a", "A", "b", "K", "\xe2\x84\xaa" "5", "k5", "\xc5\xbf" "o", "so", "So", "y", "Y",
    "\xc3\x89t\xc3\xa9", "Paul said", "paul said", "The", "th", "TH", "xy", "xxy", "A b",
    "5 comments", "It was not anchored.", "\xe2\x84\xaa" "eep out", "Keep OUT", "\xc5\xbf" "top",
    "a STOP.", "stoP", "xyz", "wxyz", "word here", "wordS here", "longword", "a DIGIT 420",
    "pipe|x", "vwxyz", "uvwxy", "quoted(", NULL,
  };
  for (const char *const *o = others; *o; o++)
    assert_prefilter_agrees (rules, rule, *o, strlen (*o));
  g_string_free (text, TRUE);
}

static void
test_boilerplate_prefilter_agrees_with_pcre_on_edited_rules (void **state)
{
  (void) state;
  char *message = NULL;
  /* Each rule alone (an alternation of many is lenient at every opening
   * and would hide a wrong table) ... */
  for (const char *const *rule = edited_rules; *rule; rule++)
    {
      const char *lines[] = { *rule, NULL };
      abr_furniture_rules *alone = abr_furniture_rules_new (lines, &message);
      assert_non_null (alone);
      assert_prefilter_agrees_everywhere (alone, *rule);
      abr_furniture_rules_free (alone);
    }
  /* ... and all together. */
  abr_furniture_rules *rules = abr_furniture_rules_new (edited_rules, &message);
  assert_non_null (rules);
  assert_prefilter_agrees_everywhere (rules, "all");
  /* And the answers are the rules': the comparison is not of two no-ops. */
  assert_int_equal (abr_furniture_rules_classify (rules, "Paul said", 9, TRUE), ABR_BOILERPLATE_LINE);
  assert_int_equal (abr_furniture_rules_classify (rules, "paul said", 9, TRUE), ABR_BOILERPLATE_NONE);
  assert_int_equal (abr_furniture_rules_classify (rules, "A", 1, TRUE), ABR_BOILERPLATE_LINE);
  assert_int_equal (abr_furniture_rules_classify (rules, "so", 2, TRUE), ABR_BOILERPLATE_LINE);
  assert_int_equal (abr_furniture_rules_classify (rules, "k5", 2, TRUE), ABR_BOILERPLATE_LINE);
  assert_int_equal (abr_furniture_rules_classify (rules, "xy", 2, TRUE), ABR_BOILERPLATE_TAIL);
  assert_int_equal (abr_furniture_rules_classify (rules, "5 comments", 10, TRUE),
                    ABR_BOILERPLATE_TAIL);
  assert_int_equal (abr_furniture_rules_classify (rules, "The", 3, TRUE), ABR_BOILERPLATE_NONE);
  static const char *const floating[] = {
    "\xe2\x84\xaa" "eep out", "\xc5\xbf" "top", "xyz", "wxyz", "word here", "longword",
    "a DIGIT 420", "Stop", "vwxyz", "uvwxy", NULL,
  };
  for (const char *const *f = floating; *f; f++)
    if (abr_furniture_rules_classify (rules, *f, strlen (*f), TRUE) == ABR_BOILERPLATE_NONE)
      fail_msg ("\"%s\" should be furniture", *f);
  assert_int_equal (abr_furniture_rules_classify (rules, "keep", 4, TRUE), ABR_BOILERPLATE_NONE);
  abr_furniture_rules_free (rules);
}

static void
test_boilerplate_bad_edited_rule_is_named (void **state)
{
  (void) state;
  static const char *const bad[] = { "line\t^ok$", "line\t^(unclosed", NULL };
  char *message = NULL;
  assert_null (abr_furniture_rules_new (bad, &message));
  assert_non_null (strstr (message, "^(unclosed: "));
  g_free (message);
  static const char *const no_kind[] = { "furniture ^x", NULL };
  assert_null (abr_furniture_rules_new (no_kind, &message));
  assert_string_equal (message, "not KIND<TAB>PATTERN: furniture ^x");
  g_free (message);
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
    cmocka_unit_test (test_boilerplate_odd_case_and_non_ascii_openings_still_match),
    cmocka_unit_test (test_boilerplate_prefilter_agrees_with_pcre_on_edited_rules),
    cmocka_unit_test (test_boilerplate_bad_edited_rule_is_named),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
