package store

import (
	"context"
	"fmt"
)

// A deposit nobody can name yet is held (保留), not dropped: it stays on the
// reconciliation screen's held list, with the day and the person who held
// it, until it is matched; a deposit that is no customer's payment (a
// refund, interest) is marked so with a reason, and that can be undone. So
// every yen of a bank file is on an invoice, on a customer's credit, held or
// marked not a payment (ARCHITECTURE.md §4, Payments), and on a screen.

// HoldBankLine sets an open line aside to be matched later. Holding a held
// line again changes nothing.
func (s *Store) HoldBankLine(ctx context.Context, lineID int64) error {
	return s.write(ctx, func(tx *Tx) error {
		l, err := loadBankLine(ctx, tx, lineID)
		switch {
		case err != nil:
			return err
		case l.State == LineHeld:
			return nil
		case l.State != LineOpen:
			return lineNotOpen(l)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE bank_lines SET state = 'held', held_at = ?, held_by = ?, updated_at = ?
			WHERE id = ?`, stamp(tx.now), tx.actor, stamp(tx.now), lineID); err != nil {
			return err
		}
		return tx.audit("hold", "bank_line", fmt.Sprint(lineID), map[string]any{"state": l.State},
			map[string]any{"state": LineHeld, "amount": l.Amount, "payer_name": l.PayerName})
	})
}

// MarkNotPayment marks an open or held line as no customer's payment (a
// refund, interest, a transfer between own accounts); the reason is
// required. ReopenBankLine undoes it.
func (s *Store) MarkNotPayment(ctx context.Context, lineID int64, reason string) error {
	var ck checker
	ck.line("reason", &reason, true, 200)
	if len(ck.errs) > 0 {
		return ck.errs
	}
	return s.SkipBankLine(ctx, lineID, reason)
}

// SkipBankLine is MarkNotPayment with an optional reason (the API of
// before). Skipping a skipped line again changes nothing.
func (s *Store) SkipBankLine(ctx context.Context, lineID int64, reason string) error {
	var ck checker
	ck.line("reason", &reason, false, 200)
	if len(ck.errs) > 0 {
		return ck.errs
	}
	return s.write(ctx, func(tx *Tx) error {
		l, err := loadBankLine(ctx, tx, lineID)
		switch {
		case err != nil:
			return err
		case l.State == LineSkipped:
			return nil
		case l.State != LineOpen && l.State != LineHeld:
			return lineNotOpen(l)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE bank_lines SET state = 'skipped', skip_reason = ?, held_at = '',
			held_by = '', updated_at = ? WHERE id = ?`, reason, stamp(tx.now), lineID); err != nil {
			return err
		}
		return tx.audit("not_payment", "bank_line", fmt.Sprint(lineID), map[string]any{"state": l.State},
			map[string]any{"state": LineSkipped, "reason": reason, "amount": l.Amount})
	})
}

// ReopenBankLine puts a line back to be matched: a held one (the hold is
// lifted), one marked not a payment (the mark is undone), or a matched line
// whose payment has been reversed (a reversal does it by itself now).
func (s *Store) ReopenBankLine(ctx context.Context, lineID int64) error {
	return s.write(ctx, func(tx *Tx) error {
		l, err := loadBankLine(ctx, tx, lineID)
		if err != nil || l.State == LineOpen {
			return err
		}
		if l.State == LineMatched {
			p, err := loadPayment(ctx, tx, l.PaymentID)
			if err != nil {
				return err
			}
			if !p.Reversed {
				return &Error{Code: CodeConflict, Reason: "reconcile.payment_live", Args: []any{p.ID}}
			}
		}
		return tx.reopenBankLine(l)
	})
}

// reopenBankLine returns l to the open lines, with its audit row.
func (tx *Tx) reopenBankLine(l BankLine) error {
	if _, err := tx.ExecContext(tx.ctx, `UPDATE bank_lines SET state = 'open', payment_id = NULL, skip_reason = '',
		held_at = '', held_by = '', updated_at = ? WHERE id = ?`, stamp(tx.now), l.ID); err != nil {
		return err
	}
	before := map[string]any{"state": l.State}
	switch l.State {
	case LineMatched:
		before["payment"] = l.PaymentID
	case LineSkipped:
		before["reason"] = l.SkipReason
	case LineHeld:
		before["held_by"] = l.HeldBy
	}
	return tx.audit("reopen", "bank_line", fmt.Sprint(l.ID), before, map[string]any{"state": LineOpen})
}

// returnBankLine is what reversing payment p does to its bank line: a line
// matched to p goes back to the open lines, so the money is on the
// reconciliation screen again instead of nowhere.
func (tx *Tx) returnBankLine(p *Payment) error {
	if p.BankLineID == 0 {
		return nil
	}
	l, err := loadBankLine(tx.ctx, tx, p.BankLineID)
	if isNotFound(err) {
		return nil // a payment naming a line that is gone: check reports it
	}
	if err != nil || l.State != LineMatched || l.PaymentID != p.ID {
		return err
	}
	return tx.reopenBankLine(l)
}

// BankLineCount is how many lines are in one state, and their sum.
type BankLineCount struct {
	Count  int
	Amount Money
}

// BankLineCounts counts the lines of each state (LineOpen, LineHeld, …):
// `import bank` and the start-up status line say how many wait or are held.
func (s *Store) BankLineCounts(ctx context.Context) (map[string]BankLineCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT state, count(*), coalesce(sum(amount), 0) FROM bank_lines GROUP BY state`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]BankLineCount{}
	for rows.Next() {
		var state string
		var c BankLineCount
		if err := rows.Scan(&state, &c.Count, &c.Amount); err != nil {
			return nil, err
		}
		out[state] = c
	}
	return out, rows.Err()
}
