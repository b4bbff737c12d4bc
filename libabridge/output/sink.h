/* Buffered writing to a file descriptor that remembers its first failure,
 * so that a writer checks once, at the end of a section. */
#ifndef ABRIDGE_OUTPUT_SINK_H
#define ABRIDGE_OUTPUT_SINK_H

#include <glib.h>

typedef struct {
  int fd;
  char *name;     /* for messages: the display name of the file */
  GString *buf;
  guint64 bytes;  /* written or buffered so far: the next offset */
  GError *error;  /* the first failure; later writes are no-ops so the caller
                     can check once, at the end of a section */
} abr_sink;

void abr_sink_init (abr_sink *sink, int fd, const char *name);
void abr_sink_clear (abr_sink *sink);
/* Records the failure SAVED (an errno) of WHAT unless one is recorded. */
void abr_sink_fail_errno (abr_sink *sink, const char *what, int saved);
void abr_sink_flush (abr_sink *sink);
void abr_sink_write (abr_sink *sink, const char *data, gsize len);
void abr_sink_puts (abr_sink *sink, const char *text);
/* Copies LEN bytes at OFFSET of FD (named FD_NAME in messages) to SINK
 * without a second buffer: they are read straight into the sink's own. */
void abr_sink_copy (abr_sink *sink, int fd, const char *fd_name, guint64 offset,
                        guint64 len);

#endif
