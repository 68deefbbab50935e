package store

import (
	"testing"
	"time"
)

func TestClosingAndDue(t *testing.T) {
	const (
		keep = HolidayKeep
		prev = HolidayPrevious
		next = HolidayNext
	)
	tests := []struct {
		name               string
		terms              PaymentTerms
		date, closing, due string
	}{
		// The worked example of ARCHITECTURE.md §4: 20日締め翌月10日払い.
		{"example next", PaymentTerms{20, 1, 10, next}, "2026-11-25", "2026-12-20", "2027-01-12"}, // 1/10 Sun, 1/11 成人の日
		{"example keep", PaymentTerms{20, 1, 10, keep}, "2026-11-25", "2026-12-20", "2027-01-10"},
		{"example previous", PaymentTerms{20, 1, 10, prev}, "2026-11-25", "2026-12-20", "2027-01-08"}, // 1/9 Sat
		{"unset rule is next", PaymentTerms{20, 1, 10, ""}, "2026-11-25", "2026-12-20", "2027-01-12"},

		// Closing day after the date, on it, and just past it.
		{"closing after date", PaymentTerms{20, 1, 10, keep}, "2026-11-10", "2026-11-20", "2026-12-10"},
		{"date on closing day", PaymentTerms{20, 1, 10, keep}, "2026-11-20", "2026-11-20", "2026-12-10"},
		{"day after closing day", PaymentTerms{20, 1, 10, keep}, "2026-11-21", "2026-12-20", "2027-01-10"},
		{"first of month", PaymentTerms{20, 1, 10, keep}, "2026-11-01", "2026-11-20", "2026-12-10"},
		{"past closing in December", PaymentTerms{25, 1, 31, keep}, "2026-12-26", "2027-01-25", "2027-02-28"},

		// 月末締め翌月末払い and month ends.
		{"月末締め翌月末払い", PaymentTerms{MonthEnd, 1, MonthEnd, keep}, "2026-11-10", "2026-11-30", "2026-12-31"},
		{"月末 closes in February", PaymentTerms{MonthEnd, 1, MonthEnd, keep}, "2026-02-05", "2026-02-28", "2026-03-31"},
		{"月末 closes on Feb 29", PaymentTerms{MonthEnd, 1, MonthEnd, keep}, "2028-02-29", "2028-02-29", "2028-03-31"},
		{"paid on Feb 29 (leap)", PaymentTerms{MonthEnd, 1, MonthEnd, keep}, "2028-01-15", "2028-01-31", "2028-02-29"},
		{"paid on Feb 28 (2100 not leap)", PaymentTerms{MonthEnd, 1, MonthEnd, keep}, "2100-01-15", "2100-01-31", "2100-02-28"},
		{"2100 not leap, next", PaymentTerms{MonthEnd, 1, MonthEnd, next}, "2100-01-15", "2100-01-31", "2100-03-01"}, // 2/28 Sun
		{"closes on Feb 28 (2100)", PaymentTerms{MonthEnd, 0, MonthEnd, keep}, "2100-02-10", "2100-02-28", "2100-03-31"},
		{"月末 closes in a 30-day month", PaymentTerms{MonthEnd, 1, 15, keep}, "2026-04-30", "2026-04-30", "2026-05-15"},
		{"月末 on the 30th of a 31-day month", PaymentTerms{MonthEnd, 1, 15, keep}, "2026-05-30", "2026-05-31", "2026-06-15"},
		{"paid at end of a 30-day month", PaymentTerms{20, 1, MonthEnd, keep}, "2026-03-25", "2026-04-20", "2026-05-31"},
		{"paid at end of a 30-day month 2", PaymentTerms{20, 1, MonthEnd, keep}, "2026-03-15", "2026-03-20", "2026-04-30"},
		{"two months deferred to February", PaymentTerms{MonthEnd, 2, MonthEnd, keep}, "2026-12-15", "2026-12-31", "2027-02-28"},
		{"three months deferred", PaymentTerms{MonthEnd, 3, 10, keep}, "2026-11-30", "2026-11-30", "2027-02-10"},
		{"year end closing", PaymentTerms{MonthEnd, 1, MonthEnd, keep}, "2027-12-31", "2027-12-31", "2028-01-31"},
		{"closing 28 in February", PaymentTerms{28, 1, 28, keep}, "2026-02-28", "2026-02-28", "2026-03-28"},
		{"past closing 28 in a leap February", PaymentTerms{28, 1, 28, keep}, "2028-02-29", "2028-03-28", "2028-04-28"},

		// Months deferred 0: a payment day not after the closing date moves a month on.
		{"(20,0,10) not after closing", PaymentTerms{20, 0, 10, keep}, "2026-11-15", "2026-11-20", "2026-12-10"},
		{"(20,0,25) same month", PaymentTerms{20, 0, 25, keep}, "2026-11-15", "2026-11-20", "2026-11-25"},
		{"(10,0,10) equal is not after", PaymentTerms{10, 0, 10, keep}, "2026-11-10", "2026-11-10", "2026-12-10"},
		{"(31,0,31) equal is not after", PaymentTerms{MonthEnd, 0, MonthEnd, keep}, "2026-04-10", "2026-04-30", "2026-05-31"},
		{"(20,0,20) equal is not after", PaymentTerms{20, 0, 20, keep}, "2026-12-20", "2026-12-20", "2027-01-20"},

		// Golden Week.
		{"GW 5/3 next", PaymentTerms{20, 1, 3, next}, "2027-03-25", "2027-04-20", "2027-05-06"},
		{"GW 5/4 next", PaymentTerms{20, 1, 4, next}, "2027-03-25", "2027-04-20", "2027-05-06"},
		{"GW 5/5 next", PaymentTerms{20, 1, 5, next}, "2027-03-25", "2027-04-20", "2027-05-06"},
		{"GW 5/5 previous", PaymentTerms{20, 1, 5, prev}, "2027-03-25", "2027-04-20", "2027-04-30"}, // 4/29 昭和の日 too
		{"GW 5/5 keep", PaymentTerms{20, 1, 5, keep}, "2027-03-25", "2027-04-20", "2027-05-05"},
		{"GW 2026 振替休日 next", PaymentTerms{20, 1, 6, next}, "2026-03-25", "2026-04-20", "2026-05-07"},
		{"GW 2026 振替休日 previous", PaymentTerms{20, 1, 6, prev}, "2026-03-25", "2026-04-20", "2026-05-01"},

		// New Year bank holidays (Dec 31 – Jan 3).
		{"Dec 31 next", PaymentTerms{MonthEnd, 1, MonthEnd, next}, "2026-11-10", "2026-11-30", "2027-01-04"},
		{"Dec 31 previous", PaymentTerms{MonthEnd, 1, MonthEnd, prev}, "2026-11-10", "2026-11-30", "2026-12-30"},
		{"Jan 2 weekday next", PaymentTerms{20, 1, 2, next}, "2028-11-25", "2028-12-20", "2029-01-04"},
		{"Jan 3 weekday previous", PaymentTerms{20, 1, 3, prev}, "2028-11-25", "2028-12-20", "2028-12-29"},
		{"default customer", NewCustomer().Terms(), "2026-11-26", "2026-11-30", "2027-01-04"},

		// Substitute holidays and 国民の休日.
		{"振替休日 2025-11-24 next", PaymentTerms{20, 1, 24, next}, "2025-10-10", "2025-10-20", "2025-11-25"},
		{"振替休日 2025-11-24 previous", PaymentTerms{20, 1, 24, prev}, "2025-10-10", "2025-10-20", "2025-11-21"},
		{"振替休日 2026-05-06 keep", PaymentTerms{20, 1, 6, keep}, "2026-03-25", "2026-04-20", "2026-05-06"},
		{"国民の休日 2026-09-22 next", PaymentTerms{20, 1, 22, next}, "2026-08-10", "2026-08-20", "2026-09-24"},
		{"国民の休日 2026-09-22 previous", PaymentTerms{20, 1, 22, prev}, "2026-08-10", "2026-08-20", "2026-09-18"},

		// Weekends.
		{"Saturday previous", PaymentTerms{20, 1, 10, prev}, "2026-08-25", "2026-09-20", "2026-10-09"},
		{"Saturday next (Monday is スポーツの日)", PaymentTerms{20, 1, 10, next}, "2026-08-25", "2026-09-20", "2026-10-13"},
		{"Saturday keep", PaymentTerms{20, 1, 10, keep}, "2026-08-25", "2026-09-20", "2026-10-10"},
		{"Sunday month end next", PaymentTerms{20, 1, MonthEnd, next}, "2026-04-15", "2026-04-20", "2026-06-01"}, // 5/31 Sun
		{"Sunday month end previous", PaymentTerms{20, 1, MonthEnd, prev}, "2026-04-15", "2026-04-20", "2026-05-29"},
		{"business day unchanged", PaymentTerms{MonthEnd, 1, MonthEnd, next}, "2026-02-05", "2026-02-28", "2026-03-31"},
	}
	for _, tt := range tests {
		closing, due := tt.terms.ClosingAndDue(day(t, tt.date))
		if FormatDate(closing) != tt.closing || FormatDate(due) != tt.due {
			t.Errorf("%s: %+v.ClosingAndDue(%s) = %s, %s; want %s, %s", tt.name, tt.terms, tt.date,
				FormatDate(closing), FormatDate(due), tt.closing, tt.due)
		}
		if closing != DateOf(closing.Date()) || due != DateOf(due.Date()) {
			t.Errorf("%s: results are not 00:00 UTC dates: %v, %v", tt.name, closing, due)
		}
	}
}

