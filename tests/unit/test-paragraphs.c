/* Unit tests of paragraphs.c: white space folds the same wherever it
 * falls, in particular around the 8-byte words the fast path copies. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <glib.h>

#include "text/paragraphs.h"

/* The rule of paragraphs.h, one character at a time: every run of white
 * space (ASCII, Unicode, no-break space) becomes one space, none at
 * either end; everything else, controls included, is kept. */
static char *
fold_slowly (const char *text, gsize len)
{
  GString *out = g_string_new (NULL);
  gboolean pending = FALSE;
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          pending = out->len > 0;
          continue;
        }
      if (pending)
        g_string_append_c (out, ' ');
      pending = FALSE;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

static void
assert_folds_as_the_rule_says (const char *text, gsize start, gsize end)
{
  GString *out = g_string_new ("kept:");
  abr_fold_whitespace (out, text, start, end);
  char *want = fold_slowly (text + start, end - start);
  if (strcmp (out->str + 5, want) != 0)
    fail_msg ("\"%.*s\" folds to \"%s\", not \"%s\"", (int) (end - start), text + start,
              out->str + 5, want);
  assert_memory_equal (out->str, "kept:", 5); /* appended, not replaced */
  g_free (want);
  g_string_free (out, TRUE);
}

static void
test_paragraphs_fold_white_space_at_every_offset (void **state)
{
  (void) state;
  /* Each piece after 0-19 bytes of words with single spaces, then words
   * again: the piece falls at every place in and across an 8-byte word. */
  static const char *const pieces[] = {
    " ", "  ", "\t", "\n", "\r\n", " \n ", "\xc2\xa0", "\xe2\x80\x83", "\x01", "\x7f",
    "\xc3\xa9", "\xe2\x80\x9c", "~", "", " x ", NULL,
  };
  const char *words = "ab cd efgh i jk lmnop qr";
  for (const char *const *piece = pieces; *piece; piece++)
    for (gsize before = 0; before < 20; before++)
      {
        GString *text = g_string_new (NULL);
        g_string_append_len (text, words, (gssize) before);
        g_string_append (text, *piece);
        g_string_append (text, words);
        /* The whole, and ends cut at every offset too. */
        for (gsize start = 0; start < 10; start++)
          for (gsize cut = 0; cut < 10 && cut + start <= text->len; cut++)
            assert_folds_as_the_rule_says (text->str, start, text->len - cut);
        g_string_free (text, TRUE);
      }
}

static void
test_paragraphs_fold_trims_and_collapses (void **state)
{
  (void) state;
  GString *out = g_string_new (NULL);
  const char *text = "  The  port\t\treopened\n\non Tuesday, \xc2\xa0 officials said.  ";
  abr_fold_whitespace (out, text, 0, strlen (text));
  assert_string_equal (out->str, "The port reopened on Tuesday, officials said.");
  g_string_free (out, TRUE);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_paragraphs_fold_white_space_at_every_offset),
    cmocka_unit_test (test_paragraphs_fold_trims_and_collapses),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
