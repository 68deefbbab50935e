package tui

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"daicho/store"
	"daicho/tui/i18n"
)

// setEmail gives a customer an email address, and the company one to send
// from.
func setEmail(t *testing.T, st *store.Store, code, email string) {
	t.Helper()
	ctx := context.Background()
	co, err := st.Company(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if co.Email == "" {
		co.Email = "keiri@sample.example.jp"
		if err := st.SaveCompany(ctx, &co); err != nil {
			t.Fatal(err)
		}
	}
	c, err := st.CustomerByCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	c.Email = email
	if err := st.UpdateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
}

// TestMailAnInvoiceInThreeKeys: m, a look at the preview, y. With no SMTP
// server set the mail lands as an .eml file in the exports folder, and the
// document's view shows it was sent, by whom and to whom.
func TestMailAnInvoiceInThreeKeys(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	setEmail(t, st, "C0001", "tanaka@test.example.jp")
	dir := issuedInvoices(t, st, 1)
	h := newHarness(t, st, i18n.JA, 220, 45) // wide: the status line names the whole path
	h.press("3")
	h.press("m")
	h.mustSee("メールで送信しますか？", "宛先 株式会社テスト <tanaka@test.example.jp>",
		"件名 請求書 I-2026-0001 のご送付", "添付 I-2026-0001_株式会社テスト.pdf",
		"SMTPサーバー未設定: "+dir, "株式会社テスト", "ご担当者様", "ご請求金額: ¥33,000")
	h.press("y")
	path := filepath.Join(dir, "I-2026-0001_株式会社テスト_20261126-090000.eml")
	h.mustSee("SMTPサーバー未設定のため、株式会社テスト <tanaka@test.example.jp> 宛てのメールを " + path + " に保存しました")
	h.mustNotSee("メールで送信しますか？")
	raw, err := os.ReadFile(path)
	if err != nil || !bytes.Contains(raw, []byte("Content-Type: application/pdf")) {
		t.Fatalf("%s: %v", path, err)
	}
	d, _ := st.DocumentByNumber(context.Background(), "I-2026-0001")
	log, err := st.MailLog(context.Background(), d.ID)
	if err != nil || len(log) != 1 || log[0].To != "tanaka@test.example.jp" || log[0].File != path ||
		log[0].Method != store.MailEML {
		t.Fatalf("mail log %+v, %v", log, err)
	}

	// The document's view lists the mail: when, who, to whom.
	h.press("enter")
	h.mustSee("メール送信履歴（1件）", "2026-11-26", log[0].Actor+" → tanaka@test.example.jp", ".emlファイル")
}

func TestMailRefusesDraftsAndCustomersWithoutEmail(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	issuedInvoices(t, st, 1) // C0001 has no email
	ctx := context.Background()
	c, _ := st.CustomerByCode(ctx, "C0002")
	draft := store.Document{Kind: store.KindInvoice, CustomerID: c.ID, IssueDate: store.DateOf(2026, 11, 25),
		Lines: []store.Line{{Description: "作業", Quantity: 1000, UnitPrice: 1000, TaxCategory: store.TaxStandard}}}
	if err := st.SaveDraft(ctx, &draft); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("3", "m") // the draft is on top
	h.mustSee("A draft cannot be sent: issue it first (I), then send it (m).")
	h.mustNotSee("Send by email?")
	h.press("j", "m")
	h.mustSee("Cannot send: Email: C0001 株式会社テスト has no email address: add one to the customer first")
	h.mustNotSee("Send by email?")
	d, _ := st.DocumentByNumber(ctx, "I-2026-0001")
	if log, _ := st.MailLog(ctx, d.ID); len(log) != 0 {
		t.Fatalf("logged %+v", log)
	}
}

// TestMailFailureShowsTheErrorAndMarksNothing: a server that does not
// answer; the preview stays with the reason, y tries again, esc gives up.
func TestMailFailureShowsTheErrorAndMarksNothing(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	setEmail(t, st, "C0001", "tanaka@test.example.jp")
	dir := issuedInvoices(t, st, 1)
	ctx := context.Background()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close() // nobody listens there now
	m, _ := st.MailSettings(ctx)
	m.Host, m.Port, m.Security = "127.0.0.1", port, store.SecurityNone
	if err := st.SaveMailSettings(ctx, &m); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, i18n.EN, 120, 45)
	h.press("3", "m")
	h.mustSee("Send by email?", "127.0.0.1:", "(none (this machine only))")
	h.press("y")
	h.mustSee("Send by email?", "✗ the server 127.0.0.1:", "y try again", "Not sent, nothing marked as sent")
	h.press("esc")
	h.mustNotSee("Send by email?")
	d, _ := st.DocumentByNumber(ctx, "I-2026-0001")
	if log, _ := st.MailLog(ctx, d.ID); len(log) != 0 {
		t.Fatalf("a failed mail was logged: %+v", log)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*.eml")); len(files) != 0 {
		t.Fatalf("files: %v", files)
	}
}

