/* Which plugin files and directories abridge trusts enough to run. */
#ifndef ABRIDGE_TRUST_H
#define ABRIDGE_TRUST_H

#include <glib.h>

/* NULL when DIR (absolute) and every directory above it are owned by root
 * or the effective user and writable by no one else; otherwise why not,
 * naming the first directory that fails (to g_free). */
char *abr_trust_directory (const char *dir);

/* The same for a plugin FILE: a regular file owned by root or the
 * effective user, writable by no one else. Its directory chain is checked
 * too unless the resolved file lies in CHECKED_DIR (a directory already
 * checked; may be NULL). */
char *abr_trust_file (const char *file, const char *checked_dir);

#endif
