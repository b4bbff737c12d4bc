/* One article's outcome: made by the engine, and carried between a worker
 * process and its parent byte for byte (scores as their bits), so that an
 * isolated run writes the very report a threaded one does. */
#include "config.h"
#include "batch/outcome.h"

#include <string.h>


void
abr_outcome_clear (abr_outcome *out)
{
  abridge_brief_free (out->brief);
  g_free (out->title);
  g_free (out->dateline);
  g_free (out->error);
  memset (out, 0, sizeof *out);
}

void
abr_summarize_text (abridge_engine *engine, const abridge_batch_options *o, const char *text,
                    gsize len, const char *title, abr_outcome *out)
{
  GError *error = NULL;
  abridge_document *doc = NULL;
  /* Blank text never comes here: abridge_item_prepare() fails it. */
  doc = abridge_document_new_lang (text, len, title, o->lang != NULL ? o->lang : "auto",
                                   &error);
  if (doc != NULL && o->empty_fails && abridge_document_sentence_count (doc) == 0)
    g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "no sentence to summarize");
  if (error == NULL)
    {
      out->brief = abridge_engine_summarize (engine, doc, &o->budget, o->order, &error);
      if (out->brief != NULL && o->empty_fails && out->brief->items->len == 0)
        {
          g_clear_pointer (&out->brief, abridge_brief_free);
          g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "nothing but page furniture");
        }
    }
  if (error != NULL)
    {
      out->error = g_strdup (error->message);
      g_error_free (error);
    }
  else
    {
      if (o->keywords > 0)
        out->brief->keywords = abridge_document_keywords (doc, o->keywords);
      out->title = g_strdup (abridge_document_title (doc, NULL));
      out->dateline = g_strdup (abridge_document_dateline (doc));
      out->language = abridge_document_language (doc);
    }
  abridge_document_free (doc);
}

/* ---- the wire ----------------------------------------------------------------- */

#define NO_STRING G_MAXUINT32

static void
put_u32 (GByteArray *buf, guint32 v)
{
  g_byte_array_append (buf, (const guint8 *) &v, sizeof v);
}

static void
put_f64 (GByteArray *buf, double v)
{
  g_byte_array_append (buf, (const guint8 *) &v, sizeof v);
}

static void
put_bytes (GByteArray *buf, const char *s, gsize len)
{
  put_u32 (buf, (guint32) len);
  g_byte_array_append (buf, (const guint8 *) s, (guint) len);
}

static void
put_str (GByteArray *buf, const char *s)
{
  if (s == NULL)
    put_u32 (buf, NO_STRING);
  else
    put_bytes (buf, s, strlen (s));
}

typedef struct {
  const guint8 *at, *end;
  gboolean bad;
} Cursor;

static gboolean
take (Cursor *c, void *dest, gsize n)
{
  if (c->bad || (gsize) (c->end - c->at) < n)
    {
      c->bad = TRUE;
      memset (dest, 0, n);
      return FALSE;
    }
  memcpy (dest, c->at, n);
  c->at += n;
  return TRUE;
}

static guint32
get_u32 (Cursor *c)
{
  guint32 v;
  take (c, &v, sizeof v);
  return v;
}

static double
get_f64 (Cursor *c)
{
  double v;
  take (c, &v, sizeof v);
  return v;
}

/* A string as it was put (NULL for none), or NULL with C bad. */
static const char *
get_bytes (Cursor *c, gsize *len)
{
  guint32 n = get_u32 (c);
  *len = 0;
  if (c->bad || n == NO_STRING)
    return NULL;
  if ((gsize) (c->end - c->at) < n)
    {
      c->bad = TRUE;
      return NULL;
    }
  const char *s = (const char *) c->at;
  c->at += n;
  *len = n;
  return s;
}

/* A NUL-terminated copy of a UTF-8 string field, or NULL. */
static char *
get_str (Cursor *c)
{
  gsize len;
  const char *s = get_bytes (c, &len);
  if (s == NULL)
    return NULL;
  if (!g_utf8_validate_len (s, len, NULL))
    {
      c->bad = TRUE;
      return NULL;
    }
  return g_strndup (s, len);
}

void
abr_wire_put_request (GByteArray *buf, const char *text, gsize len, const char *title)
{
  put_bytes (buf, text, len);
  put_str (buf, title);
}

gboolean
abr_wire_get_request (const guint8 *data, gsize size, const char **text, gsize *len,
                      char **title)
{
  Cursor c = { data, data + size, FALSE };
  *text = get_bytes (&c, len);
  *title = get_str (&c);
  if (c.bad || *text == NULL || c.at != c.end)
    {
      g_clear_pointer (title, g_free);
      return FALSE;
    }
  return TRUE;
}

