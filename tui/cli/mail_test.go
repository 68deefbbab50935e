package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// TestMailCommand: daicho mail NUMBER sends one document (here, with no SMTP
// server set, as an .eml file in the exports folder) and logs it; --dry-run
// only prints the mail; a customer without email, a draft's or an unknown
// number and no number are refused.
func TestMailCommand(t *testing.T) {
	f := newExportFixture(t)
	ctx := context.Background()
	st := storetest.OpenFile(t, f.db)
	cu, _ := st.CustomerByCode(ctx, "C0001")
	cu.Email = "tanaka@test.example.jp"
	if err := st.UpdateCustomer(ctx, &cu); err != nil {
		t.Fatal(err)
	}
	st.Close()
	mailLog := func(number string) []store.MailLog {
		t.Helper()
		st := storetest.OpenFile(t, f.db)
		defer st.Close()
		d, _ := st.DocumentByNumber(ctx, number)
		log, err := st.MailLog(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		return log
	}

	r := mustRun(t, "--db", f.db, "mail", f.nov20, "--dry-run")
	for _, want := range []string{"To: 株式会社テスト <tanaka@test.example.jp>", "Subject: 請求書 " + f.nov20 + " のご送付",
		"Attached: " + f.nov20 + "_株式会社テスト.pdf", "Via: no SMTP server set: an .eml file in " + f.dir,
		"ご請求金額: ¥33,000", "dry run: nothing sent"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("dry run lacks %q:\n%s", want, r.stdout)
		}
	}
	if log := mailLog(f.nov20); len(log) != 0 {
		t.Fatalf("a dry run was logged: %+v", log)
	}
	if files, _ := filepath.Glob(filepath.Join(f.dir, "*.eml")); len(files) != 0 {
		t.Fatalf("a dry run wrote %v", files)
	}

	r = mustRun(t, "--db", f.db, "mail", f.nov20)
	files, _ := filepath.Glob(filepath.Join(f.dir, "*.eml"))
	if len(files) != 1 || !strings.Contains(r.stdout, files[0]) || !strings.Contains(r.stdout, "tanaka@test.example.jp") {
		t.Fatalf("stdout %q, files %v", r.stdout, files)
	}
	if log := mailLog(f.nov20); len(log) != 1 || log[0].File != files[0] || log[0].Method != store.MailEML {
		t.Fatalf("log %+v", log)
	}

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{f.other}, exitFail, "C0002 有限会社ほか has no email address"},
		{[]string{"I-2099-9999"}, exitFail, "no document is numbered I-2099-9999"},
		{[]string{}, exitUsage, "which document?"},
		{[]string{f.nov20, "extra"}, exitUsage, `unexpected argument "extra"`},
	} {
		r := runWith("", append([]string{"--db", f.db, "mail"}, tc.args...)...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("mail %v: exit %d, stderr %q; want %d and %q", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
	}
}
