/* Words of a sentence: case folding, stop words, Snowball stems, term ids. */
#include "config.h"
#include "text/tokenize.h"

#include <string.h>

#include "text/lang.h"
#include "text/swar.h"
#include "text/vocab.h"

#define ID_MAP_MIN 512 /* slots: a short article's distinct words; longer ones grow it */
/* News runs at 7-20 bytes of text per distinct word (bbc-dev: 9.8 in the
 * median). Maps sized for one per 6 bytes, kept at most half full, are
 * seldom grown: a fifth of bbc-dev's articles grew both from ID_MAP_MIN,
 * each rehash a pass of unpredictable branches. Bigger texts still grow
 * them. */
#define ID_MAP_MAX_RESERVED 65536
#define BYTES_PER_DISTINCT_WORD 6

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

static void
term_map_init (abr_term_map *m, uint32_t capacity)
{
  m->slots = g_new0 (uint64_t, capacity);
  m->mask = capacity - 1;
}

/* The slot of the folded word FOLDED[0, LEN) with HASH: the one holding
 * its id, or the empty one where it would go. */
static uint64_t *
term_map_slot (const abr_lexicon *lex, const char *folded, gsize len, uint32_t hash)
{
  const abr_term_map *m = &lex->term_ids;
  for (uint32_t i = hash & m->mask;; i = (i + 1) & m->mask)
    {
      uint64_t v = m->slots[i];
      if (v == 0)
        return &m->slots[i];
      uint32_t id = (uint32_t) v - 1;
      if ((uint32_t) (v >> 32) == hash && lex->term_len[id] == len
          && abr_swar_same (lex->terms[id], folded, len))
        return &m->slots[i];
    }
}

/* Records term ID with HASH in SLOT (empty), keeping the map at most half
 * full (the lexicon has N_TERMS terms, ID among them). */
static void
term_map_set (abr_lexicon *lex, uint64_t *slot, uint32_t hash, uint32_t id)
{
  abr_term_map *m = &lex->term_ids;
  *slot = (uint64_t) hash << 32 | ((uint64_t) id + 1);
  if (2 * lex->n_terms <= m->mask + 1)
    return;
  abr_term_map old = *m;
  term_map_init (m, 2 * (old.mask + 1));
  for (uint32_t i = 0; i <= old.mask; i++)
    if (old.slots[i] != 0)
      {
        uint32_t j = (uint32_t) (old.slots[i] >> 32) & m->mask;
        while (m->slots[j] != 0)
          j = (j + 1) & m->mask;
        m->slots[j] = old.slots[i];
      }
  g_free (old.slots);
}

/* A hash of the folded word eight bytes at a time, each chunk read
 * little-endian and the tail zero-padded, the length mixed in: a byte at
 * a time, FNV-1a's multiply per byte was a fifth of tokenizing. Only this
 * file and the vocabulary see it. */
#define HASH_SEED 0x9e3779b97f4a7c15ull
static inline uint64_t
hash_chunk (uint64_t h, uint64_t x)
{
  h = (h ^ x) * 0xff51afd7ed558ccdull;
  return h ^ (h >> 32);
}

static inline uint32_t
hash_finish (uint64_t h)
{
  h ^= h >> 29;
  h *= 0xc4ceb9fe1a85ec53ull;
  return (uint32_t) (h ^ (h >> 32));
}

/* S must be readable 8 bytes past N, as the scratch is: the tail is one
 * masked load, where a loop of its bytes ended in a mispredicted branch. */
static uint32_t
hash_folded (const char *s, gsize n)
{
  uint64_t h = HASH_SEED ^ n;
  gsize i = 0;
  for (; i + 8 <= n; i += 8)
    h = hash_chunk (h, abr_swar_load (s + i));
  if (i < n)
    h = hash_chunk (h, abr_swar_load (s + i) & abr_swar_low_bytes (n - i));
  return hash_finish (h);
}

#define ONES ABR_SWAR_ONES
#define HIGHS ABR_SWAR_HIGHS

void
abr_lexicon_init (abr_lexicon *lex)
{
  abr_lexicon_init_lang (lex, abr_language_english (), 0);
}

/* Room for a news article's distinct words (some 250) from the start:
 * growing from nothing was 4% of the run in reallocations. */
