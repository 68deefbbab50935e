package pdf

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// fixedNow is the test store's clock: every document is issued at this
// moment, so issued_at (the PDF creation date) is known.
var fixedNow = time.Date(2026, 11, 30, 9, 30, 0, 0, time.UTC)

// fix is a real store with a company, two customers (one Japanese, one
// English) and two products, and helpers that make documents through the
// store's own API, as the application does.
type fix struct {
	t        testing.TB
	st       *store.Store
	ctx      context.Context
	company  store.Company
	ja, en   store.Customer
	service  store.Product // 10%
	bento    store.Product // 8%, reduced (※)
	sealPath string
}

func newFix(t testing.TB) *fix {
	t.Helper()
	st := storetest.Open(t)
	st.Actor = "tester"
	st.Now = func() time.Time { return fixedNow }
	f := &fix{t: t, st: st, ctx: t.Context(), sealPath: filepath.Join(t.TempDir(), "seal.png")}
	writeSeal(t, f.sealPath)
	f.company = storetest.SaveCompany(t, st, testCompany(f.sealPath))
	cs := storetest.AddCustomers(t, st, japaneseCustomer(), englishCustomer())
	f.ja, f.en = cs[0], cs[1]
	ps := storetest.AddProducts(t, st,
		store.Product{Code: "P001", Name: "ウェブサイト保守作業", Kana: "ウェブサイトホシュ", Unit: "時間",
			UnitPrice: 8000, CostPrice: 5000, TaxCategory: store.TaxStandard},
		store.Product{Code: "P002", Name: "打合せ用お弁当", Kana: "オベントウ", Unit: "個",
			UnitPrice: 1080, CostPrice: 700, TaxCategory: store.TaxReduced})
	f.service, f.bento = ps[0], ps[1]
	return f
}

func (f *fix) must(err error) {
	f.t.Helper()
	if err != nil {
		f.t.Fatal(err)
	}
}

func testCompany(seal string) store.Company {
	c := store.NewCompany()
	c.Name = "株式会社だいちょう商会"
	c.Kana = "ダイチョウショウカイ"
	c.PostalCode = "150-0041"
	c.Address1 = "東京都渋谷区神南1-2-3"
	c.Address2 = "だいちょうビル5階"
	c.Phone = "03-1234-5678"
	c.Email = "info@daicho.example.jp"
	c.RegistrationNumber = "T7123456789012"
	c.SealPath = seal
	if seal != "" { // the image is kept in the ledger (issue 15)
		c.SealImage, _ = os.ReadFile(seal)
	}
	c.BankAccounts = []store.BankAccount{
		{Bank: "みずほ銀行", Branch: "渋谷支店", AccountType: store.AccountOrdinary, Number: "1234567", HolderKana: "カ)ダイチヨウシヨウカイ"},
		{Bank: "三井住友銀行", Branch: "青山支店", AccountType: store.AccountCurrent, Number: "7654321", HolderKana: "カ)ダイチヨウシヨウカイ"},
	}
	return c
}

func japaneseCustomer() store.Customer {
	c := store.NewCustomer() // 月末締め翌月末払い, 御中, Japanese
	c.Code = "C0001"
	c.Name = "株式会社テスト"
	c.Kana = "テスト"
	c.PostalCode = "100-0005"
	c.Address1 = "東京都千代田区丸の内1-1-1"
	c.Address2 = "テストビル12階"
	c.Department = "経理部"
	return c
}

func englishCustomer() store.Customer {
	c := store.NewCustomer()
	c.Code = "C0002"
	c.Name = "Acme Ltd."
	c.Kana = "アクメ"
	c.Honorific = ""
	c.Language = "en"
	c.Address1 = "1 Main Street, London"
	c.Address2 = "EC1A 1BB, United Kingdom"
	c.Department = "Accounts Payable"
	c.Contact = "Jane Smith"
	return c
}

