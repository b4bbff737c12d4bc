/* Unit tests of encoding.c: bytes of any usual encoding into clean NFC UTF-8. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <glib.h>

#include <abridge/abridge.h>

#include "source/encoding.h"

/* Decodes LEN bytes of DATA and asserts the result is EXPECTED, with a
 * warning containing WARNING (NULL: no warning). */
static void
assert_decodes (const char *data, gsize len, AbridgeDecodeFlags flags, const char *expected,
                const char *warning)
{
  GError *error = NULL;
  char *warned = NULL;
  gsize out_len = 0;
  char *out = abridge_input_decode (data, len, flags, &out_len, &warned, &error);
  assert_null (error);
  assert_non_null (out);
  assert_string_equal (out, expected);
  assert_int_equal (out_len, strlen (expected));
  if (warning == NULL)
    assert_null (warned);
  else
    {
      assert_non_null (warned);
      assert_non_null (strstr (warned, warning));
    }
  g_free (warned);
  g_free (out);
}

static void
assert_refused (const char *data, gsize len, const char *what, const char *offset)
{
  GError *error = NULL;
  char *warned = NULL;
  gsize out_len = 0;
  assert_null (abridge_input_decode (data, len, 0, &out_len, &warned, &error));
  assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
  assert_non_null (strstr (error->message, what));
  assert_non_null (strstr (error->message, offset));
  assert_null (warned);
  g_error_free (error);
}

static void
test_encoding_utf8_passes_unchanged (void **state)
{
  (void) state;
  const char text[] = "Z\xC3\xBCrich \xE2\x80\x9Cquoted\xE2\x80\x9D and \"straight\".\n";
  assert_decodes (text, sizeof text - 1, 0, text, NULL);
}

static void
test_encoding_utf8_bom_is_dropped (void **state)
{
  (void) state;
  const char text[] = "\xEF\xBB\xBFHarbour reopens.\n";
  assert_decodes (text, sizeof text - 1, 0, "Harbour reopens.\n", NULL);
}

static void
test_encoding_utf16_with_bom_is_converted (void **state)
{
  (void) state;
  const char le[] = "\xFF\xFE" "C\0a\0f\0\xE9\0!\0";
  assert_decodes (le, sizeof le - 1, 0, "Caf\xC3\xA9!", NULL);
  const char be[] = "\xFE\xFF" "\0C\0a\0f\0\xE9\0!";
  assert_decodes (be, sizeof be - 1, 0, "Caf\xC3\xA9!", NULL);
}

static void
test_encoding_utf16_cut_in_half_is_refused (void **state)
{
  (void) state;
  const char odd[] = "\xFF\xFE" "C\0a\0f";
  assert_refused (odd, sizeof odd - 1, "UTF-16", "offset");
}

static void
test_encoding_cp1252_text_is_converted_with_a_warning (void **state)
{
  (void) state;
  /* “Café” – in Windows-1252: curly quotes, é and an en dash. */
  const char text[] = "\x93" "Caf\xE9\x94 \x96 open.\n";
  assert_decodes (text, sizeof text - 1, 0,
                  "\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D \xE2\x80\x93 open.\n", "Windows-1252");
}

static void
test_encoding_latin1_bytes_cp1252_lacks_are_read (void **state)
{
  (void) state;
  /* 0x81 has no character in Windows-1252: the text is read as Latin-1. */
  const char text[] = "Caf\xE9 \x81.";
  GError *error = NULL;
  char *warned = NULL;
  char *out = abridge_input_decode (text, sizeof text - 1, 0, NULL, &warned, &error);
  assert_non_null (out);
  assert_non_null (strstr (out, "Caf\xC3\xA9"));
  assert_true (g_utf8_validate (out, -1, NULL));
  assert_non_null (strstr (warned, "Latin-1"));
  g_free (out);
  g_free (warned);
}

