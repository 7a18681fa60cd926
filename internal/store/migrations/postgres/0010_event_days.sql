-- The ids of each day's events (issue 16): the least and greatest id of
-- the events dated that day ('' when undated). A page of events in id
-- order with a date range reads only the ids between the least and the
-- greatest of its days: events are numbered as they are stored, mostly
-- in the order of their dates, so a month of ten years is about a
-- hundredth of the ids, and a page of it is found in the first rows of
-- that window instead of after sorting every event of the month. Kept in
-- the transactions that write events: a new event widens its day's
-- window; a deleted one leaves it as wide (a window only has to hold its
-- day's events).
CREATE TABLE event_days (
	day    TEXT PRIMARY KEY,
	min_id BIGINT NOT NULL,
	max_id BIGINT NOT NULL
);

INSERT INTO event_days (day, min_id, max_id) SELECT event_date, MIN(id), MAX(id) FROM events GROUP BY event_date;
