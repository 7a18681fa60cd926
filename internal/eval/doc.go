// Package eval scores the coder against gold codings in the formats of
// the development sets: expected-event sets (petr2_gsr) scored by root and
// dyad, penta-class sets (cameo_train) scored by the class of the most
// confident event and by actor-span overlap, and news records (news_dev)
// scored by cue, root and actor prefixes with traps. The rules follow
// ../shared/eval/README.md exactly.
//
// Event dates: a news gold event may carry a date and its precision; for
// news_dev they come from news_dev_dates.tsv, a hand annotation made for
// annals that holds no text of the dev set (record id, event index and a
// hash of the cue). Two figures: among emitted events matched to a dated
// gold event, the share whose event_date falls in the gold date's day,
// week, month or year; and, whatever the coder found, the date annals
// gives an event triggered at the head of every dated gold cue
// (ScoreDatesAtCues), which does not move with the coder's recall.
//
// Event places: for news_dev they come from news_dev_places.tsv, a hand
// annotation keyed like the dates (record id, event index, cue hash, read
// by the same loader) and made by reading each article as a coder would:
// where did the event happen (the place of the attack, the city of the
// meeting; a statement's place where the text says it was made, else
// none). Each gold event has the place names a careful coder accepts
// (alternatives; a three-letter code accepts a location given only as
// that country), the place's country and a basis: clause (the event's
// own clause or nominal names the place), article (another sentence ties
// it to this event), dateline (only the dateline tells it), implied (the
// story implies it without telling it) or none (the text tells no place).
// An emitted location is right when its name is one of the alternatives
// (compared as gazetteer keys, a trailing "region", "province", "oblast",
// "state", "governorate" or "district" aside) and it lies in the gold
// place's country or one its alternatives name (a location of no single
// country, such as a sea, a strait or a disputed shoal, is in none and
// so in no wrong one: its name decides), or when it is given as a
// country (precision country) whose code is an alternative; a location
// on an event whose text tells none is wrong. The places line counts,
// among emitted events matched to gold events: located right / located,
// located in the right country, the events whose place is told (clause,
// article or dateline) and of them those given no location, and the
// events of no told place given none; then by basis, right / located
// (unlocated). An implied place is never a miss: a location there is
// right, none is no error. A second line (ScorePlacesAtCues) places every
// annotated gold event at its cue, as the dates at cues do: an event with
// the gold event's first root as its code, its first source and target
// prefixes (none where the gold allows any) and its mode, triggered at
// the cue's head; it has no target span, so the place-struck rule, which
// reads the target's words, does not apply there.
package eval
