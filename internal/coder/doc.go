// Package coder turns a document's sentences and actor mentions into
// CAMEO-coded events with their evidence. It is a rule coder over a shallow
// parse: verb groups with their auxiliaries and negation, clause
// boundaries, subjects, objects and prepositional phrases, nominal triggers
// with possessors and by-phrases, and to-infinitive complements that pick
// the code of pledges, appeals, demands, refusals and threats. Every event
// names the lexicon line that fired and carries a mode (asserted, intended,
// negated, hypothetical, reported) and a confidence: Calibrate
// (confidence.go) estimates the chance a careful coder keeps the event
// from its evidence features, with the weights of lexicon/confidence.tsv
// that tools/genconf fits on the annotated sentences (package annot reads
// them). Lint lists lexicon rows that can never decide an event.
//
// The linguistic decisions are rows of the lexicon (lexicon/*.tsv), read
// by LoadLexicon and matched by the mechanisms here:
//
//   - verbs.tsv, verbs-petrarch.tsv, nouns.tsv: a trigger and the words
//     that must follow it, with the CAMEO code (patterns.go, verb.go,
//     nominal.go); annals' own rows win over PETRARCH-2's;
//   - complements.tsv: governing verbs and the families their
//     to-infinitives take their code from (pledge, urge, refuse, threaten);
//   - reciprocal.tsv: the predicates and markers whose coordinated actors
//     act on each other (reciprocal.go); any other act is one event per
//     conjunct;
//   - recode.tsv: codes by who acts (a crowd that attacks riots, troops
//     that leave withdraw), first matching row wins (recode.go);
//   - verdicts.tsv: the words with which a speaker judges an act ("is
//     illegal", "constitutes a violation", "jeopardized"), criticising its
//     doer (verdicts.go);
//   - cameo.tsv: the codebook (names, Goldstein scores, quad and penta
//     classes, PLOVER types); confidence.tsv: the confidence weights.
//
// Files by concern: arguments.go (subjects, objects, coordination),
// appositive.go (an unknown name's owner told by its appositive),
// passive.go (passives and agents), modifiers.go (clauses that describe a
// noun), quotes.go and claims.go (speakers and reported content), mode.go
// (clause status), verdicts.go, story.go and places.go (targets from the
// article), confidence.go and docconfidence.go.
package coder
