/* Page furniture: the rules of data/boilerplate.rules, compiled once. */
#include "config.h"
#include "text/boilerplate.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdatomic.h>
#include <string.h>

#include "text/data.h"
#include "text/needle.h"

/* The rules of each kind joined into alternations: one PCRE match per
 * sentence instead of one per rule. PCRE2 is called directly, JIT-compiled
 * and with one match block per thread, because GRegex allocates and frees
 * a match record for every call: that cost more than the matching. Rules anchored with ^ go into a regex
 * compiled G_REGEX_ANCHORED, which fails at the first byte for prose;
 * the few floating rules get their own. A sentence that any tail rule
 * matches is tail; else one that any line rule matches is line. */
enum { TAIL_ANCHORED, TAIL_FLOATING, LINE_ANCHORED, LINE_FLOATING, N_BUCKETS };

/* What a sentence's first ASCII byte, or first two, tell of an anchored
 * bucket: most prose ("The", "He", "In") opens in a way no furniture rule
 * can, and a table lookup says so for a fraction of a PCRE call. The
 * answers are not taken from the rules' text but asked of the compiled
 * pattern, by hard partial matching of the prefix alone: PCRE2 answers
 * "no match" then only when every path through the pattern fails within
 * those bytes (pcre2partial(3): $, \b and the like at the end of the
 * prefix count as partial), so no sentence with that prefix can match and
 * an edited rule file stays exact. Filled lazily, each entry once: a few
 * hundred distinct prefixes occur in a corpus, not 16,384. */
enum { PREFIX_UNKNOWN = 0, PREFIX_CANNOT, PREFIX_MAY };
typedef struct {
  atomic_uchar first[128];
  atomic_uchar pair[128 * 128];
} Prefixes;

struct abr_furniture_rules {
  pcre2_code *bucket[N_BUCKETS]; /* interpreted */
  pcre2_code *jit[N_BUCKETS];    /* JIT-compiled copies, once published */
  gint matches;                  /* until JIT_AFTER */
  Prefixes prefix[2];            /* of TAIL_ANCHORED and LINE_ANCHORED */
  /* Of each floating bucket, the needle of each of its rules (needle.h):
   * a sentence with none of them cannot match, and is not given to PCRE
   * (some 900 instructions a sentence). NULL when a rule has no needle. */
  GPtrArray *needles[N_BUCKETS];
};

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
static char *
bad_rule_message (const char *const *lines, const char *message)
{
  for (const char *const *rule = lines; *rule; rule++)
    {
      const char *tab = strchr (*rule, '\t');
      char *why = NULL;
      pcre2_code *alone = tab != NULL ? compile (tab + 1, 0, &why) : NULL;
      if (alone == NULL && why != NULL)
        {
          char *text = g_strdup_printf ("%s: %s", tab + 1, why);
          g_free (why);
          return text;
        }
      pcre2_code_free (alone);
    }
  return g_strdup (message);
}

abr_furniture_rules *
abr_furniture_rules_new (const char *const *lines, char **message)
{
  GString *alt[N_BUCKETS];
  GPtrArray *needles[N_BUCKETS];
  gboolean needless[N_BUCKETS] = { FALSE };
  for (int i = 0; i < N_BUCKETS; i++)
    {
      alt[i] = g_string_new (NULL);
      needles[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) abr_needle_free);
    }
  for (const char *const *rule = lines; *rule; rule++)
    {
      const char *tab = strchr (*rule, '\t');
      int kind;
      if (tab != NULL && strncmp (*rule, "line\t", 5) == 0)
        kind = LINE_ANCHORED;
      else if (tab != NULL && strncmp (*rule, "tail\t", 5) == 0)
        kind = TAIL_ANCHORED;
      else
        {
          *message = g_strdup_printf ("not KIND<TAB>PATTERN: %s", *rule);
          for (int i = 0; i < N_BUCKETS; i++)
            {
              g_string_free (alt[i], TRUE);
              g_ptr_array_unref (needles[i]);
            }
          return NULL;
        }
      const char *pattern = tab + 1;
      int bucket = pattern[0] == '^' ? kind : kind + 1;
      GString *into = alt[bucket];
      g_string_append_printf (into, "%s(?:%s)", into->len > 0 ? "|" : "", pattern);
      if (bucket != kind)
        {
          abr_needle *needle = abr_needle_of_pattern (pattern);
          if (needle != NULL)
            g_ptr_array_add (needles[bucket], needle);
          else
            needless[bucket] = TRUE;
        }
    }
  abr_furniture_rules *rules = g_new0 (abr_furniture_rules, 1);
  for (int i = 0; i < N_BUCKETS; i++)
    {
      if (needles[i]->len > 0 && !needless[i])
        rules->needles[i] = needles[i];
      else
        g_ptr_array_unref (needles[i]);
    }
  char *why = NULL;
  for (int i = 0; i < N_BUCKETS; i++)
    {
      if (alt[i]->len > 0 && why == NULL)
        {
          uint32_t options = PCRE2_CASELESS;
          if (i == TAIL_ANCHORED || i == LINE_ANCHORED)
            options |= PCRE2_ANCHORED;
          rules->bucket[i] = compile (alt[i]->str, options, &why);
        }
      g_string_free (alt[i], TRUE);
    }
  if (why != NULL)
    {
      *message = bad_rule_message (lines, why);
      g_free (why);
      abr_furniture_rules_free (rules);
      return NULL;
    }
  return rules;
}

