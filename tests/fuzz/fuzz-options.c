/* libFuzzer target: plugin options, -O PLUGIN.KEY=VALUE after the CLI has
 * cut "PLUGIN." (libabridge/options.c).
 *
 * Input: lines (NUL also ends a line), each one "KEY=VALUE" assignment as
 * the engine hands them to abr_options_new(). When the input starts
 * with the line "#defaults", the next four lines are the defaults of the
 * fake plugin's bool, int, double and string options (a plugin author's
 * mistakes: the ABRIDGE_ERROR_PLUGIN path); otherwise the defaults are
 * valid. Bytes are made valid UTF-8 first, as GOption hands the CLI UTF-8.
 *
 * Checks: an accepted set of assignments reads back through the getters
 * as the last assignment of each key said (or the default); getters of the
 * wrong type or an unknown key answer 0/NULL; a refused one has an error
 * of the right code naming the plugin. */
#include "config.h"

#include <errno.h>
#include <math.h>

#include "fuzz-common.h"
#include "engine/options.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  fuzz_init_glib ();
  return 0;
}

enum { OPT_FLAG, OPT_COUNT, OPT_WEIGHT, OPT_NAME, OPT_NAME2, N_OPTS };

static int
find_key (const abridge_option *table, const char *assignment)
{
  const char *eq = strchr (assignment, '=');
  if (eq == NULL)
    return -1;
  for (int i = 0; i < N_OPTS; i++)
    if (strlen (table[i].key) == (size_t) (eq - assignment)
        && strncmp (table[i].key, assignment, (size_t) (eq - assignment)) == 0)
      return i;
  return -1;
}

