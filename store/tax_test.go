package store_test

import (
	"math"
	"reflect"
	"slices"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// amt is a line already priced: its rate and amount, which is all
// ComputeTotals reads.
func amt(rate int, amount store.Money) store.Line {
	return store.Line{TaxRate: rate, Amount: amount}
}

// One rate, one net amount, each rounding mode: the tax of every case has a
// fraction (or deliberately none), worked out by hand.
func TestComputeTotalsRoundingModes(t *testing.T) {
	cases := []struct {
		name                string
		rate                int
		net                 store.Money
		floor, halfUp, ceil store.Money
	}{
		{"12,345 at 10% = 1,234.5", 10, 12345, 1234, 1235, 1235},
		{"12,345 at 8% = 987.6", 8, 12345, 987, 988, 988},
		{"12,340 at 8% = 987.2", 8, 12340, 987, 987, 988},
		{"12,340 at 10% = 1,234 exactly", 10, 12340, 1234, 1234, 1234},
		{"315 at 8% = 25.2", 8, 315, 25, 25, 26},
		{"1 at 10% = 0.1", 10, 1, 0, 0, 1},
		{"5 at 10% = 0.5", 10, 5, 0, 1, 1},
		{"12,345 at 0% = 0", 0, 12345, 0, 0, 0},
		{"0 at 10% = 0", 10, 0, 0, 0, 0},
	}
	for _, tc := range cases {
		for mode, want := range map[string]store.Money{store.RoundFloor: tc.floor, store.RoundHalfUp: tc.halfUp, store.RoundCeil: tc.ceil} {
			got, err := store.ComputeTotals([]store.Line{amt(tc.rate, tc.net)}, store.PriceExclusive, mode)
			if err != nil {
				t.Fatalf("%s %s: %v", tc.name, mode, err)
			}
			w := store.Totals{Taxes: []store.TaxLine{{Rate: tc.rate, Net: tc.net, Tax: want, Gross: tc.net + want}},
				Subtotal: tc.net, Tax: want, Total: tc.net + want}
			if !reflect.DeepEqual(got, w) {
				t.Errorf("%s %s: %+v, want %+v", tc.name, mode, got, w)
			}
		}
	}
}

func TestComputeTotals(t *testing.T) {
	cases := []struct {
		name     string
		lines    []store.Line
		mode     string // price mode
		rounding string
		taxes    []store.TaxLine
		subtotal store.Money
		tax      store.Money
		total    store.Money
	}{
		{
			// 10%: 12,345 → 1,234.5 → 1,234; 8%: 12,345 → 987.6 → 987; 0%: 5,000 → 0.
			// Listed 10%, 8%, 0% whatever the line order.
			name:     "mixed 10%, 8% and 0%, floor",
			lines:    []store.Line{amt(0, 5000), amt(8, 12345), amt(10, 12345)},
			mode:     store.PriceExclusive,
			rounding: store.RoundFloor,
			taxes: []store.TaxLine{{Rate: 10, Net: 12345, Tax: 1234, Gross: 13579},
				{Rate: 8, Net: 12345, Tax: 987, Gross: 13332}, {Rate: 0, Net: 5000, Tax: 0, Gross: 5000}},
			subtotal: 29690, tax: 2221, total: 31911, // 12,345×2 + 5,000; 1,234 + 987; 13,579 + 13,332 + 5,000
		},
		{
			// Same lines: 1,234.5 → 1,235; 987.6 → 988.
			name:     "mixed 10%, 8% and 0%, half up",
			lines:    []store.Line{amt(10, 12345), amt(8, 12345), amt(0, 5000)},
			mode:     store.PriceExclusive,
			rounding: store.RoundHalfUp,
			taxes: []store.TaxLine{{Rate: 10, Net: 12345, Tax: 1235, Gross: 13580},
				{Rate: 8, Net: 12345, Tax: 988, Gross: 13333}, {Rate: 0, Net: 5000, Tax: 0, Gross: 5000}},
			subtotal: 29690, tax: 2223, total: 31913,
		},
		{
			// 10%: 12,340 → 1,234 exactly; 8%: 12,340 → 987.2 → ceil 988.
			name:     "mixed, ceil",
			lines:    []store.Line{amt(10, 12340), amt(8, 12340)},
			mode:     store.PriceExclusive,
			rounding: store.RoundCeil,
			taxes:    []store.TaxLine{{Rate: 10, Net: 12340, Tax: 1234, Gross: 13574}, {Rate: 8, Net: 12340, Tax: 988, Gross: 13328}},
			subtotal: 24680, tax: 2222, total: 26902,
		},
		{
			// Lines of one rate are summed first: 3 × 105 = 315 at 8% = 25.2 → 25.
			// Per line it would be 8.4 → 8, three times: 24. The document says 25.
			name:     "tax once per rate, not per line",
			lines:    []store.Line{amt(8, 105), amt(8, 105), amt(8, 105)},
			mode:     store.PriceExclusive,
			rounding: store.RoundFloor,
			taxes:    []store.TaxLine{{Rate: 8, Net: 315, Tax: 25, Gross: 340}},
			subtotal: 315, tax: 25, total: 340,
		},
		{
			// 値引き: 10,000 − 1,234 = 8,766 at 10% = 876.6 → 876. Per line it would be
			// 1,000 + (−123.4 → −123) = 877.
			name:     "discount line with a negative amount",
			lines:    []store.Line{amt(10, 10000), amt(10, -1234)},
			mode:     store.PriceExclusive,
			rounding: store.RoundFloor,
			taxes:    []store.TaxLine{{Rate: 10, Net: 8766, Tax: 876, Gross: 9642}},
			subtotal: 8766, tax: 876, total: 9642,
		},
		{
			// A wholly negative document (a credit): −12,345 at 10% = −1,234.5;
			// floor cuts the tax toward zero: −1,234.
			name:     "negative document, floor toward zero",
			lines:    []store.Line{amt(10, -12345)},
			mode:     store.PriceExclusive,
			rounding: store.RoundFloor,
			taxes:    []store.TaxLine{{Rate: 10, Net: -12345, Tax: -1234, Gross: -13579}},
			subtotal: -12345, tax: -1234, total: -13579,
		},
		{
			// Tax-inclusive: 1,080 × 8/108 = 80 exactly; net 1,000.
			name:     "inclusive 1,080 at 8%",
			lines:    []store.Line{amt(8, 1080)},
			mode:     store.PriceInclusive,
			rounding: store.RoundFloor,
			taxes:    []store.TaxLine{{Rate: 8, Net: 1000, Tax: 80, Gross: 1080}},
			subtotal: 1000, tax: 80, total: 1080,
		},
		{
			// 10,000 × 10/110 = 909.0909… → floor 909; net 9,091.
			name:     "inclusive 10,000 at 10%, floor",
			lines:    []store.Line{amt(10, 6000), amt(10, 4000)},
			mode:     store.PriceInclusive,
			rounding: store.RoundFloor,
			taxes:    []store.TaxLine{{Rate: 10, Net: 9091, Tax: 909, Gross: 10000}},
			subtotal: 9091, tax: 909, total: 10000,
		},
		{
			// 909.09… → ceil 910; net 9,090.
			name:     "inclusive 10,000 at 10%, ceil",
			lines:    []store.Line{amt(10, 10000)},
			mode:     store.PriceInclusive,
			rounding: store.RoundCeil,
			taxes:    []store.TaxLine{{Rate: 10, Net: 9090, Tax: 910, Gross: 10000}},
			subtotal: 9090, tax: 910, total: 10000,
		},
		{
			// 1,018 × 10/110 = 92.5454… → half up 93 (floor would give 92); net 925.
			name:     "inclusive 1,018 at 10%, half up",
			lines:    []store.Line{amt(10, 1018)},
			mode:     store.PriceInclusive,
			rounding: store.RoundHalfUp,
			taxes:    []store.TaxLine{{Rate: 10, Net: 925, Tax: 93, Gross: 1018}},
			subtotal: 925, tax: 93, total: 1018,
		},
		{
			// 10%: 11,000 × 10/110 = 1,000; 8%: 5,000 × 8/108 = 370.37… → 370.
			name:     "inclusive, mixed rates",
			lines:    []store.Line{amt(8, 5000), amt(10, 11000)},
			mode:     store.PriceInclusive,
			rounding: store.RoundFloor,
			taxes:    []store.TaxLine{{Rate: 10, Net: 10000, Tax: 1000, Gross: 11000}, {Rate: 8, Net: 4630, Tax: 370, Gross: 5000}},
			subtotal: 14630, tax: 1370, total: 16000,
		},
		{
			// Near 10^15 yen: 10^15 at 10% = 10^14; 10^15 + 1 at 8% = 8×10^13 + 0.08 → 8×10^13.
			name:     "large amounts",
			lines:    []store.Line{amt(10, 1_000_000_000_000_000), amt(8, 1_000_000_000_000_001)},
			mode:     store.PriceExclusive,
			rounding: store.RoundFloor,
			taxes: []store.TaxLine{{Rate: 10, Net: 1_000_000_000_000_000, Tax: 100_000_000_000_000, Gross: 1_100_000_000_000_000},
				{Rate: 8, Net: 1_000_000_000_000_001, Tax: 80_000_000_000_000, Gross: 1_080_000_000_000_001}},
			subtotal: 2_000_000_000_000_001, tax: 180_000_000_000_000, total: 2_180_000_000_000_001,
		},
		{
			// 10^18 × 10 does not fit in int64, the tax does: 10^17.
			name:     "amount × rate past int64",
			lines:    []store.Line{amt(10, 1_000_000_000_000_000_000)},
			mode:     store.PriceExclusive,
			rounding: store.RoundCeil,
			taxes:    []store.TaxLine{{Rate: 10, Net: 1e18, Tax: 1e17, Gross: 1.1e18}},
			subtotal: 1e18, tax: 1e17, total: 1.1e18,
		},
		{
			// 10^15 × 10/110 = 90,909,090,909,090.909… → 90,909,090,909,090.
			name:     "large inclusive",
			lines:    []store.Line{amt(10, 1_000_000_000_000_000)},
			mode:     store.PriceInclusive,
			rounding: store.RoundFloor,
			taxes:    []store.TaxLine{{Rate: 10, Net: 909_090_909_090_910, Tax: 90_909_090_909_090, Gross: 1_000_000_000_000_000}},
			subtotal: 909_090_909_090_910, tax: 90_909_090_909_090, total: 1_000_000_000_000_000,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := store.ComputeTotals(tc.lines, tc.mode, tc.rounding)
			if err != nil {
				t.Fatal(err)
			}
			want := store.Totals{Taxes: tc.taxes, Subtotal: tc.subtotal, Tax: tc.tax, Total: tc.total}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("\n got %+v\nwant %+v", got, want)
			}
			// The figures add up: per rate net + tax = gross; the totals are the sums.
			var n, x, g store.Money
			for _, tl := range got.Taxes {
				if tl.Net+tl.Tax != tl.Gross {
					t.Errorf("rate %d: %d + %d ≠ %d", tl.Rate, tl.Net, tl.Tax, tl.Gross)
				}
				n, x, g = n+tl.Net, x+tl.Tax, g+tl.Gross
			}
			if n != got.Subtotal || x != got.Tax || g != got.Total {
				t.Errorf("sums %d %d %d, totals %d %d %d", n, x, g, got.Subtotal, got.Tax, got.Total)
			}
		})
	}
	if got, err := store.ComputeTotals(nil, store.PriceExclusive, store.RoundFloor); err != nil || !reflect.DeepEqual(got, store.Totals{}) {
		t.Errorf("no lines: %+v, %v", got, err)
	}
}

