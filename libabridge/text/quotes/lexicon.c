/* The closed word classes of English, German, French and Spanish news
 * prose that quote attribution reads, as one hash table a language. */
#include "config.h"
#include "text/quotes/lexicon.h"

#include <string.h>

typedef struct {
  uint32_t bits;
  const char *words; /* space-separated */
} WordClass;

/* Kept modest on purpose: closed classes of English news prose. */
static const WordClass word_classes[] = {
  { ABR_QW_VERB | ABR_QW_VERB_FIRST,
    "said says added adds asked asks explained explains wrote writes continued insisted "
    "noted warned argued replied recalled observed remarked declared stated suggested "
    "predicted cautioned concluded conceded admitted acknowledged quipped joked responded "
    "countered agreed complained claimed confirmed commented stressed emphasised emphasized "
    "urged announced mused exclaimed whispered shouted answered reiterated tweeted "
    "boasted protested pleaded lamented screamed yelled cried wondered sighed laughed "
    "snapped gushed enthused fumed retorted chuckled shared recalls replies responds continues "
    "concludes shouts quips observes declares counters cautions concedes laments whispers yells sighs" },
  { ABR_QW_SPOKES | ABR_QW_TITLE, "spokesman spokesperson" },
  { ABR_QW_SPOKES | ABR_QW_TITLE | ABR_QW_FEMALE, "spokeswoman" },
  { ABR_QW_SPOKES, "statement report lawsuit suit letter memo filing study editorial communique" },
  /* "a Labour source said" speaks for Labour; "an insider told" for nobody named */
  { ABR_QW_SPOKES | ABR_QW_GROUP, "source insider" },
  { ABR_QW_VERB,
    "told tells tell say saying describes described describing calling called calls alleged alleges "
    "expressed reaffirmed underlined underscored maintained maintains believes believed "
    "hopes hoped accused blamed promised vowed pledged denied denies insists warns argues "
    "notes predicts urges suggests claims admits acknowledges stresses adding noting "
    "telling warning insisting arguing explaining stating declaring writing asserted "
    "asserts contended contends testified announces revealed reveals branded labelled "
    "labeled dismissed hailed praised criticised criticized condemned welcomed declaring "
    "termed terming accusing repeated repeats "
    "complaining claiming admitting urging stressing predicting boasting joking conceding "
    "acknowledging replying responding remarking emphasising emphasizing announcing revealing "
    "confirming denying protesting lamenting slammed blasted lambasted" },
  { ABR_QW_ACCORDING, "according" },
  { ABR_QW_TO, "to" },
  { ABR_QW_TITLE,
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
    "investor broker accountant auditor laureate confidant confidante dealer buyer seller delegate arbitrageur arbitrager "
    "speaker specialist salesman "
    "congressman chairman king forward winger flanker hooker fly-half scrum-half "
    "champion boss captain skipper barrister solicitor frontman frontwoman guitarist drummer "
    "bassist songwriter comedian dj prop full-back fullback centre-back centre-half keeper "
    "sprinter hurdler jockey batsman bowler wicketkeeper all-rounder seed" },
  { ABR_QW_TITLE | ABR_QW_FEMALE,
    "chairwoman congresswoman businesswoman actress queen princess duchess" },
  { ABR_QW_HONORIFIC, "dr prof rev reverend mx" },
  { ABR_QW_HONORIFIC | ABR_QW_MALE, "mr father" },
  { ABR_QW_HONORIFIC | ABR_QW_MALE | ABR_QW_KEEP, "sir lord" },
  { ABR_QW_HONORIFIC | ABR_QW_FEMALE, "mrs ms miss madam mme sister" },
  { ABR_QW_HONORIFIC | ABR_QW_FEMALE | ABR_QW_KEEP, "lady dame" },
  { ABR_QW_PRONOUN | ABR_QW_GENDERED | ABR_QW_MALE, "he" },
  { ABR_QW_PRONOUN | ABR_QW_GENDERED | ABR_QW_FEMALE, "she" },
  { ABR_QW_GENDERED | ABR_QW_MALE, "his him himself" },
  { ABR_QW_GENDERED | ABR_QW_FEMALE, "her hers herself" },
  { ABR_QW_PLURAL, "we i you" },
  { ABR_QW_PLURAL | ABR_QW_THEY, "they" },
  { ABR_QW_GROUP,
    "people residents resident neighbour neighbours witnesses witness fans supporters critics "
    "campaigners activists protesters protestors officials sources analysts experts investigators "
    "authorities prosecutors doctors scientists researchers family families friends relatives "
    "parents locals villagers workers staff employees teachers students organisers organizers "
    "voters members lawmakers legislators nurses passer-by passers-by onlookers bystander "
    "bystanders shoppers customers passengers soldiers troops militants rebels officers "
    "firefighters paramedics rescuers volunteers mother father son daughter wife husband "
    "brother sister patrons diners guests viewers users engineers economists lawyers "
    "insiders observers diplomats ministers managers players coaches executives" },
  { ABR_QW_IT, "it" },
  { ABR_QW_ORG,
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
    "productions enterprises ventures brands foods pharmaceuticals communications solutions "
    "museum festival awards award cup championship games olympics telecom mobile energy "
    "oil airport railways railway tv radio online magazine newspaper park stadium arena "
    "hall castle bridge island islands valley lake bay county province region district "
    "administration spa gmbh" },
  { ABR_QW_AFFIL,
    "tory labour conservative liberal democrat republican socialist unionist nationalist "
    "russian british american french german chinese italian spanish irish scottish welsh "
    "english dutch japanese indian australian canadian israeli palestinian iranian iraqi "
    "syrian turkish greek polish swedish norwegian danish finnish belgian swiss austrian "
    "ukrainian european african asian arab brazilian mexican argentine korean "
    "scot scotsman briton spaniard frenchman dutchman swede croat serb welshman irishman englishman" },
  { ABR_QW_PARTICLE,
    "de van von der den da di du del della la le bin al el ibn dos das ter zu" },
  { ABR_QW_CONNECT, "of for at from" },
  { ABR_QW_NOTNAME,
    "year monday tuesday wednesday thursday friday saturday sunday january february march "
    "april june july august september october november december yet however meanwhile "
    "although though despite since last next many several one two three four five "
    "speaking asked earlier later now today yesterday tomorrow instead indeed still even "
    "also just thus therefore moreover furthermore besides overall finally first second "
    "third like unlike among amid whether without within nor neither either every each "
    "another other others all both most some such much more less no not nothing everything "
    "anything something nobody everyone someone anyone everybody somebody behind beyond across "
    "along around near inside outside toward towards upon via amid separate joint written "
    "lengthy detailed signed prepared formal" },
  { ABR_QW_ADVERB,
    "also later again then previously recently earlier once repeatedly has have had was is "
    "were would will did does just simply further quickly subsequently today yesterday "
    "quoted as reportedly separately privately publicly alone himself herself since still here" },
  { ABR_QW_WHO, "who whose which whom where when" },
  { ABR_QW_ARTICLE, "the a an" },
  { ABR_QW_SOMEONE, "a an another one" },
  { ABR_QW_POSSESSIVE, "his her its their my our your" },
  { ABR_QW_PERSON,
    "man woman boy girl person child teenager youngster caller critic reviewer pupil reader "
    "listener viewer onlooker motorist passenger customer shopper visitor tourist fan user "
    "victim survivor pensioner commuter spectator mum mom dad parent grandparent grandma "
    "grandpa granny widow widower colleague friend classmate teammate team-mate eyewitness "
    "homeowner landlord landlady tenant employee staffer voter juror soldier shopkeeper "
    "neighbor patient" },
  { ABR_QW_PERSON | ABR_QW_KIN,
    "boyfriend girlfriend fiance fiancee grandmother grandfather uncle aunt cousin nephew niece" },
  { ABR_QW_KIN, "husband wife son daughter mother father brother sister partner" },
  { ABR_QW_FIRSTNAME | ABR_QW_FEMALE,
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
    "gwyneth renee halle oprah condoleezza angelina jennifer margot theresa "
    "abigail adele adriana agnes aisha alexandra alicia alison allison alyssa amelia anastasia "
    "angie anita annabel annette annie antonia ariana arlene audrey ava belinda bella bernadette "
    "beth bethany beverley beverly bianca bonnie bridget brigitte caitlin camilla candice "
    "cara carla carly caroline carrie cassandra catriona cecilia celine charlene cindy claudia "
    "colette connie constance daisy dana daphne debbie deirdre delia dolores dora doreen "
    "doris edith eileen elaine eleanor elisa elise eliza ella ellie eloise elsa elsie emilia erica "
    "erin esther eva evie faye felicity francesca freya gabriela gabrielle gail gemma georgina "
    "geraldine gillian gina ginny gwen hailey hayley heidi helena henrietta hilary holly imogen "
    "irene isla jackie janine jasmine jeanette jenna jenny jess jessie jill jo joanne jocelyn "
    "jodie josephine judi julianne juliet justine kara katie katrina kayla keira kimberley "
    "kirsten kristen kristina lara leah leanne lena lila lily liz lola lorna "
    "lorraine louisa lucinda lydia lynne mabel maddie madeleine maggie mandy marcia marian "
    "marianne marina marjorie marlene maureen maxine melanie melinda mia michaela mildred millie "
    "miranda miriam moira molly monica monique muriel nadine naomi natasha nell nina noreen norma "
    "patsy paulette pauline peggy penelope petra philippa phoebe polly priscilla rachael "
    "ramona rebekah rhona rita roberta rosa rosalind rosemary roxanne sabrina sadie sasha selena "
    "shauna shelley sian sinead sonya stacey stella susannah suzanne sylvia tamara tania tanya "
    "tara tess tina toni tonya trisha valerie vanessa vera veronica vicky vivian wanda "
    "winifred yasmin yolanda yvonne zoe" },
  /* a man's name in French, a woman's in English: listed in both, so it
   * says neither */
  { ABR_QW_FIRSTNAME | ABR_QW_MALE, "jean" },
  { ABR_QW_FIRSTNAME | ABR_QW_MALE,
    "james john robert michael william david richard joseph thomas charles christopher "
    "daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian "
    "george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan "
    "stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick "
    "raymond jack dennis jerry tyler aaron jose adam nathan henry douglas peter kyle walter "
    "keith roger terry gerald harold sean carl arthur lawrence bruce albert alan juan "
    "wayne roy vincent ralph eugene russell philip philippe louis tony tom tim jim bob bill mike dave "
    "steve nick rod martin gordon jens vladimir sergei sergey dmitry boris ivan igor pieter "
    "ruud jan hans klaus jacques francois nicolas emmanuel giuseppe carlos luis miguel pedro "
    "antonio ahmed mohammed muhammad hassan omar ken ian neil graham colin alastair alistair "
    "gavin iain malcolm nigel clive derek trevor geoff geoffrey howard jeremy rupert hugh "
    "giles oliver harry charlie ben dan matt chris rob andy jon ed alfred fred owen gareth "
    "liam barack vince kofi gerhard silvio ariel yasser mahmoud wolfgang olaf xi recep "
    "narendra jair justin rishi keir joe "
    "abdul abraham adrian ahmad aidan alec alfie allan alvin amir andre andreas andres anton "
    "archie arnold basil bernard bert billy bobby brad brendan brett bruno "
    "calum calvin cedric clarence claude clint conor "
    "conrad cyril damian damien danny darren darryl declan dermot desmond "
    "dominic donal doug eamon eamonn eddie edgar edmund edwin "
    "emile enrique ernest ernie errol ethan euan evan fergus fernando franco frankie "
    "freddie gabriel garry geraint gerard glenn graeme greg gregor hamish hector herbert "
    "horace hugo humphrey jake jamal jared jeff jesse jimmy joel johnny jonah jorge josh "
    "julian julius karl kelvin kenny kieran kurt len lenny leo leonard leroy lionel luke "
    "marc marcus mario maurice melvin mervyn mick mickey mohamed monty noel oscar "
    "otto pablo paddy phil quentin rafael randall randy raul reggie rhys ricardo richie rick "
    "ricky robbie rolf ronnie rowan rudy rufus russ sammy saul seamus sebastian seth shane "
    "shaun sid simon stan sven ted teddy terence theo theodore toby tommy tyrone vic "
    "vinnie wally wes wilfred willie xavier yusuf zach zachary" },
};


