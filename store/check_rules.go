package store

import (
	"context"
	"encoding/json"
)

// keyedRules are the rules of Check phrased in SQL that name a record for
// the bookkeeper: each row is a message key (err.<key> in the catalogs), the
// field at fault (” none) and the message's arguments as a JSON array of
// texts. A function, not a variable: the queries are put together (dates,
// outOfBounds) only when check runs, not at every start-up (lazy.go).
func keyedRules() []string {
	return []string{
		// A credit note belongs to its invoice's customer (ARCHITECTURE.md §4,
		// Credit notes): one on another customer's invoice moves both balances.
		`SELECT 'check.credit_note_customer', '', json_array(coalesce(k.number, '#' || k.id), kc.code,
		coalesce(i.number, '#' || i.id), ic.code)
	FROM documents k JOIN documents i ON i.id = k.corrects_id
	JOIN customers kc ON kc.id = k.customer_id JOIN customers ic ON ic.id = i.customer_id
	WHERE k.kind = 'credit_note' AND k.status <> 'draft' AND k.customer_id <> i.customer_id`,
		// No date of the ledger outside the bounds (ARCHITECTURE.md §4, Bounds):
		// a payment's, an adjustment's, a bank line's (an issued document's is
		// checkDocuments').
		`SELECT 'check.payment_date', 'date', json_array(printf('%d', id), date, '` + checkDateMin + `', '` + checkDateMax + `')
	FROM payments WHERE ` + outOfBounds("date"),
		`SELECT 'check.adjustment_date', 'date', json_array(printf('%d', id), date, '` + checkDateMin + `', '` + checkDateMax + `')
	FROM adjustments WHERE ` + outOfBounds("date"),
		`SELECT 'check.bank_line_date', 'date', json_array(printf('%d', id), date, '` + checkDateMin + `', '` + checkDateMax + `')
	FROM bank_lines WHERE ` + outOfBounds("date"),
		// A person in charge is a staff entry (0014_staff.sql's triggers keep
		// it so; a change outside daicho could break it).
		`SELECT 'check.customer_staff', 'person_in_charge', json_array(code, person_in_charge)
	FROM customers WHERE person_in_charge <> '' AND person_in_charge NOT IN (SELECT name FROM staff)`,
		`SELECT 'check.contract_staff', 'person_in_charge', json_array(coalesce(number, '#' || id), person_in_charge)
	FROM contracts WHERE person_in_charge <> '' AND person_in_charge NOT IN (SELECT name FROM staff)`,
	}
}

// The dates a ledger may hold (ARCHITECTURE.md §4, Bounds).
const (
	checkDateMin = "2000-01-01"
	checkDateMax = "2099-12-31"
)

// outOfBounds is the SQL condition "column holds a date outside the bounds"
// (” is no date).
func outOfBounds(column string) string {
	return "(" + column + " <> '' AND (" + column + " < '" + checkDateMin + "' OR " + column + " > '" + checkDateMax + "'))"
}

func dateOutOfBounds(d []byte) bool {
	return len(d) > 0 && (string(d) < checkDateMin || string(d) > checkDateMax)
}

// queryKeyed runs keyedRules.
func queryKeyed(ctx context.Context, q queryer) (Violations, error) {
	var v Violations
	for _, query := range keyedRules() {
		rows, err := q.QueryContext(ctx, query)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var (
				x    Violation
				args string
				list []string
			)
			if err := rows.Scan(&x.Reason, &x.Field, &args); err != nil {
				rows.Close()
				return nil, err
			}
			if err := json.Unmarshal([]byte(args), &list); err != nil {
				rows.Close()
				return nil, err
			}
			for _, a := range list {
				x.Args = append(x.Args, a)
			}
			v = append(v, x)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return v, nil
}
