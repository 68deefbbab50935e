package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Customer is one entry of the customer master (顧客マスタ). The JSON keys are
// the CLI's import/export format (ARCHITECTURE.md §8).
type Customer struct {
	ID                 int64  `json:"-"`
	Code               string `json:"code"`
	Name               string `json:"name"`
	Kana               string `json:"kana"`
	Honorific          string `json:"honorific"`
	PostalCode         string `json:"postal_code"`
	Address1           string `json:"address1"`
	Address2           string `json:"address2"`
	Department         string `json:"department"`
	Contact            string `json:"contact"`
	Email              string `json:"email"`
	Phone              string `json:"phone"`
	ClosingDay         int    `json:"closing_day"`
	MonthsDeferred     int    `json:"months_deferred"`
	PaymentDay         int    `json:"payment_day"`
	HolidayRule        string `json:"holiday_rule"`
	RegistrationNumber string `json:"registration_number"`
	Language           string `json:"language"`
	PersonInCharge     string `json:"person_in_charge"`
	Notes              string `json:"notes"`
	Archived           bool   `json:"archived"`
	// Staged reminders (issue 14): a notice before the due date, and a hold
	// on every reminder with its reason ("" = not held).
	PreDueNotice bool   `json:"pre_due_notice"`
	ReminderHold string `json:"reminder_hold"`
	// Transfer-fee policy (issue 14): FeeOurs, FeeTheirs or FeeAsk.
	FeePolicy string `json:"fee_policy"`
	// The closing run (issue 16): how the customer is billed and where its
	// documents go.
	InvoiceStyle     string `json:"invoice_style"` // InvoiceSimple or InvoiceCarryForward
	Delivery         string `json:"delivery"`      // DeliveryEmail, DeliveryPost or DeliveryBoth
	SendToName       string `json:"send_to_name"`  // empty: documents go to the customer itself
	SendToPostalCode string `json:"send_to_postal_code"`
	SendToAddress1   string `json:"send_to_address1"`
	SendToAddress2   string `json:"send_to_address2"`
	SendToDepartment string `json:"send_to_department"`
	SendToContact    string `json:"send_to_contact"`
	Version          int64  `json:"-"`
}

// Transfer-fee policies (振込手数料): who bears the bank's fee a payer
// deducts from a payment, within the shortfall tolerance.
const (
	FeeOurs   = "ours"   // 当方負担: the shortfall is closed as a transfer fee when the deposit is accepted
	FeeTheirs = "theirs" // 先方負担: it stays open and is asked for (取適法 2026: a small supplier's fee may not be deducted)
	FeeAsk    = "ask"    // the reconciliation screen asks each time (the default)
)

// FeePolicies lists the policies in display order.
var FeePolicies = []string{FeeAsk, FeeOurs, FeeTheirs}

// Honorifics printed after a customer's name.
const (
	HonorificCompany = "御中" // to an organisation
	HonorificPerson  = "様"  // to a person
)

// Holiday rules: what happens to a due date that falls on a bank holiday.
const (
	HolidayKeep     = "keep"
	HolidayPrevious = "previous"
	HolidayNext     = "next" // the legal default for payment days
)

// MonthEnd as a closing or payment day means the month's last day.
const MonthEnd = 31

// NewCustomer returns a customer with the defaults a Japanese office expects:
// 月末締め翌月末払い, 御中, documents in Japanese.
func NewCustomer() Customer {
	return Customer{
		Honorific:      HonorificCompany,
		ClosingDay:     MonthEnd,
		MonthsDeferred: 1,
		PaymentDay:     MonthEnd,
		HolidayRule:    HolidayNext,
		Language:       "ja",
		FeePolicy:      FeeAsk,
		InvoiceStyle:   InvoiceSimple,
	}
}

var customerCode = lazyRegexp(`^[A-Z0-9][A-Z0-9_-]{0,15}$`)