void
abr_furniture_rules_free (abr_furniture_rules *rules)
{
  if (rules == NULL)
    return;
  for (int i = 0; i < N_BUCKETS; i++)
    {
      pcre2_code_free (rules->bucket[i]);
      pcre2_code_free (rules->jit[i]);
      if (rules->needles[i] != NULL)
        g_ptr_array_unref (rules->needles[i]);
    }
  g_free (rules);
}

/* Called by exactly one thread (the one whose match reached JIT_AFTER). */
static void
jit_compile (abr_furniture_rules *rules)
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

static pcre2_match_data *
match_data (void)
{
  pcre2_match_data *match = g_private_get (&thread_match);
  if (match == NULL)
    {
      match = pcre2_match_data_create (1, NULL);
      if (match == NULL)
        g_error ("out of memory");
      g_private_set (&thread_match, match);
    }
  return match;
}

/* The table entry for PREFIX[0, LEN), asked of the interpreted pattern
 * (JIT code has no partial mode) the first time it is wanted. Threads
 * that race compute the same answer. */
static guchar
prefix_state (pcre2_code *code, atomic_uchar *entry, const char *prefix, gsize len)
{
  guchar state = atomic_load_explicit (entry, memory_order_relaxed);
  if (state != PREFIX_UNKNOWN)
    return state;
  int rc = pcre2_match (code, (PCRE2_SPTR) prefix, len, 0,
                        PCRE2_PARTIAL_HARD | PCRE2_NO_UTF_CHECK, match_data (), NULL);
  state = rc == PCRE2_ERROR_NOMATCH ? PREFIX_CANNOT : PREFIX_MAY;
  atomic_store_explicit (entry, state, memory_order_relaxed);
  return state;
}

/* FALSE when no sentence opening as TEXT does can match the anchored
 * BUCKET; TRUE when PCRE has to tell (past ASCII the tables say nothing:
 * caseless "s" matches "ſ", and such pairs are for PCRE to know). */
static gboolean
may_match_anchored (abr_furniture_rules *rules, int bucket, const char *text, gsize len)
{
  Prefixes *prefixes = &rules->prefix[bucket == TAIL_ANCHORED ? 0 : 1];
  guchar a = (guchar) text[0];
  if (a >= 0x80)
    return TRUE;
  if (prefix_state (rules->bucket[bucket], &prefixes->first[a], text, 1) == PREFIX_CANNOT)
    return FALSE;
  if (len < 2 || (guchar) text[1] >= 0x80)
    return TRUE;
  guchar b = (guchar) text[1];
  return prefix_state (rules->bucket[bucket], &prefixes->pair[a * 128 + b], text, 2)
         != PREFIX_CANNOT;
}

/* FALSE when TEXT holds none of the floating BUCKET's needles. */
static gboolean
may_match_floating (abr_furniture_rules *rules, int bucket, const char *text, gsize len)
{
  const GPtrArray *needles = rules->needles[bucket];
  if (needles == NULL)
    return TRUE;
  for (guint i = 0; i < needles->len; i++)
    {
      if (abr_needle_may_match (g_ptr_array_index (needles, i), text, len))
        return TRUE;
    }
  return FALSE;
}

static gboolean
matches (abr_furniture_rules *rules, int bucket, const char *text, gsize len, gboolean prefilter)
{
  if (rules->bucket[bucket] == NULL)
    return FALSE;
  if (prefilter && (bucket == TAIL_ANCHORED || bucket == LINE_ANCHORED)
      && !may_match_anchored (rules, bucket, text, len))
    return FALSE;
  if (prefilter && (bucket == TAIL_FLOATING || bucket == LINE_FLOATING)
      && !may_match_floating (rules, bucket, text, len))
    return FALSE;
  pcre2_code *code = g_atomic_pointer_get (&rules->jit[bucket]);
  if (code == NULL)
    code = rules->bucket[bucket];
  /* The document checked the text is UTF-8. */
  return pcre2_match (code, (PCRE2_SPTR) text, len, 0, PCRE2_NO_UTF_CHECK, match_data (),
                      NULL)
         >= 0;
}

static gboolean
has_alnum (const char *text, gsize len)
{
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    if ((guchar) *p < 0x80 ? g_ascii_isalnum (*p) : g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

AbridgeBoilerplate
abr_furniture_rules_classify (abr_furniture_rules *rules, const char *text, gsize len,
                              gboolean prefilter)
{
  if (!has_alnum (text, len))
    return ABR_BOILERPLATE_LINE;
  if (len > MAX_FURNITURE_BYTES)
    return ABR_BOILERPLATE_NONE;
  if (g_atomic_int_get (&rules->matches) < JIT_AFTER && g_atomic_int_add (&rules->matches, 1) == JIT_AFTER - 1)
    jit_compile (rules);
  if (matches (rules, TAIL_ANCHORED, text, len, prefilter)
      || matches (rules, TAIL_FLOATING, text, len, prefilter))
    return ABR_BOILERPLATE_TAIL;
  if (matches (rules, LINE_ANCHORED, text, len, prefilter)
      || matches (rules, LINE_FLOATING, text, len, prefilter))
    return ABR_BOILERPLATE_LINE;
  return ABR_BOILERPLATE_NONE;
}

AbridgeBoilerplate
abr_boilerplate_classify (const char *text, gsize len)
{
  static gsize once = 0;
  static abr_furniture_rules *rules;
  if (g_once_init_enter (&once))
    {
      char *message = NULL;
      rules = abr_furniture_rules_new (abr_data_lines ("boilerplate.rules"), &message);
      if (rules == NULL)
        g_error ("boilerplate.rules: %s", message);
      g_once_init_leave (&once, 1);
    }
  return abr_furniture_rules_classify (rules, text, len, TRUE);
}
