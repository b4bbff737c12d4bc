/* Batch reports: each entry is rendered at once into a spool file; finish() orders and assembles them. */
#include "config.h"
#include "output/report.h"
#include "output/render.h"
#include "source/input.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

/* Writes are gathered up to this many bytes: one syscall per entry would
 * cost more than the rendering for a million short briefs. */
#define SINK_CHUNK ((gsize) 64 * 1024)

/* ---- buffered writing to a file descriptor -------------------------------- */

typedef struct {
  int fd;
  char *name;     /* for messages: the display name of the file */
  GString *buf;
  guint64 bytes;  /* written or buffered so far: the next offset */
  GError *error;  /* the first failure; later writes are no-ops so the caller
                     can check once, at the end of a section */
} Sink;

static void
sink_init (Sink *sink, int fd, const char *name)
{
  sink->fd = fd;
  sink->name = g_strdup (name);
  sink->buf = g_string_sized_new (SINK_CHUNK + SINK_CHUNK / 4);
  sink->bytes = 0;
  sink->error = NULL;
}

static void
sink_clear (Sink *sink)
{
  g_free (sink->name);
  if (sink->buf != NULL)
    g_string_free (sink->buf, TRUE);
  g_clear_error (&sink->error);
  sink->buf = NULL;
}

static void
sink_fail_errno (Sink *sink, const char *what, int saved)
{
  if (sink->error == NULL)
    g_set_error (&sink->error, G_FILE_ERROR, g_file_error_from_errno (saved), "cannot %s %s: %s",
                 what, sink->name, g_strerror (saved));
}

static void
sink_flush (Sink *sink)
{
  const char *p = sink->buf->str;
  gsize left = sink->buf->len;
  while (left > 0 && sink->error == NULL)
    {
      ssize_t n = write (sink->fd, p, left);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          /* write() returning 0 for a non-empty buffer is a full device too. */
          sink_fail_errno (sink, "write", n < 0 ? errno : ENOSPC);
          break;
        }
      p += n;
      left -= (gsize) n;
    }
  g_string_truncate (sink->buf, 0);
}

static void
sink_maybe_flush (Sink *sink)
{
  if (sink->buf->len >= SINK_CHUNK)
    sink_flush (sink);
}

static void
sink_write (Sink *sink, const char *data, gsize len)
{
  if (sink->error != NULL)
    return;
  g_string_append_len (sink->buf, data, (gssize) len);
  sink->bytes += len;
  sink_maybe_flush (sink);
}

static void
sink_puts (Sink *sink, const char *text)
{
  sink_write (sink, text, strlen (text));
}

/* Copies LEN bytes at OFFSET of FD (the spool) to SINK without a second
 * buffer: they are read straight into the sink's own. */
static void
sink_copy (Sink *sink, int fd, const char *fd_name, guint64 offset, guint64 len)
{
  while (len > 0 && sink->error == NULL)
    {
      gsize want = (gsize) MIN (len, (guint64) SINK_CHUNK);
      gsize old = sink->buf->len;
      g_string_set_size (sink->buf, old + want);
      ssize_t n = pread (fd, sink->buf->str + old, want, (off_t) offset);
      if (n < 0 && errno == EINTR)
        {
          g_string_truncate (sink->buf, old);
          continue;
        }
      if (n <= 0)
        {
          int saved = n < 0 ? errno : EIO; /* 0: the spool is shorter than its index */
          g_string_truncate (sink->buf, old);
          g_set_error (&sink->error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "cannot read back %s: %s", fd_name, g_strerror (saved));
          return;
        }
      g_string_truncate (sink->buf, old + (gsize) n);
      sink->bytes += (guint64) n;
      offset += (guint64) n;
      len -= (guint64) n;
      sink_maybe_flush (sink);
    }
}

/* ---- the report ------------------------------------------------------------ */

/* Sections read back for the final file one pread() each cost a system
 * call per article; they are mostly read in spool order, so a window of
 * the spool serves them. */
#define READBACK_WINDOW ((gsize) 256 * 1024)

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
} ReportEntry;

struct abridge_report {
  AbridgeReportFormat format;
  AbridgeReportGroup group_by;
  AbridgeReportSort sort;
  char *title, *plugin, *budget, *timestamp;
  Sink spool;
  char *spool_name;
  GArray *entries;       /* ReportEntry, in the order they were added */
  GStringChunk *strings; /* sort and group keys; group keys are interned */
  guint64 failures;
  GString *section;      /* scratch: one entry's rendering */
  GString *toc;
  GPtrArray *scratch;    /* repaired copies of invalid UTF-8, freed after each add */
  GString *readback;     /* a window of the spool, from readback_start (finish only) */
  guint64 readback_start;
};

