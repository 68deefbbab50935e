// Package mail sends documents and payment reminders to customers by email:
// it composes the message from the mail settings' templates in the
// customer's document language with the PDF attached, sends it over SMTP (or,
// with no server set, writes it as an .eml file into the exports folder) and
// logs it. It imports no UI: the TUI and the CLI call it from their commands.
package mail

import (
	"bytes"
	"context"
	netmail "net/mail"
	"regexp"
	"strings"
	"sync"
	"time"

	"daicho/pdf"
	"daicho/store"
)

// Message is a composed mail: what the preview shows and Send sends.
type Message struct {
	Kind       string // store.MailDocument, store.MailReminder, store.MailContract or store.MailRenewal
	DocumentID int64  // the document sent, or the invoice a reminder is about (0: the whole account)
	CustomerID int64
	Lang       string // the document language the text is in

	To, ToName     string
	From, FromName string
	Subject, Body  string

	AttachmentName string // as the exports name the PDF (pdf.FileName)
	Attachment     []byte // the PDF

	// Reminder is the reminder-history entry a payment reminder writes when
	// it is sent (nil for a document).
	Reminder *store.ReminderLog

	// Kept is what the archive keeps of the attachment once the mail left
	// (Send fills in the channel, file name and bytes); nil: nothing.
	Kept *store.SentFile

	// Contracts that mail themselves (issue 16): the contract a mail of kind
	// store.MailContract or store.MailRenewal is about, and the end date a
	// renewal notice tells of.
	ContractID  int64
	ContractEnd time.Time
}

// ComposeDocument makes the mail that sends an issued document to its
// customer. A draft, a void document, a customer without a valid email and
// settings without a sender are refused with a reason.
func ComposeDocument(ctx context.Context, st *store.Store, documentID int64) (Message, error) {
	d, err := st.Document(ctx, documentID)
	if err != nil {
		return Message{}, err
	}
	switch d.Status {
	case store.StatusDraft:
		return Message{}, store.Invalid("document", "mail.draft")
	case store.StatusVoid:
		return Message{}, store.Invalid("document", "mail.void", d.Number)
	}
	cu, co, settings, err := parties(ctx, st, d.CustomerID)
	if err != nil {
		return Message{}, err
	}
	lang := cu.Language
	if d.Customer != nil {
		lang = d.Customer.Language // as the PDF is printed
	}
	if d.Company != nil {
		co.Name, co.NameEN = d.Company.Name, d.Company.NameEN
	}
	m, err := newMessage(store.MailDocument, cu, co, settings, lang)
	if err != nil {
		return Message{}, err
	}
	m.DocumentID = d.ID
	cur, ok := store.CurrencyByCode(d.Currency)
	if !ok {
		cur, _ = store.CurrencyByCode(co.Currency)
	}
	due := ""
	if d.Kind == store.KindInvoice && !d.DueDate.IsZero() {
		due = pdf.Date(lang, d.DueDate)
	}
	name, honorific := cu.Name, cu.Honorific
	if d.Customer != nil { // as printed on the PDF
		name, honorific = d.Customer.Name, d.Customer.Honorific
	}
	values := map[string]string{"number": d.Number, "customer": addressee(name, honorific, lang),
		"company": co.Name, "total": d.Totals.Total.Format(cur), "due_date": due, "kind": pdf.Title(lang, d.Kind)}
	tpl := settings.Template(lang)
	m.Subject, m.Body = fill(tpl.Subject, values, false), fill(tpl.Body, values, true)

	opts, err := pdf.OptionsFor(ctx, st, d)
	opts.Electronic = true // a mailed receipt needs no revenue stamp, and says so
	if err != nil {
		return Message{}, err
	}
	var buf bytes.Buffer
	if err := pdf.Render(&buf, d, opts); err != nil {
		return Message{}, err
	}
	m.AttachmentName, m.Attachment = pdf.FileName(d), buf.Bytes()
	m.Kept = pdf.DocumentSent(d)
	return m, nil
}

