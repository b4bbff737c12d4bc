/* abridge eval: ROUGE of each plugin set against the human summaries of
 * JSONL corpora ({"id","title","text","summary"} a line). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include <abridge/eval.h>

typedef struct {
  char *name;
  abridge_engine *engine;
  double r1, r2, rl, rlsum, words;
  guint n;
  gint64 usec; /* building the document and summarizing */
} System;

typedef struct {
  GPtrArray *systems; /* System* */
  abridge_budget budget;
  gboolean reference_budget;
  abridge_rouge *rouge;
} Eval;

static void
system_free (gpointer data)
{
  System *s = data;
  abridge_engine_free (s->engine);
  g_free (s->name);
  g_free (s);
}

static guint
count_lines (const char *text)
{
  guint n = 0;
  for (const char *p = text; *p;)
    {
      const char *nl = strchr (p, '\n');
      const char *end = nl != NULL ? nl : p + strlen (p);
      for (const char *q = p; q < end; q++)
        if (!g_ascii_isspace (*q))
          {
            n++;
            break;
          }
      p = nl != NULL ? nl + 1 : end;
    }
  return n;
}

static gboolean
eval_one (const CliArticle *article, gpointer user_data, GError **error)
{
  Eval *ev = user_data;
  if (article->summary == NULL)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "no \"summary\" to score against");
      return FALSE;
    }
  gint64 t0 = g_get_monotonic_time ();
  abridge_document *doc = abridge_document_new_lang (article->text, article->len, article->title,
                                                      article->lang, error);
  if (doc == NULL)
    return FALSE;
  gint64 build = g_get_monotonic_time () - t0;

  abridge_budget budget = ev->budget;
  if (ev->reference_budget)
    budget = (abridge_budget) { ABRIDGE_BUDGET_SENTENCES, MAX (1, count_lines (article->summary)), 0 };

  gboolean ok = TRUE;
  for (guint k = 0; k < ev->systems->len && ok; k++)
    {
      System *s = ev->systems->pdata[k];
      gint64 t1 = g_get_monotonic_time ();
      abridge_brief *brief = abridge_engine_summarize (s->engine, doc, &budget,
                                                       ABRIDGE_ORDER_ARTICLE, error);
      s->usec += build + g_get_monotonic_time () - t1;
      if (brief == NULL)
        {
          ok = FALSE;
          break;
        }
      GString *pred = g_string_new (NULL);
      for (guint i = 0; i < brief->items->len; i++)
        {
          const char *text = g_array_index (brief->items, abridge_brief_item, i).text;
          g_string_append_printf (pred, "%s%s", i ? "\n" : "", text);
          for (const char *p = text; *p; p++)
            s->words += (*p != ' ' && (p == text || p[-1] == ' '));
        }
      abridge_rouge_scores r;
      abridge_rouge_score (ev->rouge, article->summary, pred->str, &r);
      s->r1 += r.rouge1;
      s->r2 += r.rouge2;
      s->rl += r.rougeL;
      s->rlsum += r.rougeLsum;
      s->n++;
      g_string_free (pred, TRUE);
      abridge_brief_free (brief);
    }
  abridge_document_free (doc);
  return ok;
}

static void
report (GString *out, gboolean json, gboolean *first, const char *corpus, const System *s)
{
  double n = s->n > 0 ? s->n : 1;
  double rate = s->usec > 0 ? s->n / (s->usec / 1e6) : 0;
  char r1[32], r2[32], rl[32], rs[32], w[32], a[32];
  g_ascii_formatd (r1, sizeof r1, "%.2f", 100 * s->r1 / n);
  g_ascii_formatd (r2, sizeof r2, "%.2f", 100 * s->r2 / n);
  g_ascii_formatd (rl, sizeof rl, "%.2f", 100 * s->rl / n);
  g_ascii_formatd (rs, sizeof rs, "%.2f", 100 * s->rlsum / n);
  g_ascii_formatd (w, sizeof w, "%.1f", s->words / n);
  g_ascii_formatd (a, sizeof a, "%.0f", rate);
  if (json)
    {
      g_string_append (out, *first ? "\n  " : ",\n  ");
      g_string_append (out, "{\"corpus\":");
      abridge_json_append_string (out, corpus, -1);
      g_string_append (out, ",\"system\":");
      abridge_json_append_string (out, s->name, -1);
      g_string_append_printf (out,
                              ",\"articles\":%u,\"rouge1\":%s,\"rouge2\":%s,\"rougeL\":%s,"
                              "\"rougeLsum\":%s,\"words\":%s,\"articles_per_second\":%s}",
                              s->n, r1, r2, rl, rs, w, a);
    }
  else
    g_string_append_printf (out, "%-24s %-22s %6u %6s %6s %6s %6s %6s %8s\n", corpus, s->name,
                            s->n, r1, r2, rl, rs, w, a);
  *first = FALSE;
}

static gboolean
add_systems (Eval *ev, abridge_registry *registry, char **specs, const char *const *options,
             GError **error)
{
  for (char **spec = specs; *spec != NULL; spec++)
    {
      /* In eval, "," separates systems to compare; "+" fuses plugins. */
      char **names = g_strsplit (*spec, ",", -1);
      for (char **name = names; *name != NULL; name++)
        {
          if (**name == '\0')
            continue;
          abridge_engine *engine = abridge_engine_new (registry, *name, options, error);
          if (engine == NULL)
            {
              g_strfreev (names);
              return FALSE;
            }
          System *s = g_new0 (System, 1);
          s->name = g_strdup (*name);
          s->engine = engine;
          g_ptr_array_add (ev->systems, s);
        }
      g_strfreev (names);
    }
  return TRUE;
}

