/* The speaker after a verb of saying: "said Atinc Ozkan", "according to
 * BA chairman Martin Broughton", "said an FA statement", "said his wife,
 * Sheila". */
#include "config.h"

#include "text/quotes/view.h"

/* "said the festival's executive director, Craig Prater", "said one of
 * their lawyers, Michalis Dimitrakopoulos": a role set off before the name
 * of the one who holds it, the name ending its clause */
static int
role_then_name (abr_qdoc *d, uint32_t v, uint32_t hi, abr_qattr *a)
{
  uint32_t k = v + 1;
  int role = 0;
  for (;; k++)
    {
      if (k > hi || k >= d->nt || k - v > 8 || !abr_q_same_sentence (d, v, k))
        return 0;
      uint32_t ck = abr_q_class (d, k);
      if ((ck & (ABR_QW_VERB | ABR_QW_PRONOUN | ABR_QW_IT)) || (abr_q_tok (d, k)->flags & ABRIDGE_TOKEN_NUMBER))
        return 0;
      role |= (ck & (ABR_QW_TITLE | ABR_QW_SPOKES | ABR_QW_GROUP)) != 0;
      unsigned gap = abr_q_gap_after (d, k);
      if (gap & ABR_QG_NAME_BREAKS & ~ABR_QG_COMMA)
        return 0;
      if (gap & ABR_QG_COMMA)
        break;
    }
  /* the name may follow its own title: ", Labour MP Barry Sheerman" */
  for (uint32_t f = k + 1; role && f <= hi && f < d->nt && f - k <= 3 && abr_q_same_sentence (d, k, f); f++)
    {
      if (f > k + 1 && (abr_q_gap_after (d, f - 1) & ABR_QG_NAME_BREAKS))
        return 0;
      if (abr_q_is_name (d, f) && (abr_q_is_cap (d, f) || d->lower))
        {
          uint32_t e = abr_q_name_forward (d, f, hi);
          if (!abr_q_is_possessive (d, e)
              && (e + 1 >= d->nt || !abr_q_same_sentence (d, e, e + 1) || (abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS)))
            {
              abr_q_attr_named (d, a, f, e, v, f);
              if (a->title.e1 == 0)
                {
                  a->title.s1 = abr_q_tok (d, v + 1)->start;
                  a->title.e1 = abr_q_tok_end (d, f - 1);
                }
              return 1;
            }
        }
      if (!(abr_q_class (d, f) & ABR_QW_TITLE) && !(abr_q_is_cap (d, f) && !abr_q_is_stop (d, f)))
        return 0;
    }
  return 0;
}

/* "according to a 2014 report from the World Bank", "said a report from
 * Kotak Institutional Equities", "according to a survey by Penelope Muse
 * Abernathy": the report's author speaks; G: the first word after the
 * verb. */
static int
document_by (abr_qdoc *d, uint32_t g, uint32_t v, uint32_t hi, abr_qattr *a)
{
  static const char *const papers[] = { "report", "survey", "study", "poll", "analysis", "review", "paper",
                                        "note", "letter", "memo", "statement", "research" };
  uint32_t k = g;
  while (k <= hi && k < d->nt && k - g < 4 && !abr_q_word_among (d, k, papers, G_N_ELEMENTS (papers)))
    {
      if (abr_q_is_cap (d, k) || (abr_q_class (d, k) & ABR_QW_VERB) || !abr_q_same_sentence (d, g, k)
          || (abr_q_gap_after (d, k) & ABR_QG_NAME_BREAKS))
        return 0;
      k++;
    }
  uint32_t by = k + 1, f = by + 1;
  if (by > hi || f >= d->nt || !abr_q_word_among (d, k, papers, G_N_ELEMENTS (papers))
      || !(abr_q_word_is (d, by, "by") || abr_q_word_is (d, by, "from")) || !abr_q_joined (d, k, 3))
    return 0;
  if (abr_q_word_is (d, f, "the") && f + 1 < d->nt && abr_q_joined (d, f, 2))
    f++;
  if (f > hi || !abr_q_is_cap (d, f) || !abr_q_is_name (d, f))
    return 0;
  uint32_t e = abr_q_name_forward (d, f, hi);
  if (abr_q_is_possessive (d, e))
    return 0;
  abr_q_attr_named (d, a, f, e, v, f);
  return 1;
}

/* Whether capitalised words from token K on, in one phrase, lead to a
 * title or are one ("Industry Secretary", "Spencer chief executive"):
 * the words before "and" name a portfolio or a body, not one of two
 * people ("said Bill and Denise Richard"). */
