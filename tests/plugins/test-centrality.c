/* The centrality plugin, loaded through the real registry: PageRank and
 * PacSum scores computed by hand on tiny articles whose similarity graph
 * is known, LexRank's threshold, and the degenerate articles (one
 * sentence, identical sentences, more sentences than one graph holds). */
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

#define PLUGIN_UNDER_TEST "centrality"
#include "shipped.h"

/* With similarity=overlap an edge is (shared content stems) / (ln |Si| +
 * ln |Sj|); every sentence below has the same number of content words, so
 * edge weights are proportional to the words shared.
 *
 * PATH: zebra-giraffe, giraffe-acacia, acacia-lion: 0 - 1 - 2, equal weights. */
static const char *PATH = "Zebras chase giraffes.\n\nGiraffes eat acacias.\n\nAcacias shade lions.\n";
/* TRIANGLE: 0 and 1 share two words (pumpkin, quince), 0 and 2 one
 * (radish), 1 and 2 one (turnip): weights 2, 1, 1 of ln 4 + ln 4. */
static const char *TRIANGLE = "Pumpkins quinces radishes sorrel.\n\n"
                              "Pumpkins quinces turnips kale.\n\n"
                              "Radishes turnips parsnips leeks.\n";

static void
test_centrality_pagerank_of_a_path_matches_hand_computation (void **state)
{
  (void) state;
  /* d = 0.85, path a - b - c. By symmetry p_a = p_c = x, p_b = y:
   *   y = 0.05 + 0.85 (x + x)       (a and c give all their rank to b)
   *   x = 0.05 + 0.85 y / 2         (b splits its rank between a and c)
   * so y = 0.135 / 0.2775 = 18/37 and x = 19/74. Scores are k p = 3 p. */
  const char *options[] = { "centrality.variant=textrank", "centrality.similarity=overlap", NULL };
  Run r = run (PATH, 1, options);
  assert_float_equal (r.brief->scores[0], 3.0 * 19 / 74, 1e-6);
  assert_float_equal (r.brief->scores[1], 3.0 * 18 / 37, 1e-6);
  assert_float_equal (r.brief->scores[2], 3.0 * 19 / 74, 1e-6);
  assert_int_equal (g_array_index (r.brief->items, abridge_brief_item, 0).sentence, 1);
  run_free (&r);
}

static void
test_centrality_weighted_pagerank_matches_hand_computation (void **state)
{
  (void) state;
  /* Weights w01 = 2, w02 = w12 = 1 (a common factor cancels); degrees 3,
   * 3, 2. By symmetry p0 = p1 = x, p2 = 1 - 2x:
   *   x = 0.05 + 0.85 (2/3 x + 1/2 (1 - 2x))  =>  x = 0.475 / (77/60) = 57/154
   * and p2 = 40/154. */
  const char *options[] = { "centrality.variant=textrank", "centrality.similarity=overlap", NULL };
  Run r = run (TRIANGLE, 1, options);
  assert_float_equal (r.brief->scores[0], 3.0 * 57 / 154, 1e-6);
  assert_float_equal (r.brief->scores[1], 3.0 * 57 / 154, 1e-6);
  assert_float_equal (r.brief->scores[2], 3.0 * 40 / 154, 1e-6);
  run_free (&r);
}

static void
test_centrality_lexrank_threshold_drops_weak_edges (void **state)
{
  (void) state;
  /* Threshold 0.5 keeps only the edge 0 - 1 (2 / (2 ln 4) = 0.72; the
   * others are 0.36). Sentence 2 is then dangling, its rank spread evenly:
   *   p2 = 0.05 + 0.85 p2 / 3  =>  p2 = 3/43;  p0 = p1 = 20/43. */
  const char *options[] = { "centrality.variant=lexrank", "centrality.similarity=overlap",
                            "centrality.threshold=0.5", NULL };
  Run r = run (TRIANGLE, 1, options);
  assert_float_equal (r.brief->scores[0], 3.0 * 20 / 43, 1e-6);
  assert_float_equal (r.brief->scores[1], 3.0 * 20 / 43, 1e-6);
  assert_float_equal (r.brief->scores[2], 3.0 * 3 / 43, 1e-6);
  run_free (&r);

  /* A low threshold keeps all three edges, unweighted: a regular graph,
   * whose PageRank is uniform. */
  const char *low[] = { "centrality.variant=lexrank", "centrality.similarity=overlap",
                        "centrality.threshold=0.1", NULL };
  r = run (TRIANGLE, 1, low);
  for (int i = 0; i < 3; i++)
    assert_float_equal (r.brief->scores[i], 1.0, 1e-6);
  run_free (&r);
}

