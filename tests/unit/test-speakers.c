/* Unit tests of text/quotes/pronouns.c and attribution.c, issue 18's
 * second round: whom "he said" means when several are named, and when
 * nobody is named near it. One short passage, written for these tests, a
 * rule. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <string.h>

#include <abridge/abridge.h>

#include "text/quotes/view.h"

static void
add_person (const char *name, size_t len, void *data)
{
  g_string_append_len (data, name, (gssize) len);
  g_string_append_c (data, '|');
}

/* The people TEXT's speakers are chosen among, as "|name|name|"; free it
 * with g_free. */
static char *
people_of (const char *text)
{
  abridge_document *doc = abridge_document_new (text, strlen (text), "Test article", NULL);
  assert_non_null (doc);
  GString *people = g_string_new ("|");
  abr_quote_people (doc, add_person, people);
  abridge_document_free (doc);
  return g_string_free (people, FALSE);
}

/* TEXT's people (people_of()) hold each string of the NULL-ended HAVE and
 * none of LACK. */
static void
assert_people (const char *text, const char *const *have, const char *const *lack)
{
  char *people = people_of (text);
  for (; have != NULL && *have != NULL; have++)
    if (strstr (people, *have) == NULL)
      fail_msg ("people: %s (no %s)", people, *have);
  for (; lack != NULL && *lack != NULL; lack++)
    if (strstr (people, *lack) != NULL)
      fail_msg ("people: %s (has %s)", people, *lack);
  g_free (people);
}

/* TEXT's one quotation holding NEEDLE has SPEAKER (NULL: none). */
static void
assert_said (const char *text, const char *needle, const char *speaker)
{
  GError *error = NULL;
  abridge_document *doc = abridge_document_new (text, strlen (text), "Test article", &error);
  assert_null (error);
  assert_non_null (doc);
  uint32_t found = UINT32_MAX;
  for (uint32_t q = 0; q < abridge_document_quote_count (doc); q++)
    if (strstr (abridge_document_quote_text (doc, q, NULL), needle) != NULL
        && !(abridge_document_quote_flags (doc, q) & ABRIDGE_QUOTE_CONTINUES))
      {
        assert_int_equal (found, UINT32_MAX);
        found = q;
      }
  if (found == UINT32_MAX)
    fail_msg ("no quotation holds '%s'", needle);
  const char *got = abridge_document_quote_speaker (doc, found, NULL);
  if (speaker == NULL && got != NULL)
    fail_msg ("speaker '%s', expected none", got);
  if (speaker != NULL && (got == NULL || strcmp (got, speaker) != 0))
    fail_msg ("speaker '%s', expected '%s'", got ? got : "(none)", speaker);
  abridge_document_free (doc);
}

/* "he" is the one who said something, not a name he mentioned, nor the
 * object of a verb in the sentence between. */
static void
test_speakers_he_is_who_spoke_not_who_was_mentioned (void **state)
{
  (void) state;
  assert_said ("Council leader Peter Mills said the budget was fair. The leaflet simply showed "
               "Mr Grant as a spendthrift, he argued. \"We have to take those views on board.\"\n",
               "views on board", "Peter Mills");
  assert_said ("Club secretary Anna Boyd said there had been letters from Harbour Club members. "
               "\"It is a betrayal of the town,\" she told the radio.\n",
               "betrayal", "Anna Boyd");
}

/* A long aside with no name between "Mr Taylor, whose …, says" and
 * "“…,” he said": the last man who spoke, not nobody. */
static void
test_speakers_he_said_after_a_long_aside (void **state)
{
  (void) state;
  assert_said ("Olly Taylor, 27, has opened a cafe in Leeds. Mr Taylor, whose cafe sells cereal and "
               "cake, says he wants to surprise people. The bowl holds two cereals. A flake is added. "
               "The milk comes in three flavours. The bowl costs seven pounds. Sugar: 388 grams. "
               "Calories: 4,000.\n\n\"It is all in the spirit of the season,\" he said.\n",
               "spirit of the season", "Olly Taylor");
}

/* The fallback is for the one who spoke: a man only mentioned is not
 * "she". */
static void
test_speakers_she_said_finds_no_man (void **state)
{
  (void) state;
  assert_said ("Olly Taylor, 27, has opened a cafe in Leeds. Mr Taylor says he wants to surprise "
               "people. The bowl holds two cereals. A flake is added. The milk comes in three "
               "flavours. The bowl costs seven pounds. Sugar: 388 grams. Calories: 4,000.\n\n"
               "\"It is far too sweet for a child,\" she said.\n",
               "too sweet", NULL);
}

/* CNN/DailyMail's tokenised copy, lower-cased, its paragraph breaks lost:
 * a spaced possessive ("the lawyers ' association") neither closes a
 * quotation nor hides the speaker of an appositive; "we are told" inside
 * a quotation is the speaker's, so the mark after it reopens it. */
static const char lower_copy[] =
  "The italian court agreed on tuesday to end the case against a former member of the cosa "
  "nostra who has lived in britain for more than twenty years, after a long fight over his "
  "return to palermo. Extradition expert edward grange tweeted: ' what a waste of time and "
  "money. After two hearings, nothing has changed. ' Mr grange, who is vice-chair of the "
  "extradition lawyers ' association, said: ' the purpose of the request was to serve a "
  "sentence. ' Courts proceed on mutual trust, that is what we are told throughout. ' It is "
  "designed to be swift and quick, ' he said.\n";

static void
test_speakers_spaced_possessive_in_lower_cased_copy (void **state)
{
  (void) state;
  assert_said (lower_copy, "what a waste", "edward grange");
  assert_said (lower_copy, "purpose of the request", "edward grange");
  GError *error = NULL;
  abridge_document *doc = abridge_document_new (lower_copy, strlen (lower_copy), "Test", &error);
  assert_non_null (doc);
  for (uint32_t q = 0; q < abridge_document_quote_count (doc); q++)
    {
      const char *words = abridge_document_quote_text (doc, q, NULL);
      if (strstr (words, "what a waste") != NULL && strstr (words, "vice-chair") != NULL)
        fail_msg ("the quotation ran on into the narration: '%s'", words);
      if (strstr (words, "purpose of the request") != NULL && strstr (words, "we are told") == NULL)
        fail_msg ("the quotation stopped at its reopening mark: '%s'", words);
    }
  abridge_document_free (doc);
}

/* "A Labour spokesman later said …. “…,” he said": he is the unnamed
 * spokesman, whose party speaks, not the man quoted before him ("a
 * spokeswoman for Oxford University" too); and a spokesman's reported
 * sentence stops the previous speaker carrying on. */
static void
test_speakers_unnamed_spokesman_is_he (void **state)
{
  (void) state;
  assert_said ("Poster row\n\nParty campaign chief Tom Reed said the poster had been misunderstood. "
               "\"The common theme is that they are trying to con you,\" he said.\n\nA Labour "
               "spokesman later said the timing was not affected by the row. \"This has been up on "
               "the website for two weeks,\" he said.\n",
               "two weeks", "Labour");
  assert_said ("Poster row\n\nTom Reed said the poster had been misunderstood. \"The common theme is "
               "that they are trying to con you,\" he said.\n\nA Labour spokesman said the poster "
               "would stay up. \"It has been on the website for two weeks and nobody complained.\"\n",
               "nobody complained", "Labour");
  /* "A spokeswoman for Oxford University said …": the body after "for" */
  assert_said ("Books\n\nSusan Wojcicki said the project was growing. \"We are adding libraries,\" she said.\n\nA "
               "spokeswoman for Oxford University said the books would include novels. \"Important works "
               "will be made available to everyone,\" she said.\n",
               "Important works", "Oxford University");
}

/* Verbs of saying that also stand before their subject: "screamed Fallon". */
static void
test_speakers_screamed_before_the_name (void **state)
{
  (void) state;
  assert_said ("Ice cream\n\nThe host pulled out two spoons and the governor took the tub. \"You "
               "have to share,\" screamed Fallon.\n",
               "have to share", "Fallon");
}

/* "said the Rovers striker": the club only says whose striker; the
 * speaker is the one just named, as for a pronoun, not the club. "a
 * Rovers spokesman" still speaks for the club. */
static void
test_speakers_the_club_striker_is_the_one_named (void **state)
{
  (void) state;
  assert_said ("Rovers won 2-0 at home.\n\nMatch winner Tom Keane praised the crowd. \"It was "
               "a great night for all of us,\" said the Rovers striker.\n",
               "great night", "Tom Keane");
  assert_said ("Rovers won 2-0 at home.\n\nThe ground was full. \"It was a great night for "
               "all of us,\" said a Rovers spokesman.\n",
               "great night", "Rovers");
  /* the role named twice: the one titled so, whatever the adjective */
  assert_said ("France coach Bernard Laporte believes his team will be scared on Sunday.\n\n"
               "The French turned in a stuttering performance. \"We will go to Twickenham with "
               "a little fear,\" said the French coach.\n",
               "little fear", "Bernard Laporte");
}

/* "a man in Hitchin told": the town says where he is; it is no speaker,
 * the man is. "researchers from Birkbeck College said": the researchers
 * speak. */
static void
test_speakers_a_place_after_in_is_no_speaker (void **state)
{
  (void) state;
  assert_said ("The ambulance service listed its strangest calls of the year.\n\nA man in Hitchin "
               "told 999 staff: \"I have been dieting and I feel lethargic all the time.\"\n",
               "dieting", "A man");
  assert_said ("A study of the Commons was published on Monday.\n\nResearchers from Birkbeck "
               "College said: \"The culture of the place has hardly changed in decades.\"\n",
               "culture of the place", "Researchers");
}

/* "the 30-year-old": the one the article is about, named before; not
 * the capitalised words of a title ("Double Olympic champion …") nor a
 * name after "the" ("The Northern Ireland runner", "the US Open"). */
static void
test_speakers_the_30_year_old_is_the_one_named (void **state)
{
  (void) state;
  assert_said ("Double Olympic champion Hicham El Guerrouj is set to run in France.\n\nBut the "
               "Moroccan will not decide until two weeks before the event. \"If I am to compete "
               "in it, it is only if I feel I can win,\" said the 30-year-old, who retires next "
               "year.\n",
               "feel I can win", "Hicham El Guerrouj");
  assert_said ("James McIlroy won the 800m at the indoor meeting in Erfurt.\n\nThe Northern Ireland "
               "runner set a personal best at the US Open. \"I'm qualified now and that's what "
               "matters most,\" said the 28-year-old.\n",
               "qualified now", "James McIlroy");
  assert_said ("Ben Flower returned on Thursday after a six-month ban.\n\nThe 27-year-old, who came "
               "on as a substitute, told the Daily Star Sunday: \"I was surprised how calm I was "
               "with everything going through my head.\"\n",
               "surprised how calm", "Ben Flower");
}

/* "British Airways said": a nationality opens the name of a body and
 * stays in it ("Tory Liam Fox" drops it). */
static void
test_speakers_a_body_keeps_its_nationality (void **state)
{
  (void) state;
  assert_said ("The airline cut its fares on Friday.\n\nBritish Airways said: \"We will keep "
               "our prices low for as long as we can.\"\n",
               "prices low", "British Airways");
}

/* A name does not run on into the next sentence ("… in the US. Osbourne
 * said …"), where "the US" would hide the one who spoke. */
static void
test_speakers_a_name_ends_with_its_sentence (void **state)
{
  (void) state;
  assert_said ("Black Sabbath, the band once fronted by Ozzy Osbourne, topped the poll.\n\n"
               "Their debut sold more than a million copies in the US. Osbourne said the success "
               "was a triumph for British rock. He said: \"We lived in Aston, Birmingham, and "
               "the only flowers I saw were on graves.\"\n",
               "only flowers", "Ozzy Osbourne");
}

/* "A BPI spokesman said the chart was due “…”. “…,” he said.": the
 * quotation before is the spokesman's too, so the he is still his. */
static void
test_speakers_spokesman_quoted_twice (void **state)
{
  (void) state;
  assert_said ("The chart was launched on Sunday.\n\nA BPI spokesman said the combined chart was "
               "due \"within the first half of this year\". \"Work is going on across the music "
               "business right now,\" he said.\n",
               "Work is going on", "BPI");
}

/* A quotation opening its paragraph with no speaker of its own: the one
 * the paragraph before reports speaking, a sentence or two back. */
static void
test_speakers_quote_paragraph_after_reported_speech (void **state)
{
  (void) state;
  assert_said ("Producer Chas Burns has taken his show on tour.\n\nBurns told Chortle that one "
               "phone call had settled the rights. But don't worry, this is no ordinary musical.\n\n"
               "\"It's not a musical. Between you and me, I can't abide musicals.\"\n",
               "abide musicals", "Chas Burns");
}

/* "Kerr applauded the move. “…”": the one the sentence before is about,
 * when a given name says it is a person; not a paper that "published"
 * something. */
static void
test_speakers_quote_after_its_subject_sentence (void **state)
{
  (void) state;
  assert_said ("Ireland beat Cyprus 1-0 in Dublin.\n\nManager Brian Kerr was delighted with his "
               "side. Kerr applauded the decisive move which earned the victory. \"It was a "
               "brilliant goal, fantastic skill by Damien Duff.\"\n",
               "brilliant goal", "Brian Kerr");
  assert_said ("The memo leaked on Monday.\n\nFairfax Media published the memo in full. \"As a "
               "result of our performance, the airport has given us an official warning.\"\n",
               "official warning", NULL);
}

/* "Sen. Ben Sasse, R-Neb., called", "Rep. Adam Schiff (D-Calif.) said":
 * the party and state set off after a legislator's name are not his name. */
static void
test_speakers_party_and_state_after_a_name (void **state)
{
  (void) state;
  assert_said ("Lawmakers were angry.\n\nSen. Ben Sasse, R-Neb., called his death \"a crisis "
               "of public trust\" within the prison system.\n",
               "crisis of public trust", "Ben Sasse");
  assert_said ("The committee met on Tuesday.\n\nRep. Adam Schiff (D-Calif.) said: \"We have "
               "not spoken directly with the whistleblower.\"\n",
               "spoken directly", "Adam Schiff");
}

/* A body's name runs over "of", "for" and "and" before "spokesman" or
 * "source"; "an insider" speaks for nobody named but is a speaker. */
static void
test_speakers_bodies_and_sources (void **state)
{
  (void) state;
  assert_said ("Truancy sweeps begin on Monday.\n\nA Department for Education and Skills "
               "spokesman said: \"Every day in school counts.\"\n",
               "Every day", "Department for Education and Skills");
  assert_said ("Ministers were asked about it.\n\nA Department of Health source said: \"We "
               "will look at every case.\"\n",
               "every case", "Department of Health");
  assert_said ("The feud went on.\n\n\"Scooter is frustrated because his name is being dragged "
               "in the mud,\" an insider told the outlet.\n",
               "frustrated", "insider");
}

/* "Prosecutors alleged that Epstein “sexually exploited …”": alleging
 * is saying. */
static void
test_speakers_alleged_is_said (void **state)
{
  (void) state;
  assert_said ("Two guards were charged.\n\nFederal prosecutors alleged that the guards "
               "\"browsed the Internet\" when they should have been checking the cells.\n",
               "browsed", "Federal prosecutors");
}

/* Two given names before one surname: a couple. "Paul added" is Paul
 * Elliott, not the Elliott named first; "Laura said" is Laura Elliott. */
static void
test_speakers_a_couple_keeps_their_given_names (void **state)
{
  (void) state;
  const char *text = "Laura Elliott and Paul Elliott got married during the marathon.\n\n"
                     "The couple ran across the finish line together. Speaking on Sunday, "
                     "Laura said: \"It has been an absolutely incredible day.\"\n\n"
                     "They returned to the venue in the evening. Paul added: \"It has been "
                     "such an emotional day for the two of us.\"\n";
  assert_said (text, "incredible day", "Laura Elliott");
  assert_said (text, "emotional day", "Paul Elliott");
  /* one given name: the lone one is still the one named in full */
  assert_said ("Paul Elliott ran the marathon on Sunday.\n\nHe finished in four hours. "
               "Paul added: \"It has been such an emotional day for all of us.\"\n",
               "emotional day", "Paul Elliott");
}

/* Lower-cased copy: the plain words after a name up to its verb of
 * saying are the rest of the name ("barrister philip marshall qc said"). */
static void
test_speakers_lower_cased_name_runs_to_its_verb (void **state)
{
  (void) state;
  assert_said ("The italian court agreed on tuesday to end the case against a former member of the "
               "cosa nostra who has lived in britain for more than twenty years, after a long fight "
               "over his return to palermo. Lawyers for the former mobster welcomed the ruling, which "
               "follows two sets of extradition hearings in london costing several thousand pounds. "
               "Barrister philip marshall qc said: ' yet more incompetence by the prosecutors in this "
               "case. ' The hearing was adjourned until may.\n",
               "yet more incompetence", "philip marshall qc");
}

/* "She went on: “…”": a short clause with he or she before a colon
 * attributes the quote whatever its verb, so the quote is not joined to
 * the one before; and "she" may be the unnamed "One neighbour" who spoke
 * last. */
static void
test_speakers_she_went_on_is_the_neighbour (void **state)
{
  (void) state;
  static const char text[] = "Quiet street\n\nOne neighbour said she was pleased the family would "
                             "stay because \"you never know who will move in next\". She went on: "
                             "\"He seems a nice chap and it all happened a long time ago.\"\n";
  assert_said (text, "who will move in", "One neighbour");
  assert_said (text, "nice chap", "One neighbour");
}

/* "a caller told crews", "another man said", "one Western official
 * said": nobody named, but the subject of the quotation's own verb is
 * its speaker, as the article gives him. A report is what it says (as
 * the labels give "one briefing note" and "a memo"), and the
 * appositive after a name gives the name's speaker, not the phrase's;
 * the word before a closing mark sets nothing off. */
static void
test_speakers_someone_unnamed_speaks (void **state)
{
  (void) state;
  assert_said ("Odd calls\n\nThe service published its list on Monday. A caller told crews: \"My "
               "neighbour's cat has been stuck up a tree for an hour.\"\n",
               "stuck up a tree", "A caller");
  assert_said ("Odd calls\n\nThe service published its list on Monday. \"I have dropped my burger "
               "and it is bleeding,\" another man said.\n",
               "dropped my burger", "another man");
  assert_said ("Kabul talks\n\nThe talks ended on Friday. \"There is no deal yet and there may "
               "never be one,\" one Western official said.\n",
               "no deal yet", "one Western official");
  assert_said ("Budget gap\n\nThe figures came out on Friday. A report said: \"The deficit will grow "
               "for at least three more years.\"\n",
               "deficit will grow", "A report");
  assert_said ("Rally\n\nThe party met in Gateshead. Katrina Bull, a prospective parliamentary "
               "candidate said: \"I think we will have no problem with turnout this time.\"\n",
               "problem with turnout", "Katrina Bull");
  /* a capitalised last word of the quotation is no name set off before
   * "an officer" */
  assert_said ("Rescue\n\nOfficers carried the girl to safety. \"Come on, sweetheart. You are going "
               "to be OK,\" an officer told her.\n",
               "sweetheart", "an officer");
}

/* Two quotes with nothing but marks between them (the tokenised copy
 * lost the paragraph break): the second is the same speaker's. */
