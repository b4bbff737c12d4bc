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

/* The high bit of each byte of X that is C, exactly: no borrow reaches
 * the next byte, so a match marks no neighbour. */
static inline guint64
abr_swar_bytes_equal (guint64 x, guchar c)
{
  const guint64 low7 = ABR_SWAR_ONES * 0x7F;
  guint64 y = x ^ (ABR_SWAR_ONES * c);
  return ~(((y & low7) + low7) | y | low7);
}

/* The bits of the low N bytes of a number, N from 0 to 8: the bytes of a
 * load that belong to a string of N bytes. Two shifts of 4N bits each, so
 * that N = 8 needs no branch (one shift by 64 is undefined). */
static inline guint64
abr_swar_low_bytes (gsize n)
{
  return ((G_GUINT64_CONSTANT (1) << (4 * n)) << (4 * n)) - 1;
}

/* For X whose bytes are all below 0x80: the high bit of each byte of the
 * result is set when that byte lies in [LO, HI]. No sum carries into the
 * next byte. */
static inline guint64
abr_swar_bytes_in (guint64 x, guchar lo, guchar hi)
{
  guint64 at_least_lo = x + ABR_SWAR_ONES * (guchar) (0x80 - lo);
  guint64 above_hi = x + ABR_SWAR_ONES * (guchar) (0x7F - hi);
  return at_least_lo & ~above_hi & ABR_SWAR_HIGHS;
}

/* Whether A[0, LEN) and B[0, LEN) hold the same bytes, compared eight at
 * a time. Both must be readable up to LEN rounded up to a multiple of 8:
 * for the short words this is asked about, a call to memcmp() cost more
 * than the comparison. */
static inline gboolean
abr_swar_same (const char *a, const char *b, gsize len)
{
  gsize i = 0;
  for (; i + 8 <= len; i += 8)
    if (abr_swar_load (a + i) != abr_swar_load (b + i))
      return FALSE;
  if (i == len)
    return TRUE;
  return ((abr_swar_load (a + i) ^ abr_swar_load (b + i)) & abr_swar_low_bytes (len - i)) == 0;
}

#endif