// Sums past int64 are refused, never wrapped round to a negative total.
func TestComputeTotalsOverflow(t *testing.T) {
	const big = store.Money(math.MaxInt64 / 2) // ≈ 4.6 × 10^18
	cases := []struct {
		name  string
		lines []store.Line
		mode  string
	}{
		{"one rate's lines", []store.Line{amt(10, big), amt(10, big), amt(10, 2)}, store.PriceInclusive},
		{"one rate's net plus its tax", []store.Line{amt(10, 9_000_000_000_000_000_000)}, store.PriceExclusive}, // gross 9.9 × 10^18
		{"the grand total", []store.Line{amt(10, big), amt(8, big)}, store.PriceExclusive},
		{"the grand total, inclusive", []store.Line{amt(10, big), amt(8, big), amt(0, big)}, store.PriceInclusive},
		{"negative", []store.Line{amt(10, -big), amt(10, -big), amt(10, -3)}, store.PriceInclusive},
	}
	for _, tc := range cases {
		got, err := store.ComputeTotals(tc.lines, tc.mode, store.RoundFloor)
		if err == nil {
			t.Errorf("%s: %+v, want money.overflow", tc.name, got)
			continue
		}
		if e, ok := store.AsError(err); !ok || e.Reason != "money.overflow" {
			t.Errorf("%s: %v, want money.overflow", tc.name, err)
		}
	}
}

