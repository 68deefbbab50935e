// Package exchange reads and writes daicho's records as files: the CSV and
// JSON of ARCHITECTURE.md §8 for customers, products and documents, and the
// text tables of `daicho list`. It converts, and resolves a document file's
// codes and rates against the database; validating records and storing them
// is the store's job (store.Customer.Validate, store.Store.CreateCustomers,
// store.Store.ImportDocuments).
package exchange

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"daicho/store"
)

// column is one key of the exchange format, bound to its Customer field. Only
// one of text, num and flag is set: it says the field's type.
type column struct {
	key  string
	text func(*store.Customer) *string
	num  func(*store.Customer) *int
	flag func(*store.Customer) *bool
}

// columns are the keys of ARCHITECTURE.md §8 in their order: the CSV header
// that WriteCustomersCSV writes, and the only keys ReadCustomers accepts.
// store.Customer's json tags carry the same names, so JSON output needs no
// table; a test checks the two agree.
var columns = []column{
	{key: "code", text: func(c *store.Customer) *string { return &c.Code }},
	{key: "name", text: func(c *store.Customer) *string { return &c.Name }},
	{key: "kana", text: func(c *store.Customer) *string { return &c.Kana }},
	{key: "honorific", text: func(c *store.Customer) *string { return &c.Honorific }},
	{key: "postal_code", text: func(c *store.Customer) *string { return &c.PostalCode }},
	{key: "address1", text: func(c *store.Customer) *string { return &c.Address1 }},
	{key: "address2", text: func(c *store.Customer) *string { return &c.Address2 }},
	{key: "department", text: func(c *store.Customer) *string { return &c.Department }},
	{key: "contact", text: func(c *store.Customer) *string { return &c.Contact }},
	{key: "email", text: func(c *store.Customer) *string { return &c.Email }},
	{key: "phone", text: func(c *store.Customer) *string { return &c.Phone }},
	{key: "closing_day", num: func(c *store.Customer) *int { return &c.ClosingDay }},
	{key: "months_deferred", num: func(c *store.Customer) *int { return &c.MonthsDeferred }},
	{key: "payment_day", num: func(c *store.Customer) *int { return &c.PaymentDay }},
	{key: "holiday_rule", text: func(c *store.Customer) *string { return &c.HolidayRule }},
	{key: "registration_number", text: func(c *store.Customer) *string { return &c.RegistrationNumber }},
	{key: "language", text: func(c *store.Customer) *string { return &c.Language }},
	{key: "person_in_charge", text: func(c *store.Customer) *string { return &c.PersonInCharge }},
	{key: "notes", text: func(c *store.Customer) *string { return &c.Notes }},
	{key: "archived", flag: func(c *store.Customer) *bool { return &c.Archived }},
	// Staged reminders (issue 14).
	{key: "pre_due_notice", flag: func(c *store.Customer) *bool { return &c.PreDueNotice }},
	{key: "reminder_hold", text: func(c *store.Customer) *string { return &c.ReminderHold }},
	// Transfer-fee policy (issue 14).
	{key: "fee_policy", text: func(c *store.Customer) *string { return &c.FeePolicy }},
	// The closing run (issue 16): invoice style, delivery and the send-to block.
	{key: "invoice_style", text: func(c *store.Customer) *string { return &c.InvoiceStyle }},
	{key: "delivery", text: func(c *store.Customer) *string { return &c.Delivery }},
	{key: "send_to_name", text: func(c *store.Customer) *string { return &c.SendToName }},
	{key: "send_to_postal_code", text: func(c *store.Customer) *string { return &c.SendToPostalCode }},
	{key: "send_to_address1", text: func(c *store.Customer) *string { return &c.SendToAddress1 }},
	{key: "send_to_address2", text: func(c *store.Customer) *string { return &c.SendToAddress2 }},
	{key: "send_to_department", text: func(c *store.Customer) *string { return &c.SendToDepartment }},
	{key: "send_to_contact", text: func(c *store.Customer) *string { return &c.SendToContact }},
}

// Keys returns the keys of the exchange format in order (the CSV header).
func Keys() []string {
	keys := make([]string, len(columns))
	for i, col := range columns {
		keys[i] = col.key
	}
	return keys
}

// required are the columns a CSV header must have: without a code and a name
// no row can become a customer, and saying so once beats one error per row.
var required = []string{"code", "name"}

func columnByKey(key string) (column, bool) {
	for _, col := range columns {
		if col.key == key {
			return col, true
		}
	}
	return column{}, false
}

// format renders a field as CSV text.
func (col column) format(c *store.Customer) string {
	switch {
	case col.num != nil:
		return strconv.Itoa(*col.num(c))
	case col.flag != nil:
		return strconv.FormatBool(*col.flag(c))
	}
	return *col.text(c)
}

// set parses s into the field. A blank number or yes/no cell keeps the default
// of store.NewCustomer (a blank cannot mean anything else); a blank text cell
// is the empty text, since "" is a real value (no honorific, no phone).
func (col column) set(c *store.Customer, s string) *store.Error {
	switch {
	case col.num != nil:
		return parseInt(col.key, s, col.num(c))
	case col.flag != nil:
		return parseBool(col.key, s, col.flag(c))
	}
	*col.text(c) = s
	return nil
}

func parseInt(field, s string, dst *int) *store.Error {
	s = strings.TrimSpace(foldWidth(s)) // １５ from a Japanese IME is 15
	if s == "" {
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return store.Invalid(field, "import.int", quote(s))
	}
	*dst = n
	return nil
}

func parseBool(field, s string, dst *bool) *store.Error {
	switch strings.ToLower(strings.TrimSpace(foldWidth(s))) {
	case "":
	case "true", "1", "yes":
		*dst = true
	case "false", "0", "no":
		*dst = false
	default:
		return store.Invalid(field, "import.bool", quote(s))
	}
	return nil
}

// foldWidth is width.Fold.String(s), skipping a text that is all ASCII
// (which Fold leaves as it is): most numbers of a 100,000-customer file.
func foldWidth(s string) string {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return width.Fold.String(s)
		}
	}
	return s
}

// quote shows a bad value in a message, cut short so one huge cell cannot
// flood the report.
func quote(s string) string {
	const max = 30
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return strconv.Quote(s)
}
