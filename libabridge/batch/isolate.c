/* Worker processes, for plugins abridge does not ship (GStreamer scans
 * plugins out of process for the same reason). The batch forks one
 * process before its threads start, the zygote, which does nothing but
 * fork worker processes on request: a fork of a multi-threaded process
 * may copy a lock some other thread held, and the engine a worker starts
 * takes locks (the registry's, GLib's). Each worker thread of the batch
 * owns one worker process, hands it one article at a time over a socket
 * and waits for the outcome within the time limit; a worker that dies or
 * overruns fails that article, with the plugin it was in (read from
 * memory the worker shares with its parent) and the signal or the reason,
 * and the thread asks the zygote for another. */
#include "config.h"
#include "batch/isolate.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/watch.h"

/* A reply this large is no outcome of an article: the worker is broken. */
#define MAX_REPLY ((gsize) 1 << 30)
/* How long the zygote waits for a worker whose socket was closed to exit
 * before it kills it. */
#define EXIT_GRACE_US (2 * G_USEC_PER_SEC)

struct abr_isolation {
  abridge_registry *registry;
  const abridge_batch_options *options;
  guint workers;
  char *slots;      /* shared with every worker: ABR_WATCH_SLOT bytes each */
  int zygote;       /* the parent's end of the zygote's socket */
  pid_t zygote_pid;
  GMutex lock;      /* one request to the zygote at a time */
};

struct abr_worker_process {
  abr_isolation *iso;
  guint slot;
  pid_t pid;
  int fd;
  GByteArray *buf;
};

typedef enum { IO_OK, IO_EOF, IO_TIMEOUT, IO_BROKEN } IoStatus;

/* The isolation a zygote or worker process belongs to: what it uses until
 * it exits, kept where a leak checker (Valgrind follows forks) sees it. */
static abr_isolation *volatile process_isolation __attribute__ ((used));

/* ---- frames: a 64-bit length, then that many bytes ------------------------- */

/* Waits until FD is ready for EVENTS or DEADLINE (monotonic µs; 0: none). */
static IoStatus
wait_for (int fd, short events, gint64 deadline)
{
  for (;;)
    {
      int ms = -1;
      if (deadline > 0)
        {
          gint64 left = deadline - g_get_monotonic_time ();
          if (left <= 0)
            return IO_TIMEOUT;
          ms = (int) MIN ((left + 999) / 1000, G_MAXINT);
        }
      struct pollfd pfd = { fd, events, 0 };
      int n = poll (&pfd, 1, ms);
      if (n > 0)
        return IO_OK;
      if (n == 0)
        continue; /* the deadline decides */
      if (errno != EINTR)
        return IO_BROKEN;
    }
}

/* Each call tries the socket first and waits only when it would block:
 * on a virtual machine a system call costs microseconds, and an article
 * takes a hundred or so. Without a deadline the call itself blocks. */
