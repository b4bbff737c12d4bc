/* Where libxml2's HTML parser is called, and the limits it is called
 * with. Two of its costs grow faster than the page:
 *
 * - attributes: each new attribute of an element is compared with every
 *   one before it (the duplicate check), so one element of 300,000
 *   attributes (a 4.9 MB page) takes minutes. No callback runs before
 *   that check, so the attributes are counted here first, by a scan that
 *   reads tags as libxml2 does closely enough to count what it would.
 * - depth: an end tag is looked for in the stack of open elements, so
 *   each stray end tag costs the depth. libxml2 stops at 256 levels by
 *   default and keeps the page it has so far, which loses an article
 *   that comes after a comment thread of nested boxes; XML_PARSE_HUGE
 *   lifts that, and a start-element callback holds the depth to the
 *   caller's limit instead, failing the page with a reason. */
#include "config.h"
#include "parsers/html.h"

#include <libxml/SAX2.h>
#include <limits.h>
#include <string.h>

/* libxml2 reads an attribute name of at most this many bytes; what
 * follows is another name. */
#define HTML_NAME_MAX 100

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_' || c == ':' || c == '.';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == ':' || c == '-' || c == '_' || c == '.';
}

/* The first byte at or after FROM that is C, or END. */
static const char *
find_char (const char *from, const char *end, char c)
{
  const char *p = memchr (from, c, (gsize) (end - from));
  return p != NULL ? p : end;
}

/* The first place at or after FROM where NEEDLE starts, ASCII case
 * ignored; END when nowhere. */
static const char *
find_caseless (const char *from, const char *end, const char *needle)
{
  gsize n = strlen (needle);
  for (const char *p = from; (gsize) (end - p) >= n; p++)
    {
      p = find_char (p, end, needle[0]);
      if ((gsize) (end - p) < n)
        break;
      if (g_ascii_strncasecmp (p, needle, n) == 0)
        return p;
    }
  return end;
}

/* Reads the attributes of the start tag whose name ends at P, counting
 * them into *COUNT; returns where the tag ends (its '>', or END). */
static const char *
scan_attributes (const char *p, const char *end, guint *count)
{
  while (p < end && *p != '>' && !(*p == '/' && p + 1 < end && p[1] == '>'))
    {
      if (is_blank (*p))
        {
          p++;
          continue;
        }
      if (!is_name_start (*p))
        {
          /* libxml2 drops a bogus attribute up to the next blank. */
          while (p < end && !is_blank (*p) && *p != '>')
            p++;
          continue;
        }
      const char *name = p;
      while (p < end && is_name_char (*p))
        p++;
      *count += (guint) (((gsize) (p - name) + HTML_NAME_MAX - 1) / HTML_NAME_MAX);
      while (p < end && is_blank (*p))
        p++;
      if (p >= end || *p != '=')
        continue;
      for (p++; p < end && is_blank (*p); p++)
        ;
      if (p < end && (*p == '"' || *p == '\''))
        {
          const char *close = find_char (p + 1, end, *p);
          p = close < end ? close + 1 : end;
        }
      else
        while (p < end && !is_blank (*p) && *p != '>')
          p++;
    }
  return p;
}

/* The offset of the first start tag with more than MAX attributes, or -1. */
static gssize
too_many_attributes (const char *html, gsize len, guint max)
{
  const char *end = html + len;
  for (const char *p = find_char (html, end, '<'); p + 1 < end; p = find_char (p, end, '<'))
    {
      const char *tag = p++;
      if ((gsize) (end - p) >= 3 && memcmp (p, "!--", 3) == 0)
        {
          /* A comment runs to "-->"; one that never ends hides the rest. */
          const char *close = end;
          for (const char *q = p + 3; (q = find_char (q, end, '-')) + 2 < end; q++)
            if (q[1] == '-' && q[2] == '>')
              {
                close = q + 3;
                break;
              }
          p = close;
          continue;
        }
      if (!is_name_start (*p) || *p == '.')
        {
          /* An end tag, a doctype, a processing instruction, a stray '<'. */
          continue;
        }
      const char *name = p;
      while (p < end && !is_blank (*p) && *p != '>' && *p != '/')
        p++;
      gsize name_len = (gsize) (p - name);
      guint count = 0;
      p = scan_attributes (p, end, &count);
      if (count > max)
        return tag - html;
      /* Scripts and styles are raw text to their end tag. */
      if ((name_len == 6 && g_ascii_strncasecmp (name, "script", 6) == 0)
          || (name_len == 5 && g_ascii_strncasecmp (name, "style", 5) == 0))
        p = find_caseless (p, end, name_len == 6 ? "</script" : "</style");
    }
  return -1;
}

