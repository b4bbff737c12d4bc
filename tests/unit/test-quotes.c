/* Unit tests of text/quotes/marks.c: where direct quotations start and end,
 * and what is only an apostrophe. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <glib.h>

#include "text/quotes/marks.h"

/* ---- helpers ------------------------------------------------------------- */

/* Paragraphs as the document finds them: runs of non-blank lines, trimmed. */
static GArray *
paragraphs_of (const char *text)
{
  GArray *paras = g_array_new (FALSE, FALSE, sizeof (uint32_t));
  gsize len = strlen (text), p = 0;
  gboolean in_para = FALSE;
  uint32_t pstart = 0, pend = 0;
  while (p <= len)
    {
      const char *nl = memchr (text + p, '\n', len - p);
      gsize eol = nl != NULL ? (gsize) (nl - text) : len;
      gsize a = p, b = eol;
      while (a < b && text[a] == ' ')
        a++;
      while (b > a && text[b - 1] == ' ')
        b--;
      if (a == b)
        {
          if (in_para)
            {
              g_array_append_val (paras, pstart);
              g_array_append_val (paras, pend);
            }
          in_para = FALSE;
        }
      else
        {
          if (!in_para)
            pstart = (uint32_t) a;
          in_para = TRUE;
          pend = (uint32_t) b;
        }
      p = eol + 1;
    }
  if (in_para)
    {
      g_array_append_val (paras, pstart);
      g_array_append_val (paras, pend);
    }
  return paras;
}

static GArray *
find_quotes (const char *text)
{
  GArray *paras = paragraphs_of (text);
  GArray *quotes = g_array_new (FALSE, FALSE, sizeof (abr_quote_mark));
  abr_quote_marks_find (text, strlen (text), paras, NULL, 0, "en", quotes);
  g_array_unref (paras);
  return quotes;
}

/* Byte offset of the first occurrence of NEEDLE in TEXT at or after FROM. */
static uint32_t
offset_of (const char *text, const char *needle, uint32_t from)
{
  const char *hit = strstr (text + from, needle);
  if (hit == NULL)
    fail_msg ("\"%s\" not found in the test text", needle);
  return (uint32_t) (hit - text);
}

/* Asserts that quote I of QUOTES reads exactly EXPECTED in TEXT. */
static void
assert_quote_is (const char *text, GArray *quotes, guint i, const char *expected)
{
  if (i >= quotes->len)
    fail_msg ("quote %u expected (\"%s\"), only %u found", i, expected, quotes->len);
  const abr_quote_mark *q = &g_array_index (quotes, abr_quote_mark, i);
  gsize n = strlen (expected);
  if (q->end < q->start || q->end - q->start != n || strncmp (text + q->start, expected, n) != 0)
    fail_msg ("quote %u is [%u, %u) \"%.*s\", expected \"%s\"", i, q->start, q->end,
              (int) (q->end >= q->start ? q->end - q->start : 0), text + q->start, expected);
}

static void
assert_no_quotes (const char *text)
{
  GArray *quotes = find_quotes (text);
  if (quotes->len > 0)
    {
      const abr_quote_mark *q = &g_array_index (quotes, abr_quote_mark, 0);
      fail_msg ("%u quote(s) found in \"%s\", first \"%.*s\"", quotes->len, text,
                (int) (q->end - q->start), text + q->start);
    }
  g_array_unref (quotes);
}

/* ---- double quotes --------------------------------------------------------- */

static void
test_quotes_curly_double_quote_spans_its_marks (void **state)
{
  (void) state;
  const char *text = "The mayor promised “a new bridge by the spring” on Monday.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "“a new bridge by the spring”");
  assert_int_equal (g_array_index (quotes, abr_quote_mark, 0).start, offset_of (text, "“", 0));
  g_array_unref (quotes);
}

static void
test_quotes_straight_double_quote_spans_its_marks (void **state)
{
  (void) state;
  const char *text = "\"We will rebuild it,\" the mayor said, \"and soon.\"";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 2);
  assert_quote_is (text, quotes, 0, "\"We will rebuild it,\"");
  assert_quote_is (text, quotes, 1, "\"and soon.\"");
  g_array_unref (quotes);
}

static void
test_quotes_guillemets_are_quotes (void **state)
{
  (void) state;
  const char *text = "Le maire a dit «nous allons reconstruire le pont» lundi.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "«nous allons reconstruire le pont»");
  g_array_unref (quotes);
}

