package pdf

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"daicho/store"
)

// BuildStatement gathers a customer's statement of account for the days
// from–to (inclusive) from the ledger, dated today by the store's clock.
//
// The records count as they do in the customer's balance: issued invoices and
// credit notes (drafts are not owed yet and void ones never were), every
// payment record (a reversal is a negative one) and the shortfall
// adjustments of issued invoices. The opening balance is what the customer
// owed before from (store.BalanceBefore): invoices less credit notes,
// payments and adjustments dated before it. The entries are the records dated
// from–to, by date, then invoices (debits), credit notes, payments and
// adjustments (credits), then by number or in the order they were made. A
// payment's reversal is a negative credit, so the period's credits are what
// was really received. The closing balance is thus the customer's balance at
// the end of to: when nothing is dated later, Receivable − Unapplied of
// store.CustomerBalance.
//
// Payments and adjustments have no text of their own, so their descriptions
// are written here in the customer's language (the one the statement is
// printed in). The customer is printed as the master has it now (a statement
// is a new letter, unlike a reprint of an issued document).
func BuildStatement(ctx context.Context, st *store.Store, cu store.Customer, from, to time.Time) (Statement, error) {
	s := Statement{Customer: cu, From: from, To: to, Issued: store.Today(st.Now())}
	var err error
	if s.Company, err = st.Company(ctx); err != nil {
		return s, err
	}
	if s.Opening, err = st.BalanceBefore(ctx, cu.ID, from); err != nil {
		return s, err
	}

	var es []sortedEntry
	ds, err := st.DocumentSummaries(ctx, store.DocumentFilter{CustomerID: cu.ID, Status: store.StatusIssued,
		From: from, To: to})
	if err != nil {
		return s, err
	}
	for _, d := range ds {
		e := StatementEntry{Date: d.IssueDate, Number: d.Number, Description: d.Subject}
		switch d.Kind {
		case store.KindInvoice:
			e.Kind, e.Debit = EntryInvoice, d.Total
		case store.KindCreditNote:
			e.Kind, e.Credit = EntryCreditNote, d.Total
		default: // estimates and delivery notes ask for no money
			continue
		}
		es = append(es, sortedEntry{e, d.ID})
	}

	w := statementLabelsFor(cu.Language)
	ps, err := st.Payments(ctx, store.PaymentFilter{CustomerID: cu.ID, From: from, To: to})
	if err != nil {
		return s, err
	}
	for _, p := range ps {
		e := StatementEntry{Kind: EntryPayment, Date: p.Date, Description: w.payment(p), Credit: p.Amount}
		if p.ReversesID != 0 {
			e.Kind = EntryReversal
		}
		es = append(es, sortedEntry{e, p.ID})
	}

	as, err := st.CustomerAdjustments(ctx, cu.ID, from, to)
	if err != nil {
		return s, err
	}
	for _, a := range as {
		es = append(es, sortedEntry{StatementEntry{Kind: EntryAdjustment, Date: a.Date, Number: a.Number,
			Description: w.adjustment(a.Adjustment), Credit: a.Amount}, a.ID})
	}

	slices.SortFunc(es, func(a, b sortedEntry) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(entryOrder[a.Kind], entryOrder[b.Kind]),
			cmp.Compare(a.Number, b.Number), cmp.Compare(a.id, b.id))
	})
	for _, e := range es {
		s.Entries = append(s.Entries, e.StatementEntry)
	}
	return s, nil
}

// sortedEntry is an entry with the id of its record, the last key of the
// order (payments have no number; a reversal comes after its payment).
type sortedEntry struct {
	StatementEntry
	id int64
}

// entryOrder ranks the entries of one day: what was charged, then what was
// taken off it, then what was paid, then what was let off.
var entryOrder = map[string]int{EntryInvoice: 0, EntryCreditNote: 1, EntryPayment: 2, EntryReversal: 2,
	EntryAdjustment: 3}

// statementLabels are the words of the statement lines that have no text of
// their own (payments and adjustments); the shared words come from labels.
type statementLabels struct {
	received, reversed string            // a payment, a payment's reversal
	methods            map[string]string // by store.Pay…; none for PayOther
	withMethod         string            // "%s (%s)": the kind, then the method
	reference, reason  string            // "%s": the bank's reference, why it was reversed
	sep                string            // between the parts of a description
	adjustments        map[string]string // by store.Adjust…
}

func statementLabelsFor(lang string) *statementLabels {
	if lang == "en" {
		return statementEnglish()
	}
	return statementJapanese()
}

// Made on first use, as labels (labels.go).
var statementJapanese = sync.OnceValue(func() *statementLabels {
	return &statementLabels{
		received: "ご入金", reversed: "ご入金取消",
		methods: map[string]string{store.PayBankTransfer: "振込", store.PayCash: "現金", store.PayCard: "カード",
			store.PayDirectDebit: "口座振替"},
		withMethod: "%s（%s）", reference: "照会番号 %s", reason: "理由：%s", sep: " ",
		adjustments: map[string]string{store.AdjustTransferFee: "振込手数料", store.AdjustDiscount: "値引", store.AdjustBadDebt: "貸倒処理"},
	}
})

var statementEnglish = sync.OnceValue(func() *statementLabels {
	return &statementLabels{
		received: "Payment", reversed: "Payment reversed",
		methods: map[string]string{store.PayBankTransfer: "bank transfer", store.PayCash: "cash", store.PayCard: "card",
			store.PayDirectDebit: "direct debit"},
		withMethod: "%s (%s)", reference: "ref. %s", reason: "reason: %s", sep: ", ",
		adjustments: map[string]string{store.AdjustTransferFee: "Transfer fee", store.AdjustDiscount: "Discount", store.AdjustBadDebt: "Written off"},
	}
})

// payment describes a payment or its reversal: what it is and the method on
// the first line, then the payer as the bank named it (often not the
// customer's own name: a parent company, a person), the bank's reference
// and, for a reversal, why. The line break keeps the narrow description
// column from cutting a payer's name or a reference in two.
func (w *statementLabels) payment(p store.Payment) string {
	head := w.received
	if p.ReversesID != 0 {
		head = w.reversed
	}
	if m := w.methods[p.Method]; m != "" {
		head = fmt.Sprintf(w.withMethod, head, m)
	}
	var details []string
	if p.PayerName != "" {
		details = append(details, p.PayerName)
	}
	if p.Reference != "" {
		details = append(details, fmt.Sprintf(w.reference, p.Reference))
	}
	if p.Reason != "" {
		details = append(details, fmt.Sprintf(w.reason, p.Reason))
	}
	if len(details) == 0 {
		return head
	}
	return head + "\n" + strings.Join(details, w.sep)
}

// adjustment names what closed a shortfall (the invoice's number is the
// entry's number), with the reason when one was given.
func (w *statementLabels) adjustment(a store.Adjustment) string {
	if a.Reason == "" {
		return w.adjustments[a.Kind]
	}
	return w.adjustments[a.Kind] + w.sep + a.Reason
}
