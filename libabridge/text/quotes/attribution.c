/* Where a quotation's attribution is: "X said: “…”", "“…,” X said",
 * "said X", "X said … “…”", then the sentences around it (context.c), a
 * quotation-only paragraph carrying the last speaker on; and the
 * fragments one attribution splits, joined into one quotation. */
#include "config.h"

#include <string.h>

#include "text/quotes/view.h"

/* How far from a quotation its attribution is looked for, in tokens. */
#define AFTER_WINDOW 30
#define BEFORE_WINDOW 45
/* Fewer words than this and no verb of saying next to it: a scare quote,
 * nickname or title rather than a quotation. */
#define SCARE_WORDS 3
/* At most this many words right after "meaning", "dubbed" and the like
 * are a name or a gloss, not a quotation (named_not_said()). */
#define NAMED_WORDS 4
/* A quotation with no attribution of its own carries on the speaker of
 * one at most this many sentences before, when nobody else is named in
 * between (Daily Mail copy splices photo captions into running quotes). */
#define CARRY_SENTENCES 3

/* The attribution after a quote, in the sentence it ends in: "…,” he said",
 * "…,” said X", "…” of Ukraine's bid, Stoltenberg told reporters". Stops
 * at the next quote, and skips a verb before a colon (the next quote's). */
static abr_qattr
after_quote (abr_qdoc *d, const abr_qunit *u, uint32_t next_quote_start)
{
  static const char *const conjunctions[] = { "and", "but", "or" };
  static const char *const clauses[] = { "while", "although", "though", "whereas" };
  abr_qattr none = { .kind = ABR_QA_NONE, .verb = ABR_QNONE };
  uint32_t g0 = abr_q_token_at (d, u->end);
  if (g0 >= d->nt)
    return none;
  /* “…” — Neil Gaiman: a byline after a dash, to the paragraph's end */
  unsigned gap = abr_q_gap_in (d, u->end, abr_q_tok (d, g0)->start);
  if ((gap & ABR_QG_DASH) && !(gap & (ABR_QG_PARAGRAPH | ABR_QG_BREAK | ABR_QG_QUOTE))
      && abr_q_is_name (d, g0) && abr_q_tok (d, g0)->start < next_quote_start)
    {
      uint32_t e = g0;
      while (e + 1 < d->nt && e - g0 < ABR_Q_NAME_MAX_TOKENS && abr_q_is_name (d, e + 1)
             && !(abr_q_gap_after (d, e) & ABR_QG_NAME_BREAKS))
        e++;
      unsigned after = abr_q_gap_after (d, e);
      if (e + 1 >= d->nt || (after & (ABR_QG_PARAGRAPH | ABR_QG_COMMA | ABR_QG_NEWLINE)))
        {
          abr_qattr a = none;
          abr_q_attr_named (d, &a, g0, e, g0, g0);
          a.source = ABR_QSRC_AFTER;
          return a;
        }
    }
  if (abr_q_sentence_of (d, g0) != u->last_sentence)
    return none;
  /* "… of the child. ’ dna evidence … revealed ‘…’": in lower-cased copy a
   * full stop at the quotation's end closes its sentence though the next
   * word did not start a new one. "…. ’ said X" and "…. ’ he added" still
   * attribute it: a full stop typed for a comma (cased text, where the
   * lower-case word after it says so, keeps every such attribution). */
  if (d->lower && g0 > 0 && (abr_q_gap_after (d, g0 - 1) & ABR_QG_PERIOD) && !(abr_q_class (d, g0) & ABR_QW_VERB_FIRST)
      && !((abr_q_class (d, g0) & (ABR_QW_PRONOUN | ABR_QW_THEY)) && g0 + 1 < d->nt && abr_q_is_cue (d, g0 + 1)))
    return none;
  for (uint32_t g = g0; g < d->nt && g - g0 < AFTER_WINDOW; g++)
    {
      if (!abr_q_same_sentence (d, g, g0) || abr_q_tok (d, g)->start >= next_quote_start)
        break;
      /* "…” at the release, adding that Weeks’ family had asked": what
       * follows "that" is reported, not who spoke */
      if (g > g0 && abr_q_word_is (d, g, "that"))
        break;
      /* "… as “desperate”, while the Liberal Democrats said", "… with
       * ‘ typical use ’ - but official tests revealed": a clause of its
       * own, whose verb reports something else ("“…”, but …, he said"
       * does attribute it) */
      if (abr_q_word_among (d, g, clauses, G_N_ELEMENTS (clauses))
          || (abr_q_word_is (d, g, "but") && g > 0 && (abr_q_gap_after (d, g - 1) & ABR_QG_DASH)))
        break;
      /* "…," reports Janet Levaux: a verb of saying only right after the
       * quotation ("media reports were", "reports have suggested") */
      int reports = g == g0 && abr_q_word_is (d, g, "reports");
      if ((!reports && !abr_q_is_cue (d, g)) || (abr_q_gap_after (d, g) & ABR_QG_COLON))
        continue; /* "… ’ sister cathy jones said: ‘ …": the next quote's */
      abr_qattr a = g > g0 ? abr_q_np_before (d, g, g0) : none;
      /* "Mr Brown said it was “…” and said a programme had been agreed":
       * the verb's subject is the sentence's, and what follows it is
       * what was said, not who */
      if (a.kind == ABR_QA_NONE && g > g0 && abr_q_word_among (d, g - 1, conjunctions, G_N_ELEMENTS (conjunctions)))
        break;
      if (a.kind == ABR_QA_NONE && (reports || (abr_q_class (d, g) & (ABR_QW_VERB_FIRST | ABR_QW_ACCORDING))))
        {
          uint32_t hi = g + ABR_Q_TITLE_MAX_TOKENS;
          while (hi > g && (hi >= d->nt || abr_q_tok (d, hi)->start >= next_quote_start))
            hi--;
          a = abr_q_np_after (d, g, hi);
        }
      if (a.kind != ABR_QA_NONE)
        {
          a.source = ABR_QSRC_AFTER;
          return a;
        }
    }
  return none;
}

