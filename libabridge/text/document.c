/* Building the text model: paragraphs, title, sentences, dateline,
 * boilerplate, tokens and quotes, in that order. */
#include "config.h"
#include "text/document.h"

#include <string.h>

#include "text/boilerplate.h"
#include "text/dateline.h"
#include "text/idf.h"
#include "source/input.h"
#include "text/paragraphs.h"
#include "text/quotes/marks.h"
#include "text/segment.h"
#include "text/webtext.h"

/* A title is a headline: one short line. */
#define MAX_TITLE_BYTES 250
#define MAX_TITLE_WORDS 30

/* END, less the closing quotation marks (" ' ” ’) the text before it
 * ends with. */
static uint32_t
before_closing_marks (const char *data, uint32_t start, uint32_t end)
{
  for (;;)
    {
      if (end > start + 1 && (data[end - 1] == '"' || data[end - 1] == '\''))
        end--;
      else if (end > start + 3 && (guchar) data[end - 3] == 0xe2 && (guchar) data[end - 2] == 0x80
               && ((guchar) data[end - 1] == 0x9d || (guchar) data[end - 1] == 0x99))
        end -= 3;
      else
        return end;
    }
}

static gboolean
looks_like_title (const char *data, uint32_t start, uint32_t end)
{
  if (end - start > MAX_TITLE_BYTES || memchr (data + start, '\n', end - start) != NULL)
    return FALSE;
  /* a sentence ending in a quotation ("… meet the press \"very soon.\"")
   * is the lead, not a headline */
  guchar last = (guchar) data[before_closing_marks (data, start, end) - 1];
  if (last == '.' || last == ',' || last == ';' || last == ':')
    return FALSE;
  guint words = 1;
  for (uint32_t i = start; i < end; i++)
    if (data[i] == ' ')
      words++;
  if (words > MAX_TITLE_WORDS)
    return FALSE;
  /* "Share" or a byline standing first is furniture, not a headline. */
  if (abr_boilerplate_classify (data + start, end - start) != ABR_BOILERPLATE_NONE)
    return FALSE;
  char *place = NULL;
  gsize cut = abr_dateline_match (data + start, end - start, &place);
  g_free (place);
  return cut == 0;
}

static char *
comparable (const char *text, gssize len)
{
  gsize n_text = len < 0 ? strlen (text) : (gsize) len;
  gboolean ascii = TRUE;
  for (gsize i = 0; i < n_text && ascii; i++)
    ascii = (guchar) text[i] < 0x80;
  /* ASCII folds to ASCII lower case: g_ascii_strdown() does that for a
   * tenth of g_utf8_casefold()'s cost, paid once an article for its title. */
  char *folded = ascii ? g_ascii_strdown (text, (gssize) n_text) : g_utf8_casefold (text, len);
  g_strstrip (folded);
  gsize n = strlen (folded);
  while (n > 0 && strchr (".!?", folded[n - 1]) != NULL)
    folded[--n] = '\0';
  return folded;
}

/* Whether comparable (TEXT, LEN) is TITLE (comparable, TITLE_LEN bytes).
 * Most sentences are ASCII, whose case folding is ASCII lower case: they
 * are compared in place, not folded into a copy each. */
static gboolean
same_as_title (const char *text, gsize len, const char *title, gsize title_len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) text[i] >= 0x80)
      {
        char *mine = comparable (text, (gssize) len);
        gboolean same = strcmp (mine, title) == 0;
        g_free (mine);
        return same;
      }
  /* As comparable(): white space off both ends, then trailing . ! ? */
  while (len > 0 && g_ascii_isspace (text[0]))
    text++, len--;
  while (len > 0 && g_ascii_isspace (text[len - 1]))
    len--;
  while (len > 0 && strchr (".!?", text[len - 1]) != NULL)
    len--;
  return len == title_len && g_ascii_strncasecmp (text, title, len) == 0;
}

/* Whether a sentence ends as prose does: . ! ? … or a closing quote or
 * bracket after one. A line that does not is a heading or a list item. */
static gboolean
ends_like_prose (const char *data, uint32_t start, uint32_t end)
{
  const char *p = data + end;
  while (p > data + start)
    {
      p = g_utf8_find_prev_char (data + start, p);
      gunichar c = g_utf8_get_char (p);
      if (c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */)
        return TRUE;
      /* closing quotes and brackets: look at what they close */
      if (!(c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0x00BB || c == ')'
            || c == ']'))
        return FALSE;
    }
  return FALSE;
}

