/* The English stop-word count of language detection, and the same count
 * read straight from the text: building the letters-only sample and
 * reading it again word by word was most of the detection of an English
 * article, which the count settles. */
#include "config.h"
#include "text/english.h"

#include <string.h>

#include "text/lang.h" /* its constants only: this file calls nothing there */
#include "text/swar.h"

/* The stop words in a hash table of their own, a word of up to eight
 * bytes packed into a number, each at its slot or the next: a lookup is a
 * load, a multiply and two compares, where g_hash_table_contains() cost a
 * hundred instructions a word. The few longer words are compared one by
 * one. Exact: the same words, byte for byte. */
struct abr_stop_table {
  guint mask;
  guint64 *key;         /* packed little-endian, zero-padded; 0: empty */
  const char **longer;  /* NULL-terminated */
};

static guint
slot_of (guint64 x, guint mask)
{
  return (guint) ((x * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 40) & mask;
}

/* WORD[0, N), N at most 8, packed; READABLE bytes may be read from WORD. */
static guint64
pack (const char *word, gsize n, gsize readable)
{
  if (readable >= 8)
    return abr_swar_load (word) & abr_swar_low_bytes (n);
  guint64 x = 0;
  for (gsize i = 0; i < n; i++)
    x |= (guint64) (guchar) word[i] << (8 * i);
  return x;
}

/* Places X at its slot or the next one, or answers FALSE. */
static gboolean
place (abr_stop_table *t, guint64 x)
{
  for (guint k = 0; k < 2; k++)
    {
      guint slot = (slot_of (x, t->mask) + k) & t->mask;
      if (t->key[slot] == 0)
        {
          t->key[slot] = x;
          return TRUE;
        }
    }
  return FALSE;
}

abr_stop_table *
abr_stop_table_new (GHashTable *stop)
{
  abr_stop_table *table = g_new (abr_stop_table, 1);
  GPtrArray *longer = g_ptr_array_new ();
  GArray *packed = g_array_new (FALSE, FALSE, sizeof (guint64));
  GHashTableIter iter;
  gpointer word;
  g_hash_table_iter_init (&iter, stop);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    {
      gsize n = strlen (word);
      if (n == 0 || n >= ABR_ENGLISH_STOP_MAX)
        continue; /* never asked for */
      if (n > 8)
        g_ptr_array_add (longer, word);
      else
        {
          guint64 x = pack (word, n, n);
          g_array_append_val (packed, x);
        }
    }
  /* Every word at its slot or the next: a lookup reads both and branches
   * on neither (stop word or not is a coin toss to the predictor). */
  guint size = 64;
  while (size < 4 * packed->len)
    size *= 2;
  for (table->key = NULL;; size *= 2)
    {
      g_free (table->key);
      table->key = g_new0 (guint64, size);
      table->mask = size - 1;
      guint i = 0;
      while (i < packed->len && place (table, g_array_index (packed, guint64, i)))
        i++;
      if (i == packed->len)
        break;
    }
  g_array_free (packed, TRUE);
  g_ptr_array_add (longer, NULL);
  table->longer = (const char **) g_ptr_array_free (longer, FALSE);
  return table;
}

void
abr_stop_table_free (abr_stop_table *t)
{
  if (t == NULL)
    return;
  g_free (t->key);
  g_free (t->longer);
  g_free (t);
}

gboolean
abr_english_stop_word (const abr_stop_table *t, const char *word, gsize n, gsize readable)
{
  if (n > 8)
    {
      for (const char **w = t->longer; *w != NULL; w++)
        if (strlen (*w) == n && g_ascii_strncasecmp (*w, word, n) == 0)
          return TRUE;
      return FALSE;
    }
  /* Letters only: setting 0x20 is their lower case. */
  guint64 x = pack (word, n, readable) | (ABR_SWAR_ONES * 0x20 & abr_swar_low_bytes (n));
  guint slot = slot_of (x, t->mask);
  return (t->key[slot] == x) | (t->key[(slot + 1) & t->mask] == x);
}

/* Stop-word counts as obviously English counts them. */
typedef struct {
  guint words, stops;
  gboolean early; /* settled by the first ABR_ENGLISH_EARLY_WORDS */
} Count;

/* A word with a letter past ASCII is looked up too: no stop word has
 * one, and the lookup's lower case (0x20 set) keeps such a byte past
 * ASCII, so it never matches. */
static void
count_word (Count *c, const abr_stop_table *t, const char *word, gsize n, gsize readable)
{
  c->words++;
  if (n < ABR_ENGLISH_STOP_MAX)
    c->stops += abr_english_stop_word (t, word, n, readable);
  if (c->words == ABR_ENGLISH_EARLY_WORDS
      && c->stops >= ABR_ENGLISH_EARLY_SHARE * ABR_ENGLISH_EARLY_WORDS)
    c->early = TRUE;
}

/* The high bit of each byte of X (ASCII) that is a letter. */
static inline guint64
letters_of (guint64 x)
{
  return abr_swar_bytes_in (x | ABR_SWAR_ONES * 0x20, 'a', 'z');
}

/* How many bytes of X have their high bit set (X holds no other bits):
 * the bits moved to each byte's bottom and summed into the top byte by
 * one multiply. __builtin_popcountll() is a call without -mpopcnt. */
static inline gsize
high_bits (guint64 x)
{
  return (gsize) (((x >> 7) * ABR_SWAR_ONES) >> 56);
}

/* How many ASCII letters P starts with, at most MAX, eight bytes at a
 * time; P may be read up to END. */
static gsize
ascii_letters_at (const char *p, const char *end, gsize max)
{
  gsize run = 0;
  while (run < max)
    {
      if (end - (p + run) < 8)
        {
          while (run < max && p + run < end && g_ascii_isalpha (p[run]))
            run++;
          return run;
        }
      guint64 x = abr_swar_load (p + run);
      /* A byte from 0x80 up is no letter; what it carries into the
       * bytes after it does not matter, they are past the run. */
      guint64 other = ~(letters_of (x) & ~x) & ABR_SWAR_HIGHS;
      if (other != 0)
        return MIN (max, run + (gsize) __builtin_ctzll (other) / 8);
      run += 8;
    }
  return max;
}

/* The sample of lang.c's letters_read() is the text's letters with one
 * space for each run of other characters that follows a letter. This
 * follows it (the sample's length N, whether it ends in a space): word by
 * word while words are counted, then eight ASCII bytes at a time once the
 * count has settled. */
abr_english_answer
abr_english_settled (const abr_stop_table *t, const char *text, gsize len)
{
  const char *p = text, *end = text + len, *word = text;
  gsize n = 0;
  gboolean space = TRUE;
  Count c = { 0, 0, FALSE };
  while (p < end && n < ABR_DETECT_MAX_BYTES)
    {
      if (c.early && end - p >= 8 && n + 8 < ABR_DETECT_MAX_BYTES)
        {
          guint64 x = abr_swar_load (p);
          if ((x & ABR_SWAR_HIGHS) == 0)
            {
              guint64 letters = letters_of (x);
              /* A space for each other byte right after a letter. */
              guint64 after_letter = (letters << 8) | (space ? 0 : 0x80);
              guint64 spaces = ~letters & ABR_SWAR_HIGHS & after_letter;
              n += high_bits (letters) + high_bits (spaces);
              space = !(letters >> 63);
              p += 8;
              continue;
            }
        }
      guchar b = (guchar) *p;
      if (b < 0x80 && g_ascii_isalpha (b))
        {
          if (space)
            word = p;
          space = FALSE;
          gsize run = ascii_letters_at (p, end, ABR_DETECT_MAX_BYTES - n);
          n += run;
          p += run;
          continue;
        }
      gsize step = 1;
      gboolean letter = FALSE;
      if (b >= 0x80)
        {
          gunichar ch = g_utf8_get_char_validated (p, end - p);
          if (ch == (gunichar) -1 || ch == (gunichar) -2)
            return ABR_ENGLISH_UNDECIDED;
          step = (gsize) (g_utf8_next_char (p) - p);
          letter = g_unichar_isalpha (ch) || g_unichar_ismark (ch);
          if (letter && ch >= 0x250 && g_unichar_isalpha (ch)
              && g_unichar_get_script (ch) != G_UNICODE_SCRIPT_LATIN)
            return ABR_ENGLISH_UNDECIDED;
        }
      if (letter)
        {
          if (space)
            word = p;
          space = FALSE;
          n += step;
        }
      else if (!space)
        {
          if (!c.early)
            count_word (&c, t, word, (gsize) (p - word), (gsize) (end - word));
          space = TRUE;
          n++;
        }
      p += step;
    }
  /* The sample ends in a word: it counts too. */
  if (!space && !c.early)
    count_word (&c, t, word, (gsize) (p - word), (gsize) (end - word));
  gboolean obvious = c.early
                     || (c.words >= ABR_ENGLISH_MIN_WORDS && c.stops >= ABR_ENGLISH_STOP_SHARE * c.words);
  /* No letter of another script: mostly Latin is long enough. */
  return obvious && n >= ABR_DETECT_MIN_BYTES ? ABR_ENGLISH_SETTLED : ABR_ENGLISH_NOT_BY_COUNT;
}
