package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Contracts (契約): what a customer buys again and again — maintenance,
// rentals, subscriptions, retainers — with its price, term, billing cycle and
// payment method decided once. Billing runs (billing.go) make the invoices
// from them; renewals (renewal.go) extend their term.

// Billing cycles.
const (
	CycleMonthly = "monthly"        // every month
	CycleEveryN  = "every_n_months" // every CycleMonths (2–12) months: quarterly is 3
	CycleYearly  = "yearly"         // every 12 months
	CycleOneOff  = "one_off"        // billed once, in the month of the start date
)

// ContractCycles lists the cycles in display order.
var ContractCycles = []string{CycleMonthly, CycleEveryN, CycleYearly, CycleOneOff}

// Contract statuses. A draft has no number and is not billed; activating
// numbers it. An ended contract is billed for its periods up to its end date
// (the last one in arrears comes after it) and no further; a cancelled one
// is not billed again at all.
const (
	ContractDraft     = "draft"
	ContractActive    = "active"
	ContractEnded     = "ended"
	ContractCancelled = "cancelled"
)

// ContractStatuses lists the statuses in display order.
var ContractStatuses = []string{ContractDraft, ContractActive, ContractEnded, ContractCancelled}

// ContractPaymentMethods are how a contract's invoices are paid.
var ContractPaymentMethods = []string{PayBankTransfer, PayDirectDebit, PayCard, PayCash}

// kindContract is the counter kind of contract numbers (K-2026-0001; its
// letter is in kindPrefix).
const kindContract = "contract"

// Contract is one recurring agreement with a customer.
type Contract struct {
	ID             int64
	Number         string // "" while a draft; K-2026-0001 (the start date's fiscal year) once active
	CustomerID     int64
	CustomerCode   string // filled when loaded
	CustomerName   string // filled when loaded
	Title          string // the invoices' subject
	Lines          []ContractLine
	Start, End     time.Time // End zero: open-ended
	Cycle          string
	CycleMonths    int  // months per period: 1 monthly, 2–12 every_n_months, 12 yearly, 0 one-off
	BillingDay     int  // 1–28, or 31 for the month's last day: the invoices' issue date
	InAdvance      bool // bill the period starting in the billing month (else the period that ended before it)
	ProRate        bool // bill a first or last period the term covers only partly by its days
	PaymentMethod  string
	AutoRenew      bool // a billing run extends the end date by RenewalMonths when the term runs out
	RenewalMonths  int  // the renewal term
	NoticeDays     int  // the decision to renew or end is due this many days before the end date
	Status         string
	CancelReason   string // why it was ended or cancelled
	Notes          string
	PersonInCharge string
	Version        int64

	// Contracts that mail themselves (issue 16): when the notice period
	// begins, `daicho notify` also mails the customer a renewal notice.
	NotifyCustomer bool

	// BillFrom is the first month daicho bills (請求開始月, the 1st of
	// it): the billing runs of earlier months, catch-up included, leave the
	// contract out, its periods there having been invoiced before it was
	// kept here. Zero: from the start.
	BillFrom time.Time
}

// ContractLine is one line of a contract: the same fields as a document line,
// with its unit price over time.
type ContractLine struct {
	ID          int64
	ProductID   int64  // 0: a free-text line
	ProductCode string // filled when loaded
	Description string // up to 120 characters: the invoice line adds the period to it
	Quantity    Quantity
	Unit        string
	UnitPrice   Money // the price in force today (on the start date before it, on the end date after it), for display
	TaxCategory string
	Prices      []PriceChange // history, oldest first; the first starts on the contract's start date
}

// PriceChange is a unit price in force from a date on.
type PriceChange struct {
	From      time.Time
	UnitPrice Money
}

// NewContract returns the usual defaults: monthly, billed in advance on the
// 1st, part periods pro-rated, paid by bank transfer.
func NewContract() Contract {
	return Contract{Cycle: CycleMonthly, CycleMonths: 1, BillingDay: 1, InAdvance: true, ProRate: true,
		PaymentMethod: PayBankTransfer, Status: ContractDraft}
}

// maxContractLineDescription leaves room on the invoice line (200
// characters) for the period label: "…, September 2026 – August 2027 (Sep 18,
// 2026 – Aug 31, 2027, 348 days)".
const maxContractLineDescription = 120

