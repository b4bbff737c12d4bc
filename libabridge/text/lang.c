/* Languages: the table, its word sets, and language detection. */
#include "config.h"
#include "text/lang.h"

#include <fingerprint.h>
#include <string.h>

#include <abridge/abridge.h>

#include "text/data.h"
#include "text/english.h"

/* Table shorthands. */
#define SCRIPT_LATIN G_UNICODE_SCRIPT_LATIN
#define SCRIPT_ARABIC G_UNICODE_SCRIPT_ARABIC
#define SCRIPT_GREEK G_UNICODE_SCRIPT_GREEK
#define SCRIPT_DEVANAGARI G_UNICODE_SCRIPT_DEVANAGARI
#define SCRIPT_ARMENIAN G_UNICODE_SCRIPT_ARMENIAN
#define SCRIPT_CYRILLIC G_UNICODE_SCRIPT_CYRILLIC
#define SCRIPT_TAMIL G_UNICODE_SCRIPT_TAMIL
#define SCRIPT_HEBREW G_UNICODE_SCRIPT_HEBREW
#define STOP(code) "stopwords/" code ".txt"
#define ABBR(code) "abbreviations/" code ".txt"

/* Every language Snowball stems (libstemmer 2.2 has 29 algorithms: these
 * 28 and "porter", an older English one). Stop words exist for the 15
 * Snowball has lists for; abbreviations for the languages the segmenter
 * was taught. Sorted by code. */
static abr_language languages[ABR_N_LANGUAGES] = {
  { "ar", "Arabic", "arabic", NULL, NULL, "ar.lm", FALSE, SCRIPT_ARABIC, 0 },
  { "ca", "Catalan", "catalan", NULL, NULL, "ca.lm", FALSE, SCRIPT_LATIN, 0 },
  { "da", "Danish", "danish", STOP ("da"), ABBR ("da"), "da.lm", TRUE, SCRIPT_LATIN, 0 },
  { "de", "German", "german", STOP ("de"), ABBR ("de"), "de.lm", TRUE, SCRIPT_LATIN, 0 },
  { "el", "Greek", "greek", NULL, NULL, "el.lm", FALSE, SCRIPT_GREEK, 0 },
  { "en", "English", "english", "stopwords-en.txt", "abbreviations-en.txt", "en.lm",
    FALSE, SCRIPT_LATIN, 0 },
  { "es", "Spanish", "spanish", STOP ("es"), ABBR ("es"), "es.lm", FALSE, SCRIPT_LATIN, 0 },
  { "eu", "Basque", "basque", NULL, NULL, "eu.lm", TRUE, SCRIPT_LATIN, 0 },
  { "fi", "Finnish", "finnish", STOP ("fi"), NULL, "fi.lm", TRUE, SCRIPT_LATIN, 0 },
  { "fr", "French", "french", STOP ("fr"), ABBR ("fr"), "fr.lm", FALSE, SCRIPT_LATIN, 0 },
  { "ga", "Irish", "irish", NULL, NULL, "ga.lm", FALSE, SCRIPT_LATIN, 0 },
  { "hi", "Hindi", "hindi", NULL, NULL, "hi.lm", FALSE, SCRIPT_DEVANAGARI, 0 },
  { "hu", "Hungarian", "hungarian", STOP ("hu"), NULL, "hu.lm", TRUE, SCRIPT_LATIN, 0 },
  { "hy", "Armenian", "armenian", NULL, NULL, "hy.lm", FALSE, SCRIPT_ARMENIAN, 0 },
  { "id", "Indonesian", "indonesian", STOP ("id"), NULL, "id.lm", FALSE, SCRIPT_LATIN, 0 },
  { "it", "Italian", "italian", STOP ("it"), ABBR ("it"), "it.lm", FALSE, SCRIPT_LATIN, 0 },
  { "lt", "Lithuanian", "lithuanian", NULL, NULL, "lt.lm", FALSE, SCRIPT_LATIN, 0 },
  { "ne", "Nepali", "nepali", NULL, NULL, "ne.lm", FALSE, SCRIPT_DEVANAGARI, 0 },
  { "nl", "Dutch", "dutch", STOP ("nl"), ABBR ("nl"), "nl.lm", FALSE, SCRIPT_LATIN, 0 },
  { "no", "Norwegian", "norwegian", STOP ("no"), ABBR ("no"), "nb.lm", TRUE, SCRIPT_LATIN, 0 },
  { "pt", "Portuguese", "portuguese", STOP ("pt"), ABBR ("pt"), "pt.lm", FALSE, SCRIPT_LATIN, 0 },
  { "ro", "Romanian", "romanian", STOP ("ro"), NULL, "ro.lm", FALSE, SCRIPT_LATIN, 0 },
  { "ru", "Russian", "russian", STOP ("ru"), ABBR ("ru"), "ru.lm", FALSE, SCRIPT_CYRILLIC, 0 },
  { "sr", "Serbian", "serbian", NULL, NULL, "sr-Latn.lm", FALSE, SCRIPT_LATIN, 0 },
  { "sv", "Swedish", "swedish", STOP ("sv"), ABBR ("sv"), "sv.lm", FALSE, SCRIPT_LATIN, 0 },
  { "ta", "Tamil", "tamil", NULL, NULL, "ta.lm", FALSE, SCRIPT_TAMIL, 0 },
  { "tr", "Turkish", "turkish", NULL, NULL, "tr.lm", TRUE, SCRIPT_LATIN, 0 },
  { "yi", "Yiddish", "yiddish", NULL, NULL, "yi.lm", FALSE, SCRIPT_HEBREW, 0 },
};

