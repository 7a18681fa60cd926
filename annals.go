// Package annals holds the domain types shared by every stage of the
// event-data pipeline: articles, spans, sentences and tokens, actor
// mentions, events and places. It has no dependencies beyond the standard
// library; the stages live under internal/ and the wiring in cmd/annals.
package annals

import "time"

// Version is the release of annals; cmd/annals prints it.
const Version = "0.1.0"

// Article is one news report as read from an input.
type Article struct {
	ID        string    `json:"id"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Source    string    `json:"source,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Text      string    `json:"text"`
	// Origin names the input the article came from (a path, path#line, or a
	// WARC record), for error messages and provenance.
	Origin string `json:"origin,omitempty"`
}

// HasDate reports whether the article carries a publication date.
func (a *Article) HasDate() bool { return !a.Published.IsZero() }

// Span is a half-open byte range [Start, End) into an article's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Of returns the text the span covers.
func (s Span) Of(text string) string { return text[s.Start:s.End] }

// Token is one word or punctuation mark with its position in the text,
// its part-of-speech tag (Penn Treebank), its lemma and, once the syntax
// stage has run, its universal part of speech and dependency arc.
type Token struct {
	Span
	Text  string `json:"text"`
	Lower string `json:"-"`
	Tag   string `json:"tag"` // Penn Treebank tag (XPOS)
	Lemma string `json:"lemma"`
	UPOS  string `json:"upos,omitempty"` // Universal Dependencies part of speech
	// Head is the index of the token's syntactic head within the sentence
	// slice that was parsed, -1 for the root of the sentence.
	Head int    `json:"head"`
	Rel  string `json:"rel,omitempty"` // UD v2 relation with subtype, e.g. nsubj:pass
}

// Sentence is a run of tokens. Tokens indexes into Doc.Tokens.
type Sentence struct {
	Index int `json:"index"`
	Span
	First, Last int // token range [First, Last) in Doc.Tokens
}

// Doc is an article after the text front-end: the only tokenization later
// stages see.
type Doc struct {
	Article   *Article
	Tokens    []Token
	Sentences []Sentence
	// Dateline is the place line that opens many wire stories
	// ("QUETTA:", "ISLAMABAD (Reuters) -"); zero when absent.
	Dateline Span
}

// SentenceTokens returns the tokens of sentence i.
func (d *Doc) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.First:s.Last]
}

// Mention is an actor reference found in a document.
type Mention struct {
	Span
	Text string `json:"text"`
	// Code is the CAMEO actor code in force on the article's date, empty for
	// a named entity no dictionary knows.
	Code string `json:"code"`
	// Entry is the dictionary file and line that matched, empty when none.
	Entry string `json:"entry"`
	// Sentence and token range [First, Last) of the mention.
	Sentence    int `json:"sentence"`
	First, Last int `json:"-"`
	// Ref is set when the mention is a reference ("both countries", "he")
	// resolved to earlier actors; Text keeps the surface form.
	Ref bool `json:"ref,omitempty"`
	// Place is set when the mention is only a town or region standing for
	// its country ("Mumbai", "Bali"): it says where, and seldom who.
	Place bool `json:"place,omitempty"`
	// Means is set when the mention names the weapons or machines force is
	// delivered with ("drones", "fighter jets", "missiles"), standing for
	// whoever uses them: it may be what a passive verb says was fired or
	// shot down, not whom it was aimed at.
	Means bool `json:"means,omitempty"`
}

// Mode says how an event is asserted by the text.
type Mode string

// The modes an event can carry.
const (
	Asserted     Mode = "asserted"
	Intended     Mode = "intended"
	Negated      Mode = "negated"
	Hypothetical Mode = "hypothetical"
	Reported     Mode = "reported"
)

