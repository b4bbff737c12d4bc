/* Who he, she and it are: the most salient fitting name of the last few
 * sentences, or the speaker of the quotation before. */
#include "config.h"

#include "text/quotes/view.h"

/* How many tokens back a pronoun's person is looked for. */
#define ANTECEDENT_TOKENS 400
/* How far back "he said" looks for the last one who spoke, when nobody
 * fitting is named in the last few sentences (a feature's long aside of
 * figures between "Mr Taylor says …" and "“…,” he said"). */
#define SPOKE_TOKENS 3000
/* A name that is the subject of a verb of saying ("Ned Temko said …")
 * is likelier the "he" of the quote that follows than one it mentions. */
#define SPEAKS_WEIGHT 1.5
/* A name nothing but capitals marks as someone's, out of a subject's
 * place, is a film's, a song's or a party's as often as a person's. */
#define UNEVIDENT_WEIGHT 0.5

/* Whether "according to" stands before the name at token F, over its
 * title or honorific ("according to Carly Fiorina", "according to
 * Defense Secretary Donald Rumsfeld"). */
static int
according_to (abr_qdoc *d, uint32_t f)
{
  uint32_t s0 = d->base[abr_q_sentence_of (d, f)];
  for (uint32_t k = f, n = 0; k > s0 + 1 && n < 4; k--, n++)
    {
      uint32_t c = abr_q_class (d, k - 1);
      if ((c & ABR_QW_TO) && (abr_q_class (d, k - 2) & ABR_QW_ACCORDING) && abr_q_joined (d, k - 2, f - k + 3))
        return 1;
      if (!(c & (ABR_QW_TITLE | ABR_QW_TO)) && !abr_q_is_cap (d, k - 1))
        return 0;
    }
  return 0;
}

/* Whether the name F … E is the subject of a verb of saying: "Temko
 * said", "Temko, 51, said", "Temko also told", "said Temko", "according
 * to Temko". */
static int
speaks (abr_qdoc *d, uint32_t f, uint32_t e)
{
  /* "Mr Taylor, whose cafe …, says": over an aside between commas */
  if (e + 1 < d->nt && abr_q_same_sentence (d, e, e + 1) && (abr_q_gap_after (d, e) & ABR_QG_COMMA)
      && !(abr_q_gap_after (d, e) & (ABR_QG_QUOTE | ABR_QG_BREAK)))
    for (uint32_t k = e + 1; k + 1 < d->nt && k - e < ABR_Q_APPOSITIVE_MAX_TOKENS && abr_q_same_sentence (d, k, k + 1); k++)
      {
        unsigned gap = abr_q_gap_after (d, k);
        if (gap & (ABR_QG_QUOTE | ABR_QG_BREAK | ABR_QG_COLON))
          break;
        if ((gap & ABR_QG_COMMA) && abr_q_is_cue (d, k + 1) && !(abr_q_class (d, k + 1) & ABR_QW_ACCORDING))
          return 1;
      }
  /* "Mr Hirsch from Retail Banking Research said": over the body he is of */
  uint32_t k = e + 1;
  if (k < d->nt && abr_q_same_sentence (d, e, k) && (abr_q_class (d, k) & ABR_QW_CONNECT)
      && !(abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS))
    {
      k++;
      if (k < d->nt && abr_q_word_is (d, k, "the"))
        k++;
      uint32_t body = k;
      while (k < d->nt && k - body < ABR_Q_NAME_MAX_TOKENS && abr_q_is_name (d, k)
             && abr_q_same_sentence (d, e, k) && !(abr_q_gap_after (d, k) & (ABR_QG_QUOTE | ABR_QG_BREAK | ABR_QG_COLON)))
        k++;
      if (k > body && k < d->nt && abr_q_same_sentence (d, e, k) && abr_q_is_cue (d, k)
          && !(abr_q_class (d, k) & ABR_QW_ACCORDING))
        return 1;
    }
  for (k = e + 1; k < d->nt && k - e <= 2 && abr_q_same_sentence (d, e, k); k++)
    {
      if (abr_q_is_cue (d, k) && !(abr_q_class (d, k) & ABR_QW_ACCORDING))
        return 1;
      if (!(abr_q_class (d, k) & ABR_QW_ADVERB) || (abr_q_gap_after (d, k - 1) & ABR_QG_NAME_BREAKS))
        break;
    }
  if (f > 0 && abr_q_same_sentence (d, f - 1, f))
    {
      uint32_t b = f - 1;
      if (abr_q_class (d, b) & ABR_QW_HONORIFIC && b > 0 && abr_q_same_sentence (d, b - 1, b))
        b--;
      if ((abr_q_class (d, b) & ABR_QW_VERB_FIRST) && !(abr_q_gap_after (d, b) & ABR_QG_NAME_BREAKS))
        return 1;
    }
  return according_to (d, f);
}

