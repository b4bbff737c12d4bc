/* Unit tests of text/quotes/: who said each quotation, as the document
 * tells every plugin (abridge_document_quote_speaker and the rest, the
 * host's quote_* functions). One short passage, written for these tests,
 * a rule. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <string.h>

#include <abridge/abridge.h>

#include "engine/host.h"

static abridge_document *
doc_of (const char *text)
{
  GError *error = NULL;
  abridge_document *doc = abridge_document_new (text, strlen (text), "Test article", &error);
  assert_null (error);
  assert_non_null (doc);
  return doc;
}

/* The quotation whose words hold NEEDLE (exactly one must). */
static uint32_t
quote_with (const abridge_document *doc, const char *needle)
{
  uint32_t found = UINT32_MAX;
  for (uint32_t q = 0; q < abridge_document_quote_count (doc); q++)
    {
      const char *words = abridge_document_quote_text (doc, q, NULL);
      if (strstr (words, needle) != NULL && !(abridge_document_quote_flags (doc, q) & ABRIDGE_QUOTE_CONTINUES))
        {
          assert_int_equal (found, UINT32_MAX);
          found = q;
        }
    }
  if (found == UINT32_MAX)
    fail_msg ("no quotation holds '%s'", needle);
  return found;
}

static void
assert_str_or_null (const char *what, const char *got, const char *want)
{
  if (want == NULL && got != NULL)
    fail_msg ("%s: '%s', expected none", what, got);
  if (want != NULL && (got == NULL || strcmp (got, want) != 0))
    fail_msg ("%s: '%s', expected '%s'", what, got ? got : "(none)", want);
}

/* TEXT's quotation holding NEEDLE has SPEAKER (NULL: none) and TITLE (NULL:
 * not checked). */
static void
assert_said (const char *text, const char *needle, const char *speaker, const char *title)
{
  abridge_document *doc = doc_of (text);
  uint32_t q = quote_with (doc, needle);
  size_t len;
  const char *got = abridge_document_quote_speaker (doc, q, &len);
  assert_str_or_null ("speaker", got, speaker);
  assert_int_equal (len, got != NULL ? strlen (got) : 0);
  if (title != NULL)
    assert_str_or_null ("title", abridge_document_quote_speaker_title (doc, q, NULL), title);
  abridge_document_free (doc);
}

/* ---- named speakers before or after the quotation --------------------------- */

static void
test_attribution_said_name_after_the_quote (void **state)
{
  (void) state;
  assert_said ("The vote was close.\n\n\"We lost by three votes,\" said Maria Jones.\n", "three votes",
               "Maria Jones", NULL);
  assert_said ("The vote was close.\n\n\"We lost by three votes,\" Maria Jones said.\n", "three votes",
               "Maria Jones", NULL);
}

static void
test_attribution_according_to_and_its_cue (void **state)
{
  (void) state;
  abridge_document *doc = doc_of ("The vote was close.\n\nAccording to Maria Jones, \"we lost by "
                                  "three votes.\"\n");
  uint32_t q = quote_with (doc, "three votes");
  assert_str_or_null ("speaker", abridge_document_quote_speaker (doc, q, NULL), "Maria Jones");
  assert_str_or_null ("cue", abridge_document_quote_cue (doc, q, NULL), "According to");
  abridge_document_free (doc);
}

static void
test_attribution_told_reporters_colon (void **state)
{
  (void) state;
  assert_said ("The vote was close. Ann Jones told reporters: \"We lost by three votes.\"\n",
               "three votes", "Ann Jones", NULL);
}

static void
test_attribution_honorific_and_surname_explained (void **state)
{
  (void) state;
  assert_said ("Tom Weston runs the yard.\n\nMr Weston explained: \"We lost three ships this year "
               "and we will not lose a fourth.\"\n",
               "three ships", "Tom Weston", NULL);
}

static void
test_attribution_abbreviated_title_keeps_its_period (void **state)
{
  (void) state;
  assert_said ("The bill failed on Monday.\n\n\"This bill was a mistake from the start,\" said Sen. Ben "
               "Sasse.\n",
               "mistake", "Ben Sasse", "Sen.");
}

static void
test_attribution_appositive_title (void **state)
{
  (void) state;
  assert_said ("Dock workers went on strike.\n\n\"Our members will not give up their jobs,\" Ruth "
               "Olsen, the union's chairwoman, told reporters.\n",
               "Our members", "Ruth Olsen", "the union's chairwoman");
}

