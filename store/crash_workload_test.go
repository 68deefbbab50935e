package store_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// The mixed workload of the fault tests (fault_test.go): a child process
// (TestFaultWorkerProcess) works on one database file as a bookkeeper would —
// customers, estimates → delivery notes → closing invoices, invoices in both
// price modes and two tax rates, payments allocated in full, in part or with
// a transfer fee closed as a shortfall, reversals, voids, a contract billing
// run now and then — and after every operation that returned success it
// writes one line naming it, "op {json}", flushed at once. What is on a line
// has been committed, so the parent holds the database to every line.

const (
	faultDBEnv   = "DAICHO_FAULT_DB"
	faultSeedEnv = "DAICHO_FAULT_SEED"
	faultNameEnv = "DAICHO_FAULT_NAME" // the child's name: its customer codes and audit actor
	faultOpsEnv  = "DAICHO_FAULT_OPS"  // operations to run, then "done" and exit 0; 0: until killed
	faultWaitEnv = "DAICHO_FAULT_WAIT" // "1": say "ready", then start on "go" from stdin
)

// event is one reported operation. Op is the line's first word:
//
//	customer  {id, code}
//	draft     {id, kind, customer, total, lines, sources}
//	issued    {id, kind, number, total}
//	payment   {id, customer, amount}
//	allocated {payment, allocs: [{id, invoice, amount}]}    (auto-allocated)
//	allocate  {payment, invoice, amount}                     (a chosen amount)
//	shortfall {id, invoice, amount}                          (closed as a transfer fee)
//	reversed  {payment}
//	void      {id, number, reason}
//	billing   {month, docs: [{id, number, total}], already}
//	refused   {what, reason}                                 (a domain refusal: nothing written)
//	ready     {}                                             (opened, about to start)
//	done      {counts}                                       (a counted run finished)
type event struct {
	Op       string         `json:"-"`
	ID       int64          `json:"id,omitempty"`
	Code     string         `json:"code,omitempty"`
	Kind     string         `json:"kind,omitempty"`
	Number   string         `json:"number,omitempty"`
	Customer int64          `json:"customer,omitempty"`
	Total    store.Money    `json:"total,omitempty"`
	Lines    int            `json:"lines,omitempty"`
	Sources  []int64        `json:"sources,omitempty"`
	Payment  int64          `json:"payment,omitempty"`
	Invoice  int64          `json:"invoice,omitempty"`
	Amount   store.Money    `json:"amount,omitempty"`
	Allocs   []allocRecord  `json:"allocs,omitempty"`
	Reason   string         `json:"reason,omitempty"`
	Month    string         `json:"month,omitempty"`
	Docs     []docRecord    `json:"docs,omitempty"`
	Already  int            `json:"already,omitempty"`
	What     string         `json:"what,omitempty"`
	Counts   map[string]int `json:"counts,omitempty"`
}

type allocRecord struct {
	ID      int64       `json:"id"`
	Invoice int64       `json:"invoice"`
	Amount  store.Money `json:"amount"`
}

type docRecord struct {
	ID     int64       `json:"id"`
	Number string      `json:"number"`
	Total  store.Money `json:"total"`
}

func parseEvent(line string) (event, error) {
	op, body, ok := strings.Cut(line, " ")
	if !ok {
		return event{}, fmt.Errorf("not an event: %q", line)
	}
	e := event{Op: op}
	if err := json.Unmarshal([]byte(body), &e); err != nil {
		return event{}, fmt.Errorf("%q: %v", line, err)
	}
	return e, nil
}

// TestFaultWorkerProcess is the child of the fault tests; run on its own it
// does nothing.
func TestFaultWorkerProcess(t *testing.T) {
	path := os.Getenv(faultDBEnv)
	if path == "" {
		t.Skip("only runs as the child of the fault tests")
	}
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(4)
	}
	seed, _ := strconv.ParseUint(os.Getenv(faultSeedEnv), 10, 64)
	ops, _ := strconv.Atoi(os.Getenv(faultOpsEnv))
	st, err := store.Open(path)
	if err != nil {
		fail(fmt.Errorf("open: %w", err))
	}
	w := &workload{st: st, ctx: context.Background(), rng: rand.New(rand.NewPCG(seed, 8)),
		name: os.Getenv(faultNameEnv), out: bufio.NewWriter(os.Stdout), counts: map[string]int{}}
	st.Actor, st.Now = w.name, func() time.Time { return fixedNow }
	if err := w.load(); err != nil {
		fail(err)
	}
	if os.Getenv(faultWaitEnv) == "1" {
		fmt.Println("ready")
		if line, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil || line != "go\n" {
			fail(fmt.Errorf("waiting for go: %q %v", line, err))
		}
	} else {
		w.report(event{Op: "ready"}) // the crash test's clock starts here
	}
	for i := 0; ops == 0 || i < ops; i++ {
		if err := w.step(); err != nil {
			fail(err)
		}
	}
	w.report(event{Op: "done", Counts: w.counts})
	st.Close()
	os.Exit(0)
}

