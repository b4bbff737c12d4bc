/* What quote attribution works on: one document's tokens, sentences and
 * quotations as flat arrays, the people it names, and each quotation's
 * attribution. Internal to libabridge/text/quotes/. Every search is
 * bounded (a few sentences, a few dozen tokens, fixed budgets for look-ups
 * over all names) so that a hostile article runs in time linear in its
 * size. */
#ifndef ABRIDGE_QUOTES_VIEW_H
#define ABRIDGE_QUOTES_VIEW_H

#include <glib.h>
#include <stdint.h>

#include "text/document.h"
#include "text/quotes/lexicon.h"
#include "text/quotes/marks.h"

#define ABR_QNONE UINT32_MAX

/* Search bounds: no search looks further than these. */
#define ABR_Q_NAME_MAX_TOKENS 6
#define ABR_Q_TITLE_MAX_TOKENS 12
#define ABR_Q_APPOSITIVE_MAX_TOKENS 16
#define ABR_Q_LOOKUP_BUDGET 256 /* acronym, surname and title look-ups over all people */
/* Sentences searched back for a pronoun's person or a quote's speaker. */
#define ABR_Q_WINDOW 3

/* Punctuation between two tokens (abr_q_gap_in). */
enum {
  ABR_QG_COMMA = 1, ABR_QG_COLON = 2, ABR_QG_PERIOD = 4, ABR_QG_QUOTE = 8, ABR_QG_DASH = 16,
  ABR_QG_NEWLINE = 32, ABR_QG_BREAK = 64, ABR_QG_HYPHEN = 128, ABR_QG_PARAGRAPH = 256,
};
/* What may not sit between two words of one name or title. */
#define ABR_QG_NAME_BREAKS                                                                   \
  (ABR_QG_COMMA | ABR_QG_COLON | ABR_QG_QUOTE | ABR_QG_DASH | ABR_QG_BREAK | ABR_QG_PARAGRAPH)

typedef struct {
  uint32_t s1, e1; /* a title's byte spans in the text; e1 == 0: none */
  uint32_t s2, e2; /* a second part ("of Nordmaas Container Terminals") */
} abr_qtitle;

typedef struct {
  uint32_t name_start, name_end; /* byte span of the fullest name */
  uint32_t surname_start, surname_end; /* a surname said after it, shared with
                                          the name after "and" ("Paul and
                                          Laura Elliott"); start == end: none */
  uint32_t name_tokens;
  abr_qtitle title;
  int male, female; /* gender evidence, as votes */
  int personish;    /* a person rather than an organisation or place */
  int org;
  int expanded;     /* an acronym or short form was looked up */
  int keep;         /* the name starts with Sir or Dame */
  int group;        /* named by a phrase ("police", "One neighbour") or two
                       joined names: "they" may be it */
  int single;       /* a phrase naming one person ("One neighbour", "his
                       wife"): "he" or "she" may be it too */
  uint32_t given;   /* 1 + the common given name its first full mention
                       has before the surname; 0: none */
  int family;       /* two given names before this surname ("Laura Elliott",
                       "Paul Elliott"): a given name alone is not this record */
  int evident;      /* more than capitals say it is someone: a given name, an
                       honorific, a title, a verb of saying next to a mention,
                       its surname said alone */
  uint32_t role;    /* 1 + the term of the role an unnamed one is named by
                       ("an administration official"); 0: none */
  uint32_t homonym; /* 1 + the next body keyed by the same last word
                       ("Federal Aviation Administration", "National
                       Oceanic and Atmospheric Administration"); 0: none */
} abr_qperson;

/* What an attribution names. */
enum {
  ABR_QA_NONE,
  ABR_QA_NAMED,   /* first … last are the name's tokens */
  ABR_QA_PRONOUN, /* he, she, it: gender says which */
  ABR_QA_UNNAMED, /* "officials said", "the spokesman said": at is its head */
};
/* Where it was found. */
enum { ABR_QSRC_NONE, ABR_QSRC_AFTER, ABR_QSRC_BEFORE, ABR_QSRC_CONTEXT };