/* The closed classes of German, French and Spanish news prose: verbs of
 * saying first (the speaker follows the quote in all three: „…“, sagte
 * Müller; « … », a déclaré le ministre; «…», dijo el ministro), then
 * enough of the rest for speakers to be found. Given names come from the
 * English table (names cross borders). */
static const WordClass word_classes_de[] = {
  { ABR_QW_VERB | ABR_QW_VERB_FIRST,
    "sagte sagten sagt sagen erklärte erklärten erklärt betonte betont meinte meint "
    "warnte warnt schrieb schreibt berichtete ergänzte unterstrich bekräftigte "
    "versicherte räumte forderte fordert fragte antwortete erläuterte stellte kündigte "
    "teilte kritisierte lobte mahnte sprach spricht fügte so" },
  { ABR_QW_VERB, "gesagt erklärt betont gewarnt geschrieben berichtet gefordert kritisiert" },
  { ABR_QW_ACCORDING, "laut zufolge" },
  { ABR_QW_SPOKES | ABR_QW_TITLE, "sprecher" },
  { ABR_QW_SPOKES | ABR_QW_TITLE | ABR_QW_FEMALE, "sprecherin" },
  { ABR_QW_SPOKES, "mitteilung erklärung" },
  { ABR_QW_TITLE,
    "präsident kanzler minister bundesminister chef vorsitzender vorsitzende direktor "
    "bürgermeister oberbürgermeister experte professor trainer abgeordneter abgeordnete "
    "analyst ökonom anwalt richter staatsanwalt geschäftsführer vorstand vorstandschef "
    "generalsekretär botschafter gewerkschaftschef ministerpräsident" },
  { ABR_QW_TITLE | ABR_QW_FEMALE,
    "präsidentin kanzlerin ministerin bundesministerin chefin direktorin bürgermeisterin "
    "expertin professorin trainerin analystin ökonomin anwältin richterin" },
  { ABR_QW_HONORIFIC, "dr prof" },
  { ABR_QW_HONORIFIC | ABR_QW_MALE, "herr herrn" },
  { ABR_QW_HONORIFIC | ABR_QW_FEMALE, "frau" },
  { ABR_QW_PRONOUN | ABR_QW_GENDERED | ABR_QW_MALE, "er" },
  { ABR_QW_PRONOUN | ABR_QW_GENDERED | ABR_QW_FEMALE, "sie" },
  { ABR_QW_GENDERED | ABR_QW_MALE, "ihm ihn sein seine seiner seinem seinen" },
  { ABR_QW_PLURAL, "wir ich man" },
  { ABR_QW_IT, "es" },
  { ABR_QW_ORG,
    "partei regierung ministerium gewerkschaft bank verband polizei unternehmen konzern "
    "gericht rat bundesregierung bundestag kommission agentur institut universität "
    "gruppe ag gmbh verein stiftung amt behörde" },
  { ABR_QW_PARTICLE, "von van de zu der" },
  { ABR_QW_CONNECT, "für von des der" },
  { ABR_QW_NOTNAME,
    "montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz "
    "april mai juni juli august september oktober november dezember heute gestern "
    "morgen auch aber doch jedoch" },
  { ABR_QW_ADVERB,
    "auch noch bereits zudem dann später am hat habe hatte hätte wurde ist war sei "
    "außerdem weiter" },
  { ABR_QW_WHO, "welcher welche welches" },
  { ABR_QW_ARTICLE, "der die das den dem des ein eine einen einem einer" },
  { ABR_QW_SOMEONE, "ein eine einen einem einer" },
};

