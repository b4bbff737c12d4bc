/* The engine: budgets, order, redundancy, fusion, options, and plugins that
 * misbehave. Runs the real lead plugin and test plugins through the loader. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <math.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/similarity.h"

#define FIXTURES TEST_BUILDDIR "/tests/fixtures/plugins/.libs"
#define SHIPPED TEST_BUILDDIR "/plugins/.libs"

/* Eight sentences, one paragraph each after the title: positions are easy
 * to read off the brief. */
static const char *ARTICLE
    = "Harbour council approves new ferry line\n\n"
      "The harbour council approved a new ferry line on Monday.\n\n"
      "Boats will run every hour between the two piers from May.\n\n"
      "Tickets will cost four euros for adults and two for children.\n\n"
      "The operator expects nine hundred passengers on a normal weekday.\n\n"
      "Residents of the north pier had asked for the link for years.\n\n"
      "A second vessel is due to be delivered in the autumn.\n\n"
      "Cyclists may bring bicycles on board outside the rush hour.\n\n"
      "The council will review the timetable after six months.\n";

static abridge_registry *registry;

static int
setup_registry (void **state)
{
  (void) state;
  g_setenv ("ABRIDGE_PLUGIN_SYSTEM_PATH", "", TRUE);
  g_unsetenv ("ABRIDGE_PLUGIN_PATH");
  /* The shipped lead first, so the fixture's impostor lead loses. */
  const char *dirs[] = { SHIPPED, FIXTURES, NULL };
  registry = abridge_registry_new (dirs, NULL);
  return registry != NULL ? 0 : -1;
}

static int
teardown_registry (void **state)
{
  (void) state;
  abridge_registry_free (registry);
  return 0;
}

static abridge_document *
doc_from (const char *text)
{
  GError *error = NULL;
  abridge_document *doc = abridge_document_new (text, strlen (text), NULL, &error);
  assert_non_null (doc);
  return doc;
}

static abridge_engine *
engine_for (const char *plugins, const char *const *options)
{
  GError *error = NULL;
  abridge_engine *engine = abridge_engine_new (registry, plugins, options, &error);
  if (engine == NULL)
    fail_msg ("engine %s: %s", plugins, error->message);
  return engine;
}

/* The brief's sentence indices as "1,2,3". */
static char *
summarize (const char *plugins, const char *text, abridge_budget budget, AbridgeOrder order)
{
  abridge_engine *engine = engine_for (plugins, NULL);
  abridge_document *doc = doc_from (text);
  GError *error = NULL;
  abridge_brief *brief = abridge_engine_summarize (engine, doc, &budget, order, &error);
  assert_non_null (brief);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < brief->items->len; i++)
    g_string_append_printf (out, "%s%u", i ? "," : "",
                            g_array_index (brief->items, abridge_brief_item, i).sentence);
  abridge_brief_free (brief);
  abridge_document_free (doc);
  abridge_engine_free (engine);
  return g_string_free (out, FALSE);
}

#define SENTENCES(n) ((abridge_budget) { ABRIDGE_BUDGET_SENTENCES, (n), 0 })

static void
assert_brief (const char *plugins, const char *text, abridge_budget budget, AbridgeOrder order,
              const char *expected)
{
  char *got = summarize (plugins, text, budget, order);
  assert_string_equal (got, expected);
  g_free (got);
}

static void
test_engine_lead_takes_the_first_sentences_in_order (void **state)
{
  (void) state;
  assert_brief ("lead", ARTICLE, SENTENCES (3), ABRIDGE_ORDER_ARTICLE, "0,1,2");
}

static void
test_engine_brief_follows_article_order_unless_asked (void **state)
{
  (void) state;
  /* "last" ranks later sentences higher */
  assert_brief ("last", ARTICLE, SENTENCES (3), ABRIDGE_ORDER_ARTICLE, "5,6,7");
  assert_brief ("last", ARTICLE, SENTENCES (3), ABRIDGE_ORDER_SCORE, "7,6,5");
}