static void
test_speakers_back_to_back_quotes_share_the_speaker (void **state)
{
  (void) state;
  assert_said ("The designer alex perry will not show a collection at fashion week in sydney this "
               "year, the second time in two decades that the label has missed the event, and he says "
               "he is happy to sit in the front row instead. As for what he sees trending this season, "
               "perry said the australian market is so diverse. ' There are so many designers with so "
               "many styles now, so i think it will all become apparent after we see them this week. ' "
               "' someone like kym is so incredibly on point at the moment, which is her style. ' The "
               "shows start on monday.\n",
               "someone like kym", "alex perry");
}

/* "This week Ed told a magazine …. He said: “…”": a given name alone
 * is the one person named in full with it, and may be "he". */
static void
test_speakers_given_name_alone_is_the_full_name (void **state)
{
  (void) state;
  assert_said ("Matchmaker\n\nSinger Ed Sheeran is a good friend of Taylor Swift. The pair met at an "
               "awards show. They have toured together twice. Their fans call them the best of "
               "friends. Both have new albums out this year.\n\nThis week Ed told a magazine that he "
               "hoped to introduce her to the actor Orlando Bloom. He said: \"He is lovely, and they "
               "live in the same building.\"\n",
               "same building", "Ed Sheeran");
}

/* "X repeated his party's calls for …. “…”": repeating a call is saying. */
static void
test_speakers_repeated_calls_is_reported_speech (void **state)
{
  (void) state;
  assert_said ("Advice row\n\nThe minister refused to publish the advice on Monday. Party spokesman "
               "Tom Reed repeated his party's calls for the advice to be published. \"The public "
               "interest can only be served now by the fullest disclosure.\"\n",
               "public interest", "Tom Reed");
}

/* The lower-cased copy of the tests below: enough words, hardly a capital
 * inside a sentence. */
#define LOWER_LEAD "the charity held its annual dinner in the town hall on friday night. more than two " \
                   "hundred guests came from across the county to hear the speeches and to bid in the " \
                   "auction. the event raised thousands of pounds for the new hospice, which opens next " \
                   "spring and will have twelve beds. "

/* Lower-cased copy: a common given name and the word after it are a
 * name wherever they stand, so "she" finds her. */
static void
test_speakers_lower_cased_given_name_anywhere (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "also featured on the show is andrea carter, 72, from leighton buzzard. "
                          "over the years she has had a number of treatments. when asked about "
                          "the risk, she said: ' it's an operation but what the heck, i just want "
                          "that to go away. '\n",
               "what the heck", "andrea carter");
}

/* "party planner susan pike said": a given name before the word before a
 * verb of saying makes both a name, though no title stands before them. */
static void
test_speakers_given_name_and_surname_before_said (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "her old friend, party planner susan pike said: ' we were overwhelmed by how "
                          "generous everyone was on the night. '\n",
               "overwhelmed", "susan pike");
}

/* "another student, tom breck, told …": the words set off by commas after
 * a title, before a verb of saying, are a name; the "he" after is his. */
static void
test_speakers_lower_cased_appositive_before_told (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "another student, tom breck, told the paper that he had helped. ' we all "
                          "pulled together on the night and nobody was hurt, ' he said.\n",
               "pulled together", "tom breck");
}

/* "' …, ' fathi bin shatwan, libya's oil minister, told reuters": a
 * particle inside the words before the appositive is no end of the name. */
static void
test_speakers_lower_cased_particle_before_appositive (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "oil prices rose again. analyst victor shum said the weak dollar was a factor. "
                          "' i agree that we do not need to cut supply, ' fathi bin shatwan, libya's oil "
                          "minister, told reuters.\n",
               "cut supply", "fathi bin shatwan");
}

/* "said yukos spokesman alexander shadrin. he said …": a name before
 * "spokesman" only says whose spokesman he is; the he is the spokesman. */
static void
test_speakers_name_before_spokesman_is_no_he (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "Baikal paid 260bn roubles for yugansk - nowhere near the $27bn russia says "
                          "yukos owes in taxes. Yukos reacted immediately by repeating its view that the "
                          "auction was illegal, and said baikal had bought itself trouble. ' The victor of "
                          "the auction has bought itself a headache, ' said yukos spokesman alexander "
                          "shadrin. He said the company would make ' every lawful move ' to protect its "
                          "shareholders.\n",
               "every lawful move", "alexander shadrin");
}

/* "said abn amro's eddie wong": after the verb, the owner's possessive
 * before a listed given name qualifies the name, as "said ABN Amro's
 * Eddie Wong" does in capitals. */
static void
test_speakers_lower_cased_possessive_before_a_given_name (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "shares in asia were little moved. ' Obviously a lot of time is needed to clean up "
                          "the mess, ' said abn amro's eddie wong.\n",
               "clean up the mess", "eddie wong");
}

/* "' …, ' armando falcon, ofheo director said": right after a quotation,
 * an appositive may end in its title with no comma before the verb; but
 * in "' … ' prospect, an official said" the official is the subject. */
static void
test_speakers_lower_cased_unclosed_appositive_after_a_quote (void **state)
{
  (void) state;
  const char *text = LOWER_LEAD "the regulator welcomed the news. ' We are encouraged by the board's "
                                "announcement, ' armando falcon, ofheo director said. Another review was "
                                "planned. Implementing it in may was a ' hopelessly unrealistic ' prospect, "
                                "an official said.\n";
  assert_said (text, "We are encouraged", "armando falcon");
  assert_said (text, "hopelessly unrealistic", "an official");
}

/* "bikini model zofia nowakowska, 21, is …": the two words before an age
 * between commas are a name, though neither is a common given name. */
static void
test_speakers_lower_cased_name_before_an_age (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "bikini model zofia nowakowska, 21, is hoping to win the contest. "
                          "asked about the prize, she said: ' it would mean the world to my family "
                          "and me. '\n",
               "mean the world", "zofia nowakowska");
}

/* Lower-cased copy: "spokesman fraser kemp said" names the spokesman, and
 * in "a conservative spokeswoman said" the party speaks, as their
 * capitalised forms do. */
static void
test_speakers_lower_cased_spokesman_and_party (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "labour campaign spokesman fraser kemp said the poster had been "
                          "misunderstood. ' we have to take those views on board, ' he said.\n",
               "views on board", "fraser kemp");
  assert_said (LOWER_LEAD "The row went on. But a conservative spokeswoman said: ' this poster campaign "
                          "was a big misjudgement by the other side. '\n",
               "big misjudgement", "conservative");
}

/* "said his wife, Sheila", "according to his aunt, Jane Starner,": the
 * name set off after the role is the speaker, not the man whose role it
 * is. */
static void
test_speakers_his_aunt_named_after_a_comma (void **state)
{
  (void) state;
  assert_said ("Obituary\n\nArthur Hailey died on Wednesday at his home. \"He had a wonderful life "
               "and he achieved all he wanted,\" said his wife, Sheila.\n",
               "wonderful life", "Sheila");
  assert_said ("Obituary\n\nJohn Ford was born in 1957. According to his aunt, Jane Starner, \"He "
               "was brilliant from the start and read at an adult level.\"\n",
               "brilliant from the start", "Jane Starner");
}

/* Lower-cased copy: "said artists needed freedom." is reported speech
 * (its "needed" is a word most articles use), and the "trade" of "trade
 * deal" is no title before a name; neither phrase is someone. */
static void
test_speakers_lower_cased_reported_speech_and_portfolio (void **state)
{
  (void) state;
  static const char text[] = LOWER_LEAD "the painter said artists needed freedom. the two countries "
                                        "signed a trade deal in may. ' we want a free voice, ' said "
                                        "campaigner mary hughes.\n";
  assert_people (text, (const char *const[]) { "|mary hughes|", NULL },
                 (const char *const[]) { "artists", "|deal|", NULL });
}

/* Lower-cased copy: "‘…,’ camden, a senior, told rtv": the word right
 * after a quotation and before an appositive with a title is a name. */
static void
test_speakers_lower_cased_name_before_an_appositive (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "the stage gave way in the second act. ' when all the performers rushed "
                          "the stage, i saw the floor start to bow, ' camden, a senior, told the "
                          "paper.\n",
               "floor start to bow", "camden");
}

/* Lower-cased copy: "a separate statement" is no body's statement;
 * "separate" is a word that is never a name. */
static void
test_speakers_lower_cased_separate_statement (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "The deal was signed on friday. Amazon released a separate statement "
                          "saying, ' it allows us to grow our business together with the publisher. '\n",
               "grow our business", "Amazon");
}

/* A name goes on over one or two particles ("Ludwig Mies van der Rohe"),
 * also in lower-cased copy ("ghazi al-gosaibi"), after a hyphenated
 * given name ("marie-pierre ripert", "jean-louis raymond") and to a
 * hyphenated surname ("cormac murphy-o'connor"). */
static void
test_speakers_particles_inside_a_name (void **state)
{
  (void) state;
  assert_said ("Architecture\n\nThe building opened in 1929. \"Less is more in every building we "
               "make,\" said the architect Ludwig Mies van der Rohe.\n",
               "Less is more", "Ludwig Mies van der Rohe");
  assert_said (LOWER_LEAD "The row went on. labour minister ghazi al-gosaibi said: ' we are having "
                          "difficulty hiring women for these posts. '\n",
               "hiring women", "ghazi al-gosaibi");
  assert_said (LOWER_LEAD "The row went on. ' we expect the deficit to widen this year, ' said "
                          "economist marie-pierre ripert.\n",
               "deficit to widen", "marie-pierre ripert");
  assert_said (LOWER_LEAD "The mass was held at midnight. ' how can one wish a happy christmas to all "
                          "our friends in the holy land, ' said cardinal cormac murphy-o'connor.\n",
               "happy christmas", "cormac murphy-o'connor");
  assert_said (LOWER_LEAD "The row went on. ' the impact of the no-frills airlines is being felt, ' "
                          "said chairman jean-louis raymond.\n",
               "no-frills", "jean-louis raymond");
}

/* Lower-cased copy: "novelist gore vidal defended": the second word
 * after a title is the name's too when a verb in the past follows it. */
static void
test_speakers_lower_cased_name_before_a_past_verb (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "The critics were divided. But novelist gore vidal defended the film, saying "
                          "it was ' barrier-breaking in every way that matters to me '.\n",
               "barrier-breaking", "gore vidal");
}

/* Lower-cased copy: "a spokesman for distributor toho said", "said an
 * rem spokesman", "a home office spokesman": the body he speaks for;
 * "for the department" stays the department named before. */
static void
test_speakers_lower_cased_spokesman_for_a_body (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "The film opened on friday. A spokesman for distributor toho said the film "
                          "' has received strong interest from audiences at home and abroad '.\n",
               "strong interest", "distributor toho");
  assert_said (LOWER_LEAD "The tour was cut short. Mills could ' hardly stand up, let alone play for "
                          "the fans tonight ', said an rem spokesman.\n",
               "hardly stand up", "rem");
  assert_said (LOWER_LEAD "The row went on. A home office spokesman said: ' the system has been "
                          "tightened since the inquiry began. '\n",
               "system has been", "home office");
  assert_said (LOWER_LEAD "Weatherford police department said the money had been found. A spokesman "
                          "for the department said: ' the loose money is the property of the bank. '\n",
               "loose money", "Weatherford police department");
}

/* Lower-cased copy: "while muse said" needs no determiner, so "muse" is
 * a name ("while the survey said" would need one); and a name does not
 * take in the common verb before it ("the ruling – means google may"). */
static void
test_speakers_lower_cased_bare_subject (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "The awards were handed out. linkin park took the rock prize, while muse said "
                          "their win was ' a real surprise for all of us in the band '.\n",
               "real surprise", "muse");
  static const char text[] = LOWER_LEAD "The ruling – the result of a long inquiry – means google may "
                                        "have to change. But google argues such openness would help "
                                        "rivals. ' we will appeal against this ruling, ' she said.\n";
  assert_people (text, NULL,
                 (const char *const[]) { "means", NULL });
}

/* Lower-cased copy: "Lord hanningfield, leader of the council, told": a
 * title after the comma does not stop the name before it. */
static void
test_speakers_lower_cased_name_before_a_comma_and_title (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "The row went on. Lord hanningfield, leader of the county council, told the "
                          "programme: ' we are going to the high court because we want a judge to "
                          "rule. '\n",
               "high court", "Lord hanningfield");
}

/* Lower-cased copy: after a title or honorific, a verb in the past or an
 * adverb in -ly is no name ("the minister shrugged off", "mr blair
 * directly denied"). */
static void
test_speakers_lower_cased_verb_or_adverb_after_a_title (void **state)
{
  (void) state;
  static const char text[] = LOWER_LEAD "The prime minister shrugged off the claims on monday. Mr "
                                        "blair directly denied the quote. ' of course i trust the "
                                        "chancellor, ' he said.\n";
  assert_people (text, NULL,
                 (const char *const[]) { "shrugged", "directly", NULL });
}

/* "He Jianxiong": a capitalised "He" before a capitalised word no lexicon
 * knows is a family name; and a long sentence after a question may be
 * its attribution when it opens with the name and reports nothing more
 * ("… said at an event"), not when it goes on ("claimed that …"). */
static void
test_speakers_he_as_a_family_name_after_a_question (void **state)
{
  (void) state;
  assert_said ("Trade\n\nTalks stalled on Monday.\n\n\"Without rolling back some of the tariffs, "
               "what is the incentive?\" He Jianxiong, the former executive director for China at "
               "the International Monetary Fund, said at an event in Washington.\n",
               "rolling back", "He Jianxiong");
  assert_said ("Tax\n\nCouncils set their budgets on Monday.\n\n\"Will this mean a massive hike in "
               "council tax?\" Mike German, leader of the Liberal Democrats in the assembly, "
               "claimed that one in three homes would face rises.\n",
               "massive hike", NULL);
}

/* Lower-cased copy: a trade named by its ending is a title ("said
 * planetary geologist rosaly lopes"), and a name in -ly the news hardly
 * uses is no adverb ("rosaly"). */
static void
test_speakers_trade_ending_and_rare_name_in_ly (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "Titan is the second-biggest moon. ' organics are very important for the "
                          "possibility of life on titan, ' said planetary geologist rosaly lopes of "
                          "nasa's jet propulsion laboratory.\n",
               "organics are very", "rosaly lopes");
}

/* Lower-cased copy: two words right after a closing mark and before the
 * verb ("' …, ' simon falic told"), two or three words after "said"
 * before a stop word ("said isabelle kronawitter at hypovereinsbank",
 * "said ray rae marshall of the …"), two words after a title or a body's
 * word ("investment bank merrill lynch said"), and two words
 * before an appositive that says where someone is from ("birgit
 * kuhlhoff, from sal oppenheim investment bank, told") are a name. */
static void
test_speakers_lower_cased_two_word_names (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "The sales fell sharply in the third quarter as costs rose. ' we are "
                          "buying his name, ' simon falic told the news agency.\n",
               "buying his name", "simon falic");
  assert_said (LOWER_LEAD "The sales fell sharply in the third quarter as costs rose. ' the "
                          "deterioration is no surprise, ' said isabelle kronawitter at "
                          "hypovereinsbank.\n",
               "no surprise", "isabelle kronawitter");
  assert_said (LOWER_LEAD "The house was moved in 2002 after a long row. ' the mayor will go down as "
                          "the one who destroyed it, ' said ray rae marshall of the hendrix "
                          "foundation.\n",
               "destroyed it", "ray rae marshall");
  assert_said (LOWER_LEAD "The sales fell sharply in the third quarter as costs rose. ' this is "
                          "a very expensive acquisition, ' birgit kuhlhoff, from sal oppenheim "
                          "investment bank, told reuters.\n",
               "expensive acquisition", "birgit kuhlhoff");
  assert_said (LOWER_LEAD "The sales fell sharply in the third quarter as costs rose. ' we remain "
                          "cautious about the outlook, ' investment bank merrill lynch said.\n",
               "remain cautious", "merrill lynch");
}

/* Lower-cased copy: a given name and the word after it are a name unless
 * that word is one most articles use ("sarah works as a receptionist"). */
static void
test_speakers_lower_cased_given_name_before_a_common_word (void **state)
{
  (void) state;
  char *people = people_of (LOWER_LEAD "Her fans keep growing. Landrovers and lycra: sarah works as a "
                                       "receptionist in miami. ' i love the gym, ' she said.\n");
  if (strstr (people, "works") != NULL)
    fail_msg ("people: %s", people);
  g_free (people);
}

/* Lower-cased copy: a word after a name that hardly any article uses is
 * the name's too ("reporter martina purdy quit"), unless a verb in the
 * past ("shiraz tiptoed out"). */
static void
test_speakers_lower_cased_rare_word_after_a_name (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "Last year, political reporter martina purdy quit her career to become a "
                          "nun. She said: ' i know many people will not understand this decision. '\n",
               "not understand", "martina purdy");
  char *people = people_of (LOWER_LEAD "Nobody was hurt after shiraz tiptoed out of the shop, told "
                                       "them to run and called the police. ' it was loud, ' said "
                                       "shiraz.\n");
  if (strstr (people, "tiptoed") != NULL)
    fail_msg ("people: %s", people);
  g_free (people);
}

/* Lower-cased copy: "the chairman of the bar council, guy mansfield qc
 * warned": the words between a comma after a title's phrase and a verb
 * of saying are a name. */
static void
test_speakers_lower_cased_name_after_an_appositive (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "The bill was debated. The chairman of the bar council, guy mansfield qc "
                          "warned there was ' a real risk that people on the margins would be driven "
                          "away '.\n",
               "real risk", "guy mansfield qc");
}

/* A band's roles are titles: "U2 frontman Bono said" is Bono's, and
 * "Guitarist Brian May" is Brian May, guitarist. */
static void
test_speakers_band_roles_are_titles (void **state)
{
  (void) state;
  assert_said ("Awards\n\nThe band won again. Collecting the award, U2 frontman Bono said in French: "
               "\"I'm not from this country but I'll make a little confession.\"\n",
               "little confession", "Bono");
  assert_said ("Queen\n\nThe tour was announced on Friday. Guitarist Brian May said: \"We were both "
               "so amazed at the chemistry that was going on.\"\n",
               "amazed at the chemistry", "Brian May");
}

/* A word a sentence names or glosses ("meaning “hot”", "dubbed
 * “pioneers”") is no one's quotation, whoever said the sentence; her own
 * word is hers. */
static void
test_speakers_named_or_glossed_word_has_no_speaker (void **state)
{
  (void) state;
  static const char text[] = "Contest\n\nKathy Ferreiro describes herself as a \"mamasota\", meaning "
                             "\"hot\" in Spanish. Dr Bjorn said groups dubbed \"pioneers\" were keenest.\n";
  assert_said (text, "mamasota", "Kathy Ferreiro");
  assert_said (text, "hot", NULL);
  assert_said (text, "pioneers", NULL);
}

/* " & " joins the words of a name ("Jazz & Heritage Foundation", "Marsh &
 * McLennan"); "R&B" stays a word of its own, so "he" is still the singer. */
