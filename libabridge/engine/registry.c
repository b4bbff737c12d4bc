/* Plugin discovery and loading with libltdl (hwloc, GStreamer), and the
 * internal parsers module's (parsers.h): the one file that includes
 * <ltdl.h>, with every lt_* call under one lock. */
#include "config.h"
#include "engine/registry.h"

#include <dlfcn.h>
#include <errno.h>
#include <link.h>
#include <ltdl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/host.h"
#include "parsers/parsers.h"

#ifndef LT_MODULE_EXT
#define LT_MODULE_EXT ".so"
#endif
/* A library offering more descriptors than this is broken, not generous. */
#define MAX_DESCRIPTORS_PER_LIBRARY 256

static GRecMutex ltdl_lock;

void
abr_registry_lock (void)
{
  g_rec_mutex_lock (&ltdl_lock);
}

void
abr_registry_unlock (void)
{
  g_rec_mutex_unlock (&ltdl_lock);
}

struct abridge_registry {
  AbridgeRegistryFlags flags;
  GArray *entries;       /* abridge_plugin_entry */
  GPtrArray *files;      /* owns the entries' file strings */
  GPtrArray *handles;    /* lt_dlhandle, closed on free */
  GPtrArray *rejections; /* "FILE: reason" */
  GStrv search_path;
};

static void
trace (const char *fmt, ...) G_GNUC_PRINTF (1, 2);
static void
trace (const char *fmt, ...)
{
  if (!abr_host_verbose ())
    return;
  va_list ap;
  va_start (ap, fmt);
  char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  fprintf (stderr, "abridge: plugins: %s\n", msg);
  g_free (msg);
}

static void
reject (abridge_registry *reg, const char *file, const char *fmt, ...) G_GNUC_PRINTF (3, 4);
static void
reject (abridge_registry *reg, const char *file, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *reason = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  fprintf (stderr, "abridge: plugin %s: %s\n", file, reason);
  g_ptr_array_add (reg->rejections, g_strdup_printf ("%s: %s", file, reason));
  g_free (reason);
}

/* Where an uninstalled abridge (running from its build tree) finds the
 * plugins it was built with, so that nothing needs `make install` first. */
static char *
build_tree_plugin_dir (void)
{
  char *exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe == NULL)
    return NULL;
  char *dir = g_path_get_dirname (exe);
  char *libs = g_build_filename (ABRIDGE_BUILD_DIR, ".libs", NULL);
  char *result = NULL;
  if (strcmp (dir, ABRIDGE_BUILD_DIR) == 0 || strcmp (dir, libs) == 0)
    result = g_build_filename (ABRIDGE_BUILD_DIR, "plugins", ".libs", NULL);
  g_free (libs);
  g_free (dir);
  g_free (exe);
  return result;
}

static void
add_path_list (GStrvBuilder *builder, const char *list)
{
  if (list == NULL)
    return;
  char **parts = g_strsplit (list, G_SEARCHPATH_SEPARATOR_S, -1);
  for (char **p = parts; *p != NULL; p++)
    if (**p != '\0')
      g_strv_builder_add (builder, *p);
  g_strfreev (parts);
}

static GStrv
make_search_path (const char *const *dirs)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  for (const char *const *d = dirs; d != NULL && *d != NULL; d++)
    g_strv_builder_add (builder, *d);
  add_path_list (builder, g_getenv ("ABRIDGE_PLUGIN_PATH"));
  const char *system_path = g_getenv ("ABRIDGE_PLUGIN_SYSTEM_PATH");
  if (system_path != NULL)
    add_path_list (builder, system_path);
  else
    {
      char *uninstalled = build_tree_plugin_dir ();
      g_strv_builder_add (builder, uninstalled != NULL ? uninstalled : ABRIDGE_PLUGIN_DIR);
      if (uninstalled != NULL)
        trace ("running from the build tree: using %s", uninstalled);
      g_free (uninstalled);
    }
  GStrv path = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return path;
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

