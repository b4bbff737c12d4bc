/* Speakers a noun phrase names rather than a name: "police said", "the
 * Pakistani government said", "One neighbour claimed", "a spokesman for
 * West Midlands Fire Service said", and the people or body "they" is. */
#include "config.h"

#include "text/quotes/view.h"

/* Words that open a noun phrase and belong to the speaker's name ("One
 * neighbour", "his wife"); "the", "a" and "an" open it and do not. */
static int
is_determiner (abr_qdoc *d, uint32_t g)
{
  static const char *const words[] = { "one", "some", "two", "three", "several", "many", "both" };
  return (abr_q_class (d, g) & ABR_QW_POSSESSIVE) || abr_q_word_among (d, g, words, G_N_ELEMENTS (words));
}

uint32_t
abr_q_np_first (abr_qdoc *d, uint32_t head)
{
  uint32_t f = head;
  while (f > 0 && head - f < 6 && abr_q_same_sentence (d, f - 1, f)
         && !(abr_q_gap_after (d, f - 1) & ABR_QG_NAME_BREAKS))
    {
      uint32_t p = f - 1, c = abr_q_class (d, p);
      if (is_determiner (d, p))
        return p;
      if ((c & (ABR_QW_VERB | ABR_QW_WHO | ABR_QW_PRONOUN | ABR_QW_IT | ABR_QW_ACCORDING | ABR_QW_TO
                | ABR_QW_CONNECT | ABR_QW_ARTICLE | ABR_QW_PLURAL | ABR_QW_NOTNAME | ABR_QW_ADVERB))
          || abr_q_is_stop (d, p) || abr_q_is_possessive (d, p) || abr_q_is_ly_adverb (d, p))
        break;
      f = p;
    }
  return f;
}

/* A new person a phrase names, shown from token FROM to E, its words
 * counted from F (an article before them is shown, not counted); the
 * caller has checked there is room. */
static int32_t
phrase_person (abr_qdoc *d, uint32_t from, uint32_t f, uint32_t e)
{
  g_array_set_size (d->people, d->people->len + 1); /* zeroed */
  abr_qperson *p = abr_q_person (d, (int32_t) d->people->len - 1);
  p->name_start = abr_q_tok (d, from)->start;
  p->name_end = abr_q_tok_end (d, e);
  p->name_tokens = e - f + 1;
  return (int32_t) d->people->len - 1;
}

/* A word that names people in the plural, a body, or a document. */
static int
group_head (abr_qdoc *d, uint32_t head)
{
  uint32_t c = abr_q_class (d, head);
  if (c & (ABR_QW_ORG | ABR_QW_GROUP))
    return 1;
  /* "the report said", "an official statement said": what says it, when
   * no body named near it is its author */
  if ((c & ABR_QW_SPOKES) && !(c & ABR_QW_TITLE))
    return 1;
  /* "officials", "analysts": a role in the plural ("actress" is one) */
  return (c & ABR_QW_TITLE) && !(c & ABR_QW_SPOKES) && abr_q_tok (d, head)->len > 3 && abr_q_plural (d, head);
}