static void
test_engine_short_article_is_returned_whole (void **state)
{
  (void) state;
  assert_brief ("lead", ARTICLE, SENTENCES (50), ABRIDGE_ORDER_ARTICLE, "0,1,2,3,4,5,6,7");
}

static void
test_engine_ratio_rounds_up (void **state)
{
  (void) state;
  abridge_budget ratio = { ABRIDGE_BUDGET_RATIO, 0, 0.3 }; /* 2.4 of 8 -> 3 */
  assert_brief ("lead", ARTICLE, ratio, ABRIDGE_ORDER_ARTICLE, "0,1,2");
  ratio.ratio = 0.01; /* never empty */
  assert_brief ("lead", ARTICLE, ratio, ABRIDGE_ORDER_ARTICLE, "0");
}

static void
test_engine_words_budget_stops_before_overflowing (void **state)
{
  (void) state;
  /* sentence 0 has 10 words, sentence 1 has 11 */
  abridge_budget words = { ABRIDGE_BUDGET_WORDS, 20, 0 };
  assert_brief ("lead", ARTICLE, words, ABRIDGE_ORDER_ARTICLE, "0");
  words.n = 21;
  assert_brief ("lead", ARTICLE, words, ABRIDGE_ORDER_ARTICLE, "0,1");
  words.n = 1; /* the first sentence is always given */
  assert_brief ("lead", ARTICLE, words, ABRIDGE_ORDER_ARTICLE, "0");
}

static void
test_engine_chars_budget_counts_characters_not_bytes (void **state)
{
  (void) state;
  const char *text = "Zürich café owners protest.\n\nÉmile said the rent doubled.\n";
  /* 27 + 1 + 28 = 56 characters, more bytes than that */
  abridge_budget chars = { ABRIDGE_BUDGET_CHARS, 56, 0 };
  assert_brief ("lead", text, chars, ABRIDGE_ORDER_ARTICLE, "0,1");
  chars.n = 55;
  assert_brief ("lead", text, chars, ABRIDGE_ORDER_ARTICLE, "0");
}

static void
test_engine_drops_near_duplicate_sentences (void **state)
{
  (void) state;
  const char *text
      = "Flood barrier closes for the first time\n\n"
        "The city closed its new flood barrier on Sunday night as the river rose.\n\n"
        "The city shut its new flood barrier on Sunday evening as the river rose.\n\n"
        "Engineers said the gates held without trouble.\n\n"
        "The barrier cost 40 million euros to build.\n";
  assert_brief ("lead", text, SENTENCES (2), ABRIDGE_ORDER_ARTICLE, "0,2");
}

static void
test_engine_never_offers_boilerplate (void **state)
{
  (void) state;
  const char *text = "Share\n\nThe mayor opened the new library on Friday.\n\n"
                     "It holds forty thousand books.\n\nLeave a Reply\n";
  assert_brief ("last", text, SENTENCES (5), ABRIDGE_ORDER_ARTICLE, "1,2");
}

static void
test_engine_fusion_follows_the_weights (void **state)
{
  (void) state;
  assert_brief ("lead:5+last", ARTICLE, SENTENCES (1), ABRIDGE_ORDER_ARTICLE, "0");
  assert_brief ("lead+last:5", ARTICLE, SENTENCES (1), ABRIDGE_ORDER_ARTICLE, "7");
  /* equal weights: every sentence ties at 0.5, and ties go to the earlier */
  assert_brief ("lead+last", ARTICLE, SENTENCES (2), ABRIDGE_ORDER_ARTICLE, "0,1");
}

