/* The speaker before a verb of saying: "Stoltenberg said", "X, who …,
 * said", "X, the union's chairman, said", "a Hallberg Line spokesman
 * said", "he also said" (after-verb.c has "said Atinc Ozkan"). */
#include "config.h"

#include "text/quotes/view.h"

void
abr_q_attr_named (abr_qdoc *d, abr_qattr *a, uint32_t f, uint32_t e, uint32_t at, uint32_t lo)
{
  a->kind = ABR_QA_NAMED;
  a->first = f;
  a->last = e;
  a->at = at;
  abr_q_local_title (d, f, e, lo, &a->title);
}

/* Whether the name F…E looks like a person's: two words or more and no
 * organisation word, or known as a person. */
static int
looks_personal (abr_qdoc *d, uint32_t f, uint32_t e)
{
  if (abr_q_name_is_org (d, f, e))
    return 0;
  if (e > f)
    return 1;
  uint32_t term = abr_q_tok (d, e)->term;
  return term < d->nterms && d->person_of[term] != 0 && abr_q_person (d, (int32_t) d->person_of[term] - 1)->personish;
}

/* "David Graham from the FDA's Office of Drug Safety told …": the name
 * F…E before a verb belongs to an organisation a person is "of", "from" or
 * "at"; names that person, with the rest as title. */
static int
person_before_org (abr_qdoc *d, uint32_t f, uint32_t e, uint32_t lo, abr_qattr *a)
{
  uint32_t org_end = e;
  for (int hop = 0; hop < 3; hop++)
    {
      if (f <= lo + 1 || !abr_q_same_sentence (d, lo, f))
        return 0;
      uint32_t c = f - 1;
      if ((abr_q_class (d, c) & ABR_QW_ARTICLE) && !abr_q_is_cap (d, c))
        c--;
      if (c <= lo || abr_q_is_cap (d, c) || !(abr_q_class (d, c) & ABR_QW_CONNECT)
          || (abr_q_gap_after (d, c - 1) & ABR_QG_NAME_BREAKS) || (abr_q_gap_after (d, c) & ABR_QG_NAME_BREAKS)
          || !abr_q_same_sentence (d, c - 1, f))
        return 0;
      uint32_t pe = c - 1;
      if (!abr_q_is_name (d, pe) || abr_q_is_possessive (d, pe))
        return 0;
      uint32_t pf = abr_q_name_back (d, pe, lo);
      if (looks_personal (d, pf, pe))
        {
          abr_q_attr_named (d, a, pf, pe, a->at, lo);
          if (a->title.e1 == 0)
            {
              a->title.s1 = abr_q_tok (d, c)->start;
              a->title.e1 = abr_q_tok_end (d, org_end);
            }
          else if (a->title.e2 == 0)
            {
              a->title.s2 = abr_q_tok (d, c)->start;
              a->title.e2 = abr_q_tok_end (d, org_end);
            }
          return 1;
        }
      f = pf;
    }
  return 0;
}

/* Where the clause holding token G opens for a speaker before it: the
 * sentence's first token, or the first after the quotation that LO
 * follows ("“…,” Jeff Joseph, from the CEA, told"); ABR_QNONE when the
 * sentence opens before LO otherwise. */
static uint32_t
clause_opening (abr_qdoc *d, uint32_t g, uint32_t lo)
{
  uint32_t s0 = d->base[abr_q_sentence_of (d, g)];
  if (s0 < lo && (abr_q_gap_after (d, lo - 1) & ABR_QG_QUOTE))
    s0 = lo;
  return s0 < lo ? ABR_QNONE : s0;
}

/* "Dr Erel Avineri, of the Centre for Transport … in Bristol said": the
 * name F before the verb V ends a phrase in apposition to the name the
 * sentence opens with; that one speaks. */
static int
opening_name_speaks (abr_qdoc *d, uint32_t f, uint32_t v, uint32_t lo, abr_qattr *a)
{
  static const char *const preps[] = { "in", "of", "at", "for", "from", "with" };
  uint32_t p = f - 1;
  if (f <= lo + 1 || !abr_q_same_sentence (d, p, f))
    return 0;
  if ((abr_q_class (d, p) & ABR_QW_ARTICLE) && !abr_q_is_cap (d, p))
    p--;
  if (abr_q_is_cap (d, p) || !abr_q_word_among (d, p, preps, G_N_ELEMENTS (preps)))
    return 0;
  uint32_t s0 = clause_opening (d, f, lo);
  if (s0 == ABR_QNONE)
    return 0;
  uint32_t n0 = abr_q_honorific_before (d, s0 + 1) == s0 ? s0 + 1 : s0;
  if (n0 >= p || !abr_q_is_name (d, n0))
    return 0;
  uint32_t ne = abr_q_name_forward (d, n0, p - 1);
  if (!(abr_q_gap_after (d, ne) & ABR_QG_COMMA) || abr_q_is_possessive (d, ne) || !looks_personal (d, n0, ne))
    return 0;
  /* the apposition holds no verb and no quotation */
  for (uint32_t g = ne + 1; g < v; g++)
    if ((abr_q_class (d, g) & ABR_QW_VERB) || (abr_q_gap_after (d, g) & (ABR_QG_QUOTE | ABR_QG_COLON | ABR_QG_DASH)))
      return 0;
  abr_q_attr_named (d, a, n0, ne, v, lo);
  if (a->title.e1 == 0)
    {
      a->title.s1 = abr_q_tok (d, ne + 1)->start;
      a->title.e1 = abr_q_tok_end (d, v - 1);
    }
  return 1;
}

