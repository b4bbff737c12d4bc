/* libFuzzer target: a web page from raw bytes.
 *
 * abridge_html_detect() -> abridge_input_decode() with ABRIDGE_DECODE_HTML
 * (BOM, UTF-16, <meta charset>, Windows-1252) -> abridge_extract_html(),
 * as cli/common.c reads a page, checking the contracts of <abridge/abridge.h>:
 * a refusal is a clear INPUT error; the article's text is valid UTF-8 of
 * the length given, in paragraphs separated by exactly one blank line and
 * trimmed; every metadata string is valid, non-empty UTF-8; the text
 * builds a document with the page's title; abridge_text_paragraphs()
 * keeps text valid. */
#include "config.h"

#include <abridge/abridge.h>

#include "fuzz-common.h"
#include "parsers/parsers.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  fuzz_init_glib ();
  /* The parsers module's code is linked in, instrumented: use it rather
   * than load the build tree's parsers.so. */
  abr_parsers_use (&abr_parsers);
  return 0;
}

static void
check_field (const char *name, const char *s)
{
  if (s == NULL)
    return;
  gsize len = strlen (s);
  FUZZ_CHECK (len > 0, "article %s is empty instead of NULL", name);
  FUZZ_CHECK (fuzz_is_text (s, len), "article %s is not valid UTF-8", name);
  FUZZ_CHECK (!g_ascii_isspace (s[0]) && !g_ascii_isspace (s[len - 1]), "article %s not trimmed",
              name);
}

static void
check_text (const char *text, gsize len)
{
  FUZZ_CHECK (text != NULL, "article text NULL");
  FUZZ_CHECK (strlen (text) == len, "text length %zu, strlen %zu", len, strlen (text));
  FUZZ_CHECK (fuzz_is_text (text, len), "article text is not valid UTF-8");
  FUZZ_CHECK (strstr (text, "\n\n\n") == NULL, "more than one blank line between paragraphs");
  FUZZ_CHECK (strstr (text, "\r") == NULL, "a CR in the article text");
  if (len > 0)
    FUZZ_CHECK (!g_ascii_isspace (text[0]) && !g_ascii_isspace (text[len - 1]),
                "article text not trimmed");
  /* Invisible characters are cleaned away (abridge_text_clean()). */
  FUZZ_CHECK (strstr (text, "\xC2\xAD") == NULL && strstr (text, "\xE2\x80\x8B") == NULL,
              "soft hyphen or zero-width space left in the text");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* An exact-size copy: any read past the page is an ASan report. */
  char *raw = g_malloc (size + 1);
  memcpy (raw, data, size);
  (void) abridge_html_detect (raw, size);

  GError *error = NULL;
  char *warning = NULL;
  gsize len = 0;
  char *html = abridge_input_decode (raw, size, ABRIDGE_DECODE_HTML, &len, &warning, &error);
  FUZZ_CHECK ((html == NULL) == (error != NULL), "decode: result and error disagree");
  if (html == NULL)
    {
      FUZZ_CHECK (error->domain == ABRIDGE_ERROR && error->code == ABRIDGE_ERROR_INPUT
                      && strstr (error->message, "byte offset") != NULL,
                  "unclear decode error: %s", error->message);
      FUZZ_CHECK (warning == NULL, "a warning with a refusal");
      g_error_free (error);
      g_free (raw);
      return 0;
    }
  FUZZ_CHECK (strlen (html) == len && fuzz_is_text (html, len), "decoded page is not text");
  if (warning != NULL)
    FUZZ_CHECK (fuzz_is_text (warning, strlen (warning)), "warning is not valid UTF-8");
  g_free (warning);
  g_free (raw);

  abridge_article *article = abridge_extract_html (html, len, &error);
  if (article == NULL)
    {
      /* Only a page beyond a limit is refused, saying which option raises it. */
      FUZZ_CHECK (error != NULL && g_error_matches (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT)
                      && (strstr (error->message, "(raise --max-depth to read it)") != NULL
                          || strstr (error->message, "(raise --max-attributes to read it)") != NULL),
                  "extract refused decoded text: %s", error != NULL ? error->message : "?");
      g_error_free (error);
      g_free (html);
      return 0;
    }
  check_text (article->text, article->len);
  check_field ("title", article->title);
  check_field ("author", article->author);
  check_field ("date", article->date);
  check_field ("site_name", article->site_name);
  check_field ("url", article->url);
  check_field ("description", article->description);
  check_field ("language", article->language);

  abridge_document *doc = abridge_document_new (article->text, article->len, article->title, &error);
  FUZZ_CHECK (doc != NULL, "the article text builds no document: %s",
              error != NULL ? error->message : "?");
  abridge_document_free (doc);

  gsize plen = 0;
  char *paras = abridge_text_paragraphs (html, len, &plen);
  FUZZ_CHECK (strlen (paras) == plen && fuzz_is_text (paras, plen), "paragraphs of the page");
  g_free (paras);

  abridge_article_free (article);
  g_free (html);
  return 0;
}
