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

static struct {
  char **plugins, **options;
  char *budget, *format;
} o;

static const GOptionEntry entries[] = {
  { "plugin", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &o.plugins,
    "Systems to score: plugin sets separated by ',' (fuse with '+'); repeatable "
    "(default: lead, frequency and the default set)", "SYSTEM[,SYSTEM]" },
  { "option", 'O', 0, G_OPTION_ARG_STRING_ARRAY, &o.options, "Set a plugin option (repeatable)",
    "PLUGIN.KEY=VALUE" },
  { "budget", 'b', 0, G_OPTION_ARG_STRING, &o.budget,
    "'reference': as many sentences as each article's reference has", "reference" },
  { "format", 'f', 0, G_OPTION_ARG_STRING, &o.format, "text (default) or json", "FORMAT" },
  G_OPTION_ENTRY_NULL,
};

static gboolean
check_options (Eval *ev, gboolean *json, GError **error)
{
  ev->budget = cli_shared.budget;
  if (o.budget != NULL)
    {
      if (strcmp (o.budget, "reference") != 0 || cli_shared.sentences != NULL
          || cli_shared.words != NULL || cli_shared.chars != NULL || cli_shared.ratio != NULL)
        {
          g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                       "--budget takes 'reference', and no other budget with it");
          return FALSE;
        }
      ev->reference_budget = TRUE;
    }
  *json = o.format != NULL && strcmp (o.format, "json") == 0;
  if (o.format != NULL && !*json && strcmp (o.format, "text") != 0)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE, "--format must be text or json");
      return FALSE;
    }
  return TRUE;
}

/* Scores every system on each corpus; a table row (or JSON object) each. */
static int
score_corpora (Eval *ev, char **corpora, gboolean json)
{
  GString *out = g_string_new (NULL);
  gboolean first = TRUE;
  if (json)
    g_string_append (out, "{\"results\":[");
  else
    g_string_append_printf (out, "%-24s %-22s %6s %6s %6s %6s %6s %6s %8s\n", "corpus", "system",
                            "n", "R-1", "R-2", "R-L", "R-Lsum", "words", "art/s");
  int status = CLI_EXIT_OK;
  g_free (cli_shared.input_format);
  cli_shared.input_format = g_strdup ("jsonl");
  for (char **corpus = corpora; *corpus != NULL; corpus++)
    {
      char *one[] = { *corpus, NULL };
      if (cli_for_each_article (one, eval_one, ev) != CLI_EXIT_OK)
        status = CLI_EXIT_INPUT;
      char *base = g_path_get_basename (*corpus);
      for (guint k = 0; k < ev->systems->len; k++)
        {
          System *s = ev->systems->pdata[k];
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
  return status;
}

static int
eval_exec (char **corpora)
{
  GError *error = NULL;
  int status = CLI_EXIT_USAGE;
  abridge_registry *registry = NULL;
  Eval ev = { g_ptr_array_new_with_free_func (system_free), { 0 }, FALSE, NULL };
  gboolean json;
  if (!check_options (&ev, &json, &error))
    goto out;
  if (corpora[0] == NULL)
    {
      g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE, "eval needs a CORPUS.jsonl");
      goto out;
    }
  registry = cli_registry (TRUE, &status);
  if (registry == NULL)
    goto out;
  char *defaults[] = { g_strcmp0 (ABRIDGE_DEFAULT_PLUGINS, "lead") == 0 ? "lead,frequency"
                                                                  : "lead,frequency," ABRIDGE_DEFAULT_PLUGINS,
                       NULL };
  if (!add_systems (&ev, registry, o.plugins != NULL ? o.plugins : defaults,
                    (const char *const *) o.options, &error))
    {
      status = cli_status_of (error);
      goto out;
    }
  ev.rouge = abridge_rouge_new ();
  status = score_corpora (&ev, corpora, json);

out:
  cli_report (error);
  abridge_rouge_free (ev.rouge);
  g_ptr_array_unref (ev.systems);
  abridge_registry_free (registry);
  return status;
}

static void
eval_clear (void)
{
  g_strfreev (o.plugins);
  g_strfreev (o.options);
  g_free (o.budget);
  g_free (o.format);
}

const cli_command cli_cmd_eval = {
  .name = "eval",
  .args = "CORPUS.jsonl...",
  .summary = "Scores briefs against the human summaries of JSONL corpora.",
  .description
  = "ROUGE-1, -2, -L and -Lsum F1 (x100), exactly as rouge_score computes them\n"
    "with Porter stemming; also the mean brief length in words and the articles\n"
    "summarized per second. Systems are separated by ',' (in -p), plugins fused\n"
    "into one system by '+'.",
  .options = entries,
  .groups = CLI_BUDGET | CLI_PLUGIN_DIRS | CLI_LANG,
  .exec = eval_exec,
  .clear = eval_clear,
};
