/* Web pages, in the parsers module: libxml2's HTML parser (never regular
 * expressions), the page's metadata (meta tags, JSON-LD with json-glib),
 * and the article's text as paragraphs. abridge_extract_html() (html.c,
 * in the core) checks the page, calls abr_html_read_page() through
 * the module's table and cleans what it returns. */
#include "config.h"
#include "parsers/html.h"
#include "parsers/parsers.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

/* Below this many characters an extraction is tried again with fewer
 * passes, and the longest try wins (Readability's charThreshold, which is
 * 500: that throws away short articles found right the first time for
 * the page's longer furniture; 150 to 250 score the same on the dev
 * pages, 100 worse). */
#define MIN_ARTICLE_CHARS 200

/* ---- text ------------------------------------------------------------------------- */

typedef struct {
  GString *out;
  GString *para;
  gboolean space;   /* a space is due before the next word */
  guint brs;        /* <br> in a row */
} Render;

static void
flush (Render *r)
{
  if (r->para->len > 0)
    {
      if (r->out->len > 0)
        g_string_append (r->out, "\n\n");
      g_string_append_len (r->out, r->para->str, r->para->len);
      g_string_truncate (r->para, 0);
    }
  r->space = FALSE;
  r->brs = 0;
}

static void
add_text (Render *r, const char *text)
{
  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      /* What abridge_text_clean() drops must not make a paragraph. */
      if (c == 0x00AD || c == 0x200B || c == 0x2060 || c == 0xFEFF)
        ;
      else if (g_unichar_isspace (c) || c == 0xA0 || c == 0x202F || c == 0x2007)
        r->space = r->para->len > 0;
      else
        {
          if (r->space)
            g_string_append_c (r->para, r->brs > 0 ? '\n' : ' ');
          r->space = FALSE;
          r->brs = 0;
          g_string_append_len (r->para, p, next - p);
        }
      p = next;
    }
}