static void
test_speakers_ampersand_within_a_name (void **state)
{
  (void) state;
  assert_said ("Jazz fest\n\nThe festival began in 1970. \"George and Joyce Wein have done so much "
               "for our culture,\" Demetric Mercadel, president of the Jazz & Heritage Foundation's "
               "board of directors, said in a statement.\n",
               "so much", "Demetric Mercadel");
  assert_said ("Grammys\n\nKanye West won three awards, among them best R&B song. \"I feel the "
               "soul of those old records is in me,\" he said.\n",
               "soul of those", "Kanye West");
}

/* "students head back to class", "the college student spotted the car":
 * in lower-cased copy the word after a title is no name when "the",
 * "to", "his" or "by" follows it, so neither is someone "he" may be. */
static void
test_speakers_lower_cased_verb_after_a_title (void **state)
{
  (void) state;
  static const char text[] = LOWER_LEAD "the college student spotted the car on his way home. the "
                                        "school reopened as students head back to class. ' it has "
                                        "been a long week for all of us, ' said cameron snyder.\n";
  assert_people (text, (const char *const[]) { "|cameron snyder|", NULL },
                 (const char *const[]) { "|spotted|", "|back|", NULL });
}

/* "says Mr Dean", "Mr King said": after Mr or Dr a surname that is also a
 * role is still a name. */
static void
test_speakers_surname_that_is_a_role (void **state)
{
  (void) state;
  assert_said ("Film studios\n\nStudios are moving films online. \"Our data rates are low today,\" says "
               "Mr Dean.\n",
               "data rates", "Dean");
  assert_said ("Cyber crime\n\nPolice spoke on Monday. \"They do not do clever,\" Mr King said.\n",
               "do not do clever", "King");
}

/* "said the festival's executive director, Craig Prater", "said one of
 * their lawyers, Michalis Dimitrakopoulos": the name set off after a role
 * is the speaker, with the role as title; not the last person named. */
static void
test_speakers_name_set_off_after_a_role (void **state)
{
  (void) state;
  static const char text[]
      = "Festival\n\nJohn Walker opened the festival, where Kostas Kenteris sat.\n\n\"When the disaster happened, we "
        "asked if we should cancel,\" said the festival's executive director, Craig Prater.\n\n\"A "
        "decision is expected by March,\" said one of their lawyers, Michalis Dimitrakopoulos. Kenteris "
        "denies it.\n\n"
        "\"It will be a tragedy,\" said the chairman of the committee, Labour MP Barry Sheerman.\n";
  assert_said (text, "disaster happened", "Craig Prater");
  assert_said (text, "expected by March", "Michalis Dimitrakopoulos");
  assert_said (text, "a tragedy", "Barry Sheerman");
  assert_said ("Talks\n\nJohn Walker spoke on Monday. \"It will be fine,\" said the report, which was "
               "leaked.\n",
               "will be fine", "the report");
}

/* "the American said", "said the American", "the youngster said", "the
 * ex-Wallaby said", "the actress said": who the one just named is;
 * "American" and "Wallaby" are no one's name. */
static void
test_speakers_the_american_is_the_one_named (void **state)
{
  (void) state;
  assert_said ("Tennis\n\nLindsay Davenport won on Monday. \"I think it is insulting,\" said the American.\n",
               "insulting", "Lindsay Davenport");
  assert_said ("Tennis\n\nLindsay Davenport won on Monday. Later the American said: \"I think it is "
               "insulting.\"\n",
               "insulting", "Lindsay Davenport");
  assert_said ("Rugby\n\nPerpignan centre Jean-Philippe Granclaude has his first call-up. \"It is "
               "incredible,\" the youngster said.\n",
               "incredible", "Jean-Philippe Granclaude");
  assert_said ("Rugby\n\nMichael Lynagh was watching. And the ex-Wallaby said: \"England would be in "
               "turmoil.\"\n",
               "in turmoil", "Michael Lynagh");
  assert_said ("Rugby\n\nMichael Lynagh was watching. \"England would be in turmoil,\" said the ex-Wallaby.\n",
               "in turmoil", "Michael Lynagh");
  /* a role named once, singular however it ends */
  assert_said ("Films\n\nGwyneth Paltrow spoke on Monday about her films.\n\n\"He was not in a good place in "
               "his life to have a girlfriend,\" the actress said of their time together.\n",
               "good place", "Gwyneth Paltrow");
}

/* "In his New Year message the party leader said": a holiday is nobody. */
static void
test_speakers_new_year_is_nobody (void **state)
{
  (void) state;
  assert_said ("Politics\n\nVoters will have a clear choice, said Charles Kennedy.\n\nIn his New Year message "
               "the Liberal Democrat leader said Labour relied on \"populist scares\".\n",
               "populist scares", "Charles Kennedy");
}

/* "X said in a statement, “…” at the release, adding that Y's family had
 * asked …": what follows "that" is reported, so X keeps the quotation. */
static void
test_speakers_no_attribution_after_that (void **state)
{
  (void) state;
  assert_said ("Hostages\n\nTimothy Weeks was freed on Tuesday. Prime Minister Scott Morrison said in a "
               "statement, \"We are profoundly pleased and relieved\" at the release, adding that Weeks' "
               "family had asked to convey its relief.\n",
               "profoundly pleased", "Scott Morrison");
}

/* "Said Wales assistant coach Scott Johnson: “…”": the verb before the
 * speaker and the colon. */
static void
test_speakers_verb_first_before_a_colon (void **state)
{
  (void) state;
  assert_said ("Rugby\n\nCentre Sonny Parker is set to recover. Said Wales assistant coach Scott Johnson: "
               "\"They have worked through the weekend.\"\n",
               "worked through", "Scott Johnson");
}

/* "said Ken Doctor", "Larry King said": a role word after a given name is
 * a surname. */
static void
test_speakers_role_word_after_a_given_name (void **state)
{
  (void) state;
  assert_said ("News\n\nThe news business is hard. \"There has not been a single year of gain,\" said Ken "
               "Doctor, a media analyst.\n",
               "single year", "Ken Doctor");
}

/* "said Mr Mukerjee" once "Pranab Mukherjee": a surname misspelt by a
 * letter is the one named in full; two such people, and it is neither. */
static void
test_speakers_misspelt_surname (void **state)
{
  (void) state;
  assert_said ("Trade\n\nFinance minister Pranab Mukherjee visited London. \"There is tremendous scope,\" said "
               "Mr Mukerjee.\n",
               "tremendous scope", "Pranab Mukherjee");
  assert_said ("Tennis\n\nLindsay Davenport won on Monday. \"You hear a lot about it,\" said Daveport.\n",
               "hear a lot", "Lindsay Davenport");
  assert_said ("Tennis\n\nLindsay Davenport beat Anna Daveports on Monday. \"You hear a lot about it,\" said "
               "Daveport.\n",
               "hear a lot", "Daveport");
}

/* "Granclaude is delighted …. “…,” he said": a name before "is", "was",
 * "has" is its clause's subject, more likely "he" than the last speaker;
 * not after "that" ("confirm that Weir is on his way"). */
static void
test_speakers_he_is_the_subject_before_is (void **state)
{
  (void) state;
  assert_said ("Rugby\n\nCoach Bernard Laporte named his squad. \"We are never good enough,\" said Laporte. He "
               "added: \"We will try.\" Meanwhile, Perpignan centre Jean-Philippe Granclaude is delighted with "
               "his first call-up. \"It is incredible,\" he said.\n",
               "incredible", "Jean-Philippe Granclaude");
  assert_said ("Football\n\nLarne's star Robbie Weir is poised to join Sunderland. But Larne boss Jimmy McGeough "
               "has yet to confirm that Weir is on his way. \"I heard on Sunday that he has joined,\" he said.\n",
               "heard on Sunday", "Jimmy McGeough");
}

/* "But the Home Office defended the measures. A spokesman said: “…”": the
 * body the sentence before opens with; nobody when it opens with a person
 * or with a plain word capitalised only to open it. */
static void
test_speakers_a_spokesman_for_the_body_before (void **state)
{
  (void) state;
  assert_said ("Detention\n\nCampaigners criticised the law. But the Home Office defended the measures. A "
               "spokesman said: \"These men cannot be prosecuted.\"\n",
               "cannot be prosecuted", "Home Office");
  assert_said ("Hunting\n\nHunts will test the law. The Association of Chief Police Officers has issued "
               "guidance. A spokesman said: \"It is not going to be easy.\"\n",
               "not going to be easy", "Association of Chief Police Officers");
  assert_said ("Election\n\nReports that Tony Blair plans a snap election were denied. A spokesman said: "
               "\"That is idle speculation.\"\n",
               "idle speculation", NULL);
}

/* "The minister said" once "Justice Minister Cathy Jamieson": a portfolio
 * before the role keeps it the same role ("Deputy Mayor" does not); "The
 * prop said": a player's position is a role too. */
static void
test_speakers_the_minister_and_the_prop (void **state)
{
  (void) state;
  assert_said ("Prisons\n\nJustice Minister Cathy Jamieson has decided to merge the services. Ministers agreed. "
               "A board will advise Ms Jamieson. The minister said: \"Joint working will help prisons.\"\n",
               "Joint working", "Cathy Jamieson");
  assert_said ("Rugby\n\nAdam Jones says the Wales forwards are determined to dominate in Paris.\n\nThe prop "
               "said: \"If we get stuffed up front our backs have no chance.\"\n",
               "stuffed up front", "Adam Jones");
}

/* "Dr Erel Avineri, of the Centre for … in Bristol said: “…”": the place
 * ends an apposition to the name the sentence opens with. */
static void
test_speakers_opening_name_before_an_apposition (void **state)
{
  (void) state;
  assert_said ("Transport\n\nDesign matters. Dr Erel Avineri, of the Centre for Transport and Society at the "
               "University of the West of England in Bristol said: \"The design does not suit the elderly.\"\n",
               "does not suit", "Erel Avineri");
}

/* "added the Uruguayan-born researcher", "a London-based analyst said": a
 * place glued to "born" or "based" is no one's name. */
static void
test_speakers_born_and_based_are_no_names (void **state)
{
  (void) state;
  assert_said ("Games\n\nGames can teach. \"I was the first person to be surprised,\" added the "
               "Uruguayan-born researcher.\n",
               "first person", NULL);
  assert_said ("Markets\n\nShares fell. \"It is a bad day,\" said a London-based analyst.\n", "bad day", NULL);
}

/* "Unfortunately Paul, 41, lost his father": a long word in -ly opening a
 * sentence is no given name; nor, in lower-cased copy, is a verb in the
 * past after one ("laura and paul ran the first half"). */
static void
test_speakers_adverb_and_past_verb_are_no_names (void **state)
{
  (void) state;
  char *people = people_of ("Marathon\n\nFitness fans Paul and Laura Elliott married at the marathon. "
                            "Unfortunately Paul, 41, lost his father to cancer. Speaking on Sunday, "
                            "Laura said: \"It has been an incredible day.\"\n");
  if (strstr (people, "Unfortunately") != NULL)
    fail_msg ("people: %s", people);
  g_free (people);
  people = people_of (LOWER_LEAD "Her fans keep growing. Later laura and paul ran the first half of the "
                                 "marathon. ' i love the race, ' she said.\n");
  if (strstr (people, "ran") != NULL)
    fail_msg ("people: %s", people);
  g_free (people);
}

/* "the crown prosecution service (cps) … a cps spokesman said": an
 * acronym is the body it was spelt out for in brackets, in lower-cased
 * copy too; not a body whose name only ends the same ("China Central
 * Television" for "… Film and Television (SARFT)"). */
static void
test_speakers_acronym_spelt_out_in_brackets (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "the case will go on, according to the crown prosecution service (cps). A cps "
                          "spokesman said: ' the ministry of justice has confirmed the decision. '\n",
               "ministry of justice", "crown prosecution service");
  assert_said ("Television\n\nChina Central Television will launch a channel. The State Administration of Radio, "
               "Film and Television (SARFT) regulates broadcasting. The SARFT said: \"There is a strong "
               "ideological side.\"\n",
               "ideological", "SARFT");
}

/* "And Agassi, who was matched for power, said Melzer was an example.
 * “…,” said the American": a name after "said" is no subject for him. */
static void
test_speakers_name_after_said_is_no_subject (void **state)
{
  (void) state;
  assert_said ("Tennis\n\nAndy Roddick rallied to beat Thomas Enqvist. Jurgen Melzer has now beaten Andre Agassi "
               "in two of their three meetings.\n\n\"I had a good game plan and I executed it perfectly,\" he "
               "said. \"It is always tough to come out to play Andre.\" And Agassi, who was more than matched for "
               "power by his opponent, said Melzer was an example of several players on the tour. \"A lot more "
               "guys are capable of it now,\" said the American.\n",
               "capable of it", "Andre Agassi");
}

/* "McCarthy …, going so far as to call Suh's play “ridiculous.”": a short
 * quotation a few words after "call", "described", "branded" is the
 * sentence subject's word, not a scare quote; with no subject, or no such
 * verb, it stays one. */
static void
test_speakers_short_quote_after_call (void **state)
{
  (void) state;
  assert_said ("Football\n\nGreen Bay coach Mike McCarthy was much less diplomatic, going so far as to call "
               "Suh's play \"ridiculous.\" \"There is no place for that,\" McCarthy said.\n",
               "ridiculous", "Mike McCarthy");
  static const char text[] = "Football\n\nGreen Bay coach Mike McCarthy watched the \"Lambeau leap\" again.\n";
  abridge_document *doc = abridge_document_new (text, strlen (text), "Test article", NULL);
  assert_non_null (doc);
  assert_int_equal (abridge_document_quote_count (doc), 1);
  assert_null (abridge_document_quote_speaker (doc, 0, NULL));
  abridge_document_free (doc);
}

/* "Paul and Laura Elliott … Paul added": the given name before "and"
 * shares the surname after it, in lower-cased copy too. */
static void
test_speakers_given_name_shares_the_surname (void **state)
{
  (void) state;
  assert_said ("Marathon\n\nFitness fans Paul and Laura Elliott married at the marathon on Sunday. Later Paul "
               "added: \"It has been such an emotional day.\"\n",
               "emotional day", "Paul Elliott");
  assert_said (LOWER_LEAD "fitness fans paul and laura elliott married at the marathon on sunday. Paul added: ' "
                          "it has been such an emotional day. '\n",
               "emotional day", "paul elliott");
}

/* "An All England club spokesperson denied it, insisting: “…” The
 * statement added: “…”": "All" opens the body's name, and the statement
 * is the last quotation's speaker's. */
static void
test_speakers_the_statement_added (void **state)
{
  (void) state;
  static const char text[]
      = "Tennis\n\nLindsay Davenport criticised Wimbledon. An All England club spokesperson denied Phillips made "
        "the remark, insisting: \"He definitely did not say it.\" The statement added: \"It was said by someone "
        "else.\"\n";
  assert_said (text, "did not say it", "All England");
  assert_said (text, "someone else", "All England");
}

/* "chairman Chung Mong-koo", "said Yoo Ji-chang": the lower-case syllable
 * hyphened to a given name is part of it. */
static void
test_speakers_hyphened_given_names (void **state)
{
  (void) state;
  assert_said ("Cars\n\nKia is expanding. \"We need to expand our production,\" chairman Chung Mong-koo said.\n",
               "expand our production", "Chung Mong-koo");
  assert_said ("Cards\n\nCreditors met. \"Creditors would seek sanctions,\" said Yoo Ji-chang, governor of the "
               "bank.\n",
               "seek sanctions", "Yoo Ji-chang");
}

/* "“…,” King said" once "Jason King": a surname that is a role word, right
 * before a verb of saying or alone after one ("says King, 30"); not "the
 * King said". "Mike Friday": a weekday after a given name is a surname. */
static void
test_speakers_role_surname_before_said (void **state)
{
  (void) state;
  assert_said ("Radio\n\nThe DJ is Jason King. \"We are a double act,\" King said.\n", "double act", "Jason King");
  assert_said ("Radio\n\nThe DJ is Jason King. \"We are a double act,\" says King, 30.\n", "double act",
               "Jason King");
  /* a weekday after a given name too */
  assert_said ("Sevens\n\nEngland beat Samoa on Sunday. \"England have the ability to win this World Cup,\" said "
               "England sevens coach Mike Friday.\n",
               "ability to win", "Mike Friday");
  assert_said ("Palace\n\nThe DJ is Jason King. \"We are a nation at peace,\" the King said.\n", "nation at peace",
               NULL);
}

/* "Mr Blair's official spokesman said", "Mr Tanzi's statement said": the
 * one whose spokesman or statement it is, by his full name; with nobody
 * named in full so, no one. */
static void
test_speakers_whose_spokesman (void **state)
{
  (void) state;
  assert_said ("Politics\n\nTony Blair met the press. Mr Blair's official spokesman said: \"The prime minister "
               "meets them both.\"\n",
               "meets them both", "Tony Blair");
  assert_said ("Politics\n\nThe press met. Mr Blair's official spokesman said: \"The prime minister meets them "
               "both.\"\n",
               "meets them both", NULL);
  assert_said ("Parmalat\n\nCalisto Tanzi was arrested in 2003. \"I apologise to all who have suffered so much "
               "damage,\" Mr Tanzi's statement said.\n",
               "I apologise", "Calisto Tanzi");
}

/* "Brent Bozell, PTC president and conservative activist said: “…”": the
 * comma closing the apposition left out, the name before it speaks. */
static void
test_speakers_apposition_left_open (void **state)
{
  (void) state;
  assert_said ("Television\n\nThe council watched the channel for a week. Brent Bozell, PTC president and "
               "conservative activist said: \"The channel is selling raunch to kids.\"\n",
               "selling raunch", "Brent Bozell");
}

/* "… ignoring a recent Law Lords judgement, he said": a name after "a"
 * qualifies the noun after it and is no "he". */
static void
test_speakers_a_name_after_a_is_no_he (void **state)
{
  (void) state;
  assert_said ("Politics\n\nLiberal Democrat leader Charles Kennedy spoke on Monday. The government was ignoring "
               "a recent Law Lords judgement on detention, he said. \"An overmighty state is a dangerous one,\" "
               "he said.\n",
               "overmighty", "Charles Kennedy");
}

/* "said a report from Kotak Institutional Equities", "according to a 2018
 * survey by Penelope Muse Abernathy": the report's author speaks. */
static void
test_speakers_a_report_by_someone (void **state)
{
  (void) state;
  assert_said ("Markets\n\nMarkets rose. \"The market is factoring in a recovery,\" said a report from Kotak "
               "Institutional Equities.\n",
               "factoring in", "Kotak Institutional Equities");
  assert_said ("News\n\nGateHouse cut jobs. According to a 2018 survey by Penelope Muse Abernathy of the University "
               "of North Carolina, the firm tends to \"consolidate copy editing and page design\" at a centre.\n",
               "copy editing", "Penelope Muse Abernathy");
}

/* "He destroyed South Africa's Os du Randt …. “…,” he said": a name after
 * a "he" that opens its sentence is no subject, and "Os" before the
 * particle "du" is no subject either. */
static void
test_speakers_he_before_a_name_in_a_sentence (void **state)
{
  (void) state;
  assert_said ("Rugby\n\nEngland prop Julian White has been in form. He destroyed South Africa's Os du Randt in the "
               "scrum at Twickenham last autumn. Leicester, who signed White from Bristol, have been aided by "
               "White's presence. The Tigers are top of the table. \"I am pleased with my form,\" he said.\n",
               "pleased with my form", "Julian White");
}

