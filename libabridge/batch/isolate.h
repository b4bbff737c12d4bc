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

/* Summarizes one article in P. Returns FALSE when P died or overran the
 * time limit: OUT->error says which plugin and how, and P is gone (free
 * it, spawn another). */
gboolean abr_worker_process_summarize (abr_worker_process *p, const char *text, gsize len,
                                       const char *title, abr_outcome *out);

/* Ends P (it exits when it reads the end of its input) and reaps it. */
void abr_worker_process_free (abr_worker_process *p);

#endif