// Validate normalises the contract in place and returns every problem that
// makes it unsavable. What only stops it being activated (no lines, a line
// without a tax category) is checked by ActivateContract.
func (c *Contract) Validate() error {
	var ck checker
	if c.CustomerID == 0 {
		ck.add("customer", "required")
	}
	ck.line("title", &c.Title, true, 100)
	if c.Start.IsZero() {
		ck.add("start", "required")
	}
	ck.date("start", c.Start)
	ck.date("end", c.End)
	ck.dateNotBefore("end", c.End, c.Start, "contract.end_before_start")
	if !c.BillFrom.IsZero() {
		c.BillFrom = DateOf(c.BillFrom.Year(), c.BillFrom.Month(), 1)
		ck.date("bill_from", c.BillFrom)
		if !c.Start.IsZero() && c.BillFrom.Before(DateOf(c.Start.Year(), c.Start.Month(), 1)) {
			ck.add("bill_from", "contract.bill_from_before_start")
		}
	}
	ck.choice("cycle", c.Cycle, ContractCycles...)
	switch c.Cycle {
	case CycleMonthly:
		c.CycleMonths = 1
	case CycleYearly:
		c.CycleMonths = 12
	case CycleOneOff:
		c.CycleMonths = 0
	case CycleEveryN:
		ck.intRange("cycle_months", c.CycleMonths, 2, 12, 0)
	}
	ck.intRange("billing_day", c.BillingDay, 1, 28, MonthEnd)
	if c.PaymentMethod == "" {
		c.PaymentMethod = PayBankTransfer
	}
	ck.choice("payment_method", c.PaymentMethod, ContractPaymentMethods...)
	ck.intRange("renewal_months", c.RenewalMonths, 0, 120, 0)
	ck.intRange("notice_days", c.NoticeDays, 0, 365, 0)
	if c.AutoRenew {
		switch {
		case c.Cycle == CycleOneOff:
			ck.add("auto_renew", "contract.one_off_renewal")
		case c.End.IsZero() && !c.Start.IsZero():
			ck.add("end", "contract.renew_needs_end")
		case c.RenewalMonths == 0:
			ck.add("renewal_months", "contract.renew_needs_term")
		}
	}
	ck.line("person_in_charge", &c.PersonInCharge, false, 50)
	ck.text("notes", &c.Notes, false, 2000)
	if len(c.Lines) > 100 {
		ck.add("lines", "contract.too_many_lines", 100)
	}
	for i := range c.Lines {
		l := &c.Lines[i]
		ck.line(lineField(i, "description"), &l.Description, true, maxContractLineDescription)
		ck.line(lineField(i, "unit"), &l.Unit, false, 10)
		if l.TaxCategory != "" {
			ck.choice(lineField(i, "tax_category"), l.TaxCategory, TaxCategories...)
		}
		if l.Quantity <= 0 {
			ck.add(lineField(i, "quantity"), "contract.quantity_positive")
		}
		overflow, beyond := false, false
		for _, p := range append([]PriceChange{{UnitPrice: l.UnitPrice}}, l.Prices...) {
			amount, err := LineAmount(l.Quantity, p.UnitPrice)
			overflow = overflow || err != nil
			beyond = beyond || CheckAmount("", p.UnitPrice) != nil || CheckAmount("", amount) != nil
		}
		switch {
		case overflow:
			ck.add(lineField(i, "unit_price"), "money.overflow")
		case beyond:
			ck.add(lineField(i, "unit_price"), "money.bounds", MaxAmount.Plain(JPY))
		}
	}
	return ck.errs.OrNil()
}

// ActivationCheck answers, without writing, whether the contract can be put
// in force: nil, or the error ActivateContract would refuse with (already in
// force, or what the draft lacks). The screen asks it before asking.
func (s *Store) ActivationCheck(ctx context.Context, id int64) error {
	c, err := s.Contract(ctx, id)
	if err != nil {
		return err
	}
	return c.activationCheck()
}

// activationCheck is why c cannot be activated, or nil: the one rule
// ActivationCheck and ActivateContract share.
func (c *Contract) activationCheck() error {
	if c.Status != ContractDraft {
		return &Error{Code: CodeConflict, Reason: "contract.not_draft", Args: []any{c.Number}}
	}
	if errs := c.activationProblems(); len(errs) > 0 {
		return errs
	}
	return nil
}

