/* libFuzzer target: an article from raw bytes.
 *
 * abridge_input_check() -> language detection (its English shortcut
 * against the sample) -> abridge_document_new() (without a title, and
 * with the first line as a container's title) -> every accessor, checking
 * the contracts of <abridge/abridge.h> and <abridge/plugin.h> -> keywords
 * -> a brief through the engine rendered in every format, JSON output
 * parsed back.
 *
 * The engine loads the plugins that build.sh compiled, instrumented, into
 * its output directory (FUZZ_PLUGIN_DIR, e.g. tests/fuzz/out/plugins); set
 * $ABRIDGE_FUZZ_PLUGIN_DIR to use others (e.g. a build tree's
 * plugins/.libs). Without plugins, the engine part is skipped
 * with one notice on stderr. $ABRIDGE_FUZZ_PLUGINS picks the plugins
 * (default "centrality+lead+frequency": every sentence-scoring plugin, the
 * CLI's default among them); a plugin "quotes", when
 * found, also runs alone (the extracts path of the engine). */
#include "config.h"

#include <abridge/abridge.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "text/document.h"
#include "text/lang.h"
#include "fuzz-common.h"

#ifndef FUZZ_PLUGIN_DIR
#define FUZZ_PLUGIN_DIR ""
#endif

static abridge_registry *registry;
static abridge_engine *engine;
static abridge_engine *quotes_engine; /* the extracts path, when a quotes plugin is built */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  fuzz_init_glib ();
  const char *dir = g_getenv ("ABRIDGE_FUZZ_PLUGIN_DIR");
  if (dir == NULL)
    dir = FUZZ_PLUGIN_DIR;
  const char *plugins = g_getenv ("ABRIDGE_FUZZ_PLUGINS");
  if (plugins == NULL)
    plugins = "centrality+lead+frequency";
  if (*dir == '\0' || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      fprintf (stderr, "fuzz-document: no plugin directory '%s': engine skipped\n", dir);
      return 0;
    }
  /* Only the build tree's plugins: nothing installed, nothing from $PATHs. */
  g_setenv ("ABRIDGE_PLUGIN_SYSTEM_PATH", dir, TRUE);
  g_setenv ("ABRIDGE_PLUGIN_PATH", "", TRUE);
  GError *error = NULL;
  registry = abridge_registry_new (NULL, &error);
  if (registry != NULL)
    engine = abridge_engine_new (registry, plugins, NULL, &error);
  if (engine == NULL)
    {
      fprintf (stderr, "fuzz-document: engine '%s' from %s unavailable (%s): engine skipped\n",
               plugins, dir, error != NULL ? error->message : "?");
      g_clear_error (&error);
    }
  else
    fprintf (stderr, "fuzz-document: engine '%s' from %s\n", plugins, dir);
  if (registry != NULL && abridge_registry_find (registry, "quotes") != NULL)
    {
      quotes_engine = abridge_engine_new (registry, "quotes", NULL, &error);
      if (quotes_engine == NULL)
        g_clear_error (&error);
      else
        fprintf (stderr, "fuzz-document: engine 'quotes' too\n");
    }
  return 0;
}

static void
check_keywords (const abridge_document *doc, guint n)
{
  char **words = abridge_document_keywords (doc, n);
  FUZZ_CHECK (words != NULL, "keywords NULL");
  guint k = 0;
  for (; words[k] != NULL; k++)
    {
      gsize len = strlen (words[k]);
      FUZZ_CHECK (len > 0, "empty keyword %u", k);
      FUZZ_CHECK (fuzz_is_text (words[k], len), "keyword %u is not valid UTF-8", k);
    }
  FUZZ_CHECK (k <= n, "%u keywords asked, %u given", n, k);
  g_strfreev (words);
}

