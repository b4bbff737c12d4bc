/* Unit tests of document.c: title, paragraphs, sentences, dateline, furniture, quotes, stems. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <glib.h>

#include <abridge/abridge.h>

#include "text/document.h"
#include "text/paragraphs.h"

#define ARTICLES TEST_SRCDIR "/tests/fixtures/articles/"
#define PORT_STRIKE TEST_SRCDIR "/data/samples/port-strike.txt"

/* ---- helpers ------------------------------------------------------------- */

/* Documents built by the running test, freed after it even when it fails. */
static GPtrArray *owned;

static abridge_document *
own (abridge_document *doc)
{
  if (owned == NULL)
    owned = g_ptr_array_new_with_free_func ((GDestroyNotify) abridge_document_free);
  g_ptr_array_add (owned, doc);
  return doc;
}

static int
free_documents (void **state)
{
  (void) state;
  g_clear_pointer (&owned, g_ptr_array_unref);
  return 0;
}

static abridge_document *
doc_from_string (const char *text, const char *title)
{
  GError *error = NULL;
  abridge_document *doc = abridge_document_new (text, strlen (text), title, &error);
  if (doc == NULL)
    fail_msg ("abridge_document_new failed: %s", error->message);
  return own (doc);
}

static abridge_document *
doc_from_file (const char *path)
{
  char *data = NULL;
  gsize len = 0;
  GError *error = NULL;
  if (!g_file_get_contents (path, &data, &len, &error))
    fail_msg ("cannot read %s: %s", path, error->message);
  abridge_document *doc = abridge_document_new (data, len, NULL, &error);
  if (doc == NULL)
    fail_msg ("abridge_document_new (%s) failed: %s", path, error->message);
  g_free (data);
  return own (doc);
}

/* A failure message built before what it quotes is freed: cmocka's
 * failures jump out of the test, past any later g_free(). */
static char message[2048];

/* Sentence I's text as a NUL-terminated string, to g_free(). */
static char *
sentence (const abridge_document *doc, uint32_t i)
{
  size_t len = 0;
  const char *text = abridge_document_sentence_text (doc, i, &len);
  assert_non_null (text);
  return g_strndup (text, len);
}

static void
assert_sentence_is (const abridge_document *doc, uint32_t i, const char *expected)
{
  char *got = sentence (doc, i);
  if (strcmp (got, expected) != 0)
    {
      g_snprintf (message, sizeof message, "sentence %u is \"%s\", expected \"%s\"", i, got,
                  expected);
      g_free (got);
      fail_msg ("%s", message);
    }
  g_free (got);
}

/* The first sentence whose text contains NEEDLE. */
static uint32_t
find_sentence (const abridge_document *doc, const char *needle)
{
  for (uint32_t i = 0; i < abridge_document_sentence_count (doc); i++)
    {
      char *text = sentence (doc, i);
      gboolean hit = strstr (text, needle) != NULL;
      g_free (text);
      if (hit)
        return i;
    }
  fail_msg ("no sentence contains \"%s\"", needle);
  return 0;
}

static gboolean
has_flag (const abridge_document *doc, uint32_t i, uint32_t flag)
{
  return (abridge_document_sentence_flags (doc, i) & flag) != 0;
}

static void
assert_flag (const abridge_document *doc, uint32_t i, uint32_t flag, const char *flag_name,
             gboolean expected)
{
  if (has_flag (doc, i, flag) != expected)
    {
      char *text = sentence (doc, i);
      g_snprintf (message, sizeof message, "sentence %u \"%s\" %s %s", i, text,
                  expected ? "lacks" : "has", flag_name);
      g_free (text);
      fail_msg ("%s", message);
    }
}
#define assert_has(doc, i, flag) assert_flag (doc, i, flag, #flag, TRUE)
#define assert_lacks(doc, i, flag) assert_flag (doc, i, flag, #flag, FALSE)

static void
assert_title (const abridge_document *doc, const char *expected)
{
  size_t len = 0;
  const char *title = abridge_document_title (doc, &len);
  if (expected == NULL)
    {
      if (title != NULL)
        fail_msg ("title \"%s\", expected none", title);
      return;
    }
  if (title == NULL)
    fail_msg ("no title, expected \"%s\"", expected);
  assert_string_equal (title, expected);
  assert_int_equal (len, strlen (expected));
}

/* The stem id of the stem text STEM, or G_MAXUINT32. */
static uint32_t
stem_id (const abridge_document *doc, const char *stem)
{
  for (uint32_t s = 0; s < abridge_document_stem_count (doc); s++)
    if (strcmp (abridge_document_stem_text (doc, s), stem) == 0)
      return s;
  return G_MAXUINT32;
}

