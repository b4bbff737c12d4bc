/* Page furniture: the rules of data/boilerplate.rules, compiled once. */
#include "config.h"
#include "text/boilerplate.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "text/data.h"

/* The rules of each kind joined into alternations: one PCRE match per
 * sentence instead of one per rule. PCRE2 is called directly, JIT-compiled
 * and with one match block per thread, because GRegex allocates and frees
 * a match record for every call: that cost more than the matching. Rules anchored with ^ go into a regex
 * compiled G_REGEX_ANCHORED, which fails at the first byte for prose;
 * the few floating rules get their own. A sentence that any tail rule
 * matches is tail; else one that any line rule matches is line. */
enum { TAIL_ANCHORED, TAIL_FLOATING, LINE_ANCHORED, LINE_FLOATING, N_BUCKETS };

typedef struct {
  pcre2_code *bucket[N_BUCKETS]; /* interpreted */
  pcre2_code *jit[N_BUCKETS];    /* JIT-compiled copies, once published */
  gint matches;                  /* until JIT_AFTER */
} Rules;

/* JIT compiling the rules costs some 4M instructions, as much as 350
 * interpreted matches: more than a one-article run spends matching, soon
 * repaid by a corpus. So rules are matched interpreted first, and after this many matches
 * one thread compiles copies and publishes them (a compiled pattern is
 * never changed while another thread may be matching it). */
#define JIT_AFTER 256

static void
match_data_free (gpointer data)
{
  pcre2_match_data_free (data);
}
static GPrivate thread_match = G_PRIVATE_INIT (match_data_free);

/* As GRegex compiles a UTF-8 pattern (Unicode classes for \w, \b, \p). */
static pcre2_code *
compile (const char *pattern, uint32_t options, char **message)
{
  int code;
  PCRE2_SIZE offset;
  pcre2_code *re = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                                  options | PCRE2_UTF | PCRE2_UCP, &code, &offset, NULL);
  if (re == NULL)
    {
      PCRE2_UCHAR text[256];
      pcre2_get_error_message (code, text, sizeof text);
      *message = g_strdup_printf ("%s at offset %zu", (const char *) text, (size_t) offset);
      return NULL;
    }
  return re;
}

/* Longer sentences are article prose even when a pattern would match
 * ("… contributed to this report" is the only long furniture there is). */
#define MAX_FURNITURE_BYTES 400

/* A joined bucket failed to compile: names the rule at fault, which is
 * found only then (compiling every rule alone as well doubled start-up's
 * compile time). */
static G_NORETURN void
fail_on_bad_rule (const char *message)
{
  for (const char *const *rule = abr_data_lines ("boilerplate.rules"); *rule; rule++)
    {
      const char *tab = strchr (*rule, '\t');
      char *why = NULL;
      pcre2_code *alone = tab != NULL ? compile (tab + 1, 0, &why) : NULL;
      if (alone == NULL && why != NULL)
        g_error ("boilerplate.rules: %s: %s", tab + 1, why);
      pcre2_code_free (alone);
    }
  g_error ("boilerplate.rules: %s", message);
}

static Rules *
load_rules (void)
{
  GString *alt[N_BUCKETS];
  for (int i = 0; i < N_BUCKETS; i++)
    alt[i] = g_string_new (NULL);
  for (const char *const *rule = abr_data_lines ("boilerplate.rules"); *rule; rule++)
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
      GString *into = alt[pattern[0] == '^' ? kind : kind + 1];
      g_string_append_printf (into, "%s(?:%s)", into->len > 0 ? "|" : "", pattern);
    }
  Rules *rules = g_new0 (Rules, 1);
  for (int i = 0; i < N_BUCKETS; i++)
    {
      if (alt[i]->len > 0)
        {
          uint32_t options = PCRE2_CASELESS;
          if (i == TAIL_ANCHORED || i == LINE_ANCHORED)
            options |= PCRE2_ANCHORED;
          char *message = NULL;
          rules->bucket[i] = compile (alt[i]->str, options, &message);
          if (rules->bucket[i] == NULL)
            fail_on_bad_rule (message);
        }
      g_string_free (alt[i], TRUE);
    }
  return rules;
}

/* Called by exactly one thread (the one whose match reached JIT_AFTER). */
static void
jit_compile (Rules *rules)
{
  for (int i = 0; i < N_BUCKETS; i++)
    {
      if (rules->bucket[i] == NULL)
        continue;
      pcre2_code *copy = pcre2_code_copy (rules->bucket[i]);
      /* Without JIT (an unsupported CPU) the copy stays interpreted: same answers. */
      if (copy != NULL && pcre2_jit_compile (copy, PCRE2_JIT_COMPLETE) == 0)
        g_atomic_pointer_set (&rules->jit[i], copy);
      else if (copy != NULL)
        pcre2_code_free (copy);
    }
}

static gboolean
matches (Rules *rules, int bucket, const char *text, gsize len)
{
  if (rules->bucket[bucket] == NULL)
    return FALSE;
  pcre2_code *code = g_atomic_pointer_get (&rules->jit[bucket]);
  if (code == NULL)
    code = rules->bucket[bucket];
  pcre2_match_data *match = g_private_get (&thread_match);
  if (match == NULL)
    {
      match = pcre2_match_data_create (1, NULL);
      if (match == NULL)
        g_error ("out of memory");
      g_private_set (&thread_match, match);
    }
  /* The document checked the text is UTF-8. */
  return pcre2_match (code, (PCRE2_SPTR) text, len, 0, PCRE2_NO_UTF_CHECK, match,
                      NULL)
         >= 0;
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
abr_boilerplate_classify (const char *text, gsize len)
{
  static gsize once = 0;
  static Rules *rules;
  if (g_once_init_enter (&once))
    {
      rules = load_rules ();
      g_once_init_leave (&once, 1);
    }

  if (!has_alnum (text, len))
    return ABR_BOILERPLATE_LINE;
  if (len > MAX_FURNITURE_BYTES)
    return ABR_BOILERPLATE_NONE;
  if (g_atomic_int_get (&rules->matches) < JIT_AFTER && g_atomic_int_add (&rules->matches, 1) == JIT_AFTER - 1)
    jit_compile (rules);
  if (matches (rules, TAIL_ANCHORED, text, len) || matches (rules, TAIL_FLOATING, text, len))
    return ABR_BOILERPLATE_TAIL;
  if (matches (rules, LINE_ANCHORED, text, len) || matches (rules, LINE_FLOATING, text, len))
    return ABR_BOILERPLATE_LINE;
  return ABR_BOILERPLATE_NONE;
}