static gboolean
skipped_in_text (const xmlNode *node)
{
  static const char *const tags[] = { "script", "style", "noscript", "template", "head",
                                      "title", "svg", "select", "textarea", "button", NULL };
  const char *tag = abr_html_tag (node);
  for (const char *const *t = tags; *t != NULL; t++)
    if (g_ascii_strcasecmp (tag, *t) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
render_enter (xmlNode *node, gpointer data)
{
  Render *r = data;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        add_text (r, (const char *) node->content);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE && node->type != XML_DOCUMENT_NODE
      && node->type != XML_HTML_DOCUMENT_NODE)
    return FALSE;
  if (skipped_in_text (node))
    return FALSE;
  if (g_ascii_strcasecmp (abr_html_tag (node), "br") == 0)
    {
      if (++r->brs >= 2)
        flush (r);
      else
        r->space = r->para->len > 0;
      return FALSE;
    }
  if (!abr_html_is_inline (node))
    flush (r);
  else if (g_ascii_strcasecmp (abr_html_tag (node), "img") == 0)
    r->space = r->para->len > 0;
  return TRUE;
}

static void
render_leave (xmlNode *node, gpointer data)
{
  Render *r = data;
  if (node->type == XML_ELEMENT_NODE && !abr_html_is_inline (node))
    flush (r);
  else if (node->type == XML_ELEMENT_NODE)
    {
      /* Table cells and the like are inline to nobody: a space between. */
      const char *tag = abr_html_tag (node);
      if (g_ascii_strcasecmp (tag, "td") == 0 || g_ascii_strcasecmp (tag, "th") == 0)
        r->space = r->para->len > 0;
    }
}

void
abr_html_render_text (GString *out, xmlNode *root)
{
  Render r = { out, g_string_new (NULL), FALSE, 0 };
  abr_html_walk (root, render_enter, render_leave, &r);
  flush (&r);
  g_string_free (r.para, TRUE);
}

/* ---- metadata ---------------------------------------------------------------------- */

typedef struct {
  char *lang, *title_tag, *h1;
  char *og_title, *og_site, *og_url, *og_description, *description, *canonical;
  char *author, *date, *app_name;
  char *ld_headline, *ld_author, *ld_date, *ld_publisher;
  char *time_datetime;
} Meta;

static void
meta_clear (Meta *m)
{
  char **fields[] = { &m->lang, &m->title_tag, &m->h1, &m->og_title, &m->og_site, &m->og_url,
                      &m->og_description, &m->description, &m->canonical, &m->author, &m->date,
                      &m->app_name, &m->ld_headline, &m->ld_author, &m->ld_date,
                      &m->ld_publisher, &m->time_datetime };
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    g_clear_pointer (fields[i], g_free);
}

/* White space folded, ends trimmed; NULL for nothing. */
static char *
folded (const char *text)
{
  if (text == NULL)
    return NULL;
  GString *out = g_string_new (NULL);
  Render r = { NULL, out, FALSE, 0 };
  add_text (&r, text);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Keeps the first value found for a field. */
static void
take (char **field, const char *value)
{
  if (*field == NULL)
    *field = folded (value);
}

/* Content systems fill an empty date with a placeholder
 * ("0001-01-01T00:00:00Z", "1970-01-01") or a scheduled one; passed on,
 * it becomes a report group of its own. News on the web is not older
 * than 1800; a date more than two days ahead (time zones, an embargo
 * lifted early) is not the publication's. */
#define OLDEST_YEAR 1800
#define MAX_DAYS_AHEAD 2

gboolean
abr_html_date_is_plausible (const char *value, gint64 now_us)
{
  if (value == NULL)
    return FALSE;
  while (g_ascii_isspace (*value))
    value++;
  /* The year: the first four digits of the first run of four or more
   * ("2019-11-19", "20180619T055000+0900", "Tue, 19 Nov 2019",
   * "11/19/2019"). Without one there is nothing to judge: a date in
   * words is passed on as the page gives it. */
  const char *p = value;
  while (*p != '\0')
    {
      const char *run = p;
      while (g_ascii_isdigit (*p))
        p++;
      if (p - run >= 4)
        {
          p = run;
          break;
        }
      if (*p != '\0')
        p++;
    }
  if (*p == '\0')
    return TRUE;
  int year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
  if (year < OLDEST_YEAR)
    return FALSE;
  GDateTime *now = g_date_time_new_from_unix_utc (now_us / G_USEC_PER_SEC);
  GDateTime *limit = g_date_time_add_days (now, MAX_DAYS_AHEAD);
  gboolean ok = year <= g_date_time_get_year (limit);
  if (ok && g_ascii_isdigit (*value))
    {
      /* ISO 8601 ("2019-11-19", with a time and zone or not): to the day. */
      GTimeZone *utc = g_time_zone_new_utc ();
      GDateTime *when = g_date_time_new_from_iso8601 (value, utc);
      if (when == NULL)
        {
          int y = 0, m = 0, d = 0;
          if (sscanf (value, "%4d-%2d-%2d", &y, &m, &d) == 3)
            when = g_date_time_new (utc, y, m, d, 0, 0, 0);
        }
      if (when != NULL)
        ok = g_date_time_compare (when, limit) <= 0;
      g_clear_pointer (&when, g_date_time_unref);
      g_time_zone_unref (utc);
    }
  g_date_time_unref (limit);
  g_date_time_unref (now);
  return ok;
}

/* A date field: the first plausible value found. */
static void
take_date (char **field, const char *value)
{
  if (*field == NULL && abr_html_date_is_plausible (value, g_get_real_time ()))
    take (field, value);
}

/* Whether a site name is a proper name ("USA TODAY", "The Daily Beast")
 * rather than a handle or a host ("usatoday", "@usatoday", "bbc.co.uk"):
 * one with a capital letter or a space. */
static gboolean
is_proper_name (const char *name)
{
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == ' ' || g_unichar_isupper (c) || g_unichar_istitle (c))
        return TRUE;
    }
  return FALSE;
}

/* The site's name: the first proper name among og:site_name, the JSON-LD
 * publisher and application-name, else the first handle; never one made
 * from the host name, which is no name. */
static const char *
site_name (const char *const *names, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (names[i] != NULL && is_proper_name (names[i]))
      return names[i];
  for (gsize i = 0; i < n; i++)
    if (names[i] != NULL)
      return names[i];
  return NULL;
}

static const char *
ld_string (JsonObject *o, const char *member)
{
  if (o == NULL || !json_object_has_member (o, member))
    return NULL;
  JsonNode *n = json_object_get_member (o, member);
  if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    return json_node_get_string (n);
  return NULL;
}

