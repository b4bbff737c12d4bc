/* Words of a sentence: case folding, stop words, Snowball stems, term ids. */
#include "config.h"
#include "tokenize.h"

#include <libstemmer.h>
#include <string.h>

#include "lang.h"
#include "vocab.h"

/* libstemmer's stemmers keep state: one per thread and language, freed
 * with the thread. */
typedef struct {
  struct sb_stemmer *stemmer[ABRIDGE_N_LANGUAGES];
} Stemmers;

static void
stemmers_free (gpointer data)
{
  Stemmers *s = data;
  for (guint i = 0; i < ABRIDGE_N_LANGUAGES; i++)
    if (s->stemmer[i] != NULL)
      sb_stemmer_delete (s->stemmer[i]);
  g_free (s);
}
static GPrivate thread_stemmer = G_PRIVATE_INIT (stemmers_free);

const char *
abridge_stem_lang (const abridge_language *lang, const char *folded, gsize len, gsize *stem_len)
{
  Stemmers *stemmers = g_private_get (&thread_stemmer);
  if (stemmers == NULL)
    {
      stemmers = g_new0 (Stemmers, 1);
      g_private_set (&thread_stemmer, stemmers);
    }
  struct sb_stemmer *stemmer = stemmers->stemmer[lang->index];
  if (stemmer == NULL)
    {
      stemmer = sb_stemmer_new (lang->stemmer, "UTF_8");
      if (stemmer == NULL)
        g_error ("libstemmer has no %s UTF-8 stemmer", lang->stemmer);
      stemmers->stemmer[lang->index] = stemmer;
    }
  const sb_symbol *stem = sb_stemmer_stem (stemmer, (const sb_symbol *) folded, (int) len);
  if (stem == NULL) /* out of memory inside libstemmer */
    {
      *stem_len = len;
      return folded;
    }
  *stem_len = (gsize) sb_stemmer_length (stemmer);
  return (const char *) stem;
}

const char *
abridge_stem (const char *folded, gsize len, gsize *stem_len)
{
  return abridge_stem_lang (abridge_language_english (), folded, len, stem_len);
}

/* A document maps the vocabulary's word and stem ids (vocab.h) to its
 * own with these arrays, stamped by a generation number: no hashing
 * beyond the one lookup per token. A document is tokenized on one thread,
 * so each thread keeps its own, one per language. */
typedef struct {
  GArray *word_doc, *word_stamp; /* per word id: the document's id, valid if stamped */
  GArray *stem_doc, *stem_stamp;
  uint32_t generation;
} Mapping;

static void
mapping_free (Mapping *m)
{
  g_array_unref (m->word_doc);
  g_array_unref (m->word_stamp);
  g_array_unref (m->stem_doc);
  g_array_unref (m->stem_stamp);
  g_free (m);
}

typedef struct {
  Mapping *mapping[ABRIDGE_N_LANGUAGES];
} Mappings;

static void
mappings_free (gpointer data)
{
  Mappings *all = data;
  for (guint i = 0; i < ABRIDGE_N_LANGUAGES; i++)
    if (all->mapping[i] != NULL)
      mapping_free (all->mapping[i]);
  g_free (all);
}
static GPrivate thread_mappings = G_PRIVATE_INIT (mappings_free);

static Mapping *
thread_mapping (const abridge_language *lang)
{
  Mappings *all = g_private_get (&thread_mappings);
  if (all == NULL)
    {
      all = g_new0 (Mappings, 1);
      g_private_set (&thread_mappings, all);
    }
  Mapping *m = all->mapping[lang->index];
  if (m == NULL)
    {
      m = g_new0 (Mapping, 1);
      m->word_doc = g_array_new (FALSE, FALSE, sizeof (uint32_t));
      m->word_stamp = g_array_new (FALSE, TRUE, sizeof (uint32_t));
      m->stem_doc = g_array_new (FALSE, FALSE, sizeof (uint32_t));
      m->stem_stamp = g_array_new (FALSE, TRUE, sizeof (uint32_t));
      all->mapping[lang->index] = m;
    }
  return m;
}

/* Slot ID of a DOC/STAMP pair, grown (stamps zeroed) to hold it. */
static void
mapping_reserve (GArray *doc, GArray *stamp, uint32_t id)
{
  if (id < stamp->len)
    return;
  guint n = MAX (id + 1, 2 * stamp->len);
  g_array_set_size (doc, n);
  g_array_set_size (stamp, n);
}