static void
test_encoding_damaged_utf8_is_refused_not_guessed (void **state)
{
  (void) state;
  /* Valid UTF-8 ("ü") and then a stray byte: UTF-8 with an error. */
  const char text[] = "Z\xC3\xBCrich \xFF more.";
  assert_refused (text, sizeof text - 1, "UTF-8", "offset 8");
}

static void
test_encoding_nul_is_refused (void **state)
{
  (void) state;
  const char text[] = "PK\x03\x04\0\0\xE9";
  assert_refused (text, sizeof text - 1, "NUL", "offset 4");
}

static void
test_encoding_html_meta_charset_is_honoured (void **state)
{
  (void) state;
  /* Declared ISO-8859-1, read as browsers do (Windows-1252): 0x93/0x94 are quotes. */
  const char page[] = "<html><head><meta charset=\"ISO-8859-1\"></head><body><p>\x93" "Caf\xE9\x94</p></body></html>";
  assert_decodes (page, sizeof page - 1, ABRIDGE_DECODE_HTML,
                  "<html><head><meta charset=\"ISO-8859-1\"></head><body><p>\xE2\x80\x9C"
                  "Caf\xC3\xA9\xE2\x80\x9D</p></body></html>",
                  "as the page declares");
  /* KOI8-R, declared the old way. */
  const char koi[] = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">"
                     "<p>\xF0\xD2\xC9\xD7\xC5\xD4</p>";
  assert_decodes (koi, sizeof koi - 1, ABRIDGE_DECODE_HTML,
                  "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">"
                  "<p>\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82</p>",
                  "koi8-r");
}

static void
test_encoding_valid_utf8_page_wins_over_its_declaration (void **state)
{
  (void) state;
  /* Pages saved as UTF-8 often keep their old declaration. */
  const char page[] = "<meta charset=\"windows-1251\"><p>Z\xC3\xBCrich</p>";
  assert_decodes (page, sizeof page - 1, ABRIDGE_DECODE_HTML, page, NULL);
}

static void
test_encoding_declared_charset_is_found (void **state)
{
  (void) state;
  const char a[] = "<html><head><META CHARSET='Windows-1251'>";
  char *cs = abr_html_declared_charset (a, sizeof a - 1);
  assert_string_equal (cs, "windows-1251");
  g_free (cs);
  const char b[] = "<meta http-equiv=\"content-type\" content=\"text/html; charset=iso-8859-2\" />";
  cs = abr_html_declared_charset (b, sizeof b - 1);
  assert_string_equal (cs, "iso-8859-2");
  g_free (cs);
  const char c[] = "<meta name=\"description\" content=\"no charset here\"><p>charset=x</p>";
  assert_null (abr_html_declared_charset (c, sizeof c - 1));
}

static void
test_clean_line_ends_become_lf (void **state)
{
  (void) state;
  const char text[] = "One line.\r\nTwo lines.\rThree.\r\n\r\nNew paragraph.";
  gsize len = 0;
  char *out = abridge_text_clean (text, sizeof text - 1, &len);
  assert_string_equal (out, "One line.\nTwo lines.\nThree.\n\nNew paragraph.");
  assert_int_equal (len, strlen (out));
  g_free (out);
}

static void
test_clean_invisible_characters_go (void **state)
{
  (void) state;
  /* soft hyphen, zero-width space, word joiner, a BOM inside the text */
  const char text[] = "news\xC2\xADpaper zero\xE2\x80\x8Bwidth word\xE2\x81\xA0joiner \xEF\xBB\xBF" "bom";
  char *out = abridge_text_clean (text, sizeof text - 1, NULL);
  assert_string_equal (out, "newspaper zerowidth wordjoiner bom");
  g_free (out);
  /* A zero-width non-joiner is part of Persian spelling: kept. */
  const char zwnj[] = "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xB1\xD9\x88\xD9\x85";
  out = abridge_text_clean (zwnj, sizeof zwnj - 1, NULL);
  assert_string_equal (out, zwnj);
  g_free (out);
}

