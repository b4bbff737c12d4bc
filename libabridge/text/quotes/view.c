/* The token view of a document that quote attribution reads: tokens
 * across sentences as one array, their word classes, and the punctuation
 * between two of them. */
#include "config.h"

#include <string.h>

#include "text/quotes/view.h"

/* Punctuation is only looked for in this many bytes between two tokens. */
#define MAX_GAP 64

void
abr_q_view_init (abr_qdoc *d, const abridge_document *doc)
{
  memset (d, 0, sizeof *d);
  d->doc = doc;
  d->lexicon = abr_q_lexicon (abridge_document_language (doc));
  d->text = doc->data;
  d->len = doc->len;
  d->ns = doc->sentences->len;
  d->sstart = g_new0 (uint32_t, d->ns + 1);
  d->send = g_new0 (uint32_t, d->ns + 1);
  d->spara = g_new0 (uint32_t, d->ns + 1);
  d->base = g_new0 (uint32_t, d->ns + 2);
  for (uint32_t s = 0; s < d->ns; s++)
    {
      const abr_sentence *sent = &g_array_index (doc->sentences, abr_sentence, s);
      d->sstart[s] = sent->start;
      d->send[s] = sent->end;
      d->spara[s] = sent->paragraph;
      d->base[s] = sent->tok_off;
    }
  d->toks = (const abridge_token *) (const void *) doc->tokens->data;
  d->nt = doc->tokens->len;
  d->base[d->ns] = d->base[d->ns + 1] = d->nt;
  d->gaps = g_new0 (uint16_t, d->nt + 1);
  d->nterms = doc->lex.n_terms;
  d->wclass = g_new0 (uint32_t, d->nterms + 1);
  d->capcount = g_new0 (uint32_t, d->nterms + 1);
  d->midcap = g_new0 (uint32_t, d->nterms + 1);
  d->lowcount = g_new0 (uint32_t, d->nterms + 1);
  d->person_of = g_new0 (uint32_t, d->nterms + 1);
  d->short_of = g_new0 (uint32_t, d->nterms + 1);
  d->first_of = g_new0 (uint32_t, d->nterms + 1);
  d->full_start = g_new0 (uint32_t, d->nterms + 1);
  d->full_end = g_new0 (uint32_t, d->nterms + 1);
  d->nameterm = g_new0 (uint8_t, d->nterms + 1);
  d->people = g_array_new (FALSE, TRUE, sizeof (abr_qperson));
  d->quotes = (const abr_doc_quote *) (const void *) doc->quotes->data;
  d->nq = doc->quotes->len;
  d->lookups = ABR_Q_LOOKUP_BUDGET;
}

void
abr_q_view_clear (abr_qdoc *d)
{
  g_free (d->sstart);
  g_free (d->send);
  g_free (d->spara);
  g_free (d->base);
  g_free (d->gaps);
  g_free (d->wclass);
  g_free (d->capcount);
  g_free (d->midcap);
  g_free (d->lowcount);
  g_free (d->person_of);
  g_free (d->short_of);
  g_free (d->first_of);
  g_free (d->full_start);
  g_free (d->full_end);
  g_free (d->nameterm);
  g_array_unref (d->people);
}

const char *
abr_q_term_text (abr_qdoc *d, uint32_t term)
{
  return term < d->nterms ? d->doc->lex.terms[term] : NULL;
}

int
abr_q_word_is (abr_qdoc *d, uint32_t g, const char *word)
{
  const char *w = g < d->nt ? abr_q_term_text (d, abr_q_tok (d, g)->term) : NULL;
  return w != NULL && strcmp (w, word) == 0;
}

int
abr_q_word_among (abr_qdoc *d, uint32_t g, const char *const *words, size_t n)
{
  const char *w = g < d->nt ? abr_q_term_text (d, abr_q_tok (d, g)->term) : NULL;
  for (size_t i = 0; w != NULL && i < n; i++)
    if (strcmp (w, words[i]) == 0)
      return 1;
  return 0;
}

int
abr_q_plural (abr_qdoc *d, uint32_t g)
{
  static const char *const collective[] = { "police", "people", "staff", "family", "families",
                                            "public", "crowd", "couple", "team" };
  const char *w = abr_q_term_text (d, abr_q_tok (d, g)->term);
  size_t n = w != NULL ? strlen (w) : 0;
  return (n > 2 && w[n - 1] == 's' && w[n - 2] != 's') || abr_q_word_among (d, g, collective, G_N_ELEMENTS (collective));
}

