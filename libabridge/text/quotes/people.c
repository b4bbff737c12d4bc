/* The article's people and bodies: every name with its title and gender
 * evidence, keyed by surname, so that "Stoltenberg" is "Jens
 * Stoltenberg", "FA" the "Football Association" and "the home secretary"
 * the one so titled. */
#include "config.h"

#include <string.h>

#include "text/quotes/view.h"

static int32_t
person_add (abr_qdoc *d, uint32_t term)
{
  if (d->person_of[term] != 0)
    return (int32_t) d->person_of[term] - 1;
  if (d->people->len >= G_MAXINT32 - 1)
    return -1;
  g_array_set_size (d->people, d->people->len + 1); /* zeroed */
  d->person_of[term] = d->people->len;
  return (int32_t) d->people->len - 1;
}

/* TERM is a given name of person ID: the one person's, or several's. */
static void
given_name_of (abr_qdoc *d, uint32_t term, int32_t id)
{
  if (d->first_of[term] != (uint32_t) id + 1)
    d->first_of[term] = d->first_of[term] == 0 ? (uint32_t) id + 1 : UINT32_MAX;
}

/* P is a person, and word G (an honorific or a given name) gives WEIGHT
 * votes for the gender it has. */
static void
person_by (abr_qdoc *d, abr_qperson *p, uint32_t g, int weight)
{
  uint32_t c = abr_q_class (d, g);
  p->male += (c & ABR_QW_MALE) ? weight : 0;
  p->female += (c & ABR_QW_FEMALE) ? weight : 0;
  p->personish = 1;
  p->evident |= weight > 0;
}

/* Token G's gender as a listed given name, as abr_q_person_gender()
 * gives a person's: 1 male, 2 female, 0 neither or both. */
static int
given_gender (abr_qdoc *d, uint32_t g)
{
  uint32_t c = abr_q_class (d, g);
  if (!(c & ABR_QW_FIRSTNAME) || !(c & ABR_QW_MALE) == !(c & ABR_QW_FEMALE))
    return 0;
  return (c & ABR_QW_MALE) ? 1 : 2;
}

/* Whether the text ending at byte END ends with person ID's name. */
static int
ends_with_name (abr_qdoc *d, uint32_t end, int32_t id)
{
  const abr_qperson *p = abr_q_person (d, id);
  uint32_t n = p->name_end - p->name_start;
  return n <= end && g_ascii_strncasecmp (d->text + end - n, d->text + p->name_start, n) == 0;
}

/* Whether the name F…E is a body other than record ID, which is keyed by
 * the same last word: "National Oceanic and Atmospheric Administration"
 * once "Federal Aviation Administration", but not "Exchange Commission"
 * once "Securities and Exchange Commission", nor the other way round. */
static int
other_body (abr_qdoc *d, uint32_t f, uint32_t e, int32_t id)
{
  const abr_qperson *p = abr_q_person (d, id);
  if (e == f || !p->org || p->name_tokens < 2 || !abr_q_name_is_org (d, f, e)
      || ends_with_name (d, abr_q_tok_end (d, e), id))
    return 0;
  uint32_t start = abr_q_tok (d, f)->start, n = abr_q_tok_end (d, e) - start;
  return n > p->name_end - p->name_start
         || g_ascii_strncasecmp (d->text + p->name_end - n, d->text + start, n) != 0;
}

/* The record of the body F…E names among ID and the bodies keyed by the
 * same last word after it; -1 when none is. */
static int32_t
homonym (abr_qdoc *d, uint32_t f, uint32_t e, int32_t id)
{
  while (id >= 0 && other_body (d, f, e, id))
    id = (int32_t) abr_q_person (d, id)->homonym - 1;
  return id;
}

/* Records a mention of the name F…E: the fullest name, its title,
 * gender evidence. Returns the person, or -1. */
