/* Unit tests of input.c: reading articles whole and refusing what is not UTF-8 text. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include <abridge/abridge.h>

#include "source/input.h"

/* ---- helpers ------------------------------------------------------------- */

/* The group's scratch directory; every test writes its files into it. */
static char *tmpdir;

static int
make_tmpdir (void **state)
{
  (void) state;
  GError *error = NULL;
  tmpdir = g_dir_make_tmp ("abridge-test-input-XXXXXX", &error);
  return tmpdir != NULL ? 0 : -1;
}

static int
remove_tmpdir (void **state)
{
  (void) state;
  GDir *dir = g_dir_open (tmpdir, 0, NULL);
  if (dir != NULL)
    {
      const char *name;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          char *path = g_build_filename (tmpdir, name, NULL);
          if (g_remove (path) != 0)
            g_rmdir (path);
          g_free (path);
        }
      g_dir_close (dir);
    }
  g_rmdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  return 0;
}

/* Writes LEN bytes of DATA to NAME in the scratch directory; returns its path. */
static char *
write_file (const char *name, const char *data, gssize len)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  GError *error = NULL;
  gboolean ok = g_file_set_contents (path, data, len, &error);
  if (!ok)
    fail_msg ("cannot write %s: %s", path, error->message);
  return path;
}

/* Asserts that MESSAGE names byte offset OFFSET: "offset N" with no digit after it. */
static void
assert_names_offset (const char *message, gsize offset)
{
  char *needle = g_strdup_printf ("offset %" G_GSIZE_FORMAT, offset);
  const char *hit = strstr (message, needle);
  if (hit == NULL || g_ascii_isdigit (hit[strlen (needle)]))
    fail_msg ("message \"%s\" does not name byte offset %" G_GSIZE_FORMAT, message, offset);
  g_free (needle);
}

/* Checks LEN bytes of DATA and asserts they are refused as invalid UTF-8 at OFFSET. */
static void
assert_invalid_at (const char *data, gsize len, gsize offset)
{
  GError *error = NULL;
  assert_false (abridge_input_check (data, len, &error));
  assert_non_null (error);
  assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
  assert_non_null (strstr (error->message, "UTF-8"));
  assert_names_offset (error->message, offset);
  g_error_free (error);
}

/* ---- abridge_input_check ------------------------------------------------- */

static void
test_input_valid_utf8_passes (void **state)
{
  (void) state;
  const char *text = "Dock workers in Rotterdam walked out. Zürich, école, “quotes”, "
                     "em dash — and an emoji \xF0\x9F\x9A\xA2 are all fine.\n";
  GError *error = NULL;
  assert_true (abridge_input_check (text, strlen (text), &error));
  assert_null (error);
  /* The empty text is valid too. */
  assert_true (abridge_input_check ("", 0, &error));
  assert_null (error);
}

static void
test_input_bad_lead_byte_names_its_offset (void **state)
{
  (void) state;
  assert_invalid_at ("\xFF" "abc", 4, 0);
  assert_invalid_at ("Port strike\xFF ends", 17, 11);
}

static void
test_input_truncated_sequence_at_end_names_its_offset (void **state)
{
  (void) state;
  /* The first two bytes of a three-byte "—" (E2 80 94). */
  const char text[] = "The port closed \xE2\x80";
  assert_invalid_at (text, sizeof text - 1, 16);
  /* A lone lead byte of a two-byte sequence as the very last byte. */
  const char text2[] = "caf\xC3";
  assert_invalid_at (text2, sizeof text2 - 1, 3);
}

static void
test_input_overlong_encoding_names_its_offset (void **state)
{
  (void) state;
  /* 0xC0 0xAF is an overlong "/". */
  const char text[] = "path \xC0\xAF etc";
  assert_invalid_at (text, sizeof text - 1, 5);
}

