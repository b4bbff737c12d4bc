/* Keywords: the stems that most set an article apart from news at large. */
#include "config.h"

#include <string.h>

#include "text/document.h"
#include "text/scored.h"

char **
abridge_document_keywords (const abridge_document *doc, guint n)
{
  uint32_t n_stems = abridge_document_stem_count (doc);
  /* The first occurrence of each stem, for the form a reader knows. */
  const abridge_token **first = g_new0 (const abridge_token *, n_stems + 1);
  for (guint i = 0; i < doc->tokens->len; i++)
    {
      const abridge_token *t = &g_array_index (doc->tokens, abridge_token, i);
      if (first[t->stem] == NULL)
        first[t->stem] = t;
    }

  GArray *w = g_array_new (FALSE, FALSE, sizeof (abr_scored));
  for (uint32_t s = 0; s < n_stems; s++)
    {
      const abridge_token *t = first[s];
      uint32_t tf = abridge_document_stem_frequency (doc, s);
      if (t == NULL || tf == 0 || (t->flags & (ABRIDGE_TOKEN_STOP | ABRIDGE_TOKEN_NUMBER))
          || g_utf8_strlen (abridge_document_stem_text (doc, s), -1) < 3)
        continue;
      /* The document's own weights: the English table in English, 1
       * elsewhere, as the vocabulary and the plugins have them. */
      abr_scored x = { s, tf * abridge_document_background_idf (doc, s) };
      g_array_append_val (w, x);
    }
  g_array_sort (w, abr_scored_best_first);

  GStrvBuilder *out = g_strv_builder_new ();
  for (guint i = 0; i < w->len && i < n; i++)
    {
      const abridge_token *t = first[g_array_index (w, abr_scored, i).index];
      char *word = g_strndup (doc->data + t->start, t->len);
      /* Sentence-initial capitals are not names: "Tickets" -> "tickets". */
      if ((t->flags & ABRIDGE_TOKEN_CAPITALISED) && !(t->flags & ABRIDGE_TOKEN_NUMBER))
        {
          gboolean name = FALSE;
          for (guint k = 0; k < doc->tokens->len && !name; k++)
            {
              const abridge_token *o = &g_array_index (doc->tokens, abridge_token, k);
              name = o->stem == t->stem && o != t && (o->flags & ABRIDGE_TOKEN_CAPITALISED)
                     && o->start > 0 && doc->data[o->start - 1] == ' '
                     && o->start > 1 && strchr (".!?\"", doc->data[o->start - 2]) == NULL;
            }
          if (!name)
            {
              char *lower = g_utf8_strdown (word, -1);
              g_free (word);
              word = lower;
            }
        }
      g_strv_builder_add (out, word);
      g_free (word);
    }
  g_array_unref (w);
  g_free (first);
  GStrv result = g_strv_builder_end (out);
  g_strv_builder_unref (out);
  return result;
}
