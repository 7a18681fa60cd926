// Command gentagger compiles the part-of-speech model that ships with
// github.com/jdkato/prose/v2 (MIT licence, Joseph Kato; an averaged
// perceptron after Matthew Honnibal's, trained on the Penn Treebank tag set)
// into the flat binary file internal/text/model/tagger.bin, so that annals
// reads the model without linking prose and its numeric libraries.
//
// Usage:
//
//	go run ./tools/gentagger -out internal/text/model/tagger.bin
//
// The file format is documented in internal/text/tagger.go (readModel).
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"sort"

	"github.com/jdkato/prose/v2"
)

func main() {
	out := flag.String("out", "internal/text/model/tagger.bin", "output `FILE`")
	flag.Parse()
	b, err := build()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes)\n", *out, len(b))
}

func decodeAsset(name string, v any) error {
	b, err := prose.Asset(name)
	if err != nil {
		return fmt.Errorf("load prose model %s: %w", name, err)
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		return fmt.Errorf("decode prose model %s: %w", name, err)
	}
	return nil
}

// build reads prose's gob assets and writes the model in annals' format:
//
//	"ANNTAG1\n"
//	uvarint n, n strings                     the classes (tags), sorted
//	uvarint n, n (word, class index) pairs   unambiguous frequent words, sorted by word
//	uvarint n, n features sorted by name:    name, uvarint k, k (class byte, float32 LE)
//
// where a string is a uvarint length and its bytes. Zero weights and weights
// for unknown classes are dropped; a feature's weights are sorted by class so
// that scores are summed in the same order on every run.
func build() ([]byte, error) {
	var (
		wts     map[string]map[string]float64
		tags    map[string]string
		classes []string
	)
	for _, a := range []struct {
		name string
		v    any
	}{
		{"model/AveragedPerceptron/classes.gob", &classes},
		{"model/AveragedPerceptron/tags.gob", &tags},
		{"model/AveragedPerceptron/weights.gob", &wts},
	} {
		if err := decodeAsset(a.name, a.v); err != nil {
			return nil, err
		}
	}
	sort.Strings(classes)
	if len(classes) > 255 {
		return nil, fmt.Errorf("prose model has %d classes, more than 255", len(classes))
	}
	ci := make(map[string]int, len(classes))
	for i, c := range classes {
		ci[c] = i
	}
	var buf bytes.Buffer
	buf.WriteString("ANNTAG1\n")
	uv := func(n int) { buf.Write(binary.AppendUvarint(nil, uint64(n))) }
	str := func(s string) { uv(len(s)); buf.WriteString(s) }
	uv(len(classes))
	for _, c := range classes {
		str(c)
	}
	words := make([]string, 0, len(tags))
	for w, tg := range tags {
		if _, ok := ci[tg]; !ok {
			return nil, fmt.Errorf("prose model: word %q has unknown tag %q", w, tg)
		}
		words = append(words, w)
	}
	sort.Strings(words)
	uv(len(words))
	for _, w := range words {
		str(w)
		buf.WriteByte(byte(ci[tags[w]]))
	}
	names := make([]string, 0, len(wts))
	for f := range wts {
		names = append(names, f)
	}
	sort.Strings(names)
	uv(len(names))
	type cw struct {
		c int
		w float32
	}
	var ws []cw
	for _, f := range names {
		ws = ws[:0]
		for label, w := range wts[f] {
			if c, ok := ci[label]; ok && w != 0 {
				ws = append(ws, cw{c, float32(w)})
			}
		}
		sort.Slice(ws, func(i, j int) bool { return ws[i].c < ws[j].c })
		str(f)
		uv(len(ws))
		for _, x := range ws {
			buf.WriteByte(byte(x.c))
			buf.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(x.w)))
		}
	}
	return buf.Bytes(), nil
}
