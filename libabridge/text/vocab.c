/* One vocabulary per language for the whole process. With one per
 * thread, every batch worker stemmed the corpus's words and looked up
 * their IDF again, and held a copy of the vocabulary (some 4 MiB for a
 * news corpus, per core). Finding a known word is the hottest step of
 * building a document, so it takes no lock: the table is open addressing
 * over entries that never change once a slot points to them (the pointer
 * is stored last, atomically), and a table that fills up is replaced by
 * one twice its size while readers may still probe the old, which is kept
 * until the vocabulary is freed (the old tables together are smaller than
 * the current one). Adding a word takes the lock, with the stem computed
 * before it so that threads do not wait on Snowball. */
#include "config.h"
#include "text/vocab.h"

#include <string.h>

#include "text/idf.h"
#include "text/swar.h"
#include "text/stem.h"

/* A vocabulary past this many words is replaced by a new one at the next
 * acquire (the words of one document are always added). */
#define MAX_WORDS 200000
#define MIN_SLOTS 4096
/* Tables are made ahead of need up to this size, which holds MAX_WORDS at
 * half full: a vocabulary is replaced rather than grown past it, except
 * by one enormous document. */
#define SPARE_MAX_SLOTS (1u << 19)
G_STATIC_ASSERT (SPARE_MAX_SLOTS >= 2 * MAX_WORDS);
#define BLOCK_BYTES (64 * 1024)

typedef struct {
  abr_word_facts *entry; /* NULL: empty; stored last */
  uint32_t hash;
} Slot;

typedef struct {
  Slot *slots;
  uint32_t mask; /* capacity - 1, a power of two */
} Table;

struct abr_vocab {
  /* Read by every lookup. */
  Table *table;             /* the current one, read without the lock */
  const abr_language *lang;
  GHashTable *stop_words;   /* read-only, the language's */
  /* Written by every addition and document: on a cache line of their own,
   * or each write on one core would evict the table pointer from the
   * other's cache. */
  char apart[64];
  gatomicrefcount refs;
  gint n_words;             /* written under the lock, read anywhere (atomic) */
  Table *spare;             /* the next table, made outside the lock (atomic; prepare_growth) */
  gint making_spare;        /* a thread is making it (atomic): one at a time */
  GMutex lock;              /* taken to add a word; guards what follows */
  uint32_t n_stems;
  GHashTable *stems;        /* stem text (the entry's) -> the first entry with that stem */
  GPtrArray *old_tables;
  GPtrArray *blocks;        /* the entries' memory */
  char *next;
  gsize left;
};

/* An empty table of CAPACITY slots with its pages touched: the page
 * faults happen here, not later under the lock. */
static Table *
table_new (uint32_t capacity)
{
  Table *t = g_new (Table, 1);
  t->slots = g_new (Slot, capacity);
  memset (t->slots, 0, capacity * sizeof (Slot));
  t->mask = capacity - 1;
  return t;
}

static void
table_free (gpointer data)
{
  Table *t = data;
  g_free (t->slots);
  g_free (t);
}

/* Called with the lock held. */
static Table *
grow (abr_vocab *v)
{
  Table *old = v->table;
  uint32_t capacity = old != NULL ? 2 * (old->mask + 1) : MIN_SLOTS;
  Table *t = g_atomic_pointer_exchange (&v->spare, NULL);
  if (t != NULL && t->mask + 1 != capacity)
    g_clear_pointer (&t, table_free); /* made for a table since replaced */
  if (t == NULL)
    t = table_new (capacity);
  for (uint32_t i = 0; old != NULL && i <= old->mask; i++)
    if (old->slots[i].entry != NULL)
      {
        uint32_t j = old->slots[i].hash & t->mask;
        while (t->slots[j].entry != NULL)
          j = (j + 1) & t->mask;
        t->slots[j] = old->slots[i];
      }
  g_atomic_pointer_set (&v->table, t);
  if (old != NULL)
    g_ptr_array_add (v->old_tables, old);
  return t;
}

