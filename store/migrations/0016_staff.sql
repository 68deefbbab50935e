-- Staff (担当者) and the notices they are sent (issue 14, "the person in
-- charge is told").
--
-- The person in charge of a customer or a contract was free text; it becomes
-- a reference to a staff entry, by name: the name is the entry's key (unique,
-- and what the JSON/CSV key person_in_charge carries), so every existing
-- name becomes one entry here and nothing that reads person_in_charge
-- changes. Triggers keep the reference sound: a customer or contract naming
-- nobody on the staff is refused, and a renamed entry renames its references.
-- Staff entries are never deleted (customers and the notify log name them).

CREATE TABLE staff (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE CHECK (name <> ''),
	email      TEXT NOT NULL DEFAULT '',  -- where `daicho notify` sends their notices ('': none sent)
	ssh_key    TEXT NOT NULL DEFAULT '',  -- the name of their key in `daicho serve`'s authorized keys
	version    INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX staff_ssh_key ON staff (ssh_key) WHERE ssh_key <> '';

CREATE TRIGGER staff_no_delete BEFORE DELETE ON staff
BEGIN
	SELECT RAISE(ABORT, 'staff entries are never deleted');
END;

-- Every name in use becomes a staff entry (no email yet).
INSERT INTO staff (name, created_at, updated_at)
SELECT DISTINCT person_in_charge, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')
FROM (SELECT person_in_charge FROM customers UNION SELECT person_in_charge FROM contracts)
WHERE person_in_charge <> '' ORDER BY person_in_charge;

CREATE TRIGGER customers_staff_insert BEFORE INSERT ON customers
WHEN NEW.person_in_charge <> '' AND NOT EXISTS (SELECT 1 FROM staff WHERE name = NEW.person_in_charge)
BEGIN
	SELECT RAISE(ABORT, 'person_in_charge names no staff entry');
END;
CREATE TRIGGER customers_staff_update BEFORE UPDATE OF person_in_charge ON customers
WHEN NEW.person_in_charge <> '' AND NOT EXISTS (SELECT 1 FROM staff WHERE name = NEW.person_in_charge)
BEGIN
	SELECT RAISE(ABORT, 'person_in_charge names no staff entry');
END;
CREATE TRIGGER contracts_staff_insert BEFORE INSERT ON contracts
WHEN NEW.person_in_charge <> '' AND NOT EXISTS (SELECT 1 FROM staff WHERE name = NEW.person_in_charge)
BEGIN
	SELECT RAISE(ABORT, 'person_in_charge names no staff entry');
END;
CREATE TRIGGER contracts_staff_update BEFORE UPDATE OF person_in_charge ON contracts
WHEN NEW.person_in_charge <> '' AND NOT EXISTS (SELECT 1 FROM staff WHERE name = NEW.person_in_charge)
BEGIN
	SELECT RAISE(ABORT, 'person_in_charge names no staff entry');
END;
CREATE TRIGGER staff_rename AFTER UPDATE OF name ON staff
WHEN NEW.name <> OLD.name
BEGIN
	UPDATE customers SET person_in_charge = NEW.name WHERE person_in_charge = OLD.name;
	UPDATE contracts SET person_in_charge = NEW.name WHERE person_in_charge = OLD.name;
	UPDATE inquiries SET person = NEW.name WHERE person = OLD.name;
END;
CREATE INDEX customers_person ON customers (person_in_charge) WHERE person_in_charge <> '';

-- What `daicho notify` has told whom: each item once per stage. A row is
-- written only after the person's mail left (SMTP accepted it or the .eml
-- was written), in one transaction for the whole mail; never changed.
CREATE TABLE notify_log (
	id        INTEGER PRIMARY KEY,
	staff_id  INTEGER NOT NULL REFERENCES staff (id),
	kind      TEXT NOT NULL CHECK (kind IN ('overdue', 'stage', 'deposit', 'renewal', 'followup')),
	ref       TEXT NOT NULL CHECK (ref <> ''),  -- invoice number, bank line id, contract number or inquiry id
	stage     TEXT NOT NULL DEFAULT '',         -- what about it was told (a reminder stage, a renewal's end date, …)
	as_of     TEXT NOT NULL,                    -- the day the notice was about
	method    TEXT NOT NULL CHECK (method IN ('smtp', 'eml')),
	file      TEXT NOT NULL DEFAULT '',
	actor     TEXT NOT NULL,
	sent_at   TEXT NOT NULL,
	UNIQUE (staff_id, kind, ref, stage)
);
CREATE TRIGGER notify_log_no_update BEFORE UPDATE ON notify_log
BEGIN
	SELECT RAISE(ABORT, 'the notify log is append-only');
END;
CREATE TRIGGER notify_log_no_delete BEFORE DELETE ON notify_log
BEGIN
	SELECT RAISE(ABORT, 'the notify log is append-only');
END;

-- When notices go out, and what counts as a deposit left too long (one row).
CREATE TABLE notify_settings (
	id           INTEGER PRIMARY KEY CHECK (id = 1),
	deposit_days INTEGER NOT NULL DEFAULT 3 CHECK (deposit_days BETWEEN 0 AND 365), -- unmatched longer than this: told
	send_at      TEXT NOT NULL DEFAULT '' CHECK (send_at = '' OR send_at GLOB '[0-2][0-9]:[0-5][0-9]'), -- serve sends daily at HH:MM; '': never
	version      INTEGER NOT NULL DEFAULT 1,
	updated_at   TEXT NOT NULL
);
INSERT INTO notify_settings (id, updated_at) VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ'));
