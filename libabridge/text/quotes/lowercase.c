/* Names in a lower-cased article (CNN/DailyMail's tokenised copy writes
 * "said koirala"): where names stand, next to verbs of saying, titles
 * and honorifics. */
#include "config.h"

#include <string.h>

#include "text/quotes/view.h"

/* Whether the article is lower-cased (CNN/DM's tokenised copy): hardly a
 * capital inside a sentence. */
int
abr_q_lower_detect (abr_qdoc *d)
{
  uint32_t n = 0, caps = 0;
  for (uint32_t g = 1; g < d->nt; g++)
    {
      const abridge_token *t = abr_q_tok (d, g);
      if (g == d->base[abr_q_sentence_of (d, g)] || (t->flags & (ABRIDGE_TOKEN_STOP | ABRIDGE_TOKEN_NUMBER)))
        continue;
      if (abr_q_gap_after (d, g - 1)
          & (ABR_QG_QUOTE | ABR_QG_PERIOD | ABR_QG_COLON | ABR_QG_BREAK | ABR_QG_PARAGRAPH | ABR_QG_NEWLINE | ABR_QG_DASH))
        continue;
      n++;
      caps += (t->flags & ABRIDGE_TOKEN_CAPITALISED) != 0;
    }
  return n >= 40 && caps * 100 < n * 3;
}

/* "directly", "recently", "quickly": an adverb in -ly, no surname
 * ("blair directly denied"); not a name in -lly ("kelly", "connolly"),
 * nor one the news hardly uses ("rosaly lopes"). */
static int
adverb (abr_qdoc *d, uint32_t g)
{
  const abridge_token *t = abr_q_tok (d, g);
  return abr_q_is_ly_adverb (d, g) && t->len >= 6 && d->text[t->start + t->len - 3] != 'l'
         && !(abr_q_class (d, g) & ABR_QW_FIRSTNAME) && !abr_q_rare_word (d, g);
}

/* Makes every use of token G's word a name; an adverb never is one. */
static void
mark_name (abr_qdoc *d, uint32_t g)
{
  uint32_t term = abr_q_tok (d, g)->term;
  if (term < d->nterms && !adverb (d, g))
    d->nameterm[term] = 1;
}

static int
is_marked (abr_qdoc *d, uint32_t g)
{
  uint32_t term = abr_q_tok (d, g)->term;
  return term < d->nterms && d->nameterm[term];
}

/* Whether token G is an age between commas: ", 38,". (abr_q_is_age() is
 * the other kind, "the 38-year-old".) */
static int
age_between_commas (abr_qdoc *d, uint32_t g)
{
  const abridge_token *t = abr_q_tok (d, g);
  if (g == 0 || !(t->flags & ABRIDGE_TOKEN_NUMBER) || t->len > 3 || g + 1 >= d->nt)
    return 0;
  for (uint32_t i = 0; i < t->len; i++)
    if (!g_ascii_isdigit (d->text[t->start + i]))
      return 0;
  unsigned before = abr_q_gap_after (d, g - 1), after = abr_q_gap_after (d, g);
  return (before & ABR_QG_COMMA) && !(before & (ABR_QG_QUOTE | ABR_QG_BREAK)) && (after & ABR_QG_COMMA)
         && !(after & (ABR_QG_QUOTE | ABR_QG_BREAK | ABR_QG_PERIOD));
}

/* Whether token K, right after the word before it, opens that word's
 * object or complement ("spotted the car", "stands by the sink", "fired
 * his gun", "head back to class"): then that word is a verb or an
 * adverb, no name; a name is followed by a verb, a comma or more name. */
static int
opens_object (abr_qdoc *d, uint32_t k)
{
  return k > 0 && k < d->nt && abr_q_same_sentence (d, k - 1, k) && abr_q_gap_after (d, k - 1) == 0
         && ((abr_q_class (d, k) & (ABR_QW_ARTICLE | ABR_QW_TO | ABR_QW_POSSESSIVE)) || abr_q_word_is (d, k, "by"));
}

