/* Unit tests of tokenize.c: words, offsets, case folding, stems, stop words and flags. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "text/data.h"
#include "text/idf.h"
#include "text/stem.h"
#include "text/tokenize.h"

/* ---- helpers ------------------------------------------------------------- */

typedef struct {
  abr_lexicon lex;
  GArray *tokens;
  const char *text;
} Tokens;

static int
setup (void **state)
{
  Tokens *t = g_new0 (Tokens, 1);
  abr_lexicon_init (&t->lex);
  t->tokens = g_array_new (FALSE, FALSE, sizeof (abridge_token));
  *state = t;
  return 0;
}

static int
teardown (void **state)
{
  Tokens *t = *state;
  abr_lexicon_clear (&t->lex);
  g_array_unref (t->tokens);
  g_free (t);
  return 0;
}

/* Tokenizes all of TEXT into the state's lexicon; returns the token count. */
static guint
tokenize (Tokens *t, const char *text)
{
  g_array_set_size (t->tokens, 0);
  t->text = text;
  abr_tokenize (&t->lex, text, 0, (uint32_t) strlen (text), t->tokens);
  return t->tokens->len;
}

static const abridge_token *
tok (Tokens *t, guint i)
{
  assert_true (i < t->tokens->len);
  return &g_array_index (t->tokens, abridge_token, i);
}

static const char *
term_of (Tokens *t, guint i)
{
  return t->lex.terms[tok (t, i)->term];
}

static const char *
stem_of (Tokens *t, guint i)
{
  return t->lex.stems[tok (t, i)->stem];
}

/* Asserts that token I covers exactly WORD in the text. */
static void
assert_token_is (Tokens *t, guint i, const char *word)
{
  const abridge_token *k = tok (t, i);
  gsize n = strlen (word);
  if (k->len != n || strncmp (t->text + k->start, word, n) != 0)
    fail_msg ("token %u is \"%.*s\" at %u, expected \"%s\"", i, (int) k->len, t->text + k->start,
              k->start, word);
}

/* ---- words and offsets ----------------------------------------------------- */

static void
test_tokenize_words_have_byte_offsets_in_the_text (void **state)
{
  Tokens *t = *state;
  const char *text = "Ships wait, at anchor.";
  assert_int_equal (tokenize (t, text), 4);
  assert_int_equal (tok (t, 0)->start, 0);
  assert_int_equal (tok (t, 0)->len, 5);
  assert_int_equal (tok (t, 1)->start, 6);
  assert_int_equal (tok (t, 1)->len, 4);
  assert_int_equal (tok (t, 2)->start, 12);
  assert_int_equal (tok (t, 2)->len, 2);
  assert_int_equal (tok (t, 3)->start, 15);
  assert_int_equal (tok (t, 3)->len, 6);
  assert_string_equal (term_of (t, 3), "anchor");
}

/* The tokenizer looks words up in batches, and a document's ids live in a
 * map that grows: across both, offsets stay right and a word keeps its id. */
static void
test_tokenize_long_sentence_keeps_offsets_and_ids (void **state)
{
  Tokens *t = *state;
  GString *text = g_string_new (NULL);
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  const guint distinct = 700; /* past the map's first 512 slots */
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < distinct; i++)
      {
        guint at = (guint) text->len;
        g_array_append_val (starts, at);
        /* Every seventh word is not ASCII and folds to more bytes (ẞ: ss). */
        g_string_append_printf (text, i % 7 == 0 ? "ẞTRA%uX, " : "Word%u ", i);
      }
  guint n = tokenize (t, text->str);
  assert_int_equal (n, 2 * distinct);
  assert_int_equal (t->lex.n_terms, distinct);
  for (guint k = 0; k < n; k++)
    {
      guint i = k % distinct;
      assert_int_equal (tok (t, k)->start, g_array_index (starts, guint, k));
      assert_int_equal (tok (t, k)->term, i); /* dense, in order of first sight */
      char *folded = g_strdup_printf (i % 7 == 0 ? "sstra%ux" : "word%u", i);
      assert_string_equal (term_of (t, k), folded);
      g_free (folded);
    }
  g_array_unref (starts);
  g_string_free (text, TRUE);
}

static void
test_tokenize_range_offsets_are_relative_to_the_whole_text (void **state)
{
  Tokens *t = *state;
  const char *text = "First sentence. Second one here.";
  t->text = text;
  abr_tokenize (&t->lex, text, 16, (uint32_t) strlen (text), t->tokens);
  assert_int_equal (t->tokens->len, 3);
  assert_int_equal (tok (t, 0)->start, 16);
  assert_token_is (t, 0, "Second");
  assert_token_is (t, 2, "here");
}

