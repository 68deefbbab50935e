package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"
)

// SaveContract validates c and stores it: a new draft when c.ID is 0, else
// over the stored draft or active contract (c.Version must match: no lost
// updates). On success c is the contract as stored, reloaded.
//
// Prices. A line's UnitPrice is its price in force today (see
// ContractLine). A new line starts with UnitPrice from the contract's start
// date (from today when added to an active contract), or takes Prices as its
// history when given. On a draft, a changed UnitPrice changes the price in
// force today; on an active contract it is refused: prices change from a date
// with ChangePrice, keeping the history (the Prices of a stored line are
// never taken from c).
//
// An active contract keeps its customer, and once a period is billed its
// start date, cycle and billing in advance or arrears too (they decide which
// days were billed); lines may be edited, added and removed.
func (s *Store) SaveContract(ctx context.Context, c *Contract) error {
	saved := *c
	saved.Lines = cloneContractLines(c.Lines)
	err := s.write(ctx, func(tx *Tx) error { return tx.saveContract(&saved) })
	if err == nil {
		*c = saved
	}
	return err
}

func (tx *Tx) saveContract(c *Contract) error {
	if err := c.Validate(); err != nil {
		return err
	}
	ctx := tx.ctx
	today := Today(tx.now)
	var old *Contract
	if c.ID != 0 {
		o, err := loadContract(ctx, tx, c.ID, today)
		if err != nil {
			return err
		}
		if o.Status != ContractDraft && o.Status != ContractActive {
			return &Error{Code: CodeConflict, Reason: "contract.not_editable"}
		}
		if o.Version != c.Version {
			return tx.staleError("contract", fmt.Sprint(c.ID))
		}
		old = &o
	}
	var code, name string
	err := tx.QueryRowContext(ctx, `SELECT code, name FROM customers WHERE id = ?`, c.CustomerID).Scan(&code, &name)
	if errors.Is(err, sql.ErrNoRows) {
		return Invalid("customer", "customer.not_found", c.CustomerID)
	}
	if err != nil {
		return err
	}
	c.CustomerCode, c.CustomerName = code, name
	c.Status, c.Number, c.CancelReason = ContractDraft, "", ""
	if old != nil {
		c.Status, c.Number, c.CancelReason = old.Status, old.Number, old.CancelReason
	}
	var errs Errors
	if c.Status == ContractActive {
		changeErrs, err := tx.activeChangeProblems(old, c)
		if err != nil {
			return err
		}
		errs = append(append(errs, changeErrs...), c.activationProblems()...)
	}
	lineErrs, err := tx.mergeLines(old, c, today)
	if err != nil {
		return err
	}
	if errs = append(errs, lineErrs...); len(errs) > 0 {
		return errs
	}
	if err := tx.writeContract(c); err != nil {
		return err
	}
	var before any
	action := "create"
	if old != nil {
		before, action = contractAudit(old), "update"
	}
	if err := tx.audit(action, "contract", fmt.Sprint(c.ID), before, contractAudit(c)); err != nil {
		return err
	}
	stored, err := loadContract(ctx, tx, c.ID, today)
	if err != nil {
		return err
	}
	*c = stored
	return nil
}

// activeChangeProblems refuses the changes an active contract does not take.
func (tx *Tx) activeChangeProblems(old, c *Contract) (Errors, error) {
	var errs Errors
	if c.CustomerID != old.CustomerID {
		errs = append(errs, Invalid("customer", "contract.customer_fixed"))
	}
	var billed int
	if err := tx.QueryRowContext(tx.ctx, `SELECT count(*) FROM contract_billings WHERE contract_id = ?`, c.ID).Scan(&billed); err != nil {
		return nil, err
	}
	if billed > 0 {
		if !c.Start.Equal(old.Start) {
			errs = append(errs, Invalid("start", "contract.terms_billed"))
		}
		if c.Cycle != old.Cycle || c.CycleMonths != old.CycleMonths {
			errs = append(errs, Invalid("cycle", "contract.terms_billed"))
		}
		if c.InAdvance != old.InAdvance {
			errs = append(errs, Invalid("in_advance", "contract.terms_billed"))
		}
	}
	return errs, nil
}

