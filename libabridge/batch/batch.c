/* Batch runs. One reader thread (the caller's) turns the inputs into jobs
 * in input order and hands them on in numbered chunks; workers, each with
 * its own engine, summarize a chunk at a time; one writer thread adds the
 * outcomes to the report strictly in order. At most a few chunks per
 * worker are in flight, so memory does not grow with the corpus. */
#include "config.h"
#include "batch/batch.h"
#include "source/input.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Articles travel between the threads in chunks of up to this many, or
 * this many bytes of text: one lock, queue operation and wake-up a chunk
 * instead of an article (a futex round trip costs about as much as a
 * short article's summary; per article, they kept the second core from
 * paying off). Each hand-over wakes the reader or the writer, which on
 * a busy machine preempts a worker and cools its cache: 64 articles
 * halve those switches against 16 (-j 2: 1,480 -> 650 involuntary, 3%
 * faster), and 128 gained nothing more. A stream (stdin, a FIFO) goes an
 * article at a time, so that a slow producer's articles come out as
 * they come in. */
#define CHUNK_ARTICLES 64
#define CHUNK_BYTES (1024 * 1024)
/* Chunks allowed between reading and writing, per worker: enough to keep
 * every worker busy while the writer waits for a slow one. */
#define CHUNKS_PER_WORKER 3

typedef struct {
  guint64 number;          /* the article's in the whole input: the report's seq */
  char *id, *title, *source, *date, *url;
  char *text;
  gsize len;
  gboolean record;         /* TEXT is a JSONL line still to parse (in the worker) */
  gboolean html;           /* TEXT is a web page still to extract (in the worker) */
  char *error;             /* set by the reader (unreadable input) or a worker */
  char *dateline;
  abridge_brief *brief;
} Job;

typedef struct Worker Worker;

typedef struct {
  guint64 seq;             /* dense, in reading order: the writer's order */
  GPtrArray *jobs;         /* Job* */
  gsize bytes;
  Worker *owner;           /* the worker that summarized it, once one has */
} Chunk;

typedef struct {
  const abridge_batch_options *options;
  abridge_registry *registry;
  abridge_report *report;

  GMutex lock;
  GCond work;              /* workers wait for a chunk (or the end) */
  GCond written;           /* the writer waits for the next chunk in order */
  GCond room;              /* the reader waits for room in flight */
  /* Who waits on each condition: g_cond_signal() makes a system call
   * whether or not anyone waits. */
  guint idle_workers;
  gboolean writer_waiting;
  gboolean reader_waiting;
  GQueue todo;             /* Chunk*, waiting for a worker */
  GHashTable *done;        /* seq -> Chunk*, waiting for the writer */
  guint64 next_seq;        /* assigned by the reader */
  guint64 next_write;      /* wanted by the writer */
  guint64 in_flight;       /* chunks */
  gboolean reading_done;
  gboolean writer_failed;
  GError *writer_error;

  /* The reader's own. */
  Chunk *filling;          /* not yet handed on */
  gboolean stream;         /* the input being read is not a regular file */
  guint64 articles_seen;   /* this shard's or not */
  guint64 number;          /* of the article being read */

  abridge_batch_stats stats;
  guint64 input_bytes;     /* of the inputs, for an ETA; 0: unknown (stdin) */
  gsize bytes_consumed;    /* by the reader (atomic: the writer shows it) */
  gint64 started;
  gint64 last_progress;
} Batch;

struct Worker {
  Batch *batch;
  abridge_engine *engine;
  GThread *thread;
  GQueue garbage;          /* Chunk*, written, to be freed by this worker */
};

/* Chunks allowed in flight. */
static guint64
room (const Batch *b)
{
  return (guint64) MAX (1, b->options->threads) * CHUNKS_PER_WORKER;
}

static void
job_free (Job *job)
{
  g_free (job->id);
  g_free (job->title);
  g_free (job->source);
  g_free (job->date);
  g_free (job->url);
  g_free (job->text);
  g_free (job->error);
  g_free (job->dateline);
  abridge_brief_free (job->brief);
  g_free (job);
}

static void
chunk_free (Chunk *chunk)
{
  g_ptr_array_unref (chunk->jobs);
  g_free (chunk);
}

/* ---- the writer -------------------------------------------------------------- */

