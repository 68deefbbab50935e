package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/demo"
	"daicho/store/storetest"
)

// The ledgers and readers that tests of several commands share.

// listJSON returns the customers `list customers --format json` prints.
func listJSON(t *testing.T, db string, extra ...string) []store.Customer {
	t.Helper()
	r := mustRun(t, append([]string{"--db", db, "list", "customers", "--format", "json"}, extra...)...)
	var cs []store.Customer
	if err := json.Unmarshal([]byte(r.stdout), &cs); err != nil {
		t.Fatalf("list json: %v\n%s", err, r.stdout)
	}
	return cs
}

// ledger makes a database with the demo company and the customers and
// products of the database at from, but no documents: a ledger to import
// documents into.
func ledger(t *testing.T, from string) string {
	t.Helper()
	ctx := context.Background()
	src := storetest.OpenFile(t, from)
	defer src.Close() // closed before the commands open the files
	cs, err := src.Customers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := src.Products(ctx)
	if err != nil {
		t.Fatal(err)
	}
	staff, err := src.StaffList(ctx)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ledger.db")
	st := storetest.OpenFile(t, path)
	defer st.Close()
	storetest.SaveCompany(t, st, demo.Company())
	for _, m := range staff { // the customers name them
		m.ID, m.Version = 0, 0
		if err := st.CreateStaff(ctx, &m); err != nil {
			t.Fatal(err)
		}
	}
	for i := range cs {
		cs[i].ID, cs[i].Version = 0, 0
	}
	storetest.AddCustomers(t, st, cs...)
	for i := range ps {
		ps[i].ID, ps[i].Version = 0, 0
	}
	storetest.AddProducts(t, st, ps...)
	return path
}

// demoLedger is a demo database and an empty ledger with its customers and
// products.
func demoLedger(t *testing.T) (demoDB, ledgerDB string) {
	t.Helper()
	demoDB = filepath.Join(cleanEnv(t), "demo.db")
	mustRun(t, "--db", demoDB, "demo")
	return demoDB, ledger(t, demoDB)
}

// docJSON is a listed document as JSON values, to compare with the spec's
// keys rather than with the code's own types.
type docJSON map[string]any

func listDocuments(t *testing.T, db string, extra ...string) []docJSON {
	t.Helper()
	r := mustRun(t, append([]string{"--db", db, "list", "documents", "--format", "json"}, extra...)...)
	var ds []docJSON
	if err := json.Unmarshal([]byte(r.stdout), &ds); err != nil {
		t.Fatalf("list documents json: %v\n%s", err, r.stdout)
	}
	return ds
}

func (d docJSON) str(key string) string { s, _ := d[key].(string); return s }

// orderedKeys returns the keys of each object of a JSON array in order, and
// of each object's lines.
func orderedKeys(t *testing.T, data string) (docs [][]string, lines [][]string) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(data))
	var object func() []string
	object = func() []string {
		var keys []string
		dec.Token() // {
		for dec.More() {
			k, _ := dec.Token()
			keys = append(keys, k.(string))
			if k == "lines" {
				dec.Token() // [
				for dec.More() {
					lines = append(lines, object())
				}
				dec.Token() // ]
				continue
			}
			var skip any
			if err := dec.Decode(&skip); err != nil {
				t.Fatal(err)
			}
		}
		dec.Token() // }
		return keys
	}
	dec.Token() // [
	for dec.More() {
		docs = append(docs, object())
	}
	return docs, lines
}

// exportFixture is a ledger for the export commands, made through the store
// API: the demo company; C0001 株式会社テスト with an October invoice (55,000)
// partly credited (11,000), November invoices, a November credit note, a
// voided and a draft November invoice, and a December one; C0002 with a
// November invoice.
type exportFixture struct {
	db, dir string
	// The numbers by role.
	october, nov5, nov20, other, void, december, octCredit, novCredit string
	draftID                                                           int64
}

