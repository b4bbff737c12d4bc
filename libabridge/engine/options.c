/* Plugin options, validated before a plugin sees them (PulseAudio's
 * modargs): a plugin never has to handle an unknown key or a bad value. */
#include "config.h"
#include "engine/options.h"

#include <errno.h>
#include <math.h>
#include <string.h>

typedef struct {
  uint32_t type;
  gboolean b;
  int64_t i;
  double d;
  char *s;
} Value;

struct abridge_options {
  GHashTable *values; /* key -> Value* */
};

static void
value_free (gpointer data)
{
  Value *v = data;
  g_free (v->s);
  g_free (v);
}

const abridge_option *
abridge_plugin_get_options (const abridge_plugin *plugin)
{
  return ABRIDGE_HAS_MEMBER (plugin, abridge_plugin, options) ? plugin->options : NULL;
}

static gboolean
parse_value (const abridge_option *opt, const char *text, Value *v)
{
  v->type = opt->type;
  switch (opt->type)
    {
    case ABRIDGE_OPTION_BOOL:
      if (g_ascii_strcasecmp (text, "true") == 0 || strcmp (text, "1") == 0
          || g_ascii_strcasecmp (text, "yes") == 0)
        v->b = TRUE;
      else if (g_ascii_strcasecmp (text, "false") == 0 || strcmp (text, "0") == 0
               || g_ascii_strcasecmp (text, "no") == 0)
        v->b = FALSE;
      else
        return FALSE;
      return TRUE;
    case ABRIDGE_OPTION_INT:
      /* GLib would take a leading "\v": a number starts with its sign or digit. */
      return (g_ascii_isdigit (text[0]) || text[0] == '-' || text[0] == '+')
             && g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &v->i, NULL);
    case ABRIDGE_OPTION_DOUBLE:
      {
        /* Plain decimal only: strtod would also take white space, hex, "inf". */
        if (text[strspn (text, "+-.0123456789eE")] != '\0' || *text == '\0')
          return FALSE;
        char *end = NULL;
        errno = 0;
        v->d = g_ascii_strtod (text, &end);
        /* An underflow ("1e-320") is a number, nearly 0; an overflow is not. */
        return *end == '\0' && end != text && (errno == 0 || (errno == ERANGE && fabs (v->d) < 1))
               && isfinite (v->d);
      }
    case ABRIDGE_OPTION_STRING:
      v->s = g_strdup (text);
      return TRUE;
    default:
      return FALSE;
    }
}

static const char *
type_name (uint32_t type)
{
  switch (type)
    {
    case ABRIDGE_OPTION_BOOL: return "a boolean (true/false)";
    case ABRIDGE_OPTION_INT: return "an integer";
    case ABRIDGE_OPTION_DOUBLE: return "a number";
    default: return "a string";
    }
}

/* A table longer than this has lost its NULL key. */
#define MAX_OPTIONS 256

static gboolean
valid_key (const char *key)
{
  if (key[0] == '\0' || strlen (key) > 64)
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

char *
abr_options_check_table (const abridge_plugin *plugin)
{
  const abridge_option *table = abridge_plugin_get_options (plugin);
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);
  char *why = NULL;
  guint n = 0;
  for (const abridge_option *opt = table; opt != NULL && opt->key != NULL && why == NULL;
       opt++, n++)
    {
      Value v = { 0 };
      if (n >= MAX_OPTIONS)
        why = g_strdup_printf ("option table has no end (no NULL key in %u entries)", n);
      else if (!valid_key (opt->key))
        why = g_strdup_printf ("option %u: key is not [a-z0-9_]+ of at most 64 bytes", n);
      else if (!g_hash_table_add (seen, (gpointer) opt->key))
        why = g_strdup_printf ("option '%s' is declared twice", opt->key);
      else if (opt->type < ABRIDGE_OPTION_BOOL || opt->type > ABRIDGE_OPTION_STRING)
        why = g_strdup_printf ("option '%s' has unknown type %u", opt->key, opt->type);
      else if (opt->default_value != NULL && !g_utf8_validate (opt->default_value, -1, NULL))
        why = g_strdup_printf ("option '%s': default is not UTF-8", opt->key);
      else if (opt->default_value != NULL && !parse_value (opt, opt->default_value, &v))
        why = g_strdup_printf ("option '%s': default '%s' is not %s", opt->key,
                               opt->default_value, type_name (opt->type));
      g_free (v.s);
    }
  g_hash_table_unref (seen);
  return why;
}

