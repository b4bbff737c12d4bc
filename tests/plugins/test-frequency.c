/* The frequency plugin, loaded through the real registry: scores computed
 * by hand, SumBasic's redundancy update, background idf, and the lead
 * weighting; and the core's keywords, which use the same statistics. */
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

#define PLUGIN_UNDER_TEST "frequency"
#include "shipped.h"

/* Content words: apples grow | apples pears grow slowly | cars honk ("here"
 * and "and" are stop words). SumBasic probabilities: apple and grow 2/8,
 * pear, slowly, car, honk 1/8 each. */
static const char *FRUIT = "Apples grow here.\n\nApples and pears grow slowly.\n\nCars honk.\n";

static char *
chosen (const Run *r)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < r->brief->items->len; i++)
    g_string_append_printf (out, "%s%u", i ? "," : "",
                            g_array_index (r->brief->items, abridge_brief_item, i).sentence);
  return g_string_free (out, FALSE);
}

static void
test_frequency_sumbasic_scores_match_hand_computation (void **state)
{
  (void) state;
  const char *options[] = { "frequency.variant=sumbasic", "frequency.redundancy=1",
                            "frequency.length_power=1", "frequency.lead=0", NULL };
  Run r = run (FRUIT, 2, options);
  assert_float_equal (r.brief->scores[0], 2.0 / 8, 1e-9);  /* (2/8 + 2/8) / 2 */
  assert_float_equal (r.brief->scores[1], 6.0 / 32, 1e-9); /* (2/8 + 1/8 + 2/8 + 1/8) / 4 */
  assert_float_equal (r.brief->scores[2], 1.0 / 8, 1e-9);  /* (1/8 + 1/8) / 2 */
  char *got = chosen (&r);
  assert_string_equal (got, "0,1");
  g_free (got);
  run_free (&r);
}

static void
test_frequency_redundancy_update_prefers_new_words (void **state)
{
  (void) state;
  /* After sentence 0, apple and grow weigh (2/8)^2: sentence 1 falls to
   * (1/16 + 1/8 + 1/16 + 1/8) / 4 = 3/32 and sentence 2 (1/8) overtakes it. */
  const char *options[] = { "frequency.variant=sumbasic", "frequency.redundancy=2",
                            "frequency.length_power=1", "frequency.lead=0", NULL };
  Run r = run (FRUIT, 2, options);
  char *got = chosen (&r);
  assert_string_equal (got, "0,2");
  g_free (got);
  run_free (&r);
}

static void
test_frequency_background_idf_favours_specific_words (void **state)
{
  (void) state;
  /* "said" and "year" are everywhere in news; "glacier" is not. Each
   * appears twice, so only idf can tell the last two sentences apart. */
  const char *text = "Officials said this year was different.\n\n"
                     "The glacier retreated, officials said.\n\n"
                     "Scientists measured the glacier again this year.\n";
  const char *options[] = { "frequency.redundancy=1", "frequency.lead=0", NULL };
  Run r = run (text, 1, options);
  assert_true (r.brief->scores[1] > r.brief->scores[0]);
  const char *no_idf[] = { "frequency.redundancy=1", "frequency.lead=0", "frequency.idf=false", NULL };
  Run flat = run (text, 1, no_idf);
  /* without idf, "said"/"year" count as much as "glacier" */
  assert_true (flat.brief->scores[0] >= flat.brief->scores[1] - 1e-9);
  run_free (&flat);
  run_free (&r);
}

static void
test_frequency_lead_weighting_favours_the_opening_topic (void **state)
{
  (void) state;
  /* Two topics, equally frequent; the article opens with the ferry. */
  const char *text = "The ferry will sail daily.\n\n"
                     "Bakers protested bread prices.\n\n"
                     "Bakers blamed flour costs.\n\n"
                     "The ferry sails from the north pier.\n";
  const char *blind[] = { "frequency.lead=0", "frequency.redundancy=1", "frequency.idf=false",
                          "frequency.length_power=1", NULL };
  Run r = run (text, 1, blind);
  const char *lead[] = { "frequency.lead=10", "frequency.redundancy=1", "frequency.idf=false",
                         "frequency.length_power=1", NULL };
  Run l = run (text, 1, lead);
  /* the ferry's closing sentence gains on the bakers' when the lead counts */
  assert_true (l.brief->scores[3] - l.brief->scores[1] > r.brief->scores[3] - r.brief->scores[1]);
  run_free (&l);
  run_free (&r);
}

