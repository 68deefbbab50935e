package tui

import (
	"context"
	"testing"

	"daicho/store"
	"daicho/tui/i18n"
)

// The shortfall tolerance (what f closes as a transfer fee) and how the
// billing run makes invoices are on the company form (S); an amount that is
// not one is refused under its field, and nothing is saved.
func TestShortfallAndBillingSettingsOnTheCompanyForm(t *testing.T) {
	st := newStore(t, true)
	before, _ := st.Company(context.Background())
	h := newHarness(t, st, i18n.EN, 100, 60)
	h.press("S")
	h.mustSee("Shortfall tolerance", "Billing run", "one invoice per contract")
	focus := func(field string) {
		for range 40 {
			if h.m.setup.form.Focused() == field {
				return
			}
			h.press("tab")
		}
		t.Fatalf("no field %s", field)
	}
	focus("shortfall_tolerance")
	for range 10 {
		h.press("backspace")
	}
	h.typeText("abc")
	h.press("ctrl+s")
	_, bad := store.ParseMoney("abc", store.JPY)
	h.mustSee("Not saved", i18n.New(i18n.EN).Error(bad))
	if c, _ := st.Company(context.Background()); c.Version != before.Version {
		t.Fatalf("saved with a bad amount: version %d → %d", before.Version, c.Version)
	}
	for range 3 {
		h.press("backspace")
	}
	h.typeText("660")
	focus("billing_combine")
	h.press("right")
	h.mustSee("one invoice per customer")
	h.press("ctrl+s")
	h.mustSee("Company settings saved.")
	c, _ := st.Company(context.Background())
	if c.ShortfallTolerance != store.Money(660) || !c.BillingCombine {
		t.Fatalf("settings: tolerance %d, combine %v", c.ShortfallTolerance, c.BillingCombine)
	}
}