static void
test_clean_no_break_spaces_become_spaces (void **state)
{
  (void) state;
  const char text[] = "10\xC2\xA0km and 15\xE2\x80\xAF" "000 people";
  char *out = abridge_text_clean (text, sizeof text - 1, NULL);
  assert_string_equal (out, "10 km and 15 000 people");
  g_free (out);
}

static void
test_clean_text_is_nfc (void **state)
{
  (void) state;
  /* e + combining acute accent -> é; curly and straight quotes are kept. */
  const char text[] = "Caf" "e\xCC\x81 \xE2\x80\x9Cyes\xE2\x80\x9D \"no\" it\xE2\x80\x99s";
  char *out = abridge_text_clean (text, sizeof text - 1, NULL);
  assert_string_equal (out, "Caf\xC3\xA9 \xE2\x80\x9Cyes\xE2\x80\x9D \"no\" it\xE2\x80\x99s");
  g_free (out);
}

static void
test_clean_nfc_composes_as_glib_does (void **state)
{
  (void) state;
  /* A + ring, the Angstrom sign, Hangul jamo, a base with two marks out of
   * order, marks after non-ASCII letters: as g_utf8_normalize() gives them. */
  const char *cases[] = {
    "A\xCC\x8A and \xE2\x84\xAB",
    "\xE1\x84\x80\xE1\x85\xA1 \xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8",
    "Vi\xE1\xBB\x87t a\xCC\x82\xCC\xA3 a\xCC\xA3\xCC\x82",
    "\xC3\xA9\xCC\x81\xC3\xB1\xCC\x83x\xCC\x81",
    "\xCC\x81 starts with a mark",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *want = g_utf8_normalize (cases[i], -1, G_NORMALIZE_NFC);
      char *got = abridge_text_clean (cases[i], strlen (cases[i]), NULL);
      assert_string_equal (got, want);
      g_free (got);
      g_free (want);
    }
}

static void
test_clean_nfc_of_a_long_word_is_linear (void **state)
{
  (void) state;
  /* 200,000 x "e" + combining acute in one word: g_utf8_normalize() on
   * the whole is quadratic; the result is 200,000 x "é". */
  GString *word = g_string_new (NULL), *want = g_string_new (NULL);
  for (int i = 0; i < 200000; i++)
    {
      g_string_append (word, "e\xCC\x81");
      g_string_append (want, "\xC3\xA9");
    }
  gint64 start = g_get_monotonic_time ();
  char *got = abridge_text_clean (word->str, word->len, NULL);
  assert_true (g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC);
  assert_string_equal (got, want->str);
  g_free (got);
  g_string_free (word, TRUE);
  g_string_free (want, TRUE);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_encoding_utf8_passes_unchanged),
    cmocka_unit_test (test_encoding_utf8_bom_is_dropped),
    cmocka_unit_test (test_encoding_utf16_with_bom_is_converted),
    cmocka_unit_test (test_encoding_utf16_cut_in_half_is_refused),
    cmocka_unit_test (test_encoding_cp1252_text_is_converted_with_a_warning),
    cmocka_unit_test (test_encoding_latin1_bytes_cp1252_lacks_are_read),
    cmocka_unit_test (test_encoding_damaged_utf8_is_refused_not_guessed),
    cmocka_unit_test (test_encoding_nul_is_refused),
    cmocka_unit_test (test_encoding_html_meta_charset_is_honoured),
    cmocka_unit_test (test_encoding_valid_utf8_page_wins_over_its_declaration),
    cmocka_unit_test (test_encoding_declared_charset_is_found),
    cmocka_unit_test (test_clean_line_ends_become_lf),
    cmocka_unit_test (test_clean_invisible_characters_go),
    cmocka_unit_test (test_clean_no_break_spaces_become_spaces),
    cmocka_unit_test (test_clean_text_is_nfc),
    cmocka_unit_test (test_clean_nfc_composes_as_glib_does),
    cmocka_unit_test (test_clean_nfc_of_a_long_word_is_linear),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
