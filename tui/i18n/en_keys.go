package i18n

// enKeys: the names of keys in the help bar, grouped by the key maps of
// tui/keys.go; ja_keys.go mirrors it key for key.
func enKeys() map[string]string {
	return map[string]string{
		// Everywhere.
		"key.next_screen": "next screen",
		"key.prev_screen": "previous screen",
		"key.jump":        "go to screen",
		"key.settings":    "company settings",
		"key.help":        "more keys",
		"key.help_close":  "close this list",
		"key.quit":        "quit",
		"key.reload":      "reload",

		// Lists and records.
		"key.up":            "up",
		"key.down":          "down",
		"key.top":           "first",
		"key.bottom":        "last",
		"key.page_up":       "page up",
		"key.page_down":     "page down",
		"key.filter":        "filter",
		"key.open":          "open",
		"key.new":           "new",
		"key.edit":          "edit",
		"key.archive":       "archive",
		"key.sort":          "sort",
		"key.show_archived": "show archived",
		"key.back":          "back",
		"key.inquiry":       "inquiry",
		"key.filter_apply":  "keep filter",
		"key.filter_clear":  "clear filter",

		// Forms, dialogs and pickers.
		"key.next_field": "next field",
		"key.prev_field": "previous field",
		"key.choose":     "choose",
		"key.save":       "save",
		"key.cancel":     "cancel",
		"key.yes":        "yes",
		"key.no":         "no",
		"key.ok":         "OK",
		"key.pick":       "pick",
		"key.close":      "close",

		// Contracts.
		"key.person_filter":   "person",
		"key.activate":        "activate",
		"key.billing_run":     "billing run",
		"key.renewals":        "renewals",
		"key.renew":           "renew",
		"key.end_contract":    "end",
		"key.cancel_contract": "cancel contract",
		"key.price_change":    "price change",

		// Documents, and the line grid of documents and contracts.
		"key.kind_filter":     "kind",
		"key.status_filter":   "status",
		"key.customer_filter": "customer",
		"key.date_filter":     "dates",
		"key.issue":           "issue",
		"key.convert":         "convert",
		"key.void":            "void",
		"key.revise":          "revise",
		"key.duplicate":       "duplicate",
		"key.delete_draft":    "delete draft",
		"key.accept":          "accepted",
		"key.decline":         "declined",
		"key.export":          "PDF",
		"key.open_pdf":        "open PDF",
		"key.print":           "print",
		"key.export_all":      "export all shown",
		"key.mail":            "email",
		"key.left":            "left",
		"key.right":           "right",
		"key.edit_cell":       "edit cell",
		"key.add_below":       "add line",
		"key.add_above":       "add above",
		"key.delete_line":     "delete line",
		"key.move_up":         "move up",
		"key.move_down":       "move down",

		// Payments, allocation and the bank reconciliation.
		"key.record_payment": "record payment",
		"key.allocate":       "allocate",
		"key.reverse":        "reverse",
		"key.reconcile":      "bank reconciliation",
		"key.apply_toggle":   "apply/undo",
		"key.apply_amount":   "amount",
		"key.apply_auto":     "oldest first",
		"key.import_bank":    "import bank file",
		"key.accept_match":   "accept",
		"key.next_candidate": "next candidate",
		"key.assign":         "assign",
		"key.close_fee":      "accept, fee deducted",
		"key.move":           "move",

		// Overdue.
		"key.as_of":         "as of date",
		"key.per_customer":  "per customer",
		"key.log_reminder":  "log reminder",
		"key.reminder_pdf":  "reminder PDF",
		"key.mail_reminder": "email reminder",

		// Reports.
		"key.report_view":   "view",
		"key.report_period": "period",

		// The mail preview and the settings pages.
		"key.send":             "send",
		"key.mail_to":          "recipient",
		"key.mail_subject":     "subject",
		"key.mail_settings":    "mail settings",
		"key.company_settings": "company settings",
		// The kept archive (電子帳簿保存法).
		"key.amount_filter": "amounts",
		"key.sent_history":  "sent PDFs",
		"key.balances_pdf":  "balances PDF",

		// Issue 14: write-offs and staged reminders.
		"key.write_off":      "write off",
		"key.send_stage":     "send due reminders",
		"key.reminder_hold":  "hold reminders",
		"key.stage_settings": "reminder stages",
	}
}
