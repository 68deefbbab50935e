package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// reportJSON is what `report sales|margin --format json` prints.
type reportJSON struct {
	From, To, By string
	Rows         []map[string]any
	Total        map[string]any
}

// TestReportMatchesTheStore runs report margin and sales on the demo ledger
// in every grouping and format and checks each figure against the store's
// own report of the same period.
func TestReportMatchesTheStore(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	st := storetest.OpenFile(t, db)
	from, to := store.DateOf(2026, 6, 1), store.DateOf(2026, 10, 31)
	for _, by := range store.ReportGroupings {
		want, err := st.SalesReport(context.Background(), store.ReportQuery{From: from, To: to, By: by})
		if err != nil {
			t.Fatal(err)
		}
		if want.Total.Documents == 0 || want.Total.Cost == 0 {
			t.Fatalf("by %s: the demo has nothing to report: %+v", by, want.Total)
		}
		args := []string{"--db", db, "report", "margin", "--from", "2026-06-01", "--to", "2026-10-31", "--by", by}

		var got reportJSON
		if err := json.Unmarshal([]byte(mustRun(t, append(args, "--format", "json")...).stdout), &got); err != nil {
			t.Fatal(err)
		}
		if got.From != "2026-06-01" || got.To != "2026-10-31" || got.By != by || len(got.Rows) != len(want.Rows) {
			t.Fatalf("by %s: json %s..%s by %s, %d rows; the store has %d", by, got.From, got.To, got.By, len(got.Rows), len(want.Rows))
		}
		same := func(what string, j map[string]any, r store.ReportRow) {
			m, ok := r.MarginPermille()
			wantMargin := any(nil)
			if ok {
				wantMargin = float64(m) / 10
			}
			if j["key"] != r.Key || j["documents"] != float64(r.Documents) || j["sales"] != float64(r.Sales) ||
				j["cost"] != float64(r.Cost) || j["profit"] != float64(r.Profit()) || j["margin"] != wantMargin {
				t.Errorf("by %s, %s: json %v, store %+v", by, what, j, r)
			}
		}
		for i, r := range want.Rows {
			same(r.Key, got.Rows[i], r)
		}
		same("total", got.Total, want.Total)

		rows, err := csv.NewReader(strings.NewReader(mustRun(t, append(args, "--format", "csv")...).stdout)).ReadAll()
		if err != nil || len(rows) != len(want.Rows)+1 ||
			!slices.Equal(rows[0], []string{"key", "label", "documents", "sales", "cost", "profit", "margin"}) {
			t.Fatalf("by %s: csv %v (%v)", by, rows, err)
		}
		for i, r := range want.Rows {
			if rec := rows[i+1]; rec[0] != r.Key || rec[3] != fmt.Sprint(int64(r.Sales)) || rec[4] != fmt.Sprint(int64(r.Cost)) ||
				rec[5] != fmt.Sprint(int64(r.Profit())) {
				t.Errorf("by %s: csv %v, store %+v", by, rec, r)
			}
		}

		// The table ends with the total, in the currency's digits.
		table := strings.Split(strings.TrimSpace(mustRun(t, args...).stdout), "\n")
		last := strings.Fields(table[len(table)-1])
		m, _ := want.Total.MarginPermille()
		wantLast := []string{"Total", fmt.Sprint(want.Total.Documents), want.Total.Sales.Plain(store.JPY),
			want.Total.Cost.Plain(store.JPY), want.Total.Profit().Plain(store.JPY), store.FormatPermille(m) + "%"}
		if !slices.Equal(last, wantLast) || len(table) != len(want.Rows)+3 {
			t.Errorf("by %s: table ends %q, want %q:\n%s", by, last, wantLast, strings.Join(table, "\n"))
		}
	}
	// report sales: the same sales, without cost.
	var sales reportJSON
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "report", "sales", "--from", "2026-06-01", "--to",
		"2026-10-31", "--format", "json").stdout), &sales); err != nil {
		t.Fatal(err)
	}
	want, _ := st.SalesReport(context.Background(), store.ReportQuery{From: from, To: to})
	if _, has := sales.Total["cost"]; has || sales.Total["sales"] != float64(want.Total.Sales) || len(sales.Rows) != 5 {
		t.Errorf("report sales: %+v", sales)
	}
}