// workload is the child's state: what it needs to choose its next operation
// (the rest it reads from the database, which other processes change too).
type workload struct {
	st        *store.Store
	ctx       context.Context
	rng       *rand.Rand
	name      string
	out       *bufio.Writer
	customers []int64
	products  []store.Product
	made      int            // customers made, for their codes
	counts    map[string]int // successes per event op
}

func (w *workload) load() error {
	cs, err := w.st.Customers(w.ctx)
	if err != nil {
		return err
	}
	for _, c := range cs {
		w.customers = append(w.customers, c.ID)
	}
	if w.products, err = w.st.Products(w.ctx); err != nil {
		return err
	}
	if len(w.customers) == 0 || len(w.products) < 2 {
		return errors.New("the ledger has no customers or products: setupFaultLedger first")
	}
	return nil
}

// report writes one event line and flushes it: once it is out, the parent
// holds the database to it.
func (w *workload) report(e event) {
	body, err := json.Marshal(e)
	if err != nil {
		panic(err) // our own struct
	}
	fmt.Fprintf(w.out, "%s %s\n", e.Op, body)
	if w.out.Flush() != nil {
		os.Exit(0) // the parent stopped listening
	}
	w.counts[e.Op]++
}

// outcome sorts an operation's error: nil is success (true); a store error
// of the domain (a conflict another process caused, a rule) is reported as
// refused (false, nil); anything else, and "database is locked" above all,
// is a failure of the test.
func (w *workload) outcome(what string, err error) (bool, error) {
	if err == nil {
		return true, nil
	}
	if e, ok := store.AsError(err); ok && e.Code == store.CodeLocked {
		return false, fmt.Errorf("%s: SQLITE_BUSY reached the caller: %w", what, err)
	}
	if es := store.FieldErrors(err); len(es) > 0 {
		w.report(event{Op: "refused", What: what, Reason: es[0].Reason})
		return false, nil
	}
	return false, fmt.Errorf("%s: %w", what, err)
}

// step runs one operation chosen at random.
func (w *workload) step() error {
	switch n := w.rng.IntN(100); {
	case n < 5:
		return w.newCustomer()
	case n < 27:
		return w.newInvoice()
	case n < 39:
		return w.chain()
	case n < 43:
		return w.issueLeftover()
	case n < 73:
		return w.pay()
	case n < 79:
		return w.reversePayment()
	case n < 87:
		return w.void()
	case n < 91:
		return w.billing()
	default:
		return w.newInvoice()
	}
}

func (w *workload) customer() int64 { return w.customers[w.rng.IntN(len(w.customers))] }

func (w *workload) newCustomer() error {
	w.made++
	c := validCustomer(fmt.Sprintf("%s-%04d", w.name, w.made))
	c.ClosingDay, c.PaymentDay = []int{20, 31}[w.rng.IntN(2)], []int{10, 31}[w.rng.IntN(2)]
	c.Notes = strings.Repeat("障害試験の顧客。", 1+w.rng.IntN(20))
	if ok, err := w.outcome("customer", w.st.CreateCustomer(w.ctx, &c)); !ok {
		return err
	}
	w.customers = append(w.customers, c.ID)
	w.report(event{Op: "customer", ID: c.ID, Code: c.Code})
	return nil
}

// lines makes 1–4 lines at the standard and the reduced rate (now and then
// exempt), free text or from a product.
func (w *workload) lines() []store.Line {
	quantities := []string{"1", "2", "0.5", "1.25", "3", "12"}
	out := make([]store.Line, 1+w.rng.IntN(4))
	for i := range out {
		q := quantities[w.rng.IntN(len(quantities))]
		switch w.rng.IntN(5) {
		case 0, 1:
			out[i] = storetest.ProductLine(w.products[w.rng.IntN(2)], q)
		default:
			cat := []string{store.TaxStandard, store.TaxReduced, store.TaxStandard, store.TaxReduced, store.TaxExempt}[w.rng.IntN(5)]
			out[i] = storetest.Line(fmt.Sprintf("作業 %d（%s）", i+1, w.name), q, store.Money(100+w.rng.IntN(500)*100), cat)
		}
	}
	return out
}

