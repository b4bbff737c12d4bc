/* How counts and dates read in what people see: reports, the progress
 * line. One place, so that every format says the same thing. */
#ifndef ABRIDGE_OUTPUT_WORDING_H
#define ABRIDGE_OUTPUT_WORDING_H

#include <glib.h>

/* Appends N and the noun that agrees with it: "1 article", "4 articles". */
void abr_append_count (GString *out, guint64 n, const char *one, const char *many);

/* Appends what became of a run's ARTICLES, every article read (failed
 * ones too), FAILURES of which failed: "1 article", "5 articles" when none
 * failed, else "4 articles: 3 summarized, 1 failed". */
void abr_append_outcome (GString *out, guint64 articles, guint64 failures);

/* Appends DATE as people write it ("5 December 2026") when it opens with
 * an ISO 8601 calendar date ("2026-12-05", "2026-12-05T10:00:00Z"; the
 * time is left out: the day is what a reader wants) and returns TRUE;
 * otherwise appends nothing and returns FALSE. DAY (may be NULL) gets the
 * date's "YYYY-MM-DD", for a machine-readable copy. */
gboolean abr_append_readable_date (GString *out, const char *date, char day[11]);

/* Appends SECONDS as a clock shows a duration: "0:42", "12:05", "1:02:03". */
void abr_append_duration (GString *out, double seconds);

#endif
