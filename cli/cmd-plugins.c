/* abridge plugins: what was found, where, and what was refused. */
#include "config.h"

#include <stdio.h>

#include "cli.h"

static const char *
type_name (uint32_t type)
{
  switch (type)
    {
    case ABRIDGE_OPTION_BOOL: return "bool";
    case ABRIDGE_OPTION_INT: return "int";
    case ABRIDGE_OPTION_DOUBLE: return "double";
    case ABRIDGE_OPTION_STRING: return "string";
    default: return "?";
    }
}

static void
describe (GString *out, const abridge_plugin_entry *e, gboolean verbose)
{
  const abridge_plugin *d = e->descriptor;
  g_string_append_printf (out, "%-12s %-10s ABI %u.%u  %s\n", d->id,
                          d->version != NULL ? d->version : "?",
                          ABRIDGE_ABI_VERSION_MAJOR (d->abi_version),
                          ABRIDGE_ABI_VERSION_MINOR (d->abi_version), e->file);
  if (!verbose)
    return;
  g_string_append_printf (out, "  name:        %s\n", d->name != NULL ? d->name : d->id);
  if (d->description != NULL)
    g_string_append_printf (out, "  description: %s\n", d->description);
  if (d->flags & (ABRIDGE_PLUGIN_SERIAL | ABRIDGE_PLUGIN_EXTRACTS))
    g_string_append_printf (out, "  flags:      %s%s%s\n",
                            (d->flags & ABRIDGE_PLUGIN_SERIAL) ? " serial" : "",
                            (d->flags & ABRIDGE_PLUGIN_EXTRACTS) ? " extracts" : "",
                            "");
  const abridge_option *opt = abridge_plugin_get_options (d);
  for (; opt != NULL && opt->key != NULL; opt++)
    g_string_append_printf (out, "  -O %s.%s=%s (default %s)%s%s\n", d->id, opt->key,
                            type_name (opt->type),
                            opt->default_value != NULL ? opt->default_value : "none",
                            opt->help != NULL ? ": " : "", opt->help != NULL ? opt->help : "");
}

static gboolean verbose;

static const GOptionEntry entries[] = {
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
    "Also show names, descriptions, options, the search path and refusals", NULL },
  G_OPTION_ENTRY_NULL,
};

static void
describe_search (GString *out, const abridge_registry *registry)
{
  g_string_append (out, "search path:\n");
  for (const char *const *d = abridge_registry_search_path (registry); *d != NULL; d++)
    g_string_append_printf (out, "  %s\n", *d);
  const GPtrArray *refused = abridge_registry_rejections (registry);
  for (guint i = 0; i < refused->len; i++)
    g_string_append_printf (out, "refused: %s\n", (const char *) refused->pdata[i]);
}

static int
plugins_exec (char **operands)
{
  if (operands[0] != NULL)
    {
      cli_error ("plugins takes no arguments");
      return CLI_EXIT_USAGE;
    }
  abridge_registry *registry = cli_registry ();
  if (registry == NULL)
    return CLI_EXIT_INPUT;
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < abridge_registry_count (registry); i++)
    describe (out, abridge_registry_get (registry, i), verbose);
  if (verbose)
    describe_search (out, registry);
  int status = cli_print (out);
  g_string_free (out, TRUE);
  abridge_registry_free (registry);
  return status;
}

const cli_command cli_cmd_plugins = {
  .name = "plugins",
  .args = "",
  .summary = "Lists the summarizer plugins found.",
  .options = entries,
  .groups = CLI_PLUGIN_DIRS,
  .exec = plugins_exec,
};
