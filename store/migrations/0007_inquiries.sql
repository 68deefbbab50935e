-- The customer inquiry log (サポート履歴): what each customer asked, how, who
-- looks after it and where it stands. Inquiries are not financial, so they
-- are edited (the status moves on, the body grows), but they are never
-- deleted: a closed inquiry is the answer to the next customer's question.
-- Every change is in the audit log.

CREATE TABLE inquiries (
	id          INTEGER PRIMARY KEY,
	customer_id INTEGER NOT NULL REFERENCES customers (id),
	date        TEXT NOT NULL CHECK (date <> ''), -- YYYY-MM-DD: the day the customer asked
	channel     TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'visit', 'other')),
	subject     TEXT NOT NULL CHECK (subject <> ''),
	body        TEXT NOT NULL DEFAULT '',
	status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'waiting', 'closed')),
	person      TEXT NOT NULL DEFAULT '', -- who looks after it (担当者)
	document_id INTEGER REFERENCES documents (id), -- NULL: about no document
	follow_up   TEXT NOT NULL DEFAULT '' CHECK (follow_up = '' OR follow_up >= date), -- '': none
	version     INTEGER NOT NULL DEFAULT 1, -- bumped on every save: a stale form cannot overwrite a newer record
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);

-- The list order: open, then waiting, then closed; within a status the
-- soonest follow-up first (none last), then the newest. The expressions are
-- the ones Inquiries orders by (store/inquiry.go), so the list is read in
-- index order without a sort, for everyone and per customer.
CREATE INDEX inquiries_list ON inquiries (
	(CASE status WHEN 'open' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END), (follow_up = ''), follow_up, date DESC, id DESC);
CREATE INDEX inquiries_customer ON inquiries (customer_id,
	(CASE status WHEN 'open' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END), (follow_up = ''), follow_up, date DESC, id DESC);
CREATE INDEX inquiries_document ON inquiries (document_id) WHERE document_id IS NOT NULL;

CREATE TRIGGER inquiries_no_delete BEFORE DELETE ON inquiries
BEGIN
	SELECT RAISE(ABORT, 'inquiries are closed, not deleted');
END;

-- A linked document is one of the inquiry's customer's, whatever program
-- writes (the store refuses it first, with a sentence).
CREATE TRIGGER inquiries_document_insert BEFORE INSERT ON inquiries
WHEN NEW.document_id IS NOT NULL
	AND (SELECT customer_id FROM documents WHERE id = NEW.document_id) IS NOT NEW.customer_id
BEGIN
	SELECT RAISE(ABORT, 'an inquiry can link only a document of its own customer');
END;
CREATE TRIGGER inquiries_document_update BEFORE UPDATE OF customer_id, document_id ON inquiries
WHEN NEW.document_id IS NOT NULL
	AND (SELECT customer_id FROM documents WHERE id = NEW.document_id) IS NOT NEW.customer_id
BEGIN
	SELECT RAISE(ABORT, 'an inquiry can link only a document of its own customer');
END;
