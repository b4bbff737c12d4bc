/* Buffered writing to a file descriptor. */
#include "config.h"
#include "output/sink.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* Writes are gathered up to this many bytes: one syscall per entry would
 * cost more than the rendering for a million short briefs. */
#define SINK_CHUNK ((gsize) 64 * 1024)



void
abr_sink_init (abr_sink *sink, int fd, const char *name)
{
  sink->fd = fd;
  sink->name = g_strdup (name);
  sink->buf = g_string_sized_new (SINK_CHUNK + SINK_CHUNK / 4);
  sink->bytes = 0;
  sink->error = NULL;
}

void
abr_sink_clear (abr_sink *sink)
{
  g_free (sink->name);
  if (sink->buf != NULL)
    g_string_free (sink->buf, TRUE);
  g_clear_error (&sink->error);
  sink->buf = NULL;
}

void
abr_sink_fail_errno (abr_sink *sink, const char *what, int saved)
{
  if (sink->error == NULL)
    g_set_error (&sink->error, G_FILE_ERROR, g_file_error_from_errno (saved), "cannot %s %s: %s",
                 what, sink->name, g_strerror (saved));
}

void
abr_sink_flush (abr_sink *sink)
{
  const char *p = sink->buf->str;
  gsize left = sink->buf->len;
  while (left > 0 && sink->error == NULL)
    {
      ssize_t n = write (sink->fd, p, left);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          /* write() returning 0 for a non-empty buffer is a full device too. */
          abr_sink_fail_errno (sink, "write", n < 0 ? errno : ENOSPC);
          break;
        }
      p += n;
      left -= (gsize) n;
    }
  g_string_truncate (sink->buf, 0);
}

static void
abr_sink_maybe_flush (abr_sink *sink)
{
  if (sink->buf->len >= SINK_CHUNK)
    abr_sink_flush (sink);
}

void
abr_sink_write (abr_sink *sink, const char *data, gsize len)
{
  if (sink->error != NULL)
    return;
  g_string_append_len (sink->buf, data, (gssize) len);
  sink->bytes += len;
  abr_sink_maybe_flush (sink);
}

void
abr_sink_puts (abr_sink *sink, const char *text)
{
  abr_sink_write (sink, text, strlen (text));
}

/* Copies LEN bytes at OFFSET of FD (the spool) to SINK without a second
 * buffer: they are read straight into the sink's own. */
void
abr_sink_copy (abr_sink *sink, int fd, const char *fd_name, guint64 offset, guint64 len)
{
  while (len > 0 && sink->error == NULL)
    {
      gsize want = (gsize) MIN (len, (guint64) SINK_CHUNK);
      gsize old = sink->buf->len;
      g_string_set_size (sink->buf, old + want);
      ssize_t n = pread (fd, sink->buf->str + old, want, (off_t) offset);
      if (n < 0 && errno == EINTR)
        {
          g_string_truncate (sink->buf, old);
          continue;
        }
      if (n <= 0)
        {
          int saved = n < 0 ? errno : EIO; /* 0: the spool is shorter than its index */
          g_string_truncate (sink->buf, old);
          g_set_error (&sink->error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "cannot read back %s: %s", fd_name, g_strerror (saved));
          return;
        }
      g_string_truncate (sink->buf, old + (gsize) n);
      sink->bytes += (guint64) n;
      offset += (guint64) n;
      len -= (guint64) n;
      abr_sink_maybe_flush (sink);
    }
}