/* Copies LEN bytes at OFFSET of the (flushed) spool to OUT. */
static void
spool_copy (abridge_report *report, Sink *out, guint64 offset, guint64 len)
{
  int fd = report->spool.fd;
  GString *w = report->readback;
  if (len > READBACK_WINDOW / 2 || out->error != NULL)
    {
      sink_copy (out, fd, report->spool_name, offset, len);
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
  sink_write (out, w->str + (offset - report->readback_start), (gsize) len);
}

static gboolean
is_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

/* S, or a copy with invalid UTF-8 replaced by U+FFFD kept in REPORT's scratch
 * until the end of the add: every format must stay valid (JSON above all)
 * whatever a caller hands over. */
static const char *
valid (abridge_report *report, const char *s)
{
  if (s == NULL || abridge_utf8_validate (s, strlen (s), NULL))
    return s;
  char *fixed = g_utf8_make_valid (s, -1);
  g_ptr_array_add (report->scratch, fixed);
  return fixed;
}

static char *
dup_valid (const char *s)
{
  return s == NULL ? NULL : g_utf8_make_valid (s, -1);
}

static const char *
item_annotation (const abridge_brief_item *item, const char *key)
{
  for (guint i = 0; item->annotations != NULL && i + 1 < item->annotations->len; i += 2)
    if (g_strcmp0 (item->annotations->pdata[i], key) == 0)
      return item->annotations->pdata[i + 1];
  return NULL;
}

/* The quotation an extract shows: its "quote" annotation if a plugin set
 * one, else the extract's text. */
static const char *
item_quote (const abridge_brief_item *item)
{
  const char *quote = item_annotation (item, "quote");
  return quote != NULL ? quote : item->text;
}

/* Whether TEXT opens with a quotation mark, so none is added around it. */
static gboolean
starts_quoted (const char *text)
{
  static const char *const marks[] = { "\"", "'", "“", "‘", "«", "‹", "„", "‚", "»" };
  for (gsize i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_str_has_prefix (text, marks[i]))
      return TRUE;
  return FALSE;
}

static const char *
group_label (const abridge_report *report, const char *group)
{
  if (group != NULL)
    return group;
  return report->group_by == ABRIDGE_GROUP_DATE ? "Undated" : "Unknown source";
}

/* The group an entry falls in. A date groups by its day ("2024-03-05" of
 * "2024-03-05T10:00Z"), else one group per timestamp would be the norm. */
static const char *
group_key (abridge_report *report, const abridge_report_entry *entry)
{
  const char *value = NULL;
  switch (report->group_by)
    {
    case ABRIDGE_GROUP_NONE:
      return NULL;
    case ABRIDGE_GROUP_SOURCE:
      value = entry->source;
      break;
    case ABRIDGE_GROUP_DATE:
      value = entry->date;
      break;
    }
  value = valid (report, value);
  if (is_empty (value))
    return NULL;
  if (report->group_by == ABRIDGE_GROUP_DATE && strlen (value) > 10 && g_ascii_isdigit (value[0])
      && value[4] == '-' && value[7] == '-' && (value[10] == 'T' || value[10] == ' '))
    {
      char day[11];
      memcpy (day, value, 10);
      day[10] = '\0';
      return g_string_chunk_insert_const (report->strings, day);
    }
  /* Interned: a million articles from twenty sources cost twenty strings. */
  return g_string_chunk_insert_const (report->strings, value);
}

/* The key an entry sorts by. Titles compare case-folded, byte-wise: the same
 * order under every locale, which strcoll would not give. Dates compare as
 * strings, right for ISO 8601 (what the corpora carry). */
static const char *
sort_key (abridge_report *report, const abridge_report_entry *entry)
{
  switch (report->sort)
    {
    case ABRIDGE_SORT_INPUT:
      return NULL;
    case ABRIDGE_SORT_TITLE:
      {
        const char *title = valid (report, entry->title);
        if (is_empty (title))
          return NULL;
        char *folded = g_utf8_casefold (title, -1);
        const char *key = g_string_chunk_insert (report->strings, g_strstrip (folded));
        g_free (folded);
        return key;
      }
    case ABRIDGE_SORT_DATE:
      {
        const char *date = valid (report, entry->date);
        return is_empty (date) ? NULL : g_string_chunk_insert_const (report->strings, date);
      }
    }
  return NULL;
}

/* ---- escaping -------------------------------------------------------------- */

/* TEXT for HTML text or a quoted attribute value. Control characters (which
 * HTML forbids, and which would only garble a line) become spaces. */
static void
html_escape (GString *out, const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        default:
          g_string_append_c (out, (c < 0x20 || c == 0x7F) ? ' ' : (char) c);
        }
    }
}

/* TEXT as one line of Markdown: a newline in a title or a reason would end
 * the heading or list item and let the rest start a block of its own. */
static void
md_inline (GString *out, const char *text)
{
  gsize len = strlen (text);
  char *flat = g_strndup (text, len);
  for (gsize i = 0; i < len; i++)
    if ((guchar) flat[i] < 0x20 || flat[i] == 0x7F)
      flat[i] = ' ';
  abridge_markdown_escape (out, flat, (gssize) len);
  g_free (flat);
}

static void
json_member (GString *out, const char *name, const char *value)
{
  g_string_append (out, ",\"");
  g_string_append (out, name);
  g_string_append (out, "\":");
  abridge_json_append_string (out, value, -1);
}

static void
append_plural (GString *out, guint64 n, const char *one, const char *many)
{
  g_string_append_printf (out, "%" G_GUINT64_FORMAT " %s", n, n == 1 ? one : many);
}