static void
progress (Batch *b, gboolean final)
{
  gint64 now = g_get_monotonic_time ();
  if (!b->options->progress || (!final && now - b->last_progress < 250000))
    return;
  b->last_progress = now;
  double seconds = (now - b->started) / 1e6;
  guint64 n = b->stats.articles + b->stats.failures;
  /* How far through the input bytes the reader is: articles vary in
   * length, bytes are what the total is known in. */
  char eta[64] = "";
  double done = b->input_bytes > 0
                    ? (double) (gsize) g_atomic_pointer_get (&b->bytes_consumed) / b->input_bytes
                    : 0;
  if (!final && done > 0 && done <= 1 && seconds > 1)
    {
      guint64 left = (guint64) (seconds / done - seconds + 0.5);
      g_snprintf (eta, sizeof eta, ", %.0f%%, ETA %" G_GUINT64_FORMAT ":%02u", 100 * done,
                  left / 60, (unsigned) (left % 60));
    }
  fprintf (stderr, "\rabridge: %" G_GUINT64_FORMAT " articles, %" G_GUINT64_FORMAT
           " failed, %.0f/s%s%s", n, b->stats.failures, seconds > 0 ? n / seconds : 0.0, eta,
           final ? "\n" : "\033[K");
  fflush (stderr);
}

/* Adds JOB's outcome to the report, unless the report has failed. Only
 * the writer sets writer_failed, so it reads it without the lock. */
static void
write_job (Batch *b, Job *job)
{
  if (job->error != NULL)
    fprintf (stderr, "%sabridge: %s: %s\n", b->options->progress ? "\r" : "", job->id,
             job->error);
  abridge_report_entry entry = {
    .seq = job->number, .id = job->id, .title = job->title, .source = job->source,
    .date = job->date, .url = job->url, .dateline = job->dateline, .error = job->error,
    .brief = job->brief,
  };
  GError *error = NULL;
  if (!b->writer_failed && !abridge_report_add (b->report, &entry, &error))
    {
      g_mutex_lock (&b->lock);
      b->writer_failed = TRUE;
      b->writer_error = error;
      g_mutex_unlock (&b->lock);
    }
  if (job->error != NULL)
    b->stats.failures++;
  else
    b->stats.articles++;
  progress (b, FALSE);
}

static gpointer
writer_main (gpointer data)
{
  Batch *b = data;
  g_mutex_lock (&b->lock);
  for (;;)
    {
      Chunk *chunk;
      while ((chunk = g_hash_table_lookup (b->done, &b->next_write)) == NULL
             && !(b->reading_done && b->next_write == b->next_seq))
        {
          b->writer_waiting = TRUE;
          g_cond_wait (&b->written, &b->lock);
          b->writer_waiting = FALSE;
        }
      if (chunk == NULL)
        break;
      g_hash_table_steal (b->done, &chunk->seq);
      g_mutex_unlock (&b->lock);

      for (guint i = 0; i < chunk->jobs->len; i++)
        write_job (b, chunk->jobs->pdata[i]);

      g_mutex_lock (&b->lock);
      /* The briefs go back to be freed by the thread that allocated them:
       * a free() from here would take that worker's malloc arena lock
       * while it allocates. */
      g_queue_push_tail (&chunk->owner->garbage, chunk);
      b->next_write++;
      b->in_flight--;
      if (b->reader_waiting)
        g_cond_signal (&b->room);
    }
  g_mutex_unlock (&b->lock);
  return NULL;
}
/* ---- the workers ------------------------------------------------------------- */

/* Parsing happens in the workers: one reader thread parsing JSON for
 * every core would be the bottleneck. */
static gboolean
parse_record (Job *job)
{
  abridge_record record;
  GError *error = NULL;
  gboolean ok = abridge_record_parse (job->text, job->len, &record, &error);
  g_clear_pointer (&job->text, g_free);
  if (!ok)
    {
      job->error = g_strdup (error->message);
      g_error_free (error);
      return FALSE;
    }
  if (record.id != NULL)
    {
      g_free (job->id);
      job->id = g_steal_pointer (&record.id);
    }
  job->title = g_steal_pointer (&record.title);
  job->source = g_steal_pointer (&record.source);
  job->date = g_steal_pointer (&record.date);
  job->url = g_steal_pointer (&record.url);
  job->text = g_steal_pointer (&record.text);
  job->len = record.text_len;
  abridge_record_clear (&record);
  return TRUE;
}

