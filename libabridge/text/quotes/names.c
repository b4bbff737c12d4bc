/* A name in the text and the title given next to it: "U.S. Deputy
 * Secretary of State Wendy Sherman", "Ruth Olsen, the union's
 * chairwoman", "Pieter van Dam, chief executive of Nordmaas". */
#include "config.h"

#include <string.h>

#include "text/quotes/view.h"

/* Whether the name ending right before token K holds a body's word,
 * through the joints before it ("Royal Society for the Protection"). */
static int
body_before (abr_qdoc *d, uint32_t k)
{
  static const char *const joints[] = { "of", "for", "on", "the", "and" };
  for (uint32_t g = k; g > 0 && k - g < 2 * ABR_Q_NAME_MAX_TOKENS;)
    {
      g--;
      if (g + 1 < k && (!abr_q_same_sentence (d, g, g + 1) || (abr_q_gap_after (d, g) & ABR_QG_NAME_BREAKS)))
        return 0;
      if (abr_q_is_name (d, g))
        {
          if (abr_q_class (d, g) & ABR_QW_ORG)
            return 1;
        }
      else if (abr_q_is_cap (d, g) || !abr_q_word_among (d, g, joints, G_N_ELEMENTS (joints)))
        return 0;
    }
  return 0;
}

uint32_t
abr_q_org_joint (abr_qdoc *d, uint32_t k)
{
  static const char *const joints[] = { "of", "for", "on" };
  /* the word first: this is asked at the end of every name */
  int and = abr_q_word_is (d, k, "and");
  if (k == 0 || k + 1 >= d->nt || (!and && !abr_q_word_among (d, k, joints, G_N_ELEMENTS (joints)))
      || abr_q_is_cap (d, k) || !abr_q_is_name (d, k - 1) || abr_q_is_possessive (d, k - 1))
    return 0;
  uint32_t n = and || !abr_q_word_is (d, k + 1, "the") ? 1 : 2;
  if (k + n >= d->nt || !abr_q_joined (d, k - 1, n + 2) || (!and && !abr_q_is_cap (d, k + n))
      || !abr_q_is_name (d, k + n))
    return 0;
  /* "Payment and Clearing Services": names that end in a body's word;
   * "Dun and Bradstreet Corp": a firm's, whatever is before "and" */
  uint32_t g = k + 1;
  while (and && g + 1 < d->nt && g - k < ABR_Q_NAME_MAX_TOKENS && abr_q_is_name (d, g + 1) && abr_q_joined (d, g, 2))
    g++;
  int firm = and && abr_q_firm_word (d, g);
  if (!firm && !body_before (d, k))
    return 0;
  if (!and)
    return n;
  return firm || (abr_q_class (d, g) & ABR_QW_ORG) ? 1 : 0;
}

uint32_t
abr_q_name_forward (abr_qdoc *d, uint32_t f, uint32_t hi)
{
  uint32_t e = f, n = 1;
  while (e + 1 <= hi && e + 1 < d->nt && n < ABR_Q_NAME_MAX_TOKENS)
    {
      uint32_t j = abr_q_org_joint (d, e + 1);
      if (j > 0 && e + 1 + j <= hi)
        {
          e += j + 1;
          n++;
          continue;
        }
      if (!abr_q_is_name (d, e + 1) || !abr_q_same_sentence (d, e, e + 1) || (abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS))
        break;
      e++;
      n++;
    }
  return e;
}

/* "Elizabeth II", "Carl XVI Gustaf": a king's or queen's number after a
 * given name, in capitals but no acronym. */
static int
regnal_number (abr_qdoc *d, uint32_t g)
{
  const abridge_token *t = abr_q_tok (d, g);
  if (g == 0 || t->len > 5 || !(abr_q_class (d, g - 1) & ABR_QW_FIRSTNAME) || !abr_q_joined (d, g - 1, 2))
    return 0;
  for (uint32_t i = 0; i < t->len; i++)
    if (!strchr ("IVXL", d->text[t->start + i]))
      return 0;
  return 1;
}

/* Whether a word of F … E names bodies or is in capitals ("BBC"), or two
 * are joined by a bare "&" ("M&S", "S&P"; "R&B" is no one either). */
