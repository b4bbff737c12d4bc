/* Words of a sentence: case folding, stop words, Snowball stems, term ids. */
#include "config.h"
#include "tokenize.h"

#include <libstemmer.h>
#include <string.h>

#include "data.h"

/* libstemmer's stemmers keep state: one per thread, freed with it. */
static void
stemmer_free (gpointer stemmer)
{
  sb_stemmer_delete (stemmer);
}
static GPrivate thread_stemmer = G_PRIVATE_INIT (stemmer_free);

const char *
abridge_stem (const char *folded, gsize len, gsize *stem_len)
{
  struct sb_stemmer *stemmer = g_private_get (&thread_stemmer);
  if (stemmer == NULL)
    {
      stemmer = sb_stemmer_new ("english", "UTF_8");
      if (stemmer == NULL)
        g_error ("libstemmer has no English UTF-8 stemmer");
      g_private_set (&thread_stemmer, stemmer);
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

void
abridge_lexicon_init (abridge_lexicon *lex)
{
  lex->term_ids = g_hash_table_new (g_str_hash, g_str_equal);
  lex->terms = g_ptr_array_new ();
  lex->term_stem = g_array_new (FALSE, FALSE, sizeof (uint32_t));
  lex->term_stop = g_array_new (FALSE, FALSE, sizeof (guint8));
  lex->stem_ids = g_hash_table_new (g_str_hash, g_str_equal);
  lex->stems = g_ptr_array_new ();
  lex->chunk = g_string_chunk_new (4096);
}

void
abridge_lexicon_clear (abridge_lexicon *lex)
{
  g_clear_pointer (&lex->term_ids, g_hash_table_unref);
  g_clear_pointer (&lex->terms, g_ptr_array_unref);
  g_clear_pointer (&lex->term_stem, g_array_unref);
  g_clear_pointer (&lex->term_stop, g_array_unref);
  g_clear_pointer (&lex->stem_ids, g_hash_table_unref);
  g_clear_pointer (&lex->stems, g_ptr_array_unref);
  g_clear_pointer (&lex->chunk, g_string_chunk_free);
}

static uint32_t
intern_stem (abridge_lexicon *lex, const char *stem)
{
  gpointer found = g_hash_table_lookup (lex->stem_ids, stem);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  char *copy = g_string_chunk_insert (lex->chunk, stem);
  uint32_t id = lex->stems->len;
  g_ptr_array_add (lex->stems, copy);
  g_hash_table_insert (lex->stem_ids, copy, GUINT_TO_POINTER (id + 1));
  return id;
}

/* What a folded word always is, whatever the document: its stem and
 * whether it is a stop word. News vocabularies repeat, so each thread
 * keeps these across documents and Snowball runs once per distinct word;
 * the cache is emptied when it grows past a bound, so a corpus of made-up
 * words cannot exhaust memory. */
typedef struct {
  char *stem;
  guint8 stop;
} WordFacts;

#define WORD_CACHE_MAX 200000

static void
word_facts_free (gpointer data)
{
  WordFacts *facts = data;
  g_free (facts->stem);
  g_free (facts);
}

static void
word_cache_free (gpointer cache)
{
  g_hash_table_unref (cache);
}
static GPrivate thread_words = G_PRIVATE_INIT (word_cache_free);

static const WordFacts *
word_facts (const char *folded, gsize len)
{
  static gsize once = 0;
  static GHashTable *stop_words;
  if (g_once_init_enter (&once))
    {
      stop_words = abridge_data_word_set ("stopwords-en.txt");
      g_once_init_leave (&once, 1);
    }

  GHashTable *cache = g_private_get (&thread_words);
  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, word_facts_free);
      g_private_set (&thread_words, cache);
    }
  WordFacts *facts = g_hash_table_lookup (cache, folded);
  if (facts != NULL)
    return facts;
  if (g_hash_table_size (cache) >= WORD_CACHE_MAX)
    g_hash_table_remove_all (cache);
  gsize stem_len;
  const char *stem = abridge_stem (folded, len, &stem_len);
  facts = g_new (WordFacts, 1);
  facts->stem = g_strndup (stem, stem_len);
  facts->stop = g_hash_table_contains (stop_words, folded);
  g_hash_table_insert (cache, g_strndup (folded, len), facts);
  return facts;
}

static uint32_t
intern_term (abridge_lexicon *lex, const char *folded, gsize len)
{
  gpointer found = g_hash_table_lookup (lex->term_ids, folded);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  char *copy = g_string_chunk_insert_len (lex->chunk, folded, (gssize) len);
  uint32_t id = lex->terms->len;
  g_ptr_array_add (lex->terms, copy);
  g_hash_table_insert (lex->term_ids, copy, GUINT_TO_POINTER (id + 1));

  const WordFacts *facts = word_facts (copy, len);
  guint8 stop = facts->stop;
  g_array_append_val (lex->term_stop, stop);
  uint32_t stem_id = intern_stem (lex, facts->stem);
  g_array_append_val (lex->term_stem, stem_id);
  return id;
}

static gboolean
is_word_char (gunichar c)
{
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
      fold_word (word, (gsize) (p - word), buf);
      uint32_t term = intern_term (lex, buf->str, buf->len);
      abridge_token token = {
        .term = term,
        .stem = g_array_index (lex->term_stem, uint32_t, term),
        .start = (uint32_t) (word - text),
        .len = (uint16_t) MIN ((gsize) (p - word), G_MAXUINT16),
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
