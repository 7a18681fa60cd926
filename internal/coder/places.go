package coder

import "github.com/annals-events/annals"

// placeTargetRoots are the roots of acts done to a place: an assault,
// fight or mass violence located in another state than its source's is
// aimed at that state ("Russian artillery pounded Kherson" is RUS -> UKR),
// and so is a show of force held there ("drills in the Taiwan Strait").
var placeTargetRoots = map[string]bool{"15": true, "18": true, "19": true, "20": true}

// TargetPlaces gives a located attack without a target actor the state it
// happened in, when that is not the source's own: it runs after the events
// are located. The confidence drops, and the rule says so.
func TargetPlaces(evs []annals.Event) {
	for i := range evs {
		e := &evs[i]
		if e.Target != "" || e.Location == nil || len(e.Location.Country) != 3 || !placeTargetRoots[e.Root] {
			continue
		}
		if len(e.Source) < 3 || e.Source[:3] == e.Location.Country || e.Source[:3] == "---" {
			continue
		}
		e.Target, e.TargetText = e.Location.Country, e.Location.Name
		e.Rule += " (target: the state where it struck)"
		e.Confidence = round2(e.Confidence - 0.1)
	}
}

// placeRoles are the roles that the source's own country stands for when
// a place of it, or the bare country, is all an act names as its target,
// by the act's root: a protest held there ("rallied in central Minsk",
// "the largest protest in the country's history") is aimed at the
// country's government, not at the town or the nation.
var placeRoles = map[string]string{"14": "GOV"}

// placeStandsFor returns the targets of an act: when they are all the
// source's own country, bare (a place or the country itself), and the
// root names a role for them (placeRoles), that role of the country;
// else tgt unchanged.
func placeStandsFor(root string, src, tgt []annals.Mention) []annals.Mention {
	role, ok := placeRoles[root]
	if !ok || len(src) == 0 || len(tgt) == 0 {
		return tgt
	}
	own := storySide(src[0].Code)
	if len(own) != 3 || own == "IGO" || own == "NGO" || own == "IMG" {
		return tgt // a country's people, not a body's
	}
	for _, m := range tgt {
		if m.Code != own {
			return tgt
		}
	}
	m := tgt[0]
	m.Code = own + role
	return []annals.Mention{m}
}
