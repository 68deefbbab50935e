package store

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strings"
)

// CreateCustomers inserts a batch all or nothing: every record is validated
// and checked against the codes in use (and each other) first; if any is bad,
// nothing is written and every problem is returned with its line. lines gives
// each record's line as the user sees it (nil: 1, 2, 3, …).
//
// A batch whose records are valid and differ from each other is written
// straight away (insertCustomerBatch), the check against the database being
// the insert itself: on 100,000 customers (`daicho import customers`) one
// query a customer less. Should a code be taken or a person in charge be
// unknown, that transaction rolls back and the batch is checked record by
// record as before, which names every problem.
func (s *Store) CreateCustomers(ctx context.Context, cs []Customer, lines []int) error {
	lineOf := func(i int) int {
		if lines != nil {
			return lines[i]
		}
		return i + 1
	}
	problems := validateCustomerBatch(cs, lineOf)
	if len(problems) == 0 {
		err := s.bulkWrite(ctx, func(tx *Tx) error { return tx.insertCustomerBatch(cs) })
		if !errors.Is(err, errCustomerRefused) {
			return err
		}
	}
	return s.bulkWrite(ctx, func(tx *Tx) error { // a whole file's customers (see bulkWrite)
		tx.knownStaff = map[string]bool{}
		for i := range cs {
			var exists int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM customers WHERE code = ?`, cs[i].Code).Scan(&exists); err != nil {
				return err
			}
			if exists > 0 {
				problems = append(problems, RowError{lineOf(i), &Error{Code: CodeConflict, Field: "code",
					Reason: "customer.code_taken", Args: []any{cs[i].Code}}})
			}
			if err := tx.checkPersonInCharge(cs[i].PersonInCharge); err != nil {
				e, ok := AsError(err)
				if !ok {
					return err
				}
				problems = append(problems, RowError{lineOf(i), e})
			}
		}
		if len(problems) > 0 {
			sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
			return problems
		}
		for i := range cs {
			if err := tx.insertCustomer(&cs[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// validateCustomerBatch validates (and so normalises) every record and
// refuses a code given twice: the problems found without the database.
func validateCustomerBatch(cs []Customer, lineOf func(int) int) BatchError {
	var problems BatchError
	seen := make(map[string]int, len(cs))
	for i := range cs {
		for _, fe := range FieldErrors(cs[i].Validate()) {
			problems = append(problems, RowError{lineOf(i), fe})
		}
		if cs[i].Code == "" {
			continue
		}
		if first, dup := seen[cs[i].Code]; dup {
			problems = append(problems, RowError{lineOf(i), &Error{Code: CodeConflict, Field: "code",
				Reason: "customer.code_repeated", Args: []any{cs[i].Code, first}}})
		} else {
			seen[cs[i].Code] = lineOf(i)
		}
	}
	return problems
}

// errCustomerRefused says insertCustomerBatch met a record the database
// refuses (a code in use, a person in charge unknown): CreateCustomers then
// checks the batch record by record to say which.
var errCustomerRefused = errors.New("a customer of the batch is refused")

// customerBatchRows is how many customers one INSERT writes (and how many
// audit rows the next). Each run of the customers INSERT builds the lookup
// tables of its CHECK … IN lists again and each statement has its own
// overhead, which 32 rows share; the parameters (35 a customer) stay well
// below SQLite's limit of 32,766.
const customerBatchRows = 32

// insertCustomerBatch writes valid customers, as insertCustomer writes each
// (the same rows, ids and audit rows, chained alike), customerBatchRows at a
// time. A record the database refuses rolls it back: errCustomerRefused.
func (tx *Tx) insertCustomerBatch(cs []Customer) error {
	tx.knownStaff = map[string]bool{}
	if err := tx.loadAuditHead(); err != nil {
		return err
	}
	w := customerWriter{tx: tx, now: stamp(tx.now), customers: map[int]*sql.Stmt{}, audits: map[int]*sql.Stmt{}}
	defer w.close()
	for start := 0; start < len(cs); start += customerBatchRows {
		if err := w.write(cs[start:min(start+customerBatchRows, len(cs))]); err != nil {
			return err
		}
	}
	return nil
}

// customerWriter writes customers and their audit rows with statements
// prepared once for each number of rows (a full batch and the last).
type customerWriter struct {
	tx        *Tx
	now       string
	customers map[int]*sql.Stmt
	audits    map[int]*sql.Stmt
	args      []any  // a statement's arguments, reused
	after     []byte // a customer's audit JSON, reused
	encoding  canonical
}

// customerInsert writes customers, the values of each row given by
// customerRow, after the version (1). The parameters are all anonymous (?):
// modernc's driver looks up each parameter's name before binding it, which
// for numbered ones (?2) walks a list of them all — quadratic in a
// statement of a thousand.
const customerInsert = `INSERT INTO customers (version, created_at, updated_at, code, name, kana,
	honorific, postal_code, address1, address2, department, contact, email, phone, closing_day, months_deferred,
	payment_day, holiday_rule, registration_number, language, person_in_charge, notes, archived, pre_due_notice,
	reminder_hold, fee_policy, invoice_style, delivery, send_to_name, send_to_postal_code, send_to_address1,
	send_to_address2, send_to_department, send_to_contact) VALUES `

// customerRow: version 1, created_at, updated_at, then the 31 fields of
// a customer.
var customerRow = "(1, ?, ?" + strings.Repeat(", ?", 31) + ")"

// auditCreateInsert writes "create" audit rows of customers, each row's
// values given by auditCreateRow.
const auditCreateInsert = `INSERT INTO audit_log (action, entity, before, record, record_id, record_hash,
	at, actor, id, entity_id, after, hash) VALUES `

const auditCreateRow = "('create', 'customer', '', '', NULL, NULL, ?, ?, ?, ?, ?, ?)"

func (w *customerWriter) write(cs []Customer) error {
	for i := range cs {
		if err := w.tx.checkPersonInCharge(cs[i].PersonInCharge); err != nil {
			if _, ok := AsError(err); ok {
				return errCustomerRefused
			}
			return err
		}
	}
	st, err := w.stmt(w.customers, len(cs), customerInsert, customerRow)
	if err != nil {
		return err
	}
	args := w.args[:0]
	for i := range cs {
		c := &cs[i]
		c.Version = 1
		args = append(args, w.now, w.now, c.Code, c.Name, c.Kana, c.Honorific, c.PostalCode, c.Address1, c.Address2,
			c.Department, c.Contact, c.Email, c.Phone, c.ClosingDay, c.MonthsDeferred, c.PaymentDay, c.HolidayRule,
			c.RegistrationNumber, c.Language, c.PersonInCharge, c.Notes, c.Archived, c.PreDueNotice, c.ReminderHold,
			c.FeePolicy, c.InvoiceStyle, c.Delivery, c.SendToName, c.SendToPostalCode, c.SendToAddress1,
			c.SendToAddress2, c.SendToDepartment, c.SendToContact)
	}
	res, err := st.ExecContext(w.tx.ctx, args...)
	if isUniqueViolation(err, "customers.code") {
		return errCustomerRefused
	}
	if err != nil {
		return err
	}
	last, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for i := range cs { // one statement takes consecutive rowids (the write lock is ours)
		cs[i].ID = last - int64(len(cs)-1-i)
	}
	return w.audit(cs)
}

// audit writes each customer's "create" audit row, as tx.audit would.
func (w *customerWriter) audit(cs []Customer) error {
	st, err := w.stmt(w.audits, len(cs), auditCreateInsert, auditCreateRow)
	if err != nil {
		return err
	}
	head := &w.tx.head
	args := w.args[:0]
	for i := range cs {
		w.after = appendCustomerJSON(w.after[:0], &cs[i])
		row := auditRow{id: head.id + 1, at: w.now, actor: w.tx.actor, action: "create", entity: "customer",
			entityID: cs[i].Code, after: string(w.after)}
		w.encoding = row.encode(w.encoding[:0])
		hash := chainHash(head.hash, w.encoding)
		head.id, head.hash = row.id, hash[:]
		args = append(args, row.at, row.actor, row.id, row.entityID, row.after, head.hash)
	}
	_, err = st.ExecContext(w.tx.ctx, args...)
	return err
}

// stmt is insert's statement for n rows, prepared on first use.
func (w *customerWriter) stmt(cache map[int]*sql.Stmt, n int, insert, row string) (*sql.Stmt, error) {
	if st := cache[n]; st != nil {
		return st, nil
	}
	st, err := w.tx.Tx.PrepareContext(w.tx.ctx, insert+row+strings.Repeat(", "+row, n-1))
	if err != nil {
		return nil, err
	}
	cache[n] = st
	return st, nil
}

func (w *customerWriter) close() {
	for _, cache := range []map[int]*sql.Stmt{w.customers, w.audits} {
		for _, st := range cache {
			st.Close()
		}
	}
}
