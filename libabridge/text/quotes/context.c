/* A quotation's speaker from the sentences around it, when no verb of
 * saying stands next to it: the subject of its own sentence, "X said." as
 * the next one, the reported speech or the person of the sentences
 * before. */
#include "config.h"

#include "text/quotes/view.h"

/* How far back in the paragraph before a quotation that opens its own
 * the sentence reporting its speaker may be. */
#define REPORTED_SENTENCES 3

/* Sentence S's subject when it is a name ("Grushko, who …, countered by
 * saying that “…”"), read up to token GQ. */
static abr_qattr
subject_of (abr_qdoc *d, uint32_t s, uint32_t gq)
{
  /* "But Redford knows this": a conjunction opening the sentence */
  static const char *const openers[] = { "but", "and", "yet", "so" };
  abr_qattr a = { .kind = ABR_QA_NONE, .verb = ABR_QNONE };
  uint32_t lo = d->base[s];
  for (uint32_t g = lo; g < gq && g - lo < 15; g++)
    {
      if (abr_q_gap_after (d, g) & ABR_QG_QUOTE && g + 1 < gq)
        return a;
      if (!abr_q_is_name (d, g))
        {
          /* an opening clause ends with a comma: "While …, Sherman" */
          continue;
        }
      uint32_t e = g;
      while (e + 1 < gq && e - g < ABR_Q_NAME_MAX_TOKENS && abr_q_is_name (d, e + 1)
             && !(abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS))
        e++;
      abr_q_past_title (d, &g, &e, gq);
      if (e + 1 >= d->nt || !abr_q_same_sentence (d, e, e + 1))
        return a;
      unsigned gp = abr_q_gap_after (d, e);
      uint32_t c = abr_q_class (d, e + 1);
      int verbish = !abr_q_is_cap (d, e + 1) && !abr_q_is_stop (d, e + 1) && !(gp & ABR_QG_NAME_BREAKS);
      int clause = (gp & ABR_QG_COMMA) && !(gp & (ABR_QG_QUOTE | ABR_QG_BREAK));
      if ((verbish || clause || (c & ABR_QW_ADVERB)) && !abr_q_is_possessive (d, e)
          && (g == lo || (abr_q_gap_after (d, g - 1) & ABR_QG_COMMA) || (abr_q_class (d, g - 1) & ABR_QW_TITLE)
              || (g == lo + 1 && abr_q_word_among (d, lo, openers, G_N_ELEMENTS (openers)))))
        {
          uint32_t f = abr_q_name_back (d, e, lo);
          abr_q_attr_named (d, &a, f, e, e, lo);
          return a;
        }
      return a;
    }
  return a;
}

/* The subject of the quote's sentence, for a quote inside it. */
abr_qattr
abr_q_sentence_subject (abr_qdoc *d, const abr_qunit *u)
{
  return subject_of (d, u->first_sentence, abr_q_token_at (d, u->start));
}

/* A sentence of this many tokens or fewer after a quotation may be its
 * attribution whatever it names ("X said."); a longer one only when it
 * opens with the name ("“…?” He Jianxiong, the former executive director
 * for China at the IMF, said at …"), up to a bound; never in lower-cased
 * copy, whose sentences all open with a capital. */
#define NEXT_SHORT_TOKENS 8
#define NEXT_LONG_TOKENS 48

/* Whether words after verb V up to token LAST report what was said ("said
 * on Sunday he could not confirm", "claimed that one in three"): a
 * statement of its own, not a quotation's attribution. */
static int
reports_after (abr_qdoc *d, uint32_t v, uint32_t last)
{
  /* "told me when I visited the lab": a clause of when or while, not of
   * what was said */
  static const char *const when[] = { "when", "while", "as", "after", "before" };
  for (uint32_t g = v + 1; g <= last; g++)
    {
      if (abr_q_word_among (d, g, when, G_N_ELEMENTS (when)))
        return 0;
      if ((abr_q_class (d, g) & (ABR_QW_PRONOUN | ABR_QW_IT | ABR_QW_THEY | ABR_QW_PLURAL | ABR_QW_VERB))
          || abr_q_word_is (d, g, "that"))
        return 1;
    }
  return 0;
}

