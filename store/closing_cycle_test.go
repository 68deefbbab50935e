package store_test

import (
	"slices"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// A closing invoice gathers the delivery notes of one cycle (ARCHITECTURE.md
// §4): for a customer closing on the 15th, a closing date of 09-30 is in
// the cycle closing 10-15 and takes what was delivered 09-16…10-15; what
// came before is left for the cycle closing 09-15, and the cycle says so.
func TestClosingInvoiceTakesOneCycle(t *testing.T) {
	f := newDocFix(t)
	f.cust.ClosingDay, f.cust.MonthsDeferred, f.cust.PaymentDay = 15, 1, store.MonthEnd
	f.cust.HolidayRule = store.HolidayPrevious
	if err := f.st.UpdateCustomer(f.ctx, &f.cust); err != nil {
		t.Fatal(err)
	}
	var dns []store.Document
	for _, date := range []string{"2026-09-04", "2026-09-12", "2026-09-15", "2026-09-25", "2026-10-08", "2026-10-20"} {
		d := f.newDoc(store.KindDeliveryNote, date, storetest.Line("コピー用紙", "1", 3000, store.TaxStandard))
		d.DeliveryDate = storetest.Date(date)
		if err := f.st.SaveDraft(f.ctx, &d); err != nil {
			t.Fatal(err)
		}
		dns = append(dns, f.issue(d))
	}
	numbers := func(ds ...store.Document) []string {
		out := []string{}
		for _, d := range ds {
			out = append(out, d.Number)
		}
		return out
	}

	cy, err := f.st.ClosingCycle(f.ctx, f.cust.ID, storetest.Date("2026-09-30"))
	if err != nil {
		t.Fatal(err)
	}
	if store.FormatDate(cy.After) != "2026-09-15" || store.FormatDate(cy.Closing) != "2026-10-15" ||
		!slices.Equal(refNumbers(cy.DeliveryNotes), numbers(dns[3], dns[4])) ||
		!slices.Equal(refNumbers(cy.Earlier), numbers(dns[0], dns[1], dns[2])) || store.FormatDate(cy.EarlierClosing) != "2026-09-15" {
		t.Errorf("cycle of 09-30: after %s closing %s takes %q, earlier %q (closing %s)", store.FormatDate(cy.After),
			store.FormatDate(cy.Closing), refNumbers(cy.DeliveryNotes), refNumbers(cy.Earlier), store.FormatDate(cy.EarlierClosing))
	}
	// 15日締め翌月末払い: due 11-30, a Monday.
	if store.FormatDate(cy.Schedule.Due) != "2026-11-30" || cy.Subject != "2026年10月分ご請求" {
		t.Errorf("due %s subject %q", store.FormatDate(cy.Schedule.Due), cy.Subject)
	}

	inv, err := f.st.CreateClosingInvoice(f.ctx, f.cust.ID, storetest.Date("2026-09-30"), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := refNumbers(inv.Sources); !slices.Equal(got, numbers(dns[3], dns[4])) ||
		store.FormatDate(inv.ClosingDate) != "2026-10-15" || store.FormatDate(inv.IssueDate) != "2026-10-15" {
		t.Errorf("closing invoice of 09-30 takes %q, closes %s, dated %s", got, store.FormatDate(inv.ClosingDate),
			store.FormatDate(inv.IssueDate))
	}
	first, err := f.st.CreateClosingInvoice(f.ctx, f.cust.ID, storetest.Date("2026-09-15"), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := refNumbers(first.Sources); !slices.Equal(got, numbers(dns[0], dns[1], dns[2])) {
		t.Errorf("closing invoice of 09-15 takes %q", got)
	}
	if first = f.issue(first); store.FormatDate(first.ClosingDate) != "2026-09-15" || store.FormatDate(first.DueDate) != "2026-10-30" {
		t.Errorf("issued: closing %s due %s; want 09-15 and 10-30 (10-31 a Saturday, previous)",
			store.FormatDate(first.ClosingDate), store.FormatDate(first.DueDate))
	}

	// Nothing left in a cycle: refused, naming the older note left behind
	// when there is one.
	if err := f.st.DeleteDraft(f.ctx, inv.ID); err != nil {
		t.Fatal(err)
	}
	_, err = f.st.CreateClosingInvoice(f.ctx, f.cust.ID, storetest.Date("2026-12-15"), "")
	if e := storeError(t, err, store.CodeConflict); e.Reason != "document.dn_earlier_cycle" || e.Field != "closing_date" ||
		!slices.Equal(e.Args, []any{"2026-12-15", dns[3].Number, "2026-10-15"}) {
		t.Errorf("empty cycle after an uninvoiced one: %v %v", e, e.Args)
	}
	if _, err := f.st.CreateClosingInvoice(f.ctx, f.cust.ID, storetest.Date("2026-10-15"), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.CreateClosingInvoice(f.ctx, f.cust.ID, storetest.Date("2026-11-15"), ""); err != nil {
		t.Fatal(err) // the 10-20 note
	}
	_, err = f.st.CreateClosingInvoice(f.ctx, f.cust.ID, storetest.Date("2026-12-15"), "")
	if e := storeError(t, err, store.CodeConflict); e.Reason != "document.no_delivery_notes" {
		t.Errorf("empty cycle: %v", e)
	}
}

// A closing invoice's subject is in its customer's language, whoever makes
// it: the store words it (ClosingSubject) when the caller gives none.
func TestClosingInvoiceSubjectInCustomersLanguage(t *testing.T) {
	f := newDocFix(t)
	f.cust.Language, f.cust.PostalCode = "en", "EC1A 1BB"
	if err := f.st.UpdateCustomer(f.ctx, &f.cust); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id   int64
		want string
	}{{f.cust.ID, "Invoice for November 2026"}, {f.other.ID, "2026年11月分ご請求"}} {
		d := f.newDoc(store.KindDeliveryNote, "2026-11-10", storetest.Line("設計", "1", 10000, store.TaxStandard))
		d.CustomerID = c.id
		if err := f.st.SaveDraft(f.ctx, &d); err != nil {
			t.Fatal(err)
		}
		f.issue(d)
		inv, err := f.st.CreateClosingInvoice(f.ctx, c.id, storetest.Date("2026-11-20"), "")
		if err != nil {
			t.Fatal(err)
		}
		if inv.Subject != c.want {
			t.Errorf("customer %d: subject %q, want %q", c.id, inv.Subject, c.want)
		}
	}
	if got := store.ClosingSubject("en", storetest.Date("2026-12-20")); got != "Invoice for December 2026" {
		t.Errorf("ClosingSubject(en) = %q", got)
	}
}