typedef struct {
  int kind;             /* ABR_QA_* */
  uint32_t first, last; /* ABR_QA_NAMED: the name's tokens; ABR_QA_UNNAMED:
                         * last, past at, ends the phrase shown ("one
                         * official at a U.S. bank") */
  uint32_t at;          /* the token the attribution was found at */
  uint32_t verb;        /* its verb of saying, or ABR_QNONE */
  int gender;           /* ABR_QA_PRONOUN: 1 he, 2 she, 3 it, 4 they */
  int source;           /* ABR_QSRC_* */
  abr_qtitle title;     /* as given next to this mention */
} abr_qattr;

/* One quotation: a quoted span, or several an attribution splits. */
typedef struct {
  uint32_t start, end;    /* all fragments */
  uint32_t frag, n_frags; /* quotations frag … frag + n_frags - 1 */
  uint32_t first_sentence, last_sentence;
  abr_qattr attr;
  int32_t person;    /* the speaker, or -1 */
  int from_previous; /* speaker carried over from the quotation before */
} abr_qunit;

typedef struct abr_qdoc {
  const abridge_document *doc;
  const abr_qlexicon *lexicon; /* the document language's closed classes */
  const char *text;
  size_t len;
  uint32_t ns;                 /* sentences */
  uint32_t *sstart, *send;     /* each sentence's byte span */
  uint32_t *spara;             /* each sentence's paragraph */
  uint32_t *base;              /* each sentence's first token; [ns] = [ns + 1] = nt */
  const abridge_token *toks;
  uint32_t nt;                 /* tokens */
  uint16_t *gaps;              /* per token: ABR_QG_* after it | KNOWN (scanned lazily) */
  uint32_t nterms;
  uint32_t *wclass;            /* per term: ABR_QW_* | KNOWN (looked up lazily) */
  uint32_t *capcount;          /* per term: capitalised occurrences */
  uint32_t *midcap;            /* per term: capitalised occurrences inside a sentence */
  uint32_t *lowcount;          /* per term: lower-case occurrences */
  uint32_t *person_of;         /* per term: 1 + person whose surname it is */
  uint32_t *short_of;          /* per term: 1 + organisation it is the short form of */
  uint32_t *first_of;          /* per term: 1 + the one person whose given name it is,
                                  UINT32_MAX when several */
  uint32_t *full_start, *full_end; /* per term: the byte span of the first
                                  full name it is the given name of; end 0: none */
  uint8_t *nameterm;           /* per term: seen where names go (lower-cased articles) */
  int lower;                   /* the article is lower-cased (CNN/DM's tokenised copy) */
  GArray *people;              /* abr_qperson */
  const abr_doc_quote *quotes;
  uint32_t nq;
  uint32_t cache;              /* last sentence looked up */
  uint32_t lookups;            /* acronym look-ups left */
} abr_qdoc;

static inline abr_qperson *
abr_q_person (abr_qdoc *d, int32_t id)
{
  return &g_array_index (d->people, abr_qperson, id);
}

/* ---- view.c: tokens and what stands between them ------------------------- */

void abr_q_view_init (abr_qdoc *d, const abridge_document *doc);
void abr_q_view_clear (abr_qdoc *d);
uint32_t abr_q_sentence_of (abr_qdoc *d, uint32_t g);
const abridge_token *abr_q_tok (abr_qdoc *d, uint32_t g);
uint32_t abr_q_tok_end (abr_qdoc *d, uint32_t g);
const char *abr_q_term_text (abr_qdoc *d, uint32_t term);
/* Whether token G is the (case-folded) word WORD. */
int abr_q_word_is (abr_qdoc *d, uint32_t g, const char *word);
/* Whether token G is one of the N (case-folded) WORDS. */
int abr_q_word_among (abr_qdoc *d, uint32_t g, const char *const *words, size_t n);
/* Whether token G follows "ex-" ("the ex-Wallaby"). */
int abr_q_former (abr_qdoc *d, uint32_t g);
/* Whether token G says who someone is, after "the" (after LO): "the
 * American", "the ex-Wallaby". */
int abr_q_the_demonym (abr_qdoc *d, uint32_t g, uint32_t lo);
/* should, was, had …: a verb that makes the word before it a subject. */
int abr_q_is_auxiliary (abr_qdoc *d, uint32_t g);
/* Whether token G names people in the plural ("residents", "police",
 * "the family"): what "they" may be; not "their son". */
