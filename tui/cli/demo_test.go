package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestDemoThenListJSON(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	r := mustRun(t, "--db", db, "demo")
	if !strings.Contains(r.stdout, "added 40 demo customers") {
		t.Errorf("demo said %q", r.stdout)
	}
	out := mustRun(t, "list", "customers", "--format", "json", "--db", db).stdout
	// Every object has exactly the §8 keys, in order.
	dec := json.NewDecoder(strings.NewReader(out))
	dec.Token()
	rows := 0
	for ; dec.More(); rows++ {
		var obj []string
		dec.Token()
		for dec.More() {
			k, _ := dec.Token()
			obj = append(obj, k.(string))
			var v any
			dec.Decode(&v)
		}
		dec.Token()
		if !reflect.DeepEqual(obj, customerKeys) {
			t.Fatalf("record %d keys %v", rows+1, obj)
		}
	}
	all := listJSON(t, db, "--archived")
	if rows < 35 || rows >= len(all) || len(all) != 40 {
		t.Errorf("%d active of %d; want ≈40 with some archived", rows, len(all))
	}
	for _, c := range listJSON(t, db) {
		if c.Archived {
			t.Errorf("%s is archived but listed without --archived", c.Code)
		}
	}
}

func TestDemoRefusedThenForce(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	before := listJSON(t, db, "--archived")

	r := runWith("", "--db", db, "demo")
	if r.code != exitFail || !strings.Contains(r.stderr, "--force") || !strings.Contains(r.stderr, db) {
		t.Fatalf("second demo: exit %d, stderr %q; want 1 naming the file and --force", r.code, r.stderr)
	}
	if got := listJSON(t, db, "--archived"); !reflect.DeepEqual(got, before) {
		t.Fatal("a refused demo changed the database")
	}

	mustRun(t, "--db", db, "demo", "--force")
	after := listJSON(t, db, "--archived")
	if len(after) != 80 || !reflect.DeepEqual(after[:40], before) {
		t.Fatalf("after --force: %d customers, first 40 unchanged: %v", len(after), reflect.DeepEqual(after[:40], before))
	}
	if after[40].Code != "C0041" || after[79].Code != "C0080" {
		t.Errorf("forced codes %s…%s, want C0041…C0080", after[40].Code, after[79].Code)
	}
}

func TestDemoLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 customers")
	}
	db := filepath.Join(cleanEnv(t), "d.db")
	r := mustRun(t, "--db", db, "demo", "--size", "large")
	if n := len(listJSON(t, db, "--archived")); n != 10_000 {
		t.Errorf("%d customers", n)
	}
	var customers, products, documents int
	if _, err := fmt.Sscanf(r.stdout, "added %d demo customers, %d products and %d documents", &customers,
		&products, &documents); err != nil || customers != 10_000 || products != 15 || documents < 100_000 {
		t.Errorf("demo said %q", r.stdout)
	}
}
