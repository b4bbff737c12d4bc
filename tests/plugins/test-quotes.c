/* The quotes plugin, loaded through the real registry: each attribution
 * pattern, speakers' full names and titles, pronouns, quote styles,
 * ranking, near-duplicates, options, and articles built to break it. The
 * articles are short passages written for these tests. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <string.h>

#include <abridge/abridge.h>

#define PLUGIN_UNDER_TEST "quotes"
#include "shipped.h"
#include "engine/host.h"

/* The extracts of TEXT, by score (best first), or NULL when the engine
 * refuses OPTION. */
static abridge_brief *
quotes_brief_opt (const char *text, guint n, const char *option)
{
  const char *options[] = { option, NULL };
  GError *error = NULL;
  abridge_engine *engine = abridge_engine_new (registry, "quotes", options, &error);
  if (engine == NULL)
    {
      g_clear_error (&error);
      return NULL;
    }
  abridge_document *doc = abridge_document_new (text, strlen (text), "Test article", &error);
  assert_non_null (doc);
  abridge_budget budget = { ABRIDGE_BUDGET_SENTENCES, n, 0 };
  abridge_brief *brief = abridge_engine_summarize (engine, doc, &budget, ABRIDGE_ORDER_SCORE, &error);
  assert_null (error);
  assert_non_null (brief);
  abridge_document_free (doc);
  abridge_engine_free (engine);
  return brief;
}

static abridge_brief *
quotes_brief (const char *text)
{
  return quotes_brief_opt (text, 100, NULL);
}

static const abridge_brief_item *
item (const abridge_brief *brief, guint i)
{
  assert_true (i < brief->items->len);
  const abridge_brief_item *it = &g_array_index (brief->items, abridge_brief_item, i);
  assert_true (it->extract);
  return it;
}

/* The item whose text contains NEEDLE (exactly one must). */
static const abridge_brief_item *
find (const abridge_brief *brief, const char *needle)
{
  const abridge_brief_item *found = NULL;
  for (guint i = 0; i < brief->items->len; i++)
    {
      const abridge_brief_item *it = item (brief, i);
      if (strstr (it->text, needle) != NULL)
        {
          assert_null (found);
          found = it;
        }
    }
  if (found == NULL)
    fail_msg ("no extract contains '%s'", needle);
  return found;
}

static const char *
annotation (const abridge_brief_item *it, const char *key)
{
  for (guint i = 0; it->annotations != NULL && i + 1 < it->annotations->len; i += 2)
    if (strcmp (it->annotations->pdata[i], key) == 0)
      return it->annotations->pdata[i + 1];
  return NULL;
}

static void
assert_speaker (const abridge_brief_item *it, const char *speaker, const char *title)
{
  const char *got = annotation (it, "speaker");
  if (speaker == NULL)
    assert_null (got);
  else
    {
      assert_non_null (got);
      assert_string_equal (got, speaker);
    }
  if (title != NULL)
    {
      const char *t = annotation (it, "speaker_title");
      assert_non_null (t);
      assert_string_equal (t, title);
    }
}

/* ---- attribution patterns ------------------------------------------------ */

static void
test_quotes_said_after_names_the_speaker (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("The old bridge over the river will close for repairs next month.\n\n"
                                   "“The bridge will reopen in time for the summer,” Maria Lopez said.\n");
  assert_int_equal (b->items->len, 1);
  const abridge_brief_item *it = item (b, 0);
  assert_string_equal (it->text, "“The bridge will reopen in time for the summer,”");
  assert_speaker (it, "Maria Lopez", NULL);
  assert_string_equal (annotation (it, "quote"), "The bridge will reopen in time for the summer");
  abridge_brief_free (b);
}

static void
test_quotes_said_before_with_colon_and_title (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("Ferry services were cut again on Tuesday.\n\n"
                                   "Transport Minister Tom Baker said: “We will pay for the repairs "
                                   "in full and the ferries will sail again.”\n");
  const abridge_brief_item *it = find (b, "We will pay");
  assert_speaker (it, "Tom Baker", "Transport Minister");
  abridge_brief_free (b);
}

