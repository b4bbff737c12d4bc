/* One writer per output format, behind one interface: the report calls
 * it for a report's header, group headings, entries and end, and for the
 * briefs `abridge FILE` writes (entries alone). */
#ifndef ABRIDGE_OUTPUT_WRITER_H
#define ABRIDGE_OUTPUT_WRITER_H

#include <abridge/batch.h>

/* What a writer knows of the whole output. */
typedef struct abr_write_context {
  gboolean report;  /* a report (header, groups, failures), else briefs */
  gboolean grouped; /* report entries sit under group headings */
  gboolean dated_groups; /* ... and the groups are days */
  gboolean many;    /* briefs of several articles */
  guint64 written;  /* entries before this one that wrote something */
  const char *group; /* the entry's group in a grouped report, or NULL */
  /* The report's header: its parameters and counts (finish() knows them). */
  const char *title, *plugin, *budget, *timestamp;
  guint64 articles, failures;
  double seconds;
  /* Repaired copies of invalid UTF-8 (abr_write_valid()), freed after
   * each entry. */
  GPtrArray *scratch;
} abr_write_context;

typedef struct abr_writer {
  /* The report's opening; NULL: none. */
  void (*begin) (GString *out, const abr_write_context *ctx);
  /* A group heading (NUMBER from 1); NULL: groups are not shown. */
  void (*group) (GString *out, const abr_write_context *ctx, const char *label, guint number);
  /* One entry. A report's failed entries are lines of its failures list.
   * TOC (may be NULL) gets the entry's line of a table of contents. */
  void (*entry) (GString *out, GString *toc, const abr_write_context *ctx,
                 const abridge_report_entry *entry);
  /* Between the last entry and the failures; NULL: none. */
  void (*failures) (GString *out, const abr_write_context *ctx);
  /* The report's end; NULL: none. */
  void (*end) (GString *out, const abr_write_context *ctx);
  /* A report made of one line an entry (JSON Lines): no sections. */
  gboolean lines;
  /* A JSON array of entries: failures are entries like the others. */
  gboolean array;
  /* Shows the whole article: entries must carry its text (a batch keeps
   * it until the entry is written). */
  gboolean text;
} abr_writer;

extern const abr_writer abr_writer_text;
extern const abr_writer abr_writer_markdown;
extern const abr_writer abr_writer_html;
extern const abr_writer abr_writer_json;
extern const abr_writer abr_writer_jsonl;
extern const abr_writer abr_writer_page;     /* briefs only: one article's page */
extern const abr_writer abr_writer_keywords; /* briefs only */

/* The writer of FORMAT, or NULL. */
const abr_writer *abr_writer_for (AbridgeReportFormat format);

/* The HTML report's table of contents around the entries' TOC lines. */
void abr_html_toc_begin (GString *out);
void abr_html_toc_group (GString *out, const char *label, gboolean dates, guint number,
                         gboolean first);
void abr_html_toc_end (GString *out, guint groups, guint64 failures);

/* S, or a copy with invalid UTF-8 replaced by U+FFFD kept in CTX's
 * scratch: every format stays valid (JSON above all) whatever a caller of
 * the report hands over. */
const char *abr_write_valid (const abr_write_context *ctx, const char *s);

/* The number of items of BRIEF (may be NULL). */
static inline guint
abr_brief_length (const abridge_brief *brief)
{
  return brief != NULL && brief->items != NULL ? brief->items->len : 0;
}

/* The metadata an entry shows under its heading, in this order (each may
 * be NULL); N_META of them. */
enum { ABR_META_ID, ABR_META_SOURCE, ABR_META_AUTHOR, ABR_META_DATE, ABR_META_DATELINE,
       ABR_META_URL, ABR_N_META };
void abr_entry_metadata (const abridge_report_entry *entry, const char *meta[ABR_N_META]);

/* KEYWORDS, made valid and escaped, joined by ", ". */
void abr_write_words (GString *out, const abr_write_context *ctx, char **keywords,
                      void (*escape) (GString *out, const char *text));

/* The `==> ID <==` line that heads each article of briefs of several
 * articles (as head(1) heads files), blank-line separated; nothing for
 * one article. */
void abr_write_header (GString *out, const abr_write_context *ctx,
                       const abridge_report_entry *entry);

/* What every writer reads off a brief item. */
const char *abr_item_annotation (const abridge_brief_item *item, const char *key);
/* The quotation an extract shows: its "quote" annotation if a plugin set
 * one, else the extract's text. */
const char *abr_item_quote (const abridge_brief_item *item);
/* "Speaker, title" of a quote extract, or NULL; g_free() it. */
char *abr_item_attribution (const abridge_brief_item *item);
/* Whether TEXT opens with a quotation mark, so none is added around it. */
gboolean abr_starts_quoted (const char *text);

#endif
