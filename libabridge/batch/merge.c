/* abridge batch --merge: the reduce step of a sharded run. Each shard's
 * `batch --shard I/K --report jsonl` output holds its articles in
 * ascending report order (seq); the shards are merged by seq, streaming,
 * and every result goes through the same report code as a single run, so
 * the merged report equals the single-machine one byte for byte. The
 * lines are read by the parsers module (json-glib), loaded only here. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <abridge/batch.h>

#include "source/input.h"
#include "parsers/parsers.h"

typedef struct {
  const char *path;
  FILE *fp;
  GString *line;
  guint64 lineno;
  const abr_parser_table *parsers;
  gboolean have;             /* RESULT holds the next result (FALSE: at the end) */
  abr_result_line result;
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

static void
result_clear (abr_result_line *r)
{
  char **fields[] = { &r->id, &r->title, &r->source, &r->date, &r->url, &r->dateline, &r->error };
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    g_free (*fields[i]);
  abridge_brief_free (r->brief);
  memset (r, 0, sizeof *r);
}

/* Reads S's next result line; at the end of the file S->have is FALSE. */
static gboolean
shard_next (Shard *s, GError **error)
{
  s->have = FALSE;
  result_clear (&s->result);
  gboolean too_long;
  int got;
  while ((got = abr_read_line (s->fp, s->line, s->max_line, &too_long)) > 0)
    {
      s->lineno++;
      if (too_long)
        return shard_fail (s, error, "a line longer than any result");
      gsize len = s->line->len;
      if (len == 0)
        continue;
      char *why = NULL;
      s->result.brief = abridge_brief_new (0);
      if (!s->parsers->read_result (s->line->str, len, &s->result, &why))
        {
          char *what = g_strdup_printf ("not a result line (%s)", why);
          g_free (why);
          shard_fail (s, error, what);
          g_free (what);
          return FALSE;
        }
      if (s->result.seq < 0)
        return shard_fail (s, error, "not a result line of `abridge batch --report jsonl`");
      if (s->result.seq <= s->seq)
        return shard_fail (s, error, "results out of order (was the file edited?)");
      s->seq = s->result.seq;
      s->have = TRUE;
      return TRUE;
    }
  if (got < 0)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "%s: %s", s->path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_result (abridge_report *report, const abr_result_line *result, guint64 seq,
            guint64 *failures, GError **error)
{
  abridge_report_entry entry = {
    .seq = seq,
    .id = result->id != NULL ? result->id : "",
    .title = result->title,
    .source = result->source,
    .date = result->date,
    .url = result->url,
    .dateline = result->dateline,
    .error = result->error,
    .brief = result->error == NULL ? result->brief : NULL,
  };
  if (entry.error != NULL)
    (*failures)++;
  return abridge_report_add (report, &entry, error);
}

gboolean
abridge_report_merge (abridge_report *report, char **paths, gsize max_bytes, guint64 *articles,
                      guint64 *failures, GError **error)
{
  *articles = *failures = 0;
  const abr_parser_table *parsers = abr_parsers_get ("result reader", error);
  if (parsers == NULL)
    return FALSE;
  guint n = g_strv_length (paths);
  Shard *shards = g_new0 (Shard, n);
  gboolean ok = TRUE;
  for (guint i = 0; i < n && ok; i++)
    {
      Shard *s = &shards[i];
      s->path = paths[i];
      s->seq = -1;
      /* A result holds a brief, at most its article's text escaped: a
       * longer line is none (and /dev/zero must not exhaust memory). */
      s->max_line = 2 * max_bytes;
      s->line = g_string_new (NULL);
      s->parsers = parsers;
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
        if (shards[i].have && (next == NULL || shards[i].seq < next->seq))
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
      ok = add_result (report, &next->result, want, failures, error) && shard_next (next, error);
      (*articles)++;
    }
  for (guint i = 0; i < n; i++)
    {
      if (shards[i].fp != NULL)
        fclose (shards[i].fp);
      if (shards[i].line != NULL)
        g_string_free (shards[i].line, TRUE);
      result_clear (&shards[i].result);
    }
  g_free (shards);
  return ok;
}