static void
test_quotes_said_x_after_the_quote (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("Ferry services were cut again on Tuesday.\n\n"
                                   "\"Passengers deserve better than this,\" said Atul Mehta, "
                                   "a spokesman for the ferry company.\n");
  const abridge_brief_item *it = find (b, "Passengers deserve");
  assert_speaker (it, "Atul Mehta", "a spokesman for the ferry company");
  abridge_brief_free (b);
}

static void
test_quotes_according_to (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("The library will stay shut this winter.\n\n"
                                   "According to Helen Park, “the heating bill has doubled since last "
                                   "year.”\n");
  assert_speaker (find (b, "heating bill"), "Helen Park", NULL);
  abridge_brief_free (b);
}

static void
test_quotes_interrupted_quote_is_one_extract (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("The council met on Monday.\n\n"
                                   "“We will not,” Joan Smith said, “agree to this plan without a vote.”\n");
  assert_int_equal (b->items->len, 1);
  const abridge_brief_item *it = item (b, 0);
  assert_string_equal (it->text, "“We will not,” Joan Smith said, “agree to this plan without a vote.”");
  assert_string_equal (annotation (it, "quote"), "We will not … agree to this plan without a vote.");
  assert_speaker (it, "Joan Smith", NULL);
  abridge_brief_free (b);
}

static void
test_quotes_fragment_after_said_sentence_continues_the_quote (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("The council met on Monday.\n\n"
                                   "“The vote was fair,” Joan Smith said. “Nobody was left out of it.”\n");
  assert_int_equal (b->items->len, 1);
  assert_string_equal (annotation (item (b, 0), "quote"),
                       "The vote was fair … Nobody was left out of it.");
  abridge_brief_free (b);
}

static void
test_quotes_pronoun_two_sentences_after_the_speaker (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("Karen Wu opened the new bridge on Monday morning. Crowds gathered on "
                                   "both banks of the river. Boats sounded their horns.\n\n"
                                   "“It is a proud day for the whole city,” she said.\n");
  assert_speaker (find (b, "proud day"), "Karen Wu", NULL);
  abridge_brief_free (b);
}

static void
test_quotes_pronoun_skips_a_person_of_the_other_gender (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("Mrs Anna Reed chairs the harbour board. On Monday the board met "
                                   "Mr Victor Hale, who runs the ferries.\n\n"
                                   "“The harbour needs a new crane before the winter,” she said.\n");
  assert_speaker (find (b, "new crane"), "Anna Reed", NULL);
  abridge_brief_free (b);
}

static void
test_quotes_pronouns_off_leaves_no_speaker (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief_opt ("Karen Wu opened the new bridge on Monday morning.\n\n"
                                       "“It is a proud day for the whole city,” she said.\n",
                                       100, "quotes.pronouns=false");
  assert_speaker (find (b, "proud day"), NULL, NULL);
  abridge_brief_free (b);
}

static void
test_quotes_surname_gets_the_full_name_given_earlier (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("Chief engineer Paul Grant led the repairs on the old bridge.\n\n"
                                   "The work took nine weeks and cost more than planned.\n\n"
                                   "“The steel is sound and will last another century,” Grant said.\n");
  assert_speaker (find (b, "steel is sound"), "Paul Grant", "Chief engineer");
  abridge_brief_free (b);
}

static void
test_quotes_honorific_surname_gets_the_full_name (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("Lena Ortiz runs the port of Lowmouth.\n\n"
                                   "\"We expect the cranes to move again by Friday,\" Ms Ortiz said.\n");
  assert_speaker (find (b, "cranes"), "Lena Ortiz", NULL);
  abridge_brief_free (b);
}

