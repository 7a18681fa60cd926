// Package when dates events from the temporal expressions of their
// article, read from word order and Penn tags (the pipeline runs no
// parser unless a stage reads the tree).
//
// Expressions: explicit dates ("on 18 March 2024", "March 18", "Jan.
// 26"), weekdays ("on Monday", "Tuesday night", "Monday's attack"),
// months ("in January", "late October"), years after a cue ("in 2013",
// "since 2021"), days and periods counted from publication ("yesterday",
// "this morning", "last week", "earlier this month", "two days ago",
// "next year"), days counted from the previous dated event of the
// article ("a week later", "the next day", "the following week", "that
// day", "the evening before"), offsets of a clause ("two days after
// insurgents attacked", "hours after", "the day after the bombing") and
// ranges. A date ending a period ("until the end of 2028") and the date
// of a dateline ("KABUL [Afghanistan], March 3 :") date no event.
//
// Clauses: a sentence is split into its main clause and the clauses and
// phrases opened by the words of tables.go ("after", "when", "that",
// "which", a participle), each linked to the clause it hangs on. The tense
// and modality of an expression's own clause (the verb group nearest it:
// will, would, a modal, an infinitive, a progressive or a schedule look
// ahead; a past tense or perfect looks back; a present verb before the
// date schedules it) decide on which side of publication an incomplete
// date lies: "will meet on Monday" is the next Monday, "met on Monday"
// the last one (or the day after publication: time zones), a month in a
// future clause the next such month.
//
// Events (Dates.Event): the expression of the trigger's own clause
// nearest the trigger; else that of the clause reporting it ("said on
// Friday that ..."), of the clause a "when" or participle clause hangs
// on, or of the noun phrase a relative clause modifies; a clause after "N
// days after" counts back from the clause it hangs on; an "after" or
// "before" clause takes no date from its main clause, nor the main clause
// from it. A clause with no date of its own takes the date of the
// statement its quotation continues, else the lede's day (the story's
// day, within a week before publication), else the publication date.
// Every date says how it was found (Explicit, Relative, Context,
// Publication) and its precision (Day, Week, Month, Year).
package when
