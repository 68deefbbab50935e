package store

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strings"
	"time"
)

// Billing runs (定期請求). The rules, precisely:
//
// Periods. A contract's billing periods are whole months laid end to end
// from the first day of its start month: one month (monthly), CycleMonths
// (every N months) or twelve (yearly). A contract starting 2026-11-18 billed
// every 3 months has the periods Nov–Jan, Feb–Apr, …
//
// Due. The run for month M bills, of each active or ended contract, the
// period that has its billing date in M:
//   - in advance: the period starting in M (December's run bills December,
//     or December–February);
//   - in arrears: the period that ended with the month before M (December's
//     run bills November, or September–November);
//   - one-off: the contract bills once, in the month of its start date, for
//     its whole term.
// The billing date is the contract's billing day of M (31: M's last day,
// likewise a day M lacks); it is the invoice's issue date, and the due date
// follows from the customer's payment terms when issued. The period is due
// only if it overlaps the contract's term [Start, End]; what is billed is the
// overlap. (月末締め style, invoicing on the last day of the month served, is
// "in advance" with billing day 31.)
//
// Pro-rating. With ProRate, a period the term covers only partly is billed
// by its days: unit price × days covered / days in the period, rounded
// half-up to the minor unit (the line keeps its quantity; its unit price is
// the pro-rated one). Without it, a part period costs the full price.
//
// Prices. Each line is billed at the unit price in force on the first day
// billed; a line with no price yet on that day (added to the contract later)
// is left out.
//
// Once. Each billed period is recorded (contract_billings) with its
// invoice; a period overlapping one recorded before is not billed again but
// counted in AlreadyBilled. So running a month twice makes nothing new, and
// a contract edited after its run is not billed twice for the same days.
//
// Renewals. First of all, the run renews each auto-renewing active contract
// whose end date falls before M's last day, by its term, as often as needed
// (see renewalSteps).
//
// Invoices. One per contract, or with the company's BillingCombine one per
// customer and billing date, holding every contract line with its period in
// the customer's language ("保守料 2026年12月分" / "Maintenance, December
// 2026"); the subject is the contract's title and the notes name the
// contract numbers and the payment method. Prices are tax-exclusive. They
// are saved exactly as the documents screen saves and issues invoices.

// PlannedInvoice is one invoice a billing run would make.
type PlannedInvoice struct {
	CustomerID   int64
	CustomerCode string
	CustomerName string
	Contracts    []string // numbers
	Lines        []Line   // with period labels, pro-rated; TaxRate and Amount set
	Totals       Totals
	IssueDate    time.Time // the billing date
	PeriodStart  time.Time // the first day billed (of any of its contracts)
	PeriodEnd    time.Time // the last day billed
}

// BillingPlan is what a billing run for Month would do.
type BillingPlan struct {
	Month         time.Time // the first day of the month
	Invoices      []PlannedInvoice
	AlreadyBilled int      // contract periods of the month billed before
	Renewed       []string // auto-renewals the run would make (contract numbers)
	// Held are the active contracts due in the month whose customer is
	// archived: not billed, listed so someone decides (end the contract, or
	// bring the customer back, and the next run bills the period).
	Held []HeldContract
}

// HeldContract is a contract a billing run left unbilled because its
// customer is archived.
type HeldContract struct {
	Number       string
	CustomerCode string
	CustomerName string
}

// BillingResult is what a billing run did.
type BillingResult struct {
	Month         time.Time // the first day of the month billed
	Invoices      []DocRef
	AlreadyBilled int
	Renewed       []string
	Held          []HeldContract
}

// BillingError says which contract a billing run could not bill; Err holds
// the problems (field errors on the contract's lines, e.g.
// lines.0.tax_category tax.no_rate). Nothing of the run was written.
type BillingError struct {
	Contract string // the contract number(s)
	Err      error
}

func (e *BillingError) Error() string { return "contract " + e.Contract + ": " + e.Err.Error() }
func (e *BillingError) Unwrap() error { return e.Err }

// PlanBilling is the dry run of RunBilling for month: the invoices it would
// make, with their lines and totals, what it would skip as billed before and
// the renewals it would make. It writes nothing.
func (s *Store) PlanBilling(ctx context.Context, month time.Time) (BillingPlan, error) {
	w, err := planBilling(ctx, s.db, month)
	if err != nil {
		return BillingPlan{}, err
	}
	return w.plan, nil
}

