/* libabridge: many articles in, one report out.
 *
 * The path every article takes, whether it is one file summarized at a
 * shell or a million records of a corpus: a reader turns the inputs
 * (files, directories, JSON Lines corpora, web pages, standard input) into
 * items by one detection rule; abridge_batch_run() prepares each item,
 * builds its document and brief on as many threads as asked, and hands
 * the outcomes in input order to a report, which writes them in one of
 * the output formats. `abridge FILE` is a batch of one whose report
 * streams each brief as it comes ("briefs" below); `abridge batch` writes a
 * whole report with a header, groups and a failures section.
 */
#ifndef ABRIDGE_BATCH_H
#define ABRIDGE_BATCH_H

#include <abridge/abridge.h>

G_BEGIN_DECLS

/* ---- reading: inputs become items ------------------------------------------ */

typedef enum {
  /** By name and content: a *.jsonl file, or standard input whose first
   * byte other than white space is '{', is JSON Lines; a file or stream
   * that looks like a web page (abridge_html_detect()) is HTML; anything
   * else is one article of plain text. */
  ABRIDGE_INPUT_AUTO,
  ABRIDGE_INPUT_TEXT,
  ABRIDGE_INPUT_HTML,
  ABRIDGE_INPUT_JSONL,
} AbridgeInputFormat;

/** Parses "text", "html" or "jsonl". */
ABRIDGE_API gboolean abridge_input_format_parse (const char *name, AbridgeInputFormat *format);

typedef struct abridge_reader_options {
  const char *const *inputs; /**< files, directories, "-" (standard input);
                                  NULL or empty: standard input */
  const char *glob;          /**< names taken from directories (NULL: every file) */
  AbridgeInputFormat format;
  gsize max_bytes;           /**< larger articles and records fail; 0: the default */
  abridge_page_limits page_limits; /**< web pages beyond them fail; 0: the defaults */
  guint shard_index;         /**< with shard_count > 1, only the articles whose */
  guint shard_count;         /**< number mod shard_count is shard_index */
  /** Where the reader adds the bytes it has gone through, skipped shards'
   * too (atomically: another thread may show progress); may be NULL. */
  gsize *consumed;
} abridge_reader_options;

/** One article as the reader found it. Reading is cheap; what is not
 * (parsing a record, extracting a page's article) is left to
 * abridge_item_prepare(), so that it runs in parallel. Strings are
 * NUL-terminated UTF-8 or NULL, owned by the item. */
typedef struct abridge_item {
  guint64 number;  /**< in the whole input (every shard's), from 0 */
  char *id;        /**< a record's "id", else FILE:LINE of a record, else the path */
  char *file;      /**< the input path it came from, as given ("-": standard input) */
  gboolean record; /**< read from JSON Lines */
  gboolean page;   /**< a web page */
  char *title;     /**< given by the record or the page; else the document finds one */
  char *source, *date, *url, *author, *site_name;
  char *summary;   /**< a record's reference summary */
  char *description; /**< a page's description */
  char *language;  /**< a page's <html lang> */
  char *text;      /**< the article; a record or page only once prepared */
  gsize len;
  gsize raw_len;   /**< bytes read for it */
  gboolean stream; /**< read from a stream (a pipe, a terminal): pass it on at once */
  char *warning;   /**< read with a warning ("not UTF-8: read as Windows-1252") */
  char *error;     /**< not an article: why (unreadable, malformed record, …) */
  int state_;      /* private */
  abridge_page_limits page_limits_; /* private: the reader's */
  void *offsets_;  /* private: plain text's offsets mapped back to the input's bytes */
} abridge_item;

/** Called with each item in input order; the callee owns ITEM. Returns
 * FALSE to stop reading. */
typedef gboolean (*AbridgeItemFunc) (abridge_item *item, gpointer user_data);

/** Reads every input of OPTIONS in order and calls FUNC with each item,
 * including those that could not be read (their error set): one bad input
 * never stops the others. Directories are walked in name order, skipping
 * hidden entries and symbolic links (as find and grep -r do: a link
 * planted in a tree read as root must not read what it points to); an
 * input named itself is followed when a link. Returns FALSE when
 * FUNC stopped the reading. */
ABRIDGE_API gboolean abridge_read (const abridge_reader_options *options, AbridgeItemFunc func,
                                   gpointer user_data);

/** Whether the inputs hold, or may hold, more than one article: several
 * inputs, a directory, or JSON Lines (standard input is looked at). */
ABRIDGE_API gboolean abridge_read_is_many (const abridge_reader_options *options);

/** Whether reading OPTIONS reads the file PATH names (its symbolic links
 * followed), or would read it once written: PATH is one of the inputs (the
 * same file, whatever its name), or lies in an input directory where the
 * walk would take it. *INPUT is then that input and *IN_DIRECTORY whether
 * it is a directory. A report written there would destroy its input, or
 * be read back as an article by the next run: `abridge batch` refuses
 * such an --output, as cp refuses to copy a file onto itself. */