/* Checks the invariants every document keeps, whatever the input. */
static void
check_invariants (const abridge_document *doc, const char *name)
{
  size_t len = 0;
  const char *data = abridge_document_text (doc, &len);
  uint32_t n = abridge_document_sentence_count (doc);
  uint32_t last_end = 0, last_paragraph = 0;
  GString *folded = g_string_new (NULL);

  for (uint32_t i = 0; i < n; i++)
    {
      uint32_t start = 0, end = 0;
      abridge_document_sentence_span (doc, i, &start, &end);
      if (!(start < end && end <= len && start >= last_end))
        fail_msg ("%s: sentence %u has span [%u, %u) after %u, text of %zu bytes", name, i, start,
                  end, last_end, len);
      last_end = end;

      /* What a reader sees is the span with its white space folded. */
      size_t tlen = 0;
      const char *text = abridge_document_sentence_text (doc, i, &tlen);
      g_string_truncate (folded, 0);
      abr_fold_whitespace (folded, data, start, end);
      if (folded->len != tlen || memcmp (folded->str, text, tlen) != 0)
        fail_msg ("%s: sentence %u reads \"%.*s\" but its span holds \"%s\"", name, i, (int) tlen,
                  text, folded->str);
      if (memchr (text, '\n', tlen) != NULL || memchr (text, '\r', tlen) != NULL
          || g_strstr_len (text, (gssize) tlen, "  ") != NULL)
        fail_msg ("%s: sentence %u \"%.*s\" has unfolded white space", name, i, (int) tlen, text);

      uint32_t paragraph = abridge_document_sentence_paragraph (doc, i);
      assert_true (paragraph < abridge_document_paragraph_count (doc));
      assert_true (paragraph >= last_paragraph);
      if (i == 0 || paragraph != last_paragraph)
        assert_has (doc, i, ABRIDGE_SENTENCE_PARAGRAPH_START);
      else
        assert_lacks (doc, i, ABRIDGE_SENTENCE_PARAGRAPH_START);
      last_paragraph = paragraph;

      /* Its words lie inside its span, in order, as terms of the document. */
      uint32_t n_tok = 0;
      const abridge_token *tokens = abridge_document_sentence_tokens (doc, i, &n_tok);
      uint32_t last_tok = start;
      for (uint32_t k = 0; k < n_tok; k++)
        {
          const abridge_token *t = &tokens[k];
          if (!(t->start >= last_tok && t->start + t->len <= end && t->len > 0))
            fail_msg ("%s: token %u of sentence %u at [%u, +%u) is outside [%u, %u)", name, k, i,
                      t->start, t->len, start, end);
          last_tok = t->start + t->len;
          assert_true (t->term < abridge_document_term_count (doc));
          assert_true (t->stem < abridge_document_stem_count (doc));
        }
    }

  for (uint32_t q = 0; q < abridge_document_quote_count (doc); q++)
    {
      uint32_t start, end, first, last;
      abridge_document_quote_span (doc, q, &start, &end, &first, &last);
      assert_true (start < end && end <= len);
      assert_true (first <= last && last < n);
      uint32_t fs, fe, ls, le;
      abridge_document_sentence_span (doc, first, &fs, &fe);
      abridge_document_sentence_span (doc, last, &ls, &le);
      assert_true (fe > start && ls < end); /* it touches both */
      for (uint32_t i = first; i <= last; i++)
        assert_has (doc, i, ABRIDGE_SENTENCE_QUOTE);
    }
  g_string_free (folded, TRUE);
}

/* ---- title ------------------------------------------------------------------- */

static void
test_document_short_first_line_is_the_title (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_string ("Bridge closes for repairs\n"
                                           "\n"
                                           "The old bridge closed on Monday. Engineers will "
                                           "replace its supports.\n",
                                           NULL);
  assert_title (doc, "Bridge closes for repairs");
  assert_int_equal (abridge_document_sentence_count (doc), 2);
  assert_int_equal (abridge_document_paragraph_count (doc), 1);
  assert_sentence_is (doc, 0, "The old bridge closed on Monday.");
  assert_int_equal (abridge_document_sentence_paragraph (doc, 0), 0);
  check_invariants (doc, "inline");
}

/* Wire copy whose lead ends in a quotation: "… the press \"very soon.\""
 * is the lead, not a headline. A headline may end in one
 * (Blair: \"We will win\"). */