static const WordClass word_classes_fr[] = {
  { ABR_QW_VERB | ABR_QW_VERB_FIRST,
    "dit déclare déclaré affirme affirmé explique expliqué souligne souligné ajoute ajouté "
    "estime estimé précise précisé indique indiqué assure assuré raconte raconté confie "
    "confié lance lancé poursuit insiste insisté rappelle rappelé martèle martelé annonce "
    "annoncé commente commenté répond répondu reconnaît reconnu avertit averti prévient "
    "prévenu observe observé note noté juge jugé regrette regretté dénonce dénoncé" },
  { ABR_QW_ACCORDING, "selon" },
  { ABR_QW_SPOKES, "communiqué" },
  { ABR_QW_TITLE,
    "président ministre premier directeur maire député sénateur secrétaire général chef "
    "patron avocat expert professeur économiste analyste entraîneur ambassadeur juge "
    "procureur dirigeant responsable fondateur" },
  { ABR_QW_TITLE | ABR_QW_FEMALE,
    "présidente directrice députée sénatrice patronne avocate experte" },
  { ABR_QW_HONORIFIC, "dr pr me" },
  { ABR_QW_HONORIFIC | ABR_QW_MALE, "m monsieur" },
  { ABR_QW_HONORIFIC | ABR_QW_FEMALE, "mme mlle madame mademoiselle" },
  { ABR_QW_PRONOUN | ABR_QW_GENDERED | ABR_QW_MALE, "il" },
  { ABR_QW_PRONOUN | ABR_QW_GENDERED | ABR_QW_FEMALE, "elle" },
  { ABR_QW_PLURAL, "nous je on vous" },
  { ABR_QW_PLURAL | ABR_QW_THEY, "ils elles" },
  { ABR_QW_ORG,
    "parti gouvernement ministère syndicat banque police société groupe association "
    "tribunal conseil assemblée commission agence institut université entreprise" },
  { ABR_QW_PARTICLE, "de du la le van von d" },
  { ABR_QW_CONNECT, "de du des pour" },
  { ABR_QW_NOTNAME,
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai "
    "juin juillet août septembre octobre novembre décembre aujourd hier demain mais "
    "cependant pourtant" },
  { ABR_QW_ADVERB, "aussi encore ensuite a avait est était également déjà alors t" },
  { ABR_QW_WHO, "qui dont lequel laquelle" },
  { ABR_QW_ARTICLE, "le la les l un une des du" },
  { ABR_QW_SOMEONE, "un une" },
};

