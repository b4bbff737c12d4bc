/* The people an article's quotation speakers are chosen among, one JSON
 * line an article, for bench/speaker_reach.py --people. Built on demand
 * (make bench/speaker-people).
 *
 * Usage: bench/speaker-people INPUT...
 *   reads what `abridge` reads (JSON Lines records, files, web pages), as
 *   it reads them; writes to standard output {"id", "people": ["name",
 *   ...]} (no people: no quotation). */
#include "config.h"

#include <abridge/batch.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "text/document.h"
#include "text/quotes/view.h"

static void
add_name (const char *name, size_t len, void *data)
{
  char *s = g_strndup (name, len);
  json_builder_add_string_value (data, s);
  g_free (s);
}

static gboolean
each_item (abridge_item *item, gpointer data)
{
  int *status = data;
  GError *error = NULL;
  abridge_document *doc = NULL;
  if (abridge_item_prepare (item))
    doc = abridge_document_new_lang (item->text, item->len, item->title, "auto", &error);
  if (doc == NULL)
    {
      fprintf (stderr, "speaker-people: %s: %s\n", item->id,
               item->error != NULL ? item->error : error->message);
      g_clear_error (&error);
      *status = 1;
      abridge_item_free (item);
      return TRUE;
    }
  JsonBuilder *b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, item->id);
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
  abridge_document_free (doc);
  abridge_item_free (item);
  return TRUE;
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      fprintf (stderr, "usage: speaker-people INPUT...\n");
      return 2;
    }
  abridge_reader_options reader = { .inputs = (const char *const *) argv + 1 };
  int status = 0;
  abridge_read (&reader, each_item, &status);
  return status;
}