static void
test_document_first_line_ending_with_a_quotation_is_no_title (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_string ("Howard Baker said the president will meet the press \"very soon.\"\n"
                                           "\n"
                                           "Baker told reporters the date was not set.\n",
                                           NULL);
  assert_title (doc, NULL);
  assert_int_equal (abridge_document_paragraph_count (doc), 2);
  doc = doc_from_string ("Baker says \u201cthe date is not set.\u201d\n\nBaker told reporters the date was open.\n", NULL);
  assert_title (doc, NULL);
  doc = doc_from_string ("Blair: \"We will win\"\n\nThe prime minister spoke on Monday.\n", NULL);
  assert_title (doc, "Blair: \"We will win\"");
}

static void
test_document_first_line_ending_with_period_is_no_title (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_string ("The old bridge closed on Monday.\n"
                                           "\n"
                                           "Engineers will replace its supports.\n",
                                           NULL);
  assert_title (doc, NULL);
  assert_int_equal (abridge_document_sentence_count (doc), 2);
  assert_int_equal (abridge_document_paragraph_count (doc), 2);
  assert_sentence_is (doc, 0, "The old bridge closed on Monday.");
  assert_true (abridge_document_sentence_is_candidate (doc, 0));
}

static void
test_document_single_paragraph_has_no_title (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_file (ARTICLES "one-sentence.txt");
  assert_title (doc, NULL);
  assert_int_equal (abridge_document_sentence_count (doc), 1);
  assert_true (abridge_document_sentence_is_candidate (doc, 0));
}

static void
test_document_explicit_title_flags_repeating_sentence (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_string ("Bridge closes for repairs.\n"
                                           "\n"
                                           "The old bridge closed on Monday. Engineers will "
                                           "replace its supports.\n",
                                           "Bridge  closes for\nrepairs");
  /* The given title is used (white space folded), not one found in the text. */
  assert_title (doc, "Bridge closes for repairs");
  assert_int_equal (abridge_document_sentence_count (doc), 3);
  assert_sentence_is (doc, 0, "Bridge closes for repairs.");
  assert_has (doc, 0, ABRIDGE_SENTENCE_TITLE);
  assert_false (abridge_document_sentence_is_candidate (doc, 0));
  assert_lacks (doc, 1, ABRIDGE_SENTENCE_TITLE);
  assert_true (abridge_document_sentence_is_candidate (doc, 1));
}

static void
test_document_explicit_title_repeated_in_other_case_is_flagged (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_string ("Engineers will replace the supports.\n"
                                           "\n"
                                           "BRIDGE CLOSES FOR REPAIRS!\n",
                                           "Bridge closes for repairs");
  uint32_t i = find_sentence (doc, "BRIDGE");
  assert_has (doc, i, ABRIDGE_SENTENCE_TITLE);
  assert_false (abridge_document_sentence_is_candidate (doc, i));
  assert_true (abridge_document_sentence_is_candidate (doc, 0));
}

static void
test_document_detected_title_repeated_in_body_is_no_candidate (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_string ("Bridge closes for repairs\n"
                                           "\n"
                                           "Bridge closes for repairs.\n"
                                           "\n"
                                           "The old bridge closed on Monday.\n",
                                           NULL);
  assert_title (doc, "Bridge closes for repairs");
  assert_int_equal (abridge_document_sentence_count (doc), 2);
  assert_has (doc, 0, ABRIDGE_SENTENCE_TITLE);
  assert_false (abridge_document_sentence_is_candidate (doc, 0));
  assert_true (abridge_document_sentence_is_candidate (doc, 1));
}

static void
test_document_bom_is_not_part_of_the_title (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_string ("\xEF\xBB\xBF" "Bridge closes for repairs\n"
                                           "\n"
                                           "The old bridge closed on Monday.\n",
                                           NULL);
  assert_title (doc, "Bridge closes for repairs");
  assert_int_equal (abridge_document_sentence_count (doc), 1);
}

/* ---- paragraphs and sentences ------------------------------------------------- */

static void
test_document_paragraphs_get_indices_in_order (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_file (ARTICLES "plain.txt");
  assert_title (doc, "Millbrook central library reopens after two-year renovation");
  assert_int_equal (abridge_document_paragraph_count (doc), 6);
  /* Two sentences a paragraph; "Dr." and "$2.5 million" end none. */
  assert_int_equal (abridge_document_sentence_count (doc), 12);
  for (uint32_t i = 0; i < 12; i++)
    {
      assert_int_equal (abridge_document_sentence_paragraph (doc, i), i / 2);
      if (i % 2 == 0)
        assert_has (doc, i, ABRIDGE_SENTENCE_PARAGRAPH_START);
      else
        assert_lacks (doc, i, ABRIDGE_SENTENCE_PARAGRAPH_START);
      assert_true (abridge_document_sentence_is_candidate (doc, i));
    }
  assert_sentence_is (doc, 0,
                      "The central library in Millbrook reopened on Saturday after a renovation "
                      "that took two years and cost $2.5 million.");
  assert_int_equal (abridge_document_sentence_paragraph (doc, find_sentence (doc, "Dr. Eleanor")),
                    1);
  assert_null (abridge_document_dateline (doc));
  assert_int_equal (abridge_document_quote_count (doc), 0);
  check_invariants (doc, "plain.txt");
}

