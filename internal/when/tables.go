package when

import "time"

// The words the package reads, as data.

var months = map[string]time.Month{
	"january": 1, "jan": 1, "jan.": 1, "february": 2, "feb": 2, "feb.": 2, "march": 3, "mar": 3, "mar.": 3,
	"april": 4, "apr": 4, "apr.": 4, "may": 5, "june": 6, "jun": 6, "jun.": 6, "july": 7, "jul": 7, "jul.": 7,
	"august": 8, "aug": 8, "aug.": 8, "september": 9, "sep": 9, "sep.": 9, "sept": 9, "sept.": 9,
	"october": 10, "oct": 10, "oct.": 10, "november": 11, "nov": 11, "nov.": 11, "december": 12, "dec": 12, "dec.": 12,
}

var weekdays = map[string]time.Weekday{"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6}

// timeWords name a day or part of one relative to now; with months and
// weekdays they are what IsTimeWord knows.
var timeWords = map[string]bool{"today": true, "yesterday": true, "tonight": true, "tomorrow": true,
	"morning": true, "afternoon": true, "evening": true, "night": true, "overnight": true,
	"week": true, "month": true, "year": true}

// partsOfDay follow a weekday ("Tuesday night") or "this", "that", "the
// next" and still name a day.
var partsOfDay = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

// publicationDays are single words naming a day counted from publication.
var publicationDays = map[string]int{"today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1}

var numbers = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3}

// units of a counted offset ("two days later", "three weeks ago"); hours
// and minutes keep the day.
var units = map[string]string{"day": Day, "days": Day, "night": Day, "nights": Day, "week": Week, "weeks": Week,
	"month": Month, "months": Month, "year": Year, "years": Year, "hour": hours, "hours": hours, "minute": hours, "minutes": hours}

const hours = "hours" // a unit under a day: the offset is zero days

// Offsets from the previous dated event of the article, read before the
// clause they date: "the next day", "a week later".
var (
	// "the next day", "the following week": one unit after
	nextWords = map[string]int{"next": 1, "following": 1, "previous": -1, "preceding": -1}
	// "two days later", "a day earlier": the count's direction
	laterWords = map[string]int{"later": 1, "earlier": -1, "afterwards": 1, "afterward": 1, "before": -1, "after": 1}
	// "that day", "the same day", "later that day": the previous event's day
	sameDayWords = map[string]bool{"that": true, "same": true}
)

// ingNouns are -ing words the tagger may read as participles after a
// noun where they are the head of a compound ("the border crossing on
// Tuesday", "a cabinet meeting on Monday"): they open no clause. "being"
// is an auxiliary.
var ingNouns = map[string]bool{"being": true, "crossing": true, "meeting": true, "building": true, "bombing": true,
	"shelling": true, "shooting": true, "killing": true, "fighting": true, "funding": true, "training": true,
	"hearing": true, "briefing": true, "gathering": true, "uprising": true, "opening": true, "spending": true,
	"ceiling": true, "warning": true, "landing": true, "sitting": true, "setting": true}

// The clause a temporal expression dates, read from word order and tags
// (the pipeline runs no parser unless a stage reads the tree): words and
// tags that open a subordinate clause, and how its time relates to the
// clause it hangs on.
type link int

const (
	linkMain     link = iota
	linkSame          // "when", "while", "as", a participle after a comma: at the time of the clause it hangs on
	linkReported      // "said that ...": what is reported takes the reporting clause's date when it names none
	linkRelative      // "which", "who", a participle after a noun: dated by its own words or by the noun phrase it modifies
	linkApart         // "after", "before", "until", "because", "if": another time; no date crosses
)

// openers open a subordinate clause or phrase ("since" but in a perfect
// clause, which it dates from its start: "has fought since 2023").
var openers = map[string]link{
	"after": linkApart, "before": linkApart, "since": linkApart, "until": linkApart, "till": linkApart, "once": linkApart,
	"because": linkApart, "if": linkApart, "unless": linkApart, "although": linkApart, "though": linkApart, "whereas": linkApart,
	"ahead": linkApart, "prior": linkApart, "following": linkApart,
	"when": linkSame, "while": linkSame, "as": linkSame, "whereupon": linkSame,
	"which": linkRelative, "who": linkRelative, "whom": linkRelative, "whose": linkRelative,
}

// closers end a subordinate clause that is not a report: the clause it
// hangs on goes on after them.
var closers = map[string]bool{",": true, ";": true, ":": true, "—": true, "–": true, "--": true}

// Tense of the clause an expression stands in decides on which side of
// the publication date an incomplete date lies.
type direction int

const (
	dirUnknown direction = iota // no tense: the nearest such day
	dirPast                     // on or before publication (the day after, for time zones east of the publisher's)
	dirFuture                   // on or after publication
)

// futureWords are auxiliaries and modals of what is still to come;
// "would" reports a future in the past ("said it would reopen the crossing
// on March 3"), the other modals what may come.
var futureWords = map[string]bool{"will": true, "shall": true, "'ll": true, "wo": true, "would": true,
	"could": true, "may": true, "might": true, "should": true, "must": true, "can": true, "ca": true}

// scheduled verbs in a present passive or adjective put a date ahead:
// "talks are scheduled for Monday", "the vote is due on Friday".
var scheduled = map[string]bool{"schedule": true, "set": true, "plan": true, "expect": true, "due": true, "slate": true, "poise": true}

// reportingVerbs in the present tell of something else: the verb after
// the date gives its tense ("officials say the attack on Tuesday killed
// ten").
var reportingVerbs = map[string]bool{"say": true, "tell": true, "report": true, "claim": true, "add": true, "announce": true,
	"confirm": true, "state": true, "insist": true, "deny": true, "allege": true, "believe": true, "accuse": true, "argue": true, "warn": true}

// presentAux make a progressive or passive present ("are meeting on
// Monday", "is expected on Friday"); pastAux a past one.
var (
	presentAux = map[string]bool{"is": true, "are": true, "am": true, "'s": true, "'re": true, "'m": true}
	pastAux    = map[string]bool{"was": true, "were": true, "had": true, "did": true}
	perfectAux = map[string]bool{"has": true, "have": true, "'ve": true}
)

// pastTimeZoneLead is how many days after publication a day named in a
// past clause may lie: a story dated in the publisher's time zone tells
// of "early Wednesday" in Seoul on the publisher's Tuesday.
const pastTimeZoneLead = 1

// unknownReach is how far from publication the nearest weekday of a
// clause without tense may be looked for in the past before the future
// is taken instead.
const unknownReach = 3