int32_t
abr_q_person_note (abr_qdoc *d, uint32_t f, uint32_t e, const abr_qtitle *title, int possessive_ok)
{
  uint32_t term = abr_q_tok (d, e)->term;
  if (term >= d->nterms || (!possessive_ok && abr_q_is_possessive (d, e)))
    return -1;
  int32_t id = person_add (d, term);
  if (id < 0)
    return -1;
  int32_t same = homonym (d, f, e, id);
  if (same < 0)
    {
      /* a body of its own, chained after the last keyed by its word */
      if (d->people->len >= G_MAXINT32 - 1)
        return -1;
      while (abr_q_person (d, id)->homonym != 0)
        id = (int32_t) abr_q_person (d, id)->homonym - 1;
      g_array_set_size (d->people, d->people->len + 1); /* zeroed */
      abr_q_person (d, id)->homonym = d->people->len;
      same = (int32_t) d->people->len - 1;
    }
  id = same;
  abr_qperson *p = abr_q_person (d, id);
  uint32_t n = e - f + 1;
  int org = abr_q_name_is_org (d, f, e);
  uint32_t h = abr_q_honorific_before (d, f);
  int keep = h != ABR_QNONE && (abr_q_class (d, h) & ABR_QW_KEEP); /* Sir Alex Ferguson */
  /* "Mr Jackson …. Katherine Jackson": a given name of the other gender
   * than the surname's, before any given name, is someone else of the
   * family; the surname's record keeps its name and gender */
  int given = n >= 2 && !org ? given_gender (d, e - 1) : 0;
  int other = p->given == 0 && given != 0 && abr_q_person_gender (p) == 3 - given;
  if (n + keep > p->name_tokens && !(org && !p->org && p->name_tokens > 0) && !other)
    {
      p->name_start = abr_q_tok (d, keep ? h : f)->start;
      p->name_end = abr_q_tok_end (d, e);
      p->name_tokens = n + keep;
      p->org = org;
      p->keep = keep;
    }
  if (title != NULL && title->e1 != 0 && p->title.e1 == 0 && !other)
    p->title = *title;
  if (n >= 2 && f + 1 <= e)
    {
      /* "Foster's Group" is also called "Foster's" */
      int rest_org = 1;
      for (uint32_t g = f + 1; g <= e; g++)
        rest_org &= (abr_q_class (d, g) & ABR_QW_ORG) != 0;
      uint32_t t0 = abr_q_tok (d, f)->term;
      /* and "Sir Andrew Motion" is "Sir Andrew" */
      if ((rest_org || keep) && t0 < d->nterms && d->short_of[t0] == 0)
        d->short_of[t0] = (uint32_t) id + 1;
      /* "Shiraz Nawaz" is "Shiraz" later on, if nobody else is */
      else if (!rest_org && !org && t0 < d->nterms)
        given_name_of (d, t0, id);
      /* "Laura Elliott" and "Paul Elliott": a couple, a family, keyed
       * by one surname; a given name alone then names its own one */
      uint32_t tg = abr_q_tok (d, e - 1)->term;
      if (!rest_org && !org && tg < d->nterms && (abr_q_class (d, e - 1) & ABR_QW_FIRSTNAME))
        {
          /* "Runners Laura Elliott": Laura is her given name too */
          if (e - 1 != f)
            given_name_of (d, tg, id);
          if (other)
            p->family = 1;
          if (p->given == 0)
            p->given = tg + 1;
          else if (p->given != tg + 1)
            p->family = 1;
          if (d->full_end[tg] == 0)
            {
              d->full_start[tg] = abr_q_tok (d, e - 1)->start;
              d->full_end[tg] = abr_q_tok_end (d, e);
            }
        }
    }
  if (h != ABR_QNONE && !other)
    person_by (d, p, h, 3);
  if (n >= 2 && !org && !other)
    person_by (d, p, f, (abr_q_class (d, f) & ABR_QW_FIRSTNAME) ? 2 : 0);
  if (title != NULL && title->e1 != 0 && !org && !other)
    {
      p->personish = p->evident = 1;
      /* spokeswoman, chairwoman: the title says it */
      uint32_t g = abr_q_token_at (d, title->s1);
      for (uint32_t k = 0; g < d->nt && k < ABR_Q_TITLE_MAX_TOKENS && abr_q_tok (d, g)->start < title->e1; g++, k++)
        if ((abr_q_class (d, g) & (ABR_QW_TITLE | ABR_QW_FEMALE)) == (ABR_QW_TITLE | ABR_QW_FEMALE))
          p->female += 2;
    }
  return id;
}

/* abr_qperson P's gender from the evidence: 1 male, 2 female, 0 unknown. */
int
abr_q_person_gender (const abr_qperson *p)
{
  return p->male > p->female ? 1 : p->female > p->male ? 2 : 0;
}

