package coder

import (
	"fmt"
	"testing"

	"github.com/annals-events/annals"
)

func TestStoryTargets(t *testing.T) {
	ev := func(src, tgt, root string) annals.Event {
		return annals.Event{Source: src, Target: tgt, Root: root, Code: root + "0", Mode: annals.Asserted, Confidence: 0.8}
	}
	cases := []struct {
		name string
		in   []annals.Event
		want []string // targets after the pass
	}{
		{"suspension aimed at the story's other side",
			[]annals.Event{ev("INDGOV", "PAK", "16"), ev("PAKGOV", "IND", "17"), ev("PAK", "", "16")},
			[]string{"PAK", "IND", "IND"}},
		{"a statement keeps no target",
			[]annals.Event{ev("INDGOV", "PAK", "16"), ev("PAK", "", "01")},
			[]string{"PAK", ""}},
		{"a source in no pair keeps no target",
			[]annals.Event{ev("INDGOV", "PAK", "16"), ev("LVA", "", "12")},
			[]string{"PAK", ""}},
		{"the most frequent partner wins, not the last named",
			[]annals.Event{ev("RUS", "UKR", "19"), ev("UKR", "RUS", "19"), ev("RUS", "IGOEUREEC", "12"), ev("RUS", "", "13")},
			[]string{"UKR", "RUS", "IGOEUREEC", "UKR"}},
		{"bodies are sides by their whole code",
			[]annals.Event{ev("IGOUNO", "IGOEUREEC", "04"), ev("IGOUNO", "", "05")},
			[]string{"IGOEUREEC", "IGOEUR"}},
		{"an own-country pair is no story dyad",
			[]annals.Event{ev("KORGOV", "KORLEG", "17"), ev("KORGOV", "", "17")},
			[]string{"KORLEG", ""}},
		{"a state's repression of its own people takes no foreign target",
			[]annals.Event{ev("USA", "HND", "11"), {Source: "HNDMIL", Root: "17", Code: "175", Mode: annals.Asserted}},
			[]string{"HND", ""}},
		{"a denial of responsibility answers the other side",
			[]annals.Event{ev("GBRGOV", "RUS", "16"), {Source: "RUS", Root: "01", Code: "016", Mode: annals.Asserted}, ev("RUS", "", "01")},
			[]string{"RUS", "GBR", ""}},
		{"a negated event neither gives nor takes a target",
			[]annals.Event{{Source: "IRN", Target: "PAK", Root: "19", Mode: annals.Negated}, ev("IRN", "", "19")},
			[]string{"PAK", ""}},
	}
	for _, c := range cases {
		for i := range c.in {
			c.in[i].SentenceIndex = i // one event per sentence
		}
		got := StoryTargets(c.in, nil)
		if len(got) != len(c.want) {
			t.Errorf("%s: %d events, want %d", c.name, len(got), len(c.want))
			continue
		}
		for i, e := range got {
			if e.Target != c.want[i] {
				t.Errorf("%s: event %d target %q, want %q", c.name, i, e.Target, c.want[i])
			}
		}
	}
}

func TestStoryTargetsDropsUntargetedRepeats(t *testing.T) {
	evs := []annals.Event{
		{SentenceIndex: 2, Source: "IRNGOV", Target: "PAKGOV", Root: "04", Code: "040", Mode: annals.Asserted},
		{SentenceIndex: 2, Source: "IRNGOV", Root: "04", Code: "040", Mode: annals.Asserted},     // "and discussed matters": the same meeting
		{SentenceIndex: 2, Source: "IRNGOV", Root: "03", Code: "030", Mode: annals.Asserted},     // another act: kept (and given PAKGOV's side)
		{SentenceIndex: 3, Source: "IRNGOV", Root: "04", Code: "040", Mode: annals.Asserted},     // another sentence: kept
		{SentenceIndex: 2, Source: "IRNGOV", Root: "04", Code: "040", Mode: annals.Hypothetical}, // not countable: kept as it is
	}
	got := StoryTargets(evs, nil)
	want := []string{"PAKGOV/04", "PAK/03", "PAK/04", "/04"}
	if len(got) != len(want) {
		t.Fatalf("kept %d events, want %d: %+v", len(got), len(want), got)
	}
	for i, e := range got {
		if g := e.Target + "/" + e.Root; g != want[i] {
			t.Errorf("event %d: %s, want %s", i, g, want[i])
		}
	}
}

