package api

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestOpenAPIHasEveryRoute: the document describes each route the mux
// serves, and no other.
func TestOpenAPIHasEveryRoute(t *testing.T) {
	s := &Server{}
	s.Handler()
	var doc struct {
		Paths map[string]map[string]json.RawMessage
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	var documented []string
	for path, ops := range doc.Paths {
		for method := range ops {
			if method != "parameters" {
				documented = append(documented, strings.ToUpper(method)+" "+path)
			}
		}
	}
	served := slices.Clone(s.patterns)
	slices.Sort(documented)
	slices.Sort(served)
	if !slices.Equal(served, documented) || len(served) < 11 {
		t.Errorf("the mux serves %q;\nthe document describes %q", served, documented)
	}
}
