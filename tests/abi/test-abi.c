/* The plugin ABI's stability promise, enforced: the current header keeps
 * every 1.0 and 1.1 member where they put it, with its type; plugins built
 * against the frozen 1.0 and 1.1 headers load and run; descriptors of the
 * 1.0 size and of a newer minor are accepted, reading only what each side
 * knows; another major is refused from the two leading fields alone. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <string.h>

#include <abridge/abridge.h>

#include "layout.h"
#include "engine/registry.h"

#define ABI_FIXTURES TEST_BUILDDIR "/tests/abi/.libs"

/* ---- layout: the current header against the frozen 1.0 one --------------- */

#define ABI_STRUCT(T)
#define ABI_MEMBER ABI_CHECK_MEMBER_TYPE
#define ABI_CONSTANT(NAME)
#include "members-1.0.h"
#include "members-1.1.h"
#undef ABI_STRUCT
#undef ABI_MEMBER
#undef ABI_CONSTANT

static const abi_layout_entry abi_layout_current[] = {
#define ABI_STRUCT ABI_LAYOUT_STRUCT
#define ABI_MEMBER ABI_LAYOUT_MEMBER
#define ABI_CONSTANT ABI_LAYOUT_CONSTANT
#include "members-1.0.h"
#include "members-1.1.h"
#undef ABI_STRUCT
#undef ABI_MEMBER
#undef ABI_CONSTANT
  { NULL, 0, 0, 0, 0 },
};

_Static_assert (_Generic ((abridge_plugin_descriptor_fn) 0,
                          const abridge_plugin *(*) (uint32_t, uint32_t): 1, default: 0),
                "the entry point's type is frozen");

static const abi_layout_entry *
current_entry (const char *name)
{
  for (const abi_layout_entry *e = abi_layout_current; e->name != NULL; e++)
    if (strcmp (e->name, name) == 0)
      return e;
  return NULL;
}

static void
test_abi_every_1_1_member_keeps_its_offset_and_size (void **state)
{
  (void) state;
  guint checked = 0;
  for (const abi_layout_entry *old = abi_layout_frozen_1_1; old->name != NULL; old++)
    {
      if (old->is_struct)
        continue;
      const abi_layout_entry *now = current_entry (old->name);
      assert_non_null (now);
      if (now->offset != old->offset || now->size != old->size)
        fail_msg ("%s: 1.1 has offset %zu size %zu, the current header %zu and %zu", old->name,
                  old->offset, old->size, now->offset, now->size);
      checked++;
    }
  assert_int_equal (checked, 1);
  /* 1.1's member follows 1.0's last, and 1.2's follow it. */
  assert_int_equal (offsetof (abridge_host, document_language),
                    offsetof (abridge_host, result_set_error) + sizeof (void (*) (void)));
  assert_int_equal (offsetof (abridge_host, quote_flags),
                    offsetof (abridge_host, document_language) + sizeof (void (*) (void)));
}

static void
test_abi_every_1_0_member_keeps_its_offset_and_size (void **state)
{
  (void) state;
  guint checked = 0;
  for (const abi_layout_entry *old = abi_layout_frozen_1_0; old->name != NULL; old++)
    {
      if (old->is_struct || strchr (old->name, '.') == NULL)
        continue;
      const abi_layout_entry *now = current_entry (old->name);
      assert_non_null (now);
      if (now->offset != old->offset || now->size != old->size)
        fail_msg ("%s: 1.0 has offset %zu size %zu, the current header %zu and %zu", old->name,
                  old->offset, old->size, now->offset, now->size);
      checked++;
    }
  assert_int_equal (checked, 5 + 4 + 30 + 13);
}

static void
test_abi_structures_only_grow_and_arrays_never_change_size (void **state)
{
  (void) state;
  for (const abi_layout_entry *old = abi_layout_frozen_1_0; old->name != NULL; old++)
    {
      if (!old->is_struct)
        continue;
      const abi_layout_entry *now = current_entry (old->name);
      assert_non_null (now);
      /* Tokens and options come in arrays: their stride is frozen. The
       * host table and the descriptor carry struct_size and may grow. */
      gboolean in_arrays
          = strcmp (old->name, "abridge_token") == 0 || strcmp (old->name, "abridge_option") == 0;
      if (in_arrays ? now->size != old->size : now->size < old->size)
        fail_msg ("%s: sizeof is %zu, 1.0's is %zu", old->name, now->size, old->size);
    }
}

