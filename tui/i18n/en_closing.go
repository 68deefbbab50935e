package i18n

// enClosing: the closing run (issue 16): customer billing and delivery
// fields, the settings command, the run itself and its sending step;
// ja_closing.go mirrors it key for key.
func enClosing() map[string]string {
	return map[string]string{
		// Customer fields.
		"field.invoice_style":               "Invoice style",
		"field.delivery":                    "Send by",
		"field.send_to_name":                "Send to (name)",
		"field.send_to_postal_code":         "Send to: postal code",
		"field.send_to_address1":            "Send to: address",
		"field.send_to_address2":            "Send to: building",
		"field.send_to_department":          "Send to: department",
		"field.send_to_contact":             "Send to: contact",
		"invoice_style.simple":              "Simple (this cycle only)",
		"invoice_style.carry_forward":       "Carry-forward (繰越請求書)",
		"delivery.email":                    "Email",
		"delivery.post":                     "Post",
		"delivery.both":                     "Email and post",
		"delivery.auto":                     "Email if it has an address, else post",
		"customers.send_to_hint":            "empty: the customer's own address",
		"err.customer.delivery_needs_email": "sending by email needs the customer's email address",

		// daicho settings.
		"cli.settings.need_pairs":  "settings set needs KEY=VALUE pairs (keys as `daicho settings` prints them)",
		"cli.settings.bad_pair":    "%s is not KEY=VALUE",
		"cli.settings.unknown_key": "%s: no such setting (see `daicho settings` for the keys)",
		"cli.settings.bad_number":  "%s: %q is not a whole number",
		"cli.settings.bad_bool":    "%s: %q is not true or false",
		"cli.settings.saved":       "settings saved (%d changed)",

		// daicho close.
		"cli.close.need_date":  "close needs --date YYYY-MM-DD (the closing date)",
		"cli.close.bad_date":   "%s is not a date (YYYY-MM-DD)",
		"cli.close.failed":     "the closing run made nothing: customer %s: %s",
		"cli.close.plan.one":   "the closing run of %[2]s would make %[1]d invoice:",
		"cli.close.plan.other": "the closing run of %[2]s would make %[1]d invoices:",
		"cli.close.made.one":   "the closing run of %[2]s made %[1]d invoice:",
		"cli.close.made.other": "the closing run of %[2]s made %[1]d invoices:",
		"cli.close.draft":      "(draft)",
		"cli.close.carry":      "previous %s − received %s − adjusted %s = carried %s; this cycle %s; billed %s",
		"cli.close.nothing":    "  %s %s: nothing to bill",
		"cli.close.closed":     "  %s %s: already closed (%s)",
		"cli.close.problem":    "  %s %s: not billed: %s",

		// The closing run on the documents screen (B).
		"key.close_run":         "closing run",
		"close.ask_date":        "Closing run: closing date (YYYY-MM-DD)",
		"close.preview.one":     "Closing run %s: %d invoice",
		"close.preview.other":   "Closing run %s: %d invoices",
		"close.carry_short":     "carried %s → due %s",
		"close.left_nothing":    "nothing to bill (%d): %s",
		"close.left_closed":     "already closed (%d): %s",
		"close.left_problem":    "not billed: %s: %s",
		"close.nothing_to_make": "Closing run %s: no invoice to make",
		"close.made.one":        "The closing run made %d invoice.",
		"close.made.other":      "The closing run made %d invoices.",

		// daicho close --send.
		"cli.close.send_flags":      "--labels and --print go with --send, and --send does not go with --dry-run",
		"cli.close.mailed":          "  mailed to %s (%s)",
		"cli.close.mail_failed":     "  %s: not mailed: %s",
		"cli.close.drafts_not_sent": "  drafts are not sent: %s (issue them, then send)",
		"cli.close.lp_failed":       "lp could not print %s: %s",

		// The closing run's send step on the documents screen.
		"close.send":            "send: mail the email customers, print pack for post",
		"close.export.one":      "export %d invoice as a PDF",
		"close.export.other":    "export all %d as PDFs",
		"close.not_mailed":      "%s: not mailed: %s",
		"close.drafts_not_sent": "drafts are not sent: %s",
		"close.print_pack":      "print the pack (lp)",

		// daicho import balances.
		"err.balance.json":               "%s must hold a JSON array of balances: [{\"customer_code\": …, \"as_of\": …, \"amount\": …}]",
		"err.balance.value":              "must be text or a number",
		"err.balance.empty":              "%s holds no balances",
		"err.balance.amount":             "not an amount in whole yen",
		"err.balance.positive":           "an opening balance must be more than zero",
		"field.customer_code":            "Customer code",
		"field.as_of":                    "As of",
		"cli.import.balances_done.one":   "recorded %d opening balance:",
		"cli.import.balances_done.other": "recorded %d opening balances:",
		"cli.import.balance":             "  %s  %s  %s",

		// Issue 16 loose ends: the closing run's counts in the plural (Printer.N).
		"cli.close.invoice_line":         "  %s %s  %s  %s  (%s, %s)",
		"cli.close.delivery_notes.one":   "%d delivery note",
		"cli.close.delivery_notes.other": "%d delivery notes",
		"cli.close.contracts.one":        "%d contract",
		"cli.close.contracts.other":      "%d contracts",
		"cli.close.pack.one":             "  print pack for %d customer: %s",
		"cli.close.pack.other":           "  print pack for %d customers: %s",
		"close.sources":                  "%s %s",
		"close.notes.one":                "%d note",
		"close.notes.other":              "%d notes",
		"close.contracts.one":            "%d contr.",
		"close.contracts.other":          "%d contr.",
		"close.sent.one":                 "Mailed %d customer; %d in the print pack.",
		"close.sent.other":               "Mailed %d customers; %d in the print pack.",
	}
}
