/* A batch's progress line, and the count of its articles behind the ETA. */
#include "config.h"
#include "batch/progress.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output/wording.h"
#include "source/walk.h"

/* ---- counting the articles ------------------------------------------------------ */

typedef struct {
  const abridge_reader_options *input;
  const gint *stop;
  guint64 numbers; /* articles of every shard, as the reader numbers them */
  gboolean unknown;
} Count;

static gboolean
stopped (const Count *c)
{
  return c->stop != NULL && g_atomic_int_get (c->stop);
}

/* A regular file only: an input swapped for a FIFO since its stat must
 * not have its data taken from the reader, nor block. */
static int
open_regular (const char *path, const abr_walk_file *file)
{
  if (file != NULL)
    return abr_walk_open (path, file);
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  struct stat st;
  if (fd >= 0 && (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode)))
    {
      close (fd);
      return -1;
    }
  return fd;
}

/* The records of a JSON Lines file: its lines that are not empty, as the
 * reader skips those. One that cannot be read is one failed article. */
static guint64
count_records (Count *c, const char *path, const abr_walk_file *file)
{
  int fd = open_regular (path, file);
  if (fd < 0)
    return 1;
  static const gsize size = 256 * 1024;
  char *buf = g_malloc (size);
  guint64 records = 0;
  gboolean in_line = FALSE;
  ssize_t n;
  while (!stopped (c) && ((n = read (fd, buf, size)) > 0 || (n < 0 && errno == EINTR)))
    {
      const char *p = buf, *end = buf + (n > 0 ? n : 0);
      while (p < end)
        {
          const char *nl = memchr (p, '\n', (gsize) (end - p));
          if (nl == NULL)
            {
              in_line = TRUE;
              break;
            }
          records += in_line || nl > p;
          in_line = FALSE;
          p = nl + 1;
        }
    }
  records += in_line;
  g_free (buf);
  close (fd);
  return records;
}

static gboolean
count_input (gpointer data, const char *path, const GStatBuf *st, const GError *error,
             const abr_walk_file *file)
{
  Count *c = data;
  AbridgeInputFormat format = c->input->format;
  if (error != NULL || st == NULL)
    c->numbers++; /* read as one failure */
  else if (strcmp (path, "-") == 0 || !S_ISREG (st->st_mode))
    c->unknown = TRUE; /* a stream: known only once read */
  else if (format == ABRIDGE_INPUT_JSONL
           || (format == ABRIDGE_INPUT_AUTO && g_str_has_suffix (path, ".jsonl")))
    c->numbers += count_records (c, path, file);
  else
    c->numbers++;
  return !c->unknown && !stopped (c);
}

gint64
abr_progress_count (const abridge_reader_options *input, const gint *stop)
{
  Count c = { input, stop, 0, FALSE };
  GPatternSpec *glob = input->glob != NULL ? g_pattern_spec_new (input->glob) : NULL;
  static const char *const stdin_only[] = { "-", NULL };
  const char *const *inputs = input->inputs != NULL && input->inputs[0] != NULL ? input->inputs
                                                                               : stdin_only;
  for (const char *const *in = inputs; *in != NULL && !c.unknown && !stopped (&c); in++)
    {
      guint64 before = c.numbers;
      abr_walk (*in, glob, count_input, &c);
      /* The reader says so of a directory with nothing to read: one failure. */
      GStatBuf st;
      if (c.numbers == before && !c.unknown && strcmp (*in, "-") != 0 && g_stat (*in, &st) == 0
          && S_ISDIR (st.st_mode))
        c.numbers++;
    }
  if (glob != NULL)
    g_pattern_spec_free (glob);
  if (c.unknown || stopped (&c) || c.numbers > G_MAXINT64)
    return -1;
  /* A shard reads the numbers N with N mod K = I. */
  guint64 k = input->shard_count, i = input->shard_index;
  if (k > 1)
    c.numbers = c.numbers > i ? (c.numbers - i - 1) / k + 1 : 0;
  return (gint64) c.numbers;
}

/* ---- the line ----------------------------------------------------------------- */

struct abr_progress {
  abridge_reader_options input;
  GThread *counter;
  gint stop;
  GMutex lock;
  gint64 total; /* under the lock; -1 until counted, or unknown */
  gint64 started, shown;
};

static gpointer
counter_main (gpointer data)
{
  abr_progress *p = data;
  gint64 total = abr_progress_count (&p->input, &p->stop);
  g_mutex_lock (&p->lock);
  p->total = total;
  g_mutex_unlock (&p->lock);
  return NULL;
}

abr_progress *
abr_progress_new (const abridge_reader_options *input)
{
  abr_progress *p = g_new0 (abr_progress, 1);
  p->input = *input;
  p->total = -1;
  g_mutex_init (&p->lock);
  p->started = g_get_monotonic_time ();
  /* Without a thread there is no total, which the line can do without. */
  p->counter = g_thread_try_new ("abridge-count", counter_main, p, NULL);
  return p;
}

void
abr_progress_free (abr_progress *p)
{
  if (p == NULL)
    return;
  g_atomic_int_set (&p->stop, TRUE);
  if (p->counter != NULL)
    g_thread_join (p->counter);
  g_mutex_clear (&p->lock);
  g_free (p);
}

static void
append_rate (GString *out, double rate)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  /* A slow plugin's 0.4 articles a second is not "0/s". */
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, rate < 9.95 ? "%.1f" : "%.0f", rate));
  g_string_append (out, "/s");
}

void
abr_progress_format (GString *out, guint64 done, guint64 failed, gint64 total, double seconds,
                     gboolean final)
{
  double rate = seconds > 0 ? done / seconds : 0;
  g_string_append (out, "abridge: ");
  if (final)
    {
      abr_append_outcome (out, done, failed);
      g_string_append (out, " (");
      abr_append_duration (out, seconds);
      g_string_append (out, ", ");
      append_rate (out, rate);
      g_string_append_c (out, ')');
      return;
    }
  /* More read than counted: a file grew since. The count is no longer true. */
  gboolean known = total >= 0 && (guint64) total >= done;
  if (known)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT "/%" G_GINT64_FORMAT " %s", done, total,
                            total == 1 ? "article" : "articles");
  else
    abr_append_count (out, done, "article", "articles");
  g_string_append_printf (out, ", %" G_GUINT64_FORMAT " failed, ", failed);
  append_rate (out, rate);
  /* The first second's rate is mostly start-up: no ETA from it. */
  if (known && done > 0 && seconds >= 1)
    {
      g_string_append (out, ", ");
      abr_append_duration (out, (double) ((guint64) total - done) / rate);
      g_string_append (out, " left");
    }
}

void
abr_progress_show (abr_progress *p, guint64 done, guint64 failed, gboolean final)
{
  gint64 now = g_get_monotonic_time ();
  if (!final && now - p->shown < 250000)
    return;
  p->shown = now;
  g_mutex_lock (&p->lock);
  gint64 total = p->total;
  g_mutex_unlock (&p->lock);
  GString *line = g_string_new ("\r");
  abr_progress_format (line, done, failed, total, (now - p->started) / 1e6, final);
  /* The rest of a longer line before it is cleared; the last line stays. */
  g_string_append (line, final ? "\033[K\n" : "\033[K");
  fputs (line->str, stderr);
  fflush (stderr);
  g_string_free (line, TRUE);
}
