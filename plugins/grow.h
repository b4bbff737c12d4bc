/* A growable array for the shipped plugins that keep work space across
 * articles (centrality, lsa): a plugin links nothing but libc and the
 * host table, so GLib's GArray is not at hand. */
#ifndef ABRIDGE_PLUGINS_GROW_H
#define ABRIDGE_PLUGINS_GROW_H

#include <stdlib.h>
#include <string.h>

/* Grows *P to hold at least WANT elements of SIZE bytes, keeping its
 * contents and zeroing the new part when ZERO. Returns 0 when out of
 * memory (*P is then unchanged). */
static inline int
grow (void **p, size_t *cap, size_t want, size_t size, int zero)
{
  if (want <= *cap)
    return 1;
  size_t n = *cap < 64 ? 64 : *cap;
  while (n < want)
    n *= 2;
  void *q = realloc (*p, n * size);
  if (q == NULL)
    return 0;
  if (zero)
    memset ((char *) q + *cap * size, 0, (n - *cap) * size);
  *p = q;
  *cap = n;
  return 1;
}

#endif
