package store_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// reported is what the workers of the fault tests said they did (see event):
// the parent holds the database to it after every crash and at the end.
type reported struct {
	customers  map[int64]string
	docs       map[int64]*expDoc
	numbers    map[string]int64
	payments   map[int64]*expPayment
	autoAllocs map[int64]allocRecord // by allocation id
	allocs     map[allocKey]int      // allocations of a chosen amount, which report no id
	shortfalls map[int64]event
	billed     map[string][]docRecord // month → the invoices its runs reported
	counts     map[string]int         // events per op, every child together
	refusals   map[string]int         // "what: reason"
	done       map[string]map[string]int
	months     map[string]bool // billing months checked whole
	problems   []string        // contradictions among the lines themselves
}

type expDoc struct {
	kind       string
	customer   int64
	total      store.Money
	lines      int     // 0: not reported as a draft (unknown)
	sources    []int64 // as reported with the draft
	drafted    bool
	number     string
	voidReason string
}

type expPayment struct {
	customer int64
	amount   store.Money
	reversed bool
}

type allocKey struct {
	payment, invoice int64
	amount           store.Money
}

func newReported() *reported {
	return &reported{customers: map[int64]string{}, docs: map[int64]*expDoc{}, numbers: map[string]int64{},
		payments: map[int64]*expPayment{}, autoAllocs: map[int64]allocRecord{}, allocs: map[allocKey]int{},
		shortfalls: map[int64]event{}, billed: map[string][]docRecord{}, counts: map[string]int{},
		refusals: map[string]int{}, done: map[string]map[string]int{}, months: map[string]bool{}}
}

func (m *reported) problem(format string, args ...any) {
	m.problems = append(m.problems, fmt.Sprintf(format, args...))
}

func (m *reported) doc(id int64) *expDoc {
	d := m.docs[id]
	if d == nil {
		// A draft whose line was lost with its process: it was committed
		// all the same, and issued later by someone else.
		d = &expDoc{}
		m.docs[id] = d
	}
	return d
}

func (m *reported) numbered(id int64, kind, number string, total store.Money) {
	d := m.doc(id)
	if d.number != "" && d.number != number {
		m.problem("document %d reported issued as %s and as %s", id, d.number, number)
	}
	if other, ok := m.numbers[number]; ok && other != id {
		m.problem("%s reported for documents %d and %d", number, other, id)
	}
	if d.kind != "" && d.kind != kind || d.drafted && d.total != total {
		m.problem("document %d drafted as a %s of %d, issued as a %s of %d", id, d.kind, d.total, kind, total)
	}
	d.kind, d.number, d.total = kind, number, total
	m.numbers[number] = id
}

