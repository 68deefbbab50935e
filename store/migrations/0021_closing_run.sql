-- The closing run (issue 16): how each customer is billed and sent to.
-- invoice_style: 'simple' (this cycle's sales only) or 'carry_forward'
-- (繰越請求書: previous billed, received, adjusted, carried, this cycle).
-- delivery: how the run sends the customer's documents: 'email', 'post' or
-- 'both'. Existing customers with an email address get 'email', the rest
-- 'post', so a run never tries to mail someone without an address.
-- send_to_*: an optional separate recipient (head office pays for a branch,
-- an agent receives the documents); empty send_to_name means the customer.
ALTER TABLE customers ADD COLUMN invoice_style TEXT NOT NULL DEFAULT 'simple'
	CHECK (invoice_style IN ('simple', 'carry_forward'));
ALTER TABLE customers ADD COLUMN delivery TEXT NOT NULL DEFAULT 'post'
	CHECK (delivery IN ('email', 'post', 'both'));
ALTER TABLE customers ADD COLUMN send_to_name TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN send_to_postal_code TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN send_to_address1 TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN send_to_address2 TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN send_to_department TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN send_to_contact TEXT NOT NULL DEFAULT '';
UPDATE customers SET delivery = 'email' WHERE email <> '';

-- A closing invoice made by the closing run: one per customer and cycle
-- while its invoice is live (the run checks; a voided one may be made
-- again). For carry-forward customers it keeps the account's movement as
-- of the closing date, computed once from the ledger when the run made the
-- invoice (store/carry_forward.go) and never changed: what the customer was
-- sent. The invoice's own total is this cycle's sales (今回お買上額).
CREATE TABLE closing_invoices (
	document_id     INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
	customer_id     INTEGER NOT NULL REFERENCES customers (id),
	closing_date    TEXT NOT NULL,
	style           TEXT NOT NULL CHECK (style IN ('simple', 'carry_forward')),
	previous_date   TEXT NOT NULL DEFAULT '',  -- the previous cycle's closing date
	previous_billed INTEGER NOT NULL DEFAULT 0, -- 前回請求額: open as of previous_date
	received        INTEGER NOT NULL DEFAULT 0, -- 今回入金額: paid on it in the cycle
	adjusted        INTEGER NOT NULL DEFAULT 0, -- 調整額: fees, discounts, credit notes in the cycle
	carried         INTEGER NOT NULL DEFAULT 0, -- 繰越金額: still open on the closing date
	created_at      TEXT NOT NULL,
	CHECK (previous_billed - received - adjusted = carried)
);
CREATE INDEX closing_invoices_customer ON closing_invoices (customer_id, closing_date);

CREATE TRIGGER closing_invoices_no_update BEFORE UPDATE ON closing_invoices
BEGIN
	SELECT RAISE(ABORT, 'a closing invoice''s carry-forward figures are what was sent: they never change');
END;

-- Opening balances (開始残高): what a customer owed when the office started
-- using daicho, each an issued invoice of one non-taxable line dated on the
-- as-of date, so payments settle it by allocation and the overdue list,
-- the aging and the carry-forward count it like any invoice. This table
-- says which invoices are opening balances and keeps the reference the
-- office gave (the old system's invoice number).
CREATE TABLE opening_balances (
	document_id INTEGER PRIMARY KEY REFERENCES documents (id),
	reference   TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL
);
