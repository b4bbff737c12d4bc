/* Unit tests of dateline.c: which leads open with a dateline, what is cut, which place is kept. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <glib.h>

#include "text/dateline.h"

/* ---- helpers ------------------------------------------------------------- */

/* Asserts that TEXT opens with a dateline whose place is PLACE and after
 * which the text reads exactly REST. */
static void
assert_dateline (const char *text, const char *place, const char *rest)
{
  char *got = NULL;
  gsize cut = abr_dateline_match (text, strlen (text), &got);
  if (cut == 0)
    fail_msg ("no dateline found in \"%s\"", text);
  if (strcmp (text + cut, rest) != 0)
    {
      g_free (got);
      fail_msg ("after the dateline of \"%s\" comes \"%s\", expected \"%s\"", text, text + cut,
                rest);
    }
  assert_non_null (got);
  if (strcmp (got, place) != 0)
    {
      char message[512];
      g_snprintf (message, sizeof message, "the place of \"%s\" is \"%s\", expected \"%s\"",
                  text, got, place);
      g_free (got);
      fail_msg ("%s", message);
    }
  g_free (got);
}

static void
assert_no_dateline (const char *text)
{
  char *got = NULL;
  gsize cut = abr_dateline_match (text, strlen (text), &got);
  if (cut != 0)
    {
      char message[512];
      g_snprintf (message, sizeof message,
                  "\"%s\" has a dateline of %" G_GSIZE_FORMAT " bytes (\"%s\"), expected none",
                  text, cut, got != NULL ? got : "(null)");
      g_free (got);
      fail_msg ("%s", message);
    }
  assert_null (got);
}

/* ---- datelines ------------------------------------------------------------- */

/* The rules are interpreted for the first matches of a process and
 * JIT-compiled after: the answers must not change when they switch. */
static void
test_dateline_same_answers_before_and_after_the_jit (void **state)
{
  (void) state;
  for (int i = 0; i < 300; i++)
    {
      assert_dateline ("BRUSSELS — The European Commission proposed new rules on Tuesday.",
                       "BRUSSELS", "The European Commission proposed new rules on Tuesday.");
      assert_dateline ("LONDON (Reuters) - Prices rose.", "LONDON", "Prices rose.");
      assert_no_dateline ("The minister said on Tuesday that prices rose.");
    }
}

static void
test_dateline_city_and_em_dash_is_cut (void **state)
{
  (void) state;
  assert_dateline ("BRUSSELS — The European Commission proposed new rules on Tuesday.",
                   "BRUSSELS", "The European Commission proposed new rules on Tuesday.");
}

static void
test_dateline_city_with_agency_is_cut (void **state)
{
  (void) state;
  assert_dateline ("WASHINGTON (AP) — The Senate passed the bill on Wednesday.", "WASHINGTON",
                   "The Senate passed the bill on Wednesday.");
}

static void
test_dateline_reuters_city_date_agency_hyphen_is_cut (void **state)
{
  (void) state;
  assert_dateline ("LONDON, Jan 12 (Reuters) - British retailers cut their forecasts.",
                   "LONDON", "British retailers cut their forecasts.");
}

static void
test_dateline_cnn_with_double_hyphen_is_cut (void **state)
{
  (void) state;
  assert_dateline ("(CNN) -- Rescue crews reached the climbers on Sunday.", "CNN",
                   "Rescue crews reached the climbers on Sunday.");
}

static void
test_dateline_cnn_without_space_is_cut (void **state)
{
  (void) state;
  assert_dateline ("(CNN)Two climbers were rescued on Sunday.", "CNN",
                   "Two climbers were rescued on Sunday.");
}

static void
test_dateline_lower_case_cnn_is_cut (void **state)
{
  (void) state;
  assert_dateline ("(cnn) two climbers were rescued on Sunday.", "cnn",
                   "two climbers were rescued on Sunday.");
}

static void
test_dateline_city_country_agency_is_cut (void **state)
{
  (void) state;
  assert_dateline ("ROTTERDAM, Netherlands (AP) — Dock workers walked out on Tuesday.",
                   "ROTTERDAM, Netherlands", "Dock workers walked out on Tuesday.");
}

static void
test_dateline_two_word_city_is_cut (void **state)
{
  (void) state;
  assert_dateline ("NEW YORK — Stocks rose on Monday.", "NEW YORK", "Stocks rose on Monday.");
}

static void
test_dateline_double_hyphen_and_en_dash_are_separators (void **state)
{
  (void) state;
  assert_dateline ("PARIS -- The museum closed early.", "PARIS", "The museum closed early.");
  assert_dateline ("PARIS – The museum closed early.", "PARIS", "The museum closed early.");
}

