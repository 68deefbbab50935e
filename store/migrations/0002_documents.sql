-- Products, tax categories, and the documents of the 見積 → 納品 → 請求 flow.

-- Tax categories and their rates over time: a line snapshots the rate in force
-- on its document's date, so a future rate change never rewrites the past.
CREATE TABLE tax_categories (
	code    TEXT PRIMARY KEY,               -- standard, reduced, exempt
	reduced INTEGER NOT NULL DEFAULT 0      -- 1: 軽減税率, lines get the ※ mark
);
CREATE TABLE tax_rates (
	category       TEXT NOT NULL REFERENCES tax_categories (code),
	effective_from TEXT NOT NULL,          -- YYYY-MM-DD
	rate           INTEGER NOT NULL CHECK (rate BETWEEN 0 AND 100), -- percent
	PRIMARY KEY (category, effective_from)
);
INSERT INTO tax_categories (code, reduced) VALUES ('standard', 0), ('reduced', 1), ('exempt', 0);
INSERT INTO tax_rates (category, effective_from, rate) VALUES
	('standard', '1989-04-01', 3), ('standard', '1997-04-01', 5), ('standard', '2014-04-01', 8),
	('standard', '2019-10-01', 10), ('reduced', '2019-10-01', 8), ('exempt', '1989-04-01', 0);

CREATE TABLE products (
	id           INTEGER PRIMARY KEY,
	code         TEXT NOT NULL UNIQUE CHECK (code <> ''),
	name         TEXT NOT NULL CHECK (name <> ''),
	kana         TEXT NOT NULL DEFAULT '',
	unit         TEXT NOT NULL DEFAULT '',
	unit_price   INTEGER NOT NULL DEFAULT 0,
	cost_price   INTEGER NOT NULL DEFAULT 0, -- 仕切り値
	tax_category TEXT NOT NULL DEFAULT 'standard' REFERENCES tax_categories (code),
	archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version      INTEGER NOT NULL DEFAULT 1,
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL
);
CREATE TRIGGER products_no_delete BEFORE DELETE ON products
BEGIN
	SELECT RAISE(ABORT, 'products are archived, not deleted');
END;

-- Document numbers: one counter per kind and fiscal year, advanced inside the
-- issuing transaction, so numbers are unique and gapless.
CREATE TABLE counters (
	kind        TEXT NOT NULL,
	fiscal_year INTEGER NOT NULL,
	last        INTEGER NOT NULL,
	PRIMARY KEY (kind, fiscal_year)
);

ALTER TABLE company ADD COLUMN number_format TEXT NOT NULL DEFAULT '{kind}-{year}-{seq:4}';

-- What issued documents keep of their customer and of the company, stored
-- once per distinct content (100,000 invoices share a handful of company
-- snapshots) and never changed.
CREATE TABLE snapshots (
	id   INTEGER PRIMARY KEY,
	hash TEXT NOT NULL UNIQUE, -- sha256 of body
	body TEXT NOT NULL         -- JSON
);
CREATE TRIGGER snapshots_no_update BEFORE UPDATE ON snapshots
BEGIN
	SELECT RAISE(ABORT, 'snapshots cannot be changed');
END;
CREATE TRIGGER snapshots_no_delete BEFORE DELETE ON snapshots
BEGIN
	SELECT RAISE(ABORT, 'snapshots cannot be deleted');
END;