static IoStatus
write_iov (int fd, struct iovec *iov, int n_iov, gint64 deadline)
{
  int flags = MSG_NOSIGNAL | (deadline > 0 ? MSG_DONTWAIT : 0);
  while (n_iov > 0)
    {
      struct msghdr msg = { .msg_iov = iov, .msg_iovlen = (size_t) n_iov };
      ssize_t n = sendmsg (fd, &msg, flags);
      if (n < 0 && errno == EAGAIN)
        {
          IoStatus st = wait_for (fd, POLLOUT, deadline);
          if (st != IO_OK)
            return st;
          continue;
        }
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return errno == EPIPE || errno == ECONNRESET ? IO_EOF : IO_BROKEN;
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
  return IO_OK;
}

static IoStatus
write_all (int fd, const void *data, gsize len, gint64 deadline)
{
  struct iovec iov = { (void *) data, len };
  return len > 0 ? write_iov (fd, &iov, 1, deadline) : IO_OK;
}

static IoStatus
read_some (int fd, void *data, gsize len, gint64 deadline, gsize *got)
{
  int flags = deadline > 0 ? MSG_DONTWAIT : 0;
  for (;;)
    {
      ssize_t n = recv (fd, data, len, flags);
      if (n < 0 && errno == EAGAIN)
        {
          IoStatus st = wait_for (fd, POLLIN, deadline);
          if (st != IO_OK)
            return st;
          continue;
        }
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return errno == ECONNRESET ? IO_EOF : IO_BROKEN;
      if (n == 0)
        return IO_EOF;
      *got = (gsize) n;
      return IO_OK;
    }
}

static IoStatus
read_all (int fd, void *data, gsize len, gint64 deadline)
{
  char *p = data;
  while (len > 0)
    {
      gsize got;
      IoStatus st = read_some (fd, p, len, deadline, &got);
      if (st != IO_OK)
        return st;
      p += got;
      len -= got;
    }
  return IO_OK;
}

static IoStatus
send_frame (int fd, const GByteArray *payload, gint64 deadline)
{
  guint64 len = payload->len;
  struct iovec iov[2] = { { &len, sizeof len }, { payload->data, payload->len } };
  return write_iov (fd, iov, payload->len > 0 ? 2 : 1, deadline);
}

/* Reads one frame into INTO, growing it only as bytes arrive. */
static IoStatus
recv_frame (int fd, GByteArray *into, gint64 deadline, gsize max)
{
  guint64 len;
  IoStatus st = read_all (fd, &len, sizeof len, deadline);
  if (st != IO_OK)
    return st;
  if (len > max)
    return IO_BROKEN;
  g_byte_array_set_size (into, 0);
  while (into->len < len)
    {
      gsize want = MIN ((gsize) len - into->len, (gsize) 1 << 16), got;
      guint at = into->len;
      g_byte_array_set_size (into, at + (guint) want);
      st = read_some (fd, into->data + at, want, deadline, &got);
      if (st != IO_OK)
        return st;
      g_byte_array_set_size (into, at + (guint) got);
    }
  return IO_OK;
}

/* ---- the zygote ------------------------------------------------------------------- */

enum { OP_SPAWN = 1, OP_REAP = 2 };

typedef struct {
  gint32 op;
  gint32 slot; /* OP_SPAWN */
  gint32 pid;  /* OP_REAP */
} ZygoteRequest;

typedef struct {
  gint32 pid;    /* OP_SPAWN: the worker, or -errno */
  gint32 status; /* OP_REAP: as waitpid() gives it */
} ZygoteReply;

/* Closes every descriptor from FIRST up: a worker holds only its own. */
static void
close_from (int first)
{
#ifdef HAVE_CLOSE_RANGE
  if (close_range ((unsigned) first, ~0u, 0) == 0)
    return;
#endif
  long max = sysconf (_SC_OPEN_MAX);
  for (long fd = first; fd < MIN (max > 0 ? max : 1024, 65536); fd++)
    close ((int) fd);
}

static void G_GNUC_NORETURN
worker_main (abr_isolation *iso, guint slot, int fd)
{
  abr_watch_worker_process ();
  abr_watch_mirror (iso->slots + (gsize) slot * ABR_WATCH_SLOT);
  const abridge_batch_options *o = iso->options;
  GError *error = NULL;
  abridge_engine *engine = abridge_engine_new (iso->registry, o->plugins, o->options, &error);
  GByteArray *buf = g_byte_array_new ();
  guint32 ready[2] = { engine != NULL ? 0 : 1, 0 };
  if (engine == NULL)
    ready[1] = error->domain == ABRIDGE_ERROR ? (guint32) error->code : ABRIDGE_ERROR_PLUGIN;
  g_byte_array_append (buf, (const guint8 *) ready, sizeof ready);
  if (engine == NULL)
    g_byte_array_append (buf, (const guint8 *) error->message, (guint) strlen (error->message));
  if (send_frame (fd, buf, 0) != IO_OK || engine == NULL)
    {
      g_byte_array_unref (buf);
      g_clear_error (&error);
      abridge_engine_free (engine);
      _exit (0);
    }

  GByteArray *reply = g_byte_array_new ();
  while (recv_frame (fd, buf, 0, G_MAXSIZE) == IO_OK)
    {
      const char *text;
      gsize len;
      char *title = NULL;
      if (!abr_wire_get_request (buf->data, buf->len, &text, &len, &title))
        _exit (2);
      abr_outcome out = { 0 };
      abr_summarize_text (engine, o, text, len, title, &out);
      g_byte_array_set_size (reply, 0);
      abr_wire_put_outcome (reply, &out);
      abr_outcome_clear (&out);
      g_free (title);
      if (send_frame (fd, reply, 0) != IO_OK)
        break;
    }
  /* The parent closed its end: the batch is over. */
  g_byte_array_unref (reply);
  g_byte_array_unref (buf);
  abridge_engine_free (engine);
  _exit (0);
}

static void
spawn (abr_isolation *iso, int sock, guint slot)
{
  ZygoteReply reply = { 0, 0 };
  int pair[2] = { -1, -1 };
  if (slot >= iso->workers || socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
    reply.pid = -(slot >= iso->workers ? EINVAL : errno);
  else
    {
      pid_t pid = fork ();
      if (pid == 0)
        {
          close (sock);
          close (pair[0]);
          worker_main (iso, slot, pair[1]);
        }
      reply.pid = pid > 0 ? pid : -errno;
      close (pair[1]);
    }
  /* The worker's socket goes to the parent with the reply. */
  struct iovec iov = { &reply, sizeof reply };
  union {
    char buf[CMSG_SPACE (sizeof (int))];
    struct cmsghdr align;
  } control;
  struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
  if (reply.pid > 0)
    {
      memset (&control, 0, sizeof control);
      msg.msg_control = control.buf;
      msg.msg_controllen = sizeof control.buf;
      struct cmsghdr *cmsg = CMSG_FIRSTHDR (&msg);
      cmsg->cmsg_level = SOL_SOCKET;
      cmsg->cmsg_type = SCM_RIGHTS;
      cmsg->cmsg_len = CMSG_LEN (sizeof (int));
      memcpy (CMSG_DATA (cmsg), &pair[0], sizeof (int));
    }
  while (sendmsg (sock, &msg, MSG_NOSIGNAL) < 0 && errno == EINTR)
    ;
  if (pair[0] >= 0)
    close (pair[0]);
}

/* Waits for worker PID, killing it when it has not exited within the
 * grace period (its socket closed, it may still run). */
static int
reap (pid_t pid)
{
  int status = 0;
  gint64 give_up = g_get_monotonic_time () + EXIT_GRACE_US;
  for (;;)
    {
      pid_t r = waitpid (pid, &status, WNOHANG);
      if (r == pid || (r < 0 && errno != EINTR))
        return r == pid ? status : 0;
      if (r == 0 && g_get_monotonic_time () > give_up)
        {
          kill (pid, SIGKILL);
          give_up = G_MAXINT64;
        }
      g_usleep (1000);
    }
}

static void G_GNUC_NORETURN
zygote_main (abr_isolation *iso, int sock)
{
  /* What a plugin prints goes to stderr, and it reads nothing of
   * abridge's input; nor does this process keep abridge's output open. */
  int null = open ("/dev/null", O_RDONLY);
  if (null >= 0)
    {
      dup2 (null, STDIN_FILENO);
      if (null != STDIN_FILENO)
        close (null);
    }
  dup2 (STDERR_FILENO, STDOUT_FILENO);
  if (sock != 3)
    {
      dup2 (sock, 3);
      sock = 3;
    }
  close_from (4);
  ZygoteRequest rq;
  while (read_all (sock, &rq, sizeof rq, 0) == IO_OK)
    {
      if (rq.op == OP_SPAWN)
        spawn (iso, sock, (guint) rq.slot);
      else if (rq.op == OP_REAP)
        {
          ZygoteReply reply = { rq.pid, reap (rq.pid) };
          if (write_all (sock, &reply, sizeof reply, 0) != IO_OK)
            break;
        }
    }
  close (sock);
  while (waitpid (-1, NULL, 0) > 0 || errno == EINTR)
    ;
  _exit (0);
}

abr_isolation *
abr_isolation_new (abridge_registry *registry, const abridge_batch_options *o, guint workers,
                   GError **error)
{
  abr_isolation *iso = g_new0 (abr_isolation, 1);
  iso->registry = registry;
  iso->options = o;
  iso->workers = MAX (1, workers);
  iso->zygote = -1;
  g_mutex_init (&iso->lock);
  gsize size = (gsize) iso->workers * ABR_WATCH_SLOT;
  void *slots = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  int pair[2];
  if (slots == MAP_FAILED || socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_PLUGIN,
                   "cannot set up worker processes: %s", g_strerror (errno));
      if (slots != MAP_FAILED)
        munmap (slots, size);
      g_mutex_clear (&iso->lock);
      g_free (iso);
      return NULL;
    }
  iso->slots = slots;
  memset (iso->slots, 0, size);
  /* What stdio holds would otherwise be written again by any process
   * that calls exit(). */
  fflush (NULL);
  pid_t pid = fork ();
  if (pid == 0)
    {
      close (pair[0]);
      process_isolation = iso;
      zygote_main (iso, pair[1]);
    }
  close (pair[1]);
  if (pid < 0)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_PLUGIN, "cannot start worker processes: %s",
                   g_strerror (errno));
      close (pair[0]);
      abr_isolation_free (iso);
      return NULL;
    }
  iso->zygote = pair[0];
  iso->zygote_pid = pid;
  return iso;
}