static int
body_word_in (abr_qdoc *d, uint32_t f, uint32_t e)
{
  for (uint32_t g = f; g <= e; g++)
    {
      if ((abr_q_class (d, g) & ABR_QW_ORG) || (abr_q_all_caps (d, g) && !regnal_number (d, g)))
        return 1;
      if (g < e && abr_q_ampersand_after (d, g))
        return 1;
    }
  return 0;
}

/* "PBS' Jacoba Atlas": a mark right after the final s of token G, then a
 * space; whose the name after it is (the token holds no "'s"). */
static int
owner_mark (abr_qdoc *d, uint32_t g)
{
  const abridge_token *t = abr_q_tok (d, g);
  uint32_t e = t->start + t->len;
  return t->len > 1 && (d->text[e - 1] == 's' || d->text[e - 1] == 'S') && e + 1 < d->len && d->text[e] == '\''
         && d->text[e + 1] == ' ';
}

/* The name ending at token E, going back no further than LO: returns its
 * first token. A body's name holds "of", "for" and "and" ("the Bank of
 * England", "Association of Payment and Clearing Services"). */
uint32_t
abr_q_name_back (abr_qdoc *d, uint32_t e, uint32_t lo)
{
  uint32_t f = e, n = 1;
  while (f > lo && n < ABR_Q_NAME_MAX_TOKENS)
    {
      uint32_t p = f - 1;
      if (!abr_q_same_sentence (d, p, f) || (abr_q_gap_after (d, p) & ABR_QG_NAME_BREAKS)
          || (abr_q_is_possessive (d, p) && !(abr_q_class (d, f) & ABR_QW_ORG))
          || (owner_mark (d, p) && !(abr_q_class (d, e) & ABR_QW_ORG))) /* not "Actors' Equity Association" */
        break;
      if (abr_q_is_name (d, p))
        {
          f = p;
          n++;
          continue;
        }
      /* "Bank of England", "Royal Society for the Protection of Birds" */
      uint32_t j = abr_q_word_is (d, p, "the") && p > lo ? p - 1 : p;
      if (j > lo && abr_q_org_joint (d, j) == f - j)
        {
          f = j - 1;
          n++;
          continue;
        }
      /* "the Home Office", "the Justice Department": a portfolio opens a
       * body's name (lower-cased, after "the": not "his home office") */
      if ((d->lower ? p > lo && abr_q_word_is (d, p - 1, "the") : abr_q_is_cap (d, p)) && abr_q_portfolio (d, p)
          && ((abr_q_class (d, f) & ABR_QW_ORG)
              /* "Energy Control", "Home Depot"; not "Justice Kennedy" */
              || (!d->lower && !abr_q_word_is (d, p, "justice") && !(abr_q_class (d, f) & ABR_QW_FIRSTNAME))))
        {
          f = p;
          n++;
          continue;
        }
      /* "Nick Van den Brul", "Ludwig Mies van der Rohe": one or two
       * particles inside a name */
      uint32_t q = p;
      while (q > lo && p - q < 2 && !abr_q_is_cap (d, q) && (abr_q_class (d, q) & ABR_QW_PARTICLE)
             && abr_q_same_sentence (d, q - 1, q) && !(abr_q_gap_after (d, q - 1) & ABR_QG_NAME_BREAKS))
        q--;
      if (q < p && !abr_q_is_cap (d, q + 1) && (abr_q_class (d, q + 1) & ABR_QW_PARTICLE) && abr_q_is_name (d, q)
          && !abr_q_is_possessive (d, q))
        {
          n += p - q + 1;
          f = q;
          continue;
        }
      break;
    }
  /* "Tory Liam Fox", but "British Airways" */
  while (f < e && (abr_q_class (d, f) & ABR_QW_AFFIL) && !(abr_q_class (d, e) & ABR_QW_ORG))
    f++;
  /* "EADS Philippe Camus": the body he is of, in capitals, then a person */
  if (f + 2 <= e && !d->lower && abr_q_all_caps (d, f) && (abr_q_class (d, f + 1) & ABR_QW_FIRSTNAME)
      && !body_word_in (d, f + 1, e))
    f++;
  /* "Logan International Airport Tom Kinton": a body's name ends right
   * before a listed given name, and the person is the rest */
  for (uint32_t k = e > f + 2 ? e - 2 : f + 1; !d->lower && k < e; k++)
    if ((abr_q_class (d, k) & ABR_QW_FIRSTNAME) && (abr_q_class (d, k - 1) & ABR_QW_ORG) && abr_q_is_cap (d, k - 1)
        && !body_word_in (d, k, e))
      {
        f = k;
        break;
      }
  /* "Chancellor of the Exchequer Gordon Brown": after a title's "of",
   * the capitals before a listed given name are what the title is of */
  uint32_t o = f > 1 && (abr_q_class (d, f - 1) & ABR_QW_ARTICLE) && abr_q_word_is (d, f - 1, "the") ? f - 2 : f - 1;
  if (!d->lower && f > 1 && o > 0 && o < f && (abr_q_class (d, o) & ABR_QW_CONNECT) && abr_q_word_is (d, o, "of")
      && (abr_q_class (d, o - 1) & ABR_QW_TITLE) && abr_q_joined (d, o - 1, f - o + 1))
    for (uint32_t k = f + 1; k < e; k++)
      if ((abr_q_class (d, k) & ABR_QW_FIRSTNAME) && !body_word_in (d, k, e))
        {
          f = k;
          break;
        }
  return f;
}

