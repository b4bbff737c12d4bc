/* Who a quotation's speaker is when its attribution names nobody: a
 * role ("said the lock forward", "An Old Bailey judge has blasted"), a
 * body's spokesman or statement ("the spokeswoman said", "the report
 * said"), the business an article is about ("the firm said"), or
 * someone the article never names ("one parent from the audience"). */
#include "config.h"

#include "text/quotes/view.h"

/* How many sentences saying "He said …" may stand between the spokesman
 * and the quotation ("A spokesman for the British Casino Association
 * said …. He said …. “…,” he said"). */
#define SPOKESMAN_CHAIN 2
/* How many sentences on "the spokesman said" is still the spokesman who
 * spoke last, when nobody has spoken since. */
#define SPOKESMAN_CARRY_SENTENCES 8
/* spokesman_in(): not in this sentence, maybe in the one before */
#define FURTHER_BACK (-3)
/* As FURTHER_BACK, for a sentence whose verb of saying has a he or she
 * for its subject ("But freer use could help, he said."). */
#define SAID_BEFORE (-4)

/* Whether "the" opens the phrase ending at HEAD, with at most MOST words
 * between (no stop word; capitalised ones only if CAPS). */
static int
opened_by_the (abr_qdoc *d, uint32_t head, uint32_t most, int caps)
{
  uint32_t f = head;
  while (f > 0 && head - f < most && abr_q_same_sentence (d, f - 1, f) && !(abr_q_gap_after (d, f - 1) & ABR_QG_NAME_BREAKS)
         && (caps || !abr_q_is_cap (d, f - 1)) && !abr_q_is_stop (d, f - 1))
    f--;
  return f > 0 && abr_q_same_sentence (d, f - 1, f) && abr_q_word_is (d, f - 1, "the");
}

/* Whether the article uses the word of token HEAD more than once. */
static int
said_again (abr_qdoc *d, uint32_t head)
{
  uint32_t term = abr_q_tok (d, head)->term;
  return term < d->nterms && d->lowcount[term] + d->capcount[term] > 1;
}

/* Whether person ID's title ends in the word of token HEAD ("Deputy
 * Mayor Nicky Gavron" for "the mayor"), of the same body as a capital
 * before HEAD says ("the Lions coach"). */
static int
title_of (abr_qdoc *d, int32_t id, uint32_t head)
{
  const abr_qperson *p = abr_q_person (d, id);
  uint32_t tl = p->title.e1 != 0 ? abr_q_token_at (d, p->title.e1) : 0;
  if (tl == 0 || abr_q_tok (d, tl - 1)->term != abr_q_tok (d, head)->term)
    return 0;
  uint32_t q = head > 0 && abr_q_joined (d, head - 1, 2) && abr_q_is_cap (d, head - 1) && !abr_q_is_stop (d, head - 1)
                 ? head - 1
                 : ABR_QNONE;
  return tl < 2 || !abr_q_other_body (d, p, tl - 2, q);
}

/* Whether person P (ID) holds a title TEST asks for at token AT. */
typedef int (*TitleTest) (abr_qdoc *d, const abr_qperson *p, int32_t id, uint32_t at);

/* The one person whose title passes TEST at token AT; -1 for none, -2
 * for several or when BUDGET (abr_q_title_person()'s) has run out: a
 * walk over all people. */
static int32_t
holder (abr_qdoc *d, TitleTest test, uint32_t at, uint32_t *budget)
{
  if (*budget == 0)
    return -2;
  (*budget)--;
  int32_t found = -1;
  for (uint32_t i = 0; i < d->people->len && i < 5000; i++)
    if (test (d, abr_q_person (d, (int32_t) i), (int32_t) i, at))
      {
        if (found >= 0 && found != (int32_t) i)
          return -2;
        found = (int32_t) i;
      }
  return found;
}

/* A person whose title ends in the role at HEAD. */
static int
holds_role (abr_qdoc *d, const abr_qperson *p, int32_t id, uint32_t head)
{
  return title_of (d, id, head) && p->personish;
}