int
cmd_eval (int argc, char **argv)
{
  CliBudgetOptions budget = { 0 };
  char **plugins = NULL, **options = NULL, **plugin_dirs = NULL;
  char *budget_name = NULL, *format = NULL, *lang = NULL;
  GOptionEntry entries[] = {
    { "plugin", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &plugins,
      "Systems to score: plugin sets separated by ',' (fuse with '+'); repeatable "
      "(default: lead, frequency and the default set)", "SYSTEM[,SYSTEM]" },
    { "option", 'O', 0, G_OPTION_ARG_STRING_ARRAY, &options, "Set a plugin option (repeatable)",
      "PLUGIN.KEY=VALUE" },
    CLI_BUDGET_ENTRIES (&budget),
    { "budget", 'b', 0, G_OPTION_ARG_STRING, &budget_name,
      "'reference': as many sentences as each article's reference has", "reference" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "text (default) or json", "FORMAT" },
    { "plugin-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &plugin_dirs,
      "Look for plugins in DIR first (repeatable)", "DIR" },
    CLI_UNSAFE_ENTRY,
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      "Articles are in language CODE (ISO 639-1), or auto: guessed per article (default)",
      "CODE" },
    G_OPTION_ENTRY_NULL,
  };
  const char *summary
      = "Scores briefs against the human summaries of JSONL corpora with ROUGE-1, -2, -L\n"
        "and -Lsum F1 (x100), exactly as rouge_score computes them with Porter stemming;\n"
        "also the mean brief length in words and the articles summarized per second.";
  GError *error = NULL;
  int status = CLI_EXIT_USAGE;
  abridge_registry *registry = NULL;
  Eval ev = { g_ptr_array_new_with_free_func (system_free), { 0 }, FALSE, NULL };

  if (!cli_parse (&argc, &argv, "CORPUS.jsonl...", summary, entries, NULL, &error)
      || !cli_parse_budget (&budget, &ev.budget, &error) || !cli_lang_check (lang, &error))
    goto out;
  if (budget_name != NULL)
    {
      if (strcmp (budget_name, "reference") != 0 || budget.sentences != NULL
          || budget.words != NULL || budget.chars != NULL || budget.ratio != NULL)
        {
          g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                       "--budget takes 'reference', and no other budget with it");
          goto out;
        }
      ev.reference_budget = TRUE;
    }
  gboolean json = format != NULL && strcmp (format, "json") == 0;
  if (format != NULL && !json && strcmp (format, "text") != 0)
    {
      g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE, "--format must be text or json");
      goto out;
    }
  if (argc < 2)
    {
      g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE, "eval needs a CORPUS.jsonl");
      goto out;
    }

  registry = cli_registry (plugin_dirs);
  if (registry == NULL)
    {
      status = CLI_EXIT_INPUT;
      goto out;
    }
  char *defaults[] = { g_strcmp0 (CLI_DEFAULT_PLUGINS, "lead") == 0 ? "lead,frequency"
                                                                  : "lead,frequency," CLI_DEFAULT_PLUGINS,
                       NULL };
  if (!add_systems (&ev, registry, plugins != NULL ? plugins : defaults,
                    (const char *const *) options, &error))
    {
      if (error->code != ABRIDGE_ERROR_USAGE)
        status = CLI_EXIT_INPUT;
      goto out;
    }

  ev.rouge = abridge_rouge_new ();
  CliInputOptions input = { NULL, "jsonl", (gint64) ABRIDGE_DEFAULT_MAX_BYTES, lang };
  GString *out = g_string_new (NULL);
  gboolean first = TRUE;
  if (json)
    g_string_append (out, "{\"results\":[");
  else
    g_string_append_printf (out, "%-24s %-22s %6s %6s %6s %6s %6s %6s %8s\n", "corpus", "system",
                            "n", "R-1", "R-2", "R-L", "R-Lsum", "words", "art/s");
  status = CLI_EXIT_OK;
  for (int i = 1; i < argc; i++)
    {
      char *one[] = { argv[i], NULL };
      if (cli_for_each_article (one, &input, eval_one, &ev) != CLI_EXIT_OK)
        status = CLI_EXIT_INPUT;
      char *base = g_path_get_basename (argv[i]);
      for (guint k = 0; k < ev.systems->len; k++)
        {
          System *s = ev.systems->pdata[k];
          report (out, json, &first, base, s);
          s->r1 = s->r2 = s->rl = s->rlsum = s->words = 0;
          s->n = 0;
          s->usec = 0;
        }
      g_free (base);
    }
  if (json)
    g_string_append (out, "\n]}\n");
  if (!cli_write (out) || !cli_flush ())
    status = CLI_EXIT_INPUT;
  g_string_free (out, TRUE);

out:
  if (error != NULL)
    {
      cli_error ("%s", error->message);
      g_error_free (error);
    }
  abridge_rouge_free (ev.rouge);
  g_ptr_array_unref (ev.systems);
  abridge_registry_free (registry);
  g_strfreev (plugins);
  g_strfreev (options);
  cli_budget_options_clear (&budget);
  g_strfreev (plugin_dirs);
  g_free (budget_name);
  g_free (format);
  g_free (lang);
  return status;
}
