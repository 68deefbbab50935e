package store

import "time"

// PaymentTerms are a customer's 支払条件: when invoices close and when they
// are due (ARCHITECTURE.md §4 "Due dates"). 20日締め翌月10日払い is
// {ClosingDay: 20, MonthsDeferred: 1, PaymentDay: 10}; 月末締め翌月末払い is
// {MonthEnd, 1, MonthEnd}.
type PaymentTerms struct {
	ClosingDay     int    // 1–28, or MonthEnd (31): the cycle closes on this day of each month
	MonthsDeferred int    // 0–3: months from the closing month to the payment month (翌月 = 1)
	PaymentDay     int    // 1–28, or MonthEnd (31): the day of the payment month it is due
	HolidayRule    string // HolidayKeep, HolidayPrevious or HolidayNext ("" = next, the legal default)
}

// Terms returns the customer's payment terms.
func (c Customer) Terms() PaymentTerms {
	return PaymentTerms{
		ClosingDay:     c.ClosingDay,
		MonthsDeferred: c.MonthsDeferred,
		PaymentDay:     c.PaymentDay,
		HolidayRule:    c.HolidayRule,
	}
}

// dayOfMonth returns day d of month m of year y, where 31 or any day the
// month lacks means its last day: "31日締め" closes on Feb 28 (or 29) and on
// Apr 30. Month m may be out of range (14 = February of next year). Days
// below 1 cannot come from validated terms and are taken as the 1st rather
// than rolling back into the previous month.
func dayOfMonth(y int, m time.Month, d int) time.Time {
	first := DateOf(y, m, 1) // normalises m
	if last := daysIn(first.Year(), first.Month()); d > last {
		d = last
	}
	if d < 1 {
		d = 1
	}
	return DateOf(first.Year(), first.Month(), d)
}

// How the holiday rule changed the payment day (DueSchedule.Moved).
const (
	DueKept     = ""         // the payment day is a business day, or the rule keeps it
	DueNext     = "next"     // moved to the next business day
	DuePrevious = "previous" // moved to the previous business day
	// DueForward: the rule is "previous", but the business day before the
	// payment day is on or before the closing date (or the issue date), so
	// it moved to the next business day instead. 月末締め翌月5日払い of an
	// invoice of 2024-12-31: 2025-01-05 is a Sunday and every day back to
	// 12-30 is a weekend or a bank holiday.
	DueForward = "forward"
)

// DueSchedule is how an invoice's terms give its dates: the cycle's closing
// date, the payment day the terms name and the due date after the holiday
// rule, with how the rule moved it (for the due date's explanation).
type DueSchedule struct {
	Closing time.Time // the cycle's closing date (締め日): the invoice's closing_date
	Payment time.Time // the payment day of the terms, before the holiday rule
	Due     time.Time
	Moved   string // DueKept, DueNext, DuePrevious or DueForward
}

// ClosingAndDue returns the closing date of the billing cycle that date falls
// in and the due date of an invoice issued on date: Schedule(date, date).
func (t PaymentTerms) ClosingAndDue(date time.Time) (closing, due time.Time) {
	s := t.Schedule(date, date)
	return s.Closing, s.Due
}

// Schedule gives the dates of an invoice per ARCHITECTURE.md §4:
//
//   - date (the invoice's closing date, or its issue date when it has none)
//     falls into the first cycle whose closing day is on or after it;
//   - the payment day is that of the month that lies MonthsDeferred after
//     the cycle's closing month; if that is not after the closing date, one
//     month later (20日締め当月10日払い cannot be paid before it closes);
//   - a closing or payment day of 31, or one the month lacks, is the month's
//     last day;
//   - then the holiday rule: keep the date, or move it to the previous or
//     next business day (IsBusinessDay). "Previous" never moves it onto or
//     before the closing date or issued (the issue date): there it moves
//     forward to the next business day instead, so the customer's terms
//     never make an invoice's due date one it cannot be issued with.
//
// Only the dates' calendar days count (clock time and zone are ignored);
// the results are daicho dates at 00:00 UTC.
func (t PaymentTerms) Schedule(date, issued time.Time) DueSchedule {
	y, m, d := date.Date()
	closing := dayOfMonth(y, m, t.ClosingDay)
	if d > closing.Day() {
		// Past this month's closing day: the cycle closes next month.
		closing = dayOfMonth(y, m+1, t.ClosingDay)
	}
	deferred := t.MonthsDeferred
	if deferred < 0 {
		deferred = 0 // not possible with validated terms; never pay before the closing month
	}
	cy, cm, _ := closing.Date()
	pay := dayOfMonth(cy, cm+time.Month(deferred), t.PaymentDay)
	if !pay.After(closing) {
		pay = dayOfMonth(cy, cm+time.Month(deferred)+1, t.PaymentDay)
	}
	s := DueSchedule{Closing: closing, Payment: pay, Due: pay}
	if t.HolidayRule == HolidayKeep || IsBusinessDay(pay) {
		return s
	}
	if t.HolidayRule == HolidayPrevious {
		floor := closing
		if is := DateOf(issued.Date()); is.After(floor) {
			floor = is
		}
		if prev := PreviousBusinessDay(pay); prev.After(floor) {
			s.Due, s.Moved = prev, DuePrevious
			return s
		}
		s.Due, s.Moved = NextBusinessDay(pay), DueForward
		return s
	}
	// HolidayNext, and an unset rule: §4 makes next the legal default.
	s.Due, s.Moved = NextBusinessDay(pay), DueNext
	return s
}

// PreviousClosing is the closing date of the cycle before the one that
// closes on closing: a closing invoice for closing takes the delivery notes
// delivered after it, up to closing.
func (t PaymentTerms) PreviousClosing(closing time.Time) time.Time {
	y, m, _ := closing.Date()
	return dayOfMonth(y, m-1, t.ClosingDay)
}
