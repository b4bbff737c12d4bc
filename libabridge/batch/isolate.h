/* Worker processes: plugins that may crash, abort, exit or hang run where
 * they can take down only the article they were ranking. */
#ifndef ABRIDGE_ISOLATE_H
#define ABRIDGE_ISOLATE_H

#include "batch/outcome.h"

typedef struct abr_isolation abr_isolation;
typedef struct abr_worker_process abr_worker_process;

/* Forks the process that forks the workers (a zygote, as Android's: it
 * is single-threaded, so its children may start engines safely whatever
 * the parent's threads hold). Call before starting threads. REGISTRY and
 * O must outlive it; WORKERS is how many worker processes may run at
 * once. */
abr_isolation *abr_isolation_new (abridge_registry *registry, const abridge_batch_options *o,
                                  guint workers, GError **error);
void abr_isolation_free (abr_isolation *iso);

/* Starts worker process SLOT (0 … WORKERS-1; one at a time per slot) with
 * its engine. Fails with the engine's error (a usage error for a bad
 * option), or when the process died or overran the time limit while its
 * plugins started. Thread-safe. */
abr_worker_process *abr_isolation_spawn (abr_isolation *iso, guint slot, GError **error);

/* Sends one article to P, which works on the articles sent in order; the
 * caller may send more before it reads their outcomes (a worker that
 * finds the next article waiting is not woken for it), as many as the
 * socket holds without waiting (some tens of kilobytes). */
void abr_worker_process_send (abr_worker_process *p, const char *text, gsize len,
                              const char *title);
/* The outcome of the oldest article sent and not yet received, waiting
 * for it within the time limit, counted from when P began it. Returns
 * FALSE when P died or overran: OUT->error says which plugin and how, the
 * articles sent after it were not summarized, and P is gone (free it,
 * spawn another, send them again). */
gboolean abr_worker_process_receive (abr_worker_process *p, abr_outcome *out);

/* One article for a worker process, and the caller's JOB it is for. */
typedef struct {
  const char *text;
  gsize len;
  const char *title;
  gpointer job;
} abr_isolated_article;

/* Fills ARTICLE with the next article; FALSE when there is none. */
typedef gboolean (*AbrNextArticle) (abr_isolated_article *article, gpointer data);
/* Takes the outcome of JOB (OUT is cleared afterwards). */
typedef void (*AbrArticleDone) (gpointer job, abr_outcome *out, gpointer data);

/* Summarizes every article NEXT gives in worker process *P of SLOT,
 * starting one when *P is NULL or died (an article that cannot get one
 * fails), sending a few ahead while articles are fast, and hands each
 * outcome to DONE in NEXT's order. Articles sent after one whose worker
 * died are sent again to the next. */
void abr_isolation_run (abr_isolation *iso, guint slot, abr_worker_process **p,
                        AbrNextArticle next, AbrArticleDone done, gpointer data);

/* Ends P (it exits when it reads the end of its input) and reaps it. */
void abr_worker_process_free (abr_worker_process *p);

#endif
