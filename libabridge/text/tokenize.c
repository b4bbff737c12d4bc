/* Words of a sentence: case folding, stop words, Snowball stems, term ids. */
#include "config.h"
#include "text/tokenize.h"

#include <string.h>

#include "text/lang.h"
#include "text/vocab.h"

#define ID_MAP_MIN 512 /* slots: a short article's distinct words; longer ones grow it */

static void
id_map_init (abr_id_map *m, uint32_t capacity)
{
  m->slots = g_new0 (uint64_t, capacity);
  m->mask = capacity - 1;
  m->n = 0;
}

/* The slot of vocabulary id KEY in M: the one holding it, or the empty
 * one where it would go. Fibonacci hashing spreads the dense ids. */
static uint64_t *
id_map_slot (const abr_id_map *m, uint32_t key)
{
  uint64_t tag = (uint64_t) key + 1;
  for (uint32_t i = (key * 2654435769u) & m->mask;; i = (i + 1) & m->mask)
    if (m->slots[i] == 0 || (m->slots[i] & G_MAXUINT32) == tag)
      return &m->slots[i];
}

/* Records ID for KEY in SLOT (from id_map_slot, empty), keeping M at most
 * half full. */
static void
id_map_set (abr_id_map *m, uint64_t *slot, uint32_t key, uint32_t id)
{
  *slot = (uint64_t) id << 32 | ((uint64_t) key + 1);
  if (2 * ++m->n <= m->mask + 1)
    return;
  abr_id_map old = *m;
  id_map_init (m, 2 * (old.mask + 1));
  m->n = old.n;
  for (uint32_t i = 0; i <= old.mask; i++)
    if (old.slots[i] != 0)
      *id_map_slot (m, (uint32_t) (old.slots[i] & G_MAXUINT32) - 1) = old.slots[i];
  g_free (old.slots);
}

/* FNV-1a, fed a byte at a time by the folding loops. */
#define HASH_INIT 2166136261u
#define HASH_STEP(h, byte) (((h) ^ (guchar) (byte)) * 16777619u)

void
abr_lexicon_init (abr_lexicon *lex)
{
  abr_lexicon_init_lang (lex, abr_language_english ());
}

#define LEXICON_RESERVE 384

void
abr_lexicon_init_lang (abr_lexicon *lex, const abr_language *lang)
{
  lex->vocab = abr_vocab_acquire (lang);
  /* Room for a news article's distinct words (some 250) from the start:
   * growing from nothing was 4% of the run in reallocations. */
  lex->terms = g_ptr_array_sized_new (LEXICON_RESERVE);
  lex->term_stem = g_array_sized_new (FALSE, FALSE, sizeof (uint32_t), LEXICON_RESERVE);
  lex->term_stop = g_array_sized_new (FALSE, FALSE, sizeof (guint8), LEXICON_RESERVE);
  lex->stems = g_ptr_array_sized_new (LEXICON_RESERVE);
  lex->stem_idf = g_array_sized_new (FALSE, FALSE, sizeof (double), LEXICON_RESERVE);
  lex->chunk = g_string_chunk_new (4096);
  id_map_init (&lex->word_ids, ID_MAP_MIN);
  id_map_init (&lex->stem_ids, ID_MAP_MIN);
}

void
abr_lexicon_clear (abr_lexicon *lex)
{
  g_clear_pointer (&lex->terms, g_ptr_array_unref);
  g_clear_pointer (&lex->term_stem, g_array_unref);
  g_clear_pointer (&lex->term_stop, g_array_unref);
  g_clear_pointer (&lex->stems, g_ptr_array_unref);
  g_clear_pointer (&lex->stem_idf, g_array_unref);
  g_clear_pointer (&lex->chunk, g_string_chunk_free);
  g_clear_pointer (&lex->vocab, abr_vocab_release);
  g_clear_pointer (&lex->word_ids.slots, g_free);
  g_clear_pointer (&lex->stem_ids.slots, g_free);
}

static uint32_t
doc_stem (abr_lexicon *lex, const abr_word_facts *facts)
{
  uint64_t *slot = id_map_slot (&lex->stem_ids, facts->stem);
  if (*slot != 0)
    return (uint32_t) (*slot >> 32);
  uint32_t id = lex->stems->len;
  /* The document owns its strings: the vocabulary may be replaced. */
  g_ptr_array_add (lex->stems,
                   g_string_chunk_insert_len (lex->chunk, facts->stem_text, facts->stem_len));
  g_array_append_val (lex->stem_idf, facts->idf);
  id_map_set (&lex->stem_ids, slot, facts->stem, id);
  return id;
}