int
abr_q_past_tense (abr_qdoc *d, uint32_t g)
{
  /* and the irregular ones: "laura and paul ran the first half" */
  static const char *const irregular[]
      = { "ran", "went", "came", "took", "gave", "made", "won", "lost", "left", "got", "saw", "met",
          "told", "felt", "kept", "held", "led", "began", "spent", "sent", "wrote", "fell", "broke",
          "built", "bought", "brought", "caught", "chose", "drove", "ate", "flew", "grew", "knew",
          "paid", "rode", "rose", "sang", "sat", "shot", "slept", "spoke", "stood", "stole", "swam",
          "taught", "thought", "threw", "woke", "wore", "became", "found", "heard", "fought" };
  const abridge_token *t = abr_q_tok (d, g);
  const char *w = d->text + t->start;
  if (!(t->flags & ABRIDGE_TOKEN_CAPITALISED) && abr_q_word_among (d, g, irregular, G_N_ELEMENTS (irregular)))
    return 1;
  return t->len >= 6 && t->start + t->len <= d->len && !(t->flags & ABRIDGE_TOKEN_CAPITALISED)
         && w[t->len - 2] == 'e' && w[t->len - 1] == 'd' && w[t->len - 3] != 'e'
         && !(w[t->len - 3] == 'm' && w[t->len - 4] == 'm');
}

/* Whether token P, before a verb of saying, opens its clause after a
 * conjunction with no determiner ("while muse said", "but ofcom
 * said"): a singular common noun would need one ("while the survey
 * said"), so it is a name. A plural is a group, not a name. */
static int
bare_subject (abr_qdoc *d, uint32_t p)
{
  static const char *const words[] = { "and", "but", "while", "as", "when", "after", "although",
                                       "though", "whereas" };
  if (p == 0 || (abr_q_gap_after (d, p - 1) & ABR_QG_NAME_BREAKS) || abr_q_plural (d, p))
    return 0;
  return abr_q_word_among (d, p - 1, words, G_N_ELEMENTS (words));
}

/* Whether no token from A to B is a word most articles use. */
static int
no_common_word (abr_qdoc *d, uint32_t a, uint32_t b)
{
  for (uint32_t g = a; g <= b; g++)
    if (abr_q_common_word (d, g))
      return 0;
  return 1;
}

/* "the general election", "senior shadow cabinet members": a role word
 * that qualifies another ("general secretary", "senior minister") names
 * no one after it, unless a given name follows ("general john
 * abizaid"). */
static int
title_modifier (abr_qdoc *d, uint32_t g)
{
  static const char *const modifiers[] = { "general", "senior", "acting", "interim", "deputy", "vice",
                                           "chief", "associate", "assistant", "principal" };
  return abr_q_word_among (d, g, modifiers, G_N_ELEMENTS (modifiers))
         && !(g + 1 < d->nt && (abr_q_class (d, g + 1) & ABR_QW_FIRSTNAME));
}

/* Where names stand in a lower-cased article: next to a verb of saying
 * ("said koirala,", "“…” basnet said"), after an honorific or a title
 * ("miss hawksley", "manager brendan rodgers"), capitalised at a
 * sentence's start and nowhere in lower case; then the word before such a
 * name when a comma, title or honorific precedes it ("cnn hero, pushpa
 * basnet"). */
