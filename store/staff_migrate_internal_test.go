package store

import (
	"database/sql"
	"path/filepath"
	"testing"
)

// The staff migration turns every person-in-charge name in use (customers'
// and contracts') into one staff entry, matched by name: nothing is lost,
// and the references hold.
func TestStaffMigrationKeepsEveryName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(createMigrationsTable); err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.topic() == "staff.sql" {
			break
		}
		// Every step before the staff migration, on an empty ledger (their
		// Go steps have no rows to work on).
		text, err := m.text()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(text); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
		if _, err := db.Exec(`INSERT INTO schema_migrations VALUES (?, ?, '2026-01-01')`, m.version, m.name); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO customers (code, name, person_in_charge, created_at, updated_at) VALUES
			('C1', 'a', '佐藤', 'x', 'x'), ('C2', 'b', '鈴木', 'x', 'x'), ('C3', 'c', '佐藤', 'x', 'x'), ('C4', 'd', '', 'x', 'x')`,
		`INSERT INTO contracts (customer_id, title, start_date, cycle, cycle_months, billing_day, in_advance, pro_rate,
			payment_method, auto_renew, person_in_charge, created_at, updated_at)
			VALUES (1, 't', '2026-01-01', 'monthly', 1, 31, 1, 0, 'bank_transfer', 0, '高橋', 'x', 'x')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	staff, err := st.StaffList(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range staff {
		names = append(names, m.Name)
	}
	if len(names) != 3 || names[0] != "佐藤" || names[1] != "鈴木" || names[2] != "高橋" {
		t.Errorf("staff %v", names)
	}
	if _, err := st.db.Exec(`UPDATE customers SET person_in_charge = '山本' WHERE code = 'C4'`); err == nil {
		t.Error("the database took a person who is no staff entry")
	}
}

// check names a customer whose person in charge is no staff entry (a change
// made outside daicho, past the triggers).
func TestCheckNamesAPersonOffTheStaffList(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.db.Exec(`INSERT INTO staff (name, created_at, updated_at) VALUES ('佐藤', 'x', 'x');
		INSERT INTO customers (code, name, person_in_charge, created_at, updated_at) VALUES ('C1', 'a', '佐藤', 'x', 'x');
		DROP TRIGGER customers_staff_update;
		UPDATE customers SET person_in_charge = '山本'`); err != nil {
		t.Fatal(err)
	}
	v, err := st.Check(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, x := range v {
		if x.Reason == "check.customer_staff" {
			found = true
		}
	}
	if !found {
		t.Errorf("violations %+v", v)
	}
}
