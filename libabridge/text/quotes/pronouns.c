/* Who he, she and it are: the most salient fitting name of the last few
 * sentences, or the speaker of the quotation before. */
#include "config.h"

#include "text/quotes/view.h"

/* How many tokens back a pronoun's person is looked for. */
#define ANTECEDENT_TOKENS 400

/* The person a he/she at token AT refers to, or for "it" the body: the
 * most salient name of the last few sentences (recent, first in its
 * sentence, not possessive, of the right gender), or the speaker of the
 * previous quote. */
int32_t
abr_q_antecedent (abr_qdoc *d, uint32_t at, int gender, int32_t previous_speaker,
                  uint32_t previous_sentence)
{
  uint32_t s = abr_q_sentence_of (d, at);
  uint32_t s0 = s > (uint32_t) ABR_Q_WINDOW ? s - (uint32_t) ABR_Q_WINDOW : 0;
  uint32_t lo = d->base[s0];
  if (at > lo + ANTECEDENT_TOKENS)
    lo = at - ANTECEDENT_TOKENS;
  int32_t best = -1;
  double best_score = 0;
  if (lo < at)
    {
      /* the first quote that may hold a token at or after lo */
      uint32_t qlo = 0, qhi = d->nq, from = abr_q_tok (d, lo)->start;
      while (qlo < qhi)
        {
          uint32_t mid = qlo + (qhi - qlo) / 2;
          if (d->quotes[mid].end <= from)
            qlo = mid + 1;
          else
            qhi = mid;
        }
      uint32_t qi = qlo;
      uint32_t first_in = UINT32_MAX; /* the sentence whose first name was seen */
      for (uint32_t g = lo; g < at; g++)
        {
          uint32_t st = abr_q_tok (d, g)->start;
          while (qi < d->nq && d->quotes[qi].end <= st)
            qi++;
          if (qi < d->nq && d->quotes[qi].start <= st)
            continue;
          if (!abr_q_is_name (d, g))
            continue;
          uint32_t e = g;
          while (e + 1 < at && e - g < ABR_Q_NAME_MAX_TOKENS && abr_q_is_name (d, e + 1)
                 && !(abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS) && !abr_q_is_possessive (d, e))
            e++;
          uint32_t term = abr_q_tok (d, e)->term;
          uint32_t se = abr_q_sentence_of (d, e);
          int possessive = abr_q_is_possessive (d, e);
          int first = first_in != se && g - d->base[se] <= 4;
          /* or a clause's subject: "… but captain Fabien Pelous sees hope" */
          int subject = e + 1 < d->nt && abr_q_same_sentence (d, e, e + 1)
                        && !(abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS) && !abr_q_is_cap (d, e + 1)
                        && !abr_q_is_stop (d, e + 1) && !(abr_q_class (d, e + 1) & ABR_QW_CONNECT);
          uint32_t f = g;
          g = e;
          if (term >= d->nterms)
            continue;
          int32_t id = d->person_of[term] != 0 ? (int32_t) d->person_of[term] - 1 : -1;
          uint32_t h = abr_q_honorific_before (d, f);
          if (f == e && h != ABR_QNONE && (abr_q_class (d, h) & ABR_QW_KEEP) && d->short_of[term] != 0
              && abr_q_person (d, (int32_t) d->short_of[term] - 1)->keep)
            id = (int32_t) d->short_of[term] - 1;
          if (gender == 3)
            {
              /* "It said": a body that opens a sentence or is the subject
               * of its verb ("The FA fined him. It said …", "In a
               * statement Google said …"), not any name in a sentence */
              int opens = f == d->base[se]
                          || (f == d->base[se] + 1 && (abr_q_class (d, f - 1) & ABR_QW_ARTICLE))
                          || (e + 1 < d->nt && abr_q_same_sentence (d, e, e + 1)
                              && !(abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS)
                              && (abr_q_is_cue (d, e + 1) || (abr_q_class (d, e + 1) & ABR_QW_ADVERB)));
              if (!first || !opens || possessive
                  || (id >= 0 && abr_q_person (d, id)->personish && !abr_q_person (d, id)->org))
                continue;
              if (id < 0)
                id = abr_q_person_note (d, f, e, NULL, 0);
              if (id < 0)
                continue;
            }
          else
            {
              if (id < 0)
                continue;
              const abr_qperson *p = abr_q_person (d, id);
              if (!p->personish || p->org)
                continue;
              int pg = abr_q_person_gender (p);
              if (gender != 0 && pg != 0 && pg != gender)
                continue;
            }
          first_in = se;
          double score = 1.0 / (1.0 + (double) (s - se));
          if (first || subject)
            score *= 2.0;
          if (possessive)
            score *= 0.4;
          if (id == previous_speaker)
            score *= 1.2;
          if (score >= best_score)
            {
              best_score = score;
              best = id;
            }
        }
    }
  if (previous_speaker >= 0 && previous_sentence <= s
      && s - previous_sentence <= 2 * (uint32_t) ABR_Q_WINDOW + 2)
    {
      const abr_qperson *p = abr_q_person (d, previous_speaker);
      int pg = abr_q_person_gender (p);
      int fits = gender == 3 ? (p->org || !p->personish) && !(p->group && !p->org)
                             : (!p->org && !p->group && (gender == 0 || pg == 0 || pg == gender));
      double score = 1.6 / (1.0 + (double) (s - previous_sentence));
      if (fits && score > best_score)
        best = previous_speaker;
    }
  return best;
}

