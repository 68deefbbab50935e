package store

import (
	"database/sql"
	"strconv"
	"strings"
)

// customerBatchRows is how many customers one INSERT writes (and how many
// audit rows the next). Each run of the customers INSERT builds the lookup
// tables of its CHECK … IN lists again and each statement has its own
// overhead, which 32 rows share; the parameters (35 a customer) stay well
// below SQLite's limit of 32,766.
const customerBatchRows = 32

// customerCacheKiB is the page cache of insertCustomerBatch, which
// appends to its tables and indexes: it has little to gain from bulkWrite's
// larger cache, and a process of 100,000 customers spent a quarter of a
// second returning those pages to the system.
const customerCacheKiB = -8 << 10

// insertCustomerBatch writes the customers from gives, as insertCustomer
// writes each (the same rows, ids and audit rows, chained alike),
// customerBatchRows at a time. A record that is invalid, repeats an earlier
// one's code, or that the database refuses, or a source that could not give
// every customer, rolls it back: errCustomerRefused.
//
// The source is read, the records validated (and so normalised), and the
// statements' arguments, the audit JSON and the chain's hashes made on
// another goroutine (makeCustomerChunks) a few batches ahead, while this one
// waits for SQLite: on two processors the import takes the time of its
// SQLite writes, not of all of it.
//
// The rows go in without the trigger that refuses a person in charge not on
// the staff (see withoutTrigger): write checks every record against the
// staff itself, in this transaction.
func (tx *Tx) insertCustomerBatch(from CustomerSource) error {
	return tx.withoutTrigger("customers_staff_insert", func() error { return tx.writeCustomers(from) })
}

func (tx *Tx) writeCustomers(from CustomerSource) error {
	tx.knownStaff = map[string]bool{}
	if err := tx.loadAuditHead(); err != nil {
		return err
	}
	if _, err := tx.Tx.ExecContext(tx.ctx, "PRAGMA cache_size = "+strconv.Itoa(customerCacheKiB)); err != nil {
		return err
	}
	w := customerWriter{tx: tx, customers: map[int]*sql.Stmt{}, audits: map[int]*sql.Stmt{}}
	defer w.close()
	chunks, stop := make(chan customerChunk, 4), make(chan struct{})
	defer func() { // the maker is gone before the batch is returned to the caller
		close(stop)
		for range chunks {
		}
	}()
	go makeCustomerChunks(from, chunkMaker{now: stamp(tx.now), actor: tx.actor, head: tx.head}, chunks, stop)
	for chunk := range chunks {
		if chunk.refused {
			return errCustomerRefused
		}
		if err := w.write(chunk); err != nil {
			return err
		}
		tx.head = chunk.head
	}
	return nil
}

// customerChunk is one batch of customers with its statements' arguments,
// and the audit chain's head after its rows; or, refused, the news that a
// record is invalid or repeats a code, or that the source failed (and
// nothing else).
type customerChunk struct {
	cs                []Customer
	customers, audits []any
	head              auditHead
	refused           bool
}

// makeCustomerChunks reads from and sends its customers as chunks of
// customerBatchRows (m makes them), until they are all sent (then it closes
// chunks), or a record is invalid or repeats a code, or the source fails
// (then it sends a refused chunk and closes chunks), or stop is closed.
func makeCustomerChunks(from CustomerSource, m chunkMaker, chunks chan<- customerChunk, stop <-chan struct{}) {
	defer close(chunks)
	send := func(chunk customerChunk) bool {
		select {
		case chunks <- chunk:
			return !chunk.refused
		case <-stop:
			return false
		}
	}
	ended := false // by a refusal or stop: nothing more to send
	whole := from(func(cs []Customer) bool {
		for start := 0; start < len(cs) && !ended; start += customerBatchRows {
			ended = !send(m.chunk(cs[start:min(start+customerBatchRows, len(cs))]))
		}
		return !ended
	})
	if !whole && !ended {
		send(customerChunk{refused: true})
	}
}

// chunkMaker makes the chunks of one batch: it validates (and so
// normalises) each record, refuses a code given twice, sets each customer's
// Version, and touches no other field the writer reads or sets.
type chunkMaker struct {
	now, actor string
	head       auditHead
	seen       map[string]struct{}
	after      []byte
	encoding   canonical
}

func (m *chunkMaker) chunk(cs []Customer) customerChunk {
	if m.seen == nil {
		m.seen = map[string]struct{}{}
	}
	for i := range cs {
		c := &cs[i]
		if c.Validate() != nil { // normalises the code too, before it is compared
			return customerChunk{refused: true}
		}
		if _, dup := m.seen[c.Code]; dup {
			return customerChunk{refused: true}
		}
		m.seen[c.Code] = struct{}{}
	}
	now := m.now
	chunk := customerChunk{cs: cs, customers: make([]any, 0, len(cs)*(2+customerFields)),
		audits: make([]any, 0, len(cs)*auditCreateParams)}
	for i := range cs {
		c := &cs[i]
		c.Version = 1
		chunk.customers = append(chunk.customers, now, now, c.Code, c.Name, c.Kana, c.Honorific, c.PostalCode,
			c.Address1, c.Address2, c.Department, c.Contact, c.Email, c.Phone, c.ClosingDay, c.MonthsDeferred,
			c.PaymentDay, c.HolidayRule, c.RegistrationNumber, c.Language, c.PersonInCharge, c.Notes, c.Archived,
			c.PreDueNotice, c.ReminderHold, c.FeePolicy, c.InvoiceStyle, c.Delivery, c.SendToName,
			c.SendToPostalCode, c.SendToAddress1, c.SendToAddress2, c.SendToDepartment, c.SendToContact)
		m.after = appendCustomerJSON(m.after[:0], c)
		row := auditRow{id: m.head.id + 1, at: now, actor: m.actor, action: "create", entity: "customer",
			entityID: c.Code, after: string(m.after)}
		m.encoding = row.encode(m.encoding[:0])
		hash := chainHash(m.head.hash, m.encoding)
		m.head.id, m.head.hash = row.id, hash[:]
		chunk.audits = append(chunk.audits, row.at, row.actor, row.id, row.entityID, row.after, m.head.hash)
	}
	chunk.head = m.head
	return chunk
}

// customerWriter writes customers and their audit rows with statements
// prepared once for each number of rows (a full batch and the last).
type customerWriter struct {
	tx        *Tx
	customers map[int]*sql.Stmt
	audits    map[int]*sql.Stmt
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

// customerFields are the fields of a customer the INSERT takes.
const customerFields = 31

// customerRow: version 1, created_at, updated_at, then the fields of a
// customer.
var customerRow = "(1, ?, ?" + strings.Repeat(", ?", customerFields) + ")"

// auditCreateInsert writes "create" audit rows of customers, each row's
// values given by auditCreateRow.
const auditCreateInsert = `INSERT INTO audit_log (action, entity, before, record, record_id, record_hash,
	at, actor, id, entity_id, after, hash) VALUES `

const auditCreateRow = "('create', 'customer', '', '', NULL, NULL, ?, ?, ?, ?, ?, ?)"

// auditCreateParams are the parameters of auditCreateRow.
const auditCreateParams = 6

func (w *customerWriter) write(chunk customerChunk) error {
	cs := chunk.cs
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
	res, err := st.ExecContext(w.tx.ctx, chunk.customers...)
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
	if st, err = w.stmt(w.audits, len(cs), auditCreateInsert, auditCreateRow); err != nil {
		return err
	}
	_, err = st.ExecContext(w.tx.ctx, chunk.audits...)
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
