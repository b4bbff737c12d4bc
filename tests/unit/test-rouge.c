/* ROUGE scores and Porter stems agree with rouge_score (use_stemmer=True). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <string.h>

#include "eval/porter.h"
#include <abridge/eval.h>

#define EPS 1e-4

static abridge_rouge_scores
score (const char *reference, const char *prediction)
{
  abridge_rouge *r = abridge_rouge_new ();
  abridge_rouge_scores s;
  memset (&s, 0xff, sizeof s);
  abridge_rouge_score (r, reference, prediction, &s);
  abridge_rouge_free (r);
  return s;
}

static void
assert_scores (abridge_rouge_scores s, double r1, double r2, double rl, double rlsum)
{
  assert_float_equal (s.rouge1, r1, EPS);
  assert_float_equal (s.rouge2, r2, EPS);
  assert_float_equal (s.rougeL, rl, EPS);
  assert_float_equal (s.rougeLsum, rlsum, EPS);
}

static void
assert_stem (const char *word, const char *expected)
{
  char *stem = abr_porter_stem (word, strlen (word));
  assert_string_equal (stem, expected);
  g_free (stem);
}

/* Reference: the cat sat on the mat (6 tokens; none is stemmed, all <= 3).
 * Prediction: the cat on the mat (5 tokens).
 * R1: the x2, cat, on, mat all in the reference: 5 hits, P = 5/5, R = 5/6,
 *     F = 2 * 1 * 5/6 / (1 + 5/6) = 10/11.
 * R2: reference bigrams the-cat cat-sat sat-on on-the the-mat (5),
 *     prediction the-cat cat-on on-the the-mat (4): 3 hits, P = 3/4,
 *     R = 3/5, F = 2 * 0.75 * 0.6 / 1.35 = 2/3.
 * RL: LCS "the cat on the mat" = 5, so 10/11 as R1; one line, so Lsum too. */
static void
test_rouge_hand_computed (void **state)
{
  (void) state;
  assert_scores (score ("the cat sat on the mat", "the cat on the mat"), 10.0 / 11, 2.0 / 3,
                 10.0 / 11, 10.0 / 11);
}

/* Same sentences, swapped lines. Tokens: the sun rose bird sang loudli.
 * R1 = 1. R2: 4 of the 5 bigrams survive (not rose-bird / loudli-the): 0.8.
 * RL over the whole text: LCS is one sentence, 3 of 6 tokens: 0.5.
 * Lsum matches each reference line against each prediction line: 6 hits, 1. */
static void
test_rouge_lsum_matches_sentences_in_any_order (void **state)
{
  (void) state;
  assert_scores (score ("The sun rose.\nBirds sang loudly.", "Birds sang loudly.\nThe sun rose."),
                 1.0, 0.8, 0.5, 1.0);
}

/* Lin (2004) 3.2 example, as in rouge_score's tests: union LCS of
 * "w1 w2 w3 w4 w5" with both lines is w1 w2 w3 w5: P = 4/10, R = 4/5,
 * F = 0.64 / 1.2 = 8/15. */
static void
test_rouge_lsum_union_lcs (void **state)
{
  (void) state;
  abridge_rouge_scores s = score ("w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5");
  assert_float_equal (s.rougeLsum, 8.0 / 15, EPS);
  assert_float_equal (s.rouge2, 2.0 / 13, EPS); /* w1-w2 of 4 and 9 bigrams */
}

/* A prediction token is a hit once even when several reference lines' LCS
 * use it: "the cat" against two lines "the cat" gives 2 hits, not 4, so
 * P = 2/2, R = 2/4, F = 2/3 (and never P > 1). */
static void
test_rouge_lsum_clips_hits (void **state)
{
  (void) state;
  abridge_rouge_scores s = score ("the cat\nthe cat", "the cat");
  assert_float_equal (s.rougeLsum, 2.0 / 3, EPS);
  assert_float_equal (s.rouge1, 2.0 / 3, EPS);
}