/* A web page becomes its article, with the page's metadata where the
 * job has none (as a JSONL record gives it). */
static gboolean
extract_page (Job *job)
{
  GError *error = NULL;
  abridge_article *page = abridge_extract_html (job->text, job->len, &error);
  g_clear_pointer (&job->text, g_free);
  if (page == NULL || page->len == 0)
    {
      job->error = g_strdup (page == NULL ? error->message : "no article text found in the page");
      g_clear_error (&error);
      abridge_article_free (page);
      return FALSE;
    }
  job->text = g_steal_pointer (&page->text);
  job->len = page->len;
  if (job->title == NULL)
    job->title = g_steal_pointer (&page->title);
  if (job->source == NULL)
    job->source = g_steal_pointer (&page->site_name);
  if (job->date == NULL)
    job->date = g_steal_pointer (&page->date);
  if (job->url == NULL)
    job->url = g_steal_pointer (&page->url);
  abridge_article_free (page);
  return TRUE;
}

static void
summarize (abridge_engine *engine, const abridge_batch_options *o, Job *job)
{
  if (job->record && !parse_record (job))
    return;
  if (job->html && !extract_page (job))
    return;
  GError *error = NULL;
  abridge_document *doc = abridge_document_new_lang (job->text, job->len, job->title,
                                                     o->lang != NULL ? o->lang : "auto", &error);
  if (doc != NULL && abridge_document_sentence_count (doc) == 0)
    g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "no sentence to summarize");
  if (error == NULL)
    {
      job->brief = abridge_engine_summarize (engine, doc, &o->budget, ABRIDGE_ORDER_ARTICLE, &error);
      if (job->brief != NULL && job->brief->items->len == 0)
        {
          g_clear_pointer (&job->brief, abridge_brief_free);
          g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "nothing but page furniture");
        }
    }
  if (error != NULL)
    {
      job->error = g_strdup (error->message);
      g_error_free (error);
    }
  else
    {
      if (o->keywords > 0)
        job->brief->keywords = abridge_document_keywords (doc, o->keywords);
      if (job->title == NULL && abridge_document_title (doc, NULL) != NULL)
        job->title = g_strdup (abridge_document_title (doc, NULL));
      job->dateline = g_strdup (abridge_document_dateline (doc));
    }
  abridge_document_free (doc);
  /* The text is done with: free it now, not when the writer gets to it. */
  g_clear_pointer (&job->text, g_free);
}

static void
free_garbage (GQueue *garbage)
{
  Chunk *chunk;
  while ((chunk = g_queue_pop_head (garbage)) != NULL)
    chunk_free (chunk);
}

static gpointer
worker_main (gpointer data)
{
  Worker *w = data;
  Batch *b = w->batch;
  Chunk *finished = NULL;
  for (;;)
    {
      /* One lock both hands in the last chunk and takes the next. */
      g_mutex_lock (&b->lock);
      if (finished != NULL)
        {
          finished->owner = w;
          g_hash_table_insert (b->done, &finished->seq, finished);
          if (b->writer_waiting && finished->seq == b->next_write)
            g_cond_signal (&b->written);
          finished = NULL;
        }
      Chunk *chunk;
      while ((chunk = g_queue_pop_head (&b->todo)) == NULL && !b->reading_done)
        {
          b->idle_workers++;
          g_cond_wait (&b->work, &b->lock);
          b->idle_workers--;
        }
      GQueue garbage = w->garbage;
      g_queue_init (&w->garbage);
      g_mutex_unlock (&b->lock);
      free_garbage (&garbage);
      if (chunk == NULL)
        return NULL;
      for (guint i = 0; i < chunk->jobs->len; i++)
        {
          Job *job = chunk->jobs->pdata[i];
          if (job->error == NULL)
            summarize (w->engine, b->options, job);
        }
      finished = chunk;
    }
}

/* ---- the reader -------------------------------------------------------------- */

/* Hands the chunk being filled to the workers, waiting while too many are
 * in flight. Returns FALSE when the writer has failed and reading should
 * stop. */
