package tui

import (
	"charm.land/bubbles/v2/key"

	"daicho/tui/i18n"
)

// Key maps, one struct per kind of view, each built by a Default…KeyMap
// function with help text in the user's language. Screens embed the maps they
// use and list them in ShortHelp/FullHelp, so the help bar always shows the
// keys of what is on screen.

func bind(p i18n.Printer, helpKey, helpText string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, p.T(helpText)))
}

// GlobalKeyMap works on every screen (unless a text field has the keyboard).
type GlobalKeyMap struct {
	NextTab, PrevTab, Jump, Settings, Help, Quit key.Binding
	// Reload reads every list again from the database: what others saved
	// since (several people share one ledger over daicho serve).
	Reload key.Binding
}

func DefaultGlobalKeyMap(p i18n.Printer) GlobalKeyMap {
	return GlobalKeyMap{
		NextTab:  bind(p, "tab", "key.next_screen", "tab"),
		PrevTab:  bind(p, "shift+tab", "key.prev_screen", "shift+tab"),
		Jump:     bind(p, "1-7", "key.jump", "1", "2", "3", "4", "5", "6", "7"),
		Settings: bind(p, "S", "key.settings", "S"),
		Help:     bind(p, "?", "key.help", "?"),
		Quit:     bind(p, "q", "key.quit", "q", "ctrl+c"),
		Reload:   bind(p, "ctrl+r", "key.reload", "ctrl+r"),
	}
}

// ListKeyMap moves through a table.
type ListKeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
}

func DefaultListKeyMap(p i18n.Printer) ListKeyMap {
	return ListKeyMap{
		Up:       bind(p, "↑/k", "key.up", "up", "k"),
		Down:     bind(p, "↓/j", "key.down", "down", "j"),
		Top:      bind(p, "g", "key.top", "g", "home"),
		Bottom:   bind(p, "G", "key.bottom", "G", "end"),
		PageUp:   bind(p, "pgup", "key.page_up", "pgup", "ctrl+b"),
		PageDown: bind(p, "pgdn", "key.page_down", "pgdown", "ctrl+f"),
	}
}

// RecordKeyMap acts on the records of a master list (customers, later products).
// Inquiry adds an inquiry for the customer of the record under the cursor on
// every screen that lists records of a customer (n is "new" of the screen's
// own records there).
type RecordKeyMap struct {
	Filter, Open, New, Edit, Archive, Sort, ShowArchived, Back, Inquiry key.Binding
	Payers                                                              key.Binding // the customer's learned payer names (issue 14)
}

func DefaultRecordKeyMap(p i18n.Printer) RecordKeyMap {
	return RecordKeyMap{
		Filter:       bind(p, "/", "key.filter", "/"),
		Open:         bind(p, "enter", "key.open", "enter"),
		New:          bind(p, "n", "key.new", "n"),
		Edit:         bind(p, "e", "key.edit", "e"),
		Archive:      bind(p, "a", "key.archive", "a"),
		Sort:         bind(p, "s", "key.sort", "s"),
		ShowArchived: bind(p, "A", "key.show_archived", "A"),
		Back:         bind(p, "esc", "key.back", "esc"),
		Inquiry:      bind(p, "i", "key.inquiry", "i"),
		Payers:       bind(p, "p", "key.payers", "p"),
	}
}

// FilterKeyMap is active while the filter line has the keyboard.
type FilterKeyMap struct {
	Apply, Clear key.Binding
}

func DefaultFilterKeyMap(p i18n.Printer) FilterKeyMap {
	return FilterKeyMap{
		Apply: bind(p, "enter", "key.filter_apply", "enter", "down"),
		Clear: bind(p, "esc", "key.filter_clear", "esc"),
	}
}

// FormKeyMap edits a form.
type FormKeyMap struct {
	Next, Prev, Choose, Save, Cancel key.Binding
}

