/* libabridge: measuring briefs. ROUGE-1, -2, -L and -Lsum F1 exactly as
 * Google's rouge_score computes them, for `abridge eval` and for programs
 * that score their own summaries. */
#ifndef ABRIDGE_EVAL_H
#define ABRIDGE_EVAL_H

#include <abridge/abridge.h>

G_BEGIN_DECLS

/* F1 scores in [0, 1] of one prediction against one reference.
 *
 * The definitions are rouge_score's with use_stemmer=True (and
 * ../shared/tools/rouge.py's builtin backend), so the numbers can be set
 * beside published ones:
 *  - tokens: lower-case; every run of characters outside [a-z0-9] is a
 *    break; tokens longer than 3 characters are Porter-stemmed.
 *  - rouge1, rouge2: clipped n-gram overlap.
 *  - rougeL: longest common subsequence of the whole token lists, line
 *    breaks ignored.
 *  - rougeLsum: summary-level LCS (Lin 2004, 3.2) with one sentence a line:
 *    for each reference line, the union of its LCS with every prediction
 *    line, each token counted at most as often as it occurs on both sides.
 *    This is the "ROUGE-L" of CNN/DailyMail papers. */
typedef struct abridge_rouge_scores {
  double rouge1, rouge2, rougeL, rougeLsum;
} abridge_rouge_scores;

/* A scorer. It caches every word's stem and id across calls, because the
 * stemmer dominates the cost and news vocabularies repeat; the cache is
 * dropped and rebuilt when it passes about a million distinct words, so
 * memory stays bounded over a run of millions of articles. Not thread-safe:
 * use one per thread. */
typedef struct abridge_rouge abridge_rouge;

/* Never returns NULL (aborts on out of memory, as GLib does). */
ABRIDGE_API abridge_rouge *abridge_rouge_new (void);

/* Frees R and its cache; R may be NULL. */
ABRIDGE_API void abridge_rouge_free (abridge_rouge *r);

/* Scores PREDICTION against REFERENCE into OUT; all three must be non-NULL.
 * Both texts are NUL-terminated UTF-8 with one sentence a line ("\n"); only
 * rougeLsum looks at the lines. A text without tokens scores 0 on every
 * measure; two identical texts of two or more tokens score 1.
 *
 * Case folding is byte-wise ASCII. Python's str.lower() folds all of
 * Unicode, but a non-ASCII letter is outside [a-z0-9] either way; the two
 * characters whose lower case is ASCII, U+0130 (-> "i" + combining dot) and
 * U+212A KELVIN SIGN (-> "k"), are mapped as Python maps them. Bytes that
 * are not valid UTF-8 are breaks.
 *
 * Time is O(n·m) in the token counts for rougeL, with O(min(n, m)) memory,
 * so whole articles are safe to score. rougeLsum keeps one bit per token
 * pair of one reference line and one prediction line at a time (n·m / 8
 * bytes): cheap for sentences, large only for texts of thousands of tokens
 * without line breaks. */
ABRIDGE_API void abridge_rouge_score (abridge_rouge *r, const char *reference, const char *prediction,
                          abridge_rouge_scores *out);

G_END_DECLS
#endif /* ABRIDGE_EVAL_H */
