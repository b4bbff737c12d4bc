/* Where a finished report goes, and how it is made permanent: a reader
 * never sees half a report under its name, the file it replaces keeps
 * its permissions and its links, and an interrupted run leaves no
 * temporary file behind. */
#include "config.h"
#include "output/report.h"
#include "source/walk.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- temporary files, for a signal handler -------------------------------------- */

/* The temporary files being written, in fixed slots that a signal handler
 * can read without taking a lock or allocating: FREE, CLAIMED while its
 * path is copied in, READY once the handler may unlink it. */
enum { SLOT_FREE, SLOT_CLAIMED, SLOT_READY };
#define TEMP_SLOTS 8
static char temp_paths[TEMP_SLOTS][PATH_MAX];
static volatile gint temp_state[TEMP_SLOTS];

/* Creates the temporary file of template TMPL (its XXXXXX replaced) in a
 * slot made ready before the file exists, so that no signal finds the
 * file without its name. Returns the descriptor, *SLOT (-1 when none was
 * free) and the name in *TMPL. */
static int
temp_create (char **tmpl, int *slot)
{
  gsize len = strlen (*tmpl);
  *slot = -1;
  for (int i = 0; i < TEMP_SLOTS && len < PATH_MAX; i++)
    if (g_atomic_int_compare_and_exchange (&temp_state[i], SLOT_FREE, SLOT_CLAIMED))
      {
        memcpy (temp_paths[i], *tmpl, len + 1);
        g_atomic_int_set (&temp_state[i], SLOT_READY);
        *slot = i;
        break;
      }
  if (*slot < 0)
    return g_mkstemp_full (*tmpl, O_WRONLY | O_CLOEXEC, 0666);
  /* Named in place: while mkstemp tries names, the handler may unlink one
   * that does not exist yet, which is harmless. */
  int fd = g_mkstemp_full (temp_paths[*slot], O_WRONLY | O_CLOEXEC, 0666);
  int saved = errno;
  memcpy (*tmpl, temp_paths[*slot], len + 1);
  if (fd < 0)
    {
      g_atomic_int_set (&temp_state[*slot], SLOT_FREE);
      *slot = -1;
    }
  errno = saved;
  return fd;
}

static void
temp_release (int slot)
{
  if (slot >= 0)
    g_atomic_int_set (&temp_state[slot], SLOT_FREE);
}

void
abridge_remove_temporary_files (void)
{
  /* Async-signal-safe: atomic reads and unlink(). */
  for (int i = 0; i < TEMP_SLOTS; i++)
    if (g_atomic_int_get (&temp_state[i]) == SLOT_READY)
      unlink (temp_paths[i]);
}

/* ---- opening ------------------------------------------------------------------ */

/* ".BASE.XXXXXX" in DIR, BASE cut (on a character boundary when it is
 * UTF-8) so that the name fits where BASE itself fits. */
static char *
temp_template (const char *dir, const char *base)
{
  long name_max = pathconf (dir, _PC_NAME_MAX);
  if (name_max <= 0)
    name_max = 255;
  gsize room = name_max > 8 ? (gsize) name_max - 8 : 1;
  gsize len = strlen (base);
  if (len > room)
    {
      len = room;
      while (len > 1 && ((guchar) base[len] & 0xC0) == 0x80)
        len--;
    }
  char *name = g_strdup_printf (".%.*s.XXXXXX", (int) len, base);
  char *tmpl = g_build_filename (dir, name, NULL);
  g_free (name);
  return tmpl;
}

/* Gives the temporary file FD what the file it replaces (ST) has: its
 * group, when this user may, and its mode, never more than that: group
 * permissions go when the group could not be kept, since they would be
 * another group's. */
static void
keep_permissions (int fd, const GStatBuf *st)
{
  mode_t mode = st->st_mode & 0777;
  struct stat now;
  if (fchown (fd, (uid_t) -1, st->st_gid) != 0 && (fstat (fd, &now) != 0 || now.st_gid != st->st_gid))
    mode &= ~(mode_t) 070;
  if (fchmod (fd, mode) != 0)
    (void) fchmod (fd, 0600);
}

static int
open_in_place (const char *path, const char *display, GError **error)
{
  int fd = g_open (path, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "cannot open %s: %s",
                   display, g_strerror (saved));
    }
  return fd;
}

