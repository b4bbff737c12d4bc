/* quotes: a quote-centric brief. The article's most important direct
 * quotations, one extract each, annotated with who said them:
 *
 *   “We will not slam the door shut on NATO’s open-door policy,”
 *     — Wendy Sherman, U.S. Deputy Secretary of State
 *
 * Pipeline of one rank() call:
 *   1. quotations: the core's spans (host->quote_span) plus a scanner of
 *      its own for styles the core misses (''…'', one-word 'quotes',
 *      CNN/DM's tokenised ‘ … ’ and "… , "said", a lost opening mark);
 *   2. the article's people: every name with its title and gender
 *      evidence, keyed by surname, so "Stoltenberg" becomes "Jens
 *      Stoltenberg" and "the home secretary" the one so titled;
 *   3. each quote's attribution: "X said: “…”", "“…,” X said", "said X",
 *      "X, who …, said", "according to X", "X told reporters", the verb of
 *      saying earlier in the sentence, the sentence's subject, "X said."
 *      next, a quote-only paragraph continuing the last speaker; he/she/it
 *      resolved to the most salient fitting name; fragments split by their
 *      attribution joined into one extract;
 *   4. scare quotes and names of works dropped, near-duplicates dropped,
 *      the rest scored by the speaker's prominence and the quote's
 *      topicality.
 *
 * Every search is bounded (a few sentences, a few dozen tokens, fixed
 * budgets for look-ups over all names) so that a hostile article runs in
 * time linear in its size. All state of one rank() call lives on its stack
 * or in memory it frees before returning, so instances may rank
 * concurrently. */
#include <abridge/plugin.h>

#include <stdlib.h>
#include <string.h>

/* ---- options ------------------------------------------------------------ */

typedef struct Lexeme Lexeme;

typedef struct {
  const abridge_host *host;
  int64_t min_words;
  int pronouns;
  int unattributed;
  int64_t window;
  double duplicate;
  int64_t max_extracts;
  Lexeme *lexicon; /* English, sorted by word: bsearch */
  size_t n_lexicon;
  Lexeme *lang_lexicon[3]; /* de, fr, es (LANGUAGES below) */
  size_t n_lang_lexicon[3];
} Quotes;

static const abridge_option quotes_options[] = {
  { "min_words", ABRIDGE_OPTION_INT, "3",
    "quotes of fewer words are scare quotes or titles, not quotations (0-1000)" },
  { "pronouns", ABRIDGE_OPTION_BOOL, "true",
    "resolve he/she (and it) speakers to the nearest fitting person (or body) named before" },
  { "unattributed", ABRIDGE_OPTION_BOOL, "true",
    "keep quotes whose speaker is not found (ranked after attributed ones)" },
  { "window", ABRIDGE_OPTION_INT, "3",
    "sentences searched back for a pronoun's person or a quote's speaker (0-10)" },
  { "duplicate", ABRIDGE_OPTION_DOUBLE, "0.8",
    "drop a quote when this share of its content words is in another, fuller quote (0-1; "
    "1 drops only quotes wholly repeated)" },
  { "max_extracts", ABRIDGE_OPTION_INT, "2000",
    "at most this many quotes, the best (bounds the core's work on hostile articles; 1-1000000)" },
  { NULL, 0, NULL, NULL },
};

/* ---- the lexicon: closed word classes ---------------------------------- */

enum {
  W_VERB = 1u << 0,       /* a verb of saying: X said */
  W_VERB_FIRST = 1u << 1, /* may also precede its subject: said X */
  W_ACCORDING = 1u << 2,  /* according (to X) */
  W_TITLE = 1u << 3,      /* a role: minister, chairman, analyst */
  W_HONORIFIC = 1u << 4,  /* Mr, Mrs, Dr */
  W_MALE = 1u << 5,       /* Mr, he, John */
  W_FEMALE = 1u << 6,     /* Mrs, she, Mary */
  W_PRONOUN = 1u << 7,    /* he, she: a speaker to resolve */
  W_GENDERED = 1u << 8,   /* he his him she her: gender evidence */
  W_ORG = 1u << 9,        /* Council, Bank, Line: no person's name */
  W_PARTICLE = 1u << 10,  /* de, van, bin inside a name */
  W_CONNECT = 1u << 11,   /* of, for, at inside a title */
  W_NOTNAME = 1u << 12,   /* capitalised but no name: Monday, However */
  W_ADVERB = 1u << 13,    /* between subject and verb: also, has, was */
  W_WHO = 1u << 14,       /* who, which: a relative clause */
  W_ARTICLE = 1u << 15,   /* the, a, an */
  W_FIRSTNAME = 1u << 16, /* a common given name (with W_MALE/W_FEMALE) */
  W_PLURAL = 1u << 17,    /* they, we, it: a speaker we do not name */
  W_TO = 1u << 18,        /* to */
  W_KEEP = 1u << 19,      /* Sir, Dame: an honorific kept in the name */
  W_IT = 1u << 20,        /* it: an organisation speaking */
  W_SPOKES = 1u << 21,    /* spokesman, statement: speaks for a named body */
  W_AFFIL = 1u << 22,     /* Tory, Labour, Russian: before a name, no part of it */
  W_KNOWN = 1u << 31,     /* the term's class has been looked up */
};

struct Lexeme {
  const char *word;
  uint32_t bits;
};

typedef struct {
  uint32_t bits;
  const char *words; /* space-separated */
} WordClass;

/* Kept modest on purpose: closed classes of English news prose. */
static const WordClass word_classes[] = {
  { W_VERB | W_VERB_FIRST,
    "said says added adds asked asks explained explains wrote writes continued insisted "
    "noted warned argued replied recalled observed remarked declared stated suggested "
    "predicted cautioned concluded conceded admitted acknowledged quipped joked responded "
    "countered agreed complained claimed confirmed commented stressed emphasised emphasized "
    "urged announced mused exclaimed whispered shouted answered reiterated tweeted "
    "boasted protested pleaded lamented" },
  { W_SPOKES | W_TITLE, "spokesman spokesperson" },
  { W_SPOKES | W_TITLE | W_FEMALE, "spokeswoman" },
  { W_SPOKES, "statement" },
  { W_VERB,
    "told tells tell say saying describes described describing calling called calls "
    "expressed reaffirmed underlined underscored maintained maintains believes believed "
    "hopes hoped accused blamed promised vowed pledged denied denies insists warns argues "
    "notes predicts urges suggests claims admits acknowledges stresses adding noting "
    "telling warning insisting arguing explaining stating declaring writing asserted "
    "asserts contended contends testified announces revealed reveals branded labelled "
    "labeled dismissed hailed praised criticised criticized condemned welcomed declaring "
    "termed terming accusing" },
  { W_ACCORDING, "according" },
  { W_TO, "to" },
  { W_TITLE,
    "president vice prime minister secretary general deputy chancellor foreign defense "
    "defence interior finance justice home state affairs trade health education transport "
    "culture environment energy treasury economy industry chief executive officer director "
    "chairman chair chairperson head leader senator sen rep representative "
    "governor gov mayor ambassador envoy commissioner commander colonel col captain capt "
    "sergeant sgt lieutenant lt admiral adm judge attorney lawyer prosecutor professor "
    "analyst economist expert researcher scientist strategist founder co-founder owner "
    "partner member official adviser advisor aide consultant editor correspondent reporter "
    "author ceo cfo coo cto vp boss manager coach midfielder goalkeeper defender striker "
    "player star actor singer producer writer presenter candidate campaigner activist "
    "inspector detective superintendent constable bishop archbishop cardinal pope rabbi "
    "imam prince duke emperor sheikh mp mep premier undersecretary assistant associate "
    "senior acting interim principal dean economist director-general secretary-general "
    "negotiator diplomat commentator historian professor businessman engineer architect "
    "teacher doctor nurse surgeon pilot farmer resident student witness worker driver chef "
    "designer artist poet novelist musician photographer curator agent banker trader "
    "investor broker accountant auditor laureate "
    "congressman chairman king" },
  { W_TITLE | W_FEMALE,
    "chairwoman congresswoman businesswoman actress queen princess duchess" },
  { W_HONORIFIC, "dr prof rev mx" },
  { W_HONORIFIC | W_MALE, "mr father" },
  { W_HONORIFIC | W_MALE | W_KEEP, "sir lord" },
  { W_HONORIFIC | W_FEMALE, "mrs ms miss madam mme sister" },
  { W_HONORIFIC | W_FEMALE | W_KEEP, "lady dame" },
  { W_PRONOUN | W_GENDERED | W_MALE, "he" },
  { W_PRONOUN | W_GENDERED | W_FEMALE, "she" },
  { W_GENDERED | W_MALE, "his him himself" },
  { W_GENDERED | W_FEMALE, "her hers herself" },
  { W_PLURAL, "they we i you" },
  { W_IT, "it" },
  { W_ORG,
    "line institute council union ministry association party company corp corporation inc "
    "ltd plc llc group bank university college school office department agency commission "
    "committee court police service services board authority terminals terminal democrats "
    "republicans house news times post journal airlines airways motors league federation "
    "foundation trust fund organisation organization society club united city fc centre "
    "center hospital church army navy force forces government parliament senate congress "
    "assembly peninsula sea ocean river street road square europe america africa asia "
    "kingdom states republic network channel studios records pictures entertainment media "
    "press chamber exchange market markets index capital partners holdings industries "
    "international systems technologies labs research reserve nations alliance studies "
    "museum festival awards award cup championship games olympics telecom mobile energy "
    "oil airport railways railway tv radio online magazine newspaper park stadium arena "
    "hall castle bridge island islands valley lake bay county province region district" },
  { W_AFFIL,
    "tory labour conservative liberal democrat republican socialist unionist nationalist "
    "russian british american french german chinese italian spanish irish scottish welsh "
    "english dutch japanese indian australian canadian israeli palestinian iranian iraqi "
    "syrian turkish greek polish swedish norwegian danish finnish belgian swiss austrian "
    "ukrainian european african asian arab brazilian mexican argentine korean" },
  { W_PARTICLE,
    "de van von der den da di du del della la le bin al el ibn dos das ter zu" },
  { W_CONNECT, "of for at from" },
  { W_NOTNAME,
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april june july august september october november december yet however meanwhile "
    "although though despite since last next many several one two three four five "
    "speaking asked earlier later now today yesterday tomorrow instead indeed still even "
    "also just thus therefore moreover furthermore besides overall finally first second "
    "third like unlike among amid whether without within nor neither either every each "
    "another other others all both most some such much more less no not nothing everything "
    "anything something nobody everyone someone anyone everybody somebody behind beyond across "
    "along around near inside outside toward towards upon via amid" },
  { W_ADVERB,
    "also later again then previously recently earlier once repeatedly has have had was is "
    "were would will did does just simply further quickly subsequently today yesterday "
    "quoted as reportedly separately privately publicly alone himself herself" },
  { W_WHO, "who whose which whom where when" },
  { W_ARTICLE, "the a an" },
  { W_FIRSTNAME | W_FEMALE,
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa "
    "margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda "
    "melissa deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela "
    "helen anna anne ann brenda pamela nicole emma samantha katherine christine rachel "
    "catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia "
    "kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline "
    "frances gloria teresa kathryn sara janice jean alice julia judy grace denise marilyn "
    "danielle theresa sophia marie diana natalie isabella charlotte rose wendy karin lotte "
    "hillary nicola tessa ursula kamala harriet clare claire jane kate lucy sophie chloe "
    "louise fiona joanna tracey tracy sally penny yvette jacqui estelle sheila ellen nadia "
    "olga irina elena natalia tatiana svetlana ingrid greta carmen isabel lucia sofia "
    "marta beatrice madonna kylie britney cate kirsty serena venus paula sonia mariah "
    "gwyneth renee halle oprah condoleezza angelina jennifer margot theresa" },
  { W_FIRSTNAME | W_MALE,
    "james john robert michael william david richard joseph thomas charles christopher "
    "daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian "
    "george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan "
    "stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick "
    "raymond jack dennis jerry tyler aaron jose adam nathan henry douglas peter kyle walter "
    "keith roger terry gerald harold sean carl arthur lawrence bruce albert alan juan "
    "wayne roy vincent ralph eugene russell philip louis tony tom tim jim bob bill mike dave "
    "steve nick rod martin gordon jens vladimir sergei sergey dmitry boris ivan igor pieter "
    "ruud jan hans klaus jacques francois nicolas emmanuel giuseppe carlos luis miguel pedro "
    "antonio ahmed mohammed muhammad hassan omar ken ian neil graham colin alastair alistair "
    "gavin iain malcolm nigel clive derek trevor geoff geoffrey howard jeremy rupert hugh "
    "giles oliver harry charlie ben dan matt chris rob andy jon ed alfred fred owen gareth "
    "liam barack vince kofi gerhard silvio ariel yasser mahmoud wolfgang olaf xi recep "
    "narendra jair justin rishi keir joe" },
};


/* The closed classes of German, French and Spanish news prose: verbs of
 * saying first (the speaker follows the quote in all three: „…“, sagte
 * Müller; « … », a déclaré le ministre; «…», dijo el ministro), then
 * enough of the rest for speakers to be found. Given names come from the
 * English table (names cross borders). */
static const WordClass word_classes_de[] = {
  { W_VERB | W_VERB_FIRST,
    "sagte sagten sagt sagen erklärte erklärten erklärt betonte betont meinte meint "
    "warnte warnt schrieb schreibt berichtete ergänzte unterstrich bekräftigte "
    "versicherte räumte forderte fordert fragte antwortete erläuterte stellte kündigte "
    "teilte kritisierte lobte mahnte sprach spricht fügte so" },
  { W_VERB, "gesagt erklärt betont gewarnt geschrieben berichtet gefordert kritisiert" },
  { W_ACCORDING, "laut zufolge" },
  { W_SPOKES | W_TITLE, "sprecher" },
  { W_SPOKES | W_TITLE | W_FEMALE, "sprecherin" },
  { W_SPOKES, "mitteilung erklärung" },
  { W_TITLE,
    "präsident kanzler minister bundesminister chef vorsitzender vorsitzende direktor "
    "bürgermeister oberbürgermeister experte professor trainer abgeordneter abgeordnete "
    "analyst ökonom anwalt richter staatsanwalt geschäftsführer vorstand vorstandschef "
    "generalsekretär botschafter gewerkschaftschef ministerpräsident" },
  { W_TITLE | W_FEMALE,
    "präsidentin kanzlerin ministerin bundesministerin chefin direktorin bürgermeisterin "
    "expertin professorin trainerin analystin ökonomin anwältin richterin" },
  { W_HONORIFIC, "dr prof" },
  { W_HONORIFIC | W_MALE, "herr herrn" },
  { W_HONORIFIC | W_FEMALE, "frau" },
  { W_PRONOUN | W_GENDERED | W_MALE, "er" },
  { W_PRONOUN | W_GENDERED | W_FEMALE, "sie" },
  { W_GENDERED | W_MALE, "ihm ihn sein seine seiner seinem seinen" },
  { W_PLURAL, "wir ich man" },
  { W_IT, "es" },
  { W_ORG,
    "partei regierung ministerium gewerkschaft bank verband polizei unternehmen konzern "
    "gericht rat bundesregierung bundestag kommission agentur institut universität "
    "gruppe ag gmbh verein stiftung amt behörde" },
  { W_PARTICLE, "von van de zu der" },
  { W_CONNECT, "für von des der" },
  { W_NOTNAME,
    "montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz "
    "april mai juni juli august september oktober november dezember heute gestern "
    "morgen auch aber doch jedoch" },
  { W_ADVERB,
    "auch noch bereits zudem dann später am hat habe hatte hätte wurde ist war sei "
    "außerdem weiter" },
  { W_WHO, "welcher welche welches" },
  { W_ARTICLE, "der die das den dem des ein eine einen einem einer" },
};