// RunBilling bills month in one transaction: the auto-renewals first, then
// one invoice per due contract (or per customer and billing date with the
// company's BillingCombine), as drafts or, with issue, issued at once (each
// numbered, snapshotted and frozen as Issue does), every contract period
// recorded with its invoice. If anything fails, nothing is written: no
// renewal, no invoice, no number taken.
func (s *Store) RunBilling(ctx context.Context, month time.Time, issue bool) (BillingResult, error) {
	var res BillingResult
	err := s.write(ctx, func(tx *Tx) error {
		var err error
		res, err = tx.runBilling(ctx, month, issue)
		return err
	})
	if err != nil {
		return BillingResult{}, err
	}
	return res, nil
}

// runBilling is RunBilling inside tx.
func (tx *Tx) runBilling(ctx context.Context, month time.Time, issue bool) (BillingResult, error) {
	w, err := planBilling(ctx, tx, month)
	if err != nil {
		return BillingResult{}, err
	}
	res := BillingResult{Month: w.plan.Month, AlreadyBilled: w.plan.AlreadyBilled, Renewed: w.plan.Renewed, Held: w.plan.Held}
	if issue && len(w.docs) > 0 && w.company.RegistrationNumber == "" {
		return res, Invalid("company.registration_number", "document.company_regno")
	}
	for _, r := range w.renewals {
		if err := tx.renew(r.contract, r.steps, true); err != nil {
			return res, err
		}
	}
	ids, err := tx.writeBilling(w, issue)
	if err != nil {
		return res, err
	}
	if res.Invoices, err = billingRefs(ctx, tx, ids); err != nil {
		return res, err
	}
	return res, tx.audit("run", "billing", w.plan.Month.Format("2006-01"), nil, map[string]any{
		"invoices": len(ids), "issued": issue, "already_billed": w.plan.AlreadyBilled, "renewed": w.plan.Renewed,
		"held": len(w.plan.Held)})
}

// writeBilling stores each planned invoice, a draft or (with issue) issued,
// and records the contract periods it bills; it returns the invoices' ids.
//
// The invoices go through the importer of ImportDocuments, which stores
// exactly what SaveDraft and then Issue store (the same validation, rates,
// cost snapshots, totals, numbers, snapshots and audit rows: see
// TestBillingRunStoresWhatSaveDraftAndIssueStore) but loads the company, the
// tax table and each customer once and prepares each statement once:
// saveDraft and issue one by one spend most of their time compiling the same
// SQL and its triggers again, 0.65 ms an invoice, 3.3 s for 5,000.
func (tx *Tx) writeBilling(w *billingWork, issue bool) ([]int64, error) {
	im, err := newImporter(tx, issue)
	if err != nil {
		return nil, err
	}
	defer im.close()
	items := make([]importItem, len(w.docs))
	for i := range w.docs {
		items[i].doc = w.docs[i]
	}
	contracts := func(i int) string { return strings.Join(w.plan.Invoices[i].Contracts, ", ") }
	if err := im.checkAll(items); err != nil {
		var batch BatchError
		if !errors.As(err, &batch) {
			return nil, err
		}
		// The plan has checked what the contracts can get wrong; report the
		// first invoice's problems, by its contracts.
		var errs Errors
		for _, re := range batch {
			if re.Line == batch[0].Line {
				errs = append(errs, re.Err)
			}
		}
		return nil, &BillingError{Contract: contracts(batch[0].Line - 1), Err: errs}
	}
	ids := make([]int64, 0, len(items))
	for i := range items {
		d := &items[i].doc
		if err := im.write(&items[i]); err != nil {
			return nil, &BillingError{Contract: contracts(i), Err: err}
		}
		for _, it := range w.items[i] {
			if _, err := im.exec(sqlContractBilling, it.contract.ID, FormatDate(it.period.coverStart),
				FormatDate(it.period.coverEnd), FormatDate(it.period.billing), d.ID, stamp(tx.now)); err != nil {
				return nil, &BillingError{Contract: contracts(i), Err: err}
			}
		}
		ids = append(ids, d.ID)
	}
	return ids, nil
}

const sqlContractBilling = `INSERT INTO contract_billings (contract_id, period_start, period_end, billing_date, document_id, created_at)
	VALUES (?, ?, ?, ?, ?, ?)`