/* "founder of Grassroots Media, which …, said": the name before a relative
 * clause sits in an appositive; the speaker is the name before that. Fills
 * *A and returns 1 when so. */
static int
appositive_owner (abr_qdoc *d, uint32_t f, uint32_t h, uint32_t lo, abr_qattr *a)
{
  uint32_t p = f;
  int has_title = 0;
  while (p > lo && f - p < ABR_Q_TITLE_MAX_TOKENS && abr_q_same_sentence (d, p - 1, p))
    {
      unsigned g = abr_q_gap_after (d, p - 1);
      if (g & ABR_QG_COMMA)
        break;
      if (g & (ABR_QG_QUOTE | ABR_QG_COLON | ABR_QG_BREAK | ABR_QG_DASH | ABR_QG_PARAGRAPH))
        return 0;
      p--;
      has_title |= (abr_q_class (d, p) & ABR_QW_TITLE) != 0;
    }
  if (!has_title || p == f || p <= lo || !(abr_q_gap_after (d, p - 1) & ABR_QG_COMMA)
      || !abr_q_is_name (d, p - 1) || abr_q_is_possessive (d, p - 1))
    return 0;
  uint32_t e = p - 1;
  abr_q_attr_named (d, a, abr_q_name_back (d, e, lo), e, a->at, lo);
  a->title.s1 = abr_q_tok (d, p)->start;
  a->title.e1 = abr_q_tok_end (d, h);
  a->title.s2 = a->title.e2 = 0;
  return 1;
}


/* "Newcastle boss Graeme Souness": from the name G…E over the title words
 * after it to the name they lead to (before token LIMIT). */
void
abr_q_past_title (abr_qdoc *d, uint32_t *g, uint32_t *e, uint32_t limit)
{
  uint32_t k = *e + 1;
  int titles = 0;
  while (k < limit && titles < 4 && (abr_q_class (d, k) & ABR_QW_TITLE) && abr_q_same_sentence (d, k - 1, k)
         && !(abr_q_gap_after (d, k - 1) & ABR_QG_NAME_BREAKS))
    {
      k++;
      titles++;
    }
  if (titles == 0 || k >= limit || !abr_q_same_sentence (d, k - 1, k) || (abr_q_gap_after (d, k - 1) & ABR_QG_NAME_BREAKS)
      || !abr_q_is_name (d, k))
    return;
  uint32_t f = k;
  while (k + 1 < limit && k - f < ABR_Q_NAME_MAX_TOKENS && abr_q_is_name (d, k + 1)
         && !(abr_q_gap_after (d, k) & ABR_QG_NAME_BREAKS) && !abr_q_is_possessive (d, k))
    k++;
  *g = f;
  *e = k;
}


/* The first name from token K on, before V, as the subject of what V
 * says: "Mr Kruger was quoted …", "Atletico Madrid gave up …". An opening
 * phrase up to a comma ("On Sunday, …") is passed over once. */
static int
subject_from (abr_qdoc *d, uint32_t k, uint32_t v, uint32_t lo, abr_qattr *a)
{
  int skipped_intro = 0;
  for (uint32_t g = k; g < v && g - k < 30; g++)
    {
      uint32_t c = abr_q_class (d, g);
      if (c & (ABR_QW_PRONOUN | ABR_QW_IT))
        {
          abr_q_attr_pronoun (d, a, g);
          return 1;
        }
      /* "But the Tory leader will argue against it, saying …", "The
       * Argentine had stoked it up by saying …": someone named before */
      if (abr_q_the_demonym (d, g, lo) && !(g + 1 < v && abr_q_joined (d, g, 2) && abr_q_is_name (d, g + 1)))
        {
          a->kind = ABR_QA_UNNAMED;
          a->at = g;
          return 1;
        }
      if (!abr_q_is_name (d, g))
        {
          const uint32_t opening = ABR_QW_HONORIFIC | ABR_QW_TITLE | ABR_QW_ARTICLE | ABR_QW_AFFIL | ABR_QW_ORG;
          if (((c & opening) || abr_q_is_cap (d, g))
              && !(abr_q_gap_after (d, g) & ABR_QG_COMMA))
            continue; /* "Mr Kruger", "The mayor", "Central bank president" */
          if (skipped_intro)
            return 0;
          /* "In a separate interview, Mr Brown said": once past a comma */
          while (g < v && g - k < 30 && !(abr_q_gap_after (d, g) & (ABR_QG_COMMA | ABR_QG_QUOTE | ABR_QG_COLON)))
            g++;
          if (g >= v || (abr_q_gap_after (d, g) & (ABR_QG_QUOTE | ABR_QG_COLON)))
            return 0;
          skipped_intro = 1;
          continue;
        }
      uint32_t e = g;
      while (e + 1 < v && e - g < ABR_Q_NAME_MAX_TOKENS && abr_q_is_name (d, e + 1)
             && !(abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS) && !abr_q_is_possessive (d, e))
        e++;
      abr_q_past_title (d, &g, &e, v);
      if (abr_q_is_possessive (d, e))
        return 0;
      abr_q_attr_named (d, a, abr_q_name_back (d, e, g), e, v, lo);
      return 1;
    }
  return 0;
}