/* A member missing from members-1.0.h would leave a hole in its structure:
 * the list covers every byte of the 1.0 structures, padding aside. */
static void
test_abi_member_list_covers_the_whole_1_0_structures (void **state)
{
  (void) state;
  const abi_layout_entry *structure = NULL;
  size_t end = 0;
  for (const abi_layout_entry *e = abi_layout_frozen_1_0;; e++)
    {
      if (e->name == NULL || e->is_struct || strchr (e->name, '.') == NULL)
        {
          if (structure != NULL && (end > structure->size || structure->size - end >= 8))
            fail_msg ("%s: members end at %zu of %zu bytes", structure->name, end,
                      structure->size);
          structure = e->name != NULL && e->is_struct ? e : NULL;
          end = 0;
          if (e->name == NULL)
            break;
          continue;
        }
      assert_non_null (structure);
      if (e->offset < end || e->offset - end >= e->size)
        fail_msg ("%s at %zu: a member is missing or out of order before it (previous end %zu)",
                  e->name, e->offset, end);
      end = e->offset + e->size;
    }
}

static void
test_abi_constants_and_the_entry_point_are_unchanged (void **state)
{
  (void) state;
  for (const abi_layout_entry *old = abi_layout_frozen_1_0; old->name != NULL; old++)
    {
      if (old->is_struct || strchr (old->name, '.') != NULL)
        continue;
      const abi_layout_entry *now = current_entry (old->name);
      assert_non_null (now);
      if (now->value != old->value)
        fail_msg ("%s is %lu, 1.0 said %lu", old->name, now->value, old->value);
    }
  assert_string_equal (ABRIDGE_PLUGIN_ENTRY, abi_entry_symbol_frozen_1_0);
  assert_string_equal (ABRIDGE_PLUGIN_ENTRY, "abridge_plugin_descriptor");
}

/* ---- loading the fixtures ------------------------------------------------- */

static int
hermetic (void **state)
{
  (void) state;
  /* Only the fixture directory: no user, installed or shipped plugins. */
  g_setenv ("ABRIDGE_PLUGIN_SYSTEM_PATH", "", TRUE);
  g_unsetenv ("ABRIDGE_PLUGIN_PATH");
  return 0;
}

static abridge_registry *
load_fixtures (void)
{
  const char *dirs[] = { ABI_FIXTURES, NULL };
  GError *error = NULL;
  abridge_registry *reg = abridge_registry_new (dirs, &error);
  assert_non_null (reg);
  assert_null (error);
  return reg;
}

static const char *
refusal (const abridge_registry *reg, const char *file_suffix)
{
  const GPtrArray *r = abridge_registry_rejections (reg);
  for (guint i = 0; i < r->len; i++)
    {
      const char *line = r->pdata[i];
      const char *colon = strstr (line, ": ");
      size_t n = strlen (file_suffix);
      if (colon != NULL && (size_t) (colon - line) >= n && strncmp (colon - n, file_suffix, n) == 0)
        return line;
    }
  return NULL;
}

static const char ARTICLE[]
    = "Council approves river bridge after long debate\n"
      "\n"
      "The city council voted on Monday to build a new bridge over the river. "
      "Work is due to start in the spring.\n"
      "\n"
      "The crossing will cost 40 million euros. Residents welcomed the decision. "
      "Traffic in the old town should ease by 2027.\n";

/* Runs plugin ID (with OPTIONS) over ARTICLE; returns the brief's sentence
 * indices in score order, e.g. "4,3,2". */
static char *
summarize (abridge_registry *reg, const char *id, const char *const *options)
{
  GError *error = NULL;
  abridge_engine *engine = abridge_engine_new (reg, id, options, &error);
  if (engine == NULL)
    fail_msg ("%s: %s", id, error->message);
  abridge_document *doc = abridge_document_new (ARTICLE, strlen (ARTICLE), NULL, &error);
  assert_non_null (doc);
  abridge_budget budget = { ABRIDGE_BUDGET_SENTENCES, 3, 0 };
  abridge_brief *brief = abridge_engine_summarize (engine, doc, &budget, ABRIDGE_ORDER_SCORE, &error);
  if (brief == NULL)
    fail_msg ("%s: %s", id, error->message);
  GString *order = g_string_new (NULL);
  for (guint i = 0; i < brief->items->len; i++)
    g_string_append_printf (order, "%s%u", i > 0 ? "," : "",
                            g_array_index (brief->items, abridge_brief_item, i).sentence);
  abridge_brief_free (brief);
  abridge_document_free (doc);
  abridge_engine_free (engine);
  return g_string_free (order, FALSE);
}