static void
test_frequency_luhn_scores_match_hand_computation (void **state)
{
  (void) state;
  /* Significant words occur more than once: apple and grow (3 times each);
   * zebra, yak ... once. A cluster runs from a significant word to the last
   * one before 4 insignificant words in a row, and scores
   * (significant)^2 / (its words):
   *   0: [apple grow]                         2^2 / 2 = 2
   *   1: [apple zebra yak xylophone grow]     2^2 / 5 = 0.8 (a gap of 3)
   *   2: [apple] walrus vole urchin tapir [grow]: a gap of 4 splits it into
   *      two clusters of one significant word each, which score 0.
   *   3: [apple and pear grow] slowly: the stop word counts as a word, the
   *      trailing insignificant one does not: 2^2 / 4 = 1. */
  const char *text = "Apples grow.\n\n"
                     "Apples zebra yak xylophone grow.\n\n"
                     "Apples walrus vole urchin tapir grow.\n\n"
                     "Apples and pears grow slowly.\n";
  const char *options[] = { "frequency.variant=luhn", NULL };
  Run r = run (text, 2, options);
  assert_float_equal (r.brief->scores[0], 2.0, 1e-12);
  assert_float_equal (r.brief->scores[1], 0.8, 1e-12);
  assert_float_equal (r.brief->scores[2], 0.0, 1e-12);
  assert_float_equal (r.brief->scores[3], 1.0, 1e-12);
  char *got = chosen (&r);
  assert_string_equal (got, "0,3");
  g_free (got);
  run_free (&r);
}

static void
test_frequency_klsum_picks_match_hand_computation (void **state)
{
  (void) state;
  /* Content words (stemmed; "and" is a stop word), 9 in all: apple 2, grow
   * 2, pear, slowly, car, honk, loudly 1 each. KL = sum over the joint
   * summary's words of P_D ln (P_D / P_S):
   *   round 1: {0} 2 (2/9) ln ((2/9) / (1/2))                    = -0.3604
   *            {1} 2 (2/9) ln ((2/9)/(1/4)) + 2 (1/9) ln ((1/9)/(1/4)) = -0.2326
   *            {2} 3 (1/9) ln ((1/9) / (1/3))                    = -0.3662  <- picked
   *   round 2: {2,0} 2 (2/9) ln ((2/9)/(1/5)) + 3 (1/9) ln ((1/9)/(1/5)) = -0.1491  <- picked
   *            {2,1} 2 (2/9) ln ((2/9)/(1/7)) + 5 (1/9) ln ((1/9)/(1/7)) = +0.0568
   * so the picks are 2, 0, 1 (plain word frequency would take 0 or 1 first). */
  const char *text = "Apples grow.\n\nApples and pears grow slowly.\n\nCars honk loudly.\n";
  const char *options[] = { "frequency.variant=klsum", NULL };
  Run r = run (text, 1, options);
  char *got = chosen (&r);
  assert_string_equal (got, "2");
  g_free (got);
  assert_true (r.brief->scores[2] > r.brief->scores[0]);
  assert_true (r.brief->scores[0] > r.brief->scores[1]);
  run_free (&r);
}

static void
test_frequency_sumy_variants_on_degenerate_articles (void **state)
{
  (void) state;
  const char *variants[] = { "frequency.variant=luhn", "frequency.variant=klsum" };
  GString *same = g_string_new (NULL), *many = g_string_new (NULL);
  for (int i = 0; i < 200; i++)
    g_string_append (same, "The river rose again.\n\n");
  /* more sentences than KL-Sum's greedy picks */
  for (int i = 0; i < 150; i++)
    g_string_append_printf (many, "Harbour cranes unloaded ship w%dx.\n\n", i);
  const char *texts[] = { "The ferry sailed at dawn.\n", "And then it was so.\n\nIt is.\n",
                          "42.\n\n17.\n", same->str, many->str };
  for (gsize v = 0; v < G_N_ELEMENTS (variants); v++)
    for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
      {
        const char *options[] = { variants[v], NULL };
        Run r = run (texts[t], 3, options);
        guint n = abridge_document_sentence_count (r.doc);
        for (guint i = 0; i < n; i++)
          assert_true (isfinite (r.brief->scores[i]));
        assert_true (r.brief->items->len >= 1);
        if (texts[t] == same->str) /* every sentence says the same: the brief keeps one */
          assert_int_equal (r.brief->items->len, 1);
        run_free (&r);
      }
  g_string_free (same, TRUE);
  g_string_free (many, TRUE);
}

static void
test_frequency_rejects_bad_options (void **state)
{
  (void) state;
  const char *bad[][2] = { { "frequency.variant=magic", NULL },
                           { "frequency.length_power=2", NULL },
                           { "frequency.redundancy=0.5", NULL },
                           { "frequency.lead=-1", NULL } };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;
      abridge_engine *engine = abridge_engine_new (registry, "frequency", bad[i], &error);
      assert_null (engine);
      assert_non_null (error);
      assert_non_null (strstr (error->message, "plugin 'frequency'"));
      g_error_free (error);
    }
}

