package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// invoiceCount is how many invoices the database holds, drafts included.
func invoiceCount(t *testing.T, db string) int {
	t.Helper()
	return len(listDocuments(t, db, "--kind", "invoice"))
}

// The dry run prints every invoice December's run would make, with the
// customer, the contracts, the lines with their service period (pro-rated
// where the contract starts mid-month) and the totals, and writes nothing.
func TestBillDryRun(t *testing.T) {
	db := contractDemo(t)
	before := invoiceCount(t, db)
	contractsBefore := mustRun(t, "--db", db, "list", "contracts", "--format", "json").stdout
	out := mustRun(t, "--db", db, "bill", "--month", "2026-12", "--dry-run").stdout
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`dry run: nothing was written\): 7 invoices would be made`),
		regexp.MustCompile(`Renewed first \(automatic renewal\): K-2025-0002`),
		regexp.MustCompile(`C0001 株式会社さくら工業 · K-2026-0003 · issue date 2026-12-01`),
		regexp.MustCompile(`保守サポート（月額） 2026年12月分 +1 +月 +30,000 +30,000 +10%`),
		regexp.MustCompile(`Subtotal ¥30,000 · tax ¥3,000 · total ¥33,000`),
		regexp.MustCompile(`Cloud hosting \(monthly\), December 2026`),              // the English customer's lines
		regexp.MustCompile(`保守サポート（月額） 2026年11月分`),                                  // in arrears: November, billed on Dec 31
		regexp.MustCompile(`複合機保守（月額） 2026年12月分 \(12/14〜12/31 18日分\) +1 +月 +6,968`), // pro-rated: 12,000 × 18/31
		regexp.MustCompile(`7 invoices, ¥193,564 in all`),
	} {
		if !want.MatchString(out) {
			t.Errorf("the dry run does not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "コーヒー豆") {
		t.Errorf("the cancelled contract would be billed:\n%s", out)
	}
	if n := invoiceCount(t, db); n != before {
		t.Errorf("a dry run made %d invoices", n-before)
	}
	if after := mustRun(t, "--db", db, "list", "contracts", "--format", "json").stdout; after != contractsBefore {
		t.Error("a dry run changed the contracts (the renewal is only shown)")
	}
}

// bill makes the invoices the dry run showed, as drafts; a second run makes
// nothing new and says so (exit 0); --issue numbers the next month's.
func TestBill(t *testing.T) {
	db := contractDemo(t)
	before := invoiceCount(t, db)
	r := mustRun(t, "--db", db, "bill", "--month", "2026-12")
	if !strings.Contains(r.stdout, "Billing run for 2026-12: made 7 draft invoices") ||
		!strings.Contains(r.stdout, "Renewed automatically: K-2025-0002") {
		t.Fatalf("bill said:\n%s", r.stdout)
	}
	if !regexp.MustCompile(`draft #\d+ +C0014 +株式会社こだま企画 +2026-12-31 +7,664`).MatchString(r.stdout) {
		t.Errorf("the pro-rated invoice is not listed:\n%s", r.stdout)
	}
	drafts := listDocuments(t, db, "--kind", "invoice", "--status", "draft", "--from", "2026-12-01", "--to", "2026-12-31")
	if len(drafts) != 7 || invoiceCount(t, db) != before+7 {
		t.Fatalf("%d December drafts, %d invoices more; want 7", len(drafts), invoiceCount(t, db)-before)
	}
	for _, d := range drafts {
		lines, _ := d["lines"].([]any)
		for _, l := range lines {
			if desc := l.(map[string]any)["description"].(string); !strings.Contains(desc, "2026") {
				t.Errorf("line %q has no service period", desc)
			}
		}
	}

	for _, args := range [][]string{{"bill", "--month", "2026-12"}, {"bill", "--month", "2026-12", "--issue"}} {
		r = mustRun(t, append([]string{"--db", db}, args...)...)
		if want := "2026-12: already billed, nothing new (7 contract periods were billed before)"; strings.TrimSpace(r.stdout) != want {
			t.Errorf("%v again: %q, want %q", args, r.stdout, want)
		}
	}
	if n := invoiceCount(t, db); n != before+7 {
		t.Errorf("running the month again made %d more invoices", n-before-7)
	}

	r = mustRun(t, "--db", db, "--lang", "ja", "bill", "--month", "2027-01", "--issue")
	if !strings.Contains(r.stdout, "2027-01 の定期請求: 請求書 7 件を作成し発行しました") ||
		!regexp.MustCompile(`I-2026-\d{4} +C0024 +株式会社かえで不動産 +2027-01-01 +49,500`).MatchString(r.stdout) {
		t.Errorf("bill --issue said:\n%s", r.stdout)
	}
	if issued := listDocuments(t, db, "--kind", "invoice", "--status", "issued", "--from", "2027-01-01"); len(issued) != 7 {
		t.Errorf("%d issued January invoices, want 7", len(issued))
	}

	r = mustRun(t, "--db", db, "bill", "--month", "2020-01")
	if want := "2020-01: no contract has a period to bill in this month; nothing was made"; strings.TrimSpace(r.stdout) != want {
		t.Errorf("a month before every contract: %q, want %q", r.stdout, want)
	}
}

func TestBillUsage(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"bill"}, "which month?"},
		{[]string{"bill", "--month", "December"}, `--month "December" is not a month`},
		{[]string{"bill", "--month", "2026-12", "now"}, `unexpected argument "now"`},
		{[]string{"list", "contracts", "--status", "open"}, `unknown status "open" (use draft, active, ended, cancelled)`},
		{[]string{"list", "contracts", "--kind", "invoice"}, "--kind does not apply to list contracts"},
	} {
		r := runWith("", append([]string{"--db", db}, tt.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) || r.stdout != "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, r.code, r.stderr, tt.want)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a usage error created the database")
	}
}

// A month asked for while an earlier one is unbilled: bill warns and bills
// only that month; --catch-up bills the missed months first, in order.
func TestBillCatchUp(t *testing.T) {
	db := contractDemo(t)
	r := mustRun(t, "--db", db, "bill", "--month", "2027-01", "--dry-run")
	if !strings.Contains(r.stderr, "2026-12 not billed yet") {
		t.Errorf("no warning about December:\n%s", r.stderr)
	}
	r = mustRun(t, "--db", db, "bill", "--month", "2027-01", "--catch-up", "--issue")
	dec, jan := strings.Index(r.stdout, "Billing run for 2026-12: made and issued 7 invoices"),
		strings.Index(r.stdout, "Billing run for 2027-01: made and issued")
	if dec < 0 || jan < dec {
		t.Fatalf("catch-up said:\n%s", r.stdout)
	}
	r = mustRun(t, "--db", db, "bill", "--month", "2027-01", "--dry-run")
	if r.stderr != "" || !strings.Contains(r.stdout, "2027-01: already billed") {
		t.Errorf("after catching up: %s\n%s", r.stdout, r.stderr)
	}
}