int32_t
abr_q_group_person (abr_qdoc *d, uint32_t head)
{
  if (head >= d->nt || !group_head (d, head) || d->people->len >= G_MAXINT32 - 1)
    return -1;
  uint32_t f = abr_q_np_first (d, head);
  /* "the department": the one named in full before, "Weatherford Police
   * Department" */
  if (f == head && head > 0 && (abr_q_class (d, head - 1) & ABR_QW_ARTICLE))
    for (uint32_t g = head - 1, seen = 0; g > 0 && seen < 2000; g--, seen++)
      if (abr_q_tok (d, g)->term == abr_q_tok (d, head)->term && abr_q_np_first (d, g) < g)
        {
          f = abr_q_np_first (d, g);
          head = g;
          break;
        }
  /* "the association", as the article names it; not "a neighbour", but
   * "a new report" */
  uint32_t from = f;
  int document = (abr_q_class (d, head) & (ABR_QW_SPOKES | ABR_QW_TITLE | ABR_QW_GROUP)) == ABR_QW_SPOKES;
  if (f > 0 && abr_q_same_sentence (d, f - 1, f) && !(abr_q_gap_after (d, f - 1) & ABR_QG_NAME_BREAKS)
      && (abr_q_word_is (d, f - 1, "the")
          || (document && (abr_q_word_is (d, f - 1, "a") || abr_q_word_is (d, f - 1, "an")))))
    from = f - 1;
  int32_t id = phrase_person (d, from, f, head);
  abr_qperson *p = abr_q_person (d, id);
  p->org = (abr_q_class (d, head) & ABR_QW_ORG) != 0;
  p->group = 1;
  p->single = !p->org && !abr_q_plural (d, head) && (abr_q_class (d, head) & ABR_QW_GROUP);
  return id;
}

/* "has", "said", "defended", "saying": where a lower-cased subject ends. */
static int
verb_like (abr_qdoc *d, uint32_t g)
{
  if (abr_q_class (d, g) & ABR_QW_ORG)
    return 0; /* "united", "studies" */
  return abr_q_is_auxiliary (d, g) || (abr_q_class (d, g) & ABR_QW_VERB) || abr_q_is_participle (d, g)
         || abr_q_past_tense (d, g);
}

/* Lower-cased copy: "the home office defended the measures", "the
 * association of chief police officers has issued": plain words and
 * roles from G up to the sentence's verb, a body's word among them,
 * opening the sentence before END's; their last token, or ABR_QNONE. */
static uint32_t
lower_body_end (abr_qdoc *d, uint32_t g, uint32_t end)
{
  uint32_t e = g;
  int body = 0;
  while (e < end && e - g < 8 && !verb_like (d, e)
         && (abr_q_plain_word (d, e) || (abr_q_class (d, e) & (ABR_QW_TITLE | ABR_QW_SPOKES)) == ABR_QW_TITLE
             || (e > g && ((abr_q_class (d, e) & (ABR_QW_CONNECT | ABR_QW_GROUP)) || abr_q_word_is (d, e, "and")))))
    {
      body |= (abr_q_class (d, e) & ABR_QW_ORG) != 0;
      if (abr_q_gap_after (d, e++) & ABR_QG_NAME_BREAKS)
        return ABR_QNONE;
    }
  if (!body || e >= end || e == g || (abr_q_class (d, e - 1) & ABR_QW_CONNECT) || abr_q_word_is (d, e - 1, "and")
      || !verb_like (d, e))
    return ABR_QNONE;
  return e - 1;
}

/* "The Association of Chief Police Officers", "League Against Cruel
 * Sports": the capitalised words from G on, opening the sentence before
 * END's, through "of" and "for"; their last token, or ABR_QNONE. */
static uint32_t
cased_body_end (abr_qdoc *d, uint32_t g, uint32_t end, uint32_t first)
{
  if (g >= end || !abr_q_is_cap (d, g) || (abr_q_tok (d, g)->flags & ABRIDGE_TOKEN_NUMBER)
      || (g == first && !abr_q_is_name (d, g)))
    return ABR_QNONE; /* "Reports that Tony Blair …" */
  uint32_t e = g;
  while (e + 1 < end && e - g < 8 && !(abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS))
    {
      if (abr_q_is_cap (d, e + 1) && !(abr_q_class (d, e + 1) & ABR_QW_VERB))
        e++;
      else if (e + 2 < end && (abr_q_class (d, e + 1) & ABR_QW_CONNECT) && abr_q_is_cap (d, e + 2)
               && !(abr_q_gap_after (d, e + 1) & ABR_QG_NAME_BREAKS))
        e += 2;
      else
        break;
    }
  return abr_q_is_possessive (d, e) ? ABR_QNONE : e;
}

