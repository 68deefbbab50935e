-- Positions as of a day (overdue, aging, reminders as of D) count only what
-- is dated on or before D. Payments, adjustments and credit notes carry their
-- dates; an allocation now carries the day it counts from:
--   · an allocation: its payment's date (the money paid the invoice the day
--     it came, however late the bookkeeper put it on the invoice);
--   · the reversal of an allocation on its own: the same day as the
--     allocation it undoes (it corrects which invoice the money paid: the
--     allocation never counted, so a payment is never counted twice);
--   · the reversals a payment's reversal writes: that reversal's date (the
--     money went back then; until then it had paid the invoice).
-- The store writes the date with every allocation (allocation.go); the
-- rows already there get it by the same rules below (a payment's reversal
-- and the allocation reversals it wrote share one transaction timestamp).
ALTER TABLE allocations ADD COLUMN date TEXT NOT NULL DEFAULT '';

DROP TRIGGER allocations_no_update;
UPDATE allocations SET date = (SELECT p.date FROM payments p WHERE p.id = allocations.payment_id);
UPDATE allocations SET date = (SELECT r.date FROM payments r WHERE r.reverses_id = allocations.payment_id)
WHERE reverses_id IS NOT NULL AND EXISTS (SELECT 1 FROM payments r
	WHERE r.reverses_id = allocations.payment_id AND r.created_at = allocations.created_at);
CREATE TRIGGER allocations_no_update BEFORE UPDATE ON allocations
BEGIN
	SELECT RAISE(ABORT, 'allocations cannot be changed: reverse them');
END;

-- A position as of D is today's sums (invoice_balances) less what is dated
-- after D: these read the records dated after a day from an index alone.
CREATE INDEX allocations_date ON allocations (date, invoice_id, amount);
CREATE INDEX adjustments_date ON adjustments (date, invoice_id, amount);
CREATE INDEX documents_credit_date ON documents (issue_date, corrects_id, total)
	WHERE kind = 'credit_note' AND status = 'issued' AND corrects_id IS NOT NULL;
