/* Unit tests of languages: codes, Snowball stems against Snowball's own
 * vocabularies, stop words, sentence boundaries and quotation marks per
 * language, and language detection. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <libstemmer.h>
#include <stdio.h>
#include <string.h>

#include "text/document.h"
#include "engine/host.h"
#include "text/english.h"
#include "text/lang.h"
#include "text/quotes/marks.h"
#include "text/stem.h"
#include "text/tokenize.h"

/* ---- helpers ------------------------------------------------------------- */

static abridge_document *
doc_new (const char *text, const char *lang)
{
  GError *error = NULL;
  abridge_document *doc = abridge_document_new_lang (text, strlen (text), NULL, lang, &error);
  if (doc == NULL)
    fail_msg ("abridge_document_new_lang (%s) failed: %s", lang, error->message);
  return doc;
}

/* Checks that TEXT, read in LANG, splits into exactly the sentences of
 * WANT (NULL-terminated). */
static void
assert_sentences (const char *lang, const char *text, const char *const *want)
{
  abridge_document *doc = doc_new (text, lang);
  uint32_t n = abridge_document_sentence_count (doc);
  guint n_want = g_strv_length ((char **) want);
  gboolean ok = n == n_want;
  for (uint32_t i = 0; ok && i < n; i++)
    {
      size_t len;
      const char *s = abridge_document_sentence_text (doc, i, &len);
      ok = strlen (want[i]) == len && memcmp (s, want[i], len) == 0;
    }
  if (!ok)
    {
      fprintf (stderr, "  [%s] want %u sentences:\n", lang, n_want);
      for (guint i = 0; i < n_want; i++)
        fprintf (stderr, "    [%s]\n", want[i]);
      fprintf (stderr, "  got %u:\n", n);
      for (uint32_t i = 0; i < n; i++)
        {
          size_t len;
          const char *s = abridge_document_sentence_text (doc, i, &len);
          fprintf (stderr, "    [%.*s]\n", (int) len, s);
        }
      abridge_document_free (doc);
      fail_msg ("%s: wrong sentence boundaries", lang);
    }
  abridge_document_free (doc);
}

/* Whether WORD, in a document read in LANG, is a stop word. */
static gboolean
is_stop_word (const char *lang, const char *sentence, const char *word)
{
  abridge_document *doc = doc_new (sentence, lang);
  gboolean found = FALSE, stop = FALSE;
  for (uint32_t i = 0; i < abridge_document_sentence_count (doc); i++)
    {
      uint32_t n;
      const abridge_token *t = abridge_document_sentence_tokens (doc, i, &n);
      for (uint32_t k = 0; k < n; k++)
        if (strcmp (abridge_document_term_text (doc, t[k].term), word) == 0)
          {
            found = TRUE;
            stop = (t[k].flags & ABRIDGE_TOKEN_STOP) != 0;
          }
    }
  abridge_document_free (doc);
  if (!found)
    fail_msg ("'%s' is not a word of '%s'", word, sentence);
  return stop;
}

/* ---- codes ------------------------------------------------------------------ */

static void
test_lang_every_snowball_language_has_a_code (void **state)
{
  (void) state;
  const char **algorithms = sb_stemmer_list ();
  guint n = 0;
  for (const char **a = algorithms; *a != NULL; a++)
    {
      if (strcmp (*a, "porter") == 0)
        continue; /* an older English algorithm, not a language */
      gboolean found = FALSE;
      for (guint i = 0; i < ABR_N_LANGUAGES; i++)
        found |= strcmp (abr_language_nth (i)->stemmer, *a) == 0;
      if (!found)
        fail_msg ("libstemmer's '%s' has no language code", *a);
      n++;
    }
  assert_int_equal (n, ABR_N_LANGUAGES);
  for (guint i = 0; i < ABR_N_LANGUAGES; i++)
    assert_ptr_equal (abr_language_find (abr_language_nth (i)->code),
                      abr_language_nth (i));
  assert_ptr_equal (abr_language_find ("nb"), abr_language_find ("no"));
}

static void
test_lang_unknown_code_is_a_usage_error_listing_the_codes (void **state)
{
  (void) state;
  GError *error = NULL;
  assert_true (abridge_language_check ("auto", NULL));
  assert_true (abridge_language_check ("de", NULL));
  assert_false (abridge_language_check ("xx", &error));
  assert_int_equal (error->code, ABRIDGE_ERROR_USAGE);
  assert_non_null (strstr (error->message, "'xx'"));
  assert_non_null (strstr (error->message, "de el en es"));
  g_clear_error (&error);
  assert_false (abridge_language_check ("EN", &error)); /* codes are lower case */
  g_clear_error (&error);
  const char *text = "Ein Satz.";
  assert_null (abridge_document_new_lang (text, strlen (text), NULL, "german", &error));
  assert_int_equal (error->code, ABRIDGE_ERROR_USAGE);
  g_clear_error (&error);
}