void
abr_q_names_lower (abr_qdoc *d)
{
  for (uint32_t g = 0; g < d->nt; g++)
    {
      uint32_t s = abr_q_sentence_of (d, g), c = abr_q_class (d, g);
      if (abr_q_is_cue (d, g) && !(c & ABR_QW_ACCORDING))
        {
          /* "says joe calzaghe.": one plain word, or up to three after a
           * verb that comes before its subject, then a stop */
          uint32_t k = g + 1, e = g, most = (c & ABR_QW_VERB_FIRST) ? 3 : 1;
          while (k < d->nt && k - g <= most && abr_q_same_sentence (d, g, k)
                 && !(abr_q_gap_after (d, k - 1) & ABR_QG_NAME_BREAKS) && abr_q_plain_word (d, k))
            {
              if (k + 1 >= d->nt || !abr_q_same_sentence (d, k, k + 1)
                  || (abr_q_gap_after (d, k)
                      & (ABR_QG_COMMA | ABR_QG_PERIOD | ABR_QG_QUOTE | ABR_QG_COLON | ABR_QG_BREAK | ABR_QG_DASH))
                  /* "said isabelle kronawitter at hypovereinsbank", "said
                   * ray rae marshall of the …": two or three words before
                   * a stop word, none a common one */
                  || (k >= g + 2 && abr_q_is_stop (d, k + 1) && no_common_word (d, g + 1, k)))
                {
                  e = k;
                  break;
                }
              k++;
            }
          /* "said artists needed freedom.", "said farmers faced ‘…’":
           * reported speech, not a name, when a word of it after the
           * first is one most articles use */
          for (uint32_t j = g + 2; j <= e && !(abr_q_class (d, g + 1) & ABR_QW_FIRSTNAME); j++)
            if (abr_q_common_word (d, j))
              e = g;
          for (uint32_t j = g + 1; j <= e; j++)
            mark_name (d, j);
          if (g > 0 && abr_q_same_sentence (d, g - 1, g) && !(abr_q_gap_after (d, g - 1) & ABR_QG_NAME_BREAKS)
              && abr_q_plain_word (d, g - 1))
            {
              uint32_t p = g - 1;
              if (p == d->base[s] || (abr_q_gap_after (d, p - 1) & (ABR_QG_COMMA | ABR_QG_QUOTE | ABR_QG_PERIOD | ABR_QG_DASH))
                  || (abr_q_class (d, p - 1) & (ABR_QW_TITLE | ABR_QW_HONORIFIC)) || is_marked (d, p - 1)
                  || (abr_q_class (d, p) & ABR_QW_FIRSTNAME) || bare_subject (d, p))
                mark_name (d, p);
              /* "pr guru john chant said": a given name before the word
               * before the verb makes both a name, whatever precedes;
               * so does a closing mark ("' …, ' simon falic told") or a
               * comma ("… prize, joss stone said"), a title or a body's
               * word ("investment bank merrill lynch said"), when neither
               * is a word most articles use */
              else if (p > d->base[s] && abr_q_plain_word (d, p - 1) && !(abr_q_gap_after (d, p - 1) & ABR_QG_NAME_BREAKS)
                       && ((abr_q_class (d, p - 1) & ABR_QW_FIRSTNAME)
                           || (p - 1 > d->base[s] && no_common_word (d, p - 1, p)
                               && ((abr_q_gap_after (d, p - 2) & (ABR_QG_QUOTE | ABR_QG_COMMA))
                                   || ((abr_q_class (d, p - 2) & (ABR_QW_TITLE | ABR_QW_ORG))
                                       && !(abr_q_gap_after (d, p - 2) & ABR_QG_NAME_BREAKS))))))
                {
                  mark_name (d, p - 1);
                  mark_name (d, p);
                }
            }
        }
      /* "another student, sam greathouse, told": the plain words set off
       * by commas between a title and a verb of saying */
      if (abr_q_is_cue (d, g) && !(c & ABR_QW_ACCORDING) && g > 1 && abr_q_same_sentence (d, g - 1, g)
          && (abr_q_gap_after (d, g - 1) & ABR_QG_COMMA) && !(abr_q_gap_after (d, g - 1) & (ABR_QG_QUOTE | ABR_QG_BREAK)))
        {
          uint32_t k = g - 1;
          while (k > d->base[s] && g - k < 3 && abr_q_plain_word (d, k - 1) && abr_q_same_sentence (d, k - 1, k)
                 && !(abr_q_gap_after (d, k - 1) & ABR_QG_NAME_BREAKS))
            k--;
          if (abr_q_plain_word (d, k) && k > d->base[s] && abr_q_same_sentence (d, k - 1, k)
              && (abr_q_gap_after (d, k - 1) & ABR_QG_COMMA) && !(abr_q_gap_after (d, k - 1) & (ABR_QG_QUOTE | ABR_QG_BREAK))
              && (abr_q_class (d, k - 1) & ABR_QW_TITLE) && !(abr_q_class (d, k - 1) & ABR_QW_SPOKES))
            for (uint32_t j = k; j < g; j++)
              mark_name (d, j);
        }
      /* "chairman of the bar council, guy mansfield qc warned": the plain
       * words right before a verb of saying after a comma that ends a
       * phrase with a title */
      if (abr_q_is_cue (d, g) && !(c & ABR_QW_ACCORDING) && g > 2 && abr_q_same_sentence (d, g - 1, g)
          && !(abr_q_gap_after (d, g - 1) & ABR_QG_NAME_BREAKS))
        {
          uint32_t f = g;
          while (f > d->base[s] && g - f < 3 && abr_q_plain_word (d, f - 1)
                 && !(abr_q_gap_after (d, f - 1) & ABR_QG_NAME_BREAKS))
            f--;
          unsigned gap = f > d->base[s] ? abr_q_gap_after (d, f - 1) : 0;
          uint32_t title = 0, k = f - 1;
          if (f < g && f > d->base[s] + 1 && (gap & ABR_QG_COMMA) && !(gap & (ABR_QG_QUOTE | ABR_QG_BREAK)))
            for (; k > d->base[s] && f - k <= ABR_Q_APPOSITIVE_MAX_TOKENS && !title; k--)
              {
                title |= (abr_q_class (d, k) & ABR_QW_TITLE) && !(abr_q_class (d, k) & ABR_QW_SPOKES);
                if (abr_q_gap_after (d, k - 1) & ABR_QG_NAME_BREAKS)
                  break;
              }
          for (uint32_t j = f; title && j < g; j++)
            mark_name (d, j);
        }
      /* "‘…,’ strauss zelnick, ceo of take-two, adds": the plain words
       * right after a quotation, a comma ("In response, ieuan wyn jones,
       * leader of …, said") or opening the sentence, and before an
       * appositive with a title or an affiliation, set off by commas,
       * before a verb of saying; right after a quotation, the closing
       * comma may be left out when a title ends the appositive ("' …, '
       * armando falcon, ofheo director said") */
      int unclosed = g > 2 && !(abr_q_gap_after (d, g - 1) & ABR_QG_NAME_BREAKS)
                     && (abr_q_class (d, g - 1) & ABR_QW_TITLE) && !(abr_q_class (d, g - 1) & ABR_QW_SPOKES);
      if (abr_q_is_cue (d, g) && !(c & ABR_QW_ACCORDING) && g > 2 && abr_q_same_sentence (d, g - 1, g)
          && (unclosed
              || ((abr_q_gap_after (d, g - 1) & ABR_QG_COMMA) && !(abr_q_gap_after (d, g - 1) & (ABR_QG_QUOTE | ABR_QG_BREAK)))))
        {
          uint32_t k = g - 1, title = 0;
          /* "birgit kuhlhoff, from sal oppenheim investment bank, told":
           * where someone is from stands for a title */
          while (k > d->base[s] && g - k <= ABR_Q_APPOSITIVE_MAX_TOKENS && !(abr_q_gap_after (d, k - 1) & ABR_QG_NAME_BREAKS))
            title |= (abr_q_class (d, k--) & (ABR_QW_TITLE | ABR_QW_ARTICLE | ABR_QW_CONNECT)) != 0;
          title |= (abr_q_class (d, k) & (ABR_QW_TITLE | ABR_QW_ARTICLE | ABR_QW_CONNECT)) != 0;
          unsigned gap = k > d->base[s] ? abr_q_gap_after (d, k - 1) : 0;
          /* not "' … ' prospect, an official said": "an official" is the
           * subject, no appositive */
          if (title && k > d->base[s] + 1 && (gap & ABR_QG_COMMA) && !(gap & (ABR_QG_QUOTE | ABR_QG_BREAK))
              && !(unclosed && (abr_q_class (d, k) & (ABR_QW_ARTICLE | ABR_QW_SOMEONE))))
            {
              /* "fathi bin shatwan": a particle inside the name, not marked */
              uint32_t e = k - 1, f = e;
              while (f > d->base[s] && e - f < 2
                     && (abr_q_plain_word (d, f - 1)
                         || (f - 1 > d->base[s] && (abr_q_class (d, f - 1) & ABR_QW_PARTICLE) && abr_q_plain_word (d, f - 2)))
                     && !(abr_q_gap_after (d, f - 1) & ABR_QG_NAME_BREAKS))
                f--;
              int opens = unclosed ? f > d->base[s] && (abr_q_gap_after (d, f - 1) & ABR_QG_QUOTE)
                                   : f == d->base[s] || (abr_q_gap_after (d, f - 1) & (ABR_QG_QUOTE | ABR_QG_COMMA));
              for (uint32_t j = f; opens && j <= e && (abr_q_plain_word (d, j) || (j > f && j < e)); j++)
                if (abr_q_plain_word (d, j))
                  mark_name (d, j);
            }
        }
      /* "a spokesman for distributor toho said", "a spokeswoman for the
       * rad said": the body a spokesman speaks for, up to the verb */
      if (abr_q_is_cue (d, g) && !(c & ABR_QW_ACCORDING) && g > 2)
        {
          uint32_t f = g;
          while (f > d->base[s] && g - f < 4 && abr_q_plain_word (d, f - 1)
                 && !(abr_q_gap_after (d, f - 1) & ABR_QG_NAME_BREAKS))
            f--;
          uint32_t b = f > d->base[s] && abr_q_word_is (d, f - 1, "the") ? f - 1 : f, named = 0;
          /* not "for the department": a body's word alone is a phrase
           * the group reader resolves */
          for (uint32_t j = f; j < g; j++)
            named |= !(abr_q_class (d, j) & ABR_QW_ORG);
          /* "economist at global insight said": where a role is held,
           * when no word of it is one most articles use */
          int held_at = b > d->base[s] + 1 && (abr_q_word_is (d, b - 1, "at") || abr_q_word_is (d, b - 1, "of"))
                        && (abr_q_class (d, b - 2) & ABR_QW_TITLE) && f < g && no_common_word (d, f, g - 1);
          if (named && b > d->base[s] + 1 && (abr_q_word_is (d, b - 1, "for") || held_at)
              && (abr_q_class (d, b - 2) & (held_at ? ABR_QW_TITLE : ABR_QW_SPOKES))
              && !(abr_q_gap_after (d, b - 2) & ABR_QG_NAME_BREAKS)
              && !(abr_q_gap_after (d, b - 1) & ABR_QG_NAME_BREAKS) && !(abr_q_gap_after (d, g - 1) & ABR_QG_NAME_BREAKS))
            for (uint32_t j = f; j < g; j++)
              mark_name (d, j);
        }
      if (g + 1 < d->nt
          && ((c & ABR_QW_HONORIFIC) || ((c & ABR_QW_TITLE) && !abr_q_portfolio (d, g) && !title_modifier (d, g))
              || ((abr_q_class (d, g) & ABR_QW_KIN) && !abr_q_common_word (d, g + 1)))
          && abr_q_same_sentence (d, g, g + 1) && !(abr_q_gap_after (d, g) & ABR_QG_NAME_BREAKS)
          && abr_q_plain_word (d, g + 1) && !abr_q_past_tense (d, g + 1)
          && !(g + 2 < d->nt && (abr_q_class (d, g + 2) & (ABR_QW_HONORIFIC | ABR_QW_TITLE))
               && abr_q_joined (d, g + 1, 2) && !abr_q_is_possessive (d, g + 1))
          && !opens_object (d, g + 2))
        {
          mark_name (d, g + 1);
          uint32_t k = g + 2;
          /* not "mrs reagan celebrate their anniversary": a word before its
           * object is a verb */
          if (k < d->nt && abr_q_same_sentence (d, g, k) && !(abr_q_gap_after (d, k - 1) & ABR_QG_NAME_BREAKS)
              && abr_q_plain_word (d, k) && !abr_q_common_word (d, k) && !abr_q_past_tense (d, k)
              && !opens_object (d, k + 1)
              && (k + 1 >= d->nt || !abr_q_same_sentence (d, k, k + 1) || (abr_q_gap_after (d, k) & ABR_QG_NAME_BREAKS)
                  || abr_q_is_stop (d, k + 1) || abr_q_is_cue (d, k + 1) || abr_q_past_tense (d, k + 1)))
            mark_name (d, k);
        }
      const abridge_token *t = abr_q_tok (d, g);
      if (g == d->base[s] && (t->flags & ABRIDGE_TOKEN_CAPITALISED) && t->term < d->nterms
          && d->lowcount[t->term] == 0 && abr_q_plain_word (d, g))
        mark_name (d, g);
    }
  /* "the international monetary fund (imf)": the acronym in brackets is
   * the body's name wherever it stands ("the imf said") */
  for (uint32_t g = 1; g < d->nt; g++)
    if (abr_q_plain_word (d, g) && abr_q_spelt_before (d, g) != ABR_QNONE)
      mark_name (d, g);
  /* "is andrea carter, 72, from …", "Ben flower does not …": a common
   * given name and the plain word after it (or a second given name after
   * a hyphen: "jean-louis"), wherever they stand, unless a word most
   * articles use ("sarah works") or a verb in the past ("paul ran"); the
   * verbs of saying near a name are too often a pronoun's ("she
   * admitted") for the rules above to reach them */
  for (uint32_t g = 0; g + 1 < d->nt; g++)
    if ((abr_q_class (d, g) & ABR_QW_FIRSTNAME) && abr_q_plain_word (d, g) && abr_q_plain_word (d, g + 1)
        && !abr_q_common_word (d, g + 1) && !abr_q_past_tense (d, g + 1)
        && (!(abr_q_class (d, g + 1) & ABR_QW_FIRSTNAME) || (abr_q_gap_after (d, g) & ABR_QG_HYPHEN))
        && abr_q_same_sentence (d, g, g + 1) && !(abr_q_gap_after (d, g) & ABR_QG_NAME_BREAKS))
      {
        mark_name (d, g);
        mark_name (d, g + 1);
      }
  /* "cuban bikini babe kathy ferreiro, 21, is vying": the two plain
   * words before an age set off by commas (tabloid copy gives every
   * newcomer one) */
  for (uint32_t g = 2; g < d->nt; g++)
    if (age_between_commas (d, g) && abr_q_same_sentence (d, g - 2, g) && abr_q_plain_word (d, g - 1)
        && abr_q_plain_word (d, g - 2) && !(abr_q_gap_after (d, g - 2) & ABR_QG_NAME_BREAKS))
      {
        mark_name (d, g - 2);
        mark_name (d, g - 1);
      }
  /* "…: nasr bitar saw", ", nasr parked his car": a word the news hardly
   * uses, opening its clause with no determiner, before a verb in the
   * past: the one who did it; so is such a word right before it */
  for (uint32_t g = 0; g + 1 < d->nt; g++)
    if (abr_q_plain_word (d, g) && abr_q_rare_word (d, g) && !abr_q_is_possessive (d, g) && !abr_q_plural (d, g)
        && abr_q_joined (d, g, 2) && abr_q_past_tense (d, g + 1))
      {
        uint32_t f = g;
        if (f > d->base[abr_q_sentence_of (d, g)] && abr_q_joined (d, f - 1, 2) && abr_q_plain_word (d, f - 1)
            && abr_q_rare_word (d, f - 1))
          f--;
        if (f == d->base[abr_q_sentence_of (d, f)] || (abr_q_gap_after (d, f - 1) & (ABR_QG_COMMA | ABR_QG_COLON | ABR_QG_QUOTE))
            || bare_subject (d, f))
          for (uint32_t j = f; j <= g; j++)
            mark_name (d, j);
      }
  for (uint32_t g = 1; g < d->nt; g++)
    {
      uint32_t p = g - 1;
      if (!is_marked (d, g) || is_marked (d, p) || !abr_q_same_sentence (d, p, g)
          || (abr_q_gap_after (d, p) & ABR_QG_NAME_BREAKS) || !abr_q_plain_word (d, p)
          || (abr_q_common_word (d, p) && !(abr_q_class (d, p) & ABR_QW_FIRSTNAME)))
        continue; /* "– means google may": a verb most articles use */
      if (abr_q_is_participle (d, p) && !(abr_q_class (d, p) & ABR_QW_FIRSTNAME))
        continue; /* "…, pushing chloe into his car": a verb's -ing form */
      if (p == d->base[abr_q_sentence_of (d, p)] || (abr_q_gap_after (d, p - 1) & (ABR_QG_COMMA | ABR_QG_QUOTE | ABR_QG_DASH))
          || (abr_q_class (d, p - 1) & (ABR_QW_TITLE | ABR_QW_HONORIFIC)))
        mark_name (d, p);
    }
  /* "barrister philip marshall qc said", "Jean pierre valensi, the
   * prosecutor, said": up to two plain words after a name, up to a verb
   * of saying or an appositive's comma, are the rest of it */
  for (uint32_t g = 0; g + 1 < d->nt; g++)
    {
      if (!is_marked (d, g) || is_marked (d, g + 1))
        continue;
      uint32_t k = g + 1, e = g;
      while (k < d->nt && k - g <= 2 && abr_q_same_sentence (d, g, k)
             && !(abr_q_gap_after (d, k - 1) & ABR_QG_NAME_BREAKS) && abr_q_plain_word (d, k) && !is_marked (d, k))
        {
          if (k + 1 >= d->nt || !abr_q_same_sentence (d, k, k + 1))
            break;
          unsigned gap = abr_q_gap_after (d, k);
          uint32_t next = abr_q_class (d, k + 1);
          if ((!(gap & ABR_QG_NAME_BREAKS) && abr_q_is_cue (d, k + 1) && !(next & ABR_QW_ACCORDING))
              || ((gap & ABR_QG_COMMA) && !(gap & (ABR_QG_QUOTE | ABR_QG_BREAK)) && (next & (ABR_QW_ARTICLE | ABR_QW_TITLE))))
            {
              e = k;
              break;
            }
          k++;
        }
      for (uint32_t j = g + 1; j <= e; j++)
        mark_name (d, j);
    }
  /* "Peter silverman, of …": the word after a name, before a comma */
  for (uint32_t g = 0; g + 1 < d->nt; g++)
    {
      uint32_t k = g + 1;
      if (is_marked (d, g) && !is_marked (d, k) && abr_q_same_sentence (d, g, k)
          && !(abr_q_gap_after (d, g) & ABR_QG_NAME_BREAKS) && abr_q_plain_word (d, k)
          && (abr_q_gap_after (d, k) & ABR_QG_COMMA) && !(abr_q_gap_after (d, k) & (ABR_QG_QUOTE | ABR_QG_BREAK)))
        mark_name (d, k);
    }
  /* "nick van den brul", "ghazi al-gosaibi", "marie-pierre ripert": a
   * name goes on over one or two particles, or after a hyphenated given
   * name, to the plain word that ends it, or to a hyphenated surname */
  for (uint32_t g = 1; g + 1 < d->nt; g++)
    {
      if (!is_marked (d, g) || !abr_q_same_sentence (d, g, g + 1))
        continue;
      uint32_t k = g + 1;
      while (k < d->nt && k - g <= 2 && abr_q_same_sentence (d, g, k) && !(abr_q_gap_after (d, k - 1) & ABR_QG_NAME_BREAKS)
             && (abr_q_class (d, k) & ABR_QW_PARTICLE))
        k++;
      int hyphenated = (abr_q_gap_after (d, g - 1) & ABR_QG_HYPHEN) && is_marked (d, g - 1);
      if ((k > g + 1 || hyphenated) && k < d->nt && abr_q_same_sentence (d, g, k)
          && !(abr_q_gap_after (d, k - 1) & ABR_QG_NAME_BREAKS) && abr_q_plain_word (d, k) && !is_marked (d, k))
        mark_name (d, k);
      /* "cardinal cormac murphy-o'connor": a hyphenated surname, of two
       * words no article uses often ("kelly well-known" is none) */
      else if (k == g + 1 && k + 1 < d->nt && abr_q_same_sentence (d, g, k + 1)
               && !(abr_q_gap_after (d, g) & ABR_QG_NAME_BREAKS) && (abr_q_gap_after (d, k) & ABR_QG_HYPHEN)
               && !(abr_q_gap_after (d, k) & ABR_QG_NAME_BREAKS) && abr_q_plain_word (d, k) && abr_q_plain_word (d, k + 1)
               && !is_marked (d, k) && !abr_q_common_word (d, k) && !abr_q_common_word (d, k + 1))
        {
          mark_name (d, k);
          mark_name (d, k + 1);
        }
    }
  /* "reporter martina purdy quit": the word after a name when hardly any
   * article uses it and it is no verb in the past or -ing ("shiraz
   * evacuated"); backwards, so one word at most */
  for (uint32_t g = d->nt > 1 ? d->nt - 1 : 0; g-- > 0;)
    if (is_marked (d, g) && !is_marked (d, g + 1) && abr_q_same_sentence (d, g, g + 1)
        && !(abr_q_gap_after (d, g) & ABR_QG_NAME_BREAKS) && abr_q_plain_word (d, g + 1)
        && abr_q_rare_word (d, g + 1) && !abr_q_past_tense (d, g + 1) && !abr_q_is_participle (d, g + 1))
      mark_name (d, g + 1);
}