/* A name from "author": a string, {"name"}, or a list of either. */
static const char *
ld_name (JsonNode *n)
{
  if (n == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    return json_node_get_string (n);
  if (JSON_NODE_HOLDS_OBJECT (n))
    return ld_string (json_node_get_object (n), "name");
  if (JSON_NODE_HOLDS_ARRAY (n) && json_array_get_length (json_node_get_array (n)) > 0)
    return ld_name (json_array_get_element (json_node_get_array (n), 0));
  return NULL;
}

static gboolean
ld_is_article (JsonObject *o)
{
  JsonNode *t = json_object_get_member (o, "@type");
  const char *type = NULL;
  if (t != NULL && JSON_NODE_HOLDS_VALUE (t) && json_node_get_value_type (t) == G_TYPE_STRING)
    type = json_node_get_string (t);
  else if (t != NULL && JSON_NODE_HOLDS_ARRAY (t) && json_array_get_length (json_node_get_array (t)) > 0)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (t), 0);
      if (JSON_NODE_HOLDS_VALUE (first) && json_node_get_value_type (first) == G_TYPE_STRING)
        type = json_node_get_string (first);
    }
  return type != NULL && (strstr (type, "Article") != NULL || strcmp (type, "BlogPosting") == 0
                          || strcmp (type, "Report") == 0);
}

static void
ld_visit (Meta *m, JsonNode *n, int depth)
{
  if (n == NULL || depth > 4)
    return;
  if (JSON_NODE_HOLDS_ARRAY (n))
    {
      JsonArray *a = json_node_get_array (n);
      for (guint i = 0; i < json_array_get_length (a); i++)
        ld_visit (m, json_array_get_element (a, i), depth + 1);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (n))
    return;
  JsonObject *o = json_node_get_object (n);
  if (json_object_has_member (o, "@graph"))
    ld_visit (m, json_object_get_member (o, "@graph"), depth + 1);
  if (!ld_is_article (o))
    return;
  take (&m->ld_headline, ld_string (o, "headline"));
  take_date (&m->ld_date, ld_string (o, "datePublished"));
  if (json_object_has_member (o, "author"))
    take (&m->ld_author, ld_name (json_object_get_member (o, "author")));
  if (json_object_has_member (o, "publisher"))
    take (&m->ld_publisher, ld_name (json_object_get_member (o, "publisher")));
}

static void
read_ld_json (Meta *m, const xmlNode *script)
{
  char *text = (char *) xmlNodeGetContent ((xmlNode *) script);
  /* Nested too deep for json-glib: ignored, as JSON-LD that does not
   * parse is; the page's other metadata and its text remain. */
  if (text == NULL || !abr_json_depth_ok (text, strlen (text), ABR_JSON_MAX_DEPTH))
    {
      xmlFree (text);
      return;
    }
  JsonParser *parser = json_parser_new ();
  if (json_parser_load_from_data (parser, text, -1, NULL))
    ld_visit (m, json_parser_get_root (parser), 0);
  g_object_unref (parser);
  xmlFree (text);
}

/* Whether an author value is a name rather than a profile link. */
static gboolean
is_name (const char *value)
{
  return value != NULL && strstr (value, "://") == NULL && *value != '/';
}