// billingRefs names the invoices a run made, in the order made.
func billingRefs(ctx context.Context, q queryer, ids []int64) ([]DocRef, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	refs, err := loadRefsArgs(ctx, q, `SELECT id, kind, coalesce(number, ''), status, issue_date, total FROM documents
		WHERE id BETWEEN ? AND ? ORDER BY id`, slices.Min(ids), slices.Max(ids))
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]DocRef, len(refs))
	for _, r := range refs {
		byID[r.ID] = r
	}
	out := make([]DocRef, len(ids))
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}

// billingWork is a planned run: the plan shown to the user and what writing
// it takes.
type billingWork struct {
	plan     BillingPlan
	company  Company
	docs     []Document      // one per planned invoice, ready for saveDraft
	items    [][]billingItem // per invoice: the contract periods it bills
	renewals []plannedRenewal
}

type plannedRenewal struct {
	contract *Contract
	steps    []time.Time
}

// billingItem is one contract period on an invoice.
type billingItem struct {
	contract *Contract // as renewed by the run
	lang     string    // the customer's language
	period   billedPeriod
	lines    []Line
}

// billedPeriod is the period a contract bills in a month.
type billedPeriod struct {
	start, end           time.Time // the cycle's whole period
	coverStart, coverEnd time.Time // the part within the contract's term: what is billed
	billing              time.Time // the billing date
	oneOff               bool      // a one-off contract's whole term
}

// partial reports whether the term covers the period only in part.
func (p billedPeriod) partial() bool {
	return !p.coverStart.Equal(p.start) || !p.coverEnd.Equal(p.end)
}

func monthNumber(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }

func monthOfNumber(idx int) time.Time { return DateOf(idx/12, time.Month(idx%12+1), 1) }

// periodIn returns the period c bills in the month holding month, and
// whether it bills one (see the rules at the top of this file).
func (c *Contract) periodIn(month time.Time) (billedPeriod, bool) {
	var p billedPeriod
	m, a := monthNumber(month), monthNumber(c.Start)
	if !c.BillFrom.IsZero() && m < monthNumber(c.BillFrom) {
		return p, false // invoiced before daicho kept the contract
	}
	p.billing = dayOfMonth(month.Year(), month.Month(), c.BillingDay)
	if c.Cycle == CycleOneOff {
		if m != a {
			return p, false
		}
		p.start, p.end, p.oneOff = c.Start, c.Start, true
		if !c.End.IsZero() {
			p.end = c.End
		}
		p.coverStart, p.coverEnd = p.start, p.end
		return p, true
	}
	n := c.months()
	first := m
	if !c.InAdvance {
		first = m - n
	}
	if n == 0 || first < a || (first-a)%n != 0 {
		return p, false
	}
	p.start, p.end = monthOfNumber(first), monthOfNumber(first+n).AddDate(0, 0, -1)
	p.coverStart, p.coverEnd = p.start, p.end
	if c.Start.After(p.coverStart) {
		p.coverStart = c.Start
	}
	if !c.End.IsZero() && c.End.Before(p.coverEnd) {
		p.coverEnd = c.End
	}
	return p, !p.coverStart.After(p.coverEnd)
}

// invoiceLines are the invoice lines of c for period p: each contract line
// with its price on the first day billed, pro-rated if need be, described
// with the period in lang.
func (c *Contract) invoiceLines(p billedPeriod, lang string, taxes TaxTable) ([]Line, error) {
	label := periodLabel(lang, p)
	prorate := c.ProRate && !p.oneOff && p.partial()
	used, total := int64(daysBetween(p.coverStart, p.coverEnd)+1), int64(daysBetween(p.start, p.end)+1)
	if prorate {
		label += " " + proRataLabel(lang, p.coverStart, p.coverEnd, int(used))
	}
	var errs Errors
	var out []Line
	for i, l := range c.Lines {
		price, ok := priceOn(l.Prices, p.coverStart)
		if !ok {
			continue
		}
		if prorate {
			price = roundDiv(int64(price), used, total, RoundHalfUp)
		}
		line := Line{ProductID: l.ProductID, ProductCode: l.ProductCode, Description: l.Description, Quantity: l.Quantity,
			Unit: l.Unit, UnitPrice: price, TaxCategory: l.TaxCategory}
		if label != "" {
			line.Description += labelSeparator(lang) + label
		}
		if l.TaxCategory == "" {
			errs = append(errs, Invalid(lineField(i, "tax_category"), "document.line_no_tax"))
		} else if rate, ok := taxes.RateOn(l.TaxCategory, p.billing); !ok {
			errs = append(errs, Invalid(lineField(i, "tax_category"), "tax.no_rate", FormatDate(p.billing)))
		} else {
			line.TaxRate = rate
		}
		amount, err := LineAmount(line.Quantity, line.UnitPrice)
		if err != nil {
			errs = append(errs, Invalid(lineField(i, "unit_price"), "money.overflow"))
		}
		line.Amount = amount
		out = append(out, line)
	}
	return out, errs.OrNil()
}