#define LEXICON_RESERVE 384

void
abr_lexicon_init_lang (abr_lexicon *lex, const abr_language *lang, gsize text_len)
{
  memset (lex, 0, sizeof *lex);
  lex->vocab = abr_vocab_acquire (lang);
  uint32_t slots = ID_MAP_MIN;
  gsize words = text_len / BYTES_PER_DISTINCT_WORD;
  while (slots < ID_MAP_MAX_RESERVED && slots < 2 * words)
    slots *= 2;
  term_map_init (&lex->term_ids, slots);
  id_map_init (&lex->stem_ids, slots);
}

void
abr_lexicon_clear (abr_lexicon *lex)
{
  g_clear_pointer (&lex->terms, g_free);
  g_clear_pointer (&lex->term_len, g_free);
  g_clear_pointer (&lex->term_stem, g_free);
  g_clear_pointer (&lex->term_stop, g_free);
  g_clear_pointer (&lex->stems, g_free);
  g_clear_pointer (&lex->stem_idf, g_free);
  g_clear_pointer (&lex->fold, g_free);
  g_clear_pointer (&lex->term_ids.slots, g_free);
  g_clear_pointer (&lex->stem_ids.slots, g_free);
  /* Last: the strings above were its. */
  g_clear_pointer (&lex->vocab, abr_vocab_release);
}

static uint32_t
doc_stem (abr_lexicon *lex, const abr_word_facts *facts)
{
  uint64_t *slot = id_map_slot (&lex->stem_ids, facts->stem);
  if (*slot != 0)
    return (uint32_t) (*slot >> 32);
  uint32_t id = lex->n_stems;
  if (id == lex->stems_cap)
    {
      lex->stems_cap = MAX (LEXICON_RESERVE, 2 * lex->stems_cap);
      lex->stems = g_renew (const char *, lex->stems, lex->stems_cap);
      lex->stem_idf = g_renew (double, lex->stem_idf, lex->stems_cap);
    }
  lex->stems[id] = facts->stem_text;
  lex->stem_idf[id] = facts->idf;
  lex->n_stems++;
  id_map_set (&lex->stem_ids, slot, facts->stem, id);
  return id;
}

/* The document's id of the folded word FOLDED[0, LEN), added on first
 * sight from the vocabulary's facts. */
