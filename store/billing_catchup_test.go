package store_test

import (
	"slices"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

func months(ts []time.Time) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Format("2006-01")
	}
	return out
}

// The earliest unbilled month is suggested, not the month asked for: a
// December never run is owed before January.
func TestBillingUnbilledMonths(t *testing.T) {
	cases := []struct {
		name     string
		starts   []string // monthly contracts in advance, C0001
		arrears  bool
		billed   []string // months run before
		through  string
		want     []string
		suggest  string
		archived bool   // the customer is archived
		billFrom string // the contracts' first billing month (請求開始月), "" from the start
	}{
		{name: "no contracts", through: "2027-01", want: nil, suggest: "2027-01"},
		{name: "december never billed", starts: []string{"2026-11-01"}, billed: []string{"2026-11"}, through: "2027-01",
			want: []string{"2026-12", "2027-01"}, suggest: "2026-12"},
		{name: "all billed", starts: []string{"2026-11-01"}, billed: []string{"2026-11", "2026-12", "2027-01"},
			through: "2027-01", want: nil, suggest: "2027-01"},
		{name: "gap in the middle", starts: []string{"2026-10-01"}, billed: []string{"2026-10", "2026-12"},
			through: "2027-01", want: []string{"2026-11", "2027-01"}, suggest: "2026-11"},
		{name: "in arrears starts billing a month late", starts: []string{"2026-11-01"}, arrears: true,
			through: "2027-01", want: []string{"2026-12", "2027-01"}, suggest: "2026-12"},
		{name: "not before the earliest start", starts: []string{"2026-12-15", "2027-01-01"}, through: "2027-01",
			want: []string{"2026-12", "2027-01"}, suggest: "2026-12"},
		{name: "at most a year back", starts: []string{"2024-01-01"}, through: "2027-01",
			want: monthRange("2026-01", 13), suggest: "2026-01"},
		{name: "kept here after it began: nothing before its first billing month", starts: []string{"2024-01-01"},
			billFrom: "2026-12", through: "2027-01", want: []string{"2026-12", "2027-01"}, suggest: "2026-12"},
		{name: "first billing month this month", starts: []string{"2025-10-01"}, billFrom: "2027-01", through: "2027-01",
			want: []string{"2027-01"}, suggest: "2027-01"},
		{name: "in arrears from its first billing month", starts: []string{"2026-06-01"}, arrears: true,
			billFrom: "2026-12", through: "2027-01", want: []string{"2026-12", "2027-01"}, suggest: "2026-12"},
		{name: "archived customer's months wait", starts: []string{"2026-11-01"}, billed: []string{"2026-11"},
			through: "2027-01", archived: true, want: nil, suggest: "2027-01"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newConFix(t)
			for _, s := range tc.starts {
				f.activeContract(s, func(c *store.Contract) {
					c.InAdvance = !tc.arrears
					if tc.billFrom != "" {
						c.BillFrom = ym(tc.billFrom)
					}
				})
			}
			for _, m := range tc.billed {
				f.run(m, false)
			}
			if tc.archived {
				if err := f.st.SetCustomerArchived(f.ctx, f.cust.ID, true); err != nil {
					t.Fatal(err)
				}
			}
			got, err := f.st.UnbilledMonths(f.ctx, ym(tc.through))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(months(got), tc.want) {
				t.Errorf("unbilled %q, want %q", months(got), tc.want)
			}
			s, err := f.st.SuggestBillingMonth(f.ctx, ym(tc.through))
			if err != nil {
				t.Fatal(err)
			}
			if s.Format("2006-01") != tc.suggest {
				t.Errorf("suggested %s, want %s", s.Format("2006-01"), tc.suggest)
			}
		})
	}
}

func monthRange(from string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = ym(from).AddDate(0, i, 0).Format("2006-01")
	}
	return out
}

