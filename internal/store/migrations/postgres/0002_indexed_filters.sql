-- Every filter runs on an index (issue 16); see the SQLite migration.
-- Ranges on codes compare bytes (COLLATE "C"), whatever the database's
-- collation, and each index ends with id so an equality reads events in
-- id order across the partitions (a merge of index scans).
CREATE INDEX events_src3 ON events((substr(source, 1, 3)), id);
CREATE INDEX events_tgt3 ON events((substr(target, 1, 3)), id);
CREATE INDEX events_pair ON events((LEAST(substr(source, 1, 3), substr(target, 1, 3))), (GREATEST(substr(source, 1, 3), substr(target, 1, 3))), id);
CREATE INDEX events_source_c ON events((source COLLATE "C"));
CREATE INDEX events_target_c ON events((target COLLATE "C"));
CREATE INDEX events_code_c ON events((code COLLATE "C"));
CREATE INDEX events_rootid ON events(root, id);
CREATE INDEX events_quad ON events(quad_class, id);
CREATE INDEX events_countryid ON events(country, id);
CREATE INDEX events_mode ON events(mode, id);
CREATE INDEX events_place ON events(loc_name, id);

CREATE TABLE places (name TEXT PRIMARY KEY);
INSERT INTO places (name) SELECT DISTINCT loc_name FROM events WHERE loc_name IS NOT NULL AND loc_name != '';
