package store

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func mustCurrency(t testing.TB, code string) Currency {
	t.Helper()
	c, ok := CurrencyByCode(code)
	if !ok {
		t.Fatalf("CurrencyByCode(%q) not found", code)
	}
	return c
}

// checkInvalid asserts err is a store *Error with CodeInvalid, no field (the
// caller adds it) and the given reason; args are compared when non-nil.
func checkInvalid(t *testing.T, err error, reason string, args []any) {
	t.Helper()
	e, ok := AsError(err)
	if !ok {
		t.Fatalf("error %v (%T) is not a *store.Error", err, err)
	}
	if e.Code != CodeInvalid || e.Field != "" || e.Reason != reason {
		t.Fatalf("got {%s %q %q}, want {%s \"\" %q}", e.Code, e.Field, e.Reason, CodeInvalid, reason)
	}
	if args != nil && !reflect.DeepEqual(e.Args, args) {
		t.Fatalf("args %v, want %v", e.Args, args)
	}
}

func TestMoneyCurrencyByCode(t *testing.T) {
	tests := []struct {
		code     string
		ok       bool
		decimals int
		symbol   string
	}{
		{"JPY", true, 0, "¥"},
		{"jpy", true, 0, "¥"},
		{"USD", true, 2, "$"},
		{" EUR ", true, 2, "€"},
		{"XXX", false, 0, ""},
		{"", false, 0, ""},
	}
	for _, tt := range tests {
		c, ok := CurrencyByCode(tt.code)
		if ok != tt.ok || c.Decimals != tt.decimals || c.Symbol != tt.symbol {
			t.Errorf("CurrencyByCode(%q) = %+v, %v", tt.code, c, ok)
		}
	}
	if c, _ := CurrencyByCode("JPY"); c != JPY {
		t.Errorf("JPY by code %+v != JPY %+v", c, JPY)
	}
}

func TestParseMoney(t *testing.T) {
	usd := mustCurrency(t, "USD")
	eur := mustCurrency(t, "EUR")
	tests := []struct {
		in   string
		cur  Currency
		want Money
	}{
		{"0", JPY, 0},
		{"12345", JPY, 12345},
		{"12,345", JPY, 12345},
		{"¥12,345", JPY, 12345},
		{"￥12,345", JPY, 12345},
		{"１２，３４５", JPY, 12345},
		{"￥１２，３４５", JPY, 12345},
		{"-1,000", JPY, -1000},
		{"－１，０００", JPY, -1000},
		{"−1,000", JPY, -1000},
		{"-¥1,000", JPY, -1000},
		{"¥-1,000", JPY, -1000},
		{"12345円", JPY, 12345},
		{"12,345 円", JPY, 12345},
		{"¥ 12,345", JPY, 12345},
		{"  12,345  ", JPY, 12345},
		{"\u300012,345\u3000", JPY, 12345},
		{"1,234,567", JPY, 1234567},
		{"-0", JPY, 0},
		{"007", JPY, 7},
		{"9,223,372,036,854,775,807", JPY, math.MaxInt64},
		{"-9223372036854775807", JPY, -math.MaxInt64},
		{"12.50", usd, 1250},
		{"12.5", usd, 1250},
		{"12", usd, 1200},
		{"$12.50", usd, 1250},
		{"＄１２．５０", usd, 1250},
		{"-$0.01", usd, -1},
		{"1,234.56", usd, 123456},
		{"€3.07", eur, 307},
		{"92233720368547758.07", usd, math.MaxInt64},
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in, tt.cur)
		if err != nil || got != tt.want {
			t.Errorf("ParseMoney(%q, %s) = %d, %v; want %d", tt.in, tt.cur.Code, got, err, tt.want)
		}
	}
}

func TestParseMoneyRefused(t *testing.T) {
	usd := mustCurrency(t, "USD")
	tests := []struct {
		in     string
		cur    Currency
		reason string
		args   []any
	}{
		{"", JPY, "money.empty", nil},
		{"   ", JPY, "money.empty", nil},
		{"\u3000", JPY, "money.empty", nil},
		{"abc", JPY, "money.syntax", nil},
		{"12a", JPY, "money.syntax", nil},
		{"１２ａ", JPY, "money.syntax", nil},
		{"-", JPY, "money.syntax", nil},
		{"--1", JPY, "money.syntax", nil},
		{"-¥-1", JPY, "money.syntax", nil},
		{"¥", JPY, "money.syntax", nil},
		{"円", JPY, "money.syntax", nil},
		{"1,2,3", JPY, "money.syntax", nil},
		{"12,34", JPY, "money.syntax", nil},
		{"1234,567", JPY, "money.syntax", nil},
		{",123", JPY, "money.syntax", nil},
		{"123,", JPY, "money.syntax", nil},
		{"1 000", JPY, "money.syntax", nil},
		{"12.", usd, "money.syntax", nil},
		{".5", usd, "money.syntax", nil},
		{"1.2.3", usd, "money.syntax", nil},
		{"1.-2", usd, "money.syntax", nil},
		{"+5", JPY, "money.syntax", nil},
		{"$12", JPY, "money.syntax", nil},
		{"12円", usd, "money.syntax", nil},
		{"1e3", JPY, "money.syntax", nil},
		{"12.5x", JPY, "money.syntax", nil},
		{"12.5", JPY, "money.fraction", []any{0}},
		{"12.0", JPY, "money.fraction", []any{0}},
		{"¥1,000.5", JPY, "money.fraction", []any{0}},
		{"12.505", usd, "money.fraction", []any{2}},
		{"9,223,372,036,854,775,808", JPY, "money.overflow", nil},
		{"-9223372036854775808", JPY, "money.overflow", nil},
		{"99999999999999999999999", JPY, "money.overflow", nil},
		{"92233720368547758.08", usd, "money.overflow", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseMoney(tt.in, tt.cur)
			if err == nil {
				t.Fatalf("ParseMoney(%q, %s) = %d, want %s", tt.in, tt.cur.Code, got, tt.reason)
			}
			checkInvalid(t, err, tt.reason, tt.args)
		})
	}
}