/* The body an acronym stands for: "FA" for "The Football Association". */
static int32_t
acronym_expand (abr_qdoc *d, uint32_t g)
{
  const abridge_token *t = abr_q_tok (d, g);
  char letters[16];
  size_t n = 0;
  for (uint32_t i = 0; i < t->len && t->start + i < d->len; i++)
    {
      char c = d->text[t->start + i];
      if (c >= 'A' && c <= 'Z')
        {
          if (n + 1 >= sizeof letters)
            return -1;
          letters[n++] = c;
        }
    }
  if (n < 2)
    return -1;
  if (d->lookups == 0)
    return -1;
  d->lookups--;
  uint32_t limit = d->people->len < 5000 ? d->people->len : 5000;
  for (uint32_t id = 0; id < limit; id++)
    {
      const abr_qperson *p = abr_q_person (d, id);
      if (p->name_tokens != n)
        continue;
      size_t k = 0;
      for (uint32_t j = abr_q_token_at (d, p->name_start);
           j < d->nt && abr_q_tok (d, j)->start < p->name_end && k <= n; j++)
        {
          const abridge_token *u = abr_q_tok (d, j);
          if (u->flags & ABRIDGE_TOKEN_STOP)
            continue;
          char c = d->text[u->start];
          if (k == n || c != letters[k])
            {
              k = n + 1;
              break;
            }
          k++;
        }
      if (k == n)
        return (int32_t) id;
    }
  return -1;
}

/* The body a lower-cased acronym at G was spelt out for where the article
 * first used it: "the crown prosecution service (cps)". */
static int32_t
acronym_in_brackets (abr_qdoc *d, uint32_t g)
{
  const abridge_token *t = abr_q_tok (d, g);
  if (t->len < 2 || t->len > 6 || d->lookups == 0)
    return -1;
  d->lookups--;
  for (uint32_t j = 1; j < d->nt; j++)
    {
      if (abr_q_tok (d, j)->term != t->term)
        continue;
      uint32_t k = abr_q_spelt_before (d, j);
      /* a record keyed by the same last word is another body ("China
       * Central Television" for "… Film and Television (SARFT)") */
      uint32_t last = abr_q_tok (d, j - 1)->term;
      if (k != ABR_QNONE && last < d->nterms
          && (d->person_of[last] == 0 || ends_with_name (d, abr_q_tok_end (d, j - 1), (int32_t) d->person_of[last] - 1)))
        {
          int32_t id = abr_q_person_note (d, k, j - 1, NULL, 0);
          if (id >= 0)
            abr_q_person (d, id)->org = 1;
          return id;
        }
    }
  return -1;
}

/* Whether A and B (N and M bytes) are one edit apart: a letter left
 * out, added or changed. */
static int
one_edit (const char *a, size_t n, const char *b, size_t m)
{
  if (n > m)
    return one_edit (b, m, a, n);
  if (m - n > 1)
    return 0;
  size_t i = 0;
  while (i < n && g_ascii_tolower (a[i]) == g_ascii_tolower (b[i]))
    i++;
  if (i == n)
    return m == n + 1;
  size_t skip = n == m ? 1 : 0; /* changed, or left out of A */
  return g_ascii_strncasecmp (a + i + skip, b + i + 1, n - i - skip) == 0;
}

/* The one person named in full whose surname W (N bytes) is, exactly
 * (EXACT) or but for a letter, or -1; a walk over all people, so it
 * spends a look-up of the article's budget. */
static int32_t
surname_person (abr_qdoc *d, const char *w, size_t n, int exact)
{
  if (d->lookups == 0)
    return -1;
  d->lookups--;
  int32_t found = -1;
  uint32_t limit = d->people->len < 5000 ? d->people->len : 5000;
  for (uint32_t id = 0; id < limit; id++)
    {
      const abr_qperson *p = abr_q_person (d, id);
      if (p->name_tokens < 2 || !p->personish || p->org)
        continue;
      const char *name = d->text + p->name_start, *end = d->text + p->name_end;
      const char *last = end;
      while (last > name && last[-1] != ' ')
        last--;
      size_t m = (size_t) (end - last);
      if (exact ? m != n || g_ascii_strncasecmp (last, w, n) != 0
                : m == 0 || g_ascii_tolower (*last) != g_ascii_tolower (*w) || !one_edit (w, n, last, m))
        continue;
      if (found >= 0)
        return -1;
      found = (int32_t) id;
    }
  return found;
}

