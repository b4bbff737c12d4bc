/* The main-content extractor's private half (extract.c), shared by its
 * passes: the statistics of a node (extract-nodes.c), furniture out by
 * tags, roles and class names (extract-furniture.c), and scores
 * (extract-score.c). */
#ifndef ABRIDGE_EXTRACT_H
#define ABRIDGE_EXTRACT_H

#include "parsers/html.h"

/* What the extractor knows of one node, hung on its _private pointer. */
typedef struct {
  double score;
  float chars;      /* text length, white space folded */
  float link_chars;
  guint commas;
  gboolean scored;  /* a candidate: it received a paragraph's score */
  /* the elements under it (itself too) that pass 3 weighs a box by,
   * nothing inside a heading but the heading: counted once per page so
   * that judging boxes nested a thousand deep stays linear */
  guint p, img, li, input, embeds, headings;
  float heading_chars;
} abr_node_info;

/* One extraction of one page. */
typedef struct {
  guint flags;
  GPtrArray *infos;      /* blocks of abr_node_info, owned */
  guint block_used;      /* in the last block */
  GPtrArray *doomed;     /* nodes to unlink and free after a walk */
  GPtrArray *to_score;   /* paragraph-like elements */
  GPtrArray *candidates; /* nodes with a score */
} abr_extractor;

/* ---- nodes (extract-nodes.c) ----------------------------------------------------- */

/* NODE's statistics, zeroed on first use; freed with EX->infos. */
abr_node_info *abr_extract_info (abr_extractor *ex, xmlNode *node);

/* Adds the characters (white space folded) and commas of TEXT to NI. */
void abr_extract_count_text (const char *text, abr_node_info *ni);

/* Counts the text, link text and commas of every node under ROOT. */
void abr_extract_compute_stats (abr_extractor *ex, xmlNode *root);

/* The share of NODE's text inside links. */
double abr_extract_link_density (abr_extractor *ex, xmlNode *node);

/* Whether NODE's text holds a full stop followed by a space or its end. */
gboolean abr_extract_has_sentence_end (xmlNode *node);

/* ---- furniture (extract-furniture.c) ------------------------------------------ */

/* Pass 1 over ROOT: furniture (by tag, role, name, hidden, bylines) into
 * EX->doomed, paragraph-like elements into EX->to_score; text straight
 * in a div is wrapped in paragraphs. */
void abr_extract_prepare (abr_extractor *ex, xmlNode *root);

/* Pass 3 over ROOT, inside the article: what looks like furniture (share
 * boxes, lists of links, forms...) into EX->doomed. */
void abr_extract_clean (abr_extractor *ex, xmlNode *root);

/* What NODE's class and id names say: -25 a negative name, +25 a
 * positive one, each; 0 without ABR_CONTENT_WEIGHT_CLASSES. */
double abr_extract_class_weight (abr_extractor *ex, const xmlNode *node);

/* ---- scores (extract-score.c) ----------------------------------------------------- */

/* Pass 2: each paragraph gives its score to its ancestors, which become
 * EX->candidates; a candidate's score is cut by its link density. */
void abr_extract_score (abr_extractor *ex);

/* The candidate that is the article's box (BODY when none is). */
xmlNode *abr_extract_choose_top (abr_extractor *ex, xmlNode *body);

/* TOP and those of its siblings that belong to the article. */
GPtrArray *abr_extract_gather (abr_extractor *ex, xmlNode *top, xmlNode *body);

#endif