/* libxml2 2.9 initialises its globals on first use without a lock: once,
 * before any worker parses. */
static void
ensure_parser (void)
{
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      xmlInitParser ();
      g_once_init_leave (&once, 1);
    }
}

typedef struct {
  guint max_depth;
  gboolean too_deep;
  long offset; /* of the element too deep */
  startElementSAXFunc start;
} DepthGuard;

/* Whether the extraction (html-page.c, extract.c) reads the attribute
 * NAME (lower case, as libxml2 gives it). The others are never made into
 * nodes: a page's data-* and event attributes would otherwise make most
 * of the tree (over 30 bytes each). */
static gboolean
attribute_read (const xmlChar *name)
{
  static const char *const read[] = { "class", "id", "style", "hidden", "aria-hidden", "role",
                                      "rel", "href", "itemprop", "property", "name", "content",
                                      "lang", "datetime", "type" };
  for (gsize i = 0; i < G_N_ELEMENTS (read); i++)
    if (strcmp ((const char *) name, read[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
start_element (void *data, const xmlChar *name, const xmlChar **atts)
{
  htmlParserCtxtPtr ctxt = data;
  DepthGuard *guard = ctxt->_private;
  /* libxml2 has dropped duplicates: each name read is here once at most. */
  const xmlChar *kept[2 * 16 + 1];
  gsize n = 0;
  for (const xmlChar **a = atts; a != NULL && a[0] != NULL && n + 2 < G_N_ELEMENTS (kept); a += 2)
    if (attribute_read (a[0]))
      {
        kept[n++] = a[0];
        kept[n++] = a[1];
      }
  kept[n] = NULL;
  guard->start (data, name, n > 0 ? kept : NULL);
  /* The element is on the stack of open elements already. */
  if ((guint) ctxt->nameNr > guard->max_depth && !guard->too_deep)
    {
      guard->too_deep = TRUE;
      guard->offset = (long) (ctxt->input->cur - ctxt->input->base) + (long) ctxt->input->consumed;
      xmlStopParser (ctxt);
    }
}

htmlDocPtr
abr_html_parse (const char *html, gsize len, const abridge_page_limits *limits, char **why)
{
  *why = NULL;
  g_return_val_if_fail (len <= INT_MAX, NULL);
  gssize at = too_many_attributes (html, len, limits->max_attributes);
  if (at >= 0)
    {
      *why = g_strdup_printf ("an element with more than %u attributes at byte offset %"
                              G_GSSIZE_FORMAT " (raise --max-attributes to read it)",
                              limits->max_attributes, at);
      return NULL;
    }
  ensure_parser ();
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      *why = g_strdup ("out of memory");
      return NULL;
    }
  DepthGuard guard = { limits->max_depth, FALSE, 0, ctxt->sax->startElement };
  ctxt->_private = &guard;
  ctxt->sax->startElement = start_element;
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                | HTML_PARSE_NONET | HTML_PARSE_COMPACT
                /* HTML_PARSE_HUGE in libxml2 2.12 on; the same bit before */
                | XML_PARSE_HUGE;
  htmlDocPtr doc = htmlCtxtReadMemory (ctxt, html, (int) len, NULL, "UTF-8", options);
  htmlFreeParserCtxt (ctxt);
  if (guard.too_deep)
    {
      *why = g_strdup_printf ("elements nested deeper than %u at byte offset %ld (raise "
                              "--max-depth to read it)",
                              limits->max_depth, guard.offset);
      if (doc != NULL)
        xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}
