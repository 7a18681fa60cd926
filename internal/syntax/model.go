package syntax

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"slices"
)

// model is everything the parser knows, as loaded from a model file.
type model struct {
	meta   string
	xpos   []string // XPOS tag set, the tagger's classes
	upos   []string // UPOS tag set
	rels   []string // relations, the labeller's classes
	proper []bool   // per XPOS id: a proper noun tag (lemmas keep case)
	rule   *clauseRule
	rootID int32 // id of "root" in rels
	beam   int   // beam width of the parser; 1: greedy

	tagDict    hashIndex // form hash -> index into tagDictTag
	tagDictTag []uint8
	amb        hashIndex // lowercase form hash -> index into ambVal
	ambVal     []uint64
	uposOf     []uint8 // per XPOS: the UPOS when the XPOS decides it, else 255

	tagger  *classifier
	tagger2 *classifier // second pass; nil for a one-pass model
	uposC   *classifier
	trans   *dense3
	label   *classifier
	lemma   *lemmatizer
}

// Model file format, version 3. The file is gzip-compressed; the
// decompressed payload is:
//
//	magic    "ANNSYN03" ("ANNSYN02": the same without beam, width 1)
//	meta     string                    free text: source, training options
//	beam     uvarint                   the parser's beam width (1: greedy)
//	xpos     strings                   XPOS tags (tagger classes)
//	upos     strings                   UPOS tags
//	rels     strings                   relations (labeller classes)
//	tagdict  uvarint n, n × (u64 key, uvarint xpos id)
//	ambiguity lexicon  uvarint n, n × (u64 lowercase form hash, u64 tag set hash)
//	upos map  one byte per XPOS tag: its UPOS id when unambiguous, else 255
//	lemma exceptions  uvarint n, n × (u64 key, string lemma)
//	lemma rules       uvarint n, n × (u64 key, uvarint cut, string add)
//	known lemmas      uvarint n, n × uvarint delta of the sorted 32-bit
//	                  hashes of the lemmas and base forms seen in training
//	5 classifiers: tagger (classes = xpos), upos (= upos),
//	   transitions (= 3), labels (= rels), second-pass tagger (= xpos;
//	   no rows for a one-pass tagger); each:
//	   uvarint classes, uvarint rows, then per row in ascending key order:
//	   uvarint key delta (from the previous row's 32-bit key), byte k,
//	   k × (uvarint class, zigzag varint int16 weight)
//	crc      u32 little-endian CRC-32 (IEEE) of every payload byte before it
//
// where string is uvarint length + bytes, strings is uvarint count +
// that many strings, u64 is little-endian. Keys are the feature hashes of
// hash.go (see tagger.go, parser.go for the templates); the classifier
// keeps their low 32 bits.
const modelMagic = "ANNSYN03"

// modelMagicV2 is the previous version, without the beam width.
const modelMagicV2 = "ANNSYN02"

// maxBeam bounds the beam width a model may ask for.
const maxBeam = 64

// maxModelBytes bounds the decompressed payload.
const maxModelBytes = 1 << 30

type encoder struct{ b []byte }

func (e *encoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) varint(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) u64(v uint64)     { e.b = binary.LittleEndian.AppendUint64(e.b, v) }
func (e *encoder) str(s string)     { e.uvarint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) strs(ss []string) {
	e.uvarint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

// modelData is the serialisable form of a model, as training produces it.
type modelData struct {
	meta             string
	beam             int // 0 or 1: greedy
	xpos, upos, rels []string
	dictKeys         []uint64
	dictTags         []uint8
	ambKeys          []uint64 // lowercase form hash
	ambVals          []uint64 // hash of the form's tag set
	uposOf           []uint8  // per XPOS: its UPOS when unambiguous, else 255
	excKeys          []uint64
	excLemmas        []string
	ruleKeys         []uint64
	rules            []lemmaRule
	knownKeys        []uint64 // sorted 32-bit hashes of known lemmas and base forms
	classifiers      [5][]qrow
	classes          [5]int
}

// appendCRC appends the payload's CRC-32.
func appendCRC(b []byte) []byte { return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b)) }