static uint32_t
intern_term (abr_lexicon *lex, const char *folded, gsize len, uint32_t hash)
{
  uint64_t *slot = term_map_slot (lex, folded, len, hash);
  if (*slot != 0)
    return (uint32_t) *slot - 1;
  const abr_word_facts *facts = abr_vocab_word (lex->vocab, folded, len, hash);
  uint32_t id = lex->n_terms;
  if (id == lex->terms_cap)
    {
      lex->terms_cap = MAX (LEXICON_RESERVE, 2 * lex->terms_cap);
      lex->terms = g_renew (const char *, lex->terms, lex->terms_cap);
      lex->term_len = g_renew (uint16_t, lex->term_len, lex->terms_cap);
      lex->term_stem = g_renew (uint32_t, lex->term_stem, lex->terms_cap);
      lex->term_stop = g_renew (guint8, lex->term_stop, lex->terms_cap);
    }
  lex->terms[id] = facts->word_text;
  lex->term_len[id] = (uint16_t) len;
  lex->term_stop[id] = facts->stop;
  lex->term_stem[id] = doc_stem (lex, facts);
  lex->n_terms++;
  term_map_set (lex, slot, hash, id);
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

/* Room for N more folded bytes at AT in the lexicon's scratch, and 8
 * more: words in it are compared with abr_swar_same(). */
static char *
fold_room (abr_lexicon *lex, gsize at, gsize n)
{
  if (at + n + 8 > lex->fold_cap)
    {
      lex->fold_cap = MAX (2 * lex->fold_cap, at + n + 4096);
      lex->fold = g_realloc (lex->fold, lex->fold_cap);
    }
  return lex->fold + at;
}

/* Case-folds WORD[0, LEN), which holds a character beyond ASCII, into the
 * scratch at AT (NFC, apostrophes as U+0027): returns the folded length. */
static gsize
fold_unicode (abr_lexicon *lex, gsize at, const char *word, gsize len)
{
  char *folded = g_utf8_casefold (word, (gssize) len);
  char *normal = g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
  gsize n = 0;
  /* Never longer than NORMAL: a curly apostrophe's 3 bytes become 1. */
  char *out = fold_room (lex, at, strlen (normal) + 1);
  for (const char *p = normal; *p != '\0';)
    {
      const char *next = g_utf8_next_char (p);
      gunichar c = g_utf8_get_char (p);
      if (c == 0x2019 || c == 0x2018)
        out[n++] = '\'';
      else
        {
          memcpy (out + n, p, (gsize) (next - p));
          n += (gsize) (next - p);
        }
      p = next;
    }
  g_free (normal);
  g_free (folded);
  return n;
}

/* A word scanned, folded and prefetched, waiting to be looked up. */
typedef struct {
  uint32_t start;        /* in the text */
  uint16_t len;          /* in the text */
  uint16_t folded_len;
  uint32_t folded_at;    /* in the lexicon's scratch */
  uint32_t hash;
  gboolean digits_only;
} Pending;

/* Where the ASCII letters and digits from P end within its 8 bytes, when
 * a byte that surely ends a word does (not an apostrophe or period, which
 * may join two parts, and not a byte beyond ASCII, which may be a
 * letter): its index, with LOWER the bytes before it in lower case (the
 * rest zero) and LETTERS the high bits of the letters among them; -1 when
 * the word may go on. A byte from 0x80 up may carry into the bytes after
 * it in the sums; they are past the end. */
static inline int
ascii_end (const char *p, uint64_t *lower, uint64_t *letters)
{
  uint64_t x = abr_swar_load (p);
  uint64_t low = x | ONES * 0x20;
  uint64_t let = abr_swar_bytes_in (low, 'a', 'z');
  uint64_t other = (~(let | abr_swar_bytes_in (x, '0', '9')) | x) & HIGHS;
  if (other == 0)
    return -1;
  unsigned k = (unsigned) __builtin_ctzll (other) / 8;
  guchar end = (guchar) p[k];
  if (end >= 0x80 || end == '\'' || end == '.')
    return -1;
  uint64_t keep = abr_swar_low_bytes (k);
  *lower = low & keep;
  *letters = let & keep;
  return (int) k;
}

/* Scans the word starting at WORD (a word character) into W, its folded
 * text appended to the scratch at AT, and returns its end. ASCII words,
 * most of any news text, are folded as they are scanned; a word with any
 * other character is folded by GLib once its end is known. */
static const char *
scan_word (abr_lexicon *lex, const char *word, const char *limit, gsize at, Pending *w)
{
  const char *p = word;
  gboolean ascii = TRUE, digits_only = TRUE;
  char *out = fold_room (lex, at, MAX_WORD_BYTES + 1);
  gsize n = 0;
  if (p + 8 <= limit)
    {
      /* Most words: fewer than eight ASCII letters and digits, then a
       * byte that ends them. Found, folded and hashed from one load. */
      uint64_t lower, letters;
      int k = ascii_end (p, &lower, &letters);
      if (k > 0)
        {
          uint64_t bytes = GUINT64_TO_LE (lower);
          memcpy (out, &bytes, 8);
          out[k] = '\0';
          w->len = (uint16_t) k;
          w->digits_only = letters == 0;
          w->folded_at = (uint32_t) at;
          w->folded_len = (uint16_t) k;
          w->hash = hash_finish (hash_chunk (HASH_SEED ^ (unsigned) k, lower));
          return p + k;
        }
    }
  /* Runs of eight ASCII letters and digits: their lower case is the byte
   * with 0x20 set, which digits already have. Anything else (a mark
   * inside the word, its end, a byte beyond ASCII) is left to the loop
   * after. */
  while (p + 8 <= limit && n + 8 <= MAX_WORD_BYTES)
    {
      uint64_t x;
      memcpy (&x, p, 8);
      if (x & HIGHS)
        break;
      uint64_t lower = x | ONES * 0x20;
      uint64_t letters = abr_swar_bytes_in (lower, 'a', 'z');
      if ((letters | abr_swar_bytes_in (x, '0', '9')) != HIGHS)
        break;
      if (letters != 0)
        digits_only = FALSE;
      memcpy (out + n, &lower, 8);
      n += 8;
      p += 8;
    }
  if (p + 8 <= limit && n + 8 <= MAX_WORD_BYTES && n > 0)
    {
      /* A long word's last chunk, as a short word is read: a loop of
       * its bytes ended in a mispredicted branch. */
      uint64_t lower, letters;
      int k = ascii_end (p, &lower, &letters);
      if (k >= 0)
        {
          uint64_t bytes = GUINT64_TO_LE (lower);
          memcpy (out + n, &bytes, 8);
          if (letters != 0)
            digits_only = FALSE;
          n += (gsize) k;
          p += k;
          goto folded;
        }
    }
  while (p < limit)
    {
      guchar b = (guchar) *p;
      if (b < 0x80)
        {
          /* Letters by their lower case, without a table or a call: the
           * loop runs for every byte of every word. */
          guchar c = b | 0x20;
          if ((guchar) (c - 'a') < 26)
            digits_only = FALSE;
          else if ((guchar) (b - '0') < 10 || ((b == '\'' || b == '.') && word_char_at (p + 1, limit)))
            c = b;
          else
            break;
          if (ascii && n < MAX_WORD_BYTES)
            out[n++] = (char) c;
          p++;
          continue;
        }
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      if (is_word_char (c))
        {
          ascii = FALSE;
          if (!g_unichar_isdigit (c))
            digits_only = FALSE;
          p = next;
          continue;
        }
      if (c == 0x2019 && word_char_at (next, limit))
        {
          ascii = FALSE;
          p = next;
          continue;
        }
      break;
    }
folded:
  w->len = (uint16_t) cap_utf8 (word, (gsize) (p - word), G_MAXUINT16);
  w->digits_only = digits_only;
  if (!ascii)
    {
      /* No word is longer than this; a "word" of megabytes is data, and
       * Unicode normalisation of it would be slow. Both caps fall on a
       * character boundary. */
      n = fold_unicode (lex, at, word, cap_utf8 (word, (gsize) (p - word), MAX_WORD_BYTES));
      out = lex->fold + at;
    }
  out[n] = '\0';
  w->folded_at = (uint32_t) at;
  w->folded_len = (uint16_t) n;
  w->hash = hash_folded (out, n);
  return p;
}

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
  Pending batch[BATCH_WORDS];
  /* Tokens are written in place and the array grown in steps: appending
   * one at a time costs a call and a copy each. */
  guint n = tokens->len;

  while (p < limit)
    {
      guint k = 0;
      gsize at = 0;
      while (k < BATCH_WORDS && p < limit)
        {
          if (!word_char_at (p, limit))
            {
              p = g_utf8_next_char (p);
              continue;
            }
          const char *word = p;
          Pending *w = &batch[k++];
          p = scan_word (lex, word, limit, at, w);
          w->start = (uint32_t) (word - text);
          at += w->folded_len + 1u;
          abr_vocab_prefetch (lex->vocab, w->hash);
        }
      for (guint i = 0; i < k; i++)
        abr_vocab_prefetch_entry (lex->vocab, batch[i].hash);

      if (n + k > tokens->len)
        g_array_set_size (tokens, n + MAX (k, 64)); /* GArray doubles its room */
      for (guint i = 0; i < k; i++)
        {
          const Pending *w = &batch[i];
          uint32_t term = intern_term (lex, lex->fold + w->folded_at, w->folded_len, w->hash);
          abridge_token *token = &g_array_index (tokens, abridge_token, n++);
          token->term = term;
          token->stem = lex->term_stem[term];
          token->start = w->start;
          token->len = w->len;
          const char *word = text + w->start;
          guchar first = (guchar) *word;
          gboolean upper = first < 0x80 ? g_ascii_isupper (first)
                                        : g_unichar_isupper (g_utf8_get_char (word));
          /* Flags by arithmetic, not branches: whether a word is a stop
           * word or capitalised is a coin toss to the predictor. */
          token->flags = (uint16_t) ((lex->term_stop[term] != 0) * ABRIDGE_TOKEN_STOP
                                     | (w->digits_only != 0) * ABRIDGE_TOKEN_NUMBER
                                     | (upper != 0) * ABRIDGE_TOKEN_CAPITALISED);
        }
    }
  g_array_set_size (tokens, n);
}
