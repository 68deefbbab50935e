// Package closing is the send step of the closing run (締め処理, issue 16):
// after store.RunClosing made the invoices, it mails every email (or both)
// customer its documents, in one message per customer with the mail
// settings' words in the customer's language (pdf/mail: SMTP, or .eml files
// without a server), and puts every post (or both) customer's documents into
// one print pack (pdf.RenderPrintPack: cover letter, documents, labels).
// Every PDF that leaves is handed to Options.Keep: the one place where the
// kept archive takes what was sent.
package closing

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"daicho/pdf"
	"daicho/pdf/mail"
	"daicho/store"
)

// Sent methods, as the archive records how a PDF went out.
const (
	SentMail  = "mail"
	SentPrint = "print"
)

// SentPDF is one PDF that left for a customer: its exact bytes and what
// they are.
type SentPDF struct {
	DocumentID   int64
	Number       string
	CustomerCode string
	Method       string // SentMail or SentPrint
	Bytes        []byte
}

// Options say how the run's documents are sent.
type Options struct {
	Date   time.Time   // the cover letters' date (the run's date when zero)
	Labels bool        // add the address-label sheet to the print pack
	Dir    string      // where the print pack goes ("": the exports folder)
	Sender mail.Sender // how mail goes (the zero Sender: the mail settings)
	// Keep receives every PDF that is mailed or put in the print pack, once
	// it has gone (mailed) or the pack is written. The kept archive plugs in
	// here; nil keeps nothing.
	Keep func(ctx context.Context, sent SentPDF) error
}

// Result is what the send step did.
type Result struct {
	Mailed   []store.MailLog // one per mailed customer
	Failed   []Failure       // customers whose mail did not go: the rest went
	Drafts   []string        // customers whose invoice is a draft: nothing is sent for them
	Posted   []string        // customers in the print pack (codes)
	PackPath string          // the print pack ("" when no one goes by post)
}

// Failure is a customer whose documents could not be mailed.
type Failure struct {
	CustomerCode string
	Err          error
}

// Send mails and packs the documents of a closing run (plan as RunClosing
// returned it). A mail that fails is reported in Result.Failed and the
// others still go; a failure of the print pack or of Keep is returned.
func Send(ctx context.Context, st *store.Store, plan store.ClosingRunPlan, o Options) (Result, error) {
	var res Result
	if o.Date.IsZero() {
		o.Date = plan.Date
	}
	if o.Sender.ExportsDir == "" {
		o.Sender.ExportsDir = o.Dir // .eml files (no mail server) beside the pack
	}
	company, err := st.Company(ctx)
	if err != nil {
		return res, err
	}
	var pack []pdf.PackEntry
	var packed []SentPDF
	for _, p := range plan.Invoices {
		if p.Invoice.ID == 0 {
			continue
		}
		d, err := st.Document(ctx, p.Invoice.ID)
		if err != nil {
			return res, err
		}
		if d.Status != store.StatusIssued {
			res.Drafts = append(res.Drafts, p.Customer.Code)
			continue
		}
		if p.Customer.Mails() {
			if err := mailOne(ctx, st, d, p.Customer, o, &res); err != nil {
				return res, err
			}
		}
		if p.Customer.Posts() {
			body, err := render(ctx, st, d)
			if err != nil {
				return res, err
			}
			cur, _ := store.CurrencyByCode(d.Currency)
			total := d.Totals.Total
			if d.CarryForward != nil {
				total = d.CarryForward.Billed // what the customer is asked to pay
			}
			pack = append(pack, pdf.PackEntry{Recipient: p.Customer.Recipient(), Lang: p.Customer.Language,
				Documents: []pdf.PackDocument{{Kind: d.Kind, Number: d.Number, Total: total.Format(cur), PDF: body}}})
			packed = append(packed, SentPDF{DocumentID: d.ID, Number: d.Number, CustomerCode: p.Customer.Code,
				Method: SentPrint, Bytes: body})
			res.Posted = append(res.Posted, p.Customer.Code)
		}
	}
	if len(pack) == 0 {
		return res, nil
	}
	dir := o.Dir
	if dir == "" {
		dir = pdf.ExportsDir(company, st.Path())
	}
	ex := pdf.Exporter{Dir: dir, Force: true}
	name := fmt.Sprintf("print_pack_%s.pdf", o.Date.Format("20060102"))
	res.PackPath, err = ex.Write(name, func(w io.Writer) error {
		return pdf.RenderPrintPack(w, pdf.PrintPack{Date: o.Date, Company: company, Entries: pack, Labels: o.Labels})
	})
	if err != nil {
		return res, err
	}
	for _, s := range packed {
		if err := keep(ctx, st, o, s); err != nil {
			return res, err
		}
	}
	return res, nil
}

// mailOne mails one customer its invoice; a failure to compose or send is
// the customer's (Result.Failed), a failure to log or keep is returned.
func mailOne(ctx context.Context, st *store.Store, d store.Document, cu store.Customer, o Options, res *Result) error {
	m, err := mail.ComposeDocument(ctx, st, d.ID)
	if err != nil {
		res.Failed = append(res.Failed, Failure{CustomerCode: cu.Code, Err: err})
		return nil
	}
	log, err := o.Sender.Send(ctx, st, m)
	var notLogged *mail.NotLoggedError
	if errors.As(err, &notLogged) {
		return err // it went: it must not go again blindly
	}
	if err != nil {
		res.Failed = append(res.Failed, Failure{CustomerCode: cu.Code, Err: err})
		return nil
	}
	res.Mailed = append(res.Mailed, log)
	return keep(ctx, st, o, SentPDF{DocumentID: d.ID, Number: d.Number, CustomerCode: cu.Code, Method: SentMail,
		Bytes: m.Attachment})
}

// keep hands a sent PDF's exact bytes to the archive (電子帳簿保存法): the
// one call site through which everything the closing run sends passes. The
// kept archive of the store unless Options.Keep says otherwise.
func keep(ctx context.Context, st *store.Store, o Options, s SentPDF) error {
	if o.Keep != nil {
		return o.Keep(ctx, s)
	}
	return st.ArchiveSent(ctx, &store.SentFile{DocumentID: s.DocumentID, Channel: s.Method,
		FileName: s.Number + ".pdf", PDF: s.Bytes})
}

// render is the document's PDF as it is printed.
func render(ctx context.Context, st *store.Store, d store.Document) ([]byte, error) {
	opts, err := pdf.OptionsFor(ctx, st, d)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := pdf.Render(&buf, d, opts); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