static void
test_quotes_quote_spanning_two_sentences_is_one (void **state)
{
  (void) state;
  const char *text = "“We are ready. We will not back down,” the union leader said.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "“We are ready. We will not back down,”");
  g_array_unref (quotes);
}

/* ---- single quotes and apostrophes ------------------------------------------ */

static void
test_quotes_british_single_quote_keeps_inner_apostrophe (void **state)
{
  (void) state;
  const char *text = "‘We can’t wait,’ she said.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "‘We can’t wait,’");
  g_array_unref (quotes);
}

static void
test_quotes_straight_single_quote_is_a_quote (void **state)
{
  (void) state;
  const char *text = "The minister would 'look at it again next week', an aide said.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "'look at it again next week'");
  g_array_unref (quotes);
}

static void
test_quotes_curly_apostrophes_alone_are_no_quote (void **state)
{
  (void) state;
  assert_no_quotes ("It’s late.");
  assert_no_quotes ("The ministers’ meeting ran late.");
  assert_no_quotes ("Bands of the ’90s played here.");
  assert_no_quotes ("They played rock ’n’ roll all night.");
  assert_no_quotes ("It’s the ministers’ meeting, with bands of the ’90s playing rock ’n’ roll.");
}

static void
test_quotes_straight_apostrophes_alone_are_no_quote (void **state)
{
  (void) state;
  assert_no_quotes ("It's late.");
  assert_no_quotes ("The ministers' meeting ran late.");
  assert_no_quotes ("They played rock 'n' roll all night.");
  assert_no_quotes ("Bands of the '90s played here.");
  assert_no_quotes ("It's the ministers' meeting, with bands of the '90s playing rock 'n' roll.");
}

static void
test_quotes_rock_n_roll_inside_a_quote_does_not_close_it (void **state)
{
  (void) state;
  const char *text = "‘We’ve had rock ’n’ roll on this stage since 1958,’ he said.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "‘We’ve had rock ’n’ roll on this stage since 1958,’");
  g_array_unref (quotes);
}

/* One word in single marks is a span: whether it is a quotation ("she
 * called it ‘unworkable’") or a scare quote is for attribution to say. */
static void
test_quotes_single_word_in_single_marks_is_a_span (void **state)
{
  (void) state;
  const char *text = "The so-called ‘reform’ was dropped.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "‘reform’");
  assert_int_equal (g_array_index (quotes, abr_quote_mark, 0).flags, ABR_QMARK_SINGLE);
  g_array_unref (quotes);
}

/* ---- the marks of other copy ------------------------------------------------ */

static void
test_quotes_two_apostrophes_are_a_double_mark (void **state)
{
  (void) state;
  const char *text = "''We wanted a fresh start,'' said chairman Ray Tully.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "''We wanted a fresh start,''");
  g_array_unref (quotes);
}

/* CNN/DailyMail's tokenised copy: single marks stand apart from the words. */
static void
test_quotes_spaced_single_marks_pair_up (void **state)
{
  (void) state;
  const char *text = "the council changed the ' requirements ' for new homes . ' the crocodile "
                     "kept the dog in its mouth for ages, not moving at all ' , said joe bloggs .";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 2);
  assert_quote_is (text, quotes, 0, "' requirements '");
  assert_quote_is (text, quotes, 1,
                   "' the crocodile kept the dog in its mouth for ages, not moving at all '");
  g_array_unref (quotes);
}

/* … and so do its apostrophes: "england ’ s", "do n't", a plural's "fans '". */
static void
test_quotes_spaced_apostrophes_are_no_marks (void **state)
{
  (void) state;
  const char *text = "' england ’ s fans do n't travel well , ' he said . the lawyers ' association "
                     "met . ' we will appeal , ' it said .";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 2);
  assert_quote_is (text, quotes, 0, "' england ’ s fans do n't travel well , '");
  assert_quote_is (text, quotes, 1, "' we will appeal , '");
  g_array_unref (quotes);
}

/* … but a plural before a quoted word is no possessive: "told crews '
 * someone ' had …" quotes "someone", and the marks after it pair up. */
