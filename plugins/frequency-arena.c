/* Scratch memory for one rank() call, taken piece by piece and given back
 * at once. The instance keeps it between calls (rank() never runs twice
 * at once on one instance), so once an article has sized it the next
 * ones allocate nothing, where each made a dozen arrays, most too big for
 * the allocator's per-thread cache and so paid for in its bins. */
#include "frequency.h"

#include <stdlib.h>
#include <string.h>

#define ALIGN 16
/* A block this much bigger than the last call needed is given back. */
#define SHRINK_FACTOR 4
#define SHRINK_ABOVE (1u << 20)

/* A piece the block had no room for: allocated on its own, freed at the
 * next reset, counted so that the block grows to hold it next time. */
typedef struct Spill {
  struct Spill *next;
  max_align_t payload[];
} Spill;

static size_t
round_up (size_t n)
{
  return (n + ALIGN - 1) & ~(size_t) (ALIGN - 1);
}

static void
free_spills (FrequencyArena *a)
{
  while (a->spills != NULL)
    {
      Spill *next = ((Spill *) a->spills)->next;
      free (a->spills);
      a->spills = next;
    }
}

void
frequency_arena_reset (FrequencyArena *a)
{
  size_t needed = a->used + a->spilled;
  free_spills (a);
  if (needed > a->cap
      || (a->cap > SHRINK_ABOVE && needed < a->cap / SHRINK_FACTOR))
    {
      free (a->block);
      a->cap = needed + needed / 4;
      a->block = malloc (a->cap);
      if (a->block == NULL)
        a->cap = 0;
    }
  a->used = 0;
  a->spilled = 0;
}

void *
frequency_arena_take (FrequencyArena *a, size_t n, size_t size, int zero)
{
  if (size != 0 && n > (SIZE_MAX - ALIGN) / size)
    return NULL;
  size_t bytes = round_up (n * size);
  void *p;
  if (bytes <= a->cap - a->used)
    {
      p = a->block + a->used;
      a->used += bytes;
    }
  else
    {
      if (bytes > SIZE_MAX - sizeof (Spill))
        return NULL;
      Spill *s = malloc (sizeof (Spill) + bytes);
      if (s == NULL)
        return NULL;
      s->next = a->spills;
      a->spills = s;
      a->spilled += bytes;
      p = s->payload;
    }
  if (zero)
    memset (p, 0, bytes);
  return p;
}

void
frequency_arena_free (FrequencyArena *a)
{
  /* Not through a reset, which would size a new block for the last call. */
  free_spills (a);
  free (a->block);
  *a = (FrequencyArena) { 0 };
}