/* Whether the name F … E is a person's though a word of it names bodies
 * or is in capitals, a listed given name first: "Mike Lake", "Sarah
 * Hall" (two words), "Nicholas Cooke QC" (letters after the name). */
static int
person_despite_words (abr_qdoc *d, uint32_t f, uint32_t e)
{
  if (!(abr_q_class (d, f) & ABR_QW_FIRSTNAME) || body_word_in (d, f, f))
    return 0;
  if (e == f + 1)
    return !abr_q_all_caps (d, e);
  return e > f + 1 && abr_q_all_caps (d, e) && abr_q_tok (d, e)->len <= 3 && !body_word_in (d, f + 1, e - 1);
}

int
abr_q_name_is_org (abr_qdoc *d, uint32_t f, uint32_t e)
{
  return !person_despite_words (d, f, e) && body_word_in (d, f, e);
}

/* The title right before the name starting at F ("U.S. Deputy Secretary of
 * State", "BA chairman", "aviation analyst"): fills T->s1/e1. */
int
abr_q_title_back (abr_qdoc *d, uint32_t f, uint32_t lo, abr_qtitle *t)
{
  uint32_t h = abr_q_honorific_before (d, f);
  uint32_t k = h != ABR_QNONE ? h : f;
  uint32_t first = ABR_QNONE, last = ABR_QNONE;
  int caps = 0, mods = 0, steps = 0;
  while (k > lo && steps < ABR_Q_TITLE_MAX_TOKENS)
    {
      uint32_t g = k - 1;
      steps++;
      if (!abr_q_same_sentence (d, g, k) || (abr_q_gap_after (d, g) & ABR_QG_NAME_BREAKS))
        break;
      uint32_t c = abr_q_class (d, g);
      int cap = abr_q_is_cap (d, g);
      if ((c & (ABR_QW_TITLE | ABR_QW_AFFIL)) && !(c & ABR_QW_VERB))
        {
          if (last == ABR_QNONE)
            last = g;
          first = g;
          caps = mods = 0;
        }
      else if (last == ABR_QNONE)
        break; /* the title must end right before the name */
      else if ((c & ABR_QW_CONNECT) && !cap && g > lo && (abr_q_class (d, g - 1) & ABR_QW_TITLE)
               && abr_q_same_sentence (d, g - 1, g))
        ; /* Secretary of State */
      else if (cap && !abr_q_is_stop (d, g) && !(c & (ABR_QW_NOTNAME | ABR_QW_VERB | ABR_QW_GENDERED | ABR_QW_WHO | ABR_QW_PLURAL))
               && caps < 3 && first == g + 1)
        {
          first = g;
          caps++;
        }
      else if (!cap && !abr_q_is_stop (d, g) && !(abr_q_tok (d, g)->flags & ABRIDGE_TOKEN_NUMBER)
               && !(c & (ABR_QW_VERB | ABR_QW_NOTNAME | ABR_QW_ADVERB | ABR_QW_ACCORDING | ABR_QW_CONNECT)) && mods < 2
               && first == g + 1)
        {
          first = g;
          mods++;
        }
      else
        break;
      k = g;
    }
  if (last == ABR_QNONE)
    return 0;
  t->s1 = abr_q_tok (d, first)->start;
  t->e1 = abr_q_tok_end (d, last);
  return 1;
}