int32_t
abr_q_possessor (abr_qdoc *d, uint32_t g)
{
  const abridge_token *t = abr_q_tok (d, g);
  return t->len < 4 ? -1 : surname_person (d, d->text + t->start, t->len - 2 /* "'s" */, 1);
}

int32_t
abr_q_misspelt_person (abr_qdoc *d, uint32_t g)
{
  const abridge_token *t = abr_q_tok (d, g);
  /* lower-cased copy writes names in lower case mid-sentence */
  if (t->len < 5 || (t->term < d->nterms && (d->midcap[t->term] >= 2 || (d->lower && d->lowcount[t->term] >= 2))))
    return -1;
  return surname_person (d, d->text + t->start, t->len, 0);
}

/* The person (or body) a named attribution speaks for: its fullest name
 * ("Stoltenberg" → "Jens Stoltenberg"), the body behind a short form or an
 * acronym ("Foster's" → "Foster's Group", "FA" → "Football Association"). */
int32_t
abr_q_speaker_person (abr_qdoc *d, const abr_qattr *a)
{
  uint32_t f = a->first, e = a->last, term = abr_q_tok (d, e)->term;
  if (term >= d->nterms)
    return -1;
  if (f == e)
    {
      uint32_t h = abr_q_honorific_before (d, f);
      /* "Lorenz said", with "Edward Norton Lorenz" and "the Lorenz Center"
       * both named: the person whose surname it is, not the body's short
       * form */
      const abr_qperson *named = d->person_of[term] != 0 ? abr_q_person (d, (int32_t) d->person_of[term] - 1) : NULL;
      int surname = h == ABR_QNONE && named != NULL && named->personish && !named->org && named->name_tokens >= 2
                    && (abr_q_class (d, abr_q_token_at (d, named->name_start)) & ABR_QW_FIRSTNAME);
      if (d->short_of[term] != 0 && !surname && (h == ABR_QNONE || (abr_q_class (d, h) & ABR_QW_KEEP)))
        {
          int32_t id = (int32_t) d->short_of[term] - 1;
          if (h == ABR_QNONE || abr_q_person (d, id)->keep)
            return id;
        }
      int32_t known = d->person_of[term] != 0 ? (int32_t) d->person_of[term] - 1 : -1;
      if ((abr_q_all_caps (d, e) || d->lower)
          && (known < 0 || (abr_q_person (d, known)->name_tokens <= 1 && !abr_q_person (d, known)->expanded)))
        {
          int32_t x = abr_q_all_caps (d, e) ? acronym_expand (d, e) : -1;
          if (x < 0)
            x = acronym_in_brackets (d, e);
          if (known < 0)
            known = abr_q_person_note (d, f, e, &a->title, 1);
          if (known >= 0)
            abr_q_person (d, known)->expanded = 1;
          if (x >= 0)
            {
              d->person_of[term] = (uint32_t) x + 1;
              return x;
            }
        }
    }
  int32_t id = abr_q_person_note (d, f, e, &a->title, 1);
  if (id >= 0 && !abr_q_person (d, id)->org && e > f)
    abr_q_person (d, id)->personish = 1;
  if (id >= 0 && f == e && abr_q_person (d, id)->name_tokens == 1)
    {
      int32_t full = abr_q_given_person (d, e);
      if (full < 0)
        full = abr_q_misspelt_person (d, e);
      if (full >= 0)
        return full;
    }
  return id;
}

/* The person the name F … E names, looked up and never noted (a name a
 * rule then declines must not become someone "he" may mean): its last
 * word's, or for a lone given name the one named in full ("This week Ed
 * told Now magazine …"). */
int32_t
abr_q_named_person (abr_qdoc *d, uint32_t f, uint32_t e)
{
  uint32_t term = abr_q_tok (d, e)->term;
  if (term >= d->nterms)
    return -1;
  int32_t id = (int32_t) d->person_of[term] - 1;
  if (id >= 0 && f < e)
    id = homonym (d, f, e, id);
  if (f == e && (id < 0 || abr_q_person (d, id)->name_tokens == 1))
    {
      int32_t full = abr_q_given_person (d, e);
      if (full >= 0)
        id = full;
    }
  return id;
}

/* The one named in full whose given name the lone name at G is ("Ed
 * told Now magazine", once "Ed Sheeran"), or -1. Where two given names
 * share a surname, the given name's own record, named by its first full
 * mention ("Paul added" is Paul Elliott, not the Elliott named first). */
