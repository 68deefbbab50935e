package store

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"
)

func day(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

// TestHolidaysOfficialList checks the computed holidays against the official
// list for 2022–2030, as carried by the npm package @holiday-jp/holiday_jp
// (testdata/holidays_jp_2022_2030.tsv; its first line names the version).
func TestHolidaysOfficialList(t *testing.T) {
	f, err := os.Open("testdata/holidays_jp_2022_2030.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[int][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		date, name, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad fixture line %q", line)
		}
		d := day(t, date)
		want[d.Year()] = append(want[d.Year()], date+"\t"+name)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for y := 2022; y <= 2030; y++ {
		var got []string
		for _, h := range HolidaysIn(y) {
			got = append(got, FormatDate(h.Date)+"\t"+h.Name)
		}
		if strings.Join(got, "\n") != strings.Join(want[y], "\n") {
			t.Errorf("HolidaysIn(%d):\n%s\nwant (official list):\n%s", y,
				strings.Join(got, "\n"), strings.Join(want[y], "\n"))
		}
		if len(want[y]) < 16 {
			t.Errorf("fixture has only %d holidays in %d", len(want[y]), y)
		}
	}
}

func TestHolidayName(t *testing.T) {
	tests := []struct {
		date, name string // name "" = not a holiday
	}{
		{"2026-01-01", "元日"},
		{"2026-01-02", ""}, // a bank holiday, not a national one
		{"2027-01-11", "成人の日"},
		{"2026-02-11", "建国記念の日"},
		{"2026-02-23", "天皇誕生日"},
		{"2026-03-20", "春分の日"},
		{"2026-04-29", "昭和の日"},
		{"2026-05-03", "憲法記念日"},
		{"2026-05-04", "みどりの日"},
		{"2026-05-05", "こどもの日"},
		{"2026-05-06", "こどもの日 振替休日"}, // May 3 was a Sunday; 4 and 5 are holidays (named as the official list does)
		{"2026-07-20", "海の日"},
		{"2026-08-11", "山の日"},
		{"2026-09-21", "敬老の日"},
		{"2026-09-22", "休日"}, // 国民の休日: between 敬老の日 and 秋分の日
		{"2026-09-23", "秋分の日"},
		{"2026-10-12", "スポーツの日"},
		{"2026-11-03", "文化の日"},
		{"2026-11-23", "勤労感謝の日"},
		{"2026-12-31", ""},
		{"2025-11-24", "勤労感謝の日 振替休日"},
		{"2025-11-23", "勤労感謝の日"},
		{"2032-09-21", "休日"},
		{"2015-09-22", "休日"},
		{"2009-09-22", "休日"},
		{"2026-11-26", ""},

		// 2019: the enthronement. 5/1 and 10/22 by special law; 4/30 and 5/2 are
		// 国民の休日 because 5/1 counts as a 祝日. No Emperor's birthday that year.
		{"2019-04-30", "休日"},
		{"2019-05-01", "即位の日"},
		{"2019-05-02", "休日"},
		{"2019-05-06", "こどもの日 振替休日"},
		{"2019-10-22", "即位礼正殿の儀"},
		{"2019-12-23", ""},
		{"2019-02-23", ""},
		{"2018-12-23", "天皇誕生日"},
		{"2018-12-24", "天皇誕生日 振替休日"},
		{"2020-02-23", "天皇誕生日"},
		{"2020-02-24", "天皇誕生日 振替休日"},
		{"2020-12-23", ""},
		{"2019-10-14", "体育の日"},

		// Olympic moves.
		{"2020-07-23", "海の日"},
		{"2020-07-24", "スポーツの日"},
		{"2020-08-10", "山の日"},
		{"2020-07-20", ""},
		{"2020-08-11", ""},
		{"2020-10-12", ""},
		{"2021-07-22", "海の日"},
		{"2021-07-23", "スポーツの日"},
		{"2021-08-08", "山の日"},
		{"2021-08-09", "山の日 振替休日"},
		{"2021-07-19", ""},
		{"2021-08-11", ""},
		{"2021-10-11", ""},

		// 山の日 from 2016; 昭和の日 and みどりの日 from 2007.
		{"2015-08-11", ""},
		{"2016-08-11", "山の日"},
		{"2006-04-29", "みどりの日"},
		{"2006-05-04", "休日"},
		{"2007-04-29", "昭和の日"},
		{"2007-04-30", "昭和の日 振替休日"},
		{"2007-05-04", "みどりの日"},
		{"2003-05-04", ""}, // a Sunday between two holidays: not 国民の休日 before 2007
		{"2000-07-20", "海の日"},
		{"2003-07-21", "海の日"},
		{"2003-09-15", "敬老の日"}, // Happy Monday from 2003
		{"2003-09-22", ""},
		{"2002-09-15", "敬老の日"}, // a Sunday
		{"2002-09-16", "敬老の日 振替休日"},
		{"2000-01-10", "成人の日"},
		{"2000-10-09", "体育の日"},

		// Older history, from the 1900–1979 equinox formula and special days.
		{"1973-09-24", "秋分の日 振替休日"}, // first year of substitute holidays
		{"1976-03-20", "春分の日"},
		{"1989-02-24", "大喪の礼"},
		{"1990-11-12", "即位礼正殿の儀"},
		{"1988-05-04", "休日"},

		// Equinoxes from the formula, including its far end.
		{"2000-03-20", "春分の日"},
		{"2012-09-22", "秋分の日"},
		{"2024-09-22", "秋分の日"},
		{"2025-09-23", "秋分の日"},
		{"2044-03-20", "春分の日"},
		{"2092-03-19", "春分の日"},
		{"2099-03-20", "春分の日"},
		{"2099-09-23", "秋分の日"},
	}
	for _, tt := range tests {
		d := day(t, tt.date)
		name, ok := HolidayName(d)
		if name != tt.name || ok != (tt.name != "") {
			t.Errorf("HolidayName(%s) = %q, %v; want %q", tt.date, name, ok, tt.name)
		}
	}
}

