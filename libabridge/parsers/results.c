/* The result lines of `abridge batch --report jsonl`, read with json-glib
 * for `batch --merge` (cli/merge.c), in the parsers module. The checks
 * and their messages stay in merge.c; this only turns a line into the
 * members the merge shows. */
#include "config.h"
#include "parsers/parsers.h"

#include <json-glib/json-glib.h>
#include <math.h>

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

static void
annotate (GPtrArray *annotations, const char *key, const char *value)
{
  if (value == NULL)
    return;
  g_ptr_array_add (annotations, g_strdup (key));
  g_ptr_array_add (annotations, g_strdup (value));
}

/* The brief a result line shows: its sentences, or its quotes (a brief
 * holds one kind or the other), and its keywords. */
static void
fill_brief (abridge_brief *brief, JsonObject *result)
{
  JsonArray *list = array_member (result, "sentences");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      JsonObject *s = json_node_get_object (node);
      JsonNode *score = json_object_get_member (s, "score");
      abridge_brief_item item = {
        .sentence = uint_member (s, "index"),
        .text = g_strdup (string_member (s, "text")),
        .score = score != NULL && !JSON_NODE_HOLDS_NULL (score) ? json_node_get_double (score) : NAN,
      };
      g_array_append_val (brief->items, item);
    }
  list = array_member (result, "quotes");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      JsonObject *q = json_node_get_object (node);
      abridge_brief_item item = {
        .extract = TRUE,
        .sentence = uint_member (q, "sentence_index"),
        .text = g_strdup (string_member (q, "text")),
        .score = NAN,
        .annotations = g_ptr_array_new_with_free_func (g_free),
      };
      annotate (item.annotations, "quote", string_member (q, "quote"));
      annotate (item.annotations, "speaker", string_member (q, "speaker"));
      annotate (item.annotations, "speaker_title", string_member (q, "speaker_title"));
      g_array_append_val (brief->items, item);
    }
  list = array_member (result, "keywords");
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
abridge_results_read_line (const char *line, gsize len, abridge_result_line *result, char **why)
{
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