static void
number_languages (void)
{
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < ABR_N_LANGUAGES; i++)
        languages[i].index = i;
      g_once_init_leave (&once, 1);
    }
}

const abr_language *
abr_language_nth (guint i)
{
  number_languages ();
  return i < ABR_N_LANGUAGES ? &languages[i] : NULL;
}

const abr_language *
abr_language_find (const char *code)
{
  if (code == NULL)
    return NULL;
  number_languages ();
  if (strcmp (code, "nb") == 0)
    code = "no"; /* Bokmål: the written Norwegian Snowball stems */
  for (guint i = 0; i < ABR_N_LANGUAGES; i++)
    if (strcmp (languages[i].code, code) == 0)
      return &languages[i];
  return NULL;
}

const abr_language *
abr_language_english (void)
{
  /* Asked for on every paragraph and every new word: found once. */
  static const abr_language *english;
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      english = abr_language_find ("en");
      g_once_init_leave (&once, 1);
    }
  return english;
}

static GHashTable *
empty_set (void)
{
  static gsize once = 0;
  static GHashTable *set;
  if (g_once_init_enter (&once))
    {
      set = g_hash_table_new (g_str_hash, g_str_equal);
      g_once_init_leave (&once, 1);
    }
  return set;
}

GHashTable *
abr_language_stopwords (const abr_language *lang)
{
  return lang->stopwords != NULL ? abr_data_word_set (lang->stopwords) : empty_set ();
}

GHashTable *
abr_language_abbreviations (const abr_language *lang)
{
  return lang->abbreviations != NULL ? abr_data_word_set (lang->abbreviations) : empty_set ();
}

/* ---- the public API --------------------------------------------------------- */

char *
abridge_language_codes (void)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < ABR_N_LANGUAGES; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, languages[i].code);
    }
  return g_string_free (s, FALSE);
}

gboolean
abridge_language_check (const char *code, GError **error)
{
  if (code != NULL && (strcmp (code, "auto") == 0 || abr_language_find (code) != NULL))
    return TRUE;
  char *codes = abridge_language_codes ();
  g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
               "unknown language '%s': use auto or one of %s", code != NULL ? code : "", codes);
  g_free (codes);
  return FALSE;
}

