/* Reports: each entry is rendered by its format's writer as it is added.
 * Briefs go straight to their output; a whole report goes to a spool file,
 * and finish() orders and assembles it under its header. */
#include "config.h"
#include "output/report.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Sections read back for the final file one pread() each would cost a
 * system call per article; they are mostly read in spool order, so a
 * window of the spool serves them. */
#define READBACK_WINDOW ((gsize) 256 * 1024)

const abr_writer *
abr_writer_for (AbridgeReportFormat format)
{
  switch (format)
    {
    case ABRIDGE_REPORT_MARKDOWN: return &abr_writer_markdown;
    case ABRIDGE_REPORT_HTML: return &abr_writer_html;
    case ABRIDGE_REPORT_JSON: return &abr_writer_json;
    case ABRIDGE_REPORT_JSONL: return &abr_writer_jsonl;
    case ABRIDGE_REPORT_TEXT: return &abr_writer_text;
    case ABRIDGE_REPORT_PAGE: return &abr_writer_page;
    case ABRIDGE_REPORT_KEYWORDS: return &abr_writer_keywords;
    }
  return NULL;
}

static char *
dup_valid (const char *s)
{
  return s == NULL ? NULL : g_utf8_make_valid (s, -1);
}

static gboolean
open_briefs (abridge_report *report, const char *path, GError **error)
{
  int fd = STDOUT_FILENO;
  /* A file is written as a report is (destination.c): under a temporary
   * name, renamed once complete, so that an interrupted or failed run
   * leaves the file it would replace as it was. */
  if (strcmp (path, "-") != 0)
    {
      if (!abr_destination_open (&report->dest, path, error))
        return FALSE;
      report->dest_open = TRUE;
      fd = report->dest.fd;
    }
  char *display = strcmp (path, "-") == 0 ? g_strdup ("standard output")
                                          : g_filename_display_name (path);
  abr_sink_init (&report->out, fd, display);
  report->out_open = TRUE;
  g_free (display);
  return TRUE;
}

static gboolean
open_spool (abridge_report *report, GError **error)
{
  char *spool_path = NULL;
  GError *local = NULL;
  int fd = g_file_open_tmp ("abridge-report-XXXXXX", &spool_path, &local);
  if (fd < 0)
    {
      g_set_error (error, G_FILE_ERROR, local->code, "cannot create the report's spool file: %s",
                   local->message);
      g_error_free (local);
      return FALSE;
    }
  /* Unlinked at once: the spool goes away with the process, however it ends. */
  g_unlink (spool_path);
  char *display = g_filename_display_name (spool_path);
  report->spool_name = g_strdup_printf ("the report's spool file %s", display);
  abr_sink_init (&report->spool, fd, report->spool_name);
  g_free (display);
  g_free (spool_path);
  return TRUE;
}

abridge_report *
abridge_report_new (const abridge_report_options *options, GError **error)
{
  g_return_val_if_fail (options != NULL, NULL);
  const abr_writer *writer = abr_writer_for (options->format);
  if (writer == NULL || (guint) options->group_by > ABRIDGE_GROUP_DATE
      || (guint) options->sort > ABRIDGE_SORT_DATE)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "unknown report format, grouping or sort order (%d, %d, %d)",
                   (int) options->format, (int) options->group_by, (int) options->sort);
      return NULL;
    }
  gboolean briefs_only = writer == &abr_writer_text || writer == &abr_writer_page
                        || writer == &abr_writer_keywords;
  if (options->briefs ? writer == &abr_writer_html : briefs_only)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE, "%s",
                   options->briefs ? "briefs are text, markdown, json, jsonl, a page or keywords"
                                   : "a report is markdown, html, json or jsonl");
      return NULL;
    }
  if (writer == &abr_writer_page && options->many)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "an HTML page shows one article: give one file (batch -R html reports many)");
      return NULL;
    }

  abridge_report *report = g_new0 (abridge_report, 1);
  report->writer = writer;
  report->briefs = options->briefs;
  report->group_by = options->group_by;
  report->sort = options->sort;
  report->title = dup_valid (options->title != NULL ? options->title : "abridge report");
  report->plugin = dup_valid (options->plugin);
  report->budget = dup_valid (options->budget);
  report->timestamp = dup_valid (options->timestamp);
  report->scratch = g_ptr_array_new_with_free_func (g_free);
  report->ctx = (abr_write_context) {
    .report = !options->briefs,
    .grouped = options->group_by != ABRIDGE_GROUP_NONE,
    .dated_groups = options->group_by == ABRIDGE_GROUP_DATE,
    .many = options->many,
    .title = report->title,
    .plugin = report->plugin,
    .budget = report->budget,
    .timestamp = report->timestamp,
    .scratch = report->scratch,
  };
  report->entries = g_array_new (FALSE, FALSE, sizeof (abr_report_line));
  report->strings = g_string_chunk_new (64 * 1024);
  report->section = g_string_sized_new (4096);
  report->toc = g_string_sized_new (256);
  report->spool.fd = -1;
  gboolean ok = options->briefs
                    ? open_briefs (report, options->briefs_to != NULL ? options->briefs_to : "-",
                                   error)
                    : open_spool (report, error);
  if (!ok)
    {
      abridge_report_free (report);
      return NULL;
    }
  return report;
}