func TestMoneyFormat(t *testing.T) {
	usd := mustCurrency(t, "USD")
	tests := []struct {
		m          Money
		cur        Currency
		format     string
		plain      string
		roundTrips bool
	}{
		{0, JPY, "¥0", "0", true},
		{5, JPY, "¥5", "5", true},
		{999, JPY, "¥999", "999", true},
		{1000, JPY, "¥1,000", "1,000", true},
		{12345, JPY, "¥12,345", "12,345", true},
		{-1000, JPY, "-¥1,000", "-1,000", true},
		{123456, JPY, "¥123,456", "123,456", true},
		{1234567, JPY, "¥1,234,567", "1,234,567", true},
		{math.MaxInt64, JPY, "¥9,223,372,036,854,775,807", "9,223,372,036,854,775,807", true},
		// MinInt64 cannot be parsed (the range is symmetric) but must still print.
		{math.MinInt64, JPY, "-¥9,223,372,036,854,775,808", "-9,223,372,036,854,775,808", false},
		{1250, usd, "$12.50", "12.50", true},
		{1, usd, "$0.01", "0.01", true},
		{-1, usd, "-$0.01", "-0.01", true},
		{0, usd, "$0.00", "0.00", true},
		{123456789, usd, "$1,234,567.89", "1,234,567.89", true},
	}
	for _, tt := range tests {
		if got := tt.m.Format(tt.cur); got != tt.format {
			t.Errorf("Money(%d).Format(%s) = %q, want %q", tt.m, tt.cur.Code, got, tt.format)
		}
		if got := tt.m.Plain(tt.cur); got != tt.plain {
			t.Errorf("Money(%d).Plain(%s) = %q, want %q", tt.m, tt.cur.Code, got, tt.plain)
		}
		if !tt.roundTrips {
			continue
		}
		for _, s := range []string{tt.format, tt.plain} {
			if back, err := ParseMoney(s, tt.cur); err != nil || back != tt.m {
				t.Errorf("ParseMoney(%q) = %d, %v; want %d", s, back, err, tt.m)
			}
		}
	}
}

func TestParseQuantity(t *testing.T) {
	tests := []struct {
		in   string
		want Quantity
		str  string
	}{
		{"1", 1000, "1"},
		{"2", 2000, "2"},
		{"1.5", 1500, "1.5"},
		{"0.125", 125, "0.125"},
		{"1.500", 1500, "1.5"},
		{"0.001", 1, "0.001"},
		{"0", 0, "0"},
		{"-0", 0, "0"},
		{"-2.25", -2250, "-2.25"},
		{"１．５", 1500, "1.5"},
		{"１２", 12000, "12"},
		{"1,000", 1000000, "1000"},
		{" 3 ", 3000, "3"},
		{"9223372036854775.807", math.MaxInt64, "9223372036854775.807"},
	}
	for _, tt := range tests {
		got, err := ParseQuantity(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseQuantity(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			continue
		}
		if s := got.String(); s != tt.str {
			t.Errorf("Quantity(%d).String() = %q, want %q", got, s, tt.str)
		}
	}
}

func TestParseQuantityRefused(t *testing.T) {
	tests := []struct {
		in     string
		reason string
	}{
		{"", "quantity.empty"},
		{"\u3000", "quantity.empty"},
		{"abc", "quantity.syntax"},
		{"1.", "quantity.syntax"},
		{".5", "quantity.syntax"},
		{"-", "quantity.syntax"},
		{"1,5", "quantity.syntax"},
		{"1.2.3", "quantity.syntax"},
		{"1/2", "quantity.syntax"},
		{"1.2345", "quantity.decimals"},
		{"0.0001", "quantity.decimals"},
		{"9223372036854775.808", "quantity.overflow"},
		{"10000000000000000", "quantity.overflow"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseQuantity(tt.in)
			if err == nil {
				t.Fatalf("ParseQuantity(%q) = %d, want %s", tt.in, got, tt.reason)
			}
			var args []any
			if tt.reason == "quantity.decimals" {
				args = []any{3}
			}
			checkInvalid(t, err, tt.reason, args)
		})
	}
}