static void
check_document (const abridge_document *doc, const char *data, size_t size)
{
  size_t len = 0;
  const char *text = abridge_document_text (doc, &len);
  FUZZ_CHECK (len == size && memcmp (text, data, size) == 0 && text[len] == '\0',
              "document text differs from the input");

  size_t title_len;
  const char *title = abridge_document_title (doc, &title_len);
  if (title != NULL)
    FUZZ_CHECK (fuzz_is_text (title, title_len) && strlen (title) == title_len, "bad title");
  const char *dateline = abridge_document_dateline (doc);
  if (dateline != NULL)
    FUZZ_CHECK (fuzz_is_text (dateline, strlen (dateline)), "bad dateline");

  uint32_t n = abridge_document_sentence_count (doc);
  uint32_t n_para = abridge_document_paragraph_count (doc);
  uint32_t n_terms = abridge_document_term_count (doc);
  uint32_t n_stems = abridge_document_stem_count (doc);
  uint32_t prev_end = 0, prev_para = 0;
  for (uint32_t i = 0; i < n; i++)
    {
      size_t slen;
      const char *s = abridge_document_sentence_text (doc, i, &slen);
      FUZZ_CHECK (s != NULL, "sentence %u has no text", i);
      FUZZ_CHECK (fuzz_is_text (s, slen), "sentence %u text is not valid UTF-8", i);
      if (slen > 0)
        FUZZ_CHECK (!g_ascii_isspace (s[0]) && !g_ascii_isspace (s[slen - 1]),
                    "sentence %u text not trimmed", i);

      uint32_t start, end;
      abridge_document_sentence_span (doc, i, &start, &end);
      FUZZ_CHECK (start < end && end <= size, "sentence %u span [%u, %u) of %zu", i, start, end,
                  size);
      FUZZ_CHECK (start >= prev_end, "sentence %u [%u, %u) overlaps the one before (end %u)", i,
                  start, end, prev_end);
      FUZZ_CHECK (fuzz_is_boundary (data, size, start) && fuzz_is_boundary (data, size, end),
                  "sentence %u span [%u, %u) not on character boundaries", i, start, end);
      prev_end = end;

      uint32_t para = abridge_document_sentence_paragraph (doc, i);
      FUZZ_CHECK (para < n_para && para >= prev_para, "sentence %u in paragraph %u of %u", i, para,
                  n_para);
      prev_para = para;
      (void) abridge_document_sentence_flags (doc, i);
      (void) abridge_document_sentence_is_candidate (doc, i);

      uint32_t n_tok;
      const abridge_token *tok = abridge_document_sentence_tokens (doc, i, &n_tok);
      FUZZ_CHECK (n_tok == 0 || tok != NULL, "sentence %u: tokens NULL", i);
      for (uint32_t t = 0; t < n_tok; t++)
        {
          FUZZ_CHECK (tok[t].term < n_terms && tok[t].stem < n_stems,
                      "sentence %u token %u: term %u/%u stem %u/%u", i, t, tok[t].term, n_terms,
                      tok[t].stem, n_stems);
          FUZZ_CHECK (tok[t].start >= start && tok[t].len > 0
                          && (uint64_t) tok[t].start + tok[t].len <= end,
                      "sentence %u token %u [%u, +%u) outside [%u, %u)", i, t, tok[t].start,
                      tok[t].len, start, end);
        }
    }
  /* An uncapped token ends on a character boundary. */
  for (uint32_t i = 0; i < n; i++)
    {
      uint32_t n_tok;
      const abridge_token *tok = abridge_document_sentence_tokens (doc, i, &n_tok);
      for (uint32_t t = 0; t < n_tok; t++)
        if (tok[t].len < UINT16_MAX)
          FUZZ_CHECK (fuzz_is_boundary (data, size, tok[t].start + tok[t].len),
                      "token [%u, +%u) ends inside a character", tok[t].start, tok[t].len);
    }
  /* Out-of-range queries answer "nothing", never crash. */
  size_t none_len = 1;
  FUZZ_CHECK (abridge_document_sentence_text (doc, n, &none_len) == NULL && none_len == 0,
              "sentence_text out of range");
  uint32_t none_tok = 1;
  FUZZ_CHECK (abridge_document_sentence_tokens (doc, n, &none_tok) == NULL && none_tok == 0,
              "sentence_tokens out of range");
  FUZZ_CHECK (abridge_document_term_text (doc, n_terms) == NULL, "term_text out of range");
  FUZZ_CHECK (abridge_document_stem_text (doc, n_stems) == NULL, "stem_text out of range");

  for (uint32_t t = 0; t < n_terms; t++)
    {
      const char *term = abridge_document_term_text (doc, t);
      FUZZ_CHECK (term != NULL && *term != '\0' && fuzz_is_text (term, strlen (term)),
                  "term %u bad", t);
    }
  for (uint32_t s = 0; s < n_stems; s++)
    {
      const char *stem = abridge_document_stem_text (doc, s);
      FUZZ_CHECK (stem != NULL && fuzz_is_text (stem, strlen (stem)), "stem %u bad", s);
      uint32_t sf = abridge_document_stem_sentence_frequency (doc, s);
      uint32_t tf = abridge_document_stem_frequency (doc, s);
      FUZZ_CHECK (sf <= tf && sf <= n, "stem %u: sf %u tf %u", s, sf, tf);
      double idf = abridge_document_background_idf (doc, s);
      FUZZ_CHECK (isfinite (idf) && idf > 0, "stem %u idf %g", s, idf);
    }

  uint32_t nq = abridge_document_quote_count (doc), prev_q = 0;
  for (uint32_t q = 0; q < nq; q++)
    {
      uint32_t qs, qe, first, last;
      abridge_document_quote_span (doc, q, &qs, &qe, &first, &last);
      FUZZ_CHECK (qs < qe && qe <= size && qs >= prev_q, "quote %u [%u, %u)", q, qs, qe);
      FUZZ_CHECK (fuzz_is_boundary (data, size, qs) && fuzz_is_boundary (data, size, qe),
                  "quote %u [%u, %u) not on character boundaries", q, qs, qe);
      FUZZ_CHECK (first <= last && last < n, "quote %u sentences %u..%u of %u", q, first, last, n);
      prev_q = qe;
    }

  check_keywords (doc, 0);
  check_keywords (doc, 10);
}

