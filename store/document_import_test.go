package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"daicho/store"
)

// importFixture is a database set up the same way every time: a company with
// a registration number, three customers with different payment terms and
// holiday rules, and two products. Two fixtures made one after the other get
// the same ids, so what two code paths store in them can be compared row by
// row.
type importFixture struct {
	st        *store.Store
	customers []store.Customer // 31/1/31 next; 20/1/10 next; 15/0/25 keep (様)
	products  []store.Product  // P001 standard; P002 reduced
}

func newImportFixture(t *testing.T, regno string) importFixture {
	t.Helper()
	ctx := context.Background()
	f := importFixture{st: newStaffedStore(t)}
	co := store.NewCompany()
	co.Name, co.RegistrationNumber = "株式会社テスト", regno
	co.BankAccounts = []store.BankAccount{{Bank: "テスト銀行", Branch: "本店", AccountType: store.AccountOrdinary,
		Number: "1234567", HolderKana: "カ）テスト"}}
	if err := f.st.SaveCompany(ctx, &co); err != nil {
		t.Fatal(err)
	}
	a, b, c := validCustomer("C001"), fullCustomer("C002"), validCustomer("C003")
	b.HolidayRule = store.HolidayNext
	c.Name, c.Kana, c.Honorific = "山田 太郎", "ヤマダ タロウ", store.HonorificPerson
	c.ClosingDay, c.MonthsDeferred, c.PaymentDay, c.HolidayRule = 15, 0, 25, store.HolidayKeep
	for _, cu := range []store.Customer{a, b, c} {
		if err := f.st.CreateCustomer(ctx, &cu); err != nil {
			t.Fatal(err)
		}
		f.customers = append(f.customers, cu)
	}
	for _, p := range []store.Product{
		{Code: "P001", Name: "作業費", Unit: "時間", UnitPrice: 8000, CostPrice: 4500, TaxCategory: store.TaxStandard},
		{Code: "P002", Name: "弁当", Unit: "個", UnitPrice: 800, CostPrice: 520, TaxCategory: store.TaxReduced},
	} {
		if err := f.st.SaveProduct(ctx, &p); err != nil {
			t.Fatal(err)
		}
		f.products = append(f.products, p)
	}
	return f
}

// importSamples are documents that exercise what saveDraft and issue compute:
// product and free lines, every rate, decimals, tax-inclusive prices, the
// dates issuing fills in (and ones given), a rate from before 2019-10-01, and
// a new fiscal year.
func importSamples(f importFixture) []store.Document {
	c1, c2, c3 := f.customers[0].ID, f.customers[1].ID, f.customers[2].ID
	work, lunch := f.products[0], f.products[1]
	line := func(p store.Product, qty store.Quantity) store.Line {
		return store.Line{ProductID: p.ID, Description: p.Name, Quantity: qty, Unit: p.Unit, UnitPrice: p.UnitPrice,
			TaxCategory: p.TaxCategory}
	}
	free := func(desc string, qty store.Quantity, price store.Money, cat string) store.Line {
		return store.Line{Description: desc, Quantity: qty, Unit: "式", UnitPrice: price, TaxCategory: cat}
	}
	return []store.Document{
		{Kind: store.KindInvoice, CustomerID: c1, Subject: "11月分", IssueDate: store.DateOf(2026, 11, 20),
			Lines: []store.Line{line(work, 1500), line(lunch, 12000), free("交通費", 1000, 1234, store.TaxExempt)}},
		// ARCHITECTURE.md §4: 20日締め翌月10日払い, issued 2026-11-25 → due 2027-01-12.
		{Kind: store.KindInvoice, CustomerID: c2, Subject: "税込", IssueDate: store.DateOf(2026, 11, 25),
			PriceMode: store.PriceInclusive, Notes: "振込手数料はご負担ください",
			Lines: []store.Line{free("保守", 1000, 33000, store.TaxStandard), line(lunch, 3333)}},
		{Kind: store.KindEstimate, CustomerID: c3, Subject: "見積", IssueDate: store.DateOf(2026, 11, 2),
			ValidUntil: store.DateOf(2026, 12, 2), Lines: []store.Line{line(work, 10000)}},
		{Kind: store.KindDeliveryNote, CustomerID: c1, IssueDate: store.DateOf(2026, 11, 5),
			Lines: []store.Line{free("部品", 3, 99999, store.TaxStandard)}},
		{Kind: store.KindInvoice, CustomerID: c3, IssueDate: store.DateOf(2026, 11, 10),
			ClosingDate: store.DateOf(2026, 11, 15), DueDate: store.DateOf(2026, 11, 30),
			Lines: []store.Line{free("調整", 1000, -500, store.TaxStandard), free("作業", 2000, 7777, store.TaxStandard)}},
		{Kind: store.KindEstimate, CustomerID: c2, IssueDate: store.DateOf(2019, 9, 30),
			Lines: []store.Line{free("旧税率", 1000, 10000, store.TaxStandard)}},
		{Kind: store.KindInvoice, CustomerID: c2, IssueDate: store.DateOf(2027, 4, 1),
			Lines: []store.Line{free("新年度", 1000, 5000, store.TaxStandard)}},
	}
}