// date is an issue date in fiscal 2026 (April to March), one in ten in 2027.
func (w *workload) date() time.Time {
	if w.rng.IntN(10) == 0 {
		return storetest.Date("2027-04-01").AddDate(0, 0, w.rng.IntN(90))
	}
	return storetest.Date("2026-04-01").AddDate(0, 0, w.rng.IntN(233)) // up to fixedNow
}

// draft saves d as a new draft and reports it.
func (w *workload) draft(d *store.Document) (bool, error) {
	ok, err := w.outcome("draft "+d.Kind, w.st.SaveDraft(w.ctx, d))
	if ok {
		w.reportDraft(*d)
	}
	return ok, err
}

func (w *workload) reportDraft(d store.Document) {
	e := event{Op: "draft", ID: d.ID, Kind: d.Kind, Customer: d.CustomerID, Total: d.Totals.Total, Lines: len(d.Lines)}
	for _, s := range d.Sources {
		e.Sources = append(e.Sources, s.ID)
	}
	w.report(e)
}

// issue issues a draft and reports its number.
func (w *workload) issue(id, version int64) (store.Document, bool, error) {
	d, err := w.st.Issue(w.ctx, id, version)
	ok, err := w.outcome("issue", err)
	if ok {
		w.report(event{Op: "issued", ID: d.ID, Kind: d.Kind, Number: d.Number, Total: d.Totals.Total})
	}
	return d, ok, err
}

func (w *workload) newInvoice() error {
	d := store.Document{Kind: store.KindInvoice, CustomerID: w.customer(), Subject: "月次作業 " + w.name,
		IssueDate: w.date(), PriceMode: []string{store.PriceExclusive, store.PriceInclusive}[w.rng.IntN(2)],
		Lines: w.lines()}
	if ok, err := w.draft(&d); !ok {
		return err
	}
	_, _, err := w.issue(d.ID, d.Version)
	return err
}

// chain takes an estimate through the flow: estimate → invoice, or
// estimate → one or two delivery notes (the first taking part of a line) →
// a closing invoice.
func (w *workload) chain() error {
	est := store.Document{Kind: store.KindEstimate, CustomerID: w.customer(), Subject: "見積 " + w.name,
		IssueDate: fixedNow.AddDate(0, 0, -w.rng.IntN(30)), PriceMode: store.PriceExclusive, Lines: w.lines()}
	if ok, err := w.draft(&est); !ok {
		return err
	}
	est, ok, err := w.issue(est.ID, est.Version)
	if !ok {
		return err
	}
	convert := func(target string, picks []store.Pick) (bool, error) {
		d, err := w.st.ConvertEstimate(w.ctx, est.ID, target, picks)
		if ok, err := w.outcome("convert to "+target, err); !ok {
			return false, err
		}
		w.reportDraft(d)
		_, ok, err := w.issue(d.ID, d.Version)
		return ok, err
	}
	if w.rng.IntN(3) == 0 {
		_, err := convert(store.KindInvoice, nil)
		return err
	}
	var picks []store.Pick
	if w.rng.IntN(2) == 0 { // part of the first line now, the rest later
		for i, l := range est.Lines {
			q := l.Quantity
			if i == 0 {
				q = max(q/2, 1)
			}
			picks = append(picks, store.Pick{SourceLineID: l.ID, Quantity: q})
		}
	}
	if ok, err := convert(store.KindDeliveryNote, picks); !ok {
		return err
	}
	if picks != nil {
		if ok, err := convert(store.KindDeliveryNote, nil); !ok {
			return err
		}
	}
	inv, err := w.st.CreateClosingInvoice(w.ctx, est.CustomerID, store.Today(fixedNow), "締め請求 "+w.name)
	if ok, err := w.outcome("closing invoice", err); !ok {
		return err
	}
	w.reportDraft(inv)
	_, _, err = w.issue(inv.ID, inv.Version)
	return err
}

