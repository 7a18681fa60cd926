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
package eval
