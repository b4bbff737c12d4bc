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
      if (g > g0 && abr_q_word_is (d, g, "that") && !abr_q_after_preposition (d, g))
        break; /* not "” in that law, Azzouz said": there it is no clause */
      /* "… as “desperate”, while the Liberal Democrats said", "… with
       * ‘ typical use ’ - but official tests revealed": a clause of its
       * own, whose verb reports something else ("“…”, but …, he said"
       * does attribute it) */
      if (abr_q_word_among (d, g, clauses, G_N_ELEMENTS (clauses)))
        {
          /* "“…” while they were in power, Azzouz said": a clause whose
           * comma comes before any verb of saying has ended, and the
           * verb after it is the quotation's */
          uint32_t k = g + 1;
          while (k < d->nt && k - g0 < AFTER_WINDOW && abr_q_same_sentence (d, k, g0) && !abr_q_is_cue (d, k)
                 && !(abr_q_gap_after (d, k) & (ABR_QG_COMMA | ABR_QG_QUOTE)))
            k++;
          if (k < d->nt && k - g0 < AFTER_WINDOW && abr_q_same_sentence (d, k, g0) && !abr_q_is_cue (d, k)
              && (abr_q_gap_after (d, k) & ABR_QG_COMMA) && !(abr_q_gap_after (d, k) & ABR_QG_QUOTE))
            {
              g = k;
              continue;
            }
          break;
        }
      if (abr_q_word_is (d, g, "but") && g > 0 && (abr_q_gap_after (d, g - 1) & ABR_QG_DASH))
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

/* Speakers for quotes still without one, then pronouns, then fullest names. */
void
abr_q_units_resolve (abr_qdoc *d, abr_qunit *units, uint32_t nu)
{
  abr_qprior pr = { .previous = NULL, .speaker = -1, .sentence = 0, .spokes = 0, .title_budget = ABR_Q_LOOKUP_BUDGET };
  for (uint32_t i = 0; i < nu; i++)
    {
      abr_qunit *u = &units[i];
      const abr_qunit *previous = pr.previous;
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
          && previous->last_sentence + ABR_Q_CARRY_SENTENCES >= u->first_sentence
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
        abr_q_unnamed_speaker (d, u, &pr);
      else if (u->attr.kind == ABR_QA_PRONOUN && u->attr.gender == 4)
        u->person = abr_q_plural_antecedent (d, u->attr.at, pr.speaker, pr.sentence, 0);
      else if (u->attr.kind == ABR_QA_PRONOUN)
        {
          u->person = abr_q_spokesman_before (d, u, &pr, u->attr.gender);
          if (u->person < 0)
            u->person = abr_q_antecedent (d, u->attr.at, u->attr.gender, pr.speaker, pr.sentence);
        }
      if (u->person >= 0)
        {
          /* a quotation carried on keeps its spokesman */
          if (!u->from_previous)
            pr.spokes = abr_q_spoken_by_spokesman (d, &u->attr);
          pr.speaker = u->person;
          pr.sentence = u->last_sentence;
        }
      pr.previous = u;
    }
}