func newExportFixture(t *testing.T) exportFixture {
	t.Helper()
	dir := cleanEnv(t)
	// ExportsDir looks in the home folder: keep it inside the test, without
	// a Documents folder, so the default is the database's folder.
	t.Setenv("HOME", filepath.Join(dir, "home"))
	f := exportFixture{db: filepath.Join(dir, "data", "daicho.db"), dir: filepath.Join(dir, "data")}
	ctx := context.Background()
	st := storetest.OpenFile(t, f.db)
	defer st.Close() // closed before the commands open the file
	storetest.SaveCompany(t, st, demo.Company())
	custs := storetest.AddCustomers(t, st, storetest.Customer("C0001", "株式会社テスト"),
		storetest.Customer("C0002", "有限会社ほか"))
	save := func(d *store.Document) {
		t.Helper()
		if err := st.SaveDraft(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	issue := func(d store.Document) store.Document {
		t.Helper()
		got, err := st.Issue(ctx, d.ID, d.Version)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	invoice := func(cu store.Customer, date string, price store.Money) store.Document {
		t.Helper()
		d := store.Document{Kind: store.KindInvoice, CustomerID: cu.ID, Subject: "保守作業 " + date,
			IssueDate: storetest.Date(date), Lines: []store.Line{storetest.Line("作業費", "1", price, store.TaxStandard)}}
		save(&d)
		return d
	}
	credit := func(inv store.Document, date string, price store.Money) string {
		t.Helper()
		d, err := st.CreateCreditNote(ctx, inv.ID)
		if err != nil {
			t.Fatal(err)
		}
		d.IssueDate = storetest.Date(date)
		d.Lines[0].UnitPrice = price
		save(&d)
		return issue(d).Number
	}
	oct := issue(invoice(custs[0], "2026-10-15", 50_000))
	f.october = oct.Number
	f.octCredit = credit(oct, "2026-10-20", 10_000)
	nov5 := issue(invoice(custs[0], "2026-11-05", 20_000))
	f.nov5 = nov5.Number
	f.nov20 = issue(invoice(custs[0], "2026-11-20", 30_000)).Number
	f.other = issue(invoice(custs[1], "2026-11-10", 40_000)).Number
	void := issue(invoice(custs[0], "2026-11-25", 70_000))
	if err := st.Void(ctx, void.ID, "二重発行"); err != nil {
		t.Fatal(err)
	}
	f.void = void.Number
	f.draftID = invoice(custs[0], "2026-11-28", 80_000).ID
	f.december = issue(invoice(custs[0], "2026-12-01", 90_000)).Number
	f.novCredit = credit(nov5, "2026-11-15", 5_000)
	return f
}

// pdfText is the text of a PDF as pdftotext -layout reads it; ok is false
// where poppler-utils is not installed (.ci/run installs it), and only the
// text checks are skipped then.
func pdfText(t *testing.T, path string) (text string, ok bool) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext (poppler-utils) is not installed: the text of the PDFs is not checked")
		return "", false
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out), true
}

// readPDF reads a file and checks that it is a whole PDF.
func readPDF(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[max(0, len(data)-32):], []byte("%%EOF")) {
		t.Fatalf("%s is not a whole PDF (%d bytes)", path, len(data))
	}
	return data
}

func mustReadDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// demoBank is a small demo database with its bank files (written by
// daicho demo into demo-bank beside it).
func demoBank(t *testing.T) (db, zengin, csvFile string) {
	t.Helper()
	db = filepath.Join(cleanEnv(t), "d.db")
	r := mustRun(t, "--db", db, "demo")
	dir := filepath.Join(filepath.Dir(db), "demo-bank")
	zengin, csvFile = filepath.Join(dir, demo.BankFileNames[0]), filepath.Join(dir, demo.BankFileNames[1])
	if !strings.Contains(r.stdout, "33 payments") || !strings.Contains(r.stdout, zengin) || !strings.Contains(r.stdout, csvFile) {
		t.Errorf("demo said %q", r.stdout)
	}
	return db, zengin, csvFile
}

// payments lists the payments as JSON values.
func payments(t *testing.T, db string, extra ...string) []map[string]any {
	t.Helper()
	r := mustRun(t, append([]string{"--db", db, "list", "payments", "--format", "json"}, extra...)...)
	var ps []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &ps); err != nil {
		t.Fatalf("list payments json: %v\n%s", err, r.stdout)
	}
	return ps
}

// contractDemo is a small demo database, whose contracts (store/demo) are
// the fixture: none of them billed yet.
func contractDemo(t *testing.T) string {
	t.Helper()
	dir := cleanEnv(t)
	t.Setenv("HOME", filepath.Join(dir, "home")) // no Documents folder: PDFs go beside the database
	db := filepath.Join(dir, "data", "d.db")
	mustRun(t, "--db", db, "demo")
	return db
}
