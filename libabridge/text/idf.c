/* Background statistics: the IDF table of data/idf-en.tsv, searched in
 * place in the library's resource data (sorted by stem, as
 * data/build-idf.sh writes it) by bisection over its lines: no loading
 * pass, no allocation per stem. */
#include "config.h"
#include "text/idf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text/data.h"

typedef struct {
  const char *lines, *end; /* the sorted "stem<TAB>df" lines */
  guint documents;
} Table;

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