/* "Mr Hirsch from Retail Banking Research said": the subject of a verb of
 * saying over the body he is of, so the "he" that follows is his, not
 * the last speaker's. */
static void
test_speakers_name_of_a_body_then_said (void **state)
{
  (void) state;
  assert_said ("Cash machines\n\nTodd Thiemann, spokesman for Trend Micro, said the risk was real. \"Banks "
               "need to consider protection as part of the investment,\" Mr Thiemann told reporters.\n\n"
               "But Mr Hirsch from Retail Banking Research said the number of machines at risk was low.\n\n"
               "Currently, he said, a machine lasts up to ten years. \"Windows cash machines have been "
               "around for several years,\" he said.\n",
               "around for several years", "Hirsch");
}

/* A name a preposition governs ("editor at Mac Format magazine") is no
 * subject, so no likelier "he" than the one who just spoke. */
static void
test_speakers_he_is_not_a_prepositions_object (void **state)
{
  (void) state;
  assert_said ("Small computer\n\n\"It's a good little machine with a reasonable amount of power,\" said "
               "Mark Sparrow, technical and reviews editor at Mac Format magazine. He added: \"In essence, "
               "it's a laptop in a biscuit tin, minus the screen.\"\n",
               "biscuit tin", "Mark Sparrow");
}

/* "He believes Yahoo failed …": with he its subject, a name further on
 * in the sentence is no subject of it. ("Yahoo Messenger" makes Yahoo a
 * person's name; the full stop left out after "he said" is the
 * article's.) */
static void
test_speakers_name_after_he_is_no_subject (void **state)
{
  (void) state;
  assert_said ("Web veteran\n\nFor analyst Olivier Beauvillain, the initial decision of Yahoo to put its "
               "investment on hold was an error. \"They made a big mistake in outsourcing search to "
               "Google,\" he said \"They thought Google would just be a technology provider,\" he added. He "
               "believes Yahoo failed to see how crucial search would become to internet users. \"It is "
               "interesting that it has refocused on search,\" he said.\n\nSearch will be a key focus as "
               "will making Yahoo Messenger available on mobiles, he says.\n",
               "refocused on search", "Olivier Beauvillain");
}

/* "“…,” she shared": a verb of saying of web copy. */
static void
test_speakers_she_shared (void **state)
{
  (void) state;
  assert_said ("Interview\n\nGwyneth Paltrow was on the radio show on Monday. \"Was it serious?\" Howard Stern "
               "asked.\n\n\"I was such a kid,\" she shared. \"I was 22 when we met.\"\n",
               "such a kid", "Gwyneth Paltrow");
}

/* "The company said:" after "Valve said …": the body named last, as
 * "it" would be; but not "the firm" a speaker is of ("X, president …
 * at the firm says", whose apposition is left unread: no speaker). */
static void
test_speakers_the_company_is_the_body_named (void **state)
{
  (void) state;
  assert_said ("Piracy\n\nIn its statement Valve also said that rumours of fake keys were false. The company "
               "said: \"The hack came from the community as do they all.\"\n",
               "The hack came", "Valve");
  assert_said ("Piracy\n\nDVDs will be harder to copy thanks to measures devised by copy protection firm "
               "Macrovision. Macrovision says its new RipGuard technology will thwart most ripping programs. "
               "\"RipGuard is designed to reduce DVD ripping and the resulting supply,\" said the firm.\n",
               "RipGuard is designed", "Macrovision");
  assert_said ("Networks\n\nCingular Wireless uses equipment from Siemens and Ericsson.\n\nSiemens' plans for a "
               "faster network may be more than a user needs, but Christoph Caselitz, president of the "
               "networks division at the firm says that: \"By the time the next generation debuts, the need "
               "will rise.\"\n",
               "next generation debuts", NULL);
}

/* A body's name holds "of", "for" and "and": "the Bank of England",
 * "Association of Payment and Clearing Services", "Royal Society for the
 * Protection of Birds", "Department for Transport", before or after the
 * verb; a person of the body is still the person. */
static void
test_speakers_body_names_hold_of_and_for (void **state)
{
  (void) state;
  assert_said ("Rates\n\nRates were held on Thursday. \"Inflation is close to its target,\" said the Bank of "
               "England.\n",
               "close to its target", "Bank of England");
  assert_said ("Cash machines\n\nThe risk is small. The Association of Payment and Clearing Services said: "
               "\"There is no concern about viruses.\"\n",
               "no concern", "Association of Payment and Clearing Services");
  assert_said ("Birds\n\nThe count ended on Sunday. \"Sparrows are in decline again,\" said the Royal Society for "
               "the Protection of Birds.\n",
               "Sparrows", "Royal Society for the Protection of Birds");
  assert_said ("Rates\n\nRates were held on Thursday. John Smith of the Bank of England said: \"Inflation is "
               "close to its target.\"\n",
               "close to its target", "John Smith");
  /* a role word after "of" or "for" names what the body deals with */
  assert_said ("Rail\n\nPlans were announced on Monday. \"We are going to introduce a hybrid Bill,\" said the "
               "Department for Transport.\n",
               "hybrid Bill", "Department for Transport");
  assert_said ("Rail\n\nPlans were announced on Monday. The Secretary of State for Health, Patricia Hewitt, said: "
               "\"We are going to introduce a hybrid Bill.\"\n",
               "hybrid Bill", "Patricia Hewitt");
}

/* "said chairman and chief executive officer Bill Ford", "said Treasury
 * Under Secretary John Taylor": roles joined by "and" or a capitalised
 * "Under" before the name after the verb. */
static void
test_speakers_two_roles_before_the_name (void **state)
{
  (void) state;
  assert_said ("Ford\n\nFord sold more cars. \"In 2004, our company gained momentum,\" said chairman and chief "
               "executive officer Bill Ford.\n",
               "gained momentum", "Bill Ford");
  assert_said ("Gold\n\nThe US said it is looking at other ways. \"The US is not convinced that is the way to do "
               "it,\" said Treasury Under Secretary John Taylor.\n",
               "not convinced", "John Taylor");
}

/* "Mr Trump has since said that …", "Early still says …": an adverb
 * between the subject and its verb of saying. */
static void
test_speakers_since_and_still_before_the_verb (void **state)
{
  (void) state;
  assert_said ("Trade\n\nPresident Donald Trump spoke on Monday. Mr Trump has since said that a deal "
               "would be signed in \"farm country\", but China has not agreed.\n",
               "farm country", "Donald Trump");
  assert_said ("Games\n\nChris Early runs partnerships at Ubisoft. Early still says Ubisoft are \"believers\" "
               "in game streaming.\n",
               "believers", "Chris Early");
}

/* "“…,” said one trader": "one" and "another" open the phrase after the
 * verb as "a" does. */
static void
test_speakers_said_one_trader (void **state)
{
  (void) state;
  assert_said ("Beirut\n\nShares fell on Friday. \"Prices should be above $10 but because of this disaster "
               "they are falling,\" said one trader.\n",
               "this disaster", "one trader");
  assert_said ("Downloads\n\nBands are worried. \"Free downloading has killed opportunities for new bands,\" "
               "said another musician.\n",
               "killed opportunities", "another musician");
}

/* "A Bayern spokesman said …. “…,” the spokesman said.": the spokesman
 * of the sentence before, as "he said" would be; the body speaks. */
static void
test_speakers_the_spokesman_is_the_one_before (void **state)
{
  (void) state;
  assert_said ("Munich\n\nThe German club said the player had pulled out. A Bayern spokesman said on Monday "
               "that the decision had been motivated only by his physical condition. \"He's got back pain and "
               "he couldn't train,\" the spokesman said.\n",
               "back pain", "Bayern");
  /* a spokeswoman before is no "the spokesman" */
  assert_said ("Munich\n\nThe German club said the player had pulled out. A Bayern spokeswoman said on Monday "
               "that the decision had been motivated only by his physical condition. \"He's got back pain and "
               "he couldn't train,\" the spokesman said.\n",
               "back pain", NULL);
}

/* "Mr Blair on Sunday said", "John Smith last week said": a time phrase
 * between the subject and its verb. */
static void
test_speakers_time_phrase_before_the_verb (void **state)
{
  (void) state;
  assert_said ("Visas\n\nPrime Minister Tony Blair spoke in London. Mr Blair on Sunday said immigration would be "
               "\"toughened up\" to ensure only skilled workers come.\n",
               "toughened up", "Tony Blair");
  assert_said ("Banks\n\nThe bank cut rates. Chief economist John Smith last week said growth would be \"weaker "
               "than we had hoped for this year\" in Europe.\n",
               "weaker than", "John Smith");
}

/* "But Redford knows this …. “…”": a conjunction opening the sentence
 * before stands ahead of its subject. */
static void
test_speakers_but_before_the_subject (void **state)
{
  (void) state;
  assert_said ("Sundance\n\nRobert Redford founded the festival. But Redford knows this and started a TV channel "
               "to reach a wider audience. \"When you look at the films here, what we are presenting is very much "
               "egalitarian.\"\n",
               "egalitarian", "Robert Redford");
  assert_said ("City\n\nRichard Dunne was sent home last year. But Dunne is keen to put that behind him and said: "
               "\"I've grown up a lot and the manager sees me as one of the most experienced players.\"\n",
               "grown up", "Richard Dunne");
}

/* Lower-cased "the general election", "senior shadow cabinet members": a
 * role word that qualifies another names no one; "general john abizaid"
 * still does. */
static void
test_speakers_lower_cased_role_that_qualifies (void **state)
{
  (void) state;
  static const char text[] = LOWER_LEAD "the general election is due in may. senior shadow cabinet members "
                                        "met on monday. general john abizaid was there too. ' it will be a "
                                        "close race, ' said charles kennedy.\n";
  assert_people (text, (const char *const[]) { "|charles kennedy|", "|john abizaid|", NULL },
                 (const char *const[]) { "|election|", "|shadow|", NULL });
}

/* Lower-cased "mr kelly said:": a name in -ly is no adverb between a
 * subject and its verb. */
static void
test_speakers_lower_cased_name_in_ly (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "his lawyer tony kelly spoke on monday. Mr kelly said: ' there are hundreds of people "
               "still waiting for news. '\n",
               "hundreds of people", "tony kelly");
}

/* Lower-cased "In response, ieuan wyn jones, leader of …, said:": the
 * name set off by commas after an opening phrase, before an appositive
 * with a role. */
static void
test_speakers_lower_cased_name_after_an_opening_phrase (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "In response, ieuan wyn jones, leader of the plaid cymru group in the assembly, said: "
               "' it is apparent that this reshuffle was wrong. '\n",
               "reshuffle", "ieuan wyn jones");
}

/* Lower-cased "howard archer, economist at global insight said": where
 * the role is held is a body's name, so the name before it speaks. */
static void
test_speakers_lower_cased_body_where_a_role_is_held (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "Howard archer, economist at global insight said the bank ' may well consider that the "
               "balance of risks has moved '.\n",
               "balance of risks", "Howard archer");
}

/* Lower-cased "lord faulkner of worcester, who chaired the inquiry,
 * said": the name before where he is of. */
static void
test_speakers_lower_cased_name_of_a_place (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "the report was published on monday. Lord faulkner of worcester, who chaired the inquiry, "
               "said: ' whilst we accept that most betting is honest, we still worry. '\n",
               "most betting", "Lord faulkner");
}

/* "with Charles Kennedy claiming voters had a “…”": the -ing forms of
 * verbs of saying are cues too. */
static void
test_speakers_ing_forms_of_saying (void **state)
{
  (void) state;
  assert_said ("Trust\n\nThe parties spoke on Tuesday. The Lib Dems are keen to highlight the issue, with Charles "
               "Kennedy claiming voters had a \"fundamental lack of trust in the prime minister\".\n",
               "lack of trust", "Charles Kennedy");
}

/* Lower-cased "where he met his girlfriend eve netherwood. … Eve, 28,
 * said:": a relative is named after the word that says how. */
static void
test_speakers_lower_cased_relative_named (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "He worked as a teaching assistant in goole, where he met his girlfriend eve netherwood. "
               "He died five days later. Eve, 28, said: ' phil was simply amazing and a wonderful man. '\n",
               "simply amazing", "eve netherwood");
}

/* Lower-cased ", nasr bitar parked his car": words the news hardly uses,
 * opening its clause before a verb in the past, is a name, so the "he"
 * after it finds him. */
static void
test_speakers_lower_cased_rare_subject (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "The student spotted the car on his way home. Having worked out its route, nasr bitar parked "
               "his car and waited. He told the website: ' i was driving home when i saw the car. '\n",
               "driving home", "nasr bitar");
}

/* Lower-cased "…to the best female prize, joss stone said:": two words
 * most articles do not use, after a comma and before a verb of saying,
 * are a name. */
static void
test_speakers_lower_cased_name_after_a_comma (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "After beating four rivals to the best female prize, joss stone said: ' i don't know "
               "what to say on a night like this. '\n",
               "what to say", "joss stone");
}

/* Lower-cased copy: a full stop inside the closing mark ends the
 * quotation's sentence though the next word is lower-case, so the verb
 * after it is the next quotation's; "…. ' he added" still attributes it. */
static void
test_speakers_lower_cased_full_stop_ends_the_quote (void **state)
{
  (void) state;
  const char *text = LOWER_LEAD "jean pierre valensi, the prosecutor of the town, said the driver was "
                     "arrested hours later and ' admitted his part in the crash. ' police evidence "
                     "collected at the scene revealed ' a great deal of speed ', said mr valensi. "
                     "His lawyer, mr jones, spoke later. ' we are all shocked. ' he added.\n";
  assert_said (text, "admitted his part", "jean pierre valensi");
  assert_said (text, "all shocked", "jones");
}

/* Lower-cased copy: a verb's -ing form before a name is no given name
 * (", pushing chloe into his car"). */
static void
test_speakers_lower_cased_ing_form_before_a_name (void **state)
{
  (void) state;
  static const char *const lack[] = { "pushing", NULL };
  static const char *const have[] = { "chloe", NULL };
  assert_people (LOWER_LEAD "a neighbour saw the man, described as bald and wearing sunglasses, pushing "
                            "chloe into his car. the girl's teacher, chloe said, ' was the kindest person "
                            "she knew. '\n",
                 have, lack);
}

/* "…," reports Janet Levaux: "reports" right after a quotation is a verb
 * of saying before its subject. */
static void
test_speakers_reports_after_the_quote (void **state)
{
  (void) state;
  assert_said ("Oil outlook\n\nA recent survey sees Brent sliding to $50 a barrel, and Goldman Sachs "
               "analysts \"see further declines in prices for oil and for other commodities in 2015,\" "
               "reports Janet Levaux.\n",
               "further declines", "Janet Levaux");
}

/* Lower-cased copy: after "sister rachel" a word most articles use is
 * her verb, not her surname ("rachel makes an appeal"). */
static void
test_speakers_lower_cased_common_word_after_a_relative (void **state)
{
  (void) state;
  static const char *const have[] = { "|rachel|", NULL };
  static const char *const lack[] = { "makes", NULL };
  const char *text = LOWER_LEAD "five years on, his sister rachel makes an emotional appeal on television. "
                     "' i'd just like to say to him that we love him and want him home, ' she said.\n";
  assert_people (text, have, lack);
  assert_said (text, "want him home", "rachel");
}

/* Lower-cased copy: "said moscow-based us lawyer jamie firestone" names
 * the one the title heads, whatever words qualify the title. */
static void
test_speakers_lower_cased_words_before_a_title_after_said (void **state)
{
  (void) state;
  const char *text = LOWER_LEAD "legal experts said the purchase would include such obligations. ' the "
                     "pledged assets are with the bank, so it will have to pay, ' said moscow-based us "
                     "lawyer jamie firestone, who is not connected to the case. ' this is an excellent "
                     "move, ' said marquis investment research analyst phil kain.\n";
  assert_said (text, "pledged assets", "jamie firestone");
  assert_said (text, "excellent move", "phil kain");
}

/* Lower-cased copy: so do the words before a listed given name after the
 * verb ("said awards pundit tom o'neil"). */
static void
test_speakers_lower_cased_words_before_a_given_name_after_said (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "the film has eleven nominations and is the favourite to win. ' if you look at "
                          "the race, the aviator should win, ' said awards pundit tom o'neil.\n",
               "aviator should win", "tom o'neil");
}

/* Lower-cased copy: "the international monetary fund (imf)" makes "imf"
 * the body's name, so "the imf said" and the "it" after it are the fund. */
static void
test_speakers_lower_cased_acronym_spelt_in_brackets (void **state)
{
  (void) state;
  const char *text = LOWER_LEAD "the international monetary fund (imf) put the physical damage at $1.3bn. "
                     "' the broader macroeconomic impact will clearly be large, ' the imf said. growth "
                     "is expected to suffer. ' the outlook remains uncertain, ' it added.\n";
  assert_said (text, "broader macroeconomic", "international monetary fund");
  assert_said (text, "outlook remains", "international monetary fund");
}

/* Lower-cased copy: "a spokesman said" after a sentence that opens with a
 * body ("the home office defended …", "the association of chief police
 * officers has issued …") speaks for that body, as capitals would show. */
static void
test_speakers_lower_cased_spokesman_of_the_body_before (void **state)
{
  (void) state;
  const char *text = LOWER_LEAD "campaigners called on the government to free the men. But the home office "
                     "defended the measures. A spokesman said: ' these individuals cannot currently be "
                     "prosecuted. ' The association of chief police officers has issued guidance to forces. "
                     "A spokeswoman said: ' it will be for local forces to decide. '\n";
  assert_said (text, "cannot currently", "home office");
  assert_said (text, "local forces", "association of chief police officers");
}

/* Lower-cased copy: an honorific that opens the next sentence ("… says mr
 * smith. Mr blair told …") does not make "smith" a title's modifier. */
static void
test_speakers_lower_cased_name_before_the_next_sentence (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "the hospice has been planned for years and many people in the town have given "
                          "money to it. ' i was proud of it, ' says mr smith. Mr blair told us he agreed.\n",
               "proud of it", "smith");
}

/* Lower-cased copy: "mr blair's official spokesman said" speaks for Tony
 * Blair; the role after "blair's" is his spokesman's, not a title that
 * "blair" qualifies. */
static void
test_speakers_lower_cased_honorific_and_possessive (void **state)
{
  (void) state;
  assert_said (LOWER_LEAD "the hospice has been planned for years and many people in the town have given "
                          "money to it. tony blair met the families on wednesday. Mr blair's official "
                          "spokesman said no-one would ' ever forget the strength of feeling '.\n",
               "strength of feeling", "tony blair");
}

/* Given names beyond the commonest ("imogen", "declan"): in lower-cased
 * copy a listed given name and the word after it are a name, and her
 * "she" finds her. */
static void
test_speakers_lower_cased_less_common_given_names (void **state)
{
  (void) state;
  const char *text = LOWER_LEAD "also on the list is imogen tallis, from leighton buzzard, who has run the "
                     "shop for ten years. when asked about the closure, she said: ' it is the end of an "
                     "era for all of us, ' and left. her landlord declan hughes was less upset. ' we will "
                     "let it again soon, ' he said.\n";
  assert_said (text, "end of an era", "imogen tallis");
  assert_said (text, "let it again", "declan hughes");
}

