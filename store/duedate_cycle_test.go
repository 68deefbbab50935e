package store

import (
	"testing"
	"time"
)

// "Previous" never moves a due date onto or before the cycle's closing date
// or the issue date (ARCHITECTURE.md §4): there it moves forward to the
// next business day, and the schedule says so.
func TestScheduleForwardWherePreviousWouldPassTheClosing(t *testing.T) {
	tests := []struct {
		name              string
		terms             PaymentTerms
		date, issued      string
		closing, pay, due string
		moved             string
	}{
		// 月末締め翌月5日払い, previous: 2025-01-05 is a Sunday, 01-04 a
		// Saturday, 01-01…03 and 12-31 bank holidays: the business day before
		// is 2024-12-30, before the closing date. Forward: 2025-01-06.
		{"31 December", PaymentTerms{MonthEnd, 0, 5, HolidayPrevious}, "2024-12-31", "2024-12-31",
			"2024-12-31", "2025-01-05", "2025-01-06", DueForward},
		{"31 December, next", PaymentTerms{MonthEnd, 0, 5, HolidayNext}, "2024-12-31", "2024-12-31",
			"2024-12-31", "2025-01-05", "2025-01-06", DueNext},
		{"31 December, keep", PaymentTerms{MonthEnd, 0, 5, HolidayKeep}, "2024-12-31", "2024-12-31",
			"2024-12-31", "2025-01-05", "2025-01-05", DueKept},
		// The worked example: previous moves back to Friday, well after the closing.
		{"example previous", PaymentTerms{20, 1, 10, HolidayPrevious}, "2026-11-25", "2026-11-25",
			"2026-12-20", "2027-01-10", "2027-01-08", DuePrevious},
		{"example next", PaymentTerms{20, 1, 10, HolidayNext}, "2026-11-25", "2026-11-25",
			"2026-12-20", "2027-01-10", "2027-01-12", DueNext},
		{"business day", PaymentTerms{20, 1, 10, HolidayPrevious}, "2026-11-10", "2026-11-10",
			"2026-11-20", "2026-12-10", "2026-12-10", DueKept},
		// An invoice issued after its cycle closed (a closing invoice dated
		// later): previous would land on the issue date itself, so forward.
		// (20, 0, 25): cycle 2026-04-20, paid 04-25 (Saturday); previous is
		// 04-24, the issue date.
		{"issued after the closing", PaymentTerms{20, 0, 25, HolidayPrevious}, "2026-04-20", "2026-04-24",
			"2026-04-20", "2026-04-25", "2026-04-27", DueForward},
	}
	for _, tt := range tests {
		s := tt.terms.Schedule(day(t, tt.date), day(t, tt.issued))
		if FormatDate(s.Closing) != tt.closing || FormatDate(s.Payment) != tt.pay || FormatDate(s.Due) != tt.due || s.Moved != tt.moved {
			t.Errorf("%s: %+v.Schedule(%s, %s) = %s %s %s %q; want %s %s %s %q", tt.name, tt.terms, tt.date, tt.issued,
				FormatDate(s.Closing), FormatDate(s.Payment), FormatDate(s.Due), s.Moved, tt.closing, tt.pay, tt.due, tt.moved)
		}
	}
}

// No invoice is ever un-issuable because of its customer's terms: for every
// valid combination of terms and every holiday rule, an invoice issued on
// any day (or on up to a week after its closing date, as closing invoices
// often are) gets a due date after its cycle's closing date, not before its
// issue date, on a business day unless the rule keeps the date.
func TestScheduleNeverBeforeClosingOrIssue(t *testing.T) {
	days := []int{1, 4, 5, 10, 15, 20, 25, 28, MonthEnd}
	rules := []string{HolidayKeep, HolidayPrevious, HolidayNext}
	// A year and its turn (2025-01-05 is a Sunday after the bank holidays),
	// and another turn where the 4th and 5th are a weekend.
	windows := [][2]time.Time{{DateOf(2024, time.December, 1), DateOf(2026, time.January, 10)},
		{DateOf(2030, time.December, 1), DateOf(2031, time.January, 10)}}
	if testing.Short() {
		windows = windows[:1]
		windows[0][1] = DateOf(2025, time.January, 10)
	}
	forward := 0
	for _, cd := range days {
		for md := 0; md <= 3; md++ {
			for _, pd := range days {
				for _, rule := range rules {
					terms := PaymentTerms{cd, md, pd, rule}
					for _, w := range windows {
						for date := w[0]; date.Before(w[1]); date = date.AddDate(0, 0, 1) {
							checkSchedule(t, terms, date, &forward)
						}
					}
				}
			}
		}
	}
	if forward == 0 {
		t.Error("no schedule moved forward: the test does not reach the rule")
	}
}

func checkSchedule(t *testing.T, terms PaymentTerms, date time.Time, forward *int) {
	t.Helper()
	s := terms.Schedule(date, date)
	if !s.Due.After(s.Closing) || s.Due.Before(date) || (terms.HolidayRule != HolidayKeep && !IsBusinessDay(s.Due)) ||
		(s.Moved == DuePrevious && !s.Due.After(date)) {
		t.Fatalf("%+v issued %s: closing %s due %s (%s)", terms, FormatDate(date),
			FormatDate(s.Closing), FormatDate(s.Due), s.Moved)
	}
	if s.Moved == DueForward {
		*forward++
	}
	// A closing invoice issued a few days after its closing date.
	for late := 1; late <= 7; late++ {
		issued := s.Closing.AddDate(0, 0, late)
		if issued.After(s.Payment) {
			break // issued after its payment day: late by the bookkeeper, not the terms
		}
		l := terms.Schedule(s.Closing, issued)
		if l.Closing != s.Closing || l.Due.Before(issued) || (l.Moved == DuePrevious && !l.Due.After(issued)) {
			t.Fatalf("%+v closing %s issued %s: due %s (%s)", terms, FormatDate(s.Closing),
				FormatDate(issued), FormatDate(l.Due), l.Moved)
		}
	}
}