// The bulk path must store exactly what SaveDraft followed by Issue stores:
// the same documents, lines, per-rate totals, numbers, snapshots and audit
// rows, whether the batch is issued or kept as drafts.
func TestImportDocumentsStoresWhatSaveDraftAndIssueStore(t *testing.T) {
	for _, issue := range []bool{false, true} {
		t.Run(fmt.Sprintf("issue=%v", issue), func(t *testing.T) {
			ctx := context.Background()
			one, bulk := newImportFixture(t, "T4011001098993"), newImportFixture(t, "T4011001098993")
			samples := func(f importFixture) []store.Document {
				docs := importSamples(f)
				if !issue { // a draft may have a line without a tax category yet
					d := docs[0]
					d.Lines = append(slices.Clone(d.Lines), store.Line{Description: "未定", Quantity: 2000, UnitPrice: 50})
					docs = append(docs, d)
				}
				return docs
			}
			var want []store.Document
			for _, d := range samples(one) {
				if err := one.st.SaveDraft(ctx, &d); err != nil {
					t.Fatal(err)
				}
				if issue {
					if _, err := one.st.Issue(ctx, d.ID, d.Version); err != nil {
						t.Fatal(err)
					}
				}
				stored, err := one.st.Document(ctx, d.ID)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, stored)
			}
			got, err := bulk.st.ImportDocuments(ctx, samples(bulk), issue)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%d documents, want %d", len(got), len(want))
			}
			for i := range want {
				compareDocuments(t, fmt.Sprintf("document %d", i+1), got[i], want[i])
				reloaded, err := bulk.st.Document(ctx, got[i].ID)
				if err != nil {
					t.Fatal(err)
				}
				compareDocuments(t, fmt.Sprintf("document %d reloaded", i+1), reloaded, got[i])
				a, _ := one.st.AuditLog(ctx, "document", fmt.Sprint(want[i].ID))
				b, _ := bulk.st.AuditLog(ctx, "document", fmt.Sprint(got[i].ID))
				if !reflect.DeepEqual(a, b) {
					t.Errorf("document %d: audit rows differ:\nSaveDraft+Issue %+v\nImportDocuments %+v", i+1, a, b)
				}
			}
			if issue {
				if got[1].DueDate != store.DateOf(2027, 1, 12) || got[0].Number != "I-2026-0001" ||
					got[6].Number != "I-2027-0001" || got[5].Lines[0].TaxRate != 8 {
					t.Errorf("due %s, numbers %s %s, 2019 rate %d", store.FormatDate(got[1].DueDate), got[0].Number,
						got[6].Number, got[5].Lines[0].TaxRate)
				}
			}
			if a, b := counters(t, one.st), counters(t, bulk.st); a != b {
				t.Errorf("counters: SaveDraft+Issue %s, ImportDocuments %s", a, b)
			}
		})
	}
}

// compareDocuments reports every field of two documents that differs, so a
// failure names the field rather than dumping two structs.
func compareDocuments(t *testing.T, what string, got, want store.Document) {
	t.Helper()
	gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := range gv.NumField() {
		name := gv.Type().Field(i).Name
		if g, w := gv.Field(i).Interface(), wv.Field(i).Interface(); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: %s = %+v, want %+v", what, name, g, w)
		}
	}
}