/* Whether a plain word qualifies the role at HEAD ("the world indoor
 * champion", "the two-time champion", "the top seed"). */
static int
qualified (abr_qdoc *d, uint32_t head)
{
  uint32_t q = head - 1;
  return head > 1 && abr_q_same_sentence (d, q, head) && !(abr_q_gap_after (d, q) & ABR_QG_NAME_BREAKS)
         && !abr_q_is_cap (d, q) && !abr_q_is_stop (d, q) && !(abr_q_tok (d, q)->flags & ABRIDGE_TOKEN_NUMBER)
         && !(abr_q_class (d, q) & (ABR_QW_TITLE | ABR_QW_ARTICLE));
}

/* A title with the word before HEAD before its role too ("seventh seed
 * Feliciano Lopez" for "the seventh seed"). */
static int
holds_qualified_role (abr_qdoc *d, const abr_qperson *p, int32_t id, uint32_t head)
{
  uint32_t tl = p->title.e1 != 0 ? abr_q_token_at (d, p->title.e1) : 0;
  return tl >= 2 && title_of (d, id, head) && abr_q_tok (d, tl - 2)->start >= p->title.s1
         && abr_q_tok (d, tl - 2)->term == abr_q_tok (d, head - 1)->term;
}

/* A person whose title holds the nationality at token G ("Russian Maria
 * Sharapova" for "the Russian"). */
static int
holds_nationality (abr_qdoc *d, const abr_qperson *p, int32_t id, uint32_t g)
{
  (void) id;
  if (p->title.e1 == 0 || p->org || !p->personish)
    return 0;
  uint32_t term = abr_q_tok (d, g)->term;
  for (uint32_t k = abr_q_token_at (d, p->title.s1); k < d->nt && abr_q_tok (d, k)->start < p->title.e1; k++)
    if (abr_q_tok (d, k)->term == term && k != g)
      return 1;
  return 0;
}

/* "the lock forward": a role, singular, with "the", named only here; "the
 * 27-year-old"; "the American". BUDGET bounds the walks over people. */
static int
definite_role (abr_qdoc *d, uint32_t head, uint32_t *budget)
{
  if (abr_q_is_age (d, head))
    {
      /* "the 27-year-old": however often the article says it */
      return head > 2 && abr_q_same_sentence (d, head - 3, head) && abr_q_word_is (d, head - 3, "the");
    }
  uint32_t c = abr_q_class (d, head);
  /* "the American", "the youngster": who the one just named is, not a
   * role someone holds, so however often the word is used */
  static const char *const newcomers[] = { "youngster", "teenager", "veteran", "newcomer", "rookie", "debutant" };
  if (abr_q_the_demonym (d, head, 0))
    return 1;
  if (abr_q_word_among (d, head, newcomers, G_N_ELEMENTS (newcomers)))
    return opened_by_the (d, head, 0, 0);
  if (!(c & ABR_QW_TITLE) || (c & (ABR_QW_SPOKES | ABR_QW_ORG | ABR_QW_GROUP)))
    return 0;
  const abridge_token *t = abr_q_tok (d, head);
  if (t->len < 2 || abr_q_plural (d, head)) /* "the actress" is one */
    return 0;
  /* a role the article names again ("the mayor") may be someone's title,
   * which abr_q_title_person() did not find unique: only when it is
   * nobody's, or a word before it says which and nobody's title has that
   * word ("said the two-time champion", "the world indoor champion" where
   * Stefan Holm is "Olympic champion") */
  if (t->term >= d->nterms
      || (said_again (d, head) && (abr_q_portfolio (d, head) || holder (d, holds_role, head, budget) != -1)
          && !(qualified (d, head) && holder (d, holds_qualified_role, head, budget) == -1)))
    return 0;
  return opened_by_the (d, head, 3, 1);
}

/* "the company", "the airline", "the production company" (or, PLURAL,
 * "the firms", "the two companies"): a word for the business an article
 * is about, or the businesses, after "the". */
