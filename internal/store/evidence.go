package store

import (
	"context"
	"sort"
	"strconv"
	"strings"
)

// EvidenceCap is how many evidence rows (reporting sentences) one event
// keeps by default: a story told by thousands of documents keeps the
// EvidenceCap/2 earliest (by the document's publication date, then
// document id and sentence: the order the API lists evidence in) and the
// most confident of the rest up to EvidenceCap, while its counts
// (mentions, articles, sources) count every report. Which rows an event
// keeps does not depend on the order its reports arrived in: the rule
// picks the same rows from the kept ones and the new ones as from all
// reports. A recode that takes kept rows away could leave fewer (the rows
// dropped before are gone), so annals recode stores every row while it
// recodes and trims once at the end (Prune).
const EvidenceCap = 100

// A tally is what a transaction changes in one event's counts; recount
// applies it.
type tally struct {
	date                        string // the event's date (its partition in PostgreSQL)
	mentions, articles, sources int
	conf                        float64 // the greatest confidence of a report added
	removed                     bool    // a report was taken away: the event may be left without any
	reconf                      bool    // the report of the event's greatest confidence may have been taken away
	// added are the evidence rows the transaction wrote for the event,
	// with their sentences' texts, for textChanged
	added []addedRow
}

// addedRow is an evidence row a transaction wrote, and the text of its
// sentence as stored (hasText false when the document has no sentence of
// that index, so the row joins none and adds no text).
type addedRow struct {
	doc      string
	sentence int
	text     string
	hasText  bool
}

// outlet is what an event's num_sources counts distinct: the document's
// source, or its id when it has none.
func outlet(source, docID string) string {
	if source == "" {
		return docID
	}
	return source
}