static void
test_document_hardwrapped_lines_are_rejoined (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_file (ARTICLES "hardwrapped.txt");
  assert_title (doc, "Small towns turn empty shops into shared workspaces");
  assert_int_equal (abridge_document_paragraph_count (doc), 4);
  assert_sentence_is (doc, 0,
                      "Across the region, a growing number of small towns are turning empty shops "
                      "on their main streets into shared offices, hoping to bring back some of the "
                      "daytime trade that disappeared when banks and post offices closed their "
                      "branches.");
  uint32_t i = find_sentence (doc, "The council paid");
  assert_sentence_is (doc, i,
                      "The council paid for the conversion with a grant of $180,000 and rents the "
                      "desks by the day, the week or the month to people who would otherwise work "
                      "from home.");
  assert_int_equal (abridge_document_sentence_paragraph (doc, i), 1);
  for (uint32_t k = 0; k < abridge_document_sentence_count (doc); k++)
    {
      char *text = sentence (doc, k);
      assert_null (strchr (text, '\n'));
      assert_null (strstr (text, "  "));
      assert_lacks (doc, k, ABRIDGE_SENTENCE_HEADING);
      g_free (text);
    }
  /* The span still indexes the input, line breaks and all. */
  uint32_t start, end;
  abridge_document_sentence_span (doc, 0, &start, &end);
  const char *data = abridge_document_text (doc, NULL);
  assert_non_null (memchr (data + start, '\n', end - start));
  check_invariants (doc, "hardwrapped.txt");
}

/* ---- datelines ------------------------------------------------------------------- */

/* Asserts that sentence I had a dateline cut and now starts with LEAD,
 * both as text and as span into the input. */
static void
assert_dateline_cut (const abridge_document *doc, uint32_t i, const char *lead)
{
  assert_has (doc, i, ABRIDGE_SENTENCE_DATELINE);
  char *text = sentence (doc, i);
  if (!g_str_has_prefix (text, lead))
    {
      g_snprintf (message, sizeof message, "sentence %u \"%s\" does not start with \"%s\"", i,
                  text, lead);
      g_free (text);
      fail_msg ("%s", message);
    }
  g_free (text);
  uint32_t start, end;
  abridge_document_sentence_span (doc, i, &start, &end);
  const char *data = abridge_document_text (doc, NULL);
  assert_true (end - start >= strlen (lead));
  assert_memory_equal (data + start, lead, strlen (lead));
  uint32_t n_tok = 0;
  const abridge_token *tokens = abridge_document_sentence_tokens (doc, i, &n_tok);
  assert_true (n_tok > 0);
  assert_int_equal (tokens[0].start, start);
  for (uint32_t k = 0; k < abridge_document_sentence_count (doc); k++)
    if (k != i)
      assert_lacks (doc, k, ABRIDGE_SENTENCE_DATELINE);
}

static void
assert_dateline_is (const abridge_document *doc, const char *expected)
{
  const char *got = abridge_document_dateline (doc);
  if (got == NULL || strcmp (got, expected) != 0)
    fail_msg ("dateline \"%s\", expected \"%s\"", got != NULL ? got : "(none)", expected);
}

/* Reads the fixture article NAME and asserts its TITLE (NULL: none), and
 * that its first sentence had DATELINE cut and now starts with LEAD: what
 * every wire style of dateline must give. */
static abridge_document *
assert_fixture_dateline (const char *name, const char *title, const char *dateline,
                         const char *lead)
{
  char *path = g_strconcat (ARTICLES, name, NULL);
  abridge_document *doc = doc_from_file (path);
  g_free (path);
  assert_title (doc, title);
  assert_dateline_cut (doc, 0, lead);
  check_invariants (doc, name);
  assert_dateline_is (doc, dateline);
  return doc;
}

static void
test_document_reuters_dateline_is_cut (void **state)
{
  (void) state;
  assert_fixture_dateline ("dateline-reuters.txt",
                           "Harcourt & Vale cuts profit forecast as shoppers hold back", "LONDON",
                           "British department store chain");
}

static void
test_document_reuters_credit_line_is_boilerplate (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_file (ARTICLES "dateline-reuters.txt");
  uint32_t i = find_sentence (doc, "Reporting by");
  assert_has (doc, i, ABRIDGE_SENTENCE_BOILERPLATE);
  assert_false (abridge_document_sentence_is_candidate (doc, i));
}

