-- The kept archive (電子帳簿保存法): every PDF that went out to a customer —
-- mailed, printed or exported — is kept, byte for byte, with what the law's
-- search asks for (date, counterparty, amount) and how it went out.
--
-- The bytes live in this database, not in a folder beside it: one file to
-- back up (VACUUM INTO carries them), written in the same transaction as the
-- archive row and its audit row, so a row never names a file that is not
-- there, and nobody "tidies up" an archive folder. The same document always
-- renders to the same bytes, so the bytes are kept once per SHA-256
-- (archive_files) however often the document is sent; each sending is its
-- own row (archive). Neither table is ever updated or deleted from.

CREATE TABLE archive_files (
	sha256  TEXT PRIMARY KEY CHECK (length(sha256) = 64), -- hex, of content
	size    INTEGER NOT NULL CHECK (size > 0),
	content BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE archive (
	id          INTEGER PRIMARY KEY,
	sha256      TEXT NOT NULL REFERENCES archive_files (sha256),
	document_id INTEGER REFERENCES documents (id), -- NULL: not a document (a contract summary, a statement, a reminder)
	contract_id INTEGER REFERENCES contracts (id),
	customer_id INTEGER NOT NULL REFERENCES customers (id), -- the counterparty
	counterparty TEXT NOT NULL DEFAULT '',         -- its name as printed (a document's snapshot), for the search and file names
	kind        TEXT NOT NULL CHECK (kind <> ''),  -- a document kind, or contract, statement, reminder
	number      TEXT NOT NULL DEFAULT '',          -- the document's (or contract's) number
	date        TEXT NOT NULL CHECK (date <> ''),  -- the transaction date: the document's issue date
	amount      INTEGER NOT NULL,                  -- the total it shows
	channel     TEXT NOT NULL CHECK (channel IN ('mail', 'print', 'export')),
	file_name   TEXT NOT NULL CHECK (file_name <> ''),
	actor       TEXT NOT NULL,
	sent_at     TEXT NOT NULL
);
-- The law's search: a date range, with amount and counterparty.
CREATE INDEX archive_date ON archive (date, customer_id, amount);
CREATE INDEX archive_customer ON archive (customer_id, date);
CREATE INDEX archive_document ON archive (document_id) WHERE document_id IS NOT NULL;

CREATE TRIGGER archive_no_update BEFORE UPDATE ON archive
BEGIN
	SELECT RAISE(ABORT, 'the archive is append-only');
END;
CREATE TRIGGER archive_no_delete BEFORE DELETE ON archive
BEGIN
	SELECT RAISE(ABORT, 'the archive is append-only');
END;
CREATE TRIGGER archive_files_no_update BEFORE UPDATE ON archive_files
BEGIN
	SELECT RAISE(ABORT, 'the archive is append-only');
END;
CREATE TRIGGER archive_files_no_delete BEFORE DELETE ON archive_files
BEGIN
	SELECT RAISE(ABORT, 'the archive is append-only');
END;