static gboolean
flush (Batch *b)
{
  Chunk *chunk = g_steal_pointer (&b->filling);
  g_mutex_lock (&b->lock);
  while (chunk != NULL && b->in_flight >= room (b) && !b->writer_failed)
    {
      b->reader_waiting = TRUE;
      g_cond_wait (&b->room, &b->lock);
      b->reader_waiting = FALSE;
    }
  gboolean ok = !b->writer_failed;
  if (ok && chunk != NULL)
    {
      chunk->seq = b->next_seq++;
      b->in_flight++;
      g_queue_push_tail (&b->todo, g_steal_pointer (&chunk));
      if (b->idle_workers > 0)
        g_cond_signal (&b->work);
    }
  g_mutex_unlock (&b->lock);
  if (chunk != NULL)
    chunk_free (chunk);
  return ok;
}

/* Adds JOB to the chunk being filled, handing the chunk on when full (at
 * once for a stream). Returns FALSE when reading should stop. */
static gboolean
submit (Batch *b, Job *job)
{
  if (b->filling == NULL)
    {
      b->filling = g_new0 (Chunk, 1);
      b->filling->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
    }
  g_ptr_array_add (b->filling->jobs, job);
  b->filling->bytes += job->len;
  if (b->stream || b->filling->jobs->len >= CHUNK_ARTICLES || b->filling->bytes >= CHUNK_BYTES)
    return flush (b);
  return TRUE;
}

/* Whether the next article of the input is this run's. With --shard I/K,
 * article N is shard N mod K's: every shard walks the same inputs in the
 * same order (skipping others' articles unread), and reports keep the
 * numbers of a whole run, so merged shards equal a single run. */
static gboolean
next_article (Batch *b)
{
  b->number = b->articles_seen++;
  guint k = b->options->shard_count;
  return k <= 1 || b->number % k == b->options->shard_index;
}

/* A job for the article next_article() has just numbered. */
static Job *
job_new (Batch *b, const char *id)
{
  Job *job = g_new0 (Job, 1);
  job->id = g_strdup (id);
  job->number = b->number;
  return job;
}

static gboolean
read_text_file (Batch *b, const char *path, const GStatBuf *st)
{
  if (!next_article (b))
    {
      if (st != NULL && S_ISREG (st->st_mode))
        g_atomic_pointer_add (&b->bytes_consumed, (gssize) st->st_size);
      return TRUE;
    }
  Job *job = job_new (b, path);
  GError *error = NULL;
  gsize raw_len = 0;
  char *warning = NULL;
  char *raw = abridge_input_read_bytes (path, b->options->max_bytes, &raw_len, &error);
  const char *format = b->options->input_format;
  /* Web pages are found by content, as the summarize command finds them. */
  if (raw != NULL)
    job->html = format != NULL ? strcmp (format, "html") == 0 : abridge_html_detect (raw, raw_len);
  if (raw != NULL)
    job->text = abridge_input_decode (raw, raw_len, job->html ? ABRIDGE_DECODE_HTML : 0,
                                      &job->len, &warning, &error);
  if (job->text != NULL && format == NULL && !job->html)
    job->html = abridge_html_detect (job->text, job->len);
  if (warning != NULL)
    g_printerr ("abridge: %s: warning: %s\n", path, warning);
  g_free (warning);
  if (job->text == NULL)
    {
      job->error = g_strdup (error->message);
      g_error_free (error);
    }
  else
    b->stats.bytes += raw_len;
  g_atomic_pointer_add (&b->bytes_consumed, (gssize) raw_len);
  g_free (raw);
  return submit (b, job);
}

