/* Needles of floating furniture rules (see needle.h). */
#include "config.h"
#include "text/needle.h"

#include <string.h>

/* Shorter needles are found in too many sentences to pay for the test. */
#define MIN_NEEDLE 4

/* Whether PATTERN has a | outside every group and class. */
static gboolean
has_top_level_branch (const char *pattern)
{
  int depth = 0;
  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (*p == '\\')
        {
          if (p[1] == '\0')
            return TRUE; /* malformed: say so, and get no needle */
          p++;
        }
      else if (*p == '[')
        {
          /* A class ends at the first ] after its first member, which may
           * itself be ] (or ^] ). */
          p++;
          if (*p == '^')
            p++;
          if (*p == ']')
            p++;
          while (*p != '\0' && *p != ']')
            p += p[0] == '\\' && p[1] != '\0' ? 2 : 1;
          if (*p == '\0')
            return TRUE;
        }
      else if (*p == '(')
        depth++;
      else if (*p == ')')
        depth--;
      else if (*p == '|' && depth == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
needle_at (const char *text, const char *needle, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      char c = text[i];
      if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != needle[i])
        return FALSE;
    }
  return TRUE;
}

/* The needle's byte that English prose holds least often (letters by
 * their frequency in English text, digits rarer, a space the most
 * common): memchr() stops at few false starts. */
static gsize
rarest (const char *needle, gsize n)
{
  static const char letters[] = "zqxjkvbpygfwmucldrhsnioate";
  gsize best = 0;
  int best_rank = G_MAXINT;
  for (gsize i = 0; i < n; i++)
    {
      const char *at = strchr (letters, needle[i]);
      int rank = g_ascii_isdigit (needle[i]) ? 0 : at != NULL ? 1 + (int) (at - letters) : 100;
      if (rank < best_rank)
        best = i, best_rank = rank;
    }
  return best;
}

/* Whether TEXT[0, LEN) holds NEEDLE with byte C at its pivot. */
static gboolean
found_with (const abr_needle *needle, char c, const char *text, gsize len)
{
  gsize n = needle->len, pivot = needle->pivot;
  if (len < n)
    return FALSE;
  const char *p = text + pivot, *last = text + (len - n) + pivot;
  while (p <= last && (p = memchr (p, c, (gsize) (last - p) + 1)) != NULL)
    {
      if (needle_at (p - pivot, needle->text, n))
        return TRUE;
      p++;
    }
  return FALSE;
}

abr_needle *
abr_needle_of_pattern (const char *pattern)
{
  /* The opening literal is no needle of another branch. The scan for
   * branches knows groups, classes and escapes, not the text where a
   * parenthesis is no group (\Q...\E, comments, (?x) mode): a pattern
   * with any of them, or with a verb, has no needle. Nothing later in a
   * pattern changes what its opening means but a quantifier on its last
   * character. */
  if (strstr (pattern, "\\Q") != NULL || strstr (pattern, "(?") != NULL
      || strstr (pattern, "(*") != NULL || has_top_level_branch (pattern))
    return NULL;
  const char *p = pattern;
  if (p[0] == '\\' && p[1] == 'b')
    p += 2;
  gsize n = 0;
  while (g_ascii_isalnum (p[n]) || p[n] == ' ')
    n++;
  /* A quantifier after the run makes its last character optional. */
  if (n > 0 && p[n] != '\0' && strchr ("?*+{", p[n]) != NULL)
    n--;
  if (n < MIN_NEEDLE)
    return NULL;
  abr_needle *needle = g_new (abr_needle, 1);
  needle->text = g_ascii_strdown (p, (gssize) n);
  needle->len = n;
  needle->pivot = rarest (needle->text, n);
  char c = needle->text[needle->pivot];
  needle->pivot_upper = g_ascii_islower (c) ? g_ascii_toupper (c) : 0;
  /* PCRE2's caseless sets join ASCII letters to these two alone. */
  needle->folds_past_ascii = strpbrk (needle->text, "ks") != NULL;
  return needle;
}

void
abr_needle_free (abr_needle *needle)
{
  if (needle == NULL)
    return;
  g_free (needle->text);
  g_free (needle);
}

gboolean
abr_needle_may_match (const abr_needle *needle, const char *text, gsize len)
{
  /* glibc's memchr() reads 32 bytes a step: cheaper, in a sentence, than
   * any byte loop here, even twice (each case of a letter). */
  if (found_with (needle, needle->text[needle->pivot], text, len)
      || (needle->pivot_upper != 0 && found_with (needle, needle->pivot_upper, text, len)))
    return TRUE;
  if (!needle->folds_past_ascii)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if ((guchar) text[i] >= 0x80)
      return TRUE;
  return FALSE;
}