void
abr_isolation_free (abr_isolation *iso)
{
  if (iso == NULL)
    return;
  if (iso->zygote >= 0)
    {
      close (iso->zygote);
      while (waitpid (iso->zygote_pid, NULL, 0) < 0 && errno == EINTR)
        ;
    }
  if (iso->slots != NULL)
    munmap (iso->slots, (gsize) iso->workers * ABR_WATCH_SLOT);
  g_mutex_clear (&iso->lock);
  g_free (iso);
}

/* ---- the parent's side ------------------------------------------------------------ */

/* Asks the zygote for a worker in SLOT: its pid and socket, or -1. */
static int
ask_spawn (abr_isolation *iso, guint slot, pid_t *pid)
{
  ZygoteRequest rq = { OP_SPAWN, (gint32) slot, 0 };
  ZygoteReply reply = { -EPIPE, 0 };
  int fd = -1;
  g_mutex_lock (&iso->lock);
  if (write_all (iso->zygote, &rq, sizeof rq, 0) == IO_OK)
    {
      struct iovec iov = { &reply, sizeof reply };
      union {
        char buf[CMSG_SPACE (sizeof (int))];
        struct cmsghdr align;
      } control;
      struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf,
                            .msg_controllen = sizeof control.buf };
      ssize_t n;
      while ((n = recvmsg (iso->zygote, &msg, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR)
        ;
      struct cmsghdr *cmsg = n == (ssize_t) sizeof reply ? CMSG_FIRSTHDR (&msg) : NULL;
      if (cmsg != NULL && cmsg->cmsg_level == SOL_SOCKET && cmsg->cmsg_type == SCM_RIGHTS)
        memcpy (&fd, CMSG_DATA (cmsg), sizeof fd);
      else if (n != (ssize_t) sizeof reply)
        reply.pid = -EPIPE;
    }
  g_mutex_unlock (&iso->lock);
  *pid = reply.pid;
  if (reply.pid <= 0 && fd >= 0)
    {
      close (fd);
      fd = -1;
    }
  if (reply.pid <= 0)
    errno = -reply.pid;
  return fd;
}

static int
ask_reap (abr_isolation *iso, pid_t pid)
{
  ZygoteRequest rq = { OP_REAP, 0, pid };
  ZygoteReply reply = { 0, 0 };
  g_mutex_lock (&iso->lock);
  if (write_all (iso->zygote, &rq, sizeof rq, 0) != IO_OK
      || read_all (iso->zygote, &reply, sizeof reply, 0) != IO_OK)
    reply.status = 0;
  g_mutex_unlock (&iso->lock);
  return reply.status;
}

static gint64
deadline_of (const abr_isolation *iso)
{
  double t = iso->options->timeout;
  return t > 0 ? g_get_monotonic_time () + (gint64) (t * G_USEC_PER_SEC) : 0;
}

/* Ends P after ST (not IO_OK) and says why, naming the plugin it was in
 * (to g_free). WHILE is what it was doing. */
static char *
ended (abr_worker_process *p, IoStatus st, const char *while_)
{
  char plugin[ABR_WATCH_SLOT];
  const volatile char *slot = p->iso->slots + (gsize) p->slot * ABR_WATCH_SLOT;
  for (gsize i = 0; i < sizeof plugin; i++)
    plugin[i] = slot[i];
  plugin[sizeof plugin - 1] = '\0';
  if (st != IO_EOF)
    kill (p->pid, SIGKILL);
  close (p->fd);
  p->fd = -1;
  int status = ask_reap (p->iso, p->pid);
  p->pid = 0;
  char *how;
  if (st == IO_TIMEOUT)
    {
      char seconds[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_formatd (seconds, sizeof seconds, "%g", p->iso->options->timeout);
      how = g_strdup_printf ("did not finish within %s s (--timeout) and was stopped", seconds);
    }
  else if (st == IO_BROKEN)
    how = g_strdup ("sent a reply abridge could not read");
  else
    how = abr_watch_describe_status (status);
  char *why = plugin[0] != '\0'
                  ? g_strdup_printf ("plugin '%s' %s%s", plugin, how, while_)
                  : g_strdup_printf ("the worker process %s%s", how, while_);
  g_free (how);
  return why;
}

abr_worker_process *
abr_isolation_spawn (abr_isolation *iso, guint slot, GError **error)
{
  pid_t pid;
  int fd = ask_spawn (iso, slot, &pid);
  if (fd < 0)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_PLUGIN, "cannot start a worker process: %s",
                   g_strerror (errno != 0 ? errno : EPIPE));
      return NULL;
    }
  abr_worker_process *p = g_new0 (abr_worker_process, 1);
  p->iso = iso;
  p->slot = slot;
  p->pid = pid;
  p->fd = fd;
  p->buf = g_byte_array_new ();
  /* Its engine started, or why not. */
  IoStatus st = recv_frame (fd, p->buf, deadline_of (iso), 1 << 20);
  guint32 ready[2] = { 1, ABRIDGE_ERROR_PLUGIN };
  if (st == IO_OK && p->buf->len < sizeof ready)
    st = IO_BROKEN;
  if (st != IO_OK)
    {
      char *why = ended (p, st, " while its plugins started");
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_PLUGIN, "%s", why);
      g_free (why);
      abr_worker_process_free (p);
      return NULL;
    }
  memcpy (ready, p->buf->data, sizeof ready);
  if (ready[0] != 0)
    {
      g_set_error (error, ABRIDGE_ERROR, (int) ready[1], "%.*s",
                   (int) (p->buf->len - sizeof ready), (const char *) p->buf->data + sizeof ready);
      abr_worker_process_free (p);
      return NULL;
    }
  return p;
}

gboolean
abr_worker_process_summarize (abr_worker_process *p, const char *text, gsize len,
                              const char *title, abr_outcome *out)
{
  memset (out, 0, sizeof *out);
  g_byte_array_set_size (p->buf, 0);
  abr_wire_put_request (p->buf, text, len, title);
  gint64 deadline = deadline_of (p->iso);
  IoStatus st = send_frame (p->fd, p->buf, deadline);
  if (st == IO_OK)
    st = recv_frame (p->fd, p->buf, deadline, MAX_REPLY);
  if (st == IO_OK && abr_wire_get_outcome (p->buf->data, p->buf->len, out))
    return TRUE;
  out->error = ended (p, st == IO_OK ? IO_BROKEN : st, "");
  return FALSE;
}

void
abr_worker_process_free (abr_worker_process *p)
{
  if (p == NULL)
    return;
  if (p->fd >= 0)
    close (p->fd);
  if (p->pid > 0)
    ask_reap (p->iso, p->pid);
  g_byte_array_unref (p->buf);
  g_free (p);
}
