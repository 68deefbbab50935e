package store

import "time"

// YearEndingIn is the twelve months that end with day's month: from the first
// of the month eleven months before to the last day of day's month, the
// reports' default period.
func YearEndingIn(day time.Time) (from, to time.Time) {
	return DateOf(day.Year(), day.Month()-11, 1), MonthEndOf(day.Year(), day.Month())
}

// ReportPeriod fills the open ends (zero) of a report's period, for the
// command line and the Reports screen alike: no end is the end of this month
// (or of the first day's month, when the period starts after this month); no
// start is twelve months before the end. A period given whole is returned as
// it is (SalesReport refuses one that ends before it starts).
func ReportPeriod(today, from, to time.Time) (time.Time, time.Time) {
	if to.IsZero() {
		_, to = YearEndingIn(today)
		if !from.IsZero() && to.Before(from) {
			to = MonthEndOf(from.Year(), from.Month())
		}
	}
	if from.IsZero() {
		from, _ = YearEndingIn(to)
	}
	return from, to
}

// AgingDate is the day a report's receivables are as of: the period's end,
// or today when there is none or it lies ahead (nothing can be overdue on a
// day still to come).
func AgingDate(today, end time.Time) time.Time {
	if end.IsZero() || today.Before(end) {
		return dateOnly(today)
	}
	return end
}
