package i18n

// en is the English catalog. Keys: err.* store error reasons, field.* field
// labels, and one prefix per screen or command.
var en = map[string]string{
	// TUI: tabs, screens, keys.
	"tab.customers":            "Customers",
	"docs.title":               "Documents",
	"docs.col_number":          "Number",
	"docs.col_kind":            "Kind",
	"docs.col_customer":        "Customer",
	"docs.col_subject":         "Subject",
	"docs.col_date":            "Date",
	"docs.col_tax":             "Tax",
	"docs.col_total":           "Total",
	"docs.col_status":          "Status",
	"docs.search_placeholder":  "number, subject or customer",
	"docs.search_hint":         "/ search · K kind · F status · C customer · D dates · esc clears",
	"docs.no_filter":           "all documents",
	"docs.empty":               "No documents yet. Press n to make an estimate, a delivery note or an invoice.",
	"docs.draft_number":        "draft",
	"docs.frozen":              "%s is issued and cannot be changed: void it, or revise it (r) to make a corrected copy.",
	"docs.new_kind":            "New document: which kind?",
	"docs.pick_customer":       "For which customer?",
	"docs.pick_product":        "Product",
	"docs.filter_customer":     "Show the documents of which customer?",
	"docs.date_range":          "Issue dates: 2026-11 (a month), 2026-11-01..2026-11-15, 2026-11-01.. or ..2026-11-15; empty for all",
	"docs.new_title":           "New %s",
	"docs.header_hint":         "(shift+tab on the first cell: header)",
	"docs.no_lines_hint":       "No lines yet: press o (or just start typing) to add one; type in the product cell to look a product up.",
	"docs.valid_hint":          "empty: no limit",
	"docs.delivery_hint":       "empty: the issue date",
	"docs.closing_hint":        "empty: the issue date",
	"docs.due_hint":            "empty: from the customer's payment terms",
	"docs.exclusive":           "prices exclude tax",
	"docs.inclusive":           "prices include tax",
	"docs.tax_included":        "(tax included)",
	"docs.rate_line":           "%d%% taxable %s  tax %s",
	"docs.total":               "Total",
	"docs.reduced_legend":      "※ reduced tax rate",
	"docs.saved":               "Draft saved.",
	"docs.not_saved":           "Not saved: correct what is marked ✗ (ctrl+s to try again).",
	"docs.confirm_delete_line": "Delete line %d?",
	"docs.confirm_delete":      "Delete this draft? It was never issued, so it leaves no trace but the audit log.",
	"docs.deleted":             "Draft deleted.",
	"docs.confirm_issue":       "Issue this %s as %s to %s for %s?\nOnce issued it can no longer be changed, only voided or revised.",
	"docs.already_issued":      "%s is already issued.",
	"docs.cannot_issue":        "Cannot issue yet: %s",
	"docs.issued":              "Issued.",
	"docs.voided":              "Voided; the number stays on record.",
	"docs.revised":             "The old document is voided; here is the corrected draft.",
	"docs.duplicated":          "A copy as a new draft, dated today: check every field.",
	"docs.converted":           "Made as a draft from its source: check it, then issue it (I).",
	"docs.accepted":            "Estimate marked accepted.",
	"docs.declined":            "Estimate marked declined.",
	"docs.void_reason":         "Why is this document void? (kept on record)",
	"docs.revises":             "(corrects %s)",
	"docs.revise_reason":       "Why is it being corrected? (kept on the voided original)",
	"docs.void_reason_label":   "Voided",
	"docs.convert_estimate":    "Make from this estimate:",
	"docs.confirm_credit":      "Make a credit note correcting this invoice?",
	"docs.no_conversion":       "Nothing is made from this kind of document.",
	"docs.closing_date":        "Closing date of the invoice (締め日): takes every delivery note up to it",
	"docs.confirm_closing":     "One invoice for these %d delivery notes, closing %s?",
	"docs.closing_subject":     "Invoice for %[2]d/%[1]d",
	"docs.flow":                "Flow",
	"docs.open_amount":         "Open: %s",
	"docs.due_from_terms":      "from the payment terms",
	"kind.estimate":            "Estimate",
	"kind.delivery_note":       "Delivery note",
	"kind.invoice":             "Invoice",
	"kind.credit_note":         "Credit note",
	"kind.short.estimate":      "Est.",
	"kind.short.delivery_note": "Deliv.",
	"kind.short.invoice":       "Inv.",
	"kind.short.credit_note":   "Credit",
	"status.draft":             "draft",
	"status.issued":            "issued",
	"status.accepted":          "accepted",
	"status.declined":          "declined",
	"status.expired":           "expired",
	"status.void":              "void",
	"tax.standard":             "10%",
	"tax.reduced":              "8%※",
	"tax.exempt":               "0%",
	"field.amount":             "Amount",
	"key.ok":                   "OK",
	"key.pick":                 "pick",
	"key.left":                 "left",
	"key.right":                "right",
	"key.kind_filter":          "kind",
	"key.status_filter":        "status",
	"key.customer_filter":      "customer",
	"key.date_filter":          "dates",
	"key.issue":                "issue",
	"key.convert":              "convert",
	"key.void":                 "void",
	"key.revise":               "revise",
	"key.duplicate":            "duplicate",
	"key.delete_draft":         "delete draft",
	"key.accept":               "accepted",
	"key.decline":              "declined",
	"key.edit_cell":            "edit cell",
	"key.add_below":            "add line",
	"key.add_above":            "add above",
	"key.delete_line":          "delete line",
	"key.move_up":              "move up",
	"key.move_down":            "move down",
	"export.overwrite":         "%s exists already. Replace it?",
	"export.failed":            "Not exported: %s",
	"export.saved":             "Saved: %s",
	"export.opened":            "Opened %s",
	"export.no_viewer":         "No program to open PDFs here; the file is at %s",
	"export.printed":           "Sent to the printer: %s",
	"export.no_printer":        "No printing system (CUPS lp) here; the file is at %s",
	"export.command_failed":    "%s failed: %s",
	"export.nothing":           "No documents to export: the filters show none.",
	"export.confirm_batch":     "Export the %d documents shown (%s) as PDFs into the exports folder, replacing files of the same name?",
	"export.batch_title":       "Exporting PDFs",
	"export.batch_count":       "%d of %d  ·  %s",
	"export.batch_done":        "Exported %d of %d documents in %s.",
	"export.batch_failed":      "Exported %d of %d documents, then: %s",
	"key.export":               "PDF",
	"key.open_pdf":             "open PDF",
	"key.print":                "print",
	"key.export_all":           "export all shown",
	"key.close":                "close",
	// Payments screen.
	"pay.title":                   "Payments",
	"pay.search_placeholder":      "customer, payer, reference or memo",
	"pay.search_hint":             "/ search · n record a payment · b bank reconciliation",
	"pay.empty":                   "No payments yet. Press n to record one, or b to reconcile a bank file.",
	"pay.col_payer":               "Payer",
	"pay.col_amount":              "Amount",
	"pay.col_unapplied":           "Unapplied",
	"pay.col_method":              "Method",
	"pay.col_open":                "Open",
	"pay.col_apply":               "Apply",
	"pay.reversed":                "reversed",
	"pay.reversed_done":           "Payment reversed; the reversal is on record.",
	"pay.reverse_reason":          "Why is this payment reversed? (kept on record)",
	"pay.pick_customer":           "Payment from which customer?",
	"pay.amount":                  "Amount received from %s %s",
	"pay.date":                    "Date received (YYYY-MM-DD)",
	"pay.method":                  "How was it paid?",
	"pay.detail_title":            "Payment of %s, %s",
	"pay.unapplied":               "Not yet allocated (the customer's credit): %s",
	"pay.allocations":             "Allocations",
	"pay.reversal":                "reversal",
	"pay.nothing_to_allocate":     "Nothing left of this payment to allocate.",
	"pay.no_open_invoices":        "The customer has no open invoice; %s stays as their credit.",
	"pay.allocate_title":          "Allocate the payment of %s %s (%s)",
	"pay.remaining":               "Remaining: %s",
	"pay.apply_amount":            "Amount for %s (open %s)",
	"pay.allocated":               "%d allocation(s) recorded.",
	"rec.title":                   "Bank reconciliation",
	"rec.col_match":               "Best match",
	"rec.no_match":                "no match: a to assign, s to skip",
	"rec.fee":                     "fee %s",
	"rec.imported":                "%d deposits added; %d were imported before and are left alone.",
	"rec.empty":                   "No deposits to reconcile. Press i to import a bank file (Zengin or CSV).",
	"rec.import_path":             "Bank file to import (Zengin or CSV; tab completes the path)",
	"rec.pick_customer":           "Who paid %s (%s)?",
	"rec.pick_invoice":            "For which invoice?",
	"rec.all_open":                "all open invoices, oldest first",
	"rec.summary":                 "matched %d (%s) · to review %d (%s) · no match %d (%s)",
	"method.bank_transfer":        "bank transfer",
	"method.cash":                 "cash",
	"method.card":                 "card",
	"method.direct_debit":         "direct debit",
	"method.other":                "other",
	"field.date":                  "Date",
	"err.money.positive":          "enter an amount above zero",
	"err.allocation.over_open":    "more than the invoice's open amount",
	"err.allocation.over_payment": "more than is left of the payment",
	"key.record_payment":          "record payment",
	"key.allocate":                "allocate",
	"key.reverse":                 "reverse",
	"key.reconcile":               "bank reconciliation",
	"key.apply_toggle":            "apply/undo",
	"key.apply_amount":            "amount",
	"key.apply_auto":              "oldest first",
	"key.import_bank":             "import bank file",
	"key.accept_match":            "accept",
	"key.next_candidate":          "next candidate",
	"key.assign":                  "assign",
	"key.skip":                    "skip",
	"key.close_fee":               "accept, fee deducted",
	// Overdue screen.
	"overdue.title":              "Overdue as of %s",
	"overdue.search_placeholder": "number, customer code or name, person in charge",
	"overdue.search_hint":        "/ search · D as of another date · v per customer · s sort",
	"overdue.empty":              "Nothing is overdue as of %s.",
	"overdue.col_due":            "Due",
	"overdue.col_days":           "Days",
	"overdue.col_open":           "Open",
	"overdue.col_bucket":         "Aging",
	"overdue.col_count":          "Invoices",
	"overdue.col_oldest":         "Oldest",
	"overdue.bucket.1-30":        "1–30",
	"overdue.bucket.31-60":       "31–60",
	"overdue.bucket.61-90":       "61–90",
	"overdue.bucket.90+":         "90+",
	"overdue.bucket_days":        "%s days",
	"overdue.total":              "Total",
	"overdue.count":              "%d overdue",
	"overdue.days":               "%d days",
	"overdue.sort_days":          "days overdue",
	"overdue.sort_amount":        "open amount",
	"overdue.sort_customer":      "customer",
	"overdue.per_customer":       "per customer",
	"overdue.startup":            "%d invoices overdue, %s in all",
	"overdue.startup_one":        "1 invoice overdue, %s",
	"overdue.as_of_prompt":       "Overdue as of which date? (YYYY-MM-DD; empty: today)",
	"overdue.pay_prompt":         "Payment from %s %s received today by bank transfer: the amount (open %s)",
	"overdue.paid":               "Recorded %s from %s; allocated to %s.",
	"overdue.paid_credit":        "Recorded %s from %s; allocated to %s; %s stays as the customer's credit.",
	"overdue.paid_none":          "Recorded %s from %s; nothing was open, so it all stays as the customer's credit.",
	"overdue.paid_unallocated":   "Recorded %s from %s, but not allocated: %s",
	"overdue.remind_how":         "How was %s reminded about %s?",
	"overdue.remind_note":        "A note on the reminder by %s (optional; enter to skip)",
	"overdue.reminded":           "Reminder by %s logged for %s (%s).",
	"overdue.pay_by":             "Reminder PDF for %s: to be paid by (YYYY-MM-DD)",
	"overdue.nothing_overdue":    "%s %s has nothing overdue as of %s: no reminder written.",
	"remind.phone":               "phone",
	"remind.email":               "email",
	"remind.letter":              "letter",
	"remind.visit":               "visit",
	"remind.other":               "other",
	"key.as_of":                  "as of date",
	"key.per_customer":           "per customer",
	"key.log_reminder":           "log reminder",
	"key.reminder_pdf":           "reminder PDF",
	"customers.balance":          "Receivable %s · unapplied credit %s",
	"customers.payments":         "Payments (%d)",
	"customers.allocated":        "allocated %s",
	"customers.reminders":        "Reminders (%d)",
	"customers.account":          "account",
	// Contracts: the price change (c) and the renewal history in a contract's view.
	"key.price_change":     "price change",
	"con.price_draft":      "A draft's prices are edited in the editor (e); a price change is for an active contract.",
	"con.price_closed":     "This contract is %s: its prices can no longer change.",
	"con.price_no_lines":   "This contract has no lines to change the price of.",
	"con.price_pick_line":  "Change the price of which line?",
	"con.price_more_lines": "Change the price of which line? (%d lines)",
	"con.price_from":       "Price change of %s (now %s): from which date? (YYYY-MM-DD)",
	"con.price_new":        "New unit price of %s from %s:",
	"con.price_changed":    "Price changed to %[2]s from %[3]s (%[1]s).",
	"con.renewals":         "Renewals",
	"con.renewals_earlier": "… %d earlier",
	"con.renewal_auto":     "auto",
	"con.renewal_manual":   "by hand",
	"con.renewal_line":     "%s  end %s → %s  %s  %s",
	// Contracts screen.
	"con.title":                    "Contracts",
	"con.renewals_title":           "Contracts needing a renewal decision",
	"con.search_placeholder":       "number, customer, title or person",
	"con.search_hint":              "/ search · F status · W person · B billing run · R renewals",
	"con.empty":                    "No contracts yet. Press n to make one.",
	"con.no_renewals":              "No contract needs a renewal decision now.",
	"con.col_title":                "Title",
	"con.col_next":                 "Next bill",
	"con.col_monthly":              "Monthly",
	"con.col_end":                  "Ends",
	"con.open_ended":               "open-ended",
	"con.ends_in":                  "ends in %d d",
	"con.status.draft":             "draft",
	"con.status.active":            "active",
	"con.status.ended":             "ended",
	"con.status.cancelled":         "cancelled",
	"con.pick_customer":            "Contract with which customer?",
	"con.saved":                    "Contract saved.",
	"con.confirm_activate":         "Activate this contract? It gets its number and is billed from its start.",
	"con.activated":                "Contract activated.",
	"con.confirm_renew":            "Renew this contract for its renewal term?",
	"con.renewed":                  "Contract renewed.",
	"con.end_reason":               "Why does the contract end? (kept on record)",
	"con.cancel_reason":            "Why is the contract cancelled? (kept on record)",
	"con.ended":                    "Contract ended.",
	"con.cancelled":                "Contract cancelled.",
	"con.period":                   "Period %s – %s",
	"con.billing":                  "Billed %s, %s, %s",
	"con.in_advance":               "in advance",
	"con.in_arrears":               "in arrears",
	"con.every_n":                  "every %d months",
	"con.cycle.monthly":            "monthly",
	"con.cycle.every_n_months":     "every N months",
	"con.cycle.yearly":             "yearly",
	"con.cycle.one_off":            "once",
	"con.auto_renew":               "Renews itself by %d months; notice %d days",
	"con.manual_renew":             "No automatic renewal; decide %d days before the end",
	"con.lines":                    "Lines",
	"con.price_history":            "price history",
	"con.lines_short":              "lines",
	"con.new_title":                "New contract",
	"con.edit_title":               "Contract %s",
	"con.end_hint":                 "empty: open-ended",
	"con.cycle_months_hint":        "for every N months",
	"con.yes":                      "yes",
	"con.no":                       "no",
	"con.field.title":              "Title",
	"con.field.start":              "Start",
	"con.field.end":                "End",
	"con.field.cycle":              "Billing cycle",
	"con.field.cycle_months":       "Every N months",
	"con.field.billing_day":        "Billing day",
	"con.field.in_advance":         "Billed",
	"con.field.pro_rate":           "Pro-rate part periods",
	"con.field.payment_method":     "Payment method",
	"con.field.auto_renew":         "Renews itself",
	"con.field.renewal_months":     "Renewal term (months)",
	"con.field.notice_days":        "Notice (days)",
	"con.bill_month":               "Billing run for which month? (YYYY-MM)",
	"con.bill_nothing":             "Nothing to bill for %s (%d contract periods billed before).",
	"con.bill_preview":             "Billing run %s: %d invoices",
	"con.bill_more":                "… and %d more",
	"con.bill_total":               "In all %s",
	"con.bill_already":             "%d contract periods of this month were billed before and are left alone.",
	"con.bill_renews":              "Renews first: %s",
	"con.bill_issue":               "make and issue the invoices",
	"con.bill_drafts":              "make them as drafts",
	"con.bill_none_made":           "Nothing new: %d contract periods were billed before.",
	"con.bill_made":                "%d invoices made.",
	"con.bill_export":              "Export them all as PDFs now?",
	"key.person_filter":            "person",
	"key.activate":                 "activate",
	"key.billing_run":              "billing run",
	"key.renewals":                 "renewals",
	"key.renew":                    "renew",
	"key.end_contract":             "end",
	"key.cancel_contract":          "cancel contract",
	"tab.contracts":                "Contracts",
	"tab.documents":                "Documents",
	"tab.payments":                 "Payments",
	"tab.overdue":                  "Overdue",
	"tab.reports":                  "Reports",
	"later.contracts":              "Contracts, renewals and the monthly billing run come in a later release of daicho. This screen holds their place; nothing here is stored yet.",
	"later.documents":              "Estimates, delivery notes and invoices come in a later release of daicho. This screen holds their place; nothing here is stored yet.",
	"later.payments":               "Payments and bank-file reconciliation come in a later release of daicho. This screen holds their place; nothing here is stored yet.",
	"later.overdue":                "The overdue list and reminders come in a later release of daicho. This screen holds their place; nothing here is stored yet.",
	"loading":                      "Loading…",
	"confirm.keys":                 "y / enter: yes    n / esc: no",
	"confirm.discard":              "Discard your unsaved changes?",
	"confirm.quit_unsaved":         "You have unsaved changes. Quit and discard them?",
	"customers.title":              "Customers",
	"customers.count":              "%d of %d",
	"customers.sorted_by":          "sorted by %s",
	"customers.with_archived":      "(archived shown)",
	"customers.filter_hint":        "/ to filter by code, name, kana, phone or email",
	"customers.filter_placeholder": "type to filter (kana in either script)",
	"customers.empty":              "No customers yet. Press n to add the first one.",
	"customers.col_person":         "In charge",
	"customers.new_title":          "New customer",
	"customers.edit_title":         "Edit customer %s",
	"customers.code_hint":          "suggested; change it if you like",
	"customers.kana_hint":          "reading, used for sorting",
	"customers.day_hint":           "1–28, or 31 = month end",
	"customers.honorific_none":     "none",
	"customers.created":            "Customer %s added.",
	"customers.saved":              "Customer %s saved.",
	"customers.not_saved":          "Not saved: correct the fields marked ✗ (ctrl+s to try again).",
	"customers.confirm_archive":    "Archive %s %s?\nIt leaves the lists but keeps all its records.",
	"customers.confirm_restore":    "Restore %s %s to the lists?",
	"customers.archived":           "Customer %s archived.",
	"customers.restored":           "Customer %s restored.",
	"customers.archived_mark":      "[archived]",
	"customers.documents":          "Documents (%d)",
	"customers.terms":              "Payment terms",
	"terms.format":                 "closes %[1]s, paid %[3]s %[2]s",
	"terms.closing_end":            "at month end",
	"terms.closing_day":            "on day %d",
	"terms.payment_end":            "at the end of",
	"terms.payment_day":            "on day %d of",
	"terms.pay_month0":             "the same month",
	"terms.pay_month1":             "the next month",
	"terms.pay_month2":             "the month after next",
	"terms.pay_month3":             "the third month",
	"terms.holiday_next":           "next business day",
	"terms.holiday_previous":       "previous business day",
	"terms.holiday_keep":           "keep the date",
	"setup.edit_title":             "Company settings: printed on every document from now on (documents already issued keep what they printed).",
	"setup.saved":                  "Company settings saved.",
	"key.settings":                 "company settings",
	"setup.edit_tab":               "Company settings",
	"err.path.absolute":            "give the whole path, from / (or a drive letter)",
	"err.path.missing":             "no such file",
	"err.seal.png":                 "use a PNG image",
	"field.exports_dir":            "Exports folder",
	"field.seal_path":              "Seal or logo (PNG)",
	"setup.exports_hint":           "empty: Documents/daicho",
	"setup.seal_hint":              "optional: a PNG file",
	"setup.tab":                    "Company setup",
	"setup.title":                  "Welcome to daicho. First, your company: it is printed on every document.",
	"setup.name_hint":              "as printed on invoices",
	"setup.regno_hint":             "needed for qualified invoices",
	"setup.bank_hint":              "printed on invoices (optional)",
	"setup.month":                  "%d",
	"setup.round_floor":            "round down",
	"setup.round_half_up":          "round half up",
	"setup.round_ceil":             "round up",
	"setup.account_ordinary":       "ordinary",
	"setup.account_current":        "current",
	"setup.account_savings":        "savings",
	"field.billing_combine":        "Billing run",
	"setup.billing_per_contract":   "one invoice per contract",
	"setup.billing_per_customer":   "one invoice per customer",
	"setup.shortfall_hint":         "largest shortfall f closes as a transfer fee",
	"setup.not_saved":              "Not saved: correct the fields marked ✗ (ctrl+s to try again).",
	"err.number":                   "enter a number",
	"key.next_screen":              "next screen",
	"key.prev_screen":              "previous screen",
	"key.jump":                     "go to screen",
	"key.help":                     "more keys",
	"key.quit":                     "quit",
	"key.up":                       "up",
	"key.down":                     "down",
	"key.top":                      "first",
	"key.bottom":                   "last",
	"key.page_up":                  "page up",
	"key.page_down":                "page down",
	"key.filter":                   "filter",
	"key.open":                     "open",
	"key.new":                      "new",
	"key.edit":                     "edit",
	"key.archive":                  "archive",
	"key.sort":                     "sort",
	"key.show_archived":            "show archived",
	"key.back":                     "back",
	"key.filter_apply":             "keep filter",
	"key.filter_clear":             "clear filter",
	"key.next_field":               "next field",
	"key.prev_field":               "previous field",
	"key.choose":                   "choose",
	"key.save":                     "save",
	"key.cancel":                   "cancel",
	"key.yes":                      "yes",
	"key.no":                       "no",

	// Store errors (the Reason of store.Error).
	"err.required":               "required",
	"err.too_long":               "at most %d characters",
	"err.control_chars":          "contains control characters",
	"err.one_line":               "must be on one line",
	"err.choice":                 "must be one of: %s",
	"err.range":                  "must be from %d to %d",
	"err.day.range":              "must be a day from %d to %d, or %d for the month's end",
	"err.postal.format_jp":       "use the form 123-4567",
	"err.phone.format":           "use digits with - ( ) or a leading + (at least 6 digits)",
	"err.email.format":           "not an email address (name@example.jp)",
	"err.kana.format":            "use kana (or Latin letters) only, not kanji",
	"err.code.format":            "use up to 16 letters, digits, - or _",
	"err.currency.unknown":       "unknown currency",
	"err.account.number":         "use up to 8 digits",
	"err.regno.format":           "use T followed by 13 digits (T1234567890123)",
	"err.regno.check_digit":      "the check digit does not match: check the number",
	"err.money.empty":            "enter an amount",
	"err.money.syntax":           "not an amount (e.g. 12,345)",
	"err.money.fraction":         "this currency has %d decimal places",
	"err.money.overflow":         "amount is too large",
	"err.quantity.empty":         "enter a quantity",
	"err.quantity.syntax":        "not a quantity (e.g. 1.5)",
	"err.quantity.decimals":      "at most %d decimal places",
	"err.quantity.overflow":      "quantity is too large",
	"err.customer.not_found":     "no customer %v",
	"err.customer.code_taken":    "code %s is already used by another customer",
	"err.customer.code_repeated": "code %s appears twice in this file (first at line %d)",
	"err.company.not_set":        "the company has not been set up yet",
	"err.changed_since_opened":   "someone else saved this record after you opened it: reload it and make your change again",
	"err.db.locked":              "the database is busy (another daicho is writing): try again",
	"err.db.damaged":             "the database file %s is damaged (%s). Nothing was written. Restore a backup copy (daicho restore FILE; daily copies are in the backups folder next to it), or open another file with --db",
	"err.db.too_new":             "the database file %s was written by a newer daicho (schema %d; this program knows %d). Install the newer daicho to open it",
	"err.db.not_daicho":          "%s is an SQLite database of another program, not a daicho ledger. Nothing was written. Choose another file with --db",
	"err.at_line":                "line %d: %s",
	"err.unexpected":             "unexpected error: %s",

	// SSH server mode (daicho serve) and "changed by X at T" (issue 8).
	"err.changed_by":        "changed by %s at %s — reload?",
	"setup.exports_fixed":   "set by the server for every session (daicho serve --exports)",
	"export.remote_saved":   "Saved on the server: %s (over SSH daicho cannot open it on your screen)",
	"form.reloaded":         "Reloaded: the form shows the record as saved now",
	"key.reload":            "reload",
	"app.reloaded":          "Reloaded: the lists show what is saved now, by everyone",
	"serve.need_keys":       "--authorized-keys FILE is required: the public keys that may log in, one a line in OpenSSH format, the user name as the comment (ssh-ed25519 AAAA… hanako)",
	"serve.bad_listen":      "--listen %q is not an address: use HOST:PORT, e.g. 127.0.0.1:2222",
	"serve.bad_idle":        "--idle-timeout %s: give a positive duration, e.g. 30m",
	"serve.keys_unreadable": "cannot read the authorized keys file %s: %v",
	"serve.keys_empty":      "the authorized keys file %s lists no key: add one line per person, e.g. ssh-ed25519 AAAA… hanako",
	"serve.keys_bad_line":   "%s, line %d: not a public key in OpenSSH format (%v)",
	"serve.keys_options":    "%s, line %d: options before the key (from=, command=, …) are not supported: write the key type, the key and the user name only",
	"serve.host_key":        "cannot read or create the host key %s: %v",
	"serve.host_key_bad":    "%s is not an SSH private key (%v): move it away, and daicho serve makes a new one on the next start",
	"serve.exports":         "cannot create the exports folder %s: %v",
	"serve.listen_failed":   "cannot listen on %s: %v. Is another program using the port? Choose another with --listen",
	"serve.listening":       "daicho serve: listening on %s for the ledger %s\n  host key %s (%s)\n  files are written into %s\n  Ctrl+C stops the server\n",
	"serve.stopping":        "daicho serve: stopping; open sessions are closed (unsaved changes in their forms are lost)\n",
	"serve.key_mode_fixed":  "daicho serve: %s could be read by others (%s): set to 0600\n",
	"serve.no_pty":          "daicho needs a terminal: connect with ssh -t",
	"serve.no_command":      "daicho serve runs only the ledger: connect without a command",
	"serve.idle_closed":     "daicho: the session was closed after %s without a key press",
	"serve.shutdown_closed": "daicho: the server is shutting down",
	"serve.key_removed":     "daicho: your key is no longer in the authorized keys file",

	// Documents (store).
	"err.document.not_found":            "no document %v",
	"err.document.frozen":               "%s is issued and can no longer be changed: void it, or revise it",
	"err.document.too_many_lines":       "a document has at most %d lines",
	"err.document.before_issue_date":    "must not be before the issue date",
	"err.document.due_before_issue":     "the due date must not be before the issue date",
	"err.document.credit_needs_invoice": "a credit note corrects an issued invoice: make it from one",
	"err.document.exceeds_remaining":    "more than is left to deliver or invoice (%s left)",
	"err.document.no_lines":             "add at least one line",
	"err.document.line_no_tax":          "choose a tax category",
	"err.document.company_regno":        "a qualified invoice needs the company's registration number: enter it in the settings",
	"err.document.number_taken":         "number %s is already taken: issue again",
	"err.document.dn_already_invoiced":  "delivery note %s is already on invoice %s",
	"err.document.void_draft":           "a draft is not voided: delete it instead",
	"err.document.already_void":         "%s is already void",
	"err.document.void_has_targets":     "%s cannot be voided while %s, made from it, is live: void that first",
	"err.document.outcome_not_allowed":  "only an issued estimate can be marked accepted or declined",
	"err.document.convert_not_allowed":  "an estimate converts to a delivery note or an invoice only",
	"err.document.convert_needs_issued": "only an issued or accepted estimate can be converted%.0s", // Args: the number, "" for a draft
	"err.document.not_a_source_line":    "line %v is not a line of this estimate",
	"err.document.nothing_remaining":    "everything on %s has been delivered or invoiced already",
	"err.document.no_delivery_notes":    "no issued delivery notes left to invoice up to %s",
	"err.document.mixed_price_modes":    "these delivery notes mix tax-inclusive and tax-exclusive prices: invoice them separately",
	"err.date.format":                   "not a date (e.g. 2026-11-26)",
	"err.date.range":                    "no such date",
	"err.tax.no_rate":                   "this tax category has no rate on %s",
	"err.product.not_found":             "no product %v",
	"err.product.code_taken":            "code %s is already used by another product",
	"err.money.negative":                "must not be negative",
	"err.quantity.negative":             "must not be negative: a line made from an estimate takes from what is left of it",
	"err.number_format.placeholders":    "must contain {kind}, {year} and {seq} (e.g. {kind}-{year}-{seq:4})",
	"field.kind":                        "Kind",
	"field.customer":                    "Customer",
	"field.subject":                     "Subject",
	"field.issue_date":                  "Issue date",
	"field.valid_until":                 "Valid until",
	"field.delivery_date":               "Delivery date",
	"field.closing_date":                "Closing date",
	"field.due_date":                    "Due date",
	"field.price_mode":                  "Prices",
	"field.lines":                       "Lines",
	"field.line":                        "Line %d: %s",
	"field.description":                 "Description",
	"field.quantity":                    "Quantity",
	"field.unit":                        "Unit",
	"field.unit_price":                  "Unit price",
	"field.tax_category":                "Tax category",
	"field.product":                     "Product",
	"field.product_code":                "Product code",
	"field.cost_price":                  "Cost price",
	"field.reason":                      "Reason",
	"field.corrects":                    "Invoice corrected",
	"field.document_number":             "Document number",
	"field.number_format":               "Document numbers",
	"field.company.registration_number": "Company registration no.",

	// Payments (store).
	"err.payment.amount_positive":       "enter the amount received, above zero",
	"err.payment.reversal_by_reverse":   "a payment is reversed with the reverse command, not recorded as one",
	"err.payment.not_found":             "no payment %v",
	"err.payment.is_reversal":           "this record is itself a reversal and cannot be reversed or allocated",
	"err.payment.already_reversed":      "this payment is already reversed",
	"err.payment.reversed":              "this payment is reversed: nothing of it can be allocated",
	"err.allocation.amount_positive":    "enter an amount above zero",
	"err.allocation.exceeds_payment":    "more than is left of the payment (%s left)",
	"err.allocation.exceeds_open":       "more than is open on %s (%s open)",
	"err.allocation.not_issued_invoice": "%s is not an issued invoice",
	"err.allocation.other_customer":     "%s is another customer's invoice",
	"err.allocation.not_found":          "no allocation %v",
	"err.allocation.is_reversal":        "this record is itself a reversal and cannot be reversed",
	"err.allocation.already_reversed":   "this allocation is already reversed",
	"err.shortfall.nothing_open":        "nothing is open on %s",
	"err.shortfall.beyond_tolerance":    "%s is open, more than the shortfall tolerance of %s: record the missing payment, or raise the tolerance in the settings",
	"err.credit.exceeds_open":           "the credit note is larger than what is open on %s (%s): reverse an allocation first, so the money becomes the customer's credit",
	"err.invoice.void_paid":             "payments are allocated to %s: reverse those allocations before voiding it",
	"field.method":                      "Method",
	"field.payer_name":                  "Payer name",
	"field.reference":                   "Reference",
	"field.memo":                        "Memo",
	"field.note":                        "Note",
	"field.invoice":                     "Invoice",
	"field.shortfall_tolerance":         "Shortfall tolerance",

	// Bank files (store/bank).
	"err.bank.empty":            "the file is empty",
	"err.bank.record_length":    "the record is %d bytes long; Zengin records are %d bytes",
	"err.bank.record_type":      "unknown record type %q (1 header, 2 data, 8 trailer, 9 end)",
	"err.bank.kind":             "種別コード %q is not supported: daicho reads 01 (振込入金通知) and 03 (入出金取引明細)",
	"err.bank.no_header":        "this record comes before any header record",
	"err.bank.no_trailer":       "the trailer record is missing",
	"err.bank.no_end":           "the end record is missing: is the file cut short?",
	"err.bank.after_end":        "data after the end record",
	"err.bank.number":           "%q is not a number",
	"err.bank.date":             "%q is not a date",
	"err.bank.code":             "unknown code %q",
	"err.bank.encoding":         "the text is not Shift_JIS, JIS or UTF-8",
	"err.bank.trailer_count":    "the trailer says %d records, the file has %d",
	"err.bank.trailer_total":    "the trailer says a total of %d, the records add up to %d",
	"err.bank.profile":          "the CSV profile %q has no date or deposit column, or an unknown encoding",
	"err.bank.header_not_found": "no header row containing %q: is this the right profile?",
	"err.bank.missing_column":   "the header has no column %q",
	"err.bank.amount":           "%q is not an amount",
	"err.bank.negative":         "negative deposit %q",
	// Contracts (store).
	"err.contract.not_found":           "no contract %v",
	"err.contract.end_before_start":    "the end must not be before the start",
	"err.contract.one_off_renewal":     "a one-off contract does not renew",
	"err.contract.renew_needs_end":     "a contract that renews itself needs an end date",
	"err.contract.renew_needs_term":    "enter the renewal term in months",
	"err.contract.too_many_lines":      "a contract has at most %d lines",
	"err.contract.quantity_positive":   "must be above zero",
	"err.contract.no_lines":            "add at least one line",
	"err.contract.not_editable":        "this contract is ended or cancelled and can no longer be changed",
	"err.contract.customer_fixed":      "an active contract keeps its customer: end it and make a new contract",
	"err.contract.terms_billed":        "periods of this contract are billed already, so this stays as it is: end the contract and make a new one",
	"err.contract.line_not_found":      "line %v is not a line of this contract",
	"err.contract.price_use_change":    "the price of an active contract changes from a date: leave the editor and press c, price change (the history is kept)",
	"err.contract.not_draft":           "%s is already in force",
	"err.contract.number_taken":        "number %s is already taken: activate again",
	"err.contract.price_before_start":  "must not be before the contract's start (%s)",
	"err.contract.price_unchanged":     "that is already the price on %s: type the new one",
	"err.contract.price_change_billed": "the contract is billed up to %s: a price change can take effect from %s on",
	"err.contract.not_active":          "only an active contract can be renewed or ended",
	"err.contract.already_cancelled":   "this contract is already cancelled",
	"err.contract.open_ended":          "this contract has no end date, so there is nothing to renew",
	"field.title":                      "Title",
	"field.start":                      "Start",
	"field.end":                        "End",
	"field.cycle":                      "Billing cycle",
	"field.cycle_months":               "Every N months",
	"field.billing_day":                "Billing day",
	"field.in_advance":                 "Billed in advance",
	"field.payment_method":             "Payment method",
	"field.auto_renew":                 "Renews itself",
	"field.renewal_months":             "Renewal term (months)",
	"field.notice_days":                "Notice (days)",
	"field.from":                       "From",
	"field.month":                      "Month",
	"field.contract_number":            "Contract number",
	"field.id":                         "Line",
	// Field labels.
	"field.code":                "Code",
	"field.name":                "Name",
	"field.kana":                "Kana reading",
	"field.honorific":           "Honorific",
	"field.postal_code":         "Postal code",
	"field.address1":            "Address",
	"field.address2":            "Address (building)",
	"field.department":          "Department",
	"field.contact":             "Contact person",
	"field.email":               "Email",
	"field.phone":               "Phone",
	"field.closing_day":         "Closing day",
	"field.months_deferred":     "Months deferred",
	"field.payment_day":         "Payment day",
	"field.holiday_rule":        "If a holiday",
	"field.registration_number": "Registration no.",
	"field.language":            "Document language",
	"field.person_in_charge":    "Person in charge",
	"field.notes":               "Notes",
	"field.archived":            "Archived",
	"field.fiscal_year_start":   "Fiscal year starts (month)",
	"field.currency":            "Currency",
	"field.tax_rounding":        "Tax rounding",
	"field.bank":                "Bank",
	"field.branch":              "Branch",
	"field.account_type":        "Account type",
	"field.number":              "Account number",
	"field.holder_kana":         "Account holder (kana)",

	// CLI (main.go) and imports.
	"cli.usage": `daicho — a keyboard-driven sales ledger for a small office.

Usage:
  daicho                           open the ledger (the full-screen TUI)
  daicho --demo                    try it on a throwaway demo database, removed on exit
  daicho demo [--size small|large] [--force]
                                   fill the database with demo data
  daicho list customers [--format table|csv|json] [--archived]
                                   print the customer master on stdout
  daicho list products [--format table|csv|json] [--archived]
                                   print the products (the price list)
  daicho list documents [--kind K] [--status S] [--customer CODE]
                        [--from DATE] [--to DATE] [--format table|csv|json]
                                   print estimates, delivery notes, invoices
                                   and credit notes
  daicho list payments [--customer CODE] [--from DATE] [--to DATE]
                       [--format table|csv|json]
                                   print the payments received
  daicho list contracts [--status S] [--customer CODE] [--format table|csv|json]
                                   print the contracts (recurring billing)
  daicho list inquiries [--status S] [--customer CODE] [--format table|csv|json]
                                   print the inquiry log (what customers asked)
  daicho import customers FILE     add customers from a CSV or JSON file
  daicho import documents FILE [--issue]
                                   add documents from a JSON file (issued with
                                   --issue) and print them as JSON
  daicho import bank FILE [--format zengin|csv] [--profile NAME] [--dry-run]
                                   import a bank file's deposits and match the
                                   sure ones to invoices
  daicho overdue [--as-of DATE] [--format table|csv|json]
                                   print the invoices past their due date
  daicho report sales|margin [--from DATE] [--to DATE]
                [--by month|customer|product|person] [--format table|csv|json]
                                   sales net of tax (margin: with cost, gross
                                   profit and margin) per month, customer,
                                   product or person in charge
  daicho report aging [--to DATE] [--by customer] [--format table|csv|json]
                                   the overdue receivables per aging bucket
  daicho bill --month YYYY-MM [--issue] [--dry-run]
                                   the billing run: the month's invoices for
                                   every contract due
  daicho export pdf NUMBER [-o FILE | --dir DIR] [--force]
                                   write one document, or a contract's summary
                                   (K-2026-0001), as a PDF
  daicho export pdf --kind K --month YYYY-MM [--dir DIR] [--force]
                                   write a month's documents of one kind as PDFs
  daicho export statement CODE --from DATE --to DATE [-o FILE | --dir DIR]
                          [--force]
                                   write a customer's statement of account
  daicho export statement --all --from DATE --to DATE [--dir DIR] [--force]
                                   write the statement of every customer with
                                   something in the period
  daicho export csv invoices|payments|customers|documents [--from DATE]
                    [--to DATE] [--encoding utf8|sjis] [-o FILE] [--force]
                                   write a table for the accountant as CSV
  daicho export journal --format hledger|yayoi [--from DATE] [--to DATE]
                        [-o FILE] [--force]
                                   write the ledger as journal entries for
                                   hledger or 弥生会計
  daicho mail NUMBER [--dry-run]   send a document's PDF to its customer's email (an
                                   .eml file when no SMTP server is set); --dry-run
                                   prints the mail instead
  daicho backup [--to DIR]         copy the database into the backup folder,
                                   check the copy, then remove the oldest
                                   beyond the number the settings keep
  daicho restore FILE [--yes]      replace the database with a backup, after
                                   checking it and asking; the replaced file
                                   is kept beside it
  daicho check                     check the database file and the ledger's
                                   rules; exit status 0 only when all hold
  daicho serve --authorized-keys FILE [--listen HOST:PORT] [--host-key FILE]
               [--exports DIR] [--idle-timeout 30m]
                                   the TUI for several people at once over SSH
  daicho version                   print the version
  daicho help                      print this help

Flags for every command (before or after it):
  --db PATH     the database file; else $DAICHO_DB, else
                $XDG_DATA_HOME/daicho/daicho.db (~/.local/share/daicho/daicho.db)
  --lang en|ja  the language of messages; else ja when LANG is ja_*, else en

demo: a fictional company; small adds 40 customers, 15 products and
  documents of every kind and status, large 10,000 customers and also
  100,000 invoices over three years. A database that already holds data is
  refused, unless --force: then company settings already there are kept,
  and the demo customers are added with codes after the highest code in
  use. Products and documents are made only in a database the demo set up
  itself, as issued documents take real numbers and are never deleted.
  Nothing is overwritten. Both sizes add contracts too: small eleven (monthly,
  quarterly and yearly, one pro-rated from mid-month, one ending soon, one renewing
  itself, one cancelled, a draft), large also 5,000 active ones.

list customers: archived customers are left out unless --archived, in
  every format. table (the default) shows code, name, kana, phone and person
  in charge, aligned for Japanese text; csv and json hold every field, with
  the keys below. In csv, a cell starting with = + - @ gets a leading ' so a
  spreadsheet does not run it as a formula; import removes it again.

import customers FILE: CSV (UTF-8 or Shift_JIS) whose header row names the
  keys, in any order, code and name required:
    code, name, kana, honorific, postal_code, address1, address2,
    department, contact, email, phone, closing_day, months_deferred,
    payment_day, holiday_rule, registration_number, language,
    person_in_charge, notes, archived
  or JSON (what list --format json prints). FILE - reads standard input.
  Every row is checked first: if any is wrong, nothing is imported and each
  problem is listed with its line. Codes already in use are reported, never
  overwritten.

list products: code, name, unit, prices and tax category; archived products
  only with --archived. csv and json hold every field: code, name, kana,
  unit, unit_price, cost_price, tax_category, archived.

list documents: newest first, drafts on top. --kind estimate, delivery_note,
  invoice or credit_note; --status draft, issued, accepted, declined,
  expired (an issued estimate past its valid-until date) or void;
  --customer CODE; --from and --to bound the issue date (YYYY-MM-DD). table
  shows number (or draft), kind, customer, subject, issue date, total and
  status; csv one row per document with those, the customer code and the
  due date; json each document whole, in the shape import documents reads.

import documents FILE: a JSON array of documents, such as
    [{"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-11-20",
      "subject": "November", "price_mode": "exclusive", "notes": "",
      "lines": [{"product_code": "P0001", "description": "Support",
                 "quantity": "1.5", "unit": "h", "unit_price": 8000,
                 "tax_rate": 10}]}]
  kind: estimate, delivery_note, invoice or credit_note; price_mode:
  exclusive (the default) or inclusive; product_code may be left out;
  amounts are whole numbers in the currency's smallest unit (yen);
  tax_rate is the percent in force on the issue date (10, 8 or 0).
  valid_until (estimates), delivery_date (delivery notes), closing_date and
  due_date (invoices) may be given, else issuing fills them in. A credit
  note names the invoice it corrects: "sources": ["I-2026-0001"]. What list
  documents --format json adds may stay: number and status are ignored;
  amount, taxes and total must equal what daicho computes. The documents
  become drafts, or are issued (numbered) with --issue, all in one go: if
  any document has a problem, nothing is imported and each problem is
  listed with the document's number (1 is the first), the key (lines.0 is
  the first line) and the reason. FILE - reads standard input.

export: PDFs go into the exports folder of the settings, else Documents/daicho
  in your home folder, else the database's folder; --dir DIR picks another
  folder, -o FILE names the file itself (its folder must exist). Files are
  named after the number and the customer, I-2026-0007_株式会社テスト.pdf
  (statement_C0001_2026-10-01_2026-10-31.pdf for a statement). A file that
  exists already is replaced only with --force, and a file appears only once
  it is complete. The paths written go to stdout, one a line.
  export pdf --kind --month: every document of the kind (estimate,
  delivery_note, invoice, credit_note) with an issue date in the month,
  drafts too (marked DRAFT), void ones left out, on two cores; Ctrl+C stops
  it and every file written stays whole.
  export statement: the balance carried forward from before --from (issued
  invoices less issued credit notes), then the invoices and credit notes
  issued from --from to --to (YYYY-MM-DD).
  export pdf K-2026-0001: a contract number writes the contract summary
  (契約内容確認書: parties, period, billing, payment method, renewal terms,
  lines with their price changes), K-2026-0001_株式会社テスト.pdf.
  export statement --all: one statement per customer with an invoice, credit
  note or payment in the period or a balance at its end, named as above;
  if any of the files exists already, nothing is written without --force.
  export csv and export journal write to stdout, or with -o FILE to that
  file (the same rules: --force, whole or not at all). --from and --to
  (YYYY-MM-DD, either may be left out) bound the date of what is exported.
  export csv: RFC 4180 CSV (CRLF, a header of keys), UTF-8 or with
  --encoding sjis Shift_JIS for Excel; a character Shift_JIS lacks stops the
  export and is named. Amounts in yen (the minor unit). A text cell starting
  with = + - @, a tab, CR or NUL gets a leading ' so a spreadsheet shows it
  as text; numbers never do. invoices: issued and void invoices and credit
  notes by issue date, net and tax per rate (10, 8, 0, other), subtotal,
  tax, total, paid, adjusted, credited, open; credit notes negative and void
  ones 0, so a column sums to the net sales. payments: every payment record,
  reversals negative with the payment they reverse. customers: every
  customer, in the keys above. documents: one row per line of every issued
  document (estimates, delivery notes, invoices, credit notes), with cost.
  export journal: balanced entries: an invoice debits 売掛金 (per customer)
  and credits sales and 仮受消費税 per rate, a credit note the reverse; a
  payment debits the bank (cash for cash) and credits 売掛金, a reversal the
  same negative; a transfer fee or discount closing a shortfall debits
  支払手数料 or 売上値引. Void documents book nothing. --format hledger: a
  journal with its accounts and commodity declared (hledger check passes;
  account names follow --lang); --format yayoi: 弥生会計's 仕訳日記帳 import
  (Shift_JIS, 25 columns, sales tax-inclusive: 課税売上込10%, …).

list payments: newest first, with what is allocated and what is left
  (the customer's unapplied credit); a reversal is a record of its own with
  a negative amount. --customer, --from and --to (the payment date) narrow
  it. csv and json keys: id, date, customer_code, customer_name, amount,
  allocated, unapplied, method, payer_name, reference, memo, reversed,
  reverses, reason.

import bank FILE: a Zengin file (入出金取引明細 or 振込入金通知) or a bank's CSV
  export; the format is detected unless --format says it. A CSV is read with
  the column profile --profile names (built in: generic, azukari, oazukeire,
  oazukekingaku, nyushukkin, ukeire; or one saved in the reconciliation
  screen), else with the first that fits. Only deposits are imported, in one
  go: a file with any problem imports nothing and each problem is listed
  with its line. A deposit imported before (the same line of the same
  account) is recognised and left alone, so importing a file twice adds
  nothing. Each new deposit is ranked against the open invoices; only a
  sure match is recorded at once (its exact open amount, and a payer name
  learned from earlier matches or the invoice's number in the memo); the
  rest wait in the reconciliation screen, listed with their best candidate.
  --dry-run reads and shows, and writes nothing.

overdue: the invoices with something open after their due date as of
  --as-of (today by default), the most overdue first, with the days overdue
  and the aging bucket, and the totals per bucket; for a daily mail to the
  person in charge. json and csv keys: number, customer_code, customer_name,
  person_in_charge, issue_date, due_date, total, paid, open, days_overdue,
  bucket (1-30, 31-60, 61-90, 90+).

report sales|margin: issued invoices less issued credit notes, by issue
  date, net of tax; drafts and void documents count for nothing. The period
  is --from to --to, by default the twelve months ending this month. --by
  month (the default: every month of the period, empty ones too), customer,
  product or person (the customer's person in charge). margin adds the cost
  (each line's cost price × quantity, as it was when the line was made), the
  gross profit and the margin. On a tax-inclusive document a product's sales
  are its share of the rate's net, so every grouping adds up to the same
  total. csv keys: key, label, documents, sales (margin: and cost, profit,
  margin in percent), no total row; json {from, to, by, rows, total}.
report aging: the overdue receivables as of --to (today by default) per
  aging bucket, as daicho overdue sums them; --by customer lists each
  customer's overdue total (csv: code, name, person_in_charge, invoices,
  oldest_days, open; else bucket, invoices, open).

list contracts: drafts first, then by number. --status draft, active, ended
  or cancelled; --customer CODE. table shows number, customer, title,
  status, cycle, next billing date, monthly value (tax excluded) and end
  date, with the days left for an active contract; csv one row per contract
  (number, customer_code, customer_name, title, status, cycle, start, end,
  next_billing, monthly_value, ends_in_days, auto_renew, person_in_charge);
  json each contract whole: its terms (start; end, null when open-ended;
  cycle, cycle_months, billing_day (31: the month's end), in_advance,
  pro_rate, payment_method, auto_renew, renewal_months, notice_days,
  cancel_reason, notes), its lines with their price history (prices:
  [{from, unit_price}]) and the figures of the table.

list inquiries: the inquiry log in the order of the Inquiries screen: open,
  then waiting, then closed; within each the soonest follow-up date first
  (none last), then the newest. --status open, waiting or closed;
  --customer CODE. table shows status, follow-up, date, customer, subject,
  person in charge, channel and document; csv and json keys: id,
  customer_code, customer_name, date, channel (phone, email, visit, other),
  subject, body, status, person, document (its number; null in json when
  none), follow_up (null in json when none).

bill --month YYYY-MM: the billing run. Every contract with a period due in
  the month gets an invoice (one per customer when the settings combine
  them), each line with its service period (保守料 2026年12月分), part
  periods pro-rated by days where the contract says so; auto-renewing
  contracts whose term runs out are renewed first. The invoices are drafts,
  or issued (numbered) with --issue, all in one go: if anything fails,
  nothing is made. A period billed before is never billed again, so running
  a month twice makes nothing new and says so. --dry-run prints every
  invoice the run would make (customer, contracts, lines, totals) and
  writes nothing.

backup: VACUUM INTO daicho-YYYYMMDD-HHMMSS.db (local time) in the backup
  folder of the settings (empty: backups next to the database) or --to DIR,
  made 0600 in a 0700 folder. The copy is checked (integrity_check and the
  ledger's rules) before anything is removed; only files named like that are
  ever removed, the oldest first, beyond the number to keep (14 unless the
  settings say otherwise). The TUI makes one such backup a day, in the
  background, on its first start of the day. Prints the copy's path.
restore FILE: FILE must be a daicho database that passes integrity_check and
  the ledger's rules and is not from a newer daicho; then, after y (or with
  --yes), the database is copied aside to DB.before-restore-YYYYMMDD-HHMMSS
  and FILE copied in its place. Close every other daicho on the database
  first: a restore is refused while one has it open.
check: read only, nothing is written. integrity_check (every problem it
  finds), then the ledger's rules: open balances, allocations within their
  payments, gapless numbers per series and counters, issued documents
  matching their lines' totals, no delivery note invoiced twice. Prints one
  line per violation.

serve: an SSH server (127.0.0.1:2222 unless --listen) giving each session its
  own TUI on this database. Only the public keys in --authorized-keys get in
  (OpenSSH format, one a line, the person's name as the comment, which the
  audit log shows; without a comment, the ssh login name); no passwords. The
  host key is made 0600 on the first start, ssh_host_ed25519_key beside the
  database unless --host-key. Sessions write files only into --exports
  (default: exports beside the database). A session without a key press for
  --idle-timeout is closed. One line per session start and end on stderr;
  Ctrl+C or SIGTERM closes the sessions and stops.

Exit status: 0 done, 1 a problem to fix (the message says what), 2 bad usage.
`,
	"cli.usage_short":             "usage: daicho [--db PATH] [--lang en|ja] [--demo] [demo|list|import|export|overdue|report|bill|backup|restore|check|serve|version|help] …\nRun daicho help for the commands.\n",
	"cli.unknown_command":         "unknown command %q",
	"cli.unexpected_arg":          "unexpected argument %q",
	"cli.bad_lang":                "unknown language %q (use en or ja)",
	"cli.demo_flag_alone":         "--demo opens the TUI on a throwaway database and takes no command",
	"cli.version":                 "daicho %s (database schema %d)",
	"cli.no_home":                 "cannot find your home folder to keep the database in: name the file with --db PATH or $DAICHO_DB",
	"cli.demo.temp":               "cannot make a temporary folder for the demo database: %v",
	"cli.demo.bad_size":           "unknown size %q (use small or large)",
	"cli.demo.has_data":           "%s already holds data (company settings or customers), so nothing was changed. To add the demo customers anyway, run daicho demo --force (your company settings are kept); to try daicho without touching this file, run daicho --demo",
	"cli.demo.done":               "added %d demo customers, %d products and %d documents to %s",
	"cli.list.what":               "list what? daicho list customers, products, documents, payments, contracts or inquiries",
	"cli.list.unknown":            "cannot list %q: daicho lists customers, products, documents, payments, contracts or inquiries",
	"cli.list.bad_format":         "unknown format %q (use table, csv or json)",
	"cli.list.archived_mark":      "archived",
	"cli.list.empty":              "no customers to list",
	"cli.import.what":             "import what? daicho import customers FILE, daicho import documents FILE, or daicho import bank FILE",
	"cli.import.unknown":          "cannot import %q: daicho imports customers, documents or bank",
	"cli.import.need_file":        "name the file to import: daicho import %s FILE",
	"cli.import.read":             "cannot read %s: %v",
	"cli.import.stdin":            "standard input",
	"cli.import.problems":         "%s: %d problem(s); nothing was imported:",
	"cli.import.record":           "record %d: %s",
	"cli.import.fix":              "Fix the file and run the import again.",
	"cli.import.done":             "imported %d customers from %s",
	"err.import.too_large":        "%s is larger than %d MB: is it the right file?",
	"err.import.encoding":         "%s is neither UTF-8 nor Shift_JIS text: save it as CSV (UTF-8) and try again",
	"err.import.empty":            "%s holds no customers",
	"err.import.int":              "%s is not a whole number",
	"err.import.bool":             "%s is not true or false",
	"err.import.unknown_column":   "unknown column %s in the header; the columns are: %s",
	"err.import.duplicate_column": "the column %s appears twice in the header",
	"err.import.missing_column":   "the header has no %s column, which is required",
	"err.import.field_count":      "this row has %d cells but the header has %d",
	"err.import.unnamed_column":   "cell %d has a value, but its column has no name in the header",
	"err.import.csv_quote":        "a quoted cell is never closed (a \" is missing)",
	"err.import.csv_bare_quote":   "a \" inside a cell without quotes: put the cell in quotes and write the \" twice",
	"err.import.csv_syntax":       "the CSV cannot be read here: %s",
	"err.import.json_array":       "the file must hold a JSON array of customers: [{…}, {…}]",
	"err.import.json_record":      "this record is not an object {…}",
	"err.import.json_text":        "must be text in quotes",
	"err.import.unknown_key":      "unknown key %s; the keys are: %s",
	"err.import.json_syntax":      "the JSON is broken at line %d (%s)",
	"err.import.json_truncated":   "the JSON ends too early (a ] or } is missing)",
	"err.import.json_trailing":    "there is more text after the closing ]",
	"cli.list.flag_not_for":       "--%s does not apply to list %s",
	"cli.list.bad_kind":           "unknown kind %q (use %s)",
	"cli.list.bad_status":         "unknown status %q (use %s)",
	"cli.list.bad_date":           "%s %q is not a date (use YYYY-MM-DD)",
	"cli.list.from_after_to":      "--from %s is after --to %s",
	"cli.list.empty_products":     "no products to list",
	"cli.list.empty_documents":    "no documents to list",
	"cli.col.code":                "Code",
	"cli.col.name":                "Name",
	"cli.col.unit":                "Unit",
	"cli.col.unit_price":          "Unit price",
	"cli.col.cost_price":          "Cost",
	"cli.col.tax":                 "Tax",
	"cli.col.number":              "Number",
	"cli.col.kind":                "Kind",
	"cli.col.customer":            "Customer",
	"cli.col.subject":             "Subject",
	"cli.col.issue_date":          "Issued",
	"cli.col.total":               "Total",
	"cli.col.status":              "Status",
	"cli.kind.estimate":           "Estimate",
	"cli.kind.delivery_note":      "Delivery note",
	"cli.kind.invoice":            "Invoice",
	"cli.kind.credit_note":        "Credit note",
	"cli.status.draft":            "draft",
	"cli.status.issued":           "issued",
	"cli.status.accepted":         "accepted",
	"cli.status.declined":         "declined",
	"cli.status.expired":          "expired",
	"cli.status.void":             "void",
	"cli.tax.standard":            "standard (10%)",
	"cli.tax.reduced":             "reduced (8%)",
	"cli.tax.exempt":              "exempt",
	"cli.import.issue_documents":  "--issue applies to import documents only",
	"cli.import.document":         "document %d: %s",
	"err.import.json_documents":   "the file must hold a JSON array of documents: [{…}, {…}]",
	"err.import.no_documents":     "%s holds no documents",
	"err.import.json_list":        "must be a list [ … ]",
	"err.import.json_object":      "must be an object {…}",
	"err.import.not_for_kind":     "a document of kind %s has no such date",
	"err.import.tax_rate":         "no tax category has %d%% on %s",
	"err.import.mismatch":         "the file says %d, but daicho computes %d (quantity × unit price half-up; tax once per rate)",
	"err.import.taxes_mismatch":   "the per-rate figures differ from what daicho computes (tax once per rate, not per line)",
	"cli.export.what":             "export what? daicho export pdf NUMBER, daicho export pdf --kind K --month YYYY-MM, daicho export statement CODE|--all --from DATE --to DATE, daicho export csv TABLE, or daicho export journal --format hledger|yayoi",
	"cli.export.unknown":          "cannot export %q: daicho exports pdf, statement, csv or journal",
	"cli.export.flag_not_for":     "--%s does not apply to export %s",
	"cli.export.o_and_dir":        "-o names the file and --dir the folder: give one of them",
	"cli.export.number_or_month":  "give a document number, or --kind and --month for a month's documents, not both",
	"cli.export.pdf_what":         "which PDFs? daicho export pdf NUMBER, or a month of one kind: daicho export pdf --kind invoice --month 2026-11",
	"cli.export.kind_and_month":   "--kind and --month go together: daicho export pdf --kind invoice --month 2026-11",
	"cli.export.o_with_month":     "-o names one file; a month's documents go into a folder: use --dir DIR",
	"cli.export.bad_month":        "--month %q is not a month (use YYYY-MM)",
	"cli.export.statement_who":    "name the customer: daicho export statement CODE --from DATE --to DATE",
	"cli.export.need_period":      "a statement needs its period: --from DATE --to DATE (YYYY-MM-DD)",
	"cli.export.o_is_folder":      "%s is a folder: -o names the file to write (--dir chooses a folder)",
	"cli.export.no_folder":        "the folder %s does not exist: create it first, or leave out -o to save into the exports folder",
	"cli.export.exists":           "%s exists already, so nothing was written: add --force to replace it",
	"cli.export.cannot_write":     "cannot write %s: %v",
	"cli.export.none":             "nothing to export: no document of kind %s has an issue date in %s (void documents are left out)",
	"cli.export.interrupted":      "interrupted after %d of %d PDFs; the files written are whole",
	"cli.export.partial":          "wrote %d of %d PDFs, then stopped:",
	"cli.export.batch_done":       "exported %d PDF(s) into %s in %.1f s",

	// CLI: the accountant's exports: CSV, journals, statements for all (issue 7).
	"cli.export.csv_what":               "which table? daicho export csv invoices|payments|customers|documents [--from DATE --to DATE] [--encoding utf8|sjis] [-o FILE]",
	"cli.export.csv_unknown":            "cannot export %q as CSV: the tables are %s",
	"cli.export.bad_encoding":           "unknown --encoding %q (use utf8 or sjis)",
	"cli.export.customers_no_period":    "--from and --to do not apply to export csv customers: it writes every customer",
	"cli.export.journal_format":         "which format? daicho export journal --format hledger|yayoi [--from DATE --to DATE] [-o FILE]",
	"cli.export.bad_journal_format":     "unknown journal format %q (use hledger or yayoi)",
	"cli.export.all_or_code":            "give a customer's code or --all, not both",
	"cli.export.o_with_all":             "-o names one file; --all writes one statement per customer into a folder: use --dir DIR",
	"cli.export.no_statements":          "nothing to export: no customer has a document, a payment or a balance from %s to %s",
	"cli.export.statements_exist":       "%d of the %d statements exist already (%s, …), so nothing was written: add --force to replace them",
	"cli.export.statements_interrupted": "interrupted after %d of %d statements; the files written are whole",
	"cli.export.statements_partial":     "wrote %d of %d statements, then stopped:",
	"cli.export.statements_done":        "exported %d statement(s) into %s",
	"err.export.not_sjis":               "row %d (%s), column %s: %q (%s) has no Shift_JIS code; change the text in daicho, or export the CSV with --encoding utf8",
	"err.export.yayoi_yen":              "弥生会計 keeps its books in yen, and this ledger is in %s: export --format hledger instead",

	// CLI: payments, bank import and overdue (issue 5).
	"cli.demo.payments":               "and %d payments; the demo bank files to reconcile (daicho import bank FILE):\n  %s",
	"cli.list.empty_payments":         "no payments to list",
	"cli.col.date":                    "Date",
	"cli.col.amount":                  "Amount",
	"cli.col.allocated":               "Allocated",
	"cli.col.unapplied":               "Unapplied",
	"cli.col.method":                  "Method",
	"cli.col.payer":                   "Payer",
	"cli.col.person":                  "In charge",
	"cli.col.due_date":                "Due",
	"cli.col.days":                    "Days",
	"cli.col.open":                    "Open",
	"cli.col.bucket":                  "Days overdue",
	"cli.payment.reversal":            "reverses #%d: %s",
	"cli.payment.reversed":            "reversed",
	"cli.overdue.none":                "nothing is overdue as of %s",
	"cli.overdue.bucket":              "%s days: %d (%s)",
	"cli.overdue.total":               "As of %s, %d invoice(s) overdue, %s in all: %s",
	"cli.import.bank_flag":            "--%s applies to import bank only",
	"cli.import.bad_bank_format":      "unknown bank file format %q (use zengin or csv)",
	"cli.import.profile_csv":          "--profile names a CSV column profile: it does not apply to --format zengin",
	"cli.bank.summary":                "%s: %d deposit(s), %d new, %d imported before (left alone)",
	"cli.bank.summary_dry":            "%s (dry run: nothing was written): %d deposit(s), %d new, %d imported before",
	"cli.bank.matched":                "Matched and recorded as payments (%d):",
	"cli.bank.would_match":            "Would be matched and recorded (%d):",
	"cli.bank.review":                 "To review in the reconciliation screen (%d), with the best candidate:",
	"cli.bank.unmatched":              "No candidate (%d): assign or skip them in the reconciliation screen",
	"cli.bank.confirm_failed":         "the deposit of %s was left to review: %s",
	"cli.bank.no_invoice":             "(nothing open: the money becomes unapplied credit)",
	"cli.bank.fee":                    "fee %s",
	"match.reason.exact_amount":       "exact amount",
	"match.reason.fee_deducted":       "fee of %s deducted",
	"match.reason.shortfall":          "%s short",
	"match.reason.payer_name":         "the payer's name",
	"match.reason.alias":              "a payer known from earlier matches",
	"match.reason.number_in_memo":     "the invoice number in the memo",
	"match.reason.combined":           "%s invoices together",
	"cli.bank.confidence.high":        "sure",
	"cli.bank.confidence.medium":      "likely",
	"cli.bank.confidence.low":         "possible",
	"err.reconcile.amount_positive":   "a deposit must be above zero",
	"err.reconcile.line_not_found":    "no bank line %v",
	"err.reconcile.line_matched":      "this deposit is matched already (payment #%v)",
	"err.reconcile.line_skipped":      "this deposit was skipped: reopen it first",
	"err.reconcile.payment_live":      "the deposit's payment #%v stands: reverse the payment first",
	"err.reconcile.alias_not_found":   "no payer name %s is learned for this customer",
	"err.reconcile.profile_json":      "the profile must be a JSON object",
	"err.reconcile.profile_not_found": "no CSV profile is called %s (built in: generic, azukari, oazukeire, oazukekingaku, nyushukkin, ukeire)",
	"field.identity":                  "Line identity",
	"field.bank_profile":              "CSV profile",

	// CLI: contracts, the billing run and the contract summary (issue 6).
	"cli.bill.need_month":               "which month? daicho bill --month YYYY-MM (add --dry-run to see it first)",
	"cli.bill.failed":                   "nothing was billed: contract %s: %s",
	"cli.bill.plan":                     "Billing run for %s (dry run: nothing was written): %d invoice(s) would be made; %d contract period(s) billed before are left alone.",
	"cli.bill.would_renew":              "Renewed first (automatic renewal): %s",
	"cli.bill.invoice":                  "%s %s · %s · issue date %s",
	"cli.bill.totals":                   "Subtotal %s · tax %s · total %s",
	"cli.bill.plan_total":               "%d invoice(s), %s in all. Run it without --dry-run to make them (--issue issues them at once).",
	"cli.bill.none_due":                 "%s: no contract has a period to bill in this month; nothing was made",
	"cli.bill.nothing_new":              "%s: already billed, nothing new (%d contract period(s) were billed before)",
	"cli.bill.renewed":                  "Renewed automatically: %s",
	"cli.bill.made_drafts":              "Billing run for %s: made %d draft invoice(s); issue them in the Documents screen, or bill with --issue next time. %d contract period(s) billed before were left alone.",
	"cli.bill.made_issued":              "Billing run for %s: made and issued %d invoice(s); %d contract period(s) billed before were left alone.",
	"cli.bill.draft":                    "draft #%d",
	"cli.bill.more":                     "… and %d more",
	"cli.col.description":               "Description",
	"cli.col.quantity":                  "Qty",
	"cli.col.title":                     "Title",
	"cli.col.cycle":                     "Cycle",
	"cli.col.next_billing":              "Next bill",
	"cli.col.monthly":                   "Monthly",
	"cli.col.end":                       "Ends",
	"cli.contract.status.draft":         "draft",
	"cli.contract.status.active":        "active",
	"cli.contract.status.ended":         "ended",
	"cli.contract.status.cancelled":     "cancelled",
	"cli.contract.cycle.monthly":        "monthly",
	"cli.contract.cycle.every_n_months": "every N months",
	"cli.contract.cycle.yearly":         "yearly",
	"cli.contract.cycle.one_off":        "one-off",
	"cli.contract.open_ended":           "open-ended",
	"cli.contract.ends_in":              "(in %d days)",
	"cli.list.empty_contracts":          "no contracts to list",
	"cli.export.no_number":              "no document or contract is numbered %s",
	"cli.demo.contracts":                "and %d contracts (daicho list contracts); to see the next billing run: daicho bill --month 2026-12 --dry-run",

	// Email (issue 8): the preview and sending from the documents and overdue
	// screens, the mail log in the document view, the mail settings page and
	// the reasons of store/mail_*.go and store/mail.
	"key.mail":                          "email",
	"key.mail_reminder":                 "email reminder",
	"key.send":                          "send",
	"key.mail_to":                       "recipient",
	"key.mail_subject":                  "subject",
	"key.mail_settings":                 "mail settings",
	"key.company_settings":              "company settings",
	"mail.preview_title":                "Send by email?",
	"mail.preview_reminder_title":       "Send the payment reminder by email?",
	"mail.to":                           "To",
	"mail.subject":                      "Subject",
	"mail.attachment":                   "Attached",
	"mail.via":                          "Via",
	"mail.via_smtp":                     "%s:%d (%s)",
	"mail.via_eml":                      "no SMTP server set: an .eml file in %s, to send from your mail program",
	"mail.security.starttls":            "STARTTLS",
	"mail.security.tls":                 "TLS",
	"mail.security.none":                "none (this machine only)",
	"mail.more_lines":                   "… %d more lines",
	"mail.keys":                         "y/enter send · t recipient · s subject · esc do not send",
	"mail.retry_keys":                   "y try again · esc do not send",
	"mail.sending":                      "Sending to %s…",
	"mail.ask_to":                       "Send to (one email address)",
	"mail.ask_subject":                  "Subject",
	"mail.draft_refused":                "A draft cannot be sent: issue it first (I), then send it (m).",
	"mail.cannot":                       "Cannot send: %s",
	"mail.not_sent":                     "Not sent, nothing marked as sent: %s",
	"mail.send_failed":                  "the server %s did not take the mail: %s",
	"mail.not_logged":                   "The mail to %s was sent, but could not be logged (%s): do not send it again.",
	"mail.sent":                         "Sent %s to %s",
	"mail.saved_eml":                    "No SMTP server set: the mail to %s is saved as %s; send it from your mail program",
	"mail.log_title":                    "Sent by email (%d)",
	"mail.log_more":                     "… and %d earlier",
	"mail.log_smtp":                     "SMTP",
	"mail.log_eml":                      ".eml file",
	"mail.log_reminder":                 "reminder",
	"mailset.tab":                       "Mail settings",
	"mailset.title":                     "Mail settings (pgup: company settings)",
	"mailset.saved":                     "Mail settings saved.",
	"mailset.not_saved":                 "Not saved: fix the marked fields.",
	"mailset.host_hint":                 "empty: no server, mails become .eml files in the exports folder",
	"mailset.port_hint":                 "587 STARTTLS · 465 TLS · 25 none",
	"mailset.password_env_hint":         "the NAME of a variable holding the password",
	"mailset.password_file_hint":        "or a file only you can read (chmod 600)",
	"mailset.from_hint":                 "empty: the company's email",
	"mailset.from_name_hint":            "empty: the company's name",
	"mailset.lines_hint":                "%s = a new line",
	"field.host":                        "SMTP server",
	"field.security":                    "Security",
	"field.port":                        "Port",
	"field.username":                    "User name",
	"field.password_env":                "Password variable",
	"field.password_file":               "Password file",
	"field.from_address":                "From address",
	"field.from_name":                   "From name",
	"field.to":                          "To",
	"field.file":                        "File",
	"field.ja.subject":                  "Subject (ja)",
	"field.ja.body":                     "Body (ja)",
	"field.ja.reminder_subject":         "Reminder subject (ja)",
	"field.ja.reminder_body":            "Reminder body (ja)",
	"field.en.subject":                  "Subject (en)",
	"field.en.body":                     "Body (en)",
	"field.en.reminder_subject":         "Reminder subject (en)",
	"field.en.reminder_body":            "Reminder body (en)",
	"err.mail.host":                     "a server name or address, like smtp.example.jp (no scheme, no port)",
	"err.mail.env_name":                 "letters, digits and _ only, like DAICHO_SMTP_PASSWORD (the variable's name, not the password)",
	"err.mail.password_both":            "give a password variable or a password file, not both",
	"err.mail.password_missing":         "the server wants a password: name a variable or a file that holds it",
	"err.mail.placeholder":              "%v is not a placeholder; use %v",
	"err.mail.draft":                    "a draft cannot be sent: issue it first",
	"err.mail.void":                     "%v is void: it is not sent",
	"err.mail.other_customer":           "%v is another customer's document",
	"err.mail.no_email":                 "%v %v has no email address: add one to the customer first",
	"err.mail.bad_email":                "the email address of %v (%v) is not usable: correct it in the customer",
	"err.mail.no_from":                  "no sender: set a from address in the mail settings or an email in the company settings",
	"err.mail.password_env_unset":       "the environment variable %v is not set (or empty) where daicho runs",
	"err.mail.password_file_unreadable": "cannot read the password file %v: %v",
	"err.mail.password_file_mode":       "the password file %v can be read by others (mode %v): chmod 600 it",
	"err.mail.password_file_empty":      "the password file %v is empty",
	"cli.mail.number":                   "which document? daicho mail NUMBER (e.g. I-2026-0007)",
	"cli.mail.no_number":                "no document is numbered %s",
	"cli.mail.dry_run":                  "(dry run: nothing sent, nothing logged)",
	"err.reminder.nothing_overdue":      "%v %v has nothing overdue as of %v: no reminder",
	// The inquiry log (issue 7, サポート履歴): the Inquiries tab, the inquiry
	// form, the customer detail's section, the store's reasons and the CLI.
	"tab.inquiries":                       "Inquiries",
	"key.inquiry":                         "inquiry",
	"field.channel":                       "Channel",
	"field.body":                          "Details",
	"field.status":                        "Status",
	"field.person":                        "In charge",
	"field.document":                      "Document",
	"field.follow_up":                     "Follow-up",
	"inq.status.open":                     "open",
	"inq.status.waiting":                  "waiting",
	"inq.status.closed":                   "closed",
	"inq.channel.phone":                   "phone",
	"inq.channel.email":                   "email",
	"inq.channel.visit":                   "visit",
	"inq.channel.other":                   "other",
	"inq.title":                           "Inquiries",
	"inq.col_status":                      "Status",
	"inq.col_follow_up":                   "Follow-up",
	"inq.col_date":                        "Date",
	"inq.col_customer":                    "Customer",
	"inq.col_subject":                     "Subject",
	"inq.col_person":                      "Person",
	"inq.col_channel":                     "Via",
	"inq.col_document":                    "Document",
	"inq.search_placeholder":              "customer or subject",
	"inq.search_hint":                     "/ to filter by customer (name, kana, code) or subject",
	"inq.filter_active":                   "open and waiting",
	"inq.filter_closed":                   "closed only",
	"inq.empty":                           "No inquiries yet. Press n to log one, or i wherever a customer is selected (customers, documents, overdue, contracts, payments).",
	"inq.pick_customer":                   "Who asked? Pick the customer",
	"inq.new_title":                       "New inquiry: %s %s",
	"inq.edit_title":                      "Inquiry #%d: %s %s",
	"inq.date_hint":                       "YYYY-MM-DD",
	"inq.body_hint":                       "⏎ = new line",
	"inq.document_hint":                   "e.g. I-2026-0007",
	"inq.document_draft_hint":             "a draft: link it once issued",
	"inq.follow_up_hint":                  "empty: none",
	"inq.saving":                          "Saving…",
	"inq.created":                         "Inquiry #%d added for %s %s.",
	"inq.saved":                           "Inquiry #%d saved (%s %s).",
	"inq.not_saved":                       "Not saved: correct the fields marked ✗ (ctrl+s to try again).",
	"inq.section":                         "Inquiries (%d)",
	"inq.more":                            "… and %d more on the Inquiries tab",
	"inq.next":                            "next %s",
	"err.inquiry.not_found":               "no inquiry #%v",
	"err.inquiry.document_unknown":        "no document is numbered %v",
	"err.inquiry.document_draft":          "a draft has no number yet: issue it first, or leave this empty",
	"err.inquiry.document_other_customer": "%v is another customer's document, not %v's",
	"err.inquiry.follow_up_before_date":   "must be on or after the inquiry's date (%v)",
	"cli.list.empty_inquiries":            "no inquiries to list",
	"cli.inq.col_channel":                 "Channel",
	"cli.inq.col_document":                "Document",
	"cli.inq.col_follow_up":               "Follow-up",
	"cli.demo.inquiries":                  "and %d inquiries (daicho list inquiries)",

	// Sales and margin reports: the report command, the Reports screen and the
	// document view's gross profit (issue 7, margin).
	"err.report.to_before_from": "must not be before the start of the period (%s)",
	"cli.report.what":           "report what? daicho report sales, margin or aging",
	"cli.report.unknown":        "cannot report %q: daicho reports sales, margin or aging",
	"cli.report.bad_by":         "unknown grouping %q (use %s)",
	"cli.report.aging_by":       "report aging groups by customer only (--by customer), not %q",
	"cli.report.aging_from":     "report aging is as of one day, --to (today by default): --from does not apply",
	"cli.report.sales_heading":  "Sales (net of tax) from %s to %s, by %s",
	"cli.report.margin_heading": "Sales, cost and gross profit from %s to %s, by %s",
	"cli.report.by_month":       "month",
	"cli.report.by_customer":    "customer",
	"cli.report.by_product":     "product",
	"cli.report.by_person":      "person in charge",
	"cli.report.col_month":      "Month",
	"cli.report.col_customer":   "Code",
	"cli.report.col_product":    "Code",
	"cli.report.col_person":     "In charge",
	"cli.report.nothing":        "no invoice or credit note was issued from %s to %s",
	"cli.report.total":          "Total",
	"cli.report.no_product":     "(no product)",
	"cli.report.no_person":      "(no one in charge)",
	"cli.report.aging_heading":  "Receivables as of %s",
	"cli.report.days":           "%s days",
	"cli.col.documents":         "Docs",
	"cli.col.sales":             "Sales",
	"cli.col.cost_total":        "Cost",
	"cli.col.profit":            "Gross profit",
	"cli.col.margin":            "Margin",
	"cli.col.invoices":          "Invoices",
	"cli.col.oldest":            "Oldest (days)",
	"rep.period":                "%s to %s",
	"rep.loading":               "Loading…",
	"rep.view.month":            "Month",
	"rep.view.customer":         "Customers",
	"rep.view.product":          "Products",
	"rep.view.person":           "Persons",
	"rep.view.aging":            "Aging",
	"rep.view.cash":             "Cash",
	"rep.col.month":             "Month",
	"rep.col.code":              "Code",
	"rep.col.customer":          "Customer",
	"rep.col.product":           "Product",
	"rep.col.person":            "In charge",
	"rep.col.docs":              "Docs",
	"rep.col.sales":             "Sales",
	"rep.col.cost":              "Cost",
	"rep.col.profit":            "Gross profit",
	"rep.col.margin":            "Margin",
	"rep.col.received":          "Received",
	"rep.col.bucket":            "Days overdue",
	"rep.col.invoices":          "Invoices",
	"rep.col.open":              "Open",
	"rep.total":                 "Total",
	"rep.no_product":            "(no product)",
	"rep.no_person":             "(no one in charge)",
	"rep.sorted":                "sorted by %s",
	"rep.sort.sales":            "sales",
	"rep.sort.profit":           "gross profit",
	"rep.sort.margin":           "margin",
	"rep.sort.code":             "code",
	"rep.empty":                 "No invoice or credit note was issued in this period.",
	"rep.sales_note":            "Sales net of tax (invoices less credit notes); cost: cost price × quantity",
	"rep.aging_title":           "Receivables as of %s: not yet due, and overdue by days past due",
	"rep.aging_none":            "Nothing is open as of %s.",
	"rep.not_due":               "Not yet due",
	"rep.cash_title":            "Cash received per month (payments less reversals)",
	"rep.from_prompt":           "The period starts on (YYYY-MM-DD; empty: twelve months before its end)",
	"rep.to_prompt":             "The period ends on (YYYY-MM-DD; empty: the end of this month)",
	"rep.period_set":            "Reports for %s to %s",
	"key.report_view":           "view",
	"key.report_period":         "period",
	"docs.margin":               "Gross profit %s (margin %s%%) · cost %s — for the office, not printed",
	"docs.margin_no_sales":      "Gross profit %s · cost %s — for the office, not printed",

	// A full disk (issue 8, fault tests): SQLITE_FULL as the store reports it.
	"err.db.full": "the disk is full: nothing was saved; free some space and try again",

	// Backups and checks (issue 8): daicho backup, restore and check, the
	// daily automatic backup and the backup settings.
	"field.backup_dir":       "Backup folder",
	"field.backup_keep":      "Backups to keep",
	"setup.backup_dir_hint":  "empty: the backups folder next to the database",
	"setup.backup_keep_hint": "the newest are kept; 14 = two weeks of daily backups",
	"setup.backup_fixed":     "changed only on the server's own terminal (daicho without serve)",
	"err.backup.dir":         "cannot write backups into %s (%s): choose another backup folder in the settings, or with --to DIR",
	"err.file.missing":       "%s does not exist: check the name and the folder",
	"err.db.not_sqlite":      "%s is not a daicho database (not an SQLite file). Nothing was changed",
	"err.restore.same_file":  "%s is the database itself: choose a backup copy",
	"err.restore.in_use":     "%s is open in another daicho (a terminal or an SSH session): close it, then restore again. Nothing was changed",
	"err.check.old_schema":   "%s has the schema of an older daicho (%d; this program knows %d): open it once with daicho, which upgrades it, then check again",
	"cli.backup.removed":     "removed the old backup %s",
	"cli.backup.violations":  "the backup %s was written, but the ledger breaks %d rules (listed above), so no older backup was removed. Keep this copy apart and run daicho check",
	"cli.backup.finishing":   "finishing today's backup…",
	"cli.backup.auto_failed": "today's automatic backup failed: %s. Run daicho backup to try again",
	"cli.restore.no_file":    "restore needs the backup to restore: daicho restore FILE",
	"cli.restore.confirm":    "replace %s with %s? [y/N]",
	"cli.restore.cancelled":  "nothing was restored",
	"cli.restore.done":       "restored %s from %s; the file it replaced is kept as %s",
	"cli.restore.done_new":   "restored %s from %s",
	"cli.restore.violations": "%s breaks %d ledger rules (listed above), so it was not restored: choose another backup",
	"cli.check.violations":   "%s breaks %d ledger rules (listed above): restore a backup (daicho restore FILE) or show the list to whoever supports daicho",
	"cli.check.ok":           "ok: %d documents and %d payments checked in %s",

	// Live updates between desks: a form whose record someone else saved
	// (or deleted) while it is open says so at once.
	"live.form_stale":         "%s saved this record at %s, after you opened it: saving will ask whether to reload",
	"live.form_stale_unknown": "someone saved this record after you opened it: saving will ask whether to reload",
	"live.form_deleted":       "someone deleted this record after you opened it: it can no longer be saved",
}
