-- The map reads places, not events (issue 17); see the SQLite migration.
-- One index serves both reads here: the count per point and quad class
-- as an index-only scan (every column it groups by or filters on is in
-- it), and a place's events (lat = ? AND lon = ?) latest first, each
-- year's partition read backwards in date order.
-- (0006 is left to the evidence work under way on another branch.)
CREATE INDEX IF NOT EXISTS events_at ON events(lat, lon, event_date, id) INCLUDE (loc_name, country, quad_class, mode);
ANALYZE;
