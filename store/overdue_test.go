package store_test

import (
	"slices"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

func TestBucketOf(t *testing.T) {
	for days, want := range map[int]string{1: "1-30", 30: "1-30", 31: "31-60", 60: "31-60", 61: "61-90",
		90: "61-90", 91: "90+", 400: "90+"} {
		if got := store.BucketOf(days); got != want {
			t.Errorf("BucketOf(%d) = %s, want %s", days, got, want)
		}
	}
}

// Overdue as of 2026-12-31: invoices due that many days before, at the
// bucket boundaries, plus ones that must not be listed.
func TestOverdueDaysAndBuckets(t *testing.T) {
	f := newPayFix(t)
	asOf := storetest.Date("2026-12-31")
	type want struct {
		days   int
		bucket string
	}
	byID := map[int64]want{}
	for _, tc := range []struct {
		days   int
		bucket string
	}{{1, "1-30"}, {30, "1-30"}, {31, "31-60"}, {60, "31-60"}, {61, "61-90"}, {90, "61-90"}, {91, "90+"}, {200, "90+"}} {
		due := asOf.AddDate(0, 0, -tc.days)
		inv := f.invoice(f.cust, store.FormatDate(due.AddDate(0, 0, -30)), store.FormatDate(due), store.Money(1000+tc.days))
		byID[inv.ID] = want{tc.days, tc.bucket}
	}
	// Not overdue: due on the as-of date, due later, paid in full, closed as a
	// shortfall, credited in full, void; partly paid is overdue for the rest.
	f.invoice(f.cust, "2026-12-01", "2026-12-31", 5000)
	f.invoice(f.cust, "2026-12-01", "2027-01-31", 5000)
	paid := f.invoice(f.cust, "2026-09-01", "2026-09-30", 5000)
	f.allocate(f.pay(f.cust, "2026-10-01", 5000), paid, 5000)
	fee := f.invoice(f.cust, "2026-09-01", "2026-09-30", 5000)
	f.allocate(f.pay(f.cust, "2026-10-01", 4560), fee, 4560)
	if _, err := f.st.CloseShortfall(f.ctx, fee.ID, store.AdjustTransferFee, storetest.Date("2026-10-01")); err != nil {
		t.Fatal(err)
	}
	credited := f.invoice(f.cust, "2026-09-01", "2026-09-30", 5000)
	if _, err := f.creditNote(credited, 5000); err != nil {
		t.Fatal(err)
	}
	void := f.invoice(f.cust, "2026-09-01", "2026-09-30", 5000)
	if err := f.st.Void(f.ctx, void.ID, "誤り"); err != nil {
		t.Fatal(err)
	}
	partly := f.invoice(f.other, "2026-10-01", "2026-10-31", 8000)
	f.allocate(f.pay(f.other, "2026-11-01", 3000), partly, 3000)
	byID[partly.ID] = want{61, "61-90"}

	got, err := f.st.Overdue(f.ctx, asOf.Add(15*time.Hour)) // the time of day does not count
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(byID) {
		t.Fatalf("%d overdue, want %d: %+v", len(got), len(byID), got)
	}
	for i, o := range got {
		w, ok := byID[o.InvoiceID]
		if !ok {
			t.Errorf("%s (due %s) listed", o.Number, store.FormatDate(o.DueDate))
			continue
		}
		if o.DaysOverdue != w.days || o.Bucket != w.bucket {
			t.Errorf("%s: %d days, %s; want %d, %s", o.Number, o.DaysOverdue, o.Bucket, w.days, w.bucket)
		}
		if o.Status(asOf) != store.BalanceOverdue {
			t.Errorf("%s: status %s", o.Number, o.Status(asOf))
		}
		if i > 0 && got[i-1].DaysOverdue < o.DaysOverdue {
			t.Errorf("not the most overdue first: %d before %d", got[i-1].DaysOverdue, o.DaysOverdue)
		}
	}
	// Partly paid and listed for what is open; the person in charge comes along.
	for _, o := range got {
		if o.InvoiceID == partly.ID && (o.Open != 5000 || o.Paid != 3000 || o.CustomerCode != "C0002") {
			t.Errorf("partly paid: %+v", o)
		}
		if o.CustomerID == f.cust.ID && o.PersonInCharge != f.cust.PersonInCharge {
			t.Errorf("person in charge %q", o.PersonInCharge)
		}
	}
	// Not yet due on the as-of date: the invoice due that day and the one due
	// later (5,000 each); as of a day before the later one was issued, only
	// the invoices issued by then count.
	if open, n, err := f.st.NotDue(f.ctx, asOf); err != nil || open != 10000 || n != 2 {
		t.Errorf("not due as of %s: %d in %d invoices (%v), want 10,000 in 2", store.FormatDate(asOf), open, n, err)
	}
	// As of 2026-11-30: the invoices 1, 30 and 31 days overdue on 12-31 (due
	// 12-30, 12-01 and 11-30, issued 30 days before); not those of December.
	if open, n, err := f.st.NotDue(f.ctx, storetest.Date("2026-11-30")); err != nil || open != 1001+1030+1031 || n != 3 {
		t.Errorf("not due as of 2026-11-30: %d in %d invoices (%v), want 3,062 in 3", open, n, err)
	}
	// The day before the first due date, nothing is overdue but what was already.
	early, err := f.st.Overdue(f.ctx, asOf.AddDate(0, 0, -200))
	if err != nil || len(early) != 0 {
		t.Errorf("as of 200 days earlier: %d overdue (%v)", len(early), err)
	}
}

func TestAging(t *testing.T) {
	item := func(cust int64, code string, days int, open store.Money) store.OverdueInvoice {
		return store.OverdueInvoice{InvoiceBalance: store.InvoiceBalance{CustomerID: cust, CustomerCode: code,
			CustomerName: "name " + code, PersonInCharge: "担当 " + code, Open: open}, DaysOverdue: days, Bucket: store.BucketOf(days)}
	}
	items := []store.OverdueInvoice{
		item(1, "C0001", 120, 5000), item(2, "C0002", 95, 1000), item(1, "C0001", 45, 3000),
		item(3, "C0003", 30, 9000), item(2, "C0002", 1, 1000), item(1, "C0001", 61, 700),
	}
	a := store.Aging(items)
	wantBuckets := map[string]store.Money{"1-30": 10000, "31-60": 3000, "61-90": 700, "90+": 6000}
	wantCounts := map[string]int{"1-30": 2, "31-60": 1, "61-90": 1, "90+": 2}
	for _, b := range store.AgingBuckets {
		if a.Buckets[b] != wantBuckets[b] || a.Counts[b] != wantCounts[b] {
			t.Errorf("bucket %s: %d in %d, want %d in %d", b, a.Buckets[b], a.Counts[b], wantBuckets[b], wantCounts[b])
		}
	}
	var sum store.Money
	var n int
	for _, b := range store.AgingBuckets {
		sum += a.Buckets[b]
		n += a.Counts[b]
	}
	if a.Total != 19700 || sum != a.Total || a.Count != 6 || n != a.Count {
		t.Errorf("total %d (buckets %d), count %d (buckets %d)", a.Total, sum, a.Count, n)
	}
	var codes []string
	var custSum store.Money
	for _, c := range a.ByCustomer {
		codes = append(codes, c.Code)
		custSum += c.Total
	}
	if !slices.Equal(codes, []string{"C0003", "C0001", "C0002"}) || custSum != a.Total {
		t.Errorf("by customer %v (sum %d)", codes, custSum)
	}
	c1 := a.ByCustomer[1]
	if c1 != (store.CustomerAging{CustomerID: 1, Code: "C0001", Name: "name C0001", PersonInCharge: "担当 C0001",
		Total: 8700, Count: 3, Oldest: 120}) {
		t.Errorf("C0001: %+v", c1)
	}
	// Nothing overdue: every bucket present and zero.
	empty := store.Aging(nil)
	if len(empty.Buckets) != 4 || len(empty.Counts) != 4 || empty.Total != 0 || len(empty.ByCustomer) != 0 {
		t.Errorf("empty: %+v", empty)
	}
}

// Aging of the store's own list adds up to the open amounts it lists.
func TestAgingOfOverdueAddsUp(t *testing.T) {
	f := newPayFix(t)
	for i, c := range []store.Customer{f.cust, f.other, f.cust, f.other, f.cust} {
		due := storetest.Date("2026-11-19").AddDate(0, 0, -25*i)
		inv := f.invoice(c, store.FormatDate(due.AddDate(0, 0, -20)), store.FormatDate(due), store.Money(10000*(i+1)))
		if i%2 == 0 {
			f.allocate(f.pay(c, "2026-11-01", 1234), inv, 1234)
		}
	}
	items, err := f.st.Overdue(f.ctx, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	a := store.Aging(items)
	var open store.Money
	for _, it := range items {
		open += it.Open
	}
	if len(items) != 5 || a.Total != open || a.Total != 150000-3*1234 {
		t.Errorf("%d items, aging total %d, open %d", len(items), a.Total, open)
	}
}
