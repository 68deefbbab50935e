-- Nothing drops out of view (issue 14): every yen of a bank file ends on an
-- invoice, on a customer's credit, held, or marked not a customer payment.
--
-- bank_lines gets a fourth state, 'held' (保留: set aside to be matched
-- later, with the day and the person who held it): until now the TUI's s
-- key marked a deposit 'skipped' for good, and it was listed nowhere again.
-- 'skipped' now means only "not a customer's payment" (a refund, interest),
-- with its reason, and can be undone. SQLite cannot change a CHECK, so the
-- table is rebuilt with the same columns, indexes and triggers.
CREATE TABLE bank_lines_new (
	id          INTEGER PRIMARY KEY,
	identity    TEXT NOT NULL UNIQUE CHECK (identity <> ''),
	date        TEXT NOT NULL CHECK (date <> ''), -- YYYY-MM-DD, the day the money came
	amount      INTEGER NOT NULL CHECK (amount > 0),
	payer_name  TEXT NOT NULL DEFAULT '', -- as the bank shows it (ｶ)ｻｸﾗｺｳｷﾞﾖｳ)
	reference   TEXT NOT NULL DEFAULT '',
	memo        TEXT NOT NULL DEFAULT '', -- EDI information, the CSV's memo column
	source      TEXT NOT NULL DEFAULT '', -- the file it came from
	state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'matched', 'held', 'skipped')),
	payment_id  INTEGER REFERENCES payments (id), -- set when matched
	skip_reason TEXT NOT NULL DEFAULT '', -- why it is not a customer's payment (state skipped)
	imported_at TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	account     TEXT NOT NULL DEFAULT '',
	deposit_key TEXT NOT NULL DEFAULT '',
	held_at     TEXT NOT NULL DEFAULT '', -- when it was held (state held)
	held_by     TEXT NOT NULL DEFAULT '', -- who held it
	CHECK ((state = 'matched') = (payment_id IS NOT NULL)),
	CHECK ((state = 'held') = (held_at <> ''))
);

-- A line the TUI's s set aside ("skipped" was the reason it wrote) was a
-- hold all along: it comes back as held, by whoever skipped it.
INSERT INTO bank_lines_new (id, identity, date, amount, payer_name, reference, memo, source, state, payment_id,
	skip_reason, imported_at, updated_at, account, deposit_key, held_at, held_by)
SELECT id, identity, date, amount, payer_name, reference, memo, source,
	iif(state = 'skipped' AND skip_reason = 'skipped', 'held', state), payment_id,
	iif(state = 'skipped' AND skip_reason = 'skipped', '', skip_reason), imported_at, updated_at, account, deposit_key,
	iif(state = 'skipped' AND skip_reason = 'skipped', updated_at, ''),
	iif(state = 'skipped' AND skip_reason = 'skipped', coalesce((SELECT a.actor FROM audit_log a
		WHERE a.entity = 'bank_line' AND a.entity_id = CAST(bank_lines.id AS TEXT) AND a.action = 'skip'
		ORDER BY a.id DESC LIMIT 1), ''), '')
FROM bank_lines;

DROP TABLE bank_lines;
ALTER TABLE bank_lines_new RENAME TO bank_lines;
CREATE INDEX bank_lines_state ON bank_lines (state, date);
CREATE INDEX bank_lines_deposit ON bank_lines (deposit_key, account);

CREATE TRIGGER bank_lines_no_delete BEFORE DELETE ON bank_lines
BEGIN
	SELECT RAISE(ABORT, 'bank lines are kept: hold them or mark them not a payment instead');
END;
CREATE TRIGGER bank_lines_keyed BEFORE INSERT ON bank_lines
WHEN NEW.account = '' OR NEW.deposit_key = ''
BEGIN
	SELECT RAISE(ABORT, 'a bank line needs its account and deposit key');
END;
-- As in 0011.
CREATE TRIGGER bank_lines_frozen BEFORE UPDATE ON bank_lines
WHEN NEW.identity IS NOT OLD.identity OR NEW.date IS NOT OLD.date OR NEW.amount IS NOT OLD.amount
	OR NEW.payer_name IS NOT OLD.payer_name OR NEW.reference IS NOT OLD.reference OR NEW.memo IS NOT OLD.memo
	OR NEW.source IS NOT OLD.source OR NEW.imported_at IS NOT OLD.imported_at
	OR (NEW.account IS NOT OLD.account AND OLD.account <> '')
	OR (NEW.deposit_key IS NOT OLD.deposit_key AND OLD.deposit_key <> '')
	OR (OLD.state = 'matched' AND (NEW.state IS NOT OLD.state OR NEW.payment_id IS NOT OLD.payment_id)
		AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = OLD.payment_id))
BEGIN
	SELECT RAISE(ABORT, 'a bank line''s content cannot be changed');
END;

-- A reversed payment used to leave its bank line matched, the money
-- nowhere; a reversal now returns the line to the list (store.reversePayment),
-- and the lines of payments reversed before come back here.
UPDATE bank_lines SET state = 'open', payment_id = NULL
WHERE state = 'matched' AND EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = bank_lines.payment_id);

-- The customer's transfer-fee policy (振込手数料): 'ours' (当方負担: a
-- shortfall within the tolerance is closed as a transfer fee when the deposit
-- is accepted), 'theirs' (先方負担: it stays open, asked for), 'ask' (the
-- reconciliation screen asks each time).
ALTER TABLE customers ADD COLUMN fee_policy TEXT NOT NULL DEFAULT 'ask' CHECK (fee_policy IN ('ours', 'theirs', 'ask'));

-- Which policy closed a shortfall: 'ours' (the customer's policy, on
-- accepting the deposit), 'asked' (the bookkeeper chose when asked), 'by_hand'
-- (f, or closing it on the invoice); '' for adjustments of before.
ALTER TABLE adjustments ADD COLUMN policy TEXT NOT NULL DEFAULT '' CHECK (policy IN ('', 'ours', 'asked', 'by_hand'));
