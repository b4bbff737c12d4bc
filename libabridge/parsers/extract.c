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
#include "parsers/html.h"

#include <math.h>
#include <string.h>

/* Paragraphs shorter than this (characters) do not score. */
#define MIN_PARAGRAPH_CHARS 25
/* How many ancestors a paragraph's score reaches. */
#define SCORE_LEVELS 5
#define TOP_CANDIDATES 5
/* Share boxes are short. */
#define SHARE_MAX_CHARS 500
#define BYLINE_MAX_CHARS 100
#define CAPTION_MAX_CHARS 500
/* How far up "inside a table" is looked for: real pages nest a few dozen
 * deep, hostile ones a million, which must not make every test linear. */
#define ANCESTOR_LOOKUP 64
/* A paragraph shorter than this that is mostly links is furniture. */
#define LINK_LINE_CHARS 100

typedef struct {
  double score;
  float chars;      /* text length, white space folded */
  float link_chars;
  guint commas;
  gboolean scored;  /* a candidate: it received a paragraph's score */
} NodeInfo;

typedef struct {
  guint flags;
  GPtrArray *infos;      /* blocks of INFO_BLOCK NodeInfo, owned */
  guint block_used;      /* in the last block */
  GPtrArray *doomed;     /* nodes to unlink and free after a walk */
  GPtrArray *to_score;   /* paragraph-like elements */
  GPtrArray *candidates; /* nodes with a score */
} Extractor;

/* ---- patterns ----------------------------------------------------------------- */

typedef struct {
  GRegex *unlikely, *maybe, *positive, *negative, *share, *byline, *caption, *hidden_style;
} Patterns;

static const Patterns *
patterns (void)
{
  static Patterns p;
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      GRegexCompileFlags f = G_REGEX_CASELESS | G_REGEX_OPTIMIZE;
      /* Readability's lists, with the cookie and consent banners and
       * newsletter boxes of today's pages added. */
      p.unlikely = g_regex_new (
          "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|"
          "footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|"
          "skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|"
          "yom-remote|cookie|consent|newsletter",
          f, 0, NULL);
      p.maybe = g_regex_new ("and|article|body|column|content|main|shadow", f, 0, NULL);
      p.positive = g_regex_new (
          "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
          f, 0, NULL);
      p.negative = g_regex_new (
          "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|"
          "masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|"
          "sponsor|shopping|tags|widget|cookie|consent|newsletter|subscribe",
          f, 0, NULL);
      p.share = g_regex_new ("(\\b|_)(share|sharedaddy)(\\b|_)", f, 0, NULL);
      p.byline = g_regex_new ("byline|author|dateline|writtenby|p-author|timestamp|datestamp|pubdate|published|updated", f, 0, NULL);
      p.caption = g_regex_new ("caption|credit", f, 0, NULL);
      p.hidden_style = g_regex_new ("display\\s*:\\s*none|visibility\\s*:\\s*hidden", f, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return &p;
}

/* ---- DOM helpers --------------------------------------------------------------- */

const char *
abr_html_tag (const xmlNode *node)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL
             ? (const char *) node->name
             : "";
}

static gboolean
tag_is (const xmlNode *node, const char *name)
{
  return g_ascii_strcasecmp (abr_html_tag (node), name) == 0;
}

static gboolean
tag_in (const xmlNode *node, const char *const *names)
{
  const char *tag = abr_html_tag (node);
  for (; *names != NULL; names++)
    if (g_ascii_strcasecmp (tag, *names) == 0)
      return TRUE;
  return FALSE;
}

gboolean
abr_html_is_inline (const xmlNode *node)
{
  static const char *const inline_tags[]
      = { "a",     "abbr",   "b",      "bdi",  "bdo",   "br",   "cite", "code", "data",
          "dfn",   "em",     "i",      "kbd",  "mark",  "q",    "rp",   "rt",   "ruby",
          "s",     "samp",   "small",  "span", "strong", "sub", "sup",  "time", "u",
          "var",   "wbr",    "font",   "big",  "tt",    "strike", "ins", "del", "label",
          "img",   "picture", "nobr",  "acronym", NULL };
  return node->type != XML_ELEMENT_NODE || tag_in (node, inline_tags);
}

