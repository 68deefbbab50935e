package pdf_test

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"daicho/pdf"
	"daicho/store"
)

// A staged reminder is one invoice's letter with its stage's title and
// words, placeholders filled, in the customer's language.
func TestStageReminderLetter(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	l := newExLedger(t)
	l.at("2026-12-10")
	inv := l.priced(l.cust, store.KindInvoice, "2026-10-20", 30_000, true) // 33,000 open
	due, err := l.st.ReminderStages(l.ctx, store.DateOf(2026, 12, 10))
	if err != nil || len(due) != 1 || due[0].Number != inv.Number {
		t.Fatalf("due %+v, %v", due, err)
	}
	it := due[0]
	it.Stage = store.StageFirm // as if the friendly one had gone
	r, subject, err := pdf.BuildStageReminder(l.ctx, l.st, it, store.DateOf(2026, 12, 10))
	if err != nil {
		t.Fatal(err)
	}
	if subject != "【督促】"+inv.Number+" のお支払いのお願い" || len(r.Invoices) != 1 {
		t.Fatalf("subject %q, invoices %+v", subject, r.Invoices)
	}
	var buf bytes.Buffer
	if err := pdf.RenderReminder(&buf, r); err != nil {
		t.Fatal(err)
	}
	text := squeezeSpaces(pdfLayoutText(t, buf.Bytes()))
	for _, want := range []string{"督促状", "請求書 " + inv.Number + "（¥33,000", "2026年12月24日 までに必ずお支払い",
		inv.Number, "33,000"} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks %q:\n%s", want, text)
		}
	}
}

func squeezeSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }
