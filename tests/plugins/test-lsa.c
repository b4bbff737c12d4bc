/* The lsa plugin, loaded through the real registry: ranks computed by hand
 * from the term-sentence matrix of tiny articles, the dimensions kept,
 * sumy's smoothing of absent words, and degenerate articles. */
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

#define PLUGIN_UNDER_TEST "lsa"
#include "shipped.h"

/* Words (stemmed, no stop words): 0 apple grow | 1 apple fall | 2 car honk. */
static const char *THREE = "Apples grow.\n\nApples fall.\n\nCars honk.\n";

static void
test_lsa_ranks_without_smoothing_match_hand_computation (void **state)
{
  (void) state;
  /* smooth = 0: A is 0/1 (each word once), so A^T A = [[2,1,0],[1,2,0],[0,0,2]]
   * (sentences 0 and 1 share apple). Its eigenpairs: 3 for (1,1,0)/sqrt2,
   * 2 for (0,0,1), 1 for (1,-1,0)/sqrt2. A rank is sqrt (sum of
   * lambda_i v_ji^2) over the kept dimensions:
   *   1 dimension:  0, 1: sqrt (3/2); 2: 0
   *   2 dimensions: 0, 1: sqrt (3/2); 2: sqrt 2
   *   all three:    every sentence its column's length, sqrt 2. */
  const char *one[] = { "lsa.smooth=0", "lsa.dimensions=1", NULL };
  Run r = run (THREE, 1, one);
  assert_float_equal (r.brief->scores[0], sqrt (1.5), 1e-9);
  assert_float_equal (r.brief->scores[1], sqrt (1.5), 1e-9);
  assert_float_equal (r.brief->scores[2], 0.0, 1e-9);
  run_free (&r);
  const char *two[] = { "lsa.smooth=0", "lsa.dimensions=2", NULL };
  r = run (THREE, 1, two);
  assert_float_equal (r.brief->scores[0], sqrt (1.5), 1e-9);
  assert_float_equal (r.brief->scores[2], sqrt (2.0), 1e-9);
  assert_int_equal (g_array_index (r.brief->items, abridge_brief_item, 0).sentence, 2);
  run_free (&r);
  const char *all[] = { "lsa.smooth=0", "lsa.dimensions=99", NULL };
  r = run (THREE, 1, all);
  for (int i = 0; i < 3; i++)
    assert_float_equal (r.brief->scores[i], sqrt (2.0), 1e-9);
  run_free (&r);
  /* Steinberger & Jezek keep singular values of at least half the largest,
   * eigenvalues of at least a quarter: 1 >= 3/4, so all three here. */
  const char *sj[] = { "lsa.smooth=0", NULL };
  r = run (THREE, 1, sj);
  for (int i = 0; i < 3; i++)
    assert_float_equal (r.brief->scores[i], sqrt (2.0), 1e-9);
  run_free (&r);
}

static void
test_lsa_default_smoothing_matches_hand_computation (void **state)
{
  (void) state;
  /* sumy's smoothing, 0.4 + 0.6 f / max in every cell of a sentence with
   * words: a word present weighs 1, an absent one 0.4. Five words (apple,
   * grow, fall, car, honk):
   *   |col|^2 = 1 + 1 + 3 (0.16) = 2.48
   *   col0 . col1 = 1 (apple) + 0.4 + 0.4 + 0.16 + 0.16 = 2.12
   *   col0 . col2 = col1 . col2 = 0.4 + 0.4 + 0.16 + 0.4 + 0.4 = 1.76
   * On (a, a, b) A^T A acts as [[4.6, 1.76], [3.52, 2.48]]: lambda^2 - 7.08
   * lambda + 5.2128 = 0, the largest lambda = (7.08 + sqrt 29.2752) / 2 =
   * 6.245328; b = (lambda - 4.6) / 1.76 a, 2 a^2 + b^2 = 1: a^2 = 0.347955,
   * b^2 = 0.304090. The others are 0.834672 and 0.36 (for (1,-1,0)), under
   * a quarter of the largest, so one dimension is kept:
   *   0, 1: sqrt (6.245328 a^2) = 1.474141;  2: sqrt (6.245328 b^2) = 1.378094 */
  Run r = run (THREE, 2, NULL);
  assert_float_equal (r.brief->scores[0], 1.474141, 1e-6);
  assert_float_equal (r.brief->scores[1], 1.474141, 1e-6);
  assert_float_equal (r.brief->scores[2], 1.378094, 1e-6);
  run_free (&r);
}

static void
test_lsa_degenerate_articles (void **state)
{
  (void) state;
  GString *same = g_string_new (NULL), *long_text = g_string_new (NULL);
  for (int i = 0; i < 50; i++)
    g_string_append (same, "The river rose again.\n\n");
  /* past one block: 1,000 sentences, the topic ones sharing their words */
  for (int i = 0; i < 1000; i++)
    if (i % 2)
      g_string_append_printf (long_text, "Harbour cranes unloaded cargo ship number w%dx.\n\n", i);
    else
      g_string_append_printf (long_text, "Qv%dq.\n\n", i);
  const char *texts[] = { "The ferry sailed at dawn.\n", "And then it was so.\n\nIt is.\n",
                          "42.\n\n17.\n", same->str, long_text->str };
  for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      Run r = run (texts[t], 3, NULL);
      guint n = abridge_document_sentence_count (r.doc);
      assert_true (n >= 1);
      for (guint i = 0; i < n; i++)
        assert_true (isfinite (r.brief->scores[i]));
      if (texts[t] == same->str)
        {
          for (guint i = 0; i < n; i++) /* identical columns, identical ranks */
            assert_float_equal (r.brief->scores[i], r.brief->scores[0], 1e-9);
          assert_int_equal (r.brief->items->len, 1);
        }
      if (texts[t] == long_text->str)
        {
          assert_int_equal (n, 1000);
          for (guint i = 0; i + 1 < n; i += 2)
            assert_true (r.brief->scores[i + 1] > r.brief->scores[i]);
        }
      run_free (&r);
    }
  g_string_free (same, TRUE);
  g_string_free (long_text, TRUE);
}

static void
test_lsa_rejects_bad_options (void **state)
{
  (void) state;
  const char *bad[][2] = { { "lsa.smooth=1", NULL }, { "lsa.smooth=-0.1", NULL },
                           { "lsa.dimensions=-1", NULL } };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;
      abridge_engine *engine = abridge_engine_new (registry, "lsa", bad[i], &error);
      assert_null (engine);
      assert_non_null (error);
      assert_non_null (strstr (error->message, "plugin 'lsa'"));
      g_error_free (error);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_lsa_ranks_without_smoothing_match_hand_computation),
    cmocka_unit_test (test_lsa_default_smoothing_matches_hand_computation),
    cmocka_unit_test (test_lsa_degenerate_articles),
    cmocka_unit_test (test_lsa_rejects_bad_options),
  };
  return cmocka_run_group_tests (tests, setup_shipped, teardown_shipped);
}