// apply adds one event of child name.
func (m *reported) apply(name string, e event) {
	m.counts[e.Op]++
	switch e.Op {
	case "customer":
		if _, dup := m.customers[e.ID]; dup {
			m.problem("customer %d reported twice", e.ID)
		}
		m.customers[e.ID] = e.Code
	case "draft":
		// Another process's lines may come first (it issued or voided this
		// draft): keep what they said.
		d := m.doc(e.ID)
		if d.drafted {
			m.problem("document %d reported as a new draft twice", e.ID)
		}
		if d.kind != "" && (d.kind != e.Kind || d.total != e.Total) {
			m.problem("document %d issued as a %s of %d, drafted as a %s of %d", e.ID, d.kind, d.total, e.Kind, e.Total)
		}
		d.kind, d.customer, d.total, d.lines, d.sources, d.drafted = e.Kind, e.Customer, e.Total, e.Lines, e.Sources, true
	case "issued":
		m.numbered(e.ID, e.Kind, e.Number, e.Total)
	case "payment":
		p := m.payments[e.ID]
		if p == nil {
			p = &expPayment{}
			m.payments[e.ID] = p
		}
		if p.amount != 0 {
			m.problem("payment %d reported twice", e.ID)
		}
		p.customer, p.amount = e.Customer, e.Amount
	case "allocated":
		for _, a := range e.Allocs {
			m.autoAllocs[a.ID] = allocRecord{ID: e.Payment, Invoice: a.Invoice, Amount: a.Amount}
		}
	case "allocate":
		m.allocs[allocKey{e.Payment, e.Invoice, e.Amount}]++
	case "shortfall":
		m.shortfalls[e.ID] = e
	case "reversed":
		p := m.payments[e.Payment]
		if p == nil {
			p = &expPayment{}
			m.payments[e.Payment] = p
		}
		p.reversed = true
	case "void":
		d := m.doc(e.ID)
		if d.voidReason != "" {
			m.problem("document %d reported voided twice", e.ID)
		}
		d.voidReason = e.Reason
		if d.number == "" {
			d.number = e.Number
		}
	case "billing":
		m.billed[e.Month] = append(m.billed[e.Month], e.Docs...)
		for _, r := range e.Docs {
			m.numbered(r.ID, store.KindInvoice, r.Number, r.Total)
		}
	case "refused":
		m.refusals[e.What+": "+e.Reason]++
	case "done":
		m.done[name] = e.Counts
	case "ready":
	default:
		m.problem("child %s: unknown event %q", name, e.Op)
	}
}