func (d *modelData) encode() ([]byte, error) {
	e := &encoder{}
	e.b = append(e.b, modelMagic...)
	e.str(d.meta)
	e.uvarint(uint64(max(d.beam, 1)))
	e.strs(d.xpos)
	e.strs(d.upos)
	e.strs(d.rels)
	e.uvarint(uint64(len(d.dictKeys)))
	for i, k := range d.dictKeys {
		e.u64(k)
		e.uvarint(uint64(d.dictTags[i]))
	}
	e.uvarint(uint64(len(d.ambKeys)))
	for i, k := range d.ambKeys {
		e.u64(k)
		e.u64(d.ambVals[i])
	}
	e.b = append(e.b, d.uposOf...)
	e.uvarint(uint64(len(d.excKeys)))
	for i, k := range d.excKeys {
		e.u64(k)
		e.str(d.excLemmas[i])
	}
	e.uvarint(uint64(len(d.ruleKeys)))
	for i, k := range d.ruleKeys {
		e.u64(k)
		e.uvarint(uint64(d.rules[i].cut))
		e.str(d.rules[i].add)
	}
	e.uvarint(uint64(len(d.knownKeys)))
	prevKnown := uint64(0)
	for _, k := range d.knownKeys {
		e.uvarint(k - prevKnown)
		prevKnown = k
	}
	for c, rows := range d.classifiers {
		e.uvarint(uint64(d.classes[c]))
		e.uvarint(uint64(len(rows)))
		prev := uint32(0)
		for _, r := range rows {
			e.uvarint(uint64(r.key - prev))
			prev = r.key
			e.b = append(e.b, byte(len(r.ents)))
			for _, x := range r.ents {
				e.uvarint(uint64(x >> 16))
				e.varint(int64(int16(uint16(x))))
			}
		}
	}
	e.b = appendCRC(e.b)
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(e.b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// decoder reads the payload with bounds checks; the first error sticks.
type decoder struct {
	b   []byte
	off int
	err error
}

var errTruncated = errors.New("truncated")

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("offset %d: %s", d.off, fmt.Sprintf(format, args...))
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b[d.off:])
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) byte1() byte {
	if d.err != nil {
		return 0
	}
	if d.off >= len(d.b) {
		d.fail("%v", errTruncated)
		return 0
	}
	d.off++
	return d.b[d.off-1]
}

func (d *decoder) u64() uint64 {
	if d.err != nil {
		return 0
	}
	if len(d.b)-d.off < 8 {
		d.fail("%v", errTruncated)
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b[d.off:])
	d.off += 8
	return v
}

// count reads a count of items each taking at least minBytes.
func (d *decoder) count(what string, minBytes int) int {
	v := d.uvarint()
	if d.err == nil && v > uint64((len(d.b)-d.off)/minBytes) {
		d.fail("%s: count %d exceeds the remaining data", what, v)
		return 0
	}
	return int(v)
}

func (d *decoder) str() string {
	n := d.count("string", 1)
	if d.err != nil {
		return ""
	}
	s := string(d.b[d.off : d.off+n])
	d.off += n
	return s
}

func (d *decoder) strs(what string) []string {
	n := d.count(what, 1)
	out := make([]string, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		out = append(out, d.str())
	}
	if d.err == nil && n == 0 {
		d.fail("%s: empty", what)
	}
	return out
}