// mergeLines gives each of c's lines its price history: a stored line keeps
// its own (a changed UnitPrice edits the price in force today on a draft, and
// is refused on an active contract), a new line starts one.
func (tx *Tx) mergeLines(old, c *Contract, today time.Time) (Errors, error) {
	var errs Errors
	stored := map[int64]ContractLine{}
	if old != nil {
		for _, l := range old.Lines {
			stored[l.ID] = l
		}
	}
	for i := range c.Lines {
		l := &c.Lines[i]
		if l.ProductID != 0 {
			err := tx.QueryRowContext(tx.ctx, `SELECT code FROM products WHERE id = ?`, l.ProductID).Scan(&l.ProductCode)
			if errors.Is(err, sql.ErrNoRows) {
				errs = append(errs, Invalid(lineField(i, "product"), "product.not_found", l.ProductID))
			} else if err != nil {
				return nil, err
			}
		}
		if l.ID == 0 {
			floor := c.Start
			if c.Status == ContractActive && today.After(floor) {
				floor = today
			}
			l.Prices = newPriceHistory(l.Prices, l.UnitPrice, floor)
			continue
		}
		s, ok := stored[l.ID]
		if !ok {
			errs = append(errs, Invalid(lineField(i, "id"), "contract.line_not_found", l.ID))
			continue
		}
		l.Prices = cloneContractLines([]ContractLine{s})[0].Prices
		ref := old.priceRef(today)
		if price, _ := priceOn(l.Prices, ref); price != l.UnitPrice {
			if c.Status == ContractActive {
				errs = append(errs, Invalid(lineField(i, "unit_price"), "contract.price_use_change"))
				continue
			}
			for j := len(l.Prices) - 1; j >= 0; j-- {
				if !l.Prices[j].From.After(ref) {
					l.Prices[j].UnitPrice = l.UnitPrice
					break
				}
			}
		}
		l.Prices = rebasePrices(l.Prices, old.Start, c.Start)
	}
	return errs, nil
}

// newPriceHistory is a new line's history: the given one (zero dates meaning
// floor; entries on or before floor folded into one starting on floor), or
// the unit price from floor on.
func newPriceHistory(given []PriceChange, price Money, floor time.Time) []PriceChange {
	if len(given) == 0 {
		return []PriceChange{{From: floor, UnitPrice: price}}
	}
	ps := make([]PriceChange, len(given))
	for i, p := range given {
		if p.From.IsZero() {
			p.From = floor
		}
		ps[i] = p
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].From.Before(ps[j].From) })
	dedup := ps[:0]
	for _, p := range ps {
		if n := len(dedup); n > 0 && dedup[n-1].From.Equal(p.From) {
			dedup[n-1] = p // the later of two on one date wins
			continue
		}
		dedup = append(dedup, p)
	}
	if dedup[0].From.After(floor) {
		return dedup // a line that starts later
	}
	return rebasePrices(dedup, dedup[0].From, floor)
}

// rebasePrices moves a history whose first price started on oldStart (or
// before newStart) to start on newStart: the price in force on newStart
// becomes the first, earlier ones go, later ones stay.
func rebasePrices(p []PriceChange, oldStart, newStart time.Time) []PriceChange {
	if len(p) == 0 || p[0].From.Equal(newStart) {
		return p
	}
	if !p[0].From.Equal(oldStart) && p[0].From.After(newStart) {
		return p // a line added later, still starting after the new start
	}
	base := 0
	for i := range p {
		if !p[i].From.After(newStart) {
			base = i
		}
	}
	out := []PriceChange{{From: newStart, UnitPrice: p[base].UnitPrice}}
	for _, pc := range p[base+1:] {
		if pc.From.After(newStart) {
			out = append(out, pc)
		}
	}
	return out
}

