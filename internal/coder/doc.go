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
package coder