// activationProblems is what stops a contract from being in force: a
// contract without lines bills nothing, and an invoice line needs its tax
// category.
func (c *Contract) activationProblems() Errors {
	var errs Errors
	if len(c.Lines) == 0 {
		errs = append(errs, Invalid("lines", "contract.no_lines"))
	}
	for i, l := range c.Lines {
		if l.TaxCategory == "" {
			errs = append(errs, Invalid(lineField(i, "tax_category"), "document.line_no_tax"))
		}
	}
	return errs
}

// months is the length of the contract's billing period in months (0 for a
// one-off).
func (c *Contract) months() int {
	switch c.Cycle {
	case CycleMonthly:
		return 1
	case CycleYearly:
		return 12
	case CycleEveryN:
		return max(c.CycleMonths, 1)
	}
	return 0
}

// priceRef is the day whose price a contract shows as a line's UnitPrice:
// today, kept within the contract's term.
func (c *Contract) priceRef(today time.Time) time.Time {
	if today.Before(c.Start) {
		return c.Start
	}
	if !c.End.IsZero() && today.After(c.End) {
		return c.End
	}
	return today
}

// priceOn is the unit price in force on day d; ok is false before the first.
func priceOn(prices []PriceChange, d time.Time) (price Money, ok bool) {
	for _, p := range prices {
		if p.From.After(d) {
			break
		}
		price, ok = p.UnitPrice, true
	}
	return price, ok
}

// contractColumns and contractFrom read a contract with its customer.
const contractColumns = `k.id, coalesce(k.number, ''), k.customer_id, c.code, c.name, k.title, k.start_date, k.end_date,
	k.cycle, k.cycle_months, k.billing_day, k.in_advance, k.pro_rate, k.payment_method, k.auto_renew,
	k.renewal_months, k.notice_days, k.status, k.cancel_reason, k.notes, k.person_in_charge, k.version,
	k.notify_customer, k.bill_from`

const contractFrom = ` FROM contracts k JOIN customers c ON c.id = k.customer_id`

func scanContract(r scanner, extra ...any) (Contract, error) {
	var c Contract
	var start, end, billFrom string
	err := r.Scan(append([]any{&c.ID, &c.Number, &c.CustomerID, &c.CustomerCode, &c.CustomerName, &c.Title,
		&start, &end, &c.Cycle, &c.CycleMonths, &c.BillingDay, &c.InAdvance, &c.ProRate, &c.PaymentMethod,
		&c.AutoRenew, &c.RenewalMonths, &c.NoticeDays, &c.Status, &c.CancelReason, &c.Notes, &c.PersonInCharge,
		&c.Version, &c.NotifyCustomer, &billFrom}, extra...)...)
	c.Start, c.End, c.BillFrom = mustDate(start), mustDate(end), mustDate(billFrom)
	return c, err
}

// Contract loads one contract with its lines and their price history.
func (s *Store) Contract(ctx context.Context, id int64) (Contract, error) {
	return loadContract(ctx, s.db, id, Today(s.Now()))
}

// ContractByNumber loads the contract with the given number (K-2026-0001;
// as typed, or upper-cased: idByNumber).
func (s *Store) ContractByNumber(ctx context.Context, number string) (Contract, error) {
	id, err := idByNumber(ctx, s.db, numberedContracts, number)
	if errors.Is(err, sql.ErrNoRows) {
		return Contract{}, &Error{Code: CodeNotFound, Field: "contract_number", Reason: "contract.not_found", Args: []any{number}}
	}
	if err != nil {
		return Contract{}, err
	}
	return s.Contract(ctx, id)
}

func loadContract(ctx context.Context, q queryer, id int64, today time.Time) (Contract, error) {
	cs, err := loadContracts(ctx, q, "k.id = ?", []any{id}, today)
	if err != nil {
		return Contract{}, err
	}
	if len(cs) == 0 {
		return Contract{}, &Error{Code: CodeNotFound, Reason: "contract.not_found", Args: []any{id}}
	}
	return cs[0], nil
}