static const abridge_option *
find_option (const abridge_option *table, const char *key, gsize key_len)
{
  for (const abridge_option *opt = table; opt != NULL && opt->key != NULL; opt++)
    if (strlen (opt->key) == key_len && strncmp (opt->key, key, key_len) == 0)
      return opt;
  return NULL;
}

abridge_options *
abr_options_new (const abridge_plugin *plugin, const GPtrArray *assignments, GError **error)
{
  const abridge_option *table = abridge_plugin_get_options (plugin);
  abridge_options *options = g_new0 (abridge_options, 1);
  options->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, value_free);

  for (const abridge_option *opt = table; opt != NULL && opt->key != NULL; opt++)
    {
      if (opt->default_value == NULL)
        continue;
      Value *v = g_new0 (Value, 1);
      if (!parse_value (opt, opt->default_value, v))
        {
          value_free (v);
          g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_PLUGIN,
                       "plugin '%s': default of option '%s' is not %s", plugin->id, opt->key,
                       type_name (opt->type));
          abr_options_free (options);
          return NULL;
        }
      g_hash_table_replace (options->values, g_strdup (opt->key), v);
    }

  for (guint i = 0; assignments != NULL && i < assignments->len; i++)
    {
      const char *assignment = assignments->pdata[i];
      const char *eq = strchr (assignment, '=');
      gsize key_len = eq != NULL ? (gsize) (eq - assignment) : strlen (assignment);
      const abridge_option *opt = find_option (table, assignment, key_len);
      Value *v = g_new0 (Value, 1);
      if (eq == NULL || opt == NULL || !parse_value (opt, eq + 1, v))
        {
          value_free (v);
          if (eq == NULL)
            g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                         "option '%s.%s' needs a value (-O %s.KEY=VALUE)", plugin->id,
                         assignment, plugin->id);
          else if (opt == NULL)
            g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                         "plugin '%s' has no option '%.*s' (see abridge plugins --verbose)",
                         plugin->id, (int) key_len, assignment);
          else
            g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                         "option '%s.%s' must be %s, not '%s'", plugin->id, opt->key,
                         type_name (opt->type), eq + 1);
          abr_options_free (options);
          return NULL;
        }
      g_hash_table_replace (options->values, g_strdup (opt->key), v);
    }
  return options;
}

void
abr_options_free (abridge_options *options)
{
  if (options == NULL)
    return;
  g_hash_table_unref (options->values);
  g_free (options);
}

static const Value *
lookup (const abridge_options *options, const char *key, uint32_t type)
{
  if (options == NULL || key == NULL)
    return NULL;
  const Value *v = g_hash_table_lookup (options->values, key);
  return v != NULL && v->type == type ? v : NULL;
}

int
abr_options_bool (const abridge_options *options, const char *key)
{
  const Value *v = lookup (options, key, ABRIDGE_OPTION_BOOL);
  return v != NULL && v->b;
}

int64_t
abr_options_int (const abridge_options *options, const char *key)
{
  const Value *v = lookup (options, key, ABRIDGE_OPTION_INT);
  return v != NULL ? v->i : 0;
}

double
abr_options_double (const abridge_options *options, const char *key)
{
  const Value *v = lookup (options, key, ABRIDGE_OPTION_DOUBLE);
  return v != NULL ? v->d : 0.0;
}

const char *
abr_options_string (const abridge_options *options, const char *key)
{
  const Value *v = lookup (options, key, ABRIDGE_OPTION_STRING);
  return v != NULL ? v->s : NULL;
}