static gboolean
read_jsonl (Batch *b, const char *path)
{
  gboolean is_stdin = strcmp (path, "-") == 0;
  FILE *fp = is_stdin ? stdin : fopen (path, "re");
  if (fp == NULL)
    {
      if (!next_article (b))
        return TRUE;
      Job *job = job_new (b, path);
      job->error = g_strdup (g_strerror (errno));
      return submit (b, job);
    }
  char *iobuf = abridge_line_buffer (fp);
  GString *buf = g_string_new (NULL);
  gboolean too_long;
  guint64 lineno = 0;
  gboolean ok = TRUE;
  int got = 0;
  while (ok && (got = abridge_read_line (fp, buf, b->options->max_bytes, &too_long)) > 0)
    {
      lineno++;
      /* Close enough for the ETA: a dropped long line counts as its cap. */
      g_atomic_pointer_add (&b->bytes_consumed, (gssize) buf->len + 1);
      const char *line = buf->str;
      gsize len = buf->len;
      if ((len == 0 && !too_long) || !next_article (b))
        continue;
      char *where = g_strdup_printf ("%s:%" G_GUINT64_FORMAT, is_stdin ? "stdin" : path, lineno);
      Job *job = job_new (b, where);
      g_free (where);
      if (too_long)
        job->error = g_strdup_printf ("record larger than %" G_GSIZE_FORMAT " bytes",
                                      b->options->max_bytes);
      else
        {
          job->text = g_strndup (line, len);
          job->len = len;
          job->record = TRUE;
          b->stats.bytes += len;
        }
      ok = submit (b, job);
    }
  /* A read error (a directory, an I/O error) is a failed entry, not a
   * silent end of the corpus. */
  int saved = errno;
  if (ok && got < 0 && next_article (b))
    {
      Job *job = job_new (b, is_stdin ? "stdin" : path);
      job->error = g_strdup_printf ("after line %" G_GUINT64_FORMAT ": %s", lineno,
                                    saved == EFBIG ? "a line with no end in sight (not JSONL?)"
                                                   : g_strerror (saved));
      ok = submit (b, job);
    }
  g_string_free (buf, TRUE);
  if (!is_stdin)
    fclose (fp);
  g_free (iobuf);
  return ok;
}

static gboolean
is_jsonl (const abridge_batch_options *o, const char *path)
{
  if (o->input_format != NULL)
    return strcmp (o->input_format, "jsonl") == 0;
  return strcmp (path, "-") == 0 || g_str_has_suffix (path, ".jsonl");
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* What a walk of the inputs found: a file to read, with its status (NULL
 * when it cannot be had), or a directory that cannot be listed (ERROR).
 * Returns FALSE to stop the walk. */
typedef gboolean (*VisitFunc) (gpointer data, const char *path, const GStatBuf *st,
                               const GError *error);

/* Directories are walked in name order, so reports do not depend on the
 * file system; hidden entries, symbolic links to directories and children
 * that are neither files nor directories are skipped, as are files GLOB
 * does not match (a file named on the command line is always read). */
static gboolean
walk_dir (const char *path, GPatternSpec *glob, VisitFunc visit, gpointer data)
{
  GError *error = NULL;
  GDir *dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      gboolean ok = visit (data, path, NULL, error);
      g_error_free (error);
      return ok;
    }
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_names);
  gboolean ok = TRUE;
  for (guint i = 0; i < names->len && ok; i++)
    {
      char *child = g_build_filename (path, names->pdata[i], NULL);
      GStatBuf st;
      gboolean link = FALSE;
      if (g_lstat (child, &st) == 0 && (!(link = S_ISLNK (st.st_mode)) || g_stat (child, &st) == 0))
        {
          if (S_ISDIR (st.st_mode) && !link)
            ok = walk_dir (child, glob, visit, data);
          else if (S_ISREG (st.st_mode)
                   && (glob == NULL || g_pattern_spec_match_string (glob, names->pdata[i])))
            ok = visit (data, child, &st, NULL);
        }
      g_free (child);
    }
  g_ptr_array_unref (names);
  return ok;
}

/* Walks the input PATH ("-": standard input) as batch reads it. */
static gboolean
walk (const char *path, GPatternSpec *glob, VisitFunc visit, gpointer data)
{
  GStatBuf st;
  gboolean is_stdin = strcmp (path, "-") == 0;
  gboolean found = is_stdin ? fstat (STDIN_FILENO, &st) == 0 : g_stat (path, &st) == 0;
  if (!is_stdin && found && S_ISDIR (st.st_mode))
    return walk_dir (path, glob, visit, data);
  return visit (data, path, found ? &st : NULL, NULL);
}

static gboolean
read_input (gpointer data, const char *path, const GStatBuf *st, const GError *error)
{
  Batch *b = data;
  if (error != NULL)
    {
      if (!next_article (b))
        return TRUE;
      Job *job = job_new (b, path);
      job->error = g_strdup (error->message);
      return submit (b, job);
    }
  b->stream = st == NULL || !S_ISREG (st->st_mode);
  return is_jsonl (b->options, path) ? read_jsonl (b, path) : read_text_file (b, path, st);
}

