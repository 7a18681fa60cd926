package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/annals-events/annals"
	"github.com/annals-events/annals/internal/store"
	"github.com/annals-events/annals/internal/store/gendata"
	"github.com/annals-events/annals/internal/store/storetest"
)

// reports are n documents telling the same strike: from 7 wires and,
// one in ten, no source (each such document its own outlet); published
// on 23 days; a third in two sentences; with confidences in 41 steps; and
// one in 13 coding the strike's first sentence twice (the first coding
// wins, as it always has).
func reports(t testing.TB, n int) []*annals.CodedDocument {
	one := coded(t, "one", "2024-01-17", "", "Iran struck Pakistan on Tuesday.")
	two := coded(t, "two", "2024-01-17", "", "Iran struck Pakistan on Tuesday. Iran also struck Pakistan on Tuesday, officials said.")
	if len(one.Events) != 1 || len(two.Events) != 1 || len(two.Events[0].EvidenceSentences) != 2 {
		t.Fatalf("the templates code as %+v and %+v", one.Events, two.Events)
	}
	base := time.Date(2024, 1, 16, 0, 0, 0, 0, time.UTC)
	var docs []*annals.CodedDocument
	for k := range n {
		tm := one
		if k%3 == 1 {
			tm = two
		}
		a := *tm.Article
		a.ID = fmt.Sprintf("rep%04d", k)
		a.Source = fmt.Sprint("Wire ", k%7)
		if k%10 == 9 {
			a.Source = ""
		}
		a.Published = base.AddDate(0, 0, (k*7)%23)
		d := *tm
		d.Article, d.ContentHash = &a, "hash-"+a.ID
		d.Events = slices.Clone(tm.Events)
		for i := range d.Events {
			d.Events[i].Confidence = 0.5 + float64((k*37)%41)/100
		}
		if k%13 == 0 {
			dup := d.Events[0]
			dup.Mentions, dup.Confidence, dup.EvidenceSentences = 5, 0.99, nil
			d.Events = append(d.Events, dup)
		}
		docs = append(docs, &d)
	}
	return docs
}

// addIn stores docs in batches of 1 to max documents, in a shuffled
// order when r is set.
func addIn(t testing.TB, db *store.DB, docs []*annals.CodedDocument, r *rand.Rand, most int) {
	docs = slices.Clone(docs)
	if r != nil {
		r.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
	}
	for len(docs) > 0 {
		n := most
		if r != nil {
			n = 1 + r.Intn(most)
		}
		n = min(n, len(docs))
		if _, err := db.Add(context.Background(), docs[:n]); err != nil {
			t.Fatal(err)
		}
		docs = docs[n:]
	}
}

var everyMode = annals.EventFilter{Limit: 100000, Modes: []annals.Mode{annals.Asserted, annals.Intended, annals.Reported, annals.Negated, annals.Hypothetical}}

// counts are the stored counts of every event, by its dedup key (events
// of one key, in different places, in one value) or by its id with byID.
func counts(t testing.TB, db *store.DB, byID ...bool) map[string]string {
	evs, err := db.Events(context.Background(), everyMode, false)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range evs {
		k := e.Source + "|" + e.Target + "|" + e.Code + "|" + string(e.Mode) + "|" + e.EventDate
		if len(byID) > 0 {
			k = strconv.FormatInt(e.ID, 10)
		}
		addCount(out, k, fmt.Sprintf("mentions %d articles %d sources %d confidence %g", e.NumMentions, e.NumArticles, e.NumSources, e.Confidence))
	}
	return out
}