/* ---- one entry, per format ------------------------------------------------------ */

/* The metadata fields of an entry shown under its heading, in this order. */
static void
entry_metadata (abridge_report *report, const abridge_report_entry *entry, const char *out[5])
{
  out[0] = valid (report, entry->id);
  out[1] = valid (report, entry->source);
  out[2] = valid (report, entry->date);
  out[3] = valid (report, entry->dateline);
  out[4] = valid (report, entry->url);
}

static const char *
entry_heading (abridge_report *report, const abridge_report_entry *entry)
{
  const char *title = valid (report, entry->title);
  return is_empty (title) ? valid (report, entry->id) : title;
}

static void
markdown_entry (abridge_report *report, GString *out, const abridge_report_entry *entry)
{
  if (entry->error != NULL)
    {
      /* A line of the failures list; the heading-level section is for briefs. */
      g_string_append (out, "- ");
      md_inline (out, valid (report, entry->id));
      g_string_append (out, ": ");
      md_inline (out, valid (report, entry->error));
      g_string_append_c (out, '\n');
      return;
    }
  g_string_append (out, report->group_by != ABRIDGE_GROUP_NONE ? "### " : "## ");
  md_inline (out, entry_heading (report, entry));
  g_string_append (out, "\n\n");

  const char *meta[5];
  entry_metadata (report, entry, meta);
  for (gsize i = 0, shown = 0; i < G_N_ELEMENTS (meta); i++)
    {
      if (is_empty (meta[i]))
        continue;
      g_string_append (out, shown++ > 0 ? " · " : "");
      if (i == 0)
        g_string_append_c (out, '*');
      md_inline (out, meta[i]);
      if (i == 0)
        g_string_append_c (out, '*');
    }
  g_string_append (out, "\n\n");

  const abridge_brief *brief = entry->brief;
  if (brief == NULL || brief->items == NULL || brief->items->len == 0)
    g_string_append (out, "*No sentence was selected.*\n");
  for (guint i = 0; brief != NULL && brief->items != NULL && i < brief->items->len; i++)
    {
      const abridge_brief_item *item = &g_array_index (brief->items, abridge_brief_item, i);
      g_string_append (out, "- ");
      if (!item->extract)
        {
          md_inline (out, valid (report, item->text));
          g_string_append_c (out, '\n');
          continue;
        }
      const char *quote = valid (report, item_quote (item));
      const char *speaker = valid (report, item_annotation (item, "speaker"));
      const char *role = valid (report, item_annotation (item, "speaker_title"));
      gboolean mark = !starts_quoted (quote);
      g_string_append (out, mark ? "“" : "");
      md_inline (out, quote);
      g_string_append (out, mark ? "”" : "");
      if (!is_empty (speaker))
        {
          g_string_append (out, " — ");
          md_inline (out, speaker);
          if (!is_empty (role))
            {
              g_string_append (out, ", ");
              md_inline (out, role);
            }
        }
      g_string_append_c (out, '\n');
    }
  if (brief != NULL && brief->keywords != NULL && brief->keywords[0] != NULL)
    {
      g_string_append (out, "\n*Keywords:* ");
      for (char **w = brief->keywords; *w != NULL; w++)
        {
          g_string_append (out, w != brief->keywords ? ", " : "");
          md_inline (out, valid (report, *w));
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static void
html_entry (abridge_report *report, GString *out, GString *toc, const abridge_report_entry *entry)
{
  if (entry->error != NULL)
    {
      g_string_append (out, "<li><code>");
      html_escape (out, valid (report, entry->id));
      g_string_append (out, "</code> — ");
      html_escape (out, valid (report, entry->error));
      g_string_append (out, "</li>\n");
      return;
    }
  /* The anchor comes from seq, never the id: ids are arbitrary text and
   * need not be unique. */
  const char *heading = entry_heading (report, entry);
  const char *h = report->group_by != ABRIDGE_GROUP_NONE ? "h3" : "h2";
  g_string_append_printf (toc, "<li><a href=\"#a-%" G_GUINT64_FORMAT "\">", entry->seq);
  html_escape (toc, heading);
  g_string_append (toc, "</a></li>\n");

  g_string_append_printf (out, "<article id=\"a-%" G_GUINT64_FORMAT "\">\n<%s>", entry->seq, h);
  html_escape (out, heading);
  g_string_append_printf (out, "</%s>\n", h);

  static const char *const classes[] = { "id", "source", "date", "dateline", "url" };
  const char *meta[5];
  entry_metadata (report, entry, meta);
  g_string_append (out, "<p class=\"meta\">");
  for (gsize i = 0, shown = 0; i < G_N_ELEMENTS (meta); i++)
    {
      if (is_empty (meta[i]))
        continue;
      /* The URL is text, never a link: the report loads and links nothing. */
      g_string_append_printf (out, "%s<span class=\"%s\">", shown++ > 0 ? " · " : "", classes[i]);
      html_escape (out, meta[i]);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</p>\n");

  const abridge_brief *brief = entry->brief;
  if (brief == NULL || brief->items == NULL || brief->items->len == 0)
    g_string_append (out, "<p class=\"empty\">No sentence was selected.</p>\n");
  else
    {
      g_string_append (out, "<ul class=\"brief\">\n");
      for (guint i = 0; i < brief->items->len; i++)
        {
          const abridge_brief_item *item = &g_array_index (brief->items, abridge_brief_item, i);
          if (!item->extract)
            {
              g_string_append (out, "<li>");
              html_escape (out, valid (report, item->text));
              g_string_append (out, "</li>\n");
              continue;
            }
          const char *quote = valid (report, item_quote (item));
          const char *speaker = valid (report, item_annotation (item, "speaker"));
          const char *role = valid (report, item_annotation (item, "speaker_title"));
          gboolean mark = !starts_quoted (quote);
          g_string_append (out, "<li class=\"quote\">");
          g_string_append (out, mark ? "“" : "");
          html_escape (out, quote);
          g_string_append (out, mark ? "”" : "");
          if (!is_empty (speaker))
            {
              g_string_append (out, " <span class=\"who\">— ");
              html_escape (out, speaker);
              if (!is_empty (role))
                {
                  g_string_append (out, ", ");
                  html_escape (out, role);
                }
              g_string_append (out, "</span>");
            }
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul>\n");
    }
  if (brief != NULL && brief->keywords != NULL && brief->keywords[0] != NULL)
    {
      g_string_append (out, "<p class=\"keywords\"><b>Keywords:</b> ");
      for (char **w = brief->keywords; *w != NULL; w++)
        {
          g_string_append (out, w != brief->keywords ? ", " : "");
          html_escape (out, valid (report, *w));
        }
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</article>\n");
}

/* One compact object: the same in json (one a line in "articles") and jsonl. */
static void
json_entry (abridge_report *report, GString *out, const abridge_report_entry *entry,
            const char *group)
{
  g_string_append (out, "{\"seq\":");
  abridge_json_append_uint (out, entry->seq);
  json_member (out, "id", valid (report, entry->id));
  json_member (out, "title", valid (report, entry->title));
  json_member (out, "source", valid (report, entry->source));
  json_member (out, "date", valid (report, entry->date));
  json_member (out, "url", valid (report, entry->url));
  json_member (out, "dateline", valid (report, entry->dateline));
  if (report->group_by != ABRIDGE_GROUP_NONE)
    json_member (out, "group", group);

  const abridge_brief *brief = entry->error == NULL ? entry->brief : NULL;
  const GArray *items = brief != NULL ? brief->items : NULL;
  g_string_append (out, ",\"sentences\":[");
  for (guint i = 0, n = 0; items != NULL && i < items->len; i++)
    {
      const abridge_brief_item *item = &g_array_index (items, abridge_brief_item, i);
      if (item->extract)
        continue;
      g_string_append (out, n++ > 0 ? ",{\"index\":" : "{\"index\":");
      abridge_json_append_uint (out, item->sentence);
      json_member (out, "text", valid (report, item->text));
      g_string_append (out, ",\"score\":");
      abridge_json_append_number (out, item->score);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"quotes\":[");
  for (guint i = 0, n = 0; items != NULL && i < items->len; i++)
    {
      const abridge_brief_item *item = &g_array_index (items, abridge_brief_item, i);
      if (!item->extract)
        continue;
      g_string_append (out, n++ > 0 ? ",{\"quote\":" : "{\"quote\":");
      abridge_json_append_string (out, valid (report, item_quote (item)), -1);
      json_member (out, "speaker", valid (report, item_annotation (item, "speaker")));
      json_member (out, "speaker_title", valid (report, item_annotation (item, "speaker_title")));
      g_string_append (out, ",\"sentence_index\":");
      abridge_json_append_uint (out, item->sentence);
      json_member (out, "text", valid (report, item->text));
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  if (brief != NULL && brief->keywords != NULL)
    {
      g_string_append (out, ",\"keywords\":[");
      for (char **w = brief->keywords; *w != NULL; w++)
        {
          g_string_append (out, w != brief->keywords ? "," : "");
          abridge_json_append_string (out, valid (report, *w), -1);
        }
      g_string_append_c (out, ']');
    }
  if (entry->error != NULL)
    json_member (out, "error", valid (report, entry->error));
  g_string_append_c (out, '}');
}

/* ---- the API ----------------------------------------------------------------- */

abridge_report *
abridge_report_new (const abridge_report_options *options, GError **error)
{
  g_return_val_if_fail (options != NULL, NULL);
  if ((guint) options->format > ABRIDGE_REPORT_JSONL
      || (guint) options->group_by > ABRIDGE_GROUP_DATE || (guint) options->sort > ABRIDGE_SORT_DATE)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "unknown report format, grouping or sort order (%d, %d, %d)",
                   (int) options->format, (int) options->group_by, (int) options->sort);
      return NULL;
    }
  char *spool_path = NULL;
  GError *local = NULL;
  int fd = g_file_open_tmp ("abridge-report-XXXXXX", &spool_path, &local);
  if (fd < 0)
    {
      g_set_error (error, G_FILE_ERROR, local->code, "cannot create the report's spool file: %s",
                   local->message);
      g_error_free (local);
      return NULL;
    }
  /* Unlinked at once: the spool goes away with the process, however it ends. */
  g_unlink (spool_path);

  abridge_report *report = g_new0 (abridge_report, 1);
  report->format = options->format;
  report->group_by = options->group_by;
  report->sort = options->sort;
  report->title = dup_valid (options->title != NULL ? options->title : "abridge report");
  report->plugin = dup_valid (options->plugin);
  report->budget = dup_valid (options->budget);
  report->timestamp = dup_valid (options->timestamp);
  char *display = g_filename_display_name (spool_path);
  report->spool_name = g_strdup_printf ("the report's spool file %s", display);
  sink_init (&report->spool, fd, report->spool_name);
  g_free (display);
  g_free (spool_path);
  report->entries = g_array_new (FALSE, FALSE, sizeof (ReportEntry));
  report->strings = g_string_chunk_new (64 * 1024);
  report->section = g_string_sized_new (4096);
  report->toc = g_string_sized_new (256);
  report->scratch = g_ptr_array_new_with_free_func (g_free);
  return report;
}

gboolean
abridge_report_add (abridge_report *report, const abridge_report_entry *entry, GError **error)
{
  g_return_val_if_fail (report != NULL && entry != NULL, FALSE);
  if (report->spool.error != NULL)
    {
      /* A half-written spool has no trustworthy offsets: stay failed. */
      g_propagate_error (error, g_error_copy (report->spool.error));
      return FALSE;
    }
  if (entry->id == NULL)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                   "report entry %" G_GUINT64_FORMAT " has no id", entry->seq);
      return FALSE;
    }

  ReportEntry e = { 0 };
  e.seq = entry->seq;
  e.failed = entry->error != NULL;
  e.group = group_key (report, entry);
  e.sort_key = sort_key (report, entry);

  g_string_truncate (report->section, 0);
  g_string_truncate (report->toc, 0);
  switch (report->format)
    {
    case ABRIDGE_REPORT_MARKDOWN:
      markdown_entry (report, report->section, entry);
      break;
    case ABRIDGE_REPORT_HTML:
      html_entry (report, report->section, report->toc, entry);
      break;
    case ABRIDGE_REPORT_JSON:
    case ABRIDGE_REPORT_JSONL:
      json_entry (report, report->section, entry, e.group);
      break;
    }
  g_ptr_array_set_size (report->scratch, 0);

  if (report->section->len > G_MAXUINT32 || report->toc->len > G_MAXINT32)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT,
                   "report entry %s renders to more than 4 GiB", entry->id);
      return FALSE;
    }
  e.offset = report->spool.bytes;
  e.length = (guint32) report->section->len;
  e.toc_length = (guint32) report->toc->len & G_MAXINT32;
  sink_write (&report->spool, report->section->str, report->section->len);
  sink_write (&report->spool, report->toc->str, report->toc->len);
  if (report->spool.error != NULL)
    {
      g_propagate_error (error, g_error_copy (report->spool.error));
      return FALSE;
    }
  g_array_append_val (report->entries, e);
  report->failures += e.failed;
  /* A huge brief must not keep its buffer for the rest of the run. */
  if (report->section->allocated_len > 1024 * 1024)
    {
      g_string_free (report->section, TRUE);
      report->section = g_string_sized_new (4096);
    }
  return TRUE;
}

void
abridge_report_free (abridge_report *report)
{
  if (report == NULL)
    return;
  if (report->spool.fd >= 0)
    close (report->spool.fd);
  sink_clear (&report->spool);
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

/* ---- ordering ------------------------------------------------------------------ */

/* NULL (a missing title, date or group) after every value. */
static int
compare_keys (const char *a, const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return strcmp (a, b);
}

/* Indices into the entries: by group, then key, then seq. seq last makes it a
 * total order, so ties keep input order and the output never depends on the
 * order entries were added in (parallel workers) or on qsort's stability. */
static gint
compare_entries (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const abridge_report *report = data;
  const ReportEntry *a = &g_array_index (report->entries, ReportEntry, *(const guint *) pa);
  const ReportEntry *b = &g_array_index (report->entries, ReportEntry, *(const guint *) pb);
  int c = compare_keys (a->group, b->group);
  if (c == 0)
    c = compare_keys (a->sort_key, b->sort_key);
  if (c == 0)
    c = (a->seq > b->seq) - (a->seq < b->seq);
  return c;
}

static gint
compare_seq (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const abridge_report *report = data;
  const ReportEntry *a = &g_array_index (report->entries, ReportEntry, *(const guint *) pa);
  const ReportEntry *b = &g_array_index (report->entries, ReportEntry, *(const guint *) pb);
  return (a->seq > b->seq) - (a->seq < b->seq);
}

/* ---- assembling the output ---------------------------------------------------- */

static const char html_style[] =
  ":root{color-scheme:light}\n"
  "body{font:17px/1.55 Georgia,\"Times New Roman\",serif;color:#1b1b1b;background:#fff;"
  "max-width:44em;margin:2.5em auto;padding:0 1.2em}\n"
  "h1{font-size:2em;line-height:1.2;margin:0 0 .3em}\n"
  "h2{font-size:1.4em;border-bottom:1px solid #d5d5d0;padding-bottom:.15em;margin:2em 0 .6em}\n"
  "h3{font-size:1.15em;margin:1.6em 0 .3em}\n"
  "article h2,article h3{line-height:1.3}\n"
  ".summary{font-size:1.1em;margin:.2em 0}\n"
  ".params,.meta,nav.toc,.failures ul{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,"
  "\"Helvetica Neue\",Arial,sans-serif}\n"
  ".params{color:#555;font-size:.85em;margin:.2em 0 1.5em}\n"
  ".meta{color:#5a5a5a;font-size:.82em;margin:0 0 .6em}\n"
  ".meta .id{font-family:ui-monospace,Menlo,Consolas,monospace}\n"
  "nav.toc{background:#f6f5f1;border:1px solid #e2e0d8;border-radius:6px;padding:.6em 1.2em;"
  "font-size:.92em}\n"
  "nav.toc h2{font-size:1em;border:0;margin:.2em 0;padding:0}\n"
  "nav.toc ol{margin:.2em 0;padding-left:1.6em}\n"
  "a{color:#1d4f91;text-decoration:none}\n"
  "a:hover{text-decoration:underline}\n"
  "ul.brief{padding-left:1.2em;margin:.4em 0}\n"
  "ul.brief li{margin:.35em 0}\n"
  "li.quote .who{color:#555;font-style:italic}\n"
  ".keywords{color:#555;font-size:.9em}\n"
  ".empty{color:#777;font-style:italic}\n"
  ".failures ul{font-size:.92em}\n"
  ".failures li{margin:.3em 0}\n"
  ".failures code{background:#f3f1ec;padding:0 .25em;border-radius:3px}\n"
  "@media print{\n"
  "body{font-size:11pt;max-width:none;margin:0;padding:0;color:#000}\n"
  "nav.toc{background:none;border:0;padding:0}\n"
  "a{color:#000}\n"
  "article,li{break-inside:avoid}\n"
  "h1,h2,h3{break-after:avoid}\n"
  "}\n";

static void
write_header (abridge_report *report, Sink *out, double seconds)
{
  GString *s = g_string_new (NULL);
  guint64 n = report->entries->len;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *secs = g_ascii_formatd (buf, sizeof buf, "%.1f", isfinite (seconds) ? seconds : 0);
  switch (report->format)
    {
    case ABRIDGE_REPORT_MARKDOWN:
      g_string_append (s, "# ");
      md_inline (s, report->title);
      g_string_append (s, "\n\n");
      if (report->plugin != NULL)
        {
          g_string_append (s, "- Plugins: ");
          md_inline (s, report->plugin);
          g_string_append_c (s, '\n');
        }
      if (report->budget != NULL)
        {
          g_string_append (s, "- Budget: ");
          md_inline (s, report->budget);
          g_string_append_c (s, '\n');
        }
      g_string_append_printf (s, "- Articles: %" G_GUINT64_FORMAT "\n", n);
      g_string_append_printf (s, "- Failures: %" G_GUINT64_FORMAT "\n", report->failures);
      if (report->timestamp != NULL)
        {
          g_string_append (s, "- Generated: ");
          md_inline (s, report->timestamp);
          g_string_append_printf (s, " in %s s\n", secs);
        }
      g_string_append_c (s, '\n');
      break;
    case ABRIDGE_REPORT_HTML:
      g_string_append (s, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          /* Belt and braces: even an escaping bug could load nothing. */
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                          "style-src 'unsafe-inline'\">\n"
                          "<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
      html_escape (s, report->title);
      g_string_append (s, "</title>\n<style>\n");
      g_string_append (s, html_style);
      g_string_append (s, "</style>\n</head>\n<body>\n<header>\n<h1>");
      html_escape (s, report->title);
      g_string_append (s, "</h1>\n<p class=\"summary\">");
      append_plural (s, n, "article", "articles");
      g_string_append (s, ", ");
      append_plural (s, report->failures, "failure", "failures");
      if (report->timestamp != NULL)
        {
          g_string_append (s, "; generated ");
          html_escape (s, report->timestamp);
          g_string_append_printf (s, " in %s s", secs);
        }
      g_string_append (s, ".</p>\n<p class=\"params\">");
      if (report->plugin != NULL)
        {
          g_string_append (s, "Plugins: <b>");
          html_escape (s, report->plugin);
          g_string_append (s, "</b>");
        }
      if (report->budget != NULL)
        {
          g_string_append (s, report->plugin != NULL ? " · Budget: <b>" : "Budget: <b>");
          html_escape (s, report->budget);
          g_string_append (s, "</b>");
        }
      g_string_append (s, "</p>\n</header>\n");
      break;
    case ABRIDGE_REPORT_JSON:
      g_string_append (s, "{\"report\":{\"title\":");
      abridge_json_append_string (s, report->title, -1);
      json_member (s, "plugin", report->plugin);
      json_member (s, "budget", report->budget);
      g_string_append_printf (s, ",\"articles\":%" G_GUINT64_FORMAT ",\"failures\":%" G_GUINT64_FORMAT,
                              n, report->failures);
      if (report->timestamp != NULL)
        {
          json_member (s, "timestamp", report->timestamp);
          g_string_append_printf (s, ",\"seconds\":%s", secs);
        }
      g_string_append (s, "},\n\"articles\":[");
      break;
    case ABRIDGE_REPORT_JSONL:
      break; /* results only: every line is an article */
    }
  sink_puts (out, s->str);
  g_string_free (s, TRUE);
}

static void
write_group_heading (abridge_report *report, Sink *out, const char *group, guint number,
                     gboolean first)
{
  GString *s = g_string_new (NULL);
  if (report->format == ABRIDGE_REPORT_MARKDOWN)
    {
      g_string_append (s, "## ");
      md_inline (s, group_label (report, group));
      g_string_append (s, "\n\n");
    }
  else
    {
      g_string_append_printf (s, "%s<section class=\"group\" id=\"g-%u\">\n<h2>",
                              first ? "" : "</section>\n", number);
      html_escape (s, group_label (report, group));
      g_string_append (s, "</h2>\n");
    }
  sink_puts (out, s->str);
  g_string_free (s, TRUE);
}

/* HTML: the table of contents, from the TOC lines spooled with each section. */
static void
write_toc (abridge_report *report, Sink *out, const GArray *order)
{
  sink_puts (out, "<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
  const char *group = NULL;
  guint groups = 0;
  for (guint i = 0; i < order->len; i++)
    {
      const ReportEntry *e = &g_array_index (report->entries, ReportEntry,
                                             g_array_index (order, guint, i));
      if (e->failed)
        continue;
      if (report->group_by != ABRIDGE_GROUP_NONE && (groups == 0 || e->group != group))
        {
          GString *s = g_string_new (groups > 0 ? "</ol></li>\n" : "");
          g_string_append_printf (s, "<li><a href=\"#g-%u\">", ++groups);
          html_escape (s, group_label (report, e->group));
          g_string_append (s, "</a>\n<ol>\n");
          sink_puts (out, s->str);
          g_string_free (s, TRUE);
          group = e->group;
        }
      spool_copy (report, out, e->offset + e->length, e->toc_length);
    }
  if (groups > 0)
    sink_puts (out, "</ol></li>\n");
  if (report->failures > 0)
    {
      char *line = g_strdup_printf ("<li><a href=\"#failures\">Failures (%" G_GUINT64_FORMAT
                                    ")</a></li>\n", report->failures);
      sink_puts (out, line);
      g_free (line);
    }
  sink_puts (out, "</ol>\n</nav>\n<main>\n");
}

static void
write_body (abridge_report *report, Sink *out, const GArray *order, const GArray *by_seq)
{
  gboolean json = report->format == ABRIDGE_REPORT_JSON || report->format == ABRIDGE_REPORT_JSONL;
  const char *group = NULL;
  guint groups = 0, written = 0;
  for (guint i = 0; i < order->len && out->error == NULL; i++)
    {
      const ReportEntry *e = &g_array_index (report->entries, ReportEntry,
                                             g_array_index (order, guint, i));
      if (e->failed && !json)
        continue; /* listed under Failures */
      /* Group keys are interned, so one group is one pointer. */
      if (!json && report->group_by != ABRIDGE_GROUP_NONE && (groups == 0 || e->group != group))
        {
          groups++;
          write_group_heading (report, out, e->group, groups, groups == 1);
          group = e->group;
        }
      if (report->format == ABRIDGE_REPORT_JSON)
        sink_puts (out, written > 0 ? ",\n" : "\n");
      spool_copy (report, out, e->offset, e->length);
      if (report->format == ABRIDGE_REPORT_JSONL)
        sink_puts (out, "\n");
      written++;
    }
  if (report->format == ABRIDGE_REPORT_HTML && groups > 0)
    sink_puts (out, "</section>\n");
  if (json || report->failures == 0)
    return;

  /* Failures in input order, whatever the sort: they are a to-do list of
   * inputs, not briefs to read. */
  sink_puts (out, report->format == ABRIDGE_REPORT_MARKDOWN
                    ? "## Failures\n\n"
                    : "<section id=\"failures\" class=\"failures\">\n<h2>Failures</h2>\n<ul>\n");
  for (guint i = 0; i < by_seq->len && out->error == NULL; i++)
    {
      const ReportEntry *e = &g_array_index (report->entries, ReportEntry,
                                             g_array_index (by_seq, guint, i));
      if (e->failed)
        spool_copy (report, out, e->offset, e->length);
    }
  sink_puts (out, report->format == ABRIDGE_REPORT_MARKDOWN ? "\n" : "</ul>\n</section>\n");
}

static void
write_report (abridge_report *report, Sink *out, double seconds, const GArray *order,
              const GArray *by_seq)
{
  write_header (report, out, seconds);
  if (report->format == ABRIDGE_REPORT_HTML)
    write_toc (report, out, order);
  write_body (report, out, order, by_seq);
  if (report->format == ABRIDGE_REPORT_HTML)
    sink_puts (out, "</main>\n</body>\n</html>\n");
  else if (report->format == ABRIDGE_REPORT_JSON)
    sink_puts (out, "\n]}\n");
  sink_flush (out);
}

/* The two orders finish() needs, or FALSE when two entries share a seq (their
 * anchors would clash). */
static gboolean
order_entries (abridge_report *report, GArray **order, GArray **by_seq, GError **error)
{
  guint n = report->entries->len;
  *by_seq = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  for (guint i = 0; i < n; i++)
    g_array_append_val (*by_seq, i);
  g_array_sort_with_data (*by_seq, compare_seq, report);
  for (guint i = 1; i < n; i++)
    {
      const ReportEntry *a = &g_array_index (report->entries, ReportEntry,
                                             g_array_index (*by_seq, guint, i - 1));
      const ReportEntry *b = &g_array_index (report->entries, ReportEntry,
                                             g_array_index (*by_seq, guint, i));
      if (a->seq == b->seq)
        {
          g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_USAGE,
                       "two report entries have seq %" G_GUINT64_FORMAT, a->seq);
          g_clear_pointer (by_seq, g_array_unref);
          return FALSE;
        }
    }
  if (report->sort == ABRIDGE_SORT_INPUT && report->group_by == ABRIDGE_GROUP_NONE)
    {
      *order = g_array_ref (*by_seq);
      return TRUE;
    }
  *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_array_append_vals (*order, (*by_seq)->data, n);
  g_array_sort_with_data (*order, compare_entries, report);
  return TRUE;
}

/* Opens where the report goes. A regular file (or a new one) is written
 * under a temporary name in its directory (*TMP_PATH, to rename); anything
 * else that exists (/dev/stdout, a FIFO, /dev/full) is written in place:
 * renaming over a device node would replace it. */
static int
open_output (const char *path, char **tmp_path, GError **error)
{
  *tmp_path = NULL;
  char *display = g_filename_display_name (path);
  GStatBuf st;
  gboolean exists = g_stat (path, &st) == 0;
  int fd = -1;
  if (exists && S_ISDIR (st.st_mode))
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, "cannot write the report to %s: %s",
                 display, g_strerror (EISDIR));
  else if (exists && !S_ISREG (st.st_mode))
    {
      fd = g_open (path, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
      if (fd < 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "cannot open %s: %s", display, g_strerror (saved));
        }
    }
  else
    {
      char *dir = g_path_get_dirname (path);
      char *base = g_path_get_basename (path);
      char *name = g_strdup_printf (".%s.XXXXXX", base);
      *tmp_path = g_build_filename (dir, name, NULL);
      fd = g_mkstemp_full (*tmp_path, O_WRONLY | O_CLOEXEC, 0666);
      if (fd < 0)
        {
          int saved = errno;
          char *dir_display = g_filename_display_name (dir);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "cannot write the report %s: cannot create a file in %s: %s", display,
                       dir_display, g_strerror (saved));
          g_free (dir_display);
          g_clear_pointer (tmp_path, g_free);
        }
      g_free (name);
      g_free (base);
      g_free (dir);
    }
  g_free (display);
  return fd;
}

gboolean
abridge_report_finish (abridge_report *report, const char *path, double seconds, GError **error)
{
  g_return_val_if_fail (report != NULL && path != NULL, FALSE);
  GArray *order = NULL, *by_seq = NULL;
  gboolean ok = FALSE;

  sink_flush (&report->spool);
  if (report->spool.error != NULL)
    {
      g_propagate_error (error, g_error_copy (report->spool.error));
      abridge_report_free (report);
      return FALSE;
    }
  if (!order_entries (report, &order, &by_seq, error))
    {
      abridge_report_free (report);
      return FALSE;
    }

  gboolean to_stdout = strcmp (path, "-") == 0;
  char *tmp_path = NULL;
  int fd;
  if (to_stdout)
    {
      fflush (stdout); /* what stdio holds goes first */
      fd = STDOUT_FILENO;
    }
  else
    fd = open_output (path, &tmp_path, error);
  if (fd >= 0)
    {
      char *display = to_stdout ? g_strdup ("standard output") : g_filename_display_name (path);
      Sink out;
      sink_init (&out, fd, display);
      write_report (report, &out, seconds, order, by_seq);
      /* fsync before rename: after a crash the name holds all of the report
       * or the old file, never a truncated one. */
      if (out.error == NULL && tmp_path != NULL && fsync (fd) != 0)
        sink_fail_errno (&out, "write", errno);
      if (!to_stdout && close (fd) != 0)
        sink_fail_errno (&out, "write", errno);
      if (out.error == NULL && tmp_path != NULL && g_rename (tmp_path, path) != 0)
        {
          int saved = errno;
          g_set_error (&out.error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "cannot rename the finished report to %s: %s", display, g_strerror (saved));
        }
      ok = out.error == NULL;
      if (!ok)
        {
          g_propagate_error (error, out.error);
          out.error = NULL;
          if (tmp_path != NULL)
            g_unlink (tmp_path);
        }
      sink_clear (&out);
      g_free (display);
    }
  g_free (tmp_path);
  g_array_unref (order);
  g_array_unref (by_seq);
  abridge_report_free (report);
  return ok;
}
