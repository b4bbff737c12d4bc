/* The closed word classes quote attribution reads: verbs of saying,
 * titles, honorifics, pronouns, organisation words, given names. */
#ifndef ABRIDGE_QUOTES_LEXICON_H
#define ABRIDGE_QUOTES_LEXICON_H

#include <glib.h>
#include <stdint.h>

enum {
  ABR_QW_VERB = 1u << 0,       /* a verb of saying: X said */
  ABR_QW_VERB_FIRST = 1u << 1, /* may also precede its subject: said X */
  ABR_QW_ACCORDING = 1u << 2,  /* according (to X) */
  ABR_QW_TITLE = 1u << 3,      /* a role: minister, chairman, analyst */
  ABR_QW_HONORIFIC = 1u << 4,  /* Mr, Mrs, Dr */
  ABR_QW_MALE = 1u << 5,       /* Mr, he, John */
  ABR_QW_FEMALE = 1u << 6,     /* Mrs, she, Mary */
  ABR_QW_PRONOUN = 1u << 7,    /* he, she: a speaker to resolve */
  ABR_QW_GENDERED = 1u << 8,   /* he his him she her: gender evidence */
  ABR_QW_ORG = 1u << 9,        /* Council, Bank, Line: no person's name */
  ABR_QW_PARTICLE = 1u << 10,  /* de, van, bin inside a name */
  ABR_QW_CONNECT = 1u << 11,   /* of, for, at inside a title */
  ABR_QW_NOTNAME = 1u << 12,   /* capitalised but no name: Monday, However */
  ABR_QW_ADVERB = 1u << 13,    /* between subject and verb: also, has, was */
  ABR_QW_WHO = 1u << 14,       /* who, which: a relative clause */
  ABR_QW_ARTICLE = 1u << 15,   /* the, a, an */
  ABR_QW_FIRSTNAME = 1u << 16, /* a common given name (with MALE/FEMALE) */
  ABR_QW_PLURAL = 1u << 17,    /* we, i, they: no name of a speaker */
  ABR_QW_TO = 1u << 18,        /* to */
  ABR_QW_KEEP = 1u << 19,      /* Sir, Dame: an honorific kept in the name */
  ABR_QW_IT = 1u << 20,        /* it: an organisation speaking */
  ABR_QW_SPOKES = 1u << 21,    /* spokesman, statement: speaks for a named body */
  ABR_QW_AFFIL = 1u << 22,     /* Tory, Labour, Russian: before a name, no part of it */
  ABR_QW_THEY = 1u << 23,      /* they: people or a body named before */
  ABR_QW_GROUP = 1u << 24,     /* residents, fans, officials: people a phrase names */
  ABR_QW_SOMEONE = 1u << 25,   /* a, another, one: before someone left unnamed */
  ABR_QW_PERSON = 1u << 26,    /* man, caller, critic: one person, no title */
  ABR_QW_POSSESSIVE = 1u << 27, /* his, her, their: someone's (his aunt) */
  ABR_QW_KIN = 1u << 28,        /* wife, son, aunt: a relative, before the name (his son Jack) */
  ABR_QW_HYPHENATED = 1u << 29, /* full, back: part of a listed word (full-back), which the
                                 * tokeniser splits at its hyphen */
};

typedef struct abr_qlexicon abr_qlexicon;

/* The classes of LANG's news prose (an ISO 639-1 code): English for a
 * language without a table of its own. Built once, shared, read-only. */
const abr_qlexicon *abr_q_lexicon (const char *lang);

/* The ABR_QW_* bits of a case-folded word, 0 for any other word. */
uint32_t abr_q_lexicon_class (const abr_qlexicon *lex, const char *folded);

#endif
