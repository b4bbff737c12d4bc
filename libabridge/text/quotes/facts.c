/* Every quotation's facts for plugins and the public API: its speaker's
 * fullest name and title, the verb of saying, whether a pronoun named the
 * speaker, and the quoted words with the fragments of one quotation
 * joined by " … ". */
#include "config.h"
#include "text/quotes/facts.h"

#include <string.h>

#include "text/paragraphs.h"
#include "text/quotes/view.h"

/* Between the fragments an attribution splits: the reader sees that words
 * were left out, not one run-on sentence. */
#define FRAGMENT_JOINER " \xE2\x80\xA6 "

static uint32_t
add_string (GString *strings, const char *s, gsize n)
{
  if (strings->len >= G_MAXUINT32 - n - 1)
    return ABR_QUOTE_NO_STRING;
  uint32_t at = (uint32_t) strings->len;
  g_string_append_len (strings, s, (gssize) n);
  g_string_append_c (strings, '\0');
  return at;
}

/* Appends the quoted words of text[start, end) without their quotation
 * marks, white space folded, the marks that reopen a continued quotation
 * at a paragraph's start dropped, and a trailing comma ("… policy,”). */
static void
append_fragment (abr_qdoc *d, GString *out, uint32_t start, uint32_t end)
{
  size_t ml;
  for (int k = 0; k < 2 && start < end; k++) /* “ or '' */
    {
      if (!abr_q_is_mark ((const unsigned char *) d->text + start, end - start, &ml)
          || (k == 1 && (ml != 1 || d->text[start] != '\'')))
        break;
      start += (uint32_t) ml;
      if (ml != 1 || d->text[start - 1] != '\'')
        break;
    }
  for (int k = 0; k < 2; k++) /* ” or '' */
    {
      size_t back = 1;
      for (; back <= 3 && end >= start + back; back++)
        if (abr_q_is_mark ((const unsigned char *) d->text + end - back, back, &ml) && ml == back)
          break;
      if (back > 3 || end < start + back || (k == 1 && d->text[end - 1] != '\''))
        break;
      end -= (uint32_t) back;
      if (back != 1 || d->text[end] != '\'')
        break;
    }
  gsize base = out->len;
  gboolean space = FALSE, line_start = FALSE;
  for (uint32_t i = start; i < end; i++)
    {
      char c = d->text[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        {
          space = out->len > base;
          line_start |= c == '\n';
          continue;
        }
      if (line_start && abr_q_is_mark ((const unsigned char *) d->text + i, end - i, &ml))
        {
          i += (uint32_t) ml - 1;
          line_start = FALSE;
          continue;
        }
      line_start = FALSE;
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, c);
    }
  while (out->len > base && (out->str[out->len - 1] == ',' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);
}

/* text[start, end) and text[start2, end2), white space folded, as one. */
static uint32_t
add_span (abr_qdoc *d, GString *strings, uint32_t start, uint32_t end, uint32_t start2,
          uint32_t end2)
{
  GString *s = g_string_new (NULL);
  abr_fold_whitespace (s, d->text, start, end);
  if (end2 > start2)
    {
      if (s->len > 0)
        g_string_append_c (s, ' ');
      abr_fold_whitespace (s, d->text, start2, end2);
    }
  uint32_t at = s->len > 0 ? add_string (strings, s->str, s->len) : ABR_QUOTE_NO_STRING;
  g_string_free (s, TRUE);
  return at;
}

/* END, past the period of a title that ends in an abbreviation ("Sen.",
 * "Gov.", "Lt. Col."): a short capitalised last word. */
static uint32_t
abbreviation_end (abr_qdoc *d, uint32_t start, uint32_t end)
{
  if (end <= start || end >= d->len || d->text[end] != '.')
    return end;
  uint32_t b = end;
  while (b > start && g_ascii_isalpha (d->text[b - 1]))
    b--;
  return end - b >= 1 && end - b <= 4 && g_ascii_isupper (d->text[b]) ? end + 1 : end;
}

/* The verb of saying as written: "said", "told", "according to". */
static uint32_t
add_cue (abr_qdoc *d, GString *strings, uint32_t verb)
{
  if (verb == ABR_QNONE || verb >= d->nt)
    return ABR_QUOTE_NO_STRING;
  uint32_t end = abr_q_tok_end (d, verb);
  if ((abr_q_class (d, verb) & ABR_QW_ACCORDING) && verb + 1 < d->nt
      && (abr_q_class (d, verb + 1) & ABR_QW_TO))
    end = abr_q_tok_end (d, verb + 1);
  return add_span (d, strings, abr_q_tok (d, verb)->start, end, 0, 0);
}

static void
unit_facts (abr_qdoc *d, const abr_qunit *u, abr_quote_facts *facts)
{
  abr_quote_fact f = { 0, ABR_QUOTE_NO_STRING, ABR_QUOTE_NO_STRING, ABR_QUOTE_NO_STRING,
                       ABR_QUOTE_NO_STRING };
  if (u->person >= 0)
    {
      const abr_qperson *p = abr_q_person (d, u->person);
      f.speaker = add_span (d, facts->strings, p->name_start, p->name_end, p->surname_start, p->surname_end);
      const abr_qtitle *t = u->attr.title.e1 != 0 ? &u->attr.title : &p->title;
      if (t->e1 != 0 && f.speaker != ABR_QUOTE_NO_STRING)
        f.title = add_span (d, facts->strings, t->s1, abbreviation_end (d, t->s1, t->e1), t->s2,
                            abbreviation_end (d, t->s2, t->e2));
    }
  if (u->attr.kind == ABR_QA_PRONOUN)
    f.flags |= ABRIDGE_QUOTE_PRONOUN;
  if (u->from_previous || u->attr.source == ABR_QSRC_CONTEXT)
    f.flags |= ABRIDGE_QUOTE_CONTEXT;
  if (!u->from_previous)
    f.cue = add_cue (d, facts->strings, u->attr.verb);
  GString *text = g_string_new (NULL);
  for (uint32_t k = 0; k < u->n_frags; k++)
    {
      if (k > 0 && text->len > 0)
        g_string_append (text, FRAGMENT_JOINER);
      gsize before = text->len;
      append_fragment (d, text, d->quotes[u->frag + k].start, d->quotes[u->frag + k].end);
      if (text->len == before && k > 0)
        g_string_truncate (text, before - strlen (FRAGMENT_JOINER));
    }
  f.text = add_string (facts->strings, text->str, text->len);
  g_string_free (text, TRUE);
  for (uint32_t k = 0; k < u->n_frags; k++)
    {
      abr_quote_fact *at = &g_array_index (facts->facts, abr_quote_fact, u->frag + k);
      *at = f;
      if (k > 0)
        at->flags |= ABRIDGE_QUOTE_CONTINUES;
    }
}

/* The words of every quotation no unit holds (in page furniture, or with
 * no word at all). */
static void
fill_texts (abr_qdoc *d, abr_quote_facts *facts)
{
  for (uint32_t q = 0; q < d->nq; q++)
    {
      abr_quote_fact *f = &g_array_index (facts->facts, abr_quote_fact, q);
      if (f->text != ABR_QUOTE_NO_STRING)
        continue;
      GString *text = g_string_new (NULL);
      append_fragment (d, text, d->quotes[q].start, d->quotes[q].end);
      f->text = add_string (facts->strings, text->str, text->len);
      g_string_free (text, TRUE);
    }
}

/* Each quotation's speaker into FACTS; or, with EACH, only the people the
 * speakers were chosen among, to EACH. */
static void
attribute (const abridge_document *doc, abr_quote_facts *facts, abr_qpeople_each each, void *data)
{
  abr_qdoc d;
  abr_q_view_init (&d, doc);
  abr_q_people_build (&d);
  abr_qunit *units = g_new (abr_qunit, d.nq);
  uint32_t nu = abr_q_units_build (&d, units);
  abr_q_units_resolve (&d, units, nu);
  if (facts != NULL)
    {
      for (uint32_t i = 0; i < nu; i++)
        unit_facts (&d, &units[i], facts);
      fill_texts (&d, facts);
    }
  for (guint i = 0; each != NULL && i < d.people->len; i++)
    {
      const abr_qperson *p = abr_q_person (&d, (int32_t) i);
      each (d.text + p->name_start, p->name_end - p->name_start, data);
    }
  g_free (units);
  abr_q_view_clear (&d);
}

static abr_quote_facts *
facts_new (const abridge_document *doc)
{
  abr_quote_facts *facts = g_new0 (abr_quote_facts, 1);
  facts->strings = g_string_new (NULL);
  facts->facts = g_array_sized_new (FALSE, FALSE, sizeof (abr_quote_fact), doc->quotes->len);
  abr_quote_fact none = { 0, ABR_QUOTE_NO_STRING, ABR_QUOTE_NO_STRING, ABR_QUOTE_NO_STRING,
                          ABR_QUOTE_NO_STRING };
  for (guint q = 0; q < doc->quotes->len; q++)
    g_array_append_val (facts->facts, none);
  if (doc->quotes->len == 0)
    return facts;
  if (doc->tokens->len == 0)
    {
      /* marks around no word ("« »"): no speaker, the words as they are */
      abr_qdoc bare = { .text = doc->data, .len = doc->len,
                        .quotes = (const abr_doc_quote *) (const void *) doc->quotes->data,
                        .nq = doc->quotes->len };
      fill_texts (&bare, facts);
      return facts;
    }

  attribute (doc, facts, NULL, NULL);
  return facts;
}

void
abr_quote_people (const abridge_document *doc, abr_qpeople_each each, void *data)
{
  abridge_document_sentence_tokens (doc, 0, NULL); /* makes the tokens */
  if (doc->quotes->len > 0 && doc->tokens->len > 0)
    attribute (doc, NULL, each, data);
}

void
abr_quote_facts_free (abr_quote_facts *facts)
{
  if (facts == NULL)
    return;
  g_array_unref (facts->facts);
  g_string_free (facts->strings, TRUE);
  g_free (facts);
}

/* DOC's facts, made on the first call. A document may be read from
 * several threads at once (abridge.h), hence the lock, as for its tokens. */
static const abr_quote_facts *
attributed (const abridge_document *doc)
{
  abridge_document *d = (abridge_document *) doc;
  if (!g_atomic_int_get (&d->attributed))
    {
      g_mutex_lock (&d->attributing);
      if (!g_atomic_int_get (&d->attributed))
        {
          abridge_document_sentence_tokens (doc, 0, NULL); /* makes the tokens */
          d->quote_facts = facts_new (doc);
          d->quote_facts_free = abr_quote_facts_free;
          g_atomic_int_set (&d->attributed, TRUE);
        }
      g_mutex_unlock (&d->attributing);
    }
  return doc->quote_facts;
}

static const abr_quote_fact *
fact_at (const abridge_document *doc, uint32_t q)
{
  if (doc == NULL || q >= doc->quotes->len)
    return NULL;
  return &g_array_index (attributed (doc)->facts, abr_quote_fact, q);
}

static const char *
string_at (const abridge_document *doc, uint32_t at, size_t *len)
{
  const char *s = at != ABR_QUOTE_NO_STRING ? doc->quote_facts->strings->str + at : NULL;
  if (len != NULL)
    *len = s != NULL ? strlen (s) : 0;
  return s;
}

uint32_t
abridge_document_quote_flags (const abridge_document *doc, uint32_t q)
{
  const abr_quote_fact *f = fact_at (doc, q);
  return f != NULL ? f->flags : 0;
}

const char *
abridge_document_quote_speaker (const abridge_document *doc, uint32_t q, size_t *len)
{
  const abr_quote_fact *f = fact_at (doc, q);
  return string_at (doc, f != NULL ? f->speaker : ABR_QUOTE_NO_STRING, len);
}

const char *
abridge_document_quote_speaker_title (const abridge_document *doc, uint32_t q, size_t *len)
{
  const abr_quote_fact *f = fact_at (doc, q);
  return string_at (doc, f != NULL ? f->title : ABR_QUOTE_NO_STRING, len);
}

const char *
abridge_document_quote_cue (const abridge_document *doc, uint32_t q, size_t *len)
{
  const abr_quote_fact *f = fact_at (doc, q);
  return string_at (doc, f != NULL ? f->cue : ABR_QUOTE_NO_STRING, len);
}

const char *
abridge_document_quote_text (const abridge_document *doc, uint32_t q, size_t *len)
{
  const abr_quote_fact *f = fact_at (doc, q);
  return string_at (doc, f != NULL ? f->text : ABR_QUOTE_NO_STRING, len);
}
