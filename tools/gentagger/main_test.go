package main

import (
	"bytes"
	"os"
	"testing"
)

// TestModelUpToDate checks the committed model is what prose's current
// assets compile to; run go run ./tools/gentagger after updating prose.
func TestModelUpToDate(t *testing.T) {
	want, err := build()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../internal/text/model/tagger.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("internal/text/model/tagger.bin (%d bytes) differs from prose's model (%d bytes); run go run ./tools/gentagger", len(got), len(want))
	}
}
