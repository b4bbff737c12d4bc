/* Unit tests of offsets.c through abr_input_decode_mapped(): offsets in
 * the decoded, cleaned text mapped back to the bytes of the input. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <glib.h>

#include "source/encoding.h"
#include "source/offsets.h"

typedef struct {
  char *text;
  gsize len;
  abr_offsets *map;
} Decoded;

static Decoded
decode (const char *raw, gsize raw_len)
{
  Decoded d = { 0 };
  GError *error = NULL;
  d.text = abr_input_decode_mapped (raw, raw_len, 0, &d.len, NULL, &d.map, &error);
  assert_null (error);
  assert_non_null (d.text);
  return d;
}

static void
decoded_clear (Decoded *d)
{
  g_free (d->text);
  abr_offsets_free (d->map);
}

/* The span of NEEDLE in the cleaned text, mapped back, holds RAW_NEEDLE
 * in the input. */
static void
assert_maps (const Decoded *d, const char *raw, const char *needle, const char *raw_needle)
{
  const char *at = strstr (d->text, needle);
  assert_non_null (at);
  gsize start = abr_offsets_start (d->map, (gsize) (at - d->text));
  gsize end = abr_offsets_end (d->map, (gsize) (at - d->text) + strlen (needle));
  char *got = g_strndup (raw + start, end - start);
  if (strcmp (got, raw_needle) != 0)
    {
      char message[512];
      g_snprintf (message, sizeof message, "\"%s\" maps to \"%s\" [%zu, %zu), expected \"%s\"",
                  needle, got, start, end, raw_needle);
      g_free (got);
      fail_msg ("%s", message);
    }
  g_free (got);
}

static void
test_offsets_clean_utf8_needs_no_map (void **state)
{
  (void) state;
  const char raw[] = "Plain text, already clean.\n\nA second paragraph with Zürich in it.\n";
  Decoded d = decode (raw, sizeof raw - 1);
  assert_null (d.map);
  assert_int_equal (abr_offsets_start (d.map, 7), 7);
  assert_int_equal (abr_offsets_end (d.map, 7), 7);
  decoded_clear (&d);
}

static void
test_offsets_byte_order_mark (void **state)
{
  (void) state;
  const char raw[] = "\xEF\xBB\xBFHarbour fees rise. The port said so.";
  Decoded d = decode (raw, sizeof raw - 1);
  assert_string_equal (d.text, "Harbour fees rise. The port said so.");
  assert_maps (&d, raw, "Harbour fees rise.", "Harbour fees rise.");
  assert_maps (&d, raw, "The port said so.", "The port said so.");
  assert_int_equal (abr_offsets_start (d.map, 0), 3);
  decoded_clear (&d);
}

static void
test_offsets_crlf (void **state)
{
  (void) state;
  const char raw[] = "Title line\r\n\r\nOne sentence.\r\nTwo sentences.\r\n";
  Decoded d = decode (raw, sizeof raw - 1);
  assert_maps (&d, raw, "Title line", "Title line");
  assert_maps (&d, raw, "One sentence.", "One sentence.");
  assert_maps (&d, raw, "Two sentences.", "Two sentences.");
  assert_maps (&d, raw, "sentence.\nTwo", "sentence.\r\nTwo");
  decoded_clear (&d);
}

static void
test_offsets_no_break_spaces (void **state)
{
  (void) state;
  const char raw[] = "Fees rose by 4\xC2\xA0per cent.\xE2\x80\xAF The mayor\xC2\xA0said no.";
  Decoded d = decode (raw, sizeof raw - 1);
  assert_string_equal (d.text, "Fees rose by 4 per cent.  The mayor said no.");
  assert_maps (&d, raw, "Fees rose by 4 per cent.", "Fees rose by 4\xC2\xA0per cent.");
  assert_maps (&d, raw, "The mayor said no.", "The mayor\xC2\xA0said no.");
  decoded_clear (&d);
}

static void
test_offsets_latin1 (void **state)
{
  (void) state;
  const char raw[] = "Caf\xE9 owners said trade slowed. Prices in Z\xFCrich \x93rose\x94 too.";
  Decoded d = decode (raw, sizeof raw - 1);
  assert_string_equal (d.text, "Café owners said trade slowed. Prices in Zürich “rose” too.");
  assert_maps (&d, raw, "Café owners said trade slowed.", "Caf\xE9 owners said trade slowed.");
  assert_maps (&d, raw, "Café", "Caf\xE9");
  assert_maps (&d, raw, "Prices in Zürich “rose” too.", "Prices in Z\xFCrich \x93rose\x94 too.");
  decoded_clear (&d);
}

static void
test_offsets_utf16 (void **state)
{
  (void) state;
  /* "Né. Ok." in UTF-16LE with its byte order mark, and a surrogate pair. */
  const char raw[] = "\xFF\xFEN\0\xE9\0.\0 \0\x3D\xD8\x00\xDE \0O\0k\0.\0";
  Decoded d = decode (raw, sizeof raw - 1);
  assert_string_equal (d.text, "Né. 😀 Ok.");
  assert_int_equal (abr_offsets_start (d.map, 0), 2);
  assert_int_equal (abr_offsets_end (d.map, strlen ("Né.")), 8);
  gsize ok = (gsize) (strstr (d.text, "Ok.") - d.text);
  assert_int_equal (abr_offsets_start (d.map, ok), 16);
  assert_int_equal (abr_offsets_end (d.map, d.len), sizeof raw - 1);
  decoded_clear (&d);
}

/* What cleaning leaves out belongs to neither neighbour: a span ending
 * before it ends before it, one starting after it starts after it. */
static void
test_offsets_invisible_characters_are_outside_spans (void **state)
{
  (void) state;
  const char raw[] = "One.\xE2\x80\x8BTwo dred\xC2\xADging.";
  Decoded d = decode (raw, sizeof raw - 1);
  assert_string_equal (d.text, "One.Two dredging.");
  assert_int_equal (abr_offsets_end (d.map, 4), 4);
  assert_int_equal (abr_offsets_start (d.map, 4), 7);
  assert_maps (&d, raw, "Two dredging.", "Two dred\xC2\xADging.");
  decoded_clear (&d);
}

/* Every stage at once: a byte order mark, CRLF, a no-break space, a soft
 * hyphen and a decomposed é made NFC. */
static void
test_offsets_stages_chain (void **state)
{
  (void) state;
  const char raw[] = "\xEF\xBB\xBFTitle\r\n\r\nThe cafe\xCC\x81 opened at\xC2\xA0nine.\r\n"
                     "Dred\xC2\xADging began later.\r\n";
  Decoded d = decode (raw, sizeof raw - 1);
  assert_string_equal (d.text, "Title\n\nThe café opened at nine.\nDredging began later.\n");
  assert_maps (&d, raw, "Title", "Title");
  assert_maps (&d, raw, "The café opened at nine.", "The cafe\xCC\x81 opened at\xC2\xA0nine.");
  assert_maps (&d, raw, "Dredging began later.", "Dred\xC2\xADging began later.");
  decoded_clear (&d);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_offsets_clean_utf8_needs_no_map),
    cmocka_unit_test (test_offsets_byte_order_mark),
    cmocka_unit_test (test_offsets_crlf),
    cmocka_unit_test (test_offsets_no_break_spaces),
    cmocka_unit_test (test_offsets_latin1),
    cmocka_unit_test (test_offsets_utf16),
    cmocka_unit_test (test_offsets_invisible_characters_are_outside_spans),
    cmocka_unit_test (test_offsets_stages_chain),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
