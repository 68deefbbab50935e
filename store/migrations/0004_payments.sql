-- Payments received, their allocations to invoices (消込), shortfall
-- adjustments and the reminder history. Money records are append-only: a
-- mistake is undone by a reversal record pointing at the record it undoes
-- (negative amount, a reason), never by an UPDATE or a DELETE. Balances and
-- an invoice's status (open, partially paid, paid, overdue) are computed from
-- these rows, never stored.

-- The largest shortfall (a transfer fee the payer deducted) that may be closed
-- as an adjustment, in minor units: ¥1,000 by default.
ALTER TABLE company ADD COLUMN shortfall_tolerance INTEGER NOT NULL DEFAULT 1000 CHECK (shortfall_tolerance >= 0);

CREATE TABLE payments (
	id           INTEGER PRIMARY KEY,
	customer_id  INTEGER NOT NULL REFERENCES customers (id),
	date         TEXT NOT NULL CHECK (date <> ''), -- YYYY-MM-DD, the day the money came
	amount       INTEGER NOT NULL,
	method       TEXT NOT NULL CHECK (method IN ('bank_transfer', 'cash', 'card', 'direct_debit', 'other')),
	payer_name   TEXT NOT NULL DEFAULT '', -- as the bank shows it (ｶ)ﾀﾞｲﾁｮｳ)
	reference    TEXT NOT NULL DEFAULT '',
	memo         TEXT NOT NULL DEFAULT '',
	bank_line_id INTEGER,                  -- the bank statement line it came from (bank_lines, migration 0005); NULL: typed by hand
	reverses_id  INTEGER REFERENCES payments (id), -- a reversal: the payment it cancels
	reason       TEXT NOT NULL DEFAULT '', -- why it was reversed (reversals only)
	actor        TEXT NOT NULL,
	created_at   TEXT NOT NULL,
	CHECK ((reverses_id IS NULL AND amount > 0 AND reason = '')
		OR (reverses_id IS NOT NULL AND amount < 0 AND reason <> ''))
);
CREATE INDEX payments_customer ON payments (customer_id, date);
CREATE INDEX payments_date ON payments (date);
CREATE UNIQUE INDEX payments_reverses ON payments (reverses_id) WHERE reverses_id IS NOT NULL; -- reversed once
CREATE INDEX payments_bank_line ON payments (bank_line_id) WHERE bank_line_id IS NOT NULL;

-- A reversal mirrors the payment it cancels, which is not itself a reversal.
CREATE TRIGGER payments_reversal_mirrors BEFORE INSERT ON payments
WHEN NEW.reverses_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM payments o WHERE o.id = NEW.reverses_id
	AND o.reverses_id IS NULL AND o.amount = -NEW.amount AND o.customer_id = NEW.customer_id)
BEGIN
	SELECT RAISE(ABORT, 'a payment reversal must mirror the payment it reverses');
END;

-- An allocation puts part of a payment on one invoice. Its reversal is a
-- record of its own, with the negative amount: Σ amount over an invoice is
-- what is paid on it, over a payment what is allocated of it.
CREATE TABLE allocations (
	id          INTEGER PRIMARY KEY,
	payment_id  INTEGER NOT NULL REFERENCES payments (id),
	invoice_id  INTEGER NOT NULL REFERENCES documents (id),
	amount      INTEGER NOT NULL,
	reverses_id INTEGER REFERENCES allocations (id),
	reason      TEXT NOT NULL DEFAULT '',
	actor       TEXT NOT NULL,
	created_at  TEXT NOT NULL,
	CHECK ((reverses_id IS NULL AND amount > 0 AND reason = '')
		OR (reverses_id IS NOT NULL AND amount < 0 AND reason <> ''))
);
-- (…, amount): the sums per invoice and per payment read the index alone.
CREATE INDEX allocations_invoice ON allocations (invoice_id, amount);
CREATE INDEX allocations_payment ON allocations (payment_id, amount);
CREATE UNIQUE INDEX allocations_reverses ON allocations (reverses_id) WHERE reverses_id IS NOT NULL;

CREATE TRIGGER allocations_reversal_mirrors BEFORE INSERT ON allocations
WHEN NEW.reverses_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM allocations o WHERE o.id = NEW.reverses_id
	AND o.reverses_id IS NULL AND o.amount = -NEW.amount AND o.payment_id = NEW.payment_id
	AND o.invoice_id = NEW.invoice_id)
BEGIN
	SELECT RAISE(ABORT, 'an allocation reversal must mirror the allocation it reverses');
END;