static void
test_document_cnn_dateline_is_cut (void **state)
{
  (void) state;
  assert_fixture_dateline ("dateline-cnn.txt", NULL, "CNN", "Rescue crews pulled two hikers");
}

static void
test_document_washington_dateline_is_cut (void **state)
{
  (void) state;
  assert_fixture_dateline ("dateline-washington.txt",
                           "Senate passes bill to speed up repairs to aging bridges", "WASHINGTON",
                           "The Senate on Wednesday passed a bill");
}

static void
test_document_port_strike_dateline_follows_the_byline (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_file (PORT_STRIKE);
  assert_title (doc, "Dock strike shuts Rotterdam container terminals as pay talks collapse");
  uint32_t byline = find_sentence (doc, "PETER HALVORSEN");
  assert_int_equal (byline, 0);
  assert_dateline_cut (doc, 1, "Thousands of dock workers walked off the job");
  check_invariants (doc, "port-strike.txt");
  assert_dateline_is (doc, "ROTTERDAM, Netherlands");
}

static void
test_document_without_dateline_reports_none (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_string ("The U.S. — and its allies — agreed on Friday.\n", NULL);
  assert_null (abridge_document_dateline (doc));
  assert_lacks (doc, 0, ABRIDGE_SENTENCE_DATELINE);
  assert_sentence_is (doc, 0, "The U.S. — and its allies — agreed on Friday.");
}

/* A web page's kicker, date line and sub-headline come before the lead
 * that carries the dateline: it is still found and cut. */
static void
test_document_dateline_after_kicker_lines_is_cut (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_string (
      "Courts\n\n12.16.14\n\n"
      "Prosecutors say the inspectors signed off on checks they never made.\n\n"
      "HARBOR CITY – Two ferry inspectors were charged on Tuesday with falsifying logs.\n\n"
      "Both pleaded not guilty.\n",
      "Two ferry inspectors charged");
  assert_dateline_is (doc, "HARBOR CITY");
  assert_dateline_cut (doc, find_sentence (doc, "Two ferry inspectors were"),
                       "Two ferry inspectors were charged");
}

static void
test_document_unspaced_em_dash_dateline_is_cut (void **state)
{
  (void) state;
  abridge_document *doc = assert_fixture_dateline (
      "dateline-unspaced.txt", "Vatican report softens its tone toward American nuns",
      "VATICAN CITY", "Six years ago the Vatican opened");
  /* The dashes of the prose further on are left alone. */
  assert_sentence_is (doc, find_sentence (doc, "The report—"),
                      "The report—a short document of a dozen pages—thanked the orders for "
                      "their schools, hospitals and shelters, and asked them to keep records of "
                      "their finances.");
}

/* Only short one-line paragraphs are looked past: capitals and a dash
 * after a paragraph of prose, or after more kicker lines than a page
 * has, open no dateline. */
static void
test_document_dateline_after_prose_is_not_cut (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_string (
      "The Senate passed the bill on Wednesday. It now goes to the House.\n\n"
      "NEW YORK — Stocks rose on the news.\n\n"
      "Traders said they had expected the vote.\n",
      "Bridge bill passes");
  assert_null (abridge_document_dateline (doc));
  assert_sentence_is (doc, find_sentence (doc, "Stocks rose"), "NEW YORK — Stocks rose on the news.");

  doc = doc_from_string ("One\n\nTwo\n\nThree\n\nFour\n\nFive\n\n"
                         "PARIS — The museum closed early. Visitors were sent home.\n",
                         "Museum closes");
  assert_null (abridge_document_dateline (doc));
}

/* ---- boilerplate ------------------------------------------------------------------ */

static void
test_document_port_strike_furniture_is_boilerplate (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_file (PORT_STRIKE);
  uint32_t n = abridge_document_sentence_count (doc);

  uint32_t byline = find_sentence (doc, "By PETER HALVORSEN");
  assert_has (doc, byline, ABRIDGE_SENTENCE_BOILERPLATE);
  uint32_t photo = find_sentence (doc, "AP Photo");
  assert_has (doc, photo, ABRIDGE_SENTENCE_BOILERPLATE);
  uint32_t credit = find_sentence (doc, "contributed to this report");
  assert_has (doc, credit, ABRIDGE_SENTENCE_BOILERPLATE);
  uint32_t source = find_sentence (doc, "Source link");
  assert_true (source > credit);
  for (uint32_t i = source; i < n; i++)
    {
      assert_has (doc, i, ABRIDGE_SENTENCE_BOILERPLATE);
      assert_false (abridge_document_sentence_is_candidate (doc, i));
    }
  /* Everything else is article. */
  for (uint32_t i = 0; i < source; i++)
    if (i != byline && i != photo && i != credit)
      {
        assert_lacks (doc, i, ABRIDGE_SENTENCE_BOILERPLATE);
        assert_true (abridge_document_sentence_is_candidate (doc, i));
      }
  assert_true (abridge_document_sentence_is_candidate (doc, find_sentence (doc, "By midday")));
}

