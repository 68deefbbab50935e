-- Contracts (契約): recurring billing, price history, billing runs and
-- renewals. A contract is numbered when activated (K-2026-0001, from the
-- counters like documents); the invoices a billing run makes are ordinary
-- documents, and contract_billings records which service period of which
-- contract each one billed, so a period is never billed twice.

-- Billing runs: one invoice per contract (0) or per customer and billing date (1).
ALTER TABLE company ADD COLUMN billing_combine INTEGER NOT NULL DEFAULT 0 CHECK (billing_combine IN (0, 1));

CREATE TABLE contracts (
	id               INTEGER PRIMARY KEY,
	number           TEXT UNIQUE, -- NULL while a draft
	fiscal_year      INTEGER,
	seq              INTEGER,
	customer_id      INTEGER NOT NULL REFERENCES customers (id),
	title            TEXT NOT NULL CHECK (title <> ''),
	start_date       TEXT NOT NULL CHECK (start_date <> ''),
	end_date         TEXT NOT NULL DEFAULT '' CHECK (end_date = '' OR end_date >= start_date), -- '': open-ended
	cycle            TEXT NOT NULL CHECK (cycle IN ('monthly', 'every_n_months', 'yearly', 'one_off')),
	cycle_months     INTEGER NOT NULL CHECK (cycle_months BETWEEN 0 AND 12), -- months per period (0: one-off)
	billing_day      INTEGER NOT NULL CHECK (billing_day BETWEEN 1 AND 28 OR billing_day = 31),
	in_advance       INTEGER NOT NULL CHECK (in_advance IN (0, 1)),
	pro_rate         INTEGER NOT NULL CHECK (pro_rate IN (0, 1)),
	payment_method   TEXT NOT NULL CHECK (payment_method IN ('bank_transfer', 'direct_debit', 'card', 'cash')),
	auto_renew       INTEGER NOT NULL CHECK (auto_renew IN (0, 1)),
	renewal_months   INTEGER NOT NULL DEFAULT 0 CHECK (renewal_months BETWEEN 0 AND 120),
	notice_days      INTEGER NOT NULL DEFAULT 0 CHECK (notice_days BETWEEN 0 AND 365),
	status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'ended', 'cancelled')),
	cancel_reason    TEXT NOT NULL DEFAULT '', -- why it was ended or cancelled
	notes            TEXT NOT NULL DEFAULT '',
	person_in_charge TEXT NOT NULL DEFAULT '',
	version          INTEGER NOT NULL DEFAULT 1,
	created_at       TEXT NOT NULL,
	updated_at       TEXT NOT NULL,
	UNIQUE (fiscal_year, seq),
	CHECK (status <> 'draft' OR number IS NULL),
	CHECK (status NOT IN ('active', 'ended') OR number IS NOT NULL)
);
CREATE INDEX contracts_status ON contracts (status, customer_id);
CREATE INDEX contracts_customer ON contracts (customer_id);

-- A contract that was ever in force stays on record.
CREATE TRIGGER contracts_no_delete BEFORE DELETE ON contracts
WHEN OLD.status <> 'draft'
BEGIN
	SELECT RAISE(ABORT, 'contracts are ended or cancelled, not deleted');
END;

CREATE TABLE contract_lines (
	id           INTEGER PRIMARY KEY,
	contract_id  INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
	position     INTEGER NOT NULL,
	product_id   INTEGER REFERENCES products (id),
	description  TEXT NOT NULL CHECK (description <> ''),
	quantity     INTEGER NOT NULL CHECK (quantity > 0), -- thousandths
	unit         TEXT NOT NULL DEFAULT '',
	tax_category TEXT REFERENCES tax_categories (code) -- NULL: not chosen yet (a draft; activating refuses it)
);
CREATE INDEX contract_lines_contract ON contract_lines (contract_id, position);

-- Each line's unit price over time: the price in force on a date is the row
-- with the latest effective_from on or before it. The first row of a line
-- starts on the contract's start date (or the day a line was added to an
-- active contract).
CREATE TABLE contract_prices (
	line_id        INTEGER NOT NULL REFERENCES contract_lines (id) ON DELETE CASCADE,
	effective_from TEXT NOT NULL CHECK (effective_from <> ''), -- YYYY-MM-DD
	unit_price     INTEGER NOT NULL,
	PRIMARY KEY (line_id, effective_from)
);

-- The service periods billed: one row per contract period, with the invoice
-- that billed it. (contract_id, period_start) is unique, and the run also
-- skips any period overlapping one billed before, so neither running a month
-- again nor editing a contract after its run bills anything twice. Deleting
-- a draft invoice of a run frees its periods for the next run (the rows go
-- with it); a voided invoice keeps them billed (correct it by revising it).
CREATE TABLE contract_billings (
	id           INTEGER PRIMARY KEY,
	contract_id  INTEGER NOT NULL REFERENCES contracts (id),
	period_start TEXT NOT NULL CHECK (period_start <> ''), -- the days billed: the cycle's period within the contract's term
	period_end   TEXT NOT NULL CHECK (period_end >= period_start),
	billing_date TEXT NOT NULL CHECK (billing_date <> ''), -- the invoice's issue date
	document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	created_at   TEXT NOT NULL,
	UNIQUE (contract_id, period_start)
);
CREATE INDEX contract_billings_document ON contract_billings (document_id);
CREATE INDEX contract_billings_end ON contract_billings (period_end);

CREATE TRIGGER contract_billings_no_update BEFORE UPDATE ON contract_billings
BEGIN
	SELECT RAISE(ABORT, 'contract billings cannot be changed');
END;
CREATE TRIGGER contract_billings_no_delete BEFORE DELETE ON contract_billings
WHEN (SELECT status FROM documents WHERE id = OLD.document_id) <> 'draft'
BEGIN
	SELECT RAISE(ABORT, 'the billing of an issued invoice cannot be deleted');
END;

-- Renewals: each extension of a contract's end date, by hand or by a
-- billing run (auto = 1). Append-only.
CREATE TABLE contract_renewals (
	id          INTEGER PRIMARY KEY,
	contract_id INTEGER NOT NULL REFERENCES contracts (id),
	old_end     TEXT NOT NULL CHECK (old_end <> ''),
	new_end     TEXT NOT NULL CHECK (new_end > old_end),
	auto        INTEGER NOT NULL CHECK (auto IN (0, 1)),
	actor       TEXT NOT NULL,
	created_at  TEXT NOT NULL
);
CREATE INDEX contract_renewals_contract ON contract_renewals (contract_id);
CREATE TRIGGER contract_renewals_no_update BEFORE UPDATE ON contract_renewals
BEGIN
	SELECT RAISE(ABORT, 'contract renewals cannot be changed');
END;
CREATE TRIGGER contract_renewals_no_delete BEFORE DELETE ON contract_renewals
BEGIN
	SELECT RAISE(ABORT, 'contract renewals cannot be deleted');
END;