/* The present tense of the verbs of saying whose past is one: "an officer
 * shouts", "she replies". */
static void
test_speakers_present_tense_cues (void **state)
{
  (void) state;
  const char *text = "Raid\n\nOfficers raced up the staircase and banged on the door of the room.\n\n"
                     "\"Police! Open the door! We're coming in!\" an officer shouts.\n\nAsked whether she "
                     "would stand again, Ms Jones smiled. \"Not this time,\" she replies.\n";
  assert_said (text, "Open the door", "an officer");
  assert_said (text, "Not this time", "Jones");
}

/* "X said it was “…” and said …": the second verb's subject is the
 * sentence's; the words after it are what was said. */
static void
test_speakers_and_said_after_a_quote (void **state)
{
  (void) state;
  const char *text = "Aid plan\n\nThe chancellor has called for a new plan for the developing world. "
                     "Gordon Brown said the plan was \"winning support every day\" and said a programme "
                     "had been agreed to draw up more details.\n";
  assert_said (text, "winning support", "Gordon Brown");
}

/* "Mike Lake", "Sarah Hall": a listed given name makes a person of a
 * name whose last word names places or bodies, so "he" can be him. */
static void
test_speakers_given_name_before_a_place_word (void **state)
{
  (void) state;
  const char *text = "Court fight\n\nThe firm will return to a US court on Wednesday. \"We believe the "
                     "auction was illegal,\" spokesman Mike Lake told reporters. \"If it exports that oil, "
                     "it will be marketing a stolen product,\" he added.\n";
  assert_said (text, "stolen product", "Mike Lake");
}

/* "one parent from the audience told", "a grandmother said": someone
 * unnamed, with where she is from; kin and the like are persons. */
static void
test_speakers_someone_from_the_place (void **state)
{
  (void) state;
  const char *text = "Stage collapse\n\nThe stage fell during the finale of the school musical. \"All of "
                     "a sudden, everyone was gone,\" one parent from the audience told a local station. "
                     "Rescuers pulled students out of the hole.\n\n\"I could not find my grandson for an "
                     "hour,\" a grandmother said.\n";
  assert_said (text, "everyone was gone", "one parent from the audience");
  assert_said (text, "my grandson", "a grandmother");
}

/* "the Home Office", "the Justice Department": a portfolio word opens a
 * body's name, so "the spokesman" after "A spokesman for the Home
 * Office said" speaks for it. */
static void
test_speakers_portfolio_opens_a_body (void **state)
{
  (void) state;
  const char *text = "Asylum plan\n\nCharities criticised the plan on Tuesday. A spokesman for the Home Office "
                     "said it was wrong to suggest that children would be abandoned. \"We are developing a "
                     "returns programme for children whose claims have been refused,\" said the spokesman.\n";
  assert_said (text, "returns programme", "Home Office");
}

/* "said the world indoor champion" where "champion" comes twice: the
 * one just named, since nobody holds the title; but "the mayor" is not
 * the one just named when "Deputy Mayor Nicky Gavron" holds it. */
static void
test_speakers_a_role_said_twice_but_nobodys_title (void **state)
{
  (void) state;
  const char *sprint = "Sprint\n\nThe champion of 2003 was absent. Jason Gardener won the 60m in Leipzig "
                       "in 6.61 seconds. \"It's a very hard record to break, but I believe I've trained well,\" "
                       "said the world indoor champion.\n";
  assert_said (sprint, "trained well", "Jason Gardener");
  const char *mayor = "Row\n\nDeputy Mayor Nicky Gavron said an apology would come. Prime Minister Tony Blair "
                      "has called for one. \"I will not apologise for what I said to the reporter,\" said the "
                      "mayor.\n";
  assert_said (mayor, "will not apologise", NULL);
}

/* "Vestager's department …. In an article she said": a possessive is
 * the person named without it, so it may be the one "she" is. */
static void
test_speakers_she_after_a_possessive (void **state)
{
  (void) state;
  const char *text = "Google charged\n\nMargrethe Vestager, the competition commissioner, will serve Google "
                     "with a formal charge today, her first. Rivals have complained for years. Google declined to comment "
                     "last night. The tax affairs of Amazon are also being examined by Vestager's department. "
                     "In a recent article she said big companies should pay more as they \"are part of our "
                     "society.\"\n";
  assert_said (text, "part of our society", "Margrethe Vestager");
}

/* "… as “desperate”, while the Liberal Democrats said …": the verb after
 * "while" (or "- but") is another clause's, not the quotation's. */
static void
test_speakers_while_opens_another_clause (void **state)
{
  (void) state;
  const char *text = "Maternity pay\n\nThe Tories dismissed the maternity pay plan as \"desperate and "
                     "cynical\", while the Liberal Democrats said it was misdirected. Apple boss Tim Cook said "
                     "the battery lasts 18 hours with \"typical everyday use\" - but official tests revealed "
                     "it lasts less.\n";
  assert_said (text, "desperate", "Tories");
  assert_said (text, "typical everyday use", "Tim Cook");
}

/* "His wife Sharon, who …, agreed. “…,” she said": a given name after a
 * word for kin is someone "she" may be. */
static void
test_speakers_kin_and_given_name_is_she (void **state)
{
  (void) state;
  const char *text = "Reality TV\n\n\"I didn't like having cameras around the house,\" the singer told "
                     "reporters. His wife Sharon, who also appears in the show, agreed. \"Now everybody's "
                     "doing reality shows,\" she said.\n";
  assert_said (text, "everybody's doing", "Sharon");
}

/* "… according to a World Bank report. “…,” said the report": a report,
 * a lawsuit or a letter speaks as a statement does, for whoever spoke
 * last. */
static void
test_speakers_the_report_said_as_a_statement (void **state)
{
  (void) state;
  const char *text = "Digital divide\n\nThe \"digital divide\" between rich and poor nations is narrowing fast, "
                     "according to a World Bank report. It questioned a United Nations campaign. \"People in the "
                     "developing world are getting more access at an incredible rate,\" said the report.\n";
  assert_said (text, "incredible rate", "World Bank");
}

/* "the patient wrote", "the man said": someone the article never names,
 * as it calls him; "the youngster" is still the one just named. */
static void
test_speakers_the_patient_unnamed (void **state)
{
  (void) state;
  const char *text = "Feather duvet\n\nDoctors traced his breathlessness to his new duvet. \"It doesn't affect "
                     "me at all now and my life is as it was before,\" the patient wrote in the case report.\n";
  assert_said (text, "my life is", "the patient");
  const char *rugby = "Rugby\n\nJean-Philippe Granclaude will make his debut against Wales. \"It's incredible, "
                      "I was not expecting it at all,\" said the youngster.\n";
  assert_said (rugby, "incredible", "Jean-Philippe Granclaude");
}

/* "Dick Clark Productions denied …. “…,” the production company said":
 * "productions" names a business, and one word may say which business
 * "the company" is. */
static void
test_speakers_the_production_company (void **state)
{
  (void) state;
  const char *text = "Awards\n\nDick Clark Productions denied that it had settled with the label.\n\n\"At no "
                     "time did we agree to a statement in partnership with the label,\" the production "
                     "company said.\n";
  assert_said (text, "At no time", "Dick Clark Productions");
}

/* "An Old Bailey judge has blasted his colleague for “…”" opening the
 * article, "Judge Nicholas Cooke QC" after: the lead holds back the
 * name; "blasted" and "slammed" say what someone said. */
static void
test_speakers_the_lead_holds_back_the_name (void **state)
{
  (void) state;
  /* "QC" after the name: letters, not a body's name in capitals */
  const char *text = "Sentence\n\nAn Old Bailey judge has blasted his junior colleague for \"taking his eye "
                     "off the ball\" when letting a manager dodge jail.\n\nThe manager made the claims over "
                     "five years. Senior judge Nicholas Cooke QC has now ruled the sentence unlawful. \"It "
                     "was an unlawful sentence,\" he said.\n";
  assert_said (text, "eye off the ball", "Nicholas Cooke QC");
  assert_said (text, "unlawful sentence", "Nicholas Cooke QC");
}

/* "Novartis said that …. “…,” the firm said": a sentence's first word
 * that the background hardly ever counts is a name, though the article
 * never writes it inside a sentence. */
static void
test_speakers_rare_word_opening_a_sentence (void **state)
{
  (void) state;
  const char *text = "Generics\n\nNovartis said that it would merge a number of departments.\n\n\"The strong "
                     "growth outlook for the business is expected to create jobs,\" the firm said in a "
                     "statement.\n";
  assert_said (text, "strong growth", "Novartis");
}

/* "“…,” a BaFin spokeswoman said. “…” “…,” the spokeswoman said": the
 * spokesman who spoke last, over a quotation carried on. */
static void
test_speakers_the_spokeswoman_who_spoke_last (void **state)
{
  (void) state;
  const char *text = "Bonds\n\nThe watchdog has passed the case on. \"I can confirm that BaFin has passed the "
                     "case to the public prosecutor,\" a BaFin spokeswoman said. \"It is now a criminal "
                     "investigation.\" \"We found clues of possible market manipulation,\" the spokeswoman "
                     "said.\n";
  assert_said (text, "found clues", "BaFin");
}

/* "according to Mandaric, Redknapp vowed …. “I said to Harry …,” he
 * said": the one according to whom is the one who speaks. */
static void
test_speakers_according_to_is_who_speaks (void **state)
{
  (void) state;
  const char *text = "Football\n\nPortsmouth chairman Milan Mandaric was disappointed. \"It would appear that "
                     "talks have gone on for some time,\" Mandaric said. According to Mandaric, Harry Redknapp "
                     "vowed he would not join their rivals when he left. \"I said "
                     "to Harry I hope you don't go to Southampton, and he told me absolutely not,\" he said.\n";
  assert_said (text, "absolutely not", "Milan Mandaric");
}

/* "Michael Jackson …. His mother Katherine Jackson told …. “…,” she
 * said": two given names share the surname; the she is the one named
 * with hers. */
static void
test_speakers_she_is_the_one_of_her_given_name (void **state)
{
  (void) state;
  const char *text = "Trial\n\nMichael Jackson, 46, denies the charges. His mother Katherine Jackson told "
                     "Fox News on Sunday that her son told her he was innocent. \"I believe that for one "
                     "reason - I know his character,\" she said.\n";
  assert_said (text, "his character", "Katherine Jackson");
}

/* "Mr Jackson …. His mother Katherine Jackson told …": no given name
 * came with the surname before, but its gender was his; hers is another
 * record, and "Mr Jackson" stays his. */
static void
test_speakers_given_name_of_other_gender_is_kin (void **state)
{
  (void) state;
  const char *text = "Trial\n\nMr Jackson, 46, denies the charges. His mother Katherine Jackson told "
                     "Fox News on Sunday that her son told her he was innocent. \"I believe that for one "
                     "reason - I know his character,\" she said. Mr Jackson did not comment. \"We will "
                     "appeal,\" he said.\n";
  assert_said (text, "his character", "Katherine Jackson");
  assert_said (text, "appeal", "Jackson");
}

/* "EADS Philippe Camus": a body in capitals before a given name and a
 * surname is whose he is, no part of his name, so "Mr Camus" is he. */
static void
test_speakers_capitals_before_a_given_name (void **state)
{
  (void) state;
  const char *text = "Camus to go\n\nThe French co-head of aerospace group EADS Philippe Camus is to "
                     "leave his post.\n\nMr Camus said in a statement that he has accepted the "
                     "invitation to return full-time to the Lagardere group. \"I will give up my role as "
                     "soon as the board asks me to do so,\" he said.\n";
  assert_said (text, "give up my role", "Philippe Camus");
}

/* "A spokesman for the British Casino Association, which represents the
 * UK industry, said …. He said …. “…,” he said": the spokesman, over a
 * relative clause and a sentence of his, speaks for the association. */
static void
test_speakers_spokesman_two_sentences_back (void **state)
{
  (void) state;
  const char *text = "Casinos\n\nCasinos also offer free food. A spokesman for the British Casino "
                     "Association, which represents the UK industry, said the government was trying to "
                     "allay fears. He said the way the licences were being awarded meant UK firms were at "
                     "a massive disadvantage. \"The UK industry is one of the world's most respected,\" he "
                     "said.\n";
  assert_said (text, "most respected", "British Casino Association");
}

/* "A spokesman for the Information Commissioner's Office said …. But the
 * rules did allow …. “…,” he said": a sentence between with no verb of
 * saying carries on what the spokesman said. */
static void
test_speakers_spokesman_over_his_reported_speech (void **state)
{
  (void) state;
  const char *text = "Calls\n\nA spokesman for the Information Commissioner's Office said it would be "
                     "classed as marketing. But the rules did allow polling organisations to telephone "
                     "people. \"If a political party was doing that, it may be allowed,\" he said.\n";
  assert_said (text, "political party", "Information Commissioner's Office");
}

/* "admitted the 28-year-old Morientes", "said 20-year-old politics
 * student Nick Vaughan": an age before the name, or before the title
 * before it, is no end of the attribution. */
static void
test_speakers_age_before_the_name_after_the_verb (void **state)
{
  (void) state;
  const char *text = "Bid\n\nLiverpool boss Rafael Benitez is keen to bolster his forward options. \"If there is "
                     "an attractive proposition I would be keen to leave,\" admitted the 28-year-old "
                     "Morientes. Campaigns went on.\n\n\"It has been a fantastic few weeks,\" said "
                     "20-year-old politics student Nick Vaughan.\n";
  assert_said (text, "keen to leave", "Morientes");
  assert_said (text, "fantastic few weeks", "Nick Vaughan");
}

/* "EADS and BAE Systems … welcomed …. “…,” the companies said": the two
 * bodies named; not two drugs ("Tysabri and Avonex") named after them. */
static void
test_speakers_the_companies_are_the_two_named (void **state)
{
  (void) state;
  const char *text = "Airbus\n\nEADS and BAE Systems, the firms which own Airbus, welcomed the announcement. "
                     "\"It has always been preferable that differences be resolved,\" the companies said in a "
                     "joint statement.\n\nElan shares fell. The cases involved both Tysabri and Avonex. "
                     "\"We will work with clinical investigators,\" the two firms said.\n";
  assert_said (text, "always been preferable", "EADS and BAE Systems");
  assert_said (text, "clinical investigators", NULL);
}

/* "PBS' Jacoba Atlas": the body whose she is stays out of her name, so
 * "Ms Atlas … she said" is hers. */
static void
test_speakers_owner_before_a_name (void **state)
{
  (void) state;
  const char *text = "PBS\n\nIt is not worth showing such scenes when complaints are \"aggressively pursued\" "
                     "by watchdogs, said PBS' Jacoba Atlas. Networks are nervous.\n\nMs Atlas said PBS could put "
                     "itself at risk. \"You want to pick your battles,\" she said.\n";
  assert_said (text, "aggressively pursued", "Jacoba Atlas");
  assert_said (text, "pick your battles", "Jacoba Atlas");
}

/* "M&S", "S&P", "AT&T": a bare "&" joins a body's name, as " & " does;
 * "said M&S" was "M" and "AT&T said" nobody. A name so joined is a body,
 * so "M&S cut its prices" leaves "he" to Stuart Rose. */
static void
test_speakers_bare_ampersand_joins_a_body (void **state)
{
  (void) state;
  const char *text = "Stuart Rose, head of M&S, said prices were too high. \"We are bringing in ranges at new "
                     "price points,\" said M&S. \"It is a fair deal,\" AT&T said. \"It may help,\" wrote "
                     "S&P analyst Helena Hessel.\n\nStuart Rose became chief executive last year. M&S cut its "
                     "prices on Monday. \"We are confident about the spring,\" he said.\n";
  assert_said (text, "new price points", "M&S");
  assert_said (text, "a fair deal", "AT&T");
  assert_said (text, "It may help", "Helena Hessel");
  assert_said (text, "confident about the spring", "Stuart Rose");
}

/* "said Trade and Industry Secretary Patricia Hewitt": capitals joined by
 * "and" before a title are the portfolio or body it is of; two people
 * joined by "and" stay who spoke. */
static void
test_speakers_and_inside_a_title_after_the_verb (void **state)
{
  (void) state;
  const char *text = "Sales fell.\n\n\"It was a hard year,\" said Trade and Industry Secretary Patricia Hewitt. "
                     "\"We think this year will do better,\" said Richard and Judy executive producer Amanda Ross. "
                     "\"We are so grateful,\" said Bill and Denise Richard.\n";
  assert_said (text, "a hard year", "Patricia Hewitt");
  assert_said (text, "do better", "Amanda Ross");
  assert_said (text, "so grateful", "Bill Richard");
}

/* "said the Gloucester fly-half": a listed role the tokeniser splits at
 * its hyphen is still a role, so the club only says whose fly-half he is;
 * "half" alone is none. */
static void
test_speakers_hyphenated_role_after_a_club (void **state)
{
  (void) state;
  const char *text = "Simon Amor was delighted with his award.\n\n\"This is a genuine honour,\" said the Gloucester "
                     "fly-half. Jason Robinson believes nothing is wrong. \"There is no lack of confidence,\" said "
                     "the Sale full-back.\n";
  assert_said (text, "genuine honour", "Simon Amor");
  assert_said (text, "lack of confidence", "Jason Robinson");
}

/* "Chancellor of the Exchequer Gordon Brown": after a title's "of", the
 * capitals before a given name are what the title is of, no part of his
 * name, before the verb or after it; "said the chairman of the …, X" is
 * read as before. */
static void
test_speakers_title_of_a_body_before_the_name (void **state)
{
  (void) state;
  const char *text = "Taxes rose.\n\nChancellor of the Exchequer Gordon Brown said it was fine. \"We will act,\" he "
                     "said. \"Gold is the answer,\" said UK Chancellor of the Exchequer Gordon Brown. Shadow leader "
                     "of the Commons Oliver Heald said: \"This is costly.\" \"It will be a tragedy,\" said the "
                     "chairman of the Commons education select committee, Labour MP Barry Sheerman.\n";
  assert_said (text, "We will act", "Gordon Brown");
  assert_said (text, "Gold is the answer", "Gordon Brown");
  assert_said (text, "This is costly", "Oliver Heald");
  assert_said (text, "be a tragedy", "Barry Sheerman");
}

/* "said the Lions coach": a title someone else holds with another body
 * before it ("Australia coach Eddie Jones") is not his; "said the French
 * coach" still reaches "France coach Bernard Laporte". */
static void
test_speakers_role_of_another_body_is_not_the_holders (void **state)
{
  (void) state;
  const char *lions = "Lions\n\nSir Clive Woodward named his squad on Monday. Woodward believes the tour will be "
                      "hard. \"Their performance against France was simply awesome,\" said the Lions coach. "
                      "Woodward has taken soundings from Australia coach Eddie Jones.\n";
  assert_said (lions, "simply awesome", "Sir Clive Woodward");
  const char *france = "Rugby\n\nFrance coach Bernard Laporte named his side. Wales won. \"We were beaten by a "
                       "better team,\" said the French coach.\n";
  assert_said (france, "better team", "Bernard Laporte");
}

