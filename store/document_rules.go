package store

import "time"

// Rules on a document's figures, checked when a draft is saved (SaveDraft,
// ImportDocuments) and again when it is issued, since a draft saved before a
// rule existed may break it.

// totalProblems refuses figures no document may have: a total beyond the
// bounds, and an invoice whose total is negative, which is what a credit
// note is for (the ledger's balances hold every invoice's total ≥ 0).
func totalProblems(d *Document) Errors {
	var ck checker
	ck.amount("total", d.Totals.Total)
	if d.Kind == KindInvoice && d.Totals.Total < 0 {
		ck.add("total", "document.negative_invoice")
	}
	return ck.errs
}

// dateBounds refuses each of the document's dates outside MinDate … MaxDate.
func (d *Document) dateBounds() Errors {
	var ck checker
	ck.date("issue_date", d.IssueDate)
	ck.date("valid_until", d.ValidUntil)
	ck.date("delivery_date", d.DeliveryDate)
	ck.date("closing_date", d.ClosingDate)
	ck.date("due_date", d.DueDate)
	return ck.errs
}

// EstimateValidDays is how long an estimate is valid when nobody says
// otherwise: the usual 見積有効期限 of about a month.
const EstimateValidDays = 30

// DefaultValidUntil is the valid-until date a new estimate issued on issue
// gets: what the editor fills in for a new estimate, and `import documents`
// for an estimate whose file has no valid_until key.
func DefaultValidUntil(issue time.Time) time.Time {
	return issue.AddDate(0, 0, EstimateValidDays)
}
