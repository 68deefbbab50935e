package store

import (
	"math"
	"math/bits"
	"strconv"
	"strings"

	"golang.org/x/text/width"
)

// Money is an amount in the currency's minor unit (yen for JPY, cents for
// USD). Integers only: a float cannot hold 0.1 exactly, and invoices must add
// up to the yen.
type Money int64

// Currency says how to read and write amounts. The currency belongs to the
// company, so one Currency value is passed around rather than stored per
// amount.
type Currency struct {
	Code     string // ISO 4217, e.g. "JPY"
	Decimals int    // digits of the minor unit: 0 for JPY, 2 for USD
	Symbol   string // written before the amount: "¥", "$"
}

// JPY is the default currency.
var JPY = Currency{Code: "JPY", Decimals: 0, Symbol: "¥"}

var currencies = []Currency{
	JPY,
	{Code: "USD", Decimals: 2, Symbol: "$"},
	{Code: "EUR", Decimals: 2, Symbol: "€"},
}

// CurrencyByCode finds a known currency by its ISO code, ignoring case.
func CurrencyByCode(code string) (Currency, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	for _, c := range currencies {
		if c.Code == code {
			return c, true
		}
	}
	return Currency{}, false
}

// ParseMoney reads an amount as a user types or pastes it: "12,345",
// "¥12,345", "-¥1,000", full-width "１２，３４５", "12345円" (JPY), "12.50"
// (2-decimal currencies). Errors are *Error with Field "" and one of the
// reasons money.empty, money.syntax, money.fraction (Args: decimals) or
// money.overflow; the caller fills in the field.
func ParseMoney(s string, cur Currency) (Money, error) {
	s = foldNumber(s)
	if s == "" {
		return 0, Invalid("", "money.empty")
	}
	neg := false
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		neg, s = true, strings.TrimSpace(rest)
	}
	if cur.Symbol != "" {
		if rest, ok := strings.CutPrefix(s, cur.Symbol); ok {
			s = strings.TrimSpace(rest)
		}
	}
	if !neg { // "¥-1,000" as well as "-¥1,000"
		if rest, ok := strings.CutPrefix(s, "-"); ok {
			neg, s = true, strings.TrimSpace(rest)
		}
	}
	if cur.Code == "JPY" {
		if rest, ok := strings.CutSuffix(s, "円"); ok {
			s = strings.TrimSpace(rest)
		}
	}
	intPart, frac, ok := splitNumber(s)
	if !ok {
		return 0, Invalid("", "money.syntax")
	}
	if len(frac) > max(cur.Decimals, 0) {
		return 0, Invalid("", "money.fraction", cur.Decimals)
	}
	v, ok := scaledValue(intPart, frac, cur.Decimals)
	if !ok {
		return 0, Invalid("", "money.overflow")
	}
	if neg {
		v = -v
	}
	return Money(v), nil
}

// Format writes the amount with its symbol: "¥12,345", "-¥1,000", "$12.50".
func (m Money) Format(cur Currency) string {
	if m < 0 {
		return "-" + cur.Symbol + plainMagnitude(magnitude(int64(m)), cur.Decimals)
	}
	return cur.Symbol + plainMagnitude(uint64(m), cur.Decimals)
}

// Plain writes the amount without a symbol, for table columns: "12,345",
// "-1,000", "12.50".
func (m Money) Plain(cur Currency) string {
	if m < 0 {
		return "-" + plainMagnitude(magnitude(int64(m)), cur.Decimals)
	}
	return plainMagnitude(uint64(m), cur.Decimals)
}

// plainMagnitude formats v minor units with grouped thousands and decimals
// fraction digits.
func plainMagnitude(v uint64, decimals int) string {
	digits := strconv.FormatUint(v, 10)
	if decimals <= 0 {
		return groupThousands(digits)
	}
	if len(digits) <= decimals {
		digits = strings.Repeat("0", decimals+1-len(digits)) + digits
	}
	cut := len(digits) - decimals
	return groupThousands(digits[:cut]) + "." + digits[cut:]
}

