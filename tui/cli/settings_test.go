package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// settings prints the company and mail settings, and set changes several at
// once, validated as the forms validate them: a bad value changes nothing.
func TestSettingsPrintAndSet(t *testing.T) {
	db := demoDB(t)
	r := mustRun(t, "--db", db, "settings")
	for _, want := range []string{"company.name=株式会社サンプル商事\n", "mail.port=587\n", "company.bank_accounts.0.bank=サンプル銀行\n"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("settings lacks %q:\n%s", want, r.stdout)
		}
	}
	mustRun(t, "--db", db, "settings", "set", "mail.host=127.0.0.1", "mail.security=none", "mail.port=1025",
		"company.shortfall_tolerance=1,500", `mail.ja.subject={kind} {number}（{company}）`)
	var got struct {
		Company map[string]any `json:"company"`
		Mail    map[string]any `json:"mail"`
	}
	r = mustRun(t, "--db", db, "settings", "--format", "json")
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	ja, _ := got.Mail["ja"].(map[string]any)
	if got.Mail["host"] != "127.0.0.1" || got.Mail["port"] != 1025.0 || got.Company["shortfall_tolerance"] != 1500.0 ||
		ja["subject"] != "{kind} {number}（{company}）" {
		t.Errorf("after set: %+v", got)
	}
	for _, bad := range [][]string{
		{"company.fiscal_year_start=13"},                 // the form's range
		{"mail.host=10.0.0.1", "mail.ja.subject={totl}"}, // one bad pair: neither lands
		{"company.nosuch=1"},                             // unknown key
		{"mail.port=many"},                               // not a number
	} {
		r := runWith("", append([]string{"--db", db, "settings", "set"}, bad...)...)
		if r.code != exitFail || r.stderr == "" {
			t.Errorf("set %v: exit %d, stderr %q", bad, r.code, r.stderr)
		}
	}
	if r := mustRun(t, "--db", db, "settings"); !strings.Contains(r.stdout, "mail.host=127.0.0.1\n") ||
		!strings.Contains(r.stdout, "company.fiscal_year_start=4\n") {
		t.Errorf("a refused set changed something:\n%s", r.stdout)
	}
	if r := runWith("", "--db", db, "settings", "set"); r.code != exitUsage {
		t.Errorf("set without pairs: exit %d", r.code)
	}
}

// The closing-run fields of a customer go through CSV import and JSON
// export; a customer to be mailed must have an address.
func TestImportCustomerSendingFields(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	csv := "code,name,email,invoice_style,delivery,send_to_name,send_to_postal_code,send_to_address1\n" +
		"C1,株式会社本店,a@example.jp,carry_forward,both,株式会社本店 経理部,１００－０００１,東京都千代田区1-1\n" +
		"C2,支店,,,,,,\n" +
		"C3,メール,m@example.jp,,,,,\n"
	mustRun(t, "--db", db, "import", "customers", writeFile(t, "c.csv", []byte(csv)))
	cs := listJSON(t, db)
	if len(cs) != 3 {
		t.Fatalf("%d customers", len(cs))
	}
	if c := cs[0]; c.InvoiceStyle != "carry_forward" || c.Delivery != "both" || c.SendToName != "株式会社本店 経理部" ||
		c.SendToPostalCode != "100-0001" || c.SendToAddress1 != "東京都千代田区1-1" {
		t.Errorf("C1: %+v", c)
	}
	if c := cs[1]; c.InvoiceStyle != "simple" || c.Delivery != "post" {
		t.Errorf("C2 defaults: %+v", c)
	}
	if c := cs[2]; c.Delivery != "email" {
		t.Errorf("C3 with an address defaults to mail: %+v", c)
	}
	r := runWith("", "--db", db, "import", "customers", writeFile(t, "bad.csv",
		[]byte("code,name,delivery,invoice_style\nC9,X,email,fancy\n")))
	if r.code != exitFail || !strings.Contains(r.stderr, "email") {
		t.Errorf("bad sending fields: exit %d, %q", r.code, r.stderr)
	}
}