static int
business_word (abr_qdoc *d, uint32_t g, int plural)
{
  static const char *const one[] = { "company", "firm", "airline", "carrier", "bank", "group",
                                     "retailer", "maker", "manufacturer", "broadcaster",
                                     "network", "chain", "charity", "organisation",
                                     "organization", "studio", "label", "business" };
  static const char *const many[] = { "companies", "firms", "airlines", "carriers", "banks", "groups",
                                      "retailers", "manufacturers", "broadcasters", "networks",
                                      "charities", "organisations", "organizations", "studios" };
  return plural ? abr_q_word_among (d, g, many, G_N_ELEMENTS (many)) : abr_q_word_among (d, g, one, G_N_ELEMENTS (one));
}

static int
the_business (abr_qdoc *d, uint32_t head, int plural)
{
  if (head == 0 || !business_word (d, head, plural))
    return 0;
  /* "the production company", "the two firms": one word may say what
   * business or how many */
  uint32_t the = head - 1;
  if (the > 0 && !abr_q_is_cap (d, the) && !abr_q_is_stop (d, the) && !abr_q_is_possessive (d, the)
      && abr_q_joined (d, the - 1, 2))
    the--;
  /* not "president … at the firm says": the firm is not who speaks */
  return abr_q_word_is (d, the, "the") && abr_q_joined (d, the, head - the + 1) && !abr_q_after_preposition (d, the);
}

/* "a company spokeswoman" at AT: the business the article is about, as
 * "the company said" finds it; -1 for any other phrase. */
static int32_t
business_spokesman (abr_qdoc *d, uint32_t at, const abr_qprior *pr)
{
  if (!(abr_q_class (d, at) & ABR_QW_SPOKES) || at == 0 || !abr_q_joined (d, at - 1, 2) || abr_q_is_cap (d, at - 1)
      || !business_word (d, at - 1, 0))
    return -1;
  int32_t id = abr_q_antecedent (d, at, 3, pr->speaker, pr->sentence);
  return id >= 0 && (abr_q_person (d, id)->org || !abr_q_person (d, id)->personish) ? id : -1;
}

/* "the statement", "the joint statement": a statement named before. */
static int
the_statement (abr_qdoc *d, uint32_t head)
{
  uint32_t c = abr_q_class (d, head);
  if (!(c & ABR_QW_SPOKES) || (c & (ABR_QW_TITLE | ABR_QW_GROUP)) || abr_q_plural (d, head))
    return 0;
  return opened_by_the (d, head, 2, 0);
}

/* "the spokesman", "the spokeswoman": one named before. */
static int
the_spokesman (abr_qdoc *d, uint32_t head)
{
  uint32_t c = abr_q_class (d, head);
  return (c & ABR_QW_SPOKES) && (c & ABR_QW_TITLE) && opened_by_the (d, head, 0, 0);
}

/* Whether attribution A names a spokesman ("the spokesman said", "a
 * BaFin spokeswoman said": her title). */
int
abr_q_spoken_by_spokesman (abr_qdoc *d, const abr_qattr *a)
{
  const uint32_t spokes = ABR_QW_SPOKES | ABR_QW_TITLE;
  if (a->at < d->nt && (abr_q_class (d, a->at) & spokes) == spokes)
    return 1;
  if (a->title.e1 == 0)
    return 0;
  for (uint32_t g = abr_q_token_at (d, a->title.s1); g < d->nt && abr_q_tok (d, g)->start < a->title.e1; g++)
    if ((abr_q_class (d, g) & spokes) == spokes)
      return 1;
  return 0;
}

/* The body the unnamed spokesman who speaks in sentence T speaks for,
 * as abr_q_spokesman_before() asks, or with SOMEONE the unnamed one who
 * does; FURTHER_BACK when T has no verb of saying, SAID_BEFORE when its
 * verb has a he or she of GENDER for its subject. */
