package tui

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"daicho/store"
	"daicho/tui/i18n"
)

// TestOverdueAsOfAPastDayAndItsReminder: as of a past day (D), the overdue
// screen lists an invoice paid since with what was open then, and the
// reminder PDF made there is as of that day with those figures.
func TestOverdueAsOfAPastDayAndItsReminder(t *testing.T) {
	st := newStore(t, true)
	dir := overdueLedger(t, st)
	ctx := context.Background()
	// I-2026-0003 (C0002, ¥33,000, due 10-26) was paid on 11-20.
	c2, _ := st.CustomerByCode(ctx, "C0002")
	inv3, _ := st.DocumentByNumber(ctx, "I-2026-0003")
	p := store.Payment{CustomerID: c2.ID, Date: store.DateOf(2026, 11, 20), Amount: 33000, Method: store.PayBankTransfer}
	if err := st.RecordPayment(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := st.Allocate(ctx, p.ID, inv3.ID, 33000); err != nil {
		t.Fatal(err)
	}

	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("5")
	h.mustSee("Overdue as of 2026-11-26", "5 of 5")
	h.mustNotSee("I-2026-0003")

	h.press("D")
	h.typeText("2026-11-10")
	h.press("enter")
	h.mustSee("Overdue as of 2026-11-10", "5 of 5") // 0001 and 0002 were not due yet; 0003 was
	if got, want := overdueLine(h, "I-2026-0003"), "I-2026-0003 有限会社山田製作所 2026-10-26 15 33,000 1–30 remind 10-27!"; got != want {
		t.Errorf("I-2026-0003 as of 11-10:\n got %q\nwant %q", got, want)
	}
	// 1–30: 0002 and 0003; 31–60: 0004; 61–90: 0005 and 0006.
	h.mustSee("¥55,000 ¥44,000 ¥121,000 ¥0 ¥220,000")

	// The reminder PDF of C0002 made there is as of 11-10: both its invoices.
	h.press("/")
	h.typeText("I-2026-0003")
	h.press("enter", "p", "enter")
	path := filepath.Join(dir, "reminder_C0002_2026-11-10.pdf")
	h.mustSee("Saved: " + path)
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := string(out)
		for _, want := range []string{"I-2026-0003", "I-2026-0004", "77,000", "基準日", "2026年11月10日現在", "2026年11月26日"} {
			if !strings.Contains(text, want) {
				t.Errorf("the reminder does not say %q:\n%s", want, text)
			}
		}
	}
	// So is the reminder mail.
	setEmail(t, st, "C0002", "yamada@test.example.jp")
	h.press("m")
	h.mustSee("reminder_C0002_2026-11-10.pdf", "¥77,000")
	h.press("esc")
	h.mustNotSee("reminder_C0002_2026-11-10.pdf")

	// A payment recorded there is today's: I-2026-0003 is paid by now, so
	// the money goes on what is open today.
	h.press("n")
	h.mustSee("> 33,000")
	h.press("enter")
	h.mustSee("Recorded ¥33,000 from 有限会社山田製作所; allocated to I-2026-0004 ¥33,000.")
}