static void
test_lang_stop_lists_exist_for_snowballs_fifteen (void **state)
{
  (void) state;
  const char *with[] = { "da", "de", "en", "es", "fi", "fr", "hu", "id",
                         "it", "nl", "no", "pt", "ro", "ru", "sv" };
  guint n = 0;
  for (guint i = 0; i < ABR_N_LANGUAGES; i++)
    n += abridge_language_has_stopwords (abr_language_nth (i)->code);
  assert_int_equal (n, G_N_ELEMENTS (with));
  for (guint i = 0; i < G_N_ELEMENTS (with); i++)
    {
      assert_true (abridge_language_has_stopwords (with[i]));
      assert_true (g_hash_table_size (abr_language_stopwords (abr_language_find (with[i])))
                   > 50);
    }
}

/* ---- stems ------------------------------------------------------------------ */

static void
test_lang_stems_match_snowball_vocabularies (void **state)
{
  (void) state;
  char *path = g_build_filename (TEST_SRCDIR, "tests", "fixtures", "lang", "stems.tsv", NULL);
  char *data;
  GError *error = NULL;
  if (!g_file_get_contents (path, &data, NULL, &error))
    fail_msg ("%s", error->message);
  char **lines = g_strsplit (data, "\n", -1);
  guint checked = 0, wrong = 0;
  GHashTable *langs = g_hash_table_new (g_str_hash, g_str_equal);
  for (char **l = lines; *l != NULL; l++)
    {
      if (**l == '#' || **l == '\0')
        continue;
      char **f = g_strsplit (*l, "\t", 3);
      assert_int_equal (g_strv_length (f), 3);
      const abr_language *lang = abr_language_find (f[0]);
      if (lang == NULL)
        fail_msg ("stems.tsv: unknown language '%s'", f[0]);
      g_hash_table_add (langs, (gpointer) lang->code);
      gsize len;
      const char *stem = abr_stem_lang (lang, f[1], strlen (f[1]), &len);
      if (len != strlen (f[2]) || memcmp (stem, f[2], len) != 0)
        {
          fprintf (stderr, "  %s: %s -> %.*s, Snowball says %s\n", f[0], f[1], (int) len, stem,
                   f[2]);
          wrong++;
        }
      checked++;
      g_strfreev (f);
    }
  g_strfreev (lines);
  g_free (data);
  g_free (path);
  assert_int_equal (g_hash_table_size (langs), ABR_N_LANGUAGES);
  g_hash_table_unref (langs);
  assert_true (checked >= 28 * 50);
  assert_int_equal (wrong, 0);
}

/* ---- stop words and idf ------------------------------------------------------ */

static void
test_lang_stop_words_follow_the_documents_language (void **state)
{
  (void) state;
  const char *de = "Der Hund und die Katze schlafen.";
  assert_true (is_stop_word ("de", de, "und"));
  assert_true (is_stop_word ("de", de, "die"));
  assert_false (is_stop_word ("de", de, "hund"));
  assert_false (is_stop_word ("en", de, "und"));
  /* "die" is an English verb, a German article. */
  assert_false (is_stop_word ("en", "Old soldiers never die.", "die"));
  const char *fr = "Le chat et le chien dorment dans la maison.";
  assert_true (is_stop_word ("fr", fr, "dans"));
  assert_false (is_stop_word ("fr", fr, "maison"));
  const char *ru = "Кошка и собака спят в доме.";
  assert_true (is_stop_word ("ru", ru, "и"));
  assert_false (is_stop_word ("ru", ru, "кошка"));
  /* ß folds to ss in the text and in the list alike. */
  assert_true (is_stop_word ("de", "Er sagt, daß es regnet.", "dass"));
  /* Greek has a stemmer but no stop list: every word is a content word. */
  assert_false (is_stop_word ("el", "Ο σκύλος και η γάτα κοιμούνται.", "και"));
}

