/* The people an article's quotation speakers are chosen among, one JSON
 * line an article, for bench/speaker_reach.py --people. Built on demand
 * (make bench/speaker-people).
 *
 * Usage: bench/speaker-people ARTICLES.jsonl
 *   each line {"id", "text"[, "title"]}; writes to standard output
 *   {"id", "people": ["name", ...]} (no people: no quotation). */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "text/document.h"
#include "text/quotes/view.h"

static void
add_name (const char *name, size_t len, void *data)
{
  JsonBuilder *b = data;
  char *s = g_strndup (name, len);
  json_builder_add_string_value (b, s);
  g_free (s);
}

static void
print_people (const char *id, const abridge_document *doc)
{
  JsonBuilder *b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "people");
  json_builder_begin_array (b);
  abr_quote_people (doc, add_name, b);
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
      fprintf (stderr, "usage: speaker-people ARTICLES.jsonl\n");
      return 2;
    }
  char *all = NULL;
  gsize len = 0;
  GError *error = NULL;
  if (!g_file_get_contents (argv[1], &all, &len, &error))
    {
      fprintf (stderr, "speaker-people: %s\n", error->message);
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
      if (!json_parser_load_from_data (parser, *l, -1, &error)
          || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          fprintf (stderr, "speaker-people: %s: %s\n", argv[1],
                   error != NULL ? error->message : "a line is no JSON object");
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
          fprintf (stderr, "speaker-people: %s: %s\n", id, error->message);
          g_clear_error (&error);
          status = 1;
        }
      else
        {
          print_people (id, doc);
          abridge_document_free (doc);
        }
      g_object_unref (parser);
    }
  g_strfreev (lines);
  return status;
}
