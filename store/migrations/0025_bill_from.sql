-- The first month daicho bills a contract (請求開始月): a contract kept in
-- daicho after it began, whose earlier months were invoiced before (by
-- hand, in another program), bills from here on; the billing run and its
-- catch-up never bill a month before it. '' bills from the start.
ALTER TABLE contracts ADD COLUMN bill_from TEXT NOT NULL DEFAULT '';