// planBilling works out the run for month, reading through q (the store, or
// the run's own transaction) and writing nothing.
func planBilling(ctx context.Context, q queryer, month time.Time) (*billingWork, error) {
	if month.IsZero() {
		return nil, Invalid("month", "required")
	}
	month = DateOf(month.Year(), month.Month(), 1)
	w := &billingWork{plan: BillingPlan{Month: month}}
	var err error
	if w.company, err = loadCompany(ctx, q); err != nil {
		return nil, err
	}
	taxes, err := loadTaxTable(ctx, q)
	if err != nil {
		return nil, err
	}
	// The contracts that may bill in month: started by its end, and not ended
	// before the longest period billed in arrears began (or renewing).
	window := monthOfNumber(monthNumber(month) - 13)
	where := `k.status IN ('active', 'ended') AND k.start_date <= ?
		AND (k.end_date = '' OR k.end_date >= ? OR (k.status = 'active' AND k.auto_renew = 1))`
	args := []any{FormatDate(MonthEndOf(month.Year(), month.Month())), FormatDate(window)}
	contracts, err := loadContracts(ctx, q, where, args, month)
	if err != nil {
		return nil, err
	}
	langs, archived, err := contractCustomers(ctx, q, where, args)
	if err != nil {
		return nil, err
	}
	billed, err := billedPeriods(ctx, q, where, args, window, MonthEndOf(month.Year(), month.Month()))
	if err != nil {
		return nil, err
	}
	var items []billingItem
	for i := range contracts {
		c := &contracts[i]
		if steps := c.renewalSteps(month); len(steps) > 0 {
			w.renewals = append(w.renewals, plannedRenewal{contract: c, steps: steps})
			w.plan.Renewed = append(w.plan.Renewed, c.Number)
		}
		r := c.renewedFor(month)
		p, ok := r.periodIn(month)
		if !ok {
			continue
		}
		if overlapsAny(billed[c.ID], p.coverStart, p.coverEnd) {
			w.plan.AlreadyBilled++
			continue
		}
		if archived[c.CustomerID] {
			w.plan.Held = append(w.plan.Held, HeldContract{Number: c.Number, CustomerCode: c.CustomerCode,
				CustomerName: c.CustomerName})
			continue
		}
		lang := langs[c.CustomerID]
		lines, err := r.invoiceLines(p, lang, taxes)
		if err != nil {
			return nil, &BillingError{Contract: c.Number, Err: err}
		}
		if len(lines) == 0 {
			continue // no line has a price yet: nothing to bill
		}
		items = append(items, billingItem{contract: &r, lang: lang, period: p, lines: lines})
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if !a.period.billing.Equal(b.period.billing) {
			return a.period.billing.Before(b.period.billing)
		}
		if a.contract.CustomerCode != b.contract.CustomerCode {
			return a.contract.CustomerCode < b.contract.CustomerCode
		}
		return a.contract.Number < b.contract.Number
	})
	// Group into invoices.
	type key struct {
		customer, contract int64
		billing            time.Time
	}
	group := map[key]int{}
	for _, it := range items {
		k := key{contract: it.contract.ID}
		if w.company.BillingCombine {
			k = key{customer: it.contract.CustomerID, billing: it.period.billing}
		}
		g, ok := group[k]
		if !ok {
			g = len(w.items)
			group[k] = g
			w.items = append(w.items, nil)
		}
		w.items[g] = append(w.items[g], it)
	}
	for _, its := range w.items {
		d, pi, err := plannedInvoice(its, month, w.company)
		if err != nil {
			return nil, err
		}
		w.docs = append(w.docs, d)
		w.plan.Invoices = append(w.plan.Invoices, pi)
	}
	return w, nil
}