CREATE TABLE documents (
	id                INTEGER PRIMARY KEY,
	kind              TEXT NOT NULL CHECK (kind IN ('estimate', 'delivery_note', 'invoice', 'credit_note')),
	status            TEXT NOT NULL DEFAULT 'draft'
	                  CHECK (status IN ('draft', 'issued', 'accepted', 'declined', 'void')),
	number            TEXT UNIQUE,          -- NULL while a draft
	fiscal_year       INTEGER,
	seq               INTEGER,
	customer_id       INTEGER NOT NULL REFERENCES customers (id),
	subject           TEXT NOT NULL DEFAULT '',
	issue_date        TEXT NOT NULL,
	valid_until       TEXT NOT NULL DEFAULT '', -- estimates
	delivery_date     TEXT NOT NULL DEFAULT '', -- delivery notes
	closing_date      TEXT NOT NULL DEFAULT '', -- invoices: the billing cycle's closing date
	due_date          TEXT NOT NULL DEFAULT '', -- invoices
	price_mode        TEXT NOT NULL DEFAULT 'exclusive' CHECK (price_mode IN ('exclusive', 'inclusive')),
	notes             TEXT NOT NULL DEFAULT '',
	corrects_id       INTEGER REFERENCES documents (id), -- a credit note's invoice
	revises_id        INTEGER REFERENCES documents (id), -- the voided document this one replaces
	currency          TEXT NOT NULL,
	tax_rounding      TEXT NOT NULL,
	subtotal          INTEGER NOT NULL DEFAULT 0,
	tax               INTEGER NOT NULL DEFAULT 0,
	total             INTEGER NOT NULL DEFAULT 0,
	customer_snapshot INTEGER REFERENCES snapshots (id), -- taken when issued
	company_snapshot  INTEGER REFERENCES snapshots (id), -- taken when issued
	issued_at         TEXT NOT NULL DEFAULT '',
	voided_at         TEXT NOT NULL DEFAULT '',
	voided_reason     TEXT NOT NULL DEFAULT '',
	version           INTEGER NOT NULL DEFAULT 1,
	created_at        TEXT NOT NULL,
	updated_at        TEXT NOT NULL,
	UNIQUE (kind, fiscal_year, seq)
);
CREATE INDEX documents_customer ON documents (customer_id, kind, status);
CREATE INDEX documents_issue_date ON documents (issue_date);

CREATE TABLE document_lines (
	id             INTEGER PRIMARY KEY,
	document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	position       INTEGER NOT NULL,
	product_id     INTEGER REFERENCES products (id),
	description    TEXT NOT NULL,
	quantity       INTEGER NOT NULL,        -- thousandths
	unit           TEXT NOT NULL DEFAULT '',
	unit_price     INTEGER NOT NULL,
	tax_category   TEXT REFERENCES tax_categories (code), -- NULL: not chosen yet (a draft; issuing refuses it)
	tax_rate       INTEGER NOT NULL,        -- percent in force on the document's date
	cost_price     INTEGER NOT NULL DEFAULT 0, -- per unit, snapshot of the product's 仕切り値
	amount         INTEGER NOT NULL,
	source_line_id INTEGER REFERENCES document_lines (id) -- the line this one was made from
);
CREATE INDEX document_lines_document ON document_lines (document_id, position);
CREATE INDEX document_lines_source ON document_lines (source_line_id);

-- Per-rate totals as computed when last saved (the qualified-invoice summary).
CREATE TABLE document_taxes (
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	rate        INTEGER NOT NULL,
	net         INTEGER NOT NULL,
	tax         INTEGER NOT NULL,
	gross       INTEGER NOT NULL,
	PRIMARY KEY (document_id, rate)
);

-- Which document was made from which (estimate → delivery note → invoice;
-- several delivery notes → one closing invoice), walkable both ways.
CREATE TABLE document_links (
	source_id INTEGER NOT NULL REFERENCES documents (id),
	target_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	PRIMARY KEY (source_id, target_id)
);
CREATE INDEX document_links_target ON document_links (target_id);