static void
test_tokenize_multibyte_words_have_byte_lengths (void **state)
{
  Tokens *t = *state;
  const char *text = "Zürich — Straße";
  assert_int_equal (tokenize (t, text), 2);
  assert_token_is (t, 0, "Zürich");
  assert_int_equal (tok (t, 0)->len, 7);
  assert_token_is (t, 1, "Straße");
  assert_int_equal (tok (t, 1)->start, 12);
}

static void
test_tokenize_punctuation_only_gives_no_tokens (void **state)
{
  Tokens *t = *state;
  assert_int_equal (tokenize (t, " — … * (“”) -- "), 0);
  assert_int_equal (tokenize (t, ""), 0);
}

/* ---- case folding ---------------------------------------------------------- */

static void
test_tokenize_case_folds_words_to_one_term (void **state)
{
  Tokens *t = *state;
  assert_int_equal (tokenize (t, "Government government GOVERNMENT"), 3);
  assert_int_equal (tok (t, 0)->term, tok (t, 1)->term);
  assert_int_equal (tok (t, 1)->term, tok (t, 2)->term);
  assert_string_equal (term_of (t, 0), "government");
  assert_int_equal (t->lex.n_terms, 1);
}

/* Tokens 0-2 are the terms A, B and C, and tokens AGAIN to AGAIN + 2
 * the same terms again. */
static void
assert_three_terms (Tokens *t, const char *a, const char *b, const char *c, guint again)
{
  const char *terms[] = { a, b, c };
  for (guint i = 0; i < 3; i++)
    {
      assert_string_equal (term_of (t, i), terms[i]);
      assert_int_equal (tok (t, i)->term, tok (t, again + i)->term);
    }
}

/* Short ASCII words are read eight bytes at a time when eight bytes are
 * left, else a byte at a time: a word is one term either way, and words
 * of every length around eight fold and end where they should. */
static void
test_tokenize_word_lengths_around_eight_bytes (void **state)
{
  Tokens *t = *state;
  const char *words[] = { "Tax", "Seventh", "Eighteen", "Ninetieth", "Fifteen1234567",
                          "Sixteen123456789", "Seventeen12345678", "A1b2C3d" };
  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    {
      /* first inside the text, then at its very end */
      char *text = g_strdup_printf ("%s, (%s) x %s", words[i], words[i], words[i]);
      assert_int_equal (tokenize (t, text), 4);
      assert_int_equal (tok (t, 0)->term, tok (t, 1)->term);
      assert_int_equal (tok (t, 0)->term, tok (t, 3)->term);
      assert_int_equal (tok (t, 3)->len, strlen (words[i]));
      char *folded = g_ascii_strdown (words[i], -1);
      assert_string_equal (term_of (t, 3), folded);
      g_free (folded);
      g_free (text);
    }
  /* a word that goes on past an apostrophe, a period or a non-ASCII
   * letter inside the first eight bytes */
  assert_int_equal (tokenize (t, "Don't U.S.A Café x don't u.s.a café"), 7);
  assert_three_terms (t, "don't", "u.s.a", "café", 4);
  /* digits only, then a letter: the number flag follows */
  assert_int_equal (tokenize (t, "1234567 1234567a 12345678 tail"), 4);
  assert_true (tok (t, 0)->flags & ABRIDGE_TOKEN_NUMBER);
  assert_false (tok (t, 1)->flags & ABRIDGE_TOKEN_NUMBER);
  assert_true (tok (t, 2)->flags & ABRIDGE_TOKEN_NUMBER);
  /* the same past the first eight bytes, where a long word's last chunk
   * is read at once */
  assert_int_equal (tokenize (t, "Government's Washington.Dc Departementé 12345678901 "
                                 "123456789012b x government's washington.dc departementé"),
                    9);
  assert_three_terms (t, "government's", "washington.dc", "departementé", 6);
  assert_true (tok (t, 3)->flags & ABRIDGE_TOKEN_NUMBER);
  assert_false (tok (t, 4)->flags & ABRIDGE_TOKEN_NUMBER);
  assert_int_equal (tok (t, 4)->len, 13);
}

static void
test_tokenize_unicode_case_folds_to_one_term (void **state)
{
  Tokens *t = *state;
  assert_int_equal (tokenize (t, "ÉCOLE école École"), 3);
  assert_int_equal (tok (t, 0)->term, tok (t, 1)->term);
  assert_int_equal (tok (t, 1)->term, tok (t, 2)->term);
  assert_string_equal (term_of (t, 0), "école");
}

