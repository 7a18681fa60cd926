package geo_test

import (
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/geo"
	"github.com/annals-events/annals/internal/pipeline"
)

// nonPlaces are strings that are never a place, written for this test
// apart from the loader's own list (rules.tsv): function words, role and
// title words, words of organisations, numbers and counted people, months
// and weekdays, and the words that open sentences in the news.
var nonPlaces = []string{
	// function words
	"At", "In", "On", "Of", "To", "By", "As", "An", "A", "The", "And", "Or", "But", "If", "We", "He", "She", "It", "They", "Us", "Our", "Its", "Who", "This", "That", "These", "Those", "There", "Here", "When", "While", "After", "Before", "During", "Since", "Also", "Not", "No", "So", "Up",
	// roles, titles and bodies
	"Republic", "Union", "Federal", "Police", "President", "Minister", "Prime Minister", "Government", "Army", "Navy", "Council", "Ministry", "Parliament", "Congress", "Senate", "Assembly", "Party", "Forces", "Officials", "Spokesman", "Governor", "Mayor", "Ambassador", "General", "Chief", "Deputy", "Vice", "Commander", "National", "Central", "Capital", "State", "Province", "City", "Region", "District",
	// organisations named by letters
	"UN", "EU", "AU", "UK", "IS", "IDF", "RSF", "NATO",
	// numbers and people counted
	"One", "Two", "Three", "Ten", "Hundred", "Thousand", "Million", "two children", "Two children", "three soldiers", "At least five", "People", "Children",
	// months and weekdays
	"January", "March", "May", "June", "August", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	// directions
	"North", "South", "East", "West",
}

// TestNonPlacesNotInGazetteer: the loader indexes none of these names.
func TestNonPlacesNotInGazetteer(t *testing.T) {
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range nonPlaces {
		if ps := g.Lookup(s); len(ps) > 0 {
			t.Errorf("%q is a gazetteer name: %s in %s (%s)", s, ps[0].Name, ps[0].Country, ps[0].Kind)
		}
	}
	// real places keep their names, short ones included
	for _, s := range []string{"Kabul", "Quetta", "Bo", "Peshawar", "Lima", "Georgia", "Niger", "Chad", "Victoria", "Unity"} {
		if len(g.Lookup(s)) == 0 {
			t.Errorf("%q lost from the gazetteer", s)
		}
	}
}

// nonPlaceText holds sentences written for this test where non-place
// words stand where places could: capitalised sentence starts, titles,
// organisations, counted people, the words of a role or a person's name.
var nonPlaceText = `At least five people were killed in the attack on Monday.
Republic officials said the vote would go ahead.
Two children were wounded when the shell hit the school.
UN officials met the delegation on Tuesday.
March marchers gathered at dawn.
Union leaders called a strike in May.
Police said the attack was carried out by two men.
Federal troops were sent to the area.
China has often condemned Lai as a secessionist.
Taiwan President Lai Ching-te met the visiting envoys.
We condemn the attack, the ministry said.
On Sunday, Hamas fighters fired rockets.
The Union government said Khan had left the country.
In a statement, Obama praised the deal.`

// TestNoNonPlaceBecomesALocation runs the whole pipeline over sentences
// full of non-place words: none becomes a place mention, and every event
// location is a gazetteer place named in the text or the dateline.
func TestNoNonPlaceBecomesALocation(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g, _ := geo.Default()
	bad := map[string]bool{}
	for _, s := range nonPlaces {
		bad[geo.Key(s)] = true
	}
	for _, s := range []string{"Lai", "Ching-te", "Khan", "Obama", "Hamas", "Marchers"} {
		bad[geo.Key(s)] = true
	}
	ref := time.Date(2024, 1, 18, 0, 0, 0, 0, time.UTC)
	events := 0
	for _, text := range strings.Split(nonPlaceText, "\n") {
		r := p.Process(&annals.Article{ID: "t", Text: text, Published: ref}, ref)
		for _, m := range r.Places {
			if bad[geo.Key(m.Text)] {
				t.Errorf("%q: %q became a place (%s, %s)", text, m.Text, m.Best.Country, m.Best.Kind)
			}
		}
		for _, e := range r.Events {
			events++
			if e.Location == nil {
				continue
			}
			if bad[geo.Key(e.Location.Name)] || len(g.Lookup(e.Location.Name)) == 0 && e.Location.Basis != geo.BasisTarget {
				t.Errorf("%q: event %s located at non-place %q", text, e.Code, e.Location.Name)
			}
		}
	}
	if events < 5 {
		t.Errorf("only %d events coded from the test sentences: the test checks little", events)
	}
}
