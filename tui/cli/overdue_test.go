package cli

import (
	"encoding/csv"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

// overdueKeys are the keys of the issue, written out here.
var overdueKeys = []string{"number", "customer_code", "customer_name", "person_in_charge", "issue_date", "due_date",
	"total", "paid", "open", "days_overdue", "bucket", "next_stage", "next_stage_date"}

func TestOverdue(t *testing.T) {
	db, _, _ := demoBank(t)
	out := mustRun(t, "--db", db, "overdue", "--as-of", "2026-11-20", "--format", "json").stdout
	objs, _ := orderedKeys(t, out)
	if len(objs) != 8 {
		t.Fatalf("%d overdue invoices, want 8:\n%s", len(objs), out)
	}
	for _, keys := range objs {
		if !slices.Equal(keys, overdueKeys) {
			t.Fatalf("keys %v", keys)
		}
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatal(err)
	}
	first, partly := items[0], items[7]
	if first["number"] != "I-2026-0007" || first["days_overdue"].(float64) != 102 || first["bucket"] != "90+" ||
		first["due_date"] != "2026-08-10" || first["open"] != first["total"] || first["person_in_charge"] == "" {
		t.Errorf("most overdue %v", first)
	}
	if partly["paid"].(float64) != 10000 || partly["open"].(float64) != 17600 || partly["bucket"] != "1-30" {
		t.Errorf("partly paid %v", partly)
	}
	buckets := map[any]int{}
	for _, it := range items {
		buckets[it["bucket"]]++
	}
	if !maps.Equal(buckets, map[any]int{"1-30": 5, "31-60": 1, "61-90": 1, "90+": 1}) {
		t.Errorf("buckets %v", buckets)
	}
	csvOut := mustRun(t, "--db", db, "overdue", "--as-of", "2026-11-20", "--format", "csv").stdout
	rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil || len(rows) != 9 || !slices.Equal(rows[0], overdueKeys) || rows[1][0] != "I-2026-0007" {
		t.Errorf("csv %v, %v", rows, err)
	}
	table := mustRun(t, "--db", db, "overdue", "--as-of", "2026-11-20").stdout
	if !strings.Contains(table, "8 invoices overdue, ¥467,500 in all") || !strings.Contains(table, "90+ days: 1 (¥46,200)") {
		t.Errorf("table:\n%s", table)
	}
	// Earlier, less is overdue; in July nothing.
	if n := strings.Count(mustRun(t, "--db", db, "overdue", "--as-of", "2026-09-01", "--format", "json").stdout,
		`"number"`); n != 2 {
		t.Errorf("%d overdue on 2026-09-01, want 2", n)
	}
	r := mustRun(t, "--db", db, "overdue", "--as-of", "2026-07-01")
	if r.stdout != "" || !strings.Contains(r.stderr, "nothing is overdue as of 2026-07-01") {
		t.Errorf("July: %q, %q", r.stdout, r.stderr)
	}
	if out := mustRun(t, "--db", db, "overdue", "--as-of", "2026-07-01", "--format", "json").stdout; strings.TrimSpace(out) != "[]" {
		t.Errorf("empty json %q", out)
	}
}

// Each overdue invoice says its next reminder stage and the day it is due
// from (issue 14): nothing was sent on the demo, so the friendly reminder,
// the day after the due date.
func TestOverdueNextStage(t *testing.T) {
	db, _, _ := demoBank(t)
	out := mustRun(t, "--db", db, "overdue", "--as-of", "2026-11-20", "--format", "json").stdout
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		due, _ := time.Parse("2006-01-02", it["due_date"].(string))
		if it["next_stage"] != "friendly" || it["next_stage_date"] != due.AddDate(0, 0, 1).Format("2006-01-02") {
			t.Errorf("%s due %s: next %v on %v", it["number"], it["due_date"], it["next_stage"], it["next_stage_date"])
		}
	}
}
