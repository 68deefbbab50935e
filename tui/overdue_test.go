package tui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"daicho/store"
	"daicho/store/storetest"
	"daicho/tui/i18n"
)

// overdueLedger stores the sample customers and nine invoices (issued
// 2026-06-01, ¥1,000 × price before 10% tax) due around the test clock's
// 2026-11-26, and returns the exports folder:
//
//	I-2026-0001 C0001 due 11-25   1 day   ¥11,000  1–30
//	I-2026-0002 C0001 due 10-27  30 days  ¥22,000  1–30
//	I-2026-0003 C0002 due 10-26  31 days  ¥33,000  31–60
//	I-2026-0004 C0002 due 09-26  61 days  ¥44,000  61–90
//	I-2026-0005 C0003 due 08-28  90 days  ¥55,000  61–90
//	I-2026-0006 C0004 due 08-27  91 days  ¥66,000  90+
//	I-2026-0007 C0003 due 11-26  due today: not overdue
//	I-2026-0008 C0004 due 12-10  not yet due
//	I-2026-0009 C0001 due 10-01  paid in full
func overdueLedger(t *testing.T, st *store.Store) string {
	t.Helper()
	ctx := context.Background()
	addCustomers(t, st, sampleCustomers...)
	dir := t.TempDir()
	co, _ := st.Company(ctx)
	co.ExportsDir = dir
	co.BankAccounts = []store.BankAccount{{Bank: "サンプル銀行", Branch: "本店", AccountType: store.AccountOrdinary, Number: "1234567", HolderKana: "カ)サンプル"}}
	if err := st.SaveCompany(ctx, &co); err != nil {
		t.Fatal(err)
	}
	c1, _ := st.CustomerByCode(ctx, "C0001")
	c1.PersonInCharge = "佐藤"
	storetest.Staff(t, st, c1.PersonInCharge)
	if err := st.UpdateCustomer(ctx, &c1); err != nil {
		t.Fatal(err)
	}
	for i, inv := range []struct {
		code, due string
		price     store.Money
	}{
		{"C0001", "2026-11-25", 10}, {"C0001", "2026-10-27", 20}, {"C0002", "2026-10-26", 30},
		{"C0002", "2026-09-26", 40}, {"C0003", "2026-08-28", 50}, {"C0004", "2026-08-27", 60},
		{"C0003", "2026-11-26", 70}, {"C0004", "2026-12-10", 80}, {"C0001", "2026-10-01", 90},
	} {
		c, _ := st.CustomerByCode(ctx, inv.code)
		d := store.Document{Kind: store.KindInvoice, CustomerID: c.ID, Subject: "保守", IssueDate: store.DateOf(2026, 6, 1),
			DueDate: storetest.Date(inv.due), Lines: []store.Line{{Description: "保守サポート", Quantity: 1000,
				UnitPrice: inv.price * 1000, TaxCategory: store.TaxStandard}}}
		if err := st.SaveDraft(ctx, &d); err != nil {
			t.Fatal(err)
		}
		issued, err := st.Issue(ctx, d.ID, d.Version)
		if err != nil {
			t.Fatal(err)
		}
		if i == 8 {
			p := store.Payment{CustomerID: c.ID, Date: store.DateOf(2026, 10, 1), Amount: issued.Totals.Total, Method: store.PayBankTransfer}
			if err := st.RecordPayment(ctx, &p); err != nil {
				t.Fatal(err)
			}
			if err := st.Allocate(ctx, p.ID, issued.ID, issued.Totals.Total); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// overdueLine is the screen line of the invoice number, runs of spaces squeezed.
func overdueLine(h *harness, number string) string {
	h.t.Helper()
	for _, l := range strings.Split(h.screen(), "\n") {
		if strings.HasPrefix(l, number) {
			return strings.TrimSpace(squeeze(l))
		}
	}
	h.t.Fatalf("no row for %s:\n%s", number, h.screen())
	return ""
}

func overdueOf(h *harness) *overdueScreen { return h.m.screens[4].(*overdueScreen) }

func TestOverdueListsExactlyTheLateInvoices(t *testing.T) {
	st := newStore(t, true)
	overdueLedger(t, st)
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.mustSee("6 invoices overdue, ¥231,000 in all") // the start-up status line

	h.press("5")
	h.mustSee("Overdue as of 2026-11-26", "6 of 6")
	for number, want := range map[string]string{
		"I-2026-0001": "I-2026-0001 株式会社テスト 佐藤 2026-11-25 1 11,000 1–30 remind 11-26!",
		"I-2026-0002": "I-2026-0002 株式会社テスト 佐藤 2026-10-27 30 22,000 1–30 remind 10-28!",
		"I-2026-0003": "I-2026-0003 有限会社山田製作所 2026-10-26 31 33,000 31–60 remind 10-27!",
		"I-2026-0004": "I-2026-0004 有限会社山田製作所 2026-09-26 61 44,000 61–90 remind 09-27!",
		"I-2026-0005": "I-2026-0005 Acme Trading Ltd. 2026-08-28 90 55,000 61–90 remind 08-29!",
		"I-2026-0006": "I-2026-0006 ｻﾝﾌﾟﾙ工業株式会社 2026-08-27 91 66,000 90+ remind 08-28!",
	} {
		if got := overdueLine(h, number); got != want {
			t.Errorf("row %s:\n got %q\nwant %q", number, got, want)
		}
	}
	for _, absent := range []string{"I-2026-0007", "I-2026-0008", "I-2026-0009"} {
		h.mustNotSee(absent)
	}
	// The buckets and the total, with counts.
	h.mustSee("1–30 days 31–60 days 61–90 days 90+ days Total",
		"¥33,000 ¥33,000 ¥99,000 ¥66,000 ¥231,000",
		"2 overdue 1 overdue 2 overdue 1 overdue 6 overdue")
	// The most overdue first.
	if s := overdueOf(h); s.list.Row(0).Number != "I-2026-0006" || s.list.Row(5).Number != "I-2026-0001" {
		t.Fatalf("order: %s … %s", s.list.Row(0).Number, s.list.Row(5).Number)
	}

	// Sorted by amount, then by customer name.
	h.press("s")
	h.mustSee("sorted by open amount")
	if s := overdueOf(h); s.list.Row(0).Number != "I-2026-0006" || s.list.Row(1).Number != "I-2026-0005" {
		t.Fatalf("by amount: %s, %s", s.list.Row(0).Number, s.list.Row(1).Number)
	}
	h.press("s")
	var codes []string
	for s, i := overdueOf(h), 0; i < s.list.Visible(); i++ {
		codes = append(codes, s.list.Row(i).CustomerCode)
	}
	if got := strings.Join(codes, " "); got != "C0003 C0004 C0002 C0002 C0001 C0001" {
		t.Fatalf("by customer: %s", got)
	}
	h.press("s") // back to days

	// Per customer: the total, the count and the oldest.
	h.press("v")
	h.mustSee("per customer", "C0002 有限会社山田製作所 2 61 days 77,000", "C0001 株式会社テスト 佐藤 2 30 days 33,000")
	h.press("enter") // the first customer (most overdue: C0004) → its invoices
	h.mustSee("ｻﾝﾌﾟﾙ工業株式会社", "1 of 6", "I-2026-0006")
	h.mustNotSee("I-2026-0005")
	h.press("esc")
	h.mustSee("6 of 6")

	// Search narrows the list.
	h.press("/")
	h.typeText("山田")
	h.press("enter")
	h.mustSee("2 of 6", "I-2026-0003", "I-2026-0004")
	h.mustNotSee("I-2026-0001")
}

func TestOverdueAsOfAnotherDate(t *testing.T) {
	st := newStore(t, true)
	overdueLedger(t, st)
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("5", "D")
	h.typeText("2026-12-31")
	h.press("enter")
	h.mustSee("Overdue as of 2026-12-31", "8 of 8")
	if got := overdueLine(h, "I-2026-0007"); !strings.Contains(got, " 35 ") || !strings.Contains(got, " 31–60 ") {
		t.Fatalf("I-2026-0007 as of 12-31: %q", got)
	}
	if got := overdueLine(h, "I-2026-0008"); !strings.Contains(got, " 21 ") || !strings.Contains(got, " 1–30 ") {
		t.Fatalf("I-2026-0008 as of 12-31: %q", got)
	}
	if got := overdueLine(h, "I-2026-0006"); !strings.Contains(got, " 126 ") || !strings.Contains(got, " 90+ ") {
		t.Fatalf("I-2026-0006 as of 12-31: %q", got)
	}

	h.press("D")
	for range 10 {
		h.press("backspace")
	}
	h.typeText("2026-10-01")
	h.press("enter")
	h.mustSee("Overdue as of 2026-10-01", "3 of 3", "I-2026-0004", "I-2026-0005", "I-2026-0006")
	h.mustNotSee("I-2026-0003")

	h.press("D") // empty: today again
	for range 10 {
		h.press("backspace")
	}
	h.press("enter")
	h.mustSee("Overdue as of 2026-11-26", "6 of 6")
}

func TestRecordAPaymentFromTheOverdueScreen(t *testing.T) {
	st := newStore(t, true)
	overdueLedger(t, st)
	ctx := context.Background()
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("5", "/")
	h.typeText("I-2026-0004")
	h.press("enter", "n")
	h.mustSee("Payment from C0002 有限会社山田製作所", "open ¥44,000", "> 44,000")
	for range 6 {
		h.press("backspace")
	}
	h.typeText("50000")
	h.press("enter")
	// The selected invoice first, the rest on the customer's oldest open one.
	h.mustSee("Recorded ¥50,000 from 有限会社山田製作所; allocated to I-2026-0004 ¥44,000, I-2026-0003 ¥6,000.")
	s := overdueOf(h)
	if len(s.list.rows) != 5 || s.summary.Total != 231000-50000 {
		t.Fatalf("%d rows, total %d after the payment", len(s.list.rows), s.summary.Total)
	}

	h.press("esc", "/")
	h.typeText("I-2026-0003")
	h.press("enter", "n")
	h.mustSee("> 27,000") // what is left open
	h.press("enter")
	h.mustSee("allocated to I-2026-0003 ¥27,000.")
	for _, r := range overdueOf(h).list.rows {
		if r.CustomerCode == "C0002" {
			t.Fatalf("%s still listed", r.Number)
		}
	}

	// The last row: the list shrinks under the cursor.
	h.press("esc", "G", "n", "enter")
	h.mustSee("Recorded ¥11,000 from 株式会社テスト; allocated to I-2026-0001 ¥11,000.", "3 of 3")

	c2, _ := st.CustomerByCode(ctx, "C0002")
	pays, err := st.Payments(ctx, store.PaymentFilter{CustomerID: c2.ID})
	if err != nil || len(pays) != 2 {
		t.Fatalf("payments %+v, %v", pays, err)
	}
	for _, p := range pays {
		if p.Method != store.PayBankTransfer || !p.Date.Equal(store.DateOf(2026, 11, 26)) || p.Allocated != p.Amount {
			t.Fatalf("payment %+v", p)
		}
	}
	inv4, _ := st.DocumentByNumber(ctx, "I-2026-0004")
	allocs, err := st.InvoiceAllocations(ctx, inv4.ID)
	if err != nil || len(allocs) != 1 || allocs[0].Amount != 44000 {
		t.Fatalf("allocations of I-2026-0004: %+v, %v", allocs, err)
	}
	b, _ := st.CustomerBalance(ctx, c2.ID)
	if b.Receivable != 0 || b.Unapplied != 0 {
		t.Fatalf("C0002 balance %+v", b)
	}
}

func TestLogAReminderAndSeeItInTheCustomerDetail(t *testing.T) {
	st := newStore(t, true)
	overdueLedger(t, st)
	ctx := context.Background()
	h := newHarness(t, st, i18n.JA, 120, 50)
	h.press("5", "/")
	h.typeText("I-2026-0002")
	h.press("enter", "L")
	h.mustSee("株式会社テスト への督促（I-2026-0002）の方法は？", "1 電話", "5 その他")
	h.press("1")
	h.typeText("来週振込との回答")
	h.press("enter")
	h.mustSee("株式会社テスト への督促（電話・I-2026-0002）を記録しました。")

	c1, _ := st.CustomerByCode(ctx, "C0001")
	rs, err := st.Reminders(ctx, c1.ID)
	if err != nil || len(rs) != 1 || rs[0].Method != store.RemindPhone || rs[0].InvoiceNumber != "I-2026-0002" ||
		rs[0].Note != "来週振込との回答" || !rs[0].Date.Equal(store.DateOf(2026, 11, 26)) {
		t.Fatalf("reminders %+v, %v", rs, err)
	}

	// A reminder about the whole account, from the per-customer view.
	h.press("esc", "v", "/")
	h.typeText("C0001")
	h.press("enter", "L", "3", "enter")
	h.mustSee("督促（書面・C0001）を記録しました。")

	h.press("1", "enter") // C0001's detail
	h.mustSee("C0001 株式会社テスト", "売掛残高 ¥33,000 · 預り金 ¥0",
		"入金（1件）", "2026-10-01 99,000 消込 99,000",
		"督促履歴（2件）", "2026-11-26 電話 I-2026-0002 来週振込との回答", "2026-11-26 書面 取引全体")
}

func TestReminderPDFForTheCustomersOverdueInvoices(t *testing.T) {
	st := newStore(t, true)
	dir := overdueLedger(t, st)
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("5", "/")
	h.typeText("I-2026-0001")
	h.press("enter", "p")
	h.mustSee("Reminder PDF for 株式会社テスト", "> 2026-12-10")
	h.press("enter")
	path := filepath.Join(dir, "reminder_C0001_2026-11-26.pdf")
	h.mustSee("Saved: " + path)
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("%s: %v", path, err)
	}
	h.press("p", "enter")
	h.mustSee("exists already.", "Replace it?")
	h.press("y")
	h.mustSee("Saved: " + path)
}

// At 80×24 in Japanese, every line fits and the amounts line up.
func TestOverdueScreenAt80x24(t *testing.T) {
	st := newStore(t, true)
	overdueLedger(t, st)
	for _, lang := range []i18n.Lang{i18n.JA, i18n.EN} {
		h := newHarness(t, st, lang, 80, 24)
		h.press("5")
		lines := strings.Split(h.screen(), "\n")
		if len(lines) != 24 {
			t.Fatalf("%s: %d lines", lang, len(lines))
		}
		end := -1
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > 80 {
				t.Fatalf("%s: line %d is %d cells wide: %q", lang, i, w, l)
			}
			if !strings.HasPrefix(l, "I-2026-") {
				continue
			}
			for _, amount := range []string{"11,000", "22,000", "33,000", "44,000", "55,000", "66,000"} {
				if j := strings.Index(l, " "+amount+" "); j >= 0 {
					e := ansi.StringWidthWc(l[:j+1+len(amount)])
					if end >= 0 && e != end {
						t.Fatalf("%s: amount of line %d ends at %d, others at %d:\n%s", lang, i, e, end, h.screen())
					}
					end = e
				}
			}
		}
		if end < 0 {
			t.Fatalf("%s: no amounts:\n%s", lang, h.screen())
		}
		h.press("v")
		for i, l := range strings.Split(h.screen(), "\n") {
			if w := ansi.StringWidth(l); w > 80 {
				t.Fatalf("%s per customer: line %d is %d cells wide: %q", lang, i, w, l)
			}
		}
		h.mustSee("C0004")
	}
}

// Open the database and draw the first overdue frame over 100,000 invoices
// (target: < 150 ms).
func BenchmarkOverdueFirstFrame(b *testing.B) {
	largeDB(b)
	for b.Loop() {
		st := openLarge(b)
		s := newOverdueScreen(benchEnv(st))
		s.SetSize(120, 30)
		s.Update(s.Init()())
		if s.list.Rows() == 0 {
			b.Fatal("no rows")
		}
		_ = s.View()
		st.Close()
	}
}