/* ", the union's chairman," after the name ending at E: fills T->s1/e1. */
int
abr_q_appositive_after (abr_qdoc *d, uint32_t e, abr_qtitle *t)
{
  if (e + 1 >= d->nt || !abr_q_same_sentence (d, e, e + 1))
    return 0;
  unsigned g0 = abr_q_gap_after (d, e);
  if (!(g0 & ABR_QG_COMMA) || (g0 & (ABR_QG_QUOTE | ABR_QG_COLON | ABR_QG_DASH | ABR_QG_BREAK | ABR_QG_PARAGRAPH)))
    return 0;
  uint32_t n = e + 1, end = ABR_QNONE;
  int has_title = 0;
  for (uint32_t j = n; j < d->nt && j - n < ABR_Q_APPOSITIVE_MAX_TOKENS; j++)
    {
      uint32_t c = abr_q_class (d, j);
      if (c & (ABR_QW_VERB | ABR_QW_ACCORDING) && !abr_q_is_cap (d, j))
        return 0;
      if ((c & ABR_QW_TITLE) && !(c & ABR_QW_VERB))
        has_title = 1;
      int last_in_sentence = j + 1 >= d->nt || !abr_q_same_sentence (d, j, j + 1);
      unsigned g = last_in_sentence ? 0 : abr_q_gap_after (d, j);
      if (last_in_sentence || (g & ABR_QG_COMMA))
        {
          end = j;
          break;
        }
      if (g & (ABR_QG_QUOTE | ABR_QG_COLON | ABR_QG_DASH | ABR_QG_BREAK | ABR_QG_PARAGRAPH))
        return 0;
    }
  if (end == ABR_QNONE || !has_title)
    return 0;
  /* not "Arafat's offices in Ramallah, but the Palestinian leader, who
   * …": a clause of its own */
  static const char *const conjunctions[] = { "but", "and", "or", "while", "although", "though", "whereas", "yet" };
  uint32_t c = abr_q_class (d, n);
  if (c & (ABR_QW_WHO | ABR_QW_GENDERED | ABR_QW_PLURAL) || (abr_q_tok (d, n)->flags & ABRIDGE_TOKEN_NUMBER)
      || abr_q_word_among (d, n, conjunctions, G_N_ELEMENTS (conjunctions)))
    return 0;
  t->s1 = abr_q_tok (d, n)->start;
  t->e1 = abr_q_tok_end (d, end);
  return 1;
}

/* "of Dresdner Kleinwort Wasserstein" after the name ending at E. */
static int
of_org_after (abr_qdoc *d, uint32_t e, uint32_t *s, uint32_t *end)
{
  uint32_t k = e + 1;
  if (k + 1 >= d->nt || !abr_q_same_sentence (d, e, k + 1) || (abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS)
      || abr_q_is_cap (d, k) || !(abr_q_class (d, k) & ABR_QW_CONNECT) || (abr_q_gap_after (d, k) & ABR_QG_NAME_BREAKS))
    return 0;
  uint32_t j = k + 1, last = ABR_QNONE;
  while (j < d->nt && j - k <= 5 && abr_q_same_sentence (d, k, j) && abr_q_is_cap (d, j) && !abr_q_is_stop (d, j)
         && !(abr_q_class (d, j) & (ABR_QW_NOTNAME | ABR_QW_VERB)))
    {
      last = j;
      if (abr_q_gap_after (d, j) & ABR_QG_NAME_BREAKS)
        break;
      j++;
    }
  if (last == ABR_QNONE)
    return 0;
  *s = abr_q_tok (d, k)->start;
  *end = abr_q_tok_end (d, last);
  return 1;
}

/* The titles given next to the name F…E, before or after it. */
void
abr_q_local_title (abr_qdoc *d, uint32_t f, uint32_t e, uint32_t lo, abr_qtitle *t)
{
  memset (t, 0, sizeof *t);
  uint32_t s, end;
  int before = abr_q_title_back (d, f, lo, t);
  if (of_org_after (d, e, &s, &end))
    {
      if (before)
        {
          t->s2 = s;
          t->e2 = end;
        }
      else
        {
          abr_qtitle a = { 0 };
          if (abr_q_appositive_after (d, e, &a))
            *t = a;
        }
      return;
    }
  if (!before)
    abr_q_appositive_after (d, e, t);
}
