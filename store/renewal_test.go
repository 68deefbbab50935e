package store_test

import (
	"fmt"
	"slices"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// A contract needs a decision from NoticeDays before its end date on, and
// until it is renewed or ended.
func TestRenewalsDueAtTheNoticeBoundary(t *testing.T) {
	f := newConFix(t)
	c := f.activeContract("2026-02-01", func(c *store.Contract) {
		c.End, c.RenewalMonths, c.NoticeDays = storetest.Date("2027-01-31"), 12, 30 // decide by 2027-01-01
	})
	auto := f.activeContract("2026-02-01", func(c *store.Contract) {
		c.End, c.AutoRenew, c.RenewalMonths, c.NoticeDays = storetest.Date("2027-01-31"), true, 12, 30
	})
	f.activeContract("2026-02-01")                                                                   // open-ended: never
	f.activeContract("2026-02-01", func(c *store.Contract) { c.End = storetest.Date("2027-06-30") }) // far off
	cases := []struct {
		asOf   string
		want   []int64
		endsIn int
	}{
		{"2026-12-31", nil, 0},                     // NoticeDays + 1 before the end
		{"2027-01-01", []int64{c.ID, auto.ID}, 30}, // NoticeDays before
		{"2027-01-02", []int64{c.ID, auto.ID}, 29}, // NoticeDays − 1 before
		{"2027-01-31", []int64{c.ID, auto.ID}, 0},  // the end date
		{"2027-02-05", []int64{c.ID, auto.ID}, 0},  // past it, still undecided
	}
	for _, tc := range cases {
		due, err := f.st.RenewalsDue(f.ctx, storetest.Date(tc.asOf))
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, s := range due {
			ids = append(ids, s.ID)
			if s.EndsInDays != tc.endsIn {
				t.Errorf("%s: %s ends in %d days, want %d", tc.asOf, s.Number, s.EndsInDays, tc.endsIn)
			}
		}
		if !slices.Equal(ids, tc.want) {
			t.Errorf("%s: due %v, want %v", tc.asOf, ids, tc.want)
		}
		if len(due) == 2 && (due[0].AutoRenew || !due[1].AutoRenew) {
			t.Errorf("%s: AutoRenew %v %v", tc.asOf, due[0].AutoRenew, due[1].AutoRenew)
		}
	}
	// Renewed or ended, it leaves the list.
	if _, err := f.st.RenewContract(f.ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.st.EndContract(f.ctx, auto.ID, storetest.Date("2027-01-31"), "更新しない"); err != nil {
		t.Fatal(err)
	}
	if due, err := f.st.RenewalsDue(f.ctx, storetest.Date("2027-01-15")); err != nil || len(due) != 0 {
		t.Errorf("after the decisions: %v %+v", err, due)
	}
}

func TestRenewContract(t *testing.T) {
	f := newConFix(t)
	cases := []struct {
		end    string
		months int
		want   string
	}{
		{"2027-01-31", 12, "2028-01-31"},
		{"2027-02-28", 1, "2027-03-31"},  // a month's last day stays the last day
		{"2027-11-30", 3, "2028-02-29"},  // into a leap February
		{"2027-01-15", 1, "2027-02-15"},  // another day keeps its number
		{"2027-03-30", 11, "2028-02-29"}, // where the month has it
	}
	for _, tc := range cases {
		c := f.activeContract("2026-02-01", func(c *store.Contract) { c.End, c.RenewalMonths = storetest.Date(tc.end), tc.months })
		r, err := f.st.RenewContract(f.ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if store.FormatDate(r.End) != tc.want || r.Version != c.Version+1 {
			t.Errorf("%s + %d months: %s (version %d), want %s", tc.end, tc.months, store.FormatDate(r.End), r.Version, tc.want)
		}
		hist, err := f.st.ContractRenewals(f.ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(hist) != 1 || store.FormatDate(hist[0].OldEnd) != tc.end || store.FormatDate(hist[0].NewEnd) != tc.want ||
			hist[0].Auto || hist[0].Actor != "tester" {
			t.Errorf("history %+v", hist)
		}
		log, _ := f.st.AuditLog(f.ctx, "contract", fmt.Sprint(c.ID))
		if last := log[len(log)-1]; last.Action != "renew" {
			t.Errorf("audit %+v", last)
		}
	}
	open := f.activeContract("2026-02-01", func(c *store.Contract) { c.RenewalMonths = 12 })
	if _, err := f.st.RenewContract(f.ctx, open.ID); storeError(t, err, store.CodeConflict).Reason != "contract.open_ended" {
		t.Errorf("open-ended: %v", err)
	}
	noTerm := f.activeContract("2026-02-01", func(c *store.Contract) { c.End = storetest.Date("2027-01-31") })
	if _, err := f.st.RenewContract(f.ctx, noTerm.ID); storeError(t, err, store.CodeConflict).Reason != "contract.renew_needs_term" {
		t.Errorf("no term: %v", err)
	}
	draft := f.draftContract("2026-02-01", func(c *store.Contract) { c.End, c.RenewalMonths = storetest.Date("2027-01-31"), 12 })
	if _, err := f.st.RenewContract(f.ctx, draft.ID); storeError(t, err, store.CodeConflict).Reason != "contract.not_active" {
		t.Errorf("draft: %v", err)
	}
}

// An auto-renewing contract renews in the run of the month its term runs
// out (as often as needed), and the run then bills the renewed term.
func TestAutoRenewalInTheRun(t *testing.T) {
	f := newConFix(t)
	c := f.activeContract("2026-01-01", func(c *store.Contract) {
		c.End, c.AutoRenew, c.RenewalMonths, c.NoticeDays = storetest.Date("2026-12-31"), true, 12, 30
	})
	stale := f.activeContract("2024-01-01", func(c *store.Contract) {
		c.End, c.AutoRenew, c.RenewalMonths = storetest.Date("2024-12-31"), true, 12
		c.CustomerID = f.en.ID
	})
	manual := f.activeContract("2026-01-01", func(c *store.Contract) { c.End, c.RenewalMonths = storetest.Date("2026-12-31"), 12 })
	// December still lies within the term: no renewal yet.
	if p := f.plan("2026-12"); len(p.Renewed) != 1 || p.Renewed[0] != stale.Number || len(p.Invoices) != 3 {
		t.Errorf("December: %+v", p)
	}
	jan := f.plan("2027-01")
	if !slices.Equal(jan.Renewed, []string{stale.Number, c.Number}) { // in number order
		t.Errorf("January renews %q", jan.Renewed)
	}
	if got := descriptions(jan); !slices.Equal(got, []string{"保守料 2027年1月分", "保守料, January 2027"}) {
		t.Errorf("January bills %q (not %s, which ended)", got, manual.Number)
	}
	if got := f.load(c.ID).End; got != storetest.Date("2026-12-31") {
		t.Errorf("the plan renewed: end %s", store.FormatDate(got))
	}
	res := f.run("2027-01", true)
	if !slices.Equal(res.Renewed, jan.Renewed) || len(res.Invoices) != 2 {
		t.Errorf("run %+v", res)
	}
	for id, want := range map[int64][]string{c.ID: {"2027-12-31"}, stale.ID: {"2025-12-31", "2026-12-31", "2027-12-31"}} {
		hist, err := f.st.ContractRenewals(f.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var ends []string
		for _, h := range hist {
			if !h.Auto {
				t.Errorf("renewal %+v not marked auto", h)
			}
			ends = append(ends, store.FormatDate(h.NewEnd))
		}
		if !slices.Equal(ends, want) || store.FormatDate(f.load(id).End) != want[len(want)-1] {
			t.Errorf("contract %d renewed to %q, want %q", id, ends, want)
		}
	}
	// Nothing more to renew: the run again does nothing.
	if again := f.run("2027-01", true); len(again.Renewed) != 0 || len(again.Invoices) != 0 || again.AlreadyBilled != 2 {
		t.Errorf("again %+v", again)
	}
}
