package tui

import (
	"context"
	"strings"
	"testing"

	"daicho/store"
	"daicho/tui/i18n"
)

// payInvoice records a bank transfer of amount from the invoice's customer
// and allocates it to the invoice.
func payInvoice(t *testing.T, st *store.Store, number string, amount store.Money) {
	t.Helper()
	ctx := context.Background()
	d, err := st.DocumentByNumber(ctx, number)
	if err != nil {
		t.Fatal(err)
	}
	p := store.Payment{CustomerID: d.CustomerID, Date: store.DateOf(2026, 11, 25), Amount: amount, Method: store.PayBankTransfer}
	if err := st.RecordPayment(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := st.Allocate(ctx, p.ID, d.ID, amount); err != nil {
		t.Fatal(err)
	}
}

// docLine is the documents list's line of the number, runs of spaces squeezed.
func docLine(h *harness, number string) string {
	h.t.Helper()
	for _, l := range strings.Split(h.screen(), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), number) {
			return strings.TrimSpace(squeeze(l))
		}
	}
	h.t.Fatalf("no row for %s:\n%s", number, h.screen())
	return ""
}

// An invoice's own view says what is open on it: nothing on a paid one, the
// remainder on a partly paid one — the figure of the overdue list — and the
// list says which are paid. A payment recorded meanwhile shows at once.
func TestInvoiceViewShowsWhatIsOpen(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	issuedInvoices(t, st, 3) // I-2026-0001…0003, ¥33,000 each, for C0001
	payInvoice(t, st, "I-2026-0001", 33000)
	payInvoice(t, st, "I-2026-0002", 20000)
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("3")
	for number, status := range map[string]string{"I-2026-0001": "paid", "I-2026-0002": "partly paid", "I-2026-0003": "unpaid"} {
		if l := docLine(h, number); !strings.HasSuffix(l, " 33,000 "+status) {
			t.Errorf("list line %q, want the status %q", l, status)
		}
	}
	// Newest first: I-2026-0003, I-2026-0002, I-2026-0001.
	h.press("down", "down", "enter")
	h.mustSee("Invoice I-2026-0001", "Open: ¥0 · paid · received ¥33,000")
	h.mustNotSee("¥33,000 · ")
	h.press("esc", "up", "enter")
	h.mustSee("Invoice I-2026-0002", "Open: ¥13,000 · partly paid · received ¥20,000")
	h.press("esc", "up", "enter")
	h.mustSee("Invoice I-2026-0003", "Open: ¥33,000 · unpaid")

	// Paid on the payments screen: the view shown on screen 3 follows.
	h.press("4", "n")
	h.typeText("てすと")
	h.press("enter")
	h.typeText("46,000")
	h.press("enter", "enter", "1")
	h.press("space", "down", "space", "ctrl+s")
	h.mustSee("2 allocations recorded.")
	h.press("3")
	h.mustSee("Invoice I-2026-0003", "Open: ¥0 · paid · received ¥33,000")
	h.press("esc")
	if l := docLine(h, "I-2026-0002"); !strings.HasSuffix(l, " paid") || strings.HasSuffix(l, "partly paid") {
		t.Errorf("after the payment the list says %q", l)
	}
}

