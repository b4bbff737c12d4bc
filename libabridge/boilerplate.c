/* Page furniture: the rules of data/boilerplate.rules, compiled once. */
#include "config.h"
#include "boilerplate.h"

#include <string.h>

#include "data.h"

typedef struct {
  AbridgeBoilerplate kind;
  GRegex *regex;
} Rule;

/* Longer sentences are article prose even when a pattern would match
 * ("… contributed to this report" is the only long furniture there is). */
#define MAX_FURNITURE_BYTES 400

static GArray *
load_rules (void)
{
  GArray *rules = g_array_new (FALSE, FALSE, sizeof (Rule));
  for (const char *const *line = abridge_data_lines ("boilerplate.rules"); *line; line++)
    {
      const char *tab = strchr (*line, '\t');
      if (tab == NULL)
        g_error ("boilerplate.rules: no tab in rule: %s", *line);
      Rule rule;
      if (strncmp (*line, "line", 4) == 0)
        rule.kind = ABRIDGE_BOILERPLATE_LINE;
      else if (strncmp (*line, "tail", 4) == 0)
        rule.kind = ABRIDGE_BOILERPLATE_TAIL;
      else
        g_error ("boilerplate.rules: unknown kind in rule: %s", *line);
      GError *error = NULL;
      rule.regex = g_regex_new (tab + 1, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);
      if (rule.regex == NULL)
        g_error ("boilerplate.rules: %s: %s", tab + 1, error->message);
      g_array_append_val (rules, rule);
    }
  return rules;
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
  static GArray *rules;
  if (g_once_init_enter (&once))
    {
      rules = load_rules ();
      g_once_init_leave (&once, 1);
    }

  if (!has_alnum (text, len))
    return ABRIDGE_BOILERPLATE_LINE;
  if (len > MAX_FURNITURE_BYTES)
    return ABRIDGE_BOILERPLATE_NONE;
  for (guint i = 0; i < rules->len; i++)
    {
      Rule *rule = &g_array_index (rules, Rule, i);
      if (g_regex_match_full (rule->regex, text, (gssize) len, 0, 0, NULL, NULL))
        return rule->kind;
    }
  return ABRIDGE_BOILERPLATE_NONE;
}
