/* Unit tests of batch/progress.c: the progress line's wording and ETA, and
 * the count of articles its total comes from. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "batch/progress.h"

static char *
line (guint64 done, guint64 failed, gint64 total, double seconds, gboolean final)
{
  GString *s = g_string_new (NULL);
  abr_progress_format (s, done, failed, total, seconds, final);
  return g_string_free (s, FALSE);
}

static void
test_progress_line_reads_right (void **state)
{
  (void) state;
  struct {
    guint64 done, failed;
    gint64 total;
    double seconds;
    gboolean final;
    const char *reads;
  } cases[] = {
    { 120, 2, 500, 120 / 35.0, FALSE, "abridge: 120/500 articles, 2 failed, 35/s, 0:11 left" },
    { 120, 2, 500, 60, FALSE, "abridge: 120/500 articles, 2 failed, 2.0/s, 3:10 left" },
    { 1, 0, 1, 0.2, FALSE, "abridge: 1/1 article, 0 failed, 5.0/s" },   /* no ETA yet */
    { 0, 0, 1, 3, FALSE, "abridge: 0/1 article, 0 failed, 0.0/s" },
    { 1, 0, -1, 2, FALSE, "abridge: 1 article, 0 failed, 0.5/s" },      /* stdin */
    { 7, 1, -1, 2, FALSE, "abridge: 7 articles, 1 failed, 3.5/s" },
    { 10, 0, 4, 2, FALSE, "abridge: 10 articles, 0 failed, 5.0/s" },    /* the count fell short */
    { 10, 0, 10000, 1, FALSE, "abridge: 10/10000 articles, 0 failed, 10/s, 16:39 left" },
    { 10, 0, 100000, 1, FALSE, "abridge: 10/100000 articles, 0 failed, 10/s, 2:46:39 left" },
    { 1, 0, 1, 2, TRUE, "abridge: 1 article (0:02, 0.5/s)" },
    { 4, 3, 4, 2, TRUE, "abridge: 4 articles: 1 summarized, 3 failed (0:02, 2.0/s)" },
    { 0, 0, -1, 0, TRUE, "abridge: 0 articles (0:00, 0.0/s)" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *got = line (cases[i].done, cases[i].failed, cases[i].total, cases[i].seconds,
                        cases[i].final);
      assert_string_equal (got, cases[i].reads);
      g_free (got);
    }
}

/* ---- the count behind the total ------------------------------------------------- */

static char *dir;

static void
write_file (const char *name, const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_free (path);
}

static gint64
count_of (const char *const *inputs, AbridgeInputFormat format, const char *glob, guint shard,
          guint shards)
{
  abridge_reader_options o = { .inputs = inputs, .format = format, .glob = glob,
                               .shard_index = shard, .shard_count = shards };
  return abr_progress_count (&o, NULL);
}

static int
setup (void **state)
{
  (void) state;
  dir = g_dir_make_tmp ("test-progress-XXXXXX", NULL);
  char *sub = g_build_filename (dir, "sub", NULL);
  char *empty = g_build_filename (dir, "empty", NULL);
  g_mkdir (sub, 0700);
  g_mkdir (empty, 0700);
  g_free (sub);
  g_free (empty);
  write_file ("a.txt", "One article.\n");
  write_file ("b.html", "<p>A page.</p>");
  write_file (".hidden.txt", "Skipped, as the reader skips it.");
  /* Five records: blank lines are skipped, a line of spaces is a (bad)
   * record, and so is a last line without its newline. */
  write_file ("c.jsonl", "{\"text\":\"1\"}\n\n{\"text\":\"2\"}\n   \n\n{}\n{\"text\":\"5\"}");
  write_file ("sub/d.txt", "Another.");
  write_file ("sub/e.jsonl", "");
  return 0;
}

static int
teardown (void **state)
{
  (void) state;
  const char *names[] = { "a.txt", "b.html", ".hidden.txt", "c.jsonl", "sub/d.txt", "sub/e.jsonl",
                          "sub", "empty" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      char *path = g_build_filename (dir, names[i], NULL);
      g_remove (path);
      g_free (path);
    }
  g_rmdir (dir);
  g_free (dir);
  return 0;
}