static void
test_quotes_who_clause_between_name_and_verb (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("The council voted on the new park.\n\n"
                                   "Omar Haddad, who chairs the council, said the vote was “a clear "
                                   "mandate for change.”\n");
  assert_speaker (find (b, "clear mandate"), "Omar Haddad", NULL);
  abridge_brief_free (b);
}

static void
test_quotes_appositive_title_after_the_name (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("Dock workers went on strike on Tuesday.\n\n"
                                   "“Our members will not give up their jobs,” Ruth Olsen, the union’s "
                                   "chairwoman, told reporters.\n");
  assert_speaker (find (b, "Our members"), "Ruth Olsen", "the union’s chairwoman");
  abridge_brief_free (b);
}

static void
test_quotes_organisation_speaker (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("The Harbour Trust has sold its last ferry.\n\n"
                                   "The Trust said the sale was “the only way to pay the debts we "
                                   "have.”\n\n\"We regret the decision,\" a Harbour Trust spokesman said.\n");
  assert_speaker (find (b, "regret"), "Harbour Trust", NULL);
  abridge_brief_free (b);
}

/* ---- quote styles --------------------------------------------------------- */

static void
test_quotes_british_single_marks_with_apostrophes (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("Anna Reed has led the rescue team for ten years.\n\n"
                                   "‘We can’t wait any longer for the new boat,’ she said. ‘The old one "
                                   "won’t last the winter.’\n");
  assert_int_equal (b->items->len, 1);
  const abridge_brief_item *it = item (b, 0);
  assert_non_null (strstr (it->text, "We can’t wait"));
  assert_non_null (strstr (annotation (it, "quote"), "won’t last the winter"));
  assert_speaker (it, "Anna Reed", NULL);
  abridge_brief_free (b);
}

static void
test_quotes_doubled_apostrophes_are_quotation_marks (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("The club sacked its manager on Sunday.\n\n"
                                   "''We wanted a fresh start after a poor season,'' said chairman "
                                   "Ray Tully.\n");
  assert_speaker (find (b, "fresh start"), "Ray Tully", "chairman");
  abridge_brief_free (b);
}

static void
test_quotes_multi_paragraph_quote_is_one_extract (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("Mayor Sam Osei spoke at the opening.\n\n"
                                   "“This bridge joins two halves of one city.\n\n"
                                   "“It took ten years, and it was worth every one of them,” he said.\n");
  assert_int_equal (b->items->len, 1);
  const abridge_brief_item *it = item (b, 0);
  assert_string_equal (annotation (it, "quote"),
                       "This bridge joins two halves of one city. It took ten years, and it was "
                       "worth every one of them");
  assert_speaker (it, "Sam Osei", "Mayor");
  abridge_brief_free (b);
}

static void
test_quotes_quote_only_paragraph_keeps_the_speaker (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("Mayor Sam Osei spoke at the opening.\n\n"
                                   "“This bridge joins two halves of one city,” Osei said.\n\n"
                                   "He thanked the builders.\n\n"
                                   "“Nobody thought it could be done on time.”\n");
  assert_speaker (find (b, "Nobody thought"), "Sam Osei", NULL);
  abridge_brief_free (b);
}

static void
test_quotes_tokenised_marks_pair_up (void **state)
{
  (void) state;
  /* CNN/DM's tokenised copy: marks stand apart, closing ones glued to the
   * next word */
  abridge_brief *b = quotes_brief ("two shelters were damaged in the storm . \"we are cold and we are "
                                   "tired , \"said okafor , who runs one of them . \"the roof is gone "
                                   ", \"okafor said .\n");
  assert_int_equal (b->items->len, 2);
  find (b, "we are cold");
  find (b, "roof is gone");
  abridge_brief_free (b);
}

/* ---- what is no quotation ------------------------------------------------- */

static void
test_quotes_unattributed_quote_has_no_speaker (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("The shop on Mill Road has closed.\n\n"
                                   "A sign on its door reads: \"Closed until further notice, sorry for "
                                   "the trouble.\"\n");
  assert_int_equal (b->items->len, 1);
  assert_speaker (item (b, 0), NULL, NULL);
  assert_non_null (annotation (item (b, 0), "quote"));
  abridge_brief_free (b);
}