/* The first name of the clause holding token V ("Atletico Madrid gave up
 * on him after declaring …"): back to a comma, quote, dash, colon or the
 * sentence's start. */
static int
clause_subject (abr_qdoc *d, uint32_t v, uint32_t lo, abr_qattr *a)
{
  uint32_t k = v;
  while (k > lo && v - k < 15 && abr_q_same_sentence (d, k - 1, k)
         && !(abr_q_gap_after (d, k - 1) & (ABR_QG_COMMA | ABR_QG_QUOTE | ABR_QG_DASH | ABR_QG_COLON | ABR_QG_BREAK)))
    k--;
  uint32_t c = abr_q_class (d, k);
  if (!abr_q_is_name (d, k) && !(c & (ABR_QW_PRONOUN | ABR_QW_IT | ABR_QW_HONORIFIC | ABR_QW_TITLE | ABR_QW_ARTICLE | ABR_QW_AFFIL))
      && !abr_q_is_cap (d, k))
    return 0;
  return subject_from (d, k, v, lo, a) && a->kind != ABR_QA_NONE;
}

void
abr_q_attr_pronoun (abr_qdoc *d, abr_qattr *a, uint32_t g)
{
  uint32_t c = abr_q_class (d, g);
  a->kind = ABR_QA_PRONOUN;
  a->gender = (c & ABR_QW_THEY) ? 4 : (c & ABR_QW_IT) ? 3 : (c & ABR_QW_MALE) ? 1 : 2;
  a->at = g;
}

/* Whether the quotation mark after token G belongs to no quotation: the
 * tokenised copy's spaced possessive ("the extradition lawyers '
 * association"), which an appositive may hold. */
static int
stray_mark (abr_qdoc *d, uint32_t g)
{
  uint32_t from = abr_q_tok_end (d, g), to = g + 1 < d->nt ? abr_q_tok (d, g + 1)->start : (uint32_t) d->len;
  for (uint32_t q = 0; q < d->nq; q++)
    {
      const abr_doc_quote *sp = &d->quotes[q];
      if (sp->start > to)
        break;
      if ((sp->start >= from && sp->start <= to) || (sp->end >= from && sp->end <= to)
          || (sp->start < from && sp->end > to))
        return 0;
    }
  return 1;
}

/* The first token of the body's name ending at E ("a Department for
 * Education and Skills spokesman"): capitalised words, and "of", "for"
 * and "and" between two of them. */
static uint32_t
body_back (abr_qdoc *d, uint32_t e, uint32_t lo)
{
  uint32_t f = e;
  for (int n = 1; f > lo + 1 && n < ABR_Q_NAME_MAX_TOKENS + 2; n++)
    {
      uint32_t p = f - 1;
      if (!abr_q_same_sentence (d, p, f) || (abr_q_gap_after (d, p) & ABR_QG_NAME_BREAKS)
          || abr_q_is_possessive (d, p))
        break;
      if (abr_q_is_cap (d, p) && !abr_q_is_stop (d, p)
          && (p > d->base[abr_q_sentence_of (d, p)] || abr_q_is_name (d, p) || (abr_q_class (d, p) & ABR_QW_ORG)))
        {
          f = p;
          continue;
        }
      if ((abr_q_word_is (d, p, "of") || abr_q_word_is (d, p, "for") || abr_q_word_is (d, p, "and"))
          && !abr_q_is_cap (d, p) && abr_q_same_sentence (d, p - 1, p) && abr_q_is_cap (d, p - 1)
          && !abr_q_is_stop (d, p - 1) && !(abr_q_gap_after (d, p - 1) & ABR_QG_NAME_BREAKS))
        {
          f = p - 1;
          continue;
        }
      break;
    }
  return f;
}

/* The prepositions after a role that say where one works. */
static const char *const where_one_works[] = { "at", "to", "for", "with" };

/* "a man in Hitchin told", "researchers from Birkbeck College said",
 * "one official at a U.S. bank said", "an aide to Agriculture Secretary
 * Richard Lyng said": the name before the verb says where the speaker is,
 * comes from or works; the speaker is the noun before the preposition
 * (F: the name's first token). */