// Line amount = quantity × unit price, half up to the yen, then the tax.
func TestLineAmountAndTotals(t *testing.T) {
	cases := []struct {
		q     string
		price store.Money
		want  store.Money
	}{
		{"1.5", 333, 500},       // 499.5 → 500
		{"1.499", 1000, 1499},   // exact
		{"0.125", 100, 13},      // 12.5 → 13
		{"0.124", 100, 12},      // 12.4 → 12
		{"2.5", -333, -833},     // −832.5 → −833, away from zero like the debit
		{"-1.5", 333, -500},     // a return
		{"0.001", 499, 0},       // 0.499 → 0
		{"0.001", 500, 1},       // 0.5 → 1
		{"1000000", 1e12, 1e18}, // a million × 10^12
		{"0", 12345, 0},
	}
	for _, tc := range cases {
		got, err := store.LineAmount(storetest.Qty(tc.q), tc.price)
		if err != nil || got != tc.want {
			t.Errorf("LineAmount(%s, %d) = %d, %v; want %d", tc.q, tc.price, got, err, tc.want)
		}
	}
	if _, err := store.LineAmount(storetest.Qty("10000"), math.MaxInt64/1000); err == nil {
		t.Error("an amount past int64 was accepted")
	}
	// 1.5 × 333 = 500 and 2.25 × 1,000 = 2,250 at 10%: net 2,750, tax 275.
	a, _ := store.LineAmount(storetest.Qty("1.5"), 333)
	b, _ := store.LineAmount(storetest.Qty("2.25"), 1000)
	got, err := store.ComputeTotals([]store.Line{amt(10, a), amt(10, b)}, store.PriceExclusive, store.RoundFloor)
	if err != nil || got.Total != 3025 || got.Tax != 275 {
		t.Errorf("totals %+v, %v; want tax 275, total 3,025", got, err)
	}
}

