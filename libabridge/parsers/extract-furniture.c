/* Page furniture, by Readability's rules and ours (extract.c): before
 * scoring, what tags, roles, class and id names, hidden styles and short
 * byline or caption boxes mark (pass 1); inside the article, lists,
 * tables and boxes that are mostly links, images or form fields, share
 * boxes and short lines of links (pass 3). */
#include "config.h"
#include "parsers/extract.h"

#include <string.h>

/* Share boxes are short. */
#define SHARE_MAX_CHARS 500
#define BYLINE_MAX_CHARS 100
#define CAPTION_MAX_CHARS 500
/* How far up "inside a table" is looked for: real pages nest a few dozen
 * deep, hostile ones a million, which must not make every test linear. */
#define ANCESTOR_LOOKUP 64
/* A paragraph shorter than this that is mostly links is furniture. */
#define LINK_LINE_CHARS 100
/* A paragraph of any length with more of its text in links than this. */
#define LINKS_ONLY 0.9

/* ---- names --------------------------------------------------------------------- */

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
          "yom-remote|cookie|consent|newsletter|carousel|swiper",
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

/* "class id" of an element, for the name patterns. */
static char *
class_and_id (const xmlNode *node)
{
  char *cls = abr_html_attr (node, "class"), *id = abr_html_attr (node, "id");
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

double
abr_extract_class_weight (abr_extractor *ex, const xmlNode *node)
{
  if (!(ex->flags & ABR_CONTENT_WEIGHT_CLASSES))
    return 0;
  double w = 0;
  static const char *const names[] = { "class", "id" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      char *v = abr_html_attr (node, names[i]);
      if (matches (patterns ()->negative, v))
        w -= 25;
      if (matches (patterns ()->positive, v))
        w += 25;
      xmlFree (v);
    }
  return w;
}

/* ---- pass 1: furniture out, paragraphs found ------------------------------------- */

static gboolean
has_ancestor (const xmlNode *node, const char *tag, int max_depth)
{
  int depth = 0;
  for (const xmlNode *p = node->parent; p != NULL; p = p->parent)
    {
      if (max_depth > 0 && ++depth > max_depth)
        return FALSE;
      if (abr_html_tag_is (p, tag))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_hidden (const xmlNode *node)
{
  char *style = abr_html_attr (node, "style"), *aria = abr_html_attr (node, "aria-hidden");
  char *cls = abr_html_attr (node, "class");
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
  char *role = abr_html_attr (node, "role");
  gboolean found = FALSE;
  for (const char *const *r = roles; role != NULL && *r != NULL; r++)
    found |= g_ascii_strcasecmp (role, *r) == 0;
  xmlFree (role);
  return found;
}

static gboolean
is_unlikely (const xmlNode *node)
{
  if (abr_html_tag_is (node, "body") || abr_html_tag_is (node, "a")
      || abr_html_tag_is (node, "article") || abr_html_tag_is (node, "main"))
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
  char *rel = abr_html_attr (node, "rel"), *itemprop = abr_html_attr (node, "itemprop");
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
  abr_node_info tmp = { 0 };
  if (text != NULL)
    abr_extract_count_text (text, &tmp);
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
  abr_extractor *ex = data;
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
  gboolean attributes = node->properties != NULL && !abr_html_tag_is (node, "html")
                        && !abr_html_tag_is (node, "body");
  if (abr_html_tag_in (node, dropped)
      || (attributes
          && (is_hidden (node) || has_furniture_role (node)
              || ((ex->flags & ABR_CONTENT_STRIP_UNLIKELY) && is_unlikely (node))
              || is_byline (node))))
    {
      g_ptr_array_add (ex->doomed, node);
      return FALSE;
    }
  if (abr_html_tag_in (node, scored))
    g_ptr_array_add (ex->to_score, node);
  else if (abr_html_tag_is (node, "div"))
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
/* ---- pass 3: furniture inside the article ------------------------------------------ */

static gboolean
is_data_table (xmlNode *table)
{
  char *role = abr_html_attr (table, "role");
  gboolean presentation = role != NULL && strcmp (role, "presentation") == 0;
  xmlFree (role);
  if (presentation)
    return FALSE;
  for (xmlNode *c = table->children; c != NULL; c = c->next)
    if (abr_html_tag_is (c, "caption") || abr_html_tag_is (c, "thead")
        || abr_html_tag_is (c, "colgroup"))
      return TRUE;
  return FALSE;
}

/* Readability's _cleanConditionally for one element. */
static gboolean
looks_like_furniture (abr_extractor *ex, xmlNode *node)
{
  gboolean list = abr_html_tag_is (node, "ul") || abr_html_tag_is (node, "ol");
  if (abr_html_tag_is (node, "table") && is_data_table (node))
    return FALSE;
  if (has_ancestor (node, "code", ANCESTOR_LOOKUP))
    return FALSE;
  double weight = abr_extract_class_weight (ex, node);
  if (weight < 0)
    return TRUE;
  const abr_node_info *c = abr_extract_info (ex, node);
  if (c->commas >= 10)
    return FALSE;
  double li = (double) c->li - 100;
  double ld = abr_extract_link_density (ex, node);
  double heading_density = c->chars > 0 ? c->heading_chars / c->chars : 0;
  gboolean in_figure = has_ancestor (node, "figure", ANCESTOR_LOOKUP);
  if (c->img > 1 && (double) c->p / c->img < 0.5 && !in_figure)
    return TRUE;
  if (!list && li > c->p)
    return TRUE;
  if (c->input > c->p / 3)
    return TRUE;
  if (!list && heading_density < 0.9 && c->chars < 25 && (c->img == 0 || c->img > 2) && !in_figure)
    return TRUE;
  if (!list && weight < 25 && ld > 0.2)
    return TRUE;
  if (weight >= 25 && ld > 0.5)
    return TRUE;
  if ((c->embeds == 1 && c->chars < 75) || c->embeds > 1)
    return TRUE;
  /* A list of links is navigation, wherever it stands. */
  if (list && ld > 0.5)
    return TRUE;
  return FALSE;
}

/* A short paragraph that is mostly a link: "Read more: …", a share
 * button, a tag list; or one of any length that is all links ("Back to
 * Main", the previous and next stories' titles). Paragraphs of an
 * article link a few words, and a list's items that are links end in
 * a full stop ("13. The … media circus around Ferguson."). */
static gboolean
is_link_line (abr_extractor *ex, xmlNode *node)
{
  abr_node_info *ni = abr_extract_info (ex, node);
  double ld = abr_extract_link_density (ex, node);
  return (ni->chars < LINK_LINE_CHARS && ld > 0.5) || (ld > LINKS_ONLY && !abr_extract_has_sentence_end (node));
}

static gboolean
clean_enter (xmlNode *node, gpointer data)
{
  abr_extractor *ex = data;
  static const char *const conditional[]
      = { "form", "fieldset", "table", "ul", "ol", "div", "section", NULL };
  static const char *const always[] = { "footer", "object", "embed", "link", "aside", "iframe",
                                        "input", "textarea", "select", "button", NULL };
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (abr_html_tag_in (node, always))
    {
      g_ptr_array_add (ex->doomed, node);
      return FALSE;
    }
  char *names = class_and_id (node);
  gboolean share
      = matches (patterns ()->share, names) && abr_extract_info (ex, node)->chars < SHARE_MAX_CHARS;
  g_free (names);
  if (share)
    {
      g_ptr_array_add (ex->doomed, node);
      return FALSE;
    }
  if ((abr_html_tag_is (node, "h1") || abr_html_tag_is (node, "h2"))
      && abr_extract_class_weight (ex, node) < 0)
    {
      g_ptr_array_add (ex->doomed, node);
      return FALSE;
    }
  if ((ex->flags & ABR_CONTENT_CLEAN)
      && ((abr_html_tag_in (node, conditional) && looks_like_furniture (ex, node))
          || (abr_html_tag_is (node, "p") && is_link_line (ex, node))))
    {
      g_ptr_array_add (ex->doomed, node);
      return FALSE;
    }
  return TRUE;
}

void
abr_extract_prepare (abr_extractor *ex, xmlNode *root)
{
  abr_html_walk (root, prepare_enter, NULL, ex);
}

void
abr_extract_clean (abr_extractor *ex, xmlNode *root)
{
  abr_html_walk (root, clean_enter, NULL, ex);
}