// Validate normalises the customer in place (widths, kana, postal code,
// registration number) and returns every field error at once.
func (c *Customer) Validate() error {
	var ck checker
	c.Code = strings.ToUpper(foldASCII(c.Code))
	switch {
	case c.Code == "":
		ck.add("code", "required")
	case !customerCode().MatchString(c.Code):
		ck.add("code", "code.format")
	}
	ck.line("name", &c.Name, true, 100)
	ck.kana("kana", &c.Kana)
	ck.choice("honorific", c.Honorific, HonorificCompany, HonorificPerson, "")
	ck.choice("language", c.Language, "ja", "en")
	ck.postalCode("postal_code", &c.PostalCode, c.Language != "en")
	ck.line("address1", &c.Address1, false, 200)
	ck.line("address2", &c.Address2, false, 200)
	ck.line("department", &c.Department, false, 100)
	ck.line("contact", &c.Contact, false, 100)
	ck.email("email", &c.Email)
	ck.phone("phone", &c.Phone)
	ck.intRange("closing_day", c.ClosingDay, 1, 28, MonthEnd)
	ck.intRange("months_deferred", c.MonthsDeferred, 0, 3, 0)
	ck.intRange("payment_day", c.PaymentDay, 1, 28, MonthEnd)
	ck.choice("holiday_rule", c.HolidayRule, HolidayKeep, HolidayPrevious, HolidayNext)
	ck.registrationNumber("registration_number", &c.RegistrationNumber, false)
	ck.line("person_in_charge", &c.PersonInCharge, false, 50)
	ck.text("notes", &c.Notes, false, 2000)
	ck.line("reminder_hold", &c.ReminderHold, false, 200)
	// Transfer-fee policy (issue 14): blank (a file of before) is the default.
	if c.FeePolicy = strings.TrimSpace(c.FeePolicy); c.FeePolicy == "" {
		c.FeePolicy = FeeAsk
	}
	ck.choice("fee_policy", c.FeePolicy, FeePolicies...)
	c.validateSending(&ck)
	return ck.errs.OrNil()
}

const customerColumns = `id, code, name, kana, honorific, postal_code, address1, address2, department,
	contact, email, phone, closing_day, months_deferred, payment_day, holiday_rule,
	registration_number, language, person_in_charge, notes, archived, pre_due_notice, reminder_hold, version, fee_policy,
	invoice_style, delivery, send_to_name, send_to_postal_code, send_to_address1, send_to_address2,
	send_to_department, send_to_contact`

type scanner interface{ Scan(dest ...any) error }

// queryer is what *sql.DB and *Tx share, so a read can run inside or outside a transaction.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func scanCustomer(r scanner) (Customer, error) {
	var c Customer
	err := r.Scan(&c.ID, &c.Code, &c.Name, &c.Kana, &c.Honorific, &c.PostalCode, &c.Address1, &c.Address2,
		&c.Department, &c.Contact, &c.Email, &c.Phone, &c.ClosingDay, &c.MonthsDeferred, &c.PaymentDay,
		&c.HolidayRule, &c.RegistrationNumber, &c.Language, &c.PersonInCharge, &c.Notes, &c.Archived,
		&c.PreDueNotice, &c.ReminderHold, &c.Version, &c.FeePolicy,
		&c.InvoiceStyle, &c.Delivery, &c.SendToName, &c.SendToPostalCode, &c.SendToAddress1, &c.SendToAddress2,
		&c.SendToDepartment, &c.SendToContact)
	return c, err
}