// issueLeftover issues a draft left behind (by a process killed between
// saving and issuing, or by another process about to issue it itself).
func (w *workload) issueLeftover() error {
	var id, version int64
	err := w.st.DB().QueryRowContext(w.ctx, `SELECT id, version FROM documents WHERE status = 'draft'
		ORDER BY random() LIMIT 1`).Scan(&id, &version)
	if err != nil {
		return w.newInvoice() // none left (sql.ErrNoRows)
	}
	_, _, err = w.issue(id, version)
	return err
}

// pay records a payment from a customer with something open and allocates
// it: the whole of one or two invoices (auto-allocated, now and then with
// money left over), part of one, or all of one but a transfer fee, which is
// then closed as a shortfall.
func (w *workload) pay() error {
	var cust int64
	err := w.st.DB().QueryRowContext(w.ctx, `SELECT customer_id FROM invoice_balances WHERE open > 0
		ORDER BY random() LIMIT 1`).Scan(&cust)
	if err != nil {
		return w.newInvoice() // nothing open anywhere
	}
	open, err := w.st.InvoiceBalances(w.ctx, store.BalanceFilter{CustomerID: cust, OpenOnly: true})
	if err != nil {
		return err
	}
	if len(open) == 0 {
		return nil // paid by another process in between
	}
	inv := open[w.rng.IntN(len(open))]
	mode := w.rng.IntN(3)
	var amount store.Money
	switch {
	case mode == 0:
		for _, b := range open[:min(len(open), 1+w.rng.IntN(2))] {
			amount += b.Open
		}
		if w.rng.IntN(4) == 0 {
			amount += 500 // left as the customer's credit
		}
	case mode == 1 || inv.Open <= 1000:
		mode, amount = 1, max(inv.Open/store.Money(2+w.rng.IntN(3)), 1)
	default:
		amount = inv.Open - store.Money([]int{110, 440, 660, 880}[w.rng.IntN(4)])
	}
	p := store.Payment{CustomerID: cust, Date: store.Today(fixedNow), Amount: amount,
		Method: store.PayBankTransfer, PayerName: "ｶ)ﾃｽﾄｼｮｳｼﾞ", Reference: w.name}
	if ok, err := w.outcome("payment", w.st.RecordPayment(w.ctx, &p)); !ok {
		return err
	}
	w.report(event{Op: "payment", ID: p.ID, Customer: cust, Amount: amount})
	if mode == 0 {
		as, err := w.st.AutoAllocate(w.ctx, p.ID)
		if ok, err := w.outcome("auto-allocate", err); !ok {
			return err
		}
		e := event{Op: "allocated", Payment: p.ID}
		for _, a := range as {
			e.Allocs = append(e.Allocs, allocRecord{ID: a.ID, Invoice: a.InvoiceID, Amount: a.Amount})
		}
		w.report(e)
		return nil
	}
	if ok, err := w.outcome("allocate", w.st.Allocate(w.ctx, p.ID, inv.InvoiceID, amount)); !ok {
		return err
	}
	w.report(event{Op: "allocate", Payment: p.ID, Invoice: inv.InvoiceID, Amount: amount})
	if mode == 2 {
		a, err := w.st.CloseShortfall(w.ctx, inv.InvoiceID, store.AdjustTransferFee, time.Time{})
		if ok, err := w.outcome("shortfall", err); !ok {
			return err
		}
		w.report(event{Op: "shortfall", ID: a.ID, Invoice: a.InvoiceID, Amount: a.Amount})
	}
	return nil
}

func (w *workload) reversePayment() error {
	var id int64
	err := w.st.DB().QueryRowContext(w.ctx, `SELECT p.id FROM payments p WHERE p.reverses_id IS NULL
		AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id) ORDER BY random() LIMIT 1`).Scan(&id)
	if err != nil {
		return w.pay() // no payment yet
	}
	if ok, err := w.outcome("reverse payment", w.st.ReversePayment(w.ctx, id, "入金先の誤り")); !ok {
		return err
	}
	w.report(event{Op: "reversed", Payment: id})
	return nil
}

// void voids an issued document that can be: nothing live made from it,
// nothing paid on it.
func (w *workload) void() error {
	var id int64
	var number string
	err := w.st.DB().QueryRowContext(w.ctx, `SELECT d.id, d.number FROM documents d
		WHERE d.status = 'issued' AND d.kind IN ('estimate', 'delivery_note', 'invoice')
		AND NOT EXISTS (SELECT 1 FROM document_links l JOIN documents t ON t.id = l.target_id
			WHERE l.source_id = d.id AND t.status <> 'void')
		AND NOT EXISTS (SELECT 1 FROM invoice_balances b WHERE b.invoice_id = d.id AND b.paid <> 0)
		ORDER BY random() LIMIT 1`).Scan(&id, &number)
	if err != nil {
		return w.newInvoice()
	}
	reason := "宛名の誤り（" + w.name + "）"
	if ok, err := w.outcome("void", w.st.Void(w.ctx, id, reason)); !ok {
		return err
	}
	w.report(event{Op: "void", ID: id, Number: number, Reason: reason})
	return nil
}

