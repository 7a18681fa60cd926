-- The map reads places, not events (issue 17): GET /api/v1/places counts
-- events per point and quad class. events_map holds every column that
-- count groups by or filters on with no index of its own (quad class,
-- mode, date), in the order of the GROUP BY, so a count over the whole
-- store reads only this index, in order, with no sort. A place's events
-- (the "at" filter, lat = ? AND lon = ?) are read in id order from
-- events_at, as every filter is, and latest first (sort=-date, the map's
-- drill-down) from events_at_date, neither sorted.
-- (0006 is left to the evidence work under way on another branch.)
CREATE INDEX IF NOT EXISTS events_map ON events(lat, lon, loc_name, country, quad_class, mode, event_date);
CREATE INDEX IF NOT EXISTS events_at ON events(lat, lon);
CREATE INDEX IF NOT EXISTS events_at_date ON events(lat, lon, event_date);
ANALYZE;
