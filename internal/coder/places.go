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
