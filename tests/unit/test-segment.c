/* Unit tests of the sentence segmenter: the English Golden Rules and news text. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/segment.h"

#define MAX_SENTENCES 8

/* ---- helpers ------------------------------------------------------------- */

static GArray *
segment (const char *text, uint32_t start, uint32_t end)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (abr_span));
  abr_segment_paragraph (text, start, end, spans);
  return spans;
}

/* A sentence's text with each run of white space read as one space, as a
 * reader sees it: a hard-wrapped sentence keeps its line break in the
 * document, the expected strings are written on one line. */
static char *
sentence_text (const char *text, const abr_span *span)
{
  GString *out = g_string_sized_new (span->end - span->start);
  bool in_space = false;
  for (uint32_t i = span->start; i < span->end; i++)
    {
      char c = text[i];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
        in_space = true;
      else
        {
          if (in_space)
            g_string_append_c (out, ' ');
          in_space = false;
          g_string_append_c (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

static void
print_list (const char *label, char **items, size_t n)
{
  fprintf (stderr, "  %s (%zu):\n", label, n);
  for (size_t i = 0; i < n; i++)
    fprintf (stderr, "    [%s]\n", items[i]);
}

/* Segments TEXT and compares the sentences with the NULL-terminated
 * EXPECTED, printing both lists under NAME on a mismatch. Also checks the
 * contract every span must keep: inside the text, in order, non-empty,
 * trimmed. */
static bool
sentences_match (const char *name, const char *text, const char *const *expected)
{
  uint32_t len = (uint32_t) strlen (text);
  GArray *spans = segment (text, 0, len);
  size_t n_expected = 0;
  while (expected[n_expected] != NULL)
    n_expected++;

  char **got = g_new0 (char *, spans->len + 1);
  bool ok = spans->len == n_expected;
  uint32_t previous_end = 0;
  for (guint i = 0; i < spans->len; i++)
    {
      const abr_span *span = &g_array_index (spans, abr_span, i);
      assert_true (span->start < span->end);
      assert_true (span->start >= previous_end);
      assert_true (span->end <= len);
      assert_false (g_ascii_isspace (text[span->start]));
      assert_false (g_ascii_isspace (text[span->end - 1]));
      previous_end = span->end;
      got[i] = sentence_text (text, span);
      if (i < n_expected && strcmp (got[i], expected[i]) != 0)
        ok = false;
    }
  if (!ok)
    {
      fprintf (stderr, "segment mismatch: %s\n  input: [%s]\n", name, text);
      print_list ("expected", (char **) expected, n_expected);
      print_list ("got", got, spans->len);
    }
  g_strfreev (got);
  g_array_free (spans, TRUE);
  return ok;
}

#define EXPECT_SENTENCES(text, ...)                                            \
  do                                                                           \
    {                                                                          \
      const char *const expected_[] = { __VA_ARGS__, NULL };                   \
      assert_true (sentences_match (text, text, expected_));                   \
    }                                                                          \
  while (0)

/* ---- the English Golden Rules -------------------------------------------- */

/* The English Golden Rules of pragmatic_segmenter
 * (spec/pragmatic_segmenter/languages/english_spec.rb), numbered as there;
 * pySBD's tests/lang/test_english.py holds 48 of them (all but 40, 41, 42
 * and 52). Expected sentences are compared with white space runs read as
 * one space, as pragmatic_segmenter does for rules 40 and 41.
 *
 * KNOWN FAILURES (not asserted one by one, but counted below):
 *   18  "At 5 a.m. Mr. Smith went ... at 6 P.M. Mr. Smith then went": the
 *       same "a.m. Mr." sequence must split once and not the other time;
 *       telling them apart needs a parse of the sentence before it
 *       ("He left the bank at 6 P.M." is a clause, "At 5 a.m." is not).
 *       pySBD marks it xfail and pragmatic_segmenter skips it. */
#define RULE(name, text, ...) { name, text, { __VA_ARGS__, NULL }, false }
#define KNOWN_FAILURE(name, text, ...) { name, text, { __VA_ARGS__, NULL }, true }

typedef struct golden_rule {
  const char *name;
  const char *text;
  const char *expected[MAX_SENTENCES];
  bool known_failure;
} golden_rule;

static const golden_rule golden_rules[] = {
  RULE ("001 simple period to end sentence", "Hello World. My name is Jonas.",
    "Hello World.", "My name is Jonas."),
  RULE ("002 question mark to end sentence", "What is your name? My name is Jonas.",
    "What is your name?", "My name is Jonas."),
  RULE ("003 exclamation point to end sentence", "There it is! I found it.",
    "There it is!", "I found it."),
  RULE ("004 one letter upper case abbreviations", "My name is Jonas E. Smith.",
    "My name is Jonas E. Smith."),
  RULE ("005 one letter lower case abbreviations", "Please turn to p. 55.",
    "Please turn to p. 55."),
  RULE ("006 two letter lower case abbreviations in the middle of a sentence",
    "Were Jane and co. at the party?",
    "Were Jane and co. at the party?"),
  RULE ("007 two letter upper case abbreviations in the middle of a sentence",
    "They closed the deal with Pitt, Briggs & Co. at noon.",
    "They closed the deal with Pitt, Briggs & Co. at noon."),
  RULE ("008 two letter lower case abbreviations at the end of a sentence",
    "Let's ask Jane and co. They should know.",
    "Let's ask Jane and co.", "They should know."),
  RULE ("009 two letter upper case abbreviations at the end of a sentence",
    "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
    "They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."),
  RULE ("010 two letter (prepositive) abbreviations", "I can see Mt. Fuji from here.",
    "I can see Mt. Fuji from here."),
  RULE ("011 two letter (prepositive & postpositive) abbreviations",
    "St. Michael's Church is on 5th st. near the light.",
    "St. Michael's Church is on 5th st. near the light."),
  RULE ("012 possesive two letter abbreviations", "That is JFK Jr.'s book.",
    "That is JFK Jr.'s book."),
  RULE ("013 multi-period abbreviations in the middle of a sentence",
    "I visited the U.S.A. last year.",
    "I visited the U.S.A. last year."),
  RULE ("014 multi-period abbreviations at the end of a sentence",
    "I live in the E.U. How about you?",
    "I live in the E.U.", "How about you?"),
  RULE ("015 U.S. as sentence boundary", "I live in the U.S. How about you?",
    "I live in the U.S.", "How about you?"),
  RULE ("016 U.S. as non sentence boundary with next word capitalized",
    "I work for the U.S. Government in Virginia.",
    "I work for the U.S. Government in Virginia."),
  RULE ("017 U.S. as non sentence boundary", "I have lived in the U.S. for 20 years.",
    "I have lived in the U.S. for 20 years."),
  KNOWN_FAILURE ("018 A.M. / P.M. as non sentence boundary and sentence boundary",
    "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
    "At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.",
      "Mr. Smith then went to the store."),
  RULE ("019 number as non sentence boundary", "She has $100.00 in her bag.",
    "She has $100.00 in her bag."),
  RULE ("020 number as sentence boundary", "She has $100.00. It is in her bag.",
    "She has $100.00.", "It is in her bag."),
  RULE ("021 parenthetical inside sentence",
    "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
    "He teaches science (He previously worked for 5 years as an engineer.) at the local University."),
  RULE ("022 email addresses", "Her email is Jane.Doe@example.com. I sent her an email.",
    "Her email is Jane.Doe@example.com.", "I sent her an email."),
  RULE ("023 web addresses",
    "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.",
    "The site is: https://www.example.50.com/new-site/awesome_content.html.",
      "Please check it out."),
  RULE ("024 single quotations inside sentence",
    "She turned to him, 'This is great.' she said.",
    "She turned to him, 'This is great.' she said."),
  RULE ("025 double quotations inside sentence",
    "She turned to him, \"This is great.\" she said.",
    "She turned to him, \"This is great.\" she said."),
  RULE ("026 double quotations at the end of a sentence",
    "She turned to him, \"This is great.\" She held the book out to show him.",
    "She turned to him, \"This is great.\"", "She held the book out to show him."),
  RULE ("027 double punctuation (exclamation point)", "Hello!! Long time no see.",
    "Hello!!", "Long time no see."),
  RULE ("028 double punctuation (question mark)", "Hello?? Who is there?",
    "Hello??", "Who is there?"),
  RULE ("029 double punctuation (exclamation point / question mark)", "Hello!? Is that you?",
    "Hello!?", "Is that you?"),
  RULE ("030 double punctuation (question mark / exclamation point)", "Hello?! Is that you?",
    "Hello?!", "Is that you?"),
  RULE ("031 list (period followed by parens and no period to end item)",
    "1.) The first item 2.) The second item",
    "1.) The first item", "2.) The second item"),
  RULE ("032 list (period followed by parens and period to end item)",
    "1.) The first item. 2.) The second item.",
    "1.) The first item.", "2.) The second item."),
  RULE ("033 list (parens and no period to end item)", "1) The first item 2) The second item",
    "1) The first item", "2) The second item"),
  RULE ("034 list (parens and period to end item)", "1) The first item. 2) The second item.",
    "1) The first item.", "2) The second item."),
  RULE ("035 list (period to mark list and no period to end item)",
    "1. The first item 2. The second item",
    "1. The first item", "2. The second item"),
  RULE ("036 list (period to mark list and period to end item)",
    "1. The first item. 2. The second item.",
    "1. The first item.", "2. The second item."),
  RULE ("037 list with bullet", "• 9. The first item • 10. The second item",
    "• 9. The first item", "• 10. The second item"),
  RULE ("038 list with hypthen", "⁃9. The first item ⁃10. The second item",
    "⁃9. The first item", "⁃10. The second item"),
  RULE ("039 alphabetical list", "a. The first item b. The second item c. The third list item",
    "a. The first item", "b. The second item", "c. The third list item"),
  RULE ("040 errant newlines in the middle of sentences (PDF)",
    "This is a sentence\ncut off in the middle because pdf.",
    "This is a sentence cut off in the middle because pdf."),
  RULE ("041 errant newlines in the middle of sentences", "It was a cold \nnight in the city.",
    "It was a cold night in the city."),
  RULE ("042 lower case list separated by newline", "features\ncontact manager\nevents, activities\n",
    "features", "contact manager", "events, activities"),
  RULE ("043 geo coordinates", "You can find it at N°. 1026.253.553. That is where the treasure is.",
    "You can find it at N°. 1026.253.553.", "That is where the treasure is."),
  RULE ("044 named entities with an exclamation point",
    "She works at Yahoo! in the accounting department.",
    "She works at Yahoo! in the accounting department."),
  RULE ("045 I as a sentence boundary and I as an abbreviation",
    "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
    "We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"),
  RULE ("046 ellipsis at end of quotation",
    "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”",
    "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”"),
  RULE ("047 ellipsis with square brackets",
    "\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).",
    "\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55)."),
  RULE ("048 ellipsis as sentence boundary (standard ellipsis rules)",
    "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . . Next sentence.",
    "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . .",
      "Next sentence."),
  RULE ("049 ellipsis as sentence boundary (non-standard ellipsis rules)",
    "I never meant that.... She left the store.",
    "I never meant that....", "She left the store."),
  RULE ("050 ellipsis as non sentence boundary",
    "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
    "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it."),
  RULE ("051 4-dot ellipsis",
    "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . . The practice was not abandoned. . . .",
    "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds.",
      ". . . The practice was not abandoned. . . ."),
  RULE ("052 no whitespace in between sentences",
    "Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.",
    "Hello world.", "Today is Tuesday.", "Mr. Smith went to the store and bought 1,000.",
      "That is a lot."),
};

/* Golden rules passing now; the count may grow, never shrink. */
#define GOLDEN_RULES_PASSING 51

static void
test_segment_golden_rules (void **state)
{
  (void) state;
  unsigned failed = 0;
  for (size_t i = 0; i < G_N_ELEMENTS (golden_rules); i++)
    {
      const golden_rule *rule = &golden_rules[i];
      if (rule->known_failure)
        continue;
      if (!sentences_match (rule->name, rule->text, rule->expected))
        failed++;
    }
  assert_int_equal (failed, 0);
}

static void
test_segment_golden_rules_count (void **state)
{
  (void) state;
  unsigned passed = 0, pysbd_rules = 0, pysbd_passed = 0;
  for (size_t i = 0; i < G_N_ELEMENTS (golden_rules); i++)
    {
      const golden_rule *rule = &golden_rules[i];
      int number = atoi (rule->name);
      bool in_pysbd = number != 40 && number != 41 && number != 42 && number != 52;
      pysbd_rules += in_pysbd;
      /* Known failures print their mismatch too, as a reminder. */
      if (sentences_match (rule->name, rule->text, rule->expected))
        {
          passed++;
          pysbd_passed += in_pysbd;
        }
    }
  printf ("golden rules: %u of %zu pass\n", passed, G_N_ELEMENTS (golden_rules));
  printf ("golden rules in pySBD's set: %u of %u pass\n", pysbd_passed, pysbd_rules);
  assert_true (passed >= GOLDEN_RULES_PASSING);
}

/* ---- news text ----------------------------------------------------------- */

static void
test_segment_abbreviations_do_not_end_sentences (void **state)
{
  (void) state;
  EXPECT_SENTENCES ("Dr. Jane Smith met Gen. Mark Milley and Sen. Ted Cruz in St. Louis on Jan. 5. "
                    "The U.S. economy grew.",
                    "Dr. Jane Smith met Gen. Mark Milley and Sen. Ted Cruz in St. Louis on Jan. 5.",
                    "The U.S. economy grew.");
  EXPECT_SENTENCES ("Shares of Apple Inc. rose 3%. The U.K. and the U.S. Treasury agreed.",
                    "Shares of Apple Inc. rose 3%.", "The U.K. and the U.S. Treasury agreed.");
  EXPECT_SENTENCES ("Mr. and Mrs. Smith arrived at 5 p.m. on Friday.",
                    "Mr. and Mrs. Smith arrived at 5 p.m. on Friday.");
  EXPECT_SENTENCES ("It was No. 1 in the charts. The answer was no. Then it changed.",
                    "It was No. 1 in the charts.", "The answer was no.", "Then it changed.");
  EXPECT_SENTENCES ("Fruit, nuts, etc. are sold e.g. in Calif. markets.",
                    "Fruit, nuts, etc. are sold e.g. in Calif. markets.");
}

static void
test_segment_abbreviations_end_sentences_before_openers (void **state)
{
  (void) state;
  EXPECT_SENTENCES ("He works for Acme Inc. The company makes anvils.",
                    "He works for Acme Inc.", "The company makes anvils.");
  EXPECT_SENTENCES ("The meeting ended at 5 p.m. Afterward they ate.",
                    "The meeting ended at 5 p.m.", "Afterward they ate.");
  EXPECT_SENTENCES ("She moved to the U.S. \"It was hard,\" she said.",
                    "She moved to the U.S.", "\"It was hard,\" she said.");
}

static void
test_segment_initials (void **state)
{
  (void) state;
  EXPECT_SENTENCES ("J. R. R. Tolkien wrote it. George W. Bush read it.",
                    "J. R. R. Tolkien wrote it.", "George W. Bush read it.");
  EXPECT_SENTENCES ("They chose plan B. The rest failed.", "They chose plan B.",
                    "The rest failed.");
}

static void
test_segment_numbers_and_money (void **state)
{
  (void) state;
  EXPECT_SENTENCES ("The deal is worth $1.5 billion. Pi is about 3.14. It rose 2.5% in 2019. "
                    "20 people died.",
                    "The deal is worth $1.5 billion.", "Pi is about 3.14.", "It rose 2.5% in 2019.",
                    "20 people died.");
}

static void
test_segment_ellipses (void **state)
{
  (void) state;
  EXPECT_SENTENCES ("He paused… Then he left. It was… well, odd.", "He paused…",
                    "Then he left.", "It was… well, odd.");
  EXPECT_SENTENCES ("We waited... and waited. . . . Nothing came.",
                    "We waited... and waited.", ". . . Nothing came.");
}

static void
test_segment_quotes (void **state)
{
  (void) state;
  EXPECT_SENTENCES ("\"This is great.\" She said it twice.", "\"This is great.\"",
                    "She said it twice.");
  EXPECT_SENTENCES ("\"This is great,\" she said.", "\"This is great,\" she said.");
  EXPECT_SENTENCES ("\"Why?\" he asked. \"Because!\" she replied.", "\"Why?\" he asked.",
                    "\"Because!\" she replied.");
  EXPECT_SENTENCES ("\"We will not. We cannot,\" he said.", "\"We will not.",
                    "We cannot,\" he said.");
  EXPECT_SENTENCES ("“This is great.” She smiled. ‘Really?’ he asked.", "“This is great.”",
                    "She smiled.", "‘Really?’ he asked.");
  /* Lower-cased text, as in some corpora: a quotation still opens a sentence. */
  EXPECT_SENTENCES ("the fear is not gone. \"we are suffering,\" she said.",
                    "the fear is not gone.", "\"we are suffering,\" she said.");
}

static void
test_segment_closing_brackets (void **state)
{
  (void) state;
  EXPECT_SENTENCES ("Shares fell. (The company declined to comment.) Analysts were surprised.",
                    "Shares fell.", "(The company declined to comment.)",
                    "Analysts were surprised.");
  EXPECT_SENTENCES ("It was approved [by the board.] Then it failed.",
                    "It was approved [by the board.]", "Then it failed.");
}

static void
test_segment_urls_and_email (void **state)
{
  (void) state;
  EXPECT_SENTENCES ("Write to john.smith@example.com for details. See www.Example.Com.Now it works.",
                    "Write to john.smith@example.com for details.",
                    "See www.Example.Com.Now it works.");
  EXPECT_SENTENCES ("Read https://example.org/a/b.html. Then reply.",
                    "Read https://example.org/a/b.html.", "Then reply.");
  /* "www." in any case, also after other letters of the token */
  EXPECT_SENTENCES ("Visit WWW.Shop.Com.Then pay. Or (Www.Bank.Org.Now) wait.",
                    "Visit WWW.Shop.Com.Then pay.", "Or (Www.Bank.Org.Now) wait.");
  /* no URL: two sentences glued at the period */
  EXPECT_SENTENCES ("It was new.Then it was old.", "It was new.", "Then it was old.");
}

static void
test_segment_acronyms_in_capitals_are_words (void **state)
{
  (void) state;
  /* Spelled like "Ms." and "Sec.", but an acronym ends a sentence. */
  EXPECT_SENTENCES ("It helps patients with MS. Final approval is near.",
                    "It helps patients with MS.", "Final approval is near.");
  EXPECT_SENTENCES ("He was charged by the SEC. \"Companies cannot bribe,\" he said.",
                    "He was charged by the SEC.", "\"Companies cannot bribe,\" he said.");
}

static void
test_segment_detached_quotes (void **state)
{
  (void) state;
  EXPECT_SENTENCES ("\"It is a great end to a great year. \" Hayes said so.",
                    "\"It is a great end to a great year. \"", "Hayes said so.");
  EXPECT_SENTENCES ("It was great. \" she said.", "It was great. \" she said.");
  /* Tokenised text: an opening quotation mark standing alone. */
  EXPECT_SENTENCES ("He said: ‘ people are angry. ‘ nobody wants litter. ’ Laws exist.",
                    "He said: ‘ people are angry.", "‘ nobody wants litter. ’",
                    "Laws exist.");
}

static void
test_segment_run_on_list_items (void **state)
{
  (void) state;
  EXPECT_SENTENCES ("They won at this stage. - While Blackburn rested, Burnley played.",
                    "They won at this stage.", "- While Blackburn rested, Burnley played.");
  EXPECT_SENTENCES ("The score was 3 - 1 at half time.", "The score was 3 - 1 at half time.");
}

static void
test_segment_double_punctuation (void **state)
{
  (void) state;
  EXPECT_SENTENCES ("Hello!! Long time. Hello?! Is that you?", "Hello!!", "Long time.",
                    "Hello?!", "Is that you?");
}

static void
test_segment_lower_case_abbreviations (void **state)
{
  (void) state;
  EXPECT_SENTENCES ("See p. 55 and pp. 10-12 of vol. 3 for the data.",
                    "See p. 55 and pp. 10-12 of vol. 3 for the data.");
  EXPECT_SENTENCES ("Ask Jane and co. at the office.", "Ask Jane and co. at the office.");
}

static void
test_segment_headings_and_lists_are_lines (void **state)
{
  (void) state;
  EXPECT_SENTENCES ("Markets rally\nStocks rose on Monday. Bonds fell.", "Markets rally",
                    "Stocks rose on Monday.", "Bonds fell.");
  EXPECT_SENTENCES ("Key points:\n- Prices rose\n- Wages fell\n* Rents held", "Key points:",
                    "- Prices rose", "- Wages fell", "* Rents held");
  EXPECT_SENTENCES ("What we know\n1. The storm hit at dawn\n2. Two bridges closed",
                    "What we know", "1. The storm hit at dawn", "2. Two bridges closed");

  const char *text = "By Jane Doe\nThe storm hit. It was bad.\nMore to come";
  GArray *spans = segment (text, 0, (uint32_t) strlen (text));
  assert_int_equal (spans->len, 4);
  assert_int_equal (g_array_index (spans, abr_span, 0).flags, ABR_SPAN_LINE);
  assert_int_equal (g_array_index (spans, abr_span, 1).flags, 0);
  assert_int_equal (g_array_index (spans, abr_span, 2).flags, 0);
  assert_int_equal (g_array_index (spans, abr_span, 3).flags, ABR_SPAN_LINE);
  g_array_free (spans, TRUE);
}

static void
test_segment_hard_wrapped_lines_join (void **state)
{
  (void) state;
  EXPECT_SENTENCES ("The central bank said on Tuesday that it would keep\n"
                    "Interest rates unchanged for the rest of the year, citing\n"
                    "weak growth. Markets barely moved.",
                    "The central bank said on Tuesday that it would keep Interest rates unchanged "
                    "for the rest of the year, citing weak growth.",
                    "Markets barely moved.");
  EXPECT_SENTENCES ("Officials in the capital said,\nMonday, that talks\r\nwould resume.",
                    "Officials in the capital said, Monday, that talks would resume.");
  EXPECT_SENTENCES ("He thanked Dr.\nSmith. Then he left.", "He thanked Dr. Smith.",
                    "Then he left.");
  /* Stray spaces at the end of a short line do not make it wrapped text. */
  EXPECT_SENTENCES ("Markets rally \r\nStocks rose.", "Markets rally", "Stocks rose.");
  EXPECT_SENTENCES ("Bullet points\r\n• First point\r\n• Second point.", "Bullet points",
                    "• First point", "• Second point.");
}

static void
test_segment_spans_are_absolute_and_bounded (void **state)
{
  (void) state;
  /* The paragraph is the middle of a larger buffer: spans are offsets into
   * the whole buffer and never reach outside the paragraph. */
  const char *text = "Before. \n  Hello world.  Bye now!  \n\nAfter.";
  uint32_t start = 8, end = 35;
  GArray *spans = segment (text, start, end);
  assert_int_equal (spans->len, 2);
  abr_span a = g_array_index (spans, abr_span, 0);
  abr_span b = g_array_index (spans, abr_span, 1);
  assert_int_equal (a.start, 11);
  assert_int_equal (a.end, 23);
  assert_int_equal (b.start, 25);
  assert_int_equal (b.end, 33);
  g_array_free (spans, TRUE);

  /* Cutting a sentence short reads nothing past END. */
  spans = segment ("Hello world. Bye", 0, 11);
  assert_int_equal (spans->len, 1);
  assert_int_equal (g_array_index (spans, abr_span, 0).end, 11);
  g_array_free (spans, TRUE);
}

static void
test_segment_white_space_only_gives_nothing (void **state)
{
  (void) state;
  const char *text = " \t\r\n \xc2\xa0 ";
  GArray *spans = segment (text, 0, (uint32_t) strlen (text));
  assert_int_equal (spans->len, 0);
  abr_segment_paragraph (text, 3, 3, spans);
  assert_int_equal (spans->len, 0);
  g_array_free (spans, TRUE);
}

static void
test_segment_hostile_input_is_linear (void **state)
{
  (void) state;
  const size_t n = 4 * 1024 * 1024;
  char *text = g_malloc (n + 1);

  /* One long word, then one long sentence of words: one span each. */
  memset (text, 'a', n);
  text[n] = '\0';
  GArray *spans = segment (text, 0, (uint32_t) n);
  assert_int_equal (spans->len, 1);
  g_array_set_size (spans, 0);
  for (size_t i = 3; i < n; i += 4)
    text[i] = ' ';
  abr_segment_paragraph (text, 0, (uint32_t) n, spans);
  assert_int_equal (spans->len, 1);
  g_array_set_size (spans, 0);

  /* Quotes, periods, spaced periods and list markers by the million. */
  const char *patterns[] = { "\"", ". ", "'.'", "1) ", "a.B", "\xe2\x80\xa6", "\n-" };
  for (size_t k = 0; k < G_N_ELEMENTS (patterns); k++)
    {
      size_t len = strlen (patterns[k]);
      for (size_t i = 0; i < n; i++)
        text[i] = patterns[k][i % len];
      gint64 t0 = g_get_monotonic_time ();
      abr_segment_paragraph (text, 0, (uint32_t) n, spans);
      gint64 elapsed = g_get_monotonic_time () - t0;
      for (guint i = 0; i < spans->len; i++)
        {
          const abr_span *span = &g_array_index (spans, abr_span, i);
          assert_true (span->start < span->end && span->end <= n);
        }
      /* Generous: a quadratic scan would take hours, not seconds. */
      assert_true (elapsed < 30 * G_USEC_PER_SEC);
      g_array_set_size (spans, 0);
    }
  g_array_free (spans, TRUE);
  g_free (text);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_segment_golden_rules),
    cmocka_unit_test (test_segment_golden_rules_count),
    cmocka_unit_test (test_segment_abbreviations_do_not_end_sentences),
    cmocka_unit_test (test_segment_abbreviations_end_sentences_before_openers),
    cmocka_unit_test (test_segment_initials),
    cmocka_unit_test (test_segment_numbers_and_money),
    cmocka_unit_test (test_segment_ellipses),
    cmocka_unit_test (test_segment_quotes),
    cmocka_unit_test (test_segment_closing_brackets),
    cmocka_unit_test (test_segment_urls_and_email),
    cmocka_unit_test (test_segment_acronyms_in_capitals_are_words),
    cmocka_unit_test (test_segment_detached_quotes),
    cmocka_unit_test (test_segment_run_on_list_items),
    cmocka_unit_test (test_segment_double_punctuation),
    cmocka_unit_test (test_segment_lower_case_abbreviations),
    cmocka_unit_test (test_segment_headings_and_lists_are_lines),
    cmocka_unit_test (test_segment_hard_wrapped_lines_join),
    cmocka_unit_test (test_segment_spans_are_absolute_and_bounded),
    cmocka_unit_test (test_segment_white_space_only_gives_nothing),
    cmocka_unit_test (test_segment_hostile_input_is_linear),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
