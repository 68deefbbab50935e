package store_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// docFix is a ledger ready for documents: the company (April fiscal year,
// floor rounding, a registration number), two customers and two products.
// The first customer pays 20日締め翌月10日払い, next business day.
type docFix struct {
	t        *testing.T
	st       *store.Store
	ctx      context.Context
	company  store.Company
	cust     store.Customer // C0001, 20/1/10, next business day
	other    store.Customer // C0002, month end / next month end
	product  store.Product  // P001 作業費, 時間, 8,000 (cost 5,000), standard
	reducedP store.Product  // P002 お弁当, 個, 1,080 (cost 700), reduced
}

func newDocFix(t *testing.T) *docFix {
	t.Helper()
	f := &docFix{t: t, st: newTestStore(t), ctx: t.Context()}
	f.company = validCompany()
	if err := f.st.SaveCompany(f.ctx, &f.company); err != nil {
		t.Fatal(err)
	}
	storetest.Staff(t, f.st, testStaff...)
	f.cust = fullCustomer("C0001")
	f.cust.HolidayRule = store.HolidayNext
	if err := f.st.CreateCustomer(f.ctx, &f.cust); err != nil {
		t.Fatal(err)
	}
	f.other = validCustomer("C0002")
	f.other.Name = "有限会社ほかの店"
	if err := f.st.CreateCustomer(f.ctx, &f.other); err != nil {
		t.Fatal(err)
	}
	f.product = store.Product{Code: "P001", Name: "作業費", Kana: "サギョウヒ", Unit: "時間", UnitPrice: 8000,
		CostPrice: 5000, TaxCategory: store.TaxStandard}
	f.reducedP = store.Product{Code: "P002", Name: "お弁当", Kana: "オベントウ", Unit: "個", UnitPrice: 1080,
		CostPrice: 700, TaxCategory: store.TaxReduced}
	for _, p := range []*store.Product{&f.product, &f.reducedP} {
		if err := f.st.SaveProduct(f.ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// newDoc is an unsaved document of the fixture's customer.
func (f *docFix) newDoc(kind, date string, lines ...store.Line) store.Document {
	d := store.Document{Kind: kind, CustomerID: f.cust.ID, Subject: "ウェブサイト改修", IssueDate: storetest.Date(date),
		Notes: "納期: 12月末", Lines: lines}
	if kind == store.KindCreditNote {
		f.t.Fatal("make credit notes with CreateCreditNote")
	}
	return d
}

// draft saves a new draft and returns it as stored.
func (f *docFix) draft(kind, date string, lines ...store.Line) store.Document {
	f.t.Helper()
	d := f.newDoc(kind, date, lines...)
	if err := f.st.SaveDraft(f.ctx, &d); err != nil {
		f.t.Fatalf("SaveDraft: %v", err)
	}
	return f.load(d.ID)
}

// issued saves and issues a new document.
func (f *docFix) issued(kind, date string, lines ...store.Line) store.Document {
	f.t.Helper()
	return f.issue(f.draft(kind, date, lines...))
}

func (f *docFix) issue(d store.Document) store.Document {
	f.t.Helper()
	got, err := f.st.Issue(f.ctx, d.ID, d.Version)
	if err != nil {
		f.t.Fatalf("Issue(%d): %v", d.ID, err)
	}
	return got
}

func (f *docFix) load(id int64) store.Document {
	f.t.Helper()
	d, err := f.st.Document(f.ctx, id)
	if err != nil {
		f.t.Fatalf("Document(%d): %v", id, err)
	}
	return d
}

func (f *docFix) void(id int64, reason string) {
	f.t.Helper()
	if err := f.st.Void(f.ctx, id, reason); err != nil {
		f.t.Fatalf("Void(%d): %v", id, err)
	}
}

// count is a count(*) query's result.
func (f *docFix) count(query string, args ...any) int {
	f.t.Helper()
	return queryInt(f.t, f.st.DB(), query, args...)
}

// twoLines is a typical document body: 1.5 hours of work (product P001,
// 8,000/h → 12,000 at 10%) and 3 lunches (product P002, 1,080 → 3,240 at 8%).
func (f *docFix) twoLines() []store.Line {
	return []store.Line{storetest.ProductLine(f.product, "1.5"), storetest.ProductLine(f.reducedP, "3")}
}

// refNumbers lists the numbers (or "draft") of refs.
func refNumbers(refs []store.DocRef) []string {
	out := []string{}
	for _, r := range refs {
		n := r.Number
		if n == "" {
			n = fmt.Sprintf("draft:%s", r.Kind)
		}
		out = append(out, n)
	}
	return out
}

func TestSaveDraftCreateAndUpdate(t *testing.T) {
	f := newDocFix(t)
	d := f.newDoc(store.KindEstimate, "2026-11-20", append(f.twoLines(),
		storetest.Line("  出張費  ", "1", 5000, store.TaxStandard))...)
	d.ValidUntil = storetest.Date("2026-12-20")
	if err := f.st.SaveDraft(f.ctx, &d); err != nil {
		t.Fatal(err)
	}
	if d.ID == 0 || d.Version != 1 || d.Status != "" && d.Status != store.StatusDraft {
		t.Fatalf("after SaveDraft: ID %d, Version %d, Status %q", d.ID, d.Version, d.Status)
	}
	got := f.load(d.ID)
	if got.Status != store.StatusDraft || got.Number != "" || got.Version != 1 {
		t.Errorf("stored: status %q number %q version %d, want a numberless draft, version 1", got.Status, got.Number, got.Version)
	}
	if got.CustomerCode != "C0001" || got.CustomerName != f.cust.Name || got.Customer != nil || got.Company != nil {
		t.Errorf("a draft shows the customer master and has no snapshots: %q %q %v %v",
			got.CustomerCode, got.CustomerName, got.Customer, got.Company)
	}
	if got.PriceMode != store.PriceExclusive || got.Currency != "JPY" || got.TaxRounding != store.RoundFloor {
		t.Errorf("price mode %q currency %q rounding %q, want exclusive JPY floor", got.PriceMode, got.Currency, got.TaxRounding)
	}
	if got.Subject != d.Subject || got.Notes != d.Notes || !got.IssueDate.Equal(d.IssueDate) || !got.ValidUntil.Equal(d.ValidUntil) {
		t.Errorf("header not stored as given: %+v", got)
	}
	// Lines: amounts, rates, cost snapshots and product codes are set by the store.
	type lineView struct {
		desc, unit, code string
		q                store.Quantity
		price, cost, amt store.Money
		cat              string
		rate             int
	}
	var lines []lineView
	for _, l := range got.Lines {
		if l.ID == 0 {
			t.Error("a stored line has no id")
		}
		lines = append(lines, lineView{l.Description, l.Unit, l.ProductCode, l.Quantity, l.UnitPrice, l.CostPrice, l.Amount, l.TaxCategory, l.TaxRate})
	}
	want := []lineView{
		{"作業費", "時間", "P001", 1500, 8000, 5000, 12000, store.TaxStandard, 10}, // 1.5 × 8,000
		{"お弁当", "個", "P002", 3000, 1080, 700, 3240, store.TaxReduced, 8},      // 3 × 1,080
		{"出張費", "式", "", 1000, 5000, 0, 5000, store.TaxStandard, 10},          // trimmed
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("lines\n got %+v\nwant %+v", lines, want)
	}
	// 10%: 12,000 + 5,000 = 17,000 → tax 1,700; 8%: 3,240 → tax 259.2 → 259.
	wantTaxes := []store.TaxLine{{Rate: 10, Net: 17000, Tax: 1700, Gross: 18700}, {Rate: 8, Net: 3240, Tax: 259, Gross: 3499}}
	if !reflect.DeepEqual(got.Totals.Taxes, wantTaxes) || got.Totals.Subtotal != 20240 || got.Totals.Tax != 1959 || got.Totals.Total != 22199 {
		t.Errorf("totals %+v, want %+v, subtotal 20,240, tax 1,959, total 22,199", got.Totals, wantTaxes)
	}
	if !reflect.DeepEqual(got.Totals, d.Totals) {
		t.Errorf("SaveDraft left d.Totals = %+v, stored %+v", d.Totals, got.Totals)
	}

	// Update: drop the lunches, change the subject and the price mode.
	got.Lines = slices.Delete(got.Lines, 1, 2)
	got.Subject = "ウェブサイト改修（第2期）"
	got.PriceMode = store.PriceInclusive
	if err := f.st.SaveDraft(f.ctx, &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 2 {
		t.Errorf("version after update %d, want 2", got.Version)
	}
	again := f.load(d.ID)
	if again.Subject != "ウェブサイト改修（第2期）" || len(again.Lines) != 2 || again.Version != 2 {
		t.Errorf("after update: subject %q, %d lines, version %d", again.Subject, len(again.Lines), again.Version)
	}
	// Inclusive: gross 17,000 at 10% → tax 17,000 × 10/110 = 1,545.45… → 1,545.
	if w := []store.TaxLine{{Rate: 10, Net: 15455, Tax: 1545, Gross: 17000}}; !reflect.DeepEqual(again.Totals.Taxes, w) || again.Totals.Total != 17000 {
		t.Errorf("inclusive totals %+v, want %+v", again.Totals, w)
	}
	if n := f.count(`SELECT count(*) FROM document_lines WHERE document_id = ?`, d.ID); n != 2 {
		t.Errorf("%d stored lines after the update, want 2", n)
	}
	if n := f.count(`SELECT count(*) FROM document_taxes WHERE document_id = ?`, d.ID); n != 1 {
		t.Errorf("%d stored tax rows after the update, want 1", n)
	}

	// A save over a version someone else has since saved is refused.
	stale := d // version 1
	stale.Subject = "古い画面から"
	e := storeError(t, f.st.SaveDraft(f.ctx, &stale), store.CodeConflict)
	if e.Reason != "changed_by" {
		t.Errorf("stale save: %v", e)
	}
	if f.load(d.ID).Subject != "ウェブサイト改修（第2期）" {
		t.Error("the stale save overwrote the newer one")
	}

	var actions []string
	for _, a := range auditRows(t, f.st) {
		if a.Entity == "document" {
			actions = append(actions, a.Action+" "+a.EntityID)
		}
	}
	id := fmt.Sprint(d.ID)
	if w := []string{"create " + id, "update " + id}; !slices.Equal(actions, w) {
		t.Errorf("audit %q, want %q", actions, w)
	}
}

// A save that fails leaves the caller's document as it was, so the screen
// still shows what the user typed and can save it again.
func TestSaveDraftFailureLeavesDocumentUntouched(t *testing.T) {
	f := newDocFix(t)
	est := f.issued(store.KindEstimate, "2026-11-20", storetest.Line("設計", "10", 1000, store.TaxStandard))
	dn, err := f.st.ConvertEstimate(f.ctx, est.ID, store.KindDeliveryNote, nil)
	if err != nil {
		t.Fatal(err)
	}
	// A second delivery note by hand, taking the same estimate line again: too much.
	d := f.newDoc(store.KindDeliveryNote, "2026-11-21", dn.Lines[0])
	d.Lines[0].ID, d.Lines[0].Amount, d.Lines[0].TaxRate, d.Lines[0].Description = 0, 0, 0, "  設計  "
	before := d
	before.Lines = slices.Clone(d.Lines)
	e := storeError(t, f.st.SaveDraft(f.ctx, &d), store.CodeInvalid)
	if e.Field != "lines.0.quantity" || e.Reason != "document.exceeds_remaining" {
		t.Fatalf("got %v, want lines.0.quantity document.exceeds_remaining", e)
	}
	if !reflect.DeepEqual(d, before) {
		t.Errorf("a failed save changed the document\n got %+v\nwant %+v", d, before)
	}
}

func TestDocumentValidate(t *testing.T) {
	long := func(n int) string { return strings.Repeat("あ", n) }
	cases := []struct {
		name string
		edit func(d *store.Document)
		want []string // "field reason"
	}{
		{"unknown kind", func(d *store.Document) { d.Kind = "order" }, []string{"kind choice"}},
		{"no customer", func(d *store.Document) { d.CustomerID = 0 }, []string{"customer required"}},
		{"subject on two lines", func(d *store.Document) { d.Subject = "a\nb" }, []string{"subject one_line"}},
		{"subject too long", func(d *store.Document) { d.Subject = long(201) }, []string{"subject too_long"}},
		{"notes too long", func(d *store.Document) { d.Notes = long(2001) }, []string{"notes too_long"}},
		{"unknown price mode", func(d *store.Document) { d.PriceMode = "gross" }, []string{"price_mode choice"}},
		{"no issue date", func(d *store.Document) { d.IssueDate = time.Time{} }, []string{"issue_date required"}},
		{"valid until before issue", func(d *store.Document) { d.ValidUntil = storetest.Date("2026-11-19") },
			[]string{"valid_until document.before_issue_date"}},
		{"due before issue", func(d *store.Document) { d.DueDate = storetest.Date("2026-11-19") },
			[]string{"due_date document.due_before_issue"}},
		{"credit note without its invoice", func(d *store.Document) { d.Kind = store.KindCreditNote },
			[]string{"corrects document.credit_needs_invoice"}},
		{"line without description", func(d *store.Document) { d.Lines[1].Description = "  " },
			[]string{"lines.1.description required"}},
		{"description on two lines", func(d *store.Document) { d.Lines[0].Description = "a\nb" },
			[]string{"lines.0.description one_line"}},
		{"unit too long", func(d *store.Document) { d.Lines[1].Unit = "ケース（１２本入り）袋" },
			[]string{"lines.1.unit too_long"}},
		{"unknown tax category", func(d *store.Document) { d.Lines[0].TaxCategory = "vat20" },
			[]string{"lines.0.tax_category choice"}},
		{"amount overflows", func(d *store.Document) {
			d.Lines[1].Quantity, d.Lines[1].UnitPrice = storetest.Qty("1000000"), 1<<62
		}, []string{"lines.1.unit_price money.overflow"}},
		{"too many lines", func(d *store.Document) {
			for len(d.Lines) <= 500 {
				d.Lines = append(d.Lines, storetest.Line("x", "1", 1, store.TaxStandard))
			}
		}, []string{"lines document.too_many_lines"}},
		{"several at once", func(d *store.Document) {
			d.CustomerID, d.Lines[0].Description, d.Lines[1].TaxCategory = 0, "", "zero"
		}, []string{"customer required", "lines.0.description required", "lines.1.tax_category choice"}},
	}
	f := newDocFix(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := f.newDoc(store.KindInvoice, "2026-11-20", storetest.Line("設計", "1", 1000, store.TaxStandard),
				storetest.Line("検証", "2", 500, store.TaxReduced))
			tc.edit(&d)
			got := fieldErrors(d.Validate())
			if !slices.Equal(got, tc.want) {
				t.Errorf("Validate: %q, want %q", got, tc.want)
			}
			if err := f.st.SaveDraft(f.ctx, &d); err == nil {
				t.Error("SaveDraft accepted it")
			} else if got := fieldErrors(err); !slices.Equal(got, tc.want) {
				t.Errorf("SaveDraft: %q, want %q", got, tc.want)
			}
			if n := f.count(`SELECT count(*) FROM documents`); n != 0 {
				t.Errorf("%d documents stored", n)
			}
		})
	}
	// A half-finished draft is savable: no lines, a line without a tax category.
	d := f.newDoc(store.KindInvoice, "2026-11-20")
	if err := f.st.SaveDraft(f.ctx, &d); err != nil {
		t.Errorf("draft without lines: %v", err)
	}
	d = f.newDoc(store.KindInvoice, "2026-11-20", storetest.Line("未定", "1", 1000, ""))
	if err := f.st.SaveDraft(f.ctx, &d); err != nil {
		t.Errorf("draft with a line lacking its tax category: %v", err)
	}
}

func TestSaveDraftRefusesUnknownReferences(t *testing.T) {
	f := newDocFix(t)
	d := f.newDoc(store.KindInvoice, "2026-11-20", storetest.Line("設計", "1", 1000, store.TaxStandard))
	d.CustomerID = 9999
	if got := fieldErrors(f.st.SaveDraft(f.ctx, &d)); !slices.Equal(got, []string{"customer customer.not_found"}) {
		t.Errorf("unknown customer: %q", got)
	}
	d = f.newDoc(store.KindInvoice, "2026-11-20", storetest.Line("設計", "1", 1000, store.TaxStandard))
	d.Lines[0].ProductID = 9999
	if got := fieldErrors(f.st.SaveDraft(f.ctx, &d)); !slices.Equal(got, []string{"lines.0.product product.not_found"}) {
		t.Errorf("unknown product: %q", got)
	}
	if n := f.count(`SELECT count(*) FROM documents`); n != 0 {
		t.Errorf("%d documents stored", n)
	}
}

func TestDeleteDraft(t *testing.T) {
	f := newDocFix(t)
	d := f.draft(store.KindInvoice, "2026-11-20", f.twoLines()...)
	keep := f.draft(store.KindInvoice, "2026-11-20", f.twoLines()...)
	if err := f.st.DeleteDraft(f.ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.Document(f.ctx, d.ID); storeError(t, err, store.CodeNotFound).Reason != "document.not_found" {
		t.Errorf("deleted draft: %v", err)
	}
	if n := f.count(`SELECT count(*) FROM document_lines WHERE document_id = ?`, d.ID); n != 0 {
		t.Errorf("%d lines of the deleted draft remain", n)
	}
	if n := f.count(`SELECT count(*) FROM document_taxes WHERE document_id = ?`, d.ID); n != 0 {
		t.Errorf("%d tax rows of the deleted draft remain", n)
	}
	if len(f.load(keep.ID).Lines) != 2 {
		t.Error("deleting one draft touched another")
	}
	if n := f.count(`SELECT count(*) FROM audit_log WHERE entity = 'document' AND action = 'delete' AND entity_id = ?`, fmt.Sprint(d.ID)); n != 1 {
		t.Errorf("%d delete audit rows", n)
	}
	storeError(t, f.st.DeleteDraft(f.ctx, d.ID), store.CodeNotFound)

	// Issued documents (and void ones) are neither deleted nor saved over.
	iss := f.issue(keep)
	for _, stage := range []string{"issued", "void"} {
		if stage == "void" {
			f.void(iss.ID, "宛名違い")
		}
		if e := storeError(t, f.st.DeleteDraft(f.ctx, iss.ID), store.CodeConflict); e.Reason != "document.frozen" {
			t.Errorf("%s: DeleteDraft: %v", stage, e)
		}
		cur := f.load(iss.ID)
		cur.Subject = "書き換え"
		if e := storeError(t, f.st.SaveDraft(f.ctx, &cur), store.CodeConflict); e.Reason != "document.frozen" {
			t.Errorf("%s: SaveDraft: %v", stage, e)
		}
		if got := f.load(iss.ID); got.Subject != keep.Subject || len(got.Lines) != 2 {
			t.Errorf("%s document changed: %+v", stage, got)
		}
	}
}

// The database itself refuses to change an issued document, whatever program
// writes to it: every content column, its lines, its per-rate totals and its
// links. Only the status moves on, through the API.
func TestIssuedDocumentIsFrozenInTheDatabase(t *testing.T) {
	f := newDocFix(t)
	db := f.st.DB()
	est := f.issued(store.KindEstimate, "2026-11-20", f.twoLines()...)
	inv, err := f.st.ConvertEstimate(f.ctx, est.ID, store.KindInvoice, nil)
	if err != nil {
		t.Fatal(err)
	}
	inv = f.issue(inv)
	draft := f.draft(store.KindInvoice, "2026-11-21", f.twoLines()...)

	refused := func(what, query string, args ...any) {
		t.Helper()
		before := f.load(inv.ID)
		_, err := db.ExecContext(f.ctx, query, args...)
		if err == nil {
			t.Errorf("%s: allowed on an issued document", what)
		} else if !strings.Contains(err.Error(), "issued documents cannot be") {
			t.Errorf("%s: %v, want the trigger's refusal", what, err)
		}
		if after := f.load(inv.ID); !reflect.DeepEqual(after, before) {
			t.Errorf("%s: the document changed\nbefore %+v\n after %+v", what, before, after)
		}
	}

	// Every column but the status and its bookkeeping.
	moving := map[string]bool{"status": true, "voided_at": true, "voided_reason": true, "version": true, "updated_at": true}
	rows, err := db.QueryContext(f.ctx, `SELECT name, type FROM pragma_table_info('documents')`)
	if err != nil {
		t.Fatal(err)
	}
	var cols, types []string
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			t.Fatal(err)
		}
		cols, types = append(cols, name), append(types, typ)
	}
	rows.Close()
	if len(cols) < 30 {
		t.Fatalf("documents has only %d columns: %q", len(cols), cols)
	}
	// A value that differs from the current one and passes the column's own
	// constraints, so only the trigger can refuse it.
	special := map[string]string{
		"id":          "id + 1000",
		"kind":        "'estimate'",
		"price_mode":  "'inclusive'",
		"customer_id": fmt.Sprint(f.other.ID),
		"corrects_id": fmt.Sprint(draft.ID),
		"revises_id":  fmt.Sprint(draft.ID),
	}
	tested := 0
	for i, col := range cols {
		if moving[col] {
			continue
		}
		expr, ok := special[col]
		switch {
		case ok:
		case types[i] == "INTEGER":
			expr = fmt.Sprintf("coalesce(%s, 0) + 1", col)
		default:
			expr = fmt.Sprintf("%s || 'x'", col)
		}
		refused("UPDATE documents."+col, fmt.Sprintf(`UPDATE documents SET %s = %s WHERE id = ?`, col, expr), inv.ID)
		tested++
	}
	t.Logf("%d content columns refused", tested)
	refused("back to draft", `UPDATE documents SET status = 'draft' WHERE id = ?`, inv.ID)
	refused("DELETE document", `DELETE FROM documents WHERE id = ?`, inv.ID)

	line := inv.Lines[0].ID
	refused("UPDATE line description", `UPDATE document_lines SET description = 'x' WHERE id = ?`, line)
	refused("UPDATE line quantity", `UPDATE document_lines SET quantity = quantity * 2, amount = amount * 2 WHERE id = ?`, line)
	refused("UPDATE line price", `UPDATE document_lines SET unit_price = 1 WHERE id = ?`, line)
	refused("UPDATE line tax", `UPDATE document_lines SET tax_category = 'exempt', tax_rate = 0 WHERE id = ?`, line)
	refused("DELETE line", `DELETE FROM document_lines WHERE id = ?`, line)
	refused("INSERT line", `INSERT INTO document_lines (document_id, position, description, quantity, unit_price,
		tax_category, tax_rate, amount) VALUES (?, 9, '追加', 1000, 100, 'standard', 10, 100)`, inv.ID)
	refused("move a draft's line onto it", `UPDATE document_lines SET document_id = ? WHERE document_id = ?`, inv.ID, draft.ID)
	refused("move its line to a draft", `UPDATE document_lines SET document_id = ? WHERE id = ?`, draft.ID, line)

	refused("UPDATE taxes", `UPDATE document_taxes SET tax = tax - 1 WHERE document_id = ?`, inv.ID)
	refused("DELETE taxes", `DELETE FROM document_taxes WHERE document_id = ?`, inv.ID)
	refused("INSERT taxes", `INSERT INTO document_taxes (document_id, rate, net, tax, gross) VALUES (?, 0, 100, 0, 100)`, inv.ID)
	refused("move a draft's taxes onto it", `UPDATE document_taxes SET document_id = ? WHERE document_id = ? AND rate = 8`, inv.ID, draft.ID)

	refused("DELETE its link", `DELETE FROM document_links WHERE target_id = ?`, inv.ID)
	refused("INSERT a link", `INSERT INTO document_links (source_id, target_id) VALUES (?, ?)`, draft.ID, inv.ID)
	refused("UPDATE its link", `UPDATE document_links SET source_id = ? WHERE target_id = ?`, draft.ID, inv.ID)
	refused("move a draft's link onto it", `UPDATE document_links SET target_id = ? WHERE source_id = ?`, inv.ID, est.ID)

	// The status moves on through the API.
	if err := f.st.Void(f.ctx, inv.ID, "金額誤り"); err != nil {
		t.Fatalf("Void through the trigger: %v", err)
	}
	v := f.load(inv.ID)
	if v.Status != store.StatusVoid || v.VoidedReason != "金額誤り" || v.Number != inv.Number || v.Totals.Total != inv.Totals.Total {
		t.Errorf("after Void: %q %q %q %d", v.Status, v.VoidedReason, v.Number, v.Totals.Total)
	}
	// A void document is final: no status, no reason, nothing.
	refused("void → issued", `UPDATE documents SET status = 'issued' WHERE id = ?`, inv.ID)
	refused("void reason", `UPDATE documents SET voided_reason = 'x' WHERE id = ?`, inv.ID)
	refused("DELETE void document", `DELETE FROM documents WHERE id = ?`, inv.ID)
	refused("DELETE void document's lines", `DELETE FROM document_lines WHERE document_id = ?`, inv.ID)

	// Drafts stay free to change, with the same statements.
	if _, err := db.ExecContext(f.ctx, `UPDATE document_lines SET description = 'x' WHERE document_id = ?`, draft.ID); err != nil {
		t.Errorf("a draft's line: %v", err)
	}
	if _, err := db.ExecContext(f.ctx, `UPDATE documents SET subject = 'x' WHERE id = ?`, draft.ID); err != nil {
		t.Errorf("a draft: %v", err)
	}
}

func TestDocumentSummaries(t *testing.T) {
	f := newDocFix(t)
	est := f.issued(store.KindEstimate, "2026-10-01", f.twoLines()...)
	inv := f.issued(store.KindInvoice, "2026-11-20", f.twoLines()...)
	d := f.draft(store.KindInvoice, "2026-11-25", f.twoLines()...)
	d2 := f.newDoc(store.KindInvoice, "2026-11-10", f.twoLines()...)
	d2.CustomerID = f.other.ID
	if err := f.st.SaveDraft(f.ctx, &d2); err != nil {
		t.Fatal(err)
	}
	// est is issued with no valid-until: never expired. Give one that lapsed.
	est2 := f.newDoc(store.KindEstimate, "2026-10-01", f.twoLines()...)
	est2.ValidUntil = storetest.Date("2026-10-31")
	if err := f.st.SaveDraft(f.ctx, &est2); err != nil {
		t.Fatal(err)
	}
	est2 = f.issue(est2)
	today := store.Today(fixedNow)

	ids := func(filter store.DocumentFilter) []int64 {
		t.Helper()
		rows, err := f.st.DocumentSummaries(f.ctx, filter)
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, r := range rows {
			out = append(out, r.ID)
		}
		return out
	}
	cases := []struct {
		name   string
		filter store.DocumentFilter
		want   []int64
	}{
		{"all: drafts first, then newest", store.DocumentFilter{}, []int64{d.ID, d2.ID, inv.ID, est2.ID, est.ID}},
		{"invoices", store.DocumentFilter{Kind: store.KindInvoice}, []int64{d.ID, d2.ID, inv.ID}},
		{"drafts", store.DocumentFilter{Status: store.StatusDraft}, []int64{d.ID, d2.ID}},
		{"issued, not expired", store.DocumentFilter{Status: store.StatusIssued, Today: today}, []int64{inv.ID, est.ID}},
		{"expired", store.DocumentFilter{Status: store.StatusExpired, Today: today}, []int64{est2.ID}},
		{"other customer", store.DocumentFilter{CustomerID: f.other.ID}, []int64{d2.ID}},
		{"November", store.DocumentFilter{From: storetest.Date("2026-11-01"), To: storetest.Date("2026-11-30")}, []int64{d.ID, d2.ID, inv.ID}},
	}
	for _, tc := range cases {
		if got := ids(tc.filter); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