static void
test_frequency_identical_sentences_do_not_break_it (void **state)
{
  (void) state;
  GString *text = g_string_new (NULL);
  for (int i = 0; i < 200; i++)
    g_string_append (text, "The river rose again.\n\n");
  Run r = run (text->str, 3, NULL);
  /* every sentence says the same: the brief keeps one */
  assert_int_equal (r.brief->items->len, 1);
  run_free (&r);
  g_string_free (text, TRUE);
}

/* One engine, many articles: its scratch memory, sized by a long article
 * and reused for a short one, must leave no trace of the first. */
static void
test_frequency_one_engine_ranks_articles_as_fresh_ones_do (void **state)
{
  (void) state;
  GString *long_text = g_string_new (NULL);
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (long_text, "Word%u word%u shares word%u with many others.\n\n", i,
                            i % 37, i % 11);
  const char *options[] = { "frequency.variant=sumbasic", "frequency.redundancy=2",
                            "frequency.length_power=1", "frequency.lead=0", NULL };
  GError *error = NULL;
  abridge_engine *engine = abridge_engine_new (registry, PLUGIN_UNDER_TEST, options, &error);
  assert_non_null (engine);
  const char *texts[] = { long_text->str, FRUIT, long_text->str, FRUIT };
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      Run fresh = run (texts[t], 2, options);
      abridge_document *doc = abridge_document_new (texts[t], strlen (texts[t]), NULL, NULL);
      abridge_budget budget = { ABRIDGE_BUDGET_SENTENCES, 2, 0 };
      abridge_brief *brief
          = abridge_engine_summarize (engine, doc, &budget, ABRIDGE_ORDER_ARTICLE, &error);
      assert_non_null (brief);
      guint n = abridge_document_sentence_count (doc);
      for (guint i = 0; i < n; i++)
        assert_float_equal (brief->scores[i], fresh.brief->scores[i], 0);
      if (texts[t] == FRUIT)
        {
          Run again = { brief, doc, NULL };
          char *got = chosen (&again);
          assert_string_equal (got, "0,2"); /* as in the redundancy test */
          g_free (got);
        }
      abridge_brief_free (brief);
      abridge_document_free (doc);
      run_free (&fresh);
    }
  abridge_engine_free (engine);
  g_string_free (long_text, TRUE);
}

static void
test_keywords_are_the_distinctive_repeated_words (void **state)
{
  (void) state;
  const char *text = "The glacier in Patagonia retreated fast.\n\n"
                     "Scientists said the glacier lost ice.\n\n"
                     "The glacier could vanish, scientists said.\n";
  abridge_document *doc = abridge_document_new (text, strlen (text), NULL, NULL);
  char **kw = abridge_document_keywords (doc, 3);
  assert_int_equal (g_strv_length (kw), 3);
  assert_string_equal (kw[0], "glacier");
  /* a name keeps its capital; a sentence-initial word would not */
  assert_true (g_strv_contains ((const char *const *) kw, "Patagonia")
               || g_strv_contains ((const char *const *) kw, "scientists"));
  g_strfreev (kw);
  abridge_document_free (doc);
}

/* Outside English every stem weighs the same (the background table is
 * English): a German word that is also a common English one ("Hand") is
 * not pushed down by the English weights. */
static void
test_keywords_outside_english_weigh_words_alike (void **state)
{
  (void) state;
  const char *text = "Der Hafen liegt an der Hand der Stadt.\n\n"
                     "Die Hand des Bürgermeisters zeigt auf den Hafen.\n\n"
                     "Eine Hand wäscht die andere, sagt man in der Stadt.\n";
  abridge_document *doc = abridge_document_new_lang (text, strlen (text), NULL, "de", NULL);
  assert_non_null (doc);
  char **kw = abridge_document_keywords (doc, 2);
  assert_int_equal (g_strv_length (kw), 2);
  assert_string_equal (kw[0], "Hand"); /* 3 times, Hafen and Stadt twice */
  g_strfreev (kw);
  abridge_document_free (doc);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_frequency_sumbasic_scores_match_hand_computation),
    cmocka_unit_test (test_frequency_redundancy_update_prefers_new_words),
    cmocka_unit_test (test_frequency_background_idf_favours_specific_words),
    cmocka_unit_test (test_frequency_lead_weighting_favours_the_opening_topic),
    cmocka_unit_test (test_frequency_luhn_scores_match_hand_computation),
    cmocka_unit_test (test_frequency_klsum_picks_match_hand_computation),
    cmocka_unit_test (test_frequency_sumy_variants_on_degenerate_articles),
    cmocka_unit_test (test_frequency_rejects_bad_options),
    cmocka_unit_test (test_frequency_identical_sentences_do_not_break_it),
    cmocka_unit_test (test_frequency_one_engine_ranks_articles_as_fresh_ones_do),
    cmocka_unit_test (test_keywords_are_the_distinctive_repeated_words),
    cmocka_unit_test (test_keywords_outside_english_weigh_words_alike),
  };
  return cmocka_run_group_tests (tests, setup_shipped, teardown_shipped);
}
