/* Walking the inputs: files, directories and standard input. */
#ifndef ABRIDGE_SOURCE_WALK_H
#define ABRIDGE_SOURCE_WALK_H

#include <glib.h>
#include <glib/gstdio.h>

/* A file found in a directory: its name in the directory open as DIR_FD,
 * to be opened with abr_walk_open() during the visit. */
typedef struct {
  int dir_fd;
  const char *name;
} abr_walk_file;

/* What a walk found: a file to read, with its status (NULL when it cannot
 * be had), or a directory that cannot be listed (ERROR). FILE is set for
 * a file found in a directory, NULL for one named as PATH. Returns FALSE
 * to stop the walk. */
typedef gboolean (*AbridgeVisitFunc) (gpointer data, const char *path, const GStatBuf *st,
                                      const GError *error, const abr_walk_file *file);

/* Visits PATH ("-": standard input), or every file under it when it is a
 * directory: in name order, so that reports do not depend on the file
 * system. Hidden entries, symbolic links (to files or directories, as
 * find and grep -r do by default) and children that are neither files nor
 * directories are skipped, as are files GLOB (may be NULL) does not
 * match. PATH itself is followed when a link, and always visited when not
 * a directory. */
gboolean abr_walk (const char *path, GPatternSpec *glob, AbridgeVisitFunc visit,
                       gpointer data);

/* Opens what a visit was given for reading: PATH, or FILE (not NULL)
 * through its directory, refusing a link or anything but a regular file
 * (ELOOP, EINVAL) in case the entry was swapped since it was listed.
 * Returns the descriptor, or -1 with errno set. */
int abr_walk_open (const char *path, const abr_walk_file *file);

/* PATH with its symbolic links followed to the file they name, which need
 * not exist (to g_free): where writing to PATH writes. NULL with errno
 * set on a loop or an unreadable link. */
char *abr_follow_links (const char *path);

#endif