static void
test_quotes_unattributed_ranked_after_attributed (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("A sign on the door reads: \"Closed until further notice, sorry for "
                                   "the trouble.\"\n\n"
                                   "\"We hope to open again soon,\" said owner Jane Ellis.\n");
  assert_int_equal (b->items->len, 2);
  assert_speaker (item (b, 0), "Jane Ellis", "owner");
  assert_speaker (item (b, 1), NULL, NULL);
  abridge_brief_free (b);
  b = quotes_brief_opt ("A sign on the door reads: \"Closed until further notice, sorry for "
                        "the trouble.\"\n\n"
                        "\"We hope to open again soon,\" said owner Jane Ellis.\n",
                        100, "quotes.unattributed=false");
  assert_int_equal (b->items->len, 1);
  abridge_brief_free (b);
}

static void
test_quotes_scare_quoted_word_is_no_extract (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("The so-called “miracle” cure was sold online for years. Its "
                                   "makers called it ‘Green Gold’ in their adverts.\n");
  /* No quotation: the brief falls back to sentences, never to extracts. */
  assert_true (b->items->len > 0);
  for (guint k = 0; k < b->items->len; k++)
    assert_false (g_array_index (b->items, abridge_brief_item, k).extract);
  abridge_brief_free (b);
}

/* A word a speaker's sentence names or glosses ("dubbed “pioneers”",
 * "meaning “hot”") is no quotation of hers; her own word is. */
static void
test_quotes_named_or_glossed_word_is_no_extract (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("Kathy Ferreiro describes herself as a \"mamasota\", meaning \"hot\" "
                                   "in Spanish. Dr Bjorn said groups dubbed \"pioneers\" were keenest.\n");
  assert_int_equal (b->items->len, 1);
  assert_string_equal (annotation (item (b, 0), "quote"), "mamasota");
  assert_speaker (item (b, 0), "Kathy Ferreiro", NULL);
  abridge_brief_free (b);
}

static void
test_quotes_short_partial_quote_with_speaker_is_kept (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("Southwick Mills said the offer was \"opportunistic\" and turned "
                                   "it down.\n");
  assert_int_equal (b->items->len, 1);
  assert_speaker (item (b, 0), "Southwick Mills", NULL);
  abridge_brief_free (b);
  b = quotes_brief_opt ("Southwick Mills said the offer was \"opportunistic\" and turned it down.\n",
                        100, "quotes.min_words=0");
  assert_int_equal (b->items->len, 1);
  abridge_brief_free (b);
}

/* ---- ranking and duplicates ---------------------------------------------- */

static const char *RANKED
    = "The city council approved the flood defence plan on Monday after a long debate about the "
      "flood walls.\n\n"
      "Council leader Rosa Diaz has pushed for the flood defence plan since the river flooded the "
      "town centre. Diaz said the walls would be built within two years.\n\n"
      "“A passing cyclist stopped to watch the rain,” said Tim Cole, who lives nearby.\n\n"
      "Diaz told the meeting the flood walls were overdue. Critics of Diaz said the plan was too "
      "expensive, but Diaz won the vote.\n\n"
      "“These flood walls will protect every home in the town from the river,” Diaz said.\n";

static void
test_quotes_prominent_on_topic_quote_ranks_first (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief (RANKED);
  assert_int_equal (b->items->len, 2);
  assert_non_null (strstr (item (b, 0)->text, "flood walls will protect"));
  assert_speaker (item (b, 0), "Rosa Diaz", "Council leader");
  assert_speaker (item (b, 1), "Tim Cole", NULL);
  abridge_brief_free (b);

  b = quotes_brief_opt (RANKED, 1, NULL);
  assert_int_equal (b->items->len, 1);
  assert_non_null (strstr (item (b, 0)->text, "flood walls will protect"));
  abridge_brief_free (b);
}

