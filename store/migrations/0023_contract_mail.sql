-- Contracts that mail themselves (issue 16): the mail log learns two kinds
-- about a contract, 'contract' (its 契約内容確認書 mailed, e.g. on
-- activation) and 'renewal' (the customer told that its notice period has
-- begun), which point at the contract instead of a document. The kinds are
-- let into mail_log's CHECKs by the Go step allowContractMailKinds (SQLite
-- cannot ALTER a CHECK constraint); the columns and the rules that only add
-- to what exists are plain SQL.
ALTER TABLE mail_log ADD COLUMN contract_id INTEGER REFERENCES contracts (id);
-- The end date a renewal notice was about: one per contract and end date
-- (a renewed contract, with a new end date, is told again).
ALTER TABLE mail_log ADD COLUMN contract_end TEXT NOT NULL DEFAULT '';
CREATE INDEX mail_log_contract ON mail_log (contract_id, sent_at) WHERE contract_id IS NOT NULL;
CREATE UNIQUE INDEX mail_log_renewal_once ON mail_log (contract_id, contract_end) WHERE kind = 'renewal';

CREATE TRIGGER mail_log_contract_kinds BEFORE INSERT ON mail_log
WHEN (NEW.kind IN ('contract', 'renewal')) <> (NEW.contract_id IS NOT NULL)
	OR (NEW.kind = 'renewal' AND NEW.contract_end = '')
BEGIN
	SELECT RAISE(ABORT, 'a contract mail names its contract (and a renewal notice the end date), and only it');
END;

-- Whether the customer is mailed a renewal notice when the contract enters
-- its notice period (the person in charge is told in any case).
ALTER TABLE contracts ADD COLUMN notify_customer INTEGER NOT NULL DEFAULT 0 CHECK (notify_customer IN (0, 1));