// rows reads one classifier's rows; want is the class count the tag
// sets imply.
func (d *decoder) rows(what string, want int) []qrow {
	nc := d.uvarint()
	if d.err == nil && nc != uint64(want) {
		d.fail("%s: %d classes, want %d", what, nc, want)
	}
	nrows := d.count(what, 3)
	if d.err != nil {
		return nil
	}
	rows := make([]qrow, 0, nrows)
	offs := make([]int, 0, nrows+1)
	var all []uint32 // every row's entries, sliced up at the end
	prev := uint64(0)
	total := 0
	for i := 0; i < nrows && d.err == nil; i++ {
		k := prev + d.uvarint()
		if i > 0 && k == prev || k > 0xffffffff {
			d.fail("%s: row %d: keys out of order", what, i)
			break
		}
		prev = k
		m := int(d.byte1())
		if m == 0 && d.err == nil {
			d.fail("%s: row %d: empty", what, i)
		}
		if d.err == nil && m > (len(d.b)-d.off)/2 {
			d.fail("%s: row %d: %v", what, i, errTruncated)
		}
		offs = append(offs, len(all))
		last := -1
		for j := 0; j < m && d.err == nil; j++ {
			c := d.uvarint()
			w := d.varint()
			if d.err == nil && (c >= uint64(want) || int(c) <= last || w < -32767 || w > 32767) {
				d.fail("%s: row %d: bad entry (class %d, weight %d)", what, i, c, w)
			}
			last = int(c)
			all = append(all, uint32(c)<<16|uint32(uint16(int16(w))))
		}
		total += m
		if total > maxOffset {
			d.fail("%s: too many weights", what)
		}
		rows = append(rows, qrow{key: uint32(k)})
	}
	offs = append(offs, len(all))
	for i := range rows {
		rows[i].ents = all[offs[i]:offs[i+1]:offs[i+1]]
	}
	return rows
}

// decodeModel checks and decodes a model file into its serialisable form.
func decodeModel(data []byte) (*modelData, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("syntax model: %w", err)
	}
	// The gzip trailer gives the payload's size: read into a buffer of
	// that size (bounded, for a corrupt trailer), not a growing one.
	var buf bytes.Buffer
	if len(data) >= 4 {
		hint := int(binary.LittleEndian.Uint32(data[len(data)-4:]))
		buf.Grow(min(hint, 32*len(data), maxModelBytes) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(zr, maxModelBytes+1)); err != nil {
		return nil, fmt.Errorf("syntax model: %w", err)
	}
	payload := buf.Bytes()
	if len(payload) > maxModelBytes {
		return nil, errors.New("syntax model: too large")
	}
	magic := ""
	if len(payload) >= len(modelMagic)+4 {
		magic = string(payload[:len(modelMagic)])
	}
	if magic != modelMagic && magic != modelMagicV2 {
		return nil, errors.New("syntax model: not a model file (bad magic)")
	}
	body := payload[:len(payload)-4]
	if crc32.ChecksumIEEE(body) != binary.LittleEndian.Uint32(payload[len(body):]) {
		return nil, errors.New("syntax model: checksum mismatch (corrupt or truncated file)")
	}
	d := &decoder{b: body, off: len(modelMagic)}
	m := &modelData{}
	m.meta = d.str()
	m.beam = 1
	if magic == modelMagic {
		m.beam = int(d.uvarint())
		if d.err == nil && (m.beam < 1 || m.beam > maxBeam) {
			d.fail("beam width %d out of range 1-%d", m.beam, maxBeam)
		}
	}
	m.xpos = d.strs("xpos")
	m.upos = d.strs("upos")
	m.rels = d.strs("rels")
	if d.err == nil && (len(m.xpos) > 255 || len(m.upos) > 255 || len(m.rels) > 64) {
		d.fail("tag sets too large")
	}
	if d.err == nil && !slices.Contains(m.rels, "root") {
		d.fail("relations lack root")
	}
	n := d.count("tagdict", 9)
	for i := 0; i < n && d.err == nil; i++ {
		m.dictKeys = append(m.dictKeys, d.u64())
		t := d.uvarint()
		if d.err == nil && t >= uint64(len(m.xpos)) {
			d.fail("tagdict: bad tag %d", t)
		}
		m.dictTags = append(m.dictTags, uint8(t))
	}
	n = d.count("ambiguity lexicon", 16)
	for i := 0; i < n && d.err == nil; i++ {
		m.ambKeys = append(m.ambKeys, d.u64())
		m.ambVals = append(m.ambVals, d.u64())
	}
	for range m.xpos {
		u := d.byte1()
		if d.err == nil && u != 255 && int(u) >= len(m.upos) {
			d.fail("upos map: bad tag %d", u)
		}
		m.uposOf = append(m.uposOf, u)
	}
	n = d.count("lemma exceptions", 9)
	for i := 0; i < n && d.err == nil; i++ {
		m.excKeys = append(m.excKeys, d.u64())
		m.excLemmas = append(m.excLemmas, d.str())
	}
	n = d.count("lemma rules", 10)
	for i := 0; i < n && d.err == nil; i++ {
		m.ruleKeys = append(m.ruleKeys, d.u64())
		c := d.uvarint()
		if d.err == nil && c > 1<<16 {
			d.fail("lemma rule: bad cut %d", c)
		}
		m.rules = append(m.rules, lemmaRule{cut: int(c), add: d.str()})
	}
	n = d.count("known lemmas", 1)
	prevKnown := uint64(0)
	for i := 0; i < n && d.err == nil; i++ {
		k := prevKnown + d.uvarint()
		if d.err == nil && (i > 0 && k == prevKnown || k > 0xffffffff) {
			d.fail("known lemmas: keys out of order")
		}
		prevKnown = k
		m.knownKeys = append(m.knownKeys, k)
	}
	m.classes = [5]int{len(m.xpos), len(m.upos), nActions, len(m.rels), len(m.xpos)}
	for c, what := range []string{"tagger", "upos", "transitions", "labels", "second tagger"} {
		m.classifiers[c] = d.rows(what, m.classes[c])
	}
	if d.err == nil && d.off != len(d.b) {
		d.fail("%d trailing bytes", len(d.b)-d.off)
	}
	if d.err != nil {
		return nil, fmt.Errorf("syntax model: %w", d.err)
	}
	return m, nil
}