static void
test_input_utf16_surrogate_names_its_offset (void **state)
{
  (void) state;
  /* U+D800 encoded as if it were a character (CESU-8 style). */
  const char text[] = "ab\xED\xA0\x80" "cd";
  assert_invalid_at (text, sizeof text - 1, 2);
}

static void
test_input_nul_byte_names_its_offset (void **state)
{
  (void) state;
  const char text[] = "binary\0data";
  GError *error = NULL;
  assert_false (abridge_input_check (text, sizeof text - 1, &error));
  assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
  assert_non_null (strstr (error->message, "NUL"));
  assert_names_offset (error->message, 6);
  g_error_free (error);
}

static void
test_input_earliest_problem_is_reported (void **state)
{
  (void) state;
  GError *error = NULL;
  /* Invalid UTF-8 before a NUL: the UTF-8 error, at its offset. */
  const char a[] = "ab\xFF" "c\0d";
  assert_false (abridge_input_check (a, sizeof a - 1, &error));
  assert_non_null (strstr (error->message, "UTF-8"));
  assert_names_offset (error->message, 2);
  g_clear_error (&error);
  /* A NUL before invalid UTF-8: the NUL, at its offset. */
  const char b[] = "abc\0d\xFF";
  assert_false (abridge_input_check (b, sizeof b - 1, &error));
  assert_non_null (strstr (error->message, "NUL"));
  assert_names_offset (error->message, 3);
  g_clear_error (&error);
}

static void
test_input_message_does_not_name_the_file (void **state)
{
  (void) state;
  char *path = write_file ("bad-utf8.txt", "Harbour \xFF news\n", -1);
  GError *error = NULL;
  gsize len = 0;
  assert_null (abridge_input_read (path, ABRIDGE_DEFAULT_MAX_BYTES, &len, &error));
  assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
  assert_names_offset (error->message, 8);
  /* The caller prefixes the file name. */
  assert_null (strstr (error->message, "bad-utf8.txt"));
  g_error_free (error);
  g_free (path);
}

/* ---- abridge_input_read -------------------------------------------------- */

static void
test_input_read_returns_whole_file_nul_terminated (void **state)
{
  (void) state;
  const char *text = "Rotterdam dock strike\n\nThousands walked out on Tuesday.\n";
  char *path = write_file ("article.txt", text, -1);
  GError *error = NULL;
  gsize len = 0;
  char *data = abridge_input_read (path, ABRIDGE_DEFAULT_MAX_BYTES, &len, &error);
  assert_null (error);
  assert_non_null (data);
  assert_int_equal (len, strlen (text));
  assert_memory_equal (data, text, len);
  assert_int_equal (data[len], '\0');
  g_free (data);
  g_free (path);
}

static void
test_input_read_refuses_invalid_utf8_file (void **state)
{
  (void) state;
  const char text[] = "Caf\xC3 society";
  char *path = write_file ("latin1.txt", text, sizeof text - 1);
  GError *error = NULL;
  gsize len = 0;
  assert_null (abridge_input_read (path, ABRIDGE_DEFAULT_MAX_BYTES, &len, &error));
  assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
  assert_names_offset (error->message, 3);
  g_error_free (error);
  g_free (path);
}

static void
test_input_read_refuses_binary_file_with_nul (void **state)
{
  (void) state;
  const char text[] = "PK\x03\x04\0\0rest";
  char *path = write_file ("archive.zip", text, sizeof text - 1);
  GError *error = NULL;
  gsize len = 0;
  assert_null (abridge_input_read (path, ABRIDGE_DEFAULT_MAX_BYTES, &len, &error));
  assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
  assert_non_null (strstr (error->message, "NUL"));
  assert_names_offset (error->message, 4);
  g_error_free (error);
  g_free (path);
}

static void
test_input_directory_is_refused (void **state)
{
  (void) state;
  GError *error = NULL;
  gsize len = 0;
  assert_null (abridge_input_read (tmpdir, ABRIDGE_DEFAULT_MAX_BYTES, &len, &error));
  assert_non_null (error);
  assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
  assert_non_null (strstr (error->message, "is a directory"));
  g_error_free (error);
}

