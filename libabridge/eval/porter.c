/* The Porter stemmer exactly as rouge_score applies it (NLTK-extensions flavour). */
#include "config.h"
#include "eval/porter.h"

#include <string.h>

/* The word being stemmed: W[0, n) in a buffer with room for the original
 * word plus one byte (no rule makes a word longer than it came in). */
typedef struct word {
  char *w;
  gsize n;
} word;

/* Conditions a rule puts on the stem left after removing its suffix. */
typedef enum {
  NONE,     /* always */
  M_GT0,    /* measure > 0 */
  M_GT1,    /* measure > 1 */
  M_GT1_ST, /* measure > 1 and the stem ends in s or t (-ion) */
  LOGI,     /* measure of stem + "l" > 0 (nltk's -logi) */
} condition;

typedef struct rule {
  const char *suffix;
  const char *replacement;
  condition cond;
} rule;

static gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Porter's consonant test. A 'y' is a consonant at the start or after a
 * vowel; walking a run of y's back iteratively rather than recursing keeps
 * "yyyy…" tokens of any length off the stack. */
static gboolean
is_cons (const char *w, gsize i)
{
  gboolean flip = FALSE;
  while (w[i] == 'y')
    {
      if (i == 0)
        return !flip;
      flip = !flip;
      i--;
    }
  return flip ? is_vowel (w[i]) : !is_vowel (w[i]);
}

/* The measure of W[0, n): how many vowel-consonant transitions it has. */
static guint
measure (const char *w, gsize n)
{
  guint m = 0;
  gboolean prev_cons = TRUE;
  for (gsize i = 0; i < n; i++)
    {
      gboolean c = is_cons (w, i);
      if (c && !prev_cons)
        m++;
      prev_cons = c;
    }
  return m;
}

static gboolean
has_vowel (const char *w, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!is_cons (w, i))
      return TRUE;
  return FALSE;
}

static gboolean
double_cons (const char *w, gsize n)
{
  return n >= 2 && w[n - 1] == w[n - 2] && is_cons (w, n - 1);
}

/* Consonant-vowel-consonant at the end, the last not w, x or y; nltk also
 * counts a two-letter vowel-consonant word, so "ow" + "ed" stays short. */
static gboolean
cvc (const char *w, gsize n)
{
  if (n >= 3)
    return is_cons (w, n - 3) && !is_cons (w, n - 2) && is_cons (w, n - 1) && w[n - 1] != 'w'
           && w[n - 1] != 'x' && w[n - 1] != 'y';
  if (n == 2)
    return !is_cons (w, 0) && is_cons (w, 1);
  return FALSE;
}

static gboolean
ends (const word *wd, const char *suffix)
{
  gsize k = strlen (suffix);
  return wd->n >= k && memcmp (wd->w + wd->n - k, suffix, k) == 0;
}

static void
append (word *wd, const char *s)
{
  gsize k = strlen (s);
  memcpy (wd->w + wd->n, s, k);
  wd->n += k;
}

static gboolean
holds (const word *wd, gsize stem_len, condition cond)
{
  switch (cond)
    {
    case NONE:
      return TRUE;
    case M_GT0:
      return measure (wd->w, stem_len) > 0;
    case M_GT1:
      return measure (wd->w, stem_len) > 1;
    case M_GT1_ST:
      return measure (wd->w, stem_len) > 1 && stem_len > 0
             && (wd->w[stem_len - 1] == 's' || wd->w[stem_len - 1] == 't');
    case LOGI:
      /* the suffix starts with the 'l', so stem + "l" is one more byte */
      return measure (wd->w, stem_len + 1) > 0;
    }
  return FALSE;
}

/* The first rule whose suffix matches decides, even when its condition
 * fails: later, shorter suffixes are not tried (Porter's "longest match"
 * as nltk's table order encodes it). */
static void
apply_rules (word *wd, const rule *rules, gsize n_rules)
{
  for (gsize r = 0; r < n_rules; r++)
    {
      if (!ends (wd, rules[r].suffix))
        continue;
      gsize stem_len = wd->n - strlen (rules[r].suffix);
      if (holds (wd, stem_len, rules[r].cond))
        {
          wd->n = stem_len;
          append (wd, rules[r].replacement);
        }
      return;
    }
}

static const rule STEP1A[] = {
  { "sses", "ss", NONE }, { "ies", "i", NONE }, { "ss", "ss", NONE }, { "s", "", NONE },
};

static const rule STEP2[] = {
  { "ational", "ate", M_GT0 }, { "tional", "tion", M_GT0 }, { "enci", "ence", M_GT0 },
  { "anci", "ance", M_GT0 },   { "izer", "ize", M_GT0 },    { "bli", "ble", M_GT0 },
  { "alli", "al", M_GT0 },     { "entli", "ent", M_GT0 },   { "eli", "e", M_GT0 },
  { "ousli", "ous", M_GT0 },   { "ization", "ize", M_GT0 }, { "ation", "ate", M_GT0 },
  { "ator", "ate", M_GT0 },    { "alism", "al", M_GT0 },    { "iveness", "ive", M_GT0 },
  { "fulness", "ful", M_GT0 }, { "ousness", "ous", M_GT0 }, { "aliti", "al", M_GT0 },
  { "iviti", "ive", M_GT0 },   { "biliti", "ble", M_GT0 },  { "fulli", "ful", M_GT0 },
  { "logi", "log", LOGI },
};