// verify checks the open store st against every reported event and the
// whole ledger for anything half-written, then runs Check, and returns
// every problem found (it fails the test itself only when it cannot read).
func (m *reported) verify(t *testing.T, st *store.Store) []string {
	t.Helper()
	ctx := context.Background()
	bad := slices.Clone(m.problems)
	fail := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }
	db := st.DB()
	scanAll := func(query string, scan func(rows interface{ Scan(...any) error }) error) {
		rows, err := db.QueryContext(ctx, query)
		if err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				t.Fatal(err)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
	}

	customers := map[int64]string{}
	scanAll(`SELECT id, code FROM customers`, func(r interface{ Scan(...any) error }) error {
		var id int64
		var code string
		err := r.Scan(&id, &code)
		customers[id] = code
		return err
	})
	for id, code := range m.customers {
		if customers[id] != code {
			fail("customer %d %s was reported made, the database has %q", id, code, customers[id])
		}
	}

	type dbDoc struct {
		kind, status, number, reason string
		customer                     int64
		total                        store.Money
		lines                        int
	}
	docs := map[int64]dbDoc{}
	scanAll(`SELECT d.id, d.kind, d.status, coalesce(d.number, ''), d.voided_reason, d.customer_id, d.total,
		(SELECT count(*) FROM document_lines l WHERE l.document_id = d.id) FROM documents d`,
		func(r interface{ Scan(...any) error }) error {
			var id int64
			var d dbDoc
			err := r.Scan(&id, &d.kind, &d.status, &d.number, &d.reason, &d.customer, &d.total, &d.lines)
			docs[id] = d
			return err
		})
	sources := map[int64][]int64{}
	scanAll(`SELECT target_id, source_id FROM document_links ORDER BY target_id, source_id`,
		func(r interface{ Scan(...any) error }) error {
			var target, source int64
			err := r.Scan(&target, &source)
			sources[target] = append(sources[target], source)
			return err
		})
	for id, want := range m.docs {
		got, ok := docs[id]
		switch {
		case !ok:
			fail("document %d (%s %s) was reported but is missing", id, want.kind, want.number)
			continue
		case want.kind != "" && got.kind != want.kind, want.drafted && got.customer != want.customer,
			want.kind != "" && got.total != want.total, want.lines != 0 && got.lines != want.lines:
			fail("document %d: reported a %s of customer %d, total %d, %d lines; the database has a %s of %d, total %d, %d lines",
				id, want.kind, want.customer, want.total, want.lines, got.kind, got.customer, got.total, got.lines)
		}
		if want.drafted {
			s := slices.Clone(want.sources)
			slices.Sort(s)
			if !slices.Equal(s, sources[id]) {
				fail("document %d: made from %v, the database links it to %v", id, s, sources[id])
			}
		}
		switch {
		case want.voidReason != "":
			if got.status != store.StatusVoid || got.reason != want.voidReason || got.number != want.number {
				fail("document %d %s was reported void (%s); the database has %s %q %q", id, want.number,
					want.voidReason, got.number, got.status, got.reason)
			}
		case want.number != "":
			if got.number != want.number || (got.status != store.StatusIssued && got.status != store.StatusVoid) {
				fail("document %d was reported issued as %s; the database has %q, %s", id, want.number, got.number, got.status)
			}
		}
	}

	type dbPayment struct {
		customer, reverses int64
		amount             store.Money
	}
	payments := map[int64]dbPayment{}
	reversedBy := map[int64]int64{}
	scanAll(`SELECT id, customer_id, amount, coalesce(reverses_id, 0) FROM payments`,
		func(r interface{ Scan(...any) error }) error {
			var id int64
			var p dbPayment
			err := r.Scan(&id, &p.customer, &p.amount, &p.reverses)
			payments[id] = p
			if p.reverses != 0 {
				reversedBy[p.reverses] = id
			}
			return err
		})
	for id, want := range m.payments {
		got, ok := payments[id]
		switch {
		case !ok:
			fail("payment %d was reported but is missing", id)
		case want.amount != 0 && (got.customer != want.customer || got.amount != want.amount || got.reverses != 0):
			fail("payment %d: reported %d from customer %d; the database has %d from %d", id, want.amount,
				want.customer, got.amount, got.customer)
		case want.reversed && reversedBy[id] == 0:
			fail("payment %d was reported reversed, but no reversal record points at it", id)
		}
	}

	allocs := map[int64]allocRecord{}
	allocCount := map[allocKey]int{}
	scanAll(`SELECT id, payment_id, invoice_id, amount FROM allocations WHERE reverses_id IS NULL`,
		func(r interface{ Scan(...any) error }) error {
			var id int64
			var a allocRecord
			err := r.Scan(&id, &a.ID, &a.Invoice, &a.Amount)
			allocs[id] = a
			allocCount[allocKey{a.ID, a.Invoice, a.Amount}]++
			return err
		})
	for id, want := range m.autoAllocs {
		if got, ok := allocs[id]; !ok || got != want {
			fail("allocation %d (payment %d, %d on invoice %d) was reported; the database has %+v (found: %v)",
				id, want.ID, want.Amount, want.Invoice, got, ok)
		}
	}
	for k, n := range m.allocs {
		if allocCount[k] < n {
			fail("%d allocations of payment %d, %d on invoice %d were reported; the database has %d",
				n, k.payment, k.amount, k.invoice, allocCount[k])
		}
	}

	adjustments := map[int64]event{}
	scanAll(`SELECT id, invoice_id, kind, amount FROM adjustments`, func(r interface{ Scan(...any) error }) error {
		var e event
		err := r.Scan(&e.ID, &e.Invoice, &e.Kind, &e.Amount)
		adjustments[e.ID] = e
		return err
	})
	for id, want := range m.shortfalls {
		got, ok := adjustments[id]
		if !ok || got.Invoice != want.Invoice || got.Amount != want.Amount || got.Kind != store.AdjustTransferFee {
			fail("shortfall %d (%d on invoice %d) was reported; the database has %+v", id, want.Amount, want.Invoice, got)
		}
	}

	// Billing runs: every reported invoice recorded with its month, and
	// every month billed at all billed whole (its plan has nothing left).
	billing := map[int64]string{}
	months := map[string]bool{}
	scanAll(`SELECT document_id, substr(billing_date, 1, 7) FROM contract_billings`,
		func(r interface{ Scan(...any) error }) error {
			var id int64
			var month string
			err := r.Scan(&id, &month)
			billing[id], months[month] = month, true
			return err
		})
	for month, ds := range m.billed {
		for _, d := range ds {
			if billing[d.ID] != month {
				fail("billing run %s reported %s (document %d); contract_billings has it for %q", month, d.Number, d.ID, billing[d.ID])
			}
		}
	}
	for month := range months {
		if m.months[month] {
			continue // checked whole after an earlier crash; committed data stays
		}
		plan, err := st.PlanBilling(ctx, storetest.Date(month+"-01"))
		if err != nil {
			t.Fatal(err)
		}
		if len(plan.Invoices) > 0 {
			fail("billing run %s is half done: %d of its invoices are missing", month, len(plan.Invoices))
		}
		m.months[month] = true
	}

	// Nothing half-written anywhere, reported or not.
	for _, q := range []struct{ what, query string }{
		{"documents without lines", `SELECT count(*) FROM documents d
			WHERE NOT EXISTS (SELECT 1 FROM document_lines l WHERE l.document_id = d.id)`},
		{"documents whose tax rows do not add up to the total", `SELECT count(*) FROM documents d
			WHERE d.total <> (SELECT coalesce(sum(gross), 0) FROM document_taxes t WHERE t.document_id = d.id)`},
		{"lines at a rate their document has no tax row for", `SELECT count(*) FROM document_lines l
			WHERE NOT EXISTS (SELECT 1 FROM document_taxes t WHERE t.document_id = l.document_id AND t.rate = l.tax_rate)`},
		{"issued documents without number, snapshots or time", `SELECT count(*) FROM documents
			WHERE status <> 'draft' AND (number IS NULL OR seq IS NULL OR customer_snapshot IS NULL
				OR company_snapshot IS NULL OR issued_at = '')`},
		{"void documents without a reason", `SELECT count(*) FROM documents WHERE status = 'void' AND voided_reason = ''`},
		{"documents without their audit rows", `SELECT count(*) FROM documents d
			WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'document' AND a.entity_id = CAST(d.id AS TEXT)
				AND a.action IN ('create', 'convert'))
			OR (d.status <> 'draft' AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'document'
				AND a.entity_id = CAST(d.id AS TEXT) AND a.action = 'issue'))
			OR (d.status = 'void' AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'document'
				AND a.entity_id = CAST(d.id AS TEXT) AND a.action = 'void'))`},
		{"payments without their audit row", `SELECT count(*) FROM payments p
			WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'payment'
				AND a.entity_id = CAST(coalesce(p.reverses_id, p.id) AS TEXT)
				AND a.action = CASE WHEN p.reverses_id IS NULL THEN 'create' ELSE 'reverse' END)`},
		{"allocations without their audit row", `SELECT (SELECT count(*) FROM allocations)
			- (SELECT count(*) FROM audit_log WHERE entity = 'payment' AND action IN ('allocate', 'reverse_allocation'))`},
		{"contract billings of missing or draft invoices", `SELECT count(*) FROM contract_billings b
			LEFT JOIN documents d ON d.id = b.document_id WHERE d.id IS NULL OR d.status = 'draft'`},
	} {
		if n := queryInt(t, db, q.query); n != 0 {
			fail("%d %s", n, q.what)
		}
	}

	v, err := st.Check(ctx)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	for _, s := range v {
		fail("Check: %s", s)
	}
	return bad
}