static void
test_input_missing_file_is_refused (void **state)
{
  (void) state;
  char *path = g_build_filename (tmpdir, "no-such-article.txt", NULL);
  GError *error = NULL;
  gsize len = 0;
  assert_null (abridge_input_read (path, ABRIDGE_DEFAULT_MAX_BYTES, &len, &error));
  assert_non_null (error);
  assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
  assert_non_null (strstr (error->message, g_strerror (ENOENT)));
  g_error_free (error);
  g_free (path);
}

static void
test_input_max_bytes_refuses_larger_file (void **state)
{
  (void) state;
  char *text = g_strnfill (100, 'x');
  char *path = write_file ("hundred.txt", text, 100);
  GError *error = NULL;
  gsize len = 0;
  assert_null (abridge_input_read (path, 99, &len, &error));
  assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
  /* The message names the limit. */
  assert_non_null (strstr (error->message, "99"));
  g_error_free (error);
  g_free (path);
  g_free (text);
}

static void
test_input_max_bytes_accepts_file_of_exactly_max (void **state)
{
  (void) state;
  char *text = g_strnfill (100, 'x');
  char *path = write_file ("hundred-ok.txt", text, 100);
  GError *error = NULL;
  gsize len = 0;
  char *data = abridge_input_read (path, 100, &len, &error);
  assert_null (error);
  assert_non_null (data);
  assert_int_equal (len, 100);
  g_free (data);
  g_free (path);
  g_free (text);
}

/* The reader grows its buffer from 64 KiB: the limit must hold on both
 * sides of that boundary, and of the next one. */
static void
test_input_max_bytes_exact_at_buffer_boundaries (void **state)
{
  (void) state;
  const gsize sizes[] = { 65535, 65536, 65537, 131072, 131073 };
  for (gsize k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      gsize n = sizes[k];
      char *text = g_strnfill (n, 'y');
      char *name = g_strdup_printf ("size-%" G_GSIZE_FORMAT ".txt", n);
      char *path = write_file (name, text, (gssize) n);
      GError *error = NULL;
      gsize len = 0;

      char *data = abridge_input_read (path, n, &len, &error);
      if (data == NULL)
        fail_msg ("a file of %" G_GSIZE_FORMAT " bytes was refused with max %" G_GSIZE_FORMAT
                  ": %s", n, n, error->message);
      assert_int_equal (len, n);
      assert_memory_equal (data, text, n);
      g_free (data);

      assert_null (abridge_input_read (path, n - 1, &len, &error));
      assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
      g_clear_error (&error);

      g_free (path);
      g_free (name);
      g_free (text);
    }
}

/* ---- FIFO ------------------------------------------------------------------ */

typedef struct {
  char *path;
  const char *data;
  gsize len;
  gboolean connected; /* FALSE: gave up waiting for the reader */
} FifoWriter;

/* Waits (without blocking forever) for the reader to open the FIFO, then
 * writes the data in pieces and closes. If no reader comes within a few
 * seconds, opens the FIFO read-write once so that a reader stuck in open()
 * is released with an empty read rather than hanging the test. */
static gpointer
fifo_writer (gpointer data)
{
  FifoWriter *w = data;
  int fd = -1;
  for (int tries = 0; tries < 1000 && fd < 0; tries++)
    {
      fd = open (w->path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        g_usleep (10 * 1000);
    }
  if (fd < 0)
    {
      fd = open (w->path, O_RDWR | O_NONBLOCK | O_CLOEXEC);
      if (fd >= 0)
        close (fd);
      return NULL;
    }
  w->connected = TRUE;
  int flags = fcntl (fd, F_GETFL);
  fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);
  gsize done = 0;
  while (done < w->len)
    {
      gsize piece = MIN (w->len - done, (gsize) 7000);
      ssize_t n = write (fd, w->data + done, piece);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += (gsize) n;
      g_usleep (100);
    }
  close (fd);
  return NULL;
}

