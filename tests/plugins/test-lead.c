/* The lead plugin, loaded through the real registry: position scores,
 * headings after prose, and the per-paragraph option. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <string.h>

#include <abridge/abridge.h>

#define PLUGIN_UNDER_TEST "lead"
#include "shipped.h"

/* Sentence indices of the brief, as "0,1,2". */
static char *
lead_brief (const char *text, guint n, const char *option)
{
  const char *options[] = { option, NULL };
  GError *error = NULL;
  abridge_engine *engine = abridge_engine_new (registry, "lead", options, &error);
  assert_non_null (engine);
  abridge_document *doc = abridge_document_new (text, strlen (text), NULL, &error);
  assert_non_null (doc);
  abridge_budget budget = { ABRIDGE_BUDGET_SENTENCES, n, 0 };
  abridge_brief *brief = abridge_engine_summarize (engine, doc, &budget, ABRIDGE_ORDER_SCORE, &error);
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

static const char *TWO_PARAGRAPHS
    = "Tram line reopens after repairs\n\n"
      "The tram line reopened on Monday. Repairs took three weeks. Crews replaced the rails.\n\n"
      "Passengers welcomed the news. Some had walked to work. Others took the bus.\n";

static void
test_lead_scores_earlier_sentences_higher (void **state)
{
  (void) state;
  char *got = lead_brief (TWO_PARAGRAPHS, 4, NULL);
  assert_string_equal (got, "0,1,2,3");
  g_free (got);
}

static void
test_lead_per_paragraph_takes_each_paragraph_opening_first (void **state)
{
  (void) state;
  char *got = lead_brief (TWO_PARAGRAPHS, 4, "lead.per_paragraph=true");
  assert_string_equal (got, "0,3,1,4");
  g_free (got);
}

static void
test_lead_ranks_headings_after_prose (void **state)
{
  (void) state;
  const char *text = "Budget day\n\n"
                     "The finance minister presented the budget on Tuesday.\n\n"
                     "What changes for families\n\n"
                     "Child benefit rises by four percent next year.\n";
  char *got = lead_brief (text, 2, NULL);
  assert_string_equal (got, "0,2");
  g_free (got);
  got = lead_brief (text, 2, "lead.skip_headings=false");
  assert_string_equal (got, "0,1");
  g_free (got);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_lead_scores_earlier_sentences_higher),
    cmocka_unit_test (test_lead_per_paragraph_takes_each_paragraph_opening_first),
    cmocka_unit_test (test_lead_ranks_headings_after_prose),
  };
  return cmocka_run_group_tests (tests, setup_shipped, teardown_shipped);
}
