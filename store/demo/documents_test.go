package demo

import (
	"context"
	"os"
	"slices"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// fewerLargeInvoices makes the large demo add 3,000 invoices instead of
// 100,000 and 300 contracts instead of 5,000 for the rest of the test
// (≈ 25 s → 1.5 s), unless DAICHO_DEMO_FULL is set: then the full size runs
// and its time is logged.
func fewerLargeInvoices(t *testing.T) {
	t.Helper()
	if os.Getenv("DAICHO_DEMO_FULL") != "" {
		start := time.Now()
		t.Cleanup(func() { t.Logf("large demo with %d invoices: %v", largeInvoices, time.Since(start)) })
		return
	}
	was, wasContracts := largeInvoices, largeContracts
	largeInvoices, largeContracts = 3_000, 300
	t.Cleanup(func() { largeInvoices, largeContracts = was, wasContracts })
}

// demoDocuments fills a new database with the small demo and loads every
// document, as of the demo's reference date.
func demoDocuments(t *testing.T) (*store.Store, []store.Document) {
	t.Helper()
	ctx := context.Background()
	st := storetest.Open(t)
	sentinel := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	st.Now = func() time.Time { return sentinel }
	added, err := Add(ctx, st, Small)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Now(); !got.Equal(sentinel) {
		t.Errorf("the store's clock was not put back: %v", got)
	}
	sums, err := st.DocumentSummaries(ctx, store.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if added.Products != 15 || added.Documents != len(sums) {
		t.Errorf("added %+v; %d documents in the database", added, len(sums))
	}
	docs := make([]store.Document, len(sums))
	for i, s := range sums {
		if docs[i], err = st.Document(ctx, s.ID); err != nil {
			t.Fatal(err)
		}
	}
	return st, docs
}

// The small demo shows every kind and status, and every feature of the
// document flow the screens have to draw.
func TestSmallDemoDocuments(t *testing.T) {
	_, docs := demoDocuments(t)
	seen := map[string]int{}
	count := func(what string, ok bool) {
		if ok {
			seen[what]++
		}
	}
	for _, d := range docs {
		seen["kind "+d.Kind]++
		seen["status "+d.DisplayStatus(Reference)]++
		rates := map[int]bool{}
		for _, l := range d.Lines {
			rates[l.TaxRate] = true
		}
		count("inclusive", d.PriceMode == store.PriceInclusive)
		count("10% and 8%", rates[10] && rates[8])
		count("delivery note from an estimate", d.Kind == store.KindDeliveryNote && hasSource(d, store.KindEstimate))
		count("invoice from an estimate", d.Kind == store.KindInvoice && hasSource(d, store.KindEstimate))
		count("closing invoice", d.Kind == store.KindInvoice && countSources(d, store.KindDeliveryNote) >= 3)
		count("credit note of an invoice", d.Kind == store.KindCreditNote && d.CorrectsID != 0 &&
			hasSource(d, store.KindInvoice))
		count("revised", d.RevisesID != 0 && d.Status == store.StatusIssued)
		count("voided with a reason", d.Status == store.StatusVoid && d.VoidedReason != "")
		count("product lines with a cost", d.Lines != nil && d.Lines[0].ProductID != 0 && d.Lines[0].CostPrice > 0)
		count("English customer", d.Customer != nil && d.Customer.Language == "en")
		if d.Status != store.StatusDraft && (d.Number == "" || d.Customer == nil || d.Company == nil) {
			t.Errorf("%s %d issued without a number or snapshots", d.Kind, d.ID)
		}
		if !d.IssueDate.Before(Reference.AddDate(0, 0, 1)) {
			t.Errorf("%s dated %s, after the reference date", d.Number, store.FormatDate(d.IssueDate))
		}
	}
	for _, want := range []string{
		"kind estimate", "kind delivery_note", "kind invoice", "kind credit_note",
		"status draft", "status issued", "status accepted", "status declined", "status expired", "status void",
		"inclusive", "10% and 8%", "delivery note from an estimate", "invoice from an estimate", "closing invoice",
		"credit note of an invoice", "revised", "voided with a reason", "product lines with a cost", "English customer",
	} {
		if seen[want] == 0 {
			t.Errorf("no document shows %q (seen: %v)", want, seen)
		}
	}
}

func hasSource(d store.Document, kind string) bool { return countSources(d, kind) > 0 }

func countSources(d store.Document, kind string) int {
	n := 0
	for _, s := range d.Sources {
		if s.Kind == kind {
			n++
		}
	}
	return n
}

// The first estimate was delivered in part: what is left of it is still to
// deliver, and today's draft delivery note takes exactly that.
func TestSmallDemoPartialDelivery(t *testing.T) {
	ctx := context.Background()
	st, docs := demoDocuments(t)
	i := slices.IndexFunc(docs, func(d store.Document) bool { return d.Number == "Q-2026-0001" })
	if i < 0 {
		t.Fatal("no Q-2026-0001")
	}
	q1 := docs[i]
	if len(q1.Targets) != 2 {
		t.Fatalf("Q-2026-0001 made %+v; want the partial delivery note and today's draft", q1.Targets)
	}
	partial, err := st.Document(ctx, q1.Targets[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if partial.Status != store.StatusIssued || len(partial.Lines) >= len(q1.Lines) {
		t.Errorf("partial delivery note %s with %d of %d lines", partial.Number, len(partial.Lines), len(q1.Lines))
	}
	chain, err := st.Chain(ctx, partial.ID)
	if err != nil || len(chain) != 3 || chain[0].Number != "Q-2026-0001" {
		t.Errorf("chain %+v, %v", chain, err)
	}
}

// Every invoice closes on its customer's cycle, and a closing invoice takes
// the delivery notes of that one cycle (ARCHITECTURE.md §4): 青葉商事 closes
// on the 15th, so its September notes are invoiced at 09-15.
func TestSmallDemoClosingInvoicesTakeOneCycle(t *testing.T) {
	ctx := context.Background()
	st, docs := demoDocuments(t)
	closings := 0
	for _, d := range docs {
		if d.Kind != store.KindInvoice || d.Status == store.StatusDraft {
			continue
		}
		c, err := st.Customer(ctx, d.CustomerID)
		if err != nil {
			t.Fatal(err)
		}
		terms := c.Terms()
		if closing, _ := terms.ClosingAndDue(d.ClosingDate); !closing.Equal(d.ClosingDate) || d.ClosingDate.Before(d.IssueDate) {
			t.Errorf("%s issued %s closes %s, not a closing date of %+v on or after it", d.Number,
				store.FormatDate(d.IssueDate), store.FormatDate(d.ClosingDate), terms)
		}
		after := terms.PreviousClosing(d.ClosingDate)
		for _, src := range d.Sources {
			if src.Kind != store.KindDeliveryNote {
				continue
			}
			closings++
			dn, err := st.Document(ctx, src.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !dn.DeliveryDate.After(after) || dn.DeliveryDate.After(d.ClosingDate) {
				t.Errorf("%s (closing %s) takes %s delivered %s, outside the cycle %s…%s", d.Number,
					store.FormatDate(d.ClosingDate), dn.Number, store.FormatDate(dn.DeliveryDate),
					store.FormatDate(after), store.FormatDate(d.ClosingDate))
			}
		}
	}
	if closings < 3 {
		t.Errorf("%d delivery notes on closing invoices; the demo shows a closing invoice of three", closings)
	}
}

// The same size gives the same documents, whatever day it is run on.
func TestDemoDocumentsDeterministic(t *testing.T) {
	_, a := demoDocuments(t)
	_, b := demoDocuments(t)
	if len(a) != len(b) {
		t.Fatalf("%d and %d documents", len(a), len(b))
	}
	for i := range a {
		if a[i].Number != b[i].Number || a[i].Totals.Total != b[i].Totals.Total || a[i].IssueDate != b[i].IssueDate ||
			a[i].DueDate != b[i].DueDate || a[i].IssuedAt != b[i].IssuedAt {
			t.Errorf("document %d: %s %d %s / %s %d %s", i, a[i].Number, a[i].Totals.Total, a[i].IssuedAt,
				b[i].Number, b[i].Totals.Total, b[i].IssuedAt)
		}
	}
}

// The large demo's invoices: as many as asked for, over three years up to the
// reference date, numbered without gaps per fiscal year, each with 1–5
// lines and a due date, none for a customer after it was archived.
func TestLargeDemoInvoices(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 customers: skipped with -short")
	}
	fewerLargeInvoices(t)
	ctx := context.Background()
	st := storetest.Open(t)
	added, err := Add(ctx, st, Large)
	if err != nil {
		t.Fatal(err)
	}
	sums, err := st.DocumentSummaries(ctx, store.DocumentFilter{Kind: store.KindInvoice})
	if err != nil {
		t.Fatal(err)
	}
	_, small := demoDocuments(t)
	smallInvoices := 0
	for _, d := range small {
		if d.Kind == store.KindInvoice {
			smallInvoices++
		}
	}
	if len(sums) != largeInvoices+smallInvoices || added.Documents != largeInvoices+len(small) {
		t.Fatalf("%d invoices (added %+v), want %d + the small demo's %d", len(sums), added, largeInvoices, smallInvoices)
	}
	first, last := sums[len(sums)-1].IssueDate, sums[0].IssueDate
	if first.Before(largeFrom) || first.After(largeFrom.AddDate(0, 0, 7)) || last.After(Reference) {
		t.Errorf("dates %s … %s", store.FormatDate(first), store.FormatDate(last))
	}
	checkNumbering(t, st)
	archived := map[int64]bool{}
	cs, _ := st.Customers(ctx)
	for _, c := range cs {
		archived[c.ID] = c.Archived
	}
	for _, s := range sums[:200] { // the newest: 2026
		if archived[s.CustomerID] {
			t.Errorf("%s in %s for archived %s", s.Number, store.FormatDate(s.IssueDate), s.CustomerCode)
		}
	}
	d, err := st.Document(ctx, sums[len(sums)/2].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Lines) < 1 || len(d.Lines) > 5 || d.DueDate.Before(d.IssueDate) || d.Totals.Total <= 0 {
		t.Errorf("%s: %d lines, due %s, total %d", d.Number, len(d.Lines), store.FormatDate(d.DueDate), d.Totals.Total)
	}
}

// checkNumbering asserts that each kind's numbers in each fiscal year run
// 1…n and rise with the issue date.
func checkNumbering(t *testing.T, st *store.Store) {
	t.Helper()
	rows, err := st.DB().Query(`SELECT kind, fiscal_year, count(*), min(seq), max(seq) FROM documents
		WHERE number IS NOT NULL GROUP BY kind, fiscal_year`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	years := 0
	for rows.Next() {
		var kind string
		var fy, n, lo, hi int
		if err := rows.Scan(&kind, &fy, &n, &lo, &hi); err != nil {
			t.Fatal(err)
		}
		if lo != 1 || hi != n {
			t.Errorf("%s %d: %d numbers from %d to %d", kind, fy, n, lo, hi)
		}
		if kind == store.KindInvoice {
			years++
		}
	}
	if years != 4 { // FY2023 (from 2023-12) to FY2026
		t.Errorf("invoices in %d fiscal years, want 4", years)
	}
	var backwards int
	if err := st.DB().QueryRow(`SELECT count(*) FROM documents a JOIN documents b
		ON a.kind = b.kind AND a.fiscal_year = b.fiscal_year AND b.seq = a.seq + 1
		WHERE b.issue_date < a.issue_date AND a.kind = 'invoice' AND a.issue_date < '2026-06-01'`).Scan(&backwards); err != nil {
		t.Fatal(err)
	}
	if backwards != 0 {
		t.Errorf("%d invoices before 2026-06 numbered out of date order", backwards)
	}
}