/* "But the Home Office defended the measures. A spokesman said: “…”": a
 * spokesman of no named body speaks for the body the sentence before
 * opens with (not for a person it opens with). */
int32_t
abr_q_spokesman_body (abr_qdoc *d, uint32_t head)
{
  uint32_t c = abr_q_class (d, head);
  if (head == 0 || !(c & ABR_QW_SPOKES) || !(c & ABR_QW_TITLE))
    return -1;
  uint32_t s = abr_q_sentence_of (d, head), a = head - 1;
  if (s == 0 || !abr_q_same_sentence (d, a, head) || !(abr_q_class (d, a) & ABR_QW_SOMEONE)
      || d->spara[s] - d->spara[s - 1] > 1)
    return -1;
  uint32_t g = d->base[s - 1], end = d->base[s];
  while (g < end && g - d->base[s - 1] < 3 && (abr_q_is_stop (d, g) || (abr_q_class (d, g) & ABR_QW_ARTICLE)))
    g++;
  /* "A spokesman at First Chicago Corp said …. “…,” a spokesman said":
   * the body the spokesman before was at, also after the quotation */
  int at_body = g + 2 < end && (abr_q_class (d, g) & ABR_QW_SPOKES) && abr_q_joined (d, g, 3)
                && (abr_q_word_is (d, g + 1, "at") || abr_q_word_is (d, g + 1, "for"));
  if (at_body)
    {
      g += 2;
      if (g + 1 < end && abr_q_word_is (d, g, "the") && abr_q_joined (d, g, 2))
        g++;
    }
  /* otherwise only a phrase opening its sentence: "“…,” a spokesman
   * said" after "Sky first scooped Oscar rights from the BBC" is the
   * BBC's */
  if (a > d->base[s] + 1 && !(at_body && (abr_q_gap_after (d, a - 1) & ABR_QG_QUOTE)))
    return -1;
  uint32_t e = d->lower ? lower_body_end (d, g, end) : cased_body_end (d, g, end, d->base[s - 1]);
  if (e == ABR_QNONE)
    return -1;
  int32_t id = abr_q_named_person (d, g, e);
  if ((id >= 0 && abr_q_person (d, id)->personish && !abr_q_person (d, id)->org)
      || (id = abr_q_person_note (d, g, e, NULL, 0)) < 0)
    return -1;
  abr_qperson *p = abr_q_person (d, id);
  if (p->personish && !p->org)
    return -1;
  p->org = 1;
  return id;
}

uint32_t
abr_q_phrase_opener (abr_qdoc *d, uint32_t head, int the)
{
  uint32_t f = abr_q_np_first (d, head);
  if (abr_q_class (d, f) & ABR_QW_SOMEONE)
    return f;
  if (f == 0 || !abr_q_joined (d, f - 1, 2)
      || !((abr_q_class (d, f - 1) & ABR_QW_SOMEONE) || (the && abr_q_word_is (d, f - 1, "the"))))
    return ABR_QNONE;
  return f - 1;
}

/* "a caller told crews: ‘…’", "another man said", "one Western official
 * said": someone the article never names, but the subject of the
 * quotation's own verb, so the speaker as the article gives him. Only a
 * singular phrase opened by an indefinite word (or "the" before a word
 * only for a person) and ending in a word for a person ("a report said"
 * is no one): "the driver said" is someone named before
 * (definite_role()), and plurals are groups. */
