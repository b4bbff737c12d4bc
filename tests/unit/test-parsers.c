/* The internal parsers module (libabridge/parsers/parsers.h): a test program of
 * the build tree finds the build tree's module; a missing module, one of
 * another version, a library without the table and a file that is no
 * library are refused with a reason, never used; the module reads result
 * lines as batch --merge needs them. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/parsers.h"

static void
test_parsers_a_test_program_uses_the_build_tree_module (void **state)
{
  (void) state;
  char *path = abr_parsers_module_path ();
  char *real = realpath (path, NULL);
  char *want = realpath (TEST_BUILDDIR "/libabridge/.libs/parsers.so", NULL);
  assert_non_null (real);
  assert_non_null (want);
  assert_string_equal (real, want);
  free (want);
  free (real);
  g_free (path);

  GError *error = NULL;
  const abr_parser_table *table = abr_parsers_get ("HTML reader", &error);
  assert_null (error);
  assert_non_null (table);
  assert_int_equal (table->version, ABR_PARSERS_VERSION);
  assert_non_null (table->read_page);
  assert_non_null (table->read_result);
  /* Loaded once. */
  assert_ptr_equal (abr_parsers_get ("result reader", NULL), table);
}

static void
test_parsers_a_missing_module_is_refused (void **state)
{
  (void) state;
  char *why = NULL;
  assert_null (abr_parsers_open (TEST_BUILDDIR "/nonexistent/parsers.so", &why));
  assert_string_equal (why, g_strerror (ENOENT));
  g_free (why);
}

static void
test_parsers_a_module_of_another_version_is_refused (void **state)
{
  (void) state;
  char *why = NULL;
  assert_null (abr_parsers_open (TEST_BUILDDIR "/tests/fixtures/parsers/.libs/wrong-version.so",
                                     &why));
  assert_non_null (why);
  assert_non_null (strstr (why, "module version 999, this abridge needs version"));
  g_free (why);
}

static void
test_parsers_a_library_without_the_table_is_refused (void **state)
{
  (void) state;
  char *why = NULL;
  assert_null (abr_parsers_open (TEST_BUILDDIR "/tests/fixtures/plugins/.libs/good.so", &why));
  assert_string_equal (why, "no abr_parsers symbol: not abridge's parsers module");
  g_free (why);
}

static void
test_parsers_a_file_that_is_no_library_is_refused (void **state)
{
  (void) state;
  char *why = NULL;
  assert_null (abr_parsers_open (TEST_SRCDIR "/tests/fixtures/html/news-nav.html", &why));
  assert_non_null (why);
  /* dlopen()'s reason ("invalid ELF header"), not libltdl's "file not found". */
  assert_true (*why != '\0');
  assert_string_not_equal (why, "file not found");
  g_free (why);
}

/* Reads LINE with the module's reader. */
static gboolean
read_line (const char *line, abr_result_line *r, char **why)
{
  const abr_parser_table *table = abr_parsers_get ("result reader", NULL);
  assert_non_null (table);
  memset (r, 0, sizeof *r);
  r->brief = abridge_brief_new (0);
  return table->read_result (line, strlen (line), r, why);
}

static void
clear (abr_result_line *r)
{
  char **fields[] = { &r->id, &r->title, &r->source, &r->date, &r->url, &r->dateline, &r->error };
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    g_free (*fields[i]);
  abridge_brief_free (r->brief);
}

static void
test_parsers_result_line_members_and_brief (void **state)
{
  (void) state;
  abr_result_line r;
  char *why = NULL;
  assert_true (read_line (
      "{\"seq\": 4, \"id\": \"a1\", \"title\": \"T\", \"source\": null, \"url\": 5,"
      " \"sentences\": [{\"index\": 2, \"text\": \"One.\", \"score\": 0.5},"
      " {\"index\": 7, \"text\": \"Two.\", \"score\": null}, 3],"
      " \"keywords\": [\"port\", 1, \"strike\"]}",
      &r, &why));
  assert_null (why);
  assert_int_equal (r.seq, 4);
  assert_string_equal (r.id, "a1");
  assert_string_equal (r.title, "T");
  assert_null (r.source);
  assert_null (r.url);
  assert_null (r.error);
  assert_int_equal (r.brief->items->len, 2);
  abridge_brief_item *first = &g_array_index (r.brief->items, abridge_brief_item, 0);
  abridge_brief_item *second = &g_array_index (r.brief->items, abridge_brief_item, 1);
  assert_int_equal (first->sentence, 2);
  assert_string_equal (first->text, "One.");
  assert_true (first->score == 0.5);
  assert_int_equal (second->sentence, 7);
  assert_true (isnan (second->score));
  assert_non_null (r.brief->keywords);
  assert_int_equal (g_strv_length (r.brief->keywords), 2);
  assert_string_equal (r.brief->keywords[1], "strike");
  clear (&r);

  /* An extract's annotations are its string members other than the
   * core's, in the order written; its score is kept. */
  assert_true (read_line ("{\"seq\": 0, \"error\": \"bad\", \"extracts\": [{\"sentence_index\": 1,"
                          " \"text\": \"Q\", \"score\": 0.25, \"quote\": \"q\", \"speaker\": \"S\","
                          " \"n\": 3, \"cue\": \"said\"}]}",
                          &r, &why));
  assert_string_equal (r.error, "bad");
  assert_int_equal (r.brief->items->len, 1);
  abridge_brief_item *q = &g_array_index (r.brief->items, abridge_brief_item, 0);
  assert_true (q->extract);
  assert_int_equal (q->sentence, 1);
  assert_true (q->score == 0.25);
  assert_int_equal (q->annotations->len, 6);
  assert_string_equal (q->annotations->pdata[0], "quote");
  assert_string_equal (q->annotations->pdata[3], "S");
  assert_string_equal (q->annotations->pdata[4], "cue");
  assert_string_equal (q->annotations->pdata[5], "said");
  assert_null (r.brief->keywords);
  clear (&r);
}

static void
test_parsers_result_line_that_is_no_result (void **state)
{
  (void) state;
  const char *no_results[] = { "[1, 2]", "{\"seq\": -1}", "{\"seq\": \"3\"}", "{\"seq\": 1.5}",
                               "{\"id\": \"x\"}", "7" };
  for (gsize i = 0; i < G_N_ELEMENTS (no_results); i++)
    {
      abr_result_line r;
      char *why = NULL;
      assert_true (read_line (no_results[i], &r, &why));
      assert_int_equal (r.seq, -1);
      clear (&r);
    }
  abr_result_line r;
  char *why = NULL;
  assert_false (read_line ("{\"seq\": 1,", &r, &why));
  assert_non_null (why);
  g_free (why);
  clear (&r);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_parsers_a_test_program_uses_the_build_tree_module),
    cmocka_unit_test (test_parsers_a_missing_module_is_refused),
    cmocka_unit_test (test_parsers_a_module_of_another_version_is_refused),
    cmocka_unit_test (test_parsers_a_library_without_the_table_is_refused),
    cmocka_unit_test (test_parsers_a_file_that_is_no_library_is_refused),
    cmocka_unit_test (test_parsers_result_line_members_and_brief),
    cmocka_unit_test (test_parsers_result_line_that_is_no_result),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
