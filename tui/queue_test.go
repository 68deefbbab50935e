package tui

import (
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/demo"
	"daicho/store/storetest"
	"daicho/tui/i18n"
)

// A person in charge opens on their queue: their own customers' overdue
// invoices and nobody else's; enter on an item goes to the tab handling it.
func TestQueueIsTheFirstScreenOfAPersonInCharge(t *testing.T) {
	st := storetest.Open(t)
	ctx := t.Context()
	if err := demo.Fill(ctx, st, demo.Small); err != nil {
		t.Fatal(err)
	}
	st.Now = func() time.Time { return time.Date(2026, 12, 4, 9, 0, 0, 0, time.Local) }
	person := resolveStaff(ctx, st, "sato") // the demo's SSH key name
	if person != "佐藤 健一" {
		t.Fatalf("sato is %q", person)
	}
	over, err := st.Overdue(ctx, store.DateOf(2026, 12, 4))
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, i18n.EN, 120, 40, WithStaff(person))
	h.mustSee("My queue", "Waiting for 佐藤 健一 on 2026-12-04")
	mine := 0
	for _, o := range over {
		if o.PersonInCharge == person {
			mine++
			h.mustSee("Overdue " + o.Number + " " + o.CustomerCode)
		} else {
			h.mustNotSee(o.Number + " ")
		}
	}
	if mine == 0 {
		t.Fatal("the demo gives 佐藤 健一 no overdue invoice")
	}
	if !strings.HasPrefix(squeeze(h.screen()), "daicho") {
		t.Fatalf("screen:\n%s", h.screen())
	}
	h.press("enter") // the first item is overdue: to the overdue tab
	if h.m.active != tabOverdue {
		t.Errorf("enter went to tab %d", h.m.active)
	}
	h.press("shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab") // back round to the queue
	h.mustSee("Waiting for 佐藤 健一")

	// Without a person, the tabs are as before and the customers come first.
	plain := newHarness(t, st, i18n.EN, 120, 40)
	if plain.m.active != 0 || len(plain.m.screens) != 7 {
		t.Errorf("active %d of %d tabs", plain.m.active, len(plain.m.screens))
	}
	if resolveStaff(ctx, st, "nobody") != "" || resolveStaff(ctx, st, "鈴木 美咲") != "鈴木 美咲" {
		t.Error("resolveStaff")
	}
}

// In the customer form, enter on the person in charge picks from the staff.
func TestCustomerFormPicksStaff(t *testing.T) {
	st := newStore(t, true)
	storetest.Staff(t, st, "佐藤", "鈴木")
	addCustomers(t, st, [4]string{"C0001", "株式会社テスト", "テスト", ""})
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("e")
	for range 40 {
		if h.m.current().(*customersScreen).recordViews.editor == nil {
			break
		}
		f := h.m.current().(*customersScreen).recordViews.editor.form
		if f.Focused() == "person_in_charge" {
			break
		}
		h.press("tab")
	}
	h.press("enter")
	h.mustSee("Person in charge", "鈴木")
	h.typeText("鈴木")
	h.press("enter", "ctrl+s")
	c, err := st.CustomerByCode(t.Context(), "C0001")
	if err != nil || c.PersonInCharge != "鈴木" {
		t.Errorf("person %q, %v", c.PersonInCharge, err)
	}
}