// problems formats verify's findings for a failure message.
func problems(bad []string) string {
	if len(bad) > 20 {
		bad = append(bad[:20:20], fmt.Sprintf("… and %d more", len(bad)-20))
	}
	return "\n\t" + strings.Join(bad, "\n\t")
}

// TestFaultVerifierFindsDamage makes sure the fault tests can fail: it runs
// the workload in this process, checks that verify finds nothing, then
// damages copies of the ledger (or the report) the ways a crash could and
// checks that verify names each.
func TestFaultVerifierFindsDamage(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "daicho.db")
	setupFaultLedger(t, path)
	st := openTestStore(t, path)
	var out bytes.Buffer
	w := &workload{st: st, ctx: t.Context(), rng: rand.New(rand.NewPCG(1, 2)), name: "V",
		out: bufio.NewWriter(&out), counts: map[string]int{}}
	if err := w.load(); err != nil {
		t.Fatal(err)
	}
	for range 300 {
		if err := w.step(); err != nil {
			t.Fatal(err)
		}
	}
	keep := store.Document{Kind: store.KindInvoice, CustomerID: w.customers[0], IssueDate: fixedNow, Lines: w.lines()}
	if _, err := w.draft(&keep); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	model := func(extra ...string) *reported {
		m := newReported()
		for _, line := range append(lines, extra...) {
			e, err := parseEvent(line)
			if err != nil {
				t.Fatal(err)
			}
			m.apply("V", e)
		}
		return m
	}
	if bad := model().verify(t, st); len(bad) > 0 {
		t.Fatalf("the undamaged ledger: %s", problems(bad))
	}
	for _, op := range []string{"draft", "issued", "payment", "allocated", "allocate", "shortfall", "reversed", "void", "billing"} {
		if w.counts[op] == 0 {
			t.Fatalf("the workload made no %s event; counts %v", op, w.counts)
		}
	}
	var livePayment, issuedDoc int64
	if err := st.DB().QueryRow(`SELECT min(id) FROM payments p WHERE reverses_id IS NULL
		AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id)`).Scan(&livePayment); err != nil {
		t.Fatal(err)
	}
	if err := st.DB().QueryRow(`SELECT min(id) FROM documents WHERE status = 'issued'`).Scan(&issuedDoc); err != nil {
		t.Fatal(err)
	}

	for i, tc := range []struct {
		name   string
		damage []string // SQL run on a copy of the ledger
		extra  []string // lines added to the report
		want   string
	}{
		{"a draft lost its lines", []string{fmt.Sprintf(`DELETE FROM document_lines WHERE document_id = %d`, keep.ID)},
			nil, "documents without lines"},
		{"a reported number is missing", nil,
			[]string{`issued {"id":999999,"kind":"invoice","number":"I-2099-9999","total":1000}`}, "was reported but is missing"},
		{"half a billing run", []string{`DROP TRIGGER contract_billings_no_delete`,
			`DELETE FROM contract_billings WHERE id = (SELECT max(id) FROM contract_billings)`}, nil, "is half done"},
		{"a reported reversal is missing", nil,
			[]string{fmt.Sprintf(`reversed {"payment":%d}`, livePayment)}, "no reversal record points at it"},
		{"a reported void is missing", nil,
			[]string{fmt.Sprintf(`void {"id":%d,"reason":"x"}`, issuedDoc)}, "was reported void"},
		{"an allocation is missing", []string{`DROP TRIGGER allocations_no_delete`,
			`DELETE FROM allocations WHERE id = (SELECT max(id) FROM allocations a WHERE reverses_id IS NULL
				AND NOT EXISTS (SELECT 1 FROM allocations r WHERE r.reverses_id = a.id))`}, nil, "reported; the database has"},
		{"the balance cache is off", []string{`UPDATE invoice_balances SET paid = paid + 1
			WHERE invoice_id = (SELECT min(invoice_id) FROM invoice_balances WHERE open > 0)`}, nil, "Check: invoice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			copyPath := filepath.Join(dir, fmt.Sprintf("copy%d.db", i))
			if _, err := st.DB().Exec(`VACUUM INTO ?`, copyPath); err != nil {
				t.Fatal(err)
			}
			cp := openTestStore(t, copyPath)
			for _, q := range tc.damage {
				if _, err := cp.DB().Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			bad := model(tc.extra...).verify(t, cp)
			if !slices.ContainsFunc(bad, func(s string) bool { return strings.Contains(s, tc.want) }) {
				t.Errorf("verify did not say %q; it said %s", tc.want, problems(bad))
			}
		})
	}
}
