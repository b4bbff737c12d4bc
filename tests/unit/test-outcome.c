/* An article's outcome on the wire between a worker process and its
 * parent: every field comes back as it went, scores bit for bit, and a
 * reply cut anywhere or holding garbage is refused, never read past. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <math.h>
#include <string.h>

#include "batch/outcome.h"

static abr_outcome
sample (void)
{
  abr_outcome out = { 0 };
  out.brief = abridge_brief_new (3);
  out.brief->scores[0] = 0.1 + 0.2; /* not a short decimal: bits must survive */
  out.brief->scores[1] = NAN;
  out.brief->scores[2] = -0.0;
  abridge_brief_item a = { FALSE, 0, 0, 12, 0.30000000000000004, g_strdup ("First one."), NULL };
  abridge_brief_item b = { TRUE, 2, 20, 31, 1e-300, g_strdup ("“A quote”"),
                           g_ptr_array_new_with_free_func (g_free) };
  g_ptr_array_add (b.annotations, g_strdup ("speaker"));
  g_ptr_array_add (b.annotations, g_strdup ("Jens Stoltenberg"));
  g_array_append_val (out.brief->items, a);
  g_array_append_val (out.brief->items, b);
  out.brief->keywords = g_strsplit ("port,strike", ",", -1);
  out.title = g_strdup ("Port strike");
  out.dateline = NULL;
  out.language = "en";
  return out;
}

static void
test_outcome_round_trip_is_exact (void **state)
{
  (void) state;
  abr_outcome in = sample ();
  GByteArray *buf = g_byte_array_new ();
  abr_wire_put_outcome (buf, &in);
  abr_outcome out;
  assert_true (abr_wire_get_outcome (buf->data, buf->len, &out));
  assert_null (out.error);
  assert_string_equal (out.title, "Port strike");
  assert_null (out.dateline);
  assert_string_equal (out.language, "en");
  assert_int_equal (out.brief->n_scores, 3);
  assert_memory_equal (out.brief->scores, in.brief->scores, 3 * sizeof (double));
  assert_int_equal (out.brief->items->len, 2);
  abridge_brief_item *x = &g_array_index (out.brief->items, abridge_brief_item, 1);
  assert_true (x->extract);
  assert_int_equal (x->sentence, 2);
  assert_int_equal (x->start, 20);
  assert_int_equal (x->end, 31);
  assert_true (x->score == 1e-300);
  assert_string_equal (x->text, "“A quote”");
  assert_int_equal (x->annotations->len, 2);
  assert_string_equal (x->annotations->pdata[1], "Jens Stoltenberg");
  assert_null (g_array_index (out.brief->items, abridge_brief_item, 0).annotations);
  assert_string_equal (out.brief->keywords[1], "strike");
  assert_null (out.brief->keywords[2]);
  abr_outcome_clear (&out);

  /* A failure carries its reason alone. */
  abr_outcome failed = { .error = g_strdup ("plugin 'x': cannot rank today") };
  g_byte_array_set_size (buf, 0);
  abr_wire_put_outcome (buf, &failed);
  assert_true (abr_wire_get_outcome (buf->data, buf->len, &out));
  assert_string_equal (out.error, failed.error);
  assert_null (out.brief);
  abr_outcome_clear (&out);
  abr_outcome_clear (&failed);
  abr_outcome_clear (&in);
  g_byte_array_unref (buf);
}

static void
test_outcome_refuses_every_truncation_and_extra_bytes (void **state)
{
  (void) state;
  abr_outcome in = sample ();
  GByteArray *buf = g_byte_array_new ();
  abr_wire_put_outcome (buf, &in);
  for (guint n = 0; n < buf->len; n++)
    {
      /* A copy of exactly N bytes, so that the sanitizers see any read past it. */
      guint8 *cut = g_memdup2 (buf->data, n);
      abr_outcome out;
      if (abr_wire_get_outcome (cut, n, &out))
        fail_msg ("a reply cut at %u of %u bytes was accepted", n, buf->len);
      assert_null (out.brief);
      assert_null (out.title);
      g_free (cut);
    }
  g_byte_array_append (buf, (const guint8 *) "x", 1);
  abr_outcome out;
  assert_false (abr_wire_get_outcome (buf->data, buf->len, &out));
  abr_outcome_clear (&in);
  g_byte_array_unref (buf);
}

static void
test_outcome_refuses_huge_counts_and_bad_text (void **state)
{
  (void) state;
  /* No error, title or dateline, language "en", then 2^32-2 scores in 8 bytes. */
  GByteArray *buf = g_byte_array_new ();
  guint32 none = G_MAXUINT32, two = 2, huge = 0xfffffffe, zero = 0;
  for (int i = 0; i < 3; i++)
    g_byte_array_append (buf, (const guint8 *) &none, 4);
  g_byte_array_append (buf, (const guint8 *) &two, 4);
  g_byte_array_append (buf, (const guint8 *) "en", 2);
  g_byte_array_append (buf, (const guint8 *) &huge, 4);
  g_byte_array_append (buf, (const guint8 *) &zero, 4);
  g_byte_array_append (buf, (const guint8 *) &zero, 4);
  abr_outcome out;
  assert_false (abr_wire_get_outcome (buf->data, buf->len, &out));

  /* A title that is not UTF-8. */
  g_byte_array_set_size (buf, 0);
  g_byte_array_append (buf, (const guint8 *) &none, 4);
  g_byte_array_append (buf, (const guint8 *) &two, 4);
  g_byte_array_append (buf, (const guint8 *) "\xff\xfe", 2);
  assert_false (abr_wire_get_outcome (buf->data, buf->len, &out));
  g_byte_array_unref (buf);
}

static void
test_request_round_trip (void **state)
{
  (void) state;
  GByteArray *buf = g_byte_array_new ();
  const char text[] = "Text with a NUL\0inside it.";
  abr_wire_put_request (buf, text, sizeof text - 1, NULL);
  const char *got;
  gsize len;
  char *title = (char *) "unset";
  assert_true (abr_wire_get_request (buf->data, buf->len, &got, &len, &title));
  assert_int_equal (len, sizeof text - 1);
  assert_memory_equal (got, text, len);
  assert_null (title);
  g_byte_array_set_size (buf, 0);
  abr_wire_put_request (buf, "x", 1, "A title");
  assert_true (abr_wire_get_request (buf->data, buf->len, &got, &len, &title));
  assert_string_equal (title, "A title");
  g_free (title);
  assert_false (abr_wire_get_request (buf->data, buf->len - 1, &got, &len, &title));
  assert_null (title);
  g_byte_array_unref (buf);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_outcome_round_trip_is_exact),
    cmocka_unit_test (test_outcome_refuses_every_truncation_and_extra_bytes),
    cmocka_unit_test (test_outcome_refuses_huge_counts_and_bad_text),
    cmocka_unit_test (test_request_round_trip),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
