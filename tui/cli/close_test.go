package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

type closeOut struct {
	Invoices []struct {
		CustomerCode string `json:"customer_code"`
		Number       string `json:"number"`
		Total        int64  `json:"total"`
		PDF          string `json:"pdf"`
		CarryForward *struct {
			PreviousBilled int64 `json:"previous_billed"`
			Received       int64 `json:"received"`
			Adjusted       int64 `json:"adjusted"`
			Carried        int64 `json:"carried"`
			Current        int64 `json:"current"`
			Billed         int64 `json:"billed"`
		} `json:"carry_forward"`
	} `json:"invoices"`
	Nothing []struct {
		CustomerCode string `json:"customer_code"`
	} `json:"nothing_to_bill"`
	Closed []struct {
		CustomerCode string `json:"customer_code"`
		Number       string `json:"number"`
	} `json:"already_closed"`
}

func closeJSON(t *testing.T, args ...string) closeOut {
	t.Helper()
	r := mustRun(t, append(args, "--format", "json")...)
	var out closeOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	return out
}

// A month-end closing run on the demo: the dry run's plan is what the run
// makes, one issued invoice per due customer with its PDF, carry-forward
// figures that reconcile and agree with list documents; a second run makes
// nothing and names the invoices.
func TestCloseMonthEndOnDemo(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	plan := closeJSON(t, "--db", db, "close", "--date", "2026-11-30", "--dry-run")
	if len(plan.Invoices) == 0 || len(plan.Nothing) == 0 {
		t.Fatalf("plan: %+v", plan)
	}
	run := closeJSON(t, "--db", db, "close", "--date", "2026-11-30", "--issue", "--dir", dir)
	if len(run.Invoices) != len(plan.Invoices) {
		t.Fatalf("made %d, planned %d", len(run.Invoices), len(plan.Invoices))
	}
	seen := map[string]bool{}
	carry := 0
	for i, inv := range run.Invoices {
		if seen[inv.CustomerCode] || inv.Number == "" || inv.Total != plan.Invoices[i].Total || !strings.HasPrefix(inv.PDF, dir) {
			t.Errorf("invoice %d: %+v (planned %+v)", i, inv, plan.Invoices[i])
		}
		seen[inv.CustomerCode] = true
		if cf := inv.CarryForward; cf != nil {
			carry++
			if cf.PreviousBilled-cf.Received-cf.Adjusted != cf.Carried || cf.Billed != cf.Carried+cf.Current || cf.Current != inv.Total {
				t.Errorf("%s does not reconcile: %+v", inv.CustomerCode, cf)
			}
			docs := listDocuments(t, db, "--customer", inv.CustomerCode, "--kind", "invoice")
			found := false
			for _, d := range docs {
				if d.str("number") == inv.Number {
					got, _ := d["carry_forward"].(map[string]any)
					found = got != nil && int64(got["billed"].(float64)) == cf.Billed
				}
			}
			if !found {
				t.Errorf("list documents lacks %s's carry_forward", inv.Number)
			}
		}
		if text, ok := pdfText(t, inv.PDF); ok && !strings.Contains(text, inv.Number) {
			t.Errorf("%s: PDF lacks its number", inv.PDF)
		}
	}
	if carry == 0 {
		t.Error("no carry-forward customer was due")
	}
	again := closeJSON(t, "--db", db, "close", "--date", "2026-11-30", "--issue", "--dir", dir)
	if len(again.Invoices) != 0 || len(again.Closed) != len(run.Invoices) {
		t.Errorf("second run: %+v", again)
	}
	mustRun(t, "--db", db, "check")
	if r := runWith("", "--db", db, "close"); r.code != exitUsage {
		t.Errorf("close without --date: exit %d", r.code)
	}
}

