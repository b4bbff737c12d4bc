/* Data files compiled into the library as a GResource (data/ in the tree):
 * word lists and rules, so that a build-tree binary and an installed one
 * read the same bytes and nothing depends on an install path. */
#ifndef ABRIDGE_DATA_H
#define ABRIDGE_DATA_H

#include <glib.h>

/* The contents of data file NAME (e.g. "stopwords-en.txt"), NUL-terminated,
 * owned by the library for the life of the process. Aborts on a missing
 * name: the set of data files is fixed at build time. */
const char *abridge_data_get (const char *name, gsize *len);

/* The non-empty, non-comment ('#') lines of NAME as a set of strings,
 * built once per process and shared read-only across threads. */
GHashTable *abridge_data_word_set (const char *name);

/* The same lines, in file order, as a NULL-terminated vector, built once. */
const char *const *abridge_data_lines (const char *name);

#endif
