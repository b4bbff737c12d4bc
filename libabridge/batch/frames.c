/* Frames over a socket between a batch and its worker processes: a
 * 64-bit length, then that many bytes, each read or write within a
 * deadline so that a worker that hangs cannot hold its parent. */
#include "config.h"
#include "batch/frames.h"

#include <errno.h>
#include <poll.h>
#include <sys/socket.h>

/* Waits until FD is ready for EVENTS or DEADLINE (monotonic µs; 0: none). */
static AbrIoStatus
wait_for (int fd, short events, gint64 deadline)
{
  for (;;)
    {
      int ms = -1;
      if (deadline > 0)
        {
          gint64 left = deadline - g_get_monotonic_time ();
          if (left <= 0)
            return ABR_IO_TIMEOUT;
          ms = (int) MIN ((left + 999) / 1000, G_MAXINT);
        }
      struct pollfd pfd = { fd, events, 0 };
      int n = poll (&pfd, 1, ms);
      if (n > 0)
        return ABR_IO_OK;
      if (n == 0)
        continue; /* the deadline decides */
      if (errno != EINTR)
        return ABR_IO_BROKEN;
    }
}

/* Each call tries the socket first and waits only when it would block:
 * on a virtual machine a system call costs microseconds, and an article
 * takes a hundred or so. Without a deadline the call itself blocks. */
AbrIoStatus
abr_write_iov (int fd, struct iovec *iov, int n_iov, gint64 deadline)
{
  int flags = MSG_NOSIGNAL | (deadline > 0 ? MSG_DONTWAIT : 0);
  while (n_iov > 0)
    {
      struct msghdr msg = { .msg_iov = iov, .msg_iovlen = (size_t) n_iov };
      ssize_t n = sendmsg (fd, &msg, flags);
      if (n < 0 && errno == EAGAIN)
        {
          AbrIoStatus st = wait_for (fd, POLLOUT, deadline);
          if (st != ABR_IO_OK)
            return st;
          continue;
        }
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return errno == EPIPE || errno == ECONNRESET ? ABR_IO_EOF : ABR_IO_BROKEN;
      gsize left = (gsize) n;
      while (n_iov > 0 && left >= iov->iov_len)
        {
          left -= iov->iov_len;
          iov++;
          n_iov--;
        }
      if (n_iov > 0)
        {
          iov->iov_base = (char *) iov->iov_base + left;
          iov->iov_len -= left;
        }
    }
  return ABR_IO_OK;
}

AbrIoStatus
abr_write_all (int fd, const void *data, gsize len, gint64 deadline)
{
  struct iovec iov = { (void *) data, len };
  return len > 0 ? abr_write_iov (fd, &iov, 1, deadline) : ABR_IO_OK;
}

AbrIoStatus
abr_read_some (int fd, void *data, gsize len, gint64 deadline, gsize *got)
{
  int flags = deadline > 0 ? MSG_DONTWAIT : 0;
  for (;;)
    {
      ssize_t n = recv (fd, data, len, flags);
      if (n < 0 && errno == EAGAIN)
        {
          AbrIoStatus st = wait_for (fd, POLLIN, deadline);
          if (st != ABR_IO_OK)
            return st;
          continue;
        }
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return errno == ECONNRESET ? ABR_IO_EOF : ABR_IO_BROKEN;
      if (n == 0)
        return ABR_IO_EOF;
      *got = (gsize) n;
      return ABR_IO_OK;
    }
}

AbrIoStatus
abr_read_all (int fd, void *data, gsize len, gint64 deadline)
{
  char *p = data;
  while (len > 0)
    {
      gsize got;
      AbrIoStatus st = abr_read_some (fd, p, len, deadline, &got);
      if (st != ABR_IO_OK)
        return st;
      p += got;
      len -= got;
    }
  return ABR_IO_OK;
}

AbrIoStatus
abr_send_frame (int fd, const GByteArray *payload, gint64 deadline)
{
  guint64 len = payload->len;
  struct iovec iov[2] = { { &len, sizeof len }, { payload->data, payload->len } };
  return abr_write_iov (fd, iov, payload->len > 0 ? 2 : 1, deadline);
}

/* Reads one frame into INTO, growing it only as bytes arrive. */
AbrIoStatus
abr_recv_frame (int fd, GByteArray *into, gint64 deadline, gsize max)
{
  guint64 len;
  AbrIoStatus st = abr_read_all (fd, &len, sizeof len, deadline);
  if (st != ABR_IO_OK)
    return st;
  if (len > max)
    return ABR_IO_BROKEN;
  g_byte_array_set_size (into, 0);
  while (into->len < len)
    {
      gsize want = MIN ((gsize) len - into->len, (gsize) 1 << 16), got;
      guint at = into->len;
      g_byte_array_set_size (into, at + (guint) want);
      st = abr_read_some (fd, into->data + at, want, deadline, &got);
      if (st != ABR_IO_OK)
        return st;
      g_byte_array_set_size (into, at + (guint) got);
    }
  return ABR_IO_OK;
}