gboolean
abr_report_wants_text (const abridge_report *report)
{
  return report->writer->text;
}

gboolean
abridge_report_add (abridge_report *report, const abridge_report_entry *entry, GError **error)
{
  g_return_val_if_fail (report != NULL && entry != NULL, FALSE);
  abr_sink *sink = report->briefs ? &report->out : &report->spool;
  if (sink->error != NULL)
    {
      /* A half-written spool has no trustworthy offsets: stay failed. */
      g_propagate_error (error, g_error_copy (sink->error));
      return FALSE;
    }
  if (entry->id == NULL)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "report entry %" G_GUINT64_FORMAT " has no id", entry->seq);
      return FALSE;
    }

  abr_report_line line = { 0 };
  line.seq = entry->seq;
  line.failed = entry->error != NULL;
  line.group = abr_report_group_key (report, entry);
  line.sort_key = abr_report_sort_key (report, entry);
  report->ctx.group = line.group;

  g_string_truncate (report->section, 0);
  g_string_truncate (report->toc, 0);
  report->writer->entry (report->section, report->toc, &report->ctx, entry);
  g_ptr_array_set_size (report->scratch, 0);
  report->ctx.written += report->section->len > 0;

  if (report->section->len > G_MAXUINT32 || report->toc->len > G_MAXINT32)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT,
                   "report entry %s renders to more than 4 GiB", entry->id);
      return FALSE;
    }
  line.offset = sink->bytes;
  line.length = (guint32) report->section->len;
  line.toc_length = (guint32) report->toc->len & G_MAXINT32;
  abr_sink_write (sink, report->section->str, report->section->len);
  abr_sink_write (sink, report->toc->str, report->toc->len);
  if (sink->error != NULL)
    {
      g_propagate_error (error, g_error_copy (sink->error));
      return FALSE;
    }
  if (!report->briefs)
    g_array_append_val (report->entries, line);
  report->failures += line.failed;
  report->briefs_made += report->briefs && !line.failed;
  /* A huge brief must not keep its buffer for the rest of the run. */
  if (report->section->allocated_len > 1024 * 1024)
    {
      g_string_free (report->section, TRUE);
      report->section = g_string_sized_new (4096);
    }
  return TRUE;
}

gboolean
abridge_report_flush (abridge_report *report, GError **error)
{
  if (!report->briefs)
    return TRUE;
  abr_sink_flush (&report->out);
  if (report->out.error == NULL)
    return TRUE;
  g_propagate_error (error, g_error_copy (report->out.error));
  return FALSE;
}

