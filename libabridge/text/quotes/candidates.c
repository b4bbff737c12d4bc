/* A speaker for the quotations the rules leave without one: the people
 * named in the sentences around the quotation are candidates, each
 * described by a few features, and a log-linear model learned from the
 * tuning labels (bench/train_speakers.py) picks one of them or nobody.
 * Nobody is itself a candidate, so the model says "no speaker" when no
 * one nearby looks likelier than that. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "text/quotes/speaker-weights.h"
#include "text/quotes/view.h"

/* Sentences before the quotation whose names are candidates. */
#define BACK_SENTENCES 3
/* A subject opens its sentence within this many tokens ("On Monday
 * Jones …"). */
#define SUBJECT_TOKENS 4
/* Words between a name and the quotation that still make it "next to" it. */
#define ADJACENT_TOKENS 4
/* Tokens of a sentence searched for names: bounds a hostile sentence. */
#define SENTENCE_TOKENS 80

G_STATIC_ASSERT (G_N_ELEMENTS (abr_q_candidate_weights) == ABR_Q_FEATURES);
G_STATIC_ASSERT (G_N_ELEMENTS (abr_q_nobody_weights) == ABR_Q_NOBODY_FEATURES);

/* The first quotation that ends after byte AT. */
static uint32_t
quote_after (abr_qdoc *d, uint32_t at)
{
  uint32_t lo = 0, hi = d->nq;
  while (lo < hi)
    {
      uint32_t mid = lo + (hi - lo) / 2;
      if (d->quotes[mid].end <= at)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static abr_qcand *
candidate_of (abr_qcand *out, uint32_t *n, int32_t id)
{
  for (uint32_t i = 0; i < *n; i++)
    if (out[i].person == id)
      return &out[i];
  if (*n == ABR_Q_MAX_CANDIDATES)
    return NULL;
  abr_qcand *c = &out[(*n)++];
  memset (c, 0, sizeof *c);
  c->person = id;
  return c;
}

/* The person the name F … E names, as a pronoun's look-up reads it. */
static int32_t
person_named (abr_qdoc *d, uint32_t f, uint32_t e)
{
  uint32_t term = abr_q_tok (d, e)->term;
  if (term >= d->nterms)
    return -1;
  int32_t id = d->person_of[term] != 0 ? (int32_t) d->person_of[term] - 1 : -1;
  if (f == e && (id < 0 || abr_q_person (d, id)->name_tokens == 1))
    {
      int32_t full = abr_q_given_person (d, e);
      if (full >= 0)
        id = full;
    }
  return id;
}

static void
note_mention (abr_qdoc *d, const abr_qunit *u, abr_qcand *c, uint32_t s, uint32_t f, uint32_t e,
              int first_name)
{
  uint32_t fs = u->first_sentence;
  if (s >= fs && s <= u->last_sentence)
    c->f[ABR_QF_SAME_SENTENCE] = 1;
  else if (s + 1 == fs)
    c->f[ABR_QF_SENTENCE_BEFORE] = 1;
  else if (s < fs)
    c->f[ABR_QF_EARLIER] = 1;
  else
    c->f[ABR_QF_SENTENCE_AFTER] = 1;
  if (d->spara[s] == d->spara[fs])
    c->f[ABR_QF_SAME_PARAGRAPH] = 1;
  if (first_name && f - d->base[s] <= SUBJECT_TOKENS)
    c->f[ABR_QF_SUBJECT] = 1;
  if (abr_q_speaks (d, f, e))
    {
      c->f[ABR_QF_SPEAKS] = 1;
      if (s >= fs && s <= u->last_sentence)
        c->f[ABR_QF_SPEAKS_HERE] = 1;
      else if (s < fs)
        c->f[ABR_QF_SPEAKS_BEFORE] = 1;
    }
  uint32_t q0 = abr_q_token_at (d, u->start), q1 = abr_q_token_at (d, u->end);
  if ((e < q0 && q0 - e <= ADJACENT_TOKENS && abr_q_same_sentence (d, e, q0))
      || (f >= q1 && f - q1 < ADJACENT_TOKENS && q1 > 0 && abr_q_same_sentence (d, q1 - 1, f)))
    c->f[ABR_QF_ADJACENT] = 1;
  if (abr_q_is_possessive (d, e))
    c->f[ABR_QF_POSSESSIVE_ONLY] += 1;
  c->f[ABR_QF_MENTIONS] += 1;
}

uint32_t
abr_q_candidates (abr_qdoc *d, const abr_qunit *u, int32_t previous_speaker, abr_qcand *out)
{
  uint32_t n = 0, fs = u->first_sentence;
  uint32_t s_lo = fs > BACK_SENTENCES ? fs - BACK_SENTENCES : 0;
  /* no further back than the paragraph before */
  while (s_lo < fs && d->spara[fs] - d->spara[s_lo] > 1)
    s_lo++;
  uint32_t s_hi = u->last_sentence;
  if (s_hi + 1 < d->ns && d->spara[s_hi + 1] == d->spara[s_hi])
    s_hi++;
  uint32_t qi = quote_after (d, abr_q_tok (d, d->base[s_lo])->start);
  int32_t nearest = -1;
  for (uint32_t s = s_lo; s <= s_hi; s++)
    {
      int first_name = 1;
      uint32_t hi = d->base[s + 1];
      if (hi - d->base[s] > SENTENCE_TOKENS)
        hi = d->base[s] + SENTENCE_TOKENS;
      for (uint32_t g = d->base[s]; g < hi; g++)
        {
          uint32_t st = abr_q_tok (d, g)->start;
          while (qi < d->nq && d->quotes[qi].end <= st)
            qi++;
          if ((qi < d->nq && d->quotes[qi].start <= st) || !abr_q_is_name (d, g))
            continue;
          uint32_t e = g;
          while (e + 1 < hi && e - g < ABR_Q_NAME_MAX_TOKENS && abr_q_is_name (d, e + 1)
                 && !(abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS) && !abr_q_is_possessive (d, e))
            e++;
          uint32_t f = g;
          g = e;
          int32_t id = person_named (d, f, e);
          if (id < 0)
            continue;
          abr_qcand *c = candidate_of (out, &n, id);
          if (c == NULL)
            continue;
          note_mention (d, u, c, s, f, e, first_name);
          first_name = 0;
          if (abr_q_tok (d, e)->start < u->start)
            nearest = id;
          uint32_t term = abr_q_tok (d, e)->term;
          double count = (double) d->capcount[term] + d->lowcount[term];
          c->f[ABR_QF_SALIENCE] = (float) fmax (c->f[ABR_QF_SALIENCE], log1p (count));
        }
    }
  if (u->person >= 0)
    candidate_of (out, &n, u->person);
  for (uint32_t i = 0; i < n; i++)
    {
      abr_qcand *c = &out[i];
      const abr_qperson *p = abr_q_person (d, c->person);
      c->f[ABR_QF_BIAS] = 1;
      c->f[ABR_QF_POSSESSIVE_ONLY] = c->f[ABR_QF_MENTIONS] > 0 && c->f[ABR_QF_POSSESSIVE_ONLY] == c->f[ABR_QF_MENTIONS];
      if (c->person == u->person)
        {
          c->f[ABR_QF_RULES] = 1;
          c->f[ABR_QF_RULES_PRONOUN] = u->attr.kind == ABR_QA_PRONOUN;
          c->f[ABR_QF_RULES_CONTEXT] = u->from_previous || u->attr.source == ABR_QSRC_CONTEXT;
        }
      c->f[ABR_QF_MENTIONS] = (float) log1p (c->f[ABR_QF_MENTIONS]);
      c->f[ABR_QF_NEAREST] = c->person == nearest;
      c->f[ABR_QF_ONLY] = n == 1;
      c->f[ABR_QF_PREVIOUS_SPEAKER] = c->person == previous_speaker;
      c->f[ABR_QF_BODY] = p->org || !p->personish || p->group;
      int pg = abr_q_person_gender (p);
      c->f[ABR_QF_WRONG_GENDER] = u->attr.kind == ABR_QA_PRONOUN && (u->attr.gender == 1 || u->attr.gender == 2)
                                  && pg != 0 && pg != u->attr.gender;
    }
  return n;
}

void
abr_q_nobody_features (abr_qdoc *d, const abr_qunit *u, uint32_t words, float *f)
{
  f[ABR_QN_BIAS] = 1;
  f[ABR_QN_RULES_NONE] = u->person < 0;
  f[ABR_QN_WORDS] = (float) log1p ((double) words);
  /* a quotation that is its paragraph's first words: a new voice or a
   * continuing one, rather than words set into a sentence */
  f[ABR_QN_OPENS_PARAGRAPH] = abr_q_token_at (d, u->start) == d->base[u->first_sentence]
                              && (u->first_sentence == 0
                                  || d->spara[u->first_sentence] != d->spara[u->first_sentence - 1]);
}

static double
dot (const float *f, const double *w, uint32_t n)
{
  double s = 0;
  for (uint32_t i = 0; i < n; i++)
    s += w[i] * f[i];
  return s;
}

int32_t
abr_q_guess_speaker (abr_qdoc *d, const abr_qunit *u, uint32_t words, int32_t previous_speaker)
{
  abr_qcand cands[ABR_Q_MAX_CANDIDATES];
  float nobody[ABR_Q_NOBODY_FEATURES];
  double score[ABR_Q_MAX_CANDIDATES];
  uint32_t n = abr_q_candidates (d, u, previous_speaker, cands);
  if (n == 0)
    return -1;
  abr_q_nobody_features (d, u, words, nobody);
  double none = dot (nobody, abr_q_nobody_weights, ABR_Q_NOBODY_FEATURES), top = none;
  uint32_t best = 0;
  for (uint32_t i = 0; i < n; i++)
    {
      score[i] = dot (cands[i].f, abr_q_candidate_weights, ABR_Q_FEATURES);
      if (score[i] > score[best])
        best = i;
      top = fmax (top, score[i]);
    }
  /* the likeliest one, when likelier than not: a wrong speaker costs a
   * brief as much as a right one gains */
  double z = exp (none - top);
  for (uint32_t i = 0; i < n; i++)
    z += exp (score[i] - top);
  return exp (score[best] - top) / z > 0.5 ? cands[best].person : -1;
}
