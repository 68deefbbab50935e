-- Email: the SMTP settings (one row) and the log of every mail sent.
--
-- The password is never stored here: the settings name where it comes from,
-- an environment variable or a file readable only by its owner (0600), and
-- the sender reads it when it sends. A mail log row is written only after the
-- server accepted the message (or the .eml file was written), and is never
-- changed or deleted: it is the answer to "did we send it, and to whom?".

CREATE TABLE mail_settings (
	id            INTEGER PRIMARY KEY CHECK (id = 1), -- one row
	host          TEXT NOT NULL DEFAULT '', -- '': no SMTP, mails are written as .eml files into the exports folder
	port          INTEGER NOT NULL DEFAULT 587 CHECK (port BETWEEN 1 AND 65535),
	security      TEXT NOT NULL DEFAULT 'starttls' CHECK (security IN ('starttls', 'tls', 'none')),
	username      TEXT NOT NULL DEFAULT '',
	password_env  TEXT NOT NULL DEFAULT '', -- the NAME of an environment variable holding the password
	password_file TEXT NOT NULL DEFAULT '', -- the PATH of a 0600 file holding the password
	from_address  TEXT NOT NULL DEFAULT '',
	from_name     TEXT NOT NULL DEFAULT '',
	-- Templates with {number}, {customer}, … per document language: a
	-- document's mail, and the payment reminder's.
	subject_ja          TEXT NOT NULL DEFAULT '',
	body_ja             TEXT NOT NULL DEFAULT '',
	reminder_subject_ja TEXT NOT NULL DEFAULT '',
	reminder_body_ja    TEXT NOT NULL DEFAULT '',
	subject_en          TEXT NOT NULL DEFAULT '',
	body_en             TEXT NOT NULL DEFAULT '',
	reminder_subject_en TEXT NOT NULL DEFAULT '',
	reminder_body_en    TEXT NOT NULL DEFAULT '',
	version       INTEGER NOT NULL DEFAULT 1,
	updated_at    TEXT NOT NULL,
	CHECK (password_env = '' OR password_file = '')
);

CREATE TABLE mail_log (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER REFERENCES documents (id), -- NULL: a reminder about the customer's account
	customer_id INTEGER NOT NULL REFERENCES customers (id),
	kind        TEXT NOT NULL CHECK (kind IN ('document', 'reminder')),
	to_address  TEXT NOT NULL CHECK (to_address <> ''),
	subject     TEXT NOT NULL DEFAULT '',
	method      TEXT NOT NULL CHECK (method IN ('smtp', 'eml')),
	file        TEXT NOT NULL DEFAULT '', -- the .eml file written (method eml)
	message_id  TEXT NOT NULL DEFAULT '',
	actor       TEXT NOT NULL,
	sent_at     TEXT NOT NULL,
	CHECK (kind = 'reminder' OR document_id IS NOT NULL),
	CHECK (method = 'smtp' OR file <> '')
);
CREATE INDEX mail_log_document ON mail_log (document_id, sent_at) WHERE document_id IS NOT NULL;
CREATE INDEX mail_log_customer ON mail_log (customer_id, sent_at);

CREATE TRIGGER mail_log_no_update BEFORE UPDATE ON mail_log
BEGIN
	SELECT RAISE(ABORT, 'the mail log is append-only');
END;
CREATE TRIGGER mail_log_no_delete BEFORE DELETE ON mail_log
BEGIN
	SELECT RAISE(ABORT, 'the mail log is append-only');
END;
