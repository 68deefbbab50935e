-- Issue 16's loose ends: the month-end records join the audit chain, and
-- opening balances get their own number series.
--
-- seq: the opening balance's number in the opening balances' own series
-- (OB-2026-0001: counters kind 'opening_balance', gapless per fiscal year),
-- so an opening balance, which no invoice was ever sent for, does not take a
-- number of the invoice series. Its invoice's documents.seq stays NULL (it
-- is not in the invoices' series, whose UNIQUE (kind, fiscal_year, seq) it
-- would collide with); check counts each series' numbers apart. NULL for
-- the opening balances written before this version, which keep the I-
-- numbers they were given (documents.seq has their place in that series).
ALTER TABLE opening_balances ADD COLUMN seq INTEGER CHECK (seq > 0);

-- An opening balance's row is part of the ledger's record, like the invoice
-- it marks: never changed, never deleted (its invoice is not either).
CREATE TRIGGER opening_balances_no_update BEFORE UPDATE ON opening_balances
BEGIN
	SELECT RAISE(ABORT, 'opening balances cannot be changed');
END;
CREATE TRIGGER opening_balances_no_delete BEFORE DELETE ON opening_balances
BEGIN
	SELECT RAISE(ABORT, 'opening balances cannot be deleted');
END;

-- The closing invoices' rows (of issued invoices) and the opening balances
-- written before this version are sealed into the audit chain by the Go
-- step of this migration (store/month_end_chain.go, sealMonthEndRecords).
