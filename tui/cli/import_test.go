package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"daicho/store"
	"daicho/store/demo"
)

const goodCSV = "code,name,kana,honorific,phone,closing_day,months_deferred,payment_day,email,registration_number\n" +
	"A001,株式会社インポート,いんぽーと,御中,03-1111-2222,20,1,10,keiri@import.example.co.jp,T4011001098993\n" +
	"A002,佐藤 一郎,サトウ イチロウ,様,090-1234-5678,31,1,31,,\n" +
	"A003,Example Ltd.,,,+44 20 7946 0000,31,2,31,ap@example.com,\n"

func TestImportGoodCSV(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	file := writeFile(t, "customers.csv", []byte(goodCSV))
	r := mustRun(t, "--db", db, "import", "customers", file)
	if !strings.Contains(r.stdout, "imported 3 customers") {
		t.Errorf("stdout %q", r.stdout)
	}
	cs := listJSON(t, db)
	if len(cs) != 3 {
		t.Fatalf("%d customers after import", len(cs))
	}
	first := cs[0]
	if first.Name != "株式会社インポート" || first.Kana != "インポート" || first.ClosingDay != 20 ||
		first.PaymentDay != 10 || first.RegistrationNumber != "T4011001098993" || first.Language != "ja" {
		t.Errorf("first imported customer: %+v", first)
	}
	if cs[2].Honorific != "" || cs[1].Honorific != "様" {
		t.Errorf("honorifics %q %q", cs[1].Honorific, cs[2].Honorific)
	}
}

