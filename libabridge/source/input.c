/* Reading articles: whole files or stdin, refused unless they are text. */
#include "config.h"
#include "source/input.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK (abridge-error-quark, abridge_error)

gsize
abr_input_bom_length (const char *data, gsize len)
{
  return len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

gboolean
abr_utf8_validate (const char *data, gsize len, const char **end)
{
  const guchar *p = (const guchar *) data, *e = p + len;
  while (p < e)
    {
      /* Eight bytes of ASCII without NUL at a time: most of a news text. */
      while (e - p >= 8)
        {
          guint64 w;
          memcpy (&w, p, sizeof w);
          if (((w | ((w - 0x0101010101010101u) & ~w)) & 0x8080808080808080u) != 0)
            break;
          p += 8;
        }
      if (p == e)
        break;
      guint c = *p;
      if (c < 0x80)
        {
          if (c == 0)
            break;
          p++;
          continue;
        }
      /* RFC 3629's table: the lead byte fixes the length and the range of
       * the second byte (no overlong forms, surrogates or beyond U+10FFFF). */
      gsize n;
      guint lo = 0x80, hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF)
        n = 1;
      else if (c >= 0xE0 && c <= 0xEF)
        {
          n = 2;
          lo = c == 0xE0 ? 0xA0 : 0x80;
          hi = c == 0xED ? 0x9F : 0xBF;
        }
      else if (c >= 0xF0 && c <= 0xF4)
        {
          n = 3;
          lo = c == 0xF0 ? 0x90 : 0x80;
          hi = c == 0xF4 ? 0x8F : 0xBF;
        }
      else
        break;
      if ((gsize) (e - p) <= n || p[1] < lo || p[1] > hi)
        break;
      gsize i = 2;
      while (i <= n && (p[i] & 0xC0) == 0x80)
        i++;
      if (i <= n)
        break;
      p += n + 1;
    }
  if (end != NULL)
    *end = (const char *) p;
  return p == e;
}

gboolean
abridge_input_check (const char *data, gsize len, GError **error)
{
  const char *nul = memchr (data, '\0', len);
  const char *bad = NULL;
  gsize checked = nul != NULL ? (gsize) (nul - data) : len;

  if (!abr_utf8_validate (data, checked, &bad))
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT,
                   "invalid UTF-8 at byte offset %" G_GSIZE_FORMAT " (not a UTF-8 text file?)",
                   (gsize) (bad - data));
      return FALSE;
    }
  if (nul != NULL)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT,
                   "NUL byte at byte offset %" G_GSIZE_FORMAT " (binary file?)", checked);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_errno_error (GError **error, int saved_errno)
{
  g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "%s", g_strerror (saved_errno));
  return FALSE;
}

/* Reads FD (or FP when FD < 0: standard input, which may have been read
 * from already through stdio) to the end after PREFIX, without trusting
 * st_size: pipes, FIFOs and /proc files report none, and a file may grow
 * while it is read. */
static char *
read_all (int fd, FILE *fp, const char *prefix, gsize prefix_len, gsize max_bytes, gsize *len,
          GError **error)
{
  gsize cap = MAX (64 * 1024, prefix_len), used = prefix_len;
  char *buf = g_malloc (cap + 1);
  if (prefix_len > 0)
    memcpy (buf, prefix, prefix_len);

  while (used <= max_bytes)
    {
      if (used == cap)
        {
          cap *= 2;
          buf = g_realloc (buf, cap + 1);
        }
      gssize got;
      if (fd >= 0)
        got = read (fd, buf + used, cap - used);
      else
        {
          got = (gssize) fread (buf + used, 1, cap - used, fp);
          if (got == 0 && ferror (fp))
            got = -1;
        }
      if (got < 0)
        {
          if (errno == EINTR)
            continue;
          int saved = errno;
          g_free (buf);
          set_errno_error (error, saved);
          return NULL;
        }
      if (got == 0)
        break;
      used += (gsize) got;
    }
  if (used > max_bytes)
    {
      g_free (buf);
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT,
                   "larger than %" G_GSIZE_FORMAT " bytes (raise --max-bytes to read it)",
                   max_bytes);
      return NULL;
    }
  buf[used] = '\0';
  *len = used;
  return buf;
}