int32_t
abr_q_someone_person (abr_qdoc *d, uint32_t head, uint32_t shown_end)
{
  if (head == 0 || head >= d->nt || d->people->len >= G_MAXINT32 - 1)
    return -1;
  /* "one parent from the audience told", "a man in the crowd said": the
   * person, with where he is from */
  uint32_t shown = head;
  if (!(abr_q_class (d, head) & (ABR_QW_TITLE | ABR_QW_GROUP | ABR_QW_PERSON)) && !abr_q_is_cap (d, head))
    {
      static const char *const places[] = { "from", "in", "at", "of" };
      uint32_t the = abr_q_np_first (d, head) - 1;
      if (the >= 2 && the < head && abr_q_word_is (d, the, "the") && abr_q_joined (d, the - 2, 3)
          && abr_q_word_among (d, the - 1, places, G_N_ELEMENTS (places)))
        head = the - 2;
    }
  uint32_t c = abr_q_class (d, head);
  if (!(c & (ABR_QW_TITLE | ABR_QW_GROUP | ABR_QW_PERSON)) || (c & (ABR_QW_SPOKES | ABR_QW_ORG | ABR_QW_NOTNAME | ABR_QW_VERB))
      || abr_q_is_stop (d, head) || (abr_q_is_cap (d, head) && !d->lower) || abr_q_plural (d, head)
      || (abr_q_tok (d, head)->flags & ABRIDGE_TOKEN_NUMBER))
    return -1;
  /* "the patient wrote", "the man said": a word only for a person, never
   * a role, names the one the article is about as it does */
  int the = (c & ABR_QW_PERSON) && !(c & (ABR_QW_TITLE | ABR_QW_GROUP));
  uint32_t f = abr_q_phrase_opener (d, head, the);
  if (f == ABR_QNONE && (c & ABR_QW_TITLE) && !d->lower)
    {
      /* "Lyng's aide said": someone the article names by whose he is,
       * one of its people (not "France's finance minister") */
      uint32_t p = abr_q_np_first (d, head);
      if (p > 0 && abr_q_is_possessive (d, p - 1) && abr_q_is_name (d, p - 1) && abr_q_joined (d, p - 1, head - p + 2)
          && !abr_q_portfolio (d, head) && abr_q_possessor (d, p - 1) >= 0)
        f = abr_q_name_back (d, p - 1, d->base[abr_q_sentence_of (d, p - 1)]);
    }
  if (f == ABR_QNONE)
    return -1;
  /* "Katrina Bull, a prospective parliamentary candidate said" (the
   * comma after the appositive left out): the name's */
  if (f > 0 && abr_q_same_sentence (d, f - 1, f)
      && (abr_q_gap_after (d, f - 1) & (ABR_QG_COMMA | ABR_QG_QUOTE)) == ABR_QG_COMMA
      && abr_q_is_name (d, f - 1))
    return abr_q_is_possessive (d, f - 1)
               ? -1
               : abr_q_named_person (d, abr_q_name_back (d, f - 1, d->base[abr_q_sentence_of (d, f - 1)]), f - 1);
  if (shown_end > shown && shown_end < d->nt && shown_end - shown < ABR_Q_APPOSITIVE_MAX_TOKENS
      && abr_q_same_sentence (d, shown, shown_end))
    shown = shown_end;
  int32_t id = phrase_person (d, f, f, shown);
  abr_qperson *p = abr_q_person (d, id);
  p->personish = p->single = 1;
  p->role = abr_q_tok (d, head)->term + 1;
  return id;
}

int32_t
abr_q_role_of_someone (abr_qdoc *d, uint32_t head)
{
  static const char *const preps[] = { "for", "of", "at", "with", "from" };
  uint32_t c = abr_q_class (d, head);
  if (head + 2 >= d->nt || !(c & ABR_QW_TITLE) || (c & (ABR_QW_SPOKES | ABR_QW_ORG | ABR_QW_GROUP))
      || abr_q_is_cap (d, head) || abr_q_plural (d, head) || !abr_q_joined (d, head, 2)
      || !abr_q_word_among (d, head + 1, preps, G_N_ELEMENTS (preps)) || d->people->len >= G_MAXINT32 - 1)
    return -1;
  uint32_t f = abr_q_np_first (d, head);
  if (f == 0 || !abr_q_word_is (d, f - 1, "the") || !abr_q_joined (d, f - 1, head - f + 2))
    return -1;
  /* the phrase runs to a clause, a comma or the sentence's end */
  uint32_t e = head + 1;
  while (e + 1 < d->nt && e - head < 8 && abr_q_joined (d, e, 2) && !(abr_q_class (d, e + 1) & (ABR_QW_WHO | ABR_QW_VERB))
         && !abr_q_is_cue (d, e + 1) && !abr_q_is_auxiliary (d, e + 1))
    e++;
  if (e == head + 1 || e - head >= 8 || abr_q_is_stop (d, e))
    return -1;
  int32_t id = phrase_person (d, f - 1, f, e);
  abr_q_person (d, id)->personish = abr_q_person (d, id)->single = 1;
  return id;
}