/* Whether token G, "He", is a family name rather than the pronoun: "He
 * Jianxiong", capitalised before a capitalised word no lexicon knows,
 * where the pronoun would have a verb after it. */
static int
family_name (abr_qdoc *d, uint32_t g)
{
  const abridge_token *t = abr_q_tok (d, g), *n = g + 1 < d->nt ? abr_q_tok (d, g + 1) : NULL;
  return n != NULL && (t->flags & ABRIDGE_TOKEN_CAPITALISED) && (n->flags & ABRIDGE_TOKEN_CAPITALISED)
         && !abr_q_all_caps (d, g) && !abr_q_all_caps (d, g + 1) && abr_q_gap_after (d, g) == 0
         && n->term < d->nterms && abr_q_lexicon_class (d->lexicon, abr_q_term_text (d, n->term)) == 0;
}

/* The class of the listed word token G is part of, joined to its
 * neighbour by a bare hyphen ("the Sale full-back"), else OWN. */
static uint32_t
hyphenated_class (abr_qdoc *d, uint32_t g, uint32_t own)
{
  /* asked of each "back" again and again: one byte on each side first */
  const abridge_token *t = abr_q_tok (d, g);
  uint32_t end = abr_q_tok_end (d, g);
  if (!(t->start > 0 && d->text[t->start - 1] == '-') && !(end < d->len && d->text[end] == '-'))
    return own;
  for (uint32_t a = g > 0 ? g - 1 : g; a <= g && a + 1 < d->nt; a++)
    {
      if (abr_q_gap_after (d, a) != ABR_QG_HYPHEN)
        continue;
      const char *x = abr_q_term_text (d, abr_q_tok (d, a)->term), *y = abr_q_term_text (d, abr_q_tok (d, a + 1)->term);
      if (x == NULL || y == NULL)
        continue;
      char *word = g_strconcat (x, "-", y, NULL);
      uint32_t c = abr_q_lexicon_class (d->lexicon, word);
      g_free (word);
      if (c != 0)
        return c & ~(uint32_t) ABR_QW_HYPHENATED;
    }
  return own;
}

/* The word classes of token G (looked up once a term). */
uint32_t
abr_q_class (abr_qdoc *d, uint32_t g)
{
  enum { KNOWN = 1u << 31 };
  uint32_t term = abr_q_tok (d, g)->term;
  if (term >= d->nterms)
    return 0;
  if (!(d->wclass[term] & KNOWN))
    d->wclass[term] = KNOWN | abr_q_lexicon_class (d->lexicon, abr_q_term_text (d, term));
  uint32_t c = d->wclass[term] & ~(uint32_t) KNOWN;
  if (c & ABR_QW_HYPHENATED)
    c = hyphenated_class (d, g, c & ~(uint32_t) ABR_QW_HYPHENATED);
  return (c & ABR_QW_PRONOUN) && family_name (d, g) ? 0 : c;
}

uint32_t
abr_q_sentence_of (abr_qdoc *d, uint32_t g)
{
  uint32_t s = d->cache;
  if (s < d->ns && d->base[s] <= g && g < d->base[s + 1])
    return s;
  if (s + 1 < d->ns && d->base[s + 1] <= g && g < d->base[s + 2])
    return d->cache = s + 1;
  uint32_t lo = 0, hi = d->ns; /* the last s with base[s] <= g */
  while (lo + 1 < hi)
    {
      uint32_t mid = lo + (hi - lo) / 2;
      if (d->base[mid] <= g)
        lo = mid;
      else
        hi = mid;
    }
  return d->cache = lo;
}

const abridge_token *
abr_q_tok (abr_qdoc *d, uint32_t g)
{
  return &d->toks[g];
}

uint32_t
abr_q_tok_end (abr_qdoc *d, uint32_t g)
{
  const abridge_token *t = abr_q_tok (d, g);
  return t->start + t->len;
}

int
abr_q_is_cap (abr_qdoc *d, uint32_t g)
{
  return (abr_q_tok (d, g)->flags & ABRIDGE_TOKEN_CAPITALISED) != 0;
}

int
abr_q_is_stop (abr_qdoc *d, uint32_t g)
{
  return (abr_q_tok (d, g)->flags & ABRIDGE_TOKEN_STOP) != 0;
}

int
abr_q_same_sentence (abr_qdoc *d, uint32_t a, uint32_t b)
{
  return abr_q_sentence_of (d, a) == abr_q_sentence_of (d, b);
}