static void
test_document_boilerplate_only_has_no_candidates (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_file (ARTICLES "boilerplate-only.txt");
  uint32_t n = abridge_document_sentence_count (doc);
  assert_true (n > 0);
  for (uint32_t i = 0; i < n; i++)
    {
      assert_has (doc, i, ABRIDGE_SENTENCE_BOILERPLATE);
      assert_false (abridge_document_sentence_is_candidate (doc, i));
    }
  check_invariants (doc, "boilerplate-only.txt");
}

/* ---- quotes ------------------------------------------------------------------------- */

static void
test_document_quoted_sentences_are_flagged (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_file (ARTICLES "dateline-washington.txt");
  uint32_t a = find_sentence (doc, "Nobody in my state");
  uint32_t b = find_sentence (doc, "This fixes that.");
  assert_has (doc, a, ABRIDGE_SENTENCE_QUOTE);
  assert_has (doc, b, ABRIDGE_SENTENCE_QUOTE);
  assert_lacks (doc, find_sentence (doc, "Critics said"), ABRIDGE_SENTENCE_QUOTE);
  assert_lacks (doc, 0, ABRIDGE_SENTENCE_QUOTE);

  /* Two quotes, each from its opening to its closing mark. */
  assert_int_equal (abridge_document_quote_count (doc), 2);
  const char *data = abridge_document_text (doc, NULL);
  uint32_t start, end, first, last;
  abridge_document_quote_span (doc, 0, &start, &end, &first, &last);
  assert_true (g_str_has_prefix (data + start, "“Nobody in my state"));
  assert_memory_equal (data + end - strlen ("three years,”"), "three years,”",
                       strlen ("three years,”"));
  assert_int_equal (first, a);
  abridge_document_quote_span (doc, 1, &start, &end, &first, &last);
  assert_true (g_str_has_prefix (data + start, "“This fixes that.”"));
  assert_int_equal (end - start, strlen ("“This fixes that.”"));
  assert_int_equal (first, b);
  assert_int_equal (last, b);
  check_invariants (doc, "dateline-washington.txt");
}

static void
test_document_wire_style_quote_spans_two_paragraphs (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_file (PORT_STRIKE);
  const char *data = abridge_document_text (doc, NULL);
  uint32_t opens = find_sentence (doc, "We have offered retraining");
  uint32_t closes = find_sentence (doc, "What we cannot do");
  assert_int_not_equal (abridge_document_sentence_paragraph (doc, opens),
                        abridge_document_sentence_paragraph (doc, closes));

  gboolean found = FALSE;
  for (uint32_t q = 0; q < abridge_document_quote_count (doc); q++)
    {
      uint32_t start, end, first, last;
      abridge_document_quote_span (doc, q, &start, &end, &first, &last);
      if (!g_str_has_prefix (data + start, "“We have offered retraining"))
        continue;
      found = TRUE;
      assert_int_equal (first, opens);
      assert_int_equal (last, closes);
      const char *tail = "port of 1995.”";
      assert_memory_equal (data + end - strlen (tail), tail, strlen (tail));
    }
  assert_true (found);
  assert_has (doc, opens, ABRIDGE_SENTENCE_QUOTE);
  assert_has (doc, closes, ABRIDGE_SENTENCE_QUOTE);
}

static void
test_document_apostrophes_do_not_flag_quotes (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_file (ARTICLES "quotes-british.txt");
  /* Real quotes in ‘…’ are flagged. */
  assert_has (doc, find_sentence (doc, "This is a great day"), ABRIDGE_SENTENCE_QUOTE);
  assert_has (doc, find_sentence (doc, "it couldn’t be done"), ABRIDGE_SENTENCE_QUOTE);
  /* Apostrophes alone ('90s, minister's) make no quote. */
  assert_lacks (doc, find_sentence (doc, "guitar bands of the '90s"), ABRIDGE_SENTENCE_QUOTE);
  assert_lacks (doc, find_sentence (doc, "culture minister's office"), ABRIDGE_SENTENCE_QUOTE);
  assert_lacks (doc, find_sentence (doc, "Fans have already"), ABRIDGE_SENTENCE_QUOTE);
  check_invariants (doc, "quotes-british.txt");
}

/* ---- spans, terms and stems ------------------------------------------------------------ */

