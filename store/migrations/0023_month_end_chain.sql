-- Issue 16's loose ends: the month-end records join the audit chain, and
-- opening balances get their own number series.
--
-- series: the number series an opening balance's invoice was numbered in.
-- 'opening_balance' (OB-2026-0001, its own gapless counter) from this
-- version on, so an opening balance, which no invoice was ever sent for,
-- does not take a number of the invoice series; 'invoice' for the ones
-- written before, which keep the I- numbers they were given (numbers are
-- never changed). check counts each series' numbers apart.
ALTER TABLE opening_balances ADD COLUMN series TEXT NOT NULL DEFAULT 'invoice'
	CHECK (series IN ('invoice', 'opening_balance'));

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