// counters returns the counter rows as text.
func counters(t *testing.T, st *store.Store) string {
	t.Helper()
	rows, err := st.DB().Query(`SELECT kind, fiscal_year, last FROM counters ORDER BY kind, fiscal_year`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out string
	for rows.Next() {
		var kind string
		var fy, last int
		if err := rows.Scan(&kind, &fy, &last); err != nil {
			t.Fatal(err)
		}
		out += fmt.Sprintf("%s/%d=%d ", kind, fy, last)
	}
	return out
}

// tableCount counts the rows of a table.
func tableCount(t *testing.T, st *store.Store, table string) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A batch with any bad document writes nothing, and every problem of every
// document comes back with the document's position and the field.
func TestImportDocumentsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	f := newImportFixture(t, "T4011001098993")
	good := importSamples(f)[0]
	unknownCustomer := good
	unknownCustomer.CustomerID = 999
	badLines := good
	badLines.Lines = []store.Line{
		{Description: "", Quantity: 1000, UnitPrice: 1, TaxCategory: store.TaxStandard},
		{Description: "x", Quantity: 1000, UnitPrice: 1, TaxCategory: "luxury"},
		{Description: "y", Quantity: 1000, UnitPrice: 1, ProductID: 999, TaxCategory: store.TaxStandard},
		{Description: "z", Quantity: 1000, UnitPrice: 1},
	}
	noLines := good
	noLines.Lines = nil
	oldRate := good
	oldRate.Lines = []store.Line{{Description: "軽減", Quantity: 1000, UnitPrice: 100, TaxCategory: store.TaxReduced}}
	oldRate.IssueDate = store.DateOf(2019, 9, 1) // the reduced rate starts on 2019-10-01
	credit := good
	credit.Kind = store.KindCreditNote
	lateDue := good
	lateDue.DueDate = store.DateOf(2026, 1, 1)

	_, err := f.st.ImportDocuments(ctx, []store.Document{good, unknownCustomer, badLines, noLines, oldRate, credit,
		lateDue, good}, true)
	got := batchProblemList(t, err)
	want := []string{
		"2 customer customer.not_found",
		"3 lines.0.description required",
		"3 lines.1.tax_category choice",
		"3 lines.2.product product.not_found",
		"4 lines document.no_lines",
		"5 lines.0.tax_category tax.no_rate",
		"6 corrects document.credit_needs_invoice",
		"7 due_date document.due_before_issue",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%q\nwant\n%q", got, want)
	}
	for _, table := range []string{"documents", "document_lines", "document_taxes", "counters", "document_links"} {
		if n := tableCount(t, f.st, table); n != 0 {
			t.Errorf("%s has %d rows after a refused import", table, n)
		}
	}
	if a, _ := f.st.AuditLog(ctx, "document", "1"); len(a) != 0 {
		t.Errorf("audit rows after a refused import: %v", a)
	}
}