/* FNV-1a, fed a byte at a time by the folding loops. */
#define HASH_INIT 2166136261u
#define HASH_STEP(h, byte) (((h) ^ (guchar) (byte)) * 16777619u)

void
abridge_lexicon_init (abridge_lexicon *lex)
{
  abridge_lexicon_init_lang (lex, abridge_language_english ());
}

#define LEXICON_RESERVE 384

void
abridge_lexicon_init_lang (abridge_lexicon *lex, const abridge_language *lang)
{
  Mapping *m = thread_mapping (lang);
  if (m->generation == G_MAXUINT32)
    {
      memset (m->word_stamp->data, 0, m->word_stamp->len * sizeof (uint32_t));
      memset (m->stem_stamp->data, 0, m->stem_stamp->len * sizeof (uint32_t));
      m->generation = 0;
    }
  lex->vocab = abridge_vocab_acquire (lang);
  lex->mapping = m;
  lex->generation = ++m->generation;
  /* Room for a news article's distinct words (some 250) from the start:
   * growing from nothing was 4% of the run in reallocations. */
  lex->terms = g_ptr_array_sized_new (LEXICON_RESERVE);
  lex->term_stem = g_array_sized_new (FALSE, FALSE, sizeof (uint32_t), LEXICON_RESERVE);
  lex->term_stop = g_array_sized_new (FALSE, FALSE, sizeof (guint8), LEXICON_RESERVE);
  lex->stems = g_ptr_array_sized_new (LEXICON_RESERVE);
  lex->stem_idf = g_array_sized_new (FALSE, FALSE, sizeof (double), LEXICON_RESERVE);
  lex->chunk = g_string_chunk_new (4096);
}

void
abridge_lexicon_clear (abridge_lexicon *lex)
{
  g_clear_pointer (&lex->terms, g_ptr_array_unref);
  g_clear_pointer (&lex->term_stem, g_array_unref);
  g_clear_pointer (&lex->term_stop, g_array_unref);
  g_clear_pointer (&lex->stems, g_ptr_array_unref);
  g_clear_pointer (&lex->stem_idf, g_array_unref);
  g_clear_pointer (&lex->chunk, g_string_chunk_free);
  g_clear_pointer (&lex->vocab, abridge_vocab_release);
  lex->mapping = NULL;
}

static uint32_t
doc_stem (abridge_lexicon *lex, Mapping *m, const abridge_word_facts *facts)
{
  mapping_reserve (m->stem_doc, m->stem_stamp, facts->stem);
  uint32_t *stamp = &g_array_index (m->stem_stamp, uint32_t, facts->stem);
  uint32_t *id = &g_array_index (m->stem_doc, uint32_t, facts->stem);
  if (*stamp != lex->generation)
    {
      *stamp = lex->generation;
      *id = lex->stems->len;
      /* The document owns its strings: the vocabulary may be replaced. */
      g_ptr_array_add (lex->stems, g_string_chunk_insert (lex->chunk, facts->stem_text));
      g_array_append_val (lex->stem_idf, facts->idf);
    }
  return *id;
}

static uint32_t
intern_term (abridge_lexicon *lex, const char *folded, gsize len, uint32_t hash)
{
  Mapping *m = lex->mapping;
  const abridge_word_facts *facts = abridge_vocab_word (lex->vocab, folded, len, hash);
  mapping_reserve (m->word_doc, m->word_stamp, facts->word);
  uint32_t *stamp = &g_array_index (m->word_stamp, uint32_t, facts->word);
  uint32_t *id = &g_array_index (m->word_doc, uint32_t, facts->word);
  if (*stamp == lex->generation)
    return *id;
  *stamp = lex->generation;
  *id = lex->terms->len;
  g_ptr_array_add (lex->terms, g_string_chunk_insert_len (lex->chunk, folded, (gssize) len));
  guint8 stop = facts->stop;
  g_array_append_val (lex->term_stop, stop);
  uint32_t stem = doc_stem (lex, m, facts);
  g_array_append_val (lex->term_stem, stem);
  return *id;
}

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80) /* most of any news text: no Unicode table lookup */
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* The text was validated as UTF-8 when the document was built. */
static gboolean
word_char_at (const char *p, const char *end)
{
  if (p >= end)
    return FALSE;
  if ((guchar) *p < 0x80)
    return g_ascii_isalnum (*p);
  return is_word_char (g_utf8_get_char (p));
}