static int
someone_from_place (abr_qdoc *d, uint32_t f, uint32_t e, uint32_t lo, abr_qattr *a)
{
  /* over the name's title, a body whose part it is ("USDA's Foreign
   * Agricultural Service") and an article */
  uint32_t s = f;
  abr_qtitle t = { 0, 0, 0, 0 };
  if (abr_q_title_back (d, s, lo, &t))
    s = abr_q_token_at (d, t.s1);
  if (s > lo + 1 && abr_q_is_possessive (d, s - 1) && abr_q_is_name (d, s - 1) && abr_q_joined (d, s - 1, 2))
    s = abr_q_name_back (d, s - 1, lo);
  if (s > lo + 1 && (abr_q_class (d, s - 1) & ABR_QW_ARTICLE) && !abr_q_is_cap (d, s - 1) && abr_q_joined (d, s - 1, 2))
    s--;
  if (s < lo + 2 || !abr_q_same_sentence (d, s - 2, s))
    return 0;
  uint32_t p = s - 1, n = s - 2;
  int from = abr_q_word_is (d, p, "from"), in = abr_q_word_is (d, p, "in");
  int works = abr_q_word_is (d, p, "of") || abr_q_word_among (d, p, where_one_works, G_N_ELEMENTS (where_one_works));
  if ((!from && !in && !works) || ((abr_q_gap_after (d, n) | abr_q_gap_after (d, p)) & ABR_QG_NAME_BREAKS))
    return 0;
  uint32_t c = abr_q_class (d, n);
  /* a capital only where the sentence opens, on a word for people */
  if (abr_q_is_cap (d, n) && (n != d->base[abr_q_sentence_of (d, n)] || !(c & (ABR_QW_GROUP | ABR_QW_TITLE))))
    return 0;
  if (abr_q_is_stop (d, n) || (abr_q_tok (d, n)->flags & ABRIDGE_TOKEN_NUMBER)
      || (c & (ABR_QW_VERB | ABR_QW_ADVERB | ABR_QW_NOTNAME | ABR_QW_SPOKES | ABR_QW_ORG)))
    return 0;
  /* "the letter from Qwest said": a body speaks through what is from it */
  if (from && !(c & (ABR_QW_GROUP | ABR_QW_TITLE)))
    return 0;
  /* where one works: a role ("official", "aide", "analyst") that an
   * indefinite word opens ("one senior official at"); not "the chairman
   * of the BBC", who the article names */
  if (works && (!(c & ABR_QW_TITLE) || abr_q_phrase_opener (d, n, 0) == ABR_QNONE))
    return 0;
  a->kind = ABR_QA_UNNAMED;
  a->at = n;
  a->last = works ? e : 0; /* shown with where: "an analyst at Nomura" */
  return 1;
}

/* "Brent Bozell, PTC president and conservative activist said": an
 * apposition ending in the role G right before the verb V, the comma that
 * should close it left out; the name before its opening comma speaks. */
static int
unclosed_apposition (abr_qdoc *d, uint32_t g, uint32_t v, uint32_t lo, abr_qattr *a)
{
  uint32_t c = abr_q_class (d, g);
  if (!(c & ABR_QW_TITLE) || (c & ABR_QW_SPOKES) || abr_q_is_cap (d, g) || g + 1 != v)
    return 0;
  uint32_t k = g;
  for (;; k--)
    {
      if (k <= lo + 1 || g - k > 8 || !abr_q_same_sentence (d, k - 1, g)
          || (abr_q_class (d, k) & (ABR_QW_VERB | ABR_QW_WHO | ABR_QW_ADVERB | ABR_QW_PRONOUN)))
        return 0;
      unsigned gap = abr_q_gap_after (d, k - 1);
      /* "Farm Credit Administration (FCA) board member": over the
       * acronym's brackets */
      if (abr_q_spelt_before (d, k) != ABR_QNONE || abr_q_spelt_before (d, k - 1) != ABR_QNONE)
        gap &= ~ABR_QG_BREAK;
      if (gap & (ABR_QG_QUOTE | ABR_QG_COLON | ABR_QG_BREAK | ABR_QG_PARAGRAPH | ABR_QG_DASH))
        return 0;
      if (gap & ABR_QG_COMMA)
        break;
    }
  uint32_t h = k - 1;
  if (!abr_q_is_name (d, h) || abr_q_is_possessive (d, h))
    return 0;
  uint32_t f = abr_q_name_back (d, h, lo);
  if (!looks_personal (d, f, h))
    return 0;
  abr_q_attr_named (d, a, f, h, v, lo);
  a->title.s1 = abr_q_tok (d, k)->start;
  a->title.e1 = abr_q_tok_end (d, g);
  a->title.s2 = a->title.e2 = 0;
  return 1;
}

/* "Mr Blair's official spokesman said", "Mr Tanzi's statement said": a
 * spokesman or a statement speaks for the one whose it is. G: the
 * spokesman, V: the verb. */
static int
whose_spokesman (abr_qdoc *d, uint32_t g, uint32_t v, uint32_t lo, abr_qattr *a)
{
  uint32_t c = abr_q_class (d, g);
  if (!(c & ABR_QW_SPOKES) || (c & ABR_QW_GROUP) || abr_q_is_cap (d, g) || g <= lo + 1)
    return 0;
  uint32_t p = g - 1;
  while (p > lo && g - p <= 2 && !abr_q_is_possessive (d, p) && !abr_q_is_cap (d, p) && !abr_q_is_stop (d, p))
    p--;
  if (!abr_q_is_possessive (d, p) || !abr_q_joined (d, p, g - p + 1))
    return 0;
  /* "Blair's": the one named in full with that surname, as he was named */
  int32_t id = abr_q_is_name (d, p) ? abr_q_possessor (d, p) : -1;
  if (id < 0)
    return 0;
  const abr_qperson *who = abr_q_person (d, id);
  uint32_t f = abr_q_token_at (d, who->name_start), e = abr_q_token_at (d, who->name_end);
  if (f >= e || e > d->nt)
    return 0;
  abr_q_attr_named (d, a, f, e - 1, v, lo);
  if (c & ABR_QW_TITLE)
    {
      a->title.s1 = abr_q_tok (d, p + 1)->start;
      a->title.e1 = abr_q_tok_end (d, g);
      a->title.s2 = a->title.e2 = 0;
    }
  return 1;
}

/* How many tokens of a time phrase end at token G between a subject and
 * its verb ("Mr Blair on Sunday said", "the firm last week said"), or 0. */
