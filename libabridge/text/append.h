/* Appending to a GString on the hot paths. */
#ifndef ABRIDGE_APPEND_H
#define ABRIDGE_APPEND_H

#include <glib.h>
#include <string.h>

/* g_string_append_len() of bytes from outside OUT, inline while they fit:
 * GLib before 2.76 has no inline version, and its general insert (overlap
 * checks, a call) cost some 90 instructions an append, most of the copy
 * of a short run. */
static inline void
abr_string_append (GString *out, const char *bytes, gsize n)
{
  if (G_LIKELY (out->len + n < out->allocated_len))
    {
      memcpy (out->str + out->len, bytes, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, bytes, (gssize) n);
}

#endif
