/* Walking the inputs: files, directories and standard input. */
#ifndef ABRIDGE_SOURCE_WALK_H
#define ABRIDGE_SOURCE_WALK_H

#include <glib.h>
#include <glib/gstdio.h>

/* What a walk found: a file to read, with its status (NULL when it cannot
 * be had), or a directory that cannot be listed (ERROR). Returns FALSE to
 * stop the walk. */
typedef gboolean (*AbridgeVisitFunc) (gpointer data, const char *path, const GStatBuf *st,
                                      const GError *error);

/* Visits PATH ("-": standard input), or every file under it when it is a
 * directory: in name order, so that reports do not depend on the file
 * system; hidden entries, symbolic links to directories and children
 * that are neither files nor directories are skipped, as are files GLOB
 * (may be NULL) does not match. A file named as PATH is always visited. */
gboolean abr_walk (const char *path, GPatternSpec *glob, AbridgeVisitFunc visit,
                       gpointer data);

/* PATH with its symbolic links followed to the file they name, which need
 * not exist (to g_free): where writing to PATH writes. NULL with errno
 * set on a loop or an unreadable link. */
char *abr_follow_links (const char *path);

#endif
