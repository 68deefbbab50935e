package store

import (
	"sort"
	"sync"
	"time"
)

// Japanese national holidays (国民の祝日), computed from the holiday law
// (国民の祝日に関する法律) rather than read from a table, so that due dates
// years ahead are right without anyone updating a list. The computation
// follows the law as amended up to 2018 plus the one-off special laws
// (2019 enthronement, 2020/2021 Olympics) and is meant to be exact for
// 1970–2099, the range of the equinox formulas. It agrees with the official
// list as carried by @holiday-jp/holiday_jp 2.5.1 for every day of 1970–2050
// (2022–2030 is a test fixture); only names differ: the list calls 2019's
// one-off days "休日（祝日扱い）" where we use their names from the special
// law, 2019-10-14 "体育の日（スポーツの日）", and names 2020-05-06 after May 3
// where every other year (and this code) uses the holiday just before. Other
// years are a projection under the rules coded here.
//
// Names are those of the official list: a substitute holiday is "<holiday>
// 振替休日" and a day between two holidays (国民の休日) is "休日".

// Holiday is one national holiday.
type Holiday struct {
	Date time.Time // 00:00 UTC, like every daicho date
	Name string    // Japanese name, e.g. "成人の日", "こどもの日 振替休日", "休日"
}

// Names of the days the law makes holidays without being a named 祝日.
const (
	substituteSuffix = " 振替休日" // 振替休日: Art. 3(2), after the name of the holiday it follows
	citizensHoliday  = "休日"    // 国民の休日: Art. 3(3), a day between two holidays
)

// yearHolidays is one year's holidays, kept both as the sorted list and by
// day of the year so IsBusinessDay costs an array lookup.
type yearHolidays struct {
	list  []Holiday
	byDay [367]string // index: YearDay (1-based); "" = not a holiday
}

// holidayCache holds computed years (int → *yearHolidays). Computing a year
// is cheap but due dates for 100,000 invoices ask the same few years again
// and again.
var holidayCache sync.Map

func holidaysOf(year int) *yearHolidays {
	if v, ok := holidayCache.Load(year); ok {
		return v.(*yearHolidays)
	}
	yh := computeHolidays(year)
	v, _ := holidayCache.LoadOrStore(year, yh)
	return v.(*yearHolidays)
}

// HolidaysIn returns the national holidays of year in date order. The slice
// is the caller's to keep or change.
func HolidaysIn(year int) []Holiday {
	l := holidaysOf(year).list
	return append(make([]Holiday, 0, len(l)), l...)
}

// HolidayName returns the name of the national holiday on d's calendar day,
// or false when d is not a national holiday. Weekends and the bank holidays
// Dec 31–Jan 3 are not national holidays; IsBusinessDay covers those.
func HolidayName(d time.Time) (string, bool) {
	name := holidaysOf(d.Year()).byDay[d.YearDay()]
	return name, name != ""
}

// IsBusinessDay reports whether banks are open on d: not a Saturday or
// Sunday, not a national holiday, and not Dec 31–Jan 3, when Japanese banks
// close by law (銀行法施行令 Art. 5). Payments are due on business days.
func IsBusinessDay(d time.Time) bool {
	switch d.Weekday() {
	case time.Saturday, time.Sunday:
		return false
	}
	_, m, day := d.Date()
	if (m == time.December && day == 31) || (m == time.January && day <= 3) {
		return false
	}
	_, holiday := HolidayName(d)
	return !holiday
}

