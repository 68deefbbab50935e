package i18n

// enBank: nothing drops out of view (issue 14) — held and not-a-payment
// deposits, the transfer-fee policy, payer names asked before they are
// learned; ja_bank.go mirrors it key for key.
func enBank() map[string]string {
	return map[string]string{
		// The reconciliation screen.
		"rec.credit":             "no open invoice: credit",
		"rec.fee_theirs_mark":    " (theirs)",
		"rec.held_status":        "%s from %s held: h lists the held deposits",
		"rec.hold_lifted":        "%s from %s is back among the deposits to match",
		"rec.not_payment_undone": "%s from %s is back among the deposits to match",
		"rec.summary_held":       "held %d (%s)",
		"rec.summary_skipped":    "not payments %d (%s)",
		"rec.title_held":         "Held deposits",
		"rec.title_skipped":      "Not customer payments",
		"rec.empty_held":         "No deposit is held. h shows the deposits marked not a payment.",
		"rec.empty_skipped":      "No deposit is marked not a payment. h goes back to the deposits to match.",
		"rec.held_by":            "held %s by %s",
		"rec.fee_policy.ours":    "fee: we bear it (enter closes it)",
		"rec.fee_policy.theirs":  "fee: the customer bears it (enter leaves it open)",
		"rec.fee_policy.ask":     "fee: enter asks who bears it",
		"rec.ask_fee":            "The deposit is %s short of what %s %s owes: who bears the transfer fee?",
		"rec.ask_fee_ours":       "we do: close %s as a transfer fee",
		"rec.ask_fee_theirs":     "they do: leave %s open, to be asked for",
		"rec.fee_left_open":      "fee %s left open: %s bears it",
		"rec.ask_teach":          "Remember %s as a payer for %s %s?",
		"rec.teach_yes":          "yes: their next deposits are matched to this customer",
		"rec.teach_no":           "no: match this deposit only",
		"rec.not_payment_reason": "Why is %s from %s no customer's payment? (a refund, interest, …)",
		"rec.not_payment_status": "%s from %s marked not a payment (h lists it, u undoes)",
		// Keys.
		"key.hold":         "hold",
		"key.not_payment":  "not a payment",
		"key.bank_section": "held / not paid",
		"key.bank_undo":    "undo",
		"key.payers":       "payer names",
		// The customer: transfer-fee policy and learned payer names.
		"field.fee_policy":             "Transfer fee",
		"fee_policy.ask":               "ask each time",
		"fee_policy.ours":              "we bear it (当方負担)",
		"fee_policy.theirs":            "the customer bears it (先方負担)",
		"customers.payers":             "Payer names learned (%d): p removes one",
		"customers.payer_taught.one":   "taught by %d match",
		"customers.payer_taught.other": "taught by %d matches",
		"customers.no_payers":          "No payer name is learned for this customer.",
		"customers.forget_payer_pick":  "Which payer name should daicho forget?",
		"customers.forget_payer":       "Forget %s as a payer for %s? Its next deposits will be asked about.",
		"customers.payer_forgotten":    "Payer name forgotten.",
		"err.reconcile.line_held":      "this deposit is held: lift the hold (u) first",
		"err.reconcile.invoice_closed": "%s has nothing open any more: it was paid or closed meanwhile",
		// import bank (tui/cli/bank.go).
		"cli.bank.waiting":         "Waiting in the reconciliation screen: %d to match (%s), %d held (%s)",
		"cli.bank.candidates":      "candidates",
		"cli.bank.more_candidates": "and %d more",
		// The start-up status line (tui/startup_held.go).
		"startup.held.one":   "%d deposit held (%s): Payments, b, h",
		"startup.held.other": "%d deposits held (%s): Payments, b, h",
		// list payers (tui/cli/list_payers.go).
		"cli.list.empty_payers": "no payer names learned yet",
		"cli.col.confirmed":     "Matches",
	}
}