// ComposeReminder makes the payment reminder mail to a customer: the
// reminder PDF of its invoices overdue as of asOf (see pdf.BuildReminder),
// asking for payment by payBy. invoiceID is the invoice the reminder was
// started from (0: the account as a whole); it is what the log entries point
// at, dated the day the reminder is written.
func ComposeReminder(ctx context.Context, st *store.Store, customerID, invoiceID int64, asOf, payBy time.Time) (Message, error) {
	r, err := pdf.BuildReminder(ctx, st, customerID, asOf, payBy)
	if err != nil {
		return Message{}, err
	}
	if len(r.Invoices) == 0 {
		return Message{}, &store.Error{Code: store.CodeInvalid, Reason: "reminder.nothing_overdue",
			Args: []any{r.Customer.Code, store.WidenKana(r.Customer.Name), store.FormatDate(r.AsOf)}}
	}
	cu, co, settings, err := parties(ctx, st, customerID)
	if err != nil {
		return Message{}, err
	}
	lang := cu.Language
	m, err := newMessage(store.MailReminder, cu, co, settings, lang)
	if err != nil {
		return Message{}, err
	}
	m.DocumentID = invoiceID
	cur, _ := store.CurrencyByCode(co.Currency)
	numbers := make([]string, len(r.Invoices))
	var open store.Money
	for i, inv := range r.Invoices {
		numbers[i] = inv.Number
		open += inv.Open
	}
	values := map[string]string{"number": strings.Join(numbers, ", "), "customer": addressee(cu.Name, cu.Honorific, lang),
		"company": co.Name, "total": open.Format(cur), "due_date": pdf.Date(lang, payBy), "kind": pdf.Title(lang, "reminder")}
	tpl := settings.Template(lang)
	m.Subject, m.Body = fill(tpl.ReminderSubject, values, false), fill(tpl.ReminderBody, values, true)

	var buf bytes.Buffer
	if err := pdf.RenderReminder(&buf, r); err != nil {
		return Message{}, err
	}
	m.AttachmentName, m.Attachment = pdf.ReminderFileName(cu.Code, r.AsOf), buf.Bytes()
	m.Reminder = &store.ReminderLog{CustomerID: customerID, InvoiceID: invoiceID, Date: r.Date,
		Method: store.RemindEmail, Note: m.To}
	m.Kept = pdf.ReminderSent(r)
	return m, nil
}

// parties loads who the mail goes to and comes from.
func parties(ctx context.Context, st *store.Store, customerID int64) (store.Customer, store.Company, store.MailSettings, error) {
	cu, err := st.Customer(ctx, customerID)
	if err != nil {
		return cu, store.Company{}, store.MailSettings{}, err
	}
	co, err := st.Company(ctx)
	if err != nil {
		return cu, co, store.MailSettings{}, err
	}
	settings, err := st.MailSettings(ctx)
	return cu, co, settings, err
}

// newMessage fills in the addresses: the customer's email (which must be
// there and valid) and the sender from the settings, else the company.
func newMessage(kind string, cu store.Customer, co store.Company, s store.MailSettings, lang string) (Message, error) {
	co = co.InLanguage(lang) // the sender's name as the customer's documents print it
	m := Message{Kind: kind, CustomerID: cu.ID, Lang: lang, To: strings.TrimSpace(cu.Email),
		ToName: store.WidenKana(cu.Name), From: s.From, FromName: s.FromName}
	if m.To == "" {
		return m, &store.Error{Code: store.CodeInvalid, Field: "email", Reason: "mail.no_email",
			Args: []any{cu.Code, store.WidenKana(cu.Name)}}
	}
	if !PlainAddress(m.To) {
		return m, &store.Error{Code: store.CodeInvalid, Field: "email", Reason: "mail.bad_email",
			Args: []any{cu.Code, m.To}}
	}
	if m.From == "" {
		m.From = co.Email
	}
	if m.FromName == "" {
		m.FromName = co.Name
	}
	if m.From == "" {
		return m, store.Invalid("from_address", "mail.no_from")
	}
	if !PlainAddress(m.From) {
		return m, store.Invalid("from_address", "email.format")
	}
	return m, nil
}

// PlainAddress reports one bare address (keiri@example.jp), nothing more:
// no name, no list, a dot in the domain.
func PlainAddress(s string) bool {
	a, err := netmail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.LastIndex(s, "@"):], ".")
}

// addressee is the customer as a mail names it: a person (様) with the
// honorific in Japanese; an organisation without its 御中, since a mail is
// read by a person, whom the templates greet as ご担当者様 (御中 and 様 at
// once is the classic double-honorific mistake). English takes none.
func addressee(name, honorific, lang string) string {
	name = store.WidenKana(name)
	if lang != "en" && honorific == store.HonorificPerson {
		return name + " " + honorific
	}
	return name
}

// placeholder is a {name}; compiled on first use, not at every start-up
// (issue 17).
var placeholder = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{([a-z_]+)\}`) })

// fill replaces the placeholders of tpl with values. In a body, a line that
// names placeholders which are all empty is left out ("お支払期限: {due_date}"
// in an estimate's mail), so one template fits every kind.
func fill(tpl string, values map[string]string, body bool) string {
	if !body {
		return strings.Join(strings.Fields(replace(tpl, values)), " ")
	}
	var out []string
	for line := range strings.SplitSeq(tpl, "\n") {
		names := placeholder().FindAllStringSubmatch(line, -1)
		empty := len(names) > 0
		for _, n := range names {
			if values[n[1]] != "" {
				empty = false
			}
		}
		if !empty {
			out = append(out, replace(line, values))
		}
	}
	return strings.Join(out, "\n")
}

func replace(s string, values map[string]string) string {
	return placeholder().ReplaceAllStringFunc(s, func(p string) string {
		if v, ok := values[p[1:len(p)-1]]; ok {
			return v
		}
		return p
	})
}
