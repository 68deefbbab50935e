package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// The closing run (締め処理, issue 16): on a closing date, every customer
// whose closing day it is gets one closing invoice over its cycle
// (closing_cycle.go): the cycle's delivery notes no invoice takes yet and
// the contract periods billed in the cycle (billing.go), dated and closing
// on the date. Carry-forward customers' invoices also carry the account's
// movement (carry_forward.go). A customer whose cycle already has its
// closing invoice is left alone, so running again makes nothing; a customer
// with nothing to bill is listed, not invoiced.

// ClosingRunPlan is what a closing run on Date does (or did).
type ClosingRunPlan struct {
	Date     time.Time
	Invoices []ClosingPlan // one per due customer with something to bill
	Nothing  []ClosingSkip // due customers with nothing to bill in the cycle
	Closed   []ClosingSkip // due customers whose cycle has its closing invoice already (Number)
	Problems []ClosingSkip // due customers the run cannot bill (Err): the rest are billed
}

// ClosingSkip is a due customer the run makes no invoice for, and why.
type ClosingSkip struct {
	CustomerID   int64
	CustomerCode string
	CustomerName string
	Number       string // Closed: the cycle's closing invoice (empty for a draft)
	Earlier      int    // Nothing: issued delivery notes of earlier cycles still uninvoiced
	Err          error  // Problems
}

// ClosingPlan is one closing invoice of the run.
type ClosingPlan struct {
	Customer      Customer
	Closing       time.Time // the cycle's closing date: the invoice's issue and closing date
	After         time.Time // the previous cycle's closing date
	Due           time.Time
	DeliveryNotes []DocRef // what the invoice takes, delivery order
	Earlier       []DocRef // uninvoiced delivery notes of earlier cycles, left for their own invoice
	Contracts     []string // contracts whose periods billed in the cycle it takes (numbers)
	Lines         []Line
	PriceMode     string
	Totals        Totals
	CarryForward  *CarryForward // carry-forward customers only
	Invoice       DocRef        // the invoice made (after RunClosing)

	doc      Document
	items    []billingItem
	renewals []plannedRenewal
}

// ClosingDue reports whether date is one of the customer's closing days
// (closing day 31, or a day the month lacks, is the month's last day).
func (c Customer) ClosingDue(date time.Time) bool {
	closing, _ := c.Terms().ClosingAndDue(date)
	return closing.Equal(date)
}

// PlanClosingRun is the dry run of RunClosing: what it would make, and
// whom it would leave alone. It writes nothing.
func (s *Store) PlanClosingRun(ctx context.Context, date time.Time) (ClosingRunPlan, error) {
	return planClosingRun(ctx, s.db, date)
}

// RunClosing makes the closing run's invoices in one transaction: drafts,
// or with issue, issued (numbered, snapshotted, frozen) as Issue does; each
// recorded as its customer's closing invoice for the cycle, with its
// carry-forward figures, and the contract periods it bills recorded as
// billed (a later billing run skips them). Customers listed in
// Plan.Problems are not billed; the rest are. If writing fails, nothing is
// written.
func (s *Store) RunClosing(ctx context.Context, date time.Time, issue bool) (ClosingRunPlan, error) {
	var plan ClosingRunPlan
	err := s.write(ctx, func(tx *Tx) error {
		var err error
		if plan, err = planClosingRun(ctx, tx, date); err != nil {
			return err
		}
		if len(plan.Invoices) == 0 {
			return nil
		}
		company, err := loadCompany(ctx, tx)
		if err != nil {
			return err
		}
		if issue && company.RegistrationNumber == "" {
			return Invalid("company.registration_number", "document.company_regno")
		}
		return tx.writeClosingRun(&plan, issue)
	})
	return plan, err
}

// ClosingError says which customer's closing invoice could not be made.
type ClosingError struct {
	Customer string // code
	Err      error
}

func (e *ClosingError) Error() string { return "customer " + e.Customer + ": " + e.Err.Error() }
func (e *ClosingError) Unwrap() error { return e.Err }