static void
test_progress_counts_articles_as_the_reader_numbers_them (void **state)
{
  (void) state;
  char *c = g_build_filename (dir, "c.jsonl", NULL);
  char *a = g_build_filename (dir, "a.txt", NULL);
  char *empty = g_build_filename (dir, "empty", NULL);
  char *missing = g_build_filename (dir, "missing.txt", NULL);
  const char *corpus[] = { c, NULL };
  assert_int_equal (count_of (corpus, ABRIDGE_INPUT_AUTO, NULL, 0, 0), 5);
  /* The same file read as one article of text. */
  assert_int_equal (count_of (corpus, ABRIDGE_INPUT_TEXT, NULL, 0, 0), 1);
  /* a.txt, b.html, c.jsonl's 5, sub/d.txt, sub/e.jsonl's none. */
  const char *tree[] = { dir, NULL };
  assert_int_equal (count_of (tree, ABRIDGE_INPUT_AUTO, NULL, 0, 0), 8);
  assert_int_equal (count_of (tree, ABRIDGE_INPUT_AUTO, "*.txt", 0, 0), 2);
  /* A directory with nothing (matching) in it, a missing file: one failure each. */
  const char *failing[] = { empty, missing, a, NULL };
  assert_int_equal (count_of (failing, ABRIDGE_INPUT_AUTO, NULL, 0, 0), 3);
  assert_int_equal (count_of (corpus, ABRIDGE_INPUT_AUTO, "*.none", 0, 0), 5); /* named: read */
  /* Shards of 8 articles: 0 2 4 6 | 1 3 5 7; of 3 (0/3: 0 3 6, 2/3: 2 5). */
  assert_int_equal (count_of (tree, ABRIDGE_INPUT_AUTO, NULL, 0, 2), 4);
  assert_int_equal (count_of (tree, ABRIDGE_INPUT_AUTO, NULL, 1, 2), 4);
  assert_int_equal (count_of (tree, ABRIDGE_INPUT_AUTO, NULL, 0, 3), 3);
  assert_int_equal (count_of (tree, ABRIDGE_INPUT_AUTO, NULL, 2, 3), 2);
  assert_int_equal (count_of (corpus, ABRIDGE_INPUT_AUTO, NULL, 6, 7), 0);
  g_free (c);
  g_free (a);
  g_free (empty);
  g_free (missing);
}

static void
test_progress_count_is_unknown_for_streams_and_when_stopped (void **state)
{
  (void) state;
  const char *dash[] = { "-", NULL };
  assert_int_equal (count_of (dash, ABRIDGE_INPUT_AUTO, NULL, 0, 0), -1);
  assert_int_equal (count_of (NULL, ABRIDGE_INPUT_AUTO, NULL, 0, 0), -1);
  char *fifo = g_build_filename (dir, "fifo", NULL);
  assert_int_equal (mkfifo (fifo, 0600), 0);
  char *a = g_build_filename (dir, "a.txt", NULL);
  const char *with_fifo[] = { a, fifo, NULL };
  /* Never opened: a FIFO's data are the reader's, and opening it would block. */
  assert_int_equal (count_of (with_fifo, ABRIDGE_INPUT_AUTO, NULL, 0, 0), -1);
  g_remove (fifo);
  const char *tree[] = { dir, NULL };
  abridge_reader_options o = { .inputs = tree };
  gint stop = TRUE;
  assert_int_equal (abr_progress_count (&o, &stop), -1);
  g_free (fifo);
  g_free (a);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_progress_line_reads_right),
    cmocka_unit_test (test_progress_counts_articles_as_the_reader_numbers_them),
    cmocka_unit_test (test_progress_count_is_unknown_for_streams_and_when_stopped),
  };
  return cmocka_run_group_tests (tests, setup, teardown);
}
