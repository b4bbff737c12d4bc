/* What plugin code is running, and on which article: so that a plugin
 * that crashes the process, calls exit() or hangs can be named. */
#ifndef ABRIDGE_WATCH_H
#define ABRIDGE_WATCH_H

#include <glib.h>

/* The plugin whose code the calling thread is about to run (its id, static
 * in the plugin's descriptor), or NULL when it returned. */
void abr_watch_plugin (const char *id);
/* The article the calling thread works on (an id that outlives the work),
 * or NULL. */
void abr_watch_article (const char *id);
const char *abr_watch_current_plugin (void);

/* In a worker process: where to copy the running plugin's id as well, so
 * that the process that started it can read it after a crash or a kill.
 * SLOT is shared memory of ABR_WATCH_SLOT bytes: a NUL-terminated id, ""
 * when no plugin runs. */
#define ABR_WATCH_SLOT 80
void abr_watch_mirror (char *slot);

/* How the process ended, as a reason for a failed article: "crashed
 * (SIGSEGV, invalid memory access)", "called exit(0)", … (to g_free). */
char *abr_watch_describe_status (int wait_status);

/* In a worker process: a plugin that calls exit() ends the process at
 * once (no other exit handler runs) and fatal signals kill it silently;
 * the parent says what happened. */
void abr_watch_worker_process (void);

#endif