gboolean
abridge_language_has_stopwords (const char *code)
{
  const abr_language *lang = abr_language_find (code);
  return lang != NULL && lang->stopwords != NULL;
}

/* ---- detection -------------------------------------------------------------- */

/* libexttextcat's rule (textcat.c): n-grams kept per profile; languages
 * scoring within 3% of the best are candidates, and more than five
 * candidates make the text unknown. */
#define TEXTCAT_NGRAMS 400
#define CANDIDATE_MARGIN 1.03
#define MAX_CANDIDATES 5

/* The languages' fingerprints, read once per process. fp_Compare() only
 * reads the category profile (libexttextcat's src/fingerprint.c), so the
 * threads share them; each comparison builds its own unknown profile. */
typedef struct {
  void *fp[ABR_N_LANGUAGES]; /* NULL: the model could not be read */
} Profiles;

static const char *
textcat_dir (void)
{
  const char *dir = g_getenv ("ABRIDGE_TEXTCAT_DIR");
  return dir != NULL && *dir != '\0' ? dir : ABRIDGE_TEXTCAT_DATADIR;
}

static const Profiles *
fingerprints (void)
{
  static gsize once = 0;
  static Profiles profiles;
  if (g_once_init_enter (&once))
    {
      number_languages ();
      for (guint i = 0; i < ABR_N_LANGUAGES; i++)
        {
          char *path = g_build_filename (textcat_dir (), languages[i].fingerprint, NULL);
          void *fp = fp_Init (languages[i].code);
          if (fp != NULL)
            {
              fp_SetProperty (fp, TCPROP_UTF8AWARE, TC_TRUE);
              if (fp_Read (fp, path, TEXTCAT_NGRAMS) == 0)
                {
                  g_warning ("cannot read language model %s", path);
                  fp_Done (fp);
                  fp = NULL;
                }
            }
          profiles.fp[i] = fp;
          g_free (path);
        }
      g_once_init_leave (&once, 1);
    }
  return &profiles;
}

/* Letters only, each word once separated: numbers, URLs and punctuation
 * say nothing of a language and skew short texts. The sample is read
 * lazily (letters_read), as far as a decision needs: most English
 * articles are settled by their first sixty words, a third of it. */
typedef struct {
  const char *p, *end;
  gsize max;          /* the sample stops once it holds this many bytes */
  gboolean space;     /* the sample ends in a space, or is empty */
  guint latin, other; /* letters of the Latin script and of others */
  GUnicodeScript other_script;
  GString *out;       /* the sample so far */
} Letters;

static void
letters_init (Letters *l, const char *text, gsize len, gsize max)
{
  *l = (Letters) { text, text + len, max, TRUE, 0, 0, SCRIPT_LATIN,
                   g_string_sized_new (MIN (len, max) + 8) };
}

static gboolean
letters_done (const Letters *l)
{
  return l->p >= l->end || l->out->len >= l->max;
}

/* Extends the sample until it holds UPTO bytes or is complete. Reading in
 * steps gives the same sample as reading at once: each step depends on
 * the state alone. */
