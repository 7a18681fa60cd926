package store

import (
	"context"

	"github.com/annals-events/annals"
)

// ExplainPlaces is the plan of the map's count per place (Places).
func (s *DB) ExplainPlaces(ctx context.Context, f annals.EventFilter) (string, error) {
	q, args := s.placesQuery(f)
	return s.explain(ctx, q, args)
}
