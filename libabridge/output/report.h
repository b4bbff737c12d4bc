/* Batch reports: many briefs in, one Markdown, HTML, JSON or JSONL report
 * out, streamed through a spool file so memory stays flat. */
#ifndef ABRIDGE_REPORT_H
#define ABRIDGE_REPORT_H

#include <abridge/abridge.h>

typedef enum {
  ABRIDGE_REPORT_MARKDOWN,
  ABRIDGE_REPORT_HTML,
  ABRIDGE_REPORT_JSON,
  ABRIDGE_REPORT_JSONL,
} AbridgeReportFormat;

typedef enum { ABRIDGE_GROUP_NONE, ABRIDGE_GROUP_SOURCE, ABRIDGE_GROUP_DATE } AbridgeReportGroup;
typedef enum { ABRIDGE_SORT_INPUT, ABRIDGE_SORT_TITLE, ABRIDGE_SORT_DATE } AbridgeReportSort;

typedef struct abridge_report_options {
  AbridgeReportFormat format;
  AbridgeReportGroup group_by;
  AbridgeReportSort sort;
  const char *title;      /* the report's title; NULL: "abridge report" */
  const char *plugin;     /* the plugin set, as shown in the parameters */
  const char *budget;     /* the budget, as shown ("3 sentences") */
  const char *timestamp;  /* shown when not NULL (--timestamp); NULL keeps reports reproducible */
} abridge_report_options;

/* One article's outcome, handed to abridge_report_add() in input order. */
typedef struct abridge_report_entry {
  guint64 seq;             /* 0, 1, 2 … in input order */
  const char *id;          /* record id, or the file path; never NULL */
  const char *title;       /* or NULL */
  const char *source;      /* metadata, each may be NULL */
  const char *date;
  const char *url;
  const char *dateline;
  const char *error;       /* non-NULL: the article failed, with this reason */
  const abridge_brief *brief; /* when it did not fail: its items (sentences or
                                 extracts with speaker annotations), keywords */
} abridge_report_entry;

typedef struct abridge_report abridge_report;

/* A report in FORMAT. The entries go to a spool file in TMPDIR (or the
 * output's directory) so that a million articles cost no memory. */
ABRIDGE_API abridge_report *abridge_report_new (const abridge_report_options *options, GError **error);

/* Adds one entry (copied: nothing of ENTRY is kept). */
ABRIDGE_API gboolean abridge_report_add (abridge_report *report, const abridge_report_entry *entry,
                             GError **error);

/* Writes the whole report to PATH ("-": standard output) and frees REPORT.
 * A file is written under a temporary name in its directory and renamed
 * when complete, so a reader never sees half a report. SECONDS is the
 * run's duration (shown only with a timestamp, for reproducibility). */
ABRIDGE_API gboolean abridge_report_finish (abridge_report *report, const char *path, double seconds,
                                GError **error);

/* Frees a report without writing it (on error paths). */
ABRIDGE_API void abridge_report_free (abridge_report *report);

#endif