// loadModel decodes a model file, checking everything it reads, and
// builds the lookup tables.
func loadModel(data []byte) (*model, error) {
	d, err := decodeModel(data)
	if err != nil {
		return nil, err
	}
	return buildModel(d), nil
}

func buildModel(d *modelData) *model {
	m := &model{meta: d.meta, xpos: d.xpos, upos: d.upos, rels: d.rels, beam: max(d.beam, 1)}
	for i, r := range m.rels {
		if r == "root" {
			m.rootID = int32(i)
		}
	}
	m.rule = newClauseRule(m.xpos)
	m.proper = make([]bool, len(m.xpos))
	for i, x := range m.xpos {
		m.proper[i] = properTag(x)
	}
	m.tagDict = newHashIndex(d.dictKeys)
	m.tagDictTag = d.dictTags
	m.amb = newHashIndex(d.ambKeys)
	m.ambVal = d.ambVals
	m.uposOf = d.uposOf
	m.lemma = &lemmatizer{exc: newHashIndex(d.excKeys), lemma: d.excLemmas, rules: newHashIndex(d.ruleKeys), rule: d.rules,
		knownSet: newHashIndex(d.knownKeys), infl: inflections(d.xpos)}
	m.tagger = classifierOf(len(m.xpos), d.classifiers[0])
	m.uposC = classifierOf(len(m.upos), d.classifiers[1])
	m.trans = dense3Of(d.classifiers[2])
	m.label = classifierOf(len(m.rels), d.classifiers[3])
	if len(d.classifiers[4]) > 0 {
		m.tagger2 = classifierOf(len(m.xpos), d.classifiers[4])
	}
	return m
}

// prune drops the weights under minQ in magnitude, and rows left empty.
func (d *modelData) prune(minQ int) {
	for c, rows := range d.classifiers {
		out := rows[:0]
		for _, r := range rows {
			ents := r.ents[:0]
			for _, e := range r.ents {
				if w := int(int16(uint16(e))); w >= minQ || w <= -minQ {
					ents = append(ents, e)
				}
			}
			if len(ents) > 0 {
				out = append(out, qrow{key: r.key, ents: ents})
			}
		}
		d.classifiers[c] = out
	}
}

// Prune rewrites a model file without the weights under minQ in
// magnitude (on the int16 scale), for a smaller, faster model.
func Prune(model []byte, minQ int) ([]byte, error) {
	d, err := decodeModel(model)
	if err != nil {
		return nil, err
	}
	d.prune(minQ)
	return d.encode()
}