void
abridge_report_free (abridge_report *report)
{
  if (report == NULL)
    return;
  if (report->spool.fd >= 0)
    close (report->spool.fd);
  if (report->spool.buf != NULL)
    abr_sink_clear (&report->spool);
  if (report->dest_open)
    abr_destination_discard (&report->dest); /* closes out.fd too */
  else if (report->out_open && report->out.fd >= 0 && report->out.fd != STDOUT_FILENO)
    close (report->out.fd);
  if (report->out_open)
    abr_sink_clear (&report->out);
  if (report->readback != NULL)
    g_string_free (report->readback, TRUE);
  g_free (report->spool_name);
  g_free (report->title);
  g_free (report->plugin);
  g_free (report->budget);
  g_free (report->timestamp);
  g_array_unref (report->entries);
  g_string_chunk_free (report->strings);
  g_string_free (report->section, TRUE);
  g_string_free (report->toc, TRUE);
  g_ptr_array_unref (report->scratch);
  g_free (report);
}

/* ---- assembling a report ------------------------------------------------------- */

/* Copies LEN bytes at OFFSET of the (flushed) spool to OUT. */
static void
spool_copy (abridge_report *report, abr_sink *out, guint64 offset, guint64 len)
{
  int fd = report->spool.fd;
  GString *w = report->readback;
  if (len > READBACK_WINDOW / 2 || out->error != NULL)
    {
      abr_sink_copy (out, fd, report->spool_name, offset, len);
      return;
    }
  if (w == NULL)
    w = report->readback = g_string_sized_new (READBACK_WINDOW);
  if (offset < report->readback_start || offset + len > report->readback_start + w->len)
    {
      g_string_set_size (w, READBACK_WINDOW);
      gsize got = 0;
      int saved = EIO; /* what a spool shorter than its index reports */
      while (got < READBACK_WINDOW)
        {
          ssize_t n = pread (fd, w->str + got, READBACK_WINDOW - got, (off_t) (offset + got));
          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            saved = errno;
          if (n <= 0)
            break;
          got += (gsize) n;
        }
      g_string_truncate (w, got);
      report->readback_start = offset;
      if (got < len)
        {
          g_string_truncate (w, 0);
          g_set_error (&out->error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "cannot read back %s: %s", report->spool_name, g_strerror (saved));
          return;
        }
    }
  abr_sink_write (out, w->str + (offset - report->readback_start), (gsize) len);
}

static void
write_piece (abr_sink *out, void (*piece) (GString *, const abr_write_context *),
             const abr_write_context *ctx)
{
  if (piece == NULL)
    return;
  GString *s = g_string_new (NULL);
  piece (s, ctx);
  abr_sink_puts (out, s->str);
  g_string_free (s, TRUE);
}

static const abr_report_line *
line_at (const abridge_report *report, const GArray *order, guint i)
{
  return &g_array_index (report->entries, abr_report_line, g_array_index (order, guint, i));
}

/* HTML: the table of contents, from the TOC lines spooled with each section. */
static void
write_toc (abridge_report *report, abr_sink *out, const GArray *order)
{
  GString *s = g_string_new (NULL);
  abr_html_toc_begin (s);
  const char *group = NULL;
  guint groups = 0;
  for (guint i = 0; i < order->len; i++)
    {
      const abr_report_line *e = line_at (report, order, i);
      if (e->failed)
        continue;
      if (report->ctx.grouped && (groups == 0 || e->group != group))
        {
          groups++;
          abr_html_toc_group (s, abr_report_group_label (report, e->group),
                              report->group_by == ABRIDGE_GROUP_DATE, groups, groups == 1);
          group = e->group;
        }
      abr_sink_puts (out, s->str);
      g_string_truncate (s, 0);
      spool_copy (report, out, e->offset + e->length, e->toc_length);
    }
  abr_html_toc_end (s, groups, report->failures);
  abr_sink_puts (out, s->str);
  g_string_free (s, TRUE);
}

