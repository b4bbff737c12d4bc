/* Unit tests of vocab.c: one vocabulary per language shared by every
 * thread, its facts, concurrent additions, and its replacement past the
 * bound while an old one is still held. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <glib.h>

#include "text/idf.h"
#include "text/vocab.h"

/* The FNV-1a hash tokenize.c computes while folding; any fixed hash does. */
static uint32_t
hash_of (const char *w)
{
  uint32_t h = 2166136261u;
  for (; *w != '\0'; w++)
    h = (h ^ (guchar) *w) * 16777619u;
  return h;
}

/* abr_vocab_word() reads up to 8 bytes past a word, as tokenize.c's
 * scratch allows; a copy with that slack keeps the tests within it. */
static const abr_word_facts *
word (abr_vocab *v, const char *w)
{
  gsize len = strlen (w);
  char *padded = g_malloc0 (len + 8);
  memcpy (padded, w, len);
  const abr_word_facts *facts = abr_vocab_word (v, padded, len, hash_of (w));
  g_free (padded);
  return facts;
}

static void
test_vocab_a_word_has_one_entry_with_its_stem_stop_flag_and_idf (void **state)
{
  (void) state;
  abr_vocab *v = abr_vocab_acquire (abr_language_english ());
  const abr_word_facts *strikes = word (v, "strikes");
  assert_ptr_equal (word (v, "strikes"), strikes);
  assert_string_equal (strikes->word_text, "strikes");
  assert_string_equal (strikes->stem_text, "strike");
  assert_int_equal (strikes->stem_len, 6); /* what a document copies, without a strlen */
  assert_false (strikes->stop);
  assert_true (strikes->idf == abr_idf ("strike"));
  const abr_word_facts *striking = word (v, "striking");
  assert_int_equal (striking->stem, strikes->stem);
  assert_int_not_equal (striking->word, strikes->word);
  assert_true (word (v, "the")->stop);
  abr_vocab_release (v);
}

/* Every thread adds the same new words, each starting elsewhere in the
 * list, while the table grows under them several times over. */
#define N_WORDS 20000
#define N_THREADS 4

typedef struct {
  abr_vocab *vocab;
  char **words;
  guint start;
  const abr_word_facts **facts;
} Worker;

static gpointer
add_words (gpointer data)
{
  Worker *w = data;
  for (guint k = 0; k < N_WORDS; k++)
    {
      guint i = (w->start + k) % N_WORDS;
      w->facts[i] = word (w->vocab, w->words[i]);
    }
  return NULL;
}

static void
test_vocab_threads_adding_at_once_agree_on_every_word (void **state)
{
  (void) state;
  abr_vocab *v = abr_vocab_acquire (abr_language_english ());
  char **words = g_new0 (char *, N_WORDS + 1);
  for (guint i = 0; i < N_WORDS; i++)
    words[i] = g_strdup_printf ("qzv%uthreading", i);
  Worker workers[N_THREADS];
  GThread *threads[N_THREADS];
  for (guint t = 0; t < N_THREADS; t++)
    {
      workers[t] = (Worker){ v, words, t * (N_WORDS / N_THREADS), g_new0 (const abr_word_facts *, N_WORDS) };
      threads[t] = g_thread_new ("vocab-test", add_words, &workers[t]);
    }
  for (guint t = 0; t < N_THREADS; t++)
    g_thread_join (threads[t]);

  GHashTable *ids = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < N_WORDS; i++)
    {
      const abr_word_facts *f = workers[0].facts[i];
      assert_non_null (f);
      assert_string_equal (f->word_text, words[i]);
      for (guint t = 1; t < N_THREADS; t++)
        assert_ptr_equal (workers[t].facts[i], f);
      assert_ptr_equal (word (v, words[i]), f);
      g_hash_table_add (ids, GUINT_TO_POINTER (f->word + 1));
    }
  assert_int_equal (g_hash_table_size (ids), N_WORDS); /* one id a word */
  g_hash_table_unref (ids);
  for (guint t = 0; t < N_THREADS; t++)
    g_free (workers[t].facts);
  g_strfreev (words);
  abr_vocab_release (v);
}

/* Past 200,000 words the next document gets a new vocabulary; a document
 * still holding the old one keeps every fact it was given. */
static void
test_vocab_past_its_bound_is_replaced_and_the_old_stays_valid (void **state)
{
  (void) state;
  abr_vocab *old = abr_vocab_acquire (abr_language_english ());
  const abr_word_facts *first = word (old, "harbour");
  char buf[32];
  for (guint i = 0; i <= 200000; i++)
    {
      g_snprintf (buf, sizeof buf, "zx%ubound", i);
      word (old, buf);
    }
  abr_vocab *fresh = abr_vocab_acquire (abr_language_english ());
  assert_ptr_not_equal (fresh, old);
  const abr_word_facts *again = word (fresh, "harbour");
  assert_ptr_not_equal (again, first);
  assert_int_equal (again->word, 0);
  assert_string_equal (first->word_text, "harbour");
  assert_string_equal (first->stem_text, "harbour");
  abr_vocab_release (old);
  assert_string_equal (again->stem_text, "harbour");
  abr_vocab_release (fresh);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_vocab_a_word_has_one_entry_with_its_stem_stop_flag_and_idf),
    cmocka_unit_test (test_vocab_threads_adding_at_once_agree_on_every_word),
    cmocka_unit_test (test_vocab_past_its_bound_is_replaced_and_the_old_stays_valid),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
