/* Offsets in a decoded, cleaned text mapped back to the input's bytes:
 * a sorted list of the points where the two part ways, one binary search
 * a lookup. */
#include "config.h"
#include "source/offsets.h"

typedef struct {
  gsize out, in;
} Point;

struct abr_offsets {
  GArray *points; /* Point, OUT ascending (equal OUTs: IN ascending) */
  abr_offsets *then;
};

abr_offsets *
abr_offsets_new (abr_offsets *then)
{
  abr_offsets *map = g_new0 (abr_offsets, 1);
  map->points = g_array_new (FALSE, FALSE, sizeof (Point));
  map->then = then;
  return map;
}

void
abr_offsets_free (abr_offsets *map)
{
  while (map != NULL)
    {
      abr_offsets *then = map->then;
      g_array_unref (map->points);
      g_free (map);
      map = then;
    }
}

/* The shift (in - out) in force at the end of the map. */
static gssize
last_shift (const abr_offsets *map)
{
  if (map->points->len == 0)
    return 0;
  const Point *p = &g_array_index (map->points, Point, map->points->len - 1);
  return (gssize) p->in - (gssize) p->out;
}

static void
add (abr_offsets *map, gsize out, gsize in)
{
  Point p = { out, in };
  g_array_append_val (map->points, p);
}

void
abr_offsets_mark (abr_offsets *map, gsize out_at, gsize in_at)
{
  /* Most characters keep the shift: a point only where it changes. */
  if ((gssize) in_at - (gssize) out_at != last_shift (map))
    add (map, out_at, in_at);
}

void
abr_offsets_drop (abr_offsets *map, gsize out_at, gsize in_from, gsize in_to)
{
  if (in_to == in_from)
    return;
  /* Two points at OUT_AT: where an end stops and where a start begins. */
  add (map, out_at, in_from);
  add (map, out_at, in_to);
}

abr_offsets *
abr_offsets_prune (abr_offsets *map)
{
  if (map == NULL)
    return NULL;
  map->then = abr_offsets_prune (map->then);
  if (map->points->len > 0)
    return map;
  abr_offsets *then = map->then;
  map->then = NULL;
  abr_offsets_free (map);
  return then;
}

/* The index of the last point with OUT <= X (STRICT: < X), or -1. */
static gssize
last_at_or_before (const GArray *points, gsize x, gboolean strict)
{
  gssize lo = 0, hi = (gssize) points->len; /* answer in [lo - 1, hi) */
  while (lo < hi)
    {
      gssize mid = lo + (hi - lo) / 2;
      gsize out = g_array_index (points, Point, mid).out;
      if (strict ? out < x : out <= x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo - 1;
}

static gsize
shifted (const GArray *points, gssize i, gsize x)
{
  if (i < 0)
    return x;
  const Point *p = &g_array_index (points, Point, i);
  return p->in + (x - p->out);
}

gsize
abr_offsets_start (const abr_offsets *map, gsize out)
{
  for (; map != NULL; map = map->then)
    out = shifted (map->points, last_at_or_before (map->points, out, FALSE), out);
  return out;
}

gsize
abr_offsets_end (const abr_offsets *map, gsize out)
{
  for (; map != NULL; map = map->then)
    {
      /* The first point at OUT, if any: an end stops before what was
       * left out there, and after a character converted just before. */
      gssize i = last_at_or_before (map->points, out, TRUE);
      if (i + 1 < (gssize) map->points->len
          && g_array_index (map->points, Point, i + 1).out == out)
        i++;
      out = shifted (map->points, i, out);
    }
  return out;
}
