/* The report's state, shared by its parts: report.c (adding and
 * assembling), order.c (grouping and sorting). */
#ifndef ABRIDGE_OUTPUT_REPORT_H
#define ABRIDGE_OUTPUT_REPORT_H

#include <abridge/batch.h>

#include "output/sink.h"
#include "output/writer.h"

/* What stays in memory per entry; the rendered text is in the spool. */
typedef struct {
  guint64 seq;
  guint64 offset;       /* of the section in the spool */
  const char *sort_key; /* in the report's string chunk; NULL sorts last */
  const char *group;    /* likewise; NULL: no source / no date */
  guint32 length;       /* of the section */
  /* Bit fields keep an entry at 40 bytes: 40 MB a million articles. */
  guint32 toc_length : 31; /* HTML: its TOC line, spooled right after the section */
  guint32 failed : 1;
} abr_report_line;

/* Where a finished report goes, while it is written. */
typedef struct {
  int fd;
  char *tmp_path;   /* written under this name and renamed; NULL: in place */
  char *final_path; /* the path given, its symbolic links followed */
  int slot;         /* TMP_PATH's among abridge_remove_temporary_files()'s; -1 */
} abr_destination;

struct abridge_report {
  const abr_writer *writer;
  abr_write_context ctx;
  AbridgeReportGroup group_by;
  AbridgeReportSort sort;
  char *title, *plugin, *budget, *timestamp; /* what CTX shows */
  GString *section;      /* scratch: one entry's rendering */
  GString *toc;
  GPtrArray *scratch;    /* repaired copies of invalid UTF-8, freed after each add */
  /* Briefs: written as they come. */
  gboolean briefs;
  abr_sink out;
  gboolean out_open;
  abr_destination dest;  /* briefs to a file: made permanent by finish() */
  gboolean dest_open;
  guint64 briefs_made;   /* entries that did not fail */
  /* A report: spooled, then ordered and assembled by finish(). */
  abr_sink spool;
  char *spool_name;
  GArray *entries;       /* abr_report_line, in the order they were added */
  GStringChunk *strings; /* sort and group keys; group keys are interned */
  guint64 failures;
  GString *readback;     /* a window of the spool, from readback_start (finish only) */
  guint64 readback_start;
};

/* Whether the report's entries must carry the article's text. */
gboolean abr_report_wants_text (const abridge_report *report);

/* The group ENTRY falls in (interned: one group is one pointer) and the
 * key it sorts by within it; NULL for none. */
const char *abr_report_group_key (abridge_report *report, const abridge_report_entry *entry);
const char *abr_report_sort_key (abridge_report *report, const abridge_report_entry *entry);
/* How a group is headed: its key, or what stands for none. */
const char *abr_report_group_label (const abridge_report *report, const char *group);

/* The two orders finish() needs: the entries as shown (ORDER) and in input
 * order (BY_SEQ, for the failures); FALSE when two entries share a seq
 * (their anchors would clash). */
gboolean abr_report_order (abridge_report *report, GArray **order, GArray **by_seq,
                               GError **error);

/* Opens where a finished report goes: standard output ("-"); a device, a
 * FIFO or a file with several hard links, written in place; else a
 * temporary file in the directory of the file PATH names (its links
 * followed), with the permissions of the file it replaces (never more),
 * renamed by abr_destination_commit() once complete. FALSE with ERROR. */
gboolean abr_destination_open (abr_destination *dest, const char *path, GError **error);
/* Removes DEST's temporary file, leaving the file it would have replaced
 * as it was (one written in place keeps what was written); closes and
 * clears DEST. */
void abr_destination_discard (abr_destination *dest);
/* Makes the report written to DEST permanent (fsync and rename), or
 * removes the temporary file when OUT failed; closes and clears DEST. */
gboolean abr_destination_commit (abr_destination *dest, abr_sink *out, GError **error);

#endif