static void
test_input_fifo_is_read_to_the_end (void **state)
{
  (void) state;
  char *path = g_build_filename (tmpdir, "article.fifo", NULL);
  if (mkfifo (path, 0600) != 0)
    {
      g_free (path);
      skip ();
    }

  /* More than the 64 KiB first buffer and more than a pipe holds. */
  gsize n = 200 * 1000;
  GString *text = g_string_sized_new (n);
  while (text->len < n)
    g_string_append (text, "Tugboats and pilots were working normally. ");
  g_string_truncate (text, n);

  FifoWriter w = { path, text->str, text->len, FALSE };
  /* A last resort against a hang: the test dies rather than stalls. */
  alarm (60);
  GThread *writer = g_thread_new ("fifo-writer", fifo_writer, &w);
  GError *error = NULL;
  gsize len = 0;
  char *data = abridge_input_read (path, ABRIDGE_DEFAULT_MAX_BYTES, &len, &error);
  g_thread_join (writer);
  alarm (0);

  assert_true (w.connected);
  if (data == NULL)
    fail_msg ("reading a FIFO failed: %s", error->message);
  assert_int_equal (len, n);
  assert_memory_equal (data, text->str, n);
  assert_int_equal (data[len], '\0');

  g_free (data);
  g_string_free (text, TRUE);
  g_unlink (path);
  g_free (path);
}

static void
test_input_fifo_larger_than_max_is_refused (void **state)
{
  (void) state;
  char *path = g_build_filename (tmpdir, "big.fifo", NULL);
  if (mkfifo (path, 0600) != 0)
    {
      g_free (path);
      skip ();
    }
  gsize n = 100 * 1000;
  char *text = g_strnfill (n, 'z');
  FifoWriter w = { path, text, n, FALSE };
  /* The reader stops early and closes: the writer must not die of SIGPIPE. */
  void (*old) (int) = signal (SIGPIPE, SIG_IGN);
  alarm (60);
  GThread *writer = g_thread_new ("fifo-writer", fifo_writer, &w);
  GError *error = NULL;
  gsize len = 0;
  char *data = abridge_input_read (path, 1000, &len, &error);
  g_thread_join (writer);
  alarm (0);
  signal (SIGPIPE, old);

  assert_null (data);
  assert_true (g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT));
  assert_non_null (strstr (error->message, "1000"));
  g_error_free (error);
  g_free (text);
  g_unlink (path);
  g_free (path);
}

/* ---- byte order mark ------------------------------------------------------- */

static void
test_input_bom_length_recognises_utf8_bom (void **state)
{
  (void) state;
  assert_int_equal (abr_input_bom_length ("\xEF\xBB\xBF" "News", 7), 3);
  assert_int_equal (abr_input_bom_length ("\xEF\xBB\xBF", 3), 3);
  /* Too short, or anything else, is no BOM. */
  assert_int_equal (abr_input_bom_length ("\xEF\xBB", 2), 0);
  assert_int_equal (abr_input_bom_length ("News", 4), 0);
  assert_int_equal (abr_input_bom_length ("", 0), 0);
  /* A UTF-16 BOM is not a UTF-8 one. */
  assert_int_equal (abr_input_bom_length ("\xFF\xFEN\0", 4), 0);
}

static void
test_input_bom_is_tolerated (void **state)
{
  (void) state;
  const char text[] = "\xEF\xBB\xBF" "Harbour reopens\n\nShips moved again on Friday.\n";
  GError *error = NULL;
  assert_true (abridge_input_check (text, sizeof text - 1, &error));
  assert_null (error);

  char *path = write_file ("bom.txt", text, sizeof text - 1);
  gsize len = 0;
  char *data = abridge_input_read (path, ABRIDGE_DEFAULT_MAX_BYTES, &len, &error);
  assert_null (error);
  assert_non_null (data);
  assert_int_equal (len, sizeof text - 1);
  assert_int_equal (abr_input_bom_length (data, len), 3);
  g_free (data);
  g_free (path);
}