/* Whether the name starting at F is a verb's object ("The image
 * portrayed Mr Howard as …"): a plain lower-case word right before it
 * (an honorific aside). Lower-cased copy has no such cue. */
static int
object_of_verb (abr_qdoc *d, uint32_t f)
{
  if (d->lower)
    return 0;
  if (f > 0 && (abr_q_class (d, f - 1) & (ABR_QW_HONORIFIC | ABR_QW_KEEP)))
    f--;
  if (f == 0 || !abr_q_same_sentence (d, f - 1, f) || (abr_q_gap_after (d, f - 1) & ABR_QG_NAME_BREAKS))
    return 0;
  uint32_t b = f - 1;
  return !abr_q_is_cap (d, b) && !abr_q_is_stop (d, b)
         && !(abr_q_class (d, b) & (ABR_QW_TITLE | ABR_QW_AFFIL | ABR_QW_ARTICLE | ABR_QW_CONNECT | ABR_QW_TO))
         && !abr_q_is_cue (d, b);
}

/* Whether the name F … E, as a he or she, only qualifies what follows or
 * is a thing: "Double Olympic champion Hicham El Guerrouj", "The
 * Northern Ireland runner", "Yukos spokesman Alexander Shadrin", "the US
 * Open", "a recent Law Lords judgement": a role after it, or "the" or
 * "a" before it. (A body takes "the": "the FA … It said".) */
static int
modifier_name (abr_qdoc *d, uint32_t f, uint32_t e)
{
  if (e + 1 < d->nt && abr_q_same_sentence (d, e, e + 1) && !(abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS)
      && (abr_q_class (d, e + 1) & ABR_QW_TITLE)
      /* "Labor MP Lyn Breuer", but not "Andrew Tyrie MP demanded" */
      && (!abr_q_all_caps (d, e + 1) || (e + 2 < d->nt && abr_q_joined (d, e + 1, 2) && abr_q_is_name (d, e + 2))))
    return 1;
  /* "reports that Al Qaeda fighters are on the run": a plural noun
   * after it, then that noun's verb */
  if (e + 2 < d->nt && abr_q_joined (d, e, 3) && !abr_q_is_possessive (d, e) && !abr_q_is_cap (d, e + 1)
      && abr_q_plural (d, e + 1) && !abr_q_is_stop (d, e + 1) && !abr_q_is_auxiliary (d, e + 1)
      && !abr_q_is_cue (d, e + 1) && !(abr_q_class (d, e + 1) & (ABR_QW_ADVERB | ABR_QW_VERB))
      && !abr_q_is_ly_adverb (d, e + 1) && (abr_q_is_auxiliary (d, e + 2) || abr_q_past_tense (d, e + 2)))
    return 1;
  if (f == 0 || !abr_q_same_sentence (d, f - 1, f) || (abr_q_gap_after (d, f - 1) & ABR_QG_NAME_BREAKS))
    return 0;
  if (abr_q_word_is (d, f - 1, "the"))
    return 1;
  uint32_t p = f - 1; /* "a recent Law Lords judgement": one word between */
  if (f > 1 && !abr_q_is_cap (d, p) && !abr_q_is_stop (d, p) && abr_q_same_sentence (d, f - 2, f)
      && !(abr_q_gap_after (d, f - 2) & ABR_QG_NAME_BREAKS))
    p--;
  /* "his last Qatar appearance", but "his wife Sharon", "her coach Bob" */
  if ((abr_q_class (d, p) & ABR_QW_POSSESSIVE)
      && (p == f - 1 || !(abr_q_class (d, f - 1) & (ABR_QW_KIN | ABR_QW_TITLE | ABR_QW_PERSON))))
    return 1;
  return abr_q_word_is (d, p, "a") || abr_q_word_is (d, p, "an");
}

