/* abridge batch --merge: the reduce step of a sharded run. Each shard's
 * `batch --shard I/K --report jsonl` output holds its articles in
 * ascending report order (seq); the shards are merged by seq, streaming,
 * and every result goes through the same report code as a single run, so
 * the merged report equals the single-machine one byte for byte. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "input.h"
#include "report.h"

typedef struct {
  const char *path;
  FILE *fp;
  GString *line;
  guint64 lineno;
  JsonParser *parser;
  JsonObject *result; /* the next result, or NULL at the end */
  gsize max_line;
  gint64 seq;
} Shard;

static gboolean
shard_fail (Shard *s, GError **error, const char *what)
{
  g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "%s:%" G_GUINT64_FORMAT ": %s", s->path,
               s->lineno, what);
  return FALSE;
}

/* Reads S's next result line; at the end of the file S->result is NULL. */
static gboolean
shard_next (Shard *s, GError **error)
{
  s->result = NULL;
  gboolean too_long;
  int got;
  while ((got = abridge_read_line (s->fp, s->line, s->max_line, &too_long)) > 0)
    {
      s->lineno++;
      if (too_long)
        return shard_fail (s, error, "a line longer than any result");
      gsize len = s->line->len;
      if (len == 0)
        continue;
      GError *local = NULL;
      if (!json_parser_load_from_data (s->parser, s->line->str, (gssize) len, &local))
        {
          char *what = g_strdup_printf ("not a result line (%s)", local->message);
          g_error_free (local);
          shard_fail (s, error, what);
          g_free (what);
          return FALSE;
        }
      JsonNode *root = json_parser_get_root (s->parser);
      JsonNode *seq = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
                          ? json_object_get_member (json_node_get_object (root), "seq")
                          : NULL;
      if (seq == NULL || json_node_get_value_type (seq) != G_TYPE_INT64
          || json_node_get_int (seq) < 0)
        return shard_fail (s, error, "not a result line of `abridge batch --report jsonl`");
      if (json_node_get_int (seq) <= s->seq)
        return shard_fail (s, error, "results out of order (was the file edited?)");
      s->seq = json_node_get_int (seq);
      s->result = json_node_get_object (root);
      return TRUE;
    }
  if (got < 0)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "%s: %s", s->path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

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
static abridge_brief *
brief_of (JsonObject *result)
{
  abridge_brief *brief = abridge_brief_new (0);
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
  return brief;
}

static gboolean
add_result (abridge_report *report, JsonObject *result, guint64 seq, guint64 *failures,
            GError **error)
{
  abridge_report_entry entry = {
    .seq = seq,
    .id = string_member (result, "id"),
    .title = string_member (result, "title"),
    .source = string_member (result, "source"),
    .date = string_member (result, "date"),
    .url = string_member (result, "url"),
    .dateline = string_member (result, "dateline"),
    .error = string_member (result, "error"),
  };
  if (entry.id == NULL)
    entry.id = "";
  abridge_brief *brief = entry.error == NULL ? brief_of (result) : NULL;
  entry.brief = brief;
  if (entry.error != NULL)
    (*failures)++;
  gboolean ok = abridge_report_add (report, &entry, error);
  abridge_brief_free (brief);
  return ok;
}

gboolean
cli_merge_results (char **paths, gsize max_bytes, abridge_report *report, guint64 *articles,
                   guint64 *failures, GError **error)
{
  guint n = g_strv_length (paths);
  Shard *shards = g_new0 (Shard, n);
  gboolean ok = TRUE;
  *articles = *failures = 0;
  for (guint i = 0; i < n && ok; i++)
    {
      Shard *s = &shards[i];
      s->path = paths[i];
      s->seq = -1;
      /* A result holds a brief, at most its article's text escaped: a
       * longer line is none (and /dev/zero must not exhaust memory). */
      s->max_line = 2 * max_bytes;
      s->line = g_string_new (NULL);
      s->parser = json_parser_new ();
      s->fp = fopen (s->path, "re");
      if (s->fp == NULL)
        {
          g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "%s: %s", s->path,
                       g_strerror (errno));
          ok = FALSE;
        }
      else
        ok = shard_next (s, error);
    }
  /* The next result is the smallest seq at the head of a shard; a whole
   * run numbers its articles 0, 1, 2 … so a gap is a missing shard. */
  for (guint64 want = 0; ok; want++)
    {
      Shard *next = NULL;
      for (guint i = 0; i < n; i++)
        if (shards[i].result != NULL && (next == NULL || shards[i].seq < next->seq))
          next = &shards[i];
      if (next == NULL)
        break;
      if ((guint64) next->seq != want)
        {
          g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT,
                       (guint64) next->seq > want
                           ? "%s:%" G_GUINT64_FORMAT ": article %" G_GUINT64_FORMAT
                             " is in no results file (a shard missing?)"
                           : "%s:%" G_GUINT64_FORMAT ": article %" G_GUINT64_FORMAT
                             " is in two results files",
                       next->path, next->lineno, (guint64) next->seq > want ? want : want - 1);
          ok = FALSE;
          break;
        }
      ok = add_result (report, next->result, want, failures, error) && shard_next (next, error);
      (*articles)++;
    }
  for (guint i = 0; i < n; i++)
    {
      if (shards[i].fp != NULL)
        fclose (shards[i].fp);
      if (shards[i].line != NULL)
        g_string_free (shards[i].line, TRUE);
      g_clear_object (&shards[i].parser);
    }
  g_free (shards);
  return ok;
}
