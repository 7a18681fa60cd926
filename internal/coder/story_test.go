package coder

import (
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
		{"a negated event neither gives nor takes a target",
			[]annals.Event{{Source: "IRN", Target: "PAK", Root: "19", Mode: annals.Negated}, ev("IRN", "", "19")},
			[]string{"PAK", ""}},
	}
	for _, c := range cases {
		StoryTargets(c.in)
		for i, e := range c.in {
			if e.Target != c.want[i] {
				t.Errorf("%s: event %d target %q, want %q", c.name, i, e.Target, c.want[i])
			}
		}
	}
}
