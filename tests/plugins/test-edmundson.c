/* The edmundson plugin, loaded through the real registry: each feature
 * and their sum computed by hand on a tiny article with a title, headings
 * after prose, and degenerate articles. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <math.h>
#include <string.h>

#include <abridge/abridge.h>

#define PLUGIN_UNDER_TEST "edmundson"
#include "shipped.h"

/* A headline standing first (the document takes it as the title) and
 * three paragraphs: {0, 1}, {2}, {3, 4}. Title stems: glacier, retreat
 * (the title's "retreat" is the stem of "retreated"), scientist; "alarms"
 * is not in the article. Bonus word "record", stigma word "perhaps". */
static const char *GLACIER = "Glacier retreat alarms scientists\n\n"
                             "The glacier retreated a record distance this year. Tourists visited.\n\n"
                             "Scientists said the loss was perhaps seasonal.\n\n"
                             "Farmers worried. The glacier feeds rivers.\n";

static void
test_edmundson_features_match_hand_computation (void **state)
{
  (void) state;
  /*            cue  title  location (title + paragraph + sentence)  sum
   *   0         +1    2    2 + 1 (first paragraph) + 1 (first)  = 4   7
   *   1          0    0    0 + 1 (first paragraph) + 1 (last)   = 2   2
   *   2         -1    1    1 + 0 (middle)          + 1 (first)  = 2   2
   *   3          0    0    0 + 1 (last paragraph)  + 1 (first)  = 2   2
   *   4          0    1    1 + 1 (last paragraph)  + 1 (last)   = 3   4
   * sumy's default weights (cue 1, key 0, title 1, location 1) add them. */
  Run r = run (GLACIER, 2, NULL);
  assert_int_equal (abridge_document_sentence_count (r.doc), 5);
  const double sum[] = { 7, 2, 2, 2, 4 };
  for (int i = 0; i < 5; i++)
    assert_float_equal (r.brief->scores[i], sum[i], 1e-12);
  assert_int_equal (g_array_index (r.brief->items, abridge_brief_item, 0).sentence, 0);
  assert_int_equal (g_array_index (r.brief->items, abridge_brief_item, 1).sentence, 4);
  run_free (&r);

  const char *cue[] = { "edmundson.title_weight=0", "edmundson.location_weight=0", NULL };
  r = run (GLACIER, 1, cue);
  const double cues[] = { 1, 0, -1, 0, 0 };
  for (int i = 0; i < 5; i++)
    assert_float_equal (r.brief->scores[i], cues[i], 1e-12);
  run_free (&r);

  /* Key words: stems counted over the article (stop words out), kept when
   * seen more than half as often as the most frequent: glacier (2) alone,
   * every other stem once. */
  const char *key[] = { "edmundson.cue_weight=0", "edmundson.title_weight=0",
                        "edmundson.location_weight=0", "edmundson.key_weight=1", NULL };
  r = run (GLACIER, 1, key);
  const double keys[] = { 1, 0, 0, 0, 1 };
  for (int i = 0; i < 5; i++)
    assert_float_equal (r.brief->scores[i], keys[i], 1e-12);
  run_free (&r);
}

static void
test_edmundson_ranks_headings_after_prose (void **state)
{
  (void) state;
  const char *text = "The council approved rules for landlords on Tuesday.\n\n"
                     "Rules for landlords\n\n"
                     "Landlords must follow the rules, the council said.\n\n"
                     "Tenants welcomed the rules.\n";
  Run r = run (text, 4, NULL);
  guint n = abridge_document_sentence_count (r.doc);
  double lowest_prose = INFINITY, heading = NAN;
  for (guint i = 0; i < n; i++)
    if (abridge_document_sentence_flags (r.doc, i) & ABRIDGE_SENTENCE_HEADING)
      heading = r.brief->scores[i];
    else
      lowest_prose = MIN (lowest_prose, r.brief->scores[i]);
  assert_true (isfinite (heading) && heading < lowest_prose);
  run_free (&r);
}

static void
test_edmundson_degenerate_articles (void **state)
{
  (void) state;
  GString *same = g_string_new (NULL);
  for (int i = 0; i < 50; i++)
    g_string_append (same, "The river rose again.\n\n");
  const char *texts[] = { "The ferry sailed at dawn.\n", "And then it was so.\n\nIt is.\n",
                          "42.\n\n17.\n", "Heading only\n", same->str };
  for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      Run r = run (texts[t], 3, NULL);
      guint n = abridge_document_sentence_count (r.doc);
      for (guint i = 0; i < n; i++)
        assert_true (isfinite (r.brief->scores[i]));
      assert_true (r.brief->items->len >= 1);
      run_free (&r);
    }
  g_string_free (same, TRUE);
}

static void
test_edmundson_rejects_bad_options (void **state)
{
  (void) state;
  const char *bad[][2] = { { "edmundson.cue_weight=-1", NULL }, { "edmundson.key_weight=-0.5", NULL },
                           { "edmundson.title_weight=-1", NULL },
                           { "edmundson.location_weight=-2", NULL } };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;
      abridge_engine *engine = abridge_engine_new (registry, "edmundson", bad[i], &error);
      assert_null (engine);
      assert_non_null (error);
      assert_non_null (strstr (error->message, "plugin 'edmundson'"));
      g_error_free (error);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_edmundson_features_match_hand_computation),
    cmocka_unit_test (test_edmundson_ranks_headings_after_prose),
    cmocka_unit_test (test_edmundson_degenerate_articles),
    cmocka_unit_test (test_edmundson_rejects_bad_options),
  };
  return cmocka_run_group_tests (tests, setup_shipped, teardown_shipped);
}
