package when

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/text"
)

// eventDate dates an event whose trigger is the word trig ("word" or
// "word#2" for its second occurrence) in an article published on pub
// (YYYY-MM-DD, "" for none), read as the pipeline reads it: tags, no tree.
func eventDate(t *testing.T, txt, pub, trig string) Date {
	t.Helper()
	fe, err := text.Default()
	if err != nil {
		t.Fatal(err)
	}
	var p time.Time
	if pub != "" {
		p, _ = time.Parse("2006-01-02", pub)
	}
	doc, err := fe.ProcessContext(context.Background(), &annals.Article{Text: txt, Published: p}, false)
	if err != nil {
		t.Fatal(err)
	}
	word, nth := trig, 1
	if i := strings.IndexByte(trig, '#'); i >= 0 {
		word = trig[:i]
		nth, _ = strconv.Atoi(trig[i+1:])
	}
	ds := ForDoc(doc, p)
	for si, s := range doc.Sentences {
		for k := s.First; k < s.Last; k++ {
			if doc.Tokens[k].Text == word {
				if nth--; nth == 0 {
					return ds.Event(si, k)
				}
			}
		}
	}
	t.Fatalf("%q: no trigger %q", txt, trig)
	return Date{}
}

type dateCase struct {
	text, pub, trig    string
	date, prec, source string
}

