/* Web pages, the core's side: whether data is a page, and
 * abridge_extract_html(), which checks the page, has the parsers module
 * read it (html-page.c and extract.c, linked with libxml2 and json-glib,
 * which only a page needs: parsers.h) and cleans what it read. */
#include "config.h"

#include <limits.h>
#include <string.h>

#include "parsers/parsers.h"

#define DETECT_BYTES 4096

gboolean
abridge_html_detect (const char *data, gsize len)
{
  gsize i = len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  if (i >= len || data[i] != '<')
    return FALSE;
  static const char *const tags[] = { "<!doctype html", "<html", "<head", "<body", "<meta",
                                      "<title", "<div", "<p>", "<p ", "<article", "<script",
                                      "<link", "<table", "<h1", NULL };
  char *head = g_ascii_strdown (data + i, (gssize) MIN (len - i, DETECT_BYTES));
  gboolean found = FALSE;
  for (const char *const *t = tags; *t != NULL && !found; t++)
    found = strstr (head, *t) != NULL;
  g_free (head);
  return found;
}

abridge_article *
abridge_extract_html (const char *html, gsize len, GError **error)
{
  return abridge_extract_html_full (html, len, NULL, error);
}

abridge_article *
abridge_extract_html_full (const char *html, gsize len, const abridge_page_limits *limits,
                           GError **error)
{
  if (!abridge_input_check (html, len, error))
    return NULL;
  if (len > INT_MAX)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "page larger than 2 GiB");
      return NULL;
    }
  const abr_parser_table *parsers = abr_parsers_get ("HTML reader", error);
  if (parsers == NULL)
    return NULL;
  abridge_page_limits within = { ABRIDGE_DEFAULT_MAX_DEPTH, ABRIDGE_DEFAULT_MAX_ATTRIBUTES };
  if (limits != NULL && limits->max_depth > 0)
    within.max_depth = limits->max_depth;
  if (limits != NULL && limits->max_attributes > 0)
    within.max_attributes = limits->max_attributes;
  abridge_article *article = g_new0 (abridge_article, 1);
  char *why = NULL;
  if (!parsers->read_page (html, len, &within, article, &why))
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "%s", why);
      g_free (why);
      abridge_article_free (article);
      return NULL;
    }

  /* The page's text as abridge reads text: NFC, no invisible characters. */
  char *raw = article->text;
  article->text = abridge_text_clean (raw, article->len, &article->len);
  g_free (raw);
  /* Metadata fields are text as the article is. */
  char **fields[] = { &article->title, &article->author, &article->date, &article->site_name,
                      &article->url, &article->description, &article->language };
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (*fields[i] != NULL)
      {
        char *c = abridge_text_clean (*fields[i], strlen (*fields[i]), NULL);
        g_free (*fields[i]);
        *fields[i] = g_strstrip (c);
        if (**fields[i] == '\0')
          g_clear_pointer (fields[i], g_free);
      }
  return article;
}

void
abridge_article_free (abridge_article *article)
{
  if (article == NULL)
    return;
  g_free (article->text);
  g_free (article->title);
  g_free (article->author);
  g_free (article->date);
  g_free (article->site_name);
  g_free (article->url);
  g_free (article->description);
  g_free (article->language);
  g_free (article);
}
