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
 * keeps these across documents (Snowball runs once per distinct word), one
 * vocabulary per language, and gives each word and stem a thread-wide id;
 * a document then maps those ids to its own with two arrays stamped by a
 * generation number, with no hashing beyond the one lookup per token.
 * That lookup is the hottest step of document building, so the word table
 * is an open-addressing table keyed by the folded bytes and a hash
 * computed while folding (no NUL-terminated copy, no second pass over the
 * word). The vocabulary is emptied between documents when it grows past a
 * bound, so a corpus of made-up words cannot exhaust memory. */
typedef struct {
  uint32_t word; /* thread-wide ids */
  uint32_t stem;
  guint8 stop;
} WordFacts;

typedef struct {
  const char *key; /* folded word, in Vocab.keys; NULL: empty slot */
  uint32_t hash;
  uint32_t len;
  WordFacts facts;
} WordSlot;

typedef struct {
  WordSlot *slots;
  uint32_t mask;      /* capacity - 1, capacity a power of two */
  uint32_t n_words;
  GStringChunk *keys;
  GHashTable *stems;  /* stem -> id + 1 */
  GPtrArray *stem_text;
  GArray *stem_idf;   /* per stem id: its background idf (idf.h) */
  GArray *word_doc, *word_stamp; /* per word id: the document's id, valid if stamped */
  GArray *stem_doc, *stem_stamp;
  uint32_t generation;
  const abridge_language *lang;
  GHashTable *stop_words;
} Vocab;

#define VOCAB_MAX_WORDS 200000
#define VOCAB_MIN_SLOTS 4096

static void
vocab_free (Vocab *v)
{
  g_free (v->slots);
  g_string_chunk_free (v->keys);
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
  g_free (v->slots);
  v->slots = g_new0 (WordSlot, VOCAB_MIN_SLOTS);
  v->mask = VOCAB_MIN_SLOTS - 1;
  v->n_words = 0;
  g_string_chunk_clear (v->keys);
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
      v->keys = g_string_chunk_new (64 * 1024);
      v->stems = g_hash_table_new (g_str_hash, g_str_equal);
      v->stem_text = g_ptr_array_new_with_free_func (g_free);
      v->stem_idf = g_array_new (FALSE, FALSE, sizeof (double));
      v->word_doc = g_array_new (FALSE, FALSE, sizeof (uint32_t));
      v->word_stamp = g_array_new (FALSE, TRUE, sizeof (uint32_t));
      v->stem_doc = g_array_new (FALSE, FALSE, sizeof (uint32_t));
      v->stem_stamp = g_array_new (FALSE, TRUE, sizeof (uint32_t));
      vocab_reset (v);
      all->vocab[lang->index] = v;
    }
  return v;
}

/* FNV-1a, fed a byte at a time by the folding loops. */
#define HASH_INIT 2166136261u
#define HASH_STEP(h, byte) (((h) ^ (guchar) (byte)) * 16777619u)

static void
vocab_grow (Vocab *v)
{
  uint32_t capacity = 2 * (v->mask + 1);
  WordSlot *slots = g_new0 (WordSlot, capacity);
  for (uint32_t i = 0; i <= v->mask; i++)
    {
      WordSlot *old = &v->slots[i];
      if (old->key == NULL)
        continue;
      uint32_t j = old->hash & (capacity - 1);
      while (slots[j].key != NULL)
        j = (j + 1) & (capacity - 1);
      slots[j] = *old;
    }
  g_free (v->slots);
  v->slots = slots;
  v->mask = capacity - 1;
}

static uint32_t
stem_id (Vocab *v, const char *folded, gsize len)
{
  gsize stem_len;
  const char *stem = abridge_stem_lang (v->lang, folded, len, &stem_len);
  char *stem_copy = g_strndup (stem, stem_len);
  gpointer found = g_hash_table_lookup (v->stems, stem_copy);
  if (found != NULL)
    {
      g_free (stem_copy);
      return GPOINTER_TO_UINT (found) - 1;
    }
  uint32_t id = v->stem_text->len;
  g_ptr_array_add (v->stem_text, stem_copy);
  /* The background table is English: elsewhere every stem weighs 1
   * (plain term frequency; see abridge_document_background_idf). */
  double idf = v->lang == abridge_language_english () ? abridge_idf (stem_copy) : 1.0;
  g_array_append_val (v->stem_idf, idf);
  g_hash_table_insert (v->stems, stem_copy, GUINT_TO_POINTER (id + 1));
  g_array_set_size (v->stem_doc, v->stem_text->len);
  g_array_set_size (v->stem_stamp, v->stem_text->len);
  return id;
}

/* FOLDED is NUL-terminated at LEN (the stop-word set needs that). */
static const WordFacts *
word_facts (Vocab *v, const char *folded, gsize len, uint32_t hash)
{
  uint32_t i = hash & v->mask;
  for (;; i = (i + 1) & v->mask)
    {
      WordSlot *slot = &v->slots[i];
      if (slot->key == NULL)
        break;
      if (slot->hash == hash && slot->len == len && memcmp (slot->key, folded, len) == 0)
        return &slot->facts;
    }

  /* At most half full, so probes stay short. */
  if (2 * (v->n_words + 1) > v->mask + 1)
    {
      vocab_grow (v);
      for (i = hash & v->mask; v->slots[i].key != NULL; i = (i + 1) & v->mask)
        ;
    }
  WordSlot *slot = &v->slots[i];
  slot->key = g_string_chunk_insert_len (v->keys, folded, (gssize) len);
  slot->hash = hash;
  slot->len = (uint32_t) len;
  slot->facts.word = v->n_words++;
  slot->facts.stop = g_hash_table_contains (v->stop_words, folded);
  slot->facts.stem = stem_id (v, folded, len);
  g_array_set_size (v->word_doc, v->n_words);
  g_array_set_size (v->word_stamp, v->n_words);
  return &slot->facts;
}

void
abridge_lexicon_init (abridge_lexicon *lex)
{
  abridge_lexicon_init_lang (lex, abridge_language_english ());
}

#define LEXICON_RESERVE 384

void
abridge_lexicon_init_lang (abridge_lexicon *lex, const abridge_language *lang)
{
  Vocab *v = thread_vocabulary (lang);
  if (v->n_words > VOCAB_MAX_WORDS || v->generation == G_MAXUINT32)
    vocab_reset (v);
  lex->vocab = v;
  lex->generation = ++v->generation;
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
intern_term (abridge_lexicon *lex, const char *folded, gsize len, uint32_t hash)
{
  Vocab *v = lex->vocab;
  const WordFacts *facts = word_facts (v, folded, len, hash);
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
