package store

import (
	"strings"
	"time"
)

// The sources of an imported document (what `import documents` reads as
// "sources"): the documents it is made from, held to the rules of the
// editor's conversions. A delivery note or an invoice is made from one issued
// or accepted estimate (ConvertEstimate), an invoice also from issued
// delivery notes no live invoice takes yet (CreateClosingInvoice), a credit
// note from its invoice (CreateCreditNote; creditProblems holds it to its
// invoice); an estimate from nothing. Sources are the same customer's, with
// the same price mode. A document whose file gives no lines takes them from
// its sources as the conversion would (what is left of the estimate, every
// line of the delivery notes or of the invoice); one that gives lines has
// each line that matches a source line (product, description, unit, unit
// price, tax category; the whole quantity of a delivery note's) linked to it,
// within what is left of an estimate line; the others are lines of their own,
// like a line added in the editor. Within one batch, documents count what
// the earlier ones take.

// sourcesBatch is what the documents of a batch checked so far take. The
// documents already written are in the database too: taken counts only
// those that are not (see writtenTakes), so nothing is counted twice.
type sourcesBatch struct {
	taken  map[int64]Quantity // estimate line → quantity taken by documents not written
	dnOn   map[int64]int      // delivery note → position (1-based) of the document taking it
	taking []lineTake         // what the document checked last takes of estimate lines
}

// lineTake is a quantity a document takes of an estimate line.
type lineTake struct {
	lineID int64
	qty    Quantity
}

// take records that the document being checked takes qty of the estimate
// line lineID.
func (im *importer) take(lineID int64, qty Quantity) {
	im.batch.taken[lineID] += qty
	im.batch.taking = append(im.batch.taking, lineTake{lineID, qty})
}

// writtenTakes is called once a document is written, with what it takes
// (its takes, the taking of its check): from now on the database counts
// them.
func (im *importer) writtenTakes(takes []lineTake) {
	for _, t := range takes {
		im.batch.taken[t.lineID] -= t.qty
	}
}

// checkSources checks d's sources and sets its lines' links (filling its
// lines when the file gave none); pos is d's position in the batch. A
// credit note's CorrectsID and Sources are made to agree first.
func (im *importer) checkSources(d *Document, pos int) (Errors, error) {
	if d.Kind == KindCreditNote {
		switch {
		case len(d.Sources) == 0 && d.CorrectsID != 0:
			d.Sources = []DocRef{{ID: d.CorrectsID}}
		case len(d.Sources) > 1 || (len(d.Sources) == 1 && d.CorrectsID != 0 && d.CorrectsID != d.Sources[0].ID):
			return Errors{Invalid("sources", "document.credit_one_invoice")}, nil
		case len(d.Sources) == 1:
			d.CorrectsID = d.Sources[0].ID
		}
	}
	if len(d.Sources) == 0 {
		return nil, nil
	}
	if d.Kind == KindEstimate {
		return Errors{Invalid("sources", "document.no_sources", d.Kind)}, nil
	}
	srcs := make([]*Document, 0, len(d.Sources))
	for _, ref := range d.Sources {
		src, err := im.document(ref.ID)
		if err != nil {
			return nil, err
		}
		if src == nil {
			return Errors{Invalid("sources", "document.not_found", ref.Number)}, nil
		}
		srcs = append(srcs, src)
	}
	if d.Kind == KindCreditNote { // creditProblems checks the invoice
		if len(d.Lines) == 0 && srcs[0].Kind == KindInvoice {
			d.Lines = copiedLines(srcs[0].Lines)
		}
		return nil, nil
	}
	errs, err := im.sourceProblems(d, srcs, pos)
	if err != nil || len(errs) > 0 {
		return errs, err
	}
	if len(d.Lines) == 0 {
		return im.fillFromSources(d, srcs)
	}
	return im.linkLines(d, srcs)
}

// sourceProblems checks what a delivery note or an invoice is made from.
func (im *importer) sourceProblems(d *Document, srcs []*Document, pos int) (Errors, error) {
	var ck checker
	estimates, deliveryNotes := 0, 0
	if d.PriceMode == "" {
		d.PriceMode = srcs[0].PriceMode // as the conversions take it over
	}
	for _, src := range srcs {
		switch {
		case src.Kind == KindEstimate:
			estimates++
			if src.Status != StatusIssued && src.Status != StatusAccepted {
				ck.add("sources", "document.convert_needs_issued", src.Number)
			}
		case src.Kind == KindDeliveryNote && d.Kind == KindInvoice:
			deliveryNotes++
			problem, err := im.deliveryNoteTaken(src, pos)
			if err != nil {
				return nil, err
			}
			if problem != nil {
				ck.errs = append(ck.errs, problem)
			}
		default:
			ck.add("sources", "document.source_kind", src.Number)
			continue
		}
		if src.CustomerID != d.CustomerID {
			ck.add("sources", "document.source_other_customer", src.Number, src.CustomerCode)
		}
		if src.PriceMode != d.PriceMode {
			ck.add("price_mode", "document.source_price_mode", src.Number)
		}
	}
	switch {
	case estimates > 0 && deliveryNotes > 0:
		ck.add("sources", "document.sources_mixed")
	case estimates > 1:
		ck.add("sources", "document.one_estimate")
	case deliveryNotes > 0 && len(ck.errs) == 0:
		if err := im.oneCycle(d, srcs, &ck); err != nil {
			return nil, err
		}
	}
	return ck.errs, nil
}

