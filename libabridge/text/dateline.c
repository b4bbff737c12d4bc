/* Datelines: the rules of data/datelines.rules, compiled once. */
#include "config.h"
#include "text/dateline.h"

#include "text/data.h"

/* A dateline is a few words; looking further only costs time. */
#define MAX_DATELINE_BYTES 120

/* As the furniture rules (boilerplate.c): interpreted first, JIT-compiled
 * (G_REGEX_OPTIMIZE) once this many articles have been matched. The JIT
 * compile of the twelve rules cost 0.8M instructions, a sixth of a
 * one-article run's start-up; interpreted they cost 7K more an article. */
#define JIT_AFTER 128

static GPtrArray *
load_rules (GRegexCompileFlags optimize)
{
  GPtrArray *rules = g_ptr_array_new ();
  for (const char *const *line = abr_data_lines ("datelines.rules"); *line; line++)
    {
      GError *error = NULL;
      GRegex *regex = g_regex_new (*line, G_REGEX_ANCHORED | optimize, 0, &error);
      if (regex == NULL)
        g_error ("datelines.rules: %s: %s", *line, error->message);
      g_ptr_array_add (rules, regex);
    }
  return rules;
}

gsize
abr_dateline_match (const char *text, gsize len, char **place)
{
  static gsize once = 0;
  static GPtrArray *interpreted, *compiled; /* never freed: matched from any thread */
  static gint matches;
  if (g_once_init_enter (&once))
    {
      interpreted = load_rules (0);
      g_once_init_leave (&once, 1);
    }
  /* Exactly one thread (the JIT_AFTER-th match) compiles and publishes. */
  if (g_atomic_int_get (&matches) < JIT_AFTER && g_atomic_int_add (&matches, 1) == JIT_AFTER - 1)
    g_atomic_pointer_set (&compiled, load_rules (G_REGEX_OPTIMIZE));
  GPtrArray *rules = g_atomic_pointer_get (&compiled);
  if (rules == NULL)
    rules = interpreted;

  /* GRegex needs a valid UTF-8 prefix: cut at a character boundary. */
  gsize window = len;
  if (window > MAX_DATELINE_BYTES)
    window = (gsize) (g_utf8_find_prev_char (text, text + MAX_DATELINE_BYTES + 1) - text);

  for (guint i = 0; i < rules->len; i++)
    {
      GMatchInfo *match = NULL;
      if (g_regex_match_full (rules->pdata[i], text, (gssize) window, 0, 0, &match, NULL))
        {
          int end = 0;
          g_match_info_fetch_pos (match, 0, NULL, &end);
          char *named = g_match_info_fetch_named (match, "place");
          g_match_info_free (match);
          /* A dateline that is the whole sentence is a heading, not a dateline. */
          if (end <= 0 || (gsize) end >= len)
            {
              g_free (named);
              continue;
            }
          *place = g_strstrip (named != NULL && *named ? named : g_strndup (text, (gsize) end));
          if (named != NULL && *named == '\0')
            g_free (named);
          return (gsize) end;
        }
      g_match_info_free (match);
    }
  return 0;
}