/* Checks one descriptor; returns TRUE when it was accepted. */
static gboolean
consider (abridge_registry *reg, const char *file, const abridge_plugin *d, uint32_t index)
{
  /* The version first: another major may lay its descriptor out
   * differently, and its author needs to hear about the version, not the
   * size. The first two members are the same in every major. */
  if (d->struct_size >= 2 * sizeof (uint32_t)
      && ABRIDGE_ABI_VERSION_MAJOR (d->abi_version) != ABRIDGE_ABI_MAJOR)
    {
      reject (reg, file, "built for ABI %u, this abridge speaks %u",
              ABRIDGE_ABI_VERSION_MAJOR (d->abi_version), ABRIDGE_ABI_MAJOR);
      return FALSE;
    }
  if (d->struct_size < ABR_PLUGIN_SIZE_1_0)
    {
      reject (reg, file, "descriptor %u is %u bytes, ABI 1.0 needs at least %u", index,
              d->struct_size, (unsigned) ABR_PLUGIN_SIZE_1_0);
      return FALSE;
    }
  if (!valid_id (d->id))
    {
      reject (reg, file, "descriptor %u has no valid id ([a-z0-9_-]+)", index);
      return FALSE;
    }
  if (d->instantiate == NULL || d->rank == NULL)
    {
      reject (reg, file, "plugin '%s' lacks instantiate() or rank()", d->id);
      return FALSE;
    }
  const abridge_plugin_entry *existing = abridge_registry_find (reg, d->id);
  if (existing != NULL)
    {
      fprintf (stderr, "abridge: plugin %s: id '%s' already provided by %s, which wins\n", file,
               d->id, existing->file);
      g_ptr_array_add (reg->rejections,
                       g_strdup_printf ("%s: duplicate id '%s' (%s wins)", file, d->id,
                                        existing->file));
      return FALSE;
    }
  abridge_plugin_entry entry = { d, file };
  g_array_append_val (reg->entries, entry);
  trace ("%s: accepted '%s' (ABI %u.%u)", file, d->id, ABRIDGE_ABI_VERSION_MAJOR (d->abi_version),
         ABRIDGE_ABI_VERSION_MINOR (d->abi_version));
  return TRUE;
}

/* libltdl says "file not found" for any file dlopen() refuses, there or
 * not (a plugin or module whose library is missing, a damaged file):
 * dlopen() itself says why. */
static char *
dlopen_reason (const char *file, const char *ltdl_reason)
{
  void *handle = dlopen (file, RTLD_LAZY | RTLD_LOCAL);
  if (handle != NULL)
    {
      dlclose (handle);
      return g_strdup (ltdl_reason != NULL ? ltdl_reason : "unknown error");
    }
  const char *e = dlerror ();
  return g_strdup (e != NULL ? e : ltdl_reason != NULL ? ltdl_reason : "unknown error");
}

static void
load_file (abridge_registry *reg, const char *file, lt_dladvise advise)
{
  struct stat st;
  if (stat (file, &st) != 0 || !S_ISREG (st.st_mode))
    return;
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) && !(reg->flags & ABRIDGE_REGISTRY_ALLOW_UNSAFE))
    {
      reject (reg, file,
              "is group- or world-writable, refusing to load it (--allow-unsafe-plugins)");
      return;
    }

  lt_dlhandle handle = lt_dlopenadvise (file, advise);
  if (handle == NULL)
    {
      char *why = dlopen_reason (file, lt_dlerror ());
      reject (reg, file, "cannot be loaded: %s", why);
      g_free (why);
      return;
    }
  abridge_plugin_descriptor_fn entry
      = (abridge_plugin_descriptor_fn) lt_dlsym (handle, ABRIDGE_PLUGIN_ENTRY);
  if (entry == NULL)
    {
      reject (reg, file, "no %s() entry point: not an abridge plugin", ABRIDGE_PLUGIN_ENTRY);
      lt_dlclose (handle);
      return;
    }

  /* The file string outlives the entries that point at it. */
  char *owned = g_strdup (file);
  g_ptr_array_add (reg->files, owned);
  guint accepted = 0, index = 0;
  const abridge_plugin *d;
  while (index < MAX_DESCRIPTORS_PER_LIBRARY
         && (d = entry (ABRIDGE_ABI_VERSION, index)) != NULL)
    {
      accepted += consider (reg, owned, d, index);
      index++;
    }
  if (index == 0)
    reject (reg, file, "returned no descriptor for ABI %u.%u", ABRIDGE_ABI_MAJOR,
            ABRIDGE_ABI_MINOR);
  if (accepted > 0)
    g_ptr_array_add (reg->handles, handle);
  else
    lt_dlclose (handle);
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
load_dir (abridge_registry *reg, const char *dir, lt_dladvise advise)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    {
      trace ("%s: not a readable directory, skipped", dir);
      return;
    }
  struct stat st;
  if (stat (dir, &st) == 0 && (st.st_mode & S_IWOTH) && !(st.st_mode & S_ISVTX)
      && !(reg->flags & ABRIDGE_REGISTRY_ALLOW_UNSAFE))
    {
      reject (reg, dir, "directory is world-writable, refusing to load from it");
      g_dir_close (d);
      return;
    }
  /* Sorted, so that which duplicate wins does not depend on the file system. */
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, LT_MODULE_EXT))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_dir_close (d);
  g_ptr_array_sort (names, compare_names);
  trace ("%s: %u candidate file(s)", dir, names->len);
  for (guint i = 0; i < names->len; i++)
    load_file (reg, names->pdata[i], advise);
  g_ptr_array_unref (names);
}

