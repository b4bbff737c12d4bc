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
} abridge_sink;

void abridge_sink_init (abridge_sink *sink, int fd, const char *name);
void abridge_sink_clear (abridge_sink *sink);
/* Records the failure SAVED (an errno) of WHAT unless one is recorded. */
void abridge_sink_fail_errno (abridge_sink *sink, const char *what, int saved);
void abridge_sink_flush (abridge_sink *sink);
void abridge_sink_write (abridge_sink *sink, const char *data, gsize len);
void abridge_sink_puts (abridge_sink *sink, const char *text);
/* Copies LEN bytes at OFFSET of FD (named FD_NAME in messages) to SINK
 * without a second buffer: they are read straight into the sink's own. */
void abridge_sink_copy (abridge_sink *sink, int fd, const char *fd_name, guint64 offset,
                        guint64 len);

#endif