static const WordClass word_classes_es[] = {
  { ABR_QW_VERB | ABR_QW_VERB_FIRST,
    "dijo dice afirmó afirma declaró declara explicó explica aseguró asegura señaló señala "
    "añadió añade indicó indica sostuvo sostiene subrayó subraya destacó destaca advirtió "
    "advierte comentó comenta agregó agrega manifestó precisó apuntó insistió recordó "
    "reconoció admitió preguntó respondió contó expresó anunció criticó denunció" },
  { ABR_QW_ACCORDING, "según" },
  { ABR_QW_SPOKES | ABR_QW_TITLE, "portavoz vocero" },
  { ABR_QW_SPOKES | ABR_QW_TITLE | ABR_QW_FEMALE, "vocera" },
  { ABR_QW_SPOKES, "comunicado" },
  { ABR_QW_TITLE,
    "presidente ministro director alcalde diputado senador secretario jefe experto "
    "profesor analista economista entrenador abogado juez fiscal embajador líder "
    "fundador dirigente responsable gobernador" },
  { ABR_QW_TITLE | ABR_QW_FEMALE,
    "presidenta ministra directora alcaldesa diputada senadora secretaria jefa experta "
    "profesora abogada jueza gobernadora" },
  { ABR_QW_HONORIFIC, "dr lic" },
  { ABR_QW_HONORIFIC | ABR_QW_MALE, "sr señor don" },
  { ABR_QW_HONORIFIC | ABR_QW_FEMALE, "sra señora doña srta señorita dra" },
  { ABR_QW_PRONOUN | ABR_QW_GENDERED | ABR_QW_MALE, "él" },
  { ABR_QW_PRONOUN | ABR_QW_GENDERED | ABR_QW_FEMALE, "ella" },
  { ABR_QW_PLURAL, "nosotros yo usted ustedes" },
  { ABR_QW_PLURAL | ABR_QW_THEY, "ellos ellas" },
  { ABR_QW_ORG,
    "partido gobierno ministerio sindicato banco policía empresa grupo asociación "
    "tribunal consejo congreso comisión agencia instituto universidad" },
  { ABR_QW_PARTICLE, "de del la las los y van von" },
  { ABR_QW_CONNECT, "de del para" },
  { ABR_QW_NOTNAME,
    "lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo "
    "junio julio agosto septiembre octubre noviembre diciembre hoy ayer mañana pero "
    "sin embargo" },
  { ABR_QW_ADVERB, "también además luego después ha había es era fue ya" },
  { ABR_QW_WHO, "quien quienes cual" },
  { ABR_QW_ARTICLE, "el la los las un una unos unas" },
  { ABR_QW_SOMEONE, "un una" },
};

