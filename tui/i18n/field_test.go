package i18n

import (
	"testing"

	"daicho/store"
)

func TestFieldLabels(t *testing.T) {
	cases := []struct {
		lang  Lang
		field string
		want  string
	}{
		{EN, "name", "Name"},
		{EN, "bank_accounts.1.bank", "Bank (2)"},
		{EN, "lines.0.description", "Line 1: Description"},
		{EN, "lines.11.tax_category", "Line 12: Tax category"},
		{EN, "lines", "Lines"},
		{EN, "company.registration_number", "Company registration no."},
		{JA, "lines.2.quantity", "明細3行目: 数量"},
		{JA, "lines", "明細"},
		{JA, "due_date", "支払期限"},
	}
	for _, tc := range cases {
		if got := New(tc.lang).Field(tc.field); got != tc.want {
			t.Errorf("%s Field(%q) = %q, want %q", tc.lang, tc.field, got, tc.want)
		}
	}
	// A store error on a line reads as one sentence, in place.
	err := store.Errors{store.Invalid("lines.1.quantity", "document.exceeds_remaining", "2.5"),
		store.Invalid("lines.0.tax_category", "tax.no_rate", "2019-09-30")}
	want := "Line 2: Quantity: more than is left to deliver or invoice (2.5 left); " +
		"Line 1: Tax category: this tax category has no rate on 2019-09-30"
	if got := New(EN).Error(err); got != want {
		t.Errorf("Error:\n got %q\nwant %q", got, want)
	}
	// A draft estimate has no number: the argument is dropped, not printed as "".
	e := &store.Error{Code: store.CodeConflict, Reason: "document.convert_needs_issued", Args: []any{""}}
	for _, lang := range []Lang{EN, JA} {
		if got := New(lang).Reason(e); got == "" || got != New(lang).T("err.document.convert_needs_issued", "Q-2026-0001") {
			t.Errorf("%s: %q", lang, got)
		}
	}
}