static void
test_document_sentence_spans_hold_their_words (void **state)
{
  (void) state;
  const char *names[] = {
    "plain.txt", "dateline-reuters.txt", "dateline-cnn.txt", "dateline-washington.txt",
    "hardwrapped.txt", "quotes-british.txt", "boilerplate-only.txt", "one-sentence.txt",
    "repeated.txt", "list-headings.txt",
  };
  for (gsize k = 0; k < G_N_ELEMENTS (names); k++)
    {
      char *path = g_strconcat (ARTICLES, names[k], NULL);
      abridge_document *doc = doc_from_file (path);
      assert_true (abridge_document_sentence_count (doc) > 0);
      check_invariants (doc, names[k]);
      g_free (path);
    }
  abridge_document *doc = doc_from_file (PORT_STRIKE);
  check_invariants (doc, "port-strike.txt");
}

static void
test_document_tokens_read_the_sentence_words (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_string ("Dock workers walked out.\n\nThe workers' union met.\n",
                                           NULL);
  const char *data = abridge_document_text (doc, NULL);
  uint32_t n = 0;
  const abridge_token *tokens = abridge_document_sentence_tokens (doc, 0, &n);
  assert_int_equal (n, 4);
  assert_memory_equal (data + tokens[1].start, "workers", 7);
  assert_int_equal (tokens[1].len, 7);
  assert_string_equal (abridge_document_term_text (doc, tokens[1].term), "workers");
  const abridge_token *tokens2 = abridge_document_sentence_tokens (doc, 1, &n);
  assert_int_equal (n, 4);
  /* "workers" again: the same term id across sentences. */
  assert_int_equal (tokens2[1].term, tokens[1].term);
  assert_true (tokens2[0].flags & ABRIDGE_TOKEN_STOP);
}

static void
test_document_stem_frequencies_count_only_candidates (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_string ("Harbour strike\n"
                                           "\n"
                                           "By JANE STRIKE Associated Press\n"
                                           "\n"
                                           "The strike closed the harbour, the second strike "
                                           "this year. Workers said the strike would go on.\n"
                                           "\n"
                                           "Source link\n"
                                           "\n"
                                           "More strike news.\n",
                                           NULL);
  assert_title (doc, "Harbour strike");
  uint32_t strike = stem_id (doc, "strike");
  assert_int_not_equal (strike, G_MAXUINT32);
  /* Two candidate sentences hold it, three times in all: not the title,
   * the byline nor anything after "Source link". */
  assert_int_equal (abridge_document_stem_sentence_frequency (doc, strike), 2);
  assert_int_equal (abridge_document_stem_frequency (doc, strike), 3);
  uint32_t news = stem_id (doc, "news");
  assert_int_not_equal (news, G_MAXUINT32);
  assert_int_equal (abridge_document_stem_sentence_frequency (doc, news), 0);
  assert_int_equal (abridge_document_stem_frequency (doc, news), 0);
}

static void
test_document_stem_frequencies_skip_title_sentences (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_string ("Harbour strike ends.\n"
                                           "\n"
                                           "The strike ended on Friday.\n",
                                           "Harbour strike ends");
  uint32_t strike = stem_id (doc, "strike");
  assert_int_equal (abridge_document_stem_sentence_frequency (doc, strike), 1);
  assert_int_equal (abridge_document_stem_frequency (doc, strike), 1);
  uint32_t harbour = stem_id (doc, "harbour");
  assert_int_equal (abridge_document_stem_frequency (doc, harbour), 0);
}

/* ---- input edge cases -------------------------------------------------------------------- */

static void
test_document_invalid_utf8_gives_error (void **state)
{
  (void) state;
  const char text[] = "Harbour news\n\nThe caf\xE9 closed.\n";
  GError *error = NULL;
  abridge_document *doc = abridge_document_new (text, sizeof text - 1, NULL, &error);
  assert_null (doc);
  assert_non_null (error);
  assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
  assert_non_null (strstr (error->message, "offset 21"));
  g_clear_error (&error);

  const char nul[] = "Harbour\0news";
  doc = abridge_document_new (nul, sizeof nul - 1, NULL, &error);
  assert_null (doc);
  assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
  g_error_free (error);
}

static void
test_document_empty_input_has_no_sentences (void **state)
{
  (void) state;
  const char *inputs[] = { "", "\n", "  \n\n\t\n", "\xEF\xBB\xBF", "\r\n\r\n" };
  for (gsize k = 0; k < G_N_ELEMENTS (inputs); k++)
    {
      GError *error = NULL;
      abridge_document *doc
          = own (abridge_document_new (inputs[k], strlen (inputs[k]), NULL, &error));
      assert_null (error);
      assert_non_null (doc);
      assert_int_equal (abridge_document_sentence_count (doc), 0);
      assert_int_equal (abridge_document_paragraph_count (doc), 0);
      assert_int_equal (abridge_document_quote_count (doc), 0);
      assert_null (abridge_document_title (doc, NULL));
      assert_null (abridge_document_dateline (doc));
    }
}

