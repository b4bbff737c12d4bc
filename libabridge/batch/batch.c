/* Batch runs. One reader thread (the caller's) turns the inputs into
 * items in input order and hands them on in numbered chunks; workers, each
 * with its own engine, prepare and summarize a chunk at a time; one writer
 * thread adds the outcomes to the report strictly in order. At most a few
 * chunks per worker are in flight, so memory does not grow with the
 * corpus. A worker with nothing else to do takes articles not yet started
 * from a chunk another worker holds, so that N slow articles run on N
 * workers however they were chunked. Plugins abridge does not ship run in
 * worker processes (isolate.c), one per worker thread, so that one that
 * crashes, exits or hangs fails only its article. `abridge FILE` is such a
 * run too, with one worker and a report of briefs. */
#include "config.h"

#include <abridge/batch.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>

#include "output/escape.h"
#include "output/report.h"
#include "batch/isolate.h"
#include "batch/outcome.h"
#include "batch/progress.h"
#include "engine/watch.h"
#include "source/offsets.h"

/* Articles travel between the threads in chunks of up to this many, or
 * this many bytes of text: one lock, queue operation and wake-up a chunk
 * instead of an article, which would cost about as much as a short
 * article's summary (bench/README.md, "batch"). A stream (stdin, a FIFO)
 * goes an article at a time, so that a slow producer's articles come out
 * as they come in. */
#define CHUNK_ARTICLES 64
#define CHUNK_BYTES (1024 * 1024)
/* Chunks allowed between reading and writing, per worker: enough to keep
 * every worker busy while the writer waits for a slow one. */
#define CHUNKS_PER_WORKER 3

typedef struct {
  abridge_item *item;      /* its error is the job's */
  char *title;             /* the item's, or the one the document found */
  char *dateline;
  const char *language;    /* static: an ISO 639-1 code */
  abridge_brief *brief;
  gboolean keep_text;      /* the report shows the article: its text stays */
} Job;

typedef struct Worker Worker;

typedef struct {
  guint64 seq;             /* dense, in reading order: the writer's order */
  GPtrArray *jobs;         /* Job* */
  gsize bytes;
  Worker *owner;           /* the worker that took it from the queue */
  gint next;               /* the next job to start (atomic: workers claim jobs) */
  guint holders;           /* workers claiming its jobs (under the lock) */
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
  GQueue active;           /* Chunk*, taken by a worker, maybe with jobs not started */
  GHashTable *done;        /* seq -> Chunk*, waiting for the writer */
  guint64 next_seq;        /* assigned by the reader */
  guint64 next_write;      /* wanted by the writer */
  guint64 in_flight;       /* chunks */
  gboolean reading_done;
  gboolean writer_failed;
  GError *writer_error;
  gboolean unflushed;      /* the writer's: briefs added since its last flush */

  /* The reader's own. */
  Chunk *filling;          /* not yet handed on */

  abr_isolation *isolation; /* NULL: plugins run in the worker threads */

  abridge_batch_stats stats;
  abr_progress *progress;  /* NULL: no progress line */
  gint64 started;
} Batch;

struct Worker {
  Batch *batch;
  abridge_engine *engine;  /* or, isolated: */
  abr_worker_process *process;
  guint slot;
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
  abridge_item_free (job->item);
  g_free (job->title);
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
  if (b->progress != NULL)
    abr_progress_show (b->progress, b->stats.articles + b->stats.failures, b->stats.failures,
                       final);
}

/* Adds JOB's outcome to the report, unless the report has failed. Only
 * the writer sets writer_failed, so it reads it without the lock. What is
 * said of the article on stderr comes first, after the briefs before it. */