int32_t
abr_q_given_person (abr_qdoc *d, uint32_t g)
{
  uint32_t term = abr_q_tok (d, g)->term;
  if (term >= d->nterms || d->first_of[term] == 0 || d->first_of[term] == UINT32_MAX)
    return -1;
  int32_t id = (int32_t) d->first_of[term] - 1;
  if (!abr_q_person (d, id)->family || d->full_end[term] == 0)
    return id;
  int32_t own = person_add (d, term);
  if (own < 0)
    return id;
  abr_qperson *p = abr_q_person (d, own);
  if (p->name_tokens < 2)
    {
      p->name_start = d->full_start[term];
      p->name_end = d->full_end[term];
      p->name_tokens = 2;
      person_by (d, p, g, 2);
    }
  return own;
}

int
abr_q_other_body (abr_qdoc *d, const abr_qperson *p, uint32_t t, uint32_t q)
{
  /* no body: a role ("Senior judge"), or a nationality, which names a
   * country no word of a title is compared with ("the French coach") */
  const uint32_t role = ABR_QW_TITLE | ABR_QW_AFFIL;
  return q != ABR_QNONE && abr_q_tok (d, t)->start >= p->title.s1 && abr_q_tok (d, t)->start < p->title.e1
         && abr_q_is_name (d, t) && !(abr_q_class (d, t) & role) && !(abr_q_class (d, q) & role)
         && abr_q_tok (d, t)->term != abr_q_tok (d, q)->term;
}

/* "the home secretary said": the one person the article gave that title
 * ("Home Secretary Charles Clarke"), or -1. BUDGET bounds the lookups. */
int32_t
abr_q_title_person (abr_qdoc *d, uint32_t head, uint32_t *budget)
{
  uint32_t c = abr_q_class (d, head);
  if (!(c & ABR_QW_TITLE) || (c & ABR_QW_SPOKES) || *budget == 0)
    return -1;
  uint32_t f = head;
  while (f > 0 && head - f < 3 && (abr_q_class (d, f - 1) & ABR_QW_TITLE) && !abr_q_is_cap (d, f - 1)
         && abr_q_same_sentence (d, f - 1, f) && !(abr_q_gap_after (d, f - 1) & ABR_QG_NAME_BREAKS))
    f--;
  /* "the French coach" is the coach ("France coach Bernard Laporte") */
  uint32_t m = f;
  while (m > 0 && f - m < 3 && abr_q_is_cap (d, m - 1) && !abr_q_is_stop (d, m - 1) && abr_q_same_sentence (d, m - 1, m)
         && !(abr_q_gap_after (d, m - 1) & ABR_QG_NAME_BREAKS))
    m--;
  if (m == 0 || !abr_q_same_sentence (d, m - 1, m) || (abr_q_gap_after (d, m - 1) & ABR_QG_NAME_BREAKS))
    return -1;
  if (!abr_q_word_is (d, m - 1, "the"))
    return -1; /* "a spokesman" is nobody in particular */
  (*budget)--;
  int32_t found = -1;
  uint32_t limit = d->people->len < 5000 ? d->people->len : 5000;
  for (uint32_t id = 0; id < limit; id++)
    {
      const abr_qperson *p = abr_q_person (d, id);
      if (p->title.e1 == 0 || p->org || !p->personish)
        continue;
      uint32_t tl = abr_q_token_at (d, p->title.e1);
      if (tl == 0)
        continue;
      tl--;
      int same = 1;
      for (uint32_t k = 0; k <= head - f && same; k++)
        same = tl >= k && abr_q_tok (d, tl - k)->start >= p->title.s1
               && abr_q_tok (d, tl - k)->term == abr_q_tok (d, head - k)->term;
      /* "Deputy Mayor" is no "the mayor", but "Justice Minister" is "the
       * minister" (a portfolio, unless "Prime" or "Vice") */
      uint32_t before = tl - (head - f);
      if (!same
          || (before > 0 && abr_q_tok (d, before - 1)->start >= p->title.s1
              && (abr_q_class (d, before - 1) & ABR_QW_TITLE)
              && (!abr_q_portfolio (d, before - 1) || abr_q_word_is (d, before - 1, "prime")
                  || abr_q_word_is (d, before - 1, "vice"))))
        continue;
      if (m < f && before > 0 && abr_q_other_body (d, p, before - 1, f - 1))
        continue;
      if (found >= 0 && found != (int32_t) id)
        return -1; /* two of them: which one is meant? */
      found = (int32_t) id;
    }
  return found;
}