static void
test_lang_english_and_other_languages_keep_separate_stems (void **state)
{
  (void) state;
  /* The same word through two languages' stemmers, in one thread: the
   * per-language vocabularies must not share their cache. */
  abridge_document *en = doc_new ("The nations are running.", "en");
  abridge_document *fr = doc_new ("Les nations sont running.", "fr");
  abridge_document *en2 = doc_new ("The nations are running.", "en");
  uint32_t n;
  const abridge_token *t = abridge_document_sentence_tokens (en, 0, &n);
  assert_string_equal (abridge_document_stem_text (en, t[1].stem), "nation");
  assert_string_equal (abridge_document_stem_text (en, t[3].stem), "run");
  t = abridge_document_sentence_tokens (fr, 0, &n);
  assert_string_equal (abridge_document_stem_text (fr, t[1].stem), "nation");
  assert_string_equal (abridge_document_stem_text (fr, t[3].stem), "running");
  t = abridge_document_sentence_tokens (en2, 0, &n);
  assert_string_equal (abridge_document_stem_text (en2, t[3].stem), "run");
  /* The background idf table is English: other languages weigh stems
   * equally (1), English ones by the table (above 1 for "nation"). */
  assert_true (abridge_document_background_idf (en, t[1].stem) > 1.0);
  for (uint32_t s = 0; s < abridge_document_stem_count (fr); s++)
    assert_true (abridge_document_background_idf (fr, s) == 1.0);
  abridge_document_free (en);
  abridge_document_free (fr);
  abridge_document_free (en2);
}

/* ---- sentences --------------------------------------------------------------- */

static void
test_lang_german_sentences (void **state)
{
  (void) state;
  assert_sentences ("de",
                    "Am 3. Oktober feiert Deutschland. Dr. Müller kam z.B. mit Herrn "
                    "Schmidt. Der Schaden beträgt 5 Mio. Euro. Das ist viel! Die Polizei "
                    "ermittelt, vgl. Nr. 5 der Akte. Es war das 19. Jahrhundert. Er "
                    "kam 1990. Die Mauer fiel.",
                    (const char *const[]){ "Am 3. Oktober feiert Deutschland.",
                                           "Dr. Müller kam z.B. mit Herrn Schmidt.",
                                           "Der Schaden beträgt 5 Mio. Euro.",
                                           "Das ist viel!",
                                           "Die Polizei ermittelt, vgl. Nr. 5 der Akte.",
                                           "Es war das 19. Jahrhundert.",
                                           "Er kam 1990.",
                                           "Die Mauer fiel.",
                                           NULL });
  assert_sentences ("de",
                    "„Wir streiken“, sagte er. „Bis Freitag.“ Dann ging er usw. Das "
                    "Ende kam bald.",
                    (const char *const[]){ "„Wir streiken“, sagte er.", "„Bis Freitag.“",
                                           "Dann ging er usw.", "Das Ende kam bald.", NULL });
}

static void
test_lang_french_sentences (void **state)
{
  (void) state;
  assert_sentences ("fr",
                    "M. Dupont est arrivé à Paris. Mme Martin l'attendait, cf. p. 12 du "
                    "rapport. « Nous ne céderons pas ! » a-t-il dit. Le Dr Durand, etc. Les "
                    "grévistes sont restés. Il est né en 1950 av. J.-C. selon la légende.",
                    (const char *const[]){ "M. Dupont est arrivé à Paris.",
                                           "Mme Martin l'attendait, cf. p. 12 du rapport.",
                                           "« Nous ne céderons pas ! » a-t-il dit.",
                                           "Le Dr Durand, etc.",
                                           "Les grévistes sont restés.",
                                           "Il est né en 1950 av. J.-C. selon la légende.",
                                           NULL });
}

static void
test_lang_spanish_sentences (void **state)
{
  (void) state;
  assert_sentences ("es",
                    "El Sr. García llegó ayer. ¿Vendrá la Sra. López? ¡Claro que sí! "
                    "Según la pág. 4 del informe, EE.UU. no firmó. El Dr. Pérez, p.ej. "
                    "Juan, lo confirmó. La huelga sigue.",
                    (const char *const[]){ "El Sr. García llegó ayer.",
                                           "¿Vendrá la Sra. López?",
                                           "¡Claro que sí!",
                                           "Según la pág. 4 del informe, EE.UU. no firmó.",
                                           "El Dr. Pérez, p.ej. Juan, lo confirmó.",
                                           "La huelga sigue.",
                                           NULL });
}

static void
test_lang_italian_sentences (void **state)
{
  (void) state;
  assert_sentences ("it",
                    "Il sig. Rossi è arrivato. Il dott. Bianchi, ecc. La riunione è "
                    "finita. Vedi art. 5 della legge. «Non cederemo», ha detto.",
                    (const char *const[]){ "Il sig. Rossi è arrivato.",
                                           "Il dott. Bianchi, ecc.",
                                           "La riunione è finita.",
                                           "Vedi art. 5 della legge.",
                                           "«Non cederemo», ha detto.",
                                           NULL });
}