static void
add_sentence (abridge_document *doc, const abr_span *span, uint32_t paragraph,
              uint32_t paragraph_end, gboolean first_in_paragraph)
{
  abr_sentence s = { 0 };
  s.start = span->start;
  s.end = span->end;
  s.paragraph = paragraph;
  if (first_in_paragraph)
    s.flags |= ABRIDGE_SENTENCE_PARAGRAPH_START;
  if (((span->flags & ABR_SPAN_LINE) || span->end == paragraph_end)
      && !ends_like_prose (doc->data, span->start, span->end))
    s.flags |= ABRIDGE_SENTENCE_HEADING;
  g_array_append_val (doc->sentences, s);
}

static void
set_text (abridge_document *doc, abr_sentence *s)
{
  s->text_off = (uint32_t) doc->texts->len;
  abr_fold_whitespace (doc->texts, doc->data, s->start, s->end);
  s->text_len = (uint32_t) doc->texts->len - s->text_off;
}

static void
mark_boilerplate (abridge_document *doc)
{
  char *title = doc->title != NULL ? comparable (doc->title, -1) : NULL;
  gsize title_len = title != NULL ? strlen (title) : 0;
  gboolean tail = FALSE;
  for (guint i = 0; i < doc->sentences->len; i++)
    {
      abr_sentence *s = &g_array_index (doc->sentences, abr_sentence, i);
      const char *text = doc->texts->str + s->text_off;
      AbridgeBoilerplate kind = tail ? ABR_BOILERPLATE_TAIL
                                     : abr_boilerplate_classify (text, s->text_len);
      if (kind == ABR_BOILERPLATE_TAIL)
        tail = TRUE;
      if (kind != ABR_BOILERPLATE_NONE)
        s->flags |= ABRIDGE_SENTENCE_BOILERPLATE;
      /* Case folding can change lengths a little, never a lot. */
      else if (title != NULL && s->text_len < 2 * title_len + 8 && 2 * s->text_len + 8 > title_len)
        {
          if (same_as_title (text, s->text_len, title, title_len))
            s->flags |= ABRIDGE_SENTENCE_TITLE;
        }
    }
  g_free (title);
}

/* A web page's article often opens with a kicker ("Sister Act"), a date
 * line or a sub-headline before the lead that carries the dateline; a
 * few such short one-line paragraphs are looked past, no more: further
 * down, capitals and a dash are prose. */
#define MAX_KICKERS 4
#define MAX_KICKER_BYTES 250

/* Whether sentence I is a short paragraph of its own on one line. */
static gboolean
is_kicker (const abridge_document *doc, guint i)
{
  const abr_sentence *s = &g_array_index (doc->sentences, abr_sentence, i);
  if (!(s->flags & ABRIDGE_SENTENCE_PARAGRAPH_START) || s->end - s->start > MAX_KICKER_BYTES
      || memchr (doc->data + s->start, '\n', s->end - s->start) != NULL)
    return FALSE;
  return i + 1 == doc->sentences->len
         || g_array_index (doc->sentences, abr_sentence, i + 1).paragraph != s->paragraph;
}

/* Cuts the dateline from the lead: the first candidate sentence, or the
 * first after a few kicker lines when it starts a paragraph. */
static void
cut_dateline (abridge_document *doc)
{
  guint kickers = 0;
  for (guint i = 0; i < doc->sentences->len; i++)
    {
      abr_sentence *s = &g_array_index (doc->sentences, abr_sentence, i);
      if (s->flags & ABR_SENTENCE_NOT_CANDIDATE)
        continue;
      if (kickers > 0 && !(s->flags & ABRIDGE_SENTENCE_PARAGRAPH_START))
        return;
      gsize cut = abr_dateline_match (doc->data + s->start, s->end - s->start,
                                          &doc->dateline);
      if (cut > 0)
        {
          s->start += (uint32_t) cut;
          s->flags |= ABRIDGE_SENTENCE_DATELINE;
          set_text (doc, s); /* the old text stays behind, unreferenced */
          return;
        }
      if (!is_kicker (doc, i) || ++kickers > MAX_KICKERS)
        return;
    }
}

