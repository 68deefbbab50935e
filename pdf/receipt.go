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

// Stamp box, in the top-left corner under the title.
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
			titleTop := c.y
			c.titleBlock(rl.title, "")
			if NeedsStamp(d, opts.Electronic) {
				c.stampBox(titleTop, rl.stamp)
			}
			fields := []field{{l.number, d.Number}, {l.issueDate, l.date(d.IssueDate)}}
			c.partiesBlock(l, p, fields, co)
			c.amountBox(rl.amount, d.Totals.Total.Format(cur), l.taxIncluded, nil)
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

// stampBox draws the framed place for the revenue stamp in the top-left
// corner, level with the title.
func (c *canvas) stampBox(top float64, label string) {
	c.frame(marginLeft, top, stampBoxW, stampBoxH, lineThin)
	c.setFont(sizeSmall)
	c.cell(marginLeft, top+stampBoxH/2-lineHeight(sizeSmall)/2, stampBoxW, label, gopdf.Center)
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
