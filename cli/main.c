/* abridge: extractive briefs of news articles, from the shell. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cli.h"

static const struct {
  const char *name;
  int (*run) (int argc, char **argv);
} commands[] = {
  { "split", cmd_split },
  { "plugins", cmd_plugins },
  { "eval", cmd_eval },
  { "batch", cmd_batch },
  { "extract", cmd_extract },
  { "summarize", cmd_summarize },
};

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_set_prgname ("abridge");

  /* A subcommand is the first argument; anything else summarizes, so that
   * `abridge article.txt` does what it says. A file named like a
   * subcommand is reached as ./split. */
  if (argc > 1)
    for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
      if (strcmp (argv[1], commands[i].name) == 0)
        {
          argv[1] = argv[0];
          return commands[i].run (argc - 1, argv + 1);
        }
  return cmd_summarize (argc, argv);
}