static void
tokenize_all (abridge_document *doc)
{
  abr_lexicon_init_lang (&doc->lex, doc->lang, doc->len);
  doc->tokens = g_array_sized_new (FALSE, FALSE, sizeof (abridge_token), doc->len / 5 + 16);
  doc->stem_sf = g_array_new (FALSE, FALSE, sizeof (uint32_t));
  doc->stem_tf = g_array_new (FALSE, FALSE, sizeof (uint32_t));
  for (guint i = 0; i < doc->sentences->len; i++)
    {
      abr_sentence *s = &g_array_index (doc->sentences, abr_sentence, i);
      s->tok_off = doc->tokens->len;
      abr_tokenize (&doc->lex, doc->data, s->start, s->end, doc->tokens);
      s->n_tok = doc->tokens->len - s->tok_off;
    }

  guint n_stems = doc->lex.n_stems;
  g_array_set_size (doc->stem_sf, n_stems);
  g_array_set_size (doc->stem_tf, n_stems);
  if (n_stems > 0)
    {
      memset (doc->stem_sf->data, 0, n_stems * sizeof (uint32_t));
      memset (doc->stem_tf->data, 0, n_stems * sizeof (uint32_t));
    }
  /* last_seen[stem] = sentence + 1 counts each stem once per sentence. */
  uint32_t *last_seen = g_new0 (uint32_t, n_stems + 1);
  for (guint i = 0; i < doc->sentences->len; i++)
    {
      abr_sentence *s = &g_array_index (doc->sentences, abr_sentence, i);
      if (s->flags & ABR_SENTENCE_NOT_CANDIDATE)
        continue;
      for (uint32_t t = 0; t < s->n_tok; t++)
        {
          uint32_t stem = g_array_index (doc->tokens, abridge_token, s->tok_off + t).stem;
          g_array_index (doc->stem_tf, uint32_t, stem)++;
          /* Without a branch: whether a word repeats in its sentence is
           * a coin toss to the predictor. */
          g_array_index (doc->stem_sf, uint32_t, stem) += last_seen[stem] != i + 1;
          last_seen[stem] = i + 1;
        }
    }
  g_free (last_seen);
}

/* Maps quotes to the sentences they touch, which get the QUOTE flag. */
static void
attach_quotes (abridge_document *doc, const GArray *paras)
{
  GArray *found = g_array_sized_new (FALSE, FALSE, sizeof (abr_quote_mark), 32);
  uint32_t *starts = g_new (uint32_t, doc->sentences->len + 1);
  for (guint i = 0; i < doc->sentences->len; i++)
    starts[i] = g_array_index (doc->sentences, abr_sentence, i).start;
  abr_quote_marks_find (doc->data, doc->len, paras, starts, doc->sentences->len, doc->lang->code,
                        found);
  g_free (starts);

  guint si = 0, n = doc->sentences->len;
  for (guint q = 0; q < found->len; q++)
    {
      abr_quote_mark *quote = &g_array_index (found, abr_quote_mark, q);
      /* Quotes and sentences are both in text order: one merge pass. */
      while (si < n && g_array_index (doc->sentences, abr_sentence, si).end <= quote->start)
        si++;
      if (si == n)
        break;
      abr_doc_quote dq = { quote->start, quote->end, si, si, quote->flags };
      for (guint j = si; j < n; j++)
        {
          abr_sentence *s = &g_array_index (doc->sentences, abr_sentence, j);
          if (s->start >= quote->end)
            break;
          s->flags |= ABRIDGE_SENTENCE_QUOTE;
          dq.last_sentence = j;
        }
      g_array_append_val (doc->quotes, dq);
    }
  g_array_unref (found);
}

abridge_document *
abridge_document_new (const char *data, gsize len, const char *title, GError **error)
{
  return abridge_document_new_lang (data, len, title, "en", error);
}

/* The language LANG names ("auto": guessed from the text, English when
 * unsure). */
static const abr_language *
choose_language (const char *lang, const char *data, gsize len)
{
  if (lang == NULL)
    return abr_language_english ();
  if (strcmp (lang, "auto") == 0)
    return abr_language_detect (data, len, abr_language_english (), NULL);
  return abr_language_find (lang);
}

