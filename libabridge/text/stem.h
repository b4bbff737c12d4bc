/* Snowball stems of case-folded words, one stemmer per thread and
 * language. */
#ifndef ABRIDGE_STEM_H
#define ABRIDGE_STEM_H

#include <glib.h>

#include "text/lang.h"

/* The Snowball English stem of a case-folded word, in a buffer owned by
 * the calling thread and valid until its next call. */
const char *abr_stem (const char *folded, gsize len, gsize *stem_len);
/* The same with LANG's Snowball stemmer. */
const char *abr_stem_lang (const abr_language *lang, const char *folded, gsize len,
                           gsize *stem_len);

#endif
