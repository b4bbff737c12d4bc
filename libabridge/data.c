/* Access to the data files embedded as a GResource. */
#include "config.h"
#include "data.h"

#include <gio/gio.h>
#include <string.h>

#include "abridge-resources.h"

#define RESOURCE_PREFIX "/org/abridge/data/"

static GMutex cache_lock;
static GHashTable *bytes_cache; /* name -> GBytes */
static GHashTable *set_cache;   /* name -> GHashTable */
static GHashTable *lines_cache; /* name -> GStrv */

static GBytes *
lookup_locked (const char *name)
{
  if (bytes_cache == NULL)
    bytes_cache = g_hash_table_new (g_str_hash, g_str_equal);
  GBytes *bytes = g_hash_table_lookup (bytes_cache, name);
  if (bytes == NULL)
    {
      char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
      GError *error = NULL;
      bytes = g_resource_lookup_data (abridge_get_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_error ("built-in data file %s is missing: %s", path, error->message);
      g_free (path);
      g_hash_table_insert (bytes_cache, g_strdup (name), bytes);
    }
  return bytes;
}

const char *
abridge_data_get (const char *name, gsize *len)
{
  g_mutex_lock (&cache_lock);
  GBytes *bytes = lookup_locked (name);
  g_mutex_unlock (&cache_lock);
  /* GResource data is always NUL-terminated. */
  return g_bytes_get_data (bytes, len);
}

static GStrv
split_lines (const char *data)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **raw = g_strsplit (data, "\n", -1);
  for (char **line = raw; *line != NULL; line++)
    {
      char *text = g_strstrip (*line);
      if (*text != '\0' && *text != '#')
        g_strv_builder_add (builder, text);
    }
  g_strfreev (raw);
  GStrv lines = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return lines;
}

const char *const *
abridge_data_lines (const char *name)
{
  g_mutex_lock (&cache_lock);
  if (lines_cache == NULL)
    lines_cache = g_hash_table_new (g_str_hash, g_str_equal);
  GStrv lines = g_hash_table_lookup (lines_cache, name);
  if (lines == NULL)
    {
      lines = split_lines (g_bytes_get_data (lookup_locked (name), NULL));
      g_hash_table_insert (lines_cache, g_strdup (name), lines);
    }
  g_mutex_unlock (&cache_lock);
  return (const char *const *) lines;
}

GHashTable *
abridge_data_word_set (const char *name)
{
  const char *const *lines = abridge_data_lines (name);
  g_mutex_lock (&cache_lock);
  if (set_cache == NULL)
    set_cache = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *set = g_hash_table_lookup (set_cache, name);
  if (set == NULL)
    {
      set = g_hash_table_new (g_str_hash, g_str_equal);
      for (const char *const *line = lines; *line != NULL; line++)
        g_hash_table_add (set, (gpointer) *line);
      g_hash_table_insert (set_cache, g_strdup (name), set);
    }
  g_mutex_unlock (&cache_lock);
  return set;
}