char *
abr_source_read_bytes (const char *path, const char *prefix, gsize prefix_len,
                           gsize max_bytes, gsize *len, GError **error)
{
  gboolean is_stdin = strcmp (path, "-") == 0;
  int fd = is_stdin ? STDIN_FILENO : open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  return abr_source_read_fd (fd, is_stdin, prefix, prefix_len, max_bytes, len, error);
}

char *
abr_source_read_fd (int fd, gboolean is_stdin, const char *prefix, gsize prefix_len,
                    gsize max_bytes, gsize *len, GError **error)
{

  struct stat st;
  char *data = NULL;
  if (fstat (fd, &st) < 0)
    set_errno_error (error, errno);
  else if (S_ISDIR (st.st_mode))
    g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "is a directory");
  else
    data = read_all (is_stdin ? -1 : fd, stdin, prefix, prefix_len, max_bytes, len, error);

  if (!is_stdin)
    close (fd);
  return data;
}

char *
abridge_input_read_bytes (const char *path, gsize max_bytes, gsize *len, GError **error)
{
  return abr_source_read_bytes (path, NULL, 0, max_bytes, len, error);
}

char *
abridge_input_read (const char *path, gsize max_bytes, gsize *len, GError **error)
{
  char *data = abridge_input_read_bytes (path, max_bytes, len, error);
  if (data != NULL && !abridge_input_check (data, *len, error))
    g_clear_pointer (&data, g_free);
  return data;
}

char *
abr_line_buffer (FILE *fp)
{
  enum { SIZE = 64 * 1024 };
  if (fp == stdin)
    return NULL;
  char *buf = g_malloc (SIZE);
  setvbuf (fp, buf, _IOFBF, SIZE);
  return buf;
}

/* Appends to LINE what of RUN fits under MAX bytes. */
static void
keep (GString *line, const char *run, gsize len, gsize max, gboolean *too_long)
{
  gsize room = line->len < max ? max - line->len : 0;
  g_string_append_len (line, run, (gssize) MIN (len, room));
  if (len > room)
    *too_long = TRUE;
}

int
abr_read_line (FILE *fp, GString *line, gsize max, gboolean *too_long)
{
  g_string_truncate (line, 0);
  *too_long = FALSE;
  int c = EOF;
  guint64 n = 0;
  flockfile (fp);
  for (;;)
    {
#ifdef __GLIBC__
      /* glibc's FILE shows its read buffer (as gnulib's freadptr uses it):
       * the line is found with memchr and copied in runs, not a byte at a
       * time, which shows in a JSONL run (bench/README.md). */
      gsize avail = (gsize) (fp->_IO_read_end - fp->_IO_read_ptr);
      if (avail > 0)
        {
          const char *run = fp->_IO_read_ptr;
          const char *nl = memchr (run, '\n', avail);
          gsize len = nl != NULL ? (gsize) (nl - run) : avail;
          keep (line, run, len, max, too_long);
          n += len;
          fp->_IO_read_ptr += len + (nl != NULL);
          if (nl != NULL)
            {
              c = '\n';
              break;
            }
          if (n > ABR_LINE_GIVE_UP)
            break;
          continue;
        }
#endif
      if ((c = getc_unlocked (fp)) == EOF || c == '\n')
        break;
      char byte = (char) c;
      keep (line, &byte, 1, max, too_long);
      /* A line with no end (/dev/zero) must not read forever. */
      if (++n > ABR_LINE_GIVE_UP)
        break;
    }
  gboolean failed = c == EOF && ferror (fp);
  funlockfile (fp);
  if (failed)
    return -1;
  if (n > ABR_LINE_GIVE_UP)
    {
      errno = EFBIG;
      return -1;
    }
  if (c == EOF && n == 0)
    return 0;
  if (!*too_long && line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  return 1;
}