// loadContracts loads the contracts matching where (a condition on k, the
// contracts table) with their lines and prices in three queries, whatever
// their number, ordered by number (drafts first, by id). today sets the
// lines' UnitPrice.
func loadContracts(ctx context.Context, q queryer, where string, args []any, today time.Time) ([]Contract, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+contractColumns+contractFrom+` WHERE `+where+
		` ORDER BY k.number IS NOT NULL, k.number, k.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Contract
	index := map[int64]int{}
	for rows.Next() {
		c, err := scanContract(rows)
		if err != nil {
			return nil, err
		}
		index[c.ID] = len(out)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	rows.Close()
	lines := map[int64]*ContractLine{}
	lrows, err := q.QueryContext(ctx, `SELECT l.id, l.contract_id, coalesce(l.product_id, 0), coalesce(p.code, ''),
		l.description, l.quantity, l.unit, coalesce(l.tax_category, '')
		FROM contract_lines l LEFT JOIN products p ON p.id = l.product_id
		WHERE l.contract_id IN (SELECT k.id FROM contracts k WHERE `+where+`) ORDER BY l.contract_id, l.position`, args...)
	if err != nil {
		return nil, err
	}
	defer lrows.Close()
	for lrows.Next() {
		var l ContractLine
		var contractID int64
		if err := lrows.Scan(&l.ID, &contractID, &l.ProductID, &l.ProductCode, &l.Description, &l.Quantity, &l.Unit,
			&l.TaxCategory); err != nil {
			return nil, err
		}
		c := &out[index[contractID]]
		c.Lines = append(c.Lines, l)
	}
	if err := lrows.Err(); err != nil {
		return nil, err
	}
	lrows.Close()
	for i := range out {
		for j := range out[i].Lines {
			lines[out[i].Lines[j].ID] = &out[i].Lines[j]
		}
	}
	prows, err := q.QueryContext(ctx, `SELECT cp.line_id, cp.effective_from, cp.unit_price
		FROM contract_prices cp JOIN contract_lines l ON l.id = cp.line_id
		WHERE l.contract_id IN (SELECT k.id FROM contracts k WHERE `+where+`) ORDER BY cp.line_id, cp.effective_from`, args...)
	if err != nil {
		return nil, err
	}
	defer prows.Close()
	for prows.Next() {
		var lineID int64
		var from string
		var p PriceChange
		if err := prows.Scan(&lineID, &from, &p.UnitPrice); err != nil {
			return nil, err
		}
		p.From = mustDate(from)
		if l := lines[lineID]; l != nil {
			l.Prices = append(l.Prices, p)
		}
	}
	if err := prows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		c := &out[i]
		ref := c.priceRef(today)
		for j := range c.Lines {
			c.Lines[j].UnitPrice, _ = priceOn(c.Lines[j].Prices, ref)
		}
	}
	return out, nil
}

// ContractSummary is one row of the contracts list.
type ContractSummary struct {
	ID             int64
	Number         string
	Title          string
	CustomerID     int64
	CustomerCode   string
	CustomerName   string
	PersonInCharge string
	Status         string
	Cycle          string
	Start, End     time.Time
	NextBilling    time.Time // the billing date of the first period not billed yet, from this month on; zero: none
	MonthlyValue   Money     // tax-exclusive value per month at today's prices (0 for a one-off)
	EndsInDays     int       // days from today to the end date (0 on or after it); -1 when open-ended
	TermEnded      bool      // the end date has passed (the contract may still be active, awaiting renewal)
	AutoRenew      bool
	NotifyCustomer bool      // contracts that mail themselves (issue 16): the customer gets a renewal notice
	BillFrom       time.Time // the first month daicho bills (請求開始月); zero: from the start
}

// ContractFilter narrows ContractSummaries; zero values mean "any".
type ContractFilter struct {
	Status         string
	PersonInCharge string
	CustomerID     int64
	Today          time.Time // zero: the store's clock
}

// ContractSummaries lists the contracts, drafts first, then by number.
func (s *Store) ContractSummaries(ctx context.Context, f ContractFilter) ([]ContractSummary, error) {
	where, args := []string{"1"}, []any{}
	if f.Status != "" {
		where, args = append(where, "k.status = ?"), append(args, f.Status)
	}
	if f.PersonInCharge != "" {
		where, args = append(where, "k.person_in_charge = ?"), append(args, f.PersonInCharge)
	}
	if f.CustomerID != 0 {
		where, args = append(where, "k.customer_id = ?"), append(args, f.CustomerID)
	}
	today := f.Today
	if today.IsZero() {
		today = Today(s.Now())
	}
	return contractSummaries(ctx, s.db, strings.Join(where, " AND "), args, today)
}

func contractSummaries(ctx context.Context, q queryer, where string, args []any, today time.Time) ([]ContractSummary, error) {
	cs, err := loadContracts(ctx, q, where, args, today)
	if err != nil {
		return nil, err
	}
	billed, err := lastBilledEnds(ctx, q, where, args)
	if err != nil {
		return nil, err
	}
	out := make([]ContractSummary, len(cs))
	for i := range cs {
		out[i] = cs[i].summary(today, billed[cs[i].ID])
	}
	return out, nil
}

// lastBilledEnds returns the end of the last period billed of each contract
// matching where.
func lastBilledEnds(ctx context.Context, q queryer, where string, args []any) (map[int64]time.Time, error) {
	rows, err := q.QueryContext(ctx, `SELECT contract_id, max(period_end) FROM contract_billings
		WHERE contract_id IN (SELECT k.id FROM contracts k WHERE `+where+`) GROUP BY contract_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]time.Time{}
	for rows.Next() {
		var id int64
		var end string
		if err := rows.Scan(&id, &end); err != nil {
			return nil, err
		}
		out[id] = mustDate(end)
	}
	return out, rows.Err()
}