// NextBusinessDay returns d if it is a business day, else the first business
// day after it. Every week has business days, so the loop ends within days.
func NextBusinessDay(d time.Time) time.Time {
	for !IsBusinessDay(d) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// PreviousBusinessDay returns d if it is a business day, else the last
// business day before it.
func PreviousBusinessDay(d time.Time) time.Time {
	for !IsBusinessDay(d) {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// nthWeekday returns the day of month of the n-th weekday wd of month m
// (Happy Monday holidays: "the second Monday of January").
func nthWeekday(y int, m time.Month, wd time.Weekday, n int) int {
	first := DateOf(y, m, 1).Weekday()
	return 1 + (int(wd)-int(first)+7)%7 + 7*(n-1)
}

// equinoxDay returns the March (spring) or September (autumn) equinox day of
// year y by the standard approximation formula
//
//	day = INT(c + 0.242194 × (y − 1980)) − INT((y − base) / 4)
//
// with c and base by period. The law defines 春分の日 and 秋分の日 as the
// equinox days, which the National Astronomical Observatory announces each
// February for the next year; the formula gives those days for 1980–2099, the
// period it was fitted for, and its variants for 1900–1979 and 2100–2150 are
// the accepted ones. INT truncates toward zero, which matters for the
// negative (y − 1983) of 1900–1979. The constants are scaled by 10^6 so the
// computation is exact integer arithmetic: with floats, 20.8431 is not
// representable in binary and a year could land on the wrong side of an
// integer.
func equinoxDay(y int, spring bool) int {
	var c, base int
	switch {
	case y < 1980: // 1900–1979
		c, base = 20835700, 1983
		if !spring {
			c = 23258800
		}
	case y < 2100: // 1980–2099
		c, base = 20843100, 1980
		if !spring {
			c = 23248800
		}
	default: // 2100–2150
		c, base = 21851000, 1980
		if !spring {
			c = 24248800
		}
	}
	day := (c+242194*(y-1980))/1000000 - (y-base)/4
	// Outside 1900–2150 no formula holds; keep the guess within the days
	// the equinoxes actually fall on so far-off years stay sane.
	lo := 19
	if !spring {
		lo = 21
	}
	return min(max(day, lo), lo+3)
}

// computeHolidays applies the law to one year: first the 祝日 themselves
// (Art. 2 and the special laws), then substitute holidays (Art. 3(2)), then
// days between two holidays (Art. 3(3)). The order matters: both later rules
// look at the 祝日 only, not at each other's days.
func computeHolidays(y int) *yearHolidays {
	yh := &yearHolidays{}
	// 祝日 by day of the year. Sorting is by date at the end.
	shukujitsu := map[int]string{}
	add := func(m time.Month, d int, name string) {
		shukujitsu[DateOf(y, m, d).YearDay()] = name
	}

	add(time.January, 1, "元日")
	if y >= 2000 { // Happy Monday law (2000): second Monday of January
		add(time.January, nthWeekday(y, time.January, time.Monday, 2), "成人の日")
	} else {
		add(time.January, 15, "成人の日")
	}
	if y >= 1967 {
		add(time.February, 11, "建国記念の日")
	}
	if y >= 2020 { // the Emperor's birthday follows the reigning Emperor; none in 2019
		add(time.February, 23, "天皇誕生日")
	}
	add(time.March, equinoxDay(y, true), "春分の日")
	switch {
	case y >= 2007:
		add(time.April, 29, "昭和の日")
	case y >= 1989:
		add(time.April, 29, "みどりの日")
	default:
		add(time.April, 29, "天皇誕生日")
	}
	add(time.May, 3, "憲法記念日")
	if y >= 2007 { // before 2007 May 4 was a holiday only as 国民の休日
		add(time.May, 4, "みどりの日")
	}
	add(time.May, 5, "こどもの日")
	switch {
	case y == 2020: // Olympic special law: moved next to the opening ceremony
		add(time.July, 23, "海の日")
	case y == 2021:
		add(time.July, 22, "海の日")
	case y >= 2003: // Happy Monday law (2003): third Monday of July
		add(time.July, nthWeekday(y, time.July, time.Monday, 3), "海の日")
	case y >= 1996:
		add(time.July, 20, "海の日")
	}
	switch {
	case y == 2020: // Olympic special law: moved next to the closing ceremony
		add(time.August, 10, "山の日")
	case y == 2021:
		add(time.August, 8, "山の日")
	case y >= 2016:
		add(time.August, 11, "山の日")
	}
	switch {
	case y >= 2003: // Happy Monday law (2003): third Monday of September
		add(time.September, nthWeekday(y, time.September, time.Monday, 3), "敬老の日")
	case y >= 1966:
		add(time.September, 15, "敬老の日")
	}
	add(time.September, equinoxDay(y, false), "秋分の日")
	switch {
	case y == 2020: // Olympic special law: moved to the opening ceremony
		add(time.July, 24, "スポーツの日")
	case y == 2021:
		add(time.July, 23, "スポーツの日")
	case y >= 2020: // renamed from 体育の日 in 2020
		add(time.October, nthWeekday(y, time.October, time.Monday, 2), "スポーツの日")
	case y >= 2000: // Happy Monday law (2000): second Monday of October
		add(time.October, nthWeekday(y, time.October, time.Monday, 2), "体育の日")
	case y >= 1966:
		add(time.October, 10, "体育の日")
	}
	add(time.November, 3, "文化の日")
	add(time.November, 23, "勤労感謝の日")
	if y >= 1989 && y <= 2018 {
		add(time.December, 23, "天皇誕生日")
	}
	// One-off days made holidays by special laws; they count as 祝日 for the
	// rules below (that is how 2019-04-30 and 05-02 became 国民の休日).
	switch y {
	case 1989:
		add(time.February, 24, "大喪の礼")
	case 1990:
		add(time.November, 12, "即位礼正殿の儀")
	case 1993:
		add(time.June, 9, "結婚の儀")
	case 2019:
		add(time.May, 1, "即位の日")
		add(time.October, 22, "即位礼正殿の儀")
	}

	names := map[int]string{}
	for d, n := range shukujitsu {
		names[d] = n
	}
	jan1 := DateOf(y, time.January, 1)
	weekday := func(yday int) time.Weekday { return jan1.AddDate(0, 0, yday-1).Weekday() }
	lastDay := DateOf(y, time.December, 31).YearDay()

	// 振替休日 (from 1973-04-12): a 祝日 on a Sunday gives a day off on the
	// next day; since 2007 on the next day that is not itself a 祝日 (so a
	// Sunday May 3 moves to May 6). Dec 31 is never a 祝日, so this never
	// leaves the year.
	for d := range shukujitsu {
		if weekday(d) != time.Sunday || y < 1973 || (y == 1973 && d < DateOf(1973, time.April, 12).YearDay()) {
			continue
		}
		s := d + 1
		if y >= 2007 {
			for shukujitsu[s] != "" {
				s++
			}
		} else if shukujitsu[s] != "" {
			continue
		}
		if s <= lastDay {
			// Named after the 祝日 just before it, as the official list does:
			// a Sunday May 3 gives "こどもの日 振替休日" on May 6.
			names[s] = shukujitsu[s-1] + substituteSuffix
		}
	}

	// 国民の休日 (from 1986): a day whose day before and day after are both 祝日
	// is a holiday. Until 2006 the law excluded Sundays and substitute
	// holidays; since 2007 it excludes only days that are 祝日 themselves.
	if y >= 1986 {
		for d := 2; d < lastDay; d++ {
			if shukujitsu[d-1] == "" || shukujitsu[d+1] == "" || names[d] != "" {
				continue
			}
			if y < 2007 && weekday(d) == time.Sunday {
				continue
			}
			names[d] = citizensHoliday
		}
	}

	for d, n := range names {
		yh.byDay[d] = n
		yh.list = append(yh.list, Holiday{Date: jan1.AddDate(0, 0, d-1), Name: n})
	}
	sort.Slice(yh.list, func(i, j int) bool { return yh.list[i].Date.Before(yh.list[j].Date) })
	return yh
}
