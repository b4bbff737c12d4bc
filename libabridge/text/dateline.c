/* Datelines: the rules of data/datelines.rules, compiled once. */
#include "config.h"
#include "text/dateline.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "text/data.h"

/* A dateline is a few words; looking further only costs time. */
#define MAX_DATELINE_BYTES 120

/* As the furniture rules (boilerplate.c): PCRE2 called directly with one
 * match block per thread, because GRegex allocates a match record for
 * every call, which cost more than the matching; interpreted first, and
 * JIT-compiled once this many articles have been matched. The JIT compile
 * of the rules cost 0.8M instructions, a sixth of a one-article run's
 * start-up; interpreted they cost 7K more an article. */
#define JIT_AFTER 128

typedef struct {
  pcre2_code *code; /* interpreted */
  pcre2_code *jit;  /* a JIT-compiled copy, once published */
  int place;        /* the number of the group named "place", or -1 */
} Rule;

typedef struct {
  Rule *rules;
  guint n;
  uint32_t max_groups;
  gint matches; /* until JIT_AFTER */
} Rules;

/* As GRegex compiles a UTF-8 pattern (Unicode classes for \w, \b, \p). */
static Rules *
load_rules (void)
{
  Rules *r = g_new0 (Rules, 1);
  const char *const *lines = abr_data_lines ("datelines.rules");
  for (const char *const *line = lines; *line; line++)
    r->n++;
  r->rules = g_new0 (Rule, r->n);
  for (guint i = 0; i < r->n; i++)
    {
      int code;
      PCRE2_SIZE offset;
      Rule *rule = &r->rules[i];
      rule->code = pcre2_compile ((PCRE2_SPTR) lines[i], PCRE2_ZERO_TERMINATED,
                                  PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED, &code, &offset, NULL);
      if (rule->code == NULL)
        {
          PCRE2_UCHAR text[256];
          pcre2_get_error_message (code, text, sizeof text);
          g_error ("datelines.rules: %s: %s at offset %zu", lines[i], (const char *) text,
                   (size_t) offset);
        }
      rule->place = pcre2_substring_number_from_name (rule->code, (PCRE2_SPTR) "place");
      if (rule->place < 0)
        rule->place = -1;
      uint32_t groups = 0;
      pcre2_pattern_info (rule->code, PCRE2_INFO_CAPTURECOUNT, &groups);
      r->max_groups = MAX (r->max_groups, groups);
    }
  return r;
}

/* Called by exactly one thread (the JIT_AFTER-th match). */
static void
jit_compile (Rules *r)
{
  for (guint i = 0; i < r->n; i++)
    {
      pcre2_code *copy = pcre2_code_copy (r->rules[i].code);
      /* Without JIT (an unsupported CPU) the copy stays interpreted: same answers. */
      if (copy != NULL && pcre2_jit_compile (copy, PCRE2_JIT_COMPLETE) == 0)
        g_atomic_pointer_set (&r->rules[i].jit, copy);
      else if (copy != NULL)
        pcre2_code_free (copy);
    }
}

static void
match_data_free (gpointer data)
{
  pcre2_match_data_free (data);
}
static GPrivate thread_match = G_PRIVATE_INIT (match_data_free);

gsize
abr_dateline_match (const char *text, gsize len, char **place)
{
  static gsize once = 0;
  static Rules *rules; /* never freed: matched from any thread */
  if (g_once_init_enter (&once))
    {
      rules = load_rules ();
      g_once_init_leave (&once, 1);
    }
  if (g_atomic_int_get (&rules->matches) < JIT_AFTER
      && g_atomic_int_add (&rules->matches, 1) == JIT_AFTER - 1)
    jit_compile (rules);
  pcre2_match_data *match = g_private_get (&thread_match);
  if (match == NULL)
    {
      match = pcre2_match_data_create (rules->max_groups + 1, NULL);
      if (match == NULL)
        g_error ("out of memory");
      g_private_set (&thread_match, match);
    }

  /* Cut at a character boundary. */
  gsize window = len;
  if (window > MAX_DATELINE_BYTES)
    window = (gsize) (g_utf8_find_prev_char (text, text + MAX_DATELINE_BYTES + 1) - text);

  for (guint i = 0; i < rules->n; i++)
    {
      Rule *rule = &rules->rules[i];
      pcre2_code *code = g_atomic_pointer_get (&rule->jit);
      if (code == NULL)
        code = rule->code;
      /* The document checked the text is UTF-8. */
      if (pcre2_match (code, (PCRE2_SPTR) text, window, 0, PCRE2_NO_UTF_CHECK, match, NULL) < 0)
        continue;
      const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer (match);
      gsize end = ovector[1];
      /* A dateline that is the whole sentence is a heading, not a dateline. */
      if (end == 0 || end >= len)
        continue;
      gsize from = 0, to = 0;
      if (rule->place >= 0 && ovector[2 * rule->place] != PCRE2_UNSET)
        {
          from = ovector[2 * rule->place];
          to = ovector[2 * rule->place + 1];
        }
      if (to <= from) /* no place named: the whole dateline */
        from = 0, to = end;
      *place = g_strstrip (g_strndup (text + from, to - from));
      return end;
    }
  return 0;
}