/* "X said." as the next sentence, after a quote that ends its sentence. */
abr_qattr
abr_q_next_sentence (abr_qdoc *d, const abr_qunit *u, uint32_t next_quote_start)
{
  abr_qattr none = { .kind = ABR_QA_NONE, .verb = ABR_QNONE };
  uint32_t s = u->last_sentence + 1;
  if (s >= d->ns || d->spara[s] != d->spara[u->last_sentence])
    return none;
  uint32_t n = d->base[s + 1] - d->base[s];
  if (n == 0 || n > NEXT_LONG_TOKENS)
    return none;
  uint32_t last = d->base[s + 1] - 1;
  if (abr_q_tok_end (d, last) > next_quote_start)
    return none;
  for (uint32_t g = d->base[s]; g <= last; g++)
    if (abr_q_is_cue (d, g))
      {
        abr_qattr a = abr_q_np_before (d, g, d->base[s]);
        if (a.kind == ABR_QA_NONE && (abr_q_class (d, g) & ABR_QW_VERB_FIRST))
          a = abr_q_np_after (d, g, last);
        if (n > NEXT_SHORT_TOKENS
            && (d->lower || !(a.kind == ABR_QA_NAMED && a.first == d->base[s]) || reports_after (d, g, last)))
          return none;
        return a;
      }
  return none;
}

/* The indirect-speech sentence right before a quote that opens its
 * sentence: "Stoltenberg said talks would go on. “We …”", "He said
 * reform was needed. “…”", "The image misled, he argued. “…”". */
static abr_qattr
reported_in (abr_qdoc *d, uint32_t s)
{
  abr_qattr none = { .kind = ABR_QA_NONE, .verb = ABR_QNONE };
  uint32_t lo = d->base[s], hi = d->base[s + 1];
  for (uint32_t g = lo; g < hi && g - lo < 60; g++)
    if (abr_q_is_cue (d, g) && !(abr_q_class (d, g) & ABR_QW_ACCORDING))
      {
        abr_qattr a = abr_q_np_before (d, g, lo);
        /* "A Labour spokesman later said …. “…”": an unnamed one too,
         * when a spokesman or a group speaks for a body */
        if (a.kind == ABR_QA_NAMED || (a.kind == ABR_QA_PRONOUN && a.gender != 3)
            || (a.kind == ABR_QA_UNNAMED && (abr_q_class (d, a.at) & (ABR_QW_SPOKES | ABR_QW_GROUP))))
          return a;
      }
  return none;
}

abr_qattr
abr_q_previous_reported (abr_qdoc *d, const abr_qunit *u)
{
  abr_qattr none = { .kind = ABR_QA_NONE, .verb = ABR_QNONE };
  uint32_t s = u->first_sentence;
  if (s == 0 || d->spara[s] - d->spara[s - 1] > 1)
    return none;
  abr_qattr a = reported_in (d, s - 1);
  /* "Kerr applauded the move. “It was a brilliant goal.”": the one the
   * sentence before is about, in the quotation's own paragraph, when a
   * given name or Mr says it is a person (lower-cased copy capitalises
   * "Miraculously" there too) */
  if (a.kind == ABR_QA_NONE && d->spara[s] == d->spara[s - 1] && !d->lower)
    {
      abr_qattr b = subject_of (d, s - 1, d->base[s]);
      if (b.kind == ABR_QA_NAMED)
        {
          int32_t id = abr_q_named_person (d, b.first, b.last);
          const abr_qperson *p = id >= 0 ? abr_q_person (d, id) : NULL;
          if (p != NULL && p->personish && !p->org && p->male + p->female > 0)
            a = b;
        }
    }
  return a;
}

/* A quotation that opens its paragraph, with no speaker of its own:
 * the last one the paragraph before reports speaking, a few sentences
 * back ("… as Burns told Chortle …. But don't worry. ¶ ‘It's not a
 * musical.’"), when no quotation stands between. */
abr_qattr
abr_q_paragraph_reported (abr_qdoc *d, const abr_qunit *u, const abr_qunit *previous)
{
  abr_qattr none = { .kind = ABR_QA_NONE, .verb = ABR_QNONE };
  uint32_t s = u->first_sentence;
  if (s < 2 || abr_q_token_at (d, u->start) != d->base[s] || d->spara[s] == d->spara[s - 1]
      || d->spara[s] - d->spara[s - 1] > 1)
    return none;
  for (uint32_t k = 2; k <= REPORTED_SENTENCES && k <= s && d->spara[s - k] == d->spara[s - 1]; k++)
    {
      if (previous != NULL && previous->last_sentence >= s - k)
        return none;
      abr_qattr a = reported_in (d, s - k);
      if (a.kind != ABR_QA_NONE)
        return a;
    }
  return none;
}
