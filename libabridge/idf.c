/* Background statistics: the IDF table of data/idf-en.tsv, parsed once. */
#include "config.h"
#include "idf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"

typedef struct {
  GHashTable *df; /* stem -> df */
  guint documents;
} Table;

static Table *
load (void)
{
  Table *t = g_new0 (Table, 1);
  t->df = g_hash_table_new (g_str_hash, g_str_equal);
  for (const char *const *line = abridge_data_lines ("idf-en.tsv"); *line; line++)
    {
      const char *tab = strchr (*line, '\t');
      if (tab == NULL)
        continue;
      if (strncmp (*line, "documents\t", 10) == 0)
        {
          t->documents = (guint) strtoul (tab + 1, NULL, 10);
          continue;
        }
      g_hash_table_insert (t->df, g_strndup (*line, (gsize) (tab - *line)),
                           GUINT_TO_POINTER (strtoul (tab + 1, NULL, 10)));
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
  guint df = GPOINTER_TO_UINT (g_hash_table_lookup (t->df, stem));
  return log ((t->documents + 1.0) / (df + 1.0)) + 1.0;
}

guint
abridge_idf_documents (void)
{
  return table ()->documents;
}