// Kept as drafts, documents need neither lines, nor a tax category on every
// line, nor a registration number of the company: only issuing does.
func TestImportDocumentsIssueChecks(t *testing.T) {
	ctx := context.Background()
	f := newImportFixture(t, "")
	inv := importSamples(f)[0]
	empty := inv
	empty.Lines = nil
	est := importSamples(f)[2]
	uncategorised := inv
	uncategorised.Lines = append(slices.Clone(inv.Lines), store.Line{Description: "未分類", Quantity: 1000, UnitPrice: 100})
	docs := []store.Document{est, inv, empty, uncategorised}
	drafts, err := f.st.ImportDocuments(ctx, docs, false)
	if err != nil {
		t.Fatalf("as drafts: %v", err)
	}
	if l := drafts[3].Lines[3]; l.TaxCategory != "" || l.Amount != 100 {
		t.Errorf("uncategorised line stored as %+v", l)
	}
	_, err = f.st.ImportDocuments(ctx, docs, true)
	want := []string{"2 company.registration_number document.company_regno", "3 lines document.no_lines",
		"3 company.registration_number document.company_regno", "4 lines.3.tax_category document.line_no_tax",
		"4 company.registration_number document.company_regno"}
	if got := batchProblemList(t, err); !reflect.DeepEqual(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
	if n := tableCount(t, f.st, "documents"); n != 4 {
		t.Errorf("%d documents, want the 4 drafts of the first import", n)
	}
}

// batchProblemList returns the problems of a BatchError as "line field reason".
func batchProblemList(t *testing.T, err error) []string {
	t.Helper()
	var batch store.BatchError
	if !errors.As(err, &batch) {
		t.Fatalf("err = %v, want a BatchError", err)
	}
	var out []string
	for _, re := range batch {
		out = append(out, fmt.Sprintf("%d %s %s", re.Line, re.Err.Field, re.Err.Reason))
	}
	return out
}

// Numbers go on from the counter rows, whoever issued before.
func TestImportDocumentsNumbersFollowIssue(t *testing.T) {
	ctx := context.Background()
	f := newImportFixture(t, "T4011001098993")
	d := importSamples(f)[0]
	if err := f.st.SaveDraft(ctx, &d); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.Issue(ctx, d.ID, d.Version); err != nil {
		t.Fatal(err)
	}
	got, err := f.st.ImportDocuments(ctx, importSamples(f)[:2], true)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Number != "I-2026-0002" || got[1].Number != "I-2026-0003" {
		t.Errorf("numbers %s, %s", got[0].Number, got[1].Number)
	}
}

// A credit note names the issued invoice it corrects, which becomes its
// source, so the chain reads invoice → credit note. Its amounts are what it
// takes off the invoice, positive (a negative one would add to what is owed).
func TestImportCreditNote(t *testing.T) {
	ctx := context.Background()
	f := newImportFixture(t, "T4011001098993")
	inv, err := f.st.ImportDocuments(ctx, importSamples(f)[:1], true)
	if err != nil {
		t.Fatal(err)
	}
	cn := store.Document{Kind: store.KindCreditNote, CustomerID: inv[0].CustomerID, IssueDate: store.DateOf(2026, 11, 30),
		CorrectsID: inv[0].ID, Lines: []store.Line{{Description: "値引き", Quantity: 1000, UnitPrice: 1000,
			TaxCategory: store.TaxStandard}}}
	got, err := f.st.ImportDocuments(ctx, []store.Document{cn}, true)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Number != "C-2026-0001" || len(got[0].Sources) != 1 || got[0].Sources[0].Number != inv[0].Number ||
		got[0].Totals.Total != 1100 {
		t.Errorf("credit note %s, sources %+v, total %d", got[0].Number, got[0].Sources, got[0].Totals.Total)
	}
	chain, err := f.st.Chain(ctx, inv[0].ID)
	if err != nil || len(chain) != 2 {
		t.Errorf("chain %+v, %v", chain, err)
	}
}

// The caller's documents are left as they were: Validate normalises a copy.
func TestImportDocumentsLeavesInputAlone(t *testing.T) {
	ctx := context.Background()
	f := newImportFixture(t, "T4011001098993")
	docs := importSamples(f)[:1]
	docs[0].Subject = "  余白  "
	docs[0].Lines[0].Description = " 作業費 "
	before := fmt.Sprintf("%+v", docs)
	got, err := f.st.ImportDocuments(ctx, docs, false)
	if err != nil {
		t.Fatal(err)
	}
	if after := fmt.Sprintf("%+v", docs); after != before {
		t.Errorf("input changed:\n%s\n%s", before, after)
	}
	if got[0].Subject != "余白" || got[0].Lines[0].Description != "作業費" || got[0].Number != "" ||
		got[0].Status != store.StatusDraft {
		t.Errorf("stored %q %q %q %s", got[0].Subject, got[0].Lines[0].Description, got[0].Number, got[0].Status)
	}
}

// A document already stored, or one whose lines come from another document,
// is a programming error, not a problem in the data.
func TestImportDocumentsRefusesStoredDocuments(t *testing.T) {
	ctx := context.Background()
	f := newImportFixture(t, "T4011001098993")
	d := importSamples(f)[0]
	d.ID = 1
	if _, err := f.st.ImportDocuments(ctx, []store.Document{d}, false); err == nil || store.FieldErrors(err) != nil {
		t.Errorf("err = %v, want a plain error", err)
	}
	d = importSamples(f)[0]
	d.Lines[0].SourceLineID = 1
	if _, err := f.st.ImportDocuments(ctx, []store.Document{d}, false); err == nil || store.FieldErrors(err) != nil {
		t.Errorf("err = %v, want a plain error", err)
	}
}

// A receipt comes from a payment only (IssueReceipt): the bulk path refuses
// one on its kind, as a problem of that document, drafts or issued.
func TestImportDocumentsRefusesReceipts(t *testing.T) {
	ctx := context.Background()
	f := newImportFixture(t, "T4011001098993")
	receipt := importSamples(f)[0]
	receipt.Kind = store.KindReceipt
	for _, issue := range []bool{false, true} {
		_, err := f.st.ImportDocuments(ctx, []store.Document{importSamples(f)[0], receipt}, issue)
		if got, want := batchProblemList(t, err), []string{"2 kind import.receipt"}; !reflect.DeepEqual(got, want) {
			t.Errorf("issue=%v: problems %q, want %q", issue, got, want)
		}
		if n := tableCount(t, f.st, "documents"); n != 0 {
			t.Errorf("issue=%v: %d documents after a refused import", issue, n)
		}
	}
}