// TestMailChangeRecipientAndSubject edits the preview before sending.
func TestMailChangeRecipientAndSubject(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	setEmail(t, st, "C0001", "tanaka@test.example.jp")
	issuedInvoices(t, st, 1)
	h := newHarness(t, st, i18n.EN, 120, 45)
	h.press("3", "m", "t")
	h.mustSee("Send to (one email address)")
	for range len("tanaka@test.example.jp") {
		h.press("backspace")
	}
	h.typeText("not an address")
	h.press("enter")
	h.mustSee("not an email address")
	for range len("not an address") {
		h.press("backspace")
	}
	h.typeText("keiri@test.example.jp")
	h.press("enter", "s")
	h.typeText(" (再送)")
	h.press("enter")
	h.mustSee("To keiri@test.example.jp", "Subject 請求書 I-2026-0001 のご送付 (再送)")
	h.press("y")
	h.mustSee("the mail to keiri@test.example.jp is saved as")
	d, _ := st.DocumentByNumber(context.Background(), "I-2026-0001")
	if log, _ := st.MailLog(context.Background(), d.ID); len(log) != 1 || log[0].To != "keiri@test.example.jp" ||
		log[0].Subject != "請求書 I-2026-0001 のご送付 (再送)" {
		t.Fatalf("logged %+v", log)
	}
}

// TestMailAReminderFromTheOverdueScreen: m sends the customer's reminder
// PDF and writes the reminder history entry (method email) with the mail.
func TestMailAReminderFromTheOverdueScreen(t *testing.T) {
	st := newStore(t, true)
	dir := overdueLedger(t, st)
	setEmail(t, st, "C0001", "tanaka@test.example.jp")
	ctx := context.Background()
	h := newHarness(t, st, i18n.JA, 220, 45)
	h.press("5", "/")
	h.typeText("I-2026-0002")
	h.press("enter", "m")
	h.mustSee("督促状をメールで送信しますか？", "件名 お支払いのお願い（株式会社サンプル商事）",
		"添付 reminder_C0001_2026-11-26.pdf", "請求書番号: I-2026-0002, I-2026-0001", "2026年12月10日までに")
	h.press("y")
	h.mustSee("reminder_C0001_2026-11-26_20261126-090000.eml に保存しました")
	if _, err := os.Stat(filepath.Join(dir, "reminder_C0001_2026-11-26_20261126-090000.eml")); err != nil {
		t.Fatal(err)
	}
	c1, _ := st.CustomerByCode(ctx, "C0001")
	rs, err := st.Reminders(ctx, c1.ID)
	if err != nil || len(rs) != 1 || rs[0].Method != store.RemindEmail || rs[0].InvoiceNumber != "I-2026-0002" ||
		rs[0].Note != "tanaka@test.example.jp" {
		t.Fatalf("reminders %+v, %v", rs, err)
	}
	log, err := st.CustomerMailLog(ctx, c1.ID)
	if err != nil || len(log) != 1 || log[0].Kind != store.MailReminder || log[0].DocumentNumber != "I-2026-0002" {
		t.Fatalf("mail log %+v, %v", log, err)
	}

	// L still logs a reminder by hand.
	h.press("L")
	h.mustSee("株式会社テスト への督促（I-2026-0002）の方法は？")
}

// TestMailSettingsPage: pgdn from the company settings, the form's checks,
// a save that the next mail uses.
func TestMailSettingsPage(t *testing.T) {
	st := newStore(t, true)
	h := newHarness(t, st, i18n.EN, 120, 45)
	h.press("S")
	h.mustSee("pgdn mail settings")
	h.press("pgdown")
	h.mustSee("Mail settings (pgup: company settings)", "SMTP server", "Subject (ja)", "{kind} {number} のご送付")
	h.typeText("smtp.example.jp")
	h.press("tab", "right") // security: STARTTLS → TLS; the port follows
	h.mustSee("465")
	h.press("tab", "tab")
	h.typeText("keiri")
	h.press("tab")
	h.typeText("SMTP-PASS")
	h.press("ctrl+s")
	h.mustSee("Not saved", "letters, digits and _ only")
	for range len("-PASS") {
		h.press("backspace")
	}
	h.typeText("_PASS")
	h.press("ctrl+s")
	h.mustSee("Mail settings saved.")
	m, err := st.MailSettings(context.Background())
	if err != nil || m.Host != "smtp.example.jp" || m.Security != store.SecurityTLS || m.Port != 465 ||
		m.Username != "keiri" || m.PasswordEnv != "SMTP_PASS" || m.Version != 1 ||
		m.JA != store.DefaultMailTemplate("ja") {
		t.Fatalf("saved %+v, %v", m, err)
	}
	h.press("pgup")
	h.mustSee("Company", "Name")
	h.press("esc")
	h.mustNotSee("SMTP server")
	if !strings.Contains(h.screen(), "Customers") {
		t.Fatalf("settings not closed:\n%s", h.screen())
	}
}
