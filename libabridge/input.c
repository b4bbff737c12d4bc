/* Reading articles: whole files or stdin, refused unless they are text. */
#include "config.h"
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK (abridge-error-quark, abridge_error)

gsize
abridge_input_bom_length (const char *data, gsize len)
{
  return len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

gboolean
abridge_input_check (const char *data, gsize len, GError **error)
{
  const char *nul = memchr (data, '\0', len);
  const char *bad = NULL;
  gsize checked = nul != NULL ? (gsize) (nul - data) : len;

  if (!g_utf8_validate_len (data, checked, &bad))
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

/* Reads FD to the end without trusting st_size: pipes, FIFOs and /proc
 * files report none, and a file may grow while it is read. */
static char *
read_all (int fd, gsize max_bytes, gsize *len, GError **error)
{
  gsize cap = 64 * 1024, used = 0;
  char *buf = g_malloc (cap + 1);

  for (;;)
    {
      if (used == cap)
        {
          if (cap > max_bytes)
            break;
          cap *= 2;
          buf = g_realloc (buf, cap + 1);
        }
      ssize_t got = read (fd, buf + used, cap - used);
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
      if (used > max_bytes)
        break;
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
abridge_input_read_bytes (const char *path, gsize max_bytes, gsize *len, GError **error)
{
  gboolean is_stdin = strcmp (path, "-") == 0;
  int fd = is_stdin ? STDIN_FILENO : open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  struct stat st;
  char *data = NULL;
  if (fstat (fd, &st) < 0)
    set_errno_error (error, errno);
  else if (S_ISDIR (st.st_mode))
    g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "is a directory");
  else
    data = read_all (fd, max_bytes, len, error);

  if (!is_stdin)
    close (fd);
  return data;
}

char *
abridge_input_read (const char *path, gsize max_bytes, gsize *len, GError **error)
{
  char *data = abridge_input_read_bytes (path, max_bytes, len, error);
  if (data != NULL && !abridge_input_check (data, *len, error))
    g_clear_pointer (&data, g_free);
  return data;
}

int
abridge_read_line (FILE *fp, GString *line, gsize max, gboolean *too_long)
{
  g_string_truncate (line, 0);
  *too_long = FALSE;
  int c = EOF;
  guint64 n = 0;
  flockfile (fp);
  while ((c = getc_unlocked (fp)) != EOF && c != '\n')
    {
      if (line->len < max)
        g_string_append_c (line, (char) c);
      else
        *too_long = TRUE;
      /* A line with no end (/dev/zero) must not read forever. */
      if (++n > ABRIDGE_LINE_GIVE_UP)
        break;
    }
  gboolean failed = c == EOF && ferror (fp);
  funlockfile (fp);
  if (failed)
    return -1;
  if (n > ABRIDGE_LINE_GIVE_UP)
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
