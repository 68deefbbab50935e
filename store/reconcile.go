package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Bank reconciliation (入金消込): the deposits of a bank file are imported
// as bank lines, each ranked against the open invoices (match.go), and the
// bookkeeper confirms a match, which records the payment, allocates it and
// learns the payer's name for next time.
//
// The parsers live in store/bank, which imports store; so the store takes
// bank lines the caller builds from the parsed deposits (exchange.BankLines
// does it for bank.Deposit), not the parser's type.

// States of a bank line.
const (
	LineOpen    = "open"    // waiting to be matched
	LineMatched = "matched" // recorded as a payment (PaymentID)
	LineHeld    = "held"    // 保留: set aside to be matched later (HeldAt, HeldBy), still listed
	LineSkipped = "skipped" // not a customer's payment (a refund, interest, …), with its reason; undoable
)

// BankLine is one deposit of an imported bank file, kept so a file imported
// twice adds nothing and so each line's fate is on record.
type BankLine struct {
	ID int64
	// Account is the account the deposit came into, as the parser names it
	// ("zengin:0009-101-1-1234567", or "csv" for a CSV export, which names
	// none); "" on a line imported before daicho kept it. Deposits of
	// different accounts are never one deposit.
	Account string
	// Identity is set by the store: the deposit's account and content
	// (depositKey, bank_import.go), and which of the equal deposits of one
	// day it is.
	Identity   string
	Date       time.Time
	Amount     Money
	PayerName  string // as the bank shows it: ｶ)ｻｸﾗｺｳｷﾞﾖｳ
	Reference  string
	Memo       string // EDI information, the CSV's memo column
	Source     string // the file's name
	State      string // LineOpen, LineMatched, LineHeld, LineSkipped
	PaymentID  int64  // the payment a matched line became
	SkipReason string // why a skipped line is not a customer's payment
	ImportedAt time.Time
	HeldAt     time.Time // when a held line was held
	HeldBy     string    // and by whom (the actor)
}

// ImportResult is what an import added, and how many lines it already had.
type ImportResult struct {
	Added           []BankLine
	AlreadyImported int
}

// Validate checks what a bank line must have; the parser fills it, so a
// failure means a file the parser should have refused.
func (l *BankLine) Validate() error {
	var ck checker
	ck.line("account", &l.Account, true, 200)
	if l.Date.IsZero() {
		ck.add("date", "required")
	}
	ck.date("date", l.Date)
	if l.Amount <= 0 {
		ck.add("amount", "reconcile.amount_positive")
	}
	ck.amount("amount", l.Amount)
	ck.line("payer_name", &l.PayerName, false, 200)
	ck.line("reference", &l.Reference, false, 200)
	ck.text("memo", &l.Memo, false, 2000)
	return ck.errs.OrNil()
}

const bankLineColumns = `id, identity, account, date, amount, payer_name, reference, memo, source, state,
	coalesce(payment_id, 0), skip_reason, imported_at, held_at, held_by`

func scanBankLine(r scanner) (BankLine, error) {
	var l BankLine
	var date, imported, held string
	err := r.Scan(&l.ID, &l.Identity, &l.Account, &date, &l.Amount, &l.PayerName, &l.Reference, &l.Memo, &l.Source, &l.State,
		&l.PaymentID, &l.SkipReason, &imported, &held, &l.HeldBy)
	l.Date = mustDate(date)
	l.ImportedAt, _ = time.Parse(time.RFC3339Nano, imported)
	if held != "" {
		l.HeldAt, _ = time.Parse(time.RFC3339Nano, held)
	}
	return l, err
}