static void
read_meta (Meta *m, const xmlNode *node)
{
  char *key = abr_html_attr (node, "property");
  if (key == NULL)
    key = abr_html_attr (node, "name");
  if (key == NULL)
    key = abr_html_attr (node, "itemprop");
  char *content = abr_html_attr (node, "content");
  if (key != NULL && content != NULL)
    {
      char *k = g_ascii_strdown (key, -1);
      if (strcmp (k, "og:title") == 0)
        take (&m->og_title, content);
      else if (strcmp (k, "og:site_name") == 0)
        take (&m->og_site, content);
      else if (strcmp (k, "og:url") == 0)
        take (&m->og_url, content);
      else if (strcmp (k, "og:description") == 0)
        take (&m->og_description, content);
      else if (strcmp (k, "description") == 0)
        take (&m->description, content);
      else if (strcmp (k, "application-name") == 0)
        take (&m->app_name, content);
      else if ((strcmp (k, "author") == 0 || strcmp (k, "article:author") == 0
                || strcmp (k, "byl") == 0 || strcmp (k, "parsely-author") == 0
                || strcmp (k, "sailthru.author") == 0 || strcmp (k, "dc.creator") == 0)
               && is_name (content))
        {
          /* NYT-style "By Jane Doe": the name is what follows. */
          const char *name = g_ascii_strncasecmp (content, "by ", 3) == 0 ? content + 3 : content;
          take (&m->author, name);
        }
      else if (strcmp (k, "article:published_time") == 0 || strcmp (k, "article:published") == 0
               || strcmp (k, "datepublished") == 0
               || strcmp (k, "pubdate") == 0 || strcmp (k, "publishdate") == 0
               || strcmp (k, "date") == 0 || strcmp (k, "dc.date.issued") == 0
               || strcmp (k, "dc.date") == 0 || strcmp (k, "parsely-pub-date") == 0
               || strcmp (k, "sailthru.date") == 0 || strcmp (k, "article.published") == 0)
        take_date (&m->date, content);
      g_free (k);
    }
  xmlFree (key);
  xmlFree (content);
}

static gboolean
meta_enter (xmlNode *node, gpointer data)
{
  Meta *m = data;
  if (node->type != XML_ELEMENT_NODE)
    return node->type == XML_HTML_DOCUMENT_NODE || node->type == XML_DOCUMENT_NODE;
  const char *tag = abr_html_tag (node);
  if (g_ascii_strcasecmp (tag, "html") == 0)
    {
      char *lang = abr_html_attr (node, "lang");
      take (&m->lang, lang);
      xmlFree (lang);
    }
  else if (g_ascii_strcasecmp (tag, "title") == 0)
    {
      char *text = (char *) xmlNodeGetContent (node);
      take (&m->title_tag, text);
      xmlFree (text);
      return FALSE;
    }
  else if (g_ascii_strcasecmp (tag, "h1") == 0)
    {
      char *text = (char *) xmlNodeGetContent (node);
      take (&m->h1, text);
      xmlFree (text);
      return FALSE;
    }
  else if (g_ascii_strcasecmp (tag, "meta") == 0)
    read_meta (m, node);
  else if (g_ascii_strcasecmp (tag, "link") == 0)
    {
      char *rel = abr_html_attr (node, "rel"), *href = abr_html_attr (node, "href");
      if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0)
        take (&m->canonical, href);
      xmlFree (rel);
      xmlFree (href);
    }
  else if (g_ascii_strcasecmp (tag, "time") == 0)
    {
      char *when = abr_html_attr (node, "datetime");
      take_date (&m->time_datetime, when);
      xmlFree (when);
    }
  else if (g_ascii_strcasecmp (tag, "script") == 0)
    {
      char *type = abr_html_attr (node, "type");
      if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
        read_ld_json (m, node);
      xmlFree (type);
      return FALSE;
    }
  else if (g_ascii_strcasecmp (tag, "style") == 0)
    return FALSE;
  return TRUE;
}

/* "Headline | Site" -> "Headline". Readability's rule: the part before
 * the last separator, unless that leaves under three words; then the one
 * after the first. A part equal to the site's name always goes. */
static char *
strip_site_suffix (const char *title, const char *site)
{
  static const char *const seps[] = { " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ", NULL };
  for (const char *const *s = seps; *s != NULL; s++)
    {
      const char *first = strstr (title, *s);
      if (first == NULL)
        continue;
      const char *last = g_strrstr (title, *s);
      char *before = g_strndup (title, last - title);
      const char *after_last = last + strlen (*s);
      if (site != NULL && g_ascii_strcasecmp (g_strstrip (before), site) == 0)
        {
          g_free (before);
          return g_strdup (after_last);
        }
      char **words = g_strsplit (before, " ", -1);
      guint n = g_strv_length (words);
      g_strfreev (words);
      if (n >= 3 || (site != NULL && strstr (after_last, site) != NULL))
        return before;
      g_free (before);
      return g_strdup (first + strlen (*s));
    }
  return g_strdup (title);
}

/* ---- the whole ------------------------------------------------------------------------ */