static void
test_quotes_spaced_mark_after_a_plural_may_open (void **state)
{
  (void) state;
  const char *text = "a caller told crews ' someone ' had been run down , only for the ' victim ' "
                     "to turn out to be a squirrel . the lawyers ' association said ' we will "
                     "appeal ' .";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 3);
  assert_quote_is (text, quotes, 0, "' someone '");
  assert_quote_is (text, quotes, 1, "' victim '");
  assert_quote_is (text, quotes, 2, "' we will appeal '");
  g_array_unref (quotes);
}

static void
test_quotes_apostrophes_of_every_kind_are_no_quote (void **state)
{
  (void) state;
  assert_no_quotes ("Ant 'n' Dec host the show tonight.");
  assert_no_quotes ("DO N'T miss the 8 o'clock show, said Jones' agent.");
  assert_no_quotes ("Bands of the '90s and rock 'n' roll.");
}

static void
test_quotes_double_marks_nest_in_single_ones (void **state)
{
  (void) state;
  const char *text = "‘He told me “no” twice, and then he left,’ she said.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "‘He told me “no” twice, and then he left,’");
  g_array_unref (quotes);
}

static void
test_quotes_single_marks_continue_over_paragraphs (void **state)
{
  (void) state;
  const char *text = "‘This bridge joins two halves of one city.\n\n‘It took ten years,’ he said.\n";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0,
                   "‘This bridge joins two halves of one city.\n\n‘It took ten years,’");
  g_array_unref (quotes);
}

/* Copy that lost its paragraph breaks keeps the mark that reopened a
 * quotation between two of its sentences: no narration follows it, so it
 * does not close the quotation. */
static void
test_quotes_reopening_mark_inside_one_paragraph (void **state)
{
  (void) state;
  const char *text = "karen todner said : ' the appeal court agreed . ' i am confident the "
                     "warrant will go . ' ms todner said she was waiting for the papers .";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0,
                   "' the appeal court agreed . ' i am confident the warrant will go . '");
  g_array_unref (quotes);
  /* narration between the marks: they close and open */
  text = "she said : ' the appeal court agreed . ' ms todner said she was waiting . ' we wait , ' "
         "she added .";
  quotes = find_quotes (text);
  assert_int_equal (quotes->len, 2);
  assert_quote_is (text, quotes, 0, "' the appeal court agreed . '");
  g_array_unref (quotes);
}

/* A closing mark whose opening one was lost: the quotation starts where
 * its sentence does, when a verb of saying follows; otherwise nothing. */
static void
test_quotes_lost_opening_mark_with_a_verb_of_saying (void **state)
{
  (void) state;
  const char *text = "It came out of the blue,\" he said.";
  GArray *paras = paragraphs_of (text);
  GArray *quotes = g_array_new (FALSE, FALSE, sizeof (abr_quote_mark));
  uint32_t starts[] = { 0 };
  abr_quote_marks_find (text, strlen (text), paras, starts, 1, "en", quotes);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "It came out of the blue,\"");
  assert_int_equal (g_array_index (quotes, abr_quote_mark, 0).flags, ABR_QMARK_ORPHAN);
  g_array_set_size (quotes, 0);
  const char *plain = "The sign said 12\" high.";
  abr_quote_marks_find (plain, strlen (plain), paras, starts, 1, "en", quotes);
  assert_int_equal (quotes->len, 0);
  g_array_unref (quotes);
  g_array_unref (paras);
}

/* ---- paragraphs ------------------------------------------------------------ */

static void
test_quotes_wire_style_quote_spans_paragraphs (void **state)
{
  (void) state;
  const char *text = "“The first part of what I want to say ends here.\n"
                     "\n"
                     "“And the second part closes it,” the minister said.\n";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0,
                   "“The first part of what I want to say ends here.\n\n"
                   "“And the second part closes it,”");
  g_array_unref (quotes);
}

static void
test_quotes_wire_style_straight_quote_spans_paragraphs (void **state)
{
  (void) state;
  const char *text = "He said: \"We waited for eight months.\n"
                     "\n"
                     "\"We cannot wait any longer.\"\n"
                     "\n"
                     "Talks resume on Friday.\n";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0,
                   "\"We waited for eight months.\n\n\"We cannot wait any longer.\"");
  g_array_unref (quotes);
}

static void
test_quotes_unbalanced_quote_ends_with_its_paragraph (void **state)
{
  (void) state;
  const char *text = "The mayor said “we will never agree to this.\n"
                     "\n"
                     "Talks resumed on Monday.\n";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "“we will never agree to this.");
  g_array_unref (quotes);
}

