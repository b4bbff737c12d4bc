/* Frames over a socket: a 64-bit length, then that many bytes. */
#ifndef ABRIDGE_FRAMES_H
#define ABRIDGE_FRAMES_H

#include <glib.h>
#include <sys/uio.h>

typedef enum {
  ABR_IO_OK,
  ABR_IO_EOF,     /* the other end is gone */
  ABR_IO_TIMEOUT, /* the deadline passed */
  ABR_IO_BROKEN,  /* anything else: an error, a frame too large */
} AbrIoStatus;

/* DEADLINE is g_get_monotonic_time()'s clock, 0 for none: the call then
 * blocks as long as it takes. */
AbrIoStatus abr_write_iov (int fd, struct iovec *iov, int n_iov, gint64 deadline);
AbrIoStatus abr_write_all (int fd, const void *data, gsize len, gint64 deadline);
AbrIoStatus abr_read_some (int fd, void *data, gsize len, gint64 deadline, gsize *got);
AbrIoStatus abr_read_all (int fd, void *data, gsize len, gint64 deadline);
AbrIoStatus abr_send_frame (int fd, const GByteArray *payload, gint64 deadline);
/* Reads one frame of at most MAX bytes into INTO (replacing what it held),
 * growing it only as bytes arrive. */
AbrIoStatus abr_recv_frame (int fd, GByteArray *into, gint64 deadline, gsize max);

#endif
