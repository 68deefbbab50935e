// Package pdf prints daicho's documents (estimates, delivery notes,
// invoices, credit notes), statements of account and payment reminders as
// A4 PDFs, in Japanese or English, on one shared layout (layout.go, blocks.go,
// table.go, summary.go) with an embedded Japanese font (font.go).
//
// Rendering reads only what it is given and never the database; the same
// input always gives the same bytes.
package pdf

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"daicho/store"
)

// Options carries what a draft prints from: a draft has no snapshot yet, so
// it shows the customer and company as they are now. Issued documents ignore
// both and print their own snapshot.
type Options struct {
	Customer store.Customer // the current customer: used only for drafts
	Company  store.Company  // the current company: used only for drafts

	// Receipts (領収書). Electronic: the receipt is sent electronically
	// (mailed), so it carries the note that no revenue stamp is needed
	// instead of the stamp box a paper one of ¥50,000 or more has.
	// InvoiceTaxes: the per-rate breakdown of the invoice the receipt's
	// payment paid in full, printed on the receipt (none: not printed).
	Electronic   bool
	InvoiceTaxes []store.TaxLine
}

// Watermarks: a draft is not a document to send, and a void one no longer
// counts; both say so across the page, in both languages as they are meant
// for the office as much as for the customer.
const (
	markDraft = "DRAFT / 下書き"
	markVoid  = "VOID / 無効"
)

// Line table columns, in millimetres; the description takes what is left.
const (
	colNoW        = 10.0
	colQuantityW  = 18.0
	colUnitW      = 14.0
	colUnitPriceW = 26.0
	colAmountW    = 28.0
	colDescW      = contentWidth - colNoW - colQuantityW - colUnitW - colUnitPriceW - colAmountW
)

// reducedMark follows the description of a reduced-rate line (軽減税率).
const reducedMark = " ※"

// Render writes the PDF of one document: an issued one prints only its
// snapshot (d.Customer, d.Company), so a reprint years later is the same
// document; a draft prints from the current customer and company given in
// opts, with a diagonal "DRAFT / 下書き" watermark and no number.
func Render(w io.Writer, d store.Document, opts Options) error {
	if d.Kind == store.KindReceipt {
		return renderReceipt(w, d, opts)
	}
	p, co, lang, err := printedParties(d, opts)
	if err != nil {
		return err
	}
	cur, ok := store.CurrencyByCode(d.Currency)
	if !ok {
		return fmt.Errorf("pdf: document %s: unknown currency %q", docName(d), d.Currency)
	}
	l := labelsFor(lang)
	if _, ok := l.titles[d.Kind]; !ok {
		return fmt.Errorf("pdf: document %s: unknown kind %q", docName(d), d.Kind)
	}
	f := footer{left: strings.TrimSpace(l.titles[d.Kind] + " " + d.Number), page: l.page}
	// Every string the document may print, so the font's first cut
	// usually has all it needs (a character left out costs another pass).
	hint := fmt.Sprint(d, d.Customer, d.Company, p, co, l, carryLabelsFor(lang), l.date(d.IssueDate))
	return renderFitted(w, hint, documentInfo(d, l, co), watermarkOf(d), f, func(c *canvas) {
		drawDocument(c, d, l, p, co, lang, cur)
	})
}

// drawDocument lays document d out on c.
func drawDocument(c *canvas, d store.Document, l *labels, p party, co store.Company, lang string, cur store.Currency) {
	c.titleBlock(l.titles[d.Kind], l.subtitle[d.Kind])
	c.partiesBlock(l, p, documentFields(d, l), co)
	c.paragraph(l.greeting[d.Kind], sizeBody)
	c.subjectLine(l, d.Subject)
	if cf := d.CarryForward; cf != nil && d.Kind == store.KindInvoice {
		cl := carryLabelsFor(lang)
		c.amountBox(cl.amount, cf.Billed.Format(cur), l.taxIncluded, nil)
		c.carryForwardBlock(cl, cf, cur)
	} else {
		c.amountBox(l.amount[d.Kind], d.Totals.Total.Format(cur), l.taxIncluded, nil)
	}
	c.sourceList(l, deliveryNotesOf(d))
	c.table(lineColumns(l, d.PriceMode == store.PriceInclusive), lineRows(d, cur))
	var accounts []store.BankAccount
	if d.Kind == store.KindInvoice {
		accounts = co.BankAccounts
	}
	side := c.legendAndBank(l, hasReduced(d.Lines), accounts)
	c.closingBlock(taxSummary(l, d.Totals, d.PriceMode, cur), side, d.Notes, l)
}

// printedParties picks the customer and company a document prints: its
// snapshot once issued, the current ones (from opts) while a draft.
func printedParties(d store.Document, opts Options) (party, store.Company, string, error) {
	if !isDraft(d) {
		if d.Customer == nil || d.Company == nil {
			return party{}, store.Company{}, "", fmt.Errorf("pdf: document %s has no customer or company snapshot", docName(d))
		}
		s := d.Customer
		return party{s.Name, s.Honorific, s.PostalCode, s.Address1, s.Address2, s.Department, s.Contact}, *d.Company, s.Language, nil
	}
	if opts.Customer.ID != d.CustomerID {
		return party{}, store.Company{}, "", fmt.Errorf("pdf: draft %s is for customer %d, but customer %d was given",
			docName(d), d.CustomerID, opts.Customer.ID)
	}
	if opts.Company.Name == "" {
		return party{}, store.Company{}, "", errors.New("pdf: a draft needs the company settings to print")
	}
	return customerParty(opts.Customer), opts.Company, opts.Customer.Language, nil
}