static abr_vocab *
vocab_new (const abr_language *lang)
{
  abr_vocab *v = g_new0 (abr_vocab, 1);
  g_atomic_ref_count_init (&v->refs);
  g_mutex_init (&v->lock);
  v->lang = lang;
  v->stop_words = abr_language_stopwords (lang);
  v->stems = g_hash_table_new (g_str_hash, g_str_equal);
  v->old_tables = g_ptr_array_new_with_free_func (table_free);
  v->blocks = g_ptr_array_new_with_free_func (g_free);
  grow (v);
  return v;
}

void
abr_vocab_release (abr_vocab *v)
{
  if (v == NULL || !g_atomic_ref_count_dec (&v->refs))
    return;
  table_free (v->table);
  g_clear_pointer (&v->spare, table_free);
  g_ptr_array_unref (v->old_tables);
  g_ptr_array_unref (v->blocks);
  g_hash_table_unref (v->stems);
  g_mutex_clear (&v->lock);
  g_free (v);
}

static abr_vocab *current[ABR_N_LANGUAGES];
static GMutex current_lock;

abr_vocab *
abr_vocab_acquire (const abr_language *lang)
{
  g_mutex_lock (&current_lock);
  abr_vocab *v = current[lang->index];
  if (v != NULL)
    {
      if (g_atomic_int_get (&v->n_words) > MAX_WORDS)
        {
          abr_vocab_release (v); /* the reference current[] held */
          v = NULL;
        }
    }
  if (v == NULL)
    v = current[lang->index] = vocab_new (lang);
  g_atomic_ref_count_inc (&v->refs);
  g_mutex_unlock (&current_lock);
  return v;
}

/* The entry of the word in T, or NULL and in *EMPTY the slot it would take. */
static abr_word_facts *
find (Table *t, const char *folded, gsize len, uint32_t hash, uint32_t *empty)
{
  for (uint32_t i = hash & t->mask;; i = (i + 1) & t->mask)
    {
      abr_word_facts *e = g_atomic_pointer_get (&t->slots[i].entry);
      if (e == NULL)
        {
          *empty = i;
          return NULL;
        }
      if (t->slots[i].hash == hash && e->len == len && abr_swar_same (e->word_text, folded, len))
        return e;
    }
}

/* Room for an entry with TEXT_BYTES of text, from the vocabulary's blocks
 * (one allocation per 64 KiB, not per word), and 8 bytes more: its word
 * is compared with abr_swar_same(). */
static abr_word_facts *
entry_new (abr_vocab *v, gsize text_bytes)
{
  gsize size = (sizeof (abr_word_facts) + text_bytes + 8 + 7) & ~(gsize) 7;
  if (size > v->left)
    {
      gsize block = MAX (BLOCK_BYTES, size);
      v->next = g_malloc (block);
      v->left = block;
      g_ptr_array_add (v->blocks, v->next);
    }
  abr_word_facts *e = (abr_word_facts *) (void *) v->next;
  v->next += size;
  v->left -= size;
  return e;
}

/* Once the table is 3/8 full, makes the one that will replace it at 1/2,
 * outside the lock: made under it, its page faults (12 us each on a VM,
 * 256 for a table of 64k slots) were 10 ms a run that every other adding
 * thread waited for. */
static void
prepare_growth (abr_vocab *v)
{
  Table *t = g_atomic_pointer_get (&v->table);
  guint64 words = (guint64) g_atomic_int_get (&v->n_words);
  if (8 * words < 3 * ((guint64) t->mask + 1) || 2 * ((guint64) t->mask + 1) > SPARE_MAX_SLOTS
      || g_atomic_pointer_get (&v->spare) != NULL
      || !g_atomic_int_compare_and_exchange (&v->making_spare, FALSE, TRUE))
    return;
  /* Only this thread sets the spare, and grow() only takes it. */
  g_atomic_pointer_set (&v->spare, table_new (2 * (t->mask + 1)));
  g_atomic_int_set (&v->making_spare, FALSE);
}