// TestHolidayRules checks, for every year 2000–2099, that the list keeps the
// law's structure: sorted, within the year, the 16 named days present, every
// substitute holiday follows a Sunday holiday with only holidays in between,
// and every 国民の休日 lies between two holidays.
func TestHolidayRules(t *testing.T) {
	for y := 2000; y <= 2099; y++ {
		hs := HolidaysIn(y)
		byDate := map[time.Time]string{}
		for i, h := range hs {
			if h.Date.Year() != y || h.Date != DateOf(h.Date.Date()) {
				t.Fatalf("%d: holiday %v outside the year or not a daicho date", y, h.Date)
			}
			if i > 0 && !hs[i-1].Date.Before(h.Date) {
				t.Fatalf("%d: not sorted at %v", y, h.Date)
			}
			if name, ok := HolidayName(h.Date); !ok || name != h.Name {
				t.Fatalf("%d: HolidayName(%v) = %q, list says %q", y, h.Date, name, h.Name)
			}
			byDate[h.Date] = h.Name
		}
		named := 0
		for _, h := range hs {
			switch {
			case strings.HasSuffix(h.Name, " 振替休日"):
				if y >= 2007 && h.Date.Weekday() == time.Sunday {
					t.Errorf("%v: substitute holiday on a Sunday", h.Date)
				}
				if byDate[h.Date.AddDate(0, 0, -1)] != strings.TrimSuffix(h.Name, " 振替休日") {
					t.Errorf("%v %s: not named after the holiday before it", h.Date, h.Name)
				}
				d := h.Date.AddDate(0, 0, -1)
				for byDate[d] != "" && d.Weekday() != time.Sunday {
					d = d.AddDate(0, 0, -1)
				}
				if d.Weekday() != time.Sunday || byDate[d] == "" {
					t.Errorf("%v %s: no Sunday holiday before it", h.Date, h.Name)
				}
			case h.Name == "休日":
				if byDate[h.Date.AddDate(0, 0, -1)] == "" || byDate[h.Date.AddDate(0, 0, 1)] == "" {
					t.Errorf("%v: 国民の休日 not between two holidays", h.Date)
				}
			default:
				named++
			}
		}
		// Since 2016 the law names 16 days; 2007–2015 15 (no 山の日); before
		// 2007 14 (May 4 was only a 国民の休日). 2019 has no Emperor's birthday
		// but two one-off days.
		want := 16
		switch {
		case y < 2007:
			want = 14
		case y < 2016:
			want = 15
		case y == 2019:
			want = 17
		}
		if named != want {
			t.Errorf("%d: %d named holidays, want %d", y, named, want)
		}
		// A Sunday 祝日 always gets its substitute day.
		for _, h := range hs {
			if h.Date.Weekday() == time.Sunday && !strings.HasSuffix(h.Name, "振替休日") && h.Name != "休日" {
				found := false
				for d := h.Date.AddDate(0, 0, 1); byDate[d] != ""; d = d.AddDate(0, 0, 1) {
					if strings.HasSuffix(byDate[d], " 振替休日") {
						found = true
					}
				}
				if !found {
					t.Errorf("%v %s on a Sunday: no substitute holiday", h.Date, h.Name)
				}
			}
		}
	}
}

func TestHolidaysInIsACopy(t *testing.T) {
	hs := HolidaysIn(2026)
	hs[0].Name = "changed"
	if HolidaysIn(2026)[0].Name != "元日" {
		t.Fatal("HolidaysIn shares its slice with the cache")
	}
}