func DefaultFormKeyMap(p i18n.Printer) FormKeyMap {
	return FormKeyMap{
		Next:   bind(p, "tab/↓", "key.next_field", "tab", "down"),
		Prev:   bind(p, "shift+tab/↑", "key.prev_field", "shift+tab", "up"),
		Choose: bind(p, "←/→/space", "key.choose", "left", "right", "space"),
		Save:   bind(p, "ctrl+s", "key.save", "ctrl+s"),
		Cancel: bind(p, "esc", "key.cancel", "esc"),
	}
}

// DialogKeyMap answers a confirmation.
type DialogKeyMap struct {
	Yes, No key.Binding
}

func DefaultDialogKeyMap(p i18n.Printer) DialogKeyMap {
	return DialogKeyMap{
		Yes: bind(p, "y/enter", "key.yes", "y", "Y", "enter"),
		No:  bind(p, "n/esc", "key.no", "n", "N", "esc"),
	}
}

// DocumentKeyMap filters documents and acts on the selected one.
type DocumentKeyMap struct {
	KindFilter, StatusFilter, CustomerFilter, DateFilter             key.Binding
	Issue, Convert, Void, Revise, Duplicate, Delete, Accept, Decline key.Binding
	Export, Open, Print, ExportAll                                   key.Binding
	Mail                                                             key.Binding // send the PDF by email
	// The law's search (電子帳簿保存法): the totals' range, and the kept PDFs.
	AmountFilter, SentHistory key.Binding
	WriteOff                  key.Binding // close what is left on an invoice (issue 14)
	CloseRun                  key.Binding // the closing run (issue 16)
}

func DefaultDocumentKeyMap(p i18n.Printer) DocumentKeyMap {
	return DocumentKeyMap{
		KindFilter:     bind(p, "K", "key.kind_filter", "K"),
		StatusFilter:   bind(p, "F", "key.status_filter", "F"),
		CustomerFilter: bind(p, "C", "key.customer_filter", "C"),
		DateFilter:     bind(p, "D", "key.date_filter", "D"),
		Issue:          bind(p, "I", "key.issue", "I"),
		Convert:        bind(p, "c", "key.convert", "c"),
		Void:           bind(p, "V", "key.void", "V"),
		Revise:         bind(p, "r", "key.revise", "r"),
		Duplicate:      bind(p, "y", "key.duplicate", "y"),
		Delete:         bind(p, "x", "key.delete_draft", "x"),
		Accept:         bind(p, "+", "key.accept", "+"),
		Decline:        bind(p, "-", "key.decline", "-"),
		Export:         bind(p, "p", "key.export", "p"),
		Open:           bind(p, "o", "key.open_pdf", "o"),
		Print:          bind(p, "P", "key.print", "P"),
		ExportAll:      bind(p, "E", "key.export_all", "E"),
		Mail:           bind(p, "m", "key.mail", "m"),
		AmountFilter:   bind(p, "A", "key.amount_filter", "A"),
		SentHistory:    bind(p, "H", "key.sent_history", "H"),
		WriteOff:       bind(p, "W", "key.write_off", "W"),
		CloseRun:       bind(p, "B", "key.close_run", "B"),
	}
}

// GridKeyMap moves through and edits the line grid of a document or
// contract. The product lookup has no key of its own: enter or typing on the
// product cell opens it (a letter key would be lost to the cells' typing).
type GridKeyMap struct {
	Up, Down, Left, Right, Edit, AddBelow, AddAbove, Delete, MoveUp, MoveDown key.Binding
}

func DefaultGridKeyMap(p i18n.Printer) GridKeyMap {
	return GridKeyMap{
		Up:       bind(p, "↑/k", "key.up", "up", "k"),
		Down:     bind(p, "↓/j", "key.down", "down", "j"),
		Left:     bind(p, "←/h", "key.left", "left", "h"),
		Right:    bind(p, "→/l", "key.right", "right", "l"),
		Edit:     bind(p, "enter", "key.edit_cell", "enter"),
		AddBelow: bind(p, "o", "key.add_below", "o"),
		AddAbove: bind(p, "O", "key.add_above", "O"),
		Delete:   bind(p, "d", "key.delete_line", "d"),
		MoveUp:   bind(p, "ctrl+↑", "key.move_up", "ctrl+up"),
		MoveDown: bind(p, "ctrl+↓", "key.move_down", "ctrl+down"),
	}
}

