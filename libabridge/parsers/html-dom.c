/* libxml2's DOM as the parsers module reads it: element names, attributes,
 * and walks without recursion (html.h). */
#include "config.h"
#include "parsers/html.h"

const char *
abr_html_tag (const xmlNode *node)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL
             ? (const char *) node->name
             : "";
}

gboolean
abr_html_tag_is (const xmlNode *node, const char *name)
{
  return g_ascii_strcasecmp (abr_html_tag (node), name) == 0;
}

gboolean
abr_html_tag_in (const xmlNode *node, const char *const *names)
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
  return node->type != XML_ELEMENT_NODE || abr_html_tag_in (node, inline_tags);
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

char *
abr_html_attr (const xmlNode *node, const char *name)
{
  return (char *) xmlGetProp ((xmlNode *) node, (const xmlChar *) name);
}
