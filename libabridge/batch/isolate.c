/* Worker processes, for plugins abridge does not ship (GStreamer scans
 * plugins out of process for the same reason). The batch forks one
 * process before its threads start, the zygote, which does nothing but
 * fork worker processes on request: a fork of a multi-threaded process
 * may copy a lock some other thread held, and the engine a worker starts
 * takes locks (the registry's, GLib's). Each worker thread of the batch
 * owns one worker process and hands it articles over a socket (a few
 * ahead while they are fast), each outcome awaited within the time
 * limit; a worker that dies or
 * overruns fails that article, with the plugin it was in (read from
 * memory the worker shares with its parent) and the signal or the reason,
 * and the thread asks the zygote for another. */
#include "config.h"
#include "batch/isolate.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "batch/frames.h"
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
  guint in_flight;     /* articles sent, outcomes not read */
  gint64 head_started; /* when the worker began the oldest of them */
};

/* The isolation a zygote or worker process belongs to: what it uses until
 * it exits, kept where a leak checker (Valgrind follows forks) sees it. */
static abr_isolation *volatile process_isolation __attribute__ ((used));

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
  if (abr_send_frame (fd, buf, 0) != ABR_IO_OK || engine == NULL)
    {
      g_byte_array_unref (buf);
      g_clear_error (&error);
      abridge_engine_free (engine);
      _exit (0);
    }

  GByteArray *reply = g_byte_array_new ();
  while (abr_recv_frame (fd, buf, 0, G_MAXSIZE) == ABR_IO_OK)
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
      if (abr_send_frame (fd, reply, 0) != ABR_IO_OK)
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
  while (abr_read_all (sock, &rq, sizeof rq, 0) == ABR_IO_OK)
    {
      if (rq.op == OP_SPAWN)
        spawn (iso, sock, (guint) rq.slot);
      else if (rq.op == OP_REAP)
        {
          ZygoteReply reply = { rq.pid, reap (rq.pid) };
          if (abr_write_all (sock, &reply, sizeof reply, 0) != ABR_IO_OK)
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
  if (abr_write_all (iso->zygote, &rq, sizeof rq, 0) == ABR_IO_OK)
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
  if (abr_write_all (iso->zygote, &rq, sizeof rq, 0) != ABR_IO_OK
      || abr_read_all (iso->zygote, &reply, sizeof reply, 0) != ABR_IO_OK)
    reply.status = 0;
  g_mutex_unlock (&iso->lock);
  return reply.status;
}

/* The time limit of what started at STARTED (monotonic µs); 0: none. */
static gint64
deadline_from (const abr_isolation *iso, gint64 started)
{
  double t = iso->options->timeout;
  return t > 0 ? started + (gint64) (t * G_USEC_PER_SEC) : 0;
}

static gint64
deadline_of (const abr_isolation *iso)
{
  return deadline_from (iso, g_get_monotonic_time ());
}

/* Ends P after ST (not ABR_IO_OK) and says why, naming the plugin it was in
 * (to g_free). WHILE is what it was doing. */
static char *
ended (abr_worker_process *p, AbrIoStatus st, const char *while_)
{
  char plugin[ABR_WATCH_SLOT];
  const volatile char *slot = p->iso->slots + (gsize) p->slot * ABR_WATCH_SLOT;
  for (gsize i = 0; i < sizeof plugin; i++)
    plugin[i] = slot[i];
  plugin[sizeof plugin - 1] = '\0';
  if (st != ABR_IO_EOF)
    kill (p->pid, SIGKILL);
  close (p->fd);
  p->fd = -1;
  int status = ask_reap (p->iso, p->pid);
  p->pid = 0;
  char *how;
  if (st == ABR_IO_TIMEOUT)
    {
      char seconds[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_formatd (seconds, sizeof seconds, "%g", p->iso->options->timeout);
      how = g_strdup_printf ("did not finish within %s s (--timeout) and was stopped", seconds);
    }
  else if (st == ABR_IO_BROKEN)
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
  AbrIoStatus st = abr_recv_frame (fd, p->buf, deadline_of (iso), 1 << 20);
  guint32 ready[2] = { 1, ABRIDGE_ERROR_PLUGIN };
  if (st == ABR_IO_OK && p->buf->len < sizeof ready)
    st = ABR_IO_BROKEN;
  if (st != ABR_IO_OK)
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

void
abr_worker_process_send (abr_worker_process *p, const char *text, gsize len, const char *title)
{
  g_byte_array_set_size (p->buf, 0);
  abr_wire_put_request (p->buf, text, len, title);
  if (p->in_flight++ == 0)
    p->head_started = g_get_monotonic_time ();
  /* A worker that died makes this fail; the outcome it owes for an
   * earlier article says so (its bytes may still be in the socket). A
   * worker that does not read stops it at the time limit of the article
   * it is on, which that article's receive then reports. */
  abr_send_frame (p->fd, p->buf, deadline_from (p->iso, p->head_started));
}

gboolean
abr_worker_process_receive (abr_worker_process *p, abr_outcome *out)
{
  memset (out, 0, sizeof *out);
  g_return_val_if_fail (p->in_flight > 0, FALSE);
  AbrIoStatus st = abr_recv_frame (p->fd, p->buf, deadline_from (p->iso, p->head_started), MAX_REPLY);
  if (st == ABR_IO_OK && abr_wire_get_outcome (p->buf->data, p->buf->len, out))
    {
      /* The worker goes on to the next article now. */
      p->in_flight--;
      p->head_started = g_get_monotonic_time ();
      return TRUE;
    }
  out->error = ended (p, st == ABR_IO_OK ? ABR_IO_BROKEN : st, "");
  p->in_flight = 0;
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

/* ---- a worker thread's articles ---------------------------------------------------- */

/* A worker thread sends up to this many articles, of this many bytes,
 * before it reads the first outcome, so that its process finds the next
 * article waiting instead of sleeping until the thread wakes and sends
 * it: each wake-up costs tens of microseconds on a virtual machine
 * (bench/README.md, issue 19). Only while articles take less than
 * AHEAD_BELOW_US: slow ones are better left for idle workers to take. The
 * bytes stay well below what a socket holds, so sending never waits. */
#define AHEAD_ARTICLES 4
#define AHEAD_BYTES (48 * 1024)
#define AHEAD_BELOW_US 2000

/* Sends A to *P, starting a process when there is none; FALSE, with A's
 * job failed, when none can start. */
static gboolean
send_article (abr_isolation *iso, guint slot, abr_worker_process **p,
              const abr_isolated_article *a, AbrArticleDone done, gpointer data)
{
  if (*p == NULL)
    {
      GError *error = NULL;
      *p = abr_isolation_spawn (iso, slot, &error);
      if (*p == NULL)
        {
          abr_outcome out = { 0 };
          out.error = g_strdup_printf ("cannot restart the worker process: %s", error->message);
          g_error_free (error);
          done (a->job, &out, data);
          abr_outcome_clear (&out);
          return FALSE;
        }
    }
  abr_worker_process_send (*p, a->text, a->len, a->title);
  return TRUE;
}

void
abr_isolation_run (abr_isolation *iso, guint slot, abr_worker_process **p,
                   AbrNextArticle next, AbrArticleDone done, gpointer data)
{
  GArray *flight = g_array_new (FALSE, FALSE, sizeof (abr_isolated_article)); /* sent */
  gsize bytes = 0;
  guint ahead = 1; /* grows once articles prove fast */
  gboolean more = TRUE;
  gint64 since = g_get_monotonic_time ();
  for (;;)
    {
      while (more && (flight->len == 0 || (flight->len < ahead && bytes < AHEAD_BYTES)))
        {
          abr_isolated_article a;
          if (!(more = next (&a, data)))
            break;
          if (flight->len == 0)
            since = g_get_monotonic_time ();
          if (send_article (iso, slot, p, &a, done, data))
            {
              g_array_append_val (flight, a);
              bytes += a.len;
            }
        }
      if (flight->len == 0)
        break;
      abr_isolated_article head = g_array_index (flight, abr_isolated_article, 0);
      g_array_remove_index (flight, 0);
      bytes -= head.len;
      abr_outcome out;
      gboolean alive = abr_worker_process_receive (*p, &out);
      gint64 now = g_get_monotonic_time ();
      ahead = now - since < AHEAD_BELOW_US ? AHEAD_ARTICLES : 1;
      since = now;
      done (head.job, &out, data);
      abr_outcome_clear (&out);
      if (!alive)
        {
          /* The articles sent after it were never summarized: to a new
           * process, in order. */
          g_clear_pointer (p, abr_worker_process_free);
          GArray *again = flight;
          flight = g_array_new (FALSE, FALSE, sizeof (abr_isolated_article));
          bytes = 0;
          for (guint i = 0; i < again->len; i++)
            {
              abr_isolated_article *a = &g_array_index (again, abr_isolated_article, i);
              if (send_article (iso, slot, p, a, done, data))
                {
                  g_array_append_val (flight, *a);
                  bytes += a->len;
                }
            }
          g_array_unref (again);
        }
    }
  g_array_unref (flight);
}