static void
write_body (abridge_report *report, abr_sink *out, const GArray *order, const GArray *by_seq)
{
  const abr_writer *w = report->writer;
  gboolean sections = !w->lines && !w->array;
  const char *group = NULL;
  guint groups = 0, written = 0;
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < order->len && out->error == NULL; i++)
    {
      const abr_report_line *e = line_at (report, order, i);
      if (e->failed && sections)
        continue; /* listed under Failures */
      /* Group keys are interned, so one group is one pointer. */
      if (sections && report->ctx.grouped && (groups == 0 || e->group != group))
        {
          g_string_truncate (s, 0);
          w->group (s, &report->ctx, abr_report_group_label (report, e->group), ++groups);
          abr_sink_puts (out, s->str);
          group = e->group;
        }
      if (w->array)
        abr_sink_puts (out, written > 0 ? ",\n" : "\n");
      spool_copy (report, out, e->offset, e->length);
      if (w->lines)
        abr_sink_puts (out, "\n");
      written++;
    }
  if (groups > 0)
    {
      g_string_truncate (s, 0);
      w->group (s, &report->ctx, NULL, 0);
      abr_sink_puts (out, s->str);
    }
  g_string_free (s, TRUE);
  if (!sections || report->failures == 0)
    return;

  /* Failures in input order, whatever the sort: they are a to-do list of
   * inputs, not briefs to read. */
  write_piece (out, w->failures, &report->ctx);
  for (guint i = 0; i < by_seq->len && out->error == NULL; i++)
    {
      const abr_report_line *e = line_at (report, by_seq, i);
      if (e->failed)
        spool_copy (report, out, e->offset, e->length);
    }
}

static void
write_report (abridge_report *report, abr_sink *out, const GArray *order, const GArray *by_seq)
{
  write_piece (out, report->writer->begin, &report->ctx);
  if (report->writer == &abr_writer_html)
    write_toc (report, out, order);
  write_body (report, out, order, by_seq);
  write_piece (out, report->writer->end, &report->ctx);
  abr_sink_flush (out);
}

static gboolean
finish_briefs (abridge_report *report, GError **error)
{
  abr_sink_flush (&report->out);
  if (report->dest_open)
    {
      report->dest_open = FALSE;
      report->out.fd = -1;
      /* Not one brief: the file stays as it was (the failures were said). */
      if (report->briefs_made == 0 && report->out.error == NULL)
        {
          abr_destination_discard (&report->dest);
          abridge_report_free (report);
          return TRUE;
        }
      gboolean ok = abr_destination_commit (&report->dest, &report->out, error);
      abridge_report_free (report);
      return ok;
    }
  if (report->out.fd != STDOUT_FILENO && close (report->out.fd) != 0)
    abr_sink_fail_errno (&report->out, "write", errno);
  report->out.fd = -1;
  gboolean ok = report->out.error == NULL;
  if (!ok)
    g_propagate_error (error, g_error_copy (report->out.error));
  abridge_report_free (report);
  return ok;
}

gboolean
abridge_report_finish (abridge_report *report, const char *path, double seconds, GError **error)
{
  g_return_val_if_fail (report != NULL, FALSE);
  if (report->briefs)
    return finish_briefs (report, error);
  g_return_val_if_fail (path != NULL, FALSE);

  abr_sink_flush (&report->spool);
  GArray *order = NULL, *by_seq = NULL;
  if (report->spool.error != NULL)
    g_propagate_error (error, g_error_copy (report->spool.error));
  else if (abr_report_order (report, &order, &by_seq, error))
    {
      report->ctx.articles = report->entries->len;
      report->ctx.failures = report->failures;
      report->ctx.seconds = seconds;
      abr_destination dest;
      if (abr_destination_open (&dest, path, error))
        {
          char *display = strcmp (path, "-") == 0 ? g_strdup ("standard output")
                                                  : g_filename_display_name (path);
          abr_sink out;
          abr_sink_init (&out, dest.fd, display);
          write_report (report, &out, order, by_seq);
          gboolean ok = abr_destination_commit (&dest, &out, error);
          abr_sink_clear (&out);
          g_free (display);
          g_array_unref (order);
          g_array_unref (by_seq);
          abridge_report_free (report);
          return ok;
        }
    }
  if (order != NULL)
    g_array_unref (order);
  if (by_seq != NULL)
    g_array_unref (by_seq);
  abridge_report_free (report);
  return FALSE;
}