static void
test_lang_portuguese_sentences (void **state)
{
  (void) state;
  assert_sentences ("pt",
                    "O Sr. Silva chegou ontem. A Dra. Costa, p.ex. na pág. 3, discordou. "
                    "A greve continua. Ele ficou? Sim.",
                    (const char *const[]){ "O Sr. Silva chegou ontem.",
                                           "A Dra. Costa, p.ex. na pág. 3, discordou.",
                                           "A greve continua.",
                                           "Ele ficou?",
                                           "Sim.",
                                           NULL });
}

static void
test_lang_dutch_sentences (void **state)
{
  (void) state;
  assert_sentences ("nl",
                    "Dhr. Jansen kwam gisteren. Hij zei o.a. dat het goed ging. Zie blz. 7 "
                    "van het rapport. De staking duurt voort, enz. Het is voorbij.",
                    (const char *const[]){ "Dhr. Jansen kwam gisteren.",
                                           "Hij zei o.a. dat het goed ging.",
                                           "Zie blz. 7 van het rapport.",
                                           "De staking duurt voort, enz.",
                                           "Het is voorbij.",
                                           NULL });
}

static void
test_lang_russian_sentences (void **state)
{
  (void) state;
  assert_sentences ("ru",
                    "Это случилось в 1990 г. Потом всё изменилось. Проф. Иванов живёт на "
                    "ул. Ленина. Он сказал: «Мы не уступим». Цена выросла на 5 млн руб. "
                    "Это много, т.е. очень много.",
                    (const char *const[]){ "Это случилось в 1990 г.",
                                           "Потом всё изменилось.",
                                           "Проф. Иванов живёт на ул. Ленина.",
                                           "Он сказал: «Мы не уступим».",
                                           "Цена выросла на 5 млн руб.",
                                           "Это много, т.е. очень много.",
                                           NULL });
}

static void
test_lang_danish_ordinals_and_reversed_guillemets (void **state)
{
  (void) state;
  assert_sentences ("da",
                    "Det skete den 5. maj i København. »Vi strejker,« sagde han. Det var "
                    "slut.",
                    (const char *const[]){ "Det skete den 5. maj i København.",
                                           "»Vi strejker,« sagde han.", "Det var slut.", NULL });
}

/* ---- quotation marks ---------------------------------------------------------- */

static void
assert_quotes (const char *text, const char *const *want)
{
  GArray *paras = g_array_new (FALSE, FALSE, sizeof (uint32_t));
  uint32_t zero = 0, len = (uint32_t) strlen (text);
  g_array_append_val (paras, zero);
  g_array_append_val (paras, len);
  GArray *quotes = g_array_new (FALSE, FALSE, sizeof (abr_quote_mark));
  abr_quote_marks_find (text, len, paras, NULL, 0, "en", quotes);
  guint n_want = g_strv_length ((char **) want);
  gboolean ok = quotes->len == n_want;
  for (guint i = 0; ok && i < quotes->len; i++)
    {
      abr_quote_mark *q = &g_array_index (quotes, abr_quote_mark, i);
      ok = q->end - q->start == strlen (want[i]) && memcmp (text + q->start, want[i], q->end - q->start) == 0;
    }
  if (!ok)
    {
      fprintf (stderr, "  in [%s] got %u quotes:\n", text, quotes->len);
      for (guint i = 0; i < quotes->len; i++)
        {
          abr_quote_mark *q = &g_array_index (quotes, abr_quote_mark, i);
          fprintf (stderr, "    [%.*s]\n", (int) (q->end - q->start), text + q->start);
        }
      fail_msg ("wrong quotations");
    }
  g_array_unref (quotes);
  g_array_unref (paras);
}

static void
test_lang_quotation_marks_of_each_language (void **state)
{
  (void) state;
  /* German „…“ and ‚…‘: the closing mark is the English opening one. */
  assert_quotes ("„Wir streiken“, sagte er. „Bis Freitag“, fügte er hinzu.",
                 (const char *const[]){ "„Wir streiken“", "„Bis Freitag“", NULL });
  assert_quotes ("Er sagte: „Das ist ‚unmöglich‘, sagen alle.“ Dann ging er.",
                 (const char *const[]){ "„Das ist ‚unmöglich‘, sagen alle.“", NULL });
  /* French and Spanish guillemets, French with their spaces. */
  assert_quotes ("« Nous ne céderons pas », a dit M. Dupont.",
                 (const char *const[]){ "« Nous ne céderons pas »", NULL });
  assert_quotes ("«No vamos a ceder», dijo.", (const char *const[]){ "«No vamos a ceder»", NULL });
  /* Danish »…«, Swedish ”…”. */
  assert_quotes ("»Vi strejker,« sagde han.", (const char *const[]){ "»Vi strejker,«", NULL });
  assert_quotes ("”Vi strejkar”, sade han.", (const char *const[]){ "”Vi strejkar”", NULL });
  /* Japanese corner brackets. */
  assert_quotes ("彼は「明日は休みです」と言った。",
                 (const char *const[]){ "「明日は休みです」", NULL });
  /* English stays as it was. */
  assert_quotes ("“We will strike,” he said. “Until Friday.”",
                 (const char *const[]){ "“We will strike,”", "“Until Friday.”", NULL });
}

