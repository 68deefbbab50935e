-- A deposit's identity is what the bank says about it, not where it stands
-- in a statement: its account, value date, amount, payer (normalised) and
-- memo (the EDI information included). Banks number records per statement,
-- so the old identity (a hash of the whole record, sequence number
-- included) made a deposit in two overlapping statements two deposits.
--
-- account      the account the file is for, as the parser names it
--              ('zengin:0009-101-1-1234567', 'csv'); '' for a line imported
--              before daicho kept it: such a line is recognised for any
--              account, and takes the account of the first file that
--              recognises it.
-- deposit_key  the hash of the rest (store.depositKey); the Go step of this
--              migration fills it for the lines already imported.
--
-- An import counts, per account and key, how many deposits the file brings
-- and how many the ledger holds, and adds the difference: two equal
-- deposits on one day stay two.
ALTER TABLE bank_lines ADD COLUMN account TEXT NOT NULL DEFAULT '';
ALTER TABLE bank_lines ADD COLUMN deposit_key TEXT NOT NULL DEFAULT '';
CREATE INDEX bank_lines_deposit ON bank_lines (deposit_key, account);

CREATE TRIGGER bank_lines_keyed BEFORE INSERT ON bank_lines
WHEN NEW.account = '' OR NEW.deposit_key = ''
BEGIN
	SELECT RAISE(ABORT, 'a bank line needs its account and deposit key');
END;

-- As in 0005, and the account and key are set once: from '' (a line of
-- before this migration) to their value, never changed after.
DROP TRIGGER bank_lines_frozen;
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