void
abr_html_walk (xmlNode *root, abr_html_enter_func enter, abr_html_leave_func leave,
                   gpointer data)
{
  xmlNode *n = root;
  while (n != NULL)
    {
      if (enter (n, data) && n->children != NULL)
        {
          n = n->children;
          continue;
        }
      for (;;)
        {
          xmlNode *parent = n->parent, *next = n->next;
          if (leave != NULL)
            leave (n, data);
          if (n == root)
            return;
          if (next != NULL)
            {
              n = next;
              break;
            }
          n = parent;
        }
    }
}

static char *
attr (const xmlNode *node, const char *name)
{
  return (char *) xmlGetProp ((xmlNode *) node, (const xmlChar *) name);
}

/* "class id" of an element, for the name patterns. */
static char *
class_and_id (const xmlNode *node)
{
  char *cls = attr (node, "class"), *id = attr (node, "id");
  char *both = g_strdup_printf ("%s %s", cls != NULL ? cls : "", id != NULL ? id : "");
  xmlFree (cls);
  xmlFree (id);
  return both;
}

static gboolean
matches (const GRegex *re, const char *text)
{
  return text != NULL && *text != '\0' && g_regex_match (re, text, 0, NULL);
}

/* A node's statistics, in blocks of INFO_BLOCK (a page has ten thousand
 * nodes, a hostile one millions: one allocation each would cost more
 * than the statistics). */
#define INFO_BLOCK 4096
static NodeInfo *
info (Extractor *ex, xmlNode *node)
{
  if (node->_private == NULL)
    {
      if (ex->infos->len == 0 || ex->block_used == INFO_BLOCK)
        {
          g_ptr_array_add (ex->infos, g_new0 (NodeInfo, INFO_BLOCK));
          ex->block_used = 0;
        }
      NodeInfo *block = ex->infos->pdata[ex->infos->len - 1];
      node->_private = &block[ex->block_used++];
    }
  return node->_private;
}

static gboolean
has_ancestor (const xmlNode *node, const char *tag, int max_depth)
{
  int depth = 0;
  for (const xmlNode *p = node->parent; p != NULL; p = p->parent)
    {
      if (max_depth > 0 && ++depth > max_depth)
        return FALSE;
      if (tag_is (p, tag))
        return TRUE;
    }
  return FALSE;
}

/* ---- text statistics ---------------------------------------------------------- */

static void
count_text (const char *text, NodeInfo *ni)
{
  gboolean space = TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0xA0)
        {
          if (!space)
            ni->chars += 1;
          space = TRUE;
          continue;
        }
      space = FALSE;
      ni->chars += 1;
      if (c == ',' || c == 0x060C || c == 0xFE50 || c == 0xFE10 || c == 0xFE11 || c == 0x2E41
          || c == 0x2E34 || c == 0x2E32 || c == 0xFF0C)
        ni->commas++;
    }
}

static gboolean
stats_enter (xmlNode *node, gpointer data)
{
  Extractor *ex = data;
  NodeInfo *ni = info (ex, node);
  ni->chars = ni->link_chars = 0;
  ni->commas = 0;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    count_text ((const char *) node->content, ni);
  return node->type == XML_ELEMENT_NODE;
}

static void
stats_leave (xmlNode *node, gpointer data)
{
  Extractor *ex = data;
  NodeInfo *ni = info (ex, node);
  if (tag_is (node, "a"))
    {
      char *href = attr (node, "href");
      /* In-page links (footnotes, tables of contents) are half text. */
      ni->link_chars = ni->chars * (href != NULL && href[0] == '#' ? 0.3 : 1.0);
      xmlFree (href);
    }
  if (node->parent != NULL && node->parent->type == XML_ELEMENT_NODE)
    {
      NodeInfo *pi = info (ex, node->parent);
      pi->chars += ni->chars;
      pi->link_chars += ni->link_chars;
      pi->commas += ni->commas;
    }
}

static void
compute_stats (Extractor *ex, xmlNode *root)
{
  abr_html_walk (root, stats_enter, stats_leave, ex);
}

static double
link_density (Extractor *ex, xmlNode *node)
{
  NodeInfo *ni = info (ex, node);
  return ni->chars > 0 ? ni->link_chars / ni->chars : 0;
}

/* ---- pass 1: furniture out, paragraphs found ------------------------------------- */

static gboolean
is_hidden (const xmlNode *node)
{
  char *style = attr (node, "style"), *aria = attr (node, "aria-hidden");
  char *cls = attr (node, "class");
  gboolean hidden = xmlHasProp ((xmlNode *) node, (const xmlChar *) "hidden") != NULL
                    || matches (patterns ()->hidden_style, style)
                    || (aria != NULL && strcmp (aria, "true") == 0
                        && (cls == NULL || strstr (cls, "fallback-image") == NULL));
  xmlFree (style);
  xmlFree (aria);
  xmlFree (cls);
  return hidden;
}