-- Issued documents are frozen: the database itself refuses to change their
-- content or delete them, whatever program writes to it. Only the status may
-- move on (issued → accepted/declined/void), with the void reason and time.
CREATE TRIGGER documents_frozen BEFORE UPDATE ON documents
WHEN OLD.status <> 'draft' AND (
	NEW.status = 'draft' OR OLD.status = 'void'
	OR NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind OR NEW.number IS NOT OLD.number OR NEW.fiscal_year IS NOT OLD.fiscal_year
	OR NEW.seq IS NOT OLD.seq OR NEW.customer_id IS NOT OLD.customer_id OR NEW.subject IS NOT OLD.subject
	OR NEW.issue_date IS NOT OLD.issue_date OR NEW.valid_until IS NOT OLD.valid_until
	OR NEW.delivery_date IS NOT OLD.delivery_date OR NEW.closing_date IS NOT OLD.closing_date
	OR NEW.due_date IS NOT OLD.due_date OR NEW.price_mode IS NOT OLD.price_mode OR NEW.notes IS NOT OLD.notes
	OR NEW.corrects_id IS NOT OLD.corrects_id OR NEW.revises_id IS NOT OLD.revises_id
	OR NEW.currency IS NOT OLD.currency OR NEW.tax_rounding IS NOT OLD.tax_rounding
	OR NEW.subtotal IS NOT OLD.subtotal OR NEW.tax IS NOT OLD.tax OR NEW.total IS NOT OLD.total
	OR NEW.customer_snapshot IS NOT OLD.customer_snapshot OR NEW.company_snapshot IS NOT OLD.company_snapshot
	OR NEW.issued_at IS NOT OLD.issued_at OR NEW.created_at IS NOT OLD.created_at)
BEGIN
	SELECT RAISE(ABORT, 'issued documents cannot be changed');
END;
CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
WHEN OLD.status <> 'draft'
BEGIN
	SELECT RAISE(ABORT, 'issued documents cannot be deleted');
END;
CREATE TRIGGER document_lines_frozen_insert BEFORE INSERT ON document_lines
WHEN (SELECT status FROM documents WHERE id = NEW.document_id) <> 'draft'
BEGIN
	SELECT RAISE(ABORT, 'issued documents cannot be changed');
END;
CREATE TRIGGER document_lines_frozen_update BEFORE UPDATE ON document_lines
WHEN (SELECT status FROM documents WHERE id = OLD.document_id) <> 'draft'
	OR (SELECT status FROM documents WHERE id = NEW.document_id) <> 'draft'
BEGIN
	SELECT RAISE(ABORT, 'issued documents cannot be changed');
END;
CREATE TRIGGER document_lines_frozen_delete BEFORE DELETE ON document_lines
WHEN (SELECT status FROM documents WHERE id = OLD.document_id) <> 'draft'
BEGIN
	SELECT RAISE(ABORT, 'issued documents cannot be changed');
END;
CREATE TRIGGER document_taxes_frozen_insert BEFORE INSERT ON document_taxes
WHEN (SELECT status FROM documents WHERE id = NEW.document_id) <> 'draft'
BEGIN
	SELECT RAISE(ABORT, 'issued documents cannot be changed');
END;
CREATE TRIGGER document_taxes_frozen_update BEFORE UPDATE ON document_taxes
WHEN (SELECT status FROM documents WHERE id = OLD.document_id) <> 'draft'
	OR (SELECT status FROM documents WHERE id = NEW.document_id) <> 'draft'
BEGIN
	SELECT RAISE(ABORT, 'issued documents cannot be changed');
END;
CREATE TRIGGER document_taxes_frozen_delete BEFORE DELETE ON document_taxes
WHEN (SELECT status FROM documents WHERE id = OLD.document_id) <> 'draft'
BEGIN
	SELECT RAISE(ABORT, 'issued documents cannot be changed');
END;
CREATE TRIGGER document_links_frozen_delete BEFORE DELETE ON document_links
WHEN (SELECT status FROM documents WHERE id = OLD.target_id) <> 'draft'
BEGIN
	SELECT RAISE(ABORT, 'issued documents cannot be changed');
END;
-- An issued document's sources are part of it (a closing invoice lists its
-- delivery notes): no link may be added to it, changed or moved onto it.
CREATE TRIGGER document_links_frozen_insert BEFORE INSERT ON document_links
WHEN (SELECT status FROM documents WHERE id = NEW.target_id) <> 'draft'
BEGIN
	SELECT RAISE(ABORT, 'issued documents cannot be changed');
END;
CREATE TRIGGER document_links_frozen_update BEFORE UPDATE ON document_links
WHEN (SELECT status FROM documents WHERE id = OLD.target_id) <> 'draft'
	OR (SELECT status FROM documents WHERE id = NEW.target_id) <> 'draft'
BEGIN
	SELECT RAISE(ABORT, 'issued documents cannot be changed');
END;
