/* abridge: extractive briefs of news articles, from the shell. The command
 * table: adding a subcommand is its file and a line here. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cli.h"

const cli_command *const cli_commands[] = {
  &cli_cmd_summarize, &cli_cmd_split, &cli_cmd_extract, &cli_cmd_plugins,
  &cli_cmd_eval,      &cli_cmd_batch, &cli_cmd_help,    NULL,
};

static const cli_command *
find_command (const char *name)
{
  for (const cli_command *const *c = cli_commands; *c != NULL; c++)
    if (strcmp ((*c)->name, name) == 0)
      return *c;
  return NULL;
}

/* Whether ARG is an option of COMMAND that takes its value in the next
 * argument ("--plugin-dir DIR", "-p NAME"). */
static gboolean
takes_value (const GOptionEntry *entries, const char *arg)
{
  for (const GOptionEntry *e = entries; e != NULL && e->long_name != NULL; e++)
    {
      if (e->arg == G_OPTION_ARG_NONE)
        continue;
      if (arg[1] == '-' ? strcmp (arg + 2, e->long_name) == 0
                        : e->short_name != 0 && arg[1] == e->short_name && arg[2] == '\0')
        return TRUE;
    }
  return FALSE;
}

static gboolean
command_takes_value (const cli_command *command, const char *arg)
{
  static const char *const shared_with_values[] = { "--plugin-dir", "--input-format",
                                                    "--max-bytes", "--lang", "-n", "-w", "-c",
                                                    "-r", "--sentences", "--words", "--chars",
                                                    "--ratio", "--timeout" };
  if (takes_value (command->options, arg))
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (shared_with_values); i++)
    if (strcmp (arg, shared_with_values[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The subcommand ARGV names, and where. It is the first operand, after any
 * options (`abridge --plugin-dir DIR plugins` is `abridge plugins
 * --plugin-dir DIR`); anything else summarizes, so that `abridge
 * article.txt` does what it says. A file named like a subcommand is
 * reached as ./split. */
static const cli_command *
which_command (int argc, char **argv, int *at)
{
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      if (strcmp (arg, "--") == 0 || arg[0] != '-' || arg[1] == '\0')
        {
          const cli_command *command = arg[0] != '-' ? find_command (arg) : NULL;
          if (command == NULL)
            break;
          /* What came before must be options of that command. */
          for (int k = 1; k < i; k++)
            if (argv[k][0] != '-' && (k == 1 || !command_takes_value (command, argv[k - 1])))
              return &cli_cmd_summarize;
          *at = i;
          return command;
        }
      if (strchr (arg, '=') == NULL && command_takes_value (&cli_cmd_summarize, arg))
        i++;
    }
  return &cli_cmd_summarize;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_set_prgname ("abridge");
  /* A plugin that crashes abridge is named, with the article. */
  abridge_report_plugin_crashes ();

  int at = 0;
  const cli_command *command = which_command (argc, argv, &at);
  if (at > 0)
    {
      /* The command's name leaves ARGV; its options stay. */
      memmove (argv + at, argv + at + 1, (gsize) (argc - at) * sizeof *argv);
      argc--;
    }
  GError *error = NULL;
  int status;
  if (!cli_parse_options (command, &argc, &argv, &error))
    {
      cli_error ("%s", error->message);
      g_error_free (error);
      status = CLI_EXIT_USAGE;
    }
  else if (cli_shared.help)
    status = cli_show_help (command);
  else
    status = command->exec (argv + 1);
  if (command->clear != NULL)
    command->clear ();
  cli_shared_clear ();
  return status;
}