static gboolean
has_furniture_role (const xmlNode *node)
{
  static const char *const roles[] = { "menu", "menubar", "complementary", "navigation",
                                       "alert", "alertdialog", "dialog", NULL };
  char *role = attr (node, "role");
  gboolean found = FALSE;
  for (const char *const *r = roles; role != NULL && *r != NULL; r++)
    found |= g_ascii_strcasecmp (role, *r) == 0;
  xmlFree (role);
  return found;
}

static gboolean
is_unlikely (const xmlNode *node)
{
  if (tag_is (node, "body") || tag_is (node, "a") || tag_is (node, "article")
      || tag_is (node, "main"))
    return FALSE;
  char *names = class_and_id (node);
  gboolean unlikely = matches (patterns ()->unlikely, names) && !matches (patterns ()->maybe, names);
  g_free (names);
  /* The ancestors last: the walk up is the costly part. */
  return unlikely && !has_ancestor (node, "table", ANCESTOR_LOOKUP)
         && !has_ancestor (node, "code", ANCESTOR_LOOKUP);
}

/* A short element naming the author or the date (a byline, which the
 * article body does not include), or a picture's caption or credit. */
static gboolean
is_byline (xmlNode *node)
{
  char *rel = attr (node, "rel"), *itemprop = attr (node, "itemprop");
  char *names = class_and_id (node);
  double limit = 0;
  if ((rel != NULL && strcmp (rel, "author") == 0)
      || (itemprop != NULL && strstr (itemprop, "author") != NULL)
      || matches (patterns ()->byline, names))
    limit = BYLINE_MAX_CHARS;
  else if (matches (patterns ()->caption, names))
    limit = CAPTION_MAX_CHARS;
  xmlFree (rel);
  xmlFree (itemprop);
  g_free (names);
  if (limit == 0)
    return FALSE;
  char *text = (char *) xmlNodeGetContent (node);
  NodeInfo tmp = { 0 };
  if (text != NULL)
    count_text (text, &tmp);
  xmlFree (text);
  return tmp.chars > 0 && tmp.chars < limit;
}

static gboolean
has_block_child (const xmlNode *node)
{
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !abr_html_is_inline (c))
      return TRUE;
  return FALSE;
}

