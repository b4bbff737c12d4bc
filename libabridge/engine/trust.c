/* Whether a plugin file or directory may be trusted, as OpenSSH's
 * StrictModes decides for keys (safe_path() in misc.c): it and every
 * directory above it, up to the root, are owned by root or by the user
 * abridge runs as, and writable by nobody else. No exemption for sticky
 * directories: in /tmp another user can create the very name a plugin
 * directory is later made under, or a plugin can be swapped by whoever
 * owns a directory in the chain. */
#include "config.h"
#include "engine/trust.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* "uid 1001 (eve)". */
static char *
describe_owner (uid_t uid)
{
  struct passwd pw, *found = NULL;
  char buf[1024];
  if (getpwuid_r (uid, &pw, buf, sizeof buf, &found) == 0 && found != NULL)
    return g_strdup_printf ("uid %lu (%s)", (unsigned long) uid, found->pw_name);
  return g_strdup_printf ("uid %lu", (unsigned long) uid);
}

/* Why PATH, as stat() found it in ST, may not be trusted, or NULL. */
static char *
unsafe_reason (const char *path, const struct stat *st)
{
  uid_t me = geteuid ();
  if (st->st_uid != 0 && st->st_uid != me)
    {
      char *owner = describe_owner (st->st_uid);
      char *why = g_strdup_printf ("%s is owned by %s, not by root or by the user abridge runs as",
                                   path, owner);
      g_free (owner);
      return why;
    }
  if (st->st_mode & (S_IWGRP | S_IWOTH))
    return g_strdup_printf ("%s is writable by %s (mode %04o)", path,
                            (st->st_mode & S_IWOTH) ? "others" : "its group",
                            (unsigned) (st->st_mode & 07777));
  return NULL;
}

/* Checks every directory from DIR (resolved, absolute) up to the root. */
static char *
check_chain (const char *dir)
{
  char *at = g_strdup (dir);
  char *why = NULL;
  for (;;)
    {
      struct stat st;
      if (stat (at, &st) != 0)
        why = g_strdup_printf ("%s: %s", at, g_strerror (errno));
      else if (!S_ISDIR (st.st_mode))
        why = g_strdup_printf ("%s is not a directory", at);
      else
        why = unsafe_reason (at, &st);
      if (why != NULL || strcmp (at, "/") == 0)
        break;
      char *parent = g_path_get_dirname (at);
      g_free (at);
      at = parent;
    }
  g_free (at);
  return why;
}

char *
abr_trust_directory (const char *dir)
{
  char *resolved = realpath (dir, NULL);
  if (resolved == NULL)
    return g_strdup_printf ("%s: %s", dir, g_strerror (errno));
  char *why = check_chain (resolved);
  free (resolved);
  return why;
}

char *
abr_trust_file (const char *file, const char *checked_dir)
{
  char *resolved = realpath (file, NULL);
  if (resolved == NULL)
    return g_strdup_printf ("%s: %s", file, g_strerror (errno));
  struct stat st;
  char *why = NULL;
  if (stat (resolved, &st) != 0)
    why = g_strdup_printf ("%s: %s", resolved, g_strerror (errno));
  else if (!S_ISREG (st.st_mode))
    why = g_strdup_printf ("%s is not a regular file", resolved);
  else
    why = unsafe_reason (resolved, &st);
  if (why == NULL)
    {
      /* A symbolic link may lead out of the directory already checked. */
      char *dir = g_path_get_dirname (resolved);
      char *checked = checked_dir != NULL ? realpath (checked_dir, NULL) : NULL;
      if (checked == NULL || strcmp (dir, checked) != 0)
        why = check_chain (dir);
      free (checked);
      g_free (dir);
    }
  free (resolved);
  return why;
}
