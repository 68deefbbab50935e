package storetest

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"daicho/store"
)

// Date reads an ISO date literal ("2026-11-20"). The literal is the test's
// own input, so a malformed one is a bug in the test: Date panics.
func Date(s string) time.Time {
	d, err := store.ParseDate(s)
	if err != nil {
		panic(fmt.Sprintf("storetest.Date(%q): %v", s, err))
	}
	return d
}

// Qty reads a quantity literal ("1", "12.5"); a malformed one panics, as in
// Date.
func Qty(s string) store.Quantity {
	q, err := store.ParseQuantity(s)
	if err != nil {
		panic(fmt.Sprintf("storetest.Qty(%q): %v", s, err))
	}
	return q
}

// Line is a free-text document line of quantity × price in the tax category,
// with the unit 式 (one lot).
func Line(desc, quantity string, price store.Money, category string) store.Line {
	return store.Line{Description: desc, Quantity: Qty(quantity), Unit: "式", UnitPrice: price, TaxCategory: category}
}

// ProductLine is a line picked from a product, as the document editor fills
// it.
func ProductLine(p store.Product, quantity string) store.Line {
	return store.Line{ProductID: p.ID, Description: p.Name, Quantity: Qty(quantity), Unit: p.Unit,
		UnitPrice: p.UnitPrice, TaxCategory: p.TaxCategory}
}

// Problems fails the test unless err is a store.BatchError, and returns its
// problems as "line field reason" strings, to compare with a list.
func Problems(t testing.TB, err error) []string {
	t.Helper()
	var batch store.BatchError
	if !errors.As(err, &batch) {
		t.Fatalf("err = %T %v, want a store.BatchError", err, err)
	}
	var out []string
	for _, re := range batch {
		out = append(out, fmt.Sprintf("%d %s %s", re.Line, re.Err.Field, re.Err.Reason))
	}
	return out
}
