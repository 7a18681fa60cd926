package annot

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/annals-events/annals"
)

// Row is one annotated sentence.
type Row struct {
	Line     int // line number in its file
	Date     string
	Text     string
	Expected string
	Items    []Item
	None     bool // no countable event is expected
}

// Item is one expected (or, when Absent, forbidden) event.
type Item struct {
	Absent                     bool
	Source, Target, Code, Mode string
}

// Read parses the rows of an annotated file; name is used in errors
// (name:line: message).
func Read(r io.Reader, name string) ([]Row, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var rows []Row
	ln := 0
	for sc.Scan() {
		ln++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 tab-separated columns (date, text, expected), got %d", name, ln, len(c))
		}
		row := Row{Line: ln, Date: c[0], Text: c[1], Expected: c[2]}
		for _, want := range strings.Split(c[2], " | ") {
			if want == "none" {
				row.None = true
				continue
			}
			it := Item{Absent: strings.HasPrefix(want, "!")}
			w := strings.Split(strings.TrimPrefix(want, "!"), ":")
			st := strings.SplitN(w[0], ">", 2)
			if len(w) != 3 || len(st) != 2 {
				return nil, fmt.Errorf("%s:%d: expected event %q is not SOURCE>TARGET:CODE:MODE", name, ln, want)
			}
			it.Source, it.Target, it.Code, it.Mode = st[0], st[1], w[1], w[2]
			row.Items = append(row.Items, it)
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %v", name, ln+1, err)
	}
	return rows, nil
}

// Like matches a code against a pattern: exact, "*" for anything, "-"
// for empty, a prefix ending in "*" or a suffix after a leading "*".
func Like(got, pat string) bool {
	switch {
	case pat == "*":
		return true
	case pat == "-":
		return got == ""
	case strings.HasSuffix(pat, "*"):
		return strings.HasPrefix(got, strings.TrimSuffix(pat, "*"))
	case strings.HasPrefix(pat, "*"):
		return strings.HasSuffix(got, strings.TrimPrefix(pat, "*"))
	}
	return got == pat
}

// Matches reports whether event e is the item's event.
func (it Item) Matches(e annals.Event) bool {
	return Like(e.Source, it.Source) && Like(e.Target, it.Target) && Like(e.Code, it.Code) && Like(string(e.Mode), it.Mode)
}

// Holds reports whether the events satisfy the row: every expected item
// emitted, no forbidden one, and no countable event when None.
func (r Row) Holds(evs []annals.Event) bool {
	if r.None {
		for _, e := range evs {
			if e.Countable() {
				return false
			}
		}
	}
	for _, it := range r.Items {
		found := false
		for _, e := range evs {
			if it.Matches(e) {
				found = true
				break
			}
		}
		if found == it.Absent {
			return false
		}
	}
	return true
}

// Verdict says what the row makes of one emitted event.
type Verdict int

const (
	// Unlisted: the row neither asks for nor forbids the event.
	Unlisted Verdict = iota
	// Right: the event is one the row expects.
	Right
	// Wrong: the row forbids it, or expects no countable event.
	Wrong
)

// Judge returns the row's verdict on event e.
func (r Row) Judge(e annals.Event) Verdict {
	for _, it := range r.Items {
		if it.Absent && it.Matches(e) {
			return Wrong
		}
	}
	for _, it := range r.Items {
		if !it.Absent && it.Matches(e) {
			return Right
		}
	}
	if r.None && e.Countable() {
		return Wrong
	}
	return Unlisted
}
