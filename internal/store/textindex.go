package store

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// indexText rewrites the full-text rows of the events ids (event_fts)
// from the evidence they keep now: an event gone, or left without
// evidence, loses its row.
func (s *DB) indexText(ctx context.Context, tx *wtx, ids []int64) error {
	for lo := 0; lo < len(ids); lo += 200 {
		part := ids[lo:min(len(ids), lo+200)]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		ph := placeholders(len(part))
		for _, q := range []string{s.d.textDelete, s.d.textInsert} {
			if _, err := s.exec(ctx, tx, fmt.Sprintf(q, ph), args...); err != nil {
				return fmt.Errorf("index text: %w", err)
			}
		}
	}
	return nil
}

// rowKey is an evidence row of an event: its document and sentence.
type rowKey struct {
	doc      string
	sentence int
}

// textChanged returns those of the events ids (in id order) whose
// full-text row a transaction that only added evidence may have changed,
// so that indexText rewrites those alone: reading an event's kept
// evidence and sentences again costs O(cap) rows, however few the
// transaction added. docs are the transaction's documents: every evidence
// row of theirs is one it added (touched[id].added), and dropped the rows
// the cap took away (prune), some of them perhaps among those added.
//
// An event's row is made from the rows it keeps. Those are, after the
// transaction, the rows it kept before less the old ones dropped (lost)
// plus the added ones kept. When neither set has a row with text, the
// row is the one a rebuild makes: the rows are the same. Otherwise, where
// the row is made from the set of distinct sentence texts (SQLite,
// textDistinct), it is unchanged when that set is: when each text of a
// kept added row is the text of a row kept before and each text of a lost
// row is the text of one kept now. A text of both sets passes both; the
// others are looked for among the rows of other documents that the event
// still keeps (textHas), which hold both the texts kept before, less the
// lost rows', and, but for the added rows', those kept now. In PostgreSQL
// the row is made from every kept row in order (its positions tell them
// apart), so any kept added row or lost row changes it.
func (s *DB) textChanged(ctx context.Context, tx *wtx, ids []int64, touched map[int64]*tally, dropped map[int64][]evidenceKey, docs []string) ([]int64, error) {
	change := map[int64]bool{}
	kept := map[int64]map[string]bool{} // texts of the added rows kept
	var lost []any                      // (event, document, sentence) of old rows dropped
	for _, id := range ids {
		t := touched[id]
		if t.removed {
			change[id] = true
			continue
		}
		gone := map[rowKey]bool{}
		for _, k := range dropped[id] {
			gone[rowKey{k.doc, k.sentence}] = true
		}
		mine := map[rowKey]bool{}
		texts := map[string]bool{}
		for _, r := range t.added {
			k := rowKey{r.doc, r.sentence}
			mine[k] = true
			if r.hasText && !gone[k] {
				texts[r.text] = true
			}
		}
		n := len(lost)
		for _, k := range dropped[id] {
			if !mine[rowKey{k.doc, k.sentence}] {
				lost = append(lost, id, k.doc, k.sentence)
			}
		}
		if !s.d.textDistinct && (len(texts) > 0 || len(lost) > n) {
			change[id] = true
			lost = lost[:n]
			continue
		}
		kept[id] = texts
	}
	if s.d.textDistinct {
		// the texts of the lost rows: a row whose document has no
		// such sentence had none
		lostText := map[int64]map[string]bool{}
		for lo := 0; lo < len(lost); lo += 3 * 300 {
			part := lost[lo:min(len(lost), lo+3*300)]
			err := s.each(ctx, tx, `SELECT c.column1, s.text FROM (VALUES `+strings.TrimSuffix(strings.Repeat(`(CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS INTEGER)),`, len(part)/3), ",")+`) AS c
				JOIN sentences s ON s.doc_id = c.column2 AND s.idx = c.column3`, part, func(id int64, text string) {
				if lostText[id] == nil {
					lostText[id] = map[string]bool{}
				}
				lostText[id][text] = true
			})
			if err != nil {
				return nil, err
			}
		}
		// the texts of one set only, to be looked for
		var look []any
		for _, id := range ids {
			if change[id] {
				continue
			}
			for text := range kept[id] {
				if !lostText[id][text] {
					look = append(look, id, text)
				}
			}
			for text := range lostText[id] {
				if !kept[id][text] {
					look = append(look, id, text)
				}
			}
		}
		if len(look) > 0 {
			clean := make([]string, len(docs))
			for i, d := range docs {
				clean[i] = scrub([]any{d})[0].(string) // as stored
			}
			list, err := json.Marshal(clean)
			if err != nil {
				return nil, err
			}
			missing := map[[2]any]bool{}
			for i := 0; i < len(look); i += 2 {
				missing[[2]any{look[i], look[i+1]}] = true
			}
			for lo := 0; lo < len(look); lo += 2 * 300 {
				part := look[lo:min(len(look), lo+2*300)]
				args := append(append([]any{}, part...), string(list))
				err := s.each(ctx, tx, fmt.Sprintf(s.d.textHas, strings.TrimSuffix(strings.Repeat(`(CAST(? AS BIGINT), CAST(? AS TEXT)),`, len(part)/2), ",")), args,
					func(id int64, text string) { delete(missing, [2]any{id, text}) })
				if err != nil {
					return nil, err
				}
			}
			for k := range missing {
				change[k[0].(int64)] = true
			}
		}
	}
	out := make([]int64, 0, len(change))
	for id := range change {
		out = append(out, id)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

// each runs a query of (event id, text) rows and calls fn on each.
func (s *DB) each(ctx context.Context, tx *wtx, q string, args []any, fn func(int64, string)) error {
	rows, err := s.query(ctx, tx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return err
		}
		fn(id, text)
	}
	return rows.Err()
}