/* "X said: “…”" and "X: “…”" right before a quote, also across a sentence
 * or paragraph break. */
static abr_qattr
colon_before (abr_qdoc *d, const abr_qunit *u)
{
  abr_qattr none = { .kind = ABR_QA_NONE, .verb = ABR_QNONE };
  uint32_t gq = abr_q_token_at (d, u->start);
  if (gq == 0)
    return none;
  uint32_t p = gq - 1;
  uint32_t lo_p = d->base[abr_q_sentence_of (d, p)];
  if (p > lo_p + BEFORE_WINDOW)
    lo_p = p - BEFORE_WINDOW;
  /* X said: “…” and X: “…”, also across a sentence or paragraph break */
  unsigned gp = abr_q_gap_in (d, abr_q_tok_end (d, p), u->start);
  if ((gp & ABR_QG_COLON) && !(gp & ABR_QG_QUOTE))
    {
      if (abr_q_is_cue (d, p))
        {
          abr_qattr a = abr_q_np_before (d, p, lo_p);
          if (a.kind != ABR_QA_NONE)
            {
              a.source = ABR_QSRC_BEFORE;
              return a;
            }
        }
      else if (p > lo_p && p - d->base[abr_q_sentence_of (d, p)] <= 3
               && (abr_q_class (d, d->base[abr_q_sentence_of (d, p)]) & ABR_QW_PRONOUN)
               && !abr_q_is_cap (d, p) && abr_q_same_sentence (d, d->base[abr_q_sentence_of (d, p)], p))
        {
          /* "She went on: ‘…’", "He told me:": a short clause whose
           * subject is he or she, whatever its verb */
          abr_qattr a = none;
          abr_q_attr_pronoun (d, &a, d->base[abr_q_sentence_of (d, p)]);
          a.source = ABR_QSRC_BEFORE;
          return a;
        }
      else if (abr_q_is_name (d, p) && !abr_q_is_possessive (d, p))
        {
          /* "Stoltenberg: “…”", but not "told BBC Radio Wales: “…”" */
          uint32_t f = abr_q_name_back (d, p, lo_p), first = f;
          abr_qtitle t = { 0, 0, 0, 0 };
          if (abr_q_title_back (d, f, lo_p, &t))
            first = abr_q_token_at (d, t.s1);
          else if (abr_q_honorific_before (d, f) != ABR_QNONE)
            first = f - 1;
          uint32_t s0 = d->base[abr_q_sentence_of (d, first)];
          /* "Said Wales assistant coach Scott Johnson: “…”": the verb first */
          if (first == s0 || (first == s0 + 1 && (abr_q_class (d, s0) & ABR_QW_VERB))
              || (abr_q_gap_after (d, first - 1) & (ABR_QG_COMMA | ABR_QG_QUOTE | ABR_QG_DASH | ABR_QG_COLON)))
            {
              abr_qattr a = none;
              abr_q_attr_named (d, &a, f, p, p, lo_p);
              a.source = ABR_QSRC_BEFORE;
              return a;
            }
        }
    }
  return none;
}