static void
test_centrality_pacsum_scores_match_hand_computation (void **state)
{
  (void) state;
  /* Path 0 - 1 - 2 with w = 1 / (2 ln 3); the smallest similarity is 0
   * (0 and 2 share nothing), so with beta = 0 the cut is 0 and each edge
   * counts w: sentence 0 has one later neighbour, 1 one earlier and one
   * later, 2 one earlier. With preceding = -0.5, following = 1: */
  double w = 1.0 / (2 * log (3));
  const char *options[] = { "centrality.variant=pacsum", "centrality.similarity=overlap",
                            "centrality.beta=0", "centrality.preceding=-0.5",
                            "centrality.following=1", NULL };
  Run r = run (PATH, 1, options);
  assert_float_equal (r.brief->scores[0], w, 1e-9);
  assert_float_equal (r.brief->scores[1], 0.5 * w, 1e-9);
  assert_float_equal (r.brief->scores[2], -0.5 * w, 1e-9);
  run_free (&r);

  /* beta = 1 puts the cut at the largest similarity: no edge exceeds it. */
  const char *none[] = { "centrality.variant=pacsum", "centrality.similarity=overlap",
                         "centrality.beta=1", NULL };
  r = run (PATH, 1, none);
  for (int i = 0; i < 3; i++)
    assert_float_equal (r.brief->scores[i], 0.0, 1e-12);
  run_free (&r);
}

static void
test_centrality_cosine_sees_shared_words (void **state)
{
  (void) state;
  /* Cosine of tf-idf vectors: the middle sentence of the path shares a
   * word with each neighbour, so TextRank ranks it first; sentences 0 and
   * 2 stay symmetric only up to their words' idf, so just the order. */
  const char *options[] = { "centrality.variant=textrank", "centrality.similarity=cosine", NULL };
  Run r = run (PATH, 1, options);
  assert_true (r.brief->scores[1] > r.brief->scores[0]);
  assert_true (r.brief->scores[1] > r.brief->scores[2]);
  assert_float_equal (r.brief->scores[0] + r.brief->scores[1] + r.brief->scores[2], 3.0, 1e-6);
  run_free (&r);
}

static void
test_centrality_lead_option_puts_the_opening_first (void **state)
{
  (void) state;
  /* TextRank on the path ranks the middle sentence first (18/37 against
   * 19/74); lead=1 puts sentence 0 above it, the rest keep their order:
   * scores are then 1 + 1 + max for sentence 0. lead=2 puts 0 then 1 above 2. */
  const char *one[] = { "centrality.variant=textrank", "centrality.lead=1", NULL };
  Run r = run (PATH, 1, one);
  assert_int_equal (g_array_index (r.brief->items, abridge_brief_item, 0).sentence, 0);
  assert_float_equal (r.brief->scores[0], 2.0 + 3.0 * 18 / 37, 1e-6);
  assert_float_equal (r.brief->scores[1], 3.0 * 18 / 37, 1e-6);
  assert_float_equal (r.brief->scores[2], 3.0 * 19 / 74, 1e-6);
  run_free (&r);

  const char *two[] = { "centrality.variant=pacsum", "centrality.preceding=1",
                        "centrality.following=-1", "centrality.lead=2", NULL };
  r = run (PATH, 2, two); /* reversed PacSum alone would prefer the last sentences */
  assert_true (r.brief->scores[0] > r.brief->scores[1]);
  assert_true (r.brief->scores[1] > r.brief->scores[2]);
  assert_int_equal (g_array_index (r.brief->items, abridge_brief_item, 0).sentence, 0);
  assert_int_equal (g_array_index (r.brief->items, abridge_brief_item, 1).sentence, 1);
  run_free (&r);

  /* more than there are sentences: all of them, in article order */
  const char *many[] = { "centrality.lead=9", NULL };
  r = run (TRIANGLE, 3, many);
  assert_true (r.brief->scores[0] > r.brief->scores[1]);
  assert_true (r.brief->scores[1] > r.brief->scores[2]);
  run_free (&r);
}