static int32_t
spokesman_in (abr_qdoc *d, uint32_t t, abr_qprior *pr, int gender, int someone)
{
  const abr_qunit *previous = pr->previous;
  /* a quotation in the sentence before with a speaker of its own: the he
   * is that one, unless it is the spokesman's ("A BPI spokesman said the
   * chart was due “within the first half of this year”. “…,” he said.") */
  int32_t quoted = previous != NULL && previous->last_sentence >= t && previous->person >= 0 ? previous->person : -2;
  uint32_t lo = d->base[t], hi = d->base[t + 1];
  for (uint32_t g = lo; g < hi && g - lo < 60; g++)
    if (abr_q_is_cue (d, g) && !(abr_q_class (d, g) & ABR_QW_ACCORDING))
      {
        /* A cue that opens the sentence has no one before it; its head
         * would be the sentence before's last word, or none at all. */
        if (g == lo)
          return -1;
        abr_qattr a = abr_q_np_before (d, g, lo);
        uint32_t head = g - 1;
        while (head > lo && (abr_q_class (d, head) & ABR_QW_ADVERB))
          head--;
        /* "A spokesman for the Association of … Services said", "…
         * Association, which represents the industry, said" */
        if (a.kind == ABR_QA_NAMED && (a.last == head
                                         || ((abr_q_gap_after (d, a.last) & ABR_QG_COMMA) && a.last + 1 < head
                                             && (abr_q_class (d, a.last + 1) & ABR_QW_WHO)))
            && !(abr_q_class (d, head) & ABR_QW_SPOKES))
          {
            uint32_t k = a.first;
            if (k > lo + 1 && k < head && abr_q_word_is (d, k - 1, "the"))
              k--;
            if (k > lo + 1 && (abr_q_class (d, k - 1) & ABR_QW_CONNECT) && (abr_q_class (d, k - 2) & ABR_QW_SPOKES))
              head = k - 2;
          }
        if (a.kind == ABR_QA_PRONOUN && a.gender == gender && quoted == -2)
          return SAID_BEFORE;
        const uint32_t other_gender = gender == 1 ? ABR_QW_FEMALE : ABR_QW_MALE;
        /* "An analyst said 40 dlrs is a “decent” price", "“…,” the
         * spokeswoman said": the one the quotation in that sentence was
         * given to by the same phrase */
        int same_phrase = quoted >= 0 && a.kind == ABR_QA_UNNAMED && previous->attr.kind == ABR_QA_UNNAMED
                          && previous->attr.at == a.at;
        /* wire copy: "One senior floor trader said the room needs work.
         * “…,” he said": someone unnamed who spoke just before */
        if (a.kind == ABR_QA_UNNAMED && someone && a.at < d->nt
            && (abr_q_class (d, a.at) & (ABR_QW_TITLE | ABR_QW_PERSON))
            && !(abr_q_class (d, a.at) & (ABR_QW_SPOKES | other_gender)) && !abr_q_plural (d, a.at))
          {
            if (quoted != -2)
              return same_phrase ? quoted : -1;
            int32_t id = abr_q_someone_person (d, a.at, a.last);
            return id >= 0 ? id : abr_q_role_of_someone (d, a.at);
          }
        if (a.kind == ABR_QA_NONE || a.kind == ABR_QA_PRONOUN || !(abr_q_class (d, head) & ABR_QW_SPOKES)
            || (abr_q_class (d, head) & other_gender))
          return -1;
        if (same_phrase)
          return quoted;
        int32_t id = a.kind == ABR_QA_NAMED ? abr_q_speaker_person (d, &a) : abr_q_title_person (d, a.at, &pr->title_budget);
        if (id < 0 && a.kind != ABR_QA_NAMED)
          id = abr_q_group_person (d, a.at);
        return quoted == -2 || quoted == id ? id : -1;
      }
  /* "A Labour Party spokesman told …. But that did not happen for …. “…,”
   * he said": a sentence that says nobody said it carries on his */
  return FURTHER_BACK;
}