static void
test_rouge_stems_like_nltk (void **state)
{
  (void) state;
  assert_stem ("running", "run");
  assert_stem ("generalization", "gener");
  assert_stem ("skies", "sky");     /* irregular form */
  assert_stem ("dying", "die");     /* irregular form */
  assert_stem ("happiness", "happi");
  assert_stem ("ponies", "poni");
  assert_stem ("ties", "tie");      /* nltk: four-letter -ies */
  assert_stem ("cried", "cri");
  assert_stem ("tied", "tie");
  assert_stem ("caresses", "caress");
  assert_stem ("hopping", "hop");
  assert_stem ("falling", "fall");  /* double l is kept */
  assert_stem ("filing", "file");
  assert_stem ("agreed", "agre");
  assert_stem ("feed", "feed");
  assert_stem ("conditional", "condit");
  assert_stem ("electricity", "electr");
  assert_stem ("analogies", "analog");
  assert_stem ("yearly", "yearli");
  assert_stem ("news", "news");
  assert_stem ("yyyy", "yyyi");     /* runs of y: consonant, vowel, ... */
  assert_stem ("by", "by");         /* two letters: unchanged */
  /* LEN, not the NUL, bounds the word */
  char *stem = abr_porter_stem ("hoped and more", 5);
  assert_string_equal (stem, "hope");
  g_free (stem);
}

/* Tokens longer than three characters are stemmed on both sides.
 * Reference: the runner were run ("were" is its own stem); prediction:
 * a runner run. 2 hits, P = 2/3, R = 2/4, F = (2/3) / (7/6) = 4/7; no
 * bigram is shared. */
static void
test_rouge_stemming_joins_word_forms (void **state)
{
  (void) state;
  assert_scores (score ("The runners were running.", "A runner runs!"), 4.0 / 7, 0.0, 4.0 / 7,
                 4.0 / 7);
}

static void
test_rouge_empty_text_scores_zero (void **state)
{
  (void) state;
  assert_scores (score ("The council met on Monday.", ""), 0, 0, 0, 0);
  assert_scores (score ("", "The council met on Monday."), 0, 0, 0, 0);
  assert_scores (score ("\n\n", "--- !!!\n"), 0, 0, 0, 0);
}

static void
test_rouge_identical_texts_score_one (void **state)
{
  (void) state;
  const char *t = "Voters go to the polls on Sunday.\nTurnout is expected to be high.";
  assert_scores (score (t, t), 1, 1, 1, 1);
}

/* Only [a-z0-9] runs are tokens, whatever the punctuation or case; the two
 * non-ASCII characters Python lowers to ASCII map the same way: U+0130 to
 * "i" + a combining dot (a break), U+212A KELVIN SIGN to "k". */
static void
test_rouge_tokenizes_like_rouge_score (void **state)
{
  (void) state;
  assert_scores (score ("U.S. e-mail DON'T", "u s e mail don t"), 1, 1, 1, 1);
  assert_scores (score ("\xc4\xb0stanbul \xe2\x84\xaa" "elvin", "i stanbul kelvin"), 1, 1, 1, 1);
  assert_scores (score ("caf\xc3\xa9 na\xc3\xafve", "caf na ve"), 1, 1, 1, 1);
}

/* The scorer's cache must not change results from call to call. */
static void
test_rouge_scorer_is_reusable (void **state)
{
  (void) state;
  abridge_rouge *r = abridge_rouge_new ();
  abridge_rouge_scores a, b;
  abridge_rouge_score (r, "The runners were running.", "A runner runs!", &a);
  abridge_rouge_score (r, "the cat sat on the mat", "the cat on the mat", &b);
  assert_scores (b, 10.0 / 11, 2.0 / 3, 10.0 / 11, 10.0 / 11);
  abridge_rouge_score (r, "The runners were running.", "A runner runs!", &b);
  assert_scores (b, a.rouge1, a.rouge2, a.rougeL, a.rougeLsum);
  abridge_rouge_free (r);
}

/* Long texts on one line: rougeL with one row, Lsum with a bit table. */
static void
test_rouge_long_single_line (void **state)
{
  (void) state;
  GString *ref = g_string_new (NULL), *pred = g_string_new (NULL);
  for (int i = 0; i < 3000; i++)
    {
      g_string_append_printf (ref, "w%d ", i % 97);
      if (i % 2 == 0)
        g_string_append_printf (pred, "w%d ", i % 97);
    }
  abridge_rouge_scores s = score (ref->str, ref->str);
  assert_scores (s, 1, 1, 1, 1);
  /* the prediction is a subsequence of the reference: 1500 of 3000 */
  s = score (ref->str, pred->str);
  assert_float_equal (s.rougeL, 2.0 / 3, EPS);
  assert_float_equal (s.rougeLsum, 2.0 / 3, EPS);
  g_string_free (ref, TRUE);
  g_string_free (pred, TRUE);
}

