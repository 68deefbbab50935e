package store_test

import (
	"testing"
	"time"

	"daicho/store"
)

// TestReceivableBalancesOnGeneratedLedger runs the as-of simulation's ledger
// (invoices, payments allocated late, reversals, credit notes, shortfalls,
// voids) for a year, then reads the balances report for many periods: its
// closing total is the sum of open amounts as of its end (Receivables), its
// previous total that as of the day before its start, every row adds up,
// and one period's closing balance per customer is the next period's
// previous balance.
func TestReceivableBalancesOnGeneratedLedger(t *testing.T) {
	start := store.DateOf(2026, 1, 1)
	sim := newSim(t, start)
	end := start.AddDate(1, 0, 0)
	if testing.Short() {
		end = start.AddDate(0, 4, 0)
	}
	for day := start; day.Before(end); day = day.AddDate(0, 0, 1) {
		sim.live(day)
	}
	receivables := func(day time.Time) store.Money {
		t.Helper()
		r, err := sim.st.Receivables(sim.ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		return r.Total()
	}
	periods := [][2]time.Time{{start, end}}
	for from := start.AddDate(0, -1, 0); from.Before(end.AddDate(0, 1, 0)); from = from.AddDate(0, 1, 0) {
		periods = append(periods, [2]time.Time{from, from.AddDate(0, 1, -1)}) // every month, one before and after
	}
	for range 20 {
		a, b := start.AddDate(0, 0, sim.rng.IntN(400)), start.AddDate(0, 0, sim.rng.IntN(400))
		if b.Before(a) {
			a, b = b, a
		}
		periods = append(periods, [2]time.Time{a, b})
	}
	var prevRows map[int64]store.Money // the last month's closing per customer
	for i, p := range periods {
		rep, err := sim.st.ReceivableBalances(sim.ctx, p[0], p[1])
		if err != nil {
			t.Fatal(err)
		}
		name := store.FormatDate(p[0]) + "–" + store.FormatDate(p[1])
		if want := receivables(p[1]); rep.Total.Closing != want {
			t.Errorf("%s: closing total %d, open as of the end %d", name, rep.Total.Closing, want)
		}
		if want := receivables(p[0].AddDate(0, 0, -1)); rep.Total.Previous != want {
			t.Errorf("%s: previous total %d, open the day before %d", name, rep.Total.Previous, want)
		}
		var sum store.BalanceRow
		for _, r := range rep.Rows {
			if r.Closing != r.Previous+r.Invoiced-r.Received-r.Adjusted {
				t.Errorf("%s: %s does not add up: %+v", name, r.Code, r)
			}
			sum.Previous += r.Previous
			sum.Closing += r.Closing
		}
		if sum.Previous != rep.Total.Previous || sum.Closing != rep.Total.Closing {
			t.Errorf("%s: rows sum to %+v, total %+v", name, sum, rep.Total)
		}
		// Consecutive months: this month's previous is last month's closing.
		isMonth := i >= 1 && p[0].Day() == 1 && p[1].AddDate(0, 0, 1).Day() == 1 && i <= len(periods)-21
		if isMonth && prevRows != nil {
			now := map[int64]store.Money{}
			for _, r := range rep.Rows {
				now[r.CustomerID] = r.Previous
			}
			for id, closing := range prevRows {
				if now[id] != closing {
					t.Errorf("%s: customer %d starts at %d, last month closed at %d", name, id, now[id], closing)
				}
			}
		}
		if isMonth {
			prevRows = map[int64]store.Money{}
			for _, r := range rep.Rows {
				if r.Closing != 0 {
					prevRows[r.CustomerID] = r.Closing
				}
			}
		}
	}
	if rep, _ := sim.st.ReceivableBalances(sim.ctx, start, end); rep.Total.Invoiced == 0 || rep.Total.Received == 0 ||
		rep.Total.Adjusted == 0 || len(rep.Rows) < 2 {
		t.Errorf("the generated ledger is too thin to test: %+v", rep.Total)
	}

	_, err := sim.st.ReceivableBalances(sim.ctx, end, start)
	if e, ok := store.AsError(err); !ok || e.Field != "to" {
		t.Errorf("to before from: %v", err)
	}
}