static void
test_document_crlf_reads_like_lf (void **state)
{
  (void) state;
  const char *lf = "Bridge closes for repairs\n"
                   "\n"
                   "The old bridge closed on Monday. Engineers will replace\n"
                   "its supports over the summer.\n"
                   "\n"
                   "BRUSSELS — “It will take time,” an engineer said.\n"
                   "\n"
                   "Share\n";
  char **lines = g_strsplit (lf, "\n", -1);
  char *crlf = g_strjoinv ("\r\n", lines);
  g_strfreev (lines);

  abridge_document *a = doc_from_string (lf, NULL);
  abridge_document *b = doc_from_string (crlf, NULL);
  assert_title (b, abridge_document_title (a, NULL));
  assert_int_equal (abridge_document_paragraph_count (b), abridge_document_paragraph_count (a));
  assert_int_equal (abridge_document_sentence_count (b), abridge_document_sentence_count (a));
  for (uint32_t i = 0; i < abridge_document_sentence_count (a); i++)
    {
      char *ta = sentence (a, i), *tb = sentence (b, i);
      assert_string_equal (tb, ta);
      assert_int_equal (abridge_document_sentence_flags (b, i),
                        abridge_document_sentence_flags (a, i));
      assert_int_equal (abridge_document_sentence_paragraph (b, i),
                        abridge_document_sentence_paragraph (a, i));
      g_free (ta);
      g_free (tb);
    }
  assert_int_equal (abridge_document_quote_count (b), abridge_document_quote_count (a));
  check_invariants (b, "crlf");
  g_free (crlf);
}

static void
test_document_out_of_range_accessors_return_nothing (void **state)
{
  (void) state;
  abridge_document *doc = doc_from_string ("The port reopened on Friday.\n", NULL);
  size_t len = 99;
  assert_null (abridge_document_sentence_text (doc, 1, &len));
  assert_int_equal (len, 0);
  uint32_t n = 99, start = 99, end = 99;
  assert_null (abridge_document_sentence_tokens (doc, 7, &n));
  assert_int_equal (n, 0);
  abridge_document_sentence_span (doc, 7, &start, &end);
  assert_int_equal (start, 0);
  assert_int_equal (end, 0);
  assert_int_equal (abridge_document_sentence_flags (doc, 7), 0);
  assert_false (abridge_document_sentence_is_candidate (doc, 7));
  assert_null (abridge_document_term_text (doc, 10000));
  assert_null (abridge_document_stem_text (doc, 10000));
  assert_int_equal (abridge_document_stem_frequency (doc, 10000), 0);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_teardown (name, free_documents)
    T (test_document_short_first_line_is_the_title),
    T (test_document_first_line_ending_with_period_is_no_title),
    T (test_document_first_line_ending_with_a_quotation_is_no_title),
    T (test_document_single_paragraph_has_no_title),
    T (test_document_explicit_title_flags_repeating_sentence),
    T (test_document_explicit_title_repeated_in_other_case_is_flagged),
    T (test_document_detected_title_repeated_in_body_is_no_candidate),
    T (test_document_bom_is_not_part_of_the_title),
    T (test_document_paragraphs_get_indices_in_order),
    T (test_document_hardwrapped_lines_are_rejoined),
    T (test_document_reuters_dateline_is_cut),
    T (test_document_reuters_credit_line_is_boilerplate),
    T (test_document_cnn_dateline_is_cut),
    T (test_document_washington_dateline_is_cut),
    T (test_document_port_strike_dateline_follows_the_byline),
    T (test_document_without_dateline_reports_none),
    T (test_document_dateline_after_kicker_lines_is_cut),
    T (test_document_unspaced_em_dash_dateline_is_cut),
    T (test_document_dateline_after_prose_is_not_cut),
    T (test_document_port_strike_furniture_is_boilerplate),
    T (test_document_boilerplate_only_has_no_candidates),
    T (test_document_quoted_sentences_are_flagged),
    T (test_document_wire_style_quote_spans_two_paragraphs),
    T (test_document_apostrophes_do_not_flag_quotes),
    T (test_document_sentence_spans_hold_their_words),
    T (test_document_tokens_read_the_sentence_words),
    T (test_document_stem_frequencies_count_only_candidates),
    T (test_document_stem_frequencies_skip_title_sentences),
    T (test_document_invalid_utf8_gives_error),
    T (test_document_empty_input_has_no_sentences),
    T (test_document_crlf_reads_like_lf),
    T (test_document_out_of_range_accessors_return_nothing),
#undef T
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