ABRIDGE_API gboolean abridge_read_would_read (const abridge_reader_options *options,
                                              const char *path, const char **input,
                                              gboolean *in_directory);

/** The bytes of every input, for an estimate of the time left; 0 when
 * unknown (a stream is among them). */
ABRIDGE_API guint64 abridge_read_total_bytes (const abridge_reader_options *options);

/** Parses a record, or extracts a page's article, into ITEM's text and
 * metadata. Returns FALSE with ITEM->error set when that fails, or when
 * the text is empty or blank ("no text"); else TRUE. Thread-safe. */
ABRIDGE_API gboolean abridge_item_prepare (abridge_item *item);
ABRIDGE_API void abridge_item_free (abridge_item *item);

/* ---- reports ---------------------------------------------------------------- */

typedef enum {
  ABRIDGE_REPORT_MARKDOWN,
  ABRIDGE_REPORT_HTML,
  ABRIDGE_REPORT_JSON,
  ABRIDGE_REPORT_JSONL,
  ABRIDGE_REPORT_TEXT, /**< briefs only */
  /* Since 0.4, briefs only */
  ABRIDGE_REPORT_PAGE,     /**< one article as a standalone HTML page, its brief marked */
  ABRIDGE_REPORT_KEYWORDS, /**< each article's keywords, one a line */
} AbridgeReportFormat;

typedef enum { ABRIDGE_GROUP_NONE, ABRIDGE_GROUP_SOURCE, ABRIDGE_GROUP_DATE } AbridgeReportGroup;
typedef enum { ABRIDGE_SORT_INPUT, ABRIDGE_SORT_TITLE, ABRIDGE_SORT_DATE } AbridgeReportSort;

typedef struct abridge_report_options {
  AbridgeReportFormat format;
  AbridgeReportGroup group_by;
  AbridgeReportSort sort;
  const char *title;     /**< the report's title; NULL: "abridge report" */
  const char *plugin;    /**< the plugin set, as shown in the parameters */
  const char *budget;    /**< the budget, as shown ("3 sentences") */
  const char *timestamp; /**< shown when not NULL; NULL keeps reports reproducible */
  /** Briefs, not a report: each entry is written to BRIEFS_TO as soon as
   * it is added, as `abridge FILE` writes it (no header, no grouping or
   * sorting; a failed entry writes nothing). TEXT, MARKDOWN, JSON,
   * JSONL, PAGE (one article) and KEYWORDS only. */
  gboolean briefs;
  /** A path, or "-": standard output. A file is written as a report is
   * (see abridge_report_finish()) and left as it was when not one brief
   * was made. */
  const char *briefs_to;
  gboolean many;         /**< briefs of several articles: text headers, JSON as JSON Lines */
} abridge_report_options;

/** One article's outcome, handed to abridge_report_add() in input order. */
typedef struct abridge_report_entry {
  guint64 seq;          /**< 0, 1, 2 … in input order */
  const char *id;       /**< record id, or the file path; never NULL */
  const char *title;    /**< or NULL; so are the rest */
  const char *source;
  const char *date;
  const char *url;
  const char *dateline;
  const char *error;    /**< non-NULL: the article failed, with this reason */
  const abridge_brief *brief; /**< when it did not fail: its items (sentences or
                                   extracts with their annotations), keywords */
  /* Since 0.2 */
  const char *file;     /**< the input it came from */
  const char *language; /**< ISO 639-1 code the article was read in */
  const char *author;   /**< a web page's metadata */
  const char *site_name;
  const char *plugin;   /**< the plugin set that made the brief */
  gboolean record;      /**< the article was a JSON Lines record (named by id) */
  gboolean page;        /**< the article was a web page (its metadata shown) */
  /* Since 0.4 */
  /** The article's text, which the brief's spans index, for a format that
   * shows the whole article (ABRIDGE_REPORT_PAGE); may be NULL. */
  const char *text;
  gsize text_len;
} abridge_report_entry;

typedef struct abridge_report abridge_report;

/** A report in FORMAT. A whole report's entries go to a spool file in
 * TMPDIR so that a million articles cost no memory; briefs are written
 * at once. */
ABRIDGE_API abridge_report *abridge_report_new (const abridge_report_options *options,
                                                GError **error);

/** Adds one entry (copied: nothing of ENTRY is kept). */
ABRIDGE_API gboolean abridge_report_add (abridge_report *report, const abridge_report_entry *entry,
                                         GError **error);

/** Writes the whole report to PATH ("-": standard output) and frees
 * REPORT. A file is written under a temporary name in its directory and
 * renamed when complete, so a reader never sees half a report; the file
 * it replaces keeps its mode and group (or loses the group's permissions
 * when the group cannot be kept), a symbolic link PATH stays and the file
 * it names is replaced, and a file with several hard links is written in
 * place, as `sort -o` writes, so that its links stay. SECONDS is
 * the run's duration (shown only with a timestamp). Briefs were written
 * already: PATH is ignored and the output is flushed and closed. */
