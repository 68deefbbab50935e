package store

// A credit note (返品・値引き, 適格返還請求書) corrects one issued invoice
// (ARCHITECTURE.md §4, Credit notes). It belongs to that invoice's customer,
// is dated on or after it, carries only rates the invoice carries, and only
// takes away from what is owed: a line that adds to it would make the
// invoice's open amount exceed its total. What is open when it is issued is
// checked then (checkCreditFits), since payments move it.

// creditProblems checks the credit note d (its lines' rates and its totals
// computed) against inv, the document its CorrectsID names.
func creditProblems(d *Document, inv *Document) Errors {
	var ck checker
	if inv.Kind != KindInvoice || inv.Status != StatusIssued {
		ck.add("corrects", "document.credit_needs_invoice")
		return ck.errs
	}
	if d.CustomerID != inv.CustomerID {
		ck.add("customer", "credit.other_customer", inv.Number, inv.CustomerCode)
	}
	if !d.IssueDate.IsZero() && d.IssueDate.Before(inv.IssueDate) {
		ck.add("issue_date", "credit.before_invoice", inv.Number, FormatDate(inv.IssueDate))
	}
	rates := map[int]bool{}
	for _, l := range inv.Lines {
		if l.TaxCategory != "" {
			rates[l.TaxRate] = true
		}
	}
	for i, l := range d.Lines {
		if l.TaxCategory != "" && !rates[l.TaxRate] {
			ck.add(lineField(i, "tax_category"), "credit.rate_not_on_invoice", l.TaxRate, inv.Number)
		}
	}
	for _, t := range d.Totals.Taxes {
		if t.Gross < 0 {
			ck.add("lines", "credit.debit", t.Rate)
			break
		}
	}
	return ck.errs
}

// creditNoteProblems loads the invoice a credit note corrects and checks the
// note against it (creditProblems); nothing for other kinds.
func (tx *Tx) creditNoteProblems(d *Document) (Errors, error) {
	if d.Kind != KindCreditNote || d.CorrectsID == 0 {
		return nil, nil
	}
	inv, err := loadDocument(tx.ctx, tx, d.CorrectsID)
	if isNotFound(err) {
		return Errors{Invalid("corrects", "document.credit_needs_invoice")}, nil
	}
	if err != nil {
		return nil, err
	}
	return creditProblems(d, &inv), nil
}