func TestClosingAndDueIgnoresClock(t *testing.T) {
	// Only the calendar day of the input counts, whatever its zone or time.
	tokyo := time.FixedZone("JST", 9*3600)
	in := time.Date(2026, 11, 25, 23, 59, 0, 0, tokyo)
	closing, due := PaymentTerms{20, 1, 10, HolidayNext}.ClosingAndDue(in)
	if FormatDate(closing) != "2026-12-20" || FormatDate(due) != "2027-01-12" || closing.Location() != time.UTC {
		t.Errorf("ClosingAndDue(%v) = %v, %v", in, closing, due)
	}
}

func TestDueCustomerTerms(t *testing.T) {
	c := Customer{ClosingDay: 20, MonthsDeferred: 1, PaymentDay: 10, HolidayRule: HolidayPrevious}
	if got, want := c.Terms(), (PaymentTerms{20, 1, 10, HolidayPrevious}); got != want {
		t.Errorf("Terms() = %+v, want %+v", got, want)
	}
	if got, want := NewCustomer().Terms(), (PaymentTerms{MonthEnd, 1, MonthEnd, HolidayNext}); got != want {
		t.Errorf("NewCustomer().Terms() = %+v, want 月末締め翌月末払い %+v", got, want)
	}
}

// TestClosingAndDueProperties runs every valid combination of terms over two
// years of dates and checks what §4 promises whatever the terms: the cycle
// closes on or after the date and within a month, on the closing day (or the
// month's last day); the unadjusted due date is after the closing date, in
// the deferred month or the one after; the holiday rules land on business
// days and move the date the right way.
func TestClosingAndDueProperties(t *testing.T) {
	days := []int{1, 5, 10, 15, 20, 25, 28, MonthEnd}
	start, end := DateOf(2027, time.January, 1), DateOf(2029, time.January, 1)
	if testing.Short() {
		end = DateOf(2027, time.April, 1)
	}
	for _, cd := range days {
		for md := 0; md <= 3; md++ {
			for _, pd := range days {
				for date := start; date.Before(end); date = date.AddDate(0, 0, 1) {
					checkTerms(t, cd, md, pd, date)
				}
			}
		}
	}
}