int abr_q_plural (abr_qdoc *d, uint32_t g);
uint32_t abr_q_class (abr_qdoc *d, uint32_t g);
int abr_q_is_cap (abr_qdoc *d, uint32_t g);
int abr_q_is_stop (abr_qdoc *d, uint32_t g);
int abr_q_same_sentence (abr_qdoc *d, uint32_t a, uint32_t b);
uint32_t abr_q_token_at (abr_qdoc *d, uint32_t offset);
int abr_q_is_mark (const unsigned char *p, size_t avail, size_t *len);
unsigned abr_q_gap_in (abr_qdoc *d, uint32_t from, uint32_t to);
unsigned abr_q_gap_after (abr_qdoc *d, uint32_t a);
int abr_q_all_caps (abr_qdoc *d, uint32_t g);
int abr_q_is_possessive (abr_qdoc *d, uint32_t g);
int abr_q_is_name (abr_qdoc *d, uint32_t g);
int abr_q_is_cue (abr_qdoc *d, uint32_t g);
int abr_q_plain_word (abr_qdoc *d, uint32_t g);
/* Whether token G's stem is one most English news articles use ("need",
 * "back"): rarely a name. Never outside English, which has no table. */
int abr_q_common_word (abr_qdoc *d, uint32_t g);
/* Whether token G's stem is in hardly any English news article: more
 * likely a name than a word. Never outside English. */
int abr_q_rare_word (abr_qdoc *d, uint32_t g);
int abr_q_is_ly_adverb (abr_qdoc *d, uint32_t g);
int abr_q_is_participle (abr_qdoc *d, uint32_t v);
/* Whether token J, an acronym in brackets ("(cps)"), is spelt by the
 * words before it ("the crown prosecution service"): the first of them,
 * or ABR_QNONE. */
uint32_t abr_q_spelt_before (abr_qdoc *d, uint32_t j);
int abr_q_is_age (abr_qdoc *d, uint32_t g);
int abr_q_opens_sentence (abr_qdoc *d, const abr_qunit *u);
/* The honorific right before token F (Mr, Dr), or ABR_QNONE. */
uint32_t abr_q_honorific_before (abr_qdoc *d, uint32_t f);
/* Whether tokens J … J + N - 1 stand in one sentence with nothing that
 * breaks a name between them (a comma, a quotation mark, a line). */
int abr_q_joined (abr_qdoc *d, uint32_t j, uint32_t n);
/* The first token of an American legislator's party and state ending at G,
 * set off by commas or brackets ("R-Neb.", "(D-Calif.)"), or ABR_QNONE. */
uint32_t abr_q_party_tag (abr_qdoc *d, uint32_t g);
/* Whether a bare "&" joins token G to the next ("M&S", "AT&T"). */
int abr_q_ampersand_after (abr_qdoc *d, uint32_t g);
/* Whether a preposition governs the phrase starting at token F ("at Mac
 * Format magazine", "at the firm" from "the"): no subject. */
int abr_q_after_preposition (abr_qdoc *d, uint32_t f);
/* Whether the title at G only says whose minister or secretary someone is
 * ("trade minister", "home secretary"): before a plain word it is that
 * word's modifier ("trade deal", "state media"), never a name's title,
 * and before a body's word part of the body's name ("home office"). */
int abr_q_portfolio (abr_qdoc *d, uint32_t g);
/* Whether token G is a firm's legal form ending its name ("Corp", "Co",
 * "Inc", "SpA"), capitalised. */
int abr_q_firm_word (abr_qdoc *d, uint32_t g);

/* ---- names.c: a name and the title given next to it ---------------------- */

uint32_t abr_q_name_back (abr_qdoc *d, uint32_t e, uint32_t lo);
/* How many words from token K ("of", "of the", "for", "and") join the
 * name of a body before them to a name after ("Bank of England",
 * "Association of Payment and Clearing Services"): 0 when K joins none. */
uint32_t abr_q_org_joint (abr_qdoc *d, uint32_t k);
/* The name starting at token F, going on no further than HI: returns its
 * last token. */
