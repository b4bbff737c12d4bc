/* The function table handed to plugins (SQLite's sqlite3_api_routines):
 * append-only, and the only way a plugin reaches the document. */
#include "config.h"
#include "engine/host.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "engine/options.h"

gboolean
abr_host_verbose (void)
{
  static gsize once = 0;
  static gboolean verbose;
  if (g_once_init_enter (&once))
    {
      const char *env = g_getenv ("ABRIDGE_PLUGIN_VERBOSE");
      verbose = env != NULL && *env != '\0' && strcmp (env, "0") != 0;
      g_once_init_leave (&once, 1);
    }
  return verbose;
}

static void
host_log (const abridge_host *host, int level, const char *fmt, ...)
{
  if (level < ABRIDGE_LOG_WARNING && !abr_host_verbose ())
    return;
  const abr_host_context *ctx = (const abr_host_context *) host;
  va_list ap;
  va_start (ap, fmt);
  char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  fprintf (stderr, "abridge: plugin '%s': %s\n", ctx != NULL ? ctx->plugin_id : "?", msg);
  g_free (msg);
}

static void
host_set_error (abridge_error *error, const char *fmt, ...)
{
  if (error == NULL)
    return;
  va_list ap;
  va_start (ap, fmt);
  g_free (error->message);
  error->message = g_strdup_vprintf (fmt, ap);
  va_end (ap);
}

static void
host_result_set_error (abridge_result *result, const char *fmt, ...)
{
  if (result == NULL)
    return;
  va_list ap;
  va_start (ap, fmt);
  g_free (result->error);
  result->error = g_strdup_vprintf (fmt, ap);
  va_end (ap);
}

static double *
host_result_scores (abridge_result *result)
{
  return result != NULL ? result->scores : NULL;
}

static int32_t
host_result_add_extract (abridge_result *result, uint32_t start, uint32_t end, double score)
{
  size_t len = 0;
  const char *text = abridge_document_text (result->doc, &len);
  if (start >= end || end > len || !isfinite (score) || result->extracts->len >= G_MAXINT32
      || !g_utf8_validate_len (text + start, end - start, NULL)
      /* spans must start and end on character boundaries */
      || ((guchar) text[start] & 0xC0) == 0x80 || (end < len && ((guchar) text[end] & 0xC0) == 0x80))
    return -1;
  abr_extract extract = { start, end, score, NULL };
  g_array_append_val (result->extracts, extract);
  return (int32_t) result->extracts->len - 1;
}

static int
host_result_annotate (abridge_result *result, int32_t index, const char *key, const char *value)
{
  if (result == NULL || index < 0 || (guint) index >= result->extracts->len || key == NULL
      || value == NULL || !g_utf8_validate (key, -1, NULL) || !g_utf8_validate (value, -1, NULL))
    return -1;
  abr_extract *extract = &g_array_index (result->extracts, abr_extract, index);
  if (extract->annotations == NULL)
    extract->annotations = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (extract->annotations, g_strdup (key));
  g_ptr_array_add (extract->annotations, g_strdup (value));
  return 0;
}

static const abridge_host host_table = {
  .struct_size = sizeof (abridge_host),
  .abi_version = ABRIDGE_ABI_VERSION,
  .log = host_log,
  .set_error = host_set_error,
  .option_bool = abr_options_bool,
  .option_int = abr_options_int,
  .option_double = abr_options_double,
  .option_string = abr_options_string,
  .document_title = abridge_document_title,
  .document_text = abridge_document_text,
  .sentence_count = abridge_document_sentence_count,
  .paragraph_count = abridge_document_paragraph_count,
  .sentence_text = abridge_document_sentence_text,
  .sentence_span = abridge_document_sentence_span,
  .sentence_paragraph = abridge_document_sentence_paragraph,
  .sentence_flags = abridge_document_sentence_flags,
  .sentence_tokens = abridge_document_sentence_tokens,
  .term_count = abridge_document_term_count,
  .stem_count = abridge_document_stem_count,
  .term_text = abridge_document_term_text,
  .stem_text = abridge_document_stem_text,
  .stem_sentence_frequency = abridge_document_stem_sentence_frequency,
  .stem_frequency = abridge_document_stem_frequency,
  .background_idf = abridge_document_background_idf,
  .quote_count = abridge_document_quote_count,
  .quote_span = abridge_document_quote_span,
  .result_scores = host_result_scores,
  .result_add_extract = host_result_add_extract,
  .result_annotate = host_result_annotate,
  .result_set_error = host_result_set_error,
  .document_language = abridge_document_language,
  .quote_flags = abridge_document_quote_flags,
  .quote_speaker = abridge_document_quote_speaker,
  .quote_speaker_title = abridge_document_quote_speaker_title,
  .quote_cue = abridge_document_quote_cue,
  .quote_text = abridge_document_quote_text,
};

void
abr_host_context_init (abr_host_context *ctx, const char *plugin_id)
{
  ctx->table = host_table;
  ctx->plugin_id = plugin_id;
}

abridge_result *
abr_result_new (const abridge_document *doc)
{
  abridge_result *result = g_new0 (abridge_result, 1);
  result->doc = doc;
  result->n_scores = abridge_document_sentence_count (doc);
  result->scores = g_new (double, result->n_scores + 1);
  for (uint32_t i = 0; i < result->n_scores; i++)
    result->scores[i] = NAN;
  result->extracts = g_array_new (FALSE, FALSE, sizeof (abr_extract));
  return result;
}

void
abr_result_free (abridge_result *result)
{
  if (result == NULL)
    return;
  for (guint i = 0; i < result->extracts->len; i++)
    {
      abr_extract *e = &g_array_index (result->extracts, abr_extract, i);
      if (e->annotations != NULL)
        g_ptr_array_unref (e->annotations);
    }
  g_array_unref (result->extracts);
  g_free (result->scores);
  g_free (result->error);
  g_free (result);
}
