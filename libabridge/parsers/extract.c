/* Main-content extraction: which part of a web page is the article.
 *
 * The method is Mozilla Readability's, which scores well on the
 * article-extraction benchmark with no per-site rule: page furniture is
 * removed by its tags, roles and class/id names (nav, comment, footer,
 * share, related, cookie…); every paragraph scores by its length and
 * commas, and gives that score to its parent, half to its grandparent and
 * less further up; a candidate's score is cut by its link density; the
 * best candidate, with the siblings that score near it, is the article;
 * inside it, lists, tables and boxes that look like furniture (mostly
 * links, more images or list items than paragraphs, form fields) go.
 *
 * Added to Readability, each measured on the benchmark's dev pages
 * (bench/README.md): figures and captions, short byline, date and credit
 * boxes, and short lines that are mostly a link are furniture too (the
 * benchmark's hand-made article bodies leave them out), and so are cookie,
 * consent and newsletter boxes; the headline repeated in the article's
 * box is the title, not the body. */
#include "config.h"
#include "parsers/extract.h"

#include <string.h>

static void
free_doomed (abr_extractor *ex)
{
  /* Children come after their ancestors; an ancestor's removal frees them,
   * so nothing below a doomed node is ever doomed (walks skip it). */
  for (guint i = 0; i < ex->doomed->len; i++)
    {
      xmlNode *n = ex->doomed->pdata[i];
      xmlUnlinkNode (n);
      xmlFreeNode (n);
    }
  g_ptr_array_set_size (ex->doomed, 0);
}

/* ---- the title's heading ------------------------------------------------------------ */

/* Letters and digits only, lower case: "Ships sail again!" -> "shipssailagain". */
static char *
comparable_string (const char *text)
{
  GString *out = g_string_new (NULL);
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  abr_extractor *ex;
  char **titles; /* comparable forms */
} TitleSearch;

/* The headline repeated in the article's box: the same words as a title,
 * or a long enough part of one (a <title> with the site's name). */
static gboolean
title_enter (xmlNode *node, gpointer data)
{
  TitleSearch *ts = data;
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (abr_html_tag_is (node, "h1") || abr_html_tag_is (node, "h2"))
    {
      char *text = (char *) xmlNodeGetContent (node);
      char *mine = comparable_string (text);
      xmlFree (text);
      gsize n = strlen (mine);
      for (char **t = ts->titles; n > 0 && *t != NULL; t++)
        if (strcmp (mine, *t) == 0 || (n >= 15 && strstr (*t, mine) != NULL))
          {
            g_ptr_array_add (ts->ex->doomed, node);
            break;
          }
      g_free (mine);
      return FALSE;
    }
  return TRUE;
}

/* ---- the whole ------------------------------------------------------------------------ */

/* The statistics are freed with the extractor; the document lives on. */
static gboolean
forget_enter (xmlNode *node, gpointer data)
{
  (void) data;
  node->_private = NULL;
  return TRUE;
}

static xmlNode *
find_body (htmlDocPtr doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  for (xmlNode *c = root != NULL ? root->children : NULL; c != NULL; c = c->next)
    if (abr_html_tag_is (c, "body"))
      return c;
  return root;
}

GPtrArray *
abr_html_find_content (htmlDocPtr doc, const char *const *titles, guint flags)
{
  xmlNode *body = find_body (doc);
  if (body == NULL)
    return g_ptr_array_new ();
  abr_extractor ex = { flags, g_ptr_array_new_with_free_func (g_free), 0, g_ptr_array_new (),
                   g_ptr_array_new (), g_ptr_array_new () };

  if (titles != NULL && titles[0] != NULL)
    {
      GPtrArray *cmp = g_ptr_array_new_with_free_func (g_free);
      for (const char *const *t = titles; *t != NULL; t++)
        g_ptr_array_add (cmp, comparable_string (*t));
      g_ptr_array_add (cmp, NULL);
      TitleSearch ts = { &ex, (char **) cmp->pdata };
      abr_html_walk (body, title_enter, NULL, &ts);
      free_doomed (&ex);
      g_ptr_array_unref (cmp);
    }

  abr_extract_prepare (&ex, body);
  /* Nodes of to_score may be under doomed ones: drop those first. */
  GHashTable *gone = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < ex.doomed->len; i++)
    g_hash_table_add (gone, ex.doomed->pdata[i]);
  GPtrArray *alive = g_ptr_array_new ();
  for (guint i = 0; i < ex.to_score->len; i++)
    {
      xmlNode *n = ex.to_score->pdata[i];
      gboolean dead = FALSE;
      for (xmlNode *a = n; a != NULL && !dead; a = a->parent)
        dead = g_hash_table_contains (gone, a);
      if (!dead)
        g_ptr_array_add (alive, n);
    }
  g_hash_table_unref (gone);
  g_ptr_array_unref (ex.to_score);
  ex.to_score = alive;
  free_doomed (&ex);

  abr_extract_compute_stats (&ex, body);
  abr_extract_score (&ex);
  xmlNode *top = abr_extract_choose_top (&ex, body);
  GPtrArray *kept = abr_extract_gather (&ex, top, body);

  for (guint i = 0; i < kept->len; i++)
    {
      xmlNode *k = kept->pdata[i];
      /* The top candidate stays whole, its siblings are judged as its
       * children are. */
      if (k == top)
        for (xmlNode *c = k->children; c != NULL; c = c->next)
          abr_extract_clean (&ex, c);
      else
        abr_extract_clean (&ex, k);
    }
  for (guint i = 0; i < ex.doomed->len; i++)
    g_ptr_array_remove (kept, ex.doomed->pdata[i]);
  free_doomed (&ex);

  abr_html_walk (body, forget_enter, NULL, NULL);
  g_ptr_array_unref (ex.infos);
  g_ptr_array_unref (ex.doomed);
  g_ptr_array_unref (ex.to_score);
  g_ptr_array_unref (ex.candidates);
  return kept;
}