// oldCounts are the counts of every event computed as annals computed
// them before event_docs, from every evidence row: right only for a
// store that keeps all of them.
func oldCounts(t testing.TB, db *store.DB, byID ...bool) map[string]string {
	rows, err := db.SQL().Query(`SELECT e.id, e.source, e.target, e.code, e.mode, e.event_date,
		(SELECT COALESCE(SUM(mentions), 0) FROM evidence WHERE event_id = e.id),
		(SELECT COUNT(DISTINCT doc_id) FROM evidence WHERE event_id = e.id),
		(SELECT COUNT(DISTINCT CASE WHEN d.source = '' THEN d.id ELSE d.source END) FROM evidence v JOIN documents d ON d.id = v.doc_id WHERE v.event_id = e.id),
		(SELECT COALESCE(MAX(confidence), 0) FROM evidence WHERE event_id = e.id)
		FROM events e`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id int64
		var a, b, c, m, d string
		var ments, arts, srcs int
		var conf float64
		if err := rows.Scan(&id, &a, &b, &c, &m, &d, &ments, &arts, &srcs, &conf); err != nil {
			t.Fatal(err)
		}
		k := a + "|" + b + "|" + c + "|" + m + "|" + d
		if len(byID) > 0 {
			k = strconv.FormatInt(id, 10)
		}
		addCount(out, k, fmt.Sprintf("mentions %d articles %d sources %d confidence %g", ments, arts, srcs, conf))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func addCount(m map[string]string, k, v string) {
	if m[k] != "" {
		vs := append(strings.Split(m[k], "; "), v)
		sort.Strings(vs)
		v = strings.Join(vs, "; ")
	}
	m[k] = v
}

// row is an evidence row: document, sentence, confidence, publication
// date.
type row struct {
	doc  string
	sent int
	conf float64
	pub  string
}

func evidenceRows(t testing.TB, db *sql.DB, event int64) []row {
	rows, err := db.Query(`SELECT v.doc_id, v.sentence_index, v.confidence, d.published FROM evidence v JOIN documents d ON d.id = v.doc_id
		WHERE v.event_id = ` + strconv.FormatInt(event, 10))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.doc, &r.sent, &r.conf, &r.pub); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// keep is the cap's rule, from every report of an event: the cap/2
// earliest (publication date, document, sentence), then the most
// confident of the rest (ties to the earliest), cap in all; sorted.
func keep(all []row, cap int) []string {
	all = slices.Clone(all)
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.pub != b.pub {
			return a.pub < b.pub
		}
		if a.doc != b.doc {
			return a.doc < b.doc
		}
		return a.sent < b.sent
	})
	k := min(len(all), cap/2)
	kept := slices.Clone(all[:k])
	rest := slices.Clone(all[k:])
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].conf > rest[j].conf })
	kept = append(kept, rest[:min(len(rest), cap-k)]...)
	return rowKeys(kept)
}

func rowKeys(rs []row) []string {
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprint(r.doc, "#", r.sent))
	}
	sort.Strings(out)
	return out
}

