-- Issue 14, write-offs and staged reminders.
--
-- 1. A write-off of what is left on an invoice may also be a bad debt
--    (貸倒れ), besides a transfer fee or a discount. SQLite cannot change a
--    CHECK, so the append-only adjustments table is rebuilt with its rows,
--    indexes and triggers as before (ids kept: the audit chain hashes them).
CREATE TABLE adjustments_new (
	id         INTEGER PRIMARY KEY,
	invoice_id INTEGER NOT NULL REFERENCES documents (id),
	kind       TEXT NOT NULL CHECK (kind IN ('transfer_fee', 'discount', 'bad_debt')),
	amount     INTEGER NOT NULL CHECK (amount > 0),
	date       TEXT NOT NULL CHECK (date <> ''),
	reason     TEXT NOT NULL DEFAULT '',
	actor      TEXT NOT NULL,
	created_at TEXT NOT NULL
);
INSERT INTO adjustments_new (id, invoice_id, kind, amount, date, reason, actor, created_at)
SELECT id, invoice_id, kind, amount, date, reason, actor, created_at FROM adjustments;
DROP TABLE adjustments;
ALTER TABLE adjustments_new RENAME TO adjustments;
CREATE INDEX adjustments_invoice ON adjustments (invoice_id, amount);
CREATE INDEX adjustments_date ON adjustments (date, invoice_id, amount);
CREATE TRIGGER adjustments_no_update BEFORE UPDATE ON adjustments
BEGIN
	SELECT RAISE(ABORT, 'adjustments cannot be changed');
END;
CREATE TRIGGER adjustments_no_delete BEFORE DELETE ON adjustments
BEGIN
	SELECT RAISE(ABORT, 'adjustments cannot be deleted');
END;
CREATE TRIGGER invoice_balances_adjustment AFTER INSERT ON adjustments
BEGIN
	UPDATE invoice_balances SET adjusted = adjusted + NEW.amount WHERE invoice_id = NEW.invoice_id;
END;
CREATE TRIGGER adjustments_within_open BEFORE INSERT ON adjustments
WHEN NOT EXISTS (SELECT 1 FROM invoice_balances b WHERE b.invoice_id = NEW.invoice_id AND b.open >= NEW.amount)
BEGIN
	SELECT RAISE(ABORT, 'an adjustment closes no more than is open on an issued invoice');
END;

-- 2. Staged reminders: a notice before the due date, a friendly reminder
--    after it, a firm 督促 and a final notice, each on its day relative to
--    the due date and with its own words in both languages.
CREATE TABLE reminder_stages (
	stage      TEXT PRIMARY KEY CHECK (stage IN ('pre_due', 'friendly', 'firm', 'final')),
	position   INTEGER NOT NULL UNIQUE,
	days       INTEGER NOT NULL CHECK (days BETWEEN -60 AND 365), -- from the due date (negative: before it)
	enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
	subject_ja TEXT NOT NULL DEFAULT '',
	body_ja    TEXT NOT NULL DEFAULT '',
	subject_en TEXT NOT NULL DEFAULT '',
	body_en    TEXT NOT NULL DEFAULT '',
	version    INTEGER NOT NULL DEFAULT 1
);
-- An empty subject or body means the built-in words of the stage
-- (store/reminder_stage_text.go), so a default improved later reaches every
-- ledger that never changed it.
INSERT INTO reminder_stages (stage, position, days) VALUES
	('pre_due', 1, -3), ('friendly', 2, 1), ('firm', 3, 15), ('final', 4, 30);

-- Which stage a logged reminder was ('': one logged by hand, no stage).
ALTER TABLE reminder_logs ADD COLUMN stage TEXT NOT NULL DEFAULT ''
	CHECK (stage IN ('', 'pre_due', 'friendly', 'firm', 'final'));
CREATE INDEX reminder_logs_invoice_stage ON reminder_logs (invoice_id, stage) WHERE invoice_id IS NOT NULL;

-- Per customer (issue 14, reminders): a notice before the due date, and a
-- hold (no reminders, with the reason; '' = not held).
ALTER TABLE customers ADD COLUMN pre_due_notice INTEGER NOT NULL DEFAULT 0 CHECK (pre_due_notice IN (0, 1));
ALTER TABLE customers ADD COLUMN reminder_hold TEXT NOT NULL DEFAULT '';