static const WordClass word_classes_fr[] = {
  { W_VERB | W_VERB_FIRST,
    "dit déclare déclaré affirme affirmé explique expliqué souligne souligné ajoute ajouté "
    "estime estimé précise précisé indique indiqué assure assuré raconte raconté confie "
    "confié lance lancé poursuit insiste insisté rappelle rappelé martèle martelé annonce "
    "annoncé commente commenté répond répondu reconnaît reconnu avertit averti prévient "
    "prévenu observe observé note noté juge jugé regrette regretté dénonce dénoncé" },
  { W_ACCORDING, "selon" },
  { W_SPOKES, "communiqué" },
  { W_TITLE,
    "président ministre premier directeur maire député sénateur secrétaire général chef "
    "patron avocat expert professeur économiste analyste entraîneur ambassadeur juge "
    "procureur dirigeant responsable fondateur" },
  { W_TITLE | W_FEMALE,
    "présidente directrice députée sénatrice patronne avocate experte" },
  { W_HONORIFIC, "dr pr me" },
  { W_HONORIFIC | W_MALE, "m monsieur" },
  { W_HONORIFIC | W_FEMALE, "mme mlle madame mademoiselle" },
  { W_PRONOUN | W_GENDERED | W_MALE, "il" },
  { W_PRONOUN | W_GENDERED | W_FEMALE, "elle" },
  { W_PLURAL, "nous je on ils elles vous" },
  { W_ORG,
    "parti gouvernement ministère syndicat banque police société groupe association "
    "tribunal conseil assemblée commission agence institut université entreprise" },
  { W_PARTICLE, "de du la le van von d" },
  { W_CONNECT, "de du des pour" },
  { W_NOTNAME,
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai "
    "juin juillet août septembre octobre novembre décembre aujourd hier demain mais "
    "cependant pourtant" },
  { W_ADVERB, "aussi encore ensuite a avait est était également déjà alors t" },
  { W_WHO, "qui dont lequel laquelle" },
  { W_ARTICLE, "le la les l un une des du" },
};

static const WordClass word_classes_es[] = {
  { W_VERB | W_VERB_FIRST,
    "dijo dice afirmó afirma declaró declara explicó explica aseguró asegura señaló señala "
    "añadió añade indicó indica sostuvo sostiene subrayó subraya destacó destaca advirtió "
    "advierte comentó comenta agregó agrega manifestó precisó apuntó insistió recordó "
    "reconoció admitió preguntó respondió contó expresó anunció criticó denunció" },
  { W_ACCORDING, "según" },
  { W_SPOKES | W_TITLE, "portavoz vocero" },
  { W_SPOKES | W_TITLE | W_FEMALE, "vocera" },
  { W_SPOKES, "comunicado" },
  { W_TITLE,
    "presidente ministro director alcalde diputado senador secretario jefe experto "
    "profesor analista economista entrenador abogado juez fiscal embajador líder "
    "fundador dirigente responsable gobernador" },
  { W_TITLE | W_FEMALE,
    "presidenta ministra directora alcaldesa diputada senadora secretaria jefa experta "
    "profesora abogada jueza gobernadora" },
  { W_HONORIFIC, "dr lic" },
  { W_HONORIFIC | W_MALE, "sr señor don" },
  { W_HONORIFIC | W_FEMALE, "sra señora doña srta señorita dra" },
  { W_PRONOUN | W_GENDERED | W_MALE, "él" },
  { W_PRONOUN | W_GENDERED | W_FEMALE, "ella" },
  { W_PLURAL, "nosotros yo ellos ellas usted ustedes" },
  { W_ORG,
    "partido gobierno ministerio sindicato banco policía empresa grupo asociación "
    "tribunal consejo congreso comisión agencia instituto universidad" },
  { W_PARTICLE, "de del la las los y van von" },
  { W_CONNECT, "de del para" },
  { W_NOTNAME,
    "lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo "
    "junio julio agosto septiembre octubre noviembre diciembre hoy ayer mañana pero "
    "sin embargo" },
  { W_ADVERB, "también además luego después ha había es era fue ya" },
  { W_WHO, "quien quienes cual" },
  { W_ARTICLE, "el la los las un una unos unas" },
};

/* The languages with a table of their own, in Quotes.lang_lexicon order;
 * any other language reads with the English one. */
static const struct {
  const char *code;
  const WordClass *classes;
  size_t n;
} LANGUAGES[3] = {
  { "de", word_classes_de, sizeof word_classes_de / sizeof *word_classes_de },
  { "fr", word_classes_fr, sizeof word_classes_fr / sizeof *word_classes_fr },
  { "es", word_classes_es, sizeof word_classes_es / sizeof *word_classes_es },
};

static int
lexeme_cmp (const void *a, const void *b)
{
  return strcmp (((const Lexeme *) a)->word, ((const Lexeme *) b)->word);
}

/* Adds the words of CLASSES (those with any of the bits MASK) to LEX at
 * K, copying them into BUF; returns the new K. */
static size_t
lexicon_add (Lexeme *lex, size_t k, char **buf, const WordClass *classes, size_t n_classes,
             uint32_t mask)
{
  for (size_t c = 0; c < n_classes; c++)
    {
      if (!(classes[c].bits & mask))
        continue;
      size_t len = strlen (classes[c].words);
      memcpy (*buf, classes[c].words, len + 1);
      for (char *p = *buf; *p != '\0';)
        {
          while (*p == ' ')
            *p++ = '\0';
          if (*p == '\0')
            break;
          lex[k].word = p;
          lex[k].bits = classes[c].bits;
          k++;
          while (*p != ' ' && *p != '\0')
            p++;
        }
      *buf += len + 1;
    }
  return k;
}

static void
lexicon_size (const WordClass *classes, size_t n_classes, uint32_t mask, size_t *n, size_t *bytes)
{
  for (size_t c = 0; c < n_classes; c++)
    {
      if (!(classes[c].bits & mask))
        continue;
      const char *w = classes[c].words;
      *bytes += strlen (w) + 1;
      for (const char *p = w; *p != '\0'; p++)
        *n += (p == w || p[-1] == ' ') && *p != ' ';
    }
}

/* Builds one sorted lexicon from CLASSES and, when EXTRA is not NULL, the
 * classes of EXTRA with a bit of EXTRA_MASK: one entry a word, classes
 * OR-ed together. The words point into a single buffer owned by the first
 * entry's block. */
static int
lexicon_build_from (const WordClass *classes, size_t n_classes, const WordClass *extra,
                    size_t n_extra, uint32_t extra_mask, Lexeme **out, size_t *n_out)
{
  size_t n = 0, bytes = 0;
  lexicon_size (classes, n_classes, UINT32_MAX, &n, &bytes);
  if (extra != NULL)
    lexicon_size (extra, n_extra, extra_mask, &n, &bytes);
  Lexeme *lex = malloc (n * sizeof *lex + bytes);
  if (lex == NULL)
    return -1;
  char *buf = (char *) (lex + n);
  size_t k = lexicon_add (lex, 0, &buf, classes, n_classes, UINT32_MAX);
  if (extra != NULL)
    k = lexicon_add (lex, k, &buf, extra, n_extra, extra_mask);
  qsort (lex, k, sizeof *lex, lexeme_cmp);
  size_t m = 0;
  for (size_t i = 0; i < k; i++)
    {
      if (m > 0 && strcmp (lex[m - 1].word, lex[i].word) == 0)
        lex[m - 1].bits |= lex[i].bits;
      else
        lex[m++] = lex[i];
    }
  *out = lex;
  *n_out = m;
  return 0;
}

/* The English lexicon, and one a language of LANGUAGES with the English
 * given names. */
static int
lexicon_build (Quotes *self)
{
  size_t n_en = sizeof word_classes / sizeof *word_classes;
  if (lexicon_build_from (word_classes, n_en, NULL, 0, 0, &self->lexicon, &self->n_lexicon) != 0)
    return -1;
  for (size_t l = 0; l < sizeof LANGUAGES / sizeof *LANGUAGES; l++)
    if (lexicon_build_from (LANGUAGES[l].classes, LANGUAGES[l].n, word_classes, n_en,
                            W_FIRSTNAME, &self->lang_lexicon[l], &self->n_lang_lexicon[l])
        != 0)
      return -1;
  return 0;
}

/* ---- one rank() call's view of the document ------------------------------ */

#define NO_TOKEN UINT32_MAX

typedef struct {
  uint32_t s1, e1; /* a title's byte spans in the text; e1 == 0: none */
  uint32_t s2, e2; /* a second part ("of Nordmaas Container Terminals") */
} TitleSpans;

typedef struct {
  uint32_t name_start, name_end; /* byte span of the fullest name */
  uint32_t name_tokens;
  TitleSpans title;
  int male, female;   /* gender evidence, as votes */
  int personish;      /* a person rather than an organisation or place */
  int org;
  int expanded;       /* an acronym or short form was looked up */
  int keep;           /* the name starts with Sir or Dame */
} Person;

enum {
  SPAN_ORPHAN = 1u << 0, /* a closing mark whose opening one is missing */
  SPAN_SINGLE = 1u << 1, /* in single marks */
};

typedef struct {
  uint32_t start, end; /* including the quotation marks */
  uint32_t first_sentence, last_sentence;
  uint32_t flags;      /* SPAN_* */
} Span;

enum { A_NONE, A_NAMED, A_PRONOUN, A_UNNAMED };
enum { SRC_NONE, SRC_AFTER, SRC_BEFORE, SRC_CONTEXT };

typedef struct {
  int kind;
  uint32_t first, last; /* A_NAMED: the name's tokens */
  uint32_t at;          /* the token the attribution was found at */
  uint32_t verb;        /* its verb of saying, or NO_TOKEN */
  int gender;           /* A_PRONOUN: 1 he, 2 she, 3 it */
  int source;           /* SRC_*: where it was found */
  TitleSpans title;     /* as given next to this mention */
} Attr;

typedef struct {
  uint32_t start, end;      /* the extract: all fragments */
  uint32_t frag, n_frags;   /* host quotes frag … frag+n_frags-1 */
  uint32_t first_sentence, last_sentence;
  uint32_t words;
  Attr attr;
  int32_t person;           /* resolved speaker, or -1 */
  int from_previous;        /* speaker inherited from the quote before */
  int dropped;
  double score;
  uint32_t stems, n_stems;  /* content stems: offset and count in the pool */
} Unit;

typedef struct {
  const Quotes *self;
  const abridge_host *host;
  const abridge_document *doc;
  const Lexeme *lexicon;       /* the document language's closed classes */
  size_t n_lexicon;
  const char *text;
  size_t len;
  uint32_t ns;                 /* sentences */
  uint32_t *sstart;            /* each sentence's byte span */
  uint32_t *send;
  const abridge_token **stok;  /* each sentence's tokens */
  uint32_t *base;              /* global index of each sentence's first token; [ns] = nt */
  uint32_t *spara;
  uint32_t nt;                 /* tokens */
  uint32_t nterms;
  uint32_t *wclass;            /* per term, W_* (lazily) */
  uint32_t *capcount;          /* per term: capitalised occurrences */
  uint32_t *lowcount;          /* per term: lower-case occurrences */
  uint32_t *person_of;         /* per term: 1 + person whose surname it is */
  uint32_t *short_of;          /* per term: 1 + organisation it is the short form of */
  uint8_t *nameterm;           /* per term: seen where names go (lower-cased articles) */
  int lower;                   /* the article is lower-cased (CNN/DM's tokenised copy) */
  Person *people;
  uint32_t n_people, cap_people;
  Span *quotes;
  uint32_t nq;
  uint32_t cache;              /* last sentence looked up */
  uint32_t lookups;            /* acronym look-ups left (LOOKUP_BUDGET) */
} Doc;

/* Search bounds: no search looks further than these. */
#define NAME_MAX_TOKENS 6
#define TITLE_MAX_TOKENS 12
#define APPOSITIVE_MAX_TOKENS 16
#define AFTER_WINDOW 30
#define BEFORE_WINDOW 45
#define ANTECEDENT_TOKENS 400
#define MAX_GAP 64
#define MAX_STEMS 4096
#define ALL_PAIRS_LIMIT 1500
#define DEDUP_WINDOW 64
#define DEDUP_BUDGET 50000000u /* stem comparisons, all pairs together */
#define LOOKUP_BUDGET 256      /* acronym and title look-ups over all people */
#define MAX_QUOTE_TEXT (256u * 1024u)

static uint32_t
sentence_of (Doc *d, uint32_t g)
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

static const abridge_token *
tok (Doc *d, uint32_t g)
{
  uint32_t s = sentence_of (d, g);
  return &d->stok[s][g - d->base[s]];
}

static uint32_t
tok_end (Doc *d, uint32_t g)
{
  const abridge_token *t = tok (d, g);
  return t->start + t->len;
}

static int
lexeme_find (const void *key, const void *elem)
{
  return strcmp (key, ((const Lexeme *) elem)->word);
}

static uint32_t
wclass (Doc *d, uint32_t g)
{
  uint32_t term = tok (d, g)->term;
  if (term >= d->nterms)
    return 0;
  if (!(d->wclass[term] & W_KNOWN))
    {
      const char *w = d->host->term_text (d->doc, term);
      const Lexeme *l = w != NULL ? bsearch (w, d->lexicon, d->n_lexicon,
                                             sizeof (Lexeme), lexeme_find)
                                  : NULL;
      d->wclass[term] = W_KNOWN | (l != NULL ? l->bits : 0);
    }
  return d->wclass[term] & ~W_KNOWN;
}

static int
is_cap (Doc *d, uint32_t g)
{
  return (tok (d, g)->flags & ABRIDGE_TOKEN_CAPITALISED) != 0;
}

static int
is_stop (Doc *d, uint32_t g)
{
  return (tok (d, g)->flags & ABRIDGE_TOKEN_STOP) != 0;
}

static int
same_sentence (Doc *d, uint32_t a, uint32_t b)
{
  return sentence_of (d, a) == sentence_of (d, b);
}