/* ---- detection ---------------------------------------------------------------- */

typedef struct {
  const char *code;
  const char *text;
} Sample;

static const Sample samples[] = {
  { "en", "The dock workers walked off the job on Tuesday, shutting the main container "
          "terminals and leaving more than forty ships waiting at anchor in the North Sea, "
          "while the union said talks with the employers had collapsed." },
  { "de", "Die Hafenarbeiter haben am Dienstag die Arbeit niedergelegt und damit die "
          "wichtigsten Containerterminals lahmgelegt, während mehr als vierzig Schiffe in "
          "der Nordsee vor Anker warten, teilte die Gewerkschaft mit." },
  { "fr", "Les dockers ont cessé le travail mardi, paralysant les principaux terminaux à "
          "conteneurs et laissant plus de quarante navires à l'ancre en mer du Nord, a "
          "indiqué le syndicat après l'échec des négociations." },
  { "es", "Los estibadores dejaron de trabajar el martes, paralizando las principales "
          "terminales de contenedores y dejando a más de cuarenta barcos fondeados en el "
          "mar del Norte, según informó el sindicato." },
  { "it", "I portuali hanno incrociato le braccia martedì, bloccando i principali terminal "
          "container e lasciando più di quaranta navi alla fonda nel Mare del Nord, ha "
          "detto il sindacato dopo il fallimento delle trattative." },
  { "pt", "Os estivadores pararam de trabalhar na terça-feira, paralisando os principais "
          "terminais de contentores e deixando mais de quarenta navios ancorados no mar do "
          "Norte, segundo informou o sindicato." },
  { "nl", "De havenarbeiders hebben dinsdag het werk neergelegd, waardoor de belangrijkste "
          "containerterminals stil kwamen te liggen en meer dan veertig schepen voor anker "
          "liggen in de Noordzee, meldde de vakbond." },
  { "ru", "Портовые рабочие во вторник прекратили работу, остановив главные контейнерные "
          "терминалы и оставив более сорока судов на якоре в Северном море, сообщил "
          "профсоюз после провала переговоров." },
  { "sv", "Hamnarbetarna lade ner arbetet på tisdagen och stängde de viktigaste "
          "containerterminalerna, medan fler än fyrtio fartyg ligger för ankar i Nordsjön, "
          "meddelade fackförbundet efter att förhandlingarna brutit samman." },
};

static void
test_lang_detection_names_the_language_of_a_paragraph (void **state)
{
  (void) state;
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      gboolean sure;
      const abr_language *lang
          = abr_language_detect (samples[i].text, strlen (samples[i].text), NULL, &sure);
      if (lang == NULL || strcmp (lang->code, samples[i].code) != 0)
        fail_msg ("%s sample read as %s", samples[i].code, lang != NULL ? lang->code : "unsure");
      assert_true (sure);
      /* Through the document, with "auto". */
      abridge_document *doc = doc_new (samples[i].text, "auto");
      assert_string_equal (abridge_document_language (doc), samples[i].code);
      abridge_document_free (doc);
    }
}

static void
test_lang_detection_falls_back_on_short_texts (void **state)
{
  (void) state;
  gboolean sure = TRUE;
  const char *text = "Die Katze schläft.";
  const abr_language *en = abr_language_english ();
  assert_ptr_equal (abr_language_detect (text, strlen (text), en, &sure), en);
  assert_false (sure);
  abridge_document *doc = doc_new (text, "auto");
  assert_string_equal (abridge_document_language (doc), "en");
  abridge_document_free (doc);
  /* Numbers and punctuation say nothing of a language. */
  const char *digits = "12345 67890, 3.14 -- 2026-11-27; 555-1234 (42) [7] {9} 1,000,000 "
                       "0.5% $12 €7 100 200 300 400 500 600 700 800 900 1000 2000 3000 4000";
  assert_ptr_equal (abr_language_detect (digits, strlen (digits), en, &sure), en);
  assert_false (sure);
  /* An explicit language is never second-guessed. */
  doc = doc_new (samples[1].text, "fr");
  assert_string_equal (abridge_document_language (doc), "fr");
  abridge_document_free (doc);
}

/* English is settled by counting stop words in the first sixty words; the
 * rest of the sample is read only as far as it takes to know that it is
 * long enough and mostly Latin: these are the texts where that matters. */
