/* abridge plugins: what was found, where, and what was refused; with
 * --check, whether plugin files an author built would be accepted. */
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
  /* Never silently: a plugin of another library answering to a shipped
   * plugin's id. */
  if (e->replaces != NULL)
    g_string_append_printf (out, "  replaces the shipped %s (%s)\n", d->id, e->replaces);
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

static gboolean verbose, check;

static const GOptionEntry entries[] = {
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
    "Also show names, descriptions, options, the search path and refusals", NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, &check,
    "Check the plugins of FILE or DIR (default: the search path) as discovery does; exit 1 on "
    "any problem",
    NULL },
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

/* The registry --check looks at: FILE or DIR alone (made absolute: it
 * was named, not searched), or the whole search path. */
static abridge_registry *
check_registry (const char *operand)
{
  int status;
  if (operand == NULL)
    return cli_registry (FALSE, &status);
  char *absolute = g_canonicalize_filename (operand, NULL);
  const char *dirs[] = { absolute, NULL };
  GError *error = NULL;
  abridge_registry *registry
      = abridge_registry_new_full (dirs,
                                   ABRIDGE_REGISTRY_ONLY_DIRS
                                       | (cli_shared.allow_unsafe ? ABRIDGE_REGISTRY_ALLOW_UNSAFE
                                                                  : 0),
                                   &error);
  if (registry == NULL)
    {
      cli_error ("%s", error->message);
      g_error_free (error);
    }
  g_free (absolute);
  return registry;
}

static int
plugins_exec (char **operands)
{
  if (operands[0] != NULL && (!check || operands[1] != NULL))
    {
      cli_error (check ? "plugins --check takes one FILE or DIR" : "plugins takes no arguments");
      return CLI_EXIT_USAGE;
    }
  int status = CLI_EXIT_INPUT;
  /* --verbose shows where it looked even when it found nothing: that is
   * when it is wanted most. */
  abridge_registry *registry = check ? check_registry (operands[0])
                                     : cli_registry (!verbose, &status);
  if (registry == NULL)
    return status;
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < abridge_registry_count (registry); i++)
    describe (out, abridge_registry_get (registry, i), verbose);
  if (verbose)
    describe_search (out, registry);
  status = cli_print (out);
  if (!check && status == CLI_EXIT_OK && abridge_registry_count (registry) == 0)
    {
      char *dirs = cli_search_path_text (registry);
      cli_error ("no plugin found in %s", dirs);
      g_free (dirs);
      status = CLI_EXIT_NO_PLUGINS;
    }
  if (check && status == CLI_EXIT_OK)
    {
      /* Every refusal was said on stderr as it was made. */
      guint problems = abridge_registry_rejections (registry)->len;
      guint found = abridge_registry_count (registry);
      if (problems > 0 || found == 0)
        {
          if (found == 0 && problems == 0)
            cli_error ("%s: no plugin found", operands[0] != NULL ? operands[0] : "search path");
          else
            cli_error ("%u problem%s found", problems, problems == 1 ? "" : "s");
          status = CLI_EXIT_INPUT;
        }
    }
  g_string_free (out, TRUE);
  abridge_registry_free (registry);
  return status;
}

const cli_command cli_cmd_plugins = {
  .name = "plugins",
  .args = "[--check [FILE|DIR]]",
  .summary = "Lists the summarizer plugins found.",
  .description
  = "Each plugin: id, version, ABI and file. A plugin that cannot be used is\n"
    "refused with one line on stderr, \"abridge: plugin FILE: why\"; the others load.\n"
    "--check looks at FILE or DIR alone (or at the whole search path) as discovery\n"
    "does: the file and the directories above it owned by root or you and\n"
    "writable by no one else, every symbol defined, descriptors, ids, option keys,\n"
    "types and defaults; any problem makes the exit status 1, for an author's CI.\n"
    "\n"
    "Exit status: 0 on success, 1 on a problem (--check) or a write error,\n"
    "2 on a usage error, 4 when no plugin was found.",
  .options = entries,
  .groups = CLI_PLUGIN_DIRS,
  .exec = plugins_exec,
};