static void
test_quotes_quote_after_unbalanced_paragraph_is_found (void **state)
{
  (void) state;
  const char *text = "She said “it is over.\n"
                     "\n"
                     "Later he said “not yet” to reporters.\n";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 2);
  assert_quote_is (text, quotes, 0, "“it is over.");
  assert_quote_is (text, quotes, 1, "“not yet”");
  g_array_unref (quotes);
}

/* ---- nesting and scale ------------------------------------------------------ */

static void
test_quotes_nested_single_quote_stays_inside_outer_quote (void **state)
{
  (void) state;
  const char *text = "“They told us ‘the port is closed’ at dawn,” a driver said.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "“They told us ‘the port is closed’ at dawn,”");
  g_array_unref (quotes);
}

static void
test_quotes_doubly_nested_quote_reports_outermost_span (void **state)
{
  (void) state;
  /* A quote quoting someone quoting a word: only the outermost is reported. */
  const char *text = "“He wrote ‘they said “no” twice’ and left,” she said.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "“He wrote ‘they said “no” twice’ and left,”");
  g_array_unref (quotes);
}

/* The Daily Mail's mixed marks: a quotation opened by ‘ and closed by a
 * straight mark before the reporter's next sentence. */
static void
test_quotes_curly_opening_closed_by_straight_mark (void **state)
{
  (void) state;
  const char *text = "The baker, 41, said: ‘ we smelled smoke before midnight. It was very strange. ' "
                     "His neighbour added: ‘ the lights went out twice that week. ’ Police came.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 2);
  assert_quote_is (text, quotes, 0, "‘ we smelled smoke before midnight. It was very strange. '");
  assert_quote_is (text, quotes, 1, "‘ the lights went out twice that week. ’");
  g_array_unref (quotes);
}

/* A nickname's straight marks after a curly quotation do not reopen it. */
static void
test_quotes_nickname_marks_do_not_reopen_a_curly_quote (void **state)
{
  (void) state;
  const char *text = "She said: ‘ the shop has gone quiet. ’ local thief tony ' fingers ' brown, "
                     "who has 12 convictions, said it was a shock.";
  GArray *quotes = find_quotes (text);
  assert_true (quotes->len >= 1);
  assert_quote_is (text, quotes, 0, "‘ the shop has gone quiet. ’");
  g_array_unref (quotes);
}

/* ". ' Mr jones went on to …": the reporter's courtesy title after the
 * mark; the mark closed the quotation rather than reopening it. */
static void
test_quotes_courtesy_title_after_the_mark_is_narration (void **state)
{
  (void) state;
  const char *text = "He said: ' the road was closed all week. ' Mr jones went on to blame a "
                     "' big job ' done at night.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 2);
  assert_quote_is (text, quotes, 0, "' the road was closed all week. '");
  assert_quote_is (text, quotes, 1, "' big job '");
  g_array_unref (quotes);
}

/* ". ' In response to … ' drilling ' noises": the next mark opens a word
 * or two of its own, so the mark after the sentence closed the quotation
 * and the text up to the short one is narration. */
static void
test_quotes_short_quotation_after_the_mark_is_narration (void **state)
{
  (void) state;
  const char *text = "He added: ' we are now investigating the call. ' In response to whether "
                     "officers had heard the ' drilling ' noises, a spokesman declined to comment.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 2);
  assert_quote_is (text, quotes, 0, "' we are now investigating the call. '");
  assert_quote_is (text, quotes, 1, "' drilling '");
  g_array_unref (quotes);
}

/* The sentence after the mark speaks in the first person: the speaker's
 * own words, so the mark reopened the quotation even where a courtesy
 * title or a verb of saying follows. "us" is the US in lower-cased copy. */
static void
test_quotes_first_person_after_the_mark_reopens (void **state)
{
  (void) state;
  const char *text = "He said: ' the talks went well. ' Mr smith and i agreed on every point, "
                     "and we will meet again. ' Officials said no date was set.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0,
                   "' the talks went well. ' Mr smith and i agreed on every point, and we will "
                   "meet again. '");
  g_array_unref (quotes);
  text = "He said: ' the talks went well. ' Mr smith flew to the us on monday. ' We will see , ' "
         "he said.";
  quotes = find_quotes (text);
  assert_int_equal (quotes->len, 2);
  assert_quote_is (text, quotes, 0, "' the talks went well. '");
  g_array_unref (quotes);
}

