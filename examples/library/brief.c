/* brief: the brief of one article, through libabridge.
 *
 *   cc brief.c $(pkg-config --cflags --libs abridge) -o brief
 *   ./brief article.txt [SENTENCES]
 *
 * Prints the brief one sentence a line, as `abridge -n SENTENCES FILE`
 * does; with BRIEF_VERBOSE set, each line also shows the sentence's number,
 * its score and its byte span in the text. Every failure is one line on
 * stderr, "brief: FILE: what is wrong", and exit status 1 (2 for usage).
 * docs/LIBRARY.md walks through it. */
#include <abridge/abridge.h>

#include <stdio.h>
#include <stdlib.h>

static int
fail (const char *file, GError *error)
{
  fprintf (stderr, "brief: %s: %s\n", file, error->message);
  g_error_free (error);
  return 1;
}

int
main (int argc, char **argv)
{
  if (argc < 2 || argc > 3)
    {
      fprintf (stderr, "usage: brief FILE [SENTENCES]\n");
      return 2;
    }
  const char *file = argv[1];
  char *end = NULL;
  unsigned long n = argc == 3 ? strtoul (argv[2], &end, 10) : 3;
  if (argc == 3 && (*argv[2] == '\0' || *end != '\0' || n == 0 || n > 1000))
    {
      fprintf (stderr, "brief: SENTENCES must be a number from 1 to 1000, not '%s'\n", argv[2]);
      return 2;
    }
  GError *error = NULL;

  /* 1. The article as text: read as bytes, then decoded as the abridge
   * command decodes files (UTF-8 or UTF-16 with a byte order mark, else
   * Windows-1252) and cleaned (CRLF, no-break spaces, NFC). */
  gsize raw_len = 0, len = 0;
  char *raw = abridge_input_read_bytes (file, ABRIDGE_DEFAULT_MAX_BYTES, &raw_len, &error);
  if (raw == NULL)
    return fail (file, error);
  char *warning = NULL;
  char *text = abridge_input_decode (raw, raw_len, 0, &len, &warning, &error);
  g_free (raw);
  if (text == NULL)
    return fail (file, error);
  if (warning != NULL)
    fprintf (stderr, "brief: %s: warning: %s\n", file, warning);
  g_free (warning);

  /* 2. The document: sentences, tokens, title and dateline; the language
   * guessed from the text ("auto"), as the command does by default. */
  abridge_document *doc = abridge_document_new_lang (text, len, NULL, "auto", &error);
  g_free (text);
  if (doc == NULL)
    return fail (file, error);

  /* 3. The plugins (the installed plugin directory, or ABRIDGE_PLUGIN_PATH)
   * and an engine running the default summarizer. One registry serves a
   * whole program; an engine is used by one thread at a time. */
  abridge_registry *registry = abridge_registry_new (NULL, &error);
  abridge_engine *engine = NULL;
  if (registry != NULL)
    engine = abridge_engine_new (registry, ABRIDGE_DEFAULT_PLUGINS, NULL, &error);
  abridge_brief *brief = NULL;
  if (engine != NULL)
    {
      abridge_budget budget = { .kind = ABRIDGE_BUDGET_SENTENCES, .n = (guint) n };
      brief = abridge_engine_summarize (engine, doc, &budget, ABRIDGE_ORDER_ARTICLE, &error);
    }

  /* 4. The brief: its items, in article order. */
  int status = 0;
  if (brief != NULL)
    {
      gboolean verbose = g_getenv ("BRIEF_VERBOSE") != NULL;
      for (guint i = 0; i < brief->items->len; i++)
        {
          const abridge_brief_item *item = &g_array_index (brief->items, abridge_brief_item, i);
          if (verbose)
            printf ("%u\t%.4f\t%u-%u\t", (unsigned) item->sentence + 1, item->score,
                    (unsigned) item->start, (unsigned) item->end);
          printf ("%s\n", item->text);
        }
    }
  else
    status = fail (file, error);

  /* 5. Everything freed, in the reverse order: the engine before the
   * registry it was made from. */
  abridge_brief_free (brief);
  abridge_engine_free (engine);
  abridge_registry_free (registry);
  abridge_document_free (doc);
  return status;
}
