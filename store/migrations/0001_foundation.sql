-- The foundation: company settings, bank accounts, customers and the audit log.

CREATE TABLE company (
	id                  INTEGER PRIMARY KEY CHECK (id = 1), -- one row: this office
	name                TEXT NOT NULL CHECK (name <> ''),
	kana                TEXT NOT NULL DEFAULT '',
	postal_code         TEXT NOT NULL DEFAULT '',
	address1            TEXT NOT NULL DEFAULT '',
	address2            TEXT NOT NULL DEFAULT '',
	phone               TEXT NOT NULL DEFAULT '',
	email               TEXT NOT NULL DEFAULT '',
	registration_number TEXT NOT NULL DEFAULT '',
	fiscal_year_start   INTEGER NOT NULL DEFAULT 4 CHECK (fiscal_year_start BETWEEN 1 AND 12),
	currency            TEXT NOT NULL DEFAULT 'JPY',
	tax_rounding        TEXT NOT NULL DEFAULT 'floor' CHECK (tax_rounding IN ('floor', 'half_up', 'ceil')),
	version             INTEGER NOT NULL DEFAULT 1,
	updated_at          TEXT NOT NULL
);

CREATE TABLE bank_accounts (
	id           INTEGER PRIMARY KEY,
	position     INTEGER NOT NULL,
	bank         TEXT NOT NULL CHECK (bank <> ''),
	branch       TEXT NOT NULL CHECK (branch <> ''),
	account_type TEXT NOT NULL CHECK (account_type IN ('ordinary', 'current', 'savings')),
	number       TEXT NOT NULL CHECK (number <> ''),
	holder_kana  TEXT NOT NULL CHECK (holder_kana <> '')
);

CREATE TABLE customers (
	id                  INTEGER PRIMARY KEY,
	code                TEXT NOT NULL UNIQUE CHECK (code <> ''),
	name                TEXT NOT NULL CHECK (name <> ''),
	kana                TEXT NOT NULL DEFAULT '',
	honorific           TEXT NOT NULL DEFAULT '御中' CHECK (honorific IN ('御中', '様', '')),
	postal_code         TEXT NOT NULL DEFAULT '',
	address1            TEXT NOT NULL DEFAULT '',
	address2            TEXT NOT NULL DEFAULT '',
	department          TEXT NOT NULL DEFAULT '',
	contact             TEXT NOT NULL DEFAULT '',
	email               TEXT NOT NULL DEFAULT '',
	phone               TEXT NOT NULL DEFAULT '',
	closing_day         INTEGER NOT NULL DEFAULT 31 CHECK (closing_day BETWEEN 1 AND 28 OR closing_day = 31),
	months_deferred     INTEGER NOT NULL DEFAULT 1 CHECK (months_deferred BETWEEN 0 AND 3),
	payment_day         INTEGER NOT NULL DEFAULT 31 CHECK (payment_day BETWEEN 1 AND 28 OR payment_day = 31),
	holiday_rule        TEXT NOT NULL DEFAULT 'next' CHECK (holiday_rule IN ('keep', 'previous', 'next')),
	registration_number TEXT NOT NULL DEFAULT '',
	language            TEXT NOT NULL DEFAULT 'ja' CHECK (language IN ('ja', 'en')),
	person_in_charge    TEXT NOT NULL DEFAULT '',
	notes               TEXT NOT NULL DEFAULT '',
	archived            INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version             INTEGER NOT NULL DEFAULT 1, -- bumped on every save: a stale form cannot overwrite a newer record
	created_at          TEXT NOT NULL,
	updated_at          TEXT NOT NULL
);

-- Customers are archived, never deleted: deleting is not a bookkeeper's verb, and
-- documents will refer to them.
CREATE TRIGGER customers_no_delete BEFORE DELETE ON customers
BEGIN
	SELECT RAISE(ABORT, 'customers are archived, not deleted');
END;

CREATE TABLE audit_log (
	id        INTEGER PRIMARY KEY,
	at        TEXT NOT NULL,
	actor     TEXT NOT NULL,
	action    TEXT NOT NULL, -- create, update, archive, restore, …
	entity    TEXT NOT NULL, -- customer, company, …
	entity_id TEXT NOT NULL, -- the user-visible key (customer code, …)
	before    TEXT NOT NULL DEFAULT '', -- JSON of the record before the change
	after     TEXT NOT NULL DEFAULT ''  -- JSON of the record after the change
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- The audit log is append-only.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
