/* How counts and dates read in what people see. */
#include "config.h"
#include "output/wording.h"

#include <math.h>
#include <string.h>

void
abr_append_count (GString *out, guint64 n, const char *one, const char *many)
{
  g_string_append_printf (out, "%" G_GUINT64_FORMAT " %s", n, n == 1 ? one : many);
}

void
abr_append_outcome (GString *out, guint64 articles, guint64 failures)
{
  abr_append_count (out, articles, "article", "articles");
  /* "4 articles, 3 failures" was read as seven inputs: once anything
   * failed, both parts are named. */
  if (failures > 0)
    g_string_append_printf (out, ": %" G_GUINT64_FORMAT " summarized, %" G_GUINT64_FORMAT " failed",
                            articles > failures ? articles - failures : 0, failures);
}

/* N digits at S, as a number; -1 when they are not all digits. */
static int
digits (const char *s, int n)
{
  int value = 0;
  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return -1;
      value = value * 10 + (s[i] - '0');
    }
  return value;
}

gboolean
abr_append_readable_date (GString *out, const char *date, char day[11])
{
  /* English month names whatever the locale: the report is lang="en". */
  static const char *const months[] = { "January", "February", "March",     "April",
                                        "May",     "June",     "July",      "August",
                                        "September", "October", "November", "December" };
  if (date == NULL || strlen (date) < 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  int y = digits (date, 4), m = digits (date + 5, 2), d = digits (date + 8, 2);
  /* What may follow the day: a time, or nothing. "2026-12-05x" is not a date. */
  char next = date[10];
  if (y < 1 || m < 1 || d < 1 || (next != '\0' && next != 'T' && next != 't' && next != ' ')
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_string_append_printf (out, "%d %s %d", d, months[m - 1], y);
  if (day != NULL)
    {
      memcpy (day, date, 10);
      day[10] = '\0';
    }
  return TRUE;
}

void
abr_append_duration (GString *out, double seconds)
{
  guint64 s = isfinite (seconds) && seconds > 0 ? (guint64) (seconds + 0.5) : 0;
  if (s >= 3600)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT ":%02u:%02u", s / 3600,
                            (unsigned) (s / 60 % 60), (unsigned) (s % 60));
  else
    g_string_append_printf (out, "%u:%02u", (unsigned) (s / 60), (unsigned) (s % 60));
}