/* The languages with a table of their own, in the order of lexicons[1 …];
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

struct abr_qlexicon {
  GHashTable *words; /* folded word -> GUINT_TO_POINTER (bits) */
  gboolean english;  /* reads English job names by their endings */
};

/* Adds the words of CLASSES that have a bit of MASK to WORDS, OR-ing the
 * classes of a word listed twice. */
static void
add_classes (GHashTable *words, const WordClass *classes, size_t n, uint32_t mask)
{
  for (size_t c = 0; c < n; c++)
    {
      if (!(classes[c].bits & mask))
        continue;
      char **list = g_strsplit (classes[c].words, " ", -1);
      for (char **w = list; *w != NULL; w++)
        {
          if (**w == '\0')
            continue;
          uint32_t bits = GPOINTER_TO_UINT (g_hash_table_lookup (words, *w)) | classes[c].bits;
          g_hash_table_replace (words, g_strdup (*w), GUINT_TO_POINTER (bits));
          if (strchr (*w, '-') == NULL)
            continue;
          /* only the parts no class of their own marks: a "director" or
           * a "by" is read often, and looking at its neighbours each
           * time costs more than "director-general" brings */
          char **parts = g_strsplit (*w, "-", -1);
          for (char **q = parts; *q != NULL; q++)
            if (strlen (*q) > 2 && g_hash_table_lookup (words, *q) == NULL)
              g_hash_table_insert (words, g_strdup (*q), GUINT_TO_POINTER (ABR_QW_HYPHENATED));
          g_strfreev (parts);
        }
      g_strfreev (list);
    }
}