static void
letters_read (Letters *l, gsize upto)
{
  GString *out = l->out;
  const char *p = l->p, *end = l->end;
  gsize stop = MIN (upto, l->max);
  gboolean space = l->space;
  /* Room for every ASCII byte the loop may add (one a step while below
   * STOP), written in place; a letter past ASCII is appended as usual. */
  if (out->allocated_len <= stop)
    {
      gsize len = out->len;
      g_string_set_size (out, stop);
      g_string_truncate (out, len);
    }
  /* The length and count in locals: stores through STR may alias the
   * structures', which the compiler would otherwise reload every byte. */
  char *str = out->str;
  gsize n = out->len;
  guint latin = l->latin;
  while (p < end && n < stop)
    {
      /* ASCII, most of a Latin text, without a Unicode lookup. */
      if ((guchar) *p < 0x80)
        {
          if (g_ascii_isalpha (*p))
            {
              latin++;
              str[n++] = *p;
              space = FALSE;
            }
          else if (!space)
            {
              str[n++] = ' ';
              space = TRUE;
            }
          p++;
          continue;
        }
      gunichar c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p = end; /* the sample ends at broken UTF-8 */
          break;
        }
      if (g_unichar_isalpha (c) || g_unichar_ismark (c))
        {
          if (c < 0x250)
            latin++;
          else if (g_unichar_isalpha (c))
            {
              GUnicodeScript sc = g_unichar_get_script (c);
              if (sc == SCRIPT_LATIN)
                latin++;
              else
                {
                  l->other++;
                  l->other_script = sc;
                }
            }
          char buf[6];
          str[n] = '\0';
          out->len = n;
          g_string_append_len (out, buf, g_unichar_to_utf8 (c, buf));
          str = out->str;
          n = out->len;
          space = FALSE;
        }
      else if (!space)
        {
          str[n++] = ' ';
          space = TRUE;
        }
      p = g_utf8_next_char (p);
    }
  str[n] = '\0';
  out->len = n;
  l->latin = latin;
  l->p = p;
  l->space = space;
}

/* The script most of the complete sample's letters are written in. */
static GUnicodeScript
letters_script (const Letters *l)
{
  return l->latin >= l->other ? SCRIPT_LATIN : l->other_script;
}

/* Whether the complete sample will hold ABR_DETECT_MIN_BYTES and be
 * mostly Latin, reading only until that is certain: a letter of another
 * script takes two bytes or more, so at most (room / 2 + 1) more of them
 * fit before the sample is full. */
static gboolean
letters_surely_latin (Letters *l)
{
  for (;;)
    {
      if (letters_done (l))
        return l->out->len >= ABR_DETECT_MIN_BYTES && letters_script (l) == SCRIPT_LATIN;
      gsize room = l->max - l->out->len;
      if (l->out->len >= ABR_DETECT_MIN_BYTES && l->latin >= l->other + room / 2 + 1)
        return TRUE;
      letters_read (l, l->out->len + 64);
    }
}

static const abr_stop_table *
english_stop_table (void)
{
  static gsize once = 0;
  static abr_stop_table *table;
  if (g_once_init_enter (&once))
    {
      table = abr_stop_table_new (abr_language_stopwords (abr_language_english ()));
      g_once_init_leave (&once, 1);
    }
  return table;
}

/* Most articles are English: a count of English stop words settles them
 * in microseconds, where the n-gram profile costs a few hundred. Reads
 * L's sample word by word (words are separated by single spaces), as far
 * as the count needs: when it answers FALSE, the sample is complete. */
static gboolean
obviously_english (Letters *l)
{
  const abr_stop_table *stop = english_stop_table ();
  guint words = 0, stops = 0;
  gsize pos = 0;
  for (;;)
    {
      const GString *sample = l->out;
      const char *e = memchr (sample->str + pos, ' ', sample->len - pos);
      if (e == NULL && !letters_done (l))
        {
          /* The last word may go on: read on (the string may move). */
          letters_read (l, l->out->len + 128);
          continue;
        }
      if (e == NULL)
        e = sample->str + sample->len;
      const char *p = sample->str + pos;
      gsize n = (gsize) (e - p);
      gboolean ascii = n < ABR_ENGLISH_STOP_MAX;
      for (gsize i = 0; ascii && i < n; i++)
        ascii = (guchar) p[i] < 0x80;
      if (n > 0)
        {
          words++;
          if (ascii)
            stops += abr_english_stop_word (stop, p, n, sample->len - pos);
          if (words == ABR_ENGLISH_EARLY_WORDS && stops >= ABR_ENGLISH_EARLY_SHARE * words)
            return TRUE;
        }
      pos = (gsize) (e - sample->str) + 1;
      if (pos >= sample->len && letters_done (l))
        break;
    }
  return words >= ABR_ENGLISH_MIN_WORDS && stops >= ABR_ENGLISH_STOP_SHARE * words;
}

