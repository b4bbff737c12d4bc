/* Background statistics: the IDF table of data/idf-en.tsv. The table is
 * read in place from the library's resource data (sorted by stem, as
 * data/build-idf.sh writes it) and searched by bisection, so that loading
 * it costs one pass over its bytes and no allocation per stem. */
#include "config.h"
#include "idf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"

typedef struct {
  const char *stem; /* into the resource data, not NUL-terminated */
  guint32 len;
  guint32 df;
} Entry;

typedef struct {
  Entry *entries;
  gsize n;
  guint documents;
} Table;

static int
compare (const char *a, gsize alen, const char *b, gsize blen)
{
  int c = memcmp (a, b, MIN (alen, blen));
  return c != 0 ? c : (alen > blen) - (alen < blen);
}

static Table *
load (void)
{
  gsize size;
  const char *data = abridge_data_get ("idf-en.tsv", &size);
  Table *t = g_new0 (Table, 1);
  gsize cap = size / 8 + 1;
  t->entries = g_new (Entry, cap);
  for (const char *line = data, *end = data + size; line < end;)
    {
      const char *nl = memchr (line, '\n', (gsize) (end - line));
      const char *stop = nl != NULL ? nl : end;
      const char *tab = memchr (line, '\t', (gsize) (stop - line));
      if (line[0] != '#' && tab != NULL)
        {
          guint32 value = (guint32) strtoul (tab + 1, NULL, 10);
          if ((gsize) (tab - line) == 9 && memcmp (line, "documents", 9) == 0)
            t->documents = value;
          else if (t->n < cap)
            {
              Entry *e = &t->entries[t->n];
              e->stem = line;
              e->len = (guint32) (tab - line);
              e->df = value;
              /* Bisection needs the order build-idf.sh promises: check it. */
              if (t->n > 0 && compare (t->entries[t->n - 1].stem, t->entries[t->n - 1].len,
                                       e->stem, e->len) >= 0)
                g_error ("idf-en.tsv: stems out of order at '%.*s'", (int) e->len, e->stem);
              t->n++;
            }
        }
      line = stop + 1;
    }
  if (t->documents == 0)
    g_error ("idf-en.tsv: no 'documents' line");
  return t;
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
abridge_idf (const char *stem)
{
  Table *t = table ();
  gsize len = strlen (stem), lo = 0, hi = t->n;
  guint df = 0;
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      int c = compare (t->entries[mid].stem, t->entries[mid].len, stem, len);
      if (c == 0)
        {
          df = t->entries[mid].df;
          break;
        }
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return log ((t->documents + 1.0) / (df + 1.0)) + 1.0;
}
