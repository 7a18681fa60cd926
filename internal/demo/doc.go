// Package demo holds the bundled sample corpus: illustrative wire-style
// articles written for annals that follow a few dyads over time
// (Pakistan-Iran, Pakistan-Afghanistan, Israel-Iran, Russia-Ukraine). They
// are not real reports; they are modelled on the kind of events that were
// reported, so the dashboard has something true in shape to show.
package demo

import _ "embed"

// Corpus is the sample corpus as JSON lines (id, published, source, title,
// text).
//
//go:embed corpus.jsonl
var Corpus []byte
