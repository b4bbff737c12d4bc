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

/* Furniture rules compiled from LINES (NULL-terminated, each
 * "KIND<TAB>PATTERN" as in data/boilerplate.rules), for rule files other
 * than the built-in one (tests of edited rules). NULL and a *MESSAGE to
 * free when a line is malformed or a pattern does not compile. */
typedef struct abr_furniture_rules abr_furniture_rules;
abr_furniture_rules *abr_furniture_rules_new (const char *const *lines, char **message);
void abr_furniture_rules_free (abr_furniture_rules *rules);
/* As abr_boilerplate_classify() by RULES. PREFILTER FALSE asks PCRE of
 * every sentence, skipping the tables of sentence openings that cannot
 * match: the answers must be the same either way. Thread-safe. */
AbridgeBoilerplate abr_furniture_rules_classify (abr_furniture_rules *rules, const char *text,
                                                 gsize len, gboolean prefilter);

#endif