static const rule STEP3[] = {
  { "icate", "ic", M_GT0 }, { "ative", "", M_GT0 }, { "alize", "al", M_GT0 },
  { "iciti", "ic", M_GT0 }, { "ical", "ic", M_GT0 }, { "ful", "", M_GT0 },
  { "ness", "", M_GT0 },
};

static const rule STEP4[] = {
  { "al", "", M_GT1 },   { "ance", "", M_GT1 }, { "ence", "", M_GT1 },    { "er", "", M_GT1 },
  { "ic", "", M_GT1 },   { "able", "", M_GT1 }, { "ible", "", M_GT1 },    { "ant", "", M_GT1 },
  { "ement", "", M_GT1 }, { "ment", "", M_GT1 }, { "ent", "", M_GT1 },    { "ion", "", M_GT1_ST },
  { "ou", "", M_GT1 },   { "ism", "", M_GT1 },  { "ate", "", M_GT1 },     { "iti", "", M_GT1 },
  { "ous", "", M_GT1 },  { "ive", "", M_GT1 },  { "ize", "", M_GT1 },
};

/* nltk's irregular forms, looked up on the whole word before any rule. */
static const char *const IRREGULAR[][2] = {
  { "skies", "sky" },       { "sky", "sky" },           { "dying", "die" },
  { "lying", "lie" },       { "tying", "tie" },         { "news", "news" },
  { "innings", "inning" },  { "inning", "inning" },     { "outings", "outing" },
  { "outing", "outing" },   { "cannings", "canning" },  { "canning", "canning" },
  { "howe", "howe" },       { "proceed", "proceed" },   { "exceed", "exceed" },
  { "succeed", "succeed" },
};

static void
step1b (word *wd)
{
  if (ends (wd, "ied"))
    {
      /* "tied" -> "tie" but "cried" -> "cri" */
      wd->n -= wd->n == 4 ? 1 : 2;
      return;
    }
  if (ends (wd, "eed"))
    {
      if (measure (wd->w, wd->n - 3) > 0)
        wd->n -= 1;
      return;
    }
  gsize k = 0;
  if (ends (wd, "ed") && has_vowel (wd->w, wd->n - 2))
    k = 2;
  else if (ends (wd, "ing") && has_vowel (wd->w, wd->n - 3))
    k = 3;
  if (k == 0)
    return;
  wd->n -= k;
  if (ends (wd, "at") || ends (wd, "bl") || ends (wd, "iz"))
    append (wd, "e");
  else if (double_cons (wd->w, wd->n) && wd->w[wd->n - 1] != 'l' && wd->w[wd->n - 1] != 's'
           && wd->w[wd->n - 1] != 'z')
    wd->n -= 1;
  else if (measure (wd->w, wd->n) == 1 && cvc (wd->w, wd->n))
    append (wd, "e");
}

char *
abr_porter_stem (const char *word_in, gsize len)
{
  char *buf = g_malloc (len + 2);
  for (gsize i = 0; i < len; i++)
    buf[i] = g_ascii_tolower (word_in[i]);
  buf[len] = '\0';

  for (gsize i = 0; i < G_N_ELEMENTS (IRREGULAR); i++)
    if (strcmp (buf, IRREGULAR[i][0]) == 0)
      {
        g_free (buf);
        return g_strdup (IRREGULAR[i][1]);
      }
  if (len <= 2)
    return buf;

  word wd = { buf, len };

  /* step 1a; nltk keeps a four-letter "-ies" word as "-ie" ("ties") */
  if (ends (&wd, "ies") && wd.n == 4)
    wd.n -= 1;
  else
    apply_rules (&wd, STEP1A, G_N_ELEMENTS (STEP1A));

  step1b (&wd);

  /* step 1c, as nltk: y -> i only after a consonant, and not in "by" */
  if (wd.n > 2 && wd.w[wd.n - 1] == 'y' && is_cons (wd.w, wd.n - 2))
    wd.w[wd.n - 1] = 'i';

  /* step 2; nltk turns -alli into -al and then runs step 2 again on that */
  if (ends (&wd, "alli") && measure (wd.w, wd.n - 4) > 0)
    wd.n -= 2;
  apply_rules (&wd, STEP2, G_N_ELEMENTS (STEP2));

  apply_rules (&wd, STEP3, G_N_ELEMENTS (STEP3));
  apply_rules (&wd, STEP4, G_N_ELEMENTS (STEP4));

  /* step 5a */
  if (ends (&wd, "e"))
    {
      guint m = measure (wd.w, wd.n - 1);
      if (m > 1 || (m == 1 && !cvc (wd.w, wd.n - 1)))
        wd.n -= 1;
    }
  /* step 5b */
  if (measure (wd.w, wd.n) > 1 && double_cons (wd.w, wd.n) && wd.w[wd.n - 1] == 'l')
    wd.n -= 1;

  wd.w[wd.n] = '\0';
  return wd.w;
}
