package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// The expectations below are written out independently of labels.go, so a
// wrong label is caught rather than compared with itself.

var wantTitles = map[string]map[string]string{
	"ja": {store.KindEstimate: "見積書", store.KindDeliveryNote: "納品書", store.KindInvoice: "請求書",
		store.KindCreditNote: "返品・値引き明細書"},
	"en": {store.KindEstimate: "Quotation", store.KindDeliveryNote: "Delivery Note", store.KindInvoice: "Invoice",
		store.KindCreditNote: "Credit Note"},
}

var wantAmountLabels = map[string]map[string]string{
	"ja": {store.KindEstimate: "御見積金額", store.KindDeliveryNote: "納品金額", store.KindInvoice: "ご請求金額",
		store.KindCreditNote: "返還金額"},
	"en": {store.KindEstimate: "Quotation total", store.KindDeliveryNote: "Delivery total", store.KindInvoice: "Amount due",
		store.KindCreditNote: "Amount credited"},
}

// printedDate is how a document in lang prints a date.
func printedDate(lang string, t time.Time) string {
	if lang == "en" {
		return fmt.Sprintf("%d %s %d", t.Day(), t.Month().String()[:3], t.Year())
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// seq matches parts in order on one line, with any spacing between them
// (pdftotext -layout pads columns with spaces).
func seq(parts ...string) *regexp.Regexp {
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile(strings.Join(parts, `[ \t]*`))
}

// expect fails unless text has every pattern.
func expect(t *testing.T, what, text string, patterns ...*regexp.Regexp) {
	t.Helper()
	for _, p := range patterns {
		if !p.MatchString(text) {
			t.Errorf("%s: %q not found in the text:\n%s", what, p, text)
		}
	}
}

// expectNot fails if text has any of words.
func expectNot(t *testing.T, what, text string, words ...string) {
	t.Helper()
	for _, w := range words {
		if strings.Contains(text, w) {
			t.Errorf("%s: %q should not be printed:\n%s", what, w, text)
		}
	}
}

// TestRenderEveryKind renders every kind in both languages from documents
// made through the store and checks that pdftotext reads back every field
// the document must carry, as the database has it.
func TestRenderEveryKind(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	for _, c := range []store.Customer{f.ja, f.en} {
		for _, made := range f.makeDocs(c).all() {
			// Print what the database holds, loaded as the application loads it.
			d, err := f.st.DocumentByNumber(f.ctx, made.Number)
			if err != nil {
				t.Fatal(err)
			}
			name := c.Language + " " + d.Number
			pages := pdfText(t, f.render(d), "-layout")
			if len(pages) != 1 {
				t.Errorf("%s: %d pages, want 1", name, len(pages))
			}
			text := strings.Join(pages, "\n")
			checkCommon(t, name, c.Language, d, text)
			checkKind(t, name, c.Language, d, text)
		}
	}
}

// checkCommon checks what every document prints.
func checkCommon(t *testing.T, name, lang string, d store.Document, text string) {
	t.Helper()
	yen := func(m store.Money) string { return m.Format(store.JPY) }
	expect(t, name, text,
		seq(wantTitles[lang][d.Kind]),
		seq(d.Number),
		seq(printedDate(lang, d.IssueDate)),
		seq("株式会社だいちょう商会"),
		seq(wantAmountLabels[lang][d.Kind], yen(d.Totals.Total)),
		regexp.MustCompile(`(?m)^\s*1\s*/\s*1\s*$|\s1\s*/\s*1\s*$`))
	if lang == "ja" {
		// The department without a contact is addressed with the company: 御中 after it.
		expect(t, name, text, seq("株式会社テスト 経理部 御中"), seq("〒100-0005"), seq("東京都千代田区丸の内1-1-1"),
			seq("登録番号 T7123456789012"), seq("（税込）"))
		for _, tl := range d.Totals.Taxes {
			expect(t, name, text, seq(fmt.Sprintf("%d%%対象", tl.Rate), yen(tl.Net), "消費税", yen(tl.Tax)))
		}
		expect(t, name, text, seq("小計", yen(d.Totals.Subtotal)), seq("消費税", yen(d.Totals.Tax)),
			seq("合計", yen(d.Totals.Total)))
	} else {
		expect(t, name, text, seq("Acme Ltd."), seq("Attn: Jane Smith"), seq("Accounts Payable"),
			seq("Registration No. T7123456789012"), seq("(tax incl.)"))
		expectNot(t, name, text, "御中", "様")
		for _, tl := range d.Totals.Taxes {
			expect(t, name, text, seq(fmt.Sprintf("%d%% taxable", tl.Rate), yen(tl.Net), "Tax", yen(tl.Tax)))
		}
		expect(t, name, text, seq("Subtotal", yen(d.Totals.Subtotal)), seq("Tax", yen(d.Totals.Tax)),
			seq("Total", yen(d.Totals.Total)))
	}
	reduced := false
	for i, l := range d.Lines {
		mark := ""
		if store.IsReducedRate(l.TaxCategory) {
			mark, reduced = " ※", true
		}
		expect(t, name, text, seq(fmt.Sprint(i+1), l.Description+mark, l.Quantity.String(), l.Unit,
			l.UnitPrice.Plain(store.JPY), l.Amount.Plain(store.JPY)))
	}
	legend := map[string]string{"ja": "※は軽減税率対象", "en": "※ Reduced tax rate"}[lang]
	if reduced != strings.Contains(text, legend) {
		t.Errorf("%s: reduced-rate lines %v, legend printed %v", name, reduced, !reduced)
	}
}

// checkKind checks the fields of each kind: dates, the bank account on
// invoices only, the corrected invoice, the delivery notes of a closing
// invoice.
func checkKind(t *testing.T, name, lang string, d store.Document, text string) {
	t.Helper()
	l := map[string][]string{
		"ja": {"有効期限", "納品日", "お支払期限", "対象請求書", "対象納品書", "お振込先", "普通", "当座", "口座名義", "締め日"},
		"en": {"Valid until", "Delivery date", "Due date", "Corrects invoice", "Delivery notes", "Bank transfer",
			"Ordinary", "Current", "Account holder", "Closing date"},
	}[lang]
	switch d.Kind {
	case store.KindEstimate:
		expect(t, name, text, seq(l[0], printedDate(lang, d.ValidUntil)))
	case store.KindDeliveryNote:
		expect(t, name, text, seq(l[1], printedDate(lang, d.DeliveryDate)))
	case store.KindInvoice:
		expect(t, name, text, seq(l[2], printedDate(lang, d.DueDate)), seq(l[5]),
			seq("みずほ銀行 渋谷支店", l[6], "1234567"), seq("三井住友銀行 青山支店", l[7], "7654321"),
			seq(l[8], "カ)ダイチヨウシヨウカイ"))
		// 月末締め: the invoice of 11-20 and the closing invoice both close
		// with the cycle on 11-30, the date their due date comes from.
		if store.FormatDate(d.ClosingDate) != "2026-11-30" {
			t.Errorf("%s: closing date %s, want the cycle's 2026-11-30", name, store.FormatDate(d.ClosingDate))
		}
		expect(t, name, text, seq(l[9], printedDate(lang, d.ClosingDate)))
		for _, s := range d.Sources {
			expect(t, name, text, seq(l[4]+":"), seq(s.Number, "("+printedDate(lang, s.IssueDate)+")"))
		}
	case store.KindCreditNote:
		inv := d.Sources[0]
		if inv.ID != d.CorrectsID {
			t.Fatalf("%s: the credit note's source is %d, it corrects %d", name, inv.ID, d.CorrectsID)
		}
		expect(t, name, text, seq(l[3], inv.Number, "("+printedDate(lang, inv.IssueDate)+")"))
	}
	if d.Kind != store.KindInvoice {
		expectNot(t, name, text, l[5], "みずほ銀行")
	}
}

// TestLongInvoice: 120 lines, some wrapping to three lines, run over five
// pages; each page repeats the table header, no row is split or lost, and
// the totals come once, on the last page.
func TestLongInvoice(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	d := f.longInvoice(120)
	pdf := f.render(d)
	// Page 1 holds the head and 16 rows. A following page has 254 mm under
	// the header; every five rows take 4 × 7.0 mm + one three-line row of
	// 16.2 mm = 44.2 mm, so 28 rows fit: 16 + 28 + 28 + 28 = 100, and the last
	// 20 rows go on page 5 with the totals.
	const wantPages = 5
	if n := pageCount(t, pdf); n != wantPages {
		t.Errorf("pdfinfo: %d pages, want %d", n, wantPages)
	}
	pages := pdfText(t, pdf, "-layout")
	if len(pages) != wantPages {
		t.Fatalf("pdftotext: %d pages, want %d", len(pages), wantPages)
	}
	row := regexp.MustCompile(`(?m)^\s*(\d+)\s+\S.*\s式\s`)
	next := 1
	for i, p := range pages {
		expect(t, fmt.Sprintf("page %d", i+1), p, seq("No.", "品名・内容", "数量", "単位", "単価", "金額"),
			regexp.MustCompile(fmt.Sprintf(`%d\s*/\s*%d`, i+1, wantPages)))
		for _, m := range row.FindAllStringSubmatch(p, -1) {
			if m[1] != fmt.Sprint(next) {
				t.Fatalf("page %d: row %s where row %d was due", i+1, m[1], next)
			}
			next++
		}
		last := i == len(pages)-1
		for _, total := range []string{"小計", "合計", "10%対象", "8%対象", "お振込先", "備考"} {
			if n := strings.Count(p, total); (n == 1) != last || n > 1 {
				t.Errorf("page %d: %q printed %d times (the totals belong once on the last page)", i+1, total, n)
			}
		}
	}
	if next != 121 {
		t.Errorf("rows 1–%d printed, want 1–120", next-1)
	}
	// A three-line description is never split: its last line follows its
	// first on the same page.
	for i, p := range pages {
		if strings.Count(p, "トップページのデザイン刷新") != strings.Count(p, "軽量化、表示速度の改善作業一式") {
			t.Errorf("page %d: a wrapped description is split across pages", i+1)
		}
	}
	expect(t, "last page", pages[len(pages)-1], seq("合計", d.Totals.Total.Format(store.JPY)))
}

// TestRowsPerPage ties TestLongInvoice's page count to the layout
// constants, so that a change of geometry fails here with the reason.
func TestRowsPerPage(t *testing.T) {
	room := bodyHeight - headerHeight()
	if got := int(room / rowHeight(1)); got != 36 {
		t.Errorf("a following page holds %d one-line rows, the long invoice test expects 36", got)
	}
}

// TestDraft: a draft prints the current customer and company, with the
// watermark and without a number; an issued document has no watermark; a
// voided one says so.
func TestDraft(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	d := f.draft(store.KindInvoice, f.ja, "2026-11-25", storetest.ProductLine(f.service, "1"))
	pdf := f.render(d)
	raw := strings.Join(strings.Fields(strings.Join(pdfText(t, pdf, "-raw"), "")), "")
	if !strings.Contains(raw, "DRAFT/下書き") {
		t.Errorf("the draft has no DRAFT / 下書き watermark:\n%s", raw)
	}
	text := strings.Join(pdfText(t, pdf, "-layout", "-nodiag"), "")
	expect(t, "draft", text, seq("請求書"), seq("株式会社テスト 経理部 御中"), seq("登録番号 T7123456789012"),
		seq("ご請求金額", d.Totals.Total.Format(store.JPY)))
	expectNot(t, "draft", text, "I-2026", "DRAFT")
	if regexp.MustCompile(`(^|\s)番号\s`).MatchString(text) {
		t.Errorf("the draft prints a number field:\n%s", text)
	}

	// The draft prints the customer as it is now, not as a snapshot.
	renamed := f.ja
	renamed.Name = "株式会社テスト新社名"
	var buf bytes.Buffer
	if err := Render(&buf, d, Options{Customer: renamed, Company: f.company}); err != nil {
		t.Fatal(err)
	}
	expect(t, "renamed draft", strings.Join(pdfText(t, buf.Bytes(), "-layout", "-nodiag"), ""), seq("株式会社テスト新社名 経理部 御中"))

	issued := f.issue(d)
	text = strings.Join(pdfText(t, f.render(issued), "-raw"), "")
	expectNot(t, "issued", text, "DRAFT", "下書き", "VOID")
	if err := f.st.Void(f.ctx, issued.ID, "宛先誤り"); err != nil {
		t.Fatal(err)
	}
	void, err := f.st.Document(f.ctx, issued.ID)
	if err != nil {
		t.Fatal(err)
	}
	raw = strings.Join(strings.Fields(strings.Join(pdfText(t, f.render(void), "-raw"), "")), "")
	if !strings.Contains(raw, "VOID/無効") || !strings.Contains(raw, issued.Number) {
		t.Errorf("a void document prints its number and VOID / 無効:\n%s", raw)
	}
}

// TestSnapshot: an issued document prints its snapshot, whatever the
// customer master and company settings say now.
func TestSnapshot(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	d := f.issue(f.draft(store.KindInvoice, f.ja, "2026-11-25", storetest.ProductLine(f.service, "1")))
	before := f.render(d)
	f.ja.Name, f.company.Name = "株式会社べつの名前", "株式会社べつの会社"
	f.must(f.st.UpdateCustomer(f.ctx, &f.ja))
	f.must(f.st.SaveCompany(f.ctx, &f.company))
	again, err := f.st.Document(f.ctx, d.ID)
	f.must(err)
	var buf bytes.Buffer
	if err := Render(&buf, again, Options{Customer: f.ja, Company: f.company}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, buf.Bytes()) {
		t.Error("a reprint after the customer and company changed differs from the first print")
	}
}

// TestDeterministic: the same document gives the same bytes, and the PDF's
// creation date is the moment it was issued.
func TestDeterministic(t *testing.T) {
	f := newFix(t)
	d := f.issue(f.draft(store.KindInvoice, f.ja, "2026-11-25", storetest.ProductLine(f.service, "1"),
		storetest.ProductLine(f.bento, "3")))
	first := f.render(d)
	time.Sleep(1100 * time.Millisecond) // a clock-stamped date would now differ
	reloaded, err := f.st.Document(f.ctx, d.ID)
	f.must(err)
	if second := f.render(reloaded); !bytes.Equal(first, second) {
		t.Errorf("two renders differ (%d and %d bytes)", len(first), len(second))
	}
	if want := "/CreationDate(D:20261130093000+00'00')"; !bytes.Contains(first, []byte(want)) {
		t.Errorf("no %s in the PDF's metadata", want)
	}
	draft := f.draft(store.KindEstimate, f.en, "2026-11-25", storetest.ProductLine(f.service, "1"))
	if a, b := f.render(draft), f.render(draft); !bytes.Equal(a, b) {
		t.Error("two renders of a draft differ")
	}
}

// TestFontSubset: the font is embedded as a subset with a ToUnicode map, so
// the Japanese text comes back exactly (TestRenderEveryKind reads it).
func TestFontSubset(t *testing.T) {
	if _, err := exec.LookPath("pdffonts"); err != nil {
		t.Skip("pdffonts is not installed (apt-get install poppler-utils)")
	}
	f := newFix(t)
	pdf := f.render(f.issue(f.draft(store.KindInvoice, f.ja, "2026-11-25", storetest.ProductLine(f.service, "1"))))
	path := t.TempDir() + "/doc.pdf"
	f.must(os.WriteFile(path, pdf, 0o600))
	out, err := exec.Command("pdffonts", path).Output()
	f.must(err)
	if !regexp.MustCompile(`DAICHO\+IPAexGothic\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes`).Match(out) {
		t.Errorf("want the IPAex Gothic subset embedded with a ToUnicode map:\n%s", out)
	}
}

// TestInclusivePrices: a tax-inclusive document shows each rate's
// tax-inclusive base and the tax it contains.
func TestInclusivePrices(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	d := store.Document{Kind: store.KindInvoice, CustomerID: f.ja.ID, IssueDate: storetest.Date("2026-11-25"),
		PriceMode: store.PriceInclusive,
		Lines:     []store.Line{storetest.ProductLine(f.service, "1"), storetest.ProductLine(f.bento, "1")}}
	f.must(f.st.SaveDraft(f.ctx, &d))
	d = f.issue(d)
	text := strings.Join(pdfText(t, f.render(d), "-layout"), "")
	for _, tl := range d.Totals.Taxes {
		expect(t, "inclusive", text, seq(fmt.Sprintf("%d%%対象(税込)", tl.Rate), tl.Gross.Format(store.JPY),
			"内消費税", tl.Tax.Format(store.JPY)))
	}
	expect(t, "inclusive", text, seq("単価(税込)", "金額(税込)"), seq("小計(税抜)", d.Totals.Subtotal.Format(store.JPY)),
		seq("合計", d.Totals.Total.Format(store.JPY)))
}

// TestContactPerson: with a contact person, 様 goes after the person and
// the company loses 御中 (never both: 二重敬称).
func TestContactPerson(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	d := f.draft(store.KindEstimate, f.ja, "2026-11-25", storetest.ProductLine(f.service, "1"))
	c := f.ja
	c.Contact = "山田 太郎"
	var buf bytes.Buffer
	f.must(Render(&buf, d, Options{Customer: c, Company: f.company}))
	text := strings.Join(pdfText(t, buf.Bytes(), "-layout", "-nodiag"), "")
	expect(t, "contact", text, seq("山田 太郎 様"), regexp.MustCompile(`(?m)^株式会社テスト\s*($|\s{2})`))
	expectNot(t, "contact", text, "御中")
}

// TestMissingGlyph: a character the font cannot draw is an error naming it,
// not a blank on the customer's invoice.
func TestMissingGlyph(t *testing.T) {
	f := newFix(t)
	d := f.draft(store.KindInvoice, f.ja, "2026-11-25", storetest.ProductLine(f.service, "1"))
	c := f.ja
	c.Name = "株式会社テスト🍣"
	err := Render(&bytes.Buffer{}, d, Options{Customer: c, Company: f.company})
	var mg *MissingGlyphsError
	if !errors.As(err, &mg) || len(mg.Runes) != 1 || mg.Runes[0] != '🍣' {
		t.Fatalf("got %v, want a MissingGlyphsError for 🍣", err)
	}
	if !strings.Contains(err.Error(), "U+1F363") {
		t.Errorf("the message does not name the character: %v", err)
	}
}

// TestSeal: the seal kept in the ledger prints whatever becomes of its file
// (issue 15). A company with only a path (a document issued before images
// were kept) reads the file as before: a file that has gone prints without
// a seal; a file that is not a PNG is an error naming it.
func TestSeal(t *testing.T) {
	f := newFix(t)
	d := f.draft(store.KindInvoice, f.ja, "2026-11-25", storetest.ProductLine(f.service, "1"))
	with := f.render(d)
	f.must(os.Remove(f.sealPath))
	if kept := f.render(d); !bytes.Equal(kept, with) {
		t.Error("the seal kept in the ledger did not print once its file was gone")
	}
	legacy := f.company
	legacy.SealImage = nil
	var without bytes.Buffer
	f.must(Render(&without, d, Options{Customer: f.ja, Company: legacy}))
	if without.Len() >= len(with) {
		t.Errorf("without the seal file the PDF is %d bytes, with it %d: the seal was not drawn or not skipped", without.Len(), len(with))
	}
	f.must(os.WriteFile(f.sealPath, []byte("not a png"), 0o600))
	err := Render(&bytes.Buffer{}, d, Options{Customer: f.ja, Company: legacy})
	if err == nil || !strings.Contains(err.Error(), f.sealPath) {
		t.Errorf("a corrupt seal gave %v, want an error naming %s", err, f.sealPath)
	}
}

// TestDraftNeedsItsCustomer: a draft rendered with another customer's
// record is refused rather than addressed to the wrong company.
func TestDraftNeedsItsCustomer(t *testing.T) {
	f := newFix(t)
	d := f.draft(store.KindInvoice, f.ja, "2026-11-25", storetest.ProductLine(f.service, "1"))
	if err := Render(&bytes.Buffer{}, d, Options{Customer: f.en, Company: f.company}); err == nil {
		t.Error("a draft printed with another customer")
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestWriterError: the writer's error comes back (gopdf's own WriteTo would
// drop it).
func TestWriterError(t *testing.T) {
	f := newFix(t)
	d := f.draft(store.KindInvoice, f.ja, "2026-11-25", storetest.ProductLine(f.service, "1"))
	if err := Render(failingWriter{}, d, Options{Customer: f.ja, Company: f.company}); err == nil || err.Error() != "disk full" {
		t.Errorf("got %v, want the writer's error", err)
	}
}

// TestClosingBlockMoves: whatever the number of lines, the summary, bank
// account and notes come once, together, on the last page, even when the
// table ends too low for them and they move to a page of their own.
func TestClosingBlockMoves(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	moved := false
	for n := 14; n <= 32; n += 3 {
		d := f.longInvoice(n)
		pages := pdfText(t, f.render(d), "-layout")
		last := pages[len(pages)-1]
		for i, p := range pages {
			want := 0
			if i == len(pages)-1 {
				want = 1
			}
			for _, word := range []string{"合計", "お振込先", "備考"} {
				if got := strings.Count(p, word); got != want {
					t.Errorf("%d lines, page %d: %q printed %d times, want %d", n, i+1, word, got, want)
				}
			}
		}
		if !regexp.MustCompile(`\s式\s`).MatchString(last) {
			moved = true // the last page holds no table row: the block moved whole
		}
	}
	if !moved {
		t.Error("no line count made the closing block move to a page of its own; the test no longer covers that")
	}
}

// TestLongNotes: notes longer than a page run on over pages, line by line,
// none lost.
func TestLongNotes(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	d := f.draft(store.KindInvoice, f.ja, "2026-11-25", storetest.ProductLine(f.service, "1"))
	var notes []string
	for i := 1; i <= 70; i++ {
		notes = append(notes, fmt.Sprintf("備考の%d行目", i))
	}
	d.Notes = strings.Join(notes, "\n")
	f.must(f.st.SaveDraft(f.ctx, &d))
	pages := pdfText(t, f.render(d), "-layout", "-nodiag")
	if len(pages) < 2 {
		t.Fatalf("%d page(s) for 70 lines of notes", len(pages))
	}
	text := strings.Join(pages, "\n")
	at := 0
	for _, n := range notes {
		i := strings.Index(text[at:], n+"\n")
		if i < 0 {
			t.Fatalf("%q missing or out of order", n)
		}
		at += i + len(n)
	}
	if strings.Count(text, "合計") != 1 {
		t.Error("the totals are not printed once")
	}
}