static void
test_quotes_near_duplicate_is_dropped (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief ("Port director Lena Ortiz said the port would \"reopen next week once "
                                   "the storm damage is repaired\".\n\n"
                                   "Three cranes were toppled by the wind.\n\n"
                                   "\"We will reopen next week once the storm damage is repaired,\" Ortiz "
                                   "said.\n");
  assert_int_equal (b->items->len, 1);
  assert_non_null (strstr (item (b, 0)->text, "We will reopen"));
  assert_speaker (item (b, 0), "Lena Ortiz", NULL);
  abridge_brief_free (b);
}

/* ---- fusion ----------------------------------------------------------------- */

static const char *FUSED
    = "Floods closed the coastal railway on Monday, cutting off three towns for the second time "
      "this winter.\n\n"
      "“We cannot keep patching a wall that the sea breaks every winter,” said council leader "
      "Maria Ortiz.\n\n"
      "“The towns need a railway that stays open, and they need it this year,” Ortiz said.\n\n"
      "“Every closure costs the harbour shops a week of trade,” said shop owner Tom Reyes.\n\n"
      "“Passengers deserve a timetable they can trust,” said rail manager Ann Lee.\n\n"
      "“The sea wall was built for the storms of a century ago,” said engineer Paul Grant.\n\n"
      "“We will open the new timetable to comments from every town,” said transport officer Ben "
      "Ward.\n\n"
      "“The harbour floods have cost the railway three weeks this year,” said analyst Joan Pike.\n\n"
      "Engineers found the sea wall breached in two places near the old harbour.\n\n"
      "Buses will replace trains between the towns until the line reopens.\n";

/* Whether the brief holds SENTENCE, or an item whose text has TEXT. */
static gboolean
brief_has (const abridge_brief *b, guint sentence, const char *text)
{
  for (guint i = 0; i < b->items->len; i++)
    {
      const abridge_brief_item *it = &g_array_index (b->items, abridge_brief_item, i);
      if (text != NULL ? strstr (it->text, text) != NULL : it->sentence == sentence)
        return TRUE;
    }
  return FALSE;
}

static abridge_brief *
fused_brief (const char *plugins, guint n)
{
  GError *error = NULL;
  abridge_engine *engine = abridge_engine_new (registry, plugins, NULL, &error);
  assert_non_null (engine);
  abridge_document *doc = abridge_document_new (FUSED, strlen (FUSED), "Test article", &error);
  abridge_budget budget = { ABRIDGE_BUDGET_SENTENCES, n, 0 };
  abridge_brief *b = abridge_engine_summarize (engine, doc, &budget, ABRIDGE_ORDER_SCORE, &error);
  assert_non_null (b);
  abridge_document_free (doc);
  abridge_engine_free (engine);
  return b;
}

/* The sentence lead ranks first holds no quotation; fused with quotes it
 * stays in the brief, as the quotes plugin abstains on it rather than
 * ranking it below every quotation. More weight on quotes brings more
 * quotations in. */
static void
test_quotes_fused_with_lead_keeps_the_lead_sentence (void **state)
{
  (void) state;
  abridge_brief *b = fused_brief ("lead+quotes", 3);
  assert_true (brief_has (b, 0, NULL));
  guint quotes = 0;
  for (guint i = 0; i < b->items->len; i++)
    quotes += strstr (g_array_index (b->items, abridge_brief_item, i).text, "”") != NULL;
  assert_true (quotes >= 1);
  abridge_brief_free (b);
  b = fused_brief ("lead+quotes:3", 3);
  quotes = 0;
  for (guint i = 0; i < b->items->len; i++)
    quotes += strstr (g_array_index (b->items, abridge_brief_item, i).text, "”") != NULL;
  assert_true (quotes >= 2);
  abridge_brief_free (b);
}

/* ---- options -------------------------------------------------------------- */