static void
test_engine_normalised_rank_handles_ties (void **state)
{
  (void) state;
  abridge_document *doc = doc_from ("One here.\n\nTwo here.\n\nThree here.\n");
  double scores[] = { 5, 5, 1 }, ranked[3];
  abr_normalised_rank (doc, scores, ranked);
  assert_float_equal (ranked[0], 0.75, 1e-9);
  assert_float_equal (ranked[1], 0.75, 1e-9);
  assert_float_equal (ranked[2], 0.0, 1e-9);
  abridge_document_free (doc);
}

static void
assert_engine_error (const char *plugins, const char *const *options, int code,
                     const char *needle)
{
  GError *error = NULL;
  abridge_engine *engine = abridge_engine_new (registry, plugins, options, &error);
  assert_null (engine);
  assert_non_null (error);
  assert_int_equal (error->code, code);
  if (strstr (error->message, needle) == NULL)
    fail_msg ("'%s' does not mention '%s'", error->message, needle);
  g_error_free (error);
}

static void
test_engine_rejects_bad_plugins_and_options (void **state)
{
  (void) state;
  assert_engine_error ("nosuch", NULL, ABRIDGE_ERROR_USAGE, "nosuch");
  const char *unknown[] = { "lead.nosuch=1", NULL };
  assert_engine_error ("lead", unknown, ABRIDGE_ERROR_USAGE, "no option 'nosuch'");
  const char *bad_bool[] = { "lead.skip_headings=maybe", NULL };
  assert_engine_error ("lead", bad_bool, ABRIDGE_ERROR_USAGE, "boolean");
  const char *other[] = { "last.x=1", NULL };
  assert_engine_error ("lead", other, ABRIDGE_ERROR_USAGE, "not selected");
  const char *malformed[] = { "skip_headings=true", NULL };
  assert_engine_error ("lead", malformed, ABRIDGE_ERROR_USAGE, "PLUGIN.KEY=VALUE");
  assert_engine_error ("lead:-1", NULL, ABRIDGE_ERROR_USAGE, "positive");
  /* Refusing to start with an option the user set: a value out of range. */
  const char *refuse[] = { "hostile.mode=refuse", NULL };
  assert_engine_error ("hostile", refuse, ABRIDGE_ERROR_USAGE, "refusing to start");
  /* One separator for fusion: ',' separates systems in eval only. */
  assert_engine_error ("lead,last", NULL, ABRIDGE_ERROR_USAGE, "-p lead+last");
}

static void
assert_rank_error (const char *mode, const char *needle)
{
  char *option = g_strdup_printf ("hostile.mode=%s", mode);
  const char *options[] = { option, NULL };
  abridge_engine *engine = engine_for ("hostile", options);
  abridge_document *doc = doc_from (ARTICLE);
  abridge_budget budget = SENTENCES (3);
  GError *error = NULL;
  abridge_brief *brief = abridge_engine_summarize (engine, doc, &budget, ABRIDGE_ORDER_ARTICLE, &error);
  assert_null (brief);
  assert_non_null (error);
  assert_int_equal (error->code, ABRIDGE_ERROR_PLUGIN);
  if (!g_str_has_prefix (error->message, "plugin 'hostile': ") || !strstr (error->message, needle))
    fail_msg ("unexpected message: %s", error->message);
  g_error_free (error);

  /* The engine stays usable for the next article. */
  abridge_document_free (doc);
  abridge_engine_free (engine);
  g_free (option);
}

static void
test_engine_reports_misbehaving_plugins (void **state)
{
  (void) state;
  assert_rank_error ("error", "cannot rank 8 sentences today");
  assert_rank_error ("nan", "no valid score");
  assert_rank_error ("inf", "no valid score");
  assert_rank_error ("short", "sentence 1 has no valid score");
}