abridge_registry *
abridge_registry_new (const char *const *dirs, GError **error)
{
  return abridge_registry_new_full (dirs, 0, error);
}

abridge_registry *
abridge_registry_new_full (const char *const *dirs, AbridgeRegistryFlags flags, GError **error)
{
  abr_registry_lock ();
  if (lt_dlinit () != 0)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_PLUGIN, "libltdl failed to start: %s",
                   lt_dlerror ());
      abr_registry_unlock ();
      return NULL;
    }
  abridge_registry *reg = g_new0 (abridge_registry, 1);
  reg->flags = flags;
  reg->entries = g_array_new (FALSE, FALSE, sizeof (abridge_plugin_entry));
  reg->files = g_ptr_array_new_with_free_func (g_free);
  reg->handles = g_ptr_array_new ();
  reg->rejections = g_ptr_array_new_with_free_func (g_free);
  reg->search_path = make_search_path (dirs);

  lt_dladvise advise;
  lt_dladvise_init (&advise);
  lt_dladvise_ext (&advise);
  lt_dladvise_local (&advise);
  for (char **dir = reg->search_path; *dir != NULL; dir++)
    load_dir (reg, *dir, advise);
  lt_dladvise_destroy (&advise);
  abr_registry_unlock ();
  return reg;
}

void
abridge_registry_free (abridge_registry *reg)
{
  if (reg == NULL)
    return;
  abr_registry_lock ();
  for (guint i = 0; i < reg->handles->len; i++)
    lt_dlclose (reg->handles->pdata[i]);
  lt_dlexit ();
  abr_registry_unlock ();
  g_ptr_array_unref (reg->handles);
  g_array_unref (reg->entries);
  g_ptr_array_unref (reg->files);
  g_ptr_array_unref (reg->rejections);
  g_strfreev (reg->search_path);
  g_free (reg);
}

guint
abridge_registry_count (const abridge_registry *reg)
{
  return reg->entries->len;
}

const abridge_plugin_entry *
abridge_registry_get (const abridge_registry *reg, guint i)
{
  return i < reg->entries->len ? &g_array_index (reg->entries, abridge_plugin_entry, i) : NULL;
}

const abridge_plugin_entry *
abridge_registry_find (const abridge_registry *reg, const char *id)
{
  for (guint i = 0; i < reg->entries->len; i++)
    {
      const abridge_plugin_entry *e = &g_array_index (reg->entries, abridge_plugin_entry, i);
      if (strcmp (e->descriptor->id, id) == 0)
        return e;
    }
  return NULL;
}

const char *const *
abridge_registry_search_path (const abridge_registry *reg)
{
  return (const char *const *) reg->search_path;
}

const GPtrArray *
abridge_registry_rejections (const abridge_registry *reg)
{
  return reg->rejections;
}

/* ---- the internal parsers module (parsers.h) ------------------------------------ */

static gsize parsers_once;
static const abr_parser_table *parsers_table;
static char *parsers_file, *parsers_why;

/* The build tree's module when the core running is the build tree's,
 * else the installed one. Decided by where the core itself was loaded
 * from (dladdr), not by the executable as for plugins
 * (build_tree_plugin_dir()): the test programs link the core in and live
 * under tests/, and an abridge run with LD_LIBRARY_PATH=BUILD/libabridge/.libs
 * gets the module built with that library. The build tree's core is
 * BUILD/libabridge/.libs/libabridge.so or a program under BUILD/tests/;
 * an installed libabridge is in $(libdir), never one of those, so an
 * installed abridge never loads a build tree's module (and a copy of
 * libabridge anywhere else looks in $(pkglibdir)/internal). No
 * environment variable of its own, so that a variable left set in a shell
 * cannot make an installed abridge load another module. */