/* "said the world indoor champion": a role others hold ("Olympic
 * champion Stefan Holm") with a word before it no holder's title has is
 * a description of the one just named, as "he" would be. */
static void
test_speakers_qualified_role_nobody_holds (void **state)
{
  (void) state;
  const char *text = "Athletics\n\nBritain's Jason Gardener won the 60m in Glasgow. Gardener cruised home ahead of "
                     "Nick Smith. \"It's a very hard record to break,\" said the world indoor champion. Ivan Ukhov "
                     "beat Olympic champion Stefan Holm in the high jump. Double Olympic champion Kelly Holmes "
                     "was absent.\n";
  assert_said (text, "hard record to break", "Jason Gardener");
}

/* "his Golden Globe success", "his last Qatar appearance": a name after
 * his or her (a word between or not) qualifies a thing, and is no he or
 * she; "his wife Sharon" still is. */
static void
test_speakers_name_after_his_qualifies_a_thing (void **state)
{
  (void) state;
  const char *text = "Baftas\n\nBritish actor Clive Owen is hoping to repeat his Golden Globe success. \"I was always "
                     "a huge fan of Closer as a play,\" he said.\n\nOzzy Osbourne was not there. His wife Sharon, "
                     "who had flown in, agreed. \"It was a great night,\" she said.\n";
  assert_said (text, "huge fan of Closer", "Clive Owen");
  assert_said (text, "a great night", "Sharon");
}

/* "said the top seed": a seed is a role, one the word before it shows
 * "seventh seed Feliciano Lopez" does not hold. */
static void
test_speakers_the_top_seed (void **state)
{
  (void) state;
  const char *text = "Tennis\n\nRoger Federer beat seventh seed Feliciano Lopez in Doha. Federer, who lost here in "
                     "2003, was happy with his form. \"I am happy I am playing so well,\" said the top seed. French "
                     "third seed Sebastien Grosjean lost.\n";
  assert_said (text, "playing so well", "Roger Federer");
}

/* "two nominations in 1976 for Gonna Fly Now from Rocky": capitals no
 * given name, honorific, title or verb of saying marks as someone, in no
 * subject's place, are a weak "he" beside the one who spoke before. */
static void
test_speakers_capitals_without_a_person_are_a_weak_he (void **state)
{
  (void) state;
  const char *text = "Oscars\n\n\"When they say the name, we play the appropriate one immediately,\" adds Conti. "
                     "Conti received an Oscar in 1983 for the original score of The Right Stuff. He also received "
                     "two nominations in the original song category in 1976 for Gonna Fly Now from Rocky and in "
                     "1981 for the title song from For Your Eyes Only. \"It's a moment in the sun,\" he says.\n";
  assert_said (text, "moment in the sun", "Conti");
}

/* "Mr Wilson, who was involved with New Order, as well as the Happy
 * Mondays, said": the part after the clause's second comma goes on with
 * the clause; the one it follows speaks. */
static void
test_speakers_relative_clause_over_two_commas (void **state)
{
  (void) state;
  const char *text = "Film\n\nTony Wilson runs the label. Mr Wilson, who was also involved with the band New Order, "
                     "as well as the Happy Mondays, said he would \"rather not\" appear.\n";
  assert_said (text, "rather not", "Tony Wilson");
}

/* "But the Tory leader will argue against it, saying it is “…”": a
 * nationality or party after "the", subject of the participle's clause,
 * is the one named before, not a speaker called "Tory". */
static void
test_speakers_the_tory_leader_saying (void **state)
{
  (void) state;
  const char *text = "Election\n\nMichael Howard is to make a pitch for Britain's ethnic vote. But the Tory "
                     "leader will argue against positive discrimination saying it is \"outdated and unjust\".\n";
  assert_said (text, "outdated and unjust", "Michael Howard");
}

/* "Hewitt … battle with Argentine David Nalbandian …. The Argentine had
 * stoked it up by saying …": the nationality names the one the article
 * gave it to, not whoever was named last. */
static void
test_speakers_the_nationality_the_article_gave (void **state)
{
  (void) state;
  const char *text = "Tennis\n\nLleyton Hewitt came through a five-set battle with Argentine David Nalbandian. "
                     "Hewitt dominated the first two sets.\n\nThe Argentine had stoked up the temperature by saying "
                     "Hewitt's celebrations were \"not very good for the sport\".\n";
  assert_said (text, "not very good", "David Nalbandian");
}

/* "said the Dutchman", "Swede Joachim Johansson": a nationality's noun
 * is a nationality, as its adjective is ("the Dutch coach"). */
static void
test_speakers_nationality_nouns (void **state)
{
  (void) state;
  const char *text = "Football\n\nSpurs boss Martin Jol was pleased. \"We had the initiative but it wasn't easy,\" "
                     "said the Dutchman.\n\nSwede Joachim Johansson reached the final. \"It feels like home for me,\" "
                     "said Swede Joachim Johansson.\n";
  assert_said (text, "had the initiative", "Martin Jol");
  assert_said (text, "feels like home", "Joachim Johansson");
}

/* "The 22-year-old pipped Maurice Greene …. “…,” he said": a sentence
 * opened by an age or a nationality is about the one named before, so
 * the name later in it is no likelier a "he"; nor is one right after a
 * verb of saying ("saying Gallas overreacted"). */
static void
test_speakers_age_or_nationality_carries_the_he (void **state)
{
  (void) state;
  const char *sprint = "Athletics\n\nMark Lewis-Francis says his Olympic success has made him determined.\n\nThe "
                       "22-year-old pipped Maurice Greene on the last leg of the relay in Athens. But individually, "
                       "the Birchfield Harrier has yet to build on his junior title. \"The gold medal has made me "
                       "realise that I can get to the top level. It can happen,\" he said.\n";
  assert_said (sprint, "gold medal", "Mark Lewis-Francis");
  const char *moyes = "Football\n\nEverton manager David Moyes will discipline striker James Beattie for his "
                      "headbutt on Chelsea defender William Gallas.\n\nThe Scot initially defended Beattie, saying "
                      "Gallas overreacted. But he has had a rethink after looking at the video again. He said: \"I "
                      "should set the record straight.\"\n";
  assert_said (moyes, "record straight", "David Moyes");
}

/* US copy runs a partial quotation on into its sentence before the
 * attribution: "“…” in that law, X said", "“…” while it was in power, X
 * said". "that" after a preposition opens no clause, and a clause of
 * "while" has ended at its comma; one whose own verb says something
 * ("while the Liberal Democrats said") still stops the search. */
static void
test_speakers_partial_quote_runs_on_to_its_attribution (void **state)
{
  (void) state;
  const char *law = "Lawmakers are drafting a bill to give the police new powers. Rights groups are wary.\n\n"
                    "\"We must pay close attention to what is written\" in that law, Amira Salem said.\n";
  assert_said (law, "pay close attention", "Amira Salem");
  const char *power = "Amira Salem heads the rights group. Its members blame the old government.\n\n"
                      "\"The party is responsible for the unrest, because it was careless with extremists\" "
                      "while it was in power, Salem said.\n";
  assert_said (power, "careless with extremists", "Amira Salem");
  const char *own = "Amira Salem heads the rights group.\n\nCritics called the plan \"desperate and late\", while "
                    "the Liberal Democrats said it was fair.\n";
  assert_said (own, "desperate and late", "Critics");
}

/* The subject of a verb of saying is the phrase a clause with no comma
 * qualifies ("a woman who bought pills online", not "online"), and the
 * relative or the person that is of someone ("the father of the boy"). */
static void
test_speakers_subject_before_its_clause_and_of (void **state)
{
  (void) state;
  assert_said ("The mother of a student who bought diet pills online has described how her daughter was "
               "\"burning up from within\" before she died.\n",
               "burning up", "The mother");
  assert_said ("The father of the boy said his son was \"a kind and gentle lad\".\n", "gentle lad", "The father");
}

/* "“…?” Lopez told me when I visited the lab": a clause of when after the
 * verb is no reported speech, so the long sentence after a question is
 * still its attribution. */
static void
test_speakers_told_me_when_i_visited (void **state)
{
  (void) state;
  assert_said ("Maria Lopez runs the testing lab in Barcelona.\n\n\"Why don't we offer the service to "
               "everyone?\" Lopez told me when I visited the other lab, in Madrid, last spring.\n",
               "offer the service", "Maria Lopez");
}

/* A capitalised portfolio opens a body's name ("Energy Control", "Home
 * Depot"): neither is a person called "Control" or "Depot", whom a later
 * "he" could mean. */
static void
test_speakers_portfolio_opens_a_body_name (void **state)
{
  (void) state;
  assert_said ("A forum user called Vortex wants to warn buyers. \"Some vendors are sending people poison,\" "
               "Vortex told me. After sending a number of Energy Control tests himself, Vortex started a fund. "
               "It has paid for five different Energy Control tests.\n\n\"The program is still in its "
               "infancy,\" he says.\n",
               "its infancy", "Vortex");
  assert_said ("\"We want one seamless shopping experience,\" Home Depot said in a statement.\n", "seamless",
               "Home Depot");
}

/* "Lorenz said", once "Edward Norton Lorenz" and "the Lorenz Center" are
 * both named: the man whose surname it is, not the body that bears it. */
static void
test_speakers_surname_before_a_body_short_form (void **state)
{
  (void) state;
  assert_said ("The programs were run for a meteorologist named Edward Norton Lorenz. Daniel Rothman, who "
               "directs MIT's Lorenz Center, found the papers.\n\n\"He loved that computer,\" Lorenz said of "
               "his colleague.\n",
               "loved that computer", "Edward Norton Lorenz");
}

/* A person's name after a body's, with no comma ("Logan International
 * Airport Tom Kinton"), and a king's or queen's number ("Elizabeth II",
 * "Carl XVI Gustaf"), in capitals but no acronym: each is someone a later
 * "he" or "she" can mean, not a body. */
static void
test_speakers_person_after_a_body_and_regnal_numbers (void **state)
{
  (void) state;
  assert_said ("A passenger tried to light his shoes. Director of Boston's Logan International Airport Tom "
               "Kinton says quick action by the crew averted a serious incident.\n\n\"The flight attendants "
               "tackled the individual,\" he said.\n",
               "tackled the individual", "Tom Kinton");
  assert_said ("The mood was set by Britain's Queen Elizabeth II, who said the year brought many people "
               "\"more than their share of trials\". \"The outrages in the United States were evil,\" she "
               "said.\n",
               "outrages", "Elizabeth II");
  assert_said ("Sweden's King Carl XVI Gustaf also spoke of the attacks in his annual speech. \"The need for "
               "friendship is even greater,\" he said.\n",
               "friendship", "Carl XVI Gustaf");
}

/* An honorific opens a name ("The Reverend Tim Costello"), also when the
 * name is an appositive of its own between commas ("the secretary of
 * the union, Dr Eldon Phillips, said"): that name speaks, not the body
 * before it. */
static void
test_speakers_honorific_inside_an_appositive (void **state)
{
  (void) state;
  assert_said ("The secretary of the Welsh Students Rugby Football Union, Dr Eldon Phillips, said: \"It is a "
               "shame that the fixtures cannot be kept this year.\"\n",
               "fixtures cannot", "Eldon Phillips");
  assert_said ("Prime Minister John Howard is defending the Governor-General. The Reverend Tim Costello, who "
               "heads the Baptist Union, says more explanation is needed.\n\n\"I don't think he should step "
               "down at this point,\" he said.\n",
               "step down", "Tim Costello");
}

/* A name that qualifies a noun is no "he": "reports that Al Qaeda
 * fighters are on the run", "Victoria's Industrial Relations Minister",
 * "Labor MP Lyn Breuer". A title in capitals after a full name is his
 * ("Andrew Tyrie MP demanded"). */
static void
test_speakers_name_before_a_noun_is_no_he (void **state)
{
  (void) state;
  assert_said ("Local commanders say they have overrun the caves. But the head of US Central Command, General "
               "Tommy Franks, says it will take time to confirm reports that Al Qaeda fighters are on the "
               "run.\n\n\"We are with these commanders near Tora Bora,\" he said.\n",
               "Tora Bora", "Tommy Franks");
  assert_said ("Victoria's Industrial Relations Minister, Monica Gould, admits the dispute is frustrating.\n\n"
               "\"We want this matter resolved as soon as possible,\" she said.\n",
               "resolved", "Monica Gould");
  assert_said ("South Australian Labor MP Lyn Breuer, whose electorate covers Woomera, says the riskier "
               "detainees must be moved.\n\n\"I think that will have to be the solution,\" she said.\n",
               "solution", "Lyn Breuer");
  assert_said ("Tory frontbencher Andrew Tyrie MP demanded a statement from the minister. Raising a point of "
               "order, he said it was \"the latest in a long line of discourtesies to this House\".\n",
               "discourtesies", "Andrew Tyrie");
}

/* "The head of the Law Institute, John Corcoran, says Mr Hicks could
 * …": a full name set off by commas right before its sentence's verb is
 * the subject a later "he" means, not the name in the clause it
 * reports. */
static void
test_speakers_appositive_before_the_verb_is_the_subject (void **state)
{
  (void) state;
  assert_said ("David Hicks, 26, was captured by Northern Alliance forces three days ago. The head of the "
               "Victorian Law Institute, John Corcoran, says Mr Hicks could face a charge of treason.\n\n\"If "
               "the circumstances are permitted, he could be charged with treason,\" he said.\n",
               "charged with treason", "John Corcoran");
}

/* "Afghan Islamic Press (AIP) said": the acronym in brackets between a
 * body's name and its verb is that name's; and "“…,” Jeff Joseph, from
 * the Consumer Electronics Association (CEA) told": the one from it. */
static void
test_speakers_acronym_before_the_verb (void **state)
{
  (void) state;
  assert_said ("The Taliban handed over the province to tribal elders. \"The rule of the Taliban in Afghanistan "
               "has totally ended,\" the Pakistan-based news agency Afghan Islamic Press (AIP) said.\n",
               "totally ended", "Afghan Islamic Press");
  assert_said ("\"The story this year remains all about digital,\" Jeff Joseph, from the Consumer Electronics "
               "Association (CEA) told the BBC News website.\n",
               "all about digital", "Jeff Joseph");
}

/* "“…,” John Houlihan, editor of Computerandvideogames.com told": a
 * name right after a quotation opens the clause its appositive belongs
 * to, as one opening the sentence does. */
static void
test_speakers_name_after_a_quote_owns_its_appositive (void **state)
{
  (void) state;
  assert_said ("\"It is very encouraging for Sony because Microsoft briefly outsold them,\" John Houlihan, "
               "editor of Computerandvideogames.com told BBC News.\n",
               "briefly outsold", "John Houlihan");
}

/* "…, according to Defense Secretary Donald Rumsfeld. “…,” he said": the
 * one a statement is according to is a subject a later "he" means. */
static void
test_speakers_according_to_is_a_subject (void **state)
{
  (void) state;
  assert_said ("Mr Powell says it is just a matter of time before bin Laden is found. The United States has "
               "1,500 to 2,000 troops on the ground in Afghanistan, according to Defense Secretary Donald "
               "Rumsfeld. \"We have got 1,500 to 2,000 people,\" he said.\n",
               "2,000 people", "Donald Rumsfeld");
}

/* "…'s offices in Ramallah, but the Palestinian leader, who …": a part
 * between commas that opens with a conjunction is a clause of its own,
 * no title of the name before it. */
static void
test_speakers_no_appositive_after_a_conjunction (void **state)
{
  (void) state;
  assert_said ("Palestinian leader Yasser Arafat has condemned the strikes. Israeli helicopters fired missiles "
               "on a post metres from Mr Arafat's offices in Ramallah, but the Palestinian leader, who was in "
               "his office at the time, was unhurt. Mr Arafat told CNN that Mr Sharon was trying to torpedo "
               "his crackdown. \"He doesn't want me to succeed,\" the Palestinian leader said.\n",
               "want me to succeed", "Yasser Arafat");
}

/* "one official at a U.S. bank said", "an aide to Agriculture Secretary
 * Richard Lyng said": a role an indefinite word opens, at, to or of a
 * name, is who speaks, shown with where; not the body or the person
 * named after it. After a name and a comma the name speaks ("Matt
 * Williams, a fund manager at Perpetual Trustees said"). */
static void
test_speakers_someone_at_a_body (void **state)
{
  (void) state;
  assert_said ("Four U.S. banks are expected to win approval to trade securities in Japan.\n\n\"There is no "
               "reason for extended delay,\" one official at a U.S. bank said.\n",
               "extended delay", "one official at a U.S. bank");
  assert_said ("Analysts doubt a subsidy offer is near.\n\n\"The grain companies are trying to get this fired "
               "up again,\" an aide to Agriculture Secretary Richard Lyng said.\n",
               "fired up", "an aide to Agriculture Secretary Richard Lyng");
  assert_said ("Analysts were divided on Thursday. However, Matt Williams, a fund manager at Perpetual Trustees "
               "said taking the stake \"is definitely a precursor to a takeover\".\n",
               "precursor", "Matt Williams");
}

/* After the verb: "said one Republican political strategist", "said
 * another Japanese bank official" are someone unnamed, shown whole; a
 * capitalised stop word opens a body's name ("said First Chicago's
 * Johnson"). */
static void
test_speakers_after_the_verb_someone_and_first (void **state)
{
  (void) state;
  assert_said ("The report does not carry the taint of a partisan Congress.\n\n\"We're falling by our own "
               "hand,\" said one Republican political strategist.\n",
               "own hand", "one Republican political strategist");
  assert_said ("Japanese banks are cool on new credits.\n\n\"The problem is Nigeria has so far failed,\" said "
               "another Japanese bank official.\n",
               "so far failed", "another Japanese bank official");
  assert_said ("\"The numbers were a little disappointing,\" said Dana Johnson of First National Bank of "
               "Chicago.\n\n\"The Fed is following a neutral path,\" said Darwin Beck of First Boston Corp.\n\n"
               "\"The market has perhaps exaggerated the dollar's effect,\" said First Chicago's Johnson.\n",
               "perhaps exaggerated", "Dana Johnson");
}

/* "X was quoted by the daily al-Qabas as saying", "was quoted in the
 * Guardian saying": the one quoted speaks, not the paper. */
static void
test_speakers_quoted_by_a_paper_as_saying (void **state)
{
  (void) state;
  assert_said ("Kuwait's oil minister denied the reports. Sheikh Ali al-Khalifa al-Sabah was quoted by the "
               "local daily al-Qabas as saying: \"None of the OPEC members has asked for a meeting.\"\n",
               "asked for a meeting", "Ali al-Khalifa al-Sabah");
  assert_said ("Mr Kruger was quoted in the Guardian saying: \"Nobody has asked us.\"\n", "Nobody has asked",
               "Kruger");
}

/* A place set off before a sentence's subject ("For example in West
 * Ham, this might …", "In Jamaica, OPEC President …") is not the name a
 * later "he" means. */
static void
test_speakers_place_set_off_before_the_subject (void **state)
{
  (void) state;
  assert_said ("Mr Phillips said changes to the race relations law might allow parties to reserve seats for "
               "under-represented groups. For example in West Ham, this might allow only women and minorities "
               "to be candidates.\n\n\"If we find that minorities are not represented, we cannot go on the "
               "same way,\" he said.\n",
               "cannot go on", "Phillips");
}

