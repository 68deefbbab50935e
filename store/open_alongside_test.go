package store_test

import (
	"bytes"
	"os"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// damageTable makes the root page of table in the closed ledger at path no
// b-tree page, as a bad disk sector might, and returns the file's bytes.
func damageTable(t *testing.T, path, table string) []byte {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var root int64
	err = st.DB().QueryRowContext(t.Context(), `SELECT rootpage FROM sqlite_schema WHERE name = ?`, table).Scan(&root)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int64(body[16])<<8 | int64(body[17])
	body[(root-1)*pageSize] = 0xff
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	return body
}

// TestOpenCheckingAlongside: a small ledger opened with
// OpenCheckingAlongside is readable at once; its quick_check runs when
// CheckInBackground (or Checked) starts it, and until it has passed nothing
// is written. A damaged file's verdict is Checked's, every write is refused
// with it, and after Close the file is as it was with nothing beside it.
func TestOpenCheckingAlongside(t *testing.T) {
	good := goodLedger(t)
	var number string
	read := func(st *store.Store) error {
		if number == "" {
			if err := st.DB().QueryRowContext(t.Context(), `SELECT number FROM documents
				WHERE kind = 'invoice' AND status = 'issued' ORDER BY id LIMIT 1`).Scan(&number); err != nil {
				return err
			}
		}
		_, err := st.DocumentByNumber(t.Context(), number)
		return err
	}

	t.Run("good", func(t *testing.T) {
		st, err := store.OpenCheckingAlongside(copyFile(t, good))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if err := read(st); err != nil {
			t.Fatal(err)
		}
		st.CheckInBackground()
		if err := st.Checked(); err != nil {
			t.Fatalf("Checked: %v", err)
		}
		c := storetest.Customer("ALONG1", "並行検査株式会社")
		if err := st.CreateCustomer(t.Context(), &c); err != nil {
			t.Errorf("a write after the check: %v", err)
		}
	})

	t.Run("damaged", func(t *testing.T) {
		path := copyFile(t, good)
		body := damageTable(t, path, "inquiries")
		st, err := store.OpenCheckingAlongside(path)
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		if err := read(st); err != nil {
			t.Fatalf("a document beside the damage: %v", err)
		}
		st.CheckInBackground()
		c := storetest.Customer("ALONG2", "並行検査株式会社")
		for what, err := range map[string]error{"Checked": st.Checked(), "a write": st.CreateCustomer(t.Context(), &c)} {
			if e, ok := store.AsError(err); !ok || e.Code != store.CodeDamaged || e.Args[0] != path {
				t.Errorf("%s: %v, want the file damaged", what, err)
			}
		}
		st.Close()
		if after, _ := os.ReadFile(path); !bytes.Equal(after, body) {
			t.Error("the damaged file changed")
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			if _, err := os.Stat(path + suffix); err == nil {
				t.Errorf("%s left beside the damaged file", suffix)
			}
		}
		if _, err := store.Open(path); err == nil {
			t.Error("Open took the damaged file")
		}
	})
}
