/* The shipped plugins, loaded from the build tree through the real
 * registry, for the plugin tests: setup_shipped() / teardown_shipped() as
 * cmocka group fixtures, with PLUGIN_UNDER_TEST the id that must be found,
 * and run() for a brief by it. Include after <cmocka.h> and <string.h>. */
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

/* A brief of TEXT (no title) by PLUGIN_UNDER_TEST with OPTIONS, N
 * sentences, article order; each step must succeed. */
typedef struct {
  abridge_brief *brief;
  abridge_document *doc;
  abridge_engine *engine;
} Run;

G_GNUC_UNUSED static Run
run (const char *text, guint n, const char *const *options)
{
  GError *error = NULL;
  Run r;
  r.engine = abridge_engine_new (registry, PLUGIN_UNDER_TEST, options, &error);
  if (r.engine == NULL)
    fail_msg ("%s", error->message);
  r.doc = abridge_document_new (text, strlen (text), NULL, &error);
  assert_non_null (r.doc);
  abridge_budget budget = { ABRIDGE_BUDGET_SENTENCES, n, 0 };
  r.brief = abridge_engine_summarize (r.engine, r.doc, &budget, ABRIDGE_ORDER_ARTICLE, &error);
  if (r.brief == NULL)
    fail_msg ("%s", error->message);
  return r;
}

G_GNUC_UNUSED static void
run_free (Run *r)
{
  abridge_brief_free (r->brief);
  abridge_document_free (r->doc);
  abridge_engine_free (r->engine);
}

#endif
