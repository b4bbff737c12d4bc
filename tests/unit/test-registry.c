/* Plugin discovery: what loads, what is refused and why, and where the
 * registry looks. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/registry.h"

#define FIXTURES TEST_BUILDDIR "/tests/fixtures/plugins/.libs"
#define SHIPPED TEST_BUILDDIR "/plugins/.libs"

static int
hermetic (void **state)
{
  (void) state;
  /* Only the directories a test names: no user or installed plugins. */
  g_setenv ("ABRIDGE_PLUGIN_SYSTEM_PATH", "", TRUE);
  g_unsetenv ("ABRIDGE_PLUGIN_PATH");
  return 0;
}

static abridge_registry *
load (const char *first, const char *second)
{
  const char *dirs[] = { first, second, NULL };
  GError *error = NULL;
  abridge_registry *reg = abridge_registry_new (dirs, &error);
  assert_non_null (reg);
  assert_null (error);
  return reg;
}

/* The refusal recorded for FILE_SUFFIX, or NULL. */
static const char *
refusal (const abridge_registry *reg, const char *file_suffix)
{
  const GPtrArray *r = abridge_registry_rejections (reg);
  for (guint i = 0; i < r->len; i++)
    {
      const char *line = r->pdata[i];
      const char *colon = strstr (line, ": ");
      if (colon != NULL && colon - line >= (ptrdiff_t) strlen (file_suffix)
          && strncmp (colon - strlen (file_suffix), file_suffix, strlen (file_suffix)) == 0)
        return line;
    }
  return NULL;
}

static void
test_registry_loads_the_shipped_lead_plugin (void **state)
{
  (void) state;
  abridge_registry *reg = load (SHIPPED, NULL);
  const abridge_plugin_entry *lead = abridge_registry_find (reg, "lead");
  assert_non_null (lead);
  assert_int_equal (ABRIDGE_ABI_VERSION_MAJOR (lead->descriptor->abi_version), 1);
  assert_true (g_str_has_suffix (lead->file, "/lead.so"));
  abridge_registry_free (reg);
}

static void
test_registry_refuses_another_abi_major_naming_both (void **state)
{
  (void) state;
  abridge_registry *reg = load (FIXTURES, NULL);
  assert_null (abridge_registry_find (reg, "future"));
  const char *why = refusal (reg, "/wrong-abi.so");
  assert_non_null (why);
  assert_non_null (strstr (why, "built for ABI 2, this abridge speaks 1"));
  abridge_registry_free (reg);
}

static void
test_registry_refuses_a_library_without_entry_point (void **state)
{
  (void) state;
  abridge_registry *reg = load (FIXTURES, NULL);
  const char *why = refusal (reg, "/no-entry.so");
  assert_non_null (why);
  assert_non_null (strstr (why, "abridge_plugin_descriptor"));
  abridge_registry_free (reg);
}

static void
test_registry_refuses_a_short_descriptor (void **state)
{
  (void) state;
  abridge_registry *reg = load (FIXTURES, NULL);
  assert_null (abridge_registry_find (reg, "short"));
  const char *why = refusal (reg, "/short-descriptor.so");
  assert_non_null (why);
  assert_non_null (strstr (why, "bytes, ABI 1.0 needs at least"));
  abridge_registry_free (reg);
}

static void
test_registry_refuses_a_library_with_no_descriptor (void **state)
{
  (void) state;
  abridge_registry *reg = load (FIXTURES, NULL);
  const char *why = refusal (reg, "/null-descriptor.so");
  assert_non_null (why);
  assert_non_null (strstr (why, "no descriptor"));
  abridge_registry_free (reg);
}

static void
test_registry_loads_good_plugins_beside_broken_ones (void **state)
{
  (void) state;
  abridge_registry *reg = load (FIXTURES, NULL);
  assert_non_null (abridge_registry_find (reg, "last"));
  /* one library, two descriptors */
  assert_non_null (abridge_registry_find (reg, "hostile"));
  assert_non_null (abridge_registry_find (reg, "extractor"));
  abridge_registry_free (reg);
}

static void
test_registry_refuses_a_file_that_is_not_a_library (void **state)
{
  (void) state;
  char *dir = g_dir_make_tmp ("abridge-registry-XXXXXX", NULL);
  char *bogus = g_build_filename (dir, "bogus.so", NULL);
  assert_true (g_file_set_contents (bogus, "not an ELF file\n", -1, NULL));
  g_chmod (bogus, 0644);
  abridge_registry *reg = load (dir, NULL);
  assert_int_equal (abridge_registry_count (reg), 0);
  const char *why = refusal (reg, "/bogus.so");
  assert_non_null (why);
  assert_non_null (strstr (why, "cannot be loaded"));
  /* dlopen()'s reason, not libltdl's "file not found" for a file that is there. */
  assert_null (strstr (why, "file not found"));
  abridge_registry_free (reg);
  g_unlink (bogus);
  g_rmdir (dir);
  g_free (bogus);
  g_free (dir);
}

