/* Words of a sentence: case folding, stop words, Snowball stems, term ids. */
#include "config.h"
#include "tokenize.h"

#include <libstemmer.h>
#include <string.h>

#include "data.h"
#include "idf.h"
#include "lang.h"

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

/* What a folded word always is, whatever the document: its stem and
 * whether it is a stop word. News vocabularies repeat, so each thread
 * keeps these across documents (Snowball runs once per distinct word) and
 * gives each word and stem a thread-wide id; a document then maps those
 * ids to its own with two arrays stamped by a generation number, with no
 * hashing beyond the one lookup per token. The vocabulary is emptied
 * between documents when it grows past a bound, so a corpus of made-up
 * words cannot exhaust memory. */
typedef struct {
  uint32_t word; /* thread-wide ids */
  uint32_t stem;
  guint8 stop;
} WordFacts;

typedef struct {
  GHashTable *words;  /* folded word -> WordFacts* */
  GHashTable *stems;  /* stem -> id + 1 */
  GPtrArray *stem_text;
  GArray *stem_idf;   /* per stem id: its background idf (idf.h) */
  GArray *word_doc, *word_stamp; /* per word id: the document's id, valid if stamped */
  GArray *stem_doc, *stem_stamp;
  uint32_t generation;
  const abridge_language *lang; /* one vocabulary per language */
  GHashTable *stop_words;
} Vocab;

#define VOCAB_MAX_WORDS 200000

static void
vocab_free (gpointer data)
{
  Vocab *v = data;
  g_hash_table_unref (v->words);
  g_hash_table_unref (v->stems);
  g_ptr_array_unref (v->stem_text);
  g_array_unref (v->stem_idf);
  g_array_unref (v->word_doc);
  g_array_unref (v->word_stamp);
  g_array_unref (v->stem_doc);
  g_array_unref (v->stem_stamp);
  g_free (v);
}

typedef struct {
  Vocab *vocab[ABRIDGE_N_LANGUAGES];
} Vocabs;

static void
vocabs_free (gpointer data)
{
  Vocabs *all = data;
  for (guint i = 0; i < ABRIDGE_N_LANGUAGES; i++)
    if (all->vocab[i] != NULL)
      vocab_free (all->vocab[i]);
  g_free (all);
}
static GPrivate thread_vocab = G_PRIVATE_INIT (vocabs_free);

static void
vocab_reset (Vocab *v)
{
  g_hash_table_remove_all (v->words);
  g_hash_table_remove_all (v->stems);
  g_ptr_array_set_size (v->stem_text, 0);
  g_array_set_size (v->stem_idf, 0);
  g_array_set_size (v->word_doc, 0);
  g_array_set_size (v->word_stamp, 0);
  g_array_set_size (v->stem_doc, 0);
  g_array_set_size (v->stem_stamp, 0);
  v->generation = 0;
}

static Vocab *
thread_vocabulary (const abridge_language *lang)
{
  Vocabs *all = g_private_get (&thread_vocab);
  if (all == NULL)
    {
      all = g_new0 (Vocabs, 1);
      g_private_set (&thread_vocab, all);
    }
  Vocab *v = all->vocab[lang->index];
  if (v == NULL)
    {
      v = g_new0 (Vocab, 1);
      v->lang = lang;
      v->stop_words = abridge_language_stopwords (lang);
      v->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      v->stems = g_hash_table_new (g_str_hash, g_str_equal);
      v->stem_text = g_ptr_array_new_with_free_func (g_free);
      v->stem_idf = g_array_new (FALSE, FALSE, sizeof (double));
      v->word_doc = g_array_new (FALSE, FALSE, sizeof (uint32_t));
      v->word_stamp = g_array_new (FALSE, TRUE, sizeof (uint32_t));
      v->stem_doc = g_array_new (FALSE, FALSE, sizeof (uint32_t));
      v->stem_stamp = g_array_new (FALSE, TRUE, sizeof (uint32_t));
      all->vocab[lang->index] = v;
    }
  return v;
}

static const WordFacts *
word_facts (Vocab *v, const char *folded, gsize len)
{
  WordFacts *facts = g_hash_table_lookup (v->words, folded);
  if (facts != NULL)
    return facts;
  gsize stem_len;
  const char *stem = abridge_stem_lang (v->lang, folded, len, &stem_len);
  char *stem_copy = g_strndup (stem, stem_len);
  facts = g_new (WordFacts, 1);
  facts->word = g_hash_table_size (v->words);
  facts->stop = g_hash_table_contains (v->stop_words, folded);
  gpointer stem_id = g_hash_table_lookup (v->stems, stem_copy);
  if (stem_id != NULL)
    {
      facts->stem = GPOINTER_TO_UINT (stem_id) - 1;
      g_free (stem_copy);
    }
  else
    {
      facts->stem = v->stem_text->len;
      g_ptr_array_add (v->stem_text, stem_copy);
      /* The background table is English: elsewhere every stem weighs 1
       * (plain term frequency; see abridge_document_background_idf). */
      double idf = v->lang == abridge_language_english () ? abridge_idf (stem_copy) : 1.0;
      g_array_append_val (v->stem_idf, idf);
      g_hash_table_insert (v->stems, stem_copy, GUINT_TO_POINTER (facts->stem + 1));
      g_array_set_size (v->stem_doc, v->stem_text->len);
      g_array_set_size (v->stem_stamp, v->stem_text->len);
    }
  g_hash_table_insert (v->words, g_strndup (folded, len), facts);
  g_array_set_size (v->word_doc, facts->word + 1);
  g_array_set_size (v->word_stamp, facts->word + 1);
  return facts;
}

