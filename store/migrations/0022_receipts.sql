-- 領収書 (receipts): a receipt is a document of kind 'receipt' (its kind is
-- let into documents' CHECK by the Go step receiptKindStep, since SQLite
-- cannot ALTER a CHECK constraint), made from one payment. This table keeps
-- which payment it acknowledges: one receipt per payment, never changed.
CREATE TABLE receipt_payments (
	receipt_id INTEGER PRIMARY KEY REFERENCES documents (id),
	payment_id INTEGER NOT NULL UNIQUE REFERENCES payments (id)
);
CREATE TRIGGER receipt_payments_no_update BEFORE UPDATE ON receipt_payments
BEGIN
	SELECT RAISE(ABORT, 'receipt links cannot be changed');
END;
CREATE TRIGGER receipt_payments_no_delete BEFORE DELETE ON receipt_payments
BEGIN
	SELECT RAISE(ABORT, 'receipt links cannot be deleted');
END;