void
abr_wire_put_outcome (GByteArray *buf, const abr_outcome *out)
{
  put_str (buf, out->error);
  if (out->error != NULL)
    return;
  put_str (buf, out->title);
  put_str (buf, out->dateline);
  put_str (buf, out->language);
  const abridge_brief *b = out->brief;
  put_u32 (buf, b->n_scores);
  for (guint32 i = 0; i < b->n_scores; i++)
    put_f64 (buf, b->scores[i]);
  put_u32 (buf, b->items->len);
  for (guint i = 0; i < b->items->len; i++)
    {
      const abridge_brief_item *it = &g_array_index (b->items, abridge_brief_item, i);
      put_u32 (buf, (guint32) it->extract);
      put_u32 (buf, it->sentence);
      put_u32 (buf, it->start);
      put_u32 (buf, it->end);
      put_f64 (buf, it->score);
      put_str (buf, it->text);
      guint n = it->annotations != NULL ? it->annotations->len : 0;
      put_u32 (buf, n);
      for (guint k = 0; k < n; k++)
        put_str (buf, it->annotations->pdata[k]);
    }
  guint n_keywords = b->keywords != NULL ? g_strv_length (b->keywords) : 0;
  put_u32 (buf, b->keywords != NULL ? n_keywords : NO_STRING);
  for (guint k = 0; k < n_keywords; k++)
    put_str (buf, b->keywords[k]);
}

/* Reads what abr_wire_put_outcome() wrote; whatever it returns, OUT is
 * complete or empty. */
static gboolean
get_outcome (Cursor *cursor, abr_outcome *out);

gboolean
abr_wire_get_outcome (const guint8 *data, gsize size, abr_outcome *out)
{
  Cursor c = { data, data + size, FALSE };
  memset (out, 0, sizeof *out);
  if (get_outcome (&c, out) && !c.bad && c.at == c.end)
    return TRUE;
  abr_outcome_clear (out);
  return FALSE;
}

static gboolean
get_outcome (Cursor *cursor, abr_outcome *out)
{
  Cursor c = *cursor;
  gboolean ok = FALSE;
  out->error = get_str (&c);
  if (out->error != NULL || c.bad)
    {
      *cursor = c;
      return !c.bad;
    }
  out->title = get_str (&c);
  out->dateline = get_str (&c);
  char *language = get_str (&c);
  out->language = language != NULL ? g_intern_string (language) : NULL;
  g_free (language);
  guint32 n = get_u32 (&c);
  /* Every count is checked against the bytes left before anything is
   * allocated for it. */
  if (c.bad || n > (gsize) (c.end - c.at) / sizeof (double))
    goto done;
  out->brief = abridge_brief_new (n);
  for (guint32 i = 0; i < n; i++)
    out->brief->scores[i] = get_f64 (&c);
  guint32 items = get_u32 (&c);
  for (guint32 i = 0; i < items && !c.bad; i++)
    {
      abridge_brief_item it = { 0 };
      it.extract = get_u32 (&c) != 0;
      it.sentence = get_u32 (&c);
      it.start = get_u32 (&c);
      it.end = get_u32 (&c);
      it.score = get_f64 (&c);
      it.text = get_str (&c);
      guint32 k = get_u32 (&c);
      if (!c.bad && k > (gsize) (c.end - c.at) / sizeof (guint32))
        c.bad = TRUE;
      for (guint32 j = 0; j < k && !c.bad; j++)
        {
          if (it.annotations == NULL)
            it.annotations = g_ptr_array_new_with_free_func (g_free);
          char *s = get_str (&c);
          if (s != NULL)
            g_ptr_array_add (it.annotations, s);
          else
            c.bad = TRUE;
        }
      /* Added even when bad: the brief's clear function frees it. */
      g_array_append_val (out->brief->items, it);
    }
  guint32 k = get_u32 (&c);
  if (!c.bad && k != NO_STRING)
    {
      if (k > (gsize) (c.end - c.at) / sizeof (guint32))
        c.bad = TRUE;
      else
        {
          out->brief->keywords = g_new0 (char *, k + 1);
          for (guint32 j = 0; j < k && !c.bad; j++)
            if ((out->brief->keywords[j] = get_str (&c)) == NULL)
              c.bad = TRUE;
        }
    }
  ok = !c.bad && out->language != NULL;
done:
  *cursor = c;
  return ok;
}