static gboolean
is_blank_text (const xmlNode *node)
{
  if (node->type != XML_TEXT_NODE)
    return FALSE;
  for (const xmlChar *p = node->content; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Wraps each run of phrasing children of a block DIV (text straight in a
 * div, between its boxes) in a <p>, so that it scores as a paragraph. */
static void
wrap_phrasing_runs (xmlNode *div)
{
  xmlNode *c = div->children;
  while (c != NULL)
    {
      if (!abr_html_is_inline (c) || c->type == XML_COMMENT_NODE)
        {
          c = c->next;
          continue;
        }
      xmlNode *first = c, *last = c;
      gboolean text = FALSE;
      while (last->next != NULL && abr_html_is_inline (last->next)
             && last->next->type != XML_COMMENT_NODE)
        last = last->next;
      for (xmlNode *k = first;; k = k->next)
        {
          if ((k->type == XML_TEXT_NODE && !is_blank_text (k)) || k->type == XML_ELEMENT_NODE)
            text = TRUE;
          if (k == last)
            break;
        }
      xmlNode *after = last->next;
      if (text)
        {
          xmlNode *p = xmlNewDocNode (div->doc, NULL, (const xmlChar *) "p", NULL);
          xmlAddPrevSibling (first, p);
          for (xmlNode *k = first, *next; k != after; k = next)
            {
              next = k->next;
              xmlUnlinkNode (k);
              xmlAddChild (p, k);
            }
        }
      c = after;
    }
}

static gboolean
prepare_enter (xmlNode *node, gpointer data)
{
  Extractor *ex = data;
  static const char *const dropped[]
      = { "script", "style",  "noscript", "template", "iframe", "svg",   "canvas",
          "object", "embed",  "input",    "button",   "select", "textarea", "option",
          "nav",    "aside",  "link",     "meta",     "audio",  "video", "source",
          "map",    "dialog", "head",     "title",    "figcaption", "figure", NULL };
  static const char *const scored[]
      = { "section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre", NULL };

  if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE || node->type == XML_DTD_NODE)
    {
      g_ptr_array_add (ex->doomed, node);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  /* Every test but the tag's reads attributes: most elements have none.
   * The page's html and body elements are never dropped, whatever their
   * classes say (<html class="comment">): the walks below hang from body. */
  gboolean attributes = node->properties != NULL && !tag_is (node, "html") && !tag_is (node, "body");
  if (tag_in (node, dropped)
      || (attributes
          && (is_hidden (node) || has_furniture_role (node)
              || ((ex->flags & ABR_CONTENT_STRIP_UNLIKELY) && is_unlikely (node))
              || is_byline (node))))
    {
      g_ptr_array_add (ex->doomed, node);
      return FALSE;
    }
  if (tag_in (node, scored))
    g_ptr_array_add (ex->to_score, node);
  else if (tag_is (node, "div"))
    {
      if (has_block_child (node))
        wrap_phrasing_runs (node);
      else
        {
          /* A div holding only text-level content is a paragraph. */
          xmlNodeSetName (node, (const xmlChar *) "p");
          g_ptr_array_add (ex->to_score, node);
        }
    }
  return TRUE;
}

static void
free_doomed (Extractor *ex)
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

/* ---- pass 2: scores --------------------------------------------------------------- */

static double
class_weight (Extractor *ex, const xmlNode *node)
{
  if (!(ex->flags & ABR_CONTENT_WEIGHT_CLASSES))
    return 0;
  double w = 0;
  static const char *const names[] = { "class", "id" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      char *v = attr (node, names[i]);
      if (matches (patterns ()->negative, v))
        w -= 25;
      if (matches (patterns ()->positive, v))
        w += 25;
      xmlFree (v);
    }
  return w;
}

static void
init_candidate (Extractor *ex, xmlNode *node)
{
  NodeInfo *ni = info (ex, node);
  static const char *const minus3[]
      = { "address", "ol", "ul", "dl", "dd", "dt", "li", "form", NULL };
  static const char *const minus5[] = { "h1", "h2", "h3", "h4", "h5", "h6", "th", NULL };
  ni->scored = TRUE;
  ni->score = class_weight (ex, node);
  if (tag_is (node, "div"))
    ni->score += 5;
  else if (tag_is (node, "pre") || tag_is (node, "td") || tag_is (node, "blockquote"))
    ni->score += 3;
  else if (tag_in (node, minus3))
    ni->score -= 3;
  else if (tag_in (node, minus5))
    ni->score -= 5;
  g_ptr_array_add (ex->candidates, node);
}

static void
score_paragraphs (Extractor *ex)
{
  for (guint i = 0; i < ex->to_score->len; i++)
    {
      xmlNode *p = ex->to_score->pdata[i];
      NodeInfo *pi = info (ex, p);
      if (p->parent == NULL || p->parent->type != XML_ELEMENT_NODE || pi->chars < MIN_PARAGRAPH_CHARS)
        continue;
      double score = 1 + (pi->commas + 1) + MIN (floor (pi->chars / 100), 3);
      int level = 0;
      for (xmlNode *a = p->parent; a != NULL && a->type == XML_ELEMENT_NODE && level < SCORE_LEVELS;
           a = a->parent, level++)
        {
          if (a->parent == NULL || a->parent->type != XML_ELEMENT_NODE)
            break; /* the root: never the article */
          if (!info (ex, a)->scored)
            init_candidate (ex, a);
          info (ex, a)->score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
        }
    }
  for (guint i = 0; i < ex->candidates->len; i++)
    {
      xmlNode *c = ex->candidates->pdata[i];
      info (ex, c)->score *= 1 - link_density (ex, c);
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

static xmlNode *
choose_top (Extractor *ex, xmlNode *body)
{
  xmlNode *top[TOP_CANDIDATES] = { NULL };
  for (guint i = 0; i < ex->candidates->len; i++)
    {
      xmlNode *c = ex->candidates->pdata[i];
      double s = info (ex, c)->score;
      for (int k = 0; k < TOP_CANDIDATES; k++)
        if (top[k] == NULL || s > info (ex, top[k])->score)
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
  double best_score = info (ex, best)->score;
  int alternatives = 0;
  for (int k = 1; k < TOP_CANDIDATES && top[k] != NULL; k++)
    alternatives += best_score > 0 && info (ex, top[k])->score / best_score >= 0.75;
  if (alternatives >= 3)
    for (xmlNode *a = best->parent; a != NULL && a != body; a = a->parent)
      {
        int containing = 0;
        for (int k = 1; k < TOP_CANDIDATES && top[k] != NULL; k++)
          if (best_score > 0 && info (ex, top[k])->score / best_score >= 0.75
              && is_ancestor (a, top[k]))
            containing++;
        if (containing >= 3)
          {
            best = a;
            break;
          }
      }
  if (!info (ex, best)->scored)
    init_candidate (ex, best);

  /* Climb while the parents keep most of the score: the article's own
   * box scores less than its paragraphs' box only when it holds more. */
  double last = info (ex, best)->score, threshold = last / 3;
  for (xmlNode *a = best->parent; a != NULL && a != body && a->type == XML_ELEMENT_NODE; a = a->parent)
    {
      NodeInfo *ai = info (ex, a);
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

static gboolean
ends_like_sentence (xmlNode *node)
{
  char *text = (char *) xmlNodeGetContent (node);
  gboolean yes = FALSE;
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (*p == '.' && (p[1] == ' ' || p[1] == '\0'))
      yes = TRUE;
  xmlFree (text);
  return yes;
}

/* The top candidate and those of its siblings that belong to the article. */
static GPtrArray *
gather (Extractor *ex, xmlNode *top, xmlNode *body)
{
  GPtrArray *kept = g_ptr_array_new ();
  if (top == body || top->parent == NULL)
    {
      g_ptr_array_add (kept, top);
      return kept;
    }
  NodeInfo *ti = info (ex, top);
  double threshold = MAX (10, ti->score * 0.2);
  char *top_class = attr (top, "class");
  for (xmlNode *s = top->parent->children; s != NULL; s = s->next)
    {
      if (s == top)
        {
          g_ptr_array_add (kept, s);
          continue;
        }
      if (s->type != XML_ELEMENT_NODE)
        continue;
      NodeInfo *si = info (ex, s);
      double bonus = 0;
      char *cls = attr (s, "class");
      if (top_class != NULL && *top_class != '\0' && cls != NULL && strcmp (cls, top_class) == 0)
        bonus = ti->score * 0.2;
      xmlFree (cls);
      gboolean take = FALSE;
      if (si->scored && si->score + bonus >= threshold)
        take = TRUE;
      else if (tag_is (s, "p"))
        {
          double ld = link_density (ex, s);
          if (si->chars > 80 && ld < 0.25)
            take = TRUE;
          else if (si->chars < 80 && si->chars > 0 && ld == 0 && ends_like_sentence (s))
            take = TRUE;
        }
      if (take)
        g_ptr_array_add (kept, s);
    }
  xmlFree (top_class);
  return kept;
}

/* ---- pass 3: furniture inside the article ------------------------------------------ */

typedef struct {
  guint p, img, li, input, headings, embeds;
  double heading_chars;
  Extractor *ex;
} Counts;

static gboolean
counts_enter (xmlNode *node, gpointer data)
{
  Counts *c = data;
  const char *tag = abr_html_tag (node);
  if (*tag == '\0')
    return FALSE;
  if (g_ascii_strcasecmp (tag, "p") == 0)
    c->p++;
  else if (g_ascii_strcasecmp (tag, "img") == 0)
    c->img++;
  else if (g_ascii_strcasecmp (tag, "li") == 0)
    c->li++;
  else if (g_ascii_strcasecmp (tag, "input") == 0)
    c->input++;
  else if (g_ascii_strcasecmp (tag, "object") == 0 || g_ascii_strcasecmp (tag, "embed") == 0
           || g_ascii_strcasecmp (tag, "iframe") == 0)
    c->embeds++;
  else if (tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' && tag[2] == '\0')
    {
      c->headings++;
      c->heading_chars += info (c->ex, node)->chars;
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_data_table (xmlNode *table)
{
  char *role = attr (table, "role");
  gboolean presentation = role != NULL && strcmp (role, "presentation") == 0;
  xmlFree (role);
  if (presentation)
    return FALSE;
  for (xmlNode *c = table->children; c != NULL; c = c->next)
    if (tag_is (c, "caption") || tag_is (c, "thead") || tag_is (c, "colgroup"))
      return TRUE;
  return FALSE;
}

/* Readability's _cleanConditionally for one element. */
static gboolean
looks_like_furniture (Extractor *ex, xmlNode *node)
{
  gboolean list = tag_is (node, "ul") || tag_is (node, "ol");
  if (tag_is (node, "table") && is_data_table (node))
    return FALSE;
  if (has_ancestor (node, "code", ANCESTOR_LOOKUP))
    return FALSE;
  double weight = class_weight (ex, node);
  if (weight < 0)
    return TRUE;
  NodeInfo *ni = info (ex, node);
  if (ni->commas >= 10)
    return FALSE;
  Counts c = { 0 };
  c.ex = ex;
  abr_html_walk (node, counts_enter, NULL, &c);
  double li = (double) c.li - 100;
  double ld = link_density (ex, node);
  double heading_density = ni->chars > 0 ? c.heading_chars / ni->chars : 0;
  gboolean in_figure = has_ancestor (node, "figure", ANCESTOR_LOOKUP);
  if (c.img > 1 && (double) c.p / c.img < 0.5 && !in_figure)
    return TRUE;
  if (!list && li > c.p)
    return TRUE;
  if (c.input > c.p / 3)
    return TRUE;
  if (!list && heading_density < 0.9 && ni->chars < 25 && (c.img == 0 || c.img > 2) && !in_figure)
    return TRUE;
  if (!list && weight < 25 && ld > 0.2)
    return TRUE;
  if (weight >= 25 && ld > 0.5)
    return TRUE;
  if ((c.embeds == 1 && ni->chars < 75) || c.embeds > 1)
    return TRUE;
  /* A list of links is navigation, wherever it stands. */
  if (list && ld > 0.5)
    return TRUE;
  return FALSE;
}

/* A short paragraph that is mostly a link: "Read more: …", a share
 * button, a tag list; paragraphs of an article link a few words. */
static gboolean
is_link_line (Extractor *ex, xmlNode *node)
{
  NodeInfo *ni = info (ex, node);
  return ni->chars < LINK_LINE_CHARS && link_density (ex, node) > 0.5;
}

static gboolean
clean_enter (xmlNode *node, gpointer data)
{
  Extractor *ex = data;
  static const char *const conditional[]
      = { "form", "fieldset", "table", "ul", "ol", "div", "section", NULL };
  static const char *const always[] = { "footer", "object", "embed", "link", "aside", "iframe",
                                        "input", "textarea", "select", "button", NULL };
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (tag_in (node, always))
    {
      g_ptr_array_add (ex->doomed, node);
      return FALSE;
    }
  char *names = class_and_id (node);
  gboolean share = matches (patterns ()->share, names) && info (ex, node)->chars < SHARE_MAX_CHARS;
  g_free (names);
  if (share)
    {
      g_ptr_array_add (ex->doomed, node);
      return FALSE;
    }
  if ((tag_is (node, "h1") || tag_is (node, "h2")) && class_weight (ex, node) < 0)
    {
      g_ptr_array_add (ex->doomed, node);
      return FALSE;
    }
  if ((ex->flags & ABR_CONTENT_CLEAN)
      && ((tag_in (node, conditional) && looks_like_furniture (ex, node))
          || (tag_is (node, "p") && is_link_line (ex, node))))
    {
      g_ptr_array_add (ex->doomed, node);
      return FALSE;
    }
  return TRUE;
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
  Extractor *ex;
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
  if (tag_is (node, "h1") || tag_is (node, "h2"))
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
    if (tag_is (c, "body"))
      return c;
  return root;
}

GPtrArray *
abr_html_find_content (htmlDocPtr doc, const char *const *titles, guint flags)
{
  xmlNode *body = find_body (doc);
  if (body == NULL)
    return g_ptr_array_new ();
  Extractor ex = { flags, g_ptr_array_new_with_free_func (g_free), 0, g_ptr_array_new (),
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

  abr_html_walk (body, prepare_enter, NULL, &ex);
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

  compute_stats (&ex, body);
  score_paragraphs (&ex);
  xmlNode *top = choose_top (&ex, body);
  GPtrArray *kept = gather (&ex, top, body);

  for (guint i = 0; i < kept->len; i++)
    {
      xmlNode *k = kept->pdata[i];
      /* The top candidate stays whole, its siblings are judged as its
       * children are. */
      if (k == top)
        for (xmlNode *c = k->children; c != NULL; c = c->next)
          abr_html_walk (c, clean_enter, NULL, &ex);
      else
        abr_html_walk (k, clean_enter, NULL, &ex);
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