// PaymentKeyMap acts on payments and opens the bank reconciliation.
type PaymentKeyMap struct {
	New, Allocate, Reverse, Bank key.Binding
	Receipt                      key.Binding // 領収書: make, issue and export the payment's receipt
}

func DefaultPaymentKeyMap(p i18n.Printer) PaymentKeyMap {
	return PaymentKeyMap{
		New:      bind(p, "n", "key.record_payment", "n"),
		Allocate: bind(p, "a", "key.allocate", "a"),
		Reverse:  bind(p, "R", "key.reverse", "R"),
		Bank:     bind(p, "b", "key.reconcile", "b"),
		Receipt:  bind(p, "r", "payments.key.receipt", "r"),
	}
}

// AllocateKeyMap allocates a payment to open invoices.
type AllocateKeyMap struct {
	Toggle, Amount, Auto, Save, Cancel key.Binding
}

func DefaultAllocateKeyMap(p i18n.Printer) AllocateKeyMap {
	return AllocateKeyMap{
		Toggle: bind(p, "space", "key.apply_toggle", "space", "enter"),
		Amount: bind(p, "e", "key.apply_amount", "e"),
		Auto:   bind(p, "A", "key.apply_auto", "A"),
		Save:   bind(p, "ctrl+s", "key.save", "ctrl+s"),
		Cancel: bind(p, "esc", "key.cancel", "esc"),
	}
}

// ReconcileKeyMap works through a bank file's deposits. Move only names, in
// the help bar, the list's own j/k (↑/↓) that go from deposit to deposit.
type ReconcileKeyMap struct {
	Import, Accept, Next, Assign, Fee, Back, Move key.Binding
	// Nothing drops out of view (issue 14): s holds (保留), x marks not a
	// payment, h shows the held and not-a-payment deposits, u undoes.
	Hold, NotPayment, Section, Undo key.Binding
}

func DefaultReconcileKeyMap(p i18n.Printer) ReconcileKeyMap {
	return ReconcileKeyMap{
		Import:     bind(p, "i", "key.import_bank", "i"),
		Accept:     bind(p, "enter/y", "key.accept_match", "enter", "y"),
		Next:       bind(p, "space", "key.next_candidate", "space"),
		Assign:     bind(p, "a", "key.assign", "a"),
		Fee:        bind(p, "f", "key.close_fee", "f"),
		Back:       bind(p, "esc", "key.back", "esc"),
		Move:       bind(p, "j/k", "key.move", "j", "k", "down", "up"),
		Hold:       bind(p, "s", "key.hold", "s"),
		NotPayment: bind(p, "x", "key.not_payment", "x"),
		Section:    bind(p, "h", "key.bank_section", "h"),
		Undo:       bind(p, "u", "key.bank_undo", "u"),
	}
}

// OverdueKeyMap acts on the overdue list and its selected invoice (or, in the
// per-customer view, the selected customer).
type OverdueKeyMap struct {
	AsOf, PerCustomer, Sort, Pay, Remind, ReminderPDF key.Binding
	Mail                                              key.Binding // send the reminder PDF by email
	// Issue 14: write off what is left, send the due reminder stage, hold reminders.
	WriteOff, SendStage, Hold key.Binding
}

func DefaultOverdueKeyMap(p i18n.Printer) OverdueKeyMap {
	return OverdueKeyMap{
		AsOf:        bind(p, "D", "key.as_of", "D"),
		PerCustomer: bind(p, "v", "key.per_customer", "v"),
		Sort:        bind(p, "s", "key.sort", "s"),
		Pay:         bind(p, "n", "key.record_payment", "n"),
		Remind:      bind(p, "L", "key.log_reminder", "L"),
		ReminderPDF: bind(p, "p", "key.reminder_pdf", "p"),
		Mail:        bind(p, "m", "key.mail_reminder", "m"),
		WriteOff:    bind(p, "W", "key.write_off", "W"),
		SendStage:   bind(p, "R", "key.send_stage", "R"),
		Hold:        bind(p, "H", "key.reminder_hold", "H"),
	}
}