/* "said former Nevada Sen. and Reagan confidant Paul Laxalt": two
 * titles joined by "and" before the name; "confidant" is a role. */
static void
test_speakers_two_titles_before_the_name (void **state)
{
  (void) state;
  assert_said ("The nomination is not assured.\n\n\"He has the smell of Iran on him,\" said former Nevada Sen. "
               "and Reagan confidant Paul Laxalt.\n",
               "smell of Iran", "Paul Laxalt");
}

/* "the report said", "an agency statement said": when no body named
 * near it wrote it, the document is the speaker, as the article names
 * it, rather than nobody. */
static void
test_speakers_a_document_speaks (void **state)
{
  (void) state;
  assert_said ("The Tower Commission released its findings.\n\n\"Their obligation was to give the president "
               "their full support,\" the report said after a three-month probe.\n",
               "full support", "the report");
  assert_said ("The Embassy report says the government is divided. \"It appears to be nearing a crossroad,\" "
               "a new report says.\n",
               "crossroad", "a new report");
}

/* "said the Kansas Republican", "the Illinois Democrat, a …, said": a
 * party after the state the one named before is from. */
static void
test_speakers_the_state_and_party (void **state)
{
  (void) state;
  assert_said ("Senate Republican leader Robert Dole told reporters the report disclosed blunders.\n\n\"It "
               "would seem to me that you should step aside,\" said the Kansas Republican.\n",
               "step aside", "Robert Dole");
  assert_said ("The subcommittee's chairman, Rep. Cardiss Collins, called the airline's record \"pathetic.\"\n\n"
               "\"It strikes me odd,\" the Illinois Democrat, who chairs the panel, said.\n",
               "strikes me odd", "Cardiss Collins");
}

/* "said the regional manager for one of the major oil companies": a
 * role that a phrase of where it is held follows brings in someone new,
 * not the one just named. */
static void
test_speakers_the_role_for_a_body_is_someone_new (void **state)
{
  (void) state;
  assert_said ("\"OPEC's problem is not a price problem,\" said Paul Mlotok, oil analyst with Salomon Brothers "
               "Inc.\n\n\"OPEC has to learn that it cannot have fixed prices,\" said the regional manager for "
               "one of the major oil companies.\n",
               "fixed prices", "the regional manager for one of the major oil companies");
}

/* "…, he said, adding “…”": the participle's speaker is the one the
 * clause before it names, not its sentence's subject. */
static void
test_speakers_said_adding (void **state)
{
  (void) state;
  assert_said ("Dilson Funaro met bankers on Friday. U.S. banks have half the seats on the committee while "
               "holding only 35 pct of the debt, he said, adding \"This is not fair with the Europeans.\"\n",
               "not fair", "Dilson Funaro");
}

/* A lone name one letter from a surname named in full is read as that
 * name misspelt ("Daveport" for "Davenport") only when the article
 * writes it so once: "President Reagan … Reagan replied" is not Donald
 * Regan. */
static void
test_speakers_a_name_written_twice_is_no_slip (void **state)
{
  (void) state;
  assert_said ("White House chief of staff Donald Regan resigned. President Reagan will speak tonight. When a "
               "reporter asked about his wife, Reagan replied: \"I think this is being bandied by the press.\"\n",
               "bandied", "Reagan");
}

/* "Rostenkowski, D-Ill., predicted …. But he warned": a legislator's
 * party and state is no one a later "he" could mean. */
static void
test_speakers_party_tag_is_no_one (void **state)
{
  (void) state;
  assert_said ("House Ways and Means Committee chairman Dan Rostenkowski, D-Ill., predicted a trade bill by the "
               "end of the year. But he warned that his \"conciliatory message\" did not mean he would oppose "
               "the proposal.\n",
               "conciliatory message", "Dan Rostenkowski");
}

/* "the Reagan-Gorbachev summit": two names a hyphen joins before a noun
 * qualify it; "Reagan said" is not a person called Reagan-Gorbachev. */
static void
test_speakers_hyphened_names_before_a_noun (void **state)
{
  (void) state;
  assert_said ("President Reagan said the United States would offer a draft treaty. The Reagan-Gorbachev summit "
               "in Iceland failed. Welcoming the offer, Reagan said: \"This removes a serious obstacle.\"\n",
               "serious obstacle", "Reagan");
}

/* "the Commission for Racial Equality": the words after a body's "for"
 * or "of" are the rest of its name, not a record of their own, and the
 * body is named in full. */
static void
test_speakers_rest_of_a_body_name_is_no_one (void **state)
{
  (void) state;
  assert_said ("\"We will be raising it with each of the parties,\" said the Commission for Racial Equality.\n",
               "raising it", "Commission for Racial Equality");
}

/* Wire copy's unnamed sources and documents: "said a dealer", "one
 * delegate said", "an arbitrageur said", "the editorial said", "a
 * council communique said". */
static void
test_speakers_wire_roles_and_documents (void **state)
{
  (void) state;
  assert_said ("The bank joined the deal.\n\n\"Any trader should recommend his bank against joining the deal,\" "
               "said a dealer.\n",
               "recommend his bank", "a dealer");
  assert_said ("Talks broke down.\n\n\"We want the basis of quotas to reflect the market,\" one delegate said.\n",
               "basis of quotas", "one delegate");
  assert_said ("The paper published China's demands.\n\n\"It is extremely important that the U.S. remove "
               "its barriers,\" the editorial said.\n",
               "extremely important", "the editorial");
}

/* Wire copy: "One senior floor trader said the room needs work. “…,” he
 * said". The he is the unnamed one who spoke just before, not a name
 * the article gave earlier, and he carries on over "…, he said". (Not
 * over a sentence that says nothing: test_speakers_present_tense_cues.) */
static void
test_speakers_someone_unnamed_is_he (void **state)
{
  (void) state;
  const char *floor = "Exchange chairman Karl Brandt said the vote was set for Friday.\n\n"
                      "Some members may oppose the move.\n\n"
                      "One senior floor trader said the old room badly needs work.\n\n"
                      "\"There is talk the grain pits will move next door,\" he said.\n";
  assert_said (floor, "grain pits", "One senior floor trader");
  /* the quotation in his own sentence is his already */
  const char *analyst = "Lee Hart, the group's chairman, said the offer was fair.\n\n"
                        "An analyst who wanted anonymity said 40 dlrs a share is a \"decent\" price. "
                        "\"A bidding war is stretching it,\" he said.\n";
  assert_said (analyst, "bidding war", "An analyst");
  const char *on = "Paul Mason, the bank's chief, spoke on Monday.\n\n"
                   "One bond manager said the rules were easing. Freer use of the yen would help trade, he said. "
                   "\"Exporters will like it,\" he added.\n";
  assert_said (on, "Exporters", "One bond manager");
}

/* "One source said of the attack: “…”": an indefinite word opening the
 * sentence is no body the source speaks for ("One", "Another"). */
static void
test_speakers_one_source_is_no_body_named_one (void **state)
{
  (void) state;
  assert_said ("Talks went on all night.\n\nOne source said of the raid: \"They warned off the crew and hit "
               "an empty rig.\"\n",
               "empty rig", "One source");
  assert_said ("Talks went on all night.\n\nAnother spokesman said: \"We consider the matter closed.\"\n",
               "matter closed", NULL);
}

/* "“…,” Mike Wehler, member of the pork council's committee said": an
 * apposition after the name that opens the clause, its closing comma
 * left out; the name speaks, not the body the apposition ends with. */
static void
test_speakers_apposition_left_open_before_the_verb (void **state)
{
  (void) state;
  assert_said ("The council met on Monday.\n\n\"It lets each state deal with its own herds,\" Mike Wehler, "
               "member of the Pork Council's oversight committee said.\n",
               "own herds", "Mike Wehler");
  assert_said ("Jobs will go.\n\nMark Tilley, the leader of the Public and Commercial Services Union said: "
               "\"We had the day of the long knives.\"\n",
               "long knives", "Mark Tilley");
  assert_said ("The hearing opened.\n\n\"Greed has created a frenzy on Wall Street,\" Rep. Edward Marsh, "
               "D-Mass, the chairman of the Finance subcommittee said.\n",
               "frenzy", "Edward Marsh");
}

/* "The Swedish wholesale group cut jobs. “…,” the company said": a
 * nationality before the noun it describes is no body to be "it". */
static void
test_speakers_a_nationality_is_no_company (void **state)
{
  (void) state;
  assert_said ("Sales fell at the start of the year. The Swedish wholesale group cut jobs.\n\n\"These costs "
               "have burdened the annual accounts,\" the company said in a statement.\n",
               "annual accounts", "the company");
}

/* "A Fiat spokesman contacted by Reuters said", "A senior official
 * reached by telephone said": the one a participle says was reached is
 * the subject, not who reached him. */
static void
test_speakers_reached_by_is_no_speaker (void **state)
{
  (void) state;
  assert_said ("Shares rose.\n\nA Fiat spokesman contacted by Reuters said only that the report was \"one of "
               "the typical rumours which circulate on the bourse.\"\n",
               "typical rumours", "Fiat");
  assert_said ("Shares rose.\n\nA senior official reached by telephone said: \"It is one of the typical "
               "rumours.\"\n",
               "typical rumours", "A senior official");
}

/* "House Speaker James Wright said …. “…,” he told reporters": a speaker
 * of a house is a title, so the name after it is a person's, not the
 * body "House Speaker James Wright". */
static void
test_speakers_house_speaker_is_a_title (void **state)
{
  (void) state;
  assert_said ("The trade law changes are part of a wider effort.\n\nHouse Speaker James Wright said he expects "
               "the full House will approve the bill.\n\n\"I expect it will pass,\" he told reporters.\n",
               "will pass", "James Wright");
}

/* "“…,” an administration official said. … “…,” said the official": the
 * unnamed one who spoke last with that role, not a role someone named
 * in between might hold. */
static void
test_speakers_the_official_again (void **state)
{
  (void) state;
  assert_said ("The administration is opposed to suggestions that share deals should be taxed, an "
               "administration official said in an interview.\n\n\"We are totally opposed to a transfer "
               "tax,\" he said. He declined to be named.\n\nIn recent days House Speaker Jim Wright, a Texas "
               "Democrat, has called for such a tax to raise the money he estimates is needed.\n\n\"It would "
               "fall on the small investor,\" said the official, who is an administration policy-maker.\n",
               "small investor", "an administration official");
}

/* Bodies whose names end alike are two ("Manchester United" and
 * "Shareholders United"); "Aviation Administration" after "Federal
 * Aviation Administration" is still the one. */
static void
test_speakers_bodies_ending_alike_are_two (void **state)
{
  (void) state;
  assert_said ("Manchester United rejected the bid. Supporters' group Shareholders United urged the club to "
               "fight on.\n\nA spokesman for the Shareholders United said: \"He will use our money to buy "
               "it.\"\n",
               "our money", "Shareholders United");
  assert_said ("Fiat SpA declined to comment. The bank Mediobanca - Banca di Credito Finanziario SpA was said to "
               "be advising.\n\nA Fiat spokesman said the report was \"one of the typical rumours on the "
               "bourse.\"\n",
               "typical rumours", "Fiat SpA");
  assert_said ("The Federal Aviation Administration grounded the fleet on Monday.\n\n\"The rules were "
               "broken,\" an Aviation Administration spokesman said.\n",
               "rules were broken", "Federal Aviation Administration");
}

/* "Central bank president Wim Duisenberg has defended the move saying
 * …, noting “…”": a body's word before the role is no end to the
 * subject the participle has. */
static void
test_speakers_bank_president_defends_saying (void **state)
{
  (void) state;
  assert_said ("Central bank president Wim Duisenberg has defended the move saying the bank had adjusted the "
               "rates, noting \"the discount rate is now far below the market rates.\"\n",
               "discount rate", "Wim Duisenberg");
}

/* "Kaczura said …. “…,” he said", once "Janusz Kaczurba": a lone name
 * a letter off a surname, as the subject of a verb of saying, is the
 * he, not the last capitals before it. */
static void
test_speakers_he_after_a_misspelt_surname (void **state)
{
  (void) state;
  assert_said ("Janusz Kaczurba, the deputy minister, spoke to Reuters. East European economies face trade wars. "
               "Kaczura said private enterprise could play a greater role.\n\n\"I think we could have "
               "20,000 small firms,\" he said.\n",
               "small firms", "Janusz Kaczurba");
}

/* "…, an aide to Lyng said. “…,” the aide said": the unnamed one who
 * said the sentence before, by the same role. */
static void
test_speakers_the_aide_who_said_before (void **state)
{
  (void) state;
  assert_said ("Agriculture Secretary Richard Lyng will not raise the wheat offer at the meeting, an aide to Lyng "
               "said.\n\n\"He does not intend to bring it up,\" the aide said.\n",
               "bring it up", "an aide to Lyng");
}

/* "AM International Inc said …. It said …": capitals that spell a stop
 * word ("AM", "US") open the name they come before. */
static void
test_speakers_capitals_spelling_a_stop_word (void **state)
{
  (void) state;
  assert_said ("AM International Inc, reporting a loss for the quarter, said prospects remain good.\n\nIt said "
               "orders at its Harris Graphics unit \"continue to run at a strong pace.\"\n",
               "strong pace", "AM International Inc");
}

/* "a company spokeswoman said": the business the article is about, as
 * "the company said" finds it. */
static void
test_speakers_a_company_spokeswoman (void **state)
{
  (void) state;
  assert_said ("Diamond Shamrock Corp said it cut its contract prices for crude oil by 1.50 dlrs a barrel.\n\n"
               "The cut brings its posted price to 16.00 dlrs a barrel.\n\n\"The price cut was made in the "
               "light of falling product prices,\" a company spokeswoman said.\n",
               "falling product prices", "Diamond Shamrock Corp");
}

/* "a Western aid specialist said", "one salesman said": roles too. */
static void
test_speakers_specialist_and_salesman_are_roles (void **state)
{
  (void) state;
  assert_said ("Grain sales have slowed.\n\n\"It is a no-win situation,\" a Western aid specialist said. "
               "\"At least the rains have not made it worse,\" he added.\n",
               "rains", "a Western aid specialist");
  assert_said ("The recorders went on sale in Tokyo.\n\n\"Nobody can tell the difference,\" one salesman "
               "said.\n",
               "tell the difference", "one salesman");
}

/* "Lyng's aide said": someone named by whose he is, when that one is
 * one of the article's people ("France's finance minister" is not). */
static void
test_speakers_lyngs_aide (void **state)
{
  (void) state;
  assert_said ("Agriculture Secretary Richard Lyng will meet exporters today.\n\n\"The export program is "
               "pretty obviously one of the things they want to talk about,\" Lyng's aide said.\n",
               "pretty obviously", "Lyng's aide");
}

/* "One senior dealer for a German bank said", "an analyst with Smith
 * Barney said": someone unnamed, shown with where he works. */
static void
test_speakers_dealer_for_a_bank (void **state)
{
  (void) state;
  assert_said ("Dealers doubted the scheme.\n\nOne senior dealer for a German bank said, \"There is no way they "
               "can have hoped to get away with it.\"\n",
               "get away with it", "One senior dealer for a German bank");
  assert_said ("Dealers doubted the scheme.\n\n\"There is no way they can get away with it,\" an analyst with "
               "Smith Barney said.\n",
               "get away with it", "an analyst with Smith Barney");
}

/* "A Reagan administration official said …. … said the official": the
 * one unnamed someone of that role, however far back. */
static void
test_speakers_the_official_far_back (void **state)
{
  (void) state;
  const char *far = "Markets were calm this week.\n\nA Reagan administration official said the Paris accord "
                    "was the main reason.\n\nBut he said in an interview that markets understood \"that all six "
                    "countries agreed on the measures.\"\n\nAnalysts said stability had been helped.\n\nThe "
                    "official would not comment on a secret pact.\n\nMonetary analysts said stability had been "
                    "helped by the decision to stop quarrelling.\n\nInstead they have focused on medium-term "
                    "goals.\n\nThey left room to adjust their agreements.\n\nThe dollar has held steady since "
                    "then.\n\nTraders expect little change this month.\n\nOn February 22, the United States, Japan, "
                    "West Germany, France and Britain agreed on the ranges.\n\nThe shake-up would strengthen "
                    "the U.S. position.\n\n\"I think these changes will strengthen the President's hand,\" said "
                    "the official, an economic policymaker.\n";
  assert_said (far, "President's hand", "A Reagan administration official");
}

/* "An analyst familiar with the two mines said": the analyst. */
static void
test_speakers_analyst_familiar_with (void **state)
{
  (void) state;
  assert_said ("Shares rose.\n\nAn analyst familiar with the two mines said \"the properties have a value of 20 "
               "dlrs to 40 dlrs a share.\"\n",
               "properties", "An analyst familiar with the two mines");
}

/* A wire story's one spokeswoman: "a Benetton spokeswoman here said",
 * "the spokeswoman said" a few paragraphs on with nobody quoted since,
 * and "she said" after a sentence whose quotation is hers. */
static void
test_speakers_the_stories_one_spokeswoman (void **state)
{
  (void) state;
  const char *story = "Benetton SpA of Italy is weighing possible acquisitions, a Benetton spokeswoman here "
                      "said.\n\n\"We are thinking of diversification,\" the spokeswoman said.\n\nHowever, she "
                      "said the company was not targeting the U.S.\n\nIts shares are traded in the U.S. as "
                      "American Depository Receipts.\n\nBenetton is now holding talks with Wall Street firms. "
                      "\"There's absolutely no timetable,\" the spokeswoman said.\n\nShe also denied reports of a "
                      "bond issue. \"We're not thinking of issuing bonds,\" she said.\n";
  assert_said (story, "diversification", "Benetton SpA");
  assert_said (story, "no timetable", "Benetton SpA");
  assert_said (story, "issuing bonds", "Benetton SpA");
}

/* "Jean-Marc Vernes, president of sugar producer Beghin-Say, told
 * journalists. … he said": "Jean" is a man's name in French, a woman's
 * in English, so no evidence either way. */
static void
test_speakers_jean_is_no_woman_for_sure (void **state)
{
  (void) state;
  assert_said ("Sugar producers may drop their protest.\n\nThe producers are protesting, Jean-Marc Vernes, "
               "president of sugar producer Beghin-Say, which is leading the protest, told journalists today. "
               "\"We are moving towards a solution,\" he said.\n",
               "towards a solution", "Jean-Marc Vernes");
}

/* "A spokesman at First Chicago Corp said …. “…,” a spokesman said":
 * the body the spokesman before was at ("First" opens a bank's name).
 * Not any body opening the sentence before: "Sky first scooped Oscar
 * rights from the BBC …. “…,” a spokesman said" is the BBC's. */
