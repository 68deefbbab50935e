package store_test

import (
	"slices"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// checkCarried fails unless line was made from src: everything but the
// quantity (and what follows from it) is the source's.
func checkCarried(t *testing.T, what string, src, line store.Line) {
	t.Helper()
	if line.SourceLineID != src.ID || line.ID == src.ID || line.Description != src.Description || line.Unit != src.Unit ||
		line.UnitPrice != src.UnitPrice || line.TaxCategory != src.TaxCategory || line.CostPrice != src.CostPrice ||
		line.ProductID != src.ProductID || line.ProductCode != src.ProductCode {
		t.Errorf("%s: line not carried from its source\n got %+v\nfrom %+v", what, line, src)
	}
}

// checkHeaderCarried fails unless d took its customer, subject, price mode
// and notes from src.
func checkHeaderCarried(t *testing.T, src, d store.Document) {
	t.Helper()
	if d.CustomerID != src.CustomerID || d.Subject != src.Subject || d.PriceMode != src.PriceMode || d.Notes != src.Notes {
		t.Errorf("%s from %s: customer %d subject %q price mode %q notes %q; want %d %q %q %q", d.Kind, src.Number,
			d.CustomerID, d.Subject, d.PriceMode, d.Notes, src.CustomerID, src.Subject, src.PriceMode, src.Notes)
	}
}

func remainingOf(t *testing.T, f *docFix, estID int64) []string {
	t.Helper()
	rem, err := f.st.Remaining(f.ctx, estID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rem {
		out = append(out, r.Remaining.String())
	}
	return out
}

func TestConvertEstimateToDeliveryNotes(t *testing.T) {
	f := newDocFix(t)
	est := f.issued(store.KindEstimate, "2026-11-02",
		storetest.ProductLine(f.product, "10"),                 // A: 10 h × 8,000, cost 5,000
		storetest.Line("りんご", "2.5", 4000, store.TaxReduced),   // B: 2.5 × 4,000
		storetest.Line("保守（非課税）", "1", 50000, store.TaxExempt)) // C
	a, b, c := est.Lines[0], est.Lines[1], est.Lines[2]
	// The product's cost changes after the estimate: the lines keep the cost they were made with.
	f.product.CostPrice = 5500
	if err := f.st.SaveProduct(f.ctx, &f.product); err != nil {
		t.Fatal(err)
	}

	dn1, err := f.st.ConvertEstimate(f.ctx, est.ID, store.KindDeliveryNote,
		[]store.Pick{{SourceLineID: a.ID, Quantity: storetest.Qty("4")}, {SourceLineID: c.ID, Quantity: 0}, {SourceLineID: b.ID, Quantity: storetest.Qty("1.5")}})
	if err != nil {
		t.Fatal(err)
	}
	if dn1.Kind != store.KindDeliveryNote || dn1.Status != store.StatusDraft || !dn1.IssueDate.Equal(store.Today(fixedNow)) {
		t.Errorf("delivery note %s %s %v", dn1.Kind, dn1.Status, dn1.IssueDate)
	}
	checkHeaderCarried(t, est, dn1)
	if len(dn1.Lines) != 2 {
		t.Fatalf("%d lines, want the 2 picked", len(dn1.Lines))
	}
	checkCarried(t, "A", a, dn1.Lines[0])
	checkCarried(t, "B", b, dn1.Lines[1])
	// 4 × 8,000 = 32,000 at 10% → 3,200; 1.5 × 4,000 = 6,000 at 8% → 480.
	if q0, q1 := dn1.Lines[0].Quantity, dn1.Lines[1].Quantity; q0 != storetest.Qty("4") || q1 != storetest.Qty("1.5") ||
		dn1.Lines[0].Amount != 32000 || dn1.Lines[1].Amount != 6000 || dn1.Totals.Total != 32000+3200+6000+480 {
		t.Errorf("quantities %s %s, amounts %d %d, total %d", q0, q1, dn1.Lines[0].Amount, dn1.Lines[1].Amount, dn1.Totals.Total)
	}
	if dn1.Lines[0].CostPrice != 5000 {
		t.Errorf("cost %d, want the estimate's 5,000", dn1.Lines[0].CostPrice)
	}
	if got := refNumbers(dn1.Sources); !slices.Equal(got, []string{est.Number}) {
		t.Errorf("sources %q", got)
	}
	if got := refNumbers(f.load(est.ID).Targets); !slices.Equal(got, []string{"draft:delivery_note"}) {
		t.Errorf("estimate targets %q", got)
	}
	if got := remainingOf(t, f, est.ID); !slices.Equal(got, []string{"6", "1", "1"}) {
		t.Errorf("remaining %q, want 6 1 1", got)
	}

	// More than remains is refused, on the line at fault, saying what is left.
	for _, tc := range []struct {
		name  string
		picks []store.Pick
		field string
		args  []any
	}{
		{"7 of the 6 left", []store.Pick{{SourceLineID: c.ID, Quantity: storetest.Qty("1")}, {SourceLineID: a.ID, Quantity: storetest.Qty("7")}},
			"lines.1.quantity", []any{"6"}},
		{"the same line twice", []store.Pick{{SourceLineID: a.ID, Quantity: storetest.Qty("4")}, {SourceLineID: a.ID, Quantity: storetest.Qty("4")}},
			"lines.1.quantity", []any{"2"}},
	} {
		_, err := f.st.ConvertEstimate(f.ctx, est.ID, store.KindDeliveryNote, tc.picks)
		e := storeError(t, err, store.CodeInvalid)
		if e.Field != tc.field || e.Reason != "document.exceeds_remaining" || !slices.Equal(e.Args, tc.args) {
			t.Errorf("%s: %v, want %s document.exceeds_remaining %v", tc.name, e, tc.field, tc.args)
		}
	}
	// A negative pick would hand back what was never taken.
	_, err = f.st.ConvertEstimate(f.ctx, est.ID, store.KindDeliveryNote, []store.Pick{{SourceLineID: a.ID, Quantity: storetest.Qty("-4")}})
	if e := storeError(t, err, store.CodeInvalid); e.Field != "lines.0.quantity" || e.Reason != "quantity.negative" {
		t.Errorf("negative pick: %v", e)
	}
	_, err = f.st.ConvertEstimate(f.ctx, est.ID, store.KindDeliveryNote, []store.Pick{{SourceLineID: 99999, Quantity: storetest.Qty("1")}})
	if e := storeError(t, err, store.CodeInvalid); e.Field != "lines" || e.Reason != "document.not_a_source_line" {
		t.Errorf("foreign line: %v", e)
	}
	// Editing a delivery note's line up past the remainder is refused at save.
	over := dn1
	over.Lines = slices.Clone(dn1.Lines)
	over.Lines[0].Quantity = storetest.Qty("10.001")
	if e := storeError(t, f.st.SaveDraft(f.ctx, &over), store.CodeInvalid); e.Field != "lines.0.quantity" {
		t.Errorf("save past the remainder: %v", e)
	}
	// … and at issue, when the draft was changed underneath.
	dnC, err := f.st.ConvertEstimate(f.ctx, est.ID, store.KindDeliveryNote, []store.Pick{{SourceLineID: c.ID, Quantity: storetest.Qty("1")}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.DB().Exec(`UPDATE document_lines SET quantity = 2000 WHERE document_id = ?`, dnC.ID); err != nil {
		t.Fatal(err)
	}
	_, err = f.st.Issue(f.ctx, dnC.ID, 0)
	if e := storeError(t, err, store.CodeInvalid); e.Field != "lines.0.quantity" || e.Reason != "document.exceeds_remaining" {
		t.Errorf("issue past the remainder: %v", e)
	}
	if err := f.st.DeleteDraft(f.ctx, dnC.ID); err != nil {
		t.Fatal(err)
	}
	if n := f.count(`SELECT count(*) FROM counters WHERE kind = 'delivery_note'`); n != 0 {
		t.Error("a refused issue took a number")
	}

	// The rest, in a second delivery note; then nothing is left.
	dn2, err := f.st.ConvertEstimate(f.ctx, est.ID, store.KindDeliveryNote, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, l := range dn2.Lines {
		got = append(got, l.Quantity.String())
		checkCarried(t, "rest", est.Lines[i], l)
	}
	if !slices.Equal(got, []string{"6", "1", "1"}) {
		t.Errorf("second delivery note takes %q, want 6 1 1", got)
	}
	_, err = f.st.ConvertEstimate(f.ctx, est.ID, store.KindDeliveryNote, nil)
	if e := storeError(t, err, store.CodeConflict); e.Reason != "document.nothing_remaining" {
		t.Errorf("third: %v", e)
	}
	_, err = f.st.ConvertEstimate(f.ctx, est.ID, store.KindInvoice, []store.Pick{{SourceLineID: a.ID, Quantity: storetest.Qty("0.001")}})
	if e := storeError(t, err, store.CodeInvalid); e.Reason != "document.exceeds_remaining" {
		t.Errorf("invoice past the remainder: %v", e)
	}
	dn1, dn2 = f.issue(dn1), f.issue(dn2)
	if !dn1.DeliveryDate.Equal(dn1.IssueDate) {
		t.Errorf("delivery date %v, want the issue date", dn1.DeliveryDate)
	}

	// Voiding a delivery note gives its quantities back.
	f.void(dn1.ID, "誤納品")
	if got := remainingOf(t, f, est.ID); !slices.Equal(got, []string{"4", "1.5", "0"}) {
		t.Errorf("remaining after void %q, want 4 1.5 0", got)
	}
	dn3, err := f.st.ConvertEstimate(f.ctx, est.ID, store.KindDeliveryNote, nil)
	if err != nil || len(dn3.Lines) != 2 {
		t.Fatalf("after void: %v, %+v", err, dn3.Lines)
	}
	chain, err := f.st.Chain(f.ctx, dn2.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := refNumbers(chain); !slices.Equal(got, []string{est.Number, "draft:delivery_note", dn1.Number, dn2.Number}) {
		t.Errorf("chain %q", got)
	}
}

func TestConvertRefusals(t *testing.T) {
	f := newDocFix(t)
	draft := f.draft(store.KindEstimate, "2026-11-01", f.twoLines()...)
	est := f.issued(store.KindEstimate, "2026-11-01", f.twoLines()...)
	void := f.issued(store.KindEstimate, "2026-11-01", f.twoLines()...)
	f.void(void.ID, "取消")
	inv := f.issued(store.KindInvoice, "2026-11-01", f.twoLines()...)
	for _, tc := range []struct {
		name   string
		id     int64
		target string
		reason string
	}{
		{"a draft estimate", draft.ID, store.KindDeliveryNote, "document.convert_needs_issued"},
		{"a void estimate", void.ID, store.KindInvoice, "document.convert_needs_issued"},
		{"an invoice", inv.ID, store.KindDeliveryNote, "document.convert_not_allowed"},
		{"to a credit note", est.ID, store.KindCreditNote, "document.convert_not_allowed"},
		{"to an estimate", est.ID, store.KindEstimate, "document.convert_not_allowed"},
	} {
		_, err := f.st.ConvertEstimate(f.ctx, tc.id, tc.target, nil)
		if e := storeError(t, err, store.CodeConflict); e.Reason != tc.reason {
			t.Errorf("%s: %v, want %s", tc.name, e, tc.reason)
		}
	}
	for _, id := range []int64{draft.ID, est.ID} {
		if _, err := f.st.CreateCreditNote(f.ctx, id); err == nil {
			t.Errorf("credit note from %d, not an issued invoice", id)
		}
	}
	if n := f.count(`SELECT count(*) FROM documents`); n != 4 {
		t.Errorf("%d documents, want the 4 made here", n)
	}
}

// Estimate → invoice takes all that remains, with every field, and links
// both ways; the chain reads in flow order.
func TestConvertEstimateToInvoice(t *testing.T) {
	f := newDocFix(t)
	d := f.newDoc(store.KindEstimate, "2026-11-02", f.twoLines()...)
	d.PriceMode = store.PriceInclusive
	d.ValidUntil = storetest.Date("2026-11-30")
	if err := f.st.SaveDraft(f.ctx, &d); err != nil {
		t.Fatal(err)
	}
	est := f.issue(d)
	dn, err := f.st.ConvertEstimate(f.ctx, est.ID, store.KindDeliveryNote,
		[]store.Pick{{SourceLineID: est.Lines[0].ID, Quantity: storetest.Qty("0.5")}})
	if err != nil {
		t.Fatal(err)
	}
	dn = f.issue(dn)
	inv, err := f.st.ConvertEstimate(f.ctx, est.ID, store.KindInvoice, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkHeaderCarried(t, est, inv)
	if inv.PriceMode != store.PriceInclusive {
		t.Errorf("price mode %s", inv.PriceMode)
	}
	if len(inv.Lines) != 2 || inv.Lines[0].Quantity != storetest.Qty("1") || inv.Lines[1].Quantity != storetest.Qty("3") {
		t.Fatalf("invoice lines %+v, want 1 h (1.5 − 0.5) and 3 lunches", inv.Lines)
	}
	for i := range inv.Lines {
		checkCarried(t, "invoice", est.Lines[i], inv.Lines[i])
	}
	// Inclusive: 10%: 8,000 → 8,000 × 10/110 = 727.27… → 727;
	// 8%: 3 × 1,080 = 3,240 → 3,240 × 8/108 = 240.
	want := []store.TaxLine{{Rate: 10, Net: 7273, Tax: 727, Gross: 8000}, {Rate: 8, Net: 3000, Tax: 240, Gross: 3240}}
	if !slices.Equal(inv.Totals.Taxes, want) || inv.Totals.Total != 11240 {
		t.Errorf("totals %+v, want %+v", inv.Totals, want)
	}
	inv = f.issue(inv)
	if got := refNumbers(inv.Sources); !slices.Equal(got, []string{est.Number}) {
		t.Errorf("invoice sources %q", got)
	}
	if got := refNumbers(f.load(est.ID).Targets); !slices.Equal(got, []string{dn.Number, inv.Number}) {
		t.Errorf("estimate targets %q", got)
	}
	for _, from := range []int64{est.ID, dn.ID, inv.ID} {
		chain, err := f.st.Chain(f.ctx, from)
		if err != nil {
			t.Fatal(err)
		}
		if got := refNumbers(chain); !slices.Equal(got, []string{"Q-2026-0001", "D-2026-0001", "I-2026-0001"}) {
			t.Errorf("chain from %d: %q", from, got)
		}
	}
}

// 締め請求: one invoice takes all of one customer's issued, not yet invoiced
// delivery notes of the cycle up to the closing date, and never the same one
// twice.
func TestClosingInvoice(t *testing.T) {
	f := newDocFix(t)
	dnAt := func(customerID int64, date string, lines ...store.Line) store.Document {
		t.Helper()
		d := f.newDoc(store.KindDeliveryNote, date, lines...)
		d.CustomerID = customerID
		d.DeliveryDate = storetest.Date(date)
		if err := f.st.SaveDraft(f.ctx, &d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	lunch := func(n string) store.Line { return storetest.Line("日替わり弁当", n, 105, store.TaxReduced) }
	est := f.issued(store.KindEstimate, "2026-11-01", storetest.Line("設置作業", "1", 20000, store.TaxStandard))
	dn1, err := f.st.ConvertEstimate(f.ctx, est.ID, store.KindDeliveryNote, nil)
	if err != nil {
		t.Fatal(err)
	}
	dn1.IssueDate, dn1.DeliveryDate = storetest.Date("2026-11-05"), storetest.Date("2026-11-05")
	dn1.Lines = append(dn1.Lines, lunch("1"))
	if err := f.st.SaveDraft(f.ctx, &dn1); err != nil {
		t.Fatal(err)
	}
	dn1 = f.issue(dn1)                                             // D-2026-0001
	dn2 := f.issue(dnAt(f.cust.ID, "2026-11-18", lunch("2")))      // D-2026-0002
	dn3 := f.issue(dnAt(f.cust.ID, "2026-11-25", lunch("1")))      // D-2026-0003: after the closing date
	dnVoid := f.issue(dnAt(f.cust.ID, "2026-11-12", lunch("1")))   // D-2026-0004
	dnOther := f.issue(dnAt(f.other.ID, "2026-11-10", lunch("1"))) // D-2026-0005: another customer
	dnDraft := dnAt(f.cust.ID, "2026-11-10", lunch("1"))           // never issued
	f.void(dnVoid.ID, "誤り")

	closing := storetest.Date("2026-11-20")
	refs, err := f.st.UninvoicedDeliveryNotes(f.ctx, f.cust.ID, closing)
	if err != nil {
		t.Fatal(err)
	}
	if got := refNumbers(refs); !slices.Equal(got, []string{dn1.Number, dn2.Number}) {
		t.Errorf("uninvoiced up to 11-20: %q, want %s %s", got, dn1.Number, dn2.Number)
	}
	inv, err := f.st.CreateClosingInvoice(f.ctx, f.cust.ID, closing, "11月分")
	if err != nil {
		t.Fatal(err)
	}
	if inv.Kind != store.KindInvoice || inv.Subject != "11月分" || !inv.IssueDate.Equal(closing) || !inv.ClosingDate.Equal(closing) ||
		inv.CustomerID != f.cust.ID || inv.Status != store.StatusDraft {
		t.Errorf("closing invoice header %+v", inv)
	}
	if got := refNumbers(inv.Sources); !slices.Equal(got, []string{dn1.Number, dn2.Number}) {
		t.Errorf("sources %q", got)
	}
	src := append(slices.Clone(dn1.Lines), dn2.Lines...)
	if len(inv.Lines) != len(src) {
		t.Fatalf("%d lines, want %d", len(inv.Lines), len(src))
	}
	for i := range src {
		checkCarried(t, "closing", src[i], inv.Lines[i])
		if inv.Lines[i].Quantity != src[i].Quantity {
			t.Errorf("line %d quantity %s, want %s", i, inv.Lines[i].Quantity, src[i].Quantity)
		}
	}
	// Tax once per rate over all the delivery notes: 8%: 105 + 2 × 105 = 315 →
	// 25.2 → 25, where the notes one by one say 8 (8.4) + 16 (16.8) = 24.
	// 10%: 20,000 → 2,000.
	want := []store.TaxLine{{Rate: 10, Net: 20000, Tax: 2000, Gross: 22000}, {Rate: 8, Net: 315, Tax: 25, Gross: 340}}
	if !slices.Equal(inv.Totals.Taxes, want) || dn1.Totals.Tax+dn2.Totals.Tax != 2000+8+16 {
		t.Errorf("invoice taxes %+v (want %+v); notes' tax %d + %d", inv.Totals.Taxes, want, dn1.Totals.Tax, dn2.Totals.Tax)
	}

	// The draft invoice holds them: a second closing invoice gets none.
	_, err = f.st.CreateClosingInvoice(f.ctx, f.cust.ID, closing, "二度目")
	if e := storeError(t, err, store.CodeConflict); e.Reason != "document.no_delivery_notes" || e.Field != "closing_date" {
		t.Errorf("second closing invoice: %v", e)
	}
	if refs, _ := f.st.UninvoicedDeliveryNotes(f.ctx, f.cust.ID, closing); len(refs) != 0 {
		t.Errorf("still uninvoiced: %q", refNumbers(refs))
	}
	// A hand-made invoice linked to one of them cannot be issued alongside.
	hand := f.draft(store.KindInvoice, "2026-11-20", lunch("1"))
	if _, err := f.st.DB().Exec(`INSERT INTO document_links (source_id, target_id) VALUES (?, ?)`, dn2.ID, hand.ID); err != nil {
		t.Fatal(err)
	}
	_, err = f.st.Issue(f.ctx, hand.ID, 0)
	if e := storeError(t, err, store.CodeConflict); e.Reason != "document.dn_already_invoiced" || e.Args[0] != dn2.Number {
		t.Errorf("sharing a delivery note: %v", e)
	}
	if err := f.st.DeleteDraft(f.ctx, hand.ID); err != nil {
		t.Fatal(err)
	}

	inv = f.issue(inv)
	if store.FormatDate(inv.DueDate) != "2026-12-10" || !inv.ClosingDate.Equal(closing) {
		t.Errorf("closing %v due %v, want 2026-11-20, 2026-12-10", inv.ClosingDate, inv.DueDate)
	}
	if e := storeError(t, f.st.Void(f.ctx, dn1.ID, "x"), store.CodeConflict); e.Reason != "document.void_has_targets" {
		t.Errorf("void an invoiced delivery note: %v", e)
	}
	chain, err := f.st.Chain(f.ctx, est.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := refNumbers(chain); !slices.Equal(got, []string{est.Number, dn1.Number, dn2.Number, inv.Number}) {
		t.Errorf("chain %q", got)
	}
	if got := refNumbers(f.load(dn2.ID).Targets); !slices.Equal(got, []string{inv.Number}) {
		t.Errorf("delivery note targets %q", got)
	}
	_, err = f.st.CreateClosingInvoice(f.ctx, f.cust.ID, closing, "")
	storeError(t, err, store.CodeConflict)

	// Voiding the invoice frees its delivery notes. A closing date inside the
	// next cycle (20日締め: 11-30 is in the cycle closing 12-20) takes that
	// cycle's note only; the freed ones are left to their own cycle.
	f.void(inv.ID, "請求漏れあり")
	next, err := f.st.CreateClosingInvoice(f.ctx, f.cust.ID, storetest.Date("2026-11-30"), "12月分")
	if err != nil {
		t.Fatal(err)
	}
	if got := refNumbers(next.Sources); !slices.Equal(got, []string{dn3.Number}) || store.FormatDate(next.ClosingDate) != "2026-12-20" ||
		store.FormatDate(next.IssueDate) != "2026-12-20" {
		t.Errorf("next cycle: %q closing %s issued %s", got, store.FormatDate(next.ClosingDate), store.FormatDate(next.IssueDate))
	}
	again, err := f.st.CreateClosingInvoice(f.ctx, f.cust.ID, closing, "11月分（再）")
	if err != nil {
		t.Fatal(err)
	}
	if got := refNumbers(again.Sources); !slices.Equal(got, []string{dn1.Number, dn2.Number}) {
		t.Errorf("after voiding: %q", got)
	}
	// The other customer's note is theirs alone; the draft note is nobody's yet.
	other, err := f.st.CreateClosingInvoice(f.ctx, f.other.ID, closing, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := refNumbers(other.Sources); !slices.Equal(got, []string{dnOther.Number}) || other.CustomerID != f.other.ID ||
		store.FormatDate(other.ClosingDate) != "2026-11-30" { // 月末締め: 11-20 is in the cycle closing 11-30
		t.Errorf("other customer: %q closing %s", got, store.FormatDate(other.ClosingDate))
	}
	if got := f.load(dnDraft.ID); len(got.Targets) != 0 {
		t.Errorf("the draft delivery note was taken: %q", refNumbers(got.Targets))
	}
}

func TestClosingInvoiceRefusesMixedPriceModes(t *testing.T) {
	f := newDocFix(t)
	for i, mode := range []string{store.PriceExclusive, store.PriceInclusive} {
		d := f.newDoc(store.KindDeliveryNote, "2026-11-0"+string(rune('1'+i)), f.twoLines()...)
		d.PriceMode = mode
		if err := f.st.SaveDraft(f.ctx, &d); err != nil {
			t.Fatal(err)
		}
		f.issue(d)
	}
	_, err := f.st.CreateClosingInvoice(f.ctx, f.cust.ID, storetest.Date("2026-11-20"), "")
	if e := storeError(t, err, store.CodeConflict); e.Reason != "document.mixed_price_modes" {
		t.Errorf("%v", e)
	}
	if n := f.count(`SELECT count(*) FROM documents WHERE kind = 'invoice'`); n != 0 {
		t.Errorf("%d invoices made", n)
	}
}

func TestCreditNote(t *testing.T) {
	f := newDocFix(t)
	inv := f.issued(store.KindInvoice, "2026-11-02", f.twoLines()...)
	cn, err := f.st.CreateCreditNote(f.ctx, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cn.Kind != store.KindCreditNote || cn.CorrectsID != inv.ID || cn.Status != store.StatusDraft ||
		!cn.IssueDate.Equal(store.Today(fixedNow)) {
		t.Errorf("credit note %s corrects %d status %s date %v", cn.Kind, cn.CorrectsID, cn.Status, cn.IssueDate)
	}
	checkHeaderCarried(t, store.Document{Number: inv.Number, CustomerID: inv.CustomerID, Subject: inv.Subject,
		PriceMode: inv.PriceMode, Notes: cn.Notes}, cn)
	for i := range inv.Lines {
		checkCarried(t, "credit", inv.Lines[i], cn.Lines[i])
	}
	if got := refNumbers(cn.Sources); !slices.Equal(got, []string{inv.Number}) {
		t.Errorf("sources %q", got)
	}
	// Edited down to what is credited: half an hour of work.
	cn.Lines = cn.Lines[:1]
	cn.Lines[0].Quantity = storetest.Qty("0.5")
	if err := f.st.SaveDraft(f.ctx, &cn); err != nil {
		t.Fatal(err)
	}
	cn = f.issue(cn)
	// 0.5 × 8,000 = 4,000 at 10% → 400.
	if cn.Number != "C-2026-0001" || cn.Totals.Total != 4400 || cn.CorrectsID != inv.ID {
		t.Errorf("issued credit note %s total %d corrects %d", cn.Number, cn.Totals.Total, cn.CorrectsID)
	}
	if e := storeError(t, f.st.Void(f.ctx, inv.ID, "x"), store.CodeConflict); e.Reason != "document.void_has_targets" {
		t.Errorf("void a credited invoice: %v", e)
	}
	// Only an issued invoice can be credited.
	f.void(cn.ID, "取消")
	f.void(inv.ID, "取消")
	if _, err := f.st.CreateCreditNote(f.ctx, inv.ID); err == nil {
		t.Error("credit note from a void invoice")
	}
}