static void
test_tokenize_decomposed_accents_fold_like_composed (void **state)
{
  Tokens *t = *state;
  /* "école" with U+0301 COMBINING ACUTE ACCENT, as some sources send it. */
  assert_int_equal (tokenize (t, "e\xCC\x81" "cole école"), 2);
  assert_int_equal (tok (t, 0)->term, tok (t, 1)->term);
  assert_token_is (t, 0, "e\xCC\x81" "cole");
}

/* ---- stems ----------------------------------------------------------------- */

static void
test_tokenize_inflections_share_a_stem (void **state)
{
  Tokens *t = *state;
  assert_int_equal (tokenize (t, "running runs run"), 3);
  assert_int_not_equal (tok (t, 0)->term, tok (t, 1)->term);
  assert_int_equal (tok (t, 0)->stem, tok (t, 2)->stem);
  assert_int_equal (tok (t, 1)->stem, tok (t, 2)->stem);
  assert_string_equal (stem_of (t, 0), "run");

  assert_int_equal (tokenize (t, "connection connected connecting"), 3);
  assert_int_equal (tok (t, 0)->stem, tok (t, 1)->stem);
  assert_int_equal (tok (t, 1)->stem, tok (t, 2)->stem);
  assert_string_equal (stem_of (t, 0), "connect");
}

static void
test_tokenize_different_words_get_different_stems (void **state)
{
  Tokens *t = *state;
  assert_int_equal (tokenize (t, "port strike"), 2);
  assert_int_not_equal (tok (t, 0)->stem, tok (t, 1)->stem);
}

static void
test_tokenize_ids_are_dense_and_shared_across_calls (void **state)
{
  Tokens *t = *state;
  tokenize (t, "Strike at the port");
  uint32_t strike = tok (t, 0)->term;
  tokenize (t, "the strike ended");
  assert_int_equal (tok (t, 1)->term, strike);
  /* strike, at, the, port, ended: five terms, ids 0 … 4. */
  assert_int_equal (t->lex.n_terms, 5);
  for (guint i = 0; i < t->tokens->len; i++)
    {
      assert_true (tok (t, i)->term < t->lex.n_terms);
      assert_true (tok (t, i)->stem < t->lex.n_stems);
    }
}

/* ---- flags ----------------------------------------------------------------- */

static void
test_tokenize_stop_words_are_flagged (void **state)
{
  Tokens *t = *state;
  assert_int_equal (tokenize (t, "The council and the union"), 5);
  assert_true (tok (t, 0)->flags & ABRIDGE_TOKEN_STOP);
  assert_false (tok (t, 1)->flags & ABRIDGE_TOKEN_STOP);
  assert_true (tok (t, 2)->flags & ABRIDGE_TOKEN_STOP);
  assert_true (tok (t, 3)->flags & ABRIDGE_TOKEN_STOP);
  assert_false (tok (t, 4)->flags & ABRIDGE_TOKEN_STOP);
}

static void
test_tokenize_curly_apostrophe_folds_like_straight (void **state)
{
  Tokens *t = *state;
  assert_int_equal (tokenize (t, "don’t don't DON’T"), 3);
  assert_token_is (t, 0, "don’t");
  assert_int_equal (tok (t, 0)->len, 7);
  assert_int_equal (tok (t, 0)->term, tok (t, 1)->term);
  assert_int_equal (tok (t, 2)->term, tok (t, 1)->term);
  assert_string_equal (term_of (t, 0), "don't");
  for (guint i = 0; i < 3; i++)
    assert_true (tok (t, i)->flags & ABRIDGE_TOKEN_STOP);
}

static void
test_tokenize_abbreviation_with_periods_is_one_token (void **state)
{
  Tokens *t = *state;
  const char *text = "the U.S. economy";
  assert_int_equal (tokenize (t, text), 3);
  assert_token_is (t, 0, "the");
  assert_int_equal (tok (t, 1)->start, 4);
  assert_true (tok (t, 1)->len == 3 || tok (t, 1)->len == 4); /* "U.S" or "U.S." */
  assert_true (g_str_has_prefix (term_of (t, 1), "u.s"));
  assert_token_is (t, 2, "economy");
  assert_true (tok (t, 1)->flags & ABRIDGE_TOKEN_CAPITALISED);
  assert_false (tok (t, 1)->flags & ABRIDGE_TOKEN_NUMBER);
}

