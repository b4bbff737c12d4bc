/* abridge help [COMMAND]: what abridge and each of its commands do. */
#include "config.h"

#include "cli.h"

static gboolean all;

static const GOptionEntry entries[] = {
  { "all", 'a', 0, G_OPTION_ARG_NONE, &all, "Every command's help, one after the other", NULL },
  G_OPTION_ENTRY_NULL,
};

int
cli_show_help (const cli_command *command)
{
  char *help = cli_command_help (command);
  GString out = { help, strlen (help), strlen (help) + 1 };
  int status = cli_print (&out);
  g_free (help);
  return status;
}

static int
help_exec (char **operands)
{
  if (all)
    {
      int status = CLI_EXIT_OK;
      for (const cli_command *const *c = cli_commands; *c != NULL && status == CLI_EXIT_OK; c++)
        {
          if (c != cli_commands && !cli_write (&(GString) { (char *) "\n", 1, 2 }))
            return CLI_EXIT_INPUT;
          status = cli_show_help (*c);
        }
      return status;
    }
  if (operands[0] == NULL)
    return cli_show_help (&cli_cmd_summarize);
  if (operands[1] != NULL)
    {
      cli_error ("help takes one command");
      return CLI_EXIT_USAGE;
    }
  const cli_command *command = cli_find_command (operands[0]);
  if (command != NULL)
    return cli_show_help (command);
  cli_error ("no command '%s' (abridge help lists them)", operands[0]);
  return CLI_EXIT_USAGE;
}

const cli_command cli_cmd_help = {
  .name = "help",
  .args = "[COMMAND]",
  .summary = "What abridge, or one of its commands, does and takes.",
  .options = entries,
  .exec = help_exec,
};