static uint32_t
time_phrase_at (abr_qdoc *d, uint32_t g, uint32_t lo)
{
  static const char *const days[] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };
  static const char *const spans[] = { "week", "month", "year", "night", "weekend" };
  static const char *const which[] = { "last", "this", "next" };
  if (g < lo + 2 || !abr_q_joined (d, g - 1, 2))
    return 0;
  if (abr_q_word_among (d, g, days, G_N_ELEMENTS (days)) && abr_q_word_is (d, g - 1, "on"))
    return 2;
  if (abr_q_word_among (d, g, spans, G_N_ELEMENTS (spans)) && abr_q_word_among (d, g - 1, which, G_N_ELEMENTS (which))
      && !abr_q_is_cap (d, g - 1))
    return 2;
  return 0;
}

/* The head of the subject phrase that ends at G: before a relative
 * clause with no comma ("a woman who took pills online described", not
 * "online"), then before "of" when a relative or a person is of someone
 * ("the father of the boy said" is the father). */
static uint32_t
phrase_subject (abr_qdoc *d, uint32_t g, uint32_t lo, uint32_t *shown)
{
  uint32_t w = abr_q_np_first (d, g);
  if (w > lo + 1 && (abr_q_word_is (d, w - 1, "who") || abr_q_word_is (d, w - 1, "which"))
      && abr_q_joined (d, w - 2, g - w + 3)
      && !abr_q_is_cap (d, w - 2) && !abr_q_is_stop (d, w - 2))
    g = w - 2;
  uint32_t o = abr_q_np_first (d, g);
  if (o > 0 && (abr_q_class (d, o - 1) & (ABR_QW_ARTICLE | ABR_QW_POSSESSIVE)))
    o--;
  if (o > lo + 1 && abr_q_word_is (d, o - 1, "of") && abr_q_joined (d, o - 2, g - o + 3)
      && !(abr_q_gap_after (d, o - 2) & ABR_QG_HYPHEN) /* "the mother-of-nine" */
      && (abr_q_class (d, o - 2) & (ABR_QW_KIN | ABR_QW_PERSON)) && !abr_q_is_cap (d, o - 2)
      && !abr_q_plural (d, o - 2))
    g = o - 2;
  /* "one official at a U.S. bank said", "one senior dealer for a German
   * bank said": a role an indefinite word opens, shown with where
   * (someone_from_place() reads it before a name) */
  else if (o > lo + 1 && abr_q_word_among (d, o - 1, where_one_works, G_N_ELEMENTS (where_one_works)))
    {
      /* "an analyst familiar with the two mines said", "a source close to
       * the talks said": over what he is to it */
      static const char *const how[] = { "familiar", "close", "closer" };
      uint32_t r = o - 2;
      if (r > lo + 1 && abr_q_word_among (d, r, how, G_N_ELEMENTS (how)) && abr_q_joined (d, r - 1, 2))
        r--;
      if (abr_q_joined (d, r, g - r + 1) && (abr_q_class (d, r) & ABR_QW_TITLE) && !(abr_q_class (d, r) & ABR_QW_SPOKES)
          && !abr_q_is_cap (d, r) && abr_q_phrase_opener (d, r, 0) != ABR_QNONE)
        {
          *shown = g;
          g = r;
        }
    }
  return g;
}

/* "Sheikh Ali was quoted by the daily al-Qabas as saying", "Mr Kruger
 * was quoted in the Guardian saying": the one quoted speaks, not the
 * paper before the participle V. */
static int
quoted_saying (abr_qdoc *d, uint32_t v, uint32_t lo)
{
  static const char *const be[] = { "was", "were", "is", "are", "been", "being" };
  for (uint32_t k = v, n = 0; k > lo + 1 && n < 10; k--, n++)
    {
      if (!abr_q_same_sentence (d, k - 1, k) || (abr_q_gap_after (d, k - 1) & (ABR_QG_NAME_BREAKS & ~ABR_QG_BREAK)))
        return 0;
      if (abr_q_word_is (d, k - 1, "quoted") && abr_q_word_among (d, k - 2, be, G_N_ELEMENTS (be)))
        return 1;
    }
  return 0;
}

/* Whether the capitals after the comma after token K, to G, end a
 * firm's name that the comma is inside ("Smith Barney, Harris Upham and
 * Co"). */
static int
firm_goes_on (abr_qdoc *d, uint32_t k, uint32_t g)
{
  if (!abr_q_is_cap (d, k) || !abr_q_firm_word (d, g))
    return 0;
  for (uint32_t j = k + 1; j <= g; j++)
    if (!abr_q_is_cap (d, j) && !abr_q_word_is (d, j, "and"))
      return 0;
  return 1;
}

/* "“…,” Mike Wehler, member of the NPPC's PRV oversight committee said",
 * "Mark Serwotka, the leader of the Public and Commercial Services Union
 * said:": the name opening the sentence, or right after the quotation,
 * set off by a comma, speaks when the apposition after it runs to the
 * verb V at G with no verb of its own and its closing comma left out. */