static void
test_attribution_byline_after_a_dash (void **state)
{
  (void) state;
  assert_said ("His books sold slowly.\n\n\"He would have been the best of us all.\" — Neil Gaiman\n",
               "best of us", "Neil Gaiman", NULL);
}

/* ---- organisations and groups ------------------------------------------------- */

static void
test_attribution_a_government_speaks (void **state)
{
  (void) state;
  assert_said ("Talks broke down on Monday. The Pakistani government said the talks were \"a waste "
               "of everyone's time and money\".\n",
               "a waste", "The Pakistani government", NULL);
}

static void
test_attribution_police_said (void **state)
{
  (void) state;
  assert_said ("The road was closed for hours. \"Drivers should avoid the area until the evening,\" "
               "police said.\n",
               "Drivers should", "police", NULL);
}

static void
test_attribution_the_association_in_a_statement (void **state)
{
  (void) state;
  assert_said ("The rules changed in May. The association said in a statement: \"Members will vote on "
               "the new rules next month.\"\n",
               "Members will vote", "The association", NULL);
}

static void
test_attribution_spokesman_speaks_for_the_body (void **state)
{
  (void) state;
  assert_said ("The line was cut.\n\n\"We regret the delay to passengers,\" a Hallberg Line spokesman "
               "said.\n",
               "regret", "Hallberg Line", NULL);
}

/* ---- pronouns ------------------------------------------------------------------ */

static void
test_attribution_they_is_the_two_names_joined (void **state)
{
  (void) state;
  abridge_document *doc = doc_of ("Bill and Denise Richard lost their son in the attack.\n\n\"We are "
                                  "grateful for the support of so many people,\" they said.\n");
  uint32_t q = quote_with (doc, "grateful");
  assert_str_or_null ("speaker", abridge_document_quote_speaker (doc, q, NULL),
                      "Bill and Denise Richard");
  assert_true (abridge_document_quote_flags (doc, q) & ABRIDGE_QUOTE_PRONOUN);
  abridge_document_free (doc);
}

static void
test_attribution_pronoun_chain_across_paragraphs (void **state)
{
  (void) state;
  const char *text = "Anna Reed runs the harbour.\n\n"
                     "The board met on Monday to discuss the budget.\n\n"
                     "\"We need a new crane before the winter,\" she said.\n\n"
                     "\"The old one will not last another storm,\" she added.\n";
  assert_said (text, "new crane", "Anna Reed", NULL);
  assert_said (text, "old one", "Anna Reed", NULL);
}

static void
test_attribution_it_is_the_body_that_opens_the_sentence (void **state)
{
  (void) state;
  assert_said ("The Football Association fined the club on Friday. It said: \"Such conduct has no "
               "place in the game.\"\n",
               "no place", "Football Association", NULL);
  /* or the subject of a verb of saying later in its sentence */
  assert_said ("GMAC has been a strong contributor to profits in 2004 but GM said it will do less well this "
               "year. \"Attaining earnings of ten dollars a share remains our goal,\" it said.\n",
               "Attaining earnings", "GM", NULL);
}

/* ---- quotations that stand alone ------------------------------------------------- */

static void
test_attribution_quote_only_paragraph_carries_the_speaker_on (void **state)
{
  (void) state;
  assert_said ("Mayor Sam Osei spoke at the opening.\n\n"
               "\"This bridge joins two halves of one city,\" Osei said.\n\n"
               "\"Nobody thought it could be done on time.\"\n",
               "Nobody thought", "Sam Osei", NULL);
}

/* No attribution: no speaker, rather than the nearest capitalised noun. */
static void
test_attribution_no_speaker_rather_than_the_nearest_name (void **state)
{
  (void) state;
  assert_said ("Officials in Springfield opened the bridge on Monday. The opening drew crowds from "
               "Shelbyville.\n\n\"It is a great day for the whole town.\"\n",
               "great day", NULL, NULL);
  /* A capitalised adverb opening a sentence is nobody */
  assert_said ("Miraculously nobody was hurt in the fire. \"The flames came out of nowhere and shot "
               "up in seconds.\"\n",
               "flames", NULL, NULL);
}

/* ---- the quotation's words ---------------------------------------------------------- */

