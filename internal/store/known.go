package store

import (
	"context"
	"strings"
)

// DocKey names a document as Add compares it: its id and content hash.
type DocKey struct{ ID, Hash string }

// knownPerQuery bounds the documents of one look-up (two values each; far
// below either engine's limit on values per statement).
const knownPerQuery = 500

// HasMany is Has for many documents, one query per 500: known[i] says
// whether a document with keys[i]'s id or content hash is stored, that is
// whether Add would skip it.
func (s *DB) HasMany(ctx context.Context, keys []DocKey) ([]bool, error) {
	known := make([]bool, len(keys))
	for lo := 0; lo < len(keys); lo += knownPerQuery {
		part := keys[lo:min(len(keys), lo+knownPerQuery)]
		args := make([]any, 0, 2*len(part))
		for _, k := range part {
			args = append(args, k.ID)
		}
		for _, k := range part {
			args = append(args, k.Hash)
		}
		ph := strings.TrimSuffix(strings.Repeat("?,", len(part)), ",")
		rows, err := s.query(ctx, nil, `SELECT id, content_hash FROM documents WHERE id IN (`+ph+`) OR content_hash IN (`+ph+`)`, args...)
		if err != nil {
			return nil, err
		}
		ids, hashes := map[string]bool{}, map[string]bool{}
		for rows.Next() {
			var id, h string
			if err := rows.Scan(&id, &h); err != nil {
				rows.Close()
				return nil, err
			}
			ids[id], hashes[h] = true, true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		// args are as the store compares them: query scrubbed them in
		// place, as Add does the values it stores
		for i := range part {
			known[lo+i] = ids[args[i].(string)] || hashes[args[len(part)+i].(string)]
		}
	}
	return known, nil
}