static uint32_t
intern_term (abr_lexicon *lex, const char *folded, gsize len, uint32_t hash)
{
  const abr_word_facts *facts = abr_vocab_word (lex->vocab, folded, len, hash);
  uint64_t *slot = id_map_slot (&lex->word_ids, facts->word);
  if (*slot != 0)
    return (uint32_t) (*slot >> 32);
  uint32_t id = lex->terms->len;
  id_map_set (&lex->word_ids, slot, facts->word, id);
  g_ptr_array_add (lex->terms, g_string_chunk_insert_len (lex->chunk, folded, (gssize) len));
  guint8 stop = facts->stop;
  g_array_append_val (lex->term_stop, stop);
  uint32_t stem = doc_stem (lex, facts);
  g_array_append_val (lex->term_stem, stem);
  return id;
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

/* Appends one word to BUF case-folded (NFC, apostrophes as U+0027) and
 * NUL-terminated, and returns the hash of the folded bytes. */
static uint32_t
fold_word (const char *word, gsize len, gboolean ascii, GString *buf)
{
  uint32_t hash = HASH_INIT;
  gsize at = buf->len;
  if (ascii)
    {
      g_string_set_size (buf, at + len);
      char *out = buf->str + at;
      for (gsize i = 0; i < len; i++)
        {
          /* Not g_ascii_tolower(): a function call per byte. */
          char c = word[i] >= 'A' && word[i] <= 'Z' ? (char) (word[i] + ('a' - 'A')) : word[i];
          out[i] = c;
          hash = HASH_STEP (hash, c);
        }
      return hash;
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
  for (gsize i = at; i < buf->len; i++)
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

/* A word scanned, folded and prefetched, waiting to be looked up. */
typedef struct {
  uint32_t start;        /* in the text */
  uint16_t len;          /* in the text */
  uint16_t folded_len;
  uint32_t folded_at;    /* in the batch's buffer */
  uint32_t hash;
  gboolean digits_only;
} Pending;

/* Words looked up together: the vocabulary is megabytes, so a rare word's
 * slot and entry come from memory. Scanning a batch first and asking for
 * all their slots, then all their entries, lets those fetches overlap
 * instead of each waiting for the last. */
#define BATCH_WORDS 32

void
abr_tokenize (abr_lexicon *lex, const char *text, uint32_t start, uint32_t end,
                  GArray *tokens)
{
  const char *p = text + start, *limit = text + end;
  GString *buf = g_string_sized_new (512);
  Pending batch[BATCH_WORDS];
  /* Tokens are written in place and the array grown in steps: appending
   * one at a time costs a call and a copy each. */
  guint n = tokens->len;

  while (p < limit)
    {
      guint k = 0;
      g_string_truncate (buf, 0);
      while (k < BATCH_WORDS && p < limit)
        {
          if (!word_char_at (p, limit))
            {
              p = g_utf8_next_char (p);
              continue;
            }
          const char *word = p;
          gboolean ascii;
          Pending *w = &batch[k++];
          p = scan_word (p, limit, &ascii, &w->digits_only);
          w->start = (uint32_t) (word - text);
          w->len = (uint16_t) cap_utf8 (word, (gsize) (p - word), G_MAXUINT16);
          /* No word is longer than this; a "word" of megabytes is data,
           * and Unicode normalisation of it would be slow. Both caps fall
           * on a character boundary. */
          gsize len = cap_utf8 (word, (gsize) (p - word), MAX_WORD_BYTES);
          w->folded_at = (uint32_t) buf->len;
          w->hash = fold_word (word, len, ascii, buf);
          w->folded_len = (uint16_t) (buf->len - w->folded_at);
          g_string_append_c (buf, '\0');
          abr_vocab_prefetch (lex->vocab, w->hash);
        }
      for (guint i = 0; i < k; i++)
        abr_vocab_prefetch_entry (lex->vocab, batch[i].hash);

      if (n + k > tokens->len)
        g_array_set_size (tokens, MAX (2 * tokens->len, n + MAX (k, 64)));
      for (guint i = 0; i < k; i++)
        {
          const Pending *w = &batch[i];
          uint32_t term = intern_term (lex, buf->str + w->folded_at, w->folded_len, w->hash);
          abridge_token *token = &g_array_index (tokens, abridge_token, n++);
          token->term = term;
          token->stem = g_array_index (lex->term_stem, uint32_t, term);
          token->start = w->start;
          token->len = w->len;
          token->flags = 0;
          if (g_array_index (lex->term_stop, guint8, term))
            token->flags |= ABRIDGE_TOKEN_STOP;
          if (w->digits_only)
            token->flags |= ABRIDGE_TOKEN_NUMBER;
          const char *word = text + w->start;
          guchar first = (guchar) *word;
          if (first < 0x80 ? g_ascii_isupper (first)
                           : g_unichar_isupper (g_utf8_get_char (word)))
            token->flags |= ABRIDGE_TOKEN_CAPITALISED;
        }
    }
  g_array_set_size (tokens, n);
  g_string_free (buf, TRUE);
}
