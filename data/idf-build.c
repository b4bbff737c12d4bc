/* Builds data/idf-en.tsv: in how many articles of a JSONL corpus each
 * stem occurs, as the core tokenizes them. Run by data/build-idf.sh. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <abridge/abridge.h>

#include "text/tokenize.h"

/* Stems seen in one article only carry no signal and would double the
 * table; IDF treats them as unseen. */
#define MIN_DF 2

static gint
by_stem (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      fprintf (stderr, "usage: idf-build CORPUS.jsonl > idf-en.tsv\n");
      return 2;
    }
  FILE *fp = fopen (argv[1], "r");
  if (fp == NULL)
    {
      perror (argv[1]);
      return 1;
    }
  GHashTable *df = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char *line = NULL;
  size_t cap = 0;
  guint documents = 0, duplicates = 0;
  while (getline (&line, &cap, fp) > 0)
    {
      abridge_record record;
      if (!abridge_record_parse (line, strlen (line), &record, NULL))
        continue;
      /* The BBC corpus repeats some bodies: count each text once. */
      if (!g_hash_table_add (bodies, g_strdup (record.text)))
        {
          duplicates++;
          abridge_record_clear (&record);
          continue;
        }
      abridge_document *doc = abridge_document_new (record.text, record.text_len, record.title, NULL);
      if (doc != NULL)
        {
          documents++;
          for (uint32_t s = 0; s < abridge_document_stem_count (doc); s++)
            if (abridge_document_stem_frequency (doc, s) > 0)
              {
                const char *stem = abridge_document_stem_text (doc, s);
                guint n = GPOINTER_TO_UINT (g_hash_table_lookup (df, stem));
                g_hash_table_replace (df, g_strdup (stem), GUINT_TO_POINTER (n + 1));
              }
          abridge_document_free (doc);
        }
      abridge_record_clear (&record);
    }
  free (line);
  fclose (fp);

  GPtrArray *stems = g_ptr_array_new ();
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, df);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_ptr_array_add (stems, key);
  g_ptr_array_sort (stems, by_stem);
  printf ("# Document frequencies of Snowball English stems (stop words included),\n"
          "# as libabridge tokenizes articles; stems in fewer than %d articles are\n"
          "# left out and count as unseen. Built by data/build-idf.sh from %s\n"
          "# (%u articles; %u duplicate bodies skipped).\n",
          MIN_DF, strrchr (argv[1], '/') != NULL ? strrchr (argv[1], '/') + 1 : argv[1],
          documents, duplicates);
  printf ("documents\t%u\n", documents);
  for (guint i = 0; i < stems->len; i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (df, stems->pdata[i]));
      if (n >= MIN_DF && strchr (stems->pdata[i], '\t') == NULL)
        printf ("%s\t%u\n", (const char *) stems->pdata[i], n);
    }
  g_ptr_array_unref (stems);
  g_hash_table_unref (df);
  g_hash_table_unref (bodies);
  return 0;
}