/* Whether the name F … E, as an "it", is a nationality or a party
 * before the noun it describes: "the Swedish wholesale conglomerate",
 * "Labour ministers". */
static int
adjective_name (abr_qdoc *d, uint32_t f, uint32_t e)
{
  uint32_t n = e + 1;
  return f == e && (abr_q_class (d, e) & ABR_QW_AFFIL) && !(abr_q_class (d, e) & ABR_QW_ORG) && n < d->nt
         && abr_q_joined (d, e, 2) && !abr_q_is_cap (d, n) && !abr_q_is_stop (d, n) && !abr_q_is_cue (d, n)
         && !abr_q_is_auxiliary (d, n) && !(abr_q_class (d, n) & (ABR_QW_VERB | ABR_QW_ADVERB)) && !abr_q_is_ly_adverb (d, n);
}

/* Whether he or she is sentence S's subject ("He believes Yahoo failed
 * …", "But she thinks …"): a name after it is no subject of the
 * sentence. */
static int
opened_by_he (abr_qdoc *d, uint32_t s)
{
  uint32_t g = d->base[s];
  if (g + 1 < d->base[s + 1] && abr_q_is_stop (d, g) && !(abr_q_class (d, g) & ABR_QW_PRONOUN))
    g++;
  return g < d->base[s + 1] && (abr_q_class (d, g) & ABR_QW_PRONOUN);
}

/* Whether person ID may be the he/she/it of GENDER. */
static int
fits (abr_qdoc *d, int32_t id, int gender)
{
  const abr_qperson *p = abr_q_person (d, id);
  int pg = abr_q_person_gender (p);
  return gender == 3 ? (p->org || !p->personish) && !(p->group && !p->org)
                     : (!p->org && !p->group && p->personish && (gender == 0 || pg == 0 || pg == gender));
}

/* The last person of GENDER named as the subject of a verb of saying
 * before token AT, however far back (but SPOKE_TOKENS). */
static int32_t
last_who_spoke (abr_qdoc *d, uint32_t at, int gender)
{
  uint32_t lo = at > SPOKE_TOKENS ? at - SPOKE_TOKENS : 0;
  for (uint32_t g = at; g > lo;)
    {
      g--;
      if (!abr_q_is_name (d, g) || abr_q_is_possessive (d, g))
        continue;
      uint32_t term = abr_q_tok (d, g)->term;
      if (term >= d->nterms || d->person_of[term] == 0)
        continue;
      int32_t id = (int32_t) d->person_of[term] - 1;
      uint32_t f = g;
      while (f > lo && abr_q_is_name (d, f - 1) && !(abr_q_gap_after (d, f - 1) & ABR_QG_NAME_BREAKS))
        f--;
      if (speaks (d, f, g) && fits (d, id, gender))
        return id;
      g = f;
    }
  return -1;
}

/* Whether the sentence opening at token G names its subject by an age
 * or a nationality, as news copy names the one it is about: "The
 * 22-year-old pipped Maurice Greene …", "The Scot initially defended
 * Beattie …". (A role, "The writer was known …", as often means another.)
 * Not when a name follows in apposition ("The 34-year-old, Kelly
 * Holmes, …"). */
static int
description_opens (abr_qdoc *d, uint32_t g)
{
  if (!abr_q_word_is (d, g, "the") || g + 1 >= d->nt)
    return 0;
  uint32_t h = abr_q_the_demonym (d, g + 1, 0) ? g + 1 : g + 3;
  if (h + 1 >= d->nt || !abr_q_joined (d, g, h - g + 1) || (h == g + 3 && !abr_q_is_age (d, h))
      || !abr_q_same_sentence (d, h, h + 1))
    return 0;
  return !abr_q_is_name (d, h + 1) && !(abr_q_class (d, h + 1) & (ABR_QW_CONNECT | ABR_QW_TITLE));
}

