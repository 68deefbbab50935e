package store

import "time"

// Bounds of every date and amount the ledger stores (ARCHITECTURE.md §4,
// Bounds). Nothing real lies outside them, and what lies outside breaks the
// figures built on it: an invoice dated 9999-12-31 reads as 106,751 days
// overdue, and a payment near the int64 limit overflows every sum it joins.
// Each record's Validate holds its dates and amounts to them, so forms,
// imports and bank files are refused where the value enters, on its field.
var (
	MinDate = DateOf(2000, 1, 1)
	MaxDate = DateOf(2099, 12, 31)
)

// MaxAmount is the largest amount, in minor units, of a line, unit price,
// document total, payment, deposit or adjustment (¥99,999,999,999). Negative
// amounts (a credit line, a reversal) are held to −MaxAmount.
const MaxAmount Money = 99_999_999_999

// CheckDate is the refusal of a date outside MinDate … MaxDate on field
// ("date.bounds"), nil for a date within them or no date (the zero time:
// whether one is required is the record's rule).
func CheckDate(field string, d time.Time) *Error {
	if d.IsZero() || (!d.Before(MinDate) && !d.After(MaxDate)) {
		return nil
	}
	return Invalid(field, "date.bounds", FormatDate(MinDate), FormatDate(MaxDate))
}

// CheckAmount is the refusal of an amount beyond ±MaxAmount on field
// ("money.bounds"), nil within.
func CheckAmount(field string, m Money) *Error {
	if m >= -MaxAmount && m <= MaxAmount {
		return nil
	}
	return Invalid(field, "money.bounds", MaxAmount.Plain(JPY))
}

// date adds CheckDate's refusal of d on field.
func (c *checker) date(field string, d time.Time) {
	if e := CheckDate(field, d); e != nil {
		c.errs = append(c.errs, e)
	}
}

// amount adds CheckAmount's refusal of m on field.
func (c *checker) amount(field string, m Money) {
	if e := CheckAmount(field, m); e != nil {
		c.errs = append(c.errs, e)
	}
}