uint32_t abr_q_name_forward (abr_qdoc *d, uint32_t f, uint32_t hi);
int abr_q_name_is_org (abr_qdoc *d, uint32_t f, uint32_t e);
int abr_q_title_back (abr_qdoc *d, uint32_t f, uint32_t lo, abr_qtitle *t);
int abr_q_appositive_after (abr_qdoc *d, uint32_t e, abr_qtitle *t);
void abr_q_local_title (abr_qdoc *d, uint32_t f, uint32_t e, uint32_t lo, abr_qtitle *t);

/* ---- people.c: the article's people and bodies --------------------------- */

int32_t abr_q_person_note (abr_qdoc *d, uint32_t f, uint32_t e, const abr_qtitle *title,
                           int possessive_ok);
int abr_q_person_gender (const abr_qperson *p);
int32_t abr_q_speaker_person (abr_qdoc *d, const abr_qattr *a);
int32_t abr_q_given_person (abr_qdoc *d, uint32_t g);
int32_t abr_q_named_person (abr_qdoc *d, uint32_t f, uint32_t e);
/* Whether token T of P's title, the capitalised word before its role,
 * names another body than Q does, the capitalised word before the role
 * an attribution gives ("Australia coach Eddie Jones" is not "the Lions
 * coach"). A nationality (Q "French") is not compared: no table says
 * "France coach" is its body, so it rules no holder out. Q may be
 * ABR_QNONE. */
int abr_q_other_body (abr_qdoc *d, const abr_qperson *p, uint32_t t, uint32_t q);
/* The one person named in full whose surname the possessive at G is
 * ("Blair's" once "Tony Blair"), or -1. */
int32_t abr_q_possessor (abr_qdoc *d, uint32_t g);
/* "Daveport said", once "Lindsay Davenport": the one person named in full
 * whose surname the lone name at G misspells by a letter, or -1. A name
 * the article writes so more than once is no slip ("President Reagan …
 * Reagan replied", with "Donald Regan" named). */
int32_t abr_q_misspelt_person (abr_qdoc *d, uint32_t g);
int32_t abr_q_title_person (abr_qdoc *d, uint32_t head, uint32_t *budget);
void abr_q_people_build (abr_qdoc *d);

/* ---- lowercase.c: names in a lower-cased article -------------------------- */


/* "defended", "visited": a verb in the past, as the word after a name
 * often is ("novelist gore vidal defended the film") and the word after
 * a title sometimes ("the minister shrugged off"). Short words and
 * "-eed" or "-mmed" ones ("reed", "mohammed") are names too often. */
int abr_q_past_tense (abr_qdoc *d, uint32_t g);
int abr_q_lower_detect (abr_qdoc *d);
void abr_q_names_lower (abr_qdoc *d);

/* ---- cues.c, after-verb.c: the speaker next to a verb of saying ---------- */

void abr_q_attr_named (abr_qdoc *d, abr_qattr *a, uint32_t f, uint32_t e, uint32_t at, uint32_t lo);
void abr_q_attr_pronoun (abr_qdoc *d, abr_qattr *a, uint32_t g);
abr_qattr abr_q_np_before (abr_qdoc *d, uint32_t v, uint32_t lo);
abr_qattr abr_q_np_after (abr_qdoc *d, uint32_t v, uint32_t hi);
/* "Newcastle boss Graeme Souness": from the name *G … *E over the title
 * words after it to the name they lead to (before token LIMIT). */
void abr_q_past_title (abr_qdoc *d, uint32_t *g, uint32_t *e, uint32_t limit);

/* ---- attribution.c: where a quotation's attribution is -------------------- */

/* A quotation with no attribution of its own carries on the speaker of
 * one at most this many sentences before, when nobody else is named in
 * between (Daily Mail copy splices photo captions into running quotes);
 * "the statement" and "the spokesman" reach as far back. */
#define ABR_Q_CARRY_SENTENCES 3

/* What the resolver knows of the quotations before the one it reads. */
typedef struct {
  const abr_qunit *previous; /* the quotation before, or NULL */
  int32_t speaker;           /* the last speaker found, or -1 */
  uint32_t sentence;         /* the sentence that speaker's quotation ended */
  int spokes;                /* that speaker came through a spokesman */
  uint32_t title_budget;     /* abr_q_title_person() look-ups left */
} abr_qprior;

