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
#include "engine/options.h"
#include "engine/trust.h"
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
  char *shipped_dir;     /* resolved: where abridge's own plugins are, or NULL */
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

static void
reject_dir (abridge_registry *reg, const char *dir, const char *fmt, ...) G_GNUC_PRINTF (3, 4);
static void
reject_dir (abridge_registry *reg, const char *dir, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *reason = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  fprintf (stderr, "abridge: plugin directory %s: %s\n", dir, reason);
  g_ptr_array_add (reg->rejections, g_strdup_printf ("%s: %s", dir, reason));
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
make_search_path (const char *const *dirs, gboolean only_dirs)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  for (const char *const *d = dirs; d != NULL && *d != NULL; d++)
    g_strv_builder_add (builder, *d);
  if (only_dirs)
    {
      GStrv path = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
      return path;
    }
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

/* Whether FILE holds the shipped plugin ID: one of abridge's own
 * libraries (ABRIDGE_SHIPPED_PLUGINS), named for the id, in the directory
 * abridge installed them in (or its build tree's, for an uninstalled
 * abridge). */
static gboolean
is_shipped (const abridge_registry *reg, const char *file, const char *id)
{
  if (reg->shipped_dir == NULL)
    return FALSE;
  char *base = g_path_get_basename (file);
  char *want = g_strconcat (id, LT_MODULE_EXT, NULL);
  gboolean named = strcmp (base, want) == 0;
  g_free (want);
  g_free (base);
  if (!named)
    return FALSE;
  char **shipped = g_strsplit (ABRIDGE_SHIPPED_PLUGINS, " ", -1);
  gboolean ours = g_strv_contains ((const char *const *) shipped, id);
  g_strfreev (shipped);
  if (!ours)
    return FALSE;
  char *dir = g_path_get_dirname (file);
  char *resolved = realpath (dir, NULL);
  gboolean there = resolved != NULL && strcmp (resolved, reg->shipped_dir) == 0;
  free (resolved);
  g_free (dir);
  return there;
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
  /* A default that does not parse would fail every use: refused here,
   * where its author sees it, not at the first -p. */
  char *bad_options = abr_options_check_table (d);
  if (bad_options != NULL)
    {
      reject (reg, file, "plugin '%s': %s", d->id, bad_options);
      g_free (bad_options);
      return FALSE;
    }
  gboolean shipped = is_shipped (reg, file, d->id);
  abridge_plugin_entry *existing = (abridge_plugin_entry *) abridge_registry_find (reg, d->id);
  if (existing != NULL)
    {
      /* First in the search path wins; a shipped plugin hidden by another
       * library is said again by `abridge plugins`, beside the winner. */
      if (shipped && existing->replaces == NULL)
        existing->replaces = file;
      reject (reg, file, "duplicate id '%s': %s comes first in the search path and wins%s", d->id,
              existing->file, shipped ? " (it replaces this shipped plugin)" : "");
      return FALSE;
    }
  abridge_plugin_entry entry = { d, file, shipped, NULL };
  g_array_append_val (reg->entries, entry);
  trace ("%s: accepted '%s' (ABI %u.%u)", file, d->id, ABRIDGE_ABI_VERSION_MAJOR (d->abi_version),
         ABRIDGE_ABI_VERSION_MINOR (d->abi_version));
  return TRUE;
}

/* dlerror()'s message without the file name it starts with, which the
 * caller's message gives already. */
static char *
dlerror_reason (const char *file)
{
  const char *e = dlerror ();
  if (e == NULL)
    return NULL;
  gsize n = strlen (file);
  if (strncmp (e, file, n) == 0 && strncmp (e + n, ": ", 2) == 0)
    e += n + 2;
  return g_strdup (e);
}

/* libltdl says "file not found" for any file dlopen() refuses, there or
 * not (a plugin or module whose library is missing, a damaged file):
 * dlopen() itself says why. */
static char *
dlopen_reason (const char *file, const char *ltdl_reason)
{
  void *handle = dlopen (file, RTLD_NOW | RTLD_LOCAL);
  if (handle != NULL)
    {
      dlclose (handle);
      return g_strdup (ltdl_reason != NULL ? ltdl_reason : "unknown error");
    }
  char *why = dlerror_reason (file);
  return why != NULL ? why : g_strdup (ltdl_reason != NULL ? ltdl_reason : "unknown error");
}

/* Loads FILE, found in DIR (already checked; NULL when FILE was named
 * on its own). */
static void
load_file (abridge_registry *reg, const char *file, const char *dir, lt_dladvise advise)
{
  struct stat st;
  int found = stat (file, &st);
  if (found != 0 || !S_ISREG (st.st_mode))
    {
      if (dir == NULL)
        reject (reg, file, "%s", found != 0 ? g_strerror (errno) : "not a regular file");
      return;
    }
  if (!(reg->flags & ABRIDGE_REGISTRY_ALLOW_UNSAFE))
    {
      char *why = abr_trust_file (file, dir);
      if (why != NULL)
        {
          reject (reg, file, "not loaded: %s (--allow-unsafe-plugins loads it anyway)", why);
          g_free (why);
          return;
        }
    }

  /* Every symbol bound now: a plugin that uses a function nothing
   * defines is refused here, naming it, rather than killing abridge at
   * its first use ("symbol lookup error"). libltdl has no advice for it,
   * so the library is opened once with RTLD_NOW; libltdl then finds it
   * loaded and bound. */
  void *bound = dlopen (file, RTLD_NOW | RTLD_LOCAL);
  if (bound == NULL)
    {
      char *why = dlerror_reason (file);
      reject (reg, file, "cannot be loaded: %s", why != NULL ? why : "unknown error");
      g_free (why);
      return;
    }
  lt_dlhandle handle = lt_dlopenadvise (file, advise);
  dlclose (bound);
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
  /* A relative entry would be searched from wherever abridge is run. */
  if (!g_path_is_absolute (dir))
    {
      reject_dir (reg, dir,
                  "a relative path is never searched (the current directory is not a plugin "
                  "directory): give it as an absolute path");
      return;
    }
  struct stat st;
  if ((reg->flags & ABRIDGE_REGISTRY_ONLY_DIRS) && stat (dir, &st) == 0 && !S_ISDIR (st.st_mode))
    {
      load_file (reg, dir, NULL, advise);
      return;
    }
  GDir *d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    {
      trace ("%s: not a readable directory, skipped", dir);
      if (reg->flags & ABRIDGE_REGISTRY_ONLY_DIRS)
        reject_dir (reg, dir, "%s", stat (dir, &st) != 0 ? g_strerror (errno)
                                                           : "not a readable directory");
      return;
    }
  if (!(reg->flags & ABRIDGE_REGISTRY_ALLOW_UNSAFE))
    {
      char *why = abr_trust_directory (dir);
      if (why != NULL)
        {
          reject_dir (reg, dir, "not searched: %s (--allow-unsafe-plugins searches it anyway)",
                      why);
          g_free (why);
          g_dir_close (d);
          return;
        }
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
    load_file (reg, names->pdata[i], dir, advise);
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
  reg->search_path = make_search_path (dirs, (flags & ABRIDGE_REGISTRY_ONLY_DIRS) != 0);
  char *shipped = build_tree_plugin_dir ();
  reg->shipped_dir = realpath (shipped != NULL ? shipped : ABRIDGE_PLUGIN_DIR, NULL);
  g_free (shipped);

  lt_dladvise advise;
  lt_dladvise_init (&advise);
  lt_dladvise_ext (&advise);
  lt_dladvise_local (&advise);
  /* One directory named twice (--plugin-dir of the build tree's plugins,
   * which an uninstalled abridge searches anyway) is searched once: its
   * plugins are not duplicates of themselves. */
  GArray *seen = g_array_new (FALSE, FALSE, sizeof (struct stat));
  for (char **dir = reg->search_path; *dir != NULL; dir++)
    {
      struct stat st;
      gboolean again = FALSE;
      if (g_path_is_absolute (*dir) && stat (*dir, &st) == 0)
        {
          for (guint i = 0; i < seen->len && !again; i++)
            {
              const struct stat *s = &g_array_index (seen, struct stat, i);
              again = s->st_dev == st.st_dev && s->st_ino == st.st_ino;
            }
          if (!again)
            g_array_append_val (seen, st);
        }
      if (again)
        trace ("%s: searched already (the same directory by another name)", *dir);
      else
        load_dir (reg, *dir, advise);
    }
  g_array_unref (seen);
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
  free (reg->shipped_dir);
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
