-- Bounded evidence with exact counts (issue 18): one row per event and
-- document that reports it, so an event's counts are kept up as reports
-- merge (a new row adds its mentions, one article, and one source when no
-- other document of its outlet reports the event) instead of recounted
-- from every evidence row, and an event keeps at most EvidenceCap (100)
-- evidence rows however many documents tell it. outlet is what
-- num_sources counts: the document's source, or its id when it has none;
-- mentions, reports (evidence rows written) and confidence are what the
-- document's evidence added before any was dropped.
CREATE TABLE event_docs (
	event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	outlet     TEXT NOT NULL,
	mentions   INTEGER NOT NULL,
	reports    INTEGER NOT NULL,
	confidence REAL NOT NULL,
	PRIMARY KEY (event_id, doc_id)
) WITHOUT ROWID;

-- every report stored so far, from the evidence (all of it until now)
INSERT INTO event_docs (event_id, doc_id, outlet, mentions, reports, confidence)
	SELECT v.event_id, v.doc_id, CASE WHEN d.source = '' THEN d.id ELSE d.source END, SUM(v.mentions), COUNT(*), MAX(v.confidence)
	FROM evidence v JOIN documents d ON d.id = v.doc_id
	WHERE NOT EXISTS (SELECT 1 FROM event_docs x WHERE x.event_id = v.event_id AND x.doc_id = v.doc_id)
	GROUP BY v.event_id, v.doc_id, d.source, d.id;

CREATE INDEX event_docs_doc ON event_docs(doc_id);
CREATE INDEX event_docs_outlet ON event_docs(event_id, outlet);

-- events told by more than 100 evidence rows keep the 50 earliest (by
-- the document's publication date, then document id and sentence,
-- bytewise) and the 50 most confident of the rest (ties to the earliest),
-- as the store keeps them from now on (store.keep)
DELETE FROM evidence WHERE event_id IN (SELECT event_id FROM evidence GROUP BY event_id HAVING COUNT(*) > 100) AND (event_id, doc_id, sentence_index) IN (
	SELECT event_id, doc_id, sentence_index FROM (
		SELECT event_id, doc_id, sentence_index,
			ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY CASE WHEN er <= 50 THEN er ELSE 51 END, confidence DESC, er) AS kr
		FROM (SELECT v.event_id, v.doc_id, v.sentence_index, v.confidence,
			ROW_NUMBER() OVER (PARTITION BY v.event_id ORDER BY d.published, v.doc_id, v.sentence_index) AS er
			FROM evidence v JOIN documents d ON d.id = v.doc_id
			WHERE v.event_id IN (SELECT event_id FROM evidence GROUP BY event_id HAVING COUNT(*) > 100)) AS r) AS k
	WHERE kr > 100);
