/* Eight bytes at a time (SWAR): the constants and the load the byte
 * scanners share. */
#ifndef ABRIDGE_SWAR_H
#define ABRIDGE_SWAR_H

#include <glib.h>
#include <string.h>

#define ABR_SWAR_ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define ABR_SWAR_HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The 8 bytes at P as a number whose lowest byte is P[0] on any machine:
 * code that asks which byte came first (a count of trailing zeros), or
 * hashes bytes read either way, must see the same number. */
static inline guint64
abr_swar_load (const char *p)
{
  guint64 x;
  memcpy (&x, p, sizeof x);
  return GUINT64_FROM_LE (x);
}

#endif