-- A shortfall within the tolerance closed as a transfer fee or a discount.
CREATE TABLE adjustments (
	id         INTEGER PRIMARY KEY,
	invoice_id INTEGER NOT NULL REFERENCES documents (id),
	kind       TEXT NOT NULL CHECK (kind IN ('transfer_fee', 'discount')),
	amount     INTEGER NOT NULL CHECK (amount > 0),
	date       TEXT NOT NULL CHECK (date <> ''),
	reason     TEXT NOT NULL DEFAULT '',
	actor      TEXT NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX adjustments_invoice ON adjustments (invoice_id, amount);

CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments
BEGIN
	SELECT RAISE(ABORT, 'payments cannot be changed: reverse them');
END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN
	SELECT RAISE(ABORT, 'payments cannot be deleted: reverse them');
END;
CREATE TRIGGER allocations_no_update BEFORE UPDATE ON allocations
BEGIN
	SELECT RAISE(ABORT, 'allocations cannot be changed: reverse them');
END;
CREATE TRIGGER allocations_no_delete BEFORE DELETE ON allocations
BEGIN
	SELECT RAISE(ABORT, 'allocations cannot be deleted: reverse them');
END;
CREATE TRIGGER adjustments_no_update BEFORE UPDATE ON adjustments
BEGIN
	SELECT RAISE(ABORT, 'adjustments cannot be changed');
END;
CREATE TRIGGER adjustments_no_delete BEFORE DELETE ON adjustments
BEGIN
	SELECT RAISE(ABORT, 'adjustments cannot be deleted');
END;

-- Who was reminded of what, when and how: the history the overdue screen shows.
CREATE TABLE reminder_logs (
	id          INTEGER PRIMARY KEY,
	customer_id INTEGER NOT NULL REFERENCES customers (id),
	invoice_id  INTEGER REFERENCES documents (id), -- NULL: about the customer's account as a whole
	date        TEXT NOT NULL CHECK (date <> ''),
	method      TEXT NOT NULL CHECK (method IN ('phone', 'email', 'letter', 'visit', 'other')),
	note        TEXT NOT NULL DEFAULT '',
	actor       TEXT NOT NULL,
	created_at  TEXT NOT NULL
);
CREATE INDEX reminder_logs_customer ON reminder_logs (customer_id, date);

-- The credit notes correcting an invoice.
CREATE INDEX documents_corrects ON documents (corrects_id) WHERE corrects_id IS NOT NULL;

-- What is paid, closed and credited on each issued invoice, kept by the
-- triggers below from the records (allocations, adjustments, issued credit
-- notes): the overdue list of a 100,000-invoice ledger then reads its few
-- thousand open invoices through a partial index instead of summing 100,000
-- invoices' payments on every look. A cache of sums, never edited by the
-- program (CheckInvariants compares it with the records); the row of an
-- invoice goes when the invoice is voided. The CHECK is the last line of
-- defence of "open never below zero".
CREATE TABLE invoice_balances (
	invoice_id  INTEGER PRIMARY KEY REFERENCES documents (id),
	number      TEXT NOT NULL,
	customer_id INTEGER NOT NULL,
	issue_date  TEXT NOT NULL,
	due_date    TEXT NOT NULL,
	total       INTEGER NOT NULL,
	paid        INTEGER NOT NULL DEFAULT 0,
	adjusted    INTEGER NOT NULL DEFAULT 0,
	credited    INTEGER NOT NULL DEFAULT 0,
	open        INTEGER GENERATED ALWAYS AS (total - paid - adjusted - credited) STORED,
	CHECK (paid >= 0 AND total - paid - adjusted - credited >= 0)
);
-- The open invoices, in the lists' order (oldest due first, then by number),
-- holding every column the lists read: the overdue list reads this index alone.
CREATE INDEX invoice_balances_open ON invoice_balances
	(due_date, number, invoice_id, customer_id, issue_date, total, paid, adjusted, credited, open) WHERE open > 0;
CREATE INDEX invoice_balances_customer ON invoice_balances (customer_id, due_date, number);

-- Invoices issued before this migration.
INSERT INTO invoice_balances (invoice_id, number, customer_id, issue_date, due_date, total, credited)
SELECT d.id, d.number, d.customer_id, d.issue_date, d.due_date, d.total,
	(SELECT coalesce(sum(k.total), 0) FROM documents k WHERE k.corrects_id = d.id AND k.kind = 'credit_note' AND k.status = 'issued')
FROM documents d WHERE d.kind = 'invoice' AND d.status = 'issued';

CREATE TRIGGER invoice_balances_issue AFTER UPDATE OF status ON documents
WHEN NEW.kind = 'invoice' AND NEW.status = 'issued' AND OLD.status = 'draft'
BEGIN
	INSERT INTO invoice_balances (invoice_id, number, customer_id, issue_date, due_date, total)
	VALUES (NEW.id, NEW.number, NEW.customer_id, NEW.issue_date, NEW.due_date, NEW.total);
END;
CREATE TRIGGER invoice_balances_insert_issued AFTER INSERT ON documents
WHEN NEW.kind = 'invoice' AND NEW.status = 'issued'
BEGIN
	INSERT INTO invoice_balances (invoice_id, number, customer_id, issue_date, due_date, total)
	VALUES (NEW.id, NEW.number, NEW.customer_id, NEW.issue_date, NEW.due_date, NEW.total);
END;
CREATE TRIGGER invoice_balances_void AFTER UPDATE OF status ON documents
WHEN NEW.kind = 'invoice' AND NEW.status = 'void' AND OLD.status = 'issued'
BEGIN
	DELETE FROM invoice_balances WHERE invoice_id = OLD.id;
END;
CREATE TRIGGER invoice_balances_credit AFTER UPDATE OF status ON documents
WHEN NEW.kind = 'credit_note' AND NEW.corrects_id IS NOT NULL AND (NEW.status = 'issued') <> (OLD.status = 'issued')
BEGIN
	UPDATE invoice_balances SET credited = credited + iif(NEW.status = 'issued', NEW.total, -NEW.total)
	WHERE invoice_id = NEW.corrects_id;
END;
CREATE TRIGGER invoice_balances_credit_insert AFTER INSERT ON documents
WHEN NEW.kind = 'credit_note' AND NEW.corrects_id IS NOT NULL AND NEW.status = 'issued'
BEGIN
	UPDATE invoice_balances SET credited = credited + NEW.total WHERE invoice_id = NEW.corrects_id;
END;
CREATE TRIGGER invoice_balances_allocation AFTER INSERT ON allocations
BEGIN
	UPDATE invoice_balances SET paid = paid + NEW.amount WHERE invoice_id = NEW.invoice_id;
END;
CREATE TRIGGER invoice_balances_adjustment AFTER INSERT ON adjustments
BEGIN
	UPDATE invoice_balances SET adjusted = adjusted + NEW.amount WHERE invoice_id = NEW.invoice_id;
END;

-- The store checks first and says why in words; these keep every other
-- writer to the same rules, with a plain message.
-- A credit note larger than what is open on its invoice:
CREATE TRIGGER credit_note_within_open BEFORE UPDATE OF status ON documents
WHEN NEW.kind = 'credit_note' AND NEW.status = 'issued' AND OLD.status = 'draft' AND NEW.corrects_id IS NOT NULL
	AND NEW.total > (SELECT open FROM invoice_balances WHERE invoice_id = NEW.corrects_id)
BEGIN
	SELECT RAISE(ABORT, 'the credit note is larger than what is open on its invoice');
END;
-- Voiding an invoice that payments are allocated to (reverse them first):
CREATE TRIGGER invoice_void_unpaid BEFORE UPDATE OF status ON documents
WHEN NEW.status = 'void' AND OLD.status = 'issued' AND OLD.kind = 'invoice'
	AND (SELECT paid FROM invoice_balances WHERE invoice_id = OLD.id) <> 0
BEGIN
	SELECT RAISE(ABORT, 'an invoice with payments allocated cannot be voided: reverse the allocations first');
END;
-- Allocating to anything but an issued invoice of the payment's customer, or
-- more than is open on it:
CREATE TRIGGER allocations_to_open_invoice BEFORE INSERT ON allocations
WHEN NEW.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM invoice_balances b JOIN payments p ON p.id = NEW.payment_id
	WHERE b.invoice_id = NEW.invoice_id AND b.customer_id = p.customer_id AND b.open >= NEW.amount)
BEGIN
	SELECT RAISE(ABORT, 'payments are allocated to what is open on issued invoices of their own customer');
END;
-- Allocating more than is left of the payment, or of a reversed payment:
CREATE TRIGGER allocations_within_payment BEFORE INSERT ON allocations
WHEN NEW.reverses_id IS NULL AND (NEW.amount > (SELECT p.amount FROM payments p WHERE p.id = NEW.payment_id)
		- (SELECT coalesce(sum(amount), 0) FROM allocations WHERE payment_id = NEW.payment_id)
	OR EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = NEW.payment_id))
BEGIN
	SELECT RAISE(ABORT, 'an allocation may not exceed what is left of a live payment');
END;
-- Adjustments close no more than is open on an issued invoice.
CREATE TRIGGER adjustments_within_open BEFORE INSERT ON adjustments
WHEN NOT EXISTS (SELECT 1 FROM invoice_balances b WHERE b.invoice_id = NEW.invoice_id AND b.open >= NEW.amount)
BEGIN
	SELECT RAISE(ABORT, 'an adjustment closes no more than is open on an issued invoice');
END;