func (c *Contract) summary(today, lastBilled time.Time) ContractSummary {
	s := ContractSummary{ID: c.ID, Number: c.Number, Title: c.Title, CustomerID: c.CustomerID,
		CustomerCode: c.CustomerCode, CustomerName: c.CustomerName, PersonInCharge: c.PersonInCharge,
		Status: c.Status, Cycle: c.Cycle, Start: c.Start, End: c.End, EndsInDays: -1, AutoRenew: c.AutoRenew,
		NotifyCustomer: c.NotifyCustomer, BillFrom: c.BillFrom}
	if !c.End.IsZero() {
		s.EndsInDays = max(daysBetween(today, c.End), 0)
		s.TermEnded = today.After(c.End)
	}
	if n := c.months(); n > 0 {
		var sum Money
		ref := c.priceRef(today)
		for _, l := range c.Lines {
			price, _ := priceOn(l.Prices, ref)
			amount, _ := LineAmount(l.Quantity, price)
			sum += amount
		}
		s.MonthlyValue = roundDiv(int64(sum), 1, int64(n), RoundHalfUp)
	}
	if c.Status != ContractCancelled {
		s.NextBilling = c.nextBilling(today, lastBilled)
	}
	return s
}

// nextBilling is the billing date of the first period not billed yet (ending
// after lastBilled) whose billing month is today's month or later; zero when
// there is none. An auto-renewing contract counts as renewed.
func (c *Contract) nextBilling(today, lastBilled time.Time) time.Time {
	from := max(monthNumber(today), monthNumber(c.Start))
	for m := from; m <= from+13; m++ {
		month := monthOfNumber(m)
		r := c.renewedFor(month)
		b, ok := r.periodIn(month)
		if ok && b.coverStart.After(lastBilled) {
			return b.billing
		}
		if c.Cycle == CycleOneOff {
			break
		}
	}
	return time.Time{}
}

// daysBetween is the number of days from a to b (negative when b is before a).
func daysBetween(a, b time.Time) int {
	return int(b.Sub(a).Hours() / 24)
}

// cloneContractLines copies lines and their price histories, so a failed save
// leaves the caller's contract as it was.
func cloneContractLines(lines []ContractLine) []ContractLine {
	out := slices.Clone(lines)
	for i := range out {
		out[i].Prices = slices.Clone(out[i].Prices)
	}
	return out
}

// contractAudit is what the audit log keeps of a contract: its terms and its
// lines with their prices.
func contractAudit(c *Contract) map[string]any {
	lines := make([]map[string]any, len(c.Lines))
	for i, l := range c.Lines {
		prices := make([]string, len(l.Prices))
		for j, p := range l.Prices {
			prices[j] = fmt.Sprintf("%s %d", FormatDate(p.From), p.UnitPrice)
		}
		lines[i] = map[string]any{"description": l.Description, "quantity": l.Quantity.String(), "unit": l.Unit,
			"tax_category": l.TaxCategory, "prices": prices}
	}
	return map[string]any{"number": c.Number, "status": c.Status, "customer": c.CustomerCode, "title": c.Title,
		"start": FormatDate(c.Start), "end": FormatDate(c.End), "cycle": c.Cycle, "cycle_months": c.CycleMonths,
		"billing_day": c.BillingDay, "in_advance": c.InAdvance, "pro_rate": c.ProRate,
		"payment_method": c.PaymentMethod, "auto_renew": c.AutoRenew, "renewal_months": c.RenewalMonths,
		"notice_days": c.NoticeDays, "bill_from": FormatDate(c.BillFrom), "lines": lines}
}