/* Case-folds one word into BUF (NFC, apostrophes as U+0027) and returns
 * the hash of the result. */
static uint32_t
fold_word (const char *word, gsize len, gboolean ascii, GString *buf)
{
  uint32_t hash = HASH_INIT;
  if (ascii)
    {
      g_string_set_size (buf, len);
      for (gsize i = 0; i < len; i++)
        {
          /* Not g_ascii_tolower(): a function call per byte. */
          char c = word[i] >= 'A' && word[i] <= 'Z' ? (char) (word[i] + ('a' - 'A')) : word[i];
          buf->str[i] = c;
          hash = HASH_STEP (hash, c);
        }
      return hash;
    }
  g_string_truncate (buf, 0);
  char *folded = g_utf8_casefold (word, (gssize) len);
  char *normal = g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0x2019 || c == 0x2018)
        g_string_append_c (buf, '\'');
      else
        g_string_append_len (buf, p, g_utf8_next_char (p) - p);
    }
  g_free (normal);
  g_free (folded);
  for (gsize i = 0; i < buf->len; i++)
    hash = HASH_STEP (hash, buf->str[i]);
  return hash;
}

#define MAX_WORD_BYTES 256

/* LEN, or less so that text[0, result) ends on a character boundary and
 * is at most MAX bytes. */
static gsize
cap_utf8 (const char *text, gsize len, gsize max)
{
  if (len <= max)
    return len;
  len = max;
  while (len > 0 && ((guchar) text[len] & 0xC0) == 0x80)
    len--;
  return len;
}

/* Scans the word starting at P (a word character): returns its end and
 * what it is made of. */
static const char *
scan_word (const char *p, const char *limit, gboolean *ascii, gboolean *digits_only)
{
  *ascii = TRUE;
  *digits_only = TRUE;
  while (p < limit)
    {
      guchar b = (guchar) *p;
      if (b < 0x80)
        {
          if (g_ascii_isalnum (b))
            {
              if (!g_ascii_isdigit (b))
                *digits_only = FALSE;
              p++;
              continue;
            }
          if ((b == '\'' || b == '.') && word_char_at (p + 1, limit))
            {
              p++;
              continue;
            }
          break;
        }
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      if (is_word_char (c))
        {
          *ascii = FALSE;
          if (!g_unichar_isdigit (c))
            *digits_only = FALSE;
          p = next;
          continue;
        }
      if (c == 0x2019 && word_char_at (next, limit))
        {
          *ascii = FALSE;
          p = next;
          continue;
        }
      break;
    }
  return p;
}

void
abridge_tokenize (abridge_lexicon *lex, const char *text, uint32_t start, uint32_t end,
                  GArray *tokens)
{
  const char *p = text + start, *limit = text + end;
  GString *buf = g_string_sized_new (64);
  /* Tokens are written in place and the array grown in steps: appending
   * one at a time costs a call and a copy each. */
  guint n = tokens->len;

  while (p < limit)
    {
      if (!word_char_at (p, limit))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      const char *word = p;
      gboolean ascii, digits_only;
      p = scan_word (p, limit, &ascii, &digits_only);
      /* No word is longer than this; a "word" of megabytes is data, and
       * Unicode normalisation of it would be slow. Both caps fall on a
       * character boundary. */
      gsize len = cap_utf8 (word, (gsize) (p - word), MAX_WORD_BYTES);
      uint32_t hash = fold_word (word, len, ascii, buf);
      uint32_t term = intern_term (lex, buf->str, buf->len, hash);

      if (n == tokens->len)
        g_array_set_size (tokens, MAX (2 * n, 64));
      abridge_token *token = &g_array_index (tokens, abridge_token, n++);
      token->term = term;
      token->stem = g_array_index (lex->term_stem, uint32_t, term);
      token->start = (uint32_t) (word - text);
      token->len = (uint16_t) cap_utf8 (word, (gsize) (p - word), G_MAXUINT16);
      token->flags = 0;
      if (g_array_index (lex->term_stop, guint8, term))
        token->flags |= ABRIDGE_TOKEN_STOP;
      if (digits_only)
        token->flags |= ABRIDGE_TOKEN_NUMBER;
      guchar first = (guchar) *word;
      if (first < 0x80 ? g_ascii_isupper (first)
                       : g_unichar_isupper (g_utf8_get_char (word)))
        token->flags |= ABRIDGE_TOKEN_CAPITALISED;
    }
  g_array_set_size (tokens, n);
  g_string_free (buf, TRUE);
}