/* First token starting at or after byte OFFSET (nt when none). */
uint32_t
abr_q_token_at (abr_qdoc *d, uint32_t offset)
{
  uint32_t lo = 0, hi = d->nt;
  while (lo < hi)
    {
      uint32_t mid = lo + (hi - lo) / 2;
      if (abr_q_tok (d, mid)->start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

int
abr_q_is_mark (const unsigned char *p, size_t avail, size_t *len)
{
  if (avail >= 1 && (p[0] == '"' || p[0] == '\''))
    {
      *len = 1;
      return 1;
    }
  if (avail >= 2 && p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB))
    {
      *len = 2;
      return 1;
    }
  if (avail >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x98 && p[2] <= 0x9F)
    {
      *len = 3;
      return 1;
    }
  return 0;
}

unsigned
abr_q_gap_in (abr_qdoc *d, uint32_t from, uint32_t to)
{
  if (to < from || to > d->len)
    return ABR_QG_BREAK;
  if (to - from > MAX_GAP)
    return ABR_QG_BREAK | ABR_QG_PARAGRAPH;
  unsigned g = 0;
  int newlines = 0;
  const unsigned char *p = (const unsigned char *) d->text + from, *end = (const unsigned char *) d->text + to;
  /* "the manufacturers' organisation": a possessive's apostrophe */
  if (from > 0 && p + 1 < end && (p[-1] == 's' || p[-1] == 'S') && p[0] == '\'' && p[1] == ' ')
    p++;
  else if (from > 0 && p + 3 < end && (p[-1] == 's' || p[-1] == 'S') && p[0] == 0xE2 && p[1] == 0x80
           && p[2] == 0x99 && p[3] == ' ')
    p += 3;
  while (p < end)
    {
      size_t ml;
      if (abr_q_is_mark (p, (size_t) (end - p), &ml))
        {
          g |= ABR_QG_QUOTE;
          p += ml;
          continue;
        }
      switch (*p)
        {
        case ' ': case '\t': case '\r':
          break;
        case '&':
          /* "Jazz & Heritage Foundation", "Marks & Spencer", "M&S",
           * "S&P": within a name */
          break;
        case '\n':
          g |= ABR_QG_NEWLINE;
          if (++newlines >= 2)
            g |= ABR_QG_PARAGRAPH;
          break;
        case ',': g |= ABR_QG_COMMA; break;
        case ':': g |= ABR_QG_COLON; break;
        case '.': g |= ABR_QG_PERIOD; break;
        case '-': g |= ABR_QG_HYPHEN; break;
        default:
          if (p + 2 < end && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94))
            {
              g |= ABR_QG_DASH;
              p += 3;
              continue;
            }
          if (p + 1 < end && p[0] == 0xC2 && p[1] == 0xA0) /* no-break space */
            {
              p += 2;
              continue;
            }
          g |= ABR_QG_BREAK;
        }
      if (*p != '\n')
        newlines = *p == ' ' || *p == '\t' || *p == '\r' ? newlines : 0;
      p++;
    }
  if ((g & ABR_QG_HYPHEN) && to - from > 1)
    g |= ABR_QG_DASH; /* " - " stands for a dash; "-" alone joins words */
  return g;
}

/* Punctuation between token A and the token after it. */
unsigned
abr_q_gap_after (abr_qdoc *d, uint32_t a)
{
  /* asked again and again of the same tokens (each name rule reads the
   * gaps around it): each is scanned once */
  enum { KNOWN = 1u << 15 };
  G_STATIC_ASSERT ((unsigned) ABR_QG_PARAGRAPH < (unsigned) KNOWN);
  if (a + 1 >= d->nt)
    return ABR_QG_BREAK;
  if (!(d->gaps[a] & KNOWN))
    d->gaps[a] = (uint16_t) (KNOWN | abr_q_gap_in (d, abr_q_tok_end (d, a), abr_q_tok (d, a + 1)->start));
  return d->gaps[a] & ~(unsigned) KNOWN;
}

int
abr_q_all_caps (abr_qdoc *d, uint32_t g)
{
  const abridge_token *t = abr_q_tok (d, g);
  int upper = 0;
  for (uint32_t i = 0; i < t->len && t->start + i < d->len; i++)
    {
      unsigned char c = (unsigned char) d->text[t->start + i];
      if (c >= 'a' && c <= 'z')
        return 0;
      upper += c >= 'A' && c <= 'Z';
    }
  return upper >= 2;
}

int
abr_q_is_possessive (abr_qdoc *d, uint32_t g)
{
  const char *w = abr_q_term_text (d, abr_q_tok (d, g)->term);
  size_t n = w != NULL ? strlen (w) : 0;
  return n > 2 && w[n - 2] == '\'' && w[n - 1] == 's';
}

int
abr_q_ampersand_after (abr_qdoc *d, uint32_t g)
{
  uint32_t end = abr_q_tok_end (d, g);
  return g + 1 < d->nt && end < d->len && d->text[end] == '&' && abr_q_tok (d, g + 1)->start == end + 1;
}

int
abr_q_joined (abr_qdoc *d, uint32_t j, uint32_t n)
{
  for (uint32_t k = j; k + 1 < j + n; k++)
    if (!abr_q_same_sentence (d, k, k + 1) || (abr_q_gap_after (d, k) & ABR_QG_NAME_BREAKS))
      return 0;
  return 1;
}

int
abr_q_after_preposition (abr_qdoc *d, uint32_t f)
{
  static const char *const prepositions[] = { "in", "on", "with", "by", "into", "about", "against",
                                              "over", "under", "between", "through", "than" };
  if (f == 0 || !abr_q_same_sentence (d, f - 1, f) || (abr_q_gap_after (d, f - 1) & ABR_QG_NAME_BREAKS))
    return 0;
  return (abr_q_class (d, f - 1) & (ABR_QW_CONNECT | ABR_QW_TO))
         || abr_q_word_among (d, f - 1, prepositions, G_N_ELEMENTS (prepositions));
}

uint32_t
abr_q_honorific_before (abr_qdoc *d, uint32_t f)
{
  if (f == 0 || !abr_q_same_sentence (d, f - 1, f) || (abr_q_gap_after (d, f - 1) & ABR_QG_NAME_BREAKS))
    return ABR_QNONE;
  return (abr_q_class (d, f - 1) & ABR_QW_HONORIFIC) && (abr_q_is_cap (d, f - 1) || d->lower) ? f - 1 : ABR_QNONE;
}

int
abr_q_former (abr_qdoc *d, uint32_t g)
{
  return g > 0 && (abr_q_gap_after (d, g - 1) & ABR_QG_HYPHEN) && abr_q_word_is (d, g - 1, "ex")
         && abr_q_same_sentence (d, g - 1, g);
}

int
abr_q_the_demonym (abr_qdoc *d, uint32_t g, uint32_t lo)
{
  uint32_t art = abr_q_former (d, g) ? g - 1 : g;
  /* "the Kansas Republican", "the Georgia Democrat": a party after the
   * state it is from */
  if (art == g && art > lo + 1 && (abr_q_class (d, g) & ABR_QW_AFFIL) && abr_q_is_cap (d, art - 1)
      && !abr_q_is_stop (d, art - 1) && !(abr_q_class (d, art - 1) & (ABR_QW_AFFIL | ABR_QW_ORG | ABR_QW_TITLE))
      && abr_q_joined (d, art - 1, 2) && abr_q_word_is (d, art - 2, "the") && abr_q_same_sentence (d, art - 2, g))
    art--;
  return ((abr_q_class (d, g) & ABR_QW_AFFIL) || art < g) && abr_q_is_cap (d, g) && art > lo
         && abr_q_same_sentence (d, art - 1, g) && abr_q_word_is (d, art - 1, "the");
}

/* "Chung Mong-koo", "Yoo Ji-chang": a short lower-case syllable hyphened
 * to a capitalised one that follows a name. */
static int
korean_given_name (abr_qdoc *d, uint32_t g)
{
  const abridge_token *t = abr_q_tok (d, g);
  if (g < 2 || t->len < 2 || t->len > 6 || (t->flags & (ABRIDGE_TOKEN_STOP | ABRIDGE_TOKEN_NUMBER))
      || !(abr_q_gap_after (d, g - 1) & ABR_QG_HYPHEN) || !abr_q_same_sentence (d, g - 2, g)
      || (abr_q_gap_after (d, g - 2) & ABR_QG_NAME_BREAKS))
    return 0;
  const abridge_token *p = abr_q_tok (d, g - 1);
  if (!(p->flags & ABRIDGE_TOKEN_CAPITALISED) || p->len < 2 || p->len > 6 || !abr_q_is_cap (d, g - 2))
    return 0;
  for (uint32_t i = 0; i < t->len; i++)
    if (!g_ascii_islower (d->text[t->start + i]))
      return 0;
  return abr_q_class (d, g) == 0;
}

/* "Unfortunately", "Tragically": a word in -ly of seven letters or more,
 * as sentences open with; few names are. */
static int
sentence_adverb (abr_qdoc *d, uint32_t g)
{
  const abridge_token *t = abr_q_tok (d, g);
  return t->len >= 7 && t->start + t->len <= d->len && g_ascii_strncasecmp (d->text + t->start + t->len - 2, "ly", 2) == 0;
}

/* Whether the role word (or NOTNAME word) G, of class C, is a surname
 * here: after Mr, Ms or Dr ("Mr King", "Dr Dean"; not after Sir or Lord,
 * which come before roles too: "Lord Chancellor"); a capitalised role
 * or NOTNAME word after a given name ("Ken Doctor", "Larry King", "Mike
 * Friday"); or right before or after a verb of saying once the article
 * has named the person in full ("King said", "said King." once "Jason
 * King"). */
static int
role_as_surname (abr_qdoc *d, uint32_t g, uint32_t c)
{
  const abridge_token *t = abr_q_tok (d, g);
  int cap = (t->flags & ABRIDGE_TOKEN_CAPITALISED) != 0;
  uint32_t h = abr_q_honorific_before (d, g);
  if (h != ABR_QNONE)
    return !(abr_q_class (d, h) & ABR_QW_KEEP) && !(c & (ABR_QW_HONORIFIC | ABR_QW_VERB | ABR_QW_PRONOUN))
           && (cap || d->lower);
  if (!(c & (ABR_QW_TITLE | ABR_QW_NOTNAME)) || (c & (ABR_QW_HONORIFIC | ABR_QW_VERB | ABR_QW_SPOKES)) || !cap
      || g == 0 || !abr_q_same_sentence (d, g - 1, g))
    return 0;
  if (!(abr_q_gap_after (d, g - 1) & ABR_QG_NAME_BREAKS) && (abr_q_class (d, g - 1) & ABR_QW_FIRSTNAME)
      && abr_q_is_cap (d, g - 1))
    return 1;
  if (t->term >= d->nterms || d->person_of[t->term] == 0
      || abr_q_person (d, (int32_t) d->person_of[t->term] - 1)->name_tokens < 2)
    return 0;
  /* "said King." as "King said" */
  if ((abr_q_class (d, g - 1) & ABR_QW_VERB_FIRST) && !(abr_q_gap_after (d, g - 1) & ABR_QG_NAME_BREAKS)
      && (g + 1 >= d->nt || !abr_q_same_sentence (d, g, g + 1) || (abr_q_gap_after (d, g) & ABR_QG_NAME_BREAKS)))
    return 1;
  return g + 1 < d->nt && abr_q_same_sentence (d, g, g + 1) && abr_q_is_cue (d, g + 1)
         && g != d->base[abr_q_sentence_of (d, g)] && !abr_q_is_cap (d, g - 1)
         && !(abr_q_class (d, g - 1) & (ABR_QW_ARTICLE | ABR_QW_POSSESSIVE));
}

/* Whether the capitalised role word G, of class C, names what a body
 * deals with: "Department for Transport", "Ministry of the Interior";
 * not "Secretary of State for Health", whose "of" follows no body. (Only
 * the word before "of" is looked at: abr_q_org_joint() would ask
 * abr_q_is_name() again.) */
static int
body_part (abr_qdoc *d, uint32_t g, uint32_t c)
{
  if (!(abr_q_tok (d, g)->flags & ABRIDGE_TOKEN_CAPITALISED) || (c & (ABR_QW_HONORIFIC | ABR_QW_VERB)) || g < 2
      || g == d->base[abr_q_sentence_of (d, g)])
    return 0;
  uint32_t k = abr_q_word_is (d, g - 1, "the") ? g - 2 : g - 1;
  if (k == 0 || !(abr_q_word_is (d, k, "of") || abr_q_word_is (d, k, "for")) || !abr_q_joined (d, k - 1, g - k + 2))
    return 0;
  return (abr_q_tok (d, k - 1)->flags & ABRIDGE_TOKEN_CAPITALISED) && (abr_q_class (d, k - 1) & ABR_QW_ORG);
}

uint32_t
abr_q_party_tag (abr_qdoc *d, uint32_t g)
{
  if (g < 2 || !abr_q_same_sentence (d, g - 2, g))
    return ABR_QNONE;
  const abridge_token *p = abr_q_tok (d, g - 1), *s = abr_q_tok (d, g);
  char party = p->len == 1 && p->start < d->len ? d->text[p->start] : 0;
  if ((party != 'R' && party != 'D' && party != 'I') || s->start != p->start + 2 || d->text[p->start + 1] != '-'
      || !abr_q_is_cap (d, g) || s->len > 5)
    return ABR_QNONE;
  const char *before = d->text + abr_q_tok_end (d, g - 2);
  size_t n = p->start - abr_q_tok_end (d, g - 2);
  return memchr (before, ',', n) != NULL || memchr (before, '(', n) != NULL ? g - 1 : ABR_QNONE;
}

int
abr_q_portfolio (abr_qdoc *d, uint32_t g)
{
  static const char *const words[] = { "vice", "prime", "foreign", "defense", "defence", "interior",
                                       "finance", "justice", "home", "state", "affairs", "trade",
                                       "health", "education", "transport", "culture", "environment",
                                       "energy", "treasury", "economy", "industry" };
  return abr_q_word_among (d, g, words, G_N_ELEMENTS (words));
}

int
abr_q_firm_word (abr_qdoc *d, uint32_t g)
{
  static const char *const firms[] = { "corp", "inc", "co", "ltd", "plc", "llc", "spa", "ag", "gmbh", "nv" };
  return abr_q_is_cap (d, g) && abr_q_word_among (d, g, firms, G_N_ELEMENTS (firms));
}

/* A word that may be part of a person's or organisation's name. */
int
abr_q_is_name (abr_qdoc *d, uint32_t g)
{
  const abridge_token *t = abr_q_tok (d, g);
  if ((t->flags & ABRIDGE_TOKEN_STOP) && t->term < d->nterms
      && (abr_q_lexicon_class (d->lexicon, abr_q_term_text (d, t->term)) & ABR_QW_PRONOUN) && family_name (d, g))
    return 1;
  /* "the All England Club", "the All Blacks": a capitalised "All" inside a
   * sentence, before a name */
  if ((t->flags & ABRIDGE_TOKEN_CAPITALISED) && t->len == 3 && abr_q_word_is (d, g, "all") && g + 1 < d->nt
      && g != d->base[abr_q_sentence_of (d, g)] && abr_q_same_sentence (d, g, g + 1)
      && !(abr_q_gap_after (d, g) & ABR_QG_NAME_BREAKS) && abr_q_is_cap (d, g + 1) && abr_q_is_name (d, g + 1))
    return 1;
  /* "AT&T" */
  if ((t->flags & ABRIDGE_TOKEN_STOP) && (t->flags & ABRIDGE_TOKEN_CAPITALISED) && abr_q_ampersand_after (d, g)
      && abr_q_all_caps (d, g))
    return 1;
  /* "AM International", "US Airways": capitals that spell a stop word,
   * before a name */
  if ((t->flags & ABRIDGE_TOKEN_STOP) && (t->flags & ABRIDGE_TOKEN_CAPITALISED) && t->len >= 2 && abr_q_all_caps (d, g)
      && g + 1 < d->nt && abr_q_same_sentence (d, g, g + 1) && !(abr_q_gap_after (d, g) & ABR_QG_NAME_BREAKS)
      && !(abr_q_tok (d, g + 1)->flags & ABRIDGE_TOKEN_STOP) && abr_q_is_name (d, g + 1))
    return 1;
  if (t->flags & (ABRIDGE_TOKEN_NUMBER | ABRIDGE_TOKEN_STOP))
    return 0;
  /* "Rostenkowski, D-Ill., predicted": a party and state, no one */
  if (t->len <= 5 && g > 0
      && (t->len == 1 ? g + 1 < d->nt && abr_q_party_tag (d, g + 1) == g
                      : abr_q_tok (d, g - 1)->len == 1 && abr_q_party_tag (d, g) != ABR_QNONE))
    return 0;
  uint32_t c = abr_q_class (d, g);
  /* "the ex-Wallaby": what someone was */
  if (abr_q_former (d, g))
    return 0;
  /* "the Uruguayan-born researcher", "a London-based firm": a modifier */
  static const char *const made[] = { "born", "based", "backed", "led", "owned", "run", "made", "bred", "raised",
                                      "trained", "funded", "style", "era", "speaking", "listed", "registered" };
  if (g + 1 < d->nt && (abr_q_gap_after (d, g) & ABR_QG_HYPHEN) && abr_q_word_among (d, g + 1, made, G_N_ELEMENTS (made)))
    return 0;
  if ((c & (ABR_QW_TITLE | ABR_QW_NOTNAME)) && role_as_surname (d, g, c))
    return 1;
  if ((c & ABR_QW_TITLE) && body_part (d, g, c))
    return 1;
  /* "General Motors", "General Electric Co": a role's word opening a
   * name that ends in a body's word or a firm's legal form (a
   * portfolio's, "Home Office", is read where names are built) */
  if ((c & ABR_QW_TITLE) && (t->flags & ABRIDGE_TOKEN_CAPITALISED) && g + 1 < d->nt && abr_q_joined (d, g, 2)
      && abr_q_is_cap (d, g + 1) && !(abr_q_class (d, g + 1) & (ABR_QW_FIRSTNAME | ABR_QW_TITLE)))
    {
      uint32_t e = g + 1;
      while (e + 1 < d->nt && e - g < 3 && abr_q_joined (d, e, 2) && abr_q_is_cap (d, e + 1))
        e++;
      if (((abr_q_class (d, e) & ABR_QW_ORG) || abr_q_firm_word (d, e)) && !abr_q_portfolio (d, g))
        return 1;
    }
  /* "First Chicago Corp", "First Boston", "said First Chicago's
   * Johnson": a bank's name */
  if ((c & ABR_QW_NOTNAME) && (t->flags & ABRIDGE_TOKEN_CAPITALISED) && abr_q_word_is (d, g, "first") && g + 1 < d->nt
      && abr_q_same_sentence (d, g, g + 1) && !(abr_q_gap_after (d, g) & ABR_QG_NAME_BREAKS)
      && abr_q_is_cap (d, g + 1) && abr_q_is_name (d, g + 1))
    return 1;
  if (c & (ABR_QW_TITLE | ABR_QW_HONORIFIC | ABR_QW_GENDERED | ABR_QW_NOTNAME | ABR_QW_WHO | ABR_QW_ARTICLE | ABR_QW_PLURAL | ABR_QW_VERB
           | ABR_QW_ACCORDING | ABR_QW_IT | ABR_QW_TO | ABR_QW_SPOKES))
    return 0;
  int seen = d->lower && t->term < d->nterms && d->nameterm[t->term];
  if (!(t->flags & ABRIDGE_TOKEN_CAPITALISED))
    return seen || korean_given_name (d, g);
  /* A sentence's first word is capitalised anyway: a name only if the
   * article never writes it in lower case ("Speaking after …"), and
   * writes it capitalised inside a sentence too, or it is a given name, or
   * a name follows, or the background hardly ever counts it ("Novartis
   * said"; "Miraculously nobody was hurt" has none of these). */
  uint32_t s = abr_q_sentence_of (d, g);
  if (g == d->base[s] && t->term < d->nterms)
    {
      /* "Unfortunately Paul, 41, lost his father" */
      int adverb = sentence_adverb (d, g);
      if (d->lowcount[t->term] > 0 || (adverb && d->midcap[t->term] == 0 && !(c & ABR_QW_FIRSTNAME)))
        return seen && !adverb;
      if (d->midcap[t->term] == 0 && !(c & ABR_QW_FIRSTNAME)
          && !(g + 1 < d->base[s + 1] && abr_q_is_cap (d, g + 1)
               && !(abr_q_gap_after (d, g) & ABR_QG_NAME_BREAKS)
               && !(abr_q_tok (d, g + 1)->flags & ABRIDGE_TOKEN_STOP)))
        return seen || abr_q_rare_word (d, g);
    }
  return 1;
}

/* should, was, had …: a verb that makes the word before it a subject. */
int
abr_q_is_auxiliary (abr_qdoc *d, uint32_t g)
{
  static const char *const words[] = { "should", "would", "could", "was", "were", "is", "are",
                                       "had", "has", "have", "will", "did", "does", "can",
                                       "must", "might", "may", "shall" };
  return abr_q_word_among (d, g, words, G_N_ELEMENTS (words));
}

int
abr_q_is_cue (abr_qdoc *d, uint32_t g)
{
  uint32_t c = abr_q_class (d, g);
  return (c & ABR_QW_ACCORDING) || ((c & ABR_QW_VERB) && !abr_q_is_cap (d, g));
}

/* A word that may be a lower-cased name: no stop word, number or word of
 * the lexicon (given names, organisation words and words for a person or
 * a relative aside). */
int
abr_q_plain_word (abr_qdoc *d, uint32_t g)
{
  if (abr_q_tok (d, g)->flags & (ABRIDGE_TOKEN_STOP | ABRIDGE_TOKEN_NUMBER))
    return 0;
  return (abr_q_class (d, g) & ~(ABR_QW_FIRSTNAME | ABR_QW_MALE | ABR_QW_FEMALE | ABR_QW_ORG | ABR_QW_PERSON | ABR_QW_KIN)) == 0;
}

/* A background idf under this: a stem in one BBC article in eight or more
 * (df >= 250 of data/idf-en.tsv's 2092), as "need", "face", "mean" and
 * "work" are and "david" (205) and "michael" (207), the commonest names,
 * are not. */
#define COMMON_IDF 3.122

/* Token G's stem's background idf, 0 for a token with no term. */
static double
background_idf (abr_qdoc *d, uint32_t g)
{
  uint32_t term = abr_q_tok (d, g)->term;
  return term < d->nterms ? abridge_document_background_idf (d->doc, d->doc->lex.term_stem[term]) : 0.0;
}

int
abr_q_common_word (abr_qdoc *d, uint32_t g)
{
  double idf = background_idf (d, g);
  return idf > 1.0 && idf < COMMON_IDF;
}

/* A background idf over this: a stem in fewer than three BBC articles
 * (df < 3), as the names "rosaly" and "beverly" are and the adverbs
 * "directly" and "sharply" are not. */
#define RARE_IDF 7.26

int
abr_q_rare_word (abr_qdoc *d, uint32_t g)
{
  return background_idf (d, g) > RARE_IDF;
}

/* "initially", "later": an adverb between a subject and its verb; not a
 * name in -ly ("mr kelly said" in lower-cased copy). */
int
abr_q_is_ly_adverb (abr_qdoc *d, uint32_t g)
{
  const abridge_token *t = abr_q_tok (d, g);
  return t->len > 4 && t->start + t->len <= d->len && !(t->flags & ABRIDGE_TOKEN_CAPITALISED)
         && memcmp (d->text + t->start + t->len - 2, "ly", 2) == 0 && !abr_q_is_name (d, g);
}

uint32_t
abr_q_spelt_before (abr_qdoc *d, uint32_t j)
{
  const abridge_token *t = abr_q_tok (d, j);
  if (j == 0 || t->len < 2 || t->len > 6 || t->start == 0 || d->text[t->start - 1] != '(')
    return ABR_QNONE;
  /* the words before the bracket, stop words aside, spell it */
  uint32_t k = j, n = 0;
  while (k > 0 && n < t->len && abr_q_same_sentence (d, k - 1, j))
    {
      k--;
      const abridge_token *w = abr_q_tok (d, k);
      if (w->flags & ABRIDGE_TOKEN_STOP)
        continue;
      if (g_ascii_tolower (d->text[w->start]) != g_ascii_tolower (d->text[t->start + t->len - 1 - n]))
        return ABR_QNONE;
      n++;
    }
  return n == t->len && !(abr_q_tok (d, k)->flags & ABRIDGE_TOKEN_STOP) ? k : ABR_QNONE;
}

/* "saying", "declaring": a verb whose subject is its clause's. */
int
abr_q_is_participle (abr_qdoc *d, uint32_t v)
{
  const abridge_token *t = abr_q_tok (d, v);
  return t->len > 4 && t->start + t->len <= d->len && !(abr_q_class (d, v) & ABR_QW_ACCORDING)
         && memcmp (d->text + t->start + t->len - 3, "ing", 3) == 0;
}

/* Whether G is the "old" of "27-year-old", what British copy calls the
 * one it is about after naming them ("The 27-year-old told …", "… said
 * the 45-year-old"); the tokenizer splits it at the hyphens. */
int
abr_q_is_age (abr_qdoc *d, uint32_t g)
{
  if (g < 2 || !(abr_q_tok (d, g - 2)->flags & ABRIDGE_TOKEN_NUMBER))
    return 0;
  if (!abr_q_word_is (d, g, "old") || !(abr_q_word_is (d, g - 1, "year") || abr_q_word_is (d, g - 1, "years")))
    return 0;
  for (uint32_t k = g - 2; k < g; k++)
    if (abr_q_tok (d, k + 1)->start != abr_q_tok_end (d, k) + 1 || d->text[abr_q_tok_end (d, k)] != '-')
      return 0;
  return 1;
}

/* Whether the quote opens its sentence (nothing of the sentence before it). */
int
abr_q_opens_sentence (abr_qdoc *d, const abr_qunit *u)
{
  uint32_t gq = abr_q_token_at (d, u->start);
  return gq == d->base[u->first_sentence] || gq == 0
         || abr_q_sentence_of (d, gq - 1) != u->first_sentence;
}

