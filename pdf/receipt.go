package pdf

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/signintech/gopdf"

	"daicho/store"
)

// StampThreshold is the amount from which a paper receipt needs a revenue
// stamp (収入印紙, 印紙税法 別表第一 第17号文書: ¥50,000 and more).
const StampThreshold store.Money = 50000

// Stamp box, at the right margin level with the amount box (the space
// beside it is free on a receipt; placed under the title it covered the
// addressee's name).
const (
	stampBoxW = 22.0
	stampBoxH = 26.0
)

// NeedsStamp reports whether a receipt printed on paper needs the revenue
// stamp box.
func NeedsStamp(d store.Document, electronic bool) bool {
	return !electronic && d.Totals.Total >= StampThreshold
}

// renderReceipt writes a 領収書: the amount, the 但し書き (the receipt's
// line), the confirmation, the issuer with its registration number, the
// paid invoice's per-rate breakdown when opts carries it, and the stamp box
// or the electronic note.
func renderReceipt(w io.Writer, d store.Document, opts Options) error {
	p, co, lang, err := printedParties(d, opts)
	if err != nil {
		return err
	}
	cur, ok := store.CurrencyByCode(d.Currency)
	if !ok {
		return fmt.Errorf("pdf: document %s: unknown currency %q", docName(d), d.Currency)
	}
	l, rl := labelsFor(lang), receiptLabelsFor(lang)
	title := strings.TrimSpace(rl.title + " " + d.Number)
	// The document's strings, so the font's first cut has what it prints.
	hint := fmt.Sprint(d, d.Customer, d.Company, p, co, opts.InvoiceTaxes, rl, l, l.date(d.IssueDate))
	return renderFitted(w, hint, docInfo{title: title, author: co.Name, created: d.IssueDate}, watermarkOf(d),
		footer{left: title, page: l.page}, func(c *canvas) {
			c.titleBlock(rl.title, "")
			fields := []field{{l.number, d.Number}, {l.issueDate, l.date(d.IssueDate)}}
			c.partiesBlock(l, p, fields, co)
			amountTop := c.y
			c.amountBox(rl.amount, d.Totals.Total.Format(cur), l.taxIncluded, nil)
			if NeedsStamp(d, opts.Electronic) {
				c.stampBox(amountTop, rl.stamp)
			}
			purpose := ""
			if len(d.Lines) > 0 {
				purpose = d.Lines[0].Description
			}
			c.paragraph(rl.purpose+purpose, sizeHeading)
			c.paragraph(rl.confirm, sizeBody)
			if len(opts.InvoiceTaxes) > 0 {
				var parts []string
				for _, t := range opts.InvoiceTaxes {
					parts = append(parts, fmt.Sprintf(rl.breakdownItem, fmt.Sprintf(l.rateBaseIncl, t.Rate), t.Gross.Format(cur),
						l.rateTaxIncl, t.Tax.Format(cur)))
				}
				c.paragraph(rl.breakdown+": "+strings.Join(parts, rl.listSep), sizeBody)
			}
			if opts.Electronic {
				c.paragraph(rl.electronic, sizeBody)
			}
		})
}

// stampBox draws the framed place for the revenue stamp at the right
// margin from top, and moves the text below it.
func (c *canvas) stampBox(top float64, label string) {
	x := contentRight - stampBoxW
	c.frame(x, top, stampBoxW, stampBoxH, lineThin)
	c.setFont(sizeSmall)
	c.cell(x, top+stampBoxH/2-lineHeight(sizeSmall)/2, stampBoxW, label, gopdf.Center)
	c.y = max(c.y, top+stampBoxH+blockGap)
}

// receiptInvoiceTaxes is the per-rate breakdown a receipt prints: the paid
// invoice's, when the receipt's payment went wholly to one invoice whose
// total it equals (otherwise the invoice's rates say nothing exact about the
// amount received, and none is printed).
func receiptInvoiceTaxes(ctx context.Context, st *store.Store, d store.Document) ([]store.TaxLine, error) {
	paymentID, err := st.ReceiptPayment(ctx, d.ID)
	if err != nil || paymentID == 0 {
		return nil, err
	}
	_, allocs, err := st.Payment(ctx, paymentID)
	if err != nil {
		return nil, err
	}
	var live []store.Allocation
	for _, a := range allocs {
		if a.ReversesID == 0 && !a.Reversed {
			live = append(live, a)
		}
	}
	if len(live) != 1 || live[0].Amount != d.Totals.Total {
		return nil, nil
	}
	inv, err := st.Document(ctx, live[0].InvoiceID)
	if err != nil || inv.Totals.Total != d.Totals.Total {
		return nil, err
	}
	return inv.Totals.Taxes, nil
}