abridge_document *
abridge_document_new_lang (const char *data, gsize len, const char *title, const char *lang,
                           GError **error)
{
  if (!abridge_language_check (lang != NULL ? lang : "en", error))
    return NULL;
  if (len >= G_MAXUINT32)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "larger than 4 GiB");
      return NULL;
    }
  if (!abridge_input_check (data, len, error))
    return NULL;

  abridge_document *doc = g_new0 (abridge_document, 1);
  doc->data = g_strndup (data, len);
  doc->len = len;
  doc->texts = g_string_sized_new (len + 16);
  /* Sized for news prose (a sentence every 100-150 bytes, a paragraph
   * every two or three), so that most articles never grow the arrays. */
  doc->sentences = g_array_sized_new (FALSE, FALSE, sizeof (abr_sentence), len / 100 + 8);
  doc->quotes = g_array_new (FALSE, FALSE, sizeof (abr_doc_quote));
  g_mutex_init (&doc->tokenizing);
  g_mutex_init (&doc->attributing);
  gsize bom = abr_input_bom_length (data, len);
  doc->lang = choose_language (lang, doc->data + bom, len - bom);

  GArray *paras = g_array_sized_new (FALSE, FALSE, sizeof (uint32_t), len / 100 + 8);
  abr_find_paragraphs (doc->data, bom, len, paras);
  abr_webtext_split (doc->data, paras);

  guint first = 0;
  if (title != NULL && *title != '\0')
    {
      GString *folded = g_string_new (NULL);
      abr_fold_whitespace (folded, title, 0, strlen (title));
      doc->title = g_string_free (folded, FALSE);
    }
  else if (paras->len >= 4
           && looks_like_title (doc->data, g_array_index (paras, uint32_t, 0),
                                g_array_index (paras, uint32_t, 1)))
    {
      doc->title = g_strndup (doc->data + g_array_index (paras, uint32_t, 0),
                              g_array_index (paras, uint32_t, 1) - g_array_index (paras, uint32_t, 0));
      first = 1;
    }
  /* The title is no paragraph of the body. */
  g_array_remove_range (paras, 0, 2 * first);
  doc->n_paragraphs = paras->len / 2;

  GArray *spans = g_array_sized_new (FALSE, FALSE, sizeof (abr_span), 32);
  for (guint p = 0; p < doc->n_paragraphs; p++)
    {
      g_array_set_size (spans, 0);
      abr_segment_paragraph_lang (doc->data, g_array_index (paras, uint32_t, 2 * p),
                                      g_array_index (paras, uint32_t, 2 * p + 1), doc->lang,
                                      spans);
      for (guint k = 0; k < spans->len; k++)
        add_sentence (doc, &g_array_index (spans, abr_span, k), p,
                      g_array_index (paras, uint32_t, 2 * p + 1), k == 0);
    }
  g_array_unref (spans);

  for (guint i = 0; i < doc->sentences->len; i++)
    set_text (doc, &g_array_index (doc->sentences, abr_sentence, i));
  mark_boilerplate (doc);
  cut_dateline (doc);
  attach_quotes (doc, paras);
  g_array_unref (paras);
  return doc;
}

void
abridge_document_free (abridge_document *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->data);
  g_free (doc->title);
  g_free (doc->dateline);
  g_string_free (doc->texts, TRUE);
  g_array_unref (doc->sentences);
  if (doc->tokens != NULL)
    {
      g_array_unref (doc->tokens);
      g_array_unref (doc->stem_sf);
      g_array_unref (doc->stem_tf);
    }
  g_array_unref (doc->quotes);
  if (doc->quote_facts != NULL)
    doc->quote_facts_free (doc->quote_facts);
  g_mutex_clear (&doc->tokenizing);
  g_mutex_clear (&doc->attributing);
  abr_lexicon_clear (&doc->lex);
  g_free (doc);
}

/* ---- accessors: the host table points at these ---------------------------- */

static const abr_sentence *
sentence_at (const abridge_document *doc, uint32_t i)
{
  return doc != NULL && i < doc->sentences->len
             ? &g_array_index (doc->sentences, abr_sentence, i)
             : NULL;
}

const char *
abridge_document_dateline (const abridge_document *doc)
{
  return doc->dateline;
}

const char *
abridge_document_language (const abridge_document *doc)
{
  return doc != NULL ? doc->lang->code : NULL;
}

const char *
abridge_document_title (const abridge_document *doc, size_t *len)
{
  if (len != NULL)
    *len = doc->title != NULL ? strlen (doc->title) : 0;
  return doc->title;
}

const char *
abridge_document_text (const abridge_document *doc, size_t *len)
{
  if (len != NULL)
    *len = doc->len;
  return doc->data;
}

uint32_t
abridge_document_sentence_count (const abridge_document *doc)
{
  return doc->sentences->len;
}

uint32_t
abridge_document_paragraph_count (const abridge_document *doc)
{
  return doc->n_paragraphs;
}

const char *
abridge_document_sentence_text (const abridge_document *doc, uint32_t i, size_t *len)
{
  const abr_sentence *s = sentence_at (doc, i);
  if (len != NULL)
    *len = s != NULL ? s->text_len : 0;
  return s != NULL ? doc->texts->str + s->text_off : NULL;
}