/* Counts the characters of a page's text, scripts and styles left out. */
static gboolean
count_enter (xmlNode *node, gpointer data)
{
  glong *chars = data;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      for (const xmlChar *p = node->content; p != NULL && *p != '\0'; p++)
        *chars += !g_ascii_isspace (*p) && (*p & 0xC0) != 0x80;
      return FALSE;
    }
  return !skipped_in_text (node);
}

gboolean
abr_html_read_page (const char *html, gsize len, const abridge_page_limits *limits,
                    abridge_article *article, char **why)
{
  *why = NULL;
  htmlDocPtr doc = len > 0 ? abr_html_parse (html, len, limits, why) : NULL;
  if (*why != NULL)
    return FALSE;
  if (doc == NULL)
    {
      article->text = g_strdup ("");
      return TRUE;
    }

  Meta m = { 0 };
  abr_html_walk ((xmlNode *) doc, meta_enter, NULL, &m);
  const char *names[] = { m.og_site, m.ld_publisher, m.app_name };
  const char *site = site_name (names, G_N_ELEMENTS (names));
  if (m.og_title != NULL)
    article->title = strip_site_suffix (m.og_title, site);
  else if (m.ld_headline != NULL)
    article->title = g_strdup (m.ld_headline);
  else if (m.h1 != NULL)
    article->title = g_strdup (m.h1);
  else if (m.title_tag != NULL)
    article->title = strip_site_suffix (m.title_tag, site);
  article->author = g_strdup (m.author != NULL ? m.author : m.ld_author);
  article->date = g_strdup (m.date != NULL ? m.date : m.ld_date != NULL ? m.ld_date : m.time_datetime);
  article->site_name = g_strdup (site);
  article->url = g_strdup (m.canonical != NULL ? m.canonical : m.og_url);
  article->description = g_strdup (m.og_description != NULL ? m.og_description : m.description);
  article->language = g_strdup (m.lang);

  const char *titles[] = { article->title, m.og_title, m.title_tag, m.ld_headline, NULL };
  /* Compact the list: a NULL ends it. */
  const char *present[G_N_ELEMENTS (titles)] = { NULL };
  gsize n_titles = 0;
  for (gsize i = 0; i + 1 < G_N_ELEMENTS (titles); i++)
    if (titles[i] != NULL)
      present[n_titles++] = titles[i];

  static const guint attempts[] = {
    ABR_CONTENT_ALL,
    ABR_CONTENT_WEIGHT_CLASSES | ABR_CONTENT_CLEAN,
    ABR_CONTENT_CLEAN,
    0,
  };
  /* A page with less text than a retry wants gains nothing by retries:
   * they can only find less of the same. */
  glong page_chars = 0;
  abr_html_walk ((xmlNode *) doc, count_enter, NULL, &page_chars);
  gsize n_attempts = page_chars < MIN_ARTICLE_CHARS ? 1 : G_N_ELEMENTS (attempts);
  GString *best = NULL;
  for (gsize a = 0; a < n_attempts; a++)
    {
      /* The first try takes the page itself, a retry parses it again: one
       * DOM in memory at a time (xmlCopyDoc() would need two). */
      char *ignored = NULL;
      htmlDocPtr page = a == 0 ? g_steal_pointer (&doc) : abr_html_parse (html, len, limits, &ignored);
      g_free (ignored); /* the same page, read once within the limits already */
      if (page == NULL)
        break;
      GPtrArray *kept = abr_html_find_content (page, present, attempts[a]);
      GString *text = g_string_new (NULL);
      for (guint i = 0; i < kept->len; i++)
        abr_html_render_text (text, kept->pdata[i]);
      g_ptr_array_unref (kept);
      xmlFreeDoc (page);
      if (best == NULL || g_utf8_strlen (text->str, (gssize) text->len) > g_utf8_strlen (best->str, (gssize) best->len))
        {
          if (best != NULL)
            g_string_free (best, TRUE);
          best = text;
        }
      else
        g_string_free (text, TRUE);
      if (g_utf8_strlen (best->str, (gssize) best->len) >= MIN_ARTICLE_CHARS)
        break;
    }
  if (best != NULL)
    {
      article->len = best->len;
      article->text = g_string_free (best, FALSE);
    }
  else
    article->text = g_strdup ("");
  meta_clear (&m);
  if (doc != NULL)
    xmlFreeDoc (doc);
  return TRUE;
}

