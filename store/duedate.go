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

// ClosingAndDue returns the closing date of the billing cycle that date falls
// in and the due date, per ARCHITECTURE.md §4:
//
//   - date (an invoice's closing date, or its issue date when it has none)
//     falls into the first cycle whose closing day is on or after it;
//   - the due date is the payment day of the month that lies MonthsDeferred
//     after the cycle's closing month; if that is not after the closing date,
//     one month later (20日締め当月10日払い cannot be paid before it closes);
//   - a closing or payment day of 31, or one the month lacks, is the month's
//     last day;
//   - then the holiday rule: keep the date, or move it to the previous or
//     next business day (IsBusinessDay).
//
// Only date's calendar day counts (its clock time and zone are ignored); the
// results are daicho dates at 00:00 UTC.
func (t PaymentTerms) ClosingAndDue(date time.Time) (closing, due time.Time) {
	y, m, d := date.Date()
	closing = dayOfMonth(y, m, t.ClosingDay)
	if d > closing.Day() {
		// Past this month's closing day: the cycle closes next month.
		closing = dayOfMonth(y, m+1, t.ClosingDay)
	}
	deferred := t.MonthsDeferred
	if deferred < 0 {
		deferred = 0 // not possible with validated terms; never pay before the closing month
	}
	cy, cm, _ := closing.Date()
	due = dayOfMonth(cy, cm+time.Month(deferred), t.PaymentDay)
	if !due.After(closing) {
		due = dayOfMonth(cy, cm+time.Month(deferred)+1, t.PaymentDay)
	}
	switch t.HolidayRule {
	case HolidayKeep:
	case HolidayPrevious:
		due = PreviousBusinessDay(due)
	default: // HolidayNext, and an unset rule: §4 makes next the legal default
		due = NextBusinessDay(due)
	}
	return closing, due
}