func strike(t testing.TB, db *store.DB) annals.StoredEvent {
	evs, err := db.Events(context.Background(), annals.EventFilter{Source: "IRN", Target: "PAK", Root: "19"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 {
		t.Fatalf("want one strike, got %d events", len(evs))
	}
	return evs[0]
}

func eventByID(t testing.TB, db *store.DB, id int64) annals.StoredEvent {
	e, err := db.Event(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func noDrift(t testing.TB, db *store.DB, when string) {
	t.Helper()
	drift, err := db.CountDrift(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if drift != "" {
		t.Fatalf("%s: counts drifted from the reports:\n%s", when, drift)
	}
}

// TestEvidenceCap: an event told by three times the cap of documents
// keeps exactly the cap of evidence rows, the ones the rule picks from all
// of them whatever order and batches they came in, while its counts are
// those of every report, as recounting all the evidence gave; every
// document still lists the event.
func TestEvidenceCap(t *testing.T) {
	docs := reports(t, 3*store.EvidenceCap)
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		all := open(t)
		all.EvidenceCap = 0 // keeps every row: the reference
		addIn(t, all, docs, nil, 50)
		want := oldCounts(t, all)
		if got := counts(t, all); !reflect.DeepEqual(got, want) {
			t.Fatalf("uncapped store: counts %v, recounted %v", got, want)
		}
		full := strike(t, all)
		rows := evidenceRows(t, all.SQL(), full.ID)
		if len(rows) != 400 || full.NumArticles != 300 || full.NumSources != 7+30 {
			t.Fatalf("reference: %d evidence rows, %+v", len(rows), full)
		}
		for _, c := range []struct {
			cap   int
			seed  int64
			batch int
		}{{store.EvidenceCap, 1, 40}, {7, 2, 8}} {
			db := open(t)
			if db.EvidenceCap != store.EvidenceCap {
				t.Fatalf("default cap %d", db.EvidenceCap)
			}
			db.EvidenceCap = c.cap
			addIn(t, db, docs, rand.New(rand.NewSource(c.seed)), c.batch)
			if got := counts(t, db); !reflect.DeepEqual(got, want) {
				t.Errorf("cap %d: counts %v, want %v", c.cap, got, want)
			}
			e := strike(t, db)
			kept := rowKeys(evidenceRows(t, db.SQL(), e.ID))
			if len(kept) != c.cap {
				t.Errorf("cap %d: %d evidence rows kept", c.cap, len(kept))
			}
			if w := keep(rows, c.cap); !reflect.DeepEqual(kept, w) {
				t.Errorf("cap %d: kept %v\nwant %v", c.cap, kept, w)
			}
			noDrift(t, db, fmt.Sprint("cap ", c.cap))
			rec, err := db.Event(ctx, e.ID)
			if err != nil || len(rec.Evidence) != c.cap || rec.EvidenceCount != c.cap || rec.NumArticles != 300 {
				t.Errorf("cap %d: record %v: %d evidence rows (count %d), %d articles", c.cap, err, len(rec.Evidence), rec.EvidenceCount, rec.NumArticles)
			}
			// a document whose evidence went still reports the event
			for _, d := range docs {
				if !slices.Contains(kept, d.Article.ID+"#0") {
					doc, err := db.Document(ctx, d.Article.ID)
					if err != nil || len(doc.Events) != 1 || doc.Events[0].ID != e.ID {
						t.Errorf("cap %d: document %s: %v, %d events", c.cap, d.Article.ID, err, len(doc.Events))
					}
					break
				}
			}
		}
		noDrift(t, all, "uncapped")
	})
}

// TestEvidenceCapIdempotent: storing the same documents again (by id or
// by content) changes no count and no evidence row; recoding documents,
// kept or dropped, to the same coding changes no count, and to another
// event moves exactly their reports (an outlet leaving when its last
// document goes), in a capped store as in one that keeps everything.
func TestEvidenceCapIdempotent(t *testing.T) {
	docs := reports(t, 3*store.EvidenceCap)
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		all, db := open(t), open(t)
		all.EvidenceCap = 0
		addIn(t, all, docs, nil, 100)
		addIn(t, db, docs, rand.New(rand.NewSource(5)), 30)
		want := counts(t, db)
		e := strike(t, db)
		kept := rowKeys(evidenceRows(t, db.SQL(), e.ID))
		// again, by id; and by content under new ids
		var copies []*annals.CodedDocument
		for _, d := range docs[:50] {
			c := *d
			a := *d.Article
			a.ID = "copy-" + a.ID
			c.Article = &a
			copies = append(copies, &c)
		}
		for _, batch := range [][]*annals.CodedDocument{docs, copies, append(docs[:10:10], copies[:10]...)} {
			res, err := db.Add(ctx, batch)
			if err != nil {
				t.Fatal(err)
			}
			if res.Added != 0 || res.Skipped != len(batch) {
				t.Errorf("re-adding %d documents: %+v", len(batch), res)
			}
		}
		if got := counts(t, db); !reflect.DeepEqual(got, want) {
			t.Errorf("re-adding changed counts: %v, want %v", got, want)
		}
		if got := rowKeys(evidenceRows(t, db.SQL(), e.ID)); !reflect.DeepEqual(got, kept) {
			t.Errorf("re-adding changed the evidence kept")
		}
		same := func(when string) {
			t.Helper()
			ref := oldCounts(t, all)
			if got := counts(t, all); !reflect.DeepEqual(got, ref) {
				t.Fatalf("%s: uncapped counts %v, recounted %v", when, got, ref)
			}
			if got := counts(t, db); !reflect.DeepEqual(got, ref) {
				t.Errorf("%s: counts %v, want %v", when, got, ref)
			}
			for _, s := range []*store.DB{all, db} {
				noDrift(t, s, when)
			}
			// (rows dropped are gone: documents recoded away take theirs
			// and may leave fewer than the cap)
			if n := len(evidenceRows(t, db.SQL(), strike(t, db).ID)); n > store.EvidenceCap || n == 0 {
				t.Errorf("%s: %d evidence rows", when, n)
			}
		}
		replace := func(when string, re []*annals.CodedDocument) {
			t.Helper()
			r1, err := all.Replace(ctx, re)
			if err != nil {
				t.Fatal(err)
			}
			r2, err := db.Replace(ctx, re)
			if err != nil {
				t.Fatal(err)
			}
			if r1 != r2 {
				t.Errorf("%s: recode says %+v, uncapped %+v", when, r2, r1)
			}
			same(when)
		}
		// the same coding: documents kept and dropped, one twice
		var re []*annals.CodedDocument
		for k := 0; k < len(docs); k += 9 {
			re = append(re, docs[k])
		}
		replace("same coding", append(re, docs[0]))
		if got := counts(t, db); !reflect.DeepEqual(got, want) {
			t.Errorf("recoding to the same coding changed counts: %v, want %v", got, want)
		}
		// every document of Wire 3, and two with no source, now tell
		// another event
		other := coded(t, "other", "2024-01-17", "", "Pakistan and Iran signed a trade agreement on Monday.")
		var moved []*annals.CodedDocument
		for k, d := range docs {
			if d.Article.Source == "Wire 3" || k == 9 || k == 19 {
				c := *other
				a := *d.Article
				a.Text = other.Article.Text
				c.Article = &a
				moved = append(moved, &c)
			}
		}
		before := strike(t, db)
		replace("moved away", moved)
		after := strike(t, db)
		if after.NumArticles != before.NumArticles-len(moved) || after.NumSources != before.NumSources-3 {
			t.Errorf("%d documents of 3 outlets moved away: %+v, was %+v", len(moved), after, before)
		}
		// and back
		var back []*annals.CodedDocument
		for _, d := range docs {
			if d.Article.Source == "Wire 3" || d.Article.ID == "rep0009" || d.Article.ID == "rep0019" {
				back = append(back, d)
			}
		}
		replace("moved back", back)
		if got := counts(t, db); !reflect.DeepEqual(got, want) {
			t.Errorf("moving back: counts %v, want %v", got, want)
		}
	})
}

// TestEvidenceUpgrade: a store at migration 5 (before event_docs), with
// synthetic events and one told by three times the cap of documents
// (counted as annals counted them then), upgrades on Open: every event
// keeps its counts, its reports are made from its evidence, the big one
// keeps the cap's rows by the rule, and a new report merges into it
// counting exactly one more document and outlet.
func TestEvidenceUpgrade(t *testing.T) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			ctx := context.Background()
			dsn := b.DSN(t)
			old, err := store.OpenVersion(dsn, 5)
			if err != nil {
				t.Fatal(err)
			}
			if err := gendata.Generate(ctx, old.SQL(), old.Name(), 2000, 3); err != nil {
				t.Fatal(err)
			}
			docs := reports(t, 3*store.EvidenceCap)
			id := writeV5(t, old.SQL(), old.Name() == "postgres", docs)
			before := oldCounts(t, old, true)
			var nEvidence int
			old.SQL().QueryRow(`SELECT COUNT(*) FROM evidence`).Scan(&nEvidence)
			all := evidenceRows(t, old.SQL(), id)
			old.Close()

			db, err := store.Open(dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var v, nReports int
			db.SQL().QueryRow(`SELECT MAX(version) FROM schema_version`).Scan(&v)
			db.SQL().QueryRow(`SELECT COUNT(*) FROM event_docs`).Scan(&nReports)
			if v < 6 || nReports < 2000+300 { // (migrations after 0006 may follow)
				t.Fatalf("after the upgrade: version %d, %d reports", v, nReports)
			}
			if got := counts(t, db, true); !reflect.DeepEqual(got, before) {
				t.Errorf("counts changed in the upgrade")
			}
			noDrift(t, db, "upgraded")
			kept := rowKeys(evidenceRows(t, db.SQL(), id))
			if w := keep(all, store.EvidenceCap); !reflect.DeepEqual(kept, w) {
				t.Errorf("the big event kept %d rows %v\nwant %v", len(kept), kept, w)
			}
			var n int
			db.SQL().QueryRow(`SELECT COUNT(*) FROM evidence`).Scan(&n)
			if n != nEvidence-(len(all)-store.EvidenceCap) {
				t.Errorf("%d evidence rows after the upgrade, %d before: only the big event's should go", n, nEvidence)
			}
			e := eventByID(t, db, id)
			d := *docs[0]
			a := *d.Article
			a.ID, a.Source = "late", "Wire 99"
			d.Article, d.ContentHash = &a, "late"
			if _, err := db.Add(ctx, []*annals.CodedDocument{&d}); err != nil {
				t.Fatal(err)
			}
			late := eventByID(t, db, id)
			if late.ID != e.ID || late.NumArticles != e.NumArticles+1 || late.NumSources != e.NumSources+1 || late.NumMentions != e.NumMentions+1 {
				t.Errorf("a new report: %+v, was %+v", late, e)
			}
			if n := len(evidenceRows(t, db.SQL(), id)); n != store.EvidenceCap {
				t.Errorf("after a new report: %d evidence rows", n)
			}
			noDrift(t, db, "after a new report")
		})
	}
}