static void
test_quotes_rejects_out_of_range_options (void **state)
{
  (void) state;
  const char *bad[] = { "quotes.min_words=-1", "quotes.window=11", "quotes.duplicate=1.5",
                        "quotes.max_extracts=0" };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_null (quotes_brief_opt ("“A quote of some words here,” Ann Lee said.\n", 10, bad[i]));
}

static void
test_quotes_max_extracts_keeps_the_best (void **state)
{
  (void) state;
  abridge_brief *b = quotes_brief_opt (RANKED, 100, "quotes.max_extracts=1");
  assert_int_equal (b->items->len, 1);
  assert_non_null (strstr (item (b, 0)->text, "flood walls will protect"));
  abridge_brief_free (b);
}

/* ---- the ABI ----------------------------------------------------------------- */

/* The plugin reads the speakers the host finds (ABI 1.2): a host table of
 * 1.1's size has none, and the plugin says so instead of reading past it. */
static void
test_quotes_refuses_a_host_without_quote_speakers (void **state)
{
  (void) state;
  const abridge_plugin_entry *e = abridge_registry_find (registry, "quotes");
  assert_non_null (e);
  abr_host_context ctx;
  abr_host_context_init (&ctx, "quotes");
  ctx.table.struct_size = (uint32_t) offsetof (abridge_host, quote_flags);
  ctx.table.abi_version = (1u << 16) | 1u;
  struct abridge_error error = { NULL };
  void *instance = e->descriptor->instantiate (&ctx.table, NULL, &error);
  assert_null (instance);
  assert_non_null (error.message);
  assert_non_null (strstr (error.message, "needs a host of ABI 1.2"));
  assert_non_null (strstr (error.message, "speaks 1.1"));
  g_free (error.message);
}

/* ---- hostile articles ----------------------------------------------------- */

static char *
many_quotes (guint n)
{
  GString *s = g_string_new ("The town hall held a long meeting.\n\n");
  static const char *const who[] = { "Ann Lee", "Bob Stone", "Cara Dunn", "Dev Rao" };
  for (guint i = 0; i < n; i++)
    {
      /* distinct words, so that no quote repeats another */
      g_string_append_printf (s, "“Item %c%c%c%c was agreed,” said %s. ", 'a' + i % 26,
                              'a' + (i / 26) % 26, 'a' + (i / 676) % 26, 'a' + (i / 17576) % 26,
                              who[i % 4]);
      if (i % 10 == 9)
        g_string_append (s, "\n\n");
    }
  return g_string_free (s, FALSE);
}

static void
test_quotes_twenty_thousand_quotes (void **state)
{
  (void) state;
  char *text = many_quotes (20000);
  gint64 t0 = g_get_monotonic_time ();
  abridge_brief *b = quotes_brief_opt (text, 100000, "quotes.max_extracts=1000000");
  gint64 elapsed = g_get_monotonic_time () - t0;
  assert_int_equal (b->items->len, 20000);
  for (guint i = 0; i < 50; i++)
    assert_non_null (annotation (item (b, i), "speaker"));
  /* generous for slow CI and sanitizers; linear work takes well under a second */
  assert_true (elapsed < 60 * G_USEC_PER_SEC);
  abridge_brief_free (b);
  g_free (text);
}

static void
test_quotes_hostile_marks_do_not_crash (void **state)
{
  (void) state;
  static const char *const texts[] = {
    "“”“”“”‘’‘’''''\"\"\"\" he said.\n",
    "“ \n\n” \n\n‘ ’ ' ' '' '' \" \"\n",
    "“Never closed, she said, and on and on\n\nno reopening here\n",
    "He said: “\n",
    "”Closing first,” he said, “and then nothing\n",
    "‘ a ’ s ‘ b ’ re ‘ c ’ ve , ’ he said . ‘\n",
    "Mr Mr Mr Sir Dr said said said, who, who, said “x y z” said.\n",
    "It said: “It said it,” it said. “It.”\n",
    "The FA said: “ABC DEF GHI,” the FA said, according to to to “”.\n",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      abridge_brief *b = quotes_brief (texts[i]);
      for (guint k = 0; k < b->items->len; k++)
        {
          const abridge_brief_item *it = &g_array_index (b->items, abridge_brief_item, k);
          assert_true (it->start < it->end);
        }
      abridge_brief_free (b);
    }
}