static void
test_lang_detection_reads_past_the_first_sixty_words_when_it_matters (void **state)
{
  (void) state;
  const abr_language *en = abr_language_english (), *de = abr_language_find ("de");
  gboolean sure = TRUE;
  /* Sixty stop words, 119 bytes of letters and spaces: one short of a
   * sample, so the fallback (German here), unsure ... */
  GString *text = g_string_new (NULL);
  for (int i = 0; i < 60; i++)
    g_string_append (text, i > 0 ? " a" : "a");
  assert_ptr_equal (abr_language_detect (text->str, text->len, de, &sure), de);
  assert_false (sure);
  /* ... and one more word makes it a sample: English, sure. */
  g_string_append (text, " a");
  assert_ptr_equal (abr_language_detect (text->str, text->len, de, &sure), en);
  assert_true (sure);
  /* Sixty short English words, then more Russian letters than English
   * ones in the first KB: the sample is mostly Cyrillic, so Russian, not
   * the English its first sixty words suggest. */
  g_string_truncate (text, 0);
  for (int i = 0; i < 5; i++)
    g_string_append (text, "It is up to us to do it as we go on. ");
  for (int i = 0; i < 3; i++)
    g_string_append (text, samples[7].text);
  const abr_language *lang = abr_language_detect (text->str, text->len, en, &sure);
  assert_non_null (lang);
  assert_string_equal (lang->code, "ru");
  assert_true (sure);
  /* The same English text with Russian only past the sample's first KB
   * (after six English paragraphs) is English. */
  g_string_assign (text, samples[0].text);
  for (int i = 0; i < 5; i++)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, samples[0].text);
    }
  g_string_append_c (text, ' ');
  g_string_append (text, samples[7].text);
  assert_ptr_equal (abr_language_detect (text->str, text->len, de, &sure), en);
  assert_true (sure);
  g_string_free (text, TRUE);
}

/* The shortcut that answers English straight from the text (english.c)
 * must answer as the count on the letters-only sample does: exactly, for
 * a text with no letter of another script (which it leaves to the
 * sample), and never English where the sample says otherwise. Texts drawn
 * from stop words, other words, Latin letters past ASCII, Cyrillic,
 * curly quotes, digits and long words, in every mix and length; a third
 * of them open with sixty words at 30-35% stop words, on either side of
 * the early decision's 35%. */
static void
test_lang_english_shortcut_agrees_with_the_sample (void **state)
{
  (void) state;
  static const char *const pieces[] = {
    "the ", "The ", "of ", "AND ", "it ", "was ", "Ourselves ", "in ", "she ", "themselves ",
    "port ", "workers ", "Rotterdam ", "container ", "strike, ", "ships. ", "Europe's ",
    "caf\xc3\xa9 ", "na\xc3\xafve ", "M\xc3\xbcller ", "\xe2\x80\x9cquote\xe2\x80\x9d ",
    "\xe2\x80\x94 ", "\xc2\xa3 12 ", "2026-12-06 ", "(42) ", "don't ", "U.S. ",
    "\xd0\xbf\xd0\xbe\xd1\x80\xd1\x82 ", "abcdefghijklmnopqrstuvwxyzabcdefgh ", "a ", "I ",
    "\n\n", "... ", "\xcc\x81", "x",
  };
  enum { STOP_PIECES = 10, CYRILLIC = 27 };
  GRand *rand = g_rand_new_with_seed (20261206);
  GString *text = g_string_new (NULL);
  guint settled = 0, english = 0;
  for (guint round = 0; round < 4000; round++)
    {
      g_string_truncate (text, 0);
      gboolean cyrillic = round % 3 == 0;
      if (round % 3 == 1)
        {
          /* 60 words, 18 to 21 of them stop words */
          guint stops = (guint) g_rand_int_range (rand, 18, 22);
          for (guint w = 0; w < 60; w++)
            g_string_append (text, w < stops ? "the " : "ports ");
        }
      /* A mix: how often stop words come, how often the rest; after
       * the sixty words, none (the early decision alone decides); a
       * tenth of the texts short, ending in a word. */
      guint stop_weight = (guint) g_rand_int_range (rand, 0, 12);
      guint words = round % 10 == 5 ? (guint) g_rand_int_range (rand, 15, 30)
                                    : (guint) g_rand_int_range (rand, 0, 400);
      for (guint w = 0; w < words; w++)
        {
          guint pick = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces) + stop_weight);
          pick = pick < G_N_ELEMENTS (pieces) ? pick : pick % STOP_PIECES;
          if ((pick == CYRILLIC && !cyrillic) || (round % 3 == 1 && pick < STOP_PIECES))
            continue;
          g_string_append (text, pieces[pick]);
        }
      if (round % 10 == 5)
        while (text->len > 0 && !g_ascii_isalpha (text->str[text->len - 1]))
          g_string_truncate (text, text->len - 1);
      gboolean by_sample = abr_language_english_by_sample (text->str, text->len);
      abr_english_answer answer = abr_language_english_settled (text->str, text->len);
      gboolean shortcut = answer == ABR_ENGLISH_SETTLED;
      english += by_sample;
      settled += shortcut;
      if (shortcut ? !by_sample : by_sample && !strstr (text->str, pieces[CYRILLIC]))
        fail_msg ("the shortcut says %s English, the sample %s: \"%.300s\"",
                  shortcut ? "" : "not", by_sample ? "does" : "does not", text->str);
      /* "not by the count" lets detection skip the sample's count */
      if (answer == ABR_ENGLISH_NOT_BY_COUNT && by_sample)
        fail_msg ("the shortcut says not by the count, the sample says English: \"%.300s\"",
                  text->str);
      /* undecided only where another script's letter leaves it so */
      if (answer == ABR_ENGLISH_UNDECIDED && !strstr (text->str, pieces[CYRILLIC]))
        fail_msg ("undecided on a Latin text: \"%.300s\"", text->str);
    }
  /* Both ways were taken, and the shortcut settles most English texts. */
  assert_true (settled > 1000);
  assert_true (english > settled);
  g_string_free (text, TRUE);
  g_rand_free (rand);
}

