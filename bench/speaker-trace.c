/* Who abridge's attribution may choose among and what it chose, one
 * JSON line an article, for bench/speaker_reach.py --people and
 * bench/speaker_paths.py. Built on demand (make bench/speaker-trace); it
 * links the core in, so rebuild it after changing libabridge/.
 *
 * Usage: bench/speaker-trace INPUT...
 *   reads what `abridge` reads (JSON Lines records, files, web pages), as
 *   it reads them; writes to standard output {"id", "people": ["name",
 *   ...], "quotes": [{"start", "end", "speaker", "flags", "cue"}, ...]}:
 *   the people speakers are chosen among (none: no quotation), and every
 *   quotation with byte offsets into the article's text, its speaker
 *   (null: none) and its flags as abridge_document_quote_flags() gives
 *   them. */
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

static void
add_text (JsonBuilder *b, const char *name, const char *s, size_t len)
{
  json_builder_set_member_name (b, name);
  if (s == NULL)
    json_builder_add_null_value (b);
  else
    add_name (s, len, b);
}

static void
add_quotes (JsonBuilder *b, const abridge_document *doc)
{
  json_builder_set_member_name (b, "quotes");
  json_builder_begin_array (b);
  for (uint32_t q = 0; q < abridge_document_quote_count (doc); q++)
    {
      uint32_t start, end, first, last;
      size_t len = 0;
      abridge_document_quote_span (doc, q, &start, &end, &first, &last);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, start);
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, end);
      const char *s = abridge_document_quote_speaker (doc, q, &len);
      add_text (b, "speaker", s, len);
      json_builder_set_member_name (b, "flags");
      json_builder_add_int_value (b, abridge_document_quote_flags (doc, q));
      s = abridge_document_quote_cue (doc, q, &len);
      add_text (b, "cue", s, len);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
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
      fprintf (stderr, "speaker-trace: %s: %s\n", item->id,
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
  add_quotes (b, doc);
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
      fprintf (stderr, "usage: speaker-trace INPUT...\n");
      return 2;
    }
  abridge_reader_options reader = { .inputs = (const char *const *) argv + 1 };
  int status = 0;
  abridge_read (&reader, each_item, &status);
  return status;
}