/* ---- abr_utf8_validate: the same answers as GLib's ----------------------- */

static void
assert_same_as_glib (const char *data, gsize len)
{
  const char *ours = NULL, *theirs = NULL;
  gboolean ok = abr_utf8_validate (data, len, &ours);
  gboolean expected = g_utf8_validate_len (data, len, &theirs);
  if (ok != expected || ours != theirs)
    fail_msg ("%zu bytes starting %02x %02x %02x %02x: ours %d at %td, GLib's %d at %td", len,
              len > 0 ? (guchar) data[0] : 0, len > 1 ? (guchar) data[1] : 0,
              len > 2 ? (guchar) data[2] : 0, len > 3 ? (guchar) data[3] : 0, ok, ours - data,
              expected, theirs - data);
}

/* Every sequence of one to three bytes, alone and after 9 bytes of ASCII
 * (the eight-byte path hands over mid-string), then cut short. */
static void
test_utf8_validate_every_short_sequence (void **state)
{
  (void) state;
  char buf[16] = "abcdefghi";
  for (guint32 v = 0; v < (1u << 24); v++)
    {
      char *seq = buf + 9;
      seq[0] = (char) (v >> 16);
      seq[1] = (char) (v >> 8);
      seq[2] = (char) v;
      if ((v & 0xffff) == 0)
        assert_same_as_glib (seq, 1);
      if ((v & 0xff) == 0)
        assert_same_as_glib (seq, 2);
      assert_same_as_glib (seq, 3);
      if ((v & 0x3f) == 0)
        assert_same_as_glib (buf, 12);
    }
}

/* Four-byte sequences (every lead byte, the edges of each continuation
 * range) and random mixes of ASCII, NUL and multi-byte text. */
static void
test_utf8_validate_four_bytes_and_random_text (void **state)
{
  (void) state;
  static const guchar edges[] = { 0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff };
  guchar seq[4];
  for (guint lead = 0xe0; lead <= 0xff; lead++)
    for (gsize a = 0; a < sizeof edges; a++)
      for (gsize b = 0; b < sizeof edges; b++)
        for (gsize c = 0; c < sizeof edges; c++)
          {
            seq[0] = (guchar) lead, seq[1] = edges[a], seq[2] = edges[b], seq[3] = edges[c];
            assert_same_as_glib ((const char *) seq, 4);
          }
  static const char *const pieces[] = { "a", "word ", "\xc3\xa9", "\xe2\x80\x9c", "\xf0\x9f\x98\x80",
                                         "\xed\xa0\x80", "\xc3", "\x80", "", "0123456789abcdef" };
  GRand *rand = g_rand_new_with_seed (20261127);
  char text[256];
  for (int round = 0; round < 200000; round++)
    {
      gsize len = 0;
      while (len < 200)
        {
          const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];
          gsize n = *piece != '\0' ? strlen (piece) : 1; /* "": a NUL byte */
          memcpy (text + len, piece, n);
          len += n;
        }
      assert_same_as_glib (text, (gsize) g_rand_int_range (rand, 0, (gint32) len + 1));
    }
  g_rand_free (rand);
}

/* ---- abr_read_line ---------------------------------------------------- */

static FILE *
file_with (const char *data, gsize len)
{
  FILE *fp = tmpfile ();
  assert_non_null (fp);
  assert_int_equal (fwrite (data, 1, len, fp), len);
  rewind (fp);
  return fp;
}

static void
assert_line (FILE *fp, GString *line, gsize max, const char *want, gsize want_len, gboolean long_)
{
  gboolean too_long = !long_;
  assert_int_equal (abr_read_line (fp, line, max, &too_long), 1);
  assert_int_equal (too_long, long_);
  assert_int_equal (line->len, want_len);
  assert_memory_equal (line->str, want, want_len);
}

