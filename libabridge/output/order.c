/* Reports in groups and orders that do not depend on the locale, the
 * workers' timing or qsort's stability. */
#include "config.h"
#include "output/report.h"

#include <string.h>

static gboolean
is_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

/* The group an entry falls in. A date groups by its day ("2024-03-05" of
 * "2024-03-05T10:00Z"), else one group per timestamp would be the norm. */
const char *
abr_report_group_key (abridge_report *report, const abridge_report_entry *entry)
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
  value = abr_write_valid (&report->ctx, value);
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
const char *
abr_report_sort_key (abridge_report *report, const abridge_report_entry *entry)
{
  switch (report->sort)
    {
    case ABRIDGE_SORT_INPUT:
      return NULL;
    case ABRIDGE_SORT_TITLE:
      {
        const char *title = abr_write_valid (&report->ctx, entry->title);
        if (is_empty (title))
          return NULL;
        char *folded = g_utf8_casefold (title, -1);
        const char *key = g_string_chunk_insert (report->strings, g_strstrip (folded));
        g_free (folded);
        return key;
      }
    case ABRIDGE_SORT_DATE:
      {
        const char *date = abr_write_valid (&report->ctx, entry->date);
        return is_empty (date) ? NULL : g_string_chunk_insert_const (report->strings, date);
      }
    }
  return NULL;
}

const char *
abr_report_group_label (const abridge_report *report, const char *group)
{
  if (group != NULL)
    return group;
  return report->group_by == ABRIDGE_GROUP_DATE ? "Undated" : "Unknown source";
}

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
  const abr_report_line *a = &g_array_index (report->entries, abr_report_line, *(const guint *) pa);
  const abr_report_line *b = &g_array_index (report->entries, abr_report_line, *(const guint *) pb);
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
  const abr_report_line *a = &g_array_index (report->entries, abr_report_line, *(const guint *) pa);
  const abr_report_line *b = &g_array_index (report->entries, abr_report_line, *(const guint *) pb);
  return (a->seq > b->seq) - (a->seq < b->seq);
}

gboolean
abr_report_order (abridge_report *report, GArray **order, GArray **by_seq, GError **error)
{
  guint n = report->entries->len;
  *by_seq = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  for (guint i = 0; i < n; i++)
    g_array_append_val (*by_seq, i);
  g_array_sort_with_data (*by_seq, compare_seq, report);
  for (guint i = 1; i < n; i++)
    {
      const abr_report_line *a = &g_array_index (report->entries, abr_report_line,
                                             g_array_index (*by_seq, guint, i - 1));
      const abr_report_line *b = &g_array_index (report->entries, abr_report_line,
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
