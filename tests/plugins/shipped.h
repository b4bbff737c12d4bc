/* The shipped plugins, loaded from the build tree through the real
 * registry, for the plugin tests: setup_shipped() / teardown_shipped() as
 * cmocka group fixtures, with PLUGIN_UNDER_TEST the id that must be found. */
#ifndef ABRIDGE_TEST_SHIPPED_H
#define ABRIDGE_TEST_SHIPPED_H

#include <abridge/abridge.h>

static abridge_registry *registry;

static int
setup_shipped (void **state)
{
  (void) state;
  g_setenv ("ABRIDGE_PLUGIN_SYSTEM_PATH", TEST_BUILDDIR "/plugins/.libs", TRUE);
  g_unsetenv ("ABRIDGE_PLUGIN_PATH");
  registry = abridge_registry_new (NULL, NULL);
  return registry != NULL && abridge_registry_find (registry, PLUGIN_UNDER_TEST) != NULL ? 0 : -1;
}

static int
teardown_shipped (void **state)
{
  (void) state;
  abridge_registry_free (registry);
  return 0;
}

#endif