/* The shortcut's own table of stop words: every English stop word made
 * of letters, in any case, and no other word. */
static void
test_lang_english_stop_table_holds_the_stop_words (void **state)
{
  (void) state;
  GHashTable *stop = abr_language_stopwords (abr_language_english ());
  abr_stop_table *t = abr_stop_table_new (stop);
  GHashTableIter iter;
  gpointer key;
  guint letters_only = 0;
  g_hash_table_iter_init (&iter, stop);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *w = key;
      gsize n = strlen (w);
      gboolean letters = n < ABR_ENGLISH_STOP_MAX;
      for (gsize i = 0; i < n; i++)
        letters = letters && g_ascii_isalpha (w[i]);
      if (!letters)
        continue;
      letters_only++;
      char *upper = g_ascii_strup (w, -1);
      /* with and without bytes to read past the word */
      char *padded = g_strconcat (upper, "xxxxxxxx", NULL);
      assert_true (abr_english_stop_word (t, w, n, n));
      assert_true (abr_english_stop_word (t, upper, n, n));
      assert_true (abr_english_stop_word (t, padded, n, n + 8));
      /* one letter more or less is another word */
      if (!g_hash_table_contains (stop, padded) && n + 1 < ABR_ENGLISH_STOP_MAX)
        {
          char *longer = g_strndup (padded, n + 1);
          char *lower = g_ascii_strdown (longer, -1);
          if (!g_hash_table_contains (stop, lower))
            assert_false (abr_english_stop_word (t, padded, n + 1, n + 8));
          g_free (lower);
          g_free (longer);
        }
      g_free (padded);
      g_free (upper);
    }
  assert_true (letters_only > 100);
  static const char *const others[] = { "ports", "Rotterdam", "thet", "ourselve", "themselvess",
                                        "x", "abcdefgh", "abcdefghi" };
  for (gsize i = 0; i < G_N_ELEMENTS (others); i++)
    assert_false (abr_english_stop_word (t, others[i], strlen (others[i]), strlen (others[i])));
  abr_stop_table_free (t);
}

/* Where the letters-only sample of plain ASCII text ends: letters, and
 * one space for each run of other bytes after a letter, up to
 * ABR_DETECT_MAX_BYTES (the test's own count, byte by byte). */
static gsize
sample_end (const char *text, gsize len)
{
  gsize n = 0, i = 0;
  gboolean space = TRUE;
  for (; i < len && n < ABR_DETECT_MAX_BYTES; i++)
    {
      gboolean letter = g_ascii_isalpha (text[i]);
      n += letter || !space;
      space = !letter;
    }
  return i;
}

/* The shortcut reads as far as the sample reaches and no further:
 * Cyrillic right after the sample's end changes nothing, right before it
 * the shortcut leaves the answer to the sample. Texts of English words and
 * punctuation that the shortcut reads eight bytes at a time. */
