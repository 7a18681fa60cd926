// Package geo holds the gazetteer embedded in the binary (countries,
// first-level subdivisions, and GeoNames places of 15,000 people or more
// plus every capital and provincial seat, and curated seas, straits,
// regions, crossings and disputed shoals as kinds Region and Site), finds place mentions in a
// document, resolves them with the article's context (the countries it
// names, its actors' countries, population) rather than by name alone, and
// gives each event the place where it happened.
//
// The locator (Locate) reads the tree of the sentence it places (parsed on
// demand when the document has none): an event's place is a place in a
// locative phrase that hangs on its own trigger, predicate or their
// arguments; for an attack, the place struck; for an event of the
// dateline's country among its own actors, or a meeting with them, the
// dateline; else, for a later event of the lede's actors on the lede's
// day, the lede's place (scenes). Its rules are data (rules.tsv): the prepositions that place
// an event and for which codes, the nouns of place, the nouns of sites
// that can be struck, the verbal roots placed where they are said, the
// codes the dateline places between states, and the names the loader
// never indexes. Every location says how it was found (Location.Basis).
package geo