/* A verb of saying earlier in the quote's sentence, with its subject:
 * "X said that “…”", "according to X, “…”", "Sherman reaffirmed that some
 * demands “are …”". Earlier quotes in the sentence are skipped. */
static abr_qattr
before_quote (abr_qdoc *d, const abr_qunit *u, uint32_t q_index)
{
  abr_qattr none = { .kind = ABR_QA_NONE, .verb = ABR_QNONE };
  uint32_t gq = abr_q_token_at (d, u->start);
  if (gq == 0)
    return none;
  uint32_t p = gq - 1;
  if (abr_q_sentence_of (d, p) != u->first_sentence)
    return none;
  uint32_t lo = d->base[u->first_sentence];
  if (gq > lo + BEFORE_WINDOW)
    lo = gq - BEFORE_WINDOW;
  uint32_t qi = q_index; /* host quotes before this one, to skip */
  int steps = 0;
  for (uint32_t g = gq; g > lo && steps < BEFORE_WINDOW; steps++)
    {
      g--;
      uint32_t st = abr_q_tok (d, g)->start;
      while (qi > 0 && d->quotes[qi - 1].start > st)
        qi--;
      if (qi > 0 && d->quotes[qi - 1].start <= st && st < d->quotes[qi - 1].end)
        {
          /* inside an earlier quote: jump over it */
          uint32_t j = abr_q_token_at (d, d->quotes[qi - 1].start);
          qi--;
          if (j <= lo)
            break;
          g = j;
          continue;
        }
      if (!abr_q_is_cue (d, g))
        continue;
      abr_qattr a = abr_q_np_before (d, g, lo);
      if (a.kind == ABR_QA_NONE && (abr_q_class (d, g) & (ABR_QW_VERB_FIRST | ABR_QW_ACCORDING)))
        {
          /* "according to X, “…”", "said X: “…”", but not "said the
           * British electorate had … “…”" */
          a = abr_q_np_after (d, g, gq - 1);
          if (a.kind != ABR_QA_NONE && !(abr_q_class (d, g) & ABR_QW_ACCORDING) && a.last + 1 != gq)
            a.kind = ABR_QA_NONE;
        }
      if (a.kind != ABR_QA_NONE)
        {
          a.source = ABR_QSRC_BEFORE;
          return a;
        }
    }
  return none;
}

/* The sentence that holds a quotation's first word: the tokenised copy's
 * segmentation leaves a spaced opening mark at the end of the sentence
 * before ("… incident. ' | Had it …"). */
static uint32_t
first_word_sentence (abr_qdoc *d, const abr_doc_quote *sp)
{
  uint32_t g = abr_q_token_at (d, sp->start);
  if (g >= d->nt || abr_q_tok (d, g)->start >= sp->end)
    return sp->first_sentence;
  uint32_t s = abr_q_sentence_of (d, g);
  return s > sp->first_sentence && s <= sp->last_sentence ? s : sp->first_sentence;
}

