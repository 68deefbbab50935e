package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// A JSON customers file with one bad element among good ones, whether the
// JSON reader, Validate, the file's other records or the database refuses
// it, imports nothing (not the good elements before it either), and the
// report names the element and the field, in the words it always used.
func TestImportCustomersBadElementWritesNothing(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	before := listJSON(t, db, "--archived")
	// 120, 77: more than one batch of the writer before the bad element;
	// 2500, 2100: more than one batch of the stream (written, then rolled
	// back) before it.
	for _, size := range []struct{ n, bad int }{{120, 77}, {2500, 2100}} {
		n, bad := size.n, size.bad
		tests := []struct {
			name string
			edit func(map[string]any)
			want string
		}{
			{"bad field", func(c map[string]any) { c["email"] = "nope" },
				"Email: not an email address (name@example.jp)"},
			{"not a number", func(c map[string]any) { c["closing_day"] = "x" },
				`Closing day: "x" is not a whole number`},
			{"code twice in the file", func(c map[string]any) { c["code"] = "e0005" },
				"Code: code E0005 appears twice in this file (first at line 5)"},
			{"code of a customer in the ledger", func(c map[string]any) { c["code"] = "C0001" },
				"Code: code C0001 is already used by another customer"},
			{"person in charge not on the staff", func(c map[string]any) { c["person_in_charge"] = "誰か" },
				"Person in charge: 誰か is not on the staff list"},
		}
		for _, tt := range tests {
			t.Run(fmt.Sprint(tt.name, " at ", bad, " of ", n), func(t *testing.T) {
				cs := make([]map[string]any, n)
				for i := range cs {
					cs[i] = map[string]any{"code": fmt.Sprintf("E%04d", i+1), "name": fmt.Sprintf("会社 %d", i+1),
						"email": fmt.Sprintf("a%d@example.jp", i+1), "person_in_charge": "鈴木 美咲"}
				}
				tt.edit(cs[bad-1])
				data, err := json.Marshal(cs)
				if err != nil {
					t.Fatal(err)
				}
				r := runWith("", "--db", db, "import", "customers", writeFile(t, "c.json", data))
				want := fmt.Sprintf("c.json: 1 problem; nothing was imported:\n  record %d: %s", bad, tt.want)
				if r.code != exitFail || !strings.Contains(r.stderr, want) || r.stdout != "" {
					t.Errorf("exit %d\nstdout %q\nstderr %s\nwant %s", r.code, r.stdout, r.stderr, want)
				}
				if got := listJSON(t, db, "--archived"); !reflect.DeepEqual(got, before) {
					t.Error("a refused import changed the customers")
				}
			})
		}
	}
	// The same file without the bad element imports whole.
	const n = 120
	cs := make([]map[string]any, n)
	for i := range cs {
		cs[i] = map[string]any{"code": fmt.Sprintf("E%03d", i+1), "name": fmt.Sprintf("会社 %d", i+1)}
	}
	data, _ := json.Marshal(cs)
	r := mustRun(t, "--db", db, "import", "customers", writeFile(t, "c.json", data))
	if got := len(listJSON(t, db, "--archived")); got != len(before)+n {
		t.Errorf("%d customers after importing %d into %d\n%s", got, n, len(before), r.stdout)
	}
}

// A JSON file is written while it is read; what the stream meets at its end
// (text after the array) still refuses the whole file, in the words of the
// whole-file reader, and a ledger that does not exist yet is not made for a
// file that is refused.
func TestImportCustomersStreamRefusedLate(t *testing.T) {
	dir := cleanEnv(t)
	db := filepath.Join(dir, "d.db")
	mustRun(t, "--db", db, "demo")
	before := listJSON(t, db, "--archived")
	cs := make([]map[string]any, 2500)
	for i := range cs {
		cs[i] = map[string]any{"code": fmt.Sprintf("E%04d", i+1), "name": fmt.Sprintf("会社 %d", i+1)}
	}
	data, err := json.Marshal(cs)
	if err != nil {
		t.Fatal(err)
	}
	file := writeFile(t, "c.json", append(data, "\n}"...))
	r := runWith("", "--db", db, "import", "customers", file)
	const want = "c.json: 1 problem; nothing was imported:\n  record 2501: there is more text after the closing ]"
	if r.code != exitFail || !strings.Contains(r.stderr, want) || r.stdout != "" {
		t.Errorf("exit %d\nstdout %q\nstderr %s", r.code, r.stdout, r.stderr)
	}
	if got := listJSON(t, db, "--archived"); !reflect.DeepEqual(got, before) {
		t.Error("a refused import changed the customers")
	}

	missing := filepath.Join(dir, "new.db")
	r = runWith("", "--db", missing, "import", "customers", file)
	if r.code != exitFail || !strings.Contains(r.stderr, want) {
		t.Errorf("into a new ledger: exit %d\nstderr %s", r.code, r.stderr)
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused file made the ledger %s: %v", missing, err)
	}
}