/* "A Labour spokesman later said …. “…,” he said" (or "the spokesman
 * said"): the unnamed spokesman of the sentence before, after the
 * previous quotation, is the he or she; the body he speaks for is the
 * speaker. Anyone else unnamed ("One trader said …") is the speaker
 * himself. GENDER: 1 for he, 2 for she. */
int32_t
abr_q_spokesman_before (abr_qdoc *d, const abr_qunit *u, abr_qprior *pr, int gender)
{
  if (gender != 1 && gender != 2)
    return -1;
  uint32_t s = u->first_sentence;
  /* someone unnamed carries on only over sentences he is said in */
  int said = 1;
  for (int chain = 0; chain <= SPOKESMAN_CHAIN && s > 0 && d->spara[s] - d->spara[s - 1] <= 1; chain++, s--)
    {
      int32_t id = spokesman_in (d, s - 1, pr, gender, said);
      if (id != FURTHER_BACK && id != SAID_BEFORE)
        return id;
      said &= id == SAID_BEFORE;
    }
  return -1;
}

/* "A Reagan administration official said …. … said the official": the
 * one unnamed someone the article has named by the role at HEAD, or -1
 * when it has none or several, or names another so since ("One senior
 * banker closely involved … offered support. … the banker said"). */
static int32_t
someone_by_role (abr_qdoc *d, uint32_t head)
{
  uint32_t term = abr_q_tok (d, head)->term;
  int32_t found = -1;
  for (uint32_t id = 0; id < d->people->len && id < 5000; id++)
    if (abr_q_person (d, (int32_t) id)->role == term + 1)
      {
        if (found >= 0)
          return -1;
        found = (int32_t) id;
      }
  if (found < 0)
    return -1;
  for (uint32_t g = abr_q_token_at (d, abr_q_person (d, found)->name_end) + 1; g < head; g++)
    if (abr_q_tok (d, g)->term == term && abr_q_phrase_opener (d, g, 0) != ABR_QNONE)
      return -1;
  return found;
}

/* "…, an aide to Lyng said. “…,” the aide said": the unnamed one who
 * said the sentence before, named by the same role, is "the aide"; the
 * new person, or -1. */
static int32_t
someone_said_before (abr_qdoc *d, const abr_qunit *u)
{
  uint32_t s = u->first_sentence, role = abr_q_tok (d, u->attr.at)->term;
  if (s == 0 || d->spara[s] - d->spara[s - 1] > 1 || !(abr_q_class (d, u->attr.at) & (ABR_QW_TITLE | ABR_QW_PERSON))
      || (abr_q_class (d, u->attr.at) & ABR_QW_SPOKES))
    return -1;
  uint32_t lo = d->base[s - 1], hi = d->base[s];
  for (uint32_t g = lo + 1; g < hi && g - lo < 60; g++)
    if (abr_q_is_cue (d, g) && !(abr_q_class (d, g) & ABR_QW_ACCORDING))
      {
        abr_qattr a = abr_q_np_before (d, g, lo);
        if (a.kind == ABR_QA_UNNAMED && a.at < d->nt && abr_q_tok (d, a.at)->term == role)
          return abr_q_someone_person (d, a.at, a.last);
      }
  return -1;
}

