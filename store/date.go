package store

import (
	"strings"
	"time"
)

// Calendar dates in daicho (issue dates, closing dates, due dates, payment
// dates) are time.Time values at 00:00 UTC. A date is a day on the calendar,
// not an instant: keeping them all in UTC means two equal dates compare equal
// with ==, adding days never crosses a daylight-saving jump, and a date saved
// in Tokyo reads back as the same day in London.

// DateOf returns the date y-m-d at 00:00 UTC. Like time.Date it normalises out
// of range values (month 13 is January of the next year, day 0 the last day of
// the previous month), which makes month arithmetic easy; use ParseDate to
// check user input instead.
func DateOf(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// MonthEndOf returns the last day of month m of year y: day 0 of the next
// month, so February gets 28 or 29 by the Gregorian rules (2100 is not leap).
func MonthEndOf(y int, m time.Month) time.Time {
	return DateOf(y, m+1, 0)
}

// daysIn is the number of days of month m of year y.
func daysIn(y int, m time.Month) int {
	return MonthEndOf(y, m).Day()
}

// Today returns the calendar date of now where the user is (time.Local) as a
// daicho date. Converting first matters: at 08:00 in Tokyo it is still the
// previous day in UTC, and an invoice issued "today" must carry Tokyo's date.
func Today(now time.Time) time.Time {
	y, m, d := now.In(time.Local).Date()
	return DateOf(y, m, d)
}

// FormatDate writes a date as ISO 8601 (2026-11-26), the one form daicho
// stores and exports. The zero time, meaning "no date", is "".
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// ParseDate reads a date as people type it: 2026-11-26, 2026/11/26,
// 2026.11.26, 2026/1/5, 20261126 or 2026年11月26日, with full-width digits and
// any of the dashes a Japanese IME produces. The year must have four digits
// (1000–9999) so that nothing is guessed. Text that is not a date is "date.format"; a date
// that does not exist (2026-02-30, month 13) is "date.range" rather than
// being rolled over into the next month the way time.Date would.
func ParseDate(s string) (time.Time, error) {
	s = digitsDash(s) // full-width to half-width, trims spaces, dashes to '-'
	var parts []string
	switch {
	case len(s) == 8 && AllDigits(s):
		parts = []string{s[:4], s[4:6], s[6:]}
	case strings.HasSuffix(s, "日") && strings.Contains(s, "年") && strings.Contains(s, "月"):
		y, rest, _ := strings.Cut(strings.TrimSuffix(s, "日"), "年")
		m, d, _ := strings.Cut(rest, "月")
		parts = []string{y, m, d}
	default:
		// One separator, used twice: "2026-11/26" is more likely a typo than a date.
		i := strings.IndexAny(s, "-/.")
		if i < 0 {
			return time.Time{}, Invalid("", "date.format")
		}
		parts = strings.Split(s, s[i:i+1])
	}
	if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) < 1 || len(parts[1]) > 2 ||
		len(parts[2]) < 1 || len(parts[2]) > 2 || !AllDigits(parts[0]+parts[1]+parts[2]) {
		return time.Time{}, Invalid("", "date.format")
	}
	y, m, d := atoiDigits(parts[0]), atoiDigits(parts[1]), atoiDigits(parts[2])
	// A four-digit year below 1000 (0206 for 2026) is a typo, not a date a
	// ledger meets; refusing it also keeps 0001-01-01, the zero time that
	// means "no date", from ever parsing.
	if y < 1000 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return time.Time{}, Invalid("", "date.range")
	}
	return DateOf(y, time.Month(m), d), nil
}

// atoiDigits converts a short string of ASCII digits (checked by the caller).
func atoiDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
