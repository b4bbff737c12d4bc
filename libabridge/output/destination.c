/* Where a finished report goes, and how it is made permanent: a reader
 * never sees half a report under its name. */
#include "config.h"
#include "output/report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int
abr_destination_open (const char *path, char **tmp_path, GError **error)
{
  *tmp_path = NULL;
  if (strcmp (path, "-") == 0)
    {
      fflush (stdout); /* what stdio holds goes first */
      return STDOUT_FILENO;
    }
  char *display = g_filename_display_name (path);
  GStatBuf st;
  gboolean exists = g_stat (path, &st) == 0;
  int fd = -1;
  if (exists && S_ISDIR (st.st_mode))
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, "cannot write the report to %s: %s",
                 display, g_strerror (EISDIR));
  else if (exists && !S_ISREG (st.st_mode))
    {
      fd = g_open (path, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
      if (fd < 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "cannot open %s: %s", display, g_strerror (saved));
        }
    }
  else
    {
      char *dir = g_path_get_dirname (path);
      char *base = g_path_get_basename (path);
      char *name = g_strdup_printf (".%s.XXXXXX", base);
      *tmp_path = g_build_filename (dir, name, NULL);
      fd = g_mkstemp_full (*tmp_path, O_WRONLY | O_CLOEXEC, 0666);
      if (fd < 0)
        {
          int saved = errno;
          char *dir_display = g_filename_display_name (dir);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "cannot write the report %s: cannot create a file in %s: %s", display,
                       dir_display, g_strerror (saved));
          g_free (dir_display);
          g_clear_pointer (tmp_path, g_free);
        }
      g_free (name);
      g_free (base);
      g_free (dir);
    }
  g_free (display);
  return fd;
}

gboolean
abr_destination_commit (const char *path, int fd, const char *tmp_path, abr_sink *out,
                            GError **error)
{
  /* fsync before rename: after a crash the name holds all of the report
   * or the old file, never a truncated one. */
  if (out->error == NULL && tmp_path != NULL && fsync (fd) != 0)
    abr_sink_fail_errno (out, "write", errno);
  if (fd != STDOUT_FILENO && close (fd) != 0)
    abr_sink_fail_errno (out, "write", errno);
  if (out->error == NULL && tmp_path != NULL && g_rename (tmp_path, path) != 0)
    {
      int saved = errno;
      char *display = g_filename_display_name (path);
      g_set_error (&out->error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "cannot rename the finished report to %s: %s", display, g_strerror (saved));
      g_free (display);
    }
  if (out->error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&out->error));
  if (tmp_path != NULL)
    g_unlink (tmp_path);
  return FALSE;
}