func (tx *Tx) writeClosingRun(plan *ClosingRunPlan, issue bool) error {
	renewed := map[int64]bool{}
	for _, p := range plan.Invoices {
		for _, r := range p.renewals {
			if !renewed[r.contract.ID] {
				renewed[r.contract.ID] = true
				if err := tx.renew(r.contract, r.steps, true); err != nil {
					return &ClosingError{Customer: p.Customer.Code, Err: err}
				}
			}
		}
	}
	im, err := newImporter(tx, issue)
	if err != nil {
		return err
	}
	defer im.close()
	items := make([]importItem, len(plan.Invoices))
	for i := range plan.Invoices {
		items[i].doc = plan.Invoices[i].doc
	}
	if err := im.checkAll(items); err != nil {
		var batch BatchError
		if !errors.As(err, &batch) {
			return err
		}
		var errs Errors
		for _, re := range batch {
			if re.Line == batch[0].Line {
				errs = append(errs, re.Err)
			}
		}
		return &ClosingError{Customer: plan.Invoices[batch[0].Line-1].Customer.Code, Err: errs}
	}
	ids := make([]int64, len(items))
	for i := range items {
		p := &plan.Invoices[i]
		if err := im.write(&items[i]); err != nil {
			return &ClosingError{Customer: p.Customer.Code, Err: err}
		}
		id := items[i].doc.ID
		ids[i] = id
		for _, it := range p.items {
			if _, err := im.exec(sqlContractBilling, it.contract.ID, FormatDate(it.period.coverStart),
				FormatDate(it.period.coverEnd), FormatDate(it.period.billing), id, stamp(tx.now)); err != nil {
				return &ClosingError{Customer: p.Customer.Code, Err: err}
			}
		}
		cf := CarryForward{}
		if p.CarryForward != nil {
			cf = *p.CarryForward
		}
		if _, err := tx.ExecContext(tx.ctx, `INSERT INTO closing_invoices (document_id, customer_id, closing_date, style,
			previous_date, previous_billed, received, adjusted, carried, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, p.Customer.ID, FormatDate(p.Closing), p.Customer.InvoiceStyle, FormatDate(cf.PreviousClosing),
			cf.PreviousBilled, cf.Received, cf.Adjusted, cf.Carried, stamp(tx.now)); err != nil {
			return &ClosingError{Customer: p.Customer.Code, Err: err}
		}
	}
	refs, err := billingRefs(tx.ctx, tx, ids)
	if err != nil {
		return err
	}
	for i := range refs {
		plan.Invoices[i].Invoice = refs[i]
		plan.Invoices[i].Totals = items[i].doc.Totals
		plan.Invoices[i].Due = items[i].doc.DueDate
		if issue { // an issued closing invoice's row goes into the audit chain (month_end_chain.go)
			if err := tx.auditMonthEnd("create", recordClosing, refs[i].ID, map[string]any{"number": refs[i].Number,
				"customer": plan.Invoices[i].Customer.Code, "closing_date": FormatDate(plan.Invoices[i].Closing)}); err != nil {
				return err
			}
		}
	}
	return tx.audit("run", "closing", FormatDate(plan.Date), nil, map[string]any{
		"invoices": len(ids), "issued": issue, "nothing": len(plan.Nothing), "closed": len(plan.Closed),
		"problems": len(plan.Problems)})
}

func planClosingRun(ctx context.Context, q queryer, date time.Time) (ClosingRunPlan, error) {
	plan := ClosingRunPlan{Date: date}
	if date.IsZero() {
		return plan, Invalid("date", "required")
	}
	if e := CheckDate("date", date); e != nil {
		return plan, e
	}
	company, err := loadCompany(ctx, q)
	if err != nil {
		return plan, err
	}
	customers, err := dueCustomers(ctx, q, date)
	if err != nil || len(customers) == 0 {
		return plan, err
	}
	contracts, err := cycleContracts(ctx, q, date)
	if err != nil {
		return plan, err
	}
	for _, c := range customers {
		skip := ClosingSkip{CustomerID: c.ID, CustomerCode: c.Code, CustomerName: c.Name}
		var number string
		err := q.QueryRowContext(ctx, `SELECT coalesce(d.number, '') FROM closing_invoices ci
			JOIN documents d ON d.id = ci.document_id
			WHERE ci.customer_id = ? AND ci.closing_date = ? AND d.status <> 'void' LIMIT 1`,
			c.ID, FormatDate(date)).Scan(&number)
		if err == nil {
			skip.Number = number
			plan.Closed = append(plan.Closed, skip)
			continue
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return plan, err
		}
		p, problem, err := planCustomerClosing(ctx, q, c, date, company, contracts)
		switch {
		case err != nil:
			return plan, err
		case problem != nil:
			skip.Err = problem
			plan.Problems = append(plan.Problems, skip)
		case len(p.DeliveryNotes) == 0 && len(p.items) == 0:
			skip.Earlier = len(p.Earlier)
			plan.Nothing = append(plan.Nothing, skip)
		default:
			plan.Invoices = append(plan.Invoices, p)
		}
	}
	return plan, nil
}

// dueCustomers are the live customers whose closing day date is, by code.
func dueCustomers(ctx context.Context, q queryer, date time.Time) ([]Customer, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+customerColumns+` FROM customers WHERE archived = 0 ORDER BY code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Customer
	for rows.Next() {
		c, err := scanCustomer(rows)
		if err != nil {
			return nil, err
		}
		if c.ClosingDue(date) {
			out = append(out, c)
		}
	}
	return out, rows.Err()
}

// cycleWork is the contract periods a cycle may take: the billing plans of
// the closing date's month and the month before (a cycle closing on the
// 20th began in the month before).
type cycleWork []*billingWork

func cycleContracts(ctx context.Context, q queryer, date time.Time) (cycleWork, error) {
	var out cycleWork
	for _, m := range []time.Time{DateOf(date.Year(), date.Month()-1, 1), DateOf(date.Year(), date.Month(), 1)} {
		w, err := planBilling(ctx, q, m)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, nil
}

// take returns the contract periods of customer billed in (after, closing],
// and the renewals their contracts need first (the later month's, which
// include the earlier's).
func (cw cycleWork) take(customerID int64, after, closing time.Time) ([]billingItem, []plannedRenewal) {
	var items []billingItem
	renewals := map[int64]plannedRenewal{}
	var order []int64
	for _, w := range cw {
		for _, group := range w.items {
			for _, it := range group {
				b := it.period.billing
				if it.contract.CustomerID != customerID || !b.After(after) || b.After(closing) {
					continue
				}
				items = append(items, it)
			}
		}
	}
	for _, w := range cw {
		for _, r := range w.renewals {
			for _, it := range items {
				if it.contract.ID == r.contract.ID {
					if _, seen := renewals[r.contract.ID]; !seen {
						order = append(order, r.contract.ID)
					}
					renewals[r.contract.ID] = r
					break
				}
			}
		}
	}
	out := make([]plannedRenewal, 0, len(order))
	for _, id := range order {
		out = append(out, renewals[id])
	}
	return items, out
}

// planCustomerClosing plans one due customer's closing invoice; problem is
// why it cannot be made (mixed price modes, a line without a rate).
func planCustomerClosing(ctx context.Context, q queryer, c Customer, date time.Time, company Company,
	cw cycleWork) (p ClosingPlan, problem error, err error) {
	cy, err := closingCycle(ctx, q, c.ID, date)
	if err != nil {
		return p, nil, err
	}
	p = ClosingPlan{Customer: c, Closing: cy.Closing, After: cy.After, Due: cy.Schedule.Due,
		DeliveryNotes: cy.DeliveryNotes, Earlier: cy.Earlier}
	p.items, p.renewals = cw.take(c.ID, cy.After, cy.Closing)
	if len(p.DeliveryNotes) == 0 && len(p.items) == 0 {
		return p, nil, nil
	}
	for i, ref := range cy.DeliveryNotes {
		dn, err := loadDocument(ctx, q, ref.ID)
		if err != nil {
			return p, nil, err
		}
		if i == 0 {
			p.PriceMode = dn.PriceMode
		} else if dn.PriceMode != p.PriceMode {
			return p, &Error{Code: CodeConflict, Reason: "document.mixed_price_modes"}, nil
		}
		for _, l := range dn.Lines {
			l.ID, l.SourceLineID = 0, 0 // the import links it to its source line again
			p.Lines = append(p.Lines, l)
		}
	}
	if len(p.items) > 0 {
		if p.PriceMode == "" {
			p.PriceMode = PriceExclusive
		} else if p.PriceMode != PriceExclusive { // contract lines are priced net of tax
			return p, &Error{Code: CodeConflict, Reason: "document.mixed_price_modes"}, nil
		}
		for _, it := range p.items {
			p.Contracts = append(p.Contracts, it.contract.Number)
			p.Lines = append(p.Lines, it.lines...)
		}
	}
	if p.Totals, err = ComputeTotals(p.Lines, p.PriceMode, company.TaxRounding); err != nil {
		if e, ok := AsError(err); ok {
			return p, e, nil
		}
		return p, nil, err
	}
	p.doc = Document{Kind: KindInvoice, CustomerID: c.ID, Subject: cy.Subject, IssueDate: cy.Closing,
		ClosingDate: cy.Closing, PriceMode: p.PriceMode, Sources: cy.DeliveryNotes}
	if len(p.items) > 0 {
		p.doc.Lines = append([]Line(nil), p.Lines...)
		p.doc.Notes = contractNumbersNote(c.Language, p.Contracts)
	}
	if c.InvoiceStyle == InvoiceCarryForward {
		cf, err := carryForwardAsOf(ctx, q, c.ID, cy.After, cy.Closing, p.Totals.Total)
		if err != nil {
			return p, nil, err
		}
		p.CarryForward = &cf
	}
	return p, nil, nil
}