// Customer returns the customer with the given id.
func (s *Store) Customer(ctx context.Context, id int64) (Customer, error) {
	c, err := scanCustomer(s.db.QueryRowContext(ctx, `SELECT `+customerColumns+` FROM customers WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, &Error{Code: CodeNotFound, Reason: "customer.not_found", Args: []any{id}}
	}
	return c, err
}

// CustomerByCode returns the customer with the given code.
func (s *Store) CustomerByCode(ctx context.Context, code string) (Customer, error) {
	code = strings.ToUpper(foldASCII(code))
	c, err := scanCustomer(s.db.QueryRowContext(ctx, `SELECT `+customerColumns+` FROM customers WHERE code = ?`, code))
	if errors.Is(err, sql.ErrNoRows) {
		return c, &Error{Code: CodeNotFound, Field: "code", Reason: "customer.not_found", Args: []any{code}}
	}
	return c, err
}

// Customers returns every customer, archived ones included, ordered by code.
func (s *Store) Customers(ctx context.Context) ([]Customer, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+customerColumns+` FROM customers ORDER BY code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Customer
	for rows.Next() {
		c, err := scanCustomer(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CustomerSummary is what the customer list shows: few columns, so 10,000
// customers load in a few milliseconds.
type CustomerSummary struct {
	ID             int64
	Code           string
	Name           string
	Kana           string
	Phone          string
	Email          string
	PersonInCharge string
	Archived       bool
	FeePolicy      string // transfer-fee policy (issue 14)
}

// summaryColumns are a CustomerSummary's columns, in scanSummary's order.
const summaryColumns = `id, code, name, kana, phone, email, person_in_charge, archived, fee_policy`

func scanSummary(r scanner) (CustomerSummary, error) {
	var c CustomerSummary
	err := r.Scan(&c.ID, &c.Code, &c.Name, &c.Kana, &c.Phone, &c.Email, &c.PersonInCharge, &c.Archived, &c.FeePolicy)
	return c, err
}

// CustomerSummaries returns every customer's list columns, ordered by code.
func (s *Store) CustomerSummaries(ctx context.Context) ([]CustomerSummary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+summaryColumns+` FROM customers ORDER BY code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]CustomerSummary, 0, 256)
	for rows.Next() {
		c, err := scanSummary(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CustomerSummariesHead returns the first n customers not archived, ordered
// by code: what the customer list shows first, before CustomerSummaries has
// read every customer (on 10,000 customers, a few pages of the code index
// instead of the whole table).
func (s *Store) CustomerSummariesHead(ctx context.Context, n int) ([]CustomerSummary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+summaryColumns+` FROM customers WHERE archived = 0 ORDER BY code LIMIT ?`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var head []CustomerSummary
	for rows.Next() {
		c, err := scanSummary(rows)
		if err != nil {
			return nil, err
		}
		head = append(head, c)
	}
	return head, rows.Err()
}

// NextCustomerCode suggests the code after the highest "C" + digits code in
// use (C0041 → C0042), keeping the width of the existing codes.
func (s *Store) NextCustomerCode(ctx context.Context) (string, error) {
	return s.nextCode(ctx, "customers", "C")
}

// CreateCustomer validates c and inserts it; on success c carries its id.
func (s *Store) CreateCustomer(ctx context.Context, c *Customer) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *Tx) error { return tx.insertCustomer(c) })
}

func (tx *Tx) insertCustomer(c *Customer) error {
	if err := tx.checkPersonInCharge(c.PersonInCharge); err != nil {
		return err
	}
	c.Version = 1
	res, err := tx.ExecContext(tx.ctx, `INSERT INTO customers (code, name, kana, honorific, postal_code, address1,
		address2, department, contact, email, phone, closing_day, months_deferred, payment_day, holiday_rule,
		registration_number, language, person_in_charge, notes, archived, version, created_at, updated_at,
		pre_due_notice, reminder_hold, fee_policy,
		invoice_style, delivery, send_to_name, send_to_postal_code, send_to_address1, send_to_address2,
		send_to_department, send_to_contact)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.Code, c.Name, c.Kana, c.Honorific, c.PostalCode, c.Address1, c.Address2, c.Department, c.Contact,
		c.Email, c.Phone, c.ClosingDay, c.MonthsDeferred, c.PaymentDay, c.HolidayRule, c.RegistrationNumber,
		c.Language, c.PersonInCharge, c.Notes, c.Archived, c.Version, stamp(tx.now), stamp(tx.now),
		c.PreDueNotice, c.ReminderHold, c.FeePolicy,
		c.InvoiceStyle, c.Delivery, c.SendToName, c.SendToPostalCode, c.SendToAddress1, c.SendToAddress2,
		c.SendToDepartment, c.SendToContact)
	if isUniqueViolation(err, "customers.code") {
		return &Error{Code: CodeConflict, Field: "code", Reason: "customer.code_taken", Args: []any{c.Code}}
	}
	if err != nil {
		return err
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return tx.audit("create", "customer", c.Code, nil, c)
}

// UpdateCustomer saves c over the stored record. c.Version must be the version
// that was loaded: if someone saved the customer in between, the save is
// refused as a conflict instead of silently overwriting their change.
func (s *Store) UpdateCustomer(ctx context.Context, c *Customer) error {
	if err := c.Validate(); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *Tx) error {
		before, err := scanCustomer(tx.QueryRowContext(ctx, `SELECT `+customerColumns+` FROM customers WHERE id = ?`, c.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return &Error{Code: CodeNotFound, Reason: "customer.not_found", Args: []any{c.ID}}
		}
		if err != nil {
			return err
		}
		if before.Version != c.Version {
			return tx.staleError("customer", before.Code)
		}
		if err := tx.checkPersonInCharge(c.PersonInCharge); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE customers SET code = ?, name = ?, kana = ?, honorific = ?,
			postal_code = ?, address1 = ?, address2 = ?, department = ?, contact = ?, email = ?, phone = ?,
			closing_day = ?, months_deferred = ?, payment_day = ?, holiday_rule = ?, registration_number = ?,
			language = ?, person_in_charge = ?, notes = ?, archived = ?, version = ?, updated_at = ?,
			pre_due_notice = ?, reminder_hold = ?, fee_policy = ?,
			invoice_style = ?, delivery = ?, send_to_name = ?, send_to_postal_code = ?, send_to_address1 = ?,
			send_to_address2 = ?, send_to_department = ?, send_to_contact = ?
			WHERE id = ?`,
			c.Code, c.Name, c.Kana, c.Honorific, c.PostalCode, c.Address1, c.Address2, c.Department, c.Contact,
			c.Email, c.Phone, c.ClosingDay, c.MonthsDeferred, c.PaymentDay, c.HolidayRule, c.RegistrationNumber,
			c.Language, c.PersonInCharge, c.Notes, c.Archived, c.Version+1, stamp(tx.now),
			c.PreDueNotice, c.ReminderHold, c.FeePolicy,
			c.InvoiceStyle, c.Delivery, c.SendToName, c.SendToPostalCode, c.SendToAddress1, c.SendToAddress2,
			c.SendToDepartment, c.SendToContact, c.ID)
		if isUniqueViolation(err, "customers.code") {
			return &Error{Code: CodeConflict, Field: "code", Reason: "customer.code_taken", Args: []any{c.Code}}
		}
		if err != nil {
			return err
		}
		return tx.audit("update", "customer", c.Code, before, c)
	})
	if err == nil {
		c.Version++
	}
	return err
}

// SetCustomerArchived archives (or restores) a customer. Archived customers
// leave the everyday lists and pickers but keep everything that refers to them.
func (s *Store) SetCustomerArchived(ctx context.Context, id int64, archived bool) error {
	return s.write(ctx, func(tx *Tx) error {
		var code string
		var was bool
		err := tx.QueryRowContext(ctx, `SELECT code, archived FROM customers WHERE id = ?`, id).Scan(&code, &was)
		if errors.Is(err, sql.ErrNoRows) {
			return &Error{Code: CodeNotFound, Reason: "customer.not_found", Args: []any{id}}
		}
		if err != nil || was == archived {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE customers SET archived = ?, version = version + 1, updated_at = ?
			WHERE id = ?`, archived, stamp(tx.now), id); err != nil {
			return err
		}
		action := "archive"
		if !archived {
			action = "restore"
		}
		return tx.audit(action, "customer", code, map[string]bool{"archived": was}, map[string]bool{"archived": archived})
	})
}

// RowError is a problem with one record of a batch (an import), by line.
type RowError struct {
	Line int // 1-based line (CSV) or record number (JSON) as the user sees it
	Err  *Error
}

// BatchError lists every bad record of a batch; nothing of the batch was written.
type BatchError []RowError

func (b BatchError) Error() string {
	return fmt.Sprintf("%d problem(s); first at line %d: %v", len(b), b[0].Line, b[0].Err)
}
