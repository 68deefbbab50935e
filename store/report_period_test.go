package store_test

import (
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

func TestReportPeriod(t *testing.T) {
	today := storetest.Date("2026-11-20")
	zero := time.Time{}
	for _, tc := range []struct {
		name             string
		from, to         time.Time
		wantFrom, wantTo string
	}{
		{"both open: twelve months ending this month", zero, zero, "2025-12-01", "2026-11-30"},
		{"no start: twelve months ending at the end", zero, storetest.Date("2026-06-30"), "2025-07-01", "2026-06-30"},
		{"no start, end mid-month", zero, storetest.Date("2026-06-15"), "2025-07-01", "2026-06-15"},
		{"no end: this month's end", storetest.Date("2026-04-01"), zero, "2026-04-01", "2026-11-30"},
		{"no end, starting after this month: that month", storetest.Date("2027-02-10"), zero, "2027-02-10", "2027-02-28"},
		{"given whole", storetest.Date("2026-01-01"), storetest.Date("2026-03-31"), "2026-01-01", "2026-03-31"},
		{"given whole, backwards: left to SalesReport to refuse", storetest.Date("2026-03-01"), storetest.Date("2026-01-31"), "2026-03-01", "2026-01-31"},
	} {
		from, to := store.ReportPeriod(today, tc.from, tc.to)
		if got := store.FormatDate(from) + " " + store.FormatDate(to); got != tc.wantFrom+" "+tc.wantTo {
			t.Errorf("%s: ReportPeriod = %s, want %s %s", tc.name, got, tc.wantFrom, tc.wantTo)
		}
	}
}

func TestAgingDate(t *testing.T) {
	today := time.Date(2026, 11, 20, 15, 4, 5, 0, time.Local)
	for _, tc := range []struct {
		end  time.Time
		want string
	}{
		{time.Time{}, "2026-11-20"},
		{storetest.Date("2026-11-30"), "2026-11-20"}, // ahead: today
		{storetest.Date("2026-11-20"), "2026-11-20"},
		{storetest.Date("2026-06-30"), "2026-06-30"}, // past: the end
	} {
		if got := store.FormatDate(store.AgingDate(today, tc.end)); got != tc.want {
			t.Errorf("AgingDate(%s) = %s, want %s", store.FormatDate(tc.end), got, tc.want)
		}
	}
}