static void
test_abi_plugin_built_against_frozen_1_0_header_loads_and_runs (void **state)
{
  (void) state;
  abridge_registry *reg = load_fixtures ();
  const abridge_plugin_entry *e = abridge_registry_find (reg, "v1-0");
  if (e == NULL)
    fail_msg ("v1-0 not loaded: %s", refusal (reg, "/v1-0-plugin.so"));
  assert_int_equal (e->descriptor->abi_version, (1u << 16) | 0u);
  assert_true (g_str_has_suffix (e->file, "/v1-0-plugin.so"));

  /* Last sentences first: sentences 0 … 4, so 4, 3, 2. */
  char *order = summarize (reg, "v1-0", NULL);
  assert_string_equal (order, "4,3,2");
  g_free (order);
  /* Its options, declared with the 1.0 option layout, still parse. */
  const char *options[] = { "v1-0.bonus_sentence=2", NULL };
  order = summarize (reg, "v1-0", options);
  assert_string_equal (order, "1,4,3");
  g_free (order);
  abridge_registry_free (reg);
}

static void
test_abi_plugin_built_against_frozen_1_1_header_loads_and_runs (void **state)
{
  (void) state;
  abridge_registry *reg = load_fixtures ();
  const abridge_plugin_entry *e = abridge_registry_find (reg, "v1-1");
  if (e == NULL)
    fail_msg ("v1-1 not loaded: %s", refusal (reg, "/v1-1-plugin.so"));
  assert_int_equal (e->descriptor->abi_version, (1u << 16) | 1u);
  /* It reads document_language (1.1) and ranks first sentences first;
   * rank() fails with a message if the member is missing or wrong. */
  char *order = summarize (reg, "v1-1", NULL);
  assert_string_equal (order, "0,1,2");
  g_free (order);
  abridge_registry_free (reg);
}

static void
test_abi_another_major_is_refused_from_its_two_leading_fields (void **state)
{
  (void) state;
  abridge_registry *reg = load_fixtures ();
  assert_int_equal (abridge_registry_count (reg), 4); /* v1-0, v1-1, older, newer */
  /* Both descriptors refused (their hooks abort if called) … */
  const GPtrArray *r = abridge_registry_rejections (reg);
  guint refused = 0, for_the_major = 0;
  for (guint i = 0; i < r->len; i++)
    if (strstr (r->pdata[i], "/v2-plugin.so: ") != NULL)
      {
        refused++;
        if (strstr (r->pdata[i], ": built for ABI 2, this abridge speaks 1") != NULL)
          for_the_major++;
      }
  assert_int_equal (refused, 2);
  /* … both for their ABI major, whatever their size. */
  assert_int_equal (for_the_major, 2);
  abridge_registry_free (reg);
}

/* A hypothetical next minor's descriptor: the current one, plus a member. */
typedef struct {
  abridge_plugin current;
  const char *license;
} future_plugin;

/* ABRIDGE_HAS_MEMBER, as a host of that minor would use it. */
#define FUTURE_HAS_LICENSE(d) \
  ((d)->struct_size >= offsetof (future_plugin, license) + sizeof (const char *))

static void
test_abi_descriptor_of_the_1_0_size_is_complete_and_newer_members_absent (void **state)
{
  (void) state;
  abridge_registry *reg = load_fixtures ();
  const abridge_plugin_entry *e = abridge_registry_find (reg, "older");
  if (e == NULL)
    fail_msg ("older not loaded: %s", refusal (reg, "/older-descriptor.so"));
  const abridge_plugin *d = e->descriptor;
  assert_int_equal (d->struct_size, ABR_PLUGIN_SIZE_1_0);
  /* Everything 1.0 defines is there … */
  assert_true (ABRIDGE_HAS_MEMBER (d, abridge_plugin, extension_data));
  const abridge_option *options = abridge_plugin_get_options (d);
  assert_non_null (options);
  assert_string_equal (options[0].key, "unused");
  /* … and a newer host takes its own members as absent: reading one would
   * hit the guard page right after the descriptor. */
  assert_false (FUTURE_HAS_LICENSE (d));

  /* The host reads only within struct_size while it ranks, too. */
  char *order = summarize (reg, "older", NULL);
  assert_string_equal (order, "0,1,2");
  g_free (order);
  abridge_registry_free (reg);
}