/* A spaced mark after a sentence, no quotation open, before the reporter
 * telling what someone said ("he admits that …", "mr bianchi also
 * denied"): the closing mark of a quotation that lost its opening one,
 * so it opens nothing; but after "… she said." it opens her next words. */
static void
test_quotes_stray_mark_before_reported_speech_opens_nothing (void **state)
{
  (void) state;
  const char *text = "Her husband adds: if that's what she wants i'll support her. ' But after the "
                     "treatment, he admits that he can't tell the difference. ' I'm not very "
                     "observant, ' he said.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "' I'm not very observant, '");
  g_array_unref (quotes);
  /* "mr bianchi also denied": a name and an adverb before the verb */
  text = "The sentence had expired. ' Mr bianchi also denied that the hearing had been ' useless ' "
         "in any way.";
  quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "' useless '");
  g_array_unref (quotes);
  /* after "… she said." the mark opens her next words, whoever they cite */
  text = "The talks ended. ' It is a narrow dispute, ' she said. ' As lord woolf also acknowledged, "
         "it is unlikely. ' Judges are free to decide.";
  quotes = find_quotes (text);
  assert_int_equal (quotes->len, 2);
  assert_quote_is (text, quotes, 1, "' As lord woolf also acknowledged, it is unlikely. '");
  g_array_unref (quotes);
  /* the speaker's own "he told me" is no report */
  text = "The talks ended. ' I asked him twice and he told me no. ' Officials said little.";
  quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "' I asked him twice and he told me no. '");
  g_array_unref (quotes);
}

/* A colon or a stop word right before the next mark introduces the
 * quotation that mark opens, so the text before it is narration: the mark after the sentence
 * closes the quotation before, or opens nothing when none is open. */
static void
test_quotes_colon_before_the_next_mark_is_narration (void **state)
{
  (void) state;
  const char *text = "He said: ' the talks went well. ' His message to voters: ' we will return. '";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 2);
  assert_quote_is (text, quotes, 0, "' the talks went well. '");
  assert_quote_is (text, quotes, 1, "' we will return. '");
  g_array_unref (quotes);
  /* so does a stop word: no quotation ends on "the" */
  text = "He said: ' the talks went well. ' Critics see him as the ' greatest icon of a generation "
         "gone by ' today.";
  quotes = find_quotes (text);
  assert_int_equal (quotes->len, 2);
  assert_quote_is (text, quotes, 0, "' the talks went well. '");
  assert_quote_is (text, quotes, 1, "' greatest icon of a generation gone by '");
  g_array_unref (quotes);
  text = "' It was like an egg hunt, ' he added. ' Jose rosas, who was at the scene, told wfaa: ' "
         "we are trying to make a dollar. ' He left.";
  quotes = find_quotes (text);
  assert_int_equal (quotes->len, 2);
  assert_quote_is (text, quotes, 1, "' we are trying to make a dollar. '");
  g_array_unref (quotes);
}

/* A straight mark glued to the word before it ("reporters' questions",
 * "blazin' squad") is a possessive or a dropped letter in copy whose
 * marks stand apart, so it is not the next mark that would close a
 * reopened quotation. */
static void
test_quotes_plural_possessive_is_no_next_mark (void **state)
{
  (void) state;
  const char *text = "Mr brown told reporters: ' of course i trust the prime minister. ' Downing "
                     "street cited that comment when reporters' questions turned to the book. Mr "
                     "blair was in london with blazin' squad.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 1);
  assert_quote_is (text, quotes, 0, "' of course i trust the prime minister. '");
  g_array_unref (quotes);
}

/* A spaced mark before an editor's bracket or a currency sign opens a
 * quotation ("' [Oil prices] will weigh …"); skipped, its closing mark
 * would open the narration after it. */
static void
test_quotes_spaced_mark_before_a_bracket_opens (void **state)
{
  (void) state;
  const char *text = "The minister warned of the risks. ' [Oil prices] will weigh on spending, ' he "
                     "said. World oil prices have risen since january. ' £5m is too much, ' she said.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 2);
  assert_quote_is (text, quotes, 0, "' [Oil prices] will weigh on spending, '");
  assert_quote_is (text, quotes, 1, "' £5m is too much, '");
  g_array_unref (quotes);
}