static int
opening_name_unclosed (abr_qdoc *d, uint32_t g, uint32_t v, uint32_t lo, abr_qattr *a)
{
  uint32_t s0 = clause_opening (d, v, lo);
  if (s0 == ABR_QNONE || s0 >= g || (abr_q_gap_after (d, g) & ABR_QG_COMMA)
      || v - s0 > ABR_Q_APPOSITIVE_MAX_TOKENS + ABR_Q_NAME_MAX_TOKENS)
    return 0;
  /* "Rep. Edward Markey": the title is no part of the name */
  uint32_t n0 = (abr_q_class (d, s0) & (ABR_QW_HONORIFIC | ABR_QW_TITLE)) && abr_q_is_name (d, s0 + 1) ? s0 + 1 : s0;
  if (n0 >= g || !abr_q_is_name (d, n0))
    return 0;
  uint32_t ne = abr_q_name_forward (d, n0, g);
  if (ne >= g || !(abr_q_gap_after (d, ne) & ABR_QG_COMMA) || abr_q_is_possessive (d, ne)
      || !looks_personal (d, n0, ne))
    return 0;
  /* the apposition opens as one does ("a", "member", "D-Mass"), not
   * with the subject's own name ("“hang out with” Pitt, Paltrow said") */
  uint32_t k0 = ne + 1;
  int opens = (abr_q_class (d, k0) & (ABR_QW_ARTICLE | ABR_QW_TITLE)) || (!d->lower && !abr_q_is_cap (d, k0));
  for (uint32_t k = k0; !opens && k < g && k - k0 < 4; k++)
    opens = abr_q_party_tag (d, k) == k0;
  if (!opens)
    return 0;
  int plain = 0;
  for (uint32_t k = ne + 1; k <= g; k++)
    {
      /* one apposition: a comma only after a party tag ("D-Mass,") or
       * inside a firm's name ("Smith Barney, Harris Upham and Co") */
      unsigned gap = abr_q_gap_after (d, k);
      if ((abr_q_class (d, k) & (ABR_QW_VERB | ABR_QW_WHO)) || !abr_q_same_sentence (d, k, v)
          || (gap & (ABR_QG_QUOTE | ABR_QG_COLON | ABR_QG_DASH | ABR_QG_BREAK))
          || ((gap & ABR_QG_COMMA) && abr_q_party_tag (d, k) == ABR_QNONE && !firm_goes_on (d, k, g)))
        return 0;
      plain |= !abr_q_is_cap (d, k) && !abr_q_word_is (d, k, "and");
    }
  if (!plain)
    return 0;
  abr_q_attr_named (d, a, n0, ne, v, lo);
  if (a->title.e1 == 0)
    {
      a->title.s1 = abr_q_tok (d, ne + 1)->start;
      a->title.e1 = abr_q_tok_end (d, g);
    }
  return 1;
}

/* "A Fiat spokesman contacted by Reuters said", "A senior official
 * reached by telephone said": the agent of a participle after a role
 * or a spokesman, before the verb V at G, is no subject; the role is.
 * (Not "a cabinet dominated by nationalists, declared".) Returns the
 * participle, or ABR_QNONE. */
static uint32_t
participle_by (abr_qdoc *d, uint32_t g, uint32_t v, uint32_t lo)
{
  for (uint32_t b = g; b > lo + 1 && g - b < 5; b--)
    {
      if (!abr_q_joined (d, b - 1, 2) || !abr_q_same_sentence (d, b, v))
        return ABR_QNONE;
      if (abr_q_word_is (d, b, "by"))
        {
          uint32_t p = b - 1;
          return b < g && !abr_q_is_cap (d, p) && abr_q_past_tense (d, p) && !abr_q_is_cue (d, p)
                         && !(abr_q_class (d, p) & ABR_QW_ADVERB) && abr_q_joined (d, p - 1, 2)
                         && (abr_q_class (d, p - 1) & (ABR_QW_SPOKES | ABR_QW_TITLE | ABR_QW_PERSON))
                     ? p
                     : ABR_QNONE;
        }
    }
  return ABR_QNONE;
}

/* The speaker before verb V ("Stoltenberg said", "X, who …, said",
 * "X, the union's chairman, said", "he also said", "a Hallberg Line
 * spokesman said"), looking no further back than LO. */