static void
test_tokenize_decimal_is_one_number_token (void **state)
{
  Tokens *t = *state;
  assert_int_equal (tokenize (t, "rose 3.5 percent"), 3);
  assert_token_is (t, 1, "3.5");
  assert_true (tok (t, 1)->flags & ABRIDGE_TOKEN_NUMBER);
  assert_false (tok (t, 0)->flags & ABRIDGE_TOKEN_NUMBER);
  assert_false (tok (t, 2)->flags & ABRIDGE_TOKEN_NUMBER);
  /* A sentence-final period is not part of the number. */
  assert_int_equal (tokenize (t, "It rose 48."), 3);
  assert_token_is (t, 2, "48");
  assert_true (tok (t, 2)->flags & ABRIDGE_TOKEN_NUMBER);
}

/* plugin.h: NUMBER means "all digits, possibly with , or .". */
static void
test_tokenize_number_flag_only_on_all_digit_words (void **state)
{
  Tokens *t = *state;
  assert_int_equal (tokenize (t, "3D printers in 2029"), 4);
  assert_token_is (t, 0, "3D");
  assert_true (tok (t, 3)->flags & ABRIDGE_TOKEN_NUMBER);
  if (tok (t, 0)->flags & ABRIDGE_TOKEN_NUMBER)
    fail_msg ("\"3D\" is flagged NUMBER, but it is not all digits");
}

static void
test_tokenize_hyphenated_words_split (void **state)
{
  Tokens *t = *state;
  assert_int_equal (tokenize (t, "well-known long-term"), 4);
  assert_token_is (t, 0, "well");
  assert_token_is (t, 1, "known");
  assert_token_is (t, 2, "long");
  assert_token_is (t, 3, "term");
}

static void
test_tokenize_capitalised_flag_follows_the_text (void **state)
{
  Tokens *t = *state;
  assert_int_equal (tokenize (t, "Rotterdam port Élodie élan 42"), 5);
  assert_true (tok (t, 0)->flags & ABRIDGE_TOKEN_CAPITALISED);
  assert_false (tok (t, 1)->flags & ABRIDGE_TOKEN_CAPITALISED);
  assert_true (tok (t, 2)->flags & ABRIDGE_TOKEN_CAPITALISED);
  assert_false (tok (t, 3)->flags & ABRIDGE_TOKEN_CAPITALISED);
  assert_false (tok (t, 4)->flags & ABRIDGE_TOKEN_CAPITALISED);
}

static void
test_tokenize_possessive_and_contractions_stay_whole (void **state)
{
  Tokens *t = *state;
  assert_int_equal (tokenize (t, "the union’s chairman"), 3);
  assert_token_is (t, 1, "union’s");
  assert_string_equal (term_of (t, 1), "union's");
  /* A trailing apostrophe is not part of the word. */
  assert_int_equal (tokenize (t, "the ministers’ meeting"), 3);
  assert_token_is (t, 1, "ministers");
}

static void
test_tokenize_stem_is_usable_directly (void **state)
{
  (void) state;
  gsize len = 0;
  const char *stem = abr_stem ("connections", 11, &len);
  assert_int_equal (len, 7);
  assert_memory_equal (stem, "connect", 7);
}

/* The lines of the idf table, and in *FIRST the index of the one after
 * the comments (the documents line). */
static char **
idf_lines (guint *first)
{
  gsize size;
  const char *data = abr_data_get ("idf-en.tsv", &size);
  char *text = g_strndup (data, size);
  char **lines = g_strsplit (text, "\n", -1);
  g_free (text);
  guint i = 0;
  while (lines[i] != NULL && lines[i][0] == '#')
    i++;
  *first = i;
  return lines;
}

/* abr_idf() bisects the table's lines in place: they must be in byte
 * order, each "stem<TAB>df", after the comments and the documents line. */
static void
test_idf_table_lines_are_sorted_for_bisection (void **state)
{
  (void) state;
  guint i;
  char **lines = idf_lines (&i);
  assert_non_null (lines[i]);
  assert_true (g_str_has_prefix (lines[i], "documents\t"));
  const char *prev = NULL;
  guint stems = 0;
  for (i++; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' && lines[i + 1] == NULL)
        break; /* the final newline */
      const char *tab = strchr (lines[i], '\t');
      if (tab == NULL)
        fail_msg ("idf line %u has no tab: %s", i + 1, lines[i]);
      if (prev != NULL && strcmp (prev, lines[i]) >= 0)
        fail_msg ("idf lines out of order: '%s' then '%s'", prev, lines[i]);
      prev = lines[i];
      stems++;
    }
  assert_true (stems > 10000);
  g_strfreev (lines);
}

/* Every stem of the table gets the idf of its line, and a stem between
 * two lines that of an unseen one, whether the lookup bisects the text
 * (the first few hundred of a process) or the index built after them. */