/* "Bill and Denise Richard": two names joined by "and" ending at E, or
 * ABR_QNONE. Returns the first token. */
static uint32_t
joined_names (abr_qdoc *d, uint32_t e, uint32_t lo)
{
  uint32_t f = abr_q_name_back (d, e, lo);
  if (f <= lo + 1 || !abr_q_same_sentence (d, f - 2, f)
      || (abr_q_gap_after (d, f - 2) & ABR_QG_NAME_BREAKS) || (abr_q_gap_after (d, f - 1) & ABR_QG_NAME_BREAKS))
    return ABR_QNONE;
  if (!abr_q_word_is (d, f - 1, "and") || !abr_q_is_name (d, f - 2) || abr_q_is_possessive (d, f - 2))
    return ABR_QNONE;
  return abr_q_name_back (d, f - 2, lo);
}

int32_t
abr_q_plural_antecedent (abr_qdoc *d, uint32_t at, int32_t previous_speaker,
                         uint32_t previous_sentence, int joined_only)
{
  uint32_t s = abr_q_sentence_of (d, at);
  uint32_t s0 = s > ABR_Q_WINDOW ? s - ABR_Q_WINDOW : 0;
  uint32_t lo = d->base[s0];
  if (at > lo + 400)
    lo = at - 400;
  /* the most recent: joined names, a group or a body outside quotations */
  uint32_t qi = d->nq;
  for (uint32_t g = at; g > lo;)
    {
      g--;
      uint32_t st = abr_q_tok (d, g)->start;
      while (qi > 0 && d->quotes[qi - 1].start > st)
        qi--;
      if (qi > 0 && d->quotes[qi - 1].end > st)
        continue;
      if (abr_q_is_name (d, g) && !abr_q_is_possessive (d, g))
        {
          uint32_t f = joined_names (d, g, lo);
          /* businesses: one of them a body by its words ("BAE Systems") */
          if (joined_only && f != ABR_QNONE && !abr_q_name_is_org (d, f, g))
            {
              g = f;
              continue;
            }
          if (f != ABR_QNONE && d->people->len < G_MAXINT32 - 1)
            {
              int32_t id = phrase_person (d, f, f, g);
              abr_q_person (d, id)->personish = abr_q_person (d, id)->group = 1;
              return id;
            }
          uint32_t term = abr_q_tok (d, g)->term;
          int32_t id = term < d->nterms && d->person_of[term] != 0 ? (int32_t) d->person_of[term] - 1 : -1;
          if (id >= 0 && abr_q_person (d, id)->org && !abr_q_person (d, id)->personish && !joined_only)
            return id; /* "Tesco said they …" */
          g = abr_q_name_back (d, g, lo);
          continue;
        }
      if (group_head (d, g) && !abr_q_is_cap (d, g) && (abr_q_class (d, g) & ABR_QW_GROUP)
          && abr_q_plural (d, g) && !joined_only)
        return abr_q_group_person (d, g);
    }
  if (previous_speaker >= 0 && !joined_only && previous_sentence + 2 >= s && abr_q_person (d, previous_speaker)->group)
    return previous_speaker;
  return -1;
}