static int
title_after_caps (abr_qdoc *d, uint32_t k, uint32_t hi)
{
  uint32_t j = k;
  while (j <= hi && j < d->nt && j - k < 3 && abr_q_is_cap (d, j) && !(abr_q_class (d, j) & ABR_QW_TITLE)
         && abr_q_joined (d, j - 1, 2))
    j++;
  return j <= hi && j < d->nt && (abr_q_class (d, j) & ABR_QW_TITLE) && (j > k || abr_q_is_cap (d, j))
         && abr_q_joined (d, j - 1, 2);
}

/* The speaker after verb V ("said Atinc Ozkan", "according to BA chairman
 * Martin Broughton", "said an FA statement"), up to token HI. */
abr_qattr
abr_q_np_after (abr_qdoc *d, uint32_t v, uint32_t hi)
{
  abr_qattr a = { .kind = ABR_QA_NONE, .at = v, .verb = v };
  uint32_t g = v + 1;
  if (abr_q_class (d, v) & ABR_QW_ACCORDING)
    {
      if (g > hi || g >= d->nt || !(abr_q_class (d, g) & ABR_QW_TO) || (abr_q_gap_after (d, v) & ABR_QG_NAME_BREAKS))
        return a;
      g++;
    }
  if (g > hi || g >= d->nt || !abr_q_same_sentence (d, v, g) || (abr_q_gap_after (d, g - 1) & ABR_QG_NAME_BREAKS))
    return a;
  uint32_t c = abr_q_class (d, g);
  if (c & ABR_QW_PRONOUN)
    {
      abr_q_attr_pronoun (d, &a, g);
      return a;
    }
  if (document_by (d, g, v, hi, &a))
    return a;
  if (c & ABR_QW_IT)
    return a; /* "said it was …" */
  if (c & ABR_QW_POSSESSIVE)
    {
      /* "said his aunt, Jane Starner", "according to her lawyer, Mark
       * Geragos,": the name set off after whose role it is */
      uint32_t k = g + 1;
      while (k <= hi && k < d->nt && k - g <= 3 && abr_q_same_sentence (d, g, k)
             && !(abr_q_gap_after (d, k - 1) & ABR_QG_NAME_BREAKS) && !abr_q_is_cap (d, k) && !abr_q_is_stop (d, k)
             && !(abr_q_class (d, k) & ABR_QW_VERB))
        k++;
      unsigned gap = abr_q_gap_after (d, k - 1);
      if (k == g + 1 || k > hi || k >= d->nt || !abr_q_same_sentence (d, g, k) || !(gap & ABR_QG_COMMA)
          || (gap & (ABR_QG_QUOTE | ABR_QG_BREAK | ABR_QG_PARAGRAPH)) || !abr_q_is_name (d, k)
          || abr_q_is_possessive (d, k))
        return a;
      uint32_t e = abr_q_name_forward (d, k, hi);
      if (abr_q_is_possessive (d, e))
        return a;
      abr_q_attr_named (d, &a, k, e, v, k);
      if (a.title.e1 == 0)
        {
          a.title.s1 = abr_q_tok (d, g + 1)->start;
          a.title.e1 = abr_q_tok_end (d, k - 1);
        }
      return a;
    }
  uint32_t from = g;
  /* "said the FA", "said a shaken Mr Shiraz", "said one trader" */
  int the = 0, someone = 0;
  if ((c & (ABR_QW_ARTICLE | ABR_QW_SOMEONE)) && g + 1 <= hi && g + 1 < d->nt
      && !(abr_q_gap_after (d, g) & ABR_QG_NAME_BREAKS))
    {
      the = abr_q_word_is (d, g, "the");
      someone = !the;
      from = ++g;
      c = 0; /* "one" and "another" are no names, but they open one */
    }
  /* "said the American.", "said the Kansas Republican." */
  uint32_t dm = the && abr_q_the_demonym (d, from, v) ? from
                : the && from + 1 <= hi && from + 1 < d->nt && abr_q_the_demonym (d, from + 1, v) ? from + 1
                                                                                                 : ABR_QNONE;
  if (dm != ABR_QNONE
      && (dm + 1 > hi || dm + 1 >= d->nt || !abr_q_same_sentence (d, dm, dm + 1)
          || (abr_q_gap_after (d, dm) & ABR_QG_NAME_BREAKS)))
    {
      a.kind = ABR_QA_UNNAMED;
      a.at = dm;
      return a;
    }
  /* lower-cased "said moscow-based us lawyer jamie firestone", "said
   * marquis investment research analyst phil kain": the words before the
   * title that heads a name qualify the title, as capitals would show; so
   * do those before a listed given name ("said awards pundit tom o'neil",
   * "said abn amro's eddie wong") */
  uint32_t start = from;
  /* "said 20-year-old politics student Nick Vaughan": the age qualifies
   * the title as a word would */
  if (from + 3 <= hi && from + 3 < d->nt && abr_q_is_age (d, from + 2) && abr_q_joined (d, from + 2, 2))
    start = from + 3;
  uint32_t k0 = start;
  for (uint32_t k = start; d->lower && k + 1 <= hi && k + 1 < d->nt && k - start < 8; k++)
    {
      if ((k > start && !abr_q_joined (d, k - 1, 2)) || (abr_q_class (d, k) & ABR_QW_VERB)
          || (abr_q_tok (d, k)->flags & ABRIDGE_TOKEN_NUMBER))
        break;
      if (abr_q_is_name (d, k))
        {
          if (k > start && (abr_q_class (d, k) & ABR_QW_FIRSTNAME))
            k0 = k;
          break;
        }
      if ((abr_q_class (d, k) & ABR_QW_TITLE) && abr_q_is_name (d, k + 1)
          && !(abr_q_gap_after (d, k) & ABR_QG_NAME_BREAKS))
        {
          k0 = k;
          break;
        }
    }
  uint32_t e = ABR_QNONE, role = ABR_QNONE, last_role = ABR_QNONE;
  for (uint32_t k = k0; k <= hi && k < d->nt && k - from < ABR_Q_TITLE_MAX_TOKENS; k++)
    {
      if (k > from && (!abr_q_same_sentence (d, k - 1, k) || (abr_q_gap_after (d, k - 1) & ABR_QG_NAME_BREAKS)))
        break;
      uint32_t ck = abr_q_class (d, k);
      if (abr_q_is_name (d, k))
        {
          e = k;
          if (abr_q_is_possessive (d, k))
            e = ABR_QNONE; /* "said BA's chairman …" */
          continue;
        }
      if (d->lower && e == ABR_QNONE && abr_q_plain_word (d, k) && !abr_q_is_possessive (d, k) && k + 1 <= hi
          && k + 1 < d->nt && (abr_q_class (d, k + 1) & ABR_QW_SPOKES) && !(abr_q_gap_after (d, k) & ABR_QG_NAME_BREAKS))
        {
          e = k; /* lower-cased "said an rem spokesman": the body he speaks for */
          continue;
        }
      if ((ck & (ABR_QW_TITLE | ABR_QW_HONORIFIC)) && !(ck & ABR_QW_VERB))
        {
          role = e != ABR_QNONE && (e + 1 == k || (role != ABR_QNONE && role + 1 == k)) ? k : ABR_QNONE;
          last_role = (ck & (ABR_QW_HONORIFIC | ABR_QW_SPOKES)) || abr_q_is_cap (d, k) ? ABR_QNONE : k;
          continue;
        }
      if (abr_q_is_cap (d, k) && !abr_q_is_stop (d, k) && !(ck & (ABR_QW_NOTNAME | ABR_QW_VERB)))
        continue;
      if (abr_q_is_cap (d, k) && e != ABR_QNONE && e + 1 == k && k + 1 <= hi && k + 1 < d->nt
          && abr_q_is_cap (d, k + 1))
        continue; /* "Credit Suisse First Boston analyst …" */
      if ((ck & ABR_QW_PARTICLE) && (e == k - 1 || (e == k - 2 && (abr_q_class (d, k - 1) & ABR_QW_PARTICLE))))
        continue; /* "Ludwig Mies van der Rohe" */
      if ((ck & ABR_QW_CONNECT) && k > from && (abr_q_class (d, k - 1) & ABR_QW_TITLE))
        continue;
      if (!the && abr_q_word_is (d, k, "the") && k > from + 1 && abr_q_word_is (d, k - 1, "of")
          && (abr_q_class (d, k - 2) & ABR_QW_TITLE))
        continue; /* "said Chancellor of the Exchequer Gordon Brown", not "said the chairman of the …, X" */
      if (abr_q_word_is (d, k, "and") && k > from && abr_q_is_cap (d, k - 1) && title_after_caps (d, k + 1, hi))
        continue; /* "said Trade and Industry Secretary Patricia Hewitt" */
      if (abr_q_word_is (d, k, "and") && k > from && e == ABR_QNONE && (abr_q_class (d, k - 1) & ABR_QW_TITLE)
          && k + 1 <= hi && k + 1 < d->nt && !abr_q_is_cap (d, k + 1))
        continue; /* "said chairman and chief executive Bill Ford" */
      if (abr_q_is_cap (d, k) && k > from && e == ABR_QNONE && (abr_q_class (d, k - 1) & ABR_QW_TITLE)
          && k + 1 <= hi && k + 1 < d->nt && (abr_q_class (d, k + 1) & ABR_QW_TITLE))
        continue; /* "said Treasury Under Secretary John Taylor" */
      uint32_t joint = e == k - 1 ? abr_q_org_joint (d, k) : 0;
      if (joint > 0 && k + joint <= hi)
        {
          k += joint - 1; /* "said the Bank of England" */
          continue;
        }
      if (!abr_q_is_cap (d, k) && !abr_q_is_stop (d, k) && !(ck & (ABR_QW_VERB | ABR_QW_NOTNAME | ABR_QW_ADVERB))
          && ((k + 1 <= hi && k + 1 < d->nt && (abr_q_class (d, k + 1) & (ABR_QW_TITLE | ABR_QW_HONORIFIC)))
              || (k + 2 <= hi && k + 2 < d->nt && !abr_q_is_stop (d, k + 1)
                  && (abr_q_class (d, k + 2) & (ABR_QW_TITLE | ABR_QW_HONORIFIC)))))
        continue; /* said aviation analyst …, said a visibly shaken Mr … */
      if (!abr_q_is_cap (d, k) && !abr_q_is_stop (d, k) && e == ABR_QNONE
          && !(ck & (ABR_QW_VERB | ABR_QW_NOTNAME | ABR_QW_ADVERB))
          && ((k + 1 <= hi && k + 1 < d->nt && abr_q_is_cap (d, k + 1) && abr_q_is_name (d, k + 1))
              || (k + 2 <= hi && k + 2 < d->nt && !abr_q_is_stop (d, k + 1) && !abr_q_is_cap (d, k + 1)
                  && abr_q_is_cap (d, k + 2) && abr_q_is_name (d, k + 2))))
        continue; /* said planetary geologist Rosaly Lopes */
      break;
    }
  if (e == ABR_QNONE && role_then_name (d, v, hi, &a))
    return a;
  if (e == ABR_QNONE && from + 2 <= hi && from + 2 < d->nt && abr_q_is_age (d, from + 2))
    {
      a.kind = ABR_QA_UNNAMED; /* "said the 45-year-old" */
      a.at = from + 2;
      return a;
    }
  if (e == ABR_QNONE)
    {
      if (!abr_q_is_cap (d, from) && !abr_q_is_stop (d, from) && !(c & (ABR_QW_VERB | ABR_QW_NOTNAME | ABR_QW_ADVERB))
          && !(abr_q_tok (d, from)->flags & ABRIDGE_TOKEN_NUMBER))
        {
          /* "said police", "said the association in a statement": the
           * phrase's last word is its head */
          uint32_t head = from;
          while (head + 1 <= hi && head + 1 < d->nt && head - from < 5
                 && abr_q_same_sentence (d, head, head + 1)
                 && !(abr_q_gap_after (d, head) & ABR_QG_NAME_BREAKS) && !abr_q_is_stop (d, head + 1)
                 && !(abr_q_class (d, head + 1) & (ABR_QW_VERB | ABR_QW_ADVERB | ABR_QW_NOTNAME)))
            head++;
          a.kind = ABR_QA_UNNAMED;
          a.at = head;
        }
      return a;
    }
  /* "said one Republican political strategist", "said another Japanese
   * bank official": someone the article does not name, of whom the
   * capitals only say where (not "said an FA spokesman", for whom the FA
   * speaks) */
  if (someone && last_role != ABR_QNONE && last_role > e
      && (last_role + 1 >= d->nt || !abr_q_same_sentence (d, last_role, last_role + 1)
          || (abr_q_gap_after (d, last_role) & ABR_QG_NAME_BREAKS) || !abr_q_is_name (d, last_role + 1)))
    {
      a.kind = ABR_QA_UNNAMED;
      a.at = last_role;
      return a;
    }
  /* "said the Tottenham striker": the name only says whose striker; the
   * phrase is a description of someone named before, as a pronoun is */
  if (the && role != ABR_QNONE && role > e && !abr_q_is_cap (d, role)
      && !(abr_q_class (d, role) & (ABR_QW_SPOKES | ABR_QW_ORG | ABR_QW_GROUP | ABR_QW_HONORIFIC)))
    {
      a.kind = ABR_QA_UNNAMED;
      a.at = role;
      return a;
    }
  /* "added Starrs should have gone to prison": reported speech whose
   * subject follows the verb, not a speaker after it */
  if (e + 1 < d->nt && abr_q_same_sentence (d, e, e + 1) && !(abr_q_gap_after (d, e) & ~ABR_QG_NEWLINE)
      && abr_q_is_auxiliary (d, e + 1))
    return a;
  abr_q_attr_named (d, &a, abr_q_name_back (d, e, from), e, v, from);
  return a;
}