static void
test_abi_larger_descriptor_of_a_newer_minor_is_accepted_extra_ignored (void **state)
{
  (void) state;
  abridge_registry *reg = load_fixtures ();
  const abridge_plugin_entry *e = abridge_registry_find (reg, "newer");
  if (e == NULL)
    fail_msg ("newer not loaded: %s", refusal (reg, "/newer-descriptor.so"));
  const abridge_plugin *d = e->descriptor;
  assert_int_equal (ABRIDGE_ABI_VERSION_MAJOR (d->abi_version), ABRIDGE_ABI_MAJOR);
  assert_int_equal (ABRIDGE_ABI_VERSION_MINOR (d->abi_version), ABRIDGE_ABI_MINOR + 1);
  assert_true (d->struct_size > sizeof (abridge_plugin));
  assert_null (abridge_plugin_get_options (d));
  /* A host of that minor would find the member. */
  assert_true (FUTURE_HAS_LICENSE (d));
  assert_string_equal (((const future_plugin *) (const void *) d)->license, "MIT");

  /* Middle sentences first (its extra hook aborts if anyone calls it). */
  char *order = summarize (reg, "newer", NULL);
  assert_string_equal (order, "2,1,3");
  g_free (order);
  abridge_registry_free (reg);
}

/* ABRIDGE_HAS_MEMBER counts a member present only when struct_size covers
 * all of it; abridge_plugin_get_options() relies on it. */
static void
test_abi_has_member_needs_the_whole_member_within_struct_size (void **state)
{
  (void) state;
  static const abridge_option table[] = { { "k", ABRIDGE_OPTION_INT, "1", "h" },
                                          { NULL, 0, NULL, NULL } };
  abridge_plugin d = { .struct_size = sizeof (abridge_plugin), .options = table };
  size_t options_end = offsetof (abridge_plugin, options) + sizeof (d.options);

  assert_true (ABRIDGE_HAS_MEMBER (&d, abridge_plugin, options));
  assert_ptr_equal (abridge_plugin_get_options (&d), table);
  d.struct_size = (uint32_t) options_end;
  assert_true (ABRIDGE_HAS_MEMBER (&d, abridge_plugin, options));
  assert_false (ABRIDGE_HAS_MEMBER (&d, abridge_plugin, instantiate));
  d.struct_size = (uint32_t) options_end - 1;
  assert_false (ABRIDGE_HAS_MEMBER (&d, abridge_plugin, options));
  assert_null (abridge_plugin_get_options (&d));
  assert_false (ABRIDGE_HAS_MEMBER ((const abridge_plugin *) NULL, abridge_plugin, options));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_abi_every_1_0_member_keeps_its_offset_and_size),
    cmocka_unit_test (test_abi_every_1_1_member_keeps_its_offset_and_size),
    cmocka_unit_test (test_abi_structures_only_grow_and_arrays_never_change_size),
    cmocka_unit_test (test_abi_member_list_covers_the_whole_1_0_structures),
    cmocka_unit_test (test_abi_constants_and_the_entry_point_are_unchanged),
    cmocka_unit_test (test_abi_has_member_needs_the_whole_member_within_struct_size),
    cmocka_unit_test_setup (test_abi_plugin_built_against_frozen_1_0_header_loads_and_runs,
                            hermetic),
    cmocka_unit_test_setup (test_abi_plugin_built_against_frozen_1_1_header_loads_and_runs,
                            hermetic),
    cmocka_unit_test_setup (test_abi_another_major_is_refused_from_its_two_leading_fields,
                            hermetic),
    cmocka_unit_test_setup (test_abi_descriptor_of_the_1_0_size_is_complete_and_newer_members_absent,
                            hermetic),
    cmocka_unit_test_setup (test_abi_larger_descriptor_of_a_newer_minor_is_accepted_extra_ignored,
                            hermetic),
  };
  return cmocka_run_group_tests_name ("abi", tests, NULL, NULL);
}