static const char *VARIANTS[][3] = {
  { "centrality.variant=textrank", "centrality.similarity=overlap", NULL },
  { "centrality.variant=textrank", "centrality.similarity=cosine", NULL },
  { "centrality.variant=lexrank", "centrality.similarity=cosine", NULL },
  { "centrality.variant=pacsum", "centrality.similarity=overlap", NULL },
  { "centrality.variant=pacsum", "centrality.similarity=cosine", NULL },
};

static void
test_centrality_identical_sentences_give_equal_finite_scores (void **state)
{
  (void) state;
  GString *text = g_string_new (NULL);
  for (int i = 0; i < 50; i++)
    g_string_append (text, "The river rose again.\n\n");
  for (gsize v = 0; v < G_N_ELEMENTS (VARIANTS); v++)
    {
      Run r = run (text->str, 3, VARIANTS[v]);
      guint n = abridge_document_sentence_count (r.doc);
      assert_int_equal (n, 50);
      for (guint i = 0; i < n; i++)
        {
          assert_true (isfinite (r.brief->scores[i]));
          assert_float_equal (r.brief->scores[i], r.brief->scores[0], 1e-9);
        }
      /* every sentence says the same: the brief keeps one */
      assert_int_equal (r.brief->items->len, 1);
      run_free (&r);
    }
  g_string_free (text, TRUE);
}

static void
test_centrality_one_sentence_and_wordless_articles (void **state)
{
  (void) state;
  const char *texts[] = { "The ferry sailed at dawn.\n", "And then it was so.\n\nIt is.\n",
                          "42.\n\n17.\n" };
  for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
    for (gsize v = 0; v < G_N_ELEMENTS (VARIANTS); v++)
      {
        Run r = run (texts[t], 3, VARIANTS[v]);
        guint n = abridge_document_sentence_count (r.doc);
        assert_true (n >= 1);
        assert_int_equal (r.brief->items->len, n);
        for (guint i = 0; i < n; i++)
          assert_true (isfinite (r.brief->scores[i]));
        run_free (&r);
      }
}

static void
test_centrality_long_articles_are_ranked_in_blocks (void **state)
{
  (void) state;
  /* 1,000 sentences: past one graph's limit, still every sentence scored
   * and the topic sentences (which share words) above the odd ones out. */
  GString *text = g_string_new (NULL);
  for (int i = 0; i < 1000; i++)
    if (i % 2)
      g_string_append_printf (text, "Harbour cranes unloaded cargo ship number w%dx.\n\n", i);
    else
      g_string_append_printf (text, "Qv%dq zx%dw.\n\n", i, i);
  for (gsize v = 0; v < G_N_ELEMENTS (VARIANTS); v++)
    {
      if (strstr (VARIANTS[v][0], "pacsum") != NULL)
        continue; /* directed: the last topic sentences have no later ones */
      Run r = run (text->str, 5, VARIANTS[v]);
      assert_int_equal (abridge_document_sentence_count (r.doc), 1000);
      for (guint i = 0; i < 1000; i++)
        assert_true (isfinite (r.brief->scores[i]));
      for (guint i = 0; i + 1 < 1000; i += 2)
        assert_true (r.brief->scores[i + 1] > r.brief->scores[i]);
      run_free (&r);
    }
  g_string_free (text, TRUE);
}

