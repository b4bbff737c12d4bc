/* Walking the inputs in an order that does not depend on the file system. */
#include "config.h"
#include "source/walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
visit_errno (AbridgeVisitFunc visit, gpointer data, const char *path, int saved)
{
  GError *error = g_error_new (G_FILE_ERROR, g_file_error_from_errno (saved), "%s",
                               g_strerror (saved));
  gboolean ok = visit (data, path, NULL, error, NULL);
  g_error_free (error);
  return ok;
}

/* Walks the directory open as FD (owned: closed here), named PATH.
 * Everything in it is looked at through FD, never by its path again, and
 * with no link followed: a link planted in the tree, or a directory
 * swapped for one while it is walked, leads nowhere. */
static gboolean
walk_dir (int fd, const char *path, GPatternSpec *glob, AbridgeVisitFunc visit, gpointer data)
{
  DIR *dir = fdopendir (fd);
  if (dir == NULL)
    {
      int saved = errno;
      close (fd);
      return visit_errno (visit, data, path, saved);
    }
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const struct dirent *entry;
  while ((entry = readdir (dir)) != NULL)
    if (entry->d_name[0] != '.')
      g_ptr_array_add (names, g_strdup (entry->d_name));
  g_ptr_array_sort (names, compare_names);
  gboolean ok = TRUE;
  for (guint i = 0; i < names->len && ok; i++)
    {
      const char *name = names->pdata[i];
      char *child = g_build_filename (path, name, NULL);
      struct stat st;
      if (fstatat (dirfd (dir), name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        ; /* gone since it was listed */
      else if (S_ISDIR (st.st_mode))
        {
          int sub = openat (dirfd (dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
          ok = sub >= 0 ? walk_dir (sub, child, glob, visit, data)
                        : visit_errno (visit, data, child, errno);
        }
      else if (S_ISREG (st.st_mode) && (glob == NULL || g_pattern_spec_match_string (glob, name)))
        {
          abr_walk_file file = { dirfd (dir), name };
          ok = visit (data, child, &st, NULL, &file);
        }
      g_free (child);
    }
  g_ptr_array_unref (names);
  closedir (dir);
  return ok;
}

gboolean
abr_walk (const char *path, GPatternSpec *glob, AbridgeVisitFunc visit, gpointer data)
{
  GStatBuf st;
  gboolean is_stdin = strcmp (path, "-") == 0;
  gboolean found = is_stdin ? fstat (STDIN_FILENO, &st) == 0 : g_stat (path, &st) == 0;
  if (!is_stdin && found && S_ISDIR (st.st_mode))
    {
      /* A directory named on the command line is followed if a link. */
      int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      return fd >= 0 ? walk_dir (fd, path, glob, visit, data) : visit_errno (visit, data, path, errno);
    }
  return visit (data, path, found ? &st : NULL, NULL, NULL);
}

int
abr_walk_open (const char *path, const abr_walk_file *file)
{
  if (file == NULL)
    return open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  /* Not blocking: a file swapped for a FIFO since it was listed must not
   * hang the run; it is refused below. */
  int fd = openat (file->dir_fd, file->name, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0)
    return -1;
  struct stat st;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      errno = EINVAL;
      return -1;
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

/* As many links as Linux follows in one path. */
#define MAX_LINKS 40

char *
abr_follow_links (const char *path)
{
  char *cur = g_strdup (path);
  for (int hops = 0;; hops++)
    {
      GStatBuf st;
      if (g_lstat (cur, &st) != 0 || !S_ISLNK (st.st_mode))
        return cur;
      char *target = hops < MAX_LINKS ? g_file_read_link (cur, NULL) : NULL;
      if (target == NULL)
        {
          g_free (cur);
          errno = hops < MAX_LINKS ? EIO : ELOOP;
          return NULL;
        }
      if (!g_path_is_absolute (target))
        {
          char *dir = g_path_get_dirname (cur);
          char *joined = g_build_filename (dir, target, NULL);
          g_free (dir);
          g_free (target);
          target = joined;
        }
      g_free (cur);
      cur = target;
    }
}
