package store_test

import (
	"reflect"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// Receivables is the overdue list, its aging and what is not yet due, read
// together: each part equals what the single reads give, and the total is
// every open invoice issued by the day.
func TestReceivables(t *testing.T) {
	f := newPayFix(t)
	asOf := storetest.Date("2026-12-31")
	f.invoice(f.cust, "2026-09-01", "2026-09-30", 1000)  // 92 days overdue
	f.invoice(f.other, "2026-11-01", "2026-11-30", 2000) // 31 days overdue
	f.invoice(f.cust, "2026-12-01", "2026-12-31", 4000)  // due on the day: not due
	f.invoice(f.other, "2026-12-10", "2027-01-31", 8000) // not due
	partly := f.invoice(f.cust, "2026-10-01", "2026-10-31", 16000)
	f.allocate(f.pay(f.cust, "2026-11-01", 6000), partly, 6000)
	f.invoice(f.cust, "2027-01-05", "2027-02-28", 32000) // issued after the day: not counted

	r, err := f.st.Receivables(f.ctx, asOf)
	if err != nil {
		t.Fatal(err)
	}
	overdue, err := f.st.Overdue(f.ctx, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.Overdue, overdue) {
		t.Errorf("Overdue differs from the single read:\n%+v\n%+v", r.Overdue, overdue)
	}
	if !reflect.DeepEqual(r.Aging, store.Aging(overdue)) {
		t.Errorf("Aging = %+v, want the aging of the overdue list", r.Aging)
	}
	notDue, n, err := f.st.NotDue(f.ctx, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if r.NotDue != notDue || r.NotDueCount != n {
		t.Errorf("NotDue = %d (%d), want %d (%d)", r.NotDue, r.NotDueCount, notDue, n)
	}
	for _, c := range []struct {
		name      string
		got, want int64
	}{
		{"overdue", int64(r.Aging.Total), 1000 + 2000 + 10000},
		{"not due", int64(r.NotDue), 4000 + 8000},
		{"total", int64(r.Total()), 1000 + 2000 + 10000 + 4000 + 8000},
		{"count", int64(r.Count()), 5},
	} {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	if !r.AsOf.Equal(asOf) {
		t.Errorf("AsOf = %v, want %v", r.AsOf, asOf)
	}
}
