/* Snowball stems of case-folded words (stem.h). */
#include "config.h"
#include "text/stem.h"

#include <libstemmer.h>

/* libstemmer's stemmers keep state: one per thread and language, freed
 * with the thread. */
typedef struct {
  struct sb_stemmer *stemmer[ABR_N_LANGUAGES];
} Stemmers;

static void
stemmers_free (gpointer data)
{
  Stemmers *s = data;
  for (guint i = 0; i < ABR_N_LANGUAGES; i++)
    if (s->stemmer[i] != NULL)
      sb_stemmer_delete (s->stemmer[i]);
  g_free (s);
}
static GPrivate thread_stemmer = G_PRIVATE_INIT (stemmers_free);

const char *
abr_stem_lang (const abr_language *lang, const char *folded, gsize len, gsize *stem_len)
{
  Stemmers *stemmers = g_private_get (&thread_stemmer);
  if (stemmers == NULL)
    {
      stemmers = g_new0 (Stemmers, 1);
      g_private_set (&thread_stemmer, stemmers);
    }
  struct sb_stemmer *stemmer = stemmers->stemmer[lang->index];
  if (stemmer == NULL)
    {
      stemmer = sb_stemmer_new (lang->stemmer, "UTF_8");
      if (stemmer == NULL)
        g_error ("libstemmer has no %s UTF-8 stemmer", lang->stemmer);
      stemmers->stemmer[lang->index] = stemmer;
    }
  const sb_symbol *stem = sb_stemmer_stem (stemmer, (const sb_symbol *) folded, (int) len);
  if (stem == NULL) /* out of memory inside libstemmer */
    {
      *stem_len = len;
      return folded;
    }
  *stem_len = (gsize) sb_stemmer_length (stemmer);
  return (const char *) stem;
}

const char *
abr_stem (const char *folded, gsize len, gsize *stem_len)
{
  return abr_stem_lang (abr_language_english (), folded, len, stem_len);
}