// The view tells a fee closed and a credit note apart from money received.
func TestInvoiceViewShowsAdjustedAndCredited(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	issuedInvoices(t, st, 1)
	ctx := context.Background()
	inv, _ := st.DocumentByNumber(ctx, "I-2026-0001")
	cn, err := st.CreateCreditNote(ctx, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	cn.Lines = []store.Line{{Description: "値引き", Quantity: 1000, UnitPrice: 3000, TaxCategory: store.TaxStandard}}
	if err := st.SaveDraft(ctx, &cn); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Issue(ctx, cn.ID, cn.Version); err != nil {
		t.Fatal(err)
	}
	payInvoice(t, st, "I-2026-0001", 29700-660)
	if _, err := st.CloseShortfall(ctx, inv.ID, store.AdjustTransferFee, store.DateOf(2026, 11, 25)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang i18n.Lang
		want string
	}{
		{i18n.EN, "Open: ¥0 · paid · received ¥29,040 · closed as fee/discount ¥660 · credited ¥3,300"},
		{i18n.JA, "残高: ¥0 · 入金済 · 入金 ¥29,040 · 調整 ¥660 · 返品・値引き ¥3,300"},
	} {
		h := newHarness(t, st, tc.lang, 120, 40)
		h.press("3")
		h.press("down", "enter") // below the credit note, which is newer
		h.mustSee("I-2026-0001", tc.want)
	}
}

// F chooses a status, the payment states of invoices among them: unpaid and
// partly paid by what was received, overdue by the due date today.
func TestDocumentsPaymentStateFilter(t *testing.T) {
	st := newStore(t, true)
	overdueLedger(t, st) // I-2026-0001…0006 overdue, 0007 due today, 0008 not yet due, 0009 paid
	payInvoice(t, st, "I-2026-0002", 2000)
	payInvoice(t, st, "I-2026-0008", 8000)
	h := newHarness(t, st, i18n.EN, 80, 24)
	h.press("3")
	numbers := func() []string {
		var out []string
		for _, l := range strings.Split(h.screen(), "\n") {
			if f := strings.Fields(l); len(f) > 0 && strings.HasPrefix(f[0], "I-2026-") {
				out = append(out, f[0])
			}
		}
		return out
	}
	for _, tc := range []struct {
		typed   string
		keys    []string // after typing: "paid" also finds unpaid and partly paid, listed first
		summary string
		want    []string
	}{
		{"overdue", nil, "overdue", []string{"I-2026-0006", "I-2026-0005", "I-2026-0004", "I-2026-0003", "I-2026-0002", "I-2026-0001"}},
		{"partly", nil, "partly paid", []string{"I-2026-0008", "I-2026-0002"}},
		{"unpaid", nil, "unpaid", []string{"I-2026-0007", "I-2026-0006", "I-2026-0005", "I-2026-0004", "I-2026-0003", "I-2026-0001"}},
		{"paid", []string{"down", "down"}, "paid", []string{"I-2026-0009"}},
	} {
		h.press("F")
		h.mustSee("Show the documents of which status?", "overdue", "partly paid")
		h.typeText(tc.typed)
		h.press(append(tc.keys, "enter")...)
		h.mustSee(tc.summary)
		if got := numbers(); strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s: %v, want %v\n%s", tc.typed, got, tc.want, h.screen())
		}
	}
	h.press("esc") // every filter off
	if got := numbers(); len(got) != 9 {
		t.Errorf("without a filter %d invoices:\n%s", len(got), h.screen())
	}
	// At 80 columns the longest state is whole.
	if l := docLine(h, "I-2026-0008"); !strings.HasSuffix(l, "partly paid") {
		t.Errorf("at 80 columns %q", l)
	}
	for _, l := range strings.Split(h.screen(), "\n") {
		if w := len([]rune(l)); w > 80 {
			t.Errorf("line wider than 80: %q", l)
		}
	}
}

// Another desk's payment changes the state the documents list shows.
func TestLiveDocumentsListFollowsAnotherDesksPayment(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	issuedInvoices(t, st, 1)
	h := newHarness(t, st.As("taro"), i18n.EN, 120, 40)
	h.press("3")
	if l := docLine(h, "I-2026-0001"); !strings.HasSuffix(l, " unpaid") {
		t.Fatalf("before: %q", l)
	}
	h.send(liveChange(t, st, func() { payInvoice(t, st.As("hanako"), "I-2026-0001", 33000) }))
	if l := docLine(h, "I-2026-0001"); !strings.HasSuffix(l, " paid") || strings.HasSuffix(l, "unpaid") {
		t.Errorf("after another desk's payment: %q", l)
	}
}