/* How many sentences of the brief are headings or list items. */
static guint
headings_in_brief (const Run *r)
{
  guint headings = 0;
  for (guint i = 0; i < r->brief->items->len; i++)
    {
      guint s = g_array_index (r->brief->items, abridge_brief_item, i).sentence;
      headings += (abridge_document_sentence_flags (r->doc, s) & ABRIDGE_SENTENCE_HEADING) != 0;
    }
  return headings;
}

static void
test_centrality_ranks_headings_and_list_items_after_prose (void **state)
{
  (void) state;
  /* List items repeat the article's words in few words: strong overlap
   * edges. Kept in the graph, they win a place in the brief; skipped (the
   * default), they rank after every prose sentence, in article order. */
  const char *text = "The council approved rules for landlords of rented homes on Tuesday.\n\n"
                     "Rules for landlords\n\n"
                     "Landlords must follow the rules, the council said.\n"
                     "- landlords register homes\n"
                     "- landlords fit alarms in homes\n\n"
                     "Tenants welcomed the rules for landlords.\n\n"
                     "The weather was mild.\n";
  const char *keep[] = { "centrality.skip_headings=false", NULL };
  Run r = run (text, 3, keep);
  assert_true (headings_in_brief (&r) > 0);
  run_free (&r);
  for (gsize v = 0; v < G_N_ELEMENTS (VARIANTS); v++)
    {
      r = run (text, 4, VARIANTS[v]);
      assert_int_equal (headings_in_brief (&r), 0);
      guint n = abridge_document_sentence_count (r.doc);
      double lowest_prose = INFINITY, first_heading = NAN, last_heading = INFINITY;
      for (guint i = 0; i < n; i++)
        if (abridge_document_sentence_flags (r.doc, i) & ABRIDGE_SENTENCE_HEADING)
          {
            assert_true (r.brief->scores[i] < last_heading); /* earlier first */
            last_heading = r.brief->scores[i];
            if (isnan (first_heading))
              first_heading = last_heading;
          }
        else
          lowest_prose = MIN (lowest_prose, r.brief->scores[i]);
      assert_true (isfinite (first_heading) && first_heading < lowest_prose);
      run_free (&r);
    }
}

static void
test_centrality_rejects_bad_options (void **state)
{
  (void) state;
  const char *bad[][2] = { { "centrality.variant=magic", NULL },
                           { "centrality.similarity=jaccard", NULL },
                           { "centrality.damping=1", NULL },
                           { "centrality.damping=0", NULL },
                           { "centrality.beta=1.5", NULL },
                           { "centrality.threshold=-0.1", NULL },
                           { "centrality.lead=-1", NULL } };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;
      abridge_engine *engine = abridge_engine_new (registry, "centrality", bad[i], &error);
      assert_null (engine);
      assert_non_null (error);
      assert_non_null (strstr (error->message, "plugin 'centrality'"));
      g_error_free (error);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_centrality_pagerank_of_a_path_matches_hand_computation),
    cmocka_unit_test (test_centrality_weighted_pagerank_matches_hand_computation),
    cmocka_unit_test (test_centrality_lexrank_threshold_drops_weak_edges),
    cmocka_unit_test (test_centrality_pacsum_scores_match_hand_computation),
    cmocka_unit_test (test_centrality_cosine_sees_shared_words),
    cmocka_unit_test (test_centrality_lead_option_puts_the_opening_first),
    cmocka_unit_test (test_centrality_identical_sentences_give_equal_finite_scores),
    cmocka_unit_test (test_centrality_one_sentence_and_wordless_articles),
    cmocka_unit_test (test_centrality_long_articles_are_ranked_in_blocks),
    cmocka_unit_test (test_centrality_ranks_headings_and_list_items_after_prose),
    cmocka_unit_test (test_centrality_rejects_bad_options),
  };
  return cmocka_run_group_tests (tests, setup_shipped, teardown_shipped);
}
