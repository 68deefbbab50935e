-- The company's name and address in English, printed on English documents
-- (and in English mails) instead of the Japanese ones; empty: the Japanese
-- ones are used.
ALTER TABLE company ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
ALTER TABLE company ADD COLUMN address1_en TEXT NOT NULL DEFAULT '';
ALTER TABLE company ADD COLUMN address2_en TEXT NOT NULL DEFAULT '';