/* context.c: the speaker from the sentences around a quotation. */
abr_qattr abr_q_sentence_subject (abr_qdoc *d, const abr_qunit *u);
abr_qattr abr_q_next_sentence (abr_qdoc *d, const abr_qunit *u, uint32_t next_quote_start);
abr_qattr abr_q_previous_reported (abr_qdoc *d, const abr_qunit *u);
abr_qattr abr_q_paragraph_reported (abr_qdoc *d, const abr_qunit *u, const abr_qunit *previous);
/* Groups the quotations into units (fragments an attribution splits
 * joined) with their attributions, then resolves each unit's speaker.
 * UNITS holds room for d->nq; returns how many were made. */
uint32_t abr_q_units_build (abr_qdoc *d, abr_qunit *units);
void abr_q_units_resolve (abr_qdoc *d, abr_qunit *units, uint32_t nu);

/* ---- roles.c: speakers of attributions that name nobody ------------------ */

/* Sets U->person for an attribution of kind ABR_QA_UNNAMED ("the
 * spokesman said", "said the lock forward", "one parent … told"). */
void abr_q_unnamed_speaker (abr_qdoc *d, abr_qunit *u, abr_qprior *pr);
/* The body of the unnamed spokesman of the sentence before, or the
 * unnamed one who spoke in it ("One trader said …"), as the he or she
 * (GENDER 1 or 2) of U, or -1. */
int32_t abr_q_spokesman_before (abr_qdoc *d, const abr_qunit *u, abr_qprior *pr, int gender);
/* Whether attribution A names a spokesman (its head or its title). */
int abr_q_spoken_by_spokesman (abr_qdoc *d, const abr_qattr *a);

/* facts.c: the people DOC's quotations' speakers are chosen among (named
 * people, bodies, and the groups attributions name), each to EACH as the
 * fullest name's bytes; nothing is kept. For bench/speaker-people, which
 * measures how often the right speaker is among them. */
typedef void (*abr_qpeople_each) (const char *name, size_t len, void *data);
void abr_quote_people (const abridge_document *doc, abr_qpeople_each each, void *data);

/* ---- groups.c: speakers a phrase names ------------------------------------ */

/* The first token of the noun phrase whose last word is HEAD: its
 * modifiers back to a determiner that belongs to it ("One neighbour") or
 * to an article, verb, stop word or punctuation, which do not. */
uint32_t abr_q_np_first (abr_qdoc *d, uint32_t head);
/* The word opening the phrase that ends at HEAD when it is indefinite
 * ("a", "an", "another", "one"), or with THE "the"; else ABR_QNONE. */
uint32_t abr_q_phrase_opener (abr_qdoc *d, uint32_t head, int the);
/* The group or body the phrase ending at HEAD names ("police", "the
 * Pakistani government", "terror experts"), as a new person; -1 when its
 * head names no people ("the report"). */
int32_t abr_q_group_person (abr_qdoc *d, uint32_t head);
/* The one unnamed person the singular phrase ending at HEAD names, opened
 * by "a", "another" or "one" ("a caller", "another man"), as a new person;
 * the person named before it when it is an appositive ("Katrina Bull, a
 * candidate said"); -1 for any other phrase. */
int32_t abr_q_someone_person (abr_qdoc *d, uint32_t head, uint32_t shown_end);
/* "said the regional manager for one of the major oil companies": a role
 * with "the" that a phrase of where it is held follows introduces
 * someone, rather than naming one before; the new person, or -1. */
int32_t abr_q_role_of_someone (abr_qdoc *d, uint32_t head);
/* The body a spokesman at HEAD opened by "a" speaks for when he names
 * none: the one the sentence before opens with; -1 if it opens with no
 * body. */
int32_t abr_q_spokesman_body (abr_qdoc *d, uint32_t head);
/* Who "they" at token AT is: the last two names joined by "and", group
 * or body before it, or a group that spoke just before; -1 if none.
 * JOINED_ONLY: only two names joined by "and", a body's words in them
 * ("the firms said"). */
int32_t abr_q_plural_antecedent (abr_qdoc *d, uint32_t at, int32_t previous_speaker,
                                 uint32_t previous_sentence, int joined_only);

/* ---- pronouns.c: who he, she and it are ------------------------------------ */

int32_t abr_q_antecedent (abr_qdoc *d, uint32_t at, int gender, int32_t previous_speaker,
                          uint32_t previous_sentence);

#endif