// Catching up bills each missed month in order (numbers follow the
// calendar), once; a second catch-up makes nothing.
func TestBillingRunThrough(t *testing.T) {
	f := newConFix(t)
	a := f.activeContract("2026-11-01")
	f.run("2026-11", false)
	res, err := f.st.RunBillingThrough(f.ctx, ym("2027-01"), true)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range res {
		for _, inv := range r.Invoices {
			got = append(got, r.Month.Format("2006-01")+" "+inv.Number+" "+inv.IssueDate.Format("2006-01-02"))
		}
	}
	want := []string{"2026-12 I-2026-0001 2026-12-01", "2027-01 I-2026-0002 2027-01-01"} // fiscal year from April
	if !slices.Equal(got, want) {
		t.Errorf("caught up %q, want %q", got, want)
	}
	again, err := f.st.RunBillingThrough(f.ctx, ym("2027-01"), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 1 || len(again[0].Invoices) != 0 || again[0].AlreadyBilled != 1 {
		t.Errorf("second catch-up %+v", again)
	}
	if n := f.count(`SELECT count(*) FROM contract_billings WHERE contract_id = ?`, a.ID); n != 3 {
		t.Errorf("%d billed periods, want 3", n)
	}
}

// An archived customer's active contract is listed, not billed; brought
// back, its period is billed by the next run.
func TestBillingHoldsArchivedCustomers(t *testing.T) {
	f := newConFix(t)
	a := f.activeContract("2026-11-01")
	f.activeContract("2026-11-01", func(c *store.Contract) { c.CustomerID, c.Title = f.en.ID, "Hosting" })
	if err := f.st.SetCustomerArchived(f.ctx, f.cust.ID, true); err != nil {
		t.Fatal(err)
	}
	plan := f.plan("2026-11")
	wantHeld := []store.HeldContract{{Number: a.Number, CustomerCode: "C0001", CustomerName: f.cust.Name}}
	if len(plan.Invoices) != 1 || plan.Invoices[0].CustomerCode != "C0002" || !slices.Equal(plan.Held, wantHeld) {
		t.Fatalf("plan %+v", plan)
	}
	res := f.run("2026-11", false)
	if len(res.Invoices) != 1 || !slices.Equal(res.Held, wantHeld) {
		t.Fatalf("run %+v", res)
	}
	if err := f.st.SetCustomerArchived(f.ctx, f.cust.ID, false); err != nil {
		t.Fatal(err)
	}
	if res := f.run("2026-11", false); len(res.Invoices) != 1 || res.AlreadyBilled != 1 || len(res.Held) != 0 {
		t.Errorf("after bringing the customer back: %+v", res)
	}
}

// A contract kept here after it began (請求開始月): no run of a month
// before its first billing month bills it (catching up: TestBillingUnbilledMonths);
// its next billing is not before that month; the month is kept as its 1st.
func TestContractBillFrom(t *testing.T) {
	f := newConFix(t)
	c := f.activeContract("2025-10-01", func(c *store.Contract) { c.BillFrom = storetest.Date("2026-12-15") })
	if got := store.FormatDate(f.load(c.ID).BillFrom); got != "2026-12-01" {
		t.Errorf("first billing month stored as %s, want 2026-12-01", got)
	}
	if p := f.plan("2026-11"); len(p.Invoices) != 0 {
		t.Errorf("November's run bills %d invoices before the first billing month", len(p.Invoices))
	}
	if p := f.plan("2026-12"); len(p.Invoices) != 1 {
		t.Errorf("December's run bills %d invoices, want 1", len(p.Invoices))
	}
	ss, err := f.st.ContractSummaries(f.ctx, store.ContractFilter{})
	if err != nil || len(ss) != 1 {
		t.Fatalf("summaries %v, %v", ss, err)
	}
	if next := ss[0].NextBilling; next.Before(storetest.Date("2026-12-01")) {
		t.Errorf("next billing %s is before the first billing month", store.FormatDate(next))
	}
}
