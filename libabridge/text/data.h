/* Data files compiled into the library (data/ in the tree, made into C
 * arrays by data/embed.sh): word lists and rules, so that a build-tree
 * binary and an installed one read the same bytes and nothing depends on
 * an install path. */
#ifndef ABRIDGE_DATA_H
#define ABRIDGE_DATA_H

#include <glib.h>

/* One embedded file: NAME relative to data/ ("stopwords/de.txt"), its
 * LEN bytes at DATA, followed by a NUL. */
typedef struct abr_data_file {
  const char *name;
  const char *data;
  gsize len;
} abr_data_file;

/* Every embedded file, ended by a NULL name (the generated data-files.c). */
extern const abr_data_file abr_data_files[];

/* The contents of data file NAME (e.g. "stopwords-en.txt"), NUL-terminated,
 * owned by the library for the life of the process. Aborts on a missing
 * name: the set of data files is fixed at build time. */
const char *abr_data_get (const char *name, gsize *len);

/* The non-empty, non-comment ('#') lines of NAME as a set of strings,
 * built once per process and shared read-only across threads. */
GHashTable *abr_data_word_set (const char *name);

/* The same lines, in file order, as a NULL-terminated vector, built once. */
const char *const *abr_data_lines (const char *name);

#endif
