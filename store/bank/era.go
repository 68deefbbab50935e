package bank

import (
	"strings"
	"time"

	"golang.org/x/text/width"

	"daicho/store"
)

// Japanese-era dates.
//
// Zengin files write every date as 和暦 YYMMDD with no era: R08 and H08 are
// both "08". The rule (zenginYear): a two-digit year up to the current Reiwa
// year plus one is Reiwa (2018+YY); a larger one, up to 31, is Heisei
// (1988+YY); anything else (00, or 32 and above while Reiwa is young) is not a
// date. The "plus one" lets a file written on New Year's Eve carry January's
// date, and the current Reiwa year is taken as at least 8 (2026, when this was
// written), so a machine whose clock is set years back still reads this
// decade's files as Reiwa. Heisei years 1 to 9 (1989–1997) are thus read as
// Reiwa: nobody imports a bank file of the 1990s into a ledger. The year
// itself is the same whichever era a 2019 date is taken in (H31 = R1 = 2019),
// so the switch in May 2019 needs no special case.
//
// CSV exports that use 和暦 say the era: R8.11.20, H31/4/30, 令和8年11月20日,
// 令和元年5月1日 (warekiDate).

// now is the clock the era rule reads; tests replace it.
var now = time.Now

// writtenInReiwa is the Reiwa year this rule was written in (2026).
const writtenInReiwa = 8

// zenginYear returns the Gregorian year of a Zengin two-digit era year, or
// false when it is none.
func zenginYear(yy int) (int, bool) {
	pivot := max(now().Year()-2018, writtenInReiwa) + 1
	switch {
	case yy >= 1 && yy <= pivot:
		return 2018 + yy, true
	case yy >= 1 && yy <= 31:
		return 1988 + yy, true
	}
	return 0, false
}

// zenginDate reads a Zengin YYMMDD date.
func zenginDate(s string) (time.Time, bool) {
	if len(s) != 6 || !store.AllDigits(s) {
		return time.Time{}, false
	}
	y, ok := zenginYear(atoi(s[:2]))
	if !ok {
		return time.Time{}, false
	}
	return validDate(y, atoi(s[2:4]), atoi(s[4:]))
}

// validDate returns y-m-d if that day exists.
func validDate(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := store.DateOf(y, time.Month(m), d)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// eras maps the era marks a CSV may use to the year before the era's first.
var eras = []struct {
	mark string
	base int
	last int // the era's last year, 0 for the current era
}{
	{"令和", 2018, 0}, {"R", 2018, 0}, {"r", 2018, 0},
	{"平成", 1988, 31}, {"H", 1988, 31}, {"h", 1988, 31},
}

// warekiDate reads an era date: R8.11.20, R08/11/20, R8-11-20, H31.4.30,
// 令和8年11月20日, 令和元年5月1日 (full-width digits too).
func warekiDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(width.Fold.String(s))
	base, last := 0, 0
	for _, e := range eras {
		if rest, ok := strings.CutPrefix(s, e.mark); ok {
			s, base, last = rest, e.base, e.last
			break
		}
	}
	if base == 0 {
		return time.Time{}, false
	}
	s = strings.TrimSuffix(s, "日")
	s = strings.NewReplacer("元", "1", "年", ".", "月", ".", "/", ".", "-", ".").Replace(s)
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return time.Time{}, false
	}
	for _, p := range parts {
		if len(p) < 1 || len(p) > 2 || !store.AllDigits(p) {
			return time.Time{}, false
		}
	}
	n := atoi(parts[0])
	if n < 1 || (last > 0 && n > last) {
		return time.Time{}, false
	}
	return validDate(base+n, atoi(parts[1]), atoi(parts[2]))
}

// atoi converts ASCII digits (checked by the caller; at most 18 of them).
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