/* English, then one a language of LANGUAGES with the English given names
 * (names cross borders). Never freed: they live as long as the process. */
static abr_qlexicon lexicons[1 + G_N_ELEMENTS (LANGUAGES)];

static gpointer
build_all (gpointer unused)
{
  (void) unused;
  lexicons[0].words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_classes (lexicons[0].words, word_classes, G_N_ELEMENTS (word_classes), UINT32_MAX);
  lexicons[0].english = TRUE;
  for (size_t l = 0; l < G_N_ELEMENTS (LANGUAGES); l++)
    {
      GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      add_classes (words, LANGUAGES[l].classes, LANGUAGES[l].n, UINT32_MAX);
      add_classes (words, word_classes, G_N_ELEMENTS (word_classes), ABR_QW_FIRSTNAME);
      lexicons[1 + l].words = words;
    }
  return NULL;
}

const abr_qlexicon *
abr_q_lexicon (const char *lang)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, build_all, NULL);
  for (size_t l = 0; lang != NULL && l < G_N_ELEMENTS (LANGUAGES); l++)
    if (strcmp (lang, LANGUAGES[l].code) == 0)
      return &lexicons[1 + l];
  return &lexicons[0];
}

/* Whether FOLDED names a trade by its ending: geologist, physician,
 * photographer. No list of them all is kept; these endings make nothing
 * else in news prose. */
static gboolean
trade_ending (const char *folded)
{
  static const char *const endings[] = { "ologist", "ician", "ographer" };
  size_t n = strlen (folded);
  for (size_t i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      size_t e = strlen (endings[i]);
      if (n >= e + 2 && memcmp (folded + n - e, endings[i], e) == 0)
        return TRUE;
    }
  return FALSE;
}

uint32_t
abr_q_lexicon_class (const abr_qlexicon *lex, const char *folded)
{
  if (folded == NULL)
    return 0;
  uint32_t bits = GPOINTER_TO_UINT (g_hash_table_lookup (lex->words, folded));
  return bits == 0 && lex->english && trade_ending (folded) ? ABR_QW_TITLE : bits;
}
