package tui

import (
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// A write-off closes what is left on an invoice (the overdue screen and the
// invoice view, key W): the kind (transfer fee, discount, bad debt), the
// amount (what is open unless changed, never more) and the reason. The store
// is asked first whether anything is open, so the questions are never asked
// only to be refused. A discount from ¥10,000 calls for a 返還インボイス under
// the qualified-invoice rules: the dialog offers a credit note draft
// instead, opened in the documents tab to check and issue.

// writeOffDoneMsg reports a write-off (or the credit note made instead): the
// screens showing the invoice reload it, the text goes to the status line.
type writeOffDoneMsg struct {
	invoiceID int64
	text      string
	err       error
}

// creditNoteDraftMsg is the credit note draft made instead of a discount:
// the root brings the documents tab forward, then passes the docChangedMsg
// on, so the draft opens there in the editor to check and issue.
type creditNoteDraftMsg struct{ docChangedMsg }

// askWriteOff asks the store whether invoiceID has anything open, then the
// kind, amount and reason of the write-off.
func askWriteOff(e env, invoiceID int64) tea.Cmd {
	st, ctx := e.st, e.ctx
	var b store.InvoiceBalance
	return askIfAllowed(func() error {
		var err error
		b, err = st.WriteOffCheck(ctx, invoiceID)
		return err
	}, func() tea.Cmd { return writeOffKind(e, b) })
}

func writeOffKind(e env, b store.InvoiceBalance) tea.Cmd {
	opts := make([]option, 0, len(store.WriteOffKinds))
	for i, kind := range store.WriteOffKinds {
		opts = append(opts, option{key: string(rune('1' + i)), label: e.p.T("writeoff.kind." + kind),
			run: func() tea.Cmd { return writeOffAmount(e, b, kind) }})
	}
	return e.choose(e.p.T("writeoff.ask_kind", b.Number, b.Open.Format(e.currency())), opts...)
}

func writeOffAmount(e env, b store.InvoiceBalance, kind string) tea.Cmd {
	cur := e.currency()
	check := func(v string) error {
		m, err := store.ParseMoney(v, cur)
		switch {
		case err != nil:
			return err
		case m <= 0:
			return store.Invalid("amount", "money.positive")
		case m > b.Open:
			return store.Invalid("amount", "writeoff.exceeds_open", b.Number, b.Open.Format(cur))
		}
		return nil
	}
	question := e.p.T("writeoff.ask_amount", e.p.T("writeoff.kind."+kind), b.Number, b.Open.Format(cur))
	return e.prompt(question, e.money(b.Open), check, func(v string) tea.Cmd {
		amount, _ := store.ParseMoney(v, cur)
		if store.DiscountNeedsCreditNote(kind, amount, cur.Code) {
			return e.choose(e.p.T("writeoff.credit_note_offer", amount.Format(cur)),
				option{key: "c", label: e.p.T("writeoff.issue_credit_note"),
					run: func() tea.Cmd { return writeOffReason(e, b, kind, amount, true) }},
				option{key: "w", label: e.p.T("writeoff.discount_anyway"),
					run: func() tea.Cmd { return writeOffReason(e, b, kind, amount, false) }})
		}
		return writeOffReason(e, b, kind, amount, false)
	})
}

// writeOffReason asks why, then writes it off (or makes the credit note).
func writeOffReason(e env, b store.InvoiceBalance, kind string, amount store.Money, creditNote bool) tea.Cmd {
	st, ctx, p, cur := e.st, e.ctx, e.p, e.currency()
	return e.prompt(p.T("writeoff.ask_reason"), "", required, func(reason string) tea.Cmd {
		if creditNote {
			return func() tea.Msg {
				d, err := st.CreateDiscountCreditNote(ctx, b.InvoiceID, amount, reason)
				if err != nil {
					return writeOffDoneMsg{invoiceID: b.InvoiceID, err: err}
				}
				return creditNoteDraftMsg{docChangedMsg{id: d.ID, edit: true, status: p.T("writeoff.credit_note_made",
					b.Number, amount.Format(cur))}}
			}
		}
		return func() tea.Msg {
			w := store.WriteOff{InvoiceID: b.InvoiceID, Kind: kind, Amount: amount, Reason: reason}
			if _, err := st.WriteOffInvoice(ctx, w); err != nil {
				return writeOffDoneMsg{invoiceID: b.InvoiceID, err: err}
			}
			return writeOffDoneMsg{invoiceID: b.InvoiceID, text: p.T("writeoff.done", b.Number, amount.Format(cur),
				p.T("writeoff.kind."+kind))}
		}
	})
}