void
abridge_lexicon_init (abridge_lexicon *lex)
{
  abridge_lexicon_init_lang (lex, abridge_language_english ());
}

void
abridge_lexicon_init_lang (abridge_lexicon *lex, const abridge_language *lang)
{
  Vocab *v = thread_vocabulary (lang);
  if (g_hash_table_size (v->words) > VOCAB_MAX_WORDS || v->generation == G_MAXUINT32)
    vocab_reset (v);
  lex->vocab = v;
  lex->generation = ++v->generation;
  lex->terms = g_ptr_array_new ();
  lex->term_stem = g_array_new (FALSE, FALSE, sizeof (uint32_t));
  lex->term_stop = g_array_new (FALSE, FALSE, sizeof (guint8));
  lex->stems = g_ptr_array_new ();
  lex->stem_idf = g_array_new (FALSE, FALSE, sizeof (double));
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
  lex->vocab = NULL;
}

static uint32_t
doc_stem (abridge_lexicon *lex, Vocab *v, uint32_t gid)
{
  uint32_t *stamp = &g_array_index (v->stem_stamp, uint32_t, gid);
  uint32_t *id = &g_array_index (v->stem_doc, uint32_t, gid);
  if (*stamp != lex->generation)
    {
      *stamp = lex->generation;
      *id = lex->stems->len;
      /* The document owns its strings: the vocabulary may be emptied. */
      g_ptr_array_add (lex->stems, g_string_chunk_insert (lex->chunk, v->stem_text->pdata[gid]));
      g_array_append_val (lex->stem_idf, g_array_index (v->stem_idf, double, gid));
    }
  return *id;
}

static uint32_t
intern_term (abridge_lexicon *lex, const char *folded, gsize len)
{
  Vocab *v = lex->vocab;
  const WordFacts *facts = word_facts (v, folded, len);
  uint32_t *stamp = &g_array_index (v->word_stamp, uint32_t, facts->word);
  uint32_t *id = &g_array_index (v->word_doc, uint32_t, facts->word);
  if (*stamp == lex->generation)
    return *id;
  *stamp = lex->generation;
  *id = lex->terms->len;
  g_ptr_array_add (lex->terms, g_string_chunk_insert_len (lex->chunk, folded, (gssize) len));
  guint8 stop = facts->stop;
  g_array_append_val (lex->term_stop, stop);
  uint32_t stem = doc_stem (lex, v, facts->stem);
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

static gunichar
char_at (const char *p, const char *end)
{
  if (p >= end)
    return 0;
  if ((guchar) *p < 0x80)
    return (guchar) *p;
  return g_utf8_get_char (p);
}

/* Case-folds one word into BUF (NFC, apostrophes as U+0027). */
static void
fold_word (const char *word, gsize len, GString *buf)
{
  g_string_truncate (buf, 0);
  gboolean ascii = TRUE;
  for (gsize i = 0; i < len; i++)
    if ((guchar) word[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }
  if (ascii)
    {
      for (gsize i = 0; i < len; i++)
        g_string_append_c (buf, g_ascii_tolower (word[i]));
      return;
    }
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

static gboolean
is_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == '.';
}

void
abridge_tokenize (abridge_lexicon *lex, const char *text, uint32_t start, uint32_t end,
                  GArray *tokens)
{
  const char *p = text + start, *limit = text + end;
  GString *buf = g_string_sized_new (64);

  while (p < limit)
    {
      gunichar c = char_at (p, limit);
      if (!is_word_char (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      const char *word = p;
      gboolean digits_only = TRUE;
      while (p < limit)
        {
          c = char_at (p, limit);
          if (is_word_char (c))
            {
              if (!g_unichar_isdigit (c))
                digits_only = FALSE;
              p = g_utf8_next_char (p);
              continue;
            }
          const char *next = g_utf8_next_char (p);
          if (is_joiner (c) && next < limit && is_word_char (char_at (next, limit)))
            {
              p = next;
              continue;
            }
          break;
        }
      /* No word is longer than this; a "word" of megabytes is data, and
       * Unicode normalisation of it would be slow. Both caps fall on a
       * character boundary. */
      gsize len = cap_utf8 (word, (gsize) (p - word), MAX_WORD_BYTES);
      fold_word (word, len, buf);
      uint32_t term = intern_term (lex, buf->str, buf->len);
      abridge_token token = {
        .term = term,
        .stem = g_array_index (lex->term_stem, uint32_t, term),
        .start = (uint32_t) (word - text),
        .len = (uint16_t) cap_utf8 (word, (gsize) (p - word), G_MAXUINT16),
        .flags = 0,
      };
      if (g_array_index (lex->term_stop, guint8, term))
        token.flags |= ABRIDGE_TOKEN_STOP;
      if (digits_only)
        token.flags |= ABRIDGE_TOKEN_NUMBER;
      if (g_unichar_isupper (g_utf8_get_char (word)))
        token.flags |= ABRIDGE_TOKEN_CAPITALISED;
      g_array_append_val (tokens, token);
    }
  g_string_free (buf, TRUE);
}
