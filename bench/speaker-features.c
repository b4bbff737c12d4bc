/* What the speaker model learns from: for each quotation the rules leave
 * without a speaker, its candidates and their features, one JSON line,
 * for bench/train_speakers.py. Built on demand (make bench/speaker-features).
 *
 * Usage: bench/speaker-features ARTICLES.jsonl
 *   each line {"id", "text"[, "title"]}; writes to standard output
 *   {"id", "start", "end", "nobody": [...], "candidates": [{"name", "f"}]}. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "text/document.h"
#include "text/quotes/view.h"

static void
add_floats (JsonBuilder *b, const float *f, unsigned n)
{
  json_builder_begin_array (b);
  for (unsigned i = 0; i < n; i++)
    json_builder_add_double_value (b, f[i]);
  json_builder_end_array (b);
}

static void
trace (abr_qdoc *d, const abr_qunit *u, uint32_t words, int32_t previous_speaker, void *data)
{
  const char *id = data;
  abr_qcand cands[ABR_Q_MAX_CANDIDATES];
  float nobody[ABR_Q_NOBODY_FEATURES];
  uint32_t n = abr_q_candidates (d, u, previous_speaker, cands);
  abr_q_nobody_features (d, u, words, nobody);
  JsonBuilder *b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "start");
  json_builder_add_int_value (b, u->start);
  json_builder_set_member_name (b, "end");
  json_builder_add_int_value (b, u->end);
  json_builder_set_member_name (b, "rules_kind");
  json_builder_add_int_value (b, u->attr.kind);
  json_builder_set_member_name (b, "rules_source");
  json_builder_add_int_value (b, u->from_previous ? ABR_QSRC_CONTEXT : u->attr.source);
  json_builder_set_member_name (b, "nobody");
  add_floats (b, nobody, ABR_Q_NOBODY_FEATURES);
  json_builder_set_member_name (b, "candidates");
  json_builder_begin_array (b);
  for (uint32_t i = 0; i < n; i++)
    {
      const abr_qperson *p = abr_q_person (d, cands[i].person);
      char *name = g_strndup (d->text + p->name_start, p->name_end - p->name_start);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, name);
      json_builder_set_member_name (b, "f");
      add_floats (b, cands[i].f, ABR_Q_FEATURES);
      json_builder_end_object (b);
      g_free (name);
    }
  json_builder_end_array (b);
  /* everyone the article names, for how far the candidates reach */
  json_builder_set_member_name (b, "people");
  json_builder_begin_array (b);
  for (guint i = 0; i < d->people->len; i++)
    {
      const abr_qperson *p = abr_q_person (d, (int32_t) i);
      char *name = g_strndup (d->text + p->name_start, p->name_end - p->name_start);
      json_builder_add_string_value (b, name);
      g_free (name);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  JsonNode *root = json_builder_get_root (b);
  char *line = json_to_string (root, FALSE);
  puts (line);
  g_free (line);
  json_node_unref (root);
  g_object_unref (b);
}

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      fprintf (stderr, "usage: speaker-features ARTICLES.jsonl\n");
      return 2;
    }
  char *all = NULL;
  gsize len = 0;
  GError *error = NULL;
  if (!g_file_get_contents (argv[1], &all, &len, &error))
    {
      fprintf (stderr, "speaker-features: %s\n", error->message);
      return 1;
    }
  char **lines = g_strsplit (all, "\n", -1);
  g_free (all);
  int status = 0;
  for (char **l = lines; *l != NULL; l++)
    {
      if (**l == '\0')
        continue;
      JsonParser *parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, *l, -1, &error))
        {
          fprintf (stderr, "speaker-features: %s: %s\n", argv[1], error->message);
          g_clear_error (&error);
          g_object_unref (parser);
          status = 1;
          continue;
        }
      JsonObject *o = json_node_get_object (json_parser_get_root (parser));
      const char *id = json_object_get_string_member_with_default (o, "id", "");
      const char *text = json_object_get_string_member_with_default (o, "text", "");
      const char *title = json_object_get_string_member_with_default (o, "title", NULL);
      abridge_document *doc = abridge_document_new (text, strlen (text), title, &error);
      if (doc == NULL)
        {
          fprintf (stderr, "speaker-features: %s: %s\n", id, error->message);
          g_clear_error (&error);
          status = 1;
        }
      else
        {
          abr_quote_guesses_trace (doc, trace, (void *) id);
          abridge_document_free (doc);
        }
      g_object_unref (parser);
    }
  g_strfreev (lines);
  return status;
}
