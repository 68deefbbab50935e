package cli

import (
	"encoding/csv"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"daicho/store"
	"daicho/tui/i18n"
)

// documentKeys are the keys of a document in ARCHITECTURE.md §8, in its
// order, with the dates of each kind; written out here, not taken from the
// code, so the test checks the code against the spec.
func documentKeys(kind string) []string {
	keys := []string{"kind", "customer_code", "issue_date", "subject", "price_mode", "notes", "lines", "number", "status"}
	keys = append(keys, map[string][]string{"estimate": {"valid_until"}, "delivery_note": {"delivery_date"},
		"invoice": {"due_date", "closing_date"}}[kind]...)
	return append(keys, "taxes", "total", "sources", "voided_reason")
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
		kind := listed[i].str("kind")
		kinds[kind] = true
		if !reflect.DeepEqual(keys, documentKeys(kind)) {
			t.Errorf("%s %s keys %v\nwant %v", kind, listed[i].str("number"), keys, documentKeys(kind))
		}
	}
	if len(kinds) != 4 || len(docs) < 40 {
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
		"status", "due_date"}
	invoices := listDocuments(t, db, "--kind", "invoice")
	if !reflect.DeepEqual(rows[0], wantHeader) || len(rows)-1 != len(invoices) {
		t.Fatalf("csv header %v, %d rows for %d invoices", rows[0], len(rows)-1, len(invoices))
	}
	for i, row := range rows[1:] {
		d := invoices[i]
		if row[0] != d.str("number") || row[6] != fmt.Sprint(d["total"]) || row[8] != d.str("due_date") {
			t.Errorf("csv row %v for %s total %v due %s", row, d.str("number"), d["total"], d.str("due_date"))
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
		{[]string{"--status", "paid"}, exitUsage, `unknown status "paid"`},
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
				p.T("cli.col.subject"), p.T("cli.col.issue_date"), p.T("cli.col.total"), p.T("cli.col.status")}
			starts := cellStarts(t, lines[0], header)
			totalEnd := starts[5] + ansi.StringWidth(header[5])
			for i, line := range lines[1:] {
				d := listed[i]
				number := d.str("number")
				if number == "" {
					number = p.T("cli.status.draft")
				}
				total := store.Money(d["total"].(float64)).Plain(store.JPY)
				cells := []string{number, p.T("cli.kind." + d.str("kind")), "", "", d.str("issue_date"), total,
					p.T("cli.status." + d.str("status"))}
				got := cellStarts(t, line, cells)
				for _, c := range []int{0, 1, 4, 6} {
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
		for _, s := range documentStatuses {
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