func monthIndex(d time.Time) int { return d.Year()*12 + int(d.Month()) - 1 }

func checkTerms(t *testing.T, cd, md, pd int, date time.Time) {
	t.Helper()
	closing, raw := PaymentTerms{cd, md, pd, HolidayKeep}.ClosingAndDue(date)
	fail := func(what string) {
		t.Fatalf("(%d,%d,%d) %s: closing %s due %s: %s", cd, md, pd, FormatDate(date),
			FormatDate(closing), FormatDate(raw), what)
	}
	if closing.Before(date) || !closing.Before(date.AddDate(0, 1, 1)) {
		fail("closing not within a month on or after the date")
	}
	wantClose := cd
	if last := MonthEndOf(closing.Year(), closing.Month()).Day(); wantClose > last {
		wantClose = last
	}
	if closing.Day() != wantClose {
		fail("closing not on the closing day")
	}
	if !raw.After(closing) {
		fail("due not after closing")
	}
	if k := monthIndex(raw) - monthIndex(closing); k != md && k != md+1 {
		fail("due not in the deferred month or the one after")
	}
	_, next := PaymentTerms{cd, md, pd, HolidayNext}.ClosingAndDue(date)
	prevSched := PaymentTerms{cd, md, pd, HolidayPrevious}.Schedule(date, date)
	prev := prevSched.Due
	if prevSched.Moved == DueForward {
		// Back would reach the closing date: forward instead, as next does.
		if prev != next || PreviousBusinessDay(raw).After(closing) {
			fail("moved forward needlessly")
		}
		prev = raw // for the distance check below
	}
	if !IsBusinessDay(next) || !IsBusinessDay(prevSched.Due) || next.Before(raw) || prev.After(raw) {
		fail("holiday rule")
	}
	if IsBusinessDay(raw) && (next != raw || prev != raw) {
		fail("a business day moved")
	}
	if next.Sub(raw) > 10*24*time.Hour || raw.Sub(prev) > 10*24*time.Hour {
		fail("moved more than ten days")
	}
}

func BenchmarkClosingAndDue(b *testing.B) {
	terms := PaymentTerms{20, 1, 10, HolidayNext}
	d := DateOf(2026, time.November, 25)
	for b.Loop() {
		terms.ClosingAndDue(d)
	}
}