abr_english_answer
abr_language_english_settled (const char *text, gsize len)
{
  return abr_english_settled (english_stop_table (), text, len);
}

/* Detection's own way to English: the sample's stop words, and no letter
 * of another script weighing against the Latin ones. */
static gboolean
sample_is_english (Letters *l)
{
  return obviously_english (l) && letters_surely_latin (l);
}

gboolean
abr_language_english_by_sample (const char *text, gsize len)
{
  Letters letters;
  letters_init (&letters, text, len, ABR_DETECT_MAX_BYTES);
  gboolean english = sample_is_english (&letters);
  g_string_free (letters.out, TRUE);
  return english;
}

const abr_language *
abr_language_detect (const char *text, gsize len, const abr_language *fallback,
                         gboolean *sure)
{
  if (sure != NULL)
    *sure = FALSE;
  /* As: read the whole sample; too short, the fallback; mostly Latin and
   * obviously English, English; else ask libexttextcat. Only in another
   * order, so that an obviously English text is read no further than
   * needed, and most texts without counting their sample's words twice
   * or at all. */
  abr_english_answer count = abr_language_english_settled (text, len);
  if (count == ABR_ENGLISH_SETTLED)
    {
      if (sure != NULL)
        *sure = TRUE;
      return abr_language_english ();
    }
  Letters letters;
  letters_init (&letters, text, len, ABR_DETECT_MAX_BYTES);
  if (count == ABR_ENGLISH_UNDECIDED && sample_is_english (&letters))
    {
      g_string_free (letters.out, TRUE);
      if (sure != NULL)
        *sure = TRUE;
      return abr_language_english ();
    }
  letters_read (&letters, ABR_DETECT_MAX_BYTES);
  GString *sample = letters.out;
  GUnicodeScript script = letters_script (&letters);
  if (sample->len < ABR_DETECT_MIN_BYTES)
    {
      g_string_free (sample, TRUE);
      return fallback;
    }

  const Profiles *profiles = fingerprints ();
  void *unknown = fp_Init (NULL);
  const abr_language *best = fallback;
  if (unknown != NULL)
    {
      fp_SetProperty (unknown, TCPROP_UTF8AWARE, TC_TRUE);
      fp_SetProperty (unknown, TCPROP_MINIMUM_DOCUMENT_SIZE, ABR_DETECT_MIN_BYTES / 2);
      if (fp_Create (unknown, sample->str, (uint4) sample->len, TEXTCAT_NGRAMS))
        {
          /* English first: most articles are, and a good early score lets
           * fp_Compare() stop early on the languages that cannot compete. */
          sint4 scores[ABR_N_LANGUAGES], first = G_MAXINT32;
          guint first_i = 0, candidates = 0, en = abr_language_english ()->index;
          for (guint k = 0; k < ABR_N_LANGUAGES; k++)
            {
              guint i = k == 0 ? en : k <= en ? k - 1 : k;
              sint4 cutoff
                  = first < G_MAXINT32 / 2 ? (sint4) (CANDIDATE_MARGIN * first) : G_MAXINT32;
              /* Only languages written in the text's script compete:
               * cheaper, and never Greek for a Latin text. */
              scores[i] = profiles->fp[i] != NULL && languages[i].script == script
                              ? fp_Compare (profiles->fp[i], unknown, cutoff)
                              : G_MAXINT32;
              if (scores[i] < first)
                {
                  first = scores[i];
                  first_i = i;
                }
            }
          for (guint i = 0; i < ABR_N_LANGUAGES; i++)
            candidates += (double) scores[i] <= CANDIDATE_MARGIN * (double) first;
          if (first < G_MAXINT32 && candidates <= MAX_CANDIDATES)
            {
              best = &languages[first_i];
              if (sure != NULL)
                *sure = TRUE;
            }
        }
      fp_Done (unknown);
    }
  g_string_free (sample, TRUE);
  return best;
}