static void
unit_init (abr_qdoc *d, abr_qunit *u, const abr_doc_quote *sp, uint32_t q)
{
  memset (u, 0, sizeof *u);
  u->start = sp->start;
  u->end = sp->end;
  u->frag = q;
  u->n_frags = 1;
  u->first_sentence = first_word_sentence (d, sp);
  u->last_sentence = sp->last_sentence;
  u->person = -1;
  u->attr.verb = ABR_QNONE;
}

/* Whether the quote after U (span q) continues it across U's attribution:
 * “We will not,” he said, “agree to this.” and “A,” X said. “B.” — the
 * later fragment follows the attribution directly and has none of its own. */
static int
continues (abr_qdoc *d, const abr_qunit *u, uint32_t q)
{
  const abr_doc_quote *b = &d->quotes[q];
  if (u->attr.source != ABR_QSRC_AFTER || (b->flags & ABR_QMARK_ORPHAN))
    return 0;
  uint32_t g0 = abr_q_token_at (d, u->end), gb = abr_q_token_at (d, b->start);
  if (g0 >= gb || gb - g0 > 16 || u->attr.at < g0 || u->attr.at >= gb)
    return 0;
  for (uint32_t g = g0; g < gb; g++)
    if (g != u->attr.verb && abr_q_is_cue (d, g))
      return 0; /* "he said, adding: “…”" */
  if (!(abr_q_gap_in (d, abr_q_tok_end (d, gb - 1), b->start) & (ABR_QG_COMMA | ABR_QG_COLON | ABR_QG_PERIOD | ABR_QG_BREAK)))
    return 0; /* "she admitted her friends were ‘a bit bewildered’" */
  uint32_t s = abr_q_sentence_of (d, gb - 1);
  if (b->first_sentence != s)
    {
      /* “A,” X said. “B.”: B opens the next sentence, here or in the next paragraph */
      abr_qunit ub;
      unit_init (d, &ub, b, q);
      if (b->first_sentence != s + 1 || !abr_q_opens_sentence (d, &ub)
          || d->spara[b->first_sentence] > d->spara[s] + 1)
        return 0;
    }
  abr_qunit ub;
  unit_init (d, &ub, b, q);
  uint32_t next = q + 1 < d->nq ? d->quotes[q + 1].start : (uint32_t) d->len;
  /* "She went on: “B.”": B has an attribution of its own before it */
  return after_quote (d, &ub, next).kind == ABR_QA_NONE && colon_before (d, &ub).kind == ABR_QA_NONE;
}

/* Finds every quote's attribution; joins the fragments of one quote. */
uint32_t
abr_q_units_build (abr_qdoc *d, abr_qunit *units)
{
  uint32_t nu = 0;
  for (uint32_t q = 0; q < d->nq; q++)
    {
      const abr_doc_quote *sp = &d->quotes[q];
      if (abridge_document_sentence_flags (d->doc, sp->first_sentence) & ABR_SENTENCE_NOT_CANDIDATE)
        continue;
      abr_qunit *u = &units[nu];
      unit_init (d, u, sp, q);
      uint32_t next_start = q + 1 < d->nq ? d->quotes[q + 1].start : (uint32_t) d->len;
      /* "X said: “…”" first, then "“…,” X said", then "X said … “…”" */
      if (!(sp->flags & ABR_QMARK_ORPHAN))
        u->attr = colon_before (d, u);
      if (u->attr.kind == ABR_QA_NONE)
        u->attr = after_quote (d, u, next_start);
      if (u->attr.kind == ABR_QA_NONE)
        {
          if (sp->flags & ABR_QMARK_ORPHAN)
            continue; /* a stray closing mark, unless an attribution follows */
          u->attr = before_quote (d, u, q);
        }
      nu++;
      while (q + 1 < d->nq && continues (d, u, q + 1))
        {
          q++;
          u->end = d->quotes[q].end;
          u->n_frags++;
          u->last_sentence = d->quotes[q].last_sentence;
        }
    }
  return nu;
}