/* The bytes of the inputs, for the ETA; unknown when one is a stream
 * (stdin from a pipe, a FIFO) or cannot be had. */
typedef struct {
  guint64 total;
  gboolean unknown;
} InputSize;

static gboolean
add_input_size (gpointer data, const char *path, const GStatBuf *st, const GError *error)
{
  InputSize *size = data;
  (void) path;
  if (error == NULL && (st == NULL || !S_ISREG (st->st_mode)))
    size->unknown = TRUE;
  else if (error == NULL)
    size->total += (guint64) st->st_size;
  return TRUE;
}

static guint
chunk_seq_hash (gconstpointer key)
{
  return g_int64_hash (key);
}

gboolean
abridge_batch_run (abridge_registry *registry, const abridge_batch_options *options,
                   abridge_report *report, abridge_batch_stats *stats, GError **error)
{
  Batch b = { 0 };
  b.options = options;
  b.registry = registry;
  b.report = report;
  g_mutex_init (&b.lock);
  g_cond_init (&b.work);
  g_cond_init (&b.written);
  g_cond_init (&b.room);
  g_queue_init (&b.todo);
  b.done = g_hash_table_new (chunk_seq_hash, g_int64_equal);
  b.started = g_get_monotonic_time ();

  guint n = MAX (1, options->threads);
  Worker *workers = g_new0 (Worker, n);
  gboolean ok = TRUE;
  for (guint i = 0; i < n && ok; i++)
    {
      workers[i].batch = &b;
      workers[i].engine = abridge_engine_new (registry, options->plugins, options->options, error);
      ok = workers[i].engine != NULL;
    }
  GThread *writer = NULL;
  if (ok)
    {
      for (guint i = 0; i < n; i++)
        workers[i].thread = g_thread_new ("abridge-worker", worker_main, &workers[i]);
      writer = g_thread_new ("abridge-writer", writer_main, &b);

      GPatternSpec *glob = options->glob != NULL ? g_pattern_spec_new (options->glob) : NULL;
      static char *stdin_only[] = { "-", NULL };
      char **inputs = options->inputs != NULL && options->inputs[0] != NULL ? options->inputs
                                                                             : stdin_only;
      InputSize size = { 0, FALSE };
      for (char **in = inputs; options->progress && *in != NULL && !size.unknown; in++)
        walk (*in, glob, add_input_size, &size);
      b.input_bytes = size.unknown ? 0 : size.total; /* 0: no ETA */
      gboolean reading = TRUE;
      for (char **in = inputs; *in != NULL && reading; in++)
        reading = walk (*in, glob, read_input, &b);
      flush (&b);
      if (glob != NULL)
        g_pattern_spec_free (glob);

      g_mutex_lock (&b.lock);
      b.reading_done = TRUE;
      g_cond_broadcast (&b.work);
      g_cond_broadcast (&b.written);
      g_mutex_unlock (&b.lock);
      for (guint i = 0; i < n; i++)
        g_thread_join (workers[i].thread);
      g_thread_join (writer);
      /* What the writer wrote after its worker had finished. */
      for (guint i = 0; i < n; i++)
        free_garbage (&workers[i].garbage);
      progress (&b, TRUE);
      if (b.writer_failed)
        {
          g_propagate_error (error, b.writer_error);
          ok = FALSE;
        }
    }
  for (guint i = 0; i < n; i++)
    abridge_engine_free (workers[i].engine);
  g_free (workers);

  /* Jobs left only when the writer failed. */
  GHashTableIter it;
  gpointer chunk;
  g_hash_table_iter_init (&it, b.done);
  while (g_hash_table_iter_next (&it, NULL, &chunk))
    chunk_free (chunk);
  g_hash_table_unref (b.done);
  while ((chunk = g_queue_pop_head (&b.todo)) != NULL)
    chunk_free (chunk);
  g_mutex_clear (&b.lock);
  g_cond_clear (&b.work);
  g_cond_clear (&b.written);
  g_cond_clear (&b.room);

  b.stats.seconds = (g_get_monotonic_time () - b.started) / 1e6;
  if (stats != NULL)
    *stats = b.stats;
  return ok;
}