func TestHolidaysFarYears(t *testing.T) {
	// Outside the exact range: a projection, but never a panic or nonsense.
	for _, y := range []int{1, 1899, 1950, 2100, 2150, 2500, 9999} {
		hs := HolidaysIn(y)
		if len(hs) < 9 { // before 1966 the law had 9 holidays
			t.Errorf("%d: only %d holidays", y, len(hs))
		}
		for _, h := range hs {
			if h.Date.Year() != y {
				t.Errorf("%d: holiday %v outside the year", y, h.Date)
			}
		}
	}
}

func TestIsBusinessDay(t *testing.T) {
	tests := []struct {
		date string
		want bool
	}{
		{"2026-11-26", true},  // Thursday
		{"2026-11-28", false}, // Saturday
		{"2026-11-29", false}, // Sunday
		{"2026-11-23", false}, // 勤労感謝の日 (Monday)
		{"2026-12-30", true},
		{"2026-12-31", false}, // bank holiday
		{"2027-01-01", false},
		{"2027-01-02", false},
		{"2027-01-03", false},
		{"2027-01-04", true},
		{"2029-01-02", false}, // bank holiday on a weekday
		{"2029-01-03", false},
		{"2029-01-04", true},
		{"2029-12-31", false}, // Monday, still closed
		{"2027-01-11", false}, // 成人の日
		{"2027-01-12", true},
		{"2026-05-06", false}, // 振替休日
		{"2026-05-07", true},
		{"2026-09-22", false}, // 国民の休日
		{"2025-11-24", false}, // 振替休日
		{"2019-04-30", false},
		{"2019-05-02", false},
	}
	for _, tt := range tests {
		if got := IsBusinessDay(day(t, tt.date)); got != tt.want {
			t.Errorf("IsBusinessDay(%s) = %v, want %v", tt.date, got, tt.want)
		}
	}
}

func TestNextPreviousBusinessDay(t *testing.T) {
	tests := []struct {
		date, next, previous string
	}{
		{"2026-11-26", "2026-11-26", "2026-11-26"}, // already one
		{"2026-11-28", "2026-11-30", "2026-11-27"}, // Saturday
		{"2026-11-29", "2026-11-30", "2026-11-27"}, // Sunday
		{"2027-01-10", "2027-01-12", "2027-01-08"}, // Sunday before 成人の日
		{"2026-12-31", "2027-01-04", "2026-12-30"}, // New Year bank holidays
		{"2027-01-01", "2027-01-04", "2026-12-30"},
		{"2029-12-31", "2030-01-04", "2029-12-28"}, // Mon 12/31 … Thu 1/3 closed
		{"2027-05-03", "2027-05-06", "2027-04-30"}, // Golden Week Mon–Wed; 4/29 Thu 昭和の日
		{"2027-05-04", "2027-05-06", "2027-04-30"},
		{"2027-05-05", "2027-05-06", "2027-04-30"},
		{"2026-05-02", "2026-05-07", "2026-05-01"}, // Sat … Wed 振替休日
		{"2026-09-19", "2026-09-24", "2026-09-18"}, // silver week 9/19–9/23
		{"2025-11-24", "2025-11-25", "2025-11-21"},
		{"2019-04-27", "2019-05-07", "2019-04-26"}, // the ten days of 2019
	}
	for _, tt := range tests {
		d := day(t, tt.date)
		if got := FormatDate(NextBusinessDay(d)); got != tt.next {
			t.Errorf("NextBusinessDay(%s) = %s, want %s", tt.date, got, tt.next)
		}
		if got := FormatDate(PreviousBusinessDay(d)); got != tt.previous {
			t.Errorf("PreviousBusinessDay(%s) = %s, want %s", tt.date, got, tt.previous)
		}
	}
}

func TestHolidayEquinoxFormula(t *testing.T) {
	// The integer form must agree with the published float formula
	// INT(20.8431 + 0.242194(y−1980)) − INT((y−1980)/4) for 1980–2099;
	// spot values worked by hand.
	tests := []struct{ y, spring, autumn int }{
		{1980, 20, 23},
		{2000, 20, 23},
		{2026, 20, 23},
		{2027, 21, 23},
		{2030, 20, 23},
		{2044, 20, 22},
		{2099, 20, 23},
	}
	for _, tt := range tests {
		if got := equinoxDay(tt.y, true); got != tt.spring {
			t.Errorf("spring %d = %d, want %d", tt.y, got, tt.spring)
		}
		if got := equinoxDay(tt.y, false); got != tt.autumn {
			t.Errorf("autumn %d = %d, want %d", tt.y, got, tt.autumn)
		}
	}
}

func BenchmarkIsBusinessDay(b *testing.B) {
	d := DateOf(2026, time.November, 26)
	for b.Loop() {
		IsBusinessDay(d)
	}
}