func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	head := len(digits) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(digits[:head])
	for i := head; i < len(digits); i += 3 {
		b.WriteByte(',')
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// Quantity is a line quantity in thousandths (1.5 pieces = 1500), so 0.125 kg
// is exact without floats.
type Quantity int64

const quantityDecimals = 3

// ParseQuantity reads "1", "1.5", "0.125", "1,000", full-width digits, or a
// negative quantity for returns. Errors are *Error with Field "" and reason
// quantity.empty, quantity.syntax, quantity.decimals (Args: 3) or
// quantity.overflow.
func ParseQuantity(s string) (Quantity, error) {
	s = foldNumber(s)
	if s == "" {
		return 0, Invalid("", "quantity.empty")
	}
	neg := false
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		neg, s = true, rest
	}
	intPart, frac, ok := splitNumber(s)
	if !ok {
		return 0, Invalid("", "quantity.syntax")
	}
	if len(frac) > quantityDecimals {
		return 0, Invalid("", "quantity.decimals", quantityDecimals)
	}
	v, ok := scaledValue(intPart, frac, quantityDecimals)
	if !ok {
		return 0, Invalid("", "quantity.overflow")
	}
	if neg {
		v = -v
	}
	return Quantity(v), nil
}

// String writes the quantity with as few decimals as it needs: "2", "1.5",
// "0.125". No thousands separators, so it reads back in any field.
func (q Quantity) String() string {
	sign := ""
	if q < 0 {
		sign = "-"
	}
	mag := magnitude(int64(q))
	whole := strconv.FormatUint(mag/1000, 10)
	frac := mag % 1000
	if frac == 0 {
		return sign + whole
	}
	f := strconv.FormatUint(frac+1000, 10)[1:] // zero-padded to 3 digits
	return sign + whole + "." + strings.TrimRight(f, "0")
}

// LineAmount is quantity × unit price, rounded half-up to the minor unit (away
// from zero for negatives, so a credit line mirrors its debit exactly). The
// 128-bit product keeps large prices from overflowing before the division.
func LineAmount(q Quantity, unitPrice Money) (Money, error) {
	neg := (q < 0) != (unitPrice < 0)
	hi, lo := bits.Mul64(magnitude(int64(q)), magnitude(int64(unitPrice)))
	if hi >= 1000 { // the quotient would not fit in 64 bits
		return 0, Invalid("", "money.overflow")
	}
	quo, rem := bits.Div64(hi, lo, 1000)
	if rem >= 500 {
		quo++
	}
	if quo > math.MaxInt64 {
		return 0, Invalid("", "money.overflow")
	}
	if neg {
		return Money(-int64(quo)), nil
	}
	return Money(quo), nil
}

// magnitude is |v| as uint64, correct even for math.MinInt64.
func magnitude(v int64) uint64 {
	if v < 0 {
		return uint64(^v) + 1
	}
	return uint64(v)
}

// foldNumber turns what an IME produces into ASCII: full-width digits,
// commas, points, minus and yen sign become half-width (width.Fold), the math
// minus "−" that macOS IMEs type becomes "-", and surrounding spaces
// (full-width too) go.
func foldNumber(s string) string {
	s = width.Fold.String(s)
	s = strings.ReplaceAll(s, "\u2212", "-")
	return strings.TrimSpace(s)
}

// splitNumber splits "12,345.67" into "12345" and "67". Commas are optional,
// but when present they must group the integer part in threes ("1,2,3" is a
// typo, not 123). A point needs digits on both sides.
func splitNumber(s string) (intPart, frac string, ok bool) {
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if (hasPoint && !AllDigits(frac)) || intPart == "" {
		return "", "", false
	}
	if !strings.Contains(intPart, ",") {
		return intPart, frac, AllDigits(intPart)
	}
	groups := strings.Split(intPart, ",")
	if n := len(groups[0]); n < 1 || n > 3 || !AllDigits(groups[0]) {
		return "", "", false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !AllDigits(g) {
			return "", "", false
		}
	}
	return strings.Join(groups, ""), frac, true
}

// scaledValue is intPart.frac × 10^decimals as an int64, with frac already
// known to have at most decimals digits; ok is false past math.MaxInt64 (the
// range is kept symmetric so negating never overflows).
func scaledValue(intPart, frac string, decimals int) (int64, bool) {
	var v uint64
	add := func(d byte) bool {
		if v > (math.MaxInt64-uint64(d-'0'))/10 {
			return false
		}
		v = v*10 + uint64(d-'0')
		return true
	}
	for i := 0; i < len(intPart); i++ {
		if !add(intPart[i]) {
			return 0, false
		}
	}
	for i := 0; i < decimals; i++ {
		d := byte('0')
		if i < len(frac) {
			d = frac[i]
		}
		if !add(d) {
			return 0, false
		}
	}
	return int64(v), true
}
