/* Naming the plugin that ended the process. Each thread marks the plugin
 * and article it works on (thread-local: a fault is delivered to the
 * thread that made it); a fatal-signal handler writes one line from the
 * marks, with async-signal-safe calls only, and dies by the signal as it
 * would have; a plugin that calls exit() is named by an exit handler. A
 * worker process (batch/isolate.c) also copies the plugin's id to memory
 * its parent reads after the process died. */
#include "config.h"
#include "engine/watch.h"

#include <abridge/abridge.h>

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* initial-exec: read from a signal handler, so never allocated lazily. */
static __thread const char *running_plugin __attribute__ ((tls_model ("initial-exec")));
static __thread const char *running_article __attribute__ ((tls_model ("initial-exec")));
static char *mirror;
static volatile sig_atomic_t worker_process;

void
abr_watch_plugin (const char *id)
{
  running_plugin = id;
  if (mirror != NULL)
    {
      /* The id first, then its first byte: the parent never reads half an id. */
      mirror[0] = '\0';
      if (id != NULL)
        {
          g_strlcpy (mirror + 1, id + (id[0] != '\0'), ABR_WATCH_SLOT - 1);
          __atomic_store_n (&mirror[0], id[0], __ATOMIC_RELEASE);
        }
    }
}

void
abr_watch_article (const char *id)
{
  running_article = id;
}

const char *
abr_watch_current_plugin (void)
{
  return running_plugin;
}

void
abr_watch_mirror (char *slot)
{
  mirror = slot;
  if (slot != NULL)
    slot[0] = '\0';
}

/* What each fatal signal means to a plugin author; static strings, for
 * the handler. */
static const struct {
  int sig;
  const char *what;
} fatal_signals[] = {
  { SIGSEGV, "crashed (SIGSEGV, invalid memory access)" },
  { SIGBUS, "crashed (SIGBUS, bus error)" },
  { SIGFPE, "crashed (SIGFPE, arithmetic error)" },
  { SIGILL, "crashed (SIGILL, illegal instruction)" },
  { SIGABRT, "aborted (SIGABRT)" },
  { SIGSYS, "crashed (SIGSYS, bad system call)" },
  { SIGTRAP, "crashed (SIGTRAP, trap)" },
};

static const char *
signal_meaning (int sig)
{
  for (gsize i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    if (fatal_signals[i].sig == sig)
      return fatal_signals[i].what;
  return NULL;
}

char *
abr_watch_describe_status (int status)
{
  if (WIFEXITED (status))
    return g_strdup_printf ("ended the process: exit(%d)", WEXITSTATUS (status));
  if (!WIFSIGNALED (status))
    return g_strdup ("ended the process");
  int sig = WTERMSIG (status);
  const char *meaning = signal_meaning (sig);
  if (meaning != NULL)
    return g_strdup (meaning);
  const char *name = sigabbrev_np (sig);
  return g_strdup_printf ("was killed by signal %d (SIG%s)", sig, name != NULL ? name : "?");
}

/* Appends S to the line at *AT, within END. */
static void
put (char **at, char *end, const char *s)
{
  while (*s != '\0' && *at < end)
    *(*at)++ = *s++;
}

static void
on_fatal_signal (int sig)
{
  const char *plugin = running_plugin, *article = running_article;
  if (!worker_process && (plugin != NULL || article != NULL))
    {
      char line[512], *at = line, *end = line + sizeof line - 1;
      put (&at, end, "abridge: ");
      if (article != NULL)
        {
          put (&at, end, article);
          put (&at, end, ": ");
        }
      if (plugin != NULL)
        {
          put (&at, end, "plugin '");
          put (&at, end, plugin);
          put (&at, end, "' ");
        }
      else
        put (&at, end, "abridge ");
      const char *meaning = signal_meaning (sig);
      put (&at, end, meaning != NULL ? meaning : "was killed by a signal");
      *at++ = '\n';
      ssize_t ignored = write (STDERR_FILENO, line, (size_t) (at - line));
      (void) ignored;
    }
  /* SA_RESETHAND made the action the default again: dies by SIG, as it
   * would have without this handler (a fault re-faults on return). */
  raise (sig);
}

static void
on_exit_called (int status, void *data)
{
  (void) data;
  const char *plugin = running_plugin;
  if (plugin == NULL)
    return;
  if (!worker_process)
    {
      const char *article = running_article;
      char *line = g_strdup_printf ("abridge: %s%splugin '%s' called exit(%d)\n",
                                    article != NULL ? article : "", article != NULL ? ": " : "",
                                    plugin, status);
      ssize_t ignored = write (STDERR_FILENO, line, strlen (line));
      (void) ignored;
      g_free (line);
      /* Not the plugin's status: a run a plugin cut short did not succeed. */
      _exit (status != 0 ? status : 1);
    }
  _exit (status);
}

void
abridge_report_plugin_crashes (void)
{
  static gsize once;
  if (!g_once_init_enter (&once))
    return;
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_fatal_signal;
  sa.sa_flags = SA_RESETHAND | SA_NODEFER;
  sigemptyset (&sa.sa_mask);
  for (gsize i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    sigaction (fatal_signals[i].sig, &sa, NULL);
  on_exit (on_exit_called, NULL);
  g_once_init_leave (&once, 1);
}

void
abr_watch_worker_process (void)
{
  worker_process = 1;
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = SIG_DFL;
  for (gsize i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    sigaction (fatal_signals[i].sig, &sa, NULL);
  on_exit (on_exit_called, NULL);
}