void
abr_q_unnamed_speaker (abr_qdoc *d, abr_qunit *u, abr_qprior *pr)
{
  uint32_t at = u->attr.at;
  u->person = abr_q_spokesman_body (d, at);
  if (u->person < 0 && the_spokesman (d, at))
    u->person = abr_q_spokesman_before (d, u, pr, abr_q_class (d, at) & ABR_QW_FEMALE ? 2 : 1);
  /* "The statement added:": whoever the last quotation was */
  if (u->person < 0 && pr->speaker >= 0 && pr->sentence + ABR_Q_CARRY_SENTENCES >= u->first_sentence
      && the_statement (d, at))
    u->person = pr->speaker;
  /* "“…,” a BaFin spokeswoman said. “…” “…,” the spokeswoman said": the
   * spokesman who spoke last, also a few paragraphs on in a wire story,
   * when nobody else has spoken since */
  if (u->person < 0 && pr->speaker >= 0 && pr->spokes && the_spokesman (d, at)
      && pr->sentence + SPOKESMAN_CARRY_SENTENCES >= u->first_sentence)
    u->person = pr->speaker;
  int the_role = opened_by_the (d, at, 0, 0);
  /* "“…,” an administration official said. … “…,” said the official":
   * the unnamed one who spoke last, named by that role */
  if (u->person < 0 && the_role && pr->speaker >= 0 && pr->sentence + ABR_Q_CARRY_SENTENCES >= u->first_sentence
      && abr_q_person (d, pr->speaker)->role == abr_q_tok (d, at)->term + 1)
    u->person = pr->speaker;
  if (u->person < 0 && the_role)
    u->person = someone_said_before (d, u);
  if (u->person < 0 && the_role)
    u->person = someone_by_role (d, at);
  if (u->person >= 0 && u->attr.title.e1 == 0)
    {
      u->attr.title.s1 = abr_q_tok (d, at)->start;
      u->attr.title.e1 = abr_q_tok_end (d, at);
    }
  if (u->person < 0)
    u->person = abr_q_title_person (d, at, &pr->title_budget);
  if (u->person < 0)
    u->person = business_spokesman (d, at, pr);
  if (u->person < 0 && the_business (d, at, 0))
    {
      /* "Valve said …. The company said:": the body named last, as "it" */
      int32_t id = abr_q_antecedent (d, at, 3, pr->speaker, pr->sentence);
      if (id >= 0 && (abr_q_person (d, id)->org || !abr_q_person (d, id)->personish))
        u->person = id;
    }
  /* "EADS and BAE Systems …. “…,” the companies said": the two named */
  if (u->person < 0 && the_business (d, at, 1))
    u->person = abr_q_plural_antecedent (d, at, pr->speaker, pr->sentence, 1);
  if (u->person < 0)
    u->person = abr_q_group_person (d, at);
  if (u->person < 0)
    u->person = abr_q_role_of_someone (d, at);
  if (u->person < 0 && definite_role (d, at, &pr->title_budget))
    {
      /* "Bortolami feels … “…,” said the lock forward": the one
       * just named, as a pronoun would be; "said the Russian": the one
       * the article calls Russian, if it calls one so */
      int alone = at + 1 >= d->nt || !abr_q_joined (d, at, 2) || abr_q_is_cue (d, at + 1) || abr_q_is_stop (d, at + 1)
                  || (abr_q_class (d, at + 1) & ABR_QW_ADVERB);
      u->person = alone && abr_q_the_demonym (d, at, 0) ? holder (d, holds_nationality, at, &pr->title_budget) : -1;
      if (u->person < 0)
        u->person = abr_q_antecedent (d, at, 0, pr->speaker, pr->sentence);
      u->attr.kind = ABR_QA_PRONOUN;
      /* a role the article names again is not one who holds another */
      if (u->person >= 0 && (abr_q_class (d, at) & ABR_QW_TITLE) && said_again (d, at)
          && abr_q_person (d, u->person)->title.e1 != 0 && !title_of (d, u->person, at))
        u->person = -1;
    }
  else if (u->person < 0 && u->attr.source != ABR_QSRC_CONTEXT)
    {
      /* "An Old Bailey judge has blasted …" opening the article,
       * "judge Nicholas Cooke QC" after: the lead holds back the
       * name of the one the article names with that title */
      if (u->first_sentence <= 1 && at > 0 && (abr_q_class (d, at) & ABR_QW_TITLE)
          && !(abr_q_class (d, at) & ABR_QW_SPOKES) && abr_q_phrase_opener (d, at, 0) != ABR_QNONE)
        u->person = holder (d, holds_role, at, &pr->title_budget);
      if (u->person < 0)
        u->person = abr_q_someone_person (d, at, u->attr.last);
    }
}