// The default period is the twelve months ending this month, every month
// listed; aging is as of --to, per bucket and customer, as the store sums it.
func TestReportDefaultsAndAging(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	st := storetest.OpenFile(t, db)
	var rep reportJSON
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "report", "margin", "--format", "json").stdout), &rep); err != nil {
		t.Fatal(err)
	}
	from, to := store.YearEndingIn(store.Today(st.Now()))
	if rep.From != store.FormatDate(from) || rep.To != store.FormatDate(to) || rep.By != "month" || len(rep.Rows) != 12 {
		t.Errorf("default: %s..%s by %s, %d rows", rep.From, rep.To, rep.By, len(rep.Rows))
	}

	items, err := st.Overdue(context.Background(), store.DateOf(2026, 11, 20))
	if err != nil {
		t.Fatal(err)
	}
	a := store.Aging(items)
	notDue, notDueCount, err := st.NotDue(context.Background(), store.DateOf(2026, 11, 20))
	if err != nil {
		t.Fatal(err)
	}
	var aging struct {
		AsOf      string `json:"as_of"`
		Buckets   []map[string]any
		Total     map[string]any
		Customers []map[string]any
	}
	out := mustRun(t, "--db", db, "report", "aging", "--to", "2026-11-20", "--by", "customer", "--format", "json").stdout
	if err := json.Unmarshal([]byte(out), &aging); err != nil {
		t.Fatal(err)
	}
	if a.Count == 0 || notDueCount == 0 || aging.AsOf != "2026-11-20" || aging.Total["open"] != float64(a.Total+notDue) ||
		aging.Total["invoices"] != float64(a.Count+notDueCount) || len(aging.Customers) != len(a.ByCustomer) {
		t.Fatalf("aging %s", out)
	}
	if aging.Buckets[0]["bucket"] != "not_due" || aging.Buckets[0]["open"] != float64(notDue) {
		t.Errorf("not due: %v, store %d", aging.Buckets[0], notDue)
	}
	for i, b := range store.AgingBuckets {
		if i++; aging.Buckets[i]["bucket"] != b || aging.Buckets[i]["open"] != float64(a.Buckets[b]) {
			t.Errorf("bucket %s: %v, store %d", b, aging.Buckets[i], a.Buckets[b])
		}
	}
	for i, c := range a.ByCustomer {
		if aging.Customers[i]["code"] != c.Code || aging.Customers[i]["open"] != float64(c.Total) {
			t.Errorf("customer %v, store %+v", aging.Customers[i], c)
		}
	}
	table := mustRun(t, "--db", db, "--lang", "ja", "report", "aging", "--to", "2026-11-20").stdout
	if !strings.Contains(table, "2026-11-20 時点の売掛金") || !strings.Contains(table, "期日前") ||
		!strings.Contains(table, (a.Total+notDue).Plain(store.JPY)) {
		t.Errorf("aging table:\n%s", table)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"report"}, "report what?"},
		{[]string{"report", "profit"}, `cannot report "profit"`},
		{[]string{"report", "sales", "--by", "week"}, `unknown grouping "week"`},
		{[]string{"report", "sales", "--format", "xml"}, `unknown format "xml"`},
		{[]string{"report", "sales", "--from", "2026-11-31"}, "not a date"},
		{[]string{"report", "margin", "--from", "2026-10-01", "--to", "2026-09-30"}, "is after"},
		{[]string{"report", "aging", "--from", "2026-10-01"}, "--from does not apply"},
		{[]string{"report", "aging", "--by", "month"}, "by customer only"},
		{[]string{"report", "sales", "extra"}, `unexpected argument "extra"`},
	} {
		r := runWith("", append([]string{"--db", db}, tc.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) || r.stdout != "" {
			t.Errorf("%v: exit %d, stderr %q", tc.args, r.code, r.stderr)
		}
	}
}
