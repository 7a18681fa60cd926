-- How an event's date was found (issue 15): explicit (a date named in the
-- event's clause, or in the clause that reports it), relative (counted
-- from publication or from another event), context (the date of the
-- statement a quotation continues, or of the article's lede), publication
-- (nothing dates the clause: the article's date); empty when the event
-- has no date. date_precision keeps only day, week, month or year: the
-- old 'published' becomes a day found from publication, 'unresolved' no
-- date. Rows coded before this say nothing of explicit or relative: their
-- date_source stays empty.
ALTER TABLE events ADD COLUMN date_source TEXT NOT NULL DEFAULT '';
UPDATE events SET date_source = 'publication', date_precision = 'day' WHERE date_precision = 'published';
UPDATE events SET date_precision = '' WHERE date_precision = 'unresolved';