/* "going so far as to call Suh's play “ridiculous.”", "called it
 * “immaterial”": a verb that names what something is a few words before a
 * short quotation makes it someone's word; the sentence's subject may say
 * whose. */
static int
after_naming_verb (abr_qdoc *d, const abr_qunit *u)
{
  static const char *const verbs[] = { "call", "calls", "called", "calling", "described", "describes",
                                       "branded", "brands", "labelled", "labeled", "termed", "deemed" };
  uint32_t gq = abr_q_token_at (d, u->start);
  for (uint32_t g = gq, n = 0; g-- > 0 && n < 5; n++)
    {
      if (!abr_q_same_sentence (d, g, gq))
        return 0;
      if (abr_q_word_among (d, g, verbs, G_N_ELEMENTS (verbs)))
        return 1;
      if (g > 0 && (abr_q_gap_after (d, g - 1) & (ABR_QG_QUOTE | ABR_QG_COLON | ABR_QG_BREAK | ABR_QG_PARAGRAPH)))
        return 0;
    }
  return 0;
}

static uint32_t
count_words (abr_qdoc *d, const abr_qunit *u)
{
  uint32_t words = 0;
  for (uint32_t f = 0; f < u->n_frags; f++)
    {
      const abr_doc_quote *sp = &d->quotes[u->frag + f];
      words += abr_q_token_at (d, sp->end) - abr_q_token_at (d, sp->start);
    }
  return words;
}

/* "meaning ' hot '", "groups dubbed “pioneers”", "so-called “beer-like”":
 * a few words a sentence names or glosses right after the word that says
 * so, whoever said the sentence around them. */
static int
named_not_said (abr_qdoc *d, const abr_qunit *u)
{
  static const char *const words[] = { "meaning", "dubbed", "nicknamed", "titled", "entitled" };
  uint32_t g = abr_q_token_at (d, u->start);
  if (g == 0 || g > d->nt || count_words (d, u) > NAMED_WORDS)
    return 0;
  uint32_t p = g - 1, e = abr_q_tok_end (d, p);
  if (e > u->start || u->start - e > 8)
    return 0;
  for (uint32_t i = e; i < u->start; i++)
    if (d->text[i] != ' ')
      return 0;
  if (abr_q_word_among (d, p, words, G_N_ELEMENTS (words)))
    return 1;
  return abr_q_word_is (d, p, "called") && p > 0 && abr_q_word_is (d, p - 1, "so")
         && abr_q_tok (d, p)->start == abr_q_tok_end (d, p - 1) + 1 && d->text[abr_q_tok_end (d, p - 1)] == '-';
}

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

/* Whether person ID's title ends in the word of token HEAD ("Deputy
 * Mayor Nicky Gavron" for "the mayor"). */
static int
title_of (abr_qdoc *d, int32_t id, uint32_t head)
{
  const abr_qperson *p = abr_q_person (d, id);
  uint32_t tl = p->title.e1 != 0 ? abr_q_token_at (d, p->title.e1) : 0;
  return tl > 0 && abr_q_tok (d, tl - 1)->term == abr_q_tok (d, head)->term;
}

/* Whether "a", "an" or "one" opens the phrase ending at HEAD. */
static int
indefinite (abr_qdoc *d, uint32_t head)
{
  uint32_t f = abr_q_np_first (d, head);
  return (abr_q_class (d, f) & ABR_QW_SOMEONE)
         || (f > 0 && abr_q_joined (d, f - 1, 2) && (abr_q_class (d, f - 1) & ABR_QW_SOMEONE));
}

/* The one person whose title ends in the word of token HEAD; -1 for
 * none, -2 for several. */
static int32_t
title_holder (abr_qdoc *d, uint32_t head)
{
  int32_t found = -1;
  for (uint32_t i = 0; i < d->people->len && i < 5000; i++)
    if (title_of (d, (int32_t) i, head) && abr_q_person (d, (int32_t) i)->personish)
      {
        if (found >= 0 && found != (int32_t) i)
          return -2;
        found = (int32_t) i;
      }
  return found;
}

/* "the lock forward": a role, singular, with "the", named only here; "the
 * 27-year-old"; "the American". */