func loadBankLine(ctx context.Context, q queryer, id int64) (BankLine, error) {
	l, err := scanBankLine(q.QueryRowContext(ctx, `SELECT `+bankLineColumns+` FROM bank_lines WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return l, &Error{Code: CodeNotFound, Reason: "reconcile.line_not_found", Args: []any{id}}
	}
	return l, err
}

// BankLine loads one bank line.
func (s *Store) BankLine(ctx context.Context, id int64) (BankLine, error) {
	return loadBankLine(ctx, s.db, id)
}

// BankLines lists the bank lines in a state ("" = all), by date then as imported.
func (s *Store) BankLines(ctx context.Context, state string) ([]BankLine, error) {
	q, args := `SELECT `+bankLineColumns+` FROM bank_lines`, []any{}
	if state != "" {
		q, args = q+` WHERE state = ?`, append(args, state)
	}
	return s.queryBankLines(ctx, q+` ORDER BY date, id`, args...)
}

// queryBankLines runs a query of bankLineColumns and scans its rows.
func (s *Store) queryBankLines(ctx context.Context, q string, args ...any) ([]BankLine, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []BankLine
	for rows.Next() {
		l, err := scanBankLine(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// Candidate is a way a deposit may be matched: one invoice, or a group of
// one customer's invoices (oldest due first), with why and how sure.
type Candidate struct {
	CustomerID   int64
	CustomerCode string
	CustomerName string
	Invoices     []InvoiceBalance // none: a customer with nothing open (the money becomes unapplied credit)
	Sum          Money            // Σ open of Invoices
	Fee          Money            // how much the deposit is short of Sum, when within a fee or the tolerance
	Score        int
	Reasons      []string // ReasonExactAmount, "fee deducted 880", ReasonPayerName, ReasonAlias, …
	Confidence   string   // ConfidenceHigh, ConfidenceMedium, ConfidenceLow
	FeePolicy    string   // the customer's transfer-fee policy (FeeOurs, FeeTheirs, FeeAsk)
}

// Candidates ranks the candidates of one bank line, best first.
func (s *Store) Candidates(ctx context.Context, lineID int64) ([]Candidate, error) {
	l, err := s.BankLine(ctx, lineID)
	if err != nil {
		return nil, err
	}
	all, err := s.CandidatesForAll(ctx, []BankLine{l})
	return all[l.ID], err
}

// CandidatesForAll ranks the candidates of many lines (by line id) with one
// load of the open invoices, customers and aliases: 10,000 lines against
// 50,000 open invoices take well under a second. The lines need not be
// stored (a dry run gives them distinct negative ids).
func (s *Store) CandidatesForAll(ctx context.Context, lines []BankLine) (map[int64][]Candidate, error) {
	out := make(map[int64][]Candidate, len(lines))
	if len(lines) == 0 {
		return out, nil
	}
	m, err := s.loadMatcher(ctx)
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		out[l.ID] = m.candidates(l)
	}
	return out, nil
}

func (s *Store) loadMatcher(ctx context.Context) (*matcher, error) {
	tolerance := DefaultShortfallTolerance
	switch co, err := loadCompany(ctx, s.db); {
	case err == nil:
		tolerance = co.ShortfallTolerance
	case !isNotFound(err):
		return nil, err
	}
	inv, err := invoiceBalances(ctx, s.db, BalanceFilter{OpenOnly: true})
	if err != nil {
		return nil, err
	}
	customers, err := s.CustomerSummaries(ctx)
	if err != nil {
		return nil, err
	}
	aliases, err := s.Aliases(ctx)
	if err != nil {
		return nil, err
	}
	return newMatcher(inv, customers, aliases, tolerance), nil
}

func isNotFound(err error) bool {
	e, ok := AsError(err)
	return ok && e.Code == CodeNotFound
}

// Match is a bank line's match as the bookkeeper confirms it.
type Match struct {
	LineID     int64
	CustomerID int64
	InvoiceIDs []int64 // allocated oldest due first; none: the whole deposit becomes unapplied credit
	CloseFee   bool    // close what the deposit leaves open on them as a transfer fee (within the tolerance)
	// FeePolicy says which policy closed the fee (ClosedByPolicy, ClosedAsked,
	// ClosedByHand; "" with CloseFee is by hand), kept on the adjustment.
	FeePolicy string
	// KeepPayerUnknown: do not learn the payer's name for the customer (a
	// match made by hand whose teaching the bookkeeper declined).
	KeepPayerUnknown bool
}

// ConfirmMatch, in one transaction: records the deposit as a bank-transfer
// payment of the customer (payer name, reference, memo, bank line), allocates
// it to the invoices oldest due first, closes the shortfall left on them as
// a transfer fee when asked (each within the tolerance), marks the line
// matched, and learns the payer's name (NormalizePayer) for the customer.
// What the invoices do not take stays on the payment as unapplied credit.
func (s *Store) ConfirmMatch(ctx context.Context, m Match) (Payment, error) {
	var p Payment
	err := s.write(ctx, func(tx *Tx) error {
		var err error
		p, err = tx.confirmMatch(m)
		return err
	})
	return p, err
}

func (tx *Tx) confirmMatch(m Match) (Payment, error) {
	ctx := tx.ctx
	l, err := loadBankLine(ctx, tx, m.LineID)
	if err != nil {
		return Payment{}, err
	}
	if l.State != LineOpen && l.State != LineHeld { // a held deposit is matched later
		return Payment{}, lineNotOpen(l)
	}
	policy := m.FeePolicy // the policy closing the fee: none unless asked
	switch {
	case !m.CloseFee:
		policy = ""
	case policy == "":
		policy = ClosedByHand
	}
	if m.CloseFee {
		var ck checker
		ck.choice("fee_policy", policy, ClosedByPolicy, ClosedAsked, ClosedByHand)
		if len(ck.errs) > 0 {
			return Payment{}, ck.errs
		}
	}
	invoices := make([]InvoiceBalance, 0, len(m.InvoiceIDs))
	for i, id := range m.InvoiceIDs {
		if slices.Contains(m.InvoiceIDs[:i], id) {
			continue
		}
		b, err := invoiceBalance(ctx, tx, id)
		if err != nil {
			return Payment{}, err
		}
		if b.CustomerID != m.CustomerID {
			return Payment{}, &Error{Code: CodeConflict, Field: "invoice", Reason: "allocation.other_customer", Args: []any{b.Number}}
		}
		if b.Open <= 0 { // paid or closed since the match was proposed: the money would slip into credit unseen
			return Payment{}, &Error{Code: CodeConflict, Field: "invoice", Reason: "reconcile.invoice_closed", Args: []any{b.Number}}
		}
		invoices = append(invoices, b)
	}
	sortByDue(invoices)
	p := Payment{CustomerID: m.CustomerID, Date: l.Date, Amount: l.Amount, Method: PayBankTransfer,
		PayerName: clip(l.PayerName, 100), Reference: clip(l.Reference, 100), Memo: clip(l.Memo, 1000), BankLineID: l.ID}
	if err := tx.recordPayment(&p); err != nil {
		return p, err
	}
	rest := p.Amount
	for i := range invoices {
		b := &invoices[i]
		if amount := min(rest, b.Open); amount > 0 {
			if err := tx.allocate(p.ID, b.InvoiceID, amount); err != nil {
				return p, err
			}
			rest -= amount
			b.Open -= amount
		}
	}
	if m.CloseFee {
		for _, b := range invoices {
			if b.Open > 0 {
				if _, err := tx.closeShortfall(b.InvoiceID, AdjustTransferFee, l.Date, policy); err != nil {
					return p, err
				}
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE bank_lines SET state = 'matched', payment_id = ?, held_at = '', held_by = '',
		updated_at = ? WHERE id = ?`, p.ID, stamp(tx.now), l.ID); err != nil {
		return p, err
	}
	if !m.KeepPayerUnknown {
		if err := tx.learnAlias(NormalizePayer(l.PayerName), m.CustomerID); err != nil {
			return p, err
		}
	}
	numbers := make([]string, len(invoices))
	for i, b := range invoices {
		numbers[i] = b.Number
	}
	if err := tx.audit("match", "bank_line", fmt.Sprint(l.ID), map[string]any{"state": l.State},
		map[string]any{"state": LineMatched, "payment": p.ID, "customer": p.CustomerCode, "invoices": numbers,
			"close_fee": m.CloseFee, "fee_policy": policy, "payer_learned": !m.KeepPayerUnknown}); err != nil {
		return p, err
	}
	return loadPayment(ctx, tx, p.ID)
}

// lineNotOpen refuses to match, hold or skip a line that is not open.
func lineNotOpen(l BankLine) error {
	switch l.State {
	case LineSkipped:
		return &Error{Code: CodeConflict, Reason: "reconcile.line_skipped"}
	case LineHeld:
		return &Error{Code: CodeConflict, Reason: "reconcile.line_held"}
	}
	return &Error{Code: CodeConflict, Reason: "reconcile.line_matched", Args: []any{l.PaymentID}}
}

// clip shortens s to at most n characters.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// learnAlias records (or counts once more) that payer pays for customerID.
func (tx *Tx) learnAlias(payer string, customerID int64) error {
	if payer == "" {
		return nil
	}
	_, err := tx.ExecContext(tx.ctx, `INSERT INTO payer_aliases (alias, customer_id, confirmed, created_at, updated_at)
		VALUES (?, ?, 1, ?, ?) ON CONFLICT (alias, customer_id) DO UPDATE SET confirmed = confirmed + 1,
		updated_at = excluded.updated_at`, payer, customerID, stamp(tx.now), stamp(tx.now))
	return err
}

// PayerAlias is a payer name (normalised) learned for a customer, and how
// many confirmed matches taught it.
type PayerAlias struct {
	Alias        string
	CustomerID   int64
	CustomerCode string
	CustomerName string
	Confirmed    int
}

// Aliases lists the learned payer names, by name then customer code.
func (s *Store) Aliases(ctx context.Context) ([]PayerAlias, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.alias, a.customer_id, c.code, c.name, a.confirmed
		FROM payer_aliases a JOIN customers c ON c.id = a.customer_id ORDER BY a.alias, c.code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PayerAlias
	for rows.Next() {
		var a PayerAlias
		if err := rows.Scan(&a.Alias, &a.CustomerID, &a.CustomerCode, &a.CustomerName, &a.Confirmed); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// AliasesOf lists the payer names learned for one customer, by name (the
// customer detail lists them, each removable).
func (s *Store) AliasesOf(ctx context.Context, customerID int64) ([]PayerAlias, error) {
	all, err := s.Aliases(ctx)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, a := range all {
		if a.CustomerID == customerID {
			out = append(out, a)
		}
	}
	return out, nil
}

// ForgetAlias removes a payer name learned for a customer (a match
// confirmed by mistake taught it). It is not financial data: it only
// steers matching.
func (s *Store) ForgetAlias(ctx context.Context, alias string, customerID int64) error {
	return s.write(ctx, func(tx *Tx) error {
		r, err := tx.ExecContext(ctx, `DELETE FROM payer_aliases WHERE alias = ? AND customer_id = ?`, alias, customerID)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return &Error{Code: CodeNotFound, Reason: "reconcile.alias_not_found", Args: []any{alias}}
		}
		return tx.audit("forget_alias", "customer", fmt.Sprint(customerID), map[string]string{"alias": alias}, nil)
	})
}

// SaveBankProfile saves a bank CSV column profile (bank.CSVProfile as JSON)
// under a name, replacing one of the same name.
func (s *Store) SaveBankProfile(ctx context.Context, name, profileJSON string) error {
	var ck checker
	ck.line("name", &name, true, 50)
	if !json.Valid([]byte(profileJSON)) || !strings.HasPrefix(strings.TrimSpace(profileJSON), "{") {
		ck.add("bank_profile", "reconcile.profile_json")
	}
	if len(ck.errs) > 0 {
		return ck.errs
	}
	return s.write(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO bank_profiles (name, profile, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at`,
			name, profileJSON, stamp(tx.now)); err != nil {
			return err
		}
		return tx.audit("save", "bank_profile", name, nil, json.RawMessage(profileJSON))
	})
}

// BankProfile returns the saved profile of that name (JSON).
func (s *Store) BankProfile(ctx context.Context, name string) (string, error) {
	var p string
	err := s.db.QueryRowContext(ctx, `SELECT profile FROM bank_profiles WHERE name = ?`, strings.TrimSpace(name)).Scan(&p)
	if errors.Is(err, sql.ErrNoRows) {
		return "", &Error{Code: CodeNotFound, Field: "bank_profile", Reason: "reconcile.profile_not_found", Args: []any{name}}
	}
	return p, err
}

// BankProfileNames lists the saved profiles' names, sorted.
func (s *Store) BankProfileNames(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM bank_profiles ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// AutoMatches picks the matches certain enough to confirm without a person
// looking (`daicho import bank` confirms them): a line's best candidate when
// it is AutoConfirmable (one invoice, its exact open amount, and a learned
// payer name or the invoice's number), no candidate of another customer is
// as sure, and no earlier line took the same invoice (two deposits of one
// amount from one payer: the first pays the oldest invoice, the second waits
// for a person). Lines go in the order given.
func AutoMatches(lines []BankLine, cands map[int64][]Candidate) map[int64]Match {
	out := map[int64]Match{}
	taken := map[int64]bool{}
	for _, l := range lines {
		cs := cands[l.ID]
		if len(cs) == 0 || !cs[0].AutoConfirmable() || taken[cs[0].Invoices[0].InvoiceID] {
			continue
		}
		best := cs[0]
		rival := slices.ContainsFunc(cs[1:], func(c Candidate) bool {
			return c.CustomerID != best.CustomerID && c.Confidence == ConfidenceHigh
		})
		if rival {
			continue
		}
		taken[best.Invoices[0].InvoiceID] = true
		out[l.ID] = Match{LineID: l.ID, CustomerID: best.CustomerID, InvoiceIDs: []int64{best.Invoices[0].InvoiceID}}
	}
	return out
}