/* Inside a spaced quotation, a mark glued after punctuation closes a
 * nested one when a spaced mark follows it ("'aren't we clever?' '"):
 * the spaced mark closes the outer quotation. */
static void
test_quotes_nested_close_before_a_spaced_mark (void **state)
{
  (void) state;
  const char *text = "He mocked quiz shows. ' It's just laughing and thinking, 'aren't we clever?' ' "
                     "said the comedian. Corbett is the latest star to bemoan the ' dumbing down ' of tv.";
  GArray *quotes = find_quotes (text);
  assert_int_equal (quotes->len, 2);
  assert_quote_is (text, quotes, 0,
                   "' It's just laughing and thinking, 'aren't we clever?' '");
  assert_quote_is (text, quotes, 1, "' dumbing down '");
  g_array_unref (quotes);
}

/* 100,000 quotation marks in 25,000 quotes, each holding a nested single
 * quote: every outer quote is found with its exact span, in linear time. */
static void
test_quotes_many_marks_finish_quickly_and_correctly (void **state)
{
  (void) state;
  const char *unit = "“‘a b’ c” ";
  const gsize n_units = 25000;
  GString *text = g_string_sized_new (n_units * strlen (unit));
  for (gsize i = 0; i < n_units; i++)
    g_string_append (text, unit);

  gint64 t0 = g_get_monotonic_time ();
  GArray *quotes = find_quotes (text->str);
  gint64 elapsed = g_get_monotonic_time () - t0;

  assert_int_equal (quotes->len, n_units);
  gsize unit_len = strlen (unit), quote_len = strlen ("“‘a b’ c”");
  for (gsize i = 0; i < n_units; i++)
    {
      const abr_quote_mark *q = &g_array_index (quotes, abr_quote_mark, i);
      if (q->start != i * unit_len || q->end != i * unit_len + quote_len)
        fail_msg ("quote %" G_GSIZE_FORMAT " is [%u, %u), expected [%" G_GSIZE_FORMAT
                  ", %" G_GSIZE_FORMAT ")", i, q->start, q->end, i * unit_len,
                  i * unit_len + quote_len);
    }
  /* Linear work on ~300 KB takes milliseconds; a quadratic scan takes minutes. */
  if (elapsed > 5 * G_USEC_PER_SEC)
    fail_msg ("100,000 quotation marks took %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_array_unref (quotes);
  g_string_free (text, TRUE);
}

/* 100,000 marks nested alternately 50,000 deep (“‘“‘ … ’”’”): one quote,
 * the outermost, over all of it; quickly, and without deep recursion. */
static void
test_quotes_deeply_nested_marks_give_one_outermost_quote (void **state)
{
  (void) state;
  const gsize depth = 50000;
  GString *text = g_string_sized_new (depth * 6 + 64);
  g_string_append (text, "Then ");
  gsize open_at = text->len;
  for (gsize i = 0; i < depth; i++)
    g_string_append (text, i % 2 == 0 ? "“" : "‘");
  g_string_append (text, "deep words");
  for (gsize i = depth; i > 0; i--)
    g_string_append (text, (i - 1) % 2 == 0 ? "”" : "’");
  gsize close_at = text->len;
  g_string_append (text, " ended.");

  gint64 t0 = g_get_monotonic_time ();
  GArray *quotes = find_quotes (text->str);
  gint64 elapsed = g_get_monotonic_time () - t0;

  if (elapsed > 5 * G_USEC_PER_SEC)
    fail_msg ("100,000 nested quotation marks took %" G_GINT64_FORMAT " ms", elapsed / 1000);
  assert_int_equal (quotes->len, 1);
  const abr_quote_mark *q = &g_array_index (quotes, abr_quote_mark, 0);
  assert_int_equal (q->start, open_at);
  if (q->end != close_at)
    fail_msg ("the outermost quote ends at byte %u, expected %" G_GSIZE_FORMAT
              " (after the last closing mark)", q->end, close_at);
  g_array_unref (quotes);
  g_string_free (text, TRUE);
}

/* Alternating open and close marks with no text at all: no crash, spans in
 * order and inside the text. */
static void
test_quotes_runs_of_bare_marks_stay_in_bounds (void **state)
{
  (void) state;
  GString *text = g_string_new (NULL);
  const char *marks[] = { "“", "”", "\"", "‘", "’", "'", "«", "»" };
  for (gsize i = 0; i < 100000; i++)
    g_string_append (text, marks[(i * 7 + i / 3) % G_N_ELEMENTS (marks)]);
  GArray *quotes = find_quotes (text->str);
  uint32_t last_end = 0;
  for (guint i = 0; i < quotes->len; i++)
    {
      const abr_quote_mark *q = &g_array_index (quotes, abr_quote_mark, i);
      assert_true (q->start >= last_end);
      assert_true (q->start < q->end);
      assert_true (q->end <= text->len);
      last_end = q->end;
    }
  g_array_unref (quotes);
  g_string_free (text, TRUE);
}

static void
test_quotes_text_without_marks_has_no_quotes (void **state)
{
  (void) state;
  assert_no_quotes ("The port reopened on Friday after a two-day strike.");
  assert_no_quotes ("");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_quotes_curly_double_quote_spans_its_marks),
    cmocka_unit_test (test_quotes_straight_double_quote_spans_its_marks),
    cmocka_unit_test (test_quotes_guillemets_are_quotes),
    cmocka_unit_test (test_quotes_quote_spanning_two_sentences_is_one),
    cmocka_unit_test (test_quotes_british_single_quote_keeps_inner_apostrophe),
    cmocka_unit_test (test_quotes_straight_single_quote_is_a_quote),
    cmocka_unit_test (test_quotes_curly_apostrophes_alone_are_no_quote),
    cmocka_unit_test (test_quotes_straight_apostrophes_alone_are_no_quote),
    cmocka_unit_test (test_quotes_rock_n_roll_inside_a_quote_does_not_close_it),
    cmocka_unit_test (test_quotes_single_word_in_single_marks_is_a_span),
    cmocka_unit_test (test_quotes_two_apostrophes_are_a_double_mark),
    cmocka_unit_test (test_quotes_spaced_single_marks_pair_up),
    cmocka_unit_test (test_quotes_spaced_apostrophes_are_no_marks),
    cmocka_unit_test (test_quotes_spaced_mark_after_a_plural_may_open),
    cmocka_unit_test (test_quotes_apostrophes_of_every_kind_are_no_quote),
    cmocka_unit_test (test_quotes_double_marks_nest_in_single_ones),
    cmocka_unit_test (test_quotes_single_marks_continue_over_paragraphs),
    cmocka_unit_test (test_quotes_reopening_mark_inside_one_paragraph),
    cmocka_unit_test (test_quotes_lost_opening_mark_with_a_verb_of_saying),
    cmocka_unit_test (test_quotes_wire_style_quote_spans_paragraphs),
    cmocka_unit_test (test_quotes_wire_style_straight_quote_spans_paragraphs),
    cmocka_unit_test (test_quotes_unbalanced_quote_ends_with_its_paragraph),
    cmocka_unit_test (test_quotes_quote_after_unbalanced_paragraph_is_found),
    cmocka_unit_test (test_quotes_nested_single_quote_stays_inside_outer_quote),
    cmocka_unit_test (test_quotes_doubly_nested_quote_reports_outermost_span),
    cmocka_unit_test (test_quotes_many_marks_finish_quickly_and_correctly),
    cmocka_unit_test (test_quotes_deeply_nested_marks_give_one_outermost_quote),
    cmocka_unit_test (test_quotes_runs_of_bare_marks_stay_in_bounds),
    cmocka_unit_test (test_quotes_text_without_marks_has_no_quotes),
    cmocka_unit_test (test_quotes_curly_opening_closed_by_straight_mark),
    cmocka_unit_test (test_quotes_nickname_marks_do_not_reopen_a_curly_quote),
    cmocka_unit_test (test_quotes_short_quotation_after_the_mark_is_narration),
    cmocka_unit_test (test_quotes_first_person_after_the_mark_reopens),
    cmocka_unit_test (test_quotes_stray_mark_before_reported_speech_opens_nothing),
    cmocka_unit_test (test_quotes_colon_before_the_next_mark_is_narration),
    cmocka_unit_test (test_quotes_plural_possessive_is_no_next_mark),
    cmocka_unit_test (test_quotes_spaced_mark_before_a_bracket_opens),
    cmocka_unit_test (test_quotes_nested_close_before_a_spaced_mark),
    cmocka_unit_test (test_quotes_courtesy_title_after_the_mark_is_narration),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
