package pdf

import (
	"cmp"
	"context"
	"slices"
	"time"

	"daicho/store"
)

// BuildStatement gathers a customer's statement of account for the days
// from–to (inclusive) from the ledger, dated today by the store's clock.
//
// Only issued documents count: drafts are not owed yet and void ones never
// were. The opening balance is what the customer owed before from: the
// issued invoices dated before it, less the issued credit notes dated before
// it. The entries are the invoices (debits) and credit notes (credits) issued
// from–to, by date, an invoice before a credit note of the same day, then by
// number. Payments are the other credits of a statement; the ledger records
// none yet, and once it does they join the entries by their date and lower
// the opening balance in the same way.
//
// The customer is printed as the master has it now (a statement is a new
// letter, unlike a reprint of an issued document).
func BuildStatement(ctx context.Context, st *store.Store, cu store.Customer, from, to time.Time) (Statement, error) {
	s := Statement{Customer: cu, From: from, To: to, Issued: store.Today(st.Now())}
	var err error
	if s.Company, err = st.Company(ctx); err != nil {
		return s, err
	}
	issued := store.DocumentFilter{CustomerID: cu.ID, Status: store.StatusIssued}

	before := issued
	before.To = from.AddDate(0, 0, -1)
	earlier, err := st.DocumentSummaries(ctx, before)
	if err != nil {
		return s, err
	}
	for _, d := range earlier {
		if s.Opening, err = addMoney(s.Opening, signedTotal(d)); err != nil {
			return s, err
		}
	}

	during := issued
	during.From, during.To = from, to
	ds, err := st.DocumentSummaries(ctx, during)
	if err != nil {
		return s, err
	}
	ds = slices.DeleteFunc(ds, func(d store.DocumentSummary) bool { return !owes(d) })
	slices.SortFunc(ds, func(a, b store.DocumentSummary) int {
		return cmp.Or(a.IssueDate.Compare(b.IssueDate), cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)),
			cmp.Compare(a.Number, b.Number))
	})
	for _, d := range ds {
		e := StatementEntry{Date: d.IssueDate, Number: d.Number, Description: d.Subject}
		if d.Kind == store.KindInvoice {
			e.Debit = d.Total
		} else {
			e.Credit = d.Total
		}
		s.Entries = append(s.Entries, e)
	}
	return s, nil
}

// owes reports the kinds a statement lists: invoices and credit notes
// (estimates and delivery notes ask for no money).
func owes(d store.DocumentSummary) bool {
	return d.Kind == store.KindInvoice || d.Kind == store.KindCreditNote
}

// signedTotal is what a document adds to the customer's balance: an
// invoice its total, a credit note minus its total, anything else nothing.
func signedTotal(d store.DocumentSummary) store.Money {
	switch d.Kind {
	case store.KindInvoice:
		return d.Total
	case store.KindCreditNote:
		return -d.Total
	}
	return 0
}

// kindOrder puts an invoice before a credit note dated the same day.
func kindOrder(kind string) int {
	if kind == store.KindInvoice {
		return 0
	}
	return 1
}
