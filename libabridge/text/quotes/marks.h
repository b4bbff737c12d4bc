/* Direct quotations by their marks: where each starts and ends. */
#ifndef ABRIDGE_QUOTES_MARKS_H
#define ABRIDGE_QUOTES_MARKS_H

#include <glib.h>
#include <stdint.h>

enum {
  /* In single marks (‘…’, '…'), British and Daily Mail style. */
  ABR_QMARK_SINGLE = 1u << 0,
  /* A closing mark whose opening one was lost: the span begins where its
   * sentence does, and a verb of saying follows it. */
  ABR_QMARK_ORPHAN = 1u << 1,
  /* No closing mark: the span ends with its paragraph. */
  ABR_QMARK_OPEN_END = 1u << 2,
};

typedef struct abr_quote_mark {
  uint32_t start; /* byte offset of the opening mark (or of the sentence) */
  uint32_t end;   /* byte offset just past the closing mark (or the paragraph) */
  uint32_t flags; /* ABR_QMARK_* */
} abr_quote_mark;

/* Finds the direct quotations in TEXT (LEN bytes, valid UTF-8) whose
 * paragraphs are PARAGRAPHS (uint32_t start, end, start, end … in order)
 * and appends them, in order and never overlapping, to MARKS (a GArray of
 * abr_quote_mark). Only outermost quotations count.
 *
 * Double marks: straight (also written as two apostrophes), curly,
 * guillemets both ways, German „…“, Swedish ”…”, corner brackets. Single
 * marks: curly and straight, glued to the words (‘We can’t,’) or standing
 * apart (CNN/DailyMail's tokenised ' we can ' t … '), told from
 * apostrophes (it’s, rock ’n’ roll, the ’90s, Jones’, england ’ s). A
 * quotation open at a paragraph's end continues when the next paragraph
 * opens with a mark of its family (the wire convention); otherwise it
 * ends with its paragraph. Straight double marks that stand apart from
 * the words they close (tokenised copy) simply alternate.
 *
 * SENTENCE_STARTS (N_SENTENCES sorted offsets, or NULL) let a closing mark
 * with no opening one count, from its sentence's start, when a verb of
 * saying of LANG follows it ("…out of the blue," he said). Linear in LEN. */
void abr_quote_marks_find (const char *text, size_t len, const GArray *paragraphs,
                           const uint32_t *sentence_starts, guint n_sentences,
                           const char *lang, GArray *marks);

#endif
