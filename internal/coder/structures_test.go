package coder_test

import (
	"bufio"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/annals-events/annals/internal/coder/annot"
)

// TestStructures measures the coder on testdata/structures.tsv: original
// wire-style sentences (issue 14) in the structures news uses and the dev
// sets lack, each naming them in a fourth column (participle, relcl,
// passive, attribution, headline, quote, coord-subj, coord-obj, denial,
// conditional). The annotations were written before the coder was run on
// them. It logs the share of rows that hold per structure and overall, and
// fails only when the overall share falls below structuresFloor; -v lists
// the failures. It is a measurement: do not tune rules to its rows.
func TestStructures(t *testing.T) {
	const path = "testdata/structures.tsv"
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// strip the fourth column so that annot.Read sees the usual three,
	// keeping line numbers (comments and blanks stay as they are)
	var three strings.Builder
	tags := map[int][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Text()
		if line != "" && !strings.HasPrefix(line, "#") {
			c := strings.Split(line, "\t")
			if len(c) != 4 {
				t.Fatalf("%s:%d: want 4 tab-separated columns, got %d", path, ln, len(c))
			}
			for _, s := range strings.Split(c[3], ",") {
				if !structureNames[s] {
					t.Errorf("%s:%d: unknown structure %q", path, ln, s)
				}
				tags[ln] = append(tags[ln], s)
			}
			line = strings.Join(c[:3], "\t")
		}
		three.WriteString(line + "\n")
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	rows, err := annot.Read(strings.NewReader(three.String()), "structures.tsv")
	if err != nil {
		t.Fatal(err)
	}
	total, held := map[string]int{}, map[string]int{}
	n, ok := 0, 0
	for _, r := range rows {
		evs := code(t, r.Date, r.Text)
		h := r.Holds(evs)
		n++
		if h {
			ok++
		} else if testing.Verbose() {
			t.Logf("structures.tsv:%d: [%s] %s\n got  %s\n want %s", r.Line, strings.Join(tags[r.Line], ","), r.Text, render(evs), r.Expected)
		}
		for _, s := range tags[r.Line] {
			total[s]++
			if h {
				held[s]++
			}
		}
	}
	var names []string
	for s := range total {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, s := range names {
		t.Logf("%-12s %3d of %3d hold (%.1f%%)", s, held[s], total[s], 100*float64(held[s])/float64(total[s]))
	}
	share := float64(ok) / float64(n)
	t.Logf("structures sentences: %d of %d hold (%.1f%%)", ok, n, 100*share)
	if share < structuresFloor {
		t.Errorf("structures share %.3f fell below %.3f", share, structuresFloor)
	}
}

var structureNames = map[string]bool{
	"participle": true, "relcl": true, "passive": true, "attribution": true, "headline": true,
	"quote": true, "coord-subj": true, "coord-obj": true, "denial": true, "conditional": true,
}

// structuresFloor is a few points under the share measured when the set
// was added (169 of 260, 65.0%); raise it as the coder improves.
const structuresFloor = 0.60
