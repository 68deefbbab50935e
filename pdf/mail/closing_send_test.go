package mail_test

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"

	"daicho/pdf/closing"
	"daicho/store"
	"daicho/store/storetest"
)

// The send step of a closing run: the email customers get one mail each
// with their invoice attached (read back from mailpit); the post customers'
// invoices go into one print pack whose pages are cover letter, documents,
// then the label sheet (read back with pdftotext); every PDF that left is
// handed to Keep with the exact bytes that left.
func TestClosingRunSendsByMailAndPost(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	f := newFixture(t)
	mp := startMailpit(t, mailpitOptions{})
	f.setMail(func(s *store.MailSettings) {
		s.Host, s.Port, s.Security = "127.0.0.1", mp.smtpPort, store.SecurityNone
	})
	// C0001 by mail, C0002 both, C0003 (no address) by post to its head office.
	f.en.Delivery = store.DeliveryBoth
	f.noEmail.SendToName, f.noEmail.SendToPostalCode, f.noEmail.SendToAddress1 = "有限会社メールなし 本社", "060-0001", "北海道札幌市中央区北一条西2-1"
	f.noEmail.SendToDepartment = "経理部"
	for _, c := range []*store.Customer{&f.en, &f.noEmail} {
		if err := f.st.UpdateCustomer(f.ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []store.Customer{f.ja, f.en, f.noEmail} {
		dn := f.save(c, store.KindDeliveryNote, "2026-11-10", "", 10000)
		if _, err := f.st.Issue(f.ctx, dn.ID, dn.Version); err != nil {
			t.Fatal(err)
		}
	}
	plan, err := f.st.RunClosing(f.ctx, storetest.Date("2026-11-30"), true)
	if err != nil || len(plan.Invoices) != 3 {
		t.Fatalf("run: %d invoices, %v", len(plan.Invoices), err)
	}
	number := map[string]string{}
	for _, p := range plan.Invoices {
		number[p.Customer.Code] = p.Invoice.Number
	}
	var kept []closing.SentPDF
	res, err := closing.Send(f.ctx, f.st, plan, closing.Options{Labels: true, Dir: t.TempDir(),
		Keep: func(_ context.Context, s closing.SentPDF) error { kept = append(kept, s); return nil }})
	if err != nil || len(res.Failed) != 0 || len(res.Mailed) != 2 || len(res.Posted) != 2 || res.PackPath == "" {
		t.Fatalf("send: %+v, %v", res, err)
	}

	got := mp.messages()
	if len(got) != 2 {
		t.Fatalf("%d mails arrived", len(got))
	}
	byTo := map[string]string{"tanaka@test.example.jp": "C0001", "ap@example.com": "C0002"}
	for _, m := range got {
		code := byTo[m.To[0].Address]
		if code == "" || len(m.Attachments) != 1 || !strings.HasPrefix(m.Attachments[0].FileName, number[code]) {
			t.Errorf("mail to %+v: attachments %+v (want %s)", m.To, m.Attachments, number[code])
			continue
		}
		if code == "C0002" && !strings.Contains(m.Subject, "Invoice "+number[code]) {
			t.Errorf("the English customer's subject: %q", m.Subject)
		}
		body := mp.part(m.ID, m.Attachments[0].PartID)
		found := false
		for _, k := range kept {
			found = found || (k.Method == closing.SentMail && k.Number == number[code] && bytes.Equal(k.Bytes, body))
		}
		if !found {
			t.Errorf("%s: the mailed PDF was not handed to Keep as sent", code)
		}
	}

	out, err := exec.Command("pdftotext", "-enc", "UTF-8", res.PackPath, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(out), "\f")
	pages = pages[:len(pages)-1]
	if len(pages) != 5 {
		t.Fatalf("%d pages in the pack, want cover, invoice, cover, invoice, labels", len(pages))
	}
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for i, want := range [][]string{
		{"Cover letter", "Example Ltd.", number["C0002"], "株式会社サンプル商事"},
		{"Invoice", "Amount due", number["C0002"]},
		{"書類送付のご案内", "有限会社メールなし 本社", "〒060-0001", "経理部", number["C0003"]},
		{"請求書", number["C0003"]},
		{"Example Ltd.", "有限会社メールなし 本社", "〒060-0001"},
	} {
		for _, w := range want {
			if !strings.Contains(flat(pages[i]), w) {
				t.Errorf("page %d lacks %q:\n%s", i+1, w, flat(pages[i]))
			}
		}
	}
	prints := 0
	for _, k := range kept {
		if k.Method == closing.SentPrint {
			prints++
		}
	}
	if prints != 2 {
		t.Errorf("%d printed PDFs handed to Keep, want 2", prints)
	}
}