/* First token starting at or after byte OFFSET (nt when none). */
static uint32_t
token_at_or_after (Doc *d, uint32_t offset)
{
  uint32_t lo = 0, hi = d->nt;
  while (lo < hi)
    {
      uint32_t mid = lo + (hi - lo) / 2;
      if (tok (d, mid)->start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* ---- punctuation between tokens ---------------------------------------- */

enum {
  G_COMMA = 1, G_COLON = 2, G_PERIOD = 4, G_QUOTE = 8, G_DASH = 16,
  G_NEWLINE = 32, G_BREAK = 64, G_HYPHEN = 128, G_PARAGRAPH = 256,
};
/* What may sit between two words of one name or title. */
#define G_NAME_BREAKS (G_COMMA | G_COLON | G_QUOTE | G_DASH | G_BREAK | G_PARAGRAPH)

static int
is_quote_mark (const unsigned char *p, size_t avail, size_t *len)
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

static unsigned
gap_in (Doc *d, uint32_t from, uint32_t to)
{
  if (to < from || to > d->len)
    return G_BREAK;
  if (to - from > MAX_GAP)
    return G_BREAK | G_PARAGRAPH;
  unsigned g = 0;
  int newlines = 0;
  const unsigned char *p = (const unsigned char *) d->text + from, *end = (const unsigned char *) d->text + to;
  while (p < end)
    {
      size_t ml;
      if (is_quote_mark (p, (size_t) (end - p), &ml))
        {
          g |= G_QUOTE;
          p += ml;
          continue;
        }
      switch (*p)
        {
        case ' ': case '\t': case '\r':
          break;
        case '\n':
          g |= G_NEWLINE;
          if (++newlines >= 2)
            g |= G_PARAGRAPH;
          break;
        case ',': g |= G_COMMA; break;
        case ':': g |= G_COLON; break;
        case '.': g |= G_PERIOD; break;
        case '-': g |= G_HYPHEN; break;
        default:
          if (p + 2 < end && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94))
            {
              g |= G_DASH;
              p += 3;
              continue;
            }
          if (p + 1 < end && p[0] == 0xC2 && p[1] == 0xA0) /* no-break space */
            {
              p += 2;
              continue;
            }
          g |= G_BREAK;
        }
      if (*p != '\n')
        newlines = *p == ' ' || *p == '\t' || *p == '\r' ? newlines : 0;
      p++;
    }
  if ((g & G_HYPHEN) && to - from > 1)
    g |= G_DASH; /* " - " stands for a dash; "-" alone joins words */
  return g;
}

/* Punctuation between token A and the token after it. */
static unsigned
gap_after (Doc *d, uint32_t a)
{
  if (a + 1 >= d->nt)
    return G_BREAK;
  return gap_in (d, tok_end (d, a), tok (d, a + 1)->start);
}

/* ---- finding quotations ---------------------------------------------------
 *
 * The core's spans (host->quote_span) miss some styles the corpora use:
 * quotes in two apostrophes (''…''), single-mark quotes of one word
 * ('disorganized.'), tokenised text where marks stand apart from the words
 * (CNN/DM: ‘ every day … ’ and "we are … hard, "said koirala, whose
 * closing mark looks like an opening one), and a closing mark whose
 * opening one was lost. This scanner handles those as well as the core's
 * rules; core spans that overlap none of its own are kept too. One pass,
 * linear in the text. */

/* The code point at P (bytes up to END), its length in *N. */
static uint32_t
utf8_get (const unsigned char *p, const unsigned char *end, size_t *n)
{
  *n = 1;
  if (p >= end)
    return 0;
  if (p[0] < 0x80)
    return p[0];
  size_t want = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC0 ? 2 : 1;
  if (want == 1 || (size_t) (end - p) < want)
    return 0xFFFD;
  uint32_t c = p[0] & (0xFF >> (want + 1));
  for (size_t i = 1; i < want; i++)
    {
      if ((p[i] & 0xC0) != 0x80)
        return 0xFFFD;
      c = (c << 6) | (p[i] & 0x3F);
    }
  *n = want;
  return c;
}

/* The code point ending right before P (no further back than FLOOR). */
static uint32_t
utf8_before (const unsigned char *p, const unsigned char *floor)
{
  if (p <= floor)
    return 0;
  const unsigned char *q = p - 1;
  for (int k = 0; k < 3 && q > floor && (*q & 0xC0) == 0x80; k++)
    q--;
  size_t n;
  return utf8_get (q, p, &n);
}

static int
cp_space (uint32_t c)
{
  return c == 0 || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0;
}

/* A letter or digit, roughly: any non-ASCII code point that is no mark,
 * dash or space counts. */
static int
cp_word (uint32_t c)
{
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return !(c >= 0x2010 && c <= 0x206F) && c != 0xA0 && c != 0xAB && c != 0xBB;
}

/* What may stand before an opening mark. */
static int
cp_opens (uint32_t c)
{
  return cp_space (c) || c == '(' || c == '[' || c == '{' || c == 0x2014 || c == 0x2013
         || c == '-' || c == '/';
}

enum { MK_NONE, MK_DOUBLE, MK_DOUBLE_OPEN, MK_DOUBLE_CLOSE, MK_SINGLE, MK_SINGLE_OPEN,
       MK_SINGLE_CLOSE };

static int
mark_at (const unsigned char *p, const unsigned char *end, size_t *len)
{
  *len = 1;
  if (p[0] == '"')
    return MK_DOUBLE;
  if (p[0] == '\'')
    {
      if (p + 1 < end && p[1] == '\'')
        {
          *len = 2;
          return MK_DOUBLE;
        }
      return MK_SINGLE;
    }
  if (p + 1 < end && p[0] == 0xC2)
    {
      *len = 2;
      return p[1] == 0xAB ? MK_DOUBLE_OPEN : p[1] == 0xBB ? MK_DOUBLE_CLOSE : MK_NONE;
    }
  if (p + 2 < end && p[0] == 0xE2 && p[1] == 0x80)
    {
      *len = 3;
      switch (p[2])
        {
        case 0x9C: case 0x9E: return MK_DOUBLE_OPEN;
        case 0x9D: return MK_DOUBLE_CLOSE;
        case 0x98: return MK_SINGLE_OPEN;
        case 0x99: return MK_SINGLE_CLOSE;
        default: return MK_NONE;
        }
    }
  if (p + 2 < end && p[0] == 0xE3 && p[1] == 0x80)
    {
      *len = 3;
      switch (p[2])
        {
        case 0x8C: case 0x8E: return MK_DOUBLE_OPEN;  /* 「 『 */
        case 0x8D: case 0x8F: return MK_DOUBLE_CLOSE; /* 」 』 */
        default: return MK_NONE;
        }
    }
  return MK_NONE;
}

/* After a spaced apostrophe: "england ’ s", "you ’ re". */
static int
contraction_follows (const unsigned char *p, const unsigned char *end)
{
  while (p < end && *p == ' ')
    p++;
  static const char *const tails[] = { "s", "t", "re", "ve", "ll", "d", "m" };
  for (size_t i = 0; i < sizeof tails / sizeof *tails; i++)
    {
      size_t n = strlen (tails[i]);
      if ((size_t) (end - p) >= n && memcmp (p, tails[i], n) == 0)
        {
          size_t k;
          if (p + n >= end || !cp_word (utf8_get (p + n, end, &k)))
            return 1;
        }
    }
  return 0;
}

typedef struct {
  Span *spans;
  uint32_t n, cap;
  int failed;
} SpanList;

static void
spans_push (SpanList *l, uint32_t start, uint32_t end, uint32_t flags)
{
  if (end <= start || l->failed)
    return;
  if (l->n == l->cap)
    {
      uint32_t cap = l->cap ? l->cap * 2 : 64;
      Span *s = realloc (l->spans, (size_t) cap * sizeof *s);
      if (s == NULL)
        {
          l->failed = 1;
          return;
        }
      l->spans = s;
      l->cap = cap;
    }
  Span sp = { start, end, 0, 0, flags };
  l->spans[l->n++] = sp;
}

/* The start of the sentence holding byte OFFSET. */
static uint32_t
sentence_start_at (Doc *d, uint32_t offset)
{
  uint32_t lo = 0, hi = d->ns;
  while (lo < hi)
    {
      uint32_t mid = lo + (hi - lo) / 2;
      if (d->sstart[mid] <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 ? d->sstart[lo - 1] : 0;
}

enum { FAM_DOUBLE, FAM_TIGHT, FAM_SPACED };

/* Whether straight double marks stand apart from the words they close
 * ("… hard, "said"): then they simply alternate. */
static int
tokenised_style (Doc *d)
{
  const unsigned char *t = (const unsigned char *) d->text, *end = t + d->len;
  uint32_t total = 0, glued = 0;
  for (const unsigned char *p = t; p < end; p++)
    if (*p == '"')
      {
        total++;
        glued += !cp_opens (utf8_before (p, t));
      }
  return total >= 2 && glued * 20 < total;
}

static void
scan_quotes (Doc *d, SpanList *out)
{
  const unsigned char *t = (const unsigned char *) d->text, *end = t + d->len;
  int toggle = tokenised_style (d);
  int open = 0, fam = FAM_DOUBLE, curly = 0;
  int low_open = 0; /* the open quote began with „, which “ closes (German) */
  uint32_t start = 0, para = 0, last_end = 0;
  const unsigned char *p = t;
  while (p < end)
    {
      unsigned char b = *p;
      if (b == '\n')
        {
          const unsigned char *q = p + 1;
          while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
          if (q >= end || *q != '\n')
            {
              p++;
              continue;
            }
          while (q < end && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n'))
            q++;
          /* a paragraph break: an open quote continues when the next
           * paragraph opens with a mark of its kind (wire style) */
          if (open)
            {
              size_t ml = 0;
              int m = q < end ? mark_at (q, end, &ml) : MK_NONE;
              int continues = fam == FAM_DOUBLE ? (m == MK_DOUBLE || m == MK_DOUBLE_OPEN)
                                                : (m == MK_SINGLE || m == MK_SINGLE_OPEN);
              if (continues)
                {
                  p = q + ml;
                  continue;
                }
              if (fam == FAM_DOUBLE)
                {
                  const unsigned char *e = p;
                  while (e > t + start && cp_space (e[-1]))
                    e--;
                  spans_push (out, start, (uint32_t) (e - t), 0);
                  last_end = (uint32_t) (e - t);
                }
              open = 0;
            }
          para = (uint32_t) (q - t);
          p = q;
          continue;
        }
      if (b != '"' && b != '\'' && b != 0xC2 && b != 0xE2 && b != 0xE3)
        {
          p++;
          continue;
        }
      size_t ml;
      int m = mark_at (p, end, &ml);
      if (m == MK_NONE)
        {
          p++;
          continue;
        }
      uint32_t at = (uint32_t) (p - t);
      size_t nl;
      uint32_t before = utf8_before (p, t + para), after = p + ml < end ? utf8_get (p + ml, end, &nl) : 0;
      int space_before = cp_opens (before), space_after = cp_space (after);
      if (m == MK_DOUBLE || m == MK_DOUBLE_OPEN || m == MK_DOUBLE_CLOSE)
        {
          int role; /* 1 open, 2 close, 3 either */
          if (m == MK_DOUBLE_OPEN)
            role = open && fam == FAM_DOUBLE && low_open && ml == 3 && p[2] == 0x9C ? 2 : 1;
          else if (m == MK_DOUBLE_CLOSE)
            role = 2;
          else if (toggle && ml == 1)
            role = 3;
          else
            role = space_before && !space_after ? 1 : !space_before ? 2 : 3;
          if (open && fam != FAM_DOUBLE && fam == FAM_TIGHT)
            open = 0; /* a one-word 'quote' does not hold double marks */
          if (!open)
            {
              if (role == 1 || role == 3)
                {
                  open = 1;
                  fam = FAM_DOUBLE;
                  start = at;
                  low_open = ml == 3 && p[0] == 0xE2 && p[2] == 0x9E;
                }
              else if (!space_before)
                {
                  /* a closing mark with no opening one: the quote began at
                   * its sentence (kept only if an attribution follows) */
                  uint32_t s0 = sentence_start_at (d, at);
                  if (s0 < para)
                    s0 = para;
                  if (s0 < last_end)
                    s0 = last_end;
                  while (s0 < at && cp_space (t[s0]))
                    s0++;
                  if (s0 < at)
                    spans_push (out, s0, at + (uint32_t) ml, SPAN_ORPHAN);
                  last_end = at + (uint32_t) ml;
                }
            }
          else if (fam == FAM_DOUBLE && role != 1)
            {
              spans_push (out, start, at + (uint32_t) ml, 0);
              last_end = at + (uint32_t) ml;
              open = 0;
            }
          p += ml;
          continue;
        }
      /* single marks */
      int word_before = cp_word (before), word_after = cp_word (after);
      if (word_before && word_after)
        {
          p += ml; /* it's, don’t */
          continue;
        }
      int may_open = m != MK_SINGLE_CLOSE && space_before;
      int may_close = m != MK_SINGLE_OPEN && !space_after ? !word_after : 1;
      if (m == MK_SINGLE_CLOSE && space_before && word_after)
        may_close = 0; /* ’90s */
      if (!open)
        {
          if (may_open && word_after && !(m == MK_SINGLE && after >= '0' && after <= '9'))
            {
              open = 1;
              fam = FAM_TIGHT;
              start = at;
              curly = m == MK_SINGLE_OPEN;
            }
          else if (may_open && space_after && m != MK_SINGLE_CLOSE && p + ml + 1 < end
                   && cp_word (utf8_get (p + ml + 1, end, &nl)))
            {
              open = 1;
              fam = FAM_SPACED;
              start = at;
              curly = m == MK_SINGLE_OPEN;
            }
        }
      else if (curly ? m != MK_SINGLE_CLOSE : m != MK_SINGLE)
        ; /* ‘ closes with ’ and ' with ': "‘ … ' I don ’ t …’" reopens */
      else if (fam == FAM_TIGHT)
        {
          if (!space_before && !word_after && m != MK_SINGLE_OPEN)
            {
              spans_push (out, start, at + (uint32_t) ml, SPAN_SINGLE);
              last_end = at + (uint32_t) ml;
              open = 0;
            }
          else if (at - start > 300)
            open = 0;
        }
      else if (fam == FAM_SPACED)
        {
          if (space_before && may_close && m != MK_SINGLE_OPEN
              && (space_after || !word_after) && !contraction_follows (p + ml, end))
            {
              spans_push (out, start, at + (uint32_t) ml, SPAN_SINGLE);
              last_end = at + (uint32_t) ml;
              open = 0;
            }
          else if (!space_before && !word_after && m != MK_SINGLE_OPEN && word_before == 0
                   && space_after)
            {
              /* "… unfortunate.’" closing against punctuation */
              spans_push (out, start, at + (uint32_t) ml, SPAN_SINGLE);
              last_end = at + (uint32_t) ml;
              open = 0;
            }
        }
      p += ml;
    }
  if (open && fam == FAM_DOUBLE)
    {
      const unsigned char *e = end;
      while (e > t + start && cp_space (e[-1]))
        e--;
      spans_push (out, start, (uint32_t) (e - t), 0);
    }
}

static int
span_cmp (const void *a, const void *b)
{
  const Span *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start;
}

/* The sentences a span touches. */
static void
span_sentences (Doc *d, Span *sp)
{
  uint32_t lo = 0, hi = d->ns;
  while (lo < hi)
    {
      uint32_t mid = lo + (hi - lo) / 2;
      if (d->sstart[mid] <= sp->start)
        lo = mid + 1;
      else
        hi = mid;
    }
  uint32_t first = lo > 0 ? lo - 1 : 0;
  if (first + 1 < d->ns && d->send[first] <= sp->start)
    first++; /* between sentences: the next one */
  lo = first;
  hi = d->ns;
  while (lo < hi)
    {
      uint32_t mid = lo + (hi - lo) / 2;
      if (d->sstart[mid] < sp->end)
        lo = mid + 1;
      else
        hi = mid;
    }
  uint32_t last = lo > 0 ? lo - 1 : 0;
  sp->first_sentence = first;
  sp->last_sentence = last < first ? first : last;
}

/* Our spans, then the core's that overlap none of ours; sorted, disjoint. */
static int
quotes_find (Doc *d)
{
  SpanList l = { NULL, 0, 0, 0 };
  scan_quotes (d, &l);
  uint32_t ours = l.n;
  uint32_t nq = d->host->quote_count (d->doc);
  uint32_t k = 0;
  for (uint32_t q = 0; q < nq && !l.failed; q++)
    {
      Span sp = { 0, 0, 0, 0, 0 };
      d->host->quote_span (d->doc, q, &sp.start, &sp.end, &sp.first_sentence, &sp.last_sentence);
      if (sp.end <= sp.start || sp.end > d->len)
        continue;
      while (k < ours && l.spans[k].end <= sp.start)
        k++;
      if (k < ours && l.spans[k].start < sp.end)
        continue;
      spans_push (&l, sp.start, sp.end, 0);
    }
  if (l.failed)
    {
      free (l.spans);
      return -1;
    }
  if (l.n > ours)
    qsort (l.spans, l.n, sizeof *l.spans, span_cmp);
  uint32_t n = 0;
  for (uint32_t i = 0; i < l.n; i++)
    {
      if (n > 0 && l.spans[i].start < l.spans[n - 1].end)
        continue;
      l.spans[n] = l.spans[i];
      if (d->ns > 0)
        span_sentences (d, &l.spans[n]);
      n++;
    }
  d->quotes = l.spans;
  d->nq = n;
  return 0;
}

/* ---- names and titles ---------------------------------------------------- */

static int
all_caps (Doc *d, uint32_t g)
{
  const abridge_token *t = tok (d, g);
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

static int
is_possessive (Doc *d, uint32_t g)
{
  const char *w = d->host->term_text (d->doc, tok (d, g)->term);
  size_t n = w != NULL ? strlen (w) : 0;
  return n > 2 && w[n - 2] == '\'' && w[n - 1] == 's';
}

/* A word that may be part of a person's or organisation's name. */
static int
is_name_tok (Doc *d, uint32_t g)
{
  const abridge_token *t = tok (d, g);
  if (t->flags & (ABRIDGE_TOKEN_NUMBER | ABRIDGE_TOKEN_STOP))
    return 0;
  uint32_t c = wclass (d, g);
  if (c & (W_TITLE | W_HONORIFIC | W_GENDERED | W_NOTNAME | W_WHO | W_ARTICLE | W_PLURAL | W_VERB
           | W_ACCORDING | W_IT | W_TO | W_SPOKES))
    return 0;
  int seen = d->lower && t->term < d->nterms && d->nameterm[t->term];
  if (!(t->flags & ABRIDGE_TOKEN_CAPITALISED))
    return seen;
  /* A sentence's first word is capitalised anyway: a name only if the
   * article never writes it in lower case ("Speaking after …"). */
  uint32_t s = sentence_of (d, g);
  if (g == d->base[s] && t->term < d->nterms && d->lowcount[t->term] > 0)
    return seen;
  return 1;
}

/* The name ending at token E, going back no further than LO: returns its
 * first token. */
static uint32_t
name_back (Doc *d, uint32_t e, uint32_t lo)
{
  uint32_t f = e, n = 1;
  while (f > lo && n < NAME_MAX_TOKENS)
    {
      uint32_t p = f - 1;
      if (!same_sentence (d, p, f) || (gap_after (d, p) & G_NAME_BREAKS)
          || (is_possessive (d, p) && !(wclass (d, f) & W_ORG)))
        break;
      if (is_name_tok (d, p))
        {
          f = p;
          n++;
          continue;
        }
      if (p > lo && !is_cap (d, p) && (wclass (d, p) & W_PARTICLE) && same_sentence (d, p - 1, p)
          && !(gap_after (d, p - 1) & G_NAME_BREAKS) && is_name_tok (d, p - 1)
          && !is_possessive (d, p - 1))
        {
          f = p - 1;
          n += 2;
          continue;
        }
      break;
    }
  while (f < e && (wclass (d, f) & W_AFFIL))
    f++; /* "Tory Liam Fox" */
  return f;
}

/* The honorific right before token F (Mr, Dr), or NO_TOKEN. */
static uint32_t
honorific_before (Doc *d, uint32_t f)
{
  if (f == 0 || !same_sentence (d, f - 1, f) || (gap_after (d, f - 1) & G_NAME_BREAKS))
    return NO_TOKEN;
  return (wclass (d, f - 1) & W_HONORIFIC) && (is_cap (d, f - 1) || d->lower) ? f - 1 : NO_TOKEN;
}

static int
name_is_org (Doc *d, uint32_t f, uint32_t e)
{
  for (uint32_t g = f; g <= e; g++)
    if ((wclass (d, g) & W_ORG) || all_caps (d, g))
      return 1;
  return 0;
}

/* The title right before the name starting at F ("U.S. Deputy Secretary of
 * State", "BA chairman", "aviation analyst"): fills T->s1/e1. */
static int
title_back (Doc *d, uint32_t f, uint32_t lo, TitleSpans *t)
{
  uint32_t h = honorific_before (d, f);
  uint32_t k = h != NO_TOKEN ? h : f;
  uint32_t first = NO_TOKEN, last = NO_TOKEN;
  int caps = 0, mods = 0, steps = 0;
  while (k > lo && steps < TITLE_MAX_TOKENS)
    {
      uint32_t g = k - 1;
      steps++;
      if (!same_sentence (d, g, k) || (gap_after (d, g) & G_NAME_BREAKS))
        break;
      uint32_t c = wclass (d, g);
      int cap = is_cap (d, g);
      if ((c & (W_TITLE | W_AFFIL)) && !(c & W_VERB))
        {
          if (last == NO_TOKEN)
            last = g;
          first = g;
          caps = mods = 0;
        }
      else if (last == NO_TOKEN)
        break; /* the title must end right before the name */
      else if ((c & W_CONNECT) && !cap && g > lo && (wclass (d, g - 1) & W_TITLE)
               && same_sentence (d, g - 1, g))
        ; /* Secretary of State */
      else if (cap && !is_stop (d, g) && !(c & (W_NOTNAME | W_VERB | W_GENDERED | W_WHO | W_PLURAL))
               && caps < 3 && first == g + 1)
        {
          first = g;
          caps++;
        }
      else if (!cap && !is_stop (d, g) && !(tok (d, g)->flags & ABRIDGE_TOKEN_NUMBER)
               && !(c & (W_VERB | W_NOTNAME | W_ADVERB | W_ACCORDING | W_CONNECT)) && mods < 2
               && first == g + 1)
        {
          first = g;
          mods++;
        }
      else
        break;
      k = g;
    }
  if (last == NO_TOKEN)
    return 0;
  t->s1 = tok (d, first)->start;
  t->e1 = tok_end (d, last);
  return 1;
}

/* ", the union's chairman," after the name ending at E: fills T->s1/e1. */
static int
appositive_after (Doc *d, uint32_t e, TitleSpans *t)
{
  if (e + 1 >= d->nt || !same_sentence (d, e, e + 1))
    return 0;
  unsigned g0 = gap_after (d, e);
  if (!(g0 & G_COMMA) || (g0 & (G_QUOTE | G_COLON | G_DASH | G_BREAK | G_PARAGRAPH)))
    return 0;
  uint32_t n = e + 1, end = NO_TOKEN;
  int has_title = 0;
  for (uint32_t j = n; j < d->nt && j - n < APPOSITIVE_MAX_TOKENS; j++)
    {
      uint32_t c = wclass (d, j);
      if (c & (W_VERB | W_ACCORDING) && !is_cap (d, j))
        return 0;
      if ((c & W_TITLE) && !(c & W_VERB))
        has_title = 1;
      int last_in_sentence = j + 1 >= d->nt || !same_sentence (d, j, j + 1);
      unsigned g = last_in_sentence ? 0 : gap_after (d, j);
      if (last_in_sentence || (g & G_COMMA))
        {
          end = j;
          break;
        }
      if (g & (G_QUOTE | G_COLON | G_DASH | G_BREAK | G_PARAGRAPH))
        return 0;
    }
  if (end == NO_TOKEN || !has_title)
    return 0;
  uint32_t c = wclass (d, n);
  if (c & (W_WHO | W_GENDERED | W_PLURAL) || (tok (d, n)->flags & ABRIDGE_TOKEN_NUMBER))
    return 0;
  t->s1 = tok (d, n)->start;
  t->e1 = tok_end (d, end);
  return 1;
}

/* "of Dresdner Kleinwort Wasserstein" after the name ending at E. */
static int
of_org_after (Doc *d, uint32_t e, uint32_t *s, uint32_t *end)
{
  uint32_t k = e + 1;
  if (k + 1 >= d->nt || !same_sentence (d, e, k + 1) || (gap_after (d, e) & G_NAME_BREAKS)
      || is_cap (d, k) || !(wclass (d, k) & W_CONNECT) || (gap_after (d, k) & G_NAME_BREAKS))
    return 0;
  uint32_t j = k + 1, last = NO_TOKEN;
  while (j < d->nt && j - k <= 5 && same_sentence (d, k, j) && is_cap (d, j) && !is_stop (d, j)
         && !(wclass (d, j) & (W_NOTNAME | W_VERB)))
    {
      last = j;
      if (gap_after (d, j) & G_NAME_BREAKS)
        break;
      j++;
    }
  if (last == NO_TOKEN)
    return 0;
  *s = tok (d, k)->start;
  *end = tok_end (d, last);
  return 1;
}

/* The titles given next to the name F…E, before or after it. */
static void
local_title (Doc *d, uint32_t f, uint32_t e, uint32_t lo, TitleSpans *t)
{
  memset (t, 0, sizeof *t);
  uint32_t s, end;
  int before = title_back (d, f, lo, t);
  if (of_org_after (d, e, &s, &end))
    {
      if (before)
        {
          t->s2 = s;
          t->e2 = end;
        }
      else
        {
          TitleSpans a = { 0 };
          if (appositive_after (d, e, &a))
            *t = a;
        }
      return;
    }
  if (!before)
    appositive_after (d, e, t);
}

/* ---- the people of the article ------------------------------------------- */

static int32_t
person_add (Doc *d, uint32_t term)
{
  if (d->person_of[term] != 0)
    return (int32_t) d->person_of[term] - 1;
  if (d->n_people == d->cap_people)
    {
      uint32_t cap = d->cap_people ? d->cap_people * 2 : 64;
      Person *p = realloc (d->people, cap * sizeof *p);
      if (p == NULL)
        return -1;
      d->people = p;
      d->cap_people = cap;
    }
  Person *p = &d->people[d->n_people];
  memset (p, 0, sizeof *p);
  d->person_of[term] = ++d->n_people;
  return (int32_t) d->n_people - 1;
}

/* Records a mention of the name F…E: the fullest name, its title,
 * gender evidence. Returns the person, or -1. */
static int32_t
person_note (Doc *d, uint32_t f, uint32_t e, const TitleSpans *title, int possessive_ok)
{
  uint32_t term = tok (d, e)->term;
  if (term >= d->nterms || (!possessive_ok && is_possessive (d, e)))
    return -1;
  int32_t id = person_add (d, term);
  if (id < 0)
    return -1;
  Person *p = &d->people[id];
  uint32_t n = e - f + 1;
  int org = name_is_org (d, f, e);
  uint32_t h = honorific_before (d, f);
  int keep = h != NO_TOKEN && (wclass (d, h) & W_KEEP); /* Sir Alex Ferguson */
  if (n + keep > p->name_tokens && !(org && !p->org && p->name_tokens > 0))
    {
      p->name_start = tok (d, keep ? h : f)->start;
      p->name_end = tok_end (d, e);
      p->name_tokens = n + keep;
      p->org = org;
      p->keep = keep;
    }
  if (title != NULL && title->e1 != 0 && p->title.e1 == 0)
    p->title = *title;
  if (n >= 2 && f + 1 <= e)
    {
      /* "Foster's Group" is also called "Foster's" */
      int rest_org = 1;
      for (uint32_t g = f + 1; g <= e; g++)
        rest_org &= (wclass (d, g) & W_ORG) != 0;
      uint32_t t0 = tok (d, f)->term;
      /* and "Sir Andrew Motion" is "Sir Andrew" */
      if ((rest_org || keep) && t0 < d->nterms && d->short_of[t0] == 0)
        d->short_of[t0] = (uint32_t) id + 1;
    }
  if (h != NO_TOKEN)
    {
      uint32_t c = wclass (d, h);
      p->male += (c & W_MALE) ? 3 : 0;
      p->female += (c & W_FEMALE) ? 3 : 0;
      p->personish = 1;
    }
  if (n >= 2 && !org)
    {
      uint32_t c = wclass (d, f);
      if (c & W_FIRSTNAME)
        {
          p->male += (c & W_MALE) ? 2 : 0;
          p->female += (c & W_FEMALE) ? 2 : 0;
        }
      p->personish = 1;
    }
  if (title != NULL && title->e1 != 0 && !org)
    {
      p->personish = 1;
      /* spokeswoman, chairwoman: the title says it */
      uint32_t g = token_at_or_after (d, title->s1);
      for (uint32_t k = 0; g < d->nt && k < TITLE_MAX_TOKENS && tok (d, g)->start < title->e1; g++, k++)
        if ((wclass (d, g) & (W_TITLE | W_FEMALE)) == (W_TITLE | W_FEMALE))
          p->female += 2;
    }
  return id;
}

/* Person P's gender from the evidence: 1 male, 2 female, 0 unknown. */
static int
person_gender (const Person *p)
{
  return p->male > p->female ? 1 : p->female > p->male ? 2 : 0;
}

/* The body an acronym stands for: "FA" for "The Football Association". */
static int32_t
acronym_expand (Doc *d, uint32_t g)
{
  const abridge_token *t = tok (d, g);
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
  uint32_t limit = d->n_people < 5000 ? d->n_people : 5000;
  for (uint32_t id = 0; id < limit; id++)
    {
      const Person *p = &d->people[id];
      if (p->name_tokens != n)
        continue;
      size_t k = 0;
      for (uint32_t j = token_at_or_after (d, p->name_start);
           j < d->nt && tok (d, j)->start < p->name_end && k <= n; j++)
        {
          const abridge_token *u = tok (d, j);
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

/* The person (or body) a named attribution speaks for: its fullest name
 * ("Stoltenberg" → "Jens Stoltenberg"), the body behind a short form or an
 * acronym ("Foster's" → "Foster's Group", "FA" → "Football Association"). */
static int32_t
speaker_person (Doc *d, const Attr *a)
{
  uint32_t f = a->first, e = a->last, term = tok (d, e)->term;
  if (term >= d->nterms)
    return -1;
  if (f == e)
    {
      uint32_t h = honorific_before (d, f);
      if (d->short_of[term] != 0 && (h == NO_TOKEN || (wclass (d, h) & W_KEEP)))
        {
          int32_t id = (int32_t) d->short_of[term] - 1;
          if (h == NO_TOKEN || d->people[id].keep)
            return id;
        }
      int32_t known = d->person_of[term] != 0 ? (int32_t) d->person_of[term] - 1 : -1;
      if (all_caps (d, e) && (known < 0 || (d->people[known].name_tokens <= 1 && !d->people[known].expanded)))
        {
          int32_t x = acronym_expand (d, e);
          if (known < 0)
            known = person_note (d, f, e, &a->title, 1);
          if (known >= 0)
            d->people[known].expanded = 1;
          if (x >= 0)
            {
              d->person_of[term] = (uint32_t) x + 1;
              return x;
            }
        }
    }
  int32_t id = person_note (d, f, e, &a->title, 1);
  if (id >= 0 && !d->people[id].org && e > f)
    d->people[id].personish = 1;
  return id;
}

static int
is_speech_verb (Doc *d, uint32_t g)
{
  uint32_t c = wclass (d, g);
  return (c & W_ACCORDING) || ((c & W_VERB) && !is_cap (d, g));
}

/* Whether the article is lower-cased (CNN/DM's tokenised copy): hardly a
 * capital inside a sentence. */
static int
lower_detect (Doc *d)
{
  uint32_t n = 0, caps = 0;
  for (uint32_t g = 1; g < d->nt; g++)
    {
      const abridge_token *t = tok (d, g);
      if (g == d->base[sentence_of (d, g)] || (t->flags & (ABRIDGE_TOKEN_STOP | ABRIDGE_TOKEN_NUMBER)))
        continue;
      if (gap_in (d, tok_end (d, g - 1), t->start)
          & (G_QUOTE | G_PERIOD | G_COLON | G_BREAK | G_PARAGRAPH | G_NEWLINE | G_DASH))
        continue;
      n++;
      caps += (t->flags & ABRIDGE_TOKEN_CAPITALISED) != 0;
    }
  return n >= 40 && caps * 100 < n * 3;
}

/* A word that may be a lower-cased name: no stop word, number or word of
 * the lexicon (given names and organisation words aside). */
static int
plain_word (Doc *d, uint32_t g)
{
  if (tok (d, g)->flags & (ABRIDGE_TOKEN_STOP | ABRIDGE_TOKEN_NUMBER))
    return 0;
  return (wclass (d, g) & ~(W_FIRSTNAME | W_MALE | W_FEMALE | W_ORG)) == 0;
}

static void
mark_name (Doc *d, uint32_t g)
{
  uint32_t term = tok (d, g)->term;
  if (term < d->nterms)
    d->nameterm[term] = 1;
}

static int
is_marked (Doc *d, uint32_t g)
{
  uint32_t term = tok (d, g)->term;
  return term < d->nterms && d->nameterm[term];
}

/* Where names stand in a lower-cased article: next to a verb of saying
 * ("said koirala,", "“…” basnet said"), after an honorific or a title
 * ("miss hawksley", "manager brendan rodgers"), capitalised at a
 * sentence's start and nowhere in lower case; then the word before such a
 * name when a comma, title or honorific precedes it ("cnn hero, pushpa
 * basnet"). */
static void
names_lower (Doc *d)
{
  for (uint32_t g = 0; g < d->nt; g++)
    {
      uint32_t s = sentence_of (d, g), c = wclass (d, g);
      if (is_speech_verb (d, g) && !(c & W_ACCORDING))
        {
          uint32_t k = g + 1;
          if (k < d->nt && same_sentence (d, g, k) && !(gap_after (d, g) & G_NAME_BREAKS)
              && plain_word (d, k)
              && (k + 1 >= d->nt || !same_sentence (d, k, k + 1)
                  || (gap_after (d, k) & (G_COMMA | G_PERIOD | G_QUOTE | G_COLON | G_BREAK | G_DASH))))
            mark_name (d, k);
          if (g > 0 && same_sentence (d, g - 1, g) && !(gap_after (d, g - 1) & G_NAME_BREAKS)
              && plain_word (d, g - 1))
            {
              uint32_t p = g - 1;
              if (p == d->base[s] || (gap_after (d, p - 1) & (G_COMMA | G_QUOTE | G_PERIOD | G_DASH))
                  || (wclass (d, p - 1) & (W_TITLE | W_HONORIFIC)) || is_marked (d, p - 1))
                mark_name (d, p);
            }
        }
      if (((c & W_HONORIFIC) || ((c & W_TITLE) && !(c & W_SPOKES))) && g + 1 < d->nt
          && same_sentence (d, g, g + 1) && !(gap_after (d, g) & G_NAME_BREAKS) && plain_word (d, g + 1)
          && !(g + 2 < d->nt && (wclass (d, g + 2) & (W_HONORIFIC | W_TITLE))))
        {
          mark_name (d, g + 1);
          uint32_t k = g + 2;
          if (k < d->nt && same_sentence (d, g, k) && !(gap_after (d, k - 1) & G_NAME_BREAKS)
              && plain_word (d, k)
              && (k + 1 >= d->nt || !same_sentence (d, k, k + 1) || (gap_after (d, k) & G_NAME_BREAKS)
                  || is_stop (d, k + 1) || is_speech_verb (d, k + 1)))
            mark_name (d, k);
        }
      const abridge_token *t = tok (d, g);
      if (g == d->base[s] && (t->flags & ABRIDGE_TOKEN_CAPITALISED) && t->term < d->nterms
          && d->lowcount[t->term] == 0 && plain_word (d, g))
        mark_name (d, g);
    }
  for (uint32_t g = 1; g < d->nt; g++)
    {
      uint32_t p = g - 1;
      if (!is_marked (d, g) || is_marked (d, p) || !same_sentence (d, p, g)
          || (gap_after (d, p) & G_NAME_BREAKS) || !plain_word (d, p))
        continue;
      if (p == d->base[sentence_of (d, p)] || (gap_after (d, p - 1) & (G_COMMA | G_QUOTE | G_DASH))
          || (wclass (d, p - 1) & (W_TITLE | W_HONORIFIC)))
        mark_name (d, p);
    }
  /* "Peter silverman, of …": the word after a name, before a comma */
  for (uint32_t g = 0; g + 1 < d->nt; g++)
    {
      uint32_t k = g + 1;
      if (is_marked (d, g) && !is_marked (d, k) && same_sentence (d, g, k)
          && !(gap_after (d, g) & G_NAME_BREAKS) && plain_word (d, k)
          && (gap_after (d, k) & G_COMMA) && !(gap_after (d, k) & (G_QUOTE | G_BREAK)))
        mark_name (d, k);
    }
}

/* "the home secretary said": the one person the article gave that title
 * ("Home Secretary Charles Clarke"), or -1. BUDGET bounds the lookups. */
static int32_t
title_person (Doc *d, uint32_t head, uint32_t *budget)
{
  uint32_t c = wclass (d, head);
  if (!(c & W_TITLE) || (c & W_SPOKES) || *budget == 0)
    return -1;
  uint32_t f = head;
  while (f > 0 && head - f < 3 && (wclass (d, f - 1) & W_TITLE) && !is_cap (d, f - 1)
         && same_sentence (d, f - 1, f) && !(gap_after (d, f - 1) & G_NAME_BREAKS))
    f--;
  if (f == 0 || !same_sentence (d, f - 1, f) || (gap_after (d, f - 1) & G_NAME_BREAKS))
    return -1;
  const char *article = d->host->term_text (d->doc, tok (d, f - 1)->term);
  if (article == NULL || strcmp (article, "the") != 0)
    return -1; /* "a spokesman" is nobody in particular */
  (*budget)--;
  int32_t found = -1;
  uint32_t limit = d->n_people < 5000 ? d->n_people : 5000;
  for (uint32_t id = 0; id < limit; id++)
    {
      const Person *p = &d->people[id];
      if (p->title.e1 == 0 || p->org || !p->personish)
        continue;
      uint32_t tl = token_at_or_after (d, p->title.e1);
      if (tl == 0)
        continue;
      tl--;
      int same = 1;
      for (uint32_t k = 0; k <= head - f && same; k++)
        same = tl >= k && tok (d, tl - k)->start >= p->title.s1
               && tok (d, tl - k)->term == tok (d, head - k)->term;
      uint32_t before = tl - (head - f); /* "Deputy Mayor" is no "the mayor" */
      if (!same || (before > 0 && tok (d, before - 1)->start >= p->title.s1
                    && (wclass (d, before - 1) & W_TITLE)))
        continue;
      if (found >= 0 && found != (int32_t) id)
        return -1; /* two of them: which one is meant? */
      found = (int32_t) id;
    }
  return found;
}

/* One pass over the article: counts capitalised and lower-case uses of
 * each word, registers every name with its title, and collects gender
 * evidence (a person alone in the last two sentences, then he/his/she/her
 * outside quotes). */
static int
people_build (Doc *d)
{
  for (uint32_t g = 0; g < d->nt; g++)
    {
      const abridge_token *t = tok (d, g);
      if (t->term >= d->nterms)
        continue;
      uint32_t s = sentence_of (d, g);
      if (t->flags & ABRIDGE_TOKEN_CAPITALISED)
        {
          if (g != d->base[s])
            d->capcount[t->term]++;
        }
      else
        d->lowcount[t->term]++;
    }
  d->lower = lower_detect (d);
  if (d->lower)
    names_lower (d);
  /* First-word uses count as mentions too once the word is known as a name. */
  for (uint32_t s = 0; s < d->ns; s++)
    if (d->base[s] < d->base[s + 1])
      {
        const abridge_token *t = tok (d, d->base[s]);
        if (t->term < d->nterms && d->lowcount[t->term] == 0)
          d->capcount[t->term]++;
      }

  int32_t last_person = -1;
  uint32_t last_sentence = 0;
  int ambiguous = 0;
  uint32_t qi = 0;
  for (uint32_t g = 0; g < d->nt; g++)
    {
      uint32_t start = tok (d, g)->start;
      while (qi < d->nq && d->quotes[qi].end <= start)
        qi++;
      int inside = qi < d->nq && d->quotes[qi].start <= start;
      uint32_t s = sentence_of (d, g);
      if (last_person >= 0 && s > last_sentence + 1)
        last_person = -1;
      uint32_t c = wclass (d, g);
      if ((c & W_GENDERED) && !inside && last_person >= 0 && !ambiguous)
        {
          d->people[last_person].male += (c & W_MALE) ? 1 : 0;
          d->people[last_person].female += (c & W_FEMALE) ? 1 : 0;
          continue;
        }
      if (!is_name_tok (d, g))
        continue;
      /* A maximal name: extend forward, then take its end. */
      uint32_t e = g;
      while (e + 1 < d->nt && e - g < 12 && same_sentence (d, e, e + 1)
             && !(gap_after (d, e) & G_NAME_BREAKS)
             && (!is_possessive (d, e) || (wclass (d, e + 1) & W_ORG)))
        {
          if (is_name_tok (d, e + 1))
            e++;
          else if (e + 2 < d->nt && (wclass (d, e + 1) & W_PARTICLE) && !is_cap (d, e + 1)
                   && same_sentence (d, e, e + 2) && !(gap_after (d, e + 1) & G_NAME_BREAKS)
                   && is_name_tok (d, e + 2))
            e += 2;
          else
            break;
        }
      uint32_t f = name_back (d, e, g);
      TitleSpans title;
      local_title (d, f, e, f > 12 ? f - 12 : 0, &title);
      uint32_t h = honorific_before (d, f);
      int single = f == e && h == NO_TOKEN && title.e1 == 0;
      int32_t id = -1;
      uint32_t t0 = tok (d, f)->term;
      if (f == e && h != NO_TOKEN && (wclass (d, h) & W_KEEP) && t0 < d->nterms && d->short_of[t0] != 0
          && d->people[d->short_of[t0] - 1].keep)
        id = (int32_t) d->short_of[t0] - 1; /* "Sir Andrew", once "Sir Andrew Motion" */
      else if (!single)
        id = person_note (d, f, e, &title, 0);
      else if (tok (d, e)->term < d->nterms && d->person_of[tok (d, e)->term] != 0)
        id = (int32_t) d->person_of[tok (d, e)->term] - 1;
      if (id >= 0 && !inside && d->people[id].personish && !d->people[id].org)
        {
          ambiguous = last_person >= 0 && last_person != id && s <= last_sentence + 1;
          last_person = id;
          last_sentence = s;
        }
      g = e;
    }
  return 0;
}

/* ---- attribution ---------------------------------------------------------- */

static void
attr_named (Doc *d, Attr *a, uint32_t f, uint32_t e, uint32_t at, uint32_t lo)
{
  a->kind = A_NAMED;
  a->first = f;
  a->last = e;
  a->at = at;
  local_title (d, f, e, lo, &a->title);
}

/* Whether the name F…E looks like a person's: two words or more and no
 * organisation word, or known as a person. */
static int
looks_personal (Doc *d, uint32_t f, uint32_t e)
{
  if (name_is_org (d, f, e))
    return 0;
  if (e > f)
    return 1;
  uint32_t term = tok (d, e)->term;
  return term < d->nterms && d->person_of[term] != 0 && d->people[d->person_of[term] - 1].personish;
}

/* "David Graham from the FDA's Office of Drug Safety told …": the name
 * F…E before a verb belongs to an organisation a person is "of", "from" or
 * "at"; names that person, with the rest as title. */
static int
person_before_org (Doc *d, uint32_t f, uint32_t e, uint32_t lo, Attr *a)
{
  uint32_t org_end = e;
  for (int hop = 0; hop < 3; hop++)
    {
      if (f <= lo + 1 || !same_sentence (d, lo, f))
        return 0;
      uint32_t c = f - 1;
      if ((wclass (d, c) & W_ARTICLE) && !is_cap (d, c))
        c--;
      if (c <= lo || is_cap (d, c) || !(wclass (d, c) & W_CONNECT)
          || (gap_after (d, c - 1) & G_NAME_BREAKS) || (gap_after (d, c) & G_NAME_BREAKS)
          || !same_sentence (d, c - 1, f))
        return 0;
      uint32_t pe = c - 1;
      if (!is_name_tok (d, pe) || is_possessive (d, pe))
        return 0;
      uint32_t pf = name_back (d, pe, lo);
      if (looks_personal (d, pf, pe))
        {
          attr_named (d, a, pf, pe, a->at, lo);
          if (a->title.e1 == 0)
            {
              a->title.s1 = tok (d, c)->start;
              a->title.e1 = tok_end (d, org_end);
            }
          else if (a->title.e2 == 0)
            {
              a->title.s2 = tok (d, c)->start;
              a->title.e2 = tok_end (d, org_end);
            }
          return 1;
        }
      f = pf;
    }
  return 0;
}

/* "founder of Grassroots Media, which …, said": the name before a relative
 * clause sits in an appositive; the speaker is the name before that. Fills
 * *A and returns 1 when so. */
static int
appositive_owner (Doc *d, uint32_t f, uint32_t h, uint32_t lo, Attr *a)
{
  uint32_t p = f;
  int has_title = 0;
  while (p > lo && f - p < TITLE_MAX_TOKENS && same_sentence (d, p - 1, p))
    {
      unsigned g = gap_after (d, p - 1);
      if (g & G_COMMA)
        break;
      if (g & (G_QUOTE | G_COLON | G_BREAK | G_DASH | G_PARAGRAPH))
        return 0;
      p--;
      has_title |= (wclass (d, p) & W_TITLE) != 0;
    }
  if (!has_title || p == f || p <= lo || !(gap_after (d, p - 1) & G_COMMA)
      || !is_name_tok (d, p - 1) || is_possessive (d, p - 1))
    return 0;
  uint32_t e = p - 1;
  attr_named (d, a, name_back (d, e, lo), e, a->at, lo);
  a->title.s1 = tok (d, p)->start;
  a->title.e1 = tok_end (d, h);
  a->title.s2 = a->title.e2 = 0;
  return 1;
}

static void attr_pronoun (Doc *d, Attr *a, uint32_t g);

/* "Newcastle boss Graeme Souness": from the name G…E over the title words
 * after it to the name they lead to (before token LIMIT). */
static void
past_title (Doc *d, uint32_t *g, uint32_t *e, uint32_t limit)
{
  uint32_t k = *e + 1;
  int titles = 0;
  while (k < limit && titles < 4 && (wclass (d, k) & W_TITLE) && same_sentence (d, k - 1, k)
         && !(gap_after (d, k - 1) & G_NAME_BREAKS))
    {
      k++;
      titles++;
    }
  if (titles == 0 || k >= limit || !same_sentence (d, k - 1, k) || (gap_after (d, k - 1) & G_NAME_BREAKS)
      || !is_name_tok (d, k))
    return;
  uint32_t f = k;
  while (k + 1 < limit && k - f < NAME_MAX_TOKENS && is_name_tok (d, k + 1)
         && !(gap_after (d, k) & G_NAME_BREAKS) && !is_possessive (d, k))
    k++;
  *g = f;
  *e = k;
}

/* "initially", "later": an adverb between a subject and its verb. */
static int
is_ly_adverb (Doc *d, uint32_t g)
{
  const abridge_token *t = tok (d, g);
  return t->len > 4 && t->start + t->len <= d->len && !(t->flags & ABRIDGE_TOKEN_CAPITALISED)
         && memcmp (d->text + t->start + t->len - 2, "ly", 2) == 0;
}

/* "saying", "declaring": a verb whose subject is its clause's. */
static int
is_participle (Doc *d, uint32_t v)
{
  const abridge_token *t = tok (d, v);
  return t->len > 4 && t->start + t->len <= d->len && !(wclass (d, v) & W_ACCORDING)
         && memcmp (d->text + t->start + t->len - 3, "ing", 3) == 0;
}

/* The first name from token K on, before V, as the subject of what V
 * says: "Mr Kruger was quoted …", "Atletico Madrid gave up …". An opening
 * phrase up to a comma ("On Sunday, …") is passed over once. */
static int
subject_from (Doc *d, uint32_t k, uint32_t v, uint32_t lo, Attr *a)
{
  int skipped_intro = 0;
  for (uint32_t g = k; g < v && g - k < 30; g++)
    {
      uint32_t c = wclass (d, g);
      if (c & (W_PRONOUN | W_IT))
        {
          attr_pronoun (d, a, g);
          return 1;
        }
      if (!is_name_tok (d, g))
        {
          if (((c & (W_HONORIFIC | W_TITLE | W_ARTICLE | W_AFFIL)) || is_cap (d, g))
              && !(gap_after (d, g) & G_COMMA))
            continue; /* "Mr Kruger", "The mayor" */
          if (skipped_intro)
            return 0;
          /* "In a separate interview, Mr Brown said": once past a comma */
          while (g < v && g - k < 30 && !(gap_after (d, g) & (G_COMMA | G_QUOTE | G_COLON)))
            g++;
          if (g >= v || (gap_after (d, g) & (G_QUOTE | G_COLON)))
            return 0;
          skipped_intro = 1;
          continue;
        }
      uint32_t e = g;
      while (e + 1 < v && e - g < NAME_MAX_TOKENS && is_name_tok (d, e + 1)
             && !(gap_after (d, e) & G_NAME_BREAKS) && !is_possessive (d, e))
        e++;
      past_title (d, &g, &e, v);
      if (is_possessive (d, e))
        return 0;
      attr_named (d, a, name_back (d, e, g), e, v, lo);
      return 1;
    }
  return 0;
}

/* The first name of the clause holding token V ("Atletico Madrid gave up
 * on him after declaring …"): back to a comma, quote, dash, colon or the
 * sentence's start. */
static int
clause_subject (Doc *d, uint32_t v, uint32_t lo, Attr *a)
{
  uint32_t k = v;
  while (k > lo && v - k < 15 && same_sentence (d, k - 1, k)
         && !(gap_after (d, k - 1) & (G_COMMA | G_QUOTE | G_DASH | G_COLON | G_BREAK)))
    k--;
  uint32_t c = wclass (d, k);
  if (!is_name_tok (d, k) && !(c & (W_PRONOUN | W_IT | W_HONORIFIC | W_TITLE | W_ARTICLE | W_AFFIL))
      && !is_cap (d, k))
    return 0;
  return subject_from (d, k, v, lo, a) && a->kind != A_NONE;
}

static void
attr_pronoun (Doc *d, Attr *a, uint32_t g)
{
  uint32_t c = wclass (d, g);
  a->kind = A_PRONOUN;
  a->gender = (c & W_IT) ? 3 : (c & W_MALE) ? 1 : 2;
  a->at = g;
}

/* The speaker before verb V ("Stoltenberg said", "X, who …, said",
 * "X, the union's chairman, said", "he also said", "a Hallberg Line
 * spokesman said"), looking no further back than LO. */
static Attr
np_before (Doc *d, uint32_t v, uint32_t lo)
{
  Attr a = { .kind = A_NONE, .at = v, .verb = v };
  if (v == 0 || v <= lo)
    return a;
  uint32_t g = v - 1;
  int skips = 0;
  while (g > lo && skips < 3 && (wclass (d, g) & W_ADVERB || is_ly_adverb (d, g)) && !is_cap (d, g)
         && same_sentence (d, g, v) && !(gap_after (d, g) & G_NAME_BREAKS))
    {
      g--;
      skips++;
    }
  if (g < lo || !same_sentence (d, g, v))
    return a;
  unsigned gp = gap_after (d, g);
  if (gp & (G_QUOTE | G_COLON | G_BREAK | G_DASH | G_PARAGRAPH))
    return a;
  if ((gp & G_COMMA) && g + 1 == v && is_participle (d, v))
    {
      /* "Mr Blair dismissed the claims, saying: “…”": the sentence's subject */
      Attr b = a;
      uint32_t s0 = d->base[sentence_of (d, v)];
      if (subject_from (d, s0 > lo ? s0 : lo, v, lo, &b))
        return b;
      return a;
    }
  if (gp & G_COMMA)
    {
      /* g ends an appositive or a relative clause: find the comma before it */
      uint32_t k = g;
      int found = 0;
      for (int steps = 0; k > lo && steps < 2 * APPOSITIVE_MAX_TOKENS; steps++)
        {
          if (!same_sentence (d, k - 1, k))
            return a;
          unsigned gg = gap_after (d, k - 1);
          if (gg & G_COMMA)
            {
              found = 1;
              break;
            }
          if (gg & (G_QUOTE | G_COLON | G_BREAK | G_DASH | G_PARAGRAPH))
            return a;
          k--;
        }
      if (!found || k == 0)
        return a;
      uint32_t h = k - 1; /* the word before the comma */
      /* ", Martin Broughton, said": the segment is itself the name */
      if (is_name_tok (d, g) && name_back (d, g, k) == k && !(wclass (d, h) & W_NOTNAME))
        {
          attr_named (d, &a, k, g, v, lo);
          if (a.title.e1 == 0)
            {
              /* the chairman of BA, Martin Broughton, said */
              uint32_t p = h;
              while (p > lo && h - p < APPOSITIVE_MAX_TOKENS && same_sentence (d, p - 1, p)
                     && !(gap_after (d, p - 1) & (G_COMMA | G_QUOTE | G_COLON | G_BREAK | G_DASH)))
                p--;
              int has_title = 0;
              for (uint32_t j = p; j <= h; j++)
                has_title |= (wclass (d, j) & W_TITLE) != 0;
              if (has_title)
                {
                  a.title.s1 = tok (d, p)->start;
                  a.title.e1 = tok_end (d, h);
                }
            }
          return a;
        }
      if (wclass (d, h) & (W_PRONOUN | W_IT))
        {
          attr_pronoun (d, &a, h);
          return a;
        }
      if (!is_name_tok (d, h) || is_possessive (d, h))
        return a;
      uint32_t f = name_back (d, h, lo);
      if ((wclass (d, k) & W_WHO) && appositive_owner (d, f, h, lo, &a))
        return a;
      if (person_before_org (d, f, h, lo, &a))
        return a;
      attr_named (d, &a, f, h, v, lo);
      if (!(wclass (d, k) & W_WHO) && a.title.e1 == 0)
        {
          TitleSpans t = { 0, 0, 0, 0 };
          if (appositive_after (d, h, &t))
            a.title = t;
        }
      return a;
    }
  uint32_t c = wclass (d, g);
  if (c & (W_PRONOUN | W_IT))
    {
      attr_pronoun (d, &a, g);
      return a;
    }
  if (c & W_PLURAL)
    {
      a.kind = A_UNNAMED;
      return a;
    }
  if (is_name_tok (d, g))
    {
      /* "Foster's said": a name that only looks possessive */
      uint32_t f = is_possessive (d, g) ? g : name_back (d, g, lo);
      if (!person_before_org (d, f, g, lo, &a))
        attr_named (d, &a, f, g, v, lo);
      return a;
    }
  if ((c & W_WHO) && g > lo && (gap_after (d, g - 1) & G_COMMA) && same_sentence (d, g - 1, g)
      && is_name_tok (d, g - 1))
    {
      uint32_t f = name_back (d, g - 1, lo);
      if (!appositive_owner (d, f, g - 1, lo, &a))
        attr_named (d, &a, f, g - 1, v, lo);
      return a;
    }
  if ((c & W_SPOKES) && !is_cap (d, g) && g > lo && same_sentence (d, g - 1, g)
      && !(gap_after (d, g - 1) & G_NAME_BREAKS) && is_name_tok (d, g - 1))
    {
      /* "a Hallberg Line spokesman said": the body speaks */
      attr_named (d, &a, name_back (d, g - 1, lo), g - 1, v, lo);
      if (c & W_TITLE)
        {
          a.title.s1 = tok (d, g)->start;
          a.title.e1 = tok_end (d, g);
          a.title.s2 = a.title.e2 = 0;
        }
      return a;
    }
  if (d->lower && (c & W_ORG) && g > lo && same_sentence (d, g - 1, g)
      && !(gap_after (d, g - 1) & G_NAME_BREAKS) && plain_word (d, g - 1))
    {
      /* "winchester council insisted": a body, lower-cased */
      attr_named (d, &a, g - 1, g, v, lo);
      return a;
    }
  if (is_participle (d, v) && clause_subject (d, v, lo, &a))
    return a; /* "Mr Kruger was quoted in the Guardian saying:" */
  if (!is_cap (d, g) && !is_stop (d, g) && !(tok (d, g)->flags & ABRIDGE_TOKEN_NUMBER)
      && !(c & (W_VERB | W_ADVERB | W_NOTNAME)))
    {
      a.kind = A_UNNAMED; /* "the spokesman said", "officials said" */
      a.at = g;
    }
  return a;
}

/* The speaker after verb V ("said Atinc Ozkan", "according to BA chairman
 * Martin Broughton", "said an FA statement"), up to token HI. */
static Attr
np_after (Doc *d, uint32_t v, uint32_t hi)
{
  Attr a = { .kind = A_NONE, .at = v, .verb = v };
  uint32_t g = v + 1;
  if (wclass (d, v) & W_ACCORDING)
    {
      if (g > hi || g >= d->nt || !(wclass (d, g) & W_TO) || (gap_after (d, v) & G_NAME_BREAKS))
        return a;
      g++;
    }
  if (g > hi || g >= d->nt || !same_sentence (d, v, g) || (gap_after (d, g - 1) & G_NAME_BREAKS))
    return a;
  uint32_t c = wclass (d, g);
  if (c & W_PRONOUN)
    {
      attr_pronoun (d, &a, g);
      return a;
    }
  if (c & W_IT)
    return a; /* "said it was …" */
  uint32_t from = g;
  if ((c & W_ARTICLE) && g + 1 <= hi && g + 1 < d->nt && is_cap (d, g + 1)
      && !(gap_after (d, g) & G_NAME_BREAKS))
    from = ++g;
  uint32_t e = NO_TOKEN;
  for (uint32_t k = from; k <= hi && k < d->nt && k - from < TITLE_MAX_TOKENS; k++)
    {
      if (k > from && (!same_sentence (d, k - 1, k) || (gap_after (d, k - 1) & G_NAME_BREAKS)))
        break;
      uint32_t ck = wclass (d, k);
      if (is_name_tok (d, k))
        {
          e = k;
          if (is_possessive (d, k))
            e = NO_TOKEN; /* "said BA's chairman …" */
          continue;
        }
      if ((ck & (W_TITLE | W_HONORIFIC)) && !(ck & W_VERB))
        continue;
      if (is_cap (d, k) && !is_stop (d, k) && !(ck & (W_NOTNAME | W_VERB)))
        continue;
      if ((ck & W_PARTICLE) && e == k - 1)
        continue;
      if ((ck & W_CONNECT) && k > from && (wclass (d, k - 1) & W_TITLE))
        continue;
      if (!is_cap (d, k) && !is_stop (d, k) && !(ck & (W_VERB | W_NOTNAME | W_ADVERB))
          && k + 1 <= hi && k + 1 < d->nt && (wclass (d, k + 1) & W_TITLE))
        continue; /* said aviation analyst … */
      break;
    }
  if (e == NO_TOKEN)
    {
      if (!is_cap (d, from) && !is_stop (d, from) && !(c & (W_VERB | W_NOTNAME | W_ADVERB))
          && !(tok (d, from)->flags & ABRIDGE_TOKEN_NUMBER))
        a.kind = A_UNNAMED;
      return a;
    }
  attr_named (d, &a, name_back (d, e, from), e, v, from);
  return a;
}


/* The attribution after a quote, in the sentence it ends in: "…,” he said",
 * "…,” said X", "…” of Ukraine's bid, Stoltenberg told reporters". Stops
 * at the next quote, and skips a verb before a colon (the next quote's). */
static Attr
after_quote (Doc *d, const Unit *u, uint32_t next_quote_start)
{
  Attr none = { .kind = A_NONE, .verb = NO_TOKEN };
  uint32_t g0 = token_at_or_after (d, u->end);
  if (g0 >= d->nt || sentence_of (d, g0) != u->last_sentence)
    return none;
  for (uint32_t g = g0; g < d->nt && g - g0 < AFTER_WINDOW; g++)
    {
      if (!same_sentence (d, g, g0) || tok (d, g)->start >= next_quote_start)
        break;
      if (!is_speech_verb (d, g) || (gap_after (d, g) & G_COLON))
        continue; /* "… ’ sister cathy jones said: ‘ …": the next quote's */
      Attr a = g > g0 ? np_before (d, g, g0) : none;
      if (a.kind == A_NONE && (wclass (d, g) & (W_VERB_FIRST | W_ACCORDING)))
        {
          uint32_t hi = g + TITLE_MAX_TOKENS;
          while (hi > g && (hi >= d->nt || tok (d, hi)->start >= next_quote_start))
            hi--;
          a = np_after (d, g, hi);
        }
      if (a.kind != A_NONE)
        {
          a.source = SRC_AFTER;
          return a;
        }
    }
  return none;
}

/* "X said: “…”" and "X: “…”" right before a quote, also across a sentence
 * or paragraph break. */
static Attr
colon_before (Doc *d, const Unit *u)
{
  Attr none = { .kind = A_NONE, .verb = NO_TOKEN };
  uint32_t gq = token_at_or_after (d, u->start);
  if (gq == 0)
    return none;
  uint32_t p = gq - 1;
  uint32_t lo_p = d->base[sentence_of (d, p)];
  if (p > lo_p + BEFORE_WINDOW)
    lo_p = p - BEFORE_WINDOW;
  /* X said: “…” and X: “…”, also across a sentence or paragraph break */
  unsigned gp = gap_in (d, tok_end (d, p), u->start);
  if ((gp & G_COLON) && !(gp & G_QUOTE))
    {
      if (is_speech_verb (d, p))
        {
          Attr a = np_before (d, p, lo_p);
          if (a.kind != A_NONE)
            {
              a.source = SRC_BEFORE;
              return a;
            }
        }
      else if (is_name_tok (d, p) && !is_possessive (d, p))
        {
          /* "Stoltenberg: “…”", but not "told BBC Radio Wales: “…”" */
          uint32_t f = name_back (d, p, lo_p), first = f;
          TitleSpans t = { 0, 0, 0, 0 };
          if (title_back (d, f, lo_p, &t))
            first = token_at_or_after (d, t.s1);
          else if (honorific_before (d, f) != NO_TOKEN)
            first = f - 1;
          if (first == d->base[sentence_of (d, first)]
              || (gap_after (d, first - 1) & (G_COMMA | G_QUOTE | G_DASH | G_COLON)))
            {
              Attr a = none;
              attr_named (d, &a, f, p, p, lo_p);
              a.source = SRC_BEFORE;
              return a;
            }
        }
    }
  return none;
}

/* A verb of saying earlier in the quote's sentence, with its subject:
 * "X said that “…”", "according to X, “…”", "Sherman reaffirmed that some
 * demands “are …”". Earlier quotes in the sentence are skipped. */
static Attr
before_quote (Doc *d, const Unit *u, uint32_t q_index)
{
  Attr none = { .kind = A_NONE, .verb = NO_TOKEN };
  uint32_t gq = token_at_or_after (d, u->start);
  if (gq == 0)
    return none;
  uint32_t p = gq - 1;
  if (sentence_of (d, p) != u->first_sentence)
    return none;
  uint32_t lo = d->base[u->first_sentence];
  if (gq > lo + BEFORE_WINDOW)
    lo = gq - BEFORE_WINDOW;
  uint32_t qi = q_index; /* host quotes before this one, to skip */
  int steps = 0;
  for (uint32_t g = gq; g > lo && steps < BEFORE_WINDOW; steps++)
    {
      g--;
      uint32_t st = tok (d, g)->start;
      while (qi > 0 && d->quotes[qi - 1].start > st)
        qi--;
      if (qi > 0 && d->quotes[qi - 1].start <= st && st < d->quotes[qi - 1].end)
        {
          /* inside an earlier quote: jump over it */
          uint32_t j = token_at_or_after (d, d->quotes[qi - 1].start);
          qi--;
          if (j <= lo)
            break;
          g = j;
          continue;
        }
      if (!is_speech_verb (d, g))
        continue;
      Attr a = np_before (d, g, lo);
      if (a.kind == A_NONE && (wclass (d, g) & (W_VERB_FIRST | W_ACCORDING)))
        {
          /* "according to X, “…”", "said X: “…”", but not "said the
           * British electorate had … “…”" */
          a = np_after (d, g, gq - 1);
          if (a.kind != A_NONE && !(wclass (d, g) & W_ACCORDING) && a.last + 1 != gq)
            a.kind = A_NONE;
        }
      if (a.kind != A_NONE)
        {
          a.source = SRC_BEFORE;
          return a;
        }
    }
  return none;
}

/* The sentence's subject when it is a name ("Grushko, who …, countered by
 * saying that “…”"), for a quote inside the sentence. */
static Attr
sentence_subject (Doc *d, const Unit *u)
{
  Attr a = { .kind = A_NONE, .verb = NO_TOKEN };
  uint32_t s = u->first_sentence;
  uint32_t gq = token_at_or_after (d, u->start);
  uint32_t lo = d->base[s];
  for (uint32_t g = lo; g < gq && g - lo < 15; g++)
    {
      if (gap_after (d, g) & G_QUOTE && g + 1 < gq)
        return a;
      if (!is_name_tok (d, g))
        {
          /* an opening clause ends with a comma: "While …, Sherman" */
          continue;
        }
      uint32_t e = g;
      while (e + 1 < gq && e - g < NAME_MAX_TOKENS && is_name_tok (d, e + 1)
             && !(gap_after (d, e) & G_NAME_BREAKS))
        e++;
      past_title (d, &g, &e, gq);
      if (e + 1 >= d->nt || !same_sentence (d, e, e + 1))
        return a;
      unsigned gp = gap_after (d, e);
      uint32_t c = wclass (d, e + 1);
      int verbish = !is_cap (d, e + 1) && !is_stop (d, e + 1) && !(gp & G_NAME_BREAKS);
      int clause = (gp & G_COMMA) && !(gp & (G_QUOTE | G_BREAK));
      if ((verbish || clause || (c & W_ADVERB)) && !is_possessive (d, e)
          && (g == lo || (gap_after (d, g - 1) & G_COMMA) || (wclass (d, g - 1) & W_TITLE)))
        {
          uint32_t f = name_back (d, e, lo);
          attr_named (d, &a, f, e, e, lo);
          return a;
        }
      return a;
    }
  return a;
}

/* "X said." as the next sentence, after a quote that ends its sentence. */
static Attr
next_sentence (Doc *d, const Unit *u, uint32_t next_quote_start)
{
  Attr none = { .kind = A_NONE, .verb = NO_TOKEN };
  uint32_t s = u->last_sentence + 1;
  if (s >= d->ns || d->spara[s] != d->spara[u->last_sentence])
    return none;
  uint32_t n = d->base[s + 1] - d->base[s];
  if (n == 0 || n > 8)
    return none;
  uint32_t last = d->base[s + 1] - 1;
  if (tok_end (d, last) > next_quote_start)
    return none;
  for (uint32_t g = d->base[s]; g <= last; g++)
    if (is_speech_verb (d, g))
      {
        Attr a = np_before (d, g, d->base[s]);
        if (a.kind == A_NONE && (wclass (d, g) & W_VERB_FIRST))
          a = np_after (d, g, last);
        return a;
      }
  return none;
}

/* The indirect-speech sentence right before a quote that opens its
 * sentence: "Stoltenberg said talks would go on. “We …”". */
static Attr
previous_reported (Doc *d, const Unit *u)
{
  Attr none = { .kind = A_NONE, .verb = NO_TOKEN };
  uint32_t s = u->first_sentence;
  if (s == 0 || d->spara[s] - d->spara[s - 1] > 1)
    return none;
  uint32_t lo = d->base[s - 1], hi = d->base[s];
  for (uint32_t g = lo; g < hi && g - lo < 15; g++)
    if (is_speech_verb (d, g) && !(wclass (d, g) & W_ACCORDING))
      {
        Attr a = np_before (d, g, lo);
        return a.kind == A_NAMED ? a : none;
      }
  return none;
}

/* Whether the quote opens its sentence (nothing of the sentence before it). */
static int
opens_sentence (Doc *d, const Unit *u)
{
  uint32_t gq = token_at_or_after (d, u->start);
  return gq == d->base[u->first_sentence] || gq == 0
         || sentence_of (d, gq - 1) != u->first_sentence;
}

/* The person a he/she at token AT refers to, or for "it" the body: the
 * most salient name of the last few sentences (recent, first in its
 * sentence, not possessive, of the right gender), or the speaker of the
 * previous quote. */
static int32_t
antecedent (Doc *d, uint32_t at, int gender, int32_t previous_speaker, uint32_t previous_sentence,
            int64_t window)
{
  uint32_t s = sentence_of (d, at);
  uint32_t s0 = s > (uint32_t) window ? s - (uint32_t) window : 0;
  uint32_t lo = d->base[s0];
  if (at > lo + ANTECEDENT_TOKENS)
    lo = at - ANTECEDENT_TOKENS;
  int32_t best = -1;
  double best_score = 0;
  if (lo < at)
    {
      /* the first quote that may hold a token at or after lo */
      uint32_t qlo = 0, qhi = d->nq, from = tok (d, lo)->start;
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
      for (uint32_t g = lo; g < at; g++)
        {
          uint32_t st = tok (d, g)->start;
          while (qi < d->nq && d->quotes[qi].end <= st)
            qi++;
          if (qi < d->nq && d->quotes[qi].start <= st)
            continue;
          if (!is_name_tok (d, g))
            continue;
          uint32_t e = g;
          while (e + 1 < at && e - g < NAME_MAX_TOKENS && is_name_tok (d, e + 1)
                 && !(gap_after (d, e) & G_NAME_BREAKS) && !is_possessive (d, e))
            e++;
          uint32_t term = tok (d, e)->term;
          uint32_t se = sentence_of (d, e);
          int possessive = is_possessive (d, e);
          int first = first_in != se;
          /* or a clause's subject: "… but captain Fabien Pelous sees hope" */
          int subject = e + 1 < d->nt && same_sentence (d, e, e + 1)
                        && !(gap_after (d, e) & G_NAME_BREAKS) && !is_cap (d, e + 1)
                        && !is_stop (d, e + 1) && !(wclass (d, e + 1) & W_CONNECT);
          uint32_t f = g;
          g = e;
          if (term >= d->nterms)
            continue;
          int32_t id = d->person_of[term] != 0 ? (int32_t) d->person_of[term] - 1 : -1;
          uint32_t h = honorific_before (d, f);
          if (f == e && h != NO_TOKEN && (wclass (d, h) & W_KEEP) && d->short_of[term] != 0
              && d->people[d->short_of[term] - 1].keep)
            id = (int32_t) d->short_of[term] - 1;
          if (gender == 3)
            {
              /* "It said": the body that is a sentence's subject */
              if (!first || possessive || (id >= 0 && d->people[id].personish && !d->people[id].org))
                continue;
              if (id < 0)
                id = person_note (d, f, e, NULL, 0);
              if (id < 0)
                continue;
            }
          else
            {
              if (id < 0)
                continue;
              const Person *p = &d->people[id];
              if (!p->personish || p->org)
                continue;
              int pg = person_gender (p);
              if (gender != 0 && pg != 0 && pg != gender)
                continue;
            }
          first_in = se;
          double score = 1.0 / (1.0 + (double) (s - se));
          if (first || subject)
            score *= 2.0;
          if (possessive)
            score *= 0.4;
          if (id == previous_speaker)
            score *= 1.2;
          if (score >= best_score)
            {
              best_score = score;
              best = id;
            }
        }
    }
  if (previous_speaker >= 0 && previous_sentence <= s
      && s - previous_sentence <= 2 * (uint32_t) window + 2)
    {
      const Person *p = &d->people[previous_speaker];
      int pg = person_gender (p);
      int fits = gender == 3 ? (p->org || !p->personish)
                             : (!p->org && (gender == 0 || pg == 0 || pg == gender));
      double score = 1.6 / (1.0 + (double) (s - previous_sentence));
      if (fits && score > best_score)
        best = previous_speaker;
    }
  return best;
}

/* ---- quote units -------------------------------------------------------- */

/* Appends the quoted words of [start, end) without their quotation marks,
 * white space folded, paragraph-opening marks of a continued quote dropped. */
static void
append_fragment (Doc *d, char *out, size_t *n, size_t cap, uint32_t start, uint32_t end)
{
  size_t ml;
  for (int k = 0; k < 2 && start < end; k++) /* “ or '' */
    {
      if (!is_quote_mark ((const unsigned char *) d->text + start, end - start, &ml)
          || (k == 1 && (ml != 1 || d->text[start] != '\'')))
        break;
      start += (uint32_t) ml;
      if (ml != 1 || d->text[start - 1] != '\'')
        break;
    }
  /* the closing mark, when there is one: ” or '' */
  for (int k = 0; k < 2; k++)
    {
      size_t back = 1;
      for (; back <= 3 && end >= start + back; back++)
        if (is_quote_mark ((const unsigned char *) d->text + end - back, back, &ml) && ml == back)
          break;
      if (back > 3 || end < start + back || (k == 1 && d->text[end - 1] != '\''))
        break;
      end -= (uint32_t) back;
      if (back != 1 || d->text[end] != '\'')
        break;
    }
  int space = *n > 0;
  int line_start = 0;
  for (uint32_t i = start; i < end && *n + 4 < cap; i++)
    {
      unsigned char c = (unsigned char) d->text[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        {
          space = *n > 0;
          line_start |= c == '\n';
          continue;
        }
      if (line_start && is_quote_mark ((const unsigned char *) d->text + i, end - i, &ml))
        {
          i += (uint32_t) ml - 1;
          line_start = 0;
          continue;
        }
      line_start = 0;
      if (space)
        out[(*n)++] = ' ';
      space = 0;
      out[(*n)++] = (char) c;
    }
  /* "… policy,” → … policy */
  while (*n > 0 && (out[*n - 1] == ',' || out[*n - 1] == ' '))
    (*n)--;
  /* never end inside a UTF-8 sequence when the cap cut it */
  while (*n > 0 && ((unsigned char) out[*n - 1] & 0xC0) == 0x80)
    {
      size_t k = *n;
      while (k > 0 && ((unsigned char) out[k - 1] & 0xC0) == 0x80)
        k--;
      if (k == 0)
        {
          *n = 0;
          break;
        }
      unsigned char lead = (unsigned char) out[k - 1];
      size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
      if (*n - (k - 1) == want)
        break;
      *n = k - 1;
    }
}

static char *
quote_text (Doc *d, const Unit *u)
{
  uint64_t total = 1;
  for (uint32_t f = 0; f < u->n_frags; f++)
    total += d->quotes[u->frag + f].end - d->quotes[u->frag + f].start + 1;
  size_t cap = total > MAX_QUOTE_TEXT ? MAX_QUOTE_TEXT : (size_t) total;
  cap += 8;
  char *out = malloc (cap);
  if (out == NULL)
    return NULL;
  size_t n = 0;
  for (uint32_t f = 0; f < u->n_frags; f++)
    append_fragment (d, out, &n, cap, d->quotes[u->frag + f].start, d->quotes[u->frag + f].end);
  out[n] = '\0';
  return out;
}

static char *
span_text (Doc *d, uint32_t start, uint32_t end, uint32_t start2, uint32_t end2)
{
  size_t cap = (size_t) (end - start) + (end2 > start2 ? (size_t) (end2 - start2) : 0) + 4;
  char *out = malloc (cap);
  if (out == NULL)
    return NULL;
  size_t n = 0;
  int space = 0;
  for (int part = 0; part < 2; part++)
    {
      uint32_t s = part == 0 ? start : start2, e = part == 0 ? end : end2;
      if (e <= s)
        continue;
      if (n > 0)
        space = 1;
      for (uint32_t i = s; i < e && n + 2 < cap; i++)
        {
          char c = d->text[i];
          if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
            {
              space = n > 0;
              continue;
            }
          if (space)
            out[n++] = ' ';
          space = 0;
          out[n++] = c;
        }
    }
  out[n] = '\0';
  return out;
}

/* A title in Title Case ("Million Dollar Baby"), not a quotation. */
static int
looks_like_a_title (Doc *d, const Unit *u)
{
  uint32_t g = token_at_or_after (d, u->start), caps = 0, lower = 0;
  for (; g < d->nt && tok (d, g)->start < u->end && caps + lower < 12; g++)
    {
      if (is_cap (d, g))
        caps++;
      else if (!is_stop (d, g))
        lower++;
    }
  return caps >= 2 && lower == 0 && caps + lower < 12;
}

/* Whether the quoted words end as a sentence or clause does (. , ! ? …). */
static int
ends_a_sentence (Doc *d, const Unit *u)
{
  const Span *sp = &d->quotes[u->frag + u->n_frags - 1];
  uint32_t g = token_at_or_after (d, sp->end);
  if (g == 0)
    return 0;
  unsigned gp = gap_in (d, tok_end (d, g - 1), sp->end);
  return (gp & (G_PERIOD | G_COMMA | G_BREAK | G_COLON)) != 0;
}

static int
cmp_double_desc (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x > y ? -1 : x < y;
}

static int
cmp_u32 (const void *a, const void *b)
{
  uint32_t x = *(const uint32_t *) a, y = *(const uint32_t *) b;
  return x < y ? -1 : x > y;
}

/* How many of the sorted sets' members they share. */
static uint32_t
shared (const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb)
{
  uint32_t i = 0, j = 0, n = 0;
  while (i < na && j < nb)
    {
      if (a[i] == b[j])
        {
          n++;
          i++;
          j++;
        }
      else if (a[i] < b[j])
        i++;
      else
        j++;
    }
  return n;
}

/* ---- rank ------------------------------------------------------------------ */

typedef struct {
  Doc d;
  Unit *units;
  uint32_t *pool;
} Work;

static void
work_free (Work *w)
{
  free (w->d.stok);
  free (w->d.base);
  free (w->d.spara);
  free (w->d.sstart);
  free (w->d.send);
  free (w->d.short_of);
  free (w->d.nameterm);
  free (w->d.wclass);
  free (w->d.capcount);
  free (w->d.lowcount);
  free (w->d.person_of);
  free (w->d.people);
  free (w->d.quotes);
  free (w->units);
  free (w->pool);
}

static int
doc_load (Doc *d)
{
  const abridge_host *host = d->host;
  d->text = host->document_text (d->doc, &d->len);
  if (d->text == NULL)
    d->len = 0;
  d->ns = host->sentence_count (d->doc);
  d->nterms = host->term_count (d->doc);
  d->stok = calloc ((size_t) d->ns + 1, sizeof *d->stok);
  d->base = calloc ((size_t) d->ns + 2, sizeof *d->base);
  d->spara = calloc ((size_t) d->ns + 1, sizeof *d->spara);
  d->sstart = calloc ((size_t) d->ns + 1, sizeof *d->sstart);
  d->send = calloc ((size_t) d->ns + 1, sizeof *d->send);
  d->wclass = calloc ((size_t) d->nterms + 1, sizeof *d->wclass);
  d->capcount = calloc ((size_t) d->nterms + 1, sizeof *d->capcount);
  d->lowcount = calloc ((size_t) d->nterms + 1, sizeof *d->lowcount);
  d->person_of = calloc ((size_t) d->nterms + 1, sizeof *d->person_of);
  d->short_of = calloc ((size_t) d->nterms + 1, sizeof *d->short_of);
  d->nameterm = calloc ((size_t) d->nterms + 1, sizeof *d->nameterm);
  if (!d->stok || !d->base || !d->spara || !d->sstart || !d->send || !d->wclass || !d->capcount
      || !d->lowcount || !d->person_of || !d->short_of || !d->nameterm)
    return -1;
  uint64_t total = 0;
  for (uint32_t s = 0; s < d->ns; s++)
    {
      uint32_t n = 0;
      d->stok[s] = host->sentence_tokens (d->doc, s, &n);
      if (d->stok[s] == NULL)
        n = 0;
      d->base[s] = (uint32_t) total;
      total += n;
      if (total >= UINT32_MAX - 1)
        return -1;
      d->spara[s] = host->sentence_paragraph (d->doc, s);
      host->sentence_span (d->doc, s, &d->sstart[s], &d->send[s]);
      if (s > 0 && d->sstart[s] < d->sstart[s - 1])
        d->sstart[s] = d->sstart[s - 1]; /* keep the binary searches sound */
    }
  d->base[d->ns] = (uint32_t) total;
  d->base[d->ns + 1] = (uint32_t) total;
  d->nt = (uint32_t) total;
  return quotes_find (d);
}

static void
unit_init (Unit *u, const Span *sp, uint32_t q)
{
  memset (u, 0, sizeof *u);
  u->start = sp->start;
  u->end = sp->end;
  u->frag = q;
  u->n_frags = 1;
  u->first_sentence = sp->first_sentence;
  u->last_sentence = sp->last_sentence;
  u->person = -1;
  u->attr.verb = NO_TOKEN;
}

/* Whether the quote after U (span q) continues it across U's attribution:
 * “We will not,” he said, “agree to this.” and “A,” X said. “B.” — the
 * later fragment follows the attribution directly and has none of its own. */
static int
continues (Doc *d, const Unit *u, uint32_t q)
{
  const Span *b = &d->quotes[q];
  if (u->attr.source != SRC_AFTER || (b->flags & SPAN_ORPHAN))
    return 0;
  uint32_t g0 = token_at_or_after (d, u->end), gb = token_at_or_after (d, b->start);
  if (g0 >= gb || gb - g0 > 16 || u->attr.at < g0 || u->attr.at >= gb)
    return 0;
  for (uint32_t g = g0; g < gb; g++)
    if (g != u->attr.verb && is_speech_verb (d, g))
      return 0; /* "he said, adding: “…”" */
  if (!(gap_in (d, tok_end (d, gb - 1), b->start) & (G_COMMA | G_COLON | G_PERIOD | G_BREAK)))
    return 0; /* "she admitted her friends were ‘a bit bewildered’" */
  uint32_t s = sentence_of (d, gb - 1);
  if (b->first_sentence != s)
    {
      /* “A,” X said. “B.”: B opens the next sentence, here or in the next paragraph */
      Unit ub;
      unit_init (&ub, b, q);
      if (b->first_sentence != s + 1 || !opens_sentence (d, &ub)
          || d->spara[b->first_sentence] > d->spara[s] + 1)
        return 0;
    }
  Unit ub;
  unit_init (&ub, b, q);
  uint32_t next = q + 1 < d->nq ? d->quotes[q + 1].start : (uint32_t) d->len;
  return after_quote (d, &ub, next).kind == A_NONE;
}

/* Finds every quote's attribution; joins the fragments of one quote. */
static uint32_t
units_build (Doc *d, Unit *units)
{
  uint32_t nu = 0;
  for (uint32_t q = 0; q < d->nq; q++)
    {
      const Span *sp = &d->quotes[q];
      uint32_t flags = d->host->sentence_flags (d->doc, sp->first_sentence);
      if (flags & (ABRIDGE_SENTENCE_BOILERPLATE | ABRIDGE_SENTENCE_TITLE))
        continue;
      Unit *u = &units[nu];
      unit_init (u, sp, q);
      uint32_t next_start = q + 1 < d->nq ? d->quotes[q + 1].start : (uint32_t) d->len;
      /* "X said: “…”" first, then "“…,” X said", then "X said … “…”" */
      if (!(sp->flags & SPAN_ORPHAN))
        u->attr = colon_before (d, u);
      if (u->attr.kind == A_NONE)
        u->attr = after_quote (d, u, next_start);
      if (u->attr.kind == A_NONE)
        {
          if (sp->flags & SPAN_ORPHAN)
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

static void
units_count_words (Doc *d, Unit *u)
{
  u->words = 0;
  for (uint32_t f = 0; f < u->n_frags; f++)
    {
      const Span *sp = &d->quotes[u->frag + f];
      uint32_t a = token_at_or_after (d, sp->start), b = token_at_or_after (d, sp->end);
      u->words += b - a;
    }
}

/* Speakers for quotes still without one, then pronouns, then fullest names. */
static void
units_resolve (Doc *d, const Quotes *self, Unit *units, uint32_t nu)
{
  int32_t previous_speaker = -1;
  uint32_t previous_sentence = 0, title_budget = LOOKUP_BUDGET;
  const Unit *previous = NULL;
  for (uint32_t i = 0; i < nu; i++)
    {
      Unit *u = &units[i];
      if (u->dropped)
        continue;
      uint32_t q_last = u->frag + u->n_frags - 1;
      uint32_t next_start = q_last + 1 < d->nq ? d->quotes[q_last + 1].start : (uint32_t) d->len;
      if (u->attr.kind == A_NONE && !opens_sentence (d, u))
        u->attr = sentence_subject (d, u);
      if (u->attr.kind == A_NONE)
        u->attr = next_sentence (d, u, next_start);
      if (u->attr.kind == A_NONE && previous != NULL && opens_sentence (d, u)
          && (previous->attr.kind != A_NONE || previous->from_previous)
          && previous->last_sentence + (uint32_t) (self->window < 2 ? self->window : 2)
                 >= u->first_sentence
          && d->spara[u->first_sentence] - d->spara[previous->last_sentence] <= 1)
        {
          /* wire style: a quote standing alone continues the previous speaker */
          int other = 0;
          for (uint32_t s = previous->last_sentence + 1; s < u->first_sentence && !other; s++)
            for (uint32_t g = d->base[s]; g < d->base[s + 1] && g - d->base[s] < 60; g++)
              if (is_name_tok (d, g))
                {
                  uint32_t t = tok (d, g)->term;
                  int32_t id = d->person_of[t] ? (int32_t) d->person_of[t] - 1 : -1;
                  if (id >= 0 && id != previous->person && d->people[id].personish)
                    other = 1;
                }
          if (!other)
            {
              u->person = previous->person;
              u->from_previous = 1;
              u->attr.kind = previous->attr.kind == A_NONE ? A_NONE : A_UNNAMED;
              u->attr.source = SRC_CONTEXT;
              u->attr.title = previous->attr.title;
            }
        }
      if (u->attr.kind == A_NONE && !u->from_previous && opens_sentence (d, u))
        u->attr = previous_reported (d, u);
      if (u->attr.kind != A_NONE && u->attr.source == SRC_NONE)
        u->attr.source = SRC_CONTEXT;

      if (u->attr.kind == A_NAMED)
        u->person = speaker_person (d, &u->attr);
      else if (u->attr.kind == A_UNNAMED && u->attr.at < d->nt && !u->from_previous)
        u->person = title_person (d, u->attr.at, &title_budget);
      else if (u->attr.kind == A_PRONOUN && self->pronouns)
        u->person = antecedent (d, u->attr.at, u->attr.gender, previous_speaker, previous_sentence,
                                self->window);
      if (u->person >= 0)
        {
          previous_speaker = u->person;
          previous_sentence = u->last_sentence;
        }
      previous = u;
    }
}

static double
clamp01 (double x)
{
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/* The lexicon of the document's language (ABI 1.1); English on a 1.0
 * host, or for a language without a table of its own. */
static void
choose_lexicon (const Quotes *self, const abridge_host *host, const abridge_document *doc, Doc *d)
{
  d->lexicon = self->lexicon;
  d->n_lexicon = self->n_lexicon;
#if ABRIDGE_ABI_MINOR >= 1
  if (!ABRIDGE_HAS_MEMBER (host, abridge_host, document_language))
    return;
  const char *lang = host->document_language (doc);
  for (size_t l = 0; lang != NULL && l < sizeof LANGUAGES / sizeof *LANGUAGES; l++)
    if (strcmp (lang, LANGUAGES[l].code) == 0)
      {
        d->lexicon = self->lang_lexicon[l];
        d->n_lexicon = self->n_lang_lexicon[l];
      }
#else
  (void) host;
  (void) doc;
#endif
}

static int
quotes_rank (void *instance, const abridge_document *doc, abridge_result *result)
{
  const Quotes *self = instance;
  const abridge_host *host = self->host;
  Work w;
  memset (&w, 0, sizeof w);
  Doc *d = &w.d;
  d->self = self;
  d->host = host;
  d->doc = doc;
  d->lookups = LOOKUP_BUDGET;
  choose_lexicon (self, host, doc, d);
  if (doc_load (d) != 0)
    {
      work_free (&w);
      host->result_set_error (result, "out of memory");
      return 1;
    }
  if (d->nq == 0 || d->nt == 0)
    {
      work_free (&w);
      return 0;
    }
  if (people_build (d) != 0)
    {
      work_free (&w);
      host->result_set_error (result, "out of memory");
      return 1;
    }
  w.units = malloc ((size_t) d->nq * sizeof *w.units);
  if (w.units == NULL)
    {
      work_free (&w);
      host->result_set_error (result, "out of memory");
      return 1;
    }
  uint32_t nu = units_build (d, w.units);

  /* Scare quotes, nicknames and titles of works are no quotations: a quote
   * of fewer than min_words words counts only when a verb of saying next
   * to it names its speaker ("Southcorp said the offer was
   * “opportunistic”"), and a short unattributed one not at all. */
  for (uint32_t i = 0; i < nu; i++)
    {
      Unit *u = &w.units[i];
      units_count_words (d, u);
      if (u->words == 0 || ((int64_t) u->words < self->min_words && u->attr.kind == A_NONE))
        u->dropped = 1;
    }
  units_resolve (d, self, w.units, nu);
  for (uint32_t i = 0; i < nu; i++)
    {
      Unit *u = &w.units[i];
      if (u->dropped)
        continue;
      if ((int64_t) u->words < self->min_words
          && (u->person < 0 || (u->attr.source != SRC_AFTER && u->attr.source != SRC_BEFORE)))
        u->dropped = 1;
      else if (u->person < 0 && (looks_like_a_title (d, u) || (u->words <= 4 && !ends_a_sentence (d, u))))
        u->dropped = 1;
    }

  /* Content stems of each quote, for topicality and near-duplicates. */
  uint64_t pool_size = 0;
  for (uint32_t i = 0; i < nu; i++)
    if (!w.units[i].dropped)
      pool_size += w.units[i].words < MAX_STEMS ? w.units[i].words : MAX_STEMS;
  w.pool = malloc ((size_t) (pool_size + 1) * sizeof *w.pool);
  if (w.pool == NULL)
    {
      work_free (&w);
      host->result_set_error (result, "out of memory");
      return 1;
    }
  uint32_t used = 0, n_stems = host->stem_count (doc);
  double best_topic = 0, best_prominence = 0;
  double *topic = calloc ((size_t) nu + 1, sizeof *topic);
  if (topic == NULL)
    {
      work_free (&w);
      host->result_set_error (result, "out of memory");
      return 1;
    }
  for (uint32_t i = 0; i < nu; i++)
    {
      Unit *u = &w.units[i];
      if (u->dropped)
        continue;
      u->stems = used;
      double sum = 0;
      uint32_t content = 0;
      for (uint32_t f = 0; f < u->n_frags; f++)
        {
          const Span *sp = &d->quotes[u->frag + f];
          for (uint32_t g = token_at_or_after (d, sp->start);
               g < d->nt && tok (d, g)->start < sp->end && u->n_stems < MAX_STEMS
               && used < pool_size;
               g++)
            {
              const abridge_token *t = tok (d, g);
              if (t->flags & (ABRIDGE_TOKEN_STOP | ABRIDGE_TOKEN_NUMBER) || t->stem >= n_stems)
                continue;
              uint32_t freq = host->stem_frequency (doc, t->stem);
              double others = freq > 0 ? (double) (freq - 1) : 0;
              sum += others / (others + 2.0); /* saturating: 0, .33, .5, .6 … */
              content++;
              w.pool[used++] = t->stem;
              u->n_stems++;
            }
        }
      qsort (w.pool + u->stems, u->n_stems, sizeof *w.pool, cmp_u32);
      uint32_t m = 0;
      for (uint32_t k = 0; k < u->n_stems; k++)
        if (m == 0 || w.pool[u->stems + m - 1] != w.pool[u->stems + k])
          w.pool[u->stems + m++] = w.pool[u->stems + k];
      u->n_stems = m;
      used = u->stems + m;
      topic[i] = content > 0 ? sum / content * clamp01 (content / 6.0) : 0;
      if (topic[i] > best_topic)
        best_topic = topic[i];
      if (u->person >= 0)
        {
          const Person *p = &d->people[u->person];
          uint32_t term = NO_TOKEN;
          uint32_t g = token_at_or_after (d, p->name_end);
          if (g > 0)
            term = tok (d, g - 1)->term;
          double mentions = term < d->nterms ? d->capcount[term] : 1;
          double prominence = mentions / (mentions + 2.0);
          u->score = prominence; /* for now */
          if (prominence > best_prominence)
            best_prominence = prominence;
        }
    }

  /* Near-duplicates: a quote whose content words are mostly in another,
   * longer (or attributed, or earlier) quote is dropped. */
  double threshold = self->duplicate;
  uint64_t budget = DEDUP_BUDGET;
  for (uint32_t i = 0; i < nu && budget > 0; i++)
    {
      Unit *u = &w.units[i];
      if (u->dropped || u->n_stems == 0)
        continue;
      uint32_t j0 = nu <= ALL_PAIRS_LIMIT ? 0 : (i > DEDUP_WINDOW ? i - DEDUP_WINDOW : 0);
      for (uint32_t j = j0; j < i && !u->dropped && budget > 0; j++)
        {
          Unit *v = &w.units[j];
          if (v->dropped || v->n_stems == 0)
            continue;
          uint32_t small = u->n_stems < v->n_stems ? u->n_stems : v->n_stems;
          uint32_t large = u->n_stems + v->n_stems - small;
          if (2 * small < large && small != large)
            continue;
          uint64_t cost = (uint64_t) u->n_stems + v->n_stems;
          budget = budget > cost ? budget - cost : 0;
          uint32_t common = shared (w.pool + u->stems, u->n_stems, w.pool + v->stems, v->n_stems);
          int exact = common == u->n_stems && common == v->n_stems;
          if (!(exact || (small >= 3 && 2 * small >= large && common >= threshold * small)))
            continue;
          /* keep the fuller one; on a tie the attributed, then the earlier */
          int keep_u = u->n_stems > v->n_stems
                       || (u->n_stems == v->n_stems && u->person >= 0 && v->person < 0);
          if (keep_u)
            v->dropped = 1;
          else
            u->dropped = 1;
        }
    }

  /* The score: the speaker's prominence, the quote's topicality, a little
   * for coming early; every attributed quote before every unattributed. */
  uint32_t kept = 0;
  for (uint32_t i = 0; i < nu; i++)
    {
      Unit *u = &w.units[i];
      if (u->dropped)
        continue;
      int named = u->person >= 0;
      if (!named && !self->unattributed)
        {
          u->dropped = 1;
          continue;
        }
      double prominence = named && best_prominence > 0 ? u->score / best_prominence : 0;
      double topical = best_topic > 0 ? topic[i] / best_topic : 0;
      double position = d->len > 0 ? 1.0 - (double) u->start / (double) d->len : 0;
      double score = 0.45 * prominence + 0.4 * topical + 0.15 * clamp01 (position);
      u->score = named ? 1.0 + score : score * 0.9;
      topic[kept++] = u->score; /* topic[] is spent: reuse it to rank */
    }
  /* At most max_extracts, the best: the core's work grows with them. */
  double floor_score = -1.0;
  if (kept > (uint64_t) self->max_extracts)
    {
      qsort (topic, kept, sizeof *topic, cmp_double_desc);
      floor_score = topic[self->max_extracts - 1];
    }
  int failed = 0;
  uint32_t emitted = 0;
  for (uint32_t i = 0; i < nu && !failed; i++)
    {
      Unit *u = &w.units[i];
      if (u->dropped || u->score < floor_score || emitted >= (uint64_t) self->max_extracts)
        continue;
      int named = u->person >= 0;
      emitted++;
      int32_t x = host->result_add_extract (result, u->start, u->end, u->score);
      if (x < 0)
        continue;
      char *q = quote_text (d, u);
      if (q == NULL)
        {
          failed = 1;
          break;
        }
      host->result_annotate (result, x, "quote", q);
      free (q);
      if (!named)
        continue;
      const Person *p = &d->people[u->person];
      char *name = span_text (d, p->name_start, p->name_end, 0, 0);
      const TitleSpans *t = u->attr.title.e1 != 0 ? &u->attr.title : &p->title;
      char *title = t->e1 != 0 ? span_text (d, t->s1, t->e1, t->s2, t->e2) : NULL;
      if (name == NULL || (t->e1 != 0 && title == NULL))
        failed = 1;
      else
        {
          host->result_annotate (result, x, "speaker", name);
          if (title != NULL && title[0] != '\0')
            host->result_annotate (result, x, "speaker_title", title);
        }
      free (name);
      free (title);
    }
  free (topic);
  work_free (&w);
  if (failed)
    {
      host->result_set_error (result, "out of memory");
      return 1;
    }
  return 0;
}

/* ---- the plugin ------------------------------------------------------------ */

static void
quotes_cleanup (void *instance)
{
  Quotes *self = instance;
  if (self == NULL)
    return;
  free (self->lexicon);
  for (size_t l = 0; l < sizeof LANGUAGES / sizeof *LANGUAGES; l++)
    free (self->lang_lexicon[l]);
  free (self);
}

static void *
quotes_instantiate (const abridge_host *host, const abridge_options *options, abridge_error *error)
{
  Quotes *self = calloc (1, sizeof *self);
  if (self == NULL)
    {
      host->set_error (error, "out of memory");
      return NULL;
    }
  self->host = host;
  self->min_words = host->option_int (options, "min_words");
  self->pronouns = host->option_bool (options, "pronouns");
  self->unattributed = host->option_bool (options, "unattributed");
  self->window = host->option_int (options, "window");
  self->duplicate = host->option_double (options, "duplicate");
  if (self->min_words < 0 || self->min_words > 1000)
    {
      host->set_error (error, "min_words must be 0 to 1000, not %lld", (long long) self->min_words);
      quotes_cleanup (self);
      return NULL;
    }
  self->max_extracts = host->option_int (options, "max_extracts");
  if (self->max_extracts < 1 || self->max_extracts > 1000000)
    {
      host->set_error (error, "max_extracts must be 1 to 1000000, not %lld",
                       (long long) self->max_extracts);
      quotes_cleanup (self);
      return NULL;
    }
  if (self->window < 0 || self->window > 10)
    {
      host->set_error (error, "window must be 0 to 10, not %lld", (long long) self->window);
      quotes_cleanup (self);
      return NULL;
    }
  if (!(self->duplicate >= 0 && self->duplicate <= 1))
    {
      host->set_error (error, "duplicate must be 0 to 1, not %g", self->duplicate);
      quotes_cleanup (self);
      return NULL;
    }
  if (self->duplicate == 0)
    self->duplicate = 1e-9; /* 0 would make every pair a duplicate */
  if (lexicon_build (self) != 0)
    {
      host->set_error (error, "out of memory");
      quotes_cleanup (self);
      return NULL;
    }
  return self;
}

static const abridge_plugin quotes_descriptor = {
  .struct_size = sizeof (abridge_plugin),
  .abi_version = ABRIDGE_ABI_VERSION,
  .id = "quotes",
  .name = "Quotes and speakers",
  .version = "1.0.0",
  .description = "the article's key direct quotes, each with its speaker and title",
  .flags = ABRIDGE_PLUGIN_EXTRACTS,
  .options = quotes_options,
  .instantiate = quotes_instantiate,
  .rank = quotes_rank,
  .cleanup = quotes_cleanup,
  .extension_data = NULL,
};

ABRIDGE_PLUGIN_EXPORT const abridge_plugin *
abridge_plugin_descriptor (uint32_t host_abi, uint32_t index)
{
  if (ABRIDGE_ABI_VERSION_MAJOR (host_abi) != ABRIDGE_ABI_MAJOR || index > 0)
    return NULL;
  return &quotes_descriptor;
}
