package demo

import (
	"context"
	"slices"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// The small demo's contracts show every kind the Contracts screen and the
// billing run must handle, as of the reference date.
func TestSmallDemoContracts(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	added, err := Add(ctx, st, Small)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := st.ContractSummaries(ctx, store.ContractFilter{Today: Reference})
	if err != nil {
		t.Fatal(err)
	}
	if added.Contracts != len(ss) || len(ss) != 11 {
		t.Fatalf("added %d contracts, %d in the database; want 11", added.Contracts, len(ss))
	}
	customers, _ := st.Customers(ctx)
	archived := map[int64]bool{}
	for _, c := range customers {
		archived[c.ID] = c.Archived
	}
	seen := map[string]int{}
	count := func(what string, ok bool) {
		if ok {
			seen[what]++
		}
	}
	monthlyCustomers := map[int64]bool{}
	for _, s := range ss {
		k, err := st.Contract(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if archived[k.CustomerID] {
			t.Errorf("%s %s is for an archived customer", k.Number, k.Title)
		}
		if (k.Status == store.ContractDraft) != (k.Number == "") {
			t.Errorf("contract %d: status %s, number %q", k.ID, k.Status, k.Number)
		}
		active := k.Status == store.ContractActive
		if active && k.Cycle == store.CycleMonthly {
			monthlyCustomers[k.CustomerID] = true
		}
		count("yearly", active && k.Cycle == store.CycleYearly)
		count("every 3 months", active && k.Cycle == store.CycleEveryN && k.CycleMonths == 3)
		count("pro-rated from mid-month", active && k.ProRate && k.Start.Day() != 1)
		count("in arrears", active && !k.InAdvance)
		count("open-ended", active && k.End.IsZero())
		count("auto-renewing", active && k.AutoRenew)
		count("cancelled with a reason", k.Status == store.ContractCancelled && k.CancelReason != "")
		count("draft", k.Status == store.ContractDraft)
		count("price change", slices.ContainsFunc(k.Lines, func(l store.ContractLine) bool { return len(l.Prices) > 1 }))
		count("reduced rate", slices.ContainsFunc(k.Lines, func(l store.ContractLine) bool { return l.TaxCategory == store.TaxReduced }))
		for _, m := range store.ContractPaymentMethods {
			count("paid by "+m, active && k.PaymentMethod == m)
		}
		if active && !k.End.IsZero() && k.End.Sub(Reference) <= time.Duration(k.NoticeDays)*24*time.Hour {
			count("in its notice period", true)
			count("ending soon without renewing itself", !k.AutoRenew)
		}
	}
	for _, want := range []string{"yearly", "every 3 months", "pro-rated from mid-month", "in arrears", "open-ended",
		"auto-renewing", "cancelled with a reason", "draft", "price change", "reduced rate", "in its notice period",
		"ending soon without renewing itself", "paid by bank_transfer", "paid by direct_debit", "paid by card",
		"paid by cash"} {
		if seen[want] == 0 {
			t.Errorf("no contract is %q (seen %v)", want, seen)
		}
	}
	if len(monthlyCustomers) < 4 {
		t.Errorf("monthly contracts for %d customers, want several", len(monthlyCustomers))
	}

	// On the reference date the renewals list has the one ending at the
	// year's end and the one renewing itself at the month's end.
	due, err := st.RenewalsDue(ctx, Reference)
	if err != nil {
		t.Fatal(err)
	}
	var ends []string
	for _, s := range due {
		ends = append(ends, store.FormatDate(s.End))
	}
	if !slices.Equal(ends, []string{"2026-11-30", "2026-12-31"}) {
		t.Errorf("renewals due on %s end %v, want 2026-11-30 and 2026-12-31", store.FormatDate(Reference), ends)
	}

	// December's run: it renews the one whose term runs out, pro-rates the
	// one starting mid-month, and bills the English customer in English.
	plan, err := st.PlanBilling(ctx, store.DateOf(2026, 12, 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Renewed) != 1 || len(plan.Invoices) != 7 {
		t.Errorf("December's plan: %d invoices, renewals %v; want 7 and one", len(plan.Invoices), plan.Renewed)
	}
	var lines []string
	for _, inv := range plan.Invoices {
		for _, l := range inv.Lines {
			lines = append(lines, l.Description)
		}
	}
	for _, want := range []string{"複合機保守（月額） 2026年12月分 (12/14〜12/31 18日分)", "Cloud hosting (monthly), December 2026"} {
		if !slices.Contains(lines, want) {
			t.Errorf("December's plan has no line %q: %q", want, lines)
		}
	}
}

// The large demo adds its active contracts (as many as asked for) on top of
// the story's, numbered without gaps.
func TestLargeDemoContracts(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 customers: skipped with -short")
	}
	fewerLargeInvoices(t)
	ctx := context.Background()
	st := storetest.Open(t)
	start := time.Now()
	added, err := Add(ctx, st, Large)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("large demo with %d invoices and %d contracts: %v", largeInvoices, largeContracts, time.Since(start))
	active, err := st.ContractSummaries(ctx, store.ContractFilter{Status: store.ContractActive, Today: Reference})
	if err != nil {
		t.Fatal(err)
	}
	const storyActive, storyAll = 9, 11
	if len(active) != largeContracts+storyActive || added.Contracts != largeContracts+storyAll {
		t.Fatalf("%d active contracts (added %d), want %d + the story's %d", len(active), added.Contracts,
			largeContracts, storyActive)
	}
	var n, lo, hi int
	if err := st.DB().QueryRow(`SELECT count(*), min(seq), max(seq) FROM contracts WHERE fiscal_year = 2025`).Scan(&n, &lo, &hi); err != nil {
		t.Fatal(err)
	}
	if n == 0 || lo != 1 || hi != n {
		t.Errorf("fiscal 2025's contracts: %d numbered %d…%d", n, lo, hi)
	}
	cycles := map[string]int{}
	for _, s := range active {
		cycles[s.Cycle]++
		if s.MonthlyValue <= 0 {
			t.Errorf("%s: monthly value %d", s.Number, s.MonthlyValue)
		}
	}
	if cycles[store.CycleMonthly] == 0 || cycles[store.CycleYearly] == 0 || cycles[store.CycleEveryN] == 0 {
		t.Errorf("cycles %v", cycles)
	}
}