static void
test_dateline_unspaced_em_dash_is_cut (void **state)
{
  (void) state;
  assert_dateline ("VATICAN CITY—Six years ago the pope opened an inquiry.", "VATICAN CITY",
                   "Six years ago the pope opened an inquiry.");
  assert_dateline ("ST. LOUIS, Mo.—The river crested on Sunday.", "ST. LOUIS, Mo.",
                   "The river crested on Sunday.");
  assert_dateline ("CHICAGO (AP)—Snow closed the airports.", "CHICAGO",
                   "Snow closed the airports.");
}

/* An unspaced em dash is punctuation inside prose far more often than a
 * dateline: only an all-caps place at the start counts. */
static void
test_dateline_unspaced_em_dash_in_prose_is_no_dateline (void **state)
{
  (void) state;
  assert_no_dateline ("The report—a short document—thanked the orders.");
  assert_no_dateline ("Vatican City—Six years ago the pope opened an inquiry.");
  assert_no_dateline ("VATICAN CITY—six years ago the pope opened an inquiry.");
  assert_no_dateline ("U.S.—China talks resumed on Monday.");
  assert_no_dateline ("NATO—the alliance—met on Monday.");
}

/* ---- not datelines ----------------------------------------------------------- */

static void
test_dateline_dash_aside_after_the_is_no_dateline (void **state)
{
  (void) state;
  assert_no_dateline ("The U.S. — and its allies — agreed.");
}

static void
test_dateline_normal_sentence_has_none (void **state)
{
  (void) state;
  assert_no_dateline ("The mayor said the bridge would reopen in the spring.");
  assert_no_dateline ("Officials in Rotterdam said the port was closed.");
  assert_no_dateline ("");
}

static void
test_dateline_that_is_the_whole_sentence_is_a_heading (void **state)
{
  (void) state;
  assert_no_dateline ("BRUSSELS —");
  assert_no_dateline ("BRUSSELS — ");
  assert_no_dateline ("(CNN)");
}

static void
test_dateline_quoted_capitals_are_no_dateline (void **state)
{
  (void) state;
  assert_no_dateline ("“BRUSSELS — we are here,” he said.");
}

/* ---- robustness ---------------------------------------------------------------- */

static void
test_dateline_long_multibyte_text_is_matched_safely (void **state)
{
  (void) state;
  /* The matcher looks at a window of the text: make its edge fall inside a
   * multi-byte character, at every alignment. */
  for (int pad = 0; pad < 4; pad++)
    {
      GString *text = g_string_new ("BRUSSELS — ");
      for (int i = 0; i < pad; i++)
        g_string_append_c (text, 'X');
      for (int i = 0; i < 200; i++)
        g_string_append (text, "É€");
      char *place = NULL;
      gsize cut = abr_dateline_match (text->str, text->len, &place);
      assert_int_equal (cut, strlen ("BRUSSELS — "));
      assert_string_equal (place, "BRUSSELS");
      g_free (place);
      g_string_free (text, TRUE);
    }
}

static void
test_dateline_reads_only_len_bytes (void **state)
{
  (void) state;
  /* Within the first 10 bytes "BRUSSELS —" is a whole line: no dateline. */
  const char *text = "BRUSSELS — The rest.";
  char *place = NULL;
  assert_int_equal (abr_dateline_match (text, strlen ("BRUSSELS —"), &place), 0);
  assert_null (place);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_dateline_same_answers_before_and_after_the_jit),
    cmocka_unit_test (test_dateline_city_and_em_dash_is_cut),
    cmocka_unit_test (test_dateline_city_with_agency_is_cut),
    cmocka_unit_test (test_dateline_reuters_city_date_agency_hyphen_is_cut),
    cmocka_unit_test (test_dateline_cnn_with_double_hyphen_is_cut),
    cmocka_unit_test (test_dateline_cnn_without_space_is_cut),
    cmocka_unit_test (test_dateline_lower_case_cnn_is_cut),
    cmocka_unit_test (test_dateline_city_country_agency_is_cut),
    cmocka_unit_test (test_dateline_two_word_city_is_cut),
    cmocka_unit_test (test_dateline_double_hyphen_and_en_dash_are_separators),
    cmocka_unit_test (test_dateline_unspaced_em_dash_is_cut),
    cmocka_unit_test (test_dateline_unspaced_em_dash_in_prose_is_no_dateline),
    cmocka_unit_test (test_dateline_dash_aside_after_the_is_no_dateline),
    cmocka_unit_test (test_dateline_normal_sentence_has_none),
    cmocka_unit_test (test_dateline_that_is_the_whole_sentence_is_a_heading),
    cmocka_unit_test (test_dateline_quoted_capitals_are_no_dateline),
    cmocka_unit_test (test_dateline_long_multibyte_text_is_matched_safely),
    cmocka_unit_test (test_dateline_reads_only_len_bytes),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