// writeSeal writes a small red square seal with a transparent corner, as a
// company's 角印 scan would be.
func writeSeal(t testing.TB, path string) {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 120, 120))
	red := color.NRGBA{R: 200, G: 30, B: 30, A: 255}
	for y := 0; y < 120; y++ {
		for x := 0; x < 120; x++ {
			border := x < 8 || y < 8 || x >= 112 || y >= 112
			cross := (x-y)*(x-y) < 40 || (x+y-119)*(x+y-119) < 40
			if border || cross {
				img.Set(x, y, red)
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// freeLine is a free-text line.
func freeLine(desc, quantity, unit string, price store.Money, category string) store.Line {
	return store.Line{Description: desc, Quantity: storetest.Qty(quantity), Unit: unit, UnitPrice: price,
		TaxCategory: category}
}

// draft saves a new draft for customer c.
func (f *fix) draft(kind string, c store.Customer, issue string, lines ...store.Line) store.Document {
	f.t.Helper()
	d := store.Document{Kind: kind, CustomerID: c.ID, Subject: "ウェブサイト改修", IssueDate: storetest.Date(issue),
		Notes: "お支払いの際の振込手数料は貴社にてご負担願います。", Lines: lines}
	if c.Language == "en" {
		d.Subject, d.Notes = "Website renewal", "Bank charges are to be borne by the payer."
	}
	if kind == store.KindEstimate {
		d.ValidUntil = storetest.Date(issue).AddDate(0, 1, 0)
	}
	f.must(f.st.SaveDraft(f.ctx, &d))
	out, err := f.st.Document(f.ctx, d.ID) // as the application loads it
	f.must(err)
	return out
}

// issue issues a draft and returns the document as stored.
func (f *fix) issue(d store.Document) store.Document {
	f.t.Helper()
	out, err := f.st.Issue(f.ctx, d.ID, d.Version)
	f.must(err)
	return out
}

// customerOf is the fixture's customer of d.
func (f *fix) customerOf(d store.Document) store.Customer {
	if d.CustomerID == f.en.ID {
		return f.en
	}
	return f.ja
}

// render renders d to bytes.
func (f *fix) render(d store.Document) []byte {
	f.t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, d, Options{Customer: f.customerOf(d), Company: f.company}); err != nil {
		f.t.Fatalf("Render %s %s: %v", d.Kind, docName(d), err)
	}
	return buf.Bytes()
}

// docs is one of each printable document for a customer.
type docs struct {
	estimate, delivery, invoice, closing, credit store.Document
}

// makeDocs walks the whole flow for customer c through the store's API:
// an estimate, converted into a delivery note; a second delivery note; a
// closing invoice over both; a plain invoice; a credit note correcting it.
func (f *fix) makeDocs(c store.Customer) docs {
	f.t.Helper()
	var out docs
	lines := []store.Line{storetest.ProductLine(f.service, "12.5"), storetest.ProductLine(f.bento, "6"),
		freeLine("サーバー保守（非課税分）", "1", "式", 30000, store.TaxExempt)}
	if c.Language == "en" {
		lines = []store.Line{freeLine("Website maintenance", "12.5", "h", 8000, store.TaxStandard),
			freeLine("Lunch boxes for the workshop", "6", "pc", 1080, store.TaxReduced),
			freeLine("Server care (exempt)", "1", "set", 30000, store.TaxExempt)}
	}
	out.estimate = f.issue(f.draft(store.KindEstimate, c, "2026-11-02", lines...))
	dn, err := f.st.ConvertEstimate(f.ctx, out.estimate.ID, store.KindDeliveryNote, nil)
	f.must(err)
	out.delivery = f.issue(dn)
	// a second delivery note for the closing invoice
	f.issue(f.draft(store.KindDeliveryNote, c, "2026-11-16", storetest.ProductLine(f.service, "3")))
	closing, err := f.st.CreateClosingInvoice(f.ctx, c.ID, storetest.Date("2026-11-30"), "11月分")
	f.must(err)
	out.closing = f.issue(closing)
	out.invoice = f.issue(f.draft(store.KindInvoice, c, "2026-11-20", lines...))
	cn, err := f.st.CreateCreditNote(f.ctx, out.invoice.ID)
	f.must(err)
	cn.Lines = cn.Lines[1:2] // the lunch boxes come back
	cn.Lines[0].Quantity = storetest.Qty("2")
	f.must(f.st.SaveDraft(f.ctx, &cn))
	out.credit = f.issue(cn)
	return out
}

func (d docs) all() []store.Document {
	return []store.Document{d.estimate, d.delivery, d.invoice, d.closing, d.credit}
}

// needPoppler skips the test when poppler-utils is missing (CI installs it).
func needPoppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (apt-get install poppler-utils); the PDF text checks need it", tool)
		}
	}
}

