package tui

import (
	"context"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
	"daicho/tui/i18n"
)

func inquiriesOf(h *harness) *inquiriesScreen { return h.m.screens[5].(*inquiriesScreen) }

// inquiryForm is the open inquiry dialog, or fails the test.
func inquiryForm(h *harness) *inquiryDialog {
	h.t.Helper()
	d, ok := h.m.ui.d.(*inquiryDialog)
	if !ok {
		h.t.Fatalf("no inquiry form open (dialog %T):\n%s", h.m.ui.d, h.screen())
	}
	return d
}

// focusField tabs through the open inquiry form to the field.
func focusField(h *harness, field string) {
	h.t.Helper()
	for i := 0; inquiryForm(h).form.Focused() != field; i++ {
		if i > 10 {
			h.t.Fatalf("no field %s", field)
		}
		h.press("tab")
	}
}

// lineOf is the index of the first screen line holding text.
func lineOf(h *harness, text string) int {
	h.t.Helper()
	for i, l := range strings.Split(h.screen(), "\n") {
		if strings.Contains(l, text) {
			return i
		}
	}
	h.t.Fatalf("no line shows %q:\n%s", text, h.screen())
	return -1
}

func setPerson(t *testing.T, st *store.Store, code, person string) {
	t.Helper()
	ctx := context.Background()
	c, err := st.CustomerByCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	c.PersonInCharge = person
	storetest.Staff(t, st, person)
	if err := st.UpdateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
}