static void
test_idf_every_line_found_before_and_after_the_index (void **state)
{
  (void) state;
  guint i;
  char **lines = idf_lines (&i);
  guint documents = (guint) strtoul (lines[i] + strlen ("documents\t"), NULL, 10);
  double unseen = log (documents + 1.0) + 1.0;
  guint checked = 0;
  for (int pass = 0; pass < 2; pass++)
    for (guint k = i + 1; lines[k] != NULL && lines[k][0] != '\0'; k++)
      {
        char *tab = strchr (lines[k], '\t');
        char *stem = g_strndup (lines[k], (gsize) (tab - lines[k]));
        double want = log ((documents + 1.0) / (strtoul (tab + 1, NULL, 10) + 1.0)) + 1.0;
        if (abr_idf (stem) != want)
          fail_msg ("pass %d: idf of '%s' is %g, its line says %g", pass, stem, abr_idf (stem), want);
        char *between = g_strconcat (stem, "\x01", NULL); /* sorts right after STEM */
        if (abr_idf (between) != unseen)
          fail_msg ("pass %d: '%s' + 0x01 is in no line but has idf %g", pass, stem,
                    abr_idf (between));
        g_free (between);
        g_free (stem);
        checked++;
      }
  assert_true (checked > 20000);
  g_strfreev (lines);
}

static void
test_idf_common_stems_score_below_rare_ones (void **state)
{
  (void) state;
  /* First, last and middle lines of the table are all found. */
  double the = abr_idf ("the"), minist = abr_idf ("minist");
  double never = abr_idf ("zzzzqqqq"), before = abr_idf ("0");
  assert_true (the < minist);
  assert_true (minist < never);
  assert_true (before <= never);
  assert_true (the >= 1.0);
}

/* data/embed.sh's arrays are the files of data/, byte for byte, each
 * followed by a NUL; every language's word lists are among them. */
static void
test_data_files_are_embedded_byte_for_byte (void **state)
{
  (void) state;
  guint n = 0;
  for (const abr_data_file *f = abr_data_files; f->name != NULL; f++, n++)
    {
      char *path = g_build_filename (TEST_SRCDIR, "data", f->name, NULL);
      char *want = NULL;
      gsize want_len = 0;
      assert_true (g_file_get_contents (path, &want, &want_len, NULL));
      gsize len = 0;
      const char *got = abr_data_get (f->name, &len);
      assert_ptr_equal (got, f->data);
      assert_int_equal (len, want_len);
      assert_memory_equal (got, want, want_len);
      assert_int_equal (got[len], '\0');
      g_free (want);
      g_free (path);
    }
  assert_true (n >= 29);
  assert_non_null (abr_data_get ("stopwords/ru.txt", NULL));
  assert_non_null (abr_data_get ("abbreviations/no.txt", NULL));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown (name, setup, teardown)
    /* First: its first few hundred lookups are the process's first. */
    T (test_idf_every_line_found_before_and_after_the_index),
    T (test_tokenize_words_have_byte_offsets_in_the_text),
    T (test_tokenize_range_offsets_are_relative_to_the_whole_text),
    T (test_tokenize_long_sentence_keeps_offsets_and_ids),
    T (test_tokenize_multibyte_words_have_byte_lengths),
    T (test_tokenize_punctuation_only_gives_no_tokens),
    T (test_tokenize_case_folds_words_to_one_term),
    T (test_tokenize_word_lengths_around_eight_bytes),
    T (test_tokenize_unicode_case_folds_to_one_term),
    T (test_tokenize_decomposed_accents_fold_like_composed),
    T (test_tokenize_inflections_share_a_stem),
    T (test_tokenize_different_words_get_different_stems),
    T (test_tokenize_ids_are_dense_and_shared_across_calls),
    T (test_tokenize_stop_words_are_flagged),
    T (test_tokenize_curly_apostrophe_folds_like_straight),
    T (test_tokenize_abbreviation_with_periods_is_one_token),
    T (test_tokenize_decimal_is_one_number_token),
    T (test_tokenize_number_flag_only_on_all_digit_words),
    T (test_tokenize_hyphenated_words_split),
    T (test_tokenize_capitalised_flag_follows_the_text),
    T (test_tokenize_possessive_and_contractions_stay_whole),
    T (test_tokenize_stem_is_usable_directly),
    T (test_idf_table_lines_are_sorted_for_bisection),
    T (test_idf_common_stems_score_below_rare_ones),
    T (test_data_files_are_embedded_byte_for_byte),
#undef T
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
