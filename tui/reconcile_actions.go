package tui

import (
	"path/filepath"
	"slices"

	tea "charm.land/bubbletea/v2"

	"daicho/store"
	"daicho/store/exchange"
)

// The reconciliation's actions that take more than a key: accepting a
// fee-short deposit by the customer's transfer-fee policy, assigning by hand
// (asking before a payer name is learned), marking a deposit not a payment,
// importing a file.

// accept records the candidate. A deposit short of it by a fee (within the
// tolerance) is settled by the customer's transfer-fee policy: ours closes
// the fee, theirs leaves it open (and says so), ask asks.
func (v *reconcileView) accept(row *bankRow, cand store.Candidate) tea.Cmd {
	if cand.Fee <= 0 {
		return v.confirmMatch(row, cand, "")
	}
	switch cand.FeePolicy {
	case store.FeeOurs:
		return v.confirmMatch(row, cand, store.ClosedByPolicy)
	case store.FeeTheirs:
		return v.confirmMatch(row, cand, "")
	}
	fee := v.money(cand.Fee)
	return v.choose(v.p.T("rec.ask_fee", fee, cand.CustomerCode, store.FoldDisplay(cand.CustomerName)),
		option{key: "o", label: v.p.T("rec.ask_fee_ours", fee), run: func() tea.Cmd {
			return v.confirmMatch(row, cand, store.ClosedAsked)
		}},
		option{key: "t", label: v.p.T("rec.ask_fee_theirs", fee), run: func() tea.Cmd {
			return v.confirmMatch(row, cand, "")
		}})
}

// confirmMatch records the deposit as a payment allocated to the candidate's
// invoices, closing the fee shortfall when closedBy names the policy that
// closes it ("" leaves it open), and learns the payer name.
func (v *reconcileView) confirmMatch(row *bankRow, c store.Candidate, closedBy string) tea.Cmd {
	return v.record(row, c, closedBy, true)
}

func (v *reconcileView) record(row *bankRow, c store.Candidate, closedBy string, learn bool) tea.Cmd {
	st, ctx := v.st, v.ctx
	m := store.Match{LineID: row.ID, CustomerID: c.CustomerID, CloseFee: closedBy != "", FeePolicy: closedBy,
		KeepPayerUnknown: !learn}
	for _, inv := range c.Invoices {
		m.InvoiceIDs = append(m.InvoiceIDs, inv.InvoiceID)
	}
	amount := row.Amount
	var text string
	if c.Fee > 0 && closedBy == "" {
		text = v.p.T("rec.fee_left_open", v.money(c.Fee), c.CustomerCode)
	}
	return v.run(func() tea.Msg {
		_, err := st.ConfirmMatch(ctx, m)
		return bankDoneMsg{matched: amount, text: text, err: err}
	})
}

// assign matches a deposit by hand: pick the customer, then the invoice (or
// all its open invoices, oldest first); then, unless the customer already
// has it, ask whether to remember the payer's name for that customer (a
// stranger's name learned by mistake would make its next deposits "sure").
func (v *reconcileView) assign(row *bankRow) tea.Cmd {
	line := row.BankLine
	return v.pickCustomer(v.p.T("rec.pick_customer", v.money(line.Amount), line.PayerName), v.refs.customers, func(c store.CustomerSummary) tea.Cmd {
		open, err := v.st.InvoiceBalances(v.ctx, store.BalanceFilter{CustomerID: c.ID, OpenOnly: true})
		if err != nil {
			return statusErr(v.p.Error(err))
		}
		known, err := v.st.AliasesOf(v.ctx, c.ID)
		if err != nil {
			return statusErr(v.p.Error(err))
		}
		payer := store.NormalizePayer(line.PayerName)
		learned := payer == "" || slices.ContainsFunc(known, func(a store.PayerAlias) bool { return a.Alias == payer })
		items := []pickItem{{cells: []string{v.p.T("rec.all_open"), "", v.money(sumOpen(open))}, search: ""}}
		for _, inv := range open {
			items = append(items, pickItem{cells: []string{inv.Number, store.FormatDate(inv.DueDate), v.money(inv.Open)},
				search: store.FoldSearch(inv.Number)})
		}
		cols := []Column{{Title: v.p.T("docs.col_number"), Min: 14}, {Title: v.p.T("field.due_date"), Min: 10},
			{Title: v.p.T("pay.col_open"), Min: 11, Right: true}}
		return v.picker(v.p.T("rec.pick_invoice"), cols, items, "", func(i int) tea.Cmd {
			cand := store.Candidate{CustomerID: c.ID, CustomerCode: c.Code, Invoices: open}
			if i > 0 {
				cand.Invoices = open[i-1 : i]
			}
			if learned {
				return v.record(row, cand, "", true)
			}
			return v.choose(v.p.T("rec.ask_teach", line.PayerName, c.Code, store.FoldDisplay(c.Name)),
				option{key: "y", label: v.p.T("rec.teach_yes"), run: func() tea.Cmd { return v.record(row, cand, "", true) }},
				option{key: "n", label: v.p.T("rec.teach_no"), run: func() tea.Cmd { return v.record(row, cand, "", false) }})
		})
	})
}

func sumOpen(inv []store.InvoiceBalance) store.Money {
	var s store.Money
	for _, i := range inv {
		s += i.Open
	}
	return s
}

// askNotPayment asks why the deposit is no customer's payment (a refund,
// interest), then marks it so; h shows such deposits, where u undoes it.
func (v *reconcileView) askNotPayment(row *bankRow) tea.Cmd {
	return v.prompt(v.p.T("rec.not_payment_reason", v.money(row.Amount), row.PayerName), "", func(s string) error {
		if s == "" {
			return store.Invalid("reason", "required")
		}
		return nil
	}, func(reason string) tea.Cmd {
		st, ctx, id := v.st, v.ctx, row.ID
		text := v.p.T("rec.not_payment_status", v.money(row.Amount), row.PayerName)
		return v.run(func() tea.Msg { return bankDoneMsg{text: text, err: st.MarkNotPayment(ctx, id, reason)} })
	})
}

// askImport asks for the bank file (tab completes the path; over SSH only
// within the imports folder), then imports it.
func (v *reconcileView) askImport() tea.Cmd {
	files := v.files()
	question := v.p.T("rec.import_path")
	if files.rooted() {
		question = v.p.T("rec.import_path_in", files.root)
	}
	start := files.start(filepath.Dir(v.st.Path()) + string(filepath.Separator))
	return v.promptFile(files, question, start, files.check, func(path string) tea.Cmd {
		st, ctx := v.st, v.ctx
		return v.run(func() tea.Msg {
			data, err := files.read(path)
			if err != nil {
				return bankImportedMsg{err: err}
			}
			deposits, err := exchange.ReadBankFile(ctx, st, data, "", "")
			if err != nil {
				return bankImportedMsg{err: err}
			}
			res, err := st.ImportBankLines(ctx, filepath.Base(path), exchange.BankLines(deposits))
			return bankImportedMsg{added: len(res.Added), already: res.AlreadyImported, err: err}
		})
	})
}