/* A temporary file beside TARGET (EXISTS: described by ST) for DEST. */
static void
open_temporary (abr_destination *dest, const char *target, gboolean exists, const GStatBuf *st,
                const char *display, GError **error)
{
  char *dir = g_path_get_dirname (target);
  char *base = g_path_get_basename (target);
  dest->tmp_path = temp_template (dir, base);
  dest->fd = temp_create (&dest->tmp_path, &dest->slot);
  if (dest->fd < 0)
    {
      int saved = errno;
      char *dir_display = g_filename_display_name (dir);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "cannot write the report %s: cannot create a file in %s: %s", display,
                   dir_display, g_strerror (saved));
      g_free (dir_display);
      g_clear_pointer (&dest->tmp_path, g_free);
    }
  else if (exists)
    keep_permissions (dest->fd, st);
  g_free (base);
  g_free (dir);
}

gboolean
abr_destination_open (abr_destination *dest, const char *path, GError **error)
{
  *dest = (abr_destination) { .fd = -1, .slot = -1 };
  if (strcmp (path, "-") == 0)
    {
      fflush (stdout); /* what stdio holds goes first */
      dest->fd = STDOUT_FILENO;
      return TRUE;
    }
  char *display = g_filename_display_name (path);
  GStatBuf st;
  /* A device or a FIFO, however named (/dev/stdout is a link into /proc
   * whose target is no path when it is a pipe), is written in place. */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
    {
      dest->fd = open_in_place (path, display, error);
      g_free (display);
      return dest->fd >= 0;
    }
  /* A link is followed, as sort -o and a shell's > do: the file it names
   * is replaced, the link stays. */
  char *target = *path != '\0' ? abr_follow_links (path) : (errno = ENOENT, NULL);
  gboolean exists = target != NULL && g_stat (target, &st) == 0;
  if (target == NULL)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "cannot write the report to '%s': %s", display, g_strerror (saved));
    }
  else if (exists && S_ISDIR (st.st_mode))
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, "cannot write the report to %s: %s",
                 display, g_strerror (EISDIR));
  else if (exists && (!S_ISREG (st.st_mode) || st.st_nlink > 1))
    /* A file with other names, which a rename would part from this one:
     * written in place, as sort -o writes. */
    dest->fd = open_in_place (target, display, error);
  else
    open_temporary (dest, target, exists, &st, display, error);
  if (dest->fd >= 0)
    dest->final_path = g_steal_pointer (&target);
  g_free (target);
  g_free (display);
  return dest->fd >= 0;
}

gboolean
abr_destination_commit (abr_destination *dest, abr_sink *out, GError **error)
{
  /* fsync before rename: after a crash the name holds all of the report
   * or the old file, never a truncated one. */
  if (out->error == NULL && dest->tmp_path != NULL && fsync (dest->fd) != 0)
    abr_sink_fail_errno (out, "write", errno);
  if (dest->fd != STDOUT_FILENO && close (dest->fd) != 0)
    abr_sink_fail_errno (out, "write", errno);
  dest->fd = -1;
  if (out->error == NULL && dest->tmp_path != NULL
      && g_rename (dest->tmp_path, dest->final_path) != 0)
    {
      int saved = errno;
      char *display = g_filename_display_name (dest->final_path);
      g_set_error (&out->error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "cannot rename the finished report to %s: %s", display, g_strerror (saved));
      g_free (display);
    }
  if (out->error != NULL && dest->tmp_path != NULL)
    g_unlink (dest->tmp_path);
  temp_release (dest->slot);
  g_free (dest->tmp_path);
  g_free (dest->final_path);
  *dest = (abr_destination) { .fd = -1, .slot = -1 };
  if (out->error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&out->error));
  return FALSE;
}

void
abr_destination_discard (abr_destination *dest)
{
  if (dest->fd >= 0 && dest->fd != STDOUT_FILENO)
    close (dest->fd);
  if (dest->tmp_path != NULL)
    g_unlink (dest->tmp_path);
  temp_release (dest->slot);
  g_free (dest->tmp_path);
  g_free (dest->final_path);
  *dest = (abr_destination) { .fd = -1, .slot = -1 };
}