// oneCycle holds a closing invoice to one billing cycle of its customer, as
// the documents screen does (closing_cycle.go): every delivery note it takes
// falls in the cycle its closing date closes. Without a closing date the
// invoice takes the cycle of its delivery notes.
func (im *importer) oneCycle(d *Document, dns []*Document, ck *checker) error {
	c, err := im.customer(d.CustomerID)
	if err != nil || c == nil {
		return err // an unknown customer is refused on its own field
	}
	terms := c.Terms()
	closing := d.ClosingDate
	if closing.IsZero() {
		closing, _ = terms.ClosingAndDue(deliveredOn(dns[0]))
		d.ClosingDate = closing
	} else {
		closing, _ = terms.ClosingAndDue(closing)
	}
	after := terms.PreviousClosing(closing)
	for _, dn := range dns {
		if on := deliveredOn(dn); on.After(closing) || !on.After(after) {
			other, _ := terms.ClosingAndDue(on)
			ck.add("sources", "document.dn_other_cycle", dn.Number, FormatDate(other), FormatDate(closing))
		}
	}
	return nil
}

// deliveredOn is the day a delivery note counts in its cycle from.
func deliveredOn(dn *Document) time.Time {
	if !dn.DeliveryDate.IsZero() {
		return dn.DeliveryDate
	}
	return dn.IssueDate
}

// deliveryNoteTaken refuses a delivery note that is not issued or that a
// live invoice, or an earlier document of the batch, already takes; else it
// records that the document at pos takes it.
func (im *importer) deliveryNoteTaken(dn *Document, pos int) (*Error, error) {
	if dn.Status != StatusIssued {
		return Invalid("sources", "document.source_not_issued", dn.Number), nil
	}
	// The batch first: a document of the batch that took it may be written
	// already, and the database would name that one as a live invoice.
	if p, ok := im.batch.dnOn[dn.ID]; ok && p != pos {
		return Invalid("sources", "document.dn_in_batch", dn.Number, p), nil
	}
	other, taken, err := im.tx.deliveryNoteInvoicedBy(dn.ID, 0)
	if err != nil {
		return nil, err
	}
	if taken {
		return Invalid("sources", "document.dn_already_invoiced", dn.Number, other), nil
	}
	im.batch.dnOn[dn.ID] = pos
	return nil, nil
}

// fillFromSources gives a document without lines those of its sources:
// what is left of each estimate line, every line of the delivery notes.
func (im *importer) fillFromSources(d *Document, srcs []*Document) (Errors, error) {
	for _, src := range srcs {
		if src.Kind != KindEstimate {
			d.Lines = append(d.Lines, copiedLines(src.Lines)...)
			continue
		}
		for _, l := range src.Lines {
			left, err := im.leftOf(l)
			if err != nil {
				return nil, err
			}
			if left > 0 {
				line := copiedLines([]Line{l})[0]
				line.Quantity = left
				d.Lines = append(d.Lines, line)
				im.take(l.ID, left)
			}
		}
		if len(d.Lines) == 0 {
			return Errors{Invalid("sources", "document.nothing_remaining", src.Number)}, nil
		}
	}
	return nil, nil
}

// linkLines links each of the file's lines that matches a source line to
// it, and refuses more of an estimate line than is left of it.
func (im *importer) linkLines(d *Document, srcs []*Document) (Errors, error) {
	var errs Errors
	used := map[int64]bool{} // delivery note lines taken whole by an earlier line
	for i := range d.Lines {
		l := &d.Lines[i]
		src, sl := matchSourceLine(*l, srcs, used)
		if sl == nil {
			continue
		}
		l.SourceLineID, l.CostPrice, l.ProductCode = sl.ID, sl.CostPrice, sl.ProductCode
		if src.Kind != KindEstimate {
			used[sl.ID] = true
			continue
		}
		left, err := im.leftOf(*sl)
		if err != nil {
			return nil, err
		}
		switch {
		case l.Quantity < 0:
			errs = append(errs, Invalid(lineField(i, "quantity"), "quantity.negative"))
		case l.Quantity > left:
			errs = append(errs, Invalid(lineField(i, "quantity"), "document.exceeds_remaining", max(left, 0).String()))
		default:
			im.take(sl.ID, l.Quantity)
		}
	}
	return errs, nil
}

// matchSourceLine finds the source line l was made from: the same product,
// description, unit, unit price and tax category (and, for a delivery note,
// the whole quantity), not used yet.
func matchSourceLine(l Line, srcs []*Document, used map[int64]bool) (*Document, *Line) {
	for _, src := range srcs {
		for j := range src.Lines {
			sl := &src.Lines[j]
			if used[sl.ID] || sl.ProductID != l.ProductID || sl.Description != strings.TrimSpace(l.Description) ||
				sl.Unit != strings.TrimSpace(l.Unit) || sl.UnitPrice != l.UnitPrice || sl.TaxCategory != l.TaxCategory {
				continue
			}
			if src.Kind == KindEstimate || sl.Quantity == l.Quantity {
				return src, sl
			}
		}
	}
	return nil, nil
}

// leftOf is what is left of an estimate line: its quantity less what live
// documents and the batch's earlier documents take.
func (im *importer) leftOf(l Line) (Quantity, error) {
	var taken Quantity
	if err := im.QueryRowContext(im.tx.ctx, sqlImportTaken, l.ID).Scan(&taken); err != nil {
		return 0, err
	}
	return l.Quantity - taken - im.batch.taken[l.ID], nil
}

// sqlImportTaken is what live documents take of a source line (remaining).
const sqlImportTaken = `SELECT coalesce(sum(l.quantity), 0) FROM document_lines l
	JOIN documents d ON d.id = l.document_id WHERE l.source_line_id = ? AND d.status <> 'void'`

// copiedLines are lines copied from a source document, each linked to the
// line it came from, as the conversions copy them.
func copiedLines(lines []Line) []Line {
	out := make([]Line, len(lines))
	for i, l := range lines {
		l.SourceLineID, l.ID = l.ID, 0
		out[i] = l
	}
	return out
}
