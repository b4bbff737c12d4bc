/* Scores (extract.c, pass 2): every paragraph scores by its length and
 * commas and gives the score to its parent, half to its grandparent and
 * less further up; the best candidate, climbed while its ancestors keep
 * most of the score, with the siblings that score near it, is the
 * article. */
#include "config.h"
#include "parsers/extract.h"

#include <math.h>
#include <string.h>

/* Paragraphs shorter than this (characters) do not score. */
#define MIN_PARAGRAPH_CHARS 25
/* How many ancestors a paragraph's score reaches. */
#define SCORE_LEVELS 5
#define TOP_CANDIDATES 5
static void
init_candidate (abr_extractor *ex, xmlNode *node)
{
  abr_node_info *ni = abr_extract_info (ex, node);
  static const char *const minus3[]
      = { "address", "ol", "ul", "dl", "dd", "dt", "li", "form", NULL };
  static const char *const minus5[] = { "h1", "h2", "h3", "h4", "h5", "h6", "th", NULL };
  ni->scored = TRUE;
  ni->score = abr_extract_class_weight (ex, node);
  if (abr_html_tag_is (node, "div"))
    ni->score += 5;
  else if (abr_html_tag_is (node, "pre") || abr_html_tag_is (node, "td")
           || abr_html_tag_is (node, "blockquote"))
    ni->score += 3;
  else if (abr_html_tag_in (node, minus3))
    ni->score -= 3;
  else if (abr_html_tag_in (node, minus5))
    ni->score -= 5;
  g_ptr_array_add (ex->candidates, node);
}

void
abr_extract_score (abr_extractor *ex)
{
  for (guint i = 0; i < ex->to_score->len; i++)
    {
      xmlNode *p = ex->to_score->pdata[i];
      abr_node_info *pi = abr_extract_info (ex, p);
      if (p->parent == NULL || p->parent->type != XML_ELEMENT_NODE || pi->chars < MIN_PARAGRAPH_CHARS)
        continue;
      double score = 1 + (pi->commas + 1) + MIN (floor (pi->chars / 100), 3);
      int level = 0;
      for (xmlNode *a = p->parent; a != NULL && a->type == XML_ELEMENT_NODE && level < SCORE_LEVELS;
           a = a->parent, level++)
        {
          if (a->parent == NULL || a->parent->type != XML_ELEMENT_NODE)
            break; /* the root: never the article */
          if (!abr_extract_info (ex, a)->scored)
            init_candidate (ex, a);
          abr_extract_info (ex, a)->score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
        }
    }
  for (guint i = 0; i < ex->candidates->len; i++)
    {
      xmlNode *c = ex->candidates->pdata[i];
      abr_extract_info (ex, c)->score *= 1 - abr_extract_link_density (ex, c);
    }
}

static gboolean
is_ancestor (const xmlNode *ancestor, const xmlNode *node)
{
  for (const xmlNode *p = node->parent; p != NULL; p = p->parent)
    if (p == ancestor)
      return TRUE;
  return FALSE;
}

static guint
element_children (const xmlNode *node)
{
  guint n = 0;
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    n += c->type == XML_ELEMENT_NODE;
  return n;
}