static void
check_json (const GString *out, gboolean lines)
{
  char **docs = lines ? g_strsplit (out->str, "\n", -1) : NULL;
  char *one[] = { out->str, NULL };
  for (char **d = lines ? docs : one; *d != NULL; d++)
    {
      if (**d == '\0')
        continue;
      JsonParser *parser = json_parser_new ();
      GError *error = NULL;
      gboolean ok = json_parser_load_from_data (parser, *d, -1, &error);
      FUZZ_CHECK (ok, "rendered JSON does not parse: %s", error != NULL ? error->message : "");
      FUZZ_CHECK (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)), "JSON not an object");
      g_object_unref (parser);
    }
  g_strfreev (docs);
}

static void
check_brief (abridge_engine *engine, const abridge_document *doc, const uint8_t *data,
             size_t size)
{
  uint32_t n = abridge_document_sentence_count (doc);
  gboolean any_candidate = FALSE;
  for (uint32_t i = 0; i < n; i++)
    any_candidate |= abridge_document_sentence_is_candidate (doc, i);

  static const abridge_budget budgets[] = {
    { ABRIDGE_BUDGET_SENTENCES, 3, 0 },
    { ABRIDGE_BUDGET_WORDS, 40, 0 },
    { ABRIDGE_BUDGET_CHARS, 200, 0 },
    { ABRIDGE_BUDGET_RATIO, 0, 0.3 },
  };
  const abridge_budget *budget = &budgets[(size > 0 ? data[size - 1] : 0) % 4];
  AbridgeOrder order = size > 1 && (data[size - 2] & 1) ? ABRIDGE_ORDER_SCORE : ABRIDGE_ORDER_ARTICLE;

  GError *error = NULL;
  abridge_brief *brief = abridge_engine_summarize (engine, doc, budget, order, &error);
  const char *name = abridge_engine_name (engine);
  FUZZ_CHECK (brief != NULL, "%s: summarize failed: %s", name, error != NULL ? error->message : "?");
  /* abridge.h: "never empty when the document has a candidate". */
  FUZZ_CHECK (brief->items->len > 0 || !any_candidate, "%s: empty brief of a document with candidates",
              name);
  if (budget->kind == ABRIDGE_BUDGET_SENTENCES)
    FUZZ_CHECK (brief->items->len <= budget->n, "%u items for a budget of %u", brief->items->len,
                budget->n);
  for (guint k = 0; k < brief->items->len; k++)
    {
      abridge_brief_item *item = &g_array_index (brief->items, abridge_brief_item, k);
      FUZZ_CHECK (item->sentence < n && item->start < item->end && item->end <= size,
                  "item %u: sentence %u [%u, %u)", k, item->sentence, item->start, item->end);
      FUZZ_CHECK (item->extract || abridge_document_sentence_is_candidate (doc, item->sentence),
                  "item %u: sentence %u is not a candidate", k, item->sentence);
      FUZZ_CHECK (item->text != NULL && fuzz_is_text (item->text, strlen (item->text)),
                  "item %u text", k);
      if (order == ABRIDGE_ORDER_ARTICLE && k > 0)
        FUZZ_CHECK (g_array_index (brief->items, abridge_brief_item, k - 1).start < item->start,
                    "brief not in article order");
    }
  brief->keywords = abridge_document_keywords (doc, 5);

  abridge_source source = { "fuzz.txt", NULL };
  for (int f = ABRIDGE_FORMAT_TEXT; f <= ABRIDGE_FORMAT_MARKDOWN; f++)
    {
      GString *out = g_string_new (NULL);
      abridge_render (out, (AbridgeFormat) f, &source, doc, name, brief);
      FUZZ_CHECK (fuzz_is_text (out->str, out->len), "format %d: output is not valid UTF-8", f);
      if (f == ABRIDGE_FORMAT_JSON || f == ABRIDGE_FORMAT_JSONL)
        check_json (out, f == ABRIDGE_FORMAT_JSONL);
      g_string_free (out, TRUE);
    }
  abridge_brief_free (brief);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *text = (const char *) data;
  GError *error = NULL;
  gboolean ok = abridge_input_check (text, size, &error);
  FUZZ_CHECK (ok == (error == NULL), "input_check: result and error disagree");
  if (!ok)
    {
      FUZZ_CHECK (error->domain == ABRIDGE_ERROR && error->code == ABRIDGE_ERROR_INPUT
                      && strstr (error->message, "byte offset") != NULL,
                  "unclear input error: %s", error->message);
      g_clear_error (&error);
      /* The document refuses what the check refuses. */
      abridge_document *doc = abridge_document_new (text, size, NULL, &error);
      FUZZ_CHECK (doc == NULL && error != NULL, "document_new accepted what input_check refused");
      g_clear_error (&error);
      return 0;
    }

  /* Language detection: its shortcut for English (english.c) agrees with
   * the letters-only sample wherever it decides. */
  abr_english_answer answer = abr_language_english_settled (text, size);
  if (answer != ABR_ENGLISH_UNDECIDED)
    FUZZ_CHECK (abr_language_english_by_sample (text, size) == (answer == ABR_ENGLISH_SETTLED),
                "the English shortcut disagrees with the sample");
  gboolean sure;
  const abr_language *lang = abr_language_detect (text, size, NULL, &sure);
  FUZZ_CHECK (lang != NULL || !sure, "sure of no language");

  abridge_document *doc = abridge_document_new (text, size, NULL, &error);
  FUZZ_CHECK (doc != NULL, "document_new refused checked input: %s",
              error != NULL ? error->message : "?");
  check_document (doc, text, size);
  if (engine != NULL)
    check_brief (engine, doc, data, size);
  if (quotes_engine != NULL)
    check_brief (quotes_engine, doc, data, size);
  abridge_document_free (doc);

  /* With a title from a container (a JSONL record): the first line. */
  const char *nl = memchr (text, '\n', size);
  if (nl != NULL && nl > text)
    {
      char *title = g_strndup (text, (gsize) (nl - text));
      doc = abridge_document_new (text, size, title, &error);
      FUZZ_CHECK (doc != NULL, "document_new with title refused checked input");
      check_document (doc, text, size);
      abridge_document_free (doc);
      g_free (title);
    }
  return 0;
}
