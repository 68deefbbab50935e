package store

import (
	"testing"
	"time"
)

func TestDateOf(t *testing.T) {
	d := DateOf(2026, time.November, 26)
	if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
		t.Fatalf("DateOf = %v, want 00:00 UTC", d)
	}
	if !d.Equal(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("DateOf = %v", d)
	}
	// Normalising, as documented, so month arithmetic works.
	if got := DateOf(2026, 13, 1); got != DateOf(2027, time.January, 1) {
		t.Errorf("DateOf(2026, 13, 1) = %v", got)
	}
}

func TestDateMonthEndOf(t *testing.T) {
	tests := []struct {
		y    int
		m    time.Month
		want string
	}{
		{2026, time.January, "2026-01-31"},
		{2026, time.February, "2026-02-28"},
		{2026, time.April, "2026-04-30"},
		{2026, time.December, "2026-12-31"},
		{2028, time.February, "2028-02-29"}, // leap year
		{2000, time.February, "2000-02-29"}, // divisible by 400: leap
		{2100, time.February, "2100-02-28"}, // divisible by 100 only: not leap
		{2024, time.February, "2024-02-29"},
		{2026, time.September, "2026-09-30"},
	}
	for _, tt := range tests {
		if got := FormatDate(MonthEndOf(tt.y, tt.m)); got != tt.want {
			t.Errorf("MonthEndOf(%d, %v) = %s, want %s", tt.y, tt.m, got, tt.want)
		}
	}
}

func TestDateToday(t *testing.T) {
	// Late evening where the user is: still that day, whatever UTC says.
	now := time.Date(2026, 11, 26, 23, 30, 0, 0, time.Local)
	if got, want := Today(now), DateOf(2026, time.November, 26); got != want {
		t.Errorf("Today(%v) = %v, want %v", now, got, want)
	}
	now = time.Date(2026, 11, 26, 0, 5, 0, 0, time.Local)
	if got, want := Today(now), DateOf(2026, time.November, 26); got != want {
		t.Errorf("Today(%v) = %v, want %v", now, got, want)
	}
	// An instant given in another zone is first moved to the user's zone.
	tokyo := time.FixedZone("JST", 9*3600)
	now = time.Date(2026, 11, 27, 1, 0, 0, 0, tokyo)
	y, m, d := now.In(time.Local).Date()
	if got := Today(now); got != DateOf(y, m, d) || got.Location() != time.UTC {
		t.Errorf("Today(%v) = %v, want %04d-%02d-%02d UTC", now, got, y, m, d)
	}
}

func TestFormatDate(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Time{}, ""},
		{DateOf(2026, time.November, 26), "2026-11-26"},
		{DateOf(2027, time.January, 4), "2027-01-04"},
		{DateOf(999, time.March, 1), "0999-03-01"},
	}
	for _, tt := range tests {
		if got := FormatDate(tt.in); got != tt.want {
			t.Errorf("FormatDate(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in     string
		want   string // formatted date, or "" when an error is expected
		reason string // expected error reason
	}{
		{"2026-11-26", "2026-11-26", ""},
		{" 2026-11-26 ", "2026-11-26", ""},
		{"2026/11/26", "2026-11-26", ""},
		{"2026.11.26", "2026-11-26", ""},
		{"2026/1/5", "2026-01-05", ""},
		{"2026-1-5", "2026-01-05", ""},
		{"20261126", "2026-11-26", ""},
		{"２０２６－１１－２６", "2026-11-26", ""},
		{"２０２６／１１／２６", "2026-11-26", ""},
		{"2026ー11ー26", "2026-11-26", ""}, // long-vowel mark typed for a dash
		{"2026年11月26日", "2026-11-26", ""},
		{"２０２６年１月５日", "2026-01-05", ""},
		{"2028-02-29", "2028-02-29", ""}, // leap year
		{"2000-02-29", "2000-02-29", ""},
		{"1000-01-01", "1000-01-01", ""},
		{"9999-12-31", "9999-12-31", ""},

		{"2026-02-30", "", "date.range"},
		{"2026-02-29", "", "date.range"}, // not a leap year
		{"2100-02-29", "", "date.range"}, // not a leap year either
		{"2026-04-31", "", "date.range"},
		{"2026-13-01", "", "date.range"},
		{"2026-00-10", "", "date.range"},
		{"2026-11-00", "", "date.range"},
		{"2026-11-32", "", "date.range"},
		{"0000-01-01", "", "date.range"},
		{"0001-01-01", "", "date.range"}, // the zero time, "no date"
		{"0206-11-26", "", "date.range"}, // a typo for 2026
		{"20260230", "", "date.range"},
		{"2026年2月30日", "", "date.range"},

		{"", "", "date.format"},
		{"   ", "", "date.format"},
		{"tomorrow", "", "date.format"},
		{"26-11-26", "", "date.format"}, // two-digit year: never guessed
		{"2026-11", "", "date.format"},
		{"2026-11-26-1", "", "date.format"},
		{"2026-11/26", "", "date.format"}, // mixed separators
		{"2026-111-2", "", "date.format"},
		{"2026--26", "", "date.format"},
		{"2026-1a-26", "", "date.format"},
		{"+2026-11-26", "", "date.format"},
		{"2026-11-26T10:00", "", "date.format"},
		{"2026 11 26", "", "date.format"},
		{"2026年11月", "", "date.format"},
		{"202611260", "", "date.format"},
		{"2026-١١-26", "", "date.format"}, // Arabic-Indic digits are not ours
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if tt.reason == "" {
			if err != nil {
				t.Errorf("ParseDate(%q): %v", tt.in, err)
				continue
			}
			if FormatDate(got) != tt.want || got.Location() != time.UTC || got != DateOf(got.Date()) {
				t.Errorf("ParseDate(%q) = %v, want %s 00:00 UTC", tt.in, got, tt.want)
			}
			continue
		}
		e, ok := AsError(err)
		if !ok || e.Code != CodeInvalid || e.Reason != tt.reason || e.Field != "" {
			t.Errorf("ParseDate(%q) = %v, %v; want error %s", tt.in, got, err, tt.reason)
		}
		if !got.IsZero() {
			t.Errorf("ParseDate(%q) returned %v with an error", tt.in, got)
		}
	}
}

func TestDateFormatParseRoundTrip(t *testing.T) {
	for d := DateOf(2027, time.January, 1); d.Year() == 2027; d = d.AddDate(0, 0, 1) {
		got, err := ParseDate(FormatDate(d))
		if err != nil || got != d {
			t.Fatalf("ParseDate(FormatDate(%v)) = %v, %v", d, got, err)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-26", "2026/1/5", "20261126", "２０２６－１１－２６", "2026年11月26日",
		"2026-02-30", "0000-01-01", "0001-01-01", "", "x", "2026-11/26", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if e, ok := AsError(err); !ok || (e.Reason != "date.format" && e.Reason != "date.range") {
				t.Fatalf("ParseDate(%q): unexpected error %v", s, err)
			}
			return
		}
		if d.IsZero() || d.Location() != time.UTC || d != DateOf(d.Date()) {
			t.Fatalf("ParseDate(%q) = %v: not a daicho date", s, d)
		}
		out := FormatDate(d)
		back, err := ParseDate(out)
		if err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %v, formats as %q, which parses to %v, %v", s, d, out, back, err)
		}
	})
}