static void
test_speakers_a_spokesman_at_first_chicago (void **state)
{
  (void) state;
  assert_said ("Banks reviewed their loans.\n\nA spokesman at First Chicago Corp said it is premature to act. "
               "\"It is our expectation that Brazil will meet its debt,\" a spokesman said.\n",
               "meet its debt", "First Chicago Corp");
  assert_said ("Banks reviewed their loans.\n\n\"Brazil will meet its debt,\" a spokesman for First Chicago "
               "Corp said.\n",
               "meet its debt", "First Chicago Corp");
  assert_said ("The BBC won the rights back.\n\nSky first scooped Oscar rights from the BBC in 1999, but the "
               "BBC won them back in 2001 when Sky was forced to pull out of a bidding war. \"BBC viewers will be "
               "able to watch the awards,\" a spokesman said.\n",
               "watch the awards", NULL);
}

/* Lower-cased copy: "the president and mrs reagan celebrate their
 * anniversary" makes no "reagan celebrate" (a word before its object is
 * a verb), and "reagan replied", written so throughout, is no slip for
 * "donald regan". */
static void
test_speakers_lower_cased_reagan (void **state)
{
  (void) state;
  const char *text = "President reagan angrily denounced press reports that his wife, nancy, is running the "
                     "government as ' despicable fiction. ' He said the reports had ' touched a nerve and made "
                     "him angry. ' Reagan made the comments at a photo session, where he looked tired and he spoke "
                     "briefly. The president and mrs reagan celebrate their wedding anniversary today as "
                     "reagan prepares to speak to the nation. Chief of staff donald regan was not at the "
                     "session with the press. When a reporter asked about mrs reagan's role in government, reagan "
                     "replied: ' i think "
                     "this is being bandied about by the press and it is fiction. '\n";
  assert_said (text, "touched a nerve", "reagan");
  assert_said (text, "bandied about", "reagan");
}

/* "Jim Billington, Farm Credit Administration (FCA) board member told
 * …": an open apposition goes on over an acronym's brackets. */
static void
test_speakers_open_apposition_over_an_acronym (void **state)
{
  (void) state;
  assert_said ("The board members differed.\n\nJim Billington, Farm Credit Administration (FCA) board member "
               "told a House hearing \"I feel your subcommittee should plan on providing 800 mln dlrs.\"\n",
               "subcommittee should plan", "Jim Billington");
}

/* Reuters writes "and" for "&": "Dun and Bradstreet Corp said" is the
 * firm, and "Daniel McKinley, oil analyst with Smith Barney, Upham
 * Harris and Co said" is the analyst, the comma inside the firm's name
 * no end to his apposition. */
static void
test_speakers_firms_joined_by_and (void **state)
{
  (void) state;
  assert_said ("Business failures rose in February.\n\n\"The level of business failures continues to be "
               "high,\" Dun and Bradstreet Corp said.\n",
               "business failures continues", "Dun and Bradstreet Corp");
  assert_said ("Oil prices fell.\n\nDaniel McKinley, oil analyst with Smith Barney, Upham Harris and Co said, "
               "\"both physical and futures markets have been oversold.\"\n",
               "oversold", "Daniel McKinley");
}

/* "General Motors said", "Tri-Star Pictures Inc": a role's word opening
 * a firm's name is part of it; "General Colin Powell" stays a title. */
static void
test_speakers_general_motors (void **state)
{
  (void) state;
  assert_said ("The strike began at noon.\n\nGeneral Motors said it was \"eager to continue meeting with union "
               "officials.\"\n",
               "eager to continue", "General Motors");
  assert_said ("The war went on.\n\n\"We will win,\" General Colin Powell said.\n", "We will win", "Colin Powell");
}

/* "Asked if South Korea would drop its barriers, he said": a name in the
 * question is not the one who answers it. */
static void
test_speakers_a_name_in_the_question_does_not_answer (void **state)
{
  (void) state;
  assert_said ("Trade minister Rha Woong Bae spoke to reporters. Asked if South Korea would drop its trade "
               "barriers once its debt was reduced, he said \"yes, I think so.\"\n",
               "I think so", "Rha Woong Bae");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_speakers_he_is_who_spoke_not_who_was_mentioned),
    cmocka_unit_test (test_speakers_he_said_after_a_long_aside),
    cmocka_unit_test (test_speakers_she_said_finds_no_man),
    cmocka_unit_test (test_speakers_spaced_possessive_in_lower_cased_copy),
    cmocka_unit_test (test_speakers_unnamed_spokesman_is_he),
    cmocka_unit_test (test_speakers_screamed_before_the_name),
    cmocka_unit_test (test_speakers_the_club_striker_is_the_one_named),
    cmocka_unit_test (test_speakers_a_couple_keeps_their_given_names),
    cmocka_unit_test (test_speakers_a_body_keeps_its_nationality),
    cmocka_unit_test (test_speakers_a_name_ends_with_its_sentence),
    cmocka_unit_test (test_speakers_spokesman_quoted_twice),
    cmocka_unit_test (test_speakers_quote_paragraph_after_reported_speech),
    cmocka_unit_test (test_speakers_quote_after_its_subject_sentence),
    cmocka_unit_test (test_speakers_party_and_state_after_a_name),
    cmocka_unit_test (test_speakers_bodies_and_sources),
    cmocka_unit_test (test_speakers_alleged_is_said),
    cmocka_unit_test (test_speakers_the_30_year_old_is_the_one_named),
    cmocka_unit_test (test_speakers_a_place_after_in_is_no_speaker),
    cmocka_unit_test (test_speakers_lower_cased_name_runs_to_its_verb),
    cmocka_unit_test (test_speakers_she_went_on_is_the_neighbour),
    cmocka_unit_test (test_speakers_someone_unnamed_speaks),
    cmocka_unit_test (test_speakers_back_to_back_quotes_share_the_speaker),
    cmocka_unit_test (test_speakers_given_name_alone_is_the_full_name),
    cmocka_unit_test (test_speakers_repeated_calls_is_reported_speech),
    cmocka_unit_test (test_speakers_given_name_and_surname_before_said),
    cmocka_unit_test (test_speakers_lower_cased_given_name_anywhere),
    cmocka_unit_test (test_speakers_lower_cased_appositive_before_told),
    cmocka_unit_test (test_speakers_lower_cased_name_before_an_age),
    cmocka_unit_test (test_speakers_lower_cased_verb_after_a_title),
    cmocka_unit_test (test_speakers_surname_that_is_a_role),
    cmocka_unit_test (test_speakers_name_set_off_after_a_role),
    cmocka_unit_test (test_speakers_the_american_is_the_one_named),
    cmocka_unit_test (test_speakers_new_year_is_nobody),
    cmocka_unit_test (test_speakers_no_attribution_after_that),
    cmocka_unit_test (test_speakers_verb_first_before_a_colon),
    cmocka_unit_test (test_speakers_role_word_after_a_given_name),
    cmocka_unit_test (test_speakers_misspelt_surname),
    cmocka_unit_test (test_speakers_he_is_the_subject_before_is),
    cmocka_unit_test (test_speakers_a_spokesman_for_the_body_before),
    cmocka_unit_test (test_speakers_the_minister_and_the_prop),
    cmocka_unit_test (test_speakers_opening_name_before_an_apposition),
    cmocka_unit_test (test_speakers_born_and_based_are_no_names),
    cmocka_unit_test (test_speakers_adverb_and_past_verb_are_no_names),
    cmocka_unit_test (test_speakers_acronym_spelt_out_in_brackets),
    cmocka_unit_test (test_speakers_name_after_said_is_no_subject),
    cmocka_unit_test (test_speakers_short_quote_after_call),
    cmocka_unit_test (test_speakers_given_name_shares_the_surname),
    cmocka_unit_test (test_speakers_the_statement_added),
    cmocka_unit_test (test_speakers_hyphened_given_names),
    cmocka_unit_test (test_speakers_role_surname_before_said),
    cmocka_unit_test (test_speakers_whose_spokesman),
    cmocka_unit_test (test_speakers_apposition_left_open),
    cmocka_unit_test (test_speakers_a_name_after_a_is_no_he),
    cmocka_unit_test (test_speakers_a_report_by_someone),
    cmocka_unit_test (test_speakers_he_before_a_name_in_a_sentence),
    cmocka_unit_test (test_speakers_ampersand_within_a_name),
    cmocka_unit_test (test_speakers_his_aunt_named_after_a_comma),
    cmocka_unit_test (test_speakers_lower_cased_spokesman_and_party),
    cmocka_unit_test (test_speakers_lower_cased_reported_speech_and_portfolio),
    cmocka_unit_test (test_speakers_lower_cased_name_before_an_appositive),
    cmocka_unit_test (test_speakers_lower_cased_separate_statement),
    cmocka_unit_test (test_speakers_particles_inside_a_name),
    cmocka_unit_test (test_speakers_lower_cased_name_before_a_past_verb),
    cmocka_unit_test (test_speakers_lower_cased_spokesman_for_a_body),
    cmocka_unit_test (test_speakers_lower_cased_bare_subject),
    cmocka_unit_test (test_speakers_lower_cased_name_before_a_comma_and_title),
    cmocka_unit_test (test_speakers_lower_cased_verb_or_adverb_after_a_title),
    cmocka_unit_test (test_speakers_lower_cased_name_after_an_appositive),
    cmocka_unit_test (test_speakers_he_as_a_family_name_after_a_question),
    cmocka_unit_test (test_speakers_trade_ending_and_rare_name_in_ly),
    cmocka_unit_test (test_speakers_lower_cased_given_name_before_a_common_word),
    cmocka_unit_test (test_speakers_lower_cased_rare_word_after_a_name),
    cmocka_unit_test (test_speakers_lower_cased_two_word_names),
    cmocka_unit_test (test_speakers_band_roles_are_titles),
    cmocka_unit_test (test_speakers_named_or_glossed_word_has_no_speaker),
    cmocka_unit_test (test_speakers_name_of_a_body_then_said),
    cmocka_unit_test (test_speakers_he_is_not_a_prepositions_object),
    cmocka_unit_test (test_speakers_name_after_he_is_no_subject),
    cmocka_unit_test (test_speakers_she_shared),
    cmocka_unit_test (test_speakers_the_company_is_the_body_named),
    cmocka_unit_test (test_speakers_body_names_hold_of_and_for),
    cmocka_unit_test (test_speakers_two_roles_before_the_name),
    cmocka_unit_test (test_speakers_since_and_still_before_the_verb),
    cmocka_unit_test (test_speakers_said_one_trader),
    cmocka_unit_test (test_speakers_the_spokesman_is_the_one_before),
    cmocka_unit_test (test_speakers_time_phrase_before_the_verb),
    cmocka_unit_test (test_speakers_but_before_the_subject),
    cmocka_unit_test (test_speakers_lower_cased_role_that_qualifies),
    cmocka_unit_test (test_speakers_lower_cased_name_in_ly),
    cmocka_unit_test (test_speakers_lower_cased_name_after_an_opening_phrase),
    cmocka_unit_test (test_speakers_lower_cased_body_where_a_role_is_held),
    cmocka_unit_test (test_speakers_lower_cased_name_of_a_place),
    cmocka_unit_test (test_speakers_ing_forms_of_saying),
    cmocka_unit_test (test_speakers_lower_cased_relative_named),
    cmocka_unit_test (test_speakers_lower_cased_rare_subject),
    cmocka_unit_test (test_speakers_lower_cased_name_after_a_comma),
    cmocka_unit_test (test_speakers_lower_cased_full_stop_ends_the_quote),
    cmocka_unit_test (test_speakers_lower_cased_ing_form_before_a_name),
    cmocka_unit_test (test_speakers_reports_after_the_quote),
    cmocka_unit_test (test_speakers_lower_cased_common_word_after_a_relative),
    cmocka_unit_test (test_speakers_lower_cased_words_before_a_title_after_said),
    cmocka_unit_test (test_speakers_lower_cased_acronym_spelt_in_brackets),
    cmocka_unit_test (test_speakers_lower_cased_spokesman_of_the_body_before),
    cmocka_unit_test (test_speakers_lower_cased_name_before_the_next_sentence),
    cmocka_unit_test (test_speakers_lower_cased_honorific_and_possessive),
    cmocka_unit_test (test_speakers_lower_cased_words_before_a_given_name_after_said),
    cmocka_unit_test (test_speakers_lower_cased_less_common_given_names),
    cmocka_unit_test (test_speakers_present_tense_cues),
    cmocka_unit_test (test_speakers_and_said_after_a_quote),
    cmocka_unit_test (test_speakers_given_name_before_a_place_word),
    cmocka_unit_test (test_speakers_someone_from_the_place),
    cmocka_unit_test (test_speakers_portfolio_opens_a_body),
    cmocka_unit_test (test_speakers_a_role_said_twice_but_nobodys_title),
    cmocka_unit_test (test_speakers_she_after_a_possessive),
    cmocka_unit_test (test_speakers_while_opens_another_clause),
    cmocka_unit_test (test_speakers_kin_and_given_name_is_she),
    cmocka_unit_test (test_speakers_the_report_said_as_a_statement),
    cmocka_unit_test (test_speakers_the_patient_unnamed),
    cmocka_unit_test (test_speakers_the_production_company),
    cmocka_unit_test (test_speakers_the_lead_holds_back_the_name),
    cmocka_unit_test (test_speakers_rare_word_opening_a_sentence),
    cmocka_unit_test (test_speakers_the_spokeswoman_who_spoke_last),
    cmocka_unit_test (test_speakers_according_to_is_who_speaks),
    cmocka_unit_test (test_speakers_she_is_the_one_of_her_given_name),
    cmocka_unit_test (test_speakers_owner_before_a_name),
    cmocka_unit_test (test_speakers_given_name_of_other_gender_is_kin),
    cmocka_unit_test (test_speakers_capitals_before_a_given_name),
    cmocka_unit_test (test_speakers_spokesman_two_sentences_back),
    cmocka_unit_test (test_speakers_spokesman_over_his_reported_speech),
    cmocka_unit_test (test_speakers_age_before_the_name_after_the_verb),
    cmocka_unit_test (test_speakers_the_companies_are_the_two_named),
    cmocka_unit_test (test_speakers_lower_cased_particle_before_appositive),
    cmocka_unit_test (test_speakers_name_before_spokesman_is_no_he),
    cmocka_unit_test (test_speakers_lower_cased_possessive_before_a_given_name),
    cmocka_unit_test (test_speakers_lower_cased_unclosed_appositive_after_a_quote),
    cmocka_unit_test (test_speakers_bare_ampersand_joins_a_body),
    cmocka_unit_test (test_speakers_and_inside_a_title_after_the_verb),
    cmocka_unit_test (test_speakers_hyphenated_role_after_a_club),
    cmocka_unit_test (test_speakers_title_of_a_body_before_the_name),
    cmocka_unit_test (test_speakers_role_of_another_body_is_not_the_holders),
    cmocka_unit_test (test_speakers_qualified_role_nobody_holds),
    cmocka_unit_test (test_speakers_name_after_his_qualifies_a_thing),
    cmocka_unit_test (test_speakers_the_top_seed),
    cmocka_unit_test (test_speakers_capitals_without_a_person_are_a_weak_he),
    cmocka_unit_test (test_speakers_relative_clause_over_two_commas),
    cmocka_unit_test (test_speakers_the_tory_leader_saying),
    cmocka_unit_test (test_speakers_the_nationality_the_article_gave),
    cmocka_unit_test (test_speakers_nationality_nouns),
    cmocka_unit_test (test_speakers_age_or_nationality_carries_the_he),
    cmocka_unit_test (test_speakers_partial_quote_runs_on_to_its_attribution),
    cmocka_unit_test (test_speakers_subject_before_its_clause_and_of),
    cmocka_unit_test (test_speakers_told_me_when_i_visited),
    cmocka_unit_test (test_speakers_portfolio_opens_a_body_name),
    cmocka_unit_test (test_speakers_surname_before_a_body_short_form),
    cmocka_unit_test (test_speakers_person_after_a_body_and_regnal_numbers),
    cmocka_unit_test (test_speakers_honorific_inside_an_appositive),
    cmocka_unit_test (test_speakers_name_before_a_noun_is_no_he),
    cmocka_unit_test (test_speakers_appositive_before_the_verb_is_the_subject),
    cmocka_unit_test (test_speakers_acronym_before_the_verb),
    cmocka_unit_test (test_speakers_name_after_a_quote_owns_its_appositive),
    cmocka_unit_test (test_speakers_according_to_is_a_subject),
    cmocka_unit_test (test_speakers_no_appositive_after_a_conjunction),
    cmocka_unit_test (test_speakers_someone_at_a_body),
    cmocka_unit_test (test_speakers_after_the_verb_someone_and_first),
    cmocka_unit_test (test_speakers_quoted_by_a_paper_as_saying),
    cmocka_unit_test (test_speakers_place_set_off_before_the_subject),
    cmocka_unit_test (test_speakers_two_titles_before_the_name),
    cmocka_unit_test (test_speakers_a_document_speaks),
    cmocka_unit_test (test_speakers_the_state_and_party),
    cmocka_unit_test (test_speakers_the_role_for_a_body_is_someone_new),
    cmocka_unit_test (test_speakers_said_adding),
    cmocka_unit_test (test_speakers_a_name_written_twice_is_no_slip),
    cmocka_unit_test (test_speakers_party_tag_is_no_one),
    cmocka_unit_test (test_speakers_hyphened_names_before_a_noun),
    cmocka_unit_test (test_speakers_rest_of_a_body_name_is_no_one),
    cmocka_unit_test (test_speakers_wire_roles_and_documents),
    cmocka_unit_test (test_speakers_a_name_in_the_question_does_not_answer),
    cmocka_unit_test (test_speakers_someone_unnamed_is_he),
    cmocka_unit_test (test_speakers_one_source_is_no_body_named_one),
    cmocka_unit_test (test_speakers_apposition_left_open_before_the_verb),
    cmocka_unit_test (test_speakers_a_nationality_is_no_company),
    cmocka_unit_test (test_speakers_reached_by_is_no_speaker),
    cmocka_unit_test (test_speakers_house_speaker_is_a_title),
    cmocka_unit_test (test_speakers_the_official_again),
    cmocka_unit_test (test_speakers_bodies_ending_alike_are_two),
    cmocka_unit_test (test_speakers_bank_president_defends_saying),
    cmocka_unit_test (test_speakers_he_after_a_misspelt_surname),
    cmocka_unit_test (test_speakers_the_aide_who_said_before),
    cmocka_unit_test (test_speakers_capitals_spelling_a_stop_word),
    cmocka_unit_test (test_speakers_a_company_spokeswoman),
    cmocka_unit_test (test_speakers_specialist_and_salesman_are_roles),
    cmocka_unit_test (test_speakers_lyngs_aide),
    cmocka_unit_test (test_speakers_dealer_for_a_bank),
    cmocka_unit_test (test_speakers_the_official_far_back),
    cmocka_unit_test (test_speakers_analyst_familiar_with),
    cmocka_unit_test (test_speakers_the_stories_one_spokeswoman),
    cmocka_unit_test (test_speakers_jean_is_no_woman_for_sure),
    cmocka_unit_test (test_speakers_a_spokesman_at_first_chicago),
    cmocka_unit_test (test_speakers_lower_cased_reagan),
    cmocka_unit_test (test_speakers_open_apposition_over_an_acronym),
    cmocka_unit_test (test_speakers_firms_joined_by_and),
    cmocka_unit_test (test_speakers_general_motors),
  };
  return cmocka_run_group_tests_name ("speakers", tests, NULL, NULL);
}