// ContractKeyMap filters contracts and acts on them. PriceChange changes a
// line's unit price of an active contract from a date (価格改定).
type ContractKeyMap struct {
	StatusFilter, PersonFilter, Activate, Bill, Renewals, Renew, End, Cancel, PDF, PriceChange key.Binding
}

func DefaultContractKeyMap(p i18n.Printer) ContractKeyMap {
	return ContractKeyMap{
		StatusFilter: bind(p, "F", "key.status_filter", "F"),
		PersonFilter: bind(p, "W", "key.person_filter", "W"),
		Activate:     bind(p, "I", "key.activate", "I"),
		Bill:         bind(p, "B", "key.billing_run", "B"),
		Renewals:     bind(p, "R", "key.renewals", "R"),
		Renew:        bind(p, "r", "key.renew", "r"),
		End:          bind(p, "x", "key.end_contract", "x"),
		Cancel:       bind(p, "X", "key.cancel_contract", "X"),
		PDF:          bind(p, "p", "key.export", "p"),
		PriceChange:  bind(p, "c", "key.price_change", "c"),
	}
}

// InquiryKeyMap is the Inquiries tab's own: the status filter (new, edit and
// search are the RecordKeyMap's).
type InquiryKeyMap struct {
	StatusFilter key.Binding
}

func DefaultInquiryKeyMap(p i18n.Printer) InquiryKeyMap {
	return InquiryKeyMap{StatusFilter: bind(p, "F", "key.status_filter", "F")}
}

// ReportKeyMap switches the Reports screen's views, sorts the ranked ones and
// sets the period.
type ReportKeyMap struct {
	PrevView, NextView, Sort, Period key.Binding
	Export                           key.Binding // the balances report as a PDF
}

func DefaultReportKeyMap(p i18n.Printer) ReportKeyMap {
	return ReportKeyMap{
		PrevView: bind(p, "←/h", "key.report_view", "left", "h"),
		NextView: bind(p, "→/l", "key.report_view", "right", "l"),
		Sort:     bind(p, "s", "key.sort", "s"),
		Period:   bind(p, "D", "key.report_period", "D"),
		Export:   bind(p, "p", "key.balances_pdf", "p"),
	}
}

// MailKeyMap answers the preview of a mail: send it, change its recipient
// or subject first, or not send it.
type MailKeyMap struct {
	Send, To, Subject, Cancel key.Binding
}

func DefaultMailKeyMap(p i18n.Printer) MailKeyMap {
	return MailKeyMap{
		Send:    bind(p, "y/enter", "key.send", "y", "Y", "enter"),
		To:      bind(p, "t", "key.mail_to", "t"),
		Subject: bind(p, "s", "key.mail_subject", "s"),
		Cancel:  bind(p, "n/esc", "key.cancel", "n", "N", "esc"),
	}
}

// SettingsPageKeyMap turns the settings screen's pages: the company, the
// mail settings. (Letters belong to the form's fields there.)
type SettingsPageKeyMap struct {
	Mail, Company key.Binding
	// The reminder stages (issue 14), after the mail page; help only.
	Stages, BackToMail key.Binding
}

func DefaultSettingsPageKeyMap(p i18n.Printer) SettingsPageKeyMap {
	return SettingsPageKeyMap{
		Mail:       bind(p, "pgdn", "key.mail_settings", "pgdown"),
		Company:    bind(p, "pgup", "key.company_settings", "pgup"),
		Stages:     bind(p, "pgdn", "key.stage_settings", "pgdown"),
		BackToMail: bind(p, "pgup", "key.mail_settings", "pgup"),
	}
}
