-- Every filter runs on an index (issue 16). Actor prefixes are matched as
-- the country prefix, substr(code, 1, 3), by equality, or as a BINARY
-- range (code >= 'PAKG' AND code < 'PAKH'), which SQLite's
-- case-insensitive LIKE never used. An index on one column ends with the
-- rowid, so an equality reads events in id order: the first page of a
-- cursor is the first rows of the index, however dense the value.
CREATE INDEX events_src3 ON events(substr(source, 1, 3));
CREATE INDEX events_tgt3 ON events(substr(target, 1, 3));
-- a dyad in either direction: the pair of country prefixes, in order
CREATE INDEX events_pair ON events(min(substr(source, 1, 3), substr(target, 1, 3)), max(substr(source, 1, 3), substr(target, 1, 3)));
CREATE INDEX events_code ON events(code);
CREATE INDEX events_rootid ON events(root);
CREATE INDEX events_quad ON events(quad_class);
CREATE INDEX events_mode ON events(mode);
CREATE INDEX events_place ON events(loc_name);

-- Place names, for "place contains": the few distinct names are scanned,
-- the events found by name on events_place.
CREATE TABLE places (name TEXT PRIMARY KEY);
INSERT INTO places (name) SELECT DISTINCT loc_name FROM events WHERE loc_name IS NOT NULL AND loc_name != '';