static int32_t antecedent (abr_qdoc *d, uint32_t at, int gender, int32_t previous_speaker,
                           uint32_t previous_sentence, int chain);

/* The person a he/she at token AT refers to, or for "it" the body: the
 * most salient name of the last few sentences (recent, first in its
 * sentence, not possessive, of the right gender), or the speaker of the
 * previous quote. */
int32_t
abr_q_antecedent (abr_qdoc *d, uint32_t at, int gender, int32_t previous_speaker,
                  uint32_t previous_sentence)
{
  return antecedent (d, at, gender, previous_speaker, previous_sentence, 1);
}

/* CHAIN: a sentence opened by a description ("The 22-year-old …") counts
 * as a mention, first in it, of the one the description means, found
 * from there (once: not from a description found so). */
static int32_t
antecedent (abr_qdoc *d, uint32_t at, int gender, int32_t previous_speaker, uint32_t previous_sentence,
            int chain)
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
      /* "Granclaude is delighted": a subject too, where "Farrell would be"
       * after "following in the footsteps of" is often not, nor "Weir is"
       * after "has yet to confirm that", nor "said Melzer was" */
      static const char *const being[] = { "is", "was", "has", "had" };
      for (uint32_t g = lo; g < at; g++)
        {
          uint32_t st = abr_q_tok (d, g)->start;
          while (qi < d->nq && d->quotes[qi].end <= st)
            qi++;
          if (qi < d->nq && d->quotes[qi].start <= st)
            continue;
          if (chain && gender != 3 && g == d->base[abr_q_sentence_of (d, g)] && description_opens (d, g))
            {
              uint32_t se = abr_q_sentence_of (d, g);
              int32_t id = antecedent (d, g, gender, -1, 0, 0);
              if (id >= 0)
                {
                  double score = 2.0 / (1.0 + (double) (s - se));
                  first_in = se;
                  if (score >= best_score)
                    {
                      best_score = score;
                      best = id;
                    }
                }
              continue;
            }
          if (!abr_q_is_name (d, g))
            continue;
          uint32_t e = g;
          while (e + 1 < at && e - g < ABR_Q_NAME_MAX_TOKENS && abr_q_is_name (d, e + 1)
                 && abr_q_same_sentence (d, e, e + 1) && !(abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS)
                 && !abr_q_is_possessive (d, e))
            e++;
          uint32_t term = abr_q_tok (d, e)->term;
          uint32_t se = abr_q_sentence_of (d, e);
          int possessive = abr_q_is_possessive (d, e);
          /* "Asked if South Korea would drop its barriers, he said": a
           * name in the question is not the one who answers */
          int asked = abr_q_word_is (d, d->base[se], "asked");
          for (uint32_t k = d->base[se]; asked && k < g; k++)
            asked = !(abr_q_gap_after (d, k) & ABR_QG_COMMA);
          /* the sentence's first name, unless a "he" before it is its
           * subject ("He destroyed South Africa's Os du Randt"), or a place
           * set off before the subject: "In Jamaica, OPEC
           * President Rilwanu Lukman …" (but "Shares in Continental
           * Airlines have …") */
          static const char *const where[] = { "in", "at", "on", "across", "throughout" };
          int first = first_in != se && g - d->base[se] <= 4 && !asked
                      && !(g > d->base[se] && abr_q_word_among (d, g - 1, where, G_N_ELEMENTS (where))
                           && (abr_q_gap_after (d, e) & ABR_QG_COMMA));
          for (uint32_t k = d->base[se]; first && k < g; k++)
            first = !(abr_q_class (d, k) & (ABR_QW_PRONOUN | ABR_QW_THEY));
          /* or a clause's subject: "… but captain Fabien Pelous sees hope",
           * not a preposition's object ("editor at Mac Format magazine")
           * nor a reported clause's ("saying Gallas overreacted") */
          int subject = !abr_q_after_preposition (d, g) && !opened_by_he (d, se) && e + 1 < d->nt
                        && !(g > 0 && abr_q_joined (d, g - 1, 2) && abr_q_is_cue (d, g - 1))
                        && abr_q_same_sentence (d, e, e + 1)
                        && !(abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS) && !abr_q_is_cap (d, e + 1)
                        && ((!abr_q_is_stop (d, e + 1) && !(abr_q_class (d, e + 1) & (ABR_QW_CONNECT | ABR_QW_PARTICLE)))
                            || (abr_q_word_among (d, e + 1, being, G_N_ELEMENTS (being))
                                && !(g > 0 && (abr_q_word_is (d, g - 1, "that") || abr_q_is_cue (d, g - 1)))))
                        && !asked;
          /* "…, according to Defense Secretary Donald Rumsfeld. “…,” he
           * said": the one a report is according to speaks */
          subject |= according_to (d, g);
          /* "The head of the Law Institute, John Corcoran, says": a full
           * name set off right before its sentence's verb is its subject
           * (not "MP for Henley-on-Thames, Oxfordshire, said") */
          subject |= e > g && g > d->base[se] && (abr_q_gap_after (d, g - 1) & ABR_QG_COMMA) && e + 1 < d->nt
                     && abr_q_same_sentence (d, e, e + 1) && (abr_q_gap_after (d, e) & ABR_QG_COMMA)
                     && !(abr_q_gap_after (d, e) & (ABR_QG_QUOTE | ABR_QG_BREAK)) && abr_q_is_cue (d, e + 1);
          uint32_t f = g;
          g = e;
          if (term >= d->nterms || (gender != 3 && modifier_name (d, f, e)) || (gender == 3 && adjective_name (d, f, e)))
            continue;
          int32_t id = abr_q_named_person (d, f, e);
          if (id < 0 && possessive) /* "Vestager's department" */
            id = abr_q_possessor (d, e);
          /* "Kaczura said …", once "Janusz Kaczurba" */
          if (id < 0 && f == e && !possessive && gender != 3 && speaks (d, f, e))
            id = abr_q_misspelt_person (d, e);
          /* "Michael Jackson …. His mother Katherine Jackson told …": of
           * two given names with one surname, this one's own record */
          if (id >= 0 && e > f && abr_q_person (d, id)->family && (abr_q_class (d, e - 1) & ABR_QW_FIRSTNAME))
            {
              int32_t own = abr_q_given_person (d, e - 1);
              if (own >= 0)
                id = own;
            }
          uint32_t h = abr_q_honorific_before (d, f);
          if (f == e && h != ABR_QNONE && (abr_q_class (d, h) & ABR_QW_KEEP) && d->short_of[term] != 0
              && abr_q_person (d, (int32_t) d->short_of[term] - 1)->keep)
            id = (int32_t) d->short_of[term] - 1;
          if (gender == 3)
            {
              /* "It said": a body that opens a sentence or is the subject
               * of its verb ("The FA fined him. It said …", "In a
               * statement Google said …", "… but GM said"), not any name
               * in a sentence */
              int opens = f == d->base[se]
                          || (f == d->base[se] + 1 && (abr_q_class (d, f - 1) & ABR_QW_ARTICLE))
                          || (e + 1 < d->nt && abr_q_same_sentence (d, e, e + 1)
                              && !(abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS)
                              && (abr_q_is_cue (d, e + 1) || (abr_q_class (d, e + 1) & ABR_QW_ADVERB)));
              if ((!first && !speaks (d, f, e)) || !opens || possessive
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
          if ((first && !object_of_verb (d, f)) || subject)
            score *= 2.0;
          if (possessive)
            score *= 0.4;
          if (id == previous_speaker)
            score *= 1.2;
          if (speaks (d, f, e))
            score *= SPEAKS_WEIGHT;
          /* "a similar policy did to Old Labour", "films including Jungle
           * Fever" */
          if (gender != 3 && !abr_q_person (d, id)->evident && !first && !subject)
            score *= UNEVIDENT_WEIGHT;
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
                             : (!p->org && (!p->group || p->single) && (gender == 0 || pg == 0 || pg == gender));
      double score = 1.6 / (1.0 + (double) (s - previous_sentence));
      if (fits && score > best_score)
        best = previous_speaker;
    }
  if (best < 0 && gender != 3)
    best = last_who_spoke (d, at, gender);
  return best;
}