xmlNode *
abr_extract_choose_top (abr_extractor *ex, xmlNode *body)
{
  xmlNode *top[TOP_CANDIDATES] = { NULL };
  for (guint i = 0; i < ex->candidates->len; i++)
    {
      xmlNode *c = ex->candidates->pdata[i];
      double s = abr_extract_info (ex, c)->score;
      for (int k = 0; k < TOP_CANDIDATES; k++)
        if (top[k] == NULL || s > abr_extract_info (ex, top[k])->score)
          {
            memmove (top + k + 1, top + k, (TOP_CANDIDATES - k - 1) * sizeof top[0]);
            top[k] = c;
            break;
          }
    }
  xmlNode *best = top[0];
  if (best == NULL || best == body)
    return body;

  /* Several near-best candidates under one ancestor: the article is
   * split in boxes, take their common ancestor. */
  double best_score = abr_extract_info (ex, best)->score;
  int alternatives = 0;
  for (int k = 1; k < TOP_CANDIDATES && top[k] != NULL; k++)
    alternatives += best_score > 0 && abr_extract_info (ex, top[k])->score / best_score >= 0.75;
  if (alternatives >= 3)
    for (xmlNode *a = best->parent; a != NULL && a != body; a = a->parent)
      {
        int containing = 0;
        for (int k = 1; k < TOP_CANDIDATES && top[k] != NULL; k++)
          if (best_score > 0 && abr_extract_info (ex, top[k])->score / best_score >= 0.75
              && is_ancestor (a, top[k]))
            containing++;
        if (containing >= 3)
          {
            best = a;
            break;
          }
      }
  if (!abr_extract_info (ex, best)->scored)
    init_candidate (ex, best);

  /* Climb while the parents keep most of the score: the article's own
   * box scores less than its paragraphs' box only when it holds more. */
  double last = abr_extract_info (ex, best)->score, threshold = last / 3;
  for (xmlNode *a = best->parent; a != NULL && a != body && a->type == XML_ELEMENT_NODE; a = a->parent)
    {
      abr_node_info *ai = abr_extract_info (ex, a);
      if (!ai->scored)
        continue;
      if (ai->score < threshold)
        break;
      if (ai->score > last)
        {
          best = a;
          break;
        }
      last = ai->score;
    }
  while (best->parent != NULL && best->parent != body && best->parent->type == XML_ELEMENT_NODE
         && element_children (best->parent) == 1)
    best = best->parent;
  return best;
}

/* A p, or a div holding one p and no text of its own, as readability
 * reads it: "<div class="firstPar"><p>…</p></div>", one such box for
 * each of an article's first paragraphs. */
static gboolean
is_paragraph (const xmlNode *node)
{
  if (abr_html_tag_is (node, "p"))
    return TRUE;
  if (!abr_html_tag_is (node, "div"))
    return FALSE;
  const xmlNode *only = NULL;
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        if (only != NULL)
          return FALSE;
        only = c;
      }
    else if (c->type == XML_TEXT_NODE && c->content != NULL)
      for (const xmlChar *t = c->content; *t != '\0'; t++)
        if (!g_ascii_isspace (*t))
          return FALSE;
  return only != NULL && abr_html_tag_is (only, "p");
}

/* The top candidate and those of its siblings that belong to the article. */
GPtrArray *
abr_extract_gather (abr_extractor *ex, xmlNode *top, xmlNode *body)
{
  GPtrArray *kept = g_ptr_array_new ();
  if (top == body || top->parent == NULL)
    {
      g_ptr_array_add (kept, top);
      return kept;
    }
  abr_node_info *ti = abr_extract_info (ex, top);
  double threshold = MAX (10, ti->score * 0.2);
  char *top_class = abr_html_attr (top, "class");
  for (xmlNode *s = top->parent->children; s != NULL; s = s->next)
    {
      if (s == top)
        {
          g_ptr_array_add (kept, s);
          continue;
        }
      if (s->type != XML_ELEMENT_NODE)
        continue;
      abr_node_info *si = abr_extract_info (ex, s);
      double bonus = 0;
      char *cls = abr_html_attr (s, "class");
      if (top_class != NULL && *top_class != '\0' && cls != NULL && strcmp (cls, top_class) == 0)
        bonus = ti->score * 0.2;
      xmlFree (cls);
      gboolean take = FALSE;
      if (si->scored && si->score + bonus >= threshold)
        take = TRUE;
      else if (is_paragraph (s))
        {
          double ld = abr_extract_link_density (ex, s);
          if (si->chars > 80 && ld < 0.25)
            take = TRUE;
          else if (si->chars < 80 && si->chars > 0 && ld == 0 && abr_extract_has_sentence_end (s))
            take = TRUE;
        }
      if (take)
        g_ptr_array_add (kept, s);
    }
  xmlFree (top_class);
  return kept;
}
