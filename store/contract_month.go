package store

import (
	"context"
	"time"
)

// ContractMonth is a contract active in a month with the invoices made for
// it in that month (its billing date in the month): what the monthly
// contract pack (毎月の契約書一括出力) prints.
type ContractMonth struct {
	Contract Contract
	Invoices []int64 // document ids, void ones left out, oldest first
}

// ContractsOfMonth returns every contract active in the month holding
// month (active or ended, its term overlapping the month; drafts and
// cancelled ones left out), by number, each with its invoices billed in
// the month.
func (s *Store) ContractsOfMonth(ctx context.Context, month time.Time) ([]ContractMonth, error) {
	first := DateOf(month.Year(), month.Month(), 1)
	last := MonthEndOf(month.Year(), month.Month())
	where := `k.status IN ('active', 'ended') AND k.start_date <= ? AND (k.end_date = '' OR k.end_date >= ?)`
	cs, err := loadContracts(ctx, s.db, where, []any{FormatDate(last), FormatDate(first)}, first)
	if err != nil {
		return nil, err
	}
	out := make([]ContractMonth, len(cs))
	index := make(map[int64]int, len(cs))
	for i, c := range cs {
		out[i].Contract = c
		index[c.ID] = i
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT b.contract_id, b.document_id FROM contract_billings b
		JOIN documents d ON d.id = b.document_id
		WHERE b.billing_date BETWEEN ? AND ? AND d.status != 'void' ORDER BY b.document_id`,
		FormatDate(first), FormatDate(last))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var cid, did int64
		if err := rows.Scan(&cid, &did); err != nil {
			return nil, err
		}
		if i, ok := index[cid]; ok {
			out[i].Invoices = append(out[i].Invoices, did)
		}
	}
	return out, rows.Err()
}
