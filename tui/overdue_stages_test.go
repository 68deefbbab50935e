package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"daicho/store"
	"daicho/tui/i18n"
)

// R on the overdue screen: before asking how, the last bank import and the
// deposits that may be a customer's payment; leaving that customer out, the
// due stages are written as letters and logged with their stage, and the
// list moves each invoice on to its next stage. H holds a customer's
// reminders, with the reason; R leaves it out.
func TestSendDueStagesFromTheOverdueScreen(t *testing.T) {
	st := newStore(t, true)
	dir := overdueLedger(t, st)
	ctx := context.Background()
	if _, err := st.ImportBankLines(ctx, "bank.txt", []store.BankLine{{Account: "test", Date: store.DateOf(2026, 11, 25),
		Amount: 30000, PayerName: "ﾕ)ﾔﾏﾀﾞｾｲｻｸｼﾖ"}}); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("5")
	if got := overdueLine(h, "I-2026-0006"); !strings.HasSuffix(got, "remind 08-28!") {
		t.Fatalf("next stage: %q", got)
	}

	// C0004 on hold: its invoice says so and is left out.
	h.press("/")
	h.typeText("I-2026-0006")
	h.press("enter", "H")
	h.mustSee("Hold reminders to C0004")
	h.typeText("請求額に異議（問合せ中）")
	h.press("enter")
	h.mustSee("Reminders to C0004", "on hold: 請求額に異議（問合せ中）")
	if got := overdueLine(h, "I-2026-0006"); !strings.HasSuffix(got, "on hold") {
		t.Fatalf("held row: %q", got)
	}
	h.press("esc")

	h.press("R")
	h.mustSee("5 reminders due as of 2026-11-26: friendly reminder 5.", "Last bank file imported",
		"Deposits not yet on an invoice that may be their payment:",
		"C0002 有限会社山田製作所 ← ﾕ)ﾔﾏﾀﾞｾｲｻｸｼﾖ ¥30,000 (11-25, unmatched)",
		"P write PDF letters, leaving out who may have paid (3)")
	h.press("P")
	h.mustSee("3 reminders written to")
	files, _ := filepath.Glob(filepath.Join(dir, "reminder_I-2026-000*_friendly_2026-11-26.pdf"))
	if len(files) != 3 {
		t.Fatalf("letters %v", files)
	}
	c1, _ := st.CustomerByCode(ctx, "C0001")
	rs, _ := st.Reminders(ctx, c1.ID)
	if len(rs) != 2 || rs[0].Stage != store.StageFriendly || rs[0].Method != store.RemindLetter {
		t.Fatalf("C0001's reminders %+v", rs)
	}
	// The firm reminder keeps its distance from the friendly one just sent:
	// 14 days after it, not 10-27 + 15 days.
	if got := overdueLine(h, "I-2026-0002"); !strings.HasSuffix(got, "firm 12-10") {
		t.Errorf("after the friendly reminder: %q", got)
	}

	// What is left is C0002's, who may have paid; by email: it has no
	// address, which is said per invoice.
	h.press("R")
	h.mustSee("2 reminders due")
	h.mustNotSee("leaving out")
	h.press("m")
	h.mustSee("0 reminders sent by email. 2 not sent: I-2026-0004: Email:")

	// With addresses and no SMTP server, the mails wait as .eml files.
	co, _ := st.Company(ctx)
	co.Email = "keiri@sample.example.jp"
	if err := st.SaveCompany(ctx, &co); err != nil {
		t.Fatal(err)
	}
	c2, _ := st.CustomerByCode(ctx, "C0002")
	c2.Email = "yamada@example.jp"
	if err := st.UpdateCustomer(ctx, &c2); err != nil {
		t.Fatal(err)
	}
	h.press("R", "m")
	h.mustSee("2 reminders sent by email. No SMTP server is set: 2 are saved as .eml files")
	if emls, _ := filepath.Glob(filepath.Join(dir, "*.eml")); len(emls) != 2 {
		t.Errorf("eml files %v", emls)
	}
	if rs, _ := st.Reminders(ctx, c2.ID); len(rs) != 2 || rs[0].Stage != store.StageFriendly || rs[0].Method != store.RemindEmail {
		t.Errorf("C0002's reminders %+v", rs)
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			t.Error(err)
		}
	}
}

// In Japanese at 80×24 the next stage fits beside the amount.
func TestOverdueNextStageAt80Columns(t *testing.T) {
	st := newStore(t, true)
	overdueLedger(t, st)
	h := newHarness(t, st, i18n.JA, 80, 24)
	h.press("5")
	h.mustSee("次の督促", "確認 08-28!")
	checkFits(t, h.screen(), 80, 24)
}

// The customer form holds the notice before the due date and the hold.
func TestCustomerFormReminderFields(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("1", "e")
	h.mustSee("Notice before due", "Reminders on hold")
	h.press("shift+tab") // the last field: the hold
	h.typeText("係争中")
	h.press("shift+tab", "space") // the notice: the next choice
	h.press("ctrl+s")
	c, _ := st.CustomerByCode(context.Background(), "C0001")
	if c.ReminderHold != "係争中" || !c.PreDueNotice {
		t.Fatalf("saved %+v\n%s", c, h.screen())
	}
}

// The settings' third page: each stage's day, use and words; the built-in
// words are shown and stay stored empty unless changed.
func TestReminderStageSettings(t *testing.T) {
	st := newStore(t, true)
	h := newHarness(t, st, i18n.JA, 100, 30)
	h.press("S", "pgdown")
	h.mustSee("メール")
	h.press("pgdown")
	h.mustSee("督促の段階：支払期日からの日数と文面", "期日前のご案内", "-3")
	h.press("tab")
	for range 3 {
		h.press("backspace")
	}
	h.typeText("-5")
	h.press("ctrl+s")
	h.mustSee("督促の段階を保存しました。")
	stages, err := st.ReminderStageSettings(context.Background())
	if err != nil || stages[0].Days != -5 || stages[1].Days != 1 || stages[0].SubjectJA != "" || stages[2].BodyEN != "" {
		t.Fatalf("stages %+v, %v", stages, err)
	}
	h.press("pgup")
	h.mustSee("SMTP")
}
