package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/annals-events/annals"
)

// TestCodeMinConfidence: --min-confidence keeps only the events at or
// above the threshold, and fewer than without it.
func TestCodeMinConfidence(t *testing.T) {
	count := func(args ...string) (n int, minSeen float64) {
		var out, errs bytes.Buffer
		if code := run(append([]string{"code"}, args...), &out, &errs, strings.NewReader("")); code != 0 {
			t.Fatalf("annals code %v: exit %d: %s", args, code, errs.String())
		}
		minSeen = 1
		for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			var e annals.Event
			if err := json.Unmarshal([]byte(line), &e); err != nil {
				t.Fatalf("%q: %v", line, err)
			}
			n++
			minSeen = min(minSeen, e.Confidence)
		}
		return n, minSeen
	}
	all, _ := count("../../internal/demo/corpus.jsonl")
	high, lowest := count("--min-confidence", "0.8", "../../internal/demo/corpus.jsonl")
	if high == 0 || high >= all {
		t.Errorf("%d events at 0.8 or above of %d", high, all)
	}
	if lowest < 0.8 {
		t.Errorf("an event of confidence %.2f passed --min-confidence 0.8", lowest)
	}
}