// writeContract stores the contract row, its lines (updating kept ones,
// adding new ones, deleting the rest) and their prices.
func (tx *Tx) writeContract(c *Contract) error {
	ctx := tx.ctx
	if err := tx.checkPersonInCharge(c.PersonInCharge); err != nil {
		return err
	}
	args := []any{c.CustomerID, c.Title, FormatDate(c.Start), FormatDate(c.End), c.Cycle, c.CycleMonths, c.BillingDay,
		c.InAdvance, c.ProRate, c.PaymentMethod, c.AutoRenew, c.RenewalMonths, c.NoticeDays, c.Notes, c.PersonInCharge,
		c.NotifyCustomer, FormatDate(c.BillFrom), stamp(tx.now)}
	if c.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO contracts (customer_id, title, start_date, end_date, cycle,
			cycle_months, billing_day, in_advance, pro_rate, payment_method, auto_renew, renewal_months, notice_days,
			notes, person_in_charge, notify_customer, bill_from, updated_at, created_at, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
			append(args, stamp(tx.now))...)
		if err != nil {
			return err
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return err
		}
	} else if _, err := tx.ExecContext(ctx, `UPDATE contracts SET customer_id = ?, title = ?, start_date = ?, end_date = ?,
		cycle = ?, cycle_months = ?, billing_day = ?, in_advance = ?, pro_rate = ?, payment_method = ?, auto_renew = ?,
		renewal_months = ?, notice_days = ?, notes = ?, person_in_charge = ?, notify_customer = ?, bill_from = ?, updated_at = ?,
		version = version + 1
		WHERE id = ?`, append(args, c.ID)...); err != nil {
		return err
	}
	keep := map[int64]bool{}
	for _, l := range c.Lines {
		keep[l.ID] = true
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM contract_lines WHERE contract_id = ?`, c.ID)
	if err != nil {
		return err
	}
	var gone []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		if !keep[id] {
			gone = append(gone, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range gone {
		if _, err := tx.ExecContext(ctx, `DELETE FROM contract_lines WHERE id = ?`, id); err != nil {
			return err
		}
	}
	for i := range c.Lines {
		l := &c.Lines[i]
		if l.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO contract_lines (contract_id, position, product_id, description,
				quantity, unit, tax_category) VALUES (?, ?, ?, ?, ?, ?, ?)`, c.ID, i, nullID(l.ProductID), l.Description,
				l.Quantity, l.Unit, nullString(l.TaxCategory))
			if err != nil {
				return err
			}
			if l.ID, err = res.LastInsertId(); err != nil {
				return err
			}
		} else {
			if _, err := tx.ExecContext(ctx, `UPDATE contract_lines SET position = ?, product_id = ?, description = ?,
				quantity = ?, unit = ?, tax_category = ? WHERE id = ? AND contract_id = ?`, i, nullID(l.ProductID),
				l.Description, l.Quantity, l.Unit, nullString(l.TaxCategory), l.ID, c.ID); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM contract_prices WHERE line_id = ?`, l.ID); err != nil {
				return err
			}
		}
		for _, p := range l.Prices {
			if _, err := tx.ExecContext(ctx, `INSERT INTO contract_prices (line_id, effective_from, unit_price)
				VALUES (?, ?, ?)`, l.ID, FormatDate(p.From), p.UnitPrice); err != nil {
				return err
			}
		}
	}
	return nil
}

// ActivateContract puts a draft in force: it gets the next contract number
// of its start date's fiscal year (K-2026-0001, in the company's number
// format) from the counter, in the same transaction. version must be the
// draft's version as last seen (0: any).
func (s *Store) ActivateContract(ctx context.Context, id, version int64) (Contract, error) {
	var out Contract
	err := s.write(ctx, func(tx *Tx) error {
		c, err := loadContract(ctx, tx, id, Today(tx.now))
		if err != nil {
			return err
		}
		if err := tx.activateContract(&c, version); err != nil {
			return err
		}
		out = c
		return nil
	})
	return out, err
}

// activateContract activates c, as loaded in this transaction, and updates it.
func (tx *Tx) activateContract(c *Contract, version int64) error {
	ctx := tx.ctx
	id := c.ID
	if version != 0 && c.Version != version && c.Status == ContractDraft {
		return tx.staleError("contract", fmt.Sprint(id))
	}
	if err := c.activationCheck(); err != nil {
		return err
	}
	company, err := loadCompany(ctx, tx)
	if err != nil {
		return err
	}
	fy := FiscalYear(c.Start, company.FiscalYearStart)
	var seq int
	if err := tx.QueryRowContext(ctx, `INSERT INTO counters (kind, fiscal_year, last) VALUES (?, ?, 1)
		ON CONFLICT (kind, fiscal_year) DO UPDATE SET last = last + 1 RETURNING last`, kindContract, fy).Scan(&seq); err != nil {
		return err
	}
	number := FormatNumber(company.NumberFormat, kindContract, fy, seq)
	_, err = tx.ExecContext(ctx, `UPDATE contracts SET status = 'active', number = ?, fiscal_year = ?, seq = ?,
		version = version + 1, updated_at = ? WHERE id = ? AND status = 'draft'`, number, fy, seq, stamp(tx.now), id)
	if isUniqueViolation(err, "contracts.number") {
		return &Error{Code: CodeConflict, Reason: "contract.number_taken", Args: []any{number}}
	}
	if err != nil {
		return err
	}
	if err := tx.audit("activate", "contract", fmt.Sprint(id), map[string]string{"status": ContractDraft},
		map[string]string{"status": ContractActive, "number": number}); err != nil {
		return err
	}
	c.Status, c.Number = ContractActive, number
	c.Version++
	return nil
}

// CreateContracts stores a batch of new contracts all or nothing, in one
// transaction, each as SaveContract stores it and, with activate, activated
// as ActivateContract does (numbered in the order given). If any is wrong
// nothing is written and the error is a BatchError, Line being the
// contract's 1-based position in cs. On success cs holds the contracts as
// stored. It is the path of the demo's thousands of contracts: one
// transaction instead of two per contract.
func (s *Store) CreateContracts(ctx context.Context, cs []Contract, activate bool) error {
	saved := make([]Contract, len(cs))
	for i := range cs {
		if cs[i].ID != 0 {
			return fmt.Errorf("CreateContracts takes new contracts only (contract %d has ID %d)", i+1, cs[i].ID)
		}
		saved[i] = cs[i]
		saved[i].Lines = cloneContractLines(cs[i].Lines)
	}
	err := s.write(ctx, func(tx *Tx) error {
		var problems BatchError
		for i := range saved {
			err := tx.saveContract(&saved[i])
			if err == nil && activate {
				err = tx.activateContract(&saved[i], 0)
			}
			fes := FieldErrors(err)
			if err != nil && len(fes) == 0 {
				return fmt.Errorf("contract %d: %w", i+1, err)
			}
			for _, fe := range fes {
				problems = append(problems, RowError{Line: i + 1, Err: fe})
			}
		}
		if len(problems) > 0 {
			return problems
		}
		return nil
	})
	if err == nil {
		copy(cs, saved)
	}
	return err
}

// ChangePrice sets a line's unit price from a date on, keeping the history
// (a change on a date that already has one replaces it). The date may not be
// before the contract's start, nor within a period already billed: the
// invoices made stay as they are. A period is billed at the price in force
// on its first day, so a change in the middle of a period applies from the
// next one.
func (s *Store) ChangePrice(ctx context.Context, contractID, lineID int64, from time.Time, price Money) error {
	return s.write(ctx, func(tx *Tx) error {
		c, err := loadContract(ctx, tx, contractID, Today(tx.now))
		if err != nil {
			return err
		}
		if c.Status != ContractDraft && c.Status != ContractActive {
			return &Error{Code: CodeConflict, Reason: "contract.not_editable"}
		}
		var line *ContractLine
		for i := range c.Lines {
			if c.Lines[i].ID == lineID {
				line = &c.Lines[i]
			}
		}
		if line == nil {
			return &Error{Code: CodeNotFound, Field: "lines", Reason: "contract.line_not_found", Args: []any{lineID}}
		}
		switch {
		case from.IsZero():
			return Invalid("from", "required")
		case from.Before(c.Start):
			return Invalid("from", "contract.price_before_start", FormatDate(c.Start))
		}
		if e := CheckDate("from", from); e != nil {
			return e
		}
		amount, err := LineAmount(line.Quantity, price)
		if err != nil {
			return Invalid("unit_price", "money.overflow")
		}
		if CheckAmount("", price) != nil || CheckAmount("", amount) != nil {
			return Invalid("unit_price", "money.bounds", MaxAmount.Plain(JPY))
		}
		lastBilled, err := lastBilledEnd(ctx, tx, contractID)
		if err != nil {
			return err
		}
		if !lastBilled.IsZero() && !from.After(lastBilled) {
			return Invalid("from", "contract.price_change_billed", FormatDate(lastBilled), FormatDate(lastBilled.AddDate(0, 0, 1)))
		}
		before, _ := priceOn(line.Prices, from)
		if before == price {
			return Invalid("unit_price", "contract.price_unchanged", FormatDate(from))
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO contract_prices (line_id, effective_from, unit_price) VALUES (?, ?, ?)
			ON CONFLICT (line_id, effective_from) DO UPDATE SET unit_price = excluded.unit_price`,
			lineID, FormatDate(from), price); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE contracts SET version = version + 1, updated_at = ? WHERE id = ?`,
			stamp(tx.now), contractID); err != nil {
			return err
		}
		return tx.audit("price_change", "contract", fmt.Sprint(contractID),
			map[string]any{"number": c.Number, "line": line.Description, "unit_price": before},
			map[string]any{"number": c.Number, "line": line.Description, "from": FormatDate(from), "unit_price": price})
	})
}

// PriceChangeFrom is the first date on which a price change of the contract
// can take effect (see ChangePrice): the day after its last billed period,
// or its start date while nothing is billed. The screen offers it as the
// change's date.
func (s *Store) PriceChangeFrom(ctx context.Context, contractID int64) (time.Time, error) {
	var start string
	err := s.db.QueryRowContext(ctx, `SELECT start_date FROM contracts WHERE id = ?`, contractID).Scan(&start)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, &Error{Code: CodeNotFound, Reason: "contract.not_found", Args: []any{contractID}}
	}
	if err != nil {
		return time.Time{}, err
	}
	lastBilled, err := lastBilledEnd(ctx, s.db, contractID)
	if err != nil || lastBilled.IsZero() {
		return mustDate(start), err
	}
	return lastBilled.AddDate(0, 0, 1), nil
}

// lastBilledEnd is the end of the contract's last billed period; zero when
// none is billed.
func lastBilledEnd(ctx context.Context, q queryer, contractID int64) (time.Time, error) {
	var end string
	err := q.QueryRowContext(ctx, `SELECT coalesce(max(period_end), '') FROM contract_billings WHERE contract_id = ?`,
		contractID).Scan(&end)
	return mustDate(end), err
}

// EndContract ends an active contract on end, for a reason (required): it
// will not renew, and is billed for its periods up to end (a period already
// billed beyond it stays billed: credit it if need be).
func (s *Store) EndContract(ctx context.Context, id int64, end time.Time, reason string) error {
	return s.write(ctx, func(tx *Tx) error {
		var ck checker
		ck.line("reason", &reason, true, 200)
		if end.IsZero() {
			ck.add("end", "required")
		}
		ck.date("end", end)
		if len(ck.errs) > 0 {
			return ck.errs
		}
		c, err := loadContract(tx.ctx, tx, id, Today(tx.now))
		if err != nil {
			return err
		}
		if c.Status != ContractActive {
			return &Error{Code: CodeConflict, Reason: "contract.not_active"}
		}
		if end.Before(c.Start) {
			return Invalid("end", "contract.end_before_start")
		}
		if _, err := tx.ExecContext(tx.ctx, `UPDATE contracts SET status = 'ended', end_date = ?, auto_renew = 0,
			cancel_reason = ?, version = version + 1, updated_at = ? WHERE id = ?`,
			FormatDate(end), reason, stamp(tx.now), id); err != nil {
			return err
		}
		return tx.audit("end", "contract", fmt.Sprint(id),
			map[string]any{"number": c.Number, "status": c.Status, "end": FormatDate(c.End), "auto_renew": c.AutoRenew},
			map[string]any{"number": c.Number, "status": ContractEnded, "end": FormatDate(end), "reason": reason})
	})
}

// CancelContract cancels a draft, active or ended contract for a reason
// (required): no run bills it again. What was billed stays billed.
func (s *Store) CancelContract(ctx context.Context, id int64, reason string) error {
	return s.write(ctx, func(tx *Tx) error {
		var ck checker
		ck.line("reason", &reason, true, 200)
		if len(ck.errs) > 0 {
			return ck.errs
		}
		c, err := loadContract(tx.ctx, tx, id, Today(tx.now))
		if err != nil {
			return err
		}
		if c.Status == ContractCancelled {
			return &Error{Code: CodeConflict, Reason: "contract.already_cancelled"}
		}
		if _, err := tx.ExecContext(tx.ctx, `UPDATE contracts SET status = 'cancelled', cancel_reason = ?,
			version = version + 1, updated_at = ? WHERE id = ?`, reason, stamp(tx.now), id); err != nil {
			return err
		}
		return tx.audit("cancel", "contract", fmt.Sprint(id), map[string]string{"number": c.Number, "status": c.Status},
			map[string]string{"number": c.Number, "status": ContractCancelled, "reason": reason})
	})
}