func TestStoryTargetsNominalRepeat(t *testing.T) {
	evs := []annals.Event{
		{SentenceIndex: 0, Source: "PAK", Target: "AFG", Root: "19", Code: "195", Mode: annals.Asserted, Rule: "nouns.tsv:9"},
		{SentenceIndex: 3, Source: "PAK", Root: "19", Code: "190", Mode: annals.Asserted, Rule: "nouns.tsv:8"},  // "the Pakistani raids came a day after"
		{SentenceIndex: 4, Source: "PAK", Root: "19", Code: "190", Mode: annals.Asserted, Rule: "verbs.tsv:35"}, // a verb tells a new act: given a target
		{SentenceIndex: 5, Source: "AFG", Root: "19", Code: "190", Mode: annals.Asserted, Rule: "nouns.tsv:8"},  // the other side's strikes: new
	}
	got := StoryTargets(evs, nil)
	want := []string{"AFG", "AFG", "PAK"}
	if len(got) != len(want) {
		t.Fatalf("kept %d events, want %d: %+v", len(got), len(want), got)
	}
	for i, e := range got {
		if e.Target != want[i] {
			t.Errorf("event %d: target %q, want %q", i, e.Target, want[i])
		}
	}
}

func TestStoryTargetsTieGoesToTheSideNamedMost(t *testing.T) {
	evs := []annals.Event{
		{SentenceIndex: 0, Source: "CHNMIL", Root: "15", Code: "150", Mode: annals.Asserted, Rule: "verbs.tsv:1"}, // "launched exercises"
		{SentenceIndex: 1, Source: "USA", Target: "CHN", Root: "11", Code: "111", Mode: annals.Asserted},
		{SentenceIndex: 2, Source: "CHN", Target: "TWNGOV", Root: "11", Code: "111", Mode: annals.Asserted},
	}
	mention := func(code string) annals.Mention { return annals.Mention{Code: code} }
	// a tie between two pairs: the side the story names more often wins,
	// not the pair named first
	ms := []annals.Mention{mention("CHN"), mention("TWN"), mention("TWNGOV"), mention("USA"), mention("TWN")}
	if got := StoryTargets(append([]annals.Event(nil), evs...), ms); got[0].Target != "TWN" {
		t.Errorf("tie with Taiwan named most: target %q, want TWN", got[0].Target)
	}
	ms = []annals.Mention{mention("CHN"), mention("USA"), mention("USAGOV"), mention("TWN")}
	if got := StoryTargets(append([]annals.Event(nil), evs...), ms); got[0].Target != "USA" {
		t.Errorf("tie with the US named most: target %q, want USA", got[0].Target)
	}
	if got := StoryTargets(append([]annals.Event(nil), evs...), nil); got[0].Target != "USA" {
		t.Errorf("tie, no mentions: target %q, want the pair named first (USA)", got[0].Target)
	}
}

func TestStoryTargetsNominalTwin(t *testing.T) {
	evs := []annals.Event{
		{SentenceIndex: 0, Source: "IND", Target: "PAK", Root: "16", Code: "160", Mode: annals.Asserted},
		{SentenceIndex: 1, Source: "PAKMIL", Root: "15", Code: "150", Mode: annals.Asserted, Rule: "verbs.tsv:329"}, // "launched exercises"
		{SentenceIndex: 1, Source: "PAKMIL", Root: "15", Code: "150", Mode: annals.Asserted, Rule: "nouns.tsv:66"},  // "exercises": the same act
		{SentenceIndex: 1, Source: "IND", Root: "15", Code: "150", Mode: annals.Asserted, Rule: "nouns.tsv:66"},     // another side's exercises: kept
	}
	got := StoryTargets(evs, nil)
	want := []string{"0/PAK", "1/IND", "1/PAK"}
	if len(got) != len(want) {
		t.Fatalf("kept %d events, want %d: %+v", len(got), len(want), got)
	}
	for i, e := range got {
		if g := fmt.Sprintf("%d/%s", e.SentenceIndex, e.Target); g != want[i] {
			t.Errorf("event %d: %s, want %s", i, g, want[i])
		}
	}
}