// plannedInvoice makes the invoice of one group of contract periods (one
// customer, one billing date), as a draft document and as the plan shows it.
func plannedInvoice(its []billingItem, month time.Time, company Company) (Document, PlannedInvoice, error) {
	first := its[0]
	lang := first.lang
	pi := PlannedInvoice{CustomerID: first.contract.CustomerID, CustomerCode: first.contract.CustomerCode,
		CustomerName: first.contract.CustomerName, IssueDate: first.period.billing,
		PeriodStart: first.period.coverStart, PeriodEnd: first.period.coverEnd}
	d := Document{Kind: KindInvoice, CustomerID: first.contract.CustomerID, IssueDate: first.period.billing,
		PriceMode: PriceExclusive, Subject: first.contract.Title}
	methods := map[string]bool{}
	for _, it := range its {
		pi.Contracts = append(pi.Contracts, it.contract.Number)
		pi.Lines = append(pi.Lines, it.lines...)
		if it.period.coverStart.Before(pi.PeriodStart) {
			pi.PeriodStart = it.period.coverStart
		}
		if it.period.coverEnd.After(pi.PeriodEnd) {
			pi.PeriodEnd = it.period.coverEnd
		}
		methods[it.contract.PaymentMethod] = true
	}
	if len(its) > 1 {
		d.Subject = combinedSubject(lang, month, len(its))
	}
	var notes []string
	notes = append(notes, contractNumbersNote(lang, pi.Contracts))
	if len(methods) == 1 {
		notes = append(notes, paymentNote(lang, first.contract.PaymentMethod))
	} else {
		parts := make([]string, len(its))
		for i, it := range its {
			parts[i] = it.contract.Number + " " + paymentMethodName(lang, it.contract.PaymentMethod)
		}
		notes = append(notes, paymentNote(lang, "")+strings.Join(parts, ", "))
	}
	d.Notes = strings.Join(notes, "\n")
	d.Lines = slices.Clone(pi.Lines)
	var err error
	if pi.Totals, err = ComputeTotals(pi.Lines, PriceExclusive, company.TaxRounding); err != nil {
		return d, pi, &BillingError{Contract: strings.Join(pi.Contracts, ", "), Err: err}
	}
	return d, pi, nil
}

// contractCustomers returns the document language of the customers of the
// contracts matching where, and which of them are archived.
func contractCustomers(ctx context.Context, q queryer, where string, args []any) (map[int64]string, map[int64]bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, language, archived FROM customers
		WHERE id IN (SELECT k.customer_id FROM contracts k WHERE `+where+`)`, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	langs, archived := map[int64]string{}, map[int64]bool{}
	for rows.Next() {
		var id int64
		var lang string
		var arch bool
		if err := rows.Scan(&id, &lang, &arch); err != nil {
			return nil, nil, err
		}
		langs[id] = lang
		if arch {
			archived[id] = true
		}
	}
	return langs, archived, rows.Err()
}

// dateRange is a span of days, both ends included.
type dateRange struct{ start, end time.Time }

// billedPeriods returns, per contract matching where, the periods billed
// that overlap [from, to].
func billedPeriods(ctx context.Context, q queryer, where string, args []any, from, to time.Time) (map[int64][]dateRange, error) {
	rows, err := q.QueryContext(ctx, `SELECT contract_id, period_start, period_end FROM contract_billings
		WHERE period_end >= ? AND period_start <= ? AND contract_id IN (SELECT k.id FROM contracts k WHERE `+where+`)`,
		append([]any{FormatDate(from), FormatDate(to)}, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]dateRange{}
	for rows.Next() {
		var id int64
		var start, end string
		if err := rows.Scan(&id, &start, &end); err != nil {
			return nil, err
		}
		out[id] = append(out[id], dateRange{mustDate(start), mustDate(end)})
	}
	return out, rows.Err()
}

func overlapsAny(rs []dateRange, start, end time.Time) bool {
	for _, r := range rs {
		if !r.start.After(end) && !start.After(r.end) {
			return true
		}
	}
	return false
}

// Period labels, in the customer's document language.
