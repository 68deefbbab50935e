package store

import (
	"context"
	"strings"
	"time"
)

// Before a reminder goes out, daicho says when the last bank file came in
// and whether a deposit not yet put on any invoice (open, or held) may be
// the customer's payment: nobody should chase a customer who has paid. The
// payer name is compared as matching compares it (NormalizePayer) with the
// customer's kana, its name and the payer names learned for it; banks cut
// long names, so one key starting with the other (at least 4 letters) counts.

// PossiblePayment is a deposit not on any invoice whose payer may be the
// customer.
type PossiblePayment struct {
	BankLineID int64
	CustomerID int64
	Date       time.Time
	Amount     Money
	PayerName  string
	State      string // as the reconciliation list has it: open or held
}

// ReminderCheck is what to know before sending reminders.
type ReminderCheck struct {
	LastImport time.Time         // when the last bank file was imported (zero: never)
	Possible   []PossiblePayment // by customer, then date
}

// CheckBeforeReminding looks for deposits that may be the payment of the
// given customers, and the time of the last bank import.
func (s *Store) CheckBeforeReminding(ctx context.Context, customerIDs []int64) (ReminderCheck, error) {
	var out ReminderCheck
	var last string
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(imported_at), '') FROM bank_lines`).Scan(&last); err != nil {
		return out, err
	}
	if last != "" {
		out.LastImport, _ = time.Parse(time.RFC3339Nano, last)
	}
	if len(customerIDs) == 0 {
		return out, nil
	}
	keys := map[int64][]string{}
	want := map[int64]bool{}
	for _, id := range customerIDs {
		want[id] = true
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, kana, name FROM customers`)
	if err != nil {
		return out, err
	}
	for rows.Next() {
		var id int64
		var kana, name string
		if err := rows.Scan(&id, &kana, &name); err != nil {
			rows.Close()
			return out, err
		}
		if want[id] {
			keys[id] = appendKey(appendKey(keys[id], kana), name)
		}
	}
	rows.Close()
	aliases, err := s.db.QueryContext(ctx, `SELECT alias, customer_id FROM payer_aliases`)
	if err != nil {
		return out, err
	}
	for aliases.Next() {
		var alias string
		var id int64
		if err := aliases.Scan(&alias, &id); err != nil {
			aliases.Close()
			return out, err
		}
		if want[id] {
			keys[id] = append(keys[id], alias)
		}
	}
	aliases.Close()
	// Deposits not on any invoice: open or held (a deposit marked not a
	// payment is nobody's payment).
	lines, err := s.db.QueryContext(ctx, `SELECT id, date, amount, payer_name, state FROM bank_lines
		WHERE state IN ('open', 'held') ORDER BY date, id`)
	if err != nil {
		return out, err
	}
	defer lines.Close()
	for lines.Next() {
		var p PossiblePayment
		var date string
		if err := lines.Scan(&p.BankLineID, &date, &p.Amount, &p.PayerName, &p.State); err != nil {
			return out, err
		}
		p.Date = mustDate(date)
		payer := NormalizePayer(p.PayerName)
		for _, id := range customerIDs {
			if payerMayBe(payer, keys[id]) {
				p.CustomerID = id
				out.Possible = append(out.Possible, p)
				break
			}
		}
	}
	return out, lines.Err()
}

func appendKey(keys []string, s string) []string {
	if k := NormalizePayer(s); k != "" {
		keys = append(keys, k)
	}
	return keys
}

// payerMayBe: the payer's key equals one of the customer's, or one starts
// with the other (a bank cut the name), at least 4 letters long.
func payerMayBe(payer string, keys []string) bool {
	if payer == "" {
		return false
	}
	for _, k := range keys {
		short, long := payer, k
		if len([]rune(short)) > len([]rune(long)) {
			short, long = long, short
		}
		if short == long || (len([]rune(short)) >= 4 && strings.HasPrefix(long, short)) {
			return true
		}
	}
	return false
}