// outletTells returns which of the events ids a document of outlet
// reports: one look-up on event_docs_outlet each, which stops at the
// first (a DISTINCT would read every document of the outlet).
func (s *DB) outletTells(ctx context.Context, tx *wtx, outlet string, ids []int64) (map[int64]bool, error) {
	told := map[int64]bool{}
	for lo := 0; lo < len(ids); lo += 500 {
		part := ids[lo:min(len(ids), lo+500)]
		args := make([]any, 0, len(part)+1)
		for _, id := range part {
			args = append(args, id)
		}
		args = append(args, outlet)
		rows, err := s.query(ctx, tx, `SELECT column1 FROM (VALUES `+strings.TrimSuffix(strings.Repeat(`(CAST(? AS BIGINT)),`, len(part)), ",")+`) AS v
			WHERE EXISTS (SELECT 1 FROM event_docs x WHERE x.event_id = v.column1 AND x.outlet = ?)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			told[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return told, nil
}

// prune drops the evidence rows beyond the cap of those of the events ids
// that have more: O(cap) rows read for each, however many documents
// report it (one statement reads the rows of every event over the cap,
// one more their documents' dates), the rows to drop decided here (keep)
// and deleted by primary key. It returns the rows it dropped, by event,
// so that the events' full-text rows are rewritten only when their text
// changed (textChanged).
func (s *DB) prune(ctx context.Context, tx *wtx, ids []int64) (map[int64][]evidenceKey, error) {
	dropped := map[int64][]evidenceKey{}
	if s.EvidenceCap <= 0 {
		return dropped, nil
	}
	for lo := 0; lo < len(ids); lo += 200 {
		part := ids[lo:min(len(ids), lo+200)]
		args := make([]any, 0, 2*len(part))
		for range 2 {
			for _, id := range part {
				args = append(args, id)
			}
		}
		in := ` IN (` + placeholders(len(part)) + `)`
		rows, err := s.query(ctx, tx, `SELECT event_id, doc_id, sentence_index, confidence FROM evidence
			WHERE event_id`+in+` AND event_id IN (SELECT event_id FROM evidence WHERE event_id`+in+`
				GROUP BY event_id HAVING COUNT(*) > `+strconv.Itoa(s.EvidenceCap)+`)`, args...)
		if err != nil {
			return nil, err
		}
		over := map[int64][]evidenceKey{}
		docs := map[string]string{}
		for rows.Next() {
			var id int64
			var k evidenceKey
			if err := rows.Scan(&id, &k.doc, &k.sentence, &k.conf); err != nil {
				rows.Close()
				return nil, err
			}
			over[id] = append(over[id], k)
			docs[k.doc] = ""
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		// their documents' dates by id, apart: PostgreSQL joins a few
		// hundred rows to the documents by reading the whole documents
		// index (merge join) or, for a small table, every document for
		// each row
		if err := s.published(ctx, tx, docs); err != nil {
			return nil, err
		}
		for _, ks := range over {
			for i := range ks {
				ks[i].published = docs[ks[i].doc]
			}
		}
		for _, id := range part { // in id order, as rows are locked
			drop := keep(over[id], s.EvidenceCap)
			if len(drop) > 0 {
				dropped[id] = drop
			}
			for lo := 0; lo < len(drop); lo += 200 {
				d := drop[lo:min(len(drop), lo+200)]
				args := []any{id}
				for _, k := range d {
					args = append(args, k.doc, k.sentence)
				}
				// the event's id first, so that the delete reads its rows
				// only
				if _, err := s.exec(ctx, tx, `DELETE FROM evidence WHERE event_id = ? AND (doc_id, sentence_index) IN (VALUES `+
					strings.TrimSuffix(strings.Repeat(`(?, CAST(? AS INTEGER)),`, len(d)), ",")+`)`, args...); err != nil {
					return nil, err
				}
			}
		}
	}
	return dropped, nil
}

// published sets the publication date of the documents whose ids key
// docs.
func (s *DB) published(ctx context.Context, tx *wtx, docs map[string]string) error {
	ids := make([]any, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	for lo := 0; lo < len(ids); lo += 500 {
		part := ids[lo:min(len(ids), lo+500)]
		rows, err := s.query(ctx, tx, `SELECT id, published FROM documents WHERE id IN (`+placeholders(len(part))+`)`, part...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id, pub string
			if err := rows.Scan(&id, &pub); err != nil {
				rows.Close()
				return err
			}
			docs[id] = pub
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// evidenceKey is what decides whether an event keeps an evidence row.
type evidenceKey struct {
	published, doc string
	sentence       int
	conf           float64
}

// keep orders an event's evidence rows as the cap keeps them, the kept
// first, and returns those beyond cap: the cap/2 earliest (by the
// document's publication date, then document id and sentence, bytewise),
// then the others by confidence, greatest first (ties to the earliest).
// Migration 0006 kept the same with SQL, its ORDER BY in the same order.
func keep(rows []evidenceKey, cap int) []evidenceKey {
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.published != b.published {
			return a.published < b.published
		}
		if a.doc != b.doc {
			return a.doc < b.doc
		}
		return a.sentence < b.sentence
	})
	k := min(len(rows), cap/2)
	// stable: equal confidences stay in order of date
	sort.SliceStable(rows[k:], func(i, j int) bool { return rows[k+i].conf > rows[k+j].conf })
	if len(rows) <= cap {
		return nil
	}
	return rows[cap:]
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// Prune trims every event holding more than the cap of evidence rows to
// the cap, by the cap's rule, a few hundred events a transaction, and
// returns how many it trimmed. A recode of every document stores with the
// cap off (EvidenceCap 0) and prunes once at the end: trimming batch by
// batch drops rows for kept ones a later batch may take away (its
// documents now coded otherwise), and could leave an event told by
// hundreds of documents with a few evidence rows, or none.
func (s *DB) Prune(ctx context.Context) (int, error) {
	if s.EvidenceCap <= 0 {
		return 0, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT event_id FROM evidence GROUP BY event_id HAVING COUNT(*) > `+strconv.Itoa(s.EvidenceCap)+` ORDER BY event_id`)
	if err != nil {
		return 0, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for lo := 0; lo < len(ids); lo += 200 {
		if err := s.prunePart(ctx, ids[lo:min(len(ids), lo+200)]); err != nil {
			return lo, err
		}
	}
	return len(ids), nil
}

// prunePart trims the events ids in one transaction, holding their locks
// as a writer merging into them does.
func (s *DB) prunePart(ctx context.Context, ids []int64) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.query(ctx, tx, `SELECT source, target, code, event_date FROM events WHERE id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return err
	}
	keys := map[string]bool{}
	for rows.Next() {
		var a, b, c, d string
		if err := rows.Scan(&a, &b, &c, &d); err != nil {
			rows.Close()
			return err
		}
		keys[s.eventKey(a, b, c, d)] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if err := s.lock(ctx, tx, nil, keys); err != nil {
		return err
	}
	if _, err := s.prune(ctx, tx, ids); err != nil {
		return err
	}
	if err := s.indexText(ctx, tx, ids); err != nil {
		return err
	}
	return tx.Commit()
}