/* Takes the lock, which is held about a microsecond at a time: sleeping on
 * it (a futex wait and a wake-up, some 15 us on a VM) cost more than the
 * wait, two thousand times a run with two threads adding words, so it is
 * tried for a while first, as glibc's adaptive mutexes do. */
static void
lock_to_add (GMutex *lock)
{
  for (int i = 0; i < 100; i++)
    {
      if (g_mutex_trylock (lock))
        return;
#if defined(__x86_64__) || defined(__i386__)
      __builtin_ia32_pause ();
#endif
    }
  g_mutex_lock (lock);
}

static abr_word_facts *
add (abr_vocab *v, const char *folded, gsize len, uint32_t hash)
{
  /* What needs no lock is worked out before taking it, so that the other
   * adding threads wait less. */
  gsize stem_len;
  const char *stem = abr_stem_lang (v->lang, folded, len, &stem_len);
  char *stem_copy = g_strndup (stem, stem_len);
  guint8 stop = g_hash_table_contains (v->stop_words, folded);
  /* The background table is English: elsewhere every stem weighs 1
   * (plain term frequency; see abridge_document_background_idf). */
  double idf = v->lang == abr_language_english () ? abr_idf (stem_copy) : 1.0;
  prepare_growth (v);

  lock_to_add (&v->lock);
  uint32_t i;
  abr_word_facts *e = find (v->table, folded, len, hash, &i); /* added meanwhile? */
  if (e == NULL)
    {
      /* At most half full, so probes stay short. */
      uint32_t n = (uint32_t) v->n_words;
      if (2 * (n + 1) > v->table->mask + 1)
        find (grow (v), folded, len, hash, &i);
      e = entry_new (v, len + 1 + stem_len + 1);
      e->word = n;
      g_atomic_int_set (&v->n_words, (gint) n + 1);
      e->len = (uint16_t) len;
      e->stem_len = (uint16_t) stem_len;
      e->stop = stop;
      memcpy (e->word_text, folded, len);
      e->word_text[len] = '\0';
      char *stem_text = e->word_text + len + 1;
      memcpy (stem_text, stem_copy, stem_len + 1);
      e->stem_text = stem_text;
      const abr_word_facts *same = g_hash_table_lookup (v->stems, stem_copy);
      if (same != NULL)
        {
          e->stem = same->stem;
          e->idf = same->idf;
        }
      else
        {
          e->stem = v->n_stems++;
          e->idf = idf;
          g_hash_table_insert (v->stems, (gpointer) e->stem_text, e);
        }
      v->table->slots[i].hash = hash;
      g_atomic_pointer_set (&v->table->slots[i].entry, e);
    }
  g_mutex_unlock (&v->lock);
  g_free (stem_copy);
  return e;
}

void
abr_vocab_prefetch (abr_vocab *v, uint32_t hash)
{
  Table *t = g_atomic_pointer_get (&v->table);
  __builtin_prefetch (&t->slots[hash & t->mask]);
}

void
abr_vocab_prefetch_entry (abr_vocab *v, uint32_t hash)
{
  Table *t = g_atomic_pointer_get (&v->table);
  Slot *slot = &t->slots[hash & t->mask];
  abr_word_facts *e = g_atomic_pointer_get (&slot->entry);
  if (e != NULL && slot->hash == hash)
    __builtin_prefetch (e);
}

const abr_word_facts *
abr_vocab_word (abr_vocab *v, const char *folded, gsize len, uint32_t hash)
{
  g_return_val_if_fail (len <= G_MAXUINT16, NULL);
  uint32_t empty;
  abr_word_facts *e = find (g_atomic_pointer_get (&v->table), folded, len, hash, &empty);
  return e != NULL ? e : add (v, folded, len, hash);
}
