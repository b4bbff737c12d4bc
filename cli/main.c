/* abridge: extractive briefs of news articles, from the shell. The command
 * table: adding a subcommand is its file and a line here. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

const cli_command *const cli_commands[] = {
  &cli_cmd_summarize, &cli_cmd_split, &cli_cmd_extract, &cli_cmd_plugins,
  &cli_cmd_eval,      &cli_cmd_batch, &cli_cmd_help,    NULL,
};

const cli_command *
cli_find_command (const char *name)
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
                                                    "--max-bytes", "--max-depth",
                                                    "--max-attributes", "--lang", "-n", "-w", "-c",
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
          const cli_command *command = arg[0] != '-' ? cli_find_command (arg) : NULL;
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

/* A closed standard descriptor would be the next file opened: with
 * stdout closed the report's spool became descriptor 1 and the report was
 * written into it; with stdin closed `batch -` read the spool. Each is
 * opened on /dev/null the wrong way round (gnulib's stdopen), so that
 * using it fails with EBADF, as it would have closed, and is reported. */
static void
ensure_standard_fds (void)
{
  for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++)
    if (fcntl (fd, F_GETFD) < 0 && errno == EBADF)
      {
        int got = open ("/dev/null", (fd == STDIN_FILENO ? O_WRONLY : O_RDONLY) | O_NOCTTY);
        if (got != fd)
          _exit (CLI_EXIT_INPUT); /* no /dev/null: nothing safe to say it with */
      }
}

/* An interrupted run leaves no temporary report beside the report's
 * name: the handler removes them, then the signal ends the process as
 * it would have (its exit status says so). */
static void
on_fatal_signal (int sig)
{
  abridge_remove_temporary_files ();
  raise (sig); /* the default action again (SA_RESETHAND), once this returns */
}

static void
remove_temporaries_on_signals (void)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  for (gsize i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      struct sigaction old;
      /* One ignored by whoever started us (nohup) stays ignored. */
      if (sigaction (signals[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
        continue;
      struct sigaction sa = { .sa_handler = on_fatal_signal, .sa_flags = SA_RESETHAND };
      sigemptyset (&sa.sa_mask);
      sigaction (signals[i], &sa, NULL);
    }
}

int
main (int argc, char **argv)
{
  ensure_standard_fds ();
  remove_temporaries_on_signals ();
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