func TestQuantityString(t *testing.T) {
	tests := []struct {
		q    Quantity
		want string
	}{
		{0, "0"},
		{1, "0.001"},
		{10, "0.01"},
		{100, "0.1"},
		{1000, "1"},
		{1010, "1.01"},
		{-1, "-0.001"},
		{-1500, "-1.5"},
		{math.MinInt64, "-9223372036854775.808"},
	}
	for _, tt := range tests {
		if got := tt.q.String(); got != tt.want {
			t.Errorf("Quantity(%d).String() = %q, want %q", int64(tt.q), got, tt.want)
		}
	}
}

func TestMoneyLineAmount(t *testing.T) {
	tests := []struct {
		name  string
		q     Quantity
		price Money
		want  Money
	}{
		{"whole", 3000, 1200, 3600},
		{"zero qty", 0, 1200, 0},
		{"zero price", 1500, 0, 0},
		{"half exact", 1500, 101, 152},  // 151.5 → 152
		{"below half", 1499, 101, 151},  // 151.399 → 151
		{"thousandth", 125, 1000, 125},  // 0.125 × 1000
		{"just under", 1, 499, 0},       // 0.499 → 0
		{"just half", 1, 500, 1},        // 0.5 → 1
		{"neg qty", -1500, 101, -152},   // away from zero
		{"neg price", 1500, -101, -152}, // away from zero
		{"both neg", -1500, -101, 152},
		{"neg below half", -1, 499, 0},
		{"big price", 1000, math.MaxInt64, math.MaxInt64},
		{"big qty", math.MaxInt64, 1, 9223372036854776},              // 9223372036854775.807 → …776
		{"wide product", 2000, math.MaxInt64 / 2, math.MaxInt64 - 1}, // needs 128 bits before /1000
	}
	for _, tt := range tests {
		got, err := LineAmount(tt.q, tt.price)
		if err != nil || got != tt.want {
			t.Errorf("%s: LineAmount(%d, %d) = %d, %v; want %d", tt.name, tt.q, tt.price, got, err, tt.want)
		}
	}
}

func TestMoneyLineAmountOverflow(t *testing.T) {
	tests := []struct {
		q     Quantity
		price Money
	}{
		{2000, math.MaxInt64},
		{math.MaxInt64, math.MaxInt64},
		{math.MinInt64, math.MinInt64},
		{-2000, math.MaxInt64},
		{1001, math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.q.String(), func(t *testing.T) {
			got, err := LineAmount(tt.q, tt.price)
			if err == nil {
				t.Fatalf("LineAmount(%d, %d) = %d, want overflow", tt.q, tt.price, got)
			}
			checkInvalid(t, err, "money.overflow", nil)
		})
	}
}

var moneyReasons = map[string]bool{"money.empty": true, "money.syntax": true, "money.fraction": true, "money.overflow": true}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{
		"12,345", "¥12,345", "１２，３４５", "￥12,345", "-1,000", "12345円", "-¥1,000", "¥-1,000",
		"12.50", "12.5", "$12.50", "9,223,372,036,854,775,807",
		"", "abc", "-", "1,2,3", "12.5x", "9,223,372,036,854,775,808", "1.", ".5", "12,34", "－１", "−1",
	} {
		f.Add(s)
	}
	currencies := []Currency{JPY, mustCurrency(f, "USD")}
	f.Fuzz(func(t *testing.T, s string) {
		for _, cur := range currencies {
			m, err := ParseMoney(s, cur)
			if err != nil {
				e, ok := AsError(err)
				if !ok || e.Code != CodeInvalid || !moneyReasons[e.Reason] {
					t.Fatalf("ParseMoney(%q, %s): unexpected error %#v", s, cur.Code, err)
				}
				continue
			}
			if m == math.MinInt64 {
				t.Fatalf("ParseMoney(%q, %s) = MinInt64; the range must be symmetric", s, cur.Code)
			}
			for _, out := range []string{m.Format(cur), m.Plain(cur)} {
				back, err := ParseMoney(out, cur)
				if err != nil || back != m {
					t.Fatalf("ParseMoney(%q, %s) = %d, formatted %q, parsed back %d, %v", s, cur.Code, m, out, back, err)
				}
			}
		}
	})
}

var quantityReasons = map[string]bool{"quantity.empty": true, "quantity.syntax": true, "quantity.decimals": true, "quantity.overflow": true}

func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{
		"1", "1.5", "0.125", "１．５", "-2.25", "1,000", "9223372036854775.807",
		"", "abc", "1.2345", "1.", ".5", "9223372036854775.808", "1,5", strings.Repeat("9", 30),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuantity(s)
		if err != nil {
			e, ok := AsError(err)
			if !ok || e.Code != CodeInvalid || !quantityReasons[e.Reason] {
				t.Fatalf("ParseQuantity(%q): unexpected error %#v", s, err)
			}
			return
		}
		out := q.String()
		back, err := ParseQuantity(out)
		if err != nil || back != q {
			t.Fatalf("ParseQuantity(%q) = %d, String %q, parsed back %d, %v", s, q, out, back, err)
		}
		// LineAmount must never panic, whatever the operands.
		_, _ = LineAmount(q, Money(q))
	})
}