// Location is where an event happened.
type Location struct {
	Name      string  `json:"name"`
	Country   string  `json:"country"`
	ADM1      string  `json:"adm1"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Precision string  `json:"precision"`
	// Basis says how the place was found: clause (a locative phrase of
	// the event's own clause), target (the place struck), dateline (the
	// story's dateline, the sentence naming none) or scene (the place of
	// the lede's event of the same actors on the same day); empty for events
	// stored before annals recorded it.
	Basis string `json:"basis,omitempty"`
}

// Event is one coded political event with its evidence. The JSON field
// names are a public contract (annals code, exports, the API).
type Event struct {
	DocID         string    `json:"doc_id"`
	EventID       string    `json:"event_id"`
	SentenceIndex int       `json:"sentence_index"`
	Sentence      string    `json:"sentence"`
	Source        string    `json:"source"`
	SourceText    string    `json:"source_text"`
	Target        string    `json:"target"`
	TargetText    string    `json:"target_text"`
	Code          string    `json:"code"`
	Root          string    `json:"root"`
	QuadClass     int       `json:"quad_class"`
	Goldstein     float64   `json:"goldstein"`
	Plover        string    `json:"plover"`
	Mode          Mode      `json:"mode"`
	EventDate     string    `json:"event_date"`
	DatePrecision string    `json:"date_precision"`
	DateSource    string    `json:"date_source"`
	Location      *Location `json:"location"`
	Confidence    float64   `json:"confidence"`
	Rule          string    `json:"rule"`
	Mentions      int       `json:"mentions"`

	// Evidence spans, relative to the article text.
	SourceSpan  Span `json:"source_span"`
	TargetSpan  Span `json:"target_span"`
	TriggerSpan Span `json:"trigger_span"`
	// EvidenceSentences lists every sentence index that tells this event.
	EvidenceSentences []int `json:"evidence_sentences,omitempty"`
}

// Countable reports whether consumers see the event by default: negated
// and hypothetical events appear only when asked for.
func (e *Event) Countable() bool {
	return e.Mode == Asserted || e.Mode == Intended || e.Mode == Reported
}

// EventFilter selects stored events. Zero fields do not filter.
type EventFilter struct {
	Actor     string // source or target starts with this code
	Source    string // source starts with this code
	Target    string // target starts with this code
	DyadA     string // with DyadB: events between the two, either direction
	DyadB     string
	From, To  string // event_date range, YYYY-MM-DD, inclusive
	Root      string
	Code      string
	QuadClass int
	Place     string // a place name, case-insensitive: that name, or that name and more words ("Kharkiv region"); with a final *, names that start with the rest
	Country   string // location country (ISO alpha-3)
	Text      string // full-text search over evidence sentences
	Modes     []Mode // empty: asserted, intended, reported
	DocID     string
	Limit     int
	After     int64 // cursor: events with id greater than this (in Sort's order, after AfterDate too)
	// Sort orders events by id (""), by event date then id ("date") or by
	// event date then id, latest first ("-date"). With a date order the
	// cursor is the last event's date (AfterDate, "" for undated) and id.
	Sort      string
	AfterDate string
	// At, when set, is a point: events located exactly there (a place's
	// coordinates as GET /api/v1/places gives them).
	At *Point
	// MinConfidence keeps events whose confidence is at least this.
	MinConfidence float64
}

// Point is a latitude and longitude in degrees.
type Point struct{ Lat, Lon float64 }

// StoredEvent is an event as kept in a store: deduplicated across
// documents, with its counts and evidence.
type StoredEvent struct {
	ID int64 `json:"id"`
	Event
	NumMentions int        `json:"num_mentions"`
	NumSources  int        `json:"num_sources"`
	NumArticles int        `json:"num_articles"`
	Evidence    []Evidence `json:"evidence,omitempty"`
	// EvidenceCount is the number of evidence rows stored (at most the
	// store's cap, 100, however many documents report the event: the
	// counts above count them all); lists carry only the first few, and
	// Record names the event's full record.
	EvidenceCount int    `json:"evidence_count,omitempty"`
	Record        string `json:"record,omitempty"`
}

// Evidence is one sentence of one document that tells a stored event.
type Evidence struct {
	DocID         string  `json:"doc_id"`
	SentenceIndex int     `json:"sentence_index"`
	Sentence      string  `json:"sentence"`
	SourceText    string  `json:"source_text"`
	TargetText    string  `json:"target_text"`
	SourceSpan    Span    `json:"source_span"`
	TargetSpan    Span    `json:"target_span"`
	TriggerSpan   Span    `json:"trigger_span"`
	Rule          string  `json:"rule"`
	Confidence    float64 `json:"confidence"`
	Mode          Mode    `json:"mode"`
	URL           string  `json:"url,omitempty"`
	Published     string  `json:"published,omitempty"`
	SentenceStart int     `json:"sentence_start"`
}

// Bucket is one interval of a dyad timeline. Its events are a separate,
// paginated query: the dyad's events from Start to End.
type Bucket struct {
	Start     string  `json:"start"`
	End       string  `json:"end"`  // the bucket's last day
	Quad      [5]int  `json:"quad"` // counts per quad class 1-4 (index 0 unused)
	Events    int     `json:"events"`
	Goldstein float64 `json:"goldstein"` // mean Goldstein score
}

// CodedDocument is everything the pipeline produced for one article, the
// unit a store writes atomically.
type CodedDocument struct {
	Article     *Article
	ContentHash string
	Sentences   []Span
	Mentions    []Mention
	Events      []Event
}
