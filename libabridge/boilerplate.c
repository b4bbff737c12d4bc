/* Page furniture: the rules of data/boilerplate.rules, compiled once. */
#include "config.h"
#include "boilerplate.h"

#include <string.h>

#include "data.h"

/* The rules of each kind joined into alternations: one PCRE match per
 * sentence instead of one per rule. Rules anchored with ^ go into a regex
 * compiled G_REGEX_ANCHORED, which fails at the first byte for prose;
 * the few floating rules get their own. A sentence that any tail rule
 * matches is tail; else one that any line rule matches is line. */
enum { TAIL_ANCHORED, TAIL_FLOATING, LINE_ANCHORED, LINE_FLOATING, N_BUCKETS };

typedef struct {
  GRegex *bucket[N_BUCKETS];
} Rules;

/* Longer sentences are article prose even when a pattern would match
 * ("… contributed to this report" is the only long furniture there is). */
#define MAX_FURNITURE_BYTES 400

static Rules *
load_rules (void)
{
  GString *alt[N_BUCKETS];
  for (int i = 0; i < N_BUCKETS; i++)
    alt[i] = g_string_new (NULL);
  for (const char *const *rule = abridge_data_lines ("boilerplate.rules"); *rule; rule++)
    {
      const char *tab = strchr (*rule, '\t');
      int kind;
      if (tab != NULL && strncmp (*rule, "line\t", 5) == 0)
        kind = LINE_ANCHORED;
      else if (tab != NULL && strncmp (*rule, "tail\t", 5) == 0)
        kind = TAIL_ANCHORED;
      else
        g_error ("boilerplate.rules: not KIND<TAB>PATTERN: %s", *rule);
      const char *pattern = tab + 1;
      /* Each rule alone must compile, so that an error names it. */
      GError *error = NULL;
      GRegex *alone = g_regex_new (pattern, 0, 0, &error);
      if (alone == NULL)
        g_error ("boilerplate.rules: %s: %s", pattern, error->message);
      g_regex_unref (alone);
      GString *into = alt[pattern[0] == '^' ? kind : kind + 1];
      g_string_append_printf (into, "%s(?:%s)", into->len > 0 ? "|" : "", pattern);
    }
  Rules *rules = g_new0 (Rules, 1);
  for (int i = 0; i < N_BUCKETS; i++)
    {
      if (alt[i]->len > 0)
        {
          GRegexCompileFlags flags = G_REGEX_CASELESS | G_REGEX_OPTIMIZE;
          if (i == TAIL_ANCHORED || i == LINE_ANCHORED)
            flags |= G_REGEX_ANCHORED;
          GError *error = NULL;
          rules->bucket[i] = g_regex_new (alt[i]->str, flags, 0, &error);
          if (rules->bucket[i] == NULL)
            g_error ("boilerplate.rules: %s", error->message);
        }
      g_string_free (alt[i], TRUE);
    }
  return rules;
}

static gboolean
matches (const Rules *rules, int bucket, const char *text, gsize len)
{
  return rules->bucket[bucket] != NULL
         && g_regex_match_full (rules->bucket[bucket], text, (gssize) len, 0, 0, NULL, NULL);
}

static gboolean
has_alnum (const char *text, gsize len)
{
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

AbridgeBoilerplate
abridge_boilerplate_classify (const char *text, gsize len)
{
  static gsize once = 0;
  static Rules *rules;
  if (g_once_init_enter (&once))
    {
      rules = load_rules ();
      g_once_init_leave (&once, 1);
    }

  if (!has_alnum (text, len))
    return ABRIDGE_BOILERPLATE_LINE;
  if (len > MAX_FURNITURE_BYTES)
    return ABRIDGE_BOILERPLATE_NONE;
  if (matches (rules, TAIL_ANCHORED, text, len) || matches (rules, TAIL_FLOATING, text, len))
    return ABRIDGE_BOILERPLATE_TAIL;
  if (matches (rules, LINE_ANCHORED, text, len) || matches (rules, LINE_FLOATING, text, len))
    return ABRIDGE_BOILERPLATE_LINE;
  return ABRIDGE_BOILERPLATE_NONE;
}