void
abridge_document_sentence_span (const abridge_document *doc, uint32_t i, uint32_t *start,
                                uint32_t *end)
{
  const abr_sentence *s = sentence_at (doc, i);
  if (start != NULL)
    *start = s != NULL ? s->start : 0;
  if (end != NULL)
    *end = s != NULL ? s->end : 0;
}

uint32_t
abridge_document_sentence_paragraph (const abridge_document *doc, uint32_t i)
{
  const abr_sentence *s = sentence_at (doc, i);
  return s != NULL ? s->paragraph : 0;
}

uint32_t
abridge_document_sentence_flags (const abridge_document *doc, uint32_t i)
{
  const abr_sentence *s = sentence_at (doc, i);
  return s != NULL ? s->flags : 0;
}

gboolean
abridge_document_sentence_is_candidate (const abridge_document *doc, uint32_t i)
{
  const abr_sentence *s = sentence_at (doc, i);
  return s != NULL && !(s->flags & ABR_SENTENCE_NOT_CANDIDATE) && s->text_len > 0;
}

/* DOC with its tokens, made on the first call. A document may be read
 * from several threads at once (abridge.h), hence the lock; not g_once,
 * whose slow path takes one process-wide mutex and makes a futex call
 * every time, which once per article held the batch workers up. */
static const abridge_document *
tokenized (const abridge_document *doc)
{
  abridge_document *d = (abridge_document *) doc;
  if (!g_atomic_int_get (&d->tokenized))
    {
      g_mutex_lock (&d->tokenizing);
      if (!g_atomic_int_get (&d->tokenized))
        {
          tokenize_all (d);
          g_atomic_int_set (&d->tokenized, TRUE);
        }
      g_mutex_unlock (&d->tokenizing);
    }
  return doc;
}

const abridge_token *
abridge_document_sentence_tokens (const abridge_document *doc, uint32_t i, uint32_t *n)
{
  doc = tokenized (doc);
  const abr_sentence *s = sentence_at (doc, i);
  if (n != NULL)
    *n = s != NULL ? s->n_tok : 0;
  return s != NULL ? &g_array_index (doc->tokens, abridge_token, s->tok_off) : NULL;
}

uint32_t
abridge_document_term_count (const abridge_document *doc)
{
  doc = tokenized (doc);
  return doc->lex.n_terms;
}

uint32_t
abridge_document_stem_count (const abridge_document *doc)
{
  doc = tokenized (doc);
  return doc->lex.n_stems;
}

const char *
abridge_document_term_text (const abridge_document *doc, uint32_t term)
{
  doc = tokenized (doc);
  return term < doc->lex.n_terms ? doc->lex.terms[term] : NULL;
}

const char *
abridge_document_stem_text (const abridge_document *doc, uint32_t stem)
{
  doc = tokenized (doc);
  return stem < doc->lex.n_stems ? doc->lex.stems[stem] : NULL;
}

uint32_t
abridge_document_stem_sentence_frequency (const abridge_document *doc, uint32_t stem)
{
  doc = tokenized (doc);
  return stem < doc->stem_sf->len ? g_array_index (doc->stem_sf, uint32_t, stem) : 0;
}

uint32_t
abridge_document_stem_frequency (const abridge_document *doc, uint32_t stem)
{
  doc = tokenized (doc);
  return stem < doc->stem_tf->len ? g_array_index (doc->stem_tf, uint32_t, stem) : 0;
}

double
abridge_document_background_idf (const abridge_document *doc, uint32_t stem)
{
  doc = tokenized (doc);
  return stem < doc->lex.n_stems ? doc->lex.stem_idf[stem] : 1.0;
}

uint32_t
abridge_document_quote_count (const abridge_document *doc)
{
  return doc->quotes->len;
}

void
abridge_document_quote_span (const abridge_document *doc, uint32_t q, uint32_t *start,
                             uint32_t *end, uint32_t *first_sentence, uint32_t *last_sentence)
{
  abr_doc_quote none = { 0 };
  const abr_doc_quote *dq = q < doc->quotes->len
                                    ? &g_array_index (doc->quotes, abr_doc_quote, q)
                                    : &none;
  if (start != NULL)
    *start = dq->start;
  if (end != NULL)
    *end = dq->end;
  if (first_sentence != NULL)
    *first_sentence = dq->first_sentence;
  if (last_sentence != NULL)
    *last_sentence = dq->last_sentence;
}
