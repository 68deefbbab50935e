-- Bank reconciliation (入金消込): the deposits of imported bank files, the
-- payer names learned from confirmed matches, and saved CSV column profiles.

-- One deposit of an imported bank file. identity is what the parser derives
-- from the line itself (account, date, amount, payer, sequence), so a file
-- imported twice adds nothing. A line is never deleted: it stays open until
-- matched to a payment or skipped, and its fate is on record.
CREATE TABLE bank_lines (
	id          INTEGER PRIMARY KEY,
	identity    TEXT NOT NULL UNIQUE CHECK (identity <> ''),
	date        TEXT NOT NULL CHECK (date <> ''), -- YYYY-MM-DD, the day the money came
	amount      INTEGER NOT NULL CHECK (amount > 0),
	payer_name  TEXT NOT NULL DEFAULT '', -- as the bank shows it (ｶ)ｻｸﾗｺｳｷﾞﾖｳ)
	reference   TEXT NOT NULL DEFAULT '',
	memo        TEXT NOT NULL DEFAULT '', -- EDI information, the CSV's memo column
	source      TEXT NOT NULL DEFAULT '', -- the file it came from
	state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'matched', 'skipped')),
	payment_id  INTEGER REFERENCES payments (id), -- set when matched
	skip_reason TEXT NOT NULL DEFAULT '',
	imported_at TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	CHECK ((state = 'matched') = (payment_id IS NOT NULL))
);
CREATE INDEX bank_lines_state ON bank_lines (state, date);

CREATE TRIGGER bank_lines_no_delete BEFORE DELETE ON bank_lines
BEGIN
	SELECT RAISE(ABORT, 'bank lines are kept: skip them instead');
END;
-- What the bank said never changes; only the line's fate does, and a
-- matched line stays matched unless its payment has been reversed.
CREATE TRIGGER bank_lines_frozen BEFORE UPDATE ON bank_lines
WHEN NEW.identity IS NOT OLD.identity OR NEW.date IS NOT OLD.date OR NEW.amount IS NOT OLD.amount
	OR NEW.payer_name IS NOT OLD.payer_name OR NEW.reference IS NOT OLD.reference OR NEW.memo IS NOT OLD.memo
	OR NEW.source IS NOT OLD.source OR NEW.imported_at IS NOT OLD.imported_at
	OR (OLD.state = 'matched' AND (NEW.state IS NOT OLD.state OR NEW.payment_id IS NOT OLD.payment_id)
		AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = OLD.payment_id))
BEGIN
	SELECT RAISE(ABORT, 'a bank line''s content cannot be changed');
END;

-- Payer names (normalised: store.NormalizePayer) learned from confirmed
-- matches: the next deposit from the same payer finds its customer.
-- confirmed counts the matches that taught it.
CREATE TABLE payer_aliases (
	alias       TEXT NOT NULL CHECK (alias <> ''),
	customer_id INTEGER NOT NULL REFERENCES customers (id),
	confirmed   INTEGER NOT NULL DEFAULT 1 CHECK (confirmed > 0),
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	PRIMARY KEY (alias, customer_id)
);

-- The user's bank CSV column profiles (bank.CSVProfile as JSON), by name.
CREATE TABLE bank_profiles (
	name       TEXT PRIMARY KEY CHECK (name <> ''),
	profile    TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
