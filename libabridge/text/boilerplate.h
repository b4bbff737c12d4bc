/* Page furniture: which sentences are not the article. */
#ifndef ABRIDGE_BOILERPLATE_H
#define ABRIDGE_BOILERPLATE_H

#include <glib.h>

typedef enum {
  ABR_BOILERPLATE_NONE = 0,
  ABR_BOILERPLATE_LINE, /* this sentence is furniture */
  ABR_BOILERPLATE_TAIL, /* this one and all after it are */
} AbridgeBoilerplate;

/* Classifies one sentence as a reader sees it (white space folded) by the
 * rules in data/boilerplate.rules, plus one built-in: a sentence without a
 * letter or digit (a lone "*") is furniture. Thread-safe. */
AbridgeBoilerplate abr_boilerplate_classify (const char *text, gsize len);

#endif
