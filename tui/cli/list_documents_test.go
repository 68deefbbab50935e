package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"daicho/store"
	"daicho/tui/i18n"
)

// documentKeys are the keys of a document in ARCHITECTURE.md §8, in its
// order, with the dates of each kind and an issued invoice's payment figures;
// written out here, not taken from the code, so the test checks the code
// against the spec.
func documentKeys(kind, status string) []string {
	keys := []string{"kind", "customer_code", "issue_date", "subject", "price_mode", "notes", "lines", "number", "status"}
	keys = append(keys, map[string][]string{"estimate": {"valid_until"}, "delivery_note": {"delivery_date"},
		"invoice": {"due_date", "closing_date"}}[kind]...)
	keys = append(keys, "taxes", "total")
	if kind == "invoice" && status == "issued" {
		keys = append(keys, "paid", "adjusted", "credited", "open", "payment_status")
	}
	return append(keys, "sources", "voided_reason")
}

var lineKeys = []string{"product_code", "description", "quantity", "unit", "unit_price", "tax_rate", "amount"}

func TestListDocumentsJSONKeys(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	out := mustRun(t, "--db", db, "list", "documents", "--format", "json").stdout
	docs, lines := orderedKeys(t, out)
	listed := listDocuments(t, db)
	kinds := map[string]bool{}
	for i, keys := range docs {
		kind, status := listed[i].str("kind"), listed[i].str("status")
		kinds[kind+"/"+status] = true
		if want := documentKeys(kind, status); !reflect.DeepEqual(keys, want) {
			t.Errorf("%s %s keys %v\nwant %v", kind, listed[i].str("number"), keys, want)
		}
	}
	for _, k := range []string{"estimate/draft", "delivery_note/issued", "invoice/draft", "invoice/issued", "invoice/void",
		"credit_note/issued"} {
		if !kinds[k] {
			t.Errorf("the demo has no %s: the test checks less than it says", k)
		}
	}
	if len(docs) < 40 {
		t.Errorf("%d documents of kinds %v", len(docs), kinds)
	}
	for _, keys := range lines {
		if !reflect.DeepEqual(keys, lineKeys) {
			t.Fatalf("line keys %v, want %v", keys, lineKeys)
		}
	}
	for _, d := range listed {
		if _, ok := d["total"].(float64); !ok {
			t.Errorf("%s: total %v is not a number", d.str("number"), d["total"])
		}
		for _, l := range d["lines"].([]any) {
			if _, ok := l.(map[string]any)["quantity"].(string); !ok {
				t.Errorf("%s: quantity is not a decimal string", d.str("number"))
			}
		}
	}
}

func TestListDocumentsFilters(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	all := listDocuments(t, db)
	tests := []struct {
		args []string
		keep func(d docJSON) bool
	}{
		{[]string{"--kind", "invoice"}, func(d docJSON) bool { return d.str("kind") == "invoice" }},
		{[]string{"--status", "draft"}, func(d docJSON) bool { return d.str("status") == "draft" }},
		{[]string{"--status", "void"}, func(d docJSON) bool { return d.str("status") == "void" }},
		{[]string{"--status", "expired"}, func(d docJSON) bool { return d.str("status") == "expired" }},
		{[]string{"--status", "issued"}, func(d docJSON) bool { return d.str("status") == "issued" }},
		{[]string{"--customer", "c0002"}, func(d docJSON) bool { return d.str("customer_code") == "C0002" }},
		{[]string{"--from", "2026-09-01", "--to", "2026/9/30"}, func(d docJSON) bool {
			return d.str("issue_date") >= "2026-09-01" && d.str("issue_date") <= "2026-09-30"
		}},
		{[]string{"--kind", "estimate", "--status", "accepted", "--customer", "C0001"}, func(d docJSON) bool {
			return d.str("kind") == "estimate" && d.str("status") == "accepted" && d.str("customer_code") == "C0001"
		}},
	}
	for _, tt := range tests {
		var want []string
		for _, d := range all {
			if tt.keep(d) {
				want = append(want, d.str("number")+"/"+d.str("kind"))
			}
		}
		var got []string
		for _, d := range listDocuments(t, db, tt.args...) {
			got = append(got, d.str("number")+"/"+d.str("kind"))
		}
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%v: %v\nwant %v", tt.args, got, want)
		}
	}
	// The CSV has the same documents, with the due date.
	rows, err := csv.NewReader(strings.NewReader(mustRun(t, "--db", db, "list", "documents", "--format", "csv",
		"--kind", "invoice").stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"number", "kind", "customer_code", "customer_name", "subject", "issue_date", "total",
		"status", "due_date", "paid", "adjusted", "credited", "open", "payment_status"}
	invoices := listDocuments(t, db, "--kind", "invoice")
	if !reflect.DeepEqual(rows[0], wantHeader) || len(rows)-1 != len(invoices) {
		t.Fatalf("csv header %v, %d rows for %d invoices", rows[0], len(rows)-1, len(invoices))
	}
	for i, row := range rows[1:] {
		d := invoices[i]
		if row[0] != d.str("number") || row[6] != fmt.Sprint(d["total"]) || row[8] != d.str("due_date") {
			t.Errorf("csv row %v for %s total %v due %s", row, d.str("number"), d["total"], d.str("due_date"))
		}
		for c, key := range map[int]string{9: "paid", 10: "adjusted", 11: "credited", 12: "open"} {
			if want := d["open"]; want != nil && row[c] != fmt.Sprint(d[key]) || want == nil && row[c] != "" {
				t.Errorf("csv row %v for %s: %s %q, json %v", row, d.str("number"), key, row[c], d[key])
			}
		}
		if row[13] != d.str("payment_status") {
			t.Errorf("csv row %v for %s: payment_status, json %q", row, d.str("number"), d.str("payment_status"))
		}
	}
}