/* "Paul and Laura Elliott": the given name before "and" shares the
 * surname E; Paul is "Paul Elliott", a record of his own keyed by his
 * given name, with the surname as a second span. */
static void
shared_surname (abr_qdoc *d, uint32_t f, uint32_t e)
{
  if (f < 2 || !abr_q_word_is (d, f - 1, "and") || !abr_q_joined (d, f - 2, 3))
    return;
  uint32_t g = f - 2;
  if (!abr_q_is_name (d, g) || !(abr_q_class (d, g) & ABR_QW_FIRSTNAME) || abr_q_name_is_org (d, f, e)
      || (g > 0 && abr_q_same_sentence (d, g - 1, g) && !(abr_q_gap_after (d, g - 1) & ABR_QG_NAME_BREAKS)
          && abr_q_is_name (d, g - 1)))
    return;
  uint32_t term = abr_q_tok (d, g)->term;
  if (term >= d->nterms || d->person_of[term] != 0)
    return;
  int32_t id = person_add (d, term);
  if (id < 0)
    return;
  abr_qperson *p = abr_q_person (d, id);
  p->name_start = abr_q_tok (d, g)->start;
  p->name_end = abr_q_tok_end (d, g);
  p->surname_start = abr_q_tok (d, e)->start;
  p->surname_end = abr_q_tok_end (d, e);
  p->name_tokens = 2;
  p->personish = 1;
}

/* One pass over the article: counts capitalised and lower-case uses of
 * each word, registers every name with its title, and collects gender
 * evidence (a person alone in the last two sentences, then he/his/she/her
 * outside quotes). */
