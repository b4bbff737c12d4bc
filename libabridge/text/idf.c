/* Background statistics: the IDF table of data/idf-en.tsv, searched in
 * place in the library's resource data (sorted by stem, as
 * data/build-idf.sh writes it) by bisection over its lines: no loading
 * pass, no allocation per stem. A process that looks up many stems
 * indexes the lines once (below). */
#include "config.h"
#include "text/idf.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/data.h"

/* Where each line starts and how long its stem is: bisection over the
 * text spent ~1,800 instructions a stem finding line starts, newlines and
 * tabs, against ~600 over this. */
typedef struct {
  guint n;
  uint32_t *start;    /* from Table.lines */
  uint16_t *stem_len; /* bytes before the tab */
} Index;

typedef struct {
  const char *lines, *end; /* the sorted "stem<TAB>df" lines */
  guint documents;
  gint lookups;  /* until INDEX_AFTER */
  Index *index;  /* NULL until one thread has built it */
} Table;

/* Building the index reads the whole table, some 500,000 instructions:
 * more than the lookups of a one-article run cost in place (~55 new
 * words for the sample article), repaid in a few hundred lookups. So
 * lookups bisect the text until this many, then one thread indexes. */
#define INDEX_AFTER 512

static int
compare (const char *a, gsize alen, const char *b, gsize blen)
{
  int c = memcmp (a, b, MIN (alen, blen));
  return c != 0 ? c : (alen > blen) - (alen < blen);
}

/* Only the header is read: a one-article run looks up a few hundred stems,
 * and indexing 12,000 lines first cost more than all its lookups.
 * tests/unit/test-tokenize.c checks the order bisection needs. */
static Table *
load (void)
{
  gsize size;
  const char *data = abr_data_get ("idf-en.tsv", &size);
  const char *end = data + size, *line = data;
  while (line < end && line[0] == '#')
    {
      const char *nl = memchr (line, '\n', (gsize) (end - line));
      line = nl != NULL ? nl + 1 : end;
    }
  if ((gsize) (end - line) < 10 || memcmp (line, "documents\t", 10) != 0)
    g_error ("idf-en.tsv: no 'documents' line after the comments");
  Table *t = g_new0 (Table, 1);
  t->documents = (guint) strtoul (line + 10, NULL, 10);
  const char *nl = memchr (line, '\n', (gsize) (end - line));
  t->lines = nl != NULL ? nl + 1 : end;
  t->end = end;
  if (t->documents == 0)
    g_error ("idf-en.tsv: no document count");
  return t;
}

static Index *
index_new (const Table *t)
{
  GArray *start = g_array_new (FALSE, FALSE, sizeof (uint32_t));
  GArray *stem_len = g_array_new (FALSE, FALSE, sizeof (uint16_t));
  for (const char *line = t->lines; line < t->end;)
    {
      const char *nl = memchr (line, '\n', (gsize) (t->end - line));
      if (nl == NULL)
        nl = t->end;
      const char *tab = memchr (line, '\t', (gsize) (nl - line));
      if (tab == NULL || tab - line > G_MAXUINT16)
        g_error ("idf-en.tsv: a line without a tab: '%.*s'", (int) (nl - line), line);
      uint32_t at = (uint32_t) (line - t->lines);
      uint16_t len = (uint16_t) (tab - line);
      g_array_append_val (start, at);
      g_array_append_val (stem_len, len);
      line = nl + 1;
    }
  Index *ix = g_new (Index, 1);
  ix->n = start->len;
  ix->start = (uint32_t *) (void *) g_array_free (start, FALSE);
  ix->stem_len = (uint16_t *) (void *) g_array_free (stem_len, FALSE);
  return ix;
}

/* The document frequency of STEM by the index. */
static guint
indexed_df (const Table *t, const Index *ix, const char *stem, gsize len)
{
  guint lo = 0, hi = ix->n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const char *line = t->lines + ix->start[mid];
      int c = compare (line, ix->stem_len[mid], stem, len);
      if (c == 0)
        return (guint) strtoul (line + ix->stem_len[mid] + 1, NULL, 10);
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return 0;
}

static Table *
table (void)
{
  static gsize once = 0;
  static Table *t;
  if (g_once_init_enter (&once))
    {
      t = load ();
      g_once_init_leave (&once, 1);
    }
  return t;
}

double
abr_idf (const char *stem)
{
  Table *t = table ();
  gsize len = strlen (stem);
  if (g_atomic_int_get (&t->lookups) < INDEX_AFTER
      && g_atomic_int_add (&t->lookups, 1) == INDEX_AFTER - 1)
    g_atomic_pointer_set (&t->index, index_new (t));
  const Index *ix = g_atomic_pointer_get (&t->index);
  if (ix != NULL)
    return log ((t->documents + 1.0) / (indexed_df (t, ix, stem, len) + 1.0)) + 1.0;
  guint df = 0;
  /* Bisection over the text: LO and HI are always line starts. */
  const char *lo = t->lines, *hi = t->end;
  while (lo < hi)
    {
      const char *mid = lo + (hi - lo) / 2;
      while (mid > lo && mid[-1] != '\n')
        mid--;
      const char *nl = memchr (mid, '\n', (gsize) (t->end - mid));
      if (nl == NULL)
        nl = t->end;
      const char *tab = memchr (mid, '\t', (gsize) (nl - mid));
      if (tab == NULL)
        g_error ("idf-en.tsv: a line without a tab: '%.*s'", (int) (nl - mid), mid);
      int c = compare (mid, (gsize) (tab - mid), stem, len);
      if (c == 0)
        {
          df = (guint) strtoul (tab + 1, NULL, 10);
          break;
        }
      if (c < 0)
        lo = nl + 1;
      else
        hi = mid;
    }
  return log ((t->documents + 1.0) / (df + 1.0)) + 1.0;
}