static void
test_registry_first_duplicate_in_search_order_wins (void **state)
{
  (void) state;
  abridge_registry *reg = load (FIXTURES, SHIPPED);
  const abridge_plugin_entry *lead = abridge_registry_find (reg, "lead");
  assert_string_equal (lead->descriptor->version, "9.9-fixture");
  const char *why = refusal (reg, "/lead.so");
  assert_non_null (why);
  assert_non_null (strstr (why, "duplicate-lead.so")); /* names the winner too */
  abridge_registry_free (reg);

  reg = load (SHIPPED, FIXTURES);
  assert_string_equal (abridge_registry_find (reg, "lead")->descriptor->version, "1.0.0");
  abridge_registry_free (reg);
}

static void
test_registry_searches_one_directory_named_twice_once (void **state)
{
  (void) state;
  /* The same directory by two names: its plugins are not duplicates of
   * themselves. */
  abridge_registry *reg = load (SHIPPED, SHIPPED "/../.libs");
  assert_int_equal (abridge_registry_rejections (reg)->len, 0);
  assert_non_null (abridge_registry_find (reg, "lead"));
  guint leads = 0;
  for (guint i = 0; i < abridge_registry_count (reg); i++)
    leads += strcmp (abridge_registry_get (reg, i)->descriptor->id, "lead") == 0;
  assert_int_equal (leads, 1);
  abridge_registry_free (reg);
}

static void
test_registry_refuses_a_world_writable_plugin (void **state)
{
  (void) state;
  char *dir = g_dir_make_tmp ("abridge-registry-XXXXXX", NULL);
  char *src = NULL, *copy = g_build_filename (dir, "good.so", NULL);
  gsize len;
  assert_true (g_file_get_contents (FIXTURES "/good.so", &src, &len, NULL));
  assert_true (g_file_set_contents (copy, src, (gssize) len, NULL));
  g_chmod (copy, 0666);
  abridge_registry *reg = load (dir, NULL);
  assert_null (abridge_registry_find (reg, "last"));
  assert_non_null (strstr (refusal (reg, "/good.so"), "good.so is writable by others (mode 0666)"));
  abridge_registry_free (reg);

  const char *dirs[] = { dir, NULL };
  reg = abridge_registry_new_full (dirs, ABRIDGE_REGISTRY_ALLOW_UNSAFE, NULL);
  assert_non_null (abridge_registry_find (reg, "last")); /* --allow-unsafe-plugins */
  abridge_registry_free (reg);

  g_chmod (copy, 0755);
  reg = load (dir, NULL);
  assert_non_null (abridge_registry_find (reg, "last"));
  abridge_registry_free (reg);
  g_unlink (copy);
  g_rmdir (dir);
  g_free (copy);
  g_free (src);
  g_free (dir);
}

static void
test_registry_never_searches_the_current_directory (void **state)
{
  (void) state;
  char *cwd = g_get_current_dir ();
  assert_int_equal (chdir (FIXTURES), 0);
  abridge_registry *reg = load (NULL, NULL);
  assert_int_equal (abridge_registry_count (reg), 0);
  abridge_registry_free (reg);
  assert_int_equal (chdir (cwd), 0);
  g_free (cwd);
}

static void
test_registry_search_path_order (void **state)
{
  (void) state;
  g_setenv ("ABRIDGE_PLUGIN_PATH", "/env/one:/env/two", TRUE);
  g_setenv ("ABRIDGE_PLUGIN_SYSTEM_PATH", "/system", TRUE);
  abridge_registry *reg = load ("/cli", NULL);
  const char *const *path = abridge_registry_search_path (reg);
  const char *expected[] = { "/cli", "/env/one", "/env/two", "/system", NULL };
  for (int i = 0; expected[i] != NULL; i++)
    assert_string_equal (path[i], expected[i]);
  assert_null (path[4]);
  abridge_registry_free (reg);
}

static void
test_registry_plugin_path_environment_is_searched (void **state)
{
  (void) state;
  g_setenv ("ABRIDGE_PLUGIN_PATH", FIXTURES, TRUE);
  abridge_registry *reg = load (NULL, NULL);
  assert_non_null (abridge_registry_find (reg, "last"));
  abridge_registry_free (reg);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup (test_registry_loads_the_shipped_lead_plugin, hermetic),
    cmocka_unit_test_setup (test_registry_refuses_another_abi_major_naming_both, hermetic),
    cmocka_unit_test_setup (test_registry_refuses_a_library_without_entry_point, hermetic),
    cmocka_unit_test_setup (test_registry_refuses_a_short_descriptor, hermetic),
    cmocka_unit_test_setup (test_registry_refuses_a_library_with_no_descriptor, hermetic),
    cmocka_unit_test_setup (test_registry_loads_good_plugins_beside_broken_ones, hermetic),
    cmocka_unit_test_setup (test_registry_refuses_a_file_that_is_not_a_library, hermetic),
    cmocka_unit_test_setup (test_registry_first_duplicate_in_search_order_wins, hermetic),
    cmocka_unit_test_setup (test_registry_searches_one_directory_named_twice_once, hermetic),
    cmocka_unit_test_setup (test_registry_refuses_a_world_writable_plugin, hermetic),
    cmocka_unit_test_setup (test_registry_never_searches_the_current_directory, hermetic),
    cmocka_unit_test_setup (test_registry_search_path_order, hermetic),
    cmocka_unit_test_setup (test_registry_plugin_path_environment_is_searched, hermetic),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
