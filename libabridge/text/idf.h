/* Background statistics: how common a stem is in news at large. */
#ifndef ABRIDGE_IDF_H
#define ABRIDGE_IDF_H

#include <glib.h>

/* Inverse document frequency of STEM (a Snowball English stem) in the
 * background corpus of data/idf-en.tsv: ln((N + 1) / (df + 1)) + 1, which
 * is largest for stems the corpus never saw. The table is loaded once per
 * process and shared read-only. Thread-safe. */
double abr_idf (const char *stem);

#endif