static int
definite_role (abr_qdoc *d, uint32_t head)
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
   * nobody's ("said the two-time champion") */
  if (t->term >= d->nterms
      || (d->lowcount[t->term] + d->capcount[t->term] > 1 && (abr_q_portfolio (d, head) || title_holder (d, head) != -1)))
    return 0;
  return opened_by_the (d, head, 3, 1);
}

/* "the company", "the airline", "the production company": a word for the
 * business an article is about, after "the". */
static int
the_business (abr_qdoc *d, uint32_t head)
{
  static const char *const businesses[] = { "company", "firm", "airline", "carrier", "bank", "group",
                                            "retailer", "maker", "manufacturer", "broadcaster",
                                            "network", "chain", "charity", "organisation",
                                            "organization", "studio", "label", "business" };
  if (head == 0 || !abr_q_word_among (d, head, businesses, G_N_ELEMENTS (businesses)))
    return 0;
  /* "the production company": one word may say what business */
  uint32_t the = head - 1;
  if (the > 0 && !abr_q_is_cap (d, the) && !abr_q_is_stop (d, the) && !abr_q_is_possessive (d, the)
      && abr_q_joined (d, the - 1, 2))
    the--;
  /* not "president … at the firm says": the firm is not who speaks */
  return abr_q_word_is (d, the, "the") && abr_q_joined (d, the, head - the + 1) && !abr_q_after_preposition (d, the);
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
static int
spoken_by_spokesman (abr_qdoc *d, const abr_qattr *a)
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

/* "A Labour spokesman later said …. “…,” he said" (or "the spokesman
 * said"): the unnamed spokesman of the sentence before, after the
 * previous quotation, is the he or she; the body he speaks for is the
 * speaker. GENDER: 1 for he, 2 for she. */
static int32_t
spokesman_before (abr_qdoc *d, const abr_qunit *u, const abr_qunit *previous, int gender, uint32_t *budget)
{
  uint32_t s = u->first_sentence;
  if (gender != 1 && gender != 2)
    return -1;
  if (s == 0 || d->spara[s] - d->spara[s - 1] > 1)
    return -1;
  /* a quotation in the sentence before with a speaker of its own: the he
   * is that one, unless it is the spokesman's ("A BPI spokesman said the
   * chart was due “within the first half of this year”. “…,” he said.") */
  int32_t quoted = previous != NULL && previous->last_sentence + 1 >= s && previous->person >= 0 ? previous->person : -2;
  uint32_t lo = d->base[s - 1], hi = d->base[s];
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
        /* "A spokesman for the Association of … Services said" */
        if (a.kind == ABR_QA_NAMED && a.last == head && !(abr_q_class (d, head) & ABR_QW_SPOKES))
          {
            uint32_t k = a.first;
            if (k > lo + 1 && k < head && abr_q_word_is (d, k - 1, "the"))
              k--;
            if (k > lo + 1 && (abr_q_class (d, k - 1) & ABR_QW_CONNECT) && (abr_q_class (d, k - 2) & ABR_QW_SPOKES))
              head = k - 2;
          }
        if (a.kind == ABR_QA_NONE || a.kind == ABR_QA_PRONOUN || !(abr_q_class (d, head) & ABR_QW_SPOKES)
            || (abr_q_class (d, head) & (gender == 1 ? ABR_QW_FEMALE : ABR_QW_MALE)))
          return -1;
        int32_t id = a.kind == ABR_QA_NAMED ? abr_q_speaker_person (d, &a) : abr_q_title_person (d, a.at, budget);
        if (id < 0 && a.kind != ABR_QA_NAMED)
          id = abr_q_group_person (d, a.at);
        return quoted == -2 || quoted == id ? id : -1;
      }
  return -1;
}