// billing runs the contract billing for the month after the last one
// billed, issuing its invoices.
func (w *workload) billing() error {
	var last string
	if err := w.st.DB().QueryRowContext(w.ctx, `SELECT coalesce(max(billing_date), '') FROM contract_billings`).Scan(&last); err != nil {
		return err
	}
	month := storetest.Date(faultFirstBillingMonth)
	if last != "" {
		month = storetest.Date(last[:7]+"-01").AddDate(0, 1, 0)
	}
	res, err := w.st.RunBilling(w.ctx, month, true)
	if ok, err := w.outcome("billing", err); !ok {
		return err
	}
	e := event{Op: "billing", Month: month.Format("2006-01"), Already: res.AlreadyBilled}
	for _, r := range res.Invoices {
		e.Docs = append(e.Docs, docRecord{ID: r.ID, Number: r.Number, Total: r.Total})
	}
	w.report(e)
	return nil
}

// faultFirstBillingMonth is the contracts' start and the first month billed.
const faultFirstBillingMonth = "2027-01-01"

// setupFaultLedger makes the ledger the workers start from: the company, four
// customers with different payment terms, a product at each rate and four
// active contracts (three monthly, one every three months; one with a line
// at each rate).
func setupFaultLedger(t testing.TB, path string) {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.Actor, st.Now = "setup", func() time.Time { return fixedNow }
	ctx := context.Background()
	company := validCompany()
	storetest.Staff(t, st, testStaff...)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.SaveCompany(ctx, &company))
	customers := []store.Customer{fullCustomer("C0001"), validCustomer("C0002"), validCustomer("C0003"), validCustomer("C0004")}
	customers[1].ClosingDay, customers[1].PaymentDay = 20, 10
	customers[3].Language, customers[3].Honorific, customers[3].Kana = "en", "", ""
	for i := range customers {
		must(st.CreateCustomer(ctx, &customers[i]))
	}
	for _, p := range []store.Product{
		{Code: "P001", Name: "作業費", Kana: "サギョウヒ", Unit: "時間", UnitPrice: 8000, CostPrice: 5000, TaxCategory: store.TaxStandard},
		{Code: "P002", Name: "お弁当", Kana: "オベントウ", Unit: "個", UnitPrice: 1080, CostPrice: 700, TaxCategory: store.TaxReduced},
	} {
		must(st.SaveProduct(ctx, &p))
	}
	for i, c := range customers {
		k := store.NewContract()
		k.CustomerID, k.Title, k.Start, k.ProRate = c.ID, fmt.Sprintf("保守契約 %d", i+1), storetest.Date(faultFirstBillingMonth), false
		k.Lines = []store.ContractLine{{Description: "保守料", Quantity: storetest.Qty("1"), Unit: "月",
			UnitPrice: store.Money(10000 * (i + 1)), TaxCategory: store.TaxStandard}}
		switch i {
		case 1:
			k.Lines = append(k.Lines, store.ContractLine{Description: "飲料", Quantity: storetest.Qty("24"), Unit: "本",
				UnitPrice: 150, TaxCategory: store.TaxReduced})
		case 3:
			k.Cycle, k.CycleMonths = store.CycleEveryN, 3
		}
		must(st.SaveContract(ctx, &k))
		if _, err := st.ActivateContract(ctx, k.ID, k.Version); err != nil {
			t.Fatal(err)
		}
	}
}

// readEvents reads a child's lines until its output ends and applies each
// to the model, calling seen (if not nil) with each first; it returns how
// many operations were reported.
func readEvents(t testing.TB, c *child, m *reported, seen func(event)) int {
	t.Helper()
	n := 0
	for {
		line, ok := c.line()
		if !ok {
			return n
		}
		e, err := parseEvent(line)
		if err != nil {
			t.Fatalf("child %s: %v", c.name, err)
		}
		if seen != nil {
			seen(e)
		}
		m.apply(c.name, e)
		if e.Op != "ready" {
			n++
		}
	}
}
