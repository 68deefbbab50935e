package store

import (
	"context"
	"math/big"
	"sort"
	"time"
)

// Tax categories (ARCHITECTURE.md §4). Each has rates with effective dates.
const (
	TaxStandard = "standard" // 10% since 2019-10-01
	TaxReduced  = "reduced"  // 8%: food and newspapers (軽減税率), marked ※
	TaxExempt   = "exempt"   // 0%: non-taxable and exempt sales
)

// TaxCategories lists the category codes in display order.
var TaxCategories = []string{TaxStandard, TaxReduced, TaxExempt}

// taxRate is one rate of a category from a date on.
type taxRate struct {
	category string
	from     string // YYYY-MM-DD, so text order is date order
	rate     int
}

// TaxTable is the rate history, loaded once per transaction (or screen) that
// needs it.
type TaxTable struct {
	rates   []taxRate // by category, then date
	reduced map[string]bool
}

// TaxTable returns the tax rate history, for computing a draft's totals live.
func (s *Store) TaxTable(ctx context.Context) (TaxTable, error) { return loadTaxTable(ctx, s.db) }

func loadTaxTable(ctx context.Context, q queryer) (TaxTable, error) {
	t := TaxTable{reduced: map[string]bool{}}
	rows, err := q.QueryContext(ctx, `SELECT r.category, r.effective_from, r.rate, c.reduced
		FROM tax_rates r JOIN tax_categories c ON c.code = r.category ORDER BY r.category, r.effective_from`)
	if err != nil {
		return t, err
	}
	defer rows.Close()
	for rows.Next() {
		var r taxRate
		var reduced bool
		if err := rows.Scan(&r.category, &r.from, &r.rate, &reduced); err != nil {
			return t, err
		}
		t.rates = append(t.rates, r)
		t.reduced[r.category] = reduced
	}
	return t, rows.Err()
}

// RateOn is the category's rate in force on date; ok is false for an unknown
// category or a date before its first rate.
func (t TaxTable) RateOn(category string, date time.Time) (rate int, ok bool) {
	d := FormatDate(date)
	for _, r := range t.rates {
		if r.category == category && r.from <= d {
			rate, ok = r.rate, true
		}
	}
	return rate, ok
}

// IsReducedRate reports whether a category is a reduced rate (※ on documents).
func IsReducedRate(category string) bool { return category == TaxReduced }

// TaxLine is one rate's part of a document: the qualified-invoice summary
// (10%対象 ¥… 消費税 ¥…).
type TaxLine struct {
	Rate  int   `json:"rate"`
	Net   Money `json:"net"`
	Tax   Money `json:"tax"`
	Gross Money `json:"gross"`
}

// Totals are a document's figures: per rate, then summed.
type Totals struct {
	Taxes    []TaxLine
	Subtotal Money // Σ net
	Tax      Money // Σ tax
	Total    Money // Σ gross
}

// Price modes: whether unit prices include consumption tax.
const (
	PriceExclusive = "exclusive" // 税抜: tax is added per rate
	PriceInclusive = "inclusive" // 税込: tax is backed out per rate
)

// ComputeTotals applies ARCHITECTURE.md §4 to line amounts: amounts are summed
// per rate, then tax is computed once per rate with the rounding mode — never
// per line. Exclusive: tax = round(net × rate / 100). Inclusive: tax =
// round(gross × rate / (100 + rate)), net = gross − tax.
func ComputeTotals(lines []Line, priceMode, rounding string) (Totals, error) {
	sums := map[int]Money{}
	for _, l := range lines {
		s, err := addMoney(sums[l.TaxRate], l.Amount)
		if err != nil {
			return Totals{}, err
		}
		sums[l.TaxRate] = s
	}
	rates := make([]int, 0, len(sums))
	for r := range sums {
		rates = append(rates, r)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(rates))) // 10% before 8% before 0%, as documents list them
	var t Totals
	for _, r := range rates {
		tl := TaxLine{Rate: r}
		var err error
		if priceMode == PriceInclusive {
			tl.Gross = sums[r]
			tl.Tax = roundDiv(int64(tl.Gross), int64(r), int64(100+r), rounding)
			tl.Net = tl.Gross - tl.Tax
		} else {
			tl.Net = sums[r]
			tl.Tax = roundDiv(int64(tl.Net), int64(r), 100, rounding)
			if tl.Gross, err = addMoney(tl.Net, tl.Tax); err != nil { // net near the limit plus its tax
				return Totals{}, err
			}
		}
		t.Taxes = append(t.Taxes, tl)
		if t.Subtotal, err = addMoney(t.Subtotal, tl.Net); err != nil {
			return Totals{}, err
		}
		if t.Tax, err = addMoney(t.Tax, tl.Tax); err != nil {
			return Totals{}, err
		}
		if t.Total, err = addMoney(t.Total, tl.Gross); err != nil {
			return Totals{}, err
		}
	}
	return t, nil
}

// roundDiv is amount × num / den rounded by mode, exactly (128-bit
// intermediate, so a large amount cannot overflow). Negative amounts (credit
// lines) round symmetrically: floor means toward zero, as tax is cut, not
// grown, whichever the sign.
func roundDiv(amount, num, den int64, mode string) Money {
	p := new(big.Int).Mul(big.NewInt(amount), big.NewInt(num))
	neg := p.Sign() < 0
	p.Abs(p)
	q, r := new(big.Int).QuoRem(p, big.NewInt(den), new(big.Int))
	switch mode {
	case RoundCeil:
		if r.Sign() != 0 {
			q.Add(q, big.NewInt(1))
		}
	case RoundHalfUp:
		if new(big.Int).Mul(r, big.NewInt(2)).Cmp(big.NewInt(den)) >= 0 {
			q.Add(q, big.NewInt(1))
		}
	}
	v := q.Int64()
	if neg {
		v = -v
	}
	return Money(v)
}

// addMoney adds without silent overflow.
func addMoney(a, b Money) (Money, error) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, Invalid("", "money.overflow")
	}
	return s, nil
}
