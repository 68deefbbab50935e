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