ABRIDGE_API gboolean abridge_report_finish (abridge_report *report, const char *path,
                                            double seconds, GError **error);

/** Removes the temporary files of reports being written by
 * abridge_report_finish() (in any thread). Async-signal-safe: for a
 * handler of SIGINT, SIGTERM or SIGHUP that then dies of the signal, so
 * that an interrupted run leaves nothing beside the report's name. */
ABRIDGE_API void abridge_remove_temporary_files (void);

/** Briefs: writes what is buffered to the output now (a batch does when
 * it waits for the next article, so that briefs of a slow stream appear
 * as they are made). A whole report: does nothing. */
ABRIDGE_API gboolean abridge_report_flush (abridge_report *report, GError **error);

/** The briefs format of a summary format (-f of `abridge FILE`). */
ABRIDGE_API AbridgeReportFormat abridge_format_briefs (AbridgeFormat format);

/** Frees a report without writing it (on error paths). */
ABRIDGE_API void abridge_report_free (abridge_report *report);

/** Merges the results of a sharded batch (each `batch --shard I/K
 * --report jsonl`, of articles up to MAX_BYTES) into REPORT in article
 * order; fails on a malformed, missing or repeated result. */
ABRIDGE_API gboolean abridge_report_merge (abridge_report *report, char **paths, gsize max_bytes,
                                           guint64 *articles, guint64 *failures, GError **error);

/* ---- batch runs ---------------------------------------------------------------- */

/** Where plugins run. */
typedef enum {
  /** In worker processes when a plugin of the set is not one abridge
   * ships (abridge_plugin_entry.shipped), else in the worker threads. */
  ABRIDGE_ISOLATE_AUTO,
  ABRIDGE_ISOLATE_NEVER,  /**< in the worker threads: a crash ends the run */
  ABRIDGE_ISOLATE_ALWAYS, /**< in worker processes, one per worker thread */
} AbridgeIsolation;

/** The time limit of an article in a worker process, in seconds, unless
 * told otherwise: far beyond what any article takes (milliseconds; the
 * largest allowed, 16 MiB, takes seconds), short enough that a plugin
 * that hangs does not hold a batch up for long. */
#define ABRIDGE_DEFAULT_TIMEOUT 60.0

typedef struct abridge_batch_options {
  abridge_reader_options input;
  guint threads;               /**< workers, at least 1 */
  const char *plugins;
  const char *const *options;  /**< "plugin.key=value" */
  abridge_budget budget;
  AbridgeOrder order;
  guint keywords;              /**< 0: none */
  /** A progress line on stderr ("abridge: 120/500 articles, 2 failed,
   * 35/s, 0:42 left"), the total counted by a thread of its own while the
   * run goes (unknown, and no time left, when a stream is among the
   * inputs), and a last line of what became of the run. */
  gboolean progress;
  const char *lang;            /**< an ISO 639-1 code, or "auto"/NULL: guessed per article */
  /** An article without a sentence, or with nothing but page furniture,
   * fails (a report lists it); otherwise its brief is empty. An article
   * that is empty or white space fails ("no text") either way. */
  gboolean empty_fails;
  /* Since 0.3 */
  /** In worker processes, a plugin that crashes, aborts, calls exit() or
   * overruns TIMEOUT fails only the article it was ranking: a failure
   * entry "plugin 'ID' crashed (SIGSEGV, …)", and the run goes on with a
   * new process. The report is the same bytes either way. */
  AbridgeIsolation isolate;
  /** Seconds an article may take in a worker process; 0: no limit. Threads
   * cannot be stopped, so it applies only to isolated runs. */
  double timeout;
} abridge_batch_options;

typedef struct abridge_batch_stats {
  guint64 articles; /**< summarized */
  guint64 failures; /**< reported as failed */
  guint64 bytes;    /**< of article text read */
  double seconds;
} abridge_batch_stats;

/** Summarizes every article of OPTIONS->input with OPTIONS->threads
 * workers, each with its own engine over REGISTRY (in its own process when
 * isolated, see OPTIONS->isolate), and adds the outcomes to REPORT in input
 * order. A bad article (unreadable, invalid UTF-8, a plugin error, an
 * isolated plugin that crashed or overran the time limit) becomes a
 * failure entry and a line "abridge: ID: reason" on stderr; it never stops
 * the run. Returns FALSE only when the run could not go on at all (the
 * plugins could not start, the report could not be written). Isolated
 * runs fork: call it before starting threads of your own that hold
 * locks. */
ABRIDGE_API gboolean abridge_batch_run (abridge_registry *registry,
                                        const abridge_batch_options *options,
                                        abridge_report *report, abridge_batch_stats *stats,
                                        GError **error);

G_END_DECLS
#endif /* ABRIDGE_BATCH_H */