/* Short articles written for this test. Expected values from the reference
 * implementation, with REF.jsonl / PRED.jsonl holding these texts as
 * {"id", "summary"} records:
 *   python3 ../shared/tools/rouge.py --backend builtin \
 *       --pred PRED.jsonl --ref REF.jsonl --per-doc OUT.jsonl
 * (builtin(stemmer=embedded); OUT.jsonl is x100, rounded to 4 places). */
static const struct {
  const char *reference, *prediction;
  double r1, r2, rl, rlsum;
} DOCS[] = {
  { "The harbour council approved a new ferry line on Monday.\n"
    "Boats will run every hour between the two piers from May.",
    "A new ferry line between the two piers was approved by the harbour council.\n"
    "Tickets will cost four euros.\nBoats run hourly from May.",
    75.5556, 41.8605, 44.4444, 57.7778 },
  { "The city library will stay open until midnight during exam weeks.\n"
    "Students had petitioned for longer hours since 2019.",
    "Students have petitioned the library for longer opening hours since 2019.\n"
    "During exam weeks, the city library will now stay open until midnight.",
    85.7143, 55.0, 38.0952, 71.4286 },
  { "Late frost damaged nearly half of the region's apple blossoms.\n"
    "Growers expect smaller harvests and higher prices this autumn.\n"
    "Some farms are testing wind machines to protect their orchards.",
    "Growers say late frost hit the apple blossoms hard.\n"
    "Prices could rise this autumn as harvests shrink.\n"
    "Wind machines are being tested on some farms.",
    58.1818, 18.8679, 36.3636, 40.0 },
  { "Engineers closed the old rail bridge after finding cracks in two supports.\n"
    "Trains are diverted via the northern line, adding 25 minutes.\n"
    "Repairs are scheduled to finish by the end of March.",
    "The old rail bridge was closed by engineers.\n"
    "Cracks were found in two of its supports, and repairs should be finished by late March.\n"
    "Diverted trains take 25 minutes longer.",
    61.2903, 20.0, 38.7097, 48.3871 },
  { "A twelve-year-old won the national chess championship on Sunday, the youngest "
    "winner in its history.\nShe beat the defending champion in a tense final game.",
    "The national chess championship has its youngest ever winner.\n"
    "The twelve-year-old beat the defending champion on Sunday.\n"
    "The final game lasted five hours.",
    73.0769, 44.0, 46.1538, 65.3846 },
};

static void
test_rouge_matches_reference_implementation (void **state)
{
  (void) state;
  abridge_rouge *r = abridge_rouge_new ();
  for (gsize i = 0; i < G_N_ELEMENTS (DOCS); i++)
    {
      abridge_rouge_scores s;
      abridge_rouge_score (r, DOCS[i].reference, DOCS[i].prediction, &s);
      assert_float_equal (100 * s.rouge1, DOCS[i].r1, 100 * EPS);
      assert_float_equal (100 * s.rouge2, DOCS[i].r2, 100 * EPS);
      assert_float_equal (100 * s.rougeL, DOCS[i].rl, 100 * EPS);
      assert_float_equal (100 * s.rougeLsum, DOCS[i].rlsum, 100 * EPS);
    }
  abridge_rouge_free (r);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_rouge_hand_computed),
    cmocka_unit_test (test_rouge_lsum_matches_sentences_in_any_order),
    cmocka_unit_test (test_rouge_lsum_union_lcs),
    cmocka_unit_test (test_rouge_lsum_clips_hits),
    cmocka_unit_test (test_rouge_stems_like_nltk),
    cmocka_unit_test (test_rouge_stemming_joins_word_forms),
    cmocka_unit_test (test_rouge_empty_text_scores_zero),
    cmocka_unit_test (test_rouge_identical_texts_score_one),
    cmocka_unit_test (test_rouge_tokenizes_like_rouge_score),
    cmocka_unit_test (test_rouge_scorer_is_reusable),
    cmocka_unit_test (test_rouge_long_single_line),
    cmocka_unit_test (test_rouge_matches_reference_implementation),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