/* Speakers for quotes still without one, then pronouns, then fullest names. */
void
abr_q_units_resolve (abr_qdoc *d, abr_qunit *units, uint32_t nu)
{
  int32_t previous_speaker = -1;
  int previous_spokes = 0; /* the previous speaker was a spokesman's body */
  uint32_t previous_sentence = 0, title_budget = ABR_Q_LOOKUP_BUDGET;
  const abr_qunit *previous = NULL;
  for (uint32_t i = 0; i < nu; i++)
    {
      abr_qunit *u = &units[i];
      /* Scare quotes, nicknames and titles of works carry no speaker on:
       * a quotation of fewer than SCARE_WORDS words counts only when a
       * verb of saying next to it names its speaker. */
      if (count_words (d, u) < SCARE_WORDS && u->attr.kind == ABR_QA_NONE)
        {
          if (!after_naming_verb (d, u))
            continue;
          u->attr = abr_q_sentence_subject (d, u);
          if (u->attr.kind == ABR_QA_NONE)
            continue;
          u->attr.source = ABR_QSRC_BEFORE; /* its verb is next to it */
        }
      if (named_not_said (d, u))
        {
          u->attr.kind = ABR_QA_NONE;
          continue;
        }
      uint32_t q_last = u->frag + u->n_frags - 1;
      uint32_t next_start = q_last + 1 < d->nq ? d->quotes[q_last + 1].start : (uint32_t) d->len;
      if (u->attr.kind == ABR_QA_NONE && !abr_q_opens_sentence (d, u))
        u->attr = abr_q_sentence_subject (d, u);
      if (u->attr.kind == ABR_QA_NONE)
        u->attr = abr_q_next_sentence (d, u, next_start);
      /* a sentence of reported speech between the previous quote and
       * this one names its speaker ("A Labour spokesman said …. “…”"):
       * the previous speaker does not carry on over it */
      if (u->attr.kind == ABR_QA_NONE && abr_q_opens_sentence (d, u) && previous != NULL
          && previous->last_sentence + 1 < u->first_sentence)
        u->attr = abr_q_previous_reported (d, u);
      /* "‘… this week.’ ‘Someone like Kym …’": nothing but marks between
       * two quotes (the paragraph break lost) */
      int adjacent = previous != NULL && previous->end <= u->start
                     && abr_q_token_at (d, previous->end) >= abr_q_token_at (d, u->start);
      if (u->attr.kind == ABR_QA_NONE && previous != NULL && (abr_q_opens_sentence (d, u) || adjacent)
          && (previous->attr.kind != ABR_QA_NONE || previous->from_previous)
          && previous->last_sentence + CARRY_SENTENCES >= u->first_sentence
          && d->spara[u->first_sentence] - d->spara[previous->last_sentence] <= 1)
        {
          /* wire style: a quote standing alone continues the previous speaker */
          int other = 0;
          for (uint32_t s = previous->last_sentence + 1; s < u->first_sentence && !other; s++)
            for (uint32_t g = d->base[s]; g < d->base[s + 1] && g - d->base[s] < 60; g++)
              if (abr_q_is_name (d, g))
                {
                  uint32_t t = abr_q_tok (d, g)->term;
                  int32_t id = d->person_of[t] ? (int32_t) d->person_of[t] - 1 : -1;
                  if (id >= 0 && id != previous->person && abr_q_person (d, id)->personish)
                    other = 1;
                }
          if (!other)
            {
              u->person = previous->person;
              u->from_previous = 1;
              u->attr.kind = previous->attr.kind == ABR_QA_NONE ? ABR_QA_NONE : ABR_QA_UNNAMED;
              u->attr.source = ABR_QSRC_CONTEXT;
              u->attr.title = previous->attr.title;
            }
        }
      if (u->attr.kind == ABR_QA_NONE && !u->from_previous && abr_q_opens_sentence (d, u))
        u->attr = abr_q_previous_reported (d, u);
      if (u->attr.kind == ABR_QA_NONE && !u->from_previous)
        u->attr = abr_q_paragraph_reported (d, u, previous);
      if (u->attr.kind != ABR_QA_NONE && u->attr.source == ABR_QSRC_NONE)
        u->attr.source = ABR_QSRC_CONTEXT;

      if (u->attr.kind == ABR_QA_NAMED)
        u->person = abr_q_speaker_person (d, &u->attr);
      else if (u->attr.kind == ABR_QA_UNNAMED && u->attr.at < d->nt && !u->from_previous)
        {
          u->person = abr_q_spokesman_body (d, u->attr.at);
          if (u->person < 0 && the_spokesman (d, u->attr.at))
            u->person = spokesman_before (d, u, previous, abr_q_class (d, u->attr.at) & ABR_QW_FEMALE ? 2 : 1,
                                          &title_budget);
          /* "The statement added:": whoever the last quotation was; "“…,”
           * a BaFin spokeswoman said. “…” “…,” the spokeswoman said": the
           * spokesman who spoke last */
          if (u->person < 0 && previous_speaker >= 0 && previous_sentence + CARRY_SENTENCES >= u->first_sentence
              && (the_statement (d, u->attr.at) || (the_spokesman (d, u->attr.at) && previous_spokes)))
            u->person = previous_speaker;
          if (u->person >= 0 && u->attr.title.e1 == 0)
            {
              u->attr.title.s1 = abr_q_tok (d, u->attr.at)->start;
              u->attr.title.e1 = abr_q_tok_end (d, u->attr.at);
            }
          if (u->person < 0)
            u->person = abr_q_title_person (d, u->attr.at, &title_budget);
          if (u->person < 0 && the_business (d, u->attr.at))
            {
              /* "Valve said …. The company said:": the body named last, as "it" */
              int32_t id = abr_q_antecedent (d, u->attr.at, 3, previous_speaker, previous_sentence);
              if (id >= 0 && (abr_q_person (d, id)->org || !abr_q_person (d, id)->personish))
                u->person = id;
            }
          if (u->person < 0)
            u->person = abr_q_group_person (d, u->attr.at);
          if (u->person < 0 && definite_role (d, u->attr.at))
            {
              /* "Bortolami feels … “…,” said the lock forward": the one
               * just named, as a pronoun would be */
              u->person = abr_q_antecedent (d, u->attr.at, 0, previous_speaker, previous_sentence);
              u->attr.kind = ABR_QA_PRONOUN;
              /* a role the article names again is not one who holds another */
              const abridge_token *t = abr_q_tok (d, u->attr.at);
              if (u->person >= 0 && (abr_q_class (d, u->attr.at) & ABR_QW_TITLE) && t->term < d->nterms
                  && d->lowcount[t->term] + d->capcount[t->term] > 1
                  && abr_q_person (d, u->person)->title.e1 != 0 && !title_of (d, u->person, u->attr.at))
                u->person = -1;
            }
          else if (u->person < 0 && u->attr.source != ABR_QSRC_CONTEXT)
            {
              /* "An Old Bailey judge has blasted …" opening the article,
               * "judge Nicholas Cooke QC" after: the lead holds back the
               * name of the one the article names with that title */
              uint32_t at = u->attr.at;
              if (u->first_sentence <= 1 && at > 0 && (abr_q_class (d, at) & ABR_QW_TITLE)
                  && !(abr_q_class (d, at) & ABR_QW_SPOKES) && indefinite (d, at))
                u->person = title_holder (d, at);
              if (u->person < 0)
                u->person = abr_q_someone_person (d, u->attr.at);
            }
        }
      else if (u->attr.kind == ABR_QA_PRONOUN && u->attr.gender == 4)
        u->person = abr_q_plural_antecedent (d, u->attr.at, previous_speaker, previous_sentence);
      else if (u->attr.kind == ABR_QA_PRONOUN)
        {
          u->person = spokesman_before (d, u, previous, u->attr.gender, &title_budget);
          if (u->person < 0)
            u->person = abr_q_antecedent (d, u->attr.at, u->attr.gender, previous_speaker,
                                          previous_sentence);
        }
      if (u->person >= 0)
        {
          /* a quotation carried on keeps its spokesman */
          if (!u->from_previous)
            previous_spokes = spoken_by_spokesman (d, &u->attr);
          previous_speaker = u->person;
          previous_sentence = u->last_sentence;
        }
      previous = u;
    }
}