static void
test_lang_english_shortcut_reads_to_the_sample_end (void **state)
{
  (void) state;
  static const char *const words[] = { "the ", "of the ", "strike, ", "in Rotterdam; ",
                                       "ships... ", "(and) ", "it-was ", "42 ", "to\n\n",
                                       "a  b ", "containers ", "at 6 a.m. " };
  GRand *rand = g_rand_new_with_seed (1206);
  GString *text = g_string_new (NULL);
  const char *cyrillic = "\xd0\xbf\xd0\xbe\xd1\x80\xd1\x82";
  for (guint round = 0; round < 200; round++)
    {
      g_string_truncate (text, 0);
      while (text->len < 3000)
        g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      gsize end = sample_end (text->str, text->len);
      assert_true (end < text->len);
      /* right after: English both ways */
      GString *after = g_string_new_len (text->str, (gssize) end);
      g_string_append (after, cyrillic);
      g_string_append (after, text->str + end);
      assert_true (abr_language_english_by_sample (after->str, after->len));
      assert_int_equal (abr_language_english_settled (after->str, after->len), ABR_ENGLISH_SETTLED);
      /* a few bytes before: the shortcut does not decide */
      GString *before = g_string_new_len (text->str, (gssize) end - 4);
      g_string_append_c (before, ' ');
      g_string_append (before, cyrillic);
      g_string_append (before, text->str + end - 4);
      assert_int_equal (abr_language_english_settled (before->str, before->len),
                        ABR_ENGLISH_UNDECIDED);
      g_string_free (after, TRUE);
      g_string_free (before, TRUE);
    }
  /* A sample that ends inside its last word, which counts as cut: 24
   * words, the last "the" of "thexyz" the sixth stop word, 25%. */
  g_string_truncate (text, 0);
  for (int i = 0; i < 5; i++)
    g_string_append (text, "the ");
  for (int i = 0; i < 17; i++)
    {
      for (int j = 0; j < 55; j++)
        g_string_append_c (text, 'x');
      g_string_append_c (text, ' ');
    }
  for (int j = 0; j < 48; j++)
    g_string_append_c (text, 'y');
  g_string_append (text, " thexyz and more");
  assert_int_equal (sample_end (text->str, text->len), text->len - strlen ("xyz and more"));
  assert_true (abr_language_english_by_sample (text->str, text->len));
  assert_int_equal (abr_language_english_settled (text->str, text->len), ABR_ENGLISH_SETTLED);
  g_string_free (text, TRUE);
  g_rand_free (rand);
}

/* ---- the host table ------------------------------------------------------------- */

static void
test_lang_plugins_read_the_language_from_the_host_table (void **state)
{
  (void) state;
  abr_host_context ctx;
  abr_host_context_init (&ctx, "test");
  const abridge_host *host = &ctx.table;
  assert_true (ABRIDGE_HAS_MEMBER (host, abridge_host, document_language));
  assert_true (ABRIDGE_ABI_VERSION_MINOR (host->abi_version) >= 1);
  abridge_document *doc = doc_new (samples[3].text, "auto");
  assert_string_equal (host->document_language (doc), "es");
  abridge_document_free (doc);
  doc = doc_new (samples[3].text, NULL); /* NULL: English, as abridge_document_new */
  assert_string_equal (host->document_language (doc), "en");
  abridge_document_free (doc);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_lang_every_snowball_language_has_a_code),
    cmocka_unit_test (test_lang_unknown_code_is_a_usage_error_listing_the_codes),
    cmocka_unit_test (test_lang_stop_lists_exist_for_snowballs_fifteen),
    cmocka_unit_test (test_lang_stems_match_snowball_vocabularies),
    cmocka_unit_test (test_lang_stop_words_follow_the_documents_language),
    cmocka_unit_test (test_lang_english_and_other_languages_keep_separate_stems),
    cmocka_unit_test (test_lang_german_sentences),
    cmocka_unit_test (test_lang_french_sentences),
    cmocka_unit_test (test_lang_spanish_sentences),
    cmocka_unit_test (test_lang_italian_sentences),
    cmocka_unit_test (test_lang_portuguese_sentences),
    cmocka_unit_test (test_lang_dutch_sentences),
    cmocka_unit_test (test_lang_russian_sentences),
    cmocka_unit_test (test_lang_danish_ordinals_and_reversed_guillemets),
    cmocka_unit_test (test_lang_quotation_marks_of_each_language),
    cmocka_unit_test (test_lang_detection_names_the_language_of_a_paragraph),
    cmocka_unit_test (test_lang_detection_falls_back_on_short_texts),
    cmocka_unit_test (test_lang_detection_reads_past_the_first_sixty_words_when_it_matters),
    cmocka_unit_test (test_lang_english_stop_table_holds_the_stop_words),
    cmocka_unit_test (test_lang_english_shortcut_agrees_with_the_sample),
    cmocka_unit_test (test_lang_english_shortcut_reads_to_the_sample_end),
    cmocka_unit_test (test_lang_plugins_read_the_language_from_the_host_table),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