/* LF and CR LF ends, an empty line, a NUL inside a line, a last line
 * without its end, then the end of the input. */
static void
test_read_line_splits_lines (void **state)
{
  (void) state;
  static const char data[] = "one\ntwo\r\n\nn\0l\nlast";
  FILE *fp = file_with (data, sizeof data - 1);
  GString *line = g_string_new (NULL);
  assert_line (fp, line, 100, "one", 3, FALSE);
  assert_line (fp, line, 100, "two", 3, FALSE);
  assert_line (fp, line, 100, "", 0, FALSE);
  assert_line (fp, line, 100, "n\0l", 3, FALSE);
  assert_line (fp, line, 100, "last", 4, FALSE);
  gboolean too_long;
  assert_int_equal (abr_read_line (fp, line, 100, &too_long), 0);
  g_string_free (line, TRUE);
  fclose (fp);
}

/* A line over MAX keeps its first MAX bytes, is flagged, and is read to
 * its end: the next line comes whole. Lines far longer than stdio's
 * buffer are found across its refills. */
static void
test_read_line_bounds_long_lines (void **state)
{
  (void) state;
  gsize big = 300 * 1024;
  GString *data = g_string_new (NULL);
  for (gsize i = 0; i < big; i++)
    g_string_append_c (data, (char) ('a' + i % 26));
  g_string_append (data, "\nshort\n");
  for (gsize i = 0; i < big; i++)
    g_string_append_c (data, (char) ('a' + i % 26));
  g_string_append (data, "\r\n");
  FILE *fp = file_with (data->str, data->len);
  GString *line = g_string_new (NULL);
  assert_line (fp, line, 10, data->str, 10, TRUE);
  assert_line (fp, line, 10, "short", 5, FALSE);
  assert_line (fp, line, big + 1, data->str, big, FALSE);
  gboolean too_long;
  assert_int_equal (abr_read_line (fp, line, big, &too_long), 0);
  g_string_free (line, TRUE);
  g_string_free (data, TRUE);
  fclose (fp);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_utf8_validate_every_short_sequence),
    cmocka_unit_test (test_utf8_validate_four_bytes_and_random_text),
    cmocka_unit_test (test_read_line_splits_lines),
    cmocka_unit_test (test_read_line_bounds_long_lines),
    cmocka_unit_test (test_input_valid_utf8_passes),
    cmocka_unit_test (test_input_bad_lead_byte_names_its_offset),
    cmocka_unit_test (test_input_truncated_sequence_at_end_names_its_offset),
    cmocka_unit_test (test_input_overlong_encoding_names_its_offset),
    cmocka_unit_test (test_input_utf16_surrogate_names_its_offset),
    cmocka_unit_test (test_input_nul_byte_names_its_offset),
    cmocka_unit_test (test_input_earliest_problem_is_reported),
    cmocka_unit_test (test_input_message_does_not_name_the_file),
    cmocka_unit_test (test_input_read_returns_whole_file_nul_terminated),
    cmocka_unit_test (test_input_read_refuses_invalid_utf8_file),
    cmocka_unit_test (test_input_read_refuses_binary_file_with_nul),
    cmocka_unit_test (test_input_directory_is_refused),
    cmocka_unit_test (test_input_missing_file_is_refused),
    cmocka_unit_test (test_input_max_bytes_refuses_larger_file),
    cmocka_unit_test (test_input_max_bytes_accepts_file_of_exactly_max),
    cmocka_unit_test (test_input_max_bytes_exact_at_buffer_boundaries),
    cmocka_unit_test (test_input_fifo_is_read_to_the_end),
    cmocka_unit_test (test_input_fifo_larger_than_max_is_refused),
    cmocka_unit_test (test_input_bom_length_recognises_utf8_bom),
    cmocka_unit_test (test_input_bom_is_tolerated),
  };
  return cmocka_run_group_tests (tests, make_tmpdir, remove_tmpdir);
}
