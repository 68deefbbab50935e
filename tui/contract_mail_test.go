package tui

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"daicho/pdf"
	"daicho/pdf/mail/mailtest"
	"daicho/store"
	"daicho/tui/i18n"
)

// mailTo points the ledger's mail settings at mp (no TLS, this machine
// only) with a sender, and gives the first sample customer email.
func mailTo(t *testing.T, st *store.Store, mp *mailtest.Server, email string) {
	t.Helper()
	ctx := context.Background()
	settings, err := st.MailSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	settings.From = "keiri@sample.example.jp"
	if mp != nil {
		settings.Host, settings.Port, settings.Security = "127.0.0.1", mp.SMTPPort, store.SecurityNone
	}
	if err := st.SaveMailSettings(ctx, &settings); err != nil {
		t.Fatal(err)
	}
	c, err := st.CustomerByCode(ctx, sampleCustomers[0][0])
	if err != nil {
		t.Fatal(err)
	}
	c.Email = email
	if err := st.UpdateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
}

// Activating a contract by keyboard offers to mail its summary; y sends it
// to the SMTP server (mailpit, read back), with the summary PDF attached,
// logged in the mail log, kept in the archive with the attachment's hash,
// and listed in the contract's view.
func TestActivateContractMailsSummary(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	mp := mailtest.Start(t, mailtest.Options{})
	mailTo(t, st, mp, "keiri@test.example.jp")
	draft := saveContract(t, st, "2026-12-01", "2027-11-30", true, 30000)
	ctx := context.Background()

	h := newHarness(t, st, i18n.JA, 120, 40)
	h.press("2")
	h.mustSee("サーバー保守")
	h.press("I", "y")
	h.mustSee("契約を有効にしました", "契約内容確認書を 株式会社テスト <keiri@test.example.jp> にメールで送りますか？")
	h.press("y")
	c := contractOf(t, st, draft.ID)
	h.mustSee("契約内容確認書（" + c.Number + "）を keiri@test.example.jp にメールで送りました")

	msgs := mp.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages arrived, want 1", len(msgs))
	}
	got := msgs[0]
	if got.To[0].Address != "keiri@test.example.jp" || !strings.Contains(got.Subject, "契約内容確認書 "+c.Number) ||
		!strings.Contains(got.Text, "契約内容確認書（"+c.Number+"）を添付にてお送りいたします") ||
		strings.Contains(got.Text, "ご請求金額") {
		t.Fatalf("mail to %+v, subject %q:\n%s", got.To, got.Subject, got.Text)
	}
	if len(got.Attachments) != 1 || got.Attachments[0].FileName != pdf.ContractFileName(c) ||
		got.Attachments[0].ContentType != "application/pdf" {
		t.Fatalf("attachments %+v, want %s", got.Attachments, pdf.ContractFileName(c))
	}
	body := mp.Part(got.ID, got.Attachments[0].PartID)
	sum := sha256.Sum256(body)

	log, err := st.ContractMailLog(ctx, c.ID)
	if err != nil || len(log) != 1 || log[0].Kind != store.MailContract || log[0].ContractNumber != c.Number ||
		log[0].To != "keiri@test.example.jp" || log[0].Method != store.MailSMTP || log[0].DocumentID != 0 {
		t.Fatalf("mail log %+v, %v", log, err)
	}
	kept, err := st.SentFiles(ctx, store.ArchiveFilter{CustomerID: c.CustomerID, Channel: store.SentMail})
	if err != nil || len(kept) != 1 {
		t.Fatalf("archive %+v, %v", kept, err)
	}
	if k := kept[0]; k.Kind != store.SentContract || k.ContractID != c.ID || k.Number != c.Number ||
		k.SHA256 != hex.EncodeToString(sum[:]) || k.FileName != pdf.ContractFileName(c) {
		t.Errorf("kept %+v, want the attachment's sha256 %x", k, sum)
	}
	h.mustSee("契約内容確認書 " + c.Number + " · SMTP")
	if v, err := st.Check(ctx); err != nil || len(v) != 0 {
		t.Errorf("check after mailing: %+v, %v", v, err)
	}
}

// No offer when the mail cannot go: the status line says why after
// "activated", and nothing is sent or logged.
func TestActivateContractWithoutMail(t *testing.T) {
	for _, tc := range []struct {
		name, email string
		server      bool
		want        string
	}{
		{"no email", "", true, "メールアドレスがありません"},
		{"no server", "keiri@test.example.jp", false, "契約内容確認書はメールしていません（SMTP未設定）"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := newStore(t, true)
			addCustomers(t, st, sampleCustomers...)
			var mp *mailtest.Server
			if tc.server {
				mp = mailtest.Start(t, mailtest.Options{})
			}
			mailTo(t, st, mp, tc.email)
			draft := saveContract(t, st, "2026-12-01", "", true, 30000)
			h := newHarness(t, st, i18n.JA, 160, 40)
			h.press("2", "I", "y")
			h.mustSee("契約を有効にしました", tc.want)
			h.mustNotSee("メールで送りますか")
			if log, _ := st.ContractMailLog(context.Background(), draft.ID); len(log) != 0 {
				t.Errorf("mail log %+v", log)
			}
			if mp != nil && len(mp.Messages()) != 0 {
				t.Errorf("a mail was sent")
			}
		})
	}
}