static void
test_attribution_fragments_are_joined_with_an_ellipsis (void **state)
{
  (void) state;
  abridge_document *doc = doc_of ("\"We will not,\" Joan Smith said, \"agree to this plan without a "
                                  "vote.\"\n");
  assert_int_equal (abridge_document_quote_count (doc), 2);
  assert_false (abridge_document_quote_flags (doc, 0) & ABRIDGE_QUOTE_CONTINUES);
  assert_true (abridge_document_quote_flags (doc, 1) & ABRIDGE_QUOTE_CONTINUES);
  for (uint32_t q = 0; q < 2; q++)
    {
      assert_string_equal (abridge_document_quote_text (doc, q, NULL),
                           "We will not … agree to this plan without a vote.");
      assert_string_equal (abridge_document_quote_speaker (doc, q, NULL), "Joan Smith");
    }
  assert_null (abridge_document_quote_text (doc, 2, NULL));
  assert_null (abridge_document_quote_speaker (doc, 2, NULL));
  assert_int_equal (abridge_document_quote_flags (doc, 2), 0);
  abridge_document_free (doc);
}

/* A quotation around no word has words all the same: "", never NULL. */
static void
test_attribution_quote_of_no_word_has_empty_text (void **state)
{
  (void) state;
  abridge_document *doc = doc_of ("« »");
  assert_int_equal (abridge_document_quote_count (doc), 1);
  size_t len = 1;
  const char *words = abridge_document_quote_text (doc, 0, &len);
  assert_non_null (words);
  assert_string_equal (words, "");
  assert_int_equal (len, 0);
  assert_null (abridge_document_quote_speaker (doc, 0, NULL));
  abridge_document_free (doc);
}

/* Plugins read the same facts through the host table (ABI 1.2). */
static void
test_attribution_host_table_gives_the_same_facts (void **state)
{
  (void) state;
  abr_host_context ctx;
  abr_host_context_init (&ctx, "test");
  const abridge_host *host = &ctx.table;
  assert_true (ABRIDGE_HAS_MEMBER (host, abridge_host, quote_text));
  assert_int_equal (ABRIDGE_ABI_VERSION_MINOR (host->abi_version), 2);
  abridge_document *doc = doc_of ("The vote was close.\n\n\"We lost by three votes,\" said Maria "
                                  "Jones, the party's chairwoman.\n");
  size_t len = 0;
  assert_string_equal (host->quote_speaker (doc, 0, &len), "Maria Jones");
  assert_int_equal (len, strlen ("Maria Jones"));
  assert_string_equal (host->quote_speaker_title (doc, 0, NULL), "the party's chairwoman");
  assert_string_equal (host->quote_cue (doc, 0, NULL), "said");
  assert_string_equal (host->quote_text (doc, 0, NULL), "We lost by three votes");
  assert_int_equal (host->quote_flags (doc, 0), 0);
  abridge_document_free (doc);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_attribution_said_name_after_the_quote),
    cmocka_unit_test (test_attribution_according_to_and_its_cue),
    cmocka_unit_test (test_attribution_told_reporters_colon),
    cmocka_unit_test (test_attribution_honorific_and_surname_explained),
    cmocka_unit_test (test_attribution_abbreviated_title_keeps_its_period),
    cmocka_unit_test (test_attribution_appositive_title),
    cmocka_unit_test (test_attribution_byline_after_a_dash),
    cmocka_unit_test (test_attribution_a_government_speaks),
    cmocka_unit_test (test_attribution_police_said),
    cmocka_unit_test (test_attribution_the_association_in_a_statement),
    cmocka_unit_test (test_attribution_spokesman_speaks_for_the_body),
    cmocka_unit_test (test_attribution_they_is_the_two_names_joined),
    cmocka_unit_test (test_attribution_pronoun_chain_across_paragraphs),
    cmocka_unit_test (test_attribution_it_is_the_body_that_opens_the_sentence),
    cmocka_unit_test (test_attribution_quote_only_paragraph_carries_the_speaker_on),
    cmocka_unit_test (test_attribution_no_speaker_rather_than_the_nearest_name),
    cmocka_unit_test (test_attribution_fragments_are_joined_with_an_ellipsis),
    cmocka_unit_test (test_attribution_quote_of_no_word_has_empty_text),
    cmocka_unit_test (test_attribution_host_table_gives_the_same_facts),
  };
  return cmocka_run_group_tests_name ("attribution", tests, NULL, NULL);
}