// customerParty is the customer master as printed.
func customerParty(c store.Customer) party {
	return party{c.Name, c.Honorific, c.PostalCode, c.Address1, c.Address2, c.Department, c.Contact}
}

// docName names a document in errors: its number, or "draft 12".
func docName(d store.Document) string {
	if d.Number != "" {
		return d.Number
	}
	return fmt.Sprintf("draft %d", d.ID)
}

// isDraft: a document fresh from SaveDraft has no status yet; it is a
// draft all the same.
func isDraft(d store.Document) bool { return d.Status == store.StatusDraft || d.Status == "" }

func watermarkOf(d store.Document) string {
	switch {
	case isDraft(d):
		return markDraft
	case d.Status == store.StatusVoid:
		return markVoid
	}
	return ""
}

// documentInfo is the PDF metadata. The creation date is the moment the
// document was issued (or, for a draft, its issue date): a fixed property of
// the document, so printing it again gives the same bytes.
func documentInfo(d store.Document, l *labels, co store.Company) docInfo {
	created := d.IssuedAt
	if created.IsZero() {
		created = d.IssueDate
	}
	return docInfo{title: strings.TrimSpace(l.titles[d.Kind] + " " + d.Number), author: co.Name,
		subject: d.Subject, created: created}
}

// documentFields are the number and the dates a kind prints at the top
// right; a draft has no number yet, and dates not set are left out.
func documentFields(d store.Document, l *labels) []field {
	var fs []field
	add := func(label, value string) {
		if value != "" {
			fs = append(fs, field{label, value})
		}
	}
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return l.date(t)
	}
	add(l.number, d.Number)
	add(l.issueDate, date(d.IssueDate))
	switch d.Kind {
	case store.KindEstimate:
		add(l.validUntil, date(d.ValidUntil))
	case store.KindDeliveryNote:
		add(l.deliveryDate, date(d.DeliveryDate))
	case store.KindInvoice:
		if !d.ClosingDate.Equal(d.IssueDate) || len(deliveryNotesOf(d)) > 0 {
			add(l.closingDate, date(d.ClosingDate))
		}
		add(l.dueDate, date(d.DueDate))
	case store.KindCreditNote:
		add(l.corrects, correctedInvoice(d, l))
	}
	add(l.replaces, d.Revises)
	return fs
}

// correctedInvoice names the invoice a credit note corrects, with its date
// (a 適格返還請求書 must show the date of the sale it returns). The document
// has only the invoice's id (CorrectsID); its number and date come from the
// sources, where the invoice is.
func correctedInvoice(d store.Document, l *labels) string {
	for _, s := range d.Sources {
		if s.ID == d.CorrectsID && s.Number != "" {
			return s.Number + " (" + l.date(s.IssueDate) + ")"
		}
	}
	return ""
}

// deliveryNotesOf lists the delivery notes a closing invoice (締め請求) was
// made from.
func deliveryNotesOf(d store.Document) []store.DocRef {
	if d.Kind != store.KindInvoice {
		return nil
	}
	var out []store.DocRef
	for _, s := range d.Sources {
		if s.Kind == store.KindDeliveryNote {
			out = append(out, s)
		}
	}
	return out
}

// sourceList prints the delivery notes a closing invoice covers, by number
// and date, above the table.
func (c *canvas) sourceList(l *labels, dns []store.DocRef) {
	if len(dns) == 0 {
		return
	}
	items := make([]string, len(dns))
	for i, dn := range dns {
		items[i] = fmt.Sprintf("%s (%s)", dn.Number, l.date(dn.IssueDate))
	}
	c.paragraph(l.deliveryNotes+": "+strings.Join(items, ", "), sizeBody)
	c.y += smallGap
}

// lineColumns are the line table's columns; with tax-inclusive prices the
// price headers say so, as the figures under them include tax.
func lineColumns(l *labels, inclusive bool) []column {
	suffix := ""
	if inclusive {
		suffix = l.inclusive
	}
	return []column{
		{label: l.colNo, width: colNoW, align: alignRight},
		{label: l.colDescription, width: colDescW, align: alignLeft, wraps: true},
		{label: l.colQuantity, width: colQuantityW, align: alignRight},
		{label: l.colUnit, width: colUnitW, align: alignCenter},
		{label: l.colUnitPrice + suffix, width: colUnitPriceW, align: alignRight},
		{label: l.colAmount + suffix, width: colAmountW, align: alignRight},
	}
}

// lineRows are the document's lines as table rows, ※ marking reduced-rate
// lines.
func lineRows(d store.Document, cur store.Currency) []row {
	rows := make([]row, len(d.Lines))
	for i, ln := range d.Lines {
		desc := ln.Description
		if store.IsReducedRate(ln.TaxCategory) {
			desc += reducedMark
		}
		rows[i] = row{cells: []string{fmt.Sprint(i + 1), desc, ln.Quantity.String(), ln.Unit,
			ln.UnitPrice.Plain(cur), ln.Amount.Plain(cur)}}
	}
	return rows
}

func hasReduced(lines []store.Line) bool {
	for _, ln := range lines {
		if store.IsReducedRate(ln.TaxCategory) {
			return true
		}
	}
	return false
}