static void
check_value (const abridge_options *o, const abridge_option *opt, const char *text)
{
  switch (opt->type)
    {
    case ABRIDGE_OPTION_BOOL:
      {
        gboolean yes = g_ascii_strcasecmp (text, "true") == 0 || strcmp (text, "1") == 0
                       || g_ascii_strcasecmp (text, "yes") == 0;
        gboolean no = g_ascii_strcasecmp (text, "false") == 0 || strcmp (text, "0") == 0
                      || g_ascii_strcasecmp (text, "no") == 0;
        FUZZ_CHECK (yes || no, "bool option accepted '%s'", text);
        FUZZ_CHECK (abr_options_bool (o, opt->key) == (yes ? 1 : 0), "bool '%s' read back wrong",
                    text);
        break;
      }
    case ABRIDGE_OPTION_INT:
      {
        const char *p = text + (*text == '-' || *text == '+');
        FUZZ_CHECK (*p != '\0', "int option accepted '%s'", text);
        for (; *p != '\0'; p++)
          FUZZ_CHECK (g_ascii_isdigit (*p), "int option accepted '%s'", text);
        errno = 0;
        gint64 want = g_ascii_strtoll (text, NULL, 10);
        FUZZ_CHECK (errno == 0, "int option accepted out-of-range '%s'", text);
        FUZZ_CHECK (abr_options_int (o, opt->key) == want, "int '%s' read back wrong", text);
        break;
      }
    case ABRIDGE_OPTION_DOUBLE:
      {
        double got = abr_options_double (o, opt->key);
        FUZZ_CHECK (isfinite (got), "double option '%s' read back as %g", text, got);
        char *end = NULL;
        double want = g_ascii_strtod (text, &end);
        FUZZ_CHECK (*text != '\0' && *end == '\0', "double option accepted '%s'", text);
        FUZZ_CHECK (got == want, "double '%s' read back as %g, not %g", text, got, want);
        break;
      }
    case ABRIDGE_OPTION_STRING:
      {
        const char *got = abr_options_string (o, opt->key);
        FUZZ_CHECK (got != NULL && strcmp (got, text) == 0, "string '%s' read back wrong", text);
        break;
      }
    }
  /* The getters of the other types answer "unset". */
  if (opt->type != ABRIDGE_OPTION_BOOL)
    FUZZ_CHECK (abr_options_bool (o, opt->key) == 0, "bool getter on %s", opt->key);
  if (opt->type != ABRIDGE_OPTION_INT)
    FUZZ_CHECK (abr_options_int (o, opt->key) == 0, "int getter on %s", opt->key);
  if (opt->type != ABRIDGE_OPTION_DOUBLE)
    FUZZ_CHECK (abr_options_double (o, opt->key) == 0.0, "double getter on %s", opt->key);
  if (opt->type != ABRIDGE_OPTION_STRING)
    FUZZ_CHECK (abr_options_string (o, opt->key) == NULL, "string getter on %s", opt->key);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *raw = g_malloc (size + 1);
  memcpy (raw, data, size);
  for (size_t i = 0; i < size; i++)
    if (raw[i] == '\0')
      raw[i] = '\n';
  char *valid = g_utf8_make_valid (raw, (gssize) size);
  char **lines = g_strsplit (valid, "\n", -1);
  g_free (valid);
  g_free (raw);

  abridge_option table[N_OPTS + 1] = {
    { "flag", ABRIDGE_OPTION_BOOL, "false", "a boolean" },
    { "count", ABRIDGE_OPTION_INT, "3", "an integer" },
    { "weight", ABRIDGE_OPTION_DOUBLE, "0.5", "a number" },
    { "name", ABRIDGE_OPTION_STRING, "abc", "a string" },
    { "name2", ABRIDGE_OPTION_STRING, NULL, "a string without default" },
    { NULL, 0, NULL, NULL },
  };
  char **line = lines;
  if (*line != NULL && strcmp (*line, "#defaults") == 0)
    {
      line++;
      for (int i = 0; i < OPT_NAME2 && *line != NULL; i++, line++)
        table[i].default_value = *line;
    }
  abridge_plugin plugin = {
    .struct_size = sizeof (abridge_plugin),
    .abi_version = ABRIDGE_ABI_VERSION,
    .id = "fuzz",
    .name = "Fuzz",
    .version = "1",
    .description = "a fake plugin with one option of each type",
    .options = table,
  };

  GPtrArray *assignments = g_ptr_array_new ();
  for (; *line != NULL; line++)
    g_ptr_array_add (assignments, *line);

  GError *error = NULL;
  abridge_options *o = abr_options_new (&plugin, assignments, &error);
  FUZZ_CHECK ((o != NULL) == (error == NULL), "options_new: result and error disagree");
  if (o == NULL)
    {
      FUZZ_CHECK (error->domain == ABRIDGE_ERROR
                      && (error->code == ABRIDGE_ERROR_USAGE || error->code == ABRIDGE_ERROR_PLUGIN)
                      && strstr (error->message, "fuzz") != NULL,
                  "unclear option error: %s", error->message);
      FUZZ_CHECK (fuzz_is_text (error->message, strlen (error->message)),
                  "option error message is not valid UTF-8");
      g_error_free (error);
    }
  else
    {
      /* The last assignment of a key wins; the default stands otherwise. */
      const char *value[N_OPTS];
      for (int i = 0; i < N_OPTS; i++)
        value[i] = table[i].default_value;
      for (guint k = 0; k < assignments->len; k++)
        {
          int i = find_key (table, assignments->pdata[k]);
          FUZZ_CHECK (i >= 0, "accepted unknown or valueless '%s'", (char *) assignments->pdata[k]);
          value[i] = strchr (assignments->pdata[k], '=') + 1;
        }
      for (int i = 0; i < N_OPTS; i++)
        {
          if (value[i] != NULL)
            check_value (o, &table[i], value[i]);
          else
            FUZZ_CHECK (abr_options_string (o, table[i].key) == NULL, "unset %s reads back",
                        table[i].key);
        }
      FUZZ_CHECK (abr_options_int (o, "nope") == 0 && abr_options_string (o, "nope") == NULL
                      && abr_options_int (o, NULL) == 0,
                  "unknown key reads back");
      abr_options_free (o);
    }
  FUZZ_CHECK (abr_options_bool (NULL, "flag") == 0 && abr_options_string (NULL, "name") == NULL,
              "NULL options read back");
  g_ptr_array_unref (assignments);
  g_strfreev (lines);
  return 0;
}