static void
test_quotes_huge_unbalanced_paragraph_runs_in_linear_time (void **state)
{
  (void) state;
  GString *s = g_string_new ("Heading\n\n");
  while (s->len < 4 * 1024 * 1024)
    g_string_append (s, "Mr Smith said “the ‘ word ’ is '' never closed ” and she said: “ so on, ");
  gint64 t0 = g_get_monotonic_time ();
  abridge_brief *b = quotes_brief_opt (s->str, 10, NULL);
  gint64 elapsed = g_get_monotonic_time () - t0;
  assert_true (b->items->len <= 10);
  assert_true (elapsed < 120 * G_USEC_PER_SEC);
  abridge_brief_free (b);
  g_string_free (s, TRUE);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_quotes_said_after_names_the_speaker),
    cmocka_unit_test (test_quotes_said_before_with_colon_and_title),
    cmocka_unit_test (test_quotes_said_x_after_the_quote),
    cmocka_unit_test (test_quotes_according_to),
    cmocka_unit_test (test_quotes_interrupted_quote_is_one_extract),
    cmocka_unit_test (test_quotes_fragment_after_said_sentence_continues_the_quote),
    cmocka_unit_test (test_quotes_pronoun_two_sentences_after_the_speaker),
    cmocka_unit_test (test_quotes_pronoun_skips_a_person_of_the_other_gender),
    cmocka_unit_test (test_quotes_pronouns_off_leaves_no_speaker),
    cmocka_unit_test (test_quotes_surname_gets_the_full_name_given_earlier),
    cmocka_unit_test (test_quotes_honorific_surname_gets_the_full_name),
    cmocka_unit_test (test_quotes_who_clause_between_name_and_verb),
    cmocka_unit_test (test_quotes_appositive_title_after_the_name),
    cmocka_unit_test (test_quotes_organisation_speaker),
    cmocka_unit_test (test_quotes_british_single_marks_with_apostrophes),
    cmocka_unit_test (test_quotes_doubled_apostrophes_are_quotation_marks),
    cmocka_unit_test (test_quotes_multi_paragraph_quote_is_one_extract),
    cmocka_unit_test (test_quotes_quote_only_paragraph_keeps_the_speaker),
    cmocka_unit_test (test_quotes_tokenised_marks_pair_up),
    cmocka_unit_test (test_quotes_unattributed_quote_has_no_speaker),
    cmocka_unit_test (test_quotes_unattributed_ranked_after_attributed),
    cmocka_unit_test (test_quotes_scare_quoted_word_is_no_extract),
    cmocka_unit_test (test_quotes_named_or_glossed_word_is_no_extract),
    cmocka_unit_test (test_quotes_short_partial_quote_with_speaker_is_kept),
    cmocka_unit_test (test_quotes_prominent_on_topic_quote_ranks_first),
    cmocka_unit_test (test_quotes_near_duplicate_is_dropped),
    cmocka_unit_test (test_quotes_fused_with_lead_keeps_the_lead_sentence),
    cmocka_unit_test (test_quotes_rejects_out_of_range_options),
    cmocka_unit_test (test_quotes_max_extracts_keeps_the_best),
    cmocka_unit_test (test_quotes_refuses_a_host_without_quote_speakers),
    cmocka_unit_test (test_quotes_twenty_thousand_quotes),
    cmocka_unit_test (test_quotes_hostile_marks_do_not_crash),
    cmocka_unit_test (test_quotes_huge_unbalanced_paragraph_runs_in_linear_time),
  };
  return cmocka_run_group_tests (tests, setup_shipped, teardown_shipped);
}
