/* Edmundson's cue dictionary for English news, as case-folded words (the
 * host's term_text), each list sorted for bsearch. Written from the
 * categories of Edmundson (1969), not from the corpora: bonus words are
 * value and emphasis words, superlatives, and words of conclusion and
 * cause; stigma words hedge, belittle or announce a side detail. sumy
 * ships no list (its user supplies one). */
#ifndef ABRIDGE_PLUGIN_EDMUNDSON_CUES_H
#define ABRIDGE_PLUGIN_EDMUNDSON_CUES_H

static const char *const EDMUNDSON_BONUS[] = {
  "announced", "biggest", "central", "chief", "concluded", "conclusion", "confirmed",
  "consequently", "critical", "crucial", "decisive", "essential", "finally", "greatest",
  "hence", "highest", "important", "importantly", "key", "largest", "lowest", "main", "major",
  "notably", "primary", "principal", "record", "result", "resulted", "results", "revealed",
  "significant", "significantly", "therefore", "thus", "unprecedented", "vital",
};

static const char *const EDMUNDSON_STIGMA[] = {
  "allegedly", "anyway", "apparently", "barely", "hardly", "incidentally", "maybe",
  "meanwhile", "merely", "perhaps", "possibly", "presumably", "probably", "reportedly",
  "rumoured", "seemingly", "slightly", "somewhat", "supposedly", "uncertain", "unclear",
};

#endif