// A line takes the rate in force on its document's date: consumption tax went
// from 8% to 10% on 2019-10-01, when the reduced 8% rate began.
func TestTaxRateHistory(t *testing.T) {
	f := newDocFix(t)
	tt, err := f.st.TaxTable(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		category, date string
		rate           int
		ok             bool
	}{
		{store.TaxStandard, "1989-03-31", 0, false},
		{store.TaxStandard, "1989-04-01", 3, true},
		{store.TaxStandard, "1997-03-31", 3, true},
		{store.TaxStandard, "1997-04-01", 5, true},
		{store.TaxStandard, "2014-03-31", 5, true},
		{store.TaxStandard, "2014-04-01", 8, true},
		{store.TaxStandard, "2019-09-30", 8, true},
		{store.TaxStandard, "2019-10-01", 10, true},
		{store.TaxStandard, "2099-12-31", 10, true},
		{store.TaxReduced, "2019-09-30", 0, false},
		{store.TaxReduced, "2019-10-01", 8, true},
		{store.TaxExempt, "2000-01-01", 0, true},
		{"vat", "2026-01-01", 0, false},
	}
	for _, tc := range cases {
		rate, ok := tt.RateOn(tc.category, storetest.Date(tc.date))
		if rate != tc.rate || ok != tc.ok {
			t.Errorf("RateOn(%s, %s) = %d, %v; want %d, %v", tc.category, tc.date, rate, ok, tc.rate, tc.ok)
		}
	}
	if !store.IsReducedRate(store.TaxReduced) || store.IsReducedRate(store.TaxStandard) || store.IsReducedRate(store.TaxExempt) {
		t.Error("IsReducedRate: only the reduced category is marked ※")
	}

	// Through a saved document: the same lines on either side of the change.
	lines := func() []store.Line {
		return []store.Line{storetest.Line("設計", "1", 10000, store.TaxStandard), storetest.Line("非課税", "1", 1000, store.TaxExempt)}
	}
	before := f.draft(store.KindInvoice, "2019-09-30", lines()...)
	after := f.draft(store.KindInvoice, "2019-10-01", lines()...)
	if r := []int{before.Lines[0].TaxRate, before.Lines[1].TaxRate}; !slices.Equal(r, []int{8, 0}) {
		t.Errorf("2019-09-30 rates %v, want [8 0]", r)
	}
	if before.Totals.Tax != 800 || before.Totals.Total != 11800 {
		t.Errorf("2019-09-30 totals %+v, want tax 800 (8%% of 10,000)", before.Totals)
	}
	if r := []int{after.Lines[0].TaxRate, after.Lines[1].TaxRate}; !slices.Equal(r, []int{10, 0}) {
		t.Errorf("2019-10-01 rates %v, want [10 0]", r)
	}
	if after.Totals.Tax != 1000 || after.Totals.Total != 12000 {
		t.Errorf("2019-10-01 totals %+v, want tax 1,000", after.Totals)
	}
	// Moving the draft's date across the change moves its rate.
	before.IssueDate = storetest.Date("2019-10-01")
	if err := f.st.SaveDraft(f.ctx, &before); err != nil {
		t.Fatal(err)
	}
	if got := f.load(before.ID); got.Lines[0].TaxRate != 10 || got.Totals.Tax != 1000 {
		t.Errorf("redated draft: rate %d tax %d, want 10%%, 1,000", got.Lines[0].TaxRate, got.Totals.Tax)
	}

	// The reduced rate did not exist before 2019-10-01.
	d := f.newDoc(store.KindInvoice, "2019-09-30", storetest.Line("設計", "1", 10000, store.TaxStandard),
		storetest.Line("お弁当", "1", 1000, store.TaxReduced))
	err = f.st.SaveDraft(f.ctx, &d)
	if got := fieldErrors(err); !slices.Equal(got, []string{"lines.1.tax_category tax.no_rate"}) {
		t.Errorf("reduced on 2019-09-30: %q, want lines.1.tax_category tax.no_rate", got)
	}
	if n := f.count(`SELECT count(*) FROM documents`); n != 2 {
		t.Errorf("%d documents, want the 2 saved before", n)
	}
}
