/* A batch's progress line on stderr: how many articles of how many, how
 * many failed, how fast, and how long is left once the total is known.
 * The total is counted by a thread of its own while the batch runs, so
 * that a large corpus starts at once. */
#ifndef ABRIDGE_BATCH_PROGRESS_H
#define ABRIDGE_BATCH_PROGRESS_H

#include <abridge/batch.h>

typedef struct abr_progress abr_progress;

/* Starts the clock and the count of INPUT's articles (not kept: its
 * strings must outlive the progress). */
abr_progress *abr_progress_new (const abridge_reader_options *input);

/* Shows DONE articles read so far, FAILED of them failed: at most four
 * times a second, unless FINAL (the last line, ended by a newline). */
void abr_progress_show (abr_progress *progress, guint64 done, guint64 failed, gboolean final);

/* Stops the count and frees PROGRESS (may be NULL). */
void abr_progress_free (abr_progress *progress);

/* The number of articles reading INPUT yields, each shard its own, or -1
 * when a stream (standard input, a FIFO) is among the inputs. Reads every
 * JSON Lines file through for its lines; gives up (-1) once *STOP is set
 * (may be NULL). */
gint64 abr_progress_count (const abridge_reader_options *input, const gint *stop);

/* The progress line without its "\r": "abridge: 120/500 articles, 2 failed,
 * 35/s, 0:42 left", with TOTAL -1 for unknown (then no ETA); FINAL: what
 * became of the run and how long it took. */
void abr_progress_format (GString *out, guint64 done, guint64 failed, gint64 total,
                          double seconds, gboolean final);

#endif