func TestListDocumentsBadFilters(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--kind", "memo"}, exitUsage, `unknown kind "memo"`},
		{[]string{"--status", "settled"}, exitUsage,
			`unknown status "settled" (use draft, issued, accepted, declined, expired, void, unpaid, partly_paid, paid, overdue)`},
		{[]string{"--from", "2026-13-01"}, exitUsage, `--from "2026-13-01" is not a date`},
		{[]string{"--from", "2026-12-01", "--to", "2026-11-01"}, exitUsage, "is after --to"},
		{[]string{"--archived"}, exitUsage, "--archived does not apply to list documents"},
		{[]string{"--customer", "C9999"}, exitFail, "no customer C9999"},
	} {
		r := runWith("", append([]string{"--db", db, "list", "documents"}, tt.args...)...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.want) || r.stdout != "" {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, r.code, r.stderr, tt.code, tt.want)
		}
	}
	for _, args := range [][]string{{"customers", "--kind", "invoice"}, {"products", "--from", "2026-01-01"}} {
		r := runWith("", append([]string{"--db", db, "list"}, args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "does not apply to list "+args[0]) {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

// The documents table lines up by display width in both languages, with the
// totals right-aligned under their header.
func TestListDocumentsTable(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	listed := listDocuments(t, db)
	for _, lang := range []string{"en", "ja"} {
		t.Run(lang, func(t *testing.T) {
			p := i18n.New(i18n.Lang(lang))
			out := mustRun(t, "--db", db, "--lang", lang, "list", "documents").stdout
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != len(listed)+1 {
				t.Fatalf("%d lines for %d documents", len(lines), len(listed))
			}
			header := []string{p.T("cli.col.number"), p.T("cli.col.kind"), p.T("cli.col.customer"),
				p.T("cli.col.subject"), p.T("cli.col.issue_date"), p.T("cli.col.total"), p.T("cli.col.open"),
				p.T("cli.col.status")}
			starts := cellStarts(t, lines[0], header)
			totalEnd := starts[5] + ansi.StringWidth(header[5])
			openEnd := starts[6] + ansi.StringWidth(header[6])
			for i, line := range lines[1:] {
				d := listed[i]
				number := d.str("number")
				if number == "" {
					number = p.T("cli.status.draft")
				}
				total := store.Money(d["total"].(float64)).Plain(store.JPY)
				// An issued invoice's status is its payment state today.
				status, open := d.str("status"), ""
				if d["open"] != nil {
					status, open = paymentState(d), store.Money(d["open"].(float64)).Plain(store.JPY)
				}
				cells := []string{number, p.T("cli.kind." + d.str("kind")), "", "", d.str("issue_date"), total, open,
					p.T("cli.status." + status)}
				got := cellStarts(t, line, cells)
				if open != "" {
					if end := got[6] + ansi.StringWidth(open); end != openEnd {
						t.Errorf("open %s ends at %d, its header at %d\n%s\n%s", open, end, openEnd, lines[0], line)
					}
				}
				for _, c := range []int{0, 1, 4, 7} {
					if got[c] != starts[c] {
						t.Errorf("%q starts at %d, its header at %d\n%s\n%s", cells[c], got[c], starts[c], lines[0], line)
					}
				}
				if end := got[5] + ansi.StringWidth(total); end != totalEnd {
					t.Errorf("total %s ends at %d, its header at %d\n%s\n%s", total, end, totalEnd, lines[0], line)
				}
			}
		})
	}
}

// Every kind, status and tax category has a label in both languages.
func TestDocumentLabels(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
		p := i18n.New(lang)
		var keys []string
		for _, k := range store.DocumentKinds {
			keys = append(keys, "cli.kind."+k)
		}
		for _, s := range append(documentStatuses, store.PaymentFilters...) {
			keys = append(keys, "cli.status."+s)
		}
		for _, c := range store.TaxCategories {
			keys = append(keys, "cli.tax."+c)
		}
		for _, k := range keys {
			if p.T(k) == k {
				t.Errorf("%s: no label %s", lang, k)
			}
		}
	}
}

// paymentState is an issued invoice's payment state today (the CLI's clock,
// which the demo's dates follow), from its JSON: overdue when something is
// open past the due date.
func paymentState(d docJSON) string {
	if d.str("payment_status") != "paid" && d.str("due_date") < store.FormatDate(store.Today(time.Now())) {
		return "overdue"
	}
	return d.str("payment_status")
}

// Each issued invoice carries what is paid, closed, credited and open on it,
// the figures of overdue --format json; every other document none of them.
// --status filters by payment state as well as by document status.
func TestListDocumentsPaymentStatus(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	partly := payPart(t, db) // the demo's invoices are paid in full or not at all
	all := listDocuments(t, db)
	overdue := map[string]float64{} // number → open, from the overdue list
	var ov []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "overdue", "--format", "json").stdout), &ov); err != nil {
		t.Fatal(err)
	}
	for _, o := range ov {
		overdue[o["number"].(string)] = o["open"].(float64)
	}
	counts := map[string]int{}
	for _, d := range all {
		n := d.str("number")
		if d.str("kind") != "invoice" || d.str("status") != "issued" {
			for _, k := range []string{"paid", "adjusted", "credited", "open", "payment_status"} {
				if _, ok := d[k]; ok {
					t.Errorf("%s %s %s has %s", d.str("kind"), d.str("status"), n, k)
				}
			}
			continue
		}
		var m [5]float64
		for i, k := range []string{"total", "paid", "adjusted", "credited", "open"} {
			var ok bool
			if m[i], ok = d[k].(float64); !ok {
				t.Fatalf("issued invoice %s: %s is %v, not a number", n, k, d[k])
			}
		}
		total, paid, adj, cred, open := m[0], m[1], m[2], m[3], m[4]
		if open != total-paid-adj-cred || open < 0 {
			t.Errorf("%s: open %v, total %v paid %v adjusted %v credited %v", n, open, total, paid, adj, cred)
		}
		want := map[bool]string{true: "paid", false: "unpaid"}[open == 0]
		if open > 0 && paid > 0 {
			want = "partly_paid"
		}
		if d.str("payment_status") != want {
			t.Errorf("%s: payment_status %q, want %q (paid %v, open %v)", n, d.str("payment_status"), want, paid, open)
		}
		if o, ok := overdue[n]; ok && o != open {
			t.Errorf("%s: open %v, the overdue list says %v", n, open, o)
		}
		counts[d.str("payment_status")]++
		if paymentState(d) == "overdue" {
			counts["overdue"]++
		}
	}
	for _, s := range []string{"unpaid", "partly_paid", "paid", "overdue"} {
		if counts[s] == 0 {
			t.Errorf("the demo has no %s invoice: %v", s, counts)
		}
	}
	if counts["overdue"] != len(overdue) {
		t.Errorf("%d overdue invoices, the overdue list has %d", counts["overdue"], len(overdue))
	}
	for _, tt := range []struct {
		status string
		keep   func(d docJSON) bool
	}{
		{"unpaid", func(d docJSON) bool { return d.str("payment_status") == "unpaid" }},
		{"partly_paid", func(d docJSON) bool { return d.str("payment_status") == "partly_paid" }},
		{"paid", func(d docJSON) bool { return d.str("payment_status") == "paid" }},
		{"overdue", func(d docJSON) bool { return d["open"] != nil && paymentState(d) == "overdue" }},
	} {
		var want, got []string
		for _, d := range all {
			if tt.keep(d) {
				want = append(want, d.str("number"))
			}
		}
		for _, d := range listDocuments(t, db, "--status", tt.status) {
			got = append(got, d.str("number"))
		}
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("--status %s: %v\nwant %v", tt.status, got, want)
		}
	}
	// With the other filters, and in the table as the state's word.
	out := mustRun(t, "--db", db, "list", "documents", "--status", "partly_paid", "--customer", partly.CustomerCode).stdout
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[1], partly.Number) || !strings.HasSuffix(lines[1], "partly paid") {
		t.Errorf("the partly paid invoice of %s:\n%s", partly.CustomerCode, out)
	}
}

// payPart pays ¥1,000 of the newest unpaid issued invoice not yet due of the
// ledger at db, as the payments screen would, and returns it.
func payPart(t *testing.T, db string) store.DocumentSummary {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := t.Context()
	today := store.Today(st.Now())
	ds, err := st.DocumentSummaries(ctx, store.DocumentFilter{Payment: store.BalanceUnpaid, Today: today})
	i := slices.IndexFunc(ds, func(d store.DocumentSummary) bool { return d.PaymentState(today) == store.BalanceUnpaid })
	if err != nil || i < 0 {
		t.Fatalf("no unpaid invoice not yet due (%v)", err)
	}
	d := ds[i]
	p := store.Payment{CustomerID: d.CustomerID, Date: d.IssueDate, Amount: 1000, Method: store.PayBankTransfer}
	if err := st.RecordPayment(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := st.Allocate(ctx, p.ID, d.ID, 1000); err != nil {
		t.Fatal(err)
	}
	return d
}
