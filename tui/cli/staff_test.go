package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"daicho/store"
)

// copyStaff adds src's staff to dst through `daicho staff add`.
func copyStaff(t *testing.T, src, dst string) {
	t.Helper()
	var staff []store.Staff
	if err := json.Unmarshal([]byte(mustRun(t, "--db", src, "staff", "list", "--format", "json").stdout), &staff); err != nil {
		t.Fatal(err)
	}
	for _, m := range staff {
		mustRun(t, "--db", dst, "staff", "add", m.Name, "--email", m.Email, "--ssh-key", m.SSHKey)
	}
}

// An import naming someone not on the staff list is refused whole, with the
// staff there are; once they are added, it goes in.
func TestImportCustomersNamesStaff(t *testing.T) {
	dir := cleanEnv(t)
	db := dir + "/ledger.db"
	file := writeFile(t, "c.csv", []byte("code,name,person_in_charge\nC0001,株式会社ひとつ,\nC0002,株式会社ふたつ,山本\n"))
	mustRun(t, "--db", db, "staff", "add", "佐藤", "--email", "sato@example.jp")
	r := runWith("", "--lang", "en", "--db", db, "import", "customers", file)
	if r.code != exitFail || !strings.Contains(r.stderr, "line 3") ||
		!strings.Contains(r.stderr, "山本 is not on the staff list (daicho staff list); the staff are: 佐藤") {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if out := mustRun(t, "--db", db, "list", "customers", "--format", "json").stdout; strings.Contains(out, "C0001") {
		t.Errorf("half an import went in: %s", out)
	}
	mustRun(t, "--db", db, "staff", "add", "山本")
	mustRun(t, "--db", db, "import", "customers", file)
}

// staff set renames the person everywhere they are named, and changes only
// the values given.
func TestStaffSetRenames(t *testing.T) {
	dir := cleanEnv(t)
	db := dir + "/ledger.db"
	mustRun(t, "--db", db, "staff", "add", "佐藤", "--email", "sato@example.jp", "--ssh-key", "sato")
	mustRun(t, "--db", db, "import", "customers", writeFile(t, "c.csv", []byte("code,name,person_in_charge\nC0001,株式会社ひとつ,佐藤\n")))
	mustRun(t, "--db", db, "staff", "set", "佐藤", "--name", "佐藤 健一")
	out := mustRun(t, "--db", db, "list", "customers", "--format", "json").stdout
	if !strings.Contains(out, `"person_in_charge": "佐藤 健一"`) {
		t.Errorf("not renamed: %s", out)
	}
	var staff []store.Staff
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "staff", "list", "--format", "json").stdout), &staff); err != nil {
		t.Fatal(err)
	}
	if len(staff) != 1 || staff[0] != (store.Staff{Name: "佐藤 健一", Email: "sato@example.jp", SSHKey: "sato"}) {
		t.Errorf("staff %+v", staff)
	}
	for _, bad := range [][]string{{"staff", "add", "佐藤 健一"}, {"staff", "set", "誰か", "--email", "x@example.jp"},
		{"staff", "add", "鈴木", "--ssh-key", "sato"}, {"staff", "add", "鈴木", "--email", "not-an-address"}} {
		if r := runWith("", append([]string{"--db", db}, bad...)...); r.code != exitFail {
			t.Errorf("%v: exit %d", bad, r.code)
		}
	}
}
