/* Walking the inputs in an order that does not depend on the file system. */
#include "config.h"
#include "source/walk.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
walk_dir (const char *path, GPatternSpec *glob, AbridgeVisitFunc visit, gpointer data)
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

gboolean
abr_walk (const char *path, GPatternSpec *glob, AbridgeVisitFunc visit, gpointer data)
{
  GStatBuf st;
  gboolean is_stdin = strcmp (path, "-") == 0;
  gboolean found = is_stdin ? fstat (STDIN_FILENO, &st) == 0 : g_stat (path, &st) == 0;
  if (!is_stdin && found && S_ISDIR (st.st_mode))
    return walk_dir (path, glob, visit, data);
  return visit (data, path, found ? &st : NULL, NULL);
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