abr_qattr
abr_q_np_before (abr_qdoc *d, uint32_t v, uint32_t lo)
{
  abr_qattr a = { .kind = ABR_QA_NONE, .at = v, .verb = v };
  if (v == 0 || v <= lo)
    return a;
  uint32_t g = v - 1;
  int skips = 0;
  uint32_t when = abr_q_same_sentence (d, g, v) && !(abr_q_gap_after (d, g) & ABR_QG_NAME_BREAKS) ? time_phrase_at (d, g, lo) : 0;
  if (when > 0)
    g -= when;
  while (g > lo && skips < 3 && (abr_q_class (d, g) & ABR_QW_ADVERB || abr_q_is_ly_adverb (d, g)) && !abr_q_is_cap (d, g)
         && abr_q_same_sentence (d, g, v) && !(abr_q_gap_after (d, g) & ABR_QG_NAME_BREAKS))
    {
      g--;
      skips++;
    }
  if (g < lo || !abr_q_same_sentence (d, g, v))
    return a;
  if (abr_q_is_participle (d, v) && quoted_saying (d, v, lo) && clause_subject (d, v, lo, &a))
    return a;
  /* "Afghan Islamic Press (AIP) said": the name before its acronym */
  if (g > lo + 1 && abr_q_spelt_before (d, g) != ABR_QNONE && abr_q_same_sentence (d, g - 1, g)
      && abr_q_is_name (d, g - 1)
      && !(abr_q_gap_after (d, g) & (ABR_QG_NAME_BREAKS & ~ABR_QG_BREAK)))
    {
      /* and "Jeff Joseph, from the Consumer Electronics Association
       * (CEA) told": the one from it */
      uint32_t f = abr_q_name_back (d, g - 1, lo);
      if (!person_before_org (d, f, g - 1, lo, &a) && !opening_name_speaks (d, f, v, lo, &a))
        abr_q_attr_named (d, &a, f, g - 1, v, lo);
      return a;
    }
  uint32_t tag = abr_q_party_tag (d, g);
  if (tag != ABR_QNONE && tag > lo + 1 && abr_q_is_name (d, tag - 1) && abr_q_same_sentence (d, tag - 1, v))
    {
      /* "Sen. Ben Sasse, R-Neb., called", "Rep. Adam Schiff (D-Calif.)
       * said": the party and state are no part of the name */
      uint32_t h = tag - 1;
      abr_q_attr_named (d, &a, abr_q_name_back (d, h, lo), h, v, lo);
      return a;
    }
  if (opening_name_unclosed (d, g, v, lo, &a))
    return a;
  uint32_t by = participle_by (d, g, v, lo);
  if (by != ABR_QNONE)
    {
      abr_qattr b = abr_q_np_before (d, by, lo);
      if (b.kind != ABR_QA_NONE)
        {
          b.verb = v;
          return b;
        }
    }
  unsigned gp = abr_q_gap_after (d, g);
  if (gp & (ABR_QG_QUOTE | ABR_QG_COLON | ABR_QG_BREAK | ABR_QG_DASH | ABR_QG_PARAGRAPH))
    return a;
  if ((gp & ABR_QG_COMMA) && g + 1 == v && abr_q_is_participle (d, v))
    {
      /* "…, he said, adding “…”", "…, Funaro said, adding": the one the
       * clause before says spoke */
      if (g > lo && abr_q_is_cue (d, g) && abr_q_joined (d, g - 1, 2))
        {
          abr_qattr b = abr_q_np_before (d, g, lo);
          if (b.kind != ABR_QA_NONE)
            return b;
        }
      /* "Mr Blair dismissed the claims, saying: “…”": the sentence's subject */
      abr_qattr b = a;
      uint32_t s0 = d->base[abr_q_sentence_of (d, v)];
      if (subject_from (d, s0 > lo ? s0 : lo, v, lo, &b))
        return b;
      return a;
    }
  if (gp & ABR_QG_COMMA)
    {
      /* g ends an appositive or a relative clause: find the comma before
       * it, and the one before that when the part between goes on with
       * the clause (", who was involved with New Order, as well as the
       * Happy Mondays, said") */
      uint32_t k = g;
      for (int part = 0; part < 2; part++)
        {
          int found = 0;
          for (int steps = 0; k > lo && steps < 2 * ABR_Q_APPOSITIVE_MAX_TOKENS; steps++)
            {
              if (!abr_q_same_sentence (d, k - 1, k))
                return a;
              unsigned gg = abr_q_gap_after (d, k - 1);
              if (gg & ABR_QG_COMMA)
                {
                  found = 1;
                  break;
                }
              if ((gg & (ABR_QG_COLON | ABR_QG_BREAK | ABR_QG_DASH | ABR_QG_PARAGRAPH))
                  || ((gg & ABR_QG_QUOTE) && !stray_mark (d, k - 1)))
                return a;
              k--;
            }
          if (!found || k == 0)
            return a;
          if (part > 0 || !(abr_q_word_is (d, k, "as") || abr_q_word_is (d, k, "including")) || k - 1 <= lo)
            break;
          k--;
        }
      uint32_t h = k - 1; /* the word before the comma */
      /* ", Martin Broughton, said", ", Dr Eldon Phillips, said": the
       * segment is itself the name */
      uint32_t n0 = k < g && (abr_q_class (d, k) & ABR_QW_HONORIFIC) ? k + 1 : k;
      if (abr_q_is_name (d, g) && abr_q_name_back (d, g, n0) == n0 && !(abr_q_class (d, h) & ABR_QW_NOTNAME))
        {
          abr_q_attr_named (d, &a, n0, g, v, lo);
          if (a.title.e1 == 0)
            {
              /* the chairman of BA, Martin Broughton, said */
              uint32_t p = h;
              while (p > lo && h - p < ABR_Q_APPOSITIVE_MAX_TOKENS && abr_q_same_sentence (d, p - 1, p)
                     && !(abr_q_gap_after (d, p - 1) & (ABR_QG_COMMA | ABR_QG_QUOTE | ABR_QG_COLON | ABR_QG_BREAK | ABR_QG_DASH)))
                p--;
              int has_title = 0;
              for (uint32_t j = p; j <= h; j++)
                has_title |= (abr_q_class (d, j) & ABR_QW_TITLE) != 0;
              if (has_title)
                {
                  a.title.s1 = abr_q_tok (d, p)->start;
                  a.title.e1 = abr_q_tok_end (d, h);
                }
            }
          return a;
        }
      if (abr_q_class (d, h) & (ABR_QW_PRONOUN | ABR_QW_IT))
        {
          abr_q_attr_pronoun (d, &a, h);
          return a;
        }
      if (abr_q_is_age (d, h) || abr_q_the_demonym (d, h, lo))
        {
          /* "The 27-year-old, who …, told", "the Kansas Republican, a …, said" */
          a.kind = ABR_QA_UNNAMED;
          a.at = h;
          return a;
        }
      /* lower-cased "lord faulkner of worcester, who …, said": the name
       * before where he is of or from */
      if (d->lower && !abr_q_is_name (d, h) && abr_q_plain_word (d, h) && h > lo + 1 && abr_q_joined (d, h - 2, 3)
          && (abr_q_word_is (d, h - 1, "of") || abr_q_word_is (d, h - 1, "from")) && abr_q_is_name (d, h - 2)
          && !abr_q_is_possessive (d, h - 2))
        h -= 2;
      if (!abr_q_is_name (d, h) || abr_q_is_possessive (d, h))
        return a;
      uint32_t f = abr_q_name_back (d, h, lo);
      if ((abr_q_class (d, k) & ABR_QW_WHO) && appositive_owner (d, f, h, lo, &a))
        return a;
      if (person_before_org (d, f, h, lo, &a))
        return a;
      abr_q_attr_named (d, &a, f, h, v, lo);
      if (!(abr_q_class (d, k) & ABR_QW_WHO) && a.title.e1 == 0)
        {
          abr_qtitle t = { 0, 0, 0, 0 };
          if (abr_q_appositive_after (d, h, &t))
            a.title = t;
        }
      return a;
    }
  uint32_t c = abr_q_class (d, g);
  if (c & (ABR_QW_PRONOUN | ABR_QW_IT | ABR_QW_THEY))
    {
      abr_q_attr_pronoun (d, &a, g);
      return a;
    }
  if (c & ABR_QW_PLURAL)
    {
      a.kind = ABR_QA_UNNAMED;
      return a;
    }
  if (abr_q_the_demonym (d, g, lo))
    {
      a.kind = ABR_QA_UNNAMED; /* "the American said": someone named before */
      a.at = g;
      return a;
    }
  if (abr_q_is_name (d, g))
    {
      /* "Foster's said": a name that only looks possessive */
      uint32_t f = abr_q_is_possessive (d, g) ? g : abr_q_name_back (d, g, lo);
      if (!person_before_org (d, f, g, lo, &a) && !someone_from_place (d, f, g, lo, &a)
          && !opening_name_speaks (d, f, v, lo, &a))
        abr_q_attr_named (d, &a, f, g, v, lo);
      return a;
    }
  if ((c & ABR_QW_WHO) && g > lo && (abr_q_gap_after (d, g - 1) & ABR_QG_COMMA) && abr_q_same_sentence (d, g - 1, g)
      && abr_q_is_name (d, g - 1))
    {
      uint32_t f = abr_q_name_back (d, g - 1, lo);
      if (!appositive_owner (d, f, g - 1, lo, &a))
        abr_q_attr_named (d, &a, f, g - 1, v, lo);
      return a;
    }
  if (whose_spokesman (d, g, v, lo, &a) || unclosed_apposition (d, g, v, lo, &a))
    return a;
  if ((c & ABR_QW_SPOKES) && !abr_q_is_cap (d, g) && g > lo && abr_q_same_sentence (d, g - 1, g)
      && !(abr_q_gap_after (d, g - 1) & ABR_QG_NAME_BREAKS) && !(abr_q_class (d, g - 1) & ABR_QW_SOMEONE)
      && (abr_q_is_name (d, g - 1) || (abr_q_is_cap (d, g - 1) && !abr_q_is_stop (d, g - 1))
          || (d->lower && (abr_q_plain_word (d, g - 1) || (abr_q_class (d, g - 1) & ABR_QW_AFFIL)))))
    {
      /* "a Hallberg Line spokesman said": the body speaks */
      uint32_t f = abr_q_name_back (d, g - 1, lo), body = d->lower ? f : body_back (d, g - 1, lo);
      if (body < f)
        f = body;
      /* lower-cased "a home office spokesman": the portfolio is the body's */
      while (d->lower && f > lo && (abr_q_class (d, f) & ABR_QW_ORG) && abr_q_portfolio (d, f - 1)
             && abr_q_same_sentence (d, f - 1, f) && !(abr_q_gap_after (d, f - 1) & ABR_QG_NAME_BREAKS))
        f--;
      abr_q_attr_named (d, &a, f, g - 1, v, lo);
      if (c & ABR_QW_TITLE)
        {
          a.title.s1 = abr_q_tok (d, g)->start;
          a.title.e1 = abr_q_tok_end (d, g);
          a.title.s2 = a.title.e2 = 0;
        }
      return a;
    }
  if (abr_q_is_participle (d, v) && clause_subject (d, v, lo, &a))
    return a; /* "Mr Kruger was quoted in the Guardian saying:" */
  uint32_t shown = 0;
  g = phrase_subject (d, g, lo, &shown);
  c = abr_q_class (d, g);
  if ((!abr_q_is_cap (d, g) || g == d->base[abr_q_sentence_of (d, g)]) && !abr_q_is_stop (d, g)
      && !(abr_q_tok (d, g)->flags & ABRIDGE_TOKEN_NUMBER)
      && !(c & (ABR_QW_VERB | ABR_QW_ADVERB | ABR_QW_NOTNAME)))
    {
      a.kind = ABR_QA_UNNAMED; /* "the spokesman said", "officials said" */
      a.at = g;
      a.last = shown;
    }
  return a;
}