// --send without a mail server writes each email customer's mail as an .eml
// file and one print pack for the post customers, beside the PDFs.
func TestCloseSendOnDemo(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	r := mustRun(t, "--db", db, "close", "--date", "2026-11-30", "--issue", "--send", "--labels", "--dir", dir, "--format", "json")
	var out struct {
		Invoices []struct {
			CustomerCode string `json:"customer_code"`
			Delivery     string `json:"delivery"`
		} `json:"invoices"`
		Sent struct {
			Mailed []string `json:"mailed"`
			Posted []string `json:"posted"`
			Pack   string   `json:"print_pack"`
		} `json:"sent"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	mails, posts := 0, 0
	for _, inv := range out.Invoices {
		if inv.Delivery != "post" {
			mails++
		}
		if inv.Delivery != "email" {
			posts++
		}
	}
	if len(out.Sent.Mailed) != mails || len(out.Sent.Posted) != posts || (posts > 0) != (out.Sent.Pack != "") {
		t.Fatalf("sent %+v for %+v", out.Sent, out.Invoices)
	}
	emls := 0
	for _, name := range mustReadDir(t, dir) {
		if strings.HasSuffix(name, ".eml") {
			emls++
		}
	}
	if emls != mails {
		t.Errorf("%d .eml files for %d mails", emls, mails)
	}
	if text, ok := pdfText(t, out.Sent.Pack); ok && !strings.Contains(text, "書類送付のご案内") {
		t.Errorf("the pack has no cover letter:\n%s", text)
	}
	if r := runWith("", "--db", db, "close", "--date", "2026-11-30", "--labels"); r.code != exitUsage {
		t.Errorf("--labels without --send: exit %d", r.code)
	}
}

// import balances records opening balances (CSV or JSON) all or nothing;
// the closing run's carry-forward counts them.
func TestImportBalances(t *testing.T) {
	db := demoDB(t)
	before := len(listDocuments(t, db, "--kind", "invoice"))
	bad := writeFile(t, "bad.csv", []byte("customer_code,as_of,amount\nC0017,2026-03-31,1000\nC9999,2026-03-31,100\n"))
	if r := runWith("", "--db", db, "import", "balances", bad); r.code != exitFail || !strings.Contains(r.stderr, "line 3") {
		t.Errorf("bad file: exit %d, %q", r.code, r.stderr)
	}
	if n := len(listDocuments(t, db, "--kind", "invoice")); n != before {
		t.Fatalf("a refused import wrote %d invoices", n-before)
	}
	good := writeFile(t, "good.json", []byte(`[{"customer_code": "C0017", "as_of": "2026-03-31", "amount": "¥120,000", "reference": "OLD-1"}]`))
	r := mustRun(t, "--db", db, "import", "balances", good)
	if !strings.Contains(r.stdout, "¥120,000") {
		t.Errorf("stdout %q", r.stdout)
	}
	plan := closeJSON(t, "--db", db, "close", "--date", "2026-11-30", "--dry-run")
	for _, inv := range plan.Invoices {
		if inv.CustomerCode == "C0017" && (inv.CarryForward == nil || inv.CarryForward.PreviousBilled < 120000) {
			t.Errorf("C0017's carry-forward misses the opening balance: %+v", inv.CarryForward)
		}
	}
}

// Every count the closing run prints takes the plural it needs (Printer.N):
// "1 contract", "1 invoice", "print pack for 1 customer", in either language.
func TestCloseCountsInThePlural(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	for _, tt := range []struct {
		args      []string
		want, not []string
	}{
		{[]string{"--lang", "en", "close", "--date", "2026-11-20", "--dry-run"},
			[]string{"would make 1 invoice:", "(0 delivery notes, 1 contract)"}, []string{"1 invoices", "1 contracts"}},
		{[]string{"--lang", "en", "close", "--date", "2026-11-30", "--dry-run"},
			[]string{"would make 4 invoices:", "(0 delivery notes, 1 contract)"}, []string{"1 contracts"}},
		{[]string{"--lang", "ja", "close", "--date", "2026-11-20", "--dry-run"},
			[]string{"1 件の請求書を作成します:", "（納品書 0 件、契約 1 件）"}, nil},
		// On the demo, one of 2026-11-30's customers goes by post. (October's
		// contract months were invoiced by hand in the story: the demo's
		// contracts bill from November.)
		{[]string{"--lang", "en", "close", "--date", "2026-11-30", "--issue", "--send", "--dir", dir},
			[]string{"made 4 invoices:", "print pack for 1 customer: "}, []string{"1 customers", "1 contracts"}},
	} {
		r := mustRun(t, append([]string{"--db", db}, tt.args...)...)
		for _, w := range tt.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%v: stdout lacks %q:\n%s", tt.args, w, r.stdout)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(r.stdout, n) {
				t.Errorf("%v: stdout has %q:\n%s", tt.args, n, r.stdout)
			}
		}
	}
}