void
abr_q_people_build (abr_qdoc *d)
{
  for (uint32_t g = 0; g < d->nt; g++)
    {
      const abridge_token *t = abr_q_tok (d, g);
      if (t->term >= d->nterms)
        continue;
      uint32_t s = abr_q_sentence_of (d, g);
      if (t->flags & ABRIDGE_TOKEN_CAPITALISED)
        {
          if (g != d->base[s])
            d->capcount[t->term]++;
        }
      else
        d->lowcount[t->term]++;
    }
  d->lower = abr_q_lower_detect (d);
  if (d->lower)
    abr_q_names_lower (d);
  memcpy (d->midcap, d->capcount, (d->nterms + 1) * sizeof *d->midcap);
  /* First-word uses count as mentions too once the word is known as a name. */
  for (uint32_t s = 0; s < d->ns; s++)
    if (d->base[s] < d->base[s + 1])
      {
        const abridge_token *t = abr_q_tok (d, d->base[s]);
        if (t->term < d->nterms && d->lowcount[t->term] == 0)
          d->capcount[t->term]++;
      }

  int32_t last_person = -1;
  uint32_t last_sentence = 0;
  int ambiguous = 0;
  uint32_t qi = 0;
  for (uint32_t g = 0; g < d->nt; g++)
    {
      uint32_t start = abr_q_tok (d, g)->start;
      while (qi < d->nq && d->quotes[qi].end <= start)
        qi++;
      int inside = qi < d->nq && d->quotes[qi].start <= start;
      uint32_t s = abr_q_sentence_of (d, g);
      if (last_person >= 0 && s > last_sentence + 1)
        last_person = -1;
      uint32_t c = abr_q_class (d, g);
      if ((c & ABR_QW_GENDERED) && !inside && last_person >= 0 && !ambiguous)
        {
          abr_q_person (d, last_person)->male += (c & ABR_QW_MALE) ? 1 : 0;
          abr_q_person (d, last_person)->female += (c & ABR_QW_FEMALE) ? 1 : 0;
          continue;
        }
      if (!abr_q_is_name (d, g))
        continue;
      /* A maximal name: extend forward, then take its end. */
      uint32_t e = g;
      while (e + 1 < d->nt && e - g < 12 && abr_q_same_sentence (d, e, e + 1)
             && !(abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS)
             && (!abr_q_is_possessive (d, e) || (abr_q_class (d, e + 1) & ABR_QW_ORG)))
        {
          if (abr_q_is_name (d, e + 1))
            e++;
          else if (e + 2 < d->nt && (abr_q_class (d, e + 1) & ABR_QW_PARTICLE) && !abr_q_is_cap (d, e + 1)
                   && abr_q_same_sentence (d, e, e + 2) && !(abr_q_gap_after (d, e + 1) & ABR_QG_NAME_BREAKS)
                   && abr_q_is_name (d, e + 2))
            e += 2;
          else
            break;
        }
      /* "Energy Control", "Home Depot": a capitalised portfolio opens a
       * body's name (abr_q_name_back() says when) */
      int portfolio = g > 0 && (abr_q_class (d, g - 1) & ABR_QW_TITLE) && abr_q_portfolio (d, g - 1);
      uint32_t f = abr_q_name_back (d, e, portfolio ? g - 1 : g);
      /* "Organisation for Economic Cooperation and Development": the
       * rest of a body's name after its "for" or "of" is no one */
      if (f > 1 && (abr_q_class (d, f - 1) & ABR_QW_CONNECT) && !abr_q_is_cap (d, f - 1) && abr_q_joined (d, f - 2, 2)
          && abr_q_is_cap (d, f - 2) && (abr_q_class (d, f - 2) & ABR_QW_ORG))
        {
          g = e;
          continue;
        }
      /* "the Reagan-Gorbachev summit": two names a hyphen joins before a
       * noun qualify it; no one is called so */
      if (e == f + 1 && (abr_q_gap_after (d, f) & ABR_QG_HYPHEN) && e + 1 < d->nt && abr_q_joined (d, e, 2)
          && abr_q_plain_word (d, e + 1) && !abr_q_is_cap (d, e + 1) && !abr_q_is_cue (d, e + 1)
          && !abr_q_is_auxiliary (d, e + 1) && !abr_q_past_tense (d, e + 1)
          && !(abr_q_class (d, e + 1) & (ABR_QW_VERB | ABR_QW_ADVERB)))
        {
          g = e;
          continue;
        }
      abr_qtitle title;
      abr_q_local_title (d, f, e, f > 12 ? f - 12 : 0, &title);
      uint32_t h = abr_q_honorific_before (d, f);
      int single = f == e && h == ABR_QNONE && title.e1 == 0;
      int32_t id = -1;
      uint32_t t0 = abr_q_tok (d, f)->term;
      if (f == e && h != ABR_QNONE && (abr_q_class (d, h) & ABR_QW_KEEP) && t0 < d->nterms && d->short_of[t0] != 0
          && abr_q_person (d, (int32_t) d->short_of[t0] - 1)->keep)
        id = (int32_t) d->short_of[t0] - 1; /* "Sir Andrew", once "Sir Andrew Motion" */
      else if (!single)
        {
          id = abr_q_person_note (d, f, e, &title, 0);
          if (id >= 0 && e > f)
            shared_surname (d, f, e);
        }
      else if (abr_q_tok (d, e)->term < d->nterms && d->person_of[abr_q_tok (d, e)->term] != 0)
        {
          /* "Hewitt", once "Lleyton Hewitt": named by the surname alone,
           * as people are */
          id = (int32_t) d->person_of[abr_q_tok (d, e)->term] - 1;
          abr_q_person (d, id)->evident |= abr_q_person (d, id)->name_tokens >= 2;
        }
      else if ((abr_q_class (d, f) & ABR_QW_FIRSTNAME) && f > 0 && abr_q_joined (d, f - 1, 2) && (abr_q_class (d, f - 1) & ABR_QW_KIN))
        {
          /* "His wife Sharon, who …, agreed": a given name after a word for
           * kin is someone, who may be she */
          id = abr_q_person_note (d, f, e, &title, 0);
          if (id >= 0)
            person_by (d, abr_q_person (d, id), f, 2);
        }
      /* "Conti says", "said Conti" */
      if (id >= 0 && !inside
          && ((e + 1 < d->nt && abr_q_joined (d, e, 2) && abr_q_is_cue (d, e + 1))
              || (f > 0 && abr_q_joined (d, f - 1, 2) && (abr_q_class (d, f - 1) & ABR_QW_VERB_FIRST)
                  && abr_q_is_cue (d, f - 1))))
        abr_q_person (d, id)->evident = 1;
      if (id >= 0 && !inside && abr_q_person (d, id)->personish && !abr_q_person (d, id)->org)
        {
          ambiguous = last_person >= 0 && last_person != id && s <= last_sentence + 1;
          last_person = id;
          last_sentence = s;
        }
      g = e;
    }
}