// writeV5 writes docs and their one strike as annals did at migration 5,
// with its counts recounted from its evidence, and returns its id.
func writeV5(t testing.TB, db *sql.DB, pg bool, docs []*annals.CodedDocument) int64 {
	q := func(s string) string {
		if !pg {
			return s
		}
		for i := 1; strings.Contains(s, "?"); i++ {
			s = strings.Replace(s, "?", "$"+strconv.Itoa(i), 1)
		}
		return s
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	e := docs[0].Events[0]
	var id int64
	if err := tx.QueryRow(q(`INSERT INTO events (source, target, code, root, quad_class, goldstein, plover, mode, event_date, date_precision,
		loc_name, country, adm1, lat, lon, loc_precision, confidence, rule, source_text, target_text)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id`),
		e.Source, e.Target, e.Code, e.Root, e.QuadClass, e.Goldstein, e.Plover, string(e.Mode), e.EventDate, e.DatePrecision,
		e.Location.Name, e.Location.Country, e.Location.ADM1, e.Location.Lat, e.Location.Lon, e.Location.Precision, e.Confidence, e.Rule, e.SourceText, e.TargetText).Scan(&id); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		a := d.Article
		if _, err := tx.Exec(q(`INSERT INTO documents (id, url, title, source, published, content_hash, text, ingested_at) VALUES (?,?,?,?,?,?,?,?)`),
			a.ID, "", "", a.Source, a.Published.Format("2006-01-02"), d.ContentHash, a.Text, "2024-01-20T00:00:00Z"); err != nil {
			t.Fatal(err)
		}
		for i, sp := range d.Sentences {
			if _, err := tx.Exec(q(`INSERT INTO sentences (doc_id, idx, start_off, end_off, text) VALUES (?,?,?,?,?)`), a.ID, i, sp.Start, sp.End, a.Text[sp.Start:sp.End]); err != nil {
				t.Fatal(err)
			}
		}
		for _, e := range d.Events {
			sents := e.EvidenceSentences
			if len(sents) == 0 {
				sents = []int{e.SentenceIndex}
			}
			for k, si := range sents {
				n := 1
				if k == 0 {
					n = max(1, e.Mentions-len(sents)+1)
				}
				if _, err := tx.Exec(q(`INSERT INTO evidence (event_id, doc_id, sentence_index, mentions, source_text, target_text,
					source_start, source_end, target_start, target_end, trigger_start, trigger_end, rule, confidence, mode)
					VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING`), id, a.ID, si, n, e.SourceText, e.TargetText,
					e.SourceSpan.Start, e.SourceSpan.End, e.TargetSpan.Start, e.TargetSpan.End, e.TriggerSpan.Start, e.TriggerSpan.End, e.Rule, e.Confidence, string(e.Mode)); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	// the recount of migration 5's store
	if _, err := tx.Exec(q(`UPDATE events SET
		num_mentions = (SELECT COALESCE(SUM(mentions), 0) FROM evidence WHERE event_id = ?),
		num_articles = (SELECT COUNT(DISTINCT doc_id) FROM evidence WHERE event_id = ?),
		num_sources  = (SELECT COUNT(DISTINCT CASE WHEN d.source = '' THEN d.id ELSE d.source END) FROM evidence v JOIN documents d ON d.id = v.doc_id WHERE v.event_id = ?),
		confidence   = (SELECT COALESCE(MAX(confidence), 0) FROM evidence WHERE event_id = ?)
		WHERE id = ?`), id, id, id, id, id); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestListEvidenceIsTheRecordsFirst: a page's events carry the first
// rows of their evidence (by publication, document, sentence) and how
// many they have, as each event's own record does, whether the page's
// evidence is numbered in the database (a story with many reports) or
// cut in Go (few), in SQLite and PostgreSQL.
func TestListEvidenceIsTheRecordsFirst(t *testing.T) {
	stories := []struct {
		text, source string
		reports      int
	}{
		{"Iran struck Pakistan on 1 January 2024.", "IRN", 2},
		{"Russian forces shelled Kharkiv on 1 January 2024.", "RUS", 6},
		{"Israel bombed Gaza on 1 January 2024.", "ISR", 20},
	}
	each(t, func(t *testing.T, open func(testing.TB) *store.DB) {
		ctx := context.Background()
		db := open(t)
		db.EvidenceCap = 0
		var docs []*annals.CodedDocument
		for i, st := range stories {
			for k := range st.reports {
				// publication days out of the documents' order
				day := fmt.Sprintf("2024-01-%02d", st.reports-k) // the last document first
				d := coded(t, fmt.Sprintf("s%d-%02d", i, k), day, fmt.Sprint("Wire ", k), st.text)
				d.ContentHash = d.Article.ID // the same text, another report
				docs = append(docs, d)
			}
		}
		if _, err := db.Add(ctx, docs); err != nil {
			t.Fatal(err)
		}
		for _, f := range []annals.EventFilter{{}, {Source: "IRN"}, {Source: "RUS"}, {Source: "ISR"}} {
			page, err := db.EventList(ctx, f, 3)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) == 0 {
				t.Fatalf("%+v: no events", f)
			}
			for _, e := range page {
				rec, err := db.Event(ctx, e.ID)
				if err != nil {
					t.Fatal(err)
				}
				want := rec.Evidence[:min(3, len(rec.Evidence))]
				if e.EvidenceCount != len(rec.Evidence) || !reflect.DeepEqual(e.Evidence, want) {
					t.Errorf("%+v: event %d lists %d of %d rows %+v; its record has %d, first %+v", f, e.ID, len(e.Evidence), e.EvidenceCount, e.Evidence, len(rec.Evidence), want)
				}
			}
		}
		if rec, _ := db.EventList(ctx, annals.EventFilter{Source: "ISR"}, 3); len(rec) == 0 || rec[0].EvidenceCount < 20 {
			t.Errorf("the story of 20 reports has %+v: the test exercises nothing", rec)
		}
	})
}
