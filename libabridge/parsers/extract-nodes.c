/* What the extractor knows of a node: its text's length, link text and
 * commas, counted once per page. */
#include "config.h"
#include "parsers/extract.h"

/* A node's statistics, in blocks of INFO_BLOCK (a page has ten thousand
 * nodes, a hostile one millions: one allocation each would cost more
 * than the statistics). */
#define INFO_BLOCK 4096
abr_node_info *
abr_extract_info (abr_extractor *ex, xmlNode *node)
{
  if (node->_private == NULL)
    {
      if (ex->infos->len == 0 || ex->block_used == INFO_BLOCK)
        {
          g_ptr_array_add (ex->infos, g_new0 (abr_node_info, INFO_BLOCK));
          ex->block_used = 0;
        }
      abr_node_info *block = ex->infos->pdata[ex->infos->len - 1];
      node->_private = &block[ex->block_used++];
    }
  return node->_private;
}

void
abr_extract_count_text (const char *text, abr_node_info *ni)
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
  static const char *const embeds[] = { "object", "embed", "iframe", NULL };
  abr_extractor *ex = data;
  abr_node_info *ni = abr_extract_info (ex, node);
  ni->chars = ni->link_chars = ni->heading_chars = 0;
  ni->commas = ni->headings = 0;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    abr_extract_count_text ((const char *) node->content, ni);
  ni->p = abr_html_tag_is (node, "p");
  ni->img = abr_html_tag_is (node, "img");
  ni->li = abr_html_tag_is (node, "li");
  ni->input = abr_html_tag_is (node, "input");
  ni->embeds = abr_html_tag_in (node, embeds);
  return node->type == XML_ELEMENT_NODE;
}

static gboolean
is_heading (const xmlNode *node)
{
  const char *tag = abr_html_tag (node);
  return (tag[0] == 'h' || tag[0] == 'H') && tag[1] >= '1' && tag[1] <= '6' && tag[2] == '\0';
}

static void
stats_leave (xmlNode *node, gpointer data)
{
  abr_extractor *ex = data;
  abr_node_info *ni = abr_extract_info (ex, node);
  if (abr_html_tag_is (node, "a"))
    {
      char *href = abr_html_attr (node, "href");
      /* In-page links (footnotes, tables of contents) are half text. */
      ni->link_chars = ni->chars * (href != NULL && href[0] == '#' ? 0.3 : 1.0);
      xmlFree (href);
    }
  if (node->parent != NULL && node->parent->type == XML_ELEMENT_NODE)
    {
      abr_node_info *pi = abr_extract_info (ex, node->parent);
      pi->chars += ni->chars;
      pi->link_chars += ni->link_chars;
      pi->commas += ni->commas;
      if (is_heading (node))
        {
          pi->headings++;
          pi->heading_chars += ni->chars;
        }
      else
        {
          pi->p += ni->p;
          pi->img += ni->img;
          pi->li += ni->li;
          pi->input += ni->input;
          pi->embeds += ni->embeds;
          pi->headings += ni->headings;
          pi->heading_chars += ni->heading_chars;
        }
    }
}

void
abr_extract_compute_stats (abr_extractor *ex, xmlNode *root)
{
  abr_html_walk (root, stats_enter, stats_leave, ex);
}

double
abr_extract_link_density (abr_extractor *ex, xmlNode *node)
{
  abr_node_info *ni = abr_extract_info (ex, node);
  return ni->chars > 0 ? ni->link_chars / ni->chars : 0;
}


gboolean
abr_extract_has_sentence_end (xmlNode *node)
{
  char *text = (char *) xmlNodeGetContent (node);
  gboolean yes = FALSE;
  for (const char *p = text; p != NULL && *p != '\0' && !yes; p++)
    yes = *p == '.' && (p[1] == ' ' || p[1] == '\0');
  xmlFree (text);
  return yes;
}