static void
write_job (Batch *b, Job *job)
{
  const abridge_item *item = job->item;
  if (item->warning != NULL || item->error != NULL)
    {
      abridge_report_flush (b->report, NULL);
      /* Over the progress line, all of it. */
      const char *cr = b->progress != NULL ? "\r\033[K" : "";
      /* Names and messages carry the article's bytes: one printable line. */
      char *file = abr_printable_line (item->file), *id = abr_printable_line (item->id);
      char *warning = abr_printable_line (item->warning), *why = abr_printable_line (item->error);
      if (item->warning != NULL)
        fprintf (stderr, "%sabridge: %s: warning: %s\n", cr, file, warning);
      if (item->error != NULL)
        fprintf (stderr, "%sabridge: %s: %s\n", cr, id, why);
      g_free (file);
      g_free (id);
      g_free (warning);
      g_free (why);
    }
  abridge_report_entry entry = {
    .seq = item->number,
    .id = item->id,
    .title = job->title,
    .source = item->source != NULL ? item->source : item->site_name,
    .date = item->date,
    .url = item->url,
    .dateline = job->dateline,
    .error = item->error,
    .brief = job->brief,
    .file = item->file,
    .language = job->language,
    .author = item->author,
    .site_name = item->site_name,
    .plugin = b->options->plugins,
    .record = item->record,
    .page = item->page,
    .text = item->text,
    .text_len = item->len,
  };
  GError *error = NULL;
  if (!b->writer_failed && !abridge_report_add (b->report, &entry, &error))
    {
      g_mutex_lock (&b->lock);
      b->writer_failed = TRUE;
      b->writer_error = error;
      g_mutex_unlock (&b->lock);
    }
  b->unflushed = TRUE;
  if (item->error != NULL)
    b->stats.failures++;
  else
    b->stats.articles++;
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
          /* Briefs made so far go out before the wait: a slow input's
           * briefs appear as they are made. */
          if (b->unflushed && !b->writer_failed)
            {
              b->unflushed = FALSE;
              g_mutex_unlock (&b->lock);
              GError *error = NULL;
              gboolean ok = abridge_report_flush (b->report, &error);
              g_mutex_lock (&b->lock);
              if (!ok)
                {
                  b->writer_failed = TRUE;
                  b->writer_error = error;
                  if (b->reader_waiting)
                    g_cond_signal (&b->room);
                }
              continue;
            }
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
      /* After the chunk, not its first article: the chunk's articles are
       * written all at once, and the line must count them all. */
      progress (b, FALSE);

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

/* The outcome into JOB. */
static void
finish (Job *job, abr_outcome *out)
{
  abridge_item *item = job->item;
  if (out->error != NULL)
    item->error = g_steal_pointer (&out->error);
  else
    {
      job->brief = g_steal_pointer (&out->brief);
      /* Plain text's offsets index the input as given, not the text as
       * cleaned (CRLF, a byte order mark, no-break spaces, Latin-1);
       * except for a report that shows the article, which shows the
       * cleaned text and marks the brief in it. */
      if (item->offsets_ != NULL && job->brief != NULL && !job->keep_text)
        for (guint i = 0; i < job->brief->items->len; i++)
          {
            abridge_brief_item *it = &g_array_index (job->brief->items, abridge_brief_item, i);
            it->start = (uint32_t) abr_offsets_start (item->offsets_, it->start);
            it->end = (uint32_t) abr_offsets_end (item->offsets_, it->end);
          }
      g_free (job->title);
      job->title = g_steal_pointer (&out->title);
      job->dateline = g_steal_pointer (&out->dateline);
      job->language = out->language;
    }
  abr_outcome_clear (out);
  /* The text is done with: free it now, not when the writer gets to it. */
  if (!job->keep_text)
    g_clear_pointer (&item->text, g_free);
}

/* Preparing happens in the workers: one reader thread parsing JSON or
 * extracting pages for every core would be the bottleneck. */
static void
summarize (Worker *w, Job *job)
{
  abridge_item *item = job->item;
  if (!abridge_item_prepare (item))
    return;
  abr_outcome out = { 0 };
  abr_watch_article (item->id);
  abr_summarize_text (w->engine, w->batch->options, item->text, item->len, item->title, &out);
  abr_watch_article (NULL);
  finish (job, &out);
}

/* ---- isolated: the plugins in the worker's own process ----------------------------- */

/* The next job of CHUNK for this worker's process, prepared. */
static gboolean
next_isolated (abr_isolated_article *article, gpointer data)
{
  Chunk *chunk = data;
  guint i;
  while ((i = (guint) g_atomic_int_add (&chunk->next, 1)) < chunk->jobs->len)
    {
      Job *job = chunk->jobs->pdata[i];
      /* Reading and preparing are the core's own work: here, in the thread. */
      if (job->item->error != NULL || !abridge_item_prepare (job->item))
        continue;
      *article = (abr_isolated_article) { job->item->text, job->item->len, job->item->title, job };
      return TRUE;
    }
  return FALSE;
}

static void
done_isolated (gpointer job, abr_outcome *out, gpointer data)
{
  (void) data;
  finish (job, out);
}

static void
free_garbage (GQueue *garbage)
{
  Chunk *chunk;
  while ((chunk = g_queue_pop_head (garbage)) != NULL)
    chunk_free (chunk);
}

/* A chunk whose jobs are not all started, for a worker with nothing
 * else to do; NULL when none. Under the lock. */
static Chunk *
find_work (Batch *b)
{
  Chunk *chunk = g_queue_pop_head (&b->todo);
  if (chunk != NULL)
    {
      g_queue_push_tail (&b->active, chunk);
      /* The others may help with it. */
      if (chunk->jobs->len > 1 && b->idle_workers > 0)
        g_cond_broadcast (&b->work);
      return chunk;
    }
  for (GList *l = b->active.head; l != NULL; l = l->next)
    {
      Chunk *c = l->data;
      if ((guint) g_atomic_int_get (&c->next) < c->jobs->len)
        return c;
    }
  return NULL;
}

/* Lets go of CHUNK, all of whose jobs have started; the last worker to let
 * go, when they have all finished, hands it to the writer. Under the lock. */
static void
let_go (Batch *b, Chunk *chunk)
{
  if (--chunk->holders > 0)
    return;
  g_queue_remove (&b->active, chunk);
  g_hash_table_insert (b->done, &chunk->seq, chunk);
  if (b->writer_waiting && chunk->seq == b->next_write)
    g_cond_signal (&b->written);
}

static gpointer
worker_main (gpointer data)
{
  Worker *w = data;
  Batch *b = w->batch;
  Chunk *held = NULL;
  for (;;)
    {
      /* One lock both lets go of the last chunk and takes the next. */
      g_mutex_lock (&b->lock);
      if (held != NULL)
        let_go (b, held);
      Chunk *chunk;
      while ((chunk = find_work (b)) == NULL && !b->reading_done)
        {
          b->idle_workers++;
          g_cond_wait (&b->work, &b->lock);
          b->idle_workers--;
        }
      if (chunk != NULL)
        {
          if (chunk->holders++ == 0)
            chunk->owner = w;
        }
      GQueue garbage = w->garbage;
      g_queue_init (&w->garbage);
      g_mutex_unlock (&b->lock);
      free_garbage (&garbage);
      if (chunk == NULL)
        return NULL;
      if (w->engine == NULL)
        abr_isolation_run (b->isolation, w->slot, &w->process, next_isolated, done_isolated,
                           chunk);
      else
        {
          guint i;
          while ((i = (guint) g_atomic_int_add (&chunk->next, 1)) < chunk->jobs->len)
            {
              Job *job = chunk->jobs->pdata[i];
              if (job->item->error == NULL)
                summarize (w, job);
            }
        }
      held = chunk;
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

/* Takes ITEM as the next job of the chunk being filled, handing the chunk
 * on when full (at once for a stream). Returns FALSE when reading should
 * stop. */
static gboolean
submit (abridge_item *item, gpointer data)
{
  Batch *b = data;
  if (b->filling == NULL)
    {
      b->filling = g_new0 (Chunk, 1);
      b->filling->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
    }
  Job *job = g_new0 (Job, 1);
  job->item = item;
  /* Until a document is made, what is known of the title. */
  job->title = g_strdup (item->title);
  job->keep_text = abr_report_wants_text (b->report);
  g_ptr_array_add (b->filling->jobs, job);
  b->filling->bytes += item->len;
  b->stats.bytes += item->raw_len;
  if (item->stream || b->filling->jobs->len >= CHUNK_ARTICLES || b->filling->bytes >= CHUNK_BYTES)
    return flush (b);
  return TRUE;
}

static guint
chunk_seq_hash (gconstpointer key)
{
  return g_int64_hash (key);
}

/* Address space kept back while the threads start, under `ulimit -v`:
 * each thread's stack is as large as `ulimit -s` (100 MB in the hostile
 * tests), and threads started until the system refused one left nothing
 * for the heap, so the first worker's first allocation failed and GLib
 * aborted. Unmapped once they run, it is the heap's. */
#define HEADROOM_BYTES ((gsize) 256 << 20)

/* The headroom's mapping (never touched: no memory, only addresses), or
 * NULL when the address space has no limit or cannot spare it. */
static void *
reserve_headroom (void)
{
  struct rlimit as;
  if (getrlimit (RLIMIT_AS, &as) != 0 || as.rlim_cur == RLIM_INFINITY)
    return NULL;
  void *p = mmap (NULL, HEADROOM_BYTES, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                  -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

/* Starts the writer, then up to N workers. Threads a system refuses
 * (address space under `ulimit -v`, a process limit) are not fatal while
 * one worker runs: the batch goes on with fewer, saying so. FALSE with
 * ERROR when not even the writer and one worker could start; nothing is
 * left running then. */
static gboolean
start_threads (Batch *b, Worker *workers, guint n, GThread **writer, guint *started,
               GError **error)
{
  GError *why = NULL;
  *started = 0;
  void *headroom = reserve_headroom ();
  *writer = g_thread_try_new ("abridge-writer", writer_main, b, &why);
  while (*writer != NULL && *started < n)
    {
      workers[*started].thread
          = g_thread_try_new ("abridge-worker", worker_main, &workers[*started], &why);
      if (workers[*started].thread == NULL)
        break;
      (*started)++;
    }
  if (headroom != NULL)
    munmap (headroom, HEADROOM_BYTES);
  if (*started == n)
    return TRUE;
  if (*started > 0)
    {
      fprintf (stderr, "abridge: warning: cannot start worker thread %u of %u (%s): going on with %u\n",
               *started + 1, n, why->message, *started);
      g_error_free (why);
      return TRUE;
    }
  g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "cannot start the batch's %s: %s",
               *writer == NULL ? "writer thread" : "worker thread", why->message);
  g_error_free (why);
  if (*writer != NULL)
    {
      g_mutex_lock (&b->lock);
      b->reading_done = TRUE;
      g_cond_broadcast (&b->written);
      g_mutex_unlock (&b->lock);
      g_thread_join (*writer);
      *writer = NULL;
    }
  return FALSE;
}

/* Whether the plugins of O run in worker processes: on request, or when
 * one of them is not shipped with abridge (a plugin not found is left to
 * the engine to report). */
static gboolean
isolated (const abridge_registry *registry, const abridge_batch_options *o)
{
  if (o->isolate != ABRIDGE_ISOLATE_AUTO)
    return o->isolate == ABRIDGE_ISOLATE_ALWAYS;
  gboolean any = FALSE;
  char **specs = g_strsplit (o->plugins, "+", -1);
  for (char **spec = specs; *spec != NULL && !any; spec++)
    {
      char *colon = strchr (*spec, ':');
      if (colon != NULL)
        *colon = '\0';
      const abridge_plugin_entry *e = abridge_registry_find (registry, g_strstrip (*spec));
      any = e != NULL && !e->shipped;
    }
  g_strfreev (specs);
  return any;
}

/* Each worker's engine, in its thread or in its process; FALSE when the
 * plugins cannot start. */
static gboolean
start_workers (Batch *b, Worker *workers, guint n, GError **error)
{
  const abridge_batch_options *o = b->options;
  if (isolated (b->registry, o))
    {
      b->isolation = abr_isolation_new (b->registry, o, n, error);
      if (b->isolation == NULL)
        return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      workers[i].batch = b;
      workers[i].slot = i;
      if (b->isolation != NULL)
        workers[i].process = abr_isolation_spawn (b->isolation, i, error);
      else
        workers[i].engine = abridge_engine_new (b->registry, o->plugins, o->options, error);
      if (workers[i].engine == NULL && workers[i].process == NULL)
        return FALSE;
    }
  return TRUE;
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
  g_queue_init (&b.active);
  b.done = g_hash_table_new (chunk_seq_hash, g_int64_equal);
  b.started = g_get_monotonic_time ();

  guint n = MAX (1, options->threads);
  Worker *workers = g_new0 (Worker, n);
  gboolean ok = start_workers (&b, workers, n, error);
  GThread *writer = NULL;
  guint started = 0;
  /* After the workers' processes are forked: the count is a thread. */
  if (ok && options->progress)
    b.progress = abr_progress_new (&options->input);
  if (ok)
    ok = start_threads (&b, workers, n, &writer, &started, error);
  if (ok)
    {
      abridge_read (&options->input, submit, &b);
      flush (&b);

      g_mutex_lock (&b.lock);
      b.reading_done = TRUE;
      g_cond_broadcast (&b.work);
      g_cond_broadcast (&b.written);
      g_mutex_unlock (&b.lock);
      for (guint i = 0; i < started; i++)
        g_thread_join (workers[i].thread);
      g_thread_join (writer);
      /* What the writer wrote after its worker had finished. */
      for (guint i = 0; i < n; i++)
        free_garbage (&workers[i].garbage);
      progress (&b, TRUE);
      abr_progress_free (g_steal_pointer (&b.progress));
      if (b.writer_failed)
        {
          g_propagate_error (error, b.writer_error);
          ok = FALSE;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      abridge_engine_free (workers[i].engine);
      abr_worker_process_free (workers[i].process);
    }
  g_free (workers);
  abr_isolation_free (b.isolation);
  abr_progress_free (b.progress);

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