func allInquiries(t *testing.T, st *store.Store) []store.Inquiry {
	t.Helper()
	qs, err := st.Inquiries(context.Background(), store.InquiryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// addInquiry stores an inquiry of C0001 dated in November 2026.
func addInquiry(t *testing.T, st *store.Store, subject, status, date, followUp, body string) store.Inquiry {
	t.Helper()
	ctx := context.Background()
	c, _ := st.CustomerByCode(ctx, "C0001")
	q := store.Inquiry{CustomerID: c.ID, Channel: store.ChannelEmail, Subject: subject, Status: status, Body: body}
	q.Date = storetest.Date(date)
	if followUp != "" {
		q.FollowUp = storetest.Date(followUp)
	}
	if err := st.CreateInquiry(ctx, &q); err != nil {
		t.Fatal(err)
	}
	return q
}

func TestAddAnInquiryFromTheCustomersListAndDetail(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	setPerson(t, st, "C0002", "佐藤")
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.mustSee("i inquiry")
	h.press("down", "i") // C0002
	h.mustSee("New inquiry: C0002 有限会社山田製作所", "2026-11-26", "佐藤")
	if f := inquiryForm(h).form.Focused(); f != "subject" {
		t.Fatalf("focus on %s, want the subject", f)
	}
	h.typeText("納期の確認")
	h.press("tab")
	h.typeText("11/26 電話あり")
	h.press("enter") // a new line in the details, not a save
	h.typeText("来週回答")
	h.mustSee("11/26 電話あり", "来週回答", "enter: new line")
	h.press("ctrl+s")
	h.mustSee("Inquiry #1 added for C0002 有限会社山田製作所.")
	if h.m.ui.d != nil {
		t.Fatalf("the form is still open:\n%s", h.screen())
	}
	qs := allInquiries(t, st)
	if len(qs) != 1 {
		t.Fatalf("%d inquiries stored", len(qs))
	}
	q := qs[0]
	if q.CustomerCode != "C0002" || q.Person != "佐藤" || store.FormatDate(q.Date) != "2026-11-26" ||
		q.Channel != store.ChannelPhone || q.Status != store.InquiryOpen || q.Body != "11/26 電話あり\n来週回答" ||
		q.DocumentID != 0 || !q.FollowUp.IsZero() {
		t.Errorf("stored %+v", q)
	}

	// The customer's detail lists it; i there adds another, and the
	// detail shows both at once.
	h.press("enter")
	h.mustSee("Inquiries (1)", "open 2026-11-26 phone 納期の確認")
	h.press("i")
	h.mustSee("New inquiry: C0002")
	h.typeText("見積書の再送依頼")
	focusField(h, "channel")
	h.press("right") // email
	focusField(h, "status")
	h.press("right") // waiting
	focusField(h, "follow_up")
	h.typeText("2026-11-30")
	h.press("ctrl+s")
	h.mustSee("Inquiry #2 added", "Inquiries (2)", "waiting 2026-11-26 email 見積書の再送依頼 next 2026-11-30")
	if lineOf(h, "納期の確認") > lineOf(h, "見積書の再送依頼") {
		t.Errorf("the waiting inquiry is above the open one:\n%s", h.screen())
	}

	// The Inquiries tab lists both, open first.
	h.press("esc", "6")
	h.mustSee("Inquiries 2 of 2", "有限会社山田製作所", " 2026-11-30")
	if lineOf(h, "納期の確認") > lineOf(h, "見積書の再送依頼") {
		t.Errorf("order on the tab:\n%s", h.screen())
	}
}

func TestAddAnInquiryAboutADocument(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	issuedInvoices(t, st, 1) // I-2026-0001 of C0001
	h := newHarness(t, st, i18n.JA, 120, 40)
	h.press("3")
	h.mustSee("I-2026-0001", "i 問合せ")
	h.press("i")
	h.mustSee("問合せの登録: C0001 株式会社テスト", "I-2026-0001")
	h.typeText("請求書の宛名変更")
	h.press("ctrl+s")
	h.mustSee("C0001 株式会社テスト の問合せ #1 を登録しました。")
	qs := allInquiries(t, st)
	if len(qs) != 1 || qs[0].DocumentNumber != "I-2026-0001" || qs[0].CustomerCode != "C0001" {
		t.Fatalf("stored %+v", qs)
	}
	h.press("6")
	h.mustSee("問合せ履歴", "対応中", "請求書の宛名変更", "I-2026-0001")
}

// On the overdue list i is about the invoice under the cursor; per
// customer, about the customer. On the payments list, the payer.
func TestAddAnInquiryFromTheOverdueAndPaymentsLists(t *testing.T) {
	st := newStore(t, true)
	overdueLedger(t, st)
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("5")
	h.mustSee("I-2026-0006", "i inquiry")
	h.press("i")
	h.mustSee("New inquiry: C0004 ｻﾝﾌﾟﾙ工業株式会社", "I-2026-0006")
	h.press("esc") // nothing typed: closes at once
	h.press("v", "i")
	form := inquiryForm(h)
	if form.q.DocumentID != 0 || !strings.HasPrefix(form.form.Title, "New inquiry: C0004") {
		t.Errorf("per customer: %s, document %d", form.form.Title, form.q.DocumentID)
	}
	h.press("esc", "4")
	h.mustSee("i inquiry")
	h.press("i")
	h.mustSee("New inquiry: C0001 株式会社テスト")
	h.typeText("振込手数料の件")
	h.press("ctrl+s")
	h.mustSee("Inquiry #1 added for C0001")
}

func TestClosingAnInquiryMovesItDownTheList(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	urgent := addInquiry(t, st, "見積の再送", store.InquiryOpen, "2026-11-20", "2026-11-25", "11/20 電話\n11/21 メール送付")
	addInquiry(t, st, "操作方法の質問", store.InquiryOpen, "2026-11-24", "", "")
	addInquiry(t, st, "古い件", store.InquiryClosed, "2026-11-01", "", "")
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("6")
	h.mustSee("Inquiries 3 of 3", "!2026-11-25") // its follow-up day has come
	if !(lineOf(h, "見積の再送") < lineOf(h, "操作方法の質問") && lineOf(h, "操作方法の質問") < lineOf(h, "古い件")) {
		t.Fatalf("order before:\n%s", h.screen())
	}

	h.press("enter")                                                             // the first row
	h.mustSee("Inquiry #1: C0001 株式会社テスト", "Details", "11/20 電話", "11/21 メール送付") // its line breaks kept
	if lineOf(h, "11/21 メール送付") != lineOf(h, "11/20 電話")+1 {
		t.Fatalf("details not on their own lines:\n%s", h.screen())
	}
	focusField(h, "status")
	h.press("right", "right") // open → waiting → closed
	h.press("ctrl+s")
	h.mustSee("Inquiry #1 saved (C0001 株式会社テスト).")
	h.mustNotSee("!2026-11-25") // closed: nothing is due
	// Closed now, below the open one; among the closed, the one with a
	// follow-up date first.
	if !(lineOf(h, "操作方法の質問") < lineOf(h, "見積の再送") && lineOf(h, "見積の再送") < lineOf(h, "古い件")) {
		t.Fatalf("order after closing:\n%s", h.screen())
	}
	got, err := st.Inquiry(context.Background(), urgent.ID)
	if err != nil || got.Status != store.InquiryClosed || got.Body != urgent.Body || got.Version != 2 {
		t.Fatalf("stored %+v, %v", got, err)
	}

	h.press("F")
	h.mustSee("Inquiries 1 of 3", "open and waiting")
	h.mustNotSee("見積の再送")
	h.press("F")
	h.mustSee("Inquiries 2 of 3", "closed only", "見積の再送", "古い件")
	h.press("F", "/")
	h.typeText("質問") // a word of the subject
	h.mustSee("Inquiries 1 of 3", "操作方法の質問")
	h.press("esc", "esc")
	h.typeText("/てすと") // the customer's reading
	h.mustSee("Inquiries 3 of 3")
}

func TestAStaleInquiryFormIsRefused(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	q := addInquiry(t, st, "納品書の再発行", store.InquiryOpen, "2026-11-20", "", "")
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("6", "enter")
	h.mustSee("Inquiry #1")

	// Meanwhile someone else answers it.
	other := q
	other.Status, other.Body = store.InquiryClosed, "郵送済み"
	if err := st.As("hanako").UpdateInquiry(context.Background(), &other); err != nil {
		t.Fatal(err)
	}
	focusField(h, "status")
	h.press("right")
	h.press("ctrl+s")
	h.mustSee("changed by hanako at", "reload?")
	h.mustNotSee("Not saved") // the status line repeats the refusal, not "correct the fields"
	h.press("n")              // keep the edits
	inquiryForm(h)            // still open, with the change typed
	if got, _ := st.Inquiry(context.Background(), q.ID); got.Status != store.InquiryClosed || got.Body != "郵送済み" {
		t.Errorf("the stale save changed %+v", got)
	}
	h.press("esc")
	h.mustSee("Discard your unsaved changes?")
	h.press("n") // keep editing
	inquiryForm(h)
	h.press("esc", "y")
	if h.m.ui.d != nil {
		t.Fatalf("still open after discarding:\n%s", h.screen())
	}
}

func TestBadInquiryInputIsShownAtTheField(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	issuedInvoices(t, st, 1)
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("i")
	focusField(h, "date")
	for range 10 {
		h.press("backspace")
	}
	h.typeText("tomorrow")
	h.press("ctrl+s")
	h.mustSee("Not saved", "✗ not a date (e.g. 2026-11-26)", "✗ required")
	if f := inquiryForm(h).form.Focused(); f != "date" {
		t.Errorf("focus on %s, want the first bad field", f)
	}

	// Fixed; but the follow-up is before the date, and the document is
	// unknown (found only by the store, when saving).
	for range 8 {
		h.press("backspace")
	}
	h.typeText("2026/11/20")
	focusField(h, "subject")
	h.typeText("請求書の件")
	focusField(h, "follow_up")
	h.typeText("2026-11-19")
	h.press("ctrl+s")
	h.mustSee("✗ must be on or after the inquiry's date (2026-11-20)")
	h.press("backspace", "backspace")
	h.typeText("29")
	focusField(h, "document")
	h.typeText("I-2099-0001")
	h.press("ctrl+s")
	h.mustSee("✗ no document is numbered I-2099-0001")
	if n := len(allInquiries(t, st)); n != 0 {
		t.Fatalf("%d inquiries saved, want none", n)
	}
	for range 11 {
		h.press("backspace")
	}
	h.typeText("i-2026-0001") // C0001's invoice, as typed in a hurry
	h.press("ctrl+s")
	h.mustSee("Inquiry #1 added for C0001")
	qs := allInquiries(t, st)
	if len(qs) != 1 || store.FormatDate(qs[0].Date) != "2026-11-20" || store.FormatDate(qs[0].FollowUp) != "2026-11-29" ||
		qs[0].DocumentNumber != "I-2026-0001" {
		t.Fatalf("stored %+v", qs)
	}
}

// n on the Inquiries tab asks for the customer first (the picker over the
// customers screen's list), then opens the same form.
func TestNewInquiryOnTheTabAsksForTheCustomer(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	h := newHarness(t, st, i18n.JA, 120, 40)
	h.press("6")
	h.mustSee("問合せはまだありません")
	h.press("n")
	h.mustSee("問合せ元の顧客を選んでください")
	h.typeText("やまだ")
	h.press("enter")
	h.mustSee("問合せの登録: C0002 有限会社山田製作所")
	h.typeText("部品の在庫確認")
	focusField(h, "channel")
	h.press("right", "right") // 対面
	h.press("ctrl+s")
	h.mustSee("C0002 有限会社山田製作所 の問合せ #1 を登録しました。", "部品の在庫確認", "対面")
	if qs := allInquiries(t, st); len(qs) != 1 || qs[0].Channel != store.ChannelVisit || qs[0].CustomerCode != "C0002" {
		t.Fatalf("stored %+v", qs)
	}
}