func checkDates(t *testing.T, cases []dateCase) {
	t.Helper()
	for _, c := range cases {
		d := eventDate(t, c.text, c.pub, c.trig)
		if d.String() != c.date || d.Precision != c.prec || d.Source != c.source {
			t.Errorf("%q (published %s, %s): got %s %s %s, want %s %s %s", c.text, c.pub, c.trig,
				orNone(d.String()), orNone(d.Precision), orNone(d.Source), orNone(c.date), orNone(c.prec), orNone(c.source))
		}
	}
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// Tuesday 23 January 2024 is the publication date of most cases.
const tue = "2024-01-23"

// TestForwardReferences: in a clause about what is still to come (a
// future auxiliary, a modal, an infinitive, a progressive or a schedule),
// an incomplete date lies on or after publication.
func TestForwardReferences(t *testing.T) {
	checkDates(t, []dateCase{
		{"Ambassadors will return to their posts by Jan. 26, the foreign ministry said.", tue, "return", "2024-01-26", Day, Explicit},
		{"The two foreign ministers will meet on Monday in Geneva.", tue, "meet", "2024-01-29", Day, Explicit},
		{"Negotiators are scheduled to resume talks on Friday.", tue, "resume", "2024-01-26", Day, Explicit},
		{"The election commission said the runoff would be held on February 4.", tue, "held", "2024-02-04", Day, Explicit},
		{"The president is expected to visit Beijing in March.", tue, "visit", "2024-03-01", Month, Explicit},
		{"Officials agreed to hold a second round of talks on Saturday.", tue, "agreed", "2024-01-27", Day, Explicit},
		{"A ceasefire will take effect at midnight on Wednesday, officials said.", tue, "take", "2024-01-24", Day, Explicit},
		{"The ministers are meeting on Thursday to discuss the crisis.", tue, "meeting", "2024-01-25", Day, Explicit},
		{"The truce comes into force on Sunday.", tue, "comes", "2024-01-28", Day, Explicit},
		{"Talks are set to begin next week.", tue, "begin", "2024-01-30", Week, Relative},
		{"The summit will open tomorrow in Addis Ababa.", tue, "open", "2024-01-24", Day, Relative},
		// across the turn of the year
		{"The peacekeepers will withdraw by January 15.", "2024-11-20", "withdraw", "2025-01-15", Day, Explicit},
		{"The court will deliver its verdict in January.", "2024-11-20", "deliver", "2025-01-01", Month, Explicit},
		// a past reporting verb does not pull a future date back
		{"The government said on Monday it would reopen the crossing on February 2.", tue, "reopen", "2024-02-02", Day, Explicit},
	})
}

// TestRetrospectiveReferences: in a past clause an incomplete date lies
// on or before publication (or on the day after it: time zones east of
// the publisher's).
func TestRetrospectiveReferences(t *testing.T) {
	checkDates(t, []dateCase{
		{"Rebels attacked a military convoy on Monday.", tue, "attacked", "2024-01-22", Day, Explicit},
		{"Security forces fired tear gas at protesters on Sunday night.", tue, "fired", "2024-01-21", Day, Explicit},
		{"Police arrested the opposition leader on January 18.", tue, "arrested", "2024-01-18", Day, Explicit},
		{"The militia seized the town on December 28.", "2024-01-05", "seized", "2023-12-28", Day, Explicit},
		{"Fighting flared along the frontier in December.", "2024-01-05", "flared", "2023-12-01", Month, Explicit},
		{"The envoy was recalled last week.", tue, "recalled", "2024-01-16", Week, Relative},
		{"The minister resigned yesterday.", tue, "resigned", "2024-01-22", Day, Relative},
		{"Troops withdrew from the border town three days ago.", tue, "withdrew", "2024-01-20", Day, Relative},
		{"Monday's attack killed six soldiers.", tue, "killed", "2024-01-22", Day, Explicit},
		{"On Saturday, the coalition said its jets had struck arms depots.", tue, "struck", "2024-01-20", Day, Explicit},
		{"The ministry said on Friday that warplanes struck the camp.", tue, "struck", "2024-01-19", Day, Explicit},
		{"North Korea last tested a long-range missile on December 18.", tue, "tested", "2023-12-18", Day, Explicit},
		{"Pakistan closed its airspace and suspended trade on Thursday.", tue, "closed", "2024-01-18", Day, Explicit},
		{"The army has fought the militia since 2019.", tue, "fought", "2019-01-01", Year, Explicit},
		// a weekday a day after publication: the story's time zone
		{"Lawmakers voted early Wednesday to end the state of emergency.", tue, "voted", "2024-01-24", Day, Explicit},
		// the date of another clause is not the event's
		{"The ceasefire, which takes effect on Sunday, was agreed on Monday after talks in Cairo.", tue, "agreed", "2024-01-22", Day, Explicit},
		{"The ceasefire, which takes effect on Sunday, was agreed on Monday after talks in Cairo.", tue, "takes", "2024-01-28", Day, Explicit},
		{"Qatar said on Wednesday that the two sides had agreed to a truce starting on Sunday.", "2025-01-16", "agreed", "2025-01-15", Day, Explicit},
		{"Qatar said on Wednesday that the two sides had agreed to a truce starting on Sunday.", "2025-01-16", "starting", "2025-01-19", Day, Explicit},
		{"The envoy was ordered to leave after the generals seized power on July 26.", "2023-09-24", "ordered", "2023-09-24", Day, Publication},
		{"The envoy was ordered to leave after the generals seized power on July 26.", "2023-09-24", "seized", "2023-07-26", Day, Explicit},
		{"The government will suspend fuel imports until the end of 2026, the minister said on Monday.", tue, "suspend", "2024-01-22", Day, Explicit},
		{"The talks follow an April 1 strike on the consulate, which killed seven officers.", "2024-04-13", "killed", "2024-04-01", Day, Explicit},
	})
}

// TestRelativeReferences: "a week later", "the next day" count from the
// previous dated event of the article; "two days after ..." counts the
// clause after it back from the clause it hangs on; "yesterday", "last
// week" and a bare weekday count from publication whatever came before.
func TestRelativeReferences(t *testing.T) {
	fri := "2024-01-19"
	checkDates(t, []dateCase{
		{"Iran struck militant bases in Pakistan on Tuesday. Two days later, Pakistan launched strikes inside Iran.", fri, "launched", "2024-01-18", Day, Relative},
		{"Protesters stormed the parliament on March 3. The next day, the prime minister resigned.", "2024-03-10", "resigned", "2024-03-04", Day, Relative},
		{"The talks opened in Doha on January 8. A week later, the delegations signed a framework agreement.", tue, "signed", "2024-01-15", Week, Relative},
		{"Soldiers fired on the crowd on Sunday. The day before, protesters had blocked the highway.", tue, "blocked", "2024-01-20", Day, Relative},
		{"Israel struck a building in Beirut on Tuesday. Later that day, Hezbollah fired rockets at Haifa.", "2024-01-25", "fired", "2024-01-23", Day, Relative},
		{"The rebels seized the airport on January 5. The following week, government forces retook it.", tue, "retook", "2024-01-12", Week, Relative},
		{"Pakistan retaliated on Thursday, two days after Iran struck targets inside its territory.", fri, "struck", "2024-01-16", Day, Relative},
		{"Pakistan retaliated on Thursday, two days after Iran struck targets inside its territory.", fri, "retaliated", "2024-01-18", Day, Explicit},
		{"The strikes came a day after insurgents killed seven soldiers.", "2024-03-18", "killed", "2024-03-17", Day, Relative},
		{"Gunmen bombed a bus station in Quetta on Sunday. A day after the bombing, the government declared a state of emergency.", tue, "declared", "2024-01-22", Day, Relative},
		{"The army shelled the town on Monday, hours after rebels ambushed a patrol.", tue, "ambushed", "2024-01-22", Day, Relative},
		// a trailing "two days after" a noun phrase does not move a clause that names its day
		{"Afghan and Pakistani forces clashed at the border crossing on Tuesday, two days after Pakistani air strikes inside Afghanistan.", "2024-03-20", "clashed", "2024-03-19", Day, Explicit},
		{"Afghan and Pakistani forces clashed at the border crossing on Tuesday, two days after Pakistani air strikes inside Afghanistan.", "2024-03-20", "strikes", "2024-03-17", Day, Relative},
		// counted from publication, not from the previous event
		{"Iran seized a tanker on January 11. Last week, the navy escorted three ships through the strait.", tue, "escorted", "2024-01-16", Week, Relative},
		{"The ministers met in Vienna on January 3. On Tuesday, Tehran rejected the proposal.", tue, "rejected", "2024-01-23", Day, Explicit},
		{"The ministers met in Vienna on January 3. Yesterday, Tehran rejected the proposal.", tue, "rejected", "2024-01-22", Day, Relative},
		// with nothing dated before it, "the next day" counts from publication
		{"The next day, the rebels withdrew.", tue, "withdrew", "2024-01-24", Day, Relative},
	})
}

// TestUndatedClauses: a clause with no date takes that of the statement
// its quotation continues, else the day of the lede, else publication;
// a dateline's date is the story's, not an event's.
func TestUndatedClauses(t *testing.T) {
	checkDates(t, []dateCase{
		{"Mediators said on Wednesday that both sides had agreed to a truce. The first hostages will be freed within days, the prime minister said.", "2025-01-16", "freed", "2025-01-15", Day, Context},
		{"The envoy said on Saturday: \"We are shocked by the killings. We asked the government to investigate.\" Officials later visited the site.", "2024-01-28", "asked", "2024-01-27", Day, Context},
		{"Police detained dozens of protesters in the capital.", tue, "detained", tue, Day, Publication},
		{"Tehran [Iran], March 3 : Gunmen have killed five guards near the border.", "2024-03-04", "killed", "2024-03-04", Day, Publication},
		// what a quotation says of today is the speaker's today
		{"The two sides agreed on Wednesday to end the fighting. \"The agreement signed today is only a beginning,\" the mediator said.", "2022-11-04", "signed", "2022-11-02", Day, Relative},
		// a lede about what is to come is not the story's day
		{"A ceasefire will take effect on Wednesday after both sides accepted the deal, the president said on Tuesday.", "2024-11-26", "accepted", "2024-11-26", Day, Context},
		// no publication date: only what the text names
		{"Police arrested ten protesters on Monday.", "", "arrested", "", "", ""},
		{"Police arrested ten protesters on 3 March 2021.", "", "arrested", "2021-03-03", Day, Explicit},
		{"Police arrested ten protesters.", "", "arrested", "", "", ""},
	})
}