// pdfText extracts the text of pdf with pdftotext and the given flags,
// one string per page.
func pdfText(t *testing.T, pdf []byte, flags ...string) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", append(append([]string{"-enc", "UTF-8"}, flags...), path, "-")...).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("pdftotext: %v: %s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	pages := strings.Split(string(out), "\f")
	return pages[:len(pages)-1] // the text ends with a form feed
}

// pageCount asks pdfinfo how many pages pdf has.
func pageCount(t *testing.T, pdf []byte) int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if n, ok := strings.CutPrefix(line, "Pages:"); ok {
			pages, err := strconv.Atoi(strings.TrimSpace(n))
			if err != nil {
				t.Fatal(err)
			}
			return pages
		}
	}
	t.Fatalf("pdfinfo gave no page count:\n%s", out)
	return 0
}

// statement is c's statement for November from the documents of ds: the
// invoices as debits, the credit note and a payment as credits.
func (f *fix) statement(c store.Customer, ds docs) Statement {
	pay, transfer := "お振込みによるご入金", "ご入金"
	if c.Language == "en" {
		pay, transfer = "Bank transfer, thank you", "Payment"
	}
	return Statement{Company: f.company, Customer: c,
		From: storetest.Date("2026-11-01"), To: storetest.Date("2026-11-30"),
		Opening: 52800, Issued: storetest.Date("2026-12-01"),
		Entries: []StatementEntry{
			{Date: storetest.Date("2026-11-10"), Number: transfer, Description: pay, Credit: 52800},
			{Date: ds.invoice.IssueDate, Number: ds.invoice.Number, Description: ds.invoice.Subject, Debit: ds.invoice.Totals.Total},
			{Date: ds.credit.IssueDate, Number: ds.credit.Number, Description: ds.credit.Subject, Credit: ds.credit.Totals.Total},
			{Date: ds.closing.IssueDate, Number: ds.closing.Number, Description: ds.closing.Subject, Debit: ds.closing.Totals.Total},
		}}
}

// reminder is a reminder of c's two invoices of ds, the plain one partly
// paid.
func (f *fix) reminder(c store.Customer, ds docs) Reminder {
	return Reminder{Company: f.company, Customer: c,
		Date: storetest.Date("2027-01-15"), PayBy: storetest.Date("2027-01-29"),
		Invoices: []ReminderInvoice{
			{Number: ds.invoice.Number, IssueDate: ds.invoice.IssueDate, DueDate: ds.invoice.DueDate,
				Total: ds.invoice.Totals.Total, Open: ds.invoice.Totals.Total - ds.credit.Totals.Total},
			{Number: ds.closing.Number, IssueDate: ds.closing.IssueDate, DueDate: ds.closing.DueDate,
				Total: ds.closing.Totals.Total, Open: ds.closing.Totals.Total},
		}}
}

func renderStatement(t *testing.T, s Statement) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderStatement(&buf, s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func renderReminder(t *testing.T, r Reminder) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderReminder(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// longDescriptions are line descriptions of varied length; every fifth
// one is long enough to wrap in the description column.
var longDescriptions = []string{
	"ウェブサイト保守作業",
	"打合せ用お弁当",
	"サーバー監視（月額）",
	"ロゴデザイン修正",
	"トップページのデザイン刷新および関連する下層ページ十二枚のレイアウト調整、画像の差し替えと軽量化、表示速度の改善作業一式",
}

// longInvoice issues an invoice of n lines for the Japanese customer.
func (f *fix) longInvoice(n int) store.Document {
	f.t.Helper()
	lines := make([]store.Line, n)
	for i := range lines {
		cat := store.TaxStandard
		if i%7 == 3 {
			cat = store.TaxReduced
		}
		lines[i] = freeLine(longDescriptions[i%len(longDescriptions)], "2", "式", store.Money(1000+i*10), cat)
	}
	return f.issue(f.draft(store.KindInvoice, f.ja, "2026-11-27", lines...))
}