char *
abr_parsers_module_path (void)
{
  Dl_info info;
  struct link_map *map = NULL;
  char *core = NULL;
  if (dladdr1 ((void *) abr_parsers_module_path, &info, (void **) &map, RTLD_DL_LINKMAP) != 0
      && map != NULL)
    /* The executable's map has no name. A library's is as the dynamic
     * loader found it, relative with a relative LD_LIBRARY_PATH: abridge
     * never changes directory, and an unresolvable name means the
     * installed module. */
    core = realpath (map->l_name[0] != '\0' ? map->l_name : "/proc/self/exe", NULL);
  char *build = realpath (ABRIDGE_BUILD_DIR, NULL);
  char *result = NULL;
  if (core != NULL && build != NULL)
    {
      char *dir = g_path_get_dirname (core);
      char *libs = g_build_filename (build, "libabridge", ".libs", NULL);
      char *tests = g_strconcat (build, G_DIR_SEPARATOR_S "tests" G_DIR_SEPARATOR_S, NULL);
      if (strcmp (dir, libs) == 0 || g_str_has_prefix (dir, tests))
        result = g_build_filename (libs, "parsers" LT_MODULE_EXT, NULL);
      g_free (tests);
      g_free (libs);
      g_free (dir);
    }
  free (build);
  free (core);
  return result != NULL ? result : g_strdup (ABRIDGE_PARSERS_DIR G_DIR_SEPARATOR_S "parsers" LT_MODULE_EXT);
}


const abr_parser_table *
abr_parsers_open (const char *file, char **why)
{
  struct stat st;
  if (stat (file, &st) != 0)
    {
      *why = g_strdup (g_strerror (errno));
      return NULL;
    }
  abr_registry_lock ();
  if (lt_dlinit () != 0)
    {
      *why = g_strdup_printf ("libltdl failed to start: %s", lt_dlerror ());
      abr_registry_unlock ();
      return NULL;
    }
  lt_dladvise advise;
  lt_dladvise_init (&advise);
  lt_dladvise_local (&advise);
  lt_dlhandle handle = lt_dlopenadvise (file, advise);
  lt_dladvise_destroy (&advise);
  const abr_parser_table *table = NULL;
  if (handle == NULL)
    *why = dlopen_reason (file, lt_dlerror ());
  else if ((table = lt_dlsym (handle, ABR_PARSERS_SYMBOL)) == NULL)
    *why = g_strdup_printf ("no %s symbol: not abridge's parsers module", ABR_PARSERS_SYMBOL);
  else if (table->version != ABR_PARSERS_VERSION)
    {
      *why = g_strdup_printf ("module version %u, this abridge needs version %u "
                              "(a module of another abridge?)",
                              table->version, ABR_PARSERS_VERSION);
      table = NULL;
    }
  else if (table->size < sizeof (abr_parser_table))
    {
      *why = g_strdup_printf ("a table of %u bytes, this abridge needs %zu (a damaged module?)",
                              table->size, sizeof (abr_parser_table));
      table = NULL;
    }
  /* A module in use stays loaded, and libltdl initialised, for the life
   * of the process: its functions and libraries (libxml2, gobject) are
   * not made to be unloaded. */
  if (table == NULL)
    {
      if (handle != NULL)
        lt_dlclose (handle);
      lt_dlexit ();
    }
  abr_registry_unlock ();
  return table;
}

void
abr_parsers_use (const abr_parser_table *table)
{
  parsers_table = table;
}

const abr_parser_table *
abr_parsers_get (const char *what, GError **error)
{
  if (g_once_init_enter (&parsers_once))
    {
      if (parsers_table == NULL)
        {
          parsers_file = abr_parsers_module_path ();
          parsers_table = abr_parsers_open (parsers_file, &parsers_why);
          trace ("parsers module %s: %s", parsers_file,
                 parsers_table != NULL ? "loaded" : parsers_why);
        }
      g_once_init_leave (&parsers_once, 1);
    }
  if (parsers_table == NULL)
    g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_PLUGIN, "cannot load the %s (%s): %s", what,
                 parsers_file, parsers_why);
  return parsers_table;
}
