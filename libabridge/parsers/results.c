/* The result lines of `abridge batch --report jsonl`, read with json-glib
 * for `batch --merge` (batch/merge.c), in the parsers module. The checks
 * and their messages stay in merge.c; this only turns a line into the
 * members the merge shows. */
#include "config.h"
#include "parsers/parsers.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

/* A string member, NULL when absent, null or of another type. */
static const char *
string_member (JsonObject *obj, const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);
  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING
             ? json_node_get_string (node)
             : NULL;
}

static guint
uint_member (JsonObject *obj, const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);
  gint64 v = node != NULL && json_node_get_value_type (node) == G_TYPE_INT64
                 ? json_node_get_int (node)
                 : 0;
  return v >= 0 && v <= G_MAXUINT32 ? (guint) v : 0;
}

static JsonArray *
array_member (JsonObject *obj, const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
is_core_key (const char *key)
{
  static const char *const core[] = { "index", "sentence_index", "text", "score", "start", "end" };
  for (gsize i = 0; i < G_N_ELEMENTS (core); i++)
    if (strcmp (key, core[i]) == 0)
      return TRUE;
  return FALSE;
}

/* An item of "sentences" or "extracts": its index, text and score, and
 * an extract's annotations, every other string member in order. */
static abridge_brief_item
read_item (JsonObject *o, gboolean extract)
{
  JsonNode *score = json_object_get_member (o, "score");
  abridge_brief_item item = {
    .extract = extract,
    .sentence = uint_member (o, extract ? "sentence_index" : "index"),
    .text = g_strdup (string_member (o, "text")),
    .score = score != NULL && !JSON_NODE_HOLDS_NULL (score) ? json_node_get_double (score) : NAN,
  };
  if (!extract)
    return item;
  item.annotations = g_ptr_array_new_with_free_func (g_free);
  JsonObjectIter it;
  const char *key;
  JsonNode *value;
  json_object_iter_init_ordered (&it, o);
  while (json_object_iter_next_ordered (&it, &key, &value))
    if (!is_core_key (key) && json_node_get_value_type (value) == G_TYPE_STRING)
      {
        g_ptr_array_add (item.annotations, g_strdup (key));
        g_ptr_array_add (item.annotations, g_strdup (json_node_get_string (value)));
      }
  return item;
}

/* The brief a result line shows: its sentences, its extracts, and its
 * keywords. */
static void
fill_brief (abridge_brief *brief, JsonObject *result)
{
  for (int extract = 0; extract < 2; extract++)
    {
      JsonArray *list = array_member (result, extract ? "extracts" : "sentences");
      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          JsonNode *node = json_array_get_element (list, i);
          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          abridge_brief_item item = read_item (json_node_get_object (node), extract);
          g_array_append_val (brief->items, item);
        }
    }
  JsonArray *list = array_member (result, "keywords");
  if (list != NULL)
    {
      GStrvBuilder *words = g_strv_builder_new ();
      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonNode *w = json_array_get_element (list, i);
          if (json_node_get_value_type (w) == G_TYPE_STRING)
            g_strv_builder_add (words, json_node_get_string (w));
        }
      brief->keywords = g_strv_builder_end (words);
      g_strv_builder_unref (words);
    }
}

gboolean
abr_results_read_line (const char *line, gsize len, abr_result_line *result, char **why)
{
  if (!abr_json_depth_ok (line, len, ABR_JSON_MAX_DEPTH))
    {
      *why = g_strdup_printf ("nested deeper than %u", ABR_JSON_MAX_DEPTH);
      return FALSE;
    }
  JsonParser *parser = json_parser_new ();
  GError *local = NULL;
  if (!json_parser_load_from_data (parser, line, (gssize) len, &local))
    {
      *why = g_strdup (local->message);
      g_error_free (local);
      g_object_unref (parser);
      return FALSE;
    }
  result->seq = -1;
  JsonNode *root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *obj = json_node_get_object (root);
      JsonNode *seq = json_object_get_member (obj, "seq");
      if (seq != NULL && json_node_get_value_type (seq) == G_TYPE_INT64
          && json_node_get_int (seq) >= 0)
        result->seq = json_node_get_int (seq);
      const char *names[] = { "id", "title", "source", "date", "url", "dateline", "error" };
      char **fields[] = { &result->id, &result->title, &result->source, &result->date,
                          &result->url, &result->dateline, &result->error };
      for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
        *fields[i] = g_strdup (string_member (obj, names[i]));
      if (result->brief != NULL)
        fill_brief (result->brief, obj);
    }
  g_object_unref (parser);
  return TRUE;
}