static void
test_engine_extract_plugins_give_annotated_extracts (void **state)
{
  (void) state;
  abridge_engine *engine = engine_for ("extractor", NULL);
  abridge_document *doc = doc_from (ARTICLE);
  abridge_budget budget = SENTENCES (2);
  abridge_brief *brief = abridge_engine_summarize (engine, doc, &budget, ABRIDGE_ORDER_ARTICLE, NULL);
  assert_non_null (brief);
  assert_int_equal (brief->items->len, 2);
  abridge_brief_item *first = &g_array_index (brief->items, abridge_brief_item, 0);
  assert_true (first->extract);
  assert_int_equal (first->sentence, 0);
  assert_string_equal (first->text, "The");
  assert_string_equal (first->annotations->pdata[0], "speaker");
  assert_string_equal (first->annotations->pdata[1], "Tester");
  abridge_brief_free (brief);
  abridge_document_free (doc);
  abridge_engine_free (engine);
}

static void
test_engine_similarity_ignores_stop_words (void **state)
{
  (void) state;
  abridge_document *doc = doc_from ("The cat sat on the mat.\n\nA cat sat on a mat.\n\n"
                                    "Dogs bark loudly.\n");
  assert_float_equal (abr_sentence_similarity (doc, 0, 1), 1.0, 1e-9);
  assert_float_equal (abr_sentence_similarity (doc, 0, 2), 0.0, 1e-9);
  abridge_document_free (doc);
}

/* Before any plugin reads the words the selection tokenizes only the
 * sentences it compares, with a lexicon of its own; after, it uses the
 * document's. Both give the same similarities. */
static void
test_engine_similarity_same_before_and_after_tokenizing (void **state)
{
  (void) state;
  abridge_document *doc = doc_from ("Ministers agreed the budget on Tuesday.\n\n"
                                    "The budget was agreed by ministers on Tuesday.\n\n"
                                    "Critics said the agreed budget cut schools.\n\n"
                                    "Rain fell in the north.\n");
  uint32_t n = abridge_document_sentence_count (doc);
  assert_int_equal (n, 4);
  double before[4][4] = { { 0 } };
  abr_stem_sets *sets = abr_stem_sets_new (doc);
  for (uint32_t a = 0; a < n; a++)
    for (uint32_t b = 0; b < n; b++)
      before[a][b] = abr_stem_sets_similarity (sets, a, b);
  abr_stem_sets_free (sets);
  assert_true (before[0][1] >= 0.6); /* agreed/agree, ministers/minister */
  assert_true (before[0][3] == 0.0);
  assert_true (abridge_document_stem_count (doc) > 0); /* the document's words now exist */
  sets = abr_stem_sets_new (doc);
  for (uint32_t a = 0; a < n; a++)
    for (uint32_t b = 0; b < n; b++)
      assert_float_equal (abr_stem_sets_similarity (sets, a, b), before[a][b], 0.0);
  abr_stem_sets_free (sets);
  abridge_document_free (doc);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_engine_lead_takes_the_first_sentences_in_order),
    cmocka_unit_test (test_engine_brief_follows_article_order_unless_asked),
    cmocka_unit_test (test_engine_short_article_is_returned_whole),
    cmocka_unit_test (test_engine_ratio_rounds_up),
    cmocka_unit_test (test_engine_words_budget_stops_before_overflowing),
    cmocka_unit_test (test_engine_chars_budget_counts_characters_not_bytes),
    cmocka_unit_test (test_engine_drops_near_duplicate_sentences),
    cmocka_unit_test (test_engine_never_offers_boilerplate),
    cmocka_unit_test (test_engine_fusion_follows_the_weights),
    cmocka_unit_test (test_engine_normalised_rank_handles_ties),
    cmocka_unit_test (test_engine_rejects_bad_plugins_and_options),
    cmocka_unit_test (test_engine_reports_misbehaving_plugins),
    cmocka_unit_test (test_engine_extract_plugins_give_annotated_extracts),
    cmocka_unit_test (test_engine_similarity_ignores_stop_words),
    cmocka_unit_test (test_engine_similarity_same_before_and_after_tokenizing),
  };
  return cmocka_run_group_tests (tests, setup_registry, teardown_registry);
}
