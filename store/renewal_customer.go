package store

import (
	"context"
	"time"
)

// Renewal notices to customers (contracts that mail themselves, issue 16).
// When a contract enters its notice period — the rule RenewalsDue applies
// and the person in charge is told by — a contract with NotifyCustomer on
// also has its customer mailed a renewal notice: once per contract and end
// date (the mail log keeps it: kind MailRenewal with the end date, unique),
// so a second run sends nothing and a renewed contract, with its new end
// date, is told again when its next notice period begins.

// CustomerRenewalsDue lists the contracts whose customer is to be mailed a
// renewal notice as of asOf: due for a decision (RenewalsDue), with
// NotifyCustomer on, and not yet mailed one for their current end date.
// Soonest end first.
func (s *Store) CustomerRenewalsDue(ctx context.Context, asOf time.Time) ([]ContractSummary, error) {
	due, err := s.RenewalsDue(ctx, asOf)
	if err != nil {
		return nil, err
	}
	sent, err := s.renewalNoticesSent(ctx)
	if err != nil {
		return nil, err
	}
	var out []ContractSummary
	for _, c := range due {
		if c.NotifyCustomer && !sent[renewalKey{c.ID, FormatDate(c.End)}] {
			out = append(out, c)
		}
	}
	return out, nil
}

type renewalKey struct {
	contract int64
	end      string
}

// renewalNoticesSent is every contract and end date a renewal notice was
// mailed for.
func (s *Store) renewalNoticesSent(ctx context.Context) (map[renewalKey]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT contract_id, contract_end FROM mail_log WHERE kind = ?`, MailRenewal)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sent := map[renewalKey]bool{}
	for rows.Next() {
		var k renewalKey
		if err := rows.Scan(&k.contract, &k.end); err != nil {
			return nil, err
		}
		sent[k] = true
	}
	return sent, rows.Err()
}