// A file with bad rows writes nothing, and every bad line is reported with
// its field; problems from reading the file (a bad number) and from
// validation (a bad email) come out in one report.
func TestImportBadRowsWriteNothing(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	before := listJSON(t, db, "--archived")
	file := writeFile(t, "bad.csv", []byte("code,name,email,closing_day,postal_code\n"+
		"B001,良い会社,ok@good.example.jp,20,100-0001\n"+
		"B002,悪いメール,not-an-email,20,\n"+
		"B003,悪い締め日,,twenty,\n"+
		"B004,,,,\n"+
		"B005,範囲外,,29,1234\n"))
	r := runWith("", "--db", db, "import", "customers", file)
	if r.code != exitFail {
		t.Fatalf("exit %d, want 1; stderr %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"bad.csv: 5 problems; nothing was imported",
		"line 3: Email: not an email address",
		`line 4: Closing day: "twenty" is not a whole number`,
		"line 5: Name: required",
		"line 6: Postal code: use the form 123-4567",
		"line 6: Closing day: must be a day from 1 to 28, or 31",
		"Fix the file",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "line 2") || r.stdout != "" {
		t.Errorf("reported the good line or wrote to stdout:\n%s%s", r.stdout, r.stderr)
	}
	if got := listJSON(t, db, "--archived"); !reflect.DeepEqual(got, before) {
		t.Error("a failed import changed the database")
	}
}

func TestImportDuplicateCodes(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	before := listJSON(t, db, "--archived")
	file := writeFile(t, "dup.csv", []byte("code,name\nN001,新規\nC0001,既存と重複\nN001,ファイル内で重複\nc0002,小文字でも重複\n"))
	r := runWith("", "--db", db, "import", "customers", file)
	if r.code != exitFail {
		t.Fatalf("exit %d; stderr %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"line 3: Code: code C0001 is already used by another customer",
		"line 4: Code: code N001 appears twice in this file (first at line 2)",
		"line 5: Code: code C0002 is already used by another customer",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if got := listJSON(t, db, "--archived"); !reflect.DeepEqual(got, before) {
		t.Error("a refused import changed the database")
	}
}

func TestImportShiftJIS(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(strings.ReplaceAll(goodCSV, "\n", "\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, "--db", db, "import", "customers", writeFile(t, "excel.csv", sjis))
	cs := listJSON(t, db)
	if len(cs) != 3 || cs[0].Name != "株式会社インポート" || cs[1].Name != "佐藤 一郎" {
		t.Errorf("imported %+v", cs)
	}
}

// What list prints as JSON (or CSV) imports into another database unchanged,
// archived customers included; JSON problems are numbered by record.
func TestExportImportRoundTrip(t *testing.T) {
	dir := cleanEnv(t)
	src := filepath.Join(dir, "src.db")
	mustRun(t, "--db", src, "demo")
	want := listJSON(t, src, "--archived")
	for _, format := range []string{"json", "csv"} {
		t.Run(format, func(t *testing.T) {
			out := mustRun(t, "--db", src, "list", "customers", "--archived", "--format", format).stdout
			dst := filepath.Join(t.TempDir(), "dst.db")
			copyStaff(t, src, dst) // the customers name them
			mustRun(t, "--db", dst, "import", "customers", writeFile(t, "all."+format, []byte(out)))
			if got := listJSON(t, dst, "--archived"); !reflect.DeepEqual(got, want) {
				t.Error("round trip changed the customers")
			}
		})
	}
	bad := writeFile(t, "bad.json", []byte(`[{"code":"J1","name":"A"},{"code":"J2","name":"B","email":"nope"}]`))
	r := runWith("", "--db", filepath.Join(dir, "x.db"), "import", "customers", bad)
	if r.code != exitFail || !strings.Contains(r.stderr, "record 2: Email: not an email address") {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
}

func TestImportFromStdin(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	r := runWith(goodCSV, "--db", db, "import", "customers", "-")
	if r.code != exitOK || !strings.Contains(r.stdout, "imported 3 customers from standard input") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// One customer is "1 customer", in the singular.
func TestImportOneCustomerSaysSo(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	one := strings.Join(strings.Split(goodCSV, "\n")[:2], "\n") + "\n"
	r := runWith(one, "--db", db, "import", "customers", "-")
	if r.code != exitOK || !strings.Contains(r.stdout, "imported 1 customer from standard input") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestImportFileProblems(t *testing.T) {
	dir := cleanEnv(t)
	db := filepath.Join(dir, "d.db")
	tests := []struct {
		name, path, want string
	}{
		{"missing file", filepath.Join(dir, "nope.csv"), "cannot read"},
		{"empty file", writeFile(t, "empty.csv", nil), "holds no customers"},
		{"unknown column", writeFile(t, "u.csv", []byte("code,name,fax\nA,B,C\n")), `line 1: unknown column "fax"`},
		{"missing code column", writeFile(t, "m.csv", []byte("name\nA\n")), "line 1: the header has no code column"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith("", "--db", db, "import", "customers", tt.path)
			if r.code != exitFail || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", r.code, r.stderr, tt.want)
			}
		})
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Error("a file that could not be read still created the database")
	}
}

const importFile = `[
 {"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-11-25", "subject": "11月分",
  "lines": [
   {"product_code": "P0002", "description": "作業費", "quantity": "1.5", "unit": "時間", "unit_price": 8000, "tax_rate": 10},
   {"description": "弁当", "quantity": 3, "unit": "個", "unit_price": 980, "tax_rate": 8}]},
 {"kind": "estimate", "customer_code": "C0031", "issue_date": "2026-11-02", "valid_until": "2026-12-02",
  "price_mode": "inclusive", "lines": [{"description": "設定作業", "quantity": 1, "unit_price": 11000, "tax_rate": 10}]}
]`

func TestImportDocuments(t *testing.T) {
	_, db := demoLedger(t)
	file := writeFile(t, "docs.json", []byte(importFile))
	r := mustRun(t, "--db", db, "import", "documents", file)
	var drafts []docJSON
	if err := json.Unmarshal([]byte(r.stdout), &drafts); err != nil {
		t.Fatalf("stdout is not the documents as JSON: %v\n%s", err, r.stdout)
	}
	if len(drafts) != 2 || drafts[0].str("status") != "draft" || drafts[0].str("number") != "" {
		t.Fatalf("printed %v", drafts)
	}
	// 1.5 × 8000 = 12000 (+1200), 3 × 980 = 2940 (+235.2 → 235): 16375.
	inv := drafts[0]
	wantTaxes := []any{map[string]any{"rate": 10.0, "net": 12000.0, "tax": 1200.0, "gross": 13200.0},
		map[string]any{"rate": 8.0, "net": 2940.0, "tax": 235.0, "gross": 3175.0}}
	if inv["total"] != 16375.0 || !reflect.DeepEqual(inv["taxes"], wantTaxes) ||
		inv["lines"].([]any)[0].(map[string]any)["amount"] != 12000.0 || inv.str("due_date") != "" {
		t.Errorf("invoice %v", inv)
	}
	if est := drafts[1]; est["total"] != 11000.0 || est.str("valid_until") != "2026-12-02" {
		t.Errorf("estimate %v", est)
	}
	if n := len(listDocuments(t, db)); n != 2 {
		t.Errorf("%d documents stored", n)
	}

	r = mustRun(t, "--db", db, "import", "documents", file, "--issue")
	var issued []docJSON
	json.Unmarshal([]byte(r.stdout), &issued)
	// C0001 closes at the month's end and pays a month later: the invoice of
	// 11-25 falls in the cycle closing 11-30, its closing date.
	if issued[0].str("number") != "I-2026-0001" || issued[0].str("status") != "issued" ||
		issued[0].str("closing_date") != "2026-11-30" || issued[0].str("due_date") == "" ||
		issued[1].str("number") != "Q-2026-0001" {
		t.Errorf("issued %v / %v", issued[0], issued[1])
	}
}

// Any problem: nothing is written, and each problem is on stderr with the
// document's number, the key in the file and the reason.
func TestImportDocumentsProblems(t *testing.T) {
	_, db := demoLedger(t)
	bad := `[
	 {"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-11-25",
	  "lines": [{"description": "ok", "quantity": "1", "unit_price": 100, "tax_rate": 10}]},
	 {"kind": "invoice", "customer_code": "C9999", "issue_date": "2026-11-20", "colour": "red",
	  "lines": [{"product_code": "P0999", "description": "", "quantity": "1.2345", "unit_price": 1, "tax_rate": 9}]},
	 {"kind": "estimate", "customer_code": "C0002", "issue_date": "2026-11-01", "total": 5,
	  "lines": [{"description": "x", "quantity": 1, "unit_price": 100, "tax_rate": 10, "amount": 100}]},
	 {"kind": "delivery_note", "customer_code": "C0002", "issue_date": "2026-11-31", "due_date": "2026-12-01",
	  "lines": [{"description": "x", "quantity": 1, "unit_price": 100, "tax_rate": 10}]}
	]`
	file := writeFile(t, "bad.json", []byte(bad))
	r := runWith("", "--db", db, "import", "documents", file, "--issue")
	if r.code != exitFail || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q", r.code, r.stdout)
	}
	for _, want := range []string{
		"9 problems; nothing was imported",
		"document 2: colour: unknown key",
		"document 2: customer_code: no customer C9999",
		"document 2: lines.0.product_code: ",
		"document 2: lines.0.quantity: at most 3 decimal places",
		"document 2: lines.0.tax_rate: no tax category has 9% on",
		"document 2: lines.0.description: required",
		"document 3: total: the file says 5, but daicho computes 110",
		"document 4: issue_date: no such date",
		"document 4: due_date: a document of kind delivery_note has no such date",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "document 1") {
		t.Errorf("a good document was reported:\n%s", r.stderr)
	}
	if n := len(listDocuments(t, db)); n != 0 {
		t.Errorf("%d documents written", n)
	}
	// A problem only issuing finds (here: an invoice dated before its due date) also writes nothing.
	late := `[{"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-11-25", "due_date": "2026-11-01",
	  "lines": [{"description": "x", "quantity": 1, "unit_price": 100, "tax_rate": 10}]}]`
	r = runWith("", "--db", db, "import", "documents", writeFile(t, "late.json", []byte(late)), "--issue")
	if r.code != exitFail || !strings.Contains(r.stderr, "document 1: due_date: ") || len(listDocuments(t, db)) != 0 {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runWith("", "--db", db, "import", "documents", writeFile(t, "x.json", []byte("[1,"))); r.code != exitFail ||
		!strings.Contains(r.stderr, "document 2: the JSON ends too early") {
		t.Errorf("broken JSON: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestImportDocumentsUsage(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "documents"}, "daicho import documents FILE"},
		{[]string{"import", "customers", "x.csv", "--issue"}, "--issue applies to import documents only"},
		{[]string{"import", "invoices", "x"}, `cannot import "invoices"`},
	} {
		r := runWith("", append([]string{"--db", db}, tt.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q", tt.args, r.code, r.stderr)
		}
	}
}

// What list documents prints, import documents takes back: imported into a
// ledger with the same customers and products, every document comes back
// with the same content, dates, lines and figures (numbers and statuses
// aside: an import makes new drafts). The sources are left out, and credit
// notes with them: the documents they name have no numbers yet in the new
// ledger. Imported again with --issue, every one is issued with the same
// totals.
func TestDocumentsRoundTripThroughCLI(t *testing.T) {
	demoDB, db := demoLedger(t)
	var docs []json.RawMessage
	json.Unmarshal([]byte(mustRun(t, "--db", demoDB, "list", "documents", "--format", "json").stdout), &docs)
	docs = slices.DeleteFunc(docs, func(d json.RawMessage) bool {
		return strings.Contains(string(d), `"kind": "credit_note"`)
	})
	for i, d := range docs {
		var doc map[string]json.RawMessage
		json.Unmarshal(d, &doc)
		delete(doc, "sources")
		docs[i], _ = json.Marshal(doc)
	}
	data, _ := json.Marshal(docs)
	file := writeFile(t, "all.json", data)
	mustRun(t, "--db", db, "import", "documents", file)
	before := slices.DeleteFunc(listDocuments(t, demoDB), func(d docJSON) bool { return d.str("kind") == "credit_note" })
	after := listDocuments(t, db)
	if len(before) != len(after) || len(after) < 40 {
		t.Fatalf("%d documents, then %d", len(before), len(after))
	}
	// Both lists are newest first; within a day the order may differ.
	if a, b := contents(before), contents(after); !reflect.DeepEqual(a, b) {
		for k, n := range a {
			if b[k] != n {
				t.Errorf("%d× before, %d× after: %s", n, b[k], k)
			}
		}
	}
	mustRun(t, "--db", db, "import", "documents", file, "--issue")
	issued := listDocuments(t, db, "--status", "draft")
	if len(issued) != len(before) {
		t.Errorf("%d drafts after importing with --issue, want only the %d of the first import", len(issued), len(before))
	}
	totals := func(ds []docJSON) map[string]int {
		m := map[string]int{}
		for _, d := range ds {
			m[d.str("kind")+fmt.Sprint(d["total"])]++
		}
		return m
	}
	numbered := slices.DeleteFunc(listDocuments(t, db), func(d docJSON) bool { return d.str("number") == "" })
	if !reflect.DeepEqual(totals(numbered), totals(before)) {
		t.Errorf("issued totals %v\nwant %v", totals(numbered), totals(before))
	}
}

// contents counts documents by what a round trip keeps: everything but the
// number, the status, the sources, the void reason and what was paid.
func contents(ds []docJSON) map[string]int {
	m := map[string]int{}
	for _, d := range ds {
		c := maps.Clone(d)
		for _, k := range []string{"number", "status", "sources", "voided_reason", "paid", "adjusted", "credited", "open",
			"payment_status"} {
			delete(c, k)
		}
		b, _ := json.Marshal(c)
		m[string(b)]++
	}
	return m
}

// sourcesLedger is a ledger with the demo company, customers C0001 and
// C0002 and the archived C0003, and, issued from a file: estimate
// Q-2026-0001 (2 × 設計 at 10,000, 1 × 保守 at 5,000), delivery notes
// D-2026-0001 (3 × 部品 at 1,000) and D-2026-0002 (配送 800) and invoice
// I-2026-0001 (作業 10,000) of C0001, and invoice I-2026-0002 of C0002.
func sourcesLedger(t *testing.T) string {
	t.Helper()
	db := filepath.Join(cleanEnv(t), "d.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	co := demo.Company()
	if err := st.SaveCompany(t.Context(), &co); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"C0001", "C0002", "C0003"} {
		cu := store.NewCustomer()
		cu.Code, cu.Name, cu.Archived = code, "株式会社"+code, code == "C0003"
		if err := st.CreateCustomer(t.Context(), &cu); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	mustRun(t, "--db", db, "import", "documents", "--issue", writeFile(t, "base.json", []byte(`[
	 {"kind": "estimate", "customer_code": "C0001", "issue_date": "2026-11-02", "lines": [
	  {"description": "設計", "quantity": 2, "unit_price": 10000, "tax_rate": 10},
	  {"description": "保守", "quantity": 1, "unit_price": 5000, "tax_rate": 10}]},
	 {"kind": "delivery_note", "customer_code": "C0001", "issue_date": "2026-11-05", "lines": [
	  {"description": "部品", "quantity": 3, "unit_price": 1000, "tax_rate": 10}]},
	 {"kind": "delivery_note", "customer_code": "C0001", "issue_date": "2026-11-06", "lines": [
	  {"description": "配送", "quantity": 1, "unit_price": 800, "tax_rate": 10}]},
	 {"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-11-10", "lines": [
	  {"description": "作業", "quantity": 1, "unit_price": 10000, "tax_rate": 10}]},
	 {"kind": "invoice", "customer_code": "C0002", "issue_date": "2026-11-10", "lines": [
	  {"description": "作業", "quantity": 1, "unit_price": 10000, "tax_rate": 10}]}]`)))
	return db
}

// import documents takes sources as the editor's conversions make them: a
// delivery note from an estimate (its lines taken from the estimate's, within
// what is left), a closing invoice from delivery notes (their lines when the
// file gives none), a credit note from its invoice.
func TestImportDocumentsSources(t *testing.T) {
	db := sourcesLedger(t)
	r := mustRun(t, "--db", db, "import", "documents", "--issue", writeFile(t, "made.json", []byte(`[
	 {"kind": "delivery_note", "customer_code": "C0001", "issue_date": "2026-11-21", "sources": ["Q-2026-0001"],
	  "lines": [{"description": "設計", "quantity": 1, "unit_price": 10000, "tax_rate": 10}]},
	 {"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-11-30", "sources": ["D-2026-0001", "D-2026-0002"]},
	 {"kind": "credit_note", "customer_code": "C0001", "issue_date": "2026-11-30", "sources": ["I-2026-0001"],
	  "lines": [{"description": "値引き", "quantity": 1, "unit_price": 1000, "tax_rate": 10}]}]`)))
	var made []docJSON
	if err := json.Unmarshal([]byte(r.stdout), &made); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	sources := func(d docJSON) string { return fmt.Sprint(d["sources"]) }
	if len(made) != 3 || sources(made[0]) != "[Q-2026-0001]" || sources(made[1]) != "[D-2026-0001 D-2026-0002]" ||
		sources(made[2]) != "[I-2026-0001]" {
		t.Fatalf("sources %v / %v / %v", made[0]["sources"], made[1]["sources"], made[2]["sources"])
	}
	// The closing invoice has the delivery notes' lines: (3,000 + 800) × 1.1.
	if made[1]["total"] != 4180.0 || len(made[1]["lines"].([]any)) != 2 {
		t.Errorf("closing invoice %v", made[1])
	}

	// What the conversions refuse, an import refuses, naming the document and
	// the key; nothing of the file is written.
	bad := `[
	 {"kind": "delivery_note", "customer_code": "C0001", "issue_date": "2026-12-01", "sources": ["Q-2026-0001"],
	  "lines": [{"description": "設計", "quantity": 2, "unit_price": 10000, "tax_rate": 10}]},
	 {"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-12-01", "sources": ["D-2026-0001"]},
	 {"kind": "estimate", "customer_code": "C0001", "issue_date": "2026-12-01", "sources": ["Q-2026-0001"],
	  "lines": [{"description": "x", "quantity": 1, "unit_price": 1, "tax_rate": 10}]},
	 {"kind": "credit_note", "customer_code": "C0002", "issue_date": "2026-12-01", "sources": ["I-2026-0001"],
	  "lines": [{"description": "x", "quantity": 1, "unit_price": 1, "tax_rate": 10}]},
	 {"kind": "delivery_note", "customer_code": "C0001", "issue_date": "2026-12-01", "sources": ["I-2026-0001"]},
	 {"kind": "invoice", "customer_code": "C0002", "issue_date": "2026-12-01", "sources": ["Q-2026-0001"]},
	 {"kind": "credit_note", "customer_code": "C0001", "issue_date": "2026-12-01", "sources": ["I-2026-0001", "I-2026-0003"],
	  "lines": [{"description": "x", "quantity": 1, "unit_price": 1, "tax_rate": 10}]}
	]`
	before := len(listDocuments(t, db))
	r = runWith("", "--db", db, "import", "documents", "--issue", writeFile(t, "bad.json", []byte(bad)))
	for _, want := range []string{
		"document 1: lines.0.quantity: more than is left to deliver or invoice (1 left)",
		"document 2: sources: delivery note D-2026-0001 is already on invoice I-2026-0003",
		"document 3: sources: a document of kind estimate is not made from other documents",
		"document 4: customer_code: I-2026-0001 is customer C0001's invoice",
		"document 5: sources: I-2026-0001 cannot be a source here",
		"document 6: sources: Q-2026-0001 is customer C0001's document",
		"document 7: sources: a credit note corrects one invoice",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if r.code != exitFail || len(listDocuments(t, db)) != before {
		t.Errorf("exit %d; %d documents, %d before", r.code, len(listDocuments(t, db)), before)
	}
	r = runWith("", "--db", db, "import", "documents", writeFile(t, "unknown.json", []byte(`[
	 {"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-12-01", "sources": ["Q-2026-0099"]},
	 {"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-12-01", "sources": ["D-2026-0001", "D-2026-0001"]}]`)))
	for _, want := range []string{"document 1: sources: no document Q-2026-0099", "document 2: sources: D-2026-0001 is named twice"} {
		if r.code != exitFail || !strings.Contains(r.stderr, want) {
			t.Errorf("exit %d, stderr lacks %q:\n%s", r.code, want, r.stderr)
		}
	}
	// Two documents of one file cannot take the same delivery note, nor more
	// of an estimate line than is left.
	twice := `[
	 {"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-12-01", "sources": ["D-2026-0003"]},
	 {"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-12-01", "sources": ["D-2026-0003"]},
	 {"kind": "delivery_note", "customer_code": "C0001", "issue_date": "2026-12-01", "sources": ["Q-2026-0001"]},
	 {"kind": "delivery_note", "customer_code": "C0001", "issue_date": "2026-12-01", "sources": ["Q-2026-0001"],
	  "lines": [{"description": "保守", "quantity": 1, "unit_price": 5000, "tax_rate": 10}]}
	]`
	mustRun(t, "--db", db, "import", "documents", "--issue", writeFile(t, "dn.json", []byte(`[
	 {"kind": "delivery_note", "customer_code": "C0001", "issue_date": "2026-12-01", "lines": [
	  {"description": "部品", "quantity": 1, "unit_price": 1000, "tax_rate": 10}]}]`)))
	r = runWith("", "--db", db, "import", "documents", writeFile(t, "twice.json", []byte(twice)))
	for _, want := range []string{
		"document 2: sources: delivery note D-2026-0003 is already on document 1 of this file",
		"document 4: lines.0.quantity: more than is left to deliver or invoice (0 left)",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "document 1:") || strings.Contains(r.stderr, "document 3:") {
		t.Errorf("a good document was reported:\n%s", r.stderr)
	}
}

// Duplicate keys are refused, naming the key and the document, rather than
// the last one silently winning; so are documents of an archived customer.
// An estimate without valid_until gets the editor's month.
func TestImportDocumentsRefusesDuplicateKeysAndArchivedCustomers(t *testing.T) {
	db := sourcesLedger(t)
	bad := `[
	 {"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-12-01", "subject": "a", "subject": "b",
	  "lines": [{"description": "x", "quantity": 1, "unit_price": 100, "unit_price": 1000, "tax_rate": 10}]},
	 {"kind": "invoice", "customer_code": "C0003", "issue_date": "2026-12-01",
	  "lines": [{"description": "x", "quantity": 1, "unit_price": 100, "tax_rate": 10}]}
	]`
	r := runWith("", "--db", db, "import", "documents", writeFile(t, "bad.json", []byte(bad)))
	for _, want := range []string{
		`document 1: subject: the key "subject" appears more than once`,
		`document 1: lines.0.unit_price: the key "unit_price" appears more than once`,
		"document 2: customer_code: customer C0003 is archived",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if r.code != exitFail {
		t.Errorf("exit %d", r.code)
	}
	r = mustRun(t, "--db", db, "import", "documents", "--issue", writeFile(t, "q.json", []byte(`[
	 {"kind": "estimate", "customer_code": "C0001", "issue_date": "2026-12-01",
	  "lines": [{"description": "x", "quantity": 1, "unit_price": 100, "tax_rate": 10}]}]`)))
	var got []docJSON
	json.Unmarshal([]byte(r.stdout), &got)
	if len(got) != 1 || got[0].str("valid_until") != "2026-12-31" {
		t.Errorf("imported estimate %v", got)
	}
}

// Dates and amounts beyond the ledger's bounds, and an invoice whose total is
// negative, are refused naming the document and the key, in the user's
// language.
func TestImportDocumentsBoundsAndNegativeInvoice(t *testing.T) {
	db := sourcesLedger(t)
	// The file's values are checked first; the totals once they are right.
	file := writeFile(t, "bad.json", []byte(`[
	 {"kind": "invoice", "customer_code": "C0001", "issue_date": "9999-12-31",
	  "lines": [{"description": "x", "quantity": 1, "unit_price": 100000000000, "tax_rate": 10}]}]`))
	negative := writeFile(t, "negative.json", []byte(`[
	 {"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-12-01",
	  "lines": [{"description": "返品", "quantity": -1, "unit_price": 1000, "tax_rate": 10}]}]`))
	for _, tt := range []struct {
		lang, file string
		want       []string
	}{
		{"en", file, []string{"document 1: issue_date: must be a date from 2000-01-01 to 2099-12-31",
			"document 1: lines.0.unit_price: must be within ±99,999,999,999"}},
		{"ja", file, []string{"2000-01-01〜2099-12-31の日付で入力してください", "±99,999,999,999以内で入力してください"}},
		{"en", negative, []string{"document 1: total: an invoice with a negative total is a credit note"}},
		{"ja", negative, []string{"合計がマイナスの請求書は作れません"}},
	} {
		r := runWith("", "--db", db, "--lang", tt.lang, "import", "documents", tt.file)
		for _, want := range tt.want {
			if r.code != exitFail || !strings.Contains(r.stderr, want) {
				t.Errorf("exit %d, stderr lacks %q:\n%s", r.code, want, r.stderr)
			}
		}
	}
}

// A receipt is made from a payment only (daicho receipt, r on a payment):
// import documents refuses one, naming the document, in the user's language,
// whether the batch is kept as drafts or issued, and writes nothing.
func TestImportDocumentsRefusesReceipts(t *testing.T) {
	db := sourcesLedger(t)
	file := writeFile(t, "receipt.json", []byte(`[
	 {"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-12-01",
	  "lines": [{"description": "x", "quantity": 1, "unit_price": 100, "tax_rate": 10}]},
	 {"kind": "receipt", "customer_code": "C0001", "issue_date": "2026-12-01",
	  "lines": [{"description": "x", "quantity": 1, "unit_price": 110, "tax_rate": 10}]}]`))
	before := len(listDocuments(t, db))
	for _, tt := range []struct {
		lang  string
		issue bool
		want  string
	}{
		{"en", false, "document 2: kind: a receipt is not imported: receipts are made from payments only"},
		{"en", true, "document 2: kind: a receipt is not imported: receipts are made from payments only"},
		{"ja", false, "領収書は取り込めません。領収書は入金から作成します"},
		{"ja", true, "領収書は取り込めません。領収書は入金から作成します"},
	} {
		args := []string{"--db", db, "--lang", tt.lang, "import", "documents", file}
		if tt.issue {
			args = append(args, "--issue")
		}
		r := runWith("", args...)
		if r.code != exitFail || r.stdout != "" || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%s issue=%v: exit %d, stdout %q, stderr lacks %q:\n%s", tt.lang, tt.issue, r.code, r.stdout,
				tt.want, r.stderr)
		}
		if n := len(listDocuments(t, db)); n != before {
			t.Errorf("%s issue=%v: %d documents after a refused import, want %d", tt.lang, tt.issue, n, before)
		}
	}
}
